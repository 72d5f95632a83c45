"""Tolerant JSON-LD reading.

Real pages ship JSON-LD that ``json.loads`` rejects: HTML comments or CDATA
around the payload, trailing semicolons/commas, a stray extra ``}``, raw
newlines inside strings, or several objects pasted one after the other.  Each
script is repaired independently so one broken block never hides the others.
"""
from __future__ import annotations

import html
import re

from .jsonsafe import Decoder

_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|"
                       r"(?:-->|//\s*\]\]>|\]\]>|/\*\s*\]\]>\s*\*/)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_DECODER = Decoder(strict=False)  # strict=False accepts raw control chars in strings


def _strip_wrappers(text: str) -> str:
    text = text.strip().lstrip("\ufeff")
    prev = None
    while prev != text:
        prev = text
        # The end-anchored half of _WRAPPERS is tried at every position of the
        # script; only run it when an opening "<!"/"//"/"/*" or a closing ">"/"/"
        # (every wrapper starts and ends so) is there at all.
        if text.lstrip()[:2] in ("<!", "//", "/*") or text.rstrip()[-1:] in (">", "/"):
            text = _WRAPPERS.sub("", text)
        text = text.strip().rstrip(";").strip()
    return text


def _decode_stream(text: str) -> list:
    """Decode one or more concatenated JSON values, skipping junk between them."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "{[":
            try:
                obj, end = _DECODER.raw_decode(text, i)
            except ValueError:
                return out if out else _decode_repaired(text[i:])
            out.append(obj)
            i = end
        else:
            i += 1  # whitespace, ';', ',', stray '}' or ']'
    return out


def _decode_repaired(text: str) -> list:
    fixed = _TRAILING_COMMA.sub(r"\1", text)
    try:
        obj, end = _DECODER.raw_decode(fixed, 0)
    except ValueError as exc:
        # Unbalanced: try closing what is open (truncated scripts).
        if exc.msg.startswith("Expecting"):
            depth = fixed.count("{") - fixed.count("}")
            if 0 < depth < 5:
                try:
                    return [_DECODER.raw_decode(fixed + "}" * depth, 0)[0]]
                except ValueError:
                    pass
        return []
    rest = _decode_stream(fixed[end:]) if end < len(fixed) else []
    return [obj, *rest]


def parse_script(text: str | None) -> list:
    if not text:
        return []
    text = _strip_wrappers(text)
    if not text:
        return []
    if text[1:7] == "&quot;" or text[:7] == "{&quot;":  # a server that escaped it for HTML ({&quot;@context&quot;: …})
        text = html.unescape(text)
    try:
        return [_DECODER.decode(text)]
    except ValueError:
        pass
    return _decode_stream(text)


def read_jsonld(scripts) -> list:
    """All top-level JSON-LD values of the given <script> elements (broken ones repaired or skipped)."""
    out = []
    for s in scripts:
        out.extend(parse_script(s.text))
    return out


# (an article's "isPartOf" Product is the paper's paid access, Google's subscription markup: no product of the page)
_SKIPPED_KEYS = frozenset(("review", "reviews", "aggregateRating", "isPartOf"))


def iter_nodes(data) -> list[dict]:
    """Every dict node in document (pre-)order, descending @graph, lists and nested
    values (depth-limited); reviews, ratings and what a node is part of are not descended into.

    Plain recursion into a list rather than nested generators: JSON-LD has dozens
    of small nodes per page and a generator frame per value cost more than the node.
    """
    out: list[dict] = []
    if isinstance(data, (dict, list)):
        _walk(data, 0, out)
    return out


def _walk(node, depth: int, out: list) -> None:
    if depth > 12:
        return
    if isinstance(node, dict):
        out.append(node)
        for k, v in node.items():
            if isinstance(v, (dict, list)) and k not in _SKIPPED_KEYS:
                _walk(v, depth + 1, out)
    else:
        for v in node:
            if isinstance(v, (dict, list)):  # strings, numbers: no nodes
                _walk(v, depth + 1, out)
