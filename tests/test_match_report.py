"""The matching report escapes everything that comes from pages, file names and models, and
links only to http(s)."""

from __future__ import annotations

import json

from PIL import Image

from street2shop.core.store import Store
from street2shop.pipeline.match_report import write_report


def test_hostile_names_and_links_are_shown_as_text(tmp_path):
    out = tmp_path / "results"
    (out / "thumbs").mkdir(parents=True)
    Image.new("RGB", (40, 30), "white").save(out / "thumbs" / "a.jpg")
    evil_input = 'photo"><img src=x onerror=alert(1)>.jpg'
    hit = {"rank": 1, "score": 0.9, "item_id": "i1", "name": "<script>alert('name')</script>", "brand": "<b>B</b>",
           "shop": "s&s", "price": "10", "currency": "EUR", "availability": "InStock",
           "url": "javascript:alert(1)", "image_sha256": None, "image_url": None}
    safe_hit = {**hit, "rank": 2, "name": "Plain", "url": "https://shop.example/p/1?a=1&b=<2>"}
    garment = {"input": evil_input, "kind": "image", "frame_time": None, "scene": None, "index": 0,
               "box": [1, 2, 30, 20], "category": 1, "category_name": "short_sleeved_shirt\"><i>",
               "category_prob": 0.8, "detection_score": 0.7, "whole_image": False, "categories_searched": [1, 2],
               "hits": [hit, safe_hit]}
    (out / "matches.jsonl").write_text(json.dumps(garment) + "\n")
    (out / "inputs.jsonl").write_text(json.dumps({"input": evil_input, "kind": "image", "status": "ok",
                                                  "garments": 1, "width": 40, "height": 30,
                                                  "thumb": "thumbs/a.jpg"}) + "\n"
                                      + json.dumps({"input": "<u>broken</u>.jpg", "kind": "image", "status": "error",
                                                    "garments": 0, "error": "not an image <b>x</b>"}) + "\n")
    (out / "timeline.jsonl").write_text("")
    page = write_report(out, Store(tmp_path / "store")).read_text()
    for raw in ("<script>", "<img src=x", "<b>B</b>", "<u>broken", "<b>x</b>", '"><i>', "javascript:"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in page
    assert 'href="https://shop.example/p/1?a=1&amp;b=&lt;2&gt;"' in page
    assert page.count('class="box"') == 1 and "1 of 2 inputs matched" in page
