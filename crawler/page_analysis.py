"""What a fetched page is and what it holds: the CPU-heavy half of a page's callback.

Parsing the HTML, running the generic extraction (plus the manifest's per-site selectors)
and, for a page that is not a product, sorting its links. It runs in the crawl process:
handing pages to worker processes cost more CPU than it saved (docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.http import TextResponse

from street2shop.core.manifest import Selectors
from street2shop.core.optout import meta_forbids_ai
from street2shop.crawler.extract import extract_from_tree, parse_html
from street2shop.crawler.links import LinkSorter
from street2shop.crawler.revisit import fingerprint
from street2shop.crawler.selectors import apply_selectors


@dataclass(slots=True)
class PageAnalysis:
    #: the extracted record (`ExtractedRecord.to_dict()`); None when extraction failed
    data: dict[str, Any] | None = None
    is_product: bool = False
    #: a non-product page's links: next-page links, and the other links worth following
    pagination: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    #: "ExceptionType: message" when extraction failed on this page
    error: str | None = None
    #: a product record's `revisit.fingerprint` (change detection), made where the record is
    fingerprint: str | None = None
    #: the page's <meta name="robots"> forbids AI use of its images (noai, noimageai)
    noai: bool = False


@dataclass(frozen=True)
class AnalyserConfig:
    """Everything an analyser needs, in plain values."""

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    selectors: dict[str, str] | None = None
    #: links taken from one page at most (a page with 200,000 links must not flood the crawl)
    max_links: int = 1000


class PageAnalyser:
    def __init__(self, config: AnalyserConfig):
        self.config = config
        self.links = LinkSorter(list(config.allow), list(config.deny), max_links=config.max_links)
        self.selectors = Selectors(**config.selectors) if config.selectors is not None else None

    def extract(self, response: TextResponse, tree=None) -> tuple[dict[str, Any], bool]:
        """(record, is_product) for a page; raises whatever extraction raised."""
        record = extract_from_tree(parse(response) if tree is None else tree, response.url)
        data, is_product = record.to_dict(), record.is_product
        if self.selectors is not None:
            data, is_product = apply_selectors(data, is_product, response, self.selectors)
        return data, is_product

    def analyse(self, response: TextResponse) -> PageAnalysis:
        try:
            tree = parse(response)
            noai = meta_forbids_ai(tree)
            data, is_product = self.extract(response, tree)
            if is_product:
                return PageAnalysis(data, True, fingerprint=fingerprint(data), noai=noai)
            pagination, others = self.links.sort(tree, response.url)
        except Exception as exc:  # one odd page must not cost the crawl (nor a worker); the spider counts it
            return PageAnalysis(error=f"{type(exc).__name__}: {exc}")
        return PageAnalysis(data, False, pagination, others, noai=noai)


def parse(response: TextResponse):
    """The page's tree as `street2shop extract` parses a saved page (`parse_html`: valid UTF-8
    first, then the declared encoding), with the HTTP header's charset as the declaration.
    Cheaper than Scrapy's selector, which decodes to str and encodes back (docs/architecture.md)."""
    content_type = response.headers.get(b"Content-Type")
    return parse_html(response.body, content_type.decode("latin-1") if content_type else None)
