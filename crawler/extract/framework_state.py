"""Page state that front-end frameworks serialise in their own encodings rather than as JSON.

* Nuxt 3 (``<script type="application/json" id="__NUXT_DATA__">``) writes the state with
  devalue: one flat JSON array whose objects and arrays hold *indices* into that array
  (``[["ShallowReactive",1],{"data":2},{"product":3},{"name":4,"price":5},"Daunenjacke",199]``).
  ``revive`` rebuilds the nested value.
* Nuxt 2 (``window.__NUXT__=(function(a,b){return {data:[{price:a,inStock:b}]}}(199,!1));``)
  writes a JavaScript expression: unquoted keys, ``!0``/``!1``/``void 0``, and values repeated
  across the state passed once as the arguments of a wrapping function. ``read_js_state`` reads
  that expression with the function's parameters bound to its arguments.

chompjs (the usual reader of JavaScript objects in scraped pages) returns a parameter as the
string of its own name and stops at ``void 0``, so the small reader here is ours.
"""
from __future__ import annotations

import re

_MAX_NODES = 200_000

# devalue's reducers (plain ones and Nuxt's own) that wrap one value, and its negative constants
_WRAPPERS = frozenset({"Reactive", "ShallowReactive", "Ref", "ShallowRef", "NuxtError", "Object", "Island"})
_TYPES = _WRAPPERS | {"Date", "Set", "Map", "RegExp", "BigInt", "null", "EmptyRef", "EmptyShallowRef",
                      "URL", "URLSearchParams"}
_CONSTANTS = {-1: None, -2: None, -3: None, -4: None, -5: None, -6: 0}


def is_devalue(data) -> bool:
    """A devalue payload: a list whose root (element 0) is a typed entry or an object of indices."""
    if not isinstance(data, list) or len(data) < 2:
        return False
    root = data[0]
    if isinstance(root, list):
        return bool(root) and isinstance(root[0], str) and root[0] in _TYPES
    return isinstance(root, dict) and bool(root) and all(type(v) is int for v in root.values())


def revive(payload: list):
    """The value a devalue payload encodes; shared and cyclic entries are revived once."""
    done: dict[int, object] = {}
    budget = [_MAX_NODES]

    def value(i):
        if type(i) is not int or i < 0 or i >= len(payload):
            return _CONSTANTS.get(i) if type(i) is int else None
        if i in done:
            return done[i]
        budget[0] -= 1
        if budget[0] < 0:
            raise ValueError("devalue payload too large")
        entry = payload[i]
        if isinstance(entry, dict):
            out: dict = {}
            done[i] = out
            for k, v in entry.items():
                out[k] = value(v)
            return out
        if isinstance(entry, list):
            if entry and isinstance(entry[0], str):  # a typed entry
                kind, args = entry[0], entry[1:]
                if kind in _WRAPPERS and args:
                    done[i] = None  # a cycle through the wrapper reads as nothing
                    done[i] = value(args[0])
                elif kind == "null":  # an object without prototype: key, index, key, index…
                    out = {}
                    done[i] = out
                    for k, v in zip(args[::2], args[1::2]):
                        out[k] = value(v)
                else:  # Date, RegExp, BigInt, …: the literal; Set/Map: their items
                    done[i] = args[0] if len(args) == 1 and not isinstance(args[0], int) else [value(a) for a in args]
                return done[i]
            out_list: list = []
            done[i] = out_list
            out_list.extend(value(v) for v in entry)
            return out_list
        done[i] = entry
        return entry

    try:
        return value(0)
    except RecursionError:
        raise ValueError("devalue payload nested too deeply") from None


_TOKEN = re.compile(r"""\s*(?:("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|
                        (!0|!1|void\s+0)|([A-Za-z_$][\w$]*)|([{}\[\]:,().]))""", re.X | re.S)
_KEYWORDS = {"true": True, "false": False, "null": None, "undefined": None, "!0": True, "!1": False,
             "NaN": None, "Infinity": None}
# escapes JavaScript has and JSON lacks: \' \x41 \0 and a backslash before any other character
_JS_ESCAPE = re.compile(r"""\\(?:x([0-9a-fA-F]{2})|(['"\\/bfnrt])|u([0-9a-fA-F]{4})|(.))""", re.S)
_JSON_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _string(token: str) -> str:
    """A quoted JavaScript string's value."""
    body = token[1:-1]
    if "\\" not in body:
        return body
    value = _JS_ESCAPE.sub(_unescape, body)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # an emoji escaped as two halves: \ud83d\ude00
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _unescape(m: re.Match) -> str:
    hex2, simple, hex4, other = m.groups()
    if hex2 or hex4:
        return chr(int(hex2 or hex4, 16))
    if simple:
        return _JSON_ESCAPES.get(simple, simple)
    return "\0" if other == "0" else other


class _Name(str):
    """An identifier in the literal, bound to its value once the call's arguments are read."""


class _Reader:
    """A recursive-descent reader of JavaScript literals: objects, arrays, strings, numbers,
    ``true``/``!0``…, identifiers (as ``_Name``), ``new X(…)`` read as its first argument."""

    def __init__(self, text: str, pos: int):
        self.text, self.pos, self.nodes = text, pos, 0

    def token(self):
        m = _TOKEN.match(self.text, self.pos)
        if m is None:
            raise ValueError(f"unexpected text at {self.pos}")
        self.pos = m.end()
        return m.lastindex, m.group(m.lastindex)

    def peek(self) -> str:
        m = _TOKEN.match(self.text, self.pos)
        return m.group(m.lastindex) if m else ""

    def expect(self, punct: str) -> None:
        kind, tok = self.token()
        if tok != punct:
            raise ValueError(f"expected {punct!r} at {self.pos}, found {tok!r}")

    def value(self):
        self.nodes += 1
        if self.nodes > _MAX_NODES:
            raise ValueError("JavaScript state too large")
        kind, tok = self.token()
        if kind in (1, 2):
            return _string(tok)
        if kind == 3:
            return float(tok) if any(c in tok for c in ".eE") else int(tok)
        if kind == 4:
            return _KEYWORDS.get(tok, None)
        if tok == "{":
            return self.object()
        if tok == "[":
            return self.array()
        if kind == 5:
            if tok == "new":  # new Date("…"), new Map([…])
                self.token()
                self.expect("(")
                inner = None if self.peek() == ")" else self.value()
                while self.token()[1] != ")":
                    pass
                return inner
            if tok in _KEYWORDS:
                return _KEYWORDS[tok]
            if self.peek() not in ".(":
                return _Name(tok)
            while self.peek() == ".":  # a member of something named: unknown
                self.token()
                self.token()
            if self.peek() == "(":  # Object.create(null) and other calls: nothing to read
                self.skip_call()
            return None
        raise ValueError(f"unexpected {tok!r} at {self.pos}")

    def skip_call(self) -> None:
        depth = 0
        while True:
            tok = self.token()[1]
            depth += tok == "("
            depth -= tok == ")"
            if depth == 0:
                return

    def object(self) -> dict:
        out: dict = {}
        while True:
            kind, tok = self.token()
            if tok == "}":
                return out
            if tok == ",":
                continue
            key = _string(tok) if kind in (1, 2) else tok
            if self.peek() == ":":
                self.token()
                out[key] = self.value()
            else:  # shorthand {a}
                out[key] = _Name(key)

    def array(self) -> list:
        return self.items("]", holes=True)

    def arguments(self) -> list:
        """``(v, v, …)``: the values of a call's argument list, read from its opening parenthesis."""
        self.expect("(")
        return self.items(")", holes=False)

    def items(self, close: str, holes: bool) -> list:
        """Comma-separated values up to `close`; with `holes`, an empty place is None ([1,,2])."""
        out: list = []
        after_value = False
        while True:
            tok = self.peek()
            if tok == close:
                self.token()
                return out
            if tok == ",":
                self.token()
                if holes and not after_value:
                    out.append(None)
                after_value = False
                continue
            out.append(self.value())
            after_value = True


_FUNCTION = re.compile(r"\s*\(?\s*function\s*\(([\w$,\s]*)\)\s*\{")
_RETURN = re.compile(r"\breturn\s*(?=\{)")


def _bind(value, names: dict):
    """`value` with each identifier replaced by its bound value (unbound ones by None)."""
    if isinstance(value, _Name):
        return names.get(value)
    stack = [value]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for k, v in items:
            if isinstance(v, _Name):
                node[k] = names.get(v)
            elif isinstance(v, (dict, list)):
                stack.append(v)
    return value


def read_js_state(text: str, pos: int):
    """The value of the JavaScript expression at `pos`: an object or array literal, or a wrapping
    function's returned literal with its parameters bound to the call's arguments."""
    try:
        m = _FUNCTION.match(text, pos)
        if m is None:
            return _bind(_Reader(text, pos).value(), {})
        params = [p.strip() for p in m.group(1).split(",") if p.strip()]
        ret = _RETURN.search(text, m.end())
        if ret is None:
            raise ValueError("no returned object")
        reader = _Reader(text, ret.end())
        state = reader.value()
        reader.expect("}")
        if reader.peek() == ")":  # (function(){…})(args) rather than (function(){…}(args))
            reader.token()
        args = _bind(reader.arguments(), {})
        return _bind(state, dict(zip(params, args)))
    except RecursionError:
        raise ValueError("JavaScript state nested too deeply") from None
