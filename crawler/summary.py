"""What a crawl run did, per source: the summary it prints and saves, and its progress line."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow.compute as pc
from rich.console import Console
from scrapy.crawler import Crawler

from street2shop.core.console import DataTable, kinds, safe

from street2shop.core.store import Store
from street2shop.crawler.bounds import STAT as LIMITS_STAT
from street2shop.crawler.halt import FATAL_STAT


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


def print_summary(summaries, store_url: str) -> None:
    blogs = any(s.posts or s.links or s.rechecks for s in summaries)
    limits = any(s.limits for s in summaries)
    numeric = ("pages", "listings", "images", "posts", "pairs", "seconds")
    columns = ["source", "job", "pages", "listings", "images"]
    columns += ["posts", "links", "pairs", "re-checked"] if blogs else []
    columns += ["errors", "image errors"] + (["limits hit"] if limits else []) + ["ended", "seconds"]
    table = DataTable("crawl summary", [])
    for col in columns:
        table.add_column(col, justify="right" if col in numeric else "left")
    for s in summaries:
        row = [s.source, ("resumed " if s.resumed else "") + s.job_id, str(s.pages), str(s.listings), str(s.images_ok)]
        if blogs:
            row += [str(s.posts), kinds(s.links), str(s.pairs), kinds(s.rechecks)]
        row += [kinds(s.errors), kinds(s.image_errors)] + ([kinds(s.limits)] if limits else [])
        row += [s.finish_reason, f"{s.seconds:.1f}"]
        table.add_row(*row)
    console = Console(file=sys.stdout, width=220)  # wide: one line per source in a cron log
    console.print(table)
    console.print(f"store: {safe(store_url)}")
