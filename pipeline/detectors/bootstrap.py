"""The default detector of a catalog: `garment-seg` trained on scenes composed from the catalog's
own packshots, and cached in the store under a key of what it was trained on (the items' images
and categories), so catalog versions over the same listings (another encoder, a rebuild) share it.

    detector = default_detector(catalog)       # trains on first use (minutes on a CPU), then loads

Only items whose chosen image is a packshot (a uniform background to cut the garment from)
and whose category is known (the detector's, or the listing's own words) are used.
"""

from __future__ import annotations

import hashlib
import logging
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch

from .base import DetectorError
from .composites import Cutout, compose_scene
from .garmentseg_detector import DEFAULT_CONFIG, SPEC, Backbone, GarmentSegDetector, make_head, to_input

log = logging.getLogger(__name__)

CACHE_DIR = "catalog/detectors"
#: Training scenes and passes; enough for the head to settle on a catalog of a few dozen
#: items and more (docs/benchmarks.md has what they give).
SCENES = 160
EPOCHS = 20
BACKGROUND_WEIGHT = 0.3  # background cells outnumber garment cells about 6 to 1
MIN_CUTOUTS = 4


def training_items(catalog, limit: int = 2000) -> list[dict]:
    """The catalog items a default detector learns from: those of a known category, in a
    stable order (image sha256), at most `limit`."""
    rows = [r for r in catalog.items.select(["image_sha256", "category"]).to_pylist() if r["category"]]
    return sorted(rows, key=lambda r: (r["image_sha256"], r["category"]))[:limit]


def cache_key(rows: list[dict]) -> str:
    text = "\n".join(f"{r['image_sha256']} {r['category']}" for r in rows)
    return hashlib.sha256(f"{SPEC} scenes={SCENES} epochs={EPOCHS}\n{text}".encode()).hexdigest()[:20]


def cutouts_of(catalog, rows: list[dict]) -> list[Cutout]:
    """Garments cut from the packshots of `rows` (catalog items), with their categories."""
    from street2shop.pipeline import normalise as norm  # noqa: PLC0415

    paths = catalog.store.image_column(r["image_sha256"] for r in rows)
    out = []
    for row in rows:
        path = paths.get(row["image_sha256"])
        if not path:
            continue
        try:
            cut = norm.cutout(norm.load_image(catalog.store.read_bytes(path)))
        except Exception:  # noqa: BLE001  an image gone bad in the store: left out
            continue
        if cut is not None and min(cut.size) >= 16:
            out.append(Cutout(cut, int(row["category"])))
    return out


def cell_labels(garments, size: tuple[int, int], feature_size: tuple[int, int]) -> np.ndarray:
    """Per feature cell: 0 (background) or the category covering most of it, when garments
    cover at least half of it."""
    h, w = feature_size
    cover = np.zeros((14, h, w), np.float32)
    for g in garments:
        mask = torch.from_numpy(g.mask.astype(np.float32))[None, None]
        cover[g.category] += torch.nn.functional.adaptive_avg_pool2d(mask, (h, w))[0, 0].numpy()
    cover[0] = np.clip(1.0 - cover[1:].sum(axis=0), 0, None)
    return cover.argmax(axis=0)


def train(cutouts: list[Cutout], *, scenes: int = SCENES, epochs: int = EPOCHS, seed: int = 0,
          size: tuple[int, int] = (448, 320), progress: Callable[[str], None] | None = None) -> GarmentSegDetector:
    """Train the head of a `garment-seg` detector on `scenes` composed scenes."""
    if len(cutouts) < MIN_CUTOUTS:
        raise DetectorError(f"only {len(cutouts)} catalog items are packshots of a known category; the default "
                            f"detector needs at least {MIN_CUTOUTS} (or give trained weights)")
    rng = random.Random(seed)
    torch.manual_seed(seed)
    backbone = Backbone()
    config = {**DEFAULT_CONFIG, "max_side": max(size)}
    feats, targets = [], []
    started = time.monotonic()
    for n in range(scenes):
        image, garments = compose_scene(cutouts, rng, size)
        x, _ = to_input(image, config["max_side"])
        f = backbone(x)[0]
        feats.append(f.to(torch.float16).permute(1, 2, 0).contiguous())
        targets.append(torch.from_numpy(cell_labels(garments, size, tuple(f.shape[-2:]))))
        if progress and (n + 1) % 40 == 0:
            progress(f"composed {n + 1}/{scenes} scenes")
    # Channels-last convolutions train the head faster on a CPU; the features are stored that way.
    head = make_head(config["hidden"]).to(memory_format=torch.channels_last)
    weights = torch.ones(14)
    weights[0] = BACKGROUND_WEIGHT
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimiser = torch.optim.AdamW(head.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = epochs * ((scenes + 7) // 8)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=2e-3, total_steps=steps)
    order = list(range(scenes))
    head.train()
    for epoch in range(epochs):
        rng.shuffle(order)
        total = 0.0
        for start in range(0, scenes, 8):
            batch = order[start:start + 8]
            x = torch.stack([feats[i] for i in batch]).float().permute(0, 3, 1, 2)  # NCHW view, NHWC memory
            y = torch.stack([targets[i] for i in batch])
            loss = loss_fn(head(x), y)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
        if progress and (epoch + 1) % 5 == 0:
            progress(f"epoch {epoch + 1}/{epochs}: loss {total / scenes:.3f}")
    head.eval()
    log.info("garment-seg trained on %d scenes from %d cutouts in %.0f s", scenes, len(cutouts),
             time.monotonic() - started)
    return GarmentSegDetector(head, config=config, weights_id=f"bootstrap-seed{seed}", backbone=backbone)


def default_detector(catalog, *, progress: Callable[[str], None] | None = None) -> GarmentSegDetector:
    """The catalog's default detector: loaded from the store when cached, else trained on its
    packshots and cached (written atomically; a killed training leaves nothing)."""
    from .registry import create_detector  # noqa: PLC0415

    rows = training_items(catalog)
    relpath = f"{CACHE_DIR}/{SPEC}-{cache_key(rows)}.pt"
    store = catalog.store
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "weights.pt"
        if store.exists(relpath):
            local.write_bytes(store.read_bytes(relpath))
            return create_detector(SPEC, weights=str(local))
        if progress:
            progress(f"training the default garment detector on the catalog's packshots (once for these "
                     f"listings; cached as {relpath})")
        detector = train(cutouts_of(catalog, rows), progress=progress)
        detector.save(local)
        store.write_bytes(relpath, local.read_bytes())
        trained = create_detector(SPEC, weights=str(local))
    return trained
