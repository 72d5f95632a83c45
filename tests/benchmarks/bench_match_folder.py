"""Matching memory: `street2shop match` over a folder streams, so its peak memory should not
grow with the number of photos (target: < +15% from 100 to 1,000 photos).

    python tests/benchmarks/bench_match_folder.py [--sizes 100 1000]

The store is the demo's crawl of the fixture shop and blog and its catalog; the photos are the
blog's street scenes (JPEG, 480x314), repeated with a small shift each so that none is a copy.
The default detector is trained (and cached) before the measured runs. Each run is its own
process; its peak resident memory is read from /usr/bin/time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from demo_store import crawl_and_catalog, run_cli
from results import record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    args = ap.parse_args()
    from PIL import ImageChops

    from street2shop.demo.site import build_blog, build_shop
    from street2shop.demo.site.blog_images import render_scene

    blog = build_blog(build_shop(48))
    scenes = [render_scene(blog, post, k)[0] for post in blog.posts for k in range(len(post.street_images))]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        crawl_and_catalog(root)
        rows = []
        for n in args.sizes:
            folder = Path(tmp) / f"photos-{n}"
            folder.mkdir()
            for i in range(n):
                ImageChops.offset(scenes[i % len(scenes)], i // len(scenes), 0).save(folder / f"{i:05d}.jpg",
                                                                                 quality=85)
            if not rows:
                run_cli("match", str(root), str(folder / "00000.jpg"), "-o", str(Path(tmp) / "warm"), "-q")
            t = time.monotonic()
            out, peak = run_cli("match", str(root), str(folder), "-o", str(Path(tmp) / f"out-{n}"), "-q", timed=True)
            seconds = time.monotonic() - t
            rows.append((n, round(peak), round(seconds, 1)))
            print(f"{n} photos: peak {peak:.0f} MiB, {seconds:.0f} s ({n / seconds:.1f} photos/s); "
                  f"{out.stdout.strip().splitlines()[0]}", flush=True)
    growth = (rows[-1][1] - rows[0][1]) / rows[0][1]
    print(f"peak memory grows {growth:+.0%} from {rows[0][0]:,} to {rows[-1][0]:,} photos (target < +15%)")
    record("match_memory", figure={"name": f"{rows[-1][0]:,} photos", "value": rows[-1][1], "unit": "MiB peak"},
           baseline={"name": f"{rows[0][0]:,} photos", "value": rows[0][1], "unit": "MiB peak"},
           target="grows < +15%", met=growth < 0.15, details={"rows": rows, "growth": round(growth, 3)})


if __name__ == "__main__":
    main()
