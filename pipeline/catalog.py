"""Catalog versions: one clean, comparable crop per listing, embedded and indexed.

`build_catalog` reads the store's listings and images tables (the latest observation of
each listing), picks the image that shows the whole product, finds the garment in it
(detector, or the trimmed whole image when there is none), normalises the crop, embeds
it, and writes a new version:

    catalog/versions/<version>/items/part-*.parquet   the items (CATALOG_ITEMS schema)
    catalog/versions/<version>/duplicates/            item -> group of items showing the same product
    catalog/versions/<version>/index/                 the search index (pipeline/index.py)
    catalog/versions/<version>/version.json           model, preprocessing, counts
    catalog/CURRENT                                    {"version": ...}: the current version

A version becomes current only when everything above is written (the pointer is written
last, atomically), so a killed build leaves the previous version in place. Embeddings are
cached by (image sha256, crop box, model id, preprocessing) in catalog/embeddings, so a
rebuild embeds only what is new. Listings are processed in chunks, so memory stays flat
as the catalog grows (measured in docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from street2shop.pipeline.dedupe import duplicate_groups, hash_image
from street2shop.pipeline.detectors.categories import category_from_text
from street2shop.pipeline.index import TARGET_RECALL, CategoryIndex, SearchIndexError, build_index
from street2shop.core.store import Store, StoreError

CURRENT = "catalog/CURRENT"
#: The name `build_catalog` gives a version (its UTC start time); a pointer that names
#: anything else (a path, "..") is damaged and never followed.
VERSION_NAME = re.compile(r"v\d{8}T\d{12}Z")
_REBUILD = "rebuild the catalog with `street2shop catalog build MANIFEST`"
#: What version.json holds that reading a version relies on.
_META_KEYS = ("model_id", "preprocess_id", "dim", "image_size", "items")
EMBEDDINGS_DIR = "catalog/embeddings"
DF2_CATEGORIES = 13


class CatalogError(Exception):
    """A catalog that cannot be built or read (one line, names what to do)."""


@dataclass
class BuildSummary:
    version: str
    listings: int = 0
    items: int = 0
    embedded: int = 0  # computed now
    cached: int = 0  # taken from the embedding cache
    skipped: dict[str, int] = field(default_factory=dict)  # listings without a usable image, by reason
    whole_image: int = 0
    duplicate_groups: int = 0  # sets of items that show the same product (exact or near images)
    seconds: float = 0.0
    index_kind: str = ""


def item_id(source: str, url: str, sha: str, box: str) -> str:
    return hashlib.sha256(f"{source}\x00{url}\x00{sha}\x00{box}".encode()).hexdigest()[:24]


def box_key(box) -> str:
    return "" if box is None else ",".join(str(int(round(v))) for v in box)


def latest_listings(store: Store, sources: list[str] | None = None) -> pa.Table:
    """The latest observation of each listing (by canonical URL), as an Arrow table: rows
    become Python objects only a chunk at a time."""
    columns = ["source", "url", "final_url", "canonical_url", "fetched_at", "name", "brand", "price", "currency",
               "availability", "category", "breadcrumbs", "images"]
    flt = pc.field("source").isin(sources) if sources else None
    table = store.read_table("listings", columns=columns, filter=flt).sort_by("fetched_at")
    keys = pc.coalesce(table.column("canonical_url"), table.column("final_url")).to_pylist()
    latest = {key: i for i, key in enumerate(keys)}  # later observations win
    return table.take(pa.array(sorted(latest.values()), pa.int64()))


class EmbeddingCache:
    def __init__(self, store: Store, model_id: str, preprocess_id: str):
        self.store, self.model_id, self.preprocess_id = store, model_id, preprocess_id
        flt = (pc.field("model_id") == model_id) & (pc.field("preprocess_id") == preprocess_id)
        table = store.read_table("embeddings", columns=["image_sha256", "box", "embedding"], filter=flt,
                                 under=EMBEDDINGS_DIR)
        self.known = {(s, b): i for i, (s, b) in enumerate(zip(table.column("image_sha256").to_pylist(),
                                                               table.column("box").to_pylist()))}
        self.table = table
        self.new: list[dict] = []

    def get(self, sha: str, box: str) -> np.ndarray | None:
        i = self.known.get((sha, box))
        return None if i is None else np.asarray(self.table.column("embedding")[i].as_py(), np.float32)

    def add(self, sha: str, box: str, vector: np.ndarray) -> None:
        self.new.append({"image_sha256": sha, "box": box, "model_id": self.model_id,
                         "preprocess_id": self.preprocess_id, "embedding": vector.tolist()})

    def flush(self, run_id: str, seq: int) -> None:
        if self.new:
            self.store.write_part("embeddings", self.new, run_id=run_id, seq=seq, writer="catalog",
                                  under=EMBEDDINGS_DIR)
            self.new = []


def _chunks(table: pa.Table, size: int) -> Iterator[list[dict]]:
    for start in range(0, table.num_rows, size):
        yield table.slice(start, size).to_pylist()


def build_catalog(store: Store, *, encoder, detector=None, sources: list[str] | None = None,
                  image_size: int = 384, index_kind: str = "auto", chunk: int = 256,
                  index_recall: float = TARGET_RECALL,
                  progress: Callable[[int, int], None] | None = None) -> BuildSummary:
    """Write a new catalog version from the store's listings and make it current."""
    from street2shop.pipeline import normalise as norm  # noqa: PLC0415  (Pillow-heavy, not needed to read)

    started = time.monotonic()
    version = datetime.now(timezone.utc).strftime("v%Y%m%dT%H%M%S%fZ")
    summary = BuildSummary(version=version)
    listings = latest_listings(store, sources)
    summary.listings = listings.num_rows
    if not listings.num_rows:
        raise CatalogError(f"store {store.url} has no listings with images; run `street2shop crawl` first")
    cache = EmbeddingCache(store, encoder.model_id, encoder.preprocess_id)
    items_dir = f"catalog/versions/{version}/items"
    done = 0
    # A few integers per item: enough to find the same product sold twice (or by two shops)
    # once every item is known, without holding the items themselves.
    crop_hashes, crop_ids, crop_shas = [], [], []
    for seq, rows in enumerate(_chunks(listings, chunk)):
        prepared = []  # (row, chosen sha, others, box, det, flags, crop image)
        # One look-up of the chunk's image files, not one scan of the images table per listing.
        paths = store.image_column(i["sha256"] for row in rows for i in row["images"] or []
                                   if i["status"] == "ok")
        for row in rows:
            kept = [i for i in row["images"] or [] if i["status"] == "ok" and i["sha256"]]
            if not kept:
                summary.skipped["no_image"] = summary.skipped.get("no_image", 0) + 1
                continue
            images = []
            for img in kept:
                try:
                    images.append((img["sha256"], norm.load_image(store.read_bytes(paths[img["sha256"]]))))
                except Exception:  # noqa: BLE001  a stored image that no longer decodes: skip it, counted
                    summary.skipped["unreadable_image"] = summary.skipped.get("unreadable_image", 0) + 1
            if not images:
                continue
            images = _distinct(images)
            order = norm.rank_listing_images([im for _, im in images])
            sha, image = images[order[0]]
            others = [images[i][0] for i in order[1:]]
            prepared.append([row, sha, others, image])
        detections = detector.detect([p[3] for p in prepared]) if detector is not None and prepared else None
        crops, keys = [], []
        for n, entry in enumerate(prepared):
            row, sha, others, image = entry
            det = max(detections[n], key=lambda d: d.score) if detections and detections[n] else None
            normalised = norm.normalise(image, box=det.box if det else None, size=image_size, trim=det is None)
            box = normalised.box_used
            entry += [det, normalised, box_key(box)]
            keys.append((sha, box_key(box)))
            crops.append(normalised.image)
        vectors = np.zeros((len(prepared), encoder.dim), np.float32)
        todo = []
        for n, (sha, bkey) in enumerate(keys):
            cached = cache.get(sha, bkey)
            if cached is not None:
                vectors[n] = cached
                summary.cached += 1
            else:
                todo.append(n)
        if todo:
            fresh = encoder.encode_images([crops[n] for n in todo])
            for n, vec in zip(todo, fresh):
                vectors[n] = vec
                cache.add(keys[n][0], keys[n][1], vec)
            summary.embedded += len(todo)
        out = []
        for n, (row, sha, others, image, det, normalised, bkey) in enumerate(prepared):
            whole = det is None
            # no garment detected: the category the listing's own words name, so that the
            # matcher's category filter still has something to filter on
            named = None if det else category_from_text(row["name"], row["category"],
                                                        *reversed(row["breadcrumbs"] or []))
            summary.whole_image += whole
            ident = item_id(row["source"], row["canonical_url"] or row["final_url"], sha, bkey)
            crop_hashes.append(hash_image(normalised.image))
            crop_ids.append(ident)
            crop_shas.append(sha)
            out.append({
                "item_id": ident,
                "source": row["source"], "listing_url": row["final_url"], "canonical_url": row["canonical_url"],
                "name": row["name"], "brand": row["brand"], "price": row["price"], "currency": row["currency"],
                "availability": row["availability"],
                "listing_category": row["category"] or ((row["breadcrumbs"] or [None])[-1]),
                "image_sha256": sha, "other_images": others,
                "box": [float(v) for v in normalised.box_used] if normalised.box_used is not None else None,
                "category": det.category if det else named,
                "category_probs": [float(p) for p in det.probs] if det else None,
                "detection_score": float(det.score) if det else None,
                "whole_image": whole, "quality_flags": sorted(normalised.flags | ({"whole_image"} if whole else set())
                                        | ({"category_from_listing"} if named else set())),
                "model_id": encoder.model_id, "preprocess_id": encoder.preprocess_id,
                "embedding": vectors[n].tolist(),
            })
        store.write_part("catalog_items", out, run_id=version, seq=seq, writer="build", under=items_dir)
        cache.flush(version, seq)
        summary.items += len(out)
        done += len(rows)
        if progress:
            progress(done, listings.num_rows)
    if summary.items == 0:
        raise CatalogError(f"no listing in {store.url} has a usable image; nothing to catalog")
    groups = duplicate_groups(crop_hashes, crop_shas)
    summary.duplicate_groups = len(groups)
    store.write_part("catalog_duplicates", [
        {"item_id": crop_ids[i], "group_id": crop_ids[group[0]]} for group in groups for i in group
    ], run_id=version, seq=0, writer="build", under=f"catalog/versions/{version}/duplicates")
    index = _build_version_index(store, items_dir, encoder.dim, index_kind, index_recall)
    summary.index_kind = ",".join(sorted({b.kind for b, _ in index.parts.values()}))
    if index.describe():  # categories large enough for FAISS: what was chosen, and why
        summary.index_kind += " (" + "; ".join(index.describe()) + ")"
    _save_index(store, f"catalog/versions/{version}/index", index)
    summary.seconds = time.monotonic() - started
    store.write_json(f"catalog/versions/{version}/version.json", {
        "version": version, "encoder_spec": getattr(encoder, "spec", None), "model_id": encoder.model_id,
        "preprocess_id": encoder.preprocess_id,
        "dim": encoder.dim, "image_size": image_size, "detector": getattr(detector, "weights_id", None),
        "items": summary.items, "listings": summary.listings, "created_at": datetime.now(timezone.utc).isoformat(),
    })
    store.write_json(CURRENT, {"version": version})  # last: the version is complete
    return summary


def _distinct(images: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """A listing's images without exact or near duplicates (the first of each group stays)."""
    if len(images) < 2:
        return images
    groups = duplicate_groups([hash_image(im) for _, im in images], [sha for sha, _ in images])
    dropped = {i for group in groups for i in group[1:]}
    return [img for i, img in enumerate(images) if i not in dropped]


def _build_version_index(store: Store, items_dir: str, dim: int, kind: str, recall: float) -> CategoryIndex:
    # Read the embeddings back part by part into one preallocated array: the index needs
    # them all, but nothing else of the items is held at once.
    dataset = store.dataset("catalog_items", under=items_dir)
    n = dataset.count_rows()
    vectors = np.empty((n, dim), np.float32)
    categories = np.full(n, -1, np.int64)
    at = 0
    for batch in dataset.to_batches(columns=["embedding", "category"]):
        emb = batch.column("embedding")
        flat = np.asarray(pc.list_flatten(emb).to_numpy(zero_copy_only=False), np.float32)
        vectors[at:at + len(batch)] = flat.reshape(len(batch), dim)
        cats = batch.column("category").to_numpy(zero_copy_only=False)
        categories[at:at + len(batch)] = np.where(np.isnan(cats.astype(float)), -1, cats).astype(np.int64)
        at += len(batch)
    return build_index(vectors, categories, kind=kind, target_recall=recall)


def _save_index(store: Store, relpath: str, index: CategoryIndex) -> None:
    if store.is_local:
        index.save(Path(store.path(relpath)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        index.save(Path(tmp))
        store.fs.put(tmp + "/", store.path(relpath), recursive=True)


# ------------------------------------------------------------------- reading
@dataclass
class Catalog:
    store: Store
    version: str
    meta: dict
    items: pa.Table
    index: CategoryIndex

    def search(self, vectors: np.ndarray, k: int = 10, categories: list[int] | None = None):
        hits = self.index.search(vectors, k=k, categories=categories)
        return hits


def current_version(store: Store) -> str:
    """The version `catalog/CURRENT` points at; CatalogError when there is none or the
    pointer is damaged."""
    try:
        pointer = store.read_json(CURRENT)
    except StoreError:
        raise CatalogError(f"store {store.url}: {CURRENT} is not valid JSON; {_REBUILD}") from None
    if pointer is None:
        raise CatalogError(f"store {store.url} has no catalog yet; run `street2shop catalog build MANIFEST`")
    version = pointer.get("version") if isinstance(pointer, dict) else None
    if not isinstance(version, str) or not VERSION_NAME.fullmatch(version):
        raise CatalogError(f"store {store.url}: {CURRENT} names no catalog version ({version!r}); {_REBUILD}")
    return version


def open_catalog(store: Store, version: str | None = None, *, columns: list[str] | None = None,
                 index: bool = True) -> Catalog:
    """A complete catalog version (the current one unless named), checked: its version.json,
    items and index must all be there and agree. Anything else is one CatalogError.
    A reader that does not search may take only some item `columns` and no index (`index`
    False: `Catalog.index` is None), which for a big catalog is most of its memory."""
    version = version or current_version(store)
    if not VERSION_NAME.fullmatch(version):
        raise CatalogError(f"{version!r} is not a catalog version name (such as v20250101T120000000000Z)")
    where = f"catalog version {version} in store {store.url}"
    folder = f"catalog/versions/{version}"
    try:
        meta = store.read_json(f"{folder}/version.json")
    except StoreError:
        meta = None
    if not isinstance(meta, dict) or any(k not in meta for k in _META_KEYS):
        raise CatalogError(f"{where} is missing or incomplete (no readable version.json); {_REBUILD}")
    items = _read_items(store, folder, where, columns)
    if not index:
        if items.num_rows != meta["items"]:
            raise CatalogError(f"{where} is incomplete: {items.num_rows} items where its version.json lists "
                               f"{meta['items']}; {_REBUILD}")
        return Catalog(store, version, meta, items, None)
    search = _load_index(store, f"{folder}/index", where)
    if not items.num_rows == search.size == meta["items"] or search.dim != meta["dim"]:
        raise CatalogError(f"{where} is incomplete: {items.num_rows} items and {search.size} indexed "
                           f"where its version.json lists {meta['items']}; {_REBUILD}")
    return Catalog(store, version, meta, items, search)


def _read_items(store: Store, folder: str, where: str, columns: list[str] | None = None) -> pa.Table:
    try:
        return store.read_table("catalog_items", columns=columns, under=f"{folder}/items")
    except StoreError:
        damaged = store.damaged_parts("catalog_items", under=f"{folder}/items")
        what = f"{damaged[0][0]} is damaged ({damaged[0][1]})" if damaged else "its items cannot be read"
        raise CatalogError(f"{where}: {what}; {_REBUILD}") from None


def _load_index(store: Store, relpath: str, where: str) -> CategoryIndex:
    try:
        if store.is_local:
            return CategoryIndex.load(Path(store.path(relpath)))
        with tempfile.TemporaryDirectory() as tmp:
            store.fs.get(store.path(relpath) + "/", tmp, recursive=True)
            return CategoryIndex.load(Path(tmp))
    except (SearchIndexError, OSError) as exc:
        raise CatalogError(f"{where}: {exc}; {_REBUILD}") from None
