"""Product codes and brand as the page shows them.

Printed labels: "Product code: 41230987", ``<strong>Item no. - </strong>55120``,
``<span>Ref.</span> <b>AB-1120</b>``, ``<dt>Marke</dt><dd>Acme</dd>``, ``<th>EAN</th><td>..``,
spec rows of four cells, ``<p>Brand</p><p>Acme</p>``, ``商品編號：M88213``, "Walmart # 585552560":
a label from the vocabularies below (or any word before "#"), then its value in the same line, the
label's tail, the next sibling element, the same again one or two levels up when the label is
wrapped (``<td><b>SKU</b></td><td>..``), or the cell below a header cell.  ``tree_scan.scan``
collects the candidates in its one pass (``LABEL`` / ``ID_HASH`` at the start of an element's
first text, or of a <br>'s tail); ``printed`` reads them, with the weaker signs: spec-table rows
labelled with any catalogue-id word ("Webcode"), hidden sku inputs, brand elements (``dom_brand``)
and the shop's own name.

Also here: the clean-up of brand and code texts from every layer (``tidy_layers``: "Visit the Acme
Store", "Brand: Acme", unrendered ``{{ product.vendor }}``) and which code wins, the printed one or
the markup's (``page_code_wins``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, takewhile
from urllib.parse import parse_qsl, unquote, urlsplit

from .marketplaces import is_marketplace
from .text import CHOOSE, READER_ONLY, TEST_IDS, clean, served_hidden, short_text, shown_words

# Label vocabularies, written as ``normalize`` leaves them (casefolded, runs of spaces and
# punctuation . - _ / ' ° º as one space).  "sku" is the shop's own code; "maker" (manufacturer) is
# the brand when no brand label is printed.
_VOCAB = {
    "sku": (
        # en
        "sku", "sku #", "sku no", "sku number", "sku code", "item no", "item nr", "item number", "item #",
        "item code", "item id", "item ref", "article no", "article nr", "article number", "article #",
        "article code", "art no", "art nr", "art #", "product code", "product no", "product nr",
        "product number", "product #", "product id", "product ref", "product reference", "prod code",
        "style #", "style no", "style number", "style code", "style id", "ref", "ref no", "ref #",
        "reference", "reference no", "reference number", "catalog number", "catalogue number",
        "catalog no", "catalogue no", "catalog #", "cat no", "cat #", "stock code", "stock number",
        "stock no", "order no", "order number", "order code", "web id", "webcode", "web code", "asin",
        "tcin", "dpci", "plu", "shop code", "our code", "our ref", "our reference",
        # a big-box store's own numbers beside the maker's "Model #" ("Internet #204279858", "Store SKU #1000123456")
        "store sku", "store sku #", "internet #", "internet no", "internet number", "web #", "web item #",
        "online item #", "online #",
        # a marketplace's listing number ("Publicación #MLM2043318877", "Numer oferty: 1234567")
        "listing #", "listing no", "listing number", "listing id", "offer number", "offer id", "publicación #",
        "número de publicación", "anuncio #", "anúncio #", "número do anúncio", "código do anúncio", "numer oferty",
        "nr oferty", "angebotsnummer", "numéro d annonce", "annonce n",
        # de
        "artikelnummer", "artikel nr", "artikelnr", "artnr", "artikel id", "artikelcode", "bestellnummer",
        "best nr", "bestellnr", "bestell nr", "produktnummer", "produkt nr", "produktcode", "produkt id",
        "katalognummer", "referenz", "referenznummer", "warennummer",
        # fr
        "référence", "réf", "ref produit", "réf produit", "référence produit", "référence article",
        "réf article", "code article", "code produit", "numéro d article", "numéro de produit",
        "numéro article", "n d article", "n article", "no article", "article n",
        # it
        "codice articolo", "codice prodotto", "cod articolo", "cod art", "cod prodotto", "riferimento",
        "rif", "numero articolo", "articolo n", "art n",
        # es / pt
        "código de producto", "código del producto", "código de artículo", "código artículo",
        "código producto", "referencia", "número de artículo", "n de artículo", "n de referencia",
        "código do produto", "código do artigo", "código produto", "referência", "ref.ª", "ref do produto", "ugs",
        "número do artigo", "cód", "cód produto", "cód do produto", "cód artículo", "cód de artículo",
        "código de referencia", "código de referência", "cód referencia", "cód de referencia", "cód referência",
        "cód de referência",
        # ca
        "referència", "codi de producte", "codi del producte", "codi producte", "codi d'article", "codi article",
        # nl
        "productcode", "productnummer", "bestelnummer", "referentie", "artikelcode", "art nummer",
        # pl / cs / sk / hu / ro / el / tr
        "kod produktu", "numer produktu", "nr produktu", "numer katalogowy", "nr katalogowy", "indeks", "kod systemowy",
        "kod towaru", "numer artykułu", "nr art", "symbol", "kód produktu", "katalogové číslo",
        "číslo produktu", "číslo výrobku", "kód výrobku", "kód zboží", "objednací číslo", "kat číslo",
        "katalógové číslo", "cikkszám", "termékkód", "cod produs", "cod articol", "κωδικός",
        "κωδικός προϊόντος", "ürün kodu", "stok kodu",
        "ürün no", "ürün numarası",
        # Baltic / Balkan / bg / vi / id / th / ar / he
        "preces kods", "produkta kods", "produkta numurs", "prekės kodas", "tootekood", "šifra", "šifra artikla", "šifra proizvoda", "шифра", "шифра артикла",
        "шифра производа", "koda izdelka",
        "артикулен номер", "код на продукта", "mã sản phẩm", "kode produk", "รหัสสินค้า", "رمز المنتج", "رقم المنتج",
        "کد محصول", "شناسه محصول",  # fa "product code", "product id"
        "كود المنتج", "رقم الصنف", "מק\"ט",
        "מק״ט",
        # weak (see _WEAK)
        "item", "article", "artikel", "style", "code", "codice", "código", "kod", "kód", "код", "cod", "kods",
        "kodas", "koda",
        # sv / da / no / fi
        "artikelnr", "produktnummer", "produktkod", "varenummer", "varunummer", "artikkelnr", "artikkelnummer",
        "artikkel nr", "kataloški broj", "ref. produto", "ref produto", "artikuls",
        "varenr", "vare nr", "varekode", "produktkode", "tuotenumero", "tuotekoodi", "tuotenro",
        "vörunúmer", "vörunr",
        # ru / uk
        "артикул", "код товара", "номер товара", "код товару", "артикул товара",
        # ja / zh / ko
        "品番", "商品番号", "商品コード", "製品番号", "アイテム番号", "商品id", "管理番号", "商品編號", "商品编号",
        "货号", "貨號", "商品货号", "商品貨號", "产品编号", "產品編號", "商品代码", "商品代碼", "款号", "款號",
        "编号", "編號", "상품번호", "상품코드", "제품번호", "상품 번호", "자체상품코드", "자체 상품코드", "자체코드",
        "mã sp", "mã hàng", "mã", "kode barang",  # vi, id: the short forms
        "उत्पाद कोड", "उत्पाद संख्या",  # hi
    ),
    "mpn": (
        "mpn", "model", "model no", "model nr", "model number", "model #", "model code", "model id",
        "item model number", "manufacturer part number", "manufacturer number", "mfr part number",
        "mfr part", "mfr #", "mfr no", "mfg part number", "mfg #", "part number", "part no", "part #",
        "herstellernummer", "hersteller artikelnummer", "herstellerartikelnummer", "modellnummer",
        "modell", "typ", "typenbezeichnung", "modèle", "numéro de modèle", "référence fabricant",
        "réf fabricant", "modello", "codice produttore", "modelo", "número de modelo",
        "referencia del fabricante", "modelnummer", "model produktu", "модель", "型番", "型号", "型號",
        "모델번호", "모델명",
        "품번",  # Korean shops' word for the maker's style number ("품번 CW2288-111" beside "상품번호 3412345")
    ),
    "gtin": (
        "ean", "ean code", "ean 13", "ean13", "ean 8", "gtin", "gtin 13", "gtin13", "gtin 14", "gtin 8",
        "gtin 12", "upc", "upc code", "ean upc", "upc ean", "barcode", "isbn", "isbn 13", "jan", "jan code",
        "janコード", "code ean", "code barre", "code barres", "codice ean", "código ean", "código de barras",
        "streckkod", "streepjescode", "kod ean", "штрихкод", "штрих код", "条形码", "條碼", "바코드",
    ),
    "brand": (
        "brand", "brand name", "marke", "markenname", "marque", "marca", "merk", "marka", "märke", "mærke",
        "merke", "merkki", "značka", "znamka", "marcă", "marca produsului", "márka", "ブランド", "ブランド名", "品牌", "브랜드",
        "бренд", "торговая марка", "торгова марка", "марка", "zīmols", "prekės ženklas", "kaubamärk", "brend", "blagovna znamka",
        "μάρκα", "thương hiệu", "merek", "ยี่ห้อ", "แบรนด์", "العلامة التجارية", "الماركة", "ماركة", "برند",
        "ब्रांड", "מותג", "商标", "商標", "marchio", "varumärke",
        "varemerke", "varemærke",
        "by",  # "By: LEGO" (a value only after a colon: "By clicking ..." is no label)
    ),
    "maker": (
        "manufacturer", "maker", "make", "hersteller", "fabricant", "fabricante", "produttore", "mfg", "mfr",
        "manufactured by",  # Zen Cart's "Manufactured by: Tinderwood Toys"
        # wine and food: who makes it ("Produtor: Quinta …", "Erzeuger: Weingut …")
        "producer", "produtor", "productor", "producteur", "erzeuger",
        "fabrikant", "producent", "produsent", "producător", "výrobca", "proizvođač", "proizvajalec", "tillverkare",
        "valmistaja",
        "výrobce", "gyártó", "üretici", "gamintojas", "ražotājs", "tootja", "производител", "κατασκευαστής",
        "nhà sản xuất", "produsen", "ผู้ผลิต", "الشركة المصنعة", "יצרן", "メーカー名",
        "メーカー", "製造元", "制造商", "製造商", "생산자", "제조사", "производитель", "виробник",
    ),
    # a fashion shop's word for the label; beside a brand or maker label (a lamp's "Designer: Verner
    # Panton" under "Marque: Louis Poulsen") it names a person
    "designer": ("designer",),
    # games and software: who publishes them is their brand ("Uitgever: Sony"); books never get here
    # (an ISBN on the page means no brand)
    "publisher": (
        "publisher", "uitgever", "herausgeber", "publisher name", "éditeur", "editore", "utgiver", "utgivare",
        "udgiver", "wydawca", "vydavatel", "yayıncı", "издатель", "発売元", "发行商", "發行商", "퍼블리셔",
    ),
    # the studio that made them, when no publisher is shown ("Developer: Firaxis Games")
    "developer": (
        "developer", "entwickler", "développeur", "desarrollador", "sviluppatore", "ontwikkelaar", "utvikler",
        "開発元", "开发商", "開發商", "개발사", "разработчик",
    ),
    "color": (
        "colour", "color", "farbe", "couleur", "colore", "cor", "kleur", "kolor", "färg", "farve", "farge",
        "väri", "barva", "szín", "renk", "цвет", "カラー", "色", "颜色", "顏色", "색상",
    ),
}
_BRAND_FIELDS = ("brand", "maker", "designer", "publisher", "developer")  # in the order they name the brand
# Same-line labels that also start ordinary phrases ("Item 3 of 5", "Model wears size M", "Brand
# new"): only with a hard separator ("Item: 55120") or as a label of their own (a cell, a <dt>).
_WEAK = frozenset(("item", "article", "artikel", "product", "code", "codice", "código", "kod", "kód", "код",
                   "cod", "kods", "kodas", "koda", "šifra", "style", "id", "symbol", "indeks", "typ", "make", "maker",
                   "designer"))

# Direction marks and zero-width spaces pad labels and values ("Marke \u200f:\u200e Think!").
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_PUNCT = ".-_/'’°º" + _INVISIBLE
_SEP_CLASS = r"[\s" + re.escape(_PUNCT) + r"]*"
_PUNCT_RUN = re.compile("[" + re.escape(_PUNCT) + r"\s]+")


def normalize(label: str) -> str:
    # "Item#" and "Item #" are one label.
    return _PUNCT_RUN.sub(" ", label.casefold().replace("#", " #")).strip()


FIELD_OF = {normalize(lab): f for f, labs in _VOCAB.items() for lab in labs}


def _char(ch: str) -> str:
    # "[sS]" rather than re.I: a case-insensitive literal costs a call per test, a set does not.
    if ch == " ":
        return _SEP_CLASS
    if ch == "σ":
        return "[σςΣ]"  # casefolding made a word's final sigma ("Κωδικός") an inner one
    up = ch.upper()
    return "[" + re.escape(ch) + re.escape(up) + "]" if len(up) == 1 and up != ch else re.escape(ch)


def _trie_regex(words, word_end: bool) -> str:
    """One alternation per shared prefix: an anchored match of hundreds of labels then costs a
    few character tests (a flat alternation tries every label in turn, on every text of the page)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node) -> str:
        alts = [_char(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:  # after the longer labels: the longest label wins
            # A label ends at a word's end, except in scripts written without spaces ("品番M88213").
            alts.append("(?![^\\W\\d_])" if word_end else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


def _label_regex():
    words = sorted(FIELD_OF)
    first = sorted({c for w in words for c in (w[0], w[0].upper()) if len(c) == 1})
    return re.compile(
        # Most texts fail on their first character: one set test before the alternation.
        r"\s*+(?=[" + re.escape("".join(first)) + "])(?P<label>"
        + _trie_regex([w for w in words if not _cjk(w[-1])], True) + "|"
        + _trie_regex([w for w in words if _cjk(w[-1])], False)
        # Separator: punctuation after the label ("Art.-Nr.:", "Item no. - ", "商品編號：").
        + r")(?P<sep>[\s.:：#\-–—=|" + _INVISIBLE + "]*)")


def opening_bracket(text: str) -> int:
    """Where a label may start: after the bracket a bracketed line opens with ("(Cód. 212979)" in the title)."""
    head = text[:16]  # (read on every element's text while the tree is scanned: a bounded look)
    stripped = head.lstrip()
    return len(head) - len(stripped) + 1 if stripped.startswith("(") else 0


def _cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef"


LABEL = _label_regex()


def _cjk_or_hangul(ch: str) -> bool:
    """A label in a script whose texts hold no English words that look like one ("품번 CW2288-111")."""
    return _cjk(ch) or "\uac00" <= ch <= "\ud7a3"


def _sep_kind(sep: str, label: str) -> int:
    """2: a hard separator ("SKU: 1", "Item no. - 5"); 1: spaces or a dot ("SKU 1", "Ref. AB-1"); 0: none,
    so the "label" starts a word ("REF-1120", "SKU12345") -- except in scripts without spaces."""
    if any(c in ":：=|#" for c in sep) or (sep.strip(" .") and sep != sep.strip()):
        return 2
    if sep.strip("-–—") or _cjk(label[-1]):
        return 1
    return 0

# Unrendered template placeholders: "{{ product.vendor }}", "${brand}", "%BRAND%", "[[brand]]".
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\$\{|<%|%>|\[\[|\]\]|^%[\w.]+%$|^#?\{[\w.\s]+\}$")
_NO_VALUE = frozenset(("null", "none", "undefined", "n/a", "na", "nan", "-", "--", "0", "false", "true",
                       "not available", "unknown", "keine angabe", "k.a.", "n.d.", "nd", "n/d", "s/m",
                       "other", "default", "vendor", "no brand", "unbranded",  # a platform's filler vendor
                       "my store", "my shop", "default vendor",  # a new Shopify shop's name, its vendor until changed
                       # "not available" / "no brand" in the shop's language
                       "nicht vorhanden", "keine", "ohne marke", "keine marke", "sans marque", "non disponible",
                       "sin marca", "senza marca", "geen merk", "bez marki", "utan märke", "n.v.", "n/v", "k.a",
                       "sem marca", "bez značky", "uden mærke", "uten merke", "ei merkkiä",
                       # eBay's and feeds' fillers, and "various" makers
                       "does not apply", "not applicable", "no aplica", "non applicable", "nicht zutreffend", "n.a.",
                       "various", "diverse", "divers", "varios", "vari", "sonstige", "assorted", "multiple",
                       # a marketplace's word for no brand
                       "generic", "generisch", "générique", "genérico", "generico", "no name", "noname",
                       # "unknown" in the shop's language ("Hersteller: unbekannt")
                       "unbekannt", "inconnu", "inconnue", "desconocido", "desconocida", "sconosciuto", "onbekend",
                       "ukendt", "okänd", "okänt", "ukjent", "nieznany", "nieznana", "bilinmiyor", "neznámý",
                       "ismeretlen", "tuntematon", "desconhecido", "неизвестно", "不明",
                       # a disclosure field's "see the detail page" (Korean and Japanese shops' required rows)
                       "상세페이지 참조", "상세페이지참조", "상세 페이지 참조", "상세정보 참조", "상품상세 참조", "상세설명 참조",
                       "상품 상세페이지 참조", "詳細ページ参照", "商品ページ参照", "see details", "see description"))


def labelled_code(t: str | None) -> bool:
    """A text that opens with a product-code label and a hard separator ("SKU: LS-1", "Art.-Nr.
    4471"): a code's line, not words of a name."""
    m = LABEL.match(t) if t else None
    return bool(m) and FIELD_OF.get(normalize(m.group("label"))) in ("sku", "mpn", "gtin") and (
        _sep_kind(m.group("sep"), m.group("label")) == 2)


def _placeholder(v: str) -> bool:
    return bool(_PLACEHOLDER.search(v)) or v.casefold() in _NO_VALUE


# --------------------------------------------------------------------------- brand texts

_BRAND_WORDS = ("brands?|marken?|marques?|marcas?|marchi|marchio|merken?|marki|märken?|mærker?|merker|"
                "merkit|značky|márkák|markalar|бренды|ブランド一覧|品牌列表")
# Navigation links, not a brand: "All brands", "Shop by brand", "Brands A-Z", "Alle Marken".
_NAV_BRAND = re.compile(
    r"^(?:(?:shop|browse|view|see|discover|explore|search)\s+(?:all\s+|by\s+|our\s+)?|all(?:\s+the)?\s+|our\s+|top\s+|"
    # a search by brand: "Busca por marca", "Buscar por marca", "Recherche par marque", "Suche nach Marke"
    r"(?:busca|buscar|pesquisa|pesquisar|recherche|rechercher|ricerca|cerca|suche|zoeken)\s+(?:por|par|per|nach|op)\s+|"
    r"more\s+|other\s+|alle\s+|unsere\s+|toutes\s+les\s+|nos\s+|todas\s+las\s+|nuestras\s+|tutti\s+i\s+|"
    r"alle\s+|wszystkie\s+|alla\s+|kaikki\s+)?(?:" + _BRAND_WORDS + r")(?:\s+(?:a\s*[-–]\s*z|directory|list|index|"
    r"von\s+a\s*[-–]\s*z|de\s+a\s*[-–]\s*z))?$", re.I)
_BRANDS_SECTION = re.compile(r"^(?:(?:all|alle|toutes les|todas las|tutti i|nos|our|unsere)\s+)?(?:" + _BRAND_WORDS
                             + r"|designers?|manufacturers?|hersteller)$", re.I)


def crumb_brand(crumbs: list[str], name: str | None) -> str | None:
    """The crumb right under the shop's brands section ("Home > Marques > Rossignol > Skis"),
    unless it is the product itself."""
    for section, crumb in zip(crumbs, crumbs[1:]):
        if _BRANDS_SECTION.match(section.strip()) and crumb != name:
            return clean_brand(crumb, dom=True)
    return None


# Wrappers around a brand name in bylines and brand links; group "b" is the brand.
_BRAND_WRAP = re.compile(
    r"^(?:"
    r"visit\s+the\s+(?P<b1>.+?)(?:\s+(?:brand\s+)?(?:store|shop|page|boutique))?|"  # also cut short: "Visit the Acme"
    # a logo's "Go to Wet n' Wild Brand Shop"
    r"go\s+to\s+(?:the\s+)?(?P<b12>.+?)(?:\s+brand)?(?:\s+(?:store|shop|page|boutique))?|"
    # beauty.com's "Shop the NARS Store" (not "Shop the look")
    r"shop\s+the\s+(?!(?:look|looks|collection|range|edit|story|brand|sale|outfit|set)$)(?P<b11>.+?)"
    r"(?:\s+(?:store|shop|boutique|collection))?|"
    r"(?:see|view|shop|discover|explore|browse)\s+(?:more|all)(?:\s+(?:products|items|styles))?"
    r"(?:\s+(?:from|by|of))?(?:\s+the\s+brand)?\s*:?\s+(?P<b2>.+)|"
    r"more\s+(?:from|by)(?:\s+the\s+brand)?\s*:?\s+(?P<b3>.+)|"
    r"(?:besuchen\s+sie\s+den|besuche\s+den)\s+(?P<b4>.+?)(?:[-\s]store)?|zum\s+(?P<b10>.+?)[-\s]store|"
    r"(?:mehr\s+von|alle\s+(?:artikel|produkte)\s+von)\s+(?P<b5>.+)|"
    r"visiter\s+la\s+boutique\s+(?P<b6>.+)|"
    r"(?:voir|découvrir)\s+(?:tous\s+les\s+produits|la\s+marque|plus\s+de\s+produits)\s+(?P<b7>.+)|"
    r"(?:visita\s+la\s+tienda\s+de|visita\s+la\s+store\s+de|ver\s+(?:todo|más)\s+de|visita\s+lo\s+store\s+di|"
    r"odwiedź\s+sklep|visite\s+a\s+loja(?:\s+d[aeo])?|"
    r"(?:scopri|vedi)\s+(?:tutti\s+i\s+prodotti|altri\s+prodotti)(?:\s+di)?)\s+(?P<b8>.+)|"
    r"(?:bezoek\s+de|besök)\s+(?P<b9>.+?)[-\s](?:winkel|butiken)|"
    # Amazon's bylines in Portuguese ("Visite a PlayStation Store"), Turkish, Japanese and Arabic
    r"visite\s+a\s+(?P<b13>.+?)\s+store|(?P<b14>.+?)\s+mağazasını\s+ziyaret\s+edin|(?P<b15>.+?)の?ストアを(?:表示|見る)|"
    r"زيارة\s+متجر\s+(?P<b16>.+)"
    r")$", re.I)
# Widget credits and book/film bylines under a "brand" class, not the product's brand.
_CREDIT = re.compile(r"^(?:powered|sponsored|presented)\s+by\b|\((?:author|autor|auteur|autore|autora|"
                     r"illustrator|editor|herausgeber|translator|übersetzer|narrator|director)\)", re.I)
# Same words spelled as the DOM shows them under a "brand" class ("by Acme", "Acme Store").
# (also Amazon's 2014 byline: "from Shredz"; not "From the Manufacturer")
_DOM_PREFIX = re.compile(r"^(?:by|from(?!\s+the\s)|von|par|di|de|door|av)\s+", re.I)
_PAGE_SECTIONS = frozenset(("product description", "description", "product details", "details", "product information",
                            "specifications", "reviews", "customer reviews",
                            # a call to shop, not a maker ("<a class='product-brand'>Shop the look</a>")
                            "shop the look", "shop the collection", "shop now", "shop all", "shop the range",
                            # a promotion's banner in a designers' menu ("drawerpromo_designer": "Shop Sale")
                            "shop sale", "shop the sale", "sale", "new arrivals", "shop new arrivals", "new in",
                            # a section's heading about the maker (Amazon's and Best Buy's A+ content)
                            "from the manufacturer", "from the brand", "about the brand", "about the manufacturer",
                            "vom hersteller", "du fabricant", "del fabricante", "dal produttore", "van de fabrikant"))
_QUOTED_NAME = re.compile(r"^(?:[^\W\d_]{1,12}\.?\s+)?[«„“\"]([^«»„“”\"]{2,40})[»“”\"]$")
# a call to browse the brands ("click here to see all brands we sell" in a sidebar's manufacturers box)
_BROWSE_BRANDS = re.compile(r"(?i)\b(?:click here|see all|view all|shop all|browse all|"
                            r"all (?:the )?(?:brands|manufacturers)|alle marken|alle hersteller|toutes les marques|"
                            r"todas las marcas|tutte le marche|"
                            # a link to information about them ("View Supplier Information", "Herstellerinformationen")
                            r"(?:view|see|show|more)\b.{0,30}\b(?:information|info|details)$|\w*informationen$|"
                            # a link that points at the maker without naming it ("Shop more from this brand")
                            r"(?:this|that|same|dieser|diesem|dieses|cette|ce|esta|este|essa|esse|questa|questo|deze|"
                            r"dit) (?:brand|designer|maker|label|marke|hersteller|marque|créateur|marca|diseñador|"
                            r"marchio|stilista|merk))\b")
_DOM_SUFFIX = re.compile(r"(?:[- ]store|[- ]shop|\s+store\s+besuchen)$", re.I)
# a breadcrumb's link to all of a maker's products: "all <span>Viktor & Rolf</span>" (not "All Saints"; "Shop all
# Jeans" names a category: _BROWSE_BRANDS)
_ALL_OF = re.compile(r"^all (?=\S)")
# a brand link's "Sherwood brand" (not "Lucky Brand", a maker's name, nor "Shop by brand")
_BRAND_WORD_AFTER = re.compile(r"(?<! by)(?<! our)(?<! the) brand$")
# A maker's name written in two scripts, either way round: "Apple/苹果", "ديل - Dell", "Самсунг | Samsung".
_TWO_PARTS = re.compile(r"\s+[-–|/]\s+|\s*/\s*|\s*\|\s*")
_LATIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.' -]*")
_NO_LATIN = re.compile(r"[^A-Za-z]*[^\W\d_A-Za-z][^A-Za-z]*")


def _latin_of_two(t: str) -> str | None:
    parts = _TWO_PARTS.split(t)
    if len(parts) != 2:
        return None
    latin = [p for p in parts if _LATIN_NAME.fullmatch(p) and any(c.isalpha() for c in p)]
    other = [p for p in parts if _NO_LATIN.fullmatch(p)]
    return latin[0].strip() if len(latin) == 1 and len(other) == 1 else None


_MARK_AFTER = re.compile(r"\s*(?:[®™℠]|\((?:r|tm|sm)\))+$", re.I)


def attribute_brand(value: str | None, title: str, clean) -> str | None:
    """A data attribute's brand, as `clean` accepts it; a few lower-case letters the title does not open with are
    the shop's code for one of its brands (Hollister's data-product-brand="hol"), not its name ("hp": "HP Envy")."""
    b = clean(value)
    if b and ((len(b) <= 4 and b.isalpha() and b.islower() and not title_opens_with(title, b))
              or _CATALOGUE_ID.fullmatch(b)):
        return None  # also the catalogue's id for it ("brand-9", "4711")
    return b


_CATALOGUE_ID = re.compile(r"(?:(?:brand|mfr|manufacturer|vendor|maker|id)[-_ ]?)?\d+", re.I)


def clean_brand(t: str | None, dom: bool = False) -> str | None:
    """The brand name in a brand text, or None when it holds none.

    ``dom``: the text of an element whose class says brand, where "by Acme" / "Acme Store" also
    occur (markup names such as "By Terry" keep their words).
    """
    t = clean(t)
    if not t or _CREDIT.search(t) or t.startswith(("http://", "https://", "/")):
        return None  # a URL: microdata's brand on a link (<a itemprop="brand" href=…>) is the link's words
    m = LABEL.match(t)
    if m and FIELD_OF.get(normalize(m.group("label"))) in _BRAND_FIELDS:
        rest = t[m.end():]
        if not rest:
            return None  # the label alone ("Brand", "Marke:")
        kind = _sep_kind(m.group("sep"), m.group("label"))
        if kind == 2 or (dom and kind == 1 and normalize(m.group("label")) not in _WEAK):
            t = rest
    m = _BRAND_WRAP.match(t)
    if m:
        t = next(g for g in m.groups() if g)
    m = _QUOTED_NAME.match(t)
    if m:
        t = m.group(1)  # a company's kind before its name in quotes ("фабрика «Мебель Урал»", "ТМ «Ромашка»")
    if dom:
        more = _MORE_FROM.search(t)  # a link beside the title: "Meer van Philux", "View all Acme products"
        if more:
            t = more.group(1) or more.group(2)
        t = _DOM_SUFFIX.sub("", _DOM_PREFIX.sub("", _ALL_OF.sub("", t))).strip()
    if _BROWSE_BRANDS.search(t) or t.casefold().rstrip(" :") in _PAGE_SECTIONS \
            or (dom and _DOM_PREFIX.fullmatch(t + " ")):
        return None  # also after a "By" label: Amazon's brand story's "By <a>See all Product description</a>"
    if dom:
        t = _BRAND_WORD_AFTER.sub("", t)
    # "LEGO®": the mark is no part of the name (nor a list's comma after it)
    t = _MARK_AFTER.sub("", t.strip(" :-|·•," + _INVISIBLE))
    if t.endswith(")") and "(" in t[1:]:
        t = _NOTE.sub("", t) or t  # "Klinge Pharma GmbH (Originalprodukt aus Deutschland)"
    if "/" in t or "|" in t or " - " in t or " – " in t:
        t = _latin_of_two(t) or t
    if " | " in t:
        t = t.split(" | ", 1)[0]  # the name before a slogan or the shop's tagline ("Gymshark | We Do Gym")
    if not t or len(t) > 50 or _placeholder(t) or _NAV_BRAND.match(t) or normalize(t) in FIELD_OF \
            or _FOLLOW.fullmatch(t) \
            or t.casefold() in _OFFICIAL or _MEASURE.fullmatch(t) or _CHOOSE.match(t) \
            or t.casefold().rstrip(" ;.,") in _COUNTRIES:
        return None
    return t


# A country in a manufacturer's row is where it was made ("Производитель - Россия;", "Hersteller: China"), no maker.
_COUNTRIES = frozenset(name.strip() for name in """
china, prc, russia, germany, italy, turkey, poland, usa, united states, japan, korea, south korea, taiwan, vietnam,
india, bangladesh, france, spain, portugal, ukraine, belarus, united kingdom, uk, czech republic, indonesia, thailand,
malaysia, pakistan, cambodia, mexico, brazil, hong kong, made in china,
китай, кнр, россия, рф, германия, италия, турция, польша, сша, япония, корея, южная корея, тайвань, вьетнам, индия,
бангладеш, франция, испания, португалия, украина, беларусь, белоруссия, великобритания, чехия,
україна, німеччина, італія, туреччина, польща, японія, в'єтнам, індія, франція, іспанія, португалія, білорусь,
велика британія, чехія,
deutschland, italien, türkei, polen, frankreich, spanien, tschechien, vereinigte staaten, großbritannien, indien,
chine, allemagne, italie, turquie, pologne, japon, corée, états-unis, espagne, inde, royaume-uni,
alemania, turquía, polonia, japón, estados unidos, españa, francia,
cina, germania, turchia, giappone, stati uniti, spagna,
chiny, niemcy, włochy, turcja, polska, japonia, francja, hiszpania, czechy, ukraina, indie, wietnam,
alemanha, itália, turquia, polônia, japão, coreia, espanha, frança, índia, brasil,
çin, almanya, italya, türkiye, polonya, japonya, kore, abd, fransa, ispanya, hindistan,
中国, 中國, 日本, 韓国, 台湾, 中国製, 日本製, 한국, 중국
""".split(","))


# a form's call to choose one ("Select Manufacturer", "Marke wählen"): no maker's name ("Selected Homme" is one)
_CHOOSE = re.compile(r"(?i)(?:select|choose|pick|auswählen|wählen|choisir|sélectionne[rz]?|selecciona|elige|scegli|"
                     r"seleziona|kies|selecteer|wybierz|vælg|välj|velg)\b|.{1,30}\s(?:wählen|auswählen)$")


# a quantity in the brand's slot ("2.6kg (Approx.)" where a theme prints the vendor): no maker's name
# (a one-letter unit only after a decimal or a space: "3M" is a maker)
_MEASURE = re.compile(r"(?i)[~≈]?\s*(?:\d+(?:[.,]\d+)?\s*(?:kg|mg|lbs?|oz|ml|cl|cm|mm|pcs|pc|pack)|\d+[.,]\d+\s*[glm]|"
                      r"\d+\s+[glm])\.?")


# The word a shop card tags an official store with, read after a brand label ("品牌官方": brand, official)
# A call to follow the maker or the author ("+ Folgen" on Amazon's byline), no name.
_FOLLOW = re.compile(r"\+?\s*(?:follow|following|folgen|folgend|suivre|seguir|segui|volgen|obserwuj|sledovat|takip et|"
                     r"フォロー(?:する)?|关注|關注|팔로우)", re.I)
_OFFICIAL = frozenset(("官方", "公式", "공식", "official", "oficial", "officiel", "offiziell", "ufficiale", "officieel",
                       "oficjalny", "resmi", "chính hãng", "官方旗舰店", "旗艦店", "旗舰店", "공식스토어", "公式ストア",
                       # a badge's brand-direct sale or licence ("品牌直销", "品牌授权"): no maker's name
                       "直销", "直營", "直营", "自营", "授权", "授權", "特卖", "专卖店"))
_NOTE = re.compile(r"\s*\([^()]*\)$")  # a note in brackets after the name


# --------------------------------------------------------------------------- codes

_CODE_TOKEN = re.compile(r"[\w][\w.\-/#+]*")
_DIGITS = re.compile(r"\d[\d \-]*\d(?![\d\w])")  # "4006381 333931", "0-12345-67890-5"


def _code(v: str | None, field: str, whole: bool = False) -> str | None:
    """The code a value starts with ("41230987 In stock" -> "41230987"), None when it is no code.

    ``whole``: ``v`` is all of an element's text, where a code of a few parts ("W 5.840 iN",
    "RO 1486DWMCE/1-S") stays whole.
    """
    if not v:
        return None
    if field == "gtin":
        m = _DIGITS.match(v)
        digits = m.group().replace(" ", "").replace("-", "") if m else ""
        return digits if len(digits) in (8, 12, 13, 14) else None
    tokens = v.split()
    code = tokens[0]
    if whole and len(tokens) <= 3 and all(len(t) <= 3 or any(c.isdigit() for c in t) for t in tokens):
        code = " ".join(tokens)
    elif len(tokens) > 1 and not any(c.isdigit() for c in code) and len(code) <= 4 \
            and any(c.isdigit() for c in tokens[1]):
        code = code + " " + tokens[1]  # "AB 1120"
    code = code.strip(".,;:()[]|")
    if not (3 <= len(code) <= 40) or _placeholder(code) or not (
            any(c.isdigit() for c in code) or _LETTER_CODE.fullmatch(code)
            or (whole and _LETTER_PAIR.fullmatch(code))):  # all of a labelled value: "SKU <div>BB-MWBB</div>"
        return None
    if not all(_CODE_TOKEN.fullmatch(p) for p in code.split(" ")):
        return None
    return code


# A code of capitals alone in three or more parts ("KV-KOP-HB"); two ("A-LINE", "T-SHIRT") are words.
_LETTER_CODE = re.compile(r"[A-Z]{1,6}(?:[-_.][A-Z]{1,6}){2,4}")
# Two parts of capitals, one of them without a vowel ("BB-MWBB"), as a label's whole value; "T-SHIRT" is a word.
_LETTER_PAIR = re.compile(r"(?=[A-Z]*[-_.]?[B-DF-HJ-NP-TV-Z]{2,6}\b)[A-Z]{2,6}[-_.][A-Z]{2,6}")


# Several words without a digit, one of them no short capitals' token ("KV KOP" may be a code)
_NAMED_NOT_CODED = re.compile(r"(?=.*(?:^|\s)(?![A-Z]{1,4}(?:\s|$))\S)[^\d\s]+(?:\s+[^\d\s]+)+")


def tidy_code(v: str | None) -> str | None:
    """A markup code without a printed label ("SKU: 123" -> "123"); None for placeholders."""
    if not v or not isinstance(v, str):
        return v
    if _placeholder(v):
        return None
    if not any(c.isdigit() for c in v) and (_NAMED_NOT_CODED.fullmatch(v.strip()) or (
            " " not in v.strip() and not _CODE_TOKEN.fullmatch(v.strip()))):
        return None  # a name in the code's slot: the seller's company ("Northwind Trading Company", "(주)리브어레가시")
    if v.startswith("(") and v.endswith(")"):
        v = v[1:-1].strip()  # microdata on a bracketed line: "<span itemprop='productID'>(Cód. Item 462100)</span>"
    for _ in range(2):  # "Cód. Item 462100": two labels
        m = LABEL.match(v)
        # after a colon or a space, not a hyphen: "REF-1120" is a code itself
        if m and m.end() < len(v) and FIELD_OF.get(normalize(m.group("label"))) in ("sku", "mpn", "gtin") \
                and (any(c in ":：" for c in m.group("sep")) or m.group("sep")[-1:].isspace()) \
                and any(c.isdigit() for c in v[m.end():]):
            v = v[m.end():].strip()
    return v or None


def tidy_layers(layers, url: str | None = None, brand_elems=()) -> None:
    """Brand and codes of every layer as the page means them (in place): markup and meta tags
    carry bylines ("Visit the Acme Store"), labels ("Brand: Acme") and unrendered templates; a
    sku that is the page's own address path (Salla's "طابعة-ليزر-اتش-بي-m111w/p1131742201") is no
    code (the page may print one); a microdata brand that is one of the page's tags (``tagged_brand``)
    gives way to the markup's manufacturer."""
    for source, part in layers:
        b = part.get("brand")
        if b and isinstance(b, str):
            part["brand"] = clean_brand(b)
            if source == "microdata" and part["brand"] and tagged_brand(brand_elems, part["brand"]):
                part["brand"] = clean_brand(part["maker"]) if part.get("maker") else None
            if part["brand"] and _is_own_code(part["brand"], part):
                part["brand"] = None  # the product's code in the brand's slot (a Shopify vendor "A1618-32", the mpn)
        sku = part.get("sku")
        if sku and isinstance(sku, str) and "/" in sku.strip("/"):
            paths = {unquote(urlsplit(u).path).strip("/") for u in (url, part.get("url")) if isinstance(u, str)}
            if any(p == sku.strip("/") or p.endswith("/" + sku.strip("/")) for p in paths):
                part["sku"] = None
        for f in ("sku", "mpn", "gtin"):
            v = part.get(f)
            if v:
                part[f] = tidy_code(v)


# A code: at most three letters, then a digit ("A1618-32", "3M" too: read only beside the product's own codes)
_CODE_LIKE = re.compile(r"[^\W\d_]{0,3}[-\s]?\d[\w./-]*")


def _is_own_code(brand: str, part: dict) -> bool:
    """The brand is the product's mpn or sku, or the sku opens with it ("A1618-32" of "A1618-32ALM034")."""
    if not _CODE_LIKE.fullmatch(brand.strip()):
        return False
    b = _alnum(brand)
    codes = [_alnum(c) for c in (part.get("mpn"), part.get("sku")) if isinstance(c, str)]
    return any(c == b or (len(b) >= 4 and c.startswith(b)) for c in codes)


def tagged_brand(brand_elems, brand: str) -> bool:
    """The markup's brand is an element marked as the brand inside the page's list of tags ("<ul id='tags'><li><a>
    <span itemprop='brand'>Exclusive</span>", the old LEGO shop's): a tag, no maker."""
    return any(el.get("itemprop") == "brand" and clean_brand(short_text(el, 60) or "") == brand and _in_tag_list(el)
               for el in brand_elems)


def _in_tag_list(el) -> bool:
    return any(_TAG_AREA.search(" ".join(filter(None, (e.get("class"), e.get("id")))).lower())
               for e in islice(el.iterancestors(), 4))


_TAG_AREA = re.compile(r"(?:^|[-_\s])tags?(?:[-_\s]|$)|keywords")


def _alnum(s: str) -> str:
    return "".join(c for c in s.casefold() if c.isalnum())


def is_variant_code(code: str | None, base: str | None) -> bool:
    """``code`` is ``base`` plus a variant suffix: "AB-1120-M" or "AB1120_42" for "AB-1120"
    (separators inside the base may differ), "8991000001" for "899100"."""
    if not code or not base:
        return False
    nb = _alnum(base)
    if len(nb) < 4:
        return False
    j = 0
    i = 0
    while i < len(code) and j < len(nb):
        c = code[i]
        if c.isalnum():
            if c.casefold() != nb[j]:
                return False
            j += 1
        i += 1
    rest = code[i:]
    # Without a separator only after a base long enough not to be a coincidence ("899100"+"0001").
    return j == len(nb) and 0 < len(_alnum(rest)) <= 12 and (rest[0] in "-_/. " or len(nb) >= 6)


# --------------------------------------------------------------------------- reading values

_CELLS = frozenset(("td", "th", "dt", "dd"))
_SEP_ONLY = " \t\r\n\xa0\u3000\u202f.:：#-–—=|" + _INVISIBLE  # no-break and ideographic spaces too


# A label with a second name in brackets after it ("رقم المنتج (sku)"), as normalize leaves it
_BRACKETED_LABEL = re.compile(r"^(.{2,40}?)\s*[(（]([^()（）]{2,20})[)）]$")


def label_text(el) -> str | None:
    """The text a label candidate starts with: a <br>'s tail, else its own text, else the words after an
    icon it opens with ("<div><i class='fa fa-tag'></i> Brand:</div>")."""
    if el.tag == "br":
        return el.tail
    t = el.text
    if (t is None or t.isspace()) and len(el):
        first = el[0]
        tail = first.tail
        if tail and not tail.isspace() and isinstance(first.tag, str) and first.tag in _ICONS and (
                first.tag == "svg" or not "".join(first.itertext()).strip()):
            return tail
    return t


_ICONS = frozenset(("i", "svg", "img", "span", "em"))


def _has_value(s: str | None) -> bool:
    return bool(s) and bool(s.strip(_SEP_ONLY))


def _line(el) -> str:
    """``el``'s text up to its first <br>: the children's text joined to its own (React splits
    one text over comments: "SKU<!-- -->: <!-- -->123"; "Marke: <a>Acme</a>")."""
    parts = [el.text or ""]
    n = len(parts[0])
    for child in el:
        if child.tag == "br" or n > 160:
            break
        if isinstance(child.tag, str):
            t = short_text(child, 80)
            if t is None:
                break
            parts.append(" " + t + " ")
            n += len(t)
        if child.tail:
            parts.append(child.tail)
            n += len(child.tail)
    return clean("".join(parts)) or ""


def _following(el, tail: bool = True):
    """(value, how) after a label element: its tail, else the next sibling with text (skipping
    ":" spans), up to a <br>; a label alone on its line ("<strong>SKU</strong><br>AB-4471")
    has its value on the next."""
    if tail and _has_value(el.tail):
        return clean(el.tail.strip(_SEP_ONLY)), "tail"
    sib = el.getnext()
    hops = 0
    while sib is not None and hops < 3:
        hops += 1
        if not isinstance(sib.tag, str) or sib.tag in _UNSHOWN:  # a comment, microdata's <meta itemprop>
            if _has_value(sib.tail):
                return clean(sib.tail.strip(_SEP_ONLY)), "tail"
            sib = sib.getnext()
            continue
        if sib.tag == "br":
            if hops == 1 and _has_value(sib.tail):  # the label on a line of its own, the value on the next
                return clean(sib.tail.strip(_SEP_ONLY)), "tail"
            break
        t = _value_text(sib)
        if t is None:
            # a maker's logo as the value ("<label>Marca</label><a href='/4_rosalba'><img alt='Rosalba'></a>")
            logo = next((alt.strip() for i in sib.iter("img") if (alt := i.get("alt") or "").strip()), None)
            return (logo, "sibling") if logo else (None, None)
        if _has_value(t):
            if _menu(sib, t):
                return None, None  # a column header's filter menu ("品番" over "選択解除", "3579" links), no value
            return t.strip(_SEP_ONLY), "cell" if sib.tag in _CELLS else "sibling"
        if _has_value(sib.tail):
            return clean(sib.tail.strip(_SEP_ONLY)), "tail"
        sib = sib.getnext()
    return None, None


def _menu(el, shown: str) -> bool:
    """Two or more links and nothing else said: a menu of choices, not a label's value."""
    links = [a for a in el.iter("a")]
    return len(links) >= 2 and "".join("".join(a.text_content() for a in links).split()) == "".join(shown.split())


_UNSHOWN = frozenset(("meta", "link", "script", "style", "template"))
# A value's icon buttons are no part of it ("<a>New Balance</a><button><svg><title>Brand menu</title>")
_CONTROLS = ("button", "svg")


def _value_text(el, limit: int = 80) -> str | None:
    t = short_text(el, limit)
    if t is None or next(el.iter(_CONTROLS), None) is None:
        return t
    parts: list[str] = []

    def words(e):
        parts.append(e.text or "")
        for c in e:
            if isinstance(c.tag, str) and c.tag not in _CONTROLS:
                words(c)
            parts.append(c.tail or "")
    words(el)
    return clean("".join(parts))


def _after(el):
    """``_following`` the label, or the element that wraps nothing but the label
    (``<td><b>SKU</b></td><td>123</td>``), up to two levels up."""
    label = None
    for hop in range(3):
        v, how = _following(el)
        if v is not None:
            m = LABEL.match(v) if hop else None
            if m is not None and normalize(m.group("label")) in FIELD_OF:
                return None, None  # the next label's line ("Referencia VK-05" after "Marca"'s block), not a value
            return v, how
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "tr", "table", "tbody", "ul", "ol", "dl", "form", "button", "a") \
                or parent.get("role") == "tab":
            break  # (a button's caption names a tab, whose next sibling is the next tab: "Brand", "More info"; a
            # link's words are a menu's entry, the next entry no value: Zalando's "Brand" before "Promo")
        label = label or short_text(el, 80)
        if label is None or short_text(parent, 80) != label:
            break
        el = parent
    return None, None


def _below(cell):
    """The cell under a header cell (``<tr><th>SKU</th><th>Size</th></tr><tr><td>..``)."""
    row = cell.getparent()
    if row is None or row.tag != "tr":
        return None
    cells = [c for c in row if c.tag in ("td", "th")]
    group = row.getparent()
    if group is None or not (group.tag == "thead" or all(c.tag == "th" for c in cells)):
        return None
    nxt = row.getnext()
    while nxt is not None and nxt.tag != "tr":
        nxt = nxt.getnext()
    if nxt is None and group.tag == "thead":
        body = group.getnext()
        nxt = next((r for r in body if r.tag == "tr"), None) if body is not None else None
    if nxt is None:
        return None
    below = [c for c in nxt if c.tag in ("td", "th")]
    return short_text(below[cells.index(cell)], 80) if len(below) == len(cells) else None


def attribute_code(v: str | None) -> str | None:
    """A code as an attribute gives it whole ("WC-100-NV"), None for anything else."""
    return _code(v, "sku", True) if v and len(v) <= 40 and len(v.split()) == 1 else None


def _value(field: str, v: str | None, how: str | None) -> str | None:
    v = v and v.strip(_SEP_ONLY)
    if not v:
        return None
    if (field in _BRAND_FIELDS or field == "color") and how in ("line", "tail"):
        v = _until_label(v)  # "Acme | SKU: 123", "Acme SKU: 123"
    if field in _BRAND_FIELDS:
        b = clean_brand(_said_once(_unqualified(v)))
        return b if b and len(b.split()) <= 5 and not b.replace(" ", "").isdigit() else None
    if field == "color":
        # Beside a swatch list the next element is often every colour, or "Select a colour".
        if how not in ("line", "tail", "cell") or not v or len(v) > 30 or len(v.split()) > 3 \
                or CHOOSE.search(v) or v[0].isdigit() or _placeholder(v):
            return None
        return v
    return _code(_unqualified(v), field, how in ("cell", "sibling"))


# Who made it in the supply chain, not the maker whose brand it bears: a factory, a supplier, a country of origin.
_SUPPLY_CHAIN = re.compile(r"suppliers?|factory|factories|made in|country of origin|lieferant(?:en)?|hergestellt in|"
                           r"fabrik|fournisseurs?|usine|fabriqué en|proveedor(?:es)?|fábrica|fabricado en|"
                           r"fornitore|fornitori|fabbrica|leverancier|fabriek|dostawca|dodavatel|leverantör")


_BRAND_PROPS = frozenset(("brand", "manufacturer", "name"))  # a brand's own name inside its Brand item


# The seller's label on a marketplace: who sells it, not who makes it.
_SELLER_LABEL = re.compile(r"\s*(?:seller|sold by|verkäufer|verkauf durch|vendeur|vendu par|vendedor|vendido por|"
                           r"venditore|venduto da|verkoper|verkocht door|sprzedawca|prodejce|продавец|продавець|satıcı|販売者|"
                           r"出品者|卖家|賣家|판매자)\s*[:：]", re.I)


def _crumb_of_other(cls: str) -> bool:
    tokens = [t for t in cls.lower().split() if "crumb" in t]
    return bool(tokens) and not any("brand" in t or "designer" in t or "manufacturer" in t for t in tokens)


def _row_of_headers(row) -> bool:
    """A table's header row: three or more header cells, or a row of its <thead>."""
    if row is None or row.tag != "tr":
        return False
    cells = [c for c in row if isinstance(c.tag, str)]
    group = row.getparent()
    return (len(cells) >= 3 and all(c.tag == "th" for c in cells)) or (group is not None and group.tag == "thead")


def _said_once(v: str) -> str:
    """A value its cell says twice, a filter's checkbox label and its link ("KFA2 KFA2" on LDLC), said once."""
    words = v.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half and len(words) % 2 == 0 and words[:half] == words[half:] else v


def _unqualified(v: str) -> str:
    """A value without a qualifier its label's own word opens it with: "Marka własna: Modna Szafa" (the shop's
    own label), "Produktnummer <em>Neu:</em> 280916" (which edition's code); not another field's label."""
    q = _QUALIFIER.match(v)
    return v[q.end():] if q and FIELD_OF.get(normalize(q.group(1))) is None else v


_QUALIFIER = re.compile(r"^\s*([^\W\d_]{2,15})\s*[:：]\s*(?=\S)")


_LIST_SEP = re.compile(r"\s[|•·]\s|;")


def _until_label(v: str, other_than: tuple = ()) -> str:
    """A line's text up to a separator or the next "Label:" in it (of a field not in `other_than`)."""
    v = _LIST_SEP.split(v, 1)[0]
    i = v.find(" ")
    while i != -1:
        m = LABEL.match(v, i + 1)
        if m is not None and _sep_kind(m.group("sep"), m.group("label")) == 2 \
                and FIELD_OF.get(normalize(m.group("label"))) not in other_than:
            return v[:i]
        i = v.find(" ", i + 1)
    return v


_HASHED_CODE = re.compile(r"[A-Z]{0,4}\d[\dA-Z-]{4,}")
# A gap of several spaces, one of them unbreakable, that a line's author typed between two facts
# (one "&nbsp;" keeps a name's words together: "Tom&nbsp;Ford").
_SPACED = re.compile(r"[ \t]*\xa0[ \t\xa0]+|[ \t]+\xa0")


def _read(el, own: str, m, label: str, field: str) -> str | None:
    """The value of one candidate: a label element, or a <br> whose tail (``own``) starts a label
    (``m``, the ``LABEL`` match of ``own``; ``label`` normalized)."""
    is_br = el.tag == "br"
    kind = _sep_kind(m.group("sep"), label)
    own_rest = own[m.end():]
    if kind == 0 and label.endswith("#") and label in FIELD_OF and _HASHED_CODE.fullmatch(own_rest.strip()):
        kind = 2  # a known label's "#" right before its code: "Publicación #MLM2043318877"
    if _has_value(own_rest):
        # Label and value in one text: "Product code: 41230987", "SKU 12345", not "Brand new",
        # "Item 3 of 5", "REF-1120".
        if kind == 0 or (kind == 1 and (field not in ("sku", "gtin") and not _cjk_or_hangul(label[-1])  # "품번 CW22"
                                        or (label in _WEAK and len(own_rest.split()) != 1))):
            return None  # ("Item 3928", a weak label and one code, is a label)
        if field in _BRAND_FIELDS or field == "color":
            own_rest = _SPACED.split(own_rest, 1)[0]  # "品牌：岭云号 &nbsp; 销量 126": spaces set the next fact apart
        rest = clean(own_rest.split("\n")[0] if is_br else own_rest) or ""
        if not is_br and len(el):
            line = _line(el)  # the value may go on in the children: "Art.-Nr.: <b>12</b>-<b>34</b>"
            m2 = LABEL.match(line, opening_bracket(line))
            rest = line[m2.end():] if m2 is not None else rest
        # one line of several labelled values: "メーカー：ソラノ模型 / 対象年齢：15才以上"
        return _value(field, _NEXT_LABELLED.split(rest[:120], 1)[0], "line")
    if is_br:
        return _value(field, *_following(el, tail=False))
    if len(el):
        line = _line(el)  # also "(Cód.<!-- -->122423909<!-- -->)": a bracketed label, React's comments between
        m2 = LABEL.match(line, opening_bracket(line))
        if m2 is not None and _has_value(line[m2.end():]):
            rest = line[m2.end():][:120]
            # "SKU <b>123</b>"; a code that is all of one child's text stays whole ("Codice: <span>MDL06 B</span>")
            whole = len(el) == 1 and not (el[0].tail or "").strip() and clean(el[0].text_content()) == clean(rest)
            return _value(field, rest, "sibling" if whole else "line")
    up = el.getparent()
    cell = el if el.tag in ("th", "td") else up if up is not None and up.tag == "th" else None
    # a header row's next cell is the next header (MonotaRO's "ブランド" before "内容量"): the value is below it (a row
    # of two headers may be a label and its value)
    header = cell is not None and cell.tag == "th" and _row_of_headers(cell.getparent())
    v = None if header else _value(field, *_after(el))
    if v is None and cell is not None:
        v = _value(field, _below(cell), "cell")
    return v


# A separator before the next labelled value on the same line.
_NEXT_LABELLED = re.compile(r"(?:\s+[/|·•]\s+|\s*[／｜]\s*)(?=[^/|·•／｜:：]{1,30}[:：])")  # CJK's full-width "／" needs no space


_LINE_SEP = re.compile(r"[|/·•／｜]")


def labelled_later(text: str) -> bool:
    """A known label after a separator in a line whose first label is none ("容量：約2.5L／品番：KY-8")."""
    return any(LABEL.match(text, m.end()) for m in _NEXT_LABELLED.finditer(text, 0, 240))


# A promotion's line: its code is a coupon's ("-15% en pedidos superiores a 249€ | Código: 15HOLIDAYS")
_PROMOTION = re.compile(r"\d\s?%|coupon|cupón|cupom|voucher|gutschein|promo|rabatt|descuento|rabais|sconto|korting|"
                        r"rabat|kupon|割引|クーポン|优惠|優惠|쿠폰|할인", re.I)


def _later_in_line(el):
    """(field, value) of each labelled value after the first on ``el``'s line (not a promotion's)."""
    line = _line(el)[:240]
    if _PROMOTION.search(line):
        return
    for part in _NEXT_LABELLED.split(line)[1:]:
        m = LABEL.match(part)
        if m is None or _sep_kind(m.group("sep"), normalize(m.group("label"))) != 2:
            continue
        field = FIELD_OF.get(normalize(m.group("label")))
        v = _value(field, part[m.end():], "line") if field else None
        if v:
            yield field, v


ID_HASH = re.compile(  # "Walmart #  585552560", "Order # 1120": any word(s) before "#"
    r"\s*+(?P<label>[^\W\d_][^\n#:：]{0,30}?#)(?P<sep>[\s.:：\-–—=|" + _INVISIBLE + "]*)")
# "eBay item number:", "Zalando article number:", "OTTO-Artikelnummer:": a word (the shop's name) before an
# item-number label, with a colon; ``_id_field`` keeps it only when that word is the shop's.
# Italian, Spanish, French and Portuguese put the shop's name after it: "Numero oggetto eBay:", "Número de
# artículo de eBay:", "N° de l'objet eBay :".
_NUMBER_OF = (r"(?:numero|número|numéro|n°|nº|no\.|n)\s*(?:de\s+|d'\s*|dell'\s*|del\s+)?(?:oggetto|articolo|"
              r"prodotto|artículo|articulo|producto|l'\s*objet|l\s+objet|objet|l'\s*article|l\s+article|article|"
              r"produit|artigo|produto)\s+"
              r"(?:de\s+|di\s+|du\s+|da\s+|do\s+)?")
NAMED_ID = re.compile(
    r"\s*+(?P<label>[^\W\d_][\w&'.]{1,24}[\s-]+(?:item|article|product|artikel|produkt|object|objekt)\s*"
    r"(?:number|no\.?|nr\.?|nummer|id|code|#)|" + _NUMBER_OF + r"[^\W\d_][\w&'.-]{1,24})"
    r"(?P<sep>\s*[:：][\s" + _INVISIBLE + "]*)", re.I)
_NUMBER_OF_SHOP = re.compile(_NUMBER_OF + r"(?P<shop>[^\W\d_][\w&'.-]{1,24})", re.I)
_ID_END = ("number", "nummer", "numéro", "numero", "número", "numer", "nr", "no", "#", "id", "code", "kode",
           "kod", "kód", "código", "codice", "cod", "номер", "код", "番号", "编号", "編號", "コード", "代码",
           "번호", "코드", "numara", "numarası", "kodu", "číslo", "szám")
_ID_COMPOUND = ("nummer", "nr", "code", "kode", "番号", "编号", "編號", "コード", "번호", "코드")
# Catalogue-id words that are not the shop's own code (model, maker, barcode, contact, tax...).
_NOT_SHOP_ID = ("model", "modèle", "modelo", "part", "teil", "herstell", "manufact", "fabrica", "produtt", "mpn",
                "ean", "gtin", "upc", "isbn", "phone", "telef", "mobil", "vat", "tax", "steuer", "custom", "kunde",
                "account", "konto", "track", "invoice", "rechnung", "serial", "serie", "batch", "charge", "zip",
                "post", "house", "hausnummer", "size", "größe", "grösse", "taille", "page", "seite", "company",
                "firm", "licen", "version", "energ", "colo", "farb", "couleur", "promo", "coupon", "voucher",
                "gutschein", "discount", "rabatt", "zoll", "tarif", "eprel", "weee", "supplier", "lieferant",
                "contact", "kontakt", "ticket", "barcode", "bar code", "qr", "hs ", "store", "filiale", "review",
                "question")
_NOT_SHOP_TOKEN = frozenset(("tel", "fax", "ust", "lot", "reg", "plz", "mfr", "mfg", "jan", "hs", "ip", "of"))
_HOST_NOISE = frozenset(("www", "www2", "www3", "shop", "store", "m", "co", "com", "net", "org", "eu", "en",
                         "us", "uk", "de", "fr", "es", "it", "nl", "pl", "jp", "cn", "au", "ca"))


def _id_label(n: str, allow: tuple = ()) -> bool:
    """A normalized label that names some catalogue id ("webcode", "zalando article number", "walmart #");
    ``allow``: words of ``_NOT_SHOP_ID`` that do not rule it out."""
    words = n.split()
    if not words or len(words) > 4 or len(n) > 40:
        return False
    if not _id_end(words[-1]):
        return False
    if any(w in _NOT_SHOP_TOKEN for w in words):
        return False
    return not any(d in n + " " for d in _NOT_SHOP_ID if d not in allow)


@lru_cache(maxsize=1_000)  # a crawl meets the same few hosts again and again
def _shop_words(host: str) -> frozenset:
    """The shop's name as its host spells it ("walmart" for www.walmart.com)."""
    return frozenset(p.replace("-", "") for p in host.lower().split(".")[:-1] if p not in _HOST_NOISE)


_RESELLER = re.compile(r"(?<![^\W\d_])(?:trading|traders|superstore|supermarket|hypermarket|marketplace|wholesale|"
                       r"distributors?|handelsgesellschaft|großhandel|grosshandel|versandhandel|гипермаркет|"
                       r"للتجارة|التجارية|تجارة)(?![^\W\d_])")


def site_brand(site_name: str | None, url: str | None) -> str | None:
    """The brand in a shop's name for itself: the name cleaned, cut to its first words when
    those spell the shop's host ("Mystery Ranch Backpacks" on mysteryranch.com: "Mystery Ranch")."""
    name = clean_brand(site_name)
    host = urlsplit(url).hostname or "" if url else ""
    if not name or is_marketplace(name, host) or _RESELLER.search(name.casefold()):
        # a marketplace's or a classifieds site's own name: many sellers, many makers; a name that
        # calls the shop a trading company, a supermarket or a wholesaler ("شركة راوند للتجارة")
        return None
    # a maker's store by its name and "Store" ("Samsung Store" on vivelo.cl): the maker
    return opening_words_spelled(name, _shop_words(host)) or _STORE_AFTER.sub("", name) or name


_STORE_AFTER = re.compile(r"\s+(?:official\s+)?(?:online\s+)?store$", re.I)


def name_opens_with_shop(name: str, site_name: str | None, url: str | None) -> str | None:
    """The shop's own name that the product's name opens with ("PowerColour" of "PowerColour
    Hellhound RX 7900 XT" on shop.powercolour.eu, "EVGO" of "EVGO GeForce RTX 3080" on evgo.com):
    the maker's own shop. The shop's name as its host spells it, or its og:site_name."""
    words = name.split()
    if len(words) < 2:
        return None
    spellings = set(_shop_words(urlsplit(url).hostname or "" if url else ""))
    own = clean_brand(site_name)
    if own:
        spellings.add(re.sub(r"\W", "", own.casefold()))
    opening = opening_words_spelled(name, {s for s in spellings if len(s) > 2})
    return opening if opening and opening[0].isupper() else None


def names_its_host(brand: str | None, url: str | None) -> str | None:
    """The name a brand written as the page's own domain spells ("AliExpress" of "AliExpress.com" on
    he.aliexpress.com): the site naming itself; None for any other brand."""
    m = _DOMAIN_NAME.fullmatch(brand.strip()) if brand and url else None
    if m is None or m.group(1).casefold().replace("-", "") not in {
            label.replace("-", "") for label in (urlsplit(url).hostname or "").lower().split(".")[:-1]}:
        return None
    return m.group(1)


def own_domain_brand(brand: str | None, url: str | None) -> str | None:
    """A brand written as the page's own domain: the maker's name on its own shop ("Adidas.com" on adidas.com:
    Adidas), none on a marketplace's ("AliExpress.com": the site, and the page names no maker)."""
    name = names_its_host(brand, url)
    if name is None:
        return brand
    return None if is_marketplace(name, urlsplit(url).hostname or "") else name


_DOMAIN_NAME = re.compile(r"(?i:www\.)?([A-Za-z0-9-]+)\.(?i:com|net|org|shop|store|[a-z]{2})(?:\.(?i:[a-z]{2}))?")


def own_shop_brand(brand: str | None, url: str | None) -> str | None:
    """A maker's shop that gives its own name as the brand ("Sony Store Thailand" on store.sony.co.th):
    the maker, the opening words that spell the host, where the shop's word and more follow them."""
    if not brand or not url:
        return brand
    named = opening_words_spelled(brand, _shop_words(urlsplit(url).hostname or ""))
    return named if named and _SHOP_WORD.match(brand[len(named):]) else brand


# "… Store Thailand", "… Official Store"; not a shop called so alone ("Example Shop", which may be its name)
_SHOP_WORD = re.compile(r"\s+(?:official\s+(?:online\s+)?(?:store|shop|boutique)\b|(?:store|shop|boutique)\s+\w)", re.I)


def opening_words_spelled(name: str, spellings) -> str | None:
    """The opening words of `name` (not all of them) that, run together, are one of `spellings`
    ("Mystery Ranch" of "Mystery Ranch Backpacks" for "mysteryranch"), or None."""
    words = name.split()
    for n in range(1, len(words)):
        if re.sub(r"\W", "", "".join(words[:n]).casefold()) in spellings:
            return " ".join(words[:n])
    return None


def _id_end(word: str) -> bool:
    return word in _ID_END or (len(word) > 6 and word.endswith(_ID_COMPOUND))


def _id_field(label: str, shop: frozenset) -> str | None:
    """"sku" for a catalogue-id label named after the shop ("Walmart #", "OTTO-Artikelnummer",
    "Digi-Key-Teilenr.": the shop's own part number), "id" for any other catalogue-id label
    (weaker: only when no known label is printed)."""
    after = _NUMBER_OF_SHOP.fullmatch(label)
    if after is not None:
        return "sku" if after.group("shop").casefold() in shop else None
    words = label.split()
    named = len(words) > 1 and (words[0] in shop or "".join(words[:2]) in shop)
    if not _id_label(label, ("part", "teil") if named else ()):
        return None
    return "sku" if named else "id"


def _spec_fields(row, shop: frozenset):
    """(field, value) of a spec-table row's label/value cells: a known label, or a catalogue-id word
    outside the vocabularies ("id", or "sku" when named after the shop). The label cell's text is
    read whole, so a label after an icon (``<dt><i class="icon"></i> Merk</dt>``) counts too."""
    if row.tag == "dt":
        dd = row.getnext()
        while dd is not None and not isinstance(dd.tag, str):  # a comment between <dt> and <dd>
            dd = dd.getnext()
        pairs = [(row, dd)]
    else:
        cells = [c for c in row if c.tag in ("td", "th")]
        pairs = list(zip(cells[0::2], cells[1::2]))
    for lab, val in pairs:
        if val is None:
            continue
        lt = short_text(lab, 40)
        if not lt:
            continue
        n = normalize(lt.rstrip(":："))
        field = FIELD_OF.get(n) or _id_field(n, shop)
        bracket = _BRACKETED_LABEL.match(n) if field is None else None
        if bracket:  # "رقم المنتج (SKU)": the code its bracket names, else the label before it; not
            # "Artikelnummer (Hersteller)", whose bracket names another field
            inner, outer = normalize(bracket.group(2)), normalize(bracket.group(1))
            n = inner if inner in FIELD_OF else outer
            field = FIELD_OF.get(n) if FIELD_OF.get(n) in ("sku", "mpn", "gtin") else None
        if field is None:
            continue
        vt = short_text(val, 60)
        v = _code(vt, "sku", True) if field in ("sku", "id") else _value(field, vt, "cell")
        if v:
            yield field, n, v


def _input_code(inputs, related) -> str | None:
    """A hidden form input named sku / ASIN (the code the buy form sends)."""
    for el in inputs:
        v = clean(el.get("value"))
        if v and " " not in v and 2 <= len(v) <= 40 and not _placeholder(v) and not related(el):
            return v
    return None


def printed(sc, related, wanted=("sku", "mpn", "gtin", "brand", "color"), url: str | None = None) -> dict:
    """The ``wanted`` fields (sku, mpn, gtin, brand, color) the page shows outside related-product
    areas, from a ``tree_scan.Scan``.

    The first value in document order per field. sku: a known shop-code label or one named after
    the shop ("Walmart #"), unless it repeats the model number (of several, the one the buy form's
    hidden input sends too: the maker's "Artikelnummer", then "ASIN"); else any catalogue-id label
    ("Webcode"), a hidden sku input, the model number. ``"sku_labelled"`` says the first kind.
    brand: a brand label, an element whose class says brand, a manufacturer label; none on book
    pages (an ISBN, or an EAN of the 978/979 book prefixes, is printed: authors and publishers
    are no brand); ``"book"`` says so. The shop's own name is not read here (see ``merge``).
    """
    want = set(wanted)
    if "brand" in want:
        want.update((*_BRAND_FIELDS, "gtin"))  # gtin: an ISBN marks a book
    if "sku" in want:
        want.update(("mpn", "id"))
    shop = _shop_words(urlsplit(url).hostname or "" if url else "")
    found: dict = {}
    book = False
    form_code = _input_code(sc.code_inputs, related) if "sku" in want else None
    for el in sc.labels:
        own = label_text(el)
        named = NAMED_ID.match(own) if ":" in own or "：" in own else None  # (its separator is a colon)
        # the shop's own item number first ("Número de artículo de eBay:" over its "Número de artículo")
        shops = named if named is not None and _id_field(normalize(named.group("label")), shop) == "sku" else None
        m = shops or LABEL.match(own, opening_bracket(own)) or ID_HASH.match(own) or named
        label = normalize(m.group("label")) if m is not None else ""  # none: a known label later in the line
        field = (FIELD_OF.get(label) or _id_field(label, shop)) if m is not None else None
        if el.tag != "br" and _LINE_SEP.search(" ".join((own, *(child.tail or "" for child in islice(el, 4))))):
            # the line's later labelled values ("Código: 7702345001 | Marca: <b>Cocinex</b>")
            for later, value in _later_in_line(el):
                if later in want and later not in found and not related(el) and not in_reviews_or_filters(el):
                    found[later] = value
        if field not in want or (field in found and not (field == "sku" and form_code)):
            continue
        v = _read(el, own, m, label, field)
        if v and not related(el) and not in_reviews_or_filters(el):
            if field in found:  # a later shop code that the buy form sends too is the shop's
                if v == form_code:
                    found["sku"] = v
            else:
                found[field] = v
                book = book or _names_a_book(field, label, v)
            if len(found) == len(want) and (not form_code or found.get("sku") == form_code):
                break
    if want - found.keys():
        # Spec rows whose label cell the label pass did not read ("<dt><i></i> Merk</dt>"), and the
        # shop's own catalogue-id words: only for fields no label gave.
        for row in sc.spec_rows:
            if related(row):
                continue
            for field, label, v in _spec_fields(row, shop):
                if field in want and field not in found:
                    found[field] = v
                    book = book or _names_a_book(field, label, v)
    out = {f: found[f] for f in ("mpn", "gtin", "color") if f in found}
    if "sku" in want:
        labelled = found.get("sku")
        if labelled and labelled == found.get("mpn"):
            labelled = None  # the maker's number under a shop-code label (marketplaces)
        out["sku"] = labelled or found.get("id") or form_code or found.get("sku") or found.get("mpn")
        out["sku_labelled"] = bool(labelled)
    out["book"] = book  # an ISBN printed: a book, whose "brand" in markup is its author or publisher
    if "brand" in want and not book:
        # a brand label, then an element named for the brand ("Visit the Acme Store" above the title),
        # then the manufacturer's and the like (a company's name: "Acme Housewares Ltd.")
        brand = found.get("brand") or dom_brand(sc.brand, related)
        field = "brand" if brand else next((f for f in _BRAND_FIELDS if found.get(f)), None)
        out["brand"] = brand or (found[field] if field else None)
        out["brand_field"] = field  # "brand": a brand label or element; else "maker", "designer", ...
    return out


# A class or id token naming a review or a comment ("reviews", "rev-dpForeignMktReviewsAUI", "comment-content"), or a
# search's filters ("ins-facet-checkbox-chip-label", "applied-filters"); not a theme's flag on the whole product
# ("ast-woo-product-no-review", "has-reviews")
_OTHERS_AREA = re.compile(r"(?<![a-z])(?!(?:no|has|with|show|hide|enable|disable|is)[-_])(?:[a-z]+[-_])*?"
                          r"(?:reviews?|comments?|testimonials?|bewertung\w*|avis|opinions?|recensioni|rezension\w*|"
                          r"opinie|facets?|applied-filters?|filter-chips?|refinements?)(?![a-z])")


_CAMEL_HUMP = re.compile(r"([a-z0-9])([A-Z])")  # "dpForeignMktReviewsAUI" -> "dp-Foreign-Mkt-Reviews-AUI"


def in_reviews_or_filters(el, levels: int = 14) -> bool:
    """Inside a review or comment: its "By <a>FreeSpirit</a>" names a reviewer, its "Color: Black" the
    variant someone bought, not the product's brand or colour; or inside a search's filters (an applied
    filter's "Brand: Item 2"). A block holding the product's heading is never one."""
    for a in islice(el.iterancestors(), levels):
        key = _CAMEL_HUMP.sub(r"\1-\2", " ".join(filter(None, (a.get("class"), a.get("id"))))).lower()
        if key and any(_OTHERS_AREA.match(t) and not _FLAG.match(t) for t in key.split()):
            return a.find(".//h1") is None
    return False


_FLAG = re.compile(r"(?:[a-z]+-)*(?:no|has|with|show|hide|enable|disable|is)[-_]")


# EAN-13s of the GS1 "Bookland" prefixes 978 and 979 are ISBNs (and printed music): a book.
_BOOKLAND = re.compile(r"97[89]\d{10}$")


def _names_a_book(field: str, label: str, v: str) -> bool:
    """An ISBN: under an ISBN label, or a Bookland EAN-13 (its check digit right) under any code
    label (a bookshop's "SKU: 9780143039952")."""
    if field == "gtin":
        return label.startswith("isbn") or _BOOKLAND.match(v) is not None
    return field in ("sku", "mpn", "id") and _BOOKLAND.match(v) is not None and _ean_checks(v)


def _ean_checks(v: str) -> bool:
    digits = [int(c) for c in v]
    return (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) % 10) % 10 == digits[12]


def page_code_wins(markup_sku: str | None, found: dict, markup_mpn: str | None = None) -> bool:
    """The code the page prints replaces the markup's: always under a shop-code label (markup
    often holds a part number or internal id), otherwise when the markup's is a variant of it;
    never when it is the maker's part number the markup gives as such (Multicom prints "GT 710
    2GD3H LP" as its "Varenummer", its markup says sku 8581675, mpn "GT 710 2GD3H LP")."""
    p = found.get("sku")
    if markup_mpn and p and markup_sku and f"{markup_mpn.casefold()} ".startswith(f"{p.casefold()} "):
        return False
    return bool(p) and p != markup_sku and (found.get("sku_labelled") or is_variant_code(markup_sku, p))


_BRAND_CONTAINERS = frozenset(("ul", "ol", "section", "nav", "header", "footer", "select", "table", "tbody",
                               "form", "main", "article", "aside", "body", "button"))


# Shopify themes call the brand the "vendor"; fashion shops call it the "designer".
_BRAND_CLASS_WORDS = ("brand", "byline", "vendor", "designer", "manufacturer", "producer", "supplier")
# The brand's word in the shop's language, as a whole class token ("merk-label", "marca"; not "bemerkung").
BRAND_CLASS_TOKEN = re.compile(r"(?:^|[-_\s])(?:merk|merke|marca|marque|marke|marka|märke|mærke)(?:$|[-_\s])")


# the maker's series, collection or story ("vendor-series-name": "NVIDIA GeForce RTX™ 30 Series"), or the shop's
# certificate from it ("product-brandcert": "Intel Platinium Partner"), not its name
_BRANDS_OTHER = re.compile(r"(?:brand|vendor|manufacturer|designer)[-_]?(?:series|collection|story|family|range|line|"
                           r"cer(?:t|tificate)?(?![a-z])|partner|authori[sz]ed|dealer|"
                           # the shop's index of all its brands ("brand-index": "Alphabetical Brand Index")
                           r"index|directory|finder|filter|search|"
                           # a control to save or follow the maker (Barneys' "designer-save": "Saved")
                           r"save|saved|follow|favou?rite|wish)")


# a style in the shop's brand colours ("btn btn-lg btn-brand": "Bli kunde!"; a utility class and its shade,
# "color-brand-green", "!text-brand-04"), not the maker's name (a whole class token: Best Buy's brand link is
# "btn-brand-link")
BRAND_STYLE = re.compile(r"(?<![\w-])!?(?:[a-z]-)?(?:(?:bg|text|border|colou?r|decoration|fill|stroke|outline|ring|"
                         r"accent)-brand(?:-\w+)*|(?:btn|button-?|link)-brand|"
                         r"brand-(?:primary|secondary|colou?r|accent|dark|light|bg|btn|button|"
                         r"green|blue|red|black|white|gr[ae]y|orange|yellow|purple|pink|teal|navy|gold))(?![\w-])")


def dom_brand(brand_elems, related) -> str | None:
    """Brand from an element whose class/id says brand (or byline: "Visit the X Store").

    Skipped: related-product areas, lists and page sections (brand menus) and elements holding
    them, a menu's item ("brandMenu"), the site's own branding and navbar brand, a link to a site's
    home page, and a class that three or more brand elements
    share (product tiles of a recommendation strip the area test missed).
    """
    counts: dict = {}
    siblings: dict = {}  # brand elements per parent: a strip of brands' logos ("brand_Acer", "brand_Apple", …)
    for el in brand_elems:
        if not related(el):  # tiles the area test found do not make the product's own class common
            c = el.get("class")
            counts[c] = counts.get(c, 0) + 1
            siblings[el.getparent()] = siblings.get(el.getparent(), 0) + 1
    # a heading around its brand link ("<h1 class='detail-brand detail-name'><a itemprop='brand'>"): the link says
    holders = {a for el in brand_elems if el.tag == "a" or el.get("itemprop") == "brand" for a in el.iterancestors()}
    # a breadcrumb's links classed as the designer's (Moda Operandi's "designer-name pdp__breadcrumb--channel"), not
    # the breadcrumb's own brand entry (Sephora's "Breadcrumb-item--brand")
    crumbs = {el.getparent() for el in brand_elems if _crumb_of_other(el.get("class") or "")}
    for el in brand_elems:
        c = el.get("class")
        if el.tag in _BRAND_CONTAINERS or (c and (counts.get(c, 0) >= 3 or "navbar" in c)) \
                or siblings.get(el.getparent(), 0) >= 3 or el in holders or served_hidden(el) \
                or el.getparent() in crumbs or (el.get("itemprop") or "brand").lower() not in _BRAND_PROPS:
            continue  # (also an element its markup calls something else: a "marca" div with itemprop="category")
        if next(el.iterdescendants("ul", "ol", "table", "nav", "h2", "h3", "h4", "select"), None) is not None \
                or _links(el) > 1:
            continue  # a block of links ("<h3>Mehr von Acme</h3><ul>…</ul>", "Shop by brand") or of makers to
            # choose from, not a brand's name
        key = " ".join(filter(None, (c, el.get("id"), el.get("itemprop"), *map(el.get, TEST_IDS)))).lower()
        key = BRAND_STYLE.sub("", key.replace("branding", "").replace("branded", "").replace("cobrand", ""))
        if not (any(word in key for word in _BRAND_CLASS_WORDS) or BRAND_CLASS_TOKEN.search(key)) \
                or "menu" in key or "nav" in key or "seller" in key or _BRANDS_OTHER.search(key):
            continue  # "site-branding", "co-branding": the shop's own logo; a widget's "cobrand" credit; "brandMenu";
            # a badge drawn in the brand's style ("branded-product-badge": "¡Nuevo!")
        link = next(el.iter("a"), None)  # holds at most one link (above)
        if related(el) or _links_home(el) or (link is not None and (_links_home(link, 0) or _DOCUMENT.search(
                link.get("href") or ""))) or _in_tag_list(el) or _in_site_menu(el):
            continue  # (one of the page's tags: "<ul id='tags'><li><a><span class='…-brand'>Exclusive</span>")
        # PrestaShop's <label>; OpenCart themes' "<span>Производители </span><a href=…>Orac decor</a>"
        cells = [x for x in el if x.tag in _CELLS or x.tag in ("span", "div", "label", "a")]
        if len(cells) == 2:
            lt = short_text(cells[0], 40)
            # a label for screen readers only ("<dt><span class='visually-hidden'>Vendor</span></dt><dd>Acme</dd>")
            if lt and _brand_label(lt.rstrip(":： ")) or READER_ONLY.search(
                    " ".join(filter(None, (d.get("class") for d in cells[0].iter())))):
                b = clean_brand(short_text(cells[1], 60), dom=True)
                if b:
                    return b
                continue  # "Brand: Unbranded": the label's value says there is none
            if lt and _SUPPLY_CHAIN.fullmatch(lt.rstrip(":： ").casefold()):
                continue  # the supply chain's row under a "supplier" class (H&M group's "Supplier", "Factory")
        said = short_text(el, 60)
        if said and _brand_label(said.rstrip(":： ")):
            continue  # a caption: a side box's heading "Manufacturers", a label without its value
        m = LABEL.match(said) if said else None
        if m and FIELD_OF.get(normalize(m.group("label"))) not in _BRAND_FIELDS:
            continue  # another field's line under a brand-ish class ("<p class='supplier'>उत्पाद कोड: 2451</p>")
        if said and m is None and (cut := _until_label(said, other_than=_BRAND_FIELDS)) != said:
            said = cut  # the vendor, then another field's label on its line ("Fjordlys Varenr.: FJ-DL-SKOV-220")
        lead = m or (_LEAD_LABEL.match(said) if said else None)
        if lead and _SELLER_LABEL.match(said):
            continue  # a marketplace's seller under a "supplier" class ("Seller: RetailNet"), no maker
        if lead and said[lead.end():].strip():
            # the class names the brand; its label, in any language, and the label's qualifier are no part of it
            said = _unqualified(said[lead.end():])
        b = clean_brand(said or _logo_name(el), dom=True)
        if b and not b[0].isdigit():
            return b
    return None


# A link to a document (the maker's product information sheet, "Informační list" as a PDF), not to a maker's page.
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|zip)(?:[?#]|$)", re.I)


def _in_site_menu(el) -> bool:
    """Inside the site's navigation or its masthead: a section's logo there ("<img id='sub-brand-logo' alt='Acme
    Gaming'>"), the shop's slogan ("<div class='brand__claim'>Big on Quality, Lidl on Price</div>" in Lidl's
    "masthead__logo") names no maker. (Markup that leaves the navigation open around the product holds the
    product in an article or section.)"""
    for e in el.iterancestors():
        if e.tag in ("main", "article", "section"):
            return False
        if e.tag == "nav" or ((cls := e.get("class")) and _SITE_HEADER.search(cls.lower())):
            return True
    return False


_SITE_HEADER = re.compile(r"masthead|site-?header|global-?header|navbar|main-?menu|mega-?(?:menu|nav)|site-?nav|"
                          r"(?:primary|global|main|top)-?nav")


def _brand_label(words: str) -> bool:
    """A brand or maker label, also in the plural a theme may print ("Производители", "Manufacturers")."""
    n = normalize(words)
    return any(FIELD_OF.get(w) in _BRAND_FIELDS
               for w in (n, n[:-1] if n.endswith("s") else None, n[:-1] + "ь" if n.endswith("и") else None,
                         n[:-1] if n.endswith("и") else None) if w)


# A short label ending in a colon before a value ("Proizvajalec: Gorski Korak", "ব্র্যান্ড: Dhakai Leather").
_LEAD_LABEL = re.compile(r"^\s*[^\W\d_][^:：\n]{0,24}?[:：]\s+(?=\S)")


def _links(el) -> int:
    return sum(1 for _ in zip(range(2), el.iter("a")))


# a country's or a language's home page ("/it/", "/en-gb/", "/it/index.htm", "/index.html")
_HOME_PATH = re.compile(r"/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.(?:html?|php|aspx?|jsp))?", re.I)


def _links_home(el, levels: int = 3) -> bool:
    """Inside a link to a site's home page: the shop's logo ("<a href='//shop.example/'><span
    class='logo__brand-name'>Shop</span></a>"), not the product's maker."""
    e = el
    for _ in range(levels + 1):
        if e is None:
            break
        href = (e.get("href") or "").strip() if e.tag == "a" else ""
        if href and not href.startswith("#") and (urlsplit(href).path in ("", "/")
                                                  or _HOME_PATH.fullmatch(urlsplit(href).path)):
            return True
        e = e.getparent()
    return False


def _logo_name(el) -> str | None:
    """A brand element that shows a logo: the logo's alt or title text."""
    img = next(el.iter("img"), None)
    return ((img.get("alt") or img.get("title") if img is not None else None)
            or el.get("title") or el.get("aria-label"))


# A link to the brand's page: "/brand/acme", "/marken/acme", "?brand=acme"; not a script's or a mail's that
# passes the brand along ("javascript:emailProduct('…&Vendor=Viktor+%26+Rolf')": a share button).
_BRAND_HREF = re.compile(r"^(?!\s*(?:javascript|mailto):).*?[/?&=_-](?:brands?|marken?|marques?|marcas?|merken?|"
                         r"designers?|manufacturers?|hersteller|fabricants?|fabricantes?|produttori|vendors?)"
                         r"(?:[/=_-]|$)", re.I | re.S)


def title_brand(title_el) -> str | None:
    """The brand when the product title, or an element just before or after it, holds a link
    to the brand's page ("<h1><a href='/brand/acme'>Acme</a> Wool Coat</h1>", "<h1>Wool
    Coat</h1><p>by <a href='/designers/acme'>Acme</a></p>"). A title wrapped alone in its own
    element ("<div><h1>Wool Coat</h1></div>") is beside that element's siblings."""
    near = [title_el]
    anchor = title_el  # a title wrapped alone in its own element: that element's siblings are beside it
    for _ in range(2):
        parent = anchor.getparent()
        if parent is None or parent.tag in ("body", "main") or sum(isinstance(c.tag, str) for c in parent) > 1:
            break
        anchor = parent
    above_title = [e for _, e in zip(range(2), anchor.itersiblings(preceding=True))]
    near.extend(above_title)
    near.extend(e for _, e in zip(range(2), anchor.itersiblings()))
    for el in near:
        if not isinstance(el.tag, str):
            continue
        for a in el.iter("a"):
            if _BRAND_HREF.search(a.get("href") or ""):
                b = clean_brand(short_text(a, 60) or _logo_name(a), dom=True)
                if b:
                    return _without_for_sale(b, short_text(title_el, 300, words_apart=True) or "")
    # A link beside the title whose text is a name the title holds ("<h1>Console Sony PS4</h1>
    # <div class='subtitle'><a href='/Sony/m55608'>Sony</a></div>"), or right above it to a page
    # named after it: the maker's page. Not a list of links (breadcrumbs, menus), nor one
    # word-for-word the title.
    title = short_text(title_el, 300, words_apart=True)
    words = _WORDS_OF(title.casefold()) if title else []
    # A title block (not a heading's one line) that opens with the maker's name linked to its page.
    headings = [] if title_el.tag in _HEADINGS else list(title_el.iter(*_HEADINGS))
    for a in title_el.iter("a") if title_el.tag not in _HEADINGS else ():
        t = short_text(a, 30)
        tw = _WORDS_OF(t.casefold()) if t else []
        if any(_WORDS_OF((short_text(h, 300) or "").casefold()) == tw for h in headings
               if h not in a.iterancestors() and a not in h.iterancestors()):
            continue  # another heading's words: the title again, linking the product's own page (Dawn)
        if tw and len(tw) <= 3 and words[:len(tw)] == tw and len(tw) < len(words) and _names_its_page(a, tw):
            b = clean_brand(t, dom=True)
            if b:
                return b
    for el in near[1:]:
        if not isinstance(el.tag, str) or _is_list(el):
            continue
        for a in el.iter("a"):
            if any(_is_list(e) for e in takewhile(lambda e: e is not el, a.iterancestors())):
                continue  # a breadcrumb's "Men" inside the row above the title
            t = short_text(a, 30)
            tw = _WORDS_OF(t.casefold()) if t else []
            if not tw or len(tw) > 3:
                continue
            # above the title, a name the title opens with (a breadcrumb's category is a word inside it: Overstock's
            # "Plates" above "… Canape Plates, Set of 4"); below it, anywhere in it ("Console Sony PS4" over "Sony")
            held = words[:len(tw)] == tw if el in above_title else _holds_run(words, tw)
            if (t[0].isupper() and len(tw) < len(words) and held) or (
                    el.getnext() is anchor and _names_its_page(a, tw)):
                b = clean_brand(t, dom=True)
                if b:
                    return b
    # the line right above the title, no link, the words the title opens with ("<span>Umbra</span><h1>Umbra
    # Dash Cam 4K Pro</h1>"): the brand line of a page whose classes say nothing; not a badge ("New")
    above = anchor.getprevious()
    while above is not None and not isinstance(above.tag, str):
        above = above.getprevious()
    if above is not None and len(above) == 0 and above.tag not in _HEADINGS:
        t = short_text(above, 40)
        tw = _WORDS_OF(t.casefold()) if t else []
        if tw and len(tw) <= 3 and len(tw) < len(words) and words[:len(tw)] == tw and t[0].isupper() \
                and not _BADGE_WORDS.intersection(tw):
            return clean_brand(t, dom=True)
    return _capitals_part(title_el)


def _capitals_part(heading) -> str | None:
    """A heading of two parts whose first is the maker in capitals ("<h1><span>BRAUN</span><span>Series 7
    Shaver</span></h1>", as Currys writes it); not a badge ("NEW")."""
    parts = [c for c in heading if isinstance(c.tag, str)]
    if len(parts) != 2 or (heading.text or "").strip() or any(len(p) for p in parts):
        return None
    first, rest = short_text(parts[0], 30), short_text(parts[1], 300)
    if not first or not rest or first.upper() != first or not any(ch.isalpha() for ch in first):
        return None
    fw = _WORDS_OF(first.casefold())
    if not 1 <= len(fw) <= 3 or _BADGE_WORDS.intersection(fw) or len(_WORDS_OF(rest.casefold())) < 2:
        return None
    return clean_brand(first, dom=True)


# A badge above a title, not a maker: "New", "Sale", "Bestseller"
_BADGE_WORDS = frozenset("new neu nouveau nouveauté nuevo nueva nuovo novità novo nova nieuw ny uusi nowość yeni "
                         "sale hot top bestseller best seller exclusive exklusiv limited online only".split())


def _is_list(e) -> bool:
    """A list of links: breadcrumbs (by class or id: Overstock's "breadcrumbSection"), a menu."""
    return e.tag in ("ul", "ol", "nav") or "crumb" in (e.get("class") or "") or "crumb" in (e.get("id") or "").lower()


# "More from Acme" heading a block of the maker's other products or linking to them; "View all
# Acme products" only with its "products" ("Shop all Jeans" is a category's).
_ITEMS = r"(?:products|items|styles|produkte|artikel|produits|productos|prodotti|produtos)"
_MORE_FROM = re.compile(
    r"(?:^|\b)(?:(?:see |view |shop |browse )?(?:more|other|all) (?:products )?(?:from|by)|mehr (?:produkte |artikel )?von|"
    r"(?:weitere|alle) (?:produkte|artikel) von|meer (?:producten )?van|alles van|plus de produits(?: de)?|"
    r"tous les produits(?: de)?|más (?:productos )?de|"
    r"todos los productos de|altri prodotti di|tutti i prodotti di|mais (?:produtos )?de|flere fra|mer från)\s+"
    rf"(.{{2,40}}?)(?:\s+{_ITEMS})?\s*[›»>→.!:]*\s*$|"
    rf"(?:^|\b)(?:see|view|shop|browse|discover|explore) all\s+(.{{2,40}}?)\s+{_ITEMS}\s*[›»>→.!:]*\s*$", re.I)


def title_opens_with(title: str, name: str | None) -> bool:
    return _opens(_WORDS_OF(title.casefold()), name)


def _opens(title_words: list, name: str | None) -> bool:
    """The title opens with the name, or with all but the last of its three or four words (a
    title shortens "Kristin Ess Hair" to "Kristin Ess")."""
    nw = _WORDS_OF(name.casefold()) if name else []
    if not nw or len(nw) > 4:
        return False
    return ((len(nw) < len(title_words) and title_words[:len(nw)] == nw)
            or (3 <= len(nw) <= len(title_words) and title_words[:len(nw) - 1] == nw[:-1]))


def markup_brand_gives_way(markup: str | None, printed: str | None, title: str, root, crumbs) -> bool:
    """The page prints a brand under a brand label other than the markup's, and the markup's is
    one the title does not open with while it opens with the printed one, or one the page never
    shows, or a number, or a step of the breadcrumb: the markup names a product line ("Air Zoom"
    for "Nike Air Zoom Pegasus 40", Levi's "501"), the maker's parent company ("VF Corporation",
    "Kering") or a category ("Elektronarzędzia")."""
    if not (markup and printed) or markup.casefold() == printed.casefold() or _initials(markup) == printed.casefold():
        return False  # the same maker, printed by its initials ("WD" for "Western Digital")
    words = _WORDS_OF(title.casefold())
    return ((_opens(words, printed) and not _opens(words, markup)) or markup.strip(" ®™").isdigit()
            or markup.casefold() in {c.casefold() for c in crumbs} or not shows(root, markup))


def _initials(name: str) -> str:
    words = _WORDS_OF(name.casefold())
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def shows(root, words: str) -> bool:
    return words.casefold() in shown_words(root).casefold()


def shows_code(root, code: str) -> bool:
    """The page shows ``code`` as a token of its own, not inside a longer code (the few texts that
    hold it are found in C: joining a heavy page's text costs milliseconds)."""
    token = re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])")
    return any(token.search(t) for t in root.xpath(_SHOWN_CODE, code=code))


_SHOWN_CODE = "//body//text()[contains(., $code)][not(parent::script or parent::style)]"


def more_from_brand(elements, title: str) -> str | None:
    """The maker a "More from Acme" heading or a "View all Acme products" link names, when the
    product's title opens with it (elsewhere the words name a category or another maker)."""
    words = _WORDS_OF(title.casefold())
    for el in elements:
        m = _MORE_FROM.search(short_text(el, 60) or "") if el.tag != "img" else None
        name = (m.group(1) or m.group(2)).strip(" :.!") if m else None
        if _opens(words, name):
            return clean_brand(name, dom=True)
    return None


def _without_for_sale(name: str, title: str) -> str:
    """A brand page's link named for what it sells ("Hornady Ammo For Sale"): the most of its opening words
    that the title says together (Hornady), else its words before "for sale"."""
    m = _FOR_SALE.search(name)
    if m is None:
        return name
    words = name[:m.start()].split()
    said = f" {' '.join(_WORDS_OF(title.casefold()))} "
    return next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                 if f" {' '.join(_WORDS_OF(' '.join(words[:n]).casefold()))} " in said), " ".join(words))


_FOR_SALE = re.compile(r"\s+for\s+sale$", re.I)


def brand_links(root) -> list:
    """The page's links to brands' pages ("/brands/le-labo/", "?manufacturer=acme")."""
    return [a for a in root.iter("a") if _BRAND_HREF.search(a.get("href") or "")]


def more_from_link(links, related, title: str) -> str | None:
    """A "More from Le Labo" link to the brand's own page ("/brands/le-labo/", of ``brand_links``)
    outside related products: the product's maker, whether or not its title names it (but not where
    the title opens with another name of the same first word: "Fjellrev Trail" is not "Fjellrev
    Mountain Co")."""
    title_words = _WORDS_OF(title.casefold())
    for a in links:
        m = _MORE_FROM.search(short_text(a, 60) or "")
        words = _WORDS_OF((m.group(1) or m.group(2)).casefold()) if m else []
        if (words and _names_its_page(a, words) and not related(a)
                and (words[:1] != title_words[:1] or _opens(title_words, " ".join(words)))):
            return clean_brand((m.group(1) or m.group(2)).strip(" :.!"), dom=True)
    return None


def brand_page_brand(elements, title: str) -> str | None:
    """A link to a brand's page ("/brands/sony", "?manufacturer=sony", its logo) anywhere on the
    page, whose words open the product's title: a menu of brands names them all, the title says
    which is this product's."""
    words = _WORDS_OF(title.casefold())
    for el in elements:
        where = el.get("href") if el.tag == "a" else el.get("src")
        if not where or el.tag not in ("a", "img") or not _BRAND_HREF.search(where):
            continue
        # cleaned first: "Shop all Sony" at "/brand/sony" names Sony
        name = clean_brand((short_text(el, 40) or _logo_name(el)) if el.tag == "a" else el.get("alt"), dom=True)
        if _opens(words, name):
            return name
        if name:  # "Sony Headphones" at "/c/headphones/sony?brand=494": its brand's words
            shared = _shared_opening(words, _WORDS_OF(name.casefold()))
            # (a logo's file too: "Leander seng" at ".../manufacturers/150x62/leander_logo.png")
            if shared and (_names_its_page(el, shared) if el.tag == "a" else _logo_file_names(el, shared)):
                return " ".join(name.split()[:len(shared)])
    return None


def _logo_file_names(img, words: list) -> bool:
    """The logo's file is named after the words, a "logo" and its size aside ("leander_logo.png")."""
    stem = urlsplit(img.get("src") or "").path.rsplit("/", 1)[-1].rsplit(".", 1)[0].casefold()
    named = [w for w in _WORDS_OF(stem.replace("_", " ").replace("-", " "))
             if w not in ("logo", "brand", "small", "large") and not w.isdigit()]
    return bool(named) and "".join(named) == "".join(w for w in words if w not in _AND)


def _shared_opening(title_words: list, words: list) -> list:
    """The words a name opens with that the title opens with too (three at most)."""
    n = 0
    while n < min(3, len(title_words) - 1, len(words)) and title_words[n] == words[n]:
        n += 1
    return words[:n]


# Links and pictures whose words hold a given word, any case: the few a rule over a whole page
# needs to read (XPath's string value is computed in C; about 1 ms on a real page).
_MENTIONING = ("//a[contains(translate(., $up, $low), $low) or contains(translate(@title, $up, $low), $low)]"
               " | //img[contains(translate(@alt, $up, $low), $low)]")


def mentioning(root, title: str) -> list:
    """The page's links and pictures that say the first word of `title`."""
    words = _WORDS_OF(title.casefold())
    if not words:
        return []
    return root.xpath(_MENTIONING, up=words[0].upper(), low=words[0])


def _names_its_page(a, words: list) -> bool:
    """The link goes to a page named after its text ("<a href='/armedangels/'>ARMEDANGELS</a>" right
    above the title: fashion shops head the name with the designer's)."""
    path = urlsplit(a.get("href") or "").path.rstrip("/")
    last = _WORDS_OF(path.rsplit("/", 1)[-1].casefold().replace("_", " ").replace("-", " "))
    named = [w for w in words if w not in _AND]
    return bool(named) and "".join(w for w in last if w not in _AND) == "".join(named)


_HEADINGS = frozenset(("h1", "h2", "h3", "h4"))
# "Jack & Jones" is at "/jack-and-jones/".
_AND = frozenset(("and", "und", "et", "en", "y", "e", "og", "och"))


_WORDS_OF = re.compile(r"\w+").findall


def _holds_run(words: list, run: list) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


# Digits, and an ISBN-10's check letter ("/dp/193435659X"), after at most one letter ("/a12878653/");
# not a model in a slug: "i7-10700k".
_URL_ID = re.compile(r"(?<![\w])[A-Za-z]?(\d{5,}(?:X(?![A-Za-z0-9]))?)(?![\dA-Za-z])")


_CODE_PARAMS = frozenset(("pn", "sku", "item", "itemid", "item_id", "productid", "product_id", "pid", "code",
                          "artnr", "art", "partnumber", "part"))
_CODE_VALUE = re.compile(r"(?=[\w.-]*\d)[A-Za-z\d][\w.-]{3,29}")
_CODE_PART_BEFORE = re.compile(r"(?<![A-Za-z\d])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]+-$")
_GROUPED_DIGITS = re.compile(r"\d+(?:[.\s/-]\d+)+")


def url_code(url: str | None, boxes) -> str | None:
    """The product id in the page's URL ("/listing/230389421/...", "/145721_playstation-5"), when
    the buy box's own markup names it too (a form field, a data attribute, a script call): the
    shop's code for a page that prints none. Also a code in the URL's query under a code's name
    ("product.aspx?pn=10G-P5-3897-KL") that the buy box prints, as it prints it."""
    boxes = list(boxes)
    address = urlsplit(url or "")
    for key, value in parse_qsl(address.query):
        if key.lower() in _CODE_PARAMS and _CODE_VALUE.fullmatch(value):
            printed = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])", re.I)
            for box in boxes:
                for el in box.iter():
                    m = printed.search(el.text or "") if isinstance(el.tag, str) else None
                    if m:
                        return m.group()
    path = address.path
    # not the lettered last part of a longer code the URL spells ("/90nv0gy1-m00550-rog-ally.html")
    found = [m for m in _URL_ID.finditer(path)
             if m.group() == m.group(1) or not _CODE_PART_BEFORE.search(path, 0, m.start())]
    if not found:
        return None
    ids = [m.group(1) for m in found]
    # named whole, with the URL's own letter or none, not inside a longer code ("M00550" of "90NV0GY1-M00550")
    patterns = [(m.group(1), re.compile(rf"(?<![\dA-Za-z])(?i:{re.escape(m.group()[:-len(m.group(1))])})?"
                                        rf"{m.group(1)}(?!\d)")) for m in found]
    for box in boxes:  # the id as the page prints it ("503.214.56" for /…-50321456/)
        for el in box.iter():
            shown = el.text.strip() if isinstance(el.tag, str) and el.text else ""
            if 0 < len(shown) <= 24 and _GROUPED_DIGITS.fullmatch(shown) and re.sub(r"\D", "", shown) in ids:
                return shown
    for box in boxes:
        for el in box.iter():
            for _, value in el.items():
                if len(value) < 200:
                    for i, pattern in patterns:
                        if i in value and pattern.search(value):
                            return i
    return None
