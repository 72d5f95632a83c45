"""Street-like training scenes composed from a catalog's own packshots (copy-paste augmentation):
each garment cut from its uniform background and pasted, at varied scale, position and
lighting, onto varied backgrounds, mostly worn by a plain figure (a top over a bottom, or a
dress), partly occluding each other. The listing's category is the label and the pasted pixels
that stay visible are the mask, so every scene comes with exact garment boxes and masks.

This is how the default detector learns garments with nothing downloaded (see
`garmentseg_detector.py`): nothing here knows any particular shop or site.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

TOPS = frozenset({1, 2, 3, 4, 5, 6})
BOTTOMS = frozenset({7, 8, 9})
DRESSES = frozenset({10, 11, 12, 13})
#: A pasted garment whose visible part is under this share of it is not labelled (hidden).
MIN_VISIBLE = 0.35


@dataclass
class Cutout:
    image: Image.Image  # RGBA, transparent outside the garment
    category: int  # DeepFashion2 1..13


@dataclass
class Garment:
    category: int
    mask: np.ndarray  # bool, image-sized: the visible pixels

    @property
    def box(self) -> tuple[float, float, float, float]:
        ys, xs = np.nonzero(self.mask)
        return float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)


def compose_scene(cutouts: list[Cutout], rng: random.Random, size: tuple[int, int] = (448, 320)
                  ) -> tuple[Image.Image, list[Garment]]:
    """One scene and its visible garments (see the module docstring)."""
    w, h = size
    canvas = _background(rng, w, h).convert("RGBA")
    layers: list[tuple[int, np.ndarray]] = []  # (category, alpha of the pasted garment) in paste order
    tops = [c for c in cutouts if c.category in TOPS]
    bottoms = [c for c in cutouts if c.category in BOTTOMS]
    dresses = [c for c in cutouts if c.category in DRESSES]
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        height = h * rng.uniform(0.55, 0.95)
        cx = rng.uniform(0.15, 0.85) * w
        floor = min(h - 2, rng.uniform(0.85, 1.05) * h)
        outfit = []
        if dresses and (not tops or not bottoms or rng.random() < 0.25):
            outfit = [(rng.choice(dresses), 0.19, 0.42)]
        elif tops and bottoms:
            outfit = [(rng.choice(bottoms), 0.50, 0.26), (rng.choice(tops), 0.19, 0.34)]
        elif tops or bottoms:
            pick = rng.choice(tops or bottoms)
            outfit = [(pick, 0.19 if pick.category in TOPS else 0.50, 0.34 if pick.category in TOPS else 0.26)]
        _figure(canvas, rng, cx, floor, height)
        for cut, top, width_share in outfit:
            width = max(8, int(height * width_share * rng.uniform(0.85, 1.2)))
            layer = _scaled(cut.image, width, rng)
            x = int(cx - layer.width / 2 + rng.uniform(-0.03, 0.03) * height)
            y = int(floor - height + top * height)
            layers.append((cut.category, _paste(canvas, layer, x, y)))
    for _ in range(rng.choice((0, 0, 1, 2))):  # garments on their own: hung, laid out, in a window
        cut = rng.choice(cutouts)
        layer = _scaled(cut.image, int(w * rng.uniform(0.12, 0.35)), rng)
        x, y = rng.randint(-layer.width // 4, w - layer.width * 3 // 4), rng.randint(0, max(1, h - layer.height))
        layers.append((cut.category, _paste(canvas, layer, x, y)))
    image = _light(canvas.convert("RGB"), rng)
    garments = []
    for n, (category, alpha) in enumerate(layers):
        visible = alpha > 128
        pasted = int(visible.sum())
        for _, later in layers[n + 1:]:
            visible &= later <= 128
        if pasted and visible.sum() >= MIN_VISIBLE * pasted:
            garments.append(Garment(category, visible))
    return image, garments


def _scaled(image: Image.Image, width: int, rng: random.Random) -> Image.Image:
    height = max(4, int(image.height * width / max(1, image.width) * rng.uniform(0.9, 1.1)))
    layer = image.resize((width, height), Image.Resampling.BILINEAR)
    if rng.random() < 0.5:
        layer = layer.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BILINEAR, expand=True)
    if rng.random() < 0.5:
        layer = layer.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return layer


def _paste(canvas: Image.Image, layer: Image.Image, x: int, y: int) -> np.ndarray:
    """Paste `layer` (RGBA) at (x, y); its alpha in canvas coordinates."""
    full = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    full.paste(layer, (x, y))
    canvas.alpha_composite(full)
    return np.asarray(full.getchannel("A"))


def _figure(canvas: Image.Image, rng: random.Random, cx: float, floor: float, height: float) -> None:
    """A plain standing figure in human proportions (head about an eighth of the height,
    shoulders at a fifth, hips at a half), each proportion jittered, arms at a random angle."""
    d = ImageDraw.Draw(canvas)
    skin = tuple(int(v) for v in np.array(rng.choice([(241, 204, 170), (224, 172, 125), (198, 134, 66),
                                                       (141, 85, 36), (92, 56, 30)])) * rng.uniform(0.9, 1.1))
    top = floor - height

    def j(v: float) -> float:  # a proportion of the height, jittered
        return v * height * rng.uniform(0.85, 1.15)

    head = j(0.065)
    d.ellipse([cx - head, top, cx + head, top + 2.3 * head], fill=skin)
    if rng.random() < 0.8:
        hair = tuple(rng.randint(10, 200) for _ in range(3))
        d.pieslice([cx - head * 1.08, top - head * 0.1, cx + head * 1.08, top + 1.9 * head], 180, 360, fill=hair)
    shoulder_y, half = top + j(0.2), j(0.12)
    d.rectangle([cx - head * 0.35, top + 2 * head, cx + head * 0.35, shoulder_y + 4], fill=skin)
    for side in (-1, 1):
        angle = rng.uniform(0.05, 0.45)
        length = j(0.34)
        hx, hy = cx + side * (half + length * np.sin(angle)), shoulder_y + length * np.cos(angle)
        arm = j(0.035)
        d.polygon([(cx + side * half, shoulder_y), (hx, hy), (hx - side * arm, hy), (cx + side * (half - arm),
                                                                                     shoulder_y + arm)], fill=skin)
    legs = skin if rng.random() < 0.4 else tuple(rng.randint(10, 90) for _ in range(3))
    hip_y, leg = top + j(0.55), j(0.09)
    for side in (-1, 1):
        d.polygon([(cx + side * 2, hip_y), (cx + side * (2 + leg), hip_y), (cx + side * leg * 0.7, floor - 6),
                   (cx + side * leg * 0.2, floor - 6)], fill=legs)
        a, b = sorted((cx + side * leg * 0.1, cx + side * leg * 0.9))
        d.ellipse([a - 6, floor - 10, b + 6, floor], fill=(30, 30, 30))


def _background(rng: random.Random, w: int, h: int) -> Image.Image:
    """A gradient, with blocks (buildings, furniture, windows) and noise in varied amounts."""
    top = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
    bottom = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = np.broadcast_to(top * (1 - t) + bottom * t, (h, w, 3)).copy()
    image = Image.fromarray(arr.astype(np.uint8), "RGB")
    d = ImageDraw.Draw(image)
    for _ in range(rng.randint(0, 14)):
        x0, y0 = rng.randint(-w // 4, w), rng.randint(-h // 4, h)
        x1, y1 = x0 + rng.randint(w // 20, w // 2), y0 + rng.randint(h // 20, h)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        if rng.random() < 0.3:
            d.ellipse([x0, y0, x1, y1], fill=colour)
        else:
            d.rectangle([x0, y0, x1, y1], fill=colour)
    if rng.random() < 0.5:
        noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(3, 18), (h, w, 3))
        image = Image.fromarray(np.clip(np.asarray(image, np.float32) + noise, 0, 255).astype(np.uint8), "RGB")
    return image


def _light(image: Image.Image, rng: random.Random) -> Image.Image:
    image = ImageEnhance.Brightness(image).enhance(rng.uniform(0.6, 1.3))
    image = ImageEnhance.Contrast(image).enhance(rng.uniform(0.7, 1.3))
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.7, 1.3))
    if rng.random() < 0.3:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.5)))
    return image
