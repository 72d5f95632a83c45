"""The search index: exact results, category filtering, FAISS recall, save and load."""

import numpy as np
import pytest

from street2shop.pipeline.index import UNKNOWN, CategoryIndex, SearchIndexError, build_index


def _unit(n, d, seed):
    x = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_exact_matches_brute_force_and_filters_categories(tmp_path):
    vectors = _unit(3000, 64, 0)
    cats = np.random.default_rng(1).integers(1, 14, 3000)
    cats[:50] = UNKNOWN
    queries = _unit(20, 64, 2)
    index = build_index(vectors, cats, kind="exact")
    hits = index.search(queries, k=10)
    truth = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    assert (hits.ids == truth).all()
    assert np.allclose(hits.scores, np.take_along_axis(queries @ vectors.T, truth, axis=1), atol=1e-5)
    # top-2 categories: only items of those categories, or of unknown category
    only = index.search(queries, k=10, categories=[3, 7])
    assert set(cats[only.ids.ravel()]) <= {3, 7, UNKNOWN}
    allowed = np.flatnonzero(np.isin(cats, [3, 7, UNKNOWN]))
    sub = queries @ vectors[allowed].T
    assert (only.ids == allowed[np.argsort(-sub, axis=1)[:, :10]]).all()
    # a saved index loads and answers the same
    index.save(tmp_path / "idx")
    again = CategoryIndex.load(tmp_path / "idx")
    assert (again.search(queries, k=10).ids == hits.ids).all()


def _clustered(n, d, seed, centres=200):
    """Embeddings of real catalogs cluster (similar products); uniform noise would not."""
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centres, d)).astype(np.float32)
    x = c[rng.integers(0, centres, n)] + 0.35 * rng.standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_faiss_recall_against_exact(tmp_path):
    vectors = _clustered(20000, 64, 3)
    queries = _clustered(200, 64, 3)[::-1].copy()
    exact = build_index(vectors, kind="exact").search(queries, k=10).ids
    approx_index = build_index(vectors, kind="faiss")
    approx = approx_index.search(queries, k=10).ids
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact)])
    assert recall >= 0.95, recall
    approx_index.save(tmp_path / "f")
    assert (CategoryIndex.load(tmp_path / "f").search(queries, k=10).ids == approx).all()


def test_small_categories_and_errors():
    index = build_index(_unit(5, 8, 5), np.array([1, 1, 2, 2, 2]))
    hits = index.search(_unit(1, 8, 6), k=4, categories=[1])
    assert list(hits.ids[0][:2]) and set(hits.ids[0][:2]) <= {0, 1} and list(hits.ids[0][2:]) == [-1, -1]
    with pytest.raises(SearchIndexError, match="dimensions"):
        index.search(_unit(1, 9, 7))
    with pytest.raises(SearchIndexError):
        build_index(np.zeros((0, 8), np.float32))
