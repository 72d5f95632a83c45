"""Which characters a post dresses: the people whose garments it identifies.

From the title's forms ("What Maya Wore", "Maya's Looks", "les tenues de Camille", "第5話 みくりの衣装"),
else a part of the title that is only names the body writes as people; then picture captions ("Maya
(Jane Doe) wears …"), section headings over the garments ("Maya's Look", a bare "Maya"), lines that
open with a name ("<b>Lola</b>: vestido rojo", "Natalia: marynarka Reserved"), a table's character
column and the garments' possessives ("Maya's boots"), in the post's languages
(docs/architecture.md, "Blog posts").
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain, islice, takewhile
from urllib.parse import urlsplit

from street2shop.crawler.blog.dom import CAPITALS, HEADINGS, LATIN_CAPITALS, NOT_POSSESSOR, POSSESSIVE, Stream, text, unaccented
from street2shop.crawler.blog.garments import CJK, label
from street2shop.crawler.blog.maker_names import MAKERS
from street2shop.crawler.blog.name_cases import (cjk_episode_wearers, cjk_name, cjk_owner, cjk_title_owners,
                                                 garment_owners, looks_of, names_cjk_garment)
from street2shop.crawler.blog.resolve import destination_param
from street2shop.crawler.blog.tables import row_wearer
from street2shop.crawler.blog.vocabulary import (CALENDAR, CALLS, DESCRIPTORS, EPISODE_WORDS, GARMENTS, GENERIC,
                                                TITLE_PARTS, garment_word)

# Title forms of such posts: "What Maya and Leo Wore in Harbour Lane Season 1 Episode 2",
# "Harbour Lane S01E05: What Dana Wore", "Get the Look: Rosa's Outfits in The Copper Kettle …",
# "What Clara Wore in Episode 7 of Salt Flats".
WHO_WORE = re.compile(r"\b(?:what|every (?:outfit|look)|all the (?:outfits|looks))\s+(?P<who>[A-Z][^:|]*?)\s+"
                      r"(?:wore|wears|is wearing)\b", re.I)  # also "Every Outfit Chrishell, Emma, Bre & Mary Wore"
# "Every Outfit Worn by Maya in ...", "Dressed Like Maya: ..."
_WORN_BY = re.compile(r"\b(?i:worn\s+by|dressed\s+like|dress\s+like)\s+"
                      r"(?P<who>[A-Z][\w-]*(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w-]*)*)")
_WHO_LOOKS = re.compile(NOT_POSSESSOR + r"(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w-]*)*)"
                        r"['’](?:s|n?[ıiuü]n)\s+"  # Turkish "Seyran'ın Kıyafetleri"
                        r"(?:[\w-]+\s+){0,2}"  # "Ivy's Thrifted Looks", "Gwen's Courtroom Outfit", "…'s most wearable looks"
                        r"(?i:outfits?|looks?|style|fashion|wardrobe|clothes|kıyafet\w*|kombin\w*|stili|tarzı)\b")
# The same in other languages: "Was trägt Lena?", "Les tenues de Camille", "los looks de Inés",
# "i look di Giulia".
# "and" between names in the languages posts are written in ("Wilhelm och Felice", "Maeve i Aimee",
# "Maddy vs. Cassie")
_AND = r"(?:and|&|\+|und|et|y|e|och|og|i|ve|dan|vs\.?|versus)"  # not nl "en": es/fr "in"
# A person's name of up to three words, a particle between them ("Maria de Fátima", "Serena van der Woodsen")
_PERSON = (rf"[{LATIN_CAPITALS}А-ЯЁ][\w'’-]*(?:[ \t]+(?:(?:de|da|do|dos|das|di|del|della|van|von|der|den|la|le)[ \t]+){{0,2}}"
           rf"[{LATIN_CAPITALS}А-ЯЁ][\w'’-]*){{0,2}}")
WHO_WEARS_ELSEWHERE = re.compile(
    r"(?i:\b(?:was|das) trägt\s+|\b(?:die |de )?(?:outfits?|looks?) v[oa]n\s+|"  # de "von", nl "van"
    r"\b(?:les |la |le )?(?:tenues?|looks?)(?: \w+)? (?:de\s+|d['’]\s*)|"  # "le look rock d’Andréa"
    r"\b(?:los |las |el |la )?(?:looks?|outfits?|ropa|estilismos?) de\s+|\b(?:i |gli |il )?(?:look|outfit) di\s+|"
    r"\bvad (?:bär|bar|hade)\s+|\bco (?:nosi|nosiła|miała na sobie)\s+|"
    r"\bqué (?:lleva|llevaba|llevó)\s+|\bcosa (?:indossa|indossava)\s+|"
    r"\b(?:os |o )?(?:looks?|visuais|visual|roupas?|estilos?) d[ao]s?\s+|"  # pt "os looks da Maeve"
    # pl "w co ubrane były Kinga, Magda i Ula", ru "во что одеты Антон, Кира и Лиза"
    r"\bw co (?:(?:ubran[aey]|ubrany) (?:był[aoy]?|były)|(?:był[aoy]?|były) (?:ubran[aey]|ubrany))\s+|"
    r"(?<!\w)во что (?:был[аи]? )?одет[аы]?\s+)"
    rf"(?P<who>{_PERSON}(?:(?:,\s*|\s+(?:{_AND}|и)\s+)(?:(?:da|do|de|di|del|della)\s+)?{_PERSON})*)")
# Dutch "wat droegen Wednesday en Enid?", where "en" joins the names (elsewhere it is a preposition: "Lu en Élite")
# The look word, the wearer, then where: "Outfit Dasiyah di Gadis Kretek", "Looks Maya in Northbound"
_LOOK_OF_NAME_IN = re.compile(rf"^\s*(?i:outfits?|looks?|busana|gaya|tenues?)\s+(?P<who>{_PERSON}(?:(?:,\s*|\s+{_AND}\s+)"
                              rf"{_PERSON})*)\s+(?i:di|in|en|em|dans|im|from)\s+[{LATIN_CAPITALS}]")
_DUTCH_WHO = re.compile(r"\bwat (?:draagt|droeg|droegen)\s+"
                        rf"(?P<who>[{LATIN_CAPITALS}][\w-]*(?:(?:,\s*|\s+(?:en|&)\s+)[{LATIN_CAPITALS}][\w-]*)*)")
# The preposition repeated before each name of such a list ("da Maeve, da Aimee e da Ruby").
_OF = re.compile(rf"(,\s*|\s+{_AND}\s+)(?:da|do|de|di|del|della)\s+(?=[{LATIN_CAPITALS}])")

NAME = rf"[{CAPITALS}][\w'’-]+"
# "Maya (Jane Doe)"; a full name where the text opens with it ("Emily Cooper (Lily Collins) in a coat"), not
# the words before a name in a sentence ("W odcinku Przyjaciółek Zuza (Magdalena Stużyńska)")
_ACTOR = rf"\s*\((?:played by\s+)?{NAME}(?:\s+(?:(?:de|da|do|dos|das|di|del|van|von|der|den)\s+)?{NAME}){{1,3}}\)"
_PLAYED_BY = re.compile(rf"(?P<who>(?:{NAME}\s+)?{NAME}){_ACTOR}")
# a kinship word written small before a name ("iaia Montse", "nonna Pina", "tía Lola")
_KIN_BEFORE = r"(?:iaia|avi|àvia|tieta|tiet|tia|tio|tía|tío|abuela|abuelo|nonna|nonno|zia|zio|babcia|dziadek|ciocia|wujek|" \
              r"teta|strýc|tante|oma|opa|avó|avô|vovó|vovô|dona|dom)"
def _nickname(who: str) -> str:
    """A nickname in quotes inside a full name is the name the post goes by ("Beatriz 'Bia' Alencar" -> Bia)."""
    m = _QUOTED_NICKNAME.search(who)
    return m.group(1) if m else who


_QUOTED_NICKNAME = re.compile(rf"(?:^|['‘\"“])([{LATIN_CAPITALS}][\w-]+)['’\"”](?=\s|$)")  # also the name's opening quote cut off
_GIVEN_BEFORE = re.compile(rf"(?:^|(?<=[ \t]))({NAME})[ \t]+$")
_PARTICLE_BEFORE = re.compile(rf"[{LATIN_CAPITALS}][\w'’-]+\s+(?:(?:de|la|del|van|von|da|di|du|der|den|dos|das|le|ten|ter)\s+)+$")
# A caption that opens with a name and its actor in a script without capitals (Arabic, Persian, Hebrew,
# Devanagari, Thai)
_UNCASED = r"[\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]+"
_PLAYED_BY_UNCASED = re.compile(rf"\s*(?P<who>{_UNCASED}(?:\s+{_UNCASED})?)\s*[(（]{_UNCASED}(?:\s+{_UNCASED}){{0,3}}[)）]")
# a line that is the name and its actor and nothing else, a name of three words ("Charlotte York Goldenblatt
# (Kristin Davis)")
# (also after a title's abbreviation or a kinship word written small, or before one: "D. Amélia", "La iaia Montse",
# "Erzsi néni")
_PLAYED_BY_LINE = re.compile(rf"(?P<who>(?:[{CAPITALS}][a-zà-ÿ]{{0,3}}\.\s+|(?:(?i:la|el|en)\s+)?{_KIN_BEFORE}\s+)?"
                             rf"(?:{NAME}\s+){{0,2}}{NAME}(?:\s+(?:néni|bácsi))?){_ACTOR}")
# "Maya wears", "Katja bär en kappa", "Natalia ma na sobie", "Maya in a …"; German "Helga im Kamelhaarmantel"
# only before a garment's word (not "Helga im Büro")
_WEAR_VERB = (r"(?:wears|wore|is wearing|was wearing|wearing|sports|rocks|in (?:a|an|the|her|his|their)|"
              r"trägt|trug|porte|portait|arbore|lleva|llevaba|luce|lució|viste|vestía|indossa|indossava|"
              r"sfoggia|usa|usava|usou|bär|bärer|bærer|har på sig|hade på sig|har på seg|draagt|droeg|"
              r"nosi|nosiła|ma na sobie|miała na sobie|giyiyor|giydi)\b"
              # (not before its subject: "Daaronder droeg ze …", "Darunter trug sie …" open with an adverb)
              r"(?!\s+(?:ze|zij|hij|sie|er|hon|han|she|he|they|elle|il|ella|él|ela|ele|lei|lui|ona|on)\b)")
_WEARS = re.compile(rf"^(?P<who>{NAME}(?:(?:\s*,\s*|\s+{_AND}\s+){NAME}){{0,3}})\s+(?:\([^)]{{0,60}}\)\s+)?"
                    rf"(?:{_WEAR_VERB}|"
                    r"(?:im|in (?:einem|einer|ihrem|ihrer|seinem|seiner))\s+(?P<garment>[^\W\d_]+))")
# A full name opening the sentence ("Seema Patel wore a gold sequin jumpsuit"), where the post also writes its
# given name alone: not an opening phrase ("Beim Shooting trägt …") nor an actor's name
_FULL_NAME_WEARS = re.compile(rf"^(?P<who>{NAME}\s+{NAME})\s+{_WEAR_VERB}")
# The verb before its subject, as verb-second languages put it after an opening word ("Dazu trägt Charlotte
# einen Glockenhut", "Sedan bär Lisa en kappa", "Daarna draagt Sam een jas").
_WEARS_AFTER = re.compile(rf"\b(?:trägt|trug|bär|bærer|draagt|droeg)\s+(?P<who>{NAME})\s+"
                          r"(?:einen|eine|ein|ihren|ihre|ihr|seinen|seine|sein|en|ett|et|ei|sin|sitt|sina|sine|een|"
                          r"haar|zijn)\b")
# "Emma Hernan", "Serena van der Woodsen"
_FULL_NAME = rf"{NAME}(?:\s+(?:(?:van|von|der|den|de|da|di|del|della|la|le)\s+){{0,2}}{NAME})?"
_BARE_NAMES = re.compile(rf"{_FULL_NAME}(?:(?:\s*,\s*|\s+{_AND}\s+){_FULL_NAME}){{0,3}}")
# a wiki's edit link after its section's heading ("Blair Waldorf [edit]")
_EDIT_LINK = re.compile(r"\s*\[[^\[\]]{1,40}\]$")
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
                        "she", "he", "they", "it", "everyone", "everybody", "nobody", "someone", "we", "i", "you",
                        # a page's and a card's words ("Buy", "Related", "Women's Jeans"), an opening adverb
                        "buy", "related", "women", "men", "kids", "girls", "boys", "guys", "ladies", "cast",
                        "islanders", "sotto", "invece", "earlier", "later", "meanwhile", "afterwards", "finally", "hosts", "co-hosts", "contestants", "presenters", "judges",
                        "panelists", "panellists", "couples", "housewives", "finalists",
                        # who, in a table's heading ("Quién lleva qué", "Wer trägt was")
                        "who", "quién", "quien", "qui", "wer", "chi", "quem", "vem", "hvem", "wie", "kto", "kim",
                        # adverbs that open a sentence before its verb in verb-second languages ("Dazu trägt
                        # Charlotte …", "Sedan bär Lisa …") and their kin elsewhere
                        "dazu", "dann", "hier", "heute", "außerdem", "zudem", "darunter", "darüber", "dabei", "auch",
                        "später", "danach", "jetzt", "nun", "hierzu", "här", "sedan", "nu", "då", "också", "dessutom",
                        "så", "her", "daarna", "dan", "ook", "verder", "ici", "ensuite", "puis", "aquí", "aqui",
                        "luego", "después", "depois", "qui", "poi", "tutaj", "potem", "teraz", "także",
                        "daaronder", "daarover", "daarbij", "daarnaast", "eronder", "underneath", "confusingly",
                        "meanwhile", "however", "naturally", "obviously", "honestly", "basically", "sadly",
                        "luckily", "unfortunately", "interestingly", "surprisingly", "finally",
                        "dr", "mr", "mrs", "ms", "prof"}) | CALLS  # an honorific alone is nobody, nor a link's label


#: Languages that write a name's genitive with a bare "s" ("Charlottes Kleid", "Saras kappa"): on their
#: pages, and only there, "<Name>s <word>" says whose the thing is.
_BARE_GENITIVE = frozenset(("de", "sv", "da", "no", "nb", "nn", "is", "nl"))


def _page_language(tree) -> str:
    """The primary language subtag the page declares on <html> ("pt-BR" -> "pt"), "" when none."""
    html = tree.getroottree().getroot()
    lang = html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.strip().split("-")[0].split("_")[0].casefold()


def read_characters(title: str, body: str, stream: Stream, items, tree) -> list[str]:
    """The people whose garments the post identifies, the title's first, then those its captions,
    headings, lines and garments name; one name a person. `body` is the text of `stream`, `tree`
    the page (its declared language)."""
    heads = [text(el).strip(" :") for el in stream.elements
             if el.tag in HEADINGS or (el.tag in ("b", "strong") and _opens_line(el))]
    # a section headed by the name alone or by whose look it is ("El look de Sonia", "Maya's Look")
    sections = {h.casefold() for h in heads} | {n.casefold() for h in heads for n in _look_names(h)}
    language = _page_language(tree)
    genitive = language in _BARE_GENITIVE
    named = _title_characters(title, body, genitive) or _title_names(title, body, sections, genitive)
    if language in ("pl", "ru"):  # "stylizacje Natalii i Moniki", "образы Даши": names in the genitive
        named = named or _people(looks_of(title, title + " " + body, language))
        named = named + _genitive_owners(stream, title + " " + body, language)
    if CJK.search(title):
        named = named + _cjk_owners(stream, title)
    named = named + [m.group("who") for m in _THAI_OWNER.finditer(title) if m.group("who") not in _THAI_PRONOUNS]
    if language in _NOUN_FIRST:  # "فستان نور", "Kebaya Dasiyah": the garment, then whose
        named = named + [who for el in stream.elements if el.tag in HEADINGS
                         for who in _owner_after_garment(text(el), title)]
    named = named + _title_named_sections(stream, title)
    actors = _actors(f"{title} {body}") | _authors(tree)
    found = _same_people(_without_lead_words([n for n in named + _other_characters(stream, items, genitive)
                                              if not _garment_heading(n) and n.casefold() not in actors]),
                         f"{title} {body}")
    # a Korean given name and its familiar ending where the post writes the name without it ("사랑이", "사랑 씨")
    found = [n[:-1] if _HANGUL_FAMILIAR.fullmatch(n) and re.search(rf"{n[:-1]}(?!이)", body) else n for n in found]
    if language in _CASE_LANGUAGES:  # "Moniki" beside "Monika": one person, in another case
        found = [n for i, n in enumerate(found)
                 if not any(" " not in n and " " not in m and m != n and _inflected(n, m) for m in found[:i])]
    # a link's label is nobody ("SIMILAR (ASOS Design)" read as a name and its actor)
    return list(dict.fromkeys(n for n in (_as_written(n, body) for n in found) if " " in n or label(n) is None))


# Languages whose names take case endings (Polish "Moniki", Finnish "Ainon", Czech "Báry", Russian "Даши")
_CASE_LANGUAGES = frozenset(("pl", "cs", "sk", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "fi", "et", "hu", "tr",
                             "lt", "lv", "el"))


# Who the post names as a character's actor: "Emily (Lily Collins)", "Hannah Waddingham as Rebecca", "童瑶饰演的顾佳",
# "김지원이 연기한 홍해인", "שירה האס בתפקיד רוחמי". An actor is no wearer of their own where a caption or the title
# names them ("Lily Collins in a checked blazer", "김지원 패션").
_ACTOR_OF = re.compile(rf"{NAME}\s*\((?:played by\s+)?(?P<bracketed>{NAME}(?:\s+{NAME}){{1,3}})\)|"
                       rf"(?P<before_as>{NAME}(?:\s+{NAME}){{1,3}})\s+(?:as|als|come|como|comme)\s+{NAME}|"
                       r"(?P<cjk>[\u4e00-\u9fff]{2,4})(?:饰演|飾演|扮演)的?|(?P<ko>[가-힣]{2,4}?)[이가]?\s*연기한|"
                       r"(?P<he>[\u0590-\u05ff]+(?:\s+[\u0590-\u05ff]+)?)\s+בתפקיד")


def _authors(tree) -> set[str]:
    """Who wrote the post (its meta author, JSON-LD author, byline): no wearer, as a blogger pictured in her own
    look inspired by a show ("Ava Leigh in a pink puff sleeve dress")."""
    root = tree.getroottree().getroot()
    names = {m.get("content") or "" for m in root.iter("meta") if (m.get("name") or "").lower() == "author"}
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text and "author" in script.text:
            names.update(m.group(1) for m in _LD_AUTHOR.finditer(script.text))
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("rel") == "author" or _BYLINE.search(el.get("class") or "")):
            names.add(text(el).strip())
    # a full name only: a blogger called Irene may write about a character called Irene
    return {n.strip().casefold() for n in names if 2 < len(n.strip()) < 60 and " " in n.strip()}


_LD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*)?"([^"]{3,60})"')
# (not a commenter's "comment-author")
_BYLINE = re.compile(r"(?<![\w-])(?!comment)(?:[\w-]*[-_])?(?:author|byline)(?:[-_]?name)?(?![\w-])", re.I)


_ACTOR_WORDS = ("(", " as ", " als ", " come ", " como ", " comme ", "饰演", "飾演", "扮演", "연기한", "בתפקיד")
_ACTOR_REACH = 80  # characters around each word: a name and its actor's, not a page-long run of capitals


def _actors(words: str) -> set[str]:
    """Read only around the words that say it: a post's whole body costs a scan of every capitalised run."""
    found = set()
    for key in _ACTOR_WORDS:
        at = words.find(key)
        while at >= 0:
            start = words.find(" ", max(0, at - _ACTOR_REACH)) + 1 if at > _ACTOR_REACH else 0
            for m in _ACTOR_OF.finditer(words, start, at + len(key) + _ACTOR_REACH):
                found.add(next(g for g in m.groups() if g).casefold())
            at = words.find(key, at + len(key))
    return found


# Thai's "garment of name" in a title, written without spaces: "ชุดของมายด์ & เสื้อเชิ้ตของภูมิ"
_THAI_OWNER = re.compile(r"(?:ชุด|เสื้อ[\u0e00-\u0e7f]{0,6}?|กระโปรง|กางเกง|รองเท้า|กระเป๋า|เดรส|แจ็คเก็ต|โค้ท|หมวก)ของ"
                         r"(?P<who>[\u0e00-\u0e7f]{2,12})(?=\s|$|[&,/|()])")
_THAI_PRONOUNS = frozenset(("เรา", "ฉัน", "เขา", "เธอ", "คุณ", "ผม", "แบรนด์"))
# Languages that name a garment's owner right after it, without a particle (Arabic, Hebrew, Persian, Malay and
# Indonesian)
_NOUN_FIRST = frozenset(("ar", "he", "fa", "id", "ms"))


def _owner_after_garment(heading: str, title: str) -> list[str]:
    """A heading that is a garment's word and a name the title also writes ("فستان نور", "Blus Arum")."""
    words = heading.split()
    if len(words) != 2 or not garment_word(words[0].casefold()):
        return []
    who = words[1]
    if garment_word(who.casefold()) or who.casefold() in DESCRIPTORS or _no_name(who) \
            or (re.match(r"[A-Za-z]", who) and not who[0].isupper()):
        return []  # not "Blus linen", "فستان أحمر" where the title says no such name
    return [who] if re.search(rf"(?<!\w){re.escape(who)}(?!\w)", title) else []


def written_in_full(characters: list[str], words: str) -> set[str]:
    """The full names the words write one-word characters with ("Penelope Featherington" for Penelope), lower
    case: a wearer's name, never the show's."""
    return {m.group().casefold() for c in characters if " " not in c
            for m in re.finditer(rf"(?<!\w){re.escape(c)}\s+{NAME}", words)}


def _as_written(name: str, body: str) -> str:
    """The name as the post writes it: an initial keeps its period ("Helly R."), a Japanese name
    loses its honorific ("ミヤビ先生" is ミヤビ)."""
    name = _HONORIFIC.sub("", name) or name
    name = _CJK_LABEL_END.sub("", name) or name  # "李李同款": 李李 (the label that follows her name)
    if re.search(r"(?:^|\s)[A-Z]$", name) and re.search(rf"(?<!\w){re.escape(name)}\.", body):
        return name + "."
    return name


_HONORIFIC = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff])(?:先生|さん|様|さま|ちゃん|くん|君|氏)$")
_CJK_LABEL_END = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff])(?:同款|平替|类似款|類似款|相似款|同じ)$")


def _cjk_owners(stream: Stream, title: str) -> list[str]:
    """Whose garments headings and lines with links name in Japanese, Korean or Chinese ("★紬のコート",
    "<h3>우영우 원피스</h3>")."""
    names: list[str] = []
    for el in stream.elements:
        heading = el.tag in HEADINGS
        if not (heading and _links_under(stream, el)) and not (el.tag in ("p", "li") and _linked_line(el)):
            continue
        lines = [text(el)] if heading else [w for w, _ in _broken_lines(el)]
        for line in lines:
            who = cjk_owner(line, title)
            if who and who not in names:
                names.append(who)
    return names


def _linked_line(el) -> bool:
    """A line with a link, or a bold lead line ("<p><strong>【顾佳 连衣裙】</strong></p>") with one in the next
    lines."""
    if el.find(".//a[@href]") is not None:
        return True
    bold = next(el.iter("b", "strong"), None)
    if bold is None or text(bold).strip() != text(el).strip():
        return False
    return any(sib.tag == "a" and sib.get("href") or sib.find(".//a[@href]") is not None
               for sib in islice((s for s in el.itersiblings() if isinstance(s.tag, str)), 3))


def _genitive_owners(stream: Stream, known: str, language: str) -> list[str]:
    """Whose look a heading or line names, or whose garment, in the genitive ("Stylizacja Zuzy", "пальто Даши")."""
    names: list[str] = []
    for el in stream.elements:
        if el.tag in HEADINGS or el.tag in _PROSE or el.tag in ("b", "strong"):
            words = text(el)
            names += _people(looks_of(words, known, language) + garment_owners(words, known, language))
    return names


def _people(names: list[str]) -> list[str]:
    return [n for n in names if not _no_name(n) and not _is_maker(n)]


def _opens_line(el) -> bool:
    """A bold element that heads its line ("<p><b>ARIA</b><br>…"), not a word in bold inside a sentence
    ("In Folge 3 von <strong>Babylon Berlin</strong> ist es …")."""
    prev = el.getprevious()
    if prev is not None:
        return prev.tag == "br" and not (prev.tail or "").strip()
    parent = el.getparent()
    return parent is None or not (parent.text or "").strip()


each_name = re.compile(rf"\s*,\s*|\s+(?:{_AND}|и)\s+").split  # "Maya, Leo and Dana", "Lidia y Carlota", "Кира и Лиза"


def _title_characters(title: str, body: str, genitive: bool) -> list[str]:
    m = (WHO_WORE.search(title) or _WHO_LOOKS.search(title) or _WORN_BY.search(title)
         or WHO_WEARS_ELSEWHERE.search(title) or _DUTCH_WHO.search(title) or _LOOK_OF_NAME_IN.search(title))
    if m and (_SEASON_NEXT.match(title, m.end()) or _GROUP.match(m.group("who"))):
        # "Looks de Élite: temporada 3, capítulo 5": the looks of a show's episode; "What the Kitchen Wore": a group
        m = None
    if m:
        who = _OF.sub(r"\1", m.group("who").strip())
        if m.re is _DUTCH_WHO:
            who = re.sub(r"\s+en\s+", ", ", who)
        return [_given_and_family(c) for c in map(_name_alone, each_name(who)) if c and c.casefold() not in _NOT_NAMES]
    m = _EVERY_LOOK.search(title)  # "Every Carrie Outfit, Identified", "Every Kendall Roy Outfit"
    given = m.group("who").split()[0] if m else ""
    if m and not _no_name(given) and re.search(rf"\b{re.escape(given)}\b", body):
        return [m.group("who")]
    if genitive:  # "Wilhelms, Felices och Saras kläder", "Lisas outfit i Bonusfamiljen"
        again = body.replace(title, " ")
        # "Resis Dirndl, Flos Janker": each garment's wearer in the genitive, written again in the body
        names = _genitive_looks(title, body) or [n for n in _bare_genitives(title)
                                                 if re.search(rf"\b{re.escape(n)}s?\b", again)]
        if names:
            return names
    m = _FINNISH_LOOKS.search(title)  # fi "Ainon ja Ilmarin asut": their genitives before the outfits
    if m:
        names = [n[:-1] for n in each_name(m.group("who").replace(" ja ", " and ")) if n.endswith("n")]
        if names and all(re.search(rf"\b{re.escape(n)}\b", body.replace(title, " ")) for n in names):
            return names
    listed = (cjk_episode_wearers(title) or cjk_title_owners(title)) if CJK.search(title) else []
    if listed:
        return listed
    # a character's garment named in the title ("Northbound S2E5: Maya's Leather Coat", "Shiv Roy's Coat"), or the
    # garments the title says are someone's, each written again in the body ("o casaco da Leonor e a camisa do Vasco")
    again = body.replace(title, " ")
    return _whose_garments(title) or [n for n in garments_of(title) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", again)]


_GROUP = re.compile(r"(?i:the|die|der|les|los|las|gli|le|de)\s")
_SEASON_NEXT = re.compile(r"\s*[:,–—-]?\s*(?:season|series|episode|ep\.?\s*\d|staffel|folge|saison|[ée]pisode|temporada|"
                          r"cap[ií]tulo|episodio|stagione|puntata|seizoen|aflevering|s[äa]song|avsnitt|s[æa]son|afsnit|"
                          r"sezon|odcinek|b[öo]l[üu]m|S\d{1,2}\s*E\d|\d{1,2}x\d|第)", re.I)
_FINNISH_LOOKS = re.compile(r"(?P<who>[A-ZÄÖ][a-zäö]+n(?:(?:\s*,\s*|\s+ja\s+)[A-ZÄÖ][a-zäö]+n)*)\s+"
                            r"(?:asut|asu|asusteet|vaatteet|tyyli|lookit|look|puvut)\b")
_EVERY_LOOK = re.compile(rf"\b(?i:every|all(?: of)?)\s+(?P<who>{NAME}(?:\s+{NAME})?)(?:['’]s)?\s+"
                         r"(?i:outfits?|looks?|costumes?)\b")


def _genitive_looks(words: str, body: str) -> list[str]:
    """The names of "<Name>s looks" (a list of them too), each of which the body writes again, alone or
    in the genitive: "Lisas outfit" over "Lisas kavaj är från Filippa K"."""
    m = _GENITIVES_LOOK.search(words)
    if not m:
        return []
    names = [n[:-1] for n in each_name(m.group("who")) if n]
    again = body.replace(words, " ")  # the body may open with the title itself
    ok = all(len(n) > 2 and not _no_name(n) and not _plain_word(n + "s") and re.search(rf"\b{n}s?\b", again)
             for n in names)
    return names if ok else []


_GENITIVES_LOOK = re.compile(rf"(?P<who>[A-ZÄÖÅÆØ][a-zäöåæøüé]+s(?:(?:\s*,\s*|\s+{_AND}\s+)[A-ZÄÖÅÆØ][a-zäöåæøüé]+s)*)"
                             r"\s+(?i:looks?|outfits?|stil|style|kläder|klær|tøj|kleider|kleidung|garderob\w*)\b")


def _owners(words: str) -> list[str]:
    """The possessives a garment's words say of a garment, a look or an outfit, or that are all of them ("Maya's
    boots", "Maya's:"; "After a season of Ali's suits, Rue …" holds Ali's; "Lexi's play is a costume show" none)."""
    found = POSSESSIVE.findall(words)
    bare = POSSESSIVE.fullmatch(words.strip(" :–—-"))  # "Maya's:" before her links
    return [who for who in found if bare or who in _whose_garments(words)
            or re.search(rf"\b{re.escape(who)}['’]\w*\s+(?:\w+\s+)?(?i:looks?|outfits?|style|wardrobe)\b", words)]


def _whose_garments(words: str) -> list[str]:
    """Whose garment the words name: "Maya's Leather Coat", "Look 1: Carrie’s floral maxi dress"."""
    return [_given_and_family(m.group("who")) for m in _WHOSE_GARMENT.finditer(words)
            if any(garment_word(w) for w in m.group("what").casefold().split())]


# (also Turkish's genitive after its apostrophe: "Seyran’ın Elbisesi", "Ferit’in Ceketi")
_WHOSE_GARMENT = re.compile(rf"(?P<who>(?:[A-Z][a-z]+\s+)?{NOT_POSSESSOR}[A-ZÇĞİÖŞÜ][a-zçğıöşü]+)"
                            r"(?:['’]s|(?<=s)['’]|['’]n?[ıiuü]n)\s+"
                            # (up to the next one's name: "Donna’s Coat and Rachel’s Dress")
                            r"(?P<what>(?:(?![\w-]+['’])[\w-]+\s+){0,2}[\w-]+\b(?!['’]))")


def _name_alone(who: str) -> str:
    """The name without the words of the title that follow it ("Camille Saison 2" -> "Camille")."""
    words = who.split()
    n = next((i for i, w in enumerate(words) if i and (_SEASON_NEXT.match(w) or w.isdigit() or _no_name(w))),
             len(words))
    while n > 1 and words[n - 1].islower():  # a particle left at the end
        n -= 1
    return " ".join(words[:n])


def _with_given_name(family: str, lines: list[str], known, makers) -> str:
    """The person a possessive's family name belongs to, by the given name a line writes before it
    ("Emma Hernan's blazer", where the post calls her Emma): that given name where the post names her
    so too; else the family name as it stands (not a maker's name before it: "Madewell Georgia's")."""
    for line in lines:
        m = re.search(rf"\b([A-Z][a-z]+)\s+{re.escape(family)}(?:['’]|s\b)", line)  # also "Gereon Raths Mantel"
        if m is None:
            continue
        given = m.group(1)
        if _no_name(given) or given.casefold() in makers:
            return family
        alone = re.compile(rf"\b{given}\b(?!\s+{re.escape(family)})")
        return given if given in known or any(alone.search(t) for t in lines) else family
    return family


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
    # a bracket's words are a part of their own ("todos los looks del capítulo 2 (Sonia, Nico y Omar)")
    parts = [*TITLE_PARTS.split(_BRACKETED.sub(" ", title)), *_BRACKETED.findall(title)]
    for part in parts:
        part = _BEFORE_EPISODE.sub("", part)  # "Maeve and Aimee in Season 3, Ep. 4"
        if EPISODE_WORDS.search(part):
            continue  # the show's part ("Emily in Paris Season 3"), whatever names it holds
        part = _PART_TAIL.sub("", part.strip())
        if not _FULL_NAMES.fullmatch(part):
            # names after the words of a language that says "looks of" first ("stylizacje Maeve i
            # Aimee"): only where each heads a section of the post
            tail = _NAMES_AT_END.search(part)
            names = [n for n in each_name(tail.group("who")) if n] if tail else []
            if names and all(n.casefold() in sections for n in names):
                return names
            continue
        names = [n for n in each_name(part) if n]
        if any(_GENITIVE_MARK.search(n) or any(garment_word(w.casefold()) for w in n.split()[1:]) for n in names):
            continue  # "Ceylin’in Ceketi ve Ilgaz’ın Kabanı", "Merles Jeansjacke & Janniks Karohemd": their garments
        # one of them written as a person ("Blair's headbands"), the others at least named in the body
        if names and (any(written_as_person(n, body, genitive) for n in names)
                      and all(re.search(rf"\b{re.escape(n.split()[0])}\b", body) for n in names)
                      or all(n.casefold() in sections for n in names)):
            return names
    return []


_BRACKETED = re.compile(r"\s*[(（\[]([^()（）\[\]]{2,60})[)）\]]")


def written_as_person(name: str, body: str, genitive: bool = False) -> bool:
    """The body gives the name a possessive ("Blair's", where the language has it "Wilhelms tröja") or a
    verb of wearing ("Serena wore", "Felice bär")."""
    given = name.split()[0]
    if _no_name(given):
        return False
    owns = r"['’]s\b|s\s+[^\W\d_]" if genitive else r"['’]s\b"
    # an adverb may stand between ("Carmela invece sfoggia", "Maya also wears")
    if re.search(rf"\b{re.escape(given)}(?:\s+{NAME})?(?:{owns}|(?:\s+[^\W\d_{LATIN_CAPITALS}][^\W\d_]*)?\s+{_AS_PERSON})", body):
        return True
    # a garment "of" the name in a language that says so: "la robe noire de Sylvie", "la giacca di Rosa"
    return given in garments_of(body, alone=False)


def garments_of(words: str, alone: bool = True, maker_ok=None) -> list[str]:
    """The names a garment is "of" in a language that says so: "la robe noire de Sylvie", "la giacca di
    Rosa", "o boné do Doni", "le blazer d'Inès"; `alone`: a name no capitalised word follows (not "vestido de
    Carolina Herrera"); a maker's name only where `maker_ok` says it is a person's too."""
    out = []
    for m in _GARMENT_OF.finditer(words):
        if alone and _CAPITAL_NEXT.match(words, m.end()):
            continue
        what = m.group("what").casefold().split()
        who = m.group("who")
        if (any(garment_word(w) for w in what) or " ".join(what).endswith(_LOOKS)) and not _COPULA & set(what) \
                and not _no_name(who) \
                and (not _is_maker(who) or (maker_ok is not None and maker_ok(who))):
            out.append(who)
    return out


def _opens_a_sentence(name: str, body: str) -> bool:
    """The body opens a sentence with the name and a lower-case word: "Chloé arrive au mariage …" (a character
    named like a maker)."""
    return re.search(rf"(?:^|[.!?]\s+){re.escape(name)}\s+[^\W\d_{LATIN_CAPITALS}]", body) is not None


# A look "of" someone ("trang phục của Lụa", "les tenues de Chloé") as a garment is
_LOOKS = ("trang phục", "look", "looks", "outfit", "outfits", "tenue", "tenues", "costume", "costumes")
# "O vestido é da Farm", "la robe est de Sézane": the garment's maker, not its wearer
_COPULA = frozenset(("é", "est", "es", "è", "era", "foi", "fue", "sont", "son", "sono", "são", "ist", "is", "was"))


# (also vi "áo khoác của Thảo", he "השמלה של נועה", a script without capitals)
_GARMENT_OF = re.compile(r"(?P<what>(?:[^\W\d_]+\s+){1,3})(?:(?:de|di|da|do|del|della|của|של)\s+|d['’]\s*)"
                         rf"(?P<who>[{LATIN_CAPITALS}][^\W\d_]+|[\u05d0-\u05ea]{{2,}})\b")
_CAPITAL_NEXT = re.compile(rf"[ \t]+[{LATIN_CAPITALS}]")


_BEFORE_EPISODE = re.compile(r"\s+(?:in|from|im|en|dans|em)\s+"
                             r"(?=(?i:season|series|episode|ep\b|S\d|staffel|saison|temporada)).*$")
_GENITIVE_MARK = re.compile(rf"['’][^\W\d_{LATIN_CAPITALS}]")  # "Ceylin’in", "Blair's"; not "O’Brien"
_PART_TAIL = re.compile(r"(?:\s+(?:in|at|on|from|for)\s+.*|\s+(?i:outfits?|looks?|style|fashion|wardrobe))$")
_NAMES_AT_END = re.compile(rf"(?<=[^\W\d_{LATIN_CAPITALS}] )(?P<who>{NAME}(?:(?:\s*,\s*|\s+{_AND}\s+){NAME}){{0,3}})$")
_FULL_NAMES = re.compile(rf"{NAME}(?:\s+{NAME})?(?:(?:\s*,\s*|\s+{_AND}\s+){NAME}(?:\s+{NAME})?){{0,3}}")


def _other_characters(stream: Stream, items, genitive: bool) -> list[str]:
    """Names the captions give ("Maya (Jane Doe) wears …", "Tess wears …"), then those the
    garments' own words give ("Maya's boots"), in post order."""
    names: dict[str, None] = {}
    seeds: set[str] = set()  # the names headings give, with garments under them or not
    lowercase = _written_in_lowercase(stream)
    prose_text = cache(lambda: " ".join(text(p) for p in stream.elements if p.tag in _PROSE))  # read when needed
    for el in stream.elements:
        if el.tag == "figcaption" or _CAPTION.search(el.get("class") or ""):
            for name in _caption_names(text(el)) or _pictured(text(el)) or _played_as(text(el)):
                names[name] = None
        elif el.tag == "img" and el.get("alt"):  # a scene's alt text: "Veronica Lodge in a black coat"
            for name in _caption_names(el.get("alt")) or _pictured(el.get("alt")) or _played_as(el.get("alt")):
                names[name] = None
        elif el.tag in HEADINGS:
            body = prose_text()
            # ("Lenas Mantel" on a German page: Lena's coat, not a "Lenas Mantel")
            found = (_bare_genitives(text(el)) if genitive else []) or _heading_names(text(el), body, genitive) \
                or _whose_garments(text(el)) \
                or garments_of(text(el), maker_ok=lambda who: _opens_a_sentence(who, body))  # "La robe de Chloé"
            seeds.update(found)  # it shows which headings name people, whatever it identifies
            if _links_under(stream, el):  # not "<h3>Jana</h3><p>Jana's jas konden we niet vinden.</p>"
                for name in found:
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
    for name in _cast_lines(stream) + _sibling_sections(stream, set(names) | seeds, items, lowercase):
        names[name] = None
    makers = {b.casefold() for i in items for b in (i.brand, *(link.brand for link in i.links)) if b}
    prose = None
    for item in items:
        owners = _owners(item.text) + (_bare_genitives(item.text) if genitive else [])
        # (a look-alike's link that opens with a possessive names its maker: "<a>Babaton’s Sculpt Knit midi</a>")
        alike = [link.text or "" for link in item.links if link.kind == "alternative"]
        for name in owners:
            # (nor the end of one, a garment's words cut before it: "Free People's halter jumpsuit")
            if not any(m.startswith(name.casefold()) or m.endswith(" " + name.casefold()) for m in makers) \
                    and not any(t.startswith(name) for t in alike):  # "vintage Levi’s" is the maker's
                prose = prose if prose is not None else [text(p) for p in stream.elements if p.tag in _PROSE]
                names[_with_given_name(name, prose, names, makers)] = None
    # then those the prose names with their actor ("Zuza (Magdalena Stużyńska)") or says wear something
    # ("Gwen wears a charcoal suit. Meanwhile Hector wears ..."), the latter where the post identifies it: a
    # link on the line, a maker named, or a garment of the post's ("a peacoat" beside "Peacoat: <a>Sandro</a>");
    # not "Roman trug wie immer seine Anzüge" in a post without them
    identified = {w for i in items for w in _LETTERS(i.text.casefold()) if garment_word(w)}
    for el in stream.elements:
        if el.tag in _PROSE:
            links = [a.get("href") or "" for a in el.iter("a")]
            # the shops the line links to, through an affiliate's wrapper, and the links' own words
            shops = " ".join([urlsplit(destination_param(href) or href).hostname or "" for href in links]
                             + [text(a).casefold() for a in el.iter("a")])
            for sentence in _SENTENCE.split(text(el)):
                wearing = bool(links) or _names_identified(sentence, identified)
                # (a name and its actor alone say nothing of their clothes: "עקיבא (מיכאל אלוני) ממשיך לצייר";
                # unless the line is a picture's caption: Blogger's "<p><i>Kym Okafor (…) in the office</i></p>")
                for name in (_caption_names(_LEAD_IN.sub("", sentence), wearing=wearing)
                             if wearing or _captions_a_picture(el) else ()):
                    if not _plain_word(name):
                        names[name] = None  # not "Shoes wore out fast"
                full = _FULL_NAME_WEARS.match(_LEAD_IN.sub("", sentence)) if wearing else None
                if full:
                    given = full.group("who").split()[0]
                    if not _plain_word(given) and _said_alone(given, full.group("who"), prose_text()) >= 1:
                        names[full.group("who")] = None
                # "Já o boné do Doni não encontramos, mas <a>este é parecido</a>"; not "Blusa da <a>Farm</a>" at
                # farmrio.com.br
                for name in garments_of(sentence) if links else ():
                    if name.casefold() not in shops:
                        names[name] = None
    return list(names)


_LETTERS = re.compile(r"[^\W\d_]+").findall


def _captions_a_picture(p) -> bool:
    """A line set as a picture's caption: right after the picture, or all of it in italics."""
    before = p.getprevious()
    if before is not None and (before.tag == "img" or next(before.iter("img"), None) is not None):
        return True
    kids = [c for c in p if isinstance(c.tag, str)]
    return len(kids) == 1 and kids[0].tag in ("i", "em") and text(kids[0]).strip() == text(p).strip()


def _names_identified(sentence: str, garments: set) -> bool:
    """The sentence names a known maker ("a black Mugler dress") or one of the `garments` the post links."""
    words = _LETTERS(sentence.casefold())
    return any(w in garments for w in words) or any(
        w in _MAKERS or f"{w} {v}" in _MAKERS for w, v in zip(words, words[1:] + [""]))


def _garment_heading(name: str) -> bool:
    """Words of two or more that end in a garment's word, read as a name where a language capitalises its nouns
    ("Der Mantel", "Die Regenjacke" heading German sections)."""
    words = name.split()
    return len(words) > 1 and garment_word(words[-1].casefold(), possessed=False)  # "Bre Tiesi" is a name


def _title_named_sections(stream: Stream, title: str) -> list[str]:
    """Bare names heading two or more sections of one level with links under them, each written in the title,
    also in a case or a possessive form ("Ainon ja Eetun vaatteet" over "Aino" and "Eetu", "Bářin kabát a
    Ondrova bunda" over "Bára" and "Ondra")."""
    words = {unaccented(w).casefold(): w for w in _LETTERS(title)}
    by_level: dict[str, list[str]] = {}
    for el in stream.elements:
        if el.tag not in HEADINGS:
            continue
        name = _HEADING_ARTICLE.sub("", _EDIT_LINK.sub("", text(el)).strip(" :–—-|#"))  # "O Davi", "Η Δάφνη"
        key = unaccented(name).casefold()
        if _ONE_NAME.fullmatch(name) and name[0].isupper() and not _no_name(name) and not _is_maker(name) \
                and any(_inflected(w, key) for w in words) and _links_under(stream, el):
            # as the title writes it where it can ("MADDY" over her section, "Maddy" in the title)
            by_level.setdefault(el.tag, []).append(words.get(key) or (name.title() if name.isupper() else name))
    return [n for names in by_level.values() if len(set(names)) >= 2 for n in dict.fromkeys(names)]


_ONE_NAME = re.compile(r"[^\W\d_][\w'’-]+")  # in any alphabet ("Δάφνη")
# the article some languages put before a name ("O Davi", "A Iara", "Η Δάφνη", "Ο Στέλιος")
_HEADING_ARTICLE = re.compile(r"^(?:O|A|\u0397|\u039f)\s+(?=[^\W\d_])")
_CASE_ENDING = 4  # letters a case or possessive ending adds: fi "Aino" "Ainon", cs "Ondra" "Ondrova"


def wearer_form(words: str, characters: list[str]) -> bool:
    """One word that is a wearer's name in a case ending ("Zosi", "Haliny" for Zosia, Halina) and no listed maker's."""
    key = unaccented(words).casefold()
    names = [unaccented(c).casefold() for c in characters if " " not in c]
    # (also the name without its final vowel: pl "Zosi" of Zosia)
    return " " not in words.strip() and not _is_maker(words) and any(
        key != name and (_inflected(key, name) or len(name) > 3 and name[-1] in "aeiouy" and key == name[:-1]) for name in names)


def _inflected(word: str, name: str) -> bool:
    """`word` is `name`, or `name` with a case or possessive ending, its final vowel dropped or not."""
    stem = name[:-1] if len(name) > 3 and name[-1] in "aeiouy" else name
    return word == name or word.startswith(stem) and 0 < len(word) - len(stem) <= _CASE_ENDING


def _links_under(stream: Stream, heading) -> bool:
    """A link between the heading and the post's next heading of its level or above (an "<h3>とわ子の衣装</h3>"
    holds the "<h4>ワンピース</h4>" sections under it)."""
    start = stream.end[id(heading)]
    level = heading.tag[1:]
    end = next((stream.start[id(el)] for el in stream.elements
                if el.tag in HEADINGS and el.tag[1:] <= level and stream.start[id(el)] >= start), len(stream.tokens))
    return any(stream.tokens[i].kind == "link" for i in range(start, end))


def _bare_genitives(words: str) -> list[str]:
    """"Katjas klänning", "Helgas Mantel", "Charlottes Paillettenkleid": a name in the genitive before a
    garment (a compound ending in one), on a page whose language writes it so; not a maker ("Levis
    jeans", "Vans sneakers") nor a garment in the plural ("Jeans Jacke")."""
    out = []
    for who, what in _BARE_GENITIVE_WORD.findall(words):
        what = what.casefold()
        if not garment_word(what):
            continue
        if _no_name(who) or _plain_word(who + "s") or (who + "s").casefold() in _MAKERS \
                or who.casefold() in _MAKERS or _adjective_es(who):
            continue
        if who not in out:
            out.append(who)
    return out


def _adjective_es(who: str) -> bool:
    """"Pinkes Tüllkleid", "Schwarzes Kleid", "Kariertes Flanellhemd": an adjective's neuter ending (a participle's
    too: "kariert", "gestreift", "bestickt"), not a name's genitive."""
    stem = who.casefold()[:-1] if who.endswith("e") else ""
    return stem in DESCRIPTORS or stem in _GERMAN_ADJECTIVES or re.search(r"(?:iert|[fkgbp]t)$", stem) is not None


_GERMAN_ADJECTIVES = frozenset("rot blau grün gelb schwarz weiß weiss grau braun lila rosa bunt kurz lang neu weit "
                               "eng klein groß gross hell dunkel schlicht edel warm leicht schön".split())
# (a colour or another lower-case word may come between: "Noors gele regenjas", "Katjas röda klänning")
_BARE_GENITIVE_WORD = re.compile(r"\b([A-ZÄÖÅÆØ][a-zäöåæøüé]{2,})s\s+(?:[a-zäöåæøüéß]+\s+)?([^\W\d_]+)")
_MAKERS = frozenset(re.sub(r"['’]", "", m.casefold()) for m in MAKERS)  # "Levi's" as "levis"


def _is_maker(name: str) -> bool:
    return re.sub(r"['’]", "", name.casefold()) in _MAKERS


def _sibling_sections(stream: Stream, known: set[str], items, lowercase: bool) -> list[str]:
    """Bare names heading garment sections beside a heading already read as a character's, at the same
    level ("Georgia" over "Georgia’s blazer", then "Ginny" and "Maxine" over their links)."""
    headings = [el for el in stream.elements if el.tag in HEADINGS]
    ends = [stream.start[id(el)] for el in headings[1:]] + [len(stream.tokens)]
    garment_words = [i.text for i in items if i.text]
    sections = []
    for el, end in zip(headings, ends):
        words = _EDIT_LINK.sub("", text(el)).strip(" :–—-|#")  # a theme's anchor link: "taylor #"
        words = words.capitalize() if lowercase and " " not in words else words  # "taylor"
        if not _BARE_NAMES.fullmatch(words):
            continue
        names = each_name(words)
        if any((_no_name(n) or _plain_word(n)) and n not in known for n in names):
            continue  # a known name that is also a word ("Chelsea", a caption's role) still heads its section
        start = stream.end[id(el)]
        said = stream.text(start, end)
        garments = any(t.kind == "link" for t in stream.tokens[start:end]) and (
            GARMENTS & set(re.findall(r"[^\W\d_]+", said.casefold())) or any(g in said for g in garment_words))
        sections.append((el.tag, names, bool(garments)))
    levels = {tag for tag, names, _ in sections if all(n in known for n in names)}
    return [n for tag, names, garments in sections if tag in levels and garments for n in names if n not in known]


def _cast_lines(stream: Stream) -> list[str]:
    """The names of lines "<Name>: <garment> … <link>" ("Natalia: marynarka Reserved – ta sama", also after a
    dash: "Valentina Ríos – vestido rojo", and headings over their links), where
    the post has such lines for two people, or heads a section with the one name or writes it as a
    person elsewhere ("Carrie's"); not
    "Coat:", a label or a maker ("Zara: linen shirt")."""
    lines = []
    for el in stream.elements:
        # a line with its link, or a heading over the links ("<h2>Noa Barak – denim jacket</h2>")
        if not ((el.tag in ("li", "p") and el.find(".//a[@href]") is not None)
                or (el.tag in HEADINGS and _links_under(stream, el))):
            continue
        m = _CAST_LINE.match(text(el))
        if not m or not GARMENTS & set(re.findall(r"[^\W\d_]+", m.group("rest").casefold())) or _in_product_card(el):
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
            if who.casefold() in headings or written_as_person(who, everything.replace(line, " "))]


def _in_product_card(el) -> bool:
    """A product card's own line ("<h4 class='kg-product-card-title'>Lemari Lila — Kebaya Encim</h4>"): its maker
    and its product, no wearer."""
    return any(_PRODUCT_CARD.search(e.get("class") or "") for e in islice(chain((el,), el.iterancestors()), 4))


_PRODUCT_CARD = re.compile(r"product[-_ ]?(?:card|box|tile|item)", re.I)
_CAST_LINE = re.compile(rf"^\s*(?P<who>{NAME}(?:\s+{NAME})?)\s*(?:[:：]|\s[–—-])\s+(?P<rest>\S.*)$", re.S)


def _look_names(words: str) -> list[str]:
    """The names of a whole line that says whose look follows: "Maya's Look", "Look da Maeve"."""
    m = _WHO_LOOKS.fullmatch(words) or WHO_WEARS_ELSEWHERE.fullmatch(words)
    if not m:
        return []
    return [n for n in each_name(_OF.sub(r"\1", m.group("who"))) if n and n.casefold() not in _NOT_NAMES]


def _written_in_lowercase(stream: Stream) -> bool:
    """A post written in lower case, as many Tumblr posts are ("<b>rory:</b> grey cable knit"): most of
    its lines open in lower case, and its names are lower case too."""
    firsts = [m.group() for el in stream.elements if el.tag in ("p", "li")
              for m in [_FIRST_LETTER.search(text(el))] if m]
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
    if not (own.endswith((":", "：")) or (bold.tail or "").lstrip().startswith((":", "：", "–", "—", "-"))):
        return None
    name = own.strip(" :：")
    if cjk_name(name):  # "<strong>玲子</strong>：丝绒旗袍，品牌：例外 <a>淘宝同款</a>"
        words = " ".join([bold.tail or "", *(text(e) + " " + (e.tail or "") for e in rest)])
        return name if names_cjk_garment(words) and any(e.tag == "a" or e.find(".//a") is not None for e in rest) \
            else None
    if lowercase and re.fullmatch(r"[a-zà-ý][\w'’-]+", name) and name not in _MAKERS:
        name = name.capitalize()
    if not re.fullmatch(rf"{NAME}(?:\s+{NAME})?", name) or _no_name(name.split()[0]) \
            or garment_word(name.casefold(), possessed=False) or name.casefold() in DESCRIPTORS or label(name) \
            or any(garment_word(part) for part in name.casefold().split("-")[1:]):
        return None  # not "Coat:", "Samt-Haarreif:", "Raitamekko:", nor "Splurge:" / "Exact:" before a link
    links = [text(a) for e in rest for a in e.iter("a")]
    said = set(re.findall(r"[^\W\d_]+", " ".join([bold.tail or "", *(e.tail or "" for e in rest), *links]).casefold()))
    named = any(t and (t[0].isupper() or re.sub(r"['’]", "", t.casefold()) in _MAKERS) and t != name for t in links)
    return name if links and (said & GARMENTS or named) else None


def _worn_by(words: str) -> list[str]:
    """"Worn by: Harriett, Mimii and Nicole" in the post's words."""
    return [n for m in _WORN_BY_LINE.finditer(words) for n in each_name(m.group("who")) if n]


# (id "yang dipakai Dasiyah", nl "gedragen door", pt "usado por", pl "noszony przez")
_WORN_BY_LINE = re.compile(r"\b(?i:worn\s+by|getragen\s+von|porté(?:e|s|es)?\s+par|llevad[oa]s?\s+por|"
                           r"indossat[oaie]\s+da|usad[oa]s?\s+por|vestid[oa]s?\s+por|gedragen\s+door|"
                           r"noszon[aey]\s+przez|(?:dipakai|dikenakan)(?:\s+oleh)?)\s*:?\s+"
                           rf"(?P<who>[{LATIN_CAPITALS}][\w-]*(?:(?:,\s*|\s+{_AND}\s+)[{LATIN_CAPITALS}][\w-]*)*)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# (and their kin where a post opens a sentence so: Indonesian "Kalau Dimas (Rizky Fadhlan) …", "Sementara Laras …")
_LEAD_IN = re.compile(r"^(?:meanwhile|then|later|here|and|but|also|again|finally|first|next|"
                      r"kalau|kalo|jika|sementara|sedangkan|lalu|terus|nah|adapun|untuk|kemudian),?\s+", re.I)


#: A word before a name that is no part of it: a call to shop ("Shop Mel's Outfit") or an age
#: ("Teen Shauna", "Adult Shauna": one character at two ages).
_LEAD_WORD = re.compile(r"^(?:shop|get|steal|copy|buy|recreate|teen|young|younger|adult|older|little|baby|"
                        # a personal article before a name (Catalan "la Martina", "en Pere", "l'Oriol")
                        rf"la|el|en)\s+(?=[{LATIN_CAPITALS}])|^l['’](?=[{LATIN_CAPITALS}])", re.I)


def _same_people(names: list[str], words_of_post: str = "") -> list[str]:
    """One name a person: "Alex Levy" beside "Alex" (or "Levy") is the same person, named as the post
    calls them on their own, unless the post writes the full name more often ("Delia Marsh" all
    through, "Marsh" once)."""
    names = [_POSSESSIVE_END.sub("", n) for n in names]  # "Richie's in a suit": Richie
    # a Korean full name (family name, then given name) where the post calls the person by the given name alone
    # (as the post writes it more often: "홍해인" in every heading beside a "해인이" or two keeps the full name)
    names = [n[1:] if _HANGUL_FULL_NAME.fullmatch(n) and len(re.findall(rf"(?<!{n[0]}){n[1:]}", words_of_post))
             >= len(re.findall(n, words_of_post)) else n for n in names]
    alone = set(names)
    called: dict[str, str] = {}  # a full name and each of its words -> how the post calls that person
    for short in dict.fromkeys(names):  # in the post's order: the same answer on every run
        # a short form of a one-word name ("Syd" beside "Sydney"), as the post writes that person more often
        if " " not in short and len(short) >= 3:
            full = next((n for n in names if n != short and " " not in n and n.startswith(short)), None)
            if full:
                more = max((short, full), key=lambda n: (_said(n, words_of_post), n == full))
                called[short] = called[full] = more
    for name in names:
        if " " in name:
            words = name.split()
            short = next((w for w in words if w in alone), None)
            if short is None and words_of_post and _said_alone(words[0], name, words_of_post) >= 2:
                short = words[0]  # "Assane Diop (Omar Sy)" once, "d'Assane" all through: the given name
            chosen = called.get(name) or (short if short and _said_alone(short, name, words_of_post)
                                          >= _said(name, words_of_post) else name)
            for key in (name, *words):
                called.setdefault(key, chosen)  # "Chen" beside "Mindy Chen" and "Mindy" is Mindy
    out: list[str] = []
    for name in names:
        name = called.get(name, name)
        if name not in out:
            out.append(name)
    return out


_POSSESSIVE_END = re.compile(r"(?<=\w\w)['’]s$")
_HANGUL_FULL_NAME = re.compile(r"[가-힣]{3}")
_HANGUL_FAMILIAR = re.compile(r"[가-힣]{2,3}이")


def _said(name: str, words: str) -> int:
    """How often the words write the name, a genitive's too ("Shivs Look", "Shiv's")."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?:s|['’]s?)?(?!\w)", words))


def _said_alone(part: str, name: str, words: str) -> int:
    """How often the post writes one word of a full name without the rest of it."""
    return _said(part, words) - _said(name, words)


def _without_lead_words(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = _LEAD_WORD.sub("", name)
        if name not in out:
            out.append(name)
    return out


# A heading that asks after someone: "And Yanis?", "E Carmela?", "¿Y Omar?"
_ASKED_ABOUT = re.compile(rf"^[¿]?(?:and|et|e|y|und|en|och|og|ve)\s+(?=[{LATIN_CAPITALS}])|\s*[?？]+$", re.I)


def _heading_names(heading: str, body: str, genitive: bool) -> list[str]:
    """A section heading that names whom the garments under it are for: "Maya's Look", "Maya (Jane
    Doe)", or a bare "Maya" / "Maya & Leo" that the body also writes as a person ("Maya's", "Maya
    wore"); "Paris" or "Outerwear" as a heading are not."""
    heading = _ASKED_ABOUT.sub("", _EDIT_LINK.sub("", heading).strip(" :–—-|"))  # "Et Yanis Belkacem ?", "E Carmela?"
    heading = _LEADING_MARKS.sub("", heading)  # "🌊 林知夏（宋以宁 饰）", "👗 น้ำฝน (มิ้นท์ ชนิดา)"
    m = _PLAYED_BY_LINE.fullmatch(heading)
    if m:
        return [n for n in each_name(m.group("who")) if n.casefold() not in _NOT_NAMES]
    m = _UNCASED_NAME_AND_ACTOR.fullmatch(heading)
    who = m.group("who") if m else ""
    if m and (not _HAN.match(who) or cjk_name(who)) and who.casefold() not in _NOT_NAMES:
        return [who]  # a name and its actor in a script without capitals
    looks = _look_names(heading) or _look_heading(heading, body)
    if looks:
        return looks
    m = GENITIVE_LOOK.fullmatch(heading)  # "Shivs Look", "Lisas outfit": the name the body writes alone
    if m and not _plain_word(m.group("who")) and m.group("who").casefold() not in _NOT_NAMES \
            and re.search(rf"\b{m.group('who')}\b(?!['’])", body):
        return [m.group("who")]
    if not _BARE_NAMES.fullmatch(heading):
        return []
    names = each_name(heading)
    if any(n.casefold() in _NOT_NAMES or _plain_word(n) for n in names):
        return []
    return names if all(written_as_person(n, body, genitive) for n in names) else []


_LEADING_MARKS = re.compile(r"^[^\w(（]+(?=\w)")
_HAN = re.compile(r"[\u4e00-\u9fff가-힣\u3040-\u30ff]")
_UNCASED_NAME_AND_ACTOR = re.compile(rf"(?P<who>[\u4e00-\u9fff]{{2,4}}|[가-힣]{{2,4}}|"
                                     rf"[\u3040-\u30ff\u4e00-\u9fff]{{2,6}}|{_UNCASED}(?:\s+{_UNCASED})?)"
                                     r"\s*[(（][^()（）]{2,40}[)）]")
# A heading that says whose look follows, in the posts' other languages and scripts: the look's word before the
# name ("إطلالة مريم", "استایل سمیرا", "הלוק של רוחמי", "ลุคของกอหญ้า", "Образ Діани", "Το στυλ της Πηνελόπης",
# "Trang phục của Yoon Se Ri", "Gaya Arum") or after it ("तारा का लुक", "홍해인 패션", "顾佳同款"); a garment after a
# colon or the actor in brackets may follow.
_LOOK_THEN_NAME = re.compile(
    r"(?:(?:إطلالة|إطلالات|لوك|ستايل)\s+(?P<ar>[\u0600-\u06ff]{2,20})|(?:استایل|تیپ|لوک)\s+(?P<fa>[\u0600-\u06ff]{2,20})|"
    r"ה?לוק\s+של\s+(?P<he>[\u0590-\u05ff]{2,20})|(?:ลุค|ชุด|แฟชั่น)ของ(?P<th>[\u0e00-\u0e7f]{2,12})(?=[\s:：(（]|$)|"
    r"(?i:образ|стиль)\s+(?P<ru>[А-ЯІЇЄҐЁ][а-яіїєґё'’-]+)|"
    r"(?i:το\s+)?(?i:στυλ|λουκ|ντύσιμο)\s+(?:της|του)\s+(?P<el>[Α-ΩΆ-Ώ][^\s:()]+)|"
    rf"(?i:trang phục|phong cách)\s+của\s+(?P<vi>{NAME}(?:\s+{NAME}){{0,2}})|"
    rf"(?i:gaya|busana)\s+(?P<id>{NAME}(?:\s+{NAME}){{0,2}})|"
    r"(?P<hi>[\u0900-\u097f]{2,20})\s+(?:का|की)\s+(?:लुक|स्टाइल|अंदाज़|फैशन)|"
    r"(?P<ko>[가-힣]{2,4})\s*(?:패션|착장|코디|스타일|의상)|(?P<zh>[\u4e00-\u9fff]{2,4}?)(?:同款|穿搭))"
    r"\s*(?:[:：(（\-–—].*)?")
# Genitive endings of the scripts above and the nominative each comes from ("Діани" of "Діана", "Πηνελόπης" of
# "Πηνελόπη"): the form the body writes is the name.
_NOMINATIVE = (("ии", "ия"), ("ії", "ія"), ("и", "а"), ("ы", "а"), ("і", "а"), ("ης", "η"), ("ας", "α"), ("ου", "ος"))


def _look_heading(heading: str, body: str) -> list[str]:
    m = _LOOK_THEN_NAME.fullmatch(heading.strip())
    if m is None:
        return []
    script, who = next((k, v) for k, v in m.groupdict().items() if v)
    if script in ("ru", "el"):
        who = next((who[: -len(end)] + nom for end, nom in _NOMINATIVE if who.endswith(end)
                    and re.search(rf"(?<!\w){re.escape(who[: -len(end)] + nom)}(?!\w)", body)), who)
    if script == "ko" and who.endswith("의"):
        who = who[:-1]  # the particle ("오늘의 코디": today's outfit, nobody's)
    if script in ("ko", "zh") and not cjk_name(who):
        return []
    return [] if who.casefold() in _NOT_NAMES or garment_word(who.casefold()) else [who]


# A name's genitive without an apostrophe (de, sv, da, no) before its look.
GENITIVE_LOOK = re.compile(r"(?P<who>[A-ZÄÖÅÆØ][a-zäöåæøüé]+)s\s+(?i:looks?|outfits?|stil|style|kläder|klær|tøj|"
                           r"garderob\w*|kleider|kleidung)\b")


def _plain_word(name: str) -> bool:
    """A word of the trade ("Outerwear", "Shoes"), not a name."""
    return name.casefold() in GENERIC or name.casefold() in DESCRIPTORS


def _pictured(caption: str) -> list[str]:
    """The full name a picture's caption opens with, where it places the person ("Emily Thorne
    at the charity gala", "Victoria Grayson on the terrace")."""
    m = _PICTURED.match(caption)
    return [m.group("who")] if m and not any(_no_name(w) for w in m.group("who").split()) else []


def _played_as(caption: str) -> list[str]:
    """The role a caption names after its actor: "Aimee Lou Wood as Chelsea" (Chelsea)."""
    m = _PLAYED_AS.search(caption)
    # the role's name even where it is also a word ("as Chelsea", not Chelsea boots)
    return [m.group("who")] if m and m.group("who").casefold() not in _NOT_NAMES else []


_PLAYED_AS = re.compile(rf"^(?:{NAME}\s+){{1,3}}(?:as|als)\s+(?P<who>{NAME}(?:\s+{NAME})?)\b")  # nl/de "als"
_PICTURED = re.compile(rf"^(?P<who>{NAME}\s+{NAME})\s+(?:at|on|in|arriving|leaving|during|with)\b")


def _caption_names(caption: str, wearing: bool = True) -> list[str]:
    """Who the words name with their actor, then (`wearing`) who they say wears something."""
    # not a maker before its model's name: "Eastpak (Padded Pak’r)"
    # (nor a name the brackets repeat: "de El Corte Inglés (<a>El Corte Inglés</a>)", a shop and its link)
    whole = _PLAYED_BY_LINE.fullmatch(caption.strip())
    found = [(m.start(), m.group("who")) for m in ([whole] if whole else _PLAYED_BY.finditer(caption))
             if not _is_maker(m.group("who")) and m.group("who") not in m.group()[len(m.group("who")):]
             and not _PARTICLE_BEFORE.search(caption, 0, m.start())]  # "Paulina de la Mora (…)": no "Mora"
    # a garment's word before a genitive name in a language that writes it so ("Sweter Natalii (Aleksandra Skraba)")
    found = [(at, _nickname(who.split(maxsplit=1)[1] if " " in who and garment_word(who.split()[0].casefold())
                            else who)) for at, who in found]
    # a full name of three words before its actor in a sentence ("Carla Rosón Caleruega (Ester Expósito)"): the given
    # name opens it, not "Rosón Caleruega"
    found = [(at, (before.group(1) + " " + who) if " " in who and (before := _GIVEN_BEFORE.search(caption, 0, at))
              and not garment_word(before.group(1).casefold()) else who) for at, who in found]
    uncased = _PLAYED_BY_UNCASED.match(caption)  # "سلمى (دانة القاسم) …", "तारा खन्ना (शोभिता धुलिपाला)"
    if uncased:
        found.append((0, uncased.group("who")))
    m = _WEARS.search(caption) if wearing else None
    if m and (m.group("garment") is None or garment_word(m.group("garment").casefold())):
        found += [(m.start(), who) for who in each_name(m.group("who"))]
    if wearing:
        found += [(m.start(), m.group("who")) for m in _WEARS_AFTER.finditer(caption)]
    return [who for _, who in sorted(found) if who.casefold() not in _NOT_NAMES]
