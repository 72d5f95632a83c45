"""What a dataset build learns of each image it meets: whether it is usable, its size, its file
type and its split hashes, by slot in packed columns (a few dozen bytes an image; a big build
meets hundreds of thousands). The build meets images a chunk of posts at a time: `open_chunk`
finds the chunk's images among the slots (`splits.HashedImages`) and reads their rows of the
store's images table, and what it keeps per image beyond the packed columns lasts until the
next chunk.
"""

from __future__ import annotations

import hashlib
import io
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from PIL import Image

from street2shop.core.image_gate import FORMAT_EXTENSIONS
from street2shop.core.store import Store, StoreError
from street2shop.dataset.mentions import latest
from street2shop.dataset.splits import HashedImages, components, decode_for_hashing
from street2shop.pipeline import normalise as norm

FILE_COLUMNS = ["sha256", "path", "format", "first_url"]


@dataclass(slots=True)
class ImageInfo:
    sha: str
    slot: int
    file: str  # the image's path in the store
    width: int
    height: int
    ext: str

    @property
    def name(self) -> str:
        """The file name a dataset gives it."""
        return f"{self.sha}.{self.ext}"


_UNSEEN, _GOOD, _BAD = 0, 1, 2


class ImageFacts:
    def __init__(self, store: Store):
        self.store = store
        self.images = HashedImages()  # sha256 -> slot, split hashes
        self._state = bytearray()
        self._size = array("I")  # width, height per slot
        self._ext = array("B")  # index into _exts
        self._exts: list[str] = []
        self._slot: dict[str, int] = {}  # this chunk's images only
        self._files: dict[str, tuple] = {}  # sha -> (path, format, first_url), this chunk's

    def __len__(self) -> int:
        return len(self.images)

    def open_chunk(self, shas: Iterable[str]) -> None:
        """Make `shas` the images the next calls ask about: give new ones a slot and read the
        store's rows of all of them (one scan of the images table)."""
        wanted = sorted({s for s in shas if s})
        before = len(self.images)
        self._slot = dict(zip(wanted, self.images.slots(wanted)))
        n_new = len(self.images) - before
        self._state.extend(bytes(n_new))
        self._size.extend([0] * (2 * n_new))
        self._ext.extend(bytes(n_new))
        wanted = pa.array(wanted, pa.string())
        rows = self.store.read_table("images", columns=FILE_COLUMNS, filter=pc.field("sha256").isin(wanted))
        rows = latest(rows.append_column("_n", pa.array(range(len(rows)), pa.int64())), ["sha256"], "_n")
        self._files = {r["sha256"]: (r["path"], r["format"], r["first_url"]) for r in rows.to_pylist()}

    def first_url(self, sha: str) -> str | None:
        row = self._files.get(sha)
        return row[2] if row else None

    def load(self, sha: str, *, full: bool = True):
        """The decoded image (or None when missing, altered or undecodable); remembers its facts.
        `full`: at full size (for the detector), else only as large as the hashes need."""
        slot = self._slot[sha]
        self._state[slot] = _BAD
        path, fmt, _ = self._files.get(sha, (None, None, None))
        try:
            data = self.store.read_bytes(path) if path else None
        except (OSError, StoreError):
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            return None
        try:
            if full:
                img = norm.load_image(data)
                size = img.size
            else:
                img, size = decode_for_hashing(data)
        except Exception:  # any decoder failure means the same: this image is unusable
            return None
        ext = FORMAT_EXTENSIONS.get((fmt or Image.open(io.BytesIO(data)).format or "").upper(), "bin")
        if ext not in self._exts:
            self._exts.append(ext)
        self.images.hash(slot, img)
        self._size[2 * slot:2 * slot + 2] = array("I", size)
        self._ext[slot] = self._exts.index(ext)
        self._state[slot] = _GOOD
        return img

    def ensure(self, sha: str) -> ImageInfo | None:
        """The image's facts, decoding it (small) the first time it is met; None when unusable."""
        slot = self._slot[sha]
        if self._state[slot] == _UNSEEN:
            self.load(sha, full=False)
        if self._state[slot] != _GOOD:
            return None
        return ImageInfo(sha, slot, self._files[sha][0], self._size[2 * slot], self._size[2 * slot + 1],
                         self._exts[self._ext[slot]])

    def groups(self, slots: np.ndarray) -> np.ndarray:
        """Per slot of `slots` (usable images), its near-duplicate group: equal slots are one
        image, near duplicates under the split thresholds are joined. A group is named by the
        sha256 rank of its first image, so names do not depend on the order images were met in."""
        unique, inverse = np.unique(np.asarray(slots, np.int64), return_inverse=True)
        ordered = self.images.digests.by_sha(unique)
        rank = np.empty(len(unique), np.int64)
        rank[np.searchsorted(unique, ordered)] = np.arange(len(unique))
        links = self.images.near_pairs(ordered)
        first = components(len(unique), np.array([p.i for p in links], np.int64),
                           np.array([p.j for p in links], np.int64))
        return first[rank][inverse.ravel()]
