"""`street2shop match` end to end: a crawled fixture shop, real catalog versions (one without a
detector, one cut by a real, randomly initialised detector), and photos, folders, URLs and a
video matched through the command line; the report opened in the real Chromium."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from crawl_helpers import cli, write_manifest
from street2shop.core.store import Store
from street2shop.demo.site import build_shop, render_product_image, serve

# end to end: real servers, crawls and models; one test trains the default detector, which under
# `make test` may share the CPU with another worker training it (the demo)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _products(shop, n):
    return [p for p in shop.products if p.image_views[0] == "front" and not p.js_only][:n]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shop (kept serving: URL inputs), its crawl, and two catalog versions."""
    tmp = tmp_path_factory.mktemp("match")
    shop = build_shop(16)
    with serve(shop) as server:
        manifest = write_manifest(tmp, server.base_url)
        data = yaml.safe_load(manifest.read_text())
        data["catalog"] = {"encoder": "default-offline", "image_size": 224}
        manifest.write_text(yaml.safe_dump(data))
        assert cli("crawl", str(manifest), "-q").returncode == 0
        whole = cli("catalog", "build", str(manifest), timeout=600)
        assert whole.returncode == 0, whole.stderr[-2000:]
        store = Store(tmp / "store")
        plain_version = store.read_json("catalog/CURRENT")["version"]
        # A real detector with random weights: it cuts boxes and gives every box all 13
        # probabilities, which is what the category filter works on.
        from street2shop.pipeline.detectors import create_detector
        weights = tmp / "random-detector.pt"
        import torch
        torch.manual_seed(0)
        create_detector("frcnn-mobilenet-v3", min_size=224, max_size=320, detections_per_img=3).save(weights)
        data["catalog"]["detector"] = {"spec": "frcnn-mobilenet-v3", "weights": str(weights), "score_threshold": 0.0}
        manifest.write_text(yaml.safe_dump(data))
        cut = cli("catalog", "build", str(manifest), timeout=600)
        assert cut.returncode == 0, cut.stderr[-2000:]
        yield {"tmp": tmp, "shop": shop, "base": server.base_url, "manifest": manifest, "store": store,
               "plain": plain_version, "cut": store.read_json("catalog/CURRENT")["version"], "weights": weights}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_photos_and_a_folder_are_matched_to_their_own_listings(site, tmp_path):
    photos = tmp_path / "photos"
    (photos / "sub").mkdir(parents=True)
    products = _products(site["shop"], 3)
    for n, product in enumerate(products):
        render_product_image(product, 0).save(photos / ("sub" if n == 2 else ".") / f"p{n}.jpg", quality=85)
    (photos / "notes.txt").write_text("not an image: the folder walk leaves it out")
    (photos / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    out = tmp_path / "out"
    result = cli("match", str(site["store"].url), str(photos), "-o", str(out), "-k", "3", "--version", site["plain"],
                 "--whole-frame", "-q", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "matched 3 of 4 inputs: 3 garments" in result.stdout and "failed not_image 1" in result.stdout
    inputs = {Path(r["input"]).name: r for r in _rows(out / "inputs.jsonl")}
    assert set(inputs) == {"p0.jpg", "p1.jpg", "p2.jpg", "broken.jpg"}
    assert inputs["broken.jpg"]["status"] == "error" and "not an image" in inputs["broken.jpg"]["error"]
    garments = {Path(r["input"]).name: r for r in _rows(out / "matches.jsonl")}
    for n, product in enumerate(products):
        g = garments[f"p{n}.jpg"]
        assert g["whole_image"] and g["categories_searched"] is None and len(g["hits"]) == 3
        top = g["hits"][0]
        assert top["name"] == product.name and top["rank"] == 1
        assert top["url"].startswith(site["base"]) and top["image_url"].startswith(site["base"])
        assert top["price"] and top["currency"] and top["availability"] and top["shop"] == "fixture-shop"
    csv_lines = (out / "matches.csv").read_text().splitlines()
    assert csv_lines[0].startswith("input,frame_time,scene,garment,box,category") and len(csv_lines) == 1 + 3 * 3
    assert (out / "report.html").exists()

    again = cli("match", str(site["store"].url), str(photos), "-o", str(out), "-k", "3", "--version", site["plain"],
                "--whole-frame", "-q", timeout=600)
    assert again.returncode == 0 and "(4 done by an earlier run)" in again.stdout
    assert len(_rows(out / "inputs.jsonl")) == 4 and len(_rows(out / "matches.jsonl")) == 3


def test_a_killed_run_resumes_without_redoing_or_repeating_inputs(site, tmp_path):
    photos = tmp_path / "many"
    photos.mkdir()
    products = _products(site["shop"], 8)
    for n in range(60):
        render_product_image(products[n % len(products)], 0).rotate(n % 7, fillcolor="white").save(
            photos / f"{n:03d}.jpg", quality=80)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "street2shop.cli", "match", site["store"].url, str(photos), "-o", str(out), "-k",
            "2", "--version", site["plain"], "--batch-size", "2", "-q", "--no-report", "--whole-frame"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "inputs.jsonl").exists() and len((out / "inputs.jsonl").read_text().splitlines()) >= 10:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = len(_rows(out / "inputs.jsonl"))
    assert 10 <= before < 60, "the run was killed part way"
    resumed = cli("match", site["store"].url, str(photos), "-o", str(out), "-k", "2", "--version", site["plain"],
                  "--no-report", "--whole-frame", timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "match: 60/60 inputs" in resumed.stderr, "progress shows in a log (no terminal)"
    assert f"({before} done by an earlier run)" in resumed.stdout
    inputs = [r["input"] for r in _rows(out / "inputs.jsonl")]
    matched = [r["input"] for r in _rows(out / "matches.jsonl")]
    assert sorted(inputs) == sorted(set(inputs)) and len(inputs) == 60
    assert sorted(matched) == sorted(inputs), "one whole-frame garment per input, none twice"
    assert len((out / "matches.csv").read_text().splitlines()) == 1 + 60 * 2


def test_image_urls_go_through_the_guarded_polite_path(site, tmp_path):
    product = _products(site["shop"], 1)[0]
    store = site["store"]
    item = next(r for r in store.read_table("catalog_items", under=f"catalog/versions/{site['plain']}/items",
                                            columns=["name", "image_sha256"]).to_pylist() if r["name"] == product.name)
    url = store.image_column([item["image_sha256"]], "first_url")[item["image_sha256"]]  # the catalog's own image
    missing = f"{site['base']}/img/does-not-exist.jpg"
    out = tmp_path / "out"
    refused = cli("match", str(site["manifest"]), url, "-o", str(out), "--version", site["plain"], "-q",
                  "--whole-frame", timeout=600)
    assert refused.returncode == 0, refused.stderr[-2000:]
    row = _rows(out / "inputs.jsonl")[0]
    assert row["status"] == "error" and "private" in row["error"]
    out2 = tmp_path / "out2"
    allowed = cli("match", store.url, url, missing, "-o", str(out2), "--version", site["plain"], "-q",
                  "--allow-private-addresses", "--whole-frame", timeout=600)
    assert allowed.returncode == 0, allowed.stderr[-2000:]
    rows = {r["input"]: r for r in _rows(out2 / "inputs.jsonl")}
    assert rows[url]["status"] == "ok" and rows[missing]["status"] == "error" and "404" in rows[missing]["error"]
    assert _rows(out2 / "matches.jsonl")[0]["hits"][0]["name"] == product.name


def test_a_video_becomes_a_timeline_of_scenes(site, tmp_path):
    from street2shop.demo.clip import make_clip
    from street2shop.demo.site import build_blog
    from street2shop.demo.site.blog_images import render_scene

    blog = build_blog(site["shop"], 12)
    scenes = [render_scene(blog, post, 0)[0] for post in blog.posts[:3]]
    video = make_clip(tmp_path / "episode.mp4", scenes, seconds_each=3, fps=10)
    out = tmp_path / "out"
    result = cli("match", site["store"].url, str(video), "-o", str(out), "-k", "3", "--version", site["plain"],
                 "--every", "1", "-q", "--whole-frame", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "video frames 9 sampled, 6 near-identical skipped" in result.stdout
    row = _rows(out / "inputs.jsonl")[0]
    assert row["kind"] == "video" and row["frames_decoded"] == 90 and row["duration"] == pytest.approx(9, abs=0.2)
    timeline = _rows(out / "timeline.jsonl")
    assert [e["scene"] for e in timeline] == [0, 1, 2], "one whole-frame entry per scene"
    for n, entry in enumerate(timeline):
        assert entry["time_ranges"] == [[3.0 * n, 3.0 * n + 3.0]] and entry["frames"] == 3
        assert len(entry["hits"]) == 3
    assert len(_rows(out / "matches.jsonl")) == 3, "skipped frames are not matched again"
    timings = json.loads((out / "timings.json").read_text())
    assert set(timings["stages"]) == {"decode", "detect", "embed", "search"} and timings["frames_per_second"] > 0
    assert (out / "timeline.csv").read_text().count("\n") == 1 + 3 * 3


def test_garments_are_searched_in_their_top_two_categories(site, tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for n, product in enumerate(_products(site["shop"], 4)):
        render_product_image(product, 0).save(photos / f"p{n}.jpg")
    store = site["store"]
    # The version built without a detector takes each item's category from its listing's words.
    items = {r["item_id"]: r["category"] for r in store.read_table(
        "catalog_items", under=f"catalog/versions/{site['plain']}/items", columns=["item_id", "category"]).to_pylist()}
    assert len(set(items.values()) - {None}) >= 5
    out = tmp_path / "out"
    result = cli("match", store.url, str(photos), "-o", str(out), "-k", "5", "--version", site["plain"],
                 "--detector-weights", str(site["weights"]), "--score-threshold", "0", "--min-category-items", "0",
                 "-q", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    garments = _rows(out / "matches.jsonl")
    assert garments and all(not g["whole_image"] for g in garments)
    for g in garments:
        assert len(g["categories_searched"]) == 2 and g["category"] == g["categories_searched"][0]
        allowed = set(g["categories_searched"]) | {None}
        assert all(items[h["item_id"]] in allowed for h in g["hits"])
        held = sum(1 for c in items.values() if c in allowed)
        assert len(g["hits"]) == min(5, held)
    # Categories too small to filter by: every category is searched.
    wide = tmp_path / "wide"
    cli("match", store.url, str(photos), "-o", str(wide), "--version", site["plain"], "--detector-weights",
        str(site["weights"]), "--score-threshold", "0", "--min-category-items", "100000", "-q", "--no-report",
        timeout=600)
    assert all(g["categories_searched"] is None and len(g["hits"]) == 10 for g in _rows(wide / "matches.jsonl"))


def test_a_catalog_embedded_with_another_encoder_is_refused(site, tmp_path):
    photo = tmp_path / "p.jpg"
    render_product_image(_products(site["shop"], 1)[0], 0).save(photo)
    result = cli("match", site["store"].url, str(photo), "-o", str(tmp_path / "out"), "--encoder",
                 "timm:efficientnet_lite0@random", "--whole-frame", timeout=600)
    assert result.returncode == 2
    assert "was embedded with timm/efficientnet_lite0@efficientnet-lite0-57934424, not " \
           "timm/efficientnet_lite0@random-init-seed0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing = cli("match", site["store"].url, str(tmp_path / "nothing-here.jpg"), "--whole-frame")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    (tmp_path / "results-file").write_text("keep me")
    into_file = cli("match", site["store"].url, str(photo), "-o", str(tmp_path / "results-file"), "--whole-frame")
    assert into_file.returncode == 2 and "is a file; give a folder" in into_file.stderr
    assert (tmp_path / "results-file").read_text() == "keep me"
    other = cli("match", site["store"].url, str(photo), "--reranker", "bogus", "--whole-frame",
                "-o", str(tmp_path / "o2"))
    assert other.returncode == 2 and "unknown re-ranker 'bogus'" in other.stderr


def test_without_weights_the_catalogs_own_detector_finds_the_garments(site, tmp_path):
    """No weights anywhere: the default detector is trained on the catalog's packshots (once,
    cached in the store) and finds the garments of street scenes, where the whole frame finds none."""
    import numpy as np

    from street2shop.demo.site import build_blog
    from street2shop.demo.site.blog_images import render_scene
    from street2shop.pipeline.detectors.base import box_iou

    blog = build_blog(site["shop"], 12)
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    truth = {}
    for post in blog.posts[:6]:
        image, masks = render_scene(blog, post, 0)
        name = f"{post.slug}.png"
        image.save(scenes / name)
        truth[name] = []
        for mask in masks.values():
            ys, xs = np.nonzero(mask)
            if len(xs) >= 50:
                truth[name].append((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1))
    out = tmp_path / "out"
    result = cli("match", site["store"].url, str(scenes), "-o", str(out), "--version", site["plain"], "-q",
                 "--no-report", timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "training the default garment detector" in result.stderr
    assert len(list((Path(site["store"].url) / "catalog" / "detectors").glob("garment-seg-*.pt"))) == 1
    garments = _rows(out / "matches.jsonl")
    found = sum(any(box_iou(g["box"], t) >= 0.5 for g in garments if Path(g["input"]).name == name)
                for name, boxes in truth.items() for t in boxes)
    total = sum(len(b) for b in truth.values())
    assert found / total >= 0.6, f"box recall at IoU 0.5: {found}/{total}"
    assert not any(g["whole_image"] for g in garments)
    again = cli("match", site["store"].url, str(scenes), "-o", str(tmp_path / "again"), "--version", site["plain"],
                "-q", "--no-report", timeout=600)
    assert again.returncode == 0 and "training" not in again.stderr, "the cached detector is used"


@pytest.mark.browser
def test_the_report_shows_boxes_and_listings_in_chromium(site, tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Chromium at /usr/bin/chromium")
    photos = tmp_path / "photos"
    photos.mkdir()
    for n, product in enumerate(_products(site["shop"], 2)):
        render_product_image(product, 0).save(photos / f"p{n}.jpg")
    out = tmp_path / "out"
    result = cli("match", site["store"].url, str(photos), "-o", str(out), "-k", "3", "--detector-weights",
                 str(site["weights"]), "--score-threshold", "0", "-q", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    garments = _rows(out / "matches.jsonl")
    from playwright.sync_api import sync_playwright

    from street2shop.crawler.settings import CHROMIUM_ARGS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto((out / "report.html").as_uri())
        page.wait_for_load_state("load")
        images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth])")
        boxes = page.locator(".box").count()
        hits = page.locator(".hit").count()
        links = page.eval_on_selector_all(".hit a", "els => els.map(e => e.href)")
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert images and all(done and width > 0 for done, width in images), "every image loads"
    assert boxes == len(garments) and hits == sum(len(g["hits"]) for g in garments)
    assert links and all(link.startswith(site["base"]) for link in links)
    assert (tmp_path / "report.png").stat().st_size > 10_000
