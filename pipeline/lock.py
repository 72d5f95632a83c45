"""One run per store at a time.

A scheduled crawl that is still running when the next one starts (cron does not wait)
must not write beside it. The lock is a small JSON file in the store, created
exclusively; it names its holder (host, pid, start) and is refreshed while the run lives.
A lock whose process is gone (same host, pid not running) or that has not been
refreshed for `stale_after` seconds (another host that died) is taken over, so a
killed run never blocks the schedule for good.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from datetime import datetime, timezone

from street2shop.pipeline.store import Store

LOCK_PATH = "state/lock.json"


class StoreLocked(Exception):
    """Another live run holds the store."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class StoreLock:
    def __init__(self, store: Store, *, stale_after: float = 600.0, refresh_every: float = 60.0):
        self.store = store
        self.stale_after = stale_after
        self.refresh_every = refresh_every
        self.me = {"host": socket.gethostname(), "pid": os.getpid(),
                   "started_at": datetime.now(timezone.utc).isoformat()}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- holding
    def holder(self) -> dict | None:
        try:
            return json.loads(self.store.read_bytes(LOCK_PATH))
        except FileNotFoundError:
            return None
        except ValueError:
            return {"host": "?", "pid": -1, "refreshed": 0}  # half-written by a killed run: stale

    def _stale(self, holder: dict) -> bool:
        if holder.get("host") == self.me["host"] and not _pid_alive(int(holder.get("pid", -1))):
            return True
        return time.time() - float(holder.get("refreshed", 0)) > self.stale_after

    def _create(self) -> bool:
        record = json.dumps({**self.me, "refreshed": time.time()}).encode()
        path = self.store.path(LOCK_PATH)
        self.store.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        if self.store.is_local:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(fd, "wb") as fh:
                fh.write(record)
            return True
        # Object stores have no exclusive create: write, then check that we won.
        if self.store.exists(LOCK_PATH):
            return False
        self.store.write_bytes(LOCK_PATH, record)
        holder = self.holder() or {}
        return holder.get("pid") == self.me["pid"] and holder.get("host") == self.me["host"]

    def acquire(self) -> None:
        if not self._create():
            holder = self.holder()
            if holder is not None and not self._stale(holder):
                raise StoreLocked(
                    f"store {self.store.url} is in use by another run (pid {holder.get('pid')} on "
                    f"{holder.get('host')}, started {holder.get('started_at')}); wait for it to finish, "
                    f"or remove {self.store.path(LOCK_PATH)} if you are sure it is gone")
            self.store.fs.rm(self.store.path(LOCK_PATH))  # a dead run's lock
            if not self._create():
                raise StoreLocked(f"store {self.store.url} was just taken by another run")
        self._thread = threading.Thread(target=self._refresh, daemon=True)
        self._thread.start()

    def _refresh(self) -> None:
        while not self._stop.wait(self.refresh_every):
            self.store.write_bytes(LOCK_PATH, json.dumps({**self.me, "refreshed": time.time()}).encode())

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        holder = self.holder()
        if holder and holder.get("pid") == self.me["pid"] and holder.get("host") == self.me["host"]:
            self.store.fs.rm(self.store.path(LOCK_PATH))

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
