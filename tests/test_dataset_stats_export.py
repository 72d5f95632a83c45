"""WebDataset export, stats and contact sheets of a small dataset written with `DatasetWriter`:
two configs, two splits, PNG and JPEG images, one shop image that does not decode, one row
without a shop side, two categories."""

from __future__ import annotations

import io
import json
import tarfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PIL import Image
from rich.console import Console

from street2shop.core.schemas import DATASET_PAIRS
from street2shop.dataset.layout import DatasetWriter, card_metadata, iter_rows
from street2shop.dataset.stats import (GAP, SHEET_COLUMNS, contact_sheets, dataset_stats, sheet_size,
                                       stats_table, stats_tables)
from street2shop.dataset.webdataset_export import ExportError, export_webdataset, image_extension

IMAGE_COLUMNS = {"street_image", "shop_image", "shop_other_images"}
CORRUPT = b"\xff\xd8\xff\xe0 this is not a whole JPEG"


def _image(fmt: str, size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format=fmt)
    return buf.getvalue()


def _row(n: int, config: str, split: str, category: int, *, shop: str = "ok") -> dict:
    street = _image("PNG" if n % 2 else "JPEG", (160 + n, 120), (20 * n, 100, 50))
    row = {
        "pair_id": f"p{n:03d}", "config": config, "split": split, "product_id": f"prod{n // 2}",
        "category": category, "category_name": {1: "short_sleeved_shirt", 8: "trousers"}[category],
        "street_image": {"bytes": street, "path": f"s{n}.img"}, "street_image_id": f"sid{n}",
        "street_box": [10.0, 20.0, 90.5, 110.0], "street_whole_image": False, "street_category": category,
        "street_width": 160 + n, "street_height": 120, "street_url": f"https://blog.example/{n}.jpg",
        "show": "Show A" if n < 6 else "Show \x1b[2JB", "season": 1, "episode": n, "character": "Maya",
        "mention": f"Maya's [bold]sweater {n}", "shop": "shop-a.example" if n % 3 else "shop-b.example",
        "price": "19.99", "currency": "EUR", "post_url": f"https://blog.example/post/{n}",
        "listing_url": f"https://shop.example/item/{n}",
        "post_crawled_at": datetime(2024, 5, 1, 12, n, tzinfo=timezone.utc),
        "flags": ["street_whole_image"] if n == 1 else [], "origin": "crawl",
    }
    if shop != "null":
        data = CORRUPT if shop == "corrupt" else _image("JPEG" if n % 2 else "PNG", (100, 140), (200, 10 * n, 10))
        row.update({"shop_image": {"bytes": data, "path": f"shop{n}.img"}, "shop_image_id": f"hid{n}",
                    "shop_box": [0.0, 0.0, 100.0, 140.0], "shop_width": 100, "shop_height": 140,
                    "shop_other_images": [{"bytes": _image("PNG", (60, 60), (n, n, n)), "path": None}] * (n % 3)})
    return row


ROWS = [
    _row(0, "exact", "train", 1), _row(1, "exact", "train", 1), _row(2, "exact", "train", 8),
    _row(3, "exact", "train", 8, shop="corrupt"), _row(4, "exact", "test", 1), _row(5, "exact", "test", 8),
    _row(6, "similar", "train", 1), _row(7, "similar", "train", 1, shop="null"), _row(8, "similar", "train", 8),
    _row(9, "similar", "test", 1),
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ds") / "pairs"
    with DatasetWriter(out, rows_per_shard=3) as w:
        for row in ROWS:
            w.write(row["config"], row["split"], [row])
        w.finish(card_metadata(w.sizes(), licence="cc-by-4.0", pretty_name="test"), "test\n")
    return out


def _samples(tar_path: Path) -> dict[str, dict[str, bytes]]:
    """key -> {extension: bytes}, grouped as webdataset does (key: the name up to the first dot)."""
    out: dict[str, dict[str, bytes]] = {}
    with tarfile.open(tar_path) as tar:
        names = tar.getnames()
        for member in tar.getmembers():
            key, ext = member.name.split(".", 1)
            assert member.mtime == 0 and member.uid == 0 and member.gid == 0 and member.uname == ""
            assert key not in out or key == next(reversed(out)), f"{key}: its files are not together"
            out.setdefault(key, {})[ext] = tar.extractfile(member).read()
    assert names == sorted(names)  # sorted within a sample, and keys p000 < p001 ... in row order
    return out


def test_export_writes_one_sample_per_row_with_its_files(dataset, tmp_path):
    result = export_webdataset(dataset, tmp_path / "wds", samples_per_shard=2)
    assert result["counts"] == {"exact/test": 2, "exact/train": 4, "similar/test": 1,
                                "similar/train": 3}
    assert result["null_sides"] == {"street": 0, "shop": 1}
    names = sorted(p.relative_to(tmp_path / "wds").as_posix() for p in result["shards"])
    assert names == ["exact/test-000000.tar", "exact/train-000000.tar", "exact/train-000001.tar",
                     "similar/test-000000.tar", "similar/train-000000.tar", "similar/train-000001.tar"]
    samples = {}
    for path in result["shards"]:
        samples.update(_samples(path))
    assert len(samples) == len(ROWS)
    stored = {r["pair_id"]: r for r in iter_rows(dataset)}
    for n, row in enumerate(ROWS):
        row = {**row, "n": n}
        files = samples[row["pair_id"]]
        street_ext = "png" if row["n"] % 2 else "jpg"
        assert files[f"street.{street_ext}"] == row["street_image"]["bytes"]
        others = row.get("shop_other_images") or []
        expected = {"json", f"street.{street_ext}"} | {f"shop_other.{i}.png" for i in range(len(others))}
        if row.get("shop_image"):
            shop_ext = "jpg" if row["shop_image"]["bytes"][:3] == b"\xff\xd8\xff" else "png"
            expected.add(f"shop.{shop_ext}")
            assert files[f"shop.{shop_ext}"] == row["shop_image"]["bytes"]
        assert set(files) == expected
        for i, other in enumerate(others):
            assert files[f"shop_other.{i}.png"] == other["bytes"]
        fields = json.loads(files["json"])
        want = {k: v for k, v in stored[row["pair_id"]].items() if k not in IMAGE_COLUMNS}
        assert set(want) == {f.name for f in DATASET_PAIRS} - IMAGE_COLUMNS
        want["post_crawled_at"] = row["post_crawled_at"].isoformat()
        assert fields == want
        assert fields["street_box"] == [10.0, 20.0, 90.5, 110.0] and fields["show"] == row["show"]


def test_export_is_byte_identical_and_replaces_a_larger_export(dataset, tmp_path):
    first = export_webdataset(dataset, tmp_path / "a", samples_per_shard=2)
    second = export_webdataset(dataset, tmp_path / "b", samples_per_shard=2)
    for a, b in zip(first["shards"], second["shards"], strict=True):
        assert a.read_bytes() == b.read_bytes()
    # a re-export in bigger shards leaves no old shard behind, nor a hidden one
    again = export_webdataset(dataset, tmp_path / "a", config="exact", split="train", samples_per_shard=10)
    assert again["counts"] == {"exact/train": 4}
    assert sorted(p.name for p in (tmp_path / "a" / "exact").iterdir()) == ["test-000000.tar", "train-000000.tar"]
    assert len(_samples(tmp_path / "a" / "exact" / "train-000000.tar")) == 4
    with pytest.raises(ExportError, match="validation"):
        export_webdataset(dataset, tmp_path / "c", split="validation")


def test_stats_count_what_was_written(dataset):
    stats = dataset_stats(dataset)
    assert stats["rows"] == len(ROWS)
    assert stats["configs"] == {"exact": 6, "similar": 4}
    assert stats["splits"] == {"exact": {"test": 2, "train": 4}, "similar": {"test": 1, "train": 3}}
    assert stats["categories"] == dict(Counter(r["category_name"] for r in ROWS))
    assert stats["categories"] == {"short_sleeved_shirt": 6, "trousers": 4}
    assert stats["shows"] == dict(Counter(r["show"] for r in ROWS))
    assert stats["shops"] == dict(Counter(r["shop"] for r in ROWS))
    assert stats["flags"] == {"street_whole_image": 1}
    street, shop = stats["images"]["street"], stats["images"]["shop"]
    assert (street["null"], shop["null"]) == (0, 1)
    assert street["width"] == {"count": 10, "min": 160, "median": 164, "max": 169}
    assert shop["height"] == {"count": 9, "min": 140, "median": 140, "max": 140}
    sizes = sorted(len(r["shop_image"]["bytes"]) for r in ROWS if r.get("shop_image"))
    assert shop["bytes"] == {"count": 9, "min": sizes[0], "median": sizes[4], "max": sizes[-1]}
    assert stats["images"]["shop_other"] == sum(len(r.get("shop_other_images") or []) for r in ROWS)
    json.dumps(stats)  # the CLI can print it as JSON

    text = stats_table(stats)
    assert "short_sleeved_shirt  6" in text and "\x1b" not in text and "Show  [2JB" in text
    tables = stats_tables(stats)
    assert [t.title for t in tables][:2] == ["Rows by config and split", "Categories"]
    console = Console(file=io.StringIO(), width=120)
    for table in tables:
        console.print(table)
    assert "Show  [2JB" in console.file.getvalue()


def test_image_extension_comes_from_the_bytes_then_the_path():
    assert image_extension(_image("PNG", (8, 8), (0, 0, 0)), "a.jpg") == "png"
    assert image_extension(_image("WEBP", (8, 8), (0, 0, 0))) == "webp"
    assert image_extension(_image("GIF", (8, 8), (0, 0, 0))) == "gif"
    assert image_extension(b"garbage", "x.JPEG") == "jpg"
    assert image_extension(b"garbage", None) == "bin"


def test_contact_sheets_draw_one_png_a_category(dataset, tmp_path):
    paths = contact_sheets(dataset, tmp_path / "sheets", per_category=5, thumb=32, seed=3)
    assert [p.name for p in paths] == ["short_sleeved_shirt.png", "trousers.png"]
    for path in paths:
        with Image.open(path) as im:
            im.load()
            assert im.format == "PNG" and im.size == sheet_size(min(5, 6 if "shirt" in path.name else 4), 32)
    assert sheet_size(5, 32) == (SHEET_COLUMNS * 64 + (SHEET_COLUMNS + 1) * GAP, 2 * 32 + 3 * GAP)
    index = json.loads((tmp_path / "sheets" / "contact_sheets.json").read_text())
    shirts, trousers = index["categories"]["short_sleeved_shirt"], index["categories"]["trousers"]
    assert len(shirts["pairs"]) == 5 and sorted(trousers["pairs"]) == ["p002", "p003", "p005", "p008"]
    assert trousers["undecodable"] == 1 and index["undecodable"] == 1
    assert shirts["null"] == (1 if "p007" in shirts["pairs"] else 0)

    # the broken shop image of p003 is a grey cell with an X, right of its street crop
    cell = trousers["pairs"].index("p003")
    x, y = GAP + (cell % SHEET_COLUMNS) * (64 + GAP) + 32, GAP + (cell // SHEET_COLUMNS) * (32 + GAP)
    with Image.open(paths[1]) as im:
        assert im.convert("RGB").getpixel((x + 16, y + 2)) == (128, 128, 128)
        assert im.convert("RGB").getpixel((x + 16, y + 16)) == (64, 64, 64)

    # the same seed draws the same sheets; another seed may choose other shirts
    again = contact_sheets(dataset, tmp_path / "again", per_category=5, thumb=32, seed=3)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]
