"""What a show-fashion blog post says: show, episode, characters, the scene images, and
for each garment mentioned its text, brand, image and outbound links (exact or alternative).

Generic rules over the article markup (article/main/entry-content, headings, figures,
og:/article: tags, JSON-LD BlogPosting); blog chrome (header, sidebar, ads, related
posts, comments, share bars, author boxes) is skipped wherever it sits.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit

from street2shop.crawler.blog.resolve import destination_param

#: Subtrees that are never the post itself (matched on tag, id, class and role).
_NOISE = re.compile(
    r"(^|[\s_-])(header|footer|nav|navbar|menu|sidebar|widget|aside|comments?|comment-list|respond|related|"
    r"share|sharing|social|author|byline-avatar|avatar|ads?|advert|advertisement|sponsor|banner|promo|"
    r"newsletter|subscribe|breadcrumbs?|pagination|cookie)($|[\s_-])", re.I)
_NOISE_TAGS = frozenset({"header", "footer", "nav", "aside", "form", "script", "style", "noscript", "template"})
_CONTENT_HINT = re.compile(r"(entry-content|post-content|article-body|post-body|articleBody|story-body|"
                           r"the-content|single-content|blog-post)", re.I)
_BLOCKS = frozenset({"p", "li", "figcaption", "figure", "dd", "td", "blockquote", "h2", "h3", "h4", "div"})

#: Words that present a link as an alternative to the exact item.
ALTERNATIVE = re.compile(
    r"\b(similar|get the look|get the style|shop the look|alternatives?|dupes?|look-?alikes?|inspired|"
    r"more options|other options|sold out|also try|try this|budget|splurge|save)\b", re.I)
#: Words that present a link as the exact item.
EXACT = re.compile(r"\b(exact|the one she wore|the one he wore|identical|same one|buy it|shop it|get it)\b", re.I)

_AFFILIATE_PATH = re.compile(r"/(go|out|recommends|aff|affiliate|click|redirect|r|s|link|buy)(/|\?|$)", re.I)

_SEASON_EPISODE = [
    re.compile(r"\bseason\s*(?P<season>\d{1,2})\s*[,:-]?\s*(?:episode|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bS(?P<season>\d{1,2})\s*[.:]?\s*E(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\b(?P<season>\d{1,2})x(?P<episode>\d{1,3})\b"),
    re.compile(r"\bstaffel\s*(?P<season>\d{1,2})\s*[,:-]?\s*folge\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bsaison\s*(?P<season>\d{1,2})\s*[,:-]?\s*[ée]pisode\s*(?P<episode>\d{1,3})\b", re.I),
]
_WHAT_WORE = re.compile(
    r"^\s*(?:what|outfits?|fashion|style)\b.*?\b(?P<who>[A-Z][\w'.-]*(?:\s+(?:and|&)\s+[A-Z][\w'.-]*|\s+[A-Z][\w'.-]*)*)"
    r"\s+wore\s+(?:in|on)\s+(?P<show>.+?)(?=\s*(?:[,:(–—-]|\bseason\b|\bS\d|\b\d+x\d|\bepisode\b|$))", re.I)
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\b")
_BY_BRAND = re.compile(r"\bby\s+([A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,3})")


@dataclass
class PostLink:
    url: str  # absolute href as the post writes it
    text: str | None
    kind: str  # "exact" | "alternative"


@dataclass
class PostItem:
    text: str
    brand: str | None
    image_index: int | None  # which street image of the post it belongs to
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
    items: list[PostItem] = field(default_factory=list)
    canonical_url: str | None = None
    is_post: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def _classes(el) -> str:
    return f"{el.tag} {el.get('id') or ''} {el.get('class') or ''} {el.get('role') or ''}"


def _is_noise(el) -> bool:
    return el.tag in _NOISE_TAGS or bool(_NOISE.search(_classes(el)))


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for el in tree.iter("meta"):
            if (el.get("property") or el.get("name") or "").lower() == name and el.get("content"):
                return el.get("content").strip()
    return None


def _jsonld_article(tree) -> dict:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data if isinstance(data, list) else []
        for node in nodes:
            types = node.get("@type") if isinstance(node, dict) else None
            types = types if isinstance(types, list) else [types]
            if any(t in ("BlogPosting", "Article", "NewsArticle") for t in types):
                return node
    return {}


def content_root(tree):
    """The element that holds the post body."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.get("itemprop") == "articleBody" or _CONTENT_HINT.search(el.get("class") or "")) \
                and not _is_noise(el):
            return el
    articles = [a for a in tree.iter("article") if not _is_noise(a)]
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = next(iter(tree.iter("main")), None)
    return main if main is not None else tree.find("body") if tree.find("body") is not None else tree


def _walk(el, skip_noise: bool = True):
    """Document-order walk that does not enter blog chrome."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if skip_noise and _is_noise(child):
            continue
        yield child
        yield from _walk(child, skip_noise)


def _block_of(el, root):
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag in _BLOCKS and node.tag != "div":
            return node
        node = node.getparent()
    return el.getparent() if el.getparent() is not None else root


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
    if destination_param(url) or _AFFILIATE_PATH.search(target.path):
        return True
    return not target.path.startswith(blog_prefix)


def extract_post(tree, url: str, *, blog_prefix: str = "/") -> PostRecord:
    base = tree.base or url
    rec = PostRecord()
    ld = _jsonld_article(tree)
    h1 = next((h for h in tree.iter("h1") if not _is_noise(h.getparent())), None)
    rec.title = _meta(tree, "og:title") or ld.get("headline") or (_text(h1) if h1 is not None else None)
    rec.published = (_meta(tree, "article:published_time") or ld.get("datePublished")
                     or next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None))
    canonical = next((l.get("href") for l in tree.iter("link") if (l.get("rel") or "").lower() == "canonical"), None)
    rec.canonical_url = urljoin(base, canonical) if canonical else url
    og_type = (_meta(tree, "og:type") or "").lower()

    root = content_root(tree)
    items: list[PostItem] = []
    by_block: dict[int, PostItem] = {}
    image_index: int | None = None
    label_alt: dict[int, bool] = {}  # per block: has an "alternative" label been seen before this link
    for el in _walk(root):
        if el.tag == "img":
            src = _img_src(el, base)
            if src and _is_scene_image(el) and src not in rec.images:
                rec.images.append(src)
                image_index = len(rec.images) - 1
        elif el.tag == "a" and el.get("href"):
            href = urljoin(base, el.get("href").strip()).split("#", 1)[0]
            if not is_outbound(href, url, blog_prefix):
                continue
            block = _block_of(el, root)
            key = id(block)
            item = by_block.get(key)
            if item is None:
                item = PostItem(text=_item_text(block), brand=_brand(block), image_index=_image_in(block, base, rec.images, image_index))
                by_block[key] = item
                items.append(item)
            link_text = _text(el) or None
            before = _text_before(el, block)
            alternative = bool(ALTERNATIVE.search(before) or ALTERNATIVE.search(link_text or "")
                               or ALTERNATIVE.search(el.get("title") or ""))
            if not alternative and label_alt.get(key) and not EXACT.search(link_text or ""):
                alternative = True
            if alternative:
                label_alt[key] = True
            item.links.append(PostLink(url=href, text=link_text, kind="alternative" if alternative else "exact"))
    rec.items = [i for i in items if i.links]

    _show_and_episode(rec, tree, ld)
    rec.is_post = bool(rec.items) and (og_type == "article" or bool(ld) or
                                       sum(1 for a in tree.iter("article") if not _is_noise(a)) <= 1)
    return rec


def _text_before(link, block) -> str:
    """Text of the block between the previous link (or the block start) and this link."""
    parts: list[str] = []
    for node in block.iter():
        if node is link:
            break
        if node.tag == "a" and node is not block:
            parts = []  # only the words since the last link label this one
            if node.tail:
                parts.append(node.tail)
            continue
        if node.text and not _inside_link(node, block):
            parts.append(node.text)
        if node.tail and node is not block and not _inside_link(node.getparent(), block):
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def _inside_link(node, block) -> bool:
    while node is not None and node is not block:
        if node.tag == "a":
            return True
        node = node.getparent()
    return False


def _item_text(block) -> str:
    """The garment as the post describes it: the block's text before its first link or label."""
    text = _text(block)
    first = next((a for a in block.iter("a")), None)
    if first is not None and _text(first) and _text(first) in text:
        head = text.split(_text(first), 1)[0].strip(" :–—-|")
        if len(head) >= 8:
            text = head
    m = ALTERNATIVE.search(text)
    if m and m.start() > 8:
        text = text[: m.start()]
    return text.strip(" :–—-|,.")


def _brand(block) -> str | None:
    for tag in ("strong", "b"):
        for el in block.iter(tag):
            t = _text(el)
            if t and len(t) <= 40 and not ALTERNATIVE.search(t):
                return t
    m = _BY_BRAND.search(_text(block))
    return m.group(1).strip() if m else None


def _image_in(block, base: str, images: list[str], current: int | None) -> int | None:
    """An item in a figure belongs to the figure's image; otherwise to the last image above it."""
    fig = block if block.tag == "figure" else block.getparent() if block.getparent() is not None and block.getparent().tag == "figure" else None
    if fig is not None:
        for img in fig.iter("img"):
            src = _img_src(img, base)
            if src in images:
                return images.index(src)
    return current


def _show_and_episode(rec: PostRecord, tree, ld: dict) -> None:
    texts = [rec.title or ""]
    tags = [m.get("content") for m in tree.iter("meta") if (m.get("property") or "") in ("article:section", "article:tag")]
    texts += [t for t in tags if t]
    for text in texts:
        for pattern in _SEASON_EPISODE:
            m = pattern.search(text)
            if m:
                rec.season, rec.episode = int(m.group("season")), int(m.group("episode"))
                break
        if rec.season is not None:
            break
    m = _WHAT_WORE.search(rec.title or "")
    if m:
        rec.show = m.group("show").strip(" ,:-")
        rec.characters = [c.strip() for c in re.split(r"\s+(?:and|&)\s+", m.group("who")) if c.strip()]
    section = _meta(tree, "article:section") or ld.get("articleSection")
    if not rec.show and isinstance(section, str):
        rec.show = section
    if not rec.characters:
        names: dict[str, None] = {}
        for item in rec.items:
            for name in _POSSESSIVE.findall(item.text):
                names[name] = None
        rec.characters = list(names)
