"""Image URL cleaning: absolutise, pick the largest srcset candidate, drop junk, dedupe."""
from __future__ import annotations

import re
from functools import lru_cache

from .jsonsafe import loads
from .urls import join

# Tracking pixels, placeholders and chrome rather than product photos.
_JUNK = re.compile(
    r"(?:^|[/_.\-=])(?:pixel|spacer|blank|transparent|1x1|tracking|beacon|logos?|sprite|icons?|badges?|"
    r"brand[_-]?(?:images?|logos?)|favicon|placeholder|loading|loader|spinner)(?:[/_.\-?=]|$)"
    r"|/[\w-]*avatars?[\w-]*/"  # a reviewer's picture's folder ("/amazon-avatars-global/default.png")
    r"|\.svg(?:$|\?)|/b/ss/|/pixel[/?]|[?&](?:w|width|h|height)=1(?:&|$)"
    r"|/[a-z0-9]{1,2}\.gif(?:$|\?)",  # a spacer named by a letter (eBay's "/pics/s.gif")
    re.I,
)


# The same image URL is checked once per layer that lists it (markup, gallery, og:image).
@lru_cache(maxsize=20_000)
def is_junk(url: str) -> bool:
    return url.startswith("data:") or bool(_JUNK.search(url))


def absolutize(url, base: str) -> str | None:
    if not url or not isinstance(url, str):
        return None
    url = url.strip().replace("\\/", "/")
    if not url or url.startswith(("data:", "javascript:", "blob:", "#")):
        return None
    if url.startswith("//"):
        return "https:" + url if base.startswith("https") or not base.startswith("http:") else "http:" + url
    try:
        u = join(base, url)
    except ValueError:
        return None
    return u if u.startswith(("http://", "https://")) else None


_DATA_URI = re.compile(r"data:[^\s,]*,[^\s,]*")


def best_from_srcset(srcset: str) -> str | None:
    """Largest candidate of a srcset ("a.jpg 300w, b.jpg 800w" or "1x/2x")."""
    if "data:" in srcset:  # a placeholder's inline picture holds a comma of its own ("data:image/png;base64,iVBOR…")
        srcset = _DATA_URI.sub("", srcset)
    best, best_w = None, -1.0
    for cand in srcset.split(","):
        parts = cand.strip().split()
        if not parts:
            continue
        w = 0.0
        if len(parts) > 1:
            d = parts[1]
            try:
                w = float(d[:-1]) * (1000 if d.endswith("x") else 1) if d[-1] in "wx" else 0.0
            except ValueError:
                w = 0.0
        if w >= best_w:
            best, best_w = parts[0], w
    return best


def best_from_dynamic(value: str) -> str | None:
    """JSON maps of url -> [w, h] (as used by several gallery widgets)."""
    try:
        data = loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or not data:
        return None

    def area(item):
        v = item[1]
        try:
            return float(v[0]) * float(v[1])
        except (TypeError, ValueError, IndexError, KeyError, OverflowError):  # page data: any shape
            return 0.0

    return max(data.items(), key=area)[0]


# Attributes in order of how large the image they point to usually is.
_BIG_ATTRS = ("data-old-hires", "data-zoom-image", "data-zoom", "data-large", "data-large-image", "data-large_image",
              "data-full", "data-src-large", "data-original", "data-hires")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|webp|avif|gif)(?:[?#]|$)", re.I)
_SRC_ATTRS = ("data-src", "data-lazy-src", "data-lazy", "data-img", "src")


def img_url(el) -> str | None:
    """The largest URL an <img>/<source> element offers: a zoom/hi-res attribute, the full-size
    picture its link opens, the largest srcset entry, then its (lazy) src."""
    get = el.get
    for a in _BIG_ATTRS:
        v = get(a)
        if v and not v.startswith("data:"):
            return v
    parent = el.getparent()
    if parent is not None and parent.tag == "a":
        href = parent.get("href")
        if href and _IMAGE_FILE.search(href):
            return href  # a thumbnail that links to its full-size picture (a lightbox)
    dyn = get("data-a-dynamic-image")
    if dyn:
        u = best_from_dynamic(dyn)
        if u:
            return u
    for a in ("srcset", "data-srcset"):
        v = get(a)
        if v:
            u = best_from_srcset(v)
            if u and not u.startswith("data:"):
                return u
    for a in _SRC_ATTRS:
        v = get(a)
        if v and not v.startswith("data:"):
            if "{width}" in v:  # lazysizes' template: its widest of "data-widths" ('…_{width}x.jpg', [180, 600])
                v = _widest(v, get("data-widths"))
                if v is None:
                    continue  # no widths to fill it in: the plain src
            return v
    return None


def _widest(template: str, widths: str | None) -> str | None:
    try:
        sizes = [int(w) for w in loads(widths)] if widths else []
    except (ValueError, TypeError):
        sizes = []
    return template.replace("{width}", str(max(sizes))) if sizes else None


def tiny(el) -> bool:
    """Declared 1x1/2x2 images are tracking pixels whatever their URL says."""
    for a in ("width", "height"):
        v = el.get(a)
        if v:
            v = v.strip().rstrip("px")
            if v.isdigit() and int(v) <= 2:
                return True
    return False


def clean_images(urls, base: str) -> list[str]:
    out: list[str] = []
    seen = set()
    for u in urls:
        if isinstance(u, dict):
            u = u.get("url") or u.get("contentUrl") or u.get("@id") or u.get("src")
        a = absolutize(u, base)
        if not a or is_junk(a) or a in seen or _UNFILLED.search(a):
            continue
        seen.add(a)
        out.append(a)
    return out


# A template's placeholder a script fills in ("…_{width}x.jpg", "%7Bwidth%7D"): no image at that address.
_UNFILLED = re.compile(r"\{(?:width|height|size)\}|%7B(?:width|height|size)%7D", re.I)
_SIZE_SUFFIX = re.compile(r"(?:[-_]\d{2,4}x\d{0,4}|\._[^./]*_)(?=\.\w{3,4}$)")


def image_key(url: str) -> str:
    """Folder + file name without size decorations: the same photo at another size shares it."""
    parts = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 2)
    # The parent folder too: some CDNs name every file "main.jpg" / "original.jpg".
    return _SIZE_SUFFIX.sub("", "/".join(parts[-2:]).lower())


def add_gallery(images: list[str], extra: list[str], base: str) -> list[str]:
    """``images`` followed by the ``extra`` photos it does not already hold (by file name)."""
    keys = {image_key(u) for u in images}
    out = list(images)
    for u in clean_images(extra, base):
        k = image_key(u)
        if k not in keys and u not in out:
            keys.add(k)
            out.append(u)
    return out
