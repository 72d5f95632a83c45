"""Shared helpers for the tests on the fixture sites: a manifest for the fixture shop, the
`street2shop` CLI run as a real subprocess (as a user or cron runs it), and plain HTTP fetches."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from street2shop.core.store import Store


def write_manifest(tmp_path: Path, base: str, *, sources: list[dict] | None = None, **source_overrides) -> Path:
    source = {
        "name": "fixture-shop",
        "kind": "shop",
        "sitemaps": [f"{base}/sitemap.xml"],
        "listings": [f"{base}/"],
        "allow_private_addresses": True,
        "politeness": {"delay": 0, "concurrency_per_domain": 8, "autothrottle_target": 8},
    }
    source.update(source_overrides)
    path = tmp_path / "manifest.yaml"
    path.write_text(yaml.safe_dump({"store": str(tmp_path / "store"), "sources": sources or [source]}))
    return path


def cli(*args: str, env: dict | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "street2shop.cli", *args],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})},
    )


# Runs a command and writes its peak resident memory (KiB, from wait4) to argv[1]. Started from a
# small process of its own: Linux starts a new program's peak at the peak of the process that
# started it, which for the test process would be the test's own memory.
_MEASURE = """import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def cli_measured(workdir: Path, *args: str, timeout: float = 240) -> tuple[subprocess.CompletedProcess, int]:
    """`cli`, and the peak resident memory of the CLI process in bytes."""
    peak = workdir / "peak-kib"
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(peak), sys.executable, "-m",
                             "street2shop.cli", *args], capture_output=True, text=True, timeout=timeout)
    return result, int(peak.read_text()) * 1024


def listings_by_path(store_dir: Path, base: str) -> dict[str, list[dict]]:
    """Listing rows keyed by the final URL's path on the fixture shop."""
    out: dict[str, list[dict]] = {}
    for row in Store(store_dir).read_table("listings").to_pylist():
        out.setdefault(row["final_url"].removeprefix(base).split("?")[0], []).append(row)
    return out


def crawl_and_kill(manifest: Path, store: Store, table: str, rows: int, *, flush_items: int) -> int:
    """Start `street2shop crawl`, SIGKILL it once `table` has at least `rows` rows (parts are
    flushed every `flush_items` items), and return how many rows the killed run left."""
    env = {**os.environ, "STREET2SHOP_FLUSH_ITEMS": str(flush_items)}
    proc = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and store.read_table(table, columns=["url"]).num_rows < rows:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return store.read_table(table, columns=["url"]).num_rows


UA = "street2shop-tests/1.0 (+https://example.invalid/bot)"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Resp:
    def __init__(self, status: int, headers, body: bytes, url: str) -> None:  # noqa: ANN001
        self.status, self.headers, self.body, self.url = status, headers, body, url

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET", *, follow: bool = False) -> Resp:
    """One request with urllib; redirects are returned as they are unless `follow`."""
    req = urllib.request.Request(url, headers={"User-Agent": UA, **(headers or {})}, method=method)
    opener = urllib.request.build_opener() if follow else _OPENER
    try:
        with opener.open(req, timeout=10) as r:
            return Resp(r.status, r.headers, r.read(), r.url)
    except urllib.error.HTTPError as e:
        return Resp(e.code, e.headers, e.read(), e.url)
