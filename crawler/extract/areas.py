"""Page areas whose content belongs to other products (related items, carousels,
footers, second-hand offers), shared by the price, image and brand heuristics."""
from __future__ import annotations

import re

_RELATED = ("related", "recommend", "similar", "sponsor", "upsell", "up-sell", "crosssell", "cross-sell",
            "also", "carousel", "recent", "footer", "minicart", "mini-cart", "cart-drawer", "flyout",
            "wishlist", "bundle", "complete-the-look", "outfit", "you-may", "youmay", "suggest", "teaser",
            "tile", "listing", "search-result", "product-list", "productlist", "product-grid", "grid-item",
            "megamenu", "mega-menu", "navigation", "comparison")
# Second-hand offer boxes sit beside the new-item buy box on marketplaces.
_USED = re.compile(r"(?:^|[^a-zA-Z])(?i:used|refurb[a-z]*|renewed|pre-?owned|second-?hand)(?=[^a-z]|$)")
_USED_HINTS = ("used", "Used", "USED", "refurb", "Refurb", "renewed", "Renewed", "owned", "Owned", "hand", "Hand")


def _is_related(c: str) -> bool:
    low = c.lower()
    for frag in _RELATED:
        if frag in low:
            return True
    for frag in _USED_HINTS:
        if frag in c:
            return bool(_USED.search(c))
    return False


class Related:
    """Memoised "is this inside a related-products/footer area" test."""

    def __init__(self):
        self.memo: dict = {}

    def __call__(self, el) -> bool:
        chain = []
        e = el
        res = False
        while e is not None:
            if e in self.memo:
                res = self.memo[e]
                break
            chain.append(e)
            tag = e.tag if isinstance(e.tag, str) else ""
            if tag in ("footer", "nav", "aside"):
                res = True
                break
            c = " ".join(filter(None, (e.get("class"), e.get("id"), e.get("data-component"))))
            if c and _is_related(c):
                res = True
                break
            e = e.getparent()
        for x in chain:
            self.memo[x] = res
        return res


def buy_buttons(candidates, related) -> list:
    """Add-to-cart / buy controls outside related-product areas."""
    return [b for b in candidates if b.get("type") != "hidden" and not related(b)]
