"""A post's legend of symbols ("★ = exact", "🎯 = sama tuote", "≈ = samantyylinen"): the labels its symbols stand
for, written out beside them wherever else the post sets them, so the labelling rules read them as words."""

from __future__ import annotations

import re
from itertools import chain, islice

from street2shop.crawler.blog.dom import text
from street2shop.crawler.blog.garments import label


def spell_legends(root) -> None:
    """Write out, in place, the symbols a legend defines ("★ = exact", "🎯 = sama tuote", "≈ = samantyylinen") as
    the label they stand for, wherever else the post sets them; where the legend says the links without the symbol
    are the other kind ("Everything without a star is a similar pick"), so are those beside a marked one in its table
    or list."""
    legends: dict[str, str] = {}
    others = None
    keys = []
    # (only the blocks around a text holding "=": reading every block's words would cost a page's size squared)
    holders = {}
    for el in root.iter():
        if isinstance(el.tag, str) and ("=" in (el.text or "") or "=" in (el.tail or "")):
            for up in islice(chain([el] if "=" in (el.text or "") else [], el.iterancestors()), 3):
                holders[id(up)] = up
    for el in holders.values():
        said = text(el) if el.tag in _LEGEND_BLOCKS else ""
        if "=" not in said or len(said) > 300:
            continue
        found = [(m.group("sym"), label(m.group("words"))) for m in _LEGEND.finditer(said)]
        found = [(sym, kind) for sym, kind in found if kind]
        if found:
            legends.update((sym, kind) for sym, kind in found if sym not in legends)
            keys.append(el)
            rest = _WITHOUT.search(said)
            others = others or (label(said[rest.end():]) if rest else None)
    if not legends:
        return
    inner = {id(up) for k in keys for up in k.iterancestors()}
    # the legend's own line (the elements kept alive: an id is only stable while its lxml proxy is)
    legend_nodes = {id(n): n for k in keys if id(k) not in inner for n in k.iter()}
    marked = []
    for el in root.iter():
        if id(el) in legend_nodes or not isinstance(el.tag, str):
            continue
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if value and any(sym in value for sym in legends):
                for sym, kind in legends.items():
                    value = value.replace(sym, f"{sym} {_KIND_WORD[kind]} ")
                setattr(el, attr, value)
                if el.tag == "a" and attr == "text":
                    marked.append(el)
    if others and marked:
        boxes = {}  # the tables and lists the marked links sit in
        for a in marked:
            box = next((up for up in a.iterancestors() if up.tag in ("table", "ul", "ol")), None)
            if box is not None:
                boxes[id(box)] = box
        for box in boxes.values():
            for a in box.iter("a"):
                if a not in marked and a.get("href"):
                    a.text = f"{_KIND_WORD[others]} {a.text or ''}"


_LEGEND_BLOCKS = frozenset(("p", "li", "blockquote", "div", "span", "strong", "b", "small", "em", "figcaption", "td"))
_LEGEND = re.compile(r"(?:^|[\s(])(?P<sym>[^\w\s=:;,.()\[\]\"'’/-]{1,2})\s*=\s*(?P<words>[^=·|;()\n]{2,40}?)"
                     r"(?=\s*(?:[·|;(.,]|\s[^\w\s]{1,2}\s*=|$))")
_WITHOUT = re.compile(r"\b(?:without|ohne|sans|sin|senza|zonder|utan|uten|uden|bez|sem|ilman)\b", re.I)
_KIND_WORD = {"exact": "exact", "alternative": "similar"}
