"""Dataset build and publish: time and peak memory of `street2shop dataset build` and
`street2shop dataset publish` at 2,000 and 20,000 pairs. Both stream, so peak memory should not
grow with the dataset (target: within +15% from 2,000 to 20,000 pairs).

    python tests/benchmarks/bench_dataset.py [--sizes 2000,20000]

For each size a synthetic store is written through the project's own `Store` (no crawl): one
blog post per pair with one street photo (a distinct generated 320x400 JPEG of random colour
blocks, so no two are near duplicates) and one garment link (kind exact, every tenth
alternative) to a listing of its own, whose catalog item has a packshot on white (a random
polygon of random blocks) and one or two other images; the catalog version is laid out as
`catalog build` lays it out (items, duplicates, exact index, version.json, CURRENT). Then, as a
user runs them, each in its own process, with its wall time and peak resident memory (wait4):

    street2shop dataset build MANIFEST -o OUT --detector whole-frame -q
    street2shop dataset publish OUT --to PUB          (verifies every image and split, then copies)

Baseline, side by side: the same rows (read back from the built dataset's Parquet) written by
Hugging Face `datasets` (`Dataset.from_generator` with the dataset's own features, then
`to_parquet`, per config and split), the tool a user would otherwise reach for. It does no
cleaning, no splitting and no verification: it only writes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import yaml
from PIL import Image, ImageDraw

from results import record
from street2shop.core.store import Store
from street2shop.pipeline.catalog import CURRENT, _build_version_index, _save_index, box_key, item_id

VERSION = "v20260101T120000000000Z"
DIM = 16
# Parts as a crawl and a catalog build write them: the crawler flushes every 1,000 items
# (STREET2SHOP_FLUSH_ITEMS), `catalog build` writes its items 256 at a time.
PART_ROWS = 1000
ITEM_PART_ROWS = 256
TARGET_GROWTH = 0.15
STREET_SIZE = (320, 400)
SHOP_SIZE = (300, 400)
CHARACTERS = ["Maya", "Leo", "Ines", "Sam", "Noor", "Theo"]

# Runs a command and writes its peak resident memory (KiB, from wait4) to argv[1]; started from a
# small process of its own because Linux starts a new program's peak at its parent's peak (the
# same launcher as tests/crawl_helpers.py).
_MEASURE = """import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""

# The baseline: the built dataset's rows, read back a batch at a time, written by `datasets`.
_BASELINE = """import sys, time
from pathlib import Path
import pyarrow.parquet as pq
import datasets
datasets.disable_progress_bars()
src, out, cache = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def rows(paths):
    for p in paths:
        with pq.ParquetFile(p) as f:
            for batch in f.iter_batches(batch_size=100):
                yield from batch.to_pylist()

splits = {}
for path in sorted((src / "data").glob("*/*.parquet")):
    splits.setdefault((path.parent.name, path.name.split("-")[0]), []).append(str(path))
n = 0
for (config, split), paths in sorted(splits.items()):
    features = datasets.Features.from_arrow_schema(pq.read_schema(paths[0]))
    ds = datasets.Dataset.from_generator(rows, features=features, gen_kwargs={"paths": paths}, cache_dir=cache)
    (out / config).mkdir(parents=True, exist_ok=True)
    ds.to_parquet(str(out / config / f"{split}.parquet"))
    n += len(ds)
print(f"{n} rows written by datasets {datasets.__version__}")
"""


def _jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _blocks(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """Random colour blocks (a 6..14 grid) blown up to `size`: every image its own perceptual hashes."""
    grid = rng.integers(6, 15, 2)
    small = rng.integers(0, 256, (int(grid[0]), int(grid[1]), 3), dtype=np.uint8)
    return Image.fromarray(small).resize(size, Image.Resampling.NEAREST)


def _packshot(rng: np.random.Generator) -> tuple[Image.Image, list[float]]:
    """A garment (random polygon of random blocks) on white, and its box."""
    w, h = SHOP_SIZE
    canvas = Image.new("RGB", SHOP_SIZE, "white")
    # the garment fills most of the frame: wide white margins would give every packshot much the
    # same grey-level hash (not duplicates, but many candidate pairs for the duplicate search)
    x1, y1 = (int(v) for v in rng.integers(2, 20, 2))
    x2, y2 = w - int(rng.integers(2, 20)), h - int(rng.integers(2, 20))
    points = [(x1 + int(rng.integers(0, 50)), y1), (x2 - int(rng.integers(0, 50)), y1),
              (x2, y1 + int(rng.integers(20, 120))), (x2 - int(rng.integers(0, 30)), y2),
              (x1 + int(rng.integers(0, 30)), y2), (x1, y1 + int(rng.integers(20, 120)))]
    mask = Image.new("L", SHOP_SIZE, 0)
    ImageDraw.Draw(mask).polygon(points, fill=255)
    canvas.paste(_blocks(rng, SHOP_SIZE), (0, 0), mask)
    return canvas, [float(v) for v in mask.getbbox()]


def make_store(root: Path, n: int, seed: int = 0) -> dict:
    """A store with n posts, n listings and a catalog version of n items (see the module's doc)."""
    store = Store(root)
    rng = np.random.default_rng(seed)
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    rows: dict[str, list[dict]] = {t: [] for t in ("posts", "post_images", "post_items", "listings", "images")}
    items: list[dict] = []
    seqs = {"tables": 0, "items": 0}
    counts = {"images": 0, "bytes": 0}

    def put(img: Image.Image, url: str, source: str, when: datetime) -> str:
        data = _jpeg(img)
        sha = hashlib.sha256(data).hexdigest()
        path = f"images/{sha[:2]}/{sha}.jpg"
        store.write_bytes(path, data, overwrite=False, fsync=False)
        rows["images"].append({"sha256": sha, "path": path, "format": "JPEG", "content_type": "image/jpeg",
                               "width": img.width, "height": img.height, "mode": "RGB", "size_bytes": len(data),
                               "first_url": url, "source": source, "run_id": "bench", "fetched_at": when})
        counts["images"] += 1
        counts["bytes"] += len(data)
        return sha

    def flush(final: bool = False) -> None:
        if rows["posts"] and (final or len(rows["posts"]) >= PART_ROWS):
            for table, part in rows.items():
                store.write_part(table, part, run_id="bench", seq=seqs["tables"])
                part.clear()
            seqs["tables"] += 1
        if items and (final or len(items) >= ITEM_PART_ROWS):
            store.write_part("catalog_items", items, run_id=VERSION, seq=seqs["items"], writer="build",
                             under=f"catalog/versions/{VERSION}/items")
            items.clear()
            seqs["items"] += 1

    for i in range(n):
        when = t0 + timedelta(minutes=i)
        post_url = f"https://blog.bench.example/{2025 + i % 2}/look-{i:06d}/"
        street_url = f"https://blog.bench.example/img/look-{i:06d}.jpg"
        street = put(_blocks(rng, STREET_SIZE), street_url, "bench-blog", when)
        cast = CHARACTERS[i % len(CHARACTERS)] if i % 3 else None
        names = [cast] if cast else CHARACTERS[:2]
        rows["posts"].append({"source": "bench-blog", "job_id": "bench", "run_id": "bench", "url": post_url,
                              "final_url": post_url, "canonical_url": post_url, "fetched_at": when,
                              "http_status": 200, "rendered": False, "title": f"Look {i}",
                              "published": when.date().isoformat(), "show": "Bench Street",
                              "season": 1 + i % 4, "episode": 1 + i % 12, "characters": names,
                              "image_urls": [street_url], "item_count": 1})
        rows["post_images"].append({"source": "bench-blog", "run_id": "bench", "post_url": post_url, "position": 0,
                                    "url": street_url, "sha256": street, "status": "ok", "error": None})
        listing_url = f"https://shop{i % 7}.bench.example/p/item-{i:06d}"
        rows["post_items"].append({"source": "bench-blog", "run_id": "bench", "post_url": post_url, "item_index": 0,
                                   "link_index": 0, "text": f"{names[0]}'s look, piece {i}", "brand": "Benchwear",
                                   "image_position": 0, "kind": "alternative" if i % 10 == 9 else "exact",
                                   "link_text": "shop it", "original_url": listing_url + "?utm_source=blog",
                                   "resolved_url": listing_url, "redirects": [listing_url], "link_status": "ok",
                                   "http_status": 200})
        shot, box = _packshot(rng)
        shop = put(shot, listing_url + "/main.jpg", "bench-shop", when)
        others = [put(_blocks(rng, SHOP_SIZE), f"{listing_url}/detail-{k}.jpg", "bench-shop", when)
                  for k in range(int(rng.integers(1, 3)))]
        listing_images = [{"url": f"{listing_url}/main.jpg", "sha256": shop, "status": "ok", "error": None}] + [
            {"url": f"{listing_url}/detail-{k}.jpg", "sha256": s, "status": "ok", "error": None}
            for k, s in enumerate(others)]
        rows["listings"].append({"source": "bench-shop", "job_id": "bench", "run_id": "bench", "url": listing_url,
                                 "final_url": listing_url, "canonical_url": listing_url, "fetched_at": when,
                                 "http_status": 200, "rendered": False, "name": f"Bench piece {i}",
                                 "brand": "Benchwear", "price": f"{20 + i % 80}.00", "currency": "EUR",
                                 "availability": "InStock", "breadcrumbs": ["Women"],
                                 "image_urls": [im["url"] for im in listing_images], "offers": [],
                                 "field_sources": [], "images": listing_images, "change": "new"})
        vec = rng.standard_normal(DIM).astype(np.float32)
        items.append({"item_id": item_id("bench-shop", listing_url, shop, box_key(box)), "source": "bench-shop",
                      "listing_url": listing_url, "canonical_url": listing_url, "name": f"Bench piece {i}",
                      "brand": "Benchwear", "price": f"{20 + i % 80}.00", "currency": "EUR",
                      "availability": "InStock", "listing_category": "Women", "image_sha256": shop,
                      "other_images": others, "box": box, "category": int(rng.integers(1, 14)),
                      "category_probs": None, "detection_score": None, "whole_image": False, "quality_flags": [],
                      "model_id": "bench-random", "preprocess_id": "bench-224",
                      "embedding": (vec / np.linalg.norm(vec)).tolist()})
        flush()
    flush(final=True)
    version = f"catalog/versions/{VERSION}"
    _save_index(store, f"{version}/index", _build_version_index(store, f"{version}/items", DIM, "exact", 0.95))
    store.write_json(f"{version}/version.json", {
        "version": VERSION, "encoder_spec": "default-offline", "model_id": "bench-random",
        "preprocess_id": "bench-224", "dim": DIM, "image_size": 224, "detector": None, "items": n, "listings": n,
        "created_at": t0.isoformat()})
    store.write_json(CURRENT, {"version": VERSION})
    manifest = root / "manifest.yaml"
    manifest.write_text(yaml.safe_dump({"store": str(root), "dataset": {"name": "bench-pairs"}}))
    return counts


def measured(workdir: Path, *cmd: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run `cmd`; its output, wall seconds and peak resident memory (MiB). Stops the benchmark if it fails."""
    peak = workdir / "peak-kib"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", **(env or {})}
    t = time.monotonic()
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(peak), *cmd], capture_output=True, text=True, env=env)
    seconds = time.monotonic() - t
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])} failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}")
    return out, seconds, int(peak.read_text()) / 1024


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run_size(tmp: Path, n: int) -> dict:
    work = tmp / f"n{n}"
    work.mkdir()
    t = time.monotonic()
    counts = make_store(work / "store", n)
    made = time.monotonic() - t
    print(f"{n:,} pairs: synthetic store written in {made:.0f} s ({counts['images']:,} images, "
          f"{counts['bytes'] / 2**20:.0f} MiB)", flush=True)
    cli = [sys.executable, "-m", "street2shop.cli", "dataset"]
    out, build_s, build_mib = measured(work, *cli, "build", str(work / "store" / "manifest.yaml"), "-o",
                                       str(work / "ds"), "--detector", "whole-frame", "-q")
    lines = out.stdout.strip().splitlines()
    cleaning = dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+)", next(ln for ln in lines
                                                                           if ln.startswith("cleaning:"))))
    print(f"  build:    {build_s:6.1f} s, peak {build_mib:5.0f} MiB; " + "; ".join(
        ln for ln in lines if not ln.startswith(("cleaning:", "dataset:"))), flush=True)
    print("  cleaning: " + ", ".join(f"{k} {cleaning.get(k, 0)}" for k in
                                     ("candidates", "kept", "duplicate_exact", "duplicate_near", "split_conflict")),
          flush=True)
    out, publish_s, publish_mib = measured(work, *cli, "publish", str(work / "ds"), "--to", str(work / "pub"))
    print(f"  publish:  {publish_s:6.1f} s, peak {publish_mib:5.0f} MiB; {out.stdout.strip().splitlines()[-1]}",
          flush=True)
    shutil.rmtree(work / "store")  # the baseline reads the built dataset, not the store
    out, base_s, base_mib = measured(work, sys.executable, "-c", _BASELINE, str(work / "ds"), str(work / "hf"),
                                     str(work / "hf-cache"), env={"HF_DATASETS_CACHE": str(work / "hf-cache")})
    print(f"  datasets: {base_s:6.1f} s, peak {base_mib:5.0f} MiB; {out.stdout.strip().splitlines()[-1]}", flush=True)
    row = {"pairs": n, "kept": cleaning.get("kept", 0), "images": counts["images"],
           "dataset_mib": round(_du(work / "ds") / 2**20), "store_s": round(made, 1),
           "build_s": round(build_s, 1), "build_mib": round(build_mib), "publish_s": round(publish_s, 1),
           "publish_mib": round(publish_mib), "datasets_s": round(base_s, 1), "datasets_mib": round(base_mib),
           "duplicates": cleaning.get("duplicate_exact", 0) + cleaning.get("duplicate_near", 0),
           "split_conflict": cleaning.get("split_conflict", 0)}
    shutil.rmtree(work)
    return row


def figure_name(first: dict, last: dict) -> str:
    """What the benchmarks page shows beside the peak: times, and publish's own peaks."""
    return (f"build, {last['pairs']:,} pairs in {last['build_s']:.0f} s (publish {last['publish_s']:.0f} s, "
            f"{last['publish_mib']:,} MiB; at {first['pairs']:,}: {first['publish_mib']:,} MiB)")


def baseline_name(first: dict, last: dict) -> str:
    return (f"build, {first['pairs']:,} pairs; `datasets` writing the same rows: {first['datasets_mib']:,} MiB "
            f"then {last['datasets_mib']:,} MiB, {last['datasets_s']:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,20000", help="comma-separated numbers of pairs (default 2000,20000)")
    ap.add_argument("--no-record", action="store_true", help="print only; append nothing to the data file")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-dataset-") as tmp:
        rows = [run_size(Path(tmp), n) for n in sizes]
    print("\n| pairs | images | dataset MiB | build s | build MiB | publish s | publish MiB | datasets s "
          "| datasets MiB | build pairs/s | datasets pairs/s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['pairs']:,} | {r['images']:,} | {r['dataset_mib']} | {r['build_s']:.0f} | {r['build_mib']} | "
              f"{r['publish_s']:.0f} | {r['publish_mib']} | {r['datasets_s']:.0f} | {r['datasets_mib']} | "
              f"{r['kept'] / r['build_s']:.0f} | {r['kept'] / r['datasets_s']:.0f} |")
    print("\n`datasets` only writes the rows build wrote (Dataset.from_generator + to_parquet): no cleaning, "
          "no splits, no verification.")
    first, last = rows[0], rows[-1]
    growth = {k: (last[f"{k}_mib"] - first[f"{k}_mib"]) / first[f"{k}_mib"] for k in ("build", "publish", "datasets")}
    print(f"Peak memory from {first['pairs']:,} to {last['pairs']:,} pairs: build {growth['build']:+.0%}, "
          f"publish {growth['publish']:+.0%}, datasets {growth['datasets']:+.0%} "
          f"(target: build and publish within +{TARGET_GROWTH:.0%}). Whole benchmark "
          f"{time.monotonic() - started:.0f} s.")
    if args.no_record:
        return
    met = growth["build"] <= TARGET_GROWTH and growth["publish"] <= TARGET_GROWTH
    record("dataset", figure={"name": figure_name(first, last), "value": last["build_mib"], "unit": "MiB peak"},
           baseline={"name": baseline_name(first, last), "value": first["build_mib"], "unit": "MiB peak"},
           target=f"peak memory at {last['pairs']:,} pairs within +15% of {first['pairs']:,} (build and publish)",
           met=met, details={"rows": rows, "growth": {k: round(v, 3) for k, v in growth.items()},
                             "baseline_tool": "Hugging Face datasets from_generator + to_parquet (writes only)"})


if __name__ == "__main__":
    main()
