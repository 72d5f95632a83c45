"""A garment's maker from the list of well-known makers (blog/maker_names.py): where a product's
name stops being its maker's, a maker named inside the garment's words, a retailer that is no
maker, and a link to the maker's own shop. Each case is a post written for it."""
from __future__ import annotations

import lxml.html
import pytest

from street2shop.crawler.blog.posts import extract_post


def _post(body: str):
    page = ("<html><head><title>What Maya wore in Northbound season 2 episode 3</title></head><body><article>"
            f"<h1>What Maya wore in Northbound season 2 episode 3</h1><div class='entry-content'>{body}</div>"
            "</article></body></html>")
    return extract_post(lxml.html.fromstring(page), "https://blog.example/2025/northbound-s2e3/")


@pytest.mark.parametrize("words, maker", [
    ("Kenneth Jay Lane Earrings", "Kenneth Jay Lane"),  # three words, not the usual two
    ("Converse Chuck Taylor All Star Sneakers", "Converse"),  # one word, then the model's
    ("Staud Moon Bag", "Staud"),
    ("Veronica Beard Miller Dickey Jacket", "Veronica Beard"),
    ("A.P.C. Denim Jacket", "A.P.C."),  # its own dots kept
    ("Mother The Tomcat Jeans", "Mother"),  # a name that is also a word, before a product's
])
def test_a_listed_maker_ends_where_the_list_says(words, maker):
    rec = _post(f"<h3>Maya's look</h3><p><a href='https://rstyle.me/+abc'>{words}</a></p>")
    assert [i.brand for i in rec.items] == [maker]


def test_a_boxs_brand_line_loses_its_by():
    box = ("<div class='lasso-display'><div class='lasso-badge'>Get the look for less</div><div class='lasso-box-1'>"
           "<a class='lasso-title' href='https://blog.example/recommends/breton-tee/'>Mariner Cloth Boatneck Tee</a>"
           "<div class='lasso-brand'>by Acne Studios</div></div><div class='lasso-box-2'><a class='lasso-button-1' "
           "href='https://blog.example/recommends/breton-tee/'>Buy now</a></div></div>")
    rec = _post("<p>Maya's Breton tee is Saint James: <a href='https://www.saint-james.com/p/1'>Minquiers tee</a>.</p>" + box)
    assert "Acne Studios" in {link.brand for item in rec.items for link in item.links}


def test_a_listed_maker_said_of_the_next_garment_is_not_this_ones():
    # "Wittchen" is the bag's ("a torebka to Wittchen"); the sweater's is Mohito ("jest z Mohito": is from)
    rec = _post("<p>Sweter Marty jest z Mohito (<a href='https://www.mohito.com/pl/pl/sweter-2345b'>dokładnie ten</a>), "
                "a torebka to Wittchen (<a href='https://wittchen.com/torebka-skorzana,p123456'>tu</a>).</p>")
    assert [item.brand for item in rec.items] == ["Mohito", "Wittchen"]


def test_a_listed_maker_named_after_the_model_or_inside_the_garments_words():
    rec = _post("<p>Maya carries the sac Le Chiquito de Jacquemus <a href='https://shopstyle.it/l/1'>ici</a>.</p>"
                "<p>Her tailored Whistles coat is the real star: <a href='https://shopstyle.it/l/2'>shop it</a>.</p>")
    assert [i.brand for i in rec.items] == ["Jacquemus", "Whistles"]


def test_a_retailer_is_no_maker_when_a_listed_maker_is_named():
    rec = _post("<p>Diana's trench: the Burberry Kensington Heritage Trench. "
                "Get it from <a href='https://www.net-a-porter.com/p/9'>Net-a-Porter</a>.</p>")
    assert [i.brand for i in rec.items] == ["Burberry"]


def test_a_link_to_the_makers_own_shop_through_an_affiliate_wrapper():
    href = ("https://www.awin1.com/cread.php?awinmid=11111&amp;awinaffid=9&amp;"
            "ued=https%3A%2F%2Fwww.reserved.com%2Fpl%2Fpl%2Fplaszcz-welniany-1234a")
    rec = _post(f"<h3>Claire</h3><p>Wełniany płaszcz w kolorze wielbłądzim.</p><p><a href='{href}'>Kup płaszcz</a></p>")
    assert [i.brand for i in rec.items] == ["Reserved"]


def test_a_character_with_a_makers_name_and_an_alternatives_maker_are_no_brand():
    rec = _post("<h3>Camilla</h3><p><a href='https://rstyle.me/+c1'>Shop the dress</a></p>"
                "<h3>Maya's boots</h3><p>Not identified, but these are close: "
                "<a href='https://rstyle.me/+c2'>Zara ankle boots (similar)</a></p>")
    assert [i.brand for i in rec.items] == [None, None]


def test_a_brand_element_read_whole_loses_its_label_and_unknown_is_none():
    rec = _post("<div class='item'><h4>Kat's Black Ribbed Turtleneck</h4><p class='item-brand'><strong>Brand:</strong> Vince</p>"
                "<p><a href='https://rstyle.me/+k1'>Shop</a></p></div>"
                "<div class='item'><h4>Sutton's Blue Striped Shirt</h4><p class='item-brand'><strong>Brand:</strong> Unknown</p>"
                "<p><a href='https://rstyle.me/+k2'>Shop</a></p></div>")
    assert [i.brand for i in rec.items] == ["Vince", None]
    assert [link.brand for i in rec.items for link in i.links] == ["Vince", None]  # the links' too


def test_a_listed_makers_possessive_and_a_listed_maker_before_a_sentences_first_word():
    rec = _post("<p>Serena's slouchy boots are Rag &amp; Bone’s Harrow: <a href='https://rstyle.me/+r1'>shop</a></p>"
                "<h3>Jeansen</h3><p>är Acne Studios 1977 <a href='https://rstyle.me/+r2'>här</a></p>")
    assert [i.brand for i in rec.items] == ["Rag & Bone", "Acne Studios"]


def test_a_turkish_genitive_names_the_wearer_and_a_dotted_capital_i_still_spells_a_listed_maker():
    page = ("<html><head><title>Yalı Çapkını 2. Sezon 15. Bölüm: Seyran'ın Kıyafetleri</title></head><body><article>"
            "<h1>Yalı Çapkını 2. Sezon 15. Bölüm: Seyran'ın Kıyafetleri</h1><div class='entry-content'>"
            "<p><b>Seyran</b><br>Krem triko elbise — birebir aynısı: "
            "<a href='https://www.trendyol.com/ipekyol/triko-elbise-p-77123'>İpekyol Triko Elbise</a></p>"
            "</div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/yali-capkini-2-sezon-15-bolum/")
    assert rec.characters == ["Seyran"]
    assert [i.brand for i in rec.items] == ["İpekyol"]


def test_an_alternatives_link_has_its_own_maker_and_the_exact_link_the_garments():
    rec = _post("<h3>The red plaid blazer</h3><p>It's GANNI.</p>"
                "<div class='lasso-container'><div class='lasso-badge'>Exact</div>"
                "<a class='lasso-title' href='https://blog.example/go/ganni-check-wool-blazer/'>GANNI Check Wool Blazer</a></div>"
                "<div class='lasso-container'><div class='lasso-badge'>Similar</div>"
                "<a class='lasso-title' href='https://blog.example/go/mango-check-blazer/'>Mango Checked Wool-Blend Blazer</a>"
                "</div><p>The boots are custom, so here is a similar pair: "
                "<a href='https://www.amazon.com/dp/B0BX4K2L7Q'>Similar: Steve Madden Platform Boots on Amazon</a> "
                "and <a href='https://shop.mango.com/gb/women/boots_87012345'>this one</a></p>")
    links = [(link.kind, link.brand) for item in rec.items for link in item.links]
    assert links == [("exact", "GANNI"), ("alternative", "Mango"), ("alternative", "Steve Madden"),
                     ("alternative", "Mango")]


@pytest.mark.parametrize("line, maker", [
    ("Taylor’s lilac cardigan is <a href='https://rstyle.me/+q1'>Sandy Liang (EXACT)</a>.", "Sandy Liang"),
    ("<a href='https://zozo.jp/shop/snidel/goods/81234567/'>SNIDEL｜ボリュームスリーブニットプルオーバー</a>", "SNIDEL"),
    ("【同じ】Mila Owen（ミラオーウェン）のダッフルコート → <a href='https://zozo.jp/shop/milaowen/goods/1/'>ZOZOTOWNで見る</a>",
     "Mila Owen"),
    ("정보 : 송지오옴므(SONGZIO HOMME) 자켓 <a href='https://www.musinsa.com/app/goods/1'>무신사에서 보기</a>", "송지오옴므"),
    ("深灰色双排扣西装，同款：<a href='https://detail.tmall.com/item.htm?id=6123456789'>报喜鸟官方旗舰店</a>", "报喜鸟"),
    ("これは【同じ】スウェットパーカーです → <a href='https://graphpaper-tokyo.com/products/1'>Graphpaper公式</a>",
     "Graphpaper"),
])
def test_a_makers_name_without_its_note_reading_or_official_shop_words(line, maker):
    rec = _post(f"<h3>Maya's look</h3><p>{line}</p>")
    assert [i.brand for i in rec.items] == [maker]



@pytest.mark.parametrize("body, kind, maker", [
    # the look-alike's own line: nothing is said of an exact item
    ("<p>Modèle similaire : le legging effet cuir Spanx <a href='https://www.zalando.fr/spanx-legging-1.html'>Voir</a></p>",
     "alternative", "Spanx"),
    ("<p>Modèle exact : les bottines pailletées Mellow Yellow <a href='https://www.mellowyellow.fr/b-1.html'>Voir</a></p>",
     "exact", "Mellow Yellow"),  # a colour's word may name a maker
    ("<table><tr><th>Look</th><th>Brand</th><th>Match</th><th>Shop</th></tr><tr><td>Green puff-sleeve gown</td>"
     "<td>Selkie</td><td>Similar</td><td><a href='https://selkiecollection.com/products/puff-dress'>Shop</a></td></tr>"
     "</table>", "alternative", "Selkie"),  # a table row's brand column is its linked item's
    ("<ol><li><span class='badge'>IDENTICO</span> Stivali rossi in pelle <strong>Pinko</strong> — "
     "<a href='https://www.pinko.com/it-it/stivali-1.html'>acquista qui</a></li></ol>", "exact", "Pinko"),  # no badge word
    ("<p>Eteğin markası belli değil; benzeri: <a href='https://www.koton.com/pileli-midi-etek-p'>Koton'daki bu etek</a>"
     "</p>", "alternative", "Koton"),  # a Turkish case ending after the apostrophe
])
def test_a_links_maker_from_its_own_line_row_badge_or_case_ending(body, kind, maker):
    assert [(link.kind, link.brand) for item in _post(body).items for link in item.links] == [(kind, maker)]


def test_a_look_alikes_product_card_names_its_brand():
    card = ("<div class='kg-card kg-product-card'><h4 class='kg-product-card-title'>{title}</h4>"
            "<div class='kg-product-card-description'><p><span class='produkt-label'>{label}</span></p>"
            "<p>Marke: <b>{maker}</b></p><p>Preis: {price}</p></div><a href='{href}' class='kg-product-card-button'>"
            "<span>Zum Shop</span></a></div>")
    rec = _post("<h3>Heidis Look</h3>" + card.format(title="Oversize-Blazer mit Leinen", label="Original", maker="Zara",
                                                     price="69,95 €", href="https://www.zara.com/de/de/blazer-p1.html")
                + card.format(title="Tabby Schultertasche 26", label="Ähnlich", maker="Coach", price="450 €",
                              href="https://www.zalando.de/coach-tabby-shoulder-bag-26.html"))
    assert [(link.kind, link.brand) for item in rec.items for link in item.links] == [
        ("exact", "Zara"), ("alternative", "Coach")]


@pytest.mark.parametrize("line, maker", [
    # the link's first words spell the shop it leads to: the maker's own shop
    ("Dress: <a href='https://oscar.example/p/1'>Oscar de la Renta</a>. For less: "
     "<a href='https://www.thereformation.com/products/ellery'>Reformation's Ellery dress</a>", "Reformation"),
    ("Beret: <a href='https://s.example/1'>Maison Michel</a>. Similar: "
     "<a href='https://www.kangol.com/products/furgora'>Kangol Furgora Casual</a>", "Kangol"),
    # a shop's word after the maker's name in its host ("topten10mall.com")
    ("Knit: <a href='https://s.example/1'>Acne Studios</a>. Similar: "
     "<a href='https://topten10mall.com/kr/front/product/detail.do?prdNo=MSF4KP1203'>TOPTEN10 cable knit</a>", "TOPTEN10"),
    # a retailer's name opening the link is no maker
    ("Beret: <a href='https://s.example/1'>Maison Michel</a>. Similar: "
     "<a href='https://www.zalando.de/p/1'>Zalando beret</a>", None),
])
def test_a_look_alikes_maker_spelled_by_the_shop_it_leads_to(line, maker):
    links = [link for i in _post(f"<p>{line}</p>").items for link in i.links]
    assert links[-1].kind == "alternative" and links[-1].brand == maker


def test_a_cards_brand_line_names_a_look_alikes_maker():
    rec = _post("<p>Jacket: <a href='https://s.example/1'>Acne Studios</a></p><div class='product-card'>"
                "<span class='badge'>Similar</span><a href='https://s.example/2'>Kurtka skórzana</a>"
                "<span class='card_brand'>Only</span><span class='card_price'>299 zł</span></div>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links][-1] == ("alternative", "Only")


def test_an_exact_links_words_spelling_its_shop_name_the_maker_in_full():
    rec = _post("<p>Carmy's white tee is Merz. <a href='https://www.merzbschwanen.com/products/215'>Merz b. Schwanen 215"
                "</a></p>")
    assert (rec.items[0].brand, rec.items[0].links[0].brand) == ("Merz b. Schwanen", "Merz b. Schwanen")


@pytest.mark.parametrize("line, maker", [
    # the exact link's words name the maker before its words in another script
    ("同款：<a href='https://www.pazzo.com.tw/zh-tw/market/n/21345'>PAZZO 法式碎花綁帶洋裝</a>", "PAZZO"),
    # or after a dash at its end
    ("Đúng mẫu: <a href='https://ivymoda.com/sanpham/dam-lua-xanh'>Đầm lụa xanh cổ V – IVY moda</a>", "IVY moda"),
])
def test_an_exact_links_words_that_spell_its_shop_at_either_end(line, maker):
    rec = _post(f"<p>{line}</p>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", maker)]


@pytest.mark.parametrize("link, maker", [
    ("<a href='https://www.zalando.de/selected-homme-trenchcoat-beige-se622t0ab-b11.html'>Trenchcoat von Selected Homme "
     "bei Zalando</a>", "Selected Homme"),
    ("<a href='https://www.zalando.pl/only-kurtka-skorzana-black-on321g0bx-q11.html'>Only (Zalando)</a>", "Only"),
    ("<a href='https://click.example/deeplink?murl=https%3A%2F%2Fwww.nordstrom.com%2Fs%2Fhalogen-plaid-wool-blend-coat"
     "%2F7612345'>Halogen Plaid Wool Blend Coat</a>", "Halogen"),
    ("<a href='https://www.revolve.com/norma-kamali-diane-dress/dp/NOKA-WD123/'>Norma Kamali's Diane dress</a>",
     "Norma Kamali"),
    # a name the address does not spell is none (a retailer's, a sentence's first word)
    ("<a href='https://www.nordstrom.com/s/wool-coat/7612345'>This One at Nordstrom</a>", None),
])
def test_a_look_alikes_maker_named_by_its_words_and_its_address(link, maker):
    rec = _post(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a>. Similar: {link}</p>")
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == [maker]


def test_each_card_of_a_widget_names_its_own_maker():
    widget = ("<div class='shopthepost-widget'>"
              "<a href='https://rstyle.me/+a1'><img src='/w1.jpg' alt='Puff-sleeve midi dress'>"
              "<span class='stp-brand'>Hill House Home</span></a>"
              "<a href='https://rstyle.me/+a2'><img src='/w2.jpg' alt='Pearl headband'>"
              "<span class='stp-brand'>Lele Sadoughi</span></a>"
              "<a href='https://rstyle.me/+a3'><img src='/w3.jpg' alt='Satin ballet flats'>"
              "<span class='stp-brand'>Loeffler Randall</span></a></div>")
    rec = _post(f"<h2>Shop the post</h2>{widget}")
    assert [link.brand for i in rec.items for link in i.links] == ["Hill House Home", "Lele Sadoughi", "Loeffler Randall"]


def test_the_clause_after_a_shops_link_names_the_look_alike_and_its_maker():
    # the link says only the shop; the rest of its sentence calls it a close match and names the maker
    # that the product's address spells
    rec = _post("<p>Shoes: <a href='https://www.nordstrom.com/s/sam-edelman-hazel-pointed-toe-pump/4401457'>Nordstrom"
                "</a> — the Sam Edelman Hazel is a close match to her green pumps (hers are custom).</p>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("alternative", "Sam Edelman")]
    # a sentence's full stop is no part of the name
    rec = _post("<p>Sandals: <a href='https://www.asos.com/public-desire/public-desire-strappy-sandals/prd/2041'>these"
                "</a> are a close match from Public Desire.</p>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("alternative", "Public Desire")]
    # how the worn item stands after the link says nothing of the link
    rec = _post("<p>Bag: <a href='https://www.zalora.com.ph/p/charles-keith-quilted-mini-bag-2345678'>Charles &amp; "
                "Keith sa Zalora</a> — sold out na sa ibang kulay!</p>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact"]


def test_each_shop_card_names_its_exact_items_maker_beside_its_link():
    # the brand line sits beside the card's button, not inside it; the first card's is not the second's
    row = ("<div class='shop-row'><div class='shop-card'><span class='chip'>Lookalike</span>"
           "<p class='shop-brand'>Vero Moda</p><p class='shop-name'>Gebreide trui</p>"
           "<a class='shop-btn' href='https://www.bol.com/nl/p/vero-moda-trui/9300000'>Bekijk</a></div>"
           "<div class='shop-card'><span class='chip'>Exact</span><p class='shop-brand'>Fred de la Bretoniere</p>"
           "<p class='shop-name'>Schoudertas leer cognac</p><a class='shop-btn' "
           "href='https://www.fred-de-la-bretoniere.com/nl/schoudertas-212010045.html'>Bekijk</a></div></div>")
    rec = _post(f"<h3>Anna</h3><p>Anna's trui heb ik niet kunnen vinden, maar deze van Vero Moda komt "
                f"heel dichtbij. Haar tas is wél precies te koop.</p>{row}")
    assert [link.brand for i in rec.items for link in i.links][-1] == "Fred de la Bretoniere"


def test_a_sentences_lower_case_word_is_no_makers_name():
    # "Dans le même esprit" (in the same spirit) names no Esprit
    rec = _post("<p>Les baskets : les Air Jordan 1 Mid de Nike. <a href='https://www.courir.com/fr/p/jordan-1-mid-14765'>"
                "Le modèle exact</a> <a href='https://www.courir.com/fr/p/court-vision-mid-14769'>Dans le même "
                "esprit</a></p>")
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == [None]


def test_a_brand_word_with_its_country_before_the_name():
    rec = _post("<h3>El look de Norma</h3><figure><img src='/norma.jpg' alt='Norma blusa'><figcaption>Blusa de "
                "manga globo de la marca colombiana Studio F</figcaption><a class='wp-block-button__link' "
                "href='https://www.studiof.com.co/blusa-manga-globo-blanca-123456/p'>IGUAL</a></figure>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "Studio F")]


@pytest.mark.parametrize("link, maker", [
    # the maker after the garment's words, as its own shop's host spells it
    ("<a href='https://www.celio.com/fr-fr/p/costume-slim-bleu-nuit-1148765.html'>costume bleu nuit Celio</a>", "Celio"),
    ("<a href='https://owen.vn/ao-so-mi-dai-tay-owen-ar230123.html'>Sơ mi dài tay Owen</a>", "Owen"),
    # a shop named after where it sells is no maker
    ("<a href='https://www.answear.com/p/sukienka-zielona-912345'>Ta sukienka z Answear</a>", None),
    # the words' first word, capitalised as a sentence opens, is no maker its address spells
    ("<a href='https://www.cos.com/en_gbp/women/coats/product.double-faced-wool-coat-camel.1123456001.html'>"
     "Double-faced wool coat</a>", None),
    ("<a href='https://www.aboutyou.de/p/edited/blazer-ronja-123456'>EDITED blazer Ronja</a>", "EDITED"),
    # a model's code in capitals after the maker is no part of its name
    ("<a href='https://www.zalando.se/selected-homme-slhnewcoban-stickad-troja-grey-se622q0ab-c11.html'>Selected Homme "
     "SLHNEWCOBAN stickad tröja</a>", "Selected Homme"),
])
def test_a_look_alikes_maker_last_in_its_link_spelling_its_shop(link, maker):
    rec = _post(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a>. Similar: {link}</p>")
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == [maker]


@pytest.mark.parametrize("after, maker", [
    (" by Dickies", "Dickies"),
    (" by COS, for a lot less.", "COS"),
    (" von Arket", "Arket"),
    (" from Nordstrom", None),  # the shop that sells it makes none of it
])
def test_a_look_alikes_maker_said_right_after_its_link(after, maker):
    rec = _post("<h3>Claire's coat</h3><ul><li><p><a href='https://go.shopmy.us/p-2345678'>101801 Icon coat</a> by Max "
                "Mara</p></li></ul><p>Something similar:</p><ul><li><p><a href='https://amzn.to/3vKp9Wq'>Unlined chore "
                f"coat</a>{after}</p></li></ul>")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "Max Mara"),
                                                                                ("alternative", maker)]


def _shop_box(brand: str, picture: str, title: str, shops: list[tuple[str, str]]) -> str:
    # a Rinker-style product box: one picture, a title, a credit line, a brand line and a button per shop
    buttons = "".join(f"<li><a href='{href}' rel='nofollow'>{name}</a></li>" for name, href in shops)
    return (f"<div class='rinker-box'><div class='rinker-image'><a href='{shops[0][1]}'><img src='{picture}'></a></div>"
            f"<div class='rinker-info'><div class='rinker-title'><a href='{shops[0][1]}'>{title}</a></div>"
            "<div class='credit-box'>created by&nbsp;<a href='https://oyakosodate.com/rinker/'>Rinker</a></div>"
            f"<div class='brand'>{brand}</div><ul class='rinker-links'>{buttons}</ul></div></div>")


def test_a_box_of_no_brand_line_names_the_maker_its_title_writes_after_its_reading():
    # Kaereba: the product's title "[ピエロ] Pierrot …" (its reading in brackets, then the maker), a button per shop
    item = "https://hb.afl.rakuten.co.jp/hgc/1/?pc=https%3A%2F%2Fitem.rakuten.co.jp%2Fpierrot%2Fa23%2F"
    shops = [("楽天市場", "https://hb.afl.rakuten.co.jp/hgc/1/?pc=https%3A%2F%2Fsearch.rakuten.co.jp%2Fsearch%2Fmall%2Fx%2F"),
             ("Amazon", "https://www.amazon.co.jp/gp/search?keywords=x&tag=drama-22")]
    buttons = "".join(f"<div class='shoplink'><a href='{href}'>{name}</a></div>" for name, href in shops)
    box = (f"<div class='kaerebalink-box'><div class='kaerebalink-image'><a href='{item}'><img src='https://t.example/1.jpg'>"
           f"</a></div><div class='kaerebalink-info'><div class='kaerebalink-name'><a href='{item}'>[ピエロ] Pierrot "
           "ハイウエスト タックワイドパンツ</a><div class='kaerebalink-powered-date'>posted with <a href='https://kaereba.com'>"
           f"カエレバ</a></div></div><div class='kaerebalink-link1'>{buttons}</div></div></div>")
    rec = _post(f"<h3>Maya's trousers</h3><p>Exact: <a href='https://zozo.jp/shop/fray/goods/1/'>FRAY I.D</a></p>"
                f"<p>似たアイテム</p>{box}")
    assert [link.brand for i in rec.items for link in i.links][1:] == ["Pierrot", "Pierrot", "Pierrot"]


def test_a_credits_by_names_no_maker_for_a_retailers_slug():
    # Rinker's item links carry "Rinker_i_…" in their path; "created by Rinker" is the plugin's credit
    box = _shop_box("ur's", "https://t.example/1.jpg", "Vネック ケーブルニット",
                    [("楽天市場", "https://hb.afl.rakuten.co.jp/hgc/3a2b/Rinker_i_202410221301?pc=https%3A%2F%2Fitem.rakuten.co.jp%2Furs%2F1%2F"),
                     ("Amazon", "https://www.amazon.co.jp/gp/search?keywords=x&tag=d-22")])
    rec = _post(f"<h3>Maya's knit</h3><p>Exact: <a href='https://zozo.jp/shop/fray/goods/1/'>FRAY I.D</a></p>"
                f"<p>似たアイテム</p><div class='other'><a href='https://s.example/Rinker_t_1'>Similar knit</a></div>{box}")
    assert "Rinker" not in [link.brand for i in rec.items for link in i.links]


def test_a_product_box_with_a_button_per_shop_names_each_buttons_maker_and_its_credit_is_no_item():
    box = _shop_box("SNIDEL", "https://o.imgz.jp/81234567.jpg", "フレアスリーブワンピース",
                    [("ZOZOTOWN", "https://zozo.jp/shop/snidel/goods/81234567/"),
                     ("楽天市場", "https://hb.afl.rakuten.co.jp/ichiba/3a2b/?pc=https%3A%2F%2Fitem.rakuten.co.jp%2Fs%2F1%2F")])
    rec = _post(f"<h3>Maya's dress</h3><p>The dress is by SNIDEL.</p>{box}")
    links = [(link.url, link.brand) for i in rec.items for link in i.links]
    assert links == [("https://zozo.jp/shop/snidel/goods/81234567/", "SNIDEL"),
                     ("https://hb.afl.rakuten.co.jp/ichiba/3a2b/?pc=https%3A%2F%2Fitem.rakuten.co.jp%2Fs%2F1%2F", "SNIDEL")]
    # a strip of two products' boxes: neither's brand line names the other's link
    strip = ("<div class='strip'>" + _shop_box("GU", "https://a.example/1.jpg", "ワンピース",
                                               [("GU公式", "https://www.gu-global.com/jp/ja/products/E1/")])
             + "<a href='https://s.example/other'><img src='https://a.example/2.jpg'>Another dress</a></div>")
    rec = _post(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a>.</p><p>Similar dresses:</p>{strip}")
    assert [link.brand for i in rec.items for link in i.links if link.url == "https://s.example/other"] == [None]


@pytest.mark.parametrize("card, maker", [
    # a brand line that holds its label
    ("<span class='brand'>ブランド：HYKE</span><br><a href='https://zozo.jp/shop/hyke/goods/1/'>ZOZOTOWN</a>", "HYKE"),
    # a labelled brand with the card's price on its next line
    ("<p class='info-box-text'>Marka: Koton<br>1.299 TL</p><a href='https://www.trendyol.com/koton/x-p-1'>Ürüne git</a>",
     "Koton"),
    # a labelled brand in brackets, the shop after it
    ("<p>Rain jacket (merk: Only) via <a href='https://partner.bol.com/click/click?p=2&amp;url=x'>bol.com</a></p>",
     "Only"),
])
def test_a_cards_labelled_brand_without_its_label_price_or_closing_bracket(card, maker):
    rec = _post(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a>.</p><p>Similar:</p><div class='card'>{card}</div>")
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == [maker]


def test_a_look_alikes_card_names_its_own_maker_not_the_exact_items():
    cards = ("<div class='gallery'><div class='item'><img src='/a.jpg' alt='yellow sundress'><p>The yellow sundress from "
             "the town-hall picnic</p><div><a href='https://shopstyle.it/l/cGn4T' role='button'>SHOP EXACT</a></div></div>"
             "<div class='item'><img src='/b.jpg' alt='yellow midi dress'><p>Under $40 on Amazon (brand: PRETTYGARDEN)"
             "</p><div><a href='https://amzn.to/3Wd7kPq' role='button'>SHOP SIMILAR</a></div></div></div>")
    rec = _post(f"<h2>Georgia</h2><p>Georgia's whole era is peak fashion, and this dress is the best of it.</p>{cards}")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", None),
                                                                                ("alternative", "PRETTYGARDEN")]


def test_each_shop_box_names_its_links_maker_by_the_label_after_its_bold_name():
    def box(name: str, maker: str, label: str, href: str, words: str) -> str:
        return (f"<div class='gs-acquista'><p><strong>{name}</strong> — Brand: {maker}</p>"
                f"<p>👉 {label}: <a href='{href}'>{words}</a></p></div>")
    rec = _post("<h2>La giacca di Sofia</h2><p>Sofia invece è tutta città: giacca di jeans cropped sopra un top bianco.</p>"
                + box("Giacca di jeans cropped", "Motivi", "Identica", "https://www.motivi.com/it/giacca/Q2K", "sul sito")
                + box("Giacca denim corta", "Bershka", "Simile", "https://www.zalando.it/bershka-giacca-x.html", "su Zalando"))
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "Motivi"),
                                                                                ("alternative", "Bershka")]


def test_a_link_to_a_makers_own_shop_whose_name_the_post_writes():
    rec = _post("<h3>Mel's look</h3><p>O vestido é da Cantão, e os óculos são Chilli Beans. A jaqueta parecida está "
                "na Dafiti.</p><p>Vestido: <a href='https://www.cantao.com.br/vestido-midi-linho-3020145/p'>aqui</a></p>"
                "<p>Óculos: <a href='https://www.chillibeans.com.br/oculos-de-sol-gatinho-4431/p'>comprar</a></p>"
                "<p>Jaqueta: <a href='https://www.dafiti.com.br/Jaqueta-Jeans-112.html'>ver</a> (similar)</p>"
                "<p>Bolsa: <a href='https://www.mercadolivre.com.br/bolsa/p/MLB123'>Mercado Livre</a></p>")
    brands = {link.url.split('/')[2]: link.brand for i in rec.items for link in i.links}
    assert brands == {"www.cantao.com.br": "Cantão", "www.chillibeans.com.br": "Chilli Beans",
                      "www.dafiti.com.br": None,  # a shop the post names after "na"
                      "www.mercadolivre.com.br": None}  # a marketplace


@pytest.mark.parametrize("href, maker", [
    # the maker a retailer's slug opens with, named after "by" in the post
    ("https://www.printemps.com/fr/fr/sandro-blazer-croise-en-laine-noir-3614319876543", "Sandro"),
    ("https://www.aboutyou.de/p/only-and-sons/jacke-onsmike-braun-11873344", "Only & Sons"),
    # a listed maker the post does not name
    ("https://www.therealreal.com/products/women/handbags/chanel-classic-medium-double-flap-bag-4kq2x", "Chanel"),
    # a slug that opens with no maker
    ("https://www.zalando.de/jacke-braun-11873344.html", None),
])
def test_a_look_alikes_maker_the_retailers_slug_opens_with(href, maker):
    rec = _post("<p>The blazer is by Sandro, the jacket by Only &amp; Sons, both sold out.</p>"
                f"<p>Coat: <a href='https://s.example/1'>Max Mara</a>. Similar: <a href='{href}'>here</a></p>")
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == [maker]


def test_a_cards_price_on_its_button_is_no_makers_name():
    card = ("<h2>2. 以晴的帆布托特包</h2><p>每集都出現的米白帆布托特包，在momo就買得到。</p><div class='sp-product'>"
            "<div class='sp-product__body'><span class='sp-product__tag sp-product__tag--same'>劇中同款</span>"
            "<p class='sp-product__name'>Standard 環保購物袋 帆布米白</p><a class='sp-product__buy' "
            "href='https://www.momoshop.com.tw/goods/GoodsDetail.jsp?i_code=11234567'>NT$590 momo購物網</a></div></div>")
    rec = _post(card)
    assert [link.brand for i in rec.items for link in i.links] == [None]


def test_a_call_in_vietnamese_is_no_makers_name():
    rec = _post("<dl><dt>Áo khoác da dáng dài</dt><dd><mark>Đúng mẫu</mark> Giá: 2.490.000đ · "
                "<a href='https://ivymoda.com/sanpham/ao-khoac-da-dang-dai-ms-70m8013'>Xem tại cửa hàng online</a></dd></dl>")
    assert [link.brand for i in rec.items for link in i.links] == [None]  # not "Xem" (view)


@pytest.mark.parametrize("line, maker", [
    # the exact link's own words name the maker the retailer's address spells; the garment's words did not
    ("<li><a href='https://www.zalando.se/swedish-hasbeens-tofflor-h1x11a00a-o11.html'>Swedish Hasbeens – Tofflor "
     "(exakt)</a></li>", "Swedish Hasbeens"),
    ("<p>Ilona viselte: <a href='https://www.fashiondays.hu/p/mayo-chix-szalmataska-p3819274/'>Mayo Chix "
     "szalmatáska</a> (pontosan ez).</p>", "Mayo Chix"),
    # a model's code the address spells is no maker
    ("<p>Her sunglasses, exact: <a href='https://www.noon.com/saudi-ar/rb2140-wayfarer-sunglasses/N40293817A/p/'>"
     "the RB2140 on Noon</a></p>", None),
])
def test_an_exact_links_own_words_name_its_maker(line, maker):
    rec = _post(line)
    assert [(i.brand, link.brand) for i in rec.items for link in i.links] == [(maker, maker)]


def test_a_picture_links_alt_text_names_a_listed_maker_and_title_case_words_none():
    # a shopping widget's fallback: links of one picture each, no words
    rec = _post("<p>Her wrap dress and pumps are below.</p><noscript><div class='ltk-noscript-fallback'>"
                "<a href='https://rstyle.me/+k1'><img src='https://cdn.example/1.jpg' alt='Diane von Furstenberg Tilly "
                "wrap dress in black'></a><a href='https://www.target.com/p/women-s-flutter-short-sleeve-tiered-midi-"
                "dress-universal-thread/-/A-89023451'><img src='https://cdn.example/2.jpg' alt='Flutter Sleeve Tiered "
                "Midi'></a></div></noscript>")
    assert [link.brand for i in rec.items for link in i.links] == ["Diane von Furstenberg", None]
