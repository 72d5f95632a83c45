"""Microdata via extruct, reshaped into JSON-LD-like dicts for ``schema.py``.

extruct's extractor works on an lxml tree, so the page is not re-parsed; it is
only invoked when the page has an ``itemscope`` attribute at all.
"""
from __future__ import annotations

from extruct.w3cmicrodata import MicrodataExtractor
_EXTRACTOR = MicrodataExtractor()


def _to_ld(item):
    if not isinstance(item, dict):
        return item
    if "properties" not in item and "type" not in item:
        return item
    out = {}
    t = item.get("type")
    if t:
        out["@type"] = t
    for k, v in (item.get("properties") or {}).items():
        out[k] = [_to_ld(x) for x in v] if isinstance(v, list) else _to_ld(v)
    if "value" in item and not out.get("name"):
        out.setdefault("@value", item["value"])
    return out


def read_microdata(tree, base_url: str, has_itemscope: bool = True) -> list[dict]:
    if not has_itemscope:
        return []
    try:
        items = _EXTRACTOR.extract_items(tree, base_url)
    except Exception:  # extruct raises on odd markup; microdata is optional evidence
        return []
    return [_to_ld(i) for i in items]
