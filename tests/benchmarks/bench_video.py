"""Video matching, end to end on the CPU: how long an hour of 720p episode takes to match,
sampled at one frame a second with near-identical frames skipped, against a 20,000-item catalog.

    python tests/benchmarks/bench_video.py [--minutes 3] [--padding 20000]

The catalog is the demo's crawl of the fixture shop and blog (46 real listings) plus
`--padding` generated listings (one packshot-like JPEG each), embedded with the offline
default encoder: a real 20,000-item catalog, so search costs what it would. The video is made
from the blog's street scenes at 1280x720, 25 frames/s, each shot 3-12 s long with a slow
zoom (no two frames alike). The default detector is trained (and cached) before the clock
starts. Target (the issue): an hour in under 30 minutes on this 2-core machine; the paper's
target was 33 ms a frame on a GPU.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench_catalog_memory import make_store
from demo_store import crawl_and_catalog, run_cli
from results import record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=3.0, help="length of the generated episode")
    ap.add_argument("--padding", type=int, default=20000, help="generated listings added to the catalog")
    args = ap.parse_args()
    from street2shop.core.store import Store
    from street2shop.demo.clip import make_clip
    from street2shop.demo.site import build_blog, build_shop
    from street2shop.demo.site.blog_images import render_scene

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        t = time.monotonic()
        # the generated listings are written as the crawler writes them
        built = crawl_and_catalog(root, lambda store: make_store(store, args.padding))
        print(f"catalog: {built} ({time.monotonic() - t:.0f} s with the crawl)", flush=True)
        items = Store(root).read_json(f"catalog/versions/{Store(root).read_json('catalog/CURRENT')['version']}"
                                      "/version.json")["items"]

        blog = build_blog(build_shop(48))
        scenes = [render_scene(blog, post, k)[0] for post in blog.posts for k in range(len(post.street_images))]
        rng = random.Random(0)
        shots, durations, total = [], [], 0.0
        while total < args.minutes * 60:
            shots.append(rng.choice(scenes))
            durations.append(min(rng.uniform(3, 12), args.minutes * 60 - total))
            total += durations[-1]
        video = make_clip(Path(tmp) / "episode.mp4", shots, seconds_each=durations, fps=25, size=(1280, 720),
                          zoom=0.04)
        warm = make_clip(Path(tmp) / "warm.mp4", shots[:1], seconds_each=1.0, fps=25, size=(1280, 720))
        run_cli("match", str(root), str(warm), "-o", str(Path(tmp) / "warm"), "-q", "--no-report")  # trains the detector

        runs = {}
        for name, flag in (("skipping near-identical frames", "--skip-similar"), ("every sampled frame",
                                                                                 "--no-skip-similar")):
            out = Path(tmp) / name.replace(" ", "-")
            t = time.monotonic()
            run_cli("match", str(root), str(video), "-o", str(out), "-q", "--no-report", flag)
            wall = time.monotonic() - t
            timings = json.loads((out / "timings.json").read_text())
            row = json.loads((out / "inputs.jsonl").read_text().splitlines()[0])
            # the run's own time scales with the video; loading the models is paid once a run
            per_hour = (timings["seconds"] * 3600 / total + (wall - timings["seconds"])) / 60
            runs[name] = {"per_hour_min": round(per_hour, 1), "wall_s": round(wall, 1), "run_s": timings["seconds"],
                          "frames_sampled": timings["frames_sampled"], "frames_skipped": timings["frames_skipped"],
                          "garments": row["garments"], "timeline_entries": row["timeline_entries"],
                          "stages_s": timings["stages"], "stage_share": timings["share"]}
            matched = max(1, timings["frames_sampled"] - timings["frames_skipped"])
            print(f"{name}: {total / 60:.1f} min of 720p video, {timings['frames_sampled']} frames sampled, "
                  f"{timings['frames_skipped']} skipped, {row['garments']} garments; run {timings['seconds']:.1f} s "
                  f"+ {wall - timings['seconds']:.1f} s loading ({1000 * timings['seconds'] / matched:.0f} ms a "
                  f"matched frame); stages " + ", ".join(f"{k} {v:.1f} s ({timings['share'][k]:.0%})"
                                                         for k, v in timings["stages"].items())
                  + f"; an hour: {per_hour:.1f} min", flush=True)
    best, every_frame = runs["skipping near-identical frames"], runs["every sampled frame"]
    print(f"an hour of episode against {items:,} catalog items: {best['per_hour_min']} min (every sampled frame: "
          f"{every_frame['per_hour_min']} min); target < 30 min; the paper's GPU target, 33 ms a frame, is "
          f"{3600 * 0.033 / 60:.1f} min")
    record("video", figure={"name": f"skipping near-identical frames, {items:,}-item catalog", "unit":
                            "min per hour of 720p", "value": best["per_hour_min"]},
           baseline={"name": "every sampled frame", "value": every_frame["per_hour_min"],
                     "unit": "min per hour of 720p"},
           target="< 30 min per hour, 1 frame/s (paper: 33 ms a frame on a GPU)", met=best["per_hour_min"] < 30,
           details={"video_seconds": round(total, 1), "catalog_items": items, "runs": runs})

if __name__ == "__main__":
    main()
