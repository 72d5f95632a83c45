"""Bulk image ingest: download URLs, check them, store originals, write normalised copies.

`ingest_urls` is the image-only path (a URL list, no crawl): for each URL it downloads the
bytes, honours `X-Robots-Tag: noai`, passes them through the same checks as `inspect_image`
(full decode, bomb guard, size bounds, sha256, phash/dhash), keeps the original
content-addressed under images/, writes a `size` x `size` normalised JPEG (trimmed, padded,
resized) under normalised/<size>/, and appends one `images` row per stored image.

Each image is decoded once: the checks and hashes use the decoded image as stored, the
normalising its upright copy (the same pixels unless EXIF rotates it or it has transparency).

Downloads and file writes run on a thread pool (they wait on sockets and disks; connections
are pooled per host by urllib3, so each worker keeps its keep-alive socket). Checking and
normalising run in a small process pool, one process per core: the background analysis is
numpy work that holds the GIL, so threads alone stay on one core. The workers are forked
from a server process that has imported this module once (`_cpu_pool`).

Crash safety: files are written under a temporary name and renamed (never half a file), but
not fsynced one by one. The images table's Parquet part is the commit point: before each part
is written, the files written since the previous part are fsynced (`Store.sync`), then the
part is written atomically and fsynced. A run killed (or a machine that fails) before a part
leaves files that no row refers to: harmless orphans, reused by the next run that meets the
same bytes (their names are content hashes).
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import urllib3

from street2shop.core.image_gate import ImageInfo, ImageRejected, image_path, inspect_and_decode
from street2shop.core.net import refused_address
from street2shop.pipeline.normalise import normalise, upright_rgb
from street2shop.core.optout import robots_forbid_ai

if TYPE_CHECKING:  # the workers import this module: keep pyarrow, fsspec and Scrapy out of them
    from street2shop.core.store import Store

#: rows per Parquet part: large enough that parts stay few, small enough that a crash loses little
PART_ROWS = 2000
#: files fsynced together in the background between parts, and how many such batches at a time
SYNC_BATCH, SYNC_THREADS = 64, 4
TIMEOUT = urllib3.Timeout(connect=10, read=30)
USER_AGENT = "street2shop-ingest/0.1"
MAX_REDIRECTS = 5


@dataclass
class IngestSummary:
    run_id: str
    counts: Counter = field(default_factory=Counter)  # status -> URLs
    statuses: dict[str, str] = field(default_factory=dict)  # url -> status
    rows: int = 0  # images table rows written (one per distinct image per run)
    parts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> int:
        return self.counts.get("ok", 0)


def normalised_path(sha256: str, size: int) -> str:
    return f"normalised/{size}/{sha256[:2]}/{sha256}.jpg"


def fetchable_host(url: str) -> str | None:
    """The host of an http(s) URL that can be requested as written, else None: not parsable,
    spaces or control characters, another scheme, no host, a bad port, or a host name that
    IDNA cannot encode (an empty or over-long label)."""
    if " " in url or not url.isprintable():
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number in range)
        host = parts.hostname
        if parts.scheme not in ("http", "https") or not host:
            return None
        host.encode("idna")
    except ValueError:  # UnicodeError (IDNA) is a ValueError too
        return None
    return host


def check_and_normalise(data: bytes, content_type: str | None, size: int) -> tuple[str, ImageInfo | None, bytes]:
    """(status, info, normalised JPEG) for downloaded bytes; runs in a worker process, so a
    rejection comes back as a status (ImageRejected does not pickle with its kind)."""
    try:
        # one decode: the checks and hashes see the image as stored, normalising sees it upright
        # and flattened (upright_rgb, what load_image gives), sharing the pixels when they agree
        info, upright = inspect_and_decode(data, content_type=content_type, keep=upright_rgb)
        img = normalise(upright, size=size, analyse=False).image
    except ImageRejected as exc:
        return exc.kind, None, b""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return "ok", info, buf.getvalue()


class _Ingest:
    def __init__(self, store: Store, *, workers: int, size: int, allow_private: bool, run_id: str,
                 cpu: Executor | None):
        self.store, self.size, self.allow_private, self.run_id = store, size, allow_private, run_id
        self.cpu = cpu  # None: check and normalise in the calling thread
        # one pool of keep-alive connections per host, enough for every worker to hold one
        self.http = urllib3.PoolManager(num_pools=64, maxsize=workers, block=False, retries=False,
                                        timeout=TIMEOUT, headers={"User-Agent": USER_AGENT})
        self._private: dict[str, str | None] = {}  # host -> private address (resolving costs a DNS look-up)
        self._seen: set[str] = set()  # sha256 already taken this run: one row per image
        self._unsynced: list[str] = []  # files written since the last committed part, not yet fsynced
        # files are fsynced in batches while the run goes on, so that a part's commit only waits for
        # the last few; fsync mostly waits on the disk, so a few threads overlap it with the work
        self._syncer = ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="ingest-sync")
        self._syncing: list[Future] = []
        self._lock = threading.Lock()

    def _private_address(self, host: str) -> str | None:
        if host not in self._private:
            self._private[host] = refused_address(host)
        return self._private[host]

    def _get(self, url: str) -> tuple[str | None, urllib3.BaseHTTPResponse | None]:
        """(error status, response): redirects followed here, each hop's host checked."""
        for _ in range(MAX_REDIRECTS + 1):
            host = fetchable_host(url)
            if host is None:
                return "bad_url", None
            if not self.allow_private and self._private_address(host):
                return "private", None
            try:
                resp = self.http.request("GET", url, preload_content=True, redirect=False)
            except (urllib3.exceptions.HTTPError, ValueError):
                return "fetch_error", None
            location = resp.headers.get("Location") if resp.status in (301, 302, 303, 307, 308) else None
            if location is None:
                return None, resp
            url = urljoin(url, location)
        return "too_many_redirects", None

    def one(self, url: str) -> tuple[str, dict | None]:
        """(status, images row or None) for one URL; one bad URL never stops the others."""
        error, resp = self._get(url)
        if error is not None:
            return error, None
        if resp.status != 200:
            return f"http_{resp.status}", None
        if robots_forbid_ai(resp.headers.getlist("X-Robots-Tag")):
            return "noai", None
        data = resp.data
        content_type = resp.headers.get("Content-Type")
        if self.cpu is None:
            status, info, jpeg = check_and_normalise(data, content_type, self.size)
        else:
            status, info, jpeg = self.cpu.submit(check_and_normalise, data, content_type, self.size).result()
        if info is None:
            return status, None
        with self._lock:
            first = info.sha256 not in self._seen
            self._seen.add(info.sha256)
        if not first:
            return "ok", None  # same bytes at another URL: stored and recorded once
        self._put(image_path(info), data)
        self._put(normalised_path(info.sha256, self.size), jpeg)
        return "ok", self._row(info, url, content_type)

    def _put(self, relpath: str, data: bytes) -> None:
        """Store a content-addressed file unless it is there already, without an fsync of its
        own (still written under a temporary name and renamed: never half a file). `commit`
        makes it durable before any row refers to it. A file of another size under the same
        name can only be a torn leftover of a crash (names are content hashes): rewritten."""
        try:
            kept = self.store.fs.size(self.store.path(relpath)) == len(data)
        except (FileNotFoundError, OSError):
            kept = False
        if not kept:
            self.store.write_bytes(relpath, data, fsync=False)
        with self._lock:
            self._unsynced.append(relpath)  # a kept file may be a killed run's orphan, still unsynced
            if len(self._unsynced) >= SYNC_BATCH:
                batch, self._unsynced = self._unsynced, []
                self._syncing.append(self._syncer.submit(self.store.sync, batch, threads=1))

    def close(self) -> None:
        self.http.clear()
        self._syncer.shutdown()

    def commit(self, rows: list[dict], seq: int) -> str | None:
        """Write one Parquet part of ``rows``: the commit point. The files of these rows (and
        any others written since the last part) are fsynced first, so a part that exists never
        refers to a file that a crash could still lose; files of a run killed before its part
        are orphans that no row refers to (harmless, and taken over by the next run)."""
        with self._lock:
            pending, self._unsynced = self._unsynced, []
            syncing, self._syncing = self._syncing, []
        for fut in syncing:
            fut.result()  # an fsync that failed fails the commit: the part is not written
        self.store.sync(pending)
        return self.store.write_part("images", rows, run_id=self.run_id, seq=seq, writer="ingest")

    def _row(self, info: ImageInfo, url: str, content_type: str | None) -> dict:
        return {"sha256": info.sha256, "path": image_path(info), "format": info.format,
                "content_type": content_type, "width": info.width, "height": info.height,
                "mode": info.mode, "size_bytes": info.size_bytes, "phash": info.phash,
                "dhash": info.dhash, "first_url": url, "source": "ingest", "run_id": self.run_id,
                "fetched_at": dt.datetime.now(dt.timezone.utc)}


def _cpu_pool(processes: int) -> ProcessPoolExecutor:
    """The check-and-normalise workers. Forkserver, not fork: this process has threads (ours, a
    caller's) that a fork would copy mid-lock. The server preloads this module, so each worker
    starts with Pillow, numpy and imagehash imported instead of importing them itself (~0.7 s
    of CPU per worker, which on a 2-core machine is a visible share of a 2,000-image run).
    Preloading only applies when this process starts its forkserver; one already running
    keeps its own list, and its workers import what they need as before."""
    ctx = multiprocessing.get_context("forkserver")
    # "__main__" is multiprocessing's default; imagehash.phash imports scipy.fftpack on its first call
    ctx.set_forkserver_preload(["__main__", __name__, "scipy.fftpack"])
    return ProcessPoolExecutor(processes, mp_context=ctx)


def ingest_urls(store: Store, urls: list[str], *, workers: int = 16, size: int = 384,
                allow_private: bool = False, progress: Callable[[int, int], None] | None = None,
                processes: int | None = None, run_id: str | None = None) -> IngestSummary:
    """Ingest ``urls`` into ``store``; returns counts by status (ok, noai, http_404, broken,
    not_image, bomb, too_small, too_large, private, fetch_error, bad_url).

    ``workers`` threads download and write; ``processes`` (default: one per core, 0: none)
    check and normalise. ``progress(done, total)`` is called from the calling thread after
    each URL."""
    run_id = run_id or dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
    processes = (os.cpu_count() or 1) if processes is None else processes
    cpu = _cpu_pool(processes) if processes > 0 and len(urls) > 1 else None
    job = _Ingest(store, workers=workers, size=size, allow_private=allow_private, run_id=run_id, cpu=cpu)
    summary = IngestSummary(run_id)
    rows: list[dict] = []

    def flush() -> None:
        part = job.commit(rows, len(summary.parts))
        if part:
            summary.parts.append(part)
            summary.rows += len(rows)
        rows.clear()

    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ingest") as pool:
            # map keeps input order and submits everything up front; results are small
            for done, (url, (status, row)) in enumerate(zip(urls, pool.map(job.one, urls)), 1):
                summary.counts[status] += 1
                summary.statuses[url] = status
                if row is not None:
                    rows.append(row)
                    if len(rows) >= PART_ROWS:
                        flush()
                if progress is not None:
                    progress(done, len(urls))
    finally:
        flush()  # rows of images already on disk are recorded even when a worker raised
        job.close()
        if cpu is not None:
            cpu.shutdown(cancel_futures=True)
    return summary
