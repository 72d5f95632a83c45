"""Locale-aware price parsing.

``price_parser`` does the heavy lifting for human text ("1.299,00 €",
"CHF 1'299.50", "€ 12,-"); this module adds what it lacks:

* machine values from markup ("32.19", 98.99, "12,99") are read directly,
  because schema.org prices use "." as the decimal mark and price_parser would
  read "1.299" as 1299;
* ranges ("12,00 € – 15,00 €") give their lowest amount;
* currency symbols are mapped to ISO 4217 codes, using the page's TLD and
  ``lang`` to settle ambiguous symbols ($, kr, ¥);
* amounts are rendered with the currency's number of decimals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from price_parser import Price

from .urls import hostname

# Currencies whose minor unit is 0 (ISO 4217); everything else gets 2 decimals.
ZERO_DECIMAL = frozenset(
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split()
)

ISO_CODES = frozenset(
    """AED ARS AUD BGN BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HRK HUF IDR ILS INR ISK
    JPY KRW KWD MAD MXN MYR NGN NOK NZD PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TRY TWD
    UAH USD VND ZAR KZT GEL AZN MNT KGS""".split()
)

# Unambiguous symbols/abbreviations, longest first so "R$" wins over "$".
_SYMBOLS = [
    ("US$", "USD"), ("USD", "USD"), ("CA$", "CAD"), ("C$", "CAD"), ("AU$", "AUD"), ("A$", "AUD"),
    ("NZ$", "NZD"), ("HK$", "HKD"), ("S$", "SGD"), ("MX$", "MXN"), ("R$", "BRL"), ("NT$", "TWD"),
    ("€", "EUR"), ("£", "GBP"), ("zł", "PLN"), ("zl", "PLN"), ("₹", "INR"), ("₽", "RUB"),
    ("руб", "RUB"), ("₩", "KRW"), ("원", "KRW"), ("₺", "TRY"), ("₪", "ILS"), ("₫", "VND"), ("฿", "THB"), ("บาท", "THB"),
    ("₴", "UAH"), ("₱", "PHP"), ("Kč", "CZK"), ("Ft", "HUF"), ("lei", "RON"), ("лв", "BGN"),
    ("CHF", "CHF"), ("Fr.", "CHF"), ("kn", "HRK"), ("元", "CNY"), ("円", "JPY"),
    ("₸", "KZT"), ("тг", "KZT"), ("тенге", "KZT"), ("грн", "UAH"), ("₾", "GEL"), ("₼", "AZN"), ("₮", "MNT"),
    ("сом", "KGS"), ("din.", "RSD"), ("дин", "RSD"),
    ("KSh", "KES"), ("Ksh", "KES"), ("TSh", "TZS"), ("USh", "UGX"), ("₦", "NGN"), ("GH₵", "GHS"), ("₵", "GHS"),
    ("лей", "MDL"), ("Лей", "MDL"), ("֏", "AMD"), ("৳", "BDT"), ("ብር", "ETB"), ("ကျပ်", "MMK"), ("сўм", "UZS"), ("soʻm", "UZS"), ("so'm", "UZS"), ("රු", "LKR"),
] + [
    # Arabic-script abbreviations (price_parser does not know them).
    ("ر.س", "SAR"), ("ر.س.", "SAR"), ("د.إ", "AED"), ("ج.م", "EGP"), ("د.ك", "KWD"), ("ر.ق", "QAR"),
    ("د.م.", "MAD"), ("ر.ع", "OMR"), ("د.ب", "BHD"), ("د.أ", "JOD"), ("د.ج", "DZD"), ("د.ت", "TND"), ("د.ع", "IQD"),
    ("ل.ل", "LBP"), ("ل.س", "SYP"), ("ل.د", "LYD"),
]
# Only consulted when price_parser found no currency in a price text.
_FALLBACK = [(sym, code) for sym, code in _SYMBOLS if not sym.isascii()]
# Arabic-Indic and Eastern Arabic-Indic digits and the Arabic decimal/thousands marks; a typographic
# apostrophe as thousands mark.
_DIGITS = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)},
                         **{chr(0x6F0 + i): str(i) for i in range(10)},
                         "\u066b": ".", "\u066c": ",", "\u060c": ",",
                         "\u2019": "'", "\u02bc": "'"})  # Swiss thousands: "1’299.00"
_TLD_DOLLAR = {
    "ca": "CAD", "au": "AUD", "nz": "NZD", "mx": "MXN", "sg": "SGD", "hk": "HKD", "ar": "ARS",
    "cl": "CLP", "co": "COP", "tw": "TWD",
}
_TLD_KRONA = {"se": "SEK", "dk": "DKK", "no": "NOK", "is": "ISK"}
_LANG_KRONA = {"sv": "SEK", "da": "DKK", "nb": "NOK", "nn": "NOK", "no": "NOK", "is": "ISK"}
# A page in French that prices in dollars is Canadian, whatever its region tag says
_LANG_DOLLAR = {"en-ca": "CAD", "fr-ca": "CAD", "fr": "CAD", "en-au": "AUD", "en-nz": "NZD", "es-mx": "MXN",
                # the language's region where the domain says nothing (a .com shop of Chile, Argentina, Taiwan …)
                "es-ar": "ARS", "es-cl": "CLP", "es-co": "COP", "es-uy": "UYU", "zh-tw": "TWD", "zh-hk": "HKD",
                "en-hk": "HKD", "en-sg": "SGD", "zh-sg": "SGD"}
# The one currency of a country-code domain ("5 999,-" on a .no shop is kroner). Domains used
# worldwide for other reasons (.co, .io, .me, .tv, .ai ...) are left out.
_EURO_TLDS = ("de", "at", "fr", "it", "es", "nl", "be", "lu", "ie", "pt", "gr", "fi", "sk", "si", "ee", "lv",
              "lt", "mt", "cy", "hr")
_TLD_CURRENCY = {**{t: "EUR" for t in _EURO_TLDS}, **_TLD_KRONA, "uk": "GBP", "ch": "CHF", "pl": "PLN",
                 "cz": "CZK", "hu": "HUF", "ro": "RON", "bg": "BGN", "tr": "TRY", "ru": "RUB", "ua": "UAH",
                 "jp": "JPY", "cn": "CNY", "kr": "KRW", "in": "INR", "br": "BRL", "mx": "MXN", "ar": "ARS",
                 "cl": "CLP", "au": "AUD", "nz": "NZD", "ca": "CAD", "za": "ZAR", "sg": "SGD", "hk": "HKD",
                 "tw": "TWD", "th": "THB", "my": "MYR", "id": "IDR", "ph": "PHP", "vn": "VND", "il": "ILS",
                 "ae": "AED", "sa": "SAR", "eg": "EGP", "ng": "NGN", "ke": "KES", "pe": "PEN", "kz": "KZT",
                 "bd": "BDT", "np": "NPR", "lk": "LKR", "mm": "MMK", "et": "ETB", "uz": "UZS", "pk": "PKR",
                 "ge": "GEL", "az": "AZN", "mn": "MNT", "kg": "KGS", "rs": "RSD", "ba": "BAM", "mk": "MKD", "md": "MDL",
                 "by": "BYN", "tz": "TZS", "ug": "UGX", "gh": "GHS", "ma": "MAD", "tn": "TND"}


# Names shops print in place of the ISO code ("2.999,99 Lei", "¥99 RMB").
_CODE_ALIASES = {"LEI": "RON", "RMB": "CNY", "RUR": "RUB", "NIS": "ILS", "SFR": "CHF", "TL": "TRY", "РУБ": "RUB", "ГРН": "UAH",
                 "RS": "INR", "RP": "IDR", "RM": "MYR", "KSH": "KES", "TSH": "TZS", "USH": "UGX"}
_TLD_RUPEE = {"pk": "PKR", "lk": "LKR", "np": "NPR", "mu": "MUR", "sc": "SCR"}
# The euro written out beside the amount ("49,95 Euro", "1.299,- Euros"), which price_parser misses.
_EURO_WORD = re.compile(r"\d[^\w]{0,4}euros?(?![^\W\d_])", re.I)  # after it: "Euro 2024" is no price
_DINAR_WORD = re.compile(r"\d\s?din(?![^\W\d_])")
# The krona's mark capitalised ("Kr. 159,90", "499 Kr"), which price_parser reads only as "kr"
_KRONA_CAPITAL = re.compile(r"(?<![^\W\d_])K[rR]\.?\s?\d|\d\s?K[rR](?![^\W\d_])")


def country_currency(hints: "Hints") -> str | None:
    """The currency of the shop's country-code domain, for a price the page shows without one."""
    return _TLD_CURRENCY.get(hints.tld)


@dataclass(frozen=True)
class Hints:
    """Locale evidence for ambiguous symbols: the URL's TLD, the page language and, for a "$"
    neither settles, the currency code the page's own scripts name (read only then)."""

    tld: str = ""
    lang: str = ""
    scripts: tuple = field(default=(), compare=False, repr=False)  # inline scripts' texts

    @classmethod
    def from_page(cls, url: str | None, lang: str | None, scripts: tuple = ()) -> "Hints":
        host = hostname(url or "") or ""
        return cls(tld=host.rsplit(".", 1)[-1].lower() if "." in host else "",
                   lang=(lang or "").strip().lower().replace("_", "-"), scripts=scripts)


def currency_code(symbol, hints: Hints | None = None) -> str | None:
    """ISO code for a symbol/code/abbreviation, or None when unknown."""
    code = _currency_code(symbol, hints)
    # Moldova's leu is written "lei" too
    return "MDL" if code == "RON" and hints is not None and hints.tld == "md" else code


def _currency_code(symbol, hints: Hints | None) -> str | None:
    if not symbol or not isinstance(symbol, str):
        return None
    s = symbol.strip()
    up = s.upper()
    if up in ISO_CODES:
        return up
    if up in _CODE_ALIASES:
        if up in ("RS", "RS.") and hints is not None and (hints.tld in _TLD_RUPEE or hints.lang[-3:-2] == "-"
                                                          and hints.lang[-2:] in _TLD_RUPEE):
            # "Rs." of Pakistan's, Sri Lanka's, Nepal's rupee, by the domain or the language's region ("en-PK")
            return _TLD_RUPEE.get(hints.tld) or _TLD_RUPEE[hints.lang[-2:]]
        return _CODE_ALIASES[up]
    if len(up) == 3 and up.isascii() and up.isalpha():
        return up  # a well-formed code we don't list is still better than nothing
    for sym, code in _SYMBOLS:
        if sym in s:
            return code
    h = hints or Hints()
    if "$" in s:
        # .co is Colombia's, and a vanity domain the world over: its peso only on a page in Spanish
        tld = h.tld if h.tld != "co" or not h.lang or h.lang.startswith("es") else ""
        return _TLD_DOLLAR.get(tld) or _LANG_DOLLAR.get(h.lang) or _script_dollar(h.scripts) or "USD"
    if s.lower() in ("kr", "kr.", ":-", ",-"):
        return _TLD_KRONA.get(h.tld) or _LANG_KRONA.get(h.lang[:2]) or "SEK"
    if "¥" in s or "￥" in s:
        return "CNY" if h.tld == "cn" or h.lang.startswith("zh") else "JPY"
    return None


@lru_cache(maxsize=8)
def _script_dollar(scripts: tuple) -> str | None:
    """The one dollar currency a page's scripts name ("currency": "ARS", Shopify's "active": "CAD")."""
    codes = {m.group(1) for text in scripts if len(text) <= _MAX_SCRIPT for m in _SCRIPT_CURRENCY.finditer(text)}
    dollars = codes & _DOLLARS
    return next(iter(dollars)) if len(dollars) == 1 else None


_SCRIPT_CURRENCY = re.compile(r"""["']?(?:currency(?:Code)?|priceCurrency|active)["']?\s*[:=]\s*["']([A-Z]{3})["']""")
_DOLLARS = frozenset((*_TLD_DOLLAR.values(), *_LANG_DOLLAR.values(), "USD", "UYU"))
_MAX_SCRIPT = 200_000  # an application bundle inlined whole is no page setting


_MACHINE = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
_COMMA_DECIMAL = re.compile(r"^\s*\d+,\d{1,2}\s*$")
# Hyphen only counts as a range separator between spaces ("12,- €" is a price).
_RANGE = re.compile(r"\s+[-‐‑–—]\s+|\s*[–—]\s*|\s+(?:to|bis|à|a|до)\s+", re.I)


def parse_amount(value) -> Decimal | None:
    """Amount from a markup value: numbers, "12.99", "12,99", or human text."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            d = Decimal(str(value))
        except InvalidOperation:
            return None
        return d if d >= 0 else None
    if not isinstance(value, str):
        return None
    if _MACHINE.match(value):
        d = Decimal(value.strip())
        return d if d >= 0 else None
    if _COMMA_DECIMAL.match(value):
        return Decimal(value.strip().replace(",", "."))
    amount, _ = parse_price_text(value)
    return amount


def parse_price_text(text: str, hints: Hints | None = None) -> tuple[Decimal | None, str | None]:
    """(lowest amount, ISO currency) from visible text such as "ab 1.299,00 €"."""
    if not text:
        return None, None
    if not text.isascii():
        text = text.translate(_DIGITS)
    if "S/." in text:
        text = text.replace("S/.", "S/ ")  # Peru's "S/.149.90": the sol's dot is no decimal mark
    best = None
    cur = None
    for part in _RANGE.split(text):
        if not part or not any(c.isdigit() for c in part) or _FRACTION_ONLY.match(part):
            continue
        if (after := _DIGITS_AFTER_CENTS.search(part)) is not None:
            part = part[:after.end(1)]  # "£46.00 787331": a product number after the price, not more of it
        p = Price.fromstring(part)
        if p.amount is None:
            continue
        said = currency_code(p.currency, hints) if p.currency and _standalone(p.currency, part) else None
        if (prefixed := _PREFIXED_MARK.search(part)) is not None:
            said = _PREFIXED[prefixed.group(1)]  # "E£ 1,299" is Egypt's pound, not the £ price_parser sees
        said = said or _fallback_currency(part, hints)
        if p.currency and not p.currency.isalpha() and (iso := _ISO_WORD.search(part)) and iso.group() in ISO_CODES:
            said = iso.group()  # the code beside a symbol names it ("$249.00 MXN", "$ 1.299 CLP")
        amount = p.amount
        if said in _THOUSANDTHS_CURRENCIES and (m := _THOUSANDTHS.search(part)):
            # a dinar's three decimals ("1 189,000 DT", "KWD 12.500"), not a thousands group
            amount = Price.fromstring(part, decimal_separator=m.group(1)).amount or amount
        if best is None or amount < best:
            best = amount
        cur = cur or said
    return best, cur


_DIGITS_AFTER_CENTS = re.compile(r"(\d[.,]\d\d)\s+\d")
# Marks that price_parser reads as a shorter one's: Egypt's and Lebanon's pounds, Peru's sol ("S/ 149.90")
_PREFIXED = {"E£": "EGP", "L£": "LBP", "S/": "PEN"}
_PREFIXED_MARK = re.compile(r"(?<![A-Za-z])(E£|L£|S/)\s*\d")
_ISO_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
# Currencies counted in thousandths, as their shops write them (the Iraqi dinar's are not in use).
_THOUSANDTHS_CURRENCIES = frozenset(("TND", "KWD", "BHD", "OMR", "JOD", "LYD"))
_THOUSANDTHS = re.compile(r"\d([.,])\d{3}(?!\d)(?![.,]\d)")


# The cents of a price split over two elements ("<span>1.249</span><span>,90 TL</span>"): no amount alone (not a
# currency's abbreviation and its dot before the amount: "Rs.4,500", "Kr.499").
_FRACTION_ONLY = re.compile(r"^\D*(?<![^\W\d_])[.,]\d")


def _standalone(mark: str, text: str) -> bool:
    """price_parser finds currency words inside other words ("kn" in "teknologi", "euro" in
    "eurofins") and apart from the amount ("AMD Zen 2"): a lettered mark counts only as a word
    of its own beside the amount ("EUR 49,95", "1.299,- Euro")."""
    if not mark[-1].isalpha():
        return True
    m = re.escape(mark)
    return re.search(rf"\d[^\w]{{0,4}}{m}(?![^\W\d_])|(?<![^\W\d_]){m}[^\w]{{0,4}}\d", text, re.I) is not None


_SHILLING = re.compile(r"(?<![^\W\d_])([KTU])sh\.?\s?\d|\d\s?([KTU])sh\b", re.I)
_DONG = re.compile(r"\d\s?đ(?![^\W\d_])")
_RUBLE_SHORT = re.compile(r"\d\s?р\.(?!\w)")
_RAND = re.compile(r"(?<![^\W\d_])R\s?\d")
# A dinar's lettered mark, read on its country's shops only ("DT" and "KD" are other words elsewhere).
_LOCAL_MARKS = {"tn": ("DT", "TND"), "kw": ("KD", "KWD"), "bh": ("BD", "BHD"), "jo": ("JD", "JOD")}


def _fallback_currency(text: str, hints: Hints | None) -> str | None:
    """Currency marks price_parser misses: Arabic-script abbreviations, Scandinavian "1.299:-",
    the euro written out."""
    if not text.isascii():
        for sym, code in _FALLBACK:
            if sym in text:
                return code
    if ":-" in text:
        return currency_code(":-", hints)
    if "K" in text and _KRONA_CAPITAL.search(text):
        return currency_code("kr", hints)
    if "р." in text and _RUBLE_SHORT.search(text):
        return "RUB"  # "2 490 р.", the rouble's short form
    if ("sh" in text or "Sh" in text) and (m := _SHILLING.search(text)):
        return _CODE_ALIASES[(m.group(1) or m.group(2)).upper() + "SH"]  # "KSh 1,500": East Africa's shillings
    if "đ" in text and _DONG.search(text):
        return "VND"  # "13.790.000đ": Vietnamese shops write the dong's sign as the letter
    if "R" in text and hints is not None and (hints.tld == "za" or hints.lang.endswith("-za")) and _RAND.search(text):
        return "ZAR"  # "R3,450.00" on a South African shop
    local = _LOCAL_MARKS.get(hints.tld) if hints is not None else None
    if local and local[0] in text and re.search(rf"\d\s?{local[0]}(?![^\W\d_])|(?<![^\W\d_]){local[0]}\s?\d", text):
        return local[1]  # "189,000 DT" on a Tunisian shop, "KD 4.750" on a Kuwaiti one
    if _EURO_WORD.search(text):
        return "EUR"
    if "din" in text and _DINAR_WORD.search(text):
        return "RSD"  # "1144 din": Serbia's dinar, its dot left out
    return None


def format_price(amount: Decimal | None, currency: str | None) -> str | None:
    if amount is None:
        return None
    q = Decimal(1) if currency in ZERO_DECIMAL else Decimal("0.01")
    try:
        return str(amount.quantize(q, rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return None


# ------------------------------------------------------------- prices in JSON objects
# Shops' JSON (API responses, page-state blobs) nests a price under a handful of usual key
# names; both JSON readers (jsondoc.py, jsonblob.py) look them up here, most specific first.
#: keys under which a price object holds the amount a buyer pays now
AMOUNT_KEYS = ("current", "sale", "salePrice", "sale_price", "selling", "sellingPrice", "final", "finalPrice",
               "value", "amount", "price", "centAmount", "raw")
#: keys under which a price object (or the product) holds the price before a reduction
REGULAR_KEYS = ("previous", "was", "regular", "regularPrice", "original", "originalPrice", "rrp", "list",
                "listPrice", "wasPrice", "compareAtPrice", "compare_at_price", "oldPrice", "strikePrice",
                "strikethroughPrice", "previousPrice", "msrp", "initial", "base", "basePrice")
CURRENCY_KEYS = ("currency", "currencyCode", "priceCurrency", "currency_code", "currencyIso")


def json_amount(value, depth: int = 0) -> tuple[Decimal | None, str | None]:
    """(amount, currency) of a JSON price value: a number, a string, a list of price objects
    or a nested object (`{"current": {"value": 12.5, "currency": "EUR"}}`, commercetools'
    `centAmount` with `fractionDigits`)."""
    if value is None or depth > 3:
        return None, None
    if isinstance(value, list):
        return json_amount(value[0], depth + 1) if value and isinstance(value[0], dict) else (None, None)
    if not isinstance(value, dict):
        return parse_amount(value), None
    currency = next((value[k] for k in CURRENCY_KEYS if isinstance(value.get(k), str)), None)
    if isinstance(value.get("centAmount"), int):
        digits = value.get("fractionDigits") if isinstance(value.get("fractionDigits"), int) else 2
        if not 0 <= digits <= 18:  # page data: past Decimal's exponent range the scaling raises
            return None, currency
        return Decimal(value["centAmount"]).scaleb(-digits), currency
    for key in AMOUNT_KEYS:
        if key in value:
            amount, cur = json_amount(value[key], depth + 1)
            if amount is not None:
                return amount, cur or currency
    return None, currency


def json_regular_amount(*holders) -> Decimal | None:
    """The price before a reduction, from the first of `holders` (price objects or the
    product object) that has one; zero is no price."""
    for holder in holders:
        if isinstance(holder, dict):
            for key in REGULAR_KEYS:
                if key in holder:
                    amount, _ = json_amount(holder[key], 1)
                    if amount:
                        return amount
    return None
