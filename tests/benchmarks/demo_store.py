"""What the matching benchmarks share: the CLI run as a user runs it, and a store holding the
demo's crawl of the fixture shop and blog with a catalog built from it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def run_cli(*args: str, timed: bool = False) -> tuple[subprocess.CompletedProcess, float]:
    """`street2shop ARGS` in its own process (stops the benchmark when it fails), and its peak
    resident memory in MiB when `timed` (read from /usr/bin/time; else 0)."""
    prefix = ["/usr/bin/time", "-v"] if timed else []
    out = subprocess.run([*prefix, sys.executable, "-m", "street2shop.cli", *args], capture_output=True, text=True,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{out.stderr[-3000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr) if timed else None
    return out, int(peak.group(1)) / 1024 if peak else 0.0


def crawl_and_catalog(root: Path, before_build: Callable[[Path], None] | None = None) -> str:
    """Crawl the demo's fixture sites into `root`, then (after `before_build(root)`, which may add
    listings) build a catalog with the offline default encoder; returns the build's summary line."""
    run_cli("demo", "--store", str(root), "--crawl-only")
    if before_build is not None:
        before_build(root)
    manifest = root / "bench-manifest.yaml"
    manifest.write_text(f"store: {root}\ncatalog: {{encoder: default-offline, image_size: 224}}\n")
    return run_cli("catalog", "build", str(manifest))[0].stdout.strip()
