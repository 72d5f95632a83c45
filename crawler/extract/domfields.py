"""DOM heuristics for everything but the price: product name (h1), brand, label/value
spec rows, availability text, gallery images, breadcrumbs and the canonical link."""
from __future__ import annotations

import re

from .image_urls import img_url, tiny
from .text import clean, short_text


def title_text(title_el) -> str | None:
    return clean(title_el.text_content()) if title_el is not None else None


_WORD = re.compile(r"\w+")


def best_h1(h1s, titles: list[str]):
    """The h1 that names the product: most of its words appear in <title>/og:title.

    Pages often have several h1s (dialogs, section headings); the document
    title nearly always repeats the product name, so word overlap picks it.
    """
    title_words = set()
    for t in titles:
        if t:
            title_words.update(_WORD.findall(t.lower()))
    best, best_score = None, 0.0
    first_h1 = None
    for h in h1s:
        t = short_text(h, 300)
        if not t or len(t) < 2:
            continue
        if first_h1 is None:
            first_h1 = (h, t)
        words = _WORD.findall(t.lower())
        if not words or not title_words:
            continue
        score = sum(w in title_words for w in words) / len(words) + min(len(words), 20) / 100
        if score > best_score:
            best, best_score = (h, t), score
    if best is not None and best_score >= 0.6:
        return best
    return first_h1


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
    for box in boxes:
        items = list(box.iterdescendants("li")) or list(box.iterdescendants("a"))
        out = []
        for it in items:
            t = short_text(it, 80)
            if t:
                t = t.strip(" >/›»|·•→")
                if t and (not out or out[-1] != t):
                    out.append(t)
        if len(out) >= 2:
            return out
    return []


def canonical(links) -> str | None:
    for link in links:
        rel = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rel and href and href.strip():
            return href.strip()
    return None


_BRAND_LABELS = ("brand", "marke", "marque", "marca", "merk", "marka", "märke", "mærke", "merkki",
                 "manufacturer", "hersteller", "fabricant", "fabricante", "produttore", "brand name")
# Label/value rows ("Item no. | 12345") are a common way of showing identifiers.
_SPEC_LABELS = {
    "sku": ("sku", "item no", "item number", "article number", "art-nr", "art.-nr", "art. nr", "artikelnummer",
            "artikel-nr", "artikelnr", "référence", "reference", "ref", "réf", "product code", "product id",
            "item code", "numer produktu", "kod produktu", "nr art", "codice articolo", "artikelnummer"),
    "gtin": ("ean", "gtin", "upc", "ean-13", "ean13", "barcode", "isbn"),
    "mpn": ("mpn", "model number", "modellnummer", "herstellernummer", "part number", "manufacturer part number"),
    "color": ("colour", "color", "farbe", "couleur", "kolor", "colore", "kleur", "färg", "farve"),
}
_LABEL_TO_FIELD = {lab: f for f, labs in _SPEC_LABELS.items() for lab in labs}
for _b in _BRAND_LABELS:
    _LABEL_TO_FIELD[_b] = "brand"
_CELL_TAGS = frozenset(("td", "th", "dt", "dd", "span", "div"))


def _row_cells(row) -> list:
    """The cell children of a label/value row (a Python loop beats an XPath call on a few children)."""
    return [c for c in row if c.tag in _CELL_TAGS]
_BRAND_PREFIX = re.compile(
    r"^(?:(?:" + "|".join(_BRAND_LABELS) + r")\s*:?\s+|visit the\s+|besuchen sie den\s+|besuche den\s+|by\s+|von\s+|"
    r"visiter la boutique\s+|visita la tienda de\s+|visita lo store di\s+)",
    re.I,
)
_BRAND_SUFFIX = re.compile(r"(?:[- ]store|[- ]shop|\s+store besuchen)$", re.I)


def _clean_brand(t: str | None) -> str | None:
    if not t:
        return None
    t = _BRAND_SUFFIX.sub("", _BRAND_PREFIX.sub("", t.strip())).strip(" :-")
    if not t or len(t) > 50 or t.lower() in _BRAND_LABELS:
        return None
    return t


def dom_specs(rows) -> dict:
    """Fields from label/value rows: brand, sku, gtin, mpn, color.

    ``rows``: the two-cell ``<tr>`` and the ``<dt>`` of ``<dl>`` lists, in document
    order (collected by ``scan``).
    """
    out: dict = {}
    for row in rows:
        if row.tag == "dt":
            label, value = row, row.getnext()
        else:
            cells = _row_cells(row)
            if len(cells) != 2:
                continue
            label, value = cells
        if value is None:
            continue
        lt = short_text(label, 40)
        if not lt:
            continue
        field = _LABEL_TO_FIELD.get(lt.strip(" :.\u200e\u200f").lower().rstrip("."))
        if field is None or field in out:
            continue
        v = short_text(value, 60)
        if field == "brand":
            v = _clean_brand(v)
        elif field == "gtin" and v:
            v = v.replace(" ", "")
            v = v if v.isdigit() and 8 <= len(v) <= 14 else None
        if v:
            out[field] = v
    return out


def dom_brand(brand_elems, related) -> str | None:
    """Brand from an element whose class/id says brand (or byline: "Visit the X Store")."""
    for el in brand_elems:
        if related(el):
            continue
        cells = _row_cells(el)
        if len(cells) == 2:
            lt = short_text(cells[0], 40)
            if lt and lt.strip(" :").lower() in _BRAND_LABELS:
                b = _clean_brand(short_text(cells[1], 60))
                if b:
                    return b
        b = _clean_brand(short_text(el, 60))
        if b and not any(ch.isdigit() for ch in b[:1]):
            return b
    return None


_STOCK_TEXT = (
    ("LimitedAvailability", ("only a few", "few left", "low stock", "nur noch", "plus que", "quedan pocas",
                             "ostatnie sztuki", "limited")),
    ("PreOrder", ("pre-order", "preorder", "pre order", "vorbestell", "précommande", "precommande", "reserva")),
    ("OutOfStock", ("sold out", "out of stock", "unavailable", "not available", "ausverkauft",
                    "nicht verfügbar", "nicht lieferbar", "épuisé", "rupture", "indisponible", "agotado",
                    "niedostępny", "esaurito", "uitverkocht", "esgotado", "indisponível", "slutsåld",
                    "utsolgt", "udsolgt", "loppuunmyyty", "není skladem", "vyprodáno", "nincs raktáron",
                    "在庫切れ", "売り切れ", "品切れ", "缺货", "售罄", "품절", "غير متوفر", "نفدت", "אזל")),
    ("InStock", ("in stock", "available", "auf lager", "lieferbar", "verfügbar", "en stock", "disponible",
                 "dostępny", "disponibile", "op voorraad", "i lager", "på lager", "em estoque", "skladem",
                 "raktáron", "varastossa", "在庫あり", "有货", "现货", "재고 있음", "متوفر", "במלאי")),
)


def dom_availability(stock_elems, related) -> str | None:
    """Availability from a short "In stock" / "Sold out" style label."""
    for el in stock_elems:
        t = short_text(el, 40)
        if not t or related(el):
            continue
        low = t.lower()
        for value, phrases in _STOCK_TEXT:
            if any(ph in low for ph in phrases):
                return value
    return None
