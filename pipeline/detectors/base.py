"""The detector interface: what every backend returns and the calls the pipeline makes."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field

import numpy as np

from .categories import NUM_CATEGORIES, category_name


class DetectorError(Exception):
    """A detector could not be built, loaded, trained or run; the message names the input."""


@dataclass(eq=False)
class Detection:
    """One garment found in an image.

    box: (x1, y1, x2, y2) in pixels of the image given to ``detect``.
    score: confidence of ``category`` (its softmax probability, background included).
    category: DeepFashion2 category id, 1..13; always the arg-max of ``probs``.
    probs: shape (13,), the probability of every category for this box, renormalised
        without background so that it sums to 1; ``probs[c - 1]`` belongs to category ``c``.
    whole_image: True when nothing was detected and the box is the trimmed whole image
        (see ``fallback.detect_or_whole``); then ``score`` is 0 and ``probs`` is uniform.
    """

    box: tuple[float, float, float, float]
    score: float
    category: int
    probs: np.ndarray = field(repr=False)
    whole_image: bool = False

    @property
    def category_name(self) -> str:
        return category_name(self.category)

    def top(self, k: int = 2) -> list[tuple[int, float]]:
        """The ``k`` most probable categories as (category id, probability), best first."""
        order = np.argsort(-self.probs, kind="stable")[: max(0, int(k))]
        return [(int(i) + 1, float(self.probs[i])) for i in order]

    def to_dict(self) -> dict:
        return {
            "box": [float(v) for v in self.box],
            "score": float(self.score),
            "category": int(self.category),
            "category_name": self.category_name,
            "probs": [float(p) for p in self.probs],
            "whole_image": bool(self.whole_image),
        }


class Detector(abc.ABC):
    """A garment detector over DeepFashion2's 13 categories.

    ``name`` is the spec it was created from (``"frcnn-r50-fpn-v2"``, ...);
    ``weights_id`` identifies the weights (``<sha256 prefix>`` of the file, or ``random-init``)
    so that catalogs can record which detector cut their crops.
    ``score_threshold`` is the least score ``detect`` keeps when a call gives none
    (``create_detector(..., score_threshold=...)`` sets it).
    """

    name: str = "detector"
    weights_id: str = "unknown"
    score_threshold: float = 0.3

    @abc.abstractmethod
    def detect(self, images: list, score_threshold: float | None = None) -> list[list[Detection]]:
        """Detections for each PIL image, best score first, each with all 13 probabilities;
        only those scoring over ``score_threshold`` (None: the detector's own)."""

    def threshold(self, score_threshold: float | None) -> float:
        return self.score_threshold if score_threshold is None else float(score_threshold)

    def top_categories(self, det: Detection, k: int = 2) -> list[tuple[int, float]]:
        """The ``k`` likeliest categories of one detection (the matching stage searches these)."""
        return det.top(k)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} weights={self.weights_id}>"


def box_iou(a, b) -> float:
    """Intersection over union of two (x1, y1, x2, y2) boxes, in continuous coordinates (as COCO)."""
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def check_probs(probs: np.ndarray) -> np.ndarray:
    probs = np.asarray(probs, dtype=np.float32).reshape(-1)
    if probs.shape != (NUM_CATEGORIES,):
        raise ValueError(f"probs must have {NUM_CATEGORIES} entries, got {probs.shape}")
    return probs
