"""Shop images with no detected garment fall back to the trimmed whole image, flagged as such."""

from __future__ import annotations

import numpy as np

from .base import Detection, Detector
from .categories import NUM_CATEGORIES


def trim_box(image, tolerance: int = 12) -> tuple[float, float, float, float]:
    """The box (x1, y1, x2, y2) of ``image`` without its uniform border (packshot background).

    The background colour is the median of the outermost pixel ring; pixels that differ from it
    by more than ``tolerance`` (max over RGB) are content. A uniform image keeps its full box.
    """
    arr = np.asarray(image.convert("RGB"), dtype=np.int16)
    h, w = arr.shape[:2]
    ring = np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]])
    bg = np.median(ring, axis=0)
    content = np.abs(arr - bg).max(axis=2) > tolerance
    rows, cols = np.flatnonzero(content.any(axis=1)), np.flatnonzero(content.any(axis=0))
    if rows.size == 0 or cols.size == 0:
        return (0.0, 0.0, float(w), float(h))
    return (float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1))


def whole_image_detection(image, tolerance: int = 12) -> Detection:
    return Detection(box=trim_box(image, tolerance), score=0.0, category=1,
                     probs=np.full(NUM_CATEGORIES, 1.0 / NUM_CATEGORIES, dtype=np.float32), whole_image=True)


def detect_or_whole(image, detector: Detector, score_threshold: float | None = None,
                    tolerance: int = 12) -> list[Detection]:
    """The detector's garments in ``image``, or one ``whole_image=True`` detection of its trimmed box.

    The fallback's ``probs`` are uniform (its category is unknown: matching should search every
    category, or use the listing's own category) and its score is 0.
    """
    dets = detector.detect([image], score_threshold=score_threshold)[0]
    return dets if dets else [whole_image_detection(image, tolerance)]
