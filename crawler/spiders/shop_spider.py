"""The shop spider: from sitemaps, listing pages or product URLs to listing items.

It decides what a page is by its content, not its URL: a page that the generic
extraction (plus any per-site selectors) recognises as one product becomes a
`ListingItem`; any other page is a listing/category page whose links are followed,
pagination without limit and other links up to `follow.max_depth` hops.
"""

from __future__ import annotations

from scrapy.http import Response, TextResponse

from street2shop.crawler.spiders.base import SourceSpider


class ShopSpider(SourceSpider):
    name = "shop"

    async def start(self):
        starts = [(url, self.parse_sitemap) for url in self.source.sitemaps]
        starts += [(url, self.parse_page) for url in (*self.source.listings, *self.source.products)]
        for request in self.start_requests_for(starts):
            yield request

    def parse_page(self, response: Response):
        if not isinstance(response, TextResponse):  # (not hasattr "selector": that parses)
            self.crawler.stats.inc_value("street2shop/skipped/not_html")
            return
        if response.status == 304:
            yield from self.not_modified(response, {"listing": self.parse_page})
            return
        analysis = self.analyse(response)
        if analysis is None:
            return
        if analysis.is_product:
            yield self.product_item(response, analysis.data, analysis.fingerprint, meta_noai=analysis.noai)
            return
        self.crawler.stats.inc_value("street2shop/listing_pages")
        yield from self.follow_links(response, analysis)
