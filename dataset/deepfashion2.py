"""DeepFashion2 split folders <-> the pairs table (`DATASET_PAIRS`, laid out by dataset/layout.py).

A split folder, as DeepFashion2 ships it (read by pipeline/detectors/df2.py)::

    <split>/image/000001.jpg
    <split>/annos/000001.json   {"source": "user"|"shop", "pair_id": 1,
                                 "item1": {"category_id", "category_name", "style",
                                           "bounding_box": [x1, y1, x2, y2], "landmarks", "segmentation",
                                           "scale", "occlusion", "zoom_in", "viewpoint"}, ...}

Import (`import_df2`, config "deepfashion2"): a user item pairs with every shop item of the same
pair_id and the same style > 0, one row per combination; an item with no partner (style 0, or no
item of its style on the other side) is one row with the other side null. source_pair_id is
pair_id, *_image_id the file stem, *_item the N of itemN, *_style the style, *_extra the item's
other fields as JSON (category_name too when it is not the canonical name), the image bytes as in
the file. product_id is df2-{pair_id}-{style}; a style-0 item is its own product,
df2-{pair_id}-0-{image}-{item}. Images without items have no row (they are counted).

Export (`export_df2`): one (config, split) back to a split folder, each image once with all its
items. DeepFashion2 rows keep their image ids, pair_ids, item numbers and styles, so DF2 -> table
-> DF2 gives the same annotations and bytes. Other rows (crawls, Street2Shop) are numbered after
them in a fixed order: each street image gets a new pair_id, its garments items 1.. with style =
garment number (0 for a garment no shop image matches), and each matched shop image follows it
with that pair_id and those styles (a shop image matched from two street images is written twice).
Items without a category (DF2 needs 1..13) are left out and counted; an image format DF2 readers
do not take (GIF, TIFF, AVIF) is written as PNG.
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from street2shop.core.image_gate import guarded_open
from street2shop.core.schemas import DATASET_PAIRS
from street2shop.pipeline.detectors.base import DetectorError
from street2shop.pipeline.detectors.categories import CATEGORIES
from street2shop.pipeline.detectors.df2 import IMAGE_EXTS, ITEM_RE, iter_split, read_annotation

from .formats_common import (
    DatasetFormatError, box_out, building, check_replaceable, empty_row, extra_json, hf_image, image_facts,
    one_split, parse_extra, read_image_file, row_id,
)
from .layout import ROWS_PER_SHARD, DatasetWriter, card_metadata, iter_batches, iter_rows

CONFIG = "deepfashion2"
COLUMNS_ITEM = ("category_id", "bounding_box", "style")  # kept in columns; every other item field goes to *_extra
IMAGE_COLUMNS = ("street_image", "shop_image", "shop_other_images")
SPLIT_NAME_RE = re.compile(r"^[A-Za-z0-9_]+$")  # what a shard name allows (layout.SHARD_RE)
DATASET_FILES = {"README.md", "data"}
DF2_FILES = {"image", "annos"}
CARD_BODY = """# DeepFashion2, as street-to-shop pairs

Imported by street2shop from a DeepFashion2 split folder (`{source}`). One row per (user item, shop
item) of the same `pair_id` and `style` > 0, and one row per item that pairs with nothing, the
other side null. DeepFashion2's other item fields (landmarks, segmentation, scale, occlusion,
zoom_in, viewpoint) are in `street_extra` / `shop_extra` as JSON.

DeepFashion2 is released for non-commercial research only; see
https://github.com/switchablenorms/DeepFashion2 for its terms, which this copy keeps.
"""


# -- import

@dataclass
class _Item:
    stem: str
    n: int
    category: int
    box: list[float]
    style: int | None
    extra: str | None


@dataclass
class _Image:
    path: Path
    source: str
    pair_id: int
    items: list[_Item]


def _int(value, what: str, where: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value:
        raise DatasetFormatError(f"DeepFashion2 annotation {where}: {what} must be a whole number, got {value!r}")
    return int(value)


def _read_image_doc(image: Path, anno: Path) -> _Image:
    try:
        doc = read_annotation(anno)
    except DetectorError as exc:
        raise DatasetFormatError(f"{exc}; fix or remove that file") from None
    if doc["source"] not in ("user", "shop"):
        raise DatasetFormatError(f"DeepFashion2 annotation {anno}: source must be \"user\" or \"shop\", "
                                 f"got {doc['source']!r}")
    pair_id = _int(doc["pair_id"], "pair_id", anno)
    items = []
    for key, item in doc["items"]:
        cid = int(item["category_id"])
        style = item.get("style")
        extra = {k: v for k, v in item.items() if k not in COLUMNS_ITEM
                 and not (k == "category_name" and v == CATEGORIES[cid])}  # the canonical name is the column
        items.append(_Item(anno.stem, int(ITEM_RE.match(key).group(1)), cid,
                           [float(v) for v in item["bounding_box"]],
                           None if style is None else _int(style, f"{key}.style", anno), extra_json(extra)))
    return _Image(image, doc["source"], pair_id, items)


def _read_split(split_dir: Path) -> list[_Image]:
    """Every annotation of the split (small: read before any image)."""
    try:
        images = [_read_image_doc(image, anno) for image, anno in iter_split(split_dir)]
    except DetectorError as exc:
        raise DatasetFormatError(f"{exc}; give the folder that holds a split's image/ and annos/") from None
    if not images:
        raise DatasetFormatError(f"{split_dir}: no annotations in annos/; is this a DeepFashion2 split?")
    return images


def _side(prefix: str, item: _Item, image: tuple[bytes, object, str]) -> dict:
    data, facts, name = image
    out = {f"{prefix}_image": hf_image(data, name), f"{prefix}_image_id": item.stem, f"{prefix}_box": item.box,
           f"{prefix}_category": item.category, f"{prefix}_item": item.n, f"{prefix}_style": item.style,
           f"{prefix}_width": facts.width, f"{prefix}_height": facts.height, f"{prefix}_extra": item.extra}
    if prefix == "street":
        out["street_whole_image"] = False
    else:
        out["shop_other_images"] = []
    return out


def _row(split: str, pair_id: int, street: _Item | None, shop: _Item | None, loaded: dict) -> dict:
    main = street or shop
    style = main.style or 0
    product = f"df2-{pair_id}-{style}" if style > 0 else f"df2-{pair_id}-0-{main.stem}-{main.n}"
    ids = [(i.stem, i.n) if i else ("", "") for i in (street, shop)]
    flags = ["category_mismatch"] if street and shop and street.category != shop.category else []
    row = empty_row(pair_id=row_id(CONFIG, split, *ids[0], *ids[1]), config=CONFIG, split=split,
                    product_id=product, category=main.category, category_name=CATEGORIES[main.category],
                    source_pair_id=pair_id, flags=flags, origin=CONFIG)
    if street:
        row.update(_side("street", street, loaded[street.stem]))
    if shop:
        row.update(_side("shop", shop, loaded[shop.stem]))
    return row


def _pair_rows(split: str, pair_id: int, group: list[_Image], loaded: dict, counts: dict) -> Iterator[dict]:
    users = [it for im in group if im.source == "user" for it in im.items]
    shops = [it for im in group if im.source == "shop" for it in im.items]
    paired: set[int] = set()
    for style in sorted({it.style for it in users + shops if it.style and it.style > 0}):
        us = [it for it in users if it.style == style]
        ss = [it for it in shops if it.style == style]
        if us and ss:
            for u in us:
                for s in ss:
                    counts["paired_rows"] += 1
                    yield _row(split, pair_id, u, s, loaded)
            paired |= {id(it) for it in us + ss}
    for street, shop in [(it, None) for it in users] + [(None, it) for it in shops]:
        if id(street or shop) not in paired:
            counts["unpaired_rows"] += 1
            yield _row(split, pair_id, street, shop, loaded)


def _rows(images: list[_Image], split: str, counts: dict) -> Iterator[dict]:
    """Rows a pair_id at a time: only that pair's images are in memory."""
    groups: dict[int, list[_Image]] = defaultdict(list)
    for im in images:
        if im.items:
            groups[im.pair_id].append(im)
        else:
            counts["images_without_items"] += 1
    for pair_id in sorted(groups):
        loaded = {}
        for im in groups[pair_id]:
            data, facts = read_image_file(im.path)
            loaded[im.path.stem] = (data, facts, im.path.name)
        yield from _pair_rows(split, pair_id, groups[pair_id], loaded, counts)


def import_df2(split_dir: str | Path, out_dir: str | Path, *, split: str = "train",
               rows_per_shard: int = ROWS_PER_SHARD) -> dict:
    """A DeepFashion2 split folder -> a dataset folder at `out_dir` (config "deepfashion2", split
    `split`), replaced whole at the end. Returns the counts the card records."""
    split_dir, out_dir = Path(split_dir), Path(out_dir)
    if not SPLIT_NAME_RE.match(split):
        raise DatasetFormatError(f"split name {split!r}: use letters, digits and _ only (train, validation, ...)")
    check_replaceable(out_dir, DATASET_FILES, "dataset")
    images = _read_split(split_dir)
    counts = {"images": sum(1 for im in images if im.items), "user_images": 0, "shop_images": 0,
              "items": sum(len(im.items) for im in images), "paired_rows": 0, "unpaired_rows": 0,
              "images_without_items": 0}
    for im in images:
        if im.items:
            counts[f"{im.source}_images"] += 1
    with DatasetWriter(out_dir, rows_per_shard=rows_per_shard) as w:
        w.open_split(CONFIG, split)
        w.write(CONFIG, split, _rows(images, split, counts))
        counts["rows"] = counts["paired_rows"] + counts["unpaired_rows"]
        extra = {"street2shop": {"origin": CONFIG, "imported_from": str(split_dir), "split": split, **counts}}
        w.finish(card_metadata(w.sizes(), licence="other", pretty_name="DeepFashion2 street-to-shop pairs",
                               extra=extra), CARD_BODY.format(source=split_dir))
    return {**counts, "config": CONFIG, "split": split, "out_dir": str(out_dir)}


# -- export

@dataclass
class _OutImage:
    stem: str
    key: tuple  # whose bytes: ("df2", image id) or ("street" | "shop", image id) for other origins
    source: str
    pair_id: int
    items: dict[int, dict] = field(default_factory=dict)


@dataclass
class _Plan:
    images: dict[str, _OutImage] = field(default_factory=dict)
    by_key: dict[tuple, list[str]] = field(default_factory=lambda: defaultdict(list))
    skipped_items: int = 0
    rows: int = 0

    def add(self, stem: str, key: tuple, source: str, pair_id: int) -> _OutImage:
        im = self.images[stem] = _OutImage(stem, key, source, pair_id)
        self.by_key[key].append(stem)
        return im


def _item(category: int, box, style: int | None, extra: dict) -> dict:
    """A DF2 item: the columns, then the source's other fields (never overriding the columns)."""
    item = {"category_id": category, "category_name": CATEGORIES[category],
            "bounding_box": None if box is None else box_out(box)}
    if style is not None:
        item["style"] = style
    item.update({k: v for k, v in extra.items() if k not in COLUMNS_ITEM})
    return item


def _plan_df2_side(plan: _Plan, row: dict, prefix: str, source: str) -> None:
    stem = row[f"{prefix}_image_id"]
    where = f"row {row['pair_id']} ({prefix} side)"
    category = row[f"{prefix}_category"] or row["category"]
    if category is None:
        plan.skipped_items += 1
        return
    if row["source_pair_id"] is None or row[f"{prefix}_item"] is None:
        raise DatasetFormatError(f"{where}: a deepfashion2 row without source_pair_id or {prefix}_item; "
                                 "re-import the split with import_df2")
    im = plan.images.get(stem) or plan.add(stem, ("df2", stem), source, row["source_pair_id"])
    n = row[f"{prefix}_item"]
    if n not in im.items:  # an item is in as many rows as it has partners; once is enough
        im.items[n] = _item(category, row[f"{prefix}_box"], row[f"{prefix}_style"],
                            parse_extra(row[f"{prefix}_extra"], where))


def _numeric_max(values) -> int:
    return max((int(v) for v in values if str(v).isdigit()), default=0)


def _garment_key(row: dict) -> tuple:
    box = row["street_box"]
    return (row["street_item"] if row["street_item"] is not None else -1, tuple(box) if box else ())


def _plan_others(plan: _Plan, rows: list[dict]) -> None:
    """Number the images of non-DeepFashion2 rows after the kept ids, one pair_id per street image."""
    next_stem = _numeric_max(plan.images) + 1
    next_pair = _numeric_max(im.pair_id for im in plan.images.values()) + 1

    def add(key: tuple, source: str, pair_id: int) -> _OutImage:
        nonlocal next_stem
        stem = f"{next_stem:06d}"
        next_stem += 1
        return plan.add(stem, key, source, pair_id)

    streets: dict[str, list[dict]] = defaultdict(list)
    shop_only: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["street_image_id"] is not None:
            streets[r["street_image_id"]].append(r)
        elif r["shop_image_id"] is not None:
            shop_only[r["shop_image_id"]].append(r)
    for sid in sorted(streets):
        garments: dict[tuple, list[dict]] = {}
        for r in streets[sid]:
            if (r["street_category"] or r["category"]) is None:
                plan.skipped_items += 1 + (r["shop_image_id"] is not None)
                continue
            garments.setdefault(_garment_key(r), []).append(r)
        if not garments:
            continue
        image = add(("street", sid), "user", next_pair)
        shops: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for n, key in enumerate(sorted(garments), 1):
            first = garments[key][0]
            matched = [r for r in garments[key] if r["shop_image_id"] is not None]
            style = n if matched else 0
            image.items[n] = _item(first["street_category"] or first["category"], first["street_box"], style,
                                   parse_extra(first["street_extra"], f"row {first['pair_id']}"))
            for r in matched:
                shops[r["shop_image_id"]].append((style, r))
        for shop_id in sorted(shops):
            _plan_shop(plan, add(("shop", shop_id), "shop", next_pair), shops[shop_id])
        next_pair += 1
    for shop_id in sorted(shop_only):  # shop images nobody wore: a pair of their own, style 0
        _plan_shop(plan, add(("shop", shop_id), "shop", next_pair), [(0, r) for r in shop_only[shop_id]])
        next_pair += 1


def _plan_shop(plan: _Plan, image: _OutImage, matches: list[tuple[int, dict]]) -> None:
    seen = set()
    for style, r in sorted(matches, key=lambda m: m[0]):
        box = r["shop_box"]
        key = (style, tuple(box) if box else ())
        if key in seen:  # the same listing image matched twice (exact and similar configs)
            continue
        seen.add(key)
        category = r["shop_category"] or r["category"] or r["street_category"]
        if category is None:  # DF2 has no item without one of its 13 categories
            plan.skipped_items += 1
            continue
        image.items[len(image.items) + 1] = _item(category, box, style,
                                                  parse_extra(r["shop_extra"], f"row {r['pair_id']}"))


def _plan(dataset_dir: Path, config: str, split: str) -> _Plan:
    """Pass 1, without image bytes: which images, with which ids and items."""
    plan, others = _Plan(), []
    columns = [n for n in DATASET_PAIRS.names if n not in IMAGE_COLUMNS]
    for row in iter_rows(dataset_dir, columns=columns, config=config, split=split):
        plan.rows += 1
        if row["origin"] != CONFIG:
            others.append(row)
            continue
        for prefix, source in (("street", "user"), ("shop", "shop")):
            if row[f"{prefix}_image_id"] is not None:
                _plan_df2_side(plan, row, prefix, source)
    _plan_others(plan, others)
    for stem in [s for s, im in plan.images.items() if not im.items]:  # every item of it had no category
        im = plan.images.pop(stem)
        plan.by_key[im.key].remove(stem)
        if not plan.by_key[im.key]:
            del plan.by_key[im.key]
    return plan


def _image_key(origin: str, prefix: str, image_id: str) -> tuple:
    return ("df2", image_id) if origin == CONFIG else (prefix, image_id)


def _as_df2_file(data: bytes, facts, name: str) -> tuple[bytes, str]:
    """The bytes as they are, unless DF2 readers would not find the file: then PNG (lossless)."""
    if f".{facts.extension}" in IMAGE_EXTS:
        return data, facts.extension
    with guarded_open(data) as im:
        out = io.BytesIO()
        im.convert("RGBA" if "A" in im.getbands() else "RGB").save(out, "PNG")
    return out.getvalue(), "png"


def _write_images(dataset_dir: Path, config: str, split: str, plan: _Plan, image_dir: Path) -> dict:
    """Pass 2: each planned image's bytes, written once per file it is planned as."""
    sizes, converted = {}, 0
    columns = ["origin", "pair_id", "street_image_id", "street_image", "shop_image_id", "shop_image"]
    for _, _, shard, batch in iter_batches(dataset_dir, columns=columns, config=config, split=split):
        for row in batch.to_pylist():
            for prefix in ("street", "shop"):
                image_id = row[f"{prefix}_image_id"]
                key = _image_key(row["origin"], prefix, image_id)
                if image_id is None or key in sizes or key not in plan.by_key:
                    continue
                data = (row[f"{prefix}_image"] or {}).get("bytes")
                where = f"{shard}: row {row['pair_id']} {prefix}_image"
                if not data:
                    raise DatasetFormatError(f"{where}: no image bytes; rebuild or re-import the dataset")
                facts = image_facts(data, where)
                data, ext = _as_df2_file(data, facts, where)
                converted += ext != facts.extension
                for stem in plan.by_key[key]:
                    (image_dir / f"{stem}.{ext}").write_bytes(data)
                sizes[key] = facts
    return {"sizes": sizes, "converted_to_png": converted}


def write_df2_folder(dataset_dir: Path, stage: Path, config: str | None, split: str | None) -> dict:
    """One split of a dataset as a DF2 split folder (image/, annos/) in `stage`."""
    config, split = one_split(dataset_dir, config, split)
    plan = _plan(dataset_dir, config, split)
    (stage / "image").mkdir()
    (stage / "annos").mkdir()
    written = _write_images(dataset_dir, config, split, plan, stage / "image")
    for stem, im in sorted(plan.images.items()):
        facts = written["sizes"][im.key]
        doc = {"source": im.source, "pair_id": im.pair_id}
        for n in sorted(im.items):
            item = im.items[n]
            if item["bounding_box"] is None:  # a whole-image garment: its box is the whole image
                item["bounding_box"] = [0, 0, facts.width, facts.height]
            doc[f"item{n}"] = item
        (stage / "annos" / f"{stem}.json").write_text(json.dumps(doc), encoding="utf-8")
    return {"config": config, "split": split, "rows": plan.rows, "images": len(plan.images),
            "user_images": sum(im.source == "user" for im in plan.images.values()),
            "shop_images": sum(im.source == "shop" for im in plan.images.values()),
            "items": sum(len(im.items) for im in plan.images.values()),
            "pairs": len({im.pair_id for im in plan.images.values()}),
            "skipped_items_without_category": plan.skipped_items,  # row sides DF2 has no category for
            "converted_to_png": written["converted_to_png"]}


def export_df2(dataset_dir: str | Path, out_dir: str | Path, *, config: str | None = None,
               split: str | None = None) -> dict:
    """One (config, split) of a dataset folder -> a DeepFashion2 split folder at `out_dir`
    (image/NNNNNN.<ext>, annos/NNNNNN.json), built aside and swapped in whole."""
    dataset_dir, out_dir = Path(dataset_dir), Path(out_dir)
    check_replaceable(out_dir, DF2_FILES, "DeepFashion2 split")
    with building(out_dir) as stage:
        summary = write_df2_folder(dataset_dir, stage, config, split)
    return {**summary, "out_dir": str(out_dir)}
