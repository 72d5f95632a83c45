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
from street2shop.demo.site import build_shop, serve
from street2shop.core.lock import LOCK_PATH, StoreLock, StoreLocked
from street2shop.core.store import Store

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_excludes_and_dead_holders_are_taken_over(tmp_path):
    store = Store(tmp_path)
    with StoreLock(store) as lock:
        assert not lock.previous_run_died
        with pytest.raises(StoreLocked, match="in use by another run"):
            StoreLock(store).acquire()
    assert not store.exists(LOCK_PATH), "released on exit"
    # A run killed with SIGKILL leaves its lock file behind; the kernel dropped its lock.
    holder = {"host": os.uname().nodename, "pid": _dead_pid(), "started_at": "x", "refreshed": time.time()}
    store.write_bytes(LOCK_PATH, json.dumps(holder).encode())
    with StoreLock(store) as lock:
        assert lock.previous_run_died, "the file tells that the last run did not end cleanly"
        assert store.exists(LOCK_PATH) and lock.holder()["pid"] == os.getpid()


def test_lease_on_an_object_store(tmp_path):
    """Object stores have no locks: the lock is a lease there (fsspec's memory store plays one)."""
    store = Store(f"memory://leases-{os.getpid()}")
    holder = {"host": os.uname().nodename, "pid": _dead_pid(), "started_at": "x", "refreshed": time.time()}
    with StoreLock(store):
        with pytest.raises(StoreLocked, match="in use by another run"):
            StoreLock(store).acquire()
    assert not store.exists(LOCK_PATH)
    store.write_bytes(LOCK_PATH, json.dumps(holder).encode())  # this host, process gone: taken over
    with StoreLock(store) as lock:
        assert lock.previous_run_died
    # Another host's lease that nobody refreshed for too long is stale too; a fresh one is not.
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
        first = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "crawl", str(slow), "-q"],
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


def test_recrawl_is_conditional_and_records_exactly_what_changed(tmp_path):
    from decimal import Decimal

    from street2shop.demo.site import set_availability, set_price

    shop = build_shop(16)
    with serve(shop) as server:
        base = server.base_url
        manifest = write_manifest(tmp_path, base, recrawl_every="0s")  # due again at once
        first = cli("crawl", str(manifest), "-q")
        assert first.returncode == 0, first.stderr[-2000:]
        store = Store(tmp_path / "store")
        listings_before = store.read_table("listings").num_rows
        known = {r["url"] for r in store.read_table("pages", columns=["url"]).to_pylist()}

        server.request_log.clear()
        second = cli("crawl", str(manifest), "--due", "-q")
        assert second.returncode == 0, second.stderr[-2000:]
        log = server.request_log.snapshot()
        # Every page seen before is asked for conditionally, and nothing new is written.
        page_requests = [r for r in log if base + r.path in known]
        assert page_requests and all(r.if_none_match or r.if_modified_since for r in page_requests)
        # ...and answered 304, except an old URL that redirects: the shop answers its 301
        # whatever the request says (which of the old and new URL a crawl reaches first,
        # and so keeps the state of, depends on timing).
        moved = {r.path for r in page_requests if r.status == 301}
        assert moved <= set(shop.redirects), moved
        assert {r.status for r in page_requests if r.path not in moved} == {304}
        assert not [r for r in log if r.path.startswith("/img/")], "unchanged listings fetch no image"
        assert store.read_table("listings").num_rows == listings_before

        product, sold_out = shop.products[0], shop.products[1]
        set_price(shop, product, "9.99")
        set_availability(shop, sold_out, "OutOfStock")
        third = cli("crawl", str(manifest), "--due", "-q")
        assert third.returncode == 0, third.stderr[-2000:]
    rows = store.read_table("listings").to_pylist()
    first_run = rows[0]["run_id"]
    assert all(r["run_id"] == first_run for r in rows[:listings_before])
    new_rows = [r for r in rows if r["run_id"] != first_run]
    assert sorted(r["final_url"].removeprefix(base) for r in new_rows) == sorted([product.path, sold_out.path])
    by_path = {r["final_url"].removeprefix(base): r for r in new_rows}
    assert Decimal(by_path[product.path]["price"]) == Decimal("9.99")
    assert by_path[sold_out.path]["availability"] == "OutOfStock"
    assert {r["change"] for r in new_rows} == {"changed"}
    # history: the old observation of the product is still there, beside the new one
    history = sorted((r["fetched_at"], r["price"]) for r in rows if r["final_url"].endswith(product.path))
    assert len(history) == 2 and history[-1][1] == "9.99" and history[0][1] != "9.99"
    outcomes = {}
    for r in store.read_table("pages").to_pylist():
        outcomes.setdefault(r["run_id"], {}).setdefault(r["outcome"], 0)
        outcomes[r["run_id"]][r["outcome"]] += 1
    last_run = max(outcomes)
    assert outcomes[last_run].get("changed", 0) >= 2 and outcomes[last_run].get("not_modified", 0) > 0
