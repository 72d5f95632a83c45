"""Platform-shaped product pages (hand-written fixtures in tests/fixtures/platform_pages).

Each fixture mimics the markup one common shop platform or page style produces
(Shopify Dawn, WooCommerce, Magento 2, SFCC/SFRA, BigCommerce, PrestaShop, Wix,
Squarespace, OpenCart, Next.js / client-rendered SPAs, marketplaces, locale-specific
price formats, listing pages).  Expectations follow the record contract:
``price`` is what a buyer pays now, ``regular_price`` the struck/"was" price
when on sale, ``currency`` an ISO code, ``images`` absolute and deduplicated.
A key missing from an expectation is not asserted.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from street2shop.crawler.extract import extract_product

PAGES = Path(__file__).resolve().parent / "fixtures" / "platform_pages"

CASES: dict[str, dict] = {
    "shopify_dawn_sale.html": dict(
        url="https://harbourandpine.com/products/linen-camp-shirt",
        name="Linen Camp Shirt", brand="Harbour & Pine", price="39.00", regular_price="59.00",
        currency="USD", availability="InStock", is_product=True,
        images_first=["https://harbourandpine.com/cdn/shop/files/camp-shirt-sand-1.jpg?v=1700000001&width=1920"],
        images_include=["camp-shirt-sand-2.jpg"]),
    "shopify_productgroup_variant.html": dict(
        url="https://fellandfold.co.uk/products/merino-crew-jumper?variant=47000000000012",
        name="Merino Crew Jumper", brand="Fell & Fold", price="95.00", regular_price=None,
        currency="GBP", availability="InStock", is_product=True,
        images_first=["https://fellandfold.co.uk/cdn/shop/files/merino-crew-navy.jpg?v=1711111111&width=1920",
                      "https://fellandfold.co.uk/cdn/shop/files/merino-crew-oat.jpg?v=1711111112&width=1920"]),
    "shopify_sold_out.html": dict(
        url="https://northernlightsgoods.ca/products/maple-leaf-enamel-pin",
        name="Maple Leaf Enamel Pin", brand="Northern Lights Goods", price="14.00", regular_price=None,
        currency="CAD", availability="OutOfStock", is_product=True),
    # OpenCart's default theme: no markup, stock only as "Availability: Out Of Stock" in the
    # product's list, and the "Add to Cart" button stays; the thumbnail links to the full picture.
    "opencart_out_of_stock.html": dict(
        url="https://hollowoaksupply.com/index.php?route=product/product&product_id=40",
        name="Waxed Canvas Tote", brand="Hollow Oak", sku="HO-TOTE-07", price="64.00", regular_price=None,
        currency="USD", availability="OutOfStock", is_product=True,
        images_first=["https://hollowoaksupply.com/image/cache/catalog/tote-500x500.jpg"]),
    "woocommerce_sale.html": dict(
        url="https://toepferei-lindenhof.de/produkt/keramiktasse-morgenrot/",
        name="Keramiktasse „Morgenrot“", price="24.90", regular_price="32.00", currency="EUR",
        availability="InStock", is_product=True,
        images_first=["https://toepferei-lindenhof.de/wp-content/uploads/2024/03/tasse-morgenrot-1.jpg"],
        images_include=["tasse-morgenrot-2"], images_exclude=["becher-abendblau", "espresso-moos", "logo"]),
    "woocommerce_variable_nold.html": dict(
        url="https://saltmarshgoods.com/product/organic-cotton-tote/",
        name="Organic Cotton Tote Bag", brand="Saltmarsh Goods", price="18.00", regular_price=None,
        currency="USD", availability="InStock", is_product=True),
    "magento2_luma_special.html": dict(
        url="https://ridgeline-outfitters.com/atlas-trail-jacket.html",
        name="Atlas Trail Jacket", price="129.00", regular_price="179.00", currency="USD",
        availability="InStock", is_product=True,
        images_first=["https://ridgeline-outfitters.com/media/catalog/product/cache/5f2d1a9b8c7e6d5f4a3b2c1d0e9f8a7b/a/t/atlas-jacket-red-main.jpg"]),
    "magento2_configurable_zero_ld.html": dict(
        url="https://www.bergwerk-sport.de/trekkingschuh-alpstein-gtx.html",
        name="Trekkingschuh Alpstein GTX", brand="Alpstein", price="149.95", regular_price=None,
        currency="EUR", availability="InStock", is_product=True),
    "sfcc_sfra_sale.html": dict(
        url="https://www.northwind-apparel.com/cascade-fleece-hoodie/NW25592581M.html",
        name="Cascade Fleece Hoodie", brand="Northwind", price="59.99", regular_price="79.99",
        currency="USD", availability="InStock", is_product=True,
        images_first=["https://www.northwind-apparel.com/dw/image/v2/BBCD_PRD/on/demandware.static/-/Sites-northwind-master/default/dw3a1b2c3d/images/large/NW25592581M_001.jpg?sw=800&sh=800",
                      "https://www.northwind-apparel.com/dw/image/v2/BBCD_PRD/on/demandware.static/-/Sites-northwind-master/default/dw4b2c3d4e/images/large/NW25592581M_002.jpg?sw=800&sh=800"]),
    "sfcc_no_jsonld_carousel.html": dict(
        url="https://www.maison-verlaine.fr/sac-cabas-marceline/MV-3320.html",
        name="Sac cabas Marceline en cuir", brand="Maison Verlaine", price="276.50", regular_price="395.00",
        currency="EUR", availability="LimitedAvailability", is_product=True,
        images_first=["https://www.maison-verlaine.fr/dw/image/v2/BKLM_PRD/on/demandware.static/-/Sites-mv-catalog/default/dw11aa22bb/images/MV-3320_cognac_1.jpg?sw=1200",
                      "https://www.maison-verlaine.fr/dw/image/v2/BKLM_PRD/on/demandware.static/-/Sites-mv-catalog/default/dw33cc44dd/images/MV-3320_cognac_2.jpg?sw=1200"],
        images_exclude=["MV-1102"]),
    "bigcommerce_cornerstone.html": dict(
        url="https://emberandoak.com/cast-iron-skillet-10/",
        name='Cast Iron Skillet 10"', brand="Ember & Oak", price="39.95", regular_price="54.95",
        currency="USD", availability="InStock", is_product=True,
        images_first=["https://cdn11.bigcommerce.com/s-ab12cd34/products/112/images/401/skillet-10-main__12345.1700000000.1280.1280.jpg?c=2"]),
    "prestashop_17_fr.html": dict(
        url="https://www.lamaisonduthe-exemple.fr/theieres/128-theiere-fonte-kyoto.html",
        name="Théière en fonte Kyoto 0,8 L", brand="Tetsu Artisans", price="49.90", regular_price="62.38",
        currency="EUR", availability="InStock", is_product=True,
        images_first=["https://www.lamaisonduthe-exemple.fr/412-large_default/theiere-fonte-kyoto.jpg"],
        images_exclude=["img/m/4.jpg"]),
    "wix_stores_sale.html": dict(
        url="https://www.studiogal-example.co.il/product-page/ceramic-bowl",
        name="קערת קרמיקה עבודת יד", price="145.00", regular_price="180.00", currency="ILS",
        availability="InStock", is_product=True,
        images_first=["https://static.wixstatic.com/media/a1b2c3_4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a~mv2.jpg/v1/fill/w_1000,h_1000,al_c,q_85/a1b2c3_4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a~mv2.jpg"]),
    "squarespace_stale_ld.html": dict(
        url="https://www.bluegumhome.com.au/shop/p/wool-picnic-blanket",
        name="Wool Picnic Blanket", brand="Blue Gum Home", price="149.00", regular_price="189.00",
        currency="AUD", availability="InStock", is_product=True,
        images_first=["http://static1.squarespace.com/static/5f1a2b3c4d5e6f7a8b9c0d1e/t/64a1b2c3d4e5f6a7b8c9d0e1/1688888888888/blanket-olive.jpg?format=1500w"]),
    "spa_next_data.html": dict(
        url="https://www.fjellmode-example.de/p/nordkap-daunenjacke-damen-FJ1234567.html",
        name_contains="Nordkap Daunenjacke", brand="Fjellmode", price="149.95", regular_price="219.95",
        currency="EUR", availability="InStock", is_product=True,
        images_include=["nordkap-daunenjacke-schwarz-1.jpg", "nordkap-daunenjacke-schwarz-2.jpg"],
        images_exclude=["fjord-weste"]),
    "spa_initial_state.html": dict(
        url="https://www.thimbleandthread-example.co.uk/women/skirts/pleated-midi-skirt-in-sage/prd/2044557",
        name="Pleated Midi Skirt in Sage", brand="Thimble & Thread", price="32.00", regular_price="40.00",
        currency="GBP", availability="InStock", is_product=True,
        images_first=["https://images.thimbleandthread-example.co.uk/products/2044557-1",
                      "https://images.thimbleandthread-example.co.uk/products/2044557-2"]),
    "marketplace_multi_offer.html": dict(
        url="https://www.marketly-example.com/p/vireo-x2-noise-cancelling-headphones/A-88120045",
        name="Vireo X2 Noise Cancelling Headphones - Black", brand="Vireo", price="349.99", regular_price=None,
        currency="USD", availability="InStock", is_product=True,
        images_first=["https://img.marketly-example.com/is/image/Marketly/GUEST_8a7b6c5d-1",
                      "https://img.marketly-example.com/is/image/Marketly/GUEST_8a7b6c5d-2"]),
    "graph_variant_refs.html": dict(
        url="https://www.waterkant-example.nl/regenjas-storm?kleur=olijf",
        name_contains="Regenjas Storm", brand="Waterkant", price="99.95", regular_price="129.95",
        currency="EUR", availability="LimitedAvailability", is_product=True,
        images_first=["https://cdn.waterkant-example.nl/media/storm-olijf-1.jpg",
                      "https://cdn.waterkant-example.nl/media/storm-olijf-2.jpg"],
        images_exclude=["storm-zwart"]),
    "microdata_meta_price_from.html": dict(
        url="https://www.kilncorner-example.co.uk/products/hand-thrown-planter",
        name="Hand-thrown Planter", brand="Kiln Corner", price="20.00", regular_price=None,
        currency="GBP", availability="InStock", is_product=True,
        images_first=["https://www.kilncorner-example.co.uk/uploads/planters/planter-speckle-large.jpg",
                      "https://www.kilncorner-example.co.uk/uploads/planters/planter-speckle-detail.jpg"]),
    "dom_only_related_carousel.html": dict(
        url="https://www.casacaffe-example.it/moka-classica-6-tazze",
        name="Moka Classica 6 tazze", price="29.90", regular_price="39.90", currency="EUR", is_product=True,
        images_first=["https://www.casacaffe-example.it/media/prodotti/moka-classica-6-1.jpg"],
        images_include=["moka-classica-6-2.jpg"], images_exclude=["moka-3.jpg", "moka-9.jpg", "macina.jpg"]),
    "dom_sup_cents_currency_span.html": dict(
        url="https://www.elektrohuis-example.be/nl/staafmixer-powerblend-800w",
        name="Staafmixer PowerBlend 800W", brand="PowerBlend", price="49.99", regular_price="69.99",
        currency="EUR", availability="InStock", is_product=True,
        images_first=["https://cdn.elektrohuis-example.be/images/products/powerblend-800-front.jpg"]),
    "dom_swiss_chf.html": dict(
        url="https://www.kaffeewelt-example.ch/espressomaschine-barista-pro",
        name="Espressomaschine Barista Pro", price="1299.00", regular_price="1549.00", currency="CHF",
        is_product=True),
    "dom_india_inr.html": dict(
        url="https://www.techbazaar-example.in/aurion-14-pro-laptop/p/itm123",
        name="Aurion 14 Pro Laptop (16GB RAM, 1TB SSD)", price="129999.00", regular_price="159990.00",
        currency="INR", is_product=True),
    "dom_japan_jpy.html": dict(
        url="https://www.wanoutsuwa-example.jp/goods/nanbu-kyusu-arare",
        name="南部鉄器 急須 あられ 0.65L", price="12800", regular_price=None, currency="JPY",
        availability="InStock", is_product=True),
    "dom_poland_pln.html": dict(
        url="https://rowerowelove-example.pl/rower-miejski-vento-28",
        name='Rower miejski Vento 28"', price="1299.00", regular_price="1599.00", currency="PLN",
        availability="InStock", is_product=True),
    "dom_czech_czk.html": dict(
        url="https://www.outdoorcz-example.cz/stan-horizont-2",
        name="Stan pro 2 osoby Horizont 2", price="4990.00", regular_price="5790.00", currency="CZK",
        availability="InStock", is_product=True),
    "dom_sweden_sek.html": dict(
        url="https://www.tradgardsboden-example.se/fagelholk-i-furu",
        name="Fågelholk i furu", price="1299.00", regular_price="1599.00", currency="SEK", is_product=True),
    "dom_brazil_brl.html": dict(
        url="https://www.esportemax-example.com.br/tenis-corrida-veloz-3-masculino/p",
        name="Tênis Corrida Veloz 3 Masculino", price="1299.90", regular_price="1499.90", currency="BRL",
        is_product=True),
    "dom_arabic_rtl_sar.html": dict(
        url="https://otoor-example.sa/oud-malaki-100ml",
        name="عطر عود ملكي 100 مل", price="345.00", regular_price="460.00", currency="SAR",
        availability="InStock", is_product=True),
    "listing_shopify_collection.html": dict(
        url="https://harbourandpine.com/collections/shirts", is_product=False),
    "listing_category_no_markup.html": dict(
        url="https://www.cocinaviva-example.es/sartenes-y-cazos", is_product=False),
}

_FIELDS = ("name", "brand", "sku", "price", "regular_price", "currency", "availability", "is_product")


def test_every_fixture_has_expectations():
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(CASES)


@pytest.mark.parametrize("fname", sorted(CASES))
def test_platform_page(fname):
    exp = CASES[fname]
    rec = extract_product((PAGES / fname).read_bytes(), exp["url"])
    got = {f: getattr(rec, f) for f in _FIELDS}
    want = {f: exp[f] for f in _FIELDS if f in exp}
    assert {f: got[f] for f in want} == want, rec.sources
    if "name_contains" in exp:
        assert rec.name and exp["name_contains"] in rec.name
    imgs = rec.images
    assert len(imgs) == len(set(imgs))
    assert all(u.startswith(("http://", "https://")) for u in imgs)
    if "images_first" in exp:
        assert imgs[: len(exp["images_first"])] == exp["images_first"], imgs
    for frag in exp.get("images_include", ()):
        assert any(frag in u for u in imgs), (frag, imgs)
    for frag in exp.get("images_exclude", ()):
        assert not any(frag in u for u in imgs), (frag, imgs)


@pytest.mark.parametrize("text,hints,amount,currency", [
    ("١٬٢٩٩٫٠٠ ر.س", ("sa", "ar"), "1299.00", "SAR"),
    ("د.إ 1,299", ("ae", "ar"), "1299", "AED"),
    ("1.299:-", ("se", "sv"), "1299", "SEK"),
    ("CHF 1'299.–", ("ch", "de-ch"), "1299", "CHF"),
    ("₹1,29,999", ("in", "en-in"), "129999", "INR"),
    ("R$ 1.299,90", ("br", "pt-br"), "1299.90", "BRL"),
    # the krona's mark capitalised, before or after the amount
    ("Kr. 159,90", ("no", "no"), "159.90", "NOK"), ("499 Kr", ("dk", "da"), "499", "DKK"),
    # dollars on a page in French without its region: Canadian
    ("23,60\u00a0$", ("com", "fr"), "23.60", "CAD"),
])
def test_locale_price_texts(text, hints, amount, currency):
    from decimal import Decimal

    from street2shop.crawler.extract.prices import Hints, parse_price_text
    a, c = parse_price_text(text, Hints(*hints))
    assert a == Decimal(amount) and c == currency
