"""DeepFashion2's 13 garment categories (ids 1..13, names exactly as the dataset spells them)."""

from __future__ import annotations

import re

CATEGORY_NAMES: tuple[str, ...] = (
    "short_sleeved_shirt",
    "long_sleeved_shirt",
    "short_sleeved_outwear",
    "long_sleeved_outwear",
    "vest",
    "sling",
    "shorts",
    "trousers",
    "skirt",
    "short_sleeved_dress",
    "long_sleeved_dress",
    "vest_dress",
    "sling_dress",
)

NUM_CATEGORIES = len(CATEGORY_NAMES)  # 13; detectors add a background class (index 0)

#: id -> name, ids 1..13 as in DeepFashion2's ``category_id``.
CATEGORIES: dict[int, str] = {i + 1: name for i, name in enumerate(CATEGORY_NAMES)}
CATEGORY_IDS: dict[str, int] = {name: i for i, name in CATEGORIES.items()}


def category_name(category_id: int) -> str:
    try:
        return CATEGORIES[int(category_id)]
    except (KeyError, ValueError, TypeError):
        raise ValueError(f"not a DeepFashion2 category id (1..13): {category_id!r}") from None


def coco_categories() -> list[dict]:
    """The ``categories`` list of a COCO file for DeepFashion2."""
    return [{"id": i, "name": name, "supercategory": "clothes"} for i, name in CATEGORIES.items()]


#: Garment words -> DeepFashion2 category, most specific first (a "shirt dress" is a dress, a
#: "t-shirt" not a shirt). English, German, French, Spanish, Italian, Dutch and Polish shop words.
_WORDS: tuple[tuple[str, int], ...] = (
    (r"(sling|slip|strappy|cami|spaghetti[- ]strap)\w*[- ]dress|tr[aä]gerkleid|robe nuisette", 13),
    (r"(vest|tank|sleeveless|pinafore)[- ]dress|[aä]rmelloses kleid|robe sans manches", 12),
    (r"long[- ]sleeved?[- ]dress|langarmkleid|robe [aà] manches longues", 11),
    (r"dress(es)?\b|kleid|\brobes?\b|vestidos?\b|vestit[oi]\b|\babit[oi]\b|jurk|sukienk", 10),
    (r"t[- ]?shirts?\b|\btees?\b|polo|koszulk|maglie?tt|camisetas?\b|tričko", 1),
    (r"(vest|tank|muscle)[- ]tops?|\btanks?\b|singlet|d[ée]bardeur|canotta|\btop[- ]?tank", 5),
    (r"(sling|strappy|bandeau|halter)[- ]tops?|camisoles?|\bcamis?\b|bustier|tube[- ]top", 6),
    (r"shorts\b|bermuda|pantal[oó]n(es)? cortos?|pantaloncini|kr[oó]tkie spodenki", 7),
    (r"skirts?\b|\brock\b|\bjupes?\b|\bfaldas?\b|\bgonn[ae]\b|\brok\b|sp[oó]dnic", 9),
    (r"jackets?\b|coats?\b|blazers?\b|parkas?\b|anoraks?\b|cardigans?\b|bombers?\b|trench|puffer|jacke|"
     r"mantel|\bvestes?\b|manteau|chaquetas?\b|abrigos?\b|giacc|cappott|\bjas\b|kurtk|p[lł]aszcz", 4),
    (r"shirts?\b|blouses?\b|sweaters?\b|jumpers?\b|hoodies?\b|sweatshirts?\b|pullovers?\b|hemd|bluse|"
     r"chemis|camisas?\b|blusas?\b|camici|overhemd|koszul|\blong[- ]sleeved? tops?", 2),
    (r"trousers?\b|\bpants\b|jeans\b|chinos?\b|leggings\b|joggers?\b|\bhosen?\b|pantalon|vaqueros|"
     r"pantaloni|broek|spodnie", 8),
)
_WORD_RULES = tuple((re.compile(pattern, re.IGNORECASE), category) for pattern, category in _WORDS)


def category_from_text(*texts: str | None) -> int | None:
    """The DeepFashion2 category a listing's own words name (its title, then its category, then
    its breadcrumbs from the most specific), or None when none names a garment of the 13."""
    for text in texts:
        if not text:
            continue
        for rule, category in _WORD_RULES:
            if rule.search(text):
                return category
    return None
