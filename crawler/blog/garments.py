"""Which outbound links belong to which garment, and how the post labels each one.

A garment is one *link block* (the paragraph, list item, figure or product box that holds
its links), or several: blocks that only carry links and labels ("Shop the exact coat:",
"Similar styles:", "by Zara", a "Buy" button) belong to the garment named by the title just
above them (an h2-h6, or a lead line such as "Rosa's printed wrap dress:"), or, when no
title comes between, to the garment just before them when they add alternatives to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from street2shop.crawler.blog.dom import HEADINGS, LATIN_CAPITALS, NOT_POSSESSOR, POSSESSIVE, Stream, squash, text
from street2shop.crawler.blog.tables import column_name, row_name
from street2shop.crawler.blog.vocabulary import CALLS, DESCRIPTORS, EPISODE_WORDS, GARMENTS, garment_word

#: "Sold out" in the posts' languages: what follows a sold-out exact item stands in for it.
_SOLD_OUT_WORDS = (r"sold out|long gone|no longer available|discontinued|esgotad[oa]s?|agotad[oa]s?|épuisée?s?|"
                   r"ausverkauft|esaurit[oa]|uitverkocht|wyprzedan\w*|распродан\w*|розпродан\w*|tükendi|slutsåld|"
                   r"loppuunmyyty|vyprodán\w*|εξαντλήθηκε|hết hàng")
_SOLD_OUT_CJK = re.compile(r"售罄|已售完|賣完|卖完|断货|斷貨|完売|売り切れ|품절")
#: Words that present a link as an alternative to the exact item.
ALTERNATIVE = re.compile(
    r"\b(similar|get the look|get the style|shop the look|alternatives?|dupes?|look-?alikes?|inspired|"
    r"more options|other options|sold out|also try|try this|budget|splurge|save|cheaper|for less|dead ringer|"
    r"(?:impossible|hard|too hard) to (?:find|track down|identify|id)|"
    r"(?:very |extremely |really )?close(?![-\s]?up)|closest|basically the same|nearly identical|almost identical|"
    r"no id|recreate|(?:a |an )?(?:good|great|close|near) match(?:es)?|not the price|"
    # "I couldn't find the exact pair, but …": the link that follows is not the exact item
    r"(?:couldn['’]?t|could not|can['’]?t|cannot|didn['’]?t|did not|unable to|won['’]?t|will not)\s+"
    r"(?:find|track down|identify|id|locate)(?:\s+\w+){0,3}?\s+exact|not the exact|no exact|"
    # "I couldn't ID her boots, but these …", "Nicht gefunden, aber …", "On n'a pas retrouvé la robe, mais …"
    r"(?:couldn['’]?t|could not|can['’]?t|cannot|unable to)\s+(?:find|track down|identify|id|locate)\b[^.!?]{0,60}?"
    r"\bbut|nicht (?:gefunden|identifiziert)|no (?:he |hemos |lo )?encontr\w*|non (?:ho|abbiamo) trovato|"
    r"não (?:encontr|achei)\w*|pas (?:retrouvé|trouvé)|s['’]en approch\w*|plus abordable|même esprit|"
    # de / fr / es / it / pt / nl
    r"ähnlich\w*|günstiger|similaire\w*|ressemblant\w*|ressemble\w*|moins cher|parecid[oa]s?|similares|"
    r"alternativ[ao]s?|más barat[oa]|simil[ei]|semelhante\w*|mais barat[oa]|vergelijkba\w*|alternatie\w*|"
    r"lijk(?:t|en)(?: erg| veel)? op|benzer\w*|muadil\w*|"  # tr "benzeri", "muadili"
    r"alternatyw\w*|tańsz\w*|"  # pl "Tańsza alternatywa"
    # de / es / sv / da / no / pl, and "a more affordable version"
    r"(?:fast|sehr) gleich|prueba (?:este|esta|estos)|liknande|lignende|tilsvarende|podobn\w+|"
    r"(?:more )?affordable (?:version|option|alternative)|(?:cheaper|budget) version|stand-?ins?|nearest|"
    # fr / es / pt / sv / da / no: "modèle approchant", "casi iguales", "mais em conta", "billigare", "ligner meget"
    r"approchant\w*|casi igual\w*|(?:mais )?em conta|billigare|billigere|ligner(?: meget)?|liknar|alternativ|"
    # the exact one gone: what follows stands in for it ("exact is long gone … but this one")
    r"(?:modern )?equivalent|long gone|no longer available|discontinued|"
    # id / ms, sv, ru, th
    r"mirip|alternatif|budget-?alternati\w*|схож\w*|swaps?|looks? identical|quasi identic\w*|casi id[ée]ntic\w*|"
    r"quase id[êe]ntic\w*|presque identiques?|(?:fast|nahezu) identisch\w*|"
    # fi "samantyylinen", "halvempi"; el "παρόμοιο", "σχεδόν ίδια", "οικονομικότερο"
    r"se (?:le |la |lo |les )?parec\w+|samantyylinen|samankaltai\w*|vastaava\w*|halvempi|edullisempi|παρ[οό]μοι\w*|σχεδ[οό]ν [ίι]δι\w*|"
    r"οικονομικ[οό]τερ\w*|похож\w*|аналог\w*|zamiennik\w*|near-?twins?|parecidinh[oa]s?|inspiraç[ãa]o|"
    # ar: "بديل مشابه", "قريبة جداً من"
    r"مشابه\w*|بديل\w*|شبيه\w*|قريب\S* (?:جد\S* )?من|"
    # he: "פריט דומה"; vi: "Tương tự"
    r"דומה|דומים|חלופה|tương tự|gần giống|"
    # tl: "kamukha ng mga ito", "katulad"; the worn one is another ("hers is custom"); a price bound ("an under-$100 option")
    r"kamukha\w*|katulad\w*|(?:hers|his|theirs) (?:is|are|was|were) (?:custom|vintage|bespoke|made to measure|from an? |by an? )|"
    r"(?:under|below|less than)[- ][$£€]\s?\d+|without the (?:[\w-]+ ){0,2}price(?: tag)?|"
    # the exact one sold out in the post's language, then what stands in ("está esgotada, experimenta esta …")
    + _SOLD_OUT_WORDS + r"|experimenta (?:esta|este|estas|estes)|próbuj|попробуйте|thử|"
    r"бюджетн\w*|дешевл\w*|giá rẻ|rẻ hơn|murah\w*|"  # ru "бюджетный вариант", vi "Bản giá rẻ", id
    # "looked like the COS dress", "not the same bag, but", "the exact same shape", "I'd go with";
    # es "más económico", "el mismo corte"; fr "très proche"; nl "Budgetversie?", "dicht in de buurt";
    # pl "prawie tak samo"; hi "सस्ता विकल्प", "मिलती-जुलती"
    r"look(?:s|ed)? like (?:the|this|these|an?)|not the same|"
    # a strip of others like the worn one ("More camel coats like Maya's", "Shop similar coats like hers")
    r"(?:more|other|shop)\b[^.!?:]{0,30}?\blike (?:hers|his|theirs|[^\W\d_]+['’]s)|"
    r"(?:the )?(?:exact )?same (?:shape|colou?r|cut|silhouette|vibe|feel|fit)|"
    r"i['’]?d go with|más económic[oa]|mais econômic[oa]|plus économique|(?:el|la) mism[oa] (?:corte|forma|color)|"
    r"(?:très |assez )?proche|budget\w*|dicht in de buurt|prawie (?:tak samo|identyczn\w*|tak[ai] sam\w*)|"
    r"सस्त\w*|विकल्प|मिलती-जुलती|मिलता-जुलता|"
    # "try this one" in more languages: fi "kokeile tätä", fr "essayez celle-ci", nl "probeer deze", de "probier
    # diese", el "δοκιμάστε"; el "εναλλακτική", nl "goedkopere variant"
    r"kokeile (?:tätä|näitä)|essayez (?:celle-ci|celui-ci|ceux-ci|celles-ci|plutôt)|probeer (?:deze|dit)|"
    r"probier(?:e|t)? (?:diese[snm]?|das)|δοκιμάστε|εναλλακτικ\w*|goedkoper\w*|"
    # hu "hasonló", "szinte ugyanilyen"; ro "alternativă", "asemănătoare", "similară"; cs "podobný" (above)
    r"hasonl[óo]\w*|szinte ugyanilyen|alternativ[ăe]|asemănăto\w*|similar[ăe])\b",
    re.I)
# The same in ja / zh / ko, which have no word boundaries (read only in text that holds such script).
_ALTERNATIVE_CJK = re.compile(r"닮은꼴|似ている|似てる|似た|類似|相似|类似|平替|平價|平价|替代|유사|비슷한|プチプラ|代わり|代替|대체|"
                              + _SOLD_OUT_CJK.pattern + "|"  # the exact one sold out: what follows
                              r"คล้าย|ทางเลือก")  # and Thai, written without spaces ("ตัวที่คล้ายกัน")
_EXACT_CJK = re.compile(r"同じ|同款|동일|着用|ตัวจริง|เดียวกัน")  # "【着用】": the one worn; th "ตัวเดียวกันเป๊ะ"
#: Japanese kana, CJK ideographs and Hangul syllables: text written in a script without word boundaries.
CJK_CHARS = "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
CJK = re.compile(f"[{CJK_CHARS}]")
# Scripts written without spaces between words (CJK, Thai): their labels are read without word boundaries.
_UNSPACED = re.compile(f"[{CJK_CHARS}\u0e00-\u0e7f]")
#: Words that present a link as the exact item.
_EXACT_PHRASES = (r"exact|the one she wore|the one he wore|identical|same one|on[- ]screen|as seen (?:on|in)|"
                  r"genau|exakt\w*|exactes?|exact[oa]s?|esatt[oa]|exat[oa]|precies|samma|dokładnie ta\w*|"
                  r"igual(?:es)?|iguais|igualzinh[oa]s?|birebir|aynısı\w*|identic[oa]|identyczn\w*|(?:sama )?persis|точно так\w+ же|т(?:а|от|е) сам(?:ая|ый|ые)|"
                  r"نفسها|نفسه|نفس القطعة|המדויק|המקורי|đúng mẫu|y hệt|originalteil\w*|original piece|"
                  r"pezzo originale|capo originale|pieza original|peça original|sama tuote|ίδιο|ίδια|така сама|такий самий|"
                  r"те саме|"
                  # cs / sk "přesně tenhle", ro "exact acesta", hu "pontosan ez", fi "juuri tämä", ca "exacte"
                  r"přesně t\w+|presne t\w+|pontosan ez\w*|ugyanez|juuri tämä|exacte")
# A shop's call that presents its link as the item meant ("Shop it:"), said of look-alikes' buttons too
_SHOP_CALLS = r"buy it|shop it|get it"
EXACT = re.compile(rf"\b({_EXACT_PHRASES}|{_SHOP_CALLS})\b", re.I)
_EXACT_WORDS = re.compile(rf"\b({_EXACT_PHRASES})\b", re.I)
#: The same two, as a list's or a link's class ("similar-items", "shop-exact").
_ALTERNATIVE_CLASS = re.compile(r"(?:^|[\s_-])(similar|alternatives?|dupes?|look-?alikes?|budget|"
                                # in the post's language ("urun-karti benzer", "produit-similaire", "capo-simile")
                                r"benzer|similaires?|similares?|simil[ei]|parecid[oa]s?|semelhantes?|ähnlich|"
                                r"vergelijkbaar|podobn[aey]|liknande|lignende)(?:$|[\s_-])", re.I)
_EXACT_CLASS = re.compile(r"(?:^|[\s_-])(?:exact[oa]?|birebir|esatt[oa]|exat[oa]|exakt|identi[cq]u?[eoa]|"
                          r"precies|dokladn[aey])(?:$|[\s_-])", re.I)

CALL_TO_ACTION = re.compile(r"^(buy|shop|get|see|view|find|click|this|here|link|similar|more|available|where|"
                            # the same calls in the other languages posts are written in ("Kup płaszcz")
                            r"kup|kupuj|zobacz|sprawdź|kaufen|shoppen|ansehen|acheter|achète|découvrir|voir|comprar|"
                            r"compra|compre|ver|acquista|vedi|scopri|köp|koop|bekijk|osta|"
                            # tr "Ürüne git", "Satın al", "İncele"; id "Beli", "Lihat"; sv "Dela", "Spara" (a pin's buttons)
                            r"ürüne|satın|incele|hemen|beli|lihat|dela|spara|"
                            # vi "Xem", "Mua ngay"; pt-BR "Confira"; de "Hier"; he "לרכישה"; ar "تسوق"
                            r"xem|mua|confira|hier|לרכישה|לקנייה|تسوق|اشتري|"
                            # "here" in pl, es, it, pt, fr, nl, sv, tr ("Tutaj", "Aquí", "Qui")
                            r"tutaj|aquí|aqui|qui|ici|här|burada)\b", re.I)
_BY_LINE = re.compile(r"^(by|from)\s", re.I)
#: A line that is only a name ("Zara", "Russell & Bromley", "Dr. Martens").
_BARE_NAME = re.compile(r"^[A-Z0-9À-Ý&+][\w.&+'’-]*(?:\s+(?:&|\+|and|of|de|la|[A-Z0-9À-Ý][\w.&+'’-]*)){0,4}$")
_TITLE_MAX = 80
_IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif)$", re.I)


def is_image_file(path: str) -> bool:
    """A link to a picture file: a lightbox or full-size view, never a shop page."""
    return bool(_IMAGE_FILE.search(path))


_LABEL_READ = 2000  # characters


def label(words: str) -> str | None:
    """"exact" / "alternative" by the last label the words give, else None
    ("Maya's exact boots are sold out, but similar: …" is alternative). Only the words' end is read: a label
    speaks for the links near it, and a page-long paragraph costs a scan of every phrase at every word."""
    words = words[-_LABEL_READ:]
    cjk = _UNSPACED.search(words) is not None
    last_alt = max((m.end() for p in (ALTERNATIVE, _ALTERNATIVE_CJK) if p is ALTERNATIVE or cjk
                    for m in p.finditer(words) if not _a_note(m, words)), default=-1)
    last_exact = max((m.end() for p in (EXACT, _EXACT_CJK) if p is EXACT or cjk for m in p.finditer(words)), default=-1)
    if last_alt < 0 and last_exact < 0:
        return None
    # a tie is one phrase inside another: "nearly identical" is no "identical"
    return "alternative" if last_alt >= last_exact else "exact"


def _first_alternative(words: str):
    """The first look-alike word in `words` that is no note on the item named ("Midirock (leider ausverkauft)")."""
    return next((m for m in ALTERNATIVE.finditer(words) if not _a_note(m, words)), None)


def _a_note(m, words: str) -> bool:
    """A sold-out word that notes how the item named stands rather than leading into another: in brackets
    ("Midirock (leider ausverkauft)", "（已售完）"), running on into the item's own card ("Esgotado Animale
    Jaqueta …"), or, in a script without spaces, going on without a pause ("完売しているようです")."""
    cjk = _SOLD_OUT_CJK.fullmatch(m.group()) is not None
    if not cjk and not _SOLD_OUT.fullmatch(m.group()):
        return False
    rest = words[m.end():]
    if re.search(r"[(（\[【][^)）\]】]*$", words[:m.start()]):
        return True
    return _CLAUSE_ENDS.match(rest) is None and bool(rest.strip()) if cjk else _NAME_NEXT.match(rest) is not None


_CLAUSE_ENDS = re.compile(r"\s*[,;:.!…，、；：。！]")  # "售罄，可以看看…"; not "完売しているようです"
_NAME_NEXT = re.compile(rf"\s+[{LATIN_CAPITALS}]")  # "Esgotado Animale Jaqueta …": the card's own maker and name


def maker_name(line: str) -> str | None:
    """The line when it is only a maker's name ("Zara", "Russell & Bromley"), not a garment's
    ("Leather Boots"), a character's, a label or a call to action."""
    name = line.strip(" ,;:–—-|")
    if not name or len(name) > 40 or POSSESSIVE.search(name) or label(name) or CALL_TO_ACTION.match(name):
        return None
    words = {w for part in name.lower().split() for w in part.split("-")}
    return name if _BARE_NAME.match(name) and words.isdisjoint(DESCRIPTORS) and re.search(r"[^\W\d_]", name) else None


@dataclass
class _Labels:
    """Where labelling a garment's span stands."""

    state: str = "exact"  # the label in force for the next link
    spoken: str = "exact"  # the label the words so far put in force
    since: list = field(default_factory=list)  # words since the previous link


@dataclass
class Group:
    """One garment: its link blocks, the title naming it (or None) and its token span."""

    start: int
    end: int
    blocks: list = field(default_factory=list)  # (block element, [(link element, href)])
    title: object = None  # the heading or lead-line element
    kinds: dict = field(default_factory=dict)  # id(link element) -> kind
    exact_tokens: list = field(default_factory=list)  # the span's tokens said about the exact item
    labels: _Labels = field(default_factory=_Labels)
    labelled: int = -1  # tokens before this are labelled
    ours: set = field(default_factory=set)  # id() of its link elements
    has_exact: bool = False
    named: str | None = None  # the garment's word in the clause leading to its link, when its link names none

    @property
    def links(self) -> list:
        return [pair for _, links in self.blocks for pair in links]

    def add(self, block, links, end: int) -> None:
        self.blocks.append((block, links))
        self.ours.update(id(el) for el, _ in links)
        self.end = max(self.end, end)


def _titles(stream: Stream, blocks: list) -> list:
    """Elements that name what follows: headings, and link-free lead lines ending in ':' or
    wholly bold, outside every link block."""
    inside = {id(el) for block, _ in blocks for el in block.iter()}
    out = []
    for el in stream.elements:
        if id(el) in inside or el.tag not in (*HEADINGS, "p") or label(text(el)):
            continue  # a label line ("Similar styles:") introduces links, not a garment
        if el.tag in HEADINGS or _is_lead_line(el):
            out.append(el)
    return out


def _is_lead_line(p) -> bool:
    if next(p.iter("a", "img"), None) is not None:
        return False
    words = text(p)
    if not words or len(words) > _TITLE_MAX:
        return False
    bold = next(p.iter("strong", "b"), None)
    # "Maya's coat" on a line of its own names the garment the links below are for
    named = len(words.split()) <= 6 and words[-1] not in ".!?" and POSSESSIVE.match(words) is not None
    return words.endswith(":") or (bold is not None and text(bold) == words) or named


def _names_garment(title) -> bool:
    """A title that can name a garment: not a label ("Similar styles"), a call to action
    ("Shop the look") or an episode heading ("Episode 5: Crossing Over")."""
    words = text(title).strip(" :–—-|")
    return bool(words) and len(words) <= _TITLE_MAX and not (
        label(words) or CALL_TO_ACTION.match(words) or EPISODE_WORDS.search(words))


def _to_shop(link) -> bool:
    """Not a link to a picture file (a scene's full-size view)."""
    return not is_image_file(urlsplit(link.get("href") or "").path)


def describes_garment(stream: Stream, block) -> bool:
    """A block that names its own garment: by a heading inside it or in its own words."""
    return next(block.iter(*HEADINGS), None) is not None or _description(stream, block) is not None


def _description(stream: Stream, block) -> str | None:
    """What the block's words before its first link say the garment is ("Coat", "Maya's coat
    is by"), up to any label; None when they are only a label ("Similar styles:", "Maya's
    exact boots:"), a call to action ("Shop the exact coat:"), a by-line or a maker above "Buy"."""
    a, b = stream.span(block)
    first = next((i for i in range(a, b) if stream.tokens[i].kind == "link" and _to_shop(stream.tokens[i].el)), b)
    head = stream.text(a, first)
    said = [m for m in (_first_alternative(head), EXACT.search(head)) if m]
    cut = min((m.start() for m in said), default=len(head))
    before = head[:cut].strip(" :–—-|,.()")
    if said and before.casefold() in _LABEL_NOUNS:  # "Modèle similaire : le legging Spanx": the words after the label
        before = head[min(said, key=lambda m: m.start()).end():].strip(" :–—-|,.()")
    if not re.search(r"[^\W\d_]", before) or POSSESSIVE.fullmatch(before) \
            or _BY_LINE.match(before) or CALL_TO_ACTION.match(before):
        return None
    link_words = stream.tokens[first].text if first < b else ""
    if maker_name(before) and (not link_words or CALL_TO_ACTION.match(link_words)):
        return None
    return before


# The noun of a label ("Modèle similaire :", "Exact item:", "Versione simile:"): no garment of its own
_LABEL_NOUNS = frozenset("""model modèle modele modelo modello item items article artikel articolo artículo pièce
piece pieces pieza pezzo peça version versión versione versão option options opción opzione produit product
produkt prodotto producto produto stück teil""".split())


def group_blocks(stream: Stream, blocks: list, scenes: list[int], *, fixed: bool = False) -> list[Group]:
    """Link blocks (in document order) into garments. `scenes`: token positions of the scene
    images, which end a garment. `fixed`: the site's own selector made each block one garment."""
    titles = _titles(stream, blocks) if not fixed else []
    title_at = [stream.start[id(t)] for t in titles]
    groups: list[Group] = []
    current: Group | None = None
    for block, links in blocks:
        several = None if fixed else _names_several(stream, block, links)
        if several:
            a, b = stream.span(block)
            bounds = [a, *(stream.end[id(el)] for el, _ in links[:-1])]  # each link's words: from the one before
            ends = [*(stream.start[id(el)] for el, _ in links[1:]), b]  # up to the next
            for link, named, start, end in zip(links, several, bounds, ends):
                # "Maya wears a <a>Sandro blazer</a> with <a>Frame jeans</a>"
                current = Group(start, end, title=link[0], named=named)
                current.add(block, [link], end)
                groups.append(current)
            continue
        parts = None if fixed else _garments_and_look_alikes(stream, block, links)
        if parts:
            for start, stop, mine, named in parts:
                # "O tênis da Rita é <a>Nike</a>. Já o boné do Doni não encontramos, mas <a>este é parecido</a>"
                current = Group(start, stop, title=mine[0][0], named=named)
                current.add(block, mine, stop)
                groups.append(current)
            continue
        segments = None if fixed else _bold_segments(stream, block, links)
        if segments:
            for bold, end, own in segments:  # "a <b>trench</b> (<a>exact</a>), a <b>striped top</b> (<a>…</a>)"
                parts = None if _garment_words(text(bold)) else _each_garment(stream, stream.end[id(bold)], own)
                for start, stop, mine, named in parts or [(stream.start[id(bold)], end, own, None)]:
                    # a wearer's line names each garment by its link or its clause ("<b>Carrie:</b> the …
                    # <a>Molly Goddard tulle skirt</a>. Paired with a vintage <a>Chanel cardigan</a>")
                    current = Group(start, stop, title=bold if parts is None else mine[0][0], named=named)
                    current.add(block, mine, stop)
                    groups.append(current)
            continue
        if fixed or describes_garment(stream, block):
            if current is not None and not fixed and _look_alike(stream, current, block, scenes):
                current.add(block, links, stream.end[id(block)])  # "Mango wrap coat (dupe)" after the coat
            else:
                current = _new_group(stream, block, links)
        else:
            title = _title_before(titles, title_at, stream.start[id(block)])
            current = _place_bare(stream, block, links, current, title, scenes)
        if not groups or groups[-1] is not current:
            groups.append(current)
    for group in groups:
        label_links(stream, group)
    return groups


def _look_alike(stream: Stream, group: Group, block, scenes: list[int]) -> bool:
    """A block labelled as an alternative ("(dupe)", "Similar:") right after a garment with an
    exact link, naming the same kind of garment: that garment's look-alike, not a garment of
    its own ("Mango wrap coat (dupe)" after "Max Mara camel coat")."""
    words = stream.text(*stream.span(block))
    if label(words) != "alternative" or _any_between(scenes, group.end, stream.start[id(block)]):
        return False
    label_links(stream, group)
    if not group.has_exact:
        return False
    named = stream.text(group.start, group.end)
    return bool(_garment_words(words) & _garment_words(named))


def _garment_words(words: str) -> set:
    return {w.strip(".,;:()").lower() for w in words.split()} & GARMENTS


def _garments_and_look_alikes(stream: Stream, block, links) -> list | None:
    """A line of prose with a label in it whose links' clauses each name a garment of their own, a
    look-alike going with the garment it shares a word with (``_each_garment``): None for any other
    line (``_names_several`` reads those without a label)."""
    if len(links) < 2 or block.tag not in ("p", "li") or not label(text(block)) \
            or next(block.iter("br"), None) is not None \
            or any(_garment_words(text(b)) for b in block.iter("b", "strong")):
        return None  # (a bold wearer's name opening the line names no garment: "<b>Tessa</b> (Grace Ambrose) …")
    start = stream.start[id(block)]
    parts = _each_garment(stream, start, links)
    if parts and label(stream.text(start, stream.start[id(links[0][0])])) and not all(
            _SENTENCE_END.search(stream.text(part[0], stream.start[id(part[2][0][0])])) for part in parts[1:]):
        # a label before the first link speaks for the whole line ("The closest pieces: <a>…</a> and <a>…</a>"),
        # unless each other garment's clause opens a sentence of its own ("… almost the same — <a>…</a>. On top,
        # a Khaite cashmere crewneck (<a>on Mytheresa</a>)")
        return None
    return parts


def _each_garment(stream: Stream, since: int, links) -> list | None:
    """The garments of a line whose links each name one by their words or the clause before them,
    a look-alike after a label ("For less: <a>ASOS tulle midi</a>") going with the garment before:
    [(start, end, links, the clause's garment word or None)]; None for fewer than two."""
    parts: list[list] = []
    for link in links:
        el = link[0]
        clause = stream.text(since, stream.start[id(el)])
        said = [w for w in (w.strip(".,;:()—–-").lower() for w in clause.split()) if garment_word(w)]
        own = _named_garment(text(el))
        look_alike = label(clause) == "alternative"
        joined = parts and set(re.findall(r"[^\W\d_]+", clause.casefold())) <= _JOINING  # "<a>…</a> or <a>…</a>"
        if parts and (joined or look_alike and (not said or any(said[-1] == p[3] for p in parts)) or not (said or own)):
            # the garment it shares a word with ("For less: <a>ASOS tulle midi</a>" after the tulle skirt
            # and a cardigan), else the one right before; a link's call ("here") or a small word ("from") names none
            words = _words(text(el)) - CALLS - _SMALL_WORDS
            part = max(reversed(parts), key=lambda p: len(words & _words(stream.text(p[0], p[1]))))
            part[1] = max(part[1], stream.end[id(el)])
            part[2].append(link)
        elif said or own:
            parts.append([since, stream.end[id(el)], [link], None if own else said[-1]])
        else:
            return None
        since = stream.end[id(el)]
    return [tuple(p) for p in parts] if len(parts) >= 2 else None


_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")
# The words between two links of one garment's shops ("<a>Free People</a> or <a>ASOS</a>").
_JOINING = frozenset(("or", "and", "oder", "und", "ou", "o", "et", "e", "y", "och", "eller", "og", "of", "en", "lub",
                      "albo", "i", "oppure", "vagy", "veya", "ya"))


# Words of a look-alike's link that say nothing of which garment it stands in for ("a cheaper pair from Target").
_SMALL_WORDS = frozenset("""from with this that these those the for and pair one ones there its her his their
cheaper very von aus mit und der die das chez avec pour les des con per para por las los van met het een från med
och une uns una uno unos unas ein eine einen einem einer il gli lo dei del della ses son sua suo
alternative alternativa alternativ alternatief version versión versione versão variante option budget prix price
precio prezzo preço petit petite""".split())


def _words(words: str) -> set:
    return {w for w in re.findall(r"[^\W\d_]{3,}", words.casefold())}


def _named_garment(words: str) -> bool:
    return any(garment_word(w.strip(".,;:()").lower()) for w in words.split())


def _names_several(stream: Stream, block, links) -> list | None:
    """A line of prose whose links each name a different garment ("a <a>Sandro blazer</a> with
    <a>Frame jeans</a>"), not one garment's shops or alternatives (no label word in it). A link
    whose words name none is named by the clause that leads to it, in a line with no break ("and
    the boots are the classic <a>Stuart Weitzman 5050s</a>"). Per link, the garment word its clause
    gives, else None (the link's words name it); None for a line that is no such prose."""
    if len(links) < 2 or block.tag not in ("p", "li") or label(text(block)):
        return None
    one_line = next(block.iter("br"), None) is None
    kinds, named = [], []
    since = stream.start[id(block)]
    for el, _ in links:
        words = _garment_words(text(el))
        clause = "" if words or not one_line else stream.text(since, stream.start[id(el)])
        said = [w for w in (w.strip(".,;:()").lower() for w in clause.split()) if w in GARMENTS]
        if not (words or said):
            return None
        kinds.append(frozenset(words or said))
        named.append(said[-1] if said else None)
        since = stream.end[id(el)]
    return named if len(set(kinds)) == len(kinds) else None


def _bold_segments(stream: Stream, block, links) -> list | None:
    """A line of prose naming each garment in bold, its links after it ("un <b>trench beige</b>
    (<a>exact</a>), une <b>marinière</b> (<a>…</a>)"): [(bold element, span end, its links)], one
    a garment; None unless every link follows a bold garment name and there are two or more."""
    if len(links) < 2 or not (block.tag in ("p", "li") or _lines_of_a_div(block)):
        return None
    bolds = [el for el in stream.elements_between(*stream.span(block))
             if el.tag in ("b", "strong") and next(el.iter("a"), None) is None
             and not any(up.tag == "a" for up in el.iterancestors())]
    # two or more bold names, or one that opens the line with a colon, naming no garment: a wearer's line
    # ("<b>Belly:</b> the white eyelet top is from Abercrombie (<a>…</a>) and … the <a>Levi's 501 shorts</a>")
    wearer = len(bolds) == 1 and text(bolds[0]).strip().endswith((":", "：")) and not _garment_words(text(bolds[0]))
    if (len(bolds) < 2 and not wearer) or any(
            label(text(b)) or not re.search(r"[^\W\d_]", text(b)) or len(text(b)) > _TITLE_MAX for b in bolds):
        return None
    at = [stream.start[id(b)] for b in bolds]
    own: list[list] = [[] for _ in bolds]
    for link in links:
        n = bisect_left(at, stream.start[id(link[0])])
        if n == 0:
            if not _to_shop(link[0]):
                continue  # a scene's picture above the lines (Blogger's "separator" link)
            return None  # a link before any bold name: not a line of named garments
        own[n - 1].append(link)
    if any(not mine for mine in own):
        return None
    ends = [*at[1:], stream.end[id(block)]]
    return list(zip(bolds, ends, own))


def _lines_of_a_div(block) -> bool:
    """A div that holds its words as lines parted by breaks (Blogger's post body), not as paragraphs."""
    return block.tag == "div" and block.find("br") is not None and next(block.iter("p", "li", *HEADINGS), None) is None


def _place_bare(stream: Stream, block, links, current: Group | None, title, scenes: list[int]) -> Group:
    """The garment a block of bare links and labels goes to: the one a title after the current
    garment names, else the current one when nothing (a title, a scene) comes between and it
    continues it, else a garment of its own."""
    a, b = stream.span(block)
    opens = title is not None and stream.start[id(title)] >= (current.end if current else -1)
    if opens and _names_garment(title):
        group = Group(stream.start[id(title)], b, title=title)
        group.add(block, links, b)
        return group
    if not opens and current is not None and not _any_between(scenes, current.end, a):
        label_links(stream, current)
        if _names_another_garment(stream, current, a) or (current.kinds
                                                          and _sentence_between(stream.text(current.end, a))):
            # from the line that names it ("Le bonnet : A.P.C."; "Seyran'ın çantası Mango'dan." after the dress's
            # look-alike: the bag's own links)
            group = Group(current.end, b)
            group.add(block, links, b)
            return group
        if _continues(stream, current, block, links):
            current.add(block, links, b)
            return current
    return _new_group(stream, block, links)


def _names_another_garment(stream: Stream, group: Group, at: int) -> bool:
    """The words between a garment and the next links name a garment of another kind ("Le bonnet : A.P.C." after
    the jacket's links, "Ses mocassins sont des Jonak."): those links are that garment's, not the jacket's."""
    between = _garment_words(stream.text(group.end, at))
    return bool(between) and not between & _garment_words(stream.text(group.start, group.end))


def _new_group(stream: Stream, block, links) -> Group:
    a, b = stream.span(block)
    group = Group(a, b)
    group.add(block, links, b)
    return group


def _title_before(titles: list, title_at: list[int], at: int):
    n = bisect_left(title_at, at)  # title_at is in document order
    return titles[n - 1] if n else None


def _any_between(positions: list[int], a: int, b: int) -> bool:
    """Whether a sorted list of positions has one in [a, b)."""
    n = bisect_left(positions, a)
    return n < len(positions) and positions[n] < b


def _continues(stream: Stream, group: Group, block, links) -> bool:
    """A block of bare links goes on the garment before it when the garment has no exact link
    yet or these come as its alternatives ("Get the look for less: …")."""
    label_links(stream, group)
    if not group.has_exact:
        return True
    trial = replace(group.labels, since=list(group.labels.since))
    ours = {id(el) for el, _ in links}
    labelled = _label(stream, group.end, stream.end[id(block)], ours, group.start, trial)
    return all(kind == "alternative" for _, kind, _ in labelled if kind)


def _sentence_between(words: str) -> bool:
    """A whole sentence of prose, no label in it, between a garment's links and the next ones."""
    words = words.strip()
    return len(words.split()) >= 3 and words[-1:] in ".!。！" and label(words) is None


def label_links(stream: Stream, group: Group) -> None:
    """Label the group's links and note its words said about the exact item, from where the
    last call stopped to the group's end."""
    if group.labelled < 0 and (_lead_label(stream, group.start) or _list_lead_label(stream, group)
                               or _section_label(stream, group.start)) == "alternative":
        # "The original is unbranded, but these are great matches:" right before the list
        group.labels.state = group.labels.spoken = "alternative"
    for token, kind, spoken in _label(stream, max(group.labelled, group.start), group.end, group.ours,
                                      group.start, group.labels):
        if kind:
            group.kinds.setdefault(id(token.el), kind)
            group.has_exact = group.has_exact or kind == "exact"
        if (kind or spoken) == "exact":
            group.exact_tokens.append(token)
    group.labelled = group.end


def _label(stream: Stream, a: int, b: int, ours: set[int], start: int, labels: _Labels):
    """(token, kind of our link or None, label the words put in force) for tokens [a, b).
    A link's kind: its own words or title, a label in brackets right after it ("Max Mara
    (exact), Zara (similar)"), else its list's class, else the last label in the text since the
    previous link, else the label in force (exact at first). A label in text or in a link's own
    words stays in force for the links after it."""
    claimed = None  # the bracketed label right after a link is that link's, not the next one's
    claimed_end = 0  # where the claimed label ends in its text
    if a > 0 and stream.tokens[a - 1].kind == "link" and a < len(stream.tokens):
        # the span opens right after another garment's link: the words that label that link are its own
        # ("<a>these Theory pants</a> are nearly identical. Shoes: the <a>Sam Edelman Hazel pumps</a>")
        told, end = _claim(stream, a - 1)
        claimed, claimed_end = (stream.tokens[a], end) if told else (None, 0)
    for i in range(a, b):
        token = stream.tokens[i]
        if token.kind != "link" or id(token.el) not in ours:
            # a heading speaks only when it is a label ("Shop similar" over a strip of cards)
            # the words after the claimed label speak for the links after ("Erdem (exact) / similar here, here")
            words = token.text if token is not claimed else token.text[claimed_end:]
            if token.kind != "break" and words.strip() and (not token.heading or _is_label(token.text)
                                                             or _labelled_heading(token.text)):
                labels.since.append(words)
                labels.spoken = label(words) or labels.spoken
            yield token, None, labels.spoken
            continue
        after = stream.tokens[i + 1] if i + 1 < len(stream.tokens) else None
        told, end = _claim(stream, i)
        claimed = after if told else None
        claimed_end = end if told else len(after.text) if after is not None else 0
        own = label(token.text)
        if own == "alternative" and label(_SOLD_OUT.sub(" ", token.text)) is None:
            own = None  # the link's own "Sold Out" badge notes how its item stands ("Ribbed Scoop Tank Amazon Sold Out")
        # a shop's call on the button ("Get it from Nordstrom for $98") says less than its card's class
        # ("product-card--similar"): it calls every card so
        call = own if own == "exact" and not _EXACT_WORDS.search(token.text) else None
        said = ((None if call else own) or label(token.el.get("title") or "") or told
                or label(column_name(token.el)) or label(" ".join(labels.since)))
        if own is None and said == "alternative" and not told and CALL_TO_ACTION.match(token.text.strip()) \
                and _beside_a_similar_button(stream, i):
            said = "exact"  # "SHOP" beside "SHOP SIMILAR": the bare one is the exact item, whatever the prose said
        kind = said or _class_label(token.el, stream, start) or call or labels.state
        labels.state = labels.spoken = said or call or labels.state
        labels.since = []
        yield token, kind, labels.spoken


def _claim(stream: Stream, i: int) -> tuple[str | None, int]:
    """The label the words right after the link at `i` give it, and where in that text they end: a bracketed
    label ("Zara (similar)"), the clause after it ("<a>these</a> are very close", "<a>denne</a> ligner meget"),
    or its first words when they call it another ("<a>dit vest</a> een prima alternatief")."""
    after = stream.tokens[i + 1] if i + 1 < len(stream.tokens) else None
    if after is None or after.kind != "text":
        return None, 0
    bracket = _BRACKETED.match(after.text) or _DASHED_LABEL.match(after.text)
    if bracket and label(bracket.group(1)):
        # "(sold out)" after a link says how the exact item stands, not that the link is another
        return (None, 0) if _SOLD_OUT.search(bracket.group(1)) else (label(bracket.group(1)), bracket.end())
    clause = _SAID_OF_LINK.match(after.text)
    told = label(clause.group(0)) if clause else None
    if told is None:
        clause = _FIRST_WORDS.match(after.text) or _CLAUSE_TO_END.match(after.text)
        if clause and not after.text[clause.end():].strip() and _link_next(stream, i + 2) \
                and _JOINED_ON.match(after.text):
            clause = None  # words joining on into the next link are its lead ("<a>…</a> and a look-alike <a>")
        told = "alternative" if clause and label(clause.group(1)) == "alternative" \
            and not _SOLD_OUT.search(clause.group(1)) else None  # "— sold out in the other colours!"
    return (told, clause.end()) if told else (None, 0)


# A clause after a link that opens with a joining word leads into the next link (not "<a>…</a> s'en approche, et <a>")
_JOINED_ON = re.compile(r"\s*[,;]?\s*(?:and|or|with|plus|et|ou|avec|y|o|con|und|oder|mit|en|of|e|och|eller|og|i|lub)\s",
                        re.I)


def _link_next(stream: Stream, i: int) -> bool:
    return i < len(stream.tokens) and stream.tokens[i].kind == "link"


def _beside_a_similar_button(stream: Stream, i: int) -> bool:
    """The next link, with nothing said between, is a button whose few words say look-alike ("SHOP SIMILAR",
    "BUDGET PICK")."""
    for token in stream.tokens[i + 1:i + 8]:
        if token.kind == "link":
            return label(token.text) == "alternative" and len(token.text.split()) <= 3
        if token.kind == "text" and token.text.strip():
            return False
    return False


def _lead_label(stream: Stream, at: int) -> str | None:
    """The label of the sentence that leads into the span starting at `at` (the text right
    before it, ending in a colon)."""
    words = []
    for token in reversed(stream.tokens[max(0, at - 12):at]):
        if token.kind == "link":
            break
        if token.kind == "text":
            words.append(token.text)
            if token.text.strip():
                break
    lead = " ".join(reversed(words)).strip()
    return label(lead[-120:]) if lead.endswith((":", "：")) else None


def _section_label(stream: Stream, at: int) -> str | None:
    """The label of the section the span starting at `at` sits in: its nearest heading before, when that
    heading is a label and nothing more ("<h2>Get the look for less</h2>" over "Shop now" buttons)."""
    words: list[str] = []
    for token in reversed(stream.tokens[max(0, at - _SECTION_READ):at]):
        if token.heading:
            if token.kind == "text":
                words.append(token.text)
        elif words:
            break
    heading = " ".join(reversed(words)).strip()
    if not heading or not _is_label(heading):
        return None
    # "Shop the look" heads the exact pieces as often as look-alikes: only the words beside it count
    # ("Get the look for less")
    rest = _SHOP_THE_LOOK.sub(" ", heading).strip()
    return label(rest) if rest else None


_SECTION_READ = 400  # tokens back to the section's heading
_SHOP_THE_LOOK = re.compile(r"\b(?:shop|get|steal) the (?:look|style|post|outfit)\b", re.I)


def _list_lead_label(stream: Stream, group: Group) -> str | None:
    """The label of the sentence that leads into the list the group's first block is an item of
    ("… deux versions qui s'en approchent :" over a list of two garments): it speaks for every item."""
    block = group.blocks[0][0]
    li = block if block.tag == "li" else next(block.iterancestors("li"), None)
    parent = li.getparent() if li is not None else None
    if parent is None or parent.tag not in ("ul", "ol") or id(parent) not in stream.start:
        return None
    return _lead_label(stream, stream.start[id(parent)])


def _labelled_heading(words: str) -> bool:
    """A list item's heading that opens with its label ("2. A similar chunky knit, since …", "Morgan's exact
    Khaite jeans"); not a call to shop the look, which heads exact pieces as often as look-alikes."""
    opening = " ".join(_NUMBERED.sub("", words).split()[:3])
    return label(opening) is not None and not _SHOP_THE_LOOK.search(words)


_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s*")


def _is_label(words: str) -> bool:
    """Words that are a label and nothing more: "Shop similar", "Similar styles", "Get the look for less"."""
    return len(words.split()) <= 5 and label(words) is not None


_BRACKETED = re.compile(r"^\s*[(\[]([^()\[\]]{1,30})[)\]]")
# "<a>Steve Madden Irenee Sandals</a> — exact match": a label after a dash that ends the line or sentence
# (not "— similar: <a>…</a>", which leads into the next link)
_DASHED_LABEL = re.compile(r"^\s*[—–-]\s*([^:：()\[\]\n]{1,30}?)\s*(?:[.!;,]|$)")
_SAID_OF_LINK = re.compile(r"^\s*(?:(?:is|are|was|were|looks?|seems?|has|have|ist|sind|est|sont|es|son|è|sono|é|são|"
                           r"ligner|liknar|lijkt|lijken|jest|są|er|är)\s+([^.;:!?()]{1,40})|"
                           # no verb: "<a>cardigan di H&M</a> molto simile"
                           r"(?:molto|very|sehr|très|muy|bem|bardzo|zeer|mycket|meget|ganz)\s+[^\W\d_]+)", re.I)
_SOLD_OUT = re.compile(_SOLD_OUT_WORDS, re.I)
# The first words after a link, up to four, within its sentence and not leading into the next link (no colon).
# (a point inside a word is no sentence's end: "from J.Crew is a near-twin")
_WORD = r"(?:[^\s.;:!?()]|\.(?=\w))+"
_FIRST_WORDS = re.compile(rf"^\s*((?:{_WORD}\s+){{0,3}}{_WORD})\s*(?:[;!?)]|\.(?!\w)|$)")
# Or the clause after it that ends its sentence in the same text, leading into no other link ("<a>Nordstrom</a>
# — the Sam Edelman Hazel is a close match to her pumps (hers are custom).")
# (or to a comma before the sentence's next clause: "… is a solid lookalike, and it comes in the same blue.")
_CLAUSE_TO_END = re.compile(rf"^\s*(?:[–—-]\s*)?((?:{_WORD}\s+){{0,13}}?{_WORD}?)\s*"
                            r"(?:[!?(]|\.(?!\w)|,\s+(?:and|but|so|though|which|while|y|et|e|und|en|och|og)\s)")


def _class_label(link, stream: Stream, start: int) -> str | None:
    """The label a link's own class or an enclosing list's class gives (class="similar-items"),
    looking no further out than the garment's own span."""
    node = link
    while node is not None and stream.start.get(id(node), -1) >= start:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _ALTERNATIVE_CLASS.search(names):
            return "alternative"
        if _EXACT_CLASS.search(names):
            return "exact"
        node = node.getparent()
    return None


_SPEAKER = re.compile(r"[,;]?\s*(?:but\s+|and\s+)?(?:i|we|you|she|he|they)\s*$", re.I)
_LEAD_IN = re.compile(r"^.*?(?=\b[A-Z][\w-]*['’]s\s)")  # "In this scene, Leo's jacket" -> "Leo's jacket"
_TRAILING = re.compile(r"(\s+(is|are|was|were|by|from|at|in|on|via|here|is from|comes from|"
                       r"(?:é|são|es|son)\s+(?:da|do|de)))+\s*$", re.I)  # "O vestido é da", "El bolso es de"


def garment_name(stream: Stream, group: Group) -> str:
    if group.named:
        return group.named
    name = text(group.title).strip(" :–—-|,.") if group.title is not None else block_text(stream, group.blocks[0][0])
    if group.title is not None and group.title.tag in ("b", "strong"):
        at = stream.start[id(group.title)]
        before = stream.tokens[at - 1] if at and stream.tokens[at - 1].kind == "text" else None
        whose = _WHOSE.search(before.text) if before is not None else None
        if whose:  # "Teddy's <b>tweed blazer</b>": the wearer stays with the garment
            name = f"{whose.group(1)} {name}"
    name = _NUMBERING.sub("", name) or name  # "2. Leo's leather jacket" in a numbered list of looks
    lead = _LEAD_LABEL.match(name) or _LEAD_BADGE.match(name)
    if lead and label(lead.group(1)):  # "Modèle similaire : le legging effet cuir Spanx", a badge's "IDENTICO Giacca
        name = name[lead.end():] or name  # leopardata …": the label is no garment's word
    return name


_LEAD_LABEL = re.compile(r"^([^:：]{1,30}?)\s*[:：]\s*(?=\S)")
_LEAD_BADGE = re.compile(rf"^([{LATIN_CAPITALS}]{{3,}}(?:\s[{LATIN_CAPITALS}]{{3,}})?)\s+(?=\S)")
_WHOSE = re.compile(rf"\b{NOT_POSSESSOR}([A-Z][\w-]*['’]s)\s*$")


_NUMBERING = re.compile(r"^(?:#?\d{1,2}[.):]|\(\d{1,2}\))\s+")


def block_text(stream: Stream, block) -> str:
    """The garment as a block describes it: its heading, a table row's garment cell, else its
    words before its first link (all its words when those are only a short label)."""
    heading = next(block.iter(*HEADINGS), None)
    if heading is not None and text(heading):
        return text(heading).strip(" :–—-|,.")
    name = row_name(block) if block.tag == "tr" else None
    if name:
        return name
    words = _words_before_link(stream, block)
    linked = _linked_garment(block, words)
    if linked:
        return linked
    m = _first_alternative(words)
    if m and m.start() > 8:
        words = _SPEAKER.sub("", words[: m.start()])  # "Boots, I couldn't find the exact pair" -> "Boots"
    words = _LEAD_IN.sub("", squash(words), count=1).strip(" :–—-|,.(")
    return _TRAILING.sub("", words).strip(" :–—-|,.(")  # "Wrap coat (dupe)" cut at its label


def _linked_garment(block, before: str) -> str | None:
    """Prose that names the garment only in its link ("Leo wore a <a>navy peacoat by Sandro</a>"):
    the link's words, without the maker after "by"."""
    if block.tag not in ("p", "li") or _garment_words(before):
        return None
    first = next((a for a in block.iter("a") if a.get("href") and _to_shop(a)), None)
    words = text(first) if first is not None else ""
    if not _garment_words(words) or label(words):
        return None
    return _BY_TAIL.sub("", words).strip(" :–—-|,.")


_BY_TAIL = re.compile(r"\s+(?:by|from)\s+\S.*$", re.I)


def _words_before_link(stream: Stream, block) -> str:
    words = text(block)
    first = next((a for a in block.iter("a") if a.get("href") and _to_shop(a)), None)
    if first is None or not text(first):
        return words
    a, b = stream.span(block)
    at = next((i for i in range(a, b) if stream.tokens[i].el is first), b)
    head = stream.text(a, at) or words.split(text(first), 1)[0]
    short_but_said = _description(stream, block) is not None  # "Coat: <a>Max Mara</a>"
    return head if short_but_said or len(head.strip(" :–—-|")) >= 8 else words
