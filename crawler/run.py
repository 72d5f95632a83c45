"""Running the crawl of a manifest: jobs, resumption, progress and the summary.

A *job* is one complete pass over a source; a *run* is one process working on it.
Job state lives in the store (state/<source>/job.json). A run that ends without the
spider finishing (killed, Ctrl-C, crash) leaves the job "running"; the next run
resumes it: URLs whose listings that job already wrote are not fetched again, and the
writer never writes them twice.
"""

from __future__ import annotations

import secrets
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess

from street2shop.crawler.bounds import STAT as LIMITS_STAT
from street2shop.crawler.halt import FATAL_STAT
from street2shop.crawler.pageworkers import default_count
from street2shop.crawler.revisit import load_page_state
from street2shop.crawler.settings import settings_for_source
from street2shop.crawler.spiders.blog import BlogSpider
from street2shop.crawler.spiders.shop import ShopSpider
from street2shop.crawler.tuning import skip_unlogged_records
from street2shop.pipeline.manifest import Manifest, Source
from street2shop.pipeline.console import protect_logs
from street2shop.pipeline.lock import writing
from street2shop.pipeline.store import Store, StoreWriteError

#: Spider close reasons after which the job counts as complete.
COMPLETE_REASONS = {"finished", "closespider_pagecount", "closespider_itemcount"}


@dataclass
class SourceSummary:
    source: str
    job_id: str
    resumed: bool
    finish_reason: str = "not started"
    pages: int = 0
    listings: int = 0
    images_ok: int = 0
    skipped_done: int = 0
    posts: int = 0
    links: dict[str, int] = field(default_factory=dict)  # post links by how they ended
    pairs: int = 0  # exact post links whose listing is in the store: street-to-shop pair candidates
    rechecks: dict[str, int] = field(default_factory=dict)  # linked listings checked again, by link status
    page_outcomes: dict[str, int] = field(default_factory=dict)  # new | changed | unchanged | not_modified
    browser_pages: int = 0  # pages Chromium opened; each must be closed after use
    browser_pages_closed: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    image_errors: dict[str, int] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)  # requests refused by the source's limits, by limit
    #: why the crawl had to stop (the store could not be written); the job is left to resume
    fatal: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def job_state_path(source: str) -> str:
    return f"state/{source}/job.json"


@dataclass
class Job:
    """The job a run works on for one source, and what an interrupted run of it already wrote."""

    job_id: str
    resumed: bool
    #: URLs (requested and final) whose listing or post the job wrote: not fetched again
    done_urls: frozenset[str] = frozenset()
    #: URLs the job recorded in the pages table: not recorded twice
    done_pages: frozenset[str] = frozenset()


def begin_job(store: Store, source: Source, run_id: str) -> Job:
    """The job this run works on: the unfinished one (resumed) or a new one."""
    state = store.read_json(job_state_path(source.name))
    if state and state.get("status") == "running":
        job_id = state["job_id"]
        of_job = (pc.field("job_id") == job_id) & (pc.field("source") == source.name)
        done: frozenset[str] = frozenset()
        for table in ("listings", "posts"):
            rows = store.read_table(table, columns=["url", "final_url"], filter=of_job)
            done |= frozenset(rows.column("url").to_pylist()) | frozenset(rows.column("final_url").to_pylist())
        done |= frozenset(store.read_table("link_checks", columns=["url"], filter=of_job).column("url").to_pylist())
        pages = store.read_table("pages", columns=["url", "kind"], filter=of_job)
        # Product and post pages are done with their rows; pages that lead elsewhere are
        # fetched again to follow them (their rows are not written twice).
        leaves = pc.is_in(pages.column("kind"), pa.array(["product", "post"]))
        done |= frozenset(pages.filter(leaves).column("url").to_pylist())
        state["runs"] = [*state.get("runs", []), run_id]
        store.write_json(job_state_path(source.name), state)
        return Job(job_id, True, done, frozenset(pages.column("url").to_pylist()))
    job_id = f"job-{run_id}"
    store.write_json(job_state_path(source.name), {
        "job_id": job_id, "status": "running", "source": source.name,
        "started_at": datetime.now(timezone.utc).isoformat(), "runs": [run_id],
    })
    return Job(job_id, False)


def is_due(store: Store, source: Source, now: datetime | None = None) -> bool:
    """Due: never crawled, an interrupted job to resume, or its recrawl interval has passed."""
    state = store.read_json(job_state_path(source.name))
    if not state or state.get("status") == "running" or not state.get("finished_at"):
        return True
    finished = datetime.fromisoformat(state["finished_at"])
    return (now or datetime.now(timezone.utc)) - finished >= source.recrawl_every


#: Link statuses worth checking again: the listing was there (a dead link stays dead).
RECHECKED = ("ok", "sold_out")


def links_due(store: Store, source: Source, now: datetime | None = None) -> dict[str, str]:
    """The listings a blog's posts link to that are due a re-check (not seen, through a post or
    a re-check, for `recheck_links_every`): resolved URL -> the link's last known status."""
    of_source = pc.field("source") == source.name
    posts = store.read_table("posts", columns=["url", "run_id", "fetched_at"], filter=of_source)
    read_at = {(u, r): t for u, r, t in zip(*(posts.column(c).to_pylist() for c in ("url", "run_id", "fetched_at")))}
    items = store.read_table("post_items", columns=["post_url", "run_id", "resolved_url", "link_status"],
                             filter=of_source & pc.field("resolved_url").is_valid())
    last: dict[str, tuple[datetime, str]] = {}
    for post, run, url, status in zip(*(items.column(c).to_pylist() for c in items.column_names)):
        when = read_at.get((post, run))
        if when is not None and (url not in last or when > last[url][0]):
            last[url] = (when, status)
    checks = store.read_table("link_checks", columns=["url", "checked_at", "link_status"], filter=of_source)
    for url, when, status in zip(*(checks.column(c).to_pylist() for c in checks.column_names)):
        if url not in last or when > last[url][0]:
            last[url] = (when, status)
    now = now or datetime.now(timezone.utc)
    return {url: status for url, (when, status) in last.items()
            if status in RECHECKED and now - when >= source.recheck_links_every}


def end_job(store: Store, source: Source, job_id: str, reason: str, *, complete: bool) -> None:
    """Record how a run of the job ended; `complete`: every page of the pass is written."""
    state = store.read_json(job_state_path(source.name)) or {}
    if state.get("job_id") != job_id:
        return
    state["last_finish_reason"] = reason
    if complete:
        state["status"] = "finished"
        state["finished_at"] = datetime.now(timezone.utc).isoformat()
    store.write_json(job_state_path(source.name), state)


def count_pairs(store: Store, run_id: str, source: str) -> int:
    """Exact links written by this run whose resolved listing is in the store."""
    items = store.read_table("post_items", columns=["resolved_url", "kind", "link_status"],
                             filter=(pc.field("run_id") == run_id) & (pc.field("source") == source)
                             & (pc.field("kind") == "exact") & pc.field("link_status").isin(["ok", "sold_out"]))
    if items.num_rows == 0:
        return 0
    listed = store.read_table("listings", columns=["canonical_url", "final_url"])
    known = set(listed.column("canonical_url").to_pylist()) | set(listed.column("final_url").to_pylist())
    return sum(1 for url in items.column("resolved_url").to_pylist() if url in known)


def summarise(stats: dict, summary: SourceSummary) -> SourceSummary:
    start = stats.get("start_time")
    # From the spider's opening, as Scrapy's own elapsed_time_seconds (not yet set here).
    summary.seconds = (datetime.now(timezone.utc) - start).total_seconds() if start else 0.0
    summary.pages = stats.get("response_received_count", 0)
    summary.listings = stats.get("street2shop/listings_written", 0)
    summary.posts = stats.get("street2shop/posts_written", 0)
    summary.links = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("street2shop/links/")}
    summary.rechecks = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("street2shop/rechecks/")}
    summary.images_ok = stats.get("street2shop/images/ok", 0)
    summary.skipped_done = stats.get("street2shop/resumed_skipped", 0)
    summary.page_outcomes = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("street2shop/pages/")}
    summary.browser_pages = stats.get("playwright/page_count", 0)
    summary.browser_pages_closed = stats.get("playwright/page_count/closed", 0)
    summary.errors = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("street2shop/errors/")}
    summary.image_errors = {k.rsplit("/", 1)[1]: v for k, v in stats.items()
                            if k.startswith("street2shop/images/")
                            and k.rsplit("/", 1)[1] not in ("ok", "stored", "already_stored")}
    summary.limits = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith(LIMITS_STAT)}
    summary.fatal = stats.get(FATAL_STAT)
    return summary


class Progress:
    """A status line per source on stderr while the crawl runs (pages, listings, images,
    errors, rate); plain lines every few seconds when stderr is not a terminal."""

    def __init__(self, crawlers: dict[str, Crawler], enabled: bool = True):
        self.crawlers = crawlers
        self.enabled = enabled
        self.stop_event = threading.Event()
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def line(self, name: str, crawler: Crawler) -> str:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        pages = stats.get("response_received_count", 0)
        rate = pages / max(time.monotonic() - self.started, 1e-6)
        errors = sum(v for k, v in stats.items() if k.startswith("street2shop/errors/"))
        return (f"{name}: {pages} pages ({rate:.1f}/s), {stats.get('street2shop/listings_written', 0)} listings, "
                f"{stats.get('street2shop/images/ok', 0)} images, {errors} errors")

    def _loop(self) -> None:
        tty = sys.stderr.isatty()
        interval = 0.5 if tty else 5.0
        while not self.stop_event.wait(interval):
            lines = [self.line(n, c) for n, c in self.crawlers.items()]
            if tty:
                sys.stderr.write("\r\x1b[K" + " | ".join(lines))
            else:
                sys.stderr.write("\n".join(lines) + "\n")
            sys.stderr.flush()
        if tty:
            sys.stderr.write("\r\x1b[K")

    def __enter__(self):
        if self.enabled:
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        if self.enabled:
            self.thread.join()


def run_crawl(manifest: Manifest, sources: list[Source], *, progress: bool = True,
              log_level: str = "WARNING", extract_processes: int | None = None) -> list[SourceSummary]:
    """`extract_processes`: page-analysis worker processes per source (crawler/pageworkers.py);
    None picks by the cores this process may use."""
    store = Store(manifest.store_url)
    sources = list({s.name: s for s in sources}.values())  # a source named twice is crawled once
    with writing(store):
        return _run_locked(store, manifest, sources, progress=progress, log_level=log_level,
                           extract_processes=extract_processes)


def _run_locked(store: Store, manifest: Manifest, sources: list[Source], *, progress: bool,
                log_level: str, extract_processes: int | None) -> list[SourceSummary]:
    run_id = new_run_id()
    # The sources crawl side by side in this process: by default they share the spare cores.
    spare = default_count()
    default_processes = max(1, spare // len(sources)) if spare else 0
    # The resolver is the process's: every crawler connects to the addresses it checked.
    process = CrawlerProcess({"LOG_LEVEL": log_level,
                              "TWISTED_DNS_RESOLVER": "street2shop.crawler.resolver.GuardedResolver"})
    crawlers: dict[str, Crawler] = {}
    summaries: dict[str, SourceSummary] = {}

    for source in sources:
        job = begin_job(store, source, run_id)
        settings = settings_for_source(manifest, source, store_url=store.url, run_id=run_id, job=job)
        settings["LOG_LEVEL"] = log_level
        if extract_processes is not None:  # asked for: wins over the environment's tuning knob
            settings["STREET2SHOP_EXTRACT_PROCESSES"] = extract_processes
        else:
            settings.setdefault("STREET2SHOP_EXTRACT_PROCESSES", default_processes)
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
