"""Extraction worker processes (crawler/pageworkers.py): the same answers as in-process
analysis, and a crawl that loses its worker still writes every listing."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawl_helpers import fetch, listings_by_path, write_manifest
from street2shop.crawler.page_analysis import AnalyserConfig, PageAnalyser, PageAnalysis
from street2shop.demo.site import build_shop, serve
from street2shop.crawler.pageworkers import _frame, _read_frame
from street2shop.crawler.pageworkers import serve as serve_worker
from street2shop.core.store import Store

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


CONFIG = AnalyserConfig(allow=(), deny=(r"/brand/",), selectors={"color": ".swatch-name"})


@pytest.fixture(scope="module")
def shop():
    return build_shop(40)


def _categories(shop) -> list[str]:
    slugs = sorted({p.category_slug for p in shop.products}, key=lambda s: (-shop.category_page_count(s), s))
    return [f"/c/{s}" for s in slugs[:2]]


def _pages(shop, base: str) -> list[tuple[str, bytes, bytes]]:
    """(url, content type, body) for the home page, two category pages and every product page."""
    out = []
    for path in ["/", *_categories(shop), *(p.path for p in shop.expected_products(javascript=False))]:
        r = fetch(base + path)
        if r.status == 200:
            out.append((base + path, r.headers.get("Content-Type", "").encode(), r.body))
    return out


def test_worker_loop_answers_like_in_process_analysis(shop):
    with serve(shop) as server:
        pages = _pages(shop, server.base_url)
    categories = _categories(shop)
    assert len(pages) > 20
    pages.append((server.base_url + "/broken", b"text/html; charset=utf-8", b"\x00<html><body>\xff\xfe<p>"))

    stdin = io.BytesIO(_frame({"allow": list(CONFIG.allow), "deny": list(CONFIG.deny), "selectors": CONFIG.selectors})
                       + b"".join(_frame((url, 200, ctype, body)) for url, ctype, body in pages))
    stdout = io.BytesIO()
    assert serve_worker(stdin, stdout) == 0
    stdout.seek(0)
    answers = []
    while (frame := _read_frame(stdout)) is not None:
        answers.append(PageAnalysis(*frame))
    assert len(answers) == len(pages), "one answer per page, in order"

    local = PageAnalyser(CONFIG)
    for (url, ctype, body), got in zip(pages, answers):
        want = local.analyse(HtmlResponse(url=url, body=body, headers={"Content-Type": ctype}))
        assert got == want, url
    by_url = {url: a for (url, _, _), a in zip(pages, answers)}
    products = [a for a in answers if a.is_product]
    assert len(products) >= 20 and all(a.data["name"] and a.data["price"] for a in products)
    listings = [by_url[server.base_url + p] for p in ["/", *categories]]
    assert all(not a.is_product and a.others for a in listings), "listing pages come back with their links"
    assert any(a.pagination for a in listings), "next-page links are told apart"
    assert not any("/brand/" in u for a in listings for u in a.others), "the manifest's deny rules apply"
    assert by_url[server.base_url + "/broken"].others == []


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _worker_pid(crawl_pid: int) -> int | None:
    for child in _children(crawl_pid):
        try:
            if b"street2shop.crawler.pageworkers" in Path(f"/proc/{child}/cmdline").read_bytes():
                return child
        except OSError:
            continue
    return None


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the worker process")
def test_crawl_that_loses_its_worker_still_writes_every_listing(shop, tmp_path):
    with serve(shop) as server:
        # Slow enough that the worker is killed mid-crawl.
        manifest = write_manifest(tmp_path, server.base_url,
                                  politeness={"delay": 0.05, "concurrency_per_domain": 1, "autothrottle": False})
        env = {**os.environ, "STREET2SHOP_EXTRACT_PROCESSES": "1"}
        proc = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        store = Store(tmp_path / "store")
        worker = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            worker = worker or _worker_pid(proc.pid)
            if worker and len(server.request_log) >= 15:  # some pages analysed by it already
                os.kill(worker, signal.SIGKILL)
                break
            time.sleep(0.02)
        out, err = proc.communicate(timeout=240)
        assert worker is not None, "the crawl started an extraction worker"
        assert proc.returncode == 0, err[-3000:]
        assert "extraction worker 0 exited" in err

    rows = listings_by_path(tmp_path / "store", server.base_url)
    assert set(rows) == {p.path for p in shop.expected_products(javascript=False)}
    assert all(len(v) == 1 for v in rows.values())
    assert store.read_table("listings").num_rows == len(rows)


def test_crawls_with_and_without_workers_write_the_same_listings(shop, tmp_path):
    from crawl_helpers import cli

    # Not `url`: whether an old, redirecting URL or the new one is requested first is timing.
    fields = ("final_url", "name", "brand", "price", "currency", "availability", "sku", "image_urls",
              "breadcrumbs", "color", "offers")
    stores = {}
    with serve(shop) as server:
        for processes in ("0", "1"):
            work = tmp_path / f"p{processes}"
            work.mkdir()
            manifest = write_manifest(work, server.base_url)
            result = cli("crawl", str(manifest), "-q", env={"STREET2SHOP_EXTRACT_PROCESSES": processes})
            assert result.returncode == 0, result.stderr[-3000:]
            rows = Store(work / "store").read_table("listings").to_pylist()
            stores[processes] = sorted(({k: r[k] for k in fields} for r in rows), key=lambda r: r["final_url"])
    assert len(stores["0"]) == len(shop.expected_products(javascript=False))
    for a, b in zip(stores["0"], stores["1"]):
        assert a == b, {k: (a[k], b[k]) for k in fields if a[k] != b[k]}


def test_workers_over_asyncio_pipes_big_pages_and_close(shop):
    """The crawl-side half on a plain asyncio loop: answers in order, a page larger than the
    pipe's buffer (written as the pipe drains), and a close that lets the worker exit 0
    (collected afterwards without blocking the loop)."""
    import asyncio

    from street2shop.crawler.pageworkers import MAX_PENDING, ExtractionWorkers

    with serve(shop) as server:
        pages = _pages(shop, server.base_url)[3:3 + MAX_PENDING - 2]  # product pages
    url, ctype, body = pages[0]
    big = body.replace(b"</body>", b"<!--" + b"x" * (2 << 20) + b"--></body>")  # 2 MiB: > the 64 KiB pipe
    pages.append((url, ctype, big))

    async def run():
        workers = ExtractionWorkers(1, CONFIG)
        workers.spawn()
        workers.attach()
        answers = await asyncio.gather(*(workers.analyse(u, 200, c, b) for u, c, b in pages))
        workers.close()  # (spider_closed): no more pages, the worker exits on its own...
        assert not workers.workers[0].alive
        await workers.wait_closed()  # (engine_stopped): ...and is collected
        return answers, workers.workers[0]

    answers, worker = asyncio.run(run())
    local = PageAnalyser(CONFIG)
    want = [local.analyse(HtmlResponse(url=u, body=b, headers={"Content-Type": c})) for u, c, b in pages]
    assert answers == want
    assert answers[-1] == answers[0] and answers[0].is_product, "the big page is the first page plus a comment"
    assert worker.proc.returncode == 0 and not worker.alive
