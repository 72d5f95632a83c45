"""The demo shop: a real HTTP server on 127.0.0.1 whose pages match the ground truth of build_shop()."""

from __future__ import annotations

import gzip
import io
import json
import re
import signal
import subprocess
import sys
import time
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import numpy as np
import pytest
from PIL import Image

from street2shop.demo.site import (
    IMAGE_OUTCOMES,
    LOCALES,
    MIN_PRODUCTS,
    PER_PAGE,
    STYLES,
    build_shop,
    gtin_valid,
    render_product_image,
    serve,
)

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

from crawl_helpers import UA, fetch


# --- helpers ----------------------------------------------------------------------------------


class Page(HTMLParser):
    """Collects what the tests look at: links, images, metas, microdata/RDFa attributes, JSON-LD text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.link_rels: dict[str, str] = {}
        self.imgs: list[dict[str, str]] = []
        self.metas: list[tuple[str, str]] = []
        self.itemprops: list[tuple[str, dict[str, str]]] = []
        self.properties: list[tuple[str, dict[str, str]]] = []
        self.typeofs: list[str] = []
        self.itemtypes: list[str] = []
        self.ld: list[str] = []
        self.h1: list[str] = []
        self._in_ld = self._in_h1 = False
        self._buf: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "link" and "rel" in a and "href" in a:
            self.link_rels[a["rel"]] = a["href"]
        if tag == "img":
            self.imgs.append(a)
        if tag == "meta" and "property" in a and "content" in a:
            self.metas.append((a["property"], a["content"]))
        if "itemprop" in a:
            self.itemprops.append((a["itemprop"], a))
        if "itemtype" in a:
            self.itemtypes.append(a["itemtype"])
        if "property" in a:
            self.properties.append((a["property"], a))
        if "typeof" in a:
            self.typeofs.append(a["typeof"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld, self._buf = True, []
        if tag == "h1":
            self._in_h1, self._buf = True, []

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "script" and self._in_ld:
            self.ld.append("".join(self._buf))
            self._in_ld = False
        if tag == "h1" and self._in_h1:
            self.h1.append("".join(self._buf).strip())
            self._in_h1 = False

    def handle_data(self, data):  # noqa: ANN001
        if self._in_ld or self._in_h1:
            self._buf.append(data)

    def prop(self, name: str, source: str = "itemprop") -> dict[str, str]:
        items = self.itemprops if source == "itemprop" else self.properties
        return next(a for n, a in items if n == name)

    def meta(self, name: str) -> list[str]:
        return [c for p, c in self.metas if p == name]


def sample(shop, style: str):  # noqa: ANN001, ANN201
    """First ordinary (/p/, no role) product of a markup style."""
    return next(p for p in shop.with_style(style)
                if p.path.startswith("/p/") and not (p.rate_limited or p.js_listing_only or p.redirect_in_sitemap))


def avail_value(v: str) -> str:
    return v.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def shop():  # noqa: ANN201
    return build_shop(48, seed=0)


@pytest.fixture(scope="module")
def site(shop):  # noqa: ANN001, ANN201
    with serve(shop) as srv:
        yield srv


# --- catalogue / ground truth -----------------------------------------------------------------


def test_build_shop_is_deterministic_and_seeded():
    a, b = build_shop(48, seed=0), build_shop(48, seed=0)
    assert a.products == b.products
    assert a.images == b.images and a.special_images == b.special_images
    c = build_shop(48, seed=1)
    assert [p.name for p in a.products] != [p.name for p in c.products]
    assert set(a.images).isdisjoint(c.images)


def test_ground_truth_fields_are_consistent(shop):
    assert len(shop.products) == 48
    assert len({p.slug for p in shop.products}) == 48 and len({p.path for p in shop.products}) == 48
    styles_small = {p.style for p in build_shop(MIN_PRODUCTS).products if not (p.js_only or p.disallowed)}
    assert styles_small == set(STYLES)
    with pytest.raises(ValueError):
        build_shop(MIN_PRODUCTS - 1)
    for p in shop.products:
        assert re.fullmatch(r"\d+\.\d\d", p.price), p.price
        assert Decimal(p.price) > 0
        if p.regular_price is not None:
            assert Decimal(p.regular_price) > Decimal(p.price)
        assert p.currency in {"EUR", "USD", "GBP", "PLN"}
        assert p.availability in {"InStock", "OutOfStock", "PreOrder", "LimitedAvailability"}
        assert gtin_valid(p.gtin), p.gtin
        assert 2 <= len(p.images) <= 4 and len(set(p.images)) == len(p.images)
        assert list(p.image_expectations) == p.images
        assert set(p.image_expectations.values()) <= set(IMAGE_OUTCOMES)
        assert p.image_expectations[p.images[0]] == "ok"
        assert p.breadcrumbs[0] == "Home" and len(p.breadcrumbs) == len(p.breadcrumb_paths)
        if p.style == "productgroup":
            assert len(p.variants) >= 6
            assert p.price == min((v.price for v in p.variants), key=Decimal)
            assert all(gtin_valid(v.gtin) for v in p.variants)
            assert len({v.sku for v in p.variants}) == len(p.variants)
        else:
            assert p.variants == []
        if p.style == "sale_markup_wrong":
            assert p.on_sale
        if p.style == "jsonld_broken":
            assert p.jsonld_breakages
    assert {p.category for p in shop.products} == {"t-shirt", "shirt", "jacket", "coat", "vest top", "sling top",
                                                   "shorts", "trousers", "skirt", "dress"}
    assert {p.currency for p in shop.products} == {"EUR", "USD", "GBP", "PLN"}
    assert any(p.on_sale for p in shop.with_style("nomarkup"))
    assert any(p.availability == "OutOfStock" for p in shop.products)
    assert sorted(set(shop.special_images.values())) == sorted(set(IMAGE_OUTCOMES) - {"ok"})
    assert sum(1 for o in shop.special_images.values() if o == "noai") == 2
    for flag in ("js_only", "js_listing_only", "disallowed", "rate_limited", "redirect_in_sitemap"):
        assert sum(getattr(p, flag) for p in shop.products) == 1, flag
    assert shop.role("disallowed").path.startswith("/private/p/")
    assert shop.role("js_only").path.startswith("/js/p/")
    exp = shop.expected_products()
    assert len(exp) == 48 - 3 and all(not (p.disallowed or p.js_only or p.js_listing_only) for p in exp)
    assert len(shop.expected_products(javascript=True, obey_robots=False)) == 48


def test_price_locales_format():
    fmt = {loc.code: loc.format("1299.00") for loc in LOCALES}
    assert fmt["de-DE"] == "1.299,00 €"
    assert fmt["en-US"] == "$1,299.00"
    assert fmt["en-GB"] == "£1,299.00"
    assert fmt["pl-PL"] == "1\u00a0299,00\u00a0zł"
    assert fmt["fr-FR"] == "1\u202f299,00\u00a0€"
    assert {loc.format("49.9") for loc in LOCALES} >= {"49,90 €", "$49.90", "£49.90"}


def test_large_shop_builds_in_seconds():
    t0 = time.perf_counter()
    big = build_shop(3000)
    elapsed = time.perf_counter() - t0
    assert elapsed < 5, elapsed
    assert len(big.products) == 3000 and len(big.by_slug) == 3000
    assert big.category_page_count("t-shirt") == -(-len(big.category_products("t-shirt")) // PER_PAGE) > 50


# --- robots / sitemaps ------------------------------------------------------------------------


def test_robots_txt(site, shop):
    r = fetch(site.url("/robots.txt"))
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
    assert "Disallow: /private/" in r.text
    assert f"Sitemap: {site.base_url}/sitemap.xml" in r.text
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(r.text.splitlines())
    assert not rp.can_fetch(UA, site.url(shop.role("disallowed").path))
    assert rp.can_fetch(UA, site.url(shop.products[0].path))
    assert not rp.can_fetch("GPTBot", site.url(shop.products[0].path))


def test_sitemap_index_and_children(site, shop):
    r = fetch(site.url("/sitemap.xml"))
    assert r.status == 200 and "xml" in r.headers["Content-Type"]
    locs = [e.text for e in ET.fromstring(r.body).iter(SM + "loc")]
    assert locs == [site.url("/sitemaps/products-1.xml.gz"), site.url("/sitemaps/products-2.xml"),
                    site.url("/sitemaps/categories.xml")]

    gz = fetch(locs[0])
    assert gz.status == 200 and gz.headers["Content-Type"] in ("application/gzip", "application/x-gzip")
    assert gz.body[:2] == b"\x1f\x8b"
    part1 = [e.text for e in ET.fromstring(gzip.decompress(gz.body)).iter(SM + "loc")]
    plain = fetch(locs[1])
    assert plain.status == 200 and plain.body.startswith(b"<?xml")
    part2 = [e.text for e in ET.fromstring(plain.body).iter(SM + "loc")]
    assert part1 and part2
    assert part1 + part2 == [site.url(p) for p in shop.sitemap_product_paths]
    listed = set(part1 + part2)
    assert site.url(shop.role("redirect_in_sitemap").legacy_path) in listed
    assert site.url(shop.role("redirect_in_sitemap").path) not in listed
    assert site.url(shop.role("disallowed").path) not in listed
    assert site.url(shop.role("js_listing_only").path) not in listed
    assert site.url(shop.role("js_only").path) in listed

    cats = [e.text for e in ET.fromstring(fetch(locs[2]).body).iter(SM + "loc")]
    assert cats == [site.url("/")] + [site.url(c.path) for c in shop.categories]


# --- listing pages ----------------------------------------------------------------------------


def _product_links(page: Page) -> list[str]:
    return [h for h in page.links if re.match(r"^/(p|js/p|private/p)/", h)]


def test_pagination_chain(site, shop):
    slug = "t-shirt"
    assert shop.category_page_count(slug) == 2
    url, seen, pages = site.url(f"/c/{slug}"), [], 0
    while url:
        r = fetch(url)
        assert r.status == 200
        page = Page(r.text)
        pages += 1
        links = [h for h in _product_links(page) if h not in shop.error_paths]
        assert 0 < len(links) <= PER_PAGE
        seen += links
        nxt = page.link_rels.get("next")
        anchor = next((h for h in page.links if "page=" in h and h.startswith("?")), None)
        if nxt:
            assert anchor is not None and urljoin(url, anchor) == nxt
            assert ">Next</a>" in r.text
        url = nxt
    assert pages == 2
    assert seen == [p.path for p in shop.category_products(slug)]
    assert fetch(site.url(f"/c/{slug}?page=3")).status == 404
    assert fetch(site.url("/c/no-such-category")).status == 404
    # every listed product of every category is reachable through the HTML pages
    for c in shop.categories:
        got = []
        for n in range(1, shop.category_page_count(c.slug) + 1):
            got += [h for h in _product_links(Page(fetch(site.url(f"{c.path}?page={n}")).text))
                    if h not in shop.error_paths]
        assert got == [p.path for p in shop.category_products(c.slug)]


def test_home_links_categories_js_listing_and_legacy_url(site, shop):
    page = Page(fetch(site.url("/")).text)
    for c in shop.categories:
        assert c.path in page.links
    assert shop.js_category_path in page.links
    assert shop.featured_legacy_path in page.links


def test_private_product_linked_but_disallowed(site, shop):
    p = shop.role("disallowed")
    page = Page(fetch(site.url(f"/c/{p.category_slug}")).text)
    pages = [Page(fetch(site.url(f"/c/{p.category_slug}?page={n}")).text)
             for n in range(1, shop.category_page_count(p.category_slug) + 1)]
    assert any(p.path in pg.links for pg in pages) and page is not None
    r = fetch(site.url(p.path))
    assert r.status == 200 and p.name in r.text
    assert fetch(site.url("/p/" + p.slug)).status == 404


def test_js_category_has_no_product_links_in_raw_html(site, shop):
    r = fetch(site.url(shop.js_category_path))
    assert r.status == 200
    page = Page(r.text)
    assert _product_links(page) == []
    assert "/p/" not in r.text
    api = fetch(site.url(shop.js_category_path.replace("/js/c/", "/api/c/") + ".json"))
    assert api.status == 200 and api.headers["Content-Type"].startswith("application/json")
    data = json.loads(api.body)
    hidden = shop.role("js_listing_only")
    assert hidden.path in [it["url"] for it in data["products"]]
    assert [it["url"] for it in data["products"]] == [p.path for p in shop.js_category_products(hidden.category_slug)]
    # the hidden product is on no HTML listing page nor in the sitemaps
    for c in shop.categories:
        for n in range(1, shop.category_page_count(c.slug) + 1):
            assert hidden.path not in fetch(site.url(f"{c.path}?page={n}")).text
    assert fetch(site.url(hidden.path)).status == 200


def test_js_product_page_has_no_data_without_javascript(site, shop):
    p = shop.role("js_only")
    r = fetch(site.url(p.path))
    assert r.status == 200
    page = Page(r.text)
    assert page.ld == [] and p.name not in r.text and p.price_display not in r.text and not page.h1
    api = fetch(site.url(f"/api/p/{p.slug}.json"))
    data = json.loads(api.body)
    assert data["jsonld"]["name"] == p.name and data["jsonld"]["offers"]["price"] == p.price
    assert p.price_display in data["html"]
    assert fetch(site.url("/p/" + p.slug)).status == 404


# --- product pages per markup style -----------------------------------------------------------


def _product_page(site, p):  # noqa: ANN001, ANN202
    r = fetch(site.url(p.path))
    assert r.status == 200, (p.path, r.status)
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    return r, Page(r.text)


def test_style_jsonld(site, shop):
    p = sample(shop, "jsonld")
    r, page = _product_page(site, p)
    docs = [json.loads(t) for t in page.ld]
    prod = next(d for d in docs if d["@type"] == "Product")
    crumbs = next(d for d in docs if d["@type"] == "BreadcrumbList")
    assert prod["name"] == p.name and prod["brand"]["name"] == p.brand
    assert (prod["sku"], prod["gtin13"], prod["mpn"], prod["color"]) == (p.sku, p.gtin, p.mpn, p.color)
    assert prod["offers"]["price"] == p.price and prod["offers"]["priceCurrency"] == p.currency
    assert avail_value(prod["offers"]["availability"]) == p.availability
    assert prod["image"] == [site.url(i) for i in p.images]
    assert prod["description"] == p.description
    assert [it["name"] for it in crumbs["itemListElement"]] == p.breadcrumbs
    assert page.h1 == [p.name] and p.price_display in r.text


def test_style_jsonld_graph(site, shop):
    p = sample(shop, "jsonld_graph")
    _, page = _product_page(site, p)
    (doc,) = [json.loads(t) for t in page.ld]
    types = [n["@type"] for n in doc["@graph"]]
    assert {"Organization", "WebPage", "BreadcrumbList", "Product"} <= set(types)
    prod = next(n for n in doc["@graph"] if n["@type"] == "Product")
    org = next(n for n in doc["@graph"] if n["@type"] == "Organization")
    assert org["name"] != p.brand and prod["brand"]["name"] == p.brand
    assert Decimal(str(prod["offers"]["price"])) == Decimal(p.price)
    assert prod["offers"]["priceCurrency"] == p.currency and prod["gtin13"] == p.gtin


def _repair(text: str) -> dict:
    """What a lenient extractor has to do for the broken JSON-LD."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r",\s*([}\]])", r"\1", text)
    obj, _ = json.JSONDecoder(strict=False).raw_decode(text.strip())
    return obj


def test_style_jsonld_broken(site, shop):
    broken = [p for p in shop.with_style("jsonld_broken") if p.path.startswith("/p/")]
    kinds = set()
    for p in broken:
        _, page = _product_page(site, p)
        (text,) = page.ld
        with pytest.raises(json.JSONDecodeError):
            json.loads(text)
        kinds |= set(p.jsonld_breakages)
        if "html_comment" in p.jsonld_breakages:
            assert "<!--" in text
        if "trailing_semicolon" in p.jsonld_breakages:
            assert re.search(r"\};", text)
        if "extra_brace" in p.jsonld_breakages:
            assert text.count("}") > text.count("{")
        if "trailing_commas" in p.jsonld_breakages:
            assert re.search(r",\s*[}\]]", text)
        if "control_chars" in p.jsonld_breakages:
            desc = re.search(r'"description": "(.*?)",\n  "sku"', text, re.S).group(1)
            assert "\n" in desc and "\t" in desc
        obj = _repair(text)
        assert obj["offers"]["price"] == p.price and obj["name"] == p.name and obj["gtin13"] == p.gtin
        assert " ".join(obj["description"].split()) == " ".join(p.description.split())
    assert kinds == {"html_comment", "control_chars", "trailing_commas", "trailing_semicolon", "extra_brace"}


def test_style_productgroup(site, shop):
    p = sample(shop, "productgroup")
    _, page = _product_page(site, p)
    group = next(d for d in map(json.loads, page.ld) if d["@type"] == "ProductGroup")
    assert group["productGroupID"] == p.sku and group["name"] == p.name
    got = [(v["sku"], v["gtin13"], v["size"], v["color"], v["offers"]["price"], avail_value(v["offers"]["availability"]))
           for v in group["hasVariant"]]
    assert got == [(v.sku, v.gtin, v.size, v.color, v.price, v.availability) for v in p.variants]
    assert len({v.color for v in p.variants}) == 2 and len({v.price for v in p.variants}) == 2
    assert all(urlsplit(v["offers"]["url"]).path == p.path for v in group["hasVariant"])
    # variant URLs serve the product page
    assert fetch(site.url(p.variants[1].path)).status == 200


def test_style_microdata(site, shop):
    p = sample(shop, "microdata")
    r, page = _product_page(site, p)
    assert page.ld == [] and "https://schema.org/Product" in page.itemtypes
    assert page.prop("price")["content"] == p.price
    assert page.prop("priceCurrency")["content"] == p.currency
    assert avail_value(page.prop("availability")["href"]) == p.availability
    assert page.prop("gtin13")["content"] == p.gtin and page.prop("sku")["content"] == p.sku
    url = site.url(p.path)
    assert [urljoin(url, a["src"]) for n, a in page.itemprops if n == "image"] == [site.url(i) for i in p.images]
    assert page.prop("brand")["itemtype"] == "https://schema.org/Brand" and p.brand.replace("&", "&amp;") in r.text
    assert "https://schema.org/BreadcrumbList" in page.itemtypes
    assert page.h1 == [p.name]


def test_style_rdfa(site, shop):
    p = sample(shop, "rdfa")
    r, page = _product_page(site, p)
    assert page.ld == [] and not page.itemprops
    assert 'vocab="https://schema.org/"' in r.text and "Product" in page.typeofs and "Offer" in page.typeofs
    assert page.prop("price", "property")["content"] == p.price
    assert page.prop("gtin13", "property")["content"] == p.gtin
    assert avail_value(page.prop("availability", "property")["href"]) == p.availability
    assert sum(1 for n, _ in page.properties if n == "image") == len(p.images)


def test_style_opengraph(site, shop):
    p = sample(shop, "opengraph")
    r, page = _product_page(site, p)
    assert page.ld == [] and not page.itemprops and "typeof=" not in r.text
    assert page.meta("og:title") == [p.name]
    assert page.meta("og:image") == [site.url(i) for i in p.images]
    assert page.meta("product:price:amount") == [p.price] == page.meta("og:price:amount")
    assert page.meta("product:price:currency") == [p.currency] == page.meta("og:price:currency")
    assert page.h1 == [p.name]


def test_style_nomarkup(site, shop):
    p = next(q for q in shop.with_style("nomarkup") if q.on_sale and q.path.startswith("/p/"))
    r, page = _product_page(site, p)
    assert page.ld == [] and not page.itemprops and not page.metas and "typeof=" not in r.text
    assert page.h1 == [p.name]
    assert re.search(r'<a class="brand" href="/brand/[a-z0-9-]+"><span>' + re.escape(p.brand.replace("&", "&amp;")), r.text)
    box = re.search(r'<div class="price-box">(.*?)</div>', r.text).group(1)
    assert f"<del class=\"price-was\">{p.regular_price_display}</del>" in box
    assert p.price_display in box and "Add to cart" in box
    related = r.text[r.text.index("You may also like"):]
    others = re.findall(r'<span class="related-price">(.*?)</span>', related)
    assert len(others) == 4
    rel_links = re.findall(r'<a href="(/p/[^"]+)">', related)
    assert len(rel_links) == 4 and p.path not in rel_links
    for link in rel_links:  # the carousel shows those products' real prices
        assert shop.by_path[link].price_display in others


def test_style_sale_markup_wrong(site, shop):
    p = sample(shop, "sale_markup_wrong")
    r, page = _product_page(site, p)
    (doc,) = [json.loads(t) for t in page.ld]
    assert doc["offers"]["price"] == p.regular_price != p.price
    box = re.search(r'<div class="price-box">(.*?)</div>', r.text).group(1)
    assert f"<del class=\"price-was\">{p.regular_price_display}</del>" in box
    assert f'<span class="price sale">{p.price_display}</span>' in box


def test_visible_prices_use_the_product_locale(site, shop):
    seen = set()
    for p in shop.products:
        if not p.path.startswith("/p/") or p.rate_limited:
            continue
        r = fetch(site.url(p.path))
        assert p.price_display in r.text
        assert f'<html lang="{p.locale}">' in r.text
        seen.add(p.locale)
        if p.locale in ("pl-PL", "fr-FR"):
            assert "\u00a0" in p.price_display
    assert seen == {loc.code for loc in LOCALES}
    big = [p.price_display for p in shop.products if Decimal(p.price) >= 1000]
    assert any(re.fullmatch(r"\d\.\d{3},00 €", s) for s in big)
    assert any(re.fullmatch(r"\$\d,\d{3}\.00", s) for s in big) or any(re.fullmatch(r"£\d,\d{3}\.00", s) for s in big)
    assert any(re.fullmatch(r"\d\u00a0\d{3},00\u00a0zł", s) for s in big)


# --- images in pages --------------------------------------------------------------------------


def test_gallery_markup_and_url_forms(site, shop):
    forms = set()
    for p in shop.products:
        if not p.path.startswith("/p/") or p.rate_limited:
            continue
        url = site.url(p.path)
        r = fetch(url)
        page = Page(r.text)
        srcs = [urljoin(url, i["src"]) for i in page.imgs]
        gallery = [site.url(i) for i in p.images]
        assert site.url("/static/logo.png") in srcs
        assert any(i["src"].startswith("/t/px.gif") and i.get("width") == "1" and i.get("height") == "1" for i in page.imgs)
        assert srcs.count(gallery[0]) >= 2  # main image + first thumbnail
        assert set(gallery) <= set(srcs)
        forms.add(p.image_url_form)
        main = next(i for i in page.imgs if i.get("class") == "main-image")
        if p.image_url_form == "relative":
            assert main["src"].startswith("../img/")
        if p.image_url_form == "protocol":
            assert main["src"].startswith("//127.0.0.1:")
        if p.srcset:
            assert "320w" in main["srcset"]
            small = urljoin(url, main["srcset"].split()[0])
            img = Image.open(io.BytesIO(fetch(small).body))
            assert img.width == 320
    assert forms == {"root", "absolute", "relative", "protocol"}


def test_special_images_behave_as_declared(site, shop):
    assert set(shop.special_images.values()) == {"broken", "not_image", "bomb", "noai", "missing"}
    noai_headers = set()
    for path, outcome in shop.special_images.items():
        owner = next(p for p in shop.products if path in p.images)
        assert owner.image_expectations[path] == outcome
        r = fetch(site.url(path))
        if outcome == "missing":
            assert r.status == 404
            continue
        assert r.status == 200
        if outcome == "broken":
            assert r.headers["Content-Type"] == "image/jpeg" and r.body[:2] == b"\xff\xd8"
            with pytest.raises(OSError):
                Image.open(io.BytesIO(r.body)).load()
        elif outcome == "not_image":
            assert r.headers["Content-Type"] == "image/jpeg" and r.body.lstrip().startswith(b"<!DOCTYPE html")
            with pytest.raises(Image.UnidentifiedImageError):
                Image.open(io.BytesIO(r.body))
        elif outcome == "bomb":
            assert r.headers["Content-Type"] == "image/png" and len(r.body) < 256 * 1024
            with pytest.raises(Image.DecompressionBombError):
                Image.open(io.BytesIO(r.body)).load()
        elif outcome == "noai":
            noai_headers.add(r.headers["X-Robots-Tag"])
            img = Image.open(io.BytesIO(r.body))
            img.load()
            assert 320 <= max(img.size) <= 480
    assert noai_headers == {"noai", "noimageai"}


def test_ok_images_decode(site, shop):
    fmts = set()
    for p in shop.products[:24]:
        for path in p.images:
            if p.image_expectations[path] != "ok":
                continue
            r = fetch(site.url(path))
            assert r.status == 200 and "X-Robots-Tag" not in r.headers
            img = Image.open(io.BytesIO(r.body))
            img.load()
            assert 320 <= max(img.size) <= 480 and min(img.size) >= 320
            assert r.headers["Content-Type"] == Image.MIME[img.format]
            assert len(r.body) < 200 * 1024
            fmts.add(img.format)
    assert fmts == {"JPEG", "PNG", "WEBP"}


def test_render_product_image_is_deterministic_and_looks_like_the_product(shop):
    for p in shop.products[:12]:
        for k, view in enumerate(p.image_views):
            a, b = render_product_image(p, k), render_product_image(p, k)
            assert a.mode == "RGB" and a.tobytes() == b.tobytes()
            assert 320 <= a.width <= 480 and 320 <= a.height <= 480
            if view == "front":
                # packshot: light background corners; the product colour covers a good part of the image
                px = a.load()
                assert min(px[0, 0]) >= 240 and min(px[a.width - 1, a.height - 1]) >= 240
                dist = np.abs(np.asarray(a, dtype=np.int32) - np.array(p.color_rgb)).sum(axis=2)
                assert (dist < 90).mean() > 0.08, (p.color, p.pattern)
    assert render_product_image(shop.products[0], 0).tobytes() != render_product_image(shop.products[1], 0).tobytes()


# --- HTTP behaviour ---------------------------------------------------------------------------


def test_redirects(site, shop):
    p = shop.products[0]
    r = fetch(site.url(p.legacy_path))
    assert r.status == 301 and r.headers["Location"] == site.url(p.path)
    moved = shop.role("redirect_in_sitemap")
    r = fetch(site.url(moved.legacy_path))
    assert r.status == 301 and r.headers["Location"] == site.url(moved.path)
    assert fetch(r.headers["Location"]).status == 200
    # urllib's default opener follows it to the product
    with urllib.request.urlopen(site.url(moved.legacy_path), timeout=10) as resp:
        assert resp.status == 200 and resp.url == site.url(moved.path)
    assert shop.redirects[moved.legacy_path] == moved.path


def test_404_and_500(site, shop):
    first = Page(fetch(site.url("/c/t-shirt")).text)
    for path, status in shop.error_paths.items():
        assert path in first.links
        r = fetch(site.url(path))
        assert r.status == status and r.headers["Content-Type"].startswith("text/html")
    assert fetch(site.url("/p/nope")).status == 404
    assert fetch(site.url("/nothing/here")).status == 404


def test_429_then_200_with_retry_after(shop):
    p = shop.role("rate_limited")
    for _ in range(2):  # state is per server instance
        with serve(shop) as srv:
            r = fetch(srv.url(p.path))
            assert r.status == 429 and r.headers["Retry-After"] == "1"
            r = fetch(srv.url(p.path))
            assert r.status == 200 and p.name in r.text
            assert fetch(srv.url(p.path)).status == 200
            assert [x.status for x in srv.request_log.for_path(p.path)] == [429, 200, 200]


def test_conditional_get_and_request_log(site, shop):
    p = shop.products[0]
    for path in (p.path, p.images[0], "/", "/sitemap.xml"):
        r = fetch(site.url(path))
        etag, lm = r.headers["ETag"], r.headers["Last-Modified"]
        assert r.status == 200 and etag.startswith('"') and lm.endswith("GMT")
        assert int(r.headers["Content-Length"]) == len(r.body)
        r2 = fetch(site.url(path), {"If-None-Match": etag})
        assert r2.status == 304 and r2.body == b"" and r2.headers["ETag"] == etag
        r3 = fetch(site.url(path), {"If-Modified-Since": lm})
        assert r3.status == 304
        r4 = fetch(site.url(path), {"If-None-Match": '"something-else"'})
        assert r4.status == 200 and r4.body == r.body
        r5 = fetch(site.url(path), {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
        assert r5.status == 200
    recs = site.request_log.for_path(p.path)
    assert [r.status for r in recs][-5:] == [200, 304, 304, 200, 200]
    cond = [r for r in recs if r.if_none_match]
    assert cond and all(r.user_agent == UA and r.method == "GET" for r in recs)
    assert any(r.if_modified_since for r in recs)
    assert all(isinstance(r.time, float) and r.time > 0 for r in recs)


def test_head_and_host_header(site, shop):
    p = shop.products[1]
    r = fetch(site.url(p.path), method="HEAD")
    assert r.status == 200 and r.body == b"" and int(r.headers["Content-Length"]) > 1000
    # absolute URLs follow the Host the request came to
    r = fetch(site.url(p.path), {"Host": "shop.example:8123"})
    assert '<link rel="canonical" href="http://shop.example:8123' in r.text
    assert "127.0.0.1" not in r.text
    robots = fetch(site.url("/robots.txt"), {"Host": "shop.example:8123"}).text
    assert "Sitemap: http://shop.example:8123/sitemap.xml" in robots


def test_large_site_serves_fast():
    big = build_shop(3000)
    with serve(big) as srv:
        t0 = time.perf_counter()
        paths = [p.path for p in big.products[:400] if not p.rate_limited]
        for path in paths:
            assert fetch(srv.url(path)).status == 200
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        for path in paths:
            assert fetch(srv.url(path)).status == 200
        cached = time.perf_counter() - t0
        last = f"/c/t-shirt?page={big.category_page_count('t-shirt')}"
        assert fetch(srv.url(last)).status == 200
        assert len(srv.request_log) == 2 * len(paths) + 1
    assert first < 20 and cached < 10, (first, cached)


def test_cli_runner_serves_until_interrupted():
    proc = subprocess.Popen(
        [sys.executable, "-m", "street2shop.demo.site", "--products", "20", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base), base
        r = fetch(base + "/")
        assert r.status == 200 and "Street2Shop" in r.text
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0 and "stopped after 1 requests" in err
