"""What the post readers share: which subtrees are blog chrome, element text, and the post
body as one flat stream of text, links, line breaks and headings in document order (so
garments, labels and brands are read the same way whatever nesting a theme uses)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from street2shop.crawler.extract.text import unescape_twice_escaped

#: Chrome that may sit inside a post's own container; the post's header and footer are not
#: in this list because they carry its category and tag links.
_CHROME_WORDS = (r"nav|navbar|menu|sidebar|widget-area|widgets|aside|comments?|comment-list|respond|"
                 r"webmentions?|related|"  # an IndieWeb site's replies
                 r"relatedposts|archive|read-next|more-posts|recent-posts|post-preview|"  # other posts' lists
                 r"share|sharing|social|author|byline-avatar|avatar|ads?|advert|advertisement|sponsor|banner|"
                 r"promo|newsletter|subscribe|pagination|cookie|closet")  # a "shop my closet" widget
_CHROME = re.compile(rf"(^|[\s_-])({_CHROME_WORDS})($|[\s_-])", re.I)
#: Subtrees that are never the post body (matched on tag, id, class and role).
_NOISE = re.compile(rf"(^|[\s_-])(header|footer|breadcrumbs?|{_CHROME_WORDS})($|[\s_-])", re.I)
_CHROME_TAGS = frozenset({"nav", "aside", "form", "script", "style", "noscript", "template"})
_NOISE_TAGS = _CHROME_TAGS | {"header", "footer"}

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: "Maya's" / "Maya’s": a character's name as garments are written ("Maya's boots").
#: "It's", "That's", "She's": a contraction, no possessive.
NOT_POSSESSOR = r"(?!(?:It|That|There|Here|What|Who|Where|How|She|He|Let|This)['’]s\b)"
#: Turkish writes a name's genitive after an apostrophe too: "Seyran'ın", "Suna'nın", "Ferit'in".
# (not a dotted maker's: "J.Crew's new Lady Jacket")
POSSESSIVE = re.compile(rf"\b(?<!\w\.){NOT_POSSESSOR}([A-ZÇĞİÖŞÜ][a-zçğıöşü]+)['’](?:s|n?[ıiuü]n)\b")
#: Elements that end a line of text.
_BREAKS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dd", "dt", "td", "th", "tr", "table", "figure",
                     "figcaption", "blockquote", "section", "article", "br", "hr", "img", "h1", *HEADINGS,
                     "header", "footer", "main"})


def classes(el) -> str:
    return f"{el.tag} {el.get('id') or ''} {el.get('class') or ''} {el.get('role') or ''}"


#: Microformat classes of the post entry itself, which also lists its author, tags and
#: categories as classes ("author-jane", "tag-social") that read like chrome.
_ENTRY = frozenset({"hentry", "h-entry", "type-post"})


def _is_entry(el) -> bool:
    return not _ENTRY.isdisjoint((el.get("class") or "").split())


def is_noise(el) -> bool:
    # a heading is no page header whatever its class says (Substack's "header-anchor-post")
    pattern = _CHROME if el.tag in _HEADING_TAGS else _NOISE
    if el.tag in _NOISE_TAGS:
        # a shopping widget's fallback links for readers without scripts (LTK's, ShopStyle's) are the post's
        return not (el.tag == "noscript" and next(el.iter("a"), None) is not None)
    m = pattern.search(classes(el))
    if m is None:
        return _other_posts_block(el)
    return not _is_entry(el) and not (m.group(2).lower() == "header" and _section_header(el))


def _other_posts_block(el) -> bool:
    """A block that opens with a heading naming other posts ("You might also like", "Related posts",
    "関連記事") above their cards, whatever its classes (a Squarespace summary block)."""
    first = el
    for _ in range(2):  # the heading, or a header holding it
        first = next((c for c in first if isinstance(c.tag, str)), None)
        if first is None:
            return False
        if first.tag in _HEADING_TAGS:
            words = " ".join(first.text_content().split()).casefold()
            return len(words) <= 60 and _OTHER_POSTS.match(words) is not None
    return False


_OTHER_POSTS = re.compile(
    r"(?:you (?:may|might) also (?:like|enjoy)|related (?:posts|articles|stories|reads)|read (?:next|also)|"
    r"more (?:posts|stories|articles)|recent posts|popular posts|keep reading|also read|lies auch|weitere beiträge|"
    r"ähnliche beiträge|das könnte dich auch interessieren|à lire aussi|articles similaires|vous aimerez aussi|"
    r"te puede interesar|artículos relacionados|entradas relacionadas|potrebbe interessarti|articoli correlati|"
    r"leia também|posts relacionados|gerelateerde berichten|lees ook|relaterade inlägg|czytaj (?:też|także)|"
    r"podobne wpisy|похожие (?:записи|статьи)|читайте также|関連記事|おすすめ記事|相关文章|相關文章|推薦閱讀|"
    r"관련 글|추천 글)(?!\w)")


def _section_header(el) -> bool:
    """A block's own header: a heading and no link ("<div class='sts-header'><h3>I capi simili</h3>" over a
    strip of cards), never the page's, which links home and to its sections."""
    return next(el.iter(*HEADINGS), None) is not None and next(el.iter("a"), None) is None


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def is_chrome(el) -> bool:
    """Blog chrome other than the post's own header and footer."""
    return el.tag in _CHROME_TAGS or (bool(_CHROME.search(classes(el))) and not _is_entry(el))


def walk(el, skip):
    """Document-order walk of `el`'s descendants that does not enter what `skip` names."""
    for child in el:
        if isinstance(child.tag, str) and not skip(child):
            yield child
            yield from walk(child, skip)


def meta_values(tree, *names: str) -> list[str]:
    """The contents of the page's <meta> tags with one of these property or name values."""
    return [unescape_twice_escaped(el.get("content").strip()) for el in tree.iter("meta")
            if (el.get("property") or el.get("name") or "").lower() in names and el.get("content")]


def text(el) -> str:
    """The element's words; block children and line breaks part them ("<div>Fjell & Co</div>
    <div>Fair Isle Sweater</div>" is "Fjell & Co Fair Isle Sweater", not "Fjell & CoFair")."""
    if not any(isinstance(d.tag, str) and _apart(d) for d in el.iterdescendants()):
        return " ".join(el.text_content().split())
    parts: list[str] = []
    _words(el, parts, top=True)
    return " ".join("".join(parts).split())


def _words(el, parts: list[str], top: bool = False) -> None:
    if isinstance(el.tag, str):
        apart = _apart(el) and not top
        if apart:
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            _words(child, parts)
        if apart:
            parts.append(" ")
    if el.tail and not top:
        parts.append(el.tail)


def _apart(el) -> bool:
    """A block, a break, or one of a card's classed spans set side by side with nothing between
    (a shop widget's "<span class='badge'>Similar</span><span class='brand'>Acme</span>"), which
    its stylesheet shows as lines."""
    if el.tag in _BREAKS:
        return True
    if el.tag != "span" or not el.get("class") or (el.tail or "").strip():
        return False
    nxt, prev = el.getnext(), el.getprevious()
    return any(sib is not None and sib.tag == "span" and sib.get("class") for sib in (nxt, prev)) and not (
        prev is not None and (prev.tail or "").strip())


def is_credit(link) -> bool:
    """A credit's link ("created by <a>Rinker</a>", "Photo by <a>Jane Doe</a>", "Powered by <a>Shopify</a>"):
    the plugin, theme or photographer, never the garment's shop."""
    before = link.getprevious()
    words = (before.tail if before is not None else link.getparent().text) or ""
    return bool(_CREDITED.search(words[-40:]))


_CREDITED = re.compile(r"\b(?:(?:created|powered|built|made|designed|developed|theme|template|plugin|photos?|pictures?|"
                       r"images?|illustrations?|foto)\s+(?:by|with)|credits?)\s*:?\s*$", re.I)


#: A Latin capital letter (a regex class's body), also of central and eastern Europe's and Turkey's alphabets
#: ("Štěpánková", "Łucja", "Ștefan", "İpek"): their capitals and small letters alternate in Unicode, so each is listed.
LATIN_CAPITALS = "A-ZÀ-ÖØ-ÝĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
#: A capital letter in the alphabets names are written in here: Latin, Greek, Cyrillic (a regex class's body).
CAPITALS = LATIN_CAPITALS + "Α-ΩΆ-ΏА-ЯЁ"


def unaccented(words: str) -> str:
    """The words without their accents, as addresses write them ("Sézane" as "Sezane", "Przyjaciółki" as
    "Przyjaciolki"); other scripts stay as they are."""
    return "".join(c for c in unicodedata.normalize("NFKD", words.translate(_UNDECOMPOSED))
                   if not unicodedata.combining(c))


# letters Unicode does not decompose into a base letter and a mark
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                               "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def squash(s: str) -> str:
    return " ".join(s.split())


@dataclass(slots=True)
class Token:
    kind: str  # "text" | "link" | "break"
    text: str
    el: object  # the link; the element a break opens or closes; the element holding the text
    heading: bool  # inside an h2-h6


class Stream:
    """The non-noise content of `root` in document order. `start[id(el)]` / `end[id(el)]` are
    the token range of an element's subtree; `elements` are the elements in walk order."""

    def __init__(self, root, skip=is_noise):
        self.tokens: list[Token] = []
        self.start: dict[int, int] = {}
        self.end: dict[int, int] = {}
        self.elements: list = []
        self._skip = skip
        self.start[id(root)] = 0  # links sitting right under the root make it their block
        self._add(root, False)
        self.end[id(root)] = len(self.tokens)
        self._starts = [self.start[id(el)] for el in self.elements]  # non-decreasing: walk order

    def _add(self, el, heading: bool) -> None:
        for child in el:
            if isinstance(child.tag, str) and not self._skip(child):
                self._element(child, heading)
            if child.tail:  # text after a skipped element or a comment is still the post's
                self.tokens.append(Token("text", child.tail, el, heading))

    def _element(self, el, heading: bool) -> None:
        self.elements.append(el)
        self.start[id(el)] = len(self.tokens)
        breaks = el.tag in _BREAKS
        inner = heading or el.tag in HEADINGS
        if breaks:
            self.tokens.append(Token("break", "", el, heading))
        if el.tag == "a" and el.get("href"):
            self.tokens.append(Token("link", text(el), el, inner))
            self._inside_link(el)
        else:
            if el.text:
                self.tokens.append(Token("text", el.text, el, inner))
            self._add(el, inner)
        if breaks:
            self.tokens.append(Token("break", "", el, heading))
        self.end[id(el)] = len(self.tokens)

    def _inside_link(self, link) -> None:
        # a link is one token; what it wraps (a product picture) still counts as an element
        at = len(self.tokens)
        for el in link.iterdescendants():
            if isinstance(el.tag, str) and not self._skip(el):
                self.elements.append(el)
                self.start[id(el)] = self.end[id(el)] = at

    def elements_between(self, a: int, b: int) -> list:
        """The elements whose subtree starts in the token range [a, b)."""
        return self.elements[bisect_left(self._starts, a):bisect_left(self._starts, b)]

    def span(self, el) -> tuple[int, int]:
        return self.start[id(el)], self.end[id(el)]

    def text(self, a: int, b: int) -> str:
        """The words of tokens [a, b), link words included."""
        return squash(" ".join(t.text for t in self.tokens[a:b] if t.kind != "break"))


def lines(tokens) -> list[str]:
    """The words of the tokens, one string a line (lines end at block boundaries and <br>)."""
    out, parts = [], []
    for token in tokens:
        if token.kind == "break":
            out.append(squash(" ".join(parts)))
            parts = []
        else:
            parts.append(token.text)
    return [line for line in [*out, squash(" ".join(parts))] if line]
