"""Run one benchmark command and append its markdown output to docs/benchmarks.md with the
date, the command and the machine.

    python tests/benchmarks/append.py "Encoder throughput" -- python tests/benchmarks/bench_encoder.py
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.machine())
    mem = next((int(line.split()[1]) / 2**20 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.1f} GiB RAM, Python {platform.python_version()}; "
            f"load average before the run {os.getloadavg()[0]:.2f}")


def main() -> int:
    if "--" not in sys.argv or sys.argv.index("--") != 2:
        print(__doc__)
        return 2
    title, command = sys.argv[1], sys.argv[3:]
    print(f"running: {' '.join(command)}", flush=True)
    started = datetime.now(timezone.utc)
    out = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(out.stdout)
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-3000:])
        return out.returncode
    shown = " ".join(c if c != sys.executable else "python" for c in command)
    with DOC.open("a") as fh:
        fh.write(f"\n## {started:%Y-%m-%d %H:%M} UTC: {title}\n\n- Command: `{shown}`\n- Machine: {machine()}\n\n"
                 f"{out.stdout.strip()}\n")
    print(f"appended to {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
