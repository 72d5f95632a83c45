"""A short video made from still images (the demo's "episode"): each image held for a few
seconds, as a scene. Written with PyAV, so the matcher decodes a real encoded stream."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def make_clip(path: Path, images: list[Image.Image], *, seconds_each: float | list[float] = 3.0, fps: int = 10,
              size: tuple[int, int] = (480, 320), zoom: float = 0.0) -> Path:
    """Write an MPEG-4 video at `path`: each image letterboxed into `size` and shown for
    `seconds_each` seconds (one value, or one per image), in order; `zoom` > 0 slowly zooms
    into each shot by that share over its length, as a camera would, so that no two frames
    are identical."""
    import av  # noqa: PLC0415

    tmp = path.with_name(f".{path.name}.tmp{path.suffix}")
    with av.open(str(tmp), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = 2_000_000
        durations = seconds_each if isinstance(seconds_each, list) else [seconds_each] * len(images)
        for image, seconds in zip(images, durations):
            shot = _letterbox(image, size)
            count = max(1, round(seconds * fps))
            frame = av.VideoFrame.from_image(shot)
            for n in range(count):
                if zoom:
                    frame = av.VideoFrame.from_image(_zoomed(shot, 1 + zoom * n / count))
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


def _zoomed(image: Image.Image, factor: float) -> Image.Image:
    w, h = image.size
    cw, ch = w / factor, h / factor
    box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
    return image.resize((w, h), Image.Resampling.BILINEAR, box=box)
