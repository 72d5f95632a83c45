"""Seeded tag soup built from the extractor's own cues: it must return a record for every page.

The soup mixes the class names, labels and words the layers react to (a price's pieces, hidden and
loading states, state messages, shop-code labels, makers' links, stock words in several languages) in
any nesting, so the rules meet the shapes real pages never promise to avoid: a hidden footnote mark
inside a heading, a form inside a table header, a button inside a select. A crash there was a real
one (a heading's mark both hidden and a footnote's, dropped twice).
"""
from __future__ import annotations

import random

import pytest

from street2shop.crawler.extract import ProductRecord, extract_product

_TAGS = ("div", "span", "h1", "h2", "p", "button", "a", "table", "thead", "tbody", "tr", "td", "th", "sup", "ul",
         "li", "form", "input", "select", "option", "dl", "dt", "dd", "strong", "wbr", "br", "main", "header", "nav",
         "del", "s", "style", "script")
_CLASSES = ("price", "price--old", "variant__countdown--in", "variant__countdown--out", "g-hdn", "dspn", "is-loading",
            "loadingButtons_X", "brand__claim", "masthead__logo", "product-title", "add-to-cart", "stock",
            "availability", "manufacturersWarrantyLink", "brand", "hidden", "sr-only", "pricelabel__integer",
            "pricefield__header", "related-products", "size-picker", "")
_TEXTS = ("Sold out", "In stock", "Add to cart", "€ 12,99", "319", ".", "00", "statt", "UVP.:", "PER STUK", "1",
          "Details about ", "Numero oggetto eBay:", "172911378400", "Mehr Produkte von Acme", "10% déjà vendus",
          "Services are not available in all countries or regions", "Collection not available", "Non disponibile",
          "Garanzia cliente eBay", "Preordina", "Předobjednávka", "dont 5,50 € d'éco part", "", "Item is out of stock",
          "Manufacturer's Warranty disclosures", "BRAUN", "Series 7 Shaver", "Acme Widget 3000", "SKU: AW-3000",
          "Marke: Acme", "Ausverkauft", "品切れ", "Нет в наличии", "$1,299.00", "Notify me when available")
_HEADS = ("", "<title>Acme Widget 3000 | Shop</title>",
          '<script type="application/ld+json">{"@type": "Product", "name": "Acme Widget 3000", "offers": {"price": '
          '"12.99", "priceCurrency": "EUR", "availability": "InStock"}}</script>')


def _node(rng: random.Random, depth: int) -> str:
    if depth > 5 or rng.random() < 0.25:
        return rng.choice(_TEXTS)
    tag = rng.choice(_TAGS)
    attrs = ""
    if rng.random() < 0.6:
        attrs += f" class='{rng.choice(_CLASSES)} {rng.choice(_CLASSES)}'"
    if rng.random() < 0.1:
        attrs += " disabled"
    if rng.random() < 0.1:
        attrs += " itemprop='name'"
    if tag == "a":
        attrs += rng.choice((" href='#'", " href='/it/index.htm'", " href='/brand/acme'", ""))
    kids = "".join(_node(rng, depth + 1) for _ in range(rng.randint(0, 4)))
    return f"<{tag}{attrs}>{kids}</{tag}>"


@pytest.mark.parametrize("seed", [0, 1, 2, 34])  # 34: the doubly dropped heading mark
def test_tag_soup_of_the_extractors_own_cues_always_gives_a_record(seed):
    rng = random.Random(seed)
    for _ in range(300):
        html = (f"<html><head>{rng.choice(_HEADS)}</head><body>"
                f"{''.join(_node(rng, 0) for _ in range(rng.randint(1, 8)))}</body></html>")
        rec = extract_product(html, "https://www.example.it/p/aw-3000")
        assert isinstance(rec, ProductRecord)
        if "ld+json" in html:  # the markup's product is read whatever the soup around it
            assert rec.name is not None
