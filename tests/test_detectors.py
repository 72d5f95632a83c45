"""Garment detector layer: DeepFashion2 -> COCO, torchvision Faster R-CNN with per-box
probabilities, resumable training, pycocotools AP, weights through the real (weights_only) path,
and the whole-image fallback. Small random models at 128 px; no hub is reachable here."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("torchvision")
pytest.importorskip("pycocotools")

from PIL import Image, ImageDraw  # noqa: E402

from street2shop.pipeline.detectors import (  # noqa: E402
    CATEGORY_NAMES, Detection, DetectorError, available_specs, create_detector, detect_or_whole, trim_box,
)
from street2shop.pipeline.detectors.df2 import DF2Dataset, df2_to_coco, read_annotation  # noqa: E402
from street2shop.pipeline.detectors.training import checkpoints, eval_cli, evaluate, train  # noqa: E402

SMALL = {"min_size": 128, "max_size": 128}
SPEC = "frcnn-mobilenet-v3"
TRAIN = dict(iterations=2, batch_size=2, lr=0.005, checkpoint_every=1, warmup_iters=2, **SMALL)

# (category_id, colour, box) per generated item; images alternate "user"/"shop".
ITEMS = [
    (1, (200, 30, 40), (20, 10, 90, 60)),     # short_sleeved_shirt: red block, upper half
    (8, (30, 40, 200), (35, 62, 80, 124)),    # trousers: blue block, lower half
    (9, (30, 160, 60), (25, 64, 100, 110)),   # skirt: green block
]


def _write_df2(root: Path, n: int = 8) -> Path:
    (root / "image").mkdir(parents=True)
    (root / "annos").mkdir()
    rng = np.random.default_rng(0)
    for i in range(1, n + 1):
        im = Image.new("RGB", (128, 128), (235, 235, 235))
        draw = ImageDraw.Draw(im)
        chosen = [ITEMS[0], ITEMS[1] if i % 2 else ITEMS[2]]
        doc = {"source": "user" if i % 2 else "shop", "pair_id": (i + 1) // 2}
        for k, (cid, colour, box) in enumerate(chosen, start=1):
            dx, dy = (int(v) for v in rng.integers(-6, 7, size=2))
            x1, y1, x2, y2 = box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy
            draw.rectangle([x1, y1, x2 - 1, y2 - 1], fill=colour)
            doc[f"item{k}"] = {
                "category_id": cid, "category_name": CATEGORY_NAMES[cid - 1], "style": k if i <= 4 else 0,
                "bounding_box": [x1, y1, x2, y2], "landmarks": [x1, y1, 2, x2, y2, 1],
                "segmentation": [[x1, y1, x2, y1, x2, y2, x1, y2]], "scale": 2, "occlusion": 1,
                "zoom_in": 1, "viewpoint": 2,
            }
        im.save(root / "image" / f"{i:06d}.jpg", quality=95)
        (root / "annos" / f"{i:06d}.json").write_text(json.dumps(doc))
    return root


@pytest.fixture(scope="module")
def df2(tmp_path_factory) -> Path:
    return _write_df2(tmp_path_factory.mktemp("df2") / "train")


@pytest.fixture(scope="module")
def trained(df2, tmp_path_factory):
    """A 2-iteration run cut after iteration 1 (as if killed after its checkpoint), then resumed."""
    out = tmp_path_factory.mktemp("run")
    seen = []
    first = train(df2, out, SPEC, stop_after=1, **TRAIN)
    second = train(df2, out, SPEC, progress=seen.append, **TRAIN)
    return {"out": out, "first": first, "second": second, "progress": seen}


@pytest.fixture(scope="module")
def detector():
    torch.manual_seed(0)
    return create_detector(SPEC, device="cpu", **SMALL)


def _image(colour=(200, 30, 40), box=(30, 20, 90, 100), size=(128, 128)) -> Image.Image:
    im = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(im).rectangle(box, fill=colour)
    return im


# --- categories and conversion -------------------------------------------------------------

def test_categories_are_deepfashion2s():
    assert CATEGORY_NAMES == (
        "short_sleeved_shirt", "long_sleeved_shirt", "short_sleeved_outwear", "long_sleeved_outwear", "vest",
        "sling", "shorts", "trousers", "skirt", "short_sleeved_dress", "long_sleeved_dress", "vest_dress",
        "sling_dress")


def test_df2_to_coco_exact(df2, tmp_path):
    out = tmp_path / "coco.json"
    coco = df2_to_coco(df2, out)
    assert json.loads(out.read_text()) == coco
    assert [c["id"] for c in coco["categories"]] == list(range(1, 14))
    assert [c["name"] for c in coco["categories"]] == list(CATEGORY_NAMES)
    assert [im["id"] for im in coco["images"]] == list(range(1, 9))
    assert coco["images"][0] == {"id": 1, "file_name": "000001.jpg", "width": 128, "height": 128,
                                 "source": "user", "pair_id": 1}
    assert len(coco["annotations"]) == 16
    assert [a["id"] for a in coco["annotations"]] == list(range(1, 17))
    for im in coco["images"]:
        doc = json.loads((df2 / "annos" / im["file_name"].replace(".jpg", ".json")).read_text())
        anns = [a for a in coco["annotations"] if a["image_id"] == im["id"]]
        assert [a["item"] for a in anns] == ["item1", "item2"]
        for a in anns:
            item = doc[a["item"]]
            x1, y1, x2, y2 = item["bounding_box"]
            assert a["bbox"] == [x1, y1, x2 - x1, y2 - y1]
            assert a["area"] == (x2 - x1) * (y2 - y1)
            assert a["category_id"] == item["category_id"] and a["iscrowd"] == 0
            assert a["style"] == item["style"] and a["pair_id"] == doc["pair_id"] and a["source"] == doc["source"]
            assert a["segmentation"] == item["segmentation"] and a["landmarks"] == item["landmarks"]
            assert (a["scale"], a["occlusion"], a["zoom_in"], a["viewpoint"]) == (2, 1, 1, 2)


def test_items_in_numeric_order_and_bad_annotations(tmp_path):
    root = _write_df2(tmp_path / "s", n=1)
    anno = root / "annos" / "000001.json"
    doc = json.loads(anno.read_text())
    for k in range(3, 11):
        doc[f"item{k}"] = dict(doc["item1"])
    anno.write_text(json.dumps(doc))
    assert [k for k, _ in read_annotation(anno)["items"]] == [f"item{k}" for k in range(1, 11)]

    doc["item2"]["category_id"] = 14
    anno.write_text(json.dumps(doc))
    with pytest.raises(DetectorError, match=r"000001\.json.*category_id 14"):
        df2_to_coco(root)
    anno.write_text("{not json")
    with pytest.raises(DetectorError, match="not readable JSON"):
        df2_to_coco(root)
    (root / "image" / "000001.jpg").unlink()
    with pytest.raises(DetectorError, match="no image 000001"):
        df2_to_coco(root)
    with pytest.raises(DetectorError, match="not a DeepFashion2 split"):
        df2_to_coco(tmp_path / "nowhere")


def test_dataset_targets(df2):
    ds = DF2Dataset(df2)
    image, target = ds[0]
    assert tuple(image.shape) == (3, 128, 128) and float(image.max()) <= 1.0
    coco = ds.coco
    x, y, w, h = coco["annotations"][0]["bbox"]
    assert target["boxes"][0].tolist() == [x, y, x + w, y + h]
    assert target["labels"].tolist() == [1, 8]


# --- detection with per-box probabilities ----------------------------------------------------

def test_detect_returns_all_13_probabilities(detector):
    images = [_image(), _image((30, 40, 200), (10, 50, 120, 120), size=(160, 120))]
    results = detector.detect(images, score_threshold=0.0)
    assert len(results) == 2 and all(results)
    for im, dets in zip(images, results):
        scores = [d.score for d in dets]
        assert scores == sorted(scores, reverse=True)
        for d in dets:
            assert isinstance(d, Detection) and not d.whole_image
            assert d.probs.shape == (13,) and d.probs.dtype == np.float32
            assert abs(float(d.probs.sum()) - 1.0) < 1e-5 and (d.probs >= 0).all()
            assert int(np.argmax(d.probs)) + 1 == d.category
            top = detector.top_categories(d, k=2)
            assert top[0][0] == d.category and top[0][1] >= top[1][1] and top[0][0] != top[1][0]
            x1, y1, x2, y2 = d.box
            assert 0 <= x1 <= x2 <= im.width and 0 <= y1 <= y2 <= im.height
            assert 0 < d.score <= 1


def test_prob_heads_agree_with_torchvision_postprocess(detector):
    """Our per-proposal decoding gives torchvision's own best detection, and the softmax ratios."""
    from torchvision.models.detection.roi_heads import RoIHeads

    heads = detector.model.roi_heads
    g = torch.Generator().manual_seed(1)
    n = 50
    xy = torch.rand(n, 2, generator=g) * 80
    proposals = [torch.cat([xy, xy + 10 + torch.rand(n, 2, generator=g) * 40], dim=1)]
    logits = torch.randn(n, 14, generator=g) * 3
    regression = torch.randn(n, 14 * 4, generator=g) * 0.1
    shapes = [(128, 128)]
    ours = heads.postprocess_with_probs(logits, regression, proposals, shapes)[0]
    tv_boxes, tv_scores, tv_labels = RoIHeads.postprocess_detections(heads, logits, regression, proposals, shapes)
    best = int(torch.argmax(tv_scores[0]))
    assert torch.allclose(ours["scores"][0], tv_scores[0][best])
    assert int(ours["labels"][0]) == int(tv_labels[0][best])
    assert torch.allclose(ours["boxes"][0], tv_boxes[0][best])
    soft = torch.softmax(logits, -1)[:, 1:]
    row = int(torch.where(torch.isclose(soft.max(1).values, ours["scores"][0]))[0][0])
    assert torch.allclose(ours["probs"][0], soft[row] / soft[row].sum())
    # class-agnostic NMS: no two kept boxes overlap more than the NMS threshold
    from torchvision.ops import box_iou
    iou = box_iou(ours["boxes"], ours["boxes"]).fill_diagonal_(0)
    assert float(iou.max()) <= heads.nms_thresh + 1e-6


# --- weights: files, URLs, errors -------------------------------------------------------------

def test_weights_roundtrip_identical_outputs(detector, tmp_path):
    path = Path(detector.save(tmp_path / "det.pt"))
    torch.load(path, weights_only=True)  # the real loading path accepts the file
    again = create_detector(weights=str(path), device="cpu")  # spec comes from the file
    assert again.name == SPEC and again.config["min_size"] == 128
    assert len(again.weights_id) == 16 and again.weights_id != detector.weights_id
    images = [_image((30, 160, 60), (5, 5, 60, 120))]
    a, b = detector.detect(images, score_threshold=0.0), again.detect(images, score_threshold=0.0)
    assert [len(x) for x in a] == [len(x) for x in b]
    for da, db in zip(sum(a, []), sum(b, [])):
        assert da.box == db.box and da.score == db.score and da.category == db.category
        assert np.array_equal(da.probs, db.probs)
    # a bare state dict loads as well
    bare = tmp_path / "bare.pth"
    torch.save(detector.state_dict(), bare)
    plain = create_detector(SPEC, weights=str(bare), device="cpu", **SMALL)
    assert [d.box for d in plain.detect(images[:1], 0.0)[0]] == [d.box for d in a[0]]


def test_weights_from_url(detector, tmp_path, monkeypatch):
    served = tmp_path / "srv"
    served.mkdir()
    detector.save(served / "df2-mnv3.pt")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hub = tmp_path / "hub"
    monkeypatch.setattr(torch.hub, "_hub_dir", str(hub))
    try:
        url = f"http://127.0.0.1:{server.server_port}/df2-mnv3.pt"
        det = create_detector(SPEC, weights=url, device="cpu")
        assert (hub / "checkpoints" / "df2-mnv3.pt").is_file()
        im = [_image()]
        assert [d.box for d in det.detect(im, 0.0)[0]] == [d.box for d in detector.detect(im, 0.0)[0]]
        with pytest.raises(DetectorError, match="cannot download detector weights from http://127.0.0.1"):
            create_detector(SPEC, weights=f"http://127.0.0.1:{server.server_port}/missing.pt")
    finally:
        server.shutdown()


def test_weights_errors(detector, tmp_path):
    import datetime

    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(b"PK\x03\x04 this is not a torch file" * 10)
    with pytest.raises(DetectorError, match=r"cannot load detector weights .*corrupt\.pt") as err:
        create_detector(SPEC, weights=str(corrupt))
    assert "\n" not in str(err.value)
    with pytest.raises(DetectorError, match="not found"):
        create_detector(SPEC, weights=str(tmp_path / "absent.pt"))
    pickled = tmp_path / "pickled.pt"
    torch.save({"when": datetime.date(2024, 1, 1)}, pickled)  # arbitrary objects are refused (weights_only)
    with pytest.raises(DetectorError, match="pickled.pt"):
        create_detector(SPEC, weights=str(pickled))
    mine = Path(detector.save(tmp_path / "m.pt"))
    with pytest.raises(DetectorError, match="are for 'frcnn-mobilenet-v3', not 'frcnn-r50-fpn-v2'"):
        create_detector("frcnn-r50-fpn-v2", weights=str(mine))
    from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_fpn
    coco_like = tmp_path / "coco91.pth"
    torch.save(fasterrcnn_mobilenet_v3_large_fpn(weights=None, weights_backbone=None, num_classes=91).state_dict(),
               coco_like)
    with pytest.raises(DetectorError, match="pretrained_backbone"):
        create_detector(SPEC, weights=str(coco_like))
    with pytest.raises(DetectorError, match="unknown detector 'yolo'.*frcnn-r50-fpn-v2"):
        create_detector("yolo")
    with pytest.raises(DetectorError, match="unknown detector option"):
        create_detector(SPEC, min_sise=3)


def test_pretrained_backbone_from_files(tmp_path):
    from torchvision.models import mobilenet_v3_large
    from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_fpn
    from torchvision.ops.misc import FrozenBatchNorm2d

    torch.manual_seed(3)
    clf = mobilenet_v3_large(weights=None)
    path = tmp_path / "mobilenet_v3_large-imagenet.pth"
    torch.save(clf.state_dict(), path)
    det = create_detector(SPEC, pretrained_backbone=str(path), device="cpu", **SMALL)
    body = det.model.backbone.body
    assert torch.equal(body.state_dict()["0.0.weight"], clf.state_dict()["features.0.0.weight"])
    assert any(isinstance(m, FrozenBatchNorm2d) for m in body.modules())
    assert not body.state_dict()["0.0.weight"].requires_grad and not next(body.parameters()).requires_grad
    assert det.weights_id.startswith("random-head+classifier:")

    coco = fasterrcnn_mobilenet_v3_large_fpn(weights=None, weights_backbone=None, num_classes=91)
    cpath = tmp_path / "fasterrcnn_mobilenet_v3_large_fpn-coco.pth"
    torch.save(coco.state_dict(), cpath)
    det2 = create_detector(SPEC, pretrained_backbone=str(cpath), device="cpu", **SMALL)
    sd = det2.model.state_dict()
    assert torch.equal(sd["rpn.head.conv.0.0.weight"], coco.state_dict()["rpn.head.conv.0.0.weight"])
    assert sd["roi_heads.box_predictor.cls_score.weight"].shape[0] == 14
    unrelated = tmp_path / "unrelated.pth"
    torch.save({"foo.weight": torch.zeros(3)}, unrelated)
    with pytest.raises(DetectorError, match="no tensor matches"):
        create_detector(SPEC, pretrained_backbone=str(unrelated))


# --- training, resume, evaluation -----------------------------------------------------------

@pytest.mark.slow  # trains a detector
def test_train_resumes_from_checkpoint(trained):
    first, second = trained["first"], trained["second"]
    assert first["start_step"] == 0 and first["steps"] == 1 and first["resumed_from"] is None
    assert not first["finished"] and second["finished"]
    assert second["start_step"] == 1 and second["steps"] == 2
    assert second["resumed_from"].endswith("ckpt-00000001.pt")
    assert [p["step"] for p in trained["progress"]] == [2]
    assert [s for s, _ in checkpoints(trained["out"])] == [1, 2]
    ck = torch.load(checkpoints(trained["out"])[-1][1], weights_only=True)
    assert ck["step"] == 2 and ck["spec"] == SPEC and "optimizer" in ck
    assert np.isfinite(second["losses"]["loss"])
    assert second["images"] == 8 and second["annotations"] == 16
    assert not list((trained["out"] / "checkpoints").glob("*.tmp"))


@pytest.mark.slow  # trains a detector
def test_resumed_run_equals_uninterrupted(df2, trained, tmp_path):
    """Resuming restores model, momentum, RNG and data order: same weights as one straight run."""
    straight = train(df2, tmp_path, SPEC, **{**TRAIN, "checkpoint_every": 100})
    a = torch.load(straight["weights"], weights_only=True)["state_dict"]
    b = torch.load(trained["second"]["weights"], weights_only=True)["state_dict"]
    assert a.keys() == b.keys()
    for k in a:
        assert torch.allclose(a[k].float(), b[k].float(), atol=1e-5), k


@pytest.mark.slow  # trains a detector
def test_train_refuses_other_spec_in_same_dir(df2, trained):
    with pytest.raises(DetectorError, match="cannot resume it as 'frcnn-r50-fpn-v2'"):
        train(df2, trained["out"], "frcnn-r50-fpn-v2", iterations=3)


@pytest.mark.slow  # trains a detector
def test_eval_reports_coco_box_ap(df2, trained):
    result = eval_cli(trained["second"]["weights"], str(df2), score_threshold=0.0)
    for key in ("AP", "AP50", "AP75"):
        assert 0.0 <= result[key] <= 1.0
    assert result["images"] == 8 and result["annotations"] == 16 and result["detections"] > 0
    assert "Average Precision" in result["report"]
    assert set(result["per_category"]) <= {"short_sleeved_shirt", "trousers", "skirt"}


def test_eval_perfect_detector_scores_one(df2):
    """pycocotools wiring: a detector that returns the ground truth gets AP 1."""
    from street2shop.pipeline.detectors import Detector

    coco = df2_to_coco(df2)

    class Oracle(Detector):
        name = "oracle"

        def __init__(self):
            self.order = iter(coco["images"])

        def detect(self, images, score_threshold=0.3):
            out = []
            for _ in images:
                im = next(self.order)
                anns = [a for a in coco["annotations"] if a["image_id"] == im["id"]]
                out.append([Detection((a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2],
                                       a["bbox"][1] + a["bbox"][3]), 0.9, a["category_id"],
                                      np.eye(13, dtype=np.float32)[a["category_id"] - 1]) for a in anns])
            return out

    result = evaluate(Oracle(), df2)
    assert result["AP"] == pytest.approx(1.0) and result["AP50"] == pytest.approx(1.0)


# --- fallback and other backends ------------------------------------------------------------

def test_whole_image_fallback(detector):
    im = _image(box=(30, 20, 89, 99))
    dets = detect_or_whole(im, detector, score_threshold=1.01)  # nothing can pass
    assert len(dets) == 1 and dets[0].whole_image
    assert dets[0].box == (30.0, 20.0, 90.0, 100.0) == trim_box(im)
    assert abs(float(dets[0].probs.sum()) - 1) < 1e-6 and dets[0].score == 0.0
    assert trim_box(Image.new("RGB", (40, 30), "white")) == (0.0, 0.0, 40.0, 30.0)
    found = detect_or_whole(im, detector, score_threshold=0.0)
    assert found and not any(d.whole_image for d in found)


def _has_detectron2() -> bool:
    try:
        import detectron2  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(_has_detectron2(), reason="detectron2 is installed: the missing-package error cannot happen")
def test_detectron2_missing_gives_clear_error():
    assert "detectron2:<config>" in available_specs()
    with pytest.raises(DetectorError, match="needs detectron2"):
        create_detector("detectron2:COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml")


@pytest.mark.skipif(not _has_detectron2(), reason="detectron2 is not importable here (no wheel for this Python/torch)")
def test_detectron2_backend_probs():
    det = create_detector("detectron2:COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml", device="cpu", min_size=128,
                          max_size=128)
    dets = det.detect([_image()], score_threshold=0.0)[0]
    for d in dets:
        assert d.probs.shape == (13,) and abs(float(d.probs.sum()) - 1) < 1e-5
        assert int(np.argmax(d.probs)) + 1 == d.category


@pytest.mark.slow  # trains a detector
def test_cli_train_then_eval(df2, tmp_path):
    """`street2shop detector train` and `detector eval` end to end, from the command line."""
    import json
    import subprocess
    import sys

    def run(*args):
        return subprocess.run([sys.executable, "-m", "street2shop.cli", "detector", *args],
                              capture_output=True, text=True, timeout=600)

    out = tmp_path / "run"
    trained = run("train", str(df2), str(out), "--spec", "frcnn-mobilenet-v3", "--iterations", "2",
                  "--checkpoint-every", "1", "--min-size", "128")
    assert trained.returncode == 0, trained.stderr[-3000:]
    assert (out / "model.pt").exists()
    result = run("eval", str(out / "model.pt"), str(df2), "--min-size", "128")
    assert result.returncode == 0, result.stderr[-3000:]
    metrics = json.loads(result.stdout)
    assert 0.0 <= metrics["AP"] <= 1.0 and "AP50" in metrics
    bad = run("eval", str(tmp_path / "missing.pt"), str(df2))
    assert bad.returncode == 2 and "missing.pt" in bad.stderr and "Traceback" not in bad.stderr
