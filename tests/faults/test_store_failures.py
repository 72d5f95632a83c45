"""A store that fails under a crawl: the disk fills up, the images folder turns read-only.

Each case runs real crawls of the fixture shop in a private mount namespace (so the small
tmpfs or read-only mount it makes never outlives it): the crawl must stop at once with one
clear error and exit 74, leave its job unfinished, and a crawl run after the fault is fixed
must end with exactly the rows of a clean crawl: nothing lost, nothing twice."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from crawl_helpers import listings_by_path, write_manifest
from street2shop.demo.site import build_shop, serve
from street2shop.core.store import Store

from .isolated import unshare

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


def _in_mount_namespace(script: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*unshare("mount"), "bash", "-euc", script], capture_output=True, text=True, timeout=timeout)


def _crawl_twice(tmp_path: Path, shop, fault: str, fix: str) -> dict:
    """Crawl with the fault in place, fix it, crawl again; the store is copied out after each."""
    with serve(shop) as server:
        manifest = write_manifest(tmp_path, server.base_url)
        store = tmp_path / "store"
        store.mkdir()
        crawl = f"{os.sys.executable} -m street2shop.cli crawl {manifest} -q"
        script = f"""
            {fault}
            set +e
            {crawl} > {tmp_path}/out1 2> {tmp_path}/err1; echo $? > {tmp_path}/rc1
            cp -a {store} {tmp_path}/after-fault
            set -e
            {fix}
            set +e
            {crawl} > {tmp_path}/out2 2> {tmp_path}/err2; echo $? > {tmp_path}/rc2
            cp -a {store} {tmp_path}/after-fix
        """
        marker = len(server.request_log)
        proc = _in_mount_namespace(script)
        assert proc.returncode == 0, proc.stderr[-3000:]
        paths = [r.path for r in server.request_log.snapshot()[marker:]]
    read = lambda name: (tmp_path / name).read_text()  # noqa: E731
    return {"rc1": int(read("rc1")), "rc2": int(read("rc2")), "err1": read("err1"), "err2": read("err2"),
            "out1": read("out1"), "requests": paths, "base": server.base_url}


def _assert_complete(store_dir: Path, shop, base: str) -> None:
    """Exactly the rows of a clean crawl: every reachable product once, every kept image on disk."""
    rows = listings_by_path(store_dir, base)
    assert set(rows) == {p.path for p in shop.expected_products(javascript=False)}
    assert all(len(v) == 1 for v in rows.values()), "a listing written twice"
    store = Store(store_dir)
    images = {r["sha256"]: r for r in store.read_table("images").to_pylist()}
    kept = {i["sha256"] for [row] in rows.values() for i in row["images"] if i["status"] == "ok"}
    assert kept and kept == set(images), "an image row missing, or one no listing keeps"
    for sha, row in images.items():
        assert hashlib.sha256(store.read_bytes(row["path"])).hexdigest() == sha
    for [row] in rows.values():
        product = shop.by_path[row["final_url"].removeprefix(base).split("?")[0]]
        statuses = {i["url"].removeprefix(base): i["status"] for i in row["images"]}
        assert all(statuses[p] != "ok" or product.image_expectations[p] == "ok" for p in product.images)
        assert all(statuses[p] == "ok" for p in product.images if product.image_expectations[p] == "ok"), statuses
    assert store.read_json("state/fixture-shop/job.json")["status"] == "finished"


@pytest.fixture(scope="module")
def shop():
    return build_shop(48)


def test_a_full_disk_stops_the_crawl_at_once_and_nothing_is_lost(tmp_path, shop):
    """The store's disk fills up mid-crawl (a 1 MB tmpfs): one error line, exit 74, the crawl
    stops fetching, the job stays unfinished; with space freed, the next crawl completes it
    (before: 1,039 lines, 1,222 more pages fetched, the job marked finished, images lost)."""
    store = tmp_path / "store"
    result = _crawl_twice(tmp_path, shop, fault=f"mount -t tmpfs -o size=1m tmpfs {store}",
                          fix=f"mount -o remount,size=256m {store}")
    assert result["rc1"] == 74, result["err1"][-3000:]
    lines = result["err1"].strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0] and "resumes" in lines[0], result["err1"]
    assert "Traceback" not in result["err1"]
    assert Store(tmp_path / "after-fault").read_json("state/fixture-shop/job.json")["status"] == "running"
    assert result["rc2"] == 0, result["err2"][-3000:]
    first_run = result["requests"][: len(result["requests"]) // 2]
    assert len(first_run) < 300, "the crawl went on fetching after the disk was full"
    _assert_complete(tmp_path / "after-fix", shop, result["base"])


def test_a_read_only_images_folder_stops_the_crawl_and_nothing_is_lost(tmp_path, shop):
    """The images folder cannot be written: a local failure, not a bad image. Before, it was
    counted like a network error, the job finished with exit 0, and the next crawl never
    fetched those images again (872 lost in one trial)."""
    images = tmp_path / "store" / "images"
    result = _crawl_twice(tmp_path, shop,
                          fault=f"mkdir -p {images} && mount --bind {images} {images} && mount -o remount,bind,ro {images}",
                          fix=f"umount {images}")
    assert result["rc1"] == 74, result["err1"][-3000:]
    lines = result["err1"].strip().splitlines()
    assert len(lines) == 1 and "Read-only file system" in lines[0], result["err1"]
    after = Store(tmp_path / "after-fault")
    assert after.read_json("state/fixture-shop/job.json")["status"] == "running"
    bad = [i for r in after.read_table("listings").to_pylist() for i in r["images"] if i["status"] not in
           ("ok", "noai", "broken", "not_image", "bomb", "http_404")]
    assert bad == [], "a local write failure recorded as the image's status"
    assert result["rc2"] == 0, result["err2"][-3000:]
    _assert_complete(tmp_path / "after-fix", shop, result["base"])


def test_a_read_only_store_is_one_line_before_anything_is_fetched(tmp_path, shop):
    store = tmp_path / "store"
    (store / "state").mkdir(parents=True)
    with serve(shop) as server:
        manifest = write_manifest(tmp_path, server.base_url)
        proc = _in_mount_namespace(f"""
            mount --bind {store} {store} && mount -o remount,bind,ro {store}
            set +e
            {os.sys.executable} -m street2shop.cli crawl {manifest} -q > {tmp_path}/out 2> {tmp_path}/err
            echo $? > {tmp_path}/rc
        """)
        assert proc.returncode == 0, proc.stderr
        requests = len(server.request_log)
    assert int((tmp_path / "rc").read_text()) == 74
    lines = (tmp_path / "err").read_text().strip().splitlines()
    assert len(lines) == 1 and "cannot be written (Read-only file system)" in lines[0], lines
    assert requests == 0, "pages were fetched for a store that cannot keep them"
