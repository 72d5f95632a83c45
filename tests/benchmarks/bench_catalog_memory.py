"""Memory benchmark: the catalog build streams, so its peak memory should grow little with
the number of items (target: < +30% from 2,000 to 20,000 items).

    python tests/benchmarks/bench_catalog_memory.py [--sizes 2000 20000]

For each size a synthetic store is written (one small generated JPEG per listing, the
listings and images tables exactly as the crawler writes them), then `street2shop catalog
build` runs in its own process with a tiny random-weight timm encoder saved to a file (the
real loading path), and its peak resident memory is read from /usr/bin/time. Prints markdown.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import torch
import yaml
from PIL import Image, ImageDraw

from results import record
from street2shop.core.store import Store


def make_store(root: Path, n: int) -> None:
    store = Store(root)
    rng = np.random.default_rng(0)
    now = datetime.now(timezone.utc)
    listings, images = [], []
    for i in range(n):
        im = Image.new("RGB", (160, 200), "white")
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        ImageDraw.Draw(im).rectangle([30, 25 + i % 20, 130, 180], fill=colour)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=85)
        data = buf.getvalue()
        sha = hashlib.sha256(data).hexdigest()
        path = f"images/{sha[:2]}/{sha}.jpg"
        store.write_bytes(path, data, overwrite=False)
        url = f"https://shop.example/p/{i}"
        images.append({"sha256": sha, "path": path, "format": "JPEG", "width": 160, "height": 200, "mode": "RGB",
                       "size_bytes": len(data), "first_url": url + ".jpg", "source": "bench", "run_id": "r",
                       "fetched_at": now})
        listings.append({"source": "bench", "job_id": "j", "run_id": "r", "url": url, "final_url": url,
                         "canonical_url": url, "fetched_at": now, "http_status": 200, "rendered": False,
                         "name": f"Item {i}", "price": "10.00", "currency": "EUR", "breadcrumbs": [],
                         "image_urls": [url + ".jpg"], "offers": [], "field_sources": [],
                         "images": [{"url": url + ".jpg", "sha256": sha, "status": "ok", "error": None}]})
    for seq, start in enumerate(range(0, n, 5000)):
        store.write_part("images", images[start:start + 5000], run_id="r", seq=seq)
        store.write_part("listings", listings[start:start + 5000], run_id="r", seq=seq)


def build(root: Path, weights: Path) -> tuple[float, float, str]:
    manifest = root / "manifest.yaml"
    manifest.write_text(yaml.safe_dump({"store": str(root), "catalog": {
        "encoder": f"timm:test_efficientnet@{weights}", "image_size": 64, "chunk": 256}}))
    t = time.monotonic()
    out = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "street2shop.cli", "catalog", "build",
                          str(manifest)], capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    seconds = time.monotonic() - t
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    return peak_kb / 1024, seconds, out.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = ap.parse_args()
    import timm
    with tempfile.TemporaryDirectory() as tmp:
        weights = Path(tmp) / "tiny.pth"
        torch.save(timm.create_model("test_efficientnet", pretrained=False, num_classes=0).state_dict(), weights)
        rows = []
        for n in args.sizes:
            root = Path(tmp) / f"store-{n}"
            make_store(root, n)
            peak, seconds, summary = build(root, weights)
            rows.append((n, peak, seconds))
            print(f"{n} items: peak {peak:.0f} MiB, {seconds:.0f} s; {summary}", flush=True)
        print("\n| items | peak RSS MiB | build s |\n|---:|---:|---:|")
        for n, peak, seconds in rows:
            print(f"| {n:,} | {peak:.0f} | {seconds:.0f} |")
        growth = (rows[-1][1] - rows[0][1]) / rows[0][1]
        print(f"\nPeak memory grows {growth:+.0%} from {rows[0][0]:,} to {rows[-1][0]:,} items (target < +30%).")
        record("catalog_memory", figure={"name": f"{rows[-1][0]:,} listings", "value": rows[-1][1], "unit": "MiB peak"},
               baseline={"name": f"{rows[0][0]:,} listings", "value": rows[0][1], "unit": "MiB peak"},
               target="grows < +30%", met=growth < 0.30, details={"rows": rows, "growth": growth})


if __name__ == "__main__":
    main()
