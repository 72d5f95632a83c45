"""What `street2shop match` reads: image files, folders, image URLs and videos, as a stream of
inputs in a stable order (a run that is resumed sees the same inputs under the same keys).

URLs are never fetched here with a client of our own: they go through the crawler's ingest
path (robots.txt, politeness, the honest User-Agent, retries, `noai`, the private-address
guard, the image gate) into the catalog's store, and are read back from it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".avif"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mkv", ".webm", ".mov", ".avi", ".m4v", ".mpg", ".mpeg", ".ts"})


class InputError(Exception):
    """An argument that is no file, folder or http(s) URL; one line naming it."""


@dataclass(frozen=True)
class MatchInput:
    key: str  # how records and the resume state name it: the path as given / found, or the URL
    kind: str  # image | video | url
    location: str  # the file path or the URL


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand_inputs(arguments: list[str]) -> list[MatchInput]:
    """Files, folders (searched recursively, sorted, images and videos by suffix) and URLs,
    each once, in the order given. Anything else is one InputError."""
    found: dict[str, MatchInput] = {}
    for arg in arguments:
        if is_url(arg):
            found.setdefault(arg, MatchInput(arg, "url", arg))
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
            for p in files:
                found.setdefault(str(p), MatchInput(str(p), _kind(p), str(p)))
        elif path.is_file():
            found.setdefault(str(path), MatchInput(str(path), _kind(path) or "image", str(path)))
        elif "://" in arg:
            raise InputError(f"{arg}: only http(s) URLs are fetched")
        else:
            raise InputError(f"{arg}: no such file or folder (give image files, folders, videos or http(s) URLs)")
    return list(found.values())


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return "video"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return None


def fetch_urls(manifest, urls: list[str], *, allow_private: bool = False, progress: bool = False) -> dict[str, dict]:
    """Fetch image URLs through the crawler's ingest path into the manifest's store.

    Returns URL -> {"sha256", "status", "path"}: path (in the store) when status is "ok", the
    crawler's status (robots, noai, http_404, private_address, ...) otherwise."""
    from street2shop.core.store import Store  # noqa: PLC0415
    from street2shop.crawler.ingest import ingest_urls  # noqa: PLC0415  (Scrapy: only when a URL is given)
    summary = ingest_urls(manifest, urls, allow_private=allow_private, progress=progress)
    if summary.fatal:
        raise InputError(f"the images could not be stored: {summary.fatal}")
    store = Store(manifest.store_url)
    paths = store.image_column(r.get("sha256") for r in summary.results.values())
    out = {}
    for url in urls:
        result = summary.results.get(url) or {"sha256": None, "status": "not_fetched"}
        path = paths.get(result.get("sha256")) if result.get("status") == "ok" else None
        out[url] = {**result, "path": path, "status": result.get("status") if path or result.get("status") != "ok"
                    else "not_stored"}
    return out


def read_image_file(path: str, limit: int = 256 << 20) -> bytes:
    """An input image's bytes; an OSError names what went wrong."""
    size = os.path.getsize(path)
    if size > limit:
        raise OSError(f"{size >> 20} MiB, more than the {limit >> 20} MiB an image may have")
    with open(path, "rb") as f:
        return f.read()
