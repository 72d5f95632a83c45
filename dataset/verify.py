"""`street2shop dataset verify PATH`: the checks a dataset must pass before anyone trains on it.

* schema: every shard has the pairs table's columns and types;
* images: every embedded image decodes (Pillow, decompression-bomb guard on) and is the size its row says;
* splits: no image is in two splits of a config, exactly (same bytes) or nearly (perceptual
  hashes within the thresholds the build groups by); pair ids are unique;
* card: each split has the number of rows the card states;
* opt-out: no row's post, listing or image is on the given opt-out list.

Streams the shards a batch at a time; what it keeps is packed: per image its digest and split
hashes (`splits.HashedImages`) and a bit per split it is in, per row its pair id and shard
number.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from street2shop.core.schemas import DATASET_PAIRS
from street2shop.dataset.layout import DatasetLayoutError, iter_batches, read_card, shards, split_sizes
from street2shop.dataset.optout_list import OptOutList
from street2shop.dataset.splits import HashedImages, decode_for_hashing

IMAGE_SIDES = ("street", "shop")


@dataclass
class Verdict:
    rows: int = 0
    images: int = 0
    problems: list[str] = field(default_factory=list)
    checks: dict[str, str] = field(default_factory=dict)  # check -> "ok" or how many problems

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: Path, *, optout: OptOutList | None = None, max_listed: int = 50) -> Verdict:
    path = Path(path)
    verdict = Verdict()
    card = read_card(path)
    found = shards(path)
    if not found:
        raise DatasetLayoutError(f"{path}: no shards under data/")
    found_problems: dict[str, list[str]] = defaultdict(list)

    for (config, split), files in found.items():
        for f in files:
            try:
                schema = pq.read_schema(f)
            except Exception as exc:  # any reader failure: the file is not a Parquet file we can use
                found_problems["schema"].append(f"{f.relative_to(path)}: not readable Parquet ({exc})")
                continue
            want = DATASET_PAIRS.remove_metadata()
            if not schema.remove_metadata().equals(want):
                missing = [n for n in want.names if n not in schema.names]
                found_problems["schema"].append(f"{f.relative_to(path)}: columns differ from the pairs table"
                                                + (f" (missing {', '.join(missing)})" if missing else ""))
    if found_problems["schema"]:
        return _finish(verdict, found_problems, max_listed)

    seen = SeenImages()
    pair_ids, shard_of_pair, shard_names = [], array("I"), []
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for config, split, shard, batch in iter_batches(path):
        name = str(shard.relative_to(path))
        if not shard_names or shard_names[-1] != name:
            shard_names.append(name)
        pair_ids.append(batch.column("pair_id"))
        shard_of_pair.extend([len(shard_names) - 1] * len(batch))
        rows = batch.to_pylist()
        # every embedded image of the batch: (row, column, image, width, height)
        images = [(n, f"{side}_image", row[f"{side}_image"], row.get(f"{side}_width"), row.get(f"{side}_height"))
                  for n, row in enumerate(rows) for side in IMAGE_SIDES if row[f"{side}_image"] is not None]
        images += [(n, f"shop_other_images[{k}]", image, None, None) for n, row in enumerate(rows)
                   for k, image in enumerate(row["shop_other_images"] or [])]
        images.sort(key=lambda i: i[0])
        shas = [hashlib.sha256(image["bytes"]).hexdigest() if image.get("bytes") else None
                for _, _, image, _, _ in images]
        slots = seen.slots(shas)
        named: dict[int, dict[str, int]] = defaultdict(dict)  # row -> column -> slot of the image it holds
        for (n, column, image, width, height), slot in zip(images, slots):
            where = f"{name} pair {rows[n].get('pair_id')} {column}"
            if slot is None:
                found_problems["images"].append(f"{where}: no image bytes embedded")
            elif seen.check(slot, image["bytes"], width, height, where, found_problems["images"]):
                named[n][column] = slot
        for n, row in enumerate(rows):
            verdict.rows += 1
            counts[(config, split)] += 1
            for slot in named[n].values():
                seen.in_split(config, split, slot)
            if optout is not None:
                _check_optout(row, {c: seen.sha(s) for c, s in named[n].items()}, optout,
                              f"{name} pair {row.get('pair_id')}", found_problems["opt-out"])
            verdict.images += len(named[n])

    found_problems["splits"] += _repeated_pair_ids(pair_ids, shard_of_pair, shard_names)
    for config in sorted(seen.configs()):
        found_problems["splits"] += [f"config {config}: {line}" for line in seen.leaks(config)]
    stated = split_sizes(card)
    for key in sorted(set(stated) | set(counts)):
        if stated.get(key) != counts.get(key, 0):
            found_problems["card"].append(f"config {key[0]} split {key[1]}: the card says {stated.get(key)} rows, "
                                          f"the shards hold {counts.get(key, 0)}")
    return _finish(verdict, found_problems, max_listed)


class SeenImages:
    """Every image verify met, by slot (`HashedImages`, hashed once it decodes) and, per config,
    a bit per split it is in."""

    def __init__(self) -> None:
        self.images = HashedImages()
        self._splits: dict[str, array] = {}  # config -> per slot, a bit per split (64 at most)
        self._split_names: list[str] = []

    def slots(self, shas: list[str | None]) -> list[int | None]:
        """The slot of each sha256 (None for None), new ones added."""
        return self.images.slots(shas)

    def sha(self, slot: int) -> str:
        return self.images.digests.sha(slot)

    def check(self, slot: int, data: bytes, width, height, where: str, problems: list[str]) -> bool:
        """Whether the image decodes (the first time it is met: decoded, its size checked
        against the row's, hashed); what is wrong goes to `problems`."""
        if self.images.hashed(slot):
            return True
        try:
            img, size = decode_for_hashing(data)
        except Exception as exc:  # any decoder failure: the image is unusable
            problems.append(f"{where}: does not decode ({type(exc).__name__}: {exc})")
            return False
        if width is not None and height is not None and size != (width, height):
            problems.append(f"{where}: is {size[0]}x{size[1]}, the row says {width}x{height}")
        self.images.hash(slot, img)
        return True

    def in_split(self, config: str, split: str, slot: int) -> None:
        if split not in self._split_names:
            self._split_names.append(split)
        bits = self._splits.setdefault(config, array("Q"))
        if len(bits) < len(self.images):
            bits.extend([0] * (len(self.images) - len(bits)))
        bits[slot] |= 1 << self._split_names.index(split)

    def configs(self) -> list[str]:
        return list(self._splits)

    def leaks(self, config: str) -> list[str]:
        """The images of `config` in more than one split, exactly or nearly: one line each."""
        bits = np.frombuffer(self._splits[config], np.uint64)
        present = self.images.digests.by_sha(np.nonzero(bits)[0])

        def name(k: int) -> str:
            return self.sha(int(present[k]))[:16]

        def splits(k: int) -> str:
            return ", ".join(sorted(s for n, s in enumerate(self._split_names) if bits[present[k]] >> n & 1))

        problems = [f"image {name(k)}… is in {splits(k)}"
                    for k in np.nonzero(np.bitwise_count(bits[present]) > 1)[0].tolist()]
        for p in self.images.near_pairs(present):
            if bits[present[p.i]] != bits[present[p.j]]:
                problems.append(f"near-duplicate images {name(p.i)}… ({splits(p.i)}) and "
                                f"{name(p.j)}… ({splits(p.j)}) are in different splits")
        return problems


def _repeated_pair_ids(pair_ids: list, shard_of: array, shard_names: list[str]) -> list[str]:
    """A line for each row whose pair id an earlier row has, naming the shard of the one before."""
    ids = pa.chunked_array(pair_ids, pa.string()) if pair_ids else pa.chunked_array([], pa.string())
    counts = pc.value_counts(ids)
    repeated = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
    if not len(repeated):
        return []
    rows = np.nonzero(pc.is_in(ids, value_set=repeated).to_numpy(zero_copy_only=False))[0]
    last: dict[str, int] = {}
    out = []
    for r, pid in zip(rows.tolist(), ids.take(pa.array(rows)).to_pylist()):
        if pid in last:
            out.append(f"{shard_names[shard_of[r]]} pair {pid}: pair id also in {shard_names[shard_of[last[pid]]]}")
        last[pid] = r
    return out


def _check_optout(row: dict, images: dict[str, str], optout: OptOutList, where: str, problems: list[str]) -> None:
    """`images`: column -> sha256 of the bytes it holds."""
    hits = [name for name in ("post_url", "listing_url", "street_url", "shop_url") if optout.url(row.get(name))]
    hits += [column for column, sha in images.items() if optout.image(sha)]
    hits += [f"{side}_image_id" for side in IMAGE_SIDES if optout.image(row.get(f"{side}_image_id"))]
    if hits:
        problems.append(f"{where}: on the opt-out list ({', '.join(dict.fromkeys(hits))})")


def _finish(verdict: Verdict, found: dict[str, list[str]], max_listed: int) -> Verdict:
    for check in ("schema", "images", "splits", "card", "opt-out"):
        lines = found.get(check, [])
        verdict.checks[check] = "ok" if not lines else f"{len(lines)} problem(s)"
        verdict.problems.extend(f"{check}: {line}" for line in lines[:max_listed])
        if len(lines) > max_listed:
            verdict.problems.append(f"{check}: … and {len(lines) - max_listed} more")
    return verdict
