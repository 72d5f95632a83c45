"""Product codes and brand that a page prints beside a label (street2shop.crawler.extract.labels).

Each page is a small product page as shops write them: a header with navigation, a title block,
a price and a buy button, the label/value structure under test, sometimes a recommendation strip
and JSON-LD.
"""
from __future__ import annotations

import json

import pytest

from street2shop.crawler.extract import extract_product
from street2shop.crawler.extract.labels import clean_brand, is_variant_code

URL = "https://shop.example.com/p/trail-jacket"


def page(main: str = "", head: str = "", lang: str = "en", after: str = "") -> str:
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Trail Jacket | Example Shop"
            f"</title>{head}</head><body><header class='site-header'><a class='logo' href='/'>Example Shop</a>"
            "<nav><a href='/women'>Women</a><a href='/brands'>Brands</a></nav></header>"
            f"<main><div class='product-info'><h1>Trail Jacket</h1><span class='price'>€ 129,00</span>"
            f"<button class='add-to-cart'>Add to cart</button>{main}</div>{after}</main>"
            "<footer><p>Customer service: 0800 123 456</p></footer></body></html>")


def ld(**fields) -> str:
    node = {"@context": "https://schema.org", "@type": "Product", "name": "Trail Jacket",
            "offers": {"@type": "Offer", "price": "129.00", "priceCurrency": "EUR"}, **fields}
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def get(main: str = "", head: str = "", **kw):
    return extract_product(page(main, head, **kw), URL)


# --------------------------------------------------------------------------- codes

@pytest.mark.parametrize("head", [
    "<meta property='product:retailer_item_id' content='주식회사 엠에프씨글로벌'>",  # the seller's company
    "<meta property='product:retailer_item_id' content='Northwind Trading Company'>",
    "<meta property='product:retailer_item_id' content='(주)리브어레가시'>",  # "(주)": Co., Ltd.
    ld(sku="Northwind Trading Company"),
])
def test_a_name_in_a_markup_codes_slot_is_no_code(head):
    # several words and no digit: a name (the seller's, a template's), not a product code; a code the
    # page prints still counts
    assert get(head=head).sku is None
    assert get("<p class='code'>Product code: 41230987</p>", head=head).sku == "41230987"


def test_code_and_label_in_one_text():
    rec = get("<p class='code'>Product code: 41230987</p>")
    assert (rec.sku, rec.sources["sku"]) == ("41230987", "dom")


@pytest.mark.parametrize("value, sku", [("<em>Presell:</em> 274101", "274101"),
                                        ("<em>Neu:</em> 280916 <em>Gebraucht:</em> 280917", "280916")])
def test_a_code_after_a_qualifier_of_its_edition(value, sku):
    # GameStop: "<label>Produktnummer</label><span><em>Neu:</em> 280916 …</span>"
    assert get(f"<div class='addedDetInfo'><p><label>Produktnummer</label> <span>{value}</span></p></div>",
               lang="de").sku == sku


def test_a_microdata_meta_between_the_label_and_its_value():
    # Shopware: "<span>Productnummer:</span><meta itemprop='productID' content='…'><span>VDM-LOT-CG</span>"
    rec = get("<div class='ordernumber'><span class='label'>Productnummer:</span><meta itemprop='productID' "
              "content='0b6f1c2e9a7d4e38'><span class='ordernumber-value'>VDM-LOT-CG</span></div>", lang="nl")
    assert rec.sku == "VDM-LOT-CG"


@pytest.mark.parametrize("line, lang, sku", [
    ("サイズ：径25.5cm／容量：約2.5L／品番：KY-DONABE-8", "ja", "KY-DONABE-8"),  # full-width "／", no spaces
    ("Material: cotton | SKU: AB-123", "en", "AB-123"),  # the line's first label is none the reader knows
    ("-15% en pedidos superiores a 249€ | Código: 15HOLIDAYS", "es", None),  # a promotion's code
])
def test_a_known_label_later_in_a_line_whose_first_label_is_unknown(line, lang, sku):
    assert get(f"<div class='rte'><p>Handmade.</p><p>{line}</p></div>", lang=lang).sku == sku


def test_label_in_strong_value_in_its_tail():
    rec = get("<ul class='details'><li><strong>Material: </strong>Nylon</li>"
              "<li><strong>Item no. - </strong>55120</li></ul>")
    assert rec.sku == "55120"


def test_ref_label_and_bold_value_in_title_block():
    rec = get("<div class='product-title'><span>Ref.</span> <b>AB-1120</b></div>")
    assert rec.sku == "AB-1120"


@pytest.mark.parametrize("line, lang, field, value", [
    ("<p class='meta'>Our ref: MF118842</p>", "en", "sku", "MF118842"),
    ("<ul><li>자체상품코드: DL-GC-01</li></ul>", "ko", "sku", "DL-GC-01"),
    ("<ul><li>Produtor: Quinta da Pedra Alta</li><li>Região: Douro</li></ul>", "pt", "brand", "Quinta da Pedra Alta"),
])
def test_more_code_and_maker_labels(line, lang, field, value):
    assert getattr(get(line, lang=lang), field) == value


def test_div_pair():
    rec = get("<div class='attr'><div class='attr-label'>Art.-Nr.:</div>"
              "<div class='attr-value'>123-456</div></div>", lang="de")
    assert rec.sku == "123-456"


@pytest.mark.parametrize("space", ["&nbsp;", "\u3000", "&#8239;"])
def test_a_label_span_then_a_no_break_space_then_the_value_span(space):
    # Rakuten's "<span class='item_number_title'>商品番号</span>&nbsp;<span class='item_number'>…</span>"
    rec = get(f"<span class='item_number_title'>商品番号</span>{space}<span class='item_number'>cl-wallet-021</span>",
              lang="ja")
    assert rec.sku == "cl-wallet-021"


def test_a_code_of_two_parts_of_capitals_as_all_of_a_labelled_value():
    # Magento Luma's sku block; "T-SHIRT" in the same place is a word, not a code
    luma = "<div class='product attribute sku'><strong class='type'>SKU</strong> <div class='value'>{}</div></div>"
    assert get(luma.format("BB-MWBB")).sku == "BB-MWBB"
    assert get(luma.format("T-SHIRT")).sku is None


def test_dt_dd():
    rec = get("<dl><dt>Fit</dt><dd>Regular</dd><dt>SKU</dt><dd>TJ-2231</dd></dl>")
    assert rec.sku == "TJ-2231"


def test_th_td_with_wrapped_label():
    rec = get("<table class='specs'><tr><th><strong>Item #</strong></th><td>99812</td></tr></table>")
    assert rec.sku == "99812"


def test_four_cell_spec_rows():
    rec = get("<table class='specs'><tr><td>Brand</td><td>Acme</td><td>Article number</td><td>770021</td></tr>"
              "<tr><td>EAN</td><td>4006381333931</td><td>Weight</td><td>540 g</td></tr></table>")
    assert (rec.sku, rec.brand, rec.gtin) == ("770021", "Acme", "4006381333931")


def test_header_row_then_value_row():
    rec = get("<table><thead><tr><th>SKU</th><th>Size</th></tr></thead>"
              "<tbody><tr><td>TJ-1-S</td><td>S</td></tr></tbody></table>")
    assert rec.sku == "TJ-1-S"


def test_react_comments_split_the_text():
    assert get("<span class='meta'>SKU<!-- -->: <!-- -->12345</span>").sku == "12345"
    # a bracketed label after the title (Americanas), a review count right after it
    code = ("<span class='product-id'>(Cód.<!-- -->122423909<!-- -->)</span><span class='rating-box'>"
            "<span class='rating-star-counter'>(100)</span></span>")
    assert get(code, lang="pt-BR").sku == "122423909"


def test_lines_of_a_description_separated_by_br():
    rec = get("<div class='desc'>Soft shell.<br>Marke: Acme<br>Artikelnummer: 77123<br>Farbe: Blau</div>", lang="de")
    assert (rec.sku, rec.brand, rec.color) == ("77123", "Acme", "Blau")


@pytest.mark.parametrize("label", [
    "SKU", "Item #", "Style #", "Product ID", "Art. no.", "Article number", "Item number",  # en
    "Artikelnummer", "Artikel-Nr.", "Bestellnummer",  # de
    "Référence", "Réf.", "N° d'article",  # fr
    "Codice articolo", "Codice",  # it
    "Código", "Código de producto", "Referencia",  # es
    "Referência", "Código do produto",  # pt
    "Artikelnr.", "Productcode",  # nl
    "Kod produktu", "Numer katalogowy",  # pl
    "Varenummer", "Artikkelnr.", "Kód produktu", "Cikkszám", "Tuotenumero",  # da/no, cs, hu, fi
    "Артикул", "Ürün kodu", "상품번호", "品番", "商品番号", "货号",  # ru, tr, ko, ja, zh
    "Preces kods", "Prekės kodas", "Tootekood", "Šifra artikla", "Артикулен номер", "Mã sản phẩm",  # lv lt et hr bg vi
    "Kode produk", "รหัสสินค้า", "מק״ט", "Mã SP", "Kode barang",  # id, th, he, vi, id
    "Referència", "Codi de producte",  # ca
    "Шифра",  # sr
    "کد محصول", "شناسه محصول",  # fa
    "Varunummer", "Kataloški broj", "Ref. produto", "Artikuls",  # sv, hr, pt, lv
])
@pytest.mark.parametrize("layout", [
    "<p>{label}: QX-20931</p>",
    "<dl><dt>{label}</dt><dd>QX-20931</dd></dl>",
    "<table><tr><td>{label}</td><td>QX-20931</td></tr></table>",
])
def test_shop_code_labels_across_languages(label, layout):
    assert get(layout.format(label=label)).sku == "QX-20931"


@pytest.mark.parametrize("text", ["Item#:&nbsp;<em>N82E1682</em>", "Item #: <em>N82E1682</em>", "Style#: N82E1682"])
def test_a_hash_label_written_against_its_word(text):
    # "Item#" and "Item #" are one label, here in a breadcrumb's last step.
    rec = get("", after=f"<dl class='crumbs'><dd><a href='/printers'>Printers</a> &gt; </dd><dd>{text}</dd></dl>")
    assert rec.sku == "N82E1682"


@pytest.mark.parametrize("label, lang", [("Proizvajalec:", "sl"), ("ব্র্যান্ড:", "bn"), ("Բրենդ:", "hy"),
                                         ("Framleiðandi:", "is"), ("Brand:", "en")])
def test_a_brand_classed_line_gives_its_value_without_its_label_in_any_language(label, lang):
    rec = get(f"<ul class='sf-meta'><li class='product__vendor'><span>{label}</span> <a href='/brand/x'>Gorski Korak</a>"
              "</li></ul>", lang=lang)
    assert rec.brand == "Gorski Korak"


@pytest.mark.parametrize("row, lang", [
    ("<dl class='product-specs'><dt><span class='icon'></span> Merk </dt><dd> Sony </dd></dl>", "nl"),
    ("<table><tr><th><i class='info'></i><span>Brand</span></th><td>Sony</td></tr></table>", "en"),
    ("<p class='details'><b>Produsent: </b>Sony<br><b>Varenummer: </b>2595813<br></p>", "no"),
    ("<ul class='features'><li><strong>Торгова марка:</strong> Sony</li></ul>", "uk"),
    ("<ul class='features'><li><strong>Proizvajalec:</strong> Sony</li></ul>", "sl"),
    # pretty-printed: the indentation around a short label is no text
    ("<dl>\n" + " " * 48 + "<dt>\n" + " " * 52 + "<span class='icon'>\n" + " " * 52 + "</span>\n" + " " * 52 + "Merk\n"
     + " " * 48 + "</dt>\n" + " " * 48 + "<dd>\n" + " " * 52 + "Sony\n" + " " * 48 + "</dd></dl>", "nl"),
])
def test_a_brand_label_after_an_icon_or_in_more_languages(row, lang):
    assert get(row, lang=lang).brand == "Sony"


def test_chinese_full_width_colon():
    assert get("<p>商品編號：M88213</p>", lang="zh-TW").sku == "M88213"


def test_catalogue_id_word_of_the_shop_in_a_spec_table():
    rec = get("<table class='specs'><tr><td>Material</td><td>Nylon</td></tr>"
              "<tr><td>Kaufhaus-Artikelnummer</td><td>5512-3</td></tr>"
              "<tr><td>Herstellernummer</td><td>HX-77</td></tr></table>", lang="de")
    assert (rec.sku, rec.mpn) == ("5512-3", "HX-77")


def test_model_number_and_barcode_are_not_the_shop_code():
    rec = get("<table class='specs'><tr><th>Model number</th><td>TJ-X2</td></tr>"
              "<tr><th>Manufacturer part number</th><td>TJX2-BLK</td></tr>"
              "<tr><th>GTIN</th><td>0012345678905</td></tr><tr><th>SKU</th><td>100234</td></tr></table>")
    assert (rec.sku, rec.mpn, rec.gtin) == ("100234", "TJ-X2", "0012345678905")


@pytest.mark.parametrize("line, code", [
    ("<p class='ui-pdp-seller__header'>Publicación #MLM2043318877</p>", "MLM2043318877"),
    ("<p>Anúncio #MLB3377410012</p>", "MLB3377410012"), ("<p>Numer oferty: 13849201775</p>", "13849201775"),
    ("<table><tr><th>Číslo výrobku</th><td>AD115O1JX-A11</td></tr></table>", "AD115O1JX-A11"),
])
def test_a_marketplaces_listing_number_and_more_code_labels(line, code):
    rec = get(line + "<table class='specs'><tr><th>Modelo</th><td>Pro 1200</td></tr></table>")
    assert rec.sku == code


def test_model_number_is_the_sku_when_no_shop_code_is_shown():
    rec = get("<table class='specs'><tr><th>Model</th><td>TJ-X2</td></tr></table>")
    assert (rec.sku, rec.mpn) == ("TJ-X2", "TJ-X2")


def test_barcode_needs_a_barcode_length():
    rec = get("<dl><dt>EAN</dt><dd>12345</dd><dt>UPC</dt><dd>0-12345-67890-5</dd></dl>")
    assert rec.gtin == "012345678905"


@pytest.mark.parametrize("main", [
    "<p>Brand new season styles</p>",
    "<p>Item 3 of 5</p>",
    "<span class='badge'>REF-1120</span>",
    "<p>Refund policy: 30 days</p>",
    "<p>Model wears size M and is 189 cm tall</p>",
])
def test_phrases_that_start_like_a_label_are_not_labels(main):
    rec = get(main)
    assert (rec.sku, rec.brand, rec.mpn) == (None, None, None)


def test_codes_in_a_recommendation_strip_are_other_products():
    strip = ("<section class='related-products'>"
             + "".join(f"<div class='card'><p>SKU: 9000{i}</p><p>Brand: Other{i}</p></div>" for i in range(4))
             + "</section>")
    rec = extract_product(page(after=strip), URL)
    assert (rec.sku, rec.brand) == (None, None)


def test_a_polish_shops_system_code_in_brackets():
    # Komputronik: "Kod systemowy: [PR-IN51I7-INT-029]" beside the maker's code and the EAN
    rec = get("<section class='codes'><ul><li>Kod systemowy: [PR-IN51I7-INT-029]</li><li>Kod producenta: "
              "[BX80684I78700K]</li><li>Kod EAN: [5032037108652]</li></ul></section>", lang="pl")
    assert rec.sku == "PR-IN51I7-INT-029"


# --------------------------------------------------------------------------- markup vs page

def test_printed_code_when_markup_has_none():
    rec = get("<div class='product-title'><span>Ref.</span> <b>AB-1120</b></div>", ld(brand="Acme"))
    assert (rec.sku, rec.sources["sku"], rec.brand) == ("AB-1120", "dom", "Acme")


@pytest.mark.parametrize("markup", ["AB-1120-M", "AB1120_42", "ab-1120/xl", "DRB0K2MBM"])
def test_code_printed_under_a_shop_code_label_wins_over_markup(markup):
    # A variant's sku, or a part number / internal id: the shopper reads the printed code.
    rec = get("<div class='product-title'><span>Ref.</span> <b>AB-1120</b></div>", ld(sku=markup))
    assert (rec.sku, rec.sources["sku"]) == ("AB-1120", "dom")


@pytest.mark.parametrize("line, code", [
    ("<p class='product-sku'>Codice: <span>MDL06 B</span></p>", "MDL06 B"),
    ("<p>Product code: <span>602204 92TCG 8563</span></p>", "602204 92TCG 8563"),
    ("<p>SKU: <b>4471</b> in stock</p>", "4471"),  # the rest of the line is no part of it
])
def test_a_code_of_several_parts_that_is_all_of_its_element_stays_whole(line, code):
    assert get(line, ld(sku=code)).sku == code
    assert get(line).sku == code


def test_the_makers_part_number_under_a_shop_code_label_leaves_the_markup_sku_standing():
    # the markup gives both, the page prints the maker's under its "Varenummer" label
    line = "<div class='b-product-sku'>Varenummer: <div class='b-product-sku__value'> GT 710 2GD3H LP </div></div>"
    assert get(line, ld(sku="8581675", mpn="GT 710 2GD3H LP"), lang="no").sku == "8581675"
    assert get(line, ld(sku="8581675"), lang="no").sku != "8581675"  # no mpn in markup: the printed code wins


def test_a_markup_sku_the_page_prints_too_stands_beside_a_style_code():
    line = "<p>Style: TW-FLX32 · SKU: TW-FLX32-M</p>"
    assert get(line, ld(sku="TW-FLX32-M")).sku == "TW-FLX32-M"
    # the page prints only the style (the markup's is a variant of it), or the markup's only inside a longer code
    assert get("<p>Style: TW-FLX32</p>", ld(sku="TW-FLX32-M")).sku == "TW-FLX32"
    assert get("<p>Artikel-Nr.: 59041479</p>", ld(sku="590414"), lang="de").sku == "59041479"


def test_of_two_shop_codes_the_one_the_buy_form_sends_is_the_shops():
    # a marketplace prints the maker's "Artikelnummer" in its technical details, then its own code
    specs = ("<table><tr><th>Artikelnummer</th><td>31010360</td></tr><tr><th>Modellnummer</th>"
             "<td>RO 1486DWMCE/1-S</td></tr></table><ul><li><b>ASIN:</b> B08R3YHPK1</li></ul>")
    form = "<form action='/cart/add'><input type='hidden' name='ASIN' value='B08R3YHPK1'></form>"
    assert get(specs + form, lang="de").sku == "B08R3YHPK1"
    assert get(specs, lang="de").sku == "31010360"  # without it, the first one printed


def test_code_under_a_label_named_after_the_shop():
    rec = get("<div class='wm-item-number'>Example #  585552560</div>", ld(sku="341937837"))
    assert (rec.sku, rec.sources["sku"]) == ("585552560", "dom")


@pytest.mark.parametrize("label,url", [
    ("eBay item number:", "https://www.ebay.com/itm/296114728301"),
    ("OTTO-Artikelnummer:", "https://www.otto.de/p/kleid-296114728301"),
    # the shop's name after the label, as Italian, Spanish and French write it
    ("Numero oggetto eBay:", "https://www.ebay.it/itm/296114728301"),
    ("Número de artículo de eBay :", "https://www.ebay.es/itm/296114728301"),
    ("N° de l'objet eBay :", "https://www.ebay.fr/itm/296114728301"),
    ("eBay-objectnummer:", "https://www.ebay.nl/itm/296114728301"),
])
def test_item_number_label_led_by_the_shops_name(label, url):
    # the label and its value in sibling spans, no code in markup: the shop's name before the label
    main = (f"<div class='item-id'><span class='secondary'>{label}</span><span class='bold'>296114728301</span></div>"
            "<div class='price'>US $1,450.00</div><button>Buy It Now</button>")
    assert extract_product(page(main), url).sku == "296114728301"
    # over the model its item specifics print ("Modello: ym_tap_100_app")
    specs = "<table><tr><td class='attrLabels'>Modello: </td><td><span>ym_tap_100_app</span></td></tr></table>"
    assert extract_product(page(main + specs), url).sku == "296114728301"


def test_the_makers_item_number_led_by_another_word_is_no_shop_code():
    main = ("<p><span>Manufacturer item number:</span> <span>MX-1120</span></p>"
            "<div class='price'>$45.00</div><button>Add to cart</button>")
    assert get(main).sku is None


def test_the_shops_own_part_number_in_a_row_with_a_copy_button():
    # "Digi-Key-Teilenr." on digikey.de: the shop's name in two words, a part number that is the
    # shop's own, and a third cell holding a copy button; the maker's part number is not it
    row = ("<table><tr><td>Hersteller-Teilenr.</td><td>NUCLEO-F042K6</td><td><button>Copy</button></td></tr>"
           "<tr><td>Digi-Key-Teilenr.</td><td><div>497-15980-ND</div></td><td><button>Copy</button></td></tr>"
           "<tr><td>Digi-Key Kundennummer</td><td>88120</td><td></td></tr></table>")
    rec = extract_product(page(row, lang="de"), "https://www.digikey.de/de/products/detail/x/5428804")
    assert rec.sku == "497-15980-ND"


@pytest.mark.parametrize("markup,expected", [("ZZ-999", "ZZ-999"), ("5512", "5512"), ("5512-M", "5512"),
                                             ("8991000001", "8991000001")])
def test_catalogue_id_row_replaces_markup_only_for_a_variant_of_it(markup, expected):
    rec = get("<table><tr><th>Webshop no.</th><td>5512</td></tr></table>", ld(sku=markup))
    assert rec.sku == expected


def test_comment_between_label_and_value():
    assert get("<dl><dt>Webshop no.</dt><!-- value --><dd>5512</dd></dl>").sku == "5512"


def test_printed_item_number_over_a_longer_variant_code_in_markup():
    rec = get("<table><tr><th>Webshop no.</th><td>899100</td></tr></table>", ld(sku="8991000001"))
    assert rec.sku == "899100"


def test_offer_sku_when_the_product_has_none():
    offers = [{"@type": "Offer", "sku": "TJ-1-S", "price": "129.00", "priceCurrency": "EUR", "url": URL + "?size=s"},
              {"@type": "Offer", "sku": "TJ-1-M", "price": "129.00", "priceCurrency": "EUR", "url": URL + "?size=m"}]
    html = page(head=ld(offers=offers))
    assert extract_product(html, URL).sku == "TJ-1-S"  # first offer
    assert extract_product(html, URL + "?size=m").sku == "TJ-1-M"  # the selected one


@pytest.mark.parametrize("sku", ["{{ variant.sku }}", "${sku}", "undefined", "null"])
def test_placeholder_sku_in_markup_gives_way_to_the_page(sku):
    rec = get("<p class='code'>Product code: 41230987</p>", ld(sku=sku))
    assert rec.sku == "41230987"


def test_label_inside_markup_sku_is_dropped():
    assert get(head=ld(sku="SKU: 5512")).sku == "5512"


def test_variant_code_rule():
    assert is_variant_code("AB-1120-M", "AB-1120") and is_variant_code("AB1120_42", "AB-1120")
    assert is_variant_code("8991000001", "899100")  # no separator after a long base
    assert not is_variant_code("AB-1125", "AB-112")  # short base, no separator: another code
    assert not is_variant_code("AB-1120", "AB-1120")
    assert not is_variant_code("TJ-1-M", "TJ-1")  # too short to say


# --------------------------------------------------------------------------- brand

def test_manufacturer_in_a_list_item():
    assert get("<ul><li><strong>Manufacturer:</strong> Acme</li></ul>").brand == "Acme"


def test_brand_label_and_value_paragraphs():
    assert get("<div class='meta'><p>Brand</p><p>Acme</p></div>").brand == "Acme"


def test_a_brand_values_icon_button_is_no_part_of_it():
    # a menu button beside the brand link, named by its icon's <title>
    row = ("<div class='details-list__item'><div class='details-list__item-value'><span>Brand</span></div>"
           "<div class='details-list__item-value'><span><a href='/catalog?brand=12'>Acme</a><button type='button' "
           "aria-label='Brand menu'><svg viewBox='0 0 12 12'><title>Brand menu</title><path d='M6 1'></path></svg>"
           "</button></span></div></div>")
    assert get(row).brand == "Acme"


def test_a_tabs_caption_is_no_label_of_the_next_tab():
    # "Brand" names a tab; its next sibling is the next tab, whose panel is not shown here
    tabs = ("<div role='tablist' class='tabs'><button type='button' class='tabs-tab'><div class='tabs-tab__text'>"
            "Description</div></button><button type='button' class='tabs-tab'><div class='tabs-tab__text'>Brand</div>"
            "</button><button type='button' class='tabs-tab'><div class='tabs-tab__text'>More information</div>"
            "</button></div>")
    assert get(tabs).brand is None


@pytest.mark.parametrize("markup, url, brand", [
    ("Sony Store Thailand", "https://store.sony.co.th/products/dualsense", "Sony"),  # the maker's own shop
    ("Acme Official Store", "https://www.acme.com/p/trail-jacket", "Acme"),
    ("Acme Outdoor", "https://www.acme.com/p/trail-jacket", "Acme Outdoor"),  # a line of the maker's, no shop word
    ("Summit Store Europe", "https://shop.example.com/p/trail-jacket", "Summit Store Europe"),  # the host spells no
    # such maker; a shop called so alone may be its own name
    ("Acme Shop", "https://www.acme.com/p/trail-jacket", "Acme Shop"),
])
def test_a_makers_shop_naming_itself_as_the_brand_is_the_maker(markup, url, brand):
    assert extract_product(page(head=ld(brand=markup)), url).brand == brand


@pytest.mark.parametrize("brand, mpn, sku, read", [
    ("A1618-32", "A1618-32", "A1618-32ALM034", None),  # a shop's vendor field holding the style code
    ("A1618-32", None, "A1618-32ALM034", None),
    ("3M", "3M-7100", "7100-XL", "3M"),  # a maker whose name has a digit
    ("Acme", "AC-1", "AC-1-BLK", "Acme"),
])
def test_a_markup_brand_that_is_the_products_own_code_names_no_maker(brand, mpn, sku, read):
    fields = {"brand": {"@type": "Brand", "name": brand}, "sku": sku, **({"mpn": mpn} if mpn else {})}
    assert get(head=ld(**fields)).brand == read


def test_a_brand_named_by_its_id_in_a_graph_is_read():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Brand", "@id": "https://shop.example.com/#brand-acme", "name": "Acme"},
        {"@type": "Organization", "@id": "https://shop.example.com/#org", "name": "Example Shop"},
        {"@type": "Product", "name": "Trail Jacket", "brand": {"@id": "https://shop.example.com/#brand-acme"},
         "offers": {"@type": "Offer", "price": "129.00", "priceCurrency": "EUR"}}]}
    assert get(head=f'<script type="application/ld+json">{json.dumps(graph)}</script>').brand == "Acme"


def test_brand_label_before_manufacturer_label():
    rec = get("<dl><dt>Manufacturer</dt><dd>Acme Industries Ltd</dd><dt>Brand</dt><dd>Acme</dd></dl>")
    assert rec.brand == "Acme"


@pytest.mark.parametrize("byline, lang", [("Visit the Acme Store", "en"), ("Visita la Store de Acme", "es"),
                                          ("Bezoek de Acme-winkel", "nl"), ("Besök Acme-butiken", "sv"),
                                          # cut short, without "Store"
                                          ("Visit the Acme", "en"), ("Besuche den Acme", "de"),
                                          # pt: "of the" joined to the name, a note on the shop's language after it
                                          ("Visite a Loja da Acme (em Espanhol)", "pt"), ("Visite a loja do Acme", "pt"),
                                          # Amazon Brazil's "store" in English, Turkey's, Japan's and the Gulf's
                                          ("Visite a Acme Store", "pt"), ("Acme Mağazasını ziyaret edin", "tr"),
                                          ("Acmeのストアを表示", "ja"), ("زيارة متجر Acme", "ar")])
def test_a_byline_names_the_brand_before_the_manufacturers_company(byline, lang):
    rec = get(f"<a id='bylineInfo' class='a-link-normal' href='/stores/Acme/page/1'>{byline}</a>"
              "<table><tr><th>Manufacturer</th><td>Acme Housewares Ltd.</td></tr></table>", lang=lang)
    assert rec.brand == "Acme"


def test_a_designer_label_names_the_brand_only_without_a_brand_label():
    # a fashion shop's "Designer" is the label; a lamp's is the person, beside its brand
    assert get("<p>Designer: Toteme</p>").brand == "Toteme"
    rec = get("<p class='credit'>Designer : Verner Panton</p><table><tr><th>Marque</th><td>Louis Poulsen</td></tr>"
              "<tr><th>Designer</th><td>Verner Panton</td></tr></table>", lang="fr")
    assert rec.brand == "Louis Poulsen"


def test_a_games_publisher_is_its_brand_before_its_developer():
    rec = get("<table><tr><th>Ontwikkelaar</th><td>Santa Monica Studio</td></tr>"
              "<tr><th>Uitgever</th><td>Sony Interactive Entertainment</td></tr></table>", lang="nl")
    assert rec.brand == "Sony Interactive Entertainment"
    assert get("<p>Developer: Firaxis Games</p>").brand == "Firaxis Games"


def test_a_books_publisher_is_no_brand():
    assert get("<dl><dt>Publisher</dt><dd>Penguin</dd><dt>ISBN</dt><dd>9780141439518</dd></dl>").brand is None
    # an EAN of the book prefixes (978, 979) is an ISBN under another label
    assert get("<p>EAN13 : 9782365775717</p><p>Éditeur : Urban comics</p>", lang="fr").brand is None
    assert get("<p>EAN13 : 4006381333931</p><p>Hersteller : Stabilo</p>", lang="de").brand == "Stabilo"
    # nor the author or publisher a book's markup calls its brand: by its type, or by the ISBN the page prints
    assert get(head=ld(**{"@type": ["Book", "Product"], "brand": {"@type": "Brand", "name": "Penguin"}})).brand is None
    assert get("<table><tr><th>ISBN-13</th><td>9780141439518</td></tr></table>",
               ld(brand={"@type": "Brand", "name": "Jane Austen"})).brand is None
    # a bookshop's SKU that is an ISBN (a Bookland EAN whose check digit is right)
    assert get("<dl><dt>SKU:</dt><dd>9780143039952</dd></dl>", ld(brand="Penguin Classics")).brand is None
    assert get("<dl><dt>SKU:</dt><dd>9780143039953</dd></dl>", ld(brand="Penguin Classics")).brand == "Penguin Classics"


@pytest.mark.parametrize("label,lang", [
    ("Marke", "de"), ("Marque", "fr"), ("Marca", "es"), ("Marca", "it"), ("Merk", "nl"), ("Marka", "pl"),
    ("Märke", "sv"), ("Mærke", "da"), ("Hersteller", "de"), ("ブランド", "ja"), ("品牌", "zh"), ("Бренд", "ru"),
    ("Zīmols", "lv"), ("Prekės ženklas", "lt"), ("Kaubamärk", "et"), ("Марка", "bg"), ("Μάρκα", "el"),
    ("Thương hiệu", "vi"), ("Merek", "id"), ("מותג", "he"), ("Производител", "bg"), ("Gamintojas", "lt"),
    ("แบรนด์", "th"), ("ماركة", "ar"), ("برند", "fa"), ("Znamka", "sl"), ("Marcă", "ro"),
])
def test_brand_labels_across_languages(label, lang):
    assert get(f"<p>{label}: Acme Outdoor</p>", lang=lang).brand == "Acme Outdoor"
    assert get(f"<table><tr><th>{label}</th><td><a href='/b/acme'>Acme Outdoor</a></td></tr></table>",
               lang=lang).brand == "Acme Outdoor"


@pytest.mark.parametrize("block, lang, field, value", [
    ("<div class='product-manufacturer'><label class='label'>Tootja</label><span><a href='/brand/7'>Metsa Toys</a>"
     "</span></div>", "et", "brand", "Metsa Toys"),  # PrestaShop: the label's <label> glued to its value
    ("<p class='own-brand'>Marka własna: Modna Szafa</p>", "pl", "brand", "Modna Szafa"),  # the label's qualifier
    ("<ul class='list-unstyled'><li>Produkta kods: BA-X3-BLK</li></ul>", "lv", "sku", "BA-X3-BLK"),
])
def test_labelled_values_in_more_shapes_and_languages(block, lang, field, value):
    assert getattr(get(block, lang=lang), field) == value


@pytest.mark.parametrize("row, lang", [
    ("<span class='property-name'>Производитель -</span> <span class='property-value'>Россия;</span>", "ru"),
    ("<p>Hersteller: China</p>", "de"), ("<p>Виробник: Україна</p>", "uk"), ("<p>Manufacturer: Made in China</p>", "en"),
])
def test_a_country_in_the_manufacturers_row_is_where_it_was_made_not_its_maker(row, lang):
    assert get(f"<div class='props'>{row}</div>", lang=lang).brand is None
    assert get(f"<div class='props'>{row.replace('Россия;', 'Интек').replace('China', 'Bosch').replace('Україна', 'Бош')}"
               "</div>", lang=lang).brand in ("Интек", "Bosch", "Бош", "Made in Bosch")


def test_a_vendor_line_that_goes_on_with_another_fields_label():
    # Shopify themes' "product-vendor-type-sku" block: the vendor's link, then "Varenr.: …" on the same line
    rec = get("<div class='product-vendor-type-sku'><span class='vendor'><a href='/collections/vendors?q=Fjordlys'>"
              "Fjordlys</a></span> <span class='sku'>Varenr.: <span class='sku-value'>FJ-DL-220</span></span></div>",
              lang="da")
    assert (rec.brand, rec.sku) == ("Fjordlys", "FJ-DL-220")


@pytest.mark.parametrize("line, lang, brand", [
    ("品牌：岭云号 &nbsp; 销量 126 &nbsp; 快递：免运费", "zh", "岭云号"),  # facts set apart by spaces
    ("Brand: Acme&nbsp;&nbsp;Sold 126", "en", "Acme"), ("Brand: Tom&nbsp;Ford", "en", "Tom Ford"),
])
def test_a_brand_lines_value_ends_where_typed_spaces_set_the_next_fact_apart(line, lang, brand):
    assert get(f"<div class='goods-sub'>{line}</div>", lang=lang).brand == brand


@pytest.mark.parametrize("text", ["See more from the brand: Acme", "Visit the Acme Store", "Brand: Acme",
                                  "by Acme", "Mehr von Acme", "Shop the Acme Store"])
def test_brand_element_text_is_cleaned(text):
    assert get(f"<a class='product-brand' href='/b/acme'>{text}</a>").brand == "Acme"


def test_a_call_to_shop_the_look_is_no_brand():
    assert get("<a class='product-brand' href='/looks/1'>Shop the look</a>").brand is None


@pytest.mark.parametrize("text", ["Visit the Acme Store", "Brand: Acme", "See more from the brand: Acme"])
def test_markup_brand_text_is_cleaned(text):
    rec = get(head=ld(brand={"@type": "Brand", "name": text}))
    assert (rec.brand, rec.sources["brand"]) == ("Acme", "jsonld")


@pytest.mark.parametrize("brand", ["By Terry", "Make Up For Ever", "Jordan Brand", "Label Noir"])
def test_markup_brand_names_that_look_like_labels_stay(brand):
    assert get(head=ld(brand=brand)).brand == brand


@pytest.mark.parametrize("placeholder", ["{{ product.vendor }}", "${brand}", "%BRAND%", "[[brand]]", "N/D"])
def test_unrendered_template_is_no_brand(placeholder):
    assert get(head=ld(brand=placeholder)).brand is None
    rec = get("<span class='product-brand'>Acme</span>", ld(brand=placeholder))
    assert (rec.brand, rec.sources["brand"]) == ("Acme", "dom")
    assert get(f"<span class='product-brand'>{placeholder}</span>").brand is None


@pytest.mark.parametrize("filler", ["Nicht vorhanden", "Unbranded", "Sans marque", "Sin marca", "Default",
                                    "Does not apply", "Various", "Generic", "Genérico", "Sem Marca", "Bez značky"])
def test_a_platforms_filler_vendor_is_no_brand(filler):
    # Shops fill the vendor field when a product has none ("not available", "no brand").
    assert get(head=ld(brand=filler)).brand is None
    rec = get("<p>Marke: Acme</p>", ld(brand=filler), lang="de")
    assert (rec.brand, rec.sources["brand"]) == ("Acme", "dom")


def test_the_title_repeated_as_a_link_in_its_block_is_no_brand():
    # Dawn's title block: the heading, then the same words as a link to the product's own page
    block = ("<div class='product__title'><h1>Trail Jacket</h1><a href='/products/trail-jacket' "
             "class='product__title'><h2 class='h1'>Trail Jacket</h2></a></div>")
    html = page().replace("<h1>Trail Jacket</h1>", block)
    assert extract_product(html, URL).brand is None
    assert extract_product(html.replace("</head>", ld(brand="Fjellrev") + "</head>"), URL).brand == "Fjellrev"


@pytest.mark.parametrize("title, markup, shown", [
    ("Nike Air Zoom Pegasus 40", "Air Zoom", "Nike"),  # a product line the title holds
    ("Old Skool Shoe", "VF Corporation", "Vans"),  # the maker's parent company, never shown
    ("Horsebit 1955 Shoulder Bag", "Kering", "GUCCI"),
    ("501® Original Fit Jeans", "501", "Levi's"),  # a number is a model line
])
def test_a_labelled_brand_beats_a_markup_brand_the_title_or_the_page_does_not_show(title, markup, shown):
    html = page(f"<p>Brand: <a href='/brands/x'>{shown}</a></p>", ld(brand={"@type": "Brand", "name": markup}))
    rec = extract_product(html.replace("Trail Jacket", title), URL)
    assert (rec.brand, rec.sources["brand"]) == (shown, "dom")
    # the markup stands where the title opens with it, or where the title opens with neither and
    # the page shows it
    if not markup.isdigit():
        for other in (f"{markup} {title}", f"Pegasus 40 Running Shoe, a {markup} classic"):
            assert extract_product(html.replace("Trail Jacket", other), URL).brand == markup


def test_a_brand_printed_by_its_initials_is_the_markups_maker():
    html = page("<p>Brand: <a href='/brands/wd'>WD</a></p>", ld(brand={"@type": "Brand", "name": "Western Digital"}))
    assert extract_product(html.replace("Trail Jacket", "Black SN850X 2TB NVMe SSD"), URL).brand == "Western Digital"


def test_a_markup_brand_that_is_a_step_of_the_breadcrumb_is_a_category():
    crumbs = ("<nav class='breadcrumb'><a href='/'>Strona główna</a> / <a href='/elektronarzedzia/'>"
              "Elektronarzędzia</a> / <span>Trail Jacket</span></nav>")
    html = page(crumbs + "<p>Producent: Makita</p>", ld(brand={"@type": "Brand", "name": "Elektronarzędzia"}),
                lang="pl")
    assert extract_product(html, URL).brand == "Makita"
    assert extract_product(html.replace("Producent: Makita", ""), URL).brand == "Elektronarzędzia"  # none printed


def test_microdata_brand_on_a_link_is_the_links_words():
    # a link's microdata value is its href: the brand is what the link says
    link = "<a itemprop='brand' href='https://shop.example.com/brand/baratza'>Baratza</a>"
    html = page(link).replace("<div class='product-info'>", "<div class='product-info' itemscope "
                              "itemtype='https://schema.org/Product'>").replace("<h1>", "<h1 itemprop='name'>")
    rec = extract_product(html, URL)
    assert rec.brand == "Baratza"


def test_a_brand_classed_label_and_value_saying_there_is_none_is_no_brand():
    # eBay's item specifics: <dl class="ux-labels-values--brand"><dt>Brand</dt><dd>Unbranded</dd></dl>
    specs = ("<dl class='ux-labels-values ux-labels-values--brand'><dt><div><span>Brand</span></div></dt>"
             "<dd><div><span>Unbranded</span></div></dd></dl>")
    assert get(specs).brand is None
    assert get(specs.replace("Unbranded", "Anker")).brand == "Anker"


@pytest.mark.parametrize("crumbs, brand", [
    (["Accueil", "Marques", "Rossignol", "Skis"], "Rossignol"),
    (["Home", "Brands", "Trail Jacket"], None),  # the product itself under the section
    (["Home", "Women", "Jackets"], None),
])
def test_a_breadcrumb_under_the_shops_brands_section_is_the_brand(crumbs, brand):
    trail = "".join(f"<li><a href='/c/{i}'>{c}</a></li>" for i, c in enumerate(crumbs))
    assert extract_product(page().replace("<main>", f"<main><ol class='breadcrumb'>{trail}</ol>"), URL).brand == brand


@pytest.mark.parametrize("text", ["All brands", "Brands", "Shop by brand", "Alle Marken", "Toutes les marques"])
def test_brand_navigation_link_is_no_brand(text):
    link = f"<div class='top-links'><a class='brands-link' href='/brands'>{text}</a></div>"
    html = page().replace("<main>", "<main>" + link)
    assert extract_product(html, URL).brand is None


@pytest.mark.parametrize("control", [
    # a finder form's list of makers, and its floating label, in the brand's class
    "<select class='js-select-manufacturer'><option value=''>Select Manufacturer</option></select>",
    "<label class='manufacturer-label'>Select Manufacturer</label>", "<span class='brand-filter'>Marke wählen</span>"])
def test_a_forms_call_to_choose_a_maker_is_no_brand(control):
    html = page().replace("<main>", f"<main><form class='find-manuals'>{control}</form>")
    assert extract_product(html, URL).brand is None


def test_brand_link_in_a_recommendation_strip_is_not_the_brand():
    strip = ("<section class='you-may-also-like'><div class='card'><a class='card__brand'>Other</a></div></section>")
    assert extract_product(page(after=strip), URL).brand is None
    # A strip whose class says nothing: its cards repeat the same brand class.
    strip = ("<section class='pdp-recs'>" + "".join(
        f"<div class='card'><a class='card__brand' href='/b/{i}'>Other{i}</a></div>" for i in range(4)) + "</section>")
    assert extract_product(page(after=strip), URL).brand is None
    html = page("<a class='product-brand' href='/b/acme'>Acme</a>", after=strip)
    assert extract_product(html, URL).brand == "Acme"


def test_page_wide_body_class_does_not_hide_the_specs():
    html = page("<table><tr><td><span>Marke</span></td><td>Acme</td></tr>"
                "<tr><td>Artikel-Nr.</td><td>5512</td></tr></table>",
                lang="de").replace("<body>", "<body class='sticky-footer has-mega-menu'>")
    rec = extract_product(html, URL)
    assert (rec.brand, rec.sku) == ("Acme", "5512")


def test_clean_brand():
    assert clean_brand("Brand: Acme") == "Acme"
    assert clean_brand("Marke \u200f:\u200e Think!") == "Think!"
    assert clean_brand("Brand") is None and clean_brand("All brands") is None
    assert clean_brand("by Acme") == "by Acme" and clean_brand("by Acme", dom=True) == "Acme"
    assert clean_brand("Selected Homme") == "Selected Homme" and clean_brand("Select Manufacturer") is None
    # a promotion's banner in a designers' menu ("<a class='drawerpromo_designer'><img alt='Shop Sale'>")
    assert clean_brand("Shop Sale", dom=True) is None and clean_brand("New Arrivals", dom=True) is None
    assert clean_brand("From the Manufacturer", dom=True) is None and clean_brand("Nintendo Switch,") == "Nintendo Switch"
    # the name before a tagline after a bar (Gymshark's markup: "Gymshark | We Do Gym"); two scripts keep the Latin
    assert clean_brand("Gymshark | We Do Gym") == "Gymshark" and clean_brand("Самсунг | Samsung") == "Samsung"


def test_a_maker_label_with_a_note_in_brackets_after_the_name():
    rec = get("<div class='description'><ul><li>Hersteller: Klinge Pharma GmbH (Originalprodukt aus Deutschland)"
              "</li><li>PZN: 17390086</li></ul></div>")
    assert rec.brand == "Klinge Pharma GmbH"
    assert clean_brand("(Acme)") == "(Acme)" and clean_brand("B(A)D") == "B(A)D"  # brackets that are the name


def test_a_brand_logo_is_read_by_its_alt_text():
    rec = get("<a class='brand-logo' href='/nordvik'><img src='/logos/nordvik.png' alt='Nordvik'></a>")
    assert rec.brand == "Nordvik"


def test_a_title_that_opens_with_a_link_to_the_brand_page():
    html = page().replace("<h1>Trail Jacket</h1>", "<h1><a href='/brand/nordvik'>Nordvik</a> Trail Jacket</h1>")
    assert extract_product(html, URL).brand == "Nordvik"
    # a link elsewhere in the title is no brand
    html = page().replace("<h1>Trail Jacket</h1>", "<h1><a href='/women/jackets'>Jackets</a> Trail Jacket</h1>")
    assert extract_product(html, URL).brand is None


def _og(kind: str, site: str) -> str:
    return f"<meta property='og:type' content='{kind}'><meta property='og:site_name' content='{site}'>"


def own_shop(main: str = "", head: str = "", url: str = URL):
    """A maker's own shop: no menu of brands."""
    return extract_product(page(main, head).replace("<a href='/brands'>Brands</a>", ""), url)


def test_a_product_page_that_names_no_brand_takes_the_shops_own_name():
    # a maker's own shop: nothing on the page names a brand but the shop itself
    rec = own_shop(head=_og("product", "Nordvik"))
    assert (rec.brand, rec.sources["brand"]) == ("Nordvik", "site")
    # a brand the page shows wins, a marketplace's item is no product of the shop, a book has no brand
    assert own_shop("<p>Brand: Fjellrev</p>", head=_og("product", "Nordvik")).brand == "Fjellrev"
    assert own_shop(head=_og("shopmarketplace:item", "Shopmarket")).brand is None
    assert own_shop("<p>ISBN: 9780141439518</p>", head=_og("product", "Bookhaus")).brand is None
    # the words of the shop's name that spell its host are the brand
    rec = own_shop(head=_og("product", "Nordvik Outdoor Clothing"), url="https://www.nordvik.example/p/1")
    assert rec.brand == "Nordvik"
    # a maker's store by its name and "Store", on a host that does not spell it
    assert own_shop(head=_og("product", "Nordvik Store"), url="https://www.outdoor-world.example/p/1").brand == "Nordvik"
    # a shop that links to brands' pages sells many makers': its name is none of theirs (an unbranded tote)
    assert get(head=_og("product", "Nordvik")).brand is None
    # a shop whose markup leaves the brand slot empty (Shopware's supplier unset): no maker on record
    blank = ("<div itemscope itemtype='https://schema.org/Product'><meta itemprop='name' content='Trail Jacket'>"
             "<div itemprop='brand' itemtype='https://schema.org/Brand' itemscope><meta itemprop='name' content=' '>"
             "</div></div>")
    assert own_shop(blank, head=_og("product", "Nordvik")).brand is None


@pytest.mark.parametrize("url, site, title, brand", [
    ("https://shop.powercolour.example/p/1", "PowerColour EU Shop", "PowerColour Hellhound RX 7900", "PowerColour"),
    ("https://www.evgo.example/products/1", "", "EVGO GeForce RTX 3080 FTW3", "EVGO"),
    ("https://shop.example.com/p/1", "Mystery Ranch", "Mystery Ranch Bridger 45", "Mystery Ranch"),
    # a retailer's product whose name does not open with the shop's name: nothing to go by
    ("https://www.evgo.example/products/1", "EVGO Store", "GeForce RTX 3080 FTW3", None),
])
def test_a_product_name_that_opens_with_the_shops_own_name(url, site, title, brand):
    # the maker's own shop, also where the menu links to its product lines' pages
    meta = f"<meta property='og:site_name' content='{site}'>" if site else ""
    rec = extract_product(page(head=meta).replace("<h1>Trail Jacket</h1>", f"<h1>{title}</h1>"), url)
    assert rec.brand == brand


@pytest.mark.parametrize("kind", ["article", "website"])
def test_a_marked_up_product_on_a_page_of_a_generic_og_type_takes_the_shops_own_name(kind):
    # WordPress shops say og:type "article" on product pages; the markup says it is one product
    rec = own_shop(head=_og(kind, "Nordvik") + ld(sku="TJ-1"))
    assert (rec.brand, rec.sources["brand"]) == ("Nordvik", "site")
    assert own_shop(head=_og(kind, "Nordvik")).brand is None  # no product markup: a page of any kind


@pytest.mark.parametrize("line", ["<p>by <a href='/designers/nordvik'>Nordvik</a></p>",
                                  "<p class='more'>More from <a href='/brand/nordvik'>Nordvik</a></p>"])
def test_a_link_to_the_brand_page_beside_the_title(line):
    html = page().replace("<h1>Trail Jacket</h1>", f"<h1>Trail Jacket</h1>{line}")
    assert extract_product(html, URL).brand == "Nordvik"


@pytest.mark.parametrize("before, after, brand", [
    # a link under the title to a name the title holds: the maker's page, whatever its address
    ("", "<div class='subtitle'><a href='/Jackets/f68'>Outdoor jackets</a> <span><a href='/Nordvik/m55608'>"
     "Nordvik</a></span></div>", "Nordvik"),
    # not a breadcrumb's step, nor a link that repeats the whole title, nor a word the title lacks
    ("<ul class='trail'><li><a href='/nordvik'>Nordvik</a></li></ul>", "", None),
    ("<div class='row'><ol class='breadcrumb'><li><a href='/'>Home</a></li><li><a href='/nordvik/'>Nordvik</a></li>"
     "</ol></div>", "", None),  # the breadcrumb inside the row above the title
    ("", "<p><a href='/p/1'>Nordvik Trail Jacket</a></p>", None),
    ("", "<p><a href='/fjellrev'>Fjellrev</a></p>", None),
    # above the title, a step of a breadcrumb no list holds, naming a word inside the title (Overstock's "Plates")
    ("<div class='_3w4jPDr'><a href='/Outdoor/Jacket/6454/subcat.html'>Jacket</a></div>", "", None),
    ("<div class='_3w4jPDr'><a href='/nordvik/m55608'>Nordvik</a></div>", "", "Nordvik"),
    # below it, a breadcrumb named so by its id only (Overstock's "breadcrumbSection")
    ("", "<section id='breadcrumbSection'><span><a href='/Outdoor/1/store.html'>Outdoor</a></span><span><a "
     "href='/Outdoor/Jacket/6454/subcat.html'>Jacket</a></span></section>", None),
])
def test_a_link_beside_the_title_to_a_name_the_title_holds(before, after, brand):
    html = page().replace("<h1>Trail Jacket</h1>", f"{before}<h1>Nordvik Trail Jacket</h1>{after}")
    assert extract_product(html, URL).brand == brand


@pytest.mark.parametrize("above, brand", [
    # a designer's name right above the title, linking to the designer's own page
    ("<div class='x1'><a href='https://shop.example.com/fjellrev/'><span><h3>FJELLREV</h3></span></a></div>",
     "FJELLREV"),
    ("<div><a href='/fjell-rev'>fjell rev</a></div>", "fjell rev"),
    # a link to a page of another name (a category, a campaign) is not
    ("<div><a href='/jackets/'>Outdoor</a></div>", None),
])
def test_a_name_above_the_title_linking_to_its_own_page(above, brand):
    html = page().replace("<h1>Trail Jacket</h1>", f"{above}<h1>Trail Jacket</h1>")
    assert extract_product(html, URL).brand == brand


@pytest.mark.parametrize("title_block, brand", [
    # the title alone in its own element, the designer's link in the element before it; "&" is "and" in the URL
    ("<div class='title'><div class='b'><a href='/jack-and-jones-premium/' type='button'><h2>Jack &amp; Jones "
     "PREMIUM</h2></a></div><div class='t'><h1>Trail Jacket</h1></div></div>", "Jack & Jones PREMIUM"),
    # a title block (no h1) that opens with the designer's linked name
    ("<div class='product-title'><a href='/fjellrev/'><b>Fjellrev</b></a><div>Trail Jacket</div></div>", "Fjellrev"),
])
def test_the_designer_linked_above_a_wrapped_title(title_block, brand):
    html = page().replace("<h1>Trail Jacket</h1>", title_block)
    assert extract_product(html, URL).brand == brand


def test_an_element_named_brand_that_holds_the_whole_title_is_no_brand():
    html = page().replace("<h1>Trail Jacket</h1>", "<h1 class='product-name-container'><span class='productBrand'>"
                                                   "Trail Jacket</span></h1>")
    assert extract_product(html, URL).brand is None
    html = page().replace("<h1>Trail Jacket</h1>", "<h1>Trail Jacket</h1><span class='productBrand'>Fjellrev</span>")
    assert extract_product(html, URL).brand == "Fjellrev"


def test_a_brand_block_of_links_is_no_brand():
    block = ("<div class='nav-brand-same'><h3>Mehr von Fjellrev</h3><ul class='nav-link-list'><li>"
             "<a href='/jackets/?brand=fjellrev'>Fjellrev Jackets</a></li></ul></div>")
    assert extract_product(page(block), URL).brand is None


@pytest.mark.parametrize("heading, brand", [("Mehr von Fjellrev", "Fjellrev"), ("More from Fjellrev", "Fjellrev"),
                                            ("Mehr von Nordvik", None)])  # not the maker the title opens with
def test_a_more_from_heading_names_the_maker_the_title_opens_with(heading, brand):
    block = (f"<div class='link-boxes'><h3>{heading}</h3><ul><li><a href='/jackets/?marke=x'>Jackets</a></li>"
             "</ul></div>")
    html = page(after=block).replace("<h1>Trail Jacket</h1>", "<h1>Fjellrev Trail Jacket »Alpine«</h1>")
    assert extract_product(html, URL).brand == brand


@pytest.mark.parametrize("link, brand", [
    ("<a href='/brands/le-labo/'>More from Le Labo &rarr;</a>", "Le Labo"),
    ("<a href='/marken/hanwag'>Mehr von Hanwag</a>", "Hanwag"),
    ("<a href='/brands/'>More from our brands</a>", None),  # not a brand's own page
    ("<a href='/sellers/alpin-outlet'>More from Alpin Outlet</a>", None),  # a seller's
])
def test_a_more_from_link_to_the_brands_own_page_names_the_maker(link, brand):
    html = page(f"<p class='more-from'>{link}</p>").replace("Trail Jacket", "Santal 33 Eau de Parfum")
    assert extract_product(html, URL).brand == brand
    # in a related product's tile it names that product's maker
    tile = (f"<section class='related-products'><h2>You may also like</h2><div class='card'><a href='/p/2'>Another"
            f"</a>{link}<span class='price'>€ 99,00</span></div></section>")
    assert extract_product(page(after=tile).replace("Trail Jacket", "Santal 33 Eau de Parfum"), URL).brand is None


@pytest.mark.parametrize("anywhere, brand", [
    ("<p><a href='/c/jackets?marke=fjellrev'>View all Fjellrev products</a></p>", "Fjellrev"),
    ("<a href='/fjellrev'>Shop more from Fjellrev ›</a>", "Fjellrev"),
    ("<a href='/brand/fjellrev'>Shop all Fjellrev</a>", "Fjellrev"),
    ("<section><h2>Other products from Fjellrev</h2><ul><li><a href='/p/2'>Fleece</a></li></ul></section>", "Fjellrev"),
    # a menu of brands' pages, links or logos: the one the title opens with
    ("<ul class='mega-menu'><li><a href='/brands/nordvik'>Nordvik</a></li><li><a href='/brands/fjellrev'>Fjellrev</a>"
     "</li></ul>", "Fjellrev"),
    ("<a href='/search?manufacturer=fjellrev' title='Fjellrev'><img src='/m/f.png' alt=''></a>", "Fjellrev"),
    ("<img src='/media/brands/fjellrev.png' alt='Fjellrev'>", "Fjellrev"),
    # a menu's brand filter ("Fjellrev Jackets" filters jackets by the brand its page is named for)
    ("<ul class='mega-menu'><li><a href='/c/jackets/fjellrev?brand=921'>Fjellrev Jackets</a></li></ul>", "Fjellrev"),
    ("<ul class='mega-menu'><li><a href='/c/jackets/trail?brand=921'>Fjellrev Jackets</a></li></ul>", None),
    # not the maker: the title does not open with the name, or the link is a category's
    ("<a href='/brands/nordvik'>Nordvik</a><a href='/c/fleece'>View all Fleece</a>", None),
    ("<a href='/c/trail'>Shop all Trail</a>", None),
    ("<a href='/c/fjellrev'>Shop all Fjellrev</a>", None),  # "view all" is a category's, but for "... products"
    # the maker's full name, the title shortens it by its last word
    ("<a href='/brand/fjellrev-trail-co'>View all products by Fjellrev Trail Co</a>", "Fjellrev Trail Co"),
    ("<a href='/brand/fjellrev-mountain-co'>View all products by Fjellrev Mountain Co</a>", None),
])
def test_a_link_to_the_makers_page_or_products_names_the_maker_the_title_opens_with(anywhere, brand):
    html = page(after=anywhere).replace("<h1>Trail Jacket</h1>", "<h1>Fjellrev Trail Jacket</h1>")
    assert extract_product(html, URL).brand == brand


def test_a_brand_menus_item_is_no_brand():
    menu = ("<ul class='menu'><li class='brandMenuLi'><a class='category brandMenu' href='https://blog.example'>"
            "The Blog</a></li></ul>")
    assert extract_product(page(after=menu), URL).brand is None
    # nor a brand-classed item whose one link goes to another site's home page
    assert extract_product(page(after="<div class='brand-link'><a href='https://blog.example/'>Our Blog</a></div>"),
                           URL).brand is None


@pytest.mark.parametrize("shown", [
    "<table><tr><th>Marke:</th><td>Fjellrev</td></tr></table>",
    "<p class='byline'>by <a href='/brands/fjellrev'>Fjellrev</a></p>",
    "<div class='product-brand'>Fjellrev</div>",
])
def test_a_markup_brand_that_is_the_shops_own_name_gives_way_to_the_brand_the_page_shows(shown):
    rec = get(shown, ld(brand={"@type": "Brand", "name": "Example Shop"}))
    assert (rec.brand, rec.sources["brand"]) == ("Fjellrev", "dom")
    # a maker's own shop shows no other brand: its name stands
    rec = get("", ld(brand={"@type": "Brand", "name": "Example Shop"}))
    assert (rec.brand, rec.sources["brand"]) == ("Example Shop", "jsonld")
    # a markup brand that is not the shop's name stands beside another the page shows, if the page
    # shows it too (else see test_a_labelled_brand_beats_a_markup_brand_the_title_or_the_page_does_not_show)
    assert get(shown + "<p>Made for Nordvik by Fjellrev.</p>", ld(brand="Nordvik")).brand == "Nordvik"


def test_a_designer_printed_on_the_makers_own_shop_is_no_brand():
    # the shop's own name in markup and a designer printed: the maker's own shop, the person who drew the chair
    designer = "<h5 class='range-expandable__subheader'>Designer</h5><p class='range-expandable__paragraf'>K Vik/M Berg</p>"
    rec = get(designer, ld(brand={"@type": "Brand", "name": "Example Shop"}))
    assert rec.brand == "Example Shop"
    # a boutique's designer that the title opens with is the brand
    html = page(designer.replace("K Vik/M Berg", "Fjellrev"), ld(brand={"@type": "Brand", "name": "Example Shop"}))
    assert extract_product(html.replace("<h1>Trail Jacket", "<h1>Fjellrev Trail Jacket"), URL).brand == "Fjellrev"


@pytest.mark.parametrize("html, field, value", [
    ("<span class='posted_in'>Marchio: <a href='/marchio/fjellrev/' rel='tag'>Fjellrev</a></span>", "brand",
     "Fjellrev"),
    ("<table><tr><th>Varumärke</th><td>Fjellrev</td></tr></table>", "brand", "Fjellrev"),
    ("<p class='producer'>Fjellrev</p>", "brand", "Fjellrev"),  # a "producer" class, as "brand" or "vendor"
    ("<p class='sku-line'>Ref.ª SS-4471</p>", "sku", "SS-4471"),
    ("<p>Kód: BW-4471</p>", "sku", "BW-4471"),
    # es / pt abbreviations, beside the maker's model number
    ("<ul><li>Cód. Artículo: 1087234</li><li>P/N: 9S7-158571</li></ul>", "sku", "1087234"),
    ("<table><tr><td>Modelo</td><td>AF-30</td></tr></table><p>Cód. de Referência: 6134-01</p>", "sku", "6134-01"),
])
def test_more_brand_and_code_labels(html, field, value):
    assert getattr(get(html), field) == value


@pytest.mark.parametrize("html, sku", [
    ("<span class='sku_wrapper'>UGS : <span class='sku'>TH-4471</span></span>", "TH-4471"),  # WooCommerce in French
    ("<p>Varenummer: KV-KOP-HB</p>", "KV-KOP-HB"),  # capitals alone, in three parts
    ("<p>Style: A-LINE</p>", None), ("<p>Item: T-SHIRT</p>", None),  # two: words
])
def test_codes_of_capitals_alone_and_the_french_woocommerce_label(html, sku):
    assert get(html).sku == sku


@pytest.mark.parametrize("html, brand", [
    ("<div class='product--supplier'><a class='product--supplier-link' href='/fjellrev/'>"
     "<img src='/m/fjellrev.png' alt='Fjellrev'></a></div>", "Fjellrev"),  # Shopware's supplier logo
    ("<span class='merk-label'>Fjellrev</span>", "Fjellrev"), ("<span class='marca'>Fjellrev</span>", "Fjellrev"),
    ("<p class='bemerkung'>Limited edition</p>", None),  # "merk" inside another word
])
def test_brand_classes_in_the_shops_language_and_a_suppliers_logo(html, brand):
    assert get(html).brand == brand


def test_the_products_brand_class_repeated_by_recommendation_tiles_still_names_it():
    tiles = "".join(f"<div class='card'><p class='product-brand'>{b}</p><a href='/p/{i}'>Jacket {i}</a></div>"
                    for i, b in enumerate(("Nordvik", "Hagen")))
    html = page("<p class='product-brand'><a href='/brands/fjellrev'>Fjellrev</a></p>",
                after=f"<section><h2>You may also like</h2>{tiles}</section>")
    assert extract_product(html, URL).brand == "Fjellrev"


def test_a_more_from_link_beside_the_title_gives_the_name_alone():
    html = page("<a class='more-from' href='/merken/fjellrev'>Meer van Fjellrev</a>", lang="nl")
    html = html.replace("<h1>Trail Jacket</h1>", "<h1>Fjellrev Trail Jacket</h1>")
    assert extract_product(html, URL).brand == "Fjellrev"


@pytest.mark.parametrize("link, lang", [
    ("<a href='hoover/b6074' class='brand-link'><img src='/media/brand/hoover.jpg'><span>Mehr Produkte von Hoover"
     "</span></a>", "de"),
    ("<a href='hoover/b6074' class='brand-link'><span>Más productos de Hoover</span></a>", "es"),
    ("<a href='hoover/b6074' class='brand-link'><span>Plus de produits de Hoover</span></a>", "fr"),
])
def test_a_more_products_from_link_names_the_maker_in_the_shops_language(link, lang):
    # Lidl's maker link beside the price: "More products from Hoover"
    assert get(link, lang=lang).brand == "Hoover"


@pytest.mark.parametrize("link", [
    # Bloomingdale's: the brand link's words say "this brand", its name filled in by script
    "<div id='pdpBrandLink'><a href=''>Shop more from this brand</a></div>",
    "<div class='product-brand'><a href='#'>Mehr von dieser Marke</a></div>",
    "<div class='brand-link'><a href='#'>Voir plus de cette marque</a></div>"])
def test_a_more_from_this_brand_link_names_none(link):
    assert get(link).brand is None


def test_a_brand_element_served_hidden_names_none():
    # a hidden copy of the brand block for another layout, its name a placeholder's
    assert get("<div class='displayNone'><p class='product-brand'>Acme Placeholder</p></div>").brand is None
    assert get("<p class='product-brand' style='display:none'>Acme</p>").brand is None
    assert get("<div class='d-none d-md-block'><p class='product-brand'>Acme</p></div>").brand == "Acme"


def test_a_brand_element_holding_a_brand_element_gives_the_inner_one():
    # Farfetch: the heading classed for brand and name, its brand link inside
    main = ("<h1 class='detail-brand detail-name'><a href='/shopping/women/jimmy-choo' class='brand-link'>Jimmy Choo"
            "</a> 'Lucy' pumps</h1>")
    assert get(main).brand == "Jimmy Choo"


def test_a_designer_link_in_the_mega_menu_is_no_brand():
    # the mega menu's "just in" panel: designers' links and "View all", classed for designers
    menu = ("<div id='nav_main' class='main-menu'><ul class='main-menu__wrapper'><li class='main-menu__item'>"
            "<div class='sub_menu'><div class='just-in__top'><a class='just-in__top__designer' href='/d/isa-arfen'>"
            "Isa Arfen</a><a class='just-in__top__designer__all' href='/just-in'>VIEW ALL JUST IN</a></div></div></li>"
            "</ul></div>")
    assert extract_product(page().replace("<main>", menu + "<main>"), URL).brand is None


@pytest.mark.parametrize("main, brand", [
    # a breadcrumb's link to all of the maker's products (Sephora)
    ("<ul class='Breadcrumb'><li class='Breadcrumb-item Breadcrumb-item--brand'><a href='/viktor-rolf?products=all'>"
     "<span>all <span class='OneLinkNoTx'>Viktor & Rolf</span></span></a></li></ul>", "Viktor & Rolf"),
    # a logo's call to visit the maker's shop (CVS, Sephora)
    ("<div class='brandBanner'><a class='brandShopCTA' href='/shop/wet-n-wild'><img src='/b/wnw.png' alt=\"Go to Wet "
     "n' Wild Brand Shop\"></a></div>", "Wet n' Wild"),
    ("<div class='brand-about'><a href='/viktor-rolf'>visit the Viktor & Rolf brand boutique</a></div>", "Viktor & Rolf"),
])
def test_a_link_to_the_makers_products_names_the_maker_alone(main, brand):
    assert get(main).brand == brand


def test_a_share_button_that_passes_the_maker_along_is_no_brand_link():
    # Neiman Marcus's "email a friend": a script link whose address carries "&Vendor=…", its picture "Mail icon"
    share = ("<ul class='share'><li class='emailFriendLink'><a class='forwardFriend' href=\"javascript:emailProduct("
             "'http://mail.example.com/s?ProdName=Trail+Jacket&Vendor=Fjellrev')\"><img src='/i/mail.png' alt='Mail icon'>"
             "</a></li></ul>")
    html = page().replace("<h1>Trail Jacket</h1>", "<h1>Trail Jacket</h1>" + share)
    assert extract_product(html, URL).brand is None


def test_a_menu_entry_named_like_a_label_takes_no_value_from_the_next_entry():
    # Zalando's category bar: "Brand", then "Promo"
    menu = ("<ul class='z-navicat-header_categoryList'><li class='z-navicat-header_categoryListElement'><a href='/marche/'>"
            "<span class='z-text'>Brand</span></a></li><li class='z-navicat-header_categoryListElement'>"
            "<a href='/promo/'><span class='z-text'>Promo</span></a></li></ul>")
    assert extract_product(page().replace("<main>", "<div class='z-navicat'>" + menu + "</div><main>"), URL).brand is None


@pytest.mark.parametrize("control", ["<div class='designer-save'><b>Saved</b></div>",
                                     "<button class='brand-follow'>Follow</button>",
                                     "<div class='brand_favourite'><span>Favourite</span></div>"])
def test_a_control_to_save_or_follow_the_maker_names_none(control):
    assert get(control).brand is None


def test_a_brand_cell_that_says_the_name_twice_names_it_once():
    # LDLC's spec table: the brand cell holds a filter's checkbox label and a link, both "KFA2"
    row = ("<table><tr><td class='label'><h3>Marque</h3></td><td class='checkbox'><input type='checkbox' id='fb-1'>"
           "<label for='fb-1'>KFA2</label> <a href='/c4684/+fb-1.html'> KFA2 </a></td></tr></table>")
    assert get(row, lang="fr").brand == "KFA2"


def test_a_breadcrumb_classed_as_the_designer_names_none():
    # Moda Operandi's breadcrumb links carry the designer link's class
    crumbs = ("<div class='trunkshow-info'><a href='/shop/shoes' class='designer-name pdp__breadcrumb--channel'>Shoes</a>"
              "<a href='/shop/shoes/flats' class='designer-name'>Flats</a></div>")
    assert get(crumbs).brand is None


def test_a_header_rows_brand_column_names_the_brand_below_it_not_the_next_header():
    # MonotaRO's variant table: "ブランド" heads a column, "内容量" the next
    table = ("<table><tr><th>品番</th><th>ブランド</th><th>内容量</th></tr><tr><td>48713035</td><td>モノタロウ</td>"
             "<td>10枚</td></tr></table>")
    assert get(table, lang="ja").brand == "モノタロウ"
    # a row of two headers is a label and its value
    assert get("<table><tr><th>Marke</th><th>Acme</th></tr><tr><th>Farbe</th><th>Blau</th></tr></table>",
               lang="de").brand == "Acme"


def test_the_supply_chains_supplier_is_no_brand():
    # the H&M group's "Made in" section: the factory's supplier, under a "supplier" class
    made = ("<div class='m-made-in'><div class='made-in-content made-in'><span class='pdp-label'>Made in</span>"
            "<div class='made-in-value'><span>Bangladesh</span></div></div><div class='made-in-content supplier'>"
            "<span class='pdp-label'>Supplier</span><div class='made-in-value'><span>Apex Textile Printing Mills</span>"
            "</div></div></div>")
    assert get(made).brand is None


@pytest.mark.parametrize("words", ["+ Follow", "+ Folgen", "Suivre"])
def test_a_call_to_follow_the_author_names_none(words):
    assert get(f"<div class='author byline'><span class='follow-wrap'>{words}</span></div>").brand is None


def test_a_brand_classed_element_its_markup_calls_the_category_is_no_brand():
    # the same "marca" class on the category's link and the brand's (a Brazilian shop)
    main = ("<div class='marca' itemprop='category' content='Jackets > Trail'><a href='/trail'>Trail Jacket</a></div>"
            "<div class='marca' itemprop='brand'><a href='/nordvik'>Nordvik</a></div>")
    assert get(main, lang="pt-BR").brand == "Nordvik"


def test_a_marketplaces_seller_under_a_supplier_class_is_no_brand():
    # Myntra: "Seller: RetailNet View Supplier Information" in a "supplier-supplier" block
    seller = ("<div class='supplier-desktopCodeSupplier'><div class='supplier-supplier'>Seller: <span><span "
              "class='supplier-productSellerName'>RetailNet</span></span><div class='supplier-viewmore-link'>View "
              "Supplier Information</div></div></div>")
    assert get(seller).brand is None


def test_a_makers_information_sheet_is_no_brand():
    # Alza: the producer's row links its product information sheet, a PDF
    row = ("<div class='moreInfo'><span class='item' data-testid='more-info-product-code'><span>Kód: </span>"
           "<span>AEGPR065</span></span><span class='item' data-testid='more-info-producer-link'><a target='_blank' "
           "href='https://files.example.cz/infolist/7635493/CS.pdf'>Informační list</a></span></div>")
    assert get(row, lang="cs").brand is None


def test_a_manufacturers_warranty_link_is_no_brand():
    # Best Buy's warranty list: "Manufacturer's Warranty disclosures", classed for the manufacturer's warranty
    main = ("<ul class='warrantyList'><li><a>Geek Squad Terms and Conditions</a></li><li><a "
            "class='manufacturersWarrantyLink_4ezuq' rel='external'><span>Manufacturer's Warranty disclosures</span>"
            "</a></li></ul>")
    assert get(main).brand is None


@pytest.mark.parametrize("href, alt", [("/it/index.htm", "Torna all'homepage"), ("/en-gb/", "www.example.co.uk"),
                                       ("/index.html", "Example Shop")])
def test_the_shops_logo_linked_to_a_language_home_is_no_brand(href, alt):
    # Lidl's masthead: its logo, classed "brand__image", links to the country's home page
    html = page().replace("<a class='logo' href='/'>Example Shop</a>",
                          f"<div class='brand'><a href='{href}' title='Home' class='brand__link'><img src='/logo.svg' "
                          f"alt=\"{alt}\" class='brand__image'></a></div>")
    assert extract_product(html, URL).brand is None
    # nor is its slogan beside the logo in the masthead
    html = page().replace("<a class='logo' href='/'>Example Shop</a>",
                          "<div class='masthead__logo'><div class='brand'><a href='/' class='brand__link'>Example Shop"
                          "</a><div class='brand__claim'>Big on Quality, Low on Price</div></div></div>")
    assert extract_product(html, URL).brand is None


def test_by_a_maker_under_the_title_and_a_widgets_credit():
    rec = get("<div class='reviews'><a class='pr-snapshot-cobrand' href='#'>by PowerReviews</a></div>"
              "<ul><li><h3>By:<label> Nordvik</label></h3></li><li>Age: 12 years and up</li></ul>")
    assert rec.brand == "Nordvik"
    assert get("<div class='reviews'><a class='pr-snapshot-cobrand' href='#'>by PowerReviews</a></div>").brand is None
    assert get("<p class='terms'>By clicking Add to cart you accept our terms.</p>").brand is None


@pytest.mark.parametrize("dialog", [
    "<div id='onetrust-consent-sdk'><h3>Vendors</h3><div class='vendor-name'>Google Advertising</div></div>",
    "<section class='ot-hide'><button class='vendors-list close-pc-btn-handler' aria-label='Fermer'></button></section>",
])
def test_a_cookie_dialogs_vendors_are_no_brand(dialog):
    html = page().replace("</main>", f"</main>{dialog}")
    assert extract_product(html, URL).brand is None


@pytest.mark.parametrize("element", ["<h2 class='product__vendor'>Nordvik</h2>",
                                     "<div class='designer-name'><a href='/d/nordvik'>Nordvik</a></div>",
                                     "<span class='product-manufacturer'>Nordvik</span>"])
def test_the_brand_under_its_other_class_names(element):
    assert get(element).brand == "Nordvik"


def test_a_name_inside_a_brand_item_is_not_the_product_name():
    item = ("<div itemprop='brand' itemscope itemtype='https://schema.org/Brand'>"
            "<meta itemprop='name' content='Nordvik'></div>")
    assert get(item).name == "Trail Jacket"


def test_the_shops_logo_named_brand_in_its_home_link_is_no_brand():
    html = page().replace("<a class='logo' href='/'>Example Shop</a>",
                          "<a class='logo' href='//www.example-shop.com?ref=logo'><span class='logo__brand-name'>"
                          "Example Shop</span></a>")
    assert extract_product(html, URL).brand is None
    # the maker's logo links to the maker's page
    assert get("<a href='/brands/nordvik'><span class='brand-name'>Nordvik</span></a>").brand == "Nordvik"


ANALYTICS = [
    # a tag manager's object literal, GA's enhanced e-commerce JSON, GA4's item_brand; recommended items after it
    "<script>var tc_vars = {productBrand: 'Nordvik', productPrice: '129.00'};</script>",
    "<script>dataLayer.push({\"ecommerce\":{\"detail\":{\"products\":[{\"name\":\"Trail Jacket\",\"brand\":\"Nordvik\"}]}"
    ",\"impressions\":[{\"name\":\"Rain Hat\",\"brand\":\"Fjellrev\"}]}});</script>",
    "<script>gtag('event', 'view_item', {items: [{item_name: 'Trail Jacket', 'item_brand': 'Nordvik'}]});</script>",
]


@pytest.mark.parametrize("script", ANALYTICS)
def test_a_brand_the_scripts_name_and_the_title_holds(script):
    html = page(after=script).replace("<h1>Trail Jacket</h1>", "<h1>Nordvik Trail Jacket 2.0</h1>")
    assert extract_product(html, URL).brand == "Nordvik"


@pytest.mark.parametrize("script", ANALYTICS)
def test_a_brand_the_scripts_name_and_the_buy_box_shows(script):
    assert get("<div class='info-line'>Nordvik</div>", after=script).brand == "Nordvik"


@pytest.mark.parametrize("script", [
    *ANALYTICS,  # the page shows the name nowhere
    "<script>dataLayer.push({\"brand\": \"Fjellrev\"});</script>",  # a recommended maker the page shows elsewhere
    "<script>var labels = {brandLabel: 'Mehr von', brand_name: 'undefined'};</script>",
])
def test_a_brand_only_the_scripts_name_is_no_brand(script):
    rec = get(after="<aside class='related-products'><a href='/p/hat'>Fjellrev</a></aside>" + script)
    assert rec.brand is None


@pytest.mark.parametrize("html, brand", [
    ("<div class='pdp' data-product-brand='Nordvik'>{}</div>", "Nordvik"),
    ("<section data-brand='Nordvik'>{}</section>", "Nordvik"),
    # a recommended product's tile is not the product
    ("{}<div class='related-products'><div class='tile' data-brand='Fjellrev'><a href='/p/hat'>Hat</a></div></div>",
     None),
])
def test_a_brand_in_a_data_attribute_around_the_title(html, brand):
    block = "<div class='product-info'><h1>Trail Jacket</h1><span class='price'>€ 129,00</span></div>"
    body = page().replace("<div class='product-info'><h1>Trail Jacket</h1><span class='price'>€ 129,00</span>",
                          html.format(block) + "<div>")
    assert extract_product(body, URL).brand == brand


def test_a_brand_logo_linked_to_the_brands_page_above_the_title():
    html = page().replace("<h1>Trail Jacket</h1>", "<a href='/brands/nordvik'><img src='/l/nordvik.png' alt='Nordvik'>"
                          "</a><h1>Trail Jacket</h1>")
    assert extract_product(html, URL).brand == "Nordvik"


@pytest.mark.parametrize("attribute", ["data-test", "data-testid", "data-qa"])
def test_an_element_named_brand_for_the_shops_tests(attribute):
    """React shops name their parts in test ids, not classes."""
    link = f"<a {attribute}='@web/ProductDetailPageHeader/BrandLink' href='/b/nordvik/-/N-5q0ga'>Shop all Nordvik</a>"
    html = page().replace("<h1>Trail Jacket</h1>", link + "<h1>Trail Jacket</h1>")
    assert extract_product(html, URL).brand == "Nordvik"


@pytest.mark.parametrize("html, sku", [
    ("<div class='pdp' data-sku='TJ-100-NV'>{}</div>", "TJ-100-NV"),
    ("{}<form action='/cart/add'><button class='add-to-cart' data-product-sku='TJ-100-NV'>Add</button></form>",
     "TJ-100-NV"),
    ("<div data-sku='{{{{ product.sku }}}}'>{}</div>", None),  # an unrendered template
    ("{}<div class='related-products'><div data-sku='HAT-1'><a href='/p/hat'>Hat</a></div></div>", None),
])
def test_a_code_in_a_data_sku_attribute_around_the_title_or_on_the_buy_button(html, sku):
    block = "<div class='product-info'><h1>Trail Jacket</h1><span class='price'>€ 129,00</span></div>"
    body = page().replace("<div class='product-info'><h1>Trail Jacket</h1><span class='price'>€ 129,00</span>"
                          "<button class='add-to-cart'>Add to cart</button>", html.format(block) + "<div>")
    assert extract_product(body, URL).sku == sku


def test_a_shop_by_brand_block_is_no_brand():
    block = ("<div class='brand-list'><h3>Shop by brand</h3><a href='/brands/nordvik'>Nordvik</a>"
             "<a href='/brands/fjellrev'>Fjellrev</a></div>")
    assert get(block).brand is None
    assert get("<div class='brand-list'><a href='/brands/nordvik'>Nordvik</a> <a href='/brands/fjellrev'>Fjellrev</a>"
               "</div>").brand is None


@pytest.mark.parametrize("label", ["SKU", "Artikelnummer", "Código de producto", "商品コード"])
def test_a_label_alone_on_its_line_and_the_code_on_the_next(label):
    assert get(f"<div><strong>{label}</strong><br>AB-4471</div>").sku == "AB-4471"
    # a label ended by its line with nothing after it reads nothing from the next paragraph
    assert get(f"<div><strong>{label}</strong><br></div><p>Ships in 2-4 days</p>").sku is None


@pytest.mark.parametrize("url, box, sku", [
    # the id in the URL that the buy box's markup names is the shop's code for a page that prints none
    ("https://shop.example.com/p/90522/trail-jacket", "<form data-product-id='90522'></form>", "90522"),
    ("https://shop.example.com/p/a12878653/", "<form data-sku='A12878653'></form>", "12878653"),  # its own letter
    ("https://shop.example.com/p/playstation-ps5-145721", "<form data-id='145721'></form>", "145721"),
    # a code in the query under a code's name that the buy box prints, as it prints it
    ("https://shop.example.com/product.aspx?pn=10g-p5-3897-kl", "<p>GeForce RTX 3080 FTW3, 10G-P5-3897-KL, 10GB</p>",
     "10G-P5-3897-KL"),
    ("https://shop.example.com/product.aspx?pn=10g-p5-3897-kl", "<p>GeForce RTX 3080 FTW3</p>", None),
    # not the digits of a longer code ("90NV0GY1-M00550" in an image's name)
    ("https://shop.example.com/us/90nv0gy1-m00550-rog-ally.html",
     "<img src='https://shop.example.com/media/90NV0GY1-M00550.png' alt='Trail Jacket'>", None),
])
def test_the_urls_product_id_that_the_buy_box_names(url, box, sku):
    assert extract_product(page(box), url).sku == sku


def test_a_korean_style_number_gives_way_to_the_shops_product_number():
    main = "<ul class='product-info'><li>품번 CW2288-111</li><li>상품번호 3412345</li></ul>"
    assert get(main).sku == "3412345"
    assert get("<ul><li>품번 CW2288-111</li></ul>").sku == "CW2288-111"  # the only code printed


@pytest.mark.parametrize("main, lang, field, value", [
    # Greek writes a word's last sigma "ς": casefolding it is no reason to miss the label
    ("<ul><li>Κατασκευαστής: <a href='/m/11'>Πέτρα</a></li><li>Κωδικός Προϊόντος: PT-KRT-TAB</li></ul>", "el",
     "sku", "PT-KRT-TAB"),
    ("<ul><li>Κατασκευαστής: <a href='/m/11'>Πέτρα</a></li></ul>", "el", "brand", "Πέτρα"),
    ("<p class='ld-code'>Mã: LD-XS23-07</p>", "vi", "sku", "LD-XS23-07"),
    # a label with the code's name in brackets
    ("<table><tr><td>رقم الموديل</td><td>Z90-BLK</td></tr><tr><td>رقم المنتج (SKU)</td><td>N70123456V</td></tr>"
     "</table>", "ar", "sku", "N70123456V"),
])
def test_labels_in_greek_vietnamese_and_with_a_bracketed_name(main, lang, field, value):
    assert getattr(get(main, lang=lang), field) == value


@pytest.mark.parametrize("above, brand", [
    ("<span class='ssvlg'>Umbra</span>", "Umbra"),  # classes that say nothing: the words the title opens with
    ("<span class='badge'>New</span>", None),  # a badge is no maker
])
def test_the_line_right_above_the_title_that_opens_it(above, brand):
    html = ("<html><head><title>Umbra Dash Cam 4K Pro | Pixelhaus</title></head><body><main><div class='syyju'>"
            f"{above}<h1 class='tledu'>Umbra Dash Cam 4K Pro</h1><p class='tqitu'>CHF 189.–</p></div></main></body></html>")
    assert extract_product(html, "https://pixelhaus.example/de/product/PH-1180432").brand == brand


@pytest.mark.parametrize("main, lang, brand", [
    # PrestaShop's manufacturer block: its logo is the value, the next block's "Referencia" line is not
    ("<div class='product-manufacturer'><label class='label'>Marca</label><a href='/4_rosalba-cosmetics'>"
     "<img src='/img/m/4.jpg' class='manufacturer-logo' alt='Rosalba Cosmetics'></a></div><div class='product-reference'>"
     "<label class='label'>Referencia </label><span>VK-05</span></div>", "es", "Rosalba Cosmetics"),
    # one line of several labelled values
    ("<div class='item_desc'><p>メーカー：ソラノ模型 / 対象年齢：15才以上 / 接着剤が必要です</p></div>", "ja", "ソラノ模型"),
])
def test_a_brand_labels_value_is_its_logo_or_its_own_part_of_the_line(main, lang, brand):
    assert get(main, lang=lang).brand == brand


def test_a_brand_block_whose_label_is_for_screen_readers_only():
    main = ("<div class='price__vendor'><dt><span class='visually-hidden'>Vendor</span></dt><dd>Summit Lane</dd></div>"
            "<p class='product-single__sku'>SKU: <span>SL-TB45-SLT</span></p>")
    assert get(main).brand == "Summit Lane"


def test_a_shop_cards_official_tag_after_a_brand_label_is_no_brand():
    # "品牌官方": brand, official (the store is the brand's own): a tag, no name
    body = ("<h1>手工牛軋糖禮盒 20入</h1><span class='price'>NT$680</span><div class='lg-shop'><div>"
            "<p class='lg-shop__name'>蜜糖坊</p><p class='lg-shop__meta'>品牌官方</p></div></div>")
    assert extract_product(page(body), URL).brand is None
    assert (clean_brand("品牌：官方"), clean_brand("Official"), clean_brand("공식")) == (None, None, None)
    assert clean_brand("Official Store Co") == "Official Store Co"


def test_a_brand_direct_sale_badge_is_no_brand_and_a_two_script_name_is_its_latin_one():
    # a flagship store's "品牌直销" (brand direct sale) badge before the product's brand row, "Apple/苹果"
    body = ("<div class='slogo'><strong>苏宁易购官方旗舰店</strong><span class='flagship-icon'>"
            "<span class='flagship-icon-font'>品牌直销</span></span></div><h1>Apple/苹果 iPhone 11 智能手机</h1>"
            "<span class='tm-price'>5499.00</span><div class='tm_brandAttr'><div class='name'>品牌名称："
            "<b class='J_EbrandLogo'>Apple/苹果</b></div></div>")
    assert extract_product(page(body, lang="zh-CN"), URL).brand == "Apple"
    assert (clean_brand("品牌：直销"), clean_brand("Nike/耐克"), clean_brand("AC/DC")) == (None, "Nike", "AC/DC")


@pytest.mark.parametrize("main, brand", [
    ("", None),  # the site naming itself, and the page names no maker
    ("<ul class='specs'><li><b>Brand:</b> Apple</li></ul>", "Apple"),
])
def test_a_markup_brand_that_is_a_marketplaces_own_domain_is_no_maker(main, brand):
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Trail Jacket", "brand": "AliExpress.com",
            "offers": {"@type": "Offer", "price": "129.00", "priceCurrency": "EUR"}}
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    assert extract_product(page(main, head), "https://he.aliexpress.com/item/1005.html").brand == brand


def test_a_markup_brand_that_is_a_makers_own_domain_is_the_maker():
    # the maker's own shop names itself by its domain: the maker's name, without the domain's ending
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Trail Jacket", "brand": "Example.com",
            "offers": {"@type": "Offer", "price": "129.00", "priceCurrency": "EUR"}}
    assert get("", f"<script type='application/ld+json'>{json.dumps(data)}</script>").brand == "Example"


@pytest.mark.parametrize("maker, brand", [("<span style='display: none' itemprop='manufacturer'>LEGO&reg;</span>", "LEGO"),
                                          ("", None)])
def test_a_tag_marked_up_as_the_brand_names_no_maker(maker, brand):
    # the old LEGO shop: the first of the page's tags carries itemprop="brand"; its manufacturer is the maker
    tags = ("<dl id='tags-list'><dt id='tags-label'>Tags</dt><dd><ul id='tags'><li><a id='Exclusive' "
            "href='/en-US/Exclusives-Nav-Category'><span class='test-microdata-brand' itemprop='brand'>Exclusive</span>"
            "</a></li><li><a href='/en-US/New'>New</a></li><li><a href='/en-US/Hard-to-Find'>Hard to Find Items</a></li>"
            "</ul></dd></dl>")
    main = (f"<div itemscope itemtype='http://schema.org/Product'>{maker}<h1><span itemprop='name'>The Tumbler</span>"
            f"</h1><span class='product-price'>$199.99</span>{tags}</div>")
    assert extract_product(page().replace("<main>", f"<main>{main}").replace("<h1>Trail Jacket</h1>", ""),
                           URL).brand == brand


def test_the_header_link_to_the_shops_brand_index_names_no_brand():
    index = ("<div id='azBrandIndex'><h6><a href='/brands' class='gae-click*Global*Brand-Index*brand-index'>"
             "Alphabetical Brand Index</a></h6><a href='/brands-a'>A</a> <a href='/brands-b'>B</a></div>")
    html = page().replace("<header class='site-header'>", f"<header class='site-header'>{index}")
    html = html.replace("<h1>Trail Jacket</h1>", "<h1>Chuck Taylor Core Ox</h1><p class='product-brand'>Converse</p>")
    assert extract_product(html, URL).brand == "Converse"


def test_a_strip_of_brands_logos_names_no_brand():
    # "Top-Marken": a logo link per brand, each classed for its brand, titled "Zur Acer-Produktwelt"
    logos = "".join(f"<a class='hint fl brand_{b}' href='/{b.lower()}' title='Zur {b}-Produktwelt bei Example'></a>"
                    for b in ("Acer", "Apple", "Bose", "Canon"))
    main = f"<div id='f_topmarken'><p>Top-Marken:</p><div class='clearfix'><div id='brand'>{logos}</div></div></div>"
    assert get(main, lang="de").brand is None


def test_a_column_headers_filter_menu_is_no_labels_value():
    # "品番" (part number) heads a table column; beside it a filter menu of links: "clear selection", "3579"
    main = ("<table><thead><tr><th><div class='SortCell'><div class='SortCell__Title'>品番</div><div class='SortCell__Select'>"
            "<button type='button' class='Button--Dropdown'></button><div class='Dropdown__Menu'>"
            "<a href='/g/01429775/'>選択解除</a><a href='/g/01429775/?attr=3579'>3579</a></div></div></div></th>"
            "<th>価格</th></tr></thead><tbody><tr><td>3579</td><td>￥179</td></tr></tbody></table>")
    assert get(main, lang="ja").sku in (None, "3579")


def test_a_brand_links_lower_case_brand_word_is_no_part_of_the_name():
    body = ("<h1 class='card__title'>Beer cocktail \"Sherwood\" 0.5l</h1><div class='card__brand-link-wrap'>"
            "<a class='card__brand-link' href='/en/catalog/brand_sherwood/'>Sherwood brand</a></div>"
            "<div class='price'><span class='price__text'>980 <span class='price__currency'>AMD</span></span></div>")
    assert extract_product(page(body), URL).brand == "Sherwood"
    assert clean_brand("Lucky Brand", dom=True) == "Lucky Brand"  # a maker's name


@pytest.mark.parametrize("link, brand", [
    # a brand page's link named for what it sells: the maker the title names
    ("Hornady Ammo For Sale", "Hornady"),
    ("Federal Premium Ammo For Sale", "Federal Premium"),
    ("Hornady", "Hornady"),
])
def test_a_brand_pages_link_beside_the_title_named_for_what_it_sells(link, brand):
    html = (f"<html><head><title>Ammo | SG</title></head><body><main><div class='summary'>"
            f"<h1>250 Round Case – 9mm Luger 124 Grain XTP {brand} American Gunner Ammo</h1>"
            f"<nav class='woocommerce-breadcrumb'><a href='/manufacturer/{link.replace(' ', '').lower()}/'>{link}</a>"
            "<a href='/catalog/pistol-ammo/'>Pistol Ammo</a></nav><p class='price'>$199.00</p>"
            "<button type='submit' name='add-to-cart'>Add to cart</button></div></main></body></html>")
    assert extract_product(html, URL).brand == brand


def test_a_makers_series_is_not_its_name():
    # Best Buy's "vendor-series-name" heads the maker's product line, not the maker
    rec = get("<div class='vendor-series-identity'><h2 class='vendor-series-name heading-6'>NVIDIA GeForce RTX™ 30 "
              "Series</h2></div><div class='shop-product-brand'><a href='/brands/nvidia'>NVIDIA</a></div>")
    assert rec.brand == "NVIDIA"


@pytest.mark.parametrize("line, sku", [
    ("<p>Model #: DCD771C2 | Store SKU #: 1000123456</p>", "1000123456"),
    ("<p><span>Model # DCD771C2</span> <span>Internet #204279858</span></p>", "204279858"),
])
def test_a_big_box_stores_own_number_beside_the_makers_model_number(line, sku):
    assert get(line).sku == sku


def test_a_markup_code_printed_with_its_labels_in_brackets_and_a_search_by_brand_is_no_brand():
    html = ("<html><head><title>Frigobar Philco PH85</title></head><body><header><ul class='control-bar marca'>"
            "<li class='control-bar__item busca-marca'><a href='/Site/BuscaMarca.aspx' class='lnkPop bt'>Busca por marca"
            "</a></li></ul></header><main><div class='produto' itemscope itemtype='http://schema.org/Product'>"
            "<div class='produtoNome'><h1 class='fn name'><b itemprop='name'>Frigobar Philco PH85 – 70 Litros</b>"
            "<span itemprop='productID'> (Cód. Item 462100)</span><span> (Cód EAN 7891356046148)</span></h1>"
            "<span class='marcaProduto'>Outros produtos <a itemscope itemtype='http://schema.org/Brand' "
            "href='/Philco'><span itemprop='name'>Philco</span></a></span></div>"
            "<span class='price'>R$ 699,00</span><button class='add-to-cart'>Comprar</button></div></main></body></html>")
    rec = extract_product(html, "https://www.pontofrio.com.br/frigobar-philco-ph85-462100.html")
    assert (rec.sku, rec.brand) == ("462100", "Philco")


@pytest.mark.parametrize("text", ["Busca por marca", "Search by brand", "Suche nach Marke", "Recherche par marque"])
def test_a_search_by_brand_call_names_no_brand(text):
    assert clean_brand(text, dom=True) is None


@pytest.mark.parametrize("text, brand", [
    ("2.6kg (Approx.)", None), ("500 ml", None), ("1.5L", None),  # a quantity in the brand's slot
    ("3M", "3M"), ("2XU", "2XU"), ("7 For All Mankind", "7 For All Mankind"),
])
def test_a_quantity_is_no_brand_but_a_makers_name_with_digits_is(text, brand):
    assert clean_brand(text, dom=True) == brand


def test_a_shop_code_printed_in_brackets_after_the_title_wins_over_the_markups_offer_sku():
    ld_node = {"@context": "https://schema.org", "@type": "Product", "name": "Refrigerador Electrolux DF36A",
               "offers": [{"@type": "Offer", "sku": "504672", "price": "1849.00", "priceCurrency": "BRL",
                           "availability": "http://schema.org/InStock"}]}
    html = (f"<html><head><title>Refrigerador</title><script type='application/ld+json'>{json.dumps(ld_node)}</script>"
            "</head><body><article><header><h1 class='nome-produto'>Refrigerador Electrolux DF36A "
            "<span class='codigo-produto'>(Cód. 212979)</span></h1></header><span class='price'>R$ 1.849,00</span>"
            "<button class='comprar'>Comprar</button></article></body></html>")
    assert extract_product(html, "https://www.colombo.com.br/produto/Refrigerador-DF36A").sku == "212979"


def test_a_new_shopify_shops_default_vendor_names_no_brand():
    node = {"@context": "http://schema.org/", "@type": "ProductGroup", "brand": {"@type": "Brand", "name": "My Store"},
            "name": "TEARZ HOODIE O.C.B.", "hasVariant": [{"@type": "Product", "name": "TEARZ HOODIE O.C.B. - S",
                                                         "offers": {"@type": "Offer", "price": "3300.00",
                                                                    "priceCurrency": "UAH",
                                                                    "availability": "http://schema.org/InStock"}}]}
    html = ("<html><head><title>TEARZ HOODIE O.C.B. – TEARZ</title><meta property='og:site_name' content='TEARZ'>"
            "<meta property='og:type' content='product'>"
            f"<script type='application/ld+json'>{json.dumps(node)}</script><script>var meta = {{\"product\":"
            "{\"id\":7414840066138,\"vendor\":\"My Store\",\"type\":\"\",\"variants\":[{\"id\":41,\"price\":330000,"
            "\"name\":\"TEARZ HOODIE O.C.B. - S\"}]}};</script></head><body><main><h1>TEARZ HOODIE O.C.B.</h1>"
            "<span class='price'>₴3,300.00 UAH</span><button type='submit' name='add'>Add to cart</button></main>"
            "</body></html>")
    assert extract_product(html, "https://tearzera.store/products/tearz-hoodie-o-c-b").brand == "TEARZ"


def test_the_shops_certificate_from_the_maker_is_no_brand():
    # Morele: "<div class='product-brandcert'><a>Intel Platinium Partner</a>…" above the spec table's maker
    rec = get("<div class='product-brandcert'><a href='/info/brand/101/'>Intel Platinium Partner</a><div class='hidden'>"
              "<div class='brand-cer-detail'><div class='cer-name'>Intel Platinium Partner</div></div></div></div>"
              "<table class='spec'><tr><td>Producent</td><td><a href='/producenci/intel-101/'>Intel</a></td></tr></table>",
              lang="pl")
    assert rec.brand == "Intel"


@pytest.mark.parametrize("main, brand", [
    # Amazon's 2014 byline: "<span class='brandFrom'>from</span> <a id='brand'>Shredz</a>"
    ("<div id='brandByline_feature_div'><span class='brandFrom'>from</span> <a id='brand' href='/Shredz/b'>Shredz</a>"
     "</div>", "Shredz"),
    # an old shop's "MFG:" line; its sidebar's manufacturers box ends in a call to see them all
    ("<div><span>MFG:</span> <span>FN HERSTAL</span></div><div class='infoBox'><p id='manufacturers_option_list_p'>"
     "<a href='javascript:void(0)'>click here to see all brands we sell</a></p></div>", "FN HERSTAL"),
])
def test_a_byline_from_a_maker_and_an_abbreviated_makers_label(main, brand):
    assert get(main).brand == brand


@pytest.mark.parametrize("main, brand", [
    # Amazon's brand story: "By <a>See all Product description</a>"
    ("<h3>Brand Story</h3><p>By </p><a href='/dp/product-description/B002QYW8LW'> See all Product description</a>",
     None),
    # a button in the shop's brand colours; Best Buy's brand link styled as a button link beside "From the Manufacturer"
    ("<p class='lead'>Kolonial er Norges største matbutikk. <a class='btn btn-lg btn-brand' href='/bruker/'>Bli kunde!"
     "</a></p>", None),
    ("<a class='c-button-link c-button btn-brand-link' href='/site/brand/nvidia'>NVIDIA</a><div class='accordion'>"
     "<button class='manufacturer-trigger'><span>From the Manufacturer</span></button></div>", "NVIDIA"),
    # utility classes in the shop's colours and their shades; the maker's class beside one still names it
    ("<p class='!text-brand-04 font-bold'>Free delivery over €50</p>", None),
    ("<a class='link-txt brand-green regular-btn' href='#specs'>Check your System Compatibility</a>", None),
    ("<span class='product-brand text-brand-600'>Nordvik</span>", "Nordvik"),
    # an icon sprite's symbol named for a brand's logo (Font Awesome's "houzz-brands")
    ("<svg style='display: none'><symbol id='houzz-brands' viewBox='0 0 28 32'><title>houzz-brands</title>"
     "<path d='M17 20h-6v9h-9v-28h6z'></path></symbol></svg>", None),
])
def test_brand_words_that_name_no_maker(main, brand):
    assert get(main).brand == brand


def test_a_makers_value_unknown_in_the_shops_language_is_no_brand():
    assert get("<table class='attributes'><tr><th>Hersteller</th><td><p>unbekannt</p></td></tr></table>",
               lang="de").brand != "unbekannt"


@pytest.mark.parametrize("main, lang, field, value", [
    ("<p class='maker'>Производитель: фабрика «Мебель Урал»</p>", "ru", "brand", "Мебель Урал"),
    ("<h1>Villasukat Revontuli</h1><p class='tuotenro'>Tuotenro 10442</p>", "fi", "sku", "10442"),
    ("<table><tr><th>Vörunúmer</th><td>BR-KV18</td></tr></table>", "is", "sku", "BR-KV18"),
])
def test_a_company_kind_before_a_quoted_maker_and_a_finnish_product_number(main, lang, field, value):
    assert getattr(get(main, lang=lang), field) == value


def test_a_makers_logo_whose_file_and_alt_open_the_title_names_the_brand():
    # the alt says more than the name ("Leander seng": Leander's beds); the logo's file names the maker
    logo = ("<a href='/leander-c-6974.html' title='Leander'><img class='manufacturerImage' "
            "src='https://cdn.example/images/manufacturers/150x62/leander_logo.png' alt='Leander seng'></a>")
    rec = extract_product(page(logo).replace("<h1>Trail Jacket</h1>", "<h1>Leander Luna Ombygningssæt Til Babyseng</h1>"),
                          URL)
    assert rec.brand == "Leander"


@pytest.mark.parametrize("h1, brand", [
    ("<span>BRAUN</span> <span>Series 7 7898CC Wet and Dry Foil Shaver - Silver</span>", "BRAUN"),
    ("<span>DOLCE GUSTO</span><span>by De'Longhi Infinissima Coffee Machine - Black</span>", "DOLCE GUSTO"),
    ("<span>NEW</span> <span>Series 7 Shaver</span>", None),  # a badge
    ("<span>Series 7</span> <span>Wet and Dry Foil Shaver</span>", None),  # not in capitals: part of the name
])
def test_a_heading_of_two_parts_opening_with_the_maker_in_capitals(h1, brand):
    # Currys: the maker in capitals, then the name, each in a span of the h1
    html = page().replace("<h1>Trail Jacket</h1>", f"<h1 class='page-title'>{h1}</h1>")
    assert extract_product(html, URL).brand == brand


@pytest.mark.parametrize("icon", ["<i class='fas fa-arrows-alt handle'></i>", "<svg><title>tag</title><path d='M0 0'/></svg>",
                                  "<span class='icon icon-tag'></span>"])
def test_a_label_that_opens_with_an_icon_is_read(icon):
    # a Bitrix spec list's rows as divs, an icon before each label: the label is the icon's tail
    rows = (f"<div class='ch-item'><div class='ch-l-item'>{icon} Производитель:</div>"
            f"<div class='ch-r-item'>ПАРТНЕР</div></div>"
            f"<div class='ch-item'><div class='ch-l-item'>{icon} Артикул: AB-1120</div></div>")
    rec = get(rows, lang="ru")
    assert (rec.brand, rec.sku) == ("ПАРТНЕР", "AB-1120")
