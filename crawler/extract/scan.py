"""One pass over the tree that collects everything the layers need.

Each ``//*[...]`` XPath is a full traversal, and string predicates
(translate/concat) make libxml2 allocate per element; on a 300 KB page ten of
them cost more than parsing the page.  A single ``iter()`` with cheap
attribute tests and one compiled regex per element does the same work once.
"""
from __future__ import annotations

import re

# Applied to lower-cased class/id strings that passed the cheap substring tests below.
_GALLERY = re.compile(
    r"gallery|thumb|zoom|slideshow|alt-?images|image-?block|"
    r"(?:main|landing|hero|product|pdp|primary)[-_ ]{0,2}(?:image|photo|media)|media-?viewer|image-?wrapper|"
    r"(?:image|media|photo)[-_ ]{0,2}(?:carousel|slider|swiper)"
)
_BUY = re.compile(
    r"add[-_ ]?to[-_ ]?(?:cart|bag|basket|trolley)|buy[-_ ]?(?:now|button|box)|warenkorb|panier|"
    r"carrello|cesta|carrito|winkelwagen|koszyk|varukorg|kurv|sepet"
)
_BUY_TEXT = re.compile(
    r"add to (?:cart|bag|basket|trolley)|buy now|in den (?:warenkorb|einkaufswagen)|jetzt kaufen|"
    r"ajouter au panier|añadir a la cesta|añadir al carrito|aggiungi al carrello|do koszyka|"
    r"in winkelwagen|lägg i varukorg|læg i kurv|legg i handlekurv|sepete ekle|カートに入れる|加入购物车|장바구니",
    re.I,
)
# "price" in other languages (prix, pris, prijs, Preis, precio, prezzo, preço, cena) and struck prices.
_PRICE_WORD = re.compile(r"pri(?:x|s|js)|preis|prec[io]|prezz|preç|strike|cena")
_STRIKE_TAGS = frozenset(("del", "s", "strike", "ins"))
_NOT_PRICE = frozenset(("img", "option", "select", "input", "svg", "noscript", "template", "style", "link",
                        "meta", "script"))
_TAGS = frozenset(("meta", "link", "base", "title", "script", "h1", "button", "input", "nav", "form",
                   "del", "s", "strike", "ins"))


class Scan:
    __slots__ = ("metas", "links", "base", "title", "ld_scripts", "h1s", "price", "buy", "gallery",
                 "brand", "crumbs", "itemscope", "typed", "stock", "scripts")

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


def scan(root) -> Scan:
    s = Scan()
    price, buy, gallery, brand, crumbs = s.price, s.buy, s.gallery, s.brand, s.crumbs
    for el in root.iter():
        tag = el.tag
        if tag.__class__ is not str:
            continue  # comments, processing instructions
        get = el.get
        if tag in _TAGS:
            if tag == "meta":
                if get("content") is not None:
                    s.metas.append(el)
                continue
            if tag == "script":
                t = get("type")
                if t and "ld+json" in t.lower():
                    s.ld_scripts.append(el)
                elif get("src") is None:
                    s.scripts.append(el)
                continue
            if tag == "link":
                s.links.append(el)
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
            elif tag in _STRIKE_TAGS:
                price.append(el)
                continue
            elif tag == "button" or (tag == "input" and (get("type") or "").lower() in ("submit", "button", "image")):
                key = " ".join(filter(None, (get("id"), get("class"), get("name"), get("value"),
                                             get("data-testid"), get("aria-label"))))
                if (key and _BUY.search(key.lower())) or (tag == "button" and _BUY_TEXT.search(el.text_content()[:200])):
                    buy.append(el)
                    continue
            elif tag == "form":
                a = " ".join(filter(None, (get("id"), get("class"), get("action"), get("name"))))
                if a and _BUY.search(a.lower()):
                    buy.append(el)
                continue
            elif tag == "nav":
                lab = get("aria-label")
                if lab and "breadcrumb" in lab.lower():
                    crumbs.append(el)
                    continue
        keys = el.keys()
        if not keys:
            continue
        if "itemscope" in keys:
            s.itemscope = True
        if "typeof" in keys:
            s.typed.append(el)
        cls = get("class")
        ident = get("id")
        ip = get("itemprop") if "itemprop" in keys else None
        data_price = "data-price" in keys
        if cls is None and ident is None and ip is None:
            if data_price and tag not in _NOT_PRICE:
                price.append(el)
            continue
        low = (cls + " " + ident if cls and ident else cls or ident or "").lower()
        if ip:
            low = low + " " + ip.lower()
        # Plain substring tests first: a regex over every class string costs more than the parse.
        if data_price or "price" in low or (("pri" in low or "pre" in low or "strike" in low or "cena" in low)
                                            and _PRICE_WORD.search(low)):
            if tag not in _NOT_PRICE:
                price.append(el)
        if ("brand" in low or "byline" in low) and tag not in ("img", "input", "option"):
            brand.append(el)
        if "crumb" in low:
            crumbs.append(el)
        if ("avail" in low or "stock" in low) and tag not in ("img", "link", "meta", "input", "option"):
            s.stock.append(el)
        if tag != "img" and ("galler" in low or "thumb" in low or "zoom" in low or "slide" in low
                             or "image" in low or "photo" in low or "media" in low) and _GALLERY.search(low):
            gallery.append(el)
        if tag in ("a", "button", "div", "span") and (
                "cart" in low or "bag" in low or "basket" in low or "buy" in low or "korb" in low
                or "panier" in low or "carrello" in low or "cesta" in low or "carrito" in low
                or "winkelwagen" in low or "koszyk" in low or "varukorg" in low or "kurv" in low
                or "sepet" in low) and _BUY.search(low):
            buy.append(el)
    return s
