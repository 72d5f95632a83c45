"""Extraction worker processes: page analysis off the crawl's own core.

Scrapy runs every callback on the reactor's one thread, and parsing and extracting a product
page cost about 0.35 ms of CPU against Scrapy's own ~0.8 ms for fetching it: run in the
crawl process, they made the fixture crawl nearly twice as slow as a bare Scrapy crawl
(+78-108%); with a worker it is +17-27% on the 2-core benchmark machine (docs/benchmarks.md).
So the crawl starts worker processes (`python -m street2shop.crawler.pageworkers`), sends
each HTML page to the least busy one, and awaits its `PageAnalysis` while the reactor goes
on downloading.

The crawl talks to a worker over the child's stdin/stdout pipes, non-blocking, watched by
the asyncio loop that Scrapy's reactor runs on, and an answer resolves an asyncio future
the page's callback awaits. No thread is added to the crawl process (one would compete
with the reactor for the GIL, as a `ProcessPoolExecutor`'s feeder thread does). A page is written
straight to the pipe; the loop watches for writability only when the pipe is full. The
child's stderr is the crawl's own.

Frames are a 4-byte big-endian length and a pickle. Both ends are this module and the crawl
starts the child itself, so unpickling its answers trusts nothing outside this process.

A worker answers pages in the order it gets them. One that dies (killed, out of memory)
fails its waiting pages over to in-process analysis and gets no more pages (the other
workers, or with none left the crawl process, take them), saying so in the log: nothing a
page held is lost. When the crawl process itself is
killed, a worker sees its stdin close and exits.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import pickle
import subprocess
import sys
import time
from collections import deque

from street2shop.crawler.page_analysis import AnalyserConfig, PageAnalysis

logger = logging.getLogger(__name__)

_LEN = 4  # bytes of the length prefix
#: Pages a worker may have waiting before the crawl process analyses the next page itself.
#: Responses arrive in bursts (16 requests in flight), so a worker needs a queue to keep
#: every page of a burst (at 4, the crawl process analysed so many pages itself on 2 idle
#: cores that the fixture crawl took 6.0 s instead of 4.1-4.8 s). Beyond that, a worker that
#: falls behind (its core taken by something else) would leave the reactor waiting on it, so
#: the two share the work instead (on 2 busy cores: 17-20 s with workers only, ~8 s shared).
MAX_PENDING = 16
#: Workers run below the crawl process's priority: when cores are short, the reactor (which
#: keeps every download moving) goes first, and a worker that falls behind is helped by the
#: crawl process (MAX_PENDING). On the 2-core fixture benchmark it made no clear difference
#: (+44% against +46% per page over bare), so this is a choice for busy machines, not a speed-up.
WORKER_NICENESS = 10
_READ = 1 << 20


class WorkerGone(Exception):
    """The worker that held a page is gone; analyse the page in-process."""


def default_count() -> int:
    """One worker per core the crawl process does not need itself, at most 4 (beyond that
    the reactor, not extraction, limits a crawl). None off POSIX: the pipes are watched by
    the event loop, which needs POSIX pipes."""
    if os.name != "posix":
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(4, cores - 1))


def _frame(obj) -> bytes:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(payload).to_bytes(_LEN, "big") + payload


class _Worker:
    def __init__(self, number: int, setup: bytes, on_gone):
        """Starts the process and sends it `setup` (its config frame); `attach` connects it
        to the loop once the loop runs."""
        self.number = number
        self.on_gone = on_gone
        self.loop: asyncio.AbstractEventLoop | None = None
        self.pending: deque[asyncio.Future] = deque()
        self.buffer = bytearray()  # answers read but not yet whole
        self.unsent = bytearray()  # pages the pipe had no room for yet
        self.alive = False
        self.proc = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, close_fds=True)
        self.to_child = self.proc.stdin.fileno()
        self.from_child = self.proc.stdout.fileno()
        os.write(self.to_child, setup)  # (blocking, and far smaller than the pipe's buffer)

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        os.set_blocking(self.to_child, False)
        os.set_blocking(self.from_child, False)
        loop.add_reader(self.from_child, self._readable)
        self.alive = True

    def send(self, message) -> asyncio.Future:
        future = self.loop.create_future()
        self.pending.append(future)
        self.write(_frame(message))
        return future

    def write(self, data: bytes) -> None:
        if not self.alive:
            return
        if self.unsent:  # keep the order: behind what is already waiting
            self.unsent += data
            return
        try:
            written = os.write(self.to_child, data)
        except BlockingIOError:
            written = 0
        except OSError:  # the worker is gone (EPIPE); its stdout's EOF says so too
            self._lost()
            return
        if written < len(data):
            self.unsent += data[written:]
            self.loop.add_writer(self.to_child, self._writable)

    def _writable(self) -> None:
        try:
            written = os.write(self.to_child, self.unsent)
        except BlockingIOError:
            return
        except OSError:
            self._lost()
            return
        del self.unsent[:written]
        if not self.unsent:
            self.loop.remove_writer(self.to_child)

    def _readable(self) -> None:
        try:
            data = os.read(self.from_child, _READ)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # EOF: the worker exited (or was killed)
            self._lost()
            return
        self.buffer += data
        while len(self.buffer) >= _LEN:
            size = int.from_bytes(self.buffer[:_LEN], "big")
            if len(self.buffer) < _LEN + size:
                break
            try:
                answer = PageAnalysis(*pickle.loads(bytes(self.buffer[_LEN:_LEN + size])))
                future = self.pending.popleft()
            except Exception as exc:  # a garbled answer (or one too many): this worker is not to be trusted
                logger.error("extraction worker %d sent an unreadable answer (%s); stopping it", self.number, exc)
                self.proc.kill()
                self._lost()
                return
            del self.buffer[:_LEN + size]
            if not future.done():  # (its callback may have been cancelled)
                future.set_result(answer)

    def _detach(self) -> None:
        """Stop watching the pipes and hand every waiting page back (WorkerGone)."""
        self.alive = False
        self.loop.remove_reader(self.from_child)
        if self.unsent:
            self.loop.remove_writer(self.to_child)
            self.unsent.clear()
        while self.pending:
            future = self.pending.popleft()
            if not future.done():
                future.set_exception(WorkerGone(f"extraction worker {self.number} exited"))

    def _lost(self) -> None:
        if not self.alive:
            return
        self._detach()
        self.on_gone(self)
        self.reap(timeout=0, kill=False)

    def close(self) -> None:
        """No more pages: the worker's stdin is closed, and it exits on its own (`reap`
        collects it)."""
        if self.alive:
            self._detach()  # before the pipes close: the loop must not watch a closed descriptor
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    def reap(self, timeout: float, *, kill: bool = True) -> None:
        """Collect the exited process, waiting up to `timeout` seconds for it; one still running
        then is killed (or with kill=False left for a later call)."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            if not kill:
                return
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class ExtractionWorkers:
    """`count` worker processes for one spider; `analyse` returns an awaitable PageAnalysis,
    or None when the caller should analyse the page itself."""

    def __init__(self, count: int, config: AnalyserConfig):
        self.count = count
        self.config = config
        self.workers: list[_Worker] = []
        self.closing = False

    def spawn(self) -> None:
        """Start the processes: as early as possible, so that their imports (~0.8 s of CPU)
        are done before the first pages arrive."""
        setup = _frame(dataclasses.asdict(self.config))
        self.workers = [_Worker(number, setup, self._gone) for number in range(self.count)]

    def attach(self) -> None:
        """Connect the workers to the running loop (Scrapy's asyncio reactor)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not Scrapy's asyncio reactor: every page is analysed in-process
            logger.warning("no asyncio reactor: pages are analysed in the crawl process")
            self.close()
            self.reap(timeout=5)
            return
        for worker in self.workers:
            worker.attach(loop)

    def _gone(self, worker: _Worker) -> None:
        if not self.closing:
            logger.warning("extraction worker %d exited; its pages are analysed in the crawl process",
                           worker.number)

    def analyse(self, url: str, status: int, content_type: bytes | None, body: bytes) -> asyncio.Future | None:
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
        """No more pages (at spider_closed): every worker's stdin is closed and it exits on its
        own, all at once. Collecting them is `wait_closed`'s job, so that the spider's close
        does not wait for their interpreters to shut down (~30 ms, measured)."""
        self.closing = True
        for worker in self.workers:
            worker.close()

    async def wait_closed(self, timeout: float = 5.0) -> None:
        """Collect the closed workers (at engine_stopped) without blocking the reactor, which
        other sources' crawls in this process may still be using; a worker still running
        after `timeout` seconds is killed."""
        self.close()  # (idempotent: in case the engine stopped without closing the spider)
        deadline = time.monotonic() + timeout
        while any(w.proc.poll() is None for w in self.workers) and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        self.reap(timeout=0)

    def reap(self, timeout: float) -> None:
        """Collect closed workers: each gets up to `timeout` seconds to exit, then is killed."""
        for worker in self.workers:
            worker.reap(timeout)


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

    from street2shop.crawler.page_analysis import PageAnalyser  # noqa: PLC0415

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
    os.nice(WORKER_NICENESS)
    # The answers go to the real stdout; anything a library prints goes to stderr (which the
    # crawl logs) instead of into the frames.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    sys.exit(main())
