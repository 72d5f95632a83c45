"""Stopping a crawl that cannot write its store.

A write that fails on the local side (disk full, store not writable) is not like a dead
link: going on would fetch pages whose rows cannot be kept, and a job marked finished
would never fetch them again. The crawl stops with the reason `store_write_failed`, the
error is kept in the stats for the summary (and the CLI's one error line), and the job
stays unfinished, so the next run resumes it.
"""

from __future__ import annotations

from scrapy.utils.defer import deferred_from_coro

from street2shop.core.store import StoreWriteError

REASON = "store_write_failed"
FATAL_STAT = "street2shop/fatal"


def halt(crawler, error: StoreWriteError) -> None:
    """Stop `crawler` because of `error` (once; later calls do nothing)."""
    if crawler.stats.get_value(FATAL_STAT):
        return
    crawler.stats.set_value(FATAL_STAT, str(error))
    try:
        engine = crawler.engine
    except RuntimeError:  # the crawl has not started: nothing to stop
        return
    if engine.spider is not None and engine.running:
        deferred_from_coro(engine.close_spider_async(reason=REASON))
