"""Nearest-neighbour search over catalog embeddings, per garment category.

Two backends behind one interface: `exact` (a batched matrix product over float32
vectors: simple, exact, fast enough up to a few hundred thousand items) and `faiss`
(an IVF-Flat index for large catalogs, measured against exact in docs/benchmarks.md).
`build_index` picks by size unless told. Vectors are L2-normalised, so inner product is
cosine similarity. An index is saved beside its catalog version and loaded with it.

Searching "only the item's likely categories" (the paper's top-2 trick) is a filter on
the category of each indexed item: the index keeps one sub-index per category, plus
items whose category is unknown (-1), which every search includes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

UNKNOWN = -1
#: Above this many items (in one category) the default is FAISS rather than exact search.
FAISS_FROM = 200_000


class SearchIndexError(Exception):
    """An index that cannot be built or loaded."""


@dataclass
class Hits:
    ids: np.ndarray  # (queries, k) int64 positions in the catalog, -1 where fewer than k
    scores: np.ndarray  # (queries, k) float32 cosine similarity


def _top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    k_eff = min(k, scores.shape[1])
    part = np.argpartition(-scores, k_eff - 1, axis=1)[:, :k_eff] if k_eff else np.zeros((len(scores), 0), int)
    top = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-top, axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1), ids[np.take_along_axis(part, order, axis=1)]


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
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)

    def search(self, queries: np.ndarray, k: int, batch: int = 4096) -> tuple[np.ndarray, np.ndarray]:
        ids = np.arange(len(self.vectors))
        scores_out, ids_out = [], []
        for start in range(0, len(queries), batch):  # bounded memory: batch x N scores at a time
            scores = queries[start:start + batch] @ self.vectors.T
            s, i = _top_k(scores, ids, k)
            scores_out.append(s)
            ids_out.append(i)
        return np.concatenate(scores_out), np.concatenate(ids_out)

    def save(self, path: Path) -> None:
        np.save(path.with_suffix(".npy"), self.vectors)

    @classmethod
    def load(cls, path: Path) -> "_Exact":
        return cls(np.load(path.with_suffix(".npy"), mmap_mode="r"))


class _Faiss:
    """FAISS inverted file (IVF-Flat): k-means cells over the vectors, a query scans the
    `nprobe` nearest cells. Chosen over HNSW because it builds in about a tenth of the time
    on this kind of machine (measured in docs/benchmarks.md), which matters for rebuilds."""

    kind = "faiss"

    def __init__(self, index, nprobe: int | None = None):
        self.index = index
        self.index.nprobe = nprobe or max(16, index.nlist // 8)

    @classmethod
    def build(cls, vectors: np.ndarray, nlist: int | None = None, nprobe: int | None = None) -> "_Faiss":
        import faiss  # noqa: PLC0415  (only large catalogs need it)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        n, dim = vectors.shape
        nlist = nlist or max(1, min(int(4 * np.sqrt(n)), n // 39))  # FAISS wants >= 39 points a cell
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.random.default_rng(0).choice(n, min(n, max(nlist * 39, 50_000)), replace=False)]
        index.train(sample)
        index.add(vectors)
        return cls(index, nprobe)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores, ids = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids

    def save(self, path: Path) -> None:
        import faiss  # noqa: PLC0415
        faiss.write_index(self.index, str(path.with_suffix(".faiss")))

    @classmethod
    def load(cls, path: Path) -> "_Faiss":
        import faiss  # noqa: PLC0415
        index = faiss.read_index(str(path.with_suffix(".faiss")))
        return cls(index, index.nprobe)


class CategoryIndex:
    """One sub-index per category; positions refer to the catalog's item order."""

    def __init__(self, parts: dict[int, tuple[object, np.ndarray]], dim: int):
        self.parts = parts  # category -> (backend, catalog positions of its items)
        self.dim = dim

    @property
    def size(self) -> int:
        return sum(len(pos) for _, pos in self.parts.values())

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
            meta["parts"][str(category)] = backend.kind
        tmp = directory / ".index.json.tmp"
        tmp.write_text(json.dumps(meta))
        os.replace(tmp, directory / "index.json")

    @classmethod
    def load(cls, directory: Path) -> "CategoryIndex":
        try:
            meta = json.loads((directory / "index.json").read_text())
        except (OSError, ValueError) as exc:
            raise SearchIndexError(f"{directory}: no readable index ({exc}); rebuild the catalog") from None
        parts = {}
        for category, kind in meta["parts"].items():
            backend = (_Faiss if kind == "faiss" else _Exact).load(directory / f"cat{category}")
            parts[int(category)] = (backend, np.load(directory / f"cat{category}.positions.npy"))
        return cls(parts, meta["dim"])


def build_index(vectors: np.ndarray, categories: np.ndarray | None = None, kind: str = "auto") -> CategoryIndex:
    """`kind`: "exact", "faiss", or "auto" (FAISS for categories over FAISS_FROM items)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or not len(vectors):
        raise SearchIndexError("no vectors to index")
    if kind not in ("auto", "exact", "faiss"):
        raise SearchIndexError(f"unknown index kind {kind!r} (exact, faiss or auto)")
    cats = np.full(len(vectors), UNKNOWN) if categories is None else np.asarray(categories)
    parts = {}
    for category in np.unique(cats):
        positions = np.flatnonzero(cats == category)
        use_faiss = kind == "faiss" or (kind == "auto" and len(positions) > FAISS_FROM)
        backend = _Faiss.build(vectors[positions]) if use_faiss else _Exact(vectors[positions])
        parts[int(category)] = (backend, positions)
    return CategoryIndex(parts, vectors.shape[1])
