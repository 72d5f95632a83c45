"""Scheduled crawls: one run per store at a time, --due, and taking over a dead run's lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from crawl_helpers import cli, write_manifest
from street2shop.crawler.demo_site import build_shop, serve
from street2shop.pipeline.lock import LOCK_PATH, StoreLock, StoreLocked
from street2shop.pipeline.store import Store


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_excludes_and_dead_holders_are_taken_over(tmp_path):
    store = Store(tmp_path)
    with StoreLock(store):
        with pytest.raises(StoreLocked, match="in use by another run"):
            StoreLock(store).acquire()
    assert not store.exists(LOCK_PATH), "released on exit"
    # A run killed with SIGKILL leaves its lock behind; its pid is gone, so it is stale.
    holder = {"host": os.uname().nodename, "pid": _dead_pid(), "started_at": "x", "refreshed": time.time()}
    store.write_bytes(LOCK_PATH, json.dumps(holder).encode())
    with StoreLock(store) as lock:
        assert store.exists(LOCK_PATH) and lock.holder()["pid"] == os.getpid()
    # Another host's lock that nobody refreshed for too long is stale too.
    store.write_bytes(LOCK_PATH, json.dumps({**holder, "host": "elsewhere", "refreshed": time.time() - 3600}).encode())
    with StoreLock(store, stale_after=600):
        pass
    store.write_bytes(LOCK_PATH, json.dumps({**holder, "host": "elsewhere", "refreshed": time.time()}).encode())
    with pytest.raises(StoreLocked):
        StoreLock(store, stale_after=600).acquire()


def test_overlapping_runs_refused_then_due_runs_nothing(tmp_path):
    shop = build_shop(16)
    with serve(shop) as server:
        slow = write_manifest(tmp_path, server.base_url,
                              politeness={"delay": 0.3, "concurrency_per_domain": 1, "autothrottle": False})
        first = subprocess.Popen([sys.executable, "-m", "street2shop.pipeline.cli", "crawl", str(slow), "-q"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lock = tmp_path / "store" / LOCK_PATH
        deadline = time.monotonic() + 60
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = cli("crawl", str(slow), "-q")
        assert second.returncode == 75, second.stderr
        assert "is in use by another run" in second.stderr and len(second.stderr.strip().splitlines()) == 1
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert lock.exists(), "a killed run leaves its lock"

        fast = write_manifest(tmp_path, server.base_url)  # same store, recrawl_every: 1d (the default)
        third = cli("crawl", str(fast), "-q")  # takes over the dead run's lock, resumes its job
        assert third.returncode == 0, third.stderr[-2000:]
        assert not lock.exists()
        served = len(server.request_log)
        due = cli("crawl", str(fast), "--due", "-q")
        assert due.returncode == 0, due.stderr
        assert "nothing is due" in due.stdout
        assert len(server.request_log) == served, "a run that is not due sends no request"
