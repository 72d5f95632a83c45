"""Process-wide tuning for a crawl: things Scrapy leaves at settings that cost a crawl CPU.

Both are applied by `street2shop crawl` (crawler/run.py, crawler/spiders/base.py), and by the
crawl benchmark's "bare, tuned" baseline, so the benchmark can say what they are worth.
"""

from __future__ import annotations

import gc
import logging

_collector_tuned = False

#: The young generation's collection threshold while crawling (Python's default is 700).
YOUNG_GC_THRESHOLD = 5000


def tune_collector() -> None:
    """Two changes to the cyclic garbage collector, once per process, when the first crawl starts.

    - Freeze what exists now (imported modules, Scrapy's engine and components, the
      extraction tables: ~10^5 objects that live as long as the process), so that full
      collections stop walking them. In the 3000-page fixture crawl that took the
      collector from 1.1 s to 0.4 s of the crawl's CPU.
    - Collect the young generation less often. A crawl allocates requests, responses,
      Deferreds and records by the hundred thousand and keeps few of them; at the
      default threshold the young generation was collected ~950 times in that crawl
      (0.7-1.1 s of CPU), at 5000 about 70 times (0.3 s). Cycles are still collected,
      a little later (measured with `gc.callbacks` timing each collection).
    """
    global _collector_tuned
    if not _collector_tuned:
        _collector_tuned = True
        gc.freeze()
        young, middle, old = gc.get_threshold()
        gc.set_threshold(max(young, YOUNG_GC_THRESHOLD), middle, old)


def skip_unlogged_records(log_level: str) -> None:
    """Let loggers drop what the run does not log before building a record of it.

    Scrapy filters by level at its root log handler only: its logging config sets the
    "scrapy" logger to DEBUG, and every crawler's start sets the root logger back to NOTSET.
    So each page's "Crawled" and each item's "Scraped" DEBUG record was built (the message
    arguments, a LogRecord, the caller's frame) and then thrown away. Call it after the
    crawlers are created (`process.crawl`), which is when Scrapy last touches the levels."""
    for name in ("", "scrapy"):
        logging.getLogger(name).setLevel(log_level)
