"""Garment detectors over DeepFashion2's 13 categories, behind one interface.

    from street2shop.pipeline.detectors import create_detector
    det = create_detector("frcnn-r50-fpn-v2", weights="df2-r50.pt")
    for d in det.detect([pil_image])[0]:
        d.box, d.score, d.category, d.probs, det.top_categories(d, k=2)

Backends: ``frcnn-r50-fpn-v2`` (default), ``frcnn-mobilenet-v3`` (CPU speed), ``detectron2:<config>``.
Heavy imports (torch, torchvision) happen when a detector is created, not on import.
"""

from .base import Detection, Detector, DetectorError
from .categories import CATEGORIES, CATEGORY_IDS, CATEGORY_NAMES, NUM_CATEGORIES
from .fallback import detect_or_whole, trim_box
from .registry import CPU_SPEC, DEFAULT_SPEC, available_specs, create_detector, register

__all__ = [
    "CATEGORIES", "CATEGORY_IDS", "CATEGORY_NAMES", "CPU_SPEC", "DEFAULT_SPEC", "NUM_CATEGORIES",
    "Detection", "Detector", "DetectorError", "available_specs", "create_detector", "detect_or_whole",
    "register", "train_cli", "eval_cli", "train", "evaluate", "df2_to_coco",
]


def __getattr__(name):  # lazy: training/eval pull in torch and pycocotools
    if name in ("train", "evaluate", "train_cli", "eval_cli"):
        from . import training as _train

        return getattr(_train, name)
    if name == "df2_to_coco":
        from .df2 import df2_to_coco

        return df2_to_coco
    raise AttributeError(name)

