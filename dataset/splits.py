"""Train / validation / test by product, with no image on both sides of a split.

Rows are joined into groups (union-find) when they share a product (the catalog's duplicate
group of the listing) or an image, exactly or nearly (perceptual hashes within
`dedupe.HIGH_RECALL`: a false merge only makes a group bigger, a missed one leaks). A whole
group goes to one split. Groups are stratified by their commonest category and dealt in a
seeded order, each to the split furthest below its share, so the same rows and seed always
give the same splits (`dataset verify` checks a published dataset for leaks itself).
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from PIL import Image

from street2shop.core.image_gate import guarded_open
from street2shop.dataset.digests import DigestSlots
from street2shop.pipeline import normalise as norm
from street2shop.pipeline.dedupe import (HASH_NAMES, HIGH_RECALL, VECTOR_NAMES, ImageHashes, NearPair, hash_image,
                                         near_pairs_in_columns)

THRESHOLDS = HIGH_RECALL
AFFINITY = 4.0  # rows of a photo already in a split are worth this many rows of that split's shortfall


HASH_SIDE = 256  # the hashes look at 8x8 to 128x128 squeezes: more pixels change nothing


def decode_for_hashing(data: bytes) -> tuple[Image.Image, tuple[int, int]]:
    """The image upright at a size its hashes need, and its true upright size. A JPEG decodes at
    1/2 to 1/8 scale (several times faster); the whole stream is still read, so a truncated
    file fails like a full decode. Pillow's decompression-bomb guard is on."""
    with guarded_open(data) as im:
        stored = im.size
        im.draft("RGB", (HASH_SIDE, HASH_SIDE))  # JPEG only; other formats ignore it
        im.load()
        decoded = im.size
        img = norm.to_rgb(im)
    turned = img.size != decoded  # EXIF orientation swapped the sides
    return img, (stored[1], stored[0]) if turned else stored


def split_hashes(img: Image.Image) -> ImageHashes:
    """The hashes `THRESHOLDS` compares, of `img` squeezed to at most HASH_SIDE a side, so a
    full decode and a reduced one give the same values to within a bit or two."""
    if max(img.size) > HASH_SIDE:
        scale = HASH_SIDE / max(img.size)
        img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.Resampling.BOX)
    return hash_image(img, THRESHOLDS.used())


class HashColumns:
    """The `THRESHOLDS` hashes of many images, a row each in packed columns: a few dozen bytes
    an image where an `ImageHashes` object costs several hundred (a big build hashes hundreds
    of thousands of images). Callers number their images themselves and keep each one's row."""

    def __init__(self) -> None:
        used = THRESHOLDS.used()
        self._bits = {name: array("Q") for name in HASH_NAMES if name in used}
        self._vectors = {name: bytearray() for name in VECTOR_NAMES if name in used}
        self._width: dict[str, int] = {}
        self.rows = 0

    def append(self, hashes: ImageHashes) -> int:
        """Store `hashes`; their row."""
        for name in self._vectors:
            value = getattr(hashes, name)
            if len(value) != self._width.setdefault(name, len(value)) or not value:
                raise ValueError(f"image signature {name} is {len(value)} bytes, "
                                 f"not {self._width[name]} (hash it with split_hashes)")
        for name, column in self._bits.items():
            column.append(getattr(hashes, name) & 0xFFFFFFFFFFFFFFFF)
        for name, column in self._vectors.items():
            column += getattr(hashes, name)
        self.rows += 1
        return self.rows - 1

    def near_pairs_at(self, rows: np.ndarray) -> list[NearPair]:
        """Pairs of `rows` (indices into it) that are near duplicates under `THRESHOLDS`."""
        codes = {name: np.frombuffer(column, np.uint64)[rows] for name, column in self._bits.items()}
        vectors = {name: np.frombuffer(column, np.uint8).reshape(self.rows, -1)[rows]
                   for name, column in self._vectors.items()} if self.rows else {}
        return near_pairs_in_columns(codes, vectors, THRESHOLDS)


class HashedImages:
    """Images numbered by sha256 (`DigestSlots`: 0, 1, ... in the order they are first met),
    each with the row of its split hashes once it is hashed: what a build and a verify both
    keep of every image they meet."""

    def __init__(self) -> None:
        self.digests = DigestSlots()
        self._hashes = HashColumns()
        self._row = array("i")  # per slot, its row of `_hashes`; -1 until hashed

    def __len__(self) -> int:
        return len(self.digests)

    def slots(self, shas: Sequence[str | None]) -> list[int | None]:
        """The slot of each hex sha256 (None for None), new ones added."""
        out = self.digests.slots(shas)
        self._row.extend([-1] * (len(self.digests) - len(self._row)))
        return out

    def hashed(self, slot: int) -> bool:
        return self._row[slot] >= 0

    def hash(self, slot: int, img: Image.Image) -> None:
        """Keep the split hashes of `img` for `slot`, unless it has them already."""
        if self._row[slot] < 0:
            self._row[slot] = self._hashes.append(split_hashes(img))

    def near_pairs(self, slots: np.ndarray) -> list[NearPair]:
        """Pairs of `slots` (indices into it), all hashed, that are near duplicates."""
        return self._hashes.near_pairs_at(np.frombuffer(self._row, np.int32)[slots].astype(np.int64))


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Per item of `n` linked by the pairs (i[k], j[k]), the first item of its connected
    component. Union-find in numpy (each round hooks every link's larger root under its
    smaller one, then jumps pointers to the roots), so a big build's groups cost bytes, not
    Python objects."""
    label = np.arange(n)
    i, j = np.asarray(i, np.int64), np.asarray(j, np.int64)
    while len(i):
        li, lj = label[i], label[j]
        differ = li != lj
        if not differ.any():
            break
        low = np.minimum(li[differ], lj[differ])
        np.minimum.at(label, li[differ], low)
        np.minimum.at(label, lj[differ], low)
        while not np.array_equal(jumped := label[label], label):
            label = jumped
    return label


def row_groups(keys: Sequence[Sequence]) -> list[int]:
    """Per row, its group's first row: rows sharing any key are one group."""
    counts = [len(k) for k in keys]
    flat = [k for row_keys in keys for k in row_keys]
    if not flat:
        return list(range(len(keys)))
    rows = np.repeat(np.arange(len(keys)), counts)
    key = np.unique(np.asarray(flat), return_inverse=True)[1].ravel()
    order = np.argsort(key, kind="stable")
    key, rows = key[order], rows[order]
    same = key[1:] == key[:-1]  # each row is linked to the one before it with the same key
    return components(len(keys), rows[:-1][same], rows[1:][same]).tolist()


def plan(product_keys: Sequence[Sequence[str]], street_keys: Sequence[Sequence[str]], strata: Sequence[str],
         ratios: dict[str, float], seed: int, *, max_share: float | None = None) -> tuple[list[str | None], list[int]]:
    """Per row its split (None: dropped to keep a street photo out of two splits) and its group.

    Rows sharing a product or a shop image are one unit that is never split. Rows also sharing a
    street photo (one photo, several garments and listings) join those units into a component,
    kept whole when it is at most `max_share` of the rows (default: half the smallest split's
    share). A bigger one (a few products worn in many posts chain everything together) is dealt
    unit by unit, each unit preferring the split its photos' other rows went to; a photo that
    still ends in two splits keeps the rows of its larger side and the rest are dropped."""
    n = len(product_keys)
    if max_share is None:
        max_share = min(v for v in ratios.values() if v > 0) / 2
    units = row_groups(product_keys)
    components = row_groups([[*p, *s] for p, s in zip(product_keys, street_keys)])
    size = Counter(components)
    whole = {c for c, k in size.items() if k <= max(1, max_share * n)}
    group = [components[r] if components[r] in whole else units[r] for r in range(n)]
    members: dict[int, list[int]] = defaultdict(list)
    for r, g in enumerate(group):
        members[g].append(r)
    stratum = {g: _commonest([strata[r] for r in rs]) for g, rs in members.items()}
    rows_of_key: dict[str, list[int]] = defaultdict(list)
    for r, keys in enumerate(street_keys):
        for key in keys:
            rows_of_key[key].append(r)
    names = list(ratios)
    split: list[str | None] = [None] * n

    def order(g: int) -> str:
        return hashlib.sha256(f"{seed}\x1f{min(strata_key[r] for r in members[g])}".encode()).hexdigest()

    strata_key = [f"{r:012d}" for r in range(n)]  # rows arrive in a fixed order: their index is stable
    # One deal over the groups ordered by stratum: the shortfall carries from one category to the
    # next, so each gets its share to within a group, small categories included.
    filled: Counter = Counter()
    total = 0
    for g in sorted(members, key=lambda g: (stratum[g], order(g))):
        rs = members[g]
        total += len(rs)
        near: Counter = Counter(split[o] for r in rs for k in street_keys[r] for o in rows_of_key[k]
                                if split[o] is not None)
        chosen = max(names, key=lambda s: (ratios[s] * total - filled[s] + AFFINITY * near[s], ratios[s],
                                            -names.index(s)))
        filled[chosen] += len(rs)
        for r in rs:
            split[r] = chosen
    for key, rs in sorted(rows_of_key.items()):
        sides = Counter(split[r] for r in rs if split[r] is not None)
        if len(sides) > 1:
            keep = max(sides, key=lambda s: (sides[s], ratios[s], -names.index(s)))
            for r in rs:
                if split[r] != keep:
                    split[r] = None
    return split, group


def _commonest(values: list[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))
