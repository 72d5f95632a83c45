"""Crawls of hostile and faulty sites, through the CLI as cron runs it: robots.txt on every
host, page-level AI opt-outs, traps that would never end, a source named twice, crawled
text that tries to drive the terminal, credentials in start URLs, dead links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from crawl_helpers import cli, cli_measured
from street2shop.core.store import Store

from .sites import Site, blog_post, jpeg, product_page

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


POLITE_BUT_FAST = {"delay": 0, "concurrency_per_domain": 8, "autothrottle_target": 8}


def _manifest(tmp_path: Path, sources: list[dict], **top) -> Path:
    for source in sources:
        source.setdefault("allow_private_addresses", True)  # the sites are on loopback
        source.setdefault("politeness", dict(POLITE_BUT_FAST))
    path = tmp_path / "manifest.yaml"
    path.write_text(yaml.safe_dump({"store": str(tmp_path / "store"), "sources": sources, **top}))
    return path


def _summary(tmp_path: Path) -> list[dict]:
    [run] = sorted((tmp_path / "store" / "runs").glob("*.json"))[-1:]
    return json.loads(run.read_text())["sources"]


def test_robots_txt_is_fetched_and_obeyed_on_every_host(tmp_path):
    """A blog links to a shop, whose images live on a CDN: each host's robots.txt is read
    and obeyed (before, only the first host's was: the others' requests for robots.txt
    were dropped by the offsite filter, and their disallowed paths were fetched)."""
    with Site() as blog, Site(robots="User-agent: *\nDisallow: /private/\n") as shop, \
            Site(robots="User-agent: *\nDisallow: /img/secret/\n") as cdn:
        cdn.page("/img/a.jpg", jpeg(1), content_type="image/jpeg")
        cdn.page("/img/secret/b.jpg", jpeg(2), content_type="image/jpeg")
        shop.page("/p/coat", product_page("Wool Coat", "120.00", [cdn.url("/img/a.jpg"), cdn.url("/img/secret/b.jpg")]))
        shop.page("/private/dress", product_page("Hidden Dress", "80.00", [cdn.url("/img/a.jpg")]))
        blog.page("/blog/s01e02/", blog_post("What Maya wore in The Copper Kettle S01E02", blog.url("/scene.jpg"),
                                             [("Maya's wool coat", shop.url("/p/coat")),
                                              ("Maya's red dress", shop.url("/private/dress"))]))
        blog.page("/scene.jpg", jpeg(3, (800, 500)), content_type="image/jpeg")
        result = cli("crawl", str(_manifest(tmp_path, [{"name": "blog", "kind": "blog",
                                                         "posts": [blog.url("/blog/s01e02/")]}])), "-q")
        shop_paths, cdn_paths = shop.paths(), cdn.paths()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/robots.txt" in shop_paths and "/robots.txt" in cdn_paths
    assert "/private/dress" not in shop_paths, "a disallowed path of a linked shop was fetched"
    assert "/img/secret/b.jpg" not in cdn_paths, "a disallowed image was fetched"
    store = Store(tmp_path / "store")
    links = {r["original_url"]: r["link_status"] for r in store.read_table("post_items").to_pylist()}
    assert links == {shop.url("/p/coat"): "ok", shop.url("/private/dress"): "robots"}
    [listing] = store.read_table("listings").to_pylist()
    assert [i["status"] for i in listing["images"]] == ["ok", "robots"]


def test_a_page_that_opts_out_of_ai_keeps_its_images_out(tmp_path):
    """`X-Robots-Tag: noai` on a page, or `<meta name="robots" content="noai, noimageai">` in
    it, keeps that page's images out (before, only the image response's own header counted)."""
    with Site() as shop:
        for n in range(1, 4):
            shop.page(f"/img/{n}.jpg", jpeg(n), content_type="image/jpeg")
        shop.page("/p/header", product_page("Header Shirt", "20.00", [shop.url("/img/1.jpg")]),
                  headers={"X-Robots-Tag": "noai"})
        shop.page("/p/meta", product_page("Meta Shirt", "21.00", [shop.url("/img/2.jpg")],
                                          extra_head='<meta name="robots" content="index, noimageai">'))
        shop.page("/p/plain", product_page("Plain Shirt", "22.00", [shop.url("/img/3.jpg")]))
        shop.page("/blog/p/", blog_post("What Ana wore in Harbour Lights S02E01", shop.url("/img/1.jpg"),
                                        [("Ana's shirt", shop.url("/p/plain"))],
                                        extra_head='<meta name="robots" content="noai">'))
        result = cli("crawl", str(_manifest(tmp_path, [
            {"name": "shop", "kind": "shop", "products": [shop.url(f"/p/{p}") for p in ("header", "meta", "plain")]},
            {"name": "blog", "kind": "blog", "posts": [shop.url("/blog/p/")]},
        ])), "-q")
        paths = shop.paths()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/img/1.jpg" not in paths and "/img/2.jpg" not in paths, "opted-out images were downloaded"
    store = Store(tmp_path / "store")
    statuses = {r["name"]: [i["status"] for i in r["images"]] for r in store.read_table("listings").to_pylist()}
    assert statuses == {"Header Shirt": ["noai"], "Meta Shirt": ["noai"], "Plain Shirt": ["ok"]}
    [scene] = store.read_table("post_images").to_pylist()
    assert scene["status"] == "noai" and scene["sha256"] is None
    assert len(store.read_table("images").to_pylist()) == 1


def test_traps_are_bounded_by_default_and_shown_in_the_summary(tmp_path):
    """An endless calendar (a "next" link to the next day, for ever), links that repeat a
    path segment, a query string that repeats its key, and a page of 200,000 links: the
    default limits end each, the summary names them, and the other start URL still gets
    its turn (before: 30,000 pages a minute, and 840 MB for the big page)."""
    with Site() as site:
        def calendar(hit):
            day = int(hit.path.split("d=")[1]) if "d=" in hit.path else 0
            body = (f'<html><body><h1>Events on day {day}</h1><a href="/cal?d={day + 1}" rel="next">Next day</a>'
                    f'<a href="/cal?d={day - 1}">Previous day</a></body></html>')
            return 200, {"Content-Type": "text/html"}, body.encode()

        def loops(hit):
            path = hit.path.split("?")[0]
            body = f'<html><body><h1>Section</h1><a href="{path}a/">Section A</a></body></html>'
            return 200, {"Content-Type": "text/html"}, body.replace("/a/a/", "/a/b/a/").encode()

        def grows(hit):
            body = f'<html><body><h1>Filter</h1><a href="{hit.path}&amp;q=1">More</a></body></html>'
            return 200, {"Content-Type": "text/html"}, body.encode()

        big = "<html><body><h1>Everything</h1>" + "".join(
            f'<a href="/x/{n}">Item {n}</a>' for n in range(200_000)) + "</body></html>"
        site.route("/cal", calendar)
        site.route_prefix("/loop/", loops)
        site.route("/f", grows)
        site.page("/big", big)
        site.page("/p/last", product_page("Last Coat", "99.00", []))
        manifest = _manifest(tmp_path, [{"name": "traps", "kind": "shop", "images": False,
                                         "follow": {"max_depth": 50},
                                         "listings": [site.url("/big"), site.url("/cal?d=1"), site.url("/loop/"),
                                                      site.url("/f?q=1")],
                                         "products": [site.url("/p/last")]}])
        result, peak = cli_measured(tmp_path, "crawl", str(manifest), "-q", timeout=600)
        paths = site.paths()
    assert result.returncode == 0, result.stderr[-3000:]
    calendar_pages = [p for p in paths if p.startswith("/cal")]
    # 500 "next day" pages in a row (limits.max_pagination), and "previous day" links up to
    # the 50 hops this manifest allows (follow.max_depth)
    assert 500 <= len(calendar_pages) <= 560, len(calendar_pages)
    assert not [p for p in paths if p.count("/a/") > 3 or p.count("q=1") > 3], "a repeating URL was followed"
    assert len([p for p in paths if p.startswith("/x/")]) <= 1000, "links past the page cap were followed"
    assert "/p/last" in paths
    [summary] = _summary(tmp_path)
    assert summary["listings"] == 1 and summary["finish_reason"] == "finished"
    assert {"max_pagination", "repeated_segments", "max_links_per_page"} <= set(summary["limits"]), summary["limits"]
    assert "limits hit" in result.stdout and "max_pagination" in result.stdout
    print(f"crawl peak memory {peak >> 20} MB")
    assert peak < 600 << 20, f"the crawl process peaked at {peak >> 20} MB"


def test_a_source_named_twice_is_crawled_once(tmp_path):
    """`crawl M -s X -s X` ran two crawlers under one run id: every page was fetched twice,
    and their parts overwrote each other (120 of 126 images rows lost)."""
    with Site() as shop:
        urls = []
        for n in range(30):
            shop.page(f"/img/{n}.jpg", jpeg(n), content_type="image/jpeg")
            shop.page(f"/p/{n}", product_page(f"Shirt {n}", f"{20 + n}.00", [shop.url(f"/img/{n}.jpg")]))
            urls.append(shop.url(f"/p/{n}"))
        manifest = _manifest(tmp_path, [{"name": "shop", "kind": "shop", "products": urls}])
        result = cli("crawl", str(manifest), "-q", "-s", "shop", "-s", "shop", env={"STREET2SHOP_FLUSH_ITEMS": "4"})
        fetched = [len(shop.hits_for(f"/p/{n}")) for n in range(30)]
    assert result.returncode == 0, result.stderr[-3000:]
    assert fetched == [1] * 30, "a page fetched twice"
    assert len(_summary(tmp_path)) == 1
    store = Store(tmp_path / "store")
    assert sorted(r["url"] for r in store.read_table("listings").to_pylist()) == sorted(urls)
    assert store.read_table("images").num_rows == 30


def test_demo_never_removes_a_folder_that_is_not_its_own(tmp_path):
    precious = tmp_path / "photos"
    precious.mkdir()
    (precious / "wedding.jpg").write_bytes(b"irreplaceable")
    result = cli("demo", "--store", str(precious))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is not an earlier demo's store" in lines[0], result.stderr
    assert (precious / "wedding.jpg").read_bytes() == b"irreplaceable"
    afile = tmp_path / "notes.txt"
    afile.write_text("keep me")
    assert cli("demo", "--store", str(afile)).returncode == 2 and afile.read_text() == "keep me"


def test_credentials_in_start_urls_never_reach_the_output(tmp_path):
    """A start URL with a user name and password (a staging shop behind Basic auth): the
    credentials go to that host in an Authorization header and nowhere else (before, they
    were printed at ERROR level even with -q)."""
    with Site() as shop, Site() as other:
        def guarded(hit):
            if hit.headers.get("authorization") != "Basic YWRtaW46czNjcjN0LXBhc3M=":  # admin:s3cr3t-pass
                return 401, {"Content-Type": "text/plain"}, b"who are you?"
            return 200, {"Content-Type": "text/html"}, product_page("Staging Shirt", "10.00", [other.url("/i.jpg")]).encode()

        shop.route("/p/1", guarded)
        shop.page("/p/2", "<html><body>down for maintenance</body></html>", status=500)
        other.page("/i.jpg", jpeg(7), content_type="image/jpeg")
        creds = "http://admin:s3cr3t-pass@"
        manifest = _manifest(tmp_path, [{"name": "shop", "kind": "shop",
                                         "products": [shop.url("/p/1").replace("http://", creds),
                                                      shop.url("/p/2").replace("http://", creds),
                                                      "http://admin:s3cr3t-pass@127.0.0.1:9/p/3"],
                                         "politeness": {**POLITE_BUT_FAST, "retries": 0}}])
        for flags in (["-q"], ["-v"]):
            result = cli("crawl", str(manifest), *flags)
            assert "s3cr3t" not in result.stdout + result.stderr, (flags, result.stderr[-3000:])
            assert "Traceback" not in result.stderr
        image_hits = other.hits_for("/i.jpg")
    assert image_hits and all("authorization" not in h.headers for h in image_hits), "sent to another host"
    store = Store(tmp_path / "store")
    [listing] = store.read_table("listings").to_pylist()
    assert listing["name"] == "Staging Shirt" and listing["url"] == shop.url("/p/1")
    assert "s3cr3t" not in json.dumps(store.read_table("pages").to_pylist(), default=str)


def test_dead_links_and_images_are_named_by_kind(tmp_path):
    """Scrapy 2.19 raises its own exception types for refused connections: a link to a host
    that refuses is `dead`, and the summary counts `connection_refused`, not a class name."""
    refused = "http://127.0.0.1:9"
    with Site() as site:
        site.page("/p/coat", product_page("Coat", "50.00", [f"{refused}/img.jpg"]))
        site.page("/blog/p/", blog_post("What Ana wore in Harbour Lights S02E01", site.url("/scene.jpg"),
                                        [("Ana's coat", site.url("/p/coat")), ("Ana's bag", f"{refused}/p/bag")]))
        site.page("/scene.jpg", jpeg(5, (800, 500)), content_type="image/jpeg")
        manifest = _manifest(tmp_path, [{"name": "blog", "kind": "blog", "posts": [site.url("/blog/p/")],
                                         "politeness": {**POLITE_BUT_FAST, "retries": 0}}])
        result = cli("crawl", str(manifest), "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    links = {r["original_url"]: r["link_status"] for r in Store(tmp_path / "store").read_table("post_items").to_pylist()}
    assert links == {site.url("/p/coat"): "ok", f"{refused}/p/bag": "dead"}
    [summary] = _summary(tmp_path)
    assert summary["image_errors"] == {"connection_refused": 1}, summary["image_errors"]
    assert "Error" not in json.dumps(summary["errors"]) + json.dumps(summary["image_errors"])


def test_crawled_text_cannot_drive_the_terminal(tmp_path):
    """Product names are data: `[/bold]` crashed `catalog search`, `[link=…]` became a
    clickable link, and raw escape codes cleared the screen."""
    names = ["[/bold] Linen Dress", "[link=http://evil.test/]Click me[/link] Coat",
             "\\u001b[2J\\u001b[HCleared Shirt", "\\u009b31m Red \\u202e Skirt"]
    with Site() as shop:
        urls = []
        for n, name in enumerate(names):
            shop.page(f"/img/{n}.jpg", jpeg(n + 20), content_type="image/jpeg")
            shop.page(f"/p/{n}", product_page(name, "10.00", [shop.url(f"/img/{n}.jpg")]))
            urls.append(shop.url(f"/p/{n}"))
        manifest = _manifest(tmp_path, [{"name": "shop", "kind": "shop", "products": urls}],
                             catalog={"encoder": "default-offline", "image_size": 128})
        assert cli("crawl", str(manifest), "-q").returncode == 0
    build = cli("catalog", "build", str(manifest), timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    photo = tmp_path / "[red]photo.jpg"
    photo.write_bytes(jpeg(21))
    search = cli("catalog", "search", str(manifest), str(photo), "-k", "4")
    assert search.returncode == 0, search.stderr[-3000:]
    out = search.stdout
    assert "[/bold] Linen Dress" in out and "[link=http://evil.test/]Click me" in out and "[red]photo.jpg" in out
    assert not any(c in out for c in "\x1b\x9b\u202e"), "a control character reached the terminal"
    assert "Cleared Shirt" in out


def test_linked_listings_are_rechecked_on_their_own_schedule(tmp_path):
    """A garment a post links to sells out, another's page dies: a later crawl notices it,
    though the post did not change (before, linked listings were never visited again).
    Unchanged listings are asked for conditionally."""
    import hashlib

    state = {"coat": "InStock", "dress": "InStock", "bag": "InStock"}
    with Site() as blog, Site() as shop:
        def product(hit):
            slug = hit.path.rsplit("/", 1)[-1]
            if state[slug] == "gone":
                return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
            body = product_page(slug.title(), "40.00", []).replace("InStock", state[slug]).encode()
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            if hit.headers.get("if-none-match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": "text/html", "ETag": etag}, body

        shop.route_prefix("/p/", product)
        blog.page("/scene.jpg", jpeg(9, (800, 500)), content_type="image/jpeg")
        blog.page("/blog/s01e03/", blog_post("What Ana wore in Harbour Lights S01E03", blog.url("/scene.jpg"),
                                             [(f"Ana's {s}", shop.url(f"/p/{s}")) for s in state]))

        def crawl(every: str):
            manifest = _manifest(tmp_path, [{"name": "blog", "kind": "blog", "posts": [blog.url("/blog/s01e03/")],
                                             "recheck_links_every": every,
                                             "politeness": {**POLITE_BUT_FAST, "retries": 0}}])
            result = cli("crawl", str(manifest), "-q")
            assert result.returncode == 0, result.stderr[-3000:]
            return {**_summary(tmp_path)[0], "stdout": result.stdout}

        first = crawl("1d")
        assert first["links"] == {"ok": 3} and first["rechecks"] == {}
        state.update(dress="OutOfStock", bag="gone")
        shop.hits.clear()
        second = crawl("0s")
        coat_hits = shop.hits_for("/p/coat")
        shop.hits.clear()
        third = crawl("1d")  # just checked: not due again
        third_hits = shop.paths()
    assert second["rechecks"] == {"ok": 1, "sold_out": 1, "dead": 1}, second
    assert "re-checked" in second["stdout"] and "sold_out 1" in second["stdout"]
    assert [h.headers.get("if-none-match") is not None for h in coat_hits] == [True], "asked conditionally"
    assert third["rechecks"] == {} and third_hits == []
    store = Store(tmp_path / "store")
    checks = {r["url"].rsplit("/", 1)[-1]: (r["outcome"], r["link_status"])
              for r in store.read_table("link_checks").to_pylist()}
    assert checks == {"coat": ("not_modified", "ok"), "dress": ("changed", "sold_out"), "bag": ("failed", "dead")}
    dress = [r["availability"] for r in store.read_table("listings").to_pylist() if r["final_url"].endswith("/dress")]
    assert dress == ["InStock", "OutOfStock"], "the change is a new observation beside the old one"


def test_a_post_never_lands_before_its_linked_listing(tmp_path):
    """The listing a post links to waits for its images; the post does not. Killed then, a
    resumed crawl must still write the listing (before, the post landed first, the resumed job
    counted it as done, and the listing was never fetched again)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    with Site() as blog, Site() as shop:
        def slow_image(hit):
            time.sleep(4)
            return 200, {"Content-Type": "image/jpeg"}, jpeg(31)

        shop.route("/img/slow.jpg", slow_image)
        shop.page("/p/coat", product_page("Slow Coat", "90.00", [shop.url("/img/slow.jpg")]))
        blog.page("/scene.jpg", jpeg(32, (800, 500)), content_type="image/jpeg")
        blog.page("/blog/p/", blog_post("What Ana wore in Harbour Lights S03E01", blog.url("/scene.jpg"),
                                        [("Ana's coat", shop.url("/p/coat"))]))
        manifest = _manifest(tmp_path, [{"name": "blog", "kind": "blog", "posts": [blog.url("/blog/p/")]}])
        store = Store(tmp_path / "store")
        env = {**os.environ, "STREET2SHOP_FLUSH_ITEMS": "1"}
        proc = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not shop.hits_for("/img/slow.jpg"):
            time.sleep(0.05)
        time.sleep(1.5)  # the post, its scene image fetched, is ready long before the listing
        posts_before_kill = store.read_table("posts").num_rows
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        resumed = cli("crawl", str(manifest), "-q")
        assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert posts_before_kill == 0, "the post was on disk before the listing it links to"
    assert [r["name"] for r in store.read_table("listings").to_pylist()] == ["Slow Coat"]
    assert store.read_table("posts").num_rows == 1


def test_a_page_with_thousands_of_images_downloads_a_bounded_number(tmp_path):
    with Site() as shop:
        shop.route_prefix("/img/", lambda hit: (200, {"Content-Type": "image/jpeg"}, jpeg(int(hit.path[5:-4]))))
        shop.page("/p/gallery", product_page("Gallery Coat", "70.00", [shop.url(f"/img/{n}.jpg") for n in range(3000)]))
        result = cli("crawl", str(_manifest(tmp_path, [{"name": "shop", "kind": "shop",
                                                         "products": [shop.url("/p/gallery")]}])), "-q")
        image_requests = [p for p in shop.paths() if p.startswith("/img/")]
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(image_requests) == 50
    [summary] = _summary(tmp_path)
    assert summary["limits"] == {"max_images_per_page": 1} and summary["images_ok"] == 50


def test_urls_that_are_not_http_are_never_fetched(tmp_path):
    """A post (or a sitemap) can name `file:` URLs: Scrapy would read the local file, and a
    garment link is allowed off the blog's site."""
    secret = tmp_path / "secret.html"
    secret.write_text(product_page("Local Secret", "1.00", []))
    with Site() as blog, Site() as shop:
        blog.page("/scene.jpg", jpeg(41, (800, 500)), content_type="image/jpeg")
        shop.page("/p/1", product_page("Public Shirt", "10.00", []))
        shop.redirect("/go/secret", f"file://{secret}")
        blog.page("/blog/p/", blog_post("What Ana wore in Harbour Lights S03E02", blog.url("/scene.jpg"),
                                        [("Ana's shirt", shop.url("/p/1")), ("Ana's secret", shop.url("/go/secret"))]))
        blog.page("/blog/sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>file://{secret}</loc></url></urlset>""",
                  content_type="application/xml")
        result = cli("crawl", str(_manifest(tmp_path, [{"name": "blog", "kind": "blog", "posts": [blog.url("/blog/p/")],
                                                         "sitemaps": [blog.url("/blog/sitemap.xml")]}])), "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    store = Store(tmp_path / "store")
    assert [r["name"] for r in store.read_table("listings").to_pylist()] == ["Public Shirt"]
    links = {r["text"]: r["link_status"] for r in store.read_table("post_items").to_pylist()}
    assert links["Ana's shirt"] == "ok" and links["Ana's secret"] != "ok", links


def test_a_blog_is_due_when_its_links_are(tmp_path):
    """`crawl --due` (cron) starts a blog whose linked listings are due a re-check, though its
    own recrawl interval has not passed: the links keep their own schedule."""
    with Site() as blog, Site() as shop:
        shop.page("/p/coat", product_page("Coat", "40.00", []))
        blog.page("/scene.jpg", jpeg(51, (800, 500)), content_type="image/jpeg")
        blog.page("/blog/p/", blog_post("What Ana wore in Harbour Lights S04E01", blog.url("/scene.jpg"),
                                        [("Ana's coat", shop.url("/p/coat"))]))

        def crawl(every: str):
            manifest = _manifest(tmp_path, [{"name": "blog", "kind": "blog", "posts": [blog.url("/blog/p/")],
                                             "recrawl_every": "7d", "recheck_links_every": every}])
            return cli("crawl", str(manifest), "--due", "-q")

        assert crawl("1d").returncode == 0
        assert "nothing is due" in crawl("1d").stdout
        shop.hits.clear()
        rechecked = crawl("0s")
        hits = shop.paths()
    assert rechecked.returncode == 0 and "nothing is due" not in rechecked.stdout, rechecked.stdout
    assert hits == ["/robots.txt", "/p/coat"] and _summary(tmp_path)[0]["rechecks"] == {"ok": 1}
