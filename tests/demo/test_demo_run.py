"""`street2shop demo` end to end, as `make demo` runs it: crawl, catalog, default detector,
matching the blog's street images and a video, the accuracy table and the report; then the
dataset it builds from the crawl, loaded back, rebuilt and tampered with."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crawl_helpers import cli

# The demo trains the default detector; under `make test` another worker may be training it too.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = tmp_path_factory.mktemp("demo") / "demo-store"
    result = cli("demo", "--store", str(store), "--products", "32", timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return store, result.stdout


def test_demo_matches_the_blogs_street_images_better_than_its_baselines(demo):
    store, out = demo
    recall = re.search(r"box recall at IoU 0.5 ([\d.]+) \(whole frame ([\d.]+)\)", out)
    assert recall and float(recall[1]) >= 0.6 and float(recall[2]) == 0.0, out[-3000:]

    def row(label: str) -> list[float]:
        line = next(line for line in out.splitlines() if label in line)
        return [float(v) for v in re.findall(r"\b[01]\.\d{3}\b", line)]

    trained, whole, random_encoder = (row("default-offline encoder, default detector"),
                                      row("default-offline encoder, whole frame"),
                                      row("random encoder, default detector"))
    chance = row("chance (1 of")
    assert trained[0] > max(whole[0], random_encoder[0], chance[0]), "top-1 beats every baseline"
    assert trained[1] >= max(whole[1], random_encoder[1], chance[1]) and trained[1] >= 0.8, "top-10"
    results = store / "matches" / "results"
    inputs = [json.loads(line) for line in (results / "inputs.jsonl").read_text().splitlines()]
    assert inputs[-1]["kind"] == "video" and inputs[-1]["status"] == "ok"
    assert all(r["status"] == "ok" for r in inputs)
    assert (results / "timeline.csv").exists() and (results / "report.html").stat().st_size > 5000
    assert f"report: {results / 'report.html'}" in out


# -- the dataset the demo builds (`dataset build` with the demo's manifest)

def _dataset(store: Path) -> Path:
    return store / "datasets" / "demo-pairs"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_demo_dataset_loads_with_hugging_face_datasets(demo, tmp_path):
    import datasets
    from PIL import Image

    from street2shop.dataset.layout import read_card, split_sizes
    from street2shop.pipeline.detectors.categories import CATEGORY_NAMES

    store, out = demo
    folder = _dataset(store)
    assert "dataset verify:" in out and "splits ok" in out and "images ok" in out
    sizes = split_sizes(read_card(folder))
    # a cache of its own: `datasets` would otherwise answer from an earlier run's files at the same path
    cache = str(tmp_path / "hf-cache")
    exact = datasets.load_dataset(str(folder), "exact", cache_dir=cache)
    assert {s: len(exact[s]) for s in exact} == {s: n for (c, s), n in sizes.items() if c == "exact"}
    assert sizes[("exact", "train")] >= 10 and sizes.get(("exact", "validation"), 0) + sizes.get(("exact", "test"), 0) >= 2
    files = {s: str(folder / "data" / "exact" / f"{s}-*.parquet") for s in exact}
    plain = datasets.load_dataset("parquet", data_files=files, cache_dir=cache)
    seen: dict[str, set] = {}
    for split in exact:
        assert sorted(plain[split]["pair_id"]) == sorted(exact[split]["pair_id"])
        for row in exact[split]:
            street, shop = row["street_image"], row["shop_image"]
            assert isinstance(street, Image.Image) and isinstance(shop, Image.Image)
            assert street.size == (row["street_width"], row["street_height"])
            x1, y1, x2, y2 = row["street_box"]
            assert 0 <= x1 < x2 <= street.width and 0 <= y1 < y2 <= street.height
            assert row["category_name"] in (*CATEGORY_NAMES, None) and row["config"] == "exact"
            assert row["post_url"].startswith("http") and row["listing_url"].startswith("http")
            assert row["show"] and row["price"] and row["currency"] and row["post_crawled_at"]
            assert all(isinstance(im, Image.Image) for im in row["shop_other_images"])
        for column in ("pair_id", "product_id", "street_image_id", "shop_image_id"):
            values = set(exact[split][column])
            assert not values & seen.get(column, set()), f"{column} in two splits"
            seen.setdefault(column, set()).update(values)
    similar = datasets.load_dataset(str(folder), "similar", cache_dir=cache)
    assert set(similar["train"]["config"]) == {"similar"} and not set(similar["train"]["pair_id"]) & seen["pair_id"]


def test_rebuilding_from_the_same_crawl_gives_the_same_bytes(demo, tmp_path):
    import yaml

    store, _ = demo
    again = tmp_path / "again"
    result = cli("dataset", "build", str(store / "demo-manifest.yaml"), "-o", str(again), "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = _files(_dataset(store)), _files(again)
    assert sorted(first) == sorted(second) and any(name.endswith(".parquet") for name in first)
    assert [name for name in first if first[name] != second[name]] == []

    # planned two posts at a time (images met again in later chunks, keys gathered across
    # chunks), the build writes the same bytes
    manifest = yaml.safe_load((store / "demo-manifest.yaml").read_text())
    manifest.setdefault("dataset", {})["posts_per_chunk"] = 2
    chunked_manifest = store / "chunked-manifest.yaml"
    chunked_manifest.write_text(yaml.safe_dump(manifest, sort_keys=False))  # the splits' order matters
    chunked = tmp_path / "chunked"
    result = cli("dataset", "build", str(chunked_manifest), "-o", str(chunked))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "posts 2/12" in result.stderr and "posts 12/12" in result.stderr, result.stderr[-2000:]
    third = _files(chunked)
    assert sorted(third) == sorted(first) and [name for name in first if first[name] != third[name]] == []


def _rewrite(shard: Path, change) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from street2shop.dataset.layout import parquet_schema

    rows = pq.read_table(shard).to_pylist()
    change(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), shard)


def test_verify_catches_a_leak_a_broken_image_and_an_opted_out_record(demo, tmp_path):
    import io
    import shutil

    import pyarrow.parquet as pq
    import yaml
    from PIL import Image

    store, _ = demo
    folder = _dataset(store)
    train = sorted((folder / "data" / "exact").glob("train-*.parquet"))[0]
    held = next(p for s in ("test", "validation") for p in sorted((folder / "data" / "exact").glob(f"{s}-*.parquet"))
                if pq.read_metadata(p).num_rows)
    victim = pq.read_table(train).slice(0, 1).to_pylist()[0]

    # a near duplicate of a training photo (re-encoded, slightly smaller) planted in a held-out row
    leaky = tmp_path / "leaky"
    shutil.copytree(folder, leaky)
    photo = Image.open(io.BytesIO(victim["street_image"]["bytes"])).convert("RGB")
    photo = photo.resize((photo.width - 6, photo.height - 4))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=80)

    def plant(rows):
        rows[0]["street_image"] = {"bytes": buffer.getvalue(), "path": "planted.jpg"}
        rows[0]["street_width"], rows[0]["street_height"] = photo.size

    _rewrite(leaky / held.relative_to(folder), plant)
    result = cli("dataset", "verify", str(leaky))
    # one problem per training photo the planted one nearly duplicates (the crawl may hold the
    # victim's photo more than once, re-encoded by another post)
    assert result.returncode == 1 and "splits: " in result.stdout and "splits: ok" not in result.stdout, \
        result.stdout + result.stderr
    leaks = [line for line in result.stderr.splitlines() if line.strip().startswith("splits:")]
    assert leaks and all("near-duplicate images" in line and "different splits" in line for line in leaks), \
        result.stderr

    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)

    def truncate(rows):
        rows[0]["shop_image"]["bytes"] = rows[0]["shop_image"]["bytes"][:200]

    _rewrite(broken / train.relative_to(folder), truncate)
    result = cli("dataset", "verify", str(broken))
    assert result.returncode == 1 and "images: 1 problem" in result.stdout and "does not decode" in result.stderr

    optout = tmp_path / "opt-out.txt"
    optout.write_text(f"# asked by the photographer\nsha256: {victim['street_image_id']}\n")
    result = cli("dataset", "verify", str(folder), "--opt-out", str(optout))
    assert result.returncode == 1 and "opt-out:" in result.stdout and "on the opt-out list" in result.stderr
    refused = cli("dataset", "publish", str(folder), "--to", str(tmp_path / "published"), "--opt-out", str(optout))
    assert refused.returncode == 1 and not (tmp_path / "published").exists()

    # rebuilding with the opt-out in the manifest removes the record from the new version
    manifest = yaml.safe_load((store / "demo-manifest.yaml").read_text())
    manifest["dataset"]["opt_out"] = {"files": [str(optout)]}
    path = tmp_path / "manifest.yaml"
    path.write_text(yaml.safe_dump(manifest))
    rebuilt = tmp_path / "rebuilt"
    result = cli("dataset", "build", str(path), "-o", str(rebuilt), "-q")
    assert result.returncode == 0 and "opted_out" in result.stdout, result.stderr[-2000:]
    result = cli("dataset", "verify", str(rebuilt), "--opt-out", str(optout))
    assert result.returncode == 0, result.stdout + result.stderr
    published = cli("dataset", "publish", str(rebuilt), "--to", str(tmp_path / "published"))
    assert published.returncode == 0 and _files(tmp_path / "published") == _files(rebuilt)
