"""Image normalisation: decode to upright RGB, trim packshot backgrounds, crop, pad, resize,
flag poor images, and rank a listing's gallery.

Everything here is a pure function of PIL images (numpy and scipy underneath; no torch), so
the same code runs in the crawler's item pipeline, in a Ray task or in a notebook.

* `load_image(bytes)` -> upright RGB: EXIF orientation applied, alpha flattened on white,
  CMYK / palette / LA / 16-bit / float modes converted.
* `trim_background(img)` -> the object's box on a uniform (packshot) background, or the whole
  image when the border is not uniform.
* `crop_box`, `pad_square`, `pad_resize`, `normalise(img, box)` -> square `size` x `size` crop with a margin.
* `quality_flags(img)` -> a subset of `FLAGS`; `image_stats(img)` gives the numbers behind them.
* `rank_listing_images(images)` -> gallery indices, the image showing the whole product first.

The thresholds (`QualityThresholds`) were chosen by measurement on real photos
(scikit-image's sample images) and the demo shop's generated packshots, model shots and fabric
close-ups; `python tests/benchmarks/measure_dedupe.py` re-measures them and docs/dedupe.md
holds the figures.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageOps

from street2shop.core.image_gate import ImageRejected, guarded_open  # noqa: F401  (ImageRejected: what load_image raises)


FLAGS = ("too_small", "blurry", "mostly_background", "close_up", "several_items")
WHITE = (255, 255, 255)


# --- decoding -----------------------------------------------------------------------------------


def load_image(data: bytes) -> Image.Image:
    """Decode ``data`` into an upright 8-bit RGB image.

    EXIF orientation is applied (the pixels are rotated, the tag dropped); transparency (RGBA,
    LA, PA, palette with a transparent index) is flattened on white; CMYK is converted (through
    its embedded ICC profile when Pillow has LittleCMS); 16-bit and float greyscale are scaled
    to 8 bits. Animated images give their first frame. Undecodable bytes raise
    `ImageRejected` ("not_image", "broken" or "bomb") like `inspect_image` does.
    """
    with guarded_open(data) as im:
        im.load()
        return to_rgb(im)


def to_rgb(im: Image.Image, *, background: tuple[int, int, int] = WHITE) -> Image.Image:
    """An upright RGB copy of a decoded PIL image (see `load_image`)."""
    try:
        im = ImageOps.exif_transpose(im)
    except Exception:  # a broken EXIF block must not lose the image  # noqa: BLE001
        pass
    mode = im.mode
    if mode == "RGB":
        return im.copy() if im.info.get("exif") is None else Image.fromarray(np.asarray(im), "RGB")
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        arr = np.asarray(im).astype(np.float64)
        if mode == "F":
            hi = 1.0 if arr.size and np.nanmax(arr) <= 1.0 else 255.0
        elif mode.startswith("I;16") or (arr.size and arr.max() > 255):
            hi = 65535.0
        else:
            hi = 255.0
        arr = np.clip(np.nan_to_num(arr) * (255.0 / hi), 0, 255).round().astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "CMYK":
        icc = im.info.get("icc_profile")
        if icc:
            try:
                from PIL import ImageCms

                src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                return ImageCms.profileToProfile(im, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
            except Exception:  # no LittleCMS, or a bad profile: Pillow's plain formula  # noqa: BLE001
                pass
        return im.convert("RGB")
    has_alpha = mode in ("RGBA", "LA", "PA", "La", "RGBa") or (mode in ("P", "L", "RGB") and "transparency" in im.info)
    if has_alpha:
        rgba = im.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (*background, 255))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return im.convert("RGB")


# --- analysis -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QualityThresholds:
    """Limits behind `quality_flags`; docs/dedupe.md has the measurements they come from."""

    min_side: int = 160  # shorter side of the image (or of the object crop) in pixels
    blur: float = 0.38  # Crete blur score at <= 384 px; above: blurry
    background_fraction: float = 0.90  # near-background share of a uniform-border image
    border_uniform: float = 0.95  # share of border pixels near the background colour
    tolerance: int = 12  # max channel difference from the background colour
    close_up_colour: float = 26.0  # largest tile-mean colour deviation (0..255) of a close-up
    close_up_contrast: float = 0.33  # ... or this share of the image's colour std, if larger
    close_up_texture: float = 0.16  # median relative deviation of tile gradient energy of a close-up
    blank_light: int = 235  # a uniform image whose colour is at least this light is blank, not a close-up
    item_min_area: float = 0.25  # a second component must be this share of the largest one
    item_min_image_area: float = 0.02  # ... and this share of the image


DEFAULT_THRESHOLDS = QualityThresholds()
ANALYSIS_SIDE = 384  # images are analysed at most this large (the normalised size)
TRIM_SIDE = 1024  # ... but trimmed (and their border colour measured) at up to this size: boxes need the detail


@dataclass(frozen=True)
class ImageStats:
    """What `quality_flags` and `rank_listing_images` decide on (analysis scale <= 384 px)."""

    width: int
    height: int
    background: tuple[int, int, int] | None  # the border colour when the border is uniform
    border_uniform: float  # share of border pixels within tolerance of the border's median colour
    foreground_fraction: float  # share of pixels that differ from the background (1.0 if no uniform border)
    object_box: tuple[int, int, int, int]  # in original pixels; the whole image if no uniform border
    touches_edge: bool  # the object box reaches the image border (cut off)
    components: int  # large foreground components (items) on a uniform background
    blur: float  # Crete et al. blur score, 0 sharp .. 1 very blurry
    homogeneity: float  # spread of tile statistics over the close-up limits; < 1: the same texture everywhere

    @property
    def uniform_background(self) -> bool:
        return self.background is not None


def _working(img: Image.Image, side: int = ANALYSIS_SIDE) -> tuple[np.ndarray, float]:
    """RGB float array of ``img`` scaled so its longer side is at most ``side``; and the scale."""
    small, scale = _working_image(img, side)
    return np.asarray(small, dtype=np.float32), scale


def _working_image(img: Image.Image, side: int = ANALYSIS_SIDE) -> tuple[Image.Image, float]:
    """RGB ``img`` scaled (BOX) so its longer side is at most ``side``; and the scale. The
    trimming and border code works on it (and on its uint8 pixels) directly: a float copy of
    every pixel was most of their cost."""
    scale = min(1.0, side / max(img.size))
    if scale < 1.0:
        small = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))),
                           Image.Resampling.BOX)
    else:
        small = img
    return (small if small.mode == "RGB" else small.convert("RGB")), scale


def _border(arr: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    h, w = arr.shape[:2]
    b = max(2, round(0.01 * min(h, w)))
    sides = [arr[:b].reshape(-1, 3), arr[-b:].reshape(-1, 3), arr[:, :b].reshape(-1, 3), arr[:, -b:].reshape(-1, 3)]
    return np.concatenate(sides), sides


def _background(arr: np.ndarray, tolerance: int, need: float) -> tuple[tuple[int, int, int] | None, float]:
    """(background colour or None, share of border pixels near the border's median colour)."""
    border, sides = _border(arr)
    bg = np.median(border, axis=0)
    near = np.abs(border - bg).max(axis=1) <= tolerance
    share = float(near.mean())
    side_medians = np.array([np.median(s, axis=0) for s in sides])
    sides_agree = float(np.abs(side_medians - bg).max()) <= tolerance / 2
    if share >= need and sides_agree:
        return tuple(int(round(v)) for v in bg), share  # type: ignore[return-value]
    return None, share


def _foreground(arr: np.ndarray, bg: tuple[int, int, int], tolerance: int) -> np.ndarray:
    mask = np.abs(arr - np.asarray(bg, np.float32)).max(axis=2) > tolerance
    # drop JPEG speckle and single-pixel noise; keep thin parts (straps) by opening lightly
    return _open2x2(mask)


def _foreground_image(img: Image.Image, bg: tuple[int, int, int], tolerance: int) -> np.ndarray:
    """`_foreground` of an RGB image, the same mask computed in Pillow and on booleans.

    A per-band lookup table marks each channel value further than ``tolerance`` from the
    background with 255, and the greyscale conversion of that image is non-zero exactly where
    any channel is marked (its smallest weight, blue's, still maps 255 to 29). Then the 2x2
    opening. On a 400 x 480 packshot this is ~10x faster than the float version, which spent
    its time in a per-pixel max over three channels."""
    lut = [0 if abs(v - c) <= tolerance else 255 for c in bg for v in range(256)]
    mask = np.asarray(img.point(lut).convert("L")).astype(bool)
    return _open2x2(mask)


def _open2x2(mask: np.ndarray) -> np.ndarray:
    """Binary opening by a 2x2 square (what `_foreground` gets from scipy): the union of every
    2x2 square that lies wholly inside ``mask`` and the image. Four shifted ANDs find the
    squares (by their top-left pixel), four shifted ORs paint them back."""
    h, w = mask.shape
    out = np.zeros_like(mask)
    if h < 2 or w < 2:
        return out
    sq = mask[:-1, :-1] & mask[1:, :-1] & mask[:-1, 1:] & mask[1:, 1:]
    out[:-1, :-1] |= sq
    out[1:, :-1] |= sq
    out[:-1, 1:] |= sq
    out[1:, 1:] |= sq
    return out


def _mask_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    h, w = mask.shape
    rows = np.count_nonzero(mask, axis=1) >= max(1, 0.004 * w)
    cols = np.count_nonzero(mask, axis=0) >= max(1, 0.004 * h)
    if not rows.any() or not cols.any():
        return None
    y0, y1 = int(np.argmax(rows)), int(h - np.argmax(rows[::-1]))
    x0, x1 = int(np.argmax(cols)), int(w - np.argmax(cols[::-1]))
    return x0, y0, x1, y1


def _scale_box(box: tuple[int, int, int, int], scale: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    if scale == 1.0:
        return box
    x0, y0, x1, y1 = box
    w, h = size
    return (max(0, int(np.floor(x0 / scale))), max(0, int(np.floor(y0 / scale))),
            min(w, int(np.ceil(x1 / scale))), min(h, int(np.ceil(y1 / scale))))


def blur_score(grey: np.ndarray) -> float:
    """No-reference blur score of Crete et al. (2007): 0 sharp .. 1 blurry.

    It compares the neighbour differences of the image with those of a copy blurred by a
    9-pixel box filter: a sharp image loses much of its variation, a blurry one little. It is
    a ratio of sums, so flat backgrounds (packshots) do not dilute it the way they dilute the
    variance of the Laplacian."""
    from scipy import ndimage  # noqa: PLC0415  (here, not at the top: bulk ingest's workers never need it)

    g = grey.astype(np.float32)
    if min(g.shape) < 10:
        return 1.0
    scores = []
    for axis in (0, 1):
        blurred = ndimage.uniform_filter1d(g, 9, axis=axis)
        d_f = np.abs(np.diff(g, axis=axis))
        d_b = np.abs(np.diff(blurred, axis=axis))
        s_f = float(d_f.sum())
        if s_f <= 1e-6:
            scores.append(1.0)
            continue
        s_v = float(np.maximum(0.0, d_f - d_b).sum())
        scores.append((s_f - s_v) / s_f)
    return max(scores)


def _homogeneity(arr: np.ndarray, thresholds: QualityThresholds, grid: int = 4) -> float:
    """How much the tiles of a ``grid`` x ``grid`` split differ (under 1.0: alike, a close-up).

    Per tile: mean colour and mean gradient magnitude. The score is the larger of (a) the
    largest distance of a tile's mean colour from the median tile's (max over channels, 0..255)
    over `close_up_colour` (or `close_up_contrast` x the image's colour std when larger: a
    high-contrast stripe does not average out in a tile), and (b) the median relative deviation of the tiles' gradient energy
    over `close_up_texture`. A fabric close-up repeats one texture to every edge (only a
    vignette or a seam varies); a scene, a model shot or a packshot does not."""
    h, w = arr.shape[:2]
    th, tw = h // grid, w // grid
    if th < 4 or tw < 4:
        return float("inf")
    grey = arr.mean(axis=2)
    gy, gx = np.gradient(grey)
    grad = np.hypot(gx, gy)
    cut = arr[: th * grid, : tw * grid].reshape(grid, th, grid, tw, 3)
    means = cut.mean(axis=(1, 3)).reshape(-1, 3)
    energy = grad[: th * grid, : tw * grid].reshape(grid, th, grid, tw).mean(axis=(1, 3)).ravel()
    colour_dev = float(np.abs(means - np.median(means, axis=0)).max())
    contrast = float(arr.reshape(-1, 3).std(axis=0).mean())
    e_med = float(np.median(energy))
    energy_dev = float(np.median(np.abs(energy - e_med))) / (e_med + 1.0)
    return max(colour_dev / max(thresholds.close_up_colour, thresholds.close_up_contrast * contrast),
               energy_dev / thresholds.close_up_texture)


def image_stats(img: Image.Image, thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> ImageStats:
    """Measure ``img`` (see `ImageStats`)."""
    arr, scale = _working(img)
    h, w = arr.shape[:2]
    bg, share = _background(arr, thresholds.tolerance, thresholds.border_uniform)
    grey = arr @ np.array([0.299, 0.587, 0.114], np.float32)
    blur = blur_score(grey)
    homogeneity = _homogeneity(arr, thresholds)
    if bg is None:
        return ImageStats(img.width, img.height, None, share, 1.0, (0, 0, img.width, img.height), True, 1,
                          blur, homogeneity)
    mask = _foreground(arr, bg, thresholds.tolerance)
    fg = float(mask.mean())
    box = _mask_box(mask)
    if box is None:
        return ImageStats(img.width, img.height, bg, share, fg, (0, 0, img.width, img.height), False, 0,
                          blur, homogeneity)
    m = max(1, round(0.005 * max(h, w)))
    touches = box[0] <= m or box[1] <= m or box[2] >= w - m or box[3] >= h - m
    from scipy import ndimage  # noqa: PLC0415  (see blur_score)

    closed = ndimage.binary_closing(mask, structure=np.ones((5, 5), bool))
    labels, n = ndimage.label(closed)
    components = 0
    if n:
        areas = np.bincount(labels.ravel())[1:]
        largest = areas.max()
        components = int(((areas >= thresholds.item_min_area * largest)
                          & (areas >= thresholds.item_min_image_area * h * w)).sum())
    return ImageStats(img.width, img.height, bg, share, fg, _scale_box(box, scale, img.size), touches, components,
                      blur, homogeneity)


def quality_flags(img: Image.Image, thresholds: QualityThresholds = DEFAULT_THRESHOLDS, *,
                  stats: ImageStats | None = None) -> set[str]:
    """The subset of `FLAGS` that applies to ``img``.

    * ``too_small``: shorter side under `min_side` px (it would be upscaled for the encoder).
    * ``blurry``: Crete blur score (`blur_score`, on the image at <= 384 px) over `blur`.
    * ``mostly_background``: uniform border and more than `background_fraction` of the pixels
      near the background colour (a small product lost in a big canvas, or a blank image).
    * ``close_up``: no object on a background: one texture fills the frame to every edge (the
      4x4 tiles alike in mean colour and gradient energy, see `is_close_up`): a fabric detail.
    * ``several_items``: uniform border and two or more large foreground components.
    """
    s = stats or image_stats(img, thresholds)
    flags: set[str] = set()
    if min(s.width, s.height) < thresholds.min_side:
        flags.add("too_small")
    if s.blur > thresholds.blur:
        flags.add("blurry")
    if is_close_up(s, thresholds):
        flags.add("close_up")
    elif s.uniform_background:
        if 1.0 - s.foreground_fraction > thresholds.background_fraction:
            flags.add("mostly_background")
        if s.components >= 2:
            flags.add("several_items")
    return flags


def is_close_up(s: ImageStats, thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> bool:
    """One texture fills the frame: the 4x4 tiles alike in colour and texture (`homogeneity`
    under 1), and either no uniform border or a uniform border that is not a light packshot
    background (a plain dark or coloured fabric with a seam; a light uniform image is a blank
    or near-blank packshot, flagged mostly_background instead)."""
    if s.homogeneity >= 1.0:
        return False
    return s.background is None or min(s.background) < thresholds.blank_light


# --- geometry -----------------------------------------------------------------------------------


def trim_background(img: Image.Image, tolerance: int = DEFAULT_THRESHOLDS.tolerance
                    ) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """Cut a packshot down to its object: ``(cropped, box)``, box = (x0, y0, x1, y1) in ``img``.

    The background colour is the median of a thin border band; the border must be uniform
    (95% of it within ``tolerance`` of that colour, the four sides agreeing), otherwise the
    image is returned unchanged with the full box. Pixels further than ``tolerance`` from the
    background (max over channels) are the object; rows/columns with only a few of them
    (JPEG speckle) do not count. A soft floor shadow counts as object."""
    th = QualityThresholds(tolerance=tolerance)
    small, scale = _working_image(img, side=TRIM_SIDE)
    bg = _border_colour(small, th)
    box = _trim_box(img, small, scale, bg, tolerance)
    return (img, box) if box == (0, 0, img.width, img.height) else (img.crop(box), box)


def cutout(img: Image.Image, tolerance: int = DEFAULT_THRESHOLDS.tolerance) -> Image.Image | None:
    """The object of a packshot as an RGBA image cut to its box, transparent where the uniform
    background was; None when the border is not uniform (a model shot, a scene)."""
    th = QualityThresholds(tolerance=tolerance)
    img = img if img.mode == "RGB" else to_rgb(img)
    bg = _border_colour(_working_image(img, side=TRIM_SIDE)[0], th)
    if bg is None:
        return None
    mask = _foreground_image(img, bg, tolerance)
    box = _mask_box(mask)
    if box is None:
        return None
    out = img.convert("RGBA")
    out.putalpha(Image.fromarray(mask.astype(np.uint8) * 255, "L"))
    return out.crop(box)


def _border_colour(small: Image.Image, thresholds: QualityThresholds) -> tuple[int, int, int] | None:
    """`_background`'s colour of a working image (None: the border is not uniform), computed
    from per-channel histograms of its uint8 border pixels: the same medians (the middle
    values, averaged for an even count) and the same within-tolerance test, without the
    sorting and float copies that made it a tenth of an ingested image's cost."""
    arr = np.asarray(small)
    _, sides = _border(arr)
    offsets = np.arange(3) * 256
    # one 768-bin count per side (channel c's value v lands in bin 256 c + v), and their sum
    hists = np.stack([np.bincount((side + offsets).ravel(), minlength=768).reshape(3, 256) for side in sides])
    medians = _hist_median(np.concatenate([hists.sum(axis=0, keepdims=True), hists]))
    bg, side_medians = medians[0], medians[1:]
    if float(np.abs(side_medians - bg).max()) > thresholds.tolerance / 2:
        return None
    values = np.arange(256)
    border = np.concatenate(sides)
    near = np.ones(len(border), bool)
    for c in range(3):
        near &= (np.abs(values - bg[c]) <= thresholds.tolerance)[border[:, c]]
    if float(near.mean()) < thresholds.border_uniform:
        return None
    return tuple(int(round(v)) for v in bg)  # type: ignore[return-value]


def _hist_median(hists: np.ndarray) -> np.ndarray:
    """Medians of values given as histograms over 0..255 (last axis), np.median's convention:
    the middle value, or the mean of the two middle values for an even count. The k-th
    smallest value (from 0) is the number of bins whose running count is still <= k."""
    n = hists[..., 0, :].sum(axis=-1)[..., None]  # values per histogram (every channel counts each pixel once)
    cum = np.cumsum(hists, axis=-1)
    lo = (cum <= ((n - 1) // 2)[..., None]).sum(axis=-1)
    hi = (cum <= (n // 2)[..., None]).sum(axis=-1)
    return (lo + hi) / 2.0


def _trim_box(img: Image.Image, small: Image.Image, scale: float, bg: tuple[int, int, int] | None,
              tolerance: int) -> tuple[int, int, int, int]:
    """`trim_background`'s box in ``img`` from its working image ``small`` (at ``scale``)."""
    full = (0, 0, img.width, img.height)
    if bg is None:
        return full
    box = _mask_box(_foreground_image(small, bg, tolerance))
    return full if box is None else _scale_box(box, scale, img.size)


def crop_box(img: Image.Image, box: tuple[float, float, float, float], margin: float = 0.1) -> Image.Image:
    """Crop ``box`` (x0, y0, x1, y1) grown by ``margin`` x its width/height on each side, clipped."""
    return img.crop(margin_box(img.size, box, margin))


def margin_box(size: tuple[int, int], box: tuple[float, float, float, float], margin: float = 0.1
               ) -> tuple[int, int, int, int]:
    """``box`` grown by ``margin`` of its own width/height on each side, clipped to ``size``."""
    w, h = size
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        raise ValueError(f"empty box {box}")
    mx, my = (x1 - x0) * margin, (y1 - y0) * margin
    return (max(0, int(np.floor(x0 - mx))), max(0, int(np.floor(y0 - my))),
            min(w, int(np.ceil(x1 + mx))), min(h, int(np.ceil(y1 + my))))


def pad_square(img: Image.Image, fill: tuple[int, int, int] = WHITE) -> Image.Image:
    """``img`` centred on a square canvas of ``fill`` (side = its longer side)."""
    side = max(img.size)
    if img.width == img.height:
        return img.copy()
    canvas = Image.new(img.mode, (side, side), fill if img.mode == "RGB" else fill[0])
    canvas.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
    return canvas


def pad_resize(img: Image.Image, size: int, fill: tuple[int, int, int] = WHITE) -> Image.Image:
    """``pad_square(img, fill)`` resized to ``size`` x ``size`` (Lanczos), computing only the
    output columns (or rows) that the image reaches.

    The padding is one flat colour, and a Lanczos tap sum over flat colour is that colour, so
    the output is ``fill`` wherever the filter sees padding only. Only the band the image's
    filter support reaches is resampled, in two one-axis passes in the order Pillow uses for
    the whole square (horizontal, then vertical), from a strip of the square just wide enough
    that no tap is clipped. Pillow takes the band's position as single-precision floats, so a
    pixel can differ from resizing the whole square by a level or two (tested). On a typical
    packshot crop this skips about a fifth of the resampling, the largest cost of normalising."""
    w, h = img.size
    side = max(w, h)
    if side == size:
        return pad_square(img, fill)
    if w == h:
        return img.resize((size, size), Image.Resampling.LANCZOS)
    img = img if img.mode == "RGB" else img.convert("RGB")
    k = side / size  # square pixels per output pixel
    reach = 3.0 * max(k, 1.0)  # Lanczos-3 support in square pixels (widened when downscaling)
    tall = w < h
    extent = w if tall else h
    lead = (side - extent) // 2  # padding before the image (pad_square centres it)
    # output pixels o whose support [(o + 0.5) k - reach, (o + 0.5) k + reach] meets the image, plus one
    o0 = max(0, math.floor((lead - reach) / k - 0.5) - 1)
    o1 = min(size, math.ceil((lead + extent + reach) / k - 0.5) + 1)
    # the strip of the square they read, one pixel wider each way so that no tap is clipped
    s0 = max(0, math.floor(o0 * k - reach) - 1)
    s1 = min(side, math.ceil(o1 * k + reach) + 1)
    out = Image.new("RGB", (size, size), fill)
    lanczos = Image.Resampling.LANCZOS
    if tall:
        strip = Image.new("RGB", (s1 - s0, h), fill)
        strip.paste(img, (lead - s0, 0))
        band = strip.resize((o1 - o0, h), lanczos, box=(o0 * k - s0, 0, o1 * k - s0, h))  # horizontal pass
        out.paste(band.resize((o1 - o0, size), lanczos), (o0, 0))  # vertical pass
    else:
        strip = Image.new("RGB", (w, s1 - s0), fill)
        strip.paste(img, (0, lead - s0))
        band = strip.resize((size, s1 - s0), lanczos)  # horizontal pass
        out.paste(band.resize((size, o1 - o0), lanczos, box=(0, o0 * k - s0, size, o1 * k - s0)), (0, o0))
    return out


@dataclass(frozen=True)
class NormalisedImage:
    image: Image.Image  # size x size RGB
    box_used: tuple[int, int, int, int]  # object box in the source image (given, trimmed, or the whole image)
    crop: tuple[int, int, int, int]  # region of the source that was cut (box_used plus margin, clipped)
    flags: frozenset[str] = field(default_factory=frozenset)


def normalise(img: Image.Image, box: tuple[float, float, float, float] | None = None, *, size: int = 384,
              margin: float = 0.1, trim: bool = True,
              thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> NormalisedImage:
    """Crop the object (``box``, e.g. a detector's, else the trimmed packshot, else the whole
    image) with ``margin``, pad to a square with the background colour, resize to ``size``.

    The background (padding) colour is the uniform border's colour, measured once where the
    trimming measures it (the image at up to `TRIM_SIDE` px); white when the border is not
    uniform. ``flags`` are `quality_flags` of the source image, plus ``too_small`` when the cut
    region's shorter side is under `min_side` px."""
    img = img if img.mode == "RGB" else to_rgb(img)
    flags = quality_flags(img, thresholds)
    # one working image and one border measurement serve both the trim and the padding colour
    small, scale = _working_image(img, side=TRIM_SIDE)
    background = _border_colour(small, thresholds)
    if box is None:
        box_used = _trim_box(img, small, scale, background, thresholds.tolerance) if trim else (0, 0, img.width, img.height)
    else:
        box_used = tuple(int(round(v)) for v in box)  # type: ignore[assignment]
    out, region, cut_side = _cut(img, box_used, margin, size, background)
    if cut_side < thresholds.min_side:
        flags.add("too_small")
    return NormalisedImage(out, box_used, region, frozenset(flags))  # type: ignore[arg-type]


def _cut(img: Image.Image, box_used, margin: float, size: int, background) -> tuple[Image.Image, tuple, int]:
    """The box grown by `margin`, cut, padded square with the background colour and resized:
    (crop, the region cut, its shorter side)."""
    region = margin_box(img.size, box_used, margin)
    cut = img.crop(region)
    return pad_resize(cut, size, background or WHITE), region, min(cut.size)


def garment_crops(img: Image.Image, boxes: list[tuple[float, float, float, float] | None], *, size: int = 384,
                  margin: float = 0.1, thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> list[Image.Image]:
    """The crops `normalise` would cut for each box of one image (None: the trimmed whole image),
    pixel for pixel, with the border measured once and no quality flags: what matching needs
    for the several garments of a photo or frame."""
    img = img if img.mode == "RGB" else to_rgb(img)
    small, scale = _working_image(img, side=TRIM_SIDE)
    background = _border_colour(small, thresholds)
    out = []
    for box in boxes:
        if box is None:
            box_used = _trim_box(img, small, scale, background, thresholds.tolerance)
        else:
            box_used = tuple(int(round(v)) for v in box)
        out.append(_cut(img, box_used, margin, size, background)[0])
    return out


# --- ranking ------------------------------------------------------------------------------------

#: ranking tiers, best first
TIER_PACKSHOT, TIER_PACKSHOT_CUT, TIER_SCENE, TIER_CLOSE_UP = 0, 1, 2, 3
_DEMOTING = ("too_small", "blurry", "mostly_background", "several_items")


def image_tier(img: Image.Image, thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
               stats: ImageStats | None = None) -> int:
    """0 packshot showing the whole product (uniform background, object inside the frame),
    1 packshot cut by the frame, 2 scene (model shot, street photo), 3 close-up / texture."""
    s = stats or image_stats(img, thresholds)
    flags = quality_flags(img, thresholds, stats=s)
    if "close_up" in flags:
        return TIER_CLOSE_UP
    if s.uniform_background and s.components >= 1:
        return TIER_PACKSHOT_CUT if s.touches_edge else TIER_PACKSHOT
    return TIER_SCENE


def rank_listing_images(images: list[Image.Image], thresholds: QualityThresholds = DEFAULT_THRESHOLDS) -> list[int]:
    """Indices of ``images`` best first for showing the whole product.

    Order: tier (`image_tier`: whole packshot, cut packshot, model/scene shot, close-up), then
    the number of demoting flags (too small, blurry, mostly background, several items), then
    the gallery position, since shops put their main image first (a back view is a packshot
    too, and pixels alone do not tell it from the front). Deterministic."""
    keys = []
    for i, img in enumerate(images):
        img = img if img.mode == "RGB" else to_rgb(img)
        s = image_stats(img, thresholds)
        flags = quality_flags(img, thresholds, stats=s)
        keys.append((image_tier(img, thresholds, s), sum(f in flags for f in _DEMOTING), i))
    return [k[2] for k in sorted(keys)]
