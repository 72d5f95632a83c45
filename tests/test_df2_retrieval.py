"""`street2shop eval --df2-results`: DeepFashion2's retrieval protocol on files the test writes,
with every figure computed by hand (see the comments), corner cases included."""

from __future__ import annotations

import json

import pytest

from crawl_helpers import cli
from street2shop.pipeline.df2_retrieval import DF2FormatError, box_iou, read_gt, read_results, score

# Query image 1: A (counted), B (counted), C (style 0: never counted). Image 2: D, which nothing
# was detected in. Image 3: E, whose only detection has the wrong class.
QUERY_GT = [
    {"query_image_id": 1, "bbox": [0, 0, 100, 100], "cls": 1, "pair_id": 10, "style": 1},  # A
    {"query_image_id": 1, "bbox": [100, 0, 200, 200], "cls": 8, "pair_id": 10, "style": 2},  # B
    {"query_image_id": 1, "bbox": [0, 100, 50, 150], "cls": 3, "pair_id": 10, "style": 0},  # C
    {"query_image_id": 2, "bbox": [0, 0, 50, 50], "cls": 9, "pair_id": 20, "style": 1},  # D
    {"query_image_id": 3, "bbox": [0, 0, 100, 100], "cls": 2, "pair_id": 30, "style": 1},  # E
]
GALLERY_GT = [
    {"gallery_image_id": 100, "bbox": [10, 10, 110, 110], "cls": 1, "pair_id": 10, "style": 1},  # A's
    {"gallery_image_id": 101, "bbox": [0, 0, 50, 50], "cls": 8, "pair_id": 10, "style": 2},  # B's
    {"gallery_image_id": 102, "bbox": [0, 0, 80, 80], "cls": 9, "pair_id": 20, "style": 1},  # D's
    {"gallery_image_id": 103, "bbox": [0, 0, 90, 90], "cls": 2, "pair_id": 30, "style": 1},  # E's
    {"gallery_image_id": 104, "bbox": [0, 0, 90, 90], "cls": 1, "pair_id": 10, "style": 0},  # pair 10, style 0
]
WRONG = (999, [0, 0, 10, 10])


def _result(image, box, cls, score_, gallery):
    return {"query_image_id": image, "query_bbox": box, "query_cls": cls, "query_score": score_,
            "gallery_image_id": [g[0] for g in gallery], "gallery_bbox": [g[1] for g in gallery]}


RESULTS = [
    # Two detections for A. The lower-scoring one finds A's shop item at rank 2 ...
    _result(1, [0, 0, 100, 100], 1, 0.6, [WRONG, (100, [10, 10, 110, 110])]),
    # ... but the higher-scoring one stands for A: rank 1 is A's shop image with a box of IoU
    # 2500 / 17500 = 0.14 (wrong), rank 2 the style-0 item of A's pair (wrong: other style),
    # and the right item only at rank 6.
    _result(1, [5, 5, 100, 100], 1, 0.9, [(100, [60, 60, 160, 160]), (104, [0, 0, 90, 90]), WRONG, WRONG, WRONG,
                                          (100, [10, 10, 110, 110])] + [WRONG] * 14),
    # B: rank 1, with a box of IoU exactly 0.5 (1250 / 2500): the protocol's `>=` counts it.
    _result(1, [100, 0, 200, 200], 8, 0.5, [(101, [0, 0, 50, 25])] + [WRONG] * 19),
    # E: classified as 1, not 2: nothing stands for E, although its shop item is at rank 1.
    _result(3, [0, 0, 100, 100], 1, 0.8, [(103, [0, 0, 90, 90])]),
]
# Counted: A, B, D, E = 4. Right: B within 1, A within 6. Missed: D, E.
EXPECTED = {"top-1": 0.25, "top-5": 0.25, "top-10": 0.5, "top-15": 0.5, "top-20": 0.5}


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, data in (("query_gt.json", QUERY_GT), ("gallery_gt.json", GALLERY_GT), ("results.json", RESULTS)):
        paths[name] = tmp_path / name
        paths[name].write_text(json.dumps(data))
    return paths


def test_box_iou_by_hand():
    assert box_iou([0, 0, 100, 100], [0, 0, 100, 100]) == 1.0
    assert box_iou([0, 0, 50, 50], [0, 0, 50, 25]) == 0.5
    assert box_iou([5, 5, 100, 100], [0, 0, 100, 100]) == pytest.approx(95 * 95 / 10000)
    assert box_iou([0, 0, 10, 10], [20, 20, 30, 30]) == 0.0


def test_scores_match_the_hand_computed_figures(files):
    result = score(read_results(files["results.json"]), read_gt(files["query_gt.json"], "query"),
                   read_gt(files["gallery_gt.json"], "gallery"))
    assert result.as_json() == EXPECTED
    assert result.query_items == 4 and result.missed == 2


def test_a_detection_overlapping_nothing_is_assigned_to_the_first_item(tmp_path):
    # DeepFashion2's script assigns by arg-max IoU with no minimum: a detection overlapping no
    # item goes to the image's first item, and stands for it when its class is right.
    query = [{"query_image_id": 1, "bbox": [0, 0, 10, 10], "cls": 1, "pair_id": 1, "style": 1},
             {"query_image_id": 1, "bbox": [50, 50, 60, 60], "cls": 1, "pair_id": 1, "style": 1}]
    gallery = [{"gallery_image_id": 7, "bbox": [0, 0, 10, 10], "cls": 1, "pair_id": 1, "style": 1}]
    results = [_result(1, [200, 200, 300, 300], 1, 0.9, [(7, [0, 0, 10, 10])])]
    for name, data in (("q.json", query), ("g.json", gallery), ("r.json", results)):
        (tmp_path / name).write_text(json.dumps(data))
    result = score(read_results(tmp_path / "r.json"), read_gt(tmp_path / "q.json", "query"),
                   read_gt(tmp_path / "g.json", "gallery"))
    assert result.top[1] == 0.5 and result.missed == 1  # the first item found; the second missed


def test_cli_prints_one_json_object(files):
    out = cli("eval", "--df2-results", str(files["results.json"]), "--query-gt", str(files["query_gt.json"]),
              "--gallery-gt", str(files["gallery_gt.json"]), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == EXPECTED
    text = cli("eval", "--df2-results", str(files["results.json"]), "--query-gt", str(files["query_gt.json"]),
               "--gallery-gt", str(files["gallery_gt.json"]))
    assert "top-1 0.2500" in text.stdout and "4 query items" in text.stdout and "2 with no detection" in text.stdout


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    (json.dumps({"a": 1}), "expected a JSON list"),
    (json.dumps([{"query_image_id": 1, "query_bbox": [0, 0, 1], "query_cls": 1, "query_score": 1,
                  "gallery_image_id": [], "gallery_bbox": []}]), "a box is [x1, y1, x2, y2]"),
    (json.dumps([{"query_image_id": 1, "query_bbox": [0, 0, 1, 1], "query_cls": 1, "query_score": 1,
                  "gallery_image_id": [1, 2], "gallery_bbox": [[0, 0, 1, 1]]}]), "same length"),
])
def test_bad_results_file_is_one_clear_line(files, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(DF2FormatError, match="bad.json"):
        read_results(bad)
    out = cli("eval", "--df2-results", str(bad), "--query-gt", str(files["query_gt.json"]),
              "--gallery-gt", str(files["gallery_gt.json"]), "--json")
    assert out.returncode == 2 and message in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_the_matcher_runs_over_a_deepfashion2_split(tmp_path):
    """Shop packshots are the gallery; user images show the same garments on a coloured street.
    With the true boxes, A, B and C are found first; D's user item is style 2, which no shop item
    has, so it can never be right; a style-0 item does not count: 3 of 4 at every k."""
    from PIL import Image

    from street2shop.demo.site import build_shop, render_product_image
    from street2shop.pipeline.detectors.categories import category_from_text

    shop = build_shop(16)
    picked, seen = [], set()
    for product in shop.products:
        if product.image_views[0] == "front" and product.category not in seen and category_from_text(product.category):
            picked.append(product)
            seen.add(product.category)
        if len(picked) == 4:
            break
    (tmp_path / "split" / "image").mkdir(parents=True)
    (tmp_path / "split" / "annos").mkdir()

    def write(number, image, source, pair, items):
        image.save(tmp_path / "split" / "image" / f"{number:06d}.jpg", quality=92)
        doc = {"source": source, "pair_id": pair}
        for n, (box, category, style) in enumerate(items, 1):
            doc[f"item{n}"] = {"category_id": category, "bounding_box": list(box), "style": style}
        (tmp_path / "split" / "annos" / f"{number:06d}.json").write_text(json.dumps(doc))

    for n, product in enumerate(picked):
        packshot = render_product_image(product, 0)
        category = category_from_text(product.category)
        write(1 + n, packshot, "shop", 1 + n, [((0, 0, packshot.width, packshot.height), category, 1)])
        street = Image.new("RGB", (packshot.width + 200, packshot.height + 120), (60 + 40 * n, 90, 140))
        street.paste(packshot, (120, 60))
        box = (120, 60, 120 + packshot.width, 60 + packshot.height)
        write(11 + n, street, "user", 1 + n, [(box, category, 2 if n == 3 else 1)])
    write(15, street, "user", 1, [(box, category_from_text(picked[3].category), 0)])

    out = cli("eval", "--df2-data", str(tmp_path / "split"), "--detector", "gt-boxes", "--write-results",
              str(tmp_path / "results.json"), "--json", timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == {f"top-{k}": 0.75 for k in (1, 5, 10, 15, 20)}
    written = json.loads((tmp_path / "results.json").read_text())
    assert {r["query_image_id"] for r in written} == {11, 12, 13, 14, 15}
    assert next(r for r in written if r["query_image_id"] == 11)["gallery_image_id"][0] == 1
    # The written file scores the same through the scorer anyone's results go through.
    from street2shop.pipeline.df2_run import read_split

    split = read_split(tmp_path / "split")
    for side, items in (("query", split.query_gt), ("gallery", split.gallery_gt)):
        (tmp_path / f"{side}_gt.json").write_text(json.dumps([
            {f"{side}_image_id": g.image_id, "bbox": list(g.box), "cls": g.cls, "pair_id": g.pair_id,
             "style": g.style} for g in items]))
    rescored = cli("eval", "--df2-results", str(tmp_path / "results.json"), "--query-gt",
                   str(tmp_path / "query_gt.json"), "--gallery-gt", str(tmp_path / "gallery_gt.json"), "--json")
    assert json.loads(rescored.stdout) == {f"top-{k}": 0.75 for k in (1, 5, 10, 15, 20)}
    no_detector = cli("eval", "--df2-data", str(tmp_path / "split"))
    assert no_detector.returncode == 2 and "--detector gt-boxes" in no_detector.stderr
    both = cli("eval", "--df2-data", str(tmp_path / "split"), "--detector", "gt-boxes", "--encoder", "default-offline",
               "--encoder", "random-offline", timeout=600)
    assert both.returncode == 0, both.stderr[-2000:]
    rows = [line for line in both.stdout.splitlines() if "ground-truth boxes" in line]
    assert len(rows) == 2 and "default-offline" in rows[0] and "random-offline" in rows[1]
    assert "0.750" in rows[0]
