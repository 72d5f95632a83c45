"""One split of a dataset folder as a COCO detection set::

    <out>/annotations.json   {"info", "images", "annotations", "categories"}
    <out>/images/000001.jpg  each image once, its bytes as stored

The COCO is exactly what `pipeline/detectors/df2.py`'s `df2_to_coco` makes of the same rows
exported as a DeepFashion2 split (dataset/deepfashion2.py): it is made that way, so the two
always agree. images: id (the file number), file_name, width, height, source ("user" | "shop"),
pair_id; annotations: id, image_id, category_id, bbox [x, y, w, h], area w*h, iscrowd 0,
segmentation, style, pair_id, source, item ("itemN"), and DeepFashion2's landmarks, scale,
occlusion, zoom_in, viewpoint where the rows have them; categories: the 13 of DeepFashion2.
Boxes without area are left out, counted in info.skipped_degenerate_boxes.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from street2shop.pipeline.detectors.base import DetectorError
from street2shop.pipeline.detectors.categories import coco_categories
from street2shop.pipeline.detectors.df2 import df2_to_coco

from .deepfashion2 import write_df2_folder
from .formats_common import DatasetFormatError, building, check_replaceable

ANNOTATIONS = "annotations.json"
COCO_FILES = {ANNOTATIONS, "images"}


def export_coco(dataset_dir: str | Path, out_dir: str | Path, *, config: str | None = None,
                split: str | None = None) -> dict:
    """One (config, split) of a dataset folder -> COCO at `out_dir`, built aside and swapped in whole."""
    dataset_dir, out_dir = Path(dataset_dir), Path(out_dir)
    check_replaceable(out_dir, COCO_FILES, "COCO export")
    with building(out_dir) as stage:
        summary = write_df2_folder(dataset_dir, stage, config, split)
        coco = _coco(stage) if summary["images"] else {"info": {"skipped_degenerate_boxes": 0}, "images": [],
                                                           "annotations": [], "categories": coco_categories()}
        coco["info"]["description"] = (f"{dataset_dir} ({summary['config']}/{summary['split']}) "
                                       "exported by street2shop")
        os.replace(stage / "image", stage / "images")
        shutil.rmtree(stage / "annos")
        (stage / ANNOTATIONS).write_text(json.dumps(coco), encoding="utf-8")
    return {**summary, "annotations": len(coco["annotations"]),
            "skipped_degenerate_boxes": coco["info"]["skipped_degenerate_boxes"], "out_dir": str(out_dir)}


def _coco(df2_dir: Path) -> dict:
    try:
        return df2_to_coco(df2_dir)
    except DetectorError as exc:  # we wrote that folder: a failure here is a row the export mishandled
        raise DatasetFormatError(f"COCO export: {exc}") from None
