"""Product-page extraction: structured data first, generic DOM heuristics last.

Public API:

* ``extract_product(html, url)`` -- parse (bytes or str) once and extract;
* ``extract_from_tree(tree, url)`` -- extract from an lxml.html tree that the
  caller already has (Scrapy: ``response.selector.root``); the tree is not
  modified;
* ``ProductRecord`` / ``Offer`` -- the result dataclasses (``.to_dict()``).

See ``merge.py`` for the trust order of the layers and the sale-price rule.

Modules: ``page`` (decode + parse), ``scan`` (one pass collecting candidate
elements), ``jsonld`` / ``microdata`` / ``rdfa`` / ``opengraph`` (layers),
``schema`` (schema.org nodes -> fields), ``domprice`` / ``domfields`` /
``areas`` (DOM heuristics), ``prices``, ``images``, ``text`` (normalisation),
``jsondoc`` (JSON API product documents), ``merge`` (combining), ``record``;
for speed: ``urls`` (cheap exact urljoin), ``memo`` (bounded memo tables),
``lookup`` (C-level element classes for lxml.html trees).
"""
from .merge import extract_from_tree
from .page import extract_product, parse_html
from .record import Offer, ProductRecord

__all__ = ["extract_product", "extract_from_tree", "parse_html", "ProductRecord", "Offer"]
