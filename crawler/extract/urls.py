"""``urljoin`` (and ``urlsplit(...).hostname``) at a fraction of its cost.

``urllib.parse.urljoin`` splits and re-assembles both URLs on every call, and a
page asks for the same joins repeatedly (an image appears in
JSON-LD, the gallery and OpenGraph).  Two shortcuts, both giving exactly what
``urljoin`` gives:

* a plain absolute http(s) URL -- lower-case scheme, simple host, no
  ``;params``, no empty ``?``/``#`` and no whitespace or control characters --
  comes back from ``urljoin`` unchanged whatever the base, so it is returned as is;
* a plain root-relative path (the same, and no empty, "." or ".." segments,
  which ``urljoin`` would collapse) is appended to a plain base's scheme and host;
* other joins are cached (``functools.lru_cache``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit


_QUERY_FRAGMENT = r"(?:\?[^\x00-\x20\x7f#]+)?(?:#[^\x00-\x20\x7f]+)?\Z"
_PLAIN_ABSOLUTE = re.compile(r"(https?://[A-Za-z0-9.\-]+(?::[0-9]+)?)(?:/[^\x00-\x20\x7f;?#]*)?" + _QUERY_FRAGMENT)
_PLAIN_ROOT_PATH = re.compile(r"(?:/[^\x00-\x20\x7f;?#/.][^\x00-\x20\x7f;?#/]*)+/?" + _QUERY_FRAGMENT)
_urljoin = lru_cache(maxsize=8192)(urljoin)


def hostname(url: str) -> str | None:
    """``urlsplit(url).hostname`` (raises ValueError where it does)."""
    m = _PLAIN_ABSOLUTE.match(url)
    if m:
        return m.group(1).split("//", 1)[1].split(":", 1)[0].lower()
    return urlsplit(url).hostname


def join(base: str, url: str) -> str:
    """``urljoin(base, url)`` (raises ValueError where it does)."""
    if _PLAIN_ABSOLUTE.match(url):
        return url
    if url[:1] == "/" and _PLAIN_ROOT_PATH.match(url):
        m = _PLAIN_ABSOLUTE.match(base)
        if m:
            return m.group(1) + url
    return _urljoin(base, url)
