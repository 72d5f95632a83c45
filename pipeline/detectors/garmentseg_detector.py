"""`garment-seg`: the detector that needs nothing downloaded.

The packaged ImageNet backbone (timm efficientnet_lite0, the offline encoder's own weights)
stays frozen; a small head over its stride-8, 16 and 32 features (brought to stride 8) labels
every cell as background or one of the 13 categories. Garments are the connected regions of
each category; a region's probabilities (background left out, renormalised) are the
detection's `probs`, so the matcher's top-2 search works as with any detector.

The head is trained per catalog, on street-like scenes composed from the catalog's own
packshots (`composites.py`), by `bootstrap.py`, and cached in the store. Training only the head
over frozen, precomputed features takes minutes on a CPU. How well it finds garments is
measured in docs/benchmarks.md (box recall at IoU 0.5 and category accuracy).
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from street2shop.pipeline.devices import pick_device

from .base import Detection, Detector, DetectorError, box_iou
from .categories import NUM_CATEGORIES
from .registry import register

SPEC = "garment-seg"
BACKBONE = "efficientnet_lite0"
#: efficientnet_lite0 stages whose outputs are used: stride 8 (40 ch), 16 (112), 32 (320)
STAGES = (2, 4, 6)
CHANNELS = 40 + 112 + 320
STRIDE = 8
DEFAULT_CONFIG = {"max_side": 448, "hidden": 96, "min_cells": 6, "nms_iou": 0.6}
_MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
_STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


class Backbone(nn.Module):
    """The packaged efficientnet_lite0, frozen: image batch -> stride-8 feature map."""

    def __init__(self):
        super().__init__()
        import timm  # noqa: PLC0415

        from street2shop.pipeline.encoders.base import EncoderError  # noqa: PLC0415
        from street2shop.pipeline.encoders.timm_encoder import map_in_order, packaged_weights_path, \
            read_state_dict  # noqa: PLC0415

        try:
            path = packaged_weights_path(BACKBONE)
            state = read_state_dict(path, what=f"packaged weights file for {BACKBONE}")
        except EncoderError as exc:
            raise DetectorError(f"{SPEC} needs the packaged ImageNet backbone: {exc}") from None
        net = timm.create_model(BACKBONE, pretrained=False, num_classes=int(list(state.values())[-1].shape[0]))
        net.load_state_dict(map_in_order(net, state, str(path)))
        self.stem = nn.Sequential(net.conv_stem, net.bn1)
        self.blocks = net.blocks
        self.requires_grad_(False)
        self.eval()

    @torch.inference_mode()
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem((x - _MEAN.to(x.device)) / _STD.to(x.device))
        outs = []
        for n, block in enumerate(self.blocks):
            x = block(x)
            if n in STAGES:
                outs.append(x)
        size = outs[0].shape[-2:]
        return torch.cat([outs[0]] + [nn.functional.interpolate(o, size=size, mode="bilinear", align_corners=False)
                                      for o in outs[1:]], dim=1)


def make_head(hidden: int) -> nn.Module:
    return nn.Sequential(nn.Conv2d(CHANNELS, hidden, 1), nn.ReLU(inplace=True),
                         nn.Conv2d(hidden, hidden, 3, padding=1), nn.ReLU(inplace=True),
                         nn.Conv2d(hidden, NUM_CATEGORIES + 1, 1))


def to_input(image, max_side: int) -> tuple[torch.Tensor, float]:
    """A PIL image scaled so its longer side is `max_side` (a multiple of the stride), as a
    float batch of one; and the scale applied."""
    from PIL import Image  # noqa: PLC0415

    scale = max_side / max(image.size)
    w = max(STRIDE * 2, int(round(image.width * scale / STRIDE)) * STRIDE)
    h = max(STRIDE * 2, int(round(image.height * scale / STRIDE)) * STRIDE)
    resized = image.convert("RGB").resize((w, h), Image.Resampling.BILINEAR)
    arr = torch.from_numpy(np.asarray(resized, np.float32) / 255.0).permute(2, 0, 1)[None]
    return arr, w / image.width


class GarmentSegDetector(Detector):
    name = SPEC

    def __init__(self, head: nn.Module, *, config: dict, weights_id: str, device=None, backbone: Backbone | None = None):
        self.config = {**DEFAULT_CONFIG, **config}
        self.weights_id = weights_id
        self.device = pick_device(device)
        self.backbone = (backbone or Backbone()).to(self.device)
        self.head = head.to(self.device).eval()

    def features(self, image) -> tuple[torch.Tensor, float]:
        x, scale = to_input(image, self.config["max_side"])
        return self.backbone(x.to(self.device)), scale

    @torch.inference_mode()
    def detect(self, images: list, score_threshold: float | None = None) -> list[list[Detection]]:
        threshold = self.threshold(score_threshold)
        out = []
        for image in images:
            feats, scale = self.features(image)
            probs = torch.softmax(self.head(feats), dim=1)[0].cpu().numpy()  # (14, h, w)
            dets = regions_to_detections(probs, scale * 1.0 / STRIDE, image.size, self.config)
            out.append([d for d in dets if d.score >= threshold])
        return out

    def save(self, path) -> str:
        from .weights import save_weights  # noqa: PLC0415

        return str(save_weights(path, self.head.state_dict(), spec=SPEC, config=self.config))


def regions_to_detections(probs: np.ndarray, cells_per_pixel: float, size: tuple[int, int], config: dict
                          ) -> list[Detection]:
    """Connected regions of each category's arg-max cells -> detections, best score first, with
    overlapping ones of other categories (IoU over `nms_iou`) suppressed."""
    from scipy import ndimage  # noqa: PLC0415

    labels = probs.argmax(axis=0)
    fg = probs[1:] / np.clip(probs[1:].sum(axis=0, keepdims=True), 1e-6, None)
    found = []
    for category in range(1, NUM_CATEGORIES + 1):
        regions, n = ndimage.label(labels == category)
        for index in range(1, n + 1):
            cells = regions == index
            if cells.sum() < config["min_cells"]:
                continue
            ys, xs = np.nonzero(cells)
            region_probs = fg[:, cells].mean(axis=1)
            region_probs = region_probs / region_probs.sum()
            score = float(probs[category][cells].mean())
            box = (xs.min() / cells_per_pixel, ys.min() / cells_per_pixel,
                   (xs.max() + 1) / cells_per_pixel, (ys.max() + 1) / cells_per_pixel)
            box = (max(0.0, box[0]), max(0.0, box[1]), min(float(size[0]), box[2]), min(float(size[1]), box[3]))
            found.append(Detection(box=box, score=score, category=int(np.argmax(region_probs)) + 1,
                                   probs=region_probs.astype(np.float32)))
    found.sort(key=lambda d: -d.score)
    kept: list[Detection] = []
    for det in found:
        if all(box_iou(det.box, k.box) <= config["nms_iou"] for k in kept):
            kept.append(det)
    return kept


@register(SPEC)
def create(spec: str, *, weights: str | None = None, device=None, **options) -> GarmentSegDetector:
    unknown = set(options) - set(DEFAULT_CONFIG)
    if unknown:
        raise DetectorError(f"unknown detector option(s) for {spec}: {', '.join(sorted(unknown))}")
    config = {**DEFAULT_CONFIG}
    if weights is None:
        head, weights_id = make_head(config["hidden"]), "random-init"
    else:
        from .weights import load_weights  # noqa: PLC0415

        loaded = load_weights(weights)
        if loaded.spec and loaded.spec != SPEC:
            raise DetectorError(f"detector weights {weights} are for {loaded.spec!r}, not {SPEC!r}")
        config.update({k: v for k, v in loaded.config.items() if k in DEFAULT_CONFIG})
        head = make_head(config["hidden"])
        try:
            head.load_state_dict(loaded.state_dict)
        except RuntimeError as exc:
            raise DetectorError(f"detector weights {weights} do not fit {SPEC}: "
                                f"{str(exc).splitlines()[0]}") from None
        weights_id = loaded.weights_id
    config.update(options)
    return GarmentSegDetector(head, config=config, weights_id=weights_id, device=device)
