"""Where the crawl process's CPU goes: its CPU seconds from spider open to close, for crawls
that each add one part of the project crawl to the bare one.

    python tests/benchmarks/crawl_cpu.py [--products 3000] [--repeats 3]

Against the fixture shop (its own process, as in bench_crawl.py), alternately:

- bare: bare_crawl.py's SitemapSpider, whose callback only follows next-page links;
- bare, tuned: the same with the project's process tuning (bare_crawl.py --tuned,
  crawler/process_tuning.py: garbage-collector settings, log levels);
- bare + items, tuned: that, yielding one small dict per page (Scrapy's item path, no pipelines);
- project, analysis free, no item pipelines: `street2shop crawl` in-process, each page's
  analysis replaced by the one recorded in a first crawl, and no item pipelines (the project's
  spider and its items through Scrapy);
- project, analysis free: the same with the item pipelines (what the project costs apart from
  parsing/extraction);
- project: `street2shop crawl` as shipped (analysis in a worker process).

Only the crawl process is measured (`getrusage` at the stats collector's open and close);
the worker's and the server's CPU are not in these numbers. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_crawl import FixtureServer, manifest_text  # noqa: E402

VARIANTS = ("bare", "bare, tuned", "bare + items, tuned", "project, analysis free, no item pipelines",
            "project, analysis free", "project")


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(variant: str, manifest: str, cache: str) -> None:
    """Runs in a fresh process: one crawl, then one JSON line with its crawl-window CPU."""
    import scrapy.statscollectors as sc

    window: dict[str, float] = {}
    opened, closed = sc.StatsCollector.open_spider, sc.StatsCollector.close_spider

    def open_spider(self, *a, **k):
        window["open"] = _cpu()
        return opened(self, *a, **k)

    def close_spider(self, *a, **k):
        window["close"] = _cpu()
        return closed(self, *a, **k)

    sc.StatsCollector.open_spider, sc.StatsCollector.close_spider = open_spider, close_spider
    if variant.startswith("bare"):
        import bare_crawl
        if variant == "bare + items, tuned":
            follow = bare_crawl.BareSpider.parse
            bare_crawl.BareSpider.parse = lambda self, response: [{"url": response.url}, *(follow(self, response) or [])]
        bare_crawl.main([manifest, *(["--tuned"] if variant.endswith("tuned") else [])])
    else:
        from street2shop.crawler.page_analysis import PageAnalyser
        from street2shop.crawler.run import run_crawl
        from street2shop.core.manifest import load_manifest

        processes = None
        if variant == "record":
            real, seen = PageAnalyser.analyse, {}

            def record(self, response):
                seen[response.url] = real(self, response)
                return seen[response.url]
            PageAnalyser.analyse, processes = record, 0
        elif variant.startswith("project, analysis free"):
            recorded = pickle.loads(Path(cache).read_bytes())
            PageAnalyser.analyse, processes = (lambda self, response: recorded[response.url]), 0
            if variant.endswith("no item pipelines"):
                from street2shop.crawler import settings
                settings.BASE_SETTINGS["ITEM_PIPELINES"] = {}
        m = load_manifest(manifest)
        run_crawl(m, list(m.sources), progress=False, extract_processes=processes)
        if variant == "record":
            Path(cache).write_bytes(pickle.dumps(seen))
    print(json.dumps({"cpu": window["close"] - window["open"]}), flush=True)


def run_one(variant: str, base_url: str, work: Path, cache: Path) -> float:
    run_dir = Path(tempfile.mkdtemp(dir=work))
    manifest = run_dir / "m.yaml"
    manifest.write_text(manifest_text(run_dir / "store", base_url, images=False))
    proc = subprocess.run([sys.executable, __file__, "--child", variant, str(manifest), str(cache)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{variant} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])["cpu"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=3000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="s2s-cpu-") as tmp, FixtureServer(args.products) as srv:
        work, cache = Path(tmp), Path(tmp) / "analyses.pkl"
        run_one("record", srv.base_url, work, cache)  # also warms the server
        cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
        for i in range(args.repeats):
            for variant in VARIANTS:
                cpu[variant].append(run_one(variant, srv.base_url, work, cache))
                print(f"run {i + 1}: {variant}: {cpu[variant][-1]:.2f} s", file=sys.stderr, flush=True)
    bare = statistics.median(cpu["bare"])
    print(f"Crawl-process CPU, spider open to close, fixture shop of {args.products} products "
          f"(median of {args.repeats}):\n")
    print("| crawl | CPU s | runs | vs bare |\n|---|---:|---|---:|")
    for variant in VARIANTS:
        med = statistics.median(cpu[variant])
        print(f"| {variant} | {med:.2f} | {', '.join(f'{c:.2f}' for c in cpu[variant])} | {med / bare - 1:+.0%} |")


if __name__ == "__main__":
    main()
