"""Microdata via extruct, reshaped into JSON-LD-like dicts for ``schema.py``.

extruct's extractor works on an lxml tree, so the page is not re-parsed; it is
only invoked when the page has an ``itemscope`` attribute at all.
"""
from __future__ import annotations

import html_text  # extruct's own text converter (a dependency of extruct)
from extruct.w3cmicrodata import MicrodataExtractor
from w3lib.html import strip_html5_whitespace

from .urls import join

# What extruct's Cleaner (w3cmicrodata.cleaner) removes or renames before converting a
# property's text: scripts, styles, links, meta, comments and PIs; <image> becomes <img>.
_CLEANED = frozenset(("script", "style", "link", "meta", "image"))


# URL-valued elements and the attribute holding the URL (as in extruct).
_URL_ATTRS = {"audio": "src", "embed": "src", "iframe": "src", "img": "src", "source": "src", "track": "src",
              "video": "src", "a": "href", "area": "href", "link": "href", "object": "data"}


class _Extractor(MicrodataExtractor):
    """extruct's extractor with two costs taken out, same output."""

    def _extract_property_value(self, node, items_seen, base_url, itemids, force=False):
        # URL values with the memoised urljoin (an item's own node is an item, not a URL).
        attr = _URL_ATTRS.get(node.tag)
        if attr is not None and (force or node.get("itemscope") is None):
            return join(base_url, strip_html5_whitespace(node.get(attr, "")))
        return super()._extract_property_value(node, items_seen, base_url, itemids, force)

    def _extract_textContent(self, node):
        # extruct deep-copies the node and runs the Cleaner over the copy -- most of
        # the microdata cost -- only to drop the elements above; a node without any
        # converts to the same text as it is.
        for el in node.iter():
            tag = el.tag
            if tag.__class__ is not str or tag in _CLEANED:
                return super()._extract_textContent(node)
        return html_text.etree_to_text(node)


_EXTRACTOR = _Extractor()


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
