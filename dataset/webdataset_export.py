"""A dataset exported as WebDataset tar shards, for training at scale.

    <out>/<config>/<split>-000000.tar, <split>-000001.tar, ...   at most `samples_per_shard` samples each

One sample per row, its files side by side in the tar and named `<key>.<ext>` (the key is the
row's `pair_id`; a character WebDataset would read as a separator, `.` or `/`, becomes `_`):

    <key>.json                 every column that is not an image: ids, boxes, category, show, shop,
                               price, URLs, flags ... (timestamps ISO 8601; `pair_id` as the row has it)
    <key>.street.<ext>         the street photo's original bytes (ext from the bytes: jpg, png, webp, gif ...)
    <key>.shop.<ext>           the shop listing's chosen image
    <key>.shop_other.<N>.<ext> the listing's other images, N from 0, in the row's order

A side that is null has no file. Bytes are copied as the dataset holds them, never re-encoded
or checked: a sample's decoder sees what a Parquet reader would.

The same rows give the same bytes: members sorted by name within a sample, mtime 0, uid/gid 0,
no user names. Each shard is written under a hidden name and renamed when complete, and shards
left by an earlier, larger export of the same split are removed.
"""

from __future__ import annotations

import io
import json
import os
import re
import tarfile
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from street2shop.core.schemas import HF_IMAGE
from street2shop.dataset.layout import iter_batches, shards

SAMPLES_PER_SHARD = 1000
IMAGE_BATCH_ROWS = 16  # rows of embedded images decoded from Parquet at a time: the reader's memory grows with it
TAR_RE = re.compile(r"^(?P<split>[A-Za-z0-9_]+)-(?P<n>\d{6})\.tar$")
# WebDataset splits a member name at its first dot into key and extension, and reads / as a folder
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_\-]")

# magic bytes -> extension: the bytes decide, as in the crawler's image gate
_MAGIC = ((b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
          (b"BM", "bmp"), (b"II*\x00", "tif"), (b"MM\x00*", "tif"))
_PATH_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "avif"}


class ExportError(Exception):
    """An export that cannot start; the message names the input and what to do."""


def sample_key(pair_id: object) -> str:
    """The WebDataset key of a row: its pair_id with `.`, `/` and other separators made `_`."""
    key = _KEY_UNSAFE.sub("_", "" if pair_id is None else str(pair_id))
    return key or "_"


def image_extension(data: bytes, path: str | None = None) -> str:
    """The file extension of image bytes: from their magic number, else the HF path's, else "bin"."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif"
    for magic, ext in _MAGIC:
        if data.startswith(magic):
            return ext
    suffix = (path or "").rsplit(".", 1)[-1].lower() if "." in (path or "") else ""
    if suffix in _PATH_EXTENSIONS:
        return "jpg" if suffix == "jpeg" else "tif" if suffix == "tiff" else suffix
    return "bin"


def _is_image_column(t: pa.DataType) -> bool:
    return t == HF_IMAGE or (pa.types.is_list(t) and t.value_type == HF_IMAGE)


def _json_default(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def row_json(row: dict, image_columns: set[str]) -> bytes:
    """The `.json` member of a row: its non-image columns, keys sorted, UTF-8."""
    fields = {k: v for k, v in row.items() if k not in image_columns}
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_json_default).encode("utf-8")


def _image_bytes(image: dict | None) -> tuple[bytes, str] | None:
    if not image or image.get("bytes") is None:
        return None
    data = image["bytes"]
    return data, image_extension(data, image.get("path"))


def sample_files(row: dict, image_columns: set[str]) -> list[tuple[str, bytes]]:
    """(member name, bytes) of one row's sample, sorted by name."""
    key = sample_key(row.get("pair_id"))
    files = [(f"{key}.json", row_json(row, image_columns))]
    for side in ("street", "shop"):
        found = _image_bytes(row.get(f"{side}_image"))
        if found:
            files.append((f"{key}.{side}.{found[1]}", found[0]))
    for n, image in enumerate(row.get("shop_other_images") or []):
        found = _image_bytes(image)
        if found:
            files.append((f"{key}.shop_other.{n}.{found[1]}", found[0]))
    return sorted(files)


def _tar_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, 0, 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


class TarShardWriter:
    """The samples of one (config, split), streamed into tars of at most `samples_per_shard`
    samples; each tar is renamed from its hidden name once it is closed."""

    def __init__(self, folder: Path, split: str, samples_per_shard: int):
        self.folder, self.split, self.samples_per_shard = folder, split, samples_per_shard
        self.folder.mkdir(parents=True, exist_ok=True)
        self.samples = 0
        self.written: list[Path] = []
        self._tar: tarfile.TarFile | None = None
        self._hidden: Path | None = None
        self._in_shard = 0

    def add(self, files: list[tuple[str, bytes]]) -> None:
        if self._tar is None or self._in_shard >= self.samples_per_shard:
            self._next_shard()
        for name, data in files:
            self._tar.addfile(_tar_info(name, len(data)), io.BytesIO(data))
        self._in_shard += 1
        self.samples += 1

    def _next_shard(self) -> None:
        self._close_shard()
        n = len(self.written)
        self._hidden = self.folder / f".{self.split}-{n:06d}.tar.tmp"
        self._tar = tarfile.open(self._hidden, "w", format=tarfile.PAX_FORMAT)
        self._in_shard = 0

    def _close_shard(self) -> None:
        if self._tar is None:
            return
        self._tar.close()
        final = self.folder / f"{self.split}-{len(self.written):06d}.tar"
        os.replace(self._hidden, final)
        self.written.append(final)
        self._tar = self._hidden = None

    def close(self) -> list[Path]:
        self._close_shard()
        self._remove_stale()
        return self.written

    def abort(self) -> None:
        if self._tar is not None:
            self._tar.close()
            self._hidden.unlink(missing_ok=True)
            self._tar = self._hidden = None

    def _remove_stale(self) -> None:
        # a re-export with fewer shards must not leave the old tail to be read as part of the split
        for path in self.folder.glob(f"{self.split}-*.tar"):
            m = TAR_RE.match(path.name)
            if m and m["split"] == self.split and int(m["n"]) >= len(self.written):
                path.unlink()


def _selected(dataset_dir: Path, config: str | None, split: str | None) -> list[tuple[str, str]]:
    found = list(shards(dataset_dir))
    keys = [(c, s) for c, s in found if (not config or c == config) and (not split or s == split)]
    if not keys:
        have = ", ".join(f"{c}/{s}" for c, s in found) or "none"
        raise ExportError(f"{dataset_dir}: no split matches config={config or '*'} split={split or '*'} "
                          f"(it has: {have}); pick one of those")
    return keys


def export_webdataset(dataset_dir: Path, out_dir: Path, *, config: str | None = None, split: str | None = None,
                      samples_per_shard: int = SAMPLES_PER_SHARD) -> dict:
    """Write the dataset's rows (or one config's, one split's) as WebDataset tars under `out_dir`.

    Returns {"counts": {"config/split": samples}, "shards": [tar paths in order],
    "null_sides": {"street": rows, "shop": rows}}."""
    if samples_per_shard < 1:
        raise ExportError(f"samples_per_shard={samples_per_shard}: give 1 or more samples a shard")
    dataset_dir, out_dir = Path(dataset_dir), Path(out_dir)
    counts: dict[str, int] = {}
    written: list[Path] = []
    null_sides = {"street": 0, "shop": 0}
    for cfg, spl in _selected(dataset_dir, config, split):
        writer = TarShardWriter(out_dir / cfg, spl, samples_per_shard)
        try:
            for _, _, _, batch in iter_batches(dataset_dir, config=cfg, split=spl,
                                                batch_rows=IMAGE_BATCH_ROWS):
                image_columns = {f.name for f in batch.schema if _is_image_column(f.type)}
                for row in batch.to_pylist():
                    for side in null_sides:
                        null_sides[side] += _image_bytes(row.get(f"{side}_image")) is None
                    writer.add(sample_files(row, image_columns))
        except BaseException:
            writer.abort()
            raise
        written.extend(writer.close())
        counts[f"{cfg}/{spl}"] = writer.samples
    return {"counts": counts, "shards": written, "null_sides": null_sides}
