"""Product data in page-state JSON of client-rendered shops.

Single-page apps (Next.js ``__NEXT_DATA__`` and its app router's ``self.__next_f`` payload,
``window.__INITIAL_STATE__ = {...}``,
``<script type="application/json">`` stores, Nuxt's state: ``framework_state``) often ship the product only as
application state, with an empty or skeleton DOM.  This layer is read only when
no markup layer has a price, or none says whether it is in stock (then only the stock,
brand and code that no markup gives are taken); it costs a JSON parse of the state.

The product is the dict that has a name and a resolvable price and whose name
best matches the page title (og:title / <title> / h1): state blobs also hold
recommendations, recently viewed items and the basket.  Keys are matched by
their usual names, never by shop-specific paths.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .api_json import _image_urls
from .framework_state import is_devalue, read_js_state, revive
from .jsonsafe import Decoder
from .prices import CURRENCY_KEYS, Hints, currency_code, json_amount, json_regular_amount
from .stock import enum_verdict
from .text import availability, clean, plain_value

# ``window.__INITIAL_STATE__ = {`` (or ``['app'] = {``), ``var pageData = {``, ``self["__PRELOADED_STATE__"]={``, and
# Shopify's analytics ``var meta = {"product": {"vendor": ..., "variants": [...]}}`` on every shop's page,
# whose prices are in minor units ("price": 22900 for 229.00); a theme's own ``var product = {``,
# ``window.productJson = {``.
# Nuxt 2's ``window.__NUXT__=(function(a,b){return {…}}(…))`` and Remix's ``window.__remixContext = {``.
_ASSIGN = re.compile(r"(?:(?:STATE|State|DATA|Data|PROPS|Props|STORE|Store|NUXT|Context)[\w$'\"\[\]]*|\bvar meta|"
                     r"\bwindow\.[\w$]*_(?:initial_)?(?:data|state)|"  # Ecwid's "window.ecwid_initial_data = {…}"
                     r"\bwindow\._{1,2}[A-Za-z$][\w$]*|"  # a page's own global: Youzan's "window._global", "window.__myx"
                     r"(?:\b(?:var|let|const)\s+|\bwindow\.)[\w$]*(?:[Pp]roduct|sku[Jj]son)[\w$]*)\s*=\s*"
                     r"(?=[{\[]|JSON\.parse\(|\(\s*function\b)")
# ``window.__TGT_DATA__ = JSON.parse("{\"product\": …}")``: the state as a string literal
_PARSED = "JSON.parse("
# Angular's TransferState escapes its JSON for HTML (``{&q;name&q;: &q;Bose …&q;}``)
_ANGULAR_ESCAPES = (("&q;", '"'), ("&s;", "'"), ("&l;", "<"), ("&g;", ">"), ("&a;", "&"))
_DECODER = Decoder(strict=False)
_MAX_TEXT = 4_000_000
_MAX_NODES = 60_000
_WORD = re.compile(r"\w+")

_NAME_KEYS = ("name", "title", "productName", "displayName", "product_name")
# (the price after a discount first: Naver's "discountedSalePrice" beside its "salePrice", the list price)
_PRICE_KEYS = ("discountedSalePrice", "discountedPrice", "price", "prices", "priceInfo", "pricing", "salePrice",
               "currentPrice", "finalPrice",
               "sellingPrice", "offerPrice", "priceData", "shopPrice",
               # snake case (Magento's and Vue Storefront's "final_price_incl_tax")
               "final_price_incl_tax", "final_price", "price_incl_tax", "special_price", "sale_price", "current_price",
               "selling_price")
_BRAND_KEYS = ("brand", "brandName", "manufacturer", "vendor", "brand_name", "producer", "producerName")


def _blobs(scripts) -> list[tuple[object, bool]]:
    """(state, prices in minor units) for each state script (or a data attribute's JSON text)."""
    out = []
    flight: list[str] = []  # the Next.js app router's payload, pushed a piece a script
    for s in scripts:
        text = s if isinstance(s, str) else s.text
        if not text or len(text) > _MAX_TEXT:
            continue
        if _FLIGHT_START.match(text):
            flight.extend(_flight_pieces(text))
            continue
        t = "application/json" if isinstance(s, str) else (s.get("type") or "").lower()
        if t and "json" not in t and "javascript" not in t and "ecmascript" not in t:
            continue  # templates, widget state in private formats
        if "json" in t:
            if "&q;" in text:
                for escaped, char in _ANGULAR_ESCAPES:
                    text = text.replace(escaped, char)
            try:
                data = _DECODER.decode(text.strip())
                if '"{\\"' in text:  # urql keeps each query's result as a JSON string: {"data": "{\"product\": …"}
                    data = _strings_decoded(data, [_INNER_STRINGS])
                out.append((revive(data) if is_devalue(data) else data, False))  # Nuxt 3's __NUXT_DATA__
            except ValueError:
                pass
            continue
        # State scripts open with the assignment; searching whole bundles costs more than the page.
        m = _ASSIGN.search(text, 0, 400)
        if m is None:
            if not t and text.lstrip()[:1] == "{":  # bare JSON (VTEX's "<template data-varname='__STATE__'><script>{…")
                try:
                    out.append((_DECODER.decode(text.strip()), False))
                except ValueError:
                    pass
            continue
        for hop in range(_HOPS):
            try:
                state, end = _assigned(text, m)
            except ValueError:
                break
            # an empty object first ("window.__ENV = {};"): the page's state is assigned a little further on
            nxt = _ASSIGN.search(text, end, end + _HOP) if not state and end is not None and hop < _HOPS - 1 else None
            if nxt is None:
                out.append((state, m.group().startswith("var meta")))
                break
            m = nxt
    if flight:
        out.extend((row, False) for row in _flight_rows("".join(flight)))
    return out


_HOPS, _HOP = 3, 4_000
_FLIGHT = "self.__next_f.push("
_FLIGHT_START = re.compile(r"\s*self\.__next_f\.push\(")


def _flight_pieces(text: str) -> list[str]:
    """The payload's text in ``self.__next_f.push([1,"…"])`` calls (a script may hold several)."""
    pieces = []
    at = text.find(_FLIGHT)
    while at >= 0:
        try:
            call, end = _DECODER.raw_decode(text, at + len(_FLIGHT))
        except ValueError:
            break
        if isinstance(call, list) and len(call) == 2 and call[0] == 1 and isinstance(call[1], str):
            pieces.append(call[1])
        at = text.find(_FLIGHT, end)
    return pieces


def _flight_rows(payload: str) -> list:
    """The JSON rows of a React Server Components payload ("7:[\"$\",\"$L1a\",null,{\"product\": …}]"): the
    props the server passed to the page's client components, the product among them."""
    rows = []
    for line in payload.split("\n"):
        colon = line.find(":", 0, 8)
        if colon > 0 and line[colon + 1:colon + 2] in ("{", "["):
            try:
                rows.append(_DECODER.decode(line[colon + 1:]))
            except ValueError:
                continue
    return rows


def _assigned(text: str, m) -> tuple[object, int | None]:
    """The value assigned at `m` and where it ends (None: a JavaScript literal, its end not known)."""
    if text.startswith(_PARSED, m.end()):
        literal = _DECODER.raw_decode(text, m.end() + len(_PARSED))[0]  # the string, unescaped
        return (_DECODER.decode(literal) if isinstance(literal, str) else literal), None
    try:
        return _DECODER.raw_decode(text, m.end())
    except ValueError:  # a JavaScript literal rather than JSON (unquoted keys, Nuxt 2)
        return read_js_state(text, m.end()), None


_INNER_STRINGS = 20  # JSON strings decoded in one state, at most


def _strings_decoded(node, budget: list):
    """`node` with its string values that hold a JSON object decoded in place (a few, the first found)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, str) and budget[0] and v[:2] == '{"' and v[-1:] == "}":
                try:
                    node[k] = _DECODER.decode(v)
                    budget[0] -= 1
                except ValueError:
                    continue
            if isinstance(node[k], (dict, list)):
                _strings_decoded(node[k], budget)
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, (dict, list)):
                _strings_decoded(v, budget)
    return node


def _name(d: dict, title_words: set | frozenset = frozenset()) -> str | None:
    for k in _NAME_KEYS:
        v = d.get(k)
        if isinstance(v, dict) and v and all(_LOCALE.match(lang) for lang in v):
            v = _localized(v, title_words)  # {"fi": "…", "en": "…"}, commercetools' LocalizedString
        if isinstance(v, str) and 1 < len(v) < 300:
            return plain_value(v)
    for k, v in d.items():  # a platform's own word for it: "goodsName", "itemName", "productTitle"
        if isinstance(v, str) and 1 < len(v) < 300 and _OWN_NAME_KEY.search(k) and not _NOT_NAME_KEY.search(k):
            return plain_value(v)
    for k, v in d.items():
        # a name in the shop's language ("naam", "urunAdi"): words written apart, every one the title's
        if (isinstance(v, str) and " " in v and 3 < len(v) < 300 and "/" not in v and title_words
                and not _NOT_NAME_KEY.search(k) and not _NOT_NAME_TEXT_KEY.search(k)
                and (words := _WORD.findall(v.lower())) and len(words) > 1 and all(w in title_words for w in words)):
            return clean(v)
    return None


_LOCALE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")


def _localized(names: dict, title_words) -> str | None:
    """The language's name most of whose words the title has."""
    best, best_score = None, -1
    for v in names.values():
        if isinstance(v, str):
            score = sum(w in title_words for w in _WORD.findall(v.lower()))
            if score > best_score:
                best, best_score = v, score
    return best


_OWN_NAME_KEY = re.compile(r"(?:name|title)$", re.I)
_NOT_NAME_TEXT_KEY = re.compile(r"desc|text|body|html|content|url|slug|path|route|handle|link|alt|caption|breadcrumb",
                                re.I)
_NOT_NAME_KEY = re.compile(r"brand|seller|shop|store|vendor|categor|color|colour|size|option|user|page|site|meta|seo|"
                           r"file|image|key|type|class|label|"
                           # where an offer ships from (Newegg's "ShipFromCountryName": "United States")
                           r"country|city|region|location|warehouse|carrier|courier|ship", re.I)


def _price_of(d: dict):
    for k in _PRICE_KEYS:
        if k in d:
            a, c = json_amount(d[k])
            if a:
                return a, c, d[k]
    return None, None, None


def _priced(node: dict) -> bool:
    return bool(_price_of(node)[0])


def _find(blobs, title_words: set, accept=_priced) -> tuple[dict | None, object, bool]:
    """The product dict whose name best matches the title words, the brand of the nearest dict
    around it that names one (a variant's product holds the vendor: Shopify's ``meta``), and
    whether its blob gives prices in minor units."""
    best, best_brand, best_minor, best_score = None, None, False, (0.0, False, 0)
    # the best match of any node: a closer one unaccepted means the accepted is another product. A name
    # of one word matches less than one of several that matches as well ({"title": "Curved Hair Comb",
    # "name": "Gold"}: a colour's name is all in "Curved Hair Comb - Gold").
    named_best = (0.0, False, 0)
    stack = [(b, None, minor) for b, minor in reversed(blobs)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, brand, minor = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend((v, brand, minor) for v in reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        brand = next((node[k] for k in _BRAND_KEYS if node.get(k)), brand)
        name = _name(node, title_words)
        if name:
            words = _WORD.findall(name.lower())
            matched = sum(w in title_words for w in words)
            # a tie goes to the name of more matched words ("Court Low" recommended beside the unpriced
            # "Zola Court Low Leather Wit" is another product)
            score = (matched / len(words) if words else 0.0, matched > 1, matched)
            named_best = max(named_best, score)
            if score > best_score and accept(node):
                best, best_brand, best_minor, best_score = node, brand, minor, score
        stack.extend((v, brand, minor) for v in reversed([v for k, v in node.items()
                                                          if isinstance(v, (dict, list)) and not _others_key(k)]))
    # ("Haeklo Merino Crew Sweater" recommended beside the unpriced "Noralber Merino Crew Sweater")
    return (best, best_brand, best_minor) if best_score[0] >= 0.6 and best_score >= named_best else (None, None, False)


_SELLS = ("isInStock", "inStock", "in_stock", "instock", "is_in_stock", "isOnStock", "onStock", "hasStock", "has_stock",
          "available",
          "isAvailable", "is_available", "availableForSale", "purchasable", "isPurchasable", "orderable", "isOrderable",
          "buyable", "isBuyable", "sellable", "isSellable", "canAddToCart", "can_add_to_cart", "canBuy", "can_buy",
          # the online shop's own flag (Best Buy Canada's "isAvailableOnline": false)
          "isAvailableOnline", "availableOnline", "isOnlineAvailable", "onlineAvailable", "purchasableOnline",
          "canPurchase", "isPurchaseable",
          "is_salable", "isSalable", "salable",  # Magento's
          "availableToOrder", "isAvailableToOrder", "available_to_order")  # John Lewis's variants
_SOLD_OUT = ("soldOut", "isSoldOut", "sold_out", "is_sold_out", "outOfStock", "isOutOfStock", "out_of_stock",
             "is_out_of_stock")
_SELLS_KEYS = frozenset(k.casefold() for k in _SELLS)
_SOLD_OUT_KEYS = frozenset(k.casefold() for k in _SOLD_OUT)
_STATUS = ("availability", "buttonState", "stockStatus", "stock_status", "availabilityStatus", "availability_status",
           "inventoryStatus", "inventory_status", "stockState", "saleStatus", "sale_status", "salesStatus",
           "sellStatus", "sellingStatus",
           # a stock object ({"inventory": {"available": false, "quantity": 0, "status": "OUT_OF_STOCK"}})
           "inventory", "inventoryInfo", "stockInfo", "availabilityInfo", "stockData")
_COUNTS = ("stock", "stockLevel", "stockQuantity", "inventory_quantity", "inventoryQuantity", "quantityAvailable",
           "availableQuantity", "AvailableQuantity", "qty")  # VTEX's offer: "AvailableQuantity"
_VARIANTS = ("variants", "skus", "variations", "configurable_children", "offers")


def _flag(d: dict) -> str | None:
    """A stock flag either way round, its key in any case (Newegg's "Instock": false); one named for stock or its
    absence before one that the product is sold at all (Trendyol's "isSellable": true beside "hasStock": false)."""
    sells = not_sold_out = None
    for k, v in d.items():
        if type(v) is int and v in (0, 1) and k.casefold() in _SELLS_KEYS:
            v = bool(v)  # PHP's 0 and 1 ("in_stock": 0); not PrestaShop's "out_of_stock": 0, an order rule
        if isinstance(v, bool):
            key = k.casefold()
            if key in _SOLD_OUT_KEYS:
                if v:
                    return "OutOfStock"
                not_sold_out = "InStock"  # weaker than a flag that it can be bought ("available": false beside it)
            elif key in _SELLS_KEYS:
                if "stock" in key:
                    return "InStock" if v else "OutOfStock"
                sells = sells or ("InStock" if v else "OutOfStock")
    return sells or not_sold_out


def _availability(d: dict, depth: int = 0) -> str | None:
    """In stock or not, by the usual keys: a flag either way round, a status text (or a status
    object's text or flag), a stock count; else by the product's variants (in stock if any is)."""
    flag = _flag(d)
    if flag:
        return flag
    for k in _STATUS:
        v = d.get(k)
        if isinstance(v, dict):  # {"status": "OUT_OF_STOCK"}, {"isPurchasable": false, …}
            flag = _flag(v)
            if flag:
                return flag
            v = next((v[x] for x in ("status", "value", "code") if isinstance(v.get(x), str)), None)
        if isinstance(v, str):
            a = availability(v)
            if a:
                return a
    for k in _COUNTS:
        v = d.get(k)
        if isinstance(v, int) and not isinstance(v, bool):
            return "InStock" if v > 0 else "OutOfStock"
        if isinstance(v, dict) and depth < 2:  # Magento's and Vue Storefront's {"stock": {"is_in_stock": false, "qty": 0}}
            flag = _availability(v, 2) or _stock_object(v)
            if flag:
                return flag
    said = _stock_words(d)
    if said:
        return said
    if depth == 0:
        for k in _VARIANTS:
            variants = d.get(k)
            seen = [_availability(x, 1) for x in variants if isinstance(x, dict)] if isinstance(variants, list) else []
            if "InStock" in seen:
                return "InStock"
            if seen and all(a == "OutOfStock" for a in seen):
                return "OutOfStock"
    return None


# A key named for stock in a shop's language ("voorraad", "stokDurumu", "lagerstatus", "disponibilidad"),
# whose text the page's stock words judge ("uitverkocht", "Tükendi").
_STOCK_KEY = re.compile(r"stock|stok|lager|voorraad|inventa|inventor|availab|disponib|dostep|sklad|saatav|varast|"
                        r"estoque|existencia|zaloga|zásob|наличи|склад|在庫|库存|재고", re.I)
# A key that names a state or a piece of the interface: its text is a label, not the product's state
# ("outOfStock": "Out of stock", "findInStoreOutOfStockToggleText", "swatch.alt.text.outofstock")
_LABEL_KEY = re.compile(r"^(?:is)?(?:out.?of.?stock|sold.?out|in.?stock|(?:un)?available|oos)$|text|label|legend|"
                        r"toggle|alt\b|\.alt|title|heading|placeholder|tooltip|cta|button", re.I)
_STOCK_TEXT_KEYS = ("status", "state", "value", "code", "label", "text", "message")


def _stock_words(d: dict) -> str | None:
    if len(d) >= 6 and sum(isinstance(v, str) for v in d.values()) >= 0.8 * len(d):
        return None  # a bundle of the interface's words ({"outOfStock": "Out of stock", "notifyMe": …})
    for k, v in d.items():
        if not _STOCK_KEY.search(k) or (isinstance(v, str) and _LABEL_KEY.search(k)):
            continue
        if isinstance(v, dict):
            v = next((v[x] for x in _STOCK_TEXT_KEYS if isinstance(v.get(x), str)), None)
        if isinstance(v, str) and 2 < len(v) <= 60:
            said = enum_verdict(v)
            if said in ("InStock", "OutOfStock"):
                return said
    return None


def _stock_object(stock: dict) -> str | None:
    """A stock object's own status or count: {"quantity": 0, "status": "OUT_OF_STOCK"}."""
    status = stock.get("status")
    if isinstance(status, str) and availability(status):
        return availability(status)
    count = stock.get("quantity")
    if isinstance(count, int) and not isinstance(count, bool):
        return "InStock" if count > 0 else "OutOfStock"
    return None


def variants_stock(lists) -> str | None:
    """The stock a buy form's variant list states (Tiendanube's `data-variants='[{"available": false, "stock":
    0, …}]'`): in stock if any variant is, sold out if every one says so."""
    for text in lists:
        try:
            variants = _DECODER.decode(text) if len(text) <= _MAX_TEXT else None
        except ValueError:
            continue
        if isinstance(variants, list) and variants:
            stock = _availability({"variants": variants})
            if stock:
                return stock
    return None


def _unnamed_product_stock(blobs) -> str | None:
    """The stock of the state a platform keeps for the page's product alone, nameless: BigCommerce's
    ``BCData = {"product_attributes": {"instock": false, "stock": 0, …}}``."""
    for blob, _ in blobs:
        attributes = blob.get("product_attributes") if isinstance(blob, dict) else None
        if isinstance(attributes, dict):
            return _availability(attributes)
    return None


def _nested_availability(blobs, title_words: set) -> str | None:
    """The stock a state states beside the product's name rather than with it: a status a few levels
    under the dict whose subtree names the product ({"product": {"item": {"product_description":
    {"title": …}}, "fulfillment": {"shipping_options": {"availability_status": "OUT_OF_STOCK"}}}}); only
    where every such status agrees."""
    verdicts: set = set()
    named: dict[tuple, bool] = {}
    stack = [(b, ()) for b, _ in reversed(blobs) if isinstance(b, (dict, list))]  # not a state that is one string
    seen = 0
    while stack and seen < _MAX_NODES:
        node, ancestors = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend((v, ancestors) for v in node if isinstance(v, (dict, list)))
            continue
        own = _name(node, title_words)
        if own and not _names_title(node, title_words, named, 0):
            continue  # another product, named otherwise: a recommendation beside the product
        a = _availability(node, 1)  # its own keys, not its variants'
        if a and any(_names_title(anc, title_words, named) for anc in ancestors):
            verdicts.add(a)
        below = (*ancestors[-3:], node)
        stack.extend((v, below) for k, v in node.items() if isinstance(v, (dict, list)) and not _widget_key(k))
    return verdicts.pop() if len(verdicts) == 1 else None


def _widget_key(key: str) -> bool:
    """A state's part for a widget or a service beside the product, whose own "isAvailable" is the widget's
    (Americanas' {"fitAnalytics": {"isAvailable": false}}: a size advisor with no data for a hard drive)."""
    return not _WIDGET_WORDS.isdisjoint(_key_words(key)) or "i18n" in key.casefold()


def _others_key(key: str) -> bool:
    """A state's list of other products ("recommendations", "recentlyViewed", "crossSells"): none of them the
    page's, however alike its name ("Zephyr GeForce RTX 3080 Tornado 10GB" under the page's "… Tornado OC …")."""
    return not _OTHERS_WORDS.isdisjoint(_key_words(key))


_OTHERS_WORDS = frozenset(("recommendations", "recommendation", "recommended", "reco", "recos", "related", "similar",
                           "recently", "viewed", "upsell", "upsells", "crosssell", "crosssells", "sells", "suggestions",
                           "suggested", "carousel", "carousels"))
@lru_cache(maxsize=4096)  # a state repeats its keys in every item of its lists
def _key_words(key: str) -> frozenset[str]:
    """A state key's words, lower-cased: "fitAnalytics" -> fit, analytics; "size_guide" -> size, guide."""
    return frozenset(w.lower() for w in _KEY_WORD.findall(key))


_KEY_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_WIDGET_WORDS = frozenset(("analytics", "tracking", "fit", "advisor", "guide", "recommendations", "recommendation",
                           "reviews", "review", "rating", "ratings", "chat", "experiment", "experiments", "flags",
                           "toggle", "toggles", "widget", "widgets", "banner", "banners", "modal", "newsletter",
                           "notify", "wishlist", "cookie", "cookies", "consent", "ads", "advert", "adverts", "sponsored",
                           # teasers beside the product; the interface's words in the shop's languages (MediaMarkt's
                           # "i18nextStore": {"status": {"notAvailable": "Dieser Artikel ist leider nicht mehr …"}})
                           "teaser", "teasers", "translations", "translation", "messages", "locales"))


def _names_title(node: dict, title_words: set, memo: dict, depth: int = 2) -> bool:
    """`node` or a dict up to `depth` levels under it has a name most of whose words the title has."""
    key = (id(node), depth)
    if key in memo:
        return memo[key]
    name = _name(node, title_words)
    words = _WORD.findall(name.lower()) if name else []
    found = bool(words) and sum(w in title_words for w in words) / len(words) >= 0.6
    if not found and depth:
        found = any(_names_title(v, title_words, memo, depth - 1) for v in node.values() if isinstance(v, dict))
    memo[key] = found
    return found


def _state_code(v) -> str | None:
    """A state's product code, not words a seller typed in its field ("productCode": "serum toz") nor a
    page's address slug ("fuhe-oto-seger-12139")."""
    code = clean(str(v))
    if code and _SLUG.fullmatch(code):
        return None
    return None if code and " " in code and not any(c.isdigit() for c in code) else code


_SLUG = re.compile(r"[a-z]{3,}(?:-[a-z0-9]+)*-[a-z]{3,}(?:-[a-z0-9]+)*")


def blob_fields(scripts, titles: list[str], hints: Hints) -> dict:
    """Partial record (Decimal prices) from page-state JSON, or {}."""
    title_words: set = set()
    for t in titles:
        if t:
            title_words.update(_WORD.findall(t.lower()))
    if not title_words:
        return {}
    blobs = _blobs(scripts)
    if not blobs:
        return {}
    d, around, minor = _find(blobs, title_words)
    if d is None:
        # A sold-out product's state often drops its price: its stock, brand and code still count.
        d, around, _ = _find(blobs, title_words, lambda node: _availability(node) is not None)
        if d is not None:
            return {"availability": _availability(d), **_brand_and_code(d, around)}
        nested = _nested_availability(blobs, title_words) or _unnamed_product_stock(blobs)
        return {"availability": nested} if nested else {}
    price, cur, pv = _price_of(d)
    if cur is None:
        cur = next((d[k] for k in CURRENCY_KEYS if isinstance(d.get(k), str)), None)
    regular = json_regular_amount(pv, d)
    if minor:
        price, regular = price.scaleb(-2), regular.scaleb(-2) if regular else regular
    stock = _availability(d)
    if stock is None:  # the priced node says nothing of stock (Shopify's "var meta"): another naming the product may
        stocked, _, _ = _find(blobs, title_words, lambda node: _availability(node) is not None)
        stock = _availability(stocked) if stocked is not None else None
    return {
        "name": _name(d, title_words), **_brand_and_code(d, around), "price": price,
        "regular_price": regular if regular and regular > price else None,
        "currency": currency_code(cur, hints) if cur else None,
        "availability": stock, "images": _image_urls(d),
    }


def _brand_and_code(d: dict, around) -> dict:
    brand = None
    for v in [d.get(k) for k in _BRAND_KEYS] + [around]:
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, str) and (brand := plain_value(v)):
            break
    sku = next((code for k in ("sku", "productCode", "articleNumber") if d.get(k) and (code := _state_code(d[k]))),
               None)
    return {"brand": brand, "sku": sku}
