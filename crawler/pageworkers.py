"""Extraction worker processes: page analysis off the crawl's own core.

Scrapy runs every callback on the reactor's one thread, and on a product page parsing and
extraction cost more CPU than everything Scrapy itself does for it (docs/benchmarks.md).
So the crawl starts worker processes (`python -m street2shop.crawler.pageworkers`), sends
each HTML page to the least busy one, and awaits its `PageAnalysis` while the reactor goes
on downloading. The reactor talks to a worker through a Twisted `ProcessProtocol` over the
child's stdin/stdout: no thread is added to the crawl process (a thread would take the GIL
from the reactor, which is what sank a `ProcessPoolExecutor`), and nothing blocks.

Frames are a 4-byte big-endian length and a pickle. Both ends are this module and the crawl
starts the child itself, so unpickling its answers trusts nothing outside this process.

A worker answers pages in the order it gets them. One that dies (killed, out of memory)
fails its waiting pages over to in-process analysis, which the crawl then uses for good,
saying so once in the log: nothing a page held is lost. When the crawl process itself is
killed, a worker sees its stdin close and exits.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
import sys
from collections import deque

from twisted.internet import protocol
from twisted.internet.defer import Deferred

from street2shop.crawler.analysis import AnalyserConfig, PageAnalysis

logger = logging.getLogger(__name__)

_LEN = 4  # bytes of the length prefix
#: Pages a worker may have waiting before the crawl process analyses the next page itself.
#: Responses arrive in bursts (16 requests in flight), so a worker needs a queue to keep
#: every page of a burst (at 4, the crawl process analysed so many pages itself on 2 idle
#: cores that the fixture crawl took 6.0 s instead of 4.1-4.8 s). Beyond that, a worker that
#: falls behind (its core taken by something else) would leave the reactor waiting on it, so
#: the two share the work instead (on 2 busy cores: 17-20 s with workers only, ~8 s shared).
MAX_PENDING = 16


class WorkerGone(Exception):
    """The worker that held a page is gone; analyse the page in-process."""


def default_count() -> int:
    """One worker per core the crawl process does not need itself, at most 4 (beyond that
    the reactor, not extraction, limits a crawl)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(4, cores - 1))


def _frame(obj) -> bytes:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(payload).to_bytes(_LEN, "big") + payload


class _Worker(protocol.ProcessProtocol):
    def __init__(self, number: int, on_gone):
        self.number = number
        self.on_gone = on_gone
        self.pending: deque[Deferred] = deque()
        self.buffer = bytearray()
        self.alive = True

    def send(self, message: tuple) -> Deferred:
        d: Deferred = Deferred()
        self.pending.append(d)
        self.transport.write(_frame(message))
        return d

    def outReceived(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _LEN:
            size = int.from_bytes(self.buffer[:_LEN], "big")
            if len(self.buffer) < _LEN + size:
                break
            payload = bytes(self.buffer[_LEN:_LEN + size])
            del self.buffer[:_LEN + size]
            self.pending.popleft().callback(PageAnalysis(*pickle.loads(payload)))

    def errReceived(self, data: bytes) -> None:
        for line in data.decode("utf-8", "replace").splitlines():
            logger.warning("extraction worker %d: %s", self.number, line)

    def outConnectionLost(self) -> None:
        # Its stdout closed: the worker exited (or was killed). Waiting pages go back.
        self.alive = False
        while self.pending:
            self.pending.popleft().errback(WorkerGone(f"extraction worker {self.number} exited"))
        self.on_gone(self)

    def close(self) -> None:
        if self.alive:
            self.transport.closeStdin()  # the worker finishes what it has and exits


class ExtractionWorkers:
    """`count` worker processes for one spider; `analyse` returns a Deferred PageAnalysis,
    or None when no worker is alive (the caller then analyses in-process)."""

    def __init__(self, count: int, config: AnalyserConfig):
        self.count = count
        self.config = config
        self.workers: list[_Worker] = []
        self.closing = False

    def start(self) -> None:
        from twisted.internet import reactor  # noqa: PLC0415  (the installed reactor, not a default one)

        setup = _frame(dataclasses.asdict(self.config))
        for number in range(self.count):
            worker = _Worker(number, self._gone)
            reactor.spawnProcess(worker, sys.executable, [sys.executable, "-m", __name__],
                                 env=dict(os.environ), childFDs={0: "w", 1: "r", 2: "r"})
            worker.transport.write(setup)
            self.workers.append(worker)

    def _gone(self, worker: _Worker) -> None:
        if not self.closing:
            logger.warning("extraction worker %d exited; its pages are analysed in the crawl process",
                           worker.number)

    def analyse(self, url: str, status: int, content_type: bytes | None, body: bytes) -> Deferred | None:
        """The page's analysis from the least busy worker; None when no worker is alive or
        all are `MAX_PENDING` pages behind, and the caller should analyse it itself."""
        live = [w for w in self.workers if w.alive]
        if not live:
            return None
        worker = min(live, key=lambda w: len(w.pending))
        if len(worker.pending) >= MAX_PENDING:
            return None
        return worker.send((url, status, content_type, body))

    def close(self) -> None:
        self.closing = True
        for worker in self.workers:
            worker.close()


# ---------------------------------------------------------------------------- the child
def _read_exactly(stream, size: int) -> bytes | None:
    data = stream.read(size)
    return data if data is not None and len(data) == size else None


def _read_frame(stream):
    head = _read_exactly(stream, _LEN)
    if head is None:
        return None
    payload = _read_exactly(stream, int.from_bytes(head, "big"))
    return None if payload is None else pickle.loads(payload)


def serve(stdin, stdout) -> int:
    """The worker's loop: a config frame, then page frames until stdin closes."""
    import gc  # noqa: PLC0415

    from scrapy.http import HtmlResponse  # noqa: PLC0415

    from street2shop.crawler.analysis import PageAnalyser  # noqa: PLC0415

    config = _read_frame(stdin)
    if config is None:
        return 0
    config = AnalyserConfig(allow=tuple(config["allow"]), deny=tuple(config["deny"]), selectors=config["selectors"])
    analyser = PageAnalyser(config)
    # The modules and extraction tables live as long as the process: keep them out of
    # the collector's walks (as the crawl process does, spiders/base.py).
    gc.freeze()
    while (message := _read_frame(stdin)) is not None:
        url, status, content_type, body = message
        headers = {b"Content-Type": content_type} if content_type else None
        # The same response class and headers as in the crawl, so the same decoding and parse.
        response = HtmlResponse(url=url, status=status, headers=headers, body=body)
        stdout.write(_frame(analyser.analyse(response).astuple()))
        stdout.flush()
    return 0


def main() -> int:
    import signal  # noqa: PLC0415

    # Ctrl-C reaches the whole process group; the crawl decides when its workers stop (it
    # closes their stdin), so a worker does not die with a traceback mid-page.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The answers go to the real stdout; anything a library prints goes to stderr (which the
    # crawl logs) instead of into the frames.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    sys.exit(main())
