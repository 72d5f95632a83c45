"""A matching run over many inputs: streamed in batches (memory does not grow with the number
of inputs), written as it goes, and resumable: an input is done once its line is in
`inputs.jsonl`, and a run started again over the same output folder skips done inputs.

Output folder (described in docs/formats.md):

    inputs.jsonl     one line per input: key, kind, status (ok | error), garments, error
    matches.jsonl    one line per garment: input, frame time and scene (videos), box, category,
                     category_prob, categories_searched, hits (rank, score, listing fields)
    matches.csv      one row per (garment, hit), written from matches.jsonl at the end
    timeline.jsonl   videos: one line per garment per scene, with its time ranges
    timeline.csv     the same as CSV
    timings.json     seconds per stage (decode, detect, embed, search), frames/s
    thumbs/          the inputs (and sampled frames) scaled down, for the report
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from street2shop.pipeline.match_inputs import MatchInput, read_image_file
from street2shop.pipeline.matcher import Matcher

INPUTS, MATCHES, TIMELINE = "inputs.jsonl", "matches.jsonl", "timeline.jsonl"
THUMBS = "thumbs"
THUMB_SIDE = 720
MATCH_COLUMNS = ["input", "frame_time", "scene", "garment", "box", "category", "category_name", "category_prob",
                 "detection_score", "whole_image", "rank", "score", "item_id", "name", "brand", "shop", "price",
                 "currency", "availability", "url", "image_url"]
TIMELINE_COLUMNS = ["video", "scene", "category", "category_name", "time_ranges", "frames", "best_time", "score",
                    "rank", "item_id", "name", "brand", "shop", "price", "currency", "availability", "url"]


@dataclass
class MatchSummary:
    inputs: int = 0
    already_done: int = 0  # skipped: an earlier run over this folder finished them
    matched: int = 0
    failed: Counter = field(default_factory=Counter)  # by reason
    garments: int = 0
    frames: int = 0  # video frames sampled
    frames_skipped: int = 0  # near-identical to the previous kept frame
    timings: dict = field(default_factory=dict)
    seconds: float = 0.0


def garment_records(item: MatchInput, garments, frame=None) -> list[dict]:
    """The records of one input's (or frame's) garments, as matches.jsonl holds them."""
    return [{"input": item.key, "kind": item.kind, "frame_time": frame.time if frame else None,
             "scene": frame.scene if frame else None, **g.to_dict()} for g in garments]


class MatchOutput:
    """The output folder: appended as inputs finish, cleaned of a killed run's half-written
    input on opening."""

    def __init__(self, folder: Path, thumbnails: bool = True):
        self.folder = Path(folder)
        self.thumbnails = thumbnails
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / THUMBS).mkdir(exist_ok=True)
        self.done = {row["input"] for row in read_jsonl(self.folder / INPUTS)}
        for name in (MATCHES, TIMELINE):  # lines of an input the killed run had not finished
            _filter_jsonl(self.folder / name, lambda row: row.get("input", row.get("video")) in self.done)
        _filter_jsonl(self.folder / INPUTS, lambda row: True)  # drops a torn last line
        self._files = {name: open(self.folder / name, "a", encoding="utf-8") for name in (MATCHES, TIMELINE, INPUTS)}

    def thumbnail(self, key: str, image) -> str | None:
        if not self.thumbnails:
            return None
        name = hashlib.sha1(key.encode()).hexdigest()[:20] + ".jpg"
        thumb = image.copy()
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
        tmp = self.folder / THUMBS / f".{name}.tmp"
        thumb.save(tmp, "JPEG", quality=85)
        os.replace(tmp, self.folder / THUMBS / name)
        return f"{THUMBS}/{name}"

    def write(self, row: dict, records: list[dict], timeline: list[dict] = ()) -> None:
        for name, rows in ((MATCHES, records), (TIMELINE, timeline), (INPUTS, [row])):
            f = self._files[name]
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
            f.flush()
        os.fsync(self._files[INPUTS].fileno())  # the input counts as done only once this is down
        self.done.add(row["input"])

    def close(self) -> None:
        for f in self._files.values():
            f.close()
        _write_csv(self.folder / MATCHES, self.folder / "matches.csv", MATCH_COLUMNS, _match_rows)
        _write_csv(self.folder / TIMELINE, self.folder / "timeline.csv", TIMELINE_COLUMNS, _timeline_rows)


def run_match(matcher: Matcher, inputs: list[MatchInput], out: Path | None = None, *, every: float = 1.0,
              skip_similar: bool = True, batch_size: int = 8, thumbnails: bool = True, fetched: dict[str, dict] | None = None, store=None,
              progress: Callable[[int, int, str], None] | None = None,
              on_records: Callable[[dict, list[dict]], None] | None = None) -> MatchSummary:
    """Match every input; write to `out` (resuming a run there; `thumbnails` for the report) and/or
    hand each input's row and records to `on_records`. `fetched`: URL -> fetch result (`match_inputs.fetch_urls`), with
    `store` the store they were fetched into."""
    started = time.monotonic()
    before = Counter(matcher.timings)  # the matcher may have worked before this run
    summary = MatchSummary(inputs=len(inputs))
    output = MatchOutput(out, thumbnails=thumbnails) if out is not None else None
    decode = 0.0
    try:
        pending = []  # (input, image) waiting for a batch
        done = 0

        def finish_batch():
            nonlocal done
            if not pending:
                return
            for (item, image), garments in zip(pending, matcher.match([im for _, im in pending])):
                records = garment_records(item, garments)
                row = {"input": item.key, "kind": item.kind, "status": "ok", "garments": len(garments),
                       "width": image.width, "height": image.height,
                       "thumb": output.thumbnail(item.key, image) if output else None}
                _emit(output, on_records, summary, row, records)
            done += len(pending)
            pending.clear()

        for n, item in enumerate(inputs):
            if output is not None and item.key in output.done:
                summary.already_done += 1
                continue
            if progress:
                progress(n, len(inputs), item.key)
            if item.kind == "video":
                finish_batch()
                decode += _match_video(matcher, item, output, on_records, summary, every, batch_size, skip_similar)
                continue
            t = time.perf_counter()
            try:
                image = _load(item, fetched, store)
            except Exception as exc:  # noqa: BLE001  one bad input is recorded, the others go on
                reason = getattr(exc, "reason", None) or "unreadable"
                summary.failed[reason] += 1
                _emit(output, on_records, summary, {"input": item.key, "kind": item.kind, "status": "error",
                                                    "garments": 0, "error": _message(exc)}, [])
                continue
            finally:
                decode += time.perf_counter() - t
            pending.append((item, image))
            if len(pending) >= batch_size:
                finish_batch()
        finish_batch()
        if progress:
            progress(len(inputs), len(inputs), "")
    finally:
        if output is not None:
            output.close()
    summary.seconds = time.monotonic() - started
    summary.timings = {"decode": round(decode, 3),
                       **{k: round(v - before[k], 3) for k, v in matcher.timings.items()}}
    if output is not None and (summary.frames or summary.matched):
        (out / "timings.json").write_text(json.dumps(_timings_report(summary), indent=1))
    return summary


class InputFailed(Exception):
    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def _load(item: MatchInput, fetched: dict | None, store):
    from street2shop.pipeline import normalise as norm  # noqa: PLC0415

    if item.kind == "url":
        result = (fetched or {}).get(item.location) or {"status": "not_fetched"}
        if not result.get("path"):
            raise InputFailed(f"not fetched: {result.get('status')}", result.get("status") or "not_fetched")
        data = store.read_bytes(result["path"])
    else:
        try:
            data = read_image_file(item.location)
        except OSError as exc:
            raise InputFailed(f"cannot read ({exc.strerror or exc})", "unreadable") from None
    try:
        return norm.load_image(data)
    except Exception as exc:  # noqa: BLE001
        raise InputFailed(f"not an image Pillow can read ({getattr(exc, 'reason', None) or _message(exc)})",
                          "not_image") from None


def _match_video(matcher, item, output, on_records, summary, every, batch_size, skip_similar) -> float:
    """Match one video; returns the seconds spent decoding and sampling it (the rest of its
    time is the models', which the matcher counts)."""
    from street2shop.pipeline.video import Timeline, VideoError, VideoInfo, sample_frames  # noqa: PLC0415

    timeline = Timeline(item.key, every)
    info = VideoInfo(None, None, 0, 0)
    records, batch, model_time = [], [], 0.0
    started, sampled, skipped = time.perf_counter(), 0, 0

    def flush():
        nonlocal model_time
        if not batch:
            return
        t = time.perf_counter()
        kept = [f for f in batch if not f.skipped]
        matched = dict(zip([f.number for f in kept], matcher.match([f.image for f in kept]))) if kept else {}
        model_time += time.perf_counter() - t
        for f in batch:
            garments = matched.get(f.number)
            if garments is None:
                timeline.add(f, None)
                continue
            recs = garment_records(item, garments, f)
            if output is not None and output.thumbnails and recs:
                thumb = output.thumbnail(f"{item.key}#{f.number}", f.image)
                for r in recs:
                    r["thumb"] = thumb
            records.extend(recs)
            timeline.add(f, recs)
        batch.clear()

    try:
        for frame in sample_frames(item.location, every, skip_near_identical=skip_similar, info=info):
            sampled += 1
            skipped += frame.skipped
            batch.append(frame)
            if len(batch) >= batch_size:
                flush()
        flush()
    except VideoError as exc:
        summary.failed["video"] += 1
        _emit(output, on_records, summary, {"input": item.key, "kind": "video", "status": "error", "garments": 0,
                                            "error": str(exc)}, [])
        return time.perf_counter() - started - model_time
    summary.frames += sampled
    summary.frames_skipped += skipped
    row = {"input": item.key, "kind": "video", "status": "ok", "garments": len(records),
           "timeline_entries": len(timeline.entries), "duration": info.duration, "fps": info.fps,
           "width": info.width, "height": info.height, "frames_decoded": info.frames_decoded,
           "frames_sampled": sampled, "frames_skipped": skipped}
    _emit(output, on_records, summary, row, records, timeline.rows())
    return time.perf_counter() - started - model_time


def _emit(output, on_records, summary, row, records, timeline=()) -> None:
    if row["status"] == "ok":
        summary.matched += 1
        summary.garments += len(records)
    if output is not None:
        output.write(row, records, timeline)
    if on_records is not None:
        on_records(row, records)


def _timings_report(summary: MatchSummary) -> dict:
    total = sum(summary.timings.values()) or 1.0
    seconds = summary.seconds or float("nan")
    return {"seconds": round(summary.seconds, 3), "stages": summary.timings,
            "share": {k: round(v / total, 3) for k, v in summary.timings.items()},
            "frames_sampled": summary.frames, "frames_skipped": summary.frames_skipped,
            "frames_per_second": round(summary.frames / seconds, 3) if summary.frames else None,
            "inputs_matched": summary.matched, "inputs_per_second": round(summary.matched / seconds, 3)}


def _message(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_jsonl(path: Path) -> Iterator[dict]:
    """Complete JSON lines of `path` (a torn last line of a killed run is left out)."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n"):
                return
            try:
                yield json.loads(line)
            except ValueError:
                continue


def _filter_jsonl(path: Path, keep: Callable[[dict], bool]) -> None:
    if not path.exists():
        return
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for row in read_jsonl(path):
            if keep(row):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def _match_rows(record: dict) -> Iterator[dict]:
    base = {"input": record["input"], "frame_time": record.get("frame_time"), "scene": record.get("scene"),
            "garment": record["index"], "box": " ".join(str(v) for v in record["box"]),
            **{k: record.get(k) for k in ("category", "category_name", "category_prob", "detection_score",
                                          "whole_image")}}
    for hit in record["hits"] or [{}]:
        yield {**base, **{k: hit.get(k) for k in MATCH_COLUMNS if k in hit}}


def _timeline_rows(entry: dict) -> Iterator[dict]:
    base = {k: entry[k] for k in ("video", "scene", "category", "category_name", "frames", "best_time", "score")}
    base["time_ranges"] = " ".join(f"{a:.1f}-{b:.1f}" for a, b in entry["time_ranges"])
    for hit in entry["hits"] or [{}]:
        yield {**base, **{k: hit.get(k) for k in TIMELINE_COLUMNS if k in hit and k != "score"}}


def _write_csv(source: Path, target: Path, columns: list[str], rows: Callable[[dict], Iterator[dict]]) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, extrasaction="ignore")
        writer.writeheader()
        for record in read_jsonl(source):
            writer.writerows(rows(record))
    os.replace(tmp, target)
