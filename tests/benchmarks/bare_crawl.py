"""The baseline of the crawl benchmark: a bare Scrapy crawl of the same pages as the project
crawl, with the same settings, that does nothing with the pages it gets.

    python tests/benchmarks/bare_crawl.py MANIFEST.yaml [--source NAME] [--tuned]
    python tests/benchmarks/bare_crawl.py SITEMAP_URL [CONCURRENCY_PER_DOMAIN] [--tuned]

prints one JSON line: {"pages", "seconds", "settings"}.

The settings are not copied by hand: they are the project's own
`settings_for_source()` for the source (robots.txt obeyed, CONCURRENT_REQUESTS 16,
the source's per-domain concurrency, delay and AutoThrottle, the project's downloader
middlewares with its Retry-After aware retry, timeouts, User-Agent), with the item
pipelines removed. The spider is Scrapy's own SitemapSpider. Its callback follows a page's
next-page links (`rel="next"`), as the project crawl follows a listing's pagination, so that
both crawls fetch the same pages (the project crawl a dozen more: its error pages and
redirects are counted), and does nothing else: a page that names no next page is not even
parsed. So the differences from `street2shop crawl` are the project spider (extraction on
every page, link sorting on listing pages, page states) and the item pipelines (images,
Parquet writing). Following pagination did not change the bare crawl's time per page
(docs/benchmarks.md, 15:10 UTC).

With `--tuned`, the crawl process is also tuned as `street2shop crawl` tunes its own
(crawler/process_tuning.py: the garbage collector's settings, loggers that skip records below the
log level), so that the benchmark can show what the project's overhead is without them.

`pages` is Scrapy's response_received_count and `seconds` its elapsed_time_seconds
(spider open to close), as in the project's run summary.
"""

from __future__ import annotations

import argparse
import json
import re

from scrapy.crawler import CrawlerProcess
from scrapy.http import TextResponse
from scrapy.spiders import SitemapSpider

from street2shop.crawler.jobs import Job
from street2shop.crawler.settings import settings_for_source
from street2shop.crawler.process_tuning import skip_unlogged_records, tune_collector
from street2shop.core.manifest import load_manifest, parse_manifest

#: Settings reported with the result, to check they match the project crawl's.
REPORTED = ("ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY",
            "AUTOTHROTTLE_ENABLED", "RETRY_ENABLED", "RETRY_TIMES", "COOKIES_ENABLED", "DOWNLOAD_TIMEOUT")


_NEXT = re.compile(rb"""rel=["']?next\b""", re.I)


class BareSpider(SitemapSpider):
    name = "bare"

    def parse(self, response):
        if not isinstance(response, TextResponse) or not _NEXT.search(response.body):
            return None
        return [response.follow(href, self.parse)
                for href in response.css('link[rel="next"]::attr(href), a[rel="next"]::attr(href)').getall()]


class TunedBareSpider(BareSpider):
    async def start(self):
        tune_collector()  # where the project's spiders call it: as their start requests begin
        async for request in super().start():
            yield request


def bare_settings(manifest, source) -> dict:
    s = settings_for_source(manifest, source, store_url="memory://bare-unused", run_id="bare", job=Job("bare", False))
    s["ITEM_PIPELINES"] = {}
    return s


def legacy_manifest(sitemap: str, concurrency: int):
    return parse_manifest(f"""
store: memory://bare-unused
sources:
  - name: bare
    kind: shop
    sitemaps: [{sitemap}]
    allow_private_addresses: true
    images: false
    politeness: {{delay: 0, autothrottle: false, concurrency_per_domain: {concurrency}}}
""")


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", help="a manifest (.yaml/.yml) or a sitemap URL")
    ap.add_argument("concurrency", nargs="?", type=int, default=8,
                    help="per-domain concurrency (sitemap URL form only; default 8)")
    ap.add_argument("--source", help="the manifest's source to use (default: the first)")
    ap.add_argument("--tuned", action="store_true", help="tune the process as `street2shop crawl` does")
    args = ap.parse_args(argv)

    if args.target.startswith(("http://", "https://")):
        manifest = legacy_manifest(args.target, args.concurrency)
    else:
        manifest = load_manifest(args.target)
    source = manifest.source(args.source) if args.source else manifest.sources[0]
    if not source.sitemaps:
        raise SystemExit(f"{args.target}: source {source.name!r} has no sitemaps")

    settings = bare_settings(manifest, source)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(TunedBareSpider if args.tuned else BareSpider)
    process.crawl(crawler, sitemap_urls=[str(u) for u in source.sitemaps],
                  allowed_domains=list(source.allowed_domains))
    if args.tuned:
        skip_unlogged_records(settings["LOG_LEVEL"])
    process.start()
    stats = crawler.stats.get_stats()
    result = {
        "pages": stats.get("response_received_count", 0),
        "seconds": stats["elapsed_time_seconds"],
        "finish_reason": stats.get("finish_reason"),
        "tuned": args.tuned,
        "settings": {k: crawler.settings.get(k) for k in REPORTED},
    }
    print(json.dumps(result, default=str), flush=True)
    return result


if __name__ == "__main__":
    main()
