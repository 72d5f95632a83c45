"""`street2shop dataset build`: crawled posts and listings -> a cleaned, split street-to-shop
dataset in the Hugging Face layout (`dataset/layout.py`).

It streams: memory holds one chunk of posts and a few dozen bytes per pair and per image,
whatever the size of the crawl (docs/architecture.md has the figures).

1. plan, a chunk of posts at a time (`mentions.post_chunks`): every mention whose link landed
   on a catalog listing (`mentions.py`) becomes a candidate pair; street images are decoded once
   for the detector and the perceptual hashes, shop images once for their hashes and sizes
   (`image_facts.py`); rows that survive cleaning go to a plan file beside the output, and each
   row's keys (config, images, product, category) to packed arrays (`PlanKeys`).
2. on the keys: duplicates collapsed, then rows grouped and split (`splits.py`).
3. write: for each config and split, the plan file is read again in order and each kept row
   gets its image bytes from the store, one row at a time, into shards.

Rows are written in post order (post URL, garment, link) within each config and split, and
nothing in a row depends on when or where the build ran, so the same crawl and seed give the
same Parquet bytes.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from street2shop.core.memory import release_freed
from street2shop.core.schemas import DATASET_PAIRS
from street2shop.core.store import Store
from street2shop.dataset import card as card_text
from street2shop.dataset.garments import choose_box, mention_category
from street2shop.dataset.image_facts import ImageFacts, ImageInfo
from street2shop.dataset.layout import DatasetWriter, card_metadata, file_batches
from street2shop.dataset.mentions import (CONFIG_OF_KIND, ITEM_PREFIX, Mention, host, iter_mentions, post_chunks,
                                         read_mentions)
from street2shop.dataset.optout_list import OptOutList
from street2shop.dataset.optout_list import from_config as optout_from_config
from street2shop.dataset.splits import plan
from street2shop.pipeline.catalog import Catalog
from street2shop.pipeline.detectors.categories import CATEGORIES

DETECT_BATCH = 8
POSTS_PER_CHUNK = 2000
CONFIGS = sorted(set(CONFIG_OF_KIND.values()))
STRATA = [CATEGORIES[c] for c in sorted(CATEGORIES)] + ["unknown"]


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


@dataclass
class BuildResult:
    out: Path
    sizes: dict
    cleaning: Cleaning
    skipped_links: dict


def build_dataset(store: Store, catalog: Catalog, out: Path, *, detector=None, seed: int = 0,
                  ratios: dict[str, float] | None = None, min_side: int = 32, sources: list[str] | None = None,
                  optout: OptOutList | None = None, licence: str = "other", name: str = "street2shop-pairs",
                  rows_per_shard: int = 2000, posts_per_chunk: int = POSTS_PER_CHUNK,
                  provenance: dict | None = None, progress: Callable[[str], None] | None = None) -> BuildResult:
    ratios = ratios or {"train": 0.8, "validation": 0.1, "test": 0.1}
    say = progress or (lambda line: None)
    optout = optout or OptOutList()
    cleaning = Cleaning()
    with DatasetWriter(out, rows_per_shard=rows_per_shard) as writer:
        plan_file = writer.stage / ".plan.parquet"  # removed before the dataset is put in place
        facts = ImageFacts(store)
        keys, skipped = _plan(store, catalog, sources, posts_per_chunk, facts, detector, optout, min_side, cleaning,
                              plan_file, say)
        if not cleaning.steps["candidates"]:
            why = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())) or "no post items at all"
            raise DatasetBuildError(f"store {store.url} has no blog mention whose link leads to a listing of "
                                    f"catalog version {catalog.version} ({why}); crawl a blog and its shops, then "
                                    "`street2shop catalog build`")
        keep = _collapse_duplicates(keys, facts, cleaning)
        split, product = _split(keys, keep, facts, ratios, seed, cleaning)
        del facts
        release_freed()
        say(f"{int((split >= 0).sum())} pairs kept; writing")
        seen = _write(writer, store, plan_file, keys, split, product, list(ratios), cleaning)
        plan_file.unlink()
        sizes = writer.sizes()
        extra = {"street2shop": _card_extra(seen, cleaning, skipped, seed, ratios, optout, catalog, detector,
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
                         rows_per_shard=cfg.rows_per_shard, posts_per_chunk=cfg.posts_per_chunk, progress=progress)


#: A planned row: the pairs table without the image bytes, and where those are: each image's
#: file in the store and its name in the dataset (`shop_other_ids` names the other images).
PLAN = pa.schema([f for f in DATASET_PAIRS if f.name not in ("street_image", "shop_image", "shop_other_images")]
                 + [("shop_other_ids", pa.list_(pa.string())),
                    ("street_file", pa.string()), ("street_name", pa.string()),
                    ("shop_file", pa.string()), ("shop_name", pa.string()),
                    ("other_files", pa.list_(pa.string())), ("other_names", pa.list_(pa.string()))])
PLAN_ONLY = ("shop_other_ids", "street_file", "street_name", "shop_file", "shop_name", "other_files", "other_names")
PLAN_CHUNK = 1000


class PlanKeys:
    """What cleaning and splitting need of each planned row, in packed arrays (row n is the
    plan file's row n): its config, street image slot, shop image slots (the chosen one first),
    product (a 64-bit hash of the catalog's duplicate group), category stratum and pair id."""

    def __init__(self) -> None:
        self.config, self.stratum = array("B"), array("B")
        self.street, self.shop, self.shop_end = array("q"), array("q"), array("q")
        self.product = array("Q")
        self.pair_id = bytearray()  # 12 bytes a row

    def add(self, row: dict, street: ImageInfo, shop: ImageInfo, others: list[ImageInfo]) -> None:
        self.config.append(CONFIGS.index(row["config"]))
        self.stratum.append(STRATA.index(row["category_name"] or "unknown"))
        self.street.append(street.slot)
        self.shop.extend([shop.slot, *(o.slot for o in others)])
        self.shop_end.append(len(self.shop))
        self.product.append(int.from_bytes(hashlib.blake2b(row["group"].encode(), digest_size=8).digest()))
        self.pair_id += bytes.fromhex(row["pair_id"])

    def __len__(self) -> int:
        return len(self.config)

    def pair(self, r: int) -> str:
        return self.pair_id[12 * r:12 * r + 12].hex()


def _plan(store: Store, catalog: Catalog, sources, posts_per_chunk: int, facts: ImageFacts, detector,
          optout: OptOutList, min_side: int, cleaning: Cleaning, plan_file: Path, say) -> tuple[PlanKeys, dict]:
    """Plan every chunk of posts into `plan_file`; the rows' keys and the links left out, by why."""
    keys, skipped = PlanKeys(), Counter()
    chunks = list(post_chunks(store, sources=sources, size=posts_per_chunk))
    total, done = sum(len(c) for c in chunks), 0
    with pq.ParquetWriter(plan_file, PLAN) as plan_out:
        for chunk in chunks:
            mentions, left_out = read_mentions(store, catalog, sources=sources, posts=chunk)
            skipped.update(left_out)
            cleaning.count("candidates", len(mentions))
            pending = []
            for row, street, shop, others in _plan_rows(mentions, facts, detector, optout, min_side, cleaning, say):
                keys.add(row, street, shop, others)
                pending.append(row)
                if len(pending) == PLAN_CHUNK:
                    plan_out.write_table(pa.Table.from_pylist(pending, schema=PLAN))
                    pending = []
            if pending:
                plan_out.write_table(pa.Table.from_pylist(pending, schema=PLAN))
            done += len(chunk)
            del mentions
            release_freed()
            say(f"posts {done}/{total}: {cleaning.steps['candidates']} candidate pairs, "
                f"{len(keys)} planned")
    return keys, dict(skipped)


def _plan_rows(mentions: pa.Table, facts: ImageFacts, detector, optout: OptOutList, min_side: int,
               cleaning: Cleaning, say) -> Iterator[tuple[dict, ImageInfo, ImageInfo, list[ImageInfo]]]:
    """The rows of one chunk's kept mentions (`mentions.read_mentions`), without their image
    bytes (PLAN columns), with the facts of their street, shop and other images."""
    if len(optout) and len(mentions):
        out = [bool(optout.url(m.post_url) or optout.url(m.listing_url) or optout.image(m.street_sha, m.street_url)
                    or optout.image(m.item["image_sha256"], None)) for m in iter_mentions(mentions)]
        cleaning.count("opted_out", sum(out))
        mentions = mentions.filter(pc.invert(pa.array(out, pa.bool_())))
    street_shas = pc.unique(mentions["street_sha"]).to_pylist()
    shop_shas = set(pc.unique(mentions[ITEM_PREFIX + "image_sha256"]).drop_null().to_pylist())
    shop_shas.update(pc.unique(pc.list_flatten(mentions[ITEM_PREFIX + "other_images"])).drop_null().to_pylist())
    facts.open_chunk(set(street_shas) | shop_shas)  # one scan of the images table, not one an image
    boxes = _detect_street(sorted(street_shas), facts, detector, say)
    del street_shas, shop_shas
    for m in iter_mentions(mentions):
        street = facts.ensure(m.street_sha)
        if street is None:
            cleaning.count("street_image_broken")
            continue
        shop = facts.ensure(m.item["image_sha256"])
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
            if optout.image(sha, facts.first_url(sha)):
                cleaning.count("other_image_opted_out")
            elif (info := facts.ensure(sha)) is None:
                cleaning.count("other_image_broken")
            else:
                others.append(info)
        yield _row(m, street, shop, others, chosen, category, facts.first_url(shop.sha)), street, shop, others


def _detect_street(shas: list[str], facts: ImageFacts, detector, say) -> dict[str, list]:
    """The detections of every street image (none without a detector); decodes each once."""
    out: dict[str, list] = {}
    for start in range(0, len(shas), DETECT_BATCH):
        batch = [(sha, facts.load(sha)) for sha in shas[start:start + DETECT_BATCH]]
        good = [(sha, img) for sha, img in batch if img is not None]
        found = detector.detect([img for _, img in good]) if detector is not None and good else [[] for _ in good]
        out.update({sha: dets for (sha, _), dets in zip(good, found)})
        out.update({sha: [] for sha, img in batch if img is None})
        if (start // DETECT_BATCH) % 10 == 9:
            say(f"garments found in {start + len(batch)}/{len(shas)} street images")
    return out


def _row(m: Mention, street: ImageInfo, shop: ImageInfo, others: list[ImageInfo], chosen, category,
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
        "shop_extra": None, "shop_other_ids": [o.sha for o in others],
        "show": post.get("show"), "season": post.get("season"), "episode": post.get("episode"),
        "character": m.character(), "mention": m.text, "shop": host(m.listing_url),
        "brand": item["brand"] or m.brand, "listing_name": item["name"], "price": item["price"],
        "currency": item["currency"], "post_url": m.post_url, "listing_url": m.listing_url,
        "post_crawled_at": post.get("fetched_at"), "listing_crawled_at": m.listing_crawled_at,
        "source_pair_id": None, "flags": flags, "origin": "crawl", "group": m.group,
        "street_file": street.file, "street_name": street.name, "shop_file": shop.file, "shop_name": shop.name,
        "other_files": [o.file for o in others], "other_names": [o.name for o in others],
    }


def _collapse_duplicates(keys: PlanKeys, facts: ImageFacts, cleaning: Cleaning) -> np.ndarray:
    """Which rows stay: one per (config, street image up to near duplicates, product), the first
    in post order."""
    n = len(keys)
    if not n:
        return np.zeros(0, bool)
    street = np.frombuffer(keys.street, np.int64)
    table = np.stack([np.frombuffer(keys.config, np.uint8).astype(np.int64), facts.groups(street),
                      np.unique(np.frombuffer(keys.product, np.uint64), return_inverse=True)[1].ravel()], axis=1)
    _, first, inverse = np.unique(table, axis=0, return_index=True, return_inverse=True)
    first_of = first[inverse.ravel()]
    keep = first_of == np.arange(n)
    exact = int((~keep & (street[first_of] == street)).sum())
    for step, count in (("duplicate_exact", exact), ("duplicate_near", int((~keep).sum()) - exact)):
        if count:
            cleaning.count(step, count)
    return keep


def _split(keys: PlanKeys, keep: np.ndarray, facts: ImageFacts, ratios: dict[str, float], seed: int,
           cleaning: Cleaning) -> tuple[np.ndarray, np.ndarray]:
    """Per plan row, its split (an index into `ratios`; -1: not written) and the row whose pair
    id names its product (the first row of the group its split was drawn by). Rows dropped to
    keep a street photo out of two splits are counted."""
    rows = np.nonzero(keep)[0]
    split_of = np.full(len(keys), -1, np.int8)
    product_row = np.full(len(keys), -1, np.int64)
    if not len(rows):
        return split_of, product_row
    street = np.frombuffer(keys.street, np.int64)[rows]
    ends = np.frombuffer(keys.shop_end, np.int64)
    starts = np.concatenate([[0], ends[:-1]])[rows]
    counts = ends[rows] - starts
    shop = np.frombuffer(keys.shop, np.int64)[np.repeat(starts - np.cumsum(counts) + counts, counts)
                                              + np.arange(counts.sum())]
    groups = facts.groups(np.concatenate([street, shop])).tolist()
    street_group, shop_group = groups[:len(rows)], groups[len(rows):]
    # products are keys above every image group, so the two kinds of key never meet
    product = (np.unique(np.frombuffer(keys.product, np.uint64)[rows], return_inverse=True)[1].ravel()
               + len(groups)).tolist()
    bounds = np.concatenate([[0], np.cumsum(counts)]).tolist()
    product_keys = [[product[k], *shop_group[bounds[k]:bounds[k + 1]]] for k in range(len(rows))]
    street_keys = [[g] for g in street_group]
    strata = [STRATA[s] for s in np.frombuffer(keys.stratum, np.uint8)[rows].tolist()]
    split, group = plan(product_keys, street_keys, strata, ratios, seed)
    names = list(ratios)
    chosen = np.array([names.index(s) if s is not None else -1 for s in split], np.int8)
    cleaning.count("split_conflict", int((chosen < 0).sum()))
    split_of[rows] = chosen
    product_row[rows] = rows[np.asarray(group, np.int64)]
    return split_of, product_row


def _write(writer: DatasetWriter, store: Store, plan_file: Path, keys: PlanKeys, split: np.ndarray, product: np.ndarray,
           splits: list[str], cleaning: Cleaning) -> dict:
    """Each config and split's rows, read back from the plan in post order, with their image
    bytes; what the card reports of the rows written (crawl dates, blogs, shops)."""
    seen = {"dates": [], "blogs": set(), "shops": set()}
    config_of = np.frombuffer(keys.config, np.uint8)
    for c, config in enumerate(CONFIGS):
        for s, name in enumerate(splits):
            wanted = (config_of == c) & (split == s)
            if not wanted.any():
                continue
            start = 0
            for batch in file_batches(plan_file, batch_rows=PLAN_CHUNK):
                picked = np.nonzero(wanted[start:start + len(batch)])[0]
                for k, row in zip(picked.tolist(), batch.take(pa.array(picked)).to_pylist()):
                    row["split"] = name
                    row["product_id"] = "g-" + hashlib.sha256(keys.pair(product[start + k]).encode()).hexdigest()[:16]
                    _note(seen, row, cleaning)
                    writer.write(config, name, [_with_bytes(row, store)])
                start += len(batch)
    return seen


def _note(seen: dict, row: dict, cleaning: Cleaning) -> None:
    for flag in row["flags"]:
        cleaning.count(f"flag_{flag}")
    cleaning.count("kept")
    seen["dates"].extend(d for d in (row["post_crawled_at"], row["listing_crawled_at"]) if d is not None)
    seen["dates"] = [min(seen["dates"]), max(seen["dates"])] if seen["dates"] else []
    if blog := host(row["post_url"]):
        seen["blogs"].add(blog)
    if row["shop"]:
        seen["shops"].add(row["shop"])


def _with_bytes(row: dict, store: Store) -> dict:
    out = {k: v for k, v in row.items() if k not in PLAN_ONLY}
    out["street_image"] = {"bytes": store.read_bytes(row["street_file"]), "path": row["street_name"]}
    out["shop_image"] = {"bytes": store.read_bytes(row["shop_file"]), "path": row["shop_name"]}
    out["shop_other_images"] = [{"bytes": store.read_bytes(f), "path": n}
                                for f, n in zip(row["other_files"], row["other_names"])]
    return out


def _card_extra(seen: dict, cleaning: Cleaning, skipped, seed, ratios, optout: OptOutList, catalog: Catalog,
                detector, provenance: dict) -> dict:
    dates = seen["dates"]
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
        "blogs": sorted(seen["blogs"]),
        "shops": sorted(seen["shops"]),
        "opt_out_entries": len(optout),
        "cleaning": {k: cleaning.steps[k] for k in STEP_NOTES if cleaning.steps.get(k)},
        "links_not_used": dict(sorted(skipped.items())),
        **provenance,
    }

