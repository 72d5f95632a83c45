"""End to end: `street2shop crawl` over the fixture shop served on 127.0.0.1, checked
against what the shop really contains (its ground truth) and against its request log."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from crawl_helpers import cli, crawl_and_kill, listings_by_path, write_manifest
from street2shop.demo.site import build_shop, serve
from street2shop.core.store import Store

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


IMAGE_STATUS = {"ok": "ok", "noai": "noai", "broken": "broken", "not_image": "not_image",
                "bomb": "bomb", "missing": "http_404"}


@pytest.fixture(scope="module")
def shop():
    return build_shop(48)


@pytest.fixture(scope="module")
def crawled(shop, tmp_path_factory):
    """One full crawl of the fixture shop (sitemap + home page), shared by the checks below."""
    tmp = tmp_path_factory.mktemp("crawl")
    with serve(shop) as server:
        manifest = write_manifest(tmp, server.base_url)
        result = cli("crawl", str(manifest), "-q")
        log = server.request_log.snapshot()
    return {"result": result, "log": log, "store": tmp / "store", "base": server.base_url}


def test_crawl_exits_cleanly_with_summary(crawled):
    result = crawled["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "crawl summary" in result.stdout
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    [run] = list((crawled["store"] / "runs").glob("*.json"))
    [summary] = json.loads(run.read_text())["sources"]
    assert summary["finish_reason"] == "finished"
    # errors by kind: the dead link, the 500 page, the robots-disallowed page
    assert summary["errors"] == {"http_404": 1, "http_500": 1, "robots": 1}
    assert summary["image_errors"] == {"bomb": 1, "broken": 1, "http_404": 1, "noai": 2, "not_image": 1}


def test_every_reachable_product_once_with_right_fields(crawled, shop):
    rows = listings_by_path(crawled["store"], crawled["base"])
    expected = {p.path: p for p in shop.expected_products(javascript=False)}
    assert set(rows) == set(expected)
    for path, product in expected.items():
        assert len(rows[path]) == 1, f"{path} written {len(rows[path])} times"
        row = rows[path][0]
        assert row["name"] == product.name, path
        assert Decimal(row["price"]) == Decimal(product.price), (path, product.style)
        assert row["currency"] == product.currency, path
        assert row["http_status"] == 200 and row["source"] == "fixture-shop"
        # provenance: the URL asked for (the sitemap gives this one's old, redirecting
        # URL, a category page its new one: whichever came first) and where it ended
        if product.redirect_in_sitemap:
            assert row["url"].removeprefix(crawled["base"]) in (product.legacy_path, product.path)
            assert row["final_url"].endswith(product.path)
    # the prices of sale items are the sale prices, not the regular ones
    on_sale = [p for p in expected.values() if p.on_sale]
    assert on_sale and all(Decimal(rows[p.path][0]["price"]) < Decimal(p.regular_price) for p in on_sale)


def test_images_validated_and_stored_once(crawled, shop):
    rows = listings_by_path(crawled["store"], crawled["base"])
    store = Store(crawled["store"])
    images = {r["sha256"]: r for r in store.read_table("images").to_pylist()}
    seen_ok = set()
    for path, [row] in rows.items():
        product = shop.by_path[path]
        statuses = {img["url"].removeprefix(crawled["base"]): img for img in row["images"]}
        for img_path in product.images:
            got = statuses[img_path]
            assert got["status"] == IMAGE_STATUS[product.image_expectations[img_path]], (path, img_path, got)
            if got["status"] == "ok":
                meta = images[got["sha256"]]
                data = store.read_bytes(meta["path"])
                import hashlib
                assert hashlib.sha256(data).hexdigest() == got["sha256"]
                assert meta["width"] > 100 and meta["height"] > 100 and len(meta["phash"]) == 16
                seen_ok.add(got["sha256"])
        # no tracking pixel, logo or duplicate among a listing's image URLs
        assert len(row["image_urls"]) == len(set(row["image_urls"]))
        assert not any("/t/px.gif" in u or "logo" in u for u in row["image_urls"])
    assert seen_ok == set(images), "the images table holds exactly the kept images, one row each"
    files = [p for p in (crawled["store"] / "images").rglob("*") if p.is_file()]
    assert len(files) == len(images)


def test_polite_crawl_seen_from_the_server(crawled, shop):
    log = crawled["log"]
    assert not [r for r in log if r.path.startswith("/private/")], "robots.txt Disallow obeyed"
    assert {r.user_agent.split("/")[0] for r in log} == {"street2shop"}
    assert log[0].path == "/robots.txt"
    # 429 with Retry-After: 1 -> the retry came at least a second later, then succeeded
    limited = shop.role("rate_limited").path
    hits = [r for r in log if r.path == limited]
    assert [r.status for r in hits] == [429, 200]
    assert hits[1].time - hits[0].time >= 0.95


def test_private_addresses_refused_by_default(shop, tmp_path):
    with serve(shop) as server:
        manifest = write_manifest(tmp_path, server.base_url, allow_private_addresses=False)
        result = cli("crawl", str(manifest), "-q")
        log = server.request_log.snapshot()
    assert log == [], "not one request reached the private address"
    assert "private_address" in result.stdout
    assert Store(tmp_path / "store").read_table("listings").num_rows == 0


def test_kill_and_resume_loses_and_duplicates_nothing(shop, tmp_path):
    with serve(shop) as server:
        # Slow enough to be killed mid-way, flushing a part every 5 listings.
        manifest = write_manifest(tmp_path, server.base_url,
                                  politeness={"delay": 0.15, "concurrency_per_domain": 1, "autothrottle": False})
        store = Store(tmp_path / "store")
        crawl_and_kill(manifest, store, "listings", 10, flush_items=5)
        first = store.read_table("listings").to_pylist()
        assert 10 <= len(first) < 45, "killed mid-way, after some parts were written"
        state = store.read_json("state/fixture-shop/job.json")
        assert state["status"] == "running"

        # The rerun may change politeness (here: full speed); the job is the same.
        manifest = write_manifest(tmp_path, server.base_url)
        result = cli("crawl", str(manifest), "-q", env={"STREET2SHOP_FLUSH_ITEMS": "5"})
        assert result.returncode == 0, result.stderr[-3000:]
        assert "resumed" in result.stdout
    rows = listings_by_path(tmp_path / "store", server.base_url)
    expected = {p.path for p in shop.expected_products(javascript=False)}
    assert set(rows) == expected
    assert all(len(v) == 1 for v in rows.values()), "nothing written twice"
    after = {(r["url"], r["run_id"]) for r in store.read_table("listings").to_pylist()}
    assert {(r["url"], r["run_id"]) for r in first} <= after, "what the killed run wrote is kept"
    assert len({r["job_id"] for r in store.read_table("listings").to_pylist()}) == 1
    assert store.read_json("state/fixture-shop/job.json")["status"] == "finished"
    shas = store.read_table("images", columns=["sha256"]).column("sha256").to_pylist()
    assert len(shas) == len(set(shas))


# Run in a child process (Scrapy's reactor runs once per process): a crawl at log level INFO
# that counts, by level, the log records Scrapy's loggers build.
_LOG_RECORDS_CHILD = """
import collections, json, logging, sys
from street2shop.crawler.run import run_crawl
from street2shop.core.manifest import load_manifest

built = collections.Counter()
make_record = logging.Logger.makeRecord

def counting(self, name, level, *args, **kwargs):
    if name.startswith("scrapy"):
        built[logging.getLevelName(level)] += 1
    return make_record(self, name, level, *args, **kwargs)

logging.Logger.makeRecord = counting
manifest = load_manifest(sys.argv[1])
[summary] = run_crawl(manifest, list(manifest.sources), progress=False, log_level="INFO")
print(json.dumps({"built": built, "listings": summary.listings}))
"""


def test_records_below_the_log_level_are_not_built(shop, tmp_path):
    """Scrapy sets its logger to DEBUG and filters at the handler, so every page's "Crawled"
    and item's "Scraped" DEBUG record used to be built and thrown away; a crawl's loggers now
    stop them before they are built (crawler/process_tuning.py: skip_unlogged_records)."""
    with serve(shop) as server:
        manifest = write_manifest(tmp_path, server.base_url, images=False)
        proc = subprocess.run([sys.executable, "-c", _LOG_RECORDS_CHILD, str(manifest)],
                              capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["listings"] == len(shop.expected_products(javascript=False))
    assert out["built"].get("INFO", 0) >= 2, "INFO records (spider opened, stats) still come through"
    # Without it, a DEBUG record per page and per item (142 in this crawl); what is left are
    # the few Scrapy logs while the crawlers are set up, before the levels can be set.
    assert out["built"].get("DEBUG", 0) <= 5, out["built"]


@pytest.mark.browser
def test_javascript_pages_rendered_in_chromium(shop, tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Chromium at /usr/bin/chromium (apt-get install chromium)")
    with serve(shop) as server:
        # Only the pages that need it go through the browser: /js/c/ (a grid rendered from
        # a JSON call) and /js/p/ (a product page injected by script).
        manifest = write_manifest(tmp_path, server.base_url, sitemaps=[], javascript=["/js/"])
        result = cli("crawl", str(manifest), "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    rows = listings_by_path(tmp_path / "store", server.base_url)
    assert set(rows) == {p.path for p in shop.expected_products(javascript=True)}
    js_only = shop.role("js_only")
    [row] = rows[js_only.path]
    assert row["rendered"] and row["name"] == js_only.name and Decimal(row["price"]) == Decimal(js_only.price)
    grid_only = shop.role("js_listing_only")  # linked from nowhere but the rendered grid
    assert rows[grid_only.path][0]["rendered"] is False
    [run] = list((tmp_path / "store" / "runs").glob("*.json"))
    [summary] = json.loads(run.read_text())["sources"]
    # every browser page is closed after use (a leak otherwise), and only /js/ pages used it
    rendered_pages = 1 + sum(1 for r in rows.values() if r[0]["rendered"])  # the grid + JS products
    assert summary["browser_pages"] == summary["browser_pages_closed"] == rendered_pages
