"""The baseline of the crawl benchmark: a bare Scrapy crawl of the same sitemap, with the
same concurrency and politeness settings, that does nothing with the pages it gets.

    python tests/benchmarks/bare_crawl.py SITEMAP_URL  ->  prints one JSON line of stats
"""

import json
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider
from scrapy.utils.sitemap import Sitemap  # noqa: F401  (same parser as the project)


class BareSpider(SitemapSpider):
    name = "bare"

    def parse(self, response):
        return None


def main(sitemap: str, concurrency: int) -> None:
    result = {}
    process = CrawlerProcess({
        "LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": True, "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_DELAY": 0,
        "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": "street2shop-bench-baseline",
    })
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, sitemap_urls=[sitemap])
    process.start()
    stats = crawler.stats.get_stats()
    result["pages"] = stats.get("response_received_count", 0)
    result["seconds"] = stats["elapsed_time_seconds"]
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8)
