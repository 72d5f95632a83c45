"""`street2shop demo`: serve the fixture shop and show-fashion blog on 127.0.0.1, crawl
them end to end through the same manifest → crawl → store path a user runs, then show
what came out (listings, street-to-shop pairs) and how it compares with what the sites
really contain; then build the catalog and match the blog's street images (match_demo.py)."""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal
from pathlib import Path

from rich.console import Console

from street2shop.demo.site import build_blog, build_shop, serve
from street2shop.crawler.settings import CHROMIUM_PATH
from street2shop.core.console import DataTable
from street2shop.core.manifest import parse_manifest
from street2shop.core.store import Store

DEMO_MANIFEST = """\
# Written by `street2shop demo` for the fixture shop it serves at {base}.
store: {store}
contact: "https://github.com/street2shop/street2shop (demo run)"
sources:
  - name: demo-shop
    kind: shop
    sitemaps: ["{base}/sitemap.xml"]
    listings: ["{base}/"]
    javascript: {javascript}      # pages under /js/ are rendered by their own script
    allow_private_addresses: true   # the fixture shop is on loopback
    politeness: {{concurrency_per_domain: 8, delay: 0, autothrottle_target: 8}}
  - name: demo-blog
    kind: blog
    feeds: ["{base}/blog/feed.xml"]
    listings: ["{base}/blog/"]
    javascript: {blog_javascript}      # post pages: the "shop the look" widget is scripted
    allow_private_addresses: true
    politeness: {{concurrency_per_domain: 8, delay: 0, autothrottle_target: 8}}
dataset:                   # `street2shop dataset build` (the demo builds it after matching)
  name: demo-pairs
  splits: {{train: 0.6, validation: 0.2, test: 0.2}}   # 10% of a 12-post blog would be one or two pairs
"""


MANIFEST_NAME = "demo-manifest.yaml"
#: What a demo store holds; a folder with anything else in it is not one, and is left alone.
_DEMO_ENTRIES = frozenset({MANIFEST_NAME, "tables", "images", "state", "runs", "catalog", "normalised", "matches",
                                "datasets"})


class NotADemoStore(Exception):
    """The folder given for the demo's store holds something else."""


def clear_demo_store(store_dir: Path) -> None:
    """Empty `store_dir` for a new demo: only a folder that is missing, empty, or an earlier
    demo's store (its manifest there, nothing foreign beside it) is ever removed."""
    if store_dir.is_symlink() or (store_dir.exists() and not store_dir.is_dir()):
        raise NotADemoStore(f"{store_dir} is not a folder; give a new folder for the demo's store")
    if store_dir.exists():
        entries = {p.name for p in store_dir.iterdir()}
        if entries and (MANIFEST_NAME not in entries or entries - _DEMO_ENTRIES):
            raise NotADemoStore(f"{store_dir} is not an earlier demo's store and is not empty; give a new "
                                "folder (the demo empties its store before it starts)")
        shutil.rmtree(store_dir)
    store_dir.mkdir(parents=True)


def run_demo(store_dir: Path, n_products: int = 48, *, match: bool = True) -> None:
    console = Console(file=sys.stdout, width=160)
    from street2shop.crawler.run import run_crawl  # after the console: importing Scrapy is slow
    from street2shop.crawler.summary import print_summary

    clear_demo_store(store_dir)  # a demo starts from nothing, so its figures are its own
    shop = build_shop(n_products)
    blog = build_blog(shop)
    with serve(shop, blog=blog) as server:
        base = server.base_url
        has_browser = Path(CHROMIUM_PATH).exists()
        text = DEMO_MANIFEST.format(base=base, store=store_dir.resolve(),
                                    javascript='["/js/"]' if has_browser else "false",
                                    blog_javascript='["/blog/20"]' if has_browser else "false")
        manifest_path = store_dir / MANIFEST_NAME
        manifest_path.write_text(text)
        manifest = parse_manifest(text, manifest_path)
        console.print(f"[bold]fixture shop and blog[/] {base}: {len(shop.products)} products, "
                      f"{len(blog.posts)} posts; manifest {manifest_path}")
        if not has_browser:
            console.print(f"note: {CHROMIUM_PATH} is missing, so pages that need JavaScript are left out")
        summaries = run_crawl(manifest, list(manifest.sources))
    print_summary(summaries, manifest.store_url)
    store = Store(manifest.store_url)
    show_results(console, store, shop, base, javascript=has_browser)
    show_pairs(console, store, blog)
    if match:
        from street2shop.demo.match_demo import run_matching  # torch: only when matching

        run_matching(console, store, blog, store_dir / "matches")
        from street2shop.demo.dataset_demo import run_dataset

        run_dataset(console, store, manifest)


def show_results(console: Console, store: Store, shop, base: str, *, javascript: bool) -> None:
    listings = [r for r in store.read_table("listings").to_pylist() if r["source"] == "demo-shop"]
    by_path: dict[str, dict] = {}
    for row in listings:
        for url in (row["final_url"], row["url"], row["canonical_url"] or ""):
            if url.startswith(base):
                by_path.setdefault(url[len(base):].split("?")[0], row)
    expected = shop.expected_products(javascript=javascript)
    found = [p for p in expected if p.path in by_path]
    right_price = [p for p in found
                   if by_path[p.path]["price"] and Decimal(by_path[p.path]["price"]) == Decimal(p.price)
                   and by_path[p.path]["currency"] == p.currency]
    images = store.read_table("images", columns=["sha256"]).num_rows

    table = DataTable("a few listings from the store",
                      ["name", "brand", "price", "currency", "availability", "images", "markup"])
    for p in found[:8]:
        row = by_path[p.path]
        ok = sum(1 for i in row["images"] if i["status"] == "ok")
        table.add_row(row["name"] or "", row["brand"] or "", row["price"] or "", row["currency"] or "",
                      row["availability"] or "", f"{ok}/{len(row['images'])}", p.style)
    console.print(table)
    console.print(
        f"checked against the shop's ground truth: {len(found)}/{len(expected)} products found, "
        f"price and currency right on {len(right_price)}/{len(found)}; "
        f"{len(listings)} listing rows, {images} distinct images stored in {store.url}")


def show_pairs(console: Console, store: Store, blog) -> None:
    """The street-to-shop pairs the blog crawl produced, checked against the blog's truth."""
    listings = {r["canonical_url"]: r for r in store.read_table("listings").to_pylist()}
    posts = {r["url"]: r for r in store.read_table("posts").to_pylist()}
    items = store.read_table("post_items").to_pylist()
    pairs = [r for r in items if r["kind"] == "exact" and r["link_status"] in ("ok", "sold_out")
             and r["resolved_url"] in listings]
    table = DataTable("street-to-shop pairs found in the blog (a few)",
                      ["show", "episode", "garment", "listing", "price", "link"])
    for r in pairs[:8]:
        post, listing = posts[r["post_url"]], listings[r["resolved_url"]]
        table.add_row(post["show"] or "", f"S{post['season'] or 0:02d}E{post['episode'] or 0:02d}", r["text"],
                      listing["name"] or "", f"{listing['price']} {listing['currency']}", r["link_status"])
    console.print(table)
    statuses: dict[str, int] = {}
    for r in items:
        statuses[r["link_status"]] = statuses.get(r["link_status"], 0) + 1
    truth = len(blog.pairs())
    console.print(f"{len(posts)}/{len(blog.posts)} posts, {len(items)} item links "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}); "
                  f"{len(pairs)} street-to-shop pairs, the blog really has {truth}")
