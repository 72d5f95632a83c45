"""Giving freed memory back to the system between the stages of a long run.

CPython and numpy allocate through the C library's malloc; on glibc, memory freed in the middle
of its heap stays mapped (resident) until `malloc_trim` returns it. A stage that frees what it
held (a dataset build's image facts once the splits are drawn) calls `release_freed()`, so the
next stage's peak does not sit on top of it. Elsewhere (musl, macOS) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache


@cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_freed() -> None:
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
