"""Checking downloaded image bytes before anything keeps them.

`inspect_image` is the one gate every image passes (crawler downloads now, user
folders and frames later): it decodes the whole image with Pillow's decompression-bomb
guard on, checks size bounds and that the bytes are really an image, and returns what
the images table records. A rejected image raises `ImageRejected` with a short kind
("broken", "not_image", "bomb", ...) that summaries count by.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import imagehash
from PIL import Image, UnidentifiedImageError

#: Pillow's own guard warns above this many pixels and refuses above twice as many;
#: we refuse above it outright (a product photo has no reason to be 89 megapixels).
MAX_PIXELS = 89_478_485
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

FORMAT_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "BMP": "bmp",
                     "TIFF": "tif", "AVIF": "avif", "MPO": "jpg"}


class ImageRejected(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class ImageInfo:
    sha256: str
    format: str
    width: int
    height: int
    mode: str
    size_bytes: int
    phash: str
    dhash: str

    @property
    def extension(self) -> str:
        return FORMAT_EXTENSIONS.get(self.format, self.format.lower())


@dataclass(frozen=True)
class ImageLimits:
    min_side: int = 32  # smaller is a tracking pixel, an icon or a swatch
    max_side: int = 16_384
    max_bytes: int = 30 * 1024 * 1024


@contextmanager
def guarded_open(data: bytes):
    """Open image bytes with the decompression-bomb guard on, mapping every way they can be
    bad to `ImageRejected` ("bomb", "not_image", "broken"). The size check happens on the
    header, before any pixel is decoded; decode inside the `with` block."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                width, height = im.size
                if width * height > MAX_PIXELS:
                    raise ImageRejected("bomb", f"{width}x{height} pixels is over the {MAX_PIXELS} pixel guard")
                yield im
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected("bomb", str(exc)) from None
    except UnidentifiedImageError:
        raise ImageRejected("not_image", "not a recognisable image format") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected("broken", f"cannot be decoded: {exc}") from None


def inspect_image(data: bytes, *, content_type: str | None = None,
                  limits: ImageLimits = ImageLimits()) -> ImageInfo:
    """What the images table records of `data`, once the bytes passed every check (or
    `ImageRejected` with the reason)."""
    if not data:
        raise ImageRejected("broken", "empty body")
    if len(data) > limits.max_bytes:
        raise ImageRejected("too_large", f"{len(data)} bytes is over the {limits.max_bytes} byte limit")
    if content_type and not content_type.lower().startswith(("image/", "application/octet-stream",
                                                             "binary/octet-stream")):
        # Servers do lie in both directions; the bytes decide, the header only refuses HTML/text.
        if content_type.lower().startswith(("text/", "application/json", "application/xhtml")):
            raise ImageRejected("not_image", f"served as {content_type}")
    with guarded_open(data) as im:
        width, height = im.size
        if max(width, height) > limits.max_side:
            raise ImageRejected("too_large", f"{width}x{height} is over {limits.max_side} px a side")
        if min(width, height) < limits.min_side:
            raise ImageRejected("too_small", f"{width}x{height} is under {limits.min_side} px a side")
        fmt = im.format or "UNKNOWN"
        im.load()  # a truncated or corrupt file fails here, not later in the pipeline
        mode = im.mode
        rgb = im.convert("RGB")
    # both hashes start from the same greyscale image (imagehash converts to "L" first, and
    # converting an "L" image again is a plain copy): one conversion instead of two
    grey = rgb.convert("L")
    info = ImageInfo(
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        width=width,
        height=height,
        mode=mode,
        size_bytes=len(data),
        phash=str(imagehash.phash(grey)),
        dhash=str(imagehash.dhash(grey)),
    )
    return info


def image_path(info: ImageInfo) -> str:
    """Where the original bytes live, relative to the store root (content-addressed)."""
    return f"images/{info.sha256[:2]}/{info.sha256}.{info.extension}"
