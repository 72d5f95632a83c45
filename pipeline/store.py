"""The store: one directory (or fsspec URL) that holds every table, image and job state.

Layout (docs/formats.md has the details)::

    <store>/tables/<table>/part-<run_id>-<seq>.parquet   append-only Parquet parts
    <store>/images/<sha256[:2]>/<sha256>.<ext>           original image bytes, stored once
    <store>/state/<source>/job.json                       per-source crawl job state

Every write goes to a hidden temporary name first and is then renamed, so a killed
process leaves either the old state or the new one, never half a file. Readers
(pyarrow, DuckDB, `datasets`) skip names that start with "." or "_", which is why the
temporary names do.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from street2shop.pipeline.schemas import TABLES


#: How every Parquet part is compressed.
PART_COMPRESSION = "zstd"


class StoreError(Exception):
    """The store cannot be used (unreachable, unreadable, not a store)."""


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
        self._dirs: set[str] = set()  # directories this Store made or found, so writes skip makedirs

    # ----------------------------------------------------------------- paths
    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def table_dir(self, table: str, under: str | None = None) -> str:
        """Where a table's parts live: tables/<table>, or a folder of its own (`under`, e.g. a
        catalog version's items)."""
        return self.path(under) if under else self.path("tables", table)

    # ----------------------------------------------------------- atomic writes
    def _atomic_write(self, final: str, write, *, fsync: bool = True) -> None:
        parent, name = final.rsplit("/", 1)
        if parent not in self._dirs:
            # a bulk writer puts thousands of files in a few hundred folders: one makedirs per
            # folder, not per file (a local mkdir costs a system call even when the folder exists)
            self.fs.makedirs(parent, exist_ok=True)
            self._dirs.add(parent)
        tmp = f"{parent}/.tmp-{uuid.uuid4().hex}-{name}"
        try:
            try:
                fh = self.fs.open(tmp, "wb")
            except FileNotFoundError:  # the folder was removed since: make it again
                self.fs.makedirs(parent, exist_ok=True)
                fh = self.fs.open(tmp, "wb")
            with fh:
                write(fh)
                if self.is_local and fsync:
                    fh.flush()
                    os.fsync(fh.fileno())
            if self.is_local:
                os.replace(tmp, final)  # atomic on POSIX, also over an existing file
            else:
                # object stores publish a key only when its upload completes
                self.fs.mv(tmp, final)
        except BaseException:
            try:
                self.fs.rm(tmp)
            except (FileNotFoundError, OSError):
                pass
            raise

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
        """The whole table (or some columns/rows of it); an empty table when none was written."""
        return self.dataset(table, under).to_table(columns=list(columns) if columns else None, filter=filter)


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


def _protocols(fs) -> tuple[str, ...]:
    proto = fs.protocol
    return (proto,) if isinstance(proto, str) else tuple(proto)
