"""JSON decoding of page data where every failure is a ``ValueError``.

The C decoder raises ``RecursionError`` (not ``ValueError``) on values nested deeper
than the interpreter's stack allows, such as ``[[[[...]]]]`` 100,000 levels deep.  Page
data is untrusted, so a value nested that deep is broken JSON like any other: callers
that skip a ``ValueError`` skip it too and keep the rest of the page.
"""
from __future__ import annotations

import json


class Decoder(json.JSONDecoder):
    """``json.JSONDecoder`` whose too-deep input is a ``json.JSONDecodeError``."""

    def raw_decode(self, s: str, idx: int = 0):
        try:
            return super().raw_decode(s, idx)
        except RecursionError:
            raise json.JSONDecodeError("nested too deeply", s, idx) from None


_DECODER = Decoder()


def loads(text: str):
    """``json.loads`` of a str; too-deep input raises ``json.JSONDecodeError``."""
    return _DECODER.decode(text)
