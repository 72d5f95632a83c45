"""The brand of a garment when the post names it. Only what is said while the exact item is
in question counts: an alternative's maker is not the garment's."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from street2shop.crawler.blog.dom import LATIN_CAPITALS, Stream, is_credit, lines, squash, text, unaccented
from street2shop.crawler.blog.garments import CALL_TO_ACTION, CJK, CJK_CHARS, POSSESSIVE, Group, label, maker_name
from street2shop.crawler.blog.maker_names import AMBIGUOUS, MAKERS, RETAILERS
from street2shop.crawler.blog.resolve import destination_param
from street2shop.crawler.blog.tables import row_maker
from street2shop.crawler.blog.vocabulary import CALLS, DESCRIPTORS, UNKNOWN, garment_word
from street2shop.crawler.extract.labels import opening_words_spelled

#: "by" and its like in the languages posts are written in.
BY_WORDS = (r"by|from|von|van|par|di|de chez|"
            # a brand word, also with its country after it ("de la marca colombiana Studio F")
            r"(?:de la marque|de la marca|della marca|da marca|der marke|van het merk)(?:\s+(?-i:[a-zà-ÿ]+))?|"
            r"från|fra|signée?|"
            r"firmat[oa]|od|marki|"  # pl "botki od Vagabond", "sweter marki Reserved"
            # "is from" where "de"/"da"/"di" alone also says whose: "o vestido da Aline é da Farm Rio", "es de Coach",
            # "il giubbotto di Eva è di Bershka"
            r"(?:é|são|es|son)\s+(?:da|do|de)|(?:è|sono)\s+di|"
            r"(?:jest|są)\s+z")  # pl "Sweter Marty jest z Mohito"
_BY = re.compile(rf"\b(?:{BY_WORDS})\s+(?=\S)", re.I)
_COPULA = re.compile(r"(?:é|são|es|son|è|sono)\s", re.I)
_NAME_JOINERS = frozenset({"&", "and", "de", "del", "di", "da", "van", "von", "der", "la", "le", "of", "+",
                           "by"})  # "Marc by Marc Jacobs", "See by Chloé"
_BRAND_CLASS = re.compile(r"(?:^|[\s_-])brand(?:-?name)?(?:$|[\s_-])", re.I)


def brand(stream: Stream, group: Group, garment: str) -> str | None:
    """In order of trust: a class="brand" element, a table row's maker cell, a brand label ("Brand: Sandro"),
    a name in brackets after the garment ("(Ann Taylor)"), "… by <Brand>" or "is <Brand>", the name after the
    garment and a dash ("Slip dress – Sable & Thread") or after the garment's word ("marynarka Reserved"), a
    name on its own line before an exact link ("Zara" above "Buy"), a bold name, the exact link's own words,
    and for a bare "Shop the dress" the maker the prose before it names."""
    exact_ids = {id(t.el) for t in group.exact_tokens}
    row = group.blocks[0][0]
    cards = _look_alike_cards(group)  # a look-alike's card says its own maker ("(brand: PRETTYGARDEN)")
    span = [t for t in stream.tokens[group.start:group.end] if not cards or not _in_any(t.el, cards)]
    name = (_brand_element(stream, group, exact_ids)
            or (row_maker(row) if row.tag == "tr" else None)
            or next(filter(None, map(_labelled_brand, lines(span))), None)
            or _official_store(group)
            or (listed_opening(garment) if _has_exact(group) else None)
            or _bracketed(garment)
            or _transliterated([garment, *lines(group.exact_tokens)])
            # a name said in prose runs on into the model's ("is the Buffalo Classic Low"); one
            # that ends its clause or line is whole ("Blazer - Dustline Denim")
            or _without_model(next(filter(None, map(_by_name, lines(group.exact_tokens))), None)
                              or next(filter(None, map(_is_name, lines(group.exact_tokens))), None))
            or _after_garment(garment)
            or _labelled_product(garment)
            or _after_garment_word(garment, group)
            or _name_line(stream, group, garment)
            or _bold_name(stream, group, exact_ids, garment)
            or _link_words(group)
            or _said_before_the_call(stream, group, garment))
    labelled = _BRAND_LABEL.match(name or "")
    if labelled:  # a rule took the whole line "Brand: Vince", "Brand: Unknown"
        name = name[labelled.end():].strip()
    if name:  # a note after the name: "Sandy Liang (EXACT)", "Mila Owen（ミラオーウェン）"; a Turkish case ending
        name = _TURKISH_CASE.sub("", _NOTE_AFTER.sub("", name) or name) or name  # after its apostrophe: "Koton'daki"
    return _spelled_by_host(name, group) if _may_be_maker(name) else None


_TURKISH_CASE = re.compile(r"['’](?:[dt][ae]n?|[dt][ae]ki|[nN]?[ıiuü]n|y?[ae])$")
_NOTE_AFTER = re.compile(r"\s*[(（\[][^()（）\[\]]*[)）\]]\s*$")


def _look_alike_cards(group: Group) -> dict[int, object]:
    """The cards of the group's look-alike links: the largest element around each that links nowhere else, where
    that is more than the link's own line (by id, each kept alive: an lxml proxy's id is stable only while it is)."""
    cards: dict[int, object] = {}
    for el, href in group.links:
        if group.kinds.get(id(el)) != "alternative":
            continue
        card = el
        for up in el.iterancestors():
            first = group.blocks[0][0]
            if up is first or first in up.iterdescendants() or any(
                    a.get("href") not in (None, el.get("href")) for a in up.iter("a")):
                break
            card = up
        if card is not el and card.tag not in _LINES:  # a line ("Brand: Agatha Paris – <a>similar</a>") speaks of both
            cards[id(card)] = card
    return cards


def _in_any(el, ids) -> bool:
    return el is not None and (id(el) in ids or any(id(up) in ids for up in el.iterancestors()))


def _said_before_the_call(stream: Stream, group: Group, garment: str) -> str | None:
    """For a bare call to shop the garment ("Shop the dress"), the maker the prose right before it
    says it is by ("The dress is by Roland Mouret. … <a>Shop the dress</a>"): the last sentence
    there that names the same garment, back to the previous link or heading."""
    m = _SHOP_THE.fullmatch(garment.strip(" .:!"))
    if m is None or m.group("what").casefold() not in DESCRIPTORS:
        return None
    words: list[str] = []
    for token in reversed(stream.tokens[max(0, group.start - _PROSE_TOKENS):group.start]):
        if token.kind == "link" or token.heading:
            break
        if token.kind == "text":
            words.append(token.text)
    what = m.group("what").casefold()
    for sentence in reversed(_SENTENCE_END.split(squash(" ".join(reversed(words))))):
        if what in sentence.casefold():
            sentence = sentence.rstrip(".!? ")  # "… from The Row.": no abbreviation's point
            return _without_model(_by_name(sentence) or _is_name(sentence))
    return None


_SHOP_THE = re.compile(r"(?:shop|buy|get)\s+(?:the|this|her|his|their)\s+(?P<what>[^\W\d_][\w-]*)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PROSE_TOKENS = 40  # a paragraph or two before the call


def _labelled_brand(line: str) -> str | None:
    """The name after a brand label in the post's language ("Brand: Sandro", "브랜드: 아가타 파리",
    "ブランドはSNIDEL。"), up to the clause's end; not "ブランド不明" (unknown)."""
    m = _BRAND_LABEL.search(line)
    if m is None:
        return None
    name = _LABEL_VALUE_END.split(line[m.end():], 1)[0].strip()
    name = _VALUE_TAIL.sub("", name)  # "ADOREです", "더캐시미어 구매링크"
    if not name or name.split()[0].casefold().strip(".,:;!") in UNKNOWN:
        return None  # "Brand: Unknown for the earrings", "Merk: onbekend"
    return name if len(name) <= 40 and not label(name) and not CALL_TO_ACTION.match(name) else None


_BRAND_LABEL = re.compile(r"(?:\b(?:brand|marca|marque|marke|merk|märke|marka|marchio|designer)\s*[:：]|"
                          r"(?:ブランド|브랜드|品牌)\s*(?:[:：]|は))\s*", re.I)
# a point ends the value where it ends a sentence: not inside "J.Crew", nor after "A.P.C" or "Dr"
# (nor past the bracket that closes it: "(brand: PRETTYGARDEN)", "(merk: Only) via bol.com")
_LABEL_VALUE_END = re.compile(r"[。,;、，(（)）]|(?<![A-Z])(?<![A-Z][a-z])\.(?=\s|$)|\s[–—-]\s|\s*[–—]")
# What a line says after the maker's name: a copula ("です"), a link's name ("구매링크")
# and the card's price on the next line ("Marka: Koton<br>1.299 TL")
_VALUE_TAIL = re.compile(r"\s*(?:です|でした|になります|구매\s*링크|입니다).*$|"
                         r"\s+(?:(?:[$€£¥₺₽₩]|R\$)\s?\d[\d.,]*|\d[\d.,]*\s?(?:TL|TRY|EUR|USD|GBP|zł|kr|₺|円|원|€|\$|£))$")


def _without_model(name: str | None) -> str | None:
    """The maker's words of a name said in prose, before the model's ("Buffalo Classic Low",
    "Ray-Ban Aviator Classic"), without a possessive ("Dolce & Gabbana's shirt")."""
    if not name:
        return name
    listed = listed_opening(name)
    if listed:
        return listed
    words = name.split()
    cut = next((i for i, w in enumerate(words[1:], 1) if w.casefold() in DESCRIPTORS), len(words))
    name = " ".join(words[:cut])
    if len(words) > 1 and name[-2:] in ("'s", "’s"):
        name = name[:-2]  # not a one-word "Levi's"
    return name


def _bracketed(garment: str) -> str | None:
    """The name in brackets after the garment's words ("Teal mock-neck sweater (Ann Taylor)"), not a
    label or note ("(exact)", "(sold out)")."""
    m = _BRACKET_TAIL.search(garment)
    if m is None or not _has_garment_word(garment[:m.start()]):
        return None
    inside = m.group().strip(" ()")
    name = _capitalised(inside)
    return name if name == inside and len(name.split()) <= 4 and not label(name) and not CALL_TO_ACTION.match(name) \
        and not _has_garment_word(name) else None


def _official_store(group: Group) -> str | None:
    """The maker whose own official shop an exact link names ("MaxMara官方旗舰店", "Graphpaper公式",
    "젠틀몬스터 공식몰"); a retailer's shop is none."""
    for el, _ in group.links:
        if group.kinds.get(id(el)) == "exact":
            m = _OFFICIAL.match(text(el).strip(" →▶>"))
            if m and _fold(m.group("name")) not in _SELLERS:
                return m.group("name").strip()
    return None


_OFFICIAL = re.compile(r"^[▶▷→]?\s*(?P<name>\S(?:.{0,30}?\S)?)\s*(?:官方旗舰店|官方旗艦店|官方商城|官网|官網|公式(?:サイト|"
                       r"オンラインストア|オンラインショップ|ストア|通販)?|공식\s?(?:몰|스토어|온라인\s?스토어|홈페이지)?|"
                       r"official (?:store|site|shop|website))$", re.I)


def _transliterated(texts) -> str | None:
    """A maker written with its reading in the other script, as Japanese, Korean and Chinese posts write
    makers: "Mila Owen（ミラオーウェン）のダッフルコート", "송지오옴므(SONGZIO HOMME) 자켓", "上海滩（Shanghai
    Tang）"; the name as the post writes it first."""
    for words in texts:
        if CJK.search(words):
            m = _TRANSLITERATED.search(words)
            if m:
                return (m.group("latin") or m.group("cjk")).strip()
    return None


_TRANSLITERATED = re.compile(rf"(?P<latin>[A-Za-z][A-Za-z0-9 .&'’-]{{0,30}}[A-Za-z0-9.])\s?[（(][{CJK_CHARS}ー・ ]{{2,20}}[）)]|"
                             rf"(?P<cjk>[{CJK_CHARS}][{CJK_CHARS}・]{{0,15}})\s?[（(][A-Za-z][A-Za-z0-9 .&'’-]{{1,30}}[）)]")


# a model's code of capitals and digits ("RB2140", "MTP-VD01D"); "R13" and "3.1 Phillip Lim" are makers
_MODEL_CODE = re.compile(r"[A-Z]{1,4}-?\d{3,}[A-Z\d-]*|[A-Z]{2,4}-[A-Z\d]{2,}\d[A-Z\d]*")


def _may_be_maker(name: str | None) -> bool:
    """Not a sentence's opening word nor an episode ("Her <a>pumps</a> are …", "the coat from 3x07"), and
    some letters (a table's "—" for none)."""
    return (bool(name) and name.casefold() not in _NOT_MAKERS and name.casefold() not in CALLS
            and not _EPISODE.fullmatch(name) and not _MODEL_CODE.fullmatch(name)
            # a garment's word ("Szalmatáska", a straw bag), not a maker joined to one ("Halti-kuoritakki")
            and not (name.isalpha() and garment_word(name.casefold(), possessed=False))
            and any(c.isalpha() for c in name) and not label(name))  # not a badge's "IDENTICO"


def post_makers(stream: Stream) -> set[str]:
    """The makers the post's words name after "by" anywhere ("The cardigan is by Vince, the tee by
    James Perse"): the post's own vocabulary of brands, which says where a product's name stops
    being its maker's ("Matteau Relaxed Linen Shirt" is Matteau's)."""
    return {name for line in lines(stream.tokens) for m in _BY.finditer(line)
            if _may_be_maker(name := _capitalised(line[m.end():])) and name.split()[0] not in _SENTENCE_OPENERS
            and not _CREDIT_VERB.search(line, 0, m.start())}


# a credit's verb before "by": the plugin or the photographer ("created by Rinker", "Photo by Jane Doe")
_CREDIT_VERB = re.compile(r"\b(?:created|powered|built|developed|theme|template|plugin|photos?|pictures?|images?|"
                          r"illustrations?|foto)\s*$", re.I)


def known_maker(maker: str | None, group: Group, garment: str, known: set[str]) -> str | None:
    """``maker`` cut to the post's name for it ("Matteau Relaxed" -> "Matteau"); a shop that sells it
    ("Net-a-Porter") gives way to the listed maker its words name. When no rule found one: the post's
    maker that opens the garment's card or link ("Vince wool cardigan"), else the one listed maker the
    garment's words or its exact links' name ("sac Le Chiquito de Jacquemus"), else the listed maker
    whose own shop an exact link leads to ("Kup płaszcz" to reserved.com)."""
    def opening(words: str) -> str | None:
        return max((k for k in known if words == k or words.startswith(k + " ")), key=len, default=None)
    exact = [text(el) for el, _ in group.links if group.kinds.get(id(el)) == "exact"]
    own = [garment, *_own_clauses(lines(group.exact_tokens), garment), *exact] if exact else []  # not an alternative's
    if maker is not None and _fold(maker) in _SELLERS:
        return _listed_inside(own) or maker
    if maker is not None and _fold(maker) in _LISTED:
        return maker.rstrip(".") + ("." if _LISTED[_fold(maker)].endswith(".") else "")  # "Sandro." ends a sentence
    if maker is not None:
        # a listed maker after the model's name ("Le Chiquito de Jacquemus"); one opening it may
        # be a line of its own ("Armani Collezioni"); else the one listed maker the exact item's own
        # words name, before a name of no list ("Jeansen är Acne Studios 1977": "Jeansen" opens a sentence)
        if maker in known:
            return maker
        said = _listed_inside(own)
        if said and _fold(said) in _fold(maker):
            said = None  # the maker's own line ("Armani Collezioni")
        return opening(maker) or _listed_inside([" ".join(maker.split()[1:])]) or said or maker
    return (next(filter(None, (opening(text(el)) for el in (*(b for b, _ in group.blocks[:1]),
                                                            *(el for el, _ in group.links)))), None)
            or _listed_inside(own) or _listed_host(group))


def _own_clauses(said: list[str], garment: str) -> list[str]:
    """Lines said of the exact item, each cut before a word for another garment than this one ("Sweter Marty jest
    z Mohito (…), a torebka to Wittchen (": Wittchen is the bag's)."""
    mine = {w for w in _A_WORD.findall(garment.casefold()) if garment_word(w)}
    if not mine:
        return said
    out = []
    for line in said:
        seen = False  # only after this garment's own word: "On top, a Khaite sweater" keeps its "top"
        for m in _A_WORD.finditer(line):
            w = m.group().casefold()
            if w in mine:
                seen = True
            elif seen and garment_word(w, possessed=False):
                line = line[:m.start()]
                break
        out.append(line)
    return out


_A_WORD = re.compile(r"[^\W\d_]+")


def _fold(words: str) -> str:
    # "İpekyol" folds to "i̇pekyol" (a dot above): Turkish capitals are listed without it
    return " ".join(words.replace("\u2019", "'").casefold().replace("i\u0307", "i").split()).strip(".,;:!?()")


_LISTED = {_fold(name): name for name in MAKERS}
_LISTED_WORDS = max(len(name.split()) for name in MAKERS)
_SELLERS = frozenset(map(_fold, RETAILERS))


def sells_others(name: str) -> bool:
    """A retailer's name ("Zappos", "Urban Outfitters"), or words for where a link sells ("Auf Amazon*", "Chez
    Inno", "ZOZOTOWNでチェック"): no maker's."""
    words = name.split()
    return _fold(name) in _SELLERS or _fold(name) in _LINK_SERVICES or len(words) > 1 and words[0].casefold() in _AT_SHOP_WORD \
        or _CHECK_AT.search(name) is not None


# (not English "In The Style", "On Running": the prepositions no maker's name opens with)
_AT_SHOP_WORD = frozenset(("auf", "im", "bei", "chez", "sul", "sulla", "nel", "bij", "hos", "på", "presso", "via"))
# affiliate and link-in-bio services a link goes through: never a maker ("ShopMy" on go.shopmy.us)
_LINK_SERVICES = frozenset(map(_fold, ("ShopMy", "LTK", "LIKEtoKNOW.it", "ShopStyle", "ShopStyle Collective", "rewardStyle",
                                      "Skimlinks", "Sovrn", "Howl", "Rinker", "Kaereba", "カエレバ", "Pochipp", "ポチップ",
                                      "A8.net", "ValueCommerce", "Awin", "Linktree", "Beacons")))
# a call to look at a shop in ja / ko ("ZOZOTOWNでチェック", "무신사에서 보기")
_CHECK_AT = re.compile(r"(?:で|を)(?:チェック|見る|購入|探す)|에서\s*(?:보기|구매|확인)|에서$|"  # ko "LF몰에서": at LF Mall
                       # tr "Trendyol’da İncele", "Hepsiburada'dan satın al": look or buy at the shop
                       r"['’](?:[dt][ae]n?)\s+(?:i̇ncele|incele|İncele|gör|bak|satın al|al)\b", re.I)
_AMBIGUOUS = frozenset(map(_fold, AMBIGUOUS))
_BY_HOST = {re.sub(r"[\W_]+", "", _fold(name)): name for name in MAKERS if len(_fold(name)) > 3}
_WORDS = re.compile(r"[^\s()\[\]（）:：,;/|]+")
_SCRIPT_CHANGE = re.compile(rf"(?<=[A-Za-z0-9.])(?=[{CJK_CHARS}])|(?<=[{CJK_CHARS}])(?=[A-Za-z0-9])")


def listed_opening(words: str) -> str | None:
    """The longest listed maker that opens ``words``, as they write it ("Kenneth Jay Lane earrings",
    "Converse Chuck Taylor"); a lower-case run is a listed name only in words written all in lower case,
    and a name that is also a word only before a product's words."""
    parts = words.split()
    for k in range(min(_LISTED_WORDS, len(parts)), 0, -1):
        said = " ".join(parts[:k]).strip(",;:!?()")
        name = _LISTED.get(_fold(said))
        if name is None and said[-2:] in ("'s", "’s"):  # "Rag & Bone’s Harrow" (not "Levi's", listed so)
            said = said[:-2]
            name = _LISTED.get(_fold(said))
        if name and (not said[:1].islower() or words.islower()) and (name.casefold() not in _AMBIGUOUS
                                                                      or _product_follows(parts[k:])):
            said = said.rstrip(".") + ("." if name.endswith(".") else "")  # "A.P.C." but "Sandro." ends a sentence
            return said if not said.islower() or name.islower() else name
    return None


def link_maker(words: str | None, href: str, after: str | None = None, listed_only: bool = False) -> str | None:
    """An alternative's own maker: the one listed maker its link's words name ("Mango Checked Wool-Blend
    Blazer", "Similar: Steve Madden Platform Boots on Amazon"), else a name the words right `after` the
    link say that its product's address spells ("<a>Nordstrom</a> — the Sam Edelman Hazel is a close
    match" to ".../sam-edelman-hazel-pump"), else the listed maker whose own shop the link leads to; a
    retailer selling it is none. `listed_only`: words that are a picture's alt text, whose Title Case names
    ("Flutter Sleeve Tiered Midi") say no maker unless listed."""
    said = _listed_inside([words]) if words else None
    if said and _fold(said) not in _SELLERS:
        return said
    if listed_only:
        return _maker_of_host(href)
    return (_said_by(after) or _named_in_path(after, href) if after else None) or _maker_of_host(href) \
        or (host_spelled(words, href) or _named_in_path(words, href) if words else None)


def _said_by(after: str) -> str | None:
    """The maker the words right after a link name with "by" or its like ("<a>Unlined chore coat</a> by
    Dickies"); not a shop that sells it ("… from Nordstrom")."""
    after = after.lstrip(" ,–—-")
    m = _BY.match(after)
    name = _without_model(_capitalised(after[m.end():])) if m else None
    return name if _may_be_maker(name) and _fold(name) not in _SELLERS else None


def _named_in_path(words: str, href: str) -> str | None:
    """A capitalised name in the link's words that the product's address also spells, as retailers
    put the maker first in their product slugs ("Trenchcoat von Selected Homme bei Zalando" to
    ".../selected-homme-trenchcoat-beige-…", "Only (Zalando)" to ".../only-kurtka-…"); its garment
    and material words are no part of it ("Halogen Plaid Wool Blend Coat": Halogen)."""
    target = urlsplit(destination_param(href) or href)
    tokens = [t for t in re.split(r"[/\-_.]+", unaccented(target.path).casefold()) if t]
    if not tokens:
        return None
    host = re.sub(r"[\W_]+", "", (target.hostname or "").casefold())
    for run in _CAPITALISED_RUN.finditer(words):
        names = run.group().split()
        if run.start() == 0 and len(names) == 1 and not names[0].isupper() and words[run.end():].lstrip()[:1].islower():
            continue  # the words' first word, capitalised as a sentence opens ("Double-faced wool coat")
        # (a compound garment's word too, as German capitalises it: "Kurzmantel von Anna Field")
        cut = next((i for i, w in enumerate(names) if w.casefold().strip(".,") in DESCRIPTORS
                    or garment_word(w.casefold().strip(".,"))), len(names))
        while cut > 1 and names[cut - 1].isupper() and len(names[cut - 1]) >= 4 and not names[0].isupper():
            cut -= 1  # a model's code in capitals after the maker ("Selected Homme SLHNEWCOBAN")
        owner = next((i for i, w in enumerate(names[:cut]) if re.search(r"['’]s$", w)), None)
        if owner is not None:  # "Norma Kamali's Diane dress": the maker's possessive ends its name
            names, cut = [*names[:owner], re.sub(r"['’]s$", "", names[owner])], owner + 1
        for n in range(cut, 0, -1):
            said = _SENTENCE_STOP.sub("", " ".join(names[:n]).strip(" ,;:()"))  # "… from Public Desire."
            slug = [t for t in re.split(r"[\W_]+", unaccented(said).casefold()) if t]
            if not slug or len("".join(slug)) < 3 or _fold(said) in _SELLERS or "".join(slug) in host \
                    or not _may_be_maker(said) or CALL_TO_ACTION.match(said):
                continue
            if any(tokens[i:i + len(slug)] == slug for i in range(len(tokens) - len(slug) + 1)):
                return listed_opening(said) or said  # "Sam Edelman Hazel": the listed maker, not its model
    return None


_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.$")
_CAPITALISED_RUN = re.compile(rf"(?<![\w&])[{LATIN_CAPITALS}][\w'’&.-]*(?:\s+(?:&\s+)?[{LATIN_CAPITALS}][\w'’&.-]*){{0,3}}")


def _host_key(href: str) -> str | None:
    """The name a link's host spells (through an affiliate's wrapper): "thereformation.com" -> "reformation",
    "shop.mango.com" -> "mango"; None for a host of shop words alone."""
    labels = (urlsplit(destination_param(href) or href).hostname or "").removeprefix("www.").split(".")
    key = next((l for l in reversed(labels[:-1]) if l not in _HOST_WORDS and len(l) > 2), None)
    return _SHOP_AFFIXES.sub("", key.replace("-", "")) if key is not None else None


def _spelling(name: str) -> str:
    """A name as an address spells it: without accents, spaces and signs ("Chilli Beans" -> "chillibeans")."""
    return re.sub(r"[\W_]+", "", unaccented(name).casefold())


MARKS = " ▷▶►▸→»›•·➤➜➔👉✔✓★☆◆◇■□●○"  # a shop link's arrow or bullet before its words


def host_spelled(words: str, href: str) -> str | None:
    """The link's first words, or its last after a dash or after the garment's lower-case words, when they
    spell the host it leads to: a maker's
    own shop named in the link ("Kangol Furgora Casual" to kangol.com, "Le Laboureur work jacket" to
    lelaboureur.fr, "Reformation Ellery Dress" to thereformation.com); not a retailer's."""
    key = _host_key(href)
    if key is None:
        return None
    words = words.lstrip(MARKS)  # "▷HYKE テーラードジャケット"
    parts = words.split()
    # its first words, or the last after a dash ("Đầm lụa xanh cổ V – IVY moda" to ivymoda.com)
    tail = re.split(r"\s[–—|-]\s", words)[-1].split() if re.search(r"\s[–—|-]\s", words) else []
    if not tail and len(parts) > 1 and parts[-2][:1].islower() and parts[-1][:1].isupper() \
            and parts[-2].casefold() not in _AT_SHOP:
        tail = parts[-1:]  # the maker after the garment's words ("costume bleu nuit Celio" to celio.com)
    for said in (*(" ".join(parts[:n]) for n in range(min(4, len(parts)), 0, -1)),
                 *(" ".join(tail[-n:]) for n in range(min(4, len(tail)), 0, -1))):
        said = re.sub(r"['’]s$", "", said.strip(" ,;:–—-"))  # "Reformation's Ellery dress"
        if _spelling(said) == key and _fold(said) not in _SELLERS:
            return said
    return None


def post_names_by_host(stream: Stream) -> dict[str, str]:
    """The capitalised names the post writes (up to three words), by the host key they would spell ("Chilli Beans"
    -> "chillibeans", "Cantão" -> "cantao"); a name the post writes after a word of where it is sold ("na Dafiti",
    "at Nordstrom") is a shop's, never a maker's, and is left out."""
    names: dict[str, str] = {}
    shops: set[str] = set()
    for line in lines(stream.tokens):
        for run in _CAPITALISED_RUN.finditer(line):
            before = line[:run.start()].split()
            for n in range(min(3, len(run.group().split())), 0, -1):
                said = " ".join(run.group().split()[:n]).strip(" .,;:")
                key = _spelling(said)
                if len(key) < 4:
                    continue
                if before and before[-1].casefold() in _AT_SHOP:
                    shops.add(key)
                names.setdefault(key, said)
    return {k: v for k, v in names.items() if k not in shops and _fold(v) not in _SELLERS}


def host_named(href: str, names: dict[str, str]) -> str | None:
    """The name the post writes that spells the host a link leads to (through an affiliate's wrapper): the maker's
    own shop ("la marque parisienne Rouje" beside a link to rouje.com, "Chilli Beans" to chillibeans.com.br)."""
    key = _host_key(href)
    return names.get(key) if key else None


def slug_maker(href: str, known: set[str]) -> str | None:
    """The maker a product address opens a slug with, as retailers write it ("/only-and-sons/jacke-…",
    "/shop-self-portrait-cream-…", "/chanel-classic-medium-flap-…"): one the post names after "by" or its like,
    else a listed maker."""
    said = {_spelling(k.replace("&", " and ")): k for k in known}
    for segment in urlsplit(destination_param(href) or href).path.split("/"):
        words = [w for w in re.split(r"[\W_]+", unaccented(segment).casefold()) if w]
        while words and words[0] in ("shop", "buy", "p", "product", "products"):
            words = words[1:]
        for n in range(min(4, len(words)), 0, -1):
            key = "".join(words[:n])
            name = said.get(key) or (_BY_HOST.get(key) if len(key) > 3 else None)
            if name and _fold(name) not in _SELLERS:
                return name
    return None


# Words that name where a link sells, not who makes it ("Ta od Medicine z Answear", "vestido na Renner")
_AT_SHOP = frozenset(("at", "from", "via", "on", "in", "bei", "chez", "en", "na", "no", "z", "ze", "w", "på", "hos",
                      "su", "auf", "em", "op", "@", "sur", "im", "presso", "в", "на", "sul", "sulla", "nel", "bij"))
# Host labels that name no one ("shop.acme.co.uk", "m.acme.com"), and a shop's words around its name
_HOST_WORDS = frozenset(("www", "shop", "store", "m", "co", "com", "us", "uk", "eu", "de", "fr", "jp", "en", "global"))
_SHOP_AFFIXES = re.compile(r"^(?:the|shop|store)(?=.{3})|(?<=.{3})(?:official|shop|store|online|mall|usa|uk)$")


def _maker_of_host(href: str) -> str | None:
    """The listed maker whose own shop `href` leads to, through an affiliate's wrapper or not."""
    host = (urlsplit(destination_param(href) or href).hostname or "").split(".")
    return next(filter(None, map(_BY_HOST.get, host[:-1])), None)  # not the top-level domain


def own_card_maker(link) -> str | None:
    """The brand line a link's own card holds inside the link ("<a><img alt='Pearl headband'><span
    class='stp-brand'>Lele Sadoughi</span></a>": a shop-the-post widget's card)."""
    for d in link.iter():
        name = _brand_line(d) if d is not link else None
        if name and _may_be_maker(name):
            return name
    return None


def _brand_line(el) -> str | None:
    """The text of a card's brand line ("<span class='card_brand'>Only</span>"), else None."""
    if not isinstance(el.tag, str) or not _BRAND_CLASS.search(el.get("class") or ""):
        return None
    name = text(el).strip(" .,;:")
    if _BRAND_LABEL.search(name):  # "<span class='brand'>ブランド：HYKE</span>"; "Brand: Unknown" names none
        name = _labelled_brand(name) or ""
    name = _BY_LEAD.sub("", name) or name  # a box's "by J.Crew" (Lasso)
    return name if name and len(name) <= 40 else None


_BY_LEAD = re.compile(r"^(?:by|von|par|di|por|door|av|af)\s+(?=\S)", re.I)


def card_maker(link) -> str | None:
    """The labelled brand of the product card a look-alike's link sits in ("<p>Marca: Sfera</p>", "Marke:
    Coach" in its card), where the card holds no other link."""
    own = own_card_maker(link)
    if own:
        return own
    e = link
    for _ in range(_CARD_LEVELS):
        e = e.getparent()
        if e is None:
            return None
        names = [(d, name) for d in e.iter() if (name := _card_brand(d))]
        # (a box of no brand line: the maker its product's title writes after its reading, Kaereba's "[リエディ] Re:EDIT …")
        read = [] if names else [(a, name) for a in e.iter("a") if (name := _read_then_written(text(a)))]
        if len({a.get("href") for a in e.iter("a") if a.get("href")}) > 1:
            # one product's box with a button per shop (Rinker's "Amazon", "楽天市場"): one picture, one brand
            # line, and that line in no other link's own card
            if len({n for _, n in names + read}) > 1 or sum(1 for _ in e.iter("img")) > 1 \
                    or any(_in_other_card(d, e, link.get("href")) for d, _ in names):
                return None
        names = names or read
        if names:
            return names[0][1]
    return None


def _in_other_card(line, box, href: str | None) -> bool:
    """The brand line sits in an element, inside ``box``, that holds a link to another page (a credit's aside)."""
    for up in (line, *line.iterancestors()):
        if up is box:
            return False
        if any(a.get("href") and a.get("href") != href and not is_credit(a) for a in up.iter("a")):
            return True
    return False


def _card_brand(d) -> str | None:
    # "Marke: <b>Coach</b>", and a line's label after its bold name ("<p><b>Giacca</b> — Brand: Motivi</p>")
    said = text(d).strip() if isinstance(d.tag, str) and (d.text and ":" in d.text or d.tag in _LINES and any(
        ":" in (c.tail or "") for c in d)) else ""
    name = (_labelled_brand(said) if said and len(said) < 60 else None) or _brand_line(d)
    return name if name and _may_be_maker(name) else None


def _read_then_written(words: str) -> str | None:
    """The maker a Japanese product title writes after its reading in brackets ("[リエディ] Re:EDIT ボリュームスリーブ
    ブラウス", "[ピエロ] Pierrot ハイウエスト パンツ"), as Amazon and Rakuten titles do."""
    m = _READING_FIRST.match(words)
    return m.group("maker") if m else None


_READING_FIRST = re.compile(r"\s*[\[［【](?:[\u30a0-\u30ff・ー ]+)[\]］】]\s*"
                            r"(?P<maker>[A-Za-z0-9][\w.:'’&!+-]*(?:\s+[A-Z0-9][\w.:'’&!+-]*){0,3})(?=\s|$)")


_CARD_LEVELS = 4
_LINES = frozenset(("p", "li", "dd", "td"))


def _listed_host(group: Group) -> str | None:
    """The listed maker whose shop an exact link leads to, through an affiliate's wrapper or not."""
    for el, href in group.links:
        if group.kinds.get(id(el)) == "exact":
            name = _maker_of_host(href)
            if name:
                return name
    return None


def _has_exact(group: Group) -> bool:
    return any(group.kinds.get(id(el)) == "exact" for el, _ in group.links)


def _product_follows(rest: list[str]) -> bool:
    """The words after a name go on to a product's: a model's name or a garment's word, not a call."""
    return bool(rest) and ((rest[0][:1].isupper() and not CALL_TO_ACTION.match(rest[0]))
                           or rest[0].casefold().strip(".,;:!?") in DESCRIPTORS)


def _listed_inside(texts: list[str]) -> str | None:
    """The one listed maker named anywhere in ``texts`` (none where they name two)."""
    found: dict[str, str] = {}
    for words in texts:
        # "샤넬(Chanel)", "Brand:Sandro" part at brackets and colons, "身穿Self-Portrait家的" where the script changes
        parts = _WORDS.findall(_SCRIPT_CHANGE.sub(" ", words))
        lower = words.islower()
        for i in range(len(parts)):
            if parts[i][:1].islower() and not lower:
                continue  # a word of the sentence ("Dans le même esprit"), as in listed_opening
            name = listed_opening(" ".join(parts[i:i + _LISTED_WORDS]))
            if name:
                found.setdefault(_fold(name), name)
    return next(iter(found.values())) if len(found) == 1 else None


def _spelled_by_host(name: str, group: Group) -> str:
    """The name's opening words that spell the host of the garment's link, when they do: the maker's
    own shop ("Manolo Blahnik Hangisi" at manoloblahnik.com is Manolo Blahnik's)."""
    for _, href in group.links[:1]:
        host = (urlsplit(href).hostname or "").removeprefix("www.").split(".")[0]
        return opening_words_spelled(name, {host}) or name
    return name


_NOT_MAKERS = frozenset({"her", "his", "their", "its", "my", "our", "your", "the", "this", "that", "these", "those",
                         "she", "he", "they", "it", "we", "i", "you", "a", "an", "unknown", "unidentified",
                         # articles opening a sentence in the post's language ("O vestido …", "El bolso …")
                         "o", "os", "as", "um", "uma", "el", "los", "las", "la", "le", "les", "il", "lo", "gli",
                         "un", "una", "une", "der", "die", "das", "ein", "eine", "het", "een", "de",
                         # a sentence's opening words ("C'est le même modèle", "Es ist", "È lo stesso")
                         "c'est", "c’est", "ce", "es", "ist", "è", "é", "esta", "este", "questo", "questa", "dit",
                         "deze", "det", "den", "to", "ten", "ta", "bu",
                         # a preposition opening a link's words ("Dans le même esprit chez Sandro")
                         "dans", "chez", "in", "im", "bei", "en", "em", "na", "no", "w", "z"})
_EPISODE = re.compile(r"(?:S\d{1,2}\s*E\d{1,3}|\d{1,2}x\d{1,3}|E\d{1,3})", re.I)


def _elements(stream: Stream, group: Group, exact_ids: set[int], *tags: str):
    """Elements of the group's span that hold words said about the exact item."""
    for el in stream.elements_between(group.start, group.end):
        if (not tags or el.tag in tags) and any(id(node) in exact_ids for node in el.iter()):
            yield el


def _brand_element(stream: Stream, group: Group, exact_ids: set[int]) -> str | None:
    for el in _elements(stream, group, exact_ids):
        if el.get("itemprop") == "brand" or _BRAND_CLASS.search(el.get("class") or ""):
            name = text(el).strip(" .,;:")
            if name and len(name) <= 40:
                return name
    return None


def _by_name(words: str) -> str | None:
    """The capitalised name after "by"/"from" or its like in the post's language ("von", "de chez",
    "di") ("… is by Åsa & Co Tailored Vest." -> "Åsa & Co
    Tailored Vest"); the linked product page later narrows it to the brand itself."""
    names = [(_COPULA.match(m.group()) is None, name) for m in _BY.finditer(words)
             if (name := _capitalised(words[m.end():])) and not _previous_links(words, m, name)]
    # "is from" over a bare "of", which may be the wearer's: "Il giubbotto di Eva è di Bershka"
    return min(names, key=lambda n: n[0])[1] if names else None


def _previous_links(words: str, m, name: str) -> bool:
    """A by-clause that opens the words and closes at a comma or an "and": the maker of the link before them
    ("<a>Mantel</a> von Max Mara, eine <a>Tasche</a> von Bottega Veneta und <a>Stiefel</a> von Ganni")."""
    return not words[:m.start()].strip() and _CLAUSE_CLOSE.match(words, m.end() + len(name)) is not None


_CLAUSE_CLOSE = re.compile(r"\s*(?:[,;]|(?:and|und|et|y|e|i|och|og|en|ve|és|a)\s)", re.I)


def _is_name(words: str) -> str | None:
    """The capitalised name the garment is said to be ("The bag is the Chanel Classic Flap",
    "Her dress is RIXO"); not a sentence's next word ("is It …")."""
    for m in _IS.finditer(words):
        if m.group(1) and m.group(1).casefold() in _NOT_SUBJECTS:
            continue  # "And then there is Portia": someone, not the garment, is named
        name = _capitalised(words[m.end():])
        if name and name.split()[0] not in _SENTENCE_OPENERS:
            return name
    return None


_IS = re.compile(r"(?:\b(\w+)\s+)?\b(?:is|are|was|were)\s+(?:(?:the|by|from)\s+)?(?=[A-Z0-9])")
_NOT_SUBJECTS = frozenset(("there", "here", "this", "that", "it", "who", "which", "she", "he", "they", "name"))


def _after_garment(garment: str) -> str | None:
    """The name after the garment's words and a dash or colon, in the garment's own line ("Black
    satin slip dress – Sable & Thread", "Bomber jacket: Halden Leather")."""
    m = _DASHED.fullmatch(_BRACKET_TAIL.sub("", garment))  # "… – Marc by Marc Jacobs (sold out)"
    if m is None or not _has_garment_word(m.group("what")) or label(m.group("who")) \
            or CALL_TO_ACTION.match(m.group("who")) or len(m.group("who").split()) > 4:
        return None  # not "Coat – Sold Out", "Coat: Similar", "Coat – Shop Now"
    name = _capitalised(m.group("who"))
    return name if name and len(name) >= len(m.group("who").strip(" .")) - 1 else None


def _labelled_product(garment: str) -> str | None:
    """The maker opening the product after the garment's label ("Coat: Burberry London wool wrap
    coat", "Handbag: Prada Saffiano tote")."""
    m = _LABELLED.match(garment)
    if m is None or not _has_garment_word(m.group(0)) or len(m.group(0).split()) > 3:
        return None
    return _product_line_maker(garment[m.end():])


def _after_garment_word(garment: str, group: Group) -> str | None:
    """The name that follows the garment's word and ends its clause, as languages that put the
    maker after the noun say it ("Natalia: marynarka Reserved", "un abito Pinko"); not a name the
    clause goes on from ("the dress Carrie wore"). After "de"/"da" the name may be the wearer's ("la
    robe de Sylvie"): it counts only where the link's host spells it ("gafas de Hawkers" at hawkersco.com)."""
    words = _BRACKET_TAIL.sub("", garment).split()
    at = next((i for i, w in enumerate(words) if w.strip(".,;:!?()").casefold() in DESCRIPTORS), None)
    if at is None or words[at][-1] in ",;:." or (at and not words[at][0].islower()):
        return None  # a title-case product name's word ("Matteau Linen Trouser")
    rest = words[at + 1:]
    for _ in range(2):  # an adjective or two ("vestido lencero de Zara")
        if rest and rest[0].isalpha() and rest[0].islower() and rest[0] not in _OF | _NOT_ADJECTIVES:
            rest = rest[1:]
    of = bool(rest) and rest[0] in _OF
    if of:
        rest = rest[1:]
    name = _capitalised(" ".join(rest))
    if not name or any(garment_word(w) for w in re.findall(r"[^\W\d_]+", name.casefold())) or POSSESSIVE.search(name):
        return None  # a product's name ("Matteau Relaxed Linen Shirt"), a wearer's ("the dress is Carrie's");
        # a colour's word may name a maker ("bottines pailletées Mellow Yellow")
    after = " ".join(rest)[len(name):].lstrip(".")
    if after.strip() and after.lstrip()[0] not in ",;–—-(":
        return None
    spelled = re.sub(r"\W", "", name.casefold())
    return name if not of or any(spelled in (urlsplit(href).hostname or "") for _, href in group.links[:1]) else None


_OF = frozenset(("de", "da", "do", "di", "del", "della", "von", "van"))
# where it was bought ("Wollmantel bei Peek & Cloppenburg") or what it comes with ("Mantel mit Pelzkragen")
_NOT_ADJECTIVES = frozenset(("at", "bei", "chez", "en", "em", "in", "im", "hos", "bij", "w", "na", "from", "via",
                             "with", "mit", "con", "avec", "com", "met", "med", "z", "ze"))
_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_DASHED = re.compile(r"(?P<what>.+?)\s*(?:[–—:]|\s-)\s+(?P<who>[^–—:]+)")


def _has_garment_word(words: str) -> bool:
    return any(w in DESCRIPTORS for w in re.findall(r"[^\W\d_]+", words.casefold()))


def _capitalised(words: str) -> str | None:
    """The run of capitalised words (and joiners: "&", "de") that opens `words`, up to punctuation;
    a listed maker's name as the list ends it ("by Converse Chuck Taylor" -> "Converse")."""
    listed = listed_opening(words)
    if listed:
        return listed
    kept: list[str] = []
    for word in words.split():
        bare = word.strip(".,;:!?()")
        if not bare or not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _NAME_JOINERS):
            break
        if kept and (word[:1] in "(（[" or label(bare)):
            break  # a note after the name: "Sandy Liang (EXACT)"
        if _ABBREVIATION.fullmatch(word):  # "Dr. Martens", "A.P.C."
            kept.append(word)
            continue
        kept.append(bare)
        if bare != word.rstrip(")"):  # the name ends at punctuation
            break
    while kept and kept[-1].lower() in _NAME_JOINERS:
        kept.pop()
    return " ".join(kept[:8]) or None


_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,2}\.|(?:[A-Z]\.){2,}")


def _name_line(stream: Stream, group: Group, garment: str) -> str | None:
    """A bare name right before an exact link: on the link's line ("Common Projects, here")
    or on the line above it ("Burberry" then a "Buy" button)."""
    previous, parts = "", []
    tokens = stream.tokens
    for i in range(group.start, group.end):
        token = tokens[i]
        if token.kind == "break":
            line = squash(" ".join(parts))
            if line and line.strip(" :") != garment:  # heading words never reach `parts`
                previous = line
            parts = []
        elif token.kind == "link" and group.kinds.get(id(token.el)) == "exact":
            line = squash(" ".join(parts)) or previous
            after = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "text" else ""
            name = _name_beside(line, after)
            if name and any(c.isalpha() for c in name):
                return name
            parts.append(token.text)
        elif not token.heading:
            parts.append(token.text)
    return None


def _name_beside(line: str, after: str) -> str | None:
    """A maker named on an exact link's line: the whole line before it ("Zara" above "Buy"), a
    product's line ("Hunter Original Tall Wellington Boots"), the name after the garment's label
    ("Blazer: Sandro (<a>shop</a>)"), or after a dash behind the link ("<a>Blazer</a> – Sandro")."""
    name = maker_name(line) or _product_line_maker(line)
    labelled = _LABELLED.match(line)
    if not name and labelled:
        name = maker_name(line[labelled.end():].rstrip(" ("))
    dash = _DASH.match(after)
    if not name and dash:
        name = maker_name(_CLAUSE_END.split(after[dash.end():], 1)[0])
    return name


_LABELLED = re.compile(r"^[^:]{1,30}:\s*")  # "Blazer: "
_DASH = re.compile(r"^\s*[–—-]\s*")
_CLAUSE_END = re.compile(r"[,.;(]")


def _product_line_maker(line: str) -> str | None:
    """The maker that opens a product's line ("Barbour Liddesdale Quilted Jacket in Sage" above
    "Buy it"): a short line, not a sentence, whose words after the name describe a garment."""
    words = line.split()
    if not 2 <= len(words) <= 10 or line[-1] in ".:!?" or "," in line or POSSESSIVE.search(line):
        return None
    name = _maker_part(line)
    n = len(name.split()) if name else 0
    # the name is followed by the garment's words ("... Quilted Jacket"), not by a sentence ("In the …")
    if not name or n >= len(words) or name.split()[0] in _SENTENCE_OPENERS \
            or words[n].strip(".,;:()").lower() not in DESCRIPTORS:
        return None
    return name


# Capitalised words that open a sentence rather than name a maker ("Get the look", "Shop her coat").
_SENTENCE_OPENERS = frozenset(("Get", "Shop", "Buy", "Find", "Similar", "Exact", "Here", "This", "These", "The",
                               "Her", "His", "Their", "She", "He", "They", "We", "I", "You", "Our", "Also", "More",
                               "Click", "See", "Try", "Love", "Spotted", "Wearing", "Worn", "Sold", "Available"))


def _bold_name(stream: Stream, group: Group, exact_ids: set[int], garment: str) -> str | None:
    for el in _elements(stream, group, exact_ids, "strong", "b"):
        name = maker_name(text(el))
        if name and name != garment:
            return name
    return None


def _link_words(group: Group) -> str | None:
    for el, _ in group.links:
        words = _CALL_THE.sub("", text(el).strip(" .,;:"))  # "Shop the Madewell flannel"
        if group.kinds.get(id(el)) != "exact" or not words or not words[0].isupper():
            continue
        if len(words.split()) <= 8 and not CALL_TO_ACTION.match(words) and not _CALL_AT_END.search(words) \
                and not label(words):
            name = _maker_part(words)
            if name:
                return name
    return None


# A call to shop that ends the words in the languages that put it last ("ZOZOTOWNで見る", "무신사에서 보러가기").
_CALL_AT_END = re.compile(r"(?:で見る|で購入|をチェック|はこちら|から購入|보러\s?가기|구매하기|바로\s?가기|"
                          r"购买|購買|官网|官網|旗舰店|旗艦店|链接|鏈接)\s*$")  # zh "Farfetch购买", "Gucci官网"
_CALL_THE = re.compile(r"^(?:shop|buy|get)\s+(?:the|this|her|his|their)\s+(?=[A-Z])", re.I)


def _maker_part(words: str) -> str | None:
    """The leading name of a product's words: "Zara Leather Boots" -> "Zara", "ASOS DESIGN
    chelsea boots" -> "ASOS DESIGN", "Lúne Atelier" -> "Lúne Atelier"; a listed maker's name as the
    list ends it ("Kenneth Jay Lane Earrings")."""
    words = _TITLE_BAR.split(words, 1)[0]  # an OGP card's "SNIDEL｜ボリュームスリーブニット…"
    listed = listed_opening(words)
    if listed:
        return listed
    kept: list[str] = []
    for word in words.split():
        bare = word.rstrip(",;:!?()") if _ABBREVIATION.fullmatch(word.rstrip(",;:!?()")) else word.strip(".,;:!?()")
        if kept and (word[:1] in "(（[" or label(bare)):
            break  # a note after the name: "Sandy Liang (EXACT)"
        if kept and not (bare[:1].isupper() or bare.lower() in _NAME_JOINERS):
            break  # a model's number ends the maker's name ("Blundstone 500", "Chanel 22 bag")
        if any(part in DESCRIPTORS for part in bare.lower().split("-")) or (kept and bare in _MODEL_OPENERS):
            break  # a garment's word, or an article opening the model's name ("Tecovas The Annie")
        if kept and bare[-2:] in ("'s", "’s"):  # "Tom Ford's O'Connor suit" (not "Levi's" alone)
            kept.append(bare[:-2])
            break
        kept.append(bare)
    while kept and kept[-1].lower() in _NAME_JOINERS:
        kept.pop()
    names = [i for i, w in enumerate(kept) if w.lower() not in _NAME_JOINERS]
    if len(names) > 2:  # a maker's name is one or two words; the rest name the model ("Veronica Beard Miller Dickey")
        kept = kept[:names[1] + 1]
    return " ".join(kept) or None


_MODEL_OPENERS = frozenset(("The", "Le", "La", "El", "Il", "Les", "Los"))
_TITLE_BAR = re.compile(r"\s*[|｜]\s*")
