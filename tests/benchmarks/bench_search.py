"""Search benchmark: exact (batched matrix product) vs FAISS IVF over N random 512-d items.

    python tests/benchmarks/bench_search.py [--n 1000000] [--dim 512] [--queries 500]

Two kinds of data: uniform random unit vectors (what the issue asks for: the worst case
for any approximate index, since no point is much nearer than another) and clustered
vectors (how real embeddings of similar products look). For each: exact queries/s, FAISS
build time, and queries/s with recall@10 against exact at several nprobe. Prints markdown.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from street2shop.pipeline.index import _Faiss, build_index


def unit(x: np.ndarray) -> np.ndarray:
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def make(kind: str, n: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "random":
        return unit(rng.standard_normal((n, dim), dtype=np.float32))
    centres = rng.standard_normal((2000, dim), dtype=np.float32)
    out = np.empty((n, dim), np.float32)
    for start in range(0, n, 100_000):  # in blocks: the noise for 1M x 512 at once is another 2 GB
        m = min(100_000, n - start)
        out[start:start + m] = centres[rng.integers(0, len(centres), m)] + 0.35 * rng.standard_normal((m, dim), dtype=np.float32)
    return unit(out)


def run(n: int, dim: int, nq: int) -> str:
    lines = [f"N = {n:,} items, {dim}-d, {nq} queries, k = 10; {platform.processor() or platform.machine()}", "",
             "| data | method | build s | queries/s | recall@10 |", "|---|---|---:|---:|---:|"]
    for kind in ("random", "clustered"):
        vectors = make(kind, n, dim, 0)
        queries = make(kind, nq, dim, 1) if kind == "random" else vectors[np.random.default_rng(2).choice(n, nq)] \
            + 0.0
        exact = build_index(vectors, kind="exact")
        t = time.perf_counter()
        truth = exact.search(queries, k=10, ).ids
        qps_exact = nq / (time.perf_counter() - t)
        lines.append(f"| {kind} | exact (numpy matmul) | 0 | {qps_exact:,.0f} | 1.000 |")
        print(lines[-1], flush=True)
        t = time.perf_counter()
        faiss_index = _Faiss.build(vectors)
        build_s = time.perf_counter() - t
        for nprobe in (16, 64, 256, 1024):
            if nprobe > faiss_index.index.nlist:
                continue
            faiss_index.index.nprobe = nprobe
            t = time.perf_counter()
            _, ids = faiss_index.search(queries, 10)
            qps = nq / (time.perf_counter() - t)
            recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(ids, truth)])
            lines.append(f"| {kind} | FAISS IVF{faiss_index.index.nlist},Flat nprobe {nprobe} | {build_s:.0f} | "
                         f"{qps:,.0f} | {recall:.3f} |")
            print(lines[-1], flush=True)
        del vectors, exact, faiss_index
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument("--queries", type=int, default=500)
    args = ap.parse_args()
    print(run(args.n, args.dim, args.queries))
