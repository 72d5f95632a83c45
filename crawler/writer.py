"""One crawl run's rows on their way to the store, as a stream of atomic commits.

Every source crawled in one process hands its rows to the same `RunWriter`, which buffers
them and commits them every `flush_every` items (or `flush_seconds`) as one commit of all
tables (`Store.commit_parts`): a listing's page state, its images rows and the listing
land together or not at all, and an image first seen by one source is committed no later
than any other source's listing that refers to it.

A commit is encoded on the reactor thread (turning rows into Arrow holds the GIL on any
thread, and on a thread of its own it fought the reactor for it) and written, fsynced and
renamed on a thread of its own, one at a time and in order, so the reactor keeps
downloading while the disk works. A commit that fails (disk full, store not writable)
keeps its rows, stops every crawler that writes through this writer (`on_failure`), and
is tried once more when the run closes; the jobs stay unfinished, so the next run fetches
again whatever did not land.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from street2shop.core.store import Store, StoreWriteError, encode_part

#: The tables of a commit, in the order their rows refer to each other.
TABLES = ("images", "post_images", "post_items", "listings", "posts", "link_checks", "pages")


class RunWriter:
    _open: dict[tuple[str, str], "RunWriter"] = {}

    @classmethod
    def attach(cls, store_url: str, run_id: str, *, flush_every: int, flush_seconds: float,
               on_failure: Callable[[StoreWriteError], None]) -> "RunWriter":
        """The writer of this run and store (made by the first source that asks)."""
        writer = cls._open.get((store_url, run_id))
        if writer is None:
            writer = cls._open[(store_url, run_id)] = cls(Store(store_url), run_id, flush_every, flush_seconds)
        writer.users += 1
        writer.failure_handlers.append(on_failure)
        return writer

    def __init__(self, store: Store, run_id: str, flush_every: int, flush_seconds: float):
        self.store, self.run_id = store, run_id
        self.flush_every, self.flush_seconds = flush_every, flush_seconds
        self.rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.pending = 0
        self.seq = 0
        self.last_flush = time.monotonic()
        self.users = 0
        self.failure_handlers: list[Callable[[StoreWriteError], None]] = []
        #: the first commit that failed; later flushes wait for the run's close to try again
        self.failed: StoreWriteError | None = None
        #: sha256 of every image in the store's images table, or in a commit of this run
        self.known_images: set[str] = set(store.read_table("images", columns=["sha256"]).column("sha256").to_pylist())
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="parquet-writer")
        self._writing: tuple[Future, dict[str, list[dict]]] | None = None

    # ----------------------------------------------------------------- buffering
    def add(self, table: str, rows: list[dict]) -> None:
        self.rows[table] += rows

    def new_image(self, sha256: str) -> bool:
        """True the first time an image is met in this store (its row is then added)."""
        if sha256 in self.known_images:
            return False
        self.known_images.add(sha256)
        return True

    def item_done(self) -> None:
        """One item's rows are all added: a commit is due every `flush_every` items."""
        self.pending += 1
        if self.pending >= self.flush_every or time.monotonic() - self.last_flush > self.flush_seconds:
            self.flush()

    # ------------------------------------------------------------------ commits
    def flush(self) -> None:
        """Hand the buffered rows to the writer thread as one commit (after the previous one)."""
        self.last_flush = time.monotonic()
        self.pending = 0
        if self.failed is not None or not any(self.rows.values()):
            return
        self.wait()
        if self.failed is not None:
            return
        parts = {table: encode_part(table, rows) for table, rows in self.rows.items()}
        batch, self.rows = self.rows, {t: [] for t in TABLES}
        future = self._thread.submit(self.store.commit_parts, parts, run_id=self.run_id, seq=self.seq,
                                     writer="crawl")
        self.seq += 1
        self._writing = (future, batch)

    def wait(self) -> None:
        """Wait for the commit on its way; when it failed, keep its rows and stop the crawl."""
        if self._writing is None:
            return
        (future, batch), self._writing = self._writing, None
        try:
            future.result()
        except StoreWriteError as exc:
            if not exc.committed:  # kept in front of the newer rows, for the last try
                for table, rows in batch.items():
                    self.rows[table][:0] = rows
            self._fail(exc)

    def _fail(self, exc: StoreWriteError) -> None:
        if self.failed is None:
            self.failed = exc
            for handler in self.failure_handlers:
                handler(exc)

    def close(self) -> StoreWriteError | None:
        """Commit everything buffered and wait for it (a source's crawl ends); the last user
        stops the thread. Returns the error when the rows could not be written."""
        self.failed = None  # after a failure, one more try: the cause may have gone (space freed)
        self.flush()
        self.wait()
        self.users -= 1
        if self.users == 0:
            self._thread.shutdown(wait=True)
            self._open.pop((self.store.url, self.run_id), None)
        return self.failed
