"""Blog post extraction on layouts the fixture blog does not have, and per-site selectors."""

import lxml.html

from street2shop.crawler.blog.posts import extract_post
from street2shop.crawler.blog.resolve import destination_param, script_redirect, strip_tracking
from street2shop.core.manifest import PostSelectors

URL = "https://tvstyle.example/2025/03/friends-s02e05-rachel/"

ODD_PAGE = """<html><head><title>Rachel's Style in Friends 2x05 | TV Style</title></head><body>
<div class="site-header"><img src="/logo.png" class="logo"></div>
<div id="main"><div class="story">
  <h1>Rachel's Style in Friends 2x05</h1>
  <img src="/img/scene-1.jpg" width="600" height="400">
  <div class="product-card"><span class="what">Green cable-knit sweater</span>
     <a href="https://shop.example/p/1?utm_source=tvstyle">J.Crew</a></div>
  <div class="product-card"><span class="what">Plaid mini skirt</span>
     <a href="https://go.example/click?url=https%3A%2F%2Fshop.example%2Fp%2F2">Buy</a></div>
</div></div>
<div class="sidebar"><a href="https://ads.example/x"><img src="/ad.jpg"></a></div>
</body></html>"""


def test_selectors_read_a_layout_the_rules_do_not_know():
    tree = lxml.html.fromstring(ODD_PAGE)
    sel = PostSelectors(content=".story", item=".product-card", street_images=".story > img", show="title")
    rec = extract_post(tree, URL, selectors=sel)
    assert rec.is_post
    assert rec.images == ["https://tvstyle.example/img/scene-1.jpg"]
    assert [i.links[0].url for i in rec.items] == ["https://shop.example/p/1?utm_source=tvstyle",
                                                   "https://go.example/click?url=https%3A%2F%2Fshop.example%2Fp%2F2"]
    assert [i.image_index for i in rec.items] == [0, 0]
    assert (rec.season, rec.episode) == (2, 5)
    assert rec.characters == ["Rachel"]


def test_generic_rules_on_the_same_page():
    rec = extract_post(lxml.html.fromstring(ODD_PAGE), URL)
    assert rec.images == ["https://tvstyle.example/img/scene-1.jpg"]  # not the logo or the ad
    assert len(rec.items) == 2 and all(i.links[0].kind == "exact" for i in rec.items)
    assert rec.show == "Friends" and (rec.season, rec.episode) == (2, 5)


def test_resolution_helpers():
    assert destination_param("https://go.example/click?url=https%3A%2F%2Fshop.example%2Fp%2F2") == \
        "https://shop.example/p/2"
    assert destination_param("https://x.example/r?murl=https%253A%252F%252Fshop.example%252Fp%252F3") == \
        "https://shop.example/p/3"
    assert destination_param("https://shop.example/p/4?color=red") is None
    # Tumblr's outbound redirect ("z") and Awin's deep link ("p")
    assert destination_param("https://t.umblr.com/redirect?z=https%3A%2F%2Fshop.example%2Fp%2F6&t=abc") == \
        "https://shop.example/p/6"
    assert destination_param("https://www.awin1.com/cread.php?awinmid=9&p=https%3A%2F%2Fshop.example%2Fp%2F7") == \
        "https://shop.example/p/7"
    assert destination_param("https://shop.example/list?p=2") is None  # a page number
    assert strip_tracking("https://shop.example/p/1?utm_source=a&color=red&gclid=z#reviews") == \
        "https://shop.example/p/1?color=red"
    assert strip_tracking("https://shop.example/p/1?utm_medium=b") == "https://shop.example/p/1"
    assert script_redirect('<script>window.location.replace("https://shop.example/p/5")</script>') == \
        "https://shop.example/p/5"
    assert script_redirect("<p>no redirect here</p>") is None


def test_a_link_to_the_blogs_own_shop_is_a_garment_link_and_a_makers_possessive_no_wearer():
    # a vintage shop's journal: its own product pages (Squarespace's "/shop/p/…") and a maker's possessive
    page = ("<html><head><title>Velvet Circuit season 2 episode 1: what Dee wore</title></head><body><article>"
            "<h1>Velvet Circuit season 2 episode 1: what Dee wore</h1><div class='entry-content'>"
            "<h3>Dee Alvarez — the halter jumpsuit</h3><p>Dee's emerald jumpsuit, ours from the racks: "
            "<a href='/shop/p/70s-emerald-halter-jumpsuit'>70s Emerald Halter Jumpsuit</a></p>"
            "<figure><a href='https://www.freepeople.com/shop/halter-jumpsuit'><img src='https://cdn.example/j.jpg' "
            "alt='Free People halter jumpsuit'></a><figcaption>Free People's halter jumpsuit, new</figcaption></figure>"
            "</div></article></body></html>")
    rec = extract_post(lxml.html.fromstring(page), "https://www.secondreel.example/journal/velvet-circuit-s2e1")
    urls = [link.url for i in rec.items for link in i.links]
    assert "https://www.secondreel.example/shop/p/70s-emerald-halter-jumpsuit" in urls
    assert "People" not in rec.characters and "Dee" in " ".join(rec.characters)
