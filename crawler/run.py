"""Running the crawl of a manifest: one Scrapy crawler per source in one process, under the
store's lock, each on its job (crawler/jobs.py), with a progress line and a summary
(crawler/summary.py)."""

from __future__ import annotations

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess

from street2shop.core.console import protect_logs
from street2shop.core.lock import writing
from street2shop.core.manifest import Manifest, Source
from street2shop.core.store import Store, StoreWriteError
from street2shop.crawler.halt import FATAL_STAT
from street2shop.crawler.jobs import COMPLETE_REASONS, begin_job, end_job, links_due, new_run_id
from street2shop.crawler.process_tuning import skip_unlogged_records
from street2shop.crawler.revisit import load_page_state
from street2shop.crawler.settings import settings_for_source
from street2shop.crawler.spiders.blog_spider import BlogSpider
from street2shop.crawler.spiders.shop_spider import ShopSpider
from street2shop.crawler.summary import Progress, SourceSummary, count_pairs, summarise


def run_crawl(manifest: Manifest, sources: list[Source], *, progress: bool = True,
              log_level: str = "WARNING") -> list[SourceSummary]:
    """Crawl `sources` into the manifest's store: one Scrapy crawler each, side by side in
    this process; a summary per source."""
    store = Store(manifest.store_url)
    sources = list({s.name: s for s in sources}.values())  # a source named twice is crawled once
    with writing(store):
        return _run_locked(store, manifest, sources, progress=progress, log_level=log_level)


def _run_locked(store: Store, manifest: Manifest, sources: list[Source], *, progress: bool,
                log_level: str) -> list[SourceSummary]:
    run_id = new_run_id()
    # The resolver is the process's: every crawler connects to the addresses it checked.
    process = CrawlerProcess({"LOG_LEVEL": log_level,
                              "TWISTED_DNS_RESOLVER": "street2shop.crawler.resolver.GuardedResolver"})
    crawlers: dict[str, Crawler] = {}
    summaries: dict[str, SourceSummary] = {}

    for source in sources:
        job = begin_job(store, source, run_id)
        settings = settings_for_source(manifest, source, store_url=store.url, run_id=run_id, job=job)
        settings["LOG_LEVEL"] = log_level
        # The first crawler installs the reactor, as CrawlerProcess.create_crawler does.
        spider_class = BlogSpider if source.kind == "blog" else ShopSpider
        crawler = Crawler(spider_class, settings, init_reactor=not crawlers)
        summary = SourceSummary(source=source.name, job_id=job.job_id, resumed=job.resumed)

        def closed(spider, reason, _source=source, _summary=summary, _crawler=crawler, _job=job.job_id):
            _summary.finish_reason = reason
            stats = _crawler.stats.get_stats()
            summarise(stats, _summary)
            complete = reason in COMPLETE_REASONS and not stats.get(FATAL_STAT) \
                and not stats.get("street2shop/incomplete")
            try:
                end_job(store, _source, _job, reason, complete=complete)
            except StoreWriteError as exc:  # the job stays "running": the next run resumes it
                _summary.fatal = _summary.fatal or str(exc)

        # weak=False: Scrapy's signals hold receivers weakly, and this closure has no other owner.
        crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)
        extra = {"recheck": links_due(store, source)} if source.kind == "blog" else {}
        process.crawl(crawler, source=source, done_urls=job.done_urls,
                      page_state=load_page_state(store, source.name), **extra)
        crawlers[source.name] = crawler
        summaries[source.name] = summary

    skip_unlogged_records(log_level)
    protect_logs()  # crawled text and URL credentials never reach the log as they are
    with Progress(crawlers, enabled=progress):
        process.start()

    result = list(summaries.values())
    for summary in result:
        if summary.posts:
            summary.pairs = count_pairs(store, run_id, summary.source)
    try:
        store.write_json(f"runs/{run_id}.json", {"run_id": run_id, "sources": [s.to_dict() for s in result]})
    except StoreWriteError as exc:  # the rows are committed; only this report of the run is missing
        for summary in result:
            summary.fatal = summary.fatal or str(exc)
    return result
