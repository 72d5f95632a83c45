"""The brand (and code, and stock) a page hands its analytics.

In inline scripts (``dataLayer.push({ecommerce: {detail: {products: [{brand: "HP"}]}}})``,
GA4's ``item_brand``, a tag manager's ``productBrand: 'Kingston'``), often in JavaScript rather
than JSON and beside the brands of recommended products: a name from there counts only when
the page shows it as well, in the product's title ("HP Pavilion 15") or as the whole text of an
element of the buy box. In a ``data-brand`` attribute of the buy button, its form or an element
holding the product's title: that element is the product's own (``data-sku`` likewise names its
code, ``data-availability`` its stock). A tag manager's product stock flag (``product_instock:
['0']``), a schema.org stock URL in serialised page data, or such an attribute says whether it is
in stock when nothing on the page does. The price of the product a page views (``ecommerce.detail``,
GA4's ``view_item``) when the page shows none, and its stock when nothing else says.
"""
from __future__ import annotations

import json
import re

from .text import availability, short_text

# "brand": "HP", productBrand: 'Kingston', 'item_brand':"Acme", brand_name = "Acme", brand: ["Acme"]
_BRAND_VALUE = re.compile(
    r"""(?<![\w$])["']?(?:item_|product_?)?brand(?:_?name)?["']?\s*[:=]\s*\[?\s*"""
    r"""(?:"((?:[^"\\\n]|\\.){1,80})"|'([^'\\\n]{1,80})')""", re.I)
# product_instock: ['0'], "product_availability": "out of stock", item_stock_status = 'instock'
_STOCK_VALUE = re.compile(
    r"""(?<![\w$])["']?(?:product|item)_?(?:in_?stock|is_?in_?stock|availability|stock_?status)["']?\s*[:=]\s*"""
    r"""\[?\s*["']?(?P<value>[\w -]{1,24}?)["'\],;}\n]""", re.I)
# A schema.org stock URL inside a script other than JSON-LD (a framework's serialised page data,
# its quotes escaped: \"availability\":\"https://schema.org/OutOfStock\").
_SCHEMA_STOCK = re.compile(r"""availability\\*["']?\s*:\s*\\*["']https?:\\?/\\?/schema\.org\\?/(?P<value>\w{4,24})""")
_FLAGS = {"0": "OutOfStock", "false": "OutOfStock", "no": "OutOfStock", "n": "OutOfStock",
          "1": "InStock", "true": "InStock", "yes": "InStock", "y": "InStock"}
_MAX_SCRIPT = 500_000  # application bundles inlined whole hold no product's data worth their cost
_MAX_TOTAL = 2_000_000
_WORDS_OF = re.compile(r"\w+").findall
# data-brand, data-product-brand, data-item-brand, data-brand-name; data-sku, data-product-sku
BRAND_ATTRIBUTE = re.compile(r"data-(?:(?:product|item)-?)?brand(?:-?name)?$")
SKU_ATTRIBUTE = re.compile(r"data-(?:(?:product|item|variant)-?)?sku$")
STOCK_ATTRIBUTE = re.compile(r"data-(?:(?:product|item)-?)?(?:in-?stock|is-?in-?stock|availability|stock-?status|"
                             r"available|is-?available)$")


def _values(scripts) -> list[str]:
    """Brand values in the page's inline scripts, in page order, without repeats."""
    out: list[str] = []
    for text in _texts(scripts):
        for m in _near(text, ("rand", "RAND"), _BRAND_VALUE):
            v = m.group(2) if m.group(1) is None else _unescape(m.group(1))
            v = " ".join(v.split()) if v else ""
            if v and v not in out:
                out.append(v)
    return out


def script_availability(scripts) -> str | None:
    """In stock or not as the scripts' product stock flags say it, when they all agree."""
    said = set()
    for text in _texts(scripts):
        for m in _near(text, ("tock", "TOCK", "vailab", "VAILAB"), _STOCK_VALUE):
            said.add(stock_flag(m.group("value")))
        for m in _near(text, ("schema.org",), _SCHEMA_STOCK, reach=60):
            said.add(stock_flag(m.group("value")))
    said.discard(None)
    return said.pop() if len(said) == 1 else None


def stock_flag(value: str | None) -> str | None:
    """"0", "false", "out-of-stock", "InStock" as a stock verdict."""
    v = (value or "").strip().lower()
    return _FLAGS.get(v) or availability(v) if v else None


def _near(text: str, needles: tuple, pattern: re.Pattern, reach: int = 40):
    """`pattern`'s matches around each place a needle stands ("rand" of "brand"/"productBrand"):
    str.find skips a script's bulk a hundred times faster than the pattern would."""
    hits = sorted(i for needle in needles for i in _finds(text, needle))
    done = -1
    for i in hits:
        if i < done:
            continue
        m = pattern.search(text, max(0, i - reach), i + 160)
        if m and m.start() <= i < m.end():
            done = m.end()
            yield m


def _finds(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def _texts(scripts):
    """The inline scripts' texts worth reading (application bundles inlined whole are not)."""
    total = 0
    for s in scripts:
        text = s.text
        if not text or len(text) > _MAX_SCRIPT:
            continue
        total += len(text)
        if total > _MAX_TOTAL:
            break
        yield text


def _unescape(v: str) -> str:
    try:
        return json.loads(f'"{v}"')  # "H\u0026M"
    except ValueError:
        return v


def script_brand(scripts, title: str | None, box, related, clean) -> str | None:
    """The first brand named in `scripts` that the product's `title` holds as whole words or that
    an element of `box` (the buy box's elements), outside `related` areas, shows as its whole
    text; `clean` tidies a brand text and rejects placeholders ("undefined", "{{ brand }}")."""
    values = [v for v in map(clean, _values(scripts)) if v]
    if not values:
        return None
    title_words = _WORDS_OF(title.casefold()) if title else []
    for v in values:
        words = _WORDS_OF(v.casefold())
        n = len(words)
        if n and any(title_words[i:i + n] == words for i in range(len(title_words) - n + 1)):
            return v
    wanted = {v.casefold(): v for v in values}
    for el in box:
        if isinstance(el.tag, str) and el.tag not in ("script", "style", "option") and len(el) <= 2:
            t = short_text(el, 60)
            if t and t.casefold() in wanted and not related(el):
                return wanted[t.casefold()]
    return None


# The product a page views, as its analytics are told: Universal Analytics' ``ecommerce.detail``
# and GA4's ``view_item`` event (never list impressions, which name other products).
_VIEWED = ("detail", "view_item")
_PRODUCTS = re.compile(r"""["']?(?:products|items)["']?\s*:\s*\[\s*\{""")
_FIELD = re.compile(r"""["']?(?P<key>[A-Za-z_]{2,20})["']?\s*:\s*(?:"(?P<d>[^"\\\n]{0,200})"|'(?P<s>[^'\\\n]{0,200})'|"""
                    r"""(?P<n>\d+(?:\.\d+)?|true|false)(?![\w.]))""")
_NAME_KEYS = ("name", "item_name")
_CURRENCY_KEYS = ("currency", "currencyCode")
# a count last: "stock": 0 is none left
_STOCK_KEYS = ("stock_status", "stockStatus", "availability", "in_stock", "inStock", "is_in_stock", "available",
               "stock", "stockLevel", "stock_level")


def script_price(scripts, title: str | None) -> tuple[str, str | None] | None:
    """(price text, currency or None) of the product the page's analytics say it shows, when
    that product is named like the page's `title` (its words at least 60% in the title)."""
    for product, around in _viewed(scripts, title):
        price = product.get("price")
        currency = next((d[k] for d in (product, around) for k in _CURRENCY_KEYS if k in d), None)
        if price and price.replace(".", "", 1).isdigit() and float(price) > 0:
            return price, currency
    return None


def script_viewed_stock(scripts, title: str | None) -> str | None:
    """The stock of the product the page's analytics say it shows (as ``script_price``):
    ``stock_status: "outofstock"``, ``in_stock: false``."""
    for product, _ in _viewed(scripts, title):
        # the first key whose value reads as a state ("stock_status": "vyprodáno" beside "availability": "out_of_stock")
        for k in _STOCK_KEYS:
            said = stock_flag(product[k]) if product.get(k) else None
            if said:
                return said
    return None


def _viewed(scripts, title: str | None):
    """(product fields, its event's fields) of each product an analytics view event names like
    `title`."""
    title_words = set(_WORDS_OF(title.casefold())) if title else set()
    if not title_words:
        return
    for text in _texts(scripts):
        for needle in _VIEWED:
            for at in _finds(text, needle):
                m = _PRODUCTS.search(text, at, at + 600)
                if m is None:
                    continue
                end = text.find("}", m.end(), m.end() + 2000)
                product = _fields(text, m.end(), end if end > 0 else m.end())
                name = next((product[k] for k in _NAME_KEYS if k in product), "")
                words = _WORDS_OF(name.casefold())
                if words and sum(w in title_words for w in words) >= 0.6 * len(words):
                    yield product, _fields(text, at, m.start())


def _fields(text: str, start: int, end: int) -> dict:
    out: dict = {}
    for m in _FIELD.finditer(text, start, end):
        out.setdefault(m.group("key"), m.group("d") if m.group("d") is not None
                       else m.group("s") if m.group("s") is not None else m.group("n"))
    return out


def attribute_value(anchors, related, attribute, clean, levels: int = 6) -> str | None:
    """The first value, as `clean` accepts it, of a data attribute whose name `attribute` matches
    on an anchor (the buy button, the title) or an element up to `levels` above it that is not a
    related product's tile."""
    seen = set()
    for a in anchors:
        e = a
        for _ in range(levels + 1):
            if e is None or e in seen:
                break
            seen.add(e)
            for k, v in e.items():
                if k.startswith("data-") and attribute.match(k.lower()):
                    b = clean(v)
                    if b and not related(e):
                        return b
            e = e.getparent()
    return None
