"""Bulk image ingest: download URLs, check them, store originals, write normalised copies.

`ingest_urls` is the image-only path (a URL list, no crawl): for each URL it downloads the
bytes, honours `X-Robots-Tag: noai`, passes them through `inspect_image` (decode, bomb guard,
sha256, phash/dhash), keeps the original content-addressed under images/, writes a `size` x
`size` normalised JPEG under normalised/<size>/, and appends one `images` row per stored image.

Downloads and file writes run on a thread pool (they wait on sockets and disks; connections
are pooled per host by urllib3, so each worker keeps its keep-alive socket). Checking and
normalising run in a small process pool, one process per core: the background analysis is
many small numpy calls that hold the GIL, so threads alone stay on one core.
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
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import urllib3

from street2shop.crawler.middlewares import is_private_host
from street2shop.pipeline.images import ImageInfo, ImageRejected, image_path, inspect_image, robots_forbid_ai
from street2shop.pipeline.normalise import load_image, normalise
from street2shop.pipeline.store import Store

#: rows per Parquet part: large enough that parts stay few, small enough that a crash loses little
PART_ROWS = 2000
TIMEOUT = urllib3.Timeout(connect=10, read=30)
USER_AGENT = "street2shop-ingest/0.1"


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


def check_and_normalise(data: bytes, content_type: str | None, size: int) -> tuple[str, ImageInfo | None, bytes]:
    """(status, info, normalised JPEG) for downloaded bytes; runs in a worker process, so a
    rejection comes back as a status (ImageRejected does not pickle with its kind)."""
    try:
        info = inspect_image(data, content_type=content_type)
        # decoded again: inspect_image keeps its bytes-in API, and load_image applies EXIF
        # orientation and alpha flattening that the hashes deliberately do not
        img = normalise(load_image(data), size=size, analyse=False).image
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
        self._lock = threading.Lock()

    def _private_address(self, host: str) -> str | None:
        if host not in self._private:
            self._private[host] = is_private_host(host)
        return self._private[host]

    def one(self, url: str) -> tuple[str, dict | None]:
        """(status, images row or None) for one URL."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "bad_url", None
        if not self.allow_private and self._private_address(parts.hostname):
            return "private", None
        try:
            resp = self.http.request("GET", url, preload_content=True, redirect=True)
        except urllib3.exceptions.HTTPError:
            return "fetch_error", None
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
        self.store.write_bytes(image_path(info), data, overwrite=False)
        self.store.write_bytes(normalised_path(info.sha256, self.size), jpeg, overwrite=False)
        return "ok", self._row(info, url, content_type)

    def _row(self, info: ImageInfo, url: str, content_type: str | None) -> dict:
        return {"sha256": info.sha256, "path": image_path(info), "format": info.format,
                "content_type": content_type, "width": info.width, "height": info.height,
                "mode": info.mode, "size_bytes": info.size_bytes, "phash": info.phash,
                "dhash": info.dhash, "first_url": url, "source": "ingest", "run_id": self.run_id,
                "fetched_at": dt.datetime.now(dt.timezone.utc)}


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
    # forkserver, not fork: this process has threads (ours, a caller's) that a fork would copy mid-lock
    cpu = (ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("forkserver"))
           if processes > 0 and len(urls) > 1 else None)
    job = _Ingest(store, workers=workers, size=size, allow_private=allow_private, run_id=run_id, cpu=cpu)
    summary = IngestSummary(run_id)
    rows: list[dict] = []

    def flush() -> None:
        part = store.write_part("images", rows, run_id=run_id, seq=len(summary.parts), writer="ingest")
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
        job.http.clear()
        if cpu is not None:
            cpu.shutdown(cancel_futures=True)
    return summary
