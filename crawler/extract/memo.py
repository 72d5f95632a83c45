"""Bounded memo tables for pure per-string computations.

Class strings, price texts and URL joins repeat within a page and across a
site's pages, so several steps memoise their results in module-level tables.
Each table is emptied when it reaches its cap, so a long crawl over many sites
cannot grow it without limit; ``clear_all`` empties every table (benchmarks use
it to measure pages as a crawl sees them, not from a table warmed by a
previous pass over the same pages).
"""
from __future__ import annotations

_TABLES: list[Memo] = []


class Memo(dict):
    """A dict with ``put``: store a value (emptying the table first when full) and return it."""

    __slots__ = ("cap",)

    def __init__(self, cap: int):
        super().__init__()
        self.cap = cap
        _TABLES.append(self)

    def put(self, key, value):
        if len(self) >= self.cap:
            self.clear()
        self[key] = value
        return value


def clear_all() -> None:
    for table in _TABLES:
        table.clear()
