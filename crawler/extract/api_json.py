"""Product JSON documents (shop API responses) mapped by common key names.

No shop-specific paths: keys are matched by their usual names (name/title,
brand, price.current.value / price / amount, currency, media/images/url,
variants) so several API styles work.
"""
from __future__ import annotations

from .image_urls import clean_images
from .prices import currency_code, format_price, json_amount, json_regular_amount
from .record import Offer, ProductRecord
from .prices import Hints
from .schema import product_fields
from .text import availability, clean, strip_html

def _image_urls(d: dict) -> list:
    out = []
    for holder in (d.get("media"), d):
        if not isinstance(holder, dict):
            continue
        for key in ("images", "image", "imageUrls", "pictures"):
            v = holder.get(key)
            for it in v if isinstance(v, list) else [v] if v else []:
                u = it.get("url") or it.get("src") or it.get("href") if isinstance(it, dict) else it
                if isinstance(u, str):
                    # Protocol-less CDN paths ("images.example.com/x") are common in APIs.
                    if not u.startswith(("http:", "https:", "//", "/")) and "." in u.split("/", 1)[0]:
                        u = "https://" + u
                    out.append(u)
        if out:
            break
    return out


def record_from_json(data, url: str) -> ProductRecord | None:
    hints = Hints.from_page(url, None)
    if isinstance(data, list):
        data = next((d for d in data if isinstance(d, dict)), None)
    if not isinstance(data, dict):
        return None
    if str(data.get("@type", "")).endswith(("Product", "ProductGroup")):
        part = product_fields(data, url, hints)
        rec = ProductRecord(name=part.get("name"), brand=part.get("brand"),
                            currency=part.get("currency"), availability=part.get("availability"),
                            sku=part.get("sku"), gtin=part.get("gtin"), mpn=part.get("mpn"),
                            color=part.get("color"), description=part.get("description"),
                            images=clean_images(part.get("images") or [], url), canonical_url=url,
                            is_product=True)
        rec.price = format_price(part.get("price"), rec.currency)
        rec.sources = {k: "jsonld" for k, v in rec.to_dict().items() if v and k != "is_product"}
        return rec
    name = clean(data.get("name") or data.get("title"))
    if not name:
        return None
    brand = data.get("brand")
    brand = clean(brand.get("name") if isinstance(brand, dict) else brand)
    variants = [v for v in data.get("variants") or [] if isinstance(v, dict)]
    price, cur = json_amount(data.get("price"))
    regular = json_regular_amount(data.get("price"))
    offers = []
    for v in variants:
        a, c = json_amount(v.get("price"))
        reg = json_regular_amount(v.get("price"))
        if price is None and a is not None:
            price, cur, regular = a, c, reg
        c = currency_code(c or cur, hints)
        offers.append(Offer(
            name=clean(v.get("name")), sku=clean(str(v["sku"])) if v.get("sku") else None,
            gtin=clean(v.get("ean") or v.get("gtin")), color=clean(v.get("colour") or v.get("color")),
            size=clean(v.get("displaySizeText") or v.get("size") or v.get("brandSize")),
            price=format_price(a, c), regular_price=format_price(reg, c) if reg and a and reg > a else None,
            currency=c,
            availability=availability("InStock" if v.get("isInStock") else "OutOfStock")
            if "isInStock" in v else availability(v.get("availability")),
        ))
    cur = currency_code(cur or data.get("currency"), hints)
    rec = ProductRecord(
        name=name, brand=brand, currency=cur if price is not None else None,
        price=format_price(price, cur),
        regular_price=format_price(regular, cur) if regular and price and regular > price else None,
        sku=clean(str(data.get("productCode") or data.get("sku") or "")) or None,
        color=offers[0].color if offers else clean(data.get("colour") or data.get("color")),
        description=strip_html(data.get("description")),
        images=clean_images(_image_urls(data), url), offers=offers, canonical_url=url,
        is_product=price is not None,
    )
    if "isInStock" in data:
        rec.availability = "InStock" if data["isInStock"] else "OutOfStock"
    rec.sources = {k: "json" for k, v in rec.to_dict().items() if v and k not in ("is_product", "offers")}
    return rec
