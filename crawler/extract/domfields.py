"""DOM heuristics for everything but the price: product name (h1), availability text,
gallery images, breadcrumbs and the canonical link (brand and codes: ``labels``)."""
from __future__ import annotations

import re

from .image_urls import img_url, tiny
from .text import clean, short_text


def title_text(title_el) -> str | None:
    return clean(title_el.text_content()) if title_el is not None else None


_WORD = re.compile(r"\w+")


def best_h1(h1s, titles: list[str]):
    """The h1 that names the product: most of its words appear in <title>/og:title.

    Pages often have several h1s (dialogs, section headings); the document
    title nearly always repeats the product name, so word overlap picks it.
    """
    title_words = set()
    for t in titles:
        if t:
            title_words.update(_WORD.findall(t.lower()))
    best, best_score = None, 0.0
    first_h1 = None
    for h in h1s:
        t = short_text(h, 300)
        if not t or len(t) < 2:
            continue
        if first_h1 is None:
            first_h1 = (h, t)
        words = _WORD.findall(t.lower())
        if not words or not title_words:
            continue
        score = sum(w in title_words for w in words) / len(words) + min(len(words), 20) / 100
        if score > best_score:
            best, best_score = (h, t), score
    if best is not None and best_score >= 0.6:
        return best
    return first_h1


def gallery_images(boxes, related) -> list[str]:
    seen_imgs = set()
    urls = []
    for box in boxes:
        if related(box):
            continue
        for img in box.iterdescendants("img"):  # .//img, without an XPath evaluation per box
            if img in seen_imgs:
                continue
            seen_imgs.add(img)
            if tiny(img) or related(img):
                continue
            u = img_url(img)
            if u:
                urls.append(u)
            if len(urls) >= 40:
                return urls
    return urls


def breadcrumbs(boxes) -> list[str]:
    for box in boxes:
        items = list(box.iterdescendants("li")) or list(box.iterdescendants("a"))
        out = []
        for it in items:
            t = short_text(it, 80)
            if t:
                t = t.strip(" >/›»|·•→")
                if t and (not out or out[-1] != t):
                    out.append(t)
        if len(out) >= 2:
            return out
    return []


def canonical(links) -> str | None:
    for link in links:
        rel = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rel and href and href.strip():
            return href.strip()
    return None
