"""Which links of a listing page are followed (crawler/links.py)."""

from __future__ import annotations

import lxml.html

from street2shop.crawler.links import LinkSorter

PAGE = """<!DOCTYPE html>
<html><head><title>Dresses | Shop</title>
<link rel="next" href="/c/dresses?page=2">
<link rel="stylesheet" href="/static/site.css">
</head><body>
<nav>
  <a href="/">Home</a> <a href="/c/dresses">Dresses</a> <a href="/cart">Cart (0)</a>
  <a href="/account/login">Sign in</a> <a href="mailto:help@shop.example">Mail us</a>
  <a href="tel:+441234">Call</a> <a href="javascript:void(0)">Menu</a> <a href="#top">Top</a>
</nav>
<ul class="grid">
  <li><a class="card" href="/p/wrap-dress-1#reviews"><img src="/i/1.jpg"><span>Wrap dress</span>
      <span class="price">€49,00</span></a></li>
  <li><a class="card" href="https://shop.example/p/slip-dress-2"><span>Slip dress</span></a></li>
  <li><a class="card" href="p/relative-dress-3">Relative dress</a></li>
  <li><a class="card" href="http://[broken/p/4">A broken link</a></li>
  <li><a href="/c/dresses?sort=price">Sort by price</a></li>
  <li><a href="/lookbook.pdf">Lookbook (PDF)</a></li>
  <li><a href="/p/wrap-dress-1">Wrap dress again</a></li>
</ul>
<div class="pager">
  <a href="/c/dresses?page=1">1</a> <a href="/c/dresses?page=2">2</a>
  <a class="pager-next" href="/c/dresses?page=2">›</a>
  <a href="/c/dresses?page=3" aria-label="Next page"><svg></svg></a>
  <a href="/c/dresses?page=4">Weiter »</a>
</div>
</body></html>"""


def _sort(sorter: LinkSorter, html: str = PAGE, url: str = "https://shop.example/c/dresses"):
    return sorter.sort(lxml.html.document_fromstring(html), url)


def test_listing_links_are_sorted_into_pagination_and_others():
    pagination, others = _sort(LinkSorter([], []))
    assert pagination == ["https://shop.example/c/dresses?page=2", "https://shop.example/c/dresses?page=3",
                          "https://shop.example/c/dresses?page=4"]
    assert others == [
        "https://shop.example/",
        "https://shop.example/c/dresses",
        "https://shop.example/p/wrap-dress-1",  # fragment dropped, and listed once
        "https://shop.example/p/slip-dress-2",
        "https://shop.example/c/p/relative-dress-3",  # relative to the page
        "https://shop.example/c/dresses?page=1",
    ]


def test_a_broken_href_is_skipped_and_the_rest_of_the_page_still_sorted():
    # urljoin raises ValueError on it; before, that lost the whole page's links (and, in a
    # worker process, the worker).
    pagination, others = _sort(LinkSorter([], []))
    assert not any("broken" in u for u in others + pagination)
    assert "https://shop.example/p/slip-dress-2" in others


def test_manifest_rules_and_base_href_apply_and_verdicts_are_stable():
    sorter = LinkSorter([r"/p/", r"/c/"], [r"/slip-"])
    html = PAGE.replace("<head>", '<head><base href="https://shop.example/outlet/">')
    for _ in range(2):  # the second pass answers from the sorter's memo: the same verdicts
        pagination, others = _sort(sorter, html)
        assert others == ["https://shop.example/c/dresses", "https://shop.example/p/wrap-dress-1",
                          "https://shop.example/outlet/p/relative-dress-3",
                          "https://shop.example/c/dresses?page=1"]
        assert len(pagination) == 3
    assert not sorter.wanted("https://shop.example/p/slip-dress-2")
    assert sorter.wanted("https://shop.example/p/wrap-dress-1")
    assert not sorter.wanted("https://shop.example/about")
