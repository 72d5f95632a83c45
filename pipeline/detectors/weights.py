"""Loading and saving detector weights: local files or http(s) URLs, always ``weights_only``.

A detector weights file written by ``save_weights`` is a dict::

    {"format": "street2shop-detector", "version": 1, "spec": "frcnn-mobilenet-v3",
     "config": {...build options...}, "categories": [...13 names...], "state_dict": {...}}

``load_weights`` also accepts a bare state dict (e.g. torchvision's own ``.pth`` files) and
the training checkpoints that ``train`` writes (their ``model`` entry).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .base import DetectorError
from .categories import CATEGORY_NAMES

FORMAT = "street2shop-detector"


@dataclass
class LoadedWeights:
    state_dict: dict
    spec: str | None        # the spec recorded in the file, if any
    config: dict            # build options recorded in the file, if any
    weights_id: str         # sha256 prefix of the file's bytes
    source: str


def _is_url(source: str) -> bool:
    return urllib.parse.urlparse(str(source)).scheme in ("http", "https")


def fetch(source: str | os.PathLike) -> Path:
    """A local path for ``source``: the path itself, or a URL downloaded into torch's hub cache."""
    source = str(source)
    if not _is_url(source):
        path = Path(source).expanduser()
        if not path.is_file():
            raise DetectorError(f"detector weights not found: {source}")
        return path
    import torch.hub

    name = Path(urllib.parse.urlparse(source).path).name or "weights.pth"
    cache = Path(torch.hub.get_dir()) / "checkpoints"
    dest = cache / name
    if not dest.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        try:
            torch.hub.download_url_to_file(source, str(dest), progress=False)
        except Exception as exc:  # URLError, HTTPError, timeouts, ...
            raise DetectorError(f"cannot download detector weights from {source}: {exc}") from None
    return dest


def file_id(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def load_state(source: str | os.PathLike) -> tuple[object, Path]:
    """``torch.load(weights_only=True)`` of a path or URL; one DetectorError when it is not loadable."""
    import torch

    path = fetch(source)
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DetectorError(f"cannot load detector weights {source}: not a readable torch weights file ({first})") from None
    return obj, path


def load_weights(source: str | os.PathLike) -> LoadedWeights:
    obj, path = load_state(source)
    spec, config = None, {}
    if isinstance(obj, dict) and obj.get("format") == FORMAT:
        spec, config, state = obj.get("spec"), dict(obj.get("config") or {}), obj.get("state_dict")
    elif isinstance(obj, dict) and isinstance(obj.get("model"), dict) and "step" in obj:  # training checkpoint
        spec, config, state = obj.get("spec"), dict(obj.get("config") or {}), obj["model"]
    else:
        state = obj
    if not isinstance(state, dict) or not state:
        raise DetectorError(f"cannot load detector weights {source}: no state dict in the file")
    return LoadedWeights(state, spec, config, file_id(path), str(source))


def save_weights(path: str | os.PathLike, state_dict: dict, *, spec: str, config: dict) -> Path:
    """Write a detector weights file atomically (temp file in the same folder, then rename)."""
    import torch

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT,
        "version": 1,
        "spec": spec,
        "config": dict(config),
        "categories": list(CATEGORY_NAMES),
        "state_dict": {k: v.detach().cpu() for k, v in state_dict.items()},
    }
    atomic_torch_save(payload, path)
    return path


def atomic_torch_save(obj, path: str | os.PathLike) -> None:
    import torch

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            torch.save(obj, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
