"""`street2shop dataset verify PATH`: the checks a dataset must pass before anyone trains on it.

* schema: every shard has the pairs table's columns and types;
* images: every embedded image decodes (Pillow, decompression-bomb guard on) and is the size its row says;
* splits: no image is in two splits of a config, exactly (same bytes) or nearly (perceptual
  hashes within the thresholds the build groups by); pair ids are unique;
* card: each split has the number of rows the card states;
* opt-out: no row's post, listing or image is on the given opt-out list.

Streams the shards a batch at a time; what it keeps per image is its hashes (packed columns).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from street2shop.core.schemas import DATASET_PAIRS
from street2shop.dataset.layout import DatasetLayoutError, iter_batches, read_card, shards, split_sizes
from street2shop.dataset.optout_list import OptOutList
from street2shop.dataset.splits import HashColumns, decode_for_hashing, leaks, record_split, split_hashes

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

    hashes = HashColumns()
    image_splits: dict[str, dict] = defaultdict(dict)  # config -> image -> its split(s) (splits.record_split)
    pair_ids: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for config, split, shard, batch in iter_batches(path):
        name = str(shard.relative_to(path))  # one string per shard, not one per row
        for row in batch.to_pylist():
            verdict.rows += 1
            counts[(config, split)] += 1
            where = f"{name} pair {row.get('pair_id')}"
            if row["pair_id"] in pair_ids:
                found_problems["splits"].append(f"{where}: pair id also in {pair_ids[row['pair_id']]}")
            pair_ids[row["pair_id"]] = name
            named = {}  # column -> the sha256 of its bytes, for the images that decode
            for side in IMAGE_SIDES:
                image = row[f"{side}_image"]
                if image is None:
                    continue
                key = _check_image(image, row.get(f"{side}_width"), row.get(f"{side}_height"), f"{where} {side}_image",
                                   hashes, found_problems["images"])
                if key:
                    named[f"{side}_image"] = key
            for n, image in enumerate(row["shop_other_images"] or []):
                key = _check_image(image, None, None, f"{where} shop_other_images[{n}]", hashes,
                                   found_problems["images"])
                if key:
                    named[f"shop_other_images[{n}]"] = key
            for key in named.values():
                record_split(image_splits[config], key, split)
            if optout is not None:
                _check_optout(row, named, optout, where, found_problems["opt-out"])
            verdict.images += len(named)

    for config, splits_of in sorted(image_splits.items()):
        for line in leaks(splits_of, hashes):
            found_problems["splits"].append(f"config {config}: {line}")
    stated = split_sizes(card)
    for key in sorted(set(stated) | set(counts)):
        if stated.get(key) != counts.get(key, 0):
            found_problems["card"].append(f"config {key[0]} split {key[1]}: the card says {stated.get(key)} rows, "
                                          f"the shards hold {counts.get(key, 0)}")
    return _finish(verdict, found_problems, max_listed)


def _check_image(image: dict, width, height, where: str, hashes: HashColumns, problems: list[str]) -> str | None:
    data = image.get("bytes")
    if not data:
        problems.append(f"{where}: no image bytes embedded")
        return None
    key = hashlib.sha256(data).hexdigest()
    if key in hashes:
        return key
    try:
        img, size = decode_for_hashing(data)
    except Exception as exc:  # any decoder failure: the image is unusable
        problems.append(f"{where}: does not decode ({type(exc).__name__}: {exc})")
        return None
    if width is not None and height is not None and size != (width, height):
        problems.append(f"{where}: is {size[0]}x{size[1]}, the row says {width}x{height}")
    hashes.add(key, split_hashes(img))
    return key


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
