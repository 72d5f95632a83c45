"""How good a catalog + matcher is on the street-to-shop pairs the blog crawler found: a post's
street image and the shop listing its "exact" link leads to. When that listing is in the
catalog, it is the right answer for that image.

Per pair (street image, right listing): its rank is the first rank at which any garment found
in the image retrieves the right listing (or an item the catalog groups with it as the same
product, `catalog_duplicates`). Reported:

* top-k: the share of pairs ranked within k;
* recall@k: per street image, the share of its right listings found within the first k of
  any of its garments, averaged over images (an image with three linked garments needs all
  three found);
* mAP: per street image, the average precision of all its garments' hits merged by score
  (each listing once), over its right listings; averaged over images;
* chance: what a random ranking of the catalog gives for top-k with one list per image: k / N,
  N the catalog's distinct products (items of one duplicate group, or of one URL, are one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow.compute as pc

from street2shop.pipeline import normalise as norm

KS = (1, 5, 10, 20)


class PairsEvalError(Exception):
    """Nothing to evaluate on; the message says what to crawl or build."""


@dataclass
class StreetImage:
    post_url: str
    position: int
    sha256: str
    path: str
    right_urls: set[str] = field(default_factory=set)


@dataclass
class PairScores:
    label: str
    pairs: int
    images: int
    top: dict[int, float]
    recall: dict[int, float]
    mean_ap: float
    chance: dict[int, float]
    catalog_products: int

    def as_dict(self) -> dict:
        return {"label": self.label, "pairs": self.pairs, "images": self.images, "catalog_products": self.catalog_products,
                **{f"top-{k}": round(v, 4) for k, v in self.top.items()},
                **{f"recall@{k}": round(v, 4) for k, v in self.recall.items()},
                "mAP": round(self.mean_ap, 4), **{f"chance top-{k}": round(v, 4) for k, v in self.chance.items()}}


def street_pairs(store, catalog_urls: set[str]) -> tuple[list[StreetImage], int]:
    """The store's street images whose exact links lead to listings in the catalog, by post URL
    and position (not the crawl's order, which varies), and how many exact links lead elsewhere
    (not crawled, not a product, not in this catalog)."""
    items = store.read_table("post_items", columns=["post_url", "item_index", "link_index", "kind",
                                                    "image_position", "resolved_url"],
                             filter=pc.field("kind") == "exact").to_pylist()
    images = store.read_table("post_images", columns=["post_url", "position", "sha256", "status"],
                              filter=pc.field("status") == "ok").to_pylist()
    paths = store.image_column(i["sha256"] for i in images)
    by_post: dict[str, dict[int, StreetImage]] = {}
    for row in images:
        if row["sha256"] in paths:
            by_post.setdefault(row["post_url"], {})[row["position"]] = StreetImage(
                row["post_url"], row["position"], row["sha256"], paths[row["sha256"]])
    outside, seen = 0, set()
    for row in items:
        key = (row["post_url"], row["item_index"], row["link_index"])
        if key in seen:  # a post read again by a later crawl
            continue
        seen.add(key)
        post_images = by_post.get(row["post_url"], {})
        position = row["image_position"]
        if position is None and len(post_images) == 1:
            position = next(iter(post_images))
        image = post_images.get(position)
        if image is None or row["resolved_url"] not in catalog_urls:
            outside += 1
            continue
        image.right_urls.add(row["resolved_url"])
    paired = [im for post in by_post.values() for im in post.values() if im.right_urls]
    return sorted(paired, key=lambda im: (im.post_url, im.position)), outside


def evaluate_pairs(matcher, images: list[StreetImage], label: str, *, batch_size: int = 8) -> PairScores:
    """Match each street image with `matcher` (its k should be at least max(KS)) and score it."""
    catalog = matcher.catalog
    rows = catalog.items.select(["item_id", "listing_url", "canonical_url"]).to_pylist()
    url_of = {r["item_id"]: r["canonical_url"] or r["listing_url"] for r in rows}
    group_of = _groups(catalog)
    same = {}  # item -> every URL of its duplicate group
    for item, group in group_of.items():
        same.setdefault(group, set()).add(url_of[item])
    ranks: list[int | None] = []
    recalls = {k: [] for k in KS}
    aps = []
    for start in range(0, len(images), batch_size):
        chunk = images[start:start + batch_size]
        photos = [norm.load_image(catalog.store.read_bytes(im.path)) for im in chunk]
        for image, garments in zip(chunk, matcher.match(photos)):
            def urls(hit):
                return same.get(group_of.get(hit.item_id), set()) | {url_of.get(hit.item_id)}

            first = {}  # right URL -> best rank over garments
            for g in garments:
                for hit in g.hits:
                    for url in urls(hit) & image.right_urls:
                        first[url] = min(first.get(url, hit.rank), hit.rank)
            for url in image.right_urls:
                ranks.append(first.get(url))
            for k in KS:
                recalls[k].append(sum(1 for r in first.values() if r <= k) / len(image.right_urls))
            merged = sorted((h for g in garments for h in g.hits), key=lambda h: -h.score)
            found, hits_seen, precision_sum = set(), set(), 0.0
            for hit in merged:
                if hit.item_id in hits_seen:
                    continue
                hits_seen.add(hit.item_id)
                new = (urls(hit) & image.right_urls) - found
                if new:
                    found |= new
                    precision_sum += len(new) * len(found) / len(hits_seen)
            aps.append(precision_sum / len(image.right_urls))
    n = len(ranks)
    size = len({group_of.get(item) or url for item, url in url_of.items()})  # distinct products
    return PairScores(label, n, len(images),
                      {k: sum(1 for r in ranks if r is not None and r <= k) / n if n else 0.0 for k in KS},
                      {k: sum(v) / len(v) if v else 0.0 for k, v in recalls.items()},
                      sum(aps) / len(aps) if aps else 0.0, {k: min(1.0, k / size) for k in KS}, size)


def _groups(catalog) -> dict[str, str]:
    table = catalog.store.read_table("catalog_duplicates", under=f"catalog/versions/{catalog.version}/duplicates")
    return dict(zip(table.column("item_id").to_pylist(), table.column("group_id").to_pylist()))


def catalog_urls(catalog) -> set[str]:
    rows = catalog.items.select(["listing_url", "canonical_url"]).to_pylist()
    return {u for r in rows for u in (r["listing_url"], r["canonical_url"]) if u}
