"""The baseline of the crawl benchmark: the crawl a Scrapy user writes without this project.

    python tests/benchmarks/extruct_spider.py OUT.jsonl SITEMAP_URL [SITEMAP_URL ...]

A `SitemapSpider` over each shop's sitemap with Scrapy's polite settings (robots.txt,
AutoThrottle, the same per-domain delay and concurrency as street2shop's defaults), which
reads every page with extruct (JSON-LD, microdata, RDFa, OpenGraph) and price-parser and
writes a record per product page to a JSON lines feed. At the end it prints Scrapy's stats
as one JSON line.
"""

from __future__ import annotations

import json
import sys

import extruct
from price_parser import Price
from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider

from extruct_recipe import first, main_offer, plain, products

SYNTAXES = ["json-ld", "microdata", "rdfa", "opengraph"]


class ExtructSpider(SitemapSpider):
    name = "extruct"

    def __init__(self, sitemaps: list[str], **kwargs):
        super().__init__(**kwargs)
        self.sitemap_urls = sitemaps

    def parse(self, response):
        data = extruct.extract(response.text, base_url=response.url, syntaxes=SYNTAXES, uniform=True)
        found = products(data, ("json-ld", "microdata", "rdfa"))
        if not found:
            return
        product = found[0]
        offer = main_offer(product)
        price = Price.fromstring(plain(offer.get("price") or offer.get("lowPrice")) or "")
        og = first(data.get("opengraph")) or {}
        yield {"url": response.url, "name": plain(product.get("name")) or og.get("og:title"),
               "brand": plain(product.get("brand")),
               "price": str(price.amount) if price.amount is not None else None,
               "currency": plain(offer.get("priceCurrency")) or price.currency}


def main() -> int:
    out, sitemaps = sys.argv[1], sys.argv[2:]
    process = CrawlerProcess({
        "USER_AGENT": "extruct-baseline (+https://example.invalid/bot)",
        "ROBOTSTXT_OBEY": True, "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
        "DOWNLOAD_DELAY": 0.5, "CONCURRENT_REQUESTS_PER_DOMAIN": 4, "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False, "FEEDS": {out: {"format": "jsonlines"}},
    })
    crawler = process.create_crawler(ExtructSpider)
    process.crawl(crawler, sitemaps=sitemaps)
    process.start()
    stats = crawler.stats.get_stats()
    print(json.dumps({"pages": stats.get("response_received_count", 0),
                      "items": stats.get("item_scraped_count", 0)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
