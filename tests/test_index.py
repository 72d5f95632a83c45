"""The search index: exact results, category filtering, FAISS recall and its calibration,
save and load."""

import json

import numpy as np
import pytest

from street2shop.pipeline.index import UNKNOWN, CategoryIndex, SearchIndexError, build_index, exact_top_k


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


def _recall(found, truth):
    return np.mean([len(set(a) & set(e)) / truth.shape[1] for a, e in zip(found, truth)])


def test_blocked_exact_search_equals_one_matrix_product():
    vectors, queries = _unit(5000, 32, 10), _unit(700, 32, 11)  # 700 queries: two query blocks
    scores = queries @ vectors.T
    truth = np.argsort(-scores, axis=1)[:, :10]
    for block in (1, 4096 * 3, 1 << 30):  # many vector blocks, a few, one
        s, ids = exact_top_k(queries, vectors, 10, block_elements=block)
        assert (ids == truth).all()
        assert np.allclose(s, np.take_along_axis(scores, truth, axis=1), atol=1e-5)
    s, ids = exact_top_k(queries[:3], vectors[:4], 10)  # fewer vectors than k
    assert ids.shape == (3, 4) and (ids == np.argsort(-(queries[:3] @ vectors[:4].T), axis=1)).all()


def test_faiss_recall_against_exact(tmp_path):
    """On clustered vectors the calibrated nprobe is a small share of the cells and reaches
    the target on held-out queries too; saved and loaded, nprobe and recall come back."""
    vectors = _clustered(20000, 64, 3)
    queries = _clustered(200, 64, 3)[::-1].copy()  # same centres, other noise: held out
    exact = build_index(vectors, kind="exact").search(queries, k=10).ids
    # "auto" over its size threshold keeps FAISS here: few cells, far faster than exact
    approx_index = build_index(vectors, kind="auto", faiss_from=1000)
    assert approx_index.parts[UNKNOWN][0].kind == "faiss" and approx_index.info[UNKNOWN]["auto"] == "faiss"
    cal = approx_index.info[UNKNOWN]["calibration"]
    assert cal["target"] == 0.95 and cal["recall"] >= 0.95 and cal["queries"] == 500
    assert 1 <= cal["nprobe"] < cal["nlist"] // 4, cal
    # the recall predicted from the neighbours' cells is what a real search then measured
    assert abs(cal["predicted_recall"] - cal["recall"]) < 0.01
    assert approx_index.parts[UNKNOWN][0].index.nprobe == cal["nprobe"]
    approx = approx_index.search(queries, k=10).ids
    assert _recall(approx, exact) >= 0.95
    approx_index.save(tmp_path / "f")
    saved = json.loads((tmp_path / "f" / "index.json").read_text())["parts"][str(UNKNOWN)]
    assert saved["kind"] == "faiss" and saved["calibration"]["nprobe"] == cal["nprobe"]
    assert saved["calibration"]["recall"] == cal["recall"] and saved["calibration"]["target"] == 0.95
    again = CategoryIndex.load(tmp_path / "f")
    assert again.parts[UNKNOWN][0].index.nprobe == cal["nprobe"]
    assert again.info[UNKNOWN]["calibration"] == cal
    assert (again.search(queries, k=10).ids == approx).all()
    # the target is settable and recorded; a lower one needs no more cells
    small = _clustered(5000, 64, 4)
    strict, loose = (build_index(small, kind="faiss", target_recall=t).info[UNKNOWN]["calibration"]
                     for t in (0.99, 0.6))
    assert strict["target"] == 0.99 and strict["recall"] >= 0.99
    assert loose["target"] == 0.6 and loose["recall"] >= 0.6 and loose["nprobe"] <= strict["nprobe"]


def test_uniform_random_vectors_need_most_cells(tmp_path):
    """Uniform random 256-d vectors: no point is much nearer than another, so 0.95 recall
    needs most cells. "auto" then searches exactly and says why; "faiss" keeps the index
    with the large calibrated nprobe, and reaches the target."""
    vectors = _unit(5000, 256, 20)
    auto = build_index(vectors, kind="auto", faiss_from=1000)
    info = auto.info[UNKNOWN]
    assert auto.parts[UNKNOWN][0].kind == "exact" and info["kind"] == "exact" and info["auto"] == "exact"
    assert info["calibration"]["nprobe"] > info["calibration"]["nlist"] // 2
    assert "exact search is used" in info["reason"] and auto.describe() == [f"category -1: exact ({info['reason']})"]
    auto.save(tmp_path / "a")
    assert CategoryIndex.load(tmp_path / "a").info[UNKNOWN]["reason"] == info["reason"]
    forced = build_index(vectors, kind="faiss")
    cal = forced.info[UNKNOWN]["calibration"]
    assert forced.parts[UNKNOWN][0].kind == "faiss" and cal["recall"] >= 0.95
    assert cal["nprobe"] > cal["nlist"] // 2 and forced.info[UNKNOWN]["auto"] == "exact"
    queries = _unit(100, 256, 21)
    truth = build_index(vectors, kind="exact").search(queries, k=10).ids
    assert _recall(forced.search(queries, k=10).ids, truth) >= 0.9  # held out: about the target


def test_small_categories_and_errors():
    index = build_index(_unit(5, 8, 5), np.array([1, 1, 2, 2, 2]))
    hits = index.search(_unit(1, 8, 6), k=4, categories=[1])
    assert list(hits.ids[0][:2]) and set(hits.ids[0][:2]) <= {0, 1} and list(hits.ids[0][2:]) == [-1, -1]
    with pytest.raises(SearchIndexError, match="dimensions"):
        index.search(_unit(1, 9, 7))
    with pytest.raises(SearchIndexError):
        build_index(np.zeros((0, 8), np.float32))
    with pytest.raises(SearchIndexError, match="target recall"):
        build_index(_unit(5, 8, 5), target_recall=1.5)


def test_indexes_saved_before_calibration_still_load(tmp_path):
    index = build_index(_unit(50, 8, 8), kind="exact")
    index.save(tmp_path / "old")
    (tmp_path / "old" / "index.json").write_text(json.dumps({"dim": 8, "parts": {"-1": "exact"}}))
    again = CategoryIndex.load(tmp_path / "old")
    q = _unit(3, 8, 9)
    assert (again.search(q).ids == index.search(q).ids).all() and again.info == {UNKNOWN: {"kind": "exact"}}
