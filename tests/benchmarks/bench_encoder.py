"""Encoder throughput: the whole pipeline against the bare model forward.

    python tests/benchmarks/bench_encoder.py [--spec default-offline] [--images 256] [--batch 32]
                                             [--threads N] [--workers W] [--rounds 3] [--no-overlap-row]
                                             [--json OUT]

Same encoder, batch size and torch threads for every row:

* **bare forward**: the model's forward (features + pooling, no L2 step) on tensors
  that were decoded, resized, cropped and normalised beforehand: the ceiling;
* **pipeline**: ``encode_images`` on the JPEG bytes: decode + resize/crop in worker
  threads (or DataLoader worker processes) overlapped with normalise + forward + L2;
* **pipeline, no overlap** (``workers=0``, with ``--no-overlap-row``): the same work done
  in sequence, to show what the overlap buys.

Inputs are ~400 px JPEGs cut from scikit-image's photos. Rounds alternate the variants
(the machine may be shared, so a slow spell hits all of them alike); the table gives the
median over rounds and two ratios to the bare forward (target: >= 0.90): of the medians,
and the median of the per-round ratios (each pipeline run against the bare run of the
same round, the steadier number on a busy machine).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from results import record  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402


def make_jpegs(n: int, seed: int = 0) -> list[bytes]:
    from skimage import data

    photos = [Image.fromarray(getattr(data, name)()).convert("RGB")
              for name in ("astronaut", "chelsea", "coffee", "rocket", "immunohistochemistry", "hubble_deep_field")]
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        im = photos[i % len(photos)]
        w, h = im.size
        cw, ch = int(w * rng.uniform(0.5, 1.0)), int(h * rng.uniform(0.5, 1.0))
        x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
        crop = im.crop((x, y, x + cw, y + ch))
        scale = 400 / max(crop.size)
        crop = crop.resize((max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.BICUBIC)
        buf = io.BytesIO()
        crop.save(buf, "JPEG", quality=int(rng.integers(80, 95)))
        out.append(buf.getvalue())
    return out


def machine_info() -> dict:
    info = {"python": platform.python_version(), "torch": torch.__version__,
            "cpu": platform.processor() or platform.machine(),
            "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        info["loadavg_start"] = os.getloadavg()
    except OSError:
        pass
    return info


def sync(device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def run(args) -> dict:
    from street2shop.pipeline.encoders import create_encoder

    if args.threads:
        torch.set_num_threads(args.threads)
    enc = create_encoder(args.spec, device=args.device)
    jpegs = make_jpegs(args.images)
    n, bs = len(jpegs), args.batch

    # single-threaded cost of the image stage (decode + resize/crop), for the explanation
    t0 = time.perf_counter()
    staged = [enc.image_stage(b) for b in jpegs]
    stage_ms = (time.perf_counter() - t0) / n * 1000
    batches = [enc.normalize_batch(torch.stack(staged[i:i + bs])) for i in range(0, n, bs)]

    def bare():
        with torch.inference_mode():
            if enc.device.type == "cuda" and enc.dtype != torch.float32:
                with torch.autocast("cuda", dtype=enc.dtype):
                    for x in batches:
                        enc._forward(x)
            else:
                for x in batches:
                    enc._forward(x)
        sync(enc.device)

    variants = {
        "bare forward (pre-decoded tensors)": bare,
        f"pipeline, threads (workers={args.workers})":
            lambda: enc.encode_images(jpegs, batch_size=bs, workers=args.workers, mode="threads"),
        f"pipeline, DataLoader processes (workers={args.workers})":
            lambda: enc.encode_images(jpegs, batch_size=bs, workers=args.workers, mode="processes"),
    }
    if args.no_overlap_row:
        variants["pipeline, no overlap (workers=0)"] = lambda: enc.encode_images(jpegs, batch_size=bs, workers=0)
    bare()  # warm-up (allocator, oneDNN/cuDNN kernel choice)
    enc.encode_images(jpegs[:bs], batch_size=bs, workers=args.workers)
    times: dict[str, list[float]] = {k: [] for k in variants}
    for r in range(args.rounds):
        for name, fn in variants.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
        print(f"round {r + 1}/{args.rounds}: " + ", ".join(f"{n / times[k][-1]:.1f}" for k in variants)
              + " img/s", file=sys.stderr)

    bare_ips = n / statistics.median(times["bare forward (pre-decoded tensors)"])
    rows = []
    for name, ts in times.items():
        ips = n / statistics.median(ts)
        rows.append({"variant": name, "images_per_s": round(ips, 2), "best_images_per_s": round(n / min(ts), 2),
                     "ratio_to_bare": round(ips / bare_ips, 3),
                     "median_paired_ratio": round(statistics.median(
                         times["bare forward (pre-decoded tensors)"][i] / t for i, t in enumerate(ts)), 3),
                     "paired_ratios": [round(times["bare forward (pre-decoded tensors)"][i] / t, 3)
                                       for i, t in enumerate(ts)]})
    info = machine_info()
    info["loadavg_end"] = os.getloadavg()
    return {"spec": args.spec, "model_id": enc.model_id, "device": str(enc.device), "dtype": str(enc.dtype),
            "images": n, "batch": bs, "torch_threads": torch.get_num_threads(), "workers": args.workers,
            "image_stage_ms_per_image_1thread": round(stage_ms, 2), "rows": rows, "machine": info}


def table(res: dict) -> str:
    lines = [f"Encoder `{res['model_id']}` on {res['device']} ({res['dtype'].removeprefix('torch.')}), "
             f"{res['images']} JPEGs of ~400 px, batch {res['batch']}, torch threads {res['torch_threads']}; "
             f"image stage alone (decode + resize/crop, 1 thread): {res['image_stage_ms_per_image_1thread']} ms/image.",
             "", "| variant | images/s (median) | best | ratio of medians | median per-round ratio | per-round ratios |",
             "|---|---:|---:|---:|---:|---|"]
    for r in res["rows"]:
        lines.append(f"| {r['variant']} | {r['images_per_s']:.1f} | {r['best_images_per_s']:.1f} | "
                     f"{r['ratio_to_bare']:.2f} | {r['median_paired_ratio']:.2f} | {', '.join(f'{x:.2f}' for x in r['paired_ratios'])} |")
    m = res["machine"]
    lines += ["", f"Machine: {m['cpu']}, {m['cores']} cores, CUDA: {m['cuda'] or 'none'}, Python {m['python']}, "
              f"torch {m['torch']}; load average {m.get('loadavg_start', ('?',))[0]:.2f} at start, "
              f"{m.get('loadavg_end', ('?',))[0]:.2f} at end."]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spec", default="default-offline")
    ap.add_argument("--device", default=None)
    ap.add_argument("--images", type=int, default=256)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: torch's default)")
    ap.add_argument("--workers", type=int, default=1, help="decode workers for the pipeline rows")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-overlap-row", action="store_true", help="add the workers=0 row")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    res = run(args)
    print(table(res))
    bare, pipe = res["rows"][0], res["rows"][1]  # the bare forward, the pipeline with threads (the default)
    record("encoder", figure={"name": "pipeline", "value": pipe["images_per_s"], "unit": "images/s"},
           baseline={"name": "bare forward", "value": bare["images_per_s"], "unit": "images/s"},
           target=">= 0.90 of the bare forward", met=pipe["median_paired_ratio"] >= 0.90,
           details={"rows": res["rows"], "model_id": res["model_id"], "device": res["device"]})
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
