"""The HTML report of a matching run: one static page beside the run's files (no server), that
shows each input (or each scene of a video) with its garment boxes drawn on it and, per
garment, the ranked shop listings with thumbnails, price, availability and links.

Everything that comes from a page, a file name or a model is escaped; links are only ever
http(s). Listing thumbnails are copied from the store, scaled down, into `thumbs/items/`, so
the folder can be moved or published as it is.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from street2shop.pipeline.match_run import INPUTS, MATCHES, THUMBS, TIMELINE, read_jsonl

REPORT = "report.html"
ITEM_SIDE = 200
#: Box colours, one per garment of an input (cycled).
COLOURS = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324")

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;background:#fafafa}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0 0 .5rem;word-break:break-all}
section.input{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin:0 0 1.5rem}
.frame{position:relative;display:inline-block;max-width:480px;vertical-align:top;margin-right:1rem}
.frame img{width:100%;display:block}
.box{position:absolute;border:3px solid;box-sizing:border-box}
.box span{position:absolute;top:-1.3em;left:-3px;color:#fff;font-size:.75rem;padding:0 .3em;white-space:nowrap}
.garments{display:inline-block;vertical-align:top;max-width:calc(100% - 500px);min-width:320px}
.garment{margin:0 0 1rem;padding-left:.6rem;border-left:6px solid}
.hits{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.3rem 0}
.hit{width:150px;font-size:.8rem;background:#f4f4f4;border-radius:4px;padding:.3rem}
.hit img{width:140px;height:140px;object-fit:contain;background:#fff;display:block}
.error{color:#b00}.meta{color:#666;font-size:.85rem}
"""


def write_report(out: Path, store, title: str = "street2shop matches") -> Path:
    """Write `out/report.html` from the run's files in `out` (see match_run)."""
    out = Path(out)
    by_input: dict[str, list[dict]] = {}
    for record in read_jsonl(out / MATCHES):
        by_input.setdefault(record["input"], []).append(record)
    timeline: dict[str, list[dict]] = {}
    for entry in read_jsonl(out / TIMELINE):
        timeline.setdefault(entry["video"], []).append(entry)
    shas = {h.get("image_sha256") for records in (*by_input.values(), *timeline.values()) for r in records
            for h in r["hits"]} - {None}
    thumbs = _ItemThumbs(store, shas, out)
    parts = []
    rows = list(read_jsonl(out / INPUTS))
    for row in rows:
        if row["status"] != "ok":
            parts.append(f'<section class="input"><h2>{escape(row["input"])}</h2>'
                         f'<p class="error">{escape(row.get("error") or row["status"])}</p></section>')
        elif row["kind"] == "video":
            parts.append(_video_section(row, timeline.get(row["input"], []), by_input.get(row["input"], []), thumbs))
        else:
            parts.append(_image_section(row, by_input.get(row["input"], []), thumbs))
    ok = sum(r["status"] == "ok" for r in rows)
    page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>"
            f'<p class="meta">{ok} of {len(rows)} inputs matched, {sum(len(v) for v in by_input.values())} '
            f"garments</p>{''.join(parts)}</body></html>")
    target = out / REPORT
    tmp = out / f".{REPORT}.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, target)
    return target


def _image_section(row: dict, garments: list[dict], thumbs: "_ItemThumbs") -> str:
    size = (row.get("width") or 1, row.get("height") or 1)
    return (f'<section class="input" data-input="{escape(row["input"])}"><h2>{escape(row["input"])}</h2>'
            f"{_frame(row.get('thumb'), size, garments)}"
            f'<div class="garments">{"".join(_garment(g, n, thumbs) for n, g in enumerate(garments))}</div>'
            "</section>")


def _video_section(row: dict, entries: list[dict], records: list[dict], thumbs: "_ItemThumbs") -> str:
    thumb_at = {r["frame_time"]: r["thumb"] for r in records if r.get("thumb")}
    size = (row.get("width") or 1, row.get("height") or 1)
    scenes: dict[int, list[dict]] = {}
    for entry in entries:
        scenes.setdefault(entry["scene"], []).append(entry)
    parts = [f'<section class="input video" data-input="{escape(row["input"])}"><h2>{escape(row["input"])}</h2>'
             f'<p class="meta">{row.get("frames_sampled", 0)} frames sampled, {row.get("frames_skipped", 0)} '
             f"near-identical skipped, {len(scenes)} scenes</p>"]
    for scene, group in sorted(scenes.items()):
        for n, entry in enumerate(group):
            thumb = thumb_at.get(entry["best_time"])
            garment = {"box": entry["box"], "category_name": entry["category_name"], "hits": entry["hits"],
                       "category_prob": None, "whole_image": entry["category"] is None}
            ranges = ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in entry["time_ranges"])
            parts.append(f'<div class="scene"><h3>scene {scene + 1}: {escape(ranges)}</h3>'
                         f"{_frame(thumb, size, [garment])}"
                         f'<div class="garments">{_garment(garment, 0, thumbs)}</div></div>')
    parts.append("</section>")
    return "".join(parts)


def _frame(thumb: str | None, size: tuple[int, int], garments: list[dict]) -> str:
    if not thumb:
        return ""
    w, h = size
    boxes = []
    for n, g in enumerate(garments):
        if g.get("whole_image"):
            continue
        x1, y1, x2, y2 = g["box"]
        colour = COLOURS[n % len(COLOURS)]
        boxes.append(f'<div class="box" style="left:{100 * x1 / w:.2f}%;top:{100 * y1 / h:.2f}%;'
                     f'width:{100 * (x2 - x1) / w:.2f}%;height:{100 * (y2 - y1) / h:.2f}%;border-color:{colour}">'
                     f'<span style="background:{colour}">{escape(g.get("category_name") or "")}</span></div>')
    return f'<div class="frame"><img src="{escape(thumb)}" alt="input">{"".join(boxes)}</div>'


def _garment(g: dict, n: int, thumbs: "_ItemThumbs") -> str:
    colour = COLOURS[n % len(COLOURS)]
    what = "whole frame" if g.get("whole_image") else escape(g.get("category_name") or "")
    prob = f" ({g['category_prob']:.2f})" if g.get("category_prob") is not None else ""
    hits = "".join(_hit(h, thumbs) for h in g["hits"])
    return (f'<div class="garment" style="border-color:{colour}"><b>{what}</b>{prob}'
            f'<ol class="hits">{hits or "<li>no listing found</li>"}</ol></div>')


def _hit(h: dict, thumbs: "_ItemThumbs") -> str:
    url = _safe_url(h.get("url"))
    name = escape(h.get("name") or "(no name)")
    title = f'<a href="{escape(url)}" rel="noopener noreferrer">{name}</a>' if url else name
    img = thumbs.get(h.get("image_sha256"))
    price = " ".join(escape(str(v)) for v in (h.get("price"), h.get("currency")) if v)
    facts = " · ".join(x for x in (escape(h.get("brand") or ""), price, escape(h.get("availability") or "")) if x)
    return (f'<li class="hit"><img src="{escape(img)}" alt="">' if img else '<li class="hit">') + \
        f'{h["rank"]}. {title}<br><span class="meta">{facts}<br>{escape(h.get("shop") or "")} · ' \
        f'score {h["score"]:.3f}</span></li>'


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class _ItemThumbs:
    """Listing image sha256 -> a scaled copy under thumbs/items/ (made once per image)."""

    def __init__(self, store, shas: set[str], out: Path):
        self.store, self.out = store, out
        self.folder = out / THUMBS / "items"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.paths = store.image_column(shas)
        self.made: dict[str, str | None] = {}

    def get(self, sha: str | None) -> str | None:
        if not sha:
            return None
        if sha not in self.made:
            self.made[sha] = self._make(sha)
        return self.made[sha]

    def _make(self, sha: str) -> str | None:
        from street2shop.pipeline import normalise as norm  # noqa: PLC0415

        name = f"{sha[:32]}.jpg"
        target = self.folder / name
        rel = target.relative_to(self.out).as_posix()
        if target.exists():
            return rel
        path = self.paths.get(sha)
        if not path:
            return None
        try:
            image = norm.load_image(self.store.read_bytes(path))
        except Exception:  # noqa: BLE001  a stored image gone bad: the hit is shown without it
            return None
        image.thumbnail((ITEM_SIDE, ITEM_SIDE))
        tmp = self.folder / f".{name}.tmp"
        image.save(tmp, "JPEG", quality=85)
        os.replace(tmp, target)
        return rel

