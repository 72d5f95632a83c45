"""RDFa Lite reader (vocab/typeof/property) for schema.org markup.

extruct's RDFa extractor runs a full RDF processor and serialises the tree,
which costs far more than the rest of the extraction; product pages only use
the RDFa Lite subset, which this walks directly.  OpenGraph ``property=og:*``
meta tags are read by ``opengraph.py``; they sit outside any ``typeof``.
"""
from __future__ import annotations

from lxml import etree

from .urls import join

_PROPS = etree.XPath(".//*[@property]")


def _local(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]


def _owner(el):
    p = el.getparent()
    while p is not None:
        if p.get("typeof") is not None:
            return p
        p = p.getparent()
    return None


def _value(el, base: str):
    for a in ("content", "resource"):
        v = el.get(a)
        if v is not None:
            return v
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("a", "link", "area"):
        return join(base, el.get("href", ""))
    if tag in ("img", "source", "audio", "video", "iframe"):
        return join(base, el.get("src", ""))
    if tag in ("data", "meter"):
        return el.get("value", "")
    if tag == "time":
        return el.get("datetime") or el.text_content()
    return " ".join(el.text_content().split())


def _item(el, base: str, depth: int = 0) -> dict:
    out: dict = {"@type": [_local(t) for t in el.get("typeof", "").split()] or None}
    if depth > 6:
        return out
    for p in _PROPS(el):
        if _owner(p) is not el:
            continue
        val = _item(p, base, depth + 1) if p.get("typeof") is not None else _value(p, base)
        for name in p.get("property", "").split():
            key = _local(name)
            if key in out and key != "@type":
                prev = out[key]
                out[key] = (prev if isinstance(prev, list) else [prev]) + [val]
            else:
                out[key] = val
    return out


def read_rdfa(typed, base_url: str) -> list[dict]:
    """Items of the ``typeof`` elements (from the scan, in document order)."""
    if not typed:
        return []
    items = []
    for el in typed:
        if el.get("property") is not None and _owner(el) is not None:
            continue  # nested value of another item
        types = el.get("typeof", "")
        scope = el
        vocab = None
        while scope is not None and vocab is None:
            vocab = scope.get("vocab") or scope.get("prefix")
            scope = scope.getparent()
        # Only schema.org(-like) vocabularies; other RDFa (foaf, dc, og) is not product data.
        if "schema.org" not in (vocab or "") and "schema:" not in types:
            continue
        items.append(_item(el, base_url))
    return items
