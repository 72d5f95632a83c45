"""The opt-out list: records a site owner or a person asked to be left out of every dataset.

Three kinds of entry, from the manifest's `dataset.opt_out` and from opt-out files (one entry a
line, `#` comments)::

    domain: shop.example.com        # this host and its subdomains: posts, listings and images
    url: /private/|[?&]ref=leak     # a regex searched in every post, listing and image URL
    sha256: 9f86d081884c7d65...     # the bytes of one image, wherever it was found

A row whose post, listing, street image or main shop image matches is left out; a listing's
other image that matches is dropped from that row alone. `dataset build` applies the list
on every build, so rebuilding a published version removes what was added to the list since;
`dataset verify --opt-out` checks a published folder against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

KINDS = ("domain", "url", "sha256")


class OptOutError(Exception):
    """An opt-out file that cannot be read; the message names the file and line."""


@dataclass
class OptOutList:
    domains: set[str] = field(default_factory=set)
    patterns: list[re.Pattern] = field(default_factory=list)
    sha256s: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.domains) + len(self.patterns) + len(self.sha256s)

    def add(self, kind: str, value: str, where: str = "opt-out list") -> None:
        value = value.strip()
        if kind == "domain":
            self.domains.add(value.lower().lstrip(".").rstrip("."))
        elif kind == "url":
            try:
                self.patterns.append(re.compile(value))
            except re.error as exc:
                raise OptOutError(f"{where}: url pattern {value!r} is not a regex ({exc})") from None
        elif kind == "sha256":
            if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
                raise OptOutError(f"{where}: {value!r} is not a sha256 (64 hex digits)")
            self.sha256s.add(value.lower())
        else:
            raise OptOutError(f"{where}: unknown entry kind {kind!r}; use one of {', '.join(KINDS)}")

    def merge(self, other: "OptOutList") -> None:
        self.domains |= other.domains
        self.patterns += other.patterns
        self.sha256s |= other.sha256s

    def url(self, url: str | None) -> bool:
        """True when `url` is on a listed host or matches a listed pattern."""
        if not url:
            return False
        host = (urlsplit(url).hostname or "").lower()
        if any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        return any(p.search(url) for p in self.patterns)

    def image(self, sha256: str | None, url: str | None = None) -> bool:
        return bool(sha256 and sha256.lower() in self.sha256s) or self.url(url)

    def digest_entries(self) -> list[str]:
        """The entries, sorted, as an opt-out file writes them (the card records how many)."""
        return sorted([f"domain: {d}" for d in self.domains] + [f"url: {p.pattern}" for p in self.patterns]
                      + [f"sha256: {s}" for s in self.sha256s])


def read_file(path: str | Path, into: OptOutList | None = None) -> OptOutList:
    out = into if into is not None else OptOutList()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise OptOutError(f"opt-out file {path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    for n, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("url:") else line.strip()
        if not line:
            continue
        kind, sep, value = line.partition(":")
        if not sep:
            raise OptOutError(f"opt-out file {path}, line {n}: expected `domain: …`, `url: …` or `sha256: …`")
        out.add(kind.strip().lower(), value, f"opt-out file {path}, line {n}")
    return out


def from_config(cfg, base: Path | None = None) -> OptOutList:
    """The list a manifest's `dataset.opt_out` section names (files relative to the manifest)."""
    out = OptOutList()
    for d in cfg.domains:
        out.add("domain", d)
    for p in cfg.url_patterns:
        out.add("url", p)
    for s in cfg.image_sha256:
        out.add("sha256", s)
    for f in cfg.files:
        path = Path(f)
        read_file(path if path.is_absolute() or base is None else base / path, out)
    return out
