"""DeepFashion2's 13 garment categories (ids 1..13, names exactly as the dataset spells them)."""

from __future__ import annotations

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
