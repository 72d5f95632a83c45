"""torchvision Faster R-CNN backends: ``frcnn-r50-fpn-v2`` and ``frcnn-mobilenet-v3``.

The models are torchvision's own (``fasterrcnn_resnet50_fpn_v2``,
``fasterrcnn_mobilenet_v3_large_fpn``) with 14 classes (background + DeepFashion2's 13).
Only the box post-processing differs: torchvision's ``RoIHeads`` turns every (proposal, class)
pair into a candidate and returns one label per box, losing the rest of the softmax.
``ProbRoIHeads`` keeps one candidate per proposal -- its best garment class, the box regressed
for that class and its probability -- runs NMS over those, and returns the softmax over the 13
garment classes (renormalised without background) with every kept box, so that matching can
search a box's top-2 categories. Training is torchvision's code path, unchanged.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torchvision.models.detection.roi_heads import RoIHeads
from torchvision.ops import boxes as box_ops
from torchvision.ops.misc import FrozenBatchNorm2d

from street2shop.pipeline.devices import pick_device

from .base import Detection, Detector, DetectorError
from .categories import NUM_CATEGORIES
from .registry import register

NUM_CLASSES = NUM_CATEGORIES + 1  # index 0 is background

SPECS = ("frcnn-r50-fpn-v2", "frcnn-mobilenet-v3")

#: build options and their defaults (recorded in weights files and checkpoints).
DEFAULT_CONFIG: dict = {
    "min_size": 800,             # shorter side after resizing (detectron2's and torchvision's default)
    "max_size": 1333,
    "frozen_bn": False,          # backbone BatchNorm frozen (set when a pretrained backbone is loaded)
    "trainable_backbone_layers": None,  # with a pretrained backbone: 3 (torchvision's default)
    "box_score_thresh": 0.05,
    "box_nms_thresh": 0.5,
    "detections_per_img": 100,
    "class_agnostic_nms": True,  # one garment, one box: NMS across categories
}
#: options that change the parameters' layout; they come from the weights file, not the caller.
STRUCTURAL = ("frozen_bn",)


class ProbRoIHeads(RoIHeads):
    """RoIHeads whose inference output also carries ``probs`` (N, 13) for each kept box."""

    class_agnostic_nms: bool = True

    def forward(self, features, proposals, image_shapes, targets=None):
        if self.training:
            return super().forward(features, proposals, image_shapes, targets)
        box_features = self.box_roi_pool(features, proposals, image_shapes)
        box_features = self.box_head(box_features)
        class_logits, box_regression = self.box_predictor(box_features)
        return self.postprocess_with_probs(class_logits, box_regression, proposals, image_shapes), {}

    def postprocess_with_probs(self, class_logits, box_regression, proposals, image_shapes):
        counts = [p.shape[0] for p in proposals]
        pred_boxes = self.box_coder.decode(box_regression, proposals)  # (N, C, 4)
        pred_scores = F.softmax(class_logits, -1)                      # (N, C)
        results = []
        for boxes, scores, shape in zip(pred_boxes.split(counts, 0), pred_scores.split(counts, 0), image_shapes):
            fg = scores[:, 1:]
            best, idx = fg.max(dim=1)
            labels = idx + 1
            boxes = boxes[torch.arange(boxes.shape[0], device=boxes.device), labels]
            boxes = box_ops.clip_boxes_to_image(boxes, shape)
            keep = torch.where(best > self.score_thresh)[0]
            boxes, best, labels, fg = boxes[keep], best[keep], labels[keep], fg[keep]
            keep = box_ops.remove_small_boxes(boxes, min_size=1e-2)
            boxes, best, labels, fg = boxes[keep], best[keep], labels[keep], fg[keep]
            if self.class_agnostic_nms:
                keep = box_ops.nms(boxes, best, self.nms_thresh)
            else:
                keep = box_ops.batched_nms(boxes, best, labels, self.nms_thresh)
            keep = keep[: self.detections_per_img]
            fg = fg[keep]
            probs = fg / fg.sum(dim=1, keepdim=True).clamp_min(1e-12)
            results.append({"boxes": boxes[keep], "scores": best[keep], "labels": labels[keep], "probs": probs})
        return results


def _freeze_bn(module: nn.Module) -> None:
    """Replace every BatchNorm2d under ``module`` by a FrozenBatchNorm2d with the same statistics."""
    for name, child in list(module.named_children()):
        if isinstance(child, nn.BatchNorm2d):
            frozen = FrozenBatchNorm2d(child.num_features, eps=child.eps)
            with torch.no_grad():
                frozen.weight.copy_(child.weight)
                frozen.bias.copy_(child.bias)
                frozen.running_mean.copy_(child.running_mean)
                frozen.running_var.copy_(child.running_var)
            setattr(module, name, frozen)
        else:
            _freeze_bn(child)


def build_model(spec: str, config: dict | None = None) -> nn.Module:
    """A randomly initialised torchvision Faster R-CNN for ``spec`` with 14 classes."""
    from torchvision.models import detection

    cfg = {**DEFAULT_CONFIG, **(config or {})}
    kwargs = dict(
        weights=None, weights_backbone=None, num_classes=NUM_CLASSES,
        min_size=int(cfg["min_size"]), max_size=int(cfg["max_size"]),
        box_score_thresh=float(cfg["box_score_thresh"]), box_nms_thresh=float(cfg["box_nms_thresh"]),
        box_detections_per_img=int(cfg["detections_per_img"]),
    )
    if spec == "frcnn-r50-fpn-v2":
        model = detection.fasterrcnn_resnet50_fpn_v2(**kwargs)
    elif spec == "frcnn-mobilenet-v3":
        model = detection.fasterrcnn_mobilenet_v3_large_fpn(**kwargs)
    else:
        raise DetectorError(f"unknown torchvision detector spec: {spec!r} (known: {', '.join(SPECS)})")
    model.roi_heads.__class__ = ProbRoIHeads  # same parameters, inference output keeps the softmax
    model.roi_heads.class_agnostic_nms = bool(cfg["class_agnostic_nms"])
    if cfg["frozen_bn"]:
        _freeze_bn(model.backbone.body)
    return model


def _backbone_stages(model: nn.Module) -> list[list[str]]:
    """Parameter-name prefixes of ``backbone.body`` grouped into stages, input side first."""
    body = model.backbone.body
    names = [n for n, _ in body.named_children()]
    if "layer1" in names:  # ResNet
        return [["conv1", "bn1"], ["layer1"], ["layer2"], ["layer3"], ["layer4"]]
    # MobileNetV3 features: stages start at blocks marked _is_cn (as torchvision's extractor does)
    starts = [0] + [i for i, (_, b) in enumerate(body.named_children()) if getattr(b, "_is_cn", False)] + [len(names)]
    return [names[a:b] for a, b in zip(starts[:-1], starts[1:]) if b > a]


def freeze_backbone_layers(model: nn.Module, trainable: int) -> None:
    stages = _backbone_stages(model)
    frozen = {p for stage in stages[: max(0, len(stages) - int(trainable))] for p in stage}
    for name, param in model.backbone.body.named_parameters():
        if name.split(".")[0] in frozen:
            param.requires_grad_(False)


def load_pretrained_backbone(model: nn.Module, source: str) -> dict:
    """Initialise from COCO detector weights or an ImageNet classifier (path or URL).

    A detector state dict (keys ``backbone.*``, ``rpn.*``, ``roi_heads.*``, e.g. torchvision's
    ``fasterrcnn_resnet50_fpn_v2_coco-*.pth``) loads every tensor whose name and shape match
    (the 91-class predictor does not); a classifier state dict (``resnet50-*.pth``,
    ``mobilenet_v3_large-*.pth``) loads into ``backbone.body``. Returns counts.
    """
    from .weights import load_state

    state, path = load_state(source)
    if isinstance(state, dict) and isinstance(state.get("state_dict"), dict):
        state = state["state_dict"]
    if not isinstance(state, dict):
        raise DetectorError(f"pretrained weights {source}: no state dict in the file")
    own = model.state_dict()
    if any(k.startswith("backbone.") for k in state):
        mapped = dict(state)
        kind = "detector"
    else:
        kind = "classifier"
        mapped = {}
        for k, v in state.items():
            k2 = k[len("features."):] if k.startswith("features.") else k
            mapped["backbone.body." + k2] = v
    take = {k: v for k, v in mapped.items() if k in own and tuple(own[k].shape) == tuple(v.shape)}
    if not any(k.startswith("backbone.body.") for k in take):
        raise DetectorError(f"pretrained weights {source}: no tensor matches this detector's backbone")
    model.load_state_dict(take, strict=False)
    from .weights import file_id

    return {"kind": kind, "loaded": len(take), "skipped": len(mapped) - len(take), "id": file_id(path)}


def load_state_dict_checked(model: nn.Module, state: dict, source: str) -> None:
    try:
        result = model.load_state_dict(state, strict=False)
    except RuntimeError as exc:
        lines = [l.strip() for l in str(exc).splitlines() if "size mismatch" in l]
        detail = lines[0] if lines else str(exc).splitlines()[0]
        raise DetectorError(
            f"detector weights {source} do not fit this detector ({detail}); "
            "COCO or ImageNet weights go in pretrained_backbone, not weights"
        ) from None
    missing = [k for k in result.missing_keys if not k.endswith("num_batches_tracked")]
    unexpected = [k for k in result.unexpected_keys if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise DetectorError(
            f"detector weights {source} do not fit this detector: {len(missing)} missing "
            f"(e.g. {missing[:2]}), {len(unexpected)} unexpected (e.g. {unexpected[:2]})"
        )


class TorchvisionFRCNN(Detector):
    def __init__(self, model: nn.Module, *, spec: str, config: dict, weights_id: str, device=None,
                 batch_size: int = 4):
        self.model = model
        self.name = spec
        self.config = {**DEFAULT_CONFIG, **config}
        self.weights_id = weights_id
        self.device = pick_device(device)
        self.batch_size = max(1, int(batch_size))
        self.model.to(self.device).eval()

    @staticmethod
    def _to_tensor(image) -> torch.Tensor:
        from PIL import Image
        from torchvision.transforms.functional import pil_to_tensor

        if not isinstance(image, Image.Image):
            raise TypeError(f"detect() takes PIL images, got {type(image).__name__}")
        return pil_to_tensor(image.convert("RGB")).float().div_(255.0)

    @torch.inference_mode()
    def raw(self, images: list, score_threshold: float | None = None) -> list[dict]:
        """The model's outputs (tensors on the CPU) for PIL images, boxes in their pixels."""
        self.model.eval()
        heads = self.model.roi_heads
        heads.score_thresh = self.threshold(score_threshold)
        out: list[dict] = []
        try:
            for i in range(0, len(images), self.batch_size):
                batch = [self._to_tensor(im).to(self.device) for im in images[i : i + self.batch_size]]
                for r in self.model(batch):
                    out.append({k: v.detach().cpu() for k, v in r.items()})
        finally:
            heads.score_thresh = float(self.config["box_score_thresh"])
        return out

    def detect(self, images: list, score_threshold: float | None = None) -> list[list[Detection]]:
        results = []
        for r in self.raw(list(images), score_threshold):
            dets = []
            order = torch.argsort(r["scores"], descending=True, stable=True)
            for j in order.tolist():
                probs = r["probs"][j].numpy().astype(np.float32)
                dets.append(Detection(
                    box=tuple(float(v) for v in r["boxes"][j].tolist()),
                    score=float(r["scores"][j]),
                    category=int(r["labels"][j]),
                    probs=probs,
                ))
            results.append(dets)
        return results

    def state_dict(self) -> dict:
        return self.model.state_dict()

    def save(self, path) -> str:
        from .weights import save_weights

        return str(save_weights(path, self.model.state_dict(), spec=self.name, config=self.config))


def create(spec: str, *, weights: str | None = None, device=None, pretrained_backbone: str | None = None,
           **options) -> TorchvisionFRCNN:
    unknown = set(options) - set(DEFAULT_CONFIG) - {"batch_size"}
    if unknown:
        raise DetectorError(f"unknown detector option(s) for {spec}: {', '.join(sorted(unknown))}")
    batch_size = options.pop("batch_size", 4)
    config = {**DEFAULT_CONFIG}
    loaded = None
    if weights is not None:
        from .weights import load_weights

        loaded = load_weights(weights)
        if loaded.spec and loaded.spec != spec:
            raise DetectorError(f"detector weights {weights} are for {loaded.spec!r}, not {spec!r}")
        config.update({k: v for k, v in loaded.config.items() if k in DEFAULT_CONFIG})
    for k in STRUCTURAL:
        if loaded is not None and k in options and options[k] != config[k]:
            raise DetectorError(f"option {k}={options[k]!r} differs from the weights file ({config[k]!r})")
    config.update(options)
    if pretrained_backbone is not None and loaded is None:
        config["frozen_bn"] = True
    model = build_model(spec, {**config, "frozen_bn": False})
    if loaded is not None:
        if config["frozen_bn"]:
            _freeze_bn(model.backbone.body)
        load_state_dict_checked(model, loaded.state_dict, weights)
        weights_id = loaded.weights_id
    elif pretrained_backbone is not None:
        info = load_pretrained_backbone(model, pretrained_backbone)
        _freeze_bn(model.backbone.body)
        trainable = config.get("trainable_backbone_layers")
        freeze_backbone_layers(model, 3 if trainable is None else trainable)
        weights_id = f"random-head+{info['kind']}:{info['id']}"
    else:
        weights_id = "random-init"
    return TorchvisionFRCNN(model, spec=spec, config=config, weights_id=weights_id, device=device,
                            batch_size=batch_size)


for _spec in SPECS:
    register(_spec)(lambda spec, **kw: create(spec, **kw))
