"""What the dataset importers and exporters share: their one error, row ids, the `extra` JSON,
image bytes checked with Pillow's guard, and output folders written aside and renamed in place.

A `DatasetFormatError` message names the file or folder at fault and what to do about it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from street2shop.core.image_gate import FORMAT_EXTENSIONS, ImageRejected, guarded_open
from street2shop.core.schemas import DATASET_PAIRS

from .layout import DatasetLayoutError, commit_dir, recover_dir, shards, staging_dir


class DatasetFormatError(Exception):
    """An input that is not the format it should be, or an output folder we may not replace;
    the message names the file and what to do."""


def row_id(*parts) -> str:
    """A stable pair id: the same source ids give the same id on every run and machine."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def extra_json(fields: dict) -> str | None:
    """The `*_extra` column: sorted keys, compact, so the same fields give the same string."""
    if not fields:
        return None
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def parse_extra(text: str | None, where: str) -> dict:
    if not text:
        return {}
    try:
        out = json.loads(text)
    except ValueError as exc:
        raise DatasetFormatError(f"{where}: the extra column is not JSON ({exc})") from None
    if not isinstance(out, dict):
        raise DatasetFormatError(f"{where}: the extra column is not a JSON object")
    return out


def empty_row(**fields) -> dict:
    """A DATASET_PAIRS row with every column null but `fields`."""
    unknown = set(fields) - set(DATASET_PAIRS.names)
    if unknown:  # a typo here would silently drop data
        raise KeyError(f"not DATASET_PAIRS columns: {sorted(unknown)}")
    row = dict.fromkeys(DATASET_PAIRS.names)
    row.update(fields)
    return row


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    format: str  # Pillow's name: JPEG, PNG, ...

    @property
    def extension(self) -> str:
        return FORMAT_EXTENSIONS.get(self.format, self.format.lower())


def image_facts(data: bytes, name: str) -> ImageFacts:
    """Size and format of image bytes, decoded once (at reduced scale where the codec allows)
    with the decompression-bomb guard on: a truncated or corrupt file fails here, named."""
    if not data:
        raise DatasetFormatError(f"image {name}: empty file; replace or remove it")
    try:
        with guarded_open(data) as im:
            width, height, fmt = im.width, im.height, im.format or "UNKNOWN"
            im.draft(None, (max(1, width // 8), max(1, height // 8)))  # JPEG decodes every block at 1/8 scale
            im.load()
    except ImageRejected as exc:
        raise DatasetFormatError(f"image {name}: {exc} ({exc.kind}); replace or remove it") from None
    return ImageFacts(width, height, fmt)


def read_image_file(path: Path) -> tuple[bytes, ImageFacts]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DatasetFormatError(f"image {path}: not readable ({exc.strerror or exc})") from None
    return data, image_facts(data, str(path))


def hf_image(data: bytes, name: str) -> dict:
    """The `Image` feature's struct: the file's bytes as they are, and its file name."""
    return {"bytes": data, "path": name}


def box_out(values) -> list:
    """A float32 box back as the numbers it was written from: 12 not 12.0, 10.3 not
    10.300000190734863 (the shortest decimal that is the same float32)."""
    out = []
    for v in values:
        x = float(np.format_float_positional(np.float32(v), unique=True, trim="-"))
        out.append(int(x) if x.is_integer() else x)
    return out


def box_in(values, where: str) -> list[float]:
    try:
        box = [float(v) for v in values]
    except (TypeError, ValueError):
        box = []
    if len(box) != 4:
        raise DatasetFormatError(f"{where}: a box must be 4 numbers x1, y1, x2, y2, got {values!r}")
    return box


def one_split(dataset_dir: Path, config: str | None, split: str | None) -> tuple[str, str]:
    """The single (config, split) an export writes: a DeepFashion2 or COCO folder is one split."""
    try:
        found = list(shards(dataset_dir))
    except DatasetLayoutError as exc:
        raise DatasetFormatError(str(exc)) from None
    chosen = [(c, s) for c, s in found if (config is None or c == config) and (split is None or s == split)]
    have = ", ".join(f"{c}/{s}" for c, s in found) or "none"
    if not chosen:
        raise DatasetFormatError(f"{dataset_dir}: no split config={config or '*'} split={split or '*'} "
                                 f"(it has: {have})")
    if len(chosen) > 1:
        raise DatasetFormatError(f"{dataset_dir}: holds several splits ({have}); an export is one split: "
                                 "choose one with config and split")
    return chosen[0]


def check_replaceable(out_dir: Path, allowed: set[str], what: str) -> None:
    """Refuse to replace a folder that holds anything but a previous output of the same kind
    (the output is swapped in whole, so whatever else is there would be lost)."""
    out_dir = Path(out_dir)
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise DatasetFormatError(f"{out_dir}: is a file; give a new or empty folder for the {what}")
    foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in allowed and not p.name.startswith("."))
    if foreign:
        raise DatasetFormatError(f"{out_dir}: holds other files ({', '.join(foreign[:3])}); "
                                 f"give a new or empty folder for the {what}")


@contextmanager
def building(out_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `out_dir` to write into; it replaces `out_dir` only when the block
    ends without an error, so a failed or killed export leaves the previous one whole."""
    out_dir = Path(out_dir)
    recover_dir(out_dir)
    stage = staging_dir(out_dir)
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    commit_dir(stage, out_dir)
