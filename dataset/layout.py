"""A dataset on disk, laid out the way Hugging Face `datasets` loads it.

    <dir>/README.md                                      the card: YAML front matter (configs, features,
                                                         split sizes, licence, provenance, cleaning report)
    <dir>/data/<config>/<split>-00000-of-00002.parquet   `DATASET_PAIRS` rows, image bytes embedded

`datasets.load_dataset("<dir>", "<config>")` and `load_dataset("parquet", data_files=...)` both
read it: each Parquet file carries the `huggingface` schema metadata that marks the image
columns as `Image` features. Every file is written so that the same rows give the same bytes
(no timestamps, fixed row-group size), and the whole folder is written aside and renamed into
place, so a killed build leaves the previous dataset whole.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from street2shop.core.schemas import DATASET_PAIRS, HF_IMAGE

ROWS_PER_SHARD = 2000
ROW_GROUP_ROWS = 100  # what `datasets` itself uses for image data: a reader holds ~100 images at a time
SHARD_RE = re.compile(r"^(?P<split>[A-Za-z0-9_]+)-(?P<n>\d{5})-of-(?P<of>\d{5})\.parquet$")
CARD = "README.md"


class DatasetLayoutError(Exception):
    """A folder that is not a dataset of ours; the message names it and what is wrong."""


# -- features: our Arrow schema in the two ways `datasets` describes it

def _value_dtype(t: pa.DataType) -> str:
    names = {pa.float32(): "float32", pa.float64(): "float64", pa.bool_(): "bool"}
    return names.get(t, str(t))


def hf_feature(t: pa.DataType) -> dict:
    """The `datasets` feature (as `Features.to_dict()` writes it) of an Arrow type of ours."""
    if t == HF_IMAGE:
        return {"_type": "Image"}
    if pa.types.is_list(t):
        return {"feature": hf_feature(t.value_type), "_type": "List"}
    return {"dtype": _value_dtype(t), "_type": "Value"}


def hf_features(schema: pa.Schema = DATASET_PAIRS) -> dict:
    return {f.name: hf_feature(f.type) for f in schema}


def card_features(schema: pa.Schema = DATASET_PAIRS) -> list[dict]:
    """The card's `features:` list (as `Features._to_yaml_list()` writes it)."""
    def yaml_type(t):
        if t == HF_IMAGE:
            return "image"
        return _value_dtype(t)

    out = []
    for f in schema:
        if pa.types.is_list(f.type):
            out.append({"name": f.name, "list": yaml_type(f.type.value_type)})
        else:
            out.append({"name": f.name, "dtype": yaml_type(f.type)})
    return out


def parquet_schema(schema: pa.Schema = DATASET_PAIRS) -> pa.Schema:
    meta = dict(schema.metadata or {})
    meta[b"huggingface"] = json.dumps({"info": {"features": hf_features(schema)}}).encode()
    return schema.with_metadata(meta)


# -- writing

class ShardWriter:
    """The rows of one (config, split), streamed into shards of at most `rows_per_shard` rows.
    Shards are written under hidden names and renamed to `<split>-NNNNN-of-MMMMM.parquet` by
    `close()`, when their number is known."""

    def __init__(self, root: Path, config: str, split: str, *, rows_per_shard: int = ROWS_PER_SHARD,
                 schema: pa.Schema = DATASET_PAIRS):
        self.folder = Path(root) / "data" / config
        self.folder.mkdir(parents=True, exist_ok=True)
        self.split, self.rows_per_shard = split, rows_per_shard
        self.schema = parquet_schema(schema)
        self.rows = 0
        self.num_bytes = 0  # Arrow bytes of the rows, as `datasets` counts a split's num_bytes
        self._hidden: list[Path] = []
        self._writer: pq.ParquetWriter | None = None
        self._in_shard = 0
        self._pending: list[dict] = []

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._pending.append(row)
            if len(self._pending) >= ROW_GROUP_ROWS:
                self._flush()

    def _flush(self) -> None:
        while self._pending:
            if self._writer is None or self._in_shard >= self.rows_per_shard:
                self._next_shard()
            room = min(self.rows_per_shard - self._in_shard, ROW_GROUP_ROWS)
            chunk, self._pending = self._pending[:room], self._pending[room:]
            table = pa.Table.from_pylist(chunk, schema=self.schema)
            self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
            self._in_shard += len(chunk)
            self.rows += len(chunk)
            self.num_bytes += table.nbytes

    def _next_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
        path = self.folder / f".{self.split}-{len(self._hidden):05d}.parquet.tmp"
        self._hidden.append(path)
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd", write_statistics=False)
        self._in_shard = 0

    def close(self) -> list[Path]:
        self._flush()
        if self._writer is None:  # no rows: one empty shard, so the split still loads
            self._next_shard()
        self._writer.close()
        total = len(self._hidden)
        final = []
        for n, hidden in enumerate(self._hidden):
            path = self.folder / f"{self.split}-{n:05d}-of-{total:05d}.parquet"
            os.replace(hidden, path)
            final.append(path)
        return final


def write_card(root: Path, metadata: dict, body: str) -> None:
    text = "---\n" + yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" + body
    (Path(root) / CARD).write_text(text, encoding="utf-8")


def staging_dir(final: Path) -> Path:
    """A fresh hidden folder beside `final` to build a dataset in."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    stage = final.parent / f".{final.name}.building-{os.getpid()}"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir()
    return stage


def commit_dir(stage: Path, final: Path) -> None:
    """Put a finished `stage` folder in `final`'s place. The old dataset is moved aside first and
    removed last; `recover_dir` puts it back if a run dies between the two renames."""
    final = Path(final)
    old = final.parent / f".{final.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(stage, final)
    if old.exists():
        shutil.rmtree(old)


def recover_dir(final: Path) -> None:
    """Undo what a killed run left: its half-built folders, or a dataset moved aside and not replaced."""
    final = Path(final)
    for stale in final.parent.glob(f".{final.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    old = final.parent / f".{final.name}.old"
    if old.exists():
        if final.exists():
            shutil.rmtree(old)
        else:
            os.replace(old, final)


# -- reading

def read_card(root: Path) -> dict:
    """The card's YAML front matter."""
    path = Path(root) / CARD
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetLayoutError(f"{root}: no dataset card ({CARD}: {exc.strerror or exc}); "
                                 "is this a folder `street2shop dataset build` wrote?") from None
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        raise DatasetLayoutError(f"{path}: no YAML front matter between --- lines")
    try:
        meta = yaml.safe_load(text[4:text.index("\n---", 4)])
    except yaml.YAMLError as exc:
        raise DatasetLayoutError(f"{path}: the YAML front matter does not parse ({exc})") from None
    if not isinstance(meta, dict):
        raise DatasetLayoutError(f"{path}: the YAML front matter is not a mapping")
    return meta


def shards(root: Path) -> dict[tuple[str, str], list[Path]]:
    """(config, split) -> its Parquet shards in order, from the files under data/."""
    data = Path(root) / "data"
    if not data.is_dir():
        raise DatasetLayoutError(f"{root}: no data/ folder; is this a folder `street2shop dataset build` wrote?")
    out: dict[tuple[str, str], list[Path]] = {}
    for config_dir in sorted(p for p in data.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in sorted(config_dir.glob("*.parquet")):
            m = SHARD_RE.match(path.name)
            if m:
                out.setdefault((config_dir.name, m["split"]), []).append(path)
    return out


def iter_batches(root: Path, *, columns: list[str] | None = None, config: str | None = None,
                 split: str | None = None, batch_rows: int = ROW_GROUP_ROWS
                 ) -> Iterator[tuple[str, str, Path, pa.RecordBatch]]:
    """Every row of the dataset, a batch at a time: (config, split, shard, batch). Memory holds
    one batch, whatever the dataset's size."""
    for (cfg, spl), paths in shards(root).items():
        if (config and cfg != config) or (split and spl != split):
            continue
        for path in paths:
            for batch in file_batches(path, batch_rows=batch_rows, columns=columns):
                yield cfg, spl, path, batch


def file_batches(path: Path, *, batch_rows: int = ROW_GROUP_ROWS,
                 columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """The rows of one Parquet file, a batch at a time, in order. One row group is read at a
    time, without threads and without pre-buffering: a reader that reads ahead holds more the
    bigger the file (docs/architecture.md)."""
    with pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20) as f:
        for group in range(f.num_row_groups):
            yield from f.iter_batches(batch_size=batch_rows, row_groups=[group], columns=columns, use_threads=False)


def iter_rows(root: Path, **options) -> Iterator[dict]:
    for _, _, _, batch in iter_batches(root, **options):
        yield from batch.to_pylist()


class DatasetWriter:
    """A whole dataset written aside and put in place at `finish()` (nothing changes at `final`
    if the run dies or raises first).

        with DatasetWriter(out) as w:
            w.write("exact", "train", rows)
            w.finish(card_metadata(w.sizes(), licence="cc-by-4.0"), body)
    """

    def __init__(self, final: Path, *, rows_per_shard: int = ROWS_PER_SHARD):
        self.final, self.rows_per_shard = Path(final), rows_per_shard
        self._writers: dict[tuple[str, str], ShardWriter] = {}
        self.stage: Path | None = None

    def __enter__(self) -> "DatasetWriter":
        recover_dir(self.final)
        self.stage = staging_dir(self.final)
        return self

    def write(self, config: str, split: str, rows: Iterable[dict]) -> None:
        key = (config, split)
        if key not in self._writers:
            self._writers[key] = ShardWriter(self.stage, config, split, rows_per_shard=self.rows_per_shard)
        self._writers[key].write(rows)

    def open_split(self, config: str, split: str) -> None:
        """Make sure (config, split) exists even when no row falls in it (`datasets` refuses to
        load a split with no rows: a build leaves empty splits out)."""
        self.write(config, split, [])

    def sizes(self) -> dict[str, dict[str, dict[str, int]]]:
        """{config: {split: {"num_examples", "num_bytes"}}} of what was written so far."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for (config, split), w in sorted(self._writers.items(), key=lambda kv: (kv[0][0], _split_key(kv[0][1]))):
            w._flush()
            out.setdefault(config, {})[split] = {"num_examples": w.rows, "num_bytes": w.num_bytes}
        return out

    def finish(self, metadata: dict, body: str) -> Path:
        for w in self._writers.values():
            w.close()
        write_card(self.stage, metadata, body)
        commit_dir(self.stage, self.final)
        self.stage = None
        return self.final

    def __exit__(self, *exc) -> None:
        for w in self._writers.values():
            if w._writer is not None:
                w._writer.close()
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)


SPLIT_ORDER = ("train", "validation", "test")


def _split_key(name: str) -> tuple[int, str]:
    return (SPLIT_ORDER.index(name) if name in SPLIT_ORDER else len(SPLIT_ORDER), name)


def card_metadata(sizes: dict[str, dict[str, dict[str, int]]], *, licence: str, pretty_name: str,
                  default_config: str | None = None, extra: dict | None = None) -> dict:
    """The card's YAML: licence, `configs` (where each config's splits are) and `dataset_info`
    (features and split sizes, per config), then anything in `extra` (provenance, cleaning)."""
    configs, infos = [], []
    default_config = default_config or next(iter(sizes), None)
    for config, splits in sizes.items():
        ordered = sorted(splits, key=_split_key)
        entry = {"config_name": config}
        if config == default_config:
            entry["default"] = True
        entry["data_files"] = [{"split": s, "path": f"data/{config}/{s}-*.parquet"} for s in ordered]
        configs.append(entry)
        infos.append({"config_name": config, "features": card_features(),
                      "splits": [{"name": s, "num_bytes": splits[s]["num_bytes"],
                                  "num_examples": splits[s]["num_examples"]} for s in ordered]})
    return {"license": licence, "pretty_name": pretty_name,
            "tags": ["street-to-shop", "fashion", "image-retrieval", "deepfashion2-categories"],
            "configs": configs, "dataset_info": infos, **(extra or {})}


def split_sizes(card: dict) -> dict[tuple[str, str], int]:
    """(config, split) -> num_examples, as the card states them."""
    out = {}
    for info in card.get("dataset_info") or []:
        for s in info.get("splits") or []:
            out[(info.get("config_name"), s.get("name"))] = s.get("num_examples")
    return out
