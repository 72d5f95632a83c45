"""Images of the demo blog: street scenes whose characters wear the shop's garments, and blog chrome.

`render_scene(blog, post, k)` draws street image ``k`` of ``post`` (480x320): a simple room/street
background and one or two figures (head, hair, arms, legs) wearing the garments planned in
`StreetImage.figures`, each drawn with the shop's `garment_layer` in the product's kind, colour,
pattern and texture seed, so the garment is the product's. It also returns, per item, the mask of
the pixels where that garment is visible (later layers cover earlier ones).

`blog_image_bytes(blog, path)` returns the JPEG bytes of any /blog/img/ path (scene, figure crop,
related-post thumbnail, avatar, sidebar ad, affiliate banner, logo) or None.
"""

from __future__ import annotations

import io
import random
import threading
import unicodedata
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw

from .photos import garment_layer

if TYPE_CHECKING:  # pragma: no cover
    from .blog import Blog, Figure, Post

#: Garment width (px at scale 1, the shop's model view) and top edge (y at scale 1).
WIDTH = {"coat": 176, "jacket": 176, "shirt": 176, "t-shirt": 170, "dress": 150, "vest top": 130,
         "sling top": 130, "shorts": 120, "trousers": 112, "skirt": 130}
TOP_Y = {"vest top": 86, "sling top": 86, "shorts": 250, "trousers": 250, "skirt": 250}
GENERIC_TROUSERS = (104, 240)
FIGURE_HEIGHT = 432  # head top .. floor at scale 1
JPEG_QUALITY = 88

_lock = threading.Lock()


def _rng(*parts: object) -> random.Random:
    return random.Random(":".join(map(str, parts)))


def _gradient(w: int, h: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return Image.fromarray(np.broadcast_to(arr, (h, w, 3)).astype(np.uint8), "RGB")


def _shade(c: tuple[int, int, int], f: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(v * f))) for v in c)  # type: ignore[return-value]


def _background(setting: str, w: int, h: int, rng: random.Random, floor_y: int) -> Image.Image:
    if setting == "street":
        img = _gradient(w, h, (150, 190, 226), (222, 232, 240))
        d = ImageDraw.Draw(img)
        x = -rng.randrange(30)
        while x < w:
            bw, bh = rng.randrange(70, 130), rng.randrange(120, 230)
            col = rng.choice(((150, 96, 80), (176, 168, 156), (120, 118, 124), (196, 180, 150)))
            d.rectangle([x, floor_y - bh, x + bw, floor_y], fill=col)
            for wy in range(floor_y - bh + 14, floor_y - 30, 30):
                for wx in range(x + 10, x + bw - 16, 26):
                    d.rectangle([wx, wy, wx + 12, wy + 16], fill=(70, 86, 104))
            x += bw + rng.randrange(2, 10)
        d.rectangle([0, floor_y - 6, w, h], fill=(150, 150, 146))
        d.line([(0, floor_y + 10), (w, floor_y + 10)], fill=(120, 120, 118), width=2)
        return img
    wall = {"apartment": (226, 214, 196), "cafe": (70, 96, 80), "office": (222, 226, 228)}[setting]
    img = _gradient(w, h, wall, _shade(wall, 0.85))
    d = ImageDraw.Draw(img)
    floor = {"apartment": (150, 110, 76), "cafe": (110, 84, 64), "office": (170, 170, 168)}[setting]
    d.rectangle([0, floor_y - 8, w, h], fill=floor)
    if setting == "apartment":
        wx = rng.randrange(20, w - 160)
        d.rectangle([wx, 36, wx + 130, 160], fill=(245, 245, 240))
        d.rectangle([wx + 6, 42, wx + 124, 154], fill=(170, 206, 232))
        d.line([(wx + 65, 42), (wx + 65, 154)], fill=(245, 245, 240), width=4)
        sx = rng.randrange(0, w - 220)
        d.rounded_rectangle([sx, floor_y - 80, sx + 220, floor_y - 8], radius=12, fill=(96, 110, 130))
        d.ellipse([w - 70, 60, w - 40, 90], fill=(250, 236, 180))
        d.line([(w - 55, 90), (w - 55, floor_y - 8)], fill=(60, 60, 60), width=3)
    elif setting == "cafe":
        d.rectangle([0, floor_y - 90, w, floor_y - 8], fill=(120, 84, 56))
        d.rectangle([0, floor_y - 96, w, floor_y - 88], fill=(200, 190, 170))
        for lx in range(40 + rng.randrange(30), w, 110):
            d.line([(lx, 0), (lx, 50)], fill=(30, 30, 30), width=2)
            d.pieslice([lx - 22, 40, lx + 22, 80], 180, 360, fill=(212, 170, 70))
        bx = rng.randrange(20, w - 140)
        d.rectangle([bx, 70, bx + 120, 140], fill=(34, 38, 36), outline=(150, 110, 70), width=4)
    else:  # office
        for sy in (60, 110):
            d.rectangle([20, sy, 180, sy + 6], fill=(140, 120, 96))
            for bx in range(26, 170, 14):
                spine = rng.choice(((150, 40, 40), (40, 70, 120), (200, 170, 90)))
                d.rectangle([bx, sy - 30 + (bx % 7), bx + 10, sy], fill=spine)
        px = w - rng.randrange(50, 90)
        d.polygon([(px - 16, floor_y - 8), (px + 16, floor_y - 8), (px + 12, floor_y - 40), (px - 12, floor_y - 40)],
                  fill=(170, 100, 70))
        for k in range(5):
            d.ellipse([px - 34 + k * 10, floor_y - 100 + (k % 2) * 14, px - 6 + k * 10, floor_y - 44],
                      fill=(60, 120, 60))
    return img


def _paste(canvas: Image.Image, layer: Image.Image, x: int, y: int) -> np.ndarray:
    """Alpha-composite ``layer`` at (x, y); returns its alpha (0..255) in canvas coordinates."""
    canvas.paste(layer, (x, y), layer)
    W, H = canvas.size
    alpha = np.zeros((H, W), np.uint8)
    a = np.asarray(layer.getchannel("A"))
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + layer.width), min(H, y + layer.height)
    if x1 > x0 and y1 > y0:
        alpha[y0:y1, x0:x1] = a[y0 - y: y1 - y, x0 - x: x1 - x]
    return alpha


def _draw_figure(img: Image.Image, fig: Figure) -> list[tuple[int | None, np.ndarray]]:
    s, cx = fig.scale, fig.cx
    y0 = fig.floor_y - FIGURE_HEIGHT * s
    ch = fig.character
    d = ImageDraw.Draw(img)

    def P(x: float, y: float) -> tuple[float, float]:
        return (cx + x * s, y0 + y * s)

    kinds = {g.kind for g in fig.garments}
    bare_legs = bool(kinds & {"skirt", "shorts", "dress"})
    if ch.long_hair:
        d.rounded_rectangle([*P(-30, 24), *P(30, 130)], radius=int(14 * s), fill=ch.hair)
    d.ellipse([*P(-26, 22), *P(26, 84)], fill=ch.skin)
    d.pieslice([*P(-28, 16), *P(28, 74)], 180, 360, fill=ch.hair)
    d.rectangle([*P(-10, 78), *P(10, 100)], fill=ch.skin)
    sh = 96
    d.polygon([P(-66, sh + 16), P(-86, 250), P(-72, 252), P(-52, sh + 30)], fill=ch.skin)
    d.polygon([P(66, sh + 16), P(86, 250), P(72, 252), P(52, sh + 30)], fill=ch.skin)
    leg = ch.skin if bare_legs else (46, 46, 52)
    d.polygon([P(-44, 260), P(-4, 260), P(-12, 438), P(-34, 438)], fill=leg)
    d.polygon([P(4, 260), P(44, 260), P(34, 438), P(12, 438)], fill=leg)
    d.ellipse([*P(-40, 432), *P(-8, 446)], fill=(30, 30, 30))
    d.ellipse([*P(8, 432), *P(40, 446)], fill=(30, 30, 30))

    out: list[tuple[int | None, np.ndarray]] = []
    for g in fig.garments:
        if g.item is None and g.kind == "trousers":
            gw, top = GENERIC_TROUSERS
        else:
            gw, top = WIDTH[g.kind], TOP_Y.get(g.kind, 90)
        width = max(8, round(gw * s))
        layer = garment_layer(g.kind, g.rgb, g.pattern, width, seed=g.seed, details=g.item is not None)
        x, y = round(cx - width / 2 - 2), round(y0 + top * s - 2)
        out.append((g.item, _paste(img, layer, x, y)))
    return out


def render_scene(blog: Blog, post: Post, k: int) -> tuple[Image.Image, dict[int, np.ndarray]]:
    """Street image ``k`` of ``post`` and ``{item index: visible-garment mask}`` (cached; do not modify)."""
    cache = blog._state.setdefault("scenes", {})
    key = (post.slug, k)
    with _lock:
        hit = cache.get(key)
    if hit is not None:
        return hit
    im = post.street_images[k]
    rng = _rng("blog-scene", blog.seed, post.slug, k)
    floor_y = max(f.floor_y for f in im.figures) - 6 if im.figures else im.height - 20
    img = _background(im.setting, im.width, im.height, rng, floor_y)
    layers: list[tuple[int | None, np.ndarray]] = []
    for fig in im.figures:
        layers.extend(_draw_figure(img, fig))
    masks: dict[int, np.ndarray] = {}
    for n, (item, alpha) in enumerate(layers):
        if item is None:
            continue
        vis = alpha > 200
        for _, later in layers[n + 1:]:
            vis &= later < 30
        masks[item] = vis
    out = (img, masks)
    with _lock:
        cache[key] = out
    return out


def _jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=JPEG_QUALITY)
    return buf.getvalue()


def _crop(blog: Blog, post: Post, item_index: int) -> Image.Image:
    item = next(it for it in post.items if it.index == item_index)
    img, masks = render_scene(blog, post, item.image)
    ys, xs = np.nonzero(masks[item.index])
    pad = 8
    box = (max(0, int(xs.min()) - pad), max(0, int(ys.min()) - pad),
           min(img.width, int(xs.max()) + 1 + pad), min(img.height, int(ys.max()) + 1 + pad))
    crop = img.crop(box)
    return crop.resize((crop.width * 2, crop.height * 2), Image.LANCZOS)


def _avatar(name: str) -> Image.Image:
    rng = _rng("avatar", name)
    bg = rng.choice(((230, 200, 200), (200, 220, 236), (214, 230, 200), (236, 224, 196)))
    img = Image.new("RGB", (64, 64), bg)
    d = ImageDraw.Draw(img)
    skin = rng.choice(((241, 204, 178), (198, 140, 102), (150, 98, 66)))
    d.ellipse([8, 44, 56, 90], fill=rng.choice(((60, 60, 80), (140, 40, 40), (40, 100, 90))))
    d.ellipse([20, 12, 44, 40], fill=skin)
    d.pieslice([18, 8, 46, 34], 180, 360, fill=rng.choice(((40, 30, 24), (200, 170, 110), (20, 20, 20))))
    return img


def _ad(blog: Blog) -> Image.Image:
    img = Image.new("RGB", (300, 250), (196, 30, 44))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 190, 300, 250], fill=(250, 246, 236))
    d.text((16, 16), "WINTER SALE", fill=(255, 255, 255))
    d.text((16, 34), "up to -50% on coats", fill=(255, 230, 230))
    d.text((16, 206), "Shop now >", fill=(196, 30, 44))
    coat = garment_layer("coat", (240, 236, 228), "solid", 90, seed="blog-ad")
    img.paste(coat, (190, 30), coat)
    return img


def _banner(blog: Blog) -> Image.Image:
    p = blog.noise_link("affiliate_banner").product
    img = Image.new("RGB", (300, 120), (24, 24, 28))
    d = ImageDraw.Draw(img)
    d.text((14, 14), "EDITOR'S PICK", fill=(240, 200, 80))
    if p is not None:
        brand = unicodedata.normalize("NFKD", p.brand).encode("ascii", "ignore").decode()
        d.text((14, 34), brand[:22], fill=(240, 240, 240))
        w = 70
        layer = garment_layer(p.category, p.color_rgb, p.pattern, w, seed=f"{p.id}")
        scale = min(1.0, 104 / layer.height)
        if scale < 1:
            layer = layer.resize((max(8, int(layer.width * scale)), max(8, int(layer.height * scale))), Image.LANCZOS)
        img.paste(layer, (300 - layer.width - 16, (120 - layer.height) // 2), layer)
    return img


def _logo() -> Image.Image:
    img = Image.new("RGB", (240, 60), (250, 244, 240))
    d = ImageDraw.Draw(img)
    d.ellipse([10, 10, 50, 50], outline=(196, 60, 90), width=4)
    d.text((60, 16), "SCREEN STYLE", fill=(40, 30, 40))
    d.text((60, 32), "DIARIES", fill=(196, 60, 90))
    return img


def blog_image_bytes(blog: Blog, path: str) -> bytes | None:
    """JPEG bytes served at ``path`` (a key of ``blog.images``), None when unknown."""
    spec = blog.images.get(path)
    if spec is None:
        return None
    cache = blog._state.setdefault("image_bytes", {})
    with _lock:
        data = cache.get(path)
    if data is not None:
        return data
    if spec.kind == "scene":
        post = blog.post(spec.post)
        img = render_scene(blog, post, spec.index)[0]
    elif spec.kind == "crop":
        img = _crop(blog, blog.post(spec.post), spec.index)
    elif spec.kind == "thumb":
        img = render_scene(blog, blog.post(spec.post), 0)[0].resize((192, 128), Image.LANCZOS)
    elif spec.kind == "avatar":
        img = _avatar(path.rsplit("/", 1)[1])
    elif spec.kind == "ad":
        img = _ad(blog)
    elif spec.kind == "banner":
        img = _banner(blog)
    else:
        img = _logo()
    data = _jpeg(img)
    with _lock:
        cache[path] = data
    return data

