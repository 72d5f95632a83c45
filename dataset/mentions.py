"""What a dataset is built from: each garment a blog post mentions with a link that landed on a
listing of the catalog, with its street image, its post's metadata and its listing's catalog item.

Read from the store's tables only (posts, post_items, post_images, listings, images, and the
catalog version's items and duplicates); no image bytes are read here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import pyarrow.compute as pc

from street2shop.pipeline.catalog import Catalog

#: a link whose listing page answered: the pair stands even when the product has sold out since
USABLE_LINKS = ("ok", "sold_out")
CONFIG_OF_KIND = {"exact": "exact", "alternative": "similar"}
# only what a pair needs: a dataset of many thousand pairs holds these rows while it is planned
ITEM_COLUMNS = ["post_url", "item_index", "link_index", "run_id", "text", "brand", "image_position", "kind",
                "resolved_url", "link_status"]
IMAGE_COLUMNS = ["post_url", "position", "run_id", "url", "sha256", "status"]
POST_COLUMNS = ["url", "final_url", "canonical_url", "fetched_at", "show", "season", "episode", "characters"]
CATALOG_COLUMNS = ["item_id", "listing_url", "canonical_url", "name", "brand", "price", "currency", "image_sha256",
                   "other_images", "box", "category", "quality_flags"]


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


def _latest(rows: list[dict], key, order: str) -> dict:
    out: dict = {}
    for row in sorted(rows, key=lambda r: (r[order] is None, r[order])):
        out[key(row)] = row
    return out


def read_mentions(store, catalog: Catalog, *, sources: list[str] | None = None) -> tuple[list[Mention], dict]:
    """Every usable mention, in post order, and counts of the links left out and why."""
    where = pc.field("source").isin(sources) if sources else None
    items = store.read_table("post_items", columns=ITEM_COLUMNS, filter=where).to_pylist()
    images = store.read_table("post_images", columns=IMAGE_COLUMNS, filter=where).to_pylist()
    posts = store.read_table("posts", columns=POST_COLUMNS, filter=where).to_pylist()
    skipped: dict[str, int] = {}

    def skip(why: str) -> None:
        skipped[why] = skipped.get(why, 0) + 1

    post_by_url = {}
    for row in _latest(posts, lambda r: r["url"], "fetched_at").values():
        for url in {row["url"], row["final_url"], row["canonical_url"]} - {None}:
            post_by_url[url] = row
    street = {}  # (post, position) -> (sha, url) of the latest read of the post
    for row in sorted(images, key=lambda r: r["run_id"]):
        if row["status"] == "ok" and row["sha256"]:
            street[(row["post_url"], row["position"])] = (row["sha256"], row["url"])
    positions: dict[str, list[int]] = {}
    for post_url, position in street:
        positions.setdefault(post_url, []).append(position)

    catalog_rows = catalog.items.select(CATALOG_COLUMNS).to_pylist()
    item_by_url = {}
    for row in catalog_rows:
        for url in (row["listing_url"], row["canonical_url"]):
            if url:
                item_by_url.setdefault(url, row)
    groups = _duplicate_groups(store, catalog)
    crawled = _listing_dates(store)

    out = []
    latest = _latest(items, lambda r: (r["post_url"], r["item_index"], r["link_index"]), "run_id")
    for key in sorted(latest):
        row = latest[key]
        config = CONFIG_OF_KIND.get(row["kind"])
        if config is None:
            skip(f"link kind {row['kind']}")
            continue
        if row["link_status"] not in USABLE_LINKS:
            skip(f"link {row['link_status']}")
            continue
        item = item_by_url.get(row["resolved_url"])
        if item is None:
            skip("listing not in the catalog")
            continue
        position = row["image_position"]
        if position is None and len(positions.get(row["post_url"], [])) == 1:
            position = positions[row["post_url"]][0]
        found = street.get((row["post_url"], position))
        if found is None:
            skip("no street image")
            continue
        post = post_by_url.get(row["post_url"], {})
        out.append(Mention(config, row["post_url"], row["item_index"], row["link_index"], row["text"],
                           row["brand"], found[0], found[1], item, groups.get(item["item_id"], item["item_id"]),
                           post, crawled.get(item["canonical_url"]) or crawled.get(item["listing_url"])))
    return out, skipped


def _duplicate_groups(store, catalog: Catalog) -> dict[str, str]:
    table = store.read_table("catalog_duplicates", under=f"catalog/versions/{catalog.version}/duplicates")
    return dict(zip(table.column("item_id").to_pylist(), table.column("group_id").to_pylist()))


def _listing_dates(store) -> dict[str, datetime]:
    """URL -> when the listing was last read (its latest observation)."""
    rows = store.read_table("listings", columns=["url", "final_url", "canonical_url", "fetched_at"]).to_pylist()
    out: dict[str, datetime] = {}
    for row in rows:
        for url in {row["url"], row["final_url"], row["canonical_url"]} - {None}:
            if row["fetched_at"] and (url not in out or row["fetched_at"] > out[url]):
                out[url] = row["fetched_at"]
    return out


def host(url: str | None) -> str | None:
    return (urlsplit(url).hostname or None) if url else None
