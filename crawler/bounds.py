"""Bounds on a crawl: what keeps a trap from running it away.

Pages link to pages without end when a site (by mistake or on purpose) makes them up: a
calendar whose "next" link always leads one day further, links whose query string grows
by one parameter per hop, relative links that repeat a path segment (`/a/b/a/b/...`).
Every page request the spider makes passes `CrawlBounds.admit`, which refuses it past the
source's `limits` (core/manifest.py: Limits) and counts each refusal by limit, under
`street2shop/limits/<name>`, for the crawl summary.

The trap rule is the one web-archive crawlers use (Heritrix's "pathological path"): a URL
that repeats one path segment, or one query key, more than a few times is not a page a
person links to.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from street2shop.core.manifest import Limits

STAT = "street2shop/limits/"


def trap_reason(url: str, limits: Limits) -> str | None:
    """Why `url` looks like a crawler trap (a limit's name), or None."""
    if len(url) > limits.max_url_length:
        return "url_length"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if segments and Counter(segments).most_common(1)[0][1] > limits.max_segment_repeats:
        return "repeated_segments"
    if parts.query:
        keys = Counter(k for k, _ in parse_qsl(parts.query, keep_blank_values=True))
        if keys and keys.most_common(1)[0][1] > limits.max_segment_repeats:
            return "repeated_segments"
    return None


class CrawlBounds:
    def __init__(self, limits: Limits, crawler):
        self.limits = limits
        self.crawler = crawler  # its stats exist once the crawl starts
        self.pages = 0

    def admit(self, url: str, *, pages_in_row: int = 0) -> bool:
        """True when a page request for `url` may be made (and counts it); `pages_in_row`:
        how many next-page links in a row led to it."""
        reason = trap_reason(url, self.limits)
        if reason is None and pages_in_row > self.limits.max_pagination:
            reason = "max_pagination"
        if reason is None and self.pages >= self.limits.max_pages:
            reason = "max_pages"
        if reason is not None:
            self.crawler.stats.inc_value(STAT + reason)
            return False
        self.pages += 1
        return True

    def images(self, urls: list[str]) -> list[str]:
        """The image URLs of one page that are downloaded: the first `max_images_per_page`."""
        if len(urls) > self.limits.max_images_per_page:
            self.crawler.stats.inc_value(STAT + "max_images_per_page")
        return list(urls[: self.limits.max_images_per_page])

    def links_taken(self, count: int) -> None:
        """A page gave `count` links: at the cap, some of its links were left out."""
        if count >= self.limits.max_links_per_page:
            self.crawler.stats.inc_value(STAT + "max_links_per_page")
