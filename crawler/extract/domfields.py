"""DOM heuristics for everything but the price: product name (h1), availability text,
gallery images, breadcrumbs and the canonical link (brand and codes: ``labels``)."""
from __future__ import annotations

import re
from copy import deepcopy
from itertools import islice

from .image_urls import img_url, tiny
from .labels import BRAND_STYLE, labelled_code
from .text import HIDING_CLASS_TOKEN, SHOWN_FROM_A_WIDTH, TEST_IDS, clean, served_hidden, short_text


def title_text(title_el) -> str | None:
    return clean(title_el.text_content()) if title_el is not None else None


_WORD = re.compile(r"\w+")


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+[·•]\s+")
_MASTHEAD = re.compile(r"logo|site-?(?:title|name)|masthead|navbar-brand")
_NOT_ALNUM = re.compile(r"[\W_]+")


def title_name(title: str | None, site: set[str], host: str = "") -> str | None:
    """The product's name in the document title: its first part that is not the shop's name
    ("Linen Shirt | Shop Co" -> "Linen Shirt"), without a shop's call to buy around it ("Buy
    Linen Shirt Online", "Linen Shirt online kaufen", "Linen Shirt bei Shop Co" on shopco.com)."""
    if not title:
        return None
    at = _at_shop(title, site, host)
    if at:
        title = title[:at.start()] + " | " + at.group("shop")
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)]
    name = next((p for p in parts if p and p.casefold() not in site), None) if len(parts) > 1 else None
    return without_call_to_buy(name) if name else None


def without_call_to_buy(name: str) -> str:
    """A share title's name without the shop's call to buy around it ("Buy Jockey … Brief" in Myntra's twitter:title,
    "… online kaufen")."""
    return _CALL_TO_BUY.sub("", name).strip() or name


def without_at_shop(title: str, site: set[str], host: str = "") -> str:
    """`title` without the shop named after it ("YUNG-96 black Schuh bei SNIPES" on snipes.com, "Linen Shirt at
    Shop Co"), where that is the shop's own name."""
    at = _at_shop(title, site, host)
    return title[:at.start()] if at else title


def _at_shop(title: str, site: set[str], host: str):
    at = _AT_SHOP.search(title) or _IN_WEB_SHOP.search(title)
    if at and (at.group("shop").casefold() in site
               or _NOT_ALNUM.sub("", at.group("shop").lower()) in _NOT_ALNUM.sub("", host.lower())):
        return at
    return None


# "Buy ... Online", "... online kaufen", "Acheter ... en ligne": a shop's title around the name.
_CALL_TO_BUY = re.compile(r"^(?:buy|kaufen|acheter|comprar|compra|koop|köp|kjøp|kup)\s+|"
                          r"\s+(?:(?:online|en ligne|on-?line)(?:\s+(?:kaufen|bestellen|kopen|bestellen|acheter|"
                          r"comprar|comprare|köpa|kjøpe|kupić|shop|store))?|kaufen|bestellen|kopen)$", re.I)
_AT_SHOP = re.compile(r"\s+(?:(?:online\s+)?(?:kaufen|bestellen|kopen|buy|shop)\s+)?(?:bei|at|chez|på|hos|auf|from)\s+"
                      r"(?P<shop>[\w&'’. -]{2,40})$", re.I)
# ru/uk: "… купить за 1 299 ₽ в интернет-магазине Lamoda.ru", "… — купити за 350 грн. в інтернет-магазині Yakaboo"
_IN_WEB_SHOP = re.compile(r"\s*[,—–-]?\s+(?:(?:купить|купити|заказать|замовити)\s+)?(?:(?:за|по цене(?:\s+от)?|по ціні|от|від)"
                          r"\s+\d[\d\s.,]*\s*[^\s\d]{1,4}\.?\s+)?(?:в|у)\s+(?:интернет|інтернет)[-\s]магазин[еі]\s+"
                          r"(?P<shop>[\w&'’. -]{2,40})$", re.I)


def site_names(title: str | None, site_name: str | None, host: str = "", path: str = "") -> set[str]:
    """The shop's own name as the page gives it: og:site_name, the last part of a <title> cut
    by its separators ("Linen Shirt | Shop Co"; the first where the URL's path names the last:
    "Shop Co - Linen Shirt" at /products/linen-shirt), and any part that spells the host ("Shop
    Co | Linen Shirt" on shopco.com)."""
    names = {site_name.casefold()} if site_name else set()
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)] if title else []
    if len(parts) > 1:
        slug = set(_WORD.findall(path.casefold()))
        named = [len(w) >= 2 and w <= slug for w in (set(_WORD.findall(p.casefold())) for p in (parts[0], parts[-1]))]
        names.add((parts[0] if named == [False, True] else parts[-1]).casefold())
        squashed = _NOT_ALNUM.sub("", host.lower())
        for part in parts[:-1]:
            key = _NOT_ALNUM.sub("", part.casefold())
            if len(key) >= 3 and key in squashed:
                names.add(part.casefold())
    return names


def names_the_shop(name: str, site: set[str]) -> bool:
    """`name` is one of the shop's names for itself (``site_names``), spaces and punctuation aside."""
    key = _NOT_ALNUM.sub("", name.casefold())
    return bool(key) and any(_NOT_ALNUM.sub("", s) == key for s in site)


# Elements a table layout or a hand-made theme shows the product's name in, without a heading.
_NAME_TAGS = ("b", "strong", "font", "span", "div", "td", "p", "h2", "h3", "h4")


def element_naming(root, name: str, related):
    """On a page without a heading that names the product, the element that shows the name the
    <title> gives, or a little more (a table layout's ``<font size="4"><b>Rower Romet Wagant 28</b></font>``), outside
    the masthead, breadcrumbs and related areas: it anchors the buy box as an h1 would."""
    target = name.casefold()
    head = target[:12]
    for el in root.iter(_NAME_TAGS):
        own = el.text
        if not own or head not in own.casefold():
            continue
        shown = short_text(el, len(name) + 20)
        if (shown and shown.casefold().startswith(target) and not related(el) and not in_masthead(el)
                and not any("crumb" in (a.get("class") or "").lower() for a in el.iterancestors())):
            return el
    return None


def in_masthead(el) -> bool:
    """Inside the page's own header (not an article's or the product's), or a logo / site-title
    element."""
    page_header = False
    for e in (el, *el.iterancestors()):
        if e.tag in ("main", "article", "section"):
            return False
        if e.tag == "header":
            page_header = True
        key = e.get("class") or e.get("id")
        if key and _MASTHEAD.search(key.lower()):
            return True
    return page_header


def _in_menu(el, levels: int = 6) -> bool:
    """Inside the site's navigation: a `<nav>` or an element whose class or id says menu (a mega menu's h1s)."""
    for e in islice(el.iterancestors(), levels):
        if e.tag in ("main", "article"):
            return False
        key = e.get("class") or e.get("id")
        if e.tag == "nav" or (key and _MENU.search(key.lower())):
            return True
    return False


_MENU = re.compile(r"(?<![a-z])(?:menu|mega-?nav|main-?nav|site-?nav|navigation)")


def best_h1(h1s, titles: list[str], site: set[str] = frozenset(), fallback: bool = True):
    """The h1 that names the product: most of its words appear in <title>/og:title.

    Pages often have several h1s (dialogs, section headings, the shop's name as its logo); the
    document title nearly always repeats the product name, so word overlap picks it. An h1 that
    is the shop's name (`site`, from ``site_names``) inside the masthead is never the product.
    Without a heading named like the title: the first one the page shows (not a cart message of its
    hidden templates), unless ``fallback`` is false.
    """
    title_words = set()
    for t in titles:
        if t:
            title_words.update(_WORD.findall(t.lower()))
    best, best_score = None, 0.0
    first_h1 = first_shown = None
    # the heading sharing most words with the title (two at least), then the one nearest it
    most, most_matched = None, (1, 99.0)
    # a title block holding the heading (Lightspeed's "gui-product-title": the h1 and the brand's link)
    # names it no better than the heading does
    inner = {id(up) for h in h1s for up in h.iterancestors()}
    if inner:  # the heading it holds takes the block's place in page order (Amazon's h1 around its "productTitle")
        held = {id(h): h for h in h1s}
        h1s = list(dict.fromkeys(
            next((held[id(d)] for d in h.iterdescendants() if id(d) in held and id(d) not in inner), h)
            if id(h) in inner else h for h in h1s))
    for h in h1s:
        if id(h) in inner:
            continue
        t = shown_heading(h)
        t = _BRACKETED_CODE.sub("", t) if t and t.endswith("]") else t  # osCommerce's "… [JW-1108571]"
        if not t or len(t) < 2 or not any(ch.isalpha() for ch in t):
            continue  # a heading that is a price ("<h1 style='float: right;'>$389.00</h1>") names nothing
        if (t.casefold() in site and in_masthead(h)) or maker_heading(h):
            continue  # the shop's logo; a heading that names the maker ("<h1 class='product-brand'>")
        if title_words:
            t = _titled_part(h, t, title_words)
        if first_h1 is None:
            first_h1 = (h, t)
        if first_shown is None and not served_hidden(h) and not _in_menu(h):
            first_shown = (h, t)
        words = _WORD.findall(t.lower())
        if not words or not title_words:
            continue
        matched = sum(w in title_words for w in words)
        score = matched / len(words) + min(len(words), 20) / 100
        if len(title_words) >= 3 and title_words <= set(words):
            # the heading holds the whole (shortened) title; of two that do, the one with fewer other words
            score = max(score, 1 + matched / len(words) / 10 + min(len(words), 20) / 100)
        if score > best_score:
            best, best_score = (h, t), score
        if (matched, score) > most_matched:
            most, most_matched = (h, t), (matched, score)
    if best is not None and best_score >= 0.6:
        return best
    if not fallback:
        return None
    # a long name the title shortens ("ShieldTech MagStand (Samsung Galaxy S25) : Amazon.in") over a widget's
    # heading before it ("Product summary presents key product information")
    return most or first_shown or first_h1


def shown_heading(h) -> str | None:
    """A heading's text without the parts a hiding class takes out of sight (eBay's "<span class='g-hdn'>Details
    about</span>" before the item's title, there for screen readers and search engines) and without a control
    that only toggles it (eBay.it's "<a href='#'>mostra il titolo originale</a>" after a translated title)."""
    mark = _footnote_mark(h)
    if mark is None and not any(_not_the_name(d) for d in h.iterdescendants()):
        return short_text(h, 300, words_apart=True)
    copy = deepcopy(h)
    for d in list(dict.fromkeys([d for d in copy.iterdescendants() if _not_the_name(d)]
                                + ([copy[-1]] if mark is not None else []))):
        if d.getparent() is not None:  # not one a dropped part held, nor the mark twice
            d.drop_tree()
    t = short_text(copy, 300, words_apart=True)
    return t.rstrip(" -–—|:") if t else t


def _footnote_mark(h):
    """The heading's last element, a superscript number or mark after its words ("Battery<sup>1</sup>": a
    footnote's), not a unit's power ("6 m<sup>2</sup>")."""
    last = h[-1] if len(h) else None
    if last is None or last.tag != "sup" or (last.tail or "").strip() or len(last):
        return None
    said = (last.text or "").strip()
    before = "".join(h.itertext())[: -len(last.text or "") or None].rstrip()
    word = before.split()[-1] if before.split() else ""
    if not said or len(said) > 2 or not all(c.isdigit() or c in "*†‡" for c in said) or not word:
        return None
    return None if word.isalpha() and len(word) <= 2 else last


def _not_the_name(d) -> bool:
    if not isinstance(d.tag, str):
        return False
    cls = d.get("class")
    if cls and HIDING_CLASS_TOKEN.search(cls.lower()) and not SHOWN_FROM_A_WIDTH.search(cls):
        return True
    href = d.get("href") if d.tag == "a" else None
    return d.tag == "button" or (href is not None and (href.strip() in ("#", "") or href.startswith("javascript:")))


def shares_title(headings, titles: list[str], least: int = 3) -> bool:
    """Some heading holds `least` or more of the title's words (it names the product in part)."""
    words = {w for t in titles if t for w in _WORD.findall(t.lower())}
    return bool(words) and any(len(words.intersection(_WORD.findall((short_text(h, 300) or "").lower()))) >= least
                               for h in headings if h.tag == "h1")


def maker_heading(h) -> bool:
    """A heading that names the maker ("<h1 class='product-brand'>", "<h1 data-at='brand_desktop'>")."""
    key = " ".join(filter(None, (h.get("class"), h.get("id"), *map(h.get, TEST_IDS)))).lower()
    return bool(_MAKER.search(BRAND_STYLE.sub("", key)))  # not a heading in the brand's colours ("color-brand-green")


_MAKER = re.compile(r"brand|designer|vendor|manufacturer", re.I)
_BRACKETED_CODE = re.compile(r"\s*\[([\w./-]*\d[\w./-]*)\]$")


def bracketed_code(heading) -> str | None:
    """The code a heading ends with in brackets (osCommerce prints the model so: "Field Watch 40mm [HV-FA40]")."""
    t = short_text(heading, 300, words_apart=True)
    m = _BRACKETED_CODE.search(t) if t and t.endswith("]") else None
    return m.group(1) if m else None


def _coverage(text: str, title_words: set) -> float:
    words = _WORD.findall(text.lower())
    return sum(w in title_words for w in words) / len(words) if words else 0.0


# (also a share widget nested in the name's element: "<div class='mobile-share-accordion'>SHARE</div>")
_BADGE = re.compile(r"badge|flag|sticker|ribbon|pill|chip|promo|reserved|deleted|sold|status|share|social",
                    re.I)  # "Reserviert • "


def _titled_part(h, text: str, title_words: set) -> str:
    """A heading of several parts (the name, then a subtitle such as "Sold out, we do not know
    when it is back"): the part named like the page's title, when the rest is a phrase of its
    own (a maker's name before the name stays: "Nordvik" + "Wool Coat"); a badge's words that
    the title does not hold are left out."""
    parts = [c for c in h if isinstance(c.tag, str)]
    if not parts or _coverage(text, title_words) >= 0.9:
        return text
    for c in parts:  # a badge ("New", "-20%", "Bestseller") or a code ("SKU: LS-1") in the heading is not the name
        badge = short_text(c, 40) if _BADGE.search(c.get("class") or "") else None
        badge = badge or next(filter(labelled_code, [short_text(c, 60)]), None)
        if badge and _coverage(badge, title_words) == 0.0 and badge in text:
            text = " ".join(text.replace(badge, " ").split())
    if len(parts) < 2:
        return text
    n = len(_WORD.findall(text))
    for c in parts:
        t = short_text(c, 300, words_apart=True)
        words = len(_WORD.findall(t)) if t else 0
        if words >= 2 and n - words >= 4 and _coverage(t, title_words) == 1.0:
            return t
    return text


def gallery_images(boxes, related) -> list[str]:
    seen_imgs = set()
    urls = []
    for box in boxes:
        if related(box):
            continue
        for img in box.iterdescendants("img"):  # .//img, without an XPath evaluation per box
            if img in seen_imgs:
                continue
            seen_imgs.add(img)
            if tiny(img) or related(img):
                continue
            u = img_url(img)
            if u:
                urls.append(u)
            if len(urls) >= 40:
                return urls
    return urls


def breadcrumbs(boxes) -> list[str]:
    """The first box's trail of two steps or more; a box of dozens is a menu that names itself a crumb's, no trail,
    and an icon's inline style is no part of a step (".cls-1{fill:#999;} Назад")."""
    for box in boxes:
        items = list(box.iterdescendants("li")) or list(box.iterdescendants("a"))
        if len(items) > _TRAIL_STEPS:
            continue
        out = []
        for it in items:
            t = short_text(it, 80)
            if t and "{" in t:
                t = _CSS_RULE.sub("", t)
            if t:
                t = t.strip(" >/›»|·•→")
                if t and (not out or out[-1] != t):
                    out.append(t)
        if len(out) >= 2:
            return out
    return []


_TRAIL_STEPS = 15
_CSS_RULE = re.compile(r"[^{}]*\{[^{}]*\}\s*")


def canonical(links) -> str | None:
    for link in links:
        rel = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rel and href and href.strip():
            return href.strip()
    return None
