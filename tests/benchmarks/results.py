"""Where the benchmarks put their results: one JSON line per run, appended to
docs/benchmark-runs.jsonl (the raw record), from which report.py writes docs/benchmarks.md.

A run's line: the benchmark's key, when, the commit (and whether the tree had changes), the
machine, the command, its headline figure beside the baseline it ran against, the target,
whether it was met, and the details the benchmark printed.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "benchmark-runs.jsonl"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.machine())
    mem = next((int(line.split()[1]) / 2**20 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def record(benchmark: str, *, figure: dict, baseline: dict | None, target: str, met: bool | None,
           details: dict | None = None) -> dict:
    """Append one run. `figure` and `baseline`: {"name", "value", "unit"} (the baseline ran in
    the same run, side by side); `met`: None where the benchmark has no pass/fail target."""
    script = os.path.relpath(os.path.abspath(sys.argv[0]), ROOT)  # as run from the checkout's root
    command = " ".join(["python", script, *(a if not a.startswith(str(ROOT)) else os.path.relpath(a, ROOT)
                                            for a in sys.argv[1:])])
    line = {"benchmark": benchmark, "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "commit": _git("rev-parse", "--short", "HEAD"),
            "changed": bool(_git("status", "--porcelain", "--", ".", f":!{DATA.relative_to(ROOT)}")),
            "machine": machine(), "load": round(os.getloadavg()[0], 2), "command": command,
            "figure": figure, "baseline": baseline, "target": target, "met": met, "details": details or {}}
    with DATA.open("a") as fh:
        fh.write(json.dumps(line) + "\n")
    print(f"recorded in {os.path.relpath(DATA, ROOT)}", file=sys.stderr)
    return line
