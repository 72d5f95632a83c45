"""Our matcher over a DeepFashion2-format split: shop images are the gallery, user images the
queries; the result is DeepFashion2's retrieval-results list, scored by `df2_retrieval.score`
against the split's own ground truth (or written out for anyone's scorer).

Garments are found by a detector (DeepFashion2 weights) or taken from the ground-truth boxes
(`gt_boxes`: retrieval alone, as papers report it beside the end-to-end figure). Crops are cut
as the catalog cuts them; each query searches the gallery items of its `top_categories`
likeliest categories (its own class, with ground-truth boxes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from street2shop.pipeline import normalise as norm
from street2shop.pipeline.detectors.df2 import iter_split, read_annotation
from street2shop.pipeline.df2_retrieval import GTItem, QueryResult
from street2shop.pipeline.index import exact_top_k

TOP_K = 20


@dataclass
class Split:
    query_gt: list[GTItem]
    gallery_gt: list[GTItem]
    images: dict[int, tuple[Path, str]]  # image id -> (path, "user" | "shop")


def read_split(data_dir: str | Path) -> Split:
    """Ground truth of a DeepFashion2-format split, as its query_gt / gallery_gt files hold it:
    user images' items are queries, shop images' items the gallery."""
    pairs = list(iter_split(data_dir))
    numeric = all(anno.stem.isdigit() for _, anno in pairs)
    split = Split([], [], {})
    for n, (image, anno) in enumerate(pairs, 1):
        image_id = int(anno.stem) if numeric else n
        doc = read_annotation(anno)
        side = "query" if doc["source"] == "user" else "gallery"
        split.images[image_id] = (image, doc["source"])
        for _, item in doc["items"]:
            gt = GTItem(image_id, tuple(float(v) for v in item["bounding_box"]), int(item["category_id"]),
                        int(doc["pair_id"] or 0), int(item.get("style") or 0))
            (split.query_gt if side == "query" else split.gallery_gt).append(gt)
    return split


def _garments(split: Split, source: str, truth: list[GTItem], detector, gt_boxes: bool):
    """(image id, box, category, category probs or None, score) of each garment of `source` images."""
    by_image: dict[int, list[GTItem]] = {}
    for item in truth:
        by_image.setdefault(item.image_id, []).append(item)
    for image_id, (path, side) in sorted(split.images.items()):
        if side != source:
            continue
        image = norm.load_image(path.read_bytes())
        if gt_boxes:
            for item in by_image.get(image_id, []):
                yield image, image_id, item.box, item.cls, None, 1.0
        else:
            for det in detector.detect([image])[0]:
                yield image, image_id, det.box, det.category, det.probs, det.score


def run_retrieval(data_dir: str | Path, encoder, *, detector=None, gt_boxes: bool = False, image_size: int = 224,
                  top_categories: int = 2, split: Split | None = None) -> list[QueryResult]:
    if detector is None and not gt_boxes:
        raise ValueError("give a detector or use the ground-truth boxes")
    split = split or read_split(data_dir)
    gallery = list(_garments(split, "shop", split.gallery_gt, detector, gt_boxes))
    if not gallery:
        return []
    g_vectors = encoder.encode_images([norm.normalise(im, box=box, size=image_size, trim=False).image
                                       for im, _, box, *_ in gallery])
    g_cats = np.array([cat for _, _, _, cat, _, _ in gallery])
    results = []
    for image, image_id, box, cat, probs, score in _garments(split, "user", split.query_gt, detector, gt_boxes):
        vector = encoder.encode_images([norm.normalise(image, box=box, size=image_size, trim=False).image])
        wanted = [cat] if probs is None else list(np.argsort(-probs)[:max(1, top_categories)] + 1)
        pool = np.flatnonzero(np.isin(g_cats, wanted)) if top_categories else np.arange(len(gallery))
        if not len(pool):
            pool = np.arange(len(gallery))
        _, local = exact_top_k(vector, g_vectors[pool], TOP_K)
        hits = [gallery[pool[i]] for i in local[0] if i >= 0]
        results.append(QueryResult(image_id, tuple(box), int(cat), float(score), tuple(h[1] for h in hits),
                                   tuple(tuple(h[2]) for h in hits)))
    return results
