"""End to end: crawl the fixture shop, build a catalog version, rebuild incrementally,
read it with pandas / DuckDB / datasets, and look a product photo up."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from crawl_helpers import cli, write_manifest
from street2shop.demo.site import build_shop, serve
from street2shop.core.store import Store

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


def _manifest(tmp_path, sources):
    path = tmp_path / "manifest.yaml"
    path.write_text(yaml.safe_dump({"store": str(tmp_path / "store"), "sources": sources,
                                    "catalog": {"encoder": "default-offline", "image_size": 224}}))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("catalog")
    shop = build_shop(16)
    with serve(shop) as server:
        write_manifest(tmp, server.base_url)
        source = yaml.safe_load((tmp / "manifest.yaml").read_text())["sources"][0]
        manifest = _manifest(tmp, [source])
        crawl = cli("crawl", str(manifest), "-q")
        assert crawl.returncode == 0, crawl.stderr[-2000:]
    build = cli("catalog", "build", str(manifest), timeout=600)
    return {"tmp": tmp, "manifest": manifest, "shop": shop, "base": server.base_url, "build": build,
            "source": source}


def test_build_writes_a_complete_current_version(built):
    build = built["build"]
    assert build.returncode == 0, build.stderr[-3000:]
    store = Store(built["tmp"] / "store")
    version = store.read_json("catalog/CURRENT")["version"]
    items = store.read_table("catalog_items", under=f"catalog/versions/{version}/items").to_pylist()
    listings = store.read_table("listings").to_pylist()
    with_images = [r for r in listings if any(i["status"] == "ok" for i in r["images"])]
    assert len(items) == len(with_images) > 0
    assert f"{len(items)} items" in build.stdout and f"embedded {len(items)}" in build.stdout
    for item in items:
        vec = np.asarray(item["embedding"], np.float32)
        assert vec.shape == (1280,) and abs(np.linalg.norm(vec) - 1) < 1e-4
        assert item["whole_image"] and "whole_image" in item["quality_flags"]  # no detector configured
        assert item["model_id"].startswith("timm/efficientnet_lite0")
        assert item["image_sha256"] in {i["sha256"] for r in listings for i in r["images"]}
    meta = store.read_json(f"catalog/versions/{version}/version.json")
    assert meta["items"] == len(items) and meta["dim"] == 1280


def test_readable_by_pandas_duckdb_and_datasets(built):
    import duckdb
    import pandas as pd
    from datasets import load_dataset

    store = Store(built["tmp"] / "store")
    version = store.read_json("catalog/CURRENT")["version"]
    pattern = str(built["tmp"] / "store" / "catalog" / "versions" / version / "items" / "*.parquet")
    n = duckdb.sql(f"select count(*) from '{pattern}'").fetchall()[0][0]
    frame = pd.read_parquet(str(built["tmp"] / "store" / "catalog" / "versions" / version / "items"))
    ds = load_dataset("parquet", data_files=pattern, split="train")
    assert n == len(frame) == len(ds) > 0
    assert len(ds[0]["embedding"]) == 1280


def test_rebuild_embeds_only_what_is_new(built, tmp_path):
    store = Store(built["tmp"] / "store")
    first = store.read_json("catalog/CURRENT")["version"]
    n_first = store.read_table("catalog_items", under=f"catalog/versions/{first}/items").num_rows
    # a second shop joins the store, and a third that sells the first shop's products
    other = build_shop(16, seed=1)
    with serve(other) as server, serve(built["shop"]) as mirror:
        write_manifest(tmp_path, server.base_url, name="second-shop")
        source = yaml.safe_load((tmp_path / "manifest.yaml").read_text())["sources"][0]
        write_manifest(tmp_path, mirror.base_url, name="mirror-shop")
        mirror_source = yaml.safe_load((tmp_path / "manifest.yaml").read_text())["sources"][0]
        manifest = _manifest(built["tmp"], [built["source"], source, mirror_source])
        crawl = cli("crawl", str(manifest), "-s", "second-shop", "-s", "mirror-shop", "-q")
        assert crawl.returncode == 0, crawl.stderr[-2000:]
    rebuild = cli("catalog", "build", str(manifest), timeout=600)
    assert rebuild.returncode == 0, rebuild.stderr[-3000:]
    second = store.read_json("catalog/CURRENT")["version"]
    assert second != first
    n_second = store.read_table("catalog_items", under=f"catalog/versions/{second}/items").num_rows
    new = n_second - 2 * n_first  # the mirror's images are the first shop's: same bytes, cached
    assert new > 0
    assert f"embedded {new}, from cache {2 * n_first}" in rebuild.stdout  # the counter
    # the same product sold by two shops is one duplicate group
    items = {r["item_id"]: r for r in
             store.read_table("catalog_items", under=f"catalog/versions/{second}/items").to_pylist()}
    groups: dict[str, set] = {}
    for row in store.read_table("catalog_duplicates", under=f"catalog/versions/{second}/duplicates").to_pylist():
        groups.setdefault(row["group_id"], set()).add(items[row["item_id"]]["source"])
    assert sum(1 for sources in groups.values() if sources == {"fixture-shop", "mirror-shop"}) >= n_first * 0.9
    assert store.read_json(f"catalog/versions/{first}/version.json")["items"] == n_first, "old version kept"


def test_search_finds_the_product_from_its_own_photo(built, tmp_path):
    from street2shop.demo.site import render_product_image

    shop = built["shop"]
    product = next(p for p in shop.products if p.image_views[0] == "front" and not p.js_only)
    photo = tmp_path / "query.jpg"
    render_product_image(product, 0).save(photo, quality=85)
    result = cli("catalog", "search", str(built["manifest"]), str(photo), "-k", "3", timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    first_result = [line for line in result.stdout.splitlines() if line.startswith("│")][0]
    assert product.name in first_result, result.stdout


def test_build_without_listings_is_one_clear_error(tmp_path):
    manifest = _manifest(tmp_path, [])
    result = cli("catalog", "build", str(manifest))
    assert result.returncode == 2 and "run `street2shop crawl` first" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
