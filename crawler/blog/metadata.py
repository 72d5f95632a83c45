"""Which show, season, episode and characters a post is about.

In order of trust: the title's own forms ("What Maya Wore in Northbound Season 2 Episode 5"),
schema.org TV markup, the post's taxonomy (category and tag links of the post itself,
article:section, breadcrumbs) when the post's words mention it, the body's own phrases ("in
Northbound season 2", "Maya's boots on Northbound"), then a taxonomy name the words do not
mention. Season and episode come from the title (or the document's <title> when only it names the
episode), the markup, then the description, taxonomy,
headings and body; characters from the title, else picture captions ("Maya (Jane Doe) wears
…") and the garments' possessives ("Maya's boots").
"""

from __future__ import annotations

import re
from itertools import takewhile
from urllib.parse import urljoin, urlsplit

from street2shop.crawler.blog.dom import (HEADINGS, NOT_POSSESSOR, POSSESSIVE, Stream, is_chrome, meta_values, squash,
                                         text, walk)
from street2shop.crawler.blog.tables import row_wearer
from street2shop.crawler.blog.garments import label
from street2shop.crawler.blog.maker_names import MAKERS
from street2shop.crawler.blog.vocabulary import CALENDAR, DESCRIPTORS, EPISODE_WORDS, GARMENTS, GENERIC

_SEASON_EPISODE = [
    re.compile(r"\b(?:season|series)\s*(?P<season>\d{1,2})\s*[,:|·•/–—-]?\s*"
               r"(?:episode|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bS(?P<season>\d{1,2})\s*[.:]?\s*E(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\b(?P<season>\d{1,2})x(?P<episode>\d{1,3})\b"),
    re.compile(r"\bstaffel\s*(?P<season>\d{1,2})\s*[,:-]?\s*folge\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bsaison\s*(?P<season>\d{1,2})\s*[,:-]?\s*[ée]pisode\s*(?P<episode>\d{1,3})\b", re.I),
    # es / pt / it / nl, and "T2E5"
    re.compile(r"\b(?:temporada|stagione|seizoen)\s*(?P<season>\d{1,2})\s*[,:-]?\s*"
               r"(?:cap[ií]tulo|episodio|epis[óo]dio|puntata|aflevering|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bT(?P<season>\d{1,2})\s*E(?P<episode>\d{1,3})\b"),
    # sv / da / no / pl / fi, "4ª temporada, episodio 2", "s3 ep 1"
    re.compile(r"\b(?:s[äa]song|s(?:æ|ae)son|sesong|sezon|kausi)\s*(?P<season>\d{1,2})\s*[,:-]?\s*"
               r"(?:avsnitt|afsnit|episode|episod|odcinek|odc\.|jakso)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\b(?P<season>\d{1,2})\s*[ªº°]\s*(?:temporada|stagione)\s*[,:-]?\s*"
               r"(?:cap[ií]tulo|episodio|epis[óo]dio|puntata|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bs(?P<season>\d{1,2})\s+ep?\.?\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\b(?:episode|ep\.?)\s*(?P<episode>\d{1,3})\s+of\s+season\s*(?P<season>\d{1,2})\b", re.I),
    # tr "2. Sezon 15. Bölüm"
    re.compile(r"\b(?P<season>\d{1,2})\.\s*sezon\s*[,:-]?\s*(?P<episode>\d{1,3})\.\s*bölüm", re.I),
    # ko / ja "시즌2 5화", "シーズン2 第8話"; zh "第2季第5集"
    re.compile(r"(?:시즌|シーズン)\s*(?P<season>\d{1,2})\s*(?:第\s*)?(?P<episode>\d{1,3})\s*[話话화회집]"),
    re.compile(r"第\s*(?P<season>\d{1,2})\s*季\s*第\s*(?P<episode>\d{1,3})\s*[集话話]"),
]
# WordPress sets "2x05" as "2×05" (a multiplication sign) in titles and text.
_TIMES = re.compile(r"(?<=\d)\s?[×✕]\s?(?=\d)")
# "Season One, Episode Five": the number spelled out after the word.
_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()
_SPELLED = re.compile(rf"\b(season|series|episode|ep\.?)\s+({'|'.join(_NUMBERS)})\b", re.I)
_SEASON_ONLY = re.compile(r"\b(?:season|series|staffel|saison|temporada|stagione|seizoen|s[äa]song|s(?:æ|ae)son|sesong|sezon|"
                          r"kausi)\s*(?P<season>\d{1,2})\b|\b(?P<nth>\d{1,2})\s*[ªº°]\s*(?:temporada|stagione)\b|"
                          r"(?:시즌|シーズン)\s*(?P<cjk>\d{1,2})|\b(?P<tr>\d{1,2})\.\s*sezon\b|第\s*(?P<ji>\d{1,2})\s*季", re.I)
_EPISODE_ONLY = re.compile(r"\b(?:episode|ep\.?|folge|[ée]pisode|cap[ií]tulo|episodio|epis[óo]dio|aflevering|avsnitt|"
                           r"afsnit|odcinek|jakso)\s*#?\s*(?P<episode>\d{1,3})\b|第\s*(?P<wa>\d{1,3})\s*[話话회집集]|"
                           r"(?<![\d.])(?P<hwa>\d{1,3})\s*(?:화|회)(?![가-힣])", re.I)

# Title forms of such posts: "What Maya and Leo Wore in Harbour Lane Season 1 Episode 2",
# "Harbour Lane S01E05: What Dana Wore", "Get the Look: Rosa's Outfits in The Copper Kettle …",
# "What Clara Wore in Episode 7 of Salt Flats".
_WHO_WORE = re.compile(r"\bwhat\s+(?P<who>[A-Z][^:|]*?)\s+(?:wore|wears|is wearing)\b", re.I)
# "Every Outfit Worn by Maya in ...", "Dressed Like Maya: ..."
_WORN_BY = re.compile(r"\b(?i:worn\s+by|dressed\s+like|dress\s+like)\s+"
                      r"(?P<who>[A-Z][\w-]*(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w-]*)*)")
_WHO_LOOKS = re.compile(NOT_POSSESSOR + r"(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w-]*)*)"
                        r"['’](?:s|n?[ıiuü]n)\s+"  # Turkish "Seyran'ın Kıyafetleri"
                        r"(?:[A-Z][\w-]*\s+){0,2}"  # "Ivy's Thrifted Looks", "Gwen's Courtroom Outfit"
                        r"(?i:outfits?|looks?|style|fashion|wardrobe|clothes|kıyafet\w*|kombin\w*|stili|tarzı)\b")
# The same in other languages: "Was trägt Lena?", "Les tenues de Camille", "los looks de Inés",
# "i look di Giulia".
# "and" between names in the languages posts are written in ("Wilhelm och Felice", "Maeve i Aimee",
# "Maddy vs. Cassie")
_AND = r"(?:and|&|\+|und|et|y|e|och|og|i|ve|vs\.?|versus)"  # not nl "en": es/fr "in"
_WHO_WEARS_ELSEWHERE = re.compile(
    r"(?i:\b(?:was|das) trägt\s+|\b(?:die |de )?(?:outfits?|looks?) v[oa]n\s+|"  # de "von", nl "van"
    r"\b(?:les |la |le )?(?:tenues?|looks?)(?: \w+)? (?:de\s+|d['’]\s*)|"  # "le look rock d’Andréa"
    r"\b(?:los |las |el |la )?(?:looks?|outfits?|ropa|estilismos?) de\s+|\b(?:i |gli )?(?:look|outfit) di\s+|"
    r"\b(?:os |o )?(?:looks?|visuais|visual|roupas?|estilos?) d[ao]s?\s+)"  # pt "os looks da Maeve"
    rf"(?P<who>[A-ZÀ-Ý][\w-]*(?:(?:,\s*|\s+{_AND}\s+)(?:(?:da|do|de|di|del|della)\s+)?[A-ZÀ-Ý][\w-]*)*)")
# The preposition repeated before each name of such a list ("da Maeve, da Aimee e da Ruby").
_OF = re.compile(r"(?<=[,\s])(?:da|do|de|di|del|della)\s+(?=[A-ZÀ-Ý])")
_SHOW_AFTER = re.compile(
    r"\b(?:wore|wears|outfits?|looks?|style|fashion|wardrobe|clothes|worn\s+by\s+[A-Z][\w-]*(?:\s+(?:and|&)\s+"
    r"[A-Z][\w-]*)?)\s+(?:in|on|from)\s+"
    r"(?:(?:season|series|episode|ep\.?)\s*\d{1,3}\s+(?:of|from)\s+)?(?P<show>.+?)"  # "in Episode 7 of Salt Flats"
    r"(?=\s*(?:[,:(|–—]|\s-\s|\bseason\b|\bS\d{1,2}\s*E\d|\b\d{1,2}x\d|\bepisode\b|$))", re.I)
# A title's "Suits 9.03", "gilmore girls 3.07": season, dot, a two-digit episode (read in titles only:
# a body's "3.07" may be a price).
_DOTTED_FORM = r"(?<![\d.,$€£¥])\b(\d{1,2})\.(\d{2})\b(?![.,]?\d)"
_SHOW_BEFORE = re.compile(r"^\s*(?P<show>[^:|(\[]+?)\s*[,:|–—(\[-]?\s*(?:\bS\d{1,2}\s*E\d{1,3}\b|\b(?:season|series)\s*\d|"
                          r"\b\d{1,2}x\d{1,3}\b|\b(?:episode|ep\.?)\s*\d|"
                          r"\b(?:temporada|saison|staffel|stagione|seizoen|s[äa]song|s(?:æ|ae)son|sesong|sezon|kausi)\s*\d|"
                          r"\b(?-i:T)\d{1,2}\s*E\d{1,3}\b|\b\d{1,2}\s*[ªº°]\s*(?:temporada|stagione)\b|"
                          r"\bs\d{1,2}\s+ep?\.?\s*\d|第\s*\d{1,3}\s*[話话회집集季]|(?:시즌|シーズン)\s*\d|\b\d{1,2}\.\s*sezon\b|(?<![\d.])\d{1,3}\s*화(?![가-힣])|"
                          + _DOTTED_FORM + ")", re.I)
# A title's words before an episode that end in one of these are a sentence, not a show
# ("Every look from Episode 5").
_NOT_SHOW_END = frozenset(("in", "on", "from", "of", "the", "for", "to", "at", "and", "with"))

# A show named in running text: a run of capitalised words (at most six, "Night Shift at
# St. Brigid's"), never starting at "Season"/"Episode"; bounded, so no backtracking blow-up.
_WORD = r"(?!(?:Season|Series|Episode|Ep|S\d{1,2}(?:E\d+)?)\b)[A-ZÀ-Ý][\w'’.&-]*"
_RUN = rf"{_WORD}(?:\s+(?:(?:of|the|at|and|&)\s+)?{_WORD}){{0,5}}"
_SHOW_THEN_EPISODE = re.compile(  # "in Northbound season 2", "of Saltmarsh (series 1, episode 8)"
    rf"\b(?i:in|on|of|from)\s+(?P<show>{_RUN})\s*[,:(–—-]?\s*"
    r"(?i:season|series|episode|ep\.?\s*\d|S\d{1,2}\s*E\d|\d{1,2}x\d)")
_SHOW_AFTER_WEARING = [  # "Maya's boots on Northbound", "the looks on Northbound"; only "on": "in Paris"
    re.compile(rf"\b[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){{0,4}}?on\s+(?P<show>{_RUN})"),
    re.compile(rf"\b(?i:wore|wears|wearing|worn|outfits?|looks?|wardrobe)\s+on\s+(?P<show>{_RUN})"),
]

_CATEGORY_LINK = re.compile(r"/(?:category|categories|label|labels|section|sections|series|shows?)/|[?&]category=",
                            re.I)
_TAG_LINK = re.compile(r"/(?:tag|tags|topics?)/|[?&]tag=", re.I)
_POST_CLASSES = frozenset({"post", "hentry", "type-post", "h-entry", "blog-item", "post-outer", "single-post"})
_BREADCRUMB = re.compile(r"breadcrumb", re.I)
_EPISODE_SUFFIX = re.compile(r"\s*[,:|–—-]?\s*\b(?:season|series|episode|S\d{1,2}\s*E\d+|staffel|saison|temporada|"
                             r"stagione|seizoen|s[äa]song|sæson|sesong|sezon|kausi|folge|[ée]pisode|cap[ií]tulo|episodio|"
                             r"epis[óo]dio|aflevering|avsnitt|afsnit|odcinek|jakso|bölüm)\b.*$", re.I)

_NAME = r"[A-ZÀ-Ý][\w'’-]+"
# "Maya (Jane Doe)"; a full name where the text opens with it ("Emily Cooper (Lily Collins) in a coat"), not
# the words before a name in a sentence ("W odcinku Przyjaciółek Zuza (Magdalena Stużyńska)")
_PLAYED_BY = re.compile(rf"(?P<who>(?:^{_NAME}\s+)?{_NAME})\s*\((?:played by\s+)?{_NAME}(?:\s+{_NAME}){{1,3}}\)")
_WEARS = re.compile(rf"^(?P<who>{_NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_NAME}){{0,3}})\s+(?:\([^)]{{0,60}}\)\s+)?"
                    r"(?:wears|wore|is wearing|was wearing|wearing|sports|rocks|in (?:a|an|the|her|his|their)\b)")
_BARE_NAMES = re.compile(rf"{_NAME}(?:(?:\s*,\s*|\s+{_AND}\s+){_NAME}){{0,3}}")
_AS_PERSON = (r"(?:wears|wore|is wearing|was wearing|wearing|sports|rocks|rocked|pairs|paired|layers|layered|opts|opted|"
               r"chose|chooses|spent|spends|looked|kept|keeps|arrives|arrived|arriving|steps|stepped|dresses|"
               r"dressed|"
               r"trägt|trug|porte|portait|arbore|lleva|llevaba|luce|lució|viste|vestía|indossa|indossava|sfoggia|"
               r"usa|usava|usou|veste|bär|bærer|har på|hade på|draagt|droeg|nosi|nosiła|ma na sobie|miała|"
               r"giyiyor|giydi)\b")
_PROSE = frozenset(("p", "li", "figcaption", "blockquote", "dd", "td"))
_CAPTION = re.compile(r"(?:^|[\s_-])caption(?:$|[\s_-])", re.I)
_NOT_NAMES = frozenset({"photo", "image", "picture", "credit", "courtesy", "source", "still", "via", "left",
                        "right", "above", "below", "the", "here", "this", "season", "episode", "note", "update",
                        "edit", "tip", "bonus", "also", "plus", "ps",
                        "she", "he", "they", "it", "everyone", "everybody", "nobody", "someone", "we", "i", "you"})


def read_metadata(rec, tree, url: str, ld: list[dict], root, stream: Stream, *, keep_show: bool,
                  brands: list[str]) -> None:
    """Fill `rec.show`, `rec.season`, `rec.episode` and `rec.characters`; `ld` are the
    page's JSON-LD nodes, `stream` the body under `root`."""
    title = _TIMES.sub("x", rec.title or "")
    article = article_node(ld)
    tv_show, tv_season, tv_episode = _tv_markup(ld, article)
    categories, tags = _taxonomy(tree, root, url, ld, article)
    headings = [text(el) for el in stream.elements if el.tag in HEADINGS]
    body = _TIMES.sub("x", stream.text(0, len(stream.tokens)))
    slug = re.sub(r"[-_/.]+", " ", urlsplit(url).path)  # "/suits-s03e10-donna-paulsen-outfit/"
    later = [*meta_values(tree, "og:description", "description")[:1], *categories, *tags, *headings, slug, body]
    # The document's <title>, an SEO plugin's, often names the episode the headline leaves out
    # ("Bridgerton Season 3 Episode 2: Penelope's Gowns" above "Penelope's Most Swoon-Worthy Gowns").
    seo = _TIMES.sub("x", squash(next((el.text_content() for el in tree.iter("title")), "")))
    seo = seo if not EPISODE_WORDS.search(title) and EPISODE_WORDS.search(seo) else ""
    # a post names its episode near its start: a book-length body is not read to its end (a dozen patterns)
    rec.season, rec.episode = _episode([title, seo], (tv_season, tv_episode), [*later[:-1], body[:_EPISODE_READ]])
    sections = {text(el).strip(" :").casefold() for el in stream.elements if el.tag in (*HEADINGS, "b", "strong")}
    # the title's characters first, then the others the post's captions, headings and garments name
    genitive = _page_language(tree) in _BARE_GENITIVE
    named = _title_characters(title, body, genitive) or _title_names(title, body, sections, genitive)
    rec.characters = _without_lead_words(_same_people(named + _other_characters(stream, rec.items, genitive)))
    if not keep_show:  # else the site's own selector named the show
        exclude = {n.casefold() for n in [*rec.characters, *brands, *meta_values(tree, "og:site_name")]}
        shown = _title_show(title) or (_title_show(seo) if seo else None)
        worn = None
        if shown and shown.casefold() in {c.casefold() for c in rec.characters}:
            # "Elena - 2x10": the title's name before the episode is the wearer's, unless nothing else
            # names a show ("Fleabag, Series Two, Episode One": the show is named for her)
            shown, worn = None, shown
        rec.show = (_without_wearer(shown, rec.characters, body) if shown else None) or tv_show \
            or _slug_show(url, [title, seo, *categories, *tags, *headings, body[:_EPISODE_READ]], exclude) \
            or _named_show(f"{title} {body}", categories, tags, exclude) or worn
        if rec.show and _ACRONYM.fullmatch(rec.show):  # "TSITP 2x03": the post spells it out somewhere
            rec.show = _spelled_out(rec.show, later) or rec.show


_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: Languages that write a name's genitive with a bare "s" ("Charlottes Kleid", "Saras kappa"): on their
#: pages, and only there, "<Name>s <word>" says whose the thing is.
_BARE_GENITIVE = frozenset(("de", "sv", "da", "no", "nb", "nn", "is"))


def _page_language(tree) -> str:
    """The primary language subtag the page declares on <html> ("pt-BR" -> "pt"), "" when none."""
    html = tree.getroottree().getroot()
    lang = html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.strip().split("-")[0].split("_")[0].casefold()


def _spelled_out(acronym: str, texts: list[str]) -> str | None:
    """The words whose initials are `acronym`, its first and last capitalised ("The Summer I Turned
    Pretty" for "TSITP", "Sex and the City" for "SATC"), the first the texts hold."""
    inner = (rf"[{c}{c.lower()}][\w'’]*" for c in acronym[1:-1])
    words = re.compile(r"\b" + r"\s+".join((rf"{acronym[0]}[\w'’]*", *inner, rf"{acronym[-1]}[\w'’]*")) + r"\b")
    return next((m.group() for t in texts if (m := words.search(t))), None)


def _slug_show(url: str, texts: list[str], exclude: set[str]) -> str | None:
    """The show the post's address names before its episode ("/selling-sunset-s7-e3-chrishell/"),
    as the post's words write it ("Selling Sunset"); none where they do not."""
    slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    m = _SHOW_BEFORE.search(_digits(re.sub(r"[-_.+]+", " ", slug)))
    if m is None:
        return None
    words = m.group("show").split()
    if not words or words[-1] in _NOT_SHOW_END or _WHO_WORE.search(m.group("show")):
        return None
    written = re.compile(r"(?<!\w)" + r"[\s\-–:]+".join(map(re.escape, words)) + r"(?!\w)", re.I)
    for t in texts:
        found = written.search(t) if t else None
        if found and found.group()[0].isupper() and _usable(found.group(), exclude):
            return found.group()
    if len(words) == 1 and _ACRONYM.fullmatch(words[0].upper()):  # "/ajlt-ep5-…/": the words it stands for
        spelled = _spelled_out(words[0].upper(), texts)
        if spelled:
            return spelled
    # written nowhere with capitals (a Tumblr's lower-case post): the address's words, capitalised
    if len(words) > 4 or any(w.isdigit() or w in GENERIC or w in DESCRIPTORS or w in _NOT_SHOW_START for w in words):
        return None
    show = " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))
    return show if _usable(show, exclude) else None


_SMALL_WORDS = frozenset(("of", "the", "and", "in", "on", "at", "a", "an", "to", "for", "de", "la", "le", "el", "y"))


def _named_show(words: str, categories: list[str], tags: list[str], exclude: set[str]) -> str | None:
    """A taxonomy name the post's words mention, else a show the body names, else the first
    category-like name."""
    categories = [c for c in map(_clean_show, categories) if _usable(c, exclude)]
    tags = [t for t in map(_clean_show, tags) if _usable(t, exclude)]
    return (next((c for c in categories + tags if _mentioned(c, words)), None)
            or _body_show(words, exclude)
            or next(iter(categories), None))


# --- season and episode ---------------------------------------------------------------------------


_EPISODE_READ = 20_000  # characters of the body


def _episode(titles: list[str], markup: tuple, later: list[str]) -> tuple[int | None, int | None]:
    season, episode = _numbers(titles, markup, later)
    if episode is None and any(_PREMIERE.search(t) for t in titles):
        episode = 1  # "The Morning Show Season 3 Premiere Fashion": a season's premiere is its first episode
        if season is None and any(_SERIES_PREMIERE.search(t) for t in titles):
            season = 1
    return season, episode


def _numbers(titles: list[str], markup: tuple, later: list[str]) -> tuple[int | None, int | None]:
    whole = _season_episode(titles) or next(((int(m.group(1)), int(m.group(2)))
                                             for t in titles if (m := _DOTTED.search(t))), None)
    if whole:
        return whole
    if markup[0] is not None or markup[1] is not None:
        return markup
    titled = _first_number(_SEASON_ONLY, titles), _first_number(_EPISODE_ONLY, titles)
    whole = _season_episode(later)
    if whole and all(t in (None, w) for t, w in zip(titled, whole)):
        return whole
    if whole:
        return titled  # the body's whole form names another episode than the title's "第5話"
    texts = [*titles, *later]
    return _first_number(_SEASON_ONLY, texts), _first_number(_EPISODE_ONLY, texts)


_DOTTED = re.compile(_DOTTED_FORM)
# A season's or a series' first episode named so in a title, in the languages posts are written in.
_PREMIERE = re.compile(r"\b(?:premiere|première|premiär|premiere-folge|staffelauftakt|estreno|estreia|pilot|pilote|"
                       r"piloto|pilota)\b", re.I)
_SERIES_PREMIERE = re.compile(r"\b(?:series premiere|pilot|pilote|piloto|pilota)\b", re.I)


def _digits(text: str) -> str:
    text = _SPELLED.sub(lambda m: f"{m.group(1)} {_NUMBERS.index(m.group(2).lower()) + 1}", text)
    return _ORDINAL.sub(lambda m: f"{m.group(2)} {_ORDINALS.index(m.group(1).lower()) + 1}", text)


# "the third episode of season 5", "the fifth episode of the second season"
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINAL = re.compile(rf"\b({'|'.join(_ORDINALS)})\s+(season|series|episode)\b", re.I)


def _season_episode(texts: list[str]) -> tuple[int, int] | None:
    texts = [_digits(t) for t in texts]
    for pattern in _SEASON_EPISODE:  # a whole form anywhere beats a partial one
        for t in texts:
            m = pattern.search(t)
            if m:
                return int(m.group("season")), int(m.group("episode"))
    return None


def _first_number(pattern: re.Pattern, texts: list[str]) -> int | None:
    """The number of the pattern's first match (its one matched group: "Season 2", "4ª temporada", "第5話")."""
    for t in texts:
        m = pattern.search(_digits(t))
        if m:
            return int(next(g for g in m.groups() if g))
    return None


# --- schema.org TV markup -------------------------------------------------------------------------


def article_node(ld: list[dict]) -> dict:
    return next((n for n in ld if _types(n) & {"BlogPosting", "Article", "NewsArticle"}), {})


def _types(node) -> set:
    t = node.get("@type") if isinstance(node, dict) else None
    return set(t) if isinstance(t, list) else {t}


def _tv_markup(ld: list[dict], article: dict) -> tuple:
    """(series name, season number, episode number) from TVEpisode / TVSeason / TVSeries nodes,
    top level or the article's `about` / `mentions`."""
    nodes = list(ld)
    for key in ("about", "mentions"):
        value = article.get(key)
        nodes += value if isinstance(value, list) else [value]
    show = season = episode = None
    for node in nodes:
        types = _types(node)
        if types & {"TVEpisode", "Episode"}:
            episode = episode or _int(node.get("episodeNumber"))
            node_season = node.get("partOfSeason")
            season = season or _int(node_season.get("seasonNumber") if isinstance(node_season, dict) else None)
        if types & {"TVSeason", "CreativeWorkSeason"}:
            season = season or _int(node.get("seasonNumber"))
        series = node.get("partOfSeries") if isinstance(node, dict) else None
        if isinstance(series, dict) and isinstance(series.get("name"), str):
            show = show or series["name"].strip()
        if types & {"TVSeries"} and isinstance(node.get("name"), str):
            show = show or node["name"].strip()
    return show, season, episode


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- taxonomy ---------------------------------------------------------------------------------------


def _taxonomy(tree, root, url: str, ld: list[dict], article: dict) -> tuple[list[str], list[str]]:
    """(category-like names, tag names) the post is filed under, most specific first."""
    categories, tags = _taxonomy_links(tree, root, url)
    categories += meta_values(tree, "article:section") + _strings(article.get("articleSection"))
    categories += _breadcrumb(tree) or _ld_breadcrumb(ld)
    keywords = article.get("keywords")
    tags += meta_values(tree, "article:tag") + _strings(keywords.split(",") if isinstance(keywords, str) else keywords)
    return [squash(c) for c in categories if c], [squash(t) for t in tags if t]


def _taxonomy_links(tree, root, url: str) -> tuple[list[str], list[str]]:
    """Category and tag links of the post itself (its header and footer included), not of
    the menus, sidebars or related posts around it."""
    categories: list[str] = []
    tags: list[str] = []
    host = urlsplit(url).hostname
    for a in walk(_post_scope(root, tree), is_chrome):
        href = a.get("href") if a.tag == "a" else None
        if not href or urlsplit(urljoin(url, href)).hostname != host:
            continue
        rel = (a.get("rel") or "").lower().split()
        if "category" in rel or _CATEGORY_LINK.search(href):
            categories.append(text(a))
        elif "tag" in rel or _TAG_LINK.search(href):
            tags.append(text(a))
    return categories, tags


def _post_scope(root, tree):
    """The post's own container: the body's nearest article or post element, else the page."""
    node = root
    while node is not None:
        if node.tag == "article" or _POST_CLASSES & set((node.get("class") or "").split()):
            return node
        node = node.getparent()
    return tree


def _breadcrumb(tree) -> list[str]:
    """The trail's linked names from the most specific up ("Home" falls out later as generic;
    the page itself is not linked)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "main", "article"):
            continue  # a page-level class such as "has-breadcrumbs" is not the trail
        marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('aria-label') or ''} {el.get('itemtype') or ''}"
        if _BREADCRUMB.search(marks):
            return [text(a) for a in el.iter("a")][::-1]
    return []


def _ld_breadcrumb(ld: list[dict]) -> list[str]:
    """A BreadcrumbList's names from the most specific up, the last (the post itself) left out."""
    trail = next((n for n in ld if _types(n) & {"BreadcrumbList"}), {})
    items = trail.get("itemListElement")
    items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _int(i.get("position")) or 0) \
        if isinstance(items, list) else []
    return [n for n in map(_crumb_name, items) if n][-2::-1]


def _crumb_name(item: dict) -> str | None:
    name = item.get("name")
    if not isinstance(name, str) and isinstance(item.get("item"), dict):
        name = item["item"].get("name")
    return name if isinstance(name, str) else None


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# --- show -------------------------------------------------------------------------------------------


def _title_show(title: str) -> str | None:
    show = _title_show_part(title)
    show = _WHICH_EPISODE.sub("", show) if show else show
    # a sentence's words ("What Blair Wore in the Season 3 Finale", "os looks de Kate … da 2ª temporada"):
    # a show's name opens with a capital where the title writes names so
    if show and (show.casefold() in _NOT_SHOW_END or (show[:1].islower() and _CAPITAL_WORD.search(title))):
        return None
    return show


_CAPITAL_WORD = re.compile(r"(?:^|\s)[A-ZÀ-Ý]")


def _title_show_part(title: str) -> str | None:
    m = _SHOW_AFTER.search(title)
    # a quoted name the looks are from, after a show named before its episode, is the episode's
    # title ("Emily in Paris Season 3, Episode 1 Outfits: Every Look from “Coming or Going”")
    episode_title = m is not None and m.group("show").lstrip()[:1] in _QUOTES and _SHOW_BEFORE.search(
        _digits(title), 0, m.start()) is not None
    if m and not EPISODE_WORDS.match(m.group("show")) and not episode_title:  # "Every Look From Episode 5": no show
        return _unquoted(m.group("show"))
    # the whole title, then each of its parts ("Maya's Wardrobe: Northbound S2 E5")
    parts = [title] + [p for p in _TITLE_PARTS.split(title) if p != title]
    for part in parts:
        m = _SHOW_BEFORE.search(_digits(part))
        if m and not _WHO_WORE.search(m.group("show")) and m.group("show").split()[-1].lower() not in _NOT_SHOW_END:
            show = m.group("show")
            worn = _WORN_IN.search(show)  # "Maya's Coat in Northbound Episode 4"
            whose = worn and (POSSESSIVE.search(show, 0, worn.start()) or _GENITIVE_LOOK.match(show, 0, worn.start()))
            return _unquoted(worn.group("show") if whose else show)
    for part in parts[1:] or parts:  # "Northbound Fashion: What Maya Wore"
        m = _SHOW_FASHION.match(part)
        if m and not POSSESSIVE.search(m.group("show")) and _usable(m.group("show"), set()) \
                and m.group("show").split()[0].casefold() not in _NOT_SHOW_START:
            return _unquoted(m.group("show"))
    return None


_TITLE_PARTS = re.compile(r"\s*[:|]\s*|\s+[–—-]\s+")
_QUOTES = frozenset("\"'“”‘’«»„「」『』")
_SHOW_FASHION = re.compile(r"^\s*(?P<show>[^:|()]+?)\s+(?:fashion|style|outfits?|looks?|wardrobe|clothes|costumes?)\s*$",
                           re.I)
_NOT_SHOW_START = frozenset(("best", "top", "new", "spring", "summer", "autumn", "fall", "winter", "holiday", "street",
                             "weekly", "daily", "our", "my", "your", "every", "all", "what", "how", "why", "shop",
                             "get", "the", "celebrity", "red", "party", "wedding", "work", "office", "travel"))


def _without_wearer(show: str, characters: list[str], body: str) -> str | None:
    """The show without the wearer the title puts before it ("Olivia Pope - Scandal", "Keeley
    Jones, Ted Lasso", "Los looks de Lu en Élite")."""
    elsewhere = _WHO_WEARS_ELSEWHERE.match(show)
    if elsewhere:
        rest = _IN_SHOW.match(show[elsewhere.end():])
        return rest.group(1) if rest else show
    m = _WEARER_FIRST.match(show)
    if m and (m.group("who") in characters or all(_written_as_person(n, body) for n in _each_name(m.group("who")))):
        return m.group("show")
    return show


_IN_SHOW = re.compile(r"\s+(?:in|en|dans|em|bei|im|on)\s+(\S.*)$", re.I)
_WEARER_FIRST = re.compile(rf"(?P<who>{_NAME}(?:\s+{_NAME})?)\s*(?:,|\s[–—-])\s+(?P<show>\S.*)$")
_WORN_IN = re.compile(r"\s(?:in|on|from|i|im|w|em)\s+(?P<show>\S.*)$", re.I)  # "Lisas outfit i Bonusfamiljen"


def _unquoted(show: str) -> str:
    """'Northbound' -> Northbound: titles often quote the show."""
    show = show.strip(" ,:-")
    if len(show) > 2 and show[0] in _QUOTES and show[-1] in _QUOTES:
        show = show[1:-1].strip()
    return show



def _clean_show(name: str) -> str:
    name = _EPISODE_SUFFIX.sub("", name).strip(" .,;:!?'’()|–—-")
    return re.sub(r"['’]s$", "", name)


# "Yellowstone's Latest (Episode)": the show's, then which of its episodes
_WHICH_EPISODE = re.compile(r"['’]s\s+(?:latest|newest|new|final|last|first|big|midseason|mid-season)$", re.I)


def _usable(name: str, exclude: set[str]) -> bool:
    """A name that can be a show: written as a proper name, not only generic or garment words
    ("TV Fashion", "coats", "Leather Boots"), not a character, brand or the blog itself."""
    words = set(re.findall(r"[^\W\d_]+", name.casefold()))
    return bool(words) and len(name) <= 60 and any(c.isupper() for c in name) \
        and not words <= GENERIC | DESCRIPTORS and name.casefold() not in exclude


def _mentioned(name: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words, re.I) is not None


def _body_show(body: str, exclude: set[str]) -> str | None:
    """A show the body names: one placed before a season or episode first, else the name
    most often found after "<Name>'s <garment> on" / "wore … in"."""
    exclude = exclude | CALENDAR
    for m in _SHOW_THEN_EPISODE.finditer(body):
        name = _clean_show(m.group("show"))
        if _usable(name, exclude):
            return name
    counts: dict[str, int] = {}
    for pattern in _SHOW_AFTER_WEARING:
        for m in pattern.finditer(body):
            name = _clean_show(m.group("show"))
            if _usable(name, exclude):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


# --- characters -------------------------------------------------------------------------------------


_each_name = re.compile(rf"\s*,\s*|\s+{_AND}\s+").split  # "Maya, Leo and Dana", "Lidia y Carlota"


def _title_characters(title: str, body: str, genitive: bool) -> list[str]:
    m = (_WHO_WORE.search(title) or _WHO_LOOKS.search(title) or _WORN_BY.search(title)
         or _WHO_WEARS_ELSEWHERE.search(title))
    if m:
        return [_given_and_family(c) for c in _each_name(_OF.sub("", m.group("who").strip())) if c]
    if genitive:  # "Wilhelms, Felices och Saras kläder", "Lisas outfit i Bonusfamiljen"
        names = _genitive_looks(title, body)
        if names:
            return names
    m = _CJK_WHO.search(title)
    if m:
        return [n for n in _CJK_AND.split(m.group("who")) if n]
    # a character's garment named in the title ("Northbound S2E5: Maya's Leather Coat", "Shiv Roy's Coat")
    return _whose_garments(title)


# Right after the episode, whose clothes ("第5話 みくりの衣装", "第8話 エミリー&ミンディのファッション",
# "5화 블레어 패션", "第6集 艾蜜莉的穿搭").
_CJK_NAME = r"[^\s\d「」『』、,:：&＆の의的()（）]{1,8}"
_CJK_WHO = re.compile(rf"(?:第\s*\d{{1,3}}\s*[話话集]|\d{{1,3}}\s*[화회])\s*(?P<who>{_CJK_NAME}(?:\s*[&＆、と]\s*{_CJK_NAME})*)"
                      r"\s*(?:の|의|的)?\s*(?:衣装|コーデ|ファッション|服|私服|패션|코디|옷|스타일|穿搭|造型|服装|服裝)")
_CJK_AND = re.compile(r"\s*[&＆、と]\s*")


def _genitive_looks(words: str, body: str) -> list[str]:
    """The names of "<Name>s looks" (a list of them too), each of which the body writes again, alone or
    in the genitive: "Lisas outfit" over "Lisas kavaj är från Filippa K"."""
    m = _GENITIVES_LOOK.search(words)
    if not m:
        return []
    names = [n[:-1] for n in _each_name(m.group("who")) if n]
    again = body.replace(words, " ")  # the body may open with the title itself
    ok = all(len(n) > 2 and not _no_name(n) and not _plain_word(n + "s") and re.search(rf"\b{n}s?\b", again)
             for n in names)
    return names if ok else []


_GENITIVES_LOOK = re.compile(rf"(?P<who>[A-ZÄÖÅÆØ][a-zäöåæøüé]+s(?:(?:\s*,\s*|\s+{_AND}\s+)[A-ZÄÖÅÆØ][a-zäöåæøüé]+s)*)"
                             r"\s+(?i:looks?|outfits?|stil|style|kläder|klær|tøj|kleider|kleidung|garderob\w*)\b")


def _whose_garments(words: str) -> list[str]:
    """Whose garment the words name: "Maya's Leather Coat", "Look 1: Carrie’s floral maxi dress"."""
    return [_given_and_family(m.group("who")) for m in _WHOSE_GARMENT.finditer(words)
            if GARMENTS & set(m.group("what").casefold().split())]


_WHOSE_GARMENT = re.compile(rf"(?P<who>(?:[A-Z][a-z]+\s+)?{NOT_POSSESSOR}[A-Z][a-z]+)['’]s\s+"
                            r"(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)")


def _given_and_family(who: str) -> str:
    """"Shiv Roy" stays whole; "Fashion Maya" or "The Maya" is the name alone."""
    first, _, rest = who.partition(" ")
    return rest if rest and _no_name(first) else who


def _no_name(word: str) -> bool:
    """A word of the trade, a pronoun or caption word, or a day or month: not a first name."""
    return _plain_word(word) or word.casefold() in _NOT_NAMES or word.casefold() in CALENDAR


def _title_names(title: str, body: str, sections: set[str], genitive: bool) -> list[str]:
    """A part of the title that is only names ("Gossip Girl 2x01: Blair and Serena in the
    Hamptons", "Get the Look: Rory", "Beth Dutton Outfits: …"), one of which the body writes as
    a person ("Blair's", "Serena wore") and all of which it names, or each of which heads a section
    of the post ("PLL 3x04: Aria & Hanna" over "<b>ARIA</b>" and "<b>HANNA</b>"); "Paris and
    London" are not."""
    for part in _TITLE_PARTS.split(title):
        if EPISODE_WORDS.search(part):
            continue  # the show's part ("Emily in Paris Season 3"), whatever names it holds
        part = _PART_TAIL.sub("", part.strip())
        if not _FULL_NAMES.fullmatch(part):
            # names after the words of a language that says "looks of" first ("stylizacje Maeve i
            # Aimee"): only where each heads a section of the post
            tail = _NAMES_AT_END.search(part)
            names = [n for n in _each_name(tail.group("who")) if n] if tail else []
            if names and all(n.casefold() in sections for n in names):
                return names
            continue
        names = [n for n in _each_name(part) if n]
        # one of them written as a person ("Blair's headbands"), the others at least named in the body
        if names and (any(_written_as_person(n, body, genitive) for n in names)
                      and all(re.search(rf"\b{re.escape(n.split()[0])}\b", body) for n in names)
                      or all(n.casefold() in sections for n in names)):
            return names
    return []


def _written_as_person(name: str, body: str, genitive: bool = False) -> bool:
    """The body gives the name a possessive ("Blair's", where the language has it "Wilhelms tröja") or a
    verb of wearing ("Serena wore", "Felice bär")."""
    given = name.split()[0]
    if _no_name(given):
        return False
    owns = r"['’]s\b|s\s+[^\W\d_]" if genitive else r"['’]s\b"
    if re.search(rf"\b{re.escape(given)}(?:\s+{_NAME})?(?:{owns}|\s+{_AS_PERSON})", body):
        return True
    # a garment "of" the name in a language that says so: "la robe noire de Sylvie", "la giacca di Rosa"
    return any(GARMENTS & set(m.group(1).casefold().split())
               for m in re.finditer(rf"((?:[^\W\d_]+\s+){{1,3}})(?:de|di|da|do|del|della)\s+{re.escape(given)}\b", body))


_PART_TAIL = re.compile(r"(?:\s+(?:in|at|on|from|for)\s+.*|\s+(?i:outfits?|looks?|style|fashion|wardrobe))$")
_NAMES_AT_END = re.compile(rf"(?<=[^\W\d_A-ZÀ-Ý] )(?P<who>{_NAME}(?:(?:\s*,\s*|\s+{_AND}\s+){_NAME}){{0,3}})$")
_FULL_NAMES = re.compile(rf"{_NAME}(?:\s+{_NAME})?(?:(?:\s*,\s*|\s+{_AND}\s+){_NAME}(?:\s+{_NAME})?){{0,3}}")


def _other_characters(stream: Stream, items, genitive: bool) -> list[str]:
    """Names the captions give ("Maya (Jane Doe) wears …", "Tess wears …"), then those the
    garments' own words give ("Maya's boots"), in post order."""
    names: dict[str, None] = {}
    lowercase = _written_in_lowercase(stream)
    body = None
    for el in stream.elements:
        if el.tag == "figcaption" or _CAPTION.search(el.get("class") or ""):
            for name in _caption_names(text(el)) or _pictured(text(el)):
                names[name] = None
        elif el.tag == "img" and el.get("alt"):  # a scene's alt text: "Veronica Lodge in a black coat"
            for name in _caption_names(el.get("alt")) or _pictured(el.get("alt")):
                names[name] = None
        elif el.tag in HEADINGS:
            body = body if body is not None else " ".join(text(p) for p in stream.elements if p.tag in _PROSE)
            for name in _heading_names(text(el), body, genitive) or _whose_garments(text(el)):
                names[name] = None
        elif el.tag in ("b", "strong"):  # a bold lead line: "Look da Maeve:", "Maya's look"
            for name in _look_names(text(el).strip(" :–—-|")):
                names[name] = None
        elif el.tag == "tr":
            wearer = row_wearer(el)  # a "Character" column
            if wearer:
                names[wearer] = None
        elif el.tag in ("li", "p"):
            for name in _bold_wearer(el, lowercase) or _worn_by(text(el)) or _lowercase_owner(el, lowercase):
                names[name] = None
    for name in _cast_lines(stream) + _sibling_sections(stream, set(names), items, lowercase):
        names[name] = None
    makers = {i.brand.casefold() for i in items if i.brand}
    for item in items:
        owners = POSSESSIVE.findall(item.text) + (_bare_genitives(item.text) if genitive else [])
        for name in owners:
            if not any(m.startswith(name.casefold()) for m in makers):  # "vintage Levi’s" is the maker's
                names[name] = None
    # then those the prose says wear something ("Gwen wears a charcoal suit. Meanwhile Hector wears ...")
    for el in stream.elements:
        if el.tag in _PROSE:
            for sentence in _SENTENCE.split(text(el)):
                for name in _caption_names(_LEAD_IN.sub("", sentence)):
                    if not _plain_word(name):
                        names[name] = None  # not "Shoes wore out fast"
    return list(names)


def _bare_genitives(words: str) -> list[str]:
    """"Katjas klänning", "Helgas Mantel", "Charlottes Paillettenkleid": a name in the genitive before a
    garment (a compound ending in one), on a page whose language writes it so; not a maker ("Levis
    jeans", "Vans sneakers") nor a garment in the plural ("Jeans Jacke")."""
    out = []
    for who, what in _BARE_GENITIVE_WORD.findall(words):
        what = what.casefold()
        if not (what in GARMENTS or any(what.endswith(g) for g in _COMPOUND_ENDS)):
            continue
        if _no_name(who) or _plain_word(who + "s") or (who + "s").casefold() in _MAKERS \
                or who.casefold() in _MAKERS:
            continue
        if who not in out:
            out.append(who)
    return out


_BARE_GENITIVE_WORD = re.compile(r"\b([A-ZÄÖÅÆØ][a-zäöåæøüé]{2,})s\s+([^\W\d_]+)")
_COMPOUND_ENDS = tuple(g for g in GARMENTS if len(g) >= 4)  # "Paillettenkleid", "Wollmantel"
_MAKERS = frozenset(re.sub(r"['’]", "", m.casefold()) for m in MAKERS)  # "Levi's" as "levis"


def _sibling_sections(stream: Stream, known: set[str], items, lowercase: bool) -> list[str]:
    """Bare names heading garment sections beside a heading already read as a character's, at the same
    level ("Georgia" over "Georgia’s blazer", then "Ginny" and "Maxine" over their links)."""
    headings = [el for el in stream.elements if el.tag in HEADINGS]
    ends = [stream.start[id(el)] for el in headings[1:]] + [len(stream.tokens)]
    garment_words = [i.text for i in items if i.text]
    sections = []
    for el, end in zip(headings, ends):
        words = text(el).strip(" :–—-|#")  # a theme's anchor link: "taylor #"
        words = words.capitalize() if lowercase and " " not in words else words  # "taylor"
        if not _BARE_NAMES.fullmatch(words):
            continue
        names = _each_name(words)
        if any(_no_name(n) or _plain_word(n) for n in names):
            continue
        start = stream.end[id(el)]
        said = stream.text(start, end)
        garments = any(t.kind == "link" for t in stream.tokens[start:end]) and (
            GARMENTS & set(re.findall(r"[^\W\d_]+", said.casefold())) or any(g in said for g in garment_words))
        sections.append((el.tag, names, bool(garments)))
    levels = {tag for tag, names, _ in sections if all(n in known for n in names)}
    return [n for tag, names, garments in sections if tag in levels and garments for n in names if n not in known]


def _cast_lines(stream: Stream) -> list[str]:
    """The names of lines "<Name>: <garment> … <link>" ("Natalia: marynarka Reserved – ta sama"), where
    the post has such lines for two people, or heads a section with the one name or writes it as a
    person elsewhere ("Carrie's"); not
    "Coat:", a label or a maker ("Zara: linen shirt")."""
    lines = []
    for el in stream.elements:
        if el.tag not in ("li", "p") or el.find(".//a[@href]") is None:
            continue
        m = _CAST_LINE.match(text(el))
        if not m or not GARMENTS & set(re.findall(r"[^\W\d_]+", m.group("rest").casefold())):
            continue
        who = m.group("who")
        first = who.split()[0]
        if _no_name(first) or first.casefold() in _MAKERS or who.casefold() in _MAKERS or label(who):
            continue
        lines.append((who, m.group(0)))
    names = list(dict.fromkeys(who for who, _ in lines))
    if len(names) >= 2:
        return names
    everything = stream.text(0, len(stream.tokens))
    headings = {text(el).strip(" :–—-|").casefold() for el in stream.elements if el.tag in HEADINGS}
    return [who for who, line in lines[:1]
            if who.casefold() in headings or _written_as_person(who, everything.replace(line, " "))]


_CAST_LINE = re.compile(rf"^\s*(?P<who>{_NAME}(?:\s+{_NAME})?)\s*[:：]\s+(?P<rest>\S.*)$", re.S)


def _look_names(words: str) -> list[str]:
    """The names of a whole line that says whose look follows: "Maya's Look", "Look da Maeve"."""
    m = _WHO_LOOKS.fullmatch(words) or _WHO_WEARS_ELSEWHERE.fullmatch(words)
    if not m:
        return []
    return [n for n in _each_name(_OF.sub("", m.group("who"))) if n and n.casefold() not in _NOT_NAMES]


def _written_in_lowercase(stream: Stream) -> bool:
    """A post written in lower case, as many Tumblr posts are ("<b>rory:</b> grey cable knit"): most of
    its lines open in lower case, and its names are lower case too."""
    firsts = [m.group() for el in stream.elements if el.tag in ("p", "li") for m in [_FIRST_LETTER.search(text(el))] if m]
    return len(firsts) >= 3 and sum(f.islower() for f in firsts) >= 0.6 * len(firsts)


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _lowercase_owner(line, lowercase: bool) -> list[str]:
    """In a lower-case post, the names lines with a link open with in the possessive before a garment
    ("nick’s rugby jacket: <a>canterbury</a>"), lines parted by breaks each."""
    if not lowercase:
        return []
    names: list[str] = []
    for words, linked in _broken_lines(line):
        m = _LOWER_OWNER.match(words)
        if linked and m and GARMENTS & set(m.group("what").casefold().split()) and m.group("who") not in _MAKERS \
                and not _no_name(m.group("who")) and m.group("who").capitalize() not in names:
            names.append(m.group("who").capitalize())
    return names


def _broken_lines(el) -> list[tuple[str, bool]]:
    """The element's lines as its <br>s part them: (words, whether the line holds a link)."""
    out: list[tuple[list[str], bool]] = [([el.text or ""], False)]
    for child in el:
        if child.tag == "br":
            out.append(([child.tail or ""], False))
            continue
        words, linked = out[-1]
        words += [child.text_content(), child.tail or ""]
        out[-1] = (words, linked or child.tag == "a" or child.find(".//a") is not None)
    return [(" ".join(" ".join(w).split()), linked) for w, linked in out]


_LOWER_OWNER = re.compile(r"^(?P<who>[a-zà-ý][a-zà-ý-]+)['’]s\s+(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)")


def _bold_wearer(line, lowercase: bool = False) -> list[str]:
    """The names lines open with in bold, then their garment or a link named for its maker
    ("<li><strong>Lola</strong>: vestido rojo – <a>Mango</a></li>", or Blogger's lines parted by
    breaks: "<b>Carrie:</b> the tulle skirt … <a>…</a><br><b>Charlotte:</b> …")."""
    names: list[str] = []
    children = list(line)
    opens = not (line.text or "").strip()
    for i, child in enumerate(children):
        if opens and child.tag in ("b", "strong"):
            rest = list(takewhile(lambda e: e.tag != "br", children[i + 1:]))
            name = _line_wearer(child, rest, lowercase)
            if name and name not in names:
                names.append(name)
        opens = child.tag == "br" and not (child.tail or "").strip()
    return names


def _line_wearer(bold, rest: list, lowercase: bool = False) -> str | None:
    """The bold name that opens a line, with a colon or dash after it, when the line's words name a
    garment or its links a maker (in a lower-case post, a lower-case name of one word, capitalised)."""
    own = text(bold).strip()
    if not (own.endswith(":") or (bold.tail or "").lstrip().startswith((":", "–", "—", "-"))):
        return None
    name = own.strip(" :")
    if lowercase and re.fullmatch(r"[a-zà-ý][\w'’-]+", name) and name not in _MAKERS:
        name = name.capitalize()
    if not re.fullmatch(rf"{_NAME}(?:\s+{_NAME})?", name) or _no_name(name.split()[0]) \
            or name.casefold() in GARMENTS or name.casefold() in DESCRIPTORS or label(name):
        return None  # not "Coat:", nor "Splurge:" / "Exact:" before a link
    links = [text(a) for e in rest for a in e.iter("a")]
    said = set(re.findall(r"[^\W\d_]+", " ".join([bold.tail or "", *(e.tail or "" for e in rest), *links]).casefold()))
    named = any(t and (t[0].isupper() or re.sub(r"['’]", "", t.casefold()) in _MAKERS) and t != name for t in links)
    return name if links and (said & GARMENTS or named) else None


def _worn_by(words: str) -> list[str]:
    """"Worn by: Harriett, Mimii and Nicole" in the post's words."""
    m = _WORN_BY_LINE.search(words)
    return [n for n in _each_name(m.group("who")) if n] if m else []


_WORN_BY_LINE = re.compile(r"\b(?i:worn\s+by|getragen\s+von|porté\s+par|llevado\s+por|indossato\s+da)\s*:?\s+"
                           rf"(?P<who>[A-ZÀ-Ý][\w-]*(?:(?:,\s*|\s+{_AND}\s+)[A-ZÀ-Ý][\w-]*)*)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LEAD_IN = re.compile(r"^(?:meanwhile|then|later|here|and|but|also|again|finally|first|next),?\s+", re.I)


#: A word before a name that is no part of it: a call to shop ("Shop Mel's Outfit") or an age
#: ("Teen Shauna", "Adult Shauna": one character at two ages).
_LEAD_WORD = re.compile(r"^(?:shop|get|steal|copy|buy|recreate|teen|young|younger|adult|older|little|baby)\s+(?=[A-Z])",
                        re.I)


def _same_people(names: list[str]) -> list[str]:
    """One name a person: "Alex Levy" beside "Alex" (or "Levy") is the same person, named as the post
    calls them on their own."""
    alone = set(names)
    out: list[str] = []
    for name in names:
        name = next((w for w in name.split() if w in alone), name) if " " in name else name
        if name not in out:
            out.append(name)
    return out


def _without_lead_words(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = _LEAD_WORD.sub("", name)
        if name not in out:
            out.append(name)
    return out


def _heading_names(heading: str, body: str, genitive: bool) -> list[str]:
    """A section heading that names whom the garments under it are for: "Maya's Look", "Maya (Jane
    Doe)", or a bare "Maya" / "Maya & Leo" that the body also writes as a person ("Maya's", "Maya
    wore"); "Paris" or "Outerwear" as a heading are not."""
    heading = heading.strip(" :–—-|")
    m = _PLAYED_BY.fullmatch(heading)
    if m:
        return [n for n in _each_name(m.group("who")) if n.casefold() not in _NOT_NAMES]
    looks = _look_names(heading)
    if looks:
        return looks
    m = _GENITIVE_LOOK.fullmatch(heading)  # "Shivs Look", "Lisas outfit": the name the body writes alone
    if m and not _plain_word(m.group("who")) and m.group("who").casefold() not in _NOT_NAMES \
            and re.search(rf"\b{m.group('who')}\b(?!['’])", body):
        return [m.group("who")]
    if not _BARE_NAMES.fullmatch(heading):
        return []
    names = _each_name(heading)
    if any(n.casefold() in _NOT_NAMES or _plain_word(n) for n in names):
        return []
    return names if all(_written_as_person(n, body, genitive) for n in names) else []


# A name's genitive without an apostrophe (de, sv, da, no) before its look.
_GENITIVE_LOOK = re.compile(r"(?P<who>[A-ZÄÖÅÆØ][a-zäöåæøüé]+)s\s+(?i:looks?|outfits?|stil|style|kläder|klær|tøj)")


def _plain_word(name: str) -> bool:
    """A word of the trade ("Outerwear", "Shoes"), not a name."""
    return name.casefold() in GENERIC or name.casefold() in DESCRIPTORS


def _pictured(caption: str) -> list[str]:
    """The full name a picture's caption opens with, where it places the person ("Emily Thorne
    at the charity gala", "Victoria Grayson on the terrace")."""
    m = _PICTURED.match(caption)
    return [m.group("who")] if m and not any(_no_name(w) for w in m.group("who").split()) else []


_PICTURED = re.compile(rf"^(?P<who>{_NAME}\s+{_NAME})\s+(?:at|on|in|arriving|leaving|during|with)\b")


def _caption_names(caption: str) -> list[str]:
    found = [(m.start(), m.group("who")) for m in _PLAYED_BY.finditer(caption)]
    m = _WEARS.search(caption)
    if m:
        found += [(m.start(), who) for who in _each_name(m.group("who"))]
    return [who for _, who in sorted(found) if who.casefold() not in _NOT_NAMES]
