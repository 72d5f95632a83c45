"""DOM price heuristics (the visible price when markup lacks one or shows a stale one).

Every element whose id/class/itemprop/data-* mentions "price", plus
``del``/``s``/``strike``/``ins``, is a candidate.  Candidates inside related /
recommended / carousel / footer areas are dropped, as are unit prices ("/kg"),
shipping, savings, instalments and percentages.  Struck-through or "was" /
"UVP" / "list" prices (also when a screen-reader label right before them says
"Regular price") become *regular* prices; if a page shows only
"regular"-labelled prices and nothing struck, that price is the price.  The current price is the
candidate closest in the tree to the buy button (or the title ``h1``):
closeness is the number of steps up to a common ancestor, which works on
minified one-line HTML too.  A regular price is paired with it only when it
sits in the same small subtree and is higher.
"""
from __future__ import annotations

import re
from itertools import islice
from functools import lru_cache
from decimal import Decimal

from . import areas
from .prices import _DIGITS, ISO_CODES, Hints, parse_price_text
from .text import (HIDING_CLASS, HIDING_STYLE, PRICE_LABEL, SHOWN_FROM_A_WIDTH, clean, hidden_attribute, served_hidden,
                   short_text, shown_words)

_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_REG_TOKENS = re.compile(
    r"\b(?:was|old|before|orig\w*|regular|list|rrp|uvp|msrp|compare\w*|crossed|strike\w*|"
    r"normalprice|"  # Zen Cart's struck price beside its "productSpecialPrice" (not Magento's current "normal-price")
    r"striked|previous|former|retail|reference|initial|barred|non-?sale|full|deprecated|superseded|"
    # fr "prix barré", it "barrato", es "tachado", pt "riscado"/"antigo", cs "původní", pl "stara", nl "van",
    # es "pvp", de "alt" ("preis-alt"), tr "eski", id "coret" ("harga-coret"), fr "ancien", it "vecchio", nl "oud"
    r"barre|barrato|tachado|riscado|antigo|antiguo|anterior|puvodni|stara|van|pvp|alt|eski|coret|ancien|vecchio|"
    r"oud|vorher|statt|"
    # the price before the discount ("nodiscount-price" on Mavi)
    r"nodiscount|no-discount|undiscounted|without-discount|before-discount|pre-discount)\b"
)
_SALE_WORDS = r"special|reduced|now|promo|promotion|offer"
_SALE_TOKENS = re.compile(rf"(?<!non-)\b(?:sale|{_SALE_WORDS})\b")
# also SiteGenesis's "price-sales" (as a block's name, "sales-price__former", it names no sale: not for _is_strike)
_SALE_NAMED = re.compile(rf"(?<!non-)\b(?:sales?|{_SALE_WORDS})\b")
# A price for members only ("member-price", "preis-mitglied")
_MEMBER_WORDS = r"member|members|mitglied|membre|socio|vip"
_IGNORE_TOKENS = re.compile(
    r"\b(?:unit|per|shipping|delivery|saving|savings|save|discount|install\w*|monthly|month|"
    r"finance|financing|klarna|afterpay|tax|vat|deposit|points|reward|loyalty|filter|facet|"
    r"slider|range|sort|badge|percent|percentage|"
    r"tooltip|legal|energy|subscribe|subscription|coupon|voucher|total|subtotal|cart|basket|"
    r"lowest|omnibus|excl|exkl|excluding|netto|popup|modal|grundpreis|baseprice|"
    r"trade in|tradein|trade-in|"  # what the shop pays for the buyer's old one ("tradeInValue": "$1.03")
    + _MEMBER_WORDS + r")\b|\bbase-price\b"
)
# A block of the price for members only ("<div class='member-price'><span>Member Preis</span> <span>19,99 €</span>")
_MEMBERS = re.compile(rf"\b(?:{_MEMBER_WORDS})\b")
# An element named as a part of a price ("currency", "whole"): a price only when it shows one
# whole amount with its currency ("<span class='site-currency-attention'>999,00 kr</span>").
_PART_TOKENS = re.compile(r"\b(?:currency|symbol|whole|fraction|decimal|cents)\b")
# Inside a price element, symbol / whole / fraction parts are pieces of the price itself.
_SKIP_CHILD_TOKENS = re.compile(
    r"\b(?:unit|per|shipping|delivery|saving|savings|save|discount|install\w*|monthly|month|"
    r"finance|financing|klarna|afterpay|tax|vat|deposit|points|reward|loyalty|badge|percent|"
    r"percentage|label|legal|energy|subscribe|subscription|coupon|voucher|lowest|omnibus|"
    # a tooltip's text, not the element it is shown for (Komputronik's price in a "tooltip-wrap" with a
    # "tooltip-template" attribute)
    r"tooltip(?![- ](?:wrap|wrapper|trigger|toggle|target|anchor|holder|host|template|side|smart|class|position|"
    r"placement)\b))\b"
)
# "price--withoutTax" / "price-incl-tax" name which price is shown, not a tax amount.
_TAX_VARIANT = re.compile(r"\b(?:with(?:out)?|incl?\w*|excl?\w*)[ -]?tax\b")
# "price_withVat" (Alza's "bigPrice price_withVat" beside "price_withoutVat") names the gross price; a net one stays out.
_WITH_VAT = re.compile(r"\b(?:with|incl?\w*)[ -]?vat\b")
# Screen-reader-only labels ("Sale price", "Regular price") inside or beside a price.
_HIDDEN = re.compile(r"sr-only|visually-?hidden|screen-?reader|hidden-text|assistive")
_REG_TEXT = re.compile(
    r"^(?:was|statt|uvp|rrp|avant|prix conseillé|list price|listenpreis|regular|reg\.|"
    r"starting bid|opening bid|start(?:ing)? price|startpreis|mise à prix|prezzo di partenza|precio de salida|"
    r"originally|orig\.|original|before|vorher|bisher|antes|prima|era|compare at|msrp|suggested|empf|"
    r"ursprünglich|typical price|precio anterior|normal price|normalpreis|prix normal|prix initial|"
    r"precio normal|prezzo pieno|adviesprijs|van\b|voorheen|m\.?r\.?p|ord\.? ?pris|ordinarie|normalpris|"
    r"før|tidligere|förr|de:|dawniej|cena regularna|běžná cena|původní cena|eredeti|"
    r"מחיר רגיל|מחיר מקורי|السعر الأصلي|السعر قبل|通常価格|定価|参考価格|"
    # fr, it, es, pt, de, sv, fi, pl, ro, tr, ru, uk, el, zh, ko, vi, th, id
    r"prix barré|prix de référence|prezzo consigliato|pvpr|preço antigo|ursprungspreis|alter preis|normalt|"
    r"alkuperäinen hinta|poprzednia cena|stara cena|preț vechi|pret vechi|eski fiyat|старая цена|стара ціна|αρχική τιμή|"
    r"原价|原價|정가|giá gốc|ราคาปกติ|harga normal|harga asli)",
    re.I,
)
# "before VAT" in the shops' other languages ("Без НДС", "KDV Hariç", "sin IVA", "bez DPH")
_EX_VAT_WORDS = (r"без ндс|без пдв|kdv hari[çc]|sin iva|iva esclusa|sem iva|bez dph|áfa nélkül|nettó|fără tva|"
                 r"bez pvn|be pvm|ilma käibemaksuta|"  # lv, lt, et
                 r"ohne mwst|ex moms|uden moms|ekskl|χωρίς φπα|excl\.? btw|ilman alv|bez vat|hors tva")
# a note that shipping is free ("Gratis verzending" above the price block) labels no amount
_FREE = re.compile(r"\b(?:free|gratis|gratuit[e]?|kostenlos\w*|versandkostenfrei|gratuito|grátis|darmow\w+|"
                   r"ingyenes|zdarma|ilmainen|ücretsiz)\b|"
                   r"送料無料|送料込|免运费|免運費|包邮|包郵|무료배송|무료 배송", re.I)  # "【送料無料】" opening a title
def _in_rates_table(el) -> bool:
    """A cell of a table of shipping rates ("<table class='carriage-tbl carriage-shipping'>", 本州 660円 by region)."""
    table = next((a for a in islice(el.iterancestors(), 6) if a.tag == "table"), None)
    return table is not None and _RATES.search(_attr_text(table)) is not None


_RATES = re.compile(r"shipping|carriage|postage|delivery|versand|porto|livraison|envio|spedizione|verzending|frete|"
                    r"souryou|soryo")


def _one_unit_price(el, attrs: str) -> bool:
    """An element named "unit price" alone that shows an amount and no quantity it is per (Yodobashi's
    "js_scl_unitPrice" holding "￥54,978"): the price of one, not a base price ("€1,99 / 100 g", "1 kg = 9,95 €")."""
    found = _IGNORE_TOKENS.findall(attrs)
    if found != ["unit"]:
        return False
    words = short_text(el, 40)
    return bool(words) and not _IGNORE_TEXT.search(words.lower()) and not _PER_QUANTITY.search(words.lower())


def _price_of_one(el, attrs: str) -> bool:
    """An element named the price per unit that shows an amount per item ("<p class='pricePerUnit'>£1.75/unit</p>"
    beside "£8.75/kg" per measure; "$3.50 each"), not per a quantity."""
    named = set(_IGNORE_TOKENS.findall(attrs))
    if not named or not named <= {"unit", "per"} or _in_rates_table(el) \
            or any(_MEMBERS.search(_attr_text(a)) for a in islice(el.iterancestors(), 2)):
        return False
    words = (short_text(el, 40) or "").lower()
    m = _EACH.search(words)
    return m is not None and any(c.isdigit() for c in words[:m.start()]) and not _PER_QUANTITY.search(words)


_EACH = re.compile(r"(?:/\s*|\s+)(?:unit|each|ea|item|piece|pc|stk|stück)\.?\s*$", re.I)
# A label for the price of one piece, sold by the piece ("PER STUK", "pro Stück", "per piece"): the price itself
_PER_PIECE = re.compile(r"(?:per|pro|je|por|al|à|a)\s+(?:stuk|stück|stk\.?|st\.?|piece|pièce|item|unit|unité|unidad|"
                        r"pieza|pezzo|kpl|szt\.?|kus)\s*:?", re.I)
_PER_QUANTITY = re.compile(r"\d\s*(?:kg|g|l|ml|cl|m|m²|m2|st|stk|pcs?|oz|lb)\b|=")
_IGNORE_TEXT = re.compile(
    r"/\s*(?:kg|g|l|ml|m|m²|m2|100\s?g|100\s?ml|stk|st|pack|pc|unit|each|ea|mo|month|monat|mois)\b"
    r"|\b(?:al|el|le|il|au)\s+(?:kg|g|l|lt|ml|m|litro|litre|kilo|metro|mètre)\b"  # "€ 37,00 al l", "le kg"
    r"|\bper\b|\bpro\s+(?:kg|g|l|liter|litre|stück|stk|st|m|m²|qm|100\s?g|100\s?ml|monat|jahr|tag|person|einheit|"
    r"packung|paar)\b|\bje\b|\bpr\.\s?(?:liter|l|kg|kilo|stk|m)\b|\bsave\b|\bspare\b|économisez|ahorra|risparmi|"
    r"\b\d+\s*[x×]\s|[x×]\s*\d|shipping|postage|\bporto\b|frais de port|versand|livraison|delivery|envío|spedizione|"
    # a coupon's price, loyalty points earned ("적립 최대 870원", "128ポイント")
    r"\bcode\b|coupon|gutschein|cupom|cupón|voucher|\bpoints?\b|punkte|적립|포인트|ポイント|积分|積分|"
    # a subscription's or a member's price ("Spar-Abo", "Abonnement", "Member price", "Mit Kundenkarte")
    r"spar-?abo|\babo\b|abonnement|suscripción|abbonamento|assinatura|prenumeration|"
    r"member'?s? price|mitgliedspreis|kundenkarte|mit karte|club price|prix adhérent|prix membre|precio socio|"
    r"z kartą|with card|"
    # a fee the price includes ("dont 5,50 € d'éco part", "Écotaxe 5,50 €")
    r"\bdont\b|éco-?part\w*|eco-?part\w*|éco-?contribution|eco-?contribution|écotaxe|ecotaxe|eco-?tax|"
    # Canada's environmental handling fee ("Plus $0.50 EHF"), a recycling or deposit fee
    r"\behf\b|environmental (?:handling )?fee|eco-?fee|recycling fee|\bpfand\b|deposit fee|"
    r"frakt|fragt|verzend\w*|bezorg\w*|wysyłk\w*|dostaw\w*|doprava|frete|consegna|toimitus|kargo|"
    r"доставк\w*|送料|运费|運費|배송비|"
    r"monthly|monatlich|par mois|al mes|\bmwst\b|lowest price|niedrigster|najniższa|prix le plus bas|"
    r"\bexcl\b|\bexkl\b|\bexcluding\b|\bex\.? (?:vat|tax)\b|hors taxes?\b|\bht\b|\bnetto\b|"  # a price before VAT
    + _EX_VAT_WORDS,
    re.I,
)
# How many steps nearer the buy box's anchors a labelled price counts: a label beats a nearer
# unlabelled amount in an old table layout's sidebar.
_LABELLED_NEARER = 2
# An old and a new price in one text: "Was £49.95 Now £39.95", "Statt 49,95 € jetzt 39,95 €".
_NOW_WORD = re.compile(r"\b(?:now|jetzt|nu|maintenant|ahora|ora|adesso|agora|teraz|nyt|nå|nur|only|sale price|sale|"
                       r"offer price)\b\s*:?", re.I)


def _was_now(text: str) -> tuple[str, str] | None:
    """(old, new) price texts of "Was £49.95 Now £39.95", or None."""
    m = _NOW_WORD.search(text)
    if m is None:
        return None
    was, now = text[:m.start()].strip(" ,;|/-"), text[m.end():].strip()
    if not (any(c.isdigit() for c in was) and any(c.isdigit() for c in now)) or not _REG_TEXT.search(was):
        return None
    return was, now
# The same price converted to another currency for the visitor.
_CONVERTED = re.compile(r"(?:approx\.?|approximately|ca\.|circa|environ|env\.|ungefähr|etwa|aprox\.?|aproximadamente|"
                        r"ongeveer|ong\.|cirka|noin|około|přibližně|körülbelül|yaklaşık|приблизно|περίπου|"
                        r"около|約|≈)\s*", re.I)
# A price before VAT named by its element or the label before it ("price-excluding-tax", "zzgl.
# MwSt (21%):"), shown beside the price a buyer pays.
_NET_ATTR = re.compile(r"(?:excl|exkl|excluding|ex|without)[-_ ]?(?:tax|vat|mwst|btw|gst)|\bnetto\b|\bprice[-_]net\b")
_NET_LABEL = re.compile(
    r"\b(?:zzgl|excl|exkl|excluding|netto|hors taxes?|ht|ex\.? (?:vat|tax|gst)|sans tva|tax excluded|"
    + _EX_VAT_WORDS + r")\b", re.I)
_AMOUNT = re.compile(r"\d(?:[\d.,'’\s\u00a0\u202f]*\d)?")
# The rates of VAT that shops add to a price before tax, and the page saying its prices include it.
_VAT_RATES = tuple(Decimal(r) / 100 for r in (5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
                                               27))
_VAT_INCLUDED = re.compile(
    r"\b(?:incl?\.?|inkl\.?|including|inclusive of|incluye) (?:\d+\s?% )?(?:vat|tax|gst|mwst|btw|moms|alv|iva)\b|"
    r"\bttc\b|\b(?:vat|tax|gst|mwst|iva|btw|moms) (?:incl|inkl|included|incluid[oa]|inclus[oa]|inbegrepen|"
    r"inklusive)|tva (?:incluse|comprise)|税込", re.I)


def before_vat_of(net: Decimal, gross: Decimal) -> bool:
    """``gross`` is ``net`` with a common rate of VAT added, to the cent or two of rounding."""
    return gross > net and any(abs(net * (1 + rate) - gross) <= Decimal("0.02") for rate in _VAT_RATES)


def says_vat_included(root) -> bool:
    """The page's shown words say its prices include VAT ("inkl. MwSt.", "IVA incluido", "TTC")."""
    return _VAT_INCLUDED.search(shown_words(root)) is not None
# A decimal mark set apart by the blocks around it ("<div>319</div> <div>.</div> <div>00</div>")
_SPACED_MARK = re.compile(r"(\d)\s+([.,])\s*(\d{2})(?!\d)")
# The currency symbol as the decimal mark ("299€99"): one amount, read as "299.99€".
_SYMBOL_MARK = re.compile(r"(?<![\d.,€£$])(\d+)([€£$])(\d{2})(?![\d.,])")
_LETTERS = re.compile(r"[^\W\d_]")
_YEN_BYTE = re.compile(r"\\(?=\s?\d)")
_DECIMALS = re.compile(r"\d[.,]\d{2}(?!\d)|\d[.,:][-–]")
_RANGE_DASH = re.compile(r"[–—]|\s-\s")
_STRIKE_TAGS = frozenset(("del", "s", "strike"))
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "button", "select"))


_AMOUNT_ATTRIBUTES = frozenset(("data-price", "data-currency", "data-price-amount", "data-amount"))


def _attr_text(el) -> str:
    parts = []
    for k, v in el.items():
        if k in ("href", "src", "srcset", "content", "value", "alt", "title") or not v:
            continue
        if k not in _AMOUNT_ATTRIBUTES:  # "data-currency='USD'" beside the amount names no part of it
            parts.append(k)
        parts.append(v[:200])
    return _attr_words(" ".join(parts))


_PER_FUSED = re.compile(r"(?<![a-z])per(?=unit|kg|kilo|litre|liter|item|piece|100)")


@lru_cache(maxsize=20_000)  # the same class/attribute sets recur on every price element of a shop
def _attr_words(raw: str) -> str:
    a = _CAMEL.sub(r"\1 \2", raw).lower().replace("_", " ")
    if "per" in a:
        a = _PER_FUSED.sub("per ", a)  # "perunit_price": the price per unit
    if "vat" in a:
        a = _WITH_VAT.sub(" ", a)
    return _TAX_VARIANT.sub(" ", a) if "tax" in a else a


def _hard_strike(el, attrs: str) -> bool:
    """Visibly struck through (tag or class), as opposed to merely labelled "regular"."""
    return el.tag in _STRIKE_TAGS or "line-through" in attrs or "strike" in _unnegated(attrs)


# A class that says the price is not struck through: Cdiscount's "fpNoStrikedPrice" around the one price shown
_NOT_STRUCK = re.compile(r"\b(?:no|not|non|without|un)[ -]?(?:striked|strike\w*|struck|crossed)\b")


def _unnegated(attrs: str) -> str:
    return _NOT_STRUCK.sub(" ", attrs) if "strike" in attrs or "struck" in attrs or "crossed" in attrs else attrs


def _is_strike(el, attrs: str | None = None) -> bool:
    if el.tag in _STRIKE_TAGS:
        return True
    a = _unnegated(attrs if attrs is not None else _attr_text(el))
    if "line-through" in a or "strike" in a:
        return True
    # "retail-price--sale", "price-regular price-now": a word for the sale price overrules
    reg = _REG_TOKENS.search(a)
    return reg is not None and not _SALE_TOKENS.search(a) and not _sale_block(el, reg.group())


def _sale_block(el, word: str) -> bool:
    """A parent that names the same price the sale price: the value inside Otto's
    "pdp_price__retail-price--sale" ("…__retail-price__value")."""
    for parent in islice(el.iterancestors(), 2):
        pa = _attr_text(parent)
        if _SALE_TOKENS.search(pa) and any(m.group() == word for m in _REG_TOKENS.finditer(pa)):
            return True
    return False


# Hidden prices and hidden parts of a price element (its stock for the markup, a voucher price
# a script may show): not what the page shows. Read on ``_attr_text`` ("pl_hidden" -> "pl hidden").
# a hiding class, not a style's value: "overflow: hidden" clips a box's overflow and hides nothing
_HIDING = re.compile(rf"(?<![\w-])(?<!:)(?<!: ){HIDING_CLASS}(?![\w-])|{HIDING_STYLE.pattern}")


_HIDDEN_LEVELS = 6  # a hidden block's price sits a few wrappers down (Amazon's "display:none" offer row)


def _hidden(el, attrs: str) -> bool:
    return hidden_attribute(el) or (bool(_HIDING.search(attrs)) and not SHOWN_FROM_A_WIDTH.search(el.get("class") or ""))


def _unchosen_option(el, rows: dict) -> bool:
    """Inside a row of a buying-options accordion other than the row its class marks open (Amazon's
    "New" row open, "Used - Like New" below it): an option the buyer has not chosen. `rows` memoises
    each accordion's open row."""
    child = el
    for parent in islice(el.iterancestors(), _ACCORDION_LEVELS):
        if parent not in rows:
            rows[parent] = next((c for c in parent if isinstance(c.tag, str)
                                 and areas.OPEN_ROW.search(c.get("class") or "")),
                                None) if _ACCORDION.search(parent.get("class") or "") else None
        if rows[parent] is not None and rows[parent].tag == child.tag:  # rows alike, not a header's radio icon
            return child is not rows[parent]
        child = parent
    return False


_ACCORDION = re.compile(r"accordion", re.I)
_ACCORDION_LEVELS = 18


def _whole_amount(el, hints: Hints) -> bool:
    t = short_text(el, 40)
    return bool(t) and _amount(t, hints)[1] is not None and _DECIMALS.search(t) is not None


# cents set apart by a class: <span class="sup">97</span>, Komputronik's <span class='cent'>90</span>
_SUP_CLASS = re.compile(r"\bsup(?:erscript)?\b|(?<![a-z])cents?(?![a-z])")


def _currency_unit(child, attrs: str) -> bool:
    """A child named "price unit" that holds the currency alone ("628,000<span class='price-unit'>원</span>")."""
    return _SKIP_CHILD_TOKENS.findall(attrs) == ["unit"] and len(child) == 0 \
        and _CURRENCY_ALONE.fullmatch((child.text or "").strip()) is not None


_CURRENCY_ALONE = re.compile(r"[^\w\s]{1,3}|[^\W\d_]{1,4}\.?")  # "원", "円", "€", "kr.", "TL", "zł"


def _cents_after_whole(ch) -> bool:
    """The last of a price's parts, two digits right after a part that is a whole number ("<span>$</span>
    <span class='buyingPrice'>64</span><span>90</span>"): the cents, set apart without a decimal mark."""
    before = ch.getprevious()
    return ch.getnext() is None and before is not None and len(before) == 0 \
        and (before.text or "").strip().isdigit() and not (before.tail or "").strip()


def _own_text(el, regs: list, limit: int = 120, inline_strike: bool = False) -> str | None:
    """Visible text of a price element without struck/"was" children (collected into regs).

    Screen-reader labels without digits are left out, and a cents part in
    ``<sup>`` (or a fraction/cents/decimal/"sup" element) gets its decimal mark back:
    "49<sup>99</sup>" reads 49.99.
    """
    out = []
    size = 0

    def walk(node, depth):
        nonlocal size
        if node.text:
            out.append(node.text)
            size += len(node.text)
        for ch in node:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            # aria-hidden="true" hides from screen readers only: shops show the price there and
            # give readers a sentence in an sr-only copy.
            if tag and tag not in _SKIP_TAGS and depth < 8 and not _hidden(ch, a := _attr_text(ch)):
                if not inline_strike and _is_strike(ch, a):
                    t = _own_text(ch, regs, 80, True)
                    if t:
                        regs.append((t, _hard_strike(ch, a)))
                elif _HIDDEN.search(a) and (not any(c.isdigit() for c in ch.text_content())
                                            or any(c.isdigit() for t in out for c in t)):
                    pass  # a screen-reader label, or its copy of the amount already read
                elif not _SKIP_CHILD_TOKENS.search(a) or _currency_unit(ch, a):
                    if (tag == "sup" or "fraction" in a or "cents" in a or "decimal" in a or _SUP_CLASS.search(a)
                            or _cents_after_whole(ch)) and out:  # also bonprix's "<span class='decimal-place'>99</span>"
                        t = (ch.text or "").strip()
                        head = "".join(out).rstrip()  # the whole part may end in its element's tail
                        if len(t) == 2 and t.isdigit() and len(ch) == 0 and head[-1:].isdigit():
                            out[:] = [head, "," if "." in head[-4:] else "."]
                    walk(ch, depth + 1)
            if ch.tail:
                out.append(ch.tail)
                size += len(ch.tail)
            if size > limit * 3:
                return

    walk(el, 0)
    s = clean("".join(out))
    if s is None or len(s) > limit:
        return None
    return s


# Other sellers' offers: "87 new from $167.99", "3 used from", "See all buying options from".
# ("Used (3) from", "New & Used (61) from")
_OTHER_OFFERS = re.compile(r"\b(?:new|used|refurbished|renewed|offers?|sellers?|options?|neu|gebraucht|neuf|"
                           r"occasion|nuevos?|usados?|nuovi|usati)\W+(?:\(\d+\)\W*)?"
                           r"(?:from|ab|à partir de|desde|da)\W*$",
                           re.I)


def _words_before(el) -> str:
    """The few words right before ``el``: its previous sibling's and that one's tail, or its
    parent's opening text."""
    prev = el.getprevious()
    # past an empty spacer ("<span>from</span> <span> </span> <span class='a-price'>")
    while (prev is not None and isinstance(prev.tag, str) and prev.getprevious() is not None
           and not (prev.tail or "").strip() and not short_text(prev, 40)):
        prev = prev.getprevious()
    if prev is not None:
        t = f"{short_text(prev, 40) or ''} {prev.tail or ''}" if isinstance(prev.tag, str) else prev.tail or ""
    else:
        parent = el.getparent()
        t = parent.text or "" if parent is not None else ""
    return " ".join(t.split())[-60:]


def _label_before(el) -> str | None:
    """Text of a short digit-free label right before ``el``: an element ("Regular price", "Sale
    price"), or the text that opens its parent ("Starting bid: <span>$50</span>"); for an element
    first in its wrappers, the element before the outermost of them (a label in the grid cell
    before the price's cell)."""
    prev = el.getprevious()
    for _ in range(3):
        if prev is not None:
            break
        parent = el.getparent()
        if parent is None:
            return None
        if parent.text and parent.text.strip():
            t = clean(parent.text)
            return t if t and len(t) <= 40 and not any(c.isdigit() for c in t) else None
        el, prev = parent, parent.getprevious()
    if prev is None:
        return None
    if not isinstance(prev.tag, str) or len(prev) > 1:
        return None
    t = short_text(prev, 40)
    if not t or any(c.isdigit() for c in t):
        return None
    return t


def _before_tax(el) -> bool:
    """A price the page names as before VAT, by its own or its parent's class or id, or by the
    label just before it."""
    e = el
    for _ in range(2):
        if e is None:
            break
        key = f"{e.get('class') or ''} {e.get('id') or ''}".lower()
        if ("ex" in key or "net" in key or "without" in key) and _NET_ATTR.search(key):
            return True
        e = e.getparent()
    prev = el.getprevious()
    label = short_text(prev, 40) if prev is not None and isinstance(prev.tag, str) else None
    return bool(label and _NET_LABEL.search(label))


_PERCENTAGE = re.compile(r"[-−–]?\s*\d{1,3}(?:[.,]\d+)?\s*%")
_TAX_NOTE = re.compile(r"[(（]\s*(?:税|内税|消費税|tax|vat|incl|inkl|iva|mwst|tva|moms|btw|kdv|dph)[^)）]{0,20}[)）]", re.I)


# A monthly instalment offered after the price ("or $108.33/mo.", "ou 12x R$ 108,33 / mês")
_OR_MONTHLY = re.compile(r"\s+(?:or|ou|o|oder|of|eller|lub|veya)\s+(?:from\s+)?\D{0,12}\d[\d.,]*\s*\D{0,4}\s*"
                         r"(?:/\s*(?:mo|month|mes|mês|mois|monat|mese|mnd|mån)\b|(?:per|a)\s+month)", re.I)


# Price texts repeat on a page (buy box, sticky bar) and across a shop's pages, and
# price_parser is the costliest step here.
@lru_cache(maxsize=20_000)
def _amount(text: str, hints: Hints) -> tuple[Decimal | None, str | None]:
    """Single price in text; None when it holds several different amounts (a container).

    The text must be essentially a price: a few words of label ("Preis:", "ab",
    "UVP") are fine, a sentence that mentions an amount (vouchers, delivery
    promises) is not.  Bare numbers need a decimal part or a currency.
    """
    if text and ("/" in text or " month" in text):
        m = _OR_MONTHLY.search(text)
        if m and _AMOUNT.search(text, 0, m.start()):
            text = text[:m.start()]  # "$1,299.99 or $108.33/mo.": the price, then what a month of it costs
    if text:
        text = _VAT_INCLUDED.sub(" ", text)  # "18,95 € <sup>inkl. MwSt.</sup>": the price, not a tax amount
    if not text or _IGNORE_TEXT.search(text):
        return None, None
    if not text.isascii():
        text = text.translate(_DIGITS)
    if "%" in text:  # a reduction's percentage beside the price ("25%할인 판매가29,000원")
        text = _PERCENTAGE.sub(" ", text)
    if "(" in text or "（" in text:  # the tax the price includes, in brackets ("1,650円(税150円)")
        text = _TAX_NOTE.sub(" ", text)
    converted = _CONVERTED.search(text)
    if converted and _AMOUNT.search(text, 0, converted.start()):
        text = text[:converted.start()]  # "£160.00 (approx. €189,00)": the shop's price comes first
    if "€" in text or "£" in text or "$" in text:
        text = _SYMBOL_MARK.sub(r"\1.\3\2", text)
    if "\\" in text:  # Shift_JIS and EUC-JP write the yen sign at the backslash's byte, EUC-KR the won sign
        text = _YEN_BYTE.sub("₩" if hints.tld == "kr" or hints.lang.startswith("ko") else "¥", text)
    if "." in text or "," in text:
        text = _SPACED_MARK.sub(r"\1\2\3", text)  # "319 . 00": the pieces of one amount, each a block of its own
    groups = _AMOUNT.findall(text)
    if not groups:
        return None, None
    if len(_LETTERS.findall(_AMOUNT.sub("", text))) > 14:
        return None, None
    amount, cur = parse_price_text(text, hints)
    if amount is None or amount <= 0:
        return None, None
    if cur is None and not _DECIMALS.search(text):
        return None, None
    if len(groups) > 1:
        distinct = {parse_price_text(g, hints)[0] for g in groups}
        distinct.discard(None)
        if len(distinct) > 1 and not _RANGE_DASH.search(text):
            return None, None
    return amount, cur


def _class_currency(el) -> str | None:
    """The currency a class inside the price names where its sign is drawn by CSS ("<span class='currencyINR'>&nbsp;
    </span> 37,490.00", Amazon India's)."""
    for e in islice(el.iter(), 6):
        m = _CURRENCY_CLASS.search(e.get("class") or "") if isinstance(e.tag, str) else None
        if m and m.group(1).upper() in ISO_CODES:
            return m.group(1).upper()
    return None


_CURRENCY_CLASS = re.compile(r"(?<![A-Za-z])(?:currency|curr|icon)[-_]?([A-Z]{3}|[a-z]{3})(?![A-Za-z])")


def _distance_map(anchors) -> dict:
    m: dict = {}
    for a in anchors:
        d = 0
        e = a
        while e is not None:
            if m.get(e, 1 << 30) > d:
                m[e] = d
            e = e.getparent()
            d += 1
    return m


def _distance(el, m: dict) -> int:
    k = 0
    e = el
    while e is not None and e not in m:
        e = e.getparent()
        k += 1
    return k + m[e] if e is not None else 1 << 20


def _lca_within(a, b, levels: int) -> bool:
    ups = set()
    e = a
    for _ in range(levels + 1):
        if e is None:
            break
        ups.add(e)
        e = e.getparent()
    e = b
    for _ in range(levels + 1):
        if e is None:
            return False
        if e in ups:
            return True
        e = e.getparent()
    return False


def dom_price(candidates, anchors, hints: Hints, related, lone: bool = False) -> dict:
    """{'price', 'regular_price', 'currency', 'net_price', 'currency_named'} from visible price
    elements (Decimals); ``net_price`` is a price the page names as before VAT beside the price
    (never the price when the page shows another); ``currency_named``: the price's text names its
    currency whatever the locale ("US$", "€", not "$"). ``lone``: with nothing else, an amount a price
    element holds only in a child classed "regular" (Dawn's "price-item--regular") is the price; a
    caller asks for it after the page's unlabelled amounts.
    """
    cands = []  # (el, amount, currency, role, order, hard); a current price waits as (el, text, order, role)
    alone = []  # see ``lone``
    each = []  # a price of one item, named per unit ("£1.75/unit"): the price where the page shows no other
    labelled = set()  # current prices the page labels as the price ("<td>Ár:</td><td>12 990 Ft</td>")
    rows: dict = {}
    for order, el in enumerate(candidates):
        if related(el) or _unchosen_option(el, rows):
            continue
        attrs = _attr_text(el)
        if _hidden(el, attrs) or any(_hidden(a, _attr_text(a)) for a in islice(el.iterancestors(), _HIDDEN_LEVELS)):
            continue
        strike = _is_strike(el, attrs)
        hard = strike and _hard_strike(el, attrs)
        if not strike and el.tag not in ("ins",) and (
                (_IGNORE_TOKENS.search(attrs) and not _one_unit_price(el, attrs))
                or (_PART_TOKENS.search(attrs) and not _whole_amount(el, hints))
                or any(_MEMBERS.search(_attr_text(a)) for a in islice(el.iterancestors(), 2))
                or _in_rates_table(el)):
            if _price_of_one(el, attrs):
                each.append(el)
            continue
        if not strike:
            p = el.getparent()
            for _ in range(2):  # inside a struck element ("<del>", class "strike", "line-through")
                if p is None:
                    break
                if p.tag in _STRIKE_TAGS or _hard_strike(p, _attr_text(p)):
                    strike = hard = True
                    break
                p = p.getparent()
        regs: list[tuple[str, bool]] = []  # (text, struck through) of "was" children
        text = _own_text(el, regs, 80, True) if strike else _own_text(el, regs)
        if not text and not regs and el.get("data-price"):  # a script fills it in: "<div data-price='249.00'>"
            text = " ".join(filter(None, (el.get("data-price"), el.get("data-currency"))))
        beside = bool(regs) and bool(text) and _amount(text, hints)[0] is not None
        for r, struck in regs:
            ra, rc = _amount(r, hints)
            if ra is not None:
                cands.append((el, ra, rc, "reg", order, True))
                if lone and not (struck or beside):
                    alone.append((el, ra, rc, "cur", order, False))
        if not text:
            continue
        pair = _was_now(text) if not strike else None
        if pair:  # "Was £49.95 Now £39.95" in one text
            ra, rc = _amount(pair[0], hints)
            if ra is not None:
                cands.append((el, ra, rc, "reg", order, True))
            cands.append((el, pair[1], order, "cur"))
            continue
        if not strike and _REG_TEXT.search(text):
            strike = True
        if not strike:
            label = _label_before(el)
            if label and _REG_TEXT.search(label):
                strike = True
            elif label and _PER_PIECE.fullmatch(label.strip()):
                labelled.add(el)  # "PER STUK": what one item costs, the price
            elif label and _IGNORE_TEXT.search(label) and not _FREE.search(label) or _OTHER_OFFERS.search(
                    _words_before(el)):
                continue  # "Shipping: <span>€4.95</span>", "<a>87 new</a> from <span>$167.99</span>"
            elif label and PRICE_LABEL.match(label):
                labelled.add(el)
        if strike:
            label = _REG_TEXT.match(text.lstrip())
            # the old price's label in words of its own, as long as it likes ("Alkuperäinen hinta 149,99 €")
            amount, cur = _amount(text.lstrip()[label.end():] if label else text, hints)
            if amount is not None:
                cands.append((el, amount, cur, "reg", order, hard))
        else:
            cands.append((el, text, order, "net" if _before_tax(el) else "cur"))
    # Parse the waiting current prices, keeping the document order of all candidates.
    parsed = []
    for c in cands:
        if len(c) == 4:
            amount, cur = _amount(c[1], hints)
            tail = c[0].tail
            if amount is None and tail and (words := tail.strip()) and len(words) <= 4:
                # the currency in the text after it, outside the element ("<span id='price'>329,000</span>원")
                amount, cur = _amount(f"{c[1]} {words}", hints)
            if amount is None:
                continue
            c = (c[0], amount, cur or _class_currency(c[0]), c[3], c[2], False)
        parsed.append(c)
    cands = parsed
    if not cands and not each:
        return {}
    dmap = _distance_map(anchors) if anchors else None
    currents = [c for c in cands if c[3] == "cur"]
    if not currents:
        # Only "regular"-labelled prices and nothing struck: that price is the price. A labelled
        # amount that is also shown struck through is the old price ("De: <s>R$ 89,99</s>").
        struck = {c[1] for c in cands if c[5]}
        currents = [c[:3] + ("cur",) + c[4:] for c in cands if not c[5] and c[1] not in struck] or alone
        if not currents:
            # the one named the price per unit first: a pack's "£0.70/ea" per piece comes after its "£3.50/unit"
            each.sort(key=lambda e: "unit" not in _attr_text(e))
            currents = [(el, *amount, "cur", -1, False) for el in each
                        if (amount := _amount(_EACH.sub("", short_text(el, 40) or ""), hints))[0] is not None][:1]
        if not currents:
            return {}
    nets = [c for c in cands if c[3] == "net"]
    net = min(nets, key=lambda c: (_distance(c[0], dmap), c[4]))[1] if nets and dmap else nets[0][1] if nets else None
    if dmap:
        # The price a buyer pays is usually repeated (screen-reader copy, buy box,
        # sticky bar, totals): repetition breaks near-ties in tree distance.
        counts: dict = {}
        for c in currents:
            counts[c[1]] = counts.get(c[1], 0) + 1
        best = min(currents, key=lambda c: (_distance(c[0], dmap) - min(counts[c[1]], 4)
                                            - _LABELLED_NEARER * (c[0] in labelled), c[4]))
    else:
        best = currents[0]
    displaced = None
    if len(currents) > 1 and not _SALE_NAMED.search(_attr_text(best[0])):
        # two amounts side by side in one price block, the lower named the sale price (SiteGenesis's
        # "price-standard" $24.50 beside "price-sales" $10.50): the other is its list price
        sale = [c for c in currents if c[1] < best[1] and _lca_within(best[0], c[0], 2)
                and _SALE_NAMED.search(_attr_text(c[0]))]
        if sale:
            displaced, best = best[1], sale[0]
    el, amount, cur = best[:3]
    regular = displaced
    for rel, ra, rc, role, _, _ in cands:
        if role != "reg" or ra <= amount:
            continue
        if rel is el or _lca_within(el, rel, 4):
            if regular is None or ra < regular:
                regular = ra
    shown_in = el
    if cur is None:
        # The symbol is often in a sibling element ("<span>€</span><span>12</span>").
        shown_in = el.getparent()
        if shown_in is not None:
            t = short_text(shown_in, 60)
            if t:
                cur = parse_price_text(t, hints)[1]
    return {"price": amount, "regular_price": regular, "currency": cur, "net_price": net if net != amount else None,
            "currency_named": cur is not None and _names_currency(shown_in, cur)}


# Locales that read "$", "kr" and "¥" differently: a text whose currency both read alike names it
# ("US$", "€", "CHF"), whatever the page's locale.
_PROBES = (Hints(tld="ca", lang="da"), Hints(tld="au", lang="zh"))


def _names_currency(el, cur: str) -> bool:
    t = short_text(el, 60)
    return bool(t) and all(parse_price_text(t, h)[1] == cur for h in _PROBES)


_BOX_TAGS = frozenset(("span", "strong", "b", "em", "div", "p", "ins", "dd", "td", "bdi", "data", "font", "h1",
                       "h2", "h3", "h4", "li", "label"))


def unlabelled_prices(boxes, hints: Hints) -> list:
    """Elements of the buy box whose own short text is one amount with its currency: the price a
    page shows in an element whose class does not say "price" (candidates for ``dom_price``)."""
    out = []
    for box in boxes:
        for el in box.iter():
            if el.tag not in _BOX_TAGS:
                continue
            t = el.text
            if t and len(t) > 40:
                t = t.strip()  # "<p>\n      53,11 €\n    </p>"
            amount = currency = None
            if t and len(t) <= 40 and any(c.isdigit() for c in t):
                amount, currency = parse_price_text(t, hints)
            if currency is None and 1 < len(el) <= 4 and all(c.tag in _PRICE_PIECES for c in el):
                # the amount in pieces: "<span>€</span><span>189</span><sup>,00</sup>", "1 199,<span>00</span> <span>zł</span>"
                t = short_text(el, 24)
                if not t or not any(c.isdigit() for c in t):
                    continue
                amount, currency = parse_price_text(t, hints)
            if amount is not None and currency is not None and not _labelled_was(el, t):
                out.append(el)
    return out


def _labelled_was(el, text: str) -> bool:
    """An amount its own words or the label right before it call the old price ("statt 8,99 €",
    "<span>UVP</span> <span>8,99 €</span>"): no price a buyer pays."""
    if _REG_TEXT.match(text.strip()):
        return True
    prev = el.getprevious()
    if prev is not None:
        before = (prev.tail or "").strip() or (short_text(prev, 24) if isinstance(prev.tag, str) else "")
    else:
        parent = el.getparent()
        before = (parent.text or "").strip() if parent is not None else ""
    # a label, not an amount of its own: "De: R$ 1.499,90" before "Por: R$ 1.299,90" is the old price beside it
    return (bool(before) and len(before) <= 24 and not any(c.isdigit() for c in before)
            and _REG_TEXT.match(before) is not None)


_PRICE_PIECES = frozenset(("span", "sup", "sub", "small", "b", "strong", "bdi", "data"))


def shown_amounts(elements, hints: Hints) -> set:
    """The amounts the elements' own short texts show, with or without a currency ("14,95", "€ 1.299,00*"); not
    an element served hidden (Magento's microdata price in a "no-display" span)."""
    out = set()
    for el in elements:
        for t, owner in ((el.text, el), (el.tail, el.getparent())):
            if t and len(t.strip()) <= 40 and any(c.isdigit() for c in t):
                amount, _ = parse_price_text(t.strip(), hints)
                if amount is not None and not (owner is not None and served_hidden(owner)):
                    out.add(amount)
    return out
