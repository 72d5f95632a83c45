"""Decoding and parsing of raw responses (the one place that parses)."""
from __future__ import annotations

import re
import zlib

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode, resolve_encoding

from .api_json import record_from_json
from .jsonsafe import loads
from .element_classes import c_lookup
from .merge import extract_from_tree
from .record import ProductRecord

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_GUNZIP_STEP = 1 << 20


class PageTooLarge(ValueError):
    """A compressed page that expands past the size limit."""


def gunzip(data: bytes, limit: int) -> bytes:
    """The bytes of gzip ``data`` (several members too, as ``gzip.decompress``), produced a
    step at a time so that memory stays near ``limit``: a small file can expand to gigabytes.

    Raises ``PageTooLarge`` past ``limit`` bytes, ``ValueError`` when ``data`` is not whole gzip.
    """
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header and trailer
        try:
            while not d.eof:
                chunk = d.decompress(rest, min(_GUNZIP_STEP, limit + 1 - len(out)))
                out += chunk
                if len(out) > limit:
                    raise PageTooLarge(f"expands to more than {limit} bytes")
                rest = d.unconsumed_tail
                if not chunk and not d.eof:  # all input read, no end of stream
                    raise ValueError("the compressed data ends early (truncated file)")
        except zlib.error as exc:
            raise ValueError(str(exc)) from None
        rest = d.unused_data.lstrip(b"\x00")  # members may be padded with zeros
    return bytes(out)


class _Parser(lxml.html.HTMLParser):
    """lxml.html's parser with the C-level element class lookup (``lookup.py``)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.set_element_class_lookup(c_lookup())


# One parser per process is enough: extraction runs on Scrapy's reactor thread.
_PARSER = _Parser(recover=True, remove_comments=False, encoding="utf-8")


def to_utf8(body: bytes, content_type: str | None = None) -> bytes:
    """Bytes re-encoded as UTF-8.  Valid UTF-8 wins over a contradicting declaration.

    Pages are often served as UTF-8 while still declaring iso-8859-1/windows-1252
    (templates copied around); non-ASCII Latin-1 text is almost never valid
    UTF-8, so a clean UTF-8 decode is stronger evidence than the declaration.
    Otherwise the declared encoding (the HTTP `content_type` header's charset when
    given, else the page's BOM or meta tag) is used, cp1252 as the last resort.
    """
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    _, text = html_to_unicode(content_type, body,
                              default_encoding=_head_declaration(body) or _sniffed(body) or "cp1252")
    return text.encode("utf-8")


def _sniffed(body: bytes) -> str | None:
    """A page that declares no encoding, in a script Windows-1252 would garble (Cyrillic, Greek, Hebrew, Arabic,
    Thai, Chinese, Japanese, Korean), as a browser's detector finds it; a Latin guess is left to cp1252 (a wrong
    central-European guess would turn Spanish "ñ" into "ń")."""
    import charset_normalizer  # only here: most pages are UTF-8 or declare their encoding
    best = charset_normalizer.from_bytes(body[:_SNIFF_BYTES]).best()
    name = resolve_encoding(best.encoding) if best is not None else None
    if name is None:
        return None
    return _NON_LATIN.get(name)


_SNIFF_BYTES = 1 << 16
# the detector's name -> the encoding to read it with (a short Cyrillic sample reads as Mac Cyrillic: Windows' is
# the one shops use)
_NON_LATIN = {
    "cp1251": "cp1251", "mac-cyrillic": "cp1251", "koi8-r": "koi8-r", "koi8-u": "koi8-u", "iso8859-5": "iso8859-5",
    "cp866": "cp866", "cp1253": "cp1253", "iso8859-7": "iso8859-7", "cp1255": "cp1255", "iso8859-8": "iso8859-8",
    "cp1256": "cp1256", "iso8859-6": "iso8859-6", "tis-620": "cp874", "cp874": "cp874", "iso8859-11": "cp874",
    "cp932": "cp932", "euc_jp": "euc_jp", "gb18030": "gb18030", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
    "cp949": "cp949",
}


# A meta charset anywhere in the head: a browser's "save page" writes the scripts it ran before the page's own
# declaration, past the first kilobytes the usual sniffing reads (that declaration still wins where it finds one).
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.I)
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{2,40})", re.I)
_HEAD_READ = 1 << 20


def _head_declaration(body: bytes) -> str | None:
    end = _HEAD_END.search(body, 0, _HEAD_READ)
    m = _META_CHARSET.search(body, 0, end.start() if end else _HEAD_READ)
    if m is None:
        return None
    name = resolve_encoding(m.group(1).decode("ascii"))
    return name if name and name != "utf-8" else None  # bytes that are not UTF-8 declared as such: sniff


def decode(body: bytes) -> str:
    return to_utf8(body).decode("utf-8")


def parse_html(html: str | bytes, content_type: str | None = None):
    """The page's lxml tree; `content_type`: the HTTP header, for bytes that are not UTF-8."""
    # libxml2 parses bytes with a fixed encoding faster than a Python str.
    if isinstance(html, (bytes, bytearray)):
        data = to_utf8(bytes(html), content_type)
    else:
        data = _XML_DECL.sub("", html, count=1).encode("utf-8", "surrogatepass")
    if not data.strip():
        data = b"<html></html>"
    try:
        return lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring(b"<html></html>", parser=_PARSER)


def extract_product(html: str | bytes, url: str) -> ProductRecord:
    """Extract from a raw page; JSON product documents (API responses) are supported too."""
    if isinstance(html, (bytes, bytearray)):
        head = bytes(html[:64]).lstrip()
        if head[:1] in (b"{", b"["):
            rec = _try_json(decode(bytes(html)), url)
            if rec is not None:
                return rec
    elif html.lstrip()[:1] in ("{", "["):
        rec = _try_json(html, url)
        if rec is not None:
            return rec
    return extract_from_tree(parse_html(html), url)


def _try_json(text: str, url: str):
    try:
        data = loads(text)
    except ValueError:
        return None
    return record_from_json(data, url)
