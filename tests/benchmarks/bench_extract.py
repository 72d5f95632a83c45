"""Micro-benchmark of the product-page extractor, apart from any crawl.

    python tests/benchmarks/bench_extract.py [--products 300] [--seed 0] [--passes 7] [--profile] [--dump OUT.json]

Two page sets:

* fixture: the product pages of the demo shop (``build_shop(products)``), fetched
  once over HTTP (skipping rate-limited, robots-disallowed and JS-only pages);
* real: the saved real product pages under ``../shared/fixtures/product-pages``
  beside the checkout (skipped when absent; JSON documents are left out).

For each set it prints the median over ``passes`` of the per-page time of
``lxml.html.document_fromstring`` (what Scrapy's selector does) and, separately,
of ``extract_from_tree(tree, url).to_dict()``, each pass starting with empty caches
(``extract.clear_caches``).  ``--profile`` adds a cProfile of
the extraction sorted by own time; ``--dump`` writes every record (as dicts) to a
JSON file so two versions of the extractor can be compared for identical output.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import statistics
import sys
import time
import urllib.request
from pathlib import Path

import lxml.html

from street2shop.crawler.extract import clear_caches, extract_from_tree

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "product-pages"


def fixture_pages(n: int, seed: int = 0) -> list[tuple[str, bytes]]:
    from street2shop.demo.site import build_shop, serve

    shop = build_shop(n, seed=seed)
    out = []
    with serve(shop) as s:
        for p in shop.products:
            if p.rate_limited or p.disallowed or p.js_only:
                continue
            url = s.url(p.path)
            with urllib.request.urlopen(url) as r:
                out.append((url, r.read()))
    return out


def real_pages() -> list[tuple[str, bytes]]:
    if not REAL.is_dir():
        return []
    out = []
    for sub, base in (("green-db", REAL / "green-db"), ("metascraper-shopping", REAL / "metascraper-shopping")):
        truth = json.loads((base / "ground-truth.json").read_text())
        for v in truth.values():
            if not v["file"].endswith(".html.gz"):
                continue
            out.append((v.get("url") or "https://www.example.com/", gzip.decompress((base / v["file"]).read_bytes())))
    return out


def run(pages, passes: int) -> tuple[float, float]:
    trees = [(url, lxml.html.document_fromstring(body)) for url, body in pages]
    parse_t, extract_t = [], []
    for _ in range(passes):
        # Each pass starts from empty memo tables, as a crawl meets each page once
        # (reuse across the pages of one pass is what a crawl of one site gets too).
        clear_caches()
        t0 = time.perf_counter()
        for _url, body in pages:
            lxml.html.document_fromstring(body)
        t1 = time.perf_counter()
        for url, tree in trees:
            extract_from_tree(tree, url).to_dict()
        t2 = time.perf_counter()
        parse_t.append((t1 - t0) / len(pages) * 1000)
        extract_t.append((t2 - t1) / len(pages) * 1000)
    return statistics.median(parse_t), statistics.median(extract_t)


def profile(pages, top: int = 30) -> None:
    trees = [(url, lxml.html.document_fromstring(body)) for url, body in pages]
    clear_caches()
    pr = cProfile.Profile()
    pr.enable()
    for url, tree in trees:
        extract_from_tree(tree, url).to_dict()
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(top)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--products", type=int, default=300)
    ap.add_argument("--passes", type=int, default=7)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--dump")
    args = ap.parse_args(argv)
    sets = {"fixture": fixture_pages(args.products, args.seed), "real": real_pages()}
    if args.dump:
        out = {}
        for name, pages in sets.items():
            for i, (url, body) in enumerate(pages):
                out[f"{name}/{i}/{url}"] = extract_from_tree(lxml.html.document_fromstring(body), url).to_dict()
        Path(args.dump).write_text(json.dumps(out, indent=1, sort_keys=True, default=str))
    for name, pages in sets.items():
        if not pages:
            print(f"{name}: no pages")
            continue
        kb = sum(len(b) for _, b in pages) / len(pages) / 1024
        parse_ms, extract_ms = run(pages, args.passes)
        print(f"{name:8} {len(pages):4d} pages, {kb:6.1f} KB avg: parse {parse_ms:.3f} ms/page, "
              f"extract+to_dict {extract_ms:.3f} ms/page")
        if args.profile:
            profile(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
