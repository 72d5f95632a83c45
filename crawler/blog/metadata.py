"""Which show, season, episode and characters a post is about.

In order of trust: the title's own forms ("What Maya Wore in Northbound Season 2 Episode 5"),
schema.org TV markup, the post's taxonomy (category and tag links of the post itself,
article:section, breadcrumbs) when the post's words mention it, the body's own phrases ("in
Northbound season 2", "Maya's boots on Northbound"), then a taxonomy name the words do not
mention. Season and episode come from the title (or the document's <title> when only it names the
episode), the markup, then the description, taxonomy,
headings and body; characters (``characters.py``) before the show, which is never one of them
unless nothing else names a show.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain
from urllib.parse import urljoin, urlsplit

from street2shop.crawler.blog.dom import (CAPITALS, HEADINGS, LATIN_CAPITALS, POSSESSIVE, Stream, is_chrome, meta_values, squash,
                                         text, unaccented, walk)
from street2shop.crawler.blog.characters import (GENITIVE_LOOK, NAME, WHO_WEARS_ELSEWHERE, WHO_WORE, each_name,
                                                read_characters, written_as_person, written_in_full)
from street2shop.crawler.blog.vocabulary import (CALENDAR, DESCRIPTORS, EPISODE_WORDS, GENERIC, TITLE_PARTS,
                                                garment_word)

_SEASON_EPISODE = [
    re.compile(r"\b(?:season|series)\s*(?P<season>\d{1,2})\s*[,:|·•/–—-]?\s*"
               r"(?:episode|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bS(?P<season>\d{1,2})\s*[.:·•|/-]?\s*E(?P<episode>\d{1,3})\b", re.I),  # "S02 · E03"
    re.compile(r"\b(?P<season>\d{1,2})x(?P<episode>\d{1,3})\b"),
    re.compile(r"\bstaffel\s*(?P<season>\d{1,2})\s*[,:-]?\s*folge\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bsaison\s*(?P<season>\d{1,2})\s*[,:-]?\s*[ée]pisode\s*(?P<episode>\d{1,3})\b", re.I),
    # a show released in parts: a part before an episode is its season ("Lupin, partie 3 épisode 2", "Parte 3 Episodio 5")
    re.compile(r"\b(?:part|partie|parte|teil)\s*(?P<season>\d{1,2})\s*[,:-]?\s*"
               r"(?:episode|ep\.?|[ée]pisode|episodio|epis[óo]dio|folge)\s*(?P<episode>\d{1,3})\b", re.I),
    # es / pt / it / nl, and "T2E5"
    re.compile(r"\b(?:temporada|stagione|seizoen)\s*(?P<season>\d{1,2})\s*[,:-]?\s*"
               r"(?:cap[ií]tulo|episodio|epis[óo]dio|puntata|aflevering|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bT(?P<season>\d{1,2})\s*E(?P<episode>\d{1,3})\b"),
    # nl "S2A3" (seizoen, aflevering), es / pt "T2C6" (temporada, capítulo), in capitals as titles write them
    re.compile(r"\bS(?P<season>\d{1,2})\s*A(?P<episode>\d{1,3})\b"),
    re.compile(r"\bT(?P<season>\d{1,2})\s*C(?P<episode>\d{1,3})\b"),
    # sv / da / no / pl / fi, "4ª temporada, episodio 2", "s3 ep 1"
    re.compile(r"\b(?:s[äa]song|s(?:æ|ae)son|sesong|sezon|kausi)\s*(?P<season>\d{1,2})\s*[,:-]?\s*"
               r"(?:avsnitt|afsnit|episode|episod|odcinek|odc\.|jakso)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\b(?P<season>\d{1,2})\.?\s*[ªº°]\s*(?:temporada|stagione)\s*[,:-]?\s*"
               r"(?:cap[ií]tulo|episodio|epis[óo]dio|puntata|ep\.?)\s*(?P<episode>\d{1,3})\b", re.I),
    re.compile(r"\bs(?P<season>\d{1,2})(?:\s+|\s*[,·•|/–—-]\s*)ep?\.?\s*(?P<episode>\d{1,3})\b", re.I),  # "S3 · Ep. 7"
    re.compile(r"\b(?:episode|ep\.?)\s*(?P<episode>\d{1,3})\s+of\s+season\s*(?P<season>\d{1,2})\b", re.I),
    # tr "2. Sezon 15. Bölüm"
    re.compile(r"\b(?P<season>\d{1,2})\.\s*sezon\s*[,:-]?\s*(?P<episode>\d{1,3})\.\s*bölüm", re.I),
    # ko / ja "시즌2 5화", "シーズン2 第8話"; zh "第2季第5集"
    re.compile(r"(?:시즌|シーズン)\s*(?P<season>\d{1,2})\s*(?:第\s*)?(?P<episode>\d{1,3})\s*[話话화회집]"),
    re.compile(r"第\s*(?P<season>\d{1,2})\s*季\s*第\s*(?P<episode>\d{1,3})\s*[集话話]"),
    # ru / uk "5 сезон 3 серия", "сезон 5, серия 3"
    re.compile(r"(?<!\d)(?P<season>\d{1,2})(?:-?й)?\s*сезон\w*\s*[,:-]?\s*(?P<episode>\d{1,3})(?:-?я)?\s*"
               r"(?:сери[яи]|эпизод|епізод|выпуск)", re.I),
    re.compile(r"\bсезон\s*(?P<season>\d{1,2})\s*[,:-]?\s*(?:сери[яи]|эпизод|епізод|выпуск)\s*(?P<episode>\d{1,3})", re.I),
]
# WordPress sets "2x05" as "2×05" (a multiplication sign) in titles and text.
_TIMES = re.compile(r"(?<=\d)\s?[×✕]\s?(?=\d)")
# "Season One, Episode Five": the number spelled out after the word.
_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()
# ... and in the posts' other languages, one to twelve ("aflevering vijf van seizoen drie", "Staffel zwei"; Arabic and
# Persian ordinals after the word: "الموسم الثاني", "فصل سوم"; not words
# that are also "and", an article or an English word: nl/sv "en", fr "un", it "due", no "to")
_OTHER_NUMBERS = {w: n for n, words in enumerate((
    "", "een eins uno ett الأول اول",
    "twee zwei deux dos dois två الثاني دوم",
    "drie drei trois tres três tre الثالث سوم",
    "vier quatre cuatro quatro quattro fyra الرابع چهارم",
    "vijf fünf cinq cinco cinque fem الخامس پنجم",
    "zes sechs six seis sei seks السادس ششم",
    "zeven sieben sept siete sete sette sju syv السابع هفتم",
    "acht huit ocho oito otto åtta otte åtte الثامن هشتم",
    "negen neun neuf nueve nove nio التاسع نهم",
    "tien zehn dix diez dez dieci tio العاشر دهم",
    "elf onze once undici elva elleve",
    "twaalf zwölf douze doce doze dodici tolv")) for w in words.split()}
_SPELLED = re.compile(rf"\b(season|series|episode|ep\.?)\s+({'|'.join(_NUMBERS)})\b", re.I)
# The words for a season and for an episode in the languages posts are written in, shared by every
# pattern below that reads one.
_SEASON_WORD = (r"season|series|staffel|saison|temporada|stagione|seizoen|s[äa]song|s(?:æ|ae)son|sesong|sezon|kausi|"
                r"mùa|phần|עונה|сезон|sezonul|σεζόν|الموسم|موسم|فصل")
_EPISODE_WORD = (r"episode|ep\.?|eps\.|folge|[ée]pisode|cap[ií]tulo|cap[ií]tol|"
                 r"episodio|epis[óo]dio|puntata|aflevering|afl\.|avsnitt|"
                 r"afsnit|odcinek|odc\.|jakso|tập|פרק|сери[яи]|серія|серії|эпизод|епізод|выпуск|episodul|επεισόδιο|الحلقة|حلقة|قسمت")
# The season's word after its number and an ordinal's dot: de "2. Staffel", fi "2. kauden", da "2. sæson", no "2.
# sesong", cs "2. řada", hu "2. évad"
_NTH_SEASON_WORD = r"staffel\b|kau(?:si|den|della|delta)\b|s(?:æ|ae)son\w*|sesong\w*|s[äa]song\w*|řad[aěyu]\b|séri[ei]\b|évad\w*"
_SEASON_ONLY = re.compile(rf"\b(?:{_SEASON_WORD})\s*(?P<season>\d{{1,2}})\b|"
                          # "S1, afl. 3": a season's letter alone, before an episode's word
                          r"\bS(?P<letter>\d{1,2})(?=\s*[,/]\s*(?:afl|ep|folge|afsnit|avsnitt|odc|cap|tập|פרק))|\b(?P<nth>\d{1,2})\.?\s*[ªº°]\s*(?:temporada|stagione)\b|"
                          r"(?:시즌|シーズン)\s*(?P<cjk>\d{1,2})|(?<![\d.])(?P<gr>\d{1,2})(?:ος|ο|η|ης)?\s*(?:κύκλο\w*|σεζόν)|\b(?P<tr>\d{1,2})\.\s*sezon(?:u|un|da)?\b|第\s*(?P<ji>\d{1,2})\s*季|"
                          r"(?<!\d)(?P<ru_nth>\d{1,2})(?:-?й)?\s*сезон|"
                          rf"(?<![\d.])(?P<de_nth>\d{{1,2}})\.\s*(?:{_NTH_SEASON_WORD})", re.I)
_EPISODE_ONLY = re.compile(rf"\b(?:{_EPISODE_WORD})\s*#?\s*(?P<episode>\d{{1,4}})\b|"
                           r"第\s*(?P<wa>\d{1,3})\s*[話话회집集回]|(?<![\d.])(?P<gr>\d{1,3})(?:ο|ος|η|ης)?\s*επεισόδι\w*|(?<!\d)(?P<ru>\d{1,3})(?:-?я)?\s*(?:сери[яи]|серія|серії|эпизод|епізод)|"
                           # a double episode's first ("7-8화")
                           r"(?<![\d.])(?P<hwa>\d{1,3})(?:\s*[-~～–]\s*\d{1,3})?\s*(?:화|회|話)(?![가-힣])|"
                           # the number first, an ordinal's dot after it: pl "w 5. odcinku", cs "5. díl", tr "5. Bölüm"
                           r"(?<![\d.])(?P<nth>\d{1,3})\.\s*(?:odcin\w+|bölüm\w*|díl\w*|epizod\w*|jakso\w*|afsnit\w*|"
                           r"avsnitt\w*|folge\b|rész\w*)", re.I)

_SPELLED_OTHER = re.compile(
    rf"\b({_SEASON_WORD}|{_EPISODE_WORD})\s+({'|'.join(sorted(_OTHER_NUMBERS, key=len, reverse=True))})\b", re.I)

# "Lo que usó Ximena en Jardín de Invierno", "O que a Bia vestiu em Maré Alta": a wearing verb, its wearer, then the
# show after the language's "in"
_WORN_IN_SHOW = re.compile(r"\b(?:usó|usa|usaba|lleva|llevó|llevaba|viste|vistió|usou|veste|vestiu|porte|portait|indossa|"
                           rf"indossava|trägt|trug|draagt|droeg)\s+(?:(?:la|el|a|o|le)\s+)?(?:[{LATIN_CAPITALS}][\w'’-]*\s+){{1,2}}"
                           rf"(?:en|em|no|na|dans|in|im|nella|nel)\s+(?P<show>[{LATIN_CAPITALS}][^:|(\[–—?]{{1,60}}?)\s*\??\s*"
                           r"(?:[:|(\[–—]|$)")  # the question's mark is no part of the show ("Wat droeg Fenna in …?")
_SHOW_AFTER = re.compile(
    r"\b(?:wore|wears|wear|outfits?|looks?|style|fashion|wardrobe|clothes|worn\s+by\s+[A-Z][\w-]*(?:\s+(?:and|&)\s+"
    r"[A-Z][\w-]*)?)\s+(?:in|on|from)\s+"
    r"(?:(?:season|series|episode|ep\.?)\s*\d{1,3}\s+(?:of|from)\s+)?(?P<show>.+?)"  # "in Episode 7 of Salt Flats"
    r"(?=\s*(?:[,:(|–—]|\s-\s|\bseason\b|\bS\d{1,2}\s*E\d|\b\d{1,2}x\d|\b\d{1,2}\.\d{2}\b|\bepisode\b|$))", re.I)
# A title's "Suits 9.03", "gilmore girls 3.07": season, dot, a two-digit episode (read in titles only:
# a body's "3.07" may be a price).
_DOTTED_FORM = r"(?<![\d.,$€£¥])\b(\d{1,2})\.(\d{2})\b(?![.,]?\d)"
_SHOW_BEFORE = re.compile(r"^\s*(?P<show>[^:|(\[]+?)\s*(?:[,:–—-]\s*(?:la|il|lo|le|el|the|die|der|das|het)\s+|"
                          r"[,:|–—(\[-]?\s*)(?:\bS\d{1,2}\s*E\d{1,3}\b|"
                          rf"\b(?:part|partie|parte|teil)\s*\d{{1,2}}\s*[,:-]?\s*(?:{_EPISODE_WORD})\s*\d|"
                          rf"\b(?:{_SEASON_WORD}|{_EPISODE_WORD})\s*\d|"
                          r"\b\d{1,2}x\d{1,3}\b|\b(?-i:T)\d{1,2}\s*(?-i:[EC])\d{1,3}\b|"
                          r"\b(?-i:S)\d{1,2}\s*(?-i:A)\d{1,3}\b|"
                          r"\b\d{1,2}\.?\s*[ªº°]\s*(?:temporada|stagione)\b|"
                          r"\bs\d{1,2}\s+ep?\.?\s*\d|第\s*\d{1,3}\s*[話话회집集季回]|(?<![\d.])\d{1,3}(?:ο|ος|η|ης)?\s*(?:επεισόδι\w*|κύκλο\w*|σεζόν)|(?:시즌|シーズン)\s*\d|\b\d{1,2}\.\s*sezon\b|(?<![\d.])\d{1,3}(?:\s*[-~～–]\s*\d{1,3})?\s*[화話회](?![가-힣])|"
                          r"(?<!\d)\d{1,2}(?:-?й)?\s*сезон|"
                          # the number first, an ordinal's dot after it: tr "58. Bölüm", pl "5. odcinek", cs "5. díl"
                          r"(?<![\d.])\d{1,3}\.\s*(?:bölüm|odcinek|díl|jakso|afsnit|avsnitt|folge|rész)\b|"
                          rf"(?<![\d.])\d{{1,2}}\.\s*(?:{_NTH_SEASON_WORD})|"
                          + _DOTTED_FORM + ")", re.I)
# A title's words before an episode that end in one of these are a sentence, not a show
# ("Every look from Episode 5").
_NOT_SHOW_END = frozenset(("in", "on", "from", "of", "the", "for", "to", "at", "and", "with",
                           # the same in the languages posts are written in ("Die Outfits aus Staffel 4")
                           "aus", "von", "vom", "im", "der", "de", "du", "des", "da", "do", "di", "del", "della", "dalla",
                           "van", "uit", "från", "fra", "z", "ze", "w",
                           # "Os looks da Bruna no …", "… nella sesta puntata", "… dans l'épisode"
                           "no", "na", "nos", "nas", "nella", "nel", "nello", "sulla", "dans", "em", "en", "auf", "bei",
                           "i", "på",
                           # an article before the episode's word: "… en el capítulo 6", "… nell'ultima puntata"
                           "el", "la", "los", "las", "il", "lo", "le", "les", "het", "os", "as",
                           "στο", "στη", "στην", "στον", "του", "της"))  # el "… στο 12ο επεισόδιο"

# A show named in running text: a run of capitalised words (at most six, "Night Shift at
# St. Brigid's"), never starting at "Season"/"Episode"; bounded, so no backtracking blow-up.
_WORD = rf"(?!(?:Season|Series|Episode|Ep|S\d{{1,2}}(?:E\d+)?)\b)[{LATIN_CAPITALS}][\w'’.&-]*"
_RUN = rf"{_WORD}(?:\s+(?:(?:of|the|at|and|&|in|en|di|van|von|de|del|la|le|des|da|do|op|aan|am|im|y|e|et|und|och|og|i)\s+)?{_WORD}){{0,5}}"
_SHOW_THEN_EPISODE = re.compile(  # "in Northbound season 2", "of Saltmarsh (series 1, episode 8)"; "This week:
    # Northbound, season 3" (after a colon, only a name set off by a comma)
    rf"\b(?i:in|on|of|from|about)\s+(?P<show>{_RUN})\s*[,:(–—-]?\s*(?i:season|series|episode|ep\.?\s*\d|S\d{{1,2}}\s*E\d|"
    rf"\d{{1,2}}x\d)|:\s+(?P<set_off>{_RUN})\s*,\s*(?i:season|series|episode)\b")
# "the second episode of the third season of Slow Horses" (ordinals as numbers: "episode 2 of the season 3 of")
_EPISODE_THEN_SHOW = re.compile(rf"\b(?i:season|series|episode)\s+\d{{1,3}}\s+(?i:of|from)\s+(?P<show>{_RUN})|"
                                # "den sista säsongen av Young Royals", "die neue Staffel von Babylon Berlin"
                                r"\b(?i:s[äa]song\w*|s(?:æ|ae)son\w*|sesong\w*|seizoen|staffel|saison|temporada|"
                                r"stagione|avsnitt\w*|afsnit\w*|aflevering|folge|[ée]pisode|episodio|cap[ií]tulo)"
                                rf"(?:\s+\d{{1,3}})?\s+(?i:av|af|van|von|der|de|du|di|del|della|da|do)\s+(?P<show_of>{_RUN})")
_SHOW_AFTER_WEARING = [  # "Maya's boots on Northbound", "the looks on Northbound"; only "on": "in Paris"
    re.compile(rf"\b[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){{0,4}}?on\s+(?P<show>{_RUN})"),
    re.compile(rf"\b(?i:wore|wears|wearing|worn|outfits?|looks?|wardrobe)\s+on\s+(?P<show>{_RUN})"),
]

_CATEGORY_LINK = re.compile(r"/(?:category|categories|label|labels|section|sections|series|shows?)/|[?&]category=",
                            re.I)
_TAG_LINK = re.compile(r"/(?:tag|tags|tagged|topics?)/|[?&]tag=", re.I)  # Tumblr's "/tagged/"
_POST_CLASSES = frozenset({"post", "hentry", "type-post", "h-entry", "blog-item", "post-outer", "single-post"})
_BREADCRUMB = re.compile(r"breadcrumb", re.I)
_EPISODE_SUFFIX = re.compile(rf"\s*[,:|–—-]?\s*\b(?:{_SEASON_WORD}|{_EPISODE_WORD}|S\d{{1,2}}\s*E\d+|bölüm)"
                             r"(?:\b|(?<=\.)).*$", re.I)


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
    rec.characters = read_characters(title, body, stream, rec.items, tree)
    if not keep_show:  # else the site's own selector named the show
        # (not a "brand" the title opens with: a link card titled by the show "Haven van Harlingen S3A2")
        brands = [b for b in brands if not title.casefold().startswith(b.casefold() + " ")]
        exclude = {n.casefold() for n in [*rec.characters, *brands, *meta_values(tree, "og:site_name")]} \
            | written_in_full(rec.characters, f"{title} {body}")
        shown = _title_show(title) or (_title_show(seo) if seo else None)
        worn = None
        wearers = {c.casefold() for c in rec.characters}
        if shown and len(listed := each_name(shown)) > 1 and all(n.casefold() in wearers for n in listed) \
                and not _NAMES_THEN_SEASON.match(title[title.find(shown) + len(shown):]):
            # "Ines & Callum: Every Look From Episode Seven": the wearers, not the show (but "Ginny & Georgia
            # Staffel 2, Folge 4", the season right after them, is a show named for its two)
            shown = None
        if shown and shown.casefold() in wearers:
            # "Elena - 2x10": the title's name before the episode is the wearer's, unless nothing else
            # names a show ("Fleabag, Series Two, Episode One": the show is named for her)
            shown, worn = None, shown
        # a show named for its character, as its category says too ("Valeria 3x02" filed under "Valeria")
        named_for = worn if worn and worn.casefold() in {c.casefold() for c in categories} else None
        rec.show = (_without_wearer(shown, rec.characters, body) if shown else None) or tv_show or named_for \
            or _fan_wiki(tree) or _slug_show(url, [title, seo, *categories, *tags, *headings, body[:_EPISODE_READ]], exclude) \
            or _before_the_wearers(title, rec.characters, f"{slug} {body.replace(title, ' ')}", exclude) \
            or _named_show(f"{title} {body}", categories, tags, exclude, title) or worn \
            or _named_for_wearer(rec.characters, [*categories, *tags])
        if rec.show:  # "แจกพิกัดเสื้อผ้า กอหญ้า F4 Thailand": the title's words in another script before the category's show
            rec.show = next((c for c in (*categories, *tags) if len(c) < len(rec.show)
                             and rec.show.casefold().endswith(" " + c.casefold())
                             and not _LATIN.search(rec.show[: -len(c)]) and _usable(c, exclude)), rec.show)
        if rec.show and _ACRONYM.fullmatch(rec.show):  # "TSITP 2x03": the post spells it out somewhere
            rec.show = _spelled_out(rec.show, [title, *later]) or rec.show
        elif rec.show and rec.show.islower() and _ACRONYM.fullmatch(rec.show.upper()):  # a tumblr's "tsitp"
            rec.show = _spelled_out(rec.show.upper(), [title, *later], any_case=True) or rec.show
        if rec.show:  # "Only Murders S03E05" in the title, "Only Murders in the Building" set in italics below
            rec.show = next((t for t in _emphasised(root) if _fuller_name(t, rec.show) and _usable(t, exclude)),
                            rec.show)
        if rec.show:
            rec.show = _EPISODE_NAMED_AFTER.sub("", rec.show) or rec.show
        if rec.show and (own := _OWN_WORD.match(rec.show)):
            # "My Bridgerton Season 3 Brunch Look": the blogger's word before a show the post writes without it
            # (not "My Lady Jane", "Your Honor": written whole wherever the post names them)
            rest, again = rec.show[own.end():], " ".join([body.replace(title, " "), *categories, *tags])
            if re.search(rf"(?<!\w){re.escape(rest)}(?!\w)", again) and rec.show.casefold() not in again.casefold():
                rec.show = rest
        if rec.show:  # a show's own possessive is nobody ("Schitt" of "Schitt's Creek")
            rec.characters = [c for c in rec.characters if not re.search(rf"\b{re.escape(c)}['’]s\b", rec.show)]
        if rec.show and rec.season is not None and rec.show.endswith(f" {rec.season}"):
            rec.show = rec.show[: -len(str(rec.season))].rstrip()  # "Mare Fuori 4, episodio 6": season 4


_OWN_WORD = re.compile(r"(?:my|our|your|mein|meine|mon|ma|mi|mis|il mio|la mia|mijn|min|mitt|mój|moja)\s+"
                       rf"(?=[{LATIN_CAPITALS}])", re.I)


def _before_the_wearers(title: str, characters: list[str], elsewhere: str, exclude: set[str]) -> str | None:
    """The title's first part where the next names the wearers ("Gannet Cove: what Margo wore to the lobster
    supper", "Quay Street: Siobhán and Dec's wedding looks"), and the post writes it again (`elsewhere`: its
    address's words and its body)."""
    parts = [p.strip() for p in TITLE_PARTS.split(title)]
    if len(parts) < 2 or not characters:
        return None
    first, after = parts[0], " ".join(parts[1:])
    said = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in characters) + r")(?!\w)", re.I)
    if said.search(first) or not said.search(after) or POSSESSIVE.search(first) or not _usable(first, exclude) \
            or _EPISODE_ONLY.search(_digits(first)) or _SEASON_ONLY.search(_digits(first)):  # "Épisode 9 : …"
        return None
    plain = unaccented(first).casefold()
    return first if plain in unaccented(elsewhere).casefold().replace("-", " ") else None


def _fan_wiki(tree) -> str | None:
    """The show a fan wiki is named for, by its site name or its document title's part ("Gossip Girl Wiki")."""
    document = squash(next((el.text_content() for el in tree.iter("title")), ""))
    for name in (*meta_values(tree, "og:site_name"), *TITLE_PARTS.split(document)[1:]):
        m = _FAN_WIKI.match(name)
        if m and _usable(m.group("show"), set()):
            return _unquoted(m.group("show"))
    return None


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")

def _spelled_out(acronym: str, texts: list[str], any_case: bool = False) -> str | None:
    """The words whose initials are `acronym`, its first capitalised ("The Summer I Turned Pretty" for
    "TSITP", "Sex and the City" for "SATC", "Goede tijden, slechte tijden" for "GTST"; or not, for an
    acronym the post writes in lower case, as in its tags), the first the texts hold."""
    inner = (rf"[{c}{c.lower()}][\w'’]*" for c in acronym[1:])
    first = f"[{acronym[0]}{acronym[0].lower()}]" if any_case else acronym[0]
    words = re.compile(r"\b" + r"[\s,]+".join((rf"{first}[\w'’]*", *inner)) + r"\b")
    return next((m.group() for t in texts if (m := words.search(t))), None)


def _fuller_name(words: str, show: str) -> bool:
    """`words` are the show's name written in full: they open with it and go on in a title's words only
    (capitalised, or small connecting words), no number, episode word or possessive ("Only Murders in the
    Building"; not "Gannet Cove season two", "Gannet Cove's finale")."""
    if not words.casefold().startswith(show.casefold() + " "):
        return False
    rest = words[len(show):].split()
    return 0 < len(rest) <= 4 and rest[-1][:1].isupper() and not EPISODE_WORDS.search(words) \
        and not POSSESSIVE.search(words) and all(w[:1].isupper() or w in _SMALL_WORDS for w in rest)


def _emphasised(root) -> list[str]:
    """The body's words set in italics or as a cited title, as posts write a show's name."""
    return [squash(e.text_content()) for e in root.iter("em", "i", "cite") if len(e.text_content()) <= 60]


def _slug_show(url: str, texts: list[str], exclude: set[str]) -> str | None:
    """The show the post's address names before its episode ("/selling-sunset-s7-e3-chrishell/"),
    as the post's words write it ("Selling Sunset"); none where they do not."""
    slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    m = _SHOW_BEFORE.search(_digits(re.sub(r"[-_.+]+", " ", slug)))
    if m is None:
        return None
    words = m.group("show").split()
    if not words or words[-1] in _NOT_SHOW_END or WHO_WORE.search(m.group("show")):
        return None
    while len(words) > 1 and words[-1] in exclude:  # "/fjordlys-ingrid-sindre-episode-6/": the wearers after the show
        words.pop()
    written = re.compile(r"(?<!\w)" + r"[\s\-–:]+".join(map(_accented, words)) + r"(?!\w)", re.I)
    for t in texts:
        found = written.search(t) if t else None
        if found and found.group()[0].isupper() and _usable(found.group(), exclude):
            return _LEADING_LOOKS.sub("", found.group()) or found.group()  # "/dressing-like-blade-of-ashfall-…"
    if len(words) == 1 and _ACRONYM.fullmatch(words[0].upper()):  # "/ajlt-ep5-…/": the words it stands for
        spelled = _spelled_out(words[0].upper(), texts)
        if spelled:
            return spelled
    # written nowhere with capitals (a Tumblr's lower-case post): the address's words, capitalised; not
    # where the post is written in another script (the address's "rawabi-school" of an Arabic post)
    if texts and texts[0] and not _LATIN.search(texts[0]):
        return None
    big = [w for w in words if w not in _SMALL_WORDS]  # "only murders in the building": "in", "the" are no words of
    # the trade here
    if not big or len(big) > 4 or any(w.isdigit() or w in GENERIC or w in DESCRIPTORS or w in _NOT_SHOW_START
                                      for w in big):
        return None
    show = " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))
    return show if _usable(show, exclude) else None


def _accented(word: str) -> str:
    """A pattern for an address's word as the post may write it with accents ("voce" for "Você")."""
    return "".join(f"[{ch}{_ACCENTED[ch]}]" if ch in _ACCENTED else re.escape(ch) for ch in word)


def _accent_table() -> dict[str, str]:
    """Each plain letter's accented lower-case forms in Latin-1 and Latin Extended ("e": "èéêë…")."""
    table: dict[str, str] = {}
    for ch in map(chr, range(0xC0, 0x250)):
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if base.isascii() and base.isalpha() and ch.lower() == ch:
            table[base] = table.get(base, "") + ch
    return table


_ACCENTED = _accent_table()  # the accented letters an address writes plain


_SMALL_WORDS = frozenset(("of", "the", "and", "in", "on", "at", "a", "an", "to", "for", "de", "la", "le", "el", "y"))


def _named_show(words: str, categories: list[str], tags: list[str], exclude: set[str], title: str = "") -> str | None:
    """A taxonomy name the post's words mention, else a show the body names, else the first
    category-like name."""
    # (a name in a script without capitals only where the title writes it too: a gift guide's tag "繁花", which
    # its body mentions in passing, names no post's show)
    categories = [c for c in map(_clean_show, categories)
                  if _usable(c, exclude, uncased=_mentioned(c, title))]
    tags = [t for t in map(_clean_show, tags) if _usable(t, exclude, uncased=_mentioned(t, title))]
    return (next((c for c in categories + tags if _mentioned(c, words)), None)
            or _body_show(words, exclude, title)
            or next(iter(categories), None))


# --- season and episode ---------------------------------------------------------------------------


_EPISODE_READ = 20_000  # characters of the body


def _episode(titles: list[str], markup: tuple, later: list[str]) -> tuple[int | None, int | None]:
    season, episode = _numbers(titles, markup, later)
    if episode is None and any(_PREMIERE.search(t) for t in titles):
        episode = 1  # "The Morning Show Season 3 Premiere Fashion": a season's premiere is its first episode
        if season is None and any(_SERIES_PREMIERE.search(t) for t in titles):
            season = 1
    elif episode is None and season is not None and any(
            int(m.group(1)) == season for t in later for m in _SEASON_PREMIERE.finditer(_digits(t))):
        episode = 1  # the post's subtitle or address says "the Season 2 premiere" of the season it names
    return season, episode


def _numbers(titles: list[str], markup: tuple, later: list[str]) -> tuple[int | None, int | None]:
    whole = _season_episode(titles) or next(((int(m.group(1)), int(m.group(2)))
                                             for t in titles if (m := _DOTTED.search(t))), None)
    if whole:
        return whole
    if markup[0] is not None or markup[1] is not None:
        return markup
    titled = _first_number(_SEASON_ONLY, titles), _first_number(_EPISODE_ONLY, titles)
    # one whole form in the post's description and headings (a Substack subtitle's "Season 1, Episode 5"), the
    # body naming others: the post's own episode, not a roundup
    named = {w for t in later[:-1] if (w := _season_episode([t]))}
    if len(named) == 1 and all(t in (None, w) for t, w in zip(titled, next(iter(named)))):
        return next(iter(named))
    if titled[1] is None and (any(_EPISODE_RANGE.search(t) for t in titles) or _several_episodes(later)):
        # a post on several episodes ("Season 3 Episodes 1–3", a season's roundup by episode): no one episode
        return _first_number(_SEASON_ONLY, [*titles, *later]), None
    whole = _season_episode(later)
    if whole and all(t in (None, w) for t, w in zip(titled, whole)):
        return whole
    if whole:
        return titled  # the body's whole form names another episode than the title's "第5話"
    texts = [*titles, *later]
    return _first_number(_SEASON_ONLY, texts), _first_number(_EPISODE_ONLY, texts)


_EPISODE_RANGE = re.compile(rf"\b(?:episodes|eps\.?|folgen|épisodes|episodios|episódios|capítulos|puntate|afleveringen|"
                            rf"avsnitt|afsnit|odcinki|серии)\s*\d{{1,3}}\s*(?:[-–—&+,]|and|to|through|bis|à|a|e|y|en|och|og|i)"
                            rf"\s*\d{{1,3}}\b", re.I)
_SEVERAL = 3  # distinct episodes a post's words name, its title naming none: a roundup


def _several_episodes(texts: list[str]) -> bool:
    seen = set()
    for t in texts:
        for m in _EPISODE_ONLY.finditer(_digits(t)):
            seen.add(next(g for g in m.groups() if g))
            if len(seen) >= _SEVERAL:
                return True
    return False


_DOTTED = re.compile(_DOTTED_FORM)
# A season's or a series' first episode named so in a title, in the languages posts are written in.
_PREMIERE = re.compile(r"\b(?:premiere|première|premiär|premiere-folge|staffelauftakt|estreno|estreia|pilot|pilote|"
                       r"piloto|pilota)\b", re.I)
_SEASON_PREMIERE = re.compile(rf"\b(?:{_SEASON_WORD})\s*(\d{{1,2}})\s+(?:premiere|première|premiär)\b", re.I)
_SERIES_PREMIERE = re.compile(r"\b(?:series premiere|pilot|pilote|piloto|pilota)\b", re.I)


def _digits(text: str) -> str:
    text = _THOUSANDS.sub(r"\1\2\3", text)
    text = _SPELLED.sub(lambda m: f"{m.group(1)} {_NUMBERS.index(m.group(2).lower()) + 1}", text)
    text = _SPELLED_OTHER.sub(lambda m: f"{m.group(1)} {_OTHER_NUMBERS[m.group(2).lower()]}", text)
    if "第" in text:  # Chinese numerals: "第二季" is "第2季"
        text = _CJK_ORDINAL.sub(lambda m: f"第{_cjk_number(m.group(1))}{m.group(2)}", text)
    text = _ORDINAL.sub(lambda m: f"{m.group(2)} {_ORDINALS.index(m.group(1).lower()) + 1}", text)
    text = _ROMANCE_ORDINAL.sub(lambda m: f"{m.group(2)} {_ROMANCE_ORDINALS[m.group(1).lower()]}", text)
    if _GREEK_ORDINAL.search(text):  # "το 12ο επεισόδιο του τρίτου κύκλου"
        text = _GREEK_ORDINAL.sub(lambda m: f"{_GREEK_ORDINALS.index(m.group(1).lower()) + 1}ο {m.group(2)}", text)
    return _NORDIC_ORDINAL.sub(lambda m: ("season " if m.group(2).lower().startswith(("s", "z"))
                                          else "episode ") + str(_NORDIC_ORDINALS[m.group(1).lower()]), text)


# a soap's episode in the thousands, its digits grouped ("Episode 2,418", "Folge 4.123")
_THOUSANDS = re.compile(rf"\b((?:{_EPISODE_WORD})\s*#?\s*)(\d{{1,2}})[,.](\d{{3}})\b", re.I)
_CJK_ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3})([季集話话部회回])")
_CJK_DIGITS = "一二三四五六七八九"


def _cjk_number(numeral: str) -> int:
    """"二" 2, "十二" 12, "二十" 20, "二十三" 23."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _CJK_DIGITS.index(numeral) + 1 if len(numeral) == 1 else 0
    return (_CJK_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_CJK_DIGITS.index(units) + 1 if units else 0)


# "the third episode of season 5", "the fifth episode of the second season"
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINAL = re.compile(rf"\b({'|'.join(_ORDINALS)})\s+(season|series|episode)\b", re.I)
# The same in it / es / pt / fr / de: "nel secondo episodio della terza stagione", "la deuxième saison",
# "die zweite Staffel", "19. Staffel"
_ROMANCE_ORDINALS = {w: n + 1 for n, words in enumerate((
    "primo prima primer primero primera premier première erste ersten", "secondo seconda segundo segunda deuxième second "
    "seconde zweite zweiten", "terzo terza tercer tercero tercera terceiro terceira troisième dritte dritten",
    "quarto quarta cuarto cuarta quatrième vierte vierten", "quinto quinta cinquième fünfte fünften",
    "sesto sesta sexto sexta sixième sechste sechsten", "settimo settima séptimo séptima sétimo sétima septième siebte "
    "siebten", "ottavo ottava octavo octava oitavo oitava huitième achte achten", "nono nona noveno novena neuvième "
    "neunte neunten", "decimo decima décimo décima dixième zehnte zehnten")) for w in words.split()}
_ROMANCE_ORDINAL = re.compile(rf"\b({'|'.join(sorted(_ROMANCE_ORDINALS, key=len, reverse=True))})\s+"
                              r"(stagione|episodio|puntata|temporada|cap[ií]tulo|epis[óo]dio|saison|[ée]pisode|staffel|folge)\b",
                              re.I)


# sv / da / no / nl, whose season word may take a genitive: "den tredje säsongens andra avsnitt",
# "de derde aflevering van het tweede seizoen"
_NORDIC_ORDINALS = {w: n + 1 for n, words in enumerate((
    "första første eerste", "andra anden andre tweede", "tredje derde", "fjärde fjerde vierde", "femte vijfde",
    "sjätte sjette zesde", "sjunde syvende sjuende zevende", "åttonde ottende åttende achtste",
    "nionde niende negende", "tionde tiende")) for w in words.split()}
_NORDIC_ORDINAL = re.compile(rf"\b({'|'.join(sorted(_NORDIC_ORDINALS, key=len, reverse=True))})\s+"
                             r"(s[äa]song\w*|s(?:æ|ae)son\w*|sesong\w*|seizoen\w*|avsnitt\w*|afsnit\w*|episode\w*|"
                             r"aflevering\w*)", re.I)


# el: the ordinal's stem, any ending, then the season's or the episode's word ("τρίτου κύκλου", "πέμπτο επεισόδιο")
_GREEK_ORDINALS = "πρώτ δεύτερ τρίτ τέταρτ πέμπτ έκτ έβδομ όγδο ένατ δέκατ".split()
_GREEK_ORDINAL = re.compile(rf"(?<!\w)({'|'.join(_GREEK_ORDINALS)})\w*\s+(κύκλο\w*|σεζόν|επεισόδι\w*)", re.I)


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
            tags.append(text(a).lstrip("#").strip())  # Tumblr writes its tags "#Northbound"
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
    series = _SERIES_WORD.search(show or title)  # "من مسلسل ليالي الحي", "แกะลุคละคร รักนี้ที่ริมโขง"
    if series and series.group("show").strip():
        return series.group("show").strip()
    show = _WHICH_EPISODE.sub("", show) if show else show
    tag = _LEADING_TAG.match(show) if show else None
    if tag:  # "【韓劇穿搭】黑暗榮耀": the blog's tag before the show; "【推しの子】ドラマ": the show in brackets
        rest = show[tag.end():].strip()
        show = tag.group().strip(" 【】[]") if not rest or rest.casefold() in _DRAMA_WORDS else _unquoted(rest)
    if show:
        show = _LEADING_LOOKS.sub("", show) or show  # "Outfits wtFOCK – seizoen 3"
        show = _TRAILING_LOOK.sub("", _TRAILING_LOOK.sub("", show)) or show  # "Love Island 2023 Outfits"
        if show.startswith("the ") and _CAPITAL_WORD.match(show[4:]) and _usable(show[4:], set()):
            show = show[4:]  # the sentence's article: "What Shiv Wore in the Succession Season 4 Finale"
        show = _after_the_garments(show)
        if _whose_things(show):
            return None  # "Frankie’s Kaftans and Grace’s Blazers 4x07": the wearers' garments
    # a sentence's words ("What Blair Wore in the Season 3 Finale", "os looks de Kate … da 2ª temporada"):
    # a show's name opens with a capital where the title writes names so
    if show and (show.casefold() in _NOT_SHOW_END or (show[:1].islower() and _CAPITAL_WORD.search(title))):
        return None
    if show and EPISODE_WORDS.match(show):
        return None  # "What the Islanders Wore: Ep. 12 Recoupling Looks": an episode's name, no show
    return show


_CAPITAL_WORD = re.compile(rf"(?:^|\s)[{CAPITALS}]")
# The word for "series" or "drama" before the show's name in languages that say it so (Arabic, Persian, Hebrew,
# Thai), up to the title's next part
_SERIES_WORD = re.compile(r"(?:مسلسل|سریال|הסדרה|ซีรีส์|ละคร)\s*(?P<show>[^-–—|:：؟?()\d]{2,60}?)"
                          r"\s*(?:[-–—|:：؟?(]|\b(?:EP|Ep|ep)\.?\s*\d|ตอน|الحلقة|الموسم|الجزء|فصل|قسمت|$)")
_LOOKS_AFTER_COMMA = re.compile(r",\s+(?i:(?:i|il|gli|los|las|el|les|le|la|os|as|o|die|de|het)\s+)?(?i:looks?|outfits?|tenues?|"
                                r"estilismos?|kleider|kleding|kläder)\b.*$")
_NAMED_EPISODE = re.compile(r"\s*(?i:episode)\b(?!\s*(?:#\s*)?\d)(?!\s+(?:of|from)\b)")
_LEADING_TAG = re.compile(r"^\s*[【\[][^】\]]{1,16}[】\]]\s*(?=\S|$)")
# (not "Los looks de Lu en Élite": after "de" a wearer may come before the show); a wearer between the
# look and the show's preposition ("Outfit Dasiyah di Gadis Kretek", "Gaya Jeng Yah dan Arum di Gadis Kretek")
_A_NAME = rf"[{LATIN_CAPITALS}][\w'’-]+(?:\s+[{LATIN_CAPITALS}][\w'’-]+)?"
_LEADING_LOOKS = re.compile(r"^(?:(?i:dress(?:ed|ing)? like)\s+|(?i:outfits?|looks?|style|fashion|wardrobe|clothes|kleding|kläder|tenues?|estilismos?|"
                            rf"busana|gaya)(?:\s+(?:{_A_NAME}(?:\s+(?:and|&|dan|und|y|e|et|en|og|och)\s+{_A_NAME})*\s+)?"
                            r"(?i:di|in|from|aus|van|uit|från|fra|z|w))?\s+|"
                            r"(?i:get the)\s+|"
                            r"(?:ส่อง)?แฟชั่น\s*|(?:แจก)?(?:ลุค|ชุด)ของ[\u0e00-\u0e7f]+\s+|"
                            # Arabic and Persian: the looks of the wearers in the show ("إطلالات ليلى وثريا في …",
                            # "استایل سمیرا در …")
                            r"(?:إطلالة|إطلالات|لوك|ستايل|استایل|تیپ)\s+(?:\S+\s+){1,4}?(?:في|فى|در)\s+)(?=\S)")
# "Get the Bridgerton Look", "Love Island 2024", "Grachtengordel Geheimen S1": a look word, the edition's year or
# the season's letter after the name
_TRAILING_LOOK = re.compile(r"\s+(?i:looks?|outfits?)$|(?<=[^\W\d_])\s+(?:19|20)\d{2}$|\s+S\d{1,2}$")
# An episode named by its place in the show after the show's name ("Midtown Proof Pilot"): no part of it
_EPISODE_NAMED_AFTER = re.compile(r"(?<=[^\W\d_])\s+(?i:pilot|premiere|finale|season finale|series finale)$")
# A generic word for a series after a bracketed name ("【推しの子】ドラマ第2話")
_DRAMA_WORDS = frozenset(("ドラマ", "드라마", "电视剧", "電視劇", "日剧", "日劇", "韩剧", "韓劇", "drama", "dorama"))
# A name's possessive (also "Jonas’ gelbe Regenjacke") before up to two words and a garment or a look
_WHOSE_THINGS = re.compile(rf"\b[{LATIN_CAPITALS}][\w-]*(?:['’]s|s['’]|['’])\s+(?P<what>[\w-]+(?:\s+[\w-]+){{0,2}})")


def _after_the_garments(show: str) -> str:
    """The show after garments the title names before it, and a dash or a word for "in" ("Wilhelms stickade
    tröja – Young Royals", "Kebaya Dasiyah dan Blus Arum di Gadis Kretek")."""
    cuts = [m for m in _GARMENTS_END.finditer(show)
            if any(garment_word(w) for w in re.findall(r"[^\W\d_]+", show[:m.start()].casefold()))]
    rest = show[cuts[-1].end():].strip() if cuts else ""
    return rest if rest and _CAPITAL_WORD.match(" " + rest) and _usable(rest, set()) else show


_GARMENTS_END = re.compile(rf"\s+[–—-]\s+|\s+(?:in|di|aus|uit|em|en|i|w|z|från|fra|from)\s+(?=[{LATIN_CAPITALS}])")


def _whose_things(words: str) -> bool:
    """Whether the words name someone's garments or looks ("Mabel’s Coats", "Jonas’ gelbe Regenjacke")."""
    return any(garment_word(w) or w in _LOOK_WORDS
               for m in _WHOSE_THINGS.finditer(words) for w in m.group("what").casefold().split())


# A title part's words before its episode that say "the looks from" ("Die Outfits aus Staffel 4"): the show is
# the part before.
_LOOKS_FROM = re.compile(r"(?i:(?:die|the|all the|every|les|los|las|os|as|i|gli|le|de|alle)\s+)?(?i:outfits?|looks?|"
                         r"tenues?|kleding|kläder|stylizacje|estilismos?|roupas|visuais|kostüme|costumes?)\s+"
                         r"(?i:aus|from|of|in|de|da|do|di|dalla|van|uit|från|fra|z|ze|w|von|der|du|des)"
                         r"(?:\s+(?i:the|la|el|der|die|das|le|les|het))?")
_LOOK_WORDS = frozenset(("look", "looks", "outfit", "outfits", "style", "wardrobe", "clothes", "costume", "costumes"))


def _title_show_part(title: str) -> str | None:
    m = _SHOW_AFTER.search(title)
    if m and _NAMED_EPISODE.match(title, m.end()) and not _WHICH_EPISODE.search(m.group("show")):
        # "Belly's Outfits from the Fireworks Party Episode": the episode's name, not the show's (but
        # "from Yellowstone's Latest Episode" names the show)
        m = None
    # what the looks are from, after a show named before its episode, is a part of the episode: its title
    # ("Emily in Paris Season 3, Episode 1 Outfits: Every Look from “Coming or Going”"), a scene ("Love
    # Island Series 11, Episode 20: Every Outfit From the Heart Rate Challenge")
    before = _SHOW_BEFORE.search(_digits(title), 0, m.start()) if m is not None else None
    episode_title = before is not None and (m.group("show").lstrip()[:1] in _QUOTES
                                            or _usable(before.group("show").strip(), set()))
    if m and not EPISODE_WORDS.match(m.group("show")) and not _AN_EPISODE.search(m.group("show")) \
            and not _EPISODE_OPENING.match(m.group("show")) \
            and not episode_title:  # "Every Look From Episode 5", "in tonight's ep!!": no show
        return _unquoted(m.group("show"))
    m = _WORN_IN_SHOW.search(title)
    if m and _usable(m.group("show").strip(), set()):
        return _unquoted(m.group("show").strip())
    # the whole title, then each of its parts ("Maya's Wardrobe: Northbound S2 E5")
    parts = [title] + [p for p in TITLE_PARTS.split(title) if p != title]
    for i, part in enumerate(parts):
        m = _SHOW_BEFORE.search(_digits(part))
        tag = _LEADING_TAG.match(part) if m is None else None
        if tag and part[tag.end():].strip():  # "[드라마 속 패션] '달빛 세탁소' 3회": the blog's tag, then the show
            # (or the show in the brackets right before its episode: "[달빛정원] 7화")
            m = _SHOW_BEFORE.search(_digits(part[tag.end():])) \
                or _SHOW_BEFORE.search(_digits(f"{tag.group().strip(' 【】[]')} {part[tag.end():]}"))
        if m and i > 1 and _LOOKS_FROM.fullmatch(m.group("show").strip()) and _usable(parts[i - 1].strip(), set()):
            return _unquoted(parts[i - 1].strip())  # "Babylon Berlin: Die Outfits aus Staffel 4, Folge 3"
        # "Vite di Mare, i look di Giulia nella sesta puntata": the show before the looks after its comma
        show = (_LOOKS_AFTER_COMMA.sub("", m.group("show")) or m.group("show")) if m else ""
        if m and not WHO_WORE.search(show) and show.split()[-1].lower() not in _NOT_SHOW_END:
            worn = _WORN_IN.search(show)  # "Maya's Coat in Northbound Episode 4"
            whose = worn and (POSSESSIVE.search(show, 0, worn.start()) or GENITIVE_LOOK.match(show, 0, worn.start()))
            return _unquoted(worn.group("show") if whose else show)
    # "Hva hadde Ingrid på seg i episode 6 av Fjordlys?": the show after its episode's number
    m = _EPISODE_THEN_SHOW.search(_digits(title))
    if m and _usable(m.group("show") or m.group("show_of"), set()):
        return _unquoted(m.group("show") or m.group("show_of"))
    for part in parts[1:] or parts:  # "Northbound Fashion: What Maya Wore"
        m = _SHOW_FASHION.match(part)
        if m and not POSSESSIVE.search(m.group("show")) and _usable(m.group("show"), set()) \
                and m.group("show").split()[0].casefold() not in _NOT_SHOW_START:
            return _unquoted(m.group("show"))
    # a daily show's day ("What Drew Wore: The Drew Barrymore Show, January 14"), a fan wiki's name for its
    # show ("The Wild Brunch/Fashion | Gossip Girl Wiki | Fandom")
    for part in parts[1:]:
        m = _AIRED_ON.match(part) or _FAN_WIKI.match(part)
        if m and _usable(m.group("show"), set()) and not POSSESSIVE.search(m.group("show")):
            return _unquoted(m.group("show"))
    return None


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_AIRED_ON = re.compile(rf"^\s*(?P<show>[{LATIN_CAPITALS}][^:|(),]+?),?\s+(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\s*$")
_FAN_WIKI = re.compile(r"^\s*(?P<show>[^:|()]+?)\s+Wiki\s*$")


_QUOTES = frozenset("\"'“”‘’«»„「」『』《》")
_SHOW_FASHION = re.compile(r"^\s*(?P<show>[^:|()]+?)\s+(?:fashion|style|outfits?|looks?|wardrobe|clothes|costumes?)\s*$",
                           re.I)
_NOT_SHOW_START = frozenset(("best", "top", "new", "spring", "summer", "autumn", "fall", "winter", "holiday", "street",
                             "weekly", "daily", "our", "my", "your", "every", "all", "what", "how", "why", "shop",
                             "get", "the", "celebrity", "red", "party", "wedding", "work", "office", "travel"))


def _named_for_wearer(characters: list[str], taxonomy: list[str]) -> str | None:
    """A show named for its heroine, as the post's taxonomy writes it with its season ("Elsbeth Season 1")."""
    wearers = {c.casefold() for c in characters}
    for name in taxonomy:
        m = _EPISODE_SUFFIX.search(name)
        if m and m.start() > 0 and name[:m.start()].strip().casefold() in wearers:
            return name[:m.start()].strip()
    return None


def _without_wearer(show: str, characters: list[str], body: str) -> str | None:
    """The show without the wearer the title puts before it ("Olivia Pope - Scandal", "Keeley
    Jones, Ted Lasso", "Los looks de Lu en Élite")."""
    elsewhere = WHO_WEARS_ELSEWHERE.match(show)
    if elsewhere:
        rest = _IN_SHOW.match(show[elsewhere.end():])
        return rest.group(1) if rest else show
    m = _WEARER_FIRST.match(show)
    if m and (m.group("who") in characters or all(written_as_person(n, body) for n in each_name(m.group("who")))):
        return m.group("show")
    return show


_IN_SHOW = re.compile(r"\s+(?:in|en|dans|em|bei|im|on)\s+(\S.*)$", re.I)
_WEARER_FIRST = re.compile(rf"(?P<who>{NAME}(?:\s+{NAME})?)\s*(?:,|\s[–—-])\s+(?P<show>\S.*)$")
_WORN_IN = re.compile(r"\s(?:in|on|from|i|im|w|em)\s+(?P<show>\S.*)$", re.I)  # "Lisas outfit i Bonusfamiljen"


def _unquoted(show: str) -> str:
    """'Northbound' -> Northbound: titles often quote the show (also after a word: "ドラマ「silent」",
    "ドラマ【推しの子】")."""
    show = show.strip(" ,:-")
    if len(show) > 2 and show[0] in _QUOTES and show[-1] in _QUOTES:
        show = show[1:-1].strip()
    elif len(show) > 2 and show[0] in _DOUBLE_QUOTES and (close := _CLOSING.search(show, 1)) and close.start() > 1:
        show = show[1:close.start()].strip()  # a quoted name the sentence goes on after ("… Of "Nobody Wants This" Are …")
    m = _CORNER_QUOTED.fullmatch(show) or _ENDS_QUOTED.search(show)
    if m and m.re is _ENDS_QUOTED and (whose := _POSSESSIVE_END.search(show, 0, m.start())):
        return show[:whose.start()].strip()  # "The Bear’s “Forks”": the show's episode, named
    return m.group(1).strip() if m else show


_DOUBLE_QUOTES = frozenset('"“”«»„')
_CLOSING = re.compile(r'["”“»]')
# a sentence that ends in the quoted show ("Was Lena und Malin in „Nordlicht“", "… в сериале «Северный ветер»",
# "Modet i ”Skärgårdsnätter”")
_ENDS_QUOTED = re.compile(r"\s[„“”\"«‹]([^„“”\"«»‹›]{2,60})[“”\"»›]$")
_POSSESSIVE_END = re.compile(r"(?<=[^\W\d_])['’]s?\s*$")
_CORNER_QUOTED = re.compile(r"[^「」『』《》【】]{0,6}[「『《【]([^「」『』《》【】]+)[」』》】]")



def _clean_show(name: str) -> str:
    name = _EPISODE_SUFFIX.sub("", name).strip(" .,;:!?'’()|–—-")
    return re.sub(r"['’]s$", "", name)


_NAMES_THEN_SEASON = re.compile(rf"\s+(?:{_SEASON_WORD})\s*\d|\s+S\d{{1,2}}\s*E\d", re.I)
# An episode or a season in any language, by its number ("in Folge 8", "dans l'épisode 3")
_EPISODE_OPENING = re.compile(rf"\s*(?:l['’])?(?:{_SEASON_WORD}|{_EPISODE_WORD})\s*#?\d", re.I)
# Words that end in an episode's word name an episode ("tonight's ep!!", "this week's episode")
_AN_EPISODE = re.compile(r"\b(?:ep|eps|episodes?|folge|[ée]pisodes?|episodios?|puntata)\W*$", re.I)
# "Yellowstone's Latest (Episode)": the show's, then which of its episodes
_WHICH_EPISODE = re.compile(r"['’]s\s+(?:latest|newest|new|final|last|first|big|midseason|mid-season)$", re.I)


def _usable(name: str, exclude: set[str], uncased: bool = True) -> bool:
    """A name that can be a show: written as a proper name (capitals, or, where `uncased`, a script without case:
    "玫瑰的故事"), not only generic or garment words ("TV Fashion", "coats", "Leather Boots"), not a character,
    brand or the blog itself."""
    words = set(re.findall(r"[^\W\d_]+", name.casefold()))
    return bool(words) and len(name) <= 60 and any(c.isupper() or uncased and c.isalpha() and not c.islower()
                                                   for c in name) \
        and not words <= GENERIC | DESCRIPTORS and name.casefold() not in exclude \
        and name.casefold() not in _STREAMERS


# Where shows stream, tagged on posts beside the show: never a show
_STREAMERS = frozenset(("netflix", "videoland", "hbo", "hbo max", "max", "disney+", "disney plus", "prime video",
                        "amazon prime video", "amazon prime", "hulu", "peacock", "paramount+", "apple tv+", "apple tv",
                        "npo", "npo start", "npo plus", "viaplay", "svt play", "nrk tv", "tv 2 play", "dr tv", "shahid",
                        "osn+", "rtl+", "joyn", "zdf", "ard mediathek", "arte", "canal+", "movistar+", "atresplayer",
                        "globoplay", "star+", "crunchyroll", "viki", "iqiyi", "wetv", "tving", "wavve", "u-next", "tver",
                        "abema", "hotstar", "jiocinema", "zee5", "sonyliv", "bbc iplayer", "itvx", "channel 4", "now tv",
                        "stan", "binge", "showmax", "caracol play", "opto", "rtp play", "raiplay", "mediaset infinity",
                        "tabii", "blutv", "exxen", "gain", "vidio", "viu", "ch3plus", "line tv", "kktv", "friday影音"))


def _mentioned(name: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words, re.I) is not None


# When an episode aired is no show ("in This Week's Episode", "in Tonight's episode")
_WHEN = frozenset(("this week", "last week", "next week", "tonight", "last night", "today", "this weekend", "yesterday"))


# A post names its show near its start; a page of hundreds of thousands of characters (a comment thread
# kept in the body) is read no further than this.
_BODY_READ = 100_000


def _body_show(body: str, exclude: set[str], title: str = "") -> str | None:
    """A show the body names: one placed before a season or episode first, else the name
    most often found after "<Name>'s <garment> on" / "wore … in" (in a script without capitals, one the title
    writes too)."""
    exclude = exclude | CALENDAR | _WHEN
    body = body[:_BODY_READ]
    for m in chain(_SHOW_THEN_EPISODE.finditer(body), _EPISODE_THEN_SHOW.finditer(_digits(body))):
        name = _clean_show(m.group("show") or m.groupdict().get("set_off") or m.groupdict().get("show_of"))
        if _usable(name, exclude, uncased=_mentioned(name, title)):
            return name
    counts: dict[str, int] = {}
    for pattern in _SHOW_AFTER_WEARING:
        for m in pattern.finditer(body):
            name = _clean_show(m.group("show"))
            if _usable(name, exclude, uncased=_mentioned(name, title)):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None
