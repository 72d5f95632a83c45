"""Which garment of a street image a post's mention is about.

The mention's category is the one its own words name ("Maya's green cable-knit sweater"), else
the category of the listing it links to. Its box is the found garment of that category (among
each detection's two likeliest) that the detector is surest is that category; when none fits,
the whole image, flagged. The choice never looks at the listing's image: a box picked by
resemblance would leave the dataset only the pairs our own encoder already matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from street2shop.pipeline.detectors.base import box_iou
from street2shop.pipeline.detectors.categories import category_from_text

TOP_CATEGORIES = 2
RIVAL_SHARE = 0.5  # a rival garment is at least half as likely to be the category
SAME_GARMENT_IOU = 0.3


@dataclass
class StreetBox:
    box: tuple[float, float, float, float]
    category: int | None  # the detection's own (arg-max) category; None for the whole image
    whole_image: bool
    ambiguous: bool  # several garments of the category were found: the surest one was taken


def mention_category(text: str | None, listing_category: int | None) -> int | None:
    return category_from_text(text) or listing_category


def choose_box(detections: list, category: int | None, size: tuple[int, int], *, min_side: int = 1) -> StreetBox:
    """The box of the found garment of `category` (at least `min_side` pixels a side) the detector
    is surest of; the whole image when none fits. Ambiguous: another garment of the category,
    nearly as sure and elsewhere in the photo (overlapping boxes are one garment found twice)."""
    whole = StreetBox((0.0, 0.0, float(size[0]), float(size[1])), None, True, False)
    if category is None:
        return whole
    fits = [d for d in detections if not d.whole_image and category in [c for c, _ in d.top(TOP_CATEGORIES)]
            and min(d.box[2] - d.box[0], d.box[3] - d.box[1]) >= min_side]
    if not fits:
        return whole

    def sureness(d) -> float:
        return float(d.probs[category - 1])

    best = max(fits, key=lambda d: (sureness(d), float(d.score)))
    rivals = [d for d in fits if d is not best and sureness(d) >= RIVAL_SHARE * sureness(best)
              and box_iou(d.box, best.box) < SAME_GARMENT_IOU]
    return StreetBox(tuple(round(float(v), 1) for v in best.box), int(best.category), False, bool(rivals))
