"""Which garment of a street image a post's mention is about.

The mention's category is the one its own words name ("Maya's green cable-knit sweater"), else
the category of the listing it links to. Its box is the found garment of that category (among
each detection's two likeliest) that the detector is surest is that category; when none fits,
the whole image, flagged. The choice never looks at the listing's image: a box picked by
resemblance would leave the dataset only the pairs our own encoder already matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from street2shop.pipeline.detectors.categories import category_from_text

TOP_CATEGORIES = 2


@dataclass
class StreetBox:
    box: tuple[float, float, float, float]
    category: int | None  # the detection's own (arg-max) category; None for the whole image
    whole_image: bool
    ambiguous: bool  # several garments of the category were found: the surest one was taken


def mention_category(text: str | None, listing_category: int | None) -> int | None:
    return category_from_text(text) or listing_category


def choose_box(detections: list, category: int | None, size: tuple[int, int]) -> StreetBox:
    whole = StreetBox((0.0, 0.0, float(size[0]), float(size[1])), None, True, False)
    if category is None:
        return whole
    fits = [d for d in detections if not d.whole_image and category in [c for c, _ in d.top(TOP_CATEGORIES)]]
    if not fits:
        return whole
    best = max(fits, key=lambda d: (float(d.probs[category - 1]), float(d.score)))
    return StreetBox(tuple(round(float(v), 1) for v in best.box), int(best.category), False, len(fits) > 1)
