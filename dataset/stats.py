"""What a dataset holds, counted and shown, streamed a batch of rows at a time.

`dataset_stats(dir)` returns a JSON-ready dict:

    rows                      all rows
    configs / splits          {config: rows}, {config: {split: rows}}
    categories                {category_name: rows}, "unknown" for a null category
    shows / shops             {name: rows}, "unknown" for null
    flags                     {flag: rows carrying it}
    images                    {"street"|"shop": {"null": rows without the image, "width"|"height"|"bytes":
                              {"min", "median", "max", "count"}}, "shop_other": images}

Widths and heights are the row's `*_width`/`*_height` columns (nothing is decoded); bytes are the
embedded image's length. Medians are the lower median (a value that occurs). Memory holds one batch
(of `IMAGE_BATCH_ROWS` rows) and 8 bytes a row for each of the six measures.

`contact_sheets(dir, out)` draws one PNG per category, `<out>/<category>.png`: a grid of up to
`per_category` pairs, each cell the street crop (the street photo cut to `street_box`) beside the
shop image, both fitted into `thumb` x `thumb`. The pairs are the ones whose hash of (seed, pair_id)
is lowest: the same dataset and seed draw the same sheets. An image that does not decode is a grey
cell with an X; a null side is a plain light cell. `<out>/contact_sheets.json` says which pair is in
which cell (row-major) and counts the images that did not decode.

`stats_table(stats)` renders the stats as plain text; `stats_tables(stats)` as rich tables. Strings
from the data are printed as data (`core.console`: no control characters, no markup).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import re
from array import array
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from PIL import Image, ImageDraw

from street2shop.core.console import DataTable, plain
from street2shop.core.image_gate import ImageRejected, guarded_open
from street2shop.dataset.layout import iter_batches
from street2shop.dataset.webdataset_export import IMAGE_BATCH_ROWS

SIDES = ("street", "shop")
UNKNOWN = "unknown"
SHEET_COLUMNS = 4  # pairs a row of a sheet: each pair is two thumbs wide
GAP = 4  # px between cells and around the sheet
BACKGROUND, BROKEN, BROKEN_X, EMPTY = (255, 255, 255), (128, 128, 128), (64, 64, 64), (230, 230, 230)
TOP = 20  # rows of a long count table the text rendering shows


class StatsError(Exception):
    """Arguments a report cannot be drawn with; the message names them and what to give."""


# -- counts

class _Measure:
    """Integers seen, kept compactly (8 bytes each) for an exact min/median/max at the end."""

    def __init__(self):
        self.values = array("q")

    def extend(self, column: pa.Array) -> None:
        self.values.extend(column.drop_null().to_pylist())

    def summary(self) -> dict:
        if not self.values:
            return {"count": 0, "min": None, "median": None, "max": None}
        ordered = sorted(self.values)
        return {"count": len(ordered), "min": ordered[0], "median": ordered[(len(ordered) - 1) // 2],
                "max": ordered[-1]}


def _names(column: pa.Array) -> list[str]:
    return [UNKNOWN if v is None else v for v in column.to_pylist()]


def _image_bytes_length(column: pa.Array) -> pa.Array:
    """Per row, the embedded image's byte length; null where the image (or its bytes) is null."""
    return pc.binary_length(pc.struct_field(column, "bytes"))


STATS_COLUMNS = ["category_name", "show", "shop", "flags", "street_image", "shop_image", "shop_other_images",
                 "street_width", "street_height", "shop_width", "shop_height"]


def dataset_stats(dataset_dir: Path) -> dict:
    """Counts and image sizes of every row of the dataset at `dataset_dir` (see the module doc)."""
    configs, splits = Counter(), {}
    categories, shows, shops, flags = Counter(), Counter(), Counter(), Counter()
    measures = {(side, m): _Measure() for side in SIDES for m in ("width", "height", "bytes")}
    null_images, shop_other = Counter(), 0
    for cfg, spl, _, batch in iter_batches(Path(dataset_dir), columns=STATS_COLUMNS,
                                                 batch_rows=IMAGE_BATCH_ROWS):
        configs[cfg] += batch.num_rows
        splits.setdefault(cfg, Counter())[spl] += batch.num_rows
        categories.update(_names(batch.column("category_name")))
        shows.update(_names(batch.column("show")))
        shops.update(_names(batch.column("shop")))
        for row_flags in batch.column("flags").to_pylist():
            flags.update(set(row_flags or []))  # a flag counts once a row
        for side in SIDES:
            lengths = _image_bytes_length(batch.column(f"{side}_image"))
            null_images[side] += lengths.null_count
            measures[(side, "bytes")].extend(lengths)
            measures[(side, "width")].extend(batch.column(f"{side}_width"))
            measures[(side, "height")].extend(batch.column(f"{side}_height"))
        shop_other += pc.sum(pc.list_value_length(batch.column("shop_other_images"))).as_py() or 0
    images = {side: {"null": null_images[side], **{m: measures[(side, m)].summary()
                                                   for m in ("width", "height", "bytes")}} for side in SIDES}
    images["shop_other"] = shop_other
    return {"rows": sum(configs.values()), "configs": dict(sorted(configs.items())),
            "splits": {c: dict(sorted(s.items())) for c, s in sorted(splits.items())},
            "categories": _by_count(categories), "shows": _by_count(shows), "shops": _by_count(shops),
            "flags": _by_count(flags), "images": images}


def _by_count(counter: Counter) -> dict[str, int]:
    """Most rows first, then by name: the same counts always print in the same order."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


# -- rendering

def _count_rows(counts: dict[str, int], top: int | None) -> list[tuple[str, str]]:
    items = list(counts.items())
    shown = items if top is None else items[:top]
    rows = [(plain(k), str(v)) for k, v in shown]
    if len(items) > len(shown):
        rest = sum(v for _, v in items[len(shown):])
        rows.append((f"... {len(items) - len(shown)} more", str(rest)))
    return rows


def _sections(stats: dict, top: int | None) -> list[tuple[str, list[str], list[tuple[str, ...]]]]:
    """(title, columns, rows) of each table, every cell already plain text."""
    splits = [(plain(c), plain(s), str(n)) for c, by_split in stats["splits"].items() for s, n in by_split.items()]
    splits.append(("all", "", str(stats["rows"])))
    images = []
    for side in SIDES:
        info = stats["images"][side]
        for m in ("width", "height", "bytes"):
            s = info[m]
            images.append((side, m, *(("-" if s[k] is None else str(s[k])) for k in ("min", "median", "max"))))
        images.append((side, "null images", "", str(info["null"]), ""))
    images.append(("shop", "other images", "", str(stats["images"]["shop_other"]), ""))
    return [("Rows by config and split", ["config", "split", "rows"], splits),
            ("Categories", ["category", "rows"], _count_rows(stats["categories"], None)),
            ("Shows", ["show", "rows"], _count_rows(stats["shows"], top)),
            ("Shops", ["shop", "rows"], _count_rows(stats["shops"], top)),
            ("Flags", ["flag", "rows"], _count_rows(stats["flags"], None)),
            ("Images", ["side", "measure", "min", "median", "max"], images)]


def stats_table(stats: dict, *, top: int | None = TOP) -> str:
    """The stats as plain text tables (print it without markup: `click.echo`, or rich with
    `markup=False`). Shows and shops beyond `top` are summed into one line."""
    out = []
    for title, columns, rows in _sections(stats, top):
        widths = [max(len(str(x)) for x in col) for col in zip(columns, *rows)]
        line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        out += [title, line(columns), line("-" * w for w in widths), *(line(r) for r in rows), ""]
    return "\n".join(out)


def stats_tables(stats: dict, *, top: int | None = TOP) -> list[DataTable]:
    """The same tables as rich `DataTable`s (cells shown as text, never markup)."""
    tables = []
    for title, columns, rows in _sections(stats, top):
        table = DataTable(title, columns)
        for row in rows:
            table.add_row(*row)
        tables.append(table)
    return tables


# -- contact sheets

def _rank(seed: int, pair_id: object) -> int:
    digest = hashlib.sha256(f"{seed}\x00{pair_id}".encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big")


def _sample(dataset_dir: Path, per_category: int, seed: int) -> dict[str, list[tuple[str, str, str]]]:
    """category -> the (config, split, pair_id) of its `per_category` lowest-ranked rows, lowest
    first. A bounded max-heap a category: memory does not grow with the dataset."""
    heaps: dict[str, list] = {}
    for cfg, spl, _, batch in iter_batches(dataset_dir, columns=["pair_id", "category_name"]):
        ids = batch.column(0).to_pylist()
        for pair_id, name in zip(ids, _names(batch.column(1))):
            item = (-_rank(seed, pair_id), str(pair_id), cfg, spl)  # negated: heap[0] is the highest kept
            heap = heaps.setdefault(name, [])
            if len(heap) < per_category:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
    return {name: [(cfg, spl, pid) for _, pid, cfg, spl in sorted(heap, reverse=True)]
            for name, heap in sorted(heaps.items())}


def sheet_size(pairs: int, thumb: int) -> tuple[int, int]:
    """(width, height) of a sheet of `pairs` cells."""
    cols, rows = min(pairs, SHEET_COLUMNS), math.ceil(pairs / SHEET_COLUMNS)
    return cols * 2 * thumb + (cols + 1) * GAP, rows * thumb + (rows + 1) * GAP


def _cell_origin(index: int, thumb: int) -> tuple[int, int]:
    col, row = index % SHEET_COLUMNS, index // SHEET_COLUMNS
    return GAP + col * (2 * thumb + GAP), GAP + row * (thumb + GAP)


def _crop_box(box: list | None, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """`box` clamped to the image, whole pixels; None (the whole image) when there is no area left."""
    if not box or len(box) != 4 or any(v is None or not math.isfinite(v) for v in box):
        return None
    x1, y1 = max(0, math.floor(box[0])), max(0, math.floor(box[1]))
    x2, y2 = min(size[0], math.ceil(box[2])), min(size[1], math.ceil(box[3]))
    return (x1, y1, x2, y2) if x2 > x1 and y2 > y1 else None


def _thumbnail(data: bytes, box: list | None, thumb: int) -> Image.Image:
    """The image (cut to `box` when given) fitted into thumb x thumb, centred on white.
    Raises ImageRejected when the bytes do not decode (or trip the bomb guard)."""
    with guarded_open(data) as im:
        im.load()
        crop = _crop_box(box, im.size)
        part = im.crop(crop) if crop else im
        part = part.convert("RGB")
    part.thumbnail((thumb, thumb))
    tile = Image.new("RGB", (thumb, thumb), BACKGROUND)
    tile.paste(part, ((thumb - part.width) // 2, (thumb - part.height) // 2))
    return tile


def _broken_tile(thumb: int) -> Image.Image:
    tile = Image.new("RGB", (thumb, thumb), BROKEN)
    draw = ImageDraw.Draw(tile)
    draw.line((0, 0, thumb - 1, thumb - 1), fill=BROKEN_X, width=max(1, thumb // 32))
    draw.line((0, thumb - 1, thumb - 1, 0), fill=BROKEN_X, width=max(1, thumb // 32))
    return tile


def _side_tile(image: dict | None, box: list | None, thumb: int) -> tuple[Image.Image, str]:
    """A side's tile and what it is: "ok", "null" (no image) or "undecodable"."""
    if not image or image.get("bytes") is None:
        return Image.new("RGB", (thumb, thumb), EMPTY), "null"
    try:
        return _thumbnail(image["bytes"], box, thumb), "ok"
    except ImageRejected:
        return _broken_tile(thumb), "undecodable"


def sheet_file_names(categories: list[str]) -> dict[str, str]:
    """category -> its PNG's file name: the name with anything but letters, digits, _ and - made _;
    a name that collides with an earlier one gets -2, -3 ..."""
    out, used = {}, set()
    for name in categories:
        base = re.sub(r"[^A-Za-z0-9_\-]", "_", name)[:100] or "_"
        stem, n = base, 1
        while stem.lower() in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem.lower())
        out[name] = f"{stem}.png"
    return out


def _write_atomic(path: Path, write) -> None:
    hidden = path.with_name(f".{path.name}.tmp")
    try:
        write(hidden)
        os.replace(hidden, path)
    finally:
        hidden.unlink(missing_ok=True)


def contact_sheets(dataset_dir: Path, out_dir: Path, *, per_category: int = 24, thumb: int = 128,
                   seed: int = 0) -> list[Path]:
    """One PNG a category under `out_dir` (see the module doc); returns their paths, by category name."""
    if per_category < 1 or thumb < 8:
        raise StatsError(f"per_category={per_category} thumb={thumb}: give 1 or more pairs and thumbs of 8 px or more")
    dataset_dir, out_dir = Path(dataset_dir), Path(out_dir)
    chosen = _sample(dataset_dir, per_category, seed)
    # where each chosen row goes: (config, split, pair_id) -> (category, cell index)
    cells = {key: (name, i) for name, keys in chosen.items() for i, key in enumerate(keys)}
    wanted = pa.array(sorted({pid for _, _, pid in cells}), pa.string())
    sheets = {name: Image.new("RGB", sheet_size(len(keys), thumb), BACKGROUND) for name, keys in chosen.items()}
    report = {name: {"pairs": [pid for _, _, pid in keys], "undecodable": 0, "null": 0}
              for name, keys in chosen.items()}
    columns = ["pair_id", "street_image", "street_box", "shop_image"]
    for cfg, spl, _, batch in iter_batches(dataset_dir, columns=columns, batch_rows=IMAGE_BATCH_ROWS):
        picked = batch.filter(pc.is_in(pc.cast(batch.column(0), pa.string()), value_set=wanted))
        for row in picked.to_pylist():
            place = cells.pop((cfg, spl, str(row["pair_id"])), None)
            if place is None:  # a pair_id chosen elsewhere, or a duplicate row already drawn
                continue
            name, index = place
            x, y = _cell_origin(index, thumb)
            for offset, (image, box) in enumerate(((row["street_image"], row["street_box"]),
                                                   (row["shop_image"], None))):
                tile, what = _side_tile(image, box, thumb)
                sheets[name].paste(tile, (x + offset * thumb, y))
                if what != "ok":
                    report[name][what] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    files = sheet_file_names(list(sheets))
    written = []
    for name, sheet in sheets.items():
        path = out_dir / files[name]
        _write_atomic(path, lambda p, s=sheet: s.save(p, format="PNG"))
        report[name]["file"] = files[name]
        written.append(path)
    index = {"seed": seed, "per_category": per_category, "thumb": thumb, "columns": SHEET_COLUMNS,
             "undecodable": sum(r["undecodable"] for r in report.values()), "categories": report}
    _write_atomic(out_dir / "contact_sheets.json",
                  lambda p: p.write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"))
    return written
