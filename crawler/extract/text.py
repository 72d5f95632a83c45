"""Small text helpers shared by every layer (whitespace, HTML stripping, availability)."""
from __future__ import annotations

import html
import re
from functools import lru_cache

from w3lib.html import replace_entities, replace_tags


# A utility class that hides its element, bare or under a short namespace ("hidden", "d-none",
# "is-hidden", "u-display-none"); not a responsive one ("hidden-xs", "md-hidden"), which hides
# it on some screens only.
# PrestaShop hides with "unvisible"
# Attributes that name an element for the shop's tests, as a class would
# ("<a data-test='@web/ProductDetailPageHeader/BrandLink'>").
TEST_IDS = frozenset(("data-testid", "data-test", "data-test-id", "data-qa", "data-automation-id", "data-cy",
                      "data-hook",  # Wix names its parts in data-hook ("product-title", "related-products")
                      "data-at"))  # de Bijenkorf's ("brand_desktop")
# (Cafe24's "displaynone", Amazon's "aok-hidden", eBay's "dspn" and "g-hdn", Magento 1's "no-display")
HIDING_CLASS = r"(?:(?:u|is|js|util|tw|aok|a|g)-)?(?:hidden|hide|hdn|d-none|invisible|unvisible|display-?none|dspn|no-?display)"
# React 18's streamed segment ("<div hidden id='S:0'>"): its script moves it into place at once, so it shows
_STREAMED_SEGMENT = re.compile(r"S:[0-9a-z]+")


def hidden_attribute(el) -> bool:
    """The element carries HTML's ``hidden`` attribute, and is no segment React streams in hidden and shows."""
    return el.get("hidden") is not None and not _STREAMED_SEGMENT.fullmatch(el.get("id") or "")


# A utility class that shows the element from some width on, beside the one that hides it on phones: a desktop-only
# block. Tailwind's "hidden lg:flex", Bootstrap's "d-none d-md-block", Foundation's "hide show-for-medium", a
# shop's own "is-hidden is-visible-from-size-m", and the "@md" suffix of BEM-style utilities ("u-display-block@md").
_DISPLAYS = r"(?:block|flex|inline-flex|inline-block|inline|grid|inline-grid|table|table-cell|table-row|contents)"
SHOWN_FROM_A_WIDTH = re.compile(
    rf"(?<![\w-])(?:(?:sm|md|lg|xl|2xl):{_DISPLAYS}|d-(?:sm|md|lg|xl|xxl)-{_DISPLAYS}|"
    r"show-for-(?:medium|large|xlarge)(?:-up)?|(?:is-|u-)?visible-(?:[a-z]+-)*from-[\w-]+|"
    rf"(?:[a-z]+-)*(?:{_DISPLAYS}|visible|show)@(?:sm|md|lg|xl|tablet|desktop))(?![\w-])")


# An inline style or a stylesheet declaration that hides its element.
HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
HIDING_CLASS_TOKEN = re.compile(rf"(?<![\w-]){HIDING_CLASS}(?![\w-])")  # one, as a whole class token


def served_hidden(el) -> bool:
    """Served hidden by itself or a wrapper: its ``hidden`` attribute, a hiding class (not a desktop-only block's)
    or an inline style. (The page's own stylesheet is read by ``stock.Visibility``.)"""
    for e in (el, *el.iterancestors()):
        cls, style = e.get("class"), e.get("style")
        if (hidden_attribute(e) or (style and HIDING_STYLE.search(style.lower()))
                or (cls and HIDING_CLASS_TOKEN.search(cls.lower()) and not SHOWN_FROM_A_WIDTH.search(cls))):
            return True
    return False


# Classes that show their text to screen readers only.
READER_ONLY_CLASS = r"sr-only|visually-?hidden|screen-reader-text"
READER_ONLY = re.compile(rf"(?<![\w-])(?:{READER_ONLY_CLASS})(?![\w-])")  # one of them, as a whole class token


# A control's name for a back-in-stock alert ("notify-me", "back-in-stock", "waitlist", "stock-alert").
NOTIFY_CONTROL = re.compile(r"(?<![a-z])notify(?:-?me)?(?![a-z])|(?<![a-z])notify[-_]|[-_]notify|back-?in-?stock|"
                            r"waitlist|wait-list|restock|stock-?alert")
_OPENS = frozenset(("data-target", "data-bs-target", "aria-controls", "data-modal", "data-open"))
_ON = frozenset(("", "true", "1", "yes", "on"))


def names_alert(el) -> bool:
    """Named for a back-in-stock alert by its class or id, a bare data attribute ("data-back-in-stock") or the
    dialog it opens ("data-target='#backInStockModal'"): names hold where the words are in any language."""
    names = [el.get("class"), el.get("id")]
    for k, v in el.items():
        if k in _OPENS:
            names.append(v)
        elif k.startswith("data-") and v.strip().lower() in _ON:
            # a flag ("data-back-in-stock", "data-waitlist='true'"), not "data-waitlist='false'" nor the other
            # state's copy or address the button keeps ("data-waitlist-copy='Join the waitlist'")
            names.append(k[5:])
    return NOTIFY_CONTROL.search(_CAMEL_HUMP.sub("-", " ".join(filter(None, names))).lower()) is not None


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "notifyMeModal": "notify-Me-Modal"


# A label that says "price" and no more ("Price:", "Ár:", "Цена:", "販売価格"), in the shops' languages.
PRICE_LABEL = re.compile(
    r"(?:our|your|sale|selling|offer|retail|special|deal|unser|notre|nuestro|ваша|наша)?\s*"
    r"(?:price|preis|prix|precio|prezzo|preço|prijs|pris|cena|cijena|"
    r"ár|eladási ár|hinta|hind|kaina|fiyat|satış fiyatı|τιμή|цена|ціна|giá|giá bán|harga|harga jual|"
    r"verð|pret|preț|価格|販売価格|税込価格|价格|售价|價格|售價|가격|판매가|السعر|מחיר|قیمت|ราคา|"
    # de compounds, fr/es/it "sale price"
    r"sonderpreis|aktionspreis|angebotspreis|prix de vente|precio de venta|prezzo di vendita)\s*[:：]?\s*$", re.I)


# A picker's or a field's prompt ("Choose a size", "Größe wählen", "サイズを選択"), not a value of its own.
CHOOSE = re.compile(r"\b(?:select|choose|pick|wählen|auswählen|choisir|choisissez|sélectionner|sélectionnez|"
                    r"selecciona|seleccionar|seleccione|elige|escolha|escolher|selecione|scegli|seleziona|kies|"
                    r"selecteer|wybierz|välj|vælg|velg|valitse|vyberte|vyber|seçiniz|seçin|выберите|виберіть|"
                    r"pilih|chọn)\b|選択|选择|選擇|선택|เลือก|اختر", re.I)


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def written_in(words: str | None) -> str:
    """The language a page that declares none writes its title in, where its script alone says ("ja" for kana,
    "ko" for Hangul, "zh" for Chinese characters without kana): "¥" is then Japan's or China's."""
    if not words:
        return ""
    return "ja" if _KANA.search(words) else "ko" if _HANGUL.search(words) else "zh" if _HAN.search(words) else ""


def clean(value) -> str | None:
    """Collapse whitespace; markup values are often padded with newlines/tabs or nbsp."""
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, (int, float)):
            value = str(value)
        else:
            return None
    # Same as re.sub(r"\s+", " ", value).strip() (str.split and \s agree on what
    # is whitespace), at a quarter of the cost; clean runs on every extracted value.
    if not value.isascii():
        value = value.translate(UNSEEN)  # "Saint&#8203;-&#8203;Laurent" on Bandcamp
    value = " ".join(value.split())
    return value or None


# Characters that show nothing: a soft hyphen, zero-width spaces and joiners that only mark a break, a BOM.
UNSEEN = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


# The page's text a reader sees (scripts and styles are not shown).
_SHOWN_TEXT = "//body//text()[not(parent::script or parent::style)]"


def shown_words(root) -> str:
    """All the text the page shows, joined (a few milliseconds on a heavy page: for rare questions)."""
    return " ".join(root.xpath(_SHOWN_TEXT))


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});")


def unescape_twice_escaped(value: str | None) -> str | None:
    """An attribute escaped twice by its template reads "&amp;" or "&#8217;" after parsing (Yoast's
    og:title "Mindy &amp;amp; Sylvie&amp;#8217;s Looks"): its entities once more."""
    if value and "&" in value and _ENTITY.search(value):
        return replace_entities(value)
    return value


# A tag left in a data value; its name opens with a Latin letter (Suruga-ya's "<中古>", used, is words).
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def plain_value(v: str) -> str | None:
    """A name's plain words in a data value: templates HTML-escape values inside JSON ("Harbour &amp; Pine"), or
    leave a name's tags in it ("[APC]<br>FW25 …", "UGG<sup>®</sup> Australia")."""
    v = html.unescape(v) if "&" in v and ";" in v else v
    return clean(_TAG.sub(" ", v).replace(" ®", "®").replace(" ™", "™") if "<" in v else v)


def strip_html(value) -> str | None:
    """JSON-LD descriptions frequently carry HTML (and entity-escaped HTML)."""
    value = clean(value)
    if value is None:
        return None
    if "<" in value or "&" in value:
        value = replace_entities(replace_tags(value, " "))
        value = replace_tags(value, " ")  # entity-escaped tags become real tags after unescape
        value = clean(value)
    return value


def short_text(el, limit: int = 80, words_apart: bool = False) -> str | None:
    """Text of an element, giving up (None) once it is longer than ``limit``.

    Price containers can hold huge subtrees (inline styles, scripts); stopping
    early keeps the DOM pass cheap and rejects containers in the same step.
    ``words_apart``: a word that ends in one element and a capitalised one that starts the
    next are two words (a title's "<span>Acme</span><span>Wool Coat</span>", which the
    shop's CSS sets on lines of their own).
    """
    parts = []
    n = 0
    for t in el.itertext():
        n += len(t) if len(t) < 8 else len(t.strip())  # indentation of pretty-printed HTML is no text
        if n > limit * 3:
            return None
        if words_apart and parts and parts[-1][-1:].islower() and t[:1].isupper():
            parts.append(" ")
        parts.append(t)
    s = clean("".join(parts))
    if s is None or len(s) > limit:
        return None
    return s


_SEPARATORS = re.compile(r"[_\-]+")
_AVAIL = {
    "instock": "InStock",
    "in stock": "InStock",
    "available": "InStock",
    "onlineonly": "OnlineOnly",
    "online only": "OnlineOnly",
    "instoreonly": "InStoreOnly",
    "in store only": "InStoreOnly",
    "outofstock": "OutOfStock",
    "out of stock": "OutOfStock",
    "unavailable": "OutOfStock",
    "not available": "OutOfStock",
    "notavailable": "OutOfStock",
    "oos": "OutOfStock",
    "soldout": "SoldOut",
    "sold out": "SoldOut",
    "preorder": "PreOrder",
    "pre order": "PreOrder",
    "presale": "PreSale",
    "backorder": "BackOrder",
    "back order": "BackOrder",
    "discontinued": "Discontinued",
    "limitedavailability": "LimitedAvailability",
    "limited availability": "LimitedAvailability",
    "limited": "LimitedAvailability",
}


#: what a buyer cannot order (the schema.org names `availability` gives)
SOLD_OUT = frozenset(("OutOfStock", "SoldOut", "Discontinued"))


def availability(value) -> str | None:
    """Map the many spellings ("http://schema.org/InStock", "in_stock", "instock") to schema.org names."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if value.__class__ is str:
        return _availability_of_text(value)
    return _availability(value)


@lru_cache(maxsize=2_000)  # the same few spellings come back on every page of a shop
def _availability_of_text(value: str) -> str | None:
    return _availability(value)


def _availability(value) -> str | None:
    value = clean(value)
    if not value:
        return None
    v = value.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]
    key = _SEPARATORS.sub(" ", v).strip().lower()
    if key in _AVAIL:
        return _AVAIL[key]
    compact = key.replace(" ", "")
    return _AVAIL.get(compact)
