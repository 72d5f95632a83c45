"""The microdata layer overrides two private methods of extruct's extractor (for speed: they
were most of its cost). extruct is pinned in constraints.txt; this test proves the overrides
give extruct's own output, so an extruct release that changes its internals fails here
rather than changing records quietly."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from extruct.w3cmicrodata import MicrodataExtractor

from street2shop.crawler.extract.microdata import _EXTRACTOR
from street2shop.demo.site import build_shop
from street2shop.demo.site.pages import render_product

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "fixtures" / "product-pages"

HANDWRITTEN = """<html><body><div itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">Wool <b>Coat</b> <script>var x = 1;</script></h1>
<a itemprop="url" href="/p/coat"> link </a><img itemprop="image" src=" img/coat.jpg ">
<div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Nordhav</span></div>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="89.00">
<span itemprop="priceCurrency">EUR</span><link itemprop="availability" href="https://schema.org/InStock"></div>
<p itemprop="description">Warm<br>and <!-- comment --> light</p></div></body></html>"""


def _pages() -> list[tuple[str, bytes]]:
    shop = build_shop(48)
    pages = [("https://shop.example/p/coat", HANDWRITTEN.encode())]
    pages += [(f"https://shop.example{p.path}", render_product(shop, p).encode())
              for p in shop.products if p.style == "microdata"]
    for path in sorted(REAL.rglob("*.html*")) if REAL.exists() else []:
        data = path.read_bytes()
        pages.append((f"https://{path.stem}.example/p", gzip.decompress(data) if path.suffix == ".gz" else data))
    return [(url, html) for url, html in pages if b"itemscope" in html]


def test_the_overridden_extractor_gives_extruct_s_own_items():
    pages = _pages()
    assert len(pages) >= 3, "pages with microdata to compare on"
    for url, html in pages:
        ours = _EXTRACTOR.extract_items(lxml.html.fromstring(html), url)
        theirs = MicrodataExtractor().extract_items(lxml.html.fromstring(html), url)
        assert ours == theirs, url


@pytest.mark.parametrize("version_line", [line for line in (Path(__file__).resolve().parents[1] / "constraints.txt")
                                          .read_text().splitlines() if line.startswith("extruct==")])
def test_extruct_is_pinned(version_line):
    from importlib.metadata import version

    assert version_line == f"extruct=={version('extruct')}"


def test_a_name_given_as_a_link_is_no_name():
    # 6pm: <a itemprop="name" href=… content="Ayers Evening Sandal">: microdata's value of a link is its address
    # (extruct, as the spec has it), which names nothing; the heading does
    from street2shop.crawler.extract import extract_product
    html = ("<html><head><title>Roberto Cavalli Ayers Evening Sandal at 6pm.com</title></head><body>"
            "<div itemscope itemtype='http://schema.org/Product'><h1 class='title'><a href='/roberto-cavalli' "
            "itemprop='brand' class='brand'>Roberto Cavalli</a> <a href='/product/8574668' itemprop='name' "
            "content='Ayers Evening Sandal'>Ayers Evening Sandal</a></h1><span itemprop='price'>$54.99</span></div>"
            "</body></html>")
    rec = extract_product(html, "https://www.6pm.com/product/8574668")
    assert rec.name is not None and not rec.name.startswith("http") and "Ayers Evening Sandal" in rec.name
