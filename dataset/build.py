"""`street2shop dataset build`: crawled posts and listings -> a cleaned, split street-to-shop
dataset in the Hugging Face layout (`dataset/layout.py`).

Two passes, so memory holds metadata and never the dataset:

1. plan: every mention whose link landed on a catalog listing (`mentions.py`) becomes a
   candidate pair; street images are decoded once for the detector and the perceptual hashes,
   shop images once for their hashes and sizes; cleaning drops, collapses and flags rows (each
   step counted, `Cleaning`); rows are grouped and split (`splits.py`).
2. write: rows in a fixed order (config, split, pair_id), image bytes read from the store one
   row at a time, into shards.

Nothing in a row depends on when or where the build ran, so the same crawl and seed give the
same Parquet bytes.
"""

from __future__ import annotations

import hashlib
import io
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from PIL import Image

from street2shop.core.image_gate import FORMAT_EXTENSIONS
from street2shop.core.schemas import DATASET_PAIRS
from street2shop.core.store import Store, StoreError
from street2shop.dataset import card as card_text
from street2shop.dataset.garments import choose_box, mention_category
from street2shop.dataset.layout import DatasetWriter, card_metadata
from street2shop.dataset.mentions import (ITEM_PREFIX, Mention, host, iter_mentions, latest, read_mentions,
                                         value_counts)
from street2shop.dataset.optout_list import OptOutList
from street2shop.dataset.optout_list import from_config as optout_from_config
from street2shop.dataset.splits import HashColumns, decode_for_hashing, image_groups, plan, split_hashes
from street2shop.pipeline import normalise as norm
from street2shop.pipeline.catalog import Catalog
from street2shop.pipeline.detectors.categories import CATEGORIES

DETECT_BATCH = 8


class DatasetBuildError(Exception):
    """Nothing to build from, or a bad option; the message says what to crawl or change."""


@dataclass
class Cleaning:
    """What each cleaning step did, in the order they run (the card's report)."""

    steps: Counter = field(default_factory=Counter)
    notes: dict[str, str] = field(default_factory=dict)

    def count(self, step: str, n: int = 1) -> None:
        self.steps[step] += n


STEP_NOTES = {
    "candidates": "garment mentions whose link landed on a listing of the catalog",
    "opted_out": "rows left out by the opt-out list (post, listing or image)",
    "street_image_broken": "street image missing from the store, altered or undecodable",
    "shop_image_broken": "listing's chosen image missing, altered or undecodable",
    "other_image_broken": "listing's other images dropped (missing, altered or undecodable)",
    "other_image_opted_out": "listing's other images dropped by the opt-out list",
    "street_image_too_small": "street photos with a side under min_crop_side",
    "shop_image_too_small": "shop images with a side under min_crop_side",
    "shop_close_up_only": "listings whose every image is a close-up or texture shot",
    "duplicate_exact": "same street image and same product as a row kept",
    "duplicate_near": "near-duplicate street image and same product as a row kept",
    "split_conflict": "dropped so that no street photo is in two splits (its other garments' listings went elsewhere)",
    "kept": "rows written",
    "flag_category_mismatch": "kept, flagged: the street box's category is not the listing's",
    "flag_street_whole_image": "kept, flagged: no garment box of the category (big enough to crop) was found, the whole photo is used",
    "flag_ambiguous_box": "kept, flagged: another garment of the category, nearly as likely, elsewhere in the photo; the surest was taken",
    "flag_category_unknown": "kept, flagged: neither the post's words nor the listing give a category",
}


@dataclass(slots=True)
class ImageInfo:
    sha: str
    path: str
    width: int
    height: int
    ext: str


_UNSEEN, _GOOD, _BAD = 0, 1, 2


class Images:
    """Image bytes from the store, checked against their sha256 and decoded once. What was learnt
    (size, file type, split hashes) is kept in packed columns, the pixels are not: a big build
    meets tens of thousands of images."""

    def __init__(self, store: Store):
        self.store = store
        self.hashes = HashColumns()
        self._slot: dict[str, int] = {}
        self._files = pa.table({"sha256": pa.array([], pa.string()), "path": pa.array([], pa.string()),
                                "format": pa.array([], pa.string()), "first_url": pa.array([], pa.string())})
        self._file_row = array("q")  # slot -> row of _files, -1: not in the store
        self._state = bytearray()
        self._size = array("I")  # width, height per slot
        self._ext = array("B")  # index into _EXTS
        self._exts: list[str] = []

    def register(self, shas) -> None:
        """Look `shas` up in the store's images table (one scan for all of them)."""
        new = sorted({s for s in shas if s and s not in self._slot})
        if not new:
            return
        rows = self.store.read_table("images", columns=list(self._files.column_names),
                                     filter=pc.field("sha256").isin(pa.array(new, pa.string())))
        rows = latest(rows.append_column("_n", pa.array(range(len(rows)), pa.int64())), ["sha256"], "_n")
        base = len(self._files)
        self._files = pa.concat_tables([self._files, rows.drop_columns(["_n"])]).combine_chunks()
        found = {sha: base + n for n, sha in enumerate(rows["sha256"].to_pylist())}
        for sha in new:
            self._slot[sha] = len(self._slot)
            self._file_row.append(found.get(sha, -1))
            self._state.append(_UNSEEN)
            self._size.extend((0, 0))
            self._ext.append(0)

    def _file(self, sha: str, column: str):
        row = self._file_row[self._slot[sha]]
        return self._files[column][row].as_py() if row >= 0 else None

    def first_url(self, sha: str) -> str | None:
        self.register([sha])
        return self._file(sha, "first_url")

    def load(self, sha: str, *, full: bool = True):
        """The decoded image (or None when missing, altered or undecodable); remembers its info.
        `full`: at full size (for the detector), else only as large as the hashes need."""
        self.register([sha])
        slot = self._slot[sha]
        self._state[slot] = _BAD
        path = self._file(sha, "path")
        try:
            data = self.store.read_bytes(path) if path else None
        except (OSError, StoreError):
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            return None
        try:
            if full:
                img = norm.load_image(data)
                size = img.size
            else:
                img, size = decode_for_hashing(data)
        except Exception:  # any decoder failure means the same: this image is unusable
            return None
        fmt = self._file(sha, "format") or Image.open(io.BytesIO(data)).format or ""
        ext = FORMAT_EXTENSIONS.get(fmt.upper(), "bin")
        if ext not in self._exts:
            self._exts.append(ext)
        self.hashes.add(sha, split_hashes(img))
        self._size[2 * slot:2 * slot + 2] = array("I", size)
        self._ext[slot] = self._exts.index(ext)
        self._state[slot] = _GOOD
        return img

    def ensure(self, sha: str) -> ImageInfo | None:
        self.register([sha])
        slot = self._slot[sha]
        if self._state[slot] == _UNSEEN:
            self.load(sha, full=False)
        if self._state[slot] != _GOOD:
            return None
        return ImageInfo(sha, self._file(sha, "path"), self._size[2 * slot], self._size[2 * slot + 1],
                         self._exts[self._ext[slot]])

    def struct(self, sha: str) -> dict:
        info = self.ensure(sha)
        return {"bytes": self.store.read_bytes(info.path), "path": f"{sha}.{info.ext}"}


@dataclass
class BuildResult:
    out: Path
    sizes: dict
    cleaning: Cleaning
    skipped_links: dict


def build_dataset(store: Store, catalog: Catalog, out: Path, *, detector=None, seed: int = 0,
                  ratios: dict[str, float] | None = None, min_side: int = 32, sources: list[str] | None = None,
                  optout: OptOutList | None = None, licence: str = "other", name: str = "street2shop-pairs",
                  rows_per_shard: int = 2000, provenance: dict | None = None,
                  progress: Callable[[str], None] | None = None) -> BuildResult:
    ratios = ratios or {"train": 0.8, "validation": 0.1, "test": 0.1}
    say = progress or (lambda line: None)
    optout = optout or OptOutList()
    mentions, skipped = read_mentions(store, catalog, sources=sources)
    if not len(mentions):
        why = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())) or "no post items at all"
        raise DatasetBuildError(f"store {store.url} has no blog mention whose link leads to a listing of catalog "
                                f"version {catalog.version} ({why}); crawl a blog and its shops, then "
                                "`street2shop catalog build`")
    cleaning = Cleaning()
    cleaning.count("candidates", len(mentions))
    images = Images(store)
    say(f"{len(mentions)} candidate pairs from {pc.count_distinct(mentions['post_url']).as_py()} posts")
    rows = _columnar(_plan_rows(mentions, images, detector, optout, min_side, cleaning, say))
    del mentions  # the plan holds what the rows need, column by column
    rows = _collapse_duplicates(rows, images, cleaning)
    rows = _split(rows, images, ratios, seed, cleaning)
    for flag, n in value_counts(pc.list_flatten(rows["flags"])).items():
        cleaning.count(f"flag_{flag}", n)
    cleaning.count("kept", rows.num_rows)
    say(f"{rows.num_rows} pairs kept; writing")
    with DatasetWriter(out, rows_per_shard=rows_per_shard) as writer:
        for chunk in _in_output_order(rows, list(ratios)):
            for row in chunk.to_pylist():
                writer.write(row["config"], row["split"], [_with_bytes(row, images)])
        sizes = writer.sizes()
        extra = {"street2shop": _card_extra(rows, cleaning, skipped, seed, ratios, optout, catalog, detector,
                                            provenance or {})}
        meta = card_metadata(sizes, licence=licence, pretty_name=name, default_config="exact", extra=extra)
        writer.finish(meta, card_text.body(name, sizes, cleaning, skipped, extra["street2shop"], STEP_NOTES))
    return BuildResult(Path(out), sizes, cleaning, skipped)


def build_from_config(store: Store, catalog: Catalog, out: Path, cfg, *, detector=None, base: Path | None = None,
                      seed: int | None = None, progress: Callable[[str], None] | None = None) -> BuildResult:
    """`build_dataset` with a manifest's `dataset:` section (`core.manifest.DatasetConfig`);
    `base` is the manifest's folder (opt-out files are relative to it)."""
    return build_dataset(store, catalog, out, detector=detector, seed=cfg.seed if seed is None else seed,
                         ratios=cfg.splits, min_side=cfg.min_crop_side, sources=cfg.sources or None,
                         optout=optout_from_config(cfg.opt_out, base), licence=cfg.license, name=cfg.name,
                         rows_per_shard=cfg.rows_per_shard, progress=progress)


def _plan_rows(mentions: pa.Table, images: Images, detector, optout: OptOutList, min_side: int,
               cleaning: Cleaning, say) -> Iterator[dict]:
    """The rows of the kept mentions (`mentions.read_mentions`), without their image bytes (PLAN columns)."""
    if len(optout):
        out = [bool(optout.url(m.post_url) or optout.url(m.listing_url) or optout.image(m.street_sha, m.street_url)
                    or optout.image(m.item["image_sha256"], None)) for m in iter_mentions(mentions)]
        cleaning.count("opted_out", sum(out))
        mentions = mentions.filter(pc.invert(pa.array(out, pa.bool_())))
    street_shas = pc.unique(mentions["street_sha"]).to_pylist()
    shop_shas = set(pc.unique(mentions[ITEM_PREFIX + "image_sha256"]).drop_null().to_pylist())
    shop_shas.update(pc.unique(pc.list_flatten(mentions[ITEM_PREFIX + "other_images"])).drop_null().to_pylist())
    images.register(set(street_shas) | shop_shas)  # one scan of the images table, not one an image
    boxes = _detect_street(sorted(street_shas), images, detector, say)
    del street_shas, shop_shas
    for m in iter_mentions(mentions):
        street = images.ensure(m.street_sha)
        if street is None:
            cleaning.count("street_image_broken")
            continue
        shop = images.ensure(m.item["image_sha256"])
        if shop is None:
            cleaning.count("shop_image_broken")
            continue
        if "close_up" in (m.item["quality_flags"] or []):
            cleaning.count("shop_close_up_only")
            continue
        if min(shop.width, shop.height) < min_side:
            cleaning.count("shop_image_too_small")
            continue
        category = mention_category(m.text, m.item["category"])
        if min(street.width, street.height) < min_side:
            cleaning.count("street_image_too_small")
            continue
        chosen = choose_box(boxes[m.street_sha], category, (street.width, street.height), min_side=min_side)
        others = []
        for sha in m.item["other_images"] or []:
            if optout.image(sha, images.first_url(sha)):
                cleaning.count("other_image_opted_out")
            elif images.ensure(sha) is None:
                cleaning.count("other_image_broken")
            else:
                others.append(sha)
        yield _row(m, street, shop, others, chosen, category, images.first_url(shop.sha))


def _detect_street(shas: list[str], images: Images, detector, say) -> dict[str, list]:
    """The detections of every street image (none without a detector); decodes each once."""
    out: dict[str, list] = {}
    for start in range(0, len(shas), DETECT_BATCH):
        batch = [(sha, images.load(sha)) for sha in shas[start:start + DETECT_BATCH]]
        good = [(sha, img) for sha, img in batch if img is not None]
        found = detector.detect([img for _, img in good]) if detector is not None and good else [[] for _ in good]
        out.update({sha: dets for (sha, _), dets in zip(good, found)})
        out.update({sha: [] for sha, img in batch if img is None})
        if (start // DETECT_BATCH) % 10 == 9:
            say(f"garments found in {start + len(batch)}/{len(shas)} street images")
    return out


def _row(m: Mention, street: ImageInfo, shop: ImageInfo, others: list[str], chosen, category,
         shop_url: str | None) -> dict:
    item = m.item
    flags = []
    if category is None:
        flags.append("category_unknown")
    if chosen.whole_image:
        flags.append("street_whole_image")
    elif item["category"] and chosen.category != item["category"]:
        flags.append("category_mismatch")
    if chosen.ambiguous:
        flags.append("ambiguous_box")
    post = m.post
    return {
        "pair_id": m.pair_id, "config": m.config, "split": None, "product_id": None,
        "category": category, "category_name": CATEGORIES.get(category) if category else None,
        "street_image_id": m.street_sha, "street_box": list(chosen.box), "street_whole_image": chosen.whole_image,
        "street_category": chosen.category, "street_item": None, "street_style": None,
        "street_width": street.width, "street_height": street.height, "street_url": m.street_url,
        "street_extra": None,
        "shop_image_id": shop.sha, "shop_box": [float(v) for v in item["box"]] if item["box"] else None,
        "shop_category": item["category"], "shop_item": None, "shop_style": None,
        "shop_width": shop.width, "shop_height": shop.height, "shop_url": shop_url,
        "shop_extra": None, "shop_other_ids": others,
        "show": post.get("show"), "season": post.get("season"), "episode": post.get("episode"),
        "character": m.character(), "mention": m.text, "shop": host(m.listing_url),
        "brand": item["brand"] or m.brand, "listing_name": item["name"], "price": item["price"],
        "currency": item["currency"], "post_url": m.post_url, "listing_url": m.listing_url,
        "post_crawled_at": post.get("fetched_at"), "listing_crawled_at": m.listing_crawled_at,
        "source_pair_id": None, "flags": flags, "origin": "crawl", "group": m.group,
    }


#: A planned row: the pairs table without the image bytes (`shop_other_ids` names the other
#: images), and the catalog's duplicate group of its listing. Held as Arrow columns, a few
#: hundred bytes a row, so a big build's plan does not grow into Python objects.
PLAN = pa.schema([f for f in DATASET_PAIRS if f.name not in ("street_image", "shop_image", "shop_other_images")]
                 + [("shop_other_ids", pa.list_(pa.string())), ("group", pa.string())])
PLAN_CHUNK = 1000


def _columnar(rows: Iterator[dict]) -> pa.Table:
    chunks, pending = [], []
    for row in rows:
        pending.append(row)
        if len(pending) == PLAN_CHUNK:
            chunks.append(pa.Table.from_pylist(pending, schema=PLAN))
            pending = []
    chunks.append(pa.Table.from_pylist(pending, schema=PLAN))
    return pa.concat_tables(chunks).combine_chunks()


def _collapse_duplicates(rows: pa.Table, images: Images, cleaning: Cleaning) -> pa.Table:
    """One row per (config, street image up to near duplicates, product): the first in post order."""
    street_ids = rows["street_image_id"].to_pylist()
    street = sorted(set(street_ids))
    groups = image_groups(street, images.hashes)
    seen: dict[tuple, str] = {}
    keep = []
    for config, sha, group in zip(rows["config"].to_pylist(), street_ids, rows["group"].to_pylist()):
        key = (config, groups[sha], group)
        keep.append(key not in seen)
        if key in seen:
            cleaning.count("duplicate_exact" if seen[key] == sha else "duplicate_near")
        else:
            seen[key] = sha
    return rows.filter(pa.array(keep, pa.bool_()))


def _split(rows: pa.Table, images: Images, ratios: dict[str, float], seed: int, cleaning: Cleaning) -> pa.Table:
    """Each row's product_id (the group its split was drawn by) and split; rows dropped to keep a
    street photo out of two splits are counted and left out."""
    street = rows["street_image_id"].to_pylist()
    shop = [[sha, *others] for sha, others in zip(rows["shop_image_id"].to_pylist(),
                                                  rows["shop_other_ids"].to_pylist())]
    shas = sorted(set(street) | {s for r in shop for s in r})
    groups = image_groups(shas, images.hashes)
    product_keys = [[f"product:{g}", *(f"image:{groups[s]}" for s in r)]
                    for g, r in zip(rows["group"].to_pylist(), shop)]
    street_keys = [[f"image:{groups[s]}"] for s in street]
    strata = [c or "unknown" for c in rows["category_name"].to_pylist()]
    split, group = plan(product_keys, street_keys, strata, ratios, seed)
    pair_ids = rows["pair_id"].to_pylist()
    product = ["g-" + hashlib.sha256(pair_ids[g].encode()).hexdigest()[:16] for g in group]
    cleaning.count("split_conflict", split.count(None))
    rows = rows.set_column(rows.schema.get_field_index("split"), "split", pa.array(split, pa.string()))
    rows = rows.set_column(rows.schema.get_field_index("product_id"), "product_id", pa.array(product, pa.string()))
    return rows.filter(pc.is_valid(rows["split"]))


def _in_output_order(rows: pa.Table, splits: list[str], chunk: int = 100) -> Iterator[pa.Table]:
    """The rows by (config, split in the manifest's order, pair_id), `chunk` at a time."""
    rank = pa.array([splits.index(s) for s in rows["split"].to_pylist()], pa.int32())
    keys = pa.table({"config": rows["config"], "rank": rank, "pair_id": rows["pair_id"]})
    order = pc.sort_indices(keys, sort_keys=[("config", "ascending"), ("rank", "ascending"),
                                             ("pair_id", "ascending")])
    for start in range(0, len(order), chunk):
        yield rows.take(order[start:start + chunk])


def _with_bytes(row: dict, images: Images) -> dict:
    out = {k: v for k, v in row.items() if k not in ("shop_other_ids", "group")}
    out["street_image"] = images.struct(row["street_image_id"])
    out["shop_image"] = images.struct(row["shop_image_id"])
    out["shop_other_images"] = [images.struct(s) for s in row["shop_other_ids"]]
    return out


def _card_extra(rows: pa.Table, cleaning: Cleaning, skipped, seed, ratios, optout: OptOutList, catalog: Catalog,
                detector, provenance: dict) -> dict:
    dates = [d for column in ("post_crawled_at", "listing_crawled_at") for d in pc.min_max(rows[column]).values()
             if d.is_valid]
    dates = [d.as_py() for d in dates]
    return {
        "origin": "crawl",
        "seed": seed,
        "split_ratios": ratios,
        "split_by": "product and near-duplicate images (dataset/splits.py)",
        "catalog_version": catalog.version,
        "encoder": catalog.meta.get("encoder_spec") or catalog.meta.get("model_id"),
        "detector": f"{detector.name} ({detector.weights_id})" if detector is not None else "none (whole photos)",
        "crawled_from": min(dates).isoformat() if dates else None,
        "crawled_to": max(dates).isoformat() if dates else None,
        "blogs": sorted({h for u in pc.unique(rows["post_url"]).to_pylist() if (h := host(u))}),
        "shops": sorted(s for s in pc.unique(rows["shop"]).to_pylist() if s),
        "opt_out_entries": len(optout),
        "cleaning": {k: cleaning.steps[k] for k in STEP_NOTES if cleaning.steps.get(k)},
        "links_not_used": dict(sorted(skipped.items())),
        **provenance,
    }

