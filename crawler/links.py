"""Which links of a listing page the crawler follows.

One pass over the page's anchors sorts them into next-page links (always followed) and
other links (followed within the hop limit). Scrapy's LinkExtractor does the same job but
canonicalises and checks every URL against ~200 extensions; on listing pages, which repeat
the same navigation on every page, that cost dominated the whole crawl (measured in
docs/benchmarks.md), so this is the lean version of it.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
import re
from urllib.parse import urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

from street2shop.crawler.extract.urls import join

#: Links a crawler should never follow on a shop: they change state or lead nowhere useful.
DENY_LINKS = [
    r"/(cart|basket|checkout|warenkorb|panier|login|logout|signin|sign-in|register|account|wishlist)\b",
    r"[?&](add-to-cart|add_to_cart|sort|order|view|currency|lang)=",
]

_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#")
_IGNORED = frozenset(f".{e}" for e in IGNORED_EXTENSIONS)
_NEXT_TEXT = re.compile(
    r"^\s*(next|next page|›|»|>|→|weiter|nächste|suivant|suivante|siguiente|volgende|avanti|"
    r"następna|próxima|nästa|neste|seuraava)\s*[›»>→]?\s*$", re.I)
_NEXT_CLASS = re.compile(r"\bnext\b", re.I)


class LinkSorter:
    def __init__(self, allow: list[str], deny: list[str], *, max_links: int = 1000):
        self.max_links = max_links
        self.allow = re.compile("|".join(f"(?:{p})" for p in allow)) if allow else None
        self.deny = re.compile("|".join(f"(?:{p})" for p in [*DENY_LINKS, *deny]))
        # Listing pages repeat their navigation links: each URL is decided once.
        self.wanted = lru_cache(maxsize=16384)(self._decide)

    def _decide(self, url: str) -> bool:
        if self.deny.search(url):
            return False
        if self.allow is not None and not self.allow.search(url):
            return False
        return posixpath.splitext(urlsplit(url).path)[1].lower() not in _IGNORED

    def sort(self, root, base_url: str) -> tuple[list[str], list[str]]:
        """(next-page links, other followable links) of a parsed page, absolute, in page order;
        at most `max_links` of them (the first ones: navigation and the page's own content)."""
        base = root.base or base_url  # honours <base href>
        pagination: dict[str, None] = {}
        others: dict[str, None] = {}
        for el in root.iter("a", "link"):
            if len(pagination) + len(others) >= self.max_links:
                break
            href = (el.get("href") or "").strip()
            if not href or href.startswith(_SKIP_SCHEMES):
                continue
            try:
                url = join(base, href).split("#", 1)[0]
            except ValueError:  # not a URL (e.g. a broken IPv6 host): not followed
                continue
            if not url.startswith(("http://", "https://")):
                continue
            if _is_next(el):
                pagination[url] = None
            elif el.tag == "a" and url not in others and self.wanted(url):
                others[url] = None
        return list(pagination), [u for u in others if u not in pagination]


def _is_next(el) -> bool:
    if "next" in (el.get("rel") or "").lower().split():
        return True
    if el.tag != "a":
        return False
    label = (el.get("aria-label") or el.get("title") or "").strip()
    # The text last: building a product card's text costs more than the other checks together.
    return bool(_NEXT_CLASS.search(el.get("class") or "") or (label and _NEXT_TEXT.match(label))
                or _NEXT_TEXT.match(el.text_content()))
