"""How well garments are found: box recall at an IoU and the category accuracy of the boxes found,
against true garment boxes (a fixture's, or a labelled set's)."""

from __future__ import annotations

from dataclasses import dataclass

from .base import box_iou


@dataclass
class GarmentRecall:
    garments: int  # true garments
    found: int  # with a detection of IoU >= the threshold
    category_right: int  # of those, the best-overlapping detection's category is the true one
    category_top2: int  # ... or its second likeliest
    detections: int

    @property
    def recall(self) -> float:
        return self.found / self.garments if self.garments else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.category_right / self.found if self.found else 0.0

    @property
    def category_top2_accuracy(self) -> float:
        return self.category_top2 / self.found if self.found else 0.0


def garment_recall(detections: list[list], truth: list[list[tuple[tuple, int | None]]], iou: float = 0.5
                   ) -> GarmentRecall:
    """`detections[i]`: image i's detections; `truth[i]`: its (box, category) pairs. A whole-frame
    detection counts like any box (that is the baseline it must beat)."""
    result = GarmentRecall(0, 0, 0, 0, sum(len(d) for d in detections))
    for dets, garments in zip(detections, truth):
        for box, category in garments:
            result.garments += 1
            best = max(dets, key=lambda d: box_iou(d.box, box), default=None)
            if best is None or box_iou(best.box, box) < iou:
                continue
            result.found += 1
            if not best.whole_image:
                result.category_right += best.category == category
                result.category_top2 += category in [c for c, _ in best.top(2)]
    return result
