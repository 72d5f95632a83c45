"""Garments found with nothing downloaded: the default detector (trained on the catalog's own
packshots) against the whole frame, on the fixture blog's street scenes, whose true garment
boxes the fixture knows.

    python tests/benchmarks/bench_garments.py

Box recall at IoU 0.5, category accuracy of the boxes found (top-1 and top-2), boxes per image,
training time. The fixture's scenes draw garments with the same renderer as its packshots, so
this is an upper bound for real street photos.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from demo_store import crawl_and_catalog
from results import record


def main() -> None:
    from street2shop.core.store import Store
    from street2shop.demo.match_demo import blog_garment_recall
    from street2shop.demo.site import build_blog, build_shop
    from street2shop.pipeline.catalog import open_catalog
    from street2shop.pipeline.detectors.bootstrap import default_detector

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        crawl_and_catalog(root)
        catalog = open_catalog(Store(root))
        t = time.monotonic()
        detector = default_detector(catalog)
        trained = time.monotonic() - t
    found, whole, images = blog_garment_recall(build_blog(build_shop(48)), detector)
    print(f"{images} street scenes, {found.garments} garments: box recall at IoU 0.5 {found.recall:.3f} "
          f"(whole frame {whole.recall:.3f}); category right {found.category_accuracy:.3f} (top two "
          f"{found.category_top2_accuracy:.3f}); {found.detections / images:.1f} boxes an image; trained in "
          f"{trained:.0f} s on {catalog.items.num_rows} items")
    record("garments", figure={"name": f"default detector, category right {found.category_accuracy:.2f}",
                               "value": round(found.recall, 3), "unit": "box recall at IoU 0.5"},
           baseline={"name": "whole frame", "value": round(whole.recall, 3), "unit": "box recall at IoU 0.5"},
           target="finds garments where the whole frame finds none", met=found.recall > whole.recall,
           details={"garments": found.garments, "found": found.found, "category_accuracy": found.category_accuracy,
                    "category_top2_accuracy": found.category_top2_accuracy, "boxes_per_image": found.detections / images,
                    "train_seconds": round(trained, 1), "catalog_items": catalog.items.num_rows})


if __name__ == "__main__":
    main()
