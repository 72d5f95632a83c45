"""What a dataset is built from: each garment a blog post mentions with a link that landed on a
listing of the catalog, with its street image, its post's metadata and its listing's catalog item.

Read from the store's tables only (posts, post_items, post_images, listings, and the catalog
version's items and duplicates); no image bytes are read here. A build reads the mentions of a
chunk of posts at a time (`post_chunks`): each table is read with a filter that keeps the rows
the chunk needs, and they are joined as Arrow tables, so memory holds one chunk's mentions
whatever the size of the crawl (`iter_mentions` makes Python objects of them a thousand at a time).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from street2shop.pipeline.catalog import Catalog

#: a link whose listing page answered: the pair stands even when the product has sold out since
USABLE_LINKS = ("ok", "sold_out")
CONFIG_OF_KIND = {"exact": "exact", "alternative": "similar"}
ITEM_COLUMNS = ["post_url", "item_index", "link_index", "run_id", "text", "brand", "image_position", "kind",
                "resolved_url", "link_status"]
IMAGE_COLUMNS = ["post_url", "position", "run_id", "url", "sha256", "status"]
POST_COLUMNS = ["url", "final_url", "canonical_url", "fetched_at", "show", "season", "episode", "characters"]
POST_FIELDS = ["show", "season", "episode", "characters", "fetched_at"]
CATALOG_COLUMNS = ["item_id", "listing_url", "canonical_url", "name", "brand", "price", "currency", "image_sha256",
                   "other_images", "box", "category", "quality_flags"]
ITEM_PREFIX = "item."
POST_PREFIX = "post."


@dataclass(slots=True)
class Mention:
    """One candidate pair: a garment of a post and the catalog item its link leads to."""

    config: str  # exact | similar
    post_url: str
    item_index: int
    link_index: int
    text: str | None
    brand: str | None  # as the post names it
    street_sha: str
    street_url: str | None
    item: dict  # the catalog item's row (no embedding)
    group: str  # the catalog's duplicate group of the item (its own id when alone)
    post: dict = field(default_factory=dict)  # show, season, episode, characters, fetched_at
    listing_crawled_at: datetime | None = None

    @property
    def pair_id(self) -> str:
        key = "\x1f".join([self.config, self.post_url, str(self.item_index), str(self.link_index),
                           self.street_sha, self.item["item_id"]])
        return hashlib.sha256(key.encode()).hexdigest()[:24]

    @property
    def listing_url(self) -> str:
        return self.item["canonical_url"] or self.item["listing_url"]

    def character(self) -> str | None:
        """The character who wears it: the post's one character, else the one the text names."""
        names = self.post.get("characters") or []
        if len(names) == 1:
            return names[0]
        text = self.text or ""
        for name in names:
            if re.search(rf"\b{re.escape(name)}\b", text):
                return name
        return None


def post_chunks(store, *, sources: list[str] | None = None, size: int = 2000) -> Iterator[pa.Array]:
    """The URLs of every post with garment links, sorted, `size` at a time: the chunks a build
    reads its mentions in (`read_mentions(posts=...)`), in an order that keeps all rows sorted."""
    where = pc.field("source").isin(sources) if sources else None
    urls = pc.unique(store.read_table("post_items", columns=["post_url"], filter=where)["post_url"]).drop_null()
    urls = urls.take(pc.sort_indices(urls))
    for start in range(0, len(urls), size):
        yield urls[start:start + size]


def read_mentions(store, catalog: Catalog, *, sources: list[str] | None = None,
                  posts: pa.Array | None = None) -> tuple[pa.Table, dict]:
    """Every usable mention (of the `posts` named, else of all), one row each in (post, item,
    link) order, and counts of the links left out and why. Columns: the link's,
    `street_sha`/`street_url`, the catalog item's (`item.<column>`), `group`, the post's
    (`post.<field>`) and `listing_crawled_at`."""
    where = pc.field("source").isin(sources) if sources else None
    if posts is not None:
        mine = pc.field("post_url").isin(posts)
        where = mine if where is None else where & mine
    items = latest(store.read_table("post_items", columns=ITEM_COLUMNS, filter=where),
                   ["post_url", "item_index", "link_index"], "run_id")
    skipped: dict[str, int] = {}

    config = pc.fill_null(_map(items["kind"], CONFIG_OF_KIND), "")
    _count(skipped, "link kind {}", items["kind"], pc.equal(config, ""))
    items = items.append_column("config", config).filter(pc.not_equal(config, ""))
    usable = pc.fill_null(pc.is_in(items["link_status"], pa.array(USABLE_LINKS)), False)
    _count(skipped, "link {}", items["link_status"], pc.invert(usable))
    items = items.filter(usable)

    catalog_items = _catalog_items(store, catalog, pc.unique(items["resolved_url"]).drop_null())
    items = _left_join(items, _catalog_rows(catalog_items), "resolved_url", "url")
    found = pc.is_valid(items["catalog_row"])
    skipped_n = len(items) - pc.sum(found).as_py() if len(items) else 0
    if skipped_n:
        skipped["listing not in the catalog"] = skipped_n
    items = items.filter(found)

    items = _with_street_images(items, store, where)
    has_image = pc.is_valid(items["street_sha"])
    if len(items) and (n := len(items) - pc.sum(has_image).as_py()):
        skipped["no street image"] = n
    items = items.filter(has_image)

    items = _with_catalog_items(items, store, catalog, catalog_items)
    del catalog_items
    items = _left_join(items, _posts(store, sources, posts), "post_url", "alias")
    listing_urls = pa.chunked_array(items[ITEM_PREFIX + "canonical_url"].chunks
                                    + items[ITEM_PREFIX + "listing_url"].chunks, pa.string())
    crawled = _listing_dates(store, pc.unique(listing_urls).drop_null())
    canonical = _left_join(pa.table({"url": items[ITEM_PREFIX + "canonical_url"]}), crawled, "url", "listing_url")
    listing = _left_join(pa.table({"url": items[ITEM_PREFIX + "listing_url"]}), crawled, "url", "listing_url")
    items = items.append_column("listing_crawled_at", pc.coalesce(canonical["crawled_at"], listing["crawled_at"]))
    order = pc.sort_indices(items, sort_keys=[("post_url", "ascending"), ("item_index", "ascending"),
                                              ("link_index", "ascending")])
    return items.take(order), skipped


def iter_mentions(table: pa.Table, chunk: int = 1000) -> Iterator[Mention]:
    """The rows of `read_mentions` as `Mention`s, `chunk` rows of Python objects at a time."""
    items = [c for c in table.column_names if c.startswith(ITEM_PREFIX)]
    posts = [c for c in table.column_names if c.startswith(POST_PREFIX)]
    for batch in table.to_batches(max_chunksize=chunk):
        for r in batch.to_pylist():
            post = {c[len(POST_PREFIX):]: r[c] for c in posts}
            yield Mention(r["config"], r["post_url"], r["item_index"], r["link_index"], r["text"], r["brand"],
                          r["street_sha"], r["street_url"], {c[len(ITEM_PREFIX):]: r[c] for c in items}, r["group"],
                          post, r["listing_crawled_at"])


def latest(table: pa.Table, keys: list[str], order: str) -> pa.Table:
    """One row per `keys`: the last when rows are ordered by `order` (nulls count as newest;
    ties go to the later row), in no particular order."""
    if not len(table):
        return table
    by_order = pc.sort_indices(table, sort_keys=[(order, "ascending", "at_end")])
    ordered = table.select(keys).take(by_order).append_column("_row", by_order)
    last = ordered.group_by(keys, use_threads=False).aggregate([("_row", "last")])
    return table.take(last["_row_last"])


def _map(values: pa.ChunkedArray, mapping: dict[str, str]) -> pa.Array:
    keys = pa.array(list(mapping))
    return pc.take(pa.array(list(mapping.values())), pc.index_in(values, value_set=keys))


def _count(skipped: dict, why: str, values: pa.ChunkedArray, mask) -> None:
    if not len(values):
        return
    for value, n in value_counts(values.filter(mask)).items():
        skipped[why.format(value)] = skipped.get(why.format(value), 0) + n


def value_counts(values) -> dict:
    """value -> how many times it occurs (an Arrow array or chunked array)."""
    if not len(values):
        return {}
    counts = pc.value_counts(values)
    return dict(zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist()))


def _left_join(left: pa.Table, right: pa.Table, left_key, right_key) -> pa.Table:
    """`left` with `right`'s other columns, row for row: a left outer join on a key unique in
    `right`. Only the keys go through the join (it takes no list columns); the rest is taken."""
    left_keys = [left_key] if isinstance(left_key, str) else list(left_key)
    right_keys = [right_key] if isinstance(right_key, str) else list(right_key)
    names = [f"_k{i}" for i in range(len(left_keys))]
    lhs = pa.table([left[k] for k in left_keys] + [pa.array(np.arange(len(left), dtype=np.int64))],
                   names=[*names, "_order"])
    rhs = pa.table([right[k] for k in right_keys] + [pa.array(np.arange(len(right), dtype=np.int64))],
                   names=[*names, "_row"])
    joined = lhs.join(rhs, keys=names, join_type="left outer", use_threads=False)
    rows = joined["_row"].take(pc.sort_indices(joined["_order"]))
    taken = right.drop_columns(right_keys).take(rows)
    for name in taken.column_names:
        left = left.append_column(name, taken[name])
    return left


def _catalog_items(store, catalog: Catalog, urls: pa.Array) -> pa.Table:
    """The items of the catalog version whose listing or canonical URL is one of `urls`, in
    catalog order (a filtered read: a big catalog is never held whole)."""
    where = pc.field("listing_url").isin(urls) | pc.field("canonical_url").isin(urls)
    return store.read_table("catalog_items", columns=CATALOG_COLUMNS, filter=where,
                            under=f"catalog/versions/{catalog.version}/items")


def _catalog_rows(items: pa.Table) -> pa.Table:
    """url -> row of `items`, a listing's URL before its canonical and earlier rows first."""
    n = len(items)
    rank = np.arange(2 * n, dtype=np.int64)
    urls = pa.chunked_array(items["listing_url"].chunks + items["canonical_url"].chunks,
                            pa.string()) if n else pa.chunked_array([], pa.string())
    ranks = pa.array(np.concatenate([rank[0::2], rank[1::2]]))
    table = pa.table({"url": urls, "rank": ranks}).filter(pc.fill_null(pc.not_equal(urls, ""), False))
    first = table.group_by("url").aggregate([("rank", "min")])
    return pa.table({"url": first["url"], "catalog_row": pc.divide(first["rank_min"], 2)})


def _with_street_images(items: pa.Table, store, where) -> pa.Table:
    """`street_sha`/`street_url`: the link's image of the post's latest read; a link that names
    no image takes the post's only image."""
    images = store.read_table("post_images", columns=IMAGE_COLUMNS, filter=where)
    images = images.filter(pc.and_(pc.equal(images["status"], "ok"), pc.is_valid(images["sha256"])))
    images = latest(images, ["post_url", "position"], "run_id")
    counts = images.group_by("post_url").aggregate([("position", "count"), ("position", "min")])
    only = counts.filter(pc.equal(counts["position_count"], 1)).select(["post_url", "position_min"])
    items = _left_join(items, only.rename_columns(["post_url", "only_position"]), "post_url", "post_url")
    position = pc.coalesce(items["image_position"], items["only_position"])
    items = items.drop_columns(["only_position"]).append_column("_position", position)
    street = images.select(["post_url", "position", "sha256", "url"]).rename_columns(
        ["post_url", "_position", "street_sha", "street_url"])
    return _left_join(items, street, ["post_url", "_position"], ["post_url", "_position"]).drop_columns(["_position"])


def _with_catalog_items(items: pa.Table, store, catalog: Catalog, catalog_items: pa.Table) -> pa.Table:
    rows = catalog_items.take(items["catalog_row"])
    for name in CATALOG_COLUMNS:
        items = items.append_column(ITEM_PREFIX + name, rows[name])
    groups = store.read_table("catalog_duplicates", under=f"catalog/versions/{catalog.version}/duplicates",
                              filter=pc.field("item_id").isin(pc.unique(rows["item_id"])))
    groups = groups.select(["item_id", "group_id"]).rename_columns([ITEM_PREFIX + "item_id", "group_id"])
    items = _left_join(items, groups, ITEM_PREFIX + "item_id", ITEM_PREFIX + "item_id")
    group = pc.coalesce(items["group_id"], items[ITEM_PREFIX + "item_id"])
    return items.drop_columns(["group_id", "catalog_row"]).append_column("group", group)


def _posts(store, sources: list[str] | None, urls: pa.Array | None) -> pa.Table:
    """alias -> the post's fields: each post's latest read, under its URL, final URL and
    canonical URL (a post's own URL before another's final or canonical one); only the aliases
    among `urls` when given."""
    where = pc.field("source").isin(sources) if sources else None
    if urls is not None:
        mine = (pc.field("url").isin(urls) | pc.field("final_url").isin(urls)
                | pc.field("canonical_url").isin(urls))
        where = mine if where is None else where & mine
    posts = latest(store.read_table("posts", columns=POST_COLUMNS, filter=where), ["url"], "fetched_at")
    fields = posts.select(POST_FIELDS).rename_columns([POST_PREFIX + f for f in POST_FIELDS])
    parts = []
    for rank, column in enumerate(("canonical_url", "final_url", "url")):  # the last rank wins
        part = fields.append_column("alias", posts[column]).append_column(
            "_rank", pa.array(np.full(len(posts), rank, dtype=np.int8)))
        parts.append(part.filter(pc.is_valid(part["alias"])))
    aliases = pa.concat_tables(parts)
    return latest(aliases, ["alias"], "_rank").drop_columns(["_rank"]) if len(aliases) else aliases.drop_columns(
        ["_rank"])


def _listing_dates(store, urls: pa.Array) -> pa.Table:
    """URL -> when the listing was last read (its latest observation), for `urls`."""
    where = pc.field("url").isin(urls) | pc.field("final_url").isin(urls) | pc.field("canonical_url").isin(urls)
    rows = store.read_table("listings", columns=["url", "final_url", "canonical_url", "fetched_at"], filter=where)
    parts = [pa.table({"listing_url": rows[c], "fetched_at": rows["fetched_at"]}) for c in
             ("url", "final_url", "canonical_url")]
    table = pa.concat_tables(parts)
    table = table.filter(pc.and_(pc.is_valid(table["listing_url"]), pc.is_valid(table["fetched_at"])))
    dates = table.group_by("listing_url").aggregate([("fetched_at", "max")])
    return dates.rename_columns(["listing_url", "crawled_at"])


def host(url: str | None) -> str | None:
    return (urlsplit(url).hostname or None) if url else None
