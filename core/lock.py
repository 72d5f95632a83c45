"""One run per store at a time.

A scheduled crawl that is still running when the next one starts (cron does not wait)
must not write beside it. On a local store the lock is the operating system's: an
exclusive `flock` on `state/lock.json`, which the kernel drops when the holding process
ends however it ends, so a killed run never blocks the schedule and two runs can never
both take over a dead one's lock. The file also names its holder (host, pid, start) for
the message a refused run prints, and a clean release removes it, so a file found at
start means the last run did not end cleanly (`StoreLock.previous_run_died`): its
leftovers are swept then.

Object stores have no locks. There the file is a lease: created when absent, refreshed
while the run lives, taken over when its holder's process is gone (same host) or it was
not refreshed for `stale_after` seconds. Two runs that start at the same moment against
an object store can still both win; run one scheduler per remote store.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone

from street2shop.core.store import Store, StoreWriteError

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
        #: True when the lock file of a run that did not release it was found (killed, crashed)
        self.previous_run_died = False
        self._fd: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def holder(self) -> dict | None:
        try:
            return json.loads(self.store.read_bytes(LOCK_PATH))
        except FileNotFoundError:
            return None
        except (ValueError, OSError):
            return {"host": "?", "pid": -1, "refreshed": 0}  # half-written by a killed run

    def _refused(self, holder: dict | None) -> StoreLocked:
        holder = holder or {}
        return StoreLocked(
            f"store {self.store.url} is in use by another run (pid {holder.get('pid', '?')} on "
            f"{holder.get('host', '?')}, started {holder.get('started_at', '?')}); wait for it to finish")

    # ------------------------------------------------------------ local: flock
    def _acquire_local(self) -> None:
        path = self.store.path(LOCK_PATH)
        while True:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                raise StoreWriteError(f"store {self.store.url} cannot be written ({exc.strerror or exc}); "
                                      "check its permissions and free space") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise self._refused(self.holder()) from None
            # The file may have been released and removed between open and flock: then this
            # lock is on a file nobody else will see. Try again on the one at the path.
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.previous_run_died = os.fstat(fd).st_size > 0
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({**self.me, "refreshed": time.time()}).encode(), 0)
        os.fsync(fd)
        self._fd = fd

    def _release_local(self) -> None:
        try:
            os.unlink(self.store.path(LOCK_PATH))  # while still locked: see _acquire_local
        except FileNotFoundError:
            pass
        os.close(self._fd)
        self._fd = None

    # ------------------------------------------------------ object stores: lease
    def _stale(self, holder: dict) -> bool:
        if holder.get("host") == self.me["host"] and not _pid_alive(int(holder.get("pid", -1))):
            return True
        return time.time() - float(holder.get("refreshed", 0)) > self.stale_after

    def _mine(self) -> bool:
        holder = self.holder() or {}
        return holder.get("pid") == self.me["pid"] and holder.get("host") == self.me["host"] \
            and holder.get("started_at") == self.me["started_at"]

    def _acquire_lease(self) -> None:
        holder = self.holder()
        if holder is not None:
            if not self._stale(holder):
                raise self._refused(holder)
            self.previous_run_died = True
        self.store.write_bytes(LOCK_PATH, json.dumps({**self.me, "refreshed": time.time()}).encode())
        time.sleep(0.2)  # let a run that wrote at the same moment land, then see who won
        if not self._mine():
            raise self._refused(self.holder())
        self._thread = threading.Thread(target=self._refresh, daemon=True)
        self._thread.start()

    def _refresh(self) -> None:
        while not self._stop.wait(self.refresh_every):
            self.store.write_bytes(LOCK_PATH, json.dumps({**self.me, "refreshed": time.time()}).encode())

    def _release_lease(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._mine():
            try:
                self.store.fs.rm(self.store.path(LOCK_PATH))
            except FileNotFoundError:
                pass

    # ------------------------------------------------------------------ public
    def acquire(self) -> None:
        if self.store.is_local:
            self._acquire_local()
        else:
            self._acquire_lease()

    def release(self) -> None:
        if self._fd is not None:
            self._release_local()
        elif not self.store.is_local:
            self._release_lease()

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()


@contextmanager
def writing(store: Store):
    """Hold the store for a run that writes it: its lock, and first the commits a killed run
    left half done finished and its leftovers removed (`Store.recover`)."""
    with StoreLock(store) as lock:
        store.recover(thorough=lock.previous_run_died)
        yield lock
