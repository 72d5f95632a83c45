"""schema.org Product/Offer/BreadcrumbList nodes -> partial records.

Shared by JSON-LD, microdata and RDFa: the latter two are first converted to
JSON-LD-shaped dicts, so the vocabulary quirks are handled in one place.
"""
from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

from .image_urls import absolutize, clean_images
from .prices import Hints, currency_code, parse_amount, parse_price_text
from .stock import markup_availability
from .text import SOLD_OUT, clean, plain_value, strip_html

PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel",
                           "SomeProducts", "Vehicle", "Car", "Book"})
OFFER_TYPES = frozenset({"Offer", "AggregateOffer"})
# Types are case-sensitive in schema.org, but shops write "product" and "offer" too.
_CANONICAL = {t.lower(): t for t in (*PRODUCT_TYPES, *OFFER_TYPES, "BreadcrumbList", "ItemList", "ListItem",
                                     "OfferCatalog", "PriceSpecification", "UnitPriceSpecification", "Brand",
                                     "Organization", "WebPage", "ItemPage", "CollectionPage", "SearchResultsPage")}


def types(node) -> set[str]:
    t = node.get("@type") if isinstance(node, dict) else None
    if t is None:
        return set()
    if t.__class__ is str and "/" not in t and "#" not in t and ":" not in t:
        return {_CANONICAL.get(t.lower(), t)} if t else set()  # the usual bare "Product": nothing to strip
    if not isinstance(t, list):
        t = [t]
    names = (str(x).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1] for x in t if x)
    return {_CANONICAL.get(n.lower(), n) for n in names}


def is_product(node) -> bool:
    return bool(types(node) & PRODUCT_TYPES)


def first(v):
    while isinstance(v, list):
        v = v[0] if v else None
    return v


def _not_an_address(name: str | None) -> str | None:
    """A name that is an address names nothing (microdata's value of a link marked as the name is its href)."""
    return None if name and name.startswith(("http://", "https://")) and " " not in name else name


def text_of(v) -> str | None:
    """Plain value of a property that may be a string, number, Thing or list of those."""
    if v is None:
        return None
    if v.__class__ is not str:
        v = first(v)
        if isinstance(v, dict):
            v = first(v.get("name") or v.get("@value") or v.get("value"))
        if not isinstance(v, str):
            return clean(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    return plain_value(v)


def get(node: dict, key: str):
    """Property value, tolerating a capitalised key ("Offers", "Availability") or a code's in capitals ("SKU")."""
    v = node.get(key)
    if v is None:
        v = node.get(key[:1].upper() + key[1:])
        if v is None and len(key) <= 4:
            v = node.get(key.upper())
    return v


def _gtin(node) -> str | None:
    for k in ("gtin", "gtin13", "gtin14", "gtin12", "gtin8", "isbn"):
        v = text_of(node.get(k))
        if v:
            return v.rsplit("/", 1)[-1]
    return None


def _product_id(node) -> str | None:
    """The productID as the shop's code, unless it is the product's barcode written again (Shopify themes'
    "productId" beside the same "gtin12")."""
    v = text_of(node.get("productID")) or text_of(node.get("productId"))
    return None if v and v == _gtin(node) else v


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
    if cur is None and isinstance(first(o.get("price")), str):
        cur = parse_price_text(first(o.get("price")), hints)[1]  # "price": "€49,95"
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


def _count(value) -> int:
    try:
        return int(str(first(value)).strip())
    except (TypeError, ValueError):
        return 0


def _item_offered(o: dict) -> dict:
    item = first(o.get("itemOffered"))
    return item if isinstance(item, dict) else {}


def offer_dict(o: dict, item: dict | None, base: str, hints: Hints) -> dict:
    price, regular, cur = _price_fields(o, hints)
    item = item or {}
    return {
        "name": text_of(item.get("name")) or text_of(o.get("name")),
        # also the code of the variant the offer sells (Shopify themes' "itemOffered": {"@type": "Product", "sku": …})
        "sku": text_of(get(o, "sku")) or text_of(get(item, "sku")) or text_of(get(_item_offered(o), "sku")),
        "gtin": _gtin(o) or _gtin(item),
        "color": text_of(item.get("color")) or text_of(o.get("color")),
        "size": text_of(item.get("size")) or text_of(o.get("size")),
        "price": price,
        "regular_price": regular,
        # an AggregateOffer's range: its lowPrice is a "from" price, maybe not the one shown
        "high_price": parse_amount(first(o.get("highPrice"))) if o.get("price") is None else None,
        # ... also without a highPrice, the lowest of several offers ("57 neufs et d'occasion à partir de 4,09 €")
        "from_price": o.get("price") is None and o.get("lowPrice") is not None and _count(o.get("offerCount")) > 1,
        "currency": cur,
        "offer_count": _count(o.get("offerCount")),  # sellers offering it (an AggregateOffer's)
        "availability": markup_availability(get(o, "availability")) or _inventory(o) or _no_offers(o),
        "condition": text_of(o.get("itemCondition")),
        "url": absolutize(text_of(o.get("url")) or text_of(item.get("url")), base),
        "images": clean_images(_images(item), base) if item else [],
    }


def _inventory(o: dict) -> str | None:
    """An offer's stock by its inventoryLevel (a number or a QuantitativeValue), when it names no availability."""
    level = get(o, "inventoryLevel")
    if isinstance(level, dict):
        level = level.get("value")
    amount = parse_amount(level) if isinstance(level, (int, float, str)) else None
    return None if amount is None else "InStock" if amount > 0 else "OutOfStock"


def _no_offers(o: dict) -> str | None:
    """An AggregateOffer that counts no offers ("offerCount": 0) says no seller has it: sold out."""
    count = first(o.get("offerCount"))
    return "OutOfStock" if "AggregateOffer" in types(o) and count is not None and str(count).strip() == "0" else None


_NOT_NEW = ("used", "refurbished", "damaged", "renewed", "secondhand", "pre-owned", "preowned")


def _is_new(o: dict) -> bool:
    c = (o.get("condition") or "").lower()
    return not any(k in c for k in _NOT_NEW)


def _url_key(u: str | None):
    if not u:
        return None
    parts = urlsplit(u)
    return (parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"),
            frozenset(parse_qsl(parts.query)) if parts.query else frozenset())


def _selected(offers: list[dict], page_url: str | None) -> dict | None:
    """The offer whose own URL is the page URL (a variant selected by ``?variant=`` etc.).

    Only decisive when the offers have distinct URLs and exactly one of them matches:
    the page URL may add tracking parameters but must carry all of the offer's.
    """
    page = _url_key(page_url)
    if page is None:
        return None
    hits = []
    urls = set()
    for o in offers:
        k = _url_key(o.get("url"))
        if k is None:
            continue
        urls.add(k)
        if k[0] == page[0] and k[1] == page[1] and k[2] <= page[2]:
            hits.append((len(k[2]), o))
    if len(urls) < 2 or not hits:
        return None
    hits.sort(key=lambda h: -h[0])
    if len(hits) > 1 and hits[0][0] == hits[1][0]:
        return None
    return hits[0][1]


def product_fields(node: dict, base: str, hints: Hints, page_url: str | None = None) -> dict:
    """Partial record (Decimal prices) from a Product/ProductGroup node.

    Among several offers/variants: the one whose URL is the page URL (selected
    variant) wins; otherwise the lowest price of the new-condition offers (what
    "from ..." shows; used/refurbished marketplace offers are not the item's price).
    A zero price is no price (configurable products, placeholders).
    """
    rec: dict = {
        "name": _not_an_address(text_of(node.get("name"))),
        # a book's "brand" is its author or publisher: no brand
        "brand": None if "Book" in types(node) else text_of(node.get("brand")) or text_of(node.get("manufacturer")),
        "sku": text_of(get(node, "sku")),
        "gtin": _gtin(node),
        "mpn": text_of(get(node, "mpn")),
        "color": text_of(node.get("color")),
        "description": strip_html(first(node.get("description"))),
        "category": _category(node.get("category")),
        "images": _images(node),
        "url": text_of(node.get("url")),
    }
    offers = [offer_dict(o, None, base, hints) for o in _offer_list(get(node, "offers"))]
    variants = node.get("hasVariant")
    if variants:
        for v in variants if isinstance(variants, list) else [variants]:
            if not isinstance(v, dict):
                continue
            vo = _offer_list(get(v, "offers")) or [{}]
            for o in vo:
                offers.append(offer_dict(o, v, base, hints))
            if not rec["images"]:
                rec["images"] = _images(v)
            if not rec["gtin"]:
                rec["gtin"] = _gtin(v)
    rec["offers"] = offers
    # a brand slot the shop's template fills and its catalogue leaves empty (Shopware's "supplierName"): no
    # maker on record, which the shop's own name does not stand in for
    rec["brand_blank"] = not rec["brand"] and node.get("brand") is not None and not node.get("manufacturer")
    rec["maker"] = text_of(node.get("manufacturer"))  # the brand where the markup's "brand" proves no maker's
    group = node.get("isVariantOf")
    group = first(group) if isinstance(first(group), dict) else None
    if group:
        # A variant page: what the variant leaves out comes from its group.
        for k, v in (("name", text_of(group.get("name"))), ("brand", text_of(group.get("brand"))),
                     ("description", strip_html(first(group.get("description")))),
                     ("category", _category(group.get("category")))):
            if not rec[k] and v:
                rec[k] = v
        if not rec["images"]:
            rec["images"] = _images(group)
    sel = _selected(offers, page_url) if len(offers) > 1 else None
    if sel is not None and sel["price"]:
        best = sel
        if sel.get("images") and not _images(node):
            rec["images"] = sel["images"]
    else:
        priced = [o for o in offers if o["price"]]
        priced = [o for o in priced if _is_new(o)] or priced
        # A sold-out size's lower price is not what a buyer can pay.
        priced = [o for o in priced if o["availability"] not in SOLD_OUT] or priced
        best = min(priced, key=lambda o: o["price"]) if priced else None
        top = max((o["price"] for o in priced), default=None)
        if best is not None and top > best["price"] and best["high_price"] is None:
            best = {**best, "high_price": top}  # offers at several prices: a range, of which the page shows one
    skus = {o["sku"] for o in offers if o["sku"]}
    if not rec["sku"] and len(skus) == 1:
        rec["sku"] = skus.pop()  # one variant's code is the product's (a ProductGroup of Shopify's "Default Title")
    if not rec["sku"]:
        # after the one offer's code: Shopify themes write the platform's record number as "productID"
        rec["sku"] = _product_id(node)
    if not rec["sku"]:
        rec["sku"] = text_of(node.get("productGroupID"))  # the group's code over one size's
    if not rec["sku"]:
        # Many shops put the sku on the offer only: the variant the page shows, else the one priced.
        rec["sku"] = (sel or best or {}).get("sku") or next((o["sku"] for o in offers if o["sku"]), None)
    if best is not None:
        rec["price"] = best["price"]
        rec["regular_price"] = best["regular_price"]
        if best["high_price"] is not None and best["price"] is not None and best["high_price"] > best["price"]:
            rec["high_price"] = best["high_price"]
        if best.get("from_price"):
            rec["from_price"] = True
        rec["currency"] = best["currency"] or next((o["currency"] for o in offers if o["currency"]), None)
    else:
        rec["currency"] = next((o["currency"] for o in offers if o["currency"]), None)
    avails = [o["availability"] for o in offers if o["availability"]]
    if sel is not None and sel["availability"]:
        # the size the address chose, unless it is sold out and another is not: the product is on sale
        rec["availability"] = "InStock" if sel["availability"] in SOLD_OUT and "InStock" in avails \
            else sel["availability"]
    elif avails:
        rec["availability"] = "InStock" if "InStock" in avails else avails[0]
    else:  # put on the product itself by some themes
        rec["availability"] = markup_availability(get(node, "availability"))
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


def _resolve(v, ids: dict, depth: int = 0):
    """Replace bare ``{"@id": ...}`` references (``@graph`` style) by the nodes they name
    (in lists nested at most as deep as ``iter_nodes`` descends: page data can nest deeper
    than the stack allows)."""
    if isinstance(v, list):
        return [_resolve(x, ids, depth + 1) for x in v] if depth < 12 else v
    if isinstance(v, dict) and len(v) == 1 and "@id" in v:
        return ids.get(v["@id"], v)
    return v


def _bare_ref(v) -> bool:
    return isinstance(v, dict) and len(v) == 1 and isinstance(v.get("@id"), str)


_NESTING = ("hasVariant", "isRelatedTo", "isSimilarTo", "isAccessoryOrSparePartFor",
            "isConsumableFor", "model", "isVariantOf")


def select_products(nodes: list[dict]) -> tuple[list[dict], int]:
    """The candidate main products (product groups first) and the number of distinct standalone products.

    Variants of a ProductGroup and products nested under another product
    (isRelatedTo, isSimilarTo, isAccessoryOrSparePartFor, an offer's itemOffered) are not counted as
    separate products.  ``@graph`` pages link these by ``@id`` references,
    which are resolved first (the product dicts returned are then copies).
    """
    products = [n for n in nodes if is_product(n)]
    if any(_bare_ref(p.get("brand")) for p in products):  # a @graph's Brand node named by its @id
        brands = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and "Brand" in types(n)}
        products = [{**p, "brand": brands.get(p["brand"]["@id"], p["brand"])} if _bare_ref(p.get("brand")) else p
                    for p in products]
    if len(products) > 1:
        ids = {}
        for n in nodes:
            i = n.get("@id")
            if isinstance(i, str) and len(n) > 1:
                ids.setdefault(i, n)
        if ids:
            out = []
            for p in products:
                refs = {k: _resolve(p[k], ids) for k in _NESTING if k in p}
                out.append({**p, **refs} if refs else p)
            products = out
    own_ids = {p.get("@id") for p in products if isinstance(p.get("@id"), str)}
    nested = set()
    for p in products:
        for k in _NESTING + ("offers",):
            v = p.get(k)
            if k == "offers":  # an offer's own itemOffered: the size or colour it sells
                v = [o.get("itemOffered") for o in (v if isinstance(v, list) else [v]) if isinstance(o, dict)]
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, dict):
                    i = x.get("@id")
                    if k == "isVariantOf" and i in own_ids:
                        continue  # points up to a group that stands on its own in the graph
                    nested.add(id(x))
                    if isinstance(i, str):
                        nested.add(i)
    top = _variants_as_groups([p for p in products if id(p) not in nested and p.get("@id") not in nested])
    # Groups first: the page's product when nothing names it (a carousel's repeated tiles group
    # too, so the standalone products stay candidates).
    groups = [p for p in top if "ProductGroup" in types(p) and (p.get("hasVariant") or get(p, "offers"))]
    return groups + [p for p in top if all(p is not g for g in groups)], len(top)


def _variants_as_groups(top: list[dict]) -> list[dict]:
    """Several Product nodes of one product (one per size or colour: the same product-group id,
    else the same name) become one ProductGroup whose variants they are: a product page, not a
    listing, in stock when any of them is."""
    if len(top) < 2:
        return top
    keys = [text_of(p.get("inProductGroupWithID")) or text_of(p.get("productGroupID"))
            or (text_of(p.get("name")) or "").casefold() or None for p in top]
    members: dict[str, list[dict]] = {}
    for p, key in zip(top, keys):
        if key is not None and "ProductGroup" not in types(p):
            members.setdefault(key, []).append(p)
    out, done = [], set()
    for p, key in zip(top, keys):
        group = members.get(key) if key is not None else None
        if not group or len(group) < 2 or p not in group:
            out.append(p)
        elif key not in done:
            done.add(key)
            head = group[0]
            code = text_of(head.get("inProductGroupWithID")) or text_of(head.get("productGroupID"))
            out.append({"@type": "ProductGroup", "name": head.get("name"), "brand": head.get("brand"),
                        "description": head.get("description"), "image": head.get("image"),
                        "category": head.get("category"), "url": head.get("url"), "productGroupID": code,
                        "hasVariant": group})
    return out
