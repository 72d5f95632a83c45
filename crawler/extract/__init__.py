"""Product-page extraction: structured data first, generic DOM heuristics last.

Public API:

* ``extract_product(html, url)`` -- parse (bytes or str) once and extract;
* ``extract_from_tree(tree, url)`` -- extract from an lxml.html tree that the
  caller already has (Scrapy: ``response.selector.root``); the tree is not
  modified;
* ``ProductRecord`` / ``Offer`` -- the result dataclasses (``.to_dict()``).

See ``merge.py`` for the trust order of the layers and the sale-price rule.

Modules: ``page`` (decode + parse), ``tree_scan`` (one pass collecting candidate
elements), ``jsonld`` / ``microdata`` / ``rdfa`` / ``opengraph`` (layers),
``page_state_json`` (product data in client-rendered shops' state JSON), ``schema``
(schema.org nodes -> fields), ``domprice`` / ``domfields`` / ``areas`` (DOM heuristics),
``labels`` (product codes and brand as the page shows them), ``prices``, ``image_urls``,
``text`` (normalisation), ``api_json`` (JSON API product documents), ``jsonsafe`` (JSON
decoding that survives any nesting), ``merge`` (combining), ``record``; for speed: ``urls``
(cheap exact urljoin), ``element_classes`` (C-level element classes for lxml.html trees).
"""
from . import areas, domprice, image_urls, labels, text, tree_scan, urls
from .merge import extract_from_tree
from .page import extract_product, parse_html
from .record import Offer, ProductRecord

__all__ = ["extract_product", "extract_from_tree", "parse_html", "ProductRecord", "Offer", "clear_caches"]


def clear_caches() -> None:
    """Empty the caches of pure per-string steps (class strings, price texts, URL joins
    repeat within and across a shop's pages): a benchmark measures pages as a crawl meets
    them, not from caches a previous pass warmed."""
    for cached in (areas._kind, domprice._attr_words, domprice._amount, image_urls.is_junk,
                   labels._shop_words, text._availability_of_text, tree_scan._flags_of, urls._urljoin):
        cached.cache_clear()
