"""Normalisation, quality flags and gallery ranking on real photos (scikit-image) and the demo
shop's generated packshots / model shots / fabric close-ups."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image, ImageFilter

from street2shop.demo.site.shop import build_shop
from street2shop.demo.site.photos import garment_layer, render_product_image
from street2shop.core.image_gate import ImageRejected
from street2shop.pipeline.normalise import (
    DEFAULT_THRESHOLDS,
    _background,
    _border_colour,
    _mask_box,
    _open2x2,
    _scale_box,
    _working,
    _working_image,
    crop_box,
    garment_crops,
    image_stats,
    load_image,
    normalise,
    pad_resize,
    pad_square,
    quality_flags,
    rank_listing_images,
    trim_background,
)

skdata = pytest.importorskip("skimage.data")


def photo(name: str) -> Image.Image:
    a = getattr(skdata, name)()
    if a.ndim == 2:
        a = np.stack([a] * 3, axis=-1)
    return Image.fromarray(np.ascontiguousarray(a[..., :3]), "RGB")


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def diff(a: Image.Image, b: Image.Image) -> float:
    return float(np.abs(np.asarray(a, np.float32) - np.asarray(b, np.float32)).mean())


@pytest.fixture(scope="module")
def shop():
    return build_shop(48)


def view(shop, name: str, k: int = 0):
    """The k-th product with a gallery view ``name``, rendered."""
    found = [(p, p.image_views.index(name)) for p in shop.products if name in p.image_views]
    p, i = found[k]
    return render_product_image(p, i)


# --- decoding -----------------------------------------------------------------------------------


def test_exif_rotated_jpeg_comes_out_upright():
    upright = photo("coffee")  # 600 x 400, landscape
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a phone writes, portrait
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    data = encode(stored, "JPEG", quality=92, exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).size == (400, 600)
    out = load_image(data)
    assert out.mode == "RGB" and out.size == upright.size
    assert diff(out, upright) < 6  # JPEG noise only; a wrong rotation is ~60


def test_modes_are_converted_to_rgb():
    rgba = Image.new("RGBA", (64, 48), (200, 10, 10, 255))
    rgba.paste((0, 0, 0, 0), (0, 0, 32, 48))  # left half transparent
    out = load_image(encode(rgba, "PNG"))
    assert out.mode == "RGB"
    assert out.getpixel((5, 5)) == (255, 255, 255) and out.getpixel((50, 5)) == (200, 10, 10)

    la = Image.new("LA", (40, 40), (90, 0))
    assert load_image(encode(la, "PNG")).getpixel((3, 3)) == (255, 255, 255)

    pal = Image.new("P", (40, 40), 1)
    pal.putpalette([0, 0, 0, 10, 200, 30] + [0] * 762)
    pal.info["transparency"] = 0
    assert load_image(encode(pal, "PNG")).getpixel((1, 1)) == (10, 200, 30)

    grey16 = Image.fromarray(np.full((40, 40), 32768, np.uint16))  # mid grey in 16 bits
    out16 = load_image(encode(grey16, "PNG"))
    assert out16.mode == "RGB" and abs(out16.getpixel((0, 0))[0] - 128) <= 1

    cmyk = Image.new("CMYK", (40, 40), (0, 255, 255, 0))  # red
    r, g, b = load_image(encode(cmyk, "JPEG", quality=95)).getpixel((20, 20))
    assert r > 200 and g < 60 and b < 60

    with pytest.raises(ImageRejected) as err:
        load_image(b"<html>nope</html>")
    assert err.value.kind == "not_image"


# --- trim / crop / pad / normalise --------------------------------------------------------------


def test_rgba_packshot_trims_to_the_object():
    layer = garment_layer("shirt", (178, 34, 40), "check", 200, seed="t")
    canvas = Image.new("RGBA", (500, 600), (0, 0, 0, 0))
    canvas.paste(layer, (120, 90), layer)
    alpha_box = canvas.getchannel("A").point(lambda a: 255 if a > 40 else 0).getbbox()
    img = load_image(encode(canvas, "PNG"))
    cropped, box = trim_background(img)
    assert all(abs(a - b) <= 3 for a, b in zip(box, alpha_box)), (box, alpha_box)
    assert cropped.size == (box[2] - box[0], box[3] - box[1])
    # JPEG re-encoding of the flattened packshot still trims to the same box, within an 8x8 block
    _, box_jpeg = trim_background(load_image(encode(img, "JPEG", quality=60)))
    assert all(abs(a - b) <= 6 for a, b in zip(box_jpeg, alpha_box)), (box_jpeg, alpha_box)  # JPEG ringing


def test_trim_is_a_no_op_without_uniform_border(shop):
    astro = photo("astronaut")
    out, box = trim_background(astro)
    assert box == (0, 0, 512, 512) and out.size == astro.size
    model = view(shop, "model")
    assert trim_background(model)[1] == (0, 0, *model.size)


def test_fixture_packshot_trim_excludes_background(shop):
    img = view(shop, "front")
    _, (x0, y0, x1, y1) = trim_background(img)
    assert 20 < x0 < 80 and x1 > img.width - 80 and x1 < img.width - 20
    assert 20 < y0 and y1 < img.height - 10


def test_crop_box_margin_and_clipping():
    img = Image.new("RGB", (200, 100))
    assert crop_box(img, (50, 20, 150, 70), margin=0.1).size == (120, 60)  # 10 px / 5 px each side
    assert crop_box(img, (0, 0, 100, 50), margin=0.2).size == (120, 60)  # clipped at the left/top
    sq = pad_square(Image.new("RGB", (30, 10), (0, 0, 0)), fill=(255, 255, 255))
    assert sq.size == (30, 30) and sq.getpixel((0, 0)) == (255, 255, 255) and sq.getpixel((15, 15)) == (0, 0, 0)


def test_normalise_packshot_and_detector_box(shop):
    img = view(shop, "front")
    n = normalise(img, size=256)
    assert n.image.size == (256, 256) and n.image.mode == "RGB"
    assert n.box_used == trim_background(img)[1]
    assert n.crop[0] < n.box_used[0] and n.crop[2] > n.box_used[2]
    assert n.flags == frozenset()
    assert n.image.getpixel((2, 2))[0] >= 240  # padded with the light background
    astro = photo("astronaut")
    m = normalise(astro, box=(180, 40, 340, 240), margin=0.1)  # a detector's box (the face)
    assert m.box_used == (180, 40, 340, 240) and m.crop == (164, 20, 356, 260)
    assert m.image.size == (384, 384)
    tiny = normalise(astro, box=(200, 200, 260, 250))
    assert "too_small" in tiny.flags


def _float_trim_box(img: Image.Image, tolerance: int = 12) -> tuple[int, int, int, int]:
    """The trim as it was first written (float pixels, scipy's opening): the reference the
    faster uint8 trim must equal."""
    from scipy import ndimage

    arr, scale = _working(img, side=1024)
    bg, _ = _background(arr, tolerance, 0.95)
    if bg is None:
        return (0, 0, img.width, img.height)
    mask = np.abs(arr - np.asarray(bg, np.float32)).max(axis=2) > tolerance
    box = _mask_box(ndimage.binary_opening(mask, structure=np.ones((2, 2), bool)))
    return (0, 0, img.width, img.height) if box is None else _scale_box(box, scale, img.size)


def test_open2x2_is_scipys_binary_opening():
    from scipy import ndimage

    rng = np.random.default_rng(0)
    for _ in range(200):
        h, w = rng.integers(1, 40, 2)
        mask = rng.random((h, w)) < rng.random()
        assert (_open2x2(mask) == ndimage.binary_opening(mask, structure=np.ones((2, 2), bool))).all()


def test_uint8_trim_and_border_equal_the_float_versions(shop):
    """trim_background and the border colour work on uint8 pixels now; on the generated
    packshots, model shots and close-ups (also 3x upscaled: trimmed at a reduced scale,
    and re-encoded as JPEG) the boxes and colours are exactly the float ones."""
    imgs = []
    for p in shop.products[:16]:
        for k in range(len(p.image_views)):
            img = render_product_image(p, k)
            imgs += [img, load_image(encode(img, "JPEG", quality=70))]
    imgs += [imgs[0].resize((imgs[0].width * 3, imgs[0].height * 3)), photo("astronaut"), photo("coffee")]
    th = DEFAULT_THRESHOLDS
    for img in imgs:
        assert trim_background(img)[1] == _float_trim_box(img)
        for side in (384, 1024):
            small, _ = _working_image(img, side)
            float_bg = _background(np.asarray(small, np.float32), th.tolerance, th.border_uniform)[0]
            assert _border_colour(small, th) == float_bg
    rng = np.random.default_rng(1)  # noisy borders, some uniform and some not
    for _ in range(300):
        h, w = rng.integers(4, 120, 2)
        a = np.clip(rng.integers(0, 256, 3) + rng.integers(-20, 21, (h, w, 3)), 0, 255).astype(np.uint8)
        small = Image.fromarray(a, "RGB")
        assert _border_colour(small, th) == _background(a.astype(np.float32), th.tolerance, th.border_uniform)[0]


def test_pad_resize_is_resizing_the_padded_square(shop):
    """pad_resize resamples only where the image reaches: within 2 levels of padding to a
    square and resizing it (Pillow takes the band's position in single precision), for tall
    and wide crops, down- and upscaled, and the same size exactly when no resampling is due."""
    cuts = [render_product_image(p, 0) for p in shop.products[:6]]
    cuts = [c.crop(trim_background(c)[1]) for c in cuts]
    rng = np.random.default_rng(2)
    cuts += [Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")
             for h, w in [(1, 300), (300, 1), (7, 500), (383, 384), (480, 360), (200, 900), (90, 60), (600, 599)]]
    for cut in cuts:
        fill = tuple(int(v) for v in rng.integers(0, 256, 3))
        for size in (384, 128, 500, max(cut.size)):
            ref = pad_square(cut, fill).resize((size, size), Image.Resampling.LANCZOS)
            out = pad_resize(cut, size, fill)
            assert out.size == (size, size) and out.mode == "RGB"
            d = np.abs(np.asarray(ref, np.int16) - np.asarray(out, np.int16))
            assert d.max() <= 2, (cut.size, size, d.max())
            if size == max(cut.size):
                assert d.max() == 0


# --- quality flags ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["astronaut", "chelsea", "coffee", "rocket"])
def test_blurry_photo_flagged_sharp_not(name):
    img = photo(name)
    assert "blurry" not in quality_flags(img)
    blurred = img.filter(ImageFilter.GaussianBlur(1.5 * max(img.size) / 384))
    assert "blurry" in quality_flags(blurred)


def test_blurry_packshot_flagged(shop):
    img = view(shop, "front", 3)
    assert quality_flags(img) == set()
    assert "blurry" in quality_flags(img.filter(ImageFilter.GaussianBlur(2)))


def test_close_up_texture(shop):
    # a crop from inside a packshot's garment, where its fabric repeats across the frame
    # (the detector needs the texture to repeat within each quarter of the image)
    p = next(p for p in shop.products if p.category == "t-shirt" and p.pattern in ("solid", "pinstripe"))
    front = render_product_image(p, 0)
    _, (x0, y0, x1, y1) = trim_background(front)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    texture_crop = front.crop((cx - 50, cy - 40, cx + 50, cy + 60)).resize((300, 300), Image.Resampling.LANCZOS)
    assert "close_up" in quality_flags(texture_crop)
    assert "close_up" in quality_flags(photo("grass").crop((0, 0, 300, 300)))
    for k in range(4):
        assert "close_up" in quality_flags(view(shop, "detail", k))
    assert "close_up" not in quality_flags(front)
    assert "close_up" not in quality_flags(view(shop, "model"))
    for name in ("astronaut", "coffee", "chelsea", "rocket"):
        assert "close_up" not in quality_flags(photo(name)), name


def test_several_items_and_mostly_background():
    def canvas_with(kinds, size=(640, 480), width=200):
        img = Image.new("RGB", size, (255, 255, 255))
        for k, kind in enumerate(kinds):
            layer = garment_layer(kind, (30, 42, 84) if k else (178, 34, 40), "solid", width, seed=str(k))
            img.paste(layer, (40 + k * (width + 60), 60), layer)
        return img

    two = canvas_with(["t-shirt", "shorts"])
    assert "several_items" in quality_flags(two)
    assert image_stats(two).components == 2
    one = canvas_with(["t-shirt"], size=(400, 400), width=300)
    assert "several_items" not in quality_flags(one)
    small = canvas_with(["t-shirt"], size=(1200, 1000), width=160)
    assert "mostly_background" in quality_flags(small)
    assert "mostly_background" not in quality_flags(one)
    assert "too_small" in quality_flags(one.resize((120, 90)))


# --- ranking ------------------------------------------------------------------------------------


def test_front_ranks_first_for_fixture_products(shop):
    checked = 0
    for p in shop.products:
        views = p.image_views
        if not ({"model", "detail"} & set(views)):
            continue
        imgs = [render_product_image(p, k) for k in range(len(views))]
        order = rank_listing_images(imgs)
        assert sorted(order) == list(range(len(imgs)))
        assert views[order[0]] == "front", (p.id, [views[i] for i in order])
        # ranked order ignores the gallery order for the kinds of view: close-ups last
        ranked = [views[i] for i in order]
        if "detail" in views:
            assert ranked[-1] == "detail", (p.id, ranked)
        # shuffled: a packshot (front, or the back when there is one) still comes first
        perm = list(range(len(imgs)))
        random.Random(p.id).shuffle(perm)
        first = views[perm[rank_listing_images([imgs[i] for i in perm])[0]]]
        assert first == "front" or (first == "back" and "back" in views), (p.id, first)
        checked += 1
    assert checked >= 30
    assert rank_listing_images(imgs) == order  # deterministic


def test_garment_crops_are_normalise_pixel_for_pixel():
    """Matching cuts several garments of one photo at once; the crops must be exactly the ones
    `normalise` (what the catalog uses) cuts."""
    rng = np.random.default_rng(3)
    photo = Image.fromarray(rng.integers(0, 255, (300, 420, 3), dtype=np.uint8), "RGB")
    packshot = Image.new("RGB", (300, 360), (250, 250, 250))
    packshot.paste((200, 30, 30), (80, 60, 220, 300))
    for image in (photo, packshot):
        boxes = [(10, 20, 200, 280), (150.4, 30.6, 299.5, 120.2), None]
        crops = garment_crops(image, boxes, size=128)
        for crop, box in zip(crops, boxes):
            expected = normalise(image, box=box, size=128, trim=box is None).image
            assert np.array_equal(np.asarray(crop), np.asarray(expected))
