"""detectron2 backend (``detectron2:<config>``), for users who installed detectron2 themselves.

``<config>`` is a model-zoo name (``COCO-Detection/faster_rcnn_R_101_FPN_3x.yaml``, the seed
paper's family) or a local .yaml file. The model gets 13 classes; ``weights`` is a checkpoint
(path or URL) trained on DeepFashion2. As with the torchvision backend, every box carries the
softmax over the 13 garment classes (detectron2 puts background last; it is dropped and the
rest renormalised), one candidate per proposal, then NMS.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .base import Detection, Detector, DetectorError
from .categories import NUM_CATEGORIES
from .registry import register

PREFIX = "detectron2:"


def _import():
    try:
        import detectron2  # noqa: F401
        from detectron2 import model_zoo
        from detectron2.checkpoint import DetectionCheckpointer
        from detectron2.config import get_cfg
        from detectron2.data import transforms as T
        from detectron2.modeling import build_model
    except ImportError as exc:
        raise DetectorError(
            f"the detectron2 backend needs detectron2, which is not importable here ({exc}); "
            "install it (https://detectron2.readthedocs.io) or use frcnn-r50-fpn-v2"
        ) from None
    return model_zoo, DetectionCheckpointer, get_cfg, T, build_model


class Detectron2Detector(Detector):
    def __init__(self, spec: str, *, weights: str | None = None, device=None, min_size: int | None = None,
                 max_size: int | None = None, box_nms_thresh: float = 0.5, class_agnostic_nms: bool = True,
                 detections_per_img: int = 100):
        import torch

        model_zoo, DetectionCheckpointer, get_cfg, T, build_model = _import()
        config = spec[len(PREFIX):]
        cfg = get_cfg()
        try:
            path = config if Path(config).is_file() else model_zoo.get_config_file(config)
            cfg.merge_from_file(path)
        except Exception as exc:
            raise DetectorError(f"detectron2 config {config!r} cannot be read: {exc}") from None
        cfg.MODEL.ROI_HEADS.NUM_CLASSES = NUM_CATEGORIES
        cfg.MODEL.DEVICE = str(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if min_size:
            cfg.INPUT.MIN_SIZE_TEST = int(min_size)
        if max_size:
            cfg.INPUT.MAX_SIZE_TEST = int(max_size)
        self.cfg = cfg
        self.model = build_model(cfg).eval()
        self.name = spec
        self.weights_id = "random-init"
        if weights is not None:
            from .weights import fetch, file_id

            local = fetch(weights)
            try:
                DetectionCheckpointer(self.model).load(str(local))
            except Exception as exc:
                raise DetectorError(f"cannot load detectron2 weights {weights}: {exc}") from None
            self.weights_id = file_id(local)
        self.aug = T.ResizeShortestEdge([cfg.INPUT.MIN_SIZE_TEST] * 2, cfg.INPUT.MAX_SIZE_TEST)
        self.nms_thresh = float(box_nms_thresh)
        self.class_agnostic_nms = bool(class_agnostic_nms)
        self.detections_per_img = int(detections_per_img)

    def detect(self, images: list, score_threshold: float | None = None) -> list[list[Detection]]:
        import torch
        from torchvision.ops import batched_nms, nms

        out = []
        model = self.model
        score_threshold = self.threshold(score_threshold)
        with torch.inference_mode():
            for image in images:
                rgb = np.asarray(image.convert("RGB"))
                arr = rgb[:, :, ::-1] if self.cfg.INPUT.FORMAT == "BGR" else rgb
                h, w = arr.shape[:2]
                resized = self.aug.get_transform(arr).apply_image(arr)
                tensor = torch.as_tensor(np.ascontiguousarray(resized.transpose(2, 0, 1))).float()
                inputs = [{"image": tensor, "height": h, "width": w}]
                imgs = model.preprocess_image(inputs)
                features = model.backbone(imgs.tensor)
                proposals, _ = model.proposal_generator(imgs, features, None)
                heads = model.roi_heads
                feats = [features[f] for f in heads.box_in_features]
                bf = heads.box_head(heads.box_pooler(feats, [p.proposal_boxes for p in proposals]))
                predictions = heads.box_predictor(bf)
                boxes = heads.box_predictor.predict_boxes(predictions, proposals)[0]
                scores = heads.box_predictor.predict_probs(predictions, proposals)[0]
                fg = scores[:, :NUM_CATEGORIES]  # detectron2: background is the last column
                best, idx = fg.max(dim=1)
                if boxes.shape[1] == 4:  # class-agnostic regression
                    chosen = boxes
                else:
                    chosen = boxes.view(-1, NUM_CATEGORIES, 4)[torch.arange(boxes.shape[0]), idx]
                rh, rw = imgs.image_sizes[0]
                chosen = chosen * torch.tensor([w / rw, h / rh, w / rw, h / rh], device=chosen.device)
                chosen[:, 0::2] = chosen[:, 0::2].clamp(0, w)
                chosen[:, 1::2] = chosen[:, 1::2].clamp(0, h)
                keep = torch.where(best > score_threshold)[0]
                chosen, best, idx, fg = chosen[keep], best[keep], idx[keep], fg[keep]
                keep = nms(chosen, best, self.nms_thresh) if self.class_agnostic_nms else \
                    batched_nms(chosen, best, idx, self.nms_thresh)
                keep = keep[: self.detections_per_img]
                probs = fg[keep] / fg[keep].sum(dim=1, keepdim=True).clamp_min(1e-12)
                out.append([
                    Detection(box=tuple(float(v) for v in chosen[k].tolist()), score=float(best[k]),
                              category=int(idx[k]) + 1, probs=probs[i].cpu().numpy().astype(np.float32))
                    for i, k in enumerate(keep.tolist())
                ])
        return out


@register(PREFIX, prefix=True)
def create(spec: str, *, weights: str | None = None, device=None, **options) -> Detectron2Detector:
    if spec == PREFIX:
        raise DetectorError("detectron2 spec needs a config: detectron2:<model-zoo config or .yaml path>")
    return Detectron2Detector(spec, weights=weights, device=device, **options)
