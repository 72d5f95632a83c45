"""One pass over the tree that collects everything the layers need.

Each ``//*[...]`` XPath is a full traversal, and string predicates
(translate/concat) make libxml2 allocate per element; on a 300 KB page ten of
them cost more than parsing the page.  A single ``iter()`` with cheap
attribute tests and one compiled regex per element does the same work once.
"""
from __future__ import annotations

import re

from lxml import etree

from functools import lru_cache
from itertools import islice

from .areas import first_words, related_heading, says_buy
from .labels import BRAND_CLASS_TOKEN, ID_HASH, LABEL, NAMED_ID, label_text, labelled_later, opening_bracket
from .stock import sold_out_button
from .text import TEST_IDS, names_alert, short_text

# Applied to lower-cased class/id strings that passed the cheap substring tests below.
_GALLERY = re.compile(
    r"gallery|thumb|zoom|slideshow|alt-?images|image-?block|"
    r"(?:main|landing|hero|product|pdp|primary)[-_ ]{0,2}(?:image|photo|media)|media-?viewer|image-?wrapper|"
    r"(?:image|media|photo)[-_ ]{0,2}(?:carousel|slider|swiper)"
)
_BUY = re.compile(
    r"add[-_ ]?to[-_ ]?(?:cart|bag|basket|trolley)|(?:cart|basket)[-_/]?add|buy[-_ ]?(?:now|button|box|btn)|"
    r"(?:button|btn)[-_ ]?buy(?![a-z])|"  # H&M's "button-buy" saying "ADD"
    r"warenkorb|panier|carrello|cesta|carrito|winkelwagen|koszyk|varukorg|kurv|sepet"
)
# The product's own title shown outside an h1 ("product-name", "productTitle", "pdp__title",
# osCommerce's "pageHeading").
_TITLE = re.compile(r"(?:product|pdp|item|sku|goods)[-_ ]{0,2}(?:name|title)\b|(?:pdp|page)[-_ ]{0,2}heading")
# A review's or a question's own title ("comment-item__title"), not the product's.
_NOT_TITLE = re.compile(r"comment|review|rating|question|answer")
# "price" in other languages (prix, pris, prijs, Preis, precio, prezzo, preço, cena) and struck prices.
_PRICE_WORD = re.compile(r"pri(?:x|s|js)|preis|prec[io]|prezz|preç|strike|cena")
_STRIKE_TAGS = frozenset(("del", "s", "strike", "ins"))
_NOT_PRICE = frozenset(("img", "option", "select", "input", "svg", "noscript", "template", "style", "link",
                        "meta", "script"))
_TAGS = frozenset(("meta", "link", "base", "title", "script", "h1", "h2", "h3", "button", "input", "nav", "form",
                   "del", "s", "strike", "ins", "tr", "dt", "style", "h4", "h5", "h6"))

_MAX_H2 = 30

# What a lower-cased class/id/itemprop string says about its element, as bit flags.
_F_PRICE, _F_BRAND, _F_CRUMB, _F_STOCK, _F_GALLERY, _F_BUY, _F_TITLE, _F_HEAD = 1, 2, 4, 8, 16, 32, 64, 128
# a form's list of makers names none of its own; an icon's sprite names a logo ("<symbol id='houzz-brands'>")
_NOT_BRAND = frozenset(("img", "input", "option", "select", "svg", "symbol", "use", "path", "g"))
_NOT_STOCK = frozenset(("img", "link", "meta", "input", "option"))
_BUY_TAGS = frozenset(("a", "button", "div", "span"))
# Never a printed label: links and controls name other pages and choices ("All brands", "Brand").
_NOT_LABEL = frozenset(("a", "option", "button", "select", "textarea", "style", "noscript", "svg", "img", "input",
                        "iframe", "path", "source", "picture", "html", "head", "body"))


# a class named for the product's status ("product-status"), not an order's or a deal's
_ITEM_STATUS = re.compile(r"(?:product|item|article|artikel|produkt|produit|producto|prodotto)[-_]?status")


# Class strings repeat heavily (within a page and across a site's pages).
@lru_cache(maxsize=50_000)
def _flags_of(raw: str) -> int:
    return _flags(raw.lower())


def _flags(low: str) -> int:
    """Plain substring tests first: a regex over every class string costs more than the parse."""
    f = 0
    if "price" in low or (("pri" in low or "pre" in low or "strike" in low or "cena" in low)
                          and _PRICE_WORD.search(low)):
        f |= _F_PRICE
    if ("brand" in low or "byline" in low or "vendor" in low or "designer" in low or "manufacturer" in low
            or "producer" in low or "supplier" in low
            or (("mar" in low or "mer" in low or "mær" in low or "mär" in low) and BRAND_CLASS_TOKEN.search(low))) \
            and "warrant" not in low:  # a maker's warranty ("manufacturersWarrantyLink"), not the maker
        f |= _F_BRAND
    if "crumb" in low:
        f |= _F_CRUMB
    if ("avail" in low or "stoc" in low or "inventory" in low or "lager" in low or "voorraad" in low
            or "disponib" in low or "dostep" in low or "sklad" in low or "saatav" in low  # Lager, dostępność...
            # ru наличие, pt estoque, es existencias, tr/id/pl stok, ja 在庫, ko 재고, de Vorrat, hu raktár
            or "nalich" in low or "estoque" in low or "existenc" in low or "stok" in low or "zaiko" in low
            or "jaego" in low or "vorrat" in low or "raktar" in low or "magazyn" in low  # pl stan magazynowy
            # "availability" in nl, de, cs/sk/hr, sv/da/no, hu, id ("stoc" above is en "stock" and ro "stoc")
            or "beschikbaar" in low or "verfuegbar" in low or "verfugbar" in low or "verfügbar" in low
            or "dostupn" in low or "tillg" in low or "tilg" in low or "elerhet" in low or "ketersedia" in low
            or "fulfil" in low  # a delivery option's status ("fulfilment-status": "Temporarily out of stock")
            or ("status" in low and _ITEM_STATUS.search(low))):  # the product's status ("product-status")
        f |= _F_STOCK
    if ("galler" in low or "thumb" in low or "zoom" in low or "slide" in low or "image" in low
            or "photo" in low or "media" in low) and _GALLERY.search(low):
        f |= _F_GALLERY
    if ("cart" in low or "bag" in low or "basket" in low or "buy" in low or "korb" in low
            or "panier" in low or "carrello" in low or "cesta" in low or "carrito" in low
            or "winkelwagen" in low or "koszyk" in low or "varukorg" in low or "kurv" in low
            or "sepet" in low) and _BUY.search(low):
        f |= _F_BUY
    if "name" in low or "title" in low or "heading" in low:
        if _TITLE.search(low) and not _NOT_TITLE.search(low):
            f |= _F_TITLE
        if "title" in low or "heading" in low:
            f |= _F_HEAD  # a section's heading styled so ("<p class='section-title'>Recently viewed</p>"),
            # unless it titles a product (its card's)
    return f


class Scan:
    __slots__ = ("metas", "links", "base", "title", "ld_scripts", "h1s", "price", "buy", "gallery",
                 "brand", "crumbs", "itemscope", "typed", "stock", "scripts", "spec_rows", "labels",
                 "code_inputs", "styles", "titles", "h2s", "related_heads", "state_attributes",
                 "variant_lists", "sold_out_buttons")

    def __init__(self):
        self.metas = []
        self.links = []
        self.base = None
        self.title = None
        self.ld_scripts = []
        self.h1s = []
        self.price = []
        self.buy = []
        self.gallery = []
        self.brand = []
        self.crumbs = []
        self.itemscope = False
        self.typed = []
        self.stock = []
        self.scripts = []  # inline non-JSON-LD scripts (page state of client-rendered shops)
        self.state_attributes = []  # the JSON text of "data-product…" attributes: page state too
        self.variant_lists = []  # the JSON text of "data-variants" ("data-product_variations") attributes: the variants
        self.spec_rows = []  # <tr> of two or four cells and <dl>/<dt>: label/value rows (labels.printed)
        self.labels = []  # elements whose text (a <br>: its tail) starts with a label (labels.printed)
        self.code_inputs = []  # hidden inputs named sku / ASIN
        self.styles = []  # <style> elements: the classes the page hides (stock.hidden_rules)
        self.titles = []  # elements whose class or id says product name or title
        self.h2s = []  # the first h2s: the product's heading on pages without an h1
        self.related_heads = []  # headings of recommendation blocks ("Customers also bought")
        self.sold_out_buttons = []  # disabled buttons that say sold out, whatever their class (stock.sold_out_button)


def _says_buy(el) -> bool:
    return says_buy(first_words(el, pieces=6))


def scan(root) -> Scan:
    s = Scan()
    price, buy, gallery, brand, crumbs = s.price, s.buy, s.gallery, s.brand, s.crumbs
    flags_of = _flags_of
    label_match = LABEL.match
    hash_match = ID_HASH.match
    named_match = NAMED_ID.match
    labels = s.labels
    for el in root.iter(etree.Element):  # elements only: no proxies for comments and PIs
        tag = el.tag
        if tag in _TAGS:
            get = el.get
            if tag == "meta":
                if get("content") is not None:
                    s.metas.append(el)
                continue
            if tag == "script":
                t = get("type")
                if t and ("ld+json" in t.lower() or "json-ld" in t.lower()):
                    s.ld_scripts.append(el)
                elif get("src") is None:
                    s.scripts.append(el)
                continue
            if tag == "link":
                s.links.append(el)
                continue
            if tag == "style":
                s.styles.append(el)
                continue
            if tag == "base":
                if s.base is None and get("href"):
                    s.base = get("href")
                continue
            if tag == "title":
                if s.title is None:
                    s.title = el
                continue
            if tag == "h1":
                s.h1s.append(el)
            elif tag == "h2" or tag == "h3" or tag == "h4" or tag == "h5" or tag == "h6":
                if tag == "h2" and len(s.h2s) < _MAX_H2:
                    s.h2s.append(el)
                if related_heading(short_text(el, 80)):
                    s.related_heads.append(el)
            elif tag in _STRIKE_TAGS:
                price.append(el)
                continue
            elif tag == "tr":
                # Label/value rows (//tr[count(th|td)=2 to 4], without a second traversal); a third
                # cell is often a copy button beside the value.
                if sum(1 for c in el if c.tag == "td" or c.tag == "th") in (2, 3, 4):
                    s.spec_rows.append(el)
            elif tag == "dt":
                p = el.getparent()
                if p is not None and p.tag == "dl":
                    s.spec_rows.append(el)
            elif tag == "input" and (get("type") or "").lower() == "hidden":
                n = (get("name") or get("id") or "").lower()
                if "sku" in n or n == "asin":
                    s.code_inputs.append(el)
                continue
            elif tag == "button" or (tag == "input" and (get("type") or "").lower() in ("submit", "button", "image")):
                key = " ".join(filter(None, (get("id"), get("class"), get("name"), get("value"),
                                             get("data-testid"), get("aria-label"))))
                if ((key and _BUY.search(key.lower())) or (tag == "button" and says_buy(first_words(el)))
                        or (tag == "input" and says_buy((get("alt") or get("value") or "")[:200]))):
                    # an input's words are its value, a picture button's its alt text
                    buy.append(el)
                    continue
                if names_alert(el):  # the back-in-stock alert in the buy button's place, its name in its data
                    s.stock.append(el)
                    continue
                if sold_out_button(el):
                    s.sold_out_buttons.append(el)
                    continue
            elif tag == "form":
                a = " ".join(filter(None, (get("id"), get("class"), get("action"), get("name"))))
                if a and _BUY.search(a.lower()):
                    buy.append(el)
                # Tiendanube's "data-variants", WooCommerce's "data-product_variations" (each with "is_in_stock")
                variants = get("data-variants") or get("data-product_variations")
                if variants and variants[:1] == "[":
                    s.variant_lists.append(variants)
                continue
            elif tag == "nav":
                lab = get("aria-label")
                if lab and "breadcrumb" in lab.lower():
                    crumbs.append(el)
                    continue
        if tag not in _NOT_LABEL:
            t = el.text if tag != "br" else el.tail
            if (t is None or t.isspace()) and len(el) and tag != "br":
                t = label_text(el)  # the words after an icon the label opens with
            if t and (label_match(t, opening_bracket(t)) or ("#" in t and hash_match(t))
                      or (":" in t[:48] and named_match(t)) or (("：" in t or ":" in t) and labelled_later(t))):
                labels.append(el)
        items = el.items()  # one call for every attribute we test: cheaper than keys() + get()s
        if not items:
            continue
        cls = ident = ip = None
        data_price = role_button = False
        for k, v in items:
            if k == "class":
                cls = v
            elif k == "id":
                ident = v
            elif k == "itemprop":
                ip = v
            elif k in TEST_IDS:
                ident = v if ident is None else ident + " " + v
            elif k == "data-price":
                data_price = True
            elif v[:1] == "{" and k.startswith("data-product"):  # PrestaShop's data-product='{"availability": …}'
                s.state_attributes.append(v)
            elif v[:1] == "[" and k == "data-variants":  # Tiendanube's buy form: its variants and their stock
                s.variant_lists.append(v)
            elif k == "typeof":
                s.typed.append(el)
            elif k == "itemscope":
                s.itemscope = True
            elif k == "role":
                role_button = v == "button"
        if (role_button or (tag == "a" and cls and ("btn" in cls or "button" in cls))) and _says_buy(el):
            buy.append(el)  # a link or a div dressed as the buy button ("<a class='button'>Add to bag</a>")
            continue
        if cls is None and ident is None and ip is None:
            if data_price and tag not in _NOT_PRICE:
                price.append(el)
            continue
        raw = cls + " " + ident if cls and ident else cls or ident or ""
        if ip:
            raw = raw + " " + ip
        f = flags_of(raw)
        if not f:
            if data_price and tag not in _NOT_PRICE:
                price.append(el)
            continue
        if (data_price or f & _F_PRICE) and tag not in _NOT_PRICE:
            price.append(el)
        if f & _F_BRAND and tag not in _NOT_BRAND:
            brand.append(el)
        if f & _F_CRUMB:
            crumbs.append(el)
        if f & _F_STOCK and tag not in _NOT_STOCK:
            s.stock.append(el)
        if f & _F_GALLERY and tag != "img":
            gallery.append(el)
        if f & _F_BUY and tag in _BUY_TAGS:
            buy.append(el)
        if f & _F_TITLE and tag not in _NOT_LABEL:
            s.titles.append(el)
        if f & _F_HEAD and not f & _F_TITLE and tag not in _NOT_LABEL and el.text and related_heading(el.text.strip()):
            s.related_heads.append(el)
    return s
