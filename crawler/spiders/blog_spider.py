"""The blog spider: show-fashion posts, their scene images, and where their links lead.

Posts are found from feeds (RSS/Atom), sitemaps, archive pages (pagination and links
within the blog) or given directly. For each post, every outbound link of every garment
is resolved to the shop's canonical product URL (see crawler/blog/resolve.py); the
product page it lands on is extracted with the shop spider's own code and written as a
listing, so every linked listing is crawled once its link is. A post item is emitted
when all its links have ended (resolved, dead, or refused), so its rows are complete.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from lxml import etree
from scrapy import Request
from scrapy.http import Response, TextResponse

from street2shop.crawler.blog.posts import extract_post
from street2shop.crawler.blog.resolve import destination_param, script_redirect, strip_tracking
from street2shop.crawler.errors import error_kind
from street2shop.crawler.items import LinkCheck, LinkResolution, ListingItem, PostItem
from street2shop.crawler.revisit import conditional_headers
from street2shop.crawler.spiders.base import SourceSpider, header_forbids_ai
from street2shop.core.optout import meta_forbids_ai

SOLD_OUT = frozenset({"OutOfStock", "SoldOut", "Discontinued"})
DEAD_KINDS = frozenset({"http_404", "http_410", "dns", "connection_refused"})
MAX_HOPS = 8


def blog_prefix(urls: list[str]) -> str:
    """The path under which the blog lives: the common folder of its start URLs."""
    folders = [posixpath.dirname(urlsplit(u).path or "/").rstrip("/") + "/" for u in urls]
    prefix = posixpath.commonpath(folders) if folders else "/"
    return prefix.rstrip("/") + "/"


def _name_brands(item: PostItem) -> None:
    """Where a post names a garment's maker in words that also hold more ("Lúne Atelier
    Relaxed Crêpe Jacket"), the brand is the part the linked product page confirms."""
    for garment, resolutions in zip(item.record["items"], item.resolutions):
        named = garment.get("brand")
        if not named:
            continue
        for link, res in zip(garment["links"], resolutions):
            brand = res.product_brand if res else None
            if link["kind"] == "exact" and brand and brand.casefold() in named.casefold():
                garment["brand"] = brand
                break


def _cap_links(post, max_links: int, bounds) -> None:
    """At most `max_links` garment links of one post are resolved (the first ones)."""
    left = max_links
    for garment in post.items:
        if len(garment.links) > left:
            del garment.links[left:]
        left -= len(garment.links)
    if left <= 0:
        bounds.links_taken(max_links)


def _status_of(product: dict) -> str:
    return "sold_out" if product.get("availability") in SOLD_OUT else "ok"


def _failed_status(failure) -> str:
    kind = error_kind(failure)
    return "dead" if kind in DEAD_KINDS else {"private_address": "refused"}.get(kind, kind)


class _Waiting:
    """A post whose links are still resolving."""

    def __init__(self, item: PostItem, links: int):
        self.item = item
        self.left = links


class BlogSpider(SourceSpider):
    name = "blog"

    def __init__(self, *args, recheck: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        #: linked listings due a re-check: resolved URL -> the link's last known status
        self.recheck = recheck or {}
        # One resolution per distinct link, shared by every post that uses it.
        self.resolved: dict[str, LinkResolution] = {}
        self.waiting: dict[str, list[tuple[_Waiting, int, int]]] = {}

    def follow_allow(self) -> list[str]:
        # Called by the base __init__. Archive pages link the shops too; only pages of the
        # blog are crawled as pages.
        self.prefix = blog_prefix(self.source.start_urls)
        return self.source.follow.allow or [re.escape(self.prefix)]

    async def start(self):
        starts = [(url, self.parse_sitemap) for url in self.source.sitemaps]
        starts += [(url, self.parse_feed) for url in self.source.feeds]
        starts += [(url, self.parse_page) for url in (*self.source.listings, *self.source.posts)]
        for request in self.start_requests_for(starts):
            yield request
        for request in self.recheck_requests():
            yield request

    # ----------------------------------------------------------------- discovery
    def parse_feed(self, response: Response):
        if response.status == 304:
            yield from self.not_modified(response, {"feed": self.parse_page})
            return
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.crawler.stats.inc_value("street2shop/errors/bad_feed")
            self.logger.warning("%s is not an RSS/Atom feed; skipped", response.url)
            return
        links = [el.text.strip() for el in root.iter("link") if el.text and el.text.strip()]  # RSS
        links += [el.get("href") for el in root.iter("{http://www.w3.org/2005/Atom}link")
                  if el.get("href") and el.get("rel", "alternate") == "alternate"]  # Atom
        posts = [u for u in dict.fromkeys(response.urljoin(u) for u in links)
                 if u.rstrip("/") != response.url.rstrip("/")]
        yield self.page_record(response, "feed", links=posts)
        for url in posts:
            request = self.make_request(url, self.parse_page)
            if request is not None:
                yield request

    def parse_page(self, response: Response):
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("street2shop/skipped/not_html")
            return
        if response.status == 304:
            yield from self.not_modified(response, {"listing": self.parse_page})
            return
        try:
            post = extract_post(response.selector.root, response.url, blog_prefix=self.prefix,
                                selectors=self.source.post_selectors)
        except Exception as exc:  # one odd page must not cost the crawl; counted and named
            self.crawler.stats.inc_value("street2shop/errors/extract_failed")
            self.logger.error("post extraction failed on %s: %s: %s", response.url, type(exc).__name__, exc)
            return
        if not post.is_post:
            self.crawler.stats.inc_value("street2shop/listing_pages")
            yield from self.follow_links(response)
            return
        self.crawler.stats.inc_value("street2shop/posts_found")
        _cap_links(post, self.source.limits.max_links_per_page, self.bounds)
        state = self.page_record(response, "post", record=post.to_dict())
        if state.outcome == "unchanged":
            yield state  # same post as last time: its links were resolved then
            return
        item = PostItem(
            **self.provenance(response),
            record=post.to_dict(),
            resolutions=[[None] * len(i.links) for i in post.items],
            image_urls=self.bounds.images(post.images) if self.source.images else [],
            page=state,
            page_noai=meta_forbids_ai(response.selector.root) or header_forbids_ai(response),
        )
        waiting = _Waiting(item, sum(len(i.links) for i in post.items))
        if waiting.left == 0:
            yield item
        for i, garment in enumerate(post.items):
            for j, link in enumerate(garment.links):
                yield from self.resolve(link.url, waiting, i, j)

    # ---------------------------------------------------------------- resolution
    def resolve(self, url: str, waiting: _Waiting, i: int, j: int):
        hops = [url]
        while (dest := destination_param(hops[-1])) and len(hops) < MAX_HOPS:
            hops.append(dest)  # a bounce URL: its destination is read, not requested
        key, bounces = hops[-1], hops[:-1]
        if key in self.resolved:
            yield from self._settle(waiting, i, j, bounces, self.resolved[key])
            return
        first = key not in self.waiting
        self.waiting.setdefault(key, []).append((waiting, i, j, bounces))
        if first:
            yield self._link_request(key)

    def _link_request(self, url: str) -> Request:
        meta = {"link_key": url, "chain": [], "allow_offsite": True}
        if self.source.needs_javascript(url):
            meta["playwright"] = True
        # dont_filter: two posts linking one product each need their answer; the spider's
        # own table of resolutions makes sure each distinct link is fetched once.
        return Request(url, callback=self.link_landed, errback=self.link_failed, meta=meta, dont_filter=True)

    def link_landed(self, response: Response):
        key = response.meta["link_key"]
        chain = [*response.meta["chain"], *(response.meta.get("redirect_urls") or []), response.url]
        if isinstance(response, TextResponse):
            target = script_redirect(response.text)
            if target and len(chain) < MAX_HOPS:
                # A page that forwards with a script: one more hop, same link.
                yield Request(response.urljoin(target), callback=self.link_landed, errback=self.link_failed,
                              meta={**response.meta, "chain": chain, "redirect_urls": []}, dont_filter=True)
                return
            analysis = self.analyse(response)
        else:
            analysis = None
        if analysis is None or not analysis.is_product:
            result = LinkResolution(strip_tracking(response.url), chain, "not_product", response.status)
        else:
            data = analysis.data
            canonical = strip_tracking(data.get("canonical_url") or response.url)
            # The linked listing is crawled here (a new or changed one written, with its page state).
            item = self.product_item(response, data, analysis.fingerprint, meta_noai=analysis.noai)
            listing_url = item.url if isinstance(item, ListingItem) else None  # what the post waits for
            result = LinkResolution(canonical, chain, _status_of(data), response.status, data.get("brand"), listing_url)
            yield item
        yield from self._finish_link(key, result)

    def link_failed(self, failure):
        request = failure.request
        key = request.meta["link_key"]
        response = getattr(failure.value, "response", None)
        chain = [*request.meta["chain"], *(request.meta.get("redirect_urls") or []), request.url]
        yield from self._finish_link(key, LinkResolution(None, chain, _failed_status(failure),
                                                          response.status if response is not None else None))

    # ------------------------------------------------------------------- re-checks
    def recheck_requests(self):
        """Requests for the linked listings due a re-check (given by the run: crawler/jobs.py),
        conditional when the page is known: a garment that sold out or whose page died is
        noticed even when no post changes."""
        for url, status in self.recheck.items():
            if url in self.done_urls:  # checked by the interrupted run this one resumes
                self.crawler.stats.inc_value("street2shop/resumed_skipped")
                continue
            meta = {"allow_offsite": True, "recheck_status": status, "handle_httpstatus_list": [304]}
            headers = {}
            if self.source.needs_javascript(url):
                meta["playwright"] = True
            else:
                headers = conditional_headers(self.page_state.get(url))
            yield Request(url, callback=self.link_rechecked, errback=self.recheck_failed, meta=meta,
                          headers=headers, dont_filter=True)

    def link_rechecked(self, response: Response):
        url = self.requested_url(response)
        if response.status == 304:
            yield LinkCheck(self.source.name, url, "not_modified", response.meta["recheck_status"], 304,
                            page=self.page_record(response, "product"))
            return
        analysis = self.analyse(response) if isinstance(response, TextResponse) else None
        if analysis is None or not analysis.is_product:
            yield LinkCheck(self.source.name, url, "failed", "not_product", response.status)
            return
        item = self.product_item(response, analysis.data, analysis.fingerprint, meta_noai=analysis.noai)
        check = LinkCheck(self.source.name, url, item.change if isinstance(item, ListingItem) else item.outcome,
                          _status_of(analysis.data), response.status)
        if isinstance(item, ListingItem):
            item.link_check = check  # a changed listing and its check are written together
            yield item
        else:
            check.page = item
            yield check

    def recheck_failed(self, failure):
        response = getattr(failure.value, "response", None)
        yield LinkCheck(self.source.name, failure.request.url, "failed", _failed_status(failure),
                        response.status if response is not None else None)

    def _finish_link(self, key: str, result: LinkResolution):
        self.resolved[key] = result
        self.crawler.stats.inc_value(f"street2shop/links/{result.link_status}")
        for waiting, i, j, bounces in self.waiting.pop(key, []):
            yield from self._settle(waiting, i, j, bounces, result)

    def _settle(self, waiting: _Waiting, i: int, j: int, bounces: list[str], result: LinkResolution):
        # The shared resolution starts at the link's destination; this post's own bounce
        # URLs (if it used any) come first in its chain.
        waiting.item.resolutions[i][j] = LinkResolution(result.resolved_url, [*bounces, *result.redirects],
                                                        result.link_status, result.http_status, result.product_brand,
                                                        result.listing_url)
        if result.listing_url is not None:
            waiting.item.awaits.add(result.listing_url)
        waiting.left -= 1
        if waiting.left == 0:
            _name_brands(waiting.item)
            yield waiting.item

    def closed(self, reason):
        unresolved = sum(len(v) for v in self.waiting.values())
        if unresolved:
            self.logger.warning("%d post links were still resolving when the crawl stopped", unresolved)
