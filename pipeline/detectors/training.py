"""Training on DeepFashion2-format data (resumable) and COCO box AP evaluation.

``train`` converts the split to COCO (``<out_dir>/train_coco.json``), builds the detector
(random init, or a COCO/ImageNet-pretrained backbone via ``pretrained_backbone``), and runs SGD
for a number of iterations. Every ``checkpoint_every`` iterations (and at the end) it writes
``<out_dir>/checkpoints/ckpt-<step>.pt`` atomically (temp file, fsync, rename): model,
optimizer, step, RNG state. Run it again with the same ``out_dir`` and it continues from the
latest checkpoint; the data order is a function of (seed, epoch), so a resumed run sees the
same batches an uninterrupted one would. The result is ``<out_dir>/model.pt``, a weights file
``create_detector(weights=...)`` loads.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

from .base import Detector, DetectorError
from .categories import CATEGORIES
from .registry import DEFAULT_SPEC, create_detector

CKPT_FORMAT = "street2shop-detector-checkpoint"
CKPT_RE = re.compile(r"^ckpt-(\d+)\.pt$")


def checkpoints(out_dir: str | os.PathLike) -> list[tuple[int, Path]]:
    d = Path(out_dir) / "checkpoints"
    found = []
    if d.is_dir():
        for p in d.iterdir():
            m = CKPT_RE.match(p.name)
            if m:
                found.append((int(m.group(1)), p))
    return sorted(found)


def _lr_at(step: int, total: int, base_lr: float, warmup: int) -> float:
    factor = min(1.0, (step + 1) / max(1, warmup))
    for milestone in (int(total * 2 / 3), int(total * 8 / 9)):
        if 0 < milestone <= step:
            factor *= 0.1
    return base_lr * factor


def train(
    data_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    spec: str = DEFAULT_SPEC,
    *,
    iterations: int | None = None,
    epochs: float | None = None,
    batch_size: int = 2,
    lr: float = 0.01,
    momentum: float = 0.9,
    weight_decay: float = 1e-4,
    warmup_iters: int = 100,
    checkpoint_every: int = 500,
    keep_checkpoints: int = 2,
    resume: bool = True,
    pretrained_backbone: str | None = None,
    device=None,
    seed: int = 0,
    stop_after: int | None = None,
    progress: Callable[[dict], None] | None = None,
    **model_options,
) -> dict:
    """Train ``spec`` on a DF2 split; returns a summary dict (steps, losses, weights path, ...).

    ``iterations`` (or ``epochs``, default 12) is the run's total; the learning-rate schedule
    (linear warmup, x0.1 at 2/3 and 8/9 of it) depends on it, so resume with the same total.
    ``stop_after``: do at most this many iterations in this call and checkpoint (a time slice;
    call again to continue).
    """
    import torch

    from .df2 import DF2Dataset, collate, df2_to_coco
    from street2shop.pipeline.devices import pick_device

    from .frcnn_detector import TorchvisionFRCNN, _freeze_bn, build_model
    from .weights import atomic_torch_save, save_weights

    t0 = time.monotonic()
    out_dir = Path(out_dir)
    (out_dir / "checkpoints").mkdir(parents=True, exist_ok=True)
    for stale in (out_dir / "checkpoints").glob(".ckpt-*.tmp"):  # left by a run killed mid-write
        stale.unlink(missing_ok=True)
    coco = df2_to_coco(data_dir, out_dir / "train_coco.json")
    dataset = DF2Dataset(data_dir, coco)
    n = len(dataset)
    batch_size = max(1, int(batch_size))
    per_epoch = math.ceil(n / batch_size)
    if iterations is None:
        iterations = max(1, round((12 if epochs is None else float(epochs)) * per_epoch))
    total = int(iterations)
    dev = pick_device(device)

    latest = checkpoints(out_dir)[-1] if resume and checkpoints(out_dir) else None
    ckpt = None
    if latest is not None:
        try:
            ckpt = torch.load(latest[1], map_location="cpu", weights_only=True)
        except Exception as exc:
            raise DetectorError(f"checkpoint {latest[1]} cannot be loaded ({exc}); delete it to resume from the one before") from None
        if ckpt.get("format") != CKPT_FORMAT:
            raise DetectorError(f"checkpoint {latest[1]} is not a street2shop detector checkpoint")
        if ckpt["spec"] != spec:
            raise DetectorError(f"{out_dir} holds a {ckpt['spec']!r} run; cannot resume it as {spec!r}")
        config = dict(ckpt["config"])
        model = build_model(spec, {**config, "frozen_bn": False})
        if config.get("frozen_bn"):
            _freeze_bn(model.backbone.body)
        model.load_state_dict(ckpt["model"])
        frozen = set(ckpt.get("frozen_params", []))
        for name, p in model.named_parameters():
            p.requires_grad_(name not in frozen)
        start = int(ckpt["step"])
    else:
        torch.manual_seed(seed)  # the random init is part of the run: same seed, same model
        det = create_detector(spec, device="cpu", pretrained_backbone=pretrained_backbone, **model_options)
        if not isinstance(det, TorchvisionFRCNN):
            raise DetectorError(f"training is implemented for the torchvision backends, not {spec!r}")
        model, config, start = det.model, dict(det.config), 0

    model.to(dev).train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
    if ckpt is not None:
        optimizer.load_state_dict(ckpt["optimizer"])
        torch.set_rng_state(ckpt["rng"])
    frozen_names = [name for name, p in model.named_parameters() if not p.requires_grad]

    def save_checkpoint(step: int) -> Path:
        path = out_dir / "checkpoints" / f"ckpt-{step:08d}.pt"
        atomic_torch_save({
            "format": CKPT_FORMAT, "spec": spec, "config": config, "step": step, "total": total,
            "model": {k: v.detach().cpu() for k, v in model.state_dict().items()},
            "optimizer": optimizer.state_dict(), "rng": torch.get_rng_state(),
            "frozen_params": frozen_names,
            "data": {"images": n, "batch_size": batch_size, "seed": seed},
        }, path)
        for _, old in checkpoints(out_dir)[: -max(1, keep_checkpoints)]:
            old.unlink(missing_ok=True)
        return path

    last_losses: dict = {}
    step = start
    t_loop = time.monotonic()
    end = total if stop_after is None else min(total, start + max(0, int(stop_after)))
    for step in range(start, end):
        epoch, offset = divmod(step, per_epoch)
        order = torch.randperm(n, generator=torch.Generator().manual_seed(seed * 100003 + epoch)).tolist()
        images, targets = collate([dataset[i] for i in order[offset * batch_size:(offset + 1) * batch_size]])
        images = [im.to(dev) for im in images]
        targets = [{"boxes": t["boxes"].to(dev), "labels": t["labels"].to(dev)} for t in targets]
        for g in optimizer.param_groups:
            g["lr"] = _lr_at(step, total, lr, warmup_iters)
        loss_dict = model(images, targets)
        loss = sum(loss_dict.values())
        if not torch.isfinite(loss):
            raise DetectorError(f"training diverged at step {step + 1} (loss {float(loss)}); lower lr (now {lr})")
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        last_losses = {k: float(v.detach()) for k, v in loss_dict.items()}
        last_losses["loss"] = float(loss.detach())
        done = step + 1
        if done % max(1, checkpoint_every) == 0 or done == end:
            save_checkpoint(done)
        if progress is not None:
            elapsed = time.monotonic() - t_loop
            rate = (done - start) / elapsed if elapsed > 0 else 0.0
            progress({"step": done, "total": total, "epoch": epoch, "lr": optimizer.param_groups[0]["lr"],
                      "losses": dict(last_losses), "it_per_s": rate,
                      "eta_s": (total - done) / rate if rate > 0 else None})
        step = done
    model.eval()
    weights = save_weights(out_dir / "model.pt", model.state_dict(), spec=spec, config=config)
    return {
        "spec": spec, "start_step": start, "steps": step, "total": total, "finished": step >= total,
        "resumed_from": str(latest[1]) if latest is not None else None,
        "losses": last_losses, "weights": str(weights), "coco": str(out_dir / "train_coco.json"),
        "images": n, "annotations": len(coco["annotations"]), "seconds": round(time.monotonic() - t0, 2),
    }


def evaluate(detector: Detector, data_dir: str | os.PathLike, *, score_threshold: float = 0.05,
             batch_size: int = 4, coco: dict | None = None) -> dict:
    """COCO box AP (pycocotools) of ``detector`` on a DF2 split; AP values in [0, 1]."""
    import numpy as np
    from PIL import Image
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval

    from .df2 import df2_to_coco

    data_dir = Path(data_dir)
    coco = coco if coco is not None else df2_to_coco(data_dir)
    results = []
    imgs = coco["images"]
    for i in range(0, len(imgs), batch_size):
        chunk = imgs[i:i + batch_size]
        pils = []
        for info in chunk:
            with Image.open(data_dir / "image" / info["file_name"]) as im:
                pils.append(im.convert("RGB"))
        for info, dets in zip(chunk, detector.detect(pils, score_threshold=score_threshold)):
            for d in dets:
                x1, y1, x2, y2 = d.box
                results.append({"image_id": info["id"], "category_id": d.category,
                                "bbox": [x1, y1, x2 - x1, y2 - y1], "score": d.score})
    keys = ("AP", "AP50", "AP75", "APs", "APm", "APl")
    summary = {"images": len(imgs), "annotations": len(coco["annotations"]), "detections": len(results),
               "detector": detector.name, "weights_id": detector.weights_id}
    if not results or not coco["annotations"]:
        return {**summary, **{k: 0.0 for k in keys}, "per_category": {}}
    with contextlib.redirect_stdout(io.StringIO()) as log:
        gt = COCO()
        gt.dataset = coco
        gt.createIndex()
        dt = gt.loadRes(results)
        ev = COCOeval(gt, dt, iouType="bbox")
        ev.evaluate()
        ev.accumulate()
        ev.summarize()
    stats = [max(0.0, float(s)) for s in ev.stats[:6]]  # pycocotools writes -1 for "no ground truth"
    per_cat = {}
    precision = ev.eval["precision"]  # [T, R, K, A, M]
    for k, cid in enumerate(ev.params.catIds):
        p = precision[:, :, k, 0, -1]
        p = p[p > -1]
        if p.size:
            per_cat[CATEGORIES[cid]] = float(np.mean(p))
    return {**summary, **dict(zip(keys, stats)), "per_category": per_cat, "report": log.getvalue()}


def _stderr_progress(every: int = 20) -> Callable[[dict], None]:
    def show(info: dict) -> None:
        if info["step"] % every == 0 or info["step"] == info["total"]:
            eta = info["eta_s"]
            print(f"step {info['step']}/{info['total']} loss {info['losses'].get('loss', float('nan')):.4f} "
                  f"lr {info['lr']:.5f} {info['it_per_s']:.2f} it/s"
                  + (f" eta {eta:.0f}s" if eta is not None else ""), file=sys.stderr, flush=True)
    return show


def train_cli(data_dir: str, out_dir: str, *, spec: str = DEFAULT_SPEC, iterations: int | None = None,
              epochs: float | None = None, batch_size: int = 2, lr: float = 0.01, checkpoint_every: int = 500,
              resume: bool = True, pretrained_backbone: str | None = None, min_size: int | None = None,
              max_size: int | None = None, device: str | None = None, seed: int = 0,
              progress: Callable[[dict], None] | None = None) -> dict:
    """``street2shop detector train``: train and return the summary (progress lines on stderr)."""
    opts = {k: v for k, v in {"min_size": min_size, "max_size": max_size}.items() if v is not None}
    return train(data_dir, out_dir, spec, iterations=iterations, epochs=epochs, batch_size=batch_size, lr=lr,
                 checkpoint_every=checkpoint_every, resume=resume, pretrained_backbone=pretrained_backbone,
                 device=device, seed=seed, progress=progress or _stderr_progress(), **opts)


def eval_cli(weights: str, data_dir: str, *, spec: str | None = None, score_threshold: float = 0.05,
             min_size: int | None = None, max_size: int | None = None, device: str | None = None) -> dict:
    """``street2shop detector eval``: COCO box AP of a weights file (path or URL) on a DF2 split."""
    opts = {k: v for k, v in {"min_size": min_size, "max_size": max_size}.items() if v is not None}
    det = create_detector(spec, weights=weights, device=device, **opts)
    return evaluate(det, data_dir, score_threshold=score_threshold)
