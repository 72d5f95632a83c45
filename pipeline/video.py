"""Videos for matching: frames sampled at a chosen rate (PyAV), cut into scenes (PySceneDetect's
content detector, run on the sampled frames), near-identical frames skipped, and the same
garment merged across the frames of a scene into one timeline entry with its time ranges.

Every frame is decoded (a sampled frame can fall anywhere between key frames), but only the
sampled ones are converted to images, which is where the decoding cost would otherwise grow.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

#: Side of the grey thumbnail two frames are compared on, and the mean absolute difference
#: (0..255) under which a frame counts as near-identical to the last one kept in its scene.
_THUMB = 32
NEAR_IDENTICAL = 4.0
#: Width frames are scaled to before scene detection (its score is a colour-change average).
_SCENE_WIDTH = 320


class VideoError(Exception):
    """A video that cannot be opened or decoded; one line naming it."""


@dataclass
class Frame:
    number: int  # sampled frame, from 0
    time: float  # seconds from the start
    image: Image.Image
    scene: int  # scene number, from 0
    skipped: bool = False  # near-identical to the last frame kept in its scene: not matched


@dataclass
class VideoInfo:
    duration: float | None
    fps: float | None
    width: int
    height: int
    frames_decoded: int = 0


def sample_frames(path: str, every: float = 1.0, *, scene_threshold: float = 27.0,
                  skip_near_identical: bool = True, info: VideoInfo | None = None) -> Iterator[Frame]:
    """Frames of the video at `path`, one every `every` seconds, each with its scene number
    (a cut is where PySceneDetect's ContentDetector, over the sampled frames, finds one)."""
    import av  # noqa: PLC0415

    from scenedetect import FrameTimecode  # noqa: PLC0415
    from scenedetect.detectors import ContentDetector  # noqa: PLC0415

    if every <= 0:
        raise VideoError(f"the sampling interval must be over 0 seconds, not {every}")
    try:
        container = av.open(path)
    except (av.error.FFmpegError, OSError) as exc:
        raise VideoError(f"{path}: not a video PyAV can open ({_first_line(exc)})") from None
    with container:
        if not container.streams.video:
            raise VideoError(f"{path}: has no video stream")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        if info is not None:
            info.duration = float(stream.duration * stream.time_base) if stream.duration else (
                container.duration / 1e6 if container.duration else None)
            info.fps = float(stream.average_rate) if stream.average_rate else None
            info.width, info.height = stream.codec_context.width, stream.codec_context.height
        detector = ContentDetector(threshold=scene_threshold, min_scene_len=1)
        rate = 1.0 / every
        next_time, number, scene, last_kept = 0.0, 0, 0, None
        try:
            for decoded in container.decode(stream):
                if info is not None:
                    info.frames_decoded += 1
                if decoded.time is None or decoded.time + 1e-6 < next_time:
                    continue
                next_time = decoded.time + every
                image = decoded.to_image().convert("RGB")
                small = np.asarray(image.resize((_SCENE_WIDTH, max(1, image.height * _SCENE_WIDTH // image.width))))
                cuts = detector.process_frame(FrameTimecode(number, fps=rate), np.ascontiguousarray(small[:, :, ::-1]))
                if cuts and number > 0:
                    scene += 1
                    last_kept = None
                thumb = np.asarray(image.convert("L").resize((_THUMB, _THUMB)), np.float32)
                skipped = (skip_near_identical and last_kept is not None
                           and float(np.abs(thumb - last_kept).mean()) < NEAR_IDENTICAL)
                if not skipped:
                    last_kept = thumb
                yield Frame(number, round(float(decoded.time), 3), image, scene, skipped)
                number += 1
        except av.error.FFmpegError as exc:
            raise VideoError(f"{path}: decoding failed at {next_time:.1f} s ({_first_line(exc)})") from None


@dataclass
class TimelineEntry:
    """One garment of one scene: the frames it was matched in merged into time ranges."""

    video: str
    scene: int
    category: int | None
    category_name: str | None
    item_id: str | None  # the listing it matched best (its top-1 in its best frame)
    score: float  # the best top-1 score over its frames
    frames: int = 0
    time_ranges: list[list[float]] = field(default_factory=list)
    best_time: float = 0.0
    box: list[float] = field(default_factory=list)  # in the best frame
    hits: list[dict] = field(default_factory=list)  # the best frame's ranked listings

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class Timeline:
    """Merges a video's per-frame garments: within a scene, garments of the same category whose
    best listing is the same are one entry. A frame skipped as near-identical extends the
    ranges of the entries of the frame it repeats."""

    def __init__(self, video: str, every: float):
        self.video, self.every = video, every
        self.entries: dict[tuple, TimelineEntry] = {}
        self._last: list[tuple] = []  # the keys of the last matched frame

    def add(self, frame: Frame, garments: list[dict] | None) -> None:
        if garments is None:  # skipped: the previous frame's garments are still on screen
            for key in self._last:
                self._extend(self.entries[key], frame.time)
            return
        self._last = []
        for g in garments:
            top = g["hits"][0] if g["hits"] else None
            key = (frame.scene, g["category"], top["item_id"] if top else None)
            entry = self.entries.get(key)
            if entry is None:
                entry = self.entries[key] = TimelineEntry(self.video, frame.scene, g["category"], g["category_name"],
                                                          key[2], -1.0)
            self._extend(entry, frame.time)
            score = top["score"] if top else 0.0
            if score > entry.score:
                entry.score, entry.best_time, entry.box, entry.hits = score, frame.time, g["box"], g["hits"]
            self._last.append(key)

    def _extend(self, entry: TimelineEntry, time: float) -> None:
        entry.frames += 1
        end = round(time + self.every, 3)
        if entry.time_ranges and time <= entry.time_ranges[-1][1] + 1e-6:
            entry.time_ranges[-1][1] = max(entry.time_ranges[-1][1], end)
        else:
            entry.time_ranges.append([time, end])

    def rows(self) -> list[dict]:
        return [e.to_dict() for e in sorted(self.entries.values(), key=lambda e: (e.scene, e.time_ranges[0][0],
                                                                                   -e.score))]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
