"""`street2shop demo`: serve the fixture shop on 127.0.0.1, crawl it end to end through
the same manifest → crawl → store path a user runs, then show what came out and how it
compares with what the shop really contains."""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.table import Table

from street2shop.crawler.demo_site import build_shop, serve
from street2shop.crawler.settings import CHROMIUM_PATH
from street2shop.pipeline.manifest import parse_manifest
from street2shop.pipeline.store import Store

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
"""


def run_demo(store_dir: Path, n_products: int = 48) -> None:
    console = Console(file=sys.stdout, width=160)
    from street2shop.crawler.run import run_crawl  # after the console: importing Scrapy is slow
    from street2shop.pipeline.cli import print_summary

    if store_dir.exists():
        shutil.rmtree(store_dir)  # a demo starts from nothing, so its figures are its own
    store_dir.mkdir(parents=True)
    shop = build_shop(n_products)
    with serve(shop) as server:
        base = server.base_url
        has_browser = Path(CHROMIUM_PATH).exists()
        text = DEMO_MANIFEST.format(base=base, store=store_dir.resolve(),
                                    javascript='["/js/"]' if has_browser else "false")
        manifest_path = store_dir / "demo-manifest.yaml"
        manifest_path.write_text(text)
        manifest = parse_manifest(text, manifest_path)
        console.print(f"[bold]fixture shop[/] {base}: {len(shop.products)} products; manifest {manifest_path}")
        if not has_browser:
            console.print(f"note: {CHROMIUM_PATH} is missing, so pages that need JavaScript are left out")
        summaries = run_crawl(manifest, list(manifest.sources))
    print_summary(summaries, manifest.store_url)
    show_results(console, Store(manifest.store_url), shop, base, javascript=has_browser)


def show_results(console: Console, store: Store, shop, base: str, *, javascript: bool) -> None:
    listings = store.read_table("listings").to_pylist()
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

    table = Table(title="a few listings from the store", title_justify="left")
    for col in ("name", "brand", "price", "currency", "availability", "images", "markup"):
        table.add_column(col)
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
