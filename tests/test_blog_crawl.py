"""End to end: `street2shop crawl` of the fixture show-fashion blog (served beside the
fixture shop on 127.0.0.1), checked against what the blog really contains."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from crawl_helpers import cli, crawl_and_kill, write_manifest
from street2shop.demo.site import build_blog, build_shop, serve
from street2shop.core.store import Store

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


@pytest.fixture(scope="module")
def site():
    shop = build_shop(48)
    return shop, build_blog(shop, 12)


@pytest.fixture(scope="module")
def crawled(site, tmp_path_factory):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("the fixture blog's shop-the-look widget needs Chromium at /usr/bin/chromium")
    shop, blog = site
    tmp = tmp_path_factory.mktemp("blog")
    with serve(shop, blog=blog) as server:
        base = server.base_url
        manifest = write_manifest(
            tmp, base, name="fixture-blog", kind="blog", sitemaps=[], listings=[f"{base}/blog/"],
            feeds=[f"{base}/blog/feed.xml"], javascript=["/blog/20"])  # post pages: the widget is scripted
        result = cli("crawl", str(manifest), "-q")
        log = server.request_log.snapshot()
    store = Store(tmp / "store")
    return {"result": result, "log": log, "store": store, "base": base, "tmp": tmp}


def _path(url: str | None, base: str) -> str | None:
    return url.removeprefix(base) if url else None


def test_blog_crawl_summary(crawled, site):
    _, blog = site
    result = crawled["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    [run] = list((crawled["tmp"] / "store" / "runs").glob("*.json"))
    [summary] = json.loads(run.read_text())["sources"]
    assert summary["posts"] == len(blog.posts)
    assert summary["pairs"] == len(blog.pairs()) > 0
    assert "pairs" in result.stdout


def test_every_post_with_its_metadata(crawled, site):
    _, blog = site
    base = crawled["base"]
    posts = {_path(r["url"], base): r for r in crawled["store"].read_table("posts").to_pylist()}
    assert set(posts) == {p.path for p in blog.posts}
    for p in blog.posts:
        row = posts[p.path]
        assert row["title"] == p.title
        assert (row["show"], row["season"], row["episode"]) == (p.show.name, p.season, p.episode), p.title
        assert row["characters"] == [c.name for c in p.characters]
        assert row["published"].startswith(p.date)
        # the scene images only: no logo, avatar, ad, thumbnail or garment crop
        assert [_path(u, base) for u in row["image_urls"]] == [si.path for si in p.street_images], p.layout
        assert row["rendered"] is True
    images = crawled["store"].read_table("post_images").to_pylist()
    assert len(images) == sum(len(p.street_images) for p in blog.posts)
    assert all(r["status"] == "ok" and r["sha256"] for r in images)


def test_every_item_link_resolved_as_the_blog_says(crawled, site):
    _, blog = site
    base = crawled["base"]
    rows = {(_path(r["post_url"], base), r["item_index"], r["link_index"]): r
            for r in crawled["store"].read_table("post_items").to_pylist()}
    by_path = {p.path: p for p in blog.posts}

    def p_layout(key):
        return by_path[key[0]].layout

    def street_images(key):
        return by_path[key[0]].street_images

    expected = {}
    for p in blog.posts:
        for i, item in enumerate(p.items):
            for j, link in enumerate(item.links):
                expected[(p.path, i, j)] = (item, link)
    assert set(rows) == set(expected)
    for key, (item, link) in expected.items():
        row = rows[key]
        where = f"{key} via {link.via}"
        assert row["text"] == item.text, where
        if link.kind == "exact":
            assert row["brand"] == item.brand, where
        else:  # an alternative's own maker when its words name one, never the garment's by default
            assert row["brand"] is None or (link.product and row["brand"] == link.product.brand), where
        # A list of items under several scenes ("shop the look") does not say which item is
        # in which scene: the crawler records that as unknown rather than guessing.
        ambiguous = p_layout(key) == "shop_the_look_js" and len(street_images(key)) > 1
        assert row["image_position"] == (None if ambiguous else item.image), where
        assert row["kind"] == link.kind, where
        assert row["link_status"] == link.expected_status, where
        assert _path(row["resolved_url"], base) == link.expected_product_path, where
        href = urljoin(base + key[0], link.href(base))  # as written, made absolute
        assert row["original_url"] == href, where
        if link.expected_status != "dead":
            assert "utm_" not in row["resolved_url"] and "?" not in row["resolved_url"]
        assert row["redirects"][0] == href, where


def test_linked_listings_crawled_and_paired(crawled, site):
    shop, blog = site
    base = crawled["base"]
    listings = {_path(r["canonical_url"], base) for r in crawled["store"].read_table("listings").to_pylist()}
    linked = {link.expected_product_path for p in blog.posts for item in p.items for link in item.links
              if link.expected_product_path}
    assert linked <= listings, "every linked listing was crawled"
    for pair in blog.pairs():
        assert pair.product.path in listings


def test_share_links_and_ads_are_not_items(crawled):
    paths = [r.path for r in crawled["log"]]
    assert not any("example" in p for p in paths)
    rows = crawled["store"].read_table("post_items").to_pylist()
    assert not any("/c/coat" in (r["resolved_url"] or "") for r in rows), "the sidebar ad is not an item"


def test_blog_crawl_killed_and_resumed_loses_and_duplicates_nothing(site, tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("the fixture blog's shop-the-look widget needs Chromium at /usr/bin/chromium")
    shop, blog = site
    with serve(shop, blog=blog) as server:
        base = server.base_url
        common = dict(name="fixture-blog", kind="blog", sitemaps=[], listings=[f"{base}/blog/"],
                      feeds=[f"{base}/blog/feed.xml"], javascript=["/blog/20"])
        slow = write_manifest(tmp_path, base, politeness={"delay": 0.1, "concurrency_per_domain": 1,
                                                          "autothrottle": False}, **common)
        store = Store(tmp_path / "store")
        first = crawl_and_kill(slow, store, "posts", 3, flush_items=2)
        assert 3 <= first < len(blog.posts), "killed mid-way"
        result = cli("crawl", str(write_manifest(tmp_path, base, **common)), "-q")
        assert result.returncode == 0, result.stderr[-3000:]
    posts = [r["url"] for r in store.read_table("posts").to_pylist()]
    assert sorted(posts) == sorted(f"{base}{p.path}" for p in blog.posts), "every post once"
    keys = [(r["post_url"], r["item_index"], r["link_index"]) for r in store.read_table("post_items").to_pylist()]
    assert len(keys) == len(set(keys)) == sum(len(i.links) for p in blog.posts for i in p.items)
    listing_urls = [r["url"] for r in store.read_table("listings").to_pylist()]
    assert len(listing_urls) == len(set(listing_urls)), "no linked listing written twice"
