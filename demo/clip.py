"""A short video made from still images (the demo's "episode"): each image held for a few
seconds, as a scene. Written with PyAV, so the matcher decodes a real encoded stream."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def make_clip(path: Path, images: list[Image.Image], *, seconds_each: float = 3.0, fps: int = 10,
              size: tuple[int, int] = (480, 320)) -> Path:
    """Write an MPEG-4 video at `path`: each image letterboxed into `size` and shown for
    `seconds_each` seconds, in order."""
    import av  # noqa: PLC0415

    tmp = path.with_name(f".{path.name}.tmp{path.suffix}")
    with av.open(str(tmp), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = 2_000_000
        for image in images:
            frame = av.VideoFrame.from_image(_letterbox(image, size))
            for _ in range(max(1, round(seconds_each * fps))):
                for packet in stream.encode(frame):
                    container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    tmp.replace(path)
    return path


def _letterbox(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    canvas = Image.new("RGB", size, (0, 0, 0))
    scaled = image.convert("RGB")
    scaled.thumbnail(size)
    canvas.paste(scaled, ((size[0] - scaled.width) // 2, (size[1] - scaled.height) // 2))
    return canvas
