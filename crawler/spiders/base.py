"""What every street2shop spider does the same way, whatever it crawls.

A spider works for one manifest source: it requests each URL once (and not at all when
the interrupted job it resumes already wrote it), renders the URLs that need JavaScript
in the browser, reads sitemaps (indexes and gzip), follows listing pages' links, turns
product pages into listing items, and counts failures by kind.
"""

from __future__ import annotations

from datetime import datetime, timezone

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from street2shop.core.manifest import Source
from street2shop.core.optout import robots_forbid_ai
from street2shop.crawler.bounds import CrawlBounds
from street2shop.crawler.errors import error_kind
from street2shop.crawler.items import ListingItem
from street2shop.crawler.page_analysis import AnalyserConfig, PageAnalyser, PageAnalysis
from street2shop.crawler.process_tuning import tune_collector
from street2shop.crawler.revisit import PageState, conditional_headers, fingerprint, validators


class SourceSpider(Spider):
    def __init__(self, source: Source, done_urls: frozenset[str] = frozenset(),
                 page_state: dict[str, dict] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.source = source
        #: what earlier jobs saw of each page (crawler/revisit.py): asked again conditionally
        self.page_state = page_state or {}
        self.allowed_domains = list(source.allowed_domains)
        self.done_urls = set(done_urls)
        # URLs already requested by this spider. Listing pages repeat the same navigation
        # links on every page; dropping exact repeats here spares each of them the trip
        # through the spider middlewares to the dupefilter (which still catches variants).
        self.requested: set[str] = set()
        self.max_hops = source.follow.max_depth
        # Staying on allowed_domains is the offsite middleware's job (by host name).
        selectors = source.selectors.model_dump(exclude_none=True) if source.selectors is not None else None
        self.analyser = PageAnalyser(AnalyserConfig(tuple(self.follow_allow()), tuple(source.follow.deny), selectors,
                                                    max_links=source.limits.max_links_per_page))
        self.bounds: CrawlBounds | None = None  # needs the crawler's stats: set in from_crawler

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.bounds = CrawlBounds(spider.source.limits, crawler)
        return spider

    def follow_allow(self) -> list[str]:
        return self.source.follow.allow

    def start_requests_for(self, starts):
        tune_collector()
        for url, callback in starts:
            request = self.make_request(url, callback)
            if request is not None:
                yield request

    def make_request(self, url: str, callback, *, hops: int = 0, pages_in_row: int = 0) -> Request | None:
        """A request for a page, or None: already requested, written by the job this run
        resumes, or past the source's limits (`pages_in_row`: next-page links in a row)."""
        if url in self.requested:
            return None
        self.requested.add(url)
        if url in self.done_urls:
            # Written by the interrupted run this one resumes: not fetched again.
            self.crawler.stats.inc_value("street2shop/resumed_skipped")
            return None
        if not self.bounds.admit(url, pages_in_row=pages_in_row):
            return None
        meta: dict = {"hops": hops, "pages_in_row": pages_in_row}
        headers = {}
        if self.source.needs_javascript(url):
            meta["playwright"] = True
            # "networkidle": the page's own data calls have finished rendering the grid.
            meta["playwright_page_goto_kwargs"] = {"wait_until": "networkidle"}
        else:
            # A page seen before is asked for only if it changed (the browser keeps its own
            # cache rules, so rendered pages are fetched in full).
            headers = conditional_headers(self.page_state.get(url))
            if headers:
                meta["handle_httpstatus_list"] = [304]
        return Request(url, callback=callback, errback=self.on_error, meta=meta, headers=headers)

    # ------------------------------------------------------------ page state
    @staticmethod
    def requested_url(response: Response) -> str:
        redirects = response.request.meta.get("redirect_urls") or []
        return redirects[0] if redirects else response.request.url

    def page_record(self, response: Response, kind: str, *, record: dict | None = None,
                    links: list[str] = (), record_fingerprint: str | None = None) -> PageState:
        """The page's state row; `outcome` compares its record (or the fingerprint already made
        of it) with the one seen last time."""
        url = self.requested_url(response)
        # A page reached through a redirect may be known under its new URL (PageState.urls).
        before = self.page_state.get(url) or self.page_state.get(response.url) or {}
        fp = record_fingerprint or (fingerprint(record) if record is not None else None)
        if response.status == 304:
            outcome = "not_modified"
        elif not before:
            outcome = "new"
        elif fp is not None and fp == before.get("fingerprint"):
            outcome = "unchanged"
        else:
            outcome = "changed"
        etag, modified = validators(response) if response.status != 304 else (before.get("etag"), before.get("last_modified"))
        self.crawler.stats.inc_value(f"street2shop/pages/{outcome}")
        return PageState(self.source.name, url, kind, outcome, response.status, etag=etag, last_modified=modified,
                         fingerprint=fp if fp is not None else before.get("fingerprint"),
                         links=list(links) if response.status != 304 else list(before.get("links") or []),
                         redirected_to=response.url)

    def not_modified(self, response: Response, callbacks: dict):
        """A 304: record it, and follow what the page led to last time."""
        url = self.requested_url(response)
        before = self.page_state.get(url) or {}
        yield self.page_record(response, before.get("kind") or "other")
        callback = callbacks.get(before.get("kind"))
        if callback is None:
            return
        hops = response.meta.get("hops", 0)
        for link in before.get("links") or []:
            request = self.make_request(link, callback, hops=hops)
            if request is not None:
                yield request

    # --------------------------------------------------------------- sitemaps
    def parse_sitemap(self, response: Response):
        if response.status == 304:
            yield from self.not_modified(response, {"sitemapindex": self.parse_sitemap,
                                                    "sitemap": self.parse_page})  # type: ignore[attr-defined]
            return
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                request = self.make_request(url, self.parse_sitemap)
                if request is not None:
                    yield request
            return
        body = _sitemap_body(response, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        sitemap = Sitemap(body) if body else None
        if sitemap is None or sitemap.type not in ("sitemapindex", "urlset"):
            self.crawler.stats.inc_value("street2shop/errors/bad_sitemap")
            self.logger.warning("%s is not a sitemap; skipped", response.url)
            return
        callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse_page  # type: ignore[attr-defined]
        locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
        yield self.page_record(response, "sitemapindex" if sitemap.type == "sitemapindex" else "sitemap", links=locs)
        for loc in locs:
            request = self.make_request(loc, callback)
            if request is not None:
                yield request

    # --------------------------------------------------------------- listings
    def analyse(self, response: TextResponse) -> PageAnalysis | None:
        """The page's analysis; None when extraction failed (counted and logged)."""
        analysis = self.analyser.analyse(response)
        if analysis.error is not None:
            self.crawler.stats.inc_value("street2shop/errors/extract_failed")
            self.logger.error("extraction failed on %s: %s", response.url, analysis.error)
            return None
        return analysis

    def product_item(self, response: Response, data: dict, record_fingerprint: str | None = None, *,
                     meta_noai: bool = False) -> ListingItem | PageState:
        """A product page's item: a listing with its page state when the record is new or
        changed (written together, so a killed run never records a page it did not write),
        else the page state alone."""
        state = self.page_record(response, "product", record=data, record_fingerprint=record_fingerprint)
        if state.outcome == "unchanged":
            return state
        item = self.listing_item(response, data, meta_noai=meta_noai)
        item.change, item.page = state.outcome, state
        return item

    def provenance(self, response: Response) -> dict:
        """The `Fetched` fields of an item made from this response."""
        return {"source": self.source.name, "url": self.requested_url(response), "final_url": response.url,
                "fetched_at": datetime.now(timezone.utc), "http_status": response.status,
                "rendered": bool(response.request.meta.get("playwright"))}

    def listing_item(self, response: Response, data: dict, *, meta_noai: bool = False) -> ListingItem:
        """`meta_noai`: the page's robots <meta> forbids AI use (its analysis says)."""
        return ListingItem(**self.provenance(response), record=data,
                           image_urls=self.bounds.images(data.get("images") or []) if self.source.images else [],
                           page_noai=meta_noai or header_forbids_ai(response))

    def follow_links(self, response: Response, analysis: PageAnalysis | None = None):
        """Requests for a listing page's links (sorted by its analysis, or here)."""
        hops = response.meta.get("hops", 0)
        in_row = response.meta.get("pages_in_row", 0) + 1
        if analysis is not None:
            pagination, others = analysis.pagination, analysis.others
        else:
            pagination, others = self.analyser.links.sort(response.selector.root, response.url)
        self.bounds.links_taken(len(pagination) + len(others))
        followed = list(pagination) + (list(others) if hops < self.max_hops else [])
        requests = [self.make_request(url, self.parse_page, hops=hops, pages_in_row=in_row) for url in pagination]
        if hops < self.max_hops:
            requests += [self.make_request(url, self.parse_page, hops=hops + 1) for url in others]
        return [self.page_record(response, "listing", links=followed), *(r for r in requests if r is not None)]

    # ----------------------------------------------------------------- errors
    def on_error(self, failure):
        kind = error_kind(failure)
        self.crawler.stats.inc_value(f"street2shop/errors/{kind}")
        self.logger.info("%s: %s", kind, failure.request.url if hasattr(failure, "request") else failure)


def header_forbids_ai(response: Response) -> bool:
    """The response's `X-Robots-Tag` forbids AI use of the page (and so of its images)."""
    return robots_forbid_ai([v.decode("latin-1") for v in response.headers.getlist(b"X-Robots-Tag")])


def _sitemap_body(response: Response, max_size: int) -> bytes | None:
    if gzip_magic_number(response):
        try:
            return gunzip(response.body, max_size=max_size)
        except Exception:  # scrapy's _DecompressionMaxSizeExceeded or a corrupt gzip
            return None
    body = response.body
    return body if body.lstrip()[:5] in (b"<?xml", b"<urls", b"<site") or b"<urlset" in body[:2048] \
        or b"<sitemapindex" in body[:2048] else None
