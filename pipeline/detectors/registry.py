"""Detector factory. A backend is one module that calls ``register`` for its spec(s).

    create_detector("frcnn-r50-fpn-v2", weights="df2-r50.pt")
    create_detector("frcnn-mobilenet-v3", weights="https://example.org/df2-mnv3.pt", device="cpu")
    create_detector("detectron2:COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml", weights="model_final.pth")

To add a backend: write ``pipeline/detectors/<name>_detector.py`` that decorates a factory
``factory(spec, *, weights=None, device=None, **options) -> Detector`` with ``@register("<spec>")``
(or ``@register("<prefix>:", prefix=True)``); it is found by its name (pipeline/backends.py).
"""

from __future__ import annotations

from typing import Callable

from street2shop.pipeline.backends import import_backends

from .base import Detector, DetectorError

DEFAULT_SPEC = "frcnn-r50-fpn-v2"
CPU_SPEC = "frcnn-mobilenet-v3"

_EXACT: dict[str, Callable[..., Detector]] = {}
_PREFIX: dict[str, Callable[..., Detector]] = {}
_loaded = False


def register(spec: str, *, prefix: bool = False):
    def deco(factory: Callable[..., Detector]):
        (_PREFIX if prefix else _EXACT)[spec] = factory
        return factory

    return deco


def _load_backends() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        import_backends(__package__, "_detector")


def available_specs() -> list[str]:
    _load_backends()
    return sorted(_EXACT) + [p + "<config>" for p in sorted(_PREFIX)]


def spec_of_weights(weights: str) -> str | None:
    from .weights import load_weights

    return load_weights(weights).spec


def create_detector(spec: str | None = None, *, weights: str | None = None, device=None,
                    score_threshold: float | None = None, **options) -> Detector:
    """Build a detector for ``spec``; ``weights`` is a local .pt/.pth file or an http(s) URL.

    spec None: the spec recorded in ``weights`` (a file written by this package), else
    ``DEFAULT_SPEC``. weights None: random initialisation, or ``pretrained_backbone=<path|URL>``
    (COCO detector or ImageNet classifier weights) for training. Other options
    (``min_size``, ``max_size``, ``box_nms_thresh``, ``class_agnostic_nms``, ``batch_size``, ...)
    are the backend's. ``score_threshold``: the least score ``detect`` keeps when a call
    gives none (the backend's default otherwise). Every failure is one DetectorError naming the input.
    """
    if score_threshold is not None and not 0 <= score_threshold <= 1:
        raise DetectorError(f"score_threshold {score_threshold} is not between 0 and 1")
    _load_backends()
    if spec is None:
        spec = (spec_of_weights(weights) if weights is not None else None) or DEFAULT_SPEC
    factory = _EXACT.get(spec)
    if factory is None:
        for pre, f in _PREFIX.items():
            if spec.startswith(pre):
                factory = f
                break
    if factory is None:
        raise DetectorError(f"unknown detector {spec!r}; known: {', '.join(available_specs())}")
    detector = factory(spec, weights=weights, device=device, **options)
    if score_threshold is not None:
        detector.score_threshold = float(score_threshold)
    return detector
