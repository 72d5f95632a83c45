"""DeepFashion2's consumer-to-shop retrieval protocol: reading its ground truth and results files
and scoring results the way its own evaluation script does, so that any system's results
(ours or another's) get the figures its papers report.

Ground truth (`query_gt.json`, `gallery_gt.json`): lists of items with `query_image_id` (or
`gallery_image_id`), `bbox` [x1, y1, x2, y2], `cls`, `pair_id` and `style`. Results: a list of
detected query items, each with `query_image_id`, `query_bbox`, `query_cls`, `query_score`, and
its ranked gallery items as `gallery_image_id` (a list) and `gallery_bbox` (a list of boxes).

The protocol, as the DeepFashion2 script computes it:

* Only ground-truth query items with style > 0 count, and all of them are the denominator.
* Each detected query item is assigned to the ground-truth query item of its image it overlaps
  most (the script takes the arg-max of IoU with no minimum: a detection that overlaps no item
  goes to the image's first one, where it can only stand in when its class is right).
* A ground-truth item is stood for by the highest-scoring detection assigned to it whose class is
  right; an item with none (no detection in its image, or none assigned and right) is a miss.
* A retrieved gallery item is right when its image holds a ground-truth gallery item of the
  same pair_id and style whose box it overlaps with IoU >= 0.5 (the script's `>=`).
* top-k: the share of counted query items with a right item among their first k retrieved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from street2shop.pipeline.detectors.base import box_iou

KS = (1, 5, 10, 15, 20)
IOU_THRESHOLD = 0.5


class DF2FormatError(Exception):
    """A ground-truth or results file that is not in DeepFashion2's format; names the file and entry."""


@dataclass(frozen=True)
class GTItem:
    image_id: int
    box: tuple[float, float, float, float]
    cls: int
    pair_id: int
    style: int


@dataclass(frozen=True)
class QueryResult:
    image_id: int
    box: tuple[float, float, float, float]
    cls: int
    score: float
    gallery_ids: tuple[int, ...]
    gallery_boxes: tuple[tuple[float, float, float, float], ...]


def _load(path: str | Path) -> list:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DF2FormatError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DF2FormatError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, list):
        raise DF2FormatError(f"{path}: expected a JSON list of items, found {type(data).__name__}")
    return data


def _box(value, where: str) -> tuple[float, float, float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 4 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        raise DF2FormatError(f"{where}: a box is [x1, y1, x2, y2], not {str(value)[:60]}")
    return tuple(float(v) for v in value)  # type: ignore[return-value]


def _int(entry: dict, key: str, where: str) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise DF2FormatError(f"{where}: `{key}` must be an integer, not {value!r}")
    return int(value)


def read_gt(path: str | Path, side: str) -> list[GTItem]:
    """Items of a `query_gt.json` (side "query") or `gallery_gt.json` (side "gallery")."""
    items = []
    for n, entry in enumerate(_load(path)):
        where = f"{path}, item {n}"
        if not isinstance(entry, dict):
            raise DF2FormatError(f"{where}: not an object")
        items.append(GTItem(_int(entry, f"{side}_image_id", where), _box(entry.get("bbox"), where),
                            _int(entry, "cls", where), _int(entry, "pair_id", where), _int(entry, "style", where)))
    return items


def read_results(path: str | Path) -> list[QueryResult]:
    out = []
    for n, entry in enumerate(_load(path)):
        where = f"{path}, result {n}"
        if not isinstance(entry, dict):
            raise DF2FormatError(f"{where}: not an object")
        ids, boxes = entry.get("gallery_image_id"), entry.get("gallery_bbox")
        if not isinstance(ids, list) or not isinstance(boxes, list) or len(ids) != len(boxes):
            raise DF2FormatError(f"{where}: `gallery_image_id` and `gallery_bbox` must be lists of the same length")
        score = entry.get("query_score")
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            raise DF2FormatError(f"{where}: `query_score` must be a number, not {score!r}")
        out.append(QueryResult(
            _int(entry, "query_image_id", where), _box(entry.get("query_bbox"), where), _int(entry, "query_cls", where),
            float(score), tuple(_int({"id": i}, "id", f"{where}, gallery_image_id") for i in ids),
            tuple(_box(b, f"{where}, gallery_bbox") for b in boxes)))
    return out


def write_results(path: str | Path, results: list[QueryResult]) -> None:
    rows = [{"query_image_id": r.image_id, "query_bbox": list(r.box), "query_cls": r.cls, "query_score": r.score,
             "gallery_image_id": list(r.gallery_ids), "gallery_bbox": [list(b) for b in r.gallery_boxes]}
            for r in results]
    Path(path).write_text(json.dumps(rows))


@dataclass
class RetrievalScores:
    top: dict[int, float]  # k -> share of counted query items with a right item in the first k
    query_items: int  # counted ground-truth query items (style > 0)
    missed: int  # counted items no detection stood for

    def as_json(self) -> dict:
        return {f"top-{k}": v for k, v in self.top.items()}


def score(results: list[QueryResult], query_gt: list[GTItem], gallery_gt: list[GTItem],
          ks: tuple[int, ...] = KS) -> RetrievalScores:
    """Score `results` by DeepFashion2's protocol (see the module docstring)."""
    by_image: dict[int, list[QueryResult]] = {}
    for r in results:
        by_image.setdefault(r.image_id, []).append(r)
    gt_by_image: dict[int, list[GTItem]] = {}
    for item in query_gt:
        gt_by_image.setdefault(item.image_id, []).append(item)
    gallery: dict[tuple[int, int], dict[int, list[tuple]]] = {}  # (pair, style) -> image -> boxes
    for g in gallery_gt:
        gallery.setdefault((g.pair_id, g.style), {}).setdefault(g.image_id, []).append(g.box)

    counted = sum(1 for q in query_gt if q.style > 0)
    right = dict.fromkeys(ks, 0)
    missed = 0
    for image_id, items in gt_by_image.items():
        detections = by_image.get(image_id, [])
        # each detection goes to the item it overlaps most; ties (and no overlap) to the first
        assigned = [max(range(len(items)), key=lambda i: (box_iou(d.box, items[i].box), -i)) for d in detections]
        for i, item in enumerate(items):
            if item.style <= 0:
                continue
            standing = [d for d, a in zip(detections, assigned) if a == i and d.cls == item.cls]
            if not standing:
                missed += 1
                continue
            best = max(standing, key=lambda d: d.score)  # the first of equal scores, as arg-max
            truth = gallery.get((item.pair_id, item.style), {})
            first_right = next((rank for rank, (gid, gbox) in enumerate(zip(best.gallery_ids, best.gallery_boxes), 1)
                                if any(box_iou(gbox, t) >= IOU_THRESHOLD for t in truth.get(gid, ()))), None)
            for k in ks:
                if first_right is not None and first_right <= k:
                    right[k] += 1
    return RetrievalScores({k: (right[k] / counted if counted else 0.0) for k in ks}, counted, missed)
