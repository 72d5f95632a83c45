"""De-duplication of images: exact (sha256) and near (perceptual hashes).

* `hash_image(img)` -> `ImageHashes`: phash, dhash and whash (64 bits each, on the grey image)
  and colorhash (42 bits) from `imagehash`, plus a colour layout and a texture signature.
* `exact_groups(sha256s)` -> groups of indices with the same bytes.
* `near_duplicate_pairs(hashes, thresholds)` -> `NearPair(i, j, distances)` for every pair whose
  Hamming distances are all within `thresholds`. Exact search: a blocked numpy XOR + popcount
  over the candidate hash (tens of thousands of images in seconds; see docs/dedupe.md).
* `duplicate_groups(...)` -> connected groups (union-find) of exact and near duplicates.

All of it works on any list: the images of one listing, of a whole shop, or of many shops (the
same product sold twice); ``within=`` restricts pairs to images sharing a key (say the listing).

Why more than one descriptor: a grey-level 8x8 hash (phash/dhash/whash) sees the silhouette but
neither the colour nor a fine pattern, so the same garment kind in two colours or patterns (a
shop's variants, or two products photographed the same way) collides. Two small signatures
verify its hits: ``colour`` (a 4x4 colour layout, brightness-normalised) and ``texture``
(shift-invariant gradient energy at two scales); colorhash was measured and is too coarse on
packshots (their white background dominates its histogram). A pair must pass every used
limit. DEFAULT was chosen by `python tests/benchmarks/measure_dedupe.py` (table in
docs/dedupe.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Iterable, NamedTuple, Sequence

import imagehash
import numpy as np
from PIL import Image

HASH_NAMES = ("phash", "dhash", "whash", "colorhash")
DESCRIPTOR_NAMES = HASH_NAMES + ("colour", "texture")
VECTOR_NAMES = {"colour": "mean", "texture": "max"}  # signature -> how its byte differences are reduced
COLORHASH_BINBITS = 3  # 14 * 3 = 42 bits
COLOUR_GRID = 4  # colour layout: mean Y'CbCr of a 4x4 grid (48 bytes)


def _bits_to_int(bits: np.ndarray) -> int:
    v = 0
    for b in np.asarray(bits, dtype=bool).ravel():
        v = (v << 1) | int(b)
    return v


@dataclass(frozen=True)
class ImageHashes:
    """Perceptual hashes of one image, as integers (bit order as `imagehash` prints them)."""

    phash: int
    dhash: int
    whash: int
    colorhash: int
    colour: bytes = b""  # colour layout (`colour_layout`), 48 bytes; empty when unknown
    texture: bytes = b""  # texture energy (`texture_signature`), 8 bytes; empty when unknown

    @classmethod
    def from_hex(cls, phash: str, dhash: str, whash: str = "0", colorhash: str = "0",
                 colour: str = "", texture: str = "") -> "ImageHashes":
        """From hex strings (the images table keeps phash and dhash as `imagehash` prints them)."""
        return cls(int(phash, 16), int(dhash, 16), int(whash, 16), int(colorhash, 16), bytes.fromhex(colour),
                   bytes.fromhex(texture))

    def hex(self) -> dict[str, str]:
        return {"phash": f"{self.phash:016x}", "dhash": f"{self.dhash:016x}", "whash": f"{self.whash:016x}",
                "colorhash": f"{self.colorhash:011x}", "colour": self.colour.hex(), "texture": self.texture.hex()}

    def distance(self, other: "ImageHashes") -> dict[str, float]:
        """Hamming distance per hash; ``colour``: mean absolute difference of the layouts (0..255)."""
        out: dict[str, float] = {name: (getattr(self, name) ^ getattr(other, name)).bit_count() for name in HASH_NAMES}
        out["colour"] = colour_distance(self.colour, other.colour)
        out["texture"] = texture_distance(self.texture, other.texture)
        return out


def colour_layout(img: Image.Image, grid: int = COLOUR_GRID) -> bytes:
    """Mean colour of a ``grid`` x ``grid`` split in Y'CbCr, luma divided by the image's mean
    luma (x128) so a brightness change does not move it: grid*grid*3 bytes. The grey-level
    hashes are blind to colour; this tells a red shirt from the same shirt in blue."""
    small = img.convert("RGB").resize((grid * 8, grid * 8), Image.Resampling.BOX).convert("YCbCr")
    a = np.asarray(small, dtype=np.float32).reshape(grid, 8, grid, 8, 3).mean(axis=(1, 3))
    a[..., 0] = a[..., 0] * (128.0 / max(1.0, float(a[..., 0].mean())))
    return np.clip(np.round(a), 0, 255).astype(np.uint8).tobytes()


TEXTURE_SCALE = 32.0  # bytes = round(log2(1 + energy) * 32)


def texture_signature(img: Image.Image) -> bytes:
    """Shift-invariant texture energy: mean absolute neighbour difference (horizontal,
    vertical, both diagonals) of the grey image squeezed to 128x128 and 64x64, luma-normalised,
    on a log scale: 8 bytes. Stripes, checks, dots and plain fabric differ here while their
    8x8 grey hashes and colour layouts agree; a crop or re-encode barely moves it."""
    grey = img.convert("L")
    vals = []
    for side in (128, 64):
        a = np.asarray(grey.resize((side, side), Image.Resampling.BOX), dtype=np.float32)
        a = a * (128.0 / max(1.0, float(a.mean())))
        vals += [np.abs(np.diff(a, axis=1)).mean(), np.abs(np.diff(a, axis=0)).mean(),
                 np.abs(a[1:, 1:] - a[:-1, :-1]).mean(), np.abs(a[1:, :-1] - a[:-1, 1:]).mean()]
    return np.clip(np.round(np.log2(1.0 + np.array(vals)) * TEXTURE_SCALE), 0, 255).astype(np.uint8).tobytes()


def texture_distance(a: bytes, b: bytes) -> float:
    """Largest difference of the log2 energies (0.3 = 23%)."""
    if not a or not b:
        return float("inf")
    return float(np.abs(np.frombuffer(a, np.uint8).astype(np.int16) - np.frombuffer(b, np.uint8)).max()) / TEXTURE_SCALE


def colour_distance(a: bytes, b: bytes) -> float:
    if not a or not b:
        return float("inf")
    return float(np.abs(np.frombuffer(a, np.uint8).astype(np.int16) - np.frombuffer(b, np.uint8)).mean())


def hash_image(img: Image.Image, names: Iterable[str] = DESCRIPTOR_NAMES) -> ImageHashes:
    """The hashes of ``img`` (decode bytes with `normalise.load_image` first, so EXIF
    orientation and transparency are already handled); only ``names`` are computed, the others
    are left 0 / empty (a caller comparing with one `Thresholds` needs only its `used()`)."""
    names = set(names)
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    grey = rgb.convert("L")
    return ImageHashes(
        phash=_bits_to_int(imagehash.phash(grey).hash) if "phash" in names else 0,
        dhash=_bits_to_int(imagehash.dhash(grey).hash) if "dhash" in names else 0,
        whash=_bits_to_int(imagehash.whash(grey).hash) if "whash" in names else 0,
        colorhash=_bits_to_int(imagehash.colorhash(rgb, binbits=COLORHASH_BINBITS).hash) if "colorhash" in names else 0,
        colour=colour_layout(rgb) if "colour" in names else b"",
        texture=texture_signature(grey) if "texture" in names else b"",
    )


@dataclass(frozen=True)
class Thresholds:
    """Largest Hamming distance per hash for a near duplicate; None: that hash is not used.
    A pair is a near duplicate when every used hash is within its limit."""

    phash: int | None = None
    dhash: int | None = 16
    whash: int | None = None
    colorhash: int | None = None
    colour: float | None = 1.5  # mean absolute difference of the colour layouts (0..255)
    texture: float | None = 0.3  # largest log2 difference of the texture energies

    def used(self) -> dict[str, float]:
        return {n: getattr(self, n) for n in DESCRIPTOR_NAMES if getattr(self, n) is not None}


#: chosen by tests/benchmarks/measure_dedupe.py (highest recall at precision >= 0.99); docs/dedupe.md
DEFAULT = Thresholds()
#: the best-F1 point of the same measurement: more copies found, more look-alikes merged; for
#: keeping near duplicates out of both sides of a dataset split, where a false merge costs little
HIGH_RECALL = Thresholds(dhash=16, colour=2.5, texture=0.35)


class NearPair(NamedTuple):
    i: int
    j: int
    distances: dict[str, float]  # Hamming distance per used hash; colour: layout difference


#: candidate pairs whose signatures are compared at once (bounds memory, see near_duplicate_pairs)
_PAIR_SLICE = 1 << 18


def _as_array(values: Iterable[int]) -> np.ndarray:
    return np.fromiter((v & 0xFFFFFFFFFFFFFFFF for v in values), dtype=np.uint64)


def _candidates(codes: np.ndarray, limit: int, block: int = 512, chunk: int = 1024
                ) -> Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(i, j, distance) arrays, i < j, of all pairs within ``limit`` bits (exact, blocked).
    A block compares block x chunk codes at once: 4 MiB of XORs, a tenth slower than 16 MiB."""
    n = len(codes)
    for a in range(0, n, block):
        rows = codes[a:a + block]
        for c in range(a, n, chunk):
            cols = codes[c:c + chunk]
            dist = np.bitwise_count(rows[:, None] ^ cols[None, :])
            ii, jj = np.nonzero(dist <= limit)
            ii = ii + a
            jj = jj + c
            keep = jj > ii
            if keep.any():
                yield ii[keep], jj[keep], dist[ii[keep] - a, jj[keep] - c]


def near_duplicate_pairs(hashes: Sequence[ImageHashes], thresholds: Thresholds = DEFAULT, *,
                         within: Sequence[Hashable] | None = None) -> list[NearPair]:
    """All pairs (i < j) of ``hashes`` within ``thresholds``, sorted.

    ``within``: one key per image (listing id, shop, ...); only pairs with equal keys are
    compared. The search is exact: the first used hash of phash/dhash/whash (else colorhash)
    is compared for all pairs with a blocked XOR + popcount, the others only on its hits."""
    used = thresholds.used()
    if not used:
        raise ValueError("thresholds use no hash")
    n = len(hashes)
    if n < 2:
        return []
    if within is not None:
        if len(within) != n:
            raise ValueError(f"within has {len(within)} keys for {n} hashes")
        by_key: dict[Hashable, list[int]] = defaultdict(list)
        for k, key in enumerate(within):
            by_key[key].append(k)
        out: list[NearPair] = []
        for members in by_key.values():
            if len(members) > 1:
                sub = near_duplicate_pairs([hashes[k] for k in members], thresholds)
                out.extend(NearPair(members[p.i], members[p.j], p.distances) for p in sub)
        return sorted(out, key=lambda p: (p.i, p.j))
    codes, vectors = hash_columns(hashes, used)
    return near_pairs_in_columns(codes, vectors, thresholds)


def hash_columns(hashes: Sequence[ImageHashes], names: Iterable[str]) -> tuple[dict[str, np.ndarray],
                                                                                 dict[str, np.ndarray]]:
    """The `names` hashes of `hashes` as columns: bit hashes a uint64 array each, the colour and
    texture signatures an (n, width) uint8 array each (`near_pairs_in_columns` takes these)."""
    names = set(names)
    codes = {name: _as_array(getattr(h, name) for h in hashes) for name in HASH_NAMES if name in names}
    vectors = {}
    for name in VECTOR_NAMES:
        if name in names:
            if any(not getattr(h, name) or len(getattr(h, name)) != len(getattr(hashes[0], name)) for h in hashes):
                raise ValueError(f"the {name} threshold needs a {name} signature for every image (hash_image gives one)")
            vectors[name] = np.stack([np.frombuffer(getattr(h, name), np.uint8) for h in hashes])
    return codes, vectors


def near_pairs_in_columns(codes: dict[str, np.ndarray], vectors: dict[str, np.ndarray],
                          thresholds: Thresholds = DEFAULT) -> list[NearPair]:
    """`near_duplicate_pairs` on hashes held as columns (`hash_columns`): a caller with tens of
    thousands of images keeps a few dozen bytes an image instead of an object each."""
    used = thresholds.used()
    bit_names = [n for n in HASH_NAMES if n in used]
    if not bit_names:
        raise ValueError("thresholds need at least one bit hash (phash, dhash, whash or colorhash)")
    missing = [n for n in used if n not in codes and n not in vectors]
    if missing:
        raise ValueError(f"no column for the {', '.join(missing)} threshold")
    first = bit_names[0]
    if len(codes[first]) < 2:
        return []
    signed = {name: (vectors[name].astype(np.int16), VECTOR_NAMES[name]) for name in VECTOR_NAMES if name in used}
    out = []
    for ii_all, jj_all, dd_all in _candidates(codes[first], int(used[first])):
        # Look-alike images (one shop's packshots) can pass the first hash by the million in
        # one block; their signatures are compared a slice at a time so memory stays bounded.
        for s0 in range(0, len(ii_all), _PAIR_SLICE):
            ii, jj = ii_all[s0:s0 + _PAIR_SLICE], jj_all[s0:s0 + _PAIR_SLICE]
            ok = np.ones(len(ii), dtype=bool)
            dists: dict[str, np.ndarray] = {first: dd_all[s0:s0 + _PAIR_SLICE]}
            for name in bit_names[1:]:
                d = np.bitwise_count(codes[name][ii] ^ codes[name][jj])
                dists[name] = d
                ok &= d <= used[name]
            for name, (vec, reduce) in signed.items():
                diff = np.abs(vec[ii] - vec[jj])
                d = diff.mean(axis=1) if reduce == "mean" else diff.max(axis=1) / TEXTURE_SCALE
                dists[name] = d
                ok &= d <= used[name] + 1e-9
            for k in np.nonzero(ok)[0]:
                out.append(NearPair(int(ii[k]), int(jj[k]),
                                    {name: (round(float(dists[name][k]), 3) if name in signed
                                            else int(dists[name][k])) for name in used}))
    return sorted(out, key=lambda p: (p.i, p.j))


def exact_groups(sha256s: Sequence[str]) -> list[list[int]]:
    """Groups (two or more indices, ascending; groups ordered by first index) of equal sha256."""
    by: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(sha256s):
        if s:
            by[s.lower()].append(k)
    return sorted((v for v in by.values() if len(v) > 1), key=lambda g: g[0])


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def union_groups(n: int, pairs: Iterable[Sequence[int]]) -> list[list[int]]:
    """Connected components (two or more members) of ``n`` items linked by ``pairs`` (i, j, ...)."""
    uf = _UnionFind(n)
    for p in pairs:
        uf.union(int(p[0]), int(p[1]))
    comps: dict[int, list[int]] = defaultdict(list)
    for k in range(n):
        comps[uf.find(k)].append(k)
    return sorted((v for v in comps.values() if len(v) > 1), key=lambda g: g[0])


def duplicate_groups(hashes: Sequence[ImageHashes] | None = None, sha256s: Sequence[str] | None = None, *,
                     thresholds: Thresholds = DEFAULT,
                     within: Sequence[Hashable] | None = None) -> list[list[int]]:
    """Groups of duplicates: exact (equal sha256) and near (hashes within ``thresholds``),
    joined transitively (union-find). Give either list or both (parallel, same length);
    ``within`` as in `near_duplicate_pairs` (applies to exact matches too)."""
    if hashes is None and sha256s is None:
        raise ValueError("give hashes, sha256s or both")
    n = len(hashes) if hashes is not None else len(sha256s)  # type: ignore[arg-type]
    if hashes is not None and sha256s is not None and len(sha256s) != n:
        raise ValueError(f"{len(sha256s)} sha256s for {n} hashes")
    pairs: list[tuple[int, int]] = []
    if sha256s is not None:
        keys = [(within[k] if within is not None else None, s) for k, s in enumerate(sha256s)]
        for g in exact_groups([f"{k[0]!r}|{k[1]}" if k[1] else "" for k in keys]):
            pairs.extend((g[0], m) for m in g[1:])
    if hashes is not None:
        pairs.extend((p.i, p.j) for p in near_duplicate_pairs(hashes, thresholds, within=within))
    return union_groups(n, pairs)
