"""Run the layers on one parsed tree and combine them into a ProductRecord.

Trust order: JSON-LD > microdata > RDFa > OpenGraph > other meta tags >
page-state JSON (``jsonblob``: ``__NEXT_DATA__``, ``window.__INITIAL_STATE__``;
read only when no earlier layer has a price, or none has stock: then only the stock,
brand and code no markup gives) > DOM.
Each field comes from the most trusted layer that has it; ``sources`` records
which.  Except the sku: a code the page prints under a shop-code label ("SKU:",
"Item #") wins over the markup's (``labels.page_code_wins``).  Price, regular
price and currency are taken together from one layer so that an amount is never
paired with another layer's currency unless the chosen layer has none.

Sale-price rule (markup is often stale): embedded markup frequently carries
the regular price while the page shows a reduced one.  When a less trusted
layer shows a sale *pair* -- a current price next to a higher regular price
(OpenGraph ``sale_price``/``standard_amount``, or a visible price beside a
struck-through / "was" price in the DOM) -- and that regular price equals the
markup price, the visible sale price wins and the markup price becomes
``regular_price``.  When the pair's current price equals the markup price, the
markup price stays and only ``regular_price`` is filled in.

A zero price is a placeholder (configurable products), never the price.
Within a schema.org product the offer whose URL is the page URL (selected
variant) wins; otherwise the lowest new-condition offer (``schema.py``).

Images come from the most trusted structured layer that has any; a single
structured image (the featured one, as most platforms mark up) is followed by
the other DOM gallery photos.  Only without structured images are og:image,
page-state images, the DOM gallery and twitter:image combined (same photo at
another size counted once, ``images.image_key``).  Breadcrumbs are kept as the page shows them (a leading "Home" is
part of what the page says and dropping it would lose nothing we can
restore reliably).

``is_product``: exactly one or two standalone Product/ProductGroup items
(variants and related items excluded, ``@id`` references resolved), or
og:type=product, or a priced product in page-state JSON named like the page,
or name + price + a buy control or stock label.  Three or more products, or an ItemList of products, mark a
listing page; so do six or more buy controls outside related-product areas.
"""
from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache, partial
from itertools import chain
from urllib.parse import urlsplit

from . import areas, domfields, domprice, labels, stock
from .analytics_fields import (BRAND_ATTRIBUTE, SKU_ATTRIBUTE, STOCK_ATTRIBUTE, attribute_value, script_availability,
                               script_brand, script_price, script_viewed_stock, stock_flag)
from .image_urls import absolutize, add_gallery, clean_images
from .page_state_json import blob_fields, variants_stock
from .jsonld import iter_nodes, read_jsonld
from .element_classes import fast_classes
from .microdata import read_microdata
from .opengraph import opengraph_fields, read_meta
from .prices import Hints, country_currency, currency_code, format_price, parse_amount
from .rdfa import read_rdfa
from .record import Offer, ProductRecord
from .text import SOLD_OUT, clean, short_text, written_in
from .tree_scan import scan
from .schema import breadcrumbs as ld_breadcrumbs
from .schema import is_product, product_fields, select_products, text_of, types
from .urls import join

_WIDE_BOX = 1500
_SCALARS = ("name", "brand", "sku", "gtin", "mpn", "color", "description", "category", "availability")
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ")


# Markup states a page's "sold out" overrules: for sale now, or orderable ahead.
_ON_SALE = frozenset(("InStock", "LimitedAvailability", "OnlineOnly", "InStoreOnly", "PreOrder", "PreSale", "BackOrder"))
_ORDERABLE = frozenset(("PreOrder", "PreSale", "BackOrder"))  # not in stock, and taken on order


def _first_price(price_elems, related) -> list:
    return next(([el] for el in price_elems if not related(el)), [])


_WORDS = re.compile(r"\w+")


def _name_distance(name: str | None, headings: list[str]) -> int | None:
    """How many words the product's name adds to or lacks from the page's heading (brand,
    colour), when one holds the other and they differ by two words at most; else None."""
    words = set(_WORDS.findall((name or "").casefold()))
    best = None
    for h in headings:
        hw = set(_WORDS.findall(h))
        if words and hw and (hw <= words or words <= hw) and len(words ^ hw) <= 2:
            best = len(words ^ hw) if best is None else min(best, len(words ^ hw))
    return best


def _pick_product(products: list[dict], url: str, headings: list[str]) -> tuple[dict | None, bool]:
    """The page's own product among several, and whether it is surely the page's: the one whose
    URL is the page's, else the one named like the page's heading (accessories and bundles are
    marked up beside it), else (not surely) the first with offers."""
    if not products:
        return None, False
    for p in products:
        u = p.get("url")
        if isinstance(u, str) and u and url:
            full = join(url, u)
            if url.startswith(full) or full.startswith(url):
                return p, True
    if len(products) == 1:
        return products[0], True
    # The closest name: an accessory is often the product's name and a word or two more.
    named = [(d, i) for i, p in enumerate(products)
             if (d := _name_distance(text_of(p.get("name")), headings)) is not None]
    if named:
        return products[min(named)[1]], True
    with_offers = [p for p in products if p.get("offers") or p.get("hasVariant")]
    return (with_offers or products)[0], False


def _structured(nodes: list[dict], base: str, hints: Hints, url: str, headings: list[str]):
    """(the main product's fields, standalone products, breadcrumbs, whether an ItemList makes it a
    listing, whether the markup holds others than the page's: three or more, as recommendation tiles mark
    up theirs, beside one named like its heading or without it)."""
    listed = _recommended(nodes)
    if listed and any(is_product(n) and id(n) not in listed for n in nodes):
        nodes = [n for n in nodes if id(n) not in listed]  # the page's product beside a list of others
    products, count = select_products(nodes)
    main, own = _pick_product(products, url, headings)
    others = count >= 3 and bool(headings)
    if others and not own:
        main = None
    crumbs: list[str] = []
    listing = False
    for n in nodes:
        t = types(n)
        if not crumbs and "BreadcrumbList" in t:
            crumbs = ld_breadcrumbs(n)
        if "ItemList" in t or "OfferCatalog" in t:
            items = n.get("itemListElement")
            if isinstance(items, list) and len(items) >= 3:
                listing = True
        elif "CollectionPage" in t or "SearchResultsPage" in t:
            listing = True  # the page calls itself a category or a search (Jumia's, beside its og:type "product")
    part = product_fields(main, base, hints, url) if main else {}
    return part, count, crumbs, listing, others


def _recommended(nodes: list[dict]) -> set[int]:
    """The nodes inside an ItemList of other products: one named as recommendations ("Frequently
    bought together"), or too short to be a listing page's (one or two items)."""
    out: set[int] = set()
    for n in nodes:
        if not ({"ItemList", "OfferCatalog"} & types(n)):
            continue
        items = n.get("itemListElement")
        items = items if isinstance(items, list) else [items] if isinstance(items, dict) else []
        if len(items) < 3 or areas.related_heading(text_of(n.get("name"))):
            for item in items:
                out.update(id(x) for x in iter_nodes(item))
    return out


_TITLE_ELEMENTS = 12  # a listing marks every tile's title; the product's own is near the top


def _strip_site(title: str | None, site: str | None) -> str | None:
    if not title or not site:
        return title
    tl = title.lower()
    # the site named with its domain's ending, the title without ("Trendyol.com", "… | Trendyol")
    for sl in (site.lower(), *(m.group(1) for m in [_DOMAIN_END.match(site.lower())] if m)):
        for sep in _SEPARATORS:
            if tl.endswith(sep.lower() + sl):
                return title[: -len(sep + sl)].strip() or title
        if tl.startswith(sl) and (lead := _SITE_LEAD.match(title, len(sl))):
            return title[lead.end():].strip() or title  # also "駿河屋 -<中古>マリオパーティ10", a separator's space left out
    return title


# the site's name before the title: a separator with a space on either side ("Acme | ", "Acme :: ", "駿河屋 -")
_SITE_LEAD = re.compile(r"(?:\s+[|\-–—:·•/]+\s*|[|\-–—:·•/]+\s+)(?=\S)")


_DOMAIN_END = re.compile(r"^(.{3,}?)\.(?:com|net|org|co|shop|store|[a-z]{2})(?:\.[a-z]{2})?$")


def _own_titles(sc, title: str | None) -> list:
    """The h1s, and a title element named like the page's <title> (osCommerce's "pageHeading" cell on a
    page without an h1): a recommendation heading's block that holds one is the product's column."""
    named = domfields.best_h1(sc.titles[:_TITLE_ELEMENTS], [title], fallback=False)
    return sc.h1s[:3] + [named[0]] if named else sc.h1s[:3]


def extract_from_tree(tree, url: str) -> ProductRecord:
    """Extract a product record from an already parsed lxml.html tree (not mutated)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    with fast_classes(root):  # see lookup.py: most of the cost of walking the tree otherwise
        return _extract(root, url)


def _extract(root, url: str) -> ProductRecord:
    sc = scan(root)
    base = join(url, sc.base.strip()) if sc.base else url
    meta = read_meta(sc.metas, sc.links)
    title = domfields.title_text(sc.title)
    lang = root.get("lang") or (meta.get("og:locale") or [None])[0] or written_in(title)
    hints = Hints.from_page(url, lang, tuple(s.text or "" for s in sc.scripts))
    # the page header's mini cart ("Handlekurv (0)") is no buy button
    buy = [b for b in areas.own_buy_controls(sc.buy)
           if not (domfields.in_masthead(b) and not areas.says_buy(areas.first_words(b)))]
    own_titles = _own_titles(sc, title)
    headed = areas.headed_areas(sc.related_heads, own_titles, buy) if sc.related_heads else []
    related = areas.Related()
    related.mark(headed)
    address = urlsplit(url)
    # cards with a quick-add button, or a price, each, and comparison charts: other products
    tiles = (areas.buy_tiles(buy, own_titles, address.path)
             + areas.buy_tiles(sc.price, own_titles, address.path, own_group=False) + areas.compared_products(buy))
    # those no class or heading marks: a listing's grid (counted below), not a recommendation strip
    loose_tiles = sum(1 for t in tiles if not related(t))
    related.mark(tiles)
    headed += tiles

    layers: list[tuple[str, dict]] = []
    headings = [h.casefold() for h in (clean(e.text_content()) for e in sc.h1s[:3]) if h]
    crumbs: list[str] = []
    n_products = 0
    listing = False
    others = False  # the markup describes other products (recommendations), beside the page's or instead of it
    for source, reader in (("jsonld", lambda: read_jsonld(sc.ld_scripts)),
                           ("microdata", lambda: read_microdata(root, base, sc.itemscope)),
                           ("rdfa", lambda: read_rdfa(sc.typed, base))):
        data = reader()
        if not data:
            continue
        nodes = iter_nodes(data)
        part, count, c, lst, other = _structured(nodes, base, hints, url, headings)
        others = others or other
        n_products = max(n_products, count)
        listing = listing or lst
        crumbs = crumbs or c
        if part:
            layers.append((source, part))

    og, other = opengraph_fields(meta, hints)
    og["name"] = _strip_site(og.get("name"), og.get("site_name"))
    layers.append(("opengraph", og))
    layers.append(("meta", other))

    # Some shops title the product outside an h1 (their h1 names the section): such elements
    # compete with the h1s, recommendation tiles' titles aside.
    named = sc.h1s + [e for e in sc.titles[:_TITLE_ELEMENTS] if not related(e)]
    titles = [t for t in (og.get("name"), title) if t]
    site = domfields.site_names(title, og.get("site_name"), address.hostname or "", address.path)
    if og.get("name") and not og.get("site_name"):  # the og:title ends in the shop's name, as its host spells it
        host = re.sub(r"[\W_]+", "", (address.hostname or "").casefold())
        og["name"] = next((cut for s in site if len(key := re.sub(r"[\W_]+", "", s)) >= 3 and key in host
                           and (cut := _strip_site(og["name"], s)) != og["name"]), og["name"])
    for part in (og, other):  # "… Schuh bei SNIPES" on snipes.com, "Buy Jockey … Brief"
        if part.get("name"):
            part["name"] = domfields.without_call_to_buy(
                domfields.without_at_shop(part["name"], site, address.hostname or "") or part["name"])
    h1 = domfields.best_h1(named, titles, site, fallback=False)
    if h1 is None and sc.h2s and not domfields.shares_title(named, titles):
        # older templates head the product with an h2: only one named like the title, and only where no
        # heading above shares the title's words (Amazon's long h1 under a short <title>, its A+ content's h2s)
        h1 = domfields.best_h1([e for e in sc.h2s if not related(e)], titles, site, fallback=False)
    titled = h1 is not None
    if titled:  # a heading named like the title: what holds it is the product, not related items
        related = areas.Related(title=h1[0])
        related.mark(headed)
    else:
        h1 = domfields.best_h1(named, titles, site)
    has_price = any(part.get("price") for _, part in layers)
    # the page's state, parsed once and only when a step needs it
    state = cache(partial(_tidy_state, sc.scripts + sc.state_attributes,
                          [og.get("name"), title, h1[1] if h1 else None], hints))
    if not has_price or not any(part.get("availability") for _, part in layers):
        blob = state()
        if blob and has_price:  # markup gave the price: only what no markup gives
            blob = {f: blob.get(f) for f in ("availability", "brand", "sku")
                    if not any(part.get(f) for _, part in layers)}
        if not (blob or {}).get("availability") and sc.variant_lists and (listed := variants_stock(sc.variant_lists)):
            blob = {**(blob or {}), "availability": listed}  # the buy form's own list of variants
        if blob:
            layers.append(("json", blob))
    buttons = areas.buy_buttons(buy, related)
    # No heading names the product: the document title's part that is not the shop's name, and
    # the element that shows it anchors the buy box.
    dpart: dict = {"name": h1[1] if h1 else domfields.title_name(title, site, address.hostname or "")}
    shown_name = None if h1 or not dpart["name"] else domfields.element_naming(root, dpart["name"], related)
    anchors = buttons[:3] + ([h1[0]] if h1 else [shown_name] if shown_name is not None else [])
    # "Visit the Acme Store", "{{ product.vendor }}", "SKU: 123", a tag marked up as the brand in markup
    labels.tidy_layers(layers, url, sc.brand)
    missing = [f for f in ("brand", "sku", "gtin", "mpn", "color") if not any(part.get(f) for _, part in layers)]
    markup_brand = next((part["brand"] for _, part in layers if part.get("brand")), None)
    # A markup brand that is the shop's own name ("brand": "Outdoorladen24"): the page's brand, if
    # it shows another, is the maker (a maker's own shop shows no other).
    shop_named = markup_brand is not None and (domfields.names_the_shop(markup_brand, site)
                                               or labels.names_its_host(markup_brand, url) is not None)
    if shop_named:
        missing.insert(0, "brand")
    # What the page shows beside a label; read for sku also when markup has one (page_code_wins below).
    label_areas = areas.Related(page_classes=False, title=related.title)
    label_areas.mark(headed)
    # gtin: an ISBN marks a book; brand also beside a markup brand (see labels.markup_brand_gives_way)
    printed = labels.printed(sc, label_areas, {*missing, "sku", "gtin", "brand"}, url)
    if h1 is not None and printed.get("brand") and printed["brand"].casefold() == h1[1].casefold():
        del printed["brand"]  # an element named "brand" that holds the whole title (VTEX's "productBrand")
    for f in missing:
        if printed.get(f):
            dpart[f] = printed[f]
    buy_box = cache(partial(areas.buy_box, anchors))  # found once, and only when a step needs it
    shown_crumbs = cache(partial(domfields.breadcrumbs, sc.crumbs))
    brand_links = cache(partial(labels.brand_links, root))
    if "brand" in missing and not dpart.get("brand") and h1 is not None:
        tidy = partial(labels.clean_brand, dom=True)
        saying = cache(partial(labels.mentioning, h1[0].getroottree(), h1[1]))
        dpart["brand"] = (labels.title_brand(h1[0])
                          or attribute_value(anchors, related, BRAND_ATTRIBUTE,
                                             partial(labels.attribute_brand, title=h1[1], clean=tidy))
                          or script_brand(sc.scripts, h1[1], (e for box in buy_box() for e in box.iter()),
                                          related, tidy)
                          # the page's links and pictures that say the title's first word: read last (~1 ms,
                          # 10 on a heavy page), and only when no markup names a brand
                          or (None if shop_named else
                              labels.more_from_brand(chain(sc.related_heads, saying()), h1[1])
                              or labels.brand_page_brand(saying(), h1[1])
                              or labels.more_from_link(brand_links(), related, h1[1])))
    visible = stock.Visibility(sc.styles)
    # a sold-out buy button whose class names no cart anchors the box too: on a page without a heading its words
    # are the only ones that say
    box_anchors = anchors + _first_price(sc.price, related) + _first_price(sc.sold_out_buttons, related)
    heard: list = []  # every verdict the page's words gave, weak ones beside a working button included
    shown, buyable = stock.page_availability(sc.stock, buttons, box_anchors, related, visible,
                                             title=h1[0] if h1 else shown_name, heard=heard)
    dpart["availability"] = shown or ("InStock" if buyable else None)  # it can be bought, nothing says otherwise
    # Neither words nor a buy button: what the page's scripts and classes say of its stock.
    unshown = cache(lambda: (script_availability(sc.scripts)  # a tag manager's product_instock
                             or script_viewed_stock(sc.scripts, h1[1] if h1 else title)
                             or attribute_value(anchors, related, STOCK_ATTRIBUTE, stock_flag)
                             # the product's own container, or the buy box holding its price ("buyPanel outOfStock")
                             or next(filter(None, map(stock.container_stock,
                                                      ([h1[0]] if h1 else []) + _first_price(sc.price, related))), None)))
    if not shown and not buyable and not any(part.get("availability") for _, part in layers):
        dpart["availability"] = unshown() or stock.disabled_and_nothing_to_choose(buttons, anchors, related, visible)
    # The page's price counts where no layer above has price and currency, for a sale pair or a
    # price before VAT beside the markup's, and where it names another currency (see _merge_price).
    need_current = not (any(part.get("price") for _, part in layers)
                        and any(part.get("currency") for _, part in layers))
    priced = next((part for _, part in layers if part.get("price")), None)
    cents = priced is not None and _whole(priced["price"])  # maybe minor units: see what the page shows
    dpart.update(domprice.dom_price(sc.price, anchors, hints, related))
    if cents:
        _minor_units(priced, dpart.get("price"))
    if need_current and not dpart.get("price"):
        # An amount shown in the buy box, then in the product's wider column (a title alone in a
        # big container anchors a box of one element).
        for box in (buy_box(), areas.buy_box(anchors, _WIDE_BOX)):
            boxed = domprice.unlabelled_prices(box, hints)
            if boxed:
                dpart.update(domprice.dom_price(boxed, anchors, hints, related))
                break
        if not dpart.get("price"):
            dpart.update(domprice.dom_price(sc.price, anchors, hints, related, lone=True))
    layers.append(("dom", dpart))
    if need_current and not any(part.get("price") for _, part in layers):
        # No price shown anywhere (a script renders it): the one the page's analytics are told it views.
        viewed = script_price(sc.scripts, h1[1] if h1 else title)
        if viewed:
            layers.append(("json", {"price": parse_amount(viewed[0]),
                                    "currency": currency_code(viewed[1], hints) if viewed[1] else None}))

    rec = ProductRecord()
    sources: dict[str, str] = {}
    for field in _SCALARS:
        for source, part in layers:
            v = part.get(field)
            if v:
                setattr(rec, field, v)
                sources[field] = source
                break
    if (sources.get("name") == "microdata" and h1 is not None and h1[0].get("itemprop") == "name" and h1[1]
            and rec.name != h1[1]):
        # the heading is the markup's name itself: as the page shows it, not its textContent (eBay's hidden
        # "Details zu" before the title, a word split at its <wbr>)
        rec.name, sources["name"] = h1[1], "dom"
    if (shown == "OutOfStock" and rec.availability in _ON_SALE and sources.get("availability") == "json"
            and stock.said_only_by_disabled_buttons(sc.stock, buttons, box_anchors, related, visible)):
        # The page's state has the product in stock (a variant of it) and its one sold-out word is a disabled
        # button's: the button speaks of the variant chosen, or of none before a script chooses one (Medusa's
        # storefront serves "Out of stock" until then); the product is in stock when any variant is.
        shown = rec.availability
    if shown == "OutOfStock" and rec.availability in _ON_SALE and not (buyable and rec.availability in _ORDERABLE):
        # Markup says in stock, the page says the product is sold out: the page wins, also beside a
        # buy button left working (OpenCart keeps it; an SEO app's markup says in stock regardless).
        # Not where the markup takes it on order and the button works: "Ikke på lager hos leverandør"
        # beside "Legg i handlekurv" and a BackOrder offer is a back-order.
        rec.availability, sources["availability"] = shown, "dom"
    elif shown is None and not buyable and rec.availability in _ON_SALE and sources.get("availability") != "json":
        # Markup says in stock; the page shows neither a verdict nor a buy button (a buy box drawn by
        # script, or none for a sold-out product): the state the scripts draw from, or the page's
        # stock classes and attributes, say what the buyer meets.
        read = [part for source, part in layers if source == "json"]
        # the product's one og:availability saying sold out beside an SEO app's JSON-LD (not microdata's first
        # offer, one size's of several)
        marked_sold = next(((source, part["availability"]) for source, part in layers
                            if source == "opengraph" and part.get("availability") in SOLD_OUT), None)
        drawn = (read[0] if read else state()).get("availability") if marked_sold is None else None
        if marked_sold is not None:
            rec.availability, sources["availability"] = marked_sold[1], marked_sold[0]
        elif drawn in SOLD_OUT:
            rec.availability, sources["availability"] = drawn, "json"
        elif unshown() in SOLD_OUT:
            rec.availability, sources["availability"] = unshown(), "dom"
    elif (shown is None and buyable and "OutOfStock" in heard and rec.availability in _ON_SALE
          and sources.get("availability") != "json" and state().get("availability") in SOLD_OUT):
        # Markup says in stock and a buy button works, but the page's words say sold out where they are weaker
        # than the button (BigCommerce's "Sold Out" alert above the Add to Cart its script disables) and the
        # page's state says so too: two witnesses outweigh a markup that can be stale.
        rec.availability, sources["availability"] = state()["availability"], "json"
    elif buyable and shown in _ON_SALE and rec.availability in SOLD_OUT and sources.get("availability") != "dom":
        # Markup says sold out; the page has a working buy button and says it can be ordered
        # (a button alone is not enough: scripts often disable it after the page loads).
        rec.availability, sources["availability"] = shown, "dom"
    elif (buyable and shown is None and rec.availability in SOLD_OUT
          and sources.get("availability") in ("jsonld", "microdata")):
        # Structured data left sold out beside a working button, where both the page's state and its
        # og:availability say in stock (a stale JSON-LD): the two the shop keeps live win.
        og_says = next((part.get("availability") for source, part in layers if source == "opengraph"), None)
        drawn = state().get("availability")
        if og_says in _ON_SALE and drawn in _ON_SALE:
            rec.availability, sources["availability"] = drawn, "json"
    is_og_product = og.get("type") in ("product", "og:product", "product.item", "product.group")
    marked_up = n_products == 1 and og.get("type") in (None, "website", "article")  # a shop's generic og:type
    if not rec.brand and "brand" in missing and not printed.get("book"):
        # a breadcrumb under the shop's brands section: "Marques > Rossignol > Skis"
        rec.brand = labels.crumb_brand(crumbs or shown_crumbs(), rec.name)
        if rec.brand:
            sources["brand"] = "dom"
    if not rec.brand and "brand" in missing and not printed.get("book") and not any(s == "json" for s, _ in layers):
        # the vendor of the page's state (Shopify's analytics "var meta"), read when nothing shown names one
        rec.brand = state().get("brand")
        if rec.brand:
            sources["brand"] = "json"
    if not rec.brand and "brand" in missing and h1 is not None and not printed.get("book"):
        rec.brand = labels.name_opens_with_shop(h1[1], og.get("site_name"), url)
        if rec.brand:
            sources["brand"] = "site"
    if not rec.brand and "brand" in missing and (is_og_product or marked_up) and not printed.get("book"):
        # A product page that names no brand anywhere, from a shop that names itself: most
        # often the maker's own shop (a marketplace's og:type is its own, "etsymarketplace:item").
        # not a shop that links to brands' pages: one of many makers, none of them itself
        # nor a shop whose markup leaves its brand slot empty: a maker's own shop fills it
        blank = any(part.get("brand_blank") for _, part in layers)
        own = labels.site_brand(og.get("site_name"), url) if not (blank or brand_links()) else None
        if own:
            rec.brand, sources["brand"] = own, "site"
    # a designer printed on the maker's own shop is the person who drew it (IKEA's "Designer: K Hagberg/M
    # Hagberg"), unless the title opens with it (a boutique's "Designer: Acne Studios"); a game's publisher
    # is its maker
    beside_maker = (printed.get("brand_field") == "designer"
                    and not labels.title_opens_with(h1[1] if h1 else "", printed.get("brand")))
    if shop_named and dpart.get("brand") and not domfields.names_the_shop(dpart["brand"], site) and not (
            beside_maker and dpart["brand"] == printed.get("brand")):
        rec.brand, sources["brand"] = dpart["brand"], "dom"
    elif h1 is not None and labels.markup_brand_gives_way(markup_brand, printed.get("brand"), h1[1], root,
                                                          crumbs or shown_crumbs()):
        rec.brand, sources["brand"] = printed["brand"], "dom"
    if printed.get("book") and rec.brand:
        rec.brand = None  # an ISBN printed: the markup's "brand" is the book's author or publisher
        del sources["brand"]
    rec.brand = labels.own_shop_brand(rec.brand, url)
    if rec.brand is not None:
        rec.brand = labels.own_domain_brand(rec.brand, url)  # "Adidas.com" on adidas.com, "AliExpress.com"
        if rec.brand is None:
            del sources["brand"]
    markup_mpn = next((part["mpn"] for source, part in layers if source != "dom" and part.get("mpn")), None)
    # "Item #899100" on the page, "8991000001" in markup; unless the page prints the markup's too
    # ("Style: TW-FLX32 · SKU: TW-FLX32-M")
    if labels.page_code_wins(rec.sku, printed, markup_mpn) and not (rec.sku and labels.shows_code(root, rec.sku)):
        rec.sku, sources["sku"] = printed["sku"], "dom"
    # The id in the URL that the buy box names is the shop's own code: a better one than the
    # maker's model number the page prints (the last resort of ``labels.printed``).
    if not rec.sku or (sources.get("sku") == "dom" and rec.sku == printed.get("mpn")
                       and not printed.get("sku_labelled")):
        code = labels.url_code(url, buy_box())
        if code:
            rec.sku, sources["sku"] = code, "url"
    if not rec.sku:  # a code only the buy button's or the product block's data-sku gives
        rec.sku = attribute_value(anchors, related, SKU_ATTRIBUTE, labels.attribute_code)
        if rec.sku:
            sources["sku"] = "dom"
    if not rec.sku and h1 is not None:  # osCommerce's model in brackets under the name ("… [HV-FA40-BLK]")
        rec.sku = domfields.bracketed_code(h1[0])
        if rec.sku:
            sources["sku"] = "dom"
    # og:title usually carries shop/SEO decoration around the h1 text, markup names often carry
    # specs or the brand around it ("INNO3D - GeForce GT 1030 0dB 2GB, HDMI 2.0"), and a
    # twitter:title is a share card's caption (shortened, or the SEO title): the name is the title
    # as the page shows it, also where the og:title leaves out the brand the title opens with.
    if h1 and rec.name and h1[1] != rec.name and (
            (sources.get("name") == "opengraph" and (h1[1].lower() in rec.name.lower()
                                                     or _after_brand(h1[1], rec.name, rec.brand)
                                                     or _cut_short(h1[1], rec.name)
                                                     or _mostly_shared(h1[1], rec.name)))
            or _shown_within(h1[1], rec.name) or _cut_at_quote(h1[1], rec.name)
            or (titled and sources.get("name") == "meta" and rec.name in meta.get("twitter:title", ()))):
        rec.name, sources["name"] = h1[1], "dom"
    if rec.name and rec.brand and sources.get("name") != "dom" and rec.name.startswith(rec.brand + " ") \
            and any(domfields.maker_heading(h) and short_text(h, 80) == rec.brand for h in sc.h1s):
        # the page heads the product with its maker's own heading and shows the name apart: the
        # title's name after the maker is the product's (without the dash or colon that set them apart)
        rec.name = rec.name[len(rec.brand) + 1:].lstrip(" -–—:|·•").strip() or rec.name

    @cache
    def boxed():  # the amounts the buy box shows outside any price element (read only when asked)
        found = domprice.unlabelled_prices(buy_box(), hints)
        return domprice.dom_price(found, anchors, hints, related) if found else {}

    @cache
    def amounts_shown() -> set:  # in a price element or in the buy box's texts (read only when asked)
        return domprice.shown_amounts(chain((e for e in sc.price if not related(e)),
                                            (e for box in buy_box() for e in box.iter())), hints)

    def shows(amount) -> bool:
        """The page shows this amount; taken as shown where no heading is named like the markup's
        product (the page may be about another)."""
        return not titled or amount in amounts_shown()
    _merge_price(rec, layers, sources, hints, partial(domprice.says_vat_included, root), boxed, shows)

    for source, part in layers:
        imgs = part.get("images")
        if source in ("opengraph", "meta", "dom"):
            break
        if imgs:
            rec.images = clean_images(imgs, base)
            if rec.images:
                sources["images"] = source
                if len(rec.images) == 1:
                    # Many platforms mark up only the featured image; the gallery has the rest.
                    rec.images = add_gallery(rec.images, domfields.gallery_images(sc.gallery, related), base)
                break
    if not rec.images:
        blob_imgs = next((list(p.get("images") or []) for s, p in layers if s == "json"), [])
        first = clean_images(og.get("images") or [], base)
        more = blob_imgs + domfields.gallery_images(sc.gallery, related) + list(other.get("images") or [])
        rec.images = add_gallery(first, more, base) if first else clean_images(more, base)
        if rec.images:
            sources["images"] = "opengraph" if first else "json" if blob_imgs else "dom"

    canon = domfields.canonical(sc.links)
    if canon:
        sources["canonical_url"] = "dom"
    elif og.get("url"):
        canon, sources["canonical_url"] = og["url"], "opengraph"
    else:
        for source, part in layers:
            if part.get("url"):
                canon, sources["canonical_url"] = part["url"], source
                break
    rec.canonical_url = absolutize(canon, base) or url

    if crumbs:
        sources["breadcrumbs"] = "jsonld"
    else:
        crumbs = shown_crumbs()
        if crumbs:
            sources["breadcrumbs"] = "dom"
    rec.breadcrumbs = crumbs

    for source, part in layers:
        offers = part.get("offers")
        if offers:
            rec.offers = [_offer(o, rec.currency) for o in offers]
            break

    rec.sources = sources
    has_markup = any(s in ("jsonld", "microdata", "rdfa") for s, _ in layers)
    # Listing pages repeat a buy control per tile; a product page has one or two
    # (add to cart, buy now) plus a few hidden/retry variants.
    many_buttons = sum(1 for b in buttons if b.tag in ("button", "input", "a")) + loose_tiles >= 6
    own_box = bool(rec.name and rec.price and buttons and not many_buttons)
    # a named, priced (or stock-stating) page at a product's address ("/dp/B0…", "/products/…"): its own
    # product, however many buttons its cross-sells add (Amazon's)
    # a product's address: the page's, or the one its canonical link gives (a saved page read without its address)
    at_product = bool(_PRODUCT_PATH.search(address.path) or (
        rec.canonical_url and rec.canonical_url != url and _PRODUCT_PATH.search(urlsplit(rec.canonical_url).path)))
    own_page = bool(rec.name and (rec.price or shown) and at_product and not listing)
    if others and (is_og_product or own_box or own_page):
        rec.is_product = True  # recommendation tiles in markup, the page's own product in its buy box
    elif n_products >= 3 or (listing and n_products != 1) or (
            n_products == 0 and rec.name and _RESULTS_NAMED.search(rec.name)):
        rec.is_product = False  # (also a page headed as search results or a category's page, no product marked up)
    elif has_markup and 1 <= n_products <= 2:
        rec.is_product = True
    elif is_og_product:
        rec.is_product = True
    elif sources.get("price") == "json":
        rec.is_product = True  # page state holds a priced product named like the page
    else:
        # A sold-out page often drops its buy button and shows a stock label instead, and often
        # its price too: then its printed code or a product's address says what it is.
        rec.is_product = own_box or own_page or bool(rec.name and not many_buttons and (
            (rec.price and shown) or (shown in SOLD_OUT and (rec.sku or at_product))))
    if rec.is_product and rec.availability is None and rec.price is None and not buyable and not any(
            o.get("offer_count", 0) > 0 for _, part in layers for o in part.get("offers") or []) \
            and not stock.buy_box_loading(buttons):
        # no price anywhere, in markup or on the page, and no way to buy it, nor a count of sellers
        # offering it: a shop drops both when the product is sold out (a price only on request says
        # so in words: see stock); not a buy box a script has yet to draw (its button waits beside placeholders)
        rec.availability, sources["availability"] = "OutOfStock", "dom"
    return rec


# A heading that counts search results or numbers a category's pages ("16 results for …", "Showing 1–20 of 491
# results", "Ergebnisse für", "Page 8 of 30").
_RESULTS_NAMED = re.compile(
    r"\b\d[\d.,]*\s+(?:results?|treffer|ergebnisse|résultats|resultados|risultati|resultaten|wyników)\s+"
    r"(?:for|found|matching|für|gefunden|pour|trouvés|para|encontrados|per|trovati|voor|gevonden|dla)\b|"
    # (not "6 items per pack", "2 products for $10": a name's own words)
    r"\b\d[\d.,]*\s+(?:items?|products?)\s+(?:found|matching)\b|"
    r"\bresults? for\s+[\"'“‘]|\bshowing\s+\d+\s*[-–]\s*\d+\s+of\s+\d|"
    r"\b(?:page|seite|pagina|página|strona)\s+\d+\s+(?:of|von|de|di|van|z)\s+\d+\b", re.I)


# A product's address on the usual platforms: /products/..., /p/123, /dp/B0..., /artikel/..., /product-page/...
_PRODUCT_PATH = re.compile(r"/(?:products?|p|dp|item|items|artikel|produkt|produit|producto|prodotto|produto|"
                           r"product-page|shop/p)/[^/]", re.I)


def _offer(o: dict, fallback_currency: str | None) -> Offer:
    cur = o.get("currency") or fallback_currency
    return Offer(
        name=o.get("name"), sku=o.get("sku"), gtin=o.get("gtin"), color=o.get("color"),
        size=o.get("size"), price=format_price(o.get("price"), cur),
        regular_price=format_price(o.get("regular_price"), cur), currency=cur,
        availability=o.get("availability"), url=o.get("url"), images=o.get("images") or [],
    )


def _after_brand(shown: str, name: str, brand: str | None) -> bool:
    """The page's title is the name after the brand ("Dyson" + "Aspirateur balai V15")."""
    head, _, tail = shown.casefold().rpartition(name.casefold())
    return (brand is not None and not tail.strip() and _WORDS.findall(head) == _WORDS.findall(brand.casefold())
            and len(_WORDS.findall(name)) >= 2)


def _mostly_shared(shown: str, name: str) -> bool:
    """The og:title and the heading share most of the heading's words in a row, each with its own decoration
    around them ("<中古>マリオパーティ10 amiiboセット(状態：外箱欠品)（WiiU）" beside "WiiUソフト マリオパーティ10
    amiiboセット(状態：外箱欠品)"): the heading is the name as the page shows it."""
    a, b = " ".join(shown.casefold().split()), " ".join(name.casefold().split())
    if b in a:
        return False  # the heading's added words are a badge's or the maker's (decided above)
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= 12 and m.size >= 0.6 * len(a)


def _cut_short(shown: str, name: str) -> bool:
    """An og:title cut short before the site's name ("Vintage Omega Seamaster … 1968 | eBay") that the
    page's heading goes on from ("… 1968 Cal. 565 Stainless Steel")."""
    m = _SITE_SUFFIX.search(name)
    if m is None:
        return False
    inner, outer = _WORDS.findall(name[:m.start()].casefold()), _WORDS.findall(shown.casefold())
    return len(inner) >= 3 and len(outer) > len(inner) and outer[:len(inner)] == inner


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,40}$")


def _cut_at_quote(shown: str, name: str) -> bool:
    """A markup name cut where the shop left a quote unescaped in its attribute (`content="6" Crochet Tops"`
    reads "6"): the heading goes on from it with that quote."""
    return len(shown) > len(name) + 1 and shown.startswith(name) and shown[len(name)] in "\"'"


def _shown_within(shown: str, name: str) -> bool:
    """The page's title is a run of the markup name's words (of two or more words)."""
    inner, outer = _WORDS.findall(shown.casefold()), _WORDS.findall(name.casefold())
    if len(inner) < 2 or len(inner) > len(outer):
        return False
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _whole(amount) -> bool:
    return amount is not None and amount >= 100 and amount == amount.to_integral_value()


def _minor_units(part: dict, shown) -> None:
    """Markup and state JSON sometimes count in cents (Shopify's product JSON: "price": 4995);
    when the page shows exactly a hundredth of the amount, the layer's prices are minor units."""
    if shown and part["price"] == shown * 100:
        for key in ("price", "regular_price"):
            if part.get(key):
                part[key] = part[key] / 100


def _same_amount(markup, shown) -> bool:
    """A markup amount and one the page shows are the same price, to the cent the page rounds it to."""
    return markup is not None and shown is not None and abs(markup - shown) < Decimal("0.01")


def _merge_price(rec: ProductRecord, layers, sources: dict, hints: Hints, vat_included=lambda: False,
                 boxed=lambda: {}, shows=lambda amount: True) -> None:
    """The record's price and currency from the layers; ``boxed()`` is what the buy box shows outside
    any price element (``dom_price``'s dict), ``shows(amount)`` whether the page shows an amount."""
    chosen = None
    for source, part in layers:
        if part.get("price"):  # a zero price is a placeholder, not a price
            chosen = (source, part)
            break
    currency = None
    for source, part in ([chosen] if chosen else []) + layers:
        if part.get("currency"):
            currency = part["currency"]
            sources.setdefault("currency", source)
            break
    if chosen is None:
        rec.currency = currency if any(p.get("price") for _, p in layers) else None
        if rec.currency is None:
            sources.pop("currency", None)
        return
    src, part = chosen
    price, regular = part["price"], part.get("regular_price")
    price_src = src
    seen = False
    for source, p in layers:
        if source == src:
            seen = True
            continue
        if not seen:
            continue
        cur, reg = p.get("price"), p.get("regular_price")
        if cur is None or reg is None or cur >= reg:
            continue
        if reg == price:
            price, regular, price_src = cur, reg, source
            break
        if cur == price and regular is None:
            regular = reg
            break
    dom = next((p for source, p in layers if source == "dom"), {})
    # another markup naming another price (a stale JSON-LD beside the og:price of a shop's other market)
    other = next(((s, p) for s, p in layers if s not in (src, "dom") and p.get("price") and p["price"] != price), None)
    if price_src != "dom" and dom.get("price") and (
            part.get("high_price") and price < dom["price"] <= part["high_price"]
            or part.get("from_price") and price < dom["price"]):
        # The markup gives a range (an AggregateOffer's low and high, or the lowest of its several offers),
        # the page shows one price in it.
        price, regular, price_src = dom["price"], dom.get("regular_price"), "dom"
    elif price_src != "dom" and dom.get("net_price") == price and dom.get("price") and dom["price"] > price:
        # The markup's price is the one before VAT that the page shows beside the price a buyer pays.
        price, regular, price_src = dom["price"], dom.get("regular_price"), "dom"
    elif (price_src != "dom" and regular is None and dom.get("regular_price") is None
          and (gross := dom.get("price") or boxed().get("price")) and domprice.before_vat_of(price, gross) and vat_included()):
        # The markup's price is before VAT (a marketplace's feed); the page shows it with VAT added
        # and says its prices include it: what it shows is what a buyer pays.
        price, price_src = gross, "dom"
    elif price_src != "dom" and other and _same_amount(other[1]["price"], dom.get("price") or boxed().get("price")):
        # Two markups disagree: the one the page shows is what a buyer pays (Magento's 2384.994801 shown 2,384.99).
        price, regular, price_src = other[1]["price"], other[1].get("regular_price"), other[0]
        if other[1].get("currency"):
            currency, sources["currency"] = other[1]["currency"], other[0]
    elif price_src != "dom" and regular is None and (shown := dom if dom.get("price") else boxed()).get("price") \
            and shown["price"] != price and shown.get("currency") in (None, currency) and shows(shown["price"]) \
            and (shown.get("regular_price") == price
                 or (not shows(price) and other is None and not part.get("high_price") and not part.get("from_price"))):
        # The markup's price is the one the page strikes through as the old price, or, where one markup
        # names one price (not a range), one the page shows nowhere (a stale feed): what the buy box
        # shows, in one text and the same currency, is what a buyer pays.
        price, regular, price_src = shown["price"], shown.get("regular_price"), "dom"
    elif price_src != "dom" and currency and dom.get("price") and dom.get("currency_named") \
            and dom["currency"] != currency:
        # The page names another currency than the markup's: what it shows is what a buyer pays.
        price, regular, price_src = dom["price"], dom.get("regular_price"), "dom"
        currency = dom["currency"]
        sources["currency"] = "dom"
    if currency is None:
        currency = country_currency(hints)  # "5 999,-" on a .no shop
        if currency:
            sources["currency"] = "url"
    rec.currency = currency
    rec.price = format_price(price, currency)
    rec.regular_price = format_price(regular, currency) if regular is not None and regular > price else None
    sources["price"] = price_src
    if rec.regular_price:
        sources["regular_price"] = price_src


def _tidy_state(scripts, titles, hints) -> dict:
    """The page state's fields, its brand and codes cleaned as the markup's (a new shop's vendor "My Store")."""
    blob = blob_fields(scripts, titles, hints)
    if blob:
        labels.tidy_layers([("json", blob)])
    return blob
