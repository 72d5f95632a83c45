"""Post metadata on blog themes the demo blog does not have (issue 14): the show from the
post's taxonomy or its body, season/episode from the text, characters from captions, the
exact/similar label from the words or the list around a link, the brand and the garment's
name from the block's own lines and headings.

Each page in tests/fixtures/blog_posts/ is a whole post as its theme renders it (WordPress
block and classic themes, Blogger (a theme's layout and a post written as lines), Squarespace, Ghost, Substack, an underscores-based theme with
shop buttons, a hand-made CMS with outfit tables, an editorial site with product cards, a Wix blog with a
section per character), chrome included.
"""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest

from street2shop.crawler.blog.posts import extract_post

FIXTURES = Path(__file__).parent / "fixtures" / "blog_posts"
E, A = "exact", "alternative"

#: What each page really says. items: (garment name, brand, link kinds in post order).
EXPECTED = {
    "wordpress_block_theme": dict(
        url="https://threadsonscreen.example/2025/02/every-coat-from-last-night-found/",
        show="Northbound", season=2, episode=5, characters=["Maya"],
        items=[("The Camel Wrap Coat", "Max Mara", [E, A, A]),
               ("The Chelsea Boots", "Russell & Bromley", [E, A, A])]),
    "wordpress_classic_breadcrumb": dict(
        url="https://smallscreenwardrobe.example/the-boots-everyone-asked-about/",
        show="Northbound", season=2, episode=5, characters=["Maya", "Leo"],
        items=[("Leather ankle boots", "Zara", [E, A, A]),
               ("Leo’s jumper", "Arket", [A, A, E])]),
    "blogger_contempo": dict(
        url="https://harbourstylefiles.blogspot.com/2025/03/finally-that-leather-jacket.html",
        show="Harbour Lights", season=2, episode=5, characters=["Leo"],
        items=[("Leo's Leather Jacket", "AllSaints", [E, A, A]),
               ("The White Sneakers", "Common Projects", [E])]),
    "squarespace_blog_item": dict(
        url="https://wardrobedepartment.example/journal/the-trench-that-stole-the-episode",
        show="Night Ferry", season=None, episode=5, characters=["Dana"],
        items=[("The Trench Coat", "Burberry", [E, A, A]),
               ("The Red Scarf", "Acne Studios", [E, A])]),
    "ghost_casper": dict(
        url="https://thirdact.example/three-pieces-we-cant-stop-thinking-about/",
        show="Copper Creek", season=3, episode=2, characters=["Tess"],
        items=[("Tess's Silk Blouse", "Equipment", [E, A, A]),
               ("Tess's Wide-Leg Trousers", "Toteme", [E, A, A]),
               ("Tess's gold hoops", "Mejuri", [E])]),
    "substack_newsletter": dict(
        url="https://costumenotes.substack.example/p/what-nell-wore-to-the-wedding",
        show="Saltmarsh", season=1, episode=8, characters=["Nell"],
        items=[("Nell's exact dress", "Self-Portrait", [E, A, A, A]),
               ("Nell's exact pumps", "Manolo Blahnik", [E, A])]),
    "wordpress_astra_lasso": dict(
        url="https://screenchic.example/rosas-best-looks-this-week/",
        show="The Glasshouse", season=1, episode=3, characters=["Rosa"],
        items=[("Rosa’s printed wrap dress", "Ganni", [E, A]),
               ("Rosa’s Cream Cardigan", "Sézane", [E, A, A])]),
    # a product's line above a "Buy it" button: the post names "Barbour Liddesdale", at the maker's
    # own shop (barbour.example), whose host spells the maker
    "wordpress_underscores_buttons": dict(
        url="https://seenonscreen.example/junos-green-quilted-jacket-on-the-lighthouse-keepers/",
        show="The Lighthouse Keepers", season=1, episode=4, characters=["Juno"],
        items=[("Juno's Quilted Jacket", "Barbour", [E, A, A]),
               ("Juno's Wellies", "Hunter", [E])]),
    # garments as table rows (item, brand, shop links); the episode named before the show in the title
    "custom_cms_outfit_table": dict(
        url="https://tvcloset.example/salt-flats/what-clara-wore-episode-7/",
        show="Salt Flats", season=3, episode=7, characters=["Clara"],
        items=[("Red satin slip dress", "Reformation", [E]),
               ("Gold hoop earrings", "Monica Vinader", [E, A]),
               ("Cropped denim jacket", "Levi's", [E])]),
    # product cards (brand, name, a "Shop" button; a "(dupe)" card of the same coat: its look-alike), a
    # numbered Exact/Save list; the show quoted in the title, the episode after "Every Look From"
    "editorial_product_cards": dict(
        url="https://costumeedit.example/northbound-season-2-episode-5-fashion/",
        show="Northbound", season=2, episode=5, characters=["Maya"],
        items=[("Camel Wrap Coat", "Max Mara", [E, A]),
               ("Maya's boots", "Russell & Bromley", [E, A])]),
    # Blogger's editor: the body is lines ending in <br>, one garment a line (or a line and its links'
    # line), no paragraphs; "I couldn't find the exact pair but <a>these</a> are very close"
    "blogger_simple_lines": dict(
        url="https://saltmarshwardrobe.blogspot.com/2025/04/what-nell-wore-saltmarsh-1x09.html",
        show="Saltmarsh", season=1, episode=9, characters=["Nell"],
        items=[("Coat: camel wrap coat", "Max Mara", [E, A]),
               ("Bag: tan leather tote", "Mulberry", [E]),
               ("Boots: black Chelsea boots", None, [A]),
               ("Later at the bar Nell changes into a red silk camisole", "Reformation", [E, A])]),
    # a section per character, headed by the bare name; garments named in prose links
    "wix_character_sections": dict(
        url="https://wardrobenotes.example/post/northbound-2x06-every-outfit",
        show="Northbound", season=2, episode=6, characters=["Maya", "Leo"],
        items=[("camel wrap coat", "Max Mara", [E]),
               ("Her boots", "Russell & Bromley", [E, A]),
               ("navy peacoat", "Sandro", [E])]),
}
PAGES = sorted(EXPECTED)


def _extract(name: str):
    html = (FIXTURES / f"{name}.html").read_bytes()
    return extract_post(lxml.html.fromstring(html), EXPECTED[name]["url"])


@pytest.fixture(scope="module")
def posts():
    return {name: _extract(name) for name in PAGES}


@pytest.mark.parametrize("name", PAGES)
def test_show_from_title_taxonomy_or_body(posts, name):
    # category links, breadcrumbs, "<Name>'s boots on <Show>", "in <Show> season 2"
    assert posts[name].show == EXPECTED[name]["show"]


@pytest.mark.parametrize("name", PAGES)
def test_season_and_episode_from_the_text(posts, name):
    # "Season 2, Episode 5", "S02E05", "2x05", "series 1, episode 8", "Episode 5" alone
    rec, want = posts[name], EXPECTED[name]
    assert (rec.season, rec.episode) == (want["season"], want["episode"])


@pytest.mark.parametrize("name", PAGES)
def test_characters_from_title_captions_and_garments(posts, name):
    assert posts[name].characters == EXPECTED[name]["characters"]


@pytest.mark.parametrize("name", PAGES)
def test_garment_names_from_headings_and_lead_lines(posts, name):
    assert [i.text for i in posts[name].items] == [t for t, _, _ in EXPECTED[name]["items"]]


@pytest.mark.parametrize("name", PAGES)
def test_exact_and_similar_labels(posts, name):
    # a label paragraph before a list, a list's class, "Maya's exact boots" staying exact
    assert [[link.kind for link in i.links] for i in posts[name].items] == \
        [kinds for _, _, kinds in EXPECTED[name]["items"]]


@pytest.mark.parametrize("name", PAGES)
def test_brands(posts, name):
    # "by X" lines, class="brand", a name line above "Buy", "Zara Leather Boots" link text
    assert [i.brand for i in posts[name].items] == [b for _, b, _ in EXPECTED[name]["items"]]


def test_image_links_are_not_shop_links_and_scenes_stay_scenes(posts):
    # Blogger and Substack wrap each picture in a link to the full-size file
    assert posts["blogger_contempo"].images == [
        "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhQk3/w640-h427/leo-jacket.jpg"]
    assert len(posts["substack_newsletter"].images) == 1
    assert all("image" not in link.url for i in posts["substack_newsletter"].items for link in i.links)


def test_lines_of_a_blogger_post_are_garments_each_with_its_scene(posts):
    # without regrouping its <br> lines the whole body was one block: one garment, pictures inside it
    rec = posts["blogger_simple_lines"]
    assert [i.image_index for i in rec.items] == [0, 0, 0, 1]
    assert rec.images[1].endswith("/nell-bar.jpg")


def test_a_lead_line_in_a_post_written_as_lines_names_a_scene_not_a_garment():
    rec = _inline("Blair at the White Party:<br>Yellow silk dress: Tibi (<a href='https://s.example/1'>exact</a>)<br>"
                  "Bow headband: Jennifer Ouellette <a href='https://s.example/2'>shop</a><br>")
    assert [(i.text, i.brand) for i in rec.items] == [("Yellow silk dress", "Tibi"),
                                                      ("Bow headband", "Jennifer Ouellette")]


def test_a_bold_section_name_in_a_post_written_as_lines_heads_its_garments():
    # "<b>ARIA</b>" and "<b>HANNA</b>" head their lines; the title names them both
    body = ("<b>ARIA</b><br>Floral kimono jacket - Free People - <a href='https://s.example/1'>SHOP</a><br>"
            "<span style='font-size: large;'><b>HANNA</b></span><br>Coral peplum top - Topshop - "
            "<a href='https://s.example/2'>SHOP</a><br>")
    rec = _inline("<h1>PLL 3x04 Fashion: Aria &amp; Hanna</h1>" + body)
    assert rec.characters == ["Aria", "Hanna"]
    assert [(i.text, i.brand) for i in rec.items] == [("Floral kimono jacket", "Free People"),
                                                      ("Coral peplum top", "Topshop")]


def test_the_callers_tree_is_left_as_it_was():
    tree = lxml.html.fromstring((FIXTURES / "blogger_simple_lines.html").read_bytes())
    before = lxml.html.tostring(tree)
    extract_post(tree, EXPECTED["blogger_simple_lines"]["url"])
    assert lxml.html.tostring(tree) == before


@pytest.mark.parametrize("line, maker", [
    ("Her shoes are the <a href='https://www.manoloblahnik.com/us/hangisi'>Manolo Blahnik Hangisi</a>.",
     "Manolo Blahnik"),  # the maker's own shop spells it
    ("Her shoes are the <a href='https://www.net-a-porter.com/p/1'>Corvina Blanca Hangisi</a>.",
     "Corvina Blanca Hangisi"),  # an unlisted maker at a retailer's: the product page narrows it later
    ("Her shoes are the <a href='https://www.net-a-porter.com/p/1'>Manolo Blahnik Hangisi</a>.",
     "Manolo Blahnik"),  # a listed maker's name ends where the list says (maker_names.py)
    ("And her platform boots are <a href='https://s.example/1'>Dr. Martens Jadon</a>.", "Dr. Martens"),
])
def test_the_makers_name_the_garment_is_said_to_be(line, maker):
    assert [i.brand for i in _inline(f"<p>{line}</p>").items] == [maker]


def test_a_comment_ending_a_line_is_no_word_of_it():
    body = ("<div class='post-body'>Coat: <a href='https://s.example/1'>Max Mara</a><!-- ad slot --><br>"
            "Boots:<!-- widget --><br><a href='https://s.example/2'>Zara</a><br></div>")
    rec = _inline(body)
    assert [[link.url for link in i.links] for i in rec.items] == [["https://s.example/1"], ["https://s.example/2"]]


def test_a_product_box_is_one_garment_with_its_picture(posts):
    # title, picture and button of one product box link the same page: one link, the box's image
    rec = posts["wordpress_astra_lasso"]
    assert rec.images == ["https://screenchic.example/wp-content/uploads/2025/06/rosa-greenhouse.jpg"]
    dress = rec.items[0]
    assert dress.links[0].url == "https://www.ganni.example/gb/printed-georgette-wrap-dress-F8821.html"
    assert dress.image_url == \
        "https://screenchic.example/wp-content/uploads/lasso/ganni-printed-georgette-wrap-dress.jpg"
    assert (dress.image_index, rec.items[1].image_index) == (0, 0)


def test_chrome_taxonomy_does_not_name_the_show():
    # the sidebar and menu list every show; a generic category ("TV Fashion") is no show
    page = (FIXTURES / "wordpress_classic_breadcrumb.html").read_text()
    page = page.replace('<a href="https://smallscreenwardrobe.example/shows/northbound/">Northbound</a>',
                        '<a href="https://smallscreenwardrobe.example/shows/">All shows</a>')
    rec = extract_post(lxml.html.fromstring(page), EXPECTED["wordpress_classic_breadcrumb"]["url"])
    assert rec.show is None


def test_a_tumblr_posts_tag_links_name_the_show():
    # Tumblr's tag pages are "/tagged/…" and their links read "#Northbound"
    page = ("<html><head><title>the coats everyone asked about</title></head><body><article class='post'>"
            "<h2 class='title'>the coats everyone asked about</h2><div class='body'>"
            "<p>Everyone asked about Maya's coats from Northbound, so here they are.</p>"
            "<p>Maya's camel coat: <a href='https://shop.example/p/1'>Max Mara</a></p></div>"
            "<div class='tags'><a href='https://closet.tumblr.com/tagged/Northbound'>#Northbound</a> "
            "<a href='https://closet.tumblr.com/tagged/coats'>#coats</a></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://closet.tumblr.com/post/6688123/the-coats")
    assert (rec.show, rec.characters) == ("Northbound", ["Maya"])


def test_a_show_by_its_initials_is_spelled_out_from_the_title_with_its_comma():
    rec = _titled("Goede tijden, slechte tijden: de outfits van Linda in aflevering 120",
                  "<p>In GTST droeg Linda een blazer: <a href='https://s.example/1'>Zara</a></p>")
    rec2 = extract_post(lxml.html.fromstring(
        "<html><head><title>GTST</title></head><body><article><h1>Goede tijden, slechte tijden: de outfits van Linda "
        "in aflevering 120</h1><div class='entry-content'><p>In GTST droeg Linda een blazer: "
        "<a href='https://s.example/1'>Zara</a></p><p class='tags'><a href='https://blog.example/tag/gtst/'>GTST</a>"
        "</p></div></article></body></html>"), "https://blog.example/2025/gtst-linda/")
    assert rec2.show == "Goede tijden, slechte tijden"
    assert rec.episode == 120


def test_a_seasons_roundup_by_episode_names_no_episode():
    sections = "".join(f"<h2>Episode {n}</h2><p>Maya's coat: <a href='https://s.example/{n}'>Max Mara</a></p>"
                       for n in range(1, 5))
    rec = _titled("Every Outfit Maya Wore in Northbound Season 7", sections)
    assert (rec.show, rec.season, rec.episode) == ("Northbound", 7, None)
    # a title that names a range of episodes
    rec = _titled("Northbound Season 3 Episodes 1–3: Maya's Coats", "<p>Episode 1 opens in the rain.</p>"
                  "<p>Maya's coat: <a href='https://s.example/1'>Max Mara</a></p>")
    assert (rec.show, rec.season, rec.episode) == ("Northbound", 3, None)
    # one episode's post that names another in passing keeps the episode it is about
    rec = _titled("Every Outfit Maya Wore in Northbound Season 7", "<p>Episode 4 was all about coats (after "
                  "episode 3's suits).</p><p>Maya's coat: <a href='https://s.example/1'>Max Mara</a></p>")
    assert (rec.season, rec.episode) == (7, 4)


def test_long_capitalised_text_stays_fast():
    # body phrases are matched with bounded patterns: no backtracking blow-up on odd text
    words = " ".join(["Northbound"] * 4000 + ["in"] + ["Harbour"] * 4000)
    body = f"<p>{words} season</p>" * 20 + "<p>Maya's coat is by <a href='https://shop.example/p/1'>Zara</a></p>"
    page = ("<html><head><title>x</title></head><body><article>"
            f"<div class='entry-content'>{body}</div></article></body></html>")
    start = time.perf_counter()
    extract_post(lxml.html.fromstring(page), "https://blog.example/p")
    # about 0.5 s alone on 2 cores; a backtracking blow-up on 160,000 words takes minutes. The margin
    # is for the suite's parallel workers sharing those cores.
    assert time.perf_counter() - start < 3.0


def _inline(body: str, title: str = "Post"):
    page = (f"<html><head><title>{title}</title></head><body><article>"
            f"<div class='entry-content'>{body}</div></article></body></html>")
    return extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/")


@pytest.mark.parametrize("line, brand", [
    # a marketplace sells many makers' goods: its name on the button makes none of them
    ("<p>Maya's cardigan: <a href='https://www.amazon.com/dp/B0BXYZ1234'>Amazon</a></p>", None),
    ("<p>Maya's cardigan by Prettygarden: <a href='https://www.amazon.com/dp/B0BXYZ1234'>Amazon</a></p>",
     "Prettygarden"),
    # a fast-fashion label's own shop: its name is the maker
    ("<p>Maya's earrings: <a href='https://es.shein.com/Gold-Hoop-Earrings-p-10123456.html'>Shein</a></p>", "Shein"),
    # a retailer of many makers, or the words for where the link sells, affiliate's mark and all
    ("<p>Maya's sneakers, similar: <a href='https://www.zappos.com/p/vans-old-skool/123'>Zappos</a></p>", "Vans"),
    ("<p>Mayas Stiefel, ähnlich: <a href='https://amzn.to/3XkTrAc'>Auf Amazon*</a></p>", None),
    ("<p>La veste de Maya, similaire : <a href='https://tc.example/?r=1'>Chez Inno</a></p>", None),
    ("<p>マヤのシャツ 似たアイテム <a href='https://zozo.jp/shop/x/goods/1/'>ZOZOTOWNでチェック</a></p>", None),
    # an affiliate service's name, or a word for "here", on the button
    ("<p>Jess's dress, the dupe: <a href='https://go.shopmy.us/p-4567912'>ShopMy</a></p>", None),
    ("<p>Maya's sweater, podobny: <a href='https://s.example/p/1'>Tutaj</a></p>", None),
    # ko "at LF Mall", Yahoo's shopping mall in Japanese
    ("<p>준서 코트: 👉 <a href='https://www.lfmall.co.kr/app/product/HZ1'>LF몰에서 보기</a></p>", None),
    # tr "look at it on Trendyol"
    ("<p>Maya'nın elbisesi: <a href='https://www.trendyol.com/x/elbise-p-1'>Trendyol’da İncele</a></p>", None),
    ("<p>Maya's coat: <a href='https://store.shopping.yahoo.co.jp/coen/1.html'>Yahooショッピング</a></p>", None),
    # tr "Aynısını satın al" (buy the same one) labels the link: the maker's own shop names it
    ("<p>Maya's jacket: <a href='https://www.mavi.example/erkek/ceket/p/1'>Aynısını satın al</a></p>", "Mavi"),
    # an English maker may open with a preposition
    ("<p>Maya's trousers, similar: <a href='https://www.inthestyle.com/white-trousers'>In The Style</a></p>",
     "In The Style"),
])
def test_a_marketplaces_name_on_a_link_is_no_maker(line, brand):
    assert [link.brand for item in _inline(line).items for link in item.links] == [brand]


def test_a_cards_button_saying_where_it_sells_names_no_maker():
    cards = "".join(f"<div class='tk-card'><img src='https://blog.example/{i}.jpg' alt='Janker'><div class='tk-card__body'>"
                    f"<p class='tk-card__title'>Lodenjanker, tannengrün</p><a href='{href}' class='eafl-link-button'>"
                    f"{words}</a></div></div>" for i, (href, words) in enumerate((
                        ("https://www.lodenfrey.com/de/herren/janker-gosau-30188", "Im Lodenfrey-Onlineshop*"),
                        ("https://amzn.to/3XkTrAc", "Auf Amazon*"))))
    rec = _in_language("de", "Northbound, Folge 3: Flos Janker", f"<h2>Flo</h2><p>Flos Janker:</p>{cards}")
    assert [link.brand for item in rec.items for link in item.links] == [None, None]


def _titled(title: str, body: str = "<p>Coat: <a href='https://s.example/1'>Zara</a></p>",
            url: str = "https://blog.example/2025/post/"):
    """A post whose <title> and h1 are `title`."""
    page = (f"<html><head><title>{title} | Blog</title></head><body><article><h1>{title}</h1>"
            f"<div class='entry-content'>{body}</div></article></body></html>")
    return extract_post(lxml.html.fromstring(page), url)


def test_described_lines_under_a_heading_stay_garments_of_their_own():
    # only bare links and labels join the garment a heading names; "Coat:" describes one
    rec = _inline("<h2>Maya's outfit</h2><p>Coat: <a href='https://s.example/1'>Max Mara</a></p>"
                  "<p>Boots: <a href='https://s.example/2'>Zara</a></p>")
    assert [(i.text, i.brand) for i in rec.items] == [("Coat", "Max Mara"), ("Boots", "Zara")]


def test_a_box_of_links_beside_boxes_of_one_link_each_is_one_block():
    # a pager inside the body ("Newer" and "Older" in spans, "Home" beside them) raised a KeyError
    rec = _inline("<p>Coat: <a href='https://s.example/1'>Zara</a></p><div class='pager'>"
                  "<span><a href='https://x.example/a'>Newer</a></span><span><a href='https://x.example/b'>Older</a>"
                  "</span><a href='https://x.example/all'>All posts</a></div>")
    assert [[link.url for link in i.links] for i in rec.items] == [
        ["https://s.example/1"], ["https://x.example/a", "https://x.example/b", "https://x.example/all"]]


def test_a_posts_own_widgets_are_its_content():
    # Elementor builds a post out of "elementor-widget" boxes; an LTK widget holds a post's only links
    body = ("<div class='elementor-element elementor-widget elementor-widget-text-editor'><p>Coat: "
            "<a href='https://s.example/1'>Max Mara</a></p></div>"
            "<div class='ltkwidget-widget'><div class='ltk-product'><a href='https://liketk.it/4aBc'>"
            "<div class='ltk-product-brand'>Fjell &amp; Co</div><div class='ltk-product-name'>Fair Isle Sweater</div>"
            "</a></div></div>")
    rec = _inline(body)
    assert [link.url for i in rec.items for link in i.links] == ["https://s.example/1", "https://liketk.it/4aBc"]
    assert rec.items[1].links[0].text == "Fjell & Co Fair Isle Sweater"


def test_a_body_class_on_each_paragraph_is_not_the_body():
    # Medium classes every paragraph "pw-post-body-paragraph": the body is the article holding them
    page = ("<html><head><title>Northbound 2x03: Maya's looks</title></head><body><article><section>"
            "<p class='pw-post-body-paragraph'>Maya's looks this week.</p>"
            "<p class='pw-post-body-paragraph'>Coat: <a href='https://s.example/1'>Max Mara</a></p>"
            "<p class='pw-post-body-paragraph'>Boots: <a href='https://s.example/2'>Zara</a></p>"
            "</section></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://medium.example/@me/mayas-looks-1a2b")
    assert rec.is_post and [i.brand for i in rec.items] == ["Max Mara", "Zara"]


def test_social_pages_profiles_and_home_pages_are_no_garment_links():
    rec = _inline("<p>Coat: <a href='https://s.example/p/1'>Zara</a></p>"
                  "<p>Follow me on <a href='https://www.pinterest.com/someblog'>Pinterest</a>, "
                  "<a href='https://www.instagram.com/someblog'>@someblog</a> and "
                  "<a href='https://www.shopltk.com/explore/someblog'>LTK</a>. Sets made with "
                  "<a href='https://www.polyvore.example/'>Polyvore</a>.</p>"
                  # a platform's "Follow" button goes to its sign-in page; a "shop my closet" widget
                  "<p><a href='https://medium.example/m/signin?actionUrl=%2Fsubscribe'>Follow</a></p>"
                  "<div class='widget shop-my-closet'><div class='shop-item'>"
                  "<a href='https://s.example/p/9'>Gaspard Cardigan</a></div></div>"
                  # a Tumblr mention's short link, a forum's subreddit
                  "<p>h/t <a href='https://tmblr.co/mXk2aBcD3eF4'>@paris-geller-is-right</a> and "
                  "<a href='https://www.reddit.com/r/findfashion/'>r/findfashion</a></p>"
                  # an author's page on a platform, a blog platform's tag page
                  "<p>By <a href='https://medium.com/@florbenitez.moda?source=post_page-----3f9a'>Flor</a>, more "
                  "under <a href='https://www.pixnet.net/tags/%E8%8A%B1%E9%96%8B'>#花開</a></p>"
                  # an influencer's Amazon storefront, Pinterest's "Save" and LinkedIn's share (their url= is the
                  # post's own), the series' page on a film database or an encyclopedia
                  "<p><a href='https://www.amazon.com/shop/thescreencloset'>Amazon storefront</a> "
                  "<a href='https://www.pinterest.com/pin/create/button/?url=https%3A%2F%2Fblog.example%2Fp%2F'>Save</a> "
                  "<a href='https://www.linkedin.com/sharing/share-offsite?url=https://blog.example/p/'>LinkedIn</a> "
                  "<a href='https://www.kinopoisk.ru/series/5123456/'>Кинопоиск</a> "
                  "<a href='https://en.wikipedia.org/wiki/Northbound'>Wikipedia</a></p>"
                  # where it streams in more countries, a Japanese broadcaster's show page, the blogger's own picks
                  "<p><a href='https://okko.tv/serial/teplyj-bereg'>Okko</a> <a href='https://www.vix.com/es-es/serie/x'>ViX</a> "
                  "<a href='https://megogo.net/ua/view/27712345-x.html'>MEGOGO</a> <a href='https://www.fujitv.co.jp/koigetsu/'>"
                  "公式</a> <a href='https://room.rakuten.co.jp/nana_dorama/items'>楽天ROOM</a> "
                  "<a href='https://shopmy.us/serienschrank'>ShopMy</a></p>")
    assert [[link.url for link in i.links] for i in rec.items] == [["https://s.example/p/1"]]


def test_a_shopmy_product_link_is_a_garment_link_and_its_shop_page_is_not():
    rec = _inline("<p>Blazer: <a href='https://shopmy.us/p-4411224'>Sandro blazer</a>. More in "
                  "<a href='https://shopmy.us/serienschrank'>my ShopMy shop</a></p>")
    assert [link.url for i in rec.items for link in i.links] == ["https://shopmy.us/p-4411224"]


def test_where_the_show_streams_and_keyword_pages_are_no_garment_links():
    rec = _titled("What Maya wore in Northbound season 2, episode 5", (
        "<p>Catch up on <a href='https://www.netflix.com/title/81037371'>Netflix</a> or "
        "<a href='https://tver.jp/series/srn7dhl3s2'>TVer</a>, and on the channel's own player: "
        "<a href='https://player.channel.example/programmes/northbound/'>Channel Play</a>.</p>"
        # Hatena links its keywords to their pages; a hashtag's search; a social network's bounce to a shop
        "<p><a href='https://d.hatena.ne.jp/keyword/Maya'>Maya</a>'s coat: <a href='https://s.example/p/1'>Zara</a></p>"
        "<p>Tags: <a href='https://s.weibo.com/weibo?q=%23Northbound%23'>#Northbound#</a></p>"
        "<p>Boots: <a href='https://weibo.cn/sinaurl?u=https%3A%2F%2Fitem.shop.example%2Fitem%3Fid%3D7'>Taobao</a>, "
        "bag: <a href='https://go.aff.example/click?url=https%3A%2F%2Fbags.example%2F'>Bags & Co</a></p>"))
    assert [link.url for i in rec.items for link in i.links] == [
        "https://s.example/p/1", "https://weibo.cn/sinaurl?u=https%3A%2F%2Fitem.shop.example%2Fitem%3Fid%3D7",
        "https://go.aff.example/click?url=https%3A%2F%2Fbags.example%2F"]


@pytest.mark.parametrize("title, page", [
    # a broadcaster's address spells the show's umlaut out, or its Greek in Latin letters; a show in another script
    ("Hoch über Hallstatt, Folge 3: Resis Dirndl", "https://tvthek.orf.at/profile/Hoch-ueber-Hallstatt/14920"),
    ("Τα Καλοκαίρια της Σύρου: 12ο επεισόδιο", "https://www.megatv.com/tvshows/ta-kalokairia-tis-syrou/"),
    ("【花開那年】第12集 穿搭", "https://www.tv.example/drama/%E8%8A%B1%E9%96%8B%E9%82%A3%E5%B9%B4"),
])
def test_the_shows_own_page_as_a_broadcasters_address_spells_it_is_no_garment_link(title, page):
    rec = _titled(title, f"<p>Dirndl: <a href='https://s.example/p/1'>Gottseidank</a>. "
                         f"Watch it <a href='{page}'>here</a>.</p>")
    assert [link.url for i in rec.items for link in i.links] == ["https://s.example/p/1"]


def test_a_shop_widgets_badge_beside_the_cards_brand_labels_the_link():
    # the card's spans are set side by side in the link, shown as lines by the widget's stylesheet
    rec = _inline("<p>Dress: Bec + Bridge.</p><ul class='ShopWidget_list'><li><a href='https://s.example/1'>"
                  "<span class='ShopWidget_badge'>Exact match</span><span class='ShopWidget_brand'>Bec + Bridge</span>"
                  "<span class='ShopWidget_name'>Lucia Slip Dress</span></a></li><li><a href='https://s.example/2'>"
                  "<span class='ShopWidget_badge'>Similar</span><span class='ShopWidget_brand'>Abercrombie &amp; Fitch"
                  "</span><span class='ShopWidget_name'>Satin Slip Dress</span></a></li></ul>")
    assert [(link.kind, link.text) for i in rec.items for link in i.links] == [
        ("exact", "Exact match Bec + Bridge Lucia Slip Dress"),
        ("alternative", "Similar Abercrombie & Fitch Satin Slip Dress")]


@pytest.mark.parametrize("body, kinds", [
    # the sentence before a list speaks for each of its items
    ("<p>Nous n'avons pas retrouvé le manteau, mais deux versions qui s'en approchent :</p><ul>"
     "<li>En plus abordable : <a href='https://s.example/1'>Promod, manteau long</a></li>"
     "<li>Un cran au-dessus : <a href='https://s.example/2'>Sézane, manteau Milo</a></li></ul>",
     ["alternative", "alternative"]),
    # the words right after a link call it another
    ("<p>Het vest kun je <a href='https://s.example/1'>hier exact zo bestellen</a>. Iets goedkopers? Dan is "
     "<a href='https://s.example/2'>dit vest van Even&amp;Odd</a> een prima alternatief.</p>", ["exact", "alternative"]),
    ("<p>Kurtka: <a href='https://s.example/1'>Mohito</a>. Polecamy podobną z <a href='https://s.example/2'>Only</a>"
     "</p>", ["exact", "alternative"]),
    ("<p>عباءة: <a href='https://s.example/1'>بوقيصة على أناس</a> قريبة جداً من التصميم.</p>", ["alternative"]),
    # Thai is written without spaces between words
    ("<ul><li>ตัวเดียวกันเป๊ะ : <a href='https://s.example/1'>Jaspal</a></li>"
     "<li>ตัวที่คล้ายกัน ราคาถูกกว่า : <a href='https://s.example/2'>Shopee</a></li></ul>", ["exact", "alternative"]),
    # the worn one is another (custom, from a resale seller); a price bound; Tagalog "looks like"
    ("<p>Her cardigan (hers is from a Depop seller): <a href='https://s.example/1'>this one</a>.</p>",
     ["alternative"]),
    ("<p>Loafers: <a href='https://s.example/1'>this pair</a> is a nice under-$100 option.</p>", ["alternative"]),
    ("<p>Ang blazer ni Bingo ay kamukha ng mga ito: <a href='https://s.example/1'>Zalora</a></p>", ["alternative"]),
])
def test_alternatives_said_around_a_link_or_its_list(body, kinds):
    assert [link.kind for i in _inline(body).items for link in i.links] == kinds


def test_a_section_headed_by_a_label_labels_its_plain_buttons():
    body = ("<h2>The exact pieces</h2><p>Shiv's camel coat by Max Mara. <a href='https://s.example/1'>Shop now</a></p>"
            "<p>Her boots by Gianvito Rossi. <a href='https://s.example/2'>Shop now</a></p>"
            "<h2>Get the look for less</h2><p>A camel coat from &amp; Other Stories. <a href='https://s.example/3'>Shop now"
            "</a></p><p>Boots from Uniqlo. <a href='https://s.example/4'>Shop now</a></p>"
            "<h2>Shiv's bag</h2><p>The Row's Margaux. <a href='https://s.example/5'>Shop now</a></p>")
    rec = _titled("What Shiv Roy Wore in the Succession Finale", body)
    assert [link.kind for i in rec.items for link in i.links] == ["exact", "exact", "alternative", "alternative", "exact"]
    # "Shop the look" heads exact pieces as often as look-alikes: it labels nothing by itself
    rec = _titled("What Shiv Roy Wore in the Succession Finale", "<h2>Shop the look</h2><p>Shiv's coat by Max Mara. "
                  "<a href='https://s.example/1'>Shop now</a></p>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact"]


def test_a_labels_noun_is_no_garment_of_its_own():
    # "Modèle similaire :" alone goes with the garment before it; with words after it, they name its garment
    rec = _inline("<p>Le manteau camel. Modèle exact : <a href='https://s.example/1'>Sézane</a></p>"
                  "<p>Modèle similaire : <a href='https://s.example/2'>Mango</a></p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [["exact", "alternative"]]
    rec = _inline("<ul><li>Modèle exact : la veste léopard <strong>Desigual</strong> — "
                  "<a href='https://s.example/1'>voir la veste</a></li><li>Modèle similaire : le legging effet cuir "
                  "<strong>Spanx</strong> <a href='https://s.example/2'>chez Zalando</a></li></ul>")
    assert [(i.text, [(link.kind, link.brand) for link in i.links]) for i in rec.items] == [
        ("la veste léopard Desigual", [("exact", "Desigual")]), ("le legging effet cuir Spanx", [("alternative", "Spanx")])]


@pytest.mark.parametrize("body, kinds", [
    ("<p>הז׳קט של נועה הוא של קסטרו. <a href='https://s.example/1'>הפריט המדויק – קסטרו</a> "
     "<a href='https://s.example/2'>פריט דומה – Levi's בטרמינל X</a></p>", ["exact", "alternative"]),
    ("<p>Váy lụa xanh. Đúng mẫu: <a href='https://s.example/1'>IVY moda</a> Tương tự: "
     "<a href='https://s.example/2'>Shopee</a></p>", ["exact", "alternative"]),
    ("<p>Le costume ressemble au costume Slim de Celio, une bonne alternative : <a href='https://s.example/1'>Celio</a>."
     " Ses chaussures sont les derbies exactes de <a href='https://s.example/2'>Paraboot</a>.</p>",
     ["alternative", "exact"]),
])
def test_exact_and_similar_in_hebrew_vietnamese_and_plural_french(body, kinds):
    assert [link.kind for i in _inline(body).items for link in i.links] == kinds


@pytest.mark.parametrize("body", [
    "<p>Carrie: floral maxi dress – <a href='https://s.example/1'>Erdem</a> (exact) / similar "
    "<a href='https://s.example/2'>here</a>, <a href='https://s.example/3'>here</a></p>",
    "<ul><li>Grå ullrock – <a href='https://s.example/1'>Our Legacy</a> (exakt) / liknande: "
    "<a href='https://s.example/2'>Arket</a>, <a href='https://s.example/3'>Weekday</a></li></ul>",
])
def test_the_words_after_a_links_bracketed_label_speak_for_the_links_after_it(body):
    assert [link.kind for i in _inline(body).items for link in i.links] == ["exact", "alternative", "alternative"]


def test_a_shop_the_post_strip_repeating_the_garments_links_adds_no_garments():
    rec = _inline("<p>Keeley: pink suit – <a href='https://s.example/1'>Sézane</a> (exact) / similar "
                  "<a href='https://s.example/2'>here</a></p><p>Rebecca: camel coat – <a href='https://s.example/3'>"
                  "Max Mara</a> (exact)</p><h3>Shop the post</h3><ul class='shopstyle-strip'>"
                  "<li><a href='https://s.example/1'>Sézane Lennie Jacket</a></li>"
                  "<li class='card'><a href='https://s.example/2'>Double-Breasted Pink Blazer</a><span class='card_brand'>"
                  "Mango</span></li><li><a href='https://s.example/3'>Manuela Coat</a></li></ul>")
    assert [[(link.kind, link.brand) for link in i.links] for i in rec.items] == [
        [("exact", "Sézane"), ("alternative", "Mango")], [("exact", "Max Mara")]]


def test_an_original_piece_card_is_the_exact_item():
    rec = _inline("<p>Jacke: Bogner</p><div class='card'><span class='badge'>Originalteil</span>"
                  "<a href='https://s.example/1'>Bogner Fire+Ice Daunenjacke</a></div><div class='card'>"
                  "<span class='badge'>Alternative</span><a href='https://s.example/2'>Only Daunenjacke</a></div>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact", "alternative"]


def test_in_the_same_spirit_is_a_look_alike_and_a_preposition_no_maker():
    rec = _inline("<p>Manteau : <a href='https://s.example/1'>Max Mara</a></p><p>Impossible de retrouver la casquette "
                  "exacte. <a href='https://s.example/2'>Dans le même esprit chez Sandro</a></p>")
    # (the maker after "chez" is not read yet: no maker rather than "Dans")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "Max Mara"), ("alternative", None)]


def test_hashtag_links_are_no_garment_links():
    rec = _inline("<p>Coat: <a href='https://s.example/p/1'>Zara</a></p><p>"
                  "<a href='https://section.blog.example/Search/Post?keyword=%23queen'>#눈물의여왕</a> "
                  "<a href='https://section.blog.example/Search/Post?keyword=%23coat'>#홍해인코트</a></p>")
    assert [link.url for i in rec.items for link in i.links] == ["https://s.example/p/1"]


def test_words_after_a_link_or_a_failed_search_label_it_an_alternative():
    rec = _inline("<p>Coat: camel, I couldn't find the exact one but <a href='https://s.example/1'>this</a> "
                  "is a good match</p><p>Boots: <a href='https://s.example/2'>Zara</a> "
                  "<a href='https://s.example/3'>these</a> are very close</p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [["alternative"], ["exact", "alternative"]]
    assert rec.items[0].text == "Coat: camel"


@pytest.mark.parametrize("words", ["similares aquí", "lijken erg op deze", "ça ressemble beaucoup"])
def test_similar_in_the_posts_language(words):
    rec = _inline(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a></p><p>Boots: <a href='https://s.example/2'>"
                  f"{words}</a></p>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact", "alternative"]


def test_garments_named_in_the_posts_language():
    rec = _inline("<ul><li>Pull marin à boutons – Maison Armor : <a href='https://s.example/1'>ici</a></li>"
                  "<li><strong>Dunkelgrüner Midirock</strong> (leider ausverkauft) – ähnlich: "
                  "<a href='https://s.example/2'>Plisseerock</a></li></ul>")
    assert [(i.text, i.brand, [link.kind for link in i.links]) for i in rec.items] == [
        ("Pull marin à boutons", "Maison Armor", ["exact"]),
        ("Dunkelgrüner Midirock (leider ausverkauft)", None, ["alternative"])]


def test_the_maker_opening_the_product_after_a_garments_label():
    rec = _inline("<p>Coat: Oriel Marsh wool wrap coat <a href='https://s.example/1'>shop</a></p>"
                  "<p>Slip dress – Sable &amp; Thread (sold out) <a href='https://s.example/2'>similar</a></p>"
                  "<p>Boots: black leather boots <a href='https://s.example/3'>shop</a></p>")
    assert [i.brand for i in rec.items] == ["Oriel Marsh", "Sable & Thread", None]


def test_table_rows_opening_with_a_picture_link_are_garments_of_their_own():
    # the first cell links the full-size picture: the row's words before its shop link still name it
    row = ("<tr><td><a href='https://b.example/img/{n}.jpg'><img src='https://b.example/img/{n}s.jpg'></a></td>"
           "<td>{what}</td><td><a href='https://s.example/{n}'>{shop}</a> ({kind})</td></tr>")
    rec = _inline("<table>" + row.format(n=1, what="Mint printed romper", shop="Alice + Olivia", kind="exact")
                  + row.format(n=2, what="Tan wedge sandals", shop="Steve Madden", kind="similar") + "</table>")
    assert [(i.text, [link.kind for link in i.links]) for i in rec.items] == [
        ("Mint printed romper", ["exact"]), ("Tan wedge sandals", ["alternative"])]


def test_a_tables_character_column_names_the_wearers_not_the_garments():
    rows = "".join(f"<tr><td>{who}</td><td>{what}</td><td>{brand}</td><td><a href='https://s.example/{n}'>Exact</a>"
                   "</td></tr>" for n, (who, what, brand) in enumerate([("Kelsey", "Red wrap dress", "DVF"),
                                                                        ("Liza", "Striped shirt", "Unknown")]))
    rec = _inline("<table><tr><th>Character</th><th>Item</th><th>Brand</th><th>Shop</th></tr>" + rows + "</table>")
    assert rec.characters == ["Kelsey", "Liza"]
    assert [(i.text, i.brand) for i in rec.items] == [("Red wrap dress", "DVF"), ("Striped shirt", None)]


def test_a_sentence_naming_each_garment_in_bold_before_its_links():
    rec = _inline("<p>Camille porte un <b>trench beige</b> de la marque Maison Armor (<a href='https://s.example/1'>"
                  "le modèle exact</a>), une <b>marinière</b> (<a href='https://s.example/2'>Maison Armor aussi</a>) "
                  "et Teddy's <b>tweed blazer</b>, vintage, <a href='https://s.example/3'>similaire</a>.</p>")
    assert [(i.text, i.brand, [link.kind for link in i.links]) for i in rec.items] == [
        ("trench beige", "Maison Armor", ["exact"]), ("marinière", "Maison Armor", ["exact"]),
        ("Teddy's tweed blazer", None, ["alternative"])]
    # bold labels are no garments: one garment, its exact and similar links
    rec = _inline("<p>Maya's coat: <b>Exact:</b> <a href='https://s.example/1'>Max Mara</a> "
                  "<b>Similar:</b> <a href='https://s.example/2'>Mango</a></p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [["exact", "alternative"]]


def test_the_maker_the_garment_is_said_to_be_or_a_shop_links_words():
    rec = _inline("<p>Her bag is the Chanel Classic Flap, obviously: <a href='https://s.example/1'>here</a></p>"
                  "<p>And then there is Portia. Her hat: <a href='https://s.example/2'>shop</a></p>"
                  "<p>Flannel: <a href='https://s.example/3'>Shop the Madewell flannel</a></p>")
    assert [i.brand for i in rec.items] == ["Chanel", None, "Madewell"]  # the maker, before the model's words


def test_the_maker_after_von_or_de_chez_and_not_the_wearer():
    rec = _inline("<h1>Was trägt Lena?</h1><ul><li><strong>Graue Strickjacke</strong> von Nordhav: <a href='https://s.example/1'>hier kaufen</a>"
                  "</li><li>Un <b>trench beige</b> de chez Maison Armor (<a href='https://s.example/2'>exact</a>)</li>"
                  "<li>Die Jacke von Lena: <a href='https://s.example/3'>hier</a></li></ul>")
    assert rec.characters == ["Lena"]
    assert [(i.text, i.brand) for i in rec.items] == [
        ("Graue Strickjacke", "Nordhav"), ("Un trench beige", "Maison Armor"), ("Die Jacke", None)]


@pytest.mark.parametrize("title, body, characters", [
    ("Gossip Girl 2x01: Blair and Serena in the Hamptons", "Blair's coat and Serena wore", ["Blair", "Serena"]),
    ("Get the Look: Rory", "Rory wears her uniform", ["Rory"]),
    ("Beth Dutton Outfits: Yellowstone S5E1", "Beth's coat", ["Beth Dutton"]),
    ("Succession Season 4 Episode 5: Shiv Roy’s Camel Coat", "", ["Shiv Roy"]),
    # one written as a person, the others named in the body
    ("Gossip Girl Episode 1 Outfits: Julien, Audrey &amp; Monet", "Shop Julien’s blazer. Audrey Hope – vest. Monet – suit",
     ["Julien", "Audrey", "Monet"]),
    ("Las chicas del cable T2E3: los looks de Lidia y Carlota", "", ["Lidia", "Carlota"]),
    ("Dix pour cent saison 3 épisode 2 : le look rock d’Andréa", "", ["Andréa"]),
    ("Get the Look: Dr. Priya Anand’s Gala Style", "", ["Priya Anand"]),
    ("Ginny &amp; Georgia seizoen 2 aflevering 5: de outfit van Georgia", "", ["Georgia"]),
    ("And Just Like That… Season 2, Episode 3: Every Carrie Outfit, Identified", "Carrie's coat", ["Carrie"]),
    # a part of the title that names the garments of two: their wearers, each by the genitive before the garment
    ("Yargı 2. Sezon 5. Bölüm Kıyafetleri: Ceylin’in Ceketi ve Ilgaz’ın Kabanı", "Ceylin ve Ilgaz", ["Ceylin", "Ilgaz"]),
    ("Suits Season 2 Episode 5 Outfits: Donna’s Coat and Rachel’s Dress", "Donna and Rachel", ["Donna", "Rachel"]),
    # lower-case words between the possessive and the looks; a Korean title's bracket closing after the episode
    ("Northbound: Maya's most wearable looks from this week", "Maya's coat", ["Maya"]),
    ("[노스바운드 5화] 마야 패션 정보 - 코트, 가방", "마야", ["마야"]),
    # fi: the wearers' genitives before the outfits, each name written alone in the body
    ("Lumen alla, jakso 5: Ainon ja Ilmarin asut", "Aino jakson alussa, Ilmari satamassa", ["Aino", "Ilmari"]),
    # the garments the title says are someone's, each name written again in the body (pt, vi, he)
    ("Northbound, episódio 112: o casaco da Leonor e a camisa do Vasco", "A Leonor e o Vasco", ["Leonor", "Vasco"]),
    ("Northbound tập 15: áo khoác của Thảo và sơ mi của Minh mua ở đâu?", "Thảo và Minh", ["Thảo", "Minh"]),
    ("Northbound עונה 2 פרק 5: מאיפה השמלה של נועה והחולצה של איתי?", "נועה. איתי", ["נועה", "איתי"]),
    # names before the episode they are dressed in; the show's own part still holds none
    ("Moordale Uniform Week: Maeve and Aimee in Season 3, Ep. 4", "Maeve's blazer and Aimee", ["Maeve", "Aimee"]),
    # places, and the show's part of the title, are no characters
    ("Northbound 2x05: Paris and London", "Paris was cold", []),
    ("Emily in Paris Season 3 Episode 1 Outfits", "Emily's coat", []),
])
def test_characters_named_alone_in_a_part_of_the_title(title, body, characters):
    rec = _inline(f"<h1>{title}</h1><p>{body}.</p><p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.characters == characters


def _entry(n: int) -> str:
    return (f"<div class='post-outer'><div class='post hentry'><h3 class='post-title'>Northbound 2x0{n}</h3>"
            f"<div class='post-body entry-content'><p>Maya's coat: <a href='https://s.example/{n}'>Zara</a></p>"
            "</div></div></div>")


def test_a_blogs_home_page_or_a_wordpress_page_is_not_a_post():
    # Blogger's home and label pages show whole entries, inside its "widget Blog" box
    home = f"<html><body><div class='widget Blog' id='Blog1'>{_entry(1)}{_entry(2)}</div></body></html>"
    assert not extract_post(lxml.html.fromstring(home), "https://nb.blogspot.com/").is_post
    one = f"<html><body><div class='widget Blog' id='Blog1'>{_entry(1)}</div><div class='related-posts'>" \
          f"{_entry(2)}</div></body></html>"
    assert extract_post(lxml.html.fromstring(one), "https://nb.blogspot.com/2025/01/nb-2x01.html").is_post
    page = ("<html><body><article class='post-9 page type-page hentry'><div class='entry-content'><p>Coat: "
            "<a href='https://s.example/1'>Zara</a></p></div></article></body></html>")
    assert not extract_post(lxml.html.fromstring(page), "https://blog.example/shop/").is_post
    # a block theme's single post: its body outside the entries of "More posts" below it
    more = ("<div class='wp-block-query'><ul class='wp-block-post-template'>"
            + "".join(f"<li class='wp-block-post post-{i} post type-post hentry'><h2><a href='/p{i}/'>Post {i}</a>"
                      "</h2></li>" for i in (1, 2)) + "</ul></div>")
    single = ("<html><body><main><h1>Northbound 2x05: Maya's coat</h1><div class='entry-content wp-block-post-content'>"
              "<p>Coat: <a href='https://s.example/1'>Zara</a></p></div>" + more + "</main></body></html>")
    assert extract_post(lxml.html.fromstring(single), "https://blog.example/northbound-2x05/").is_post
    # a block theme's home page: each entry holds its own excerpt
    excerpt = more.replace("</h2></li>", "</h2><div class='wp-block-post-excerpt'><p>Coat: <a href='https://s.example/1'>"
                           "Zara</a></p></div></li>")
    home = f"<html><body><main>{excerpt}</main></body></html>"
    assert not extract_post(lxml.html.fromstring(home), "https://blog.example/").is_post


def test_a_home_page_whose_theme_marks_only_its_entries_titles_is_not_a_post():
    """A Blogger theme's home: <article> cards with an "entry-title" each, no entry class."""
    cards = "".join(f"<article class='post-outer-container'><div class='post'><h3 class='post-title entry-title'>"
                    f"Northbound 2x0{n}</h3><div class='post-body'><p>Maya's coat: <a href='https://s.example/{n}'>"
                    "Zara</a></p></div></div></article>" for n in (1, 2, 3))
    # its markup and og:type say "article" as a post's would
    head = ("<head><meta property='og:type' content='article'><script type='application/ld+json'>"
            '{"@context": "http://schema.org", "@type": "BlogPosting", "headline": "Northbound 2x01"}</script></head>')
    home = f"<html>{head}<body><div class='blog-posts'>{cards}</div></body></html>"
    assert not extract_post(lxml.html.fromstring(home), "https://nb.blogspot.com/").is_post
    # one entry, and other posts' titles in a related block beside it
    one = home.replace("</article><article", "</article><div class='related-posts'><article", 1).replace(
        "</div></body>", "</div></div></body>")
    assert extract_post(lxml.html.fromstring(one), "https://nb.blogspot.com/2025/01/nb-2x01.html").is_post


@pytest.mark.parametrize("title, body, show", [
    ("Los looks de Lu en Élite (T3 E2)", "Lu lleva un vestido", "Élite"),
    ("Olivia Pope - Scandal 2x08", "Olivia's coat", "Scandal"),
    ("Keeley Jones, Ted Lasso 3x02", "Keeley Jones wore a dress", "Ted Lasso"),
    # the name before the episode is the wearer's: the show comes from elsewhere (here, the body)
    ("Elena - 2x10", "Elena wears her jacket in The Vampire Diaries season 2", "The Vampire Diaries"),
])
def test_the_show_without_the_wearer_the_title_puts_before_it(title, body, show):
    rec = _inline(f"<h1>{title}</h1><p>{body}.</p><p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.show == show


def test_a_caption_or_alt_text_that_places_a_full_name_names_the_character():
    rec = _inline("<table class='tr-caption-container'><tr><td><img src='/s1.jpg'></td></tr><tr><td class='tr-caption'>"
                  "Emily Thorne at the charity gala</td></tr></table><p>Dress: <a href='https://s.example/1'>Zara</a></p>"
                  "<p><img src='/s2.jpg' alt='Victoria Grayson in a white silk blouse'></p>"
                  "<p>Blouse: <a href='https://s.example/2'>Equipment</a></p><p>Emily's bag: "
                  "<a href='https://s.example/3'>Mulberry</a></p>")
    # "Emily" of "Emily's bag" is Emily Thorne, named as the post calls her on her own
    assert rec.characters == ["Emily", "Victoria Grayson"]
    # so is a family name alone ("Grayson's blouse")
    rec = _inline("<figure><img src='/s2.jpg' alt='Victoria Grayson in a white silk blouse'></figure>"
                  "<p>Grayson's blouse: <a href='https://s.example/2'>Equipment</a></p>")
    assert rec.characters == ["Grayson"]
    # a one-word place is no one (a two-word one, "New York at night", would read as a name)
    rec = _inline("<figure><img src='/s.jpg'><figcaption>Paris at night</figcaption></figure>"
                  "<p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.characters == []


def test_a_headings_possessive_garment_names_its_wearer():
    rec = _inline("<h3>Look 1: Carrie’s floral maxi dress</h3><p>Dress: <a href='https://s.example/1'>Oscar de la "
                  "Renta</a></p><h3>Look 2: Seema’s red dress</h3><p>Dress: <a href='https://s.example/2'>Valentino</a></p>")
    assert rec.characters == ["Carrie", "Seema"]


def test_a_place_or_a_platform_in_the_text_is_no_show():
    body = "<p>Maya's coat: <a href='https://s.example/1'>Zara</a></p>"
    assert _inline("<p>Maya's coat in Paris was great.</p>" + body).show is None
    assert _inline("<p>Maya's coat on Instagram got 2k likes.</p>" + body).show is None
    assert _inline("<p>Maya's coat on Northbound got 2k likes.</p>" + body).show == "Northbound"


def test_a_maker_opens_the_products_line_above_its_button():
    rec = _inline("<h3>Maya's boots</h3><p>Hunter Original Tall Wellington Boots</p>"
                  "<p><a href='https://s.example/1'>Shop now</a></p>")
    assert [(i.text, i.brand) for i in rec.items] == [("Maya's boots", "Hunter")]
    # a sentence above the button names no maker
    rec = _inline("<h3>Maya's boots</h3><p>Get the leather boots look for less</p>"
                  "<p><a href='https://s.example/1'>Shop now</a></p>")
    assert [i.brand for i in rec.items] == [None]


@pytest.mark.parametrize("title, show, season, episode", [
    ("Northbound Season One, Episode Five: Maya's Coat", "Northbound", 1, 5),
    ("Northbound 1x05: Maya's Coat", "Northbound", 1, 5),
    ("Northbound Ep. 5: what Maya wore", "Northbound", None, 5),
    ("Maya's Coat in Northbound Episode 4", "Northbound", None, 4),
    ("Maya's Coat on 'Northbound' S2E4", "Northbound", 2, 4),
    ("Night Shift in Paris S1E2", "Night Shift in Paris", 1, 2),  # "in" inside the show's own name
    ("Every Look From Episode 5", None, None, 5),
    ("janine's outfit in tonight's ep!!", None, None, None),  # which episode, not the show
    ("Heidis Outfit in Folge 8 – alle Infos zum Look", None, None, 8),  # an episode in any language is no show
    ("The Wild Brunch/Fashion | Gossip Girl Wiki", "Gossip Girl", None, None),  # a fan wiki's name for its show
    # the garments the title names before the show, and a dash or a word for "in"
    ("Leos stickade tröja – Northbound säsong 2 avsnitt 5", "Northbound", 2, 5),
    ("Kebaya dan Blus di Northbound Episode 3: Ini Tempat Belinya", "Northbound", None, 3),
    ("Maya's Coat in This Week's Episode", None, None, None),
    ("Every Outfit Worn by Maya in Northbound Season 2, Episode 5", "Northbound", 2, 5),
    ("Maya's Wardrobe: Northbound S2 E5", "Northbound", 2, 5),  # the show in a later part of the title
    ("Northbound (Season 2, Episode 5): Maya's Coat", "Northbound", 2, 5),
    ("Northbound Fashion: What Maya Wore (Season 2 Episode 5)", "Northbound", 2, 5),
    ("Dressed Like Maya: Northbound Season Two Episode Five", "Northbound", 2, 5),
    ("Best Fashion: What Maya Wore", None, None, None),
    ("Northbound 2&#215;06 Fashion: What Maya Wore", "Northbound", 2, 6),  # WordPress's "2×06"
    ("Northbound temporada 4 capítulo 2: la ropa de Maya", "Northbound", 4, 2),
    ("Northbound T2E5: los looks de Maya", "Northbound", 2, 5),
    ("Northbound stagione 3 episodio 7: Maya's Coat", "Northbound", 3, 7),
    ("Northbound 1x04: Maya's Thrifted Looks", "Northbound", 1, 4),
    ("Northbound Staffel 2 Folge 3: Was trägt Maya?", "Northbound", 2, 3),
    ("Northbound saison 1 épisode 6 : les tenues de Maya", "Northbound", 1, 6),
    # a show released in parts: the part before an episode is its season
    ("Northbound, partie 3 épisode 2 : le look de Maya", "Northbound", 3, 2),
    ("Northbound Part 2, Episode 4: Maya's Coat", "Northbound", 2, 4),
    ("Northbound säsong 3, avsnitt 2: alla kläder", "Northbound", 3, 2),
    ("Northbound sezon 2, odcinek 4: stylizacje", "Northbound", 2, 4),
    ("Northbound 4ª temporada, episodio 2: la ropa de Maya", "Northbound", 4, 2),
    ("Northbound s3 ep 1: Maya's Coat", "Northbound", 3, 1),
    ("ノースバウンド 第5話 マヤのコート", "ノースバウンド", None, 5), ("노스바운드 5화 마야의 코트", "노스바운드", None, 5),
    ("「ノースバウンド」第5話 マヤのコート", "ノースバウンド", None, 5),  # the show in Japanese quotes
    ("ノースバウンド シーズン2 第8話 マヤのコート", "ノースバウンド", 2, 8), ("노스바운드 시즌2 5화 마야의 코트", "노스바운드", 2, 5),
    ("北境 第2季第5集 穿搭", "北境", 2, 5), ("Northbound 2. Sezon 15. Bölüm: kıyafetler", "Northbound", 2, 15),
    # a sentence's words before the episode are no show: the post's other words name it, if any
    ("Northbound: What Maya Wore in the Season 3 Finale", None, 3, None),
    ("Northbound: os looks de Maya no episódio 3 da 2ª temporada", None, 2, 3),
    # the quoted name the looks are from is the episode's title
    ("Northbound Season 3, Episode 1 Outfits: Every Look from “Coming or Going”", "Northbound", 3, 1),
    ("Northbound 1x03 Fashion: Every Outfit from 'Poison Ivy'", "Northbound", 1, 3),
    # and so is a scene or an event of the episode the looks are from
    ("Harbour Island Series 11, Episode 20: Every Outfit From the Heart Rate Challenge", "Harbour Island", 11, 20),
    ("Northbound Season 2 Episode 5 Recap: Every Outfit From the Dinner Party", "Northbound", 2, 5),
    # a look word before the show, the sentence's article before it, a word before its Japanese or Chinese quotes
    ("Outfits Northbound – seizoen 3, aflevering 7", "Northbound", 3, 7),
    ("Stealth Wealth: What Maya Wore in the Northbound Season 4 Finale", "Northbound", 4, None),
    ("ドラマ「ノースバウンド」第5話 衣装まとめ", "ノースバウンド", None, 5), ("《北境》第2季第5集 穿搭", "北境", 2, 5),
    ("ドラマ【ノースバウンド】第5話 衣装まとめ", "ノースバウンド", None, 5),  # a genre word before the bracketed show
    # the number first, an ordinal's dot after it, before the episode's word
    ("Yalı Çapkını 58. Bölüm Seyran Kıyafetleri: Elbise ve Çanta", "Yalı Çapkını", None, 58),
    # and before the season's word: fi "2. kauden", da "2. sæson", cs "2. řada", hu "2. évad"
    ("Northbound – 2. kauden 3. jakso: vaatteet", "Northbound", 2, 3),
    ("Northbound 2. sæson, 4. afsnit: tøjet", "Northbound", 2, 4),
    ("Northbound 2. řada, 3. díl: oblečení", "Northbound", 2, 3), ("Northbound 2. évad 3. rész: ruhák", "Northbound", 2, 3),
    # the article before the episode's ordinal is no part of the show; the show after its episode's number
    ("Northbound, la sesta puntata: i look", "Northbound", None, 6),
    ("Hva hadde de på seg i episode 6 av Northbound?", "Northbound", None, 6),
    # an asadora's "第37回", el "3ος κύκλος, 12ο επεισόδιο" (and "του τρίτου κύκλου" spelled), ro "sezonul 2 episodul 9",
    # a soap's episode in the thousands, a Korean blog's tag before the quoted show
    ("【Northbound】第37回 マヤの衣装まとめ", "Northbound", None, 37),
    ("Northbound 3ος κύκλος, 12ο επεισόδιο: τα ρούχα", "Northbound", 3, 12),
    ("Northbound: το 12ο επεισόδιο του τρίτου κύκλου", None, 3, 12),
    ("Northbound, sezonul 2 episodul 9: ținutele", "Northbound", 2, 9),
    ("Northbound Episode 2,418: the wedding", "Northbound", None, 2418),
    ("[드라마 속 패션] '노스바운드' 3회, 마야의 트렌치코트", "노스바운드", None, 3),
    # the show in the brackets right before its episode (and a glued garment's word is nobody's name)
    ("[노스바운드] 7화 트렌치코트 정보", "노스바운드", None, 7),
    # a sentence ending in the quoted show
    ("Was trägt man in „Northbound“ Staffel 2, Folge 6?", "Northbound", 2, 6),
    ("Что носят в сериале «Северный ветер» 1 сезон, 3 серия", "Северный ветер", 1, 3),
    ("Modet i ”Northbound” säsong 2 avsnitt 4", "Northbound", 2, 4),
    # a wearing verb, its wearer, the show after the language's "in"; Arabic's season word ends the series' name
    ("Lo que usó Mara en Jardín de Invierno (1ª temporada, Ep. 3)", "Jardín de Invierno", 1, 3),
    ("أزياء ليلى في مسلسل بيت الياسمين الموسم الثاني الحلقة 5: الفستان", "بيت الياسمين", 2, 5),

    # a quoted name the sentence goes on after
    ("Maya's Outfits In Episode 7 Of \"Northbound\" Are Giving Podcast Girl Fall", "Northbound", None, 7),
    # a wearer's garments before the episode are no show
    ("Maya’s Kaftans and Blazers 4x07", None, 4, 7), ("Maya’s Coats, Ranked: Northbound S3E5", "Northbound", 3, 5),
    ("Maya’s Yale Wardrobe in Northbound 4.09 (and Where to Buy It Now)", "Northbound", 4, 9),
])
def test_title_forms_of_the_show_and_episode(title, show, season, episode):
    rec = _titled(title)
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)
    # in Japanese and Korean too, whose coat the title lists after its episode ("第5話 マヤのコート")
    assert rec.characters == next(([n] for n in ("Maya", "マヤ", "마야") if n in title), [])


@pytest.mark.parametrize("words, kind", [
    ("I couldn't find the exact coat Maya wears, but this one is extremely close:", "alternative"),
    ("this Sandro coat is nearly identical:", "alternative"), ("No ID yet, this is basically the same coat:",
                                                              "alternative"),
    ("ähnlich und günstiger:", "alternative"), ("une version similaire :", "alternative"),
    ("alternativa parecida:", "alternative"), ("genau dieser Mantel:", "exact"), ("le manteau exacte :", "exact"),
    ("liknande kappa:", "alternative"), ("podobna z Mohito:", "alternative"), ("agotado, prueba este:", "alternative"),
    ("a more affordable version:", "alternative"), ("似ているアイテム：", "alternative"), ("유사 제품:", "alternative"),
    ("sieht fast gleich aus:", "alternative"),
    ("close-up of the coat, the exact one:", "exact"),
    ("the original is costume stock, but these are great matches:", "alternative"),
    ("Love this look but not the price?", "alternative"),
    ("mirip banget:", "alternative"), ("Budgetalternativ:", "alternative"), ("похожий, от Baon:", "alternative"),
    ("[คล้าย]", "alternative"), ("【似てる】", "alternative"), ("Igualzinho:", "exact"), ("Inspiração:", "alternative"),
    # a badge's "Swap", "looks identical" said of a look-alike, "quasi identico", fi / el / ko / es words for one
    ("Swap", "alternative"), ("these look identical at a distance:", "alternative"),
    ("Quasi identico nel colore:", "alternative"), ("≈ Halvempi pellavapaita:", "alternative"),
    ("ΠΑΡΟΜΟΙΟ:", "alternative"), ("닮은꼴 아이템으로", "alternative"), ("estas se le parecen muchísimo:", "alternative"),
    ("Il capo originale:", "exact"), ("Aynısını buradan alabilirsiniz:", "exact"),
    ("Το ίδιο κομμάτι:", "exact"), ("✔ така сама:", "exact"), ("≈ схожа:", "alternative"),
])
def test_words_before_a_link_label_it_in_several_languages(words, kind):
    rec = _inline(f"<p>Maya's coat: {words} <a href='https://s.example/1'>Max Mara</a></p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [[kind]]


def test_the_wearers_the_address_names_after_the_show_are_no_part_of_it():
    body = ("<h2>Maya</h2><p>Maya's coat: <a href='https://s.example/1'>Max Mara</a></p>"
            "<h2>Leo</h2><p>Leo's boots: <a href='https://s.example/2'>Blundstone</a></p>")
    rec = _titled("Hva hadde Maya og Leo på seg?", body, url="https://blog.example/northbound-maya-leo-episode-6/")
    assert (rec.show, rec.episode, sorted(rec.characters)) == ("Northbound", 6, ["Leo", "Maya"])
    # the title's show after its episode's number, over the wearer the address names
    rec = _titled("Hva hadde Maya på seg i episode 6 av Northbound?", "<h2>Maya</h2><p>Kåpe: "
                  "<a href='https://s.example/1'>Max Mara</a></p>", url="https://blog.example/maya-episode-6/")
    assert (rec.show, rec.episode) == ("Northbound", 6)


@pytest.mark.parametrize("title", ["Gannet Cove: what Margo wore to the lobster supper",
                                   "Gannet Cove: Margo and Dev's lobster supper looks"])
def test_the_titles_part_before_the_wearers_is_the_show_the_post_writes_again(title):
    body = ("<h3>Season 1, Episode 5. The fisherman sweater and Dev's boots.</h3>"
            "<p>Back to Gannet Cove: episode 4 was all rain; episode 6 airs Sunday.</p>"
            "<h2>Margo</h2><p>Sweater: <a href='https://s.example/1'>Aran Woollen Mills</a></p>"
            "<h2>Dev</h2><p>Boots: <a href='https://s.example/2'>Blundstone</a></p>")
    rec = _titled(title, body)
    # the one episode its subtitle names, though the body names others
    assert (rec.show, rec.season, rec.episode) == ("Gannet Cove", 1, 5)
    # not a part the post never writes again, nor an episode's name
    assert _titled(title, body.replace("Back to Gannet Cove", "Back again")).show is None
    assert _titled("Épisode 9 : où trouver les tenues de Margo et Dev", body).show != "Épisode 9"


def test_a_shows_name_with_a_lowercase_connector_in_the_body():
    body = ("<p>Wat een aflevering! In seizoen 2 van Zomer in Zeeland zit het weer eindelijk eens tegen.</p>"
            "<p>Noors regenjas: <a href='https://s.example/1'>Rains</a></p>")
    assert _in_language("nl", "Noors gele regenjas uit aflevering 6", body).show == "Zomer in Zeeland"


@pytest.mark.parametrize("title, show", [("Ines & Callum: Every Look From Episode Seven", None),
                                         ("What Ines and Callum wear in Low Tide (so far)", "Low Tide")])
def test_the_wearers_listed_before_their_looks_are_no_show(title, show):
    body = ("<h2>Ines</h2><p>Ines's sweater: <a href='https://s.example/1'>Arket</a></p>"
            "<h2>Callum</h2><p>Callum's boots: <a href='https://s.example/2'>Blundstone</a></p>")
    rec = _titled(title, body)
    assert (rec.show, rec.characters) == (show, ["Ines", "Callum"])


def test_a_contraction_is_no_wearer_and_a_call_to_shop_or_an_age_is_no_part_of_a_name():
    rec = _inline("<p>Emily wears a fluffy pink bucket hat. It&#8217;s the <a href='https://s.example/1'>Kangol "
                  "Furgora</a>.</p>")
    assert "It" not in rec.characters
    rec = _inline("<h2>Shop Mel&#8217;s Outfit</h2><p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.characters == ["Mel"]
    rec = _inline("<h2>Teen Shauna's Look</h2><p>Coat: <a href='https://s.example/1'>Zara</a></p>"
                  "<h2>Adult Shauna's Look</h2><p>Coat: <a href='https://s.example/2'>Mango</a></p>")
    assert rec.characters == ["Shauna"]


def test_a_lead_sentence_or_a_heading_of_five_words_labels_the_list_below_it():
    items = ("<ul><li><a href='https://s.example/5'>Cable knit cardigan</a></li><li><a href='https://s.example/6'>"
             "Chunky cardigan</a></li></ul>")
    lead = "<p>Rory layers a cream cardigan over her uniform. It is costume stock, but these are great matches:</p>"
    rec = _inline(lead + items)
    assert [link.kind for i in rec.items for link in i.links] == [A, A]
    assert [link.kind for i in _inline(lead.replace("great matches", "her looks") + items).items
            for link in i.links] == [E, E]
    rec = _inline("<p><strong>Boots:</strong> <a href='https://s.example/1'>Blundstone 500</a></p>"
                  "<h2>Get the Look for Less</h2>" + items)
    assert [link.kind for i in rec.items for link in i.links] == [E, A, A]


@pytest.mark.parametrize("line, kinds", [
    ("<a href='https://s.example/1'>Max Mara</a> (exact), <a href='https://s.example/2'>Zara</a> (similar)", [E, A]),
    ("<a href='https://s.example/1'>Max Mara</a> (similar), <a href='https://s.example/2'>Zara</a> (exact)", [A, E]),
    # how the exact item stands is no label of its link
    ("<a href='https://s.example/1'>Max Mara</a> (sold out), similar: <a href='https://s.example/2'>Zara</a>", [E, A]),
])
def test_a_label_in_brackets_right_after_a_link_is_that_links(line, kinds):
    rec = _inline(f"<p>Maya's coat: {line}</p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [kinds]


def test_a_characters_garment_on_a_line_of_its_own_names_the_links_below():
    rec = _inline("<p>Maya's coat</p><p><a href='https://s.example/1'>Max Mara</a></p>"
                  "<p>Maya's boots</p><p>Dupe: <a href='https://s.example/2'>Zara boots</a></p>")
    assert [(i.text, [link.kind for link in i.links]) for i in rec.items] == [("Maya's coat", [E]),
                                                                              ("Maya's boots", [A])]


def test_a_sentence_whose_links_each_name_a_garment_is_a_garment_a_link():
    rec = _inline("<p>In the opening scene, Maya wears a <a href='https://s.example/1'>Sandro blazer</a> with "
                  "<a href='https://s.example/2'>Frame jeans</a>.</p>")
    assert [(i.text, i.brand, [link.kind for link in i.links]) for i in rec.items] == [
        ("blazer", "Sandro", [E]), ("jeans", "Frame", [E])]  # the maker is the brand, not the name
    # one garment's shops, or one garment and its look-alike, stay one garment
    rec = _inline("<p>Maya's coat is from <a href='https://s.example/1'>Net-a-Porter</a> or "
                  "<a href='https://s.example/2'>Matches</a>.</p>")
    assert len(rec.items) == 1
    rec = _inline("<p>Maya's <a href='https://s.example/1'>Sandro blazer</a>, similar: "
                  "<a href='https://s.example/2'>Mango jacket</a>.</p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [[E, A]]


@pytest.mark.parametrize("body, brands", [
    ("<ul><li><a href='https://s.example/1'>Blazer</a> – Sandro</li>"
     "<li><a href='https://s.example/2'>Jeans</a> – Frame, in indigo</li></ul>", ["Sandro", "Frame"]),
    ("<p><strong>Blazer:</strong> Sandro (<a href='https://s.example/1'>shop</a>)</p>", ["Sandro"]),
    # the garment's line names the maker after a dash or colon, before the link
    ("<p><strong>Blazer – Sable &amp; Thread</strong> <a href='https://s.example/1'>Exact</a></p>",
     ["Sable & Thread"]),
    ("<p>Blazer - Dustline Denim. <a href='https://s.example/1'>EXACT</a></p>", ["Dustline Denim"]),
    ("<p><strong>Blazer – Sold Out</strong> <a href='https://s.example/1'>Exact</a></p>", [None]),
])
def test_the_maker_after_the_garments_label_or_after_a_dash_behind_the_link(body, brands):
    items = _inline(body).items
    assert [i.brand for i in items] == brands
    assert items[0].text == "Blazer"  # the maker is the brand, not part of the garment's name


def test_a_legends_symbols_label_the_links_and_those_without_the_symbol_are_the_other_kind():
    rows = "".join(f"<tr><td>Maya</td><td>{g}</td><td><a href='https://s.example/{i}'>{w}</a></td></tr>"
                   for i, (g, w) in enumerate((("Waxed jacket", "★ Barbour"), ("Waxed jacket", "Joules"),
                                               ("Boots", "Blundstone"), ("Gloves", "★ Dents"))))
    body = ("<blockquote><p><strong>★ = exact</strong> (confirmed by the costume designer). Everything without a star "
            f"is a similar pick, not the actual piece.</p></blockquote><table>{rows}</table>"
            "<p>🎯 <a href='https://s.example/9'>Makia Island Shirt</a></p><p><small>🎯 = the same item</small></p>")
    rec = _titled("What Maya wears in Northbound", body)
    assert [link.kind for i in rec.items for link in i.links] == [E, A, A, E, E]


def test_substacks_body_inside_its_post_header_left_open():
    page = ("<html><head><title>Palm Court, Ep. 7: Jules's linen era</title><meta property='og:type' content='article'>"
            "</head><body><div class='single-post'><div class='post-header'><article class='typography newsletter-post "
            "post'><h1 class='post-title'>Palm Court, Ep. 7: Jules's linen era</h1><div class='available-content'>"
            "<div class='body markup'><h2>Jules</h2><p>Jules's shirt is the Frankie Shop Lui.</p><ul><li><p>"
            "<a href='https://go.shopmy.us/p-4471823'>The Frankie Shop Lui linen shirt</a> (exact)</p></li><li><p>"
            "<a href='https://go.shopmy.us/p-4471830'>J.Crew relaxed linen shirt</a> (similar)</p></li></ul></div></div>"
            "</article></div></div></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://costumedept.substack.com/p/palm-court-ep-7")
    assert (rec.is_post, [link.kind for i in rec.items for link in i.links]) == (True, [E, A])


def test_a_heading_that_is_only_a_label_labels_the_cards_under_it():
    rec = _inline("<p>Shop it: <a href='https://s.example/1'>Max Mara</a></p><div class='shop-the-look'>"
                  "<h4>Shop similar</h4><div class='card'><a href='https://s.example/2'>Mango Coat</a><span>€89</span>"
                  "</div><div class='card'><a href='https://s.example/3'>Zara Coat</a><span>€69</span></div></div>")
    assert [[link.kind for link in i.links] for i in rec.items] == [[E, A, A]]


def test_a_list_items_heading_that_opens_with_its_label_labels_its_link():
    # a listicle: each item a numbered heading, a picture and a "Get it from …" link
    rec = _inline("<div class='item'><h2><span>1.</span> <span>Maya's exact leather blazer</span></h2>"
                  "<p><a href='https://s.example/1'>Get it from The Frankie Shop for $425.</a></p></div>"
                  "<div class='item'><h2><span>2.</span> <span>A similar chunky knit, since Maya's sweater is vintage"
                  "</span></h2><p><a href='https://s.example/2'><img src='/knit.jpg' alt=''></a></p><p>Promising review: "
                  "\"So cozy.\"</p><p><a href='https://s.example/2'>Get it from Amazon for $38.99.</a></p></div>")
    assert [link.kind for i in rec.items for link in i.links] == [E, A]


def test_a_strips_own_header_with_a_label_heading_labels_its_cards():
    # the strip's header ("sts-header") is no page header: it holds a heading and no link
    rec = _inline("<p>Shop it: <a href='https://s.example/1'>Max Mara</a></p><section class='shop-the-story'>"
                  "<div class='sts-header'><span class='sts-label'>Shop the story</span><h3 class='sts-title'>"
                  "I capi simili</h3></div><div class='sts-product'><a href='https://s.example/2'><div>Only</div>"
                  "<div>Giacca biker</div><span>Acquista</span></a></div><div class='sts-product'>"
                  "<a href='https://s.example/3'><div>Guess</div><div>Top in maglia</div><span>Acquista</span></a>"
                  "</div></section>")
    assert [[link.kind for link in i.links] for i in rec.items] == [[E, A, A]]


def test_a_look_alike_of_the_same_garment_joins_it_another_garment_does_not():
    cards = ("<div class='card'><p>Max Mara camel coat</p><a href='https://s.example/1'>Shop</a></div>"
             "<div class='card'><p>Mango wrap coat (dupe)</p><a href='https://s.example/2'>Shop</a></div>"
             "<div class='card'><p>Zara ankle boots (similar)</p><a href='https://s.example/3'>Shop</a></div>")
    rec = _inline(cards)
    # the listed maker opening the exact one's words is its brand; an alternative's is no garment's
    assert [(i.text, i.brand, [link.kind for link in i.links]) for i in rec.items] == [
        ("camel coat", "Max Mara", [E, A]), ("Zara ankle boots", None, [A])]


def test_a_numbered_look_and_a_cheaper_version():
    rec = _inline("<h3>1. Maya's camel coat</h3><p><a href='https://s.example/1'>Buy it here</a></p>"
                  "<h3>2. Leo's leather jacket</h3><p><a href='https://s.example/2'>Shop the exact jacket</a> / "
                  "<a href='https://s.example/3'>Shop a cheaper version</a></p>")
    assert [(i.text, [link.kind for link in i.links]) for i in rec.items] == [
        ("Maya's camel coat", [E]), ("Leo's leather jacket", [E, A])]


@pytest.mark.parametrize("headings, body, characters", [
    (("Maya's Look", "Leo's Outfit"), "", ["Maya", "Leo"]),
    (("Maya (Jane Doe)", "Leo (John Roe)"), "", ["Maya", "Leo"]),
    # a bare name counts where the post also writes it as a person
    (("Maya", "Leo"), "<p>Maya spent the episode in camel; Leo kept it simple.</p>", ["Maya", "Leo"]),
    (("Maya", "Leo"), "<p>Everything from the episode.</p>", []),
    (("Paris", "London"), "<p>The scenes in Paris and London.</p>", []),
    (("Outerwear", "Shoes"), "<p>Shoes wore out fast.</p>", []),
    # in another language ("Maya trägt", "Maya lleva")
    (("Maya", "Leo"), "<p>Maya trägt Kamel, Leo trug Schwarz.</p>", ["Maya", "Leo"]),
    # no heading names them, the prose does
    (("Outerwear", "Knitwear"), "<p>Maya wears a camel coat. Meanwhile Leo wears a peacoat.</p>", ["Maya", "Leo"]),
    (("Outerwear", "Knitwear"), "<p>She wears it well. Everyone wears coats.</p>", []),
    # a button-down and a set are garments too
    (("Maya’s sheer button-down", "Leo’s linen set"), "", ["Maya", "Leo"]),
])
def test_characters_from_the_section_headings_over_their_garments(headings, body, characters):
    first, second = headings
    rec = _inline(f"{body}<h2>{first}</h2><p>Coat: <a href='https://s.example/1'>Max Mara</a></p>"
                  f"<h2>{second}</h2><p>Peacoat: <a href='https://s.example/2'>Sandro</a></p>",
                  title="Northbound Season 2 Episode 5 Outfits")
    assert rec.characters == characters
    assert [(i.text, i.brand) for i in rec.items] == [("Coat", "Max Mara"), ("Peacoat", "Sandro")]


@pytest.mark.parametrize("line, name, maker", [
    ("Leo wore a <a href='https://s.example/1'>navy peacoat by Sandro</a> over a grey jumper.", "navy peacoat",
     "Sandro"),
    ("In the opening scene Maya layers her <a href='https://s.example/1'>Max Mara camel coat</a> over it all.",
     "camel coat", "Max Mara"),
    # the words before the link name the garment: they stay its name
    ("Leo's navy peacoat is by <a href='https://s.example/1'>Sandro</a>.", "Leo's navy peacoat", "Sandro"),
])
def test_prose_that_names_the_garment_only_in_its_link(line, name, maker):
    rec = _inline(f"<p>{line}</p>")
    assert [(i.text, i.brand) for i in rec.items] == [(name, maker)]


def test_a_sentences_opening_word_or_an_episode_is_no_maker():
    rec = _inline("<p>Her <a href='https://s.example/1'>black slingback pumps</a> are a mystery.</p>"
                  "<p>And her camel coat is the same one from 3x07: <a href='https://s.example/2'>3x07</a></p>")
    assert [i.brand for i in rec.items if i.brand in ("Her", "3x07")] == []


def test_the_posts_own_makers_say_where_a_products_name_stops_being_its_makers():
    """Prose names the makers after "by"; the product cards below name the product in title case."""
    cards = "".join(f"<div class='kg-product-card'><h4 class='kg-product-card-title'>{name}</h4>"
                    f"<a class='kg-product-card-button' href='https://s.example/{n}'>Buy</a></div>"
                    for n, name in enumerate(("Matteau Relaxed Linen Shirt", "Vince wool cashmere cardigan")))
    rec = _inline("<p>Harper's linen shirt is by Matteau and the cardigan is by Vince.</p>" + cards)
    assert [i.brand for i in rec.items] == ["Matteau", "Vince"]
    # without the prose, the card's words alone leave the maker's name unsure
    rec = _inline(cards)
    assert "Matteau" not in [i.brand for i in rec.items]


def test_a_makers_name_that_holds_by():
    rec = _inline("<p>Blair's mustard coat is by Marc by Marc Jacobs and you can still get it "
                  "<a href='https://s.example/1'>here</a>.</p>")
    assert [i.brand for i in rec.items] == ["Marc by Marc Jacobs"]


@pytest.mark.parametrize("link, maker", [("Blundstone 500 Chelsea boots", "Blundstone"),
                                         ("Chanel 22 bag", "Chanel"),
                                         # a maker's name is one or two words; the rest name the model
                                         ("Veronica Beard Miller Dickey Jacket", "Veronica Beard"),
                                         ("Rag & Bone Dre Low Rise", "Rag & Bone"),
                                         ("Tecovas The Annie boots", "Tecovas"),
                                         ("Tom Ford's O'Connor suit", "Tom Ford"),
                                         ("Ray-Ban Aviator Classic sunglasses", "Ray-Ban"),
                                         ("Levi's 501 jeans", "Levi's")])
def test_a_models_number_ends_the_makers_name(link, maker):
    rec = _inline(f"<p>Boots:</p><p><a href='https://s.example/1'>{link}</a></p>")
    assert [i.brand for i in rec.items] == [maker]


@pytest.mark.parametrize("line, name, maker", [
    ("O vestido floral da Aline é da <a href='https://s.example/1'>Farm Rio</a>.", "O vestido floral da Aline",
     "Farm Rio"),
    ("El bolso es de <a href='https://s.example/1'>Coach</a>.", "El bolso", "Coach"),
])
def test_is_from_in_the_posts_language_and_an_article_is_no_maker(line, name, maker):
    rec = _inline(f"<p>{line}</p>")
    assert [(i.text, i.brand) for i in rec.items] == [(name, maker)]


@pytest.mark.parametrize("line, items", [
    ("She carries a <a href='https://s.example/1'>Chanel 22 bag</a> (pre-loved) and the boots are the classic "
     "<a href='https://s.example/2'>Stuart Weitzman 5050s</a>.", [("22 bag", "Chanel"), ("boots", "Stuart Weitzman")]),
    ("El bolso es de <a href='https://s.example/1'>Coach</a> y los pendientes de perlas son de "
     "<a href='https://s.example/2'>Uno de 50</a>.", [("bolso", "Coach"), ("pendientes", "Uno de 50")]),
])
def test_a_sentence_whose_clauses_name_a_garment_before_each_link(line, items):
    rec = _inline(f"<p>{line}</p>")
    assert [(i.text, i.brand) for i in rec.items] == items


@pytest.mark.parametrize("acronym, spelled", [("TSITP", "The Summer I Turned Pretty"), ("SATC", "Sex and the City")])
def test_a_show_named_by_its_initials_is_the_name_the_post_spells_out(acronym, spelled):
    heading = f"<h1>{acronym} 2x03: Belly's Sundress</h1>"
    rec = _inline(f"{heading}<p>Belly's sundress in {spelled} season 2 is a favourite.</p>"
                  "<p>Sundress: <a href='https://s.example/1'>Faithfull</a></p>")
    assert rec.show == spelled
    rec = _inline(f"{heading}<p>Sundress: <a href='https://s.example/1'>Faithfull</a></p>")
    assert rec.show == acronym  # nowhere spelled out


def test_the_titles_character_and_those_the_post_names_after_it():
    rec = _inline("<h1>What Carrie Wore in Northbound S2E5</h1><h2>Carrie's coat</h2>"
                  "<p>Coat: <a href='https://s.example/1'>Max Mara</a></p><h2>Charlotte's floral dress</h2>"
                  "<p>Dress: <a href='https://s.example/2'>Erdem</a></p>")
    assert rec.characters == ["Carrie", "Charlotte"]


def test_a_makers_possessive_is_no_character():
    rec = _inline("<h1>Northbound 2x05</h1><p>Maya's jacket is a vintage Levi's trucker: "
                  "<a href='https://s.example/1'>Levi's</a></p>")
    assert [i.brand for i in rec.items] == ["Levi's"]
    assert rec.characters == ["Maya"]
    # nor a look-alike's maker named in its link ("Reiss's Hope suit")
    rec = _inline("<h1>Northbound 2x05</h1><p>Roman's suit is Tom Ford (<a href='https://s.example/1'>exact</a>) – "
                  "or try <a href='https://s.example/2'>Reiss's Hope suit</a> for a similar cut.</p>")
    assert [link.brand for i in rec.items for link in i.links] == ["Tom Ford", "Reiss"]
    assert "Reiss" not in rec.characters


@pytest.mark.parametrize("line, maker", [
    ("Kappan kommer från Acne Studios: <a href='https://s.example/1'>här</a>", "Acne Studios"),
    ("La robe est signée Rouje : <a href='https://s.example/1'>ici</a>", "Rouje"),
    ("Boots: <a href='https://s.example/1'>Dr. Martens platform boots</a>", "Dr. Martens"),
    ("Boots: <a href='https://s.example/1'>ZOZOTOWNで見る</a>", None),  # a call to shop, its verb last
])
def test_makers_said_in_more_ways(line, maker):
    rec = _inline(f"<p>{line}</p>")
    assert [i.brand for i in rec.items] == [maker]


@pytest.mark.parametrize("line, maker", [
    ("<li>Natalia: marynarka Reserved &#8211; <a href='https://s.example/1'>ta sama</a></li>", "Reserved"),
    ("<li><strong>Nina</strong>: blazer Scotch &amp; Soda &#8211; <a href='https://s.example/1'>shop hier</a></li>",
     "Scotch & Soda"),
    ("<li>Sofia indossa un abito Pinko, <a href='https://s.example/1'>lo trovi qui</a></li>", "Pinko"),
    # after "de" the name may be the wearer's: only a name the link's host spells is the maker
    ("<li>Carmen: gafas de Hawkers &#8211; <a href='https://www.hawkersco.example/es/1'>aquí</a></li>", "Hawkers"),
    ("<li>Julie : la robe noire de Sylvie &#8211; <a href='https://s.example/1'>ici</a></li>", None),
    # not a name the clause goes on from, nor where it was bought or what it comes with
    ("<li>The dress Carrie wore, <a href='https://s.example/1'>here</a></li>", None),
    ("<li>Ein ähnlicher Wollmantel bei Peek &amp; Cloppenburg: <a href='https://s.example/1'>hier</a></li>", None),
    ("<li>Chaqueta comprada en El Corte Inglés &#8211; <a href='https://s.example/1'>aquí</a></li>", None),
    ("<li>Il giubbotto di Eva è di Bershka: <a href='https://s.example/1'>lo trovi qui</a></li>", "Bershka"),
])
def test_the_maker_named_after_the_garments_word(line, maker):
    rec = _inline(f"<ul>{line}</ul>")
    assert [i.brand for i in rec.items] == [maker]


def test_the_posts_heading_in_its_own_header_titles_it():
    """No og:title; the h1 sits in the <article>'s <header> (Ghost, Hugo themes)."""
    page = ("<html><head><title>Blog</title></head><body><header class='site-header'><h2>Blog</h2></header>"
            "<main><article class='post'><header class='post-header'><h1>Love Island Series 11 Episode 24: "
            "What Maya Wore</h1></header><div class='post-content'><p>Coat: <a href='https://s.example/1'>Zara</a>"
            "</p></div></article></main></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/")
    assert (rec.title, rec.show, rec.season, rec.episode, rec.characters) == (
        "Love Island Series 11 Episode 24: What Maya Wore", "Love Island", 11, 24, ["Maya"])


@pytest.mark.parametrize("category, show", [("Reality TV", None), ("Selling Sunset", "Selling Sunset"), ("CBS", None),
                                           ("Serie TV", None), ("Prezenty", None), ("Lifestyle", None)])
def test_a_genre_category_is_no_show(category, show):
    rec = _inline(f"<p>Filed under <a href='/category/x' rel='category tag'>{category}</a></p>"
                  "<p>Chrishell's suit: <a href='https://s.example/1'>Hebe Studio</a></p>")
    assert rec.show == show


def test_other_posts_cards_in_a_sidebar_widget_leave_the_page_one_post():
    cards = "".join(f"<article class='post entry'><h4><a href='/p/{n}'>Other post {n}</a></h4></article>"
                    for n in range(2))
    page = ("<html><head><title>Blog</title></head><body><div class='content-sidebar-wrap'><main class='content'>"
            "<article class='post-1401 post type-post entry'><h1>The Bear S02E07: What Richie Wore</h1>"
            "<div class='entry-content'><p>Suit: <a href='https://s.example/1'>SuitSupply</a></p></div></article>"
            f"</main><aside class='sidebar widget-area'><section class='widget featured-content'><div class='widget-wrap'>"
            f"{cards}</div></section></aside></div></body></html>")
    assert extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/").is_post


def test_wearers_named_in_bold_before_their_garments_and_worn_by():
    rec = _inline("<ul><li><strong>Valeria</strong>: blazer cuadros – <a href='https://s.example/1'>Mango</a> (exacto)"
                  "</li><li><strong>Lola</strong>: red dress – <a href='https://s.example/2'>aquí</a></li></ul>")
    assert rec.characters == ["Valeria", "Lola"]
    assert [i.brand for i in rec.items][0] == "Mango"  # the wearer is no maker: the link names it
    rec = _inline("<p>The girls went all out for the recoupling. Worn by: Harriett, Mimii and Nicole.</p>"
                  "<p>Dress: <a href='https://s.example/1'>Oh Polly</a></p>")
    assert rec.characters == ["Harriett", "Mimii", "Nicole"]


@pytest.mark.parametrize("name, garment, here", [("Natalia", "marynarka", "tutaj"), ("Ebba", "kjol", "här")])
def test_garment_words_of_more_languages_name_a_bold_wearers_line(name, garment, here):
    line = f"<strong>{name}</strong>: {garment} – <a href='https://s.example/1'>{here}</a>"
    assert _inline(f"<ul><li>{line}</li></ul>").characters == [name]


def test_the_documents_title_names_the_episode_the_headline_leaves_out():
    """An SEO plugin's <title> beside a headline (og:title, h1) that names no episode."""
    page = ("<html><head><title>Bridgerton Season 3 Episode 2: Penelope's Gowns - Regency Blog</title>"
            "<meta property='og:title' content='Penelope’s Most Swoon-Worthy Gowns'></head><body><article>"
            "<h1>Penelope’s Most Swoon-Worthy Gowns</h1><div class='entry-content'>"
            "<p>Gown: <a href='https://s.example/1'>Needle &amp; Thread</a></p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/")
    assert (rec.title, rec.show, rec.season, rec.episode) == (
        "Penelope’s Most Swoon-Worthy Gowns", "Bridgerton", 3, 2)
    # a headline that names its own episode keeps it
    page = page.replace("content='Penelope’s Most", "content='Episode 5: Penelope’s Most")
    assert extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/").episode == 5


@pytest.mark.parametrize("url, body, season, episode", [
    # the post's address names the episode its title and body leave out
    ("https://blog.example/northbound-s03e10-maya-coat/", "<p>Maya's best office look yet.</p>", 3, 10),
    # a body's other episode does not mix with the title's
    ("https://blog.example/post/", "<p>Back in S1E4 she wore it too.</p>", None, 5),
])
def test_the_episode_from_the_posts_address_and_the_body(url, body, season, episode):
    title = "Maya's Coat" + (", Episode 5" if episode == 5 else "")
    rec = _titled(title, body + "<p>Coat: <a href='https://s.example/1'>Zara</a></p>", url)
    assert (rec.season, rec.episode) == (season, episode)


def test_bold_names_opening_lines_parted_by_breaks():
    """Blogger's one paragraph of lines: each bold name with its colon inside opens a garment's line."""
    rec = _inline("<p><b>Carrie:</b> the tulle skirt moment. <a href='https://s.example/1'>Molly Goddard skirt</a><br>"
                  "<b>Charlotte:</b> a floral dress, <a href='https://s.example/2'>Erdem</a><br>"
                  "<b>Splurge:</b> <a href='https://s.example/3'>Max Mara coat</a></p>")
    assert rec.characters == ["Carrie", "Charlotte"]  # "Splurge:" is a label


@pytest.mark.parametrize("title, headings", [
    ("Young Royals säsong 2 avsnitt 4 – Wilhelm och Felice", ("Wilhelm", "Felice")),
    ("Euphoria S2E4 — Maddy vs. Cassie", ("MADDY", "CASSIE")),
    # the names after the words of a language that says "looks of" first
    ("Sex Education – sezon 4, odcinek 2: stylizacje Maeve i Aimee", ("Maeve", "Aimee")),
    # the names in a case or a possessive form in the title: fi "Ainon ja Eetun", cs "Bářin … Ondrova"
    ("Northbound – 2. kauden 3. jakso: Ainon ja Eetun vaatteet", ("Aino", "Eetu")),
    ("Northbound 2×14: Bářin kabát a Ondrova bunda", ("Bára", "Ondra")),
    ("Quay Street: Siobhán and Dec's wedding looks", ("Siobhán", "Dec")),
    # after the article some languages put before a name, in any alphabet
    ("Northbound: τι φόρεσαν η Δάφνη και ο Στέλιος", ("Η Δάφνη", "Ο Στέλιος")),
])
def test_the_titles_names_that_head_the_posts_sections(title, headings):
    body = "".join(f"<h2>{h}</h2><p>Kurtka: <a href='https://s.example/{i}'>Zara</a></p>"
                   for i, h in enumerate(headings))
    rec = _titled(title, body)
    assert sorted(rec.characters) == sorted(h.split()[-1].title() for h in headings)


@pytest.mark.parametrize("line, maker", [
    # the maker in brackets after the garment's words; not a note
    ("Teal mock-neck sweater (Ann Taylor): <a href='https://s.example/1'>shop</a>", "Ann Taylor"),
    ("Teal mock-neck sweater (sold out): <a href='https://s.example/1'>shop</a>", None),
    # a name said in prose stops before the model's words, and without a possessive
    ("Her sneakers are the Buffalo Classic Low, <a href='https://s.example/1'>here</a>", "Buffalo"),
    ("The shirt is by Dolce &amp; Gabbana's men's line: <a href='https://s.example/1'>shop</a>", "Dolce & Gabbana"),
    ("The jeans are by Levi's: <a href='https://s.example/1'>shop</a>", "Levi's"),
])
def test_the_makers_words_of_a_name_said_in_prose(line, maker):
    assert [i.brand for i in _inline(f"<p>{line}</p>").items] == [maker]


@pytest.mark.parametrize("prose, maker", [
    ("<p>Donna walks in. The dress is by Roland Mouret, the famous Galaxy silhouette. The current version is here:</p>",
     "Roland Mouret"),
    ("<p>The trousers are the exact Flame pants from The Row.</p>", "The Row"),
    # the sentence must name the garment the button does
    ("<p>Her coat is by Max Mara.</p>", None),
])
def test_the_maker_the_prose_names_before_a_call_to_shop_the_garment(prose, maker):
    rec = _inline(f"{prose}<div class='wp-block-button'><a class='wp-block-button__link' href='https://s.example/1'>"
                  "Shop the dress</a></div>".replace("Shop the dress", "Shop the trousers" if "trousers" in prose
                                                     else "Shop the dress"))
    assert [i.brand for i in rec.items] == [maker]



@pytest.mark.parametrize("title, characters", [
    ("「ノースバウンド」第5話　みくりの衣装まとめ", ["みくり"]),
    ("ノースバウンド シーズン2 第8話 エミリー&ミンディのファッション", ["エミリー", "ミンディ"]),
    ("노스바운드 시즌2 5화 블레어 패션 정보", ["블레어"]),
    ("北境 第2季第6集 艾蜜莉的穿搭", ["艾蜜莉"]),
    ("北境 第2季第6集 穿搭整理", []),  # no one named
])
def test_whose_clothes_a_cjk_title_names_after_the_episode(title, characters):
    assert _titled(title, "<p>コート: <a href='https://s.example/1'>Zara</a></p>").characters == characters


def test_a_tables_exact_and_alternative_columns_label_their_links():
    rec = _inline("<table><thead><tr><th>Character</th><th>Item</th><th>Exact</th><th>Alternative</th></tr></thead>"
                  "<tbody><tr><td>Helly</td><td>Teal sweater</td><td><a href='https://s.example/1'>shop</a></td>"
                  "<td><a href='https://s.example/2'>shop</a></td></tr>"
                  "<tr><td>Helly</td><td>Pleated skirt</td><td>–</td><td><a href='https://s.example/3'>shop</a></td>"
                  "</tr></tbody></table>")
    assert [[link.kind for link in i.links] for i in rec.items] == [["exact", "alternative"], ["alternative"]]


@pytest.mark.parametrize("line, kind", [
    ("The modern equivalent of her gowns: I love <a href='https://s.example/1'>this nap dress</a>", "alternative"),
    ("Grey cable knit — exact is long gone but <a href='https://s.example/1'>this vintage one</a> is it", "alternative"),
    ("Coat: <a href='https://s.example/1'>Max Mara</a> (discontinued)", "exact"),  # how the exact one stands
    ("저렴한 대체품 👉 <a href='https://s.example/1'>쿠팡에서 보기</a>", "alternative"),
    ("サングラス → プチプラ：<a href='https://s.example/1'>SHOPLIST</a>", "alternative"),
    ("Siyah deri ceket — benzeri: <a href='https://s.example/1'>Trendyol</a>", "alternative"),  # tr
    ("Krem triko elbise — birebir aynısı: <a href='https://s.example/1'>İpekyol</a>", "exact"),
])
def test_more_ways_of_saying_a_link_stands_in_for_the_garment(line, kind):
    assert [link.kind for i in _inline(f"<p>{line}</p>").items for link in i.links] == [kind]


@pytest.mark.parametrize("url, body, show", [
    # the post's address names the show before its episode, as the words write it
    ("https://blog.example/selling-sunset-s7-e3-chrishell/", "<p>Back in Selling Sunset land.</p>", "Selling Sunset"),
    # the address writes plain what the words write with accents
    ("https://blog.example/mania-de-voce-capitulo-45-luma/", "<p>Em Mania de Você, a Luma...</p>", "Mania de Você"),
    # written nowhere with capitals: the address's words capitalised
    ("https://fits.example/post/761/heartstopper-s3-ep-1-nick", "<p>nick's jumper, finally</p>", "Heartstopper"),
    ("https://blog.example/young-royals-sasong-3-avsnitt-2/", "", "Young Royals"),  # "säsong" spelled for an address
    # not a sentence's words, nor a garment's
    ("https://blog.example/what-maya-wore-s2e5/", "", None),
    ("https://blog.example/coats-s2e5/", "", None),
    # small words in the address are no words of the trade
    ("https://blog.example/only-murders-in-the-building-s3e5-mabel-coats/", "", "Only Murders in the Building"),
])
def test_the_show_from_the_posts_address(url, body, show):
    rec = _titled("Her best looks yet", body + "<p>Coat: <a href='https://s.example/1'>Zara</a></p>", url)
    assert rec.show == show


@pytest.mark.parametrize("line, maker", [
    ("<h3>Haein's earrings</h3><p>브랜드: 아가타 파리 – <a href='https://s.example/1'>유사 제품</a></p>", "아가타 파리"),
    ("<h3>Tsumugi's knit</h3><p>ニット：ブランドはSNIDEL。<a href='https://s.example/1'>ZOZOTOWNで見る</a></p>", "SNIDEL"),
    ("<h3>Maya's coat</h3><p>Brand: Sandro. <a href='https://s.example/1'>Shop it</a></p>", "Sandro"),
    # a point inside or after an abbreviated name does not end it
    ("<p><b>Lorelai</b> also wears a plaid barn jacket &mdash; Brand: J.Crew &mdash; <a href='https://s.example/1'>"
     "shop a similar one</a>.</p>", "J.Crew"),
    ("<h3>Maya's boots</h3><p>Brand: Dr. Martens. <a href='https://s.example/1'>Shop it</a></p>", "Dr. Martens"),
    ("<h3>Tsumugi's skirt</h3><p>スカート：ブランド不明。<a href='https://s.example/1'>似ているもの</a></p>", None),
    # what the line says after the name, and "unknown" in the post's language
    ("<h3>Tsumugi's dress</h3><p>ワンピース：ブランドはADOREです。<a href='https://s.example/1'>公式</a></p>", "ADORE"),
    ("<h3>Haein's coat</h3><p>브랜드 : 더캐시미어 구매링크 <a href='https://s.example/1'>바로가기</a></p>", "더캐시미어"),
    ("<h3>Alex's suit</h3><p>Brand: Unknown for the earrings. <a href='https://s.example/1'>Similar</a></p>", None),
    ("<h3>Sara's rok</h3><p>Rok – Merk: onbekend. <a href='https://s.example/1'>Vergelijkbaar</a></p>", None),
])
def test_the_name_after_a_brand_label_in_the_posts_language(line, maker):
    assert [i.brand for i in _inline(line).items] == [maker]


def test_a_character_the_prose_says_wears_something_beside_those_the_headings_name():
    rec = _titled("Northbound 2x05: Camille's looks",
                  "<h2>Camille's coat</h2><p>Coat: <a href='https://s.example/1'>Sandro</a></p>"
                  "<p>Meanwhile Sylvie wears a black Mugler dress, as ever.</p>")
    assert rec.characters == ["Camille", "Sylvie"]


def test_the_entrys_titled_heading_titles_a_post_whose_only_h1_is_the_sites_name():
    """Tumblr and Blogger themes: the blog's name in the header's h1, the post's title in "h2.title"."""
    page = ("<html><head><title>gilmore girls 3.07 — rory + lorelai | rory's book bag</title></head><body>"
            "<header><h1 class='blog-title'>rory's book bag</h1></header><article class='post'>"
            "<h2 class='title'>gilmore girls 3.07 — rory + lorelai</h2><div class='body-text'>"
            "<p>rory's sweater: <a href='https://s.example/1'>this vintage one</a></p>"
            "<p>lorelai's jacket: <a href='https://s.example/2'>Levi's</a></p></div></article>"
            "<aside><h3 class='title'>Popular</h3></aside></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://rorysbookbag.example/post/7391028374/gg-307")
    assert (rec.title, rec.show, rec.season, rec.episode) == (
        "gilmore girls 3.07 — rory + lorelai", "gilmore girls", 3, 7)


@pytest.mark.parametrize("title, show, season, episode", [
    ("Suits 9.03: Donna's office looks", "Suits", 9, 3),  # season, dot, a two-digit episode
    ("The €49.99 coat everyone wants", None, None, None),  # a price is no episode
])
def test_a_titles_dotted_episode(title, show, season, episode):
    rec = _titled(title)
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)


@pytest.mark.parametrize("category, show", [("Przyjaciółki – sezon 22", "Przyjaciółki"),
                                            ("Babylon Berlin Staffel 4", "Babylon Berlin")])
def test_a_category_named_with_its_season_in_the_posts_language_names_the_show(category, show):
    rec = _inline(f"<p>Kategoria: <a href='/category/x' rel='category tag'>{category}</a></p>"
                  "<p>Zuza: <a href='https://s.example/1'>Reserved</a></p>")
    assert rec.show == show


@pytest.mark.parametrize("title, season, episode", [
    ("The Morning Show Season 3 Premiere: Every Look Alex Wore", 3, 1),
    ("Northbound Series Premiere: What Maya Wore", 1, 1),
    ("Northbound Season 2 Finale: What Maya Wore", 2, None),  # a finale's number the title does not give
])
def test_a_premiere_is_the_first_episode(title, season, episode):
    rec = _titled(title)
    assert (rec.season, rec.episode) == (season, episode)


@pytest.mark.parametrize("url, heading", [("https://blog.example/about/", "About"),
                                          ("https://blog.example.blogspot.com/p/contact.html", "Write to me"),
                                          ("https://blog.example/contact", "Get in touch"),
                                          ("https://blog.example/page/7/", "About me")])
def test_the_sites_own_pages_are_no_posts(url, heading):
    # an about or contact page that links a favourite boot is still no post
    rec = _titled(heading, "<p>My favourite boots: <a href='https://s.example/1'>Blundstone 500</a></p>", url=url)
    assert not rec.is_post


@pytest.mark.parametrize("title, is_post", [
    ("@screenwardrobe | Linkin.bio", False), ("Maya Style (@mayastyle) • Instagram photos and videos", False),
    ("What Maya Wore in Northbound 2x05", True),
])
def test_a_profile_or_link_in_bio_page_titled_by_its_handle_is_no_post(title, is_post):
    cards = ("<div class='grid'><a href='https://shopstyle.it/l/cf3Xk'>Emily’s pink plaid blazer 💗 Emily in Paris 4x03"
             "</a><a href='https://rstyle.me/+bearJkt123'>Sydney’s Carhartt jacket — The Bear 3x06</a></div>")
    page = (f"<html><head><title>{title}</title></head><body><main><h1>Links</h1>{cards}</main></body></html>")
    assert extract_post(lxml.html.fromstring(page), "https://linkin.bio/screenwardrobe").is_post is is_post


def test_a_post_given_as_bytes_is_decoded_as_its_late_charset_declaration_says():
    # the title comes before <meta charset>: a tree parsed without it reads "YalÄ± Ã‡apkÄ±nÄ±"
    page = ("<html><head><title>Yalı Çapkını 2. Sezon 5. Bölüm Kıyafetleri</title><meta charset='UTF-8'></head>"
            "<body><article><h1>Yalı Çapkını 2. Sezon 5. Bölüm Kıyafetleri</h1><div class='entry-content'>"
            "<p>Seyran'ın elbisesi: <a href='https://s.example/1'>Ipekyol</a></p></div></article></body></html>")
    rec = extract_post(page.encode("utf-8"), "https://blog.example/yali-capkini-2-sezon-5-bolum/")
    assert (rec.show, rec.season, rec.episode) == ("Yalı Çapkını", 2, 5)


def test_a_full_name_before_the_actors_in_a_caption_is_one_character():
    body = ("<figure><img src='/a.jpg'><figcaption>Mindy Chen (Ashley Park) in a pink bucket hat</figcaption></figure>"
            "<p>Hat: <a href='https://s.example/1'>Kangol</a></p>"
            "<figure><img src='/b.jpg'><figcaption>On stage, Sylvie (Philippine Leroy-Beaulieu) in black</figcaption>"
            "</figure><p>Dress: <a href='https://s.example/2'>Saint Laurent</a></p>")
    rec = _titled("Emily in Paris Season 3 Episode 2 Outfits", body)
    assert sorted(rec.characters) == ["Mindy Chen", "Sylvie"]  # not "Chen", nor "On stage, Sylvie"


def test_a_contraction_opening_a_title_is_no_wearer():
    rec = _titled("The Morning Show Is Back: Here's Every Power Look Alex Levy Wore")
    assert "Here" not in rec.characters


@pytest.mark.parametrize("title, body, show, season, episode", [
    ("Beth Dutton's Best Looks from Yellowstone's Latest Episode",
     "<p>In the third episode of season 5, Beth wore a camel coat: <a href='https://s.example/1'>Max Mara</a></p>",
     "Yellowstone", 5, 3),
    ("Carrie's tulle and that Fendi moment",
     "<p>The fifth episode of the second season of And Just Like That gave us tulle: "
     "<a href='https://s.example/1'>Fendi</a></p>", None, 2, 5),
    # the show after its ordinal episode, and before it after a colon
    ("The Jacket That Stole the Episode", "<p>In the second episode of the third season of Slow Horses, River runs "
     "in a jacket: <a href='https://s.example/1'>Barbour</a></p>", "Slow Horses", 3, 2),
    ("Thailand edition: Chelsea &amp; Jaclyn", "<p>This week: <strong>The White Lotus</strong>, season three, episode "
     "five. Chelsea's dress: <a href='https://s.example/1'>Zimmermann</a></p>", "The White Lotus", 3, 5),
    # "S02 · E03"; Polish "w 5. odcinku" (the number first)
    ("Daphne's beach looks", "<p>S02 · E03 of The White Lotus: <a href='https://s.example/1'>Missoni</a></p>", None, 2, 3),
    ("Co miała na sobie Zuza w 5. odcinku", "<p>Płaszcz: <a href='https://s.example/1'>Reserved</a></p>", None, None, 5),
    ("Moordale Uniform Week", "<p>This week’s issue is all about Sex Education, Season 3, Ep. 4. Coat: "
     "<a href='https://s.example/1'>Reserved</a></p>", "Sex Education", 3, 4),
])
def test_an_episode_counted_in_words_and_the_shows_latest(title, body, show, season, episode):
    rec = _titled(title, body)
    assert (rec.season, rec.episode) == (season, episode)
    if show:
        assert rec.show == show


def test_an_acronym_in_the_address_names_the_show_the_post_spells_out():
    rec = _titled("Carrie's tulle, Seema's suit, and that Fendi moment",
                  "<p>Episode 5 of And Just Like That had tulle: <a href='https://s.example/1'>Fendi</a></p>",
                  url="https://blog.example/p/ajlt-ep5-tulle-suits/")
    assert rec.show == "And Just Like That"


def test_a_page_builders_single_post_template_is_the_post_not_the_related_posts_grid():
    # Elementor's theme builder: no "entry-content", the post in a div marked as the entry, and
    # "More posts" as <article>s
    related = "".join(f"<article class='elementor-post post type-post'><h3><a href='/p/{n}'>Suits 5x0{n} outfits</a>"
                      "</h3></article>" for n in range(3))
    page = ("<html><head><title>Donna's Outfits: Suits Season 5, Episode 5</title></head><body>"
            "<div data-elementor-type='single-post' class='elementor elementor-location-single post-6402 post "
            "type-post hentry'><section class='elementor-section'><h1>Donna's Outfits: Suits Season 5, Episode 5</h1>"
            "<div class='elementor-widget-heading'><h2>Donna's red sheath dress</h2></div>"
            "<div class='elementor-widget-button'><a class='elementor-button' href='https://s.example/1'>"
            "Dolce &amp; Gabbana cady sheath dress</a></div></section>"
            f"<section class='elementor-posts'>{related}</section></div></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/donna-suits-s5e5/")
    assert rec.is_post and [link.url for i in rec.items for link in i.links] == ["https://s.example/1"]


@pytest.mark.parametrize("line", [
    "I couldn't ID Bradley's worn-in brown boots, but these <a href='https://s.example/2'>Frye harness boots</a> work",
    "You won't find that exact cape, but there is <a href='https://s.example/2'>this 1980s red wool cape</a>",
    "Plus abordable : <a href='https://s.example/2'>pull marinière Monoprix</a>",
    "On n'a pas retrouvé la robe de Sofia, mais <a href='https://s.example/2'>celle-ci de Rouje</a> s'en approche.",
    # a stand-in named before the link or said of it after, in the post's language
    "Vintage, sadly. The nearest thing on the market is <a href='https://s.example/2'>this Mango wool coat</a>.",
    "His bomber is unidentified; <a href='https://s.example/2'>this one from Uniqlo</a> is a decent stand-in.",
    "If you want it easier on the wallet, <a href='https://s.example/2'>Banana Republic</a> has a very similar cut.",
    "Son sac : marque inconnue, modèle approchant chez <a href='https://s.example/2'>Polène</a>.",
    "Las gafas: marca desconocida, pero estas de <a href='https://s.example/2'>Parfois</a> son casi iguales.",
    "Blusa da Farm (tem uma opção mais em conta na <a href='https://s.example/2'>Renner</a>)",
    "Wilhelms kavaj, märke: Tiger of Sweden – billigare alternativ: <a href='https://s.example/2'>Dressmann</a>",
    "Katrines frakke: mærke ukendt, men <a href='https://s.example/2'>denne fra Samsøe Samsøe</a> ligner meget.",
])
def test_a_failed_search_or_a_cheaper_pick_before_a_link_in_prose_labels_it_an_alternative(line):
    rec = _inline(f"<p>Coat: <a href='https://s.example/1'>Max Mara</a></p><p>{line}</p>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact", "alternative"]


def test_a_genitive_without_an_apostrophe_names_the_wearer_and_leaves_the_show():
    body = ("<p>Shiv Roy (Sarah Snook) trägt in Folge 3 einen Kamelmantel.</p><h3>Shivs Look</h3>"
            "<p>Mantel: <a href='https://s.example/1'>Max Mara</a></p>")
    rec = _titled("Succession Staffel 4 Folge 3: Alle Looks", body)
    assert "Shiv" in rec.characters
    rec = _titled("Lisas outfit i Bonusfamiljen – säsong 4, avsnitt 2",
                  "<p>Lisa bär en kappa: <a href='https://s.example/1'>Filippa K</a></p>")
    assert (rec.show, rec.season, rec.episode) == ("Bonusfamiljen", 4, 2)


def _in_language(lang: str, title: str, body: str):
    """A post whose <html> declares `lang`, its title in an h1."""
    page = (f"<html lang='{lang}'><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<div class='entry-content'>{body}</div></article></body></html>")
    return extract_post(lxml.html.fromstring(page), "https://blog.example/2024/post/")


@pytest.mark.parametrize("lang, title, show, season, episode", [
    ("nl", "Wat droeg Fenna in Huis aan de Gracht? (S2A3)", "Huis aan de Gracht", 2, 3),  # seizoen, aflevering
    ("es", "Las Hermanas Vidal T2C6: los looks de Fenna", "Las Hermanas Vidal", 2, 6),  # temporada, capítulo
    ("es", "Los looks de Fenna en el capítulo 6 de Las Hermanas Vidal", "Las Hermanas Vidal", None, 6),
    ("pt", "«Quinta das Glicínias» – 2.ª temporada, episódio 5: os looks da Fenna", "Quinta das Glicínias", 2, 5),
    ("vi", "Soi đồ \"Hẹn Em Ngày Nắng\" phần 2 tập 5: Fenna mặc đầm gì", "Hẹn Em Ngày Nắng", 2, 5),
    ("ca", "«Estiu a Cadaqués», temporada 2, capítol 5: les espardenyes de la Fenna", "Estiu a Cadaqués", 2, 5),
    ("zh-TW", "【台劇穿搭】《台北晴時多雲》EP5 Fenna針織外套", "台北晴時多雲", None, 5),
])
def test_a_shows_episode_in_more_ways_titles_write_it(lang, title, show, season, episode):
    body = "<p>Fenna draagt een jas: <a href='https://s.example/1'>Scotch &amp; Soda jas</a>.</p>"
    rec = _in_language(lang, title, body)
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)


def test_the_pilot_after_the_shows_name_is_its_first_episode_not_its_name():
    page = ("<html><head><title>Midtown Proof Pilot: Hattie's Trench Coat</title></head><body><article>"
            "<h1>Midtown Proof Pilot: Hattie's Trench Coat</h1><div class='entry-content'><p>Hattie's coat: "
            "<a href='https://s.example/1'>Burberry trench</a>.</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/2024/01/midtown-proof-pilot-hattie-trench.html")
    assert (rec.show, rec.season, rec.episode) == ("Midtown Proof", 1, 1)


@pytest.mark.parametrize("lang, title, body, wearers", [
    ("fi", "Kesä kalliolla kausi 2 jakso 5: Ainon asut",
     "<h2>Aino (Iida Koskinen)</h2><p><strong>Raitamekko</strong> – <span class='sama'>SAMA</span>. Ainon mekko on "
     "Marimekon: <a href='https://s.example/1'>Marimekko Tasaraita -mekko*</a></p><p><strong>Takki</strong> – "
     "<span class='sama'>SAMA</span>. Makian takki: <a href='https://s.example/2'>Makia Kuori -takki</a></p>", ["Aino"]),
    ("hu", "Balatoni ház 2. évad 5. rész: Réka szettjei",
     "<h2>Réka</h2><p><strong>Szalmatáska</strong> – <span>UGYANEZ</span>. A táska a Mayo Chixé: "
     "<a href='https://s.example/1'>Mayo Chix szalmatáska</a></p>", ["Réka"]),
])
def test_a_bold_garments_word_in_more_languages_is_no_wearer(lang, title, body, wearers):
    rec = _in_language(lang, title, body)
    assert not set(rec.characters) & {"Raitamekko", "Takki", "Szalmatáska"}
    assert set(rec.characters) <= set(wearers)
    assert not {item.brand for item in rec.items} & {"Raitamekko", "Takki", "Szalmatáska"}


def test_a_czech_exact_label_is_no_maker():
    rec = _in_language("cs", "Chalupa u lesa 2. řada, 5. díl: Klářin kabát",
                       "<p>Klára nosí kabát Pietro Filipi: <a href='https://www.answear.cz/p/kabat-pietro-filipi-1'>"
                       "PŘESNĚ TENHLE</a>.</p>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact"]
    assert rec.items[0].brand != "PŘESNĚ TENHLE"


@pytest.mark.parametrize("lang, title, heads, wearers", [
    ("zh", "《她的第十三个夏天》第2季第5集 同款全扒", ["🌊 林知夏（宋以宁 饰）", "⛰️ 周屿（陆承泽 饰）"], ["林知夏", "周屿"]),
    ("th", "ตามรอยแฟชั่น \"รักนี้ที่ปลายฟ้า\" EP.7", ["👗 น้ำฝน (มิ้นท์ ชนิดา)", "👔 พี่ภูมิ (ภูมิ ธนกร)"],
     ["น้ำฝน", "พี่ภูมิ"]),
    ("ar", "إطلالات مسلسل «بيت الياسمين» الموسم الثاني الحلقة 5", ["ليلى (الفنانة ريم السالم)", "سلمى (الفنانة هيفاء الكندري)"],
     ["ليلى", "سلمى"]),
])
def test_a_section_heading_of_a_name_and_its_actor_in_a_script_without_capitals(lang, title, heads, wearers):
    body = "".join(f"<h2>{h}</h2><p><b>Item</b> <a href='https://s.example/{i}'>Zara</a></p>" for i, h in enumerate(heads))
    assert _in_language(lang, title, body).characters == wearers


def test_a_label_noun_alone_before_a_link_with_no_label_is_read_as_the_garments_words():
    # "Item" (a label's noun) with no label word: it used to raise instead of being read
    rec = _inline("<h2>Maya</h2><p><b>Item</b> <a href='https://s.example/1'>Zara wool coat</a></p>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact"]


@pytest.mark.parametrize("lang, brand_column, cell, maker", [
    ("cs", "Značka", "Pietro Filipi", "Pietro Filipi"),
    ("vi", "Thương hiệu", "IVY moda [Đúng mẫu]", "IVY moda"),  # a label in square brackets after the name
    ("hu", "Márka", "Nissa", "Nissa"),
])
def test_a_tables_brand_column_in_more_languages(lang, brand_column, cell, maker):
    body = (f"<table><thead><tr><th>Kousek</th><th>{brand_column}</th><th>Kde koupit</th></tr></thead><tbody>"
            f"<tr><td>Karamelový kabát</td><td>{cell}</td><td><a href='https://www.answear.cz/p/kabat-1482930'>Answear.cz</a>"
            "</td></tr></tbody></table>")
    rec = _in_language(lang, "Chalupa u lesa 2. řada, 5. díl", body)
    assert [link.brand for item in rec.items for link in item.links] == [maker]


@pytest.mark.parametrize("lang, words", [
    ("hu", "Réka szandálja: nem találtuk, de ez szinte ugyanilyen:"), ("hu", "HASONLÓ. Ez a kardigán:"),
    ("ro", "Dacă vi se pare prea scumpă, pe eMAG am găsit o ALTERNATIVĂ destul de reușită:"),
])
def test_look_alike_labels_in_hungarian_and_romanian(lang, words):
    rec = _in_language(lang, "Sorozat 2. évad 5. rész",
                       f"<p>Réka ruhája: <a href='https://s.example/1'>Nubu ruha</a>.</p><p>{words} "
                       "<a href='https://s.example/2'>ruha</a></p>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "alternative"]


def test_a_links_own_sold_out_badge_notes_its_item_and_an_on_screen_column_is_exact():
    pins = ("<div class='shopmy-pin'><a href='https://go.shopmy.us/p-1'><img src='https://cdn.example/1.jpg' alt='Overalls'>"
            "<div class='shopmy-pin-brand'>Madewell</div><div class='shopmy-pin-title'>Denim Overalls</div></a></div>"
            "<div class='shopmy-pin is-sold-out'><a href='https://go.shopmy.us/p-2'><img src='https://cdn.example/2.jpg' "
            "alt='Tank'><div class='shopmy-pin-title'>Ribbed Scoop Tank</div><div class='shopmy-pin-badge'>Sold Out</div>"
            "</a></div>")
    rec = _inline(f"<h2>Maggie</h2><p>Maggie's overalls and tank:</p><div class='shopmy-collection-grid'>{pins}</div>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "exact"]
    table = ("<table><thead><tr><th>Character</th><th>On screen</th><th>Save</th></tr></thead><tbody><tr><td><b>Tash</b>"
             "</td><td><a href='https://www.shopbop.com/mother-tripper/vp/1.htm'>Tripper Jeans</a> Sold out</td>"
             "<td><a href='https://www.abercrombie.com/p/flare-jean-1'>High Rise Flare Jean</a></td></tr></tbody></table>")
    assert [link.kind for item in _inline(table).items for link in item.links] == ["exact", "alternative"]


def test_the_titles_bare_genitives_before_their_garments_name_the_wearers():
    body = ("<h2>Resi am Kirtag</h2><p>Resi trägt ein Dirndl: <a href='https://s.example/1'>Gottseidank</a></p>"
            "<h2>Flo</h2><p>Flo im Janker: <a href='https://s.example/2'>Meindl</a></p>")
    rec = _in_language("de", "Northbound, Folge 3: Resis Dirndl, Flos Janker – alle Outfits", body)
    assert rec.characters == ["Resi", "Flo"]


def test_a_language_that_capitalises_its_nouns_heads_garment_sections_with_no_names():
    # "Der Mantel", "Die Regenjacke": German garments' sections under each wearer's heading
    body = ("<h2>Lena</h2><h3>Die Regenjacke</h3><ul><li><strong>Original:</strong> "
            "<a href='https://s.example/1'>Rains Long Jacket</a></li></ul><h3>Der Strickpullover</h3>"
            "<p>Die Jeans ist eine ältere Levi's 501 – <strong>das Original ist leider nicht mehr erhältlich</strong>.</p>"
            "<h2>Malin</h2><h3>Der Mantel</h3><ul><li><strong>Original:</strong> "
            "<a href='https://s.example/2'>Samsøe Samsøe Wollmantel</a></li></ul><h3>Der Schal</h3>")
    rec = _in_language("de", "Was Lena und Malin in „Nordlicht“ Staffel 2, Folge 6 tragen", body)
    assert rec.characters == ["Lena", "Malin"]


def test_a_name_and_its_actor_in_greek_capitals():
    body = ("<figure><img src='https://b.example/1.jpg'><figcaption>Η Ελένη (Μαρίνα Κοντού) στο λιμάνι</figcaption>"
            "</figure><h2>Το λινό φόρεμα</h2><p>Ίδιο: <a href='https://s.example/1'>Attrattivo</a></p>")
    assert _in_language("el", "Τα ρούχα της Ελένης στο «Northbound» – Επεισόδιο 9", body).characters == ["Ελένη"]


def test_an_actors_name_in_brackets_before_the_particle_is_no_part_of_the_wearers():
    body = ("<h3>美咲（白石なつみ）の衣装</h3><h4>白のブラウス</h4><p>同じもの：<a href='https://s.example/1'>SNIDEL</a></p>"
            "<h3>陽菜（森川ゆず）の衣装</h3><h4>カーディガン</h4><p>同じもの：<a href='https://s.example/2'>MERCURYDUO</a></p>"
            "<p>태무(안효섭) 수트는 다음 포스팅에서 따로 정리할게요!</p>")  # a later post's suit: nobody here
    rec = _in_language("ja", "『ノースバウンド』第5話 美咲（白石なつみ）と陽菜の衣装・ブランドまとめ", body)
    assert rec.characters == ["美咲", "陽菜"]


def test_a_wearers_genitive_is_no_maker_and_the_exact_links_shop_names_it():
    body = ("<h2>Zosia</h2><h3>Płaszcz Zosi</h3><p>Identyczny: <a href='https://www.mohito.com/pl/pl/plaszcz-z-paskiem-9834x'>"
            "Płaszcz z paskiem Mohito</a></p><p>Podobny: <a href='https://www.zalando.pl/vila-viposey-coat'>Vila VIPOSEY – "
            "płaszcz</a></p><h2>Halina</h2><h3>Sweter Haliny</h3><p>Podobny: <a href='https://s.example/sweter'>sweter z "
            "wełną</a></p>")
    rec = _in_language("pl", "Pensjonat pod Lipą, sezon 2, odcinek 5: stylizacje Zosi i Haliny", body)
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [(E, "Mohito"), (A, "Vila"), (A, None)]


def test_the_episode_before_is_nobody():
    body = ("<p>上一集的穿搭整理在這裡 👉 <a href='https://blog.example/posts/229001234'>《Northbound》第二季 EP2 穿搭整理</a></p>"
            "<h2>① 駝色雙排扣風衣</h2><p>同款：<a href='https://s.example/1'>Zara</a></p>")
    assert "上一集" not in _in_language("zh-TW", "《Northbound》第二季 EP3 林語晴穿搭", body).characters


def test_a_bare_genitive_names_the_wearer_where_the_pages_language_writes_one():
    sections = ("<p>Här är vad Wilhelm, Felice och Sara hade på sig.</p>"
                "<h2>Wilhelm</h2><p>Wilhelms stickade tröja: <a href='https://s.example/1'>Acne Studios</a></p>"
                "<h2>Felice</h2><p>Felice bär en ridjacka, <a href='https://s.example/2'>liknande</a></p>")
    assert _in_language("sv", "Young Royals säsong 3, avsnitt 2", sections).characters == ["Wilhelm", "Felice"]
    # the title's list of genitives before "kläder"
    rec = _in_language("sv", "Young Royals: Wilhelms, Felices och Saras kläder",
                       "<p>Här är vad Wilhelm, Felice och Sara hade på sig. Saras kappa: "
                       "<a href='https://s.example/1'>Filippa K</a></p>")
    assert rec.characters == ["Wilhelm", "Felice", "Sara"]
    # a garment's own words, a compound ending in a garment included; never a maker or a plural garment
    rec = _in_language("de", "Babylon Berlin Staffel 4, Folge 3", "<ul><li>Charlottes Paillettenkleid: "
                       "<a href='https://s.example/1'>Needle &amp; Thread</a></li><li>Helgas Mantel: "
                       "<a href='https://s.example/2'>ähnlich bei Amazon</a></li><li>Levis Jeans: "
                       "<a href='https://s.example/3'>hier</a></li></ul>")
    assert rec.characters == ["Charlotte", "Helga"]
    # an English page's "Levis jeans" or "Wilhelms tröja" is no genitive
    rec = _in_language("en", "Young Royals 3x02", "<h2>Wilhelm</h2><p>Wilhelms stickade tröja: "
                       "<a href='https://s.example/1'>Acne Studios</a></p>")
    assert rec.characters == []


def test_looks_of_a_list_of_names_in_portuguese_and_a_bold_lead_line():
    rec = _in_language("pt-BR", "Sex Education T4E2: os looks da Maeve, da Aimee e da Ruby",
                       "<p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.characters == ["Maeve", "Aimee", "Ruby"]
    rec = _in_language("pt-BR", "Sex Education T4E2", "<div><b>Look da Maeve:</b></div>"
                       "<div>Jaqueta jeans: <a href='https://s.example/1'>Levi's</a></div>")
    assert rec.characters == ["Maeve"]


@pytest.mark.parametrize("title, names", [
    ("Vale Tudo, capítulo 34: os looks de Maria de Fátima, Raquel e Odete Roitman",
     ["Maria de Fátima", "Raquel", "Odete Roitman"]),
    ("Les tenues de Serena van der Woodsen et Blair", ["Serena van der Woodsen", "Blair"]),
    ("Les tenues de Camille Saison 2", ["Camille"]),  # the title's words after the name are no name
])
def test_looks_of_names_of_several_words(title, names):
    assert _in_language("fr", title, "<p>Manteau : <a href='https://s.example/1'>Zara</a></p>").characters == names


def test_a_wearer_between_the_look_word_and_the_show():
    rec = _in_language("id", "Outfit Dasiyah di Gadis Kretek Episode 2",
                       "<p>Kebaya putih: <a href='https://s.example/1'>Batik Keris</a></p>")
    assert (rec.show, rec.episode, rec.characters) == ("Gadis Kretek", 2, ["Dasiyah"])


def test_a_show_named_by_the_category_at_the_end_of_a_title_in_another_script():
    page = ("<html lang='th'><head><title>แจกพิกัดเสื้อผ้า กอหญ้า F4 Thailand EP.6</title></head><body><article>"
            "<h1>แจกพิกัดเสื้อผ้า กอหญ้า F4 Thailand EP.6</h1><a href='/category/f4-thailand/' rel='category tag'>"
            "F4 Thailand</a><div class='entry-content'><p>เดรส: <a href='https://s.example/1'>Jaspal</a></p></div>"
            "</article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/f4-thailand-ep6/")
    assert (rec.show, rec.episode) == ("F4 Thailand", 6)


def test_no_show_made_up_from_the_address_of_a_post_in_another_script():
    page = ("<html lang='ar'><head><title>إطلالات مريم في الحلقة 3</title></head><body><article>"
            "<h1>إطلالات مريم في الحلقة 3</h1><div class='entry-content'><p>سترة: "
            "<a href='https://s.example/1'>Levi's</a></p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/rawabi-school-episode-3-looks/")
    assert rec.show != "Rawabi School"


def test_names_in_the_titles_brackets_that_head_the_posts_sections():
    rec = _in_language("es", "Élite 7: todos los looks del capítulo 2 (Sonia, Nico y Omar)", (
        "<h2>El look de Sonia</h2><p>Vestido: <a href='https://s.example/1'>Bershka</a></p>"
        "<h2>Nico</h2><p>Cazadora: <a href='https://s.example/2'>Levi's</a></p>"
        "<h2>Omar</h2><p>Camisa: <a href='https://s.example/3'>Massimo Dutti</a></p>"))
    assert rec.characters == ["Sonia", "Nico", "Omar"]


def test_a_full_name_the_post_writes_more_often_than_its_parts():
    rec = _titled("Delia Marsh's Outfits in Gilded Harbor S3 E7", (
        "<p>Delia Marsh finally walked into the board meeting, and Delia Marsh won. Marsh is back.</p>"
        "<h2>Delia Marsh’s Camel Wrap Coat</h2><p>Coat: <a href='https://s.example/1'>Max Mara</a></p>"
        "<h2>Delia Marsh’s Ivory Silk Blouse</h2><p>Underneath, Delia Marsh wears an ivory silk shirt.</p>"
        "<ul><li><strong>Exact:</strong> <a href='https://s.example/2'>Equipment Signature Silk Shirt</a></li></ul>"))
    assert rec.characters == ["Delia Marsh"]


def test_a_short_form_and_a_contracted_is_name_the_same_people():
    rec = _titled("Harbor Kitchen 3x01: Carmy's white tee (again), Sydney's chore coat", (
        "<h3>Carmy</h3><p>It's the white tee again: <a href='https://s.example/1'>here's the exact one</a>.</p>"
        "<h3>Sydney</h3><p>Sydney in the chore coat.</p><p>Syd's chore coat is the Carhartt WIP Michigan coat "
        "(<a href='https://s.example/2'>exact</a>).</p>"
        "<h3>Richie</h3><p>Richie's in a suit for about four seconds, but <a href='https://s.example/3'>this suit</a> "
        "is pretty much it.</p>"))
    assert rec.characters == ["Carmy", "Sydney", "Richie"]


def test_a_family_name_before_a_possessive_is_the_person_the_post_calls_by_her_given_name():
    rec = _titled("Selling Sunset S8E3: Chrishell's and Emma's outfits", (
        "<p>Chrishell's slip dress is from Reformation &ndash; <a href='https://s.example/1'>shop it</a>.</p>"
        "<p>Emma Hernan&rsquo;s oversized white blazer is from Nadine Merabi &ndash; "
        "<a href='https://s.example/2'>shop it</a>. Emma also carried a bag.</p>"))
    assert sorted(rec.characters) == ["Chrishell", "Emma"]


def test_a_german_headings_bare_genitive_and_a_capitalised_compound_garment():
    rec = _in_language("de", "Lenas Mantel und Jonas’ Jacke aus Folge 3", (
        "<p>Auch in Staffel 2 bleibt Lena ihrem Camel-Look treu.</p>"
        "<h2>Lenas Mantel</h2><p>Ein Klassiker: <a href='https://s.example/1'>Wollmantel von Closed</a>. "
        "Ähnlich: <a href='https://www.zalando.de/anna-field-kurzmantel-camel-an621u0ab-b11.html'>Kurzmantel von Anna "
        "Field</a></p><h2>Lenas Stiefel</h2><p>Zum Mantel trägt Lena schwarze Schnürstiefel: <a href='https://s.example/2'>"
        "Schnürstiefel von Vagabond</a></p>"
        "<h2>Jonas’ Jacke</h2><p><a href='https://s.example/3'>Arbeitsjacke von Dickies</a></p>"))
    assert sorted(rec.characters) == ["Jonas", "Lena"]
    assert [link.brand for i in rec.items for link in i.links if link.kind == "alternative"] == ["Anna Field"]


def test_a_full_name_before_its_actor_mid_sentence_is_the_person_the_post_calls_by_the_given_name():
    rec = _in_language("fr", "Lupin partie 3, épisode 4 : le blouson d'Assane", (
        "<p>L'épisode 4 offre à Assane Diop (Omar Sy) l'un de ses looks les plus réussis.</p>"
        "<h2>Le blouson en cuir d'Assane</h2><p>Le blouson d'Assane est le Perfecto de Schott NYC : "
        "<a href='https://s.example/1'>le modèle exact</a></p>"))
    assert rec.characters == ["Assane"]
    # the show's name said alone more often than a wearer's family name is no wearer ("Eloise Bridgerton")
    rec = _in_language("en", "Bridgerton Season 3, Episode 1: Eloise's gown", (
        "<p>Eloise Bridgerton (Claudia Jessie) in blue. Bridgerton is back, and Bridgerton fans are happy.</p>"
        "<p>Eloise's gown: <a href='https://s.example/1'>Selkie</a></p>"))
    assert (rec.show, rec.characters) == ("Bridgerton", ["Eloise"])


def test_a_family_names_bare_genitive_is_the_person_the_post_calls_by_the_given_name():
    rec = _in_language("de", "Babylon Berlin Staffel 4, Folge 3: die Outfits", (
        "<p>Charlys Bluse: <a href='https://s.example/1'>hier</a>.</p><p>Gereon sieht man im Anzug.</p>"
        "<p>Auch Gereon Raths Mantel ist aus der Kostümabteilung. Einen ähnlichen gibt es bei "
        "<a href='https://s.example/2'>Walbusch</a>.</p>"))
    assert "Rath" not in rec.characters and "Gereon" in rec.characters


@pytest.mark.parametrize("lang, title, show, season, episode", [
    ("he", "הבית ברחוב הזית עונה 2, פרק 3: מה לבשה נועה?", "הבית ברחוב הזית", 2, 3),
    ("vi", "Mùa Hoa Phượng tập 15: váy của Linh", "Mùa Hoa Phượng", None, 15),
    ("it", "Vite di Mare, i look di Giulia nella sesta puntata della seconda stagione", "Vite di Mare", 2, 6),
    ("nl", "Grachtengordel Geheimen S1, afl. 3: de looks van Fleur", "Grachtengordel Geheimen", 1, 3),
    ("zh-TW", "【花開那年】第12集 林若晴穿搭", "花開那年", None, 12),
])
def test_episode_words_and_titles_in_more_languages(lang, title, show, season, episode):
    rec = _in_language(lang, title, "<p>Jurk: <a href='https://s.example/1'>Zara</a></p>")
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)


def test_an_episodes_name_in_the_title_is_no_show_and_who_heads_no_table():
    rec = _in_language("en", "What the Islanders Wore: Ep. 12 Recoupling", "<p>Dress: <a href='https://s.example/1'>"
                       "Billini</a></p>")
    assert rec.show is None and rec.episode == 12
    rec = _in_language("es", "Hermanas Olivar T2 E4", (
        "<table><tr><th>Quién lleva qué</th><th>Prenda</th><th>Enlace</th></tr><tr><td>Inés</td><td>Vestido</td>"
        "<td><a href='https://s.example/1'>Zara</a></td></tr></table>"))
    assert "Quién" not in rec.characters


def test_wearers_named_before_a_dash_and_asked_after_in_a_heading():
    rec = _in_language("es", "Corazón de Obsidiana, capítulo 40", (
        "<p><b>Valentina Ríos – vestido rojo drapeado.</b> <a href='https://s.example/1'>Zara</a></p>"
        "<p><b>Regina Montalvo – traje blanco.</b> <a href='https://s.example/2'>Mango</a></p>"))
    assert rec.characters == ["Valentina Ríos", "Regina Montalvo"]
    rec = _in_language("it", "Mare Fuori 4x05: i look di Rosa", (
        "<p>Rosa indossa un bomber: <a href='https://s.example/1'>Alpha Industries</a></p><h2>E Carmela?</h2>"
        "<p>Carmela invece sfoggia una felpa grigia: <a href='https://s.example/2'>Champion</a></p>"))
    assert rec.characters == ["Rosa", "Carmela"]


def test_an_italian_look_heading_with_its_article_and_no_adverb_or_card_word_as_a_wearer():
    rec = _in_language("it", "Mare Fuori 4x06", (
        "<h2>Il look di Carmela</h2><p>Blazer doppiopetto: <a href='https://s.example/1'>Zara</a></p>"
        "<p>Sotto, Rosa indossa un top bianco: <a href='https://s.example/2'>Intimissimi</a></p>"))
    assert "Carmela" in rec.characters and "Sotto" not in rec.characters


def test_a_turkish_season_in_the_genitive_and_a_group_word_is_no_wearer():
    rec = _in_language("tr", "Yalı Çapkını 45. Bölüm", "<p>Dizinin 2. sezonun 45. bölümünde Ferit'in ceketi: "
                       "<a href='https://s.example/1'>Beymen</a></p>")
    assert (rec.season, rec.episode) == (2, 45)
    rec = _in_language("en", "What the Girls Wore: Love Island Series 11, Episode 4",
                       "<p>Bikini: <a href='https://s.example/1'>ASOS</a></p>")
    assert "Girls" not in rec.characters


def test_names_as_the_post_writes_them():
    # a pronoun in a blog's name is nobody; an initial keeps its period; a Japanese honorific is no part of the name
    rec = _in_language("en", "what she wore (tv) — Succession 4x03", "<p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert rec.characters == []
    rec = _in_language("en", "Severance 2x10 — wardrobe log", (
        "<table><thead><tr><th>Item</th><th>Character</th><th>Match</th><th>Link</th></tr></thead><tbody>"
        "<tr><td>Navy turtleneck</td><td>Helly R.</td><td>Exact</td><td><a href='https://s.example/1'>sezane</a></td></tr>"
        "<tr><td>Oxblood loafers</td><td>Mark S.</td><td>Exact</td><td><a href='https://s.example/2'>g.h.bass</a></td>"
        "</tr></tbody></table>"))
    assert rec.characters == ["Helly R.", "Mark S."]
    rec = _in_language("ja", "『アンメット』第4話 ミヤビ先生のコート",
                       "<p>ミヤビ先生のコート：<a href='https://s.example/1'>ユニクロ</a></p>")
    assert rec.characters == ["ミヤビ"]


def test_a_season_and_episode_in_nordic_ordinals_and_the_show_after_the_season():
    rec = _in_language("sv", "Wilhelms kavaj och Saras klänning",
                       "<p>Nu är den sista säsongen av Young Royals här. I den tredje säsongens andra avsnitt bär "
                       "Wilhelm en kavaj: <a href='https://s.example/1'>Acne Studios</a></p>")
    assert (rec.show, rec.season, rec.episode) == ("Young Royals", 3, 2)


def test_a_links_preview_card_in_the_entry_is_no_other_post():
    page = ("<html><head><title>ドラマ 第4話</title></head><body><article class='skin-entry'><h1>ドラマ 第4話</h1>"
            "<div class='skin-entryBody'><p>コート：<a href='https://s.example/1'>ユニクロ</a></p>"
            "<article class='ogpCard_wrap'><a href='https://s.example/2'>UNIQLO公式</a></article>"
            "<article class='ogpCard_wrap'><a href='https://s.example/3'>ZARA</a></article></div></article></body></html>")
    assert extract_post(lxml.html.fromstring(page), "https://ameblo.example/me/entry-1.html").is_post


def test_lines_that_open_with_a_characters_name_and_a_colon():
    rec = _in_language("pl", "Sexify sezon 2 odcinek 4: stylizacje bohaterek",
                       "<ul><li>Natalia: marynarka Reserved – <a href='https://s.example/1'>ta sama</a></li>"
                       "<li>Paulina: sukienka – <a href='https://s.example/2'>podobna z Mohito</a></li>"
                       "<li>Zara: spódnica – <a href='https://s.example/3'>link</a></li></ul>")
    assert rec.characters == ["Natalia", "Paulina"]  # not the maker
    # one such line: only where the post writes the name as a person elsewhere, not "Underneath:"
    one = "<p>Underneath: wide-leg wool trousers from The Row, <a href='https://s.example/1'>here</a>.</p>"
    assert _in_language("en", "The Morning Show 3x01", one).characters == []
    rec = _in_language("en", "The Morning Show 3x01", "<p>Alex wore her power suit again.</p>"
                       + one.replace("Underneath", "Alex"))
    assert rec.characters == ["Alex"]


def test_names_heading_garment_sections_beside_a_known_characters_section():
    rec = _inline("<h2>Georgia</h2><p>Georgia’s blazer: <a href='https://s.example/1'>J.Crew</a></p>"
                  "<h2>Ginny</h2><p><a href='https://s.example/2'>Urban Outfitters Cropped Hoodie</a></p>"
                  "<h2>Dawn &amp; Gloria</h2><p>A chore coat: <a href='https://s.example/3'>Carhartt</a></p>"
                  "<h2>Accessories</h2><p>Hoops: <a href='https://s.example/4'>Mejuri</a></p>"
                  "<h3>Max</h3><p>Max's sneakers: ask me</p>")
    assert rec.characters == ["Georgia", "Ginny", "Dawn", "Gloria"]
    # no section of a known character: bare names are not enough
    assert _inline("<h2>Ginny</h2><p><a href='https://s.example/2'>Urban Outfitters Cropped Hoodie</a></p>"
                   ).characters == []


def test_a_maker_before_its_models_name_in_brackets_is_no_wearer():
    rec = _in_language("de", "Jonas’ gelbe Regenjacke &amp; Rucksack aus Staffel 1, Folge 4", "<h2>Jonas’ gelbe Regenjacke</h2><p>Die Regenjacke: "
                       "<a href='https://s.example/1'>Rains</a></p><h2>Jonas’ Rucksack</h2><p>Der Rucksack ist von "
                       "Eastpak (Padded Pak’r): <a href='https://s.example/2'>hier</a>.</p>")
    assert (rec.show, rec.season, rec.episode, rec.characters) == (None, 1, 4, ["Jonas"])  # his garments: no show


def test_a_garment_of_the_name_in_a_romance_language():
    rec = _in_language("fr", "Emily in Paris saison 3 épisode 7",
                       "<h2>Sylvie</h2><p>Introuvable, la robe noire de Sylvie. Look similaire : "
                       "<a href='https://s.example/1'>robe drapée Mango</a></p>")
    assert rec.characters == ["Sylvie"]


def test_a_show_named_for_its_heroine():
    rec = _titled("Fleabag, Series Two, Episode One", "<p>Fleabag's black jumpsuit: "
                  "<a href='https://s.example/1'>Self-Portrait</a></p>")
    assert (rec.show, rec.season, rec.episode, rec.characters) == ("Fleabag", 2, 1, ["Fleabag"])
    # or as the post's labels write it with its season
    rec = _inline("<p>Elsbeth's rainbow scarf: <a href='https://s.example/1'>Etsy</a></p><p>Labels: <a href='/search/"
                  "label/Elsbeth' rel='tag'>Elsbeth</a>, <a href='/search/label/Elsbeth%20Season%201' rel='tag'>Elsbeth "
                  "Season 1</a>, <a href='/search/label/CBS' rel='tag'>CBS</a></p>", title="Elsbeth's Coats This Week")
    assert (rec.show, rec.characters) == ("Elsbeth", ["Elsbeth"])


def test_names_in_a_post_written_in_lower_case():
    rec = _inline("<p>someone asked about the sweaters so here u go</p>"
                  "<p><b>rory:</b> grey cable knit sweater, <a href='https://s.example/1'>this vintage gap one</a></p>"
                  "<p><b>lizzie</b>: the cable knit is <a href='https://s.example/2'>ralph lauren</a></p>"
                  "<p><b>coat:</b> <a href='https://s.example/3'>zara</a></p>"
                  "<p>nick’s rugby jacket: <a href='https://s.example/4'>canterbury</a><br>"
                  "charlie’s striped jumper: <a href='https://s.example/5'>similar, asos</a></p>")
    assert rec.characters == ["Rory", "Lizzie", "Nick", "Charlie"]
    # a section per character, its heading with a theme's anchor link
    rec = _inline("<h2 id='taylor'>taylor<a class='anchor' href='#taylor'>#</a></h2>"
                  "<p>taylor’s yellow mini dress is from <a href='https://s.example/1'>princess polly</a></p>"
                  "<h2 id='belly'>belly<a class='anchor' href='#belly'>#</a></h2>"
                  "<p>top: <a href='https://s.example/2'>Abercrombie &amp; Fitch Linen-Blend Top</a></p>"
                  "<p>links are affiliate links. thank u.</p>")
    assert rec.characters == ["Taylor", "Belly"]
    # a post written with capitals: a lower-case bold word is no name
    rec = _inline("<p>Her coat is the one to find.</p><p>Here is where to buy it.</p>"
                  "<p><b>nota:</b> the coat, <a href='https://s.example/1'>Sandro</a></p>")
    assert rec.characters == []


def test_a_wearers_bold_line_names_each_garment_by_its_link_or_clause():
    rec = _inline("<p><b>Carrie:</b> the tulle skirt moment. <a href='https://s.example/1'>Molly Goddard Nolan tiered "
                  "tulle skirt</a> (exact). Paired with a vintage <a href='https://s.example/2'>Chanel cardigan</a>. "
                  "For less: <a href='https://s.example/3'>ASOS tulle midi</a>.<br><b>Charlotte:</b> a floral "
                  "shirtdress by <a href='https://s.example/4'>Carolina Herrera</a> with <a href='https://s.example/5'>"
                  "JW Anderson Bumper-12 bag</a>.</p>")
    assert [(i.brand, [link.kind for link in i.links]) for i in rec.items] == [
        ("Molly Goddard", ["exact", "alternative"]), ("Chanel", ["exact"]), ("Carolina Herrera", ["exact"]),
        ("JW Anderson", ["exact"])]
    assert rec.characters == ["Carrie", "Charlotte"]


def test_a_verb_of_wearing_in_the_posts_language_names_the_wearer_where_the_line_links():
    rec = _in_language("sv", "Bonusfamiljen – säsong 4 avsnitt 2",
                       "<p>Katja bär en kappa från Filippa K (<a href='https://s.example/1'>Edie-kappan</a>).</p>"
                       "<p>Patrik hade på sig sin vanliga fleece, den räknar jag inte.</p>")
    assert rec.characters == ["Katja"]  # Patrik's fleece is not identified: no link on his line
    rec = _in_language("de", "Babylon Berlin: Die Outfits aus Staffel 4, Folge 3",
                       "<p>In Folge 3 von <strong>Babylon Berlin</strong> ist es Silvester.</p>"
                       "<h2>Charlotte Ritter</h2><p>Dazu trägt Charlotte einen Glockenhut – "
                       "<a href='https://s.example/1'>Original ansehen</a>.</p>"
                       "<h2>Helga</h2><p>Helga im Kamelhaarmantel: Marke Max Mara, "
                       "<a href='https://s.example/2'>hier kaufen</a>.</p>"
                       "<p>Helga im Büro: <a href='https://s.example/3'>mehr Bilder</a></p>")
    # not the show in bold inside a sentence, nor the adverb before a verb-second verb
    assert rec.characters == ["Charlotte", "Helga"]
    rec = _in_language("de", "Staffel 1, Folge 2", "<p>Greta im Büro: <a href='https://s.example/3'>mehr</a></p>")
    assert rec.characters == []  # "im" before a place, not a garment


def test_a_garment_of_the_wearer_in_a_line_with_a_look_alike_is_a_garment_of_its_own():
    rec = _in_language("pt-BR", "Sintonia T4E2: os looks da Rita",
                       "<p>Os looks da Rita no episódio 2 da 4ª temporada de <strong>Sintonia</strong>!</p>"
                       "<p>O vestido estampado é da Farm: <a href='https://www.farmrio.com.br/v'>compre aqui</a>.</p>"
                       "<p>O tênis da Rita é Nike Air Force 1 (<a href='https://www.nike.com.br/t'>link</a>). "
                       "Já o boné do Doni não encontramos, mas <a href='https://s.example/bone'>este é parecido</a>.</p>")
    assert rec.characters == ["Rita", "Doni"]  # not the maker "da Farm"
    kinds = [[link.kind for link in item.links] for item in rec.items]
    assert kinds == [["exact"], ["exact"], ["alternative"]]
    assert "boné" in rec.items[2].text and "Nike" not in rec.items[2].text


def test_the_clause_that_labels_a_link_is_its_own_not_the_next_garments():
    # "are nearly identical" is the trousers' look-alike's; the pumps after "Shoes:" are the exact pair
    rec = _inline("<p>She wears a turtleneck by Vince (<a href='https://s.example/0'>Nordstrom has it</a>) tucked into "
                  "trousers by Theory. The exact trousers are sold out in black, but "
                  "<a href='https://s.example/1'>these Theory pleated pants</a> are nearly identical. Shoes: the "
                  "<a href='https://s.example/2'>Sam Edelman Hazel pumps</a> in black leather (get the look for less: "
                  "<a href='https://s.example/3'>a dupe here</a>).</p>")
    kinds = {link.url[-1]: link.kind for item in rec.items for link in item.links}
    assert kinds == {"0": "exact", "1": "alternative", "2": "exact", "3": "alternative"}


@pytest.mark.parametrize("title", ["More camel coats like Maya’s", "Shop more coats like hers"])
def test_a_strip_of_others_like_the_wearers_is_look_alikes(title):
    cards = "".join(f"<div class='ss-item'><a href='https://s.example/{i}'><img src='https://img.example/{i}.jpg' "
                    f"alt='Wool Wrap Coat'><span class='ss-brand'>{b}</span><span class='ss-name'>Wool Wrap Coat</span>"
                    f"</a></div>" for i, b in enumerate(["Vince Camuto", "Reiss"]))
    rec = _inline("<h2>Maya</h2><p>Maya’s coat is by Max Mara: <a href='https://m.example/coat'>Manuela coat</a>.</p>"
                  f"<div class='shopsense-widget'><p class='shopsense-widget-title'>{title}</p>{cards}</div>")
    kinds = [link.kind for item in rec.items for link in item.links]
    assert kinds == ["exact", "alternative", "alternative"]


def test_a_line_opening_with_a_bold_wearer_names_a_garment_a_link():
    rec = _inline("<p><strong>Tessa</strong> (Grace Ambrose) lived in a plaid shacket. It’s from Free People — "
                  "<a href='https://s.example/1'>exact</a> / <a href='https://s.example/2'>similar</a>. Her jeans are "
                  "Levi’s Ribcage (<a href='https://s.example/3'>here</a>), and the boots are Blundstone 585s, "
                  "<a href='https://s.example/4'>at Nordstrom</a> (or <a href='https://s.example/5'>a cheaper pair from "
                  "Target</a>).</p>")
    assert [[link.kind for link in item.links] for item in rec.items] == [
        ["exact", "alternative"], ["exact"], ["exact", "alternative"]]


def test_a_label_before_the_first_link_ends_where_a_sentence_names_another_garment():
    rec = _inline("<p>Jess wore a slip skirt. I couldn’t find the exact skirt, but Vince makes one that’s almost the same "
                  "— <a href='https://s.example/1'>the Vince bias slip skirt</a> — and Quince has "
                  "<a href='https://s.example/2'>a $50 version</a>. On top, a Khaite cashmere sweater "
                  "(<a href='https://s.example/3'>on Mytheresa</a>).</p>")
    assert [[link.kind for link in item.links] for item in rec.items] == [["alternative", "alternative"], ["exact"]]
    assert rec.items[1].brand == "Khaite"


def test_the_shape_without_the_price_is_a_look_alike():
    rec = _inline("<p>Her aviator jacket is Acme Studios: <a href='https://s.example/1'>shearling aviator jacket</a>.</p>"
                  "<p>If you want the shape without the four-figure price, <a href='https://s.example/2'>BLANKNYC makes "
                  "a faux-shearling version</a>.</p>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "alternative"]


def test_a_look_alikes_article_or_label_word_ties_it_to_no_earlier_garment():
    # "une" and "alternative" are in both look-alikes' words: the second is the ballerinas', right before it
    rec = _in_language("fr", "Rive Gauche épisode 2 : les looks",
                       "<p>Sa veste en tweed est signée ba&amp;sh : <a href='https://s.example/1'>la voici</a>. Pour un "
                       "budget plus doux, <a href='https://s.example/2'>une version très proche chez Mango</a>. Ses "
                       "ballerines sont des Repetto Cendrillon (<a href='https://s.example/3'>ici</a>) ; "
                       "<a href='https://s.example/4'>une alternative à petit prix</a> chez La Redoute.</p>")
    assert [(item.brand.casefold(), [link.url[-1] for link in item.links]) for item in rec.items] == [
        ("ba&sh", ["1", "2"]), ("repetto", ["3", "4"])]


def test_wellies_are_a_garment_of_their_own():
    rec = _inline("<p>Imogen’s jacket is a Barbour Beadnell. <a href='https://s.example/1'>Barbour Beadnell waxed "
                  "jacket</a>. Her wellies are Le Chameau, <a href='https://s.example/2'>stocked at John Lewis</a>; "
                  "Hunter is the cheaper take — <a href='https://s.example/3'>Hunter Original Tall</a>.</p>")
    assert [[link.url[-1] for link in item.links] for item in rec.items] == [["1"], ["2", "3"]]


def test_the_clause_after_a_link_is_its_own_unless_it_joins_on_into_the_next():
    # "s’en approche beaucoup, et <a>…</a>": the clause says the first link comes close, then joins the second
    rec = _in_language("fr", "Rive Gauche épisode 2",
                       "<p>Son trench vient de chez Sandro, mais il n’est plus disponible. <a href='https://fr.maje.com/"
                       "fr/p/trench-1.html'>Celui-ci de chez Maje</a> s’en approche beaucoup, et <a href='https://www.zara"
                       ".com/fr/fr/trench-p1.html'>ce modèle Zara</a> fait très bien l’affaire.</p>")
    assert [(link.kind, link.brand) for item in rec.items for link in item.links] == [
        ("alternative", "Maje"), ("alternative", "Zara")]


def test_a_possessive_opening_a_look_alikes_link_names_its_maker_not_a_wearer():
    rec = _in_language("en", "What Dana Wore to Win: Lakeview Law, Episode 5",
                       "<p>Dana wore a cream suit by Theory: <a href='https://www.theory.com/p/suit-1'>Theory suit</a>.</p>"
                       "<p>Priya’s ribbed dress is from an old collection and is no longer sold. The nearest thing on the "
                       "market is <a href='https://www.aritzia.com/us/en/product/sculpt-knit-midi-dress/1.html'>Babaton’s "
                       "Sculpt Knit midi</a>, which is also sold at Aritzia. Her boots are <a href='https://amzn.to/Yw'>"
                       "similar to these on Amazon</a>.</p>")
    assert "Babaton" not in rec.characters and "Dana" in rec.characters


def test_a_look_alike_goes_with_the_garment_its_words_name_not_one_sharing_a_call_word():
    # "here" ends both look-alikes' links: the second is the loafers' (the garment right before), not the jacket's
    rec = _inline("<p>Emily wore a <a href='https://s.example/1'>Chanel tweed jacket</a> (get a similar one "
                  "<a href='https://s.example/2'>here</a>) with <a href='https://s.example/3'>Loro Piana loafers</a> "
                  "and a look-alike <a href='https://s.example/4'>pair here</a>.</p>")
    assert [(item.brand, [link.kind for link in item.links]) for item in rec.items] == [
        ("Chanel", ["exact", "alternative"]), ("Loro Piana", ["exact", "alternative"])]


def test_a_label_before_the_first_link_speaks_for_the_whole_line():
    rec = _inline("<p>The modern equivalent of Penelope's new empire-line gowns: I love "
                  "<a href='https://s.example/1'>this Hill House Nap Dress</a>, "
                  "<a href='https://s.example/2'>Selkie's Puff Dress</a> and "
                  "<a href='https://s.example/3'>Cornelia James opera gloves</a>.</p>")
    assert {link.kind for item in rec.items for link in item.links} == {"alternative"}
    rec = _inline("<p>Mindy’s look centres on the <a href='https://s.example/1'>Jacquemus bucket hat</a> in pink. Her "
                  "cropped puffer is by Ganni, sold out everywhere. Shop similar: "
                  "<a href='https://s.example/2'>Free People Packable Puffer</a> or "
                  "<a href='https://s.example/3'>ASOS cropped puffer in lilac</a>.</p>")
    assert [[link.kind for link in item.links] for item in rec.items] == [["exact"], ["alternative", "alternative"]]


def test_names_in_the_polish_genitive_are_given_back_as_names():
    rec = _in_language("pl-PL", "Sexify sezon 2 odcinek 4 – stylizacje Natalii i Moniki",
                       "<h2>Stylizacja Natalii</h2><p>Natalia ma na sobie marynarkę Reserved – "
                       "<a href='https://s.example/1'>kupisz tutaj</a>.</p><h2>Stylizacja Moniki</h2>"
                       "<p>Sukienka Moniki: Mohito, <a href='https://s.example/2'>sklep Mohito</a>.</p>")
    assert rec.characters == ["Natalia", "Monika"]
    # a garment's owner only where the post writes the name itself; a maker after its garment is none
    rec = _in_language("pl", "Przyjaciółki, 5. odcinek", "<p>Zuza wróciła. Płaszcz Zuzy: "
                       "<a href='https://s.example/1'>Reserved</a></p><p>Sukienka Mohito: "
                       "<a href='https://s.example/2'>tutaj</a>. Kurtka Jana: <a href='https://s.example/3'>Zara</a></p>")
    assert rec.characters == ["Zuza"]


def test_a_shop_named_again_in_brackets_by_its_link_is_no_character_and_actor():
    rec = _in_language("es", "Café con aroma de mujer capítulo 62: los looks de Gaviota",
                       "<p>Gaviota aparece con un blazer beige de <b>Zara</b> (<a href='https://s.example/1'>Zara</a>) y "
                       "pantalón ancho de El Corte Inglés (<a href='https://s.example/2'>El Corte Inglés</a>).</p>")
    assert rec.characters == ["Gaviota"]


def test_a_links_label_an_item_word_or_a_label_after_a_name_is_no_character():
    rec = _titled("Emily in Paris 4x03: Emily's looks", "<p>Emily's dress: <a href='https://s.example/1'>SIMILAR "
                  "(ASOS Design)</a> and <a href='https://s.example/2'>SIMILAR from Mango</a></p>")
    assert rec.characters == ["Emily"]
    rec = _in_language("it", "L'amica geniale 4x02: i look di Lenù", "<p><b>Occhiali</b> – tartarugati, "
                       "<a href='https://s.example/1'>simili qui</a></p><p>Il cappotto di Lenù: "
                       "<a href='https://s.example/2'>Max Mara</a></p>")
    assert rec.characters == ["Lenù"]
    # Chinese writes the label right after the name: "李李同款" is 李李's same item
    rec = _titled("《繁花》第5集 李李同款穿搭全扒", "<p>李李同款大衣：<a href='https://s.example/1'>淘宝</a></p>")
    assert rec.characters == ["李李"]


def test_names_in_the_russian_genitive_are_given_back_as_names():
    rec = _in_language("ru", "Содержанки 4 сезон 3 серия: образы Даши и Марины",
                       "<h2>Образы Даши</h2><p>Пальто Даши: <a href='https://s.example/1'>Lime</a>.</p>"
                       "<h2>Образы Марины</h2><p>Костюм Марины — <a href='https://s.example/2'>похожая модель</a>.</p>")
    assert rec.characters == ["Даша", "Марина"]
    # -и after a soft name is -я ("Кати"); a man's genitive only where the post writes the name itself
    rec = _in_language("ru", "Образы Кати: 2 серия", "<p>Пальто Кати: <a href='https://s.example/1'>Zarina</a>. "
                       "Куртка Ивана: <a href='https://s.example/2'>Zara</a></p>")
    assert rec.characters == ["Катя"]


def test_a_middle_dot_between_japanese_names_parts_two_people_not_a_foreign_name():
    rec = _titled("silent 第5話 紬・奈々の衣装", "<p>【紬のニット】ブランド：SNIDEL<a href='https://s.example/1'>楽天で見る</a></p>")
    assert rec.characters == ["紬", "奈々"]
    rec = _titled("New Girl 第3話 ジェシカ・デイの衣装",
                  "<p>コート：<a href='https://s.example/1'>楽天で見る</a></p>")
    assert rec.characters == ["ジェシカ・デイ"]


def test_a_name_heading_a_section_without_links_identifies_nothing_but_marks_its_siblings_as_names():
    rec = _in_language("nl", "Outfits wtFOCK – seizoen 3, aflevering 7",
                       "<p>Deze week veel aandacht voor Zoë en Robbe.</p>"
                       "<h3>Zoë</h3><p>Trui – Merk: Arket. <a href='https://s.example/1'>Bekijk de trui</a></p>"
                       "<h3>Robbe</h3><p>Jas: <a href='https://s.example/2'>Carhartt WIP Detroit Jacket</a></p>"
                       "<h3>Jana</h3><p>Jana’s jas konden we helaas niet vinden. Weet jij het?</p>")
    assert rec.characters == ["Zoë", "Robbe"]


def test_a_maker_linked_after_de_through_an_affiliate_is_no_wearer():
    wrapped = "https://www.awin1.com/cread.php?awinmid=1&ued=https%3A%2F%2Fwww.farmrio.com.br%2Fblusa%2Fp"
    rec = _in_language("pt-BR", "Avenida Brasil: o look da Carminha no capítulo 102",
                       f"<p><b>O look da Carminha</b><br>Vestido: <a href='https://s.example/1'>Animale</a><br><br>"
                       f"Blusa estampada da <a href='{wrapped}'>Farm</a> (mais em conta na "
                       "<a href='https://www.lojasrenner.com.br/p/blusa'>Renner</a>)</p>")
    assert rec.characters == ["Carminha"]


def test_whose_garment_a_japanese_korean_or_chinese_heading_or_line_opens_with():
    rec = _titled("이상한 변호사 우영우 7화 패션 정보", "<h3>우영우 원피스</h3><p>브랜드 : 플라스틱아일랜드<br>"
                  "<a href='https://s.example/1'>제품 보러가기</a></p><h3>최수연 블라우스</h3><p>브랜드 : 더캐시미어 "
                  "<a href='https://s.example/2'>구매링크</a></p><h3>오늘의 코디</h3><p>다음 화도 기대돼요!</p>"
                  "<p>데님 스커트: <a href='https://s.example/3'>비슷한 제품</a></p>")
    assert rec.characters == ["우영우", "최수연"]  # a material before its garment is no one's
    rec = _titled("ドラマ「silent」第5話 衣装まとめ", "<p>★紬のコート<br>ブランド：SNIDEL<br><a href='https://s.example/1'>"
                  "【SNIDEL】ウールリバーコート</a></p><p>★想のニット<br>似ているもの↓<br><a href='https://s.example/2'>"
                  "ニット</a></p><p>★ユニクロのコート<br><a href='https://s.example/3'>ユニクロで見る</a></p>")
    assert rec.characters == ["紬", "想"]  # a shop's name in katakana is no one's
    rec = _titled("『大豆田とわ子と三人の元夫』4話", "<h3>とわ子の衣装</h3><h4>ワンピース</h4><p>ブランドはADOREです。"
                  "<a href='https://s.example/1'>楽天市場で見る</a></p><h3>かごめの衣装</h3><p>カーディガン："
                  "<a href='https://s.example/2'>ZOZOTOWNで見る</a></p>")
    assert rec.characters == ["とわ子", "かごめ"]
    rec = _titled("《繁花》第12集 穿搭", "<p><strong>玲子</strong>：丝绒旗袍，品牌：例外 <a href='https://s.example/1'>淘宝同款</a>"
                  "</p><p><strong>李李</strong>：黑色大衣，品牌未知，<a href='https://s.example/2'>京东类似款</a></p>")
    assert rec.characters == ["玲子", "李李"]
    # a numbered heading: a circled digit, a Chinese numeral and its comma
    rec = _titled("눈물의 여왕 7화 패션 정보", "<h3>① 홍해인 원피스</h3><p><a href='https://s.example/1'>제품 보러가기</a></p>"
                  "<h3>④ 백현우 수트</h3><p><a href='https://s.example/2'>구매링크</a></p>")
    assert rec.characters == ["홍해인", "백현우"]
    rec = _titled("《玫瑰的故事》第8集 穿搭", "<h2>一、黄亦玫的驼色大衣</h2><p><a href='https://s.example/1'>淘宝同款</a></p>"
                  "<h2>四、苏更生的针织开衫</h2><p><a href='https://s.example/2'>京东类似款</a></p>")
    assert rec.characters == ["黄亦玫", "苏更生"]


@pytest.mark.parametrize("title, show, season, episode", [
    ("Babylon Berlin: Die Outfits aus Staffel 4, Folge 3", "Babylon Berlin", 4, 3),
    ("Elite: looks de la temporada 5 capítulo 3", "Elite", 5, 3),
    ("『大豆田とわ子と三人の元夫』4話 とわ子の衣装", "大豆田とわ子と三人の元夫", None, 4),
])
def test_the_show_before_a_title_parts_looks_from_its_episode(title, show, season, episode):
    rec = _titled(title, "<p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)


@pytest.mark.parametrize("lang, body", [
    ("it", "<p>Aimee indossa un cardigan firmato Ganni (<a href='https://s.example/1'>identico</a>). Se volete spendere "
           "meno c'è questo <a href='https://s.example/2'>cardigan di H&amp;M</a> molto simile.</p>"),
    ("pl", "<p>Paulina ma na sobie sukienkę od Mohito (<a href='https://s.example/1'>dokładnie ten model</a>). "
           "Tańsza alternatywa: <a href='https://s.example/2'>sukienka z Sinsay</a>.</p>"),
    ("tr", "<ul><li><strong>Ceket:</strong> Beymen Club – (Birebir aynısı) <a href='https://s.example/1'>Satın al</a> / "
           "(Muadili) <a href='https://s.example/2'>Koton</a></li></ul>"),
    ("zh-TW", "<p>耳環是 Bottega Veneta 的水滴耳環<br>➤ 同款：<a href='https://s.example/1'>BV官網</a><br>➤ 平價替代："
              "<a href='https://s.example/2'>Pinkoi 設計師款</a></p>"),
])
def test_look_alike_labels_in_more_languages(lang, body):
    rec = _in_language(lang, "Show 1x02", body)
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "alternative"]


def test_captions_roles_headings_classed_as_anchors_and_other_posts_lists():
    # Substack: headings classed "header-anchor-post", a caption naming the role an actor plays, an archive
    # of other posts ("Severance: shopping Helly's office wear") that is no part of this one
    body = ("<figure><img src='/a.jpg'><figcaption class='image-caption'>Aimee Lou Wood as Chelsea. Photo: HBO"
            "</figcaption></figure><h3 class='header-anchor-post'>Chelsea</h3><p>The halter dress is by Staud. "
            "Exact: <a href='https://s.example/1'>Staud Wells Dress</a>.</p><h3 class='header-anchor-post'>Piper</h3>"
            "<p>A white linen shirt dress: <a href='https://s.example/2'>Posse Emma</a>.</p>"
            "<div class='portable-archive'><div class='portable-archive-list-item'><a class='post-preview-title' "
            "href='https://blog.example/p/severance'>Severance: shopping Helly's office wear</a></div></div>")
    assert _titled("Wardrobe notes: temple day in Koh Samui", body).characters == ["Chelsea", "Piper"]


def test_garment_labels_in_turkish_and_a_shows_looks_are_no_characters():
    rec = _in_language("tr", "Kuş Uçuşu 2. Sezon 7. Bölüm Kıyafetleri: Lale ve Nazlı Ne Giydi?",
                       "<h3>Lale'nin Kıyafetleri</h3><ul><li><strong>Elbise:</strong> İpekyol marka midi elbise – "
                       "<a href='https://s.example/1'>Satın al</a></li></ul><h3>Nazlı'nın Kıyafetleri</h3><ul><li>"
                       "<strong>Çanta:</strong> Vakko – <a href='https://s.example/2'>Satın al</a></li></ul>")
    assert rec.characters == ["Lale", "Nazlı"]
    rec = _in_language("es", "Looks de Élite: temporada 3, capítulo 5",
                       "<h2>El look de Carla</h2><p>Carla lleva una chaqueta de Saint Laurent: "
                       "<a href='https://s.example/1'>Comprar</a></p>")
    assert rec.characters == ["Carla"]
    rec = _in_language("nl", "Wednesday seizoen 1 aflevering 4: wat droegen Wednesday en Enid?",
                       "<p>Jurk: <a href='https://s.example/1'>Alaïa</a></p>")
    assert rec.characters == ["Wednesday", "Enid"]


@pytest.mark.parametrize("lang, body, brand", [
    # a table's brand column saying "unknown"
    ("es", "<table><tr><th>Prenda</th><th>Marca</th><th>Dónde comprar</th></tr><tr><td>Botas altas</td>"
           "<td>Desconocida</td><td><a href='https://s.example/1'>Alternativa en Bershka</a></td></tr></table>", None),
    # a call to shop written after the shop's name, and a maker glued to the words around it
    ("zh-CN", "<p>手上拎的是GG Marmont链条包：【同款】<a href='https://s.example/1'>Gucci官网</a></p>", "Gucci"),
    ("zh-CN", "<p>王漫妮身穿Self-Portrait家的蕾丝连衣裙。【同款】<a href='https://s.example/1'>Farfetch购买</a></p>",
     "Self-Portrait"),
    ("pl", "<p>Do tego botki na platformie od Vagabond – <a href='https://s.example/1'>dokładnie te</a>.</p>", "Vagabond"),
])
def test_makers_in_more_languages_and_none_where_the_post_says_unknown(lang, body, brand):
    rec = _in_language(lang, "Show 1x02", body)
    assert [item.brand for item in rec.items] == [brand]


def test_a_wearers_bold_line_among_lines_parted_by_breaks_is_a_garment_per_link():
    body = ("<div class='post-body'>Okay so this episode wrecked me.<br><br><div class='separator'>"
            "<a href='https://blogger.googleusercontent.com/img/s1600/belly.jpg'><img src='/b.jpg'></a></div><br>"
            "<b>Belly:</b> the white eyelet top is from Abercrombie (<a href='https://s.example/1'>shop it here</a>) and "
            "she paired it with her cut-off denim shorts, which are the <a href='https://s.example/2'>Levi's 501 shorts</a>"
            " — exact pair!<br><br><b>Taylor:</b> a yellow bikini. It's the Rio top by Frankies Bikinis, "
            "<a href='https://s.example/3'>exact here</a>, and if you want something cheaper "
            "<a href='https://s.example/4'>this one from Target</a> is a good dupe. Her sandals were impossible to "
            "track down, but <a href='https://s.example/5'>these on Amazon</a> are a dead ringer.<br></div>")
    page = ("<html><head><title>Belly's Outfits | Blog</title></head><body><div class='post'>"
            f"<h3 class='post-title'>Belly's Outfits</h3>{body}</div></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example.blogspot.com/2023/07/bellys-outfits.html")
    assert [(item.brand, [link.kind for link in item.links]) for item in rec.items] == [
        ("Abercrombie", ["exact"]), ("Levi's", ["exact"]), ("Frankies Bikinis", ["exact", "alternative"]),
        (None, ["alternative"])]


def test_buttons_that_share_or_reblog_the_post_are_no_garments():
    body = ("<p>silent 第4話、泣きました。想の過去がつらい。</p><div class='js-entry-buttons'>"
            "<a href='https://blog.ameba.jp/reblog/input?entry_id=12775432109'>リブログ</a>"
            "<a href='https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fameblo.jp%2Fx'>LINEで送る</a>"
            "<a href='https://b.hatena.ne.jp/entry/ameblo.jp/x'>ブックマーク</a></div>")
    rec = _titled("silent 第4話 感想｜想の過去と紬の涙", body)
    assert (rec.items, rec.is_post) == ([], False)


@pytest.mark.parametrize("title, show, season, episode, characters", [
    ("【韓劇穿搭】黑暗榮耀第二季第3集｜涎鎮大衣、蕙廷洋裝同款整理", "黑暗榮耀", 2, 3, ["涎鎮", "蕙廷"]),
    ("킹더랜드 3화 사랑 원피스, 평화 블라우스 정보 (임윤아 옷, 고원희 옷)", "킹더랜드", None, 3, ["사랑", "평화"]),
    # names listed before the one the garment word follows share it
    ("《繁花》第10集服装同款：汪小姐、玲子、李李穿搭合集", "繁花", None, 10, ["汪小姐", "玲子", "李李"]),
])
def test_whose_garments_a_cjk_title_lists_after_its_episode(title, show, season, episode, characters):
    rec = _titled(title, "<p>大衣：<a href='https://s.example/1'>官網購買</a></p>")
    assert (rec.show, rec.season, rec.episode, rec.characters) == (show, season, episode, characters)


def test_the_named_episode_the_looks_are_from_is_no_show():
    rec = _titled("Belly's Outfits from the Fireworks Party Episode")
    assert rec.show is None
    assert _titled("Outfits from Northbound Episode 5").show == "Northbound"


def test_a_title_escaped_twice_and_a_family_name_on_its_own_are_read_as_the_post_means():
    # Yoast's og:title escaped twice ("&amp;amp;"); the garment "Mindy Chen’s Outfits" gives "Chen" alone
    page = ("<html><head><meta property='og:title' content='Northbound Season 2 Episode 3 Outfits: Shop Emily, "
            "Mindy &amp;amp; Sylvie&amp;#8217;s Looks'></head><body><article><div class='entry-content'>"
            "<h2>Mindy Chen&#8217;s Outfits</h2><p>Mindy wore a sequin top. <a href='https://rstyle.me/+m1'>Shop it</a></p>"
            "<h2>Sylvie Grateau&#8217;s Outfits</h2><p>Sylvie wore a white dress. <a href='https://rstyle.me/+s1'>Shop it</a>"
            "</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/2025/northbound-s2e3/")
    assert rec.title == "Northbound Season 2 Episode 3 Outfits: Shop Emily, Mindy & Sylvie’s Looks"
    assert rec.characters == ["Emily", "Mindy", "Sylvie"]


@pytest.mark.parametrize("similar, exact", [("【似てる】", "【着用】"), ("SIMILE", "IDENTICO"), ("mirip", "sama persis"),
                                            ("похожая", "точно такая же"), ("[คล้าย]", "[ตัวจริง]")])
def test_a_legend_of_labels_then_each_line_labelled_exact_or_similar(similar, exact):
    rec = _inline(f"<p>{exact} = the item worn, {similar} = a look-alike</p>"
                  f"<p>Maya's coat {similar} <a href='https://s.example/1'>Max Mara</a></p>"
                  f"<p>Maya's bag {exact} <a href='https://s.example/2'>Mulberry</a></p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [["alternative"], ["exact"]]


@pytest.mark.parametrize("title, show, season, episode, characters", [
    ("Трудные подростки, 5 сезон 3 серия: во что одеты Антон, Кира и Лиза", "Трудные подростки", 5, 3,
     ["Антон", "Кира", "Лиза"]),
    ("„M jak miłość”, odcinek 1812: w co ubrane były Kinga, Magda i Ula?", "M jak miłość", None, 1812,
     ["Kinga", "Magda", "Ula"]),
    ("유 퀴즈 온 더 블럭 245회 유재석 조세호 의상 정보 (셔츠, 안경, 자켓)", "유 퀴즈 온 더 블럭", None, 245, ["유재석", "조세호"]),
    ("Fashion di Gadis Kretek Episode 3: Kebaya Dasiyah", "Gadis Kretek", None, 3, []),
    ("ส่องแฟชั่น F4 Thailand EP.5", "F4 Thailand", None, 5, []),
    ("【推しの子】ドラマ第2話 有馬かな＆黒川あかねの私服衣装", "推しの子", None, 2, ["有馬かな", "黒川あかね"]),
])
def test_shows_episodes_and_wearers_in_titles_of_more_languages(title, show, season, episode, characters):
    rec = _titled(title, "<p>Dasiyah: <a href='https://s.example/1'>kebaya</a></p>")
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)
    assert rec.characters[:len(characters)] == characters


def test_a_german_garment_in_bold_and_an_adjective_in_the_genitive_are_no_wearers():
    body = ("<h3>Charlotte</h3><ul><li><strong>Samt-Haarreif</strong>: Charlottes Haarreif ist eine Sonderanfertigung. "
            "Ähnlich: <a href='https://www.jenniferbehr.com/products/tori'>Jennifer Behr Tori Headband</a></li>"
            "<li>Pinkes Tüllkleid von Molly Goddard – exakt: <a href='https://s.example/2'>hier</a></li>"
            # a participle's neuter ending too ("kariert", "gestreift")
            "<li>Kariertes Flanellhemd – ähnlich: <a href='https://s.example/3'>hier</a></li>"
            "<li>Gestreiftes Shirt – ähnlich: <a href='https://s.example/4'>hier</a></li></ul>")
    rec = _in_language("de", "And Just Like That 2x05", body)
    assert rec.characters == ["Charlotte"]


def test_a_show_named_with_its_seasons_number_is_the_show():
    rec = _titled("Mare Fuori 4, episodio 6: gli outfit di Rosa Ricci, Carmela e Kubra",
                  "<p>Nella stagione 4 Rosa indossa un bomber: <a href='https://s.example/1'>Alpha Industries</a></p>")
    assert (rec.show, rec.season, rec.episode) == ("Mare Fuori", 4, 6)


@pytest.mark.parametrize("title, show, season, episode", [
    ("Get the Bridgerton Look: Season 3, Episode 1 — Penelope", "Bridgerton", 3, 1),
    ("Love Island 2024 Episode 12: the villa outfits", "Love Island", None, 12),
    ("Przyjaciółki, odc. 7: stylizacje", "Przyjaciółki", None, 7),
    ("1923 Season 1 Episode 3: Cara's coat", "1923", 1, 3),
])
def test_a_look_phrase_or_the_editions_year_around_the_show_is_no_part_of_it(title, show, season, episode):
    rec = _titled(title)
    assert (rec.show, rec.season, rec.episode) == (show, season, episode)


def test_a_label_after_a_dash_belongs_to_the_link_before_it_and_a_badge_is_no_garments_word():
    rec = _inline("<p>Taylor<br><a href='https://s.example/1'>Lovers and Friends Kasia Mini Dress</a> — exact match<br>"
                  "<a href='https://s.example/2'>Amazon dupe of the dress</a> — similar<br>"
                  "<a href='https://s.example/3'>Steve Madden Irenee Sandals</a> — exact match</p>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "alternative", "exact"]
    rec = _inline("<ul><li>Płaszcz wełniany – Simple (identyczny) – <a href='https://s.example/4'>kup tutaj</a></li>"
                  "<li>Torebka – Answear.LAB (zamiennik) – <a href='https://s.example/5'>kup tutaj</a></li></ul>")
    assert [link.kind for item in rec.items for link in item.links] == ["exact", "alternative"]
    rec = _inline("<ol><li><span class='badge'>IDENTICO</span> Stivali rossi in pelle <strong>Pinko</strong> — "
                  "<a href='https://www.pinko.com/it-it/stivali-1.html'>acquista qui</a></li></ol>")
    assert [(item.text, item.brand) for item in rec.items] == [("Stivali rossi in pelle Pinko", "Pinko")]


@pytest.mark.parametrize("title, body, season, episode", [
    ("Imma Tataranni: i look di Imma", "<p>I look nel secondo episodio della terza stagione.</p>", 3, 2),
    ("GNTM, Folge 7: Das trägt Heidi Klum", "<p>Was Heidi in der 19. Staffel trägt.</p>", 19, 7),
    ("Les tenues de Morgane", "<p>Dans le troisième épisode de la deuxième saison, Morgane porte …</p>", 2, 3),
])
def test_ordinal_seasons_and_episodes_in_more_languages(title, body, season, episode):
    rec = _titled(title, body + "<p>Coat: <a href='https://s.example/1'>Zara</a></p>")
    assert (rec.season, rec.episode) == (season, episode)


def test_every_outfit_names_wore_and_headings_of_full_names():
    body = "".join(f"<h2>{n}</h2><p>The white blazer: <a href='https://rstyle.me/+{i}'>Alice + Olivia Khloe blazer</a></p>"
                   for i, n in enumerate(("Chrishell Stause", "Emma Hernan", "Bre Tiesi")))
    rec = _titled("Selling Sunset Season 7, Episode 2: Every Outfit Chrishell, Emma & Bre Wore", body)
    assert rec.characters == ["Chrishell", "Emma", "Bre"]
    said = body + "<p>Chrishell Stause wore it best, Emma Hernan wore it twice, Bre Tiesi wore it once.</p>"
    rec = _titled("Selling Sunset Season 7, Episode 2: the office looks", said)
    assert rec.characters[:3] == ["Chrishell Stause", "Emma Hernan", "Bre Tiesi"]


def test_a_daily_shows_day_after_its_name():
    rec = _titled("What Drew Wore: The Drew Barrymore Show, January 14")
    assert (rec.show, rec.season, rec.episode, rec.characters) == ("The Drew Barrymore Show", None, None, ["Drew"])


def test_a_shopping_widgets_fallback_links_for_readers_without_scripts_are_the_posts():
    widget = ("<div class='ltkwidget-widget' data-rows='1'><script>/* ltkwidget.js */</script><noscript>"
              "<a href='https://liketk.it/4Nm2qA'><img src='https://product-images-cdn.liketoknow.it/4Nm2qA.jpg' alt=''></a>"
              "<a href='https://liketk.it/4Nm2qB'><img src='https://product-images-cdn.liketoknow.it/4Nm2qB.jpg' alt=''></a>"
              "</noscript></div>")
    rec = _inline(f"<h2>Maya's look</h2><p>Shop similar pieces below:</p>{widget}",
                  title="Northbound Season 2 Episode 5 Outfits")
    assert [link.url for i in rec.items for link in i.links] == ["https://liketk.it/4Nm2qA", "https://liketk.it/4Nm2qB"]
    # a tracking pixel's fallback holds no link and stays out
    assert _inline("<noscript><img src='https://www.facebook.com/tr?id=1'></noscript><p>Coat: "
                   "<a href='https://s.example/1'>Zara</a></p>").items[0].text == "Coat"


def test_a_bold_garment_and_its_maker_above_a_buy_link_are_a_garment_of_their_own():
    # "Brinco" (earring) over its maker and "comprar": not the look-alike of the dress before it
    rec = _inline("<p><b>Vestido</b><br>Marca: Farm<br><a href='https://s.example/1'>Comprar o vestido igual</a></p>"
                  "<p><b>Parecido:</b> <a href='https://s.example/2'>vestido na Renner</a> (R$ 199,90)</p>"
                  "<p><b>Brinco</b><br>Vivara<br><a href='https://www.vivara.com.br/brinco-argola-12345.html'>comprar</a>"
                  "</p>")
    assert [[link.kind for link in i.links] for i in rec.items] == [[E, A], [E]]


@pytest.mark.parametrize("layout", ["elementor", "webflow"])
def test_a_page_builders_shop_cards_beside_the_posts_text_widget_are_the_posts(layout):
    text = ("<p>Maya usou um vestido midi estampado da Farm Rio no quarto episódio da 3ª temporada de "
            "Cidade Alta.</p>")
    cards = ("<div class='produto-card'><span class='chip'>Peça exata</span><p class='brand'>FARM Rio</p>"
             "<a class='elementor-button' href='https://www.farmrio.com.br/vestido-midi-330411/p'>Comprar</a></div>")
    if layout == "elementor":  # the text in the theme's post-content widget, the cards in an HTML widget beside it
        body = (f"<div class='elementor elementor-location-single post-11873 post type-post hentry'>"
                f"<h1>Looks de Maya: Cidade Alta, 3ª temporada, episódio 4</h1>"
                f"<div class='elementor-widget-theme-post-content'>{text}</div>"
                f"<div class='elementor-widget-html'>{cards}</div></div>")
    else:  # Webflow: the rich text beside a collection list, no entry marked
        body = (f"<div class='section-post'><div class='container-post w-container'>"
                f"<h1>Looks de Maya: Cidade Alta, 3ª temporada, episódio 4</h1><div class='post-body w-richtext'>{text}"
                f"</div><div class='w-dyn-list'><div class='product-grid w-dyn-items'>{cards}</div></div></div></div>")
    page = f"<html><head><title>Looks de Maya</title></head><body>{body}</body></html>"
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/cidade-alta/looks-maya/")
    assert rec.is_post
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "FARM Rio")]


def test_cards_classed_exact_or_similar_in_the_posts_language_and_a_call_to_go_to_the_product():
    cards = ("<div class='urun-karti birebir'><p class='urun-adi'>Çiçek Desenli Midi Elbise</p>"
             "<a class='urun-buton' href='https://www.trendyol.com/ipekyol/elbise-p-734512890'>Ürüne git</a></div>"
             "<div class='urun-karti benzer'><p class='urun-adi'>Çiçekli Midi Elbise</p>"
             "<a class='urun-buton' href='https://www.trendyol.com/koton/elbise-p-698123456'>Ürüne git</a></div>")
    rec = _inline(f"<h2>Seyran'ın elbisesi</h2>{cards}", title="Yalı Çapkını 12. Bölüm kıyafetleri")
    # (each maker from the marketplace's slug, which opens with the listed maker: "/ipekyol/…", "/koton/…")
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [("exact", "Ipekyol"),
                                                                                ("alternative", "Koton")]


def test_a_product_cards_maker_and_product_line_names_no_wearer():
    def card(title, href):
        return (f"<div class='kg-card kg-product-card'><div class='kg-product-card-container'><h4 class='kg-product-card-"
                f"title'><span>{title}</span></h4><a href='{href}' class='kg-product-card-button'>Beli</a></div></div>")
    rec = _inline(card("Lemari Lila — Kebaya Encim Putih Bordir", "https://www.tokopedia.com/lemarilila/kebaya-encim")
                  + card("Danar Hadi — Kebaya Kutubaru Sogan", "https://www.danarhadibatik.com/product/kebaya"),
                  title="Gadis Kretek Episode 3: Ini Tempat Belinya")
    assert rec.characters == []


def test_a_verb_before_its_pronoun_has_no_named_wearer_and_a_dutch_bare_genitive():
    rec = _in_language("nl", "Sannes jurk uit aflevering 6", (
        "<p>De lange gele jas is een klassieker. Daaronder droeg ze groene laarzen: "
        "<a href='https://s.example/1'>deze</a>.</p><p>Sannes jurk: <a href='https://s.example/2'>Essentiel</a></p>"))
    assert rec.characters == ["Sanne"]


def test_a_cards_similar_class_outweighs_its_buttons_shop_call():
    def card(kind, brand, href):
        return (f"<div class='product-card product-card--{kind}'><p class='brand'>{brand}</p><a class='product-card__cta' "
                f"href='{href}'>Get it from {brand} for $98</a></div>")
    rec = _inline("<h2>Maya's sundress</h2>" + card("exact", "Reformation", "https://s.example/1")
                  + card("similar", "Abercrombie & Fitch", "https://s.example/2"))
    assert [link.kind for i in rec.items for link in i.links] == [E, A]
    # with nothing else said, the call still presents the exact item
    rec = _inline("<p>Maya's sundress: <a href='https://s.example/1'>Get it from Reformation</a></p>")
    assert [link.kind for i in rec.items for link in i.links] == [E]


def test_each_table_rows_brand_column_names_its_own_links_maker():
    table = ("<table><tr><th>Character</th><th>Item</th><th>Brand</th><th>Type</th><th>Link</th></tr>"
             "<tr><td>Ren</td><td>Navy wool varsity jacket</td><td>Golden Bear</td><td>Exact</td>"
             "<td><a href='https://www.goldenbear.com/products/varsity'>[5]</a></td></tr>"
             "<tr><td>Ren</td><td>Varsity jacket</td><td>H&amp;M</td><td>Similar</td>"
             "<td><a href='https://www2.hm.com/en_us/productpage.1123456002.html'>[6]</a></td></tr></table>")
    rec = _inline(table)
    assert [(link.kind, link.brand) for i in rec.items for link in i.links] == [(E, "Golden Bear"), (A, "H&M")]


def test_a_full_name_wearing_where_the_post_also_says_the_given_name_and_a_caption_of_three_names():
    rec = _inline("<p>Carrie wore a gown by Erdem: <a href='https://s.example/1'>Erdem gown</a>.</p>"
                  "<figure><img src='/c.jpg'><figcaption>Charlotte York Goldenblatt (Kristin Davis)</figcaption></figure>"
                  "<p>Charlotte's trench: <a href='https://s.example/3'>Burberry</a></p>"
                  "<p>And Seema! Seema Patel wore a gold sequin jumpsuit by Naeem Khan: "
                  "<a href='https://s.example/2'>Naeem Khan Sequin Jumpsuit</a>.</p>", "AJLT 2x05 fashion")
    assert sorted(name.split()[0] for name in rec.characters) == ["Carrie", "Charlotte", "Seema"]
    assert "Charlotte" in rec.characters
    # an opening phrase, an actor's full name never said alone: no wearer
    rec = _inline("<p>Luisa trägt ein Kleid von <a href='https://s.example/1'>Zara</a>.</p>"
                  "<p>Beim Shooting trägt sie einen Mantel von <a href='https://s.example/2'>Mango</a>.</p>"
                  "<p>Philippine Leroy-Beaulieu wears a cape by <a href='https://s.example/3'>Dior</a>.</p>", "GNTM")
    assert rec.characters == ["Luisa"]


def test_a_fan_wikis_fashion_page_names_its_show_by_the_wikis_name_and_its_wearers_by_section():
    # MediaWiki: each section's heading is a character's full name with an "[edit]" link after it
    edit = ("<span class='mw-editsection'><span class='mw-editsection-bracket'>[</span><a href='/wiki/"
            "The_Wild_Brunch/Fashion?action=edit&amp;section={n}'>edit</a><span class='mw-editsection-bracket'>]"
            "</span></span>")
    sections = "".join(
        f"<h2><span class='mw-headline'><a href='/wiki/{who.replace(' ', '_')}'>{who}</a></span>{edit.format(n=n)}</h2>"
        f"<p>{who} wears {what}.</p><table class='wikitable'><tr><th>Item</th><th>Designer</th><th>Where to buy</th></tr>"
        f"<tr><td>{what}</td><td>{maker}</td><td><a class='external text' href='{href}'>Shop</a></td></tr></table>"
        for n, (who, what, maker, href) in enumerate([
            ("Serena van der Woodsen", "a navy silk blouse", "Tory Burch", "https://www.nordstrom.com/s/tory-burch/312"),
            ("Blair Waldorf", "a red headband", "Jennifer Behr", "https://www.jenniferbehr.com/products/tamsin")], 1))
    page = ("<html><head><title>The Wild Brunch/Fashion | Gossip Girl Wiki | Fandom</title>"
            "<meta property='og:site_name' content='Gossip Girl Wiki'><meta property='og:title' "
            "content='The Wild Brunch/Fashion'></head><body><main class='page__main'><h1>The Wild Brunch/Fashion</h1>"
            "<div class='mw-parser-output'><p>Fashion from Season 1, Episode 2.</p>"
            f"{sections}</div></main></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://gossipgirl.fandom.com/wiki/The_Wild_Brunch/Fashion")
    assert rec.show == "Gossip Girl"
    assert sorted(rec.characters) == ["Blair Waldorf", "Serena van der Woodsen"]


@pytest.mark.parametrize("sentence, characters", [
    ("Kebaya putih bordir yang dipakai Dasiyah saat meracik saus, dan blus linen krem yang dipakai Arum.",
     ["Dasiyah", "Arum"]),
    ("O vestido floral usado por Bia no último capítulo.", ["Bia"]),
    ("De jas gedragen door Sanne in de finale.", ["Sanne"]),
    ("Płaszcz noszony przez Marion w piątym odcinku.", ["Marion"]),
])
def test_worn_by_said_in_more_languages_and_more_than_once(sentence, characters):
    rec = _inline(f"<p>{sentence}</p><p><a href='https://s.example/1'>Toko</a></p>", "Look 5")
    assert rec.characters == characters


def test_turkish_headings_name_whose_garment_with_its_possessed_ending():
    cards = ("<div class='urun-karti birebir'><p class='urun-adi'>{}</p>"
             "<a class='urun-buton' href='https://www.trendyol.com/{}'>Ürüne git</a></div>")
    rec = _inline("<h2>Seyran’ın Elbisesi</h2><p>Seyran bahçe davetinde çiçek desenli bir midi elbise tercih etti.</p>"
                  + cards.format("Çiçek Desenli Kruvaze Midi Elbise", "ipekyol/elbise-p-1")
                  + "<h2>Ferit’in Ceketi</h2><p>Ferit lacivert bir ceketle geldi.</p>"
                  + cards.format("Lacivert Slim Fit Ceket", "network/ceket-p-2"), "Yalı Çapkını 15. Bölüm Kıyafetleri")
    assert rec.characters == ["Seyran", "Ferit"]
    # the possessed ending softens the garment's last consonant: "gömlek" -> "gömleği", "etek" -> "eteği"
    rec = _inline("<h2>Kerem’in Gömleği</h2><p>Kerem keten bir gömlekle geldi.</p>"
                  + cards.format("Keten Gömlek", "altinyildiz/gomlek-p-3"), "Sahil Kasabası 7. Bölüm Kıyafetleri")
    assert rec.characters == ["Kerem"]


@pytest.mark.parametrize("watch", [
    "<a href='https://npo.nl/start/serie/duinroos/seizoen-1/duinroos_4'>NPO Start</a>",
    "<a href='https://shahid.mbc.net/ar/series/layali-alhay/4982017'>شاهد</a>",
    "<a href='https://www.tv8.com.tr/sahil-kasabasi/bolumler'>resmi sitesinden</a>",
    "<a href='https://ch3plus.com/drama/rak-nee-tee-rim-khong/ep6'>CH3Plus</a>",
    "<a href='https://open.spotify.com/playlist/37i9dQZF1DX0northbound205'>the soundtrack on Spotify</a>",
    "<a href='https://opto.sic.pt/programa/quinta-das-amoreiras/episodio-112'>OPTO</a>",
    "<a href='https://www.caracoltv.com/puerto-azul/capitulos/capitulo-23'>Caracol Play</a>",
    "<a href='https://www.ptsplus.tv/zh/program/nanfang-harbor-s2'>公視+</a>",
])
def test_a_broadcasters_episode_guide_is_no_garment_link(watch):
    rec = _titled("What Maya wore in Northbound season 2, episode 5",
                  f"<p>Maya's coat: <a href='https://s.example/p/1'>Zara</a>. Watch the episode on {watch}.</p>")
    assert [link.url for i in rec.items for link in i.links] == ["https://s.example/p/1"]


@pytest.mark.parametrize("after", [
    " from Urban Outfitters is a solid lookalike, and it comes in the same icy blue.",  # the clause before ", and"
    " from J.Crew is a near-twin in ecru.",  # a point inside the maker's name ends no sentence
    " da Riachuelo é um parecidinho bem em conta.",
])
def test_the_clause_after_a_link_that_calls_it_a_look_alike(after):
    rec = _inline("<p>Jules wears a mesh top by Miaou: <a href='https://s.example/1'>Miaou Lana mesh top</a>.</p>"
                  f"<p>The top looks custom, but <a href='https://s.example/2'>this one</a>{after}</p>")
    assert [link.kind for i in rec.items for link in i.links] == ["exact", "alternative"]


@pytest.mark.parametrize("headings, body, characters", [
    (("La robe de Chloé", "Le blazer d’Inès"), "Chloé arrive au mariage dans une robe fleurie. Inès reste en noir.",
     ["Chloé", "Inès"]),  # a character named like a maker, who opens a sentence; an elided "d’"
    (("O vestido da Mel", "A jaqueta da Júlia"), "Mel foi ao bar de vestido.", ["Mel", "Júlia"]),
    (("El abrigo de Lola",), "Lola lleva un abrigo camel.", ["Lola"]),
    (("La robe de Chloé",), "Une robe de la maison, rééditée cette saison.", []),  # the maker's dress
])
def test_a_heading_names_whose_garment_it_is_in_languages_that_say_of(headings, body, characters):
    sections = "".join(f"<h2>{h}</h2><p>{body if not n else ''}</p><p><a href='https://s.example/{n}'>Acheter</a></p>"
                       for n, h in enumerate(headings))
    assert _inline(sections, "Épisode 6").characters == characters


def test_a_possessive_in_a_garments_words_names_a_wearer_only_of_a_garment_or_a_look():
    rec = _inline("<p>Lexi’s play is a costume show in itself, but the real outfit moment happens in the audience. In "
                  "the finale Jules slips into a pale blue mesh top by Miaou: <a href='https://s.example/1'>Miaou Lana "
                  "top</a>.</p><figure class='kg-card kg-bookmark-card'><a class='kg-bookmark-container' "
                  "href='https://www.vulture.com/2022/05/russian-doll-costumes.html'>How Russian Doll’s Costume Designer "
                  "Dressed Nadia</a></figure><p>Maya’s boots: <a href='https://s.example/2'>Sam Edelman</a></p>",
                  "Euphoria season 2 finale")
    assert "Lexi" not in rec.characters and "Doll" not in rec.characters and "Maya" in rec.characters


def test_a_cjk_titles_episode_particle_and_its_summary_word_are_no_wearers():
    rec = _titled("ドラマ「silent」第3話の衣装まとめ｜紬のコートと湊斗のカーディガン",
                  "<h2>紬のコート</h2><p><a href='https://zozo.jp/shop/hyke/goods/1/'>ZOZOTOWN</a></p>"
                  "<h2>湊斗のカーディガン</h2><p><a href='https://www.beams.co.jp/item/beams/cardigan/1/'>BEAMS</a></p>")
    assert sorted(rec.characters) == sorted(["紬", "湊斗"])


def test_a_show_named_for_its_character_that_the_category_names_too():
    page = ("<html><head><title>Valeria 3x02: el abrigo de Lola y la chaqueta vaquera de Valeria</title></head><body>"
            "<article class='post'><h1>Valeria 3x02: el abrigo de Lola y la chaqueta vaquera de Valeria</h1>"
            "<span class='cat-links'><a href='/category/valeria/' rel='category tag'>Valeria</a></span>"
            "<span class='tags-links'><a href='/tag/diana-gomez/' rel='tag'>Diana Gómez</a></span>"
            "<div class='entry-content'><p>Diana Gómez vuelve como Valeria. Valeria lleva una chaqueta vaquera: "
            "<a href='https://s.example/1'>Levi's</a>.</p><p>El abrigo de Lola: <a href='https://s.example/2'>Mango</a>"
            "</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/valeria-temporada-3-capitulo-2/")
    assert rec.show == "Valeria" and "Valeria" in rec.characters


def test_a_gift_guide_naming_no_show_episode_or_wearer_is_not_a_post():
    items = "".join(f"<h3>{n}. {what}</h3><p><a href='https://s.example/{n}'>Kup w {shop}</a> (podobne: "
                    f"<a href='https://s.example/{n}b'>tutaj</a>)</p>"
                    for n, (what, shop) in enumerate([("Kaszmirowy szal Mango", "Mango"), ("Skórzane rękawiczki Wittchen",
                                                                                           "Wittchen")], 1))
    rec = _titled("Prezenty dla niej: 12 pomysłów na święta", items)
    assert rec.items and not rec.is_post
    # the same list in a post that names its show's episode is one
    assert _titled("Prezenty inspirowane serialem Przyjaciółki, odcinek 5", items).is_post


def test_a_korean_table_names_the_wearer_and_maker_and_the_post_calls_her_by_her_given_name():
    table = ("<table><thead><tr><th>캐릭터</th><th>아이템</th><th>브랜드</th><th>구매처</th></tr></thead><tbody>"
             "<tr><td>신하리</td><td>아이보리 트위드 크롭 자켓</td><td>it MICHAA</td>"
             "<td><a href='https://www.wconcept.co.kr/Product/301928374'>W컨셉</a></td></tr>"
             "<tr><td>진영서</td><td>블랙 원피스</td><td>SJSJ（에스제이에스제이）</td>"
             "<td><a href='https://www.thehandsome.com/ko/p/SJ2B7WOP512W_NY'>더한섬닷컴</a></td></tr></tbody></table>")
    rec = _titled("사내맞선 5화 의상 정보", f"<p>하리는 트위드 자켓을, 영서는 블랙 원피스를 입었다.</p>{table}")
    assert sorted(rec.characters) == sorted(["하리", "영서"])
    assert [link.brand for i in rec.items for link in i.links] == ["it MICHAA", "SJSJ"]


@pytest.mark.parametrize("lang, title, headings, characters", [
    ("ar", "فستان نور وجاكيت سلمى في الحلقة التاسعة", ("فستان نور", "جاكيت سلمى"), ["نور", "سلمى"]),
    ("id", "Kebaya Dasiyah dan Blus Arum di Episode 3", ("Kebaya Dasiyah", "Blus Arum"), ["Dasiyah", "Arum"]),
    ("id", "Kebaya dan blus di Episode 3", ("Kebaya Encim", "Blus Linen"), []),  # names the title does not say
])
def test_a_heading_of_a_garment_then_its_owner_in_languages_that_say_it_so(lang, title, headings, characters):
    sections = "".join(f"<h2>{h}</h2><p><a href='https://s.example/{n}'>Beli</a></p>" for n, h in enumerate(headings))
    page = (f"<html lang='{lang}'><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<div class='entry-content'>{sections}</div></article></body></html>")
    assert extract_post(lxml.html.fromstring(page), "https://blog.example/2025/post/").characters == characters


@pytest.mark.parametrize("title, show", [
    ("فستان نور وجاكيت سلمى في الحلقة التاسعة من مسلسل ليالي الحي - من أين؟", "ليالي الحي"),
    ("แกะลุคละคร รักนี้ที่ริมโขง EP.6 ชุดของมายด์", "รักนี้ที่ริมโขง"),
])
def test_the_show_after_the_word_for_series_in_the_title(title, show):
    assert _titled(title).show == show


def test_a_thai_titles_garments_of_their_wearers():
    rec = _titled("แกะลุคละคร รักนี้ที่ริมโขง EP.6 ชุดของมายด์ & เสื้อเชิ้ตของภูมิ ซื้อได้ที่ไหน",
                  "<p>ชุด: <a href='https://s.example/1'>Lyn</a></p><p>เสื้อเชิ้ต: <a href='https://s.example/2'>Jim Thompson</a></p>")
    assert rec.characters == ["มายด์", "ภูมิ"]


def test_a_link_cloakers_prefix_in_the_blogs_language_leaves_the_blog():
    rec = _inline("<p>La americana de Íñigo es de Massimo Dutti: <a href='https://blog.example/recomienda/americana-"
                  "massimo-dutti/'>la tienes aquí</a>.</p>", "Calle Almirante 2x04")
    assert [link.url for i in rec.items for link in i.links] == ["https://blog.example/recomienda/americana-massimo-dutti/"]


def test_a_shops_product_page_is_not_a_post():
    page = ("<html><head><title>Tess Barn Jacket – As seen on Tess in Marrow Creek</title>"
            "<meta property='og:type' content='product'></head><body class='single-product woocommerce'><main>"
            "<h1>Tess Barn Jacket</h1><p>As seen on Tess in Marrow Creek season 2, episode 4.</p>"
            "<p>Complete the look: <a href='https://s.example/1'>Wren boots</a></p></main></body></html>")
    assert not extract_post(lxml.html.fromstring(page), "https://shop.example/product/tess-barn-jacket/").is_post


def test_a_german_titles_garments_of_two_and_a_participles_neuter_ending_are_no_names():
    page = ("<html lang='de'><head><title>Kiezgeflüster Folge 1204: Merles Jeansjacke &amp; Janniks Karohemd</title>"
            "</head><body><article><h1>Kiezgeflüster Folge 1204: Merles Jeansjacke &amp; Janniks Karohemd</h1>"
            "<div class='entry-content'><h2>Merles Jeansjacke</h2>"
            "<p>Merle trägt eine helle Jeansjacke: <a href='https://s.example/1'>Levi's</a>"
            "</p><div class='aawp-product'><a class='aawp-product__title' href='https://s.example/2'>Kariertes "
            "Flanellhemd, Regular Fit</a></div><h2>Janniks Karohemd</h2><p>Jannik trägt ein Karohemd: "
            "<a href='https://s.example/3'>Tom Tailor</a>"
            "</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/kiezgefluester-folge-1204/")
    assert sorted(rec.characters) == ["Jannik", "Merle"]


def test_a_dutch_genitive_before_a_colour_and_a_compound_coat():
    rec = _in_language("nl", "Fleurs regenjas en Sannes jurk uit aflevering 6", (
        "<h2>Fleurs regenjas</h2><p>Fleurs gele regenjas: <a href='https://s.example/1'>Rains</a></p>"
        "<p>Sannes jurk: <a href='https://s.example/2'>Essentiel</a></p>"))
    assert sorted(rec.characters) == ["Fleur", "Sanne"]


def test_a_streaming_service_tagged_beside_the_show_is_no_show_nor_a_card_titled_by_the_show_a_maker():
    page = ("<html><head><title>Haven van Harlingen S3A2: Fleurs regenjas</title>"
            "<meta property='article:tag' content='Videoland'><meta property='article:tag' content='Haven van Harlingen'>"
            "</head><body><article class='post'><h1>Haven van Harlingen S3A2: Fleurs regenjas</h1>"
            "<div class='entry-content'><p>Fleurs gele regenjas: <a href='https://www.rains.com/nl/long-jacket'>Rains</a></p>"
            "<figure class='kg-card kg-bookmark-card'><a class='kg-bookmark-container' href='https://www.volkskrant.nl/"
            "cultuur-media/kostuumontwerper-haven-van-harlingen~b8a1c2d3/'><div class='kg-bookmark-title'>Haven van "
            "Harlingen: de kostuums</div></a></figure><p>Kijk op Videoland.</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://kleerkast.tv/haven-van-harlingen-s3a2/")
    assert rec.show == "Haven van Harlingen"


def test_an_indonesian_sentences_opening_word_is_no_part_of_a_name_before_its_actor():
    rec = _inline("<p>Kalau Dimas (Rizky Fadhlan) setia sama gaya kasual: <a href='https://s.example/1'>Erigo</a></p>"
                  "<p>Sementara Laras (Anya Geraldine) pakai blus linen: <a href='https://s.example/2'>Cotton Ink</a></p>",
                  "Dua Hati di Bandung Episode 5")
    assert rec.characters == ["Dimas", "Laras"]


@pytest.mark.parametrize("href, kept", [
    ("https://gem.cbc.ca/gannet-cove/s01e05", False),
    ("https://www.ceskatelevize.cz/porady/16012345678-gannet-cove/", False),
    ("https://www.vix.com/es-es/detail/series-gannet-cove", False),
    ("https://www.shop.example/gannet-cove-edition-fisherman-sweater.html", True),  # the show's merchandise
])
def test_a_broadcasters_page_named_for_the_show_anywhere_in_its_path_is_no_garment_link(href, kept):
    rec = _titled("Gannet Cove season 1, episode 5: Maya's sweater",
                  f"<p>Maya's sweater: <a href='https://s.example/1'>Aran</a>. Watch it on <a href='{href}'>here</a>.</p>")
    assert (href in [link.url for i in rec.items for link in i.links]) == kept


def test_a_post_titled_only_by_its_document_title_and_a_show_in_book_title_brackets():
    # a Weibo article: no h1, no og:title; the show in 《》 before "第7集", the site's name after the dash
    page = ("<html><head><meta charset='utf-8'><title>《玫瑰的故事》第7集 黃亦玫、蘇更生同款穿搭整理 - 微博</title></head>"
            "<body><div class='main_toppic'><div class='title'>《玫瑰的故事》第7集 黃亦玫、蘇更生同款穿搭整理</div></div>"
            "<div class='WB_editor_iframe_new'><h2>【黃亦玫】</h2><p>西裝外套：<a href='https://s.example/1'>MaxMara</a></p>"
            "</div></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://weibo.com/ttarticle/p/show?id=2309405040987654321098")
    assert (rec.title, rec.show, rec.episode) == ("《玫瑰的故事》第7集 黃亦玫、蘇更生同款穿搭整理", "玫瑰的故事", 7)


def test_the_shows_possessive_before_its_quoted_episode_title():
    rec = _inline("<p>Richie's suit: <a href='https://s.example/1'>Tom Ford</a></p>",
                  "What Richie Wore in The Bear’s “Forks”")
    assert rec.show == "The Bear"


def test_a_shortened_show_the_post_sets_in_italics_in_full():
    body = ("<p>Mabel's coat in this week's <em>Only Murders in the Building</em> is the star.</p>"
            "<p>Coat: <a href='https://s.example/1'>Ganni</a></p>")
    assert _in_language("en", "Only Murders S03E05: Mabel's Coat", body).show == "Only Murders in the Building"


def test_a_lower_case_acronym_spelled_out_in_the_posts_lower_case_tags():
    page = ("<html><head><title>tsitp season 2, ep. 4 fits</title></head><body><article><h1>tsitp season 2, ep. 4 fits"
            "</h1><div class='entry-content'><p>belly's shorts: <a href='https://s.example/1'>levi's</a></p></div>"
            "<footer><a href='https://fits.example/tagged/the-summer-i-turned-pretty'>#the summer i turned pretty</a>"
            "</footer></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://fits.example/post/7261543890")
    assert rec.show == "the summer i turned pretty"


def test_a_vietnamese_titles_outfits_of_each_wearer():
    body = ("<h3>1. Trang phục của Lụa</h3><p>Đầm hoa: <a href='https://s.example/1'>IVY moda</a></p>"
            "<h3>2. Trang phục của Hải</h3><p>Áo sơ mi: <a href='https://s.example/2'>Owen</a></p>")
    rec = _in_language("vi", "Cuộc đời vẫn đẹp sao tập 7: trang phục của Lụa và Hải", body)
    assert sorted(rec.characters) == ["Hải", "Lụa"]


def test_a_character_columns_actor_in_brackets_is_no_part_of_the_name():
    body = ("<table><tr><th>Karakter</th><th>Parça</th><th>Link</th></tr>"
            "<tr><td>Seyran (Afra Saraçoğlu)</td><td>Saten gömlek</td><td><a href='https://s.example/1'>Mango</a></td></tr>"
            "<tr><td>Suna (Ezgi Eyüboğlu)</td><td>Yeşil elbise</td><td><a href='https://s.example/2'>Zara</a></td></tr>"
            "</table>")
    assert _in_language("tr", "Yalı Çapkını 7. Bölüm Kombinleri", body).characters == ["Seyran", "Suna"]


def test_a_block_headed_as_other_posts_names_no_wearer():
    # a Squarespace summary block ("You might also like") of other posts' cards, inside the page's article
    cards = "".join(f"<div class='summary-item'><a href='/blog/{slug}'><img src='/{slug}.jpg' alt='{alt}'></a>"
                    f"<a href='/blog/{slug}'>{alt}</a></div>"
                    for slug, alt in (("the-bear-sydney", "Sydney's Workwear in The Bear"),
                                      ("ted-lasso-keeley", "Keeley's Best Looks in Ted Lasso")))
    body = ("<p>S3 · Ep. 7. The field-trip episode.</p><h2>Janine</h2><p>Cardigan: <a href='https://s.example/1'>"
            "J.Crew</a></p><h2>Ava</h2><p>Ava's boots steal the episode.</p><p>Boots: <a href='https://s.example/2'>"
            "Steve Madden</a></p>"
            f"<div class='sqs-block summary-v2-block'><div class='summary-block-header'><h3>You might also like</h3></div>"
            f"{cards}</div>")
    rec = _in_language("en", "Janine's Cardigan Era, Part 7", body)
    assert (rec.characters, rec.season, rec.episode) == (["Janine", "Ava"], 3, 7)


def test_an_indieweb_posts_webmentions_are_replies():
    body = ("<h2>Lydia</h2><p>Coat: <a href='https://s.example/1'>Toast</a></p><h2>Margot</h2><p>Scarf: "
            "<a href='https://s.example/2'>Acne Studios</a></p><section class='webmentions'><h2>Webmentions</h2><ol>"
            "<li><a href='https://mastodon.social/@priyak'>Priya K.</a> liked this</li></ol></section>"
            "<section class='recent'><h2>More posts</h2><ol><li><a href='/posts/knitwear/'>A knitwear index</a></li>"
            "</ol></section>")
    rec = _in_language("en", "What Lydia and Margot wear in The Cartographers", body)
    assert rec.characters == ["Lydia", "Margot"]


def _kinds(body: str, lang: str = "en") -> list[tuple[str, str]]:
    rec = _in_language(lang, "Northbound S2E5: Maya's looks", body)
    return [(link.url.rsplit("/", 1)[-1], link.kind) for item in rec.items for link in item.links]


@pytest.mark.parametrize("sentence, lang", [
    ("A mala de mão é da Lanidor também mas está esgotada, experimenta esta da Massimo Dutti:", "pt"),
    ("El bolso es de Lanidor pero está agotado, prueba este de Massimo Dutti:", "es"),
    ("Сумка от Lanidor распродана, попробуйте эту:", "ru"),
])
def test_the_exact_item_sold_out_then_what_stands_in_for_it(sentence, lang):
    body = f"<p>Casaco: <a href='https://s.example/exact'>Sandro</a></p><p>{sentence} <a href='https://s.example/alt'>ver</a></p>"
    assert _kinds(body, lang) == [("exact", "exact"), ("alt", "alternative")]


def test_a_sold_out_badge_on_the_exact_items_own_card_leaves_it_exact():
    body = ("<p>Bia aposta na jaqueta da Animale. Abaixo, duas alternativas parecidas.</p>"
            "<div class='card'><span class='badge'>Peça exata</span> <span class='badge'>Esgotado</span>"
            "<p>Animale</p><p>Jaqueta Couro Oversized Preta</p><a href='https://s.example/exact'>Comprar na Animale</a></div>"
            "<div class='card'><span class='badge'>Parecido</span><p>C&amp;A</p><p>Jaqueta Sintética</p>"
            "<a href='https://s.example/alt'>Comprar na C&amp;A</a></div>")
    assert _kinds(body, "pt") == [("exact", "exact"), ("alt", "alternative")]


@pytest.mark.parametrize("second", ["SHOP SIMILAR", "BUDGET PICK"])
def test_a_bare_shop_button_beside_a_look_alikes_button_is_the_exact_item(second):
    # the prose before both buttons speaks of the cheaper one
    body = ("<figure><img src='https://b.example/firepit.jpg' alt='three islanders at the fire pit'></figure>"
            "<h2>Serena</h2><p>Serena went full beach-goddess in a crochet two-piece from Beach Riot. If you want the "
            "vibe for less, the Amazon one below is honestly almost identical.</p><div class='wp-block-buttons'>"
            "<div class='wp-block-button'><a href='https://s.example/exact'>SHOP</a></div>"
            f"<div class='wp-block-button'><a href='https://s.example/alt'>{second}</a></div></div>")
    assert _kinds(body) == [("exact", "exact"), ("alt", "alternative")]


@pytest.mark.parametrize("body, lang", [
    ("<p><strong>Платье</strong>: <a href='https://s.example/exact'>точно такое же</a>, а вот "
     "<a href='https://s.example/alt'>бюджетный вариант</a> с Wildberries.</p>", "ru"),
    ("<p>Đầm hoa: <a href='https://s.example/exact'>Đúng mẫu</a> <a href='https://s.example/alt'>Bản giá rẻ</a></p>",
     "vi"),
])
def test_a_links_own_words_for_a_budget_version(body, lang):
    assert _kinds(body, lang) == [("exact", "exact"), ("alt", "alternative")]


@pytest.mark.parametrize("sentence, lang", [
    ("Her cream knit dress looked like the <a href='https://s.example/alt'>COS ribbed midi dress</a>, unconfirmed.", "en"),
    ("It's not the same bag, but this <a href='https://s.example/alt'>leather shoulder bag</a> is lovely.", "en"),
    ("For the shirt, I'd go with the <a href='https://s.example/alt'>Oxford Slim-Fit Shirt</a> from Uniqlo.", "en"),
    ("Si quieres algo más económico, <a href='https://s.example/alt'>esta opción de Shein</a> sirve.", "es"),
    ("Budgetversie? <a href='https://s.example/alt'>Deze ONLY trui</a> op bol.com.", "nl"),
    ("Okulary to vintage, ale <a href='https://s.example/alt'>te z Allegro</a> wyglądają prawie tak samo.", "pl"),
    ("बजट में ऐसा ही कुर्ता चाहिए? <a href='https://s.example/alt'>ये सस्ता विकल्प देखिए</a>।", "hi"),
])
def test_a_look_alike_said_so_in_more_ways(sentence, lang):
    body = f"<p>Coat: <a href='https://s.example/exact'>Max Mara</a></p><p>{sentence}</p>"
    assert _kinds(body, lang) == [("exact", "exact"), ("alt", "alternative")]


@pytest.mark.parametrize("caption, lang, name", [
    ("سلمى (دانة القاسم) في الحلقة الثالثة", "ar", "سلمى"), ("तारा (शोभिता धुलिपाला) शादी वाले सीन में", "hi", "तारा"),
])
def test_a_caption_naming_a_wearer_and_her_actor_in_a_script_without_capitals(caption, lang, name):
    body = (f"<figure><img src='https://b.example/1.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
            "<p><a href='https://s.example/1'>Mango</a></p>")
    assert _in_language(lang, "Northbound 1x03", body).characters == [name]


def test_no_group_word_opening_adverb_or_bare_honorific_is_a_wearer():
    body = ("<h2>Dana</h2><p>Dana wore a pink blazer: <a href='https://s.example/1'>Reformation</a></p>"
            "<p>Confusingly, Mango wore Oh Polly: <a href='https://s.example/2'>Oh Polly</a></p>"
            "<p>Dr. Shepherd wore scrubs: <a href='https://s.example/3'>FIGS</a></p>")
    rec = _in_language("en", "What the Hosts Wore on Northbound, Episode 3", body)
    assert not {"Hosts", "Confusingly", "Dr"} & set(rec.characters)


def test_a_makers_finnish_case_ending_after_its_colon_is_no_part_of_it():
    body = "<h2>Sofia</h2><p>Sofian takki on <a href='https://s.example/1'>Filippa K:n</a>.</p>"
    rec = _in_language("fi", "Karppi 2. kausi 3. jakso: Sofian asut", body)
    assert [link.brand for item in rec.items for link in item.links] == ["Filippa K"]


def test_a_wearers_surname_after_dutch_van_is_no_maker():
    body = ("<h2>De jas en trui van Mia van der Berg</h2><p>Mia's jas is van Scotch &amp; Soda: "
            "<a href='https://s.example/1'>wollen jas</a>.</p><p>Daaronder draagt Mia van der Berg een trui, "
            "<a href='https://s.example/2'>de chunky wool jumper van COS</a>.</p>")
    rec = _in_language("nl", "Zeespiegel seizoen 2, aflevering 4: de looks van Mia van der Berg", body)
    brands = {link.brand for item in rec.items for link in item.links}
    assert not {"der Berg", "Van der Berg", "van der Berg"} & brands


def test_a_tag_in_a_script_without_capitals_names_the_show_only_where_the_title_writes_it():
    # a gift guide tagged "繁花", which its body mentions in passing: no show, so no post
    body = ("<p>给追剧朋友的礼物：<a href='https://s.example/1'>投影仪</a>，看《繁花》的夜景真的绝了。</p>"
            "<div class='post-tags'><a href='https://blog.example/tag/fanhua/' rel='tag'>繁花</a></div>")
    rec = _in_language("zh", "2024圣诞礼物清单：送给追剧朋友的8件好物", body)
    assert (rec.show, rec.is_post) == (None, False)


@pytest.mark.parametrize("lang, title", [
    ("en", "The Ultimate Gannet Cove Gift Guide: 15 Gifts for Fans of the Show"),
    ("en", "Gannet Cove season 3 is here: gift ideas for every fan"),
    ("de", "Gannet Cove Staffel 3: Geschenkideen für Fans"),
    ("fr", "Gannet Cove saison 3 : nos idées cadeaux pour les fans")])
def test_a_gift_guide_for_a_shows_fans_is_no_outfit_post(lang, title):
    body = ("<p>Whether you are shopping for a friend or yourself, these picks suit any fan.</p>"
            "<h2>1. Notebook</h2><p>For your gossip: <a href='https://www.amazon.com/dp/B0C123/'>buy on Amazon</a>.</p>"
            "<h2>2. Puff-sleeve dress</h2><p>This <a href='https://s.example/2'>ASOS puff-sleeve midi dress</a>.</p>")
    assert not _in_language(lang, title, body).is_post
    # a wearer named makes it a post of her looks, whatever the title calls it
    worn = body.replace("This <a", "Margo wore this <a")
    assert _in_language(lang, title, worn).is_post


@pytest.mark.parametrize("italic", ["Gannet Cove season two", "Gannet Cove's finale", "Gannet Cove 2"])
def test_words_in_italics_after_the_show_that_are_no_fuller_name(italic):
    body = (f"<p>Margo's coat in <em>{italic}</em> stole the scene.</p>"
            "<p>Coat: <a href='https://s.example/1'>Ganni</a></p>")
    assert _in_language("en", "Gannet Cove S2E5: Margo's Coat", body).show == "Gannet Cove"


@pytest.mark.parametrize("sentence, lang", [
    ("Hattu on loppuunmyyty – kokeile tätä <a href='https://s.example/alt'>Lindexiltä</a>.", "fi"),
    ("Victime de son succès, essayez celle-ci : <a href='https://s.example/alt'>chemise Mango</a>.", "fr"),
    ("Uitverkocht, probeer deze van <a href='https://s.example/alt'>Monki</a>.", "nl"),
    ("<a href='https://s.example/alt'>Goedkopere variant van Vero Moda</a> bij Zalando.", "nl"),
    ("Για κάτι πιο φθηνό, δοκιμάστε <a href='https://s.example/alt'>αυτή</a>.", "el"),
])
def test_try_this_one_instead_in_more_languages(sentence, lang):
    body = f"<p>Coat: <a href='https://s.example/exact'>Max Mara</a></p><p>{sentence}</p>"
    assert _kinds(body, lang) == [("exact", "exact"), ("alt", "alternative")]


def test_a_show_named_for_its_two_wearers_with_its_season_right_after():
    body = ("<h2>Georgia</h2><p>Georgia's coat: <a href='https://s.example/1'>Max Mara</a></p>"
            "<h2>Ginny</h2><p>Ginny's boots: <a href='https://s.example/2'>Ganni</a></p>")
    rec = _in_language("de", "Ginny & Georgia Staffel 2, Folge 4: Alle Outfits zum Nachshoppen", body)
    assert (rec.show, rec.season, rec.episode) == ("Ginny & Georgia", 2, 4)


def test_each_link_in_a_chain_of_garments_takes_the_maker_after_it():
    body = ("<p>Georgia trägt einen <a href='https://s.example/1'>Mantel</a> von Max Mara, eine "
            "<a href='https://s.example/2'>Tasche</a> von Bottega Veneta und <a href='https://s.example/3'>Stiefel</a> "
            "von Ganni.</p>")
    rec = _in_language("de", "Ginny & Georgia Staffel 2, Folge 4", body)
    assert [link.brand for item in rec.items for link in item.links] == ["Max Mara", "Bottega Veneta", "Ganni"]


@pytest.mark.parametrize("caption, name", [("Paulina de la Mora (Cecilia Suárez) en la florería", "Paulina"),
                                           ("Beatriz 'Bia' Alencar (Júlia Monteiro) na praia", "Bia")])
def test_a_captions_name_with_its_particles_or_its_nickname(caption, name):
    body = (f"<figure><img src='https://b.example/1.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
            f"<p>{name} lleva un blazer: <a href='https://s.example/1'>Zara</a></p>")
    rec = _in_language("es", "Casa de las Flores 1x03", body)
    assert rec.characters == [name]


@pytest.mark.parametrize("lang, title, body, characters", [
    # a caption naming the actor in a garment ("Lily Collins in a checked blazer") beside "Emily (Lily Collins)"
    ("en", "Emily in Paris 3x04: every look", "<figure><img src='/a.jpg' alt='Lily Collins in a checked tweed blazer'>"
     "<figcaption>Lily Collins in a checked tweed blazer</figcaption></figure><h2>Emily's Checked Blazer</h2>"
     "<p>Emily (Lily Collins) heads to the office in a checked blazer: <a href='https://s.example/1'>Sandro</a></p>",
     ["Emily"]),
    ("en", "Ted Lasso 2x01: Keeley and Rebecca", "<h3>Keeley</h3><p>Keeley wears a leopard coat: <a href="
     "'https://s.example/1'>Ganni</a></p><h3>Rebecca</h3><p>Hannah Waddingham as Rebecca wears a blue suit: "
     "<a href='https://s.example/2'>Roland Mouret</a></p><p>Hannah Waddingham wore it well.</p>",
     ["Keeley", "Rebecca"]),
    # the title names the actress; the body says whom she plays
    ("ko", "눈물의 여왕 7화 김지원 패션 정보", "<h3>홍해인 블라우스</h3><p>김지원이 연기한 홍해인의 블라우스: "
     "<a href='https://s.example/1'>알렉산드라 리치</a></p>", ["홍해인"]),
    # "What the Kitchen Wore": a group, as "the Girls"
    ("en", "What the Kitchen Wore: The Bear, Season Two, Episode 7", "<h2>Richie</h2><p>Richie wears a navy suit: "
     "<a href='https://s.example/1'>Paul Smith</a></p><h2>Sydney</h2><p>Sydney wears a chore coat: "
     "<a href='https://s.example/2'>Carhartt</a></p>", ["Richie", "Sydney"]),
])
def test_an_actor_the_post_names_for_a_character_is_no_wearer_of_their_own(lang, title, body, characters):
    assert _in_language(lang, title, body).characters == characters


def test_the_posts_author_pictured_in_her_own_look_is_no_wearer():
    # a blogger's look inspired by a show: her byline and JSON-LD name her, a caption pictures her; a commenter
    # named as a character is still the character
    page = ("<html lang='en'><head><title>My Bridgerton Season 3 Brunch Look</title><script type='application/ld+json'>"
            "{\"@type\": \"BlogPosting\", \"author\": {\"@type\": \"Person\", \"name\": \"Ava Leigh\"}}</script></head>"
            "<body><article><h1>My Bridgerton Season 3 Brunch Look</h1><span class='blog-author'>Ava Leigh</span>"
            "<div class='entry-content'><figure><img src='/a.jpg' alt='Ava Leigh in a pink puff sleeve dress'>"
            "<figcaption>Ava Leigh in a pink puff sleeve dress</figcaption></figure><p>Dress: <a href="
            "'https://s.example/1'>Selkie</a></p><p>Penelope wears a green gown: <a href='https://s.example/2'>"
            "Rixo</a></p></div><div class='comments'><div class='comment-author'><b class='fn'>Penelope</b></div>"
            "<p>Love it!</p></div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://blog.example/2024/brunch/")
    assert "Ava Leigh" not in rec.characters and "Penelope" in rec.characters


SHOP_LINE = "<p>Φόρεμα / فستان / dress: <a href='https://s.example/1'>Zara</a></p>"


@pytest.mark.parametrize("lang, title, body, show, season, episode", [
    # the blogger's own word before the show the post writes without it; a show named so keeps it
    ("en", "My Bridgerton Season 3 Brunch Look", "<p>I binged Bridgerton all weekend. Dress: "
     "<a href='https://s.example/1'>Selkie</a></p>", "Bridgerton", 3, None),
    ("en", "My Lady Jane Season 1 Episode 4: Jane's Gowns", "<p>My Lady Jane is back. Jane wears a gown: "
     "<a href='https://s.example/1'>Needle &amp; Thread</a></p>", "My Lady Jane", 1, 4),
    # a double episode's first; an Indonesian "Eps." after the wearers between the look word and the show
    ("ko", "눈물의 여왕 7-8화 김지원 패션 정보", "<p>블라우스: <a href='https://s.example/1'>알렉산드라 리치</a></p>",
     "눈물의 여왕", None, 7),
    ("id", "Gaya Jeng Yah dan Arum di Gadis Kretek Eps. 2", "<p>Kebaya Jeng Yah: <a href='https://s.example/1'>"
     "Ikat Indonesia</a></p><p>Blus Arum: <a href='https://s.example/2'>Cotton Ink</a></p>", "Gadis Kretek", None, 2),
    # numbers spelled out in Dutch; a season's premiere the post's subtitle names
    ("nl", "Dertigers: wat Fleur droeg op het huwelijksfeest", "<p>In aflevering vijf van seizoen drie draagt Fleur "
     "een blazer: <a href='https://s.example/1'>Scotch &amp; Soda</a></p>", None, 3, 5),
    ("en", "Keeley & Rebecca Are Back", "<h2>Our notes on the Season 2 premiere</h2><p>Keeley wears a coat: "
     "<a href='https://s.example/1'>Ganni</a></p>", None, 2, 1),
    ("ar", "إطلالات ليلى وثريا في عروس بيروت الموسم الثاني الحلقة 15", SHOP_LINE, "عروس بيروت", 2, 15),
    ("fa", "استایل سمیرا در زخم کاری فصل سوم قسمت ۴", SHOP_LINE, "زخم کاری", 3, 4),
    ("th", "แจกลุคของกอหญ้า F4 Thailand หัวใจรักสี่ดวงดาว EP.7", SHOP_LINE, "F4 Thailand หัวใจรักสี่ดวงดาว", None, 7),
    ("uk", "Корона 6 сезон 1 серія: образи Діани", SHOP_LINE, None, 6, 1),
    ("el", "Bridgerton 3η σεζόν, 2ο επεισόδιο: τα φορέματα", SHOP_LINE, "Bridgerton", 3, 2),
])
def test_show_and_episode_written_in_more_ways(lang, title, body, show, season, episode):
    rec = _in_language(lang, title, body)
    assert (rec.season, rec.episode) == (season, episode)
    if show is not None:  # (the last two name no show but in passing)
        assert rec.show == show


def test_a_name_in_another_case_beside_its_own_is_one_wearer():
    # Polish: "Sweter Natalii (…)", "kurtka Moniki (…)" under headings "Natalia" and "Monika"
    body = ("<h3>Natalia</h3><p>Sweter Natalii (Aleksandra Skraba) to Reserved: <a href='https://s.example/1'>sweter"
            "</a></p><h3>Monika</h3><p>Skórzana kurtka Moniki (Sandra Drzymalska) to Medicine: "
            "<a href='https://s.example/2'>kurtka</a></p>")
    assert _in_language("pl", "Sexify sezon 2, odcinek 3: stylizacje", body).characters == ["Natalia", "Monika"]


def test_a_three_word_name_before_its_actor_in_a_sentence_is_the_given_names():
    body = ("<h3>Carla</h3><p>En este capítulo Carla Rosón Caleruega (Ester Expósito) lleva un vestido de tweed: "
            "<a href='https://s.example/1'>Sandro</a></p><h3>Lu</h3><p>Lu lleva una blazer: "
            "<a href='https://s.example/2'>Balmain</a></p>")
    assert sorted(_in_language("es", "Élite T2C5: los looks", body).characters) == ["Carla", "Lu"]


def test_a_name_and_its_actor_in_prose_that_says_nothing_of_clothes_is_no_wearer():
    body = ("<h3>Ruchami</h3><p>Ruchami wears a navy midi dress: <a href='https://s.example/1'>Maya Negri</a></p>"
            "<p>Akiva (Michael Aloni) keeps painting, as always.</p>"
            "<div class='separator'><img src='/kym.jpg' alt=''></div><p><i>Kym Okafor (Precious Adeyemi) in the "
            "Underworld office</i></p><p>Blazer: <a href='https://s.example/2'>Whistles</a></p>")
    characters = _in_language("en", "Shtisel 3x04: the looks", body).characters
    assert "Akiva" not in characters and "Ruchami" in characters and "Kym Okafor" in characters


@pytest.mark.parametrize("lang, heading, body_words, name", [
    ("ar", "إطلالة مريم", "ظهرت مريم بفستان", "مريم"),
    ("fa", "استایل سمیرا: مانتوی مشکی بلند", "سمیرا در این قسمت", "سمیرا"),
    ("he", "הלוק של רוחמי", "רוחמי לובשת שמלה", "רוחמי"),
    ("th", "ลุคของกอหญ้า: เดรสลายดอก", "กอหญ้า ใส่เดรส", "กอหญ้า"),
    ("uk", "Образ Діани: светр і джинси", "Діана у виконанні Елізабет Дебікі", "Діана"),
    ("el", "Το στυλ της Πηνελόπης", "Η Πηνελόπη φοράει", "Πηνελόπη"),
    ("vi", "Trang phục của Yoon Se Ri", "Yoon Se Ri mặc áo khoác", "Yoon Se Ri"),
    ("id", "Gaya Arum", "Arum memakai blus", "Arum"),
    ("hi", "तारा का लुक", "तारा ने साड़ी पहनी", "तारा"),
    ("ko", "천다혜 착장 (이주빈)", "천다혜의 원피스", "천다혜"),
    ("zh", "顾佳同款", "顾佳穿的外套", "顾佳"),
])
def test_a_heading_that_says_whose_look_follows_in_more_scripts(lang, heading, body_words, name):
    body = (f"<h3>{heading}</h3><p>{body_words}: <a href='https://s.example/1'>Zara</a></p>"
            f"<h3>Tags</h3><p>…</p>")
    assert name in _in_language(lang, "Show 2x03", body).characters


def test_a_look_heading_run_into_the_occasion_without_spaces_names_nobody():
    # Thai writes no spaces: "ลุคของใบปอในงานอีเวนต์" (the look of Baipor at the event) is no name's end
    body = "<h3>ลุคของใบปอในงานอีเวนต์</h3><p>เดรส: <a href='https://s.example/1'>Sretsis</a></p>"
    assert _in_language("th", "ใบปอ ในงานเปิดตัวคอลเลกชันใหม่", body).characters == []


def test_a_shop_links_arrow_is_no_part_of_its_maker():
    body = ("<p>会社のシーンではグレーのジャケット。こちらはHYKEでした。</p><p><a href='https://www.hyke.jp/products/21ss-jk-04' "
            "class='shop-link'>▷HYKE テーラードジャケット</a></p><p>ピアスはsoierie。</p><p><a href='https://soierie.jp/?pid=1' "
            "class='shop-link'>👉 soierie パールピアス</a></p>")
    rec = _in_language("ja", "大豆田とわ子と三人の元夫 第5話 とわ子の衣装", body)
    assert [link.brand for item in rec.items for link in item.links] == ["HYKE", "soierie"]


def test_korean_names_as_the_post_writes_them_more_often():
    # every heading writes the full name, the prose once the given name; a familiar ending is no part of a name;
    # a jewel before a garment is nobody
    body = ("<h3>홍해인 패션 (김지원)</h3><p>홍해인 블라우스: <a href='https://s.example/1'>알렉산드라 리치</a></p>"
            "<h4>③ 진주 귀걸이</h4><p>홍해인 귀걸이: <a href='https://s.example/2'>미키모토</a></p><p>해인이 너무 예뻐요.</p>"
            "<h3>사랑이 착장</h3><p>사랑 씨 원피스: <a href='https://s.example/3'>미쏘</a></p>")
    assert _in_language("ko", "눈물의 여왕 7화 패션 정보", body).characters == ["홍해인", "사랑"]


def test_a_chinese_wearers_suit_heading():
    body = ("<h3>蘇慶儀的紅色套裝</h3><p>紅色套裝：<a href='https://s.example/1'>Ralph Lauren</a></p>"
            "<h3>羅雨農的洋裝</h3><p>洋裝：<a href='https://s.example/2'>Self-Portrait</a></p>")
    assert _in_language("zh-TW", "《華燈初上》第3集穿搭", body).characters == ["蘇慶儀", "羅雨農"]


def test_a_review_linking_only_the_soundtrack_is_no_outfit_post():
    body = ("<p>第5話、紬と想のシーンが本当に泣けた。演技も音楽も最高。</p><p>サントラはこちら："
            "<a href='https://www.amazon.co.jp/dp/B0BN123456?tag=x-22'>silent オリジナル・サウンドトラック</a></p>")
    rec = _in_language("ja", "『silent』第5話 感想", body)
    assert rec.items == [] and rec.is_post is False


def test_a_links_call_to_look_or_buy_is_no_maker_nor_wearer():
    body = ("<h2>Даша</h2><p>Сумка Даши — Love Republic, та самая с цепочкой.</p><p><a href='https://loverepublic.ru/"
            "catalog/sumki/sumka-2345678/'>Смотреть сумку</a></p><p>Точно: <a href='https://www.lamoda.ru/p/rt1/"
            "clothes-gucci-plate/'>платье на Lamoda</a></p><p>Купить: <a href='https://zarina.ru/catalog/plate-1/'>"
            "Платье миди</a></p>")
    rec = _in_language("ru", "«Содержанки» 4 сезон 6 серия: образы Даши", body)
    assert "Смотреть" not in [link.brand for item in rec.items for link in item.links]
    assert not {"Точно", "Купить"} & set(rec.characters)


def test_a_line_naming_another_garment_opens_a_garment_of_its_own():
    # Lupin: the jacket's exact link and its look-alike, then "Le bonnet : A.P.C." and its link (exact, not the jacket's
    # look-alike)
    body = ("<h2>Assane</h2><p>Le blouson noir d'Assane vient de chez Sandro.</p><p><a href='https://fr.sandro-paris.com/"
            "blouson-SHPBL00123.html'>Voir le blouson</a></p><p>Similaire : <a href='https://www.celio.com/blouson-1123456"
            ".html'>blouson Celio</a></p><p>Le bonnet : A.P.C.</p><p><a href='https://www.apc.fr/men/bonnet-james-WVBAH"
            ".html'>Bonnet James</a></p>")
    rec = _in_language("fr", "Lupin partie 3, épisode 2 : les looks d'Assane", body)
    kinds = {link.url.split("/")[2]: (link.kind, link.brand) for item in rec.items for link in item.links}
    assert kinds["www.apc.fr"] == ("exact", "A.P.C.") and kinds["www.celio.com"][0] == "alternative"


def test_a_sentence_after_a_look_alike_opens_the_next_garment():
    # Turkish: the dress's exact link and its look-alike card, then "Seyran'ın çantası Mango'dan." and the bag's link
    body = ("<h2>Seyran</h2><p>Seyran'ın çiçekli midi elbisesi Zara'nın yeni sezonundan.</p><p><a href="
            "'https://www.zara.com/tr/tr/elbise-p02731456.html'>Ürüne git</a></p><p>Benzer elbise Trendyol'da da var:</p>"
            "<p><a href='https://www.trendyol.com/koton/elbise-p-712345678'>Koton elbise</a></p>"
            "<p>Seyran'ın çantası Mango'dan.</p><p><a href='https://shop.mango.com/tr/p/cantasi_57012345'>Çantayı gör</a></p>")
    rec = _in_language("tr", "Yalı Çapkını 2. sezon 14. bölüm kıyafetleri", body)
    kinds = {link.url.split("/")[2]: link.kind for item in rec.items for link in item.links}
    assert kinds == {"www.zara.com": "exact", "www.trendyol.com": "alternative", "shop.mango.com": "exact"}


def test_a_maker_joined_to_the_garments_word_is_the_maker_alone():
    body = ("<h2>Sofia</h2><p>Sofian musta kuoritakki on Haltilta.</p><p><a href='https://www.halti.com/fi/takit/"
            "kuoritakki-musta-12345'>Halti-kuoritakki</a></p>")
    rec = _in_language("fi", "Karppi, 3. kauden 2. jakso: Sofian asut", body)
    assert [link.brand for item in rec.items for link in item.links] == ["Halti"]


def test_a_shows_possessive_a_dotted_makers_and_an_opening_adverb_are_nobody():
    body = ("<h2>Alexis</h2><p>Alexis's yellow floral mini: <a href='https://s.example/1'>Reformation</a></p>"
            "<h2>Moira</h2><p>Moira's cape is vintage. J.Crew's new Lady Jacket is close: <a href='https://s.example/2'>"
            "J.Crew</a></p><p>Earlier in the episode she's in a red dress: <a href='https://s.example/3'>Aerie</a></p>")
    rec = _in_language("en", "Schitt's Creek Season 5 Episode 8: Alexis and Moira's Outfits", body)
    assert rec.show == "Schitt's Creek" and not {"Schitt", "Crew", "Earlier"} & set(rec.characters)


def test_a_title_looks_word_and_edition_year_after_the_show():
    rec = _in_language("en", "Love Island 2023 Outfits Episode 12: the Casa Amor looks",
                       "<p>Bikini: <a href='https://s.example/1'>Oh Polly</a></p>")
    assert (rec.show, rec.episode) == ("Love Island", 12)


@pytest.mark.parametrize("heading, name", [
    # names and actors written with central European and Turkish capitals ("Š", "Ł", "Ș", "İ", "Ş")
    ("Babička Věra (Jana Štěpánková)", "Babička Věra"), ("Šárka (Jana Nováková)", "Šárka"),
    ("Łucja (Anna Żak)", "Łucja"), ("Ștefan (Radu Ionescu)", "Ștefan"), ("İpek (Şebnem Ferah)", "İpek"),
    # after a title's abbreviation, before a kinship word written small, an actor's name with its particle
    ("D. Amélia (Maria do Céu Guerra)", "D. Amélia"), ("Erzsi néni (Esztergályos Cecília)", "Erzsi néni"),
])
def test_a_wearer_and_actor_written_with_extended_latin_capitals(heading, name):
    rec = _inline(f"<h2>{heading}</h2><p>Kabát: <a href='https://shop.example/p/1'>Mohito</a></p>",
                  title="Chalupa u Lesa, 2. řada, 5. díl")
    assert name in rec.characters


def test_a_personal_article_and_a_kinship_word_before_a_name():
    # Catalan writes an article before a name ("la Martina", "l'Oriol"), and a grandmother is "la iaia Montse"
    rec = _inline("<h2>La Martina (Clara Ferrer)</h2><p>Espardenyes: <a href='https://shop.example/p/1'>Castañer</a></p>"
                  "<h2>L'Oriol (Pol Vidal)</h2><p>Bambes: <a href='https://shop.example/p/2'>Munich</a></p>"
                  "<h2>La iaia Montse (Rosa Novell)</h2><p>Bossa: <a href='https://shop.example/p/3'>aquí</a></p>",
                  title="Estiu a Cadaqués, temporada 2, capítol 5")
    assert rec.characters == ["Martina", "Oriol", "iaia Montse"]
