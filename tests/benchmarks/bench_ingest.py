"""Image ingest throughput: `street2shop ingest` against img2dataset on the same images, same server.

    .venv/bin/python tests/benchmarks/bench_ingest.py [--images 2000] [--polite-images 100] [--rounds 3]

Starts the demo shop in its own process (so its serving does not share our GIL), takes the
full-size ok gallery images, warms the server's image cache by fetching each once, then
alternates into fresh temp dirs: (A) the img2dataset CLI (384 px, border resize, jpg files,
2 processes x 16 threads, no robots.txt, no per-host limits); (B) `street2shop ingest` with its
politeness opened up (16 requests at once to the one host, no delay, no AutoThrottle), which
still fetches robots.txt, checks every address and fully decodes, hashes and stores each
original; and (C) `street2shop ingest` as it comes, polite (4 at once to a host, 0.5 s apart,
AutoThrottle), on the first `--polite-images` only: what politeness costs on one host. It
prints images/s per round, medians and the ratios as a markdown table. img2dataset comes from
its own venv (I2D_VENV, default /tmp/i2d), created with pip when missing.
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
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml
from results import record

from street2shop.demo.site import build_shop

I2D_VENV = Path(os.environ.get("I2D_VENV", "/tmp/i2d"))
PRODUCTS = 700


def img2dataset_bin() -> Path:
    exe = I2D_VENV / "bin" / "img2dataset"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(I2D_VENV)], check=True)
        subprocess.run([str(I2D_VENV / "bin" / "pip"), "install", "-q", "img2dataset"], check=True)
    return exe


def start_server(products: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "street2shop.demo.site", "--products", str(products),
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    base = proc.stdout.readline().strip()
    if not base.startswith("http"):
        proc.kill()
        raise SystemExit(f"demo shop did not start: {base!r}")
    return proc, base


def run_img2dataset(exe: Path, url_file: Path, out: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    subprocess.run([str(exe), "--url_list", str(url_file), "--input_format", "txt", "--output_folder", str(out),
                    "--image_size", "384", "--resize_mode", "border", "--output_format", "files",
                    "--processes_count", "2", "--thread_count", "16", "--encode_format", "jpg",
                    "--retries", "0", "--timeout", "30", "--enable_wandb", "False"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    ok = sum(json.loads(p.read_text())["successes"] for p in out.glob("*_stats.json"))
    return elapsed, ok


OPEN = ["--concurrency-per-domain", "16", "--delay", "0", "--no-autothrottle"]


def run_ingest(urls: list[str], out: Path, flags: list[str]) -> tuple[float, int]:
    out.mkdir(parents=True)
    manifest, url_file = out / "manifest.yaml", out / "urls.txt"
    manifest.write_text(yaml.safe_dump({"store": str(out / "store"), "sources": [
        {"name": "bench", "kind": "shop", "products": [urls[0]]}]}))
    url_file.write_text("\n".join(urls) + "\n")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "street2shop.cli", "ingest", str(manifest), str(url_file), "-q",
                           "--allow-private-addresses", *flags], check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    # "ingested N URLs: ok 1998, ...": URLs stored (the same bytes at two URLs are one image row)
    counts = dict(part.rsplit(" ", 1) for part in done.stdout.split("URLs: ", 1)[1].split(";", 1)[0].split(", "))
    return elapsed, int(counts.get("ok", 0))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--images", type=int, default=2000)
    ap.add_argument("--polite-images", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    exe = img2dataset_bin()
    shop = build_shop(PRODUCTS)  # same seed as the server process: same paths and outcomes
    paths = sorted(p for p, s in shop.images.items() if s.outcome == "ok" and s.width is None)[: args.images]
    proc, base = start_server(PRODUCTS)
    try:
        urls = [base + p for p in paths]
        # warm the server's cache: both sides then measure ingest, not the demo shop's rendering
        with ThreadPoolExecutor(8) as pool:
            sizes = list(pool.map(lambda u: len(urllib.request.urlopen(u, timeout=60).read()), urls))
        print(f"{len(urls)} images, {sum(sizes) / len(sizes) / 1024:.0f} KiB mean, server {base}, "
              f"{os.cpu_count()} CPUs", file=sys.stderr)
        results: dict[str, list[float]] = {"img2dataset": [], "street2shop": [], "street2shop polite": []}
        wanted = {"img2dataset": len(urls), "street2shop": len(urls), "street2shop polite": args.polite_images}
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
            url_file = Path(tmp) / "urls.txt"
            url_file.write_text("\n".join(urls) + "\n")
            for r in range(args.rounds):
                for name, fn in (("img2dataset", lambda o: run_img2dataset(exe, url_file, o)),
                                 ("street2shop", lambda o: run_ingest(urls, o, OPEN)),
                                 ("street2shop polite", lambda o: run_ingest(urls[: args.polite_images], o, []))):
                    out = Path(tmp) / f"{name.replace(' ', '-')}-{r}"
                    elapsed, ok = fn(out)
                    if ok != wanted[name]:
                        print(f"warning: {name} round {r + 1}: {ok}/{wanted[name]} ok", file=sys.stderr)
                    results[name].append(ok / elapsed)
                    print(f"round {r + 1} {name:12s} {ok:5d} ok in {elapsed:6.2f} s = {ok / elapsed:6.1f} images/s",
                          file=sys.stderr)
    finally:
        proc.terminate()
        proc.wait(10)

    a, b, c = (statistics.median(results[k]) for k in ("img2dataset", "street2shop", "street2shop polite"))
    print("\n| tool | " + " | ".join(f"round {i + 1}" for i in range(args.rounds)) + " | median images/s |")
    print("|---|" + "---:|" * (args.rounds + 1))
    for k in results:
        print(f"| {k} | " + " | ".join(f"{v:.1f}" for v in results[k]) + f" | **{statistics.median(results[k]):.1f}** |")
    print(f"\nstreet2shop / img2dataset = **{b / a:.2f}x** ({'at least as fast' if b >= a else 'SLOWER'}); "
          f"polite street2shop on one host: {c:.1f} images/s, {c / b:.2f}x of it opened up")
    record("ingest", figure={"name": f"street2shop opened up (polite: {c:.1f})", "value": b, "unit": "images/s"},
           baseline={"name": "img2dataset", "value": a, "unit": "images/s"}, target=">= img2dataset",
           met=b >= a, details={k: v for k, v in results.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
