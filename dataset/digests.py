"""sha256 -> a dense slot number (0, 1, ... in the order images are first met), for the
hundreds of thousands of images a dataset build or verify meets.

Held as numpy arrays, about 76 bytes an image: the 32-byte digests sorted with their slots
(looked up a batch at a time by binary search) and the digests by slot. A dict of hex strings
costs about 180 bytes an image, and an Arrow `index_in` rebuilds a hash table of every digest
for each batch: memory that grows with the images met.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class DigestSlots:
    def __init__(self) -> None:
        self._sorted = np.empty(0, "S32")
        self._slot_of_sorted = np.empty(0, np.int64)
        self._by_slot = bytearray()

    def __len__(self) -> int:
        return len(self._by_slot) // 32

    def slots(self, shas: Sequence[str | None]) -> list[int | None]:
        """The slot of each hex sha256 (None for None); digests not met before get the next
        slots, in the order they first appear in `shas`."""
        given = [k for k, s in enumerate(shas) if s]
        digests = np.array([bytes.fromhex(shas[k]) for k in given], "S32")
        found = self._find(digests)
        new = found < 0
        if new.any():
            unique, first, inverse = np.unique(digests[new], return_index=True, return_inverse=True)
            rank = np.empty(len(unique), np.int64)
            rank[np.argsort(first, kind="stable")] = np.arange(len(unique))  # by first appearance
            base = len(self)
            found[new] = base + rank[inverse.ravel()]
            self._by_slot += unique[np.argsort(rank)].tobytes()
            merged = np.concatenate([self._sorted, unique])
            order = np.argsort(merged, kind="stable")
            self._sorted = merged[order]
            self._slot_of_sorted = np.concatenate([self._slot_of_sorted, base + rank])[order]
        out: list[int | None] = [None] * len(shas)
        for k, slot in zip(given, found.tolist()):
            out[k] = slot
        return out

    def _find(self, digests: np.ndarray) -> np.ndarray:
        if not len(self._sorted):
            return np.full(len(digests), -1, np.int64)
        at = np.minimum(np.searchsorted(self._sorted, digests), len(self._sorted) - 1)
        return np.where(self._sorted[at] == digests, self._slot_of_sorted[at], -1)

    def sha(self, slot: int) -> str:
        return bytes(self._by_slot[32 * slot:32 * slot + 32]).hex()

    def by_sha(self, slots: np.ndarray) -> np.ndarray:
        """`slots` reordered by their sha256."""
        return slots[np.argsort(np.frombuffer(self._by_slot, "S32")[slots], kind="stable")]
