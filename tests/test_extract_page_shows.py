"""What the page shows against what its markup says: markup quirks, stock shown in words and
by the buy button, and prices beside other amounts. One small page written for each case."""
from __future__ import annotations

import json
from decimal import Decimal

import re

import pytest

from street2shop.crawler.extract import extract_product
from street2shop.crawler.extract.prices import Hints, parse_price_text
from street2shop.crawler.extract.text import SOLD_OUT

URL = "https://shop.example.com/p/wool-coat"


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Wool Coat | Example Shop</title>'
            f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/brands'>All brands</a></nav></header>"
            f"<main>{body}</main><footer><p>© Example Shop</p></footer></body></html>")


def titled(title: str, body: str, lang: str = "en") -> str:
    """A page of its own <title> (no header, no footer) around `body`."""
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body>{body}</body></html>")


def ld(data, script_type: str = "application/ld+json") -> str:
    return f'<script type="{script_type}">{json.dumps(data)}</script>'


def in_buy_box(box: str, lang: str = "en"):
    """The record of a page whose product column holds the title, a price and `box`."""
    return extract_product(page(f"<div class='product-info'><h1>Wool Coat</h1>"
                                f"<div class='product-price'>€ 189,00</div>{box}</div>", lang=lang), URL)


def offer(price, availability="InStock", **more) -> dict:
    return {"@type": "Offer", "price": price, "priceCurrency": "EUR",
            "availability": f"https://schema.org/{availability}", **more}


# --- markup that is not what the page shows -----------------------------------------------

def test_product_type_in_lower_case_is_read():
    rec = extract_product(page("<h1>Wool Coat</h1>", ld({"@context": "https://schema.org", "@type": "product",
                                                         "name": "Wool Coat", "sku": "WC-100",
                                                         "offers": {**offer("189.00"), "@type": "offer"}})), URL)
    assert (rec.is_product, rec.sku, rec.price, rec.currency, rec.availability) == (
        True, "WC-100", "189.00", "EUR", "InStock")


def test_a_markup_name_cut_at_an_unescaped_quote_gives_way_to_the_heading():
    # the shop wrote an inch mark into a double-quoted attribute: parsers (and browsers) stop there
    body = ("<div itemscope itemtype='http://schema.org/Product'><meta itemprop=\"name\" content=\"12 PACK - 6\" "
            "Crochet Tops - Assortment Pack\"><h1 itemprop='name' class='product-single__title'>12 PACK - 6\" Crochet "
            "Tops - Assortment Pack</h1><span class='price'>$19.99</span><button class='add-to-cart'>Add to cart"
            "</button></div>")
    assert extract_product(page(body), URL).name == '12 PACK - 6" Crochet Tops - Assortment Pack'


@pytest.mark.parametrize("written, code", [("บาท", "THB"), ("руб", "RUB"), ("грн", "UAH")])
def test_a_markup_currency_written_in_the_shops_language_is_its_code(written, code):
    data = {"@type": "Product", "name": "Wool Coat", "offers": {**offer("1990.00"), "priceCurrency": written}}
    assert extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL).currency == code


def test_a_makers_own_heading_above_the_name_shown_apart():
    # the h1 is the maker's (named so by its test id), the name a line below; the og:title gives both and
    # the shop's name after a bullet
    html = ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Acme Wool Coat met riem • "
            "Example Shop</title><meta property='og:title' content='Acme Wool Coat met riem • Example Shop'></head>"
            "<body><main><div class='product-info'><h1 itemprop='name' data-at='brand_desktop'><a href='/acme'>Acme"
            "</a></h1><p>Wool Coat met riem</p><span class='price'>€ 189,00</span><button class='add-to-cart'>"
            "In winkelmand</button></div></main></body></html>")
    rec = extract_product(html, "https://www.exampleshop.nl/acme-wool-coat-met-riem-4549010000")
    assert (rec.brand, rec.name) == ("Acme", "Wool Coat met riem")


def test_an_og_title_loses_the_shops_name_written_without_its_domains_ending():
    head = ("<meta property='og:site_name' content='Example.com'>"
            "<meta property='og:title' content='Erkek Lacivert Kemer | Example'>")
    body = "<div class='product-info'><span class='price'>189,99 TL</span><button class='add-to-cart'>Sepete Ekle</button></div>"
    assert extract_product(page(body, head, lang="tr"), URL).name == "Erkek Lacivert Kemer"


def test_json_ld_in_a_script_typed_application_json_ld():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "sku": "WC-100",
            "offers": offer("189.00")}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(data, "application/json-ld")), URL)
    assert (rec.sku, rec.price, rec.sources.get("price")) == ("WC-100", "189.00", "jsonld")


def test_product_id_key_is_the_code():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "productId": "88213",
            "offers": offer("189.00")}
    assert extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL).sku == "88213"
    # the product's barcode written again as its "productId" (Shopify themes) is no shop code
    data.update(productId="196214129214", gtin12="196214129214")
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL)
    assert (rec.sku, rec.gtin) == (None, "196214129214")
    # Shopify themes' "productID" is the platform's record number: the one offer's own sku is the code
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Kombucha Tea Essence",
            "productID": "6999714332862", "offers": offer("26.00", sku="DRCE-ESS-VEG-150")}
    assert extract_product(page("<h1>Kombucha Tea Essence</h1>", ld(data)), URL).sku == "DRCE-ESS-VEG-150"
    # several sizes' codes: the product's own id names the product
    data["offers"] = [offer("26.00", sku="AB-1120-S"), offer("26.00", sku="AB-1120-M")]
    data["productID"] = "AB-1120"
    assert extract_product(page("<h1>Kombucha Tea Essence</h1>", ld(data)), URL).sku == "AB-1120"


def test_one_product_node_per_size_is_one_product_in_stock_when_any_size_is():
    nodes = [{"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "color": "Navy",
              "size": size, "sku": f"WC-100-{size}", "brand": {"@type": "Brand", "name": "Nordvik"},
              "offers": offer("189.00", stock)}
             for size, stock in (("S", "OutOfStock"), ("M", "InStock"), ("L", "OutOfStock"))]
    body = ("<h1>Wool Coat</h1><p class='product-code'>Product code: WC-100</p>"
            "<button class='add-to-cart'>Add to bag</button>")
    rec = extract_product(page(body, "".join(ld(n) for n in nodes)), URL)
    assert rec.is_product, "per-size nodes of one product are not a listing"
    assert (rec.availability, rec.price, rec.brand) == ("InStock", "189.00", "Nordvik")
    assert rec.sku == "WC-100"  # the code printed for the product, not one size's
    assert [o.size for o in rec.offers] == ["S", "M", "L"]


def test_products_of_one_group_are_one_product():
    nodes = [{"@context": "https://schema.org", "@type": "Product", "name": f"Wool Coat {colour}",
              "inProductGroupWithID": "WC-100", "color": colour, "offers": offer("189.00")}
             for colour in ("Navy", "Camel", "Black")]
    rec = extract_product(page("<h1>Wool Coat</h1>", "".join(ld(n) for n in nodes)), URL)
    assert rec.is_product and rec.sku == "WC-100" and len(rec.offers) == 3


def test_products_an_offer_sells_are_sizes_of_one_product():
    node = {"@context": "https://schema.org", "@type": "Product", "name": "Slim Chino", "sku": "CH-22",
            "offers": [{**offer("59.95"), "itemOffered": {"@type": "Product", "sku": f"CH-22-{w}{l}"}}
                       for w, l in ((30, 32), (32, 32), (32, 34), (34, 34))]}
    rec = extract_product(page("<h1>Slim Chino</h1>", ld(node)), URL)
    assert rec.is_product, "the products an offer sells are its sizes, not a listing"
    assert (rec.sku, rec.price) == ("CH-22", "59.95")


def test_a_carousel_repeating_its_tiles_does_not_hide_the_pages_product():
    # Each tile is marked up once per carousel copy: same-name nodes, but other products.
    main = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    tiles = [{"@context": "https://schema.org", "@type": "Product", "name": name, "offers": offer(price)}
             for name, price in (("Wool Coat Brush", "12.00"), ("Linen Shirt", "49.00")) for _ in range(2)]
    rec = extract_product(page("<h1>Wool Coat</h1>", "".join(ld(n) for n in tiles + [main])), URL)
    assert (rec.name, rec.price) == ("Wool Coat", "189.00")


def test_three_different_products_are_still_a_listing():
    nodes = [{"@context": "https://schema.org", "@type": "Product", "name": name, "offers": offer("50.00")}
             for name in ("Wool Coat", "Linen Shirt", "Denim Jacket")]
    assert not extract_product(page("<h1>Outerwear</h1>", "".join(ld(n) for n in nodes)), URL).is_product


def test_the_pages_own_product_beside_three_recommended_ones_in_markup_is_a_product_page():
    # loose Product nodes, no ItemList: the one named like the heading, with its buy box, is the page's
    main = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "sku": "WC-1",
            "offers": offer("189.00", "OutOfStock")}
    tiles = [{"@context": "https://schema.org", "@type": "Product", "name": f"Scarf {i}", "offers": offer("20.00")}
             for i in range(3)]
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body, ld([main] + tiles)), URL)
    assert (rec.is_product, rec.sku, rec.availability) == (True, "WC-1", "OutOfStock")
    # the same markup on a category page (its heading names none of them, no buy box of its own) is a listing
    assert not extract_product(page("<h1>Accessories</h1>", ld([main] + tiles)), URL).is_product


def test_a_named_priced_page_at_a_products_address_is_a_product_whatever_its_cross_sells_add():
    # no markup, and a strip of cross-sells each with its own button (Amazon's): the address says product
    tiles = "".join(f"<li class='tile'><a href='/dp/B0{i}'>Cable {i}</a><span class='price'>$9.9{i}</span>"
                    f"<button class='add-to-cart'>Add to cart</button></li>" for i in range(8))
    body = (f"<div id='centerCol'><h1 id='title'>Wool Coat</h1><span class='price'>$189.00</span></div>"
            f"<div class='bought-together'><ul>{tiles}</ul></div>")
    assert extract_product(page(body), "https://shop.example.com/Wool-Coat/dp/B0ABCDEF12").is_product
    # the same page at a search's address is a listing of results
    assert not extract_product(page(body), "https://shop.example.com/s?k=wool+coat").is_product


@pytest.mark.parametrize("name, n", [("Frequently bought together", 3), ("Zubehör", 2)])
def test_a_list_of_other_products_beside_the_pages_product_is_no_listing(name, n):
    # a recommendation list, or one too short to be a listing page's, marked up before the product
    items = [{"@type": "ListItem", "position": i, "item": {"@type": "Product", "name": f"Scarf {i}",
                                                            "offers": offer("29.00")}} for i in range(n)]
    listed = {"@context": "https://schema.org", "@type": "ItemList", "name": name, "itemListElement": items}
    main = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(listed) + ld(main)), URL)
    assert (rec.is_product, rec.name, rec.price) == (True, "Wool Coat", "189.00")


@pytest.mark.parametrize("shown, price", [("$129.00", "129.00"),  # the variant the page shows
                                          ("From $99.00", "99.00"), ("$149.00", "99.00")])  # outside the range
def test_an_aggregate_offers_range_and_the_one_price_the_page_shows(shown, price):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "AggregateOffer", "lowPrice": "99.00", "highPrice": "129.00", "priceCurrency": "USD"}}
    body = f"<h1>Wool Coat</h1><p class='price'>{shown}</p><button class='add-to-cart'>Add to cart</button>"
    assert extract_product(page(body, ld(data)), URL).price == price


@pytest.mark.parametrize("shown, price", [("4,680円", "4680"), ("3,090円", "3090"), ("5,200円", "3090")])
def test_offers_at_several_prices_and_the_one_the_page_shows(shown, price):
    # used copies in several conditions, the page's buy box showing the one it sells first
    offers = [{"@type": "Offer", "price": p, "priceCurrency": "JPY", "itemCondition": "https://schema.org/UsedCondition",
               "availability": "https://schema.org/InStock"} for p in ("4680", "3740", "3090")]
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Mario Kart Live", "offers": offers}
    body = f"<h1>Mario Kart Live</h1><p class='price'>{shown}</p><button class='add-to-cart'>カートに入れる</button>"
    assert extract_product(page(body, ld(data)), URL).price == price


def test_offer_level_sku_when_the_product_has_none():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", sku="WC-100")}
    assert extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL).sku == "WC-100"


def test_a_sold_out_size_with_a_lower_price_is_not_the_price():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": [offer("149.00", "OutOfStock", sku="WC-100-XS"), offer("189.00", sku="WC-100-M")]}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL)
    assert (rec.price, rec.availability, rec.sku) == ("189.00", "InStock", "WC-100-M")


# --- availability shown only in words or by the buy button ---------------------------------

@pytest.mark.parametrize("code, url, is_product", [
    ("<p>SKU: WC-100</p>", "https://shop.example.com/wool-coat", True),  # its printed code
    ("", "https://shop.example.com/products/wool-coat", True),  # a product's address
    ("", "https://shop.example.com/blog/wool-coat", False),
])
def test_a_sold_out_page_that_no_longer_shows_its_price(code, url, is_product):
    body = f"<h1>Wool Coat</h1><p class='availability'>Sold out</p>{code}"
    rec = extract_product(page(body), url)
    assert (rec.availability, rec.price, rec.is_product) == ("OutOfStock", None, is_product)


@pytest.mark.parametrize("box, lang", [
    ("<div id='availability'><span class='a-color-price'>Currently unavailable.</span> We don't know when or if "
     "this item will be back in stock.</div>", "en"),
    ("<p class='disp'>Prodotto non disponibile</p>", "it"),
    ("<div class='delivery-info'>Nicht lieferbar</div>", "de"),
    ("<div class='product-actions'><button class='btn' disabled>Sold out</button></div>", "en"),
    ("<p class='inventory'>At our store: <span class='count'>Sold Out</span></p>", "en"),
    # an in-stock word turned around by a negation before it
    ("<p class='delivery'>Dieser Artikel ist leider nicht mehr verfügbar</p>", "de"),
    ("<p class='estado'>Este producto no está disponible</p>", "es"),
    ("<div class='product-status'>This item is not currently available</div>", "en"),
    ("<p class='info'>Produsul nu este în stoc</p>", "ro"),
    ("<span class='status'>Momentálně nedostupné</span>", "cs"),
    ("<span class='status'>Tillfälligt slut</span>", "sv"),
    ("<span class='status'>販売終了</span>", "ja"),
    # the sale's period over, a pre-order's taking closed
    ("<div class='purchase-area'><p class='stock-status'>Sales period has ended</p></div>", "en"),
    ("<span class='status'>販売期間は終了しました</span>", "ja"), ("<span class='status'>予約受付終了</span>", "ja"),
    # a label whose own word holds an in-stock word ("Verfügbar" in "Verfügbarkeit")
    ("<p>Verfügbarkeit: nicht lieferbar</p>", "de"),
    # a count of none
    ("<span class='stock-level'>0 auf Lager</span>", "de"),
    ("<p class='inventory'>In stock: 0</p>", "en"),
    ("<p>Availability: 0 pcs</p>", "en"), ("<p>Inventory: None</p>", "en"),
    ("<p>Available quantity: 0</p>", "en"), ("<p>Units available: 0</p>", "en"),
    # a count of none in the cell after its label
    ("<table><tr><th>Skladem:</th><td class='stock stock--0'>0 ks</td></tr></table>", "cs"),
    ("<dl><dt>Quantity available</dt><dd class='qty'>0</dd></dl>", "en"),
    # a link that opens the stock dialog is no dialog
    ("<div class='modal-stock-web pointer stock stock-9'><span>Rupture</span></div>", "fr"),
    # a marketplace's listing paused or its sale ended
    ("<div class='andes-message__text'>Anúncio pausado</div>", "pt"), ("<p class='x1'>Sprzedaż zakończona</p>", "pl"),
    ("<p class='x1'>Ta oferta jest już niedostępna</p>", "pl"), ("<p class='x1'>Sprzedaż zakończyła się</p>", "pl"),
    ("<div class='delivery-status'>Ej tillgänglig för leverans online</div>", "sv"),
    # a pre-order with none left to take
    ("<p class='status'>Pre-orders sold out.</p><button class='btn' disabled>Pre-order sold out</button>", "en"),
    ("<span class='status'>Awaiting restock</span>", "en"), ("<span class='status'>Loppu varastosta</span>", "fi"),
    ("<span class='status'>Nedostupno</span>", "hr"), ("<span class='status'>Terjual habis</span>", "id"),
    ("<span class='status'>Habis stok</span>", "id"), ("<button class='btn' disabled>Me avise quando chegar</button>", "pt"),
    # a short first sentence states it, the rest is prose
    ("<p class='notice'><strong>Op dit moment is de Wollen Jas uitverkocht! Houd onze winkels en website dit "
     "najaar in de gaten voor alles over de nieuwe collectie.</strong></p>", "nl"),
    # in the shop's own content slot (HCL Commerce's "contentRecommendationWidget"), not a recommendation
    ("<div class='contentRecommendationWidget'><p>Currently sold out! Keep an eye on our shops and website this "
     "autumn for news of the next delivery.</p></div>", "en"),
    # a buy form whose submit control says it
    ("<form action='/cart/add' method='post'><input type='submit' value='Sold Out' disabled></form>", "en"),
    # a control, a picture or a labelled value that says it
    ("<input type='button' class='btn' value='Out of stock' disabled>", "en"),
    ("<div class='status'><img src='/img/soldout.png' alt='Sold out'></div>", "en"),
    ("<p><strong>Availability:</strong> Out of stock</p>", "en"),
    ("<p>Condition: New<br>Status: Sold out</p>", "en"),
    ("<p class='shipping-note'><span class='indicator bg-danger'></span>Nicht mehr verfügbar</p>", "de"),
    ("<ul><li><b>Lagerbestand:</b> 0</li></ul>", "de"),
    # "availability" in the shop's language with a count of none, a cross as Japanese shops mark none
    ("<p>Dostępność: 0 szt.</p>", "pl"), ("<p>Наличие: 0 шт.</p>", "ru"), ("<p>Disponibilité : 0</p>", "fr"),
    ("<p class='zaiko'>在庫：×</p>", "ja"), ("<table><tr><th>在庫</th><td>×</td></tr></table>", "ja"),
    # a stock element's count alone, at none
    ("<p class='stock'>0 pcs</p>", "en"), ("<span class='stan-magazynowy'>0 szt.</span>", "pl"),
    # stock labels in more languages, so that their values are the product's (not another field's)
    ("<p>Zaloga: Ni na zalogi</p>", "sl"), ("<p>Pieejamība: nav pieejams</p>", "lv"), ("<p>Laoseis: 0</p>", "et"),
    ("<p>Prieinamumas: nėra</p>", "lt"), ("<p>उपलब्धता: स्टॉक में नहीं</p>", "hi"),
    ("<p>Availability status: Out of stock</p>", "en"), ("<p>Bestand: ausverkauft</p>", "de"),
    ("<p>Statut : Épuisé</p>", "fr"), ("<p>Situação: Esgotado</p>", "pt"),
    # "none" before the in-stock words, or the negation after them as Turkish puts it
    ("<p class='stock'>אין במלאי</p>", "he"), ("<p class='stock'>Ingen på lager</p>", "no"),
    ("<p class='stock'>Inga i lager</p>", "sv"), ("<p class='stock'>Stokta değil</p>", "tr"),
    ("<p class='stock'>Non in magazzino</p>", "it"), ("<p class='stock'>Товар відсутній</p>", "uk"),
    ("<p class='stock'>現在販売していません</p>", "ja"), ("<p class='stock'>Không có sẵn</p>", "vi"),
    ("<div class='pdp-message'><strong>We're sorry.</strong> This product is no longer available for purchase "
     "online. Please check out similar items below.</div>", "en"),
    # a waiting list in place of the buy button, a return announced
    ("<button class='btn-secondary'>Join the waitlist</button>", "en"),
    ("<p class='product-status'>Back soon</p>", "en"),
    ("<p>Bald wieder verfügbar</p>", "de"),
    ("<p class='launch'>Coming soon</p><button class='add-to-cart' disabled>Add to cart</button>", "en"),
    # a one-off item sold, an ended listing
    ("<span class='badge'>Sold</span>", "en"),
    ("<div class='notice'>This listing was ended by the seller because the item is no longer available.</div>",
     "en"),
])
def test_out_of_stock_shown_only_in_words(box, lang):
    rec = in_buy_box(box, lang)
    assert rec.availability == "OutOfStock"


@pytest.mark.parametrize("said", ["Free returns available", "Similar items in stock", "Also available in blue",
                                  "In stock at 3 stores", "Available on the app", "Other colours available",
                                  "Available payment methods", "Available in: Black, Navy", "Available in-store only",
                                  "In den Filialen verfügbar", "Ähnliche Artikel auf Lager", "Disponibile anche in blu",
                                  "다른 색상 재고 있음"])
def test_in_stock_words_said_of_other_things_leave_sold_out_markup_standing(said):
    # a page that says the product can be ordered outweighs sold-out markup; these say it of something else
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", "OutOfStock")}
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            f"<p class='availability-note'>{said}</p><button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"
    shown = body.replace(said, "In stock")
    assert extract_product(page(shown, ld(data)), URL).availability == "InStock"


@pytest.mark.parametrize("said", ["Last years Pop! Mini Advent Calendar sold out globally",
                                  "Das Vorjahresmodell war schnell ausverkauft"])
def test_last_years_edition_sold_out_says_nothing_of_this_one(said):
    # a pre-order whose description recalls how fast last year's edition went: the markup's pre-order stands
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Advent Calendar 2019",
            "offers": offer("49.99", "PreOrder")}
    body = ("<div class='product-info'><h1>Advent Calendar 2019</h1><div class='product-price'>€ 49,99</div>"
            "<button class='productAddToBasket productAddToBasket-preOrder' disabled>Pre-order Now</button>"
            f"<div class='productDescription'><ul><li>Limited quantity worldwide</li><li>{said}</li></ul></div></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "PreOrder"


@pytest.mark.parametrize("line, lang", [("In stock from 12 March", "en"), ("Ab 12.03. auf Lager", "de"),
                                        ("Disponible à partir du 12/03", "fr"), ("Skladem od 12. 3.", "cs"),
                                        ("Leverbaar vanaf 12 maart", "nl"), ("В наличии с 12 марта", "ru")])
def test_in_stock_only_from_a_date_is_not_in_stock_now(line, lang):
    # as "Coming soon": sold out where no buy button works, a pre-order where one does
    assert in_buy_box(f"<p class='stock'>{line}</p>", lang).availability in SOLD_OUT
    assert in_buy_box(f"<p class='stock'>{line}</p><button class='add-to-cart'>Add to cart</button>",
                      lang).availability == "InStock"


@pytest.mark.parametrize("line, lang", [("Available from 12.99", "en"), ("Disponible dès 49 €", "fr"),
                                        ("Auf Lager ab 3 Stück", "de")])
def test_a_price_or_a_count_after_in_stock_words_is_no_date(line, lang):
    assert in_buy_box(f"<p class='stock'>{line}</p>", lang).availability not in SOLD_OUT


@pytest.mark.parametrize("line, lang", [("No shipping fees – In stock", "en"), ("Pas de frais, en stock", "fr"),
                                        ("Keine Versandkosten – auf Lager", "de"), ("Ingen ventetid, på lager", "da")])
def test_a_negation_in_another_clause_does_not_turn_in_stock_around(line, lang):
    assert in_buy_box(f"<p class='stock'>{line}</p><button class='add-to-cart'>Add to cart</button>",
                      lang).availability == "InStock"


@pytest.mark.parametrize("line, lang", [("<p>Availability: <span class='red'>Out of stock</span></p>", "en"),
                                        ("<li>Lagerstatus: <b>Ausverkauft</b></li>", "de"),
                                        ("<p>Availability: <span class='dot red'>●</span> 0 pcs</p>", "en")])
def test_a_stock_label_holding_its_value_in_an_element_outweighs_a_working_button(line, lang):
    # the label is the line's own text, the value the element inside it: one statement, as a label cell's
    rec = in_buy_box(f"{line}<button class='add-to-cart'>Add to cart</button>", lang)
    assert rec.availability == "OutOfStock"
    shown = line.replace("Out of stock", "In stock").replace("Ausverkauft", "Auf Lager").replace("0 pcs", "12 pcs")
    assert in_buy_box(f"{shown}<button class='add-to-cart'>Add to cart</button>", lang).availability == "InStock"
    assert rec.is_product, "a sold-out page without a buy button is still a product page"


@pytest.mark.parametrize("line", [
    "<div class='row'><div class='col-4'>Availability</div><div class='col-8'>Out of stock</div></div>",
    "<ul><li><span>Stock:</span> <span>Sold out</span></li></ul>",
    "<div><label>Availability:</label><!-- value --><span>Out of stock</span></div>",
    "<div class='info'><span>Availability</span><br><span>Out of stock</span></div>",
])
def test_a_stock_label_in_the_element_before_its_value_outweighs_a_working_button(line):
    # laid out without a table: the label's element, then the value's, are one statement as a label cell's
    assert in_buy_box(f"{line}<button class='add-to-cart'>Add to cart</button>").availability == "OutOfStock"
    shown = line.replace("Out of stock", "In stock").replace("Sold out", "In stock")
    assert in_buy_box(f"{shown}<button class='add-to-cart'>Add to cart</button>").availability == "InStock"
    # another subject's label is no stock label ("Store pick-up")
    other = line.replace("Availability", "Store pick-up").replace("Stock:", "Pick-up:")
    assert in_buy_box(f"{other}<button class='add-to-cart'>Add to cart</button>").availability == "InStock"


@pytest.mark.parametrize("text, lang", [
    ("Victime de son succès", "fr"), ("Hors stock", "fr"), ("Out of print", "en"), ("None left", "en"),
    ("Nicht mehr im Sortiment", "de"), ("Zur Zeit nicht am Lager", "de"), ("Produkt wyprzedane", "pl"),
    ("Nie je skladom", "sk"), ("Vypredané", "sk"), ("Nem elérhető", "hu"), ("Produs epuizat", "ro"),
    ("Нет на складе", "ru"), ("Распродан", "ru"), ("Satışta değil", "tr"), ("入荷待ち", "ja"), ("补货中", "zh"),
    ("補貨中", "zh-TW"), ("نفذت الكمية", "ar"), ("غير متاح", "ar"), ("לא במלאי", "he"),
    ("Ikke tilgængelig", "da"), ("Nema na zalihi", "hr"), ("Rasprodano", "hr"), ("Ni na zalogi", "sl"),
    ("Izpārdots", "lv"), ("Išparduota", "lt"), ("Läbi müüdud", "et"), ("Изчерпан", "bg"), ("No hay stock", "es"),
    ("Edición agotada", "es"),
    ("No longer stocked", "en"), ("Not sold online", "en"), ("Nicht mehr bestellbar", "de"),
    ("Artikel kann nicht bestellt werden", "de"), ("Kein Bestand", "de"), ("Nicht an Lager", "de-CH"),
    ("Plus de stock", "fr"), ("Sem stock", "pt-PT"), ("Fora de stock", "pt-PT"), ("Nu este disponibil", "ro"),
    ("Není dostupné", "cs"), ("Nincs készleten", "hu"), ("Brak na stanie", "pl"),
    ("Εκτός αποθέματος", "el"),  # a final sigma, casefolded like the page's text
    ("Stok kosong", "id"), ("ناموجود", "fa"), ("Only 0 left!", "en"), ("Nur noch 0 übrig", "de"),
    ("স্টক শেষ", "bn"), ("Бұл тауар қазір сатылымда жоқ", "kk"), ("ပစ္စည်းကုန်သွားပါပြီ", "my"),
    ("არ არის მარაგში", "ka"), ("Stokda yoxdur", "az"), ("Uppselt", "is"), ("Esgotat", "ca"), ("Allan o stoc", "cy"),
    ("Artikel kann derzeit nicht gekauft werden", "de"), ("Sin fecha de entrada", "es"), ("NOT FOR SALE", "en"),
    ("Reserviert", "de"), ("Reservado", "es"), ("Réservé", "fr"),
    ("This item cannot be purchased", "en"),
    # cannot be bought or ordered (now, online)
    ("Artikel kann nicht online gekauft werden", "de"), ("Kann derzeit nicht bestellt werden", "de"),
    ("Ce produit ne peut pas être commandé", "fr"), ("Questo prodotto non può essere acquistato", "it"),
    ("Dit product kan niet besteld worden", "nl"), ("Nie można kupić", "pl"), ("Немає в продажу", "uk"),
    # a one-off item's sold badge, or its sentence with the bare noun as the subject
    ("Продано", "ru"), ("Satıldı", "tr"), ("판매완료", "ko"), ("Товар продан.", "ru"), ("Item sold.", "en"),
    ("Artikel verkauft!", "de"), ("Продавец снял объявление с публикации.", "ru"),
    ("Produkten har utgått och går inte längre att köpa.", "sv"), ("Udgået – forhandles ikke længere", "da"),
    ("Распродато", "sr"), ("Овај производ тренутно није на стању", "sr"), ("Δεν κυκλοφορεί πλέον", "el"),
    # ro without its diacritic, et, ms
    ("Nu este in stoc", "ro"), ("Ei ole saadaval", "et"), ("Ei ole laos", "et"), ("Tiada stok", "ms"),
    ("入荷未定", "ja"), ("재고가 없습니다", "ko"), ("현재 판매하지 않는 상품입니다", "ko"), ("停售", "zh"), ("没有现货", "zh"),
    ("Sementara habis", "id"), ("입고 예정", "ko"), ("Sắp về hàng", "vi"), ("Niet meer verkrijgbaar", "nl"),
    ("Not orderable", "en"), ("Restock pending", "en"), ("Sale pending", "en"), ("Rasprodan", "hr"),
    # no date it can be delivered; out of the catalogue
    ("Liefertermin: unbekannt", "de"), ("Kein Liefertermin", "de"), ("Delivery date unknown", "en"),
    ("Fuera de catálogo", "es"), ("Fuori catalogo", "it"), ("Нема на складе", "sr"),
])
def test_out_of_stock_phrases_across_languages(text, lang):
    assert in_buy_box(f"<p class='product-status'>{text}</p>", lang).availability == "OutOfStock"


@pytest.mark.parametrize("button, lang", [
    ("Notify when available", "en"), ("Get notified", "en"), ("Email when available", "en"), ("Remind me", "en"),
    ("Meld mij als het weer op voorraad is", "nl"), ("Binnenkort leverbaar", "nl"), ("Me prévenir", "fr"),
    ("Avisarme cuando esté disponible", "es"), ("Notificarme", "es"), ("More on the way", "en"),
    ("Available soon", "en"), ("Értesítést kérek", "hu"), ("Gelince haber ver", "tr"), ("Obavijesti me", "hr"),
    ("Gi meg beskjed", "nb"), ("Meddela mig", "sv"), ("Повідомити про наявність", "uk"), ("再入荷のお知らせ", "ja"),
    ("موجود شد به من خبر بده", "fa"), ("Email when in stock", "en"), ("Register interest", "en"),
    ("Get in-stock alert", "en"), ("Auto Notify", "en"), ("Sign up for stock alerts", "en"),
])
def test_a_notify_button_in_place_of_the_buy_button_is_sold_out(button, lang):
    # "available", "op voorraad" inside the offer to notify are no in-stock statement
    assert in_buy_box(f"<button class='btn notify'>{button}</button>", lang).availability == "OutOfStock"
    assert in_buy_box(f"<button class='btn notify'>{button}</button><button class='add-to-cart'>Add to cart</button>",
                      lang).availability == "InStock"


@pytest.mark.parametrize("box", ["<p class='stock-level'>12 in stock</p>", "<p class='stock'>1.234 auf Lager</p>",
                                 "<p class='availability'>In stock, ships in 0-2 days</p>",
                                 "<table><tr><th>Skladem:</th><td class='stock'>12 ks</td></tr></table>"])
def test_a_count_in_stock_is_in_stock(box):
    rec = in_buy_box(box)
    assert rec.availability == "InStock"


@pytest.mark.parametrize("box, lang", [
    ("<ul class='list-unstyled'><li>Наявність: Немає в наявності</li></ul>", "uk"),  # OpenCart leaves the button
    ("<ul><li>Stok Durumu: Tükendi</li></ul>", "tr"), ("<p>Διαθεσιμότητα: Εξαντλήθηκε</p>", "el"),
])
def test_a_labelled_sold_out_value_in_the_shops_language_beside_a_working_button(box, lang):
    assert in_buy_box(box + "<button id='button-cart'>Add to cart</button>", lang).availability == "OutOfStock"


@pytest.mark.parametrize("status, availability", [("DELETED", "OutOfStock"), ("Withdrawn", "OutOfStock"),
                                                  ("In print", None), ("Deleted scenes", None)])
def test_a_status_row_naming_a_title_no_longer_made(status, availability):
    # a record shop's "Status: Deleted" (the label deleted the title), the value in a span of its cell
    box = (f"<table class='info'><tr><td><b>Format:</b></td><td>LP</td></tr><tr><td><b>Status:</b></td>"
           f"<td><span class='status'>{status}</span></td></tr></table>"
           "<a href='/wants.php?add=1'><img src='/img/btn_want.gif' alt='Add to Want List'></a>")
    assert in_buy_box(box).availability == availability


def test_an_empty_stock_badge_says_it_in_its_tooltip():
    box = "<span class='stock-indicator stock-indicator--red' title='Nicht auf Lager'></span>"
    assert in_buy_box(box, "de").availability == "OutOfStock"
    assert in_buy_box(box.replace("Nicht auf Lager", "Auf Lager") + "<button>In den Warenkorb</button>",
                      "de").availability == "InStock"


def test_a_stock_badge_around_an_icon_says_it_in_its_tooltip():
    box = ("<span class='c-availability-indicator' title='Out of stock' aria-label='Out of stock'>"
           "<i class='dot dot--red'></i></span><button class='btn c-btn--icon' disabled><svg></svg></button>")
    assert in_buy_box(box, "en").availability == "OutOfStock"
    # a badge with words of its own says them, not its tooltip
    worded = box.replace("<i class='dot dot--red'></i>", "<i class='dot'></i> In stock").replace(" disabled", "")
    assert in_buy_box(worded, "en").availability == "InStock"


def test_a_stock_line_whose_dot_says_it_in_its_tooltip():
    # the line is classed for stock, the coloured dot inside it carries the words
    box = ("<div class='availability'><span class='dot dot-red' title='Nicht verfügbar'></span></div>"
           "<button class='btn'>In den Warenkorb</button>")
    assert in_buy_box(box, "de").availability == "OutOfStock"
    assert in_buy_box(box.replace("Nicht verfügbar", "Sofort lieferbar"), "de").availability == "InStock"


@pytest.mark.parametrize("row, lang", [
    ("<tr><th>在庫数</th><td>在庫数：0</td></tr>", "ja"), ("<tr><th>재고</th><td>재고: 0</td></tr>", "ko"),
    ("<tr><th>在庫</th><td>在庫：なし</td></tr>", "ja"),
])
def test_a_stock_count_of_none_in_a_spec_row(row, lang):
    box = f"<table class='item-table'>{row}</table><button class='cart'>カートに入れる</button>"
    assert in_buy_box(box, lang).availability == "OutOfStock"


def test_a_disabled_button_with_a_note_that_the_shop_cannot_sell_it():
    box = "<button class='hm-btn-cart' disabled>カートに入れる</button> <span class='note'>※現在お取り扱いできません</span>"
    assert in_buy_box(box, "ja").availability == "OutOfStock"


@pytest.mark.parametrize("attributes, availability", [
    ("aria-disabled='true' aria-label='Sold out'", "OutOfStock"), ("disabled aria-label='Ausverkauft'", "OutOfStock"),
    ("aria-label='Sold out'", "InStock"),  # enabled: its screen-reader words are a template's
])
def test_a_disabled_buy_button_that_screen_readers_hear_as_sold_out(attributes, availability):
    assert in_buy_box(f"<button class='add-to-cart' {attributes}>Add to Cart</button>").availability == availability


@pytest.mark.parametrize("box, availability", [
    ("<button class='add-to-cart' disabled>In den Warenkorb</button><input type='number' name='qty' disabled>",
     "OutOfStock"),
    ("<div class='product-form'><button class='btn' aria-disabled='true'>Add to cart</button></div>", "OutOfStock"),
    # a size to choose first: scripts disable the button until one is
    ("<select name='size'><option value=''>Size</option><option value='s'>S</option></select>"
     "<button class='add-to-cart' disabled>Add to Cart</button>", None),
    ("<div class='swatches'><span>S</span><span>M</span></div><button class='add-to-cart' disabled>Add to Cart</button>",
     None),
    ("<ul class='sc-x1 Qz' role='radiogroup'><li><button>S</button></li><li><button>M</button></li></ul>"
     "<button class='add-to-cart' disabled>Add to Cart</button>", None),  # a group of sizes by its role
    # how many to buy is nothing to choose first
    ("<select name='quantity'><option>1</option><option>2</option></select>"
     "<button class='add-to-cart' disabled>Add to Cart</button>", "OutOfStock"),
    # the sizes drawn by a template the page carries (OTTO's mustache picker, its target served empty)
    ("<script id='prd_dimensionsSelection' type='x-tmpl-mustache'><select class='prd_form__select'>{{#values}}"
     "<option>{{value}}</option>{{/values}}</select></script><div id='js_prd_dimensionsSelectionTarget'></div>"
     "<form action='/order/addToBasket'><button class='js_product_addToBasket' disabled type='submit'>In den "
     "Warenkorb</button></form>", None),
])
def test_a_buy_button_served_disabled_with_nothing_to_choose_first(box, availability):
    assert in_buy_box(box).availability == availability
    # what the markup says comes first: a script may disable the button while it loads
    marked = page(ld({"@type": "Product", "name": "Wool Coat", "offers": offer("189.00")})
                  + f"<div class='product-info'><h1>Wool Coat</h1>{box}</div>")
    assert extract_product(marked, URL).availability == "InStock"


def test_a_headings_font_size_class_is_no_size_picker():
    # CSS modules' "styles_fontSize2__xNlIo" on the title: nothing to choose before the disabled button
    body = ("<h1 class='styles_ndsHeading__V2MIZ styles_fontSize2__xNlIo h-text-bold'>Tech Sticker Collection</h1>"
            "<div data-test='price-cdui'><span class='styles_headlineXl__x1pvQ'>$19.99</span></div>"
            "<div data-test='module-product-detail-add-to-cart'><div class='styles_productDetailAddToCartWrapper__UDJpt'>"
            "<button class='styles_btn__zZcJr styles_fullWidth__ztP_d' data-test='AddToCart.Disabled' disabled "
            "id='AddToCart.Disabled' type='button'><span class='styles_label__Z2F_F'>Add to cart</span></button></div></div>")
    assert extract_product(page(body), URL).availability == "OutOfStock"


@pytest.mark.parametrize("box, lang", [
    # a question offers a restock alert; it says nothing of this product's stock
    ("<div class='restock-box'><h3>Εξαντλήθηκε το μέγεθός σας;</h3><p>Αφήστε το email σας.</p></div>", "el"),
    ("<div class='restock'><h3>Sold out in your size?</h3><p>Leave your email.</p></div>", "en"),
    # a variants' stock table: one combination sold out, the others not
    ("<table class='option-stock'><tr><th>Colour</th><th>Size</th><th>Stock</th></tr><tr><td>White</td><td>M</td>"
     "<td><span class='stock-low'>Few left</span></td></tr><tr><td>White</td><td>L</td><td><span class='stock-none'>"
     "売り切れ</span></td></tr><tr><td>Navy</td><td>M</td><td><span class='stock-ok'>○</span></td></tr></table>", "ja"),
    # a Japanese sentence about other items after one about shipping: no space after "。"
    ("<p class='shipping'>ご注文から2〜3営業日以内に発送いたします。売り切れの商品は再入荷のお知らせにご登録いただけます。</p>", "ja"),
    ("<span class='badge'>عاد إلى المخزون!</span>", "ar"), ("<span class='badge'>再入荷しました！</span>", "ja"),
])
def test_in_stock_beside_words_that_speak_of_others(box, lang):
    assert in_buy_box(box + "<form action='/basket'><input type='submit' value='カートに入れる' class='btn-cart'></form>",
                      lang).availability == "InStock"


@pytest.mark.parametrize("note, lang", [("<sup>inkl. MwSt.</sup>", "de"), ("<small>TTC</small>", "fr"),
                                        ("<small>incl. VAT</small>", "en")])
def test_a_price_with_its_vat_included_note_inside_is_the_price(note, lang):
    # a book's paperback price in the buy form; the other format's price is in a link to its own page
    body = ("<div class='product-info'><h1>Wool Coat</h1><form class='cartform'><span class='price'>18,95 € "
            f"{note}</span><a class='btn btn-cartadd' href='/cart?add=37219'>In den Warenkorb</a>"
            "<p>Andere Produktarten:</p><ul><li><a href='/p/39408-e-book'>E-Book/epub "
            "<small class='produkteprice'>17,99 €</small></a></li></ul></form></div>")
    assert extract_product(page(body, lang=lang), URL).price == "18.95"


def test_a_price_set_in_three_parts_its_cents_without_a_decimal_mark():
    # "$", "64" and "90" each in its own element, the cents raised by style alone
    body = ("<div class='product-info'><h1>Wool Coat</h1><span id='priceblock_ourprice' class='a-color-base'>"
            "<span class='verticalAlign a-size-large'>$</span><span class='buyingPrice'>64</span>"
            "<span class='verticalAlign a-size-large priceToPayPadding'>90</span></span>"
            "<button class='add-to-cart'>Add to Cart</button></div>")
    assert extract_product(page(body), URL).price == "64.90"


def test_a_trade_in_value_is_not_the_price():
    body = ("<div class='product-info'><h1>Wool Coat</h1><button class='add-to-cart'>Add to Cart</button>"
            "<div id='tradeInButton'><span>Earn a gift card: trade in yours for</span> "
            "<span id='tradeInButton_tradeInValue' class='a-text-bold'>$1.03</span></div></div>")
    assert extract_product(page(body), URL).price is None


def test_a_price_before_greek_vat_is_not_the_price():
    body = ("<div class='product'><h1>Δερμάτινα σανδάλια</h1><ul class='list-unstyled'><li><h2>65,00€</h2></li>"
            "<li>Χωρίς ΦΠΑ: 52,42€</li></ul><button id='button-cart'>Προσθήκη στο καλάθι</button></div>")
    assert extract_product(page(body, lang="el"), URL).price == "65.00"


def test_a_sold_out_pages_similar_item_box_under_a_small_heading_is_no_price_of_the_product():
    body = ("<div id='centerCol'><h1>Pour Over Coffee Dripper</h1></div><div id='buybox'><div id='availability'>"
            "<span>Currently unavailable.</span></div><div class='a-box'><div class='a-box-inner'>"
            "<h5>Similar item to consider</h5><div class='a-row'><a href='/dp/B0BYRPAAMR'>Glass Dripper, 27 oz</a></div>"
            "<div class='a-row'><span class='a-price'><span class='a-offscreen'>$21.99</span></span></div>"
            "<div class='a-row'><span>In Stock</span></div></div></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.availability) == (None, "OutOfStock")


@pytest.mark.parametrize("box, lang, availability", [
    ("<span class='Amount--stock'>库存0件</span>", "zh", "OutOfStock"),
    ("<span class='Amount--stock'>库存12件</span><button class='buy'>立即购买</button>", "zh", "InStock"),
    # one store's stock beside the online availability
    ("<div class='delivery-availability'><span class='online'>Online verfügbar</span></div><div class='store-info'>"
     "<span class='availability'>In Markt Hamburg-Altona nicht vorrätig</span></div>"
     "<button class='add-to-cart'>In den Warenkorb</button>", "de", "InStock"),
])
def test_stock_counts_without_a_colon_and_a_stores_stock(box, lang, availability):
    assert in_buy_box(box, lang).availability == availability


def test_a_menus_heading_is_not_the_first_heading_that_names_the_product():
    # LN-CC: the mega menu heads its entries with h1s; the product's heading matches no title words
    menu = ("<ul class='b-menu_category'><li class='b-menu_category-item'><h1 class='b-menu_category-item_title'>"
            "<a class='b-menu_category-link' href='/en/feed/feed.html'>Feed</a></h1></li></ul>")
    body = (f"<nav class='b-navigation'>{menu}</nav><div class='b-product'><h1 class='b-product_name'>Thong Sandal"
            "</h1><p class='b-product_price'>€ 975,00</p></div>")
    html = page(body).replace("<title>Wool Coat | Example Shop</title>",
                              "<title>Valentino Leather Studded Sandal | LN-CC</title>")
    assert extract_product(html, URL).name == "Thong Sandal"
    # in a menu the page does not name as one: its list's class says menu
    html = html.replace("<nav class='b-navigation'>", "<div class='b-header'>").replace("</nav>", "</div>")
    assert extract_product(html, URL).name == "Thong Sandal"


def test_a_page_states_brand_with_a_tag_left_in_it_reads_as_shown():
    # Nordstrom's state: "UGG<sup>®</sup> Australia", the mark raised by its tag
    state = {"product": {"name": "Amie Classic Slim Short Boot", "brandName": "UGG<sup>®</sup> Australia",
                         "price": 199.95, "currency": "USD", "sku": "4106431"}}
    body = (f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script><div class='x1'><h1 class='x2'>"
            "Amie Classic Slim Short Boot</h1><div class='x3'>$199.95</div></div>")
    html = page(body).replace("<title>Wool Coat | Example Shop</title>",
                              "<title>Amie Classic Slim Short Boot | Example Shop</title>")
    assert extract_product(html, URL).brand in ("UGG® Australia", "UGG Australia")


def test_a_page_states_product_in_snake_case_over_a_recommendation_named_like_part_of_it():
    state = {"product": {"current": {"sku": "SH-ZOL-CL-WHT", "name": "Zola Court Low Leather Wit", "brand": "Zola",
                                     "final_price_incl_tax": 119.95, "stock": {"is_in_stock": False, "qty": 0},
                                     "configurable_children": [{"sku": "SH-ZOL-CL-WHT-40", "stock": {"is_in_stock": False}}]},
                         "related": [{"sku": "AH5584-64", "name": "Court Low", "brand": "Quill", "price": "79.95",
                                      "currency": "EUR", "available": True}]}}
    body = (f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script><div class='x1'><h1 class='x2'>"
            "Zola Court Low Leather Wit</h1><div class='x3'>€ 119,95</div></div>")
    html = page(body, lang="nl").replace("<title>Wool Coat | Example Shop</title>",
                                         "<title>Zola Court Low Leather Wit | Het Sneakerhuis</title>")
    rec = extract_product(html, URL)
    assert (rec.name, rec.price, rec.availability) == ("Zola Court Low Leather Wit", "119.95", "OutOfStock")


@pytest.mark.parametrize("box, lang", [
    ("<p class='h4 cl-error'>Dit product is uitverkocht in alle maten.</p>", "nl"),
    # a glyph as the icon before the words
    ("<div class='ufiqo'><span class='ufjse'>✕</span> Nicht mehr erhältlich. Dieser Artikel wurde aus dem Sortiment "
     "genommen.</div>", "de"),
])
def test_sold_out_in_every_size_and_after_a_glyph(box, lang):
    assert in_buy_box(box, lang).availability == "OutOfStock"


@pytest.mark.parametrize("box, lang", [
    # a sold-out option's restock alert ("the sold-out option (black/L) can be notified")
    ("<span class='restock-desc'>품절된 옵션(블랙/L)은 재입고 알림을 신청하실 수 있습니다.</span>", "ko"),
    # accessory cards ("product-item") under the product, one of them sold out
    ("<div class='product-item-container'><div class='product-item'><span class='product-item-title'>Чехол X9</span>"
     "<span class='product-item-price-current'>990 ₽</span><span class='product-item-not-available'>Нет в наличии"
     "</span></div><div class='product-item'><span class='product-item-title'>Стекло X9</span>"
     "<span class='product-item-price-current'>490 ₽</span></div></div>", "ru"),
])
def test_in_stock_beside_an_options_or_an_accessorys_sold_out(box, lang):
    assert in_buy_box("<button class='btn-buy'>В корзину</button>" + box, lang).availability == "InStock"


def test_an_ended_listing_that_sold():
    box = ("<div class='banner'>This listing sold on Sun, 12 May. The seller has no more of this item available.</div>"
           "<div class='price'>Sold for £84.00</div>")
    assert in_buy_box(box).availability == "OutOfStock"


def test_a_page_states_stock_object_with_a_status_and_a_quantity():
    state = {"product": {"productCode": "MLC-55120", "name": "Wózek spacerowy Kiddora Move Lite",
                         "price": {"gross": 1299.0, "currency": "PLN"}, "stock": {"quantity": 0, "status": "OUT_OF_STOCK"},
                         "canAddToCart": False}}
    body = (f"<script>window.__PRELOADED_STATE__ = {json.dumps(state)};</script><div class='a1'><h1>Wózek spacerowy "
            "Kiddora Move Lite</h1><div class='a2'>1 299,00 zł</div></div>")
    html = page(body, lang="pl").replace("<title>Wool Coat | Example Shop</title>",
                                         "<title>Wózek spacerowy Kiddora Move Lite | Maluchowo</title>")
    assert extract_product(html, URL).availability == "OutOfStock"


def test_a_notice_past_a_nest_of_single_wrappers_is_in_the_buy_box():
    nest = "".join("<div class='w'>" for _ in range(14))
    close = "</div>" * 14
    body = (f"<div class='pdp'><div class='col'>{nest}<div class='oos-banner'><strong>Slut i lager</strong> – varan går "
            f"inte att beställa just nu.</div>{close}</div><div class='col'>{nest}<h1>Bygglek Stora Byggsetet</h1>"
            f"<p class='p'>349 kr</p>{close}</div></div>")
    html = page(body, lang="sv").replace("<title>Wool Coat | Example Shop</title>",
                                         "<title>Bygglek Stora Byggsetet | Lekhuset</title>")
    assert extract_product(html, URL).availability == "OutOfStock"


def test_a_title_block_holding_the_h1_and_the_brand_is_no_better_name_than_the_h1():
    body = ("<div class='gui-product-title'><h1>Nattkrem Multebær 50 ml</h1><div class='gui-brand'>"
            "<a href='/brands/fjellblom/'>Fjellblom</a></div></div><div class='price'>kr 449,00</div>"
            "<button class='add-to-cart'>Legg i handlekurv</button>")
    html = page(body, lang="no").replace("<title>Wool Coat | Example Shop</title>",
                                         "<title>Nattkrem Multebær 50 ml - Fjellblom</title>")
    assert extract_product(html, URL).name == "Nattkrem Multebær 50 ml"


def test_a_bem_modifier_hides_a_sold_out_message_beside_a_working_button():
    box = ("<form class='product-form' action='/cart/add'><div class='product-form__error-message-wrapper "
           "product-form__error-message-wrapper--hidden' role='alert'><span class='product-form__error-message'>"
           "Den här varan är slutsåld</span></div><button type='submit' name='add' class='product-form__cart-submit'>"
           "Lägg i varukorgen</button></form>")
    assert in_buy_box(box, "sv").availability == "InStock"


def test_a_pre_order_button_takes_the_order_and_a_possible_sell_out_is_no_sold_out():
    box = ("<p class='label'>予約商品</p><p class='note'>※初回プレスはすぐに売り切れる可能性があります。お早めにご予約ください。</p>"
           "<button class='btn'>予約する</button>")
    assert in_buy_box(box, "ja").availability == "PreOrder"


def test_a_model_no_longer_produced_with_an_enquiry_in_place_of_the_button():
    box = "<p class='notice'>Dieses Modell wird nicht mehr produziert.</p><button class='btn'>Anfrage senden</button>"
    assert in_buy_box(box, "de").availability == "OutOfStock"


@pytest.mark.parametrize("notice, lang", [
    ("Διαθεσιμότητα: Εξαντλημένο", "el"), ("Mẫu này đã ngừng sản xuất", "vi"), ("Không còn bán", "vi"),
])
def test_sold_out_in_greek_and_vietnamese(notice, lang):
    assert in_buy_box(f"<p class='note'>{notice}</p>", lang).availability == "OutOfStock"


@pytest.mark.parametrize("notice, lang", [
    ("This product is no longer part of our range.", "en"), ("Dieser Artikel ist nicht mehr Teil unseres Sortiments.",
                                                           "de"),
    ("Ce produit ne fait plus partie de notre assortiment.", "fr"), ("Currently not deliverable", "en"),
    ("この商品は取り扱い終了となりました", "ja"), ("Produkt wycofany z oferty", "pl"),
])
def test_a_product_taken_out_of_the_range(notice, lang):
    assert in_buy_box(f"<div class='notice'>{notice}</div>", lang).availability == "OutOfStock"


def test_withdrawn_on_the_buy_button_in_polish():
    # x-kom: the button in place of "Dodaj do koszyka" says "Withdrawn" and offers to ask about similar ones
    button = ("<button class='sc-1jultii'><span class='status'>Wycofany</span><span class='hint'>Zapytaj o podobne "
              "produkty</span></button>")
    assert in_buy_box(f"<div class='product-actions'>{button}</div>", "pl").availability == "OutOfStock"


@pytest.mark.parametrize("line, lang, availability", [
    ("Wieder verfügbar ab 12. März", "de", "OutOfStock"), ("Available again from 12 March", "en", "OutOfStock"),
    ("De nuevo disponible el 3 de mayo", "es", "OutOfStock"),
    # back now
    ("Ya disponible de nuevo", "es", "InStock"), ("Знову в наявності!", "uk", "InStock"),
])
def test_available_again_from_a_date_is_not_for_sale_now(line, lang, availability):
    box = f"<div class='delivery-status'><div class='status'>{line}</div></div><form class='buy'></form>"
    assert in_buy_box(box, lang).availability == availability


def test_every_size_sold_out_in_a_select_beside_a_menus_dropdowns_is_sold_out():
    """A menu's "dropdown" items in the header are no size picker, nor is the wrapper of the select."""
    menu = "".join(f"<li class='category dropdown'><a href='/c/{n}'>C{n}</a><div><a href='/c/{n}/a'>A</a></div></li>"
                   for n in range(4))
    sizes = "".join(f"<option value='{n}' disabled>{n} – Agotado</option>" for n in range(39, 43))
    html = (f"<html lang='es'><head><title>Zapatos Rifen</title></head><body><header><ul class='top-menu'>{menu}</ul>"
            "</header><main><div class='product-information'><h1>Zapatos Rifen</h1><p class='price'>222,50 €</p>"
            "<form method='post' action='/panier'><div class='product-variants'><label>Talla</label>"
            f"<select name='talla'><option value=''>Selecciona una talla</option>{sizes}</select></div>"
            "<button type='submit' class='add-to-cart' disabled>Añadir al carrito</button></form></div></main>"
            "</body></html>")
    assert extract_product(html, URL).availability == "OutOfStock"


def test_a_store_locators_not_found_message_says_nothing_of_the_products_stock():
    # the "find it in a shop near you" widget's message beside "In Stock" and a working button
    locator = ("<div class='pdp_locator'><a class='pdp_locator_button' href='#'>Find it in a shop near you +</a>"
               "<div class='pdp_locator_container'><h2>In-Shop Availability</h2><div class='pdp_locator_notfound'>"
               "<div class='content-asset'><div class='error'>unfortunately, this style is not available near you. but "
               "shipping is always free with your online purchase!</div></div></div></div></div>")
    box = ("<div class='availability'><span class='label'>Availability:</span><div class='value'><p class='in-stock-msg'>"
           "ONE SIZE, cherry liqueur, In Stock</p></div></div><button class='add-to-cart'>Add to Bag</button>")
    assert in_buy_box(box + locator).availability == "InStock"
    # the message alone, outside the widget, speaks of shops near the shopper too
    assert in_buy_box(box + "<p class='note'>Unfortunately, this style is not available near you.</p>"
                      ).availability == "InStock"


def test_the_sold_out_copy_of_a_wait_list_block_beside_a_working_button_is_weak():
    """The page holds both states: a working "Add To Shopping Bag" and the wait-list block its script shows
    when the product is gone. The block's "We're sorry, this item is no longer available" is its copy."""
    waitlist = ("<div id='waitlist-container'><p><span>We're sorry, this item is no longer available.</span><br>"
                "Enter your email to be notified if it comes back in stock.</p><div id='waitlist-form'>"
                "<input type='text' name='waitlist-email'><a id='notify-button' href='javascript:void(0)'>Notify Me</a>"
                "</div></div>")
    button = "<a href='javascript:verifyFields()' id='addToCart' class='css-button primary'>Add To Shopping Bag</a>"
    assert in_buy_box(button + waitlist).availability == "InStock"
    # without a working button, the block says it: sold out
    assert in_buy_box(waitlist).availability == "OutOfStock"
    # the same sentence outside such a block is said of the product: sold out beside the button too
    assert in_buy_box(button + "<p><span>We're sorry, this item is no longer available.</span></p>"
                      ).availability == "OutOfStock"


@pytest.mark.parametrize("button, availability", [
    ("<a title='Back Order' onclick='AjaxAddToCart(event, this, 717265)' class='snap-css-button backorder "
     "buy-now-button'>Back Order</a>", "BackOrder"),
    ("<button type='submit' class='add-to-cart'>Pre-order now</button>", "PreOrder"),
    # served disabled, the offer is not open: the stock line stands
    ("<button type='submit' class='add-to-cart' disabled>Pre-order now</button>", "OutOfStock"),
])
def test_a_working_buy_button_that_takes_back_orders_beside_out_of_stock_online(button, availability):
    box = (f"<div class='button-stack'>{button}<div class='outofstock'>Out Of Stock Online</div>"
           "<div class='bold'>You may order this item and it will ship when it arrives in stock.</div></div>")
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("cls, said, lang", [("verfuegbarkeit", "Nicht lieferbar", "de"),
                                             ("beschikbaarheid", "Niet leverbaar", "nl"),
                                             ("dostupnost", "Není skladem", "cs"), ("tillganglighet", "Slutsåld", "sv"),
                                             ("elerhetoseg", "Nincs készleten", "hu"),
                                             ("ketersediaan", "Stok habis", "id"), ("stoc-produs", "Stoc epuizat", "ro")])
def test_a_stock_element_named_availability_in_the_shops_language(cls, said, lang):
    # a stock element's word, beside a working button, outweighs the button
    box = f"<div class='{cls}'>{said}</div><button class='add-to-cart'>Add to cart</button>"
    assert in_buy_box(box, lang).availability == "OutOfStock"


def test_a_link_to_other_sellers_buying_options_in_place_of_a_buy_button_is_sold_out():
    # Amazon without a featured offer: the product page sells nothing itself now, only links to others' offers
    # (the used-only page a Go scraper's test calls unavailable)
    others = ("<div class='a-box unqualifiedBuyBox'><span>1 Used from £442.62</span><span class='a-button "
              "buybox-see-all-buying-choices'><a class='a-button-text buybox-see-all-buying-choices-announce' "
              "href='/gp/offer-listing/059652692X'>See All Buying Options</a></span></div>")
    assert in_buy_box(others).availability == "OutOfStock"
    # beside the product's own button, it sells; beside the page's own stock words, they decide
    assert in_buy_box("<button id='add-to-cart-button'>Add to Basket</button>" + others).availability == "InStock"
    assert in_buy_box("<p class='availability'>Only 2 left in stock</p>" + others).availability != "OutOfStock"


def test_the_one_size_there_is_offered_for_a_stock_alert_is_sold_out():
    """Wiggle: a list of one size, classed for the "email when in stock" it offers and saying so, beside the
    picker block's own buttons (its BEM "__btn-group", no picker) and an "Add to Basket" its script hides."""
    size = ("<ul class='bem-sku-selector__option-group'><li class='email-when-in-stock selected "
            "bem-sku-selector__option-group-item'><input type='hidden' name='id' value='100578951'>"
            "<span class='bem-sku-selector__size'>One Size</span><span class='bem-sku-selector__price'>$138.99</span>"
            "<div class='bem-sku-selector__status'><span class='out-of-stock'>Out of stock. Let me know when in stock."
            "</span></div></li></ul>")
    buttons = ("<div class='bem-sku-selector__btn-group'><button type='submit' class='js-addToBasket'>Add to Basket"
               "</button><button class='emailstock-link' style='display: none;'>Email when in stock</button></div>")
    box = (f"<div class='bem-pdp__gallery-resize-container'><img src='/bike.jpg' alt='Balance bike'><span>1</span>"
           f"<span>2</span></div><div class='bem-sku-selector'><div class='bem-sku-selector__option'>{size}</div>"
           f"{buttons}</div>")
    assert in_buy_box(box).availability == "OutOfStock"
    # the same size in stock: the working button sells it
    assert in_buy_box(box.replace("email-when-in-stock ", "").replace("Out of stock. Let me know when in stock.",
                                                                       "In stock")).availability == "InStock"


def test_every_size_crossed_out_under_the_pickers_caption_is_sold_out():
    sizes = "".join(f"<button type='button' class='size-btn is-oos' disabled>{n}</button>" for n in range(38, 42))
    box = (f"<fieldset class='size-grid'><legend>Größe (EU)</legend>{sizes}</fieldset>"
           "<button type='submit' class='pdp__atc' disabled>Größe wählen</button>")
    assert in_buy_box(box, "de").availability == "OutOfStock"
    assert in_buy_box(box.replace("size-btn is-oos' disabled>41", "size-btn'>41"), "de").availability != "OutOfStock"


def test_every_size_crossed_out_in_a_list_the_pickers_wrapper_holds_is_sold_out():
    sizes = "".join(f"<li><button type='button' role='option' aria-disabled='true' class='zs-size zs-size--unavailable'>"
                    f"<span style='text-decoration:line-through'>{n}</span> <span class='zs-size__hint'>Hlídat</span>"
                    "</button></li>" for n in range(38, 42))
    box = (f"<div class='zs-size-picker'><ul role='listbox'>{sizes}</ul></div>"
           "<div class='zs-buy'><button type='button' class='zs-btn' aria-haspopup='listbox'>Vyberte velikost</button></div>")
    assert in_buy_box(box, "cs").availability == "OutOfStock"
    one_left = box.replace("aria-disabled='true' class='zs-size zs-size--unavailable'>", "class='zs-size'>", 1)
    assert in_buy_box(one_left, "cs").availability != "OutOfStock"


def test_a_notify_link_on_some_sizes_under_the_pickers_caption_leaves_the_product_in_stock():
    sizes = "".join(f"<li class='size-option{' size-option--notify' if n in (35, 41) else ''}'><span>{n}</span>"
                    f"{' <a href=#notify>Avvisami</a>' if n in (35, 41) else ''}</li>" for n in range(35, 42))
    box = (f"<div class='size-dropdown'><p>Seleziona la taglia (IT)</p><ul>{sizes}</ul></div>"
           "<button class='button primary add-to-bag'>Aggiungi allo shopping bag</button>")
    assert in_buy_box(box, "it").availability == "InStock"
    every = box.replace("size-option'><span>", "size-option size-option--notify'><span>")
    every = re.sub(r"(<span>\d+</span>)(</li>)", r"\1 <a href=#notify>Avvisami</a>\2", every)
    assert in_buy_box(every, "it").availability == "OutOfStock"


def test_a_sold_out_mark_on_one_variations_label_is_not_the_products_stock():
    labels = ("<div class='variation-label disabled' data-variation-value='S'>S<span class=variation-out-of-stock>缺貨"
              "</span></div><div class='variation-label selected' data-variation-value='M'>M</div>")
    box = (f"<div class='variation-selector'><label>尺寸</label><div class='variation-label-container'>{labels}</div>"
           "</div><div class='product-action'><button class='btn btn-add-to-cart'><span>加入購物車</span></button></div>")
    assert in_buy_box(box, "zh-TW").availability == "InStock"


def test_other_colours_marked_unavailable_beside_the_chosen_one_leave_the_product_in_stock():
    # each colour another product page: the ones that cannot be bought carry their own warning
    gone = "".join(f"<div class='info__variation-colors'><a href='/p/{n}/'><img src='/{n}.jpg' alt=''></a>"
                   "<div class='info__variation-warning-unavailable'><span class='info__variation-text-unavailable'>"
                   "Não disponível</span></div></div>" for n in (901, 902, 903))
    box = ("<div class='info__variation'><label>Cor:</label><div class='info__variation-colors-container'>"
           "<button title='Preto' class='info__variation-colors-selectable'><img src='/900.jpg' alt=''></button>"
           f"<button title='Vermelho' class='info__variation-colors'><img src='/899.jpg' alt=''></button>{gone}</div>"
           "</div><button class='button__buy js-add-cart-button'><span>Adicionar à sacola</span></button>")
    assert in_buy_box(box, "pt-BR").availability == "InStock"


def test_a_sold_out_item_of_a_bundle_beside_the_product_is_not_its_stock():
    box = ("<div class='suits'><h4>优惠套装</h4><ul>"
           "<li>耳机保护套 ￥69.00 <span class='stock-oos'>缺货</span></li></ul></div><a class='btn-add' href='/cart'>"
           "加入购物车</a>")
    assert in_buy_box(box, "zh").availability == "InStock"


def test_taken_on_pre_order_though_sold_out_last_time():
    box = ("<p class='reserve'>予約受付中（3月上旬より順次発送）。前回は発売後すぐに完売しました。</p>"
           "<button class='cart'>カートに入れる</button>")
    assert in_buy_box(box, "ja").availability == "PreOrder"


def test_prose_and_a_labelled_in_stock_value_beside_a_working_button_are_in_stock():
    box = ("<p><strong>Availability:</strong> In stock</p><p>Our <a href='/care'>linen</a> is not available in "
           "red this season.</p><button class='add-to-cart'>Add to cart</button>")
    rec = in_buy_box(box)
    assert rec.availability == "InStock"


@pytest.mark.parametrize("box, lang", [
    # a size, not the product ("the size you chose is no longer available")
    ("<p class='availability-message'>Die gewünschte Größe ist leider nicht mehr verfügbar</p>", "de"),
    ("<p class='stock-notice'>Sold out in your size? Try the next one up.</p>", "en"),
    # a service or a channel, not the product
    ("<div class='fulfilment'><p>Free delivery</p><p class='pickup-availability'>Pickup not available</p></div>", "en"),
    ("<div class='help'><span class='chat-availability'>Chat unavailable</span></div>", "en"),
    ("<p class='store-stock'>Not available in stores</p>", "en"),
    ("<ul class='prd-channels'><li class='home-delivery available'>FREE delivery available</li>"
     "<li class='unavailable'>Collection not available</li></ul>", "en"),  # click and collect
    ("<p class='availability-store'>Nicht im Markt verfügbar</p>", "de"),
    ("<ul class='stock-notes'><li>Gift wrap is available for this item.</li><li>This item is not available for "
     "layaway.</li><li class='ship-status'>This item is not available for shipping.</li></ul>", "en"),
    # a store's, a pick-up's, an add-on's or an accessory's stock
    ("<div class='store-stock'>Out of stock at Berlin Mitte</div>", "en"),
    ("<div class='store-availability'><span class='stock'>Out of stock</span> in your store</div>", "en"),
    ("<div class='gift-wrap addon'><label><input type='checkbox'> Gift box</label><span class='stock'>Out of stock"
     "</span></div>", "en"),
    ("<div class='accessory'><a href='/p/case'>Matching case</a> <span class='stock'>Sold out</span></div>", "en"),
    # one size ("in M"), and a template's labels for both states
    ("<div class='inventory'>Out of stock in M, 3 left in L</div>", "en"),
    ("<span class='stock in-stock'>In stock</span><span class='stock out-of-stock'>Out of stock</span>", "en"),
    # one product of a grouped product's list, each sold with its own quantity
    ("<div class='grouped-item'><div class='item-name'>1LB Plate - Pair</div><span class='price'>$33.00</span>"
     "<input type='tel' name='super_group[38873]' value='0' class='qty'></div><div class='grouped-item'><div "
     "class='item-name'>2.5LB Plate - Pair</div><span class='price'>$42.00</span><div class='bin-stock-availability'>"
     "<div class='bin-out-of-stock-message'>Out of Stock</div></div></div>", "en"),
])
def test_a_statement_about_a_size_or_a_service_is_not_the_products_stock(box, lang):
    rec = in_buy_box(box + "<button class='add-to-cart'>Add to cart</button>", lang)
    assert rec.availability == "InStock"


@pytest.mark.parametrize("progress, lang", [("10% déjà vendus", "fr"), ("37 already sold", "en"),
                                            ("45 % bereits verkauft", "de")])
def test_a_deals_share_sold_is_no_sold_out(progress, lang):
    # a lightning deal's progress bar: some of its stock sold, not all of it
    box = f"<div class='deal-progress feature'><div class='a-section'>{progress}</div></div>"
    assert in_buy_box(box, lang).availability is None
    assert in_buy_box("<div class='availability'>Déjà vendu</div>", "fr").availability == "OutOfStock"
    # a name with "Collection" in it is still the product (not click and collect)
    assert in_buy_box("<p class='stock'>Sorry, the Autumn Collection Scarf is sold out</p>").availability in SOLD_OUT
    # a number that is the name's, not a share
    assert in_buy_box("<p class='availability'>Op dit moment is de PlayStation 5 uitverkocht!</p>",
                      "nl").availability == "OutOfStock"


@pytest.mark.parametrize("note", ["<div class='stock-info'>Blue: Out of stock</div>",
                                  "<div class='stock-delivery'>Express delivery unavailable</div>"])
def test_a_colours_or_a_delivery_options_stock_beside_a_working_button_is_not_the_products(note):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = f"<h1>Wool Coat</h1>{note}<button class='btn add-to-cart'>Add to cart</button>"
    assert extract_product(page(body, ld(data)), URL).availability == "InStock"
    # the product's own label says it: "Availability: Out Of Stock", "Dostępność: Brak w magazynie"
    for label in ("Availability: Out Of Stock", "Dostępność: Brak w magazynie"):
        body = f"<h1>Wool Coat</h1><ul><li>{label}</li></ul><button class='btn add-to-cart'>Add to cart</button>"
        assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"


def test_a_stores_stock_inside_the_availability_block_is_not_the_products():
    block = ("<div class='pip-product-availability'><div class='pip-store-section'><span>Nicht auf Lager in "
             "Berlin-Tempelhof</span></div><div class='pip-delivery-section'><span>Lieferung verfügbar</span></div>"
             "</div><button type='button' class='pip-btn'>In den Warenkorb</button>")
    assert in_buy_box(block, "de").availability == "InStock"
    # the block's own words still count
    sold_out = block.replace("<div class='pip-delivery-section'><span>Lieferung verfügbar</span></div>",
                             "<span>Online nicht lieferbar</span>")
    assert in_buy_box(sold_out, "de").availability == "OutOfStock"


@pytest.mark.parametrize("aside, availability", [
    ("product-aside", "OutOfStock"),  # the buy box set beside the title
    ("sidebar", "InStock"),  # a sidebar: its words are another product's
])
def test_a_buy_box_in_an_aside_beside_the_title(aside, availability):
    html = page(f"<div class='product-info'><h1>Wool Coat</h1><aside class='{aside}'><div class='product-price'>"
                "€ 189,00</div><div class='stock'>Rupture</div><button disabled>Ajouter au panier</button></aside>"
                "</div>" + ld({"@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}), lang="fr")
    assert extract_product(html, URL).availability == availability


def _wrapped(inner: str, levels: int, name: str) -> str:
    """`inner` under `levels` wrappers with hashed class names, as CSS-in-JS libraries render them."""
    for i in range(levels):
        inner = f"<div class='{name}{i}X-{i} Qz{i}b'>{inner}</div>"
    return inner


_BAND = _wrapped("<h1>Wool Coat</h1>", 8, "sc-h")  # the title in a band across the page, far from the buy box
_SPECS = _wrapped("<p>" + "Pure merino, made in Portugal. " * 30 + "</p>", 6, "sc-d")


@pytest.mark.parametrize("words, lang", [("แจ้งเตือนเมื่อมีสินค้า", "th"), ("Ενημέρωσέ με", "el")])
def test_a_control_named_for_a_back_in_stock_alert_in_any_language(words, lang):
    # the cart button replaced by a notify-me button whose words the stock vocabulary may not hold; stale markup
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    box = f"<div class='Buybox_actions__358dC'><button class='Buybox_cta__N8Z7k Buybox_notify__8XWmv'>{words}</button></div>"
    body = f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{box}</div>"
    assert extract_product(page(body, ld(data), lang=lang), URL).availability == "OutOfStock"


@pytest.mark.parametrize("words, lang", [("Sold out", "en"), ("Tükendi", "tr"), ("Ausverkauft", "de")])
def test_a_disabled_buy_button_saying_sold_out_where_the_page_has_no_heading(words, lang):
    # a script-built page: no h1, the price in a class that does not say price, the cart button's class not
    # a cart word's; the markup says nothing of stock
    data = {"@type": "Product", "name": "Maskara", "offers": {"@type": "Offer", "price": "29.95", "priceCurrency": "TRY"}}
    body = (f"<div class='pr-in-w'><div class='pr-bx-w'><span class='prc-dsc'>29,95 TL</span></div>"
            f"<div class='pr-in-at'><button class='pr-in-btn add-to-bs' disabled>{words}</button>"
            f"<button class='pr-in-btn fv'><span class='tooltip'>Favorilere Ekle</span></button></div></div>")
    assert extract_product(page(body, ld(data), lang=lang), URL).availability == "OutOfStock"


@pytest.mark.parametrize("tiles", [
    # other products' cards, in a rail the page does not name, each with its own disabled "Sold out"
    "<div class='slider'>" + "".join(f"<div class='card'><a href='/p/{i}'>Scarf {i}</a><button disabled>Sold out"
                                     "</button></div>" for i in range(3)) + "</div>",
    "<div class='row'>" + "".join(f"<div class='col'><a href='/p/{i}'>Scarf {i}</a><button disabled>Sold out"
                                   "</button></div>" for i in range(3)) + "</div>",
    # a size's button saying sold out is the size's
    "<div class='sizes'><button disabled>Sold out</button><button>M</button><button>L</button></div>"])
def test_a_disabled_sold_out_button_elsewhere_does_not_outweigh_a_working_buy_button(tiles):
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            f"{tiles}<button class='btn btn-primary'>Add to bag</button></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "InStock"


@pytest.mark.parametrize("button", [
    # Salesforce Commerce Cloud: the alert named by a bare data attribute and the dialog it opens, the class generic
    "<button class='btn btn-block btn-secondary' data-toggle='modal' data-back-in-stock "
    "data-target='#backInStockModal'><span class='btn-content'>ไม่มี <span class='d-block'>กลับมาแล้วบอกฉัน</span>"
    "</span></button>",
    "<button class='btn btn-secondary' data-bs-target='#notifyMeDialog'>ไม่มี</button>"])
def test_a_button_whose_data_names_a_back_in_stock_alert(button):
    # words the vocabulary lacks ("none", "tell me when it is back"), stale markup saying in stock
    data = {"@type": "Product", "name": "Pokemon TCG MA6", "offers": offer("1980", priceCurrency="THB")}
    body = (f"<div class='product-detail'><h1>Pokemon TCG MA6</h1><div class='prices'><span class='sales'>฿1,980"
            f"</span></div><div class='add-button-wrapper'>{button}</div></div>")
    assert extract_product(page(body, ld(data), lang="th"), URL).availability == "OutOfStock"


def test_a_data_attribute_that_turns_an_alert_off_names_none():
    # a working cart button whose data says the alert is off is still the buy button
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            "<button class='btn btn-primary' data-back-in-stock='false' data-waitlist='0'>In den Warenkorb</button></div>")
    assert extract_product(page(body, ld(data), lang="de"), URL).availability == "InStock"
    # nor one that keeps the waitlist state's copy and address for its script (Reformation's Salesforce theme)
    keeps = ("<button class='product-add__button add-to-cart' data-add-button-copy='Add to bag' "
             "data-waitlist-copy='Join the waitlist' data-waitlist-url='/Preferences-WaitList' data-waitlist='false'>"
             "<span>Add to bag</span></button>")
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>" + keeps + "</div>")
    assert extract_product(page(body, ld(data)), URL).availability == "InStock"
    # the flag set, it is the alert
    flagged = body.replace("data-waitlist='false'", "data-waitlist='true'").replace("<span>Add to bag</span>", "")
    assert extract_product(page(flagged, ld(data)), URL).availability == "OutOfStock"


@pytest.mark.parametrize("control", [
    "<button class='back-in-stock button button-primary icon-alert' data-pid='105642'>Créer une alerte</button>",
    "<a href='/alert?pid=105642' class='btn stock-alert-link'>Prévenez-moi</a>",
    # inside the alert's own area, beside its note
    "<div class='back-in-stock-container'><div class='d-flex flex-wrap'><button class='back-in-stock button'>Créer une "
    "alerte</button><p class='mt-3 text-small-alt'>Nous vous prévenons dès son retour.</p></div></div>"])
def test_a_stock_control_named_for_a_back_in_stock_alert_where_no_button_sells(control):
    # no markup; the alert control's class holds "stock", its words none of the stock vocabulary
    body = (f"<div class='product-detail'><h1>PlayStation 5</h1><div class='prices'><span class='sales'>499,99€</span>"
            f"</div><div class='actions'>{control}</div></div>")
    assert extract_product(page(body, lang="fr"), URL).availability == "OutOfStock"
    # beside a working cart button the alert (a template's, for other sizes) says nothing
    cart = "<button class='add-to-cart btn'>Ajouter au panier</button>"
    assert extract_product(page(body.replace(control, cart + control), lang="fr"), URL).availability == "InStock"


def test_a_buy_forms_every_text_is_no_statement_of_its_own():
    # one colour sold out among the form's choices; the form's cart button works
    form = ("<form action='/cart/add' method='post' class='bg-white shadow-sm'><div class='flex flex-col gap-4'><s>52,000원"
            "</s> <span>-25%</span> <span>39,000원</span> <span>390P 적립</span></div><fieldset><legend>색상"
            "</legend><div class='flex-1'><button type='button' aria-pressed='true'>화이트</button><button type='button' "
            "disabled aria-disabled='true'>그레이<span class='text-red-600'>품절</span></button></div></fieldset>"
            "<button type='submit' class='inline-flex w-full'>장바구니 담기</button></form>")
    assert in_buy_box(form, "ko").availability == "InStock"


def test_a_delivery_options_status_far_from_the_title():
    # Oracle ATG: no markup, no add button, the home-delivery line alone says it
    options = ("<div class='fulfilment-options'><div class='fulfilment home-delivery'><h3>Home delivery</h3>"
               "<p class='fulfilment-status'>Temporarily out of stock</p></div><div class='fulfilment click-collect'>"
               "<h3>Click &amp; Collect</h3><p>Free. <a href='/stores'>Check stock in your store</a></p></div></div>")
    body = _BAND + _wrapped(_SPECS + _wrapped("<div class='pdp-price'>€ 189,00</div>", 5, "sc-b") + _SPECS + options, 4,
                            "sc-m")
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_a_picture_not_available_in_portuguese_is_no_stock():
    # Amazon's image block for a variation it cannot show, in its Brazilian words
    box = ("<div class='variationUnavailable unavailableExp'><div class='a-alert-container'><h4 class='a-alert-heading'>"
           "Imagem não disponível</h4></div></div><span class='a-color-success'>Em estoque</span>"
           "<button id='add-to-cart-button'>Adicionar ao carrinho</button>")
    assert in_buy_box(box, "pt").availability == "InStock"


def test_every_size_of_a_group_by_its_role_sold_out_beside_a_quantity_select():
    # hashed classes: the sizes are a group by their role; how many to buy is no variant
    sizes = "".join(f"<li><button type='button' aria-pressed='false' aria-disabled='true'><span>{n}</span>"
                    f"<span>Tükendi</span></button></li>" for n in (36, 38, 40))
    box = (f"<fieldset class='sc-bzbrqqm-5 hUs6Vo'><legend>Beden:</legend><ul class='sc-bzbrqqm-7 uP68aK' "
           f"role='radiogroup'>{sizes}</ul></fieldset><form method='post' action='/cart/add'><div class='sc-dgtzc0x-4'>"
           "<label for='qty'>Adet</label><select id='qty' name='quantity'>" + "".join(
               f"<option value='{n}'>{n}</option>" for n in range(1, 6)) + "</select></div>"
           "<button type='submit' class='sc-btn'>Sepete Ekle</button></form>")
    assert in_buy_box(box, "tr").availability == "OutOfStock"
    one_left = box.replace("aria-disabled='true'><span>40</span><span>Tükendi</span>", "><span>40</span><span></span>")
    assert in_buy_box(one_left, "tr").availability == "InStock"


@pytest.mark.parametrize("box", [
    "<div class='db-status-banner db-status-banner--soldout' role='status'><strong>स्टॉक में नहीं</strong></div>",
    "<button class='db-button__secondary' type='button'><span>उपलब्ध होने पर सूचित करें</span></button>",
])
def test_sold_out_and_notify_me_in_hindi(box):
    assert in_buy_box(box, "hi").availability == "OutOfStock"


def test_a_discontinued_products_successor_card_is_another_product():
    box = ("<div class='product__discontinued'><p><strong>Dit board is niet meer leverbaar</strong></p><div class='successor'>"
           "<a href='/boards/cruiser-2'><span class='successor__name'>Cruiser 2</span></a><span class='successor__price'>"
           "€ 749,00</span><form class='button_to' method='post' action='/cart/items'><input type='submit' "
           "value='In winkelwagen' class='btn btn--primary'></form></div></div>")
    rec = extract_product(page(f"<div class='product-info'><h1>Cruiser 1</h1>{box}</div>", lang="nl"), URL)
    assert (rec.availability, rec.price) == ("OutOfStock", None)


@pytest.mark.parametrize("section", ["<section class='pdp-alternates'><h2>Other parts</h2>",
                                     "<section class='pdp-more'><h2>Suggested Alternates</h2>"])
def test_an_obsolete_parts_alternates_are_other_products(section):
    # a distributor's obsolete part: its own price is a dash, the stand-ins below have theirs and a button
    alternates = (f"{section}<table><tr><th>Part</th><th>Stock</th><th>Price (1)</th></tr><tr><td>"
                  "<a href='/p/nv3311'>NV3311QDBVR</a></td><td>18,420 In Stock</td><td>$0.62</td><td>"
                  "<button class='btn btn-sm'>Add to Cart</button></td></tr></table></section>")
    body = ("<div class='pdp'><h1>NV3310QDBVR</h1><table class='pdp-ids'><tr><th>Lifecycle</th><td>Obsolete</td></tr>"
            "<tr><th>Price</th><td>&mdash;</td></tr></table><p class='stock'>No longer manufactured</p>"
            f"<button class='btn' disabled>Add to Cart</button></div>{alternates}")
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.price) == ("OutOfStock", None)


def test_a_sticky_buy_panel_in_an_aside_whose_class_says_nothing():
    panel = ("<aside class='sc-lzBYrf-6 LQDHGf'>" + _wrapped(
        "<div class='sc-p'>€ 189,00</div><span class='stock-oos'>Temporarily out of stock</span>"
        "<button type='button'>Notify when available</button><a href='/financing'>Financing</a>", 5, "sc-b")
        + "</aside>")
    assert extract_product(page(_BAND + _wrapped(_SPECS + panel, 4, "sc-m")), URL).availability == "OutOfStock"


def test_a_buy_box_whose_cart_button_the_page_replaced_beside_deep_cards_of_other_products():
    cards = "".join("<li class='css-cp9'><article>" + _wrapped(
        f"<a href='/p/{n}'>Scarf {n}</a><span>€ 9{n},00</span>"
        + _wrapped("<button type='button'>Add to cart</button>", 2, "css-btn"), 3, "css-card") + "</article></li>"
        for n in range(5))
    box = ("<div data-testid='buy-box' class='css-3094osc'><span>€ 189,00</span><div><button type='button'>"
           "Notify me when it's back</button></div><div><button type='button'>Add to wishlist</button></div></div>")
    body = _BAND + _wrapped(box, 6, "css-b") + "<div><h2>Trending now</h2><ul>" + cards + "</ul></div>"
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_a_buyers_review_in_the_buy_box_is_no_stock_statement():
    review = ("<ul class='reviews__list'><li class='reviews__item'><p class='reviews__text'>Had a restock alert set "
              "for weeks, everything was out of stock everywhere. Ordered the moment it went live.</p></li></ul>")
    assert in_buy_box(review).availability is None
    assert in_buy_box("<p class='stock'>Out of stock</p>" + review).availability == "OutOfStock"


@pytest.mark.parametrize("stock, availability", [
    ("<div class='stock'><strong>Out of stock</strong><br><span>Due: 15th March</span><p>Order now to reserve from the "
     "next delivery</p></div>", "BackOrder"),
    ("<p class='availability backorder'><span>Awaiting stock</span></p>", "BackOrder"),
    ("<div class='stock'><strong>Out of stock</strong></div>", "OutOfStock"),  # no date: OpenCart keeps its button
])
def test_sold_out_with_a_date_promised_beside_a_working_button_is_a_back_order(stock, availability):
    assert in_buy_box(stock + "<button class='add-to-cart'>Add to basket</button>").availability == availability


@pytest.mark.parametrize("box, availability", [
    ("<div class='fulfilment'><h3>Delivery</h3><p>Currently unavailable for delivery</p><h3>Collection</h3>"
     "<p>Not available for collection at stores near you</p></div><button class='btn'>Check stores</button>",
     "OutOfStock"),
    ("<p>Express delivery unavailable</p>", None),  # a faster option's
    ("<p>Currently unavailable for delivery</p><button class='add-to-cart'>Add to trolley</button>", "InStock"),
])
def test_a_product_that_cannot_be_delivered_and_no_button_sells_is_sold_out(box, availability):
    assert in_buy_box(box).availability == availability


def test_a_note_on_several_sizes_beside_a_button_waiting_for_a_choice_is_not_the_products_stock():
    # WooCommerce ships a variable product's button disabled until a size is chosen
    box = ("<p><em>Hinweis: Größen L und XXL sind derzeit nicht vorrätig.</em></p><form class='variations_form cart'>"
           "<button type='submit' class='single_add_to_cart_button button alt disabled wc-variation-selection-needed'>"
           "In den Warenkorb</button></form>")
    html = page(f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{box}</div>",
                ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
                    "offers": offer("189.00")}), lang="de")
    assert extract_product(html, URL).availability == "InStock"


@pytest.mark.parametrize("note, availability", [("Out of stock - available to backorder", "BackOrder"),
                                                 ("Tijdelijk uitverkocht – nabestellen mogelijk", "BackOrder"),
                                                 ("Agotado - disponible bajo pedido", "BackOrder"),
                                                 ("Out of stock. Pre-order now, ships in May", "PreOrder"),
                                                 ("Out of stock. Pre-order not possible", "OutOfStock")])
def test_sold_out_but_open_to_back_or_pre_order(note, availability):
    assert in_buy_box(f"<p class='stock'>{note}</p><button class='add-to-cart'>Add to cart</button>").availability \
        == availability


def test_labels_for_both_states_leave_markup_that_says_sold_out_standing():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", availability="OutOfStock")}
    body = ("<h1>Wool Coat</h1><span class='stock in-stock'>In stock</span><span class='stock out-of-stock'>"
            "Out of stock</span><button class='add-to-cart'>Add to cart</button>")
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"


@pytest.mark.parametrize("box, lang", [
    ("<div class='store-finder'><a href='/stores'>Im Geschäft suchen</a><p>In den Geschäften nicht erhältlich</p>"
     "</div>", "de"),
    ("<div class='store-finder'><p>Die gewünschten Informationen sind im Moment nicht verfügbar. Versuch es bitte "
     "später noch einmal.</p></div>", "de"),
    ("<p class='store-note'>Non disponibile nei negozi</p>", "it"),
])
def test_a_store_or_an_error_message_is_no_stock_verdict_without_a_button(box, lang):
    # The buy button is drawn by a script: nothing the static page shows says sold out.
    assert in_buy_box(box, lang).availability is None


@pytest.mark.parametrize("box, lang", [
    ("<p class='notice'>Het is niet mogelijk om via onze webshop een pre-order te plaatsen.</p>", "nl"),
    ("<p class='notice'>We do not take pre-orders for this item.</p>", "en"),
])
def test_a_negated_pre_order_is_no_pre_order(box, lang):
    assert in_buy_box(box, lang).availability is None
    assert in_buy_box("<p class='notice'>Pre-order now: ships in May.</p>").availability == "PreOrder"


def test_a_stock_line_in_a_product_column_laid_out_as_a_list_item():
    # alcomarket.md: the photos and the product's column are two <li>; the stylesheet hides the buy link
    body = ("<div class='product-page'><ul class='unstyled flex product-data-box'><li class='align-center'>"
            "<img src='/items-4998.png' alt=''></li><li><h1>Whisky Honey 1L</h1><ul class='common-info'>"
            "<li class='article'>#Артикул 4998</li></ul><ul class='price-box flex unstyled'><li class='price'>532.04 лей"
            "</li><li class='outofstock'>Нет в наличии</li></ul><ul class='add-to-basket-box'><li>"
            "<a href='#' class='addToBasket flex' data-id='4998'><span>В корзину</span></a></li></ul></li></ul></div>")
    assert extract_product(page(body, lang="ru"), URL).availability == "OutOfStock"


def test_a_toolbar_with_a_button_for_every_state_leaves_the_stock_to_the_markup():
    # Cult Beauty's toolbar holds "Add to bag", "Join the waitlist" and "Out of Stock"; its script shows one
    toolbar = ("<div class='productActionButtons'><button class='btn addCartButton disabled js-pick-options'>Add to bag"
               "</button><button class='btn addCartButton js-add-to-cart'>Add to bag</button><button class='btn "
               "addCartButton js-add-to-waitlist'>Join the waitlist</button><button class='btn js-out-of-stock disabled "
               "js-discontinued productDiscontinued'>Out of Stock</button></div>")
    for stock in ("InStock", "OutOfStock"):
        item = ("<div itemscope itemtype='http://schema.org/Product'><h1 itemprop='name'>Eyeshadow Palette</h1>"
                "<div itemprop='offers' itemscope itemtype='http://schema.org/Offer'><span itemprop='price'>58.00</span>"
                f"<meta itemprop='priceCurrency' content='GBP'><link itemprop='availability' href='http://schema.org/{stock}'>"
                f"</div>{toolbar}</div>")
        assert extract_product(page(item), URL).availability == stock


@pytest.mark.parametrize("hiding, availability", [("u-display-none", "InStock"), ("util-hidden", "InStock"),
                                                   ("hidden-xs", "OutOfStock")])  # hidden on small screens only
def test_a_sold_out_button_hidden_by_a_namespaced_utility_class(hiding, availability):
    box = (f"<button type='button' class='availability-status-btn {hiding}'><span>Sold Out</span></button>"
           "<button class='add-to-bag'>Add to bag</button>")
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("box, lang", [
    ("<div class='image-block'><span>Bild nicht verfügbar</span></div>", "de"),
    ("<div class='addons'>Von Ihnen ausgewählte Erweiterungen sind für diesen Verkäufer nicht verfügbar.</div>", "de"),
    ("<div class='wishlist-error'>Es ist ein Fehler aufgetreten. Liste nicht verfügbar.</div>", "de"),
    ("<p class='offer-note'>Not available from this seller</p>", "en"),
    # a figure the page could not fetch: Walmart's shipping table, its arrival column ("Data unavailable")
    ("<div class='product-fulfillment-shipping'><div class='shipping-method-col'>Value</div>"
     "<div class='shipping-date-col'> Data unavailable </div><div class='shipping-cost-col'>$4.97</div></div>", "en"),
    ("<div class='delivery-fulfillment'><span>Lieferdatum:</span> Daten nicht verfügbar</div>", "de"),
    # a view of the product's pictures
    ("<div class='availability-zoom'><span>zoom in not available</span></div>", "en"),
    ("<p class='stock-viewer'>3D view unavailable</p>", "en"),
])
def test_a_picture_an_add_on_a_list_or_a_seller_unavailable_is_not_the_product(box, lang):
    assert in_buy_box(box + "<p class='availability'>Nur noch 5 auf Lager</p>", lang).availability != "OutOfStock"


@pytest.mark.parametrize("box", [
    "<table class='specs'><tr><th>Date First Available</th><td>January 21, 2015</td></tr></table>",
    "<p class='price-note'>Price Available at Checkout</p>",
    "<p>Easy to install filament cartridges available in many vivid colours.</p>",
    # Apple's fine print under the price: the services', and only some regions' (no buy button in the saved page)
    "<p>Services are not available in all countries or regions and are subject to change.</p>",
    "<p>Some features are not available in all regions.</p>",
    "<p>Dienste sind nicht in allen Ländern verfügbar.</p>",
    # a details list's export restriction (Revolve)
    "<ul class='product-details__list'><li>Buckle closure</li><li>This item is not available for international "
    "export</li></ul>",
    # a service that does not come with it, a quantity the form's check refuses
    "<p class='gift-options'>Gift options are not available for this item.</p>",
    "<p class='autoship-msg'>CURRENTLY NOT AVAILABLE TO AUTOSHIP</p>",
    "<div class='error-msg'>The quantity chosen is not available</div>",
])
def test_a_date_a_price_or_colours_available_is_no_stock_statement(box):
    assert in_buy_box(box).availability is None


@pytest.mark.parametrize("words, lang", [("Notify me when the price drops", "en"), ("Obavesti me kada se promeni cena", "sr"),
                                         ("Benachrichtigen, wenn der Preis sinkt", "de"),
                                         ("M'alerter en cas de baisse de prix", "fr")])
def test_a_price_alert_is_no_back_in_stock_alert(words, lang):
    # the only control the static page shows is the price watch's; the buy button is drawn by script
    box = f"<div class='product-actions'><a class='btn btn-link price-watch' href='#'>{words}</a></div>"
    assert in_buy_box(box, lang).availability is None


@pytest.mark.parametrize("prose", ["One of the largest plush available from Pokémon Center",
                                   "The softest merino blend available anywhere this season"])
def test_prose_with_an_in_stock_word_says_nothing_of_stock(prose):
    # a subtitle in the buy box; markup says sold out and no button sells
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00", "OutOfStock")}
    body = (f"<div class='product-info'><h1>Wool Coat</h1><p class='subtitle'>{prose}</p>"
            "<div class='product-price'>€ 189,00</div></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"
    assert in_buy_box(f"<p class='subtitle'>{prose}</p>").availability is None
    # a statement still says it, its subject first
    assert in_buy_box("<p class='note'>This item is currently available</p>").availability == "InStock"
    assert in_buy_box("<p class='note'>Magic Keyboard with Numeric Keypad available.</p>").availability == "InStock"


def test_a_product_being_discontinued_is_still_on_sale():
    assert in_buy_box("<p class='product-note'>This item is being discontinued.</p>").availability == "LimitedAvailability"


@pytest.mark.parametrize("button, lang", [
    ("Agregar al carrito", "es-MX"), ("COMPRAR", "pt-BR"), ("Adicionar ao cesto", "pt-PT"), ("Acquista ora", "it"),
    ("In winkelmandje", "nl"), ("Jetzt bestellen", "de"), ("Köp", "sv"), ("Kjøp", "nb"), ("Lisää koriin", "fi"),
    ("Přidat do košíku", "cs"), ("Προσθήκη στο καλάθι", "el"), ("Додати в кошик", "uk"), ("أضف إلى السلة", "ar"),
    ("הוסף לסל", "he"), ("Thêm vào giỏ hàng", "vi"), ("Tambah ke Keranjang", "id"), ("購入する", "ja"),
    ("구매하기", "ko"), ("立即購買", "zh-TW"), ("Dodaj u košaricu", "hr"), ("Į krepšelį", "lt"),
    ("Pievienot grozam", "lv"), ("Lisa ostukorvi", "et"), ("Добави в количката", "bg"), ("Satın al", "tr"),
    ("Toevoegen aan winkelwagen", "nl"), ("Bestellen", "de"),
    ("У кошик", "uk"), ("Megveszem", "hu"), ("קנה", "he"), ("اشتري", "ar"), ("شراء", "ar"),
])
def test_a_buy_button_in_the_shops_language_is_a_working_buy_button(button, lang):
    # no markup and no stock words: the page can be ordered because its buy button works
    rec = extract_product(page(f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00"
                               f"</div><button type='submit'>{button}</button></div>", lang=lang), URL)
    assert rec.availability == "InStock"


def test_a_button_that_merely_mentions_buying_is_no_buy_button():
    rec = extract_product(page("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00"
                               "</div><button type='button'>Como comprar</button></div>", lang="pt"), URL)
    assert rec.availability is None


def test_a_buy_box_container_is_no_working_buy_button():
    # a sticky bar named "buybox" that shows the title, and the page's buy box saying unavailable
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = ("<div class='stickyHeader__buybox js-ProductBuy'><span class='title'>Wool Coat</span></div>"
            "<div class='product-info'><h1>Wool Coat</h1><div class='f-buyBox'><p class='status'>Indisponible en "
            "ligne</p></div></div>")
    assert extract_product(page(body, ld(data), lang="fr"), URL).availability == "OutOfStock"
    # a real button in it still works
    body = body.replace("<p class='status'>Indisponible en ligne</p>",
                        "<p>Indisponible en magasin</p><button>Ajouter au panier</button>")
    assert extract_product(page(body, ld(data), lang="fr"), URL).availability == "InStock"


@pytest.mark.parametrize("store, lang", [("Kraków — <span class='is-unavailable'>Niedostępny w tym salonie</span>", "pl"),
                                         ("Praha: Není skladem na prodejně", "cs"), ("Tillfälligt slut i butiken", "sv"),
                                         ("Indisponível na loja", "pt"), ("Mağazada stokta yok", "tr")])
def test_one_store_out_of_stock_beside_a_working_button_leaves_the_product_in_stock(store, lang):
    body = (f"<h1>LEGO Star Wars 75313</h1><p class='price'>3 499,99 zł</p><div class='delivery-box'><div class='shops'>"
            f"<ul><li>Warszawa — dostępny od ręki</li><li>{store}</li></ul></div></div>"
            "<button class='add-to-cart'>Do koszyka</button>")
    assert extract_product(page(body, lang=lang), URL).availability == "InStock"


def test_a_buy_box_classed_sold_out_whose_stylesheet_hides_the_button():
    # the state only in the buy box's class: the stylesheet hides the button and writes the notice in ::after;
    # "Finance available" speaks of a way to pay
    head = ("<style>.outOfStock .buyButton{display:none!important}"
            ".outOfStock .stockIndicator::after{content:'Temporarily Out Of Stock'}</style>")
    body = ("<div class='productDetail'><h1>MSI GeForce RTX 3080 GAMING X TRIO 10GB</h1></div>"
            "<div class='buyPanel outOfStock'><div class='price'><span class='price'>£759.98</span></div>"
            "<div class='stockIndicator'></div><button class='buyButton'>Buy Now</button>"
            "<div class='finance'>Finance available from £21.43 per month</div></div>")
    assert extract_product(page(body, head), URL).availability == "OutOfStock"


@pytest.mark.parametrize("gross, net", [("price_withVat", "price_withoutVat"), ("price-incl-vat", "price-excl-vat")])
def test_a_price_classed_with_vat_is_the_price_and_one_without_stays_out(gross, net):
    body = (f"<h1>iPhone 8 64GB</h1><div class='priceDetail'><span class='bigPrice {gross}'>20 639 Kč</span>"
            f"<span class='{net}'>17 057 Kč</span></div><button class='btn buy'>Do košíku</button>")
    assert extract_product(page(body, lang="cs"), URL).price == "20639.00"


def test_a_page_section_of_thousands_of_elements_is_no_card_among_its_alike_siblings():
    # Alza: the h1 above the page's columns, class-less divs side by side, each with a price and links to
    # other pages; the product's own column, thousands of elements, is no tile of a strip of cards
    specs = "".join(f"<li><span>Spec {i}</span><b>value {i}</b></li>" for i in range(800))
    own = (f"<div><div class='priceDetail'><span class='bigPrice'>20 639 Kč</span></div>"
           f"<button class='btn buy'>Do košíku</button><ul>{specs}</ul><a href='/iphone-8-256gb'>256 GB</a></div>")
    other = "<div><a href='/{0}'>Accessory {0}</a><span class='price'>{1} Kč</span></div>"
    html = titled("iPhone 8 64GB | Alza.cz", "<h1>iPhone 8 64GB</h1><div class='page'>" + own
                  + other.format("case", "499") + other.format("charger", "690") + "</div>", lang="cs")
    rec = extract_product(html, URL)
    assert (rec.price, rec.availability) == ("20639.00", "InStock")


@pytest.mark.parametrize("named", ["perunit_price", "perkg-price", "price perUnit"])
def test_a_price_per_unit_named_in_one_word_is_no_price(named):
    # the unit in a span of its own after the amount, the class fusing "per" to the unit
    body = ("<h1>Milk Protein Shake</h1><div class='price'><span class='price-mrp'>MRP</span>"
            "<span class='currency_el price-new'>₹900</span><span class='" + named + "'> (USP "
            "<span class='currency_el'>₹150.00</span><span>/L</span>)</span></div>"
            "<button class='btn add-to-cart'>Add to Cart</button>")
    assert extract_product(page(body), URL).price == "900.00"


@pytest.mark.parametrize("unit_price, price", [
    ("<span class='productPrice' id='js_scl_unitPrice'>￥54,978</span>", "54978"),  # the price of one
    # a base price per quantity beside the price stays no price
    ("<span class='price'>￥54,978</span><span class='unit-price'>￥1,099 / 100 g</span>", "54978"),
    ("<span class='unit-price'>1 kg = ￥1,099</span><span class='price'>￥54,978</span>", "54978")])
def test_an_element_named_unit_price_that_shows_one_amount_is_the_price(unit_price, price):
    body = (f"<h1>PlayStation 5</h1><dl><dt>販売価格</dt><dd>{unit_price}</dd><dt>お届け日</dt>"
            "<dd><span class='red'>予定数の販売を終了しました</span></dd></dl>")
    assert extract_product(page(body, lang="ja"), URL).price == price


def test_a_price_unit_child_holding_the_currency_is_a_part_of_the_price():
    body = ("<h1>소니 플레이스테이션5</h1><div class='prod-price'><span class='total-price'><strong>628,000"
            "<span class='price-unit'>원</span></strong></span></div><em class='prod-txt-soldout'>일시품절</em>")
    rec = extract_product(page(body, lang="ko"), URL)
    assert (rec.price, rec.currency) == ("628000", "KRW")


@pytest.mark.parametrize("count, availability", [("SOLD OUT", "OutOfStock"), ("7 IN STOCK", "InStoreOnly")])
def test_an_in_store_only_item_sold_out_at_the_store(count, availability):
    # markup says it is sold in stores only; the page says the store has none
    body = ("<h1>GeForce RTX 3070 Ventus 2X OC</h1><div itemprop='offers' itemscope itemtype='http://schema.org/Offer'>"
            "<meta itemprop='priceCurrency' content='USD'><link itemprop='availability' href='http://schema.org/InStoreOnly'>"
            "<p class='big-price'><span itemprop='price' content='599.99'>$599.99</span></p><div class='inventory'>"
            f"<p class='inventory'><span class='inventoryCnt'>{count}</span> at Tustin Store</p>"
            "<div class='inStoreOnly'>IN-STORE ONLY — This item is only available for in-store purchase.</div>"
            "<a href='#' class='button'>Check Stock at Other Stores</a></div></div>")
    assert extract_product(page(body), URL).availability == availability


def test_stale_markup_sold_out_beside_a_working_button_and_a_few_items_left():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wireless Earbuds",
            "offers": {"@type": "Offer", "price": "1299", "priceCurrency": "PHP", "availability": "https://schema.org/OutOfStock"}}
    body = ("<h1>Wireless Earbuds</h1><p class='price'>₱1,299</p><p class='quantity-tip'>Only 3 items left</p>"
            "<button class='add-to-cart'>Buy Now</button>")
    assert extract_product(page(body, ld(data)), URL).availability == "LimitedAvailability"  # few left: in stock


def test_a_newer_models_box_on_an_unavailable_page_holds_no_price_of_its_own():
    body = ("<h1><span id='productTitle'>Sony WH-1000XM4 Kopfhörer</span></h1><div id='availability'>"
            "<span class='a-color-price'>Derzeit nicht verfügbar.</span></div><div id='newerVersion_feature_div'>"
            "<div class='a-box'><h5>Es ist ein neueres Modell dieses Artikels verfügbar:</h5><a href='/dp/B09Y2MYL5C'>"
            "Sony WH-1000XM5 Kopfhörer</a><span class='a-price'><span class='a-offscreen'>299,00 €</span></span></div></div>")
    rec = extract_product(page(body, lang="de"), URL)
    assert (rec.price, rec.availability) == (None, "OutOfStock")


def test_a_listings_status_before_its_title_is_no_part_of_the_name():
    html = ("<html><head><title>Massivholz Esstisch Eiche 180x90 | Kleinanzeigen</title></head><body>"
            "<h1 id='viewad-title' itemprop='name'><span class='pvap-reserved-title'>Reserviert • </span>"
            "<span class='pvap-deleted-title is-hidden'>Gelöscht • </span>Massivholz Esstisch Eiche 180x90</h1>"
            "<h2 id='viewad-price'>450 € VB</h2><p>Der Anbieter hat diese Anzeige reserviert.</p></body></html>")
    assert extract_product(html, URL).name == "Massivholz Esstisch Eiche 180x90"


def test_amazons_hiding_class_hides_its_unavailable_template():
    body = ("<h1><span id='productTitle'>Espresso Machine</span></h1><span class='a-price'>$549.95</span>"
            "<div id='addToCart_feature_div' class='aok-hidden'><div id='outOfStock'>Currently unavailable.</div></div>"
            "<span class='a-button'><input id='add-to-cart-button' type='submit' value='Add to Cart'></span>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_an_english_reserved_alone_is_a_brand_not_a_state():
    # the Polish fashion brand "Reserved" on a resale listing
    body = ("<h1>Wool coat</h1><a class='brand' href='/brand/reserved'>Reserved</a><p class='price'>€45</p>"
            "<button class='add-to-cart'>Buy now</button>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_zen_carts_normal_price_beside_its_special_price_is_the_old_price():
    body = ("<h1 id='productName'>6V6GT Matched Pair Power Tubes</h1><h2 id='productPrices' class='productGeneral'>"
            "<span class='normalprice'>$44.99 </span>&nbsp;<span class='productSpecialPrice'>$34.99</span>"
            "<span class='productPriceDiscount'><br />Save:&nbsp;22% off</span></h2>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.regular_price) == ("34.99", "44.99")


def test_a_table_of_shipping_rates_holds_no_price():
    # a members-only wholesale page shows no price; its rates by region are shipping fees
    rows = "".join(f"<tr><th>{r}</th><td>660円</td><td>無料</td></tr>" for r in ("本州", "四国", "九州"))
    body = ("<h1>ニット帽 3点セット</h1><p class='member-only'>会員登録で価格が見られます</p>"
            f"<div class='carriage-info'><table class='carriage-tbl carriage-shipping'>{rows}</table></div>")
    assert extract_product(page(body, lang="ja"), URL).price is None


def test_a_sold_out_statement_five_levels_from_the_title_of_a_script_built_page():
    nest = lambda inner, n: "<div>" * n + inner + "</div>" * n  # noqa: E731
    body = f"<div>{nest('<h1>Wool Coat</h1>', 4)}{nest('<span>$189.00</span>', 2)}{nest('<p>Sold out</p>', 4)}</div>"
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_a_sentence_that_the_item_cannot_go_in_the_cart_outweighs_the_button():
    box = ("<p class='note'>The item is unavailable and cannot be added to your cart.</p>"
           "<button class='add-to-cart'>Add to cart</button>")
    assert in_buy_box(box).availability == "OutOfStock"


@pytest.mark.parametrize("button, availability", [("", "OutOfStock"),
                                                   ("<button class='add-to-cart'>Add to cart</button>", "InStock")])
def test_call_to_check_availability_in_place_of_the_buy_button(button, availability):
    box = f"<div class='buy'><span class='note'>Call to check product availability</span>{button}</div>"
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("markup", [
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "offers": offer("189.00", availability="x") | {"availability": "Ausverkauft"}}),
    "<meta property='og:type' content='product'><meta property='product:availability' content='Épuisé'>",
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "offers": offer("189.00") | {"availability": "NotAvailable"}}),
    # a template's bare boolean
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "offers": offer("189.00") | {"availability": False}}),
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "offers": offer("189.00") | {"availability": "False"}}),
    # the stock put on the product rather than its offer
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "availability": "https://schema.org/OutOfStock",
        "offers": {"@type": "Offer", "price": "189.00", "priceCurrency": "EUR"}}),
    # no availability, a stock level of none
    ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
        "offers": {"@type": "Offer", "price": "189.00", "priceCurrency": "EUR",
                   "inventoryLevel": {"@type": "QuantitativeValue", "value": 0}}}),
])
def test_stock_in_markup_written_in_the_shops_own_words(markup):
    rec = extract_product(page("<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>", markup), URL)
    assert rec.availability == "OutOfStock"


def test_stock_in_markup_outside_a_product_item():
    body = ("<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            "<link itemprop='availability' href='https://schema.org/OutOfStock'>")
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_stock_from_page_state_when_the_markup_gives_only_the_price():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "Offer", "price": "189.00", "priceCurrency": "EUR"}}
    state = ('<script type="application/json" id="ProductJson">{"title": "Wool Coat", "price": 18900, '
             '"available": false, "vendor": "Other"}</script>')
    rec = extract_product(page(f"<h1>Wool Coat</h1>{state}", ld(data)), URL)
    assert (rec.availability, rec.sources["availability"], rec.price, rec.brand) == (
        "OutOfStock", "json", "189.00", None)  # "Other": the platform's filler vendor, no brand


@pytest.mark.parametrize("assignment, availability", [
    ("var product = ", "OutOfStock"), ("window.productJson = ", "OutOfStock"),
    ("var recentlyViewed = ", "InStock"),  # not the page's product: the enabled button speaks
])
def test_stock_from_a_themes_product_variable_over_a_button_scripts_will_disable(assignment, availability):
    state = {"id": 1, "title": "Wool Coat", "price": 18900, "available": False,
             "variants": [{"id": 2, "available": False, "price": 18900}]}
    body = (f"<h1>Wool Coat</h1><div class='price'>€ 189,00</div><button type='submit' name='add'>Add to cart"
            f"</button><script>{assignment}{json.dumps(state)};</script>")
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.price, rec.currency) == (availability, "189.00", "EUR")


def test_page_state_that_says_sold_out_overrules_markup_that_says_in_stock_when_the_page_says_nothing():
    """An SEO app's markup says in stock; the page shows no stock words and no buy button, and its
    buy box is drawn from state that says sold out."""
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    state = {"product": {"title": "Wool Coat", "price": {"current_retail": 189.0}, "availability_status": "OUT_OF_STOCK"}}
    body = f"<h1>Wool Coat</h1><script>window.__PRELOADED_STATE__ = {json.dumps(state)};</script>"
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"], rec.price) == ("OutOfStock", "json", "189.00")
    # a working buy button beside markup that says in stock: the state is not read (a parse per page)
    button = body.replace("</h1>", "</h1><button type='submit' name='add'>Add to cart</button>")
    assert extract_product(page(button, ld(data)), URL).availability == "InStock"
    # state that says in stock, or words on the page, leave it to them
    shown = body.replace("OUT_OF_STOCK", "IN_STOCK")
    assert extract_product(page(shown, ld(data)), URL).availability == "InStock"
    said = body.replace("<h1>Wool Coat</h1>", "<h1>Wool Coat</h1><p class='stock'>In stock</p>")
    assert extract_product(page(said, ld(data)), URL).availability == "InStock"


@pytest.mark.parametrize("state", [{"price": None, "availableForSale": False}, {"stockStatus": "OUT_OF_STOCK"},
                                   {"variants": [{"price": {"amount": "189.00"}, "available": False}]}])
def test_stock_in_page_state_that_dropped_the_sold_out_products_price(state):
    blob = {"props": {"pageProps": {"product": {"name": "Wool Coat", **state}, "seo": {"title": "Wool Coat"}}}}
    body = f"<div id='__next'><h1>Wool Coat</h1></div><script type='application/json'>{json.dumps(blob)}</script>"
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.sources["availability"], rec.price) == ("OutOfStock", "json", None)


def test_a_recommended_product_named_alike_in_page_state_is_not_the_unpriced_product():
    """The product's state names no price of its own (its variants do); a recommendation three of
    whose four words are the title's has one: it is another product, not this one."""
    blob = {"product": {"title": "Noralber Merino Crew Sweater", "available": False,
                        "variants": [{"sku": "SPQ-0422-M", "available": False, "price": 2995}]},
            "recommendations": [{"title": "Haeklo Merino Crew Sweater", "price": 25999, "available": False}]}
    body = (f"<div id='app'><h1>Noralber Merino Crew Sweater</h1><p class='price'>$29.95</p></div>"
            f"<script>window.__APP_STATE__ = {json.dumps(blob)};</script>")
    rec = extract_product(page(body), URL)
    assert (rec.name, rec.price, rec.availability) == ("Noralber Merino Crew Sweater", "29.95", "OutOfStock")


@pytest.mark.parametrize("state, availability", [
    ({"availableForSale": False}, "OutOfStock"), ({"isSoldOut": True}, "OutOfStock"),
    ({"orderable": False}, "OutOfStock"), ({"availability": {"status": "OUT_OF_STOCK"}}, "OutOfStock"),
    ({"inventoryQuantity": 0}, "OutOfStock"), ({"stockLevel": 4}, "InStock"), ({"soldOut": False}, "InStock"),
    # a flag outranks a count (a count at none with a backorder policy still sells)
    ({"available": True, "inventory_quantity": 0}, "InStock"),
    # by the variants: in stock if any is
    ({"variants": [{"available": False}, {"available": True}]}, "InStock"),
    ({"variants": [{"availableForSale": False}, {"availableForSale": False}]}, "OutOfStock"),
    # a stock object
    ({"inventory": {"available": False, "quantity": 0, "status": "OUT_OF_STOCK"}}, "OutOfStock"),
    ({"stockInfo": {"status": "IN_STOCK"}}, "InStock"),
    # a key named for stock whose text is the shop's word for it
    ({"stock_status": "vyprodáno"}, "OutOfStock"), ({"lagerStatus": "Ausverkauft"}, "OutOfStock"),
    ({"voorraad": {"status": "uitverkocht", "aantal": 0}}, "OutOfStock"), ({"stockMessage": "Op voorraad"}, "InStock"),
])
def test_stock_in_page_state_under_its_usual_keys(state, availability):
    blob = {"props": {"pageProps": {"product": {"name": "Wool Coat", "price": {"amount": "189.00", "currency": "EUR"},
                                                **state}}}}
    body = f"<div id='__next'><h1>Wool Coat</h1></div><script type='application/json'>{json.dumps(blob)}</script>"
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.sources["availability"], rec.price) == (availability, "json", "189.00")


@pytest.mark.parametrize("code, sku", [("SR-1120", "SR-1120"), ("844126911", "844126911"), ("serum toz", None)])
def test_a_states_product_code_is_a_code_not_words_a_seller_typed(code, sku):
    state = {"product": {"name": "Wool Coat", "productCode": code, "price": {"value": 189, "currency": "EUR"}}}
    body = f"<div id='app'><h1>Wool Coat</h1></div><script type='application/json'>{json.dumps(state)}</script>"
    assert extract_product(page(body), URL).sku == sku


def test_the_interfaces_words_in_page_state_are_no_stock():
    # a Next.js page's translation bundle ("outOfStock": "Out of stock") beside the product's name; the buy
    # button works and nothing else says
    labels = {"outOfStock": "Out of stock", "notifyMe": "Notify me", "addToBag": "Add to bag", "size": "Size",
              "findInStoreOutOfStockToggleText": "Show sold out stores", "selectSize": "Select size"}
    state = {"props": {"pageProps": {"product": {"name": "Wool Coat", "labels": labels,
                                                 "swatch.alt.text.outofstock": "Sold out"}}}}
    body = (f"<div id='__next'><h1>Wool Coat</h1><span class='price'>$19.99</span><button class='add-to-bag'>"
            f"Add to bag</button></div><script id='__NEXT_DATA__' type='application/json'>{json.dumps(state)}</script>")
    assert extract_product(page(body), URL).availability == "InStock"


@pytest.mark.parametrize("state, availability", [
    # keys in the shop's language: the product is the dict that names the title
    ({"data": [{"product": {"naam": "Wool Coat", "prijs": {"bedrag": 189}, "voorraad": {"status": "uitverkocht"}}}],
      "recentBekeken": [{"naam": "Silk Scarf", "voorraad": {"status": "op_voorraad"}}]}, "OutOfStock"),
    # an enum without its accents ("TUKENDI" for "tükendi"); a similar product in stock beside it
    ({"urun": {"urunAdi": "Wool Coat", "stokDurumu": "TUKENDI",
               "benzerUrunler": [{"urunAdi": "Wool Coat Mini", "stokDurumu": "STOKTA"}]}}, "OutOfStock"),
    ({"urun": {"urunAdi": "Wool Coat", "stokDurumu": "STOKTA"}}, "InStock"),
    # a slug or a path that spells the title is no name
    ({"routePath": "/p/wool coat", "items": [{"ad": "Silk Scarf", "stokDurumu": "TUKENDI"}]}, None),
])
def test_stock_in_a_state_keyed_in_the_shops_language(state, availability):
    body = f"<div id='app'><h1>Wool Coat</h1></div><script type='application/json'>{json.dumps(state)}</script>"
    assert extract_product(page(body), URL).availability == availability


@pytest.mark.parametrize("script, availability", [
    ("var utag_data = {page_type: 'product', product_instock:['0'], product_id:['88213']};", "OutOfStock"),
    ("dataLayer.push({\"product_availability\": \"out of stock\"});", "OutOfStock"),
    ("var utag_data = {product_instock:['1']};", "InStock"),
    ("var a = {product_instock:['1']}; var b = {item_in_stock: false};", None),  # they disagree: nothing said
    # the stock of the product the page's analytics view (named like the title), not a list's
    ("dataLayer = [{'ecommerce': {'detail': {'products': [{'name': 'Wool Coat', 'stock_status': 'outofstock'}]}}}];",
     "OutOfStock"),
    ('gtag("event", "view_item", {items: [{item_name: "Wool Coat", in_stock: false}]});', "OutOfStock"),
    # a stock count: none left, or some
    ('dataLayer.push({"ecommerce": {"detail": {"products": [{"name": "Wool Coat", "id": "A1", "stock": 0}]}}});',
     "OutOfStock"),
    ('dataLayer.push({"ecommerce": {"detail": {"products": [{"name": "Wool Coat", "id": "A1", "stock": 1}]}}});',
     "InStock"),
    # the first stock key whose value reads as a stock state
    ('dataLayer.push({"event": "view_item", "ecommerce": {"items": [{"item_name": "Wool Coat", '
     '"stock_status": "vyprodáno", "availability": "out_of_stock"}]}});', "OutOfStock"),
    ("dataLayer.push({'ecommerce': {'impressions': [{'name': 'Wool Coat', 'stock_status': 'outofstock'}]}});", None),
    # a framework's serialised page data holding the product's schema.org stock, its quotes escaped
    ('self.__next_f.push([1,"{\\"@type\\":\\"Product\\",\\"name\\":\\"Wool Coat\\",\\"offers\\":'
     '{\\"availability\\":\\"https://schema.org/OutOfStock\\"}}"])', "OutOfStock"),
])
def test_a_tag_managers_stock_flag_when_the_page_says_nothing(script, availability):
    body = f"<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div><script>{script}</script>"
    assert extract_product(page(body), URL).availability == availability
    # a working buy button outweighs it
    assert extract_product(page(body + "<button class='add-to-cart'>Add to cart</button>"), URL).availability == \
        "InStock"


@pytest.mark.parametrize("script, price, currency", [
    ("dataLayer = [{'ecommerce': {'detail': {'actionField': {}, 'products': [{'name': 'Wool Coat', 'id': 'A1686', "
     "'price': '189.00', 'brand': 'Nordvik'}]}}}];", "189.00", "EUR"),  # the currency: the shop's .de domain
    ('gtag("event", "view_item", {currency: "GBP", value: 159, items: [{item_id: "WC-1", item_name: "Wool Coat", '
     'price: 159}]});', "159.00", "GBP"),
    # list impressions and another product's view are not this page's price
    ("dataLayer.push({'ecommerce': {'impressions': [{'name': 'Wool Coat', 'price': '189.00'}]}});", None, None),
    ('gtag("event", "view_item", {items: [{item_name: "Silk Scarf", price: 59}]});', None, None),
])
def test_the_price_the_pages_analytics_are_told_when_the_page_shows_none(script, price, currency):
    body = f"<h1>Wool Coat</h1><div class='product-price' data-price-target></div><script>{script}</script>"
    rec = extract_product(page(body), URL.replace(".com/", ".de/"))
    assert (rec.price, rec.currency) == (price, currency)
    # a price the page shows is the price
    shown = body.replace("data-price-target></div>", ">€ 179,00</div>")
    assert extract_product(page(shown), URL).price == "179.00"


def test_vtex_sku_json_says_the_stock_of_a_script_drawn_buy_box():
    sku_json = {"productId": 1934, "name": "Wool Coat", "available": False, "skus": [
        {"sku": 20471, "skuname": "M", "available": False, "availablequantity": 0, "bestPrice": 18900},
        {"sku": 20472, "skuname": "L", "available": False, "availablequantity": 0, "bestPrice": 18900}]}
    body = (f"<h1 class='vx-title'>Wool Coat</h1><div class='product-price'>R$ 189,00</div>"
            f"<div class='buy-button-box'></div><script>var skuJson_0 = {json.dumps(sku_json)};</script>")
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_bigcommerces_page_data_says_the_stock_when_its_buy_box_is_hidden():
    bc_data = {"csrf_token": "480b3e", "product_attributes": {"sku": "SF-TI900", "price": {"without_tax": {
        "formatted": "$64.95", "value": 64.95, "currency": "USD"}}, "stock": 0, "instock": False, "purchasable": True}}
    body = ("<div class='productView'><h1 class='productView-title'>Titanium Cook Pot</h1>"
            "<div class='productView-price'><span class='price price--withoutTax'>$64.95</span></div>"
            "<div id='add-to-cart-wrapper' style='display: none'><input type='submit' value='Add to Cart'></div></div>"
            f"<script>var BCData = {json.dumps(bc_data)};</script>")
    assert extract_product(page(body), URL).availability == "OutOfStock"
    assert extract_product(page(body.replace('"instock": false', '"instock": true')), URL).availability == "InStock"


def test_a_sold_out_badge_drawn_by_its_icon_outweighs_stale_markup():
    # the badge's words are its accessible name (role="img"); no buy button, the markup says in stock
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {**offer("189.00"), "availability": "https://schema.org/InStock"}}
    body = ("<div class='pdp'><div class='gallery'><span class='badge badge--soldout' role='img' aria-label='Agotado' "
            "title='Agotado'><svg aria-hidden='true'><use href='/badges.svg#agotado'></use></svg></span>"
            "<img src='/coat.jpg' alt='Wool Coat'></div><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"
    # an icon-only badge that is no image says nothing of its own
    plain = body.replace(" role='img'", "")
    assert extract_product(page(plain, ld(data)), URL).availability == "InStock"


def test_a_json_script_holding_one_string_is_no_state_to_search():
    body = ("<h1>Wool Coat</h1><div id='app'></div><script type='application/json' id='locale'>\"es-ES\"</script>"
            "<script type='application/json'>[\"a\", 1]</script>")
    assert extract_product(page(body), URL).name == "Wool Coat"


@pytest.mark.parametrize("attribute, availability", [
    ("data-available='false'", "OutOfStock"), ("data-product-availability='out-of-stock'", "OutOfStock"),
    ("data-in-stock='0'", "OutOfStock"), ("data-stock-status='instock'", "InStock"),
    ("data-available-sizes='S M'", None),  # another attribute
])
def test_a_stock_data_attribute_of_the_product_block_when_the_page_says_nothing(attribute, availability):
    body = f"<div class='pdp' {attribute}><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div></div>"
    assert extract_product(page(body), URL).availability == availability


@pytest.mark.parametrize("classes, availability", [
    ("product type-product post-12 status-publish outofstock", "OutOfStock"),  # WooCommerce's post_class
    ("product type-product post-12 status-publish instock", "InStock"),
    ("product product--sold-out", "OutOfStock"), ("product-single is-sold-out", "OutOfStock"),
    ("product product--featured", None),
])
def test_a_stock_class_of_the_products_container_when_the_page_says_nothing(classes, availability):
    body = f"<div class='{classes}'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div></div>"
    assert extract_product(page(body), URL).availability == availability
    # a sold-out theme that drops the buy button is believed over markup that says in stock
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    assert extract_product(page(body, ld(data)), URL).availability == (availability or "InStock")
    # a working buy button outweighs it
    body = body.replace("</div></div>", "</div><button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_brand_and_code_from_page_state_when_the_markup_gives_only_the_price():
    """A script-rendered shop: og:price in the head, the rest in Shopify's analytics state, where
    the vendor sits on the product and the code on its variant."""
    head = ('<meta property="og:type" content="product"><meta property="og:title" content="Wool Coat (Navy)">'
            '<meta property="og:price:amount" content="189.00"><meta property="og:price:currency" content="EUR">')
    state = ('<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};\n'
             'var meta = {"product":{"id":7332,"vendor":"Acme","type":"COATS","variants":[{"id":4042,'
             '"price":18900,"name":"Wool Coat (Navy)","public_title":null,"sku":"WC-100-NV"}]},'
             '"page":{"pageType":"product"}};\nfor (var attr in meta) { window.ShopifyAnalytics.meta[attr] = meta[attr]; }'
             '</script>')
    rec = extract_product(page(f"<div id='app'></div>{state}", head), URL)
    assert (rec.price, rec.brand, rec.sku) == ("189.00", "Acme", "WC-100-NV")
    assert (rec.sources["brand"], rec.sources["sku"]) == ("json", "json")
    # with no markup price, the state's price is in minor units (cents)
    rec = extract_product(page(f"<div id='app'></div>{state}", head.split('<meta property="og:price')[0]), URL)
    assert (rec.price, rec.sources["price"]) == ("189.00", "json")


@pytest.mark.parametrize("opening", [
    "",
    # the script opens with an empty settings object and its keys, the state assigned well after
    "window.__ENV = {};" + "".join(f'\n  window.__ENV.SETTING_{i} = "{"x" * 60}";' for i in range(12)),
])
def test_page_state_assigned_to_a_key_of_the_state_and_its_producer(opening):
    state = (f"<script>{opening}window.__INITIAL_STATE__ = window.__INITIAL_STATE__ || {{}}; window.__INITIAL_STATE__['app'] = "
             '{"productDetails": {"id": "1203456", "name": "Wool Coat", "producer": {"name": "Nordvik"}, '
             '"price": 189.0, "availabilityStatus": "Unavailable", "isBuyable": false}};</script>')
    rec = extract_product(page(f"<div id='app'><h1>Wool Coat</h1></div>{state}"), URL)
    assert (rec.brand, rec.price, rec.availability, rec.sources["brand"]) == ("Nordvik", "189.00", "OutOfStock", "json")


def test_the_vendor_of_page_state_when_markup_and_page_name_no_brand():
    """The markup has price and stock but an unrendered brand; the page shows none; Shopify's
    analytics state names the vendor (before the shop's own name, the last resort)."""
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "brand": "{{ product.vendor }}",
            "offers": offer("189.00")}
    state = ('<script>var meta = {"product":{"id":7332,"vendor":"Nordvik","variants":[{"id":4042,"price":18900,'
             '"name":"Wool Coat - Navy"}]}};</script>')
    head = ld(data) + '<meta property="og:type" content="product"><meta property="og:site_name" content="Example Shop">'
    rec = extract_product(page(f"<h1>Wool Coat</h1>{state}", head), URL)
    assert (rec.brand, rec.sources["brand"], rec.price) == ("Nordvik", "json", "189.00")
    without = page("<h1>Wool Coat</h1>", head).replace("<a href='/brands'>All brands</a>", "")
    rec = extract_product(without, URL)  # the shop's own name, last, in a shop with no menu of brands
    assert (rec.brand, rec.sources["brand"]) == ("Example", "site")


def test_coming_soon_beside_a_working_buy_button_is_in_stock():
    box = "<p>New colours coming soon</p><button class='add-to-cart'>Add to cart</button>"
    rec = in_buy_box(box)
    assert rec.availability == "InStock"


def test_state_json_prices_in_cents_are_read_as_the_page_shows_them():
    state = ('<script type="application/json" id="ProductJson">{"title": "Wool Coat", "available": true, '
             '"price": 18900, "compare_at_price": 24900}</script>')
    body = (f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€189,00</div>{state}"
            "<button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.regular_price, rec.currency) == ("189.00", "249.00", "EUR")


def test_markup_prices_in_cents_are_read_as_the_page_shows_them():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "Offer", "price": 18900, "priceCurrency": "EUR"}}
    body = "<h1>Wool Coat</h1><div class='product-price'>€189,00</div><button class='add-to-cart'>Add</button>"
    assert extract_product(page(body, ld(data)), URL).price == "189.00"
    # a whole amount the page shows as it is stays as it is
    assert extract_product(page(body.replace("€189,00", "€18.900,00"), ld(data)), URL).price == "18900.00"


def test_a_currency_sign_in_the_markup_price():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "Offer", "price": "€189,00"}}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL)
    assert (rec.price, rec.currency, rec.sources["currency"]) == ("189.00", "EUR", "jsonld")


def test_a_label_the_page_hides_with_its_own_css_is_not_read():
    css = "<style>.pdp .unavailable-label{display:none}.is-sold-out .can-buy{display: none}</style>"
    body = ("<div class='pdp'><h1>Wool Coat</h1><span class='price'>€189.00</span>"
            "<button class='buy'><span class='can-buy'>Add to bag</span>"
            "<span class='unavailable-label'>Unavailable</span></button></div>")
    assert extract_product(page(body, css), URL).availability == "InStock"
    sold = body.replace("class='pdp'", "class='pdp is-sold-out'")
    assert extract_product(page(sold, css.replace(".pdp .unavailable-label", ".pdp:not(.is-sold-out) .x")),
                           URL).availability == "OutOfStock"


def test_a_hidden_sold_out_label_inside_a_block_whose_class_speaks_of_stock_is_not_read():
    # the block's class ("is-available") makes it a stock element; its shown words are its text
    css = "<style>.product.is-available .sold-out-msg{display:none}</style>"
    body = ("<div class='product is-available'><h1>Wool Coat</h1><span class='price'>€189.00</span>"
            "<button class='add-to-cart'>Add to cart</button><p class='sold-out-msg'>Sold out</p></div>")
    assert extract_product(page(body, css), URL).availability == "InStock"
    sold = body.replace("is-available", "is-sold-out").replace("<button class='add-to-cart'>Add to cart</button>", "")
    assert extract_product(page(sold, css), URL).availability == "OutOfStock"


def test_hidden_sold_out_template_beside_a_working_buy_button_is_in_stock():
    body = ("<div class='product-info'><h1>Wool Coat</h1><span class='price'>€189.00</span>"
            "<div class='stock-msg' hidden>Sold out</div><button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body), URL).availability == "InStock"


@pytest.mark.parametrize("directive", ["ng-show='sku.isOutOfStock()'", "data-ng-if='oos'", "x-show='soldOut'",
                                       "v-if='!available'"])
def test_a_client_templates_sold_out_branch_is_not_what_the_page_shows(directive):
    # AngularJS pages carry every state's branch; the browser shows one. Markup says few are left.
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Gift Set",
            "offers": {**offer("98.00"), "availability": "http://schema.org/LimitedAvailability"}}
    body = ("<div id='product-content' ng-controller='PDPController'><h1>Gift Set</h1>"
            "<span class='price'>$98.00</span><b ng-show='sku.is_few_left'>Only a few left</b>"
            f"<div {directive}><b class='u-textWarning'><span>Out of stock</span></b></div>"
            "<div class='u-h4 u-red' ng-show='abTests.oos && sku.isOutOfStock()'><b>Temporarily out of stock.</b></div>"
            "<button type='button' disabled ng-disabled='!btnEnabled' class='Btn Btn--red'>Add to Basket</button></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "LimitedAvailability"


def test_a_stock_bullet_in_a_product_column_classed_for_size_selection():
    # the whole column that holds the title is classed "product-size-selection": no size picker
    body = ("<div class='col-sm-7 product-price-section product-size-selection'><div class='head'><h1>Wool Coat</h1>"
            "</div><div id='productPriceView'><span class='price'>899,95 kr.</span></div><div class='service-link'>"
            "<span class='stockStatusBullet stockStatusBullet--not_in_stock'><strong>Udsolgt</strong></span></div></div>")
    assert extract_product(page(body, lang="da"), URL).availability == "OutOfStock"
    # a size picker's own sold-out size is still no verdict on the product
    picker = body.replace("<div class='service-link'>", "<div class='size-selection'><ul><li>M</li>"
                          "<li><span class='stock'>Udsolgt</span> L</li></ul><button class='add-to-cart'>Læg i kurv</button>"
                          "</div><div class='service-link-x'>").replace("<span class='stockStatusBullet stockStatusBullet--not_in_stock'><strong>Udsolgt</strong></span>", "")
    assert extract_product(page(picker, lang="da"), URL).availability == "InStock"


def test_an_icon_badge_that_says_sold_out_to_screen_readers():
    assert in_buy_box("<span class='badge badge--icon' aria-label='Sold out'></span>").availability == "OutOfStock"
    assert in_buy_box("<span class='badge badge--icon' aria-label='New'></span>").availability is None


@pytest.mark.parametrize("box, availability", [
    ("<p>Availability: <img src='/images/out_of_stock.gif'></p>", "OutOfStock"),
    ("<img src='https://cdn.example.com/badges/sold-out.png?v=3' alt=''>", "OutOfStock"),
    ("<input type='image' src='/img/soldout.gif' disabled>", "OutOfStock"),
    ("<p>Availability: <img src='/images/instock.gif'></p>", None),
    # a picture's words come first; a product photo is no statement
    ("<img src='/images/out_of_stock.gif' alt='Ships in 2 days'>", None),
    ("<img src='/media/wool-coat-navy.jpg'>", None),
])
def test_a_stock_picture_without_words_says_it_in_its_file_name(box, availability):
    """Older shops show stock as a picture (a red "out of stock" GIF) with no alt text."""
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("urgency", ["Almost sold out!", "Fast ausverkauft", "Bientôt épuisé", "품절임박",
                                     "売り切れ間近", "残りわずか"])
def test_urgency_that_holds_sold_out_words_is_in_stock(urgency):
    # a stock label saying so, even beside no buy button: few left is not none left
    assert in_buy_box(f"<p class='stock-level'>{urgency}</p>").availability == "LimitedAvailability"


@pytest.mark.parametrize("box", [
    # Amazon's UI kit sizes text with "a-size-medium": no size picker around the statement
    "<div id='availability'><span class='a-size-medium a-color-price'>Currently unavailable.</span></div>",
    "<p class='availability-msg is-size-7'>Out of stock</p>",  # and Bulma's "is-size-7"
    "<p data-test='product-overview-availability'><span>Retired product</span></p>",  # LEGO's word for discontinued
    # sales stopped or no purchase possible now, in Korean, Japanese, Chinese
    "<div class='status'><strong>이 상품은 현재 구매가 불가한 상품입니다.</strong></div>",
    "<p class='stock'>現在購入できません</p>", "<p class='stock'>目前無法購買</p>",
    # a back-in-stock alert offered in place of a buy button, in more languages
    "<button class='btn'>Powiadom o dostępności</button>", "<button class='btn'>Beritahu saya</button>",
    "<button class='btn'>أبلغني عند التوفر</button>", "<button class='btn'>עדכנו אותי כשיחזור למלאי</button>",
    "<button class='btn'>Ειδοποίησέ με</button>", "<button class='btn'>Báo khi có hàng</button>",
    "<p class='stock'>Pole laos</p>", "<p class='stock'>Välja müüdud</p>",  # Estonian
    "<p class='stock'>आउट ऑफ स्टॉक</p>",  # Hindi, "out of stock" in Devanagari
])
def test_sold_out_statements_text_sized_spans_and_alerts_in_more_languages(box):
    assert in_buy_box(box).availability == "OutOfStock"


@pytest.mark.parametrize("box, lang", [
    # the web shop's own inventory block (WebSphere Commerce's id), its home delivery sold out online
    ("<div class='availability_block' id='WC_Online_Store_Inventory_div'><div class='availability_line online'>"
     "<span class='label'>Livraison à domicile :</span> <span class='status'>Épuisé en ligne</span></div>"
     "<div class='availability_line store'><span class='label'>Retrait en magasin :</span> <a href='#'>Vérifier la "
     "disponibilité en magasin</a></div></div>", "fr"),
    # Oracle ATG's reference store names every class "atg_store_…": its availability is the web shop's
    ("<div class='atg_store_productAvailability atg_store_discontinued'><p class='atg_store_availability'>"
     "Prodotto non più disponibile</p><p>Questo prodotto è stato sostituito da una nuova formula.</p></div>", "it"),
    # a count of units at none, the button left greyed
    ("<p class='stock'>Unidades disponibles: <b id='stockDisp'>0</b></p><p><a href='javascript:;' "
     "class='btn-agregar btn-gris'>Agregar al carrito</a></p>", "es"),
])
def test_sold_out_in_a_shops_own_words(box, lang):
    assert in_buy_box(box, lang).availability == "OutOfStock"


def test_a_bundle_offer_sold_out_under_its_heading_is_not_the_product():
    box = ("<div class='vtex-flex-layout-0-x-flexRow--buy-button'><button type='button' class='vtex-button'>"
           "Agregar al carro</button></div><div class='vtex-product-kit-list'>"
           "<h3>Arma tu pack</h3><div class='pack-item'><span class='pack-name'>Pack Wool Coat + Scarf</span> "
           "<span class='pack-price'>$239.990</span> <span class='pack-status'>Agotado</span>"
           "<button class='vtex-button' disabled>Agotado</button></div></div>")
    assert in_buy_box(box, "es").availability == "InStock"


@pytest.mark.parametrize("count", ["Only 3 left", "Hurry, only 2 left!", "Últimas 2 unidades", "Quedan 3",
                                   "Ultimi 2 pezzi", "Il en reste 3", "Zostały 2 sztuki", "Осталось 3 шт.", "残り2点",
                                   "仅剩3件", "3개 남음", "Son 2 ürün"])
def test_a_count_of_the_few_left_is_in_stock_over_stale_markup(count):
    # markup left at "OutOfStock" from before a restock; the page shows a few left and a working button
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00", "OutOfStock")}
    body = (f"<div class='product-info'><h1>Wool Coat</h1><p class='stock stock--in'>{count}</p>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body, ld(data)), URL).availability == "LimitedAvailability"


def test_the_web_shops_own_store_prefix_names_no_shop_in_town():
    # Oracle ATG's "atg_store_availability" is the web shop's stock line, which outweighs markup left
    # at "OutOfStock" beside a working cart form
    data = {"@type": "Product", "name": "Lampe Vesper", "offers": offer("189.00", "OutOfStock")}
    body = ("<div class='atg_store_productSummary'><h1 class='atg_store_productTitle'>Lampe Vesper</h1>"
            "<div class='atg_store_productAvailability'><p class='atg_store_availability atg_store_inStock'>"
            "En stock – expédié sous 48 h</p></div><form class='atg_store_addToCart' method='post'>"
            "<input type='submit' class='atg_store_basicButton' value='Ajouter au panier'></form></div>")
    assert extract_product(page(body, ld(data), lang="fr"), URL).availability == "InStock"


@pytest.mark.parametrize("label, availability", [
    ("Back in stock!", "InStock"), ("Back in stock soon", "OutOfStock"),  # restocked, or a promise
    ("Sold out sizes can be requested", None), ("Never out of stock", None),  # of some sizes; a promise
    ("Not sold out yet!", None), ("Nicht ausverkauft", None),  # said not to be
])
def test_stock_labels_whose_sold_out_words_say_something_else(label, availability):
    assert in_buy_box(f"<p class='stock-level'>{label}</p>").availability == availability


def test_a_working_buy_button_and_no_stock_words_is_in_stock():
    body = "<h1>Wool Coat</h1><span class='price'>€189.00</span><button class='add-to-cart'>Add to cart</button>"
    assert extract_product(page(body), URL).availability == "InStock"


def test_sizes_sold_out_in_the_picker_do_not_make_the_product_sold_out():
    body = ("<h1>Wool Coat</h1><span class='price'>€189.00</span><ul class='size-picker'>"
            "<li><span>XS</span> <span>Sold out</span></li><li><span>M</span></li></ul>"
            "<button class='add-to-cart'>Add to cart</button>")
    assert extract_product(page(body), URL).availability == "InStock"


@pytest.mark.parametrize("wrapper, availability", [
    # served disabled, nothing to choose first: sold out
    ("lnk lnk--button lnk--add-to-cart lnk--button--disabled", "OutOfStock"), ("btn btn-primary disabled", None),
    ("lnk lnk--button lnk--add-to-cart", "InStock"),
])
def test_a_wrapper_styled_as_the_button_gives_its_link_its_state(wrapper, availability):
    box = f"<div class='{wrapper}'><a href='#'><span>Add to cart</span></a></div>"
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("state", ["container_1sH5D loadingButtons_ZCkgq", "buy-box is-loading", "pdp-actions skeleton"])
def test_a_buy_button_served_disabled_while_its_box_loads_says_nothing(state):
    # Best Buy's buttons wait, disabled, in a container named for its loading state (its stock line a
    # placeholder) until a script asks for the stock: no verdict either way
    box = (f"<div class='availabilityContainer'><div class='titlePlaceholder'></div></div><div class='{state}'>"
           "<form method='post'><button disabled class='addToCartButton disabled_xV5rOf' type='submit'>"
           "<span>Add to Cart</span></button></form></div>")
    assert in_buy_box(box).availability is None
    assert in_buy_box(box.replace(state, "pdp-actions")).availability == "OutOfStock"
    assert in_buy_box(box.replace(state, "pdp-actions lazyloading")).availability == "OutOfStock"  # images' word



def test_a_buy_button_served_disabled_beside_a_placeholder_says_nothing():
    # Target: an animated placeholder stands where the fulfilment options will be, the cart button disabled below it
    box = ("<div class='sc-x1'><div style='max-width:480px'><div class='styles_ndsPlaceholder__XOx9j "
           "styles_animated__4bUzv'></div><div class='sc-479941-0'><button class='styles_ndsButtonPrimary__tqtKH' "
           "disabled type='button'>Add to cart</button></div></div></div>")
    assert in_buy_box(box).availability is None
    assert in_buy_box(box.replace("styles_ndsPlaceholder__XOx9j", "styles_note__2x")).availability == "OutOfStock"
    # no price on the page either (drawn by the same script): still no verdict
    html = page("<div class='product-info'><h1>Wool Coat</h1>" + box + "</div>")
    assert extract_product(html, URL).availability is None


def test_a_buy_buttons_label_for_another_state_beside_the_active_one_is_not_shown():
    # DeFacto: one label per state inside the button, the shown one marked active
    labels = ["Add to cart", "Notify me when it is back", "Adding to cart", "Added"]
    spans = "".join(f"<span class='action-btn-text{i + 1}{' active' if i == 0 else ''}'>{t}</span>"
                    for i, t in enumerate(labels))
    box = f"<div class='product-detail__purchase'><button class='purchase-button'>{spans}</button></div>"
    assert in_buy_box(box).availability == "InStock"
    swapped = box.replace("action-btn-text1 active", "action-btn-text1").replace("action-btn-text2", "action-btn-text2 active")
    assert in_buy_box(swapped).availability == "OutOfStock"


def test_a_buy_button_holding_a_label_for_each_state_says_neither():
    # no label marked as the one shown: the stylesheet picks it by the button's state; an enabled button sells,
    # the markup decides where it says sold out
    box = ("<div class='product-form'><button class='add-to-cart' data-state='available'><span class='state-available'>"
           "Add to Bag</span><span class='state-soldout'>Sold Out</span></button></div>")
    assert in_buy_box(box).availability == "InStock"
    data = {"@type": "Product", "name": "Wool Coat", "offers": offer("189.00", availability="OutOfStock")}
    body = f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{box}</div>"
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"
    # one text saying both is the sold-out state's ("Add to Bag - Sold Out")
    assert in_buy_box("<button class='add-to-cart'>Add to Bag - Sold Out</button>").availability == "OutOfStock"


@pytest.mark.parametrize("bar", ["product-detail-floater add-to-cart-fixed-wrapper", "sticky-atc", "pdp-sticky-bar"])
def test_a_scroll_bars_copy_of_the_buy_button_does_not_sell_what_the_buy_box_alerts_for(bar):
    # the buy box offers only a back-in-stock alert; the bar kept in view on scrolling repeats the buy
    # button in its default words, which the page's script swaps for the state's
    box = ("<div class='buy-area'><span class='available-label'>Coming to the shop soon</span>"
           "<a href='#' class='link-notify'>Obavesti me kada proizvod bude dostupan</a></div>")
    copy = (f"<div class='{bar}'><div class='row'><h3>Wool Coat</h3><span>€ 189,00</span>"
            "<button type='button' class='btn add-to-cart' data-text-no-stock='Out of stock'>Add to cart</button>"
            "</div></div>")
    assert in_buy_box(box + copy).availability == "OutOfStock"
    # the same button in the buy box itself sells it (the alert being for another size)
    assert in_buy_box(box + copy.replace(bar, "product-actions")).availability == "InStock"


def test_a_size_sold_out_in_a_buy_forms_select_does_not_make_the_product_sold_out():
    box = ("<form action='/cart/add'><select name='id'><option disabled>S - Sold out</option><option>M</option>"
           "</select><button type='submit'>Add to cart</button></form>")
    assert in_buy_box(box).availability == "InStock"


def test_an_amp_selector_every_size_disabled_beside_its_caption_is_sold_out():
    # the picker's caption is named as a part of it ("ml-variants__label"): no picker of its own
    box = ("<form class='ml-buy'><div class='ml-variants'><div class='ml-variants__label'><span>Taille: <b>Choisir</b>"
           "</span><a href='#size-guide'>Guide des tailles</a></div><amp-selector layout='container' name='size' "
           "class='ml-sizes'>" + "".join(f"<div class='ml-size' option='{s}' role='option' disabled>{s}<small>Épuisé"
                                         "</small></div>" for s in ("S", "M", "L")) + "</amp-selector></div>"
           "<button type='submit' class='ml-btn' disabled [disabled]='!product.selectedSize'>Ajouter au panier</button>"
           "</form>")
    assert in_buy_box(box, "fr").availability == "OutOfStock"
    one_left = box.replace("option='L' role='option' disabled>L<small>Épuisé</small>", "option='L' role='option'>L<small>"
                           "</small>")
    assert in_buy_box(one_left.replace(" disabled [disabled]", " [disabled]"), "fr").availability == "InStock"


@pytest.mark.parametrize("picker, availability", [
    ("<select name='id'><option value='' disabled selected>Choose a size</option><option value='1' disabled>S</option>"
     "<option value='2' disabled>M</option></select>", "OutOfStock"),
    ("<select name='id'><option value='1'>S - Sold out</option><option value='2'>M - Sold out</option></select>",
     "OutOfStock"),
    ("<input type='radio' name='size' value='s' disabled><label>S</label>"
     "<input type='radio' name='size' value='m' disabled><label>M</label>", "OutOfStock"),
    # radios hidden for styling inside the labels that show them
    ("<label class='choice disabled'>New (not available)<input type='radio' name='kind' class='hidden' disabled></label>"
     "<label class='choice disabled'>Used (not available)<input type='radio' name='kind' class='hidden' disabled>"
     "</label>", "OutOfStock"),
    ("<label class='choice'>New<input type='radio' name='kind' class='hidden'></label>"
     "<label class='choice disabled'>Used (not available)<input type='radio' name='kind' class='hidden' disabled>"
     "</label>", "InStock"),
    # options without values: the prompt is no size
    ("<select name='size'><option>Größe wählen</option><option disabled>S (ausverkauft)</option>"
     "<option disabled>M (ausverkauft)</option></select>", "OutOfStock"),
    ("<select name='size'><option>-- Choose size --</option><option>S</option><option disabled>M (sold out)</option>"
     "</select>", "InStock"),
    # only the placeholder has a value: the others' value is their text
    ("<select name='size'><option value=''>Choose size</option><option disabled>S - Sold out</option>"
     "<option disabled>M - Sold out</option></select>", "OutOfStock"),
    ("<select name='size'><option value=''>Choose size</option><option>S</option>"
     "<option disabled>M - Sold out</option></select>", "InStock"),
    # a placeholder is no size; sizes sold out in the chosen colour, other colours to pick
    ("<select name='size'><option value='' disabled selected>Choose a size</option><option value='s'>S</option>"
     "</select>", "InStock"),
    ("<input type='radio' name='colour' value='red' checked><input type='radio' name='colour' value='blue'>"
     "<select name='size'><option value='s' disabled>S</option><option value='m' disabled>M</option></select>",
     "InStock"),
])
def test_a_buy_forms_picker_every_size_sold_out_is_sold_out_whatever_the_button_says(picker, availability):
    box = f"<form action='/cart/add'>{picker}<button type='submit'>Add to cart</button></form>"
    assert in_buy_box(box).availability == availability


@pytest.mark.parametrize("picker, availability", [
    ("<ul class='size-selector'><li class='swatch unavailable'><a href='#'>S</a></li>"
     "<li class='swatch unavailable'><a href='#'>M</a></li></ul>", "OutOfStock"),
    ("<div class='size-picker'><button class='size' disabled>S</button><button class='size' disabled>M</button></div>",
     "OutOfStock"),
    ("<div class='variant-sizes'><button class='size-btn is-out-of-stock'>S</button>"
     "<button class='size-btn is-out-of-stock'>M</button></div>", "OutOfStock"),
    ("<div class='sizes' role='radiogroup'><div role='radio' aria-disabled='true'>S</div>"
     "<div role='radio' aria-disabled='true'>M</div></div>", "OutOfStock"),
    # a stock data attribute, a label for screen readers, a class that strikes it through
    ("<div class='size-picker'><button class='size' data-available='false'>S</button>"
     "<button class='size' data-stock='0'>M</button></div>", "OutOfStock"),
    ("<div class='size-picker'><button class='size' aria-label='S - sold out'>S</button>"
     "<button class='size' title='Out of stock'>M</button></div>", "OutOfStock"),
    ("<div class='size-picker'><button class='size is-oos'>S</button><button class='size crossed-out'>M</button>"
     "</div>", "OutOfStock"),
    ("<div class='size-picker'><button class='size' data-available='true'>S</button>"
     "<button class='size' data-available='false'>M</button></div>", "InStock"),
    # one size left; a colour to choose beside sold-out sizes; a utility class for a hover state
    ("<ul class='size-selector'><li class='swatch unavailable'><a href='#'>S</a></li>"
     "<li class='swatch'><a href='#'>M</a></li></ul>", "InStock"),
    ("<div class='variant-picker'><div class='colour-swatches'><button>Red</button><button>Blue</button></div>"
     "<div class='size-swatches'><button disabled>S</button><button disabled>M</button></div></div>", "InStock"),
    ("<div class='size-picker'><button class='disabled:opacity-50'>S</button>"
     "<button class='disabled:opacity-50'>M</button></div>", "InStock"),
])
def test_a_size_picker_of_buttons_or_list_items_every_size_sold_out(picker, availability):
    assert in_buy_box(picker + "<button class='add-to-cart'>Add to cart</button>").availability == availability


@pytest.mark.parametrize("bundle", ["Add both to cart", "Add all 3 to basket", "Alle in den Warenkorb"])
def test_a_bundles_buy_button_does_not_sell_the_sold_out_product(bundle):
    fbt = (f"<section><h3>Frequently bought together</h3><a href='/p/scarf'>Wool Scarf</a>"
           f"<button class='btn add-to-cart'>{bundle}</button></section>")
    assert in_buy_box("<p>Sold out</p>" + fbt).availability == "OutOfStock"


def test_a_utility_class_for_the_disabled_state_does_not_disable_the_buy_button():
    # Tailwind's "disabled:" variants style a state the button may enter
    box = ("<p class='note'>Sold out</p><button class='add-to-cart bg-black disabled:opacity-50 "
           "disabled:button-disabled'>Add to cart</button>")
    assert in_buy_box(box).availability == "InStock"
    assert in_buy_box(box.replace("bg-black", "is-disabled")).availability == "OutOfStock"


def test_a_link_dressed_as_a_disabled_button_says_out_of_stock():
    assert in_buy_box("<a class='btn btn-primary disabled'>Temporarily out of stock</a>").availability == "OutOfStock"
    # a plain link naming another product's stock is not the product's
    assert in_buy_box("<a href='/p/wool-scarf'>Wool scarf, out of stock</a>").availability != "OutOfStock"


def test_the_page_overrules_markup_that_says_in_stock():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = "<h1>Wool Coat</h1><div class='product-availability'>Out of stock</div>"
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")


@pytest.mark.parametrize("wrapper", ["div class='add-to-cart-wrapper'", "form action='/cart/add' method='post'"])
def test_a_buy_box_container_speaks_through_the_button_it_holds(wrapper):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    tag = wrapper.split()[0]
    sold = (f"<h1>Wool Coat</h1><p class='stock'>Out of stock</p>"
            f"<{wrapper}><button class='btn' disabled>Add to cart</button></{tag}>")
    rec = extract_product(page(sold, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")
    # the product's own stock label overrules markup that says in stock, even beside a working
    # button (OpenCart's "Availability: Out Of Stock" keeps its button)
    assert extract_product(page(sold.replace(" disabled", ""), ld(data)), URL).availability == "OutOfStock"


@pytest.mark.parametrize("control", [
    "<button class='btn out-of-stock'>Add to cart</button>",  # the button's class states sold out
    "<button class='btn unavailable'>Add to cart</button>",
    "<form class='product-form product-form--sold-out' action='/cart/add'><button class='btn'>Add to cart</button></form>",
    "<div class='add-to-cart not-available'><button class='btn'>Add to cart</button></div>",
    "<form action='/cart/add'><fieldset disabled><button class='btn'>Add to cart</button></fieldset></form>",
])
def test_a_buy_button_switched_off_by_its_class_or_its_form_is_no_working_button(control):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = f"<h1>Wool Coat</h1><p class='stock'>Out of stock</p>{control}"
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")
    # the product's own container is not the buy form: its class does not switch the button off
    body = "<div class='product type-product outofstock'><h1>Wool Coat</h1><button class='btn'>Add to cart</button></div>"
    assert extract_product(page(body, ld(data)), URL).availability == "InStock"


def test_a_buy_button_saying_sold_out_overrules_markup_beside_a_sticky_bars_enabled_copy():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart' disabled>Sold out</button></div>"
            "<div class='sticky-atc'><span>Wool Coat</span><button class='btn add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")


def test_a_page_that_sells_it_overrules_markup_that_says_sold_out():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", "OutOfStock")}
    body = ("<h1>Wool Coat</h1><p class='stock-note'>Temporarily on backorder: you can order it now.</p>"
            "<button class='add-to-cart'>Add to Cart</button>")
    assert extract_product(page(body, ld(data)), URL).availability == "BackOrder"
    in_stock = body.replace("Temporarily on backorder: you can order it now.", "In stock, ships in 2 days")
    assert extract_product(page(in_stock, ld(data)), URL).availability == "InStock"
    # a shipping promise before the stock words is a promise of its own, not their subject
    promise = body.replace("Temporarily on backorder: you can order it now.", "Free shipping - In stock")
    assert extract_product(page(promise, ld(data)), URL).availability == "InStock"


def test_a_buy_button_alone_does_not_overrule_markup_that_says_sold_out():
    # scripts often disable the button once the page has loaded
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", "OutOfStock")}
    body = "<h1>Wool Coat</h1><button class='add-to-cart'>Add to Cart</button>"
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"


def test_markup_sold_out_stands_when_the_page_has_no_buy_button():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", "OutOfStock")}
    assert extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL).availability == "OutOfStock"


@pytest.mark.parametrize("line, lang, availability", [
    ("<p class='price'>Cena: Rasprodato</p>", "sr", "OutOfStock"),  # sold out where the price would stand
    ("<p class='price'>Preis: ausverkauft</p>", "de", "OutOfStock"),
    ("<p class='price'>Price: not available</p><button>Add to cart</button>", "en", "InStock"),  # a price not shown
    ("<span class='badge'>Trenutno nema na lageru</span>", "sr", "OutOfStock"),
    ("<span class='badge'>Ima na lageru</span><button>Dodaj u korpu</button>", "sr", "InStock"),
])
def test_sold_out_said_in_place_of_the_price_or_of_the_warehouse(line, lang, availability):
    body = f"<div class='info'><h1>Crna knjiga</h1><p class='author'>Orhan Pamuk</p>{line}</div>"
    assert extract_product(page(body, lang=lang), URL).availability == availability


# --- prices beside other amounts -------------------------------------------------------------

@pytest.mark.parametrize("box, price, currency", [
    ("<div class='price-box'><span class='price'>£100.00</span> <span class='converted'>approx. EUR 116.50</span>"
     "</div>", "100.00", "GBP"),
    ("<div class='buybox'><span class='price'>$20.00</span><div class='sns'>Subscribe &amp; Save: "
     "<span class='price'>$17.00</span></div></div>", "20.00", "USD"),
    ("<div class='buybox'><span class='price'>$120.00</span></div><div class='other-sellers'>New &amp; used (3) "
     "from <span class='price'>$99.00</span></div>", "120.00", "USD"),
    ("<div><s class='price'>$150.00</s> <span class='price font-bold'>$120.00</span></div>", "120.00", "USD"),
    ("<div>Starting bid: <span class='price'>US $50.00</span></div><div>Current bid: "
     "<span class='price'>US $85.00</span></div>", "85.00", "USD"),
    ("<div class='amount-box'><strong>$120.00</strong></div>", "120.00", "USD"),
    ("<div class='product-price'>44 890 тг.</div>", "44890", "KZT"),
    ("<div class='product-price'>€ 20,-</div>", "20", "EUR"),
    ("<div class='product-price'>CHF 1’299.00</div>", "1299.00", "CHF"),  # a typographic apostrophe as thousands mark
    ("<div class='product-price'>Rp 490.000</div>", "490000.00", "IDR"),
    ("<div class='product-price'>RM49.90</div>", "49.90", "MYR"),
    ("<div class='price'>£ 160.00 <small>(approx. € 189,00)</small></div>", "160.00", "GBP"),
    # converted in the page's language: eBay's "Ongeveer", French "env.", Polish "około", Finnish "noin"
    ("<div class='price'>US $8,99 <span>(Ongeveer EUR 7,93)</span></div>", "8.99", "USD"),
    ("<div class='price'>£ 160.00 <small>(env. 189,00 €)</small></div>", "160.00", "GBP"),
    ("<div class='price'>£ 160.00 <small>(około 189,00 €)</small></div>", "160.00", "GBP"),
    ("<div class='pdp-amount'><span>€</span><span>189</span><sup>,00</sup></div>", "189.00", "EUR"),
    ("<div class='product-price'><span>€156,20 excl. VAT</span> <span>€189,00 incl. VAT</span></div>", "189.00",
     "EUR"),
    ("<div class='product-price'><span class='price-excl'>€156,20</span> <span class='price-incl'>€189,00</span>"
     "</div>", "189.00", "EUR"),
    # the cents raised by a class, the decimal point only for screen readers
    ("<div class='price-display'><span class='sup'>$</span>139<span class='visuallyhidden'>.</span>"
     "<span class='sup'>97</span></div>", "139.97", "USD"),
    # the price in an element named after its currency (a part's name), with the price before VAT below
    ("<div class='buy'><span class='site-currency-attention'>189,00 €</span><br><span class='site-currency-sm'>"
     "156,20 € eksl. mva</span></div>", "189.00", "EUR"),
    # the old price named "deprecated" beside the reduced one, at the same depth
    ("<div class='m-product-price'><span class='is-deprecated'>€175</span> <span class='is-reduced'>€88</span></div>",
     "88", "EUR"),
    # the price shown in an aria-hidden copy, a sentence for screen readers beside it
    ("<div class='price'><span aria-hidden='true'>$120.00</span><span class='sr-only'>Your price for this item is "
     "$120.00</span></div><div class='regular-price'>Was $150.00</div>", "120.00", "USD"),
    # a monthly instalment offered after the price in its element
    ("<p class='price'>$1,299.99 <span>or $108.33/mo.</span></p>", "1299.99", "USD"),
    # the cents in an element named for the decimal place, no mark between them
    ("<span class='price' content='29.99'><span class='price-tag'><span class='currency' content='EUR'>€</span>"
     "<span class='integer-place'>29</span><span class='decimal-place'>99</span></span></span>", "29.99", "EUR"),
    # the cents in a <sup> after the whole part's element and its line break
    ("<div class='product-price'><sup>$</sup><span class='whole'>9</span>\n<sup class='fraction'>99</sup></div>",
     "9.99", "USD"),
    # a hidden part of the price element (its stock for the markup), an instalment below
    ("<div class='price'><span class='value'>299,99€</span><div class='d-none'>In stock new Example Shop "
     "https://shop.example.com/p/1</div></div><div class='simulator'><span>ou dès</span> "
     "<span class='prix-mensualite'>32,15€</span></div>", "299.99", "EUR"),
    # other sellers' offers "from" a lower price, beside the buy box's own price
    ("<div class='olp'><a href='/offers'>87&nbsp;new</a>&nbsp;from&nbsp;<span class='a-color-price'>$167.99</span></div>"
     "<table><tr><td>Price:</td><td><span id='priceblock_ourprice' class='a-color-price'>$199.95</span></td></tr>"
     "</table>", "199.95", "USD"),
    # ... with an empty spacer before the price, the count of offers in brackets
    ("<div class='olp'><span>New &amp; Used (61) from</span> <span> </span> <span class='a-price'>$167.99</span></div>"
     "<table><tr><td>Price:</td><td><span class='a-price'>$199.95</span></td></tr></table>", "199.95", "USD"),
    # a buying-options accordion: the open row is the buyer's choice, a collapsed row's price is not
    ("<div class='a-box-group a-accordion'><div class='a-box'><h5><i class='a-icon-radio'></i><span>Used - Like New"
     "</span> <span class='a-price'>$241.46</span></h5></div><div class='a-box a-accordion-active'><h5>"
     "<i class='a-icon-radio-active'></i><span>New</span> <span class='a-price'>$259.99</span></h5></div></div>",
     "259.99", "USD"),
    # ... also when the open row sells it renewed (not another seller's second-hand offer)
    ("<div class='a-box-group a-accordion'><div id='renewedAccordionRow' class='a-box a-accordion-active'>"
     "<span class='a-price'>$260.00</span></div><div id='newAccordionRow' class='a-box'><span class='a-price'>$640.00</span>"
     "</div></div>", "260.00", "USD"),
    # other sellers' offers under their heading, each with its own button
    ("<div id='mbc'><div class='a-box'><h5>Other Sellers on Amazon</h5></div>"
     "<div class='a-box'><span class='a-price'>$254.00</span><button class='add-to-cart'>Add to Cart</button></div>"
     "<div class='a-box'><span class='a-price'>$264.00</span><button class='add-to-cart'>Add to Cart</button></div></div>"
     "<div><div><div><span class='a-price'>$260.00</span></div></div></div>", "260.00", "USD"),
    # a copy of another option's price block, hidden a few wrappers up
    ("<div id='option-2' style='display:none;'><div><div><div><div class='price-box'><span class='a-price'>$241.46"
     "</span></div></div></div></div></div><div id='option-1'><div><div><div><div class='price-box'>"
     "<span class='a-price'>$259.99</span></div></div></div></div></div>", "259.99", "USD"),
    # a note that shipping is free, above the price's wrappers, labels no amount
    ("<div class='delivery'><div class='free-shipping'>Gratis verzending</div></div><div class='prices'>"
     "<div class='product-price'><span id='price-value-42' class='price-value-42'>€ 399,00</span></div></div>",
     "399.00", "EUR"),
    # Dawn's price when not on sale: the only amount, in a child classed "regular"
    ("<div class='price'><span class='price-item price-item--regular'>€189,00</span> <small>incl. VAT</small></div>",
     "189.00", "EUR"),
    # ... and on sale: the struck "regular" is the old price
    ("<div class='price'><s class='price-item price-item--regular'>€229,00</s> <span class='price-item "
     "price-item--sale'>€189,00</span></div>", "189.00", "EUR"),
])
def test_the_price_a_buyer_pays(box, price, currency):
    body = f"<div class='product'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to cart</button></div>"
    rec = extract_product(page(body), URL)
    assert (float(rec.price), rec.currency) == (float(price), currency)


@pytest.mark.parametrize("url, currency", [
    ("https://www.example.no/p/wool-coat", "NOK"), ("https://www.example.de/p/wool-coat", "EUR"),
    ("https://www.example.co.uk/p/wool-coat", "GBP"),
    ("https://www.example.com/p/wool-coat", None), ("https://example.co/p/wool-coat", None),  # no one country
])
def test_a_price_without_a_currency_takes_the_country_domains(url, currency):
    body = "<div class='product'><h1>Wool Coat</h1><div class='product-price'>1 899,-</div><button>Kjøp</button></div>"
    rec = extract_product(page(body), url)
    assert (float(rec.price), rec.currency) == (1899, currency)


def test_a_currency_named_as_shops_print_it():
    body = "<div class='product'><h1>Wool Coat</h1><p class='product-new-price'>2.999,99 Lei</p></div>"
    rec = extract_product(page(body, lang="ro"), "https://www.example.com/p/wool-coat")
    assert (rec.price, rec.currency) == ("2999.99", "RON")


def test_a_page_wide_class_on_body_marks_no_area():
    html = page("<div class='product'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
                "<button class='add-to-cart'>Add to cart</button></div>").replace("<body>", "<body class='so_footerswitch'>")
    rec = extract_product(html, URL)
    assert (rec.price, rec.availability) == ("189.00", "InStock")


@pytest.mark.parametrize("old_cls, new_cls, lang", [
    ("prix-barre", "prix-actuel", "fr"), ("van", "voor", "nl"), ("pvp", "nuestro", "es"),
    ("preco-antigo", "preco-atual", "pt"), ("puvodni", "akce", "cs"), ("cena-stara", "cena-nowa", "pl"),
    ("preis-alt", "preis-neu", "de"), ("fiyat-eski", "fiyat-indirimli", "tr"), ("harga-coret", "harga-jual", "id"),
])
def test_the_old_price_named_in_the_shops_language_comes_first(old_cls, new_cls, lang):
    box = f"<div class='price-box'><span class='{old_cls}'>€ 1.799,00</span> <span class='{new_cls}'>€ 1.499,00</span></div>"
    body = f"<div class='product-info'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to cart</button></div>"
    rec = extract_product(page(body, lang=lang), URL)
    assert (rec.price, rec.regular_price) == ("1499.00", "1799.00")


@pytest.mark.parametrize("sale", ["price-sales", "price-sale", "price-now", "special-price"])
def test_of_two_amounts_side_by_side_the_one_named_for_the_sale_is_the_price(sale):
    # Salesforce Commerce Cloud's SiteGenesis: "price-standard" before "price-sales", nothing struck in the markup
    box = (f"<div class='product-price'><span class='price-standard'>$24.50</span> <span class='{sale}'>"
           "<span class='promo-word'>Now</span> $10.50</span></div>")
    body = f"<div class='product-info'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to bag</button></div>"
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.regular_price) == ("10.50", "24.50")
    # the standard price alone is the price
    alone = body.replace(f" <span class='{sale}'><span class='promo-word'>Now</span> $10.50</span>", "")
    assert extract_product(page(alone), URL).price == "24.50"


@pytest.mark.parametrize("old_cls", ["nodiscount-price", "price-no-discount", "undiscounted-price"])
def test_the_price_named_before_its_discount_is_the_old_price(old_cls):
    # Mavi: the current price first, the one before the discount after it
    box = f"<div class='product__pricing'><span class='price'>€ 1.499,00</span> <span class='{old_cls}'>€ 1.799,00</span></div>"
    body = f"<div class='product-info'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to cart</button></div>"
    rec = extract_product(page(body, lang="tr"), URL)
    assert (rec.price, rec.regular_price) == ("1499.00", "1799.00")


@pytest.mark.parametrize("value", [
    "2.189,00 €",
    # the value in its own part of the sale block, the add-ons' prices above it
    "<span class='js_pdp_price__retail-price__value pl_headline300'>2.189,00 €</span>",
])
def test_a_sale_word_overrules_a_regular_word_in_one_class(value):
    options = ("<div class='options'><span class='pdp_article-options__price'>85,00 €</span>"
               "<span class='pdp_article-options__price'>30,00 €</span></div>")
    box = ("<div class='pdp_price'><span class='pdp_price__strike-through-price'>2.899,00 €</span>"
           "<div class='pdp_price__price'><div class='pdp_price__retail-price pdp_price__retail-price--sale'>"
           f"{value}</div></div></div>")
    box = box + options if "<span" not in value else options + box
    body = f"<div class='product'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to cart</button></div>"
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.regular_price) == ("2189.00", "2899.00")


@pytest.mark.parametrize("pricing, price", [
    # a grocery's price of one item beside its price per kilogram, and a pack's price per piece
    ("<p class='pricePerUnit'>£1.75<abbr title='per'>/</abbr><abbr title='unit'><span class='pricePerUnitUnit'>unit"
     "</span></abbr></p><p class='pricePerMeasure'>£8.75<abbr title='per'>/</abbr><abbr title='kilogram'>kg</abbr></p>",
     "1.75"),
    ("<p class='pricePerMeasure'>£0.70/ea</p><p class='pricePerUnit'>£3.50/unit</p>", "3.50"),
    ("<p class='pricePerMeasure'>£8.75/kg</p>", None),  # a price per kilogram alone is no item's
    ("<div class='member-price'><p class='pricePerUnit'>£1.50/unit</p></div>", None),  # nor a members' price
])
def test_a_price_per_unit_is_the_items_price(pricing, price):
    body = (f"<div class='productSummary'><h1>Wool Coat</h1><div class='pricing'>{pricing}</div>"
            "<form class='addToTrolleyForm'><input type='text' name='quantity' value='1'><input type='submit' "
            "value='Add' class='button process'></form></div>")
    assert extract_product(page(body, lang="en-gb"), "https://shop.example.co.uk/p/wool-coat").price == price


@pytest.mark.parametrize("hiding", ["pl_hidden", "u-display-none"])
def test_a_hidden_price_and_its_parts_are_not_shown(hiding):
    # A voucher price the page shows only once a script lifts "pl_hidden".
    body = ("<div class='product'><h1>Wool Coat</h1><div class='a'><div class='b'><div class='c'>"
            "<div class='pdp_price__amount'>12,99 €</div></div></div></div>"
            f"<div class='pdp_price__box {hiding}' data-benefit-id='10881'><div class='pdp_price__parts'>"
            "<span class='pdp_price__amount'>9,09 €</span></div></div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body), URL).price == "12.99"


@pytest.mark.parametrize("price", ["<label class='a-label js-a-label price-value product-price'>€25</label>",
                                   "<span class='f-priceBox-price'>25€00</span>"])
def test_a_price_in_a_label_element_or_with_the_symbol_as_decimal_mark(price):
    body = (f"<div class='product-info'><h1>Wool Coat</h1><form class='add-to-bag'><div class='price'>{price}</div>"
            "<button class='add-to-cart'>Add to bag</button></form></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("25.00", "EUR")


def test_a_price_beside_other_amounts_with_the_symbol_as_decimal_mark():
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='f-priceBox'><span class='f-priceBox-price'>"
            "299€99</span><div class='f-priceBox-options'>+ 0€24 d'éco-part</div></div>"
            "<ul class='offers-tabs'><li>Neuf</li><li class='mp-offers'>Occasion dès <span class='label--price'>361€"
            "</span></li></ul><button class='add-to-cart'>Ajouter au panier</button></div>")
    rec = extract_product(page(body, lang="fr"), URL)
    assert (rec.price, rec.currency) == ("299.99", "EUR")


@pytest.mark.parametrize("wrapper", ["div class='layout pdp-wrapper sticky-footer-wrapper'",
                                     "div class='product-detail related-items-host'", "aside class='product-info'"])
def test_the_elements_around_the_title_hold_the_product_whatever_their_class(wrapper):
    tag = wrapper.split()[0]
    body = (f"<{wrapper}><div class='inner'><h1>Wool Coat</h1><div class='price'><span class='price-value'>189,00 €"
            f"</span></div></div></{tag}><section class='related-products'><h2>You may also like</h2>"
            "<div class='tile'><a href='/p/scarf'>Scarf</a><span class='price'>29,00 €</span></div></section>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("189.00", "EUR")


def test_a_marketplaces_listing_is_the_product_and_a_product_listing_is_other_products():
    body = ("<div id='listing-page-cart'><h1>Wool Coat</h1><span id='listing-price' class='price-block'>"
            "<span class='currency-symbol'>US$</span><span class='currency-value'>189.00</span></span>"
            "<button class='add-to-cart'>Add to cart</button></div>"
            "<div class='product-listing'><div class='card'><a href='/p/scarf'>Scarf</a>"
            "<span class='price'>US$29.00</span></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("189.00", "USD")
    # without the product's own price, the listed products' prices stay theirs
    rec = extract_product(page(body.replace("<span class='currency-value'>189.00</span>", "")), URL)
    assert rec.price is None


def test_postage_below_a_full_price_that_the_markup_confirms_is_not_the_price():
    # a resale listing: the one price is named "full" (no sale price beside it), postage in the buy column
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {**offer("25.00"), "priceCurrency": "GBP"}}
    body = ("<div class='dp-Details'><h1>Wool Coat</h1><div class='dp-Price'><p class='dp-Price__full'>£25.00</p>"
            "</div><button>Buy now</button><div class='dp-Shipping'><p>Postage: £4.50 · Evri</p></div></div>")
    assert extract_product(page(body, ld(data)), URL).price == "25.00"


def test_a_price_whose_label_in_the_cell_before_says_shipping_is_not_the_price():
    body = ("<div class='buy'><h1>Wool Coat</h1><button class='add-to-cart'>Add to cart</button></div>"
            "<div class='grid'><div class='cell'><p>Shipping costs</p></div><div class='cell'><div>"
            "<p class='text-body'>€ 60,59</p></div></div></div>")
    assert extract_product(page(body), URL).price is None


@pytest.mark.parametrize("offers", ["div id='other-offers-list' class='panel-offers-container'",
                                    "section class='more-sellers'"])
def test_other_sellers_offers_under_the_buy_box_are_not_the_price(offers):
    tag = offers.split()[0]
    body = ("<div class='product-page'><h1>Wool Coat</h1><div class='highlight'><p class='product-new-price'>189,00 €"
            "</p></div>"
            f"<{offers}><div class='offer'><form><p class='product-new-price'>215,00 €</p>"
            f"<button class='add-to-cart'>Add to cart</button></form></div></{tag}></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("189.00", "EUR")


@pytest.mark.parametrize("panel", ["panel panel-resealed", "open-box-offer", "offer-resigilat"])
def test_an_open_box_offer_beside_the_buy_box_is_not_the_price(panel):
    # eMAG: the product's own price, then a box reselling a returned one cheaper ("RESIGILAT", was 229,99 Lei)
    body = ("<div class='product-page'><h1>Casti On-Ear HA-S30BT</h1><form class='main-product-form'>"
            "<p class='product-new-price'>229<sup>99</sup> <span>Lei</span></p></form>"
            f"<div class='{panel}'><div class='product-badge'>RESIGILAT</div><p class='product-old-price'><s>229<sup>99</sup> "
            "<span>Lei</span></s></p><p class='product-new-price'>199<sup>99</sup> <span>Lei</span></p>"
            "<button class='add-to-cart'>Adauga in cos</button></div></div>")
    rec = extract_product(page(body, lang="ro"), URL)
    assert (rec.price, rec.regular_price, rec.currency) == ("229.99", None, "RON")


def test_cards_of_other_products_with_a_price_each_are_not_the_product():
    """A list no class or heading marks, whose cards sell nothing now ("Sold out", "Notify me"):
    their prices are other products', and the unlabelled amount under the title is the price."""
    cards = "".join(f"<div class='direct-list__item'><a href='/p/{n}'>Card {n}</a><div class='direct-list__price'>"
                    f"$99.99</div><button class='direct-list__btn' disabled>Sold out</button></div>" for n in range(4))
    body = (f"<div class='description'><h1>Wool Coat</h1><h4>$189.00 USD</h4><button class='add-to-cart'>Add to cart"
            f"</button></div><div class='direct-list'>{cards}</div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("189.00", "USD")
    # a product's own column of alike blocks, one holding the title, is no list of cards
    own = "".join(f"<div class='celwidget'><a href='/help/{n}'>Details</a><span class='price'>${amount}</span></div>"
                  for n, amount in enumerate(("189.00", "15.00", "20.00")))
    rec = extract_product(page(f"<div class='col'><div class='celwidget'><h1>Wool Coat</h1></div>{own}</div>"), URL)
    assert rec.price == "189.00"


@pytest.mark.parametrize("shown, note, price", [
    ("53,11 €", "IVA incluido (cuando corresponda)", "53.11"),  # 43.90 with Spain's 21 % VAT added
    # the markup's price shown nowhere: what the page shows (test_a_markup_price_the_page_strikes_through...)
    ("53,11 €", "", "53.11"), ("52,00 €", "IVA incluido", "52.00"),
    # shown too, and no rate of VAT makes one of the other: the markup's stands
    ("52,00 €", "IVA incluido. Sin IVA: 43,90 €", "43.90"),
])
def test_a_markup_price_before_vat_gives_way_to_the_price_the_page_shows_with_it(shown, note, price):
    """A marketplace's feed gives the seller's price before VAT; the buy box shows what a buyer pays,
    in an element no class names a price (its whitespace around it)."""
    data = {"@type": "Product", "name": "Wool Coat", "offers": {"@type": "AggregateOffer", "lowPrice": "43.90",
                                                                "highPrice": "43.90", "priceCurrency": "EUR"}}
    body = (f"<div class='product-info'><h1>Wool Coat</h1><div data-buy-box-region='price'><p class='wt-text-title-03'>"
            f"\n                        {shown}\n                    </p><p>{note}</p></div>"
            "<button class='add-to-cart'>Añadir a la cesta</button></div>")
    rec = extract_product(page(body, ld(data), lang="es"), URL)
    assert (rec.price, rec.currency) == (price, "EUR")


def test_of_two_markups_naming_different_prices_the_one_the_page_shows():
    """A shop's other market: stale JSON-LD in USD, og:price and the page in CAD."""
    head = (ld({"@type": "Product", "name": "Wool Coat", "offers": {"@type": "Offer", "price": "48.00",
                                                                    "priceCurrency": "USD"}})
            + '<meta property="og:price:amount" content="64.00"><meta property="og:price:currency" content="CAD">')
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='price'><span class='price-item "
            "price-item--regular'>$64.00 CAD</span></div><button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body, head), URL)
    assert (rec.price, rec.currency) == ("64.00", "CAD")
    # the page shows the JSON-LD's: it stands
    rec = extract_product(page(body.replace("$64.00 CAD", "$48.00 USD"), head), URL)
    assert (rec.price, rec.currency) == ("48.00", "USD")


def test_of_two_markups_the_one_the_buy_box_shows_to_the_cent():
    """Magento: the product's microdata scope also holds a related product's offer; the catalogue's
    product:price:amount keeps the price's six decimals, which the buy box shows to the cent."""
    head = ('<meta property="product:price:amount" content="2384.994801">'
            '<meta property="product:price:currency" content="MXN">')
    related = ("<div class='block related'><strong class='block-title'>Productos relacionados</strong><ol><li>"
               "<a href='/mp-1000'>Mezcladora MP-1000</a><span itemprop='offers' itemscope "
               "itemtype='http://schema.org/Offer'><span class='price'>$11,753.00</span>"
               "<meta itemprop='price' content='11753.004001'><meta itemprop='priceCurrency' content='MXN'></span>"
               "</li></ol></div>")
    body = ("<div itemscope itemtype='http://schema.org/Product'><h1 itemprop='name'>Lavabo Marcus</h1>"
            "<div class='product-info-price'><span class='price-wrapper' data-price-amount='2384.994801'>"
            "<span class='price'>$2,384.99</span></span></div><button class='action tocart'>Agregar al carrito</button>"
            f"{related}</div>")
    rec = extract_product(page(body, head, lang="es"), URL)
    assert (rec.price, rec.currency) == ("2384.99", "MXN")


def test_a_price_a_script_fills_in_from_its_data_attributes():
    body = ("<div class='product-detail'><h1>Wool Coat</h1><div class='product-price' data-price='249.00' "
            "data-currency='USD'><span class='js-price'></span></div><button class='add-to-cart'>Add to cart</button>"
            "</div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("249.00", "USD")
    # a price element that shows its amount is read as shown
    rec = extract_product(page(body.replace("<span class='js-price'></span>", "$239.00")), URL)
    assert rec.price == "239.00"


def test_the_price_with_tax_beside_markup_that_gives_it_without():
    data = {"@type": "Product", "name": "Wool Coat", "offers": {"@type": "Offer", "priceSpecification": {
        "@type": "PriceSpecification", "price": 199.09, "priceCurrency": "AUD", "valueAddedTaxIncluded": False}}}
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='price-section'><span class='price-label'>Price "
            "(Inc. GST):</span> <span class='price price--withTax'>$219.00</span></div><div class='price-section'>"
            "<span class='price-label'>Price (Ex. GST):</span> <span class='price price--withoutTax'>$199.09</span>"
            "</div><button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.price, rec.currency) == ("219.00", "AUD")


def test_an_amount_shown_labelled_and_struck_is_the_old_price():
    old = ("<span class='list-price'>De: <span class='list-price-value strike'><span class='currency-container'>"
           "<span class='currency-code'>R$</span>&#160;<span class='currency-integer'>89</span>"
           "<span class='currency-decimal'>,</span><span class='currency-fraction'>99</span></span></span></span>")
    rec = extract_product(page(f"<div class='product-info'><h1>Wool Coat</h1>{old}<div class='box'><div class='row'>"
                               "<div class='col'><span class='selling-price'>R$ 62,99</span></div></div></div></div>",
                               lang="pt-BR"), URL)
    assert (rec.price, rec.currency) == ("62.99", "BRL")
    # the old price alone is no price the buyer pays
    rec = extract_product(page(f"<div class='product-info'><h1>Wool Coat</h1>{old}</div>", lang="pt-BR"), URL)
    assert rec.price is None


@pytest.mark.parametrize("shown", ["<ul><li><span></span>$<strong>189</strong><sup>.00</sup></li></ul>",
                                   "<div><label>$189.00</label></div>"])
def test_a_price_in_a_list_item_or_a_label_whose_class_says_nothing(shown):
    body = f"<div><h1>Wool Coat</h1>{shown}<button>Add to Cart</button></div>"
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("189.00", "USD")


def test_the_buy_box_of_a_deeply_nested_page_holds_its_price():
    # script-built markup: no class says price, and the price sits six levels from the title
    nest = lambda inner, n: "<div>" * n + inner + "</div>" * n  # noqa: E731
    body = (f"<div>{nest('<h1>Wool Coat</h1>', 6)}{nest('<span>$189.00</span>', 2)}"
            f"{nest('<button>Add to Cart</button>', 6)}</div>")
    menu = "<ul>" + "<li><a href='/c'>Category</a></li>" * 300 + "</ul>"  # the page is no buy box
    rec = extract_product(page(body + menu), URL)
    assert (rec.price, rec.currency) == ("189.00", "USD")


@pytest.mark.parametrize("note, lang", [("Fri frakt over 1000 kr", "nb"), ("Verzending € 4,95", "nl"),
                                        ("Dostawa 9,99 zł", "pl"), ("Доставка 300 ₽", "ru"), ("Frete R$ 15,00", "pt"),
                                        ("Postage: £4.50 · Evri", "en"), ("Porto: 4,90 €", "de"),
                                        ("Frais de port : 4,90 €", "fr")])
def test_a_shipping_cost_or_threshold_is_not_the_price(note, lang):
    body = (f"<div class='product-info'><h1>Wool Coat</h1><div class='buy'><span class='price-note'>{note}</span>"
            "<button class='add-to-cart'>Add to cart</button></div></div>"
            "<div class='x'><div class='y'><span class='product-price'>1 899,00 kr</span></div></div>")
    assert extract_product(page(body, lang=lang), "https://shop.example.no/p/wool-coat").price == "1899.00"


@pytest.mark.parametrize("shown, price, currency", [
    ("US$36.97", "36.97", "USD"),  # the page names another currency: the visitor's price
    ("$36.97", "52.00", "CAD"),  # a bare "$" names none: the markup's stands
    ("CA$52.00", "52.00", "CAD"),
])
def test_a_price_the_page_shows_in_a_currency_it_names_beside_markup_in_another(shown, price, currency):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {**offer("52.00"), "priceCurrency": "CAD"}}
    body = (f"<div class='product-info'><h1>Wool Coat</h1><span class='price'>{shown}</span>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body, ld(data)), "https://www.shop.example.com/listing/1")
    assert (rec.price, rec.currency) == (price, currency)


def test_a_layout_grid_cell_is_no_product_grid():
    # CSS frameworks name their layout columns "Grid-item": the buy form's column is the product's
    body = ("<div class='Grid'><div class='Grid-item gallery'><img src='/coat.jpg' alt=''></div>"
            "<div class='Grid-item u-width6of12'><h1>Wool Coat</h1><div class='Grid-item--row'>"
            "<span class='StandardPrice'>$189.00</span><form method='POST' action='/basket/add'>"
            "<input type='hidden' name='sku' value='W005759888'><button>Add to Cart</button></form></div></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.sku) == ("189.00", "W005759888")


def test_a_price_in_a_pop_up_is_not_the_products():
    body = ("<div class='product'><h1>Wool Coat</h1><div class='summary'><div class='info'><div class='product-price'>"
            "€ 189,00</div></div></div><div class='buy'><div class='promotion-popup'>Add the scarf: "
            "<span class='promotion-popup-price'>€ 29,00</span></div><button class='add-to-cart'>Add to cart</button>"
            "</div></div>")
    assert extract_product(page(body), URL).price == "189.00"


@pytest.mark.parametrize("heading", ["Aanbevolen producten", "Customers also bought", "Das könnte Ihnen auch gefallen",
                                     "Vous aimerez aussi"])
def test_a_block_headed_as_recommendations_holds_other_products(heading):
    # Its classes say nothing ("box", "blok"); its heading does.
    tiles = "".join(f"<div class='item'><a href='/p/{n}'><h3>Scarf {n}</h3></a><span class='productPrice'>{p}</span>"
                    f"<span class='brand'>Other Co</span></div>" for n, p in ((1, "59,99"), (2, "59,99"), (3, "14,99")))
    body = ("<div class='product'><h1>Wool Coat</h1><div class='col'><div class='a'><div class='b'><div class='c'>"
            "<div class='currentprice'>€ 189,-</div></div></div></div></div>"
            f"<div class='box'><div class='header'><h2>{heading}</h2></div><div class='blok'>{tiles}</div></div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.brand) == ("189.00", None)


@pytest.mark.parametrize("heading", ["Рекомендовані товари", "Рекомендованные товары", "Productos recomendados",
                                     "Prodotti consigliati", "Rekomendowane produkty",
                                     # OpenCart's "Related Products" in its language packs
                                     "Produkty powiązane", "Сопутствующие товары (3)", "Relaterade produkter"])
def test_an_opencart_pages_unclassed_price_beats_a_rail_headed_as_recommended(heading):
    # OpenCart's default theme prints the price in a bare <h2>; the rail's cards say "price"
    cards = "".join(f"<div class='product-layout'><div class='product-thumb'><h4><a href='/p/{n}'>Phone {n}</a></h4>"
                    f"<p class='price'>10 999 грн</p></div></div>" for n in (1, 2))
    body = ("<div class='row'><div class='col-sm-8'><img src='/phone.jpg' alt=''></div><div class='col-sm-4'>"
            "<h1>Orion S23 8/256GB</h1><ul class='list-unstyled'><li>Код товару: ORS23-256</li></ul>"
            "<ul class='list-unstyled'><li><h2>12 999 грн</h2></li></ul><button id='button-cart'>Купити</button>"
            f"</div></div><h3>{heading}</h3><div class='row'>{cards}</div>")
    assert extract_product(page(body), "https://techno.example.com.ua/index.php?route=product/product").price == "12999.00"


@pytest.mark.parametrize("label", ["Ár:", "Price:", "Cena:", "Цена:", "販売価格：", "Sonderpreis:", "Unser Preis:",
                                   "Prix de vente :", "Ваша цена:", "Special Price:"])
def test_a_price_labelled_in_an_old_table_layout_beats_a_sidebar_offer_nearer_the_title(label):
    # a 2000s table layout: the content cell (title row, then the spec table with the labelled price)
    # beside a sidebar cell with a promotion, fewer levels from the title than the price
    content = ("<table><tr><td colspan='2'><h1>Feeder Rod 3.3 m</h1></td></tr><tr><td><img src='/rod.jpg' alt=''>"
               "</td><td><table><tr><td><b>Code:</b></td><td>TV-MF33</td></tr><tr><td><b>Length:</b></td>"
               f"<td>3,30 m</td></tr><tr><td><b>{label}</b></td><td class='ar'>12 990 Ft</td></tr></table></td></tr>"
               "</table>")
    sidebar = "<b>Akció!</b><br><a href='/p/1210'>Groundbait mix 1 kg</a><br><s>1 890 Ft</s> <b>1 490 Ft</b>"
    body = f"<table><tr><td>{content}</td><td valign='top'>{sidebar}</td></tr></table>"
    assert extract_product(page(body), "http://www.shop.example.hu/termek.php?id=1184").price == "12990.00"


@pytest.mark.parametrize("heading", [
    "<h2>You may also like</h2>", "<h4>Complete the look</h4>", "<h3>Pairs well with</h3>",
    "<p class='section-title'>Frequently bought together</p>",  # a heading styled by its class
    "<div class='block-heading'>Passend dazu</div>", "<h2>Quem viu, viu também</h2>",
])
def test_quick_add_buttons_under_a_recommendation_heading_do_not_sell_the_product(heading):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    tiles = "".join(f"<div class='card'><a href='/p/scarf-{n}'>Scarf {n}</a><span class='price'>€ 29,00</span>"
                    "<button class='btn add-to-cart'>Add to cart</button></div>" for n in (1, 2, 3))
    body = (f"<h1>Wool Coat</h1><p class='stock'>Out of stock</p>"
            f"<section class='box'>{heading}<div class='grid'>{tiles}</div></section>")
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")


@pytest.mark.parametrize("kind", ["CollectionPage", "SearchResultsPage", "collectionpage"])
def test_a_page_whose_markup_calls_it_a_category_or_a_search_is_no_product(kind):
    # Jumia's category pages say og:type "product"; their JSON-LD says what the page is
    head = ("<meta property='og:type' content='product'>"
            + ld({"@context": "https://schema.org", "@type": kind, "name": "Phones & Tablets"}))
    tiles = "".join(f"<div class='prd'><a href='/phone-{n}/'>Phone {n}</a><span class='prc'>₦ 99,000</span>"
                    "<span class='bdg'>Sold out</span></div>" for n in range(2))
    assert extract_product(page(f"<h1>Phones & Tablets</h1>{tiles}", head), URL).is_product is False


@pytest.mark.parametrize("heading", ['16 results for "Apple iPhone 13 Red"', "18 results for 'sram xx1'",
                                     "Showing 1–20 of 491 results", "Case Fans | Page 8 of 30",
                                     "24 Ergebnisse für „Wollmantel“"])
def test_a_page_headed_as_search_results_or_a_category_page_is_no_product(heading):
    # a search page's cards, deep in wrappers, one with a price near the heading: the heading says what it is
    body = (f"<h1>{heading}</h1><div class='s-result-item'><div><div><div><div><div><span class='price'>€ 189,00"
            "</span></div></div></div></div></div><p class='stock'>Out of stock</p></div>")
    assert extract_product(page(body), URL).is_product is False
    # a product whose name has such words is still one
    for name in ("Results Night Cream 50 ml", "Sports Socks – 6 items per pack", "Buy 2 products for $10 Gift Set"):
        body = (f"<h1>{name}</h1><div class='product-price'>€ 18,00</div>"
                "<button class='add-to-cart'>Add to cart</button>")
        assert extract_product(page(body), URL).is_product is True, name


def test_a_category_grid_whose_cards_name_each_item_and_share_a_compare_link_is_a_listing():
    # WooCommerce (Flatsome): each card's class names its post, tags and stock, and each opens with the same
    # "Compare" link before its own; a page of them is a category, not a product
    def card(n):
        tags = " ".join(f"product_tag-fan-{n}-{t}" for t in range(12))
        return (f"<div class='product-small col has-hover out-of-stock product type-product post-{107940 + n} "
                f"status-publish outofstock product_cat-case-fans {tags} has-post-thumbnail purchasable'>"
                "<div class='col-inner'><a href='/en/ever-compare' class='compare'>Compare</a>"
                f"<a href='/product/noctua-fan-{n}/'>Noctua NF-A12x25 Fan {n}</a>"
                "<div class='box-text'><span class='price'>1,500 EGP</span><p class='stock'>Out of stock</p>"
                "<div class='add-to-cart-button'><a href='/product/x' class='button'>Read more</a></div></div></div></div>")
    body = ("<h1>Case Fans – Buy Case Fans Online</h1><div class='products row'>" + "".join(map(card, range(12)))
            + "</div>")
    rec = extract_product(titled("Case Fans – Buy Case Fans Online | Alfrensia", body), URL)
    assert (rec.is_product, rec.price, rec.availability) == (False, None, None)


def test_columns_sharing_a_utility_class_first_word_are_not_cards():
    # Tailwind: the product's columns side by side, long class strings that open alike ("flex …") but differ;
    # the buy column (price, button, a link to the size guide) is the product's, not a card of a strip
    cols = ("<div class='flex flex-col gap-4 md:w-1/2 lg:w-5/12 px-4 py-6 items-start justify-between border-r "
            "border-gray-200 bg-white text-gray-900 rounded-lg overflow-hidden transition-all duration-200'><img src='/img/coat.jpg' alt='Wool Coat'>"
            "<a href='/collections/coats'>More coats</a><span class='text-lg'>€ 229,00</span>"
            "<button class='rounded bg-black text-white'>Add to bag</button></div>"
            "<div class='flex flex-col gap-2 md:w-1/2 lg:w-4/12 px-6 py-6 items-stretch justify-start bg-gray-50 "
            "text-gray-900 shadow-sm rounded-lg sticky top-4 overflow-visible transition-all duration-200'><span class='text-2xl font-semibold'>€ 189,00</span>"
            "<a href='/pages/size-guide'>Size guide</a><button class='rounded bg-black text-white w-full'>Add to bag"
            "</button></div>"
            "<div class='flex flex-col gap-2 md:w-full lg:w-3/12 px-4 py-6 items-center justify-center bg-white "
            "text-gray-700 border-l rounded-lg overflow-hidden transition-all duration-200 ease-in-out'><a href='/pages/delivery'>Delivery</a><span class='text-sm'>€ 4,95</span>"
            "<button class='rounded border'>Add to bag</button></div>")
    body = f"<h1>Wool Coat</h1><main class='grid'>{cols}</main>"
    rec = extract_product(page(body), URL)
    assert rec.is_product is True and rec.price is not None


@pytest.mark.parametrize("wrap, tile", [("div class='swiper-wrapper'", "div class='swiper-slide card'"),
                                        ("ul class='products'", "li class='product'")])
def test_alike_tiles_each_with_a_quick_add_button_are_other_products(wrap, tile):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    w, t = wrap.split()[0], tile.split()[0]
    tiles = "".join(f"<{tile}><a href='/p/scarf-{n}'>Scarf {n}</a><span class='price'>€ 29,00</span>"
                    f"<button class='btn add-to-cart'>Add to cart</button></{t}>" for n in (1, 2, 3))
    body = f"<h1>Wool Coat</h1><p class='stock'>Out of stock</p><{wrap}>{tiles}</{w}>"
    rec = extract_product(page(body, ld(data)), URL)
    assert (rec.availability, rec.sources["availability"]) == ("OutOfStock", "dom")
    # eight of them in a strip beside the product's own button: still the product's page
    strip = "".join(f"<{tile}><a href='/p/scarf-{n}'>Scarf {n}</a><button class='btn'>Add to cart</button></{t}>"
                    for n in range(8))
    body = (f"<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div><button class='add-to-cart'>Add to cart"
            f"</button><section class='carousel'><h2>Complete the look</h2><{wrap}>{strip}</{w}></section>")
    rec = extract_product(page(body), URL)
    assert (rec.is_product, rec.price, rec.availability) == (True, "189.00", "InStock")
    # three copies of the buy box (each linking the size guide), and variant rows linking the page itself
    copies = "".join(f"<{tile}><a href='/pages/size-guide'>Size guide</a><button class='btn'>Add to cart</button></{t}>"
                     for _ in range(3))
    variants = "".join(f"<{tile}><a href='{URL}?size={s}'>Size {s}</a><button class='btn'>Add to cart</button></{t}>"
                       for s in "SML")
    for own in (copies, variants):
        rec = extract_product(page(f"<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div><{wrap}>{own}</{w}>"),
                              URL)
        assert (rec.is_product, rec.availability) == (True, "InStock")
    # a product's variants, each with its button but linking nowhere, are the product's own
    rows = "".join(f"<{tile}><span>Size {s}</span><button class='btn add-to-cart'>Add to cart</button></{t}>"
                   for s in "SML")
    body = f"<h1>Wool Coat</h1><div class='product-price'>€ 189,00</div><{wrap}>{rows}</{w}>"
    assert extract_product(page(body), URL).availability == "InStock"


@pytest.mark.parametrize("strip", [
    # the heading among the page's own parts (OpenCart: the product and its related products in one column)
    "<h3>Related Products</h3><div class='row'><div class='col'><a href='/p/scarf'>Wool Scarf</a>"
    "<p>€ 29,00</p><button class='btn'>Add to Cart</button></div></div>",
    # one tile under the heading: its button sits with a link to another product
    "<div class='muut'><h3>Muut asiakkaat ostivat myös</h3><div class='m'><a href='/p/scarf'>Wool Scarf</a>"
    "<span>€ 29,00</span><button>Lisää koriin</button></div></div>",
])
def test_a_sold_out_pages_only_buy_button_in_a_recommendation_strip_does_not_sell_it(strip):
    # a price whose class does not say so, and a sold-out sentence beside no stock class: both weak
    body = (f"<div id='content'><h1>Wool Coat</h1><div class='hinta'><span class='nyt'>€ 189,00</span></div>"
            f"<p>Currently unavailable</p>{strip}</div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.availability) == ("189.00", "OutOfStock")


def test_an_oscommerce_page_heading_names_the_product_without_its_bracketed_model():
    body = ("<table><tr><td class='pageHeading' valign='top'>Wool Coat Navy<br><span class='smallText'>[WC-1108]"
            "</span></td><td class='pageHeading' align='right'><s>€ 198,00</s> <span class='productSpecialPrice'>"
            "€ 149,00</span></td></tr></table><input type='submit' value='In den Warenkorb'>")
    html = page(body).replace("<title>Wool Coat | Example Shop</title>", "<title>Wool Coat Navy | Example Shop</title>")
    rec = extract_product(html, URL)
    assert (rec.name, rec.price) == ("Wool Coat Navy", "149.00")


def test_the_page_headers_mini_cart_is_no_buy_button():
    body = ("<h1>Wool Coat</h1><div class='price'>€ 189,00</div><p>Momentaneamente non disponibile</p>")
    html = page(body).replace("<main>", "<header><a class='kurv' href='/cart'>Handlekurv (2) kr 849,-</a></header><main>")
    assert extract_product(html, URL).availability == "OutOfStock"


@pytest.mark.parametrize("box, lang", [
    ("<div class='lager udsolgt'>Udsolgt – forventes på lager i uge 8</div>", "da"),  # "Lager": stock
    ("<div class='dostepnosc brak'><b>Produkt niedostępny</b></div>", "pl"),
    ("<span id='availability_value' class='label label-danger'>Ce produit n'est plus en stock</span>"
     "<p id='add_to_cart' class='buttons_bottom_block unvisible'><button class='exclusive'>Ajouter au panier</button></p>",
     "fr"),  # PrestaShop hides the buy button with "unvisible"
    ("<div class='alert--content'>Dieser Artikel steht derzeit nicht zur Verfügung!</div>", "de"),
])
def test_stock_words_and_classes_in_more_languages(box, lang):
    assert in_buy_box(box, lang).availability == "OutOfStock"


def test_a_shelf_of_other_products_is_a_recommendation_area():
    # VTEX calls its product carousels shelves ("vtex-shelf", the older "prateleira")
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    tiles = "".join(f"<section class='summary'><a href='/scarf-{n}/p'>Scarf {n}</a>"
                    "<button class='buy'>Adicionar ao carrinho</button></section>" for n in (1, 2))
    body = f"<h1>Wool Coat</h1><p class='availability-message'>Produto indisponível</p><div class='vtex-shelf'>{tiles}</div>"
    assert extract_product(page(body, ld(data)), URL).availability == "OutOfStock"


def test_a_recommendation_heading_above_the_products_own_buy_button_leaves_it_the_product():
    # one buy control under the heading, none before it: the product's own
    body = ("<div class='layout'><h1>Wool Coat</h1><div class='buy'><h3>Customers also bought</h3>"
            "<div class='product-price'>€ 189,00</div><button class='add-to-cart'>Add to cart</button></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.availability) == ("189.00", "InStock")


def test_a_recommendation_heading_in_the_products_own_column_leaves_it_the_product():
    body = ("<div class='product'><h1>Wool Coat</h1><h3>Recommended for cold days</h3><div class='product-price'>"
            "€ 189,00</div><p class='product-brand'>Nordvik</p><button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.brand, rec.availability) == ("189.00", "Nordvik", "InStock")


# Magento's "display both prices": each amount in its own element, named by class and label.
_BOTH_PRICES = ("<div class='price-box'><span class='price-excluding-tax'><span class='label'>zzgl. MwSt (21%):</span>"
                "<span class='price' id='price-excluding-tax-332'>4,92 €</span></span>"
                "<span class='price-including-tax'><span class='label'>Inkl. MwSt (21%):</span>"
                "<span class='price' id='price-including-tax-332'>5,95 €</span></span></div>")


@pytest.mark.parametrize("markup_price, price", [
    ("4.92", "5.95"),  # the markup gives the price before VAT: the buyer pays the other
    ("5.95", "5.95"),  # the markup gives the price with VAT: it stands
    (None, "5.95"),  # no markup: the page's price with VAT
])
def test_a_price_before_vat_beside_the_price_with_it(markup_price, price):
    head = ""
    if markup_price:
        head = ld({"@context": "https://schema.org", "@type": "Product", "name": "Schmierfett",
                   "offers": {"@type": "Offer", "price": markup_price, "priceCurrency": "EUR"}})
    body = f"<div class='product'><h1>Schmierfett</h1>{_BOTH_PRICES}<button class='add-to-cart'>In den Warenkorb</button></div>"
    rec = extract_product(page(body, head, lang="de"), URL)
    assert (rec.price, rec.currency) == (price, "EUR")


def test_a_price_named_without_tax_alone_is_the_price():
    """BigCommerce names the price a US shop shows "price--withoutTax": no other price, no VAT."""
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "Offer", "price": "189.00", "priceCurrency": "USD"}}
    body = ("<div class='productView'><h1>Wool Coat</h1><span class='price price--withoutTax'>$189.00</span>"
            "<span class='price price--withTax' style='display: none;'></span>"
            "<button class='add-to-cart'>Add to Cart</button></div>")
    assert extract_product(page(body, ld(data)), URL).price == "189.00"


def test_cents_in_a_classed_element_inside_a_tooltips_host():
    # Komputronik: the price sits in the element its tooltip is shown for, the cents in "<span class='cent'>"
    body = ("<h1>Intel Core i7-8700K</h1><div class='prices'><span class='price'><span class='tooltip-wrap' tooltips "
            "tooltip-template=\"<span class='kind'>Cena w salonach</span><span class='proper'>1 629 zł</span>\">"
            "<span class='proper'>1 574<span class='cent'>90</span><small>zł</small></span><span class='kind'>Cena "
            "internetowa</span></span></span><span class='credit'><span>Raty od <strong>73 zł</strong></span></span>"
            "</div><button>Do koszyka</button>")
    rec = extract_product(page(body, lang="pl"), URL)
    assert (rec.price, rec.currency) == ("1574.90", "PLN")


# --- the product code when the page prints none ------------------------------------------------

def test_the_url_id_the_buy_form_names_is_the_code():
    url = "https://shop.example.com/consoles/145721_playstation-5-digital-edition"
    body = ("<h1>PlayStation 5 Digital Edition</h1><span class='price'>€ 399,00</span>"
            "<form action='/cart/add'><input type='hidden' name='product' value='145721'>"
            "<button class='add-to-cart'>In winkelmandje</button></form>")
    assert extract_product(page(body), url).sku == "145721"
    # an id the page's own buy box does not name is not taken for a code
    assert extract_product(page(body.replace("145721", "99")), url).sku is None
    # an id after one letter ("/a12878653/")
    lettered = body.replace("145721", "12878653")
    assert extract_product(page(lettered), "https://shop.example.com/Console-PS5/a12878653/w-4").sku == "12878653"
    # an ISBN-10 ends in its check letter
    book = body.replace("145721", "193435659X")
    assert extract_product(page(book), "https://shop.example.com/dp/193435659X").sku == "193435659X"
    # a model number in the slug ("i7-10700k") is no id
    slug = "https://shop.example.com/site/intel-core-i7-10700k-processor/6411488.p?skuId=6411488"
    named = body.replace("145721", "6411488").replace(
        "<form action='/cart/add'>", "<form action='/cart/add'><input type='hidden' name='model' value='i7-10700'>")
    assert extract_product(page(named), slug).sku == "6411488"
    # it outranks the maker's model number in the spec table, not a code the page labels as the shop's
    specs = "<dl class='specs'><dt>Merk</dt><dd>Sony</dd><dt>Mpn</dt><dd>9395201</dd></dl>"
    assert extract_product(page(body + specs), url).sku == "145721"
    labelled = "<p>Artikelnummer: 88-1203</p>"
    assert extract_product(page(body + labelled + specs), url).sku == "88-1203"
    # the id as the buy box prints it, grouped ("503.214.56" for ".../regal-kallio-50321456/")
    grouped = body.replace("<span class='price'>", "<span class='pip-identifier'>503.214.56</span><span class='price'>")
    assert extract_product(page(grouped), "https://shop.example.com/de/p/regal-kallio-50321456/").sku == "503.214.56"


def test_a_comment_in_the_buy_box_is_not_a_stock_label():
    body = ("<div class='product-info'><h1>Wool Coat</h1><span class='price'>€189.00</span>"
            "<!-- Sold out badge goes here --></div>")
    assert extract_product(page(body), URL).availability is None


def test_the_text_after_a_hidden_icon_in_a_button_is_read():
    body = ("<div class='product-info'><h1>Wool Coat</h1><span class='price'>€189.00</span>"
            "<button class='add-to-cart'><span class='icon' hidden>+</span>Sold out</button></div>")
    assert extract_product(page(body), URL).availability == "OutOfStock"


# --- the product's name beside the shop's own ---------------------------------------------------

@pytest.mark.parametrize("title, url", [("Wool Coat | Example Shop", URL),
                                        ("Example Shop | Wool Coat", "https://www.exampleshop.com/p/wool-coat")])
@pytest.mark.parametrize("product", ["<h1 class='product-title'>Wool Coat</h1>",
                                     "<div class='product-name'>Wool Coat</div>"])
def test_the_shops_name_in_an_h1_of_its_masthead_is_not_the_product(title, url, product):
    html = (f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
            "<header><a href='/' class='logo'><h1>Example Shop</h1></a><nav><a href='/cart'>Cart</a></nav></header>"
            f"<main><div class='product-info'>{product}<div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart'>Add to cart</button></div></main></body></html>")
    assert extract_product(html, url).name == "Wool Coat"


def test_a_product_titled_in_its_own_header_keeps_its_name():
    html = ("<!doctype html><html lang='en'><head><title>Wool Coat | Example Shop</title></head><body>"
            "<main><article class='product'><header class='product__header'><h1>Wool Coat</h1></header>"
            "<div class='product-price'>€ 189,00</div><button class='add-to-cart'>Add to cart</button></article>"
            "</main></body></html>")
    assert extract_product(html, URL).name == "Wool Coat"


def test_an_itemprop_name_beside_the_shops_logo_is_not_the_products():
    body = ("<nav class='global-navbar'><div class='global-logo'><meta itemprop='name' content='Example Shop'>"
            "<a href='/' class='nav-logo'><img src='/logo.svg' alt='Example Shop'></a></div></nav>"
            "<div class='pdp-name-block'><h1 class='pdp-product-name'>Wool Coat</h1></div>")
    assert extract_product(page(body), URL).name == "Wool Coat"


@pytest.mark.parametrize("markup_name", ["NORDVIK - Wool Coat 2024, navy, 100% wool", "Nordvik Wool Coat"])
def test_the_name_is_the_title_as_shown_when_the_markup_wraps_it(markup_name):
    data = {"@context": "https://schema.org", "@type": "Product", "name": markup_name, "offers": offer("189.00")}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(data)), URL)
    assert (rec.name, rec.sources["name"]) == ("Wool Coat", "dom")
    # a title that is not a run of the markup's words leaves the markup's name
    assert extract_product(page("<h1>Coat</h1>", ld(data)), URL).name == markup_name


@pytest.mark.parametrize("card", ["Wool Coat", "Wool Coat - Warm Winter Outerwear | Example Shop"])
def test_a_share_cards_title_gives_way_to_the_heading_named_like_the_page_title(card):
    head = f"<meta name='twitter:title' content='{card}'>"
    rec = extract_product(page("<h1>Nordvik Wool Coat 2024</h1>", head).replace(
        "<title>Wool Coat | Example Shop</title>", "<title>Nordvik Wool Coat 2024 | Example Shop</title>"), URL)
    assert (rec.name, rec.sources["name"]) == ("Nordvik Wool Coat 2024", "dom")


def test_a_title_in_two_spans_is_two_words():
    body = "<h1><span class='brand'>Nordvik</span><span class='name'>Wool Coat</span></h1>"
    assert extract_product(page(body), URL).name == "Nordvik Wool Coat"


@pytest.mark.parametrize("h1, name", [
    # a subtitle in the heading is not the name
    ("<h1><span>Wool Coat</span> <span class='sub-title'>Sold out, we do not know when it is back</span></h1>",
     "Wool Coat"),
    # a heading whose every part is named like the title stays whole
    ("<h1><span>Wool</span> <span>Coat</span></h1>", "Wool Coat"),
])
def test_the_part_of_a_heading_named_like_the_title(h1, name):
    assert extract_product(page(h1 + "<div class='product-price'>€ 189,00</div>"), URL).name == name


@pytest.mark.parametrize("h1", ["<h1>Wool Coat <span class='badge badge--new'>New</span></h1>",
                                "<h1>Wool Coat <small class='code'>SKU: WC-100</small></h1>",
                                # a share widget nested in the name's element
                                "<h1>Wool Coat<div class='mobile-share-accordion'><div class='drawer-trigger'>"
                                "<div class='share-icon'></div>SHARE</div></div></h1>"])
def test_a_badge_or_a_code_in_the_heading_is_not_part_of_the_name(h1):
    assert extract_product(page(h1 + "<div class='product-price'>€ 189,00</div>"), URL).name == "Wool Coat"


def test_with_no_heading_the_document_titles_part_that_is_not_the_shop():
    body = ("<div class='pdp'><img src='/c.jpg' alt=''><div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    rec = extract_product(page(body), URL)  # <title>Wool Coat | Example Shop</title>
    assert (rec.name, rec.is_product) == ("Wool Coat", True)
    # the shop's name first: the part the URL's path names is the product's
    html = page(body).replace("Wool Coat | Example Shop", "Example Shop - Wool Coat")
    assert extract_product(html, URL).name == "Wool Coat"
    # a shop's call to buy around the name
    for title in ("Buy Wool Coat Online | Example Shop", "Wool Coat online kaufen | Example Shop",
                  "Wool Coat bei Shop", "Wool Coat at shop.example.com"):
        assert extract_product(page(body).replace("Wool Coat | Example Shop", title), URL).name == "Wool Coat", title
    # the og:title says the same ("… Schuh bei SNIPES" on snipes.com), with no heading to prefer
    og = "<meta property='og:title' content='Wool Coat bei Shop'>"
    assert extract_product(page(body, og).replace("Wool Coat | Example Shop", "Wool Coat bei Shop"), URL).name == "Wool Coat"
    # a share card's title with the shop's call to buy around the name (Myntra's "Buy Jockey … Brief")
    card = "<meta name='twitter:title' content='Buy Wool Coat Online'>"
    assert extract_product(page(body, card).replace("Wool Coat | Example Shop", "Example Shop"), URL).name == "Wool Coat"
    # Russian and Ukrainian shops' titles: a call to buy at a price in the web shop ("… за 1 299 ₽ в интернет-магазине
    # Lamoda.ru"), in the og:title too; another shop named there is part of the name
    for said in ("Пальто купить за 12 990 ₽ в интернет-магазине Shop.example.com",
                 "Пальто — купити за 4 500 грн. в інтернет-магазині shop.example.com"):
        og = f"<meta property='og:title' content='{said}'>"
        assert extract_product(page(body, og).replace("Wool Coat | Example Shop", said), URL).name == "Пальто", said
    said = "Пальто в интернет-магазине Lamoda"
    og = f"<meta property='og:title' content='{said}'>"
    assert extract_product(page(body, og).replace("Wool Coat | Example Shop", said), URL).name == said


def test_a_heading_that_names_the_maker_is_not_the_products_name():
    body = ("<h1 class='product-brand'><a href='/designers/nordvik'>Nordvik</a></h1><h2 class='product-name'>Wool Coat"
            "</h2><div class='product-price'>€ 189,00</div>")
    rec = extract_product(page(body).replace("Wool Coat | Example Shop", "Nordvik Wool Coat | Example Shop"), URL)
    assert (rec.name, rec.brand) == ("Wool Coat", "Nordvik")
    # the share card's title sets the maker apart with a dash (SSENSE: "Jimmy Choo - Pink Snakeskin Anouk Pumps")
    card = "<meta name='twitter:title' content='Nordvik - Wool Coat'>"
    html = page(body.replace("<h2 class='product-name'>Wool Coat</h2>", ""), card)
    rec = extract_product(html.replace("Wool Coat | Example Shop", "Nordvik: Wool Coat | Example Shop"), URL)
    assert (rec.name, rec.brand) == ("Wool Coat", "Nordvik")


def test_a_heading_in_the_brands_colours_names_the_product():
    # a maker's page: the heading styled "color-brand-green", the only control a "Notify me" link, no price shown
    body = ("<section><h1 class='title color-brand-green uppercase'><strong>Wool Coat</strong></h1><p>Warm and light."
            "</p><a href='/notify-me-form/' class='link-btn brand-green regular-btn'><div class='btn'>NOTIFY ME</div>"
            "</a></section>")
    # the site's section logo in its navigation is no maker's, also where the page leaves the navigation open
    nav = ("<nav class='global-nav'><div id='sub-brand'><a class='sub-brand-name' href='https://shop.example.com/gaming/'>"
           "<img id='sub-brand-logo' src='/gaming-logo.svg' alt='Acme Gaming'></a></div><a href='/laptops/'>Laptops"
           "</a><div id='page-content'>")
    rec = extract_product("<!doctype html><html><head><title>Wool Coat Navy Edition | Acme</title></head><body><header>"
                          f"{nav}<article>{body}</article></div></body></html>", URL)
    assert (rec.name, rec.availability, rec.brand) == ("Wool Coat", "OutOfStock", None)


@pytest.mark.parametrize("h1, name", [
    ("<span class='brand'>Acme</span> <span>Wool Coat Navy</span>", "Acme Wool Coat Navy"),  # the brand opens it
    ("<span>Neu</span> <span>Wool Coat Navy</span>", "Wool Coat Navy"),  # a word that is no brand
])
def test_a_title_that_opens_with_the_brand_the_og_title_leaves_out(h1, name):
    head = ('<meta property="og:type" content="product"><meta property="og:title" content="Wool Coat Navy">'
            '<meta property="product:brand" content="Acme"><meta property="og:price:amount" content="189.00">'
            '<meta property="og:price:currency" content="EUR">')
    rec = extract_product(page(f"<div class='product-info'><h1>{h1}</h1><button>Add to cart</button></div>", head), URL)
    assert (rec.name, rec.brand) == (name, "Acme")


@pytest.mark.parametrize("box, price", [
    # the markup's price is the one the page strikes through: a stale feed
    ("<ul><li><span style='text-decoration: line-through;'>1.599,00 €</span></li><li><h2>1.299,00 €</h2></li></ul>",
     "1299.00"),
    # one the page shows nowhere
    ("<p class='product-detail-price'>€ 1.349,00*</p>", "1349.00"),
    # shown: it stands
    ("<p class='product-detail-price'>€ 1.599,00*</p>", "1599.00"),
    # shown only in a span served hidden for the markup (Magento's "no-display"): the shop's price box says
    ("<span class='no-display'>1.599,00</span><div class='price-box'><span class='final-price'>€ 1.349,00</span></div>",
     "1349.00"),
    # an amount in another currency, or a code read as one ("MDL06 B"), is no price to prefer
    ("<p class='product-detail-price'>1.599,00 €</p><p>Codice: <span>MDL06 B</span></p>", "1599.00"),
])
def test_a_markup_price_the_page_strikes_through_or_shows_nowhere_gives_way(box, price):
    html = page(f"<div class='product-info'><h1>Wool Coat</h1>{box}<button class='add-to-cart'>Add to cart</button>"
                "</div>", ld({"@type": "Product", "name": "Wool Coat", "offers": offer("1599.00")}))
    assert extract_product(html, URL).price == price


@pytest.mark.parametrize("unit", ["<p class='price-line'>(€ 37,00 al l)</p>",
                                  "<p class='ps-base-price'>€ 37,00</p>"])
def test_a_unit_price_is_not_the_price(unit):
    html = page(f"<div class='product-info'><h1>Olive Oil 500 ml</h1>{unit}<p class='price'>€ 18,50</p>"
                "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(html, URL).price == "18.50"


def test_one_colour_sold_out_in_a_list_no_class_names_a_picker_is_not_the_products_stock():
    colours = ("<dl><dt>颜色分类</dt><dd><ul class='tm-clear J_TSaleProp'>"
               "<li title='雾霾蓝' class='tb-selected'><a href='#' role='button'><span>雾霾蓝</span></a></li>"
               "<li title='樱花粉' class='tb-out-of-stock'><a href='#' role='button'><span>樱花粉</span></a>"
               "<i class='tb-soldout-tip'>已售罄</i></li>"
               "<li title='燕麦白'><a href='#' role='button'><span>燕麦白</span></a></li></ul></dd></dl>")
    assert in_buy_box(colours + "<button class='tb-btn-basket'>加入购物车</button>", "zh").availability == "InStock"
    # the mark in brackets inside the choice's own link ("白橡色（已售罄）"), the buy links bare anchors
    two = ("<ul class='tm-clear J_TSaleProp tb-img'><li class='tb-selected'><a href='#'><span>胡桃色</span></a></li>"
           "<li class='tb-out-of-stock' title='已售罄'><a href='#'><span>白橡色（已售罄）</span></a></li></ul>")
    assert in_buy_box(two + "<a id='J_LinkBasket' href='#'><i>加入购物车</i></a>", "zh").availability != "OutOfStock"
    # a spec list's labelled line stays the product's: "Stok Durumu: Tükendi" beside other lines
    spec = "<ul><li><b>Stok Durumu:</b> Tükendi</li><li><b>Marka:</b> Acme</li></ul>"
    assert in_buy_box(spec + "<button id='button-cart'>Sepete Ekle</button>", "tr").availability == "OutOfStock"


def test_a_goods_name_without_a_heading_names_the_product_not_a_reviews_heading():
    html = ("<!doctype html><html lang='zh'><head><meta charset='utf-8'>"
            "<title>【Kitchenly】Kitchenly 多功能电煮锅 2.5L 家用小型电火锅 DZG-W25【行情 报价 价格】-京选商城</title></head>"
            "<body><div class='itemInfo-wrap'><div class='sku-name'>Kitchenly 多功能电煮锅 2.5L 家用小型电火锅 DZG-W25</div>"
            "<div class='summary-price'><span class='price'>￥199.00</span></div>"
            "<a class='btn-special1' href='/cart/add?id=1'>加入购物车</a></div>"
            "<div class='comment'><h2 class='comment-item__title'>商品评价</h2><h3 class='comment-item__heading'>值得等待"
            "</h3></div></body></html>")
    assert extract_product(html, "https://item.shop.example/100012345.html").name == \
        "Kitchenly 多功能电煮锅 2.5L 家用小型电火锅 DZG-W25"


@pytest.mark.parametrize("block, lang", [
    # Wix names its related block only in data-hook
    ("<div data-hook='related-products'><div class='gallery-item'><ul><li class='gallery-item-card'>"
     "<p class='gallery-item-card__vendor'>Quenby</p><h3>Tarn Jeans</h3><span>฿1,290</span></li></ul></div></div>", "th"),
    # a recommendations heading in the shop's language ("you may like", "you might also like")
    ("<section><h2>สินค้าที่คุณอาจชอบ</h2><ul><li class='card'><p class='card__vendor'>Quenby</p><h3>Tarn Jeans</h3>"
     "<span>฿1,290</span></li></ul></section>", "th"),
    ("<section><h2>אולי תאהבו גם</h2><ul><li class='card'><p class='card__vendor'>Quenby</p><h3>Tarn Jeans</h3>"
     "<span>₪290</span></li></ul></section>", "he"),
])
def test_a_recommended_products_vendor_is_not_the_products_brand(block, lang):
    html = page("<div class='product-page'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
                f"<button>Add to cart</button></div>{block}", lang=lang)
    assert extract_product(html, URL).brand is None


def test_similar_products_named_so_only_in_the_shops_language_are_not_the_product():
    # a table-layout shop: "hasonlo" (similar) cells after the product, their prices in <b> like its own
    tiles = "".join(f"<td class='hasonlo'><a href='/p/{n}'><img src='/t{n}.jpg' alt='Bögre {n}'><br>Bögre {n}</a><br>"
                    "<b>5&#160;690&#160;Ft</b></td>" for n in range(4))
    html = ("<html lang='hu'><head><meta charset='utf-8'><title>Kerámia bögre - Bolt</title></head><body><table><tr><td>"
            "<h1>Kerámia bögre</h1><p><font size='4'><b>Ár: 4&#160;990&#160;Ft</b></font></p>"
            f"<form action='/kosar'><input type='submit' value='Kosárba'></form></td></tr><tr>{tiles}</tr></table>"
            "</body></html>")
    rec = extract_product(html, "https://bolt.example/termek/keramia-bogre")
    assert (Decimal(rec.price), rec.currency) == (Decimal("4990"), "HUF")


def test_a_sold_out_pages_stand_in_under_consider_a_similar_item_is_another_product():
    body = ("<div id='centerCol'><h1>Wool Coat</h1><div id='availability'><span>Currently unavailable.</span></div>"
            "<div id='value-pick'><hr><div class='a-row'><div class='a-section'><h4> Consider a similar item </h4>"
            "</div><div class='a-grid'><div class='a-col'><a href='/p/other-coat'><img src='/i/2.jpg' alt=''></a></div>"
            "<div class='a-col-right'><a href='/p/other-coat'>Camel Coat</a><div class='a-row'>"
            "<span class='a-size-base a-color-base'>$99.99</span></div></div></div></div></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.availability) == (None, "OutOfStock")


def test_a_comparison_chart_with_a_buy_button_per_column_holds_other_products_prices():
    chart = ("<table class='module-table'><tr><th></th><th>Wool Coat</th><th>Scarf</th><th>Gloves</th></tr>"
             "<tr><td></td><td></td><td><button>Add to Cart</button></td><td><button>Add to Cart</button></td></tr>"
             "<tr><td>Price</td><td>— no data</td><td><span class='a-price'>$35.99</span></td>"
             "<td><span class='a-price'>$24.99</span></td></tr></table>")
    body = ("<div class='product'><h1>Wool Coat</h1><p class='availability'>Currently unavailable.</p></div>"
            f"<div class='description'><h2>From the maker</h2>{chart}</div>")
    assert extract_product(page(body), URL).price is None


def test_an_og_title_cut_short_before_the_sites_name_gives_way_to_the_heading():
    head = ('<meta property="og:type" content="product"><meta property="og:title" '
            'content="Vintage Omega Seamaster Automatic Watch 1968 | eBay">')
    h1 = "Vintage Omega Seamaster Automatic Watch 1968 Cal. 565 Stainless Steel"
    rec = extract_product(page(f"<div class='product-info'><h1>{h1}</h1><span class='price'>US $1,450.00</span>"
                               "<button>Add to cart</button></div>", head), URL)
    assert rec.name == h1


def test_a_carousels_tiles_some_without_a_price_do_not_price_a_sold_out_product():
    # Amazon's 2014 "shoveler": four alike items, two showing a price; the product shows none
    items = "".join(f"<li><div><a href='/Power-Adapter-{n}/dp/B00{n}'>Power Adapter {n}</a></div>"
                    f"{'<span class=price>$19.99</span>' if n % 2 else ''}</li>" for n in range(4))
    body = (f"<h1>Kindle</h1><div class='buying'><span class='availRed'>Currently unavailable.</span></div>"
            f"<div class='shoveler'><ul>{items}</ul></div>")
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.price) == ("OutOfStock", None)


@pytest.mark.parametrize("area", ["class='reviews'", "id='rev-dpForeignMktReviewsAUI-R24I8B' class='a-section'"])
def test_a_reviewers_by_line_is_no_brand(area):
    # also where the area's id names it in camel case only (Amazon's reviews from other marketplaces)
    review = (f"<div {area}><div class='a-row'><span class='gry'>By</span> "
              "<a href='/gp/pdp/profile/A2W0GY64CJSV5D'>FreeSpirit</a><p>Great reader.</p></div></div>")
    body = f"<h1>Kindle</h1><span class='price'>$79.00</span><button class='add-to-cart'>Add to cart</button>{review}"
    assert extract_product(page(body), URL).brand is None


@pytest.mark.parametrize("area", ["ins-facet-checkbox-chip-label", "search-applied-filters", "filter-chips",
                                  "refinements"])
def test_a_search_filters_brand_is_not_the_products(area):
    # a search widget's applied filter, a template's placeholder value ("Brand: Item 2" on Mavi)
    chip = (f"<div class='search-overlay'><div class='{area}'><div class='applied-filter-name'>Brand</div>"
            "<span>: </span><div class='applied-filter-values'>Item 2</div></div></div>")
    body = f"{chip}<h1>Wool Coat</h1><span class='price'>€ 189,00</span><button class='add-to-cart'>Add to cart</button>"
    assert extract_product(page(body), URL).brand is None
    # the product's own spec row says it
    spec = "<ul class='specs'><li><b>Brand:</b> Nordvik</li></ul>"
    assert extract_product(page(body + spec), URL).brand == "Nordvik"


def test_page_state_escaped_by_angular_or_parsed_from_a_string_and_named_by_the_platforms_own_key():
    skeleton = "<h1 class='product-name'>Bose QuietComfort Ultra</h1><div id='buy-box'><div class='skeleton'></div></div>"
    angular = ('<script id="serverApp-state" type="application/json">{&q;G.https://api.shop/product/219876?&q;: '
               '{&q;body&q;: {&q;articleNumber&q;: &q;219876&q;, &q;name&q;: &q;Bose QuietComfort Ultra&q;, '
               '&q;brand&q;: &q;Bose&q;, &q;price&q;: {&q;current&q;: 3490, &q;currency&q;: &q;NOK&q;}, '
               '&q;inStock&q;: false}}}</script>')
    rec = extract_product(page(skeleton + angular), URL)
    assert (rec.availability in SOLD_OUT, rec.brand, rec.price) == (True, "Bose", "3490.00")
    state = json.dumps({"product": {"name": "Bose QuietComfort Ultra", "price": 349.99, "isSoldOut": True}})
    parsed = f"<script>window.__APP_DATA__ = JSON.parse({json.dumps(state)});</script>"
    assert extract_product(page(skeleton + parsed), URL).availability in SOLD_OUT
    goods = json.dumps({"props": {"pageProps": {"goods": {"goodsNo": 2987654, "goodsName": "Bose QuietComfort Ultra",
                                                          "goodsPrice": {"salePrice": 89000}, "saleStatus": "SOLD_OUT"},
                                                "recommend": [{"goodsName": "Sony WH-1000XM5", "saleStatus": "SALE"}]}}})
    next_data = f'<script id="__NEXT_DATA__" type="application/json">{goods}</script>'
    assert extract_product(page(skeleton + next_data), URL).availability in SOLD_OUT


def test_sizes_listed_with_their_sold_out_mark_in_a_sku_selector_are_no_product_stock():
    sizes = "".join(f"<li class='{'unavailable' if n in (38, 39) else ''}'>{n}"
                    f"{' <em>Esgotado</em>' if n in (38, 39) else ''}</li>" for n in range(38, 43))
    box = (f"<div class='sku-selector'><p>Tamanho: 41</p><ul>{sizes}</ul></div>"
           "<button class='vtex-add-to-cart-button'>Comprar</button>")
    assert in_buy_box(box, "pt-BR").availability == "InStock"


def test_not_in_stock_beside_a_working_button_and_a_back_order_offer_is_a_back_order():
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": offer("189.00", "BackOrder")}
    body = ("<h1>Wool Coat</h1><span class='price'>189,00 kr</span><div class='stockstatus'>"
            "<span class='stockstatus-stock-details'>Ikke på lager hos leverandør nå.</span></div>"
            "<button class='buy-button'>Legg i handlekurv</button>")
    assert extract_product(page(body, ld(data), "no"), URL).availability == "BackOrder"
    data["offers"] = offer("189.00", "InStock")  # the markup's plain "in stock" still gives way to the page
    assert extract_product(page(body, ld(data), "no"), URL).availability == "OutOfStock"


@pytest.mark.parametrize("words, lang", [("予定数の販売を終了しました", "ja"), ("Ce produit n'est plus commercialisé", "fr"),
                                         ("Questo articolo è fuori produzione", "it"), ("Kein Lagerbestand", "de"),
                                         ("Zurzeit nicht am Lager", "de"), ("We no longer carry this item.", "en"),
                                         ("Dieser Artikel ist nicht mehr in unserem Sortiment", "de"),
                                         ("Produit non commercialisé", "fr"), ("Niet online beschikbaar", "nl"),
                                         # being restocked, not orderable now
                                         ("En cours de réapprovisionnement", "fr"), ("En reposición", "es"),
                                         ("In riassortimento", "it"), ("Niet bestelbaar", "nl"),
                                         ("Ej beställningsbar", "sv"), ("In Kürze wieder da", "de")])
def test_sales_ended_or_no_longer_marketed_is_sold_out(words, lang):
    body = f"<h1>Wool Coat</h1><p class='notice'>{words}</p><a href='/similar'>Voir des produits similaires</a>"
    assert extract_product(page(body, lang=lang), URL).availability == "OutOfStock"


def test_page_state_stating_the_stock_beside_the_products_name_rather_than_with_it():
    def state(shipping, pickup):
        data = {"queries": [[["@web/product-detail", {"tcin": "87654321"}], {"product": {
            "tcin": "87654321", "item": {"product_description": {"title": "Woven Tassel Throw Blanket"}},
            "fulfillment": {"shipping_options": {"availability_status": shipping},
                            "store_options": [{"order_pickup": {"availability_status": pickup}}]}}}]]}
        return f"<script>window.__TGT_DATA__ = JSON.parse({json.dumps(json.dumps(data))});</script>"
    body = "<h1>Woven Tassel Throw Blanket</h1><span class='price'>$39.99</span><div id='fulfillment'></div>"
    assert extract_product(page(body + state("OUT_OF_STOCK", "UNAVAILABLE")), URL).availability in SOLD_OUT
    # statuses that disagree (shipped now, no pick-up) say nothing: the page's default stands
    assert extract_product(page(body + state("IN_STOCK", "UNAVAILABLE")), URL).availability not in SOLD_OUT


def test_a_widgets_own_availability_in_the_page_state_is_not_the_products():
    # a size advisor's part of the state ("fitAnalytics": {"isAvailable": false}) beside the product's
    data = {"product": {"seo": {"h1": "HD Externo Portátil Seagate 2TB"}, "id": "122423909"},
            "fitAnalytics": {"isAvailable": False, "isVisible": False}, "notifyMe": {}}
    state = f"<script>window.__PRELOADED_STATE__ = {json.dumps(data)};</script>"
    body = ("<h1>HD Externo Portátil Seagate 2TB</h1><span class='sales-price'>R$ 359,75</span>"
            "<button class='buy-button'>Comprar</button>")
    assert extract_product(page(body + state, lang="pt-BR"), URL).availability not in SOLD_OUT


@pytest.mark.parametrize("beside", [
    {"teasers": {"bundle": {"error": False, "available": False, "bundleName": None}}},  # an empty teaser's flag
    # the interface's words in the shop's languages, an i18n store's
    {"i18nextStore": {"de": {"select": {"status": {"notAvailable": "Dieser Artikel ist leider nicht mehr verfügbar."}}}}},
])
def test_teasers_and_the_interfaces_words_in_the_page_state_are_not_the_products_stock(beside):
    data = {"reduxInitialStore": {"product": {"seo": {"h1": "GoPro Dual-Ladegerät"}, "id": "2511473"}, **beside}}
    state = f"<script>window.__PRELOADED_STATE__ = {json.dumps(data)};</script>"
    body = "<h1>GoPro Dual-Ladegerät</h1><span class='price'>57,99 €</span>"
    assert extract_product(page(body + state, lang="de"), URL).availability not in SOLD_OUT


def test_where_an_offer_ships_from_is_no_products_name_in_the_page_state():
    # Newegg's offers under the product: the first named by its ship-from country, in stock; the second sold out
    data = {"BestSeller": {"RankingItem": {"Description": {"Title": "WD Red Plus 10TB NAS Hard Drive"}},
                           "BestSellerList": [{"ShipFromCountryName": "United States", "Instock": True, "Qty": 12},
                                              {"SellerId": "", "Instock": False, "Qty": 0}]}}
    state = f"<script>window.__initialState__ = {json.dumps(data)};</script>"
    body = "<h1>WD Red Plus 10TB NAS Hard Drive</h1><span class='price'>$249.99</span>"
    assert extract_product(page(body + state), URL).availability not in SOLD_OUT


def test_a_sold_out_badge_beside_the_heading_whose_class_says_so_outweighs_a_server_written_button():
    # Squarespace's server HTML: the "sold out" mark above the title; its script later disables the button
    body = ("<div class='ProductItem-details'><div class='product-mark sold-out'>sold out</div>"
            "<h1 class='ProductItem-details-title'>Stoneware Mug — Tide</h1><div class='product-price'>$42.00</div>"
            "<div class='sqs-add-to-cart-button' role='button'>Add To Cart</div></div>")
    assert extract_product(page(body), URL).availability == "OutOfStock"
    # a colour's mark classed so in a line of variants is no such badge
    body = ("<div class='info'><h1>Stoneware Mug — Tide</h1><div class='variants'>Colour: <b>Tide</b> · Kelp – "
            "<span class='oos'>Sold out</span></div><div class='price'>$42.00</div>"
            "<button class='add-to-cart'>Add To Cart</button></div>")
    assert extract_product(page(body), URL).availability not in SOLD_OUT


@pytest.mark.parametrize("heading, lang", [("Wool Coat (Sold out)", "en"), ("[SOLD OUT] Wool Coat", "en"),
                                           ("Wool Coat – Ausverkauft", "de"), ("【完売】ウールコート", "ja"),
                                           ("Wool Coat <span class='tag'>Épuisé</span>", "fr")])
def test_a_sold_out_mark_the_shop_wrote_into_the_products_heading_outweighs_its_buy_button(heading, lang):
    body = (f"<div class='product-info'><h1>{heading}</h1><div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body, lang=lang), URL).availability == "OutOfStock"


def test_characters_that_show_nothing_are_not_part_of_the_name():
    # Bandcamp writes zero-width spaces around a title's hyphen; a soft hyphen or a word joiner shows nothing either
    body = ("<div class='product-info'><h2 class='trackTitle'>Saint&#8203;-&#8203;Laurent</h2>"
            "<h1>Saint&#8203;-&#8203;Lau&shy;rent&#8288;</h1><div class='product-price'>$1 CAD</div>"
            "<button class='add-to-cart'>Buy Now</button></div>")
    assert extract_product(page(body), URL).name == "Saint-Laurent"


@pytest.mark.parametrize("heading", ["Sold Out Tee", "Unavailable: A Novel", "Out of Stock Hoodie (Black)"])
def test_stock_words_that_are_the_products_name_leave_a_working_buy_button_in_stock(heading):
    body = (f"<div class='product-info'><h1>{heading}</h1><div class='product-price'>€ 189,00</div>"
            "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body), URL).availability == "InStock"
    # with no button in the page as served (a script draws it), the name says nothing either
    no_button = f"<div class='product-info'><h1>{heading}</h1><div class='product-price'>€ 189,00</div></div>"
    assert extract_product(page(no_button), URL).availability not in SOLD_OUT
    # an element of its own inside the heading states it (Target: "<h1>… Deck<div>This item is not available</div>")
    stated = no_button.replace("</h1>", "<div class='sc-x2'>This item is not available</div></h1>")
    assert extract_product(page(stated), URL).availability in SOLD_OUT


def _server_html(state: str, box: str = "<button class='add-to-cart'>Add to cart</button>") -> str:
    return page(f"<div class='product'><h1>Ullmössa Fjäll</h1><span class='price'>349 kr</span>{box}</div>{state}",
                lang="sv")


@pytest.mark.parametrize("stocks, availability", [((0, 0), "OutOfStock"), ((0, 3), "InStock")])
def test_the_buy_forms_variant_list_states_the_stock(stocks, availability):
    # Tiendanube: the server writes an enabled button; the form's data-variants says whether any variant is left
    variants = [{"product_id": 1, "price_number": 349, "stock": n, "available": n > 0} for n in stocks]
    box = (f"<form class='js-product-form' data-variants='{json.dumps(variants)}'>"
           "<input type='submit' class='js-addtocart btn' value='Agregar al carrito'></form>")
    assert extract_product(_server_html("", box), URL).availability == availability


@pytest.mark.parametrize("stocks, availability", [((False, False), "OutOfStock"), ((False, True), "InStock")])
def test_woocommerces_variations_form_states_the_stock(stocks, availability):
    # WooCommerce's variable product: the button waits for a choice; each variation says whether it is in stock
    variations = [{"attributes": {"attribute_pa_size": size}, "availability_html": "", "display_price": 349,
                   "is_in_stock": left, "is_purchasable": True, "variation_id": i}
                  for i, (size, left) in enumerate(zip(("s", "m"), stocks))]
    box = (f"<form class='variations_form cart' method='post' data-product_id='12' "
           f"data-product_variations='{json.dumps(variations)}'><table class='variations'><tr><td><select "
           "name='attribute_pa_size'><option value=''>Choose an option</option><option value='s'>S</option>"
           "<option value='m'>M</option></select></td></tr></table><button type='submit' class='single_add_to_cart_button "
           "button alt disabled wc-variation-selection-needed'>Add to cart</button></form>")
    assert extract_product(_server_html("", box), URL).availability == availability


def test_a_product_data_attributes_json_is_page_state():
    # PrestaShop's "data-product" on the details block: the server-written button is enabled until scripts run
    data = {"id_product": 87, "name": "Ullmössa Fjäll", "price_amount": 349, "quantity": 0,
            "availability": "unavailable", "add_to_cart_url": None}
    state = f"<div id='product-details' data-product='{json.dumps(data)}'></div>"
    assert extract_product(_server_html(state), URL).availability == "OutOfStock"


def test_a_bare_json_state_in_a_template_and_an_offers_capitalised_quantity():
    # VTEX IO: "<template data-varname='__STATE__'><script>{…}": the offer is a node of its own
    data = {"Product:sp-1": {"productId": "1", "productName": "Ullmössa Fjäll", "__typename": "Product"},
            "$Product:sp-1.items.0.sellers.0.commertialOffer": {"Price": 349, "AvailableQuantity": 0}}
    state = f"<template data-type='json' data-varname='__STATE__'><script>{json.dumps(data)}</script></template>"
    assert extract_product(_server_html(state, ""), URL).availability == "OutOfStock"


def test_a_state_assigned_to_a_windows_initial_data_after_other_statements():
    # Ecwid: "window.ec = …; window.ecwid_initial_data = {…}"
    data = {"storeId": 48211973, "product": {"name": "Ullmössa Fjäll", "price": 349, "quantity": 0, "inStock": False}}
    state = (f"<script>window.ec = window.ec || {{}}; window.ec.config = {{}};\n"
             f"window.ecwid_initial_data = {json.dumps(data)};</script>")
    assert extract_product(_server_html(state, ""), URL).availability == "OutOfStock"


def test_a_thai_colours_sold_out_note_beside_the_buy_buttons_is_no_statement_of_the_product():
    box = ("<p class='stock'>มีสินค้า</p><p class='pd-note'>สีขาวสินค้าหมดชั่วคราว กด <a href='#'>แจ้งเตือนเมื่อมีสินค้า</a></p>"
           "<button class='buy-now'>ซื้อเลย</button><button class='add'>เพิ่มลงตะกร้า</button>")
    assert in_buy_box(box, "th").availability not in SOLD_OUT


def test_a_price_before_latvian_vat_is_not_the_price():
    body = ("<div class='product'><h1>Skaļrunis X3</h1><ul class='list-unstyled'><li><h2>79,99€</h2></li>"
            "<li>Bez PVN: 66,11€</li></ul><button id='button-cart'>Ielikt grozā</button></div>")
    assert extract_product(page(body, lang="lv"), URL).price == "79.99"


def test_a_protection_plan_not_available_is_no_statement_of_the_products_stock():
    box = ("<button class='add-to-cart'>Add to Cart</button><div class='extend-offer'><p>Add a protection plan</p>"
           "<p class='extend-unavailable'>Protection plans are not available for your region.</p></div>")
    assert in_buy_box(box).availability not in SOLD_OUT


def test_stale_structured_data_gives_way_to_the_live_state_and_og_availability_beside_a_working_button():
    # Next.js with urql: each query's result is kept as a JSON string inside the state
    product = {"product": {"__typename": "Product", "name": "Regnjacka Storm", "availableForSale": True,
                           "stockStatus": "IN_STOCK"}}
    state = {"props": {"pageProps": {"urqlState": {"7311245561": {"data": json.dumps(product)}}}}}
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Regnjacka Storm",
            "offers": offer("1499.00", "OutOfStock")}
    head = ld(data) + "<meta property='product:availability' content='in stock'>"
    body = ("<h1>Regnjacka Storm</h1><span class='price'>1 499 kr</span><button class='add-to-cart'>Lägg i varukorgen"
            f"</button><script id='__NEXT_DATA__' type='application/json'>{json.dumps(state)}</script>")
    assert extract_product(page(body, head, lang="sv"), URL).availability == "InStock"
    # the state alone, og:availability silent: the structured data stands
    head = ld(data)
    assert extract_product(page(body, head, lang="sv"), URL).availability in SOLD_OUT


def test_the_size_the_address_chose_sold_out_beside_sizes_in_stock_leaves_the_product_on_sale():
    url = "https://shop.example/products/legging?variant=1"
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Legging Sculpt",
            "offers": [{**offer("65.00", "OutOfStock"), "url": url},
                       {**offer("65.00"), "url": "https://shop.example/products/legging?variant=2"}]}
    rec = extract_product(page("<h1>Legging Sculpt</h1><span class='price'>65,00 €</span>", ld(data)), url)
    assert rec.availability == "InStock"


@pytest.mark.parametrize("sku, read", [("VS-OS-2231", "VS-OS-2231"), ("relaxed-wool-overshirt-2231", None)])
def test_a_sold_out_products_state_without_a_price_still_gives_its_maker_and_code(sku, read):
    # an Apollo cache whose product has no price of its own (its price range is elsewhere); not an address's slug
    state = {"props": {"pageProps": {"__APOLLO_STATE__": {"Product:1": {
        "__typename": "Product", "title": "Relaxed Wool Overshirt", "vendor": "Vireo Studio", "sku": sku,
        "availableForSale": False, "stockStatus": "OUT_OF_STOCK"}}}}}
    body = ("<h1>Relaxed Wool Overshirt</h1><span class='price'>$178.00</span>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(state)}</script>")
    rec = extract_product(page(body), URL)
    assert (rec.availability, rec.brand, rec.sku) == ("OutOfStock", "Vireo Studio", read)


@pytest.mark.parametrize("stock, read", [(0, "OutOfStock"), (12, "InStock")])
def test_the_props_a_next_js_app_router_page_passes_its_client_components(stock, read):
    # the product in the React Server Components payload, pushed a piece a script; the buy box drawn by script
    product = {"title": "Relaxed Wool Overshirt", "variants": [
        {"title": size, "sku": f"RWO-{size}", "manage_inventory": True, "inventory_quantity": stock,
         "calculated_price": {"calculated_amount": 178, "currency_code": "usd"}} for size in ("S", "M")]}
    row = "7:" + json.dumps(["$", "$L1a", None, {"product": product, "region": {"currency_code": "usd"}}]) + "\n"
    pushes = "".join(f"<script>self.__next_f.push({json.dumps([1, part])})</script>"
                     for part in (row[:120], row[120:]))
    body = ("<h1>Relaxed Wool Overshirt</h1><span class='price'>$178.00</span>"
            "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + pushes)
    assert extract_product(page(body), URL).availability == read


def _app_router_page(stock: int, buy_box: str) -> str:
    product = {"title": "Relaxed Wool Overshirt", "variants": [
        {"title": size, "manage_inventory": True, "inventory_quantity": stock,
         "calculated_price": {"calculated_amount": 178, "currency_code": "usd"}} for size in ("S", "M")]}
    row = "7:" + json.dumps(["$", "$L1a", None, {"product": product}]) + "\n"
    return page("<h1>Relaxed Wool Overshirt</h1><span class='price'>$178.00</span>" + buy_box
                + f"<script>self.__next_f.push({json.dumps([1, row])})</script>")


@pytest.mark.parametrize("stock, buy_box, read", [
    # Medusa's storefront serves its button disabled, "Out of stock", until a script chooses a variant
    (12, "<div><button data-testid='option-button'>S</button><button data-testid='option-button'>M</button></div>"
         "<button class='w-full h-10' disabled data-testid='add-product-button'>Out of stock</button>", "InStock"),
    (0, "<button class='w-full h-10' disabled data-testid='add-product-button'>Out of stock</button>", "OutOfStock"),
    # the shop's own words beside it, or a button it classes sold out, say so whatever the state
    (12, "<p class='stock'>Sold out</p><button class='w-full' disabled>Out of stock</button>", "OutOfStock"),
    (12, "<button class='add-to-basket sold-out' disabled>Sold out</button>", "OutOfStock"),
])
def test_a_disabled_buttons_sold_out_word_gives_way_to_a_state_with_stock(stock, buy_box, read):
    assert extract_product(_app_router_page(stock, buy_box), URL).availability == read


@pytest.mark.parametrize("flags, read", [
    ({"isSellable": True, "hasStock": False}, "OutOfStock"),  # Trendyol: listed for sale, none in stock
    ({"available": True, "isSoldOut": True}, "OutOfStock"),
    ({"isSellable": False, "inStock": True}, "InStock"),
    ({"purchasable": False}, "OutOfStock"),
    ({"isSoldOut": False, "available": False}, "OutOfStock"),  # not sold out, and still not to be bought
    ({"in_stock": 0}, "OutOfStock"), ({"in_stock": 1, "out_of_stock": 0}, "InStock"),  # PHP writes its flags 0 and 1
    ({"is_salable": False}, "OutOfStock"),  # Magento's
    ({"out_of_stock": 1, "available": True}, "InStock"),  # PrestaShop's rule when out of stock (1: take orders)
])
def test_a_states_flag_named_for_stock_outranks_one_that_it_is_sold_at_all(flags, read):
    data = {"goodsData": {"title": "Ullmössa Fjäll", "price": 349, **flags}}
    state = f"<script>window._global = {json.dumps(data)};</script>"
    assert extract_product(_server_html(state, ""), URL).availability == read


@pytest.mark.parametrize("name", ["_global", "__myx"])
def test_a_state_in_a_pages_own_underscored_global(name):
    # Youzan's "window._global = {goodsData: …}", Myntra's "window.__myx": the buy bar drawn by scripts
    data = {"goodsData": {"title": "Ullmössa Fjäll", "price": 349, "isSoldOut": True}}
    state = f"<script>window.{name} = {json.dumps(data)};</script>"
    assert extract_product(_server_html(state, ""), URL).availability == "OutOfStock"


def test_the_priced_state_node_silent_on_stock_leaves_it_to_another_naming_the_product():
    # Shopify: the analytics "var meta" variant has the price, the product JSON its "available": false
    meta = {"product": {"vendor": "Norrsken", "variants": [{"name": "Ullmössa Fjäll", "price": 34900, "sku": "NS-1"}]}}
    product = {"title": "Ullmössa Fjäll", "available": False, "variants": [{"available": False, "sku": "NS-1"}]}
    state = (f"<script>var meta = {json.dumps(meta)};</script>"
             f"<script type='application/json' data-product-json>{json.dumps(product)}</script>")
    assert extract_product(_server_html(state), URL).availability == "OutOfStock"


def test_a_states_list_of_recommended_products_holds_none_of_the_page():
    # a recommendation named like the page's product (all its words in the h1), with its own price
    reco = {"recommendations": [{"title": "Zephyr GeForce RTX 3080 Tornado 10GB", "price": {"value": "934.99"}}]}
    body = ("<h1>ZEPHYR GeForce RTX 3080 Tornado OC 10GB GDDR6X Video Card</h1><div class='price-current'>$<strong>849"
            "</strong><sup>.99</sup></div><button class='btn-primary'>Add to cart</button>"
            f"<script>window.__PRELOADED_STATE__ = {json.dumps(reco)};</script>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.name) == ("849.99", "ZEPHYR GeForce RTX 3080 Tornado OC 10GB GDDR6X Video Card")


def test_a_states_discounted_price_is_the_price():
    data = {"product": {"name": "Ullmössa Fjäll", "salePrice": 399, "discountedSalePrice": 349}}
    page_ = page("<h1>Ullmössa Fjäll</h1><button class='add-to-cart'>Köp</button>"
                 f"<script>window.__PRELOADED_STATE__ = {json.dumps(data)};</script>", lang="sv")
    assert extract_product(page_, URL).price == "349.00"


def test_a_turkish_related_products_heading_and_its_tiles_buttons():
    tiles = "".join(f"<div class='col'><div class='product-thumb'><h4><a href='/bakir-{n}'>Bakır Tepsi {n}</a></h4>"
                    f"<div class='price'><span class='price-new'>549,90TL</span></div><button type='submit'>Sepete Ekle"
                    "</button></div></div>" for n in (1, 2))
    body = ("<h1>Bakır Cezve No:3</h1><ul class='list-unstyled'><li>Stok Durumu: <span class='text-danger'>Tükendi</span>"
            "</li></ul><h2><span class='price-new'>649,90TL</span></h2><button id='button-cart' disabled>Tükendi</button>"
            f"<h3>İlgili Ürünler</h3><div class='row'>{tiles}</div>")
    rec = extract_product(page(body, lang="tr"), URL)
    assert (rec.availability, rec.price) == ("OutOfStock", "649.90")


@pytest.mark.parametrize("bar", ["stickyCart stickyFooter clearfix", "sticky-footer buy-bar", "fixed-footer cart-bar"])
def test_a_sticky_footer_named_for_the_cart_is_the_products_buy_bar(bar):
    # Big W: the buy button lives in a bar stuck to the bottom of the screen, classed as a footer and as the cart's
    body = ("<h1>Kettle 1.7L</h1><span class='price'>$29.00</span>"
            f"<div class='{bar}'><div class='addCartSection'><button class='addToCartButtonNew btn'>Add to cart</button>"
            "</div></div><footer class='site-footer'><ul><li><a href='/help'>Help</a></li></ul></footer>")
    assert extract_product(page(body), URL).availability == "InStock"
    # a "sticky-footer" alone is the page's footer, kept in view: its button sells nothing of the product
    assert extract_product(page(body.replace(bar, "sticky-footer")), URL).availability is None


def test_a_mobile_pages_fixed_buy_bar_sells_and_a_choice_marked_in_brackets_is_one_variant():
    body = ("<h1>手工牛轧糖 蔓越莓味 500g</h1><span class='price'>¥58.00</span><div class='item-sku-section'><ul class='sku-list'>"
            "<li class='sku-item sku-item-active'>蔓越莓味 500g</li><li class='sku-item sku-item-disabled'>抹茶味 500g（缺货）"
            "</li></ul></div><div class='item-footer-bar'><button class='btn-add-cart'>加入购物车</button>"
            "<button class='btn-buy-now'>立即购买</button></div>")
    assert extract_product(page(body, lang="zh-CN"), URL).availability == "InStock"


def test_a_themes_review_flag_on_the_whole_product_does_not_hide_its_labels():
    body = ("<div class='ast-article-single ast-woo-product-no-review product type-product'><h1>Aceite Picual 500 ml</h1>"
            "<p class='price'>12,90 €</p><button class='single_add_to_cart_button'>Añadir al carrito</button>"
            "<div class='product_meta'><span class='sku_wrapper'>SKU: <span class='sku'>ODS-PIC-500</span></span> "
            "<span class='posted_in'>Categoría: <a href='/categoria/aceites/'>Aceites</a></span> "
            "<span class='posted_in'>Marca: <a href='/marca/olivar-del-sur/'>Olivar del Sur</a></span></div></div>")
    rec = extract_product(page(body, lang="es"), URL)
    assert (rec.brand, rec.sku) == ("Olivar del Sur", "ODS-PIC-500")


def test_a_closed_launch_draw_and_a_line_no_longer_for_sale_are_sold_out():
    body = ("<p class='brand'>Air Jordan</p><h1>Air Jordan 1 Retro High OG</h1><p class='price'>£185</p>"
            "<div class='launch-status'><h3>Draw closed</h3><p>Entries for this launch closed on 28 November.</p></div>")
    assert extract_product(page(body), URL).availability == "OutOfStock"
    body = ("<h1>Bolso Puzzle pequeño</h1><div class='product-status'><p>Ya no está a la venta online.</p></div>"
            "<a class='btn-secondary' href='/tiendas'>Consultar disponibilidad en tienda</a>")
    assert extract_product(page(body, lang="es"), URL).availability == "OutOfStock"
    # a product no longer sold, in Danish
    body = ("<h1>Opal Pendel 40 cm</h1><p class='price'>1.295,00 kr.</p><div class='product-delivery-information'>"
            "<p class='delivery-information delivery-soldout'>Ikke længere tilgængelig</p></div>")
    assert extract_product(page(body, lang="da"), URL).availability == "OutOfStock"
    # a pre-order that has closed: nothing to order
    body = ("<h1>Deck 8.25 Limited</h1><p class='price'>$65.00</p><div class='product-form'>"
            "<span class='preorder-status'>Pre-orders are closed</span></div>")
    assert extract_product(page(body), URL).availability == "OutOfStock"


def test_a_code_line_under_a_brand_like_class_is_no_brand():
    body = ("<h1>Libas Women Kurta</h1><span class='price'>₹1,299</span><button class='pdp-add-to-bag'>बैग में डालें"
            "</button><p class='supplier'>उत्पाद कोड: <span class='supplier-styleId'>24518890</span></p>")
    rec = extract_product(page(body, lang="hi"), URL)
    assert (rec.brand, rec.sku) == (None, "24518890")


def test_a_members_only_price_is_not_the_price():
    body = ("<h1>蕾絲拼接法式襯衫</h1><div class='price-regular'>NT$890</div><div class='member-price'>會員價 NT$801</div>"
            "<button class='btn-add-to-cart'>加入購物車</button>")
    assert extract_product(page(body, lang="zh-TW"), URL).price == "890.00"
    # the members' amount in a plain span inside the members' block
    body = ("<h1>Oversized Pullover</h1><div class='price-value'><span class='price regular'>24,99 €</span></div>"
            "<div class='member-price'><span class='badge'>Member Preis</span> <span>19,99 €</span> "
            "<a href='/member'>Jetzt Mitglied werden</a></div><button class='add-to-cart'>In den Warenkorb</button>")
    assert extract_product(page(body, lang="de"), URL).price == "24.99"


NUXT_SKELETON = ("<div id='__nuxt'><h1 class='pdp-title'>Steppmantel Aurora</h1><div class='pdp-buybox'>"
                 "<div class='skeleton-price'></div><div class='skeleton-button'></div></div></div>")


@pytest.mark.parametrize("available, expected", [("false", "OutOfStock"), ("true", "InStock")])
def test_nuxt2_state_written_as_a_function_of_its_repeated_values(available, expected):
    # devalue v1: unquoted keys, !0/!1, void 0, and repeated values passed once as the arguments
    state = ('window.__NUXT__=(function(a,b,c,d,e){e.cart=void 0;return {layout:"default",data:[{product:'
             '{id:8841,name:"Steppmantel Aurora",brand:{name:"Ecoalf"},sku:"EC-8841-NV",'
             'price:{value:229.95,currency:b},available:c,variants:[{size:"S",available:c},{size:"M",available:c}]},'
             'related:[{name:"Strickm\\u00fctze Oslo",price:{value:29.95,currency:b},available:d}]}],fetch:{},error:a,'
             'state:{cart:e,i18n:{locale:\'de\'}},serverRendered:!0,routePath:"\\u002Fp\\u002Fsteppmantel-aurora-8841"}}'
             f'(null,"EUR",{available},true,{{}}));')
    rec = extract_product(page(NUXT_SKELETON + f"<script>{state}</script>", lang="de"), URL)
    assert (rec.availability, rec.price, rec.currency, rec.brand, rec.sku) == (
        expected, "229.95", "EUR", "Ecoalf", "EC-8841-NV")


@pytest.mark.parametrize("stock, expected", [(0, "OutOfStock"), (7, "InStock")])
def test_nuxt3_state_written_as_a_devalue_payload_of_indices(stock, expected):
    # every object and array holds indices into the one flat array; element 0 is the root
    payload = [["ShallowReactive", 1], {"data": 2, "state": 16, "serverRendered": 18},
               ["ShallowReactive", 3], {"product-8841": 4},
               {"id": 5, "name": 6, "brand": 7, "price": 8, "stock": 11, "related": 12},
               8841, "Steppmantel Aurora", "Ecoalf", {"value": 9, "currency": 10}, 229.95, "EUR", stock,
               [13], {"name": 14, "price": 15, "stock": 11}, "Strickmütze Oslo", {"value": 29.95, "currency": 10},
               ["Reactive", 17], {"cart": -1}, True]
    script = f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">{json.dumps(payload)}</script>'
    rec = extract_product(page(NUXT_SKELETON + script, lang="de"), URL)
    assert (rec.availability, rec.price, rec.currency, rec.brand) == (expected, "229.95", "EUR", "Ecoalf")


def test_a_state_dict_named_by_one_word_of_the_title_is_a_colour_not_the_product():
    # a theme's JavaScript literal (single quotes): the article's "name" is its colour
    state = ("<script>var productArticleDetails = {'articleCode':'0695515001','name':'Curved Hair Comb',"
             "'0695515001': {'title':'Curved Hair Comb','name':'Gold','colorCode':'05',"
             "'price':'€ 25','priceValue':'25.0'}};</script>")
    html = ("<html><head><title>Curved Hair Comb - Gold - Accessories - COS</title></head><body>"
            "<h1 class='a-heading-1'>Customer service</h1><div class='product-detail'><span class='price'>€ 25</span>"
            f"</div>{state}</body></html>")
    assert extract_product(html, URL).name != "Gold"


@pytest.mark.parametrize("notice, lang", [
    ("Unfortunately, this item is no longer available and will not be restocked by our team this season.", "en"),
    ("We're sorry, but this product is currently out of stock and we do not know when it will return.", "en"),
    ("Nous sommes désolés, cet article n'est plus disponible à la vente sur notre boutique en ligne.", "fr"),
    ("Purtroppo questo articolo è esaurito, ma puoi trovare prodotti simili nella nostra collezione.", "it")])
def test_a_long_sentence_whose_subject_is_the_product_says_it_is_sold_out(notice, lang):
    body = (f"<h1>Wool Coat</h1><span class='price'>€ 189,00</span><div class='product-notice'><p>{notice}</p></div>"
            "<a href='/coats'>Shop similar coats</a>")
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


def test_a_condition_about_stock_is_no_statement_of_it():
    body = ("<h1>Wool Coat</h1><span class='price'>€ 189,00</span><button class='add-to-cart'>Add to cart</button>"
            "<div class='stock-info'>If this item is out of stock when your order is processed, we refund you.</div>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_page_state_with_a_name_per_language_and_a_stock_object_of_flags():
    state = {"props": {"pageProps": {"product": {
        "pid": 848787, "name": {"fi": "Sony WH-1000XM5 -vastamelukuulokkeet, musta",
                                "en": "Sony WH-1000XM5 noise cancelling headphones, black"},
        "brand": {"name": "Sony"}, "price": {"current": 299.9, "currency": "EUR"},
        "availability": {"isPurchasable": False, "isSoldOut": True, "webshop": {"stock": 0}}},
        "related": [{"name": "Bose QuietComfort Ultra", "price": {"current": 349.0}, "isSoldOut": False}]}}}
    head = "<meta property='og:title' content='Sony WH-1000XM5 -vastamelukuulokkeet, musta'>"
    body = ("<div id='__next'><div class='skeleton'></div></div>"
            f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>')
    rec = extract_product(page(body, head, "fi"), URL)
    assert (rec.name, rec.availability, rec.price, rec.brand) == (
        "Sony WH-1000XM5 -vastamelukuulokkeet, musta", "OutOfStock", "299.90", "Sony")


@pytest.mark.parametrize("stock", [{"Instock": False}, {"buttonState": "SOLD_OUT"}, {"isAvailableOnline": False},
                                   {"offers": [{"price": 499.99, "availability": "OUT_OF_STOCK"}]}])
def test_a_server_rendered_shell_whose_state_alone_says_sold_out(stock):
    # a flag's key in any case (Newegg's "Instock"), the buy button's state, the state's own list of offers
    state = {"product": {"name": "PlayStation 5 Console", "price": 499.99, "sku": "N82E1", **stock}}
    body = ("<h1>PlayStation 5 Console</h1><div class='price'>$499.99</div><div id='buy-box'></div>"
            f"<script>window.__PRELOADED_STATE__ = {json.dumps(state)};</script>")
    assert extract_product(page(body), URL).availability in ("OutOfStock", "SoldOut")


@pytest.mark.parametrize("button, availability", [("", "OutOfStock"),
                                                 ("<button class='add-to-cart'>Add to cart</button>", "InStock")])
def test_og_availability_sold_out_beside_json_ld_in_stock(button, availability):
    # a stale SEO app's JSON-LD against the product's one og:availability: the page's buy button decides
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": {"@type": "Offer", "price": "189.00", "priceCurrency": "EUR",
                       "availability": "https://schema.org/InStock"}}
    head = ld(data) + "<meta property='product:availability' content='out of stock'>"
    body = f"<h1>Wool Coat</h1><p class='price'>€189.00</p>{button}"
    assert extract_product(page(body, head), URL).availability == availability


def test_a_body_hidden_until_scripts_run_still_shows_its_buy_button():
    # a guard against a flash of unstyled content hides the whole body; the markup's stock is stale
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Augmentin 625 Duo Tablet",
            "offers": {"@type": "Offer", "price": "190", "priceCurrency": "INR",
                       "availability": "https://schema.org/OutOfStock"}}
    html = ("<html><head><title>Augmentin 625 Duo Tablet</title><style>.flash-style{visibility:hidden}</style>"
            f"{ld(data)}</head><body class='flash-style'><h1>Augmentin 625 Duo Tablet</h1><div class='price'>₹177</div>"
            "<p class='stock'>In stock</p>"
            "<button aria-label='Add to cart' class='add-to-cart'>Add to cart</button></body></html>")
    assert extract_product(html, URL).availability == "InStock"


def test_the_heading_that_holds_the_whole_shortened_title_names_the_product():
    # the document title cut short; a brand video's heading shares more of its words, proportionally
    name = ("Samsung Galaxy S24 Ultra 5G AI Smartphone with Galaxy AI (Titanium Gray, 12GB, 256GB Storage), "
            "Snapdragon 8 Gen 3, 200 MP Camera")
    html = (f"<html><head><title>Samsung Galaxy S24 Ultra 5G AI Smartphone</title></head><body>"
            f"<h1 class='offscreen'>Product Summary: {name}</h1><h1 id='title'><span>{name}</span></h1>"
            "<div class='price'>₹1,21,999</div><button class='add-to-cart'>Add to cart</button>"
            "<div class='aplus'><h1>Galaxy S24 Ultra 5G - Fashion</h1></div></body></html>")
    assert extract_product(html, URL).name == name


def test_a_collection_option_not_available_is_no_product_stock():
    body = ("<h1>HP 15s Laptop</h1><span class='price'>£449.00</span><div class='fulfillment'>"
            "<div class='delivery available'><h3>Delivery</h3><p>FREE delivery available</p></div>"
            "<div class='collection unavailable'><h3>Collection</h3><p>Not available for collection at "
            "<strong>Croydon - Purley Way</strong></p></div></div><button class='add-to-cart'>Add to basket</button>")
    assert extract_product(page(body), URL).availability == "InStock"


def _table_layout(product: str, title: str = "Vintage Brass Compass - Antiques Shop") -> str:
    """An osCommerce-style page: the product's cell, then other sections and other products' tiles
    in the same table cell."""
    tiles = "".join(f"<td class='smallText'><a href='/p/{n}'>Brass Lamp {n}</a><br>£{n}0.00<br><b>Sold out</b></td>"
                    for n in (3, 4, 5))
    return (f"<html><head><title>{title}</title></head><body><table><tr><td class='columnLeft'>Categories</td>"
            f"<td width='100%'><table><tr><td>{product}</td></tr></table>"
            "<table><tr><td class='main'><b>Shipping &amp; Returns</b><br>Orders placed before 2pm are dispatched the "
            "same working day. Standard delivery 2-4 working days. Returns accepted within 14 days of receipt of "
            "the goods, unused and in their original packaging.</td></tr></table><br>"
            "<table><tr><td class='infoBoxHeading'>Customers who bought this also bought</td></tr></table>"
            f"<table><tr>{tiles}</tr></table></td></tr></table></body></html>")


def test_a_table_layouts_recommendation_heading_after_the_product_marks_only_the_tiles():
    product = ("<table><tr><td class='pageHeading'>Vintage Brass Compass</td></tr></table><b>£45.00</b>"
               "<table class='infoBoxNotice'><tr><td>"
               "<span class='markProductOutOfStock'>This product is currently out of stock.</span></td></tr></table>")
    rec = extract_product(_table_layout(product), URL)
    assert (rec.availability, rec.price) == ("OutOfStock", "45.00")


def test_without_a_heading_the_element_showing_the_titles_name_anchors_the_buy_box():
    product = ("<font size='4'><b>Vintage Brass Compass</b></font><table><tr><td>Price:</td><td><b>£45.00</b></td></tr>"
               "<tr><td>Availability:</td><td><b>Sold</b></td></tr></table>")
    rec = extract_product(_table_layout(product), URL)
    assert (rec.name, rec.price, rec.availability) == ("Vintage Brass Compass", "45.00", "OutOfStock")


@pytest.mark.parametrize("notice, lang", [
    ("Cet article est réservé. Tu peux l'ajouter à tes favoris pour être averti·e s'il redevient disponible.", "fr"),
    ("Maaf, barang ini sudah terjual. Silakan cek koleksi kamera lain kami.", "id"),
    ("Объявление снято с публикации.", "ru"), ("このオークションは終了しています", "ja"), ("Habis dijual", "ms")])
def test_a_one_off_items_taken_state_or_an_ended_listing_is_sold_out(notice, lang):
    body = f"<h1>Canon AE-1 Program</h1><span class='price'>€ 120,00</span><div class='item-notice'><p>{notice}</p></div>"
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


@pytest.mark.parametrize("notice", ["This item is sold by Acme Ltd and fulfilled by Amazon.",
                                    "This item is sold separately; batteries are not included in the box we ship."])
def test_sold_by_or_sold_separately_is_no_taken_state(notice):
    body = (f"<h1>Canon AE-1 Program</h1><span class='price'>€ 120,00</span><p>{notice}</p>"
            "<button class='add-to-cart'>Add to cart</button>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_a_news_ticker_and_a_payment_methods_availability_are_no_product_stock():
    body = ("<div class='topbar'><div class='container ticker'><span>Razprodano: božična kolekcija 2023 – hvala!</span>"
            "</div></div><marquee>【お知らせ】新茶のご予約分は完売いたしました。</marquee><h1>Keramična vaza</h1>"
            "<div class='product-price'>42,00 €</div><p class='zaloga instock'>Zaloga: <strong>Na zalogi</strong></p>"
            "<div class='safety'>Sicher bezahlen mit „Direkt kaufen“ ist für diese Anzeige nicht verfügbar.</div>")
    assert extract_product(page(body, lang="sl"), URL).availability == "InStock"


def test_a_picture_of_a_buy_button_sells():
    body = ("<h1>深蒸し茶 100g</h1><span class='price'>1,280円</span><form action='/cart/add' method='post'>"
            "<input type='image' src='/btn_cart.png' alt='かごに追加' name='submit'></form>")
    assert extract_product(page(body, lang="ja"), URL).availability == "InStock"



@pytest.mark.parametrize("text, amount", [(",90 TL", None), (".99", None), (",99 €", None), ("1.249,90 TL", "1249.90"),
                                          ("€ 20,-", "20"), ("ab 12,90 €", "12.90")])
def test_the_cents_of_a_price_split_over_two_elements_are_no_price_of_their_own(text, amount):
    # Hepsiburada's "<span>1.249</span><span>,90 TL</span>": the second span alone read as 90 TL
    found, _ = parse_price_text(text, Hints.from_page("https://www.hepsiburada.com/p", "tr"))
    assert found == (Decimal(amount) if amount else None)


def test_the_iso_code_beside_a_dollar_sign_names_the_currency():
    hints = Hints.from_page("https://wa.me/c/5215512345678", None)
    assert parse_price_text("$249.00 MXN", hints) == (Decimal("249.00"), "MXN")
    assert parse_price_text("$ 1.299 CLP", hints) == (Decimal("1299"), "CLP")
    assert parse_price_text("$12 SALE", hints) == (Decimal("12"), "USD")


@pytest.mark.parametrize("text, url, amount, currency", [
    # a dinar's three decimals, not a thousands group
    ("1 189,000 TND", "https://www.example.com/p", "1189.000", "TND"),
    ("189,000 DT", "https://www.example.tn/p", "189.000", "TND"),
    ("KWD 12.500", "https://www.example.com/p", "12.500", "KWD"),
    ("KD 4.750", "https://www.example.com.kw/p", "4.750", "KWD"),
    ("1,189.000 BHD", "https://www.example.com/p", "1189.000", "BHD"),
    # other currencies keep the thousands group; "DT" names the dinar on Tunisian shops only
    ("1.299 €", "https://www.example.de/p", "1299", "EUR"), ("25,000 IQD", "https://www.example.com/p", "25000", "IQD"),
    ("DT 5", "https://www.example.com/p", "5", None),
])
def test_prices_counted_in_thousandths(text, url, amount, currency):
    assert parse_price_text(text, Hints.from_page(url, None)) == (Decimal(amount), currency)


def test_a_price_beside_its_reductions_percentage_or_its_tax_and_loyalty_points_beside_it():
    body = ("<h3 class='item-title'>수제 가죽 카드지갑 네이비</h3><div><del><span class='blind'>정가</span><span>39,000</span>원</del>"
            "<strong class='item-price'><span>25</span>%<span class='blind'>할인</span> <span class='blind'>판매가</span>"
            "<span>29,000</span><span>원</span></strong></div><table class='details-table'><tr><th>적립</th>"
            "<td>최대 870원</td></tr></table><button class='buy'>구매하기</button>")
    assert extract_product(page(body, lang="ko"), URL).price == "29000"
    body = ("<h1>藍染め手ぬぐい 朝顔</h1><table class='product_spec_table'><tr><th>販売価格</th><td>"
            "<span class='product_price'>1,650円(税150円)</span></td></tr><tr><th>ポイント</th><td>16ポイント</td></tr>"
            "</table>")
    assert extract_product(page(body, lang="ja"), URL).price == "1650"


def test_an_oscommerce_heading_holds_the_price_and_the_name_its_model_in_brackets():
    body = ("<form name='cart_quantity' action='/product_info.php?products_id=118&amp;action=add_product'><div>"
            "<h1 style='float: right;'>$389.00</h1><h1>Halvorsen Field Automatic 40mm<br><span class='smallText'>"
            "[HV-FA40-BLK]</span></h1></div><input type='submit' value='Add to Cart'></form>")
    rec = extract_product(page(body), URL)
    assert (rec.name, rec.price, rec.sku) == ("Halvorsen Field Automatic 40mm", "389.00", "HV-FA40-BLK")


@pytest.mark.parametrize("line, brand, sku", [
    # Zen Cart's details list
    ("<ul id='productDetailsList'><li>Model: MLT-TRN42</li><li>Manufactured by: Tinderwood Toys</li></ul>",
     "Tinderwood Toys", "MLT-TRN42"),
    # several labelled values on one line, each after a separator
    ("<p class='ref'>Código: 7702345001 &nbsp;|&nbsp; Marca: <b>Cocinex</b></p>", "Cocinex", "7702345001"),
    ("<p class='ref'>Marca: <b>Cocinex</b> | Código: <b>7702345001</b></p>", "Cocinex", "7702345001"),
])
def test_labelled_values_of_a_details_line(line, brand, sku):
    rec = extract_product(page(f"<div class='product'><h1>Olla a presión 6 litros</h1>{line}"
                               "<span class='price'>$189.900</span></div>"), URL)
    assert (rec.brand, rec.sku) == (brand, sku)


def test_a_side_box_headed_manufacturers_names_no_brand():
    # Zen Cart's left column: a box of every maker, its heading's id says "manufacturers"
    side = ("<div class='leftBoxContainer' id='manufacturers'><h3 class='leftBoxHeading' id='manufacturersHeading'>"
            "Manufacturers</h3><div id='manufacturersContent'><form action='/index.php'><select name='manufacturers_id'>"
            "<option>Please Select</option><option>AeroTech</option><option>Cesaroni</option></select></form></div></div>")
    body = (f"<div id='navColumnOne'>{side}</div><div id='productGeneral'><h1 id='productName'>G138T-14A Reload Kit</h1>"
            "<h2 id='productPrices'>$27.83</h2><ul id='productDetailsList'><li>Model: ARO-07138L</li>"
            "<li>Manufactured by: AeroTech</li></ul><input type='image' alt='Add to Cart' src='button_in_cart.gif'></div>")
    assert extract_product(page(body), URL).brand == "AeroTech"


def test_the_currency_in_the_text_right_after_the_amounts_element():
    # an old table layout: "<span id='price'>329,000</span>원", the amount alone ambiguous without it
    body = ("<table><tr><td><h1>27인치 QHD 모니터</h1></td></tr><tr><th class='goods_th'>판매가격</th><td class='goods_td'>"
            "<b><span id='price'>329,000</span>원</b></td></tr><tr><th>적립금</th><td>3,290원</td></tr></table>")
    rec = extract_product(page(body, lang="ko"), URL)
    assert (rec.price, rec.currency) == ("329000", "KRW")


@pytest.mark.parametrize("site, url", [("Kleinanzeigen", "https://www.kleinanzeigen.de/s-anzeige/rennrad/2712345678"),
                                       ("ヤフオク!", "https://page.auctions.yahoo.co.jp/jp/auction/x1123456789"),
                                       ("Shopee", "https://shopee.com.my/Baju-Kurung-i.12345.67890")])
def test_a_marketplaces_own_name_is_no_brand(site, url):
    html = (f"<html lang='de'><head><title>Rennrad Peugeot 70er Jahre | {site}</title><meta property='og:type' "
            f"content='product'><meta property='og:site_name' content='{site}'></head><body><h1>Rennrad Peugeot 70er "
            "Jahre</h1><span class='price'>180 €</span><button class='buy'>Kaufen</button></body></html>")
    assert extract_product(html, url).brand is None


def test_cafe24s_displaynone_hides_and_a_restock_alert_for_sold_out_options_is_no_product_stock():
    buttons = ("<div class='xans-product-action'><a href='#none' class='btnSubmit sizeL{buy}'>구매하기</a>"
               "<span class='btnNormal sizeL{sold}' id='btnSoldOut'>SOLD OUT</span>"
               "<a href='#none' class='btnNormal sizeL{buy}'>장바구니</a></div>")
    head = "<h1>울 케이블 니트</h1><span id='span_product_price_text'>89,000원</span>"
    options = ("<select id='product_option_id1'><option>베이지 / FREE</option><option disabled>아이보리 / FREE [품절]</option>"
               "</select><p class='restock'>품절 옵션 재입고 알림 신청</p>")
    selling = head + options + buttons.format(buy="", sold=" displaynone")
    assert extract_product(page(selling, lang="ko"), URL).availability == "InStock"
    sold = head + buttons.format(buy=" displaynone", sold="")
    assert extract_product(page(sold, lang="ko"), URL).availability in SOLD_OUT


def test_a_themes_stock_messages_for_every_state_side_by_side_say_nothing():
    # Shopify's Broadway theme: one message per state as BEM modifiers of one block, the wrapper's class
    # ("count-is-in") choosing the one its stylesheet shows; beside a working button the markup decides
    messages = ("<div class='variant__countdown count-is-in'><span class='variant__countdown--in'>Item is in stock</span>"
                "<span class='variant__countdown--low'>Hurry! Low inventory</span><span class='variant__countdown--out'>"
                "Item is out of stock</span><span class='variant__countdown--unavailable'>Item is unavailable</span></div>")
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Reds Bearings",
            "offers": offer("28.00", "InStock", priceCurrency="CAD")}
    body = (f"<h1>Reds Bearings</h1><span class='price'>$28.00</span>{messages}"
            "<form action='/cart/add'><button type='submit' name='add'>Add to Cart</button></form>")
    assert extract_product(page(body, ld(data)), URL).availability == "InStock"
    # the same words alone, a message of its own, still say sold out
    alone = body.replace(messages, "<p class='variant__countdown'>Item is out of stock</p>").replace(
        "<button type='submit' name='add'>Add to Cart</button>", "<button type='submit' disabled>Sold out</button>")
    assert extract_product(page(alone, ld(data)), URL).availability in SOLD_OUT


def test_ebays_dspn_hides_an_auctions_status_messages():
    # eBay's "dspn" (display: none) block holds the bid box's messages for every state of the auction
    body = ("<h1>Smith Roll-Off Goggles</h1><div class='bid-box'><span class='price'>US $1.00</span>"
            "<a role='button' class='btn btn-prim' href='#'>Place bid</a><div class='dspn'><!-- Status messages -->"
            "<div id='w1-36-_aewin'>Congrats! The auction has ended and you're the winner.</div>"
            "<div id='w1-36-_aenrwin'>The auction has ended, but the reserve price was not met.</div>"
            "<div id='w1-36-_aeout'>Sorry, the auction has ended and you were outbid.</div></div></div>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_a_stores_stock_table_deep_in_its_block_and_a_branch_table_are_no_product_stock():
    stores = "".join(f"<tr><td>Zagreb {n}</td><td class='stock-no'>Nema na zalihi</td></tr>" for n in range(3))
    body = ("<h1>Logitech MX Master 3S</h1><span class='price-value'>99,99 €</span><div class='stock-online'>"
            "<span class='stock-value in-stock'>Dostupno – isporuka 1-3 radna dana</span></div><div class='store-stock'>"
            f"<details><summary>Dostupnost po poslovnicama</summary><table>{stores}</table></details></div>"
            "<button class='add-to-cart-button'>Dodaj u košaricu</button>")
    assert extract_product(page(body, lang="hr"), URL).availability == "InStock"
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Sony WH-1000XM5",
            "offers": offer("12990", "PreOrder", priceCurrency="THB")}
    body = ("<h1>Sony WH-1000XM5</h1><span class='price'>12,990 บาท</span><div class='preorder-box'>สั่งจองวันนี้ จัดส่งมีนาคม</div>"
            "<table class='branch-stock'><tr><td>สาขาฟิวเจอร์พาร์ค รังสิต</td><td>สินค้าหมด</td></tr></table>")
    assert extract_product(page(body, ld(data), "th"), URL).availability == "PreOrder"


def test_page_state_stock_of_the_named_products_variant_not_of_recommendations_named_otherwise():
    state = {"props": {"pageProps": {"product": {
        "name": {"en-GB": "Ellice Leather Crossbody Bag"},
        "masterVariant": {"sku": "275831", "prices": [{"value": {"centAmount": 9500, "currencyCode": "GBP"}}],
                          "availability": {"isOnStock": False, "availableQuantity": 0}}},
        "recommendations": [{"name": "Darcey Small Leather Tote", "price": 120,
                             "availability": {"isOnStock": True, "availableQuantity": 14}}]}}}
    body = ("<div id='__next'><h1 class='pdp__title'>Ellice Leather Crossbody Bag</h1><div class='pdp__buybox'>"
            "<div class='skeleton'></div></div></div>"
            f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>')
    assert extract_product(page(body), URL).availability in SOLD_OUT


def test_an_amount_whose_cents_and_currency_are_pieces_of_its_element():
    # Allegro's obfuscated classes: "1 199,<span>00</span> <span>zł</span>", no class saying price
    body = ("<div data-box-name='showoffer.productHeader'><h1 class='mp4t_0'>Słuchawki Sony WH-1000XM5</h1></div>"
            "<div data-box-name='showoffer.price'><div class='mli8_k4'><span class='msa3_z4'>1 199,<span class='mgn2_13'>00"
            "</span> <span>zł</span></span></div></div><button class='mgn2_14'>Dodaj do koszyka</button>")
    rec = extract_product(page(body, lang="pl"), URL)
    assert (rec.price, rec.currency) == ("1199.00", "PLN")


def test_a_buy_box_line_labelled_as_a_stores_pickup_is_no_product_stock():
    # Fnac: the store pick-up line's status sits in an element whose class says buy box and availability
    body = ("<h1>Sony WH-1000XM5</h1><section class='f-buyBox'><div class='f-faPriceBox'><span class='f-faPriceBox__price'>"
            "469,99 €</span></div><div class='f-buyBox-availability'><span class='f-buyBox-availabilityStatus-available'>"
            "En stock en ligne</span></div><div class='f-buyBox-shop'><p>Retrait en magasin : <span class="
            "'f-buyBox-availabilityStatus-unavailable'>Indisponible à Fnac Montparnasse</span></p></div>"
            "<button class='f-buyBox-button'>Ajouter au panier</button></section>")
    assert extract_product(page(body, lang="fr"), URL).availability == "InStock"


def test_a_sold_out_badge_of_a_price_block_not_in_that_state_is_hidden():
    # Shopify's Dawn themes render the "Sold out" badge on every page; their stylesheet (not in the page)
    # shows it only where the block carries its state ("price--sold-out")
    def dawn(state: str) -> str:
        return ("<html><head><title>Sweatshorts</title><script type='application/ld+json'>{\"@context\": "
                "\"https://schema.org\", \"@type\": \"Product\", \"name\": \"Double waisted sweatshorts\", \"offers\": "
                "{\"@type\": \"Offer\", \"price\": \"2550.00\", \"priceCurrency\": \"UAH\", \"availability\": "
                "\"https://schema.org/InStock\"}}</script></head><body><main><div class='product__info'>"
                f"<h1>Double waisted sweatshorts</h1><div class='price price--large{state} price--show-badge'>"
                "<div class='price__container'><span class='price-item'>₴2,550.00 UAH</span></div>"
                "<span class='badge price__badge-sale'>Sale</span><span class='badge price__badge-sold-out'>Sold out"
                "</span></div><quick-order-list><input type='number' name='updates[]' value='0'></quick-order-list>"
                "</div></main></body></html>")
    assert extract_product(dawn(""), "https://shop.example/products/x").availability == "InStock"
    assert extract_product(dawn(" price--sold-out"), "https://shop.example/products/x").availability == "OutOfStock"


@pytest.mark.parametrize("css, availability", [
    ("@media print{.header,.stock-status{display:none}}", "OutOfStock"),  # left out of a printout only
    ("@media only print{@page{margin:0}.stock-status{display:none}}", "OutOfStock"),
    ("@media screen and (min-width:750px){.stock-status{display:none}}", None),  # hidden on screen
])
def test_a_stock_line_a_printout_leaves_out_is_shown(css, availability):
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='price'>€ 189,00</div>"
            "<p class='stock-status'>Sold out</p></div>")
    assert extract_product(page(body, head=f"<style>{css}</style>"), URL).availability == availability


def test_the_lowest_of_several_offers_in_markup_gives_way_to_the_price_the_buy_box_shows():
    # Fnac: microdata's AggregateOffer holds only the lowest of 57 new and used offers (a marketplace seller's)
    body = ("<div itemscope itemtype='http://schema.org/Product'><h1 itemprop='name'>Harry Potter, T6</h1>"
            "<span itemprop='offers' itemscope itemtype='http://schema.org/AggregateOffer'><span itemprop='lowPrice' "
            "content='4,09'></span><span itemprop='offerCount' content='57'></span><meta itemprop='priceCurrency' "
            "content='EUR'></span><ul class='prix'><li><span class='price'>22,71&nbsp;&euro;</span> <del class='oldPrice'>"
            "23,90&nbsp;&euro;</del></li></ul><a href='/neuf-occasion'>57 neufs et d'occasion à partir de "
            "<span>4,09&nbsp;&euro;</span></a><button>Ajouter au panier</button></div>")
    rec = extract_product(page(body, lang="fr"), URL)
    assert (rec.price, rec.currency) == ("22.71", "EUR")


def test_the_products_purchase_area_holding_its_bundles_is_no_other_products_area():
    # EVGA: "<div class='product-buy-bundles-container'><div class='product-buy-specs'>… $429.99 …" above the bundles
    body = ("<div class='product-top'><h1>EVGA SuperNOVA 1600 G+</h1></div><div class='product-buy-bundles-container'>"
            "<div class='product-buy-specs'><div class='price-box'><span class='price'>$<strong>429</strong><sup>.99</sup>"
            "</span></div><button>Add to cart</button></div><div class='bundle-item'><p class='bundle-item-final-price'>"
            "Price: $9.99</p></div></div>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.currency) == ("429.99", "USD")


@pytest.mark.parametrize("line, lang, availability", [
    ("<table class='specs'><tr><th>In stock</th><td>No</td></tr></table>", "en", "OutOfStock"),
    ("<p class='stock'>Availability: No</p>", "en", "OutOfStock"),
    ("<p class='stock'>Verfügbar: nein</p>", "de", "OutOfStock"),
    ("<p class='stock'>Dostępność: brak</p>", "pl", "OutOfStock"),
    ("<p class='stock'>Stanje: nema</p>", "sr", "OutOfStock"),
    ("<p class='stock'>Stock level: none</p>", "en", "OutOfStock"),
    ("<p class='stock'>In stock: Yes</p><button>Add to cart</button>", "en", "InStock"),
    ("<p class='stock'>In stock: no limit per order</p><button>Add to cart</button>", "en", "InStock"),
])
def test_a_stock_fields_bare_no_says_sold_out(line, lang, availability):
    body = f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{line}</div>"
    assert extract_product(page(body, lang=lang), URL).availability == availability


@pytest.mark.parametrize("words, lang, availability", [
    ("Stokta bulunmamaktadır", "tr", "OutOfStock"), ("一時欠品中", "ja", "OutOfStock"), ("暫無庫存", "zh-TW", "OutOfStock"),
    ("Tuote on loppunut", "fi", "OutOfStock"), ("Není k dispozici", "cs", "OutOfStock"), ("Закінчився", "uk", "OutOfStock"),
    ("نفذ من المخزون", "ar", "OutOfStock"), ("Keine Lagerbestände", "de", "OutOfStock"), ("No stock", "en", "OutOfStock"),
    ("All sizes sold out", "en", "OutOfStock"), ("Alle Größen ausverkauft", "de", "OutOfStock"),
    ("在庫がございません", "ja", "OutOfStock"),
    ("Predaj bol ukončený.", "sk", "OutOfStock"), ("Prekės likutis: 0 vnt.", "lt", "OutOfStock"),
    ("Stocka: Agortuta", "eu", "OutOfStock"), ("Níl an táirge seo ar fáil a thuilleadh.", "ga", "OutOfStock"),
    ("Disponibbiltà: Spiċċa mill-istokk", "mt", "OutOfStock"), ("Hierdie potjie is tans nie in voorraad nie.", "af",
                                                                "OutOfStock"),
    ("Առկա չէ", "hy", "OutOfStock"), ("Të gjitha masat janë shitur.", "sq", "OutOfStock"),
    ("Lagerstatus: 0 stk. – forventes ikke hjem igen", "da", "OutOfStock"), ("Salget er avsluttet", "no", "OutOfStock"),
    ("Tuote on poistunut valikoimasta.", "fi", "OutOfStock"), ("Nelze objednat – zboží již není v naší nabídce", "cs",
                                                               "OutOfStock"),
    ("予約受付は終了しました", "ja", "OutOfStock"), ("次回の入荷予定はございません", "ja", "OutOfStock"), ("予約受付終了", "ja", "OutOfStock"), ("该商品已下柜", "zh", "OutOfStock"),
    ("재고소진", "ko", "OutOfStock"), ("매진", "ko", "OutOfStock"), ("Chwilowy brak", "pl", "OutOfStock"),
    ("Forventes på lager 12. mai", "da", "OutOfStock"), ("חסר במלאי", "he", "OutOfStock"), ("Loppu", "fi", "OutOfStock"),
    ("Stock out", "en", "OutOfStock"), ("This item cannot be ordered", "en", "OutOfStock"),
    # words restock monitors watch for: a contraction's negation, an Austrian shop's "lagernd", a notify line
    ("This item isn’t in stock right now.", "en", "OutOfStock"), ("Nicht lagernd", "de", "OutOfStock"),
    ("Stokta mevcut değil", "tr", "OutOfStock"), ("Email me when this arrives in stock", "en", "OutOfStock"),
    ("أخبرني عندما يتوفر", "ar", "OutOfStock"), ("Dostępne wkrótce", "pl", "OutOfStock"), ("Lagernd", "de", "InStock"),
    ("Розпродано", "uk", "OutOfStock"),
    # more of the words restock monitors and scrapers watch for (their own lists)
    ("Bestellung momentan nicht möglich", "de", "OutOfStock"), ("Bald verfügbar", "de", "OutOfStock"),
    ("Notifique-me quando estiver em stock", "pt", "OutOfStock"), ("販売期間が終了しました", "ja", "OutOfStock"),
    ("品切中", "ja", "OutOfStock"), ("현재 판매중인 상품이 아닙니다", "ko", "OutOfStock"), ("不可购买", "zh", "OutOfStock"),
    ("Rottura di stock", "it", "OutOfStock"), ("Currently No Stock", "en", "OutOfStock"),
    ("Sign up to be notified", "en", "OutOfStock"), ("Ningún stock disponible", "es", "OutOfStock"),
    ("Dieses Gerät ist derzeit leider ausverkauft, wir haben aber einige hervorragende Alternativen.", "de",
     "OutOfStock"),
    # Dutch "delivered from stock" (Afrikaans "uit voorraad" is out of it), and a condition is no state
    ("Uit voorraad leverbaar", "nl", "InStock"), ("Hierdie item is uit voorraad", "af", "OutOfStock"),
    # "almost" before the sold-out words, in any language, is urgency ("Gotovo rasprodano" on an in-stock offer)
    ("Gotovo rasprodano", "hr", "LimitedAvailability"), ("Майже розпродано", "uk", "LimitedAvailability"),
    ("Skoro vyprodáno", "cs", "LimitedAvailability"), ("ほぼ完売", "ja", "LimitedAvailability"),
    # urgency, and a store finder's words, are no sold-out
    ("매진 임박", "ko", "LimitedAvailability"), ("即将售完", "zh", "LimitedAvailability"),
])
def test_more_ways_shops_say_sold_out(words, lang, availability):
    body = (f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            f"<p class='availability'>{words}</p></div>")
    assert extract_product(page(body, lang=lang), URL).availability == availability


@pytest.mark.parametrize("words, lang, availability", [
    # the shop platforms' own translations of "Sold out", "Out of stock", "Unavailable", "Discontinued"
    ("Utsåld", "sv", "OutOfStock"), ("Fuera de existencias", "es", "OutOfStock"), ("Nema na zalihama", "hr", "OutOfStock"),
    ("Zapas wyczerpany", "pl", "OutOfStock"), ("หมดสต็อก", "th", "OutOfStock"), ("ขายหมดแล้ว", "th", "OutOfStock"),
    ("Đã bán hết", "vi", "OutOfStock"), ("Tükenmiş", "tr", "OutOfStock"), ("बिक गया", "hi", "OutOfStock"),
    ("Laost puudu", "et", "OutOfStock"), ("Geen voorraad", "nl", "OutOfStock"), ("Niet langer beschikbaar", "nl",
                                                                                 "OutOfStock"),
    ("Немає на складі", "uk", "OutOfStock"), ("Недоступно", "ru", "OutOfStock"), ("Няма в наличност", "bg", "OutOfStock"),
    ("Utilgjengelig", "nb", "OutOfStock"), ("Sense estoc", "ca", "OutOfStock"), ("Nu mai este pe stoc", "ro", "OutOfStock"),
    ("Nie je na sklade", "sk", "OutOfStock"), ("Nebude už viac dostupný", "sk", "OutOfStock"), ("没有库存", "zh", "OutOfStock"),
    ("Descatalogat", "ca", "OutOfStock"), ("Üretimden Kaldırıldı", "tr", "OutOfStock"), ("متوفر بالمخزن: لا.", "ar",
                                                                                        "OutOfStock"),
    ("These items will be in stock soon", "en", "OutOfStock"), ("Ce produit sera en stock le 12/03.", "fr", "OutOfStock"),
    ("Χωρίς απόθεμα", "el", "OutOfStock"), ("Ni več na voljo", "sl", "OutOfStock"), ("Şu anda mevcut değil", "tr",
                                                                                     "OutOfStock"),
    ("Notificami", "it", "OutOfStock"), ("Hou me op de hoogte", "nl", "OutOfStock"), ("通知我", "zh", "OutOfStock"),
    # the same words for a variant, or for a service, say nothing of the product, nor does a condition
    ("Variant sold out or unavailable", "en", "InStock"), ("Ships when available", "en", "InStock"),
    ("Wenn verfügbar", "de", "InStock"), ("Недоступно для доставки", "ru", "InStock"),
])
def test_the_shop_platforms_translations_of_sold_out(words, lang, availability):
    body = (f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            f"<p class='availability'>{words}</p><button class='add-to-cart'>Add to cart</button></div>")
    if availability == "OutOfStock":
        body = body.replace("<button class='add-to-cart'>Add to cart</button>", "")
    assert extract_product(page(body, lang=lang), URL).availability == availability


def test_a_phrase_inside_a_longer_word_is_no_sold_out_badge():
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            "<p class='availability'>No stockists found near you</p><button>Add to cart</button></div>")
    assert extract_product(page(body), URL).availability == "InStock"


def test_a_pickers_caption_is_none_of_its_choices():
    # "<div class='sizes'><span class='sizes-label'>Masa:</span><span class='size is-disabled'>40</span>…": every size out
    body = ("<div class='product-info'><h1>Këpucë vrapi</h1><div class='product-price'>4 500 Lekë</div><div class='sizes'>"
            "<span class='sizes-label'>Masa:</span> <span class='size is-disabled'>40</span><span class='size is-disabled'>"
            "41</span><span class='size is-disabled'>42</span></div><button class='single_add_to_cart_button' disabled>"
            "Shtoje në shportë</button></div>")
    assert extract_product(page(body, lang="sq"), URL).availability == "OutOfStock"


@pytest.mark.parametrize("text, tld, amount, currency", [
    ("Rs. 4,500", "pk", "4500", "PKR"), ("Rs.4,500/-", "pk", "4500", "PKR"), ("Rs 2,990", "lk", "2990", "LKR"),
    ("Rs.1,299.00", "in", "1299.00", "INR"), (",90 TL", "tr", None, None),  # a split price's cents alone
    ("8 900,00 د.ج", "dz", "8900.00", "DZD"),
])
def test_a_rupee_by_the_shops_country_and_a_currency_abbreviations_dot(text, tld, amount, currency):
    got = parse_price_text(text, Hints(tld=tld))
    assert (str(got[0]) if got[0] is not None else None, got[1]) == (amount, currency)


@pytest.mark.parametrize("line, availability", [
    # a coloured dot with its words for screen readers only
    ("<div class='availability'><span class='dot dot--red'></span><span class='sr-only'>Out of stock</span></div>",
     "OutOfStock"),
    # a text hidden from everyone says nothing
    ("<div class='availability'><span class='dot'></span><span class='hidden'>Sold out</span></div>"
     "<button>Add to cart</button>", "InStock"),
])
def test_a_stock_dots_words_for_screen_readers(line, availability):
    body = f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{line}</div>"
    assert extract_product(page(body), URL).availability == availability



_SIZES_WITH_ALERT = ("<ul class='picker-list'><li class='item'><button type='button' class='option'><span class='value'>S"
                     "</span></button></li><li class='item'><button type='button' class='option'><span class='value'>M"
                     "</span></button></li><li class='item'><div class='picker-option nib-trigger'><button class="
                     "'option js-nib-trigger'><span class='nib-message'>Get notified when your size is back</span>"
                     "<span class='info icon icon-email-list'>Notify me</span></button></div></li></ul>")


@pytest.mark.parametrize("buy", [
    "<button class='item button fluid button-big button-buy js-open-size-selector'>ADD</button>",  # its class says buy
    "",  # no buy button read at all: the size's alert still says nothing of the product
])
def test_a_size_pickers_notify_me_is_for_a_size(buy):
    assert in_buy_box(_SIZES_WITH_ALERT + buy).availability in ("InStock", None)


def test_a_sentence_about_this_item_counts_wherever_its_element_stands():
    # a message inside the colour picker's block, about the product itself
    box = ("<div class='colour-picker'><span class='colour-picker__attention colour-picker__oos-margin'>Sorry, this item is "
           "no longer available</span></div><button class='add-to-bag' disabled>Add to bag</button>")
    assert in_buy_box(box).availability == "OutOfStock"
    # a size's own words there stay the size's
    box = ("<div class='colour-picker'><span class='colour-picker__attention'>Sorry, this size is no longer available"
           "</span></div><button class='add-to-bag'>Add to bag</button>")
    assert in_buy_box(box).availability == "InStock"


def test_a_product_number_after_the_price_is_no_part_of_it():
    body = ("<div class='product-panel'><h2 class='product-title'>Pink flora mini dress</h2><div class='product-price__"
            "container'><div class='price ui-headline'><span class='ui-headline'>£46.00</span>\n</div><div class="
            "'product-number'><span class='product-number--label'>Product no:</span> 787331</div></div>"
            "<button type='submit' name='AddItemToBasket'>Add to bag</button></div>")
    assert extract_product(page(body), URL).price == "46.00"


def test_a_menu_in_the_navigation_is_nothing_to_choose_beside_a_disabled_buy_button():
    # Shuup: a sold-out product's "Lisää ostoskoriin" served disabled; the only "dropdown" is the login menu
    body = ("<nav class='main-nav'><ul><li class='dropdown'><a href='#' class='dropdown-toggle'>Kirjaudu sisään</a>"
            "<ul class='dropdown-menu login-dropdown'><li><a href='/login/'>Kirjaudu</a></li></ul></li></ul></nav>"
            "<div class='product'><h1>Teema muki 0,3 l</h1><form class='add-to-basket' action='/basket/'>"
            "<input type='number' name='quantity' value='1'><span class='product-price'><strong>18,90 €</strong>"
            "</span><div class='btn-add-to-cart'><button type='submit' class='btn btn-primary not-orderable' "
            "id='add-to-cart-button-38' disabled>Lisää ostoskoriin</button></div></form></div>")
    assert extract_product(page(body, lang="fi"), URL).availability == "OutOfStock"


def test_variant_selects_served_empty_are_nothing_to_choose_beside_a_disabled_buy_button():
    # Shuup: a variable product offers only the variants it can sell; sold out, its selects come empty
    def shuup(options: str) -> str:
        return ("<div class='product'><h1>Merinoull mössa</h1><form class='add-to-basket' action='/basket/'>"
                "<div class='product-variations'><label for='var_7'>Välj Färg</label><select name='var_7' id='var_7' "
                f"class='form-control selectpicker variable-variation'>{options}</select></div>"
                "<input type='number' name='quantity' value='1'><span class='product-price'><strong>349,00 kr"
                "</strong></span><button type='submit' class='btn btn-primary not-orderable' disabled>"
                "Lägg i varukorgen</button></form></div>")
    assert extract_product(page(shuup(""), lang="sv"), URL).availability == "OutOfStock"
    # a colour to choose first: the script may be waiting for it
    assert extract_product(page(shuup("<option value='3'>Grå</option><option value='4'>Blå</option>"), lang="sv"),
                           URL).availability is None


@pytest.mark.parametrize("said, availability", [
    # a sentence saying so of the product itself outweighs a buy button left in the page
    ("<p class='msg'>We're sorry, this item is currently out of stock.</p>", "OutOfStock"),
    ("<p>This product has been discontinued.</p>", "OutOfStock"),
    # an apology opening the words is said to the shopper of what they look at
    ("<p>Leider ausverkauft</p>", "OutOfStock"), ("<p>Sorry, sold out!</p>", "OutOfStock"),
    # a bare phrase beside a working button stays weaker (a template's text for another state)
    ("<span>Sold Out</span>", "InStock"),
])
def test_a_sentence_about_the_product_outweighs_a_working_button(said, availability):
    assert in_buy_box(said + "<button class='add-to-cart-button'>Add to Cart</button>").availability == availability


def test_the_heading_over_an_og_title_that_shares_most_of_it_and_the_site_before_a_spaceless_separator():
    head = ('<meta property="og:type" content="product"><meta property="og:site_name" content="駿河屋">'
            '<meta property="og:title" content="駿河屋 -<中古>マリオパーティ10 amiiboセット(状態：外箱欠品)（WiiU）">')
    h1 = "<h1 class='h1_title_product'>WiiUソフト　マリオパーティ10 amiiboセット(状態：外箱欠品)</h1>"
    body = "<div class='product-info'>{}<span class='price'>2,800円</span><button>カートに入れる</button></div>"
    assert extract_product(page(body.format(h1), head, lang="ja"), URL).name == \
        "WiiUソフト マリオパーティ10 amiiboセット(状態：外箱欠品)"
    # no heading: the og:title without the site's name
    assert extract_product(page(body.format(""), head, lang="ja"), URL).name == "<中古>マリオパーティ10 amiiboセット(状態：外箱欠品)（WiiU）"


def test_a_markup_names_tags_and_a_disclosure_rows_see_the_detail_page_filler():
    # Cafe24: the product's name with its line breaks' tags, and "see the detail page" as the brand
    data = {"@context": "https://schema.org", "@type": "Product", "name": "[APC]<br>FW25 데미 룬 숄더백<br>PXCAX F61997",
            "brand": {"@type": "Brand", "name": "상세페이지 참조"}, "offers": offer("189.00")}
    rec = extract_product(page("<div class='product-info'><button class='add-to-cart'>Add to cart</button></div>",
                               ld(data), lang="ko"), URL)
    assert (rec.name, rec.brand) == ("[APC] FW25 데미 룬 숄더백 PXCAX F61997", None)
    # a Thing's name the same way
    data["brand"] = {"@type": "Brand", "name": "A.P.C.<br>"}
    rec = extract_product(page("<div class='product-info'><button class='add-to-cart'>Add to cart</button></div>",
                               ld(data), lang="ko"), URL)
    assert rec.brand == "A.P.C."


def test_a_catalogue_sale_price_beside_its_plain_price_is_the_price_over_markup_giving_the_plain_one():
    # Cafe24: JSON-LD and product:price:amount give the price before the sale, product:sale_price:amount the one paid
    head = (ld({"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
                "offers": {"@type": "Offer", "price": 2465000, "priceCurrency": "KRW",
                           "availability": "https://schema.org/InStock"}})
            + '<meta property="product:price:amount" content="2465000"><meta property="product:price:currency" '
              'content="KRW"><meta property="product:sale_price:amount" content="1799000">'
              '<meta property="product:sale_price:currency" content="KRW">')
    body = ("<div class='product-info'><h1>Wool Coat</h1><p>판매가 <span>2,465,000원</span></p><p>할인판매가 "
            "<span>1,799,000원</span> (666,000원 할인)</p><button class='add-to-cart'>구매하기</button></div>")
    rec = extract_product(page(body, head, lang="ko"), URL)
    assert (rec.price, rec.regular_price, rec.currency) == ("1799000", "2465000", "KRW")


def test_a_payment_tables_cell_under_its_column_header_is_no_product_stock():
    # eBay.it's payment table: each method's buyer protection, "Non disponibile", under its column's header
    rows = "".join(f"<tr><td><div>{method}</div></td><td><div class='prefpay'>Accettato</div></td><td><div>Non "
                   "disponibile</div></td></tr>" for method in ("Bonifico bancario", "Contrassegno"))
    table = ("<table><thead><tr><th>Metodo di pagamento</th><th>Preferito/Accettato</th><th>Garanzia cliente eBay</th>"
             f"</tr></thead><tbody>{rows}</tbody></table>")
    body = ("<div class='product-info'><h1>Occhiali da moto Smith roll off</h1><span class='price'>EUR 39,57</span>"
            f"<a role='button' class='btn' href='#'>Compralo Subito</a>{table}</div>")
    assert extract_product(page(body, lang="it"), URL).availability == "InStock"
    # without a buy button (drawn by script), the table still says nothing of the product
    body = body.replace("<a role='button' class='btn' href='#'>Compralo Subito</a>", "")
    assert extract_product(page(body, lang="it"), URL).availability is None


def test_a_delivery_tables_row_for_a_collection_service_is_no_product_stock():
    # John Lewis: "Click & Collect ... Not available for this item" in a <dl> of ways to get it, the
    # item itself in stock beside a working button
    rows = ("<dl class='delivery-table'><dt>Standard delivery</dt><dd>£4.50</dd><dd><p>Delivered from 3 working days"
            "</p></dd><dt>Click &amp; Collect</dt><dd></dd><dd><p class='summary'>Not available for this item</p></dd>"
            "</dl>")
    body = ("<div class='product-info'><h1>Oak 2 Drawer Bedside Table</h1><p class='price'>£450.00</p>"
            "<form class='add-to-basket-form'><button type='submit'>Add to your basket</button></form>"
            f"{rows}</div>")
    assert extract_product(page(body), URL).availability == "InStock"
    # the same words as the product's own line are its stock
    sold = body.replace(rows, "<p class='summary'>Not available for this item</p>").replace(
        "<button type='submit'>Add to your basket</button>", "")
    assert extract_product(page(sold), URL).availability in SOLD_OUT


@pytest.mark.parametrize("button", ["入荷メール＆予約", "入荷したらお知らせ", "到货提醒", "입고 알림 신청"])
def test_an_arrival_alert_in_place_of_the_buy_button_is_sold_out(button):
    # NetOff: the cart area offers only an arrival e-mail ("入荷メール＆予約"), no add-to-cart
    body = (f"<div class='product-info'><h1>狐と乙女の大正恋日記</h1><p class='price'>110円(税込)</p>"
            f"<div class='l-product__cart'><button class='c-button--mail js-toggle'>{button}</button></div></div>")
    assert extract_product(page(body, lang="ja"), URL).availability in SOLD_OUT


@pytest.mark.parametrize("brand", ["LEGO®", "LEGO ™", "LEGO(R)"])
def test_a_trademark_sign_after_a_brand_is_no_part_of_its_name(brand):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "The Globe", "brand": {"@type": "Brand",
            "name": brand}, "offers": offer("229.99")}
    assert extract_product(page("<h1>The Globe</h1>", ld(data)), URL).brand == "LEGO"
    # printed beside a label too
    assert extract_product(page(f"<h1>The Globe</h1><p>Brand: {brand}</p><span class='price'>$229.99</span>"),
                           URL).brand == "LEGO"


@pytest.mark.parametrize("label, lang", [("Производители ", "ru"), ("Manufacturers:", "en"), ("Виробники", "uk")])
def test_a_brand_blocks_label_in_the_plural_before_the_makers_link_is_no_part_of_the_brand(label, lang):
    # an OpenCart theme: "<div class='brand'><span>Производители </span><a href=…>Orac decor</a></div>"
    body = ("<div class='product-box-desc'><h1>LED Карниз C351</h1><div class='brand'><span>"
            f"{label}</span><a href='https://shop.example/orac-decor'>Orac decor</a></div>"
            "<p class='price'>1 250 грн.</p><button class='btn-cart'>Купить</button></div>")
    assert extract_product(page(body, lang=lang), URL).brand == "Orac decor"


@pytest.mark.parametrize("label, lang", [
    ("<div class='product-nalichie'>Нет в наличии</div>", "ru"), ("<span class='stok-durumu'>Tükendi</span>", "tr"),
    ("<p class='estoque-status'>Produto esgotado</p>", "pt"), ("<p class='zaiko-status'>在庫切れ</p>", "ja")])
def test_a_stock_label_named_in_the_shops_language_is_clear_beside_a_buy_button(label, lang):
    # the class names stock in the shop's own language: as clear as "stock-status", the button a template's
    body = (f"<div class='product-info'><h1>Model 55120</h1><p class='price'>1 299,00</p>{label}"
            "<button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


@pytest.mark.parametrize("brand, want", [("ديل - Dell", "Dell"), ("Самсунг | Samsung", "Samsung"),
                                         ("苹果/Apple", "Apple"), ("Dolce & Gabbana", "Dolce & Gabbana")])
def test_a_makers_name_in_two_scripts_is_its_latin_one_either_way_round(brand, want):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Server RAM 16GB DDR4", "brand": {
        "@type": "Brand", "name": brand}, "offers": offer("420.00")}
    assert extract_product(page("<h1>Server RAM 16GB DDR4</h1>", ld(data), lang="ar"), URL).brand == want


def test_a_shop_that_calls_itself_a_trading_company_is_no_maker_of_what_it_sells():
    # Salla shops: no brand anywhere, og:site_name "شركة راوند للتجارة" (Rawand Trading Company): a reseller
    def shop(site: str) -> str:  # no brands menu: a shop that links to makers' pages names none of its own
        return (f'<html lang="ar"><head><meta property="og:type" content="product"><meta property="og:site_name" '
                f'content="{site}"><meta property="og:title" content="Toner cartridge MX-23FT-YA"></head><body><main>'
                "<h1>Toner cartridge MX-23FT-YA</h1><p class='price'>120 ر.س</p><button class='add-to-cart'>"
                "أضف للسلة</button></main></body></html>")
    assert extract_product(shop("شركة راوند للتجارة"), URL).brand is None
    assert extract_product(shop("Gulf Office Trading Co."), URL).brand is None
    # a maker's own shop names itself
    assert extract_product(shop("Fjordlys"), URL).brand == "Fjordlys"


def test_a_sku_that_is_the_pages_own_address_path_is_no_code():
    # Salla writes the product's path as its "sku" when the merchant set none
    url = "https://fqtoners.com/ar/%D8%B7%D8%A7%D8%A8%D8%B9%D8%A9-m111w/p1131742201"
    data = {"@context": "https://schema.org", "@type": "Product", "name": "طابعة ليزر M111W",
            "sku": "طابعة-m111w/p1131742201", "offers": offer("551.05")}
    assert extract_product(page("<h1>طابعة ليزر M111W</h1>", ld(data), lang="ar"), url).sku is None
    # the code the page prints instead
    assert extract_product(page("<h1>طابعة ليزر M111W</h1><p>SKU: 7010602020</p>", ld(data), lang="ar"),
                           url).sku == "7010602020"
    # a code with a slash of its own stays whole
    data["sku"] = "AB-1120/45"
    assert extract_product(page("<h1>طابعة ليزر M111W</h1>", ld(data), lang="ar"), url).sku == "AB-1120/45"


def test_a_product_page_with_no_price_and_no_way_to_buy_is_sold_out():
    # Walmart Canada, a cut-down saved page: the product's heading, its code and its photos, no price and
    # no buy button anywhere (a shop drops both when the product is sold out)
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Scunci No-Slip Silicone Elastics",
            "sku": "6000196486964", "brand": {"@type": "Brand", "name": "Scunci"}}
    body = ("<div class='product-info'><h1>Scunci No-Slip Silicone Elastics</h1><p>Pack of 18, no slip grip</p>"
            "<div class='quantity'><button aria-label='minus'>-</button><span>1</span>"
            "<button aria-label='plus'>+</button></div></div>")
    assert extract_product(page(body, ld(data)), URL).availability in SOLD_OUT
    # a price shown, or a buy button: the page does not say
    priced = body.replace("<p>Pack", "<p class='price'>$2.47</p><p>Pack")
    assert extract_product(page(priced, ld(data)), URL).availability is None
    assert extract_product(page(body + "<button class='add-to-cart'>Add to cart</button>", ld(data)),
                           URL).availability == "InStock"


def test_a_price_block_classed_not_struck_through_holds_the_current_price():
    # Cdiscount: "fpNoStrikedPrice" on the block around the one price shown, "379€99"
    body = ("<div class='product-info'><h1>Dyson V8 Absolute</h1><div class='fpPriceBloc fpNoStrikedPrice'>"
            "<span class='fpStriked jsStriked'></span><span class='fpPrice jsMainPrice'>379<sup>€99</sup></span>"
            "</div><button class='add-to-cart'>Ajouter au panier</button></div>")
    rec = extract_product(page(body, lang="fr"), URL)
    assert (rec.price, rec.regular_price, rec.currency) == ("379.99", None, "EUR")


def test_one_instalment_of_a_payment_plan_is_no_sale_price():
    # Cdiscount's "ou payez en 4x": each month's amount in a block of its own beside the price
    body = ("<div class='product-info'><h1>Dyson V8 Absolute</h1><div class='product-price'><s>449,99 €</s> "
            "<span>379,99 €</span></div><div class='fpPayment4x'>ou payez en 4x</div><div class='fpBlockprix4x'>"
            "<span class='fpLayerBlock4x'>97€18</span></div><div class='fpBlockPayment4x'><div class="
            "'fpBlockPayementPrice4x'>97,17€</div><div>dans 1 mois</div></div>"
            "<button class='add-to-cart'>Ajouter au panier</button></div>")
    rec = extract_product(page(body, lang="fr"), URL)
    assert (rec.price, rec.regular_price) == ("379.99", "449.99")


@pytest.mark.parametrize("words, lang", [("Soon available", "en"), ("In stock soon", "en"), ("Pronto disponible", "es"),
                                         ("Disponible prochainement", "fr"), ("Disponibile a breve", "it"),
                                         ("Disponible próximamente", "es"), ("Disponível em breve", "pt"),
                                         ("Скоро в наличии", "ru"), ("Brzy skladem", "cs"), ("近日入荷", "ja")])
def test_available_only_soon_in_place_of_the_buy_button_is_sold_out(words, lang):
    # Nin-Nin Game (PrestaShop 1.6): "<span class='exclusive soon'>Soon available</span>" where the
    # add-to-cart button stands, the quantity box hidden
    body = ("<h1>Dragon Ball: Visual Adventure Premium Set Vol.2</h1><form id='buy_block' action='/cart'>"
            "<div class='our_price_display'><span id='our_price_display'>94,39 €</span></div>"
            f"<div class='product_actions'><span class='exclusive soon'>{words}</span></div></form>")
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


def test_a_button_shown_in_place_of_the_hidden_buy_button_says_the_stock():
    # Okay CMS: the buy button served hidden, the one shown beside it says "out of stock"
    def panel(shown: str) -> str:
        return ("<div class='product'><h1>Абрикоси Донбасу</h1><p class='price'>350,00 грн</p>"
                f"<div class='variants__buttons-panel'><button class='variants__btn variants__btn-no-active' "
                f"type='button'>{shown}</button><button class='fn_is_stock variants__btn hidden' type='submit'>"
                "Купити</button></div></div>")
    assert extract_product(page(panel("Немає на складі"), lang="uk"), URL).availability in SOLD_OUT
    # a button beside it about something else says nothing
    assert extract_product(page(panel("В обране"), lang="uk"), URL).availability is None


@pytest.mark.parametrize("value, availability", [("0", "InStock"), ("false", "InStock"), ("disabled", "OutOfStock")])
def test_a_frameworks_rendered_false_disables_no_link(value, availability):
    # Amul's shop (Vue): "<a class='btn add-to-cart' disabled='0'>Add to Cart</a>"; a link has no disabled state
    body = ("<div class='product-info'><h1>High Protein Buttermilk, 200 mL</h1><p class='price'>₹900</p>"
            f"<div class='buttons'><a class='btn btn-primary add-to-cart' disabled='{value}' title='Add to Cart'>"
            "Add to Cart</a></div></div>")
    assert extract_product(page(body), URL).availability == availability


@pytest.mark.parametrize("said, lang", [("L'articolo non è al momento disponibile", "it"),
                                        ("Tuote ei ole tällä hetkellä saatavilla", "fi"),
                                        ("This item is not at the moment available", "en")])
def test_a_negation_before_a_time_before_available_is_sold_out(said, lang):
    # Salesforce SFRA's availability message in Italian, beside its disabled add-to-cart button
    body = ("<div class='product-detail'><h1>Tovaglia in lino lavato</h1><div class='row availability' "
            "data-available='false'><span class='availability non-input-label'>Disponibilità:</span>"
            f"<ul class='list-unstyled availability-msg'><li><div>{said}</div></li></ul></div>"
            "<div class='prices'><span class='sales'><span class='value'>64,90 €</span></span></div></div>")
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


def test_sold_out_after_the_struck_old_price_is_the_products_state():
    # an old Shopify theme: "<span class='price'><s>$50.00</s> Sold Out</span>", the buy button gone
    body = "<div class='product-info'><h1>Wool Coat</h1><p class='price'><s>$50.00</s> Sold Out</p></div>"
    assert extract_product(page(body), URL).availability in SOLD_OUT


def test_a_pickers_only_choice_named_for_its_size_and_said_sold_out():
    # "One size - Out of stock": the choice's name says "size", its state after the dash is the product's
    body = ("<div class='product-info'><h1>Wool Coat</h1><p class='price'>€ 189,00</p><select name='size'>"
            "<option>One size - Out of stock</option></select><button class='add-to-cart'>Add to cart</button></div>")
    assert extract_product(page(body), URL).availability in SOLD_OUT


@pytest.mark.parametrize("button, availability", [("", "OutOfStock"),
                                                  ("<button class='add-to-cart' disabled>Add to cart</button>",
                                                   "OutOfStock"),
                                                  # another variant may be bought instead
                                                  ("<button class='add-to-cart'>Add to cart</button>", "InStock")])
def test_the_chosen_variants_stock_line_outside_a_picker(button, availability):
    # a Shopify theme's "<p class='variant-inventory'>Out of stock</p>" under the price
    body = ("<div class='product-info'><h1>Wool Coat</h1><p class='price'>€ 189,00</p>"
            f"<p class='variant-inventory'>Out of stock</p>{button}</div>")
    assert extract_product(page(body), URL).availability == availability


@pytest.mark.parametrize("text, lang", [("In stoc", "ro"), ("Saadaval", "et"), ("即納", "ja"), ("有現貨", "zh-TW"),
                                        ("現貨あり", "ja")])
def test_in_stock_words_a_shop_writes_plainly(text, lang):
    # Romanian shops often drop the diacritic ("In stoc"); Estonian "Saadaval" (available)
    assert in_buy_box(f"<p class='product-status'>{text}</p>", lang).availability == "InStock"


@pytest.mark.parametrize("text, lang", [("在庫状況: 在庫切れ", "ja"), ("재고 상태: 품절", "ko"), ("Stok: Habis", "id"),
                                        ("Saatavuus: Loppu", "fi"), ("Lagerstatus: slut", "sv")])
def test_a_stock_labels_value_that_says_out_only_after_such_a_label(text, lang):
    # no buy button left: the label and its short value are the product's state
    assert in_buy_box(f"<p>{text}</p>", lang).availability == "OutOfStock"


@pytest.mark.parametrize("word, lang", [("Habis", "id"), ("Slut", "sv")])
def test_a_buy_buttons_one_word_that_says_out_only_there(word, lang):
    # "Habis" (id: gone) on the buy button itself; in running text the word means other things
    body = (f"<div class='product-info'><h1>Kaos Polos</h1><p class='price'>Rp 89.000</p>"
            f"<button class='btn btn-primary add-to-cart' disabled>{word}</button></div>")
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT
    # the same word in the description says nothing
    prose = body.replace(f" disabled>{word}</button>", ">Beli sekarang</button>") + f"<p>{word}</p>"
    assert extract_product(page(prose, lang=lang), URL).availability == "InStock"


@pytest.mark.parametrize("text, availability", [("Aus&shy;verkauft", "OutOfStock"), ("Liefer&shy;bar", "InStock"),
                                                ("Sold&#8203;out", "OutOfStock")])
def test_a_soft_hyphen_or_a_zero_width_space_inside_a_stock_word(text, availability):
    # a responsive layout's hyphenation point inside the word ("Aus&shy;verkauft")
    assert in_buy_box(f"<p class='product-status'>{text}</p>", "de").availability == availability


def _said_beside_a_buy_button(said: str) -> str:
    """A product column with `said` in a paragraph beside a working buy button."""
    return ("<div class='product-info'><h1>Wool Coat</h1><p class='price'>€ 189,00</p>"
            f"<p>{said}</p><button class='add-to-cart'>Add to cart</button></div>")


@pytest.mark.parametrize("said, lang", [("Tento produkt je vyprodaný.", "cs"), ("Dette produkt er udsolgt.", "da"),
                                        ("Sản phẩm này đã hết hàng.", "vi"), ("Το προϊόν έχει εξαντληθεί.", "el"),
                                        ("המוצר אזל מהמלאי.", "he"), ("هذا المنتج غير متوفر.", "ar"),
                                        ("Ovaj proizvod je rasprodan.", "hr"), ("สินค้านี้หมดแล้ว", "th")])
def test_a_sentence_said_of_this_product_in_more_languages_outweighs_a_buy_button(said, lang):
    # as "This product is out of stock." does: a template's button left in the page does not sell it
    body = _said_beside_a_buy_button(said)
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


@pytest.mark.parametrize("said, lang", [("申し訳ございません。在庫切れです", "ja"), ("죄송합니다. 품절입니다", "ko"),
                                        ("Ne pare rău, stoc epuizat", "ro"), ("Nažalost, rasprodano", "hr"),
                                        ("Λυπούμαστε, εξαντλήθηκε", "el"), ("Maaf, stok habis", "id"),
                                        ("Xin lỗi, hết hàng", "vi"), ("ขออภัย สินค้าหมด", "th"),
                                        ("عذراً، نفدت الكمية", "ar"), ("מצטערים, אזל מהמלאי", "he")])
def test_an_apology_opening_a_sold_out_text_in_more_languages_outweighs_a_buy_button(said, lang):
    # as "Sorry, sold out!" does; in Japanese and Korean the apology runs on into its verb ("申し訳ございません")
    body = _said_beside_a_buy_button(said)
    assert extract_product(page(body, lang=lang), URL).availability in SOLD_OUT


@pytest.mark.parametrize("said, lang, sold_out", [
    ("We're sorry, but the item you have selected is currently out of stock and cannot be ordered.", "en", True),
    ("Leider ist der von Ihnen gewählte Artikel derzeit nicht lieferbar und kann nicht bestellt werden.", "de", True),
    # the web shop itself is no shop in town
    ("Sorry, the product you are looking for is no longer available in our online store.", "en", True),
    ("Este producto se encuentra temporalmente agotado en nuestra tienda online.", "es", True),
    # a colour chosen is one variant, a shop in town another channel
    ("Sorry, the colour you selected is currently sold out in all sizes, please choose another colour.", "en", False),
    ("Unfortunately this jacket is currently unavailable in our Berlin store.", "en", False),
])
def test_a_long_sentence_an_apology_opens_or_the_web_shop_ends_states_the_stock(said, lang, sold_out):
    body = _said_beside_a_buy_button(said)
    assert (extract_product(page(body, lang=lang), URL).availability in SOLD_OUT) is sold_out


def test_a_price_per_litre_written_pr_liter_is_no_price():
    # Vinmonopolet: the bottle's price, and under it the price per litre in Norwegian shorthand ("pr." for per)
    body = ("<h1>Lynchburg Natt Imperial Porter</h1><table><tr><td class='price'><h3><em>(50 cl)</em><br>"
            "<strong>Kr. 159,90</strong></h3><p>Kr. 319,80 pr. liter</p></td><td class='add'>"
            "<button class='add-to-cart'>Legg i handlekurv</button></td></tr></table>")
    rec = extract_product(page(body, lang="no"), "https://www.vinmonopolet.no/p/9351702")
    assert (rec.price, rec.currency) == ("159.90", "NOK")


@pytest.mark.parametrize("style, price", [("overflow: hidden;", "23.60"), ("overflow-x:hidden", "23.60"),
                                          ("visibility: hidden", None), ("display:none", None)])
def test_a_box_that_clips_its_overflow_still_shows_its_price(style, price):
    # SAQ's whole page sits in a "wcs-container" styled overflow: hidden, which clips and hides nothing
    body = (f"<div class='wcs-container' style='{style}'><div class='product-page'><h1>7 Deadly Zins 2010</h1>"
            "<div class='product-add-to-cart-meta'><p class='price'>23,60&nbsp;$</p></div></div></div>")
    assert extract_product(page(body, lang="fr-ca"), "https://www.saq.com/fr/11383473").price == price


def test_a_json_ld_code_keyed_in_capitals_is_the_code():
    data = {"@context": "http://schema.org", "@type": "Product", "name": "Thermal Fleece Mock-Neck Sweatshirt",
            "SKU": "322-488-00302-178", "offers": offer("44.95")}
    rec = extract_product(page("<h1>Thermal Fleece Mock-Neck Sweatshirt</h1>", ld(data)), URL)
    assert rec.sku == "322-488-00302-178"


@pytest.mark.parametrize("brand, read", [("hol", None), ("hp", "hp"), ("Hollister", "Hollister"),
                                         ("brand-9", None), ("4711", None)])  # a catalogue's id (Pro:Direct)
def test_a_data_attributes_brand_code_is_no_brand(brand, read):
    # Hollister: data-product-brand="hol" around the title, and a badge drawn in the brand's style ("¡Nuevo!");
    # a lower-case name the title opens with is the brand's ("hp" before "HP Envy …")
    title = "HP Envy Sweatshirt" if brand == "hp" else "Thermal Fleece Sweatshirt"
    body = (f"<section class='product' data-product-brand='{brand}'><div class='name-and-description-container'>"
            "<div class='branded-product-badge'>¡Nuevo!</div>"
            f"<h1 class='product-title-component'>{title}</h1></div><p class='price'>$44.95</p>"
            "<button class='add-to-cart'>Añadir a la bolsa</button></section>")
    assert extract_product(page(body, lang="es"), URL).brand == read


def test_a_wrapper_of_the_header_and_footer_around_the_whole_page_is_no_footer():
    # Well.ca: everything below <body> sits in "header_footer_wrap"; its product names itself outside an h1
    html = titled("Buy Rogaine For Men Hair Regrowth Treatment 60 mL Online in Canada | FREE Ship $29+",
                  "<div class='header_footer_wrap'><header><a href='/'>Well.ca</a></header><section "
                  "class='section-content'><div class='product_info_container'><div class='product_text "
                  "product_text_product_name'>Rogaine For Men Hair Regrowth Treatment</div><div "
                  "class='product_text_price'>$59.99</div><div class='product_quantity_right'><div "
                  "class='unavailable_sprite_right soldout_sprite_right'><span class='footer_text'>Sold Out</span></div>"
                  "</div></div></section><footer><p>© Well.ca</p></footer></div>")
    rec = extract_product(html, "https://well.ca/products/rogaine-for-men-hair-regrowth_2005.html")
    assert (rec.name, rec.price, rec.availability) == ("Rogaine For Men Hair Regrowth Treatment", "59.99", "OutOfStock")


@pytest.mark.parametrize("heading", ["h1", "div"])
def test_a_stock_line_in_the_column_that_shows_the_title_without_an_h1(heading):
    # kids-world's column is named for its size picker ("product-size-selection"); its title is the product's
    # whether an h1 or, on a page without one, an element classed as the product's title shows it
    html = titled("Leander Luna Ombygningssæt - 140 cm | Kids-world",
                  "<main><div class='col-sm-7 product-price-section product-size-selection'>"
                  f"<{heading} class='product-title'>Leander Luna Ombygningssæt - 140 cm</{heading}>"
                  "<div class='product-price-section__prices'><span class='price'>899,95 kr.</span></div>"
                  "<div class='service-link'><span class='stockStatusBullet stockStatusBullet--not_in_stock'><strong>"
                  "Udsolgt</strong></span></div></div></main>", "da")
    assert extract_product(html, "https://www.kids-world.dk/leander-luna-p-1.html").availability == "OutOfStock"


def test_the_main_elements_own_classes_mark_no_area():
    # netoff: <main class='l-product l-common__footer'>, a layout modifier, around the product without an h1
    html = titled("狐と乙女の大正恋日記 | ネットオフ",
                  "<main class='l-product l-common__footer'><div class='product-title'>狐と乙女の大正恋日記</div>"
                  "<p class='price'>1,320円</p><p class='stock'>在庫切れ</p></main><footer>© NetOff</footer>", "ja")
    rec = extract_product(html, "https://www.netoff.co.jp/detail/0010563019/")
    assert (rec.name, rec.availability) == ("狐と乙女の大正恋日記", "OutOfStock")


def test_the_buy_box_around_a_title_element_is_no_card_on_a_page_without_an_h1():
    # the product's own block (its title in a "product-title" div, its price, its button, a link away) among alike
    # blocks of other products reads like one more card unless its title element is known for the page's own
    card = ("<div class='col'><a href='/p/{0}'>{0}</a><span class='price'>$49.99</span>"
            "<button class='add-to-cart'>Add to Bag</button></div>")
    html = titled("The Tumbler | LEGO Shop",
                  "<div role='main'><div class='row'><div class='col'><div class='product-title'>The Tumbler</div>"
                  "<span class='price'>$199.99</span><button class='add-to-cart'>Add to Bag</button>"
                  "<a href='/reviews/76240'>Read reviews</a></div>"
                  + "".join(card.format(n) for n in ("Batmobile", "Batcave", "Gotham")) + "</div></div>")
    rec = extract_product(html, "https://www.lego.com/en-us/product/the-tumbler-76240")
    assert (rec.name, rec.price) == ("The Tumbler", "199.99")


def test_a_heading_held_in_a_title_block_keeps_the_blocks_place_when_the_page_title_names_nothing():
    # a page served with a generic <title>: no heading is named like it, so the first one names the product;
    # Amazon's h1 holds its "productTitle" span, which takes the h1's place before "About this item"
    html = titled("Online Shop",
                  "<div id='centerCol'><h1 id='title'><span id='productTitle' class='product-title-word-break'>ASUS "
                  "Dual GeForce RTX 3070 Graphics Card</span></h1><span class='a-price'>$549.99</span></div><div "
                  "id='feature-bullets'><h1 class='a-size-base-plus'>About this item</h1><ul><li>8GB GDDR6</li></ul></div>")
    assert extract_product(html, "https://www.amazon.com/dp/B08L8LG4M3").name == "ASUS Dual GeForce RTX 3070 Graphics Card"


@pytest.mark.parametrize("layout", ["h-container h-flex-equal-size h-align-left", "grid full-size", "box-size-l"])
def test_a_layout_class_that_says_size_is_no_size_picker(layout):
    # Zalando's "h-flex-equal-size" sizes the buy column's boxes; it chooses no size, so its stock line is the product's
    box = f"<div class='{layout}'><span class='stock-status'>Out of stock</span></div>"
    assert in_buy_box(box).availability == "OutOfStock"


@pytest.mark.parametrize("flags", ["browse-menu-box allow-comparison", "page has-recently-viewed", "layout with-related"])
def test_a_class_that_flags_what_a_block_has_or_allows_marks_no_area(flags):
    # Wiggle wraps its whole page in "… allow-comparison"; its title shows outside an h1
    html = titled("Kiddimoto Balance Bike | Wiggle",
                  f"<div class='{flags}'><div class='bem-pdp__heading-container'><div class='product-title'>Kiddimoto "
                  "Balance Bike</div></div><p class='price'>$138.99</p><p class='availability'>Out of stock</p></div>")
    rec = extract_product(html, "https://www.wiggle.com/kiddimoto-balance-bike")
    assert (rec.price, rec.availability) == ("138.99", "OutOfStock")


def test_a_forms_choice_button_typed_button_is_not_its_submit():
    # FYE's buy form opens with its format's and condition's choices (<button type='button'>); the form's
    # submit is the button without a type, here offering a back-in-stock alert
    form = ("<form class='pdpForm product-add-to-cart' action='/cart/add'><button type='button' class='button selected' "
            "aria-label='Blu-ray Disc format'>Blu-ray Disc Steelbook</button><button type='button' "
            "class='button selected'>New condition, ships from our warehouse</button><div "
            "class='c-button--main-cta__wrapper'><button class='btn'>Notify me when available</button></div></form>")
    assert in_buy_box(form).availability == "OutOfStock"


@pytest.mark.parametrize("promo", ["Buy now. Pay later.", "Buy now, pay later with Afterpay", "Jetzt kaufen, später bezahlen"])
def test_a_pay_later_offer_is_no_buy_button(promo):
    # Kogan: the pay-later section ("Buy now. Pay later.") beside a buy box that offers only a stock alert
    box = (f"<section class='_1Kmxm' role='button' tabindex='0'><p>{promo}</p><span>4 payments of $12.25</span></section>"
           "<div class='_1Xd_W'><button class='btn'>Notify me when available</button></div>")
    assert in_buy_box(box).availability == "OutOfStock"


@pytest.mark.parametrize("instock, read", [(False, "OutOfStock"), (True, "InStock")])
def test_a_weak_sold_out_word_and_the_state_outweigh_a_stale_markup_beside_a_working_button(instock, read):
    # BigCommerce Cornerstone: a "Sold Out" alert above the Add to Cart input its script disables, the page's
    # BCData saying "instock": false; a JSON-LD left saying InStock (a stale SEO app's) is outweighed by the two
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Cast Iron Skillet 10", "sku": "HF-CIS10",
            "offers": {"@type": "Offer", "price": "39.95", "priceCurrency": "USD",
                       "availability": "https://schema.org/InStock"}}
    state = {"product_attributes": {"sku": "HF-CIS10", "price": {"without_tax": {"value": 39.95}}, "stock": 0,
                                    "instock": instock, "purchasable": True}}
    body = ("<h1 class='productView-title'>Cast Iron Skillet 10</h1><div class='productView-price'>$39.95</div>"
            "<form class='form' action='/cart.php' method='post'><div id='add-to-cart-wrapper' "
            "class='add-to-cart-wrapper'><div class='form-field form-field--increments'><label class='form-label' "
            "for='qty[]'>Quantity:</label><div class='form-increment'><button class='button button--icon' "
            "data-action='dec'><span class='is-srOnly'>Decrease Quantity</span></button><input class='form-input' "
            "id='qty[]' name='qty[]' type='tel' value='1'><button class='button button--icon' data-action='inc'>"
            "<span class='is-srOnly'>Increase Quantity</span></button></div></div><div class='alertBox "
            "alertBox--error'><p class='alertBox-column alertBox-message'><span>Sold Out</span></p></div>"
            "<div class='add-to-cart-buttons'><div class='form-action'><input id='form-action-addToCart' "
            "class='button button--primary' type='submit' value='Add to Cart'></div></div></div></form>"
            f"<script>var BCData = {json.dumps(state)};</script>")
    assert extract_product(page(body, ld(data)), URL).availability == read


def test_a_states_variants_available_to_order_say_the_products_stock():
    # John Lewis: each variant's {"availability": {"availableToOrder": …, "unavailableReason": "outOfStock"}}
    variants = [{"name": "Blazer, Juniper", "size": s, "availability": {"availableToOrder": ok,
                 "unavailableReason": None if ok else "outOfStock"}} for s, ok in (("S", True), ("M", False))]
    data = {"props": {"pageProps": {"product": {"name": "Blazer, Juniper", "price": 350, "variants": variants}}}}
    body = ("<h1>Blazer, Juniper</h1><p class='price'>£350.00</p>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>")
    assert extract_product(page(body), URL).availability == "InStock"


@pytest.mark.parametrize("size", ["MuiButton-sizeLarge MuiButton-containedSizeLarge", "MuiButton-sizeMedium",
                                  "btn-size-small", "_ga-button_size_m_qzx2h_210", "button_size_xl"])
def test_a_buttons_own_size_class_is_no_size_picker(size):
    # Material UI names every button's size ("MuiButton-sizeLarge"), CSS modules too (Gold Apple's "_ga-button_size_m_…"):
    # a sold-out buy button so classed is the product's
    box = (f"<form class='pdp-description-form'><div class='pdp-item-form'><button class='MuiButtonBase-root "
           f"MuiButton-root {size}' type='submit' disabled>Sold out</button></div></form>")
    assert in_buy_box(box).availability == "OutOfStock"


@pytest.mark.parametrize("words, lang", [("Upozornit na dostupnost", "cs"), ("Sledovať dostupnosť", "sk"),
                                         ("Obvesti me, ko bo na voljo", "sl"), ("Javi mi", "sl"), ("Paziņot man", "lv"),
                                         ("Уведоми ме", "bg"), ("Известете ме", "bg"), ("Être alerté", "fr"),
                                         ("Me avise", "pt"), ("Avíseme", "es"), ("Avisar cuando esté disponible", "es"),
                                         ("Sign up for restock alerts", "en"), ("Request restock", "en"),
                                         ("Verfügbarkeit anfragen", "de")])
def test_a_back_in_stock_alert_in_place_of_the_buy_button_in_more_languages(words, lang):
    box = f"<div class='product-actions'><button type='button' class='btn'>{words}</button></div>"
    assert in_buy_box(box, lang).availability == "OutOfStock"


@pytest.mark.parametrize("words, lang", [("Uskoro u prodaji", "sr"), ("Незабаром у продажу", "uk"),
                                         ("Yakında stokta", "tr"), ("Hamarosan elérhető", "hu"),
                                         ("Disponibil în curând", "ro"), ("Σύντομα διαθέσιμο", "el"),
                                         ("Bald erhältlich", "de"), ("출시 예정", "ko")])
def test_coming_soon_in_place_of_the_buy_button_in_more_languages_is_not_for_sale_now(words, lang):
    assert in_buy_box(f"<div class='product-actions'><span class='label'>{words}</span></div>",
                      lang).availability == "OutOfStock"
    # beside a working buy button it says nothing against it
    assert in_buy_box(f"<div class='product-actions'><span class='label'>{words}</span>"
                      "<button type='submit' class='add-to-cart'>Add to cart</button></div>", lang).availability == "InStock"


@pytest.mark.parametrize("words, lang", [("Acquista", "it"), ("In winkelmand", "nl"), ("Dodaj v košarico", "sl"),
                                         ("افزودن به سبد خرید", "fa"), ("Buy It Now", "en"), ("Megrendelem", "hu"),
                                         # "my" basket, and the short forms a narrow screen shows
                                         ("In mijn winkelmandje", "nl"), ("In mijn mandje", "nl"), ("Bestel nu", "nl"),
                                         ("In meinen Warenkorb", "de"), ("Añadir a mi carrito", "es"),
                                         ("Aggiungi al mio carrello", "it"), ("Add to my bag", "en"),
                                         # ja "put in the basket / shopping basket"
                                         ("バスケットに入れる", "ja"), ("買い物かごに入れる", "ja"), ("カゴに追加", "ja"),
                                         # "buy now", "add to cart", "order" in more words
                                         ("Koop nu", "nl"), ("Köp nu", "sv"), ("Şimdi al", "tr"),
                                         ("Додати до кошика", "uk"), ("إضافة إلى السلة", "ar"), ("कार्ट में जोड़ें", "hi"),
                                         ("加入購物袋", "zh-TW"), ("買い物かごへ", "ja"), ("Afegeix a la cistella", "ca"),
                                         ("Bæta í körfu", "is"), ("Commander", "fr"), ("Zamów", "pl"), ("Objednat", "cs"),
                                         ("Order now", "en")])
def test_a_buy_button_known_by_its_words_alone_sells(words, lang):
    # no class, form or markup says buy: the button's words do, and a page that can be bought is in stock
    box = f"<div class='actions'><button type='button' class='btn btn-primary'>{words}</button></div>"
    assert in_buy_box(box, lang).availability == "InStock"


@pytest.mark.parametrize("words, lang", [("Disponibilità immediata", "it"), ("In magazzino", "it"), ("Dostupno", "hr"),
                                         ("På nettlager (50+ stk.)", "nb"), ("I webblager", "sv")])
def test_in_stock_words_in_more_languages_say_in_stock(words, lang):
    # the buy box's stock line, its button drawn by script
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability == "InStock"
    assert in_buy_box("<p class='availability'>Nedostupno</p>", "hr").availability in SOLD_OUT


def test_a_tip_for_a_disabled_button_is_no_stock_statement():
    # Toys"R"Us serves the tip it shows on hovering a disabled button in every state; the ship-to-home choice says
    tip = ("<div id='cartButtons'><div class='disabled-tip-container'><div class='disabled-tip'><div class='content'>"
           "The item is unavailable and cannot be added to your cart.</div></div></div>"
           "<a class='truAddToCart' title='Add To Cart' href='javascript:addToCartDecider();'>Add To Cart</a></div>")
    assert in_buy_box("<ul id='eligibility'><li class='stock avail'>Ship-To-Home</li></ul>" + tip).availability == "InStock"
    sold = ("<ul id='eligibility'><li class='stock unavail'><input type='radio' disabled>Ship-To-Home</li></ul>"
            "<p class='availability'>Out of stock online</p>")
    assert in_buy_box(sold + tip).availability in SOLD_OUT


@pytest.mark.parametrize("said", ["Video Card RTX 3080 – Sold out", "Photo Frame 10x15 - Out of stock",
                                  "Data Cable USB-C | Sold out"])
def test_a_name_set_off_before_the_state_is_no_other_subject(said):
    # "Image not available" speaks of a picture; a name with such a word set off by a dash or a bar is the product's
    assert in_buy_box(f"<p class='availability'>{said}</p>").availability in SOLD_OUT
    assert in_buy_box("<p class='availability'>Image not available</p>").availability not in SOLD_OUT


@pytest.mark.parametrize("words, lang", [("Slut på lager", "da"), ("Tomt på lager", "nb"), ("Stok yok", "tr"),
                                         ("Stokta kalmadı", "tr"), ("נגמר המלאי", "he"), ("স্টক নেই", "bn"),
                                         ("Ikke på nettlager", "nb"), ("Ej i webblager", "sv")])
def test_out_of_stock_in_more_languages_is_sold_out(words, lang):
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability in SOLD_OUT


@pytest.mark.parametrize("words, lang", [("Ukončený prodej", "cs"), ("Архивный товар", "ru"), ("Знято з виробництва", "uk"),
                                         ("Kifutott termék", "hu"), ("Nu se mai comercializează", "ro"), ("เลิกผลิต", "th")])
def test_a_product_no_longer_sold_in_more_languages_is_sold_out(words, lang):
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability in SOLD_OUT


@pytest.mark.parametrize("words, lang, read", [
    ("Předobjednávka", "cs", "PreOrder"), ("Przedsprzedaż", "pl", "PreOrder"), ("Предзаказ", "ru", "PreOrder"),
    ("Voorbestellen", "nl", "PreOrder"), ("Ennakkotilaa", "fi", "PreOrder"), ("Előrendelés", "hu", "PreOrder"),
    ("Под заказ", "ru", "BackOrder"), ("Na zamówienie", "pl", "BackOrder"), ("お取り寄せ", "ja", "BackOrder"),
])
def test_a_pre_order_or_an_order_from_the_supplier_in_more_languages(words, lang, read):
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability == read


@pytest.mark.parametrize("button, read", [("<button type='button' class='chakra-button' disabled>Sold out</button>",
                                           "OutOfStock"),
                                          ("<button type='button' class='chakra-button'>Add to cart</button>", "InStock")])
def test_a_buy_box_streamed_by_react_in_a_hidden_segment_is_shown(button, read):
    # React 18's streaming server render: the buy box arrives in <div hidden id="S:0">, which its script moves
    # into the <template id="B:0"> placeholder at once; the shopper sees it (Next.js shops' buy boxes)
    body = ("<main><h1>Ryzen 5 8600G</h1><template id='B:0'></template><p>Loading…</p></main>"
            f"<div hidden id='S:0'><div class='flex items-center gap-3'><span class='price'>EGP 9,850</span>{button}"
            "</div></div><script>$RC('B:0','S:0')</script>")
    rec = extract_product(page(body), URL)
    assert (rec.price, rec.availability) == ("9850.00", read)
    # a hidden block with another id stays hidden
    assert extract_product(page(body.replace("id='S:0'", "id='stock-template'")), URL).availability != read


@pytest.mark.parametrize("shown", [
    "hidden lg:flex",  # Tailwind's desktop-only block (display: none, then flex from the lg width on)
    "d-none d-md-block", "d-none d-lg-flex",  # Bootstrap's
    "is-hidden is-visible-from-size-m",  # a shop's own utilities (Coolblue)
    "hide show-for-medium", "u-hidden u-display-block@md"])
def test_a_block_hidden_on_phones_and_shown_from_a_width_on_is_shown(shown):
    box = (f"<div class='{shown} items-center gap-3'><p class='availability'>Sold out</p>"
           "<button disabled class='btn'>Sold out</button></div>")
    assert in_buy_box(box).availability in SOLD_OUT
    # hidden at every width: nothing said
    assert in_buy_box(box.replace(shown, shown.split()[0])).availability is None


def _size_radios(sold_out: list[str], left: list[str]) -> str:
    def choice(size, out):
        return (f"<label class='size-option{' soldOut' if out else ''}'><input type='radio' name='Size' value='{size}'>"
                f"<span>{size}</span></label>")
    return ("<fieldset class='size-picker'>" + "".join(choice(s, True) for s in sold_out)
            + "".join(choice(s, False) for s in left) + "</fieldset>")


def test_a_waitlist_beside_a_buy_button_waiting_for_a_size_is_the_sold_out_sizes():
    # no size chosen, "Add to bag" disabled until one is, a waitlist for the sizes the labels mark sold out
    wait = ("<button class='productATC' disabled><span>Add To Bag</span></button>"
            "<button class='productWaitlist button'>Join Waitlist</button>")
    assert in_buy_box(_size_radios(["XS", "S"], ["M", "L"]) + wait).availability not in SOLD_OUT
    # every size's label marked sold out: the waitlist is the product's
    assert in_buy_box(_size_radios(["XS", "S", "M", "L"], []) + wait).availability in SOLD_OUT
    # sizes the page does not mark: the waitlist still says sold out
    assert in_buy_box(_size_radios([], ["XS", "S", "M", "L"]) + wait).availability in SOLD_OUT


@pytest.mark.parametrize("menu", ["drawer-menu", "menu-drawer", "mobile-nav"])
def test_a_phone_menus_coming_soon_section_is_no_stock_statement(menu):
    # a small Shopify page: the buy box reaches up to the whole page, the phone's menu drawer (no <nav>) with it;
    # its buy button served disabled until the script runs, the markup in stock
    drawer = (f"<section class='{menu}'><ul class='{menu}__list'><li class='{menu}__item'><a class='{menu}__link' "
              "href='/pages/auctions?t=2'><span>Coming Soon</span></a></li><li class='{menu}__item'>"
              "<a href='/collections/all'><span>All Plants</span></a></li></ul></section>")
    body = (drawer + "<div class='product'><h1 class='product__title'>Philodendron 'Burle Marx'</h1>"
            "<form action='/cart/add' class='shopify-product-form'><button type='submit' class='bttn' disabled>"
            "Add to Cart</button></form><span class='price'>$74.99</span></div>"
            + ld({"@context": "https://schema.org", "@type": "Product", "name": "Philodendron 'Burle Marx'",
                  "offers": offer("74.99")}))
    assert extract_product(page(body), URL).availability == "InStock"
    # the product's own "Coming Soon" in place of the buy button still says it cannot be bought yet
    soon = body.replace("<button type='submit' class='bttn' disabled>Add to Cart</button>", "<p class='badge'>Coming Soon</p>")
    assert extract_product(page(soon), URL).availability in SOLD_OUT


def test_a_buy_buttons_words_after_a_spinners_indented_markup_are_read():
    # a theme's loading spinner (an svg laid out over many indented lines) before the button's words: the
    # indentation is no part of the words a label is cut to, so the button still says "Add to Cart"
    spinner = ("<span class='bttn__spinner'>" + "\n" + " " * 60 + "<svg viewBox='0 0 50 50'>" + "\n" + " " * 60
               + "<path d='M43.9,25.1'>" + "\n" + " " * 60 + "<animateTransform attributeName='transform'/>" + "\n"
               + " " * 60 + "</path></svg>" + "\n" + " " * 40 + "</span>" + "\n" + " " * 40)
    button = f"<button type='submit' class='bttn bttn--full'>{spinner}<span>Add to Cart</span></button>"
    # a bare "Sold out" left in the box for the other state is weaker than a working button
    assert in_buy_box(button + "<p class='note'>Sold out</p>").availability not in SOLD_OUT


@pytest.mark.parametrize("box, read", [
    # Amazon's Kindle buy box under its heading "Buying options", the price in it: the shop sells it
    ("<div class='a-box' id='buybox'><h5>Koopopties</h5><span>Kindle-prijs: EUR 0,99 inclusief btw</span></div>",
     "InStock"),
    # no buy button, only a link to the other sellers' offers: not sold here
    ("<div class='a-box' id='buybox'><span class='a-button seeAllBuyingOptions'><a href='/gp/offer-listing/B01' "
     "class='a-button-text'>Ver todas las opciones de compra</a></span></div>", "OutOfStock")])
def test_buying_options_are_other_sellers_only_where_no_price_is_said(box, read):
    got = extract_product(page(f"<div id='dp'><h1 id='title'>Robot Limpiacristales</h1>{box}</div>", lang="es"),
                          "https://www.amazon.es/dp/B01MUGXRT9").availability
    assert (got in SOLD_OUT) == (read == "OutOfStock")


def test_the_code_of_the_variant_an_offer_sells_is_the_products_where_it_has_none():
    # Shopify themes write the variant inside the offer ("itemOffered"), its name Shopify's "Default Title"
    node = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat",
            "offers": [{**offer("189.00"), "itemOffered": {"@type": "Product", "name": "Default Title", "sku": "936"}}]}
    rec = extract_product(page("<h1>Wool Coat</h1>", ld(node)), URL)
    assert (rec.sku, rec.name, rec.price) == ("936", "Wool Coat", "189.00")
    # the product's own code comes first
    rec = extract_product(page("<h1>Wool Coat</h1>", ld({**node, "sku": "WC-100"})), URL)
    assert rec.sku == "WC-100"


@pytest.mark.parametrize("delivery, button, read", [
    ("Lieferung 17.06.2020 - 18.06.2020", "<button class='btn'>In den Warenkorb</button>", "InStock"),
    ("Versand: in ca. 2-3 Werktagen versandbereit", "<button class='btn'>In den Warenkorb</button>", "InStock"),
    # no date, or a button served disabled, or a sold-out word beside it: the markup stands
    ("Lieferung nicht möglich", "<button class='btn'>In den Warenkorb</button>", "OutOfStock"),
    ("Lieferung 17.06.2020 - 18.06.2020", "<button class='btn' disabled>In den Warenkorb</button>", "OutOfStock"),
    ("Lieferung 17.06.2020 - 18.06.2020 <p class='stock'>Ausverkauft</p>", "<button class='btn'>In den Warenkorb</button>",
     "OutOfStock")])
def test_a_working_buy_button_and_a_dated_delivery_outweigh_stale_sold_out_markup(delivery, button, read):
    # MediaMarkt's 2020 pages: microdata OutOfStock (its stores'), the delivery window and the cart button
    box = (f"<div itemscope itemtype='http://schema.org/Product'><h1 itemprop='name'>Galaxy Tab A 10.1</h1>"
           "<div itemprop='offers' itemscope itemtype='http://schema.org/Offer'>"
           "<meta itemprop='availability' content='http://schema.org/OutOfStock'><meta itemprop='priceCurrency' "
           "content='EUR'><span itemprop='price' content='239.99'>239,99 €</span></div>"
           f"<div class='delivery'><span>{delivery}</span></div>{button}</div>")
    got = extract_product(page(box, lang="de"), URL).availability
    assert (got in SOLD_OUT) == (read == "OutOfStock"), got


@pytest.mark.parametrize("words, lang", [
    ("0 stk. på lager", "nb"), ("0 pcs. in stock", "en"),  # a count of none, its unit abbreviated
    ("Kommer på lager", "nb"), ("Ikke i salg", "nb"),  # coming into stock; not on sale
    ("Tilgjengelighet: Utsolgt", "nb"), ("Nettlager: 0 stk", "nb"), ("Stock online: 0", "en"),  # labelled
    ("Will be back soon", "en"),  # back later, not "will be sold out" soon
    ("Stoc: 0", "ro"), ("Estoque: 0", "pt"), ("Tạm hết", "vi"),
    # no delivery date known, in the Nordic shops' words; a back-in-stock alert written with a hyphen
    ("Ukjent leveringstid", "nb"), ("Leveringstid: ukjent", "nb"), ("Leverandør har ikke bekreftet levering", "nb"),
    ("Okänd leveranstid", "sv"), ("Auto-notify", "en")])
def test_stock_lines_that_say_sold_out_in_more_forms(words, lang):
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability in SOLD_OUT
    assert in_buy_box("<p class='availability'>5 stk. på lager</p>", "nb").availability == "InStock"


@pytest.mark.parametrize("words, lang", [("Últimas unidades", "es"), ("Ultimi pezzi disponibili", "it"),
                                         ("Letzte Exemplare", "de")])
def test_the_last_units_are_few_left_not_sold_out(words, lang):
    assert in_buy_box(f"<p class='availability'>{words}</p>", lang).availability == "LimitedAvailability"


@pytest.mark.parametrize("box, sold", [
    # the shop rendered its buy form sold out and the button disabled: over markup saying in stock
    ("<div class='product-form product-form--sold-out'><button class='btn' disabled>Add to cart</button></div>", True),
    # a disabled button whose tip says why
    ("<button class='btn' disabled title='Out of stock'>Add to cart</button>", True),
    # a button disabled alone, as scripts leave it until a variant is chosen: the markup stands
    ("<button class='btn' disabled>Add to cart</button>", False),
    ("<div class='product-form product-form--sold-out'><button class='btn'>Add to cart</button></div>", False)])
def test_a_disabled_buy_button_in_a_sold_out_form_or_tipped_sold_out_outweighs_markup(box, sold):
    node = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    html = page(f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>{box}</div>", ld(node))
    assert (extract_product(html, URL).availability in SOLD_OUT) is sold


@pytest.mark.parametrize("cls", ["product-status", "productStatus", "item-status", "artikel-status"])
def test_a_products_status_element_is_a_stock_line(cls):
    # named for the product's status, it says its stock as a "stock" or "availability" element does
    node = {"@context": "https://schema.org", "@type": "Product", "name": "Wool Coat", "offers": offer("189.00")}
    box = (f"<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
           f"<div class='{cls}'>Out of stock</div><button class='btn btn-primary'>Add to cart</button></div>")
    assert extract_product(page(box, ld(node)), URL).availability in SOLD_OUT
    # an order's or a deal's status is none ("status" alone names no product)
    other = box.replace(cls, "deal-status")
    assert extract_product(page(other, ld(node)), URL).availability == "InStock"


@pytest.mark.parametrize("said", ["Apple TV offer available to new and qualified returning subscribers only.",
                                  "Free returns available to all customers",
                                  "What resources are available to me to quickly get set up?"])
def test_an_offer_available_to_an_audience_says_nothing_of_stock(said):
    # Apple's buy page: its subscription offers' fine print, not the product's stock
    assert in_buy_box(f"<p class='footnote'>{said}</p>").availability is None
    assert in_buy_box("<p class='availability'>Available to order</p>").availability == "InStock"


@pytest.mark.parametrize("said", ["Bestseller - sold out 3 times this year",
                                  "Currently unavailable in your area for same-day delivery",
                                  "Ship to store unavailable"])
def test_a_record_a_faster_delivery_or_a_store_service_is_no_sold_out_statement(said):
    assert in_buy_box(f"<p class='note'>{said}</p><button class='btn'>Add to cart</button>").availability \
        not in SOLD_OUT
    assert in_buy_box(f"<p class='availability'>{said}</p>").availability not in SOLD_OUT


def test_a_saved_page_read_without_its_address_is_at_the_product_its_canonical_link_names():
    # a product page whose unheaded strip of other products repeats "Add to cart": read from a file, its own address
    # unknown, the canonical link says where it lives
    tiles = "".join(f"<div class='card'><a href='/products/scarf-{i}'>Scarf {i}</a><span class='price'>€ 2{i},00</span>"
                    f"<button class='btn'>Add to cart</button></div>" for i in range(6))
    body = ("<div class='product-info'><h1>Wool Coat</h1><div class='product-price'>€ 189,00</div>"
            f"<button class='btn btn-primary'>Add to cart</button></div><div class='strip'>{tiles}</div>")
    canonical = "<link rel='canonical' href='https://shop.example.com/products/wool-coat'>"
    saved = "file:///home/me/wool-coat.html"
    assert extract_product(page(body, canonical), saved).is_product
    assert not extract_product(page(body), saved).is_product  # nothing says which product the page is
