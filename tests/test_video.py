"""Videos for matching: sampling, scene cuts, near-identical frames, the timeline's merging,
and a file that is no video."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from street2shop.demo.clip import make_clip
from street2shop.pipeline.video import Frame, Timeline, VideoError, VideoInfo, sample_frames


def _scene(colour, mark):
    image = Image.new("RGB", (320, 240), colour)
    ImageDraw.Draw(image).rectangle([mark, 60, mark + 80, 200], fill=(250, 250, 250))
    return image


def test_frames_are_sampled_cut_into_scenes_and_repeats_skipped(tmp_path):
    video = make_clip(tmp_path / "v.mp4", [_scene((200, 30, 30), 20), _scene((20, 40, 200), 180)],
                      seconds_each=3, fps=10, size=(320, 240))
    info = VideoInfo(None, None, 0, 0)
    frames = list(sample_frames(str(video), 1.0, info=info))
    assert [f.time for f in frames] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert [f.scene for f in frames] == [0, 0, 0, 1, 1, 1]
    assert [f.skipped for f in frames] == [False, True, True, False, True, True]
    assert info.frames_decoded == 60 and info.width == 320 and info.duration == pytest.approx(6, abs=0.2)
    every = list(sample_frames(str(video), 1.0, skip_near_identical=False))
    assert not any(f.skipped for f in every)
    assert len(list(sample_frames(str(video), 0.5))) == 12


def test_a_file_that_is_no_video_is_one_clear_error(tmp_path):
    bad = tmp_path / "episode.mp4"
    bad.write_bytes(b"not a video at all" * 100)
    with pytest.raises(VideoError, match="episode.mp4: not a video PyAV can open"):
        list(sample_frames(str(bad)))
    with pytest.raises(VideoError, match="over 0 seconds"):
        list(sample_frames(str(bad), 0))


def _garment(category, item, score):
    return {"category": category, "category_name": str(category), "box": [0, 0, 10, 10],
            "hits": [{"item_id": item, "score": score}]}


def test_the_timeline_merges_a_garment_across_the_frames_of_a_scene():
    timeline = Timeline("ep.mp4", every=1.0)
    image = Image.new("RGB", (8, 8))
    frame = lambda n, scene, skipped=False: Frame(n, float(n), image, scene, skipped)  # noqa: E731
    timeline.add(frame(0, 0), [_garment(1, "shirt", 0.8), _garment(8, "jeans", 0.6)])
    timeline.add(frame(1, 0, True), None)  # the same picture: both garments go on
    timeline.add(frame(2, 0), [_garment(1, "shirt", 0.9)])  # the jeans are out of view
    timeline.add(frame(3, 0), [_garment(8, "jeans", 0.7)])  # ... and back
    timeline.add(frame(4, 1), [_garment(1, "shirt", 0.5)])  # a new scene: a new entry
    rows = {(r["scene"], r["item_id"]): r for r in timeline.rows()}
    assert rows[(0, "shirt")]["time_ranges"] == [[0.0, 3.0]] and rows[(0, "shirt")]["score"] == 0.9
    assert rows[(0, "shirt")]["best_time"] == 2.0 and rows[(0, "shirt")]["frames"] == 3
    assert rows[(0, "jeans")]["time_ranges"] == [[0.0, 2.0], [3.0, 4.0]] and rows[(0, "jeans")]["score"] == 0.7
    assert rows[(1, "shirt")]["time_ranges"] == [[4.0, 5.0]]
    assert [r["scene"] for r in timeline.rows()] == [0, 0, 1]
