"""CPU speed of the garment detectors (random weights, batch 1), against stock torchvision.

    python tests/benchmarks/bench_detector.py [--iters 3] [--warmup 1] [--width 1200 --height 800]
                                              [--min-size 800 --max-size 1333] [--specs a,b] [--json OUT]

For each spec (``frcnn-r50-fpn-v2``, ``frcnn-mobilenet-v3``) it times ``Detector.detect`` on one
synthetic photo-sized image (default 1200x800: the shorter side is already the 800 px that
detectron2's and torchvision's Faster R-CNN resize to by default -- the seed paper used
detectron2's defaults and gives no other input size) and, as the baseline in the same run,
torchvision's stock model with the same weights (``RoIHeads`` returning one label per box, no
per-box probability vector). ms/image is the median over ``iters`` after ``warmup`` calls;
calls alternate between the two; the overhead column is the cost of keeping all 13 probabilities per box.
Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

from results import record

SPECS = ("frcnn-r50-fpn-v2", "frcnn-mobilenet-v3")


def _image(width: int, height: int):
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    arr = np.full((height, width, 3), 235, np.uint8)
    for _ in range(6):  # a few garment-sized blocks over a light background
        x, y = int(rng.integers(0, width * 3 // 4)), int(rng.integers(0, height * 3 // 4))
        w, h = int(rng.integers(width // 8, width // 3)), int(rng.integers(height // 6, height // 2))
        arr[y:y + h, x:x + w] = rng.integers(0, 255, size=3)
    arr = np.clip(arr.astype(np.int16) + rng.integers(-12, 13, size=arr.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(arr)


def _median_ms(fns, iters: int, warmup: int) -> list[float]:
    """Median ms of each function, calls interleaved so that machine load hits all alike."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    times = [[] for _ in fns]
    for _ in range(iters):
        for fn, ts in zip(fns, times):
            t = time.perf_counter()
            fn()
            ts.append((time.perf_counter() - t) * 1000)
    return [statistics.median(ts) for ts in times]


def run(specs=SPECS, *, iters: int = 3, warmup: int = 1, width: int = 1200, height: int = 800,
        min_size: int = 800, max_size: int = 1333) -> list[dict]:
    import copy

    import torch
    from torchvision.models.detection.roi_heads import RoIHeads
    from torchvision.transforms.functional import pil_to_tensor

    from street2shop.pipeline.detectors import create_detector

    image = _image(width, height)
    tensor = pil_to_tensor(image).float() / 255
    rows = []
    for spec in specs:
        torch.manual_seed(0)
        det = create_detector(spec, device="cpu", min_size=min_size, max_size=max_size)
        stock = copy.deepcopy(det.model).eval()
        stock.roi_heads.__class__ = RoIHeads  # torchvision's own post-processing, same weights
        stock.roi_heads.score_thresh = 0.3

        def ours():
            det.detect([image], score_threshold=0.3)

        def baseline():
            with torch.inference_mode():
                stock([tensor])

        base_ms, ours_ms = _median_ms([baseline, ours], iters, warmup)
        params = sum(p.numel() for p in det.model.parameters()) / 1e6
        rows.append({"spec": spec, "params_M": round(params, 1), "input": f"{width}x{height}",
                     "resized_short_side": min_size, "ms_per_image": round(ours_ms, 1),
                     "stock_torchvision_ms": round(base_ms, 1),
                     "overhead_pct": round(100 * (ours_ms - base_ms) / base_ms, 1)})
        print(f"{spec}: {ours_ms:.0f} ms/image (stock {base_ms:.0f})", file=sys.stderr, flush=True)
    return rows


def markdown(rows: list[dict], *, threads: int | None = None) -> str:
    import torch

    head = (f"Detector, CPU, batch 1, random weights; {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, torch {torch.__version__}, {threads or torch.get_num_threads()} threads.\n\n")
    lines = ["| detector | params (M) | input → short side | ms/image (all 13 probs) | stock torchvision ms/image | overhead |",
             "|---|---:|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['spec']} | {r['params_M']} | {r['input']} → {r['resized_short_side']} px | "
                     f"{r['ms_per_image']:.0f} | {r['stock_torchvision_ms']:.0f} | {r['overhead_pct']:+.1f}% |")
    return head + "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iters", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=800)
    ap.add_argument("--min-size", type=int, default=800)
    ap.add_argument("--max-size", type=int, default=1333)
    ap.add_argument("--specs", default=",".join(SPECS))
    ap.add_argument("--json", help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    rows = run([s for s in args.specs.split(",") if s], iters=args.iters, warmup=args.warmup, width=args.width,
               height=args.height, min_size=args.min_size, max_size=args.max_size)
    print(markdown(rows))
    main_row = rows[0]  # the default detector
    record("detector", figure={"name": f"{main_row['spec']}, all 13 probabilities", "value": main_row["ms_per_image"],
                               "unit": "ms/image"},
           baseline={"name": "stock torchvision", "value": main_row["stock_torchvision_ms"], "unit": "ms/image"},
           target="<= +10% over stock", met=main_row["overhead_pct"] <= 10, details={"rows": rows})
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
