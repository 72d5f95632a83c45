"""The crawl benchmark: a crawl that looks like a user's, against the crawl a Scrapy user writes.

    python tests/benchmarks/bench_real_crawl.py [--shops 8] [--products 60] [--rounds 2]

Serves `--shops` fixture shops, each on a loopback address of its own (a host name of its
own to the crawler: its own robots.txt, politeness slot and sitemap), with product pages of
a real shop's size (`--real-size`: about 360 KB, demo/site/page_weight.py). Then, per round
and each into a fresh store, crawls every shop from its sitemap, images off, at the default
politeness (robots.txt, AutoThrottle, 4 requests at once and 0.5 s apart per host):

* **street2shop**: `street2shop crawl`, one source per shop;
* **Scrapy + extruct**: tests/benchmarks/extruct_spider.py, a SitemapSpider with the same
  politeness reading every page with extruct and price-parser into a JSON lines feed.

Each crawl's CPU time (user + system, its worker processes included) is read from the
kernel when it exits. Reported per crawl: pages fetched, seconds, pages/s, CPU ms per page,
pages per CPU-second, and how many product records have the right name, price and currency
(against the shops' ground truth). Target: street2shop fetches at least 3x the pages per
CPU-second of the Scrapy + extruct crawl, with more records right.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import yaml

from results import record
from street2shop.core.store import Store
from street2shop.demo.site import build_shop

HERE = Path(__file__).resolve().parent
VARIANTS = ("street2shop", "Scrapy + extruct")


def start_shops(count: int, products: int) -> list[tuple[subprocess.Popen, str]]:
    shops = []
    for i in range(count):
        proc = subprocess.Popen([sys.executable, "-m", "street2shop.demo.site", "--products", str(products),
                                 "--seed", str(i), "--host", f"127.0.0.{10 + i}", "--port", "0", "--real-size"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        base = proc.stdout.readline().strip()
        if not base.startswith("http"):
            raise SystemExit(f"shop {i} did not start: {base!r}")
        shops.append((proc, base))
    return shops


def run_measured(command: list[str], workdir: Path) -> tuple[float, float, str]:
    """Run `command`; (wall seconds, CPU seconds with the children it waited for, stdout)."""
    out_path = workdir / "stdout.txt"
    t0 = time.perf_counter()
    with out_path.open("w") as out, (workdir / "stderr.txt").open("w") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed: {(workdir / 'stderr.txt').read_text()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, out_path.read_text()


def project_crawl(bases: list[str], workdir: Path) -> dict:
    manifest = workdir / "manifest.yaml"
    manifest.write_text(yaml.safe_dump({"store": str(workdir / "store"), "contact": "mailto:bench@example.invalid",
                                        "sources": [{"name": f"shop{i}", "kind": "shop", "images": False,
                                                     "sitemaps": [f"{base}/sitemap.xml"],
                                                     "allow_private_addresses": True}
                                                    for i, base in enumerate(bases)]}))
    command = [sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q"]
    elapsed, cpu, _ = run_measured(command, workdir)
    [run] = (workdir / "store" / "runs").glob("*.json")
    pages = sum(s["pages"] for s in json.loads(run.read_text())["sources"])
    records = [(r["final_url"], r["name"], r["price"], r["currency"])
               for r in Store(workdir / "store").read_table("listings").to_pylist()]
    return {"seconds": elapsed, "cpu": cpu, "pages": pages, "records": records}


def extruct_crawl(bases: list[str], workdir: Path) -> dict:
    feed = workdir / "items.jsonl"
    elapsed, cpu, out = run_measured([sys.executable, str(HERE / "extruct_spider.py"), str(feed),
                                      *(f"{b}/sitemap.xml" for b in bases)], workdir)
    stats = json.loads(out.strip().splitlines()[-1])
    items = [json.loads(line) for line in feed.read_text().splitlines()] if feed.exists() else []
    records = [(i["url"], i["name"], i["price"], i["currency"]) for i in items]
    return {"seconds": elapsed, "cpu": cpu, "pages": stats["pages"], "records": records}


def right_records(records: list[tuple], truth: dict[str, tuple]) -> int:
    """Records whose name, price and currency are the product's (one per product page)."""
    right = set()
    for url, name, price, currency in records:
        want = truth.get(url.split("?")[0])
        if want and name == want[0] and price and Decimal(price) == Decimal(want[1]) and currency == want[2]:
            right.add(url)
    return len(right)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shops", type=int, default=8)
    ap.add_argument("--products", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    shops = start_shops(args.shops, args.products)
    bases = [base for _, base in shops]
    truth = {}
    for i, base in enumerate(bases):
        for p in build_shop(args.products, seed=i).expected_products(javascript=False):
            truth[base + p.path] = (p.name, p.price, p.currency)
    results: dict[str, list[dict]] = {v: [] for v in VARIANTS}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-real-crawl-") as tmp:
            for r in range(args.rounds):
                for variant in VARIANTS:
                    workdir = Path(tmp) / f"{r}-{variant.replace(' ', '-').replace('+', '')}"
                    workdir.mkdir()
                    if variant == "Scrapy + extruct":
                        res = extruct_crawl(bases, workdir)
                    else:
                        res = project_crawl(bases, workdir)
                    res["right"] = right_records(res.pop("records"), truth)
                    results[variant].append(res)
                    print(f"round {r + 1} {variant}: {res['pages']} pages in {res['seconds']:.1f} s, "
                          f"CPU {res['cpu']:.1f} s, {res['right']}/{len(truth)} records right",
                          file=sys.stderr, flush=True)
    finally:
        for proc, _ in shops:
            proc.terminate()
            proc.wait(10)

    rows = {}
    for variant, runs in results.items():
        med = {k: statistics.median(run[k] for run in runs) for k in ("seconds", "cpu", "pages", "right")}
        med["per_cpu_s"] = statistics.median(run["pages"] / run["cpu"] for run in runs)
        rows[variant] = med
    print(f"{args.shops} shops x {args.products} products, product pages of about 360 KB, default politeness; "
          f"medians of {args.rounds} rounds\n")
    print("| crawl | pages | seconds | pages/s | CPU ms/page | pages per CPU-second | records right |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for variant, m in rows.items():
        print(f"| {variant} | {m['pages']:.0f} | {m['seconds']:.1f} | {m['pages'] / m['seconds']:.1f} | "
              f"{1000 * m['cpu'] / m['pages']:.1f} | {m['per_cpu_s']:.1f} | {m['right']:.0f}/{len(truth)} |")
    ours, base = rows["street2shop"], rows["Scrapy + extruct"]
    ratio = ours["per_cpu_s"] / base["per_cpu_s"]
    met = ratio >= 3 and ours["right"] > base["right"]
    print(f"\nstreet2shop fetches **{ratio:.1f}x** the pages per CPU-second of Scrapy + extruct "
          f"(target >= 3x) with {ours['right']:.0f} against {base['right']:.0f} records right: "
          f"{'meets' if met else 'MISSES'} the target.")
    record("crawl", figure={"name": f"street2shop, {ours['right']:.0f}/{len(truth)} records right",
                            "value": ours["per_cpu_s"], "unit": "pages per CPU-second"},
           baseline={"name": f"Scrapy + extruct, {base['right']:.0f}/{len(truth)} right",
                     "value": base["per_cpu_s"], "unit": "pages per CPU-second"},
           target=">= 3x the baseline, more records right", met=met,
           details={"rows": rows, "ratio": ratio, "shops": args.shops, "products": args.products,
                    "rounds": args.rounds})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
