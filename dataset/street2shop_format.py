"""Import Street2Shop (Kiapour et al., "Where to Buy It", ICCV 2015) into the pairs table.

The files, as the dataset ships them::

    <root>/photos.txt                               <photo_id>,<url>   (one line per photo; optional here)
    <root>/meta/json/retrieval_<category>.json      [{"photo": id, "product": id}, ...]   shop photos of each product
    <root>/meta/json/train_pairs_<category>.json    [{"photo": id, "product": id,
    <root>/meta/json/test_pairs_<category>.json       "bbox": {"left", "top", "width", "height"}}, ...]

A pair's photo is a street photo and its bbox the garment in it; a product's photos are shop
photos, each a whole image. Images come from a local folder, `<images_dir>/<photo_id>.<any
extension>` (leading zeros optional); this module does not download: fetching the photos.txt
URLs is a separate step. A photo missing from the folder is counted, never fatal: a pair without
its street photo is skipped, a pair without any shop photo keeps its street side.

Rows (config "street2shop"): one per pair entry, in split "train" or "test" from its file name;
the shop side is the product's first photo (lowest id found locally) with its box the whole
image, its other local photos in shop_other_images. Products no pair names (the retrieval
gallery's distractors) are one row each in split "retrieval", street side null. product_id is
s2s-<product>, *_image_id the photo id, *_url from photos.txt. Categories map to DeepFashion2:
skirts -> 9 skirt, pants and leggings -> 8 trousers; the rest are null (dresses, tops and
outerwear each span several DF2 classes; bags, belts, eyewear, footwear, hats are no DF2
garment), flagged category_unknown. The Street2Shop name is kept in *_extra as
"street2shop_category".
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from street2shop.pipeline.detectors.categories import CATEGORIES

from .formats_common import (
    DatasetFormatError, check_replaceable, empty_row, extra_json, hf_image, read_image_file, row_id,
)
from .layout import ROWS_PER_SHARD, DatasetWriter, card_metadata

CONFIG = "street2shop"
CATEGORY_MAP: dict[str, int] = {"skirts": 9, "pants": 8, "leggings": 8}
PAIRS_RE = re.compile(r"^(?P<split>train|test)_pairs_(?P<category>\w+)\.json$")
RETRIEVAL_RE = re.compile(r"^retrieval_(?P<category>\w+)\.json$")
GALLERY_SPLIT = "retrieval"
CARD_BODY = """# Street2Shop, as street-to-shop pairs

Imported by street2shop from Street2Shop (M. Hadi Kiapour, Xufeng Han, Svetlana Lazebnik,
Alexander C. Berg, Tamara L. Berg: "Where to Buy It: Matching Street Clothing Photos in Online
Shops", ICCV 2015), from `{source}`. One row per street photo's garment box and the product it
shows (split train / test as the dataset's pair files say); products no pair names are in split
`retrieval` with the street side null. Categories are mapped to DeepFashion2's where one class
fits (skirts, pants, leggings); the original name is `street2shop_category` in the *_extra JSON.

The photos belong to their owners; use them under the dataset's own terms (research only).
"""


# -- the metadata files (small; read before any image)

def _id(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise DatasetFormatError(f"{where}: a photo or product id must be a whole number, got {value!r}")
    return int(value)


def _bbox(value, where: str) -> list[float]:
    """{"left", "top", "width", "height"} -> [x1, y1, x2, y2]."""
    try:
        left, top, width, height = (float(value[k]) for k in ("left", "top", "width", "height"))
    except (KeyError, TypeError, ValueError):
        raise DatasetFormatError(f"{where}: bbox must be {{\"left\", \"top\", \"width\", \"height\"}} numbers, "
                                 f"got {value!r}") from None
    if width <= 0 or height <= 0:
        raise DatasetFormatError(f"{where}: bbox has no area ({value!r})")
    return [left, top, left + width, top + height]


def _json_list(path: Path, keys: tuple[str, ...]) -> list[dict]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetFormatError(f"Street2Shop file {path}: not readable JSON ({exc})") from None
    if not isinstance(doc, list):
        raise DatasetFormatError(f"Street2Shop file {path}: expected a JSON list of objects")
    for n, entry in enumerate(doc):
        if not isinstance(entry, dict) or any(k not in entry for k in keys):
            raise DatasetFormatError(f"Street2Shop file {path}: entry {n} needs {', '.join(keys)}")
    return doc


def _photo_urls(root: Path) -> dict[int, str]:
    path = next((p for p in (root / "photos.txt", root / "photos" / "photos.txt") if p.is_file()), None)
    if path is None:  # the URLs are provenance only; the images come from the local folder
        return {}
    urls = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            photo, sep, url = line.strip().partition(",")
            if not sep:
                raise DatasetFormatError(f"Street2Shop file {path} line {n}: expected <photo_id>,<url>")
            urls[_id(photo, f"Street2Shop file {path} line {n}")] = url.strip()
    return urls


def _meta_files(root: Path) -> tuple[list[tuple[str, str, Path]], list[tuple[str, Path]]]:
    meta = root / "meta" / "json"
    pairs = sorted((m["split"], m["category"], p) for p in meta.glob("*.json") if (m := PAIRS_RE.match(p.name)))
    retrieval = sorted((m["category"], p) for p in meta.glob("*.json") if (m := RETRIEVAL_RE.match(p.name)))
    if not pairs and not retrieval:
        raise DatasetFormatError(f"{root}: not a Street2Shop folder (no meta/json/train_pairs_<category>.json, "
                                 "test_pairs_<category>.json or retrieval_<category>.json)")
    return pairs, retrieval


def _local_images(images_dir: Path) -> dict[int, Path]:
    if not images_dir.is_dir():
        raise DatasetFormatError(f"{images_dir}: no such folder; give the folder of <photo_id>.jpg files")
    out = {}
    for path in sorted(images_dir.iterdir()):
        if path.is_file() and path.stem.isdigit():
            out.setdefault(int(path.stem), path)  # 000123.jpg and 123.jpg are the same photo
    return out


# -- rows

class _Photos:
    """Local photos by id, read when a row needs them; what was missing is remembered."""

    def __init__(self, paths: dict[int, Path], urls: dict[int, str]):
        self.paths, self.urls, self.missing = paths, urls, set()
        self.facts: dict = {}  # checked once: a product's photos recur in every row of the product

    def have(self, photo: int) -> bool:
        if photo in self.paths:
            return True
        self.missing.add(photo)
        return False

    def load(self, photo: int):
        path = self.paths[photo]
        if photo not in self.facts:
            data, self.facts[photo] = read_image_file(path)
            return data, self.facts[photo], path.name
        try:
            return path.read_bytes(), self.facts[photo], path.name
        except OSError as exc:
            raise DatasetFormatError(f"image {path}: not readable ({exc.strerror or exc})") from None


def _row(split: str, category: str, product: int, photos: _Photos, street: tuple[int, list[float]] | None,
         shop_photos: list[int]) -> dict:
    cid = CATEGORY_MAP.get(category)
    extra = extra_json({"street2shop_category": category})
    ids = (street[0], *street[1]) if street else ("",)
    row = empty_row(pair_id=row_id(CONFIG, split, product, *ids), config=CONFIG, split=split,
                    product_id=f"s2s-{product}", category=cid, category_name=CATEGORIES.get(cid),
                    flags=[] if cid else ["category_unknown"], origin=CONFIG)
    if street:
        photo, box = street
        data, facts, name = photos.load(photo)
        row.update(street_image=hf_image(data, name), street_image_id=str(photo), street_box=box,
                   street_whole_image=False, street_category=cid, street_width=facts.width,
                   street_height=facts.height, street_url=photos.urls.get(photo), street_extra=extra)
    if shop_photos:
        data, facts, name = photos.load(shop_photos[0])
        others = []
        for p in shop_photos[1:]:
            other, _, other_name = photos.load(p)
            others.append(hf_image(other, other_name))
        row.update(shop_image=hf_image(data, name), shop_image_id=str(shop_photos[0]),
                   shop_box=[0.0, 0.0, float(facts.width), float(facts.height)], shop_category=cid,
                   shop_width=facts.width, shop_height=facts.height, shop_url=photos.urls.get(shop_photos[0]),
                   shop_extra=extra, shop_other_images=others)
    return row


def _split_rows(split: str, files: list[tuple[str, Path]], products: dict[int, list[int]],
                photos: _Photos, counts: dict, paired: set[int]) -> Iterator[dict]:
    """The rows of one split's pair files; `paired` collects the products they name."""
    seen = set()
    for category, path in files:
        for n, entry in enumerate(_json_list(path, ("photo", "product", "bbox"))):
            where = f"Street2Shop file {path} entry {n}"
            photo, product = _id(entry["photo"], where), _id(entry["product"], where)
            box = _bbox(entry["bbox"], where)
            key = (photo, product, *box)
            paired.add(product)
            if key in seen:
                counts["duplicate_pairs"] += 1
                continue
            seen.add(key)
            if not photos.have(photo):
                counts["pairs_without_street_photo"] += 1
                continue
            shop = [p for p in products.get(product, []) if photos.have(p)]
            counts["pairs_without_shop_photo"] += not shop
            counts["rows"] += 1
            yield _row(split, category, product, photos, (photo, box), shop)


def _gallery_rows(unpaired: dict[int, str], products: dict[int, list[int]], photos: _Photos,
                  counts: dict) -> Iterator[dict]:
    for product in sorted(unpaired):
        shop = [p for p in products[product] if photos.have(p)]
        if not shop:
            counts["products_without_photo"] += 1
            continue
        counts["rows"] += 1
        yield _row(GALLERY_SPLIT, unpaired[product], product, photos, None, shop)


def import_street2shop(root: str | Path, out_dir: str | Path, *, images_dir: str | Path,
                       rows_per_shard: int = ROWS_PER_SHARD) -> dict:
    """A Street2Shop folder plus its local photos -> a dataset folder at `out_dir` (config
    "street2shop"), replaced whole at the end. Returns the counts the card records."""
    root, out_dir, images_dir = Path(root), Path(out_dir), Path(images_dir)
    check_replaceable(out_dir, {"README.md", "data"}, "dataset")
    pair_files, retrieval_files = _meta_files(root)
    products: dict[int, set[int]] = defaultdict(set)
    product_category: dict[int, str] = {}
    for category, path in retrieval_files:
        for n, entry in enumerate(_json_list(path, ("photo", "product"))):
            where = f"Street2Shop file {path} entry {n}"
            product = _id(entry["product"], where)
            products[product].add(_id(entry["photo"], where))
            product_category.setdefault(product, category)
    shop_photos = {product: sorted(ids) for product, ids in products.items()}
    photos = _Photos(_local_images(images_dir), _photo_urls(root))
    counts: dict[str, int] = defaultdict(int)
    paired: set[int] = set()
    with DatasetWriter(out_dir, rows_per_shard=rows_per_shard) as w:
        for split in ("train", "test"):
            files = [(c, p) for s, c, p in pair_files if s == split]
            if files:
                w.open_split(CONFIG, split)
                w.write(CONFIG, split, _split_rows(split, files, shop_photos, photos, counts, paired))
        unpaired = {p: c for p, c in product_category.items() if p not in paired}
        if unpaired:
            w.write(CONFIG, GALLERY_SPLIT, _gallery_rows(unpaired, shop_photos, photos, counts))
        summary = {"rows": counts["rows"], "missing_photos": len(photos.missing),
                   **{k: counts[k] for k in ("pairs_without_street_photo", "pairs_without_shop_photo",
                                             "products_without_photo", "duplicate_pairs")}}
        sizes = w.sizes()
        extra = {"street2shop": {"origin": CONFIG, "imported_from": str(root), "images_from": str(images_dir),
                                 "category_map": dict(CATEGORY_MAP), **summary}}
        w.finish(card_metadata(sizes, licence="other", pretty_name="Street2Shop street-to-shop pairs",
                               extra=extra), CARD_BODY.format(source=root))
    splits = {split: size["num_examples"] for split, size in sizes.get(CONFIG, {}).items()}
    return {**summary, "splits": splits, "config": CONFIG, "out_dir": str(out_dir)}
