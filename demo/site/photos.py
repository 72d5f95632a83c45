"""Generated garment images for the demo shop (Pillow + numpy, deterministic per product).

`render_product_image(product, index)` draws the garment of ``product`` (silhouette per garment
kind, product colour, pattern, shading) for gallery view ``product.image_views[index]``:

* ``front`` / ``back``: packshot on a white/light background with a soft floor shadow (400x480);
* ``model``: worn on a simple mannequin figure in front of a wall (360x480);
* ``detail``: close-up crop of the fabric with a seam (360x360).

`garment_layer(kind, ...)` returns the garment alone (RGBA) so later features can paste the same
garments into synthetic street photos. `image_bytes(shop, path)` returns the bytes a path serves
(including the deliberately broken ones).
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib
from collections import OrderedDict
from functools import lru_cache
from threading import Lock
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

if TYPE_CHECKING:  # pragma: no cover
    from .shop import ImageSpec, Product, Shop

# Silhouettes in a 100x100 box; the box is scaled to (width, width * ASPECT[kind]).
SHAPES: dict[str, list[tuple[float, float]]] = {
    "t-shirt": [(35, 2), (20, 6), (2, 26), (13, 37), (23, 29), (23, 98), (77, 98), (77, 29), (87, 37),
                (98, 26), (80, 6), (65, 2), (58, 8), (50, 10), (42, 8)],
    "shirt": [(37, 2), (21, 5), (9, 14), (1, 88), (12, 90), (21, 32), (22, 98), (78, 98), (79, 32),
              (88, 90), (99, 88), (91, 14), (79, 5), (63, 2), (50, 9)],
    "jacket": [(37, 1), (20, 5), (8, 14), (0, 90), (12, 92), (20, 34), (21, 96), (79, 96), (80, 34),
               (88, 92), (100, 90), (92, 14), (80, 5), (63, 1), (50, 30)],
    "coat": [(38, 1), (22, 4), (10, 11), (2, 68), (12, 70), (21, 24), (16, 99), (84, 99), (79, 24),
             (88, 70), (98, 68), (90, 11), (78, 4), (62, 1), (50, 26)],
    "vest top": [(28, 0), (37, 0), (40, 14), (60, 14), (63, 0), (72, 0), (75, 22), (81, 34), (81, 99),
                 (19, 99), (19, 34), (25, 22)],
    "sling top": [(22, 28), (36, 24), (50, 30), (64, 24), (78, 28), (80, 99), (20, 99)],
    "shorts": [(8, 0), (92, 0), (98, 100), (56, 100), (50, 36), (44, 100), (2, 100)],
    "trousers": [(17, 0), (83, 0), (90, 100), (58, 100), (50, 20), (42, 100), (10, 100)],
    "skirt": [(24, 0), (76, 0), (97, 100), (3, 100)],
    "dress": [(36, 0), (28, 2), (27, 10), (31, 30), (27, 38), (5, 100), (95, 100), (73, 38), (69, 30),
              (73, 10), (72, 2), (64, 0), (50, 9)],
}
ASPECT = {"t-shirt": 1.0, "shirt": 1.12, "jacket": 1.1, "coat": 1.55, "vest top": 1.2, "sling top": 1.15,
          "shorts": 0.62, "trousers": 1.75, "skirt": 0.85, "dress": 1.6}
SLING_STRAPS = [((30, 26), (33, 0)), ((70, 26), (67, 0))]
TOPS = {"t-shirt", "shirt", "jacket", "coat", "vest top", "sling top"}
BOTTOMS = {"shorts", "trousers", "skirt"}
SKIN_TONES = [(241, 204, 178), (224, 172, 140), (198, 140, 102), (150, 98, 66), (104, 66, 44)]


def _rng(*parts: object) -> random.Random:
    return random.Random(":".join(map(str, parts)))


def _second_colour(rgb: tuple[int, int, int], rng: random.Random) -> np.ndarray:
    lum = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2]
    if lum < 90:
        base = (235, 232, 222)
    elif lum > 200:
        base = rng.choice([(30, 42, 84), (178, 34, 40), (40, 40, 40)])
    else:
        base = (250, 248, 240) if rng.random() < 0.6 else (30, 30, 34)
    return np.array(base, dtype=np.float32)


def fabric_texture(width: int, height: int, rgb: tuple[int, int, int], pattern: str, *,
                   scale: float = 1.0, seed: str = "", offset: tuple[int, int] = (0, 0)) -> np.ndarray:
    """HxWx3 float32 texture (0..255) of ``pattern`` in colour ``rgb``; ``scale`` > 1 zooms in."""
    rng = _rng("tex", seed)
    base = np.array(rgb, dtype=np.float32)
    alt = _second_colour(rgb, rng)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    xs = (xs + offset[0]) / scale
    ys = (ys + offset[1]) / scale
    period = rng.choice((10.0, 14.0, 18.0))
    if pattern == "stripes":
        m = ((ys // period) % 2 == 1)[..., None].astype(np.float32)
    elif pattern == "pinstripe":
        m = ((xs % period) < 1.6)[..., None].astype(np.float32) * 0.8
    elif pattern == "dots":
        p = period * 1.3
        d = (xs % p - p / 2) ** 2 + ((ys + (xs // p % 2) * p / 2) % p - p / 2) ** 2
        m = (d < (p * 0.22) ** 2)[..., None].astype(np.float32)
    elif pattern == "check":
        a = ((xs // period) % 2).astype(np.float32)
        b = ((ys // period) % 2).astype(np.float32)
        m = ((a + b) / 2)[..., None] * 0.75
    else:
        m = None
    tex = np.broadcast_to(base, (height, width, 3)).copy() if m is None else base * (1 - m) + alt * m
    nrng = np.random.default_rng(int(hashlib.md5(f"n:{seed}".encode()).hexdigest()[:8], 16))
    amp = 16.0 if pattern == "melange" else 5.0
    noise = nrng.normal(0.0, amp, (height, width, 1)).astype(np.float32)
    if pattern == "melange":
        noise = noise + nrng.normal(0.0, 4.0, (height, width, 3)).astype(np.float32)
    # weave: faint diagonal twill lines
    tex += noise + 3.0 * np.sin((xs + ys) * 1.7)[..., None]
    return tex


def _poly(kind: str, x0: float, y0: float, w: float, h: float, mirror: bool = False) -> list[tuple[float, float]]:
    pts = SHAPES[kind]
    return [(x0 + (100 - px if mirror else px) * w / 100, y0 + py * h / 100) for px, py in pts]


def _box_map(x0: float, y0: float, w: float, h: float):
    return lambda px, py: (x0 + px * w / 100, y0 + py * h / 100)


def garment_layer(kind: str, rgb: tuple[int, int, int], pattern: str, width: int, *, seed: str = "",
                  back: bool = False, details: bool = True) -> Image.Image:
    """The garment alone as RGBA (transparent outside), ``width`` px wide, height from its aspect."""
    height = max(8, int(round(width * ASPECT[kind])))
    pad = 2
    W, H = width + 2 * pad, height + 2 * pad
    ss = 2  # supersampled mask for anti-aliased edges
    mask_big = Image.new("L", (W * ss, H * ss), 0)
    md = ImageDraw.Draw(mask_big)
    md.polygon(_poly(kind, pad * ss, pad * ss, width * ss, height * ss, mirror=back), fill=255)
    if kind == "sling top":
        for (ax, ay), (bx, by) in SLING_STRAPS:
            md.line([(pad * ss + ax * width * ss / 100, pad * ss + ay * height * ss / 100),
                     (pad * ss + bx * width * ss / 100, pad * ss + by * height * ss / 100)],
                    fill=255, width=max(2, int(width * ss * 0.025)))
    mask = mask_big.resize((W, H), Image.BILINEAR)

    tex = fabric_texture(W, H, rgb, pattern, scale=max(0.6, width / 300), seed=seed)
    # shading: rounded body (horizontal) and a soft top light
    xs = np.linspace(0, np.pi, W, dtype=np.float32)
    shade = 0.80 + 0.26 * np.sin(xs)[None, :, None]
    shade = shade * (1.04 - 0.10 * np.linspace(0, 1, H, dtype=np.float32)[:, None, None])
    if kind in BOTTOMS | {"dress", "coat"}:  # fold shadows
        folds = 1 - 0.07 * np.clip(np.sin(np.linspace(0, 5 * np.pi, W, dtype=np.float32)), 0, 1)
        shade = shade * folds[None, :, None]
    tex = np.clip(tex * shade, 0, 255).astype(np.uint8)
    layer = Image.fromarray(tex, "RGB").convert("RGBA")
    layer.putalpha(mask)

    d = ImageDraw.Draw(layer)
    dark = tuple(max(0, int(c * 0.62)) for c in rgb) + (255,)
    light = tuple(min(255, int(c * 1.15 + 20)) for c in rgb) + (255,)
    P = _box_map(pad, pad, width, height)
    lw = max(1, width // 160)
    d.line(_poly(kind, pad, pad, width, height, mirror=back) + [_poly(kind, pad, pad, width, height, back)[0]],
           fill=dark, width=lw)
    if details:
        if kind in ("shirt", "jacket", "coat") and not back:
            top = {"shirt": 9, "jacket": 30, "coat": 26}[kind]
            d.line([P(50, top), P(50, 97)], fill=dark, width=lw)
            for k in range(5 if kind == "shirt" else 3):
                cx, cy = P(52.5, top + 8 + k * (80 - top) / 4.5)
                r = max(1.5, width * 0.012)
                d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=light, outline=dark)
            if kind == "shirt":  # collar
                d.polygon([P(37, 2), P(50, 9), P(44, 14)], fill=light, outline=dark)
                d.polygon([P(63, 2), P(50, 9), P(56, 14)], fill=light, outline=dark)
            else:  # lapels + pockets
                d.line([P(37, 1), P(44, top * 0.8), P(50, top)], fill=dark, width=lw)
                d.line([P(63, 1), P(56, top * 0.8), P(50, top)], fill=dark, width=lw)
                for px in (26, 60):
                    d.rectangle([P(px, 66), P(px + 14, 69)], fill=dark)
        if kind in ("t-shirt",) and not back:
            d.arc([*P(40, 0), *P(60, 14)], 0, 180, fill=dark, width=lw)
        if kind in BOTTOMS:
            wl, wr = {"shorts": (8, 92), "trousers": (17, 83), "skirt": (24, 76)}[kind]
            d.line([P(wl + 0.5, 7), P(wr - 0.5, 7)], fill=dark, width=lw)
            if kind != "skirt":
                d.line([P(50, 7), P(50, 20 if kind == "trousers" else 36)], fill=dark, width=lw)
        if kind == "dress":
            d.line([P(30, 30), P(70, 30)], fill=dark, width=lw)
    # hem line
    d.line([P(22 if kind in TOPS else 8, 95), P(78 if kind in TOPS else 92, 95)], fill=dark, width=1)
    return layer


def _background(w: int, h: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return Image.fromarray(np.broadcast_to(arr, (h, w, 3)).astype(np.uint8), "RGB")


def _packshot(product: Product, index: int, back: bool) -> Image.Image:
    W, H = 400, 480
    rng = _rng("pack", product.id, index)
    kind = product.category
    bg_val = rng.choice((255, 250, 246))
    img = Image.new("RGB", (W, H), (bg_val, bg_val, bg_val - (2 if bg_val < 255 else 0)))
    aspect = ASPECT[kind]
    gw = int(min(W * 0.8, H * 0.8 / aspect))
    gh = int(gw * aspect)
    x0, y0 = (W - gw) // 2, (H - gh) // 2 - 6
    # soft floor shadow, blurred at low resolution
    sh = Image.new("L", (W // 4, H // 4), 0)
    ImageDraw.Draw(sh).ellipse([(x0 + gw * 0.1) / 4, (y0 + gh - 4) / 4, (x0 + gw * 0.9) / 4, (y0 + gh + 16) / 4], fill=70)
    sh = sh.filter(ImageFilter.GaussianBlur(3)).resize((W, H), Image.BILINEAR)
    img.paste((150, 150, 150), (0, 0), sh)
    layer = garment_layer(kind, product.color_rgb, product.pattern, gw, seed=f"{product.id}", back=back)
    img.paste(layer, (x0 - 2, y0 - 2), layer)
    return img


def _model(product: Product, index: int) -> Image.Image:
    W, H = 360, 480
    rng = _rng("model", product.id, index)
    wall = rng.choice(((226, 220, 210), (214, 224, 230), (232, 222, 226), (220, 228, 214)))
    img = _background(W, H, wall, tuple(int(c * 0.86) for c in wall))
    d = ImageDraw.Draw(img)
    floor_y = int(H * 0.9)
    d.rectangle([0, floor_y, W, H], fill=tuple(int(c * 0.7) for c in wall))
    skin = rng.choice(SKIN_TONES)
    hair = rng.choice(((40, 30, 24), (90, 60, 30), (200, 170, 110), (20, 20, 20)))
    cx = W // 2
    kind = product.category
    # head, neck
    d.ellipse([cx - 26, 22, cx + 26, 84], fill=skin)
    d.pieslice([cx - 28, 16, cx + 28, 74], 180, 360, fill=hair)
    d.rectangle([cx - 10, 78, cx + 10, 100], fill=skin)
    shoulder_y = 96
    # arms (skin) behind garment
    d.polygon([(cx - 70, shoulder_y + 6), (cx - 86, 250), (cx - 72, 252), (cx - 52, shoulder_y + 30)], fill=skin)
    d.polygon([(cx + 70, shoulder_y + 6), (cx + 86, 250), (cx + 72, 252), (cx + 52, shoulder_y + 30)], fill=skin)
    # legs
    leg_colour = skin if kind in ("skirt", "shorts", "dress") else (46, 46, 52)
    d.polygon([(cx - 44, 260), (cx - 4, 260), (cx - 12, floor_y + 6), (cx - 34, floor_y + 6)], fill=leg_colour)
    d.polygon([(cx + 4, 260), (cx + 44, 260), (cx + 34, floor_y + 6), (cx + 12, floor_y + 6)], fill=leg_colour)
    d.ellipse([cx - 40, floor_y, cx - 8, floor_y + 14], fill=(30, 30, 30))
    d.ellipse([cx + 8, floor_y, cx + 40, floor_y + 14], fill=(30, 30, 30))
    seed = f"{product.id}"
    if kind in BOTTOMS:
        # plain tee on top, the product below the waist
        tee = garment_layer("t-shirt", (236, 236, 232), "solid", 170, seed=f"tee{product.id}", details=False)
        img.paste(tee, (cx - 87, shoulder_y - 6), tee)
        gw = {"shorts": 120, "trousers": 112, "skirt": 130}[kind]
        layer = garment_layer(kind, product.color_rgb, product.pattern, gw, seed=seed)
        img.paste(layer, (cx - gw // 2 - 2, 250), layer)
    else:
        gw = {"coat": 176, "jacket": 176, "shirt": 176, "t-shirt": 170, "dress": 150}.get(kind, 130)
        y = shoulder_y - 6 if kind not in ("vest top", "sling top") else shoulder_y - 10
        if kind in ("vest top", "sling top", "t-shirt", "shirt", "jacket"):
            trousers = garment_layer("trousers", (50, 52, 60), "solid", 104, seed=f"tr{product.id}", details=False)
            img.paste(trousers, (cx - 54, 240), trousers)
        layer = garment_layer(kind, product.color_rgb, product.pattern, gw, seed=seed)
        img.paste(layer, (cx - gw // 2 - 2, y), layer)
    return img


def _detail(product: Product, index: int) -> Image.Image:
    W = H = 360
    rng = _rng("detail", product.id, index)
    tex = fabric_texture(W, H, product.color_rgb, product.pattern, scale=2.6, seed=f"{product.id}",
                         offset=(rng.randrange(200), rng.randrange(200)))
    xs = np.linspace(-1, 1, W, dtype=np.float32)
    ys = np.linspace(-1, 1, H, dtype=np.float32)
    vignette = 1.05 - 0.18 * (xs[None, :] ** 2 + ys[:, None] ** 2)
    tex = np.clip(tex * vignette[..., None], 0, 255).astype(np.uint8)
    img = Image.fromarray(tex, "RGB")
    d = ImageDraw.Draw(img)
    dark = tuple(max(0, int(c * 0.55)) for c in product.color_rgb)
    seam_y = rng.randrange(80, 280)
    for k in range(0, W, 12):  # stitched seam
        d.line([(k, seam_y), (k + 7, seam_y)], fill=dark, width=2)
    d.line([(0, seam_y + 6), (W, seam_y + 6)], fill=dark, width=1)
    if product.category in ("shirt", "jacket", "coat"):
        bx, by = rng.randrange(100, 260), rng.randrange(60, 300)
        d.ellipse([bx - 18, by - 18, bx + 18, by + 18], fill=(236, 230, 220), outline=dark, width=2)
        for ox, oy in ((-5, -5), (5, -5), (-5, 5), (5, 5)):
            d.ellipse([bx + ox - 2, by + oy - 2, bx + ox + 2, by + oy + 2], fill=dark)
    return img


def render_product_image(product: Product, index: int) -> Image.Image:
    """RGB PIL image of gallery image ``index`` of ``product`` (deterministic)."""
    views = product.image_views
    view = views[index] if 0 <= index < len(views) else "front"
    if view == "model":
        return _model(product, index)
    if view == "detail":
        return _detail(product, index)
    return _packshot(product, index, back=view == "back")


# --- bytes served -----------------------------------------------------------------------------


def encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpeg":
        img.save(buf, "JPEG", quality=82)
    elif fmt == "png":
        img.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(buf, "PNG", optimize=False)
    elif fmt == "webp":
        img.save(buf, "WEBP", quality=78, method=2)
    else:  # pragma: no cover
        raise ValueError(fmt)
    return buf.getvalue()


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


@lru_cache(maxsize=2)
def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A valid 1-bit greyscale PNG of width x height blank pixels (~110 KB for 30000x30000).

    Pillow refuses it in Image.open with DecompressionBombError (pixels > 2 * MAX_IMAGE_PIXELS)."""
    row = b"\x00" + bytes((width + 7) // 8)
    comp = zlib.compressobj(9)
    parts, left = [], height
    while left:
        k = min(1000, left)
        parts.append(comp.compress(row * k))
        left -= k
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", b"".join(parts)) + _png_chunk(b"IEND", b"")


NOT_AN_IMAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Access denied</title></head>"
    b"<body><h1>Access denied</h1><p>Hotlinking is not allowed.</p></body></html>\n"
)

# 1x1 transparent GIF
PIXEL_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@lru_cache(maxsize=1)
def logo_png() -> bytes:
    img = Image.new("RGB", (160, 40), (24, 24, 28))
    d = ImageDraw.Draw(img)
    d.rectangle([6, 6, 34, 34], outline=(240, 200, 80), width=3)
    d.line([(12, 28), (20, 12), (28, 28)], fill=(240, 200, 80), width=3)
    d.text((44, 13), "STREET2SHOP", fill=(245, 245, 245))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


class _LRU:
    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._d: OrderedDict[str, bytes] = OrderedDict()
        self._lock = Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            v = self._d.get(key)
            if v is not None:
                self._d.move_to_end(key)
            return v

    def put(self, key: str, value: bytes) -> None:
        with self._lock:
            self._d[key] = value
            self._d.move_to_end(key)
            while len(self._d) > self.maxsize:
                self._d.popitem(last=False)


class ImageStore:
    """Bytes for the /img/ paths of one shop, generated on demand and kept in an LRU cache."""

    def __init__(self, shop: Shop, maxsize: int = 4096) -> None:
        self.shop = shop
        self._cache = _LRU(maxsize)

    def get(self, path: str) -> bytes | None:
        """Bytes to serve for ``path`` (None: 404)."""
        spec = self.shop.images.get(path)
        if spec is None or spec.outcome == "missing":
            return None
        data = self._cache.get(path)
        if data is None:
            data = self._make(spec)
            self._cache.put(path, data)
        return data

    def _make(self, spec: ImageSpec) -> bytes:
        if spec.outcome == "bomb":
            return bomb_png()
        if spec.outcome == "not_image":
            return NOT_AN_IMAGE
        product = self.shop.by_id[spec.product_id]
        img = render_product_image(product, spec.index)
        if spec.width:
            img = img.resize((spec.width, round(img.height * spec.width / img.width)), Image.LANCZOS)
        data = encode(img, spec.fmt)
        if spec.outcome == "broken":
            data = data[: max(64, int(len(data) * 0.45))]
        return data
