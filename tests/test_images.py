"""The image gate: real decodes, size bounds, the decompression-bomb guard, noai headers."""

import io
import struct
import zlib

import pytest
from PIL import Image, ImageDraw

from street2shop.core.image_gate import ImageRejected, image_path, inspect_image
from street2shop.core.optout import robots_forbid_ai


def _jpeg(size=(200, 260), color=(180, 30, 40)) -> bytes:
    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).rectangle([size[0] // 5, size[1] // 6, size[0] * 4 // 5, size[1] * 5 // 6], fill=color)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_good_image_recorded():
    data = _jpeg()
    info = inspect_image(data, content_type="image/jpeg")
    assert (info.width, info.height, info.format, info.mode) == (200, 260, "JPEG", "RGB")
    assert len(info.sha256) == 64 and len(info.phash) == 16 and len(info.dhash) == 16
    assert image_path(info) == f"images/{info.sha256[:2]}/{info.sha256}.jpg"
    # The same picture re-encoded keeps (almost) the same perceptual hash.
    im = Image.open(io.BytesIO(data))
    buf = io.BytesIO()
    im.resize((150, 195)).save(buf, "PNG")
    other = inspect_image(buf.getvalue())
    assert other.sha256 != info.sha256
    assert bin(int(other.phash, 16) ^ int(info.phash, 16)).count("1") <= 6


@pytest.mark.parametrize("data, ctype, kind", [
    (b"", "image/jpeg", "broken"),
    (_jpeg()[:600], "image/jpeg", "broken"),
    (b"<html><body>Not found</body></html>", "image/jpeg", "not_image"),
    (_jpeg(), "text/html; charset=utf-8", "not_image"),
    (_png_header_only(30000, 30000), "image/png", "bomb"),
    (_jpeg((16, 16)), "image/jpeg", "too_small"),
])
def test_rejections(data, ctype, kind):
    with pytest.raises(ImageRejected) as err:
        inspect_image(data, content_type=ctype)
    assert err.value.kind == kind


def test_x_robots_tag():
    assert robots_forbid_ai(["noai"])
    assert robots_forbid_ai(["noindex, noimageai"])
    assert robots_forbid_ai(["otherbot: noai"])
    assert not robots_forbid_ai(["noindex, nofollow"])
    assert not robots_forbid_ai([])
