"""The store: one directory (or fsspec URL) that holds every table, image and job state.

Layout (docs/formats.md has the details)::

    <store>/tables/<table>/part-<run_id>-<seq>.parquet   append-only Parquet parts
    <store>/images/<sha256[:2]>/<sha256>.<ext>           original image bytes, stored once
    <store>/state/<source>/job.json                       per-source crawl job state

Every write goes to a hidden temporary name first and is then renamed, so a killed
process leaves either the old state or the new one, never half a file. Readers
(pyarrow, DuckDB, `datasets`) skip names that start with "." or "_", which is why the
temporary names do.

Parts of several tables that belong together (a crawl's flush: listings with their
images and page states) are written as one *commit* (`commit_parts`): staged under hidden
names, then a journal naming them, then renamed into place. A kill before the journal
leaves only hidden files; after it, `recover` (run by every writer under the store's lock)
finishes the renames. Either every part of a commit is in the store or none is.
"""

from __future__ import annotations

import errno
import json
import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from street2shop.core.schemas import TABLES


#: How every Parquet part is compressed.
PART_COMPRESSION = "zstd"
#: Where commit journals live while their parts are renamed into place.
JOURNAL_DIR = "state/journal"
#: Hidden names of files not yet in place: an atomic write's temporary file, a commit's staged part.
_UNFINISHED = (".tmp-", ".stage-")
#: Folders that only lock-holding writers (crawl, ingest) write, swept at recovery.
_SWEPT = ("tables", "state")
_SWEPT_THOROUGH = ("images",)


class StoreError(Exception):
    """The store cannot be used (unreachable, unreadable, damaged, not a store)."""


class StoreWriteError(StoreError):
    """Writing to the store failed (not writable, disk full, ...): the run must stop, not go on."""

    #: a commit that failed after its journal was written: made, though not yet in place
    committed = False


@dataclass
class Recovery:
    """What `Store.recover` found: commits it finished and leftovers it removed."""

    commits_finished: int = 0
    leftovers_removed: list[str] = field(default_factory=list)


class Store:
    def __init__(self, url: str | os.PathLike[str]):
        self.url = os.fspath(url)
        try:
            self.fs, self.root = fsspec.core.url_to_fs(self.url)
        except (ImportError, ValueError) as exc:
            # e.g. s3:// without s3fs installed
            raise StoreError(f"store {self.url!r}: {exc}") from exc
        self.root = self.root.rstrip("/")
        self.is_local = "file" in _protocols(self.fs)
        if self.is_local and os.path.exists(self.root) and not os.path.isdir(self.root):
            raise StoreError(f"store {self.url} is a file, not a folder; give a folder (it is made when missing)")
        self._dirs: set[str] = set()  # directories this Store made or found, so writes skip makedirs

    # ----------------------------------------------------------------- paths
    def path(self, *parts: str) -> str:
        """The full path of a location inside the store. Parts come from data too (a pointer
        file, a table's path column), so anything that would leave the store is refused."""
        for part in parts:
            if part.startswith("/") or "\\" in part or ".." in part.split("/"):
                raise StoreError(f"store {self.url}: {part!r} is not a path inside the store; "
                                 "the file that named it is damaged or was edited by hand")
        return "/".join([self.root, *parts])

    def table_dir(self, table: str, under: str | None = None) -> str:
        """Where a table's parts live: tables/<table>, or a folder of its own (`under`, e.g. a
        catalog version's items)."""
        return self.path(under) if under else self.path("tables", table)

    # ----------------------------------------------------------- atomic writes
    def _atomic_write(self, final: str, write, *, fsync: bool = True) -> None:
        parent, name = final.rsplit("/", 1)
        tmp = f"{parent}/.tmp-{uuid.uuid4().hex}-{name}"
        try:
            self._write_file(tmp, write, fsync=fsync)
            self._move(tmp, final)
        except BaseException as exc:
            try:
                self.fs.rm(tmp)
            except (FileNotFoundError, OSError):
                pass
            if isinstance(exc, OSError):
                raise _write_error(exc.filename or final, exc) from exc
            raise

    def _write_file(self, path: str, write, *, fsync: bool = True) -> None:
        parent = path.rsplit("/", 1)[0]
        if parent not in self._dirs:
            # a bulk writer puts thousands of files in a few hundred folders: one makedirs per
            # folder, not per file (a local mkdir costs a system call even when the folder exists)
            self.fs.makedirs(parent, exist_ok=True)
            self._dirs.add(parent)
        try:
            fh = self.fs.open(path, "wb")
        except FileNotFoundError:  # the folder was removed since: make it again
            self.fs.makedirs(parent, exist_ok=True)
            fh = self.fs.open(path, "wb")
        with fh:
            write(fh)
            if self.is_local and fsync:
                fh.flush()
                os.fsync(fh.fileno())

    def _move(self, src: str, dst: str) -> None:
        if self.is_local:
            os.replace(src, dst)  # atomic on POSIX, also over an existing file
        else:
            # object stores publish a key only when its upload completes
            self.fs.mv(src, dst)

    def _sync_dirs(self, dirs: Iterable[str]) -> None:
        """Make renames in these folders durable (a rename lives in its folder's entry)."""
        if not self.is_local:
            return
        for d in set(dirs):
            fd = os.open(d, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def write_bytes(self, relpath: str, data: bytes, *, overwrite: bool = True, fsync: bool = True) -> bool:
        """Write a file atomically; with overwrite=False keep an existing one.

        ``fsync=False`` (bulk writers) still writes to a temporary name and renames, so no
        reader or later run ever sees half a file, but leaves flushing to the kernel: the
        writer must make its own commit point durable (bulk ingest: `Store.sync` before each
        Parquet part). Returns True when the file was written."""
        final = self.path(relpath)
        if not overwrite and self.fs.exists(final):
            return False
        self._atomic_write(final, lambda fh: fh.write(data), fsync=fsync)
        return True

    def sync(self, relpaths: Iterable[str], *, threads: int = 8) -> None:
        """Make files written with ``fsync=False`` durable: fsync each (local stores; on object
        stores a key exists only once its upload completed, so there is nothing to do).

        The fsyncs run on a few threads: each one mostly waits on the disk, and the
        filesystem journals concurrent ones together."""
        if not self.is_local:
            return
        paths = [self.path(p) for p in relpaths]
        if not paths:
            return

        def one(path: str) -> None:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

        if len(paths) < 2 * threads:
            for path in paths:
                one(path)
            return
        with ThreadPoolExecutor(threads, thread_name_prefix="store-sync") as pool:
            list(pool.map(one, paths))

    def read_bytes(self, relpath: str) -> bytes:
        with self.fs.open(self.path(relpath), "rb") as fh:
            return fh.read()

    def exists(self, relpath: str) -> bool:
        return self.fs.exists(self.path(relpath))

    def write_json(self, relpath: str, obj: Any) -> None:
        self.write_bytes(relpath, json.dumps(obj, indent=2, sort_keys=True).encode())

    def read_json(self, relpath: str, default: Any = None) -> Any:
        try:
            return json.loads(self.read_bytes(relpath))
        except FileNotFoundError:
            return default
        except json.JSONDecodeError as exc:
            raise StoreError(f"{self.path(relpath)} is not valid JSON ({exc}); "
                             "remove it to start that state afresh") from exc

    # ------------------------------------------------------------------ tables
    def write_part(self, table: str, rows: Sequence[dict] | pa.Table, *, run_id: str, seq: int,
                   writer: str = "main", under: str | None = None) -> str | None:
        """Append one Parquet part to a table; returns its path, or None for no rows.

        `writer` tells apart the writers of one run (one per crawled source)."""
        tbl = _as_table(table, rows)
        if tbl.num_rows == 0:
            return None
        final = self._part_path(table, run_id, writer, seq, under)
        self._atomic_write(final, lambda fh: pq.write_table(tbl, fh, compression=PART_COMPRESSION))
        return final

    def write_encoded_part(self, table: str, data: pa.Buffer | None, *, run_id: str, seq: int,
                           writer: str = "main", under: str | None = None) -> str | None:
        """`write_part` for a part `encode_part` already made (None: it had no rows).

        Only the file's writing, fsync and rename happen here, none of which holds the GIL
        for long, so a writer thread that calls this does not hold up the thread that encoded."""
        if data is None:
            return None
        final = self._part_path(table, run_id, writer, seq, under)
        self._atomic_write(final, lambda fh: fh.write(memoryview(data)))
        return final

    def _part_path(self, table: str, run_id: str, writer: str, seq: int, under: str | None) -> str:
        return f"{self.table_dir(table, under)}/part-{run_id}-{writer}-{seq:05d}.parquet"

    def commit_parts(self, parts: Mapping[str, pa.Buffer | None], *, run_id: str, seq: int,
                     writer: str = "main") -> list[str]:
        """Write encoded parts of several tables (`encode_part`) as one commit: after a kill
        at any point, and `recover`, either all of them are in the store or none is.
        Returns the parts' paths. A `StoreWriteError` whose `committed` is true came after the
        journal: the commit is made, and the next `recover` puts its parts in place."""
        moves: list[tuple[str, str]] = []
        try:
            for table, data in parts.items():
                if data is None:
                    continue
                final = self._part_path(table, run_id, writer, seq, None)
                parent, name = final.rsplit("/", 1)
                staged = f"{parent}/.stage-{uuid.uuid4().hex[:8]}-{name}"
                moves.append((staged, final))
                self._write_file(staged, lambda fh, d=data: fh.write(memoryview(d)))
            journal = f"{JOURNAL_DIR}/{run_id}-{writer}-{seq:05d}.json"
            if len(moves) > 1:  # one rename is atomic by itself
                self.write_json(journal, {"moves": [[self._rel(a), self._rel(b)] for a, b in moves]})
        except (OSError, StoreWriteError) as exc:
            for staged, _ in moves:  # not committed: the staged files go
                try:
                    self.fs.rm(staged)
                except OSError:
                    pass
            if isinstance(exc, StoreWriteError):
                raise
            raise _write_error(exc.filename or moves[-1][1], exc) from exc
        try:
            for staged, final in moves:
                self._move(staged, final)
            self._sync_dirs(final.rsplit("/", 1)[0] for _, final in moves)
            if len(moves) > 1:
                self.fs.rm(self.path(journal))
        except OSError as exc:
            error = _write_error(exc.filename or moves[-1][1], exc)
            error.committed = len(moves) > 1  # the journal stands: `recover` finishes it
            raise error from exc
        return [final for _, final in moves]

    def _rel(self, path: str) -> str:
        return path[len(self.root) + 1:]

    def recover(self, *, thorough: bool = False) -> Recovery:
        """Finish the commits a killed writer left half done, then remove unfinished files
        (temporary and staged names). Only a writer that holds the store's lock may call
        this; `thorough` also sweeps the image folders (a listing of every stored file, so
        only after a run that did not end cleanly)."""
        report = Recovery()
        journal_dir = self.path(JOURNAL_DIR)
        journals = sorted(self.fs.ls(journal_dir, detail=False)) if self.fs.exists(journal_dir) else []
        for journal in journals:
            name = journal.rsplit("/", 1)[-1]
            if name.startswith(".") or not name.endswith(".json"):
                continue
            moves = self.read_json(self._rel(journal))["moves"]
            for staged, final in moves:
                if self.exists(staged):
                    self._move(self.path(staged), self.path(final))
            self._sync_dirs(self.path(final).rsplit("/", 1)[0] for _, final in moves)
            self.fs.rm(journal)
            report.commits_finished += 1
        for top in _SWEPT + (_SWEPT_THOROUGH if thorough else ()):
            report.leftovers_removed += self._sweep(self.path(top))
        return report

    def _sweep(self, folder: str) -> list[str]:
        removed = []
        if not self.fs.exists(folder):
            return removed
        for dirpath, _dirs, files in self.fs.walk(folder):
            for name in files:
                if name.startswith(_UNFINISHED):
                    path = f"{dirpath.rstrip('/')}/{name}"
                    self.fs.rm(path)
                    removed.append(self._rel(path))
        return removed

    def table_parts(self, table: str, under: str | None = None) -> list[str]:
        d = self.table_dir(table, under)
        if not self.fs.exists(d):
            return []
        return sorted(p for p in self.fs.ls(d, detail=False)
                      if p.rsplit("/", 1)[-1].startswith("part-") and p.endswith(".parquet"))

    def dataset(self, table: str, under: str | None = None) -> ds.Dataset:
        parts = self.table_parts(table, under)
        return ds.dataset(parts, schema=TABLES[table], format="parquet", filesystem=self.fs)

    def read_table(self, table: str, columns: Iterable[str] | None = None,
                   filter: ds.Expression | None = None, under: str | None = None) -> pa.Table:
        """The whole table (or some columns/rows of it); an empty table when none was written.
        A damaged part (truncated, emptied, not Parquet) is a `StoreError` that names it."""
        try:
            return self.dataset(table, under).to_table(columns=list(columns) if columns else None, filter=filter)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as exc:
            raise self._damaged(table, under, exc) from None

    def image_column(self, shas: Iterable[str], column: str = "path") -> dict[str, str]:
        """sha256 -> `column` of the images table (`path`: the file in the store), for the
        images of `shas` that the store has."""
        wanted = pa.array(sorted({s for s in shas if s}), pa.string())
        if not len(wanted):
            return {}
        rows = self.read_table("images", columns=["sha256", column], filter=pc.field("sha256").isin(wanted))
        return dict(zip(rows.column("sha256").to_pylist(), rows.column(column).to_pylist()))

    def damaged_parts(self, table: str, under: str | None = None) -> list[tuple[str, str]]:
        """(path, why) of each part of `table` that cannot be read as Parquet."""
        out = []
        for part in self.table_parts(table, under):
            try:
                with self.fs.open(part, "rb") as fh:
                    pq.read_metadata(fh)
            except (pa.ArrowInvalid, OSError) as exc:
                out.append((part, str(exc).splitlines()[0][:200] or type(exc).__name__))
        return out

    def quarantine(self, path: str) -> str:
        """Move a damaged part out of its table, to quarantine/<table>/ in the store; returns
        where it went. Its rows are then gone from the table (a crawl fetches them again)."""
        table = path.rsplit("/", 2)[-2]
        target = self.path("quarantine", table, path.rsplit("/", 1)[-1])
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        self._move(path, target)
        return target

    def _damaged(self, table: str, under: str | None, exc: Exception) -> StoreError:
        damaged = self.damaged_parts(table, under)
        if not damaged:
            return StoreError(f"store {self.url}: cannot read the {table} table ({exc})")
        path, why = damaged[0]
        more = f" (and {len(damaged) - 1} more)" if len(damaged) > 1 else ""
        return StoreError(f"store {self.url}: {path} is damaged ({why}){more}; run "
                          f"`street2shop store check {self.url} --quarantine` to move damaged parts aside")


def encode_part(table: str, rows: Sequence[dict] | pa.Table) -> pa.Buffer | None:
    """One part of `table` encoded in memory, as `write_part` writes it; None when there are
    no rows. Meant for parts of a bounded size (a crawl's flush); `write_part` streams."""
    tbl = _as_table(table, rows)
    if tbl.num_rows == 0:
        return None
    sink = pa.BufferOutputStream()
    pq.write_table(tbl, sink, compression=PART_COMPRESSION)
    return sink.getvalue()


def _as_table(table: str, rows: Sequence[dict] | pa.Table) -> pa.Table:
    return rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=TABLES[table])


def _write_error(path, exc: OSError) -> StoreWriteError:
    what = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "free some space and run again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = "make the store writable and run again"
    else:
        advice = "fix the store and run again"
    return StoreWriteError(f"cannot write {path}: {what}; {advice}")


def _protocols(fs) -> tuple[str, ...]:
    proto = fs.protocol
    return (proto,) if isinstance(proto, str) else tuple(proto)
