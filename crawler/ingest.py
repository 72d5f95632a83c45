"""Bulk image ingest from a URL list (`street2shop ingest`), through the crawler's own path.

A small spider hands each URL to the crawl's image pipeline as an item of its own, so an
ingested image is fetched, checked and stored exactly as a crawled one: robots.txt, the
politeness limits, the honest User-Agent, retries and backoff, `noai`, the address guard,
the image gate, content addressing, and the run's writer (one images row per new image,
committed atomically). A URL the store already has an image from is not fetched again, so
an interrupted ingest is simply run again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyarrow.compute as pc
from scrapy import Spider, signals
from scrapy.crawler import Crawler, CrawlerProcess

from street2shop.core.console import protect_logs
from street2shop.core.lock import writing
from street2shop.core.manifest import Manifest, Politeness
from street2shop.core.net import fetchable_host
from street2shop.core.store import Store
from street2shop.crawler.items import ImageItem
from street2shop.crawler.jobs import new_run_id
from street2shop.crawler.process_tuning import skip_unlogged_records
from street2shop.crawler.settings import polite_settings
from street2shop.crawler.summary import Progress

SOURCE = "ingest"


@dataclass
class IngestSummary:
    run_id: str
    counts: Counter = field(default_factory=Counter)  # URLs by status: ok, noai, http_404, robots, ...
    rows: int = 0  # images rows written (one per image new to the store)
    fatal: str | None = None  # the store could not be written: the run stopped
    #: per URL asked for: {"sha256": ..., "status": ...} (sha256 set when status is "ok")
    results: dict[str, dict] = field(default_factory=dict)


class IngestSpider(Spider):
    name = "ingest"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield ImageItem(url)


def ingest_urls(manifest: Manifest, urls: list[str], *, politeness: Politeness | None = None,
                allow_private: bool = False, progress: bool = True, log_level: str = "WARNING") -> IngestSummary:
    """Ingest the images at `urls` into the manifest's store. Lines that are not http(s) URLs
    are counted as `bad_url`, URLs an earlier ingest stored as `already_ingested`; each other
    URL ends with its image's status."""
    store = Store(manifest.store_url)
    summary = IngestSummary(new_run_id())
    wanted = []
    with writing(store):
        known = _ingested_urls(store)
        for url in dict.fromkeys(urls):
            if fetchable_host(url) is None:
                summary.counts["bad_url"] += 1
            elif url in known:
                summary.counts["already_ingested"] += 1
                summary.results[url] = {"sha256": known[url], "status": "ok"}
            else:
                wanted.append(url)
        if wanted:
            _crawl(manifest, store, wanted, summary, politeness or Politeness(), allow_private, progress, log_level)
    return summary


def _ingested_urls(store: Store) -> dict[str, str]:
    """URL -> image sha256 of what earlier ingests stored."""
    rows = store.read_table("images", columns=["first_url", "sha256"], filter=pc.field("source") == SOURCE)
    return dict(zip(rows.column("first_url").to_pylist(), rows.column("sha256").to_pylist()))


def _crawl(manifest: Manifest, store: Store, urls: list[str], summary: IngestSummary, politeness: Politeness,
           allow_private: bool, progress: bool, log_level: str) -> None:
    settings = polite_settings(manifest, politeness, store_url=store.url, run_id=summary.run_id, writer=SOURCE,
                               allow_private=allow_private)
    settings.update({"LOG_LEVEL": log_level, "STREET2SHOP_JOB_ID": f"job-{summary.run_id}"})
    process = CrawlerProcess({"LOG_LEVEL": log_level,
                              "TWISTED_DNS_RESOLVER": "street2shop.crawler.resolver.GuardedResolver"})
    crawler = Crawler(IngestSpider, settings, init_reactor=True)
    process.crawl(crawler, urls=urls)

    def record(item, **_):
        for image in getattr(item, "images", None) or []:
            summary.results[item.url] = {"sha256": image.get("sha256"), "status": image.get("status")}

    crawler.signals.connect(record, signal=signals.item_scraped)
    crawler.signals.connect(record, signal=signals.item_dropped)
    skip_unlogged_records(log_level)
    protect_logs()
    with Progress({SOURCE: crawler}, enabled=progress):
        process.start()
    stats = crawler.stats.get_stats()
    for key, value in stats.items():
        if key.startswith("street2shop/images/") and key.rsplit("/", 1)[1] not in ("stored", "already_stored"):
            summary.counts[key.rsplit("/", 1)[1]] += value
    summary.rows = stats.get("street2shop/images_rows_written", 0)
    summary.fatal = stats.get("street2shop/fatal")
