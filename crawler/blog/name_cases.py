"""Names as posts in other languages write them: the Polish genitive back to the name itself, and
the Japanese, Korean and Chinese ways of naming whose garment it is (after the episode in a title,
before the garment in a heading or line).

"Stylizacja Natalii", "stylizacje Natalii i Moniki", "Sukienka Moniki": a Polish post names whose look or
garment it is with the name in the genitive, and the nominative ("Natalia", "Monika") may appear nowhere.
Women's names end in -a and take -i / -y (-ii after i: "Natalia" -> "Natalii", "Kasia" -> "Kasi", "Zuza" ->
"Zuzy", "Monika" -> "Moniki"); men's names take -a ("Jan" -> "Jana", "Tomek" -> "Tomka"), which is
read only where the post writes the name itself too. Russian alike ("образы Даши и Марины": Даша, Марина;
"Мария" -> "Марии"; a man's "Ивана" only where the post writes "Иван").
"""
from __future__ import annotations

import re

from street2shop.crawler.blog.vocabulary import garment_word

class _Genitive:
    """How one language writes whose look or garment it is, the name in the genitive."""

    def __init__(self, name: str, looks: str, and_words: str, endings: tuple):
        self.looks_of = re.compile(rf"(?<![^\W\d_])(?i:{looks})\s+(?P<who>{name}(?:(?:\s*,\s*|\s+(?:{and_words})\s+)"
                                   rf"{name})*)")
        self.garment_of = re.compile(rf"(?<![^\W\d_])(?P<what>[^\W\d_]+)\s+(?P<who>{name})(?![^\W\d_])")
        self.each = re.compile(rf"\s*,\s*|\s+(?:{and_words})\s+")
        self.endings = endings  # (genitive ending, nominative endings, only where the post writes the name)


_GENITIVES = {
    # "Stylizacja Zuzy", "stylizacje Natalii i Moniki", "Look Ingi", "outfity Kasi"
    "pl": _Genitive(r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{2,}", r"stylizacj[aei]|stylówk[aiy]|looki?|outfit(?:y|u)?|ubrania|ciuchy",
                    r"i|oraz", (("ii", ("ia",), False), ("ki", ("ka",), False), ("gi", ("ga",), False),
                                ("y", ("a",), False), ("i", ("ia", "a"), False), ("ka", ("k", "ek"), True),
                                ("a", ("",), True))),
    # "образы Даши и Марины", "пальто Даши": -ы/-и for -а/-я, -ии for -ия; a man's -а only where written
    "ru": _Genitive(r"[А-ЯЁ][а-яё]{2,}", r"образы?|наряды?|луки?|стиль|гардероб|одежда|костюмы",
                    r"и", (("ии", ("ия",), False), ("ы", ("а",), False),
                           *((c + "и", (c + "а",), False) for c in "шжчщкгх"),  # Даши, Ольги: -и after these
                           ("и", ("я", "а"), False),  # Кати, Тани
                           ("я", ("ь", "й"), True), ("а", ("",), True))),
}


def looks_of(words: str, known: str, language: str = "pl") -> list[str]:
    """The names of "Stylizacje Natalii i Moniki", "образы Даши и Марины": the look's owners, their
    genitive undone (`known`: the post's text, where a man's name must also appear as itself)."""
    case = _GENITIVES[language]
    out: list[str] = []
    for m in case.looks_of.finditer(words):
        for gen in case.each.split(m.group("who")):
            name = nominative(gen, known, language=language)
            if name and name not in out:
                out.append(name)
    return out


def garment_owners(words: str, known: str, language: str = "pl") -> list[str]:
    """The names after a garment's word in the genitive ("Sukienka Moniki", "пальто Даши"), where the post
    also writes the name itself: not a maker after its garment ("sukienka Mohito")."""
    out: list[str] = []
    for m in _GENITIVES[language].garment_of.finditer(words):
        if not garment_word(m.group("what").casefold()):
            continue
        name = nominative(m.group("who"), known, written=True, language=language)
        if name and name not in out:
            out.append(name)
    return out


def nominative(gen: str, known: str, written: bool = False, language: str = "pl") -> str | None:
    """The name whose genitive `gen` is, or None: the form `known` writes, else (unless `written` is asked
    for) a woman's name by the rule."""
    for ending, nominatives, only_written in _GENITIVES[language].endings:
        if gen.endswith(ending):
            forms = [gen[:-len(ending)] + n for n in nominatives]
            written = written or only_written
            break
    else:
        return None
    for form in filter(None, forms):
        if re.search(rf"(?<![^\W\d_]){re.escape(form)}(?![^\W\d_])", known):
            return form
    return None if written else forms[0]


# Whose garment, as Japanese, Korean and Chinese write it: a name, its genitive particle (の, 의, 的; Korean
# also a bare space) and the garment, opening a heading or a line ("★紬のコート", "【紬のニット】", "とわ子の衣装",
# "우영우 원피스", "顾佳的外套").
_CJK_GARMENTS = (
    "衣装", "私服", "服", "コーデ", "ファッション", "コート", "ジャケット", "スカート", "パンツ", "ワンピース", "ドレス", "ニット",
    "セーター", "カーディガン", "ブラウス", "シャツ", "バッグ", "靴", "スニーカー", "ブーツ", "ピアス", "イヤリング", "ネックレス",
    "帽子", "マフラー", "メガネ", "サングラス", "패션", "코디", "옷", "원피스", "가방", "블라우스", "귀걸이", "코트", "자켓", "재킷",
    "니트", "셔츠", "치마", "스커트", "바지", "신발", "구두", "목걸이", "가디건", "운동화", "모자", "穿搭", "造型", "服装", "服裝",
    "衣服", "外套", "大衣", "连衣裙", "連衣裙", "裙", "衬衫", "襯衫", "包", "耳环", "耳環", "毛衣", "西装", "西裝", "鞋", "项链",
    "項鍊", "旗袍", "T恤", "卫衣", "衛衣", "针织衫", "針織衫", "风衣", "風衣", "裤", "褲", "半身裙", "羽绒服", "西服", "开衫",
    "開衫", "马甲", "吊带", "靴", "手袋", "围巾", "圍巾", "トップス", "スウェット", "パーカー", "Tシャツ", "デニム", "ジーンズ",
    "ベスト", "ローファー", "パンプス", "サンダル", "ストール", "티셔츠", "후드", "점퍼", "패딩", "청바지", "슬랙스", "부츠", "로퍼",
    "샌들", "스카프", "선글라스", "洋裝", "洋装", "裙子", "上衣", "褲子", "裤子", "針織", "针织", "襯衫", "洋服",
    "수트", "정장", "블레이저", "트렌치코트", "스웨터", "카디건", "西装外套", "スーツ", "套装", "套裝", "セットアップ", "셋업")
_CJK_WORD = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3々]"
_CJK_OWNER = re.compile(rf"^[\s★☆■□●◆◇▶▷・【「『\[①-⑳]*(?:\d{{1,2}}[.)]\s*|[一二三四五六七八九十]{{1,3}}[、.]\s*)?"
                        rf"(?P<who>{_CJK_WORD}{{1,6}}?)(?:の|의|的|\s)\s*"
                        rf"(?:[\u4e00-\u9fff]{{1,2}}色)?"  # a colour before the garment ("黄亦玫的驼色大衣")
                        rf"(?P<what>{'|'.join(sorted(_CJK_GARMENTS, key=len, reverse=True))})")
_CJK_GLUED = re.compile(_CJK_OWNER.pattern.replace(r"(?:の|의|的|\s)\s*", r"(?:の|의|的|\s)?\s*"))
# Words before a particle that are no one's name: this, today's, last time's, similar, popular, her...
_CJK_NOT_NAMES = frozenset((
    "今回", "今日", "前回", "次回", "今週", "彼女", "彼", "私", "主人公", "同じ", "似た", "似ている", "こちら", "その", "この",
    "あの", "定番", "人気", "春", "夏", "秋", "冬", "白", "黒", "赤", "青", "女性", "男性", "メンズ", "レディース", "ブランド",
    "오늘", "이번", "지난", "다음", "여자", "남자", "비슷한", "같은", "이", "그", "저", "여주", "남주", "今天", "这次", "這次",
    "这件", "這件", "同款", "女主", "男主", "她", "他", "我",
    # the episode before or after, this one ("上一集的穿搭")
    "上一集", "下一集", "上集", "下集", "本集", "這集", "这集", "前一集", "次の回", "前の回", "지난회", "이번회", "지난 회",
    # materials before a garment ("데님 스커트", "レザー ジャケット", "真丝 衬衫")
    "데님", "린넨", "레더", "가죽", "울", "캐시미어", "실크", "트위드", "코튼", "스웨이드", "니트", "レザー", "リネン", "ウール",
    "シルク", "カシミヤ", "カシミア", "ツイード", "コットン", "スエード", "ニット", "丝绸", "真丝", "羊毛", "羊绒", "皮革", "牛仔",
    "絲綢", "真絲", "羊絨", "棉麻",
    # a jewel or a colour before it ("③ 진주 귀걸이", "크림 가디건", "珍珠耳环", "パール ピアス")
    "진주", "크림", "아이보리", "베이지", "블랙", "화이트", "네이비", "珍珠", "パール", "クリーム", "ベージュ", "アイボリー"))
_KATAKANA_ONLY = re.compile(r"[\u30a1-\u30fa\u30fc]+")


def cjk_owner(line: str, title: str, glued: bool = False) -> str | None:
    """The name whose garment a heading or line opens with; a name in katakana alone (also how shops'
    names are written: "ユニクロのコート") only where the title names it too. `glued`: also a name written
    right before the garment, as Chinese titles list them ("涎鎮大衣、蕙廷洋裝")."""
    line = _ACTOR_IN_BRACKETS.sub("", line)  # "美咲（白石なつみ）の衣装"
    m = (_CJK_GLUED if glued else _CJK_OWNER).match(line)
    if m is None:
        return None
    who = m.group("who")
    if glued and _GLUED_GARMENT.match(line, m.start("who")):
        return None  # one garment's word, not a name glued to it ("트렌치코트": a trench coat)
    if who in _CJK_NOT_NAMES or who in _CJK_GARMENTS or who[0] in _PRONOUN_OPENING or who[-1] in _KIND_ENDING or (
            _KATAKANA_ONLY.fullmatch(who) and who not in title):
        return None  # not "她手上" (her hand), nor a shop's name in katakana
    return who


# an actor's name in brackets right after the character's, before its particle ("美咲（白石なつみ）の", "하리(김세정)의")
_ACTOR_IN_BRACKETS = re.compile(rf"(?<={_CJK_WORD})\s?[（(]{_CJK_WORD}{{2,8}}[）)](?=\s?[の의的と과와、&＆])")
_PRONOUN_OPENING = frozenset("她他我你您這这那其此该該")
_GLUED_GARMENT = re.compile("|".join(sorted(_CJK_GARMENTS, key=len, reverse=True)))
_KIND_ENDING = frozenset("色款风風系")  # a colour, a style or a model ("黑色大衣", "同款", "韩系")


def cjk_title_owners(title: str) -> list[str]:
    """Whose garments a title lists after its episode ("킹더랜드 3화 사랑 원피스, 평화 블라우스 정보")."""
    m = _AFTER_EPISODE.search(title)
    if m is None:
        return []
    names: list[str] = []
    # not "(임윤아 옷, 고원희 옷)": the actors' clothes; nor the episode's own particle ("第3話の衣装まとめ")
    listed = _EPISODE_PARTICLE.sub("", _BRACKETED.sub(" ", title[m.end():]))
    bare: list[str] = []  # names listed before the one the garment follows ("汪小姐、玲子、李李穿搭合集")
    for part in _LIST_SEPARATOR.split(listed):
        who = cjk_owner(part, title, glued=True)
        if who:
            names.extend(n for n in (*bare, who) if n not in names)
            bare = []
            continue
        alone = _LEAD_IN.split(part)[-1].strip()  # "服装同款：汪小姐"
        bare = bare + [alone] if cjk_name(alone) and not names_cjk_garment(alone) else []  # not "衣装まとめ"
    return names


_AFTER_EPISODE = re.compile(r"第\s*\d{1,3}\s*[話话集회回]|(?<![\d.])\d{1,3}\s*[화회話]")
_LIST_SEPARATOR = re.compile(r"[,、，/｜|]")
_EPISODE_PARTICLE = re.compile(r"^\s*[の의的]")
_LEAD_IN = re.compile(r"[:：]")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")


def cjk_name(words: str) -> bool:
    """A name of one to six Japanese, Korean or Chinese characters that no list says is a word ("玲子", "우영우")."""
    return re.fullmatch(rf"{_CJK_WORD}{{1,6}}", words) is not None and words not in _CJK_NOT_NAMES \
        and words not in _CJK_GARMENTS


def names_cjk_garment(words: str) -> bool:
    return any(g in words for g in _CJK_GARMENTS)


# Right after the episode, whose clothes ("第5話 みくりの衣装", "第8話 エミリー&ミンディのファッション",
# "5화 블레어 패션", "第6集 艾蜜莉的穿搭").
_CJK_NAME = r"[^\s\d「」『』【】\[\]、,:：&＆の의的()（）]{1,8}"
# (Korean names side by side with a space: "245회 유재석 조세호 의상 정보")
_CJK_WHO = re.compile(rf"(?:第\s*\d{{1,3}}\s*[話话集回]|\d{{1,3}}\s*[화회])[\]】」』]?\s*(?P<who>{_CJK_NAME}(?:\s*[&＆、と]\s*{_CJK_NAME}|"
                      r"\s+[가-힣]{2,4})*)"
                      r"\s*(?:の|의|的)?\s*(?:衣装|コーデ|ファッション|服|私服|패션|코디|옷|의상|스타일|穿搭|造型|服装|服裝)")
_CJK_AND = re.compile(r"\s*[&＆、と]\s*|\s+(?=[가-힣])")


def _middle_dot_names(words: str) -> list[str]:
    """"紬・奈々" is two people; "エミリー・クーパー" one, a foreign name whose parts katakana parts with the dot."""
    if "・" not in words or _KATAKANA.search(words):
        return [words]
    return words.split("・")


_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")


def cjk_episode_wearers(title: str) -> list[str]:
    """Whose clothes a Japanese, Korean or Chinese title names right after its episode."""
    m = _CJK_WHO.search(_ACTOR_IN_BRACKETS.sub("", title))  # "美咲（白石なつみ）と陽菜の衣装": the actor's name
    return [n for part in _CJK_AND.split(m.group("who")) for n in _middle_dot_names(part) if n] if m else []
