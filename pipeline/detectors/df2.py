"""DeepFashion2 annotations: reading, conversion to COCO, and a torch Dataset for training.

Layout (as DeepFashion2 ships each split)::

    <data_dir>/image/000001.jpg
    <data_dir>/annos/000001.json   # {"source": "user"|"shop", "pair_id": 1,
                                   #  "item1": {"category_id": 1, "category_name": ..., "style": 1,
                                   #            "bounding_box": [x1, y1, x2, y2], "landmarks": [...],
                                   #            "segmentation": [[...]], "scale": 1, "occlusion": 1,
                                   #            "zoom_in": 1, "viewpoint": 2}, "item2": {...}, ...}

COCO output: ``images`` (id, file_name, width, height, plus ``source`` and ``pair_id``),
``annotations`` (id, image_id, category_id, bbox [x, y, w, h], area = w*h as DeepFashion2's own
converter computes it, iscrowd 0, segmentation, and the DF2 fields style, pair_id, source,
landmarks, scale, occlusion, zoom_in, viewpoint), ``categories`` (the 13, ids 1..13).
Image ids are the file numbers (``000123.json`` -> 123) when every name is a number, else
1..N in name order. Items are taken in numeric order (item2 before item10).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .base import DetectorError
from .categories import CATEGORIES, coco_categories

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".bmp")
ITEM_RE = re.compile(r"^item(\d+)$")
EXTRA_FIELDS = ("landmarks", "scale", "occlusion", "zoom_in", "viewpoint")


def _find_image(image_dir: Path, stem: str) -> Path | None:
    for ext in IMAGE_EXTS:
        for cand in (image_dir / (stem + ext), image_dir / (stem + ext.upper())):
            if cand.is_file():
                return cand
    return None


def read_annotation(path: str | os.PathLike) -> dict:
    """One DF2 JSON, checked: returns {"source", "pair_id", "items": [(n, item dict), ...]}."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DetectorError(f"DeepFashion2 annotation {path}: not readable JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise DetectorError(f"DeepFashion2 annotation {path}: expected a JSON object")
    items = []
    for key, item in doc.items():
        m = ITEM_RE.match(key)
        if not m:
            continue
        if not isinstance(item, dict):
            raise DetectorError(f"DeepFashion2 annotation {path}: {key} is not an object")
        try:
            cid = int(item["category_id"])
            box = [float(v) for v in item["bounding_box"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise DetectorError(f"DeepFashion2 annotation {path}: {key} lacks a valid category_id/bounding_box ({exc})") from None
        if cid not in CATEGORIES:
            raise DetectorError(f"DeepFashion2 annotation {path}: {key} has category_id {cid}, not 1..13")
        if len(box) != 4:
            raise DetectorError(f"DeepFashion2 annotation {path}: {key} bounding_box must be [x1, y1, x2, y2]")
        items.append((int(m.group(1)), key, item))
    items.sort()
    return {"source": doc.get("source"), "pair_id": doc.get("pair_id"), "items": [(k, it) for _, k, it in items]}


def iter_split(data_dir: str | os.PathLike):
    """(image path, annotation path) for every annos/*.json of a DF2 split, in name order."""
    data_dir = Path(data_dir)
    annos, images = data_dir / "annos", data_dir / "image"
    if not annos.is_dir() or not images.is_dir():
        raise DetectorError(f"{data_dir}: not a DeepFashion2 split (needs image/ and annos/ folders)")
    for anno in sorted(annos.glob("*.json")):
        img = _find_image(images, anno.stem)
        if img is None:
            raise DetectorError(f"DeepFashion2 annotation {anno}: no image {anno.stem}.* in {images}")
        yield img, anno


def df2_to_coco(data_dir: str | os.PathLike, out_path: str | os.PathLike | None = None) -> dict:
    """Convert a DF2 split to a COCO dict (written to ``out_path`` when given, atomically)."""
    from PIL import Image

    pairs = list(iter_split(data_dir))
    if not pairs:
        raise DetectorError(f"{data_dir}: no annotations in annos/")
    numeric = all(a.stem.isdigit() for _, a in pairs)
    ids = [int(a.stem) for _, a in pairs] if numeric and len({int(a.stem) for _, a in pairs}) == len(pairs) \
        else list(range(1, len(pairs) + 1))
    images, annotations, skipped = [], [], 0
    for image_id, (img_path, anno_path) in zip(ids, pairs):
        doc = read_annotation(anno_path)
        try:
            with Image.open(img_path) as im:
                width, height = im.size
        except Exception as exc:
            raise DetectorError(f"DeepFashion2 image {img_path}: cannot be read ({exc})") from None
        images.append({
            "id": image_id, "file_name": img_path.name, "width": width, "height": height,
            "source": doc["source"], "pair_id": doc["pair_id"],
        })
        for key, item in doc["items"]:
            x1, y1, x2, y2 = (float(v) for v in item["bounding_box"])
            w, h = x2 - x1, y2 - y1
            if w <= 0 or h <= 0:
                skipped += 1
                continue
            ann = {
                "id": len(annotations) + 1, "image_id": image_id, "category_id": int(item["category_id"]),
                "bbox": [x1, y1, w, h], "area": w * h, "iscrowd": 0,
                "segmentation": item.get("segmentation") or [],
                "style": item.get("style", 0), "pair_id": doc["pair_id"], "source": doc["source"],
                "item": key,
            }
            for f in EXTRA_FIELDS:
                if f in item:
                    ann[f] = item[f]
            annotations.append(ann)
    coco = {
        "info": {"description": f"DeepFashion2 split {Path(data_dir).name} converted by street2shop",
                 "skipped_degenerate_boxes": skipped},
        "images": images, "annotations": annotations, "categories": coco_categories(),
    }
    if out_path is not None:
        out_path = Path(out_path)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_path.with_name(f".{out_path.name}.tmp")
        tmp.write_text(json.dumps(coco), encoding="utf-8")
        os.replace(tmp, out_path)
    return coco


class DF2Dataset:
    """torch-style Dataset over a DF2 split: (CHW float image in [0, 1], target dict).

    target: ``boxes`` (N, 4) float xyxy pixels, ``labels`` (N,) int64 1..13, ``image_id``.
    """

    def __init__(self, data_dir: str | os.PathLike, coco: dict | None = None):
        self.data_dir = Path(data_dir)
        self.coco = coco if coco is not None else df2_to_coco(self.data_dir)
        self.images = self.coco["images"]
        self.by_image: dict[int, list[dict]] = {im["id"]: [] for im in self.images}
        for ann in self.coco["annotations"]:
            self.by_image[ann["image_id"]].append(ann)

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, i: int):
        import torch
        from PIL import Image
        from torchvision.transforms.functional import pil_to_tensor

        info = self.images[i]
        path = self.data_dir / "image" / info["file_name"]
        try:
            with Image.open(path) as im:
                tensor = pil_to_tensor(im.convert("RGB")).float().div_(255.0)
        except Exception as exc:
            raise DetectorError(f"DeepFashion2 image {path}: cannot be read ({exc})") from None
        anns = self.by_image[info["id"]]
        boxes = torch.tensor([[a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]]
                              for a in anns], dtype=torch.float32).reshape(-1, 4)
        labels = torch.tensor([a["category_id"] for a in anns], dtype=torch.int64)
        return tensor, {"boxes": boxes, "labels": labels, "image_id": int(info["id"])}


def collate(batch):
    return [b[0] for b in batch], [b[1] for b in batch]
