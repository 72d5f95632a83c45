"""open_clip image towers as encoders.

Specs:

* ``open_clip:<arch>@/path/checkpoint.pt`` (or .bin/.safetensors/.npz): a local checkpoint
  through open_clip's own loader; the model id carries the file's sha256 prefix;
* ``open_clip:<arch>@<tag>``: one of open_clip's pretrained tags (downloads; needs a hub);
* ``open_clip:local-dir:/path``: a folder with ``open_clip_config.json`` and weights;
* ``hf-hub:<org>/<repo>``: a model on the Hugging Face hub (config + weights), e.g.
  ``hf-hub:Marqo/marqo-fashionSigLIP``. Offline, this works only from the local cache;
  otherwise it fails with one `EncoderError` saying so.

Custom architectures: ``open_clip.add_model_config(path_to_json_or_dir)`` before
``create_encoder`` makes ``<json stem>`` a valid ``<arch>``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import torch

from street2shop.pipeline.devices import pick_device

from .base import Encoder, EncoderError, file_sha256, pick_dtype, short_reason
from .registry import register

CHECKPOINT_SUFFIXES = (".pt", ".pth", ".bin", ".safetensors", ".npz", ".npy", ".ckpt")


def _looks_like_path(value: str) -> bool:
    return os.sep in value or "/" in value or value.endswith(CHECKPOINT_SUFFIXES) or value.startswith("~")


def _dir_digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.iterdir() if p.is_file()):
        h.update(f.name.encode() + b"\0" + file_sha256(f).encode())
    return h.hexdigest()


def _hub_unreachable(spec: str, repo: str, exc: BaseException) -> EncoderError:
    return EncoderError(
        f"cannot load {spec!r}: the Hugging Face hub is unreachable (offline, or HF_HUB_OFFLINE=1) and "
        f"{repo} is not in the local cache ({short_reason(exc)}). Use a local checkpoint instead: "
        "'open_clip:<arch>@/path/to/checkpoint.pt' or 'open_clip:local-dir:/path/to/model-folder', "
        "or the offline default 'default-offline'.")


class OpenClipEncoder(Encoder):
    """``name`` is an open_clip architecture or a ``hf-hub:``/``local-dir:`` name;
    ``pretrained`` a tag or checkpoint path (only for plain architectures)."""

    def __init__(self, name: str, pretrained: str | None = None, *, spec: str | None = None,
                 device=None, precision: str = "auto"):
        import open_clip

        self.device = pick_device(device)
        self.dtype = pick_dtype(self.device, precision)
        self.spec = spec or (name if name.startswith("hf-hub:") else
                             f"open_clip:{name}" + (f"@{pretrained}" if pretrained else ""))
        kwargs = dict(device=self.device, precision="fp32")  # autocast does the low precision

        if name.startswith("hf-hub:"):
            repo = name[len("hf-hub:"):]
            try:
                from huggingface_hub import hf_hub_download
                cfg_path = Path(hf_hub_download(repo, "open_clip_config.json"))
            except Exception as e:
                raise _hub_unreachable(self.spec, repo, e) from None
            # .../snapshots/<commit>/open_clip_config.json in the hub cache
            revision = cfg_path.parent.name[:12] if cfg_path.parent.parent.name == "snapshots" else "cached"
            model_id = f"open_clip/hf-hub:{repo}@{revision}"
            load = lambda: open_clip.create_model_and_transforms(name, **kwargs)  # noqa: E731
            where = f"the hub model {repo}"
        elif name.startswith("local-dir:"):
            folder = Path(name[len("local-dir:"):]).expanduser()
            if not folder.is_dir():
                raise EncoderError(f"model folder {folder} does not exist (spec {self.spec!r}): it must hold "
                                   "open_clip_config.json and the weights")
            model_id = f"open_clip/local-dir:{folder.name}@{_dir_digest(folder)[:12]}"
            load = lambda: open_clip.create_model_and_transforms(f"local-dir:{folder}", **kwargs)  # noqa: E731
            where = f"model folder {folder}"
        else:
            if name not in open_clip.list_models():
                raise EncoderError(f"open_clip has no architecture {name!r} (spec {self.spec!r}); see "
                                   "open_clip.list_models(), or register a config with open_clip.add_model_config")
            if not pretrained:
                tags = open_clip.list_pretrained_tags_by_model(name)
                raise EncoderError(f"spec {self.spec!r} names no weights: use 'open_clip:{name}@<checkpoint path>'"
                                   + (f" or a pretrained tag ({', '.join(tags)})" if tags else ""))
            if open_clip.get_pretrained_cfg(name, pretrained):
                model_id = f"open_clip/{name}@{pretrained}"
                where = f"open_clip's pretrained weights {name}/{pretrained}"
            elif _looks_like_path(pretrained) or Path(pretrained).exists():
                path = Path(pretrained).expanduser()
                if not path.is_file():
                    raise EncoderError(f"checkpoint file {path} does not exist (spec {self.spec!r}): "
                                       "check the path after '@'")
                pretrained = str(path)
                model_id = f"open_clip/{name}@{file_sha256(path)[:12]}"
                where = f"checkpoint file {path}"
            else:
                tags = open_clip.list_pretrained_tags_by_model(name)
                raise EncoderError(f"{pretrained!r} is neither a pretrained tag of {name} "
                                   f"({', '.join(tags) or 'none'}) nor a checkpoint file")
            load = lambda: open_clip.create_model_and_transforms(name, pretrained=pretrained,  # noqa: E731
                                                                 weights_only=True, **kwargs)
        try:
            model, _, preprocess = load()
        except EncoderError:
            raise
        except Exception as e:
            reason = short_reason(e)
            if "loading state_dict" in str(e) or "size mismatch" in str(e):
                raise EncoderError(f"{where} does not fit architecture {name!r} ({reason}); check the "
                                   "architecture name in the spec") from None
            if where.startswith("checkpoint file") or where.startswith("model folder"):
                raise EncoderError(f"{where} cannot be loaded ({reason}): it is corrupt, truncated or not an "
                                   "open_clip checkpoint; download it again or use another file") from None
            raise _hub_unreachable(self.spec, where, e) from None

        model.eval()
        self.model = model
        self.name = name
        self.model_id = model_id
        self._set_preprocess(preprocess)
        self.preprocess_config = dict(getattr(model.visual, "preprocess_cfg", {}) or {})
        size = self.preprocess_config.get("size") or getattr(model.visual, "image_size", 224)
        size = (size, size) if isinstance(size, int) else tuple(size)
        with torch.inference_mode():
            self.dim = int(self._forward(torch.zeros((1, 3, *size), device=self.device)).shape[-1])

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model.encode_image(x)


@register("open_clip")
def create_open_clip(rest: str, *, spec: str, device=None, precision: str = "auto") -> OpenClipEncoder:
    """open_clip:<arch>@<tag or checkpoint path> | open_clip:local-dir:<path> - open_clip image tower"""
    if rest.startswith(("local-dir:", "hf-hub:")):
        return OpenClipEncoder(rest, spec=spec, device=device, precision=precision)
    name, _, pretrained = rest.partition("@")
    return OpenClipEncoder(name.strip(), pretrained.strip() or None, spec=spec, device=device, precision=precision)


@register("hf-hub")
def create_hf_hub(rest: str, *, spec: str, device=None, precision: str = "auto") -> OpenClipEncoder:
    """hf-hub:<org>/<repo> - open_clip model from the Hugging Face hub (or its local cache)"""
    return OpenClipEncoder(f"hf-hub:{rest.strip()}", spec=spec, device=device, precision=precision)
