"""A crawl killed at any point, then resumed, ends with exactly the rows of a clean crawl.

The fixture shop and blog are crawled once cleanly, and once more into another store by a
run that is killed (SIGKILL) again and again, at many points, each kill followed by a
resume, until a run finishes. Commits are small (a few items) so that kills land between
them, in them and around the images downloads; faults/test_store_faults.py kills inside a
commit at every rename."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from crawl_helpers import cli, write_manifest
from street2shop.demo.site import build_blog, build_shop, serve
from street2shop.core.store import Store

#: Columns that say when or by which run a row was written, or which of two equal ways a
#: page was first reached (an old URL that redirects, or its new one): they differ between
#: any two crawls, clean or not.
VOLATILE = {
    "listings": {"run_id", "job_id", "fetched_at", "url"},
    "posts": {"run_id", "job_id", "fetched_at", "url"},
    "post_items": {"run_id"},
    "post_images": {"run_id"},
    "images": {"run_id", "fetched_at", "first_url", "source"},  # the first source to meet it
    "pages": {"run_id", "job_id", "fetched_at"},
}

#: Seconds after the start of a run at which it is killed: during start-up, during the
#: first fetches, and further on, when commits have landed.
KILL_AFTER = (1.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.5, 9.0)


def _rows(store_dir: Path, legacy: set[str]) -> dict[str, Counter]:
    """Each table as a multiset of rows without their volatile columns. The pages rows of old
    URLs that redirect exist only when a crawl reached the old URL first: left out."""
    store = Store(store_dir)
    out = {}
    for table, volatile in VOLATILE.items():
        rows = store.read_table(table).to_pylist()
        if table == "pages":
            rows = [r for r in rows if r["url"] not in legacy]
        out[table] = Counter(repr(sorted((k, v) for k, v in r.items() if k not in volatile)) for r in rows)
    return out


def _manifest(tmp_path: Path, base: str) -> Path:
    polite = {"delay": 0.02, "concurrency_per_domain": 2, "autothrottle": False}
    return write_manifest(tmp_path, base, sources=[
        {"name": "shop", "kind": "shop", "sitemaps": [f"{base}/sitemap.xml"], "listings": [f"{base}/"],
         "allow_private_addresses": True, "politeness": polite},
        {"name": "blog", "kind": "blog", "feeds": [f"{base}/blog/feed.xml"], "listings": [f"{base}/blog/"],
         "allow_private_addresses": True, "politeness": polite},
    ])


@pytest.mark.slow
def test_killed_again_and_again_then_resumed_gives_the_rows_of_a_clean_crawl(tmp_path):
    shop = build_shop(48)
    blog = build_blog(shop)
    env = {"STREET2SHOP_FLUSH_ITEMS": "2"}
    legacy_urls: set[str] = set()
    with serve(shop, blog=blog) as server:
        legacy_urls = {server.base_url + p.legacy_path for p in shop.products if p.legacy_path}
        clean_dir = tmp_path / "clean"
        clean_dir.mkdir()
        clean = cli("crawl", str(_manifest(clean_dir, server.base_url)), "-q", env=env)
        assert clean.returncode == 0, clean.stderr[-3000:]

        killed_dir = tmp_path / "killed"
        killed_dir.mkdir()
        manifest = _manifest(killed_dir, server.base_url)
        store = Store(killed_dir / "store")
        kills = 0
        for delay in KILL_AFTER:
            server.reset_rate_limits()
            # --due, as cron runs it: a source whose job finished is not started again
            proc = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q", "--due"],
                                    env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            jobs = {s: store.read_json(f"state/{s}/job.json") for s in ("shop", "blog")}
            if all(j and j["status"] == "finished" for j in jobs.values()):
                break
        else:
            server.reset_rate_limits()
            last = cli("crawl", str(manifest), "-q", "--due", env=env)  # the resume that finishes
            assert last.returncode == 0, last.stderr[-3000:]
        assert kills >= 5, f"only {kills} runs were killed before the crawl finished"

    clean_rows, killed_rows = _rows(clean_dir / "store", legacy_urls), _rows(killed_dir / "store", legacy_urls)
    for table in VOLATILE:
        missing = clean_rows[table] - killed_rows[table]
        extra = killed_rows[table] - clean_rows[table]
        assert not missing and not extra, f"{table}: {sum(missing.values())} rows missing, {sum(extra.values())} extra"
    assert len({(r["source"], r["job_id"]) for r in store.read_table("listings").to_pylist()}) == 2, \
        "one job per source"
    leftovers = [p for p in (killed_dir / "store").rglob("*") if p.name.startswith((".tmp-", ".stage-"))]
    assert leftovers == []
