"""The re-ranking stage of matching: a garment's nearest listings in, re-ordered listings out.

None is used by default (the search order stands). A learned comparator (a siamese or
cross-attention model that scores a street crop against a shop image) is added as one module
`pipeline/rerankers/<name>_reranker.py` that calls `register("<name>")` on a factory; the
matcher asks for `candidates` listings per garment, hands them here, and keeps its top k.
"""

from __future__ import annotations

from typing import Callable, Protocol, runtime_checkable

from street2shop.pipeline.backends import import_backends


@runtime_checkable
class Reranker(Protocol):
    name: str
    candidates: int  # how many nearest listings it wants to see per garment (0: the matcher's k)

    def rerank(self, crop, vector, hits: list, matcher) -> list:
        """`hits` (best first) re-ordered; `crop` is the garment's normalised PIL crop, `vector`
        its embedding, `matcher` gives `matcher.hit(position, score)` and the catalog."""


class KeepOrder:
    """No re-ranking: the index's cosine order stands."""

    name = "none"
    candidates = 0

    def rerank(self, crop, vector, hits: list, matcher) -> list:
        return hits


_FACTORIES: dict[str, Callable[[], Reranker]] = {"none": KeepOrder}
_loaded = False


def register(name: str):
    def deco(factory: Callable[[], Reranker]):
        _FACTORIES[name] = factory
        return factory

    return deco


def create_reranker(name: str) -> Reranker:
    global _loaded
    if not _loaded:
        _loaded = True
        import street2shop.pipeline.rerankers  # noqa: F401,PLC0415  (import_backends reads its folder)

        import_backends("street2shop.pipeline.rerankers", "_reranker")
    if name not in _FACTORIES:
        raise ValueError(f"unknown re-ranker {name!r}; known: {', '.join(sorted(_FACTORIES))}")
    return _FACTORIES[name]()
