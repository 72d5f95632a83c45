"""OpenGraph / product meta tags and other ``<meta>`` hints.

Covers both the Facebook catalogue names (``product:price:amount``,
``product:sale_price:amount``, ``product:original_price:amount``) and the
``og:price:*`` variants seen in the wild, Twitter "label/data" pairs, and
``itemprop`` meta tags (a safety net for microdata the parser misses), except those of
an item that is neither a product nor an offer (a Brand's or a Review's "name") and those
in the page's masthead (the shop's own name beside its logo).
"""
from __future__ import annotations

from .domfields import in_masthead
from .prices import Hints, currency_code, parse_amount, parse_price_text
from .stock import markup_availability
from .text import clean, unescape_twice_escaped


_PRICE = ("product:sale_price:amount", "og:sale_price:amount", "product:price:amount",
          "og:price:amount", "product:price", "og:price")
_REGULAR = ("product:original_price:amount", "og:original_price:amount",
            "og:price:standard_amount", "product:price:standard_amount")
_CURRENCY = ("product:sale_price:currency", "product:price:currency", "og:price:currency",
             "product:original_price:currency")


def read_meta(metas, links=()) -> dict[str, list[str]]:
    """All meta name/property/itemprop -> contents, in document order (``metas``: the <meta>
    elements), and the itemprop <link>s' hrefs (``<link itemprop="availability" href=...>``)."""
    meta: dict[str, list[str]] = {}
    for link in links:
        key = link.get("itemprop")
        if key and not _of_other_item(link):
            meta.setdefault("itemprop:" + key.strip().lower(), []).append(link.get("href"))
    for m in metas:
        content = unescape_twice_escaped(m.get("content"))
        for attr in ("property", "name", "itemprop"):
            key = m.get(attr)
            if key:
                key = key.strip().lower()
                if attr == "itemprop":
                    if _of_other_item(m) or in_masthead(m):
                        continue  # a Brand's or a Review's "name", the shop's own beside its logo
                    key = "itemprop:" + key
                meta.setdefault(key, []).append(content)
    return meta


def _of_other_item(el) -> bool:
    """The meta belongs to a microdata item that is neither a product nor an offer."""
    for a in el.iterancestors():
        if a.get("itemscope") is not None:
            kind = (a.get("itemtype") or "").lower()
            return bool(kind) and "product" not in kind and "offer" not in kind
    return False


def _get(meta, *keys):
    for k in keys:
        for v in meta.get(k, ()):
            v = clean(v)
            if v:
                return v
    return None


# Every key _fields reads is "description" or starts with one of these prefixes.
_READ_PREFIXES = ("og:", "product:", "twitter:", "itemprop:")


def opengraph_fields(meta: dict[str, list[str]], hints: Hints) -> tuple[dict, dict]:
    """(opengraph partial, other-meta partial)."""
    if not any(k == "description" or k.startswith(_READ_PREFIXES) for k in meta):
        # Nothing to read (many pages have only viewport/robots metas): skip ~35 look-ups.
        og, other = _EMPTY
        return {**og, "images": []}, {**other, "images": []}
    return _fields(meta, hints)


def _fields(meta: dict[str, list[str]], hints: Hints) -> tuple[dict, dict]:
    og: dict = {}
    og["name"] = _get(meta, "og:title")
    og["description"] = _get(meta, "og:description")
    og["url"] = _get(meta, "og:url")
    og["type"] = (_get(meta, "og:type") or "").lower() or None
    og["site_name"] = _get(meta, "og:site_name")
    og["locale"] = _get(meta, "og:locale")
    imgs = []
    for k in ("og:image:secure_url", "og:image", "og:image:url"):
        imgs.extend(v for v in meta.get(k, ()) if v)
    og["images"] = imgs
    og["brand"] = _get(meta, "product:brand", "og:brand")
    og["availability"] = markup_availability(_get(meta, "product:availability", "og:availability"))
    og["sku"] = _get(meta, "product:retailer_item_id", "product:sku", "og:sku")
    og["gtin"] = _get(meta, "product:ean", "product:gtin", "product:upc", "og:upc", "og:ean")
    og["color"] = _get(meta, "product:color")
    og["category"] = _get(meta, "product:category")
    cur_text = _get(meta, *_CURRENCY)
    price_text = _get(meta, *_PRICE)
    price = parse_amount(price_text)
    og["price"] = price
    og["currency"] = currency_code(cur_text, hints) if cur_text else None
    if price is not None and og["currency"] is None and price_text:
        og["currency"] = parse_price_text(price_text, hints)[1] or _namespaced_currency(meta, hints)
    # (beside a sale price the catalogue's plain price is the one before the sale)
    reg = parse_amount(_get(meta, *_REGULAR) or (_get(meta, "product:price:amount", "og:price:amount")
                                                 if _get(meta, "product:sale_price:amount", "og:sale_price:amount")
                                                 else None))
    og["regular_price"] = reg if reg is not None and price is not None and reg > price else None

    other: dict = {}
    other["description"] = _get(meta, "description", "twitter:description")
    other["name"] = _get(meta, "itemprop:name", "twitter:title")
    other["brand"] = _get(meta, "itemprop:brand")
    other["sku"] = _get(meta, "itemprop:sku")
    other["gtin"] = _get(meta, "itemprop:gtin13", "itemprop:gtin", "itemprop:gtin14", "itemprop:gtin12")
    other["availability"] = markup_availability(_get(meta, "itemprop:availability"))
    other["images"] = [v for v in meta.get("twitter:image", []) + meta.get("twitter:image:src", []) if v]
    p = parse_amount(_get(meta, "itemprop:price", "itemprop:lowprice"))
    cur = currency_code(_get(meta, "itemprop:pricecurrency"), hints)
    if p is None:
        # Twitter product cards: twitter:label1="Price", twitter:data1="$12.99".
        for i in "1234":
            label = (_get(meta, f"twitter:label{i}") or "").lower()
            if "price" in label or "prix" in label or "preis" in label or "precio" in label:
                p, c = parse_price_text(_get(meta, f"twitter:data{i}") or "", hints)
                cur = cur or c
                break
    if p is not None and cur is None:
        cur = _namespaced_currency(meta, hints)
    other["price"] = p
    other["currency"] = cur
    return og, other


def _namespaced_currency(meta: dict, hints: Hints) -> str | None:
    """A currency code in a site's own meta namespace ("etsymarketplace:currency_code")."""
    for key, values in meta.items():
        if key.endswith(("currency_code", ":currency")) and values and values[0]:
            code = currency_code(values[0], hints)
            if code:
                return code
    return None


_EMPTY = _fields({}, Hints())  # what a page without any of those metas gets
