"""What a show-fashion blog post says: show, episode, characters, the scene images, and
for each garment mentioned its text, brand, image and outbound links (exact or alternative).

Generic rules over the article markup (article/main/entry-content, headings, figures,
og:/article: tags, JSON-LD BlogPosting); blog chrome (header, sidebar, ads, related
posts, comments, share bars, author boxes) is skipped wherever it sits.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urljoin, urlsplit

from parsel.csstranslator import css2xpath

from street2shop.crawler.blog.resolve import destination_param
from street2shop.crawler.extract.jsonsafe import loads

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
# Title forms of such posts: "What Maya and Leo Wore in Harbour Lane Season 1 Episode 2",
# "Harbour Lane S01E05: What Dana Wore", "Get the Look: Rosa's Outfits in The Copper Kettle …".
_WHO_WORE = re.compile(r"\bwhat\s+(?P<who>[A-Z][^:|]*?)\s+(?:wore|wears|is wearing)\b", re.I)
_WHO_LOOKS = re.compile(r"(?P<who>[A-Z][\w-]*(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w-]*)*)['’]s\s+"
                        r"(?i:outfits?|looks?|style|fashion|wardrobe|clothes)\b")
_SHOW_AFTER = re.compile(
    r"\b(?:wore|wears|outfits?|looks?|style|fashion|wardrobe|clothes)\s+(?:in|on|from)\s+(?P<show>.+?)"
    r"(?=\s*(?:[,:(|–—]|\s-\s|\bseason\b|\bS\d{1,2}\s*E\d|\b\d{1,2}x\d|\bepisode\b|$))", re.I)
_SHOW_BEFORE = re.compile(r"^\s*(?P<show>[^:|]+?)\s*[,:|–—-]?\s*(?:\bS\d{1,2}\s*E\d{1,3}\b|\bseason\s*\d)", re.I)
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s\b")
_BY = re.compile(r"\b(?:by|from)\s+(?=\S)", re.I)
_NAME_JOINERS = frozenset({"&", "and", "de", "del", "di", "da", "van", "von", "der", "la", "le", "of", "+"})


@dataclass
class PostLink:
    url: str  # absolute href as the post writes it
    text: str | None
    kind: str  # "exact" | "alternative"


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
            data = loads(script.text.strip().rstrip(";"))
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
        if node.tag == "figcaption" and node.getparent() is not None and node.getparent().tag == "figure":
            return node.getparent()  # the caption speaks for its figure, picture included
        if node.tag in _BLOCKS and node.tag != "div":
            return _titled_container(node, root)
        node = node.getparent()
    return el.getparent() if el.getparent() is not None else root


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _titled_container(block, root):
    """A garment laid out as a heading plus lines of links (exact / similar) is one block:
    the container that holds the heading, not the paragraph that holds the link."""
    parent = block.getparent()
    if parent is None or parent is root or parent.tag not in ("div", "section", "li", "article"):
        return block
    if any(child.tag in _HEADINGS for child in parent):
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
    if destination_param(url) or _AFFILIATE_PATH.search(target.path):
        return True
    return not target.path.startswith(blog_prefix)


def _select(tree, css: str | None) -> list:
    return tree.xpath(css2xpath(css)) if css else []


def extract_post(tree, url: str, *, blog_prefix: str = "/", selectors=None) -> PostRecord:
    """`selectors` (a manifest's `post_selectors`) override the generic rules for one site."""
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

    sel = selectors
    if sel is not None:
        for field_name in ("title", "published", "show"):
            found = _select(tree, getattr(sel, field_name))
            if found:
                setattr(rec, field_name, _text(found[0]) or found[0].get("datetime") or found[0].get("content"))
    root = (_select(tree, sel.content) if sel is not None else []) or [content_root(tree)]
    root = root[0]
    elements = list(_walk(root))
    position = {id(el): n for n, el in enumerate(elements)}
    # Pass 1: the outbound links, grouped into garments by the block that holds them
    # (or by the blocks the site's `item` selector names: every link in one is the item's).
    blocks: dict[int, tuple[object, list]] = {}
    item_blocks = _select(root, sel.item) if sel is not None else []
    for el in elements:
        if el.tag == "a" and el.get("href"):
            href = urljoin(base, el.get("href").strip()).split("#", 1)[0]
            if item_blocks:
                block = next((b for b in item_blocks if _contains(b, el)), None)
                if block is not None and href.startswith(("http://", "https://")):
                    blocks.setdefault(id(block), (block, []))[1].append((el, href))
            elif is_outbound(href, url, blog_prefix):
                block = _block_of(el, root)
                blocks.setdefault(id(block), (block, []))[1].append((el, href))
    # Pass 2: images. One inside a garment's block shows that garment (a crop or a
    # packshot); any other is a scene ("street") image.
    in_block: dict[int, str] = {}
    scene_at: list[tuple[int, int]] = []  # (document position, scene index)
    chosen_scenes = {id(img) for img in _select(root, sel.street_images)} if sel is not None else set()
    for el in elements:
        if el.tag != "img":
            continue
        src = _img_src(el, base)
        if not src or (id(el) not in chosen_scenes if chosen_scenes else not _is_scene_image(el)):
            continue
        holder = next((b for b, _ in blocks.values() if _contains(b, el)), None)
        if holder is not None:
            in_block.setdefault(id(holder), src)
        elif src not in rec.images:
            rec.images.append(src)
            scene_at.append((position[id(el)], len(rec.images) - 1))
    previous_at, image = -1, (0 if len(rec.images) == 1 else None)
    for key, (block, links) in sorted(blocks.items(), key=lambda kv: position.get(kv[0], 0)):
        at = position.get(key, 0)
        # The scene an item belongs to is the one shown since the previous item. Several
        # scenes in a row and then a list of items ("shop the look") do not say which item
        # is in which scene: that stays unknown (None) rather than guessed.
        between = [idx for pos, idx in scene_at if previous_at < pos < at]
        if between:
            image = between[0] if len(between) == 1 else None
        previous_at = at
        item = GarmentMention(text=_item_text(block), brand=None, image_index=image, image_url=in_block.get(key))
        alternative_label = False
        for el, href in links:
            link_text = _text(el) or None
            alternative = bool(ALTERNATIVE.search(_text_before(el, block)) or ALTERNATIVE.search(link_text or "")
                               or ALTERNATIVE.search(el.get("title") or ""))
            if not alternative and alternative_label and not EXACT.search(link_text or ""):
                alternative = True  # "Similar: <a>A</a>, <a>B</a>": the label covers the list
            alternative_label = alternative_label or alternative
            item.links.append(PostLink(url=href, text=link_text, kind="alternative" if alternative else "exact"))
        # An alternative's maker is not the garment's: only exact links can name the brand.
        item.brand = _brand(block, [(el, href) for (el, href), link in zip(links, item.links) if link.kind == "exact"])
        rec.items.append(item)

    _show_and_episode(rec, tree, ld, keep_show=bool(sel is not None and sel.show and rec.show))
    rec.is_post = bool(rec.items) and (og_type == "article" or bool(ld) or
                                       sum(1 for a in tree.iter("article") if not _is_noise(a)) <= 1)
    return rec


def _contains(ancestor, el) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


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


_LEAD_IN = re.compile(r"^.*?(?=\b[A-Z][\w-]*['’]s\s)")  # "In this scene, Leo's jacket" -> "Leo's jacket"
_TRAILING = re.compile(r"(\s+(is|are|was|were|by|from|at|in|on|via|here|is from|comes from))+\s*$", re.I)
_CALL_TO_ACTION = re.compile(r"^(buy|shop|get|see|view|find|click|this|here|link|similar|more)\b", re.I)


def _item_text(block) -> str:
    """The garment as the post describes it: its heading, else the block's words before
    its first link."""
    heading = next((h for h in block if h.tag in _HEADINGS), None)
    if heading is not None and _text(heading):
        return _text(heading).strip(" :–—-|,.")
    text = _text(block)
    first = next((a for a in block.iter("a")), None)
    if first is not None and _text(first):
        head = _text_before(first, block) or text.split(_text(first), 1)[0]
        if len(head.strip(" :–—-|")) >= 8:
            text = head
    m = ALTERNATIVE.search(text)
    if m and m.start() > 8:
        text = text[: m.start()]
    text = _LEAD_IN.sub("", text, count=1).strip(" :–—-|,.")
    return _TRAILING.sub("", text).strip(" :–—-|,.")


def _by_name(text: str) -> str | None:
    """The capitalised name after "by"/"from" ("… is by Åsa & Co Tailored Vest." -> "Åsa & Co
    Tailored Vest"); the linked product page later narrows it to the brand itself."""
    for m in _BY.finditer(text):
        words: list[str] = []
        for word in text[m.end():].split():
            bare = word.strip(".,;:!?()")
            if not bare or not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _NAME_JOINERS):
                break
            words.append(bare)
            if bare != word.rstrip(")"):  # the name ends at punctuation
                break
        while words and words[-1].lower() in _NAME_JOINERS:
            words.pop()
        if words:
            return " ".join(words[:8])
    return None


def _brand(block, links) -> str | None:
    """The brand when the post names it: "… is by <Brand>", a bold name, or the exact
    link's words when they are a name rather than a call to action."""
    named = _by_name(_text(block))
    if named:
        return named
    for tag in ("strong", "b"):
        for el in block.iter(tag):
            t = _text(el).strip(" .,;:")
            if t and len(t) <= 40 and not ALTERNATIVE.search(t):
                return t
    for el, _ in links:
        t = _text(el).strip(" .,;:")
        if t and t[0].isupper() and len(t.split()) <= 8 and not _CALL_TO_ACTION.match(t):
            return t
    return None


def _show_and_episode(rec: PostRecord, tree, ld: dict, keep_show: bool = False) -> None:
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
    title = rec.title or ""
    m = _SHOW_AFTER.search(title)
    if keep_show:
        pass  # the site's own selector named the show
    elif m:
        rec.show = m.group("show").strip(" ,:-")
    else:
        m = _SHOW_BEFORE.search(title)
        if m and not _WHO_WORE.search(m.group("show")):
            rec.show = m.group("show").strip(" ,:-")
    m = _WHO_WORE.search(title) or _WHO_LOOKS.search(title)
    if m:
        rec.characters = [c for c in re.split(r"\s*,\s*|\s+(?:and|&)\s+", m.group("who").strip()) if c]
    section = _meta(tree, "article:section") or ld.get("articleSection")
    if not rec.show and isinstance(section, str):
        rec.show = section
    if not rec.characters:
        names: dict[str, None] = {}
        for item in rec.items:
            for name in _POSSESSIVE.findall(item.text):
                names[name] = None
        rec.characters = list(names)
