"""Hostile and faulty websites for the fault tests: tiny HTTP servers on loopback whose
every path is set by the test (a page, a redirect, a status, a slow or endless answer).

Each `Site` binds its own loopback address (127.0.0.2, 127.0.0.3, ...: Linux routes all
of 127.0.0.0/8 to the loopback interface), so one test can play several hosts, each with
its own robots.txt, without DNS and without a packet leaving the machine.
"""

from __future__ import annotations

import io
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]
Handler = Callable[["Hit"], Answer]

_hosts = itertools.count(0)


def next_loopback() -> str:
    """A loopback address no other site of this test process uses."""
    n = next(_hosts)
    return f"127.0.{n // 250}.{n % 250 + 2}"


@dataclass(frozen=True)
class Hit:
    method: str
    path: str  # path and query, as sent
    headers: dict[str, str]  # lower-case names
    host: str  # the address the request was sent to
    time: float


class Site:
    """An HTTP server on one loopback address; `route` sets what a path answers."""

    def __init__(self, host: str | None = None, *, robots: str | None = "User-agent: *\nAllow: /\n"):
        self.host = host or next_loopback()
        self.routes: dict[str, Handler] = {}
        self.prefixes: list[tuple[str, Handler]] = []
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        if robots is not None:
            self.page("/robots.txt", robots, content_type="text/plain")
        site = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site._answer(self)

            do_HEAD = do_GET

        self.server = ThreadingHTTPServer((self.host, 0), _Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # ----------------------------------------------------------------- routes
    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Handler) -> None:
        """`handler(hit)` answers `path` (the path without its query)."""
        self.routes[path] = handler

    def route_prefix(self, prefix: str, handler: Handler) -> None:
        self.prefixes.append((prefix, handler))

    def page(self, path: str, body: str | bytes, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        answer = (status, {"Content-Type": content_type, **(headers or {})}, data)
        self.route(path, lambda hit: answer)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.route(path, lambda hit: (status, {"Location": location}, b""))

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.split("?", 1)[0] == path]

    # ---------------------------------------------------------------- serving
    def _answer(self, req: BaseHTTPRequestHandler) -> None:
        hit = Hit(req.command, req.path, {k.lower(): v for k, v in req.headers.items()},
                  req.connection.getsockname()[0], time.time())
        with self._lock:
            self.hits.append(hit)
        route = req.path.split("?", 1)[0]
        handler = self.routes.get(route)
        if handler is None:
            handler = next((h for p, h in self.prefixes if route.startswith(p)), None)
        status, headers, body = handler(hit) if handler else (404, {"Content-Type": "text/plain"}, b"not found")
        try:
            req.send_response(status)
            for name, value in headers.items():
                req.send_header(name, value)
            if "Content-Length" not in headers:
                req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            if req.command != "HEAD":
                req.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def __enter__(self) -> "Site":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def jpeg(seed: int, size: tuple[int, int] = (320, 400)) -> bytes:
    """A real JPEG photo-like image, different for each seed."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    draw = ImageDraw.Draw(img)
    for i in range(6):
        x = (seed * 37 + i * 61) % size[0]
        y = (seed * 17 + i * 43) % size[1]
        draw.rectangle([x, y, x + 60, y + 80], fill=((i * 40 + seed) % 256, (seed * 7) % 256, (i * 90) % 256))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def product_page(name: str, price: str, images: list[str], *, currency: str = "EUR", extra_head: str = "",
                 body: str = "") -> str:
    """A product page with JSON-LD, as shops write them."""
    imgs = ",".join(f'"{u}"' for u in images)
    return f"""<!doctype html><html><head><title>{name}</title>{extra_head}
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Product","name":"{name}",
"image":[{imgs}],"offers":{{"@type":"Offer","price":"{price}","priceCurrency":"{currency}",
"availability":"https://schema.org/InStock"}}}}</script></head>
<body><h1>{name}</h1><p class="price">{price} {currency}</p><button>Add to bag</button>{body}</body></html>"""


def blog_post(title: str, scene: str, garments: list[tuple[str, str]], *, extra_head: str = "") -> str:
    """A show-fashion post: a title naming the show and episode, a scene image, and one
    block per garment (its text and the link to the shop)."""
    blocks = "".join(f'<div class="product-card"><span class="what">{text}</span> <a href="{href}">Shop it</a></div>'
                     for text, href in garments)
    return f"""<!doctype html><html><head><title>{title} | Screen Style</title>{extra_head}</head><body>
<article class="post"><h1>{title}</h1><img src="{scene}" width="800" height="500" alt="scene">
{blocks}</article></body></html>"""
