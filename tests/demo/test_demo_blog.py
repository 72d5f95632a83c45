"""The demo show-fashion blog: a real server on 127.0.0.1 (beside the shop) matching build_blog()'s ground truth."""

from __future__ import annotations

import email.utils
import io
import json
import re
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import numpy as np
import pytest
from PIL import Image, ImageFilter

from street2shop.demo.site import (
    LAYOUTS,
    build_blog,
    build_shop,
    garment_layer,
    serve,
    set_availability,
    set_price,
)
from street2shop.demo.site.blog import MIN_POSTS, VIAS
from street2shop.demo.site.shop import DEAD_LINK_PATH

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

from crawl_helpers import Resp, fetch


# --- helpers ----------------------------------------------------------------------------------


class Html(HTMLParser):
    """Links (href, rel, class), link rels in <head>, images, and the hrefs inside .entry-content."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.head_links: list[dict[str, str]] = []
        self.imgs: list[dict[str, str]] = []
        self.content_links: list[str] = []
        self.figures = self.figcaptions = 0
        self.uls: list[str] = []
        self._depth = 0
        self._content_depth: int | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        a = {k: v or "" for k, v in attrs}
        if tag not in ("img", "meta", "link", "br", "input"):
            self._depth += 1
            if "entry-content" in a.get("class", "").split() and self._content_depth is None:
                self._content_depth = self._depth
        if tag == "a" and "href" in a:
            self.links.append(a)
            if self._content_depth is not None:
                self.content_links.append(a["href"])
        if tag == "link":
            self.head_links.append(a)
        if tag == "img":
            self.imgs.append(a)
        if tag == "figure":
            self.figures += 1
        if tag == "figcaption":
            self.figcaptions += 1
        if tag == "ul":
            self.uls.append(a.get("class", ""))

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag not in ("img", "meta", "link", "br", "input"):
            if self._content_depth == self._depth:
                self._content_depth = None
            self._depth -= 1

    def hrefs(self) -> list[str]:
        return [a["href"] for a in self.links]

    def rel(self, rel: str) -> list[str]:
        return [a["href"] for a in self.links if rel in a.get("rel", "").split()]

    def head_rel(self, rel: str) -> str | None:
        return next((a["href"] for a in self.head_links if a.get("rel") == rel), None)

    def srcs(self) -> list[str]:
        return [i["src"] for i in self.imgs]


def path_of(url: str) -> str:
    return urlsplit(url).path


def next_hop(resp: Resp, url: str) -> str | None:
    """Where a response sends the client: Location, meta refresh, or a location.replace script."""
    if resp.status in (301, 302, 303, 307, 308):
        return urljoin(url, resp.headers["Location"])
    if resp.status == 200 and resp.headers.get("Content-Type", "").startswith("text/html"):
        m = re.search(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', resp.text, re.I)
        if m:
            return urljoin(url, unescape(m.group(1)))
        m = re.search(r'location\.replace\(("[^"]+")\)', resp.text)
        if m:
            return urljoin(url, json.loads(m.group(1)))
    return None


def follow_chain(url: str) -> tuple[list[str], list[int], Resp]:
    urls, statuses = [url], []
    while True:
        r = fetch(urls[-1])
        statuses.append(r.status)
        nxt = next_hop(r, urls[-1])
        if nxt is None or len(urls) > 8:
            return urls, statuses, r
        urls.append(nxt)


def summary(blog) -> list:  # noqa: ANN001
    base = "http://h:1"
    return [
        (p.slug, p.path, p.title, p.date, p.show.slug, p.season, p.episode, p.layout, [c.name for c in p.characters],
         [(im.path, im.setting, [(f.character.name, f.cx, f.scale, f.garments) for f in im.figures])
          for im in p.street_images],
         [(it.text, it.brand, it.kind, it.color, it.pattern, it.image, it.crop_image,
           [(lk.kind, lk.via, lk.href(base), lk.chain(base), lk.expected_product_path, lk.expected_status)
            for lk in it.links]) for it in p.items])
        for p in blog.posts
    ]


@pytest.fixture(scope="module")
def shop():  # noqa: ANN201
    return build_shop(48, seed=0)


@pytest.fixture(scope="module")
def blog(shop):  # noqa: ANN001, ANN201
    return build_blog(shop, n_posts=12, seed=0)


@pytest.fixture(scope="module")
def site(shop, blog):  # noqa: ANN001, ANN201
    with serve(shop, blog=blog) as srv:
        yield srv


# --- ground truth -------------------------------------------------------------------------------


def test_build_blog_is_deterministic_and_seeded(shop):
    a, b = build_blog(shop, 12, seed=0), build_blog(shop, 12, seed=0)
    assert summary(a) == summary(b)
    assert a.go == b.go and a.short == b.short and set(a.images) == set(b.images)
    c = build_blog(shop, 12, seed=1)
    assert summary(a) != summary(c)
    assert a.image_bytes(a.posts[0].street_images[0].path) == b.image_bytes(b.posts[0].street_images[0].path)
    with pytest.raises(ValueError):
        build_blog(shop, MIN_POSTS - 1)


@pytest.mark.parametrize("n_products,n_posts", [(16, MIN_POSTS), (48, 12), (120, 30)])
def test_ground_truth_is_consistent(n_products, n_posts):
    shop = build_shop(n_products)
    blog = build_blog(shop, n_posts)
    assert len(blog.posts) == n_posts
    assert {p.layout for p in blog.posts} == set(LAYOUTS)
    assert 2 <= len(blog.shows) <= 3
    assert len({p.slug for p in blog.posts}) == n_posts and len({p.path for p in blog.posts}) == n_posts
    assert set(VIAS) <= {lk.via for lk in blog.links} | {"direct_root"}
    for via in ("dead", "meta_refresh", "js_redirect", "legacy", "short", "go", "aff", "direct"):
        assert blog.links_via(via), via
    assert any(it.exact.expected_status == "sold_out" for p in blog.posts for it in p.items)
    for p in blog.posts:
        assert 1 <= len(p.street_images) <= 3 and p.items
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", p.date) and p.path == f"/blog/{p.date[:4]}/{p.date[5:7]}/{p.slug}/"
        assert str(p.season) in p.title and str(p.episode) in p.title and p.show.name in p.title
        assert all(c.name in p.title for c in p.characters)
        for im in p.street_images:
            assert any(it.image == im.index for it in p.items)  # every scene has items
        for it in p.items:
            assert it.text.startswith(it.character + "'s ") and it.kind in it.text
            assert 0 <= it.image < len(p.street_images)
            ex = it.exact
            assert ex is not None and it.links[0] is ex
            if p.layout == "exact_and_similar":
                assert 1 <= len(it.alternatives) <= 2
            for lk in it.alternatives:
                assert lk.wording and lk.product is not None
            if ex.expected_status == "dead":
                assert it.product is None and ex.chain("http://h:1")[-1].startswith("http://h:1" + DEAD_LINK_PATH)
            else:  # the exact product is what the image shows
                prod = ex.product
                assert prod is it.product and shop.by_path[ex.expected_product_path] is prod
                assert (prod.category, prod.color_rgb, prod.pattern) == (it.kind, it.color_rgb, it.pattern)
                assert it.color.lower() in it.text
                assert ex.expected_status == ("sold_out" if prod.availability == "OutOfStock" else "ok")
            if it.brand is not None and it.product is not None:
                assert it.brand == it.product.brand
            assert blog.garment_mask(p, it).sum() >= 600  # the garment is clearly visible in its scene
    pairs = blog.pairs()
    assert pairs and all(pr.product is pr.item.exact.product and pr.image is pr.post.street_images[pr.item.image]
                         for pr in pairs)
    assert len(pairs) == sum(1 for lk in blog.links if lk.kind == "exact" and lk.expected_status != "dead")
    assert all(pr.product.availability != "OutOfStock" for pr in blog.pairs(include_sold_out=False))
    assert len(blog.pairs(include_sold_out=False)) < len(pairs)


# --- discovery ---------------------------------------------------------------------------------------


def test_home_and_archive_pagination(site, blog):
    url, seen, pages = site.url("/blog/"), [], 0
    while url:
        r = fetch(url)
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/html")
        page = Html(r.text)
        seen += [h for h in page.rel("bookmark")]
        nxt = page.rel("next")
        head_next = page.head_rel("next")
        assert (head_next is None) == (not nxt)
        if nxt:
            assert urljoin(url, nxt[0]) == head_next
        url = urljoin(url, nxt[0]) if nxt else None
        pages += 1
    assert pages == blog.page_count() == 3
    assert seen == [p.path for p in blog.posts_by_date]  # newest first, every post once
    r = fetch(site.url("/blog/page/1"))
    assert r.status == 301 and r.headers["Location"] == site.url("/blog/")
    assert fetch(site.url("/blog/page/99")).status == 404
    assert fetch(site.url("/blog")).headers["Location"] == site.url("/blog/")


def test_category_pages(site, blog):
    home = Html(fetch(site.url("/blog/")).text)
    for show in blog.shows:
        assert show.path in home.hrefs()
        r = fetch(site.url(show.path))
        assert r.status == 200
        listed = Html(r.text).rel("bookmark")
        assert listed == [p.path for p in blog.posts_by_date if p.show is show] and listed
    assert fetch(site.url("/blog/category/no-such-show")).status == 404


def test_rss_feed_lists_every_post(site, blog):
    r = fetch(site.url("/blog/feed.xml"))
    assert r.status == 200 and "rss" in r.headers["Content-Type"]
    root = ET.fromstring(r.body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == len(blog.posts)
    by_url = {p.url(site.base_url): p for p in blog.posts}
    for el in items:
        link = el.findtext("link")
        p = by_url.pop(link)
        assert el.findtext("title") == p.title
        assert el.findtext("guid") == link
        assert email.utils.parsedate_to_datetime(el.findtext("pubDate")) == p.published
    assert not by_url


def test_blog_sitemap_lists_every_post(site, blog):
    r = fetch(site.url("/blog/sitemap.xml"))
    assert r.status == 200
    locs = {e.text for e in ET.fromstring(r.body).iter(f"{SM}loc")}
    assert {p.url(site.base_url) for p in blog.posts} <= locs
    assert site.url("/blog/") in locs


def test_shop_without_blog_is_unchanged(shop):
    with serve(shop) as srv:
        assert fetch(srv.url("/blog/")).status == 404
        assert fetch(srv.url("/go/abc")).status == 404
        assert fetch(srv.url("/")).status == 200


# --- posts ---------------------------------------------------------------------------------------------


def _item_hrefs(post, base):  # noqa: ANN001, ANN202
    return [lk.href(base) for lk in post.links]


@pytest.mark.parametrize("layout", [x for x in LAYOUTS if x != "shop_the_look_js"])
def test_layout_renders_its_items(site, blog, layout):
    posts = blog.layout_posts(layout)
    assert posts
    for post in posts:
        r = fetch(site.url(post.path))
        assert r.status == 200
        html = r.text
        page = Html(html)
        content = page.content_links
        assert sorted(h for h in content if h in set(_item_hrefs(post, site.base_url))) == \
            sorted(_item_hrefs(post, site.base_url))
        shop_bound = [h for h in content if h.startswith(site.base_url) or h.startswith(("/p/", "/go/"))]
        assert sorted(shop_bound) == sorted(_item_hrefs(post, site.base_url))  # no other link in the post body
        text = unescape(html)
        for it in post.items:
            assert it.text[:1].upper() + it.text[1:] in text or it.text in text
            for lk in it.alternatives:  # the kind is told by the words next to the link
                at = html.index(f'href="{lk.href(site.base_url)}"'.replace("&", "&amp;"))
                near = unescape(html[max(0, at - 160): html.index("</a>", at)]).lower()
                assert lk.wording.lower().rstrip(":") in near, (lk.wording, near)
        srcs = page.srcs()
        assert all(im.path in srcs for im in post.street_images)
        if layout == "figures":
            assert page.figures == page.figcaptions == len(post.items)
            assert all(it.crop_image in srcs for it in post.items)
        if layout == "list_under_image":
            assert page.uls.count("shop-list") == len(post.street_images)
        if layout == "exact_and_similar":
            assert html.count('class="look-item"') == len(post.items)
            assert html.count('<span class="label">Similar:</span>') == len(post.items)
        ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert ld["@type"] == "BlogPosting" and ld["headline"] == post.title
        assert ld["about"]["episodeNumber"] == post.episode and ld["about"]["partOfSeries"]["name"] == post.show.name


def test_js_layout_has_items_only_in_its_api(site, blog):
    posts = blog.layout_posts("shop_the_look_js")
    assert posts
    for post in posts:
        html = fetch(site.url(post.path)).text
        page = Html(html)
        hrefs = set(page.hrefs())
        for h in _item_hrefs(post, site.base_url):
            assert h not in hrefs and h.replace("&", "&amp;") not in html
        assert not [h for h in page.content_links if "/p/" in h or "/go/" in h or "/s/" in h]
        assert post.api_path.rsplit("/", 1)[0].replace("/blog/api/", "") in html  # the script knows the API
        r = fetch(site.url(post.api_path))
        assert r.status == 200 and r.headers["Content-Type"].startswith("application/json")
        data = json.loads(r.body)
        assert [i["text"].lower() for i in data["items"]] == [it.text.lower() for it in post.items]
        for it, d in zip(post.items, data["items"]):
            assert [lk["href"] for lk in d["links"]] == [lk.href(site.base_url) for lk in it.links]
            assert [lk["kind"] for lk in d["links"]] == ["exact" if lk.kind == "exact" else "similar" for lk in it.links]
            assert d["image"] == site.url(post.street_images[it.image].path)
    assert fetch(site.url("/blog/api/look/nope.json")).status == 404


def test_noise_links_and_images_are_present(site, blog):
    items = {h for p in blog.posts for h in _item_hrefs(p, site.base_url)}
    ad = blog.noise_link("sidebar_ad").href(site.base_url)
    banner = blog.noise_link("affiliate_banner")
    for post in blog.posts:
        page = Html(fetch(site.url(post.path)).text)
        hrefs, srcs = set(page.hrefs()), page.srcs()
        assert {ad, banner.href(site.base_url), "/blog/", "/blog/about", site.url("/")} <= hrefs
        assert "/blog/img/logo.jpg" in srcs and "/blog/img/ad-sidebar.jpg" in srcs
        assert "/blog/img/banner-editors-pick.jpg" in srcs
        assert any(s.startswith("/blog/img/avatar-") and post.author.split()[0].lower() in s for s in srcs)
        for slug in post.related:
            assert blog.post(slug).path in hrefs and blog.post(slug).thumbnail in srcs
        for c in post.comments:
            assert c.avatar in srcs
        shares = [h for h in hrefs if h.startswith(("https://facebook.example/", "https://x.example/",
                                                     "https://pinterest.example/"))]
        assert len(shares) == 3
        outside = list(page.hrefs())
        for h in page.content_links:
            outside.remove(h)
        assert not set(outside) & items  # chrome never repeats an item link
        assert ad not in items and banner.href(site.base_url) not in items
        assert not set(page.content_links) & {ad, banner.href(site.base_url)}
    assert any(p.related for p in blog.posts) and any(p.comments for p in blog.posts)
    # the banner is an affiliate link to a real product, yet no item of any post
    urls, statuses, final = follow_chain(banner.href(site.base_url))
    assert statuses == [302, 200] and path_of(urls[-1]) == banner.product.path
    urls, statuses, _ = follow_chain(ad)
    assert statuses == [302, 200] and path_of(urls[-1]) == "/c/coat"
    for path in ("/blog/img/logo.jpg", "/blog/img/ad-sidebar.jpg", "/blog/img/banner-editors-pick.jpg",
                 blog.posts[0].thumbnail):
        r = fetch(site.url(path))
        assert r.status == 200 and r.headers["Content-Type"] == "image/jpeg"
        Image.open(io.BytesIO(r.body)).verify()


# --- links -------------------------------------------------------------------------------------------------


HOPS = {
    "direct": [200], "direct_root": [200], "go": [302, 200], "aff": [302, 200], "short": [301, 302, 200],
    "meta_refresh": [200, 200], "js_redirect": [200, 200], "legacy": [302, 301, 200], "dead": [302, 404],
}


def test_every_link_chain_ends_where_ground_truth_says(site, blog, shop):
    assert blog.links
    for lk in blog.links:
        href = urljoin(site.url("/blog/"), lk.href(site.base_url))
        urls, statuses, final = follow_chain(href)
        assert urls == lk.chain(site.base_url), lk.via
        assert statuses == HOPS[lk.via], (lk.via, statuses)
        if lk.expected_status == "dead":
            assert final.status == 404 and lk.expected_product_path is None
            continue
        assert final.status == 200
        canonical = Html(final.text).head_rel("canonical")
        assert canonical == site.url(lk.expected_product_path)
        assert path_of(urls[-1]) == lk.expected_product_path or lk.via == "legacy" and \
            path_of(urls[-2]) == shop.by_path[lk.expected_product_path].legacy_path
        product = shop.by_path[lk.expected_product_path]
        if lk.expected_status == "sold_out":
            assert product.availability == "OutOfStock" and ("Sold out" in final.text or "OutOfStock" in final.text)


@pytest.mark.parametrize("via", ["go", "aff", "short", "legacy", "direct"])
def test_urllib_follows_http_redirect_chains(site, blog, via):
    for lk in blog.links_via(via)[:4]:
        r = fetch(lk.href(site.base_url), follow=True)
        assert r.status == 200 and r.url == lk.chain(site.base_url)[-1]
        assert path_of(r.url) == lk.expected_product_path


def test_bounce_pages_meta_refresh_and_js(site, blog):
    meta = blog.links_via("meta_refresh")[0]
    r = fetch(meta.href(site.base_url))
    assert r.status == 200 and 'http-equiv="refresh"' in r.text and "location.replace" not in r.text
    js = blog.links_via("js_redirect")[0]
    r = fetch(js.href(site.base_url))
    assert r.status == 200 and "location.replace(" in r.text and "http-equiv" not in r.text
    assert next_hop(r, js.href(site.base_url)) == js.chain(site.base_url)[-1]
    assert fetch(site.url("/r?murl=javascript:alert(1)")).status == 400
    assert fetch(site.url("/aff/click")).status == 400


def test_dead_link_and_unknown_tokens_404(site, blog):
    dead = blog.links_via("dead")
    assert dead
    for lk in dead:
        r = fetch(lk.href(site.base_url), follow=True)
        assert r.status == 404 and path_of(r.url) == DEAD_LINK_PATH
    assert fetch(site.url("/go/0000000000")).status == 404
    assert fetch(site.url("/s/zzzzzz")).status == 404


# --- street images ---------------------------------------------------------------------------------------------


def _erode(mask: np.ndarray, px: int = 2) -> np.ndarray:
    img = Image.fromarray(mask.astype(np.uint8) * 255)
    return np.asarray(img.filter(ImageFilter.MinFilter(2 * px + 1))) > 0


def test_street_images_show_the_product_garments(site, blog):
    pairs = blog.pairs()
    assert len(pairs) >= 20
    checked_solid = 0
    for post, image, item, product in pairs:
        r = fetch(site.url(image.path))
        assert r.status == 200 and r.headers["Content-Type"] == "image/jpeg"
        img = Image.open(io.BytesIO(r.body))
        assert img.format == "JPEG" and img.size == (480, 320)
        arr = np.asarray(img.convert("RGB"), dtype=np.float32)
        mask = _erode(blog.garment_mask(post, item))
        assert mask.sum() >= 150, (post.slug, item.text)
        seen = arr[mask].mean(axis=0)
        # the same garment drawn alone by the shop's renderer (same kind, colour, pattern, texture seed)
        layer = garment_layer(product.category, product.color_rgb, product.pattern, 100, seed=f"{product.id}")
        la = np.asarray(layer, dtype=np.float32)
        ref = la[..., :3][la[..., 3] > 250].mean(axis=0)
        assert np.abs(seen - ref).max() < 40, (item.text, seen, ref)
        if product.pattern in ("solid", "melange"):
            assert np.abs(seen - np.array(product.color_rgb)).max() < 40, (item.text, seen, product.color_rgb)
            checked_solid += 1
        x0, y0, x1, y1 = blog.garment_bbox(post, item)
        assert 0 <= x0 < x1 <= 480 and 0 <= y0 < y1 <= 320
    assert checked_solid >= 3


def test_figure_crops_and_thumbnails_decode(site, blog):
    crops = [it for p in blog.layout_posts("figures") for it in p.items]
    assert crops
    for it in crops:
        r = fetch(site.url(it.crop_image))
        assert r.status == 200
        img = Image.open(io.BytesIO(r.body)).convert("RGB")
        assert img.width >= 40 and img.height >= 40
        if it.product is not None and it.pattern in ("solid", "melange"):
            arr = np.asarray(img, dtype=np.float32)
            centre = arr[arr.shape[0] // 3: 2 * arr.shape[0] // 3, arr.shape[1] // 3: 2 * arr.shape[1] // 3]
            assert np.abs(centre.reshape(-1, 3).mean(axis=0) - np.array(it.color_rgb)).max() < 60
    assert fetch(site.url("/blog/img/nope.jpg")).status == 404


# --- HTTP caching and mutations -----------------------------------------------------------------------------


def test_conditional_get_on_blog_pages(site, blog):
    for path in ("/blog/", "/blog/feed.xml", "/blog/sitemap.xml", blog.posts[1].path, blog.posts[3].api_path,
                 blog.posts[0].street_images[0].path):
        r = fetch(site.url(path))
        assert r.status == 200
        etag, lm = r.headers["ETag"], r.headers["Last-Modified"]
        assert etag and lm
        assert fetch(site.url(path), {"If-None-Match": etag}).status == 304
        assert fetch(site.url(path), {"If-Modified-Since": lm}).status == 304
        assert fetch(site.url(path), {"If-None-Match": '"other"'}).status == 200
    post = blog.posts[1]
    lm = fetch(site.url(post.path)).headers["Last-Modified"]
    assert email.utils.parsedate_to_datetime(lm) == post.modified.replace(microsecond=0)


def test_mutations_change_pages_and_validators():
    shop = build_shop(24, seed=3)
    blog = build_blog(shop, 6, seed=3)
    with serve(shop, blog=blog) as srv:
        post = blog.posts[0]
        r0 = fetch(srv.url(post.path))
        etag0, lm0 = r0.headers["ETag"], r0.headers["Last-Modified"]
        feed0 = ET.fromstring(fetch(srv.url("/blog/feed.xml")).body)

        # edit a post: new title and an update note; an item removed
        dropped = post.items[-1]
        blog.edit_post(post.slug, title=post.title + " (updated)", note="Thanks to reader Jess for the tip.",
                       drop_item=dropped.index)
        r1 = fetch(srv.url(post.path), {"If-None-Match": etag0})
        assert r1.status == 200 and r1.headers["ETag"] != etag0
        assert email.utils.parsedate_to_datetime(r1.headers["Last-Modified"]) > email.utils.parsedate_to_datetime(lm0)
        assert "(updated)" in r1.text and "Thanks to reader Jess" in r1.text
        for lk in dropped.links:
            assert lk.href(srv.base_url).replace("&", "&amp;") not in r1.text
        assert dropped not in post.items and all(pr.item is not dropped for pr in blog.pairs())

        # add a post: it tops the home page and the feed
        new = blog.add_post()
        assert new.published > max(p.published for p in blog.posts if p is not new)
        home = Html(fetch(srv.url("/blog/")).text)
        assert home.rel("bookmark")[0] == new.path
        feed1 = ET.fromstring(fetch(srv.url("/blog/feed.xml")).body)
        assert len(feed1.findall("./channel/item")) == len(feed0.findall("./channel/item")) + 1
        assert fetch(srv.url(new.path)).status == 200
        assert fetch(srv.url(new.street_images[0].path)).status == 200
        for lk in new.links:
            assert follow_chain(urljoin(srv.url("/blog/"), lk.href(srv.base_url)))[0] == lk.chain(srv.base_url)

        # shop side: price and availability of a linked product
        link = next(lk for lk in blog.links if lk.expected_status == "ok" and lk.product.style == "jsonld")
        product = link.product
        p0 = fetch(srv.url(product.path))
        assert product.price_display in p0.text
        set_price(shop, product, "12.34")
        p1 = fetch(srv.url(product.path), {"If-None-Match": p0.headers["ETag"]})
        assert p1.status == 200 and p1.headers["ETag"] != p0.headers["ETag"]
        assert email.utils.parsedate_to_datetime(p1.headers["Last-Modified"]) > \
            email.utils.parsedate_to_datetime(p0.headers["Last-Modified"])
        assert product.price == "12.34" and product.price_display in p1.text and '"12.34"' in p1.text
        set_availability(shop, product, "OutOfStock")
        assert link.expected_status == "sold_out"
        p2 = fetch(srv.url(product.path), {"If-None-Match": p1.headers["ETag"]})
        assert p2.status == 200 and "OutOfStock" in p2.text
        assert fetch(srv.url(product.path), {"If-None-Match": p2.headers["ETag"]}).status == 304


def test_cli_serves_the_blog():
    proc = subprocess.Popen(
        [sys.executable, "-m", "street2shop.demo.site", "--products", "20", "--port", "0", "--blog",
         "--posts", "6"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base), base
        r = fetch(base + "/blog/")
        assert r.status == 200 and "Screen Style Diaries" in r.text and len(Html(r.text).rel("bookmark")) == 5
        assert fetch(base + "/").status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=10)
    assert proc.returncode == 0
