"""What a show-fashion blog post says: show, episode, characters, the scene images, and
for each garment mentioned its text, brand, image and outbound links (exact or alternative).

Generic rules over the article markup (article/main/entry-content, headings, figures,
og:/article: tags, JSON-LD); blog chrome (header, sidebar, ads, related posts, comments,
share bars, author boxes) is skipped wherever it sits. `garments` groups the links into
garments and labels them, `brands` finds their makers, `metadata` the show and episode.
"""

from __future__ import annotations

import re
from itertools import islice
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from parsel.csstranslator import css2xpath

from street2shop.crawler.blog.characters import wearer_form
from street2shop.crawler.blog.brands import (BY_WORDS, MARKS, brand, card_maker, host_named, host_spelled, known_maker,
                                             link_maker, listed_opening, post_makers, post_names_by_host, sells_others,
                                             slug_maker)
from street2shop.crawler.blog.dom import HEADINGS, Stream, classes, is_credit, is_noise, meta_values, text, unaccented
from street2shop.crawler.blog.garments import (ALTERNATIVE, EXACT, garment_name, group_blocks, is_image_file, label,
                                               maker_name)
from street2shop.crawler.blog.legends import spell_legends
from street2shop.crawler.blog.lines import wrap_lines
from street2shop.crawler.blog.metadata import article_node, read_metadata
from street2shop.crawler.blog.resolve import destination_param
from street2shop.crawler.blog.tables import column_name, row_maker, row_of
from street2shop.crawler.blog.vocabulary import GIFT_GUIDE
from street2shop.crawler.extract.jsonsafe import loads
from street2shop.crawler.extract.marketplaces import is_marketplace
from street2shop.crawler.extract.page import parse_html

__all__ = ["ALTERNATIVE", "EXACT", "GarmentMention", "PostLink", "PostRecord", "content_root", "extract_post",
           "is_outbound"]

# not Blogger's "blog-posts", the list around the post that also holds the pager
_CONTENT_HINT = re.compile(r"(entry-content|post-content|article-body|post-body|articleBody|story-body|"
                           r"the-content|single-content|blog-post(?!s)|available-content)", re.I)  # Substack's body
#: Elements a body hint names that hold one paragraph of the body, not all of it (Medium's
#: "pw-post-body-paragraph").
_NOT_CONTAINERS = frozenset({"p", "span", "a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "img"})
_BLOCKS = frozenset({"p", "li", "figcaption", "figure", "dd", "td", "blockquote", "h2", "h3", "h4", "div"})
# (a link cloaker's prefix also in the blog's language: ThirstyAffiliates' "/recomienda/", "/empfiehlt/")
_AFFILIATE_PATH = re.compile(r"/(go|out|recommends|recommend|recomienda|recomenda|recommande|consiglia|empfiehlt|"
                             r"aanbevolen|poleca|aff|affiliate|click|redirect|r|s|link|buy)(/|\?|$)", re.I)
# A product page of the blog's own shop, as the site builders address it (Squarespace "/shop/p/…", Shopify
# "/products/…", WooCommerce "/product/…", Wix "/product-page/…")
_OWN_SHOP_PRODUCT = re.compile(r"/(?:[\w-]+/)?(?:shop/p|products?|product-page|store/p)/[^/?#]+", re.I)


@dataclass
class PostLink:
    url: str  # absolute href as the post writes it
    text: str | None
    kind: str  # "exact" | "alternative"
    brand: str | None = None  # the garment's for an exact link; an alternative's own maker, when named


@dataclass
class GarmentMention:
    text: str
    brand: str | None
    image_index: int | None  # which street image of the post it belongs to
    image_url: str | None = None  # the garment's own picture in the post (a crop or packshot), if any
    links: list[PostLink] = field(default_factory=list)


@dataclass
class PostRecord:
    title: str | None = None
    published: str | None = None  # ISO 8601 as the page gives it
    show: str | None = None
    season: int | None = None
    episode: int | None = None
    characters: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # street images, in post order
    items: list[GarmentMention] = field(default_factory=list)
    canonical_url: str | None = None
    is_post: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def _meta(tree, name: str) -> str | None:
    return next(iter(meta_values(tree, name)), None)


def _jsonld_nodes(tree) -> list[dict]:
    """Every JSON-LD object of the page (top level and @graph members); damaged scripts skipped."""
    nodes: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data]:
            graph = node.get("@graph") if isinstance(node, dict) else None
            nodes += [n for n in (graph if isinstance(graph, list) else [node]) if isinstance(n, dict)]
    return nodes


def content_root(tree):
    """The element that holds the post body."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.get("itemprop") == "articleBody" or _CONTENT_HINT.search(el.get("class") or "")) \
                and el.tag not in _NOT_CONTAINERS and not is_noise(el):
            return _with_builders_widgets(el)
    # the <article>s, and the entries a page builder marks without one (Elementor's single-post template:
    # "<div class='elementor-location-single … hentry'>")
    entries = [el for el in tree.iter("article", "div", "section", "main")
               if el.tag == "article" or set((el.get("class") or "").split()) & _ENTRY_CLASSES]
    articles = [a for a in entries if not is_noise(a)] or [
        # a post whose own class reads as chrome (Substack's "newsletter-post") outside any chrome
        a for a in entries if not any(is_noise(up) for up in a.iterancestors())]
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = next(iter(tree.iter("main")), None)
    return main if main is not None else tree.find("body") if tree.find("body") is not None else tree


def _with_builders_widgets(body):
    """The post's body, or the entry around it where a page builder sets the post's text in one widget and its
    shop links in others beside it (Elementor's "theme-post-content" and an HTML widget's product cards)."""
    if next(body.iter("a"), None) is not None:
        return body
    entry = next((up for up in body.iterancestors()
                  if up.tag == "article" or set((up.get("class") or "").split()) & _ENTRY_CLASSES), None)
    if entry is not None and next(entry.iter("a"), None) is not None:
        return entry
    # no entry marked: the post's own container a level or two up (Webflow's rich text beside a collection
    # list of product cards)
    for up in islice(body.iterancestors(), _BUILDER_LEVELS):
        if up.tag in ("body", "html") or is_noise(up):
            break
        if next(up.iter("a"), None) is not None:
            return up
    return body


_BUILDER_LEVELS = 2


def _block_of(el, root, hrefs_under: dict):
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag == "figcaption" and node.getparent() is not None and node.getparent().tag == "figure":
            return node.getparent()  # the caption speaks for its figure, picture included
        if node.tag in _BLOCKS and node.tag != "div":
            row = row_of(node)  # a garment laid out as a table row
            return row if row is not None else _titled_container(node, root)
        node = node.getparent()
    return _box_of(el.getparent(), root, hrefs_under) if el.getparent() is not None else root


def _box_of(node, root, hrefs_under: dict):
    """Divs only: the largest box around the link that links nowhere else (a product box whose
    title, picture and button all link the same page is one block)."""
    if node is root:
        return node
    parent = node.getparent()
    while parent is not None and parent is not root and hrefs_under.get(id(parent)) == hrefs_under.get(id(node)):
        node, parent = parent, parent.getparent()
    return node


_CARD_LINES = 6  # a garment card: its heading and a few lines (exact, similar, price, note)


def _titled_container(block, root):
    """A garment laid out as a heading plus lines of links (exact / similar) is one block:
    the small container that opens with the heading, not the paragraph that holds the link
    (a body section that merely holds a heading somewhere is not one garment)."""
    parent = block.getparent()
    if parent is None or parent is root or parent.tag not in ("div", "section", "li", "article"):
        return block
    children = [child for child in parent if isinstance(child.tag, str)]
    headings = [child for child in children if child.tag in HEADINGS]
    if len(headings) == 1 and children[0] is headings[0] and len(children) <= _CARD_LINES:
        return parent
    return block


def _img_src(img, base: str) -> str | None:
    for attr in ("data-src", "data-lazy-src", "data-original", "src"):
        v = (img.get(attr) or "").strip()
        if v and not v.startswith("data:"):
            return urljoin(base, v)
    return None


def _is_scene_image(img) -> bool:
    hint = f"{img.get('class') or ''} {img.get('alt') or ''} {img.get('src') or ''}".lower()
    if re.search(r"avatar|gravatar|logo|icon|emoji|badge|pixel|spacer|banner|\bad\b|sprite", hint):
        return False
    for attr in ("width", "height"):
        v = img.get(attr)
        if v and v.isdigit() and int(v) < 100:
            return False
    return True


def is_outbound(url: str, page_url: str, blog_prefix: str) -> bool:
    """A link that leaves the blog: another host, an affiliate/bounce link, or a page outside the blog."""
    target, page = urlsplit(url), urlsplit(page_url)
    if target.scheme not in ("http", "https"):
        return False
    if target.hostname != page.hostname:
        return True
    if destination_param(url) or _AFFILIATE_PATH.search(target.path) or _OWN_SHOP_PRODUCT.match(target.path):
        return True
    return not target.path.startswith(blog_prefix)


def _never_an_item(url: str, *, home_page: bool = True) -> bool:
    """A social network's page ("Follow me on Pinterest", a Pin-it button), a shopping app's
    profile, a keyword or hashtag page, where the show streams, a sign-in or sign-up page (a
    platform's "Follow" button), or a site's home page (not through an affiliate's bounce):
    never the garment's shop page."""
    target = urlsplit(url)
    host = (target.hostname or "").removeprefix("www.")
    if _SHARING.search(f"{host}{target.path}") or _ACCOUNT.search(target.path):
        return True
    bounce = destination_param(url)
    if bounce:  # a bounce, an affiliate's or a social network's ("weibo.cn/sinaurl?u=…"), goes where it says
        return bounce.startswith(("http://", "https://")) and _never_an_item(bounce, home_page=False)
    return bool(_SOCIAL.search(host) or _PROFILE.search(f"{host}{target.path}?{target.query}")
                or _WATCHING.search(f"{host}{target.path}")
                or (home_page and target.path in ("", "/") and not target.query))


_SOCIAL = re.compile(r"(?:^|\.)(?:instagram\.com|pinterest\.[a-z.]+|pin\.it|facebook\.com|twitter\.com|x\.com|"
                     r"tiktok\.com|youtube\.com|youtu\.be|threads\.net|snapchat\.com|tumblr\.com|weibo\.com|"
                     r"weibo\.cn|douyin\.com|xiaohongshu\.com|vk\.com|ok\.ru|bsky\.app|t\.me|tmblr\.co|reddit\.com|"
                     r"redd\.it|linkedin\.com|"
                     # a film and series database or an encyclopedia: no shop
                     r"imdb\.com|themoviedb\.org|thetvdb\.com|tvmaze\.com|kinopoisk\.ru|movie\.douban\.com|mydramalist\.com|"
                     r"rottentomatoes\.com|filmweb\.pl|allocine\.fr|filmaffinity\.com|wikipedia\.org|fandom\.com)$")
# A recording of the show or its music ("silent オリジナル・サウンドトラック" on Amazon, a box set on DVD): no garment
_RECORDING = re.compile(r"(?i:soundtrack|\bOST\b|\bblu-?ray\b|\bDVD\b|bande originale|colonna sonora|banda sonora|"
                        r"trilha sonora|filmmusik)|サウンドトラック|サントラ|ブルーレイ|原声带|原聲帶|사운드트랙")
# A hashtag's link ("#눈물의여왕" to the platform's search): never a shop
_HASHTAG = re.compile(r"^[#＃][^\W\d_][\w-]*[#＃]?$")
# Where the show is watched ("Watch it on <a>Netflix</a>", "ドラマは<a>TVer</a>で配信中"): streaming services and
# broadcasters' players, never a garment's shop.
_WATCHING = re.compile(
    r"(?:^|\.)(?:netflix\.com|hulu\.com|max\.com|hbomax\.com|disneyplus\.com|primevideo\.com|paramountplus\.com|"
    r"peacocktv\.com|crunchyroll\.com|tubitv\.com|pluto\.tv|itv\.com|itvx\.com|channel4\.com|bbc\.co\.uk/iplayer|tf1\.fr|"
    r"france\.tv|arte\.tv|canalplus\.com|raiplay\.it|mediasetinfinity\.[a-z.]+|globoplay\.globo\.com|joyn\.de|"
    r"zdf\.de|ardmediathek\.de|plus\.rtl\.de|svtplay\.se|tv4play\.se|viaplay\.[a-z.]+|nrk\.no|dr\.dk/drtv|"
    r"npostart\.nl|videoland\.com|atresplayer\.com|rtve\.es/play|movistarplus\.es|tver\.jp|abema\.tv|unext\.jp|"
    r"tving\.com|wavve\.com|coupangplay\.com|iq\.com|iqiyi\.com|viu\.com|vidio\.com|hotstar\.com|zee5\.com|"
    r"showmax\.com|stan\.com\.au|showtv\.com\.tr|atv\.com\.tr|kanald\.com\.tr|startv\.com\.tr|trt\.net\.tr|"
    r"tv\.apple\.com|9now\.com\.au|7plus\.com\.au|10play\.com\.au|iview\.abc\.net\.au|sbs\.com\.au/ondemand|"
    r"vtvgo\.vn|fptplay\.vn|kan\.org\.il|mako\.co\.il|13tv\.co\.il|rtp\.pt/play|goplay\.be|vrt\.be/vrtmax|"
    r"auvio\.rtbf\.be|areena\.yle\.fi|ruutu\.fi|vod\.tvp\.pl|player\.pl|polsatboxgo\.pl|ertflix\.gr|jiocinema\.com|"
    r"sonyliv\.com|wetv\.vip|youku\.com|bilibili\.com|mgtv\.com|linetv\.tw|kktv\.me|viki\.com|kocowa\.com|"
    r"fod\.fujitv\.co\.jp|telasa\.jp|lemino\.docomo\.ne\.jp|shahid\.mbc\.net|osnplus\.com|ch3plus\.com|"
    r"npo\.nl/start|tv8\.com\.tr|tabii\.com|blutv\.com|exxen\.com|gain\.tv|"
    r"okko\.tv|ivi\.ru|wink\.ru|start\.ru|premier\.one|kion\.ru|more\.tv|megogo\.net|vix\.com|"
    # and its soundtrack
    r"open\.spotify\.com|music\.apple\.com|soundcloud\.com|deezer\.com|tidal\.com|music\.youtube\.com|"
    r"music\.amazon\.[a-z.]+)(?:/|$)|^amazon\.[a-z.]+/gp/video/|"
    # a Japanese broadcaster's own pages (its shop sits on a subdomain of its own)
    r"^(?:fujitv\.co\.jp|tbs\.co\.jp|ntv\.co\.jp|tv-asahi\.co\.jp|tv-tokyo\.co\.jp|nhk\.or\.jp|nhk\.jp)/|"
    # a broadcaster's episode guide: "/seizoen-1/", "/staffel-2/", "/drama/…", Turkish "/bolumler", "/capitulos/",
    # "/programa/<show>/episodio-112", "/program/<show>-s2"
    r"/(?:seizoen|staffel|saison|temporada|stagione|season|sezon|episodio|capitulo|aflevering|folge)-\d+(?:/|$)|"
    r"/(?:bolumler|bolum|drama|capitulos|episodios|episodes|afleveringen)(?:/|$)|/(?:programa|program|programma|programme)/")
# A shopping app's profile; a blog platform's keyword page or a hashtag's search (Hatena's auto-linked words)
# (also a platform's page for one @handle alone: an author's "medium.com/@flor", a Substack's "@writer")
# (an influencer's Amazon storefront, Rakuten ROOM or ShopMy shop: the blogger's own picks, not a garment's page)
_PROFILE = re.compile(r"shopltk\.com/explore/|amazon\.[a-z.]+/shop/|room\.rakuten\.co\.jp/|^shopmy\.us/(?!p-\d)[\w.-]+/?\?|"
                      r"hatena\.ne\.jp/keyword/|/hashtags?/|[?&]q=(?:%23|#)|^[^/?]+/@[\w.-]+/?\?|/tags?/[^/?]+/?\?", re.I)
# A button that shares, reblogs or bookmarks the post (Ameba's "reblog", LINE's "lineit/share", Hatena's bookmark)
_SHARING = re.compile(r"(?:^|[./])(?:share|sharer|reblog|lineit|addthis|sharethis)(?=[/?.]|$)|/intent/tweet|"
                      r"/pin/create/|/sharing/share-offsite|/shareArticle|"  # Pinterest's "Save", LinkedIn's share
                      r"^(?:b\.hatena\.ne\.jp|social-plugins\.line\.me|line\.me|band\.us|story\.kakao\.com|"
                      r"service\.weibo\.com|connect\.qq\.com|reddit\.com/submit|vk\.com/share)", re.I)
_ACCOUNT = re.compile(r"/(?:m/)?(?:signin|sign-in|signup|sign-up|login|log-in|register)/?$", re.I)


def _select(tree, css: str | None) -> list:
    return tree.xpath(css2xpath(css)) if css else []


def extract_post(tree, url: str, *, blog_prefix: str = "/", selectors=None) -> PostRecord:
    """`tree`: the page's lxml tree, or its HTML as text or bytes (decoded as its charset
    declaration says, wherever in the head it stands). `selectors` (a manifest's
    `post_selectors`) override the generic rules for one site."""
    if isinstance(tree, (str, bytes, bytearray)):
        tree = parse_html(tree)
    base = tree.base or url
    tree = deepcopy(tree)  # read with its lines regrouped (`wrap_lines`); the caller's tree stays as it is
    rec = PostRecord()
    ld = _jsonld_nodes(tree)
    article = article_node(ld)
    # the post's heading: not in the site's header, but maybe in the post's own (an <article>'s <header>)
    h1s = list(tree.iter("h1"))
    h1 = next((h for h in h1s if not is_noise(h.getparent())), None)
    if h1 is None:
        h1 = next((h for h in h1s if any(a.tag == "article" for a in h.iterancestors())), None)
    if h1 is None:  # the site's name in the only h1: the entry's own titled heading (Blogger's "h3.post-title")
        h1 = next((h for h in tree.iter("h2", "h3") if _entry_title(h) and not _beside_the_post(h)), None)
    rec.title = _meta(tree, "og:title") or article.get("headline") or (text(h1) if h1 is not None else None) \
        or _document_title(tree)
    rec.published = (_meta(tree, "article:published_time") or article.get("datePublished")
                     or next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None))
    canonical = next((l.get("href") for l in tree.iter("link") if (l.get("rel") or "").lower() == "canonical"), None)
    rec.canonical_url = urljoin(base, canonical) if canonical else url
    og_type = (_meta(tree, "og:type") or "").lower()

    sel = selectors
    if sel is not None:
        for field_name in ("title", "published", "show"):
            found = _select(tree, getattr(sel, field_name))
            if found:
                setattr(rec, field_name, text(found[0]) or found[0].get("datetime") or found[0].get("content"))
    root = ((_select(tree, sel.content) if sel is not None else []) or [content_root(tree)])[0]
    wrap_lines(root)
    spell_legends(root)
    stream = Stream(root)
    # The outbound links, grouped by the block that holds them (or by the blocks the site's
    # `item` selector names: every link in one is the item's), then blocks into garments.
    item_blocks = _select(root, sel.item) if sel is not None else []
    blocks = _link_blocks(stream, root, base, url, blog_prefix, item_blocks)
    chosen = {id(img): img for img in _select(root, sel.street_images)} if sel is not None else None
    scene_at, in_block = _images(rec, stream, blocks, base, chosen)
    groups = group_blocks(stream, blocks, [pos for pos, _ in scene_at], fixed=bool(item_blocks))
    rec.items = _mentions(stream, groups, scene_at, in_block, single_scene=len(rec.images) == 1)

    read_metadata(rec, tree, url, ld, root, stream, keep_show=bool(sel is not None and sel.show and rec.show),
                  brands=[i.brand for i in rec.items if i.brand])
    if rec.show:
        rec.items = _without_show_pages(rec.items, rec.show)
    characters = {c.casefold() for c in rec.characters}

    def worn_by(name: str) -> bool:  # a wearer's name, a case of it, or its surname ("van der Berg" of Mia's)
        low = name.casefold()
        return low in characters or wearer_form(name, rec.characters) \
            or any(len(low) > 3 and c.endswith(" " + low) for c in characters)

    for item in rec.items:
        if item.brand and worn_by(item.brand):
            # "die Jacke von Lena", "<b>Lola</b>: vestido – <a>Mango</a>": the one who wears it; the maker
            # is then the exact link's name, if it is one
            wearer = item.brand
            item.brand = next((n for n in (listed_opening(link.text or "") or maker_name(link.text or "")
                                           or host_spelled(link.text or "", link.url)  # "Płaszcz z paskiem Mohito"
                                           for link in item.links if link.kind == "exact")
                               if n and n.casefold() not in characters), None)
            for link in item.links:
                if link.brand == wearer:
                    link.brand = item.brand if link.kind == "exact" else None
        for link in item.links:  # "Płaszcz Zosi: <a>…</a>": a wearer's genitive read as a look-alike's maker
            if link.brand and link.brand != item.brand and worn_by(link.brand):
                link.brand = None
    # (a gift guide's or a shop's page links garments too: a show's post names its show, episode or wearers, and a
    # shop's product page says it is one: og:type "product")
    rec.is_post = bool(rec.items) and bool(rec.show or rec.episode or rec.characters) \
        and not (rec.title and GIFT_GUIDE.search(rec.title) and not rec.characters) \
        and not og_type.startswith(("product", "og:product")) \
        and not _listing_or_page(tree) and not _site_page(rec.canonical_url, h1) \
        and not _profile_page(tree) and (
        og_type == "article" or bool(ld) or sum(1 for a in tree.iter("article") if not _aside_entry(a)) <= 1)
    return rec


def _without_show_pages(items: list, show: str) -> list:
    """The garments without links to the show's own page ("Watch it on <a>Polsat Box</a>", a
    broadcaster's "/programy/przyjaciolki"): a link whose last path segment is the show's name, or any of
    whose segments is a name of two words or more, alone or beside a broadcaster's id or word for a series
    ("/gannet-cove/s01e05", "/porady/16012345678-dum-na-letne/", "/detail/series-hacienda-las-jacarandas")."""
    # as addresses write it: without accents, German umlauts spelled out ("Hoch-ueber-Hallstatt"), Greek in
    # Latin letters ("ta-kalokairia-tis-syrou")
    names = {n for n in (_ascii_slug(show), _ascii_slug(show.translate(_UMLAUTS)), _ascii_slug(_latin_greek(show))) if n}
    # the name whole, or with a broadcaster's id or its word for a series around it (not a product's words:
    # "glockenhut-babylon-berlin-edition", "love-island-green-dresses")
    forms = [(name, re.compile(rf"(?:(?:\d+|series?|show|tv|detail|programa?)-)?{re.escape(name)}(?:-(?:\d+|s\d+|s\d+e\d+))?")
              if "-" in name else None) for name in names]
    for item in items:
        item.links = [link for link in item.links if not any(_names_the_show(link.url, *form) for form in forms)]
    return [item for item in items if item.links]


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "θ": "th", "χ": "ch", "ψ": "ps"}
_GREEK_LETTERS = str.maketrans("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo")


def _latin_greek(words: str) -> str:
    """Greek words in the Latin letters a broadcaster's address uses ("Τα Καλοκαίρια της Σύρου":
    "ta kalokairia tis syrou"); other words as they are."""
    if not re.search(r"[\u0370-\u03ff]", words):
        return ""
    words = unaccented(words).casefold()
    for pair, latin in _GREEK_PAIRS.items():
        words = words.replace(pair, latin)
    return words.translate(_GREEK_LETTERS)


def _names_the_show(url: str, name: str, within) -> bool:
    segments = [_ascii_slug(unquote(s)) for s in urlsplit(url).path.rstrip("/").split("/") if s]
    return bool(segments) and (segments[-1] == name or within is not None and any(within.fullmatch(s) for s in segments))


def _ascii_slug(words: str) -> str:
    return "-".join(re.findall(r"[^\W_]+", unaccented(words).casefold()))  # other scripts kept: "/tags/花開那年"


def _document_title(tree) -> str | None:
    """The document's <title> without the site's name after its last separator ("《玫瑰的故事》第7集 … - 微博"):
    the post's title where no heading or meta tag gives it."""
    title = tree.find(".//title")
    words = text(title) if title is not None else ""
    parts = _TITLE_SEPARATOR.split(words)
    return (parts[0] if len(parts) > 1 and len(parts[-1]) <= 30 else words) or None


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?=[^|–—-]*$)")


def _profile_page(tree) -> bool:
    """A social profile or a link-in-bio page, titled by its @handle ("@screenwardrobe | Linkin.bio",
    "Maya Style (@mayastyle) • Instagram photos and videos"): its links are many posts', not one post's."""
    title = tree.find(".//title")
    return title is not None and bool(_HANDLE_TITLE.search(text(title)))


_HANDLE_TITLE = re.compile(r"^\s*@[\w.]{2,30}\s*(?:[|•·–—-]|$)|\(@[\w.]{2,30}\)")


def _site_page(url: str, h1) -> bool:
    """One of the site's own pages rather than a post: its address ends in one such name ("/about",
    "/contact", "/impressum", Blogger's "/p/shop-my-closet.html"), or its heading is only that name
    ("About me")."""
    path = urlsplit(url).path.strip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0].casefold()
    heading = " ".join(text(h1).casefold().split()).replace(" ", "-") if h1 is not None else ""
    return path in _SITE_PAGES or heading in _SITE_PAGES


#: The names of a site's own pages (about, contact, legal, shop), in the languages posts are written in.
_SITE_PAGES = frozenset("""
about about-me about-us contact contact-me contact-us imprint impressum kontakt privacy privacy-policy datenschutz
disclosure disclaimer shop shop-my-closet my-closet work-with-me advertise press faq terms a-propos apropos
mentions-legales contacto contato sobre sobre-mi sobre-mim chi-siamo contatti om-mig om-oss kontakta o-mnie
uber-mich ueber-mich uber-uns ueber-uns
""".split())


#: Classes of a blog entry (Blogger's "post-outer", WordPress's "type-post", the hAtom ones).
_ENTRY_CLASSES = frozenset({"post-outer", "hentry", "h-entry", "type-post"})


def _listing_or_page(tree) -> bool:
    """A page of several entries (a blog's home, a label or archive page), or a WordPress
    page ("type-page": a shop or about page), rather than one post. A body outside every entry
    is the post's own (a block theme's single post lists "More posts" as entries below it)."""
    entries = 0
    titled: set[int] = set()  # the <article>s holding an entry's title
    own_body = body_outside_articles = False
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        names = set((el.get("class") or "").split())
        if "type-page" in names and not is_noise(el):
            return True
        inside = any(set((up.get("class") or "").split()) & _ENTRY_CLASSES for up in el.iterancestors())
        if names & _ENTRY_CLASSES and not inside and not _beside_the_post(el):
            entries += 1
        elif not inside and not names & _ENTRY_CLASSES and el.tag not in _NOT_CONTAINERS \
                and _CONTENT_HINT.search(el.get("class") or ""):
            own_body = True
            body_outside_articles = body_outside_articles or not any(up.tag == "article" for up in el.iterancestors())
        if names & _ENTRY_TITLES and not _beside_the_post(el):
            article = next((up for up in el.iterancestors() if up.tag == "article"), None)
            if article is not None:
                titled.add(id(article))
    # entries' titles where the theme marks no entry itself, each with its body in an <article> (a
    # Blogger theme's home)
    return (entries >= 2 and not own_body) or (len(titled) >= 2 and not body_outside_articles)


def _beside_the_post(el) -> bool:
    """Inside a sidebar, a menu, the footer or a block of related posts or comments."""
    return any(up.tag in ("aside", "nav", "footer") or _ASIDE.search(classes(up)) for up in el.iterancestors())


_ENTRY_TITLES = frozenset({"entry-title", "post-title"})


def _entry_title(heading) -> bool:
    """An entry's titled heading: classed "entry-title"/"post-title", or "title" inside an <article>
    (a Tumblr theme's "h2.title")."""
    names = set((heading.get("class") or "").split())
    return not _ENTRY_TITLES.isdisjoint(names) or ("title" in names and any(
        a.tag == "article" for a in heading.iterancestors()))


def _aside_entry(article) -> bool:
    """An <article> that is noise, or another post's card in a sidebar widget, a "related" block or
    inside the post's own entry (a page builder's "More posts" grid in its single-post template, a
    link's preview card in another article: Ameba's "ogpCard")."""
    return is_noise(article) or any(up.tag in ("aside", "nav", "footer", "article")
                                    or _OTHER_POSTS.search(up.get("class") or "")
                                    or set((up.get("class") or "").split()) & _ENTRY_CLASSES
                                    for up in article.iterancestors())


_OTHER_POSTS = re.compile(r"widget|related|recent|popular|more-posts", re.I)
#: Where other posts' entries are shown beside a post (Blogger's own "widget Blog" holds the post).
_ASIDE = re.compile(r"related|sidebar|widget-area|recent|popular|footer|comment", re.I)


def _link_blocks(stream: Stream, root, base: str, url: str, blog_prefix: str, item_blocks: list) -> list:
    """[(block, [(link, href)])] in document order."""
    links = []
    for el in stream.elements:
        if el.tag == "a" and el.get("href"):
            href = urljoin(base, el.get("href").strip()).split("#", 1)[0]
            if item_blocks:
                if href.startswith(("http://", "https://")):
                    links.append((el, href))
            elif is_outbound(href, url, blog_prefix) and not is_image_file(urlsplit(href).path) \
                    and not _never_an_item(href) and not _HASHTAG.match(text(el)) and not is_credit(el) \
                    and not _RECORDING.search(text(el)):
                links.append((el, href))
    hrefs_under: dict[int, set] = {}
    for el, href in ([] if item_blocks else links):
        node = el.getparent()
        while node is not None and node is not root:
            hrefs_under.setdefault(id(node), set()).add(href)
            node = node.getparent()
    blocks: dict[int, tuple] = {}
    chosen = {id(b): b for b in item_blocks}
    for el, href in links:
        if item_blocks:
            block = _enclosing(el, chosen)
            if block is None:
                continue
        else:
            block = _block_of(el, root, hrefs_under)
        blocks.setdefault(id(block), (block, []))[1].append((el, href))
    for block, block_links in list(blocks.values()):
        # a box holding links of its own and boxes that each link one page (a pager: "Newer" and
        # "Older" in spans, "Home" beside them) is one block, not blocks inside a block
        outer = _enclosing(block, blocks)
        if outer is not None:
            outer[1].extend(block_links)
            outer[1].sort(key=lambda pair: stream.start[id(pair[0])])
            del blocks[id(block)]
    return sorted(blocks.values(), key=lambda bl: stream.start.get(id(bl[0]), 0))


def _images(rec: PostRecord, stream: Stream, blocks: list, base: str, chosen: set | None):
    """Images inside a garment's block show that garment (a crop or a packshot); any other is
    a scene ("street") image. Returns the scenes' (position, index) and each block's picture."""
    in_block: dict[int, str] = {}
    scene_at: list[tuple[int, int]] = []
    holders = {id(b): b for b, _ in blocks}
    for el in stream.elements:
        if el.tag != "img":
            continue
        src = _img_src(el, base)
        if not src or (id(el) not in chosen if chosen else not _is_scene_image(el)):
            continue
        holder = _enclosing(el, holders)
        if holder is not None:
            in_block.setdefault(id(holder), src)
        elif src not in rec.images:
            rec.images.append(src)
            scene_at.append((stream.start[id(el)], len(rec.images) - 1))
    return scene_at, in_block


def _mentions(stream: Stream, groups: list, scene_at: list, in_block: dict, *, single_scene: bool) -> list:
    items = []
    linked: dict[str, PostLink] = {}  # the pages the garments before already link
    known = post_makers(stream)
    hosts = None  # the post's names by the host they spell, read when a link has no maker yet
    previous_at, image = -1, (0 if single_scene else None)
    for group in groups:
        at = stream.start[id(group.blocks[0][0])]
        # The scene an item belongs to is the one shown since the previous item. Several
        # scenes in a row and then a list of items ("shop the look") do not say which item
        # is in which scene: that stays unknown (None) rather than guessed.
        between = [idx for pos, idx in scene_at if previous_at < pos < at]
        if between:
            image = between[0] if len(between) == 1 else None
        previous_at = stream.start[id(group.blocks[-1][0])]
        name = garment_name(stream, group)
        maker = known_maker(brand(stream, group, name), group, name, known)
        item = GarmentMention(text=_without_maker(name, maker), brand=maker, image_index=image,
                              image_url=next((in_block[id(b)] for b, _ in group.blocks if id(b) in in_block), None))
        # where nothing is said of an exact item, the garment's own words describe its look-alike: a table
        # row's brand column, "Modèle similaire : le legging effet cuir Spanx"
        said_of_exact = any((t.text or "").strip() for t in group.exact_tokens)
        own = maker if not group.has_exact and (not said_of_exact or group.blocks[0][0].tag == "tr") else None
        seen: set[str] = set()
        for el, href in group.links:
            # a box's title, picture and button linking one page: one link; a "Shop the post" strip
            # repeating the links of the garments above: theirs
            if href in linked:
                earlier = linked[href]  # the strip's card may name the maker the garment's line did not
                earlier.brand = earlier.brand or link_maker(text(el) or None, href) or card_maker(el)
            elif href not in seen:
                seen.add(href)
                shown = text(el)
                words, kind = shown or _picture_words(el), group.kinds[id(el)]
                spelled = host_spelled(words, href) if kind == "exact" and words else None
                if spelled and (maker is None or maker.split()[0].casefold() == spelled.split()[0].casefold()):
                    # the exact link opens with the name of the maker's shop it leads to: the maker as the
                    # shop writes it ("Merz b. Schwanen 215" where the garment's words cut it to "Merz",
                    # "PAZZO 法式碎花綁帶洋裝" to pazzo.com.tw)
                    maker = item.brand = spelled
                # (its table row's brand column, a widget card's own brand line names its maker)
                # (not a look-alike's in a "Similar" column, nor a layout table's row far above the link)
                cell = next((up for up in islice(el.iterancestors(), 2) if up.tag in ("td", "th")), None)
                row = row_of(cell) if cell is not None else None
                listed = row_maker(row) if row is not None and label(column_name(el)) != "alternative" else None
                item.links.append(PostLink(url=href, text=words, kind=kind,
                                           brand=listed or ((card_maker(el) or maker
                                                             or link_maker(words, href, listed_only=not shown))
                                                            if kind == "exact"
                                                            else link_maker(words, href, _sentence_after(el),
                                                                            listed_only=not shown)
                                                            or card_maker(el) or own)))
        if item.brand and _PRICE_LIKE.fullmatch(item.brand):
            item.brand = None
        for link in item.links:
            link.brand = _a_maker(link.brand)
            if link.brand and link.kind == "exact" and not item.brand:
                item.brand = link.brand  # the exact link's own words name the maker the garment's did not
            if not link.brand:
                hosts = hosts if hosts is not None else post_names_by_host(stream)
                # a maker's own shop whose name the post writes, or the maker a retailer's slug opens with
                link.brand = _a_maker(host_named(link.url, hosts) or slug_maker(link.url, known))
                if link.brand and link.kind == "exact" and not item.brand:
                    item.brand = link.brand
        linked.update((link.url, link) for link in item.links)
        if item.links:
            items.append(item)
    return items


def _picture_words(link) -> str | None:
    """A link of one picture and no words is named by the picture's alt text (a widget's fallback cards:
    "<a><img alt='Diane von Furstenberg Tilly wrap dress in black'></a>")."""
    pictures = link.findall(".//img")
    return " ".join(pictures[0].get("alt", "").split()) or None if len(pictures) == 1 else None


def _a_maker(name: str | None) -> str | None:
    """The name, unless it names no maker: a marketplace, which sells many makers' goods ("Shop it at Amazon"), or
    a card's price ("NT$590"), a retailer or where a link sells ("Chez Inno")."""
    name = name.rstrip(" *").lstrip(MARKS) if name else name  # an affiliate link's mark: "Auf Amazon*"; "👉 Sretsis"
    # a case ending after a colon, as Finnish and Swedish inflect a name that ends in a capital ("Filippa K:n")
    name = _COLON_CASE.sub("", name) if name and ":" in name else name
    # a maker joined to the garment's lower-case word, as Finnish writes it ("Halti-kuoritakki", "Vero Moda -neule")
    name = _HYPHENED_GARMENT.sub("", name) if name and "-" in name else name
    return None if not name or is_marketplace(name) or _PRICE_LIKE.fullmatch(name) or sells_others(name) else name


_HYPHENED_GARMENT = re.compile(r"(?<=\w)\s?-[a-zäöåæø]{3,}$")
_COLON_CASE = re.compile(r"(?<=[A-Z0-9&]):[a-zåäö]{1,4}$")


# a price, with its currency's sign or code: "NT$590", "€ 39,90", "1.299 TL"
_PRICE_LIKE = re.compile(r"(?:[A-Z]{0,3}\s?[$€£¥₩₺₫]|R\$)\s?\d[\d.,\s]*|\d[\d.,\s]*\s?(?:[$€£¥₩₺₫]|TL|zł|kr|₽|円|원|đ)")


def _sentence_after(el) -> str | None:
    """The words right after a link, up to the end of their sentence."""
    tail = (el.tail or "").strip()
    return _SENTENCE_END.split(tail, 1)[0][:120] if tail else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s|[(（]")


def _without_maker(name: str, maker: str | None) -> str:
    """"Blazer – Sandro", "Blazer: Sandro" and "Sandro blazer" name the blazer; the maker is its brand."""
    if maker and name.startswith(maker + " ") and re.search(r"[^\W\d_]", name[len(maker):]):
        return name[len(maker):].strip()
    if maker and name.endswith(maker):
        head = name[: -len(maker)].rstrip()
        if head[-1:] in ("–", "—", "-", ":") and head[:-1].strip():
            return head[:-1].strip()
        by = _BY_WORD.search(head)  # "camel wrap coat by Max Mara"
        if by and head[: by.start()].strip():
            return head[: by.start()].strip()
    return name


_BY_WORD = re.compile(rf"(?:\s+(?:is|are|was|were))?\s+(?:{BY_WORDS})$", re.I)


def _enclosing(el, candidates: dict):
    """The nearest ancestor of `el` among `candidates` (by id), else None."""
    node = el.getparent()
    while node is not None:
        if id(node) in candidates:
            return candidates[id(node)]
        node = node.getparent()
    return None
