"""schema.org Product/Offer/BreadcrumbList nodes -> partial records.

Shared by JSON-LD, microdata and RDFa: the latter two are first converted to
JSON-LD-shaped dicts, so the vocabulary quirks are handled in one place.
"""
from __future__ import annotations

from decimal import Decimal

from .images import absolutize, clean_images
from .prices import Hints, currency_code, parse_amount
from .text import availability, clean, strip_html

PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel",
                           "SomeProducts", "Vehicle", "Car", "Book"})
OFFER_TYPES = frozenset({"Offer", "AggregateOffer"})


def types(node) -> set[str]:
    t = node.get("@type") if isinstance(node, dict) else None
    if t is None:
        return set()
    if not isinstance(t, list):
        t = [t]
    return {str(x).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]
            for x in t if x}


def is_product(node) -> bool:
    return bool(types(node) & PRODUCT_TYPES)


def first(v):
    while isinstance(v, list):
        v = v[0] if v else None
    return v


def text_of(v) -> str | None:
    """Plain value of a property that may be a string, number, Thing or list of those."""
    v = first(v)
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value") or v.get("value")
        v = first(v)
    return clean(v) if isinstance(v, (str, int, float)) and not isinstance(v, bool) else None


def _gtin(node) -> str | None:
    for k in ("gtin", "gtin13", "gtin14", "gtin12", "gtin8", "isbn"):
        v = text_of(node.get(k))
        if v:
            return v.rsplit("/", 1)[-1]
    return None


def _images(node) -> list:
    v = node.get("image")
    if v is None:
        return []
    if not isinstance(v, list):
        v = [v]
    out = []
    for item in v:
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl") or item.get("@id")
            item = first(item)
        if isinstance(item, str):
            out.append(item)
    return out


def _category(v) -> str | None:
    if isinstance(v, list):
        parts = [text_of(x) for x in v]
        parts = [p for p in parts if p]
        return " > ".join(parts) or None
    return text_of(v)


def _offer_list(offers) -> list[dict]:
    """Flatten offers: dict, list, AggregateOffer (whose nested offers are preferred)."""
    if offers is None:
        return []
    if not isinstance(offers, list):
        offers = [offers]
    out = []
    for o in offers:
        if not isinstance(o, dict):
            continue
        nested = o.get("offers")
        if "AggregateOffer" in types(o) and nested:
            inner = _offer_list(nested)
            if any(x.get("price") is not None or x.get("lowPrice") is not None for x in inner):
                out.extend(inner)
                continue
        out.append(o)
    return out


def _price_fields(o: dict, hints: Hints) -> tuple[Decimal | None, Decimal | None, str | None]:
    """(price, regular price, currency) of one Offer, including priceSpecification."""
    price = parse_amount(first(o.get("price")))
    if price is None:
        price = parse_amount(first(o.get("lowPrice")))
    regular = None
    cur = currency_code(text_of(o.get("priceCurrency")), hints)
    specs = o.get("priceSpecification")
    if specs is not None:
        for spec in specs if isinstance(specs, list) else [specs]:
            if not isinstance(spec, dict):
                continue
            amt = parse_amount(first(spec.get("price")))
            if amt is None:
                continue
            ptype = str(spec.get("priceType") or "")
            if any(k in ptype for k in ("Strikethrough", "ListPrice", "MSRP", "SRP")):
                regular = amt
            elif price is None:
                price = amt
            cur = cur or currency_code(text_of(spec.get("priceCurrency")), hints)
    if regular is not None and price is not None and regular <= price:
        regular = None
    return price, regular, cur


def offer_dict(o: dict, item: dict | None, base: str, hints: Hints) -> dict:
    price, regular, cur = _price_fields(o, hints)
    item = item or {}
    return {
        "name": text_of(item.get("name")) or text_of(o.get("name")),
        "sku": text_of(o.get("sku")) or text_of(item.get("sku")),
        "gtin": _gtin(o) or _gtin(item),
        "color": text_of(item.get("color")) or text_of(o.get("color")),
        "size": text_of(item.get("size")) or text_of(o.get("size")),
        "price": price,
        "regular_price": regular,
        "currency": cur,
        "availability": availability(o.get("availability")),
        "url": absolutize(text_of(o.get("url")) or text_of(item.get("url")), base),
        "images": clean_images(_images(item), base) if item else [],
    }


def product_fields(node: dict, base: str, hints: Hints) -> dict:
    """Partial record (Decimal prices) from a Product/ProductGroup node."""
    rec: dict = {
        "name": text_of(node.get("name")),
        "brand": text_of(node.get("brand")) or text_of(node.get("manufacturer")),
        "sku": text_of(node.get("sku")) or text_of(node.get("productGroupID")) or text_of(node.get("productID")),
        "gtin": _gtin(node),
        "mpn": text_of(node.get("mpn")),
        "color": text_of(node.get("color")),
        "description": strip_html(first(node.get("description"))),
        "category": _category(node.get("category")),
        "images": _images(node),
        "url": text_of(node.get("url")),
    }
    offers = [offer_dict(o, None, base, hints) for o in _offer_list(node.get("offers"))]
    variants = node.get("hasVariant")
    if variants:
        for v in variants if isinstance(variants, list) else [variants]:
            if not isinstance(v, dict):
                continue
            vo = _offer_list(v.get("offers")) or [{}]
            for o in vo:
                offers.append(offer_dict(o, v, base, hints))
            if not rec["images"]:
                rec["images"] = _images(v)
            if not rec["gtin"]:
                rec["gtin"] = _gtin(v)
    rec["offers"] = offers
    priced = [o for o in offers if o["price"] is not None]
    if priced:
        # Lowest price across offers/variants: what "from ..." displays and ranges report.
        best = min(priced, key=lambda o: o["price"])
        rec["price"] = best["price"]
        rec["regular_price"] = best["regular_price"]
        rec["currency"] = best["currency"] or next((o["currency"] for o in offers if o["currency"]), None)
    else:
        rec["currency"] = next((o["currency"] for o in offers if o["currency"]), None)
    avails = [o["availability"] for o in offers if o["availability"]]
    if avails:
        rec["availability"] = "InStock" if "InStock" in avails else avails[0]
    return rec


def breadcrumbs(node: dict) -> list[str]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        items = [items] if isinstance(items, dict) else []

    def pos(it):
        try:
            return float(it.get("position"))
        except (TypeError, ValueError):
            return 0.0

    items = sorted((i for i in items if isinstance(i, dict)), key=pos)
    out = []
    for it in items:
        name = text_of(it.get("name"))
        if not name and isinstance(it.get("item"), dict):
            name = text_of(it["item"].get("name"))
        if name:
            out.append(name)
    return out


def select_products(nodes: list[dict]) -> tuple[list[dict], int]:
    """The candidate main product(s) and the number of distinct standalone products.

    Variants of a ProductGroup and products nested under another product
    (isRelatedTo, isSimilarTo, isAccessoryOrSparePartFor) are not counted as
    separate products.
    """
    products = [n for n in nodes if is_product(n)]
    nested = set()
    for p in products:
        for k in ("hasVariant", "isRelatedTo", "isSimilarTo", "isAccessoryOrSparePartFor",
                  "isConsumableFor", "model", "isVariantOf"):
            v = p.get(k)
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, dict):
                    nested.add(id(x))
    top = [p for p in products if id(p) not in nested]
    groups = [p for p in top if "ProductGroup" in types(p)]
    return (groups or top), len(top)
