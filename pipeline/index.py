"""Nearest-neighbour search over catalog embeddings, per garment category.

Two backends behind one interface: `exact` (a blocked matrix product over float32
vectors with a running top-k: exact, and fast enough up to a few hundred thousand items)
and `faiss` (an IVF-Flat index for large catalogs). Vectors are L2-normalised, so inner
product is cosine similarity. An index is saved beside its catalog version and loaded with it.

A FAISS index is never trusted on a formula: when it is built, its `nprobe` (how many of
its `nlist` cells a query scans) is *calibrated*: the smallest nprobe whose recall@10
against exact search, measured on a sample of queries, reaches a target (0.95 unless told).
The target, the nprobe and the measured recall are saved with the index. `build_index`
(kind "auto") uses FAISS only for categories over FAISS_FROM items, and only when the
calibrated FAISS is worth it: when the target needs more than MAX_PROBE_FRACTION of the
cells, or FAISS at the calibrated nprobe answers no faster than exact search, that
category is searched exactly, and the index says why (`CategoryIndex.info`, and a log line).
On embeddings that cluster (similar products) a few cells suffice; on uniform random
vectors nearly every cell must be scanned, since no point is much nearer than another.
Measured in docs/benchmarks.md.

Searching "only the item's likely categories" (the paper's top-2 trick) is a filter on
the category of each indexed item: the index keeps one sub-index per category, plus
items whose category is unknown (-1), which every search includes.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

log = logging.getLogger(__name__)

UNKNOWN = -1
#: The index kinds `build_index` builds.
KINDS = ("exact", "faiss", "auto")
#: Above this many items (in one category) "auto" considers FAISS; at or below, exact search.
FAISS_FROM = 200_000
#: Default recall@10 against exact that a FAISS index is calibrated to reach.
TARGET_RECALL = 0.95
#: "auto" keeps exact search when the target needs more than this share of the cells: an
#: IVF scan of most cells costs about what exact search does, and exact search is exact.
MAX_PROBE_FRACTION = 0.5
#: Calibration queries per FAISS index (fewer when the category is smaller).
CALIBRATION_QUERIES = 500
#: The calibrated nprobe is the smallest whose recall on the calibration queries, less this
#: many standard errors (of the mean over queries), reaches the target: a sample of 500
#: queries estimates recall to about +-0.01, and the target is meant for queries the
#: calibration never saw, not just for the sample.
CALIBRATION_MARGIN_SE = 2.0
_CAL_K = 10
#: Score block of the exact search, in float32 elements (16 MiB of scores, ~50 MiB with the
#: partition's temporaries, instead of 2 GB for 500 queries x 1M items), large enough that
#: each block is one efficient BLAS call (a 4x larger block was no faster in trials).
_BLOCK_ELEMENTS = 1 << 22
_QUERY_BLOCK = 512


class SearchIndexError(Exception):
    """An index that cannot be built or loaded."""


@dataclass
class Hits:
    ids: np.ndarray  # (queries, k) int64 positions in the catalog, -1 where fewer than k
    scores: np.ndarray  # (queries, k) float32 cosine similarity


def exact_top_k(queries: np.ndarray, vectors: np.ndarray, k: int,
                block_elements: int = _BLOCK_ELEMENTS) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k by inner product, best first: (scores, ids), each (queries, min(k, N)).

    Blocked over queries and over the vectors, keeping a running top-k, so the score matrix
    is never queries x N (500 x 1M float32 would be 2 GB, and partitioning it cost more
    than the product itself). The engine is numpy's BLAS product, not faiss.knn: it was faster at
    every query count tried (docs/architecture.md, "Where speed, not the library, decided").
    """
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    n = len(vectors)
    k = max(0, min(k, n))
    out_s = np.full((len(queries), k), -np.inf, np.float32)
    out_i = np.full((len(queries), k), -1, np.int64)
    if not k or not len(queries):
        return out_s, out_i
    for qa in range(0, len(queries), _QUERY_BLOCK):
        q = queries[qa:qa + _QUERY_BLOCK]
        step = int(min(n, max(4096, block_elements // len(q))))
        best_s = np.full((len(q), k), -np.inf, np.float32)
        best_i = np.full((len(q), k), -1, np.int64)
        for start in range(0, n, step):
            scores = q @ np.asarray(vectors[start:start + step], dtype=np.float32).T
            if scores.shape[1] > k:
                part = np.argpartition(scores, scores.shape[1] - k, axis=1)[:, -k:]
                scores = np.take_along_axis(scores, part, axis=1)
            else:
                part = np.broadcast_to(np.arange(scores.shape[1]), scores.shape)
            cand_s = np.concatenate([best_s, scores], axis=1)
            cand_i = np.concatenate([best_i, part + start], axis=1)
            keep = np.argpartition(cand_s, cand_s.shape[1] - k, axis=1)[:, -k:]
            best_s = np.take_along_axis(cand_s, keep, axis=1)
            best_i = np.take_along_axis(cand_i, keep, axis=1)
        order = np.argsort(-best_s, axis=1, kind="stable")
        out_s[qa:qa + len(q)] = np.take_along_axis(best_s, order, axis=1)
        out_i[qa:qa + len(q)] = np.take_along_axis(best_i, order, axis=1)
    return out_s, out_i


def _merge(results: list[tuple[np.ndarray, np.ndarray]], n: int, k: int) -> Hits:
    if not results:
        return Hits(np.full((n, k), -1, np.int64), np.full((n, k), -np.inf, np.float32))
    scores = np.concatenate([r[0] for r in results], axis=1)
    ids = np.concatenate([r[1] for r in results], axis=1)
    out_scores = np.full((n, k), -np.inf, np.float32)
    out_ids = np.full((n, k), -1, np.int64)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    m = order.shape[1]
    out_scores[:, :m] = np.take_along_axis(scores, order, axis=1)
    out_ids[:, :m] = np.take_along_axis(ids, order, axis=1)
    return Hits(out_ids, out_scores)


class _Exact:
    kind = "exact"

    def __init__(self, vectors: np.ndarray):
        self.vectors = vectors if isinstance(vectors, np.memmap) else np.ascontiguousarray(vectors, dtype=np.float32)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.vectors.shape)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        return exact_top_k(queries, self.vectors, k)

    def save(self, path: Path) -> None:
        np.save(path.with_suffix(".npy"), self.vectors)

    @classmethod
    def load(cls, path: Path) -> "_Exact":
        return cls(np.load(path.with_suffix(".npy"), mmap_mode="r"))


def _drop_self(ids: np.ndarray, own: np.ndarray, k: int) -> np.ndarray:
    """Rows of k+1 ids without the query's own id (or without the last id, if absent)."""
    keep = ids != own[:, None]
    keep[keep.all(axis=1), -1] = False
    return ids[keep].reshape(len(ids), k)


def _recall(found: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Per query: the share of `truth` ids that `found` holds (ids are unique in a row)."""
    return (found[:, :, None] == truth[:, None, :]).any(axis=2).sum(axis=1) / truth.shape[1]


class _Faiss:
    """FAISS inverted file (IVF-Flat): k-means cells over the vectors, a query scans the
    `nprobe` nearest cells. Chosen over HNSW because it builds in about a tenth of the time
    on this kind of machine (docs/architecture.md), which matters for rebuilds.
    `calibration` records how nprobe was chosen (see `_calibrate`)."""

    kind = "faiss"

    def __init__(self, index, calibration: dict | None = None):
        self.index = index
        self.calibration = calibration
        if calibration and calibration.get("nprobe"):
            self.index.nprobe = int(calibration["nprobe"])

    @staticmethod
    def train(vectors: np.ndarray, nlist: int | None = None):
        """A trained, still empty IVF-Flat index over `vectors`' space."""
        import faiss  # noqa: PLC0415  (only large catalogs need it)
        n, dim = vectors.shape
        nlist = nlist or max(1, min(int(4 * np.sqrt(n)), n // 39))  # FAISS wants >= 39 points a cell
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.sort(np.random.default_rng(0).choice(n, min(n, max(nlist * 39, 50_000)), replace=False))]
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        return index

    @property
    def shape(self) -> tuple[int, ...]:
        return (int(self.index.ntotal), int(self.index.d))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores, ids = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids

    def save(self, path: Path) -> None:
        import faiss  # noqa: PLC0415
        faiss.write_index(self.index, str(path.with_suffix(".faiss")))

    @classmethod
    def load(cls, path: Path, calibration: dict | None = None) -> "_Faiss":
        import faiss  # noqa: PLC0415
        return cls(faiss.read_index(str(path.with_suffix(".faiss"))), calibration)


def _calibrate(index, vectors: np.ndarray, target: float, queries: int, *,
               keep: Callable[[dict], bool] | None = None) -> dict:
    """Choose `index.nprobe` by measurement; return the record saved with the index.

    Calibration queries are indexed vectors, each searched *leave-one-out* (its own id is
    dropped from both the exact and the FAISS answer). That makes each one a fresh query
    drawn from the catalog's own distribution, which is the only distribution known when
    the index is built; searching an indexed vector with itself counted would find its own
    cell first and flatter recall. (Real street photos sit further from the catalog than
    catalog items sit from each other, so they may need more cells: the target is met for
    in-distribution queries.)

    The choice needs no ladder of trial searches: in IVF-Flat a true top-10 neighbour is
    returned exactly when its cell is among the `nprobe` cells nearest the query (distances
    inside a cell are exact). So the cell of each exact neighbour and that cell's rank in
    the query's cell order give recall@10 at every nprobe at once; the smallest nprobe
    whose recall, less CALIBRATION_MARGIN_SE standard errors, reaches `target` is taken.
    This needs only the trained quantizer, so "auto" can reject FAISS before adding a single
    vector: if `keep(record)` says no, the index stays empty. Otherwise the vectors are
    added and a real search at that nprobe measures recall and queries/s (raising nprobe
    in the rare case ties make it fall short); exact queries/s is measured on the same
    queries. `seconds` is the calibration's own time; `add_seconds` adding the vectors.
    """
    started = time.perf_counter()
    n = len(vectors)
    nlist = index.nlist
    k = min(_CAL_K, n - 1)
    m = min(queries, n)
    rec = {"target": target, "nlist": nlist, "k": k, "queries": m, "method": "leave-one-out indexed vectors"}
    if k < 1:  # a single vector: nothing to miss
        index.nprobe = nlist
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        rec.update(nprobe=nlist, recall=1.0, predicted_recall=1.0, faiss_qps=None, exact_qps=None,
                   seconds=round(time.perf_counter() - started, 3))
        return rec
    own = np.sort(np.random.default_rng(1).choice(n, m, replace=False))
    q = np.ascontiguousarray(vectors[own], dtype=np.float32)
    (_, exact_ids), exact_s = _timed(lambda: exact_top_k(q, vectors, k + 1))
    truth = _drop_self(exact_ids, own, k)
    # rank (1-based) of every cell in each query's probe order, and the cell of each neighbour
    _, order = index.quantizer.search(q, nlist)
    rank = np.empty((m, nlist), np.int32)
    np.put_along_axis(rank, order, np.arange(1, nlist + 1, dtype=np.int32)[None, :].repeat(m, 0), axis=1)
    _, cell = index.quantizer.search(np.ascontiguousarray(vectors[truth.ravel()], dtype=np.float32), 1)
    need = np.take_along_axis(rank, cell.reshape(m, k), axis=1)  # nprobe each neighbour needs
    per_query = np.zeros((m, nlist + 1), np.float32)
    np.add.at(per_query, (np.repeat(np.arange(m), k), need.ravel()), 1.0 / k)
    per_query = np.cumsum(per_query, axis=1)[:, 1:]  # [:, p-1]: recall of each query at nprobe p
    mean = per_query.mean(axis=0)
    se = per_query.std(axis=0, ddof=1) / math.sqrt(m) if m > 1 else np.zeros(nlist)
    ok = np.flatnonzero(mean - CALIBRATION_MARGIN_SE * se >= target - 1e-9)
    nprobe = int(ok[0]) + 1 if len(ok) else nlist
    rec.update(nprobe=nprobe, predicted_recall=round(float(mean[nprobe - 1]), 4),
               exact_qps=round(m / exact_s, 1), recall=None, faiss_qps=None)
    if keep is not None and not keep(rec):
        rec["seconds"] = round(time.perf_counter() - started, 3)
        return rec
    t = time.perf_counter()
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    add_s = time.perf_counter() - t
    while True:
        index.nprobe = nprobe
        (_, found), faiss_s = _timed(lambda: index.search(q, k + 1))
        recall = float(_recall(_drop_self(found, own, k), truth).mean())
        if recall >= target or nprobe >= nlist:
            break
        nprobe = min(nlist, nprobe + max(1, nprobe // 8))
    rec.update(nprobe=nprobe, recall=round(recall, 4), faiss_qps=round(m / faiss_s, 1),
               seconds=round(time.perf_counter() - started - add_s, 3), add_seconds=round(add_s, 3))
    return rec


def _timed(search, repeat_under: float = 0.25, times: int = 3):
    """(result, seconds) of `search()`. A search quicker than `repeat_under` seconds is run
    up to `times` times and the fastest kept: one stall of the machine must not decide the
    exact-or-FAISS choice on a small catalog, and on a large one a second run costs too much."""
    best = math.inf
    for _ in range(times):
        t = time.perf_counter()
        result = search()
        best = min(best, time.perf_counter() - t)
        if best >= repeat_under:
            break
    return result, best


def _auto_choice(cal: dict) -> tuple[str, str]:
    """("faiss" or "exact", why) for a calibration record, as "auto" decides. Before FAISS
    has been searched (no `faiss_qps` yet) only the share of cells can rule it out."""
    share = cal["nprobe"] / cal["nlist"]
    what = f"recall@{cal['k']} {cal['target']:.2f} needs nprobe {cal['nprobe']} of {cal['nlist']} cells ({share:.0%})"
    if share > MAX_PROBE_FRACTION:
        return "exact", (f"{what}, over {MAX_PROBE_FRACTION:.0%}: FAISS would scan most of the index; "
                         "exact search is used")
    if cal.get("faiss_qps") is None:
        return "faiss", f"{what}; not searched yet"
    if cal["exact_qps"] is not None and cal["faiss_qps"] <= cal["exact_qps"]:
        return "exact", (f"{what}, where FAISS answers {cal['faiss_qps']:,.0f} queries/s, no faster than exact "
                         f"({cal['exact_qps']:,.0f}); exact search is used")
    exact = f" against {cal['exact_qps']:,.0f} for exact" if cal["exact_qps"] is not None else ""
    return "faiss", f"{what}: measured recall {cal['recall']:.3f}, {cal['faiss_qps']:,.0f} queries/s{exact}"


class CategoryIndex:
    """One sub-index per category; positions refer to the catalog's item order.
    `info[category]`: what was built and why (kind, reason, and the FAISS calibration)."""

    def __init__(self, parts: dict[int, tuple[object, np.ndarray]], dim: int, info: dict[int, dict] | None = None):
        self.parts = parts  # category -> (backend, catalog positions of its items)
        self.dim = dim
        self.info = info or {c: {"kind": b.kind} for c, (b, _) in parts.items()}

    @property
    def size(self) -> int:
        return sum(len(pos) for _, pos in self.parts.values())

    def describe(self) -> list[str]:
        """One line per category that was considered for FAISS: what was chosen and why."""
        return [f"category {c}: {i['kind']} ({i['reason']})" for c, i in sorted(self.info.items()) if i.get("reason")]

    def search(self, queries: np.ndarray, k: int = 10, categories: list[int] | None = None) -> Hits:
        """Top-k over all items, or over `categories` (plus items of unknown category)."""
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if queries.shape[1] != self.dim:
            raise SearchIndexError(f"query vectors have {queries.shape[1]} dimensions, the index {self.dim}")
        wanted = None if categories is None else {*categories, UNKNOWN}
        results = []
        for category, (backend, positions) in self.parts.items():
            if wanted is not None and category not in wanted:
                continue
            scores, local = backend.search(queries, min(k, len(positions)))
            ids = np.where(local >= 0, positions[np.clip(local, 0, None)], -1)
            results.append((scores, ids))
        return _merge(results, len(queries), k)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        meta = {"dim": self.dim, "parts": {}}
        for category, (backend, positions) in self.parts.items():
            stem = directory / f"cat{category}"
            backend.save(stem)
            np.save(directory / f"cat{category}.positions.npy", positions)
            meta["parts"][str(category)] = {**self.info.get(category, {}), "kind": backend.kind}
        tmp = directory / ".index.json.tmp"
        tmp.write_text(json.dumps(meta, indent=1))
        os.replace(tmp, directory / "index.json")

    @classmethod
    def load(cls, directory: Path) -> "CategoryIndex":
        """The index saved in `directory`. A missing, damaged or inconsistent file is one
        `SearchIndexError` that names it."""
        try:
            meta = json.loads((directory / "index.json").read_text())
            dim, entries = int(meta["dim"]), dict(meta["parts"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SearchIndexError(f"{directory}: no readable index ({_first_line(exc)})") from None
        parts, info = {}, {}
        for category, entry in entries.items():
            entry = {"kind": entry} if isinstance(entry, str) else entry  # older indexes: just the kind
            try:
                parts[int(category)] = _load_part(directory, category, entry, dim)
            except _DAMAGED as exc:
                raise SearchIndexError(f"{directory}: the files of category {category} are damaged "
                                       f"({_first_line(exc)})") from None
            info[int(category)] = entry
        return cls(parts, dim, info)


#: What reading a damaged index file raises: numpy (truncated, not .npy, a zip), FAISS
#: (RuntimeError), or an index.json entry of the wrong shape.
_DAMAGED = (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError, RuntimeError, zipfile.BadZipFile)


def _load_part(directory: Path, category: str, entry: dict, dim: int) -> tuple[object, np.ndarray]:
    """(backend, catalog positions) of one category, checked against each other and `dim`."""
    stem = directory / f"cat{category}"
    backend = _Faiss.load(stem, entry.get("calibration")) if entry["kind"] == "faiss" else _Exact.load(stem)
    positions = np.load(directory / f"cat{category}.positions.npy")
    if positions.ndim != 1 or positions.dtype.kind not in "iu" or backend.shape != (len(positions), dim):
        raise SearchIndexError(f"{directory}: the files of category {category} do not fit together "
                               f"(vectors {backend.shape}, {positions.shape} positions, dimension {dim})")
    return backend, positions


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def build_index(vectors: np.ndarray, categories: np.ndarray | None = None, kind: str = "auto", *,
                target_recall: float = TARGET_RECALL, calibration_queries: int = CALIBRATION_QUERIES,
                faiss_from: int = FAISS_FROM) -> CategoryIndex:
    """`kind`: "exact", "faiss" (IVF with nprobe calibrated to `target_recall`, however many
    cells that takes), or "auto": exact up to `faiss_from` items a category; above, FAISS
    when its calibrated nprobe is under MAX_PROBE_FRACTION of the cells and it answers
    faster than exact search, else exact (`info` and the log say why)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or not len(vectors):
        raise SearchIndexError("no vectors to index")
    if kind not in KINDS:
        raise SearchIndexError(f"unknown index kind {kind!r} ({', '.join(KINDS)})")
    if not 0 < target_recall <= 1:
        raise SearchIndexError(f"target recall {target_recall} is not in (0, 1]")
    cats = np.full(len(vectors), UNKNOWN) if categories is None else np.asarray(categories)
    parts, info = {}, {}
    for category in np.unique(cats):
        positions = np.flatnonzero(cats == category)
        sub = vectors if len(positions) == len(vectors) else vectors[positions]  # one category: no copy
        entry = {"requested": kind}
        if kind == "exact" or (kind == "auto" and len(positions) <= faiss_from):
            backend = _Exact(sub)
        else:
            index = _Faiss.train(sub)
            # "auto" decides on the cell share before adding (the quantizer alone predicts
            # recall): a rejected FAISS index costs its training and the exact calibration
            # queries only. Then on speed, once FAISS has been measured.
            keep = None if kind == "faiss" else (lambda rec: _auto_choice(rec)[0] == "faiss")
            cal = _calibrate(index, sub, target_recall, calibration_queries, keep=keep)
            choice, reason = _auto_choice(cal)
            entry.update(calibration=cal, auto=choice)
            if kind == "faiss" or choice == "faiss":
                backend = _Faiss(index, cal)
                entry["reason"] = reason if kind == "auto" else \
                    f"kind faiss asked for; auto would use {choice}: {reason}"
            else:
                backend = _Exact(sub)
                entry["reason"] = reason
            log.info("index category %s (%d items): %s (%s)", category, len(positions), backend.kind, entry["reason"])
        entry["kind"] = backend.kind
        parts[int(category)] = (backend, positions)
        info[int(category)] = entry
    return CategoryIndex(parts, vectors.shape[1], info)
