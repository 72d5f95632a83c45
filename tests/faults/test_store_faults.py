"""The store under faults: kills in the middle of a commit, racing lock takeovers, damaged
parts, paths from data that point outside the store, a store that cannot be written.

Kills are real: a child process runs the real code and is stopped with SIGKILL at a chosen
point (after its k-th rename, found by wrapping `os.replace` in the child only)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from street2shop.core.lock import LOCK_PATH
from street2shop.core.store import Store, StoreError

from crawl_helpers import cli

# A child that writes one flush of the crawl's writer (20 listings, each with its page state
# and an image), and kills itself with SIGKILL right after its `KILL_AFTER`-th rename.
_WRITER_CHILD = textwrap.dedent("""
    import os, signal, sys
    from datetime import datetime, timezone
    from scrapy.utils.test import get_crawler
    from street2shop.crawler.items import ListingItem
    from street2shop.crawler.item_pipelines import ParquetWriterPipeline
    from street2shop.crawler.revisit import PageState

    kill_after = int(sys.argv[2])
    renames = 0
    real_replace = os.replace

    def replace(src, dst):
        global renames
        real_replace(src, dst)
        renames += 1
        if renames == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace
    crawler = get_crawler(settings_dict={"STREET2SHOP_STORE": sys.argv[1], "STREET2SHOP_SOURCE": "shop",
                                         "STREET2SHOP_RUN_ID": "run-1", "STREET2SHOP_JOB_ID": "job-1",
                                         "STREET2SHOP_FLUSH_ITEMS": 1000})
    crawler.stats.open_spider()
    writer = ParquetWriterPipeline.from_crawler(crawler)
    writer.open_spider()
    now = datetime.now(timezone.utc)
    for n in range(20):
        url = f"http://shop.test/p/{n}"
        item = ListingItem(source="shop", url=url, final_url=url, fetched_at=now, http_status=200, rendered=False,
                           record={"name": f"Dress {n}", "price": "10.00", "currency": "EUR", "images": []},
                           change="new", page=PageState("shop", url, "product", "new", 200))
        writer.process_item(item)
    writer.close_spider()
    print("DONE")
""")


def _recover(store_dir: Path) -> Store:
    """What the next run does first, under the store's lock."""
    store = Store(store_dir)
    store.recover(thorough=True)
    return store


@pytest.mark.parametrize("kill_after", [1, 2, 3])
def test_a_flush_lands_whole_or_not_at_all(tmp_path, kill_after):
    """Listings and their page states are one commit: killed after any rename of it, the
    store holds both or neither once recovered (before, a kill between the listings part
    and the pages part left listings the next job fetched and wrote again as new)."""
    store_dir = tmp_path / "store"
    child = subprocess.run([sys.executable, "-c", _WRITER_CHILD, str(store_dir), str(kill_after)],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]  # (3 renames: journal, 2 parts)
    store = _recover(store_dir)
    listings = set(store.read_table("listings").column("url").to_pylist())
    pages = set(store.read_table("pages").column("url").to_pylist())
    assert listings == pages, "a listing without its page state, or the other way round"
    assert listings in (set(), {f"http://shop.test/p/{n}" for n in range(20)})
    leftovers = [p for p in store_dir.rglob("*") if p.name.startswith((".tmp-", ".stage-"))]
    assert leftovers == [], leftovers
    assert not list((store_dir / "state" / "journal").glob("*.json"))


def test_a_commit_killed_before_its_journal_leaves_nothing(tmp_path):
    """Killed while the parts are still staged (before any rename): no part, no leftovers."""
    store_dir = tmp_path / "store"
    # The journal's own write is the first rename; kill there, before the parts move.
    child = subprocess.run([sys.executable, "-c", _WRITER_CHILD.replace("real_replace(src, dst)\n", 
                            "if dst.endswith('.json'): os.kill(os.getpid(), signal.SIGKILL)\n    real_replace(src, dst)\n", 1),
                            str(store_dir), "99"], capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    staged = [p for p in store_dir.rglob(".stage-*")]
    assert staged, "the parts were staged when it was killed"
    store = _recover(store_dir)
    assert store.read_table("listings").num_rows == 0 and store.read_table("pages").num_rows == 0
    assert [p for p in store_dir.rglob("*") if p.name.startswith((".tmp-", ".stage-"))] == []


_LOCK_CHILD = textwrap.dedent("""
    import os, sys, time
    from street2shop.core.lock import StoreLock, StoreLocked
    from street2shop.core.store import Store
    time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
    try:
        with StoreLock(Store(sys.argv[1])):
            print("WON", flush=True)
            while not os.path.exists(sys.argv[3]):  # held until the test has seen the others lose
                time.sleep(0.01)
    except StoreLocked:
        print("LOST")
        sys.exit(75)
""")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.slow  # 60 processes
def test_racing_takeovers_of_a_dead_runs_lock_have_one_winner(tmp_path):
    """Four runs start at the same instant on a store whose lock a killed run left behind,
    fifteen times over: each time exactly one holds the store, the others exit 75 and say so
    (before, two took over the same stale lock, and losers crashed with a traceback)."""
    store = Store(tmp_path / "store")
    for trial in range(15):
        store.write_bytes(LOCK_PATH, json.dumps({"host": os.uname().nodename, "pid": _dead_pid(),
                                                 "started_at": "x", "refreshed": time.time()}).encode())
        release = tmp_path / f"release-{trial}"
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", _LOCK_CHILD, str(tmp_path / "store"), str(start), str(release)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        deadline = time.monotonic() + 60
        while sum(p.poll() is not None for p in procs) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        release.touch()
        results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
        won = [r for r in results if r[0] == 0]
        assert len(won) == 1, (trial, results)
        assert all(code == 75 and out.strip() == "LOST" and not err for code, out, err in results if code != 0), results


def test_a_second_crawl_is_refused_with_one_line_and_exit_75(tmp_path):
    store = Store(tmp_path / "store")
    holder = subprocess.Popen([sys.executable, "-c", _LOCK_CHILD, str(tmp_path / "store"), "0",
                               str(tmp_path / "never")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "WON"
        manifest = tmp_path / "m.yaml"
        manifest.write_text(f"store: {tmp_path / 'store'}\nsources:\n  - name: s\n    kind: shop\n"
                            "    products: [http://127.0.0.1:9/p]\n")
        result = cli("crawl", str(manifest), "-q")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 75
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is in use by another run" in lines[0], result.stderr
    assert store.exists(LOCK_PATH)


@pytest.mark.parametrize("damage", ["truncated", "empty", "not_parquet"])
def test_a_damaged_part_is_named_and_can_be_quarantined(tmp_path, damage):
    store = Store(tmp_path / "store")
    rows = [{"source": "s", "url": f"http://shop.test/p/{n}", "kind": "product", "outcome": "new"} for n in range(5)]
    good = store.write_part("pages", rows, run_id="r1", seq=0)
    bad = store.write_part("pages", rows, run_id="r2", seq=0)
    data = Path(bad).read_bytes()
    if damage == "truncated":
        Path(bad).write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        Path(bad).write_bytes(b"")
    else:
        Path(bad).write_text("<html>oops</html>")
    with pytest.raises(StoreError, match=r"part-r2-main-00000\.parquet is damaged"):
        store.read_table("pages")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"store: {tmp_path / 'store'}\nsources:\n  - name: s\n    kind: shop\n"
                        "    products: [http://127.0.0.1:9/p]\n    allow_private_addresses: true\n")
    crawl = cli("crawl", str(manifest), "-q")
    assert crawl.returncode == 2 and len(crawl.stderr.strip().splitlines()) == 1, crawl.stderr
    assert "is damaged" in crawl.stderr and "store check" in crawl.stderr
    check = cli("store", "check", str(tmp_path / "store"))
    assert check.returncode == 1 and "part-r2-main-00000.parquet" in check.stdout
    fixed = cli("store", "check", str(tmp_path / "store"), "--quarantine")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert not Path(bad).exists() and list((tmp_path / "store" / "quarantine").rglob("*.parquet"))
    assert store.read_table("pages").num_rows == 5 and Path(good).exists()


def test_a_pointer_from_data_cannot_leave_the_store(tmp_path):
    store = Store(tmp_path / "store")
    for relpath in ("../../../etc/passwd", "/etc/passwd", "catalog/../../x", "a/..\\b"):
        with pytest.raises(StoreError, match="not a path inside the store"):
            store.read_bytes(relpath)


def test_a_store_that_is_a_file_or_read_only_is_one_clear_line(tmp_path):
    afile = tmp_path / "store"
    afile.write_text("not a folder")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"store: {afile}\nsources:\n  - name: s\n    kind: shop\n"
                        "    products: [http://127.0.0.1:9/p]\n    allow_private_addresses: true\n")
    result = cli("crawl", str(manifest), "-q")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"street2shop: error: store {afile} is a file, not a folder; give a folder (it is made when missing)"]
