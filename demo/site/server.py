"""HTTP server for the demo shop: `serve(shop)` -> running `ShopServer` (context manager).

Pages are rendered once per (path, Host) and kept as bytes with their ETag, so the hot path of a
request is a dict lookup. Images are generated on first request and kept in an LRU cache.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import re
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Callable, Iterator
from urllib.parse import parse_qs, unquote

from . import pages
from .shop import ERROR_500_PATH, Shop
from .photos import PIXEL_GIF, ImageStore, logo_png

if TYPE_CHECKING:  # pragma: no cover
    from .blog import Blog

HTML = "text/html; charset=utf-8"
_HOST_OK = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str  # request target as sent (path + query)
    status: int
    headers: dict[str, str]  # request headers, lower-case names
    time: float  # time.time() when the request arrived
    duration: float = 0.0
    client: str = ""

    @property
    def route(self) -> str:
        """Path without the query string."""
        return self.path.split("?", 1)[0]

    @property
    def user_agent(self) -> str | None:
        return self.headers.get("user-agent")

    @property
    def if_none_match(self) -> str | None:
        return self.headers.get("if-none-match")

    @property
    def if_modified_since(self) -> str | None:
        return self.headers.get("if-modified-since")


class RequestLog:
    """Thread-safe, list-like log of `RequestRecord`s (iteration works on a snapshot)."""

    def __init__(self) -> None:
        self._items: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, rec: RequestRecord) -> None:
        with self._lock:
            self._items.append(rec)

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __getitem__(self, i):  # noqa: ANN001
        with self._lock:
            return self._items[i]

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())

    def paths(self) -> list[str]:
        return [r.path for r in self.snapshot()]

    def for_path(self, path: str) -> list[RequestRecord]:
        """Records whose route (path without query) or full target equals ``path``."""
        return [r for r in self.snapshot() if r.route == path or r.path == path]

    def count(self, path: str) -> int:
        return len(self.for_path(path))


@dataclass
class Resource:
    status: int
    content_type: str
    body: bytes
    last_modified: dt.datetime | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    cache_control: str = "public, max-age=0, must-revalidate"
    etag: str | None = None

    def __post_init__(self) -> None:
        if self.etag is None and self.status == 200:
            self.etag = '"' + hashlib.md5(self.body).hexdigest()[:20] + '"'


def _http_date(d: dt.datetime) -> str:
    return email.utils.format_datetime(d.astimezone(dt.timezone.utc).replace(microsecond=0), usegmt=True)


def _not_modified(res: Resource, inm: str | None, ims: str | None) -> bool:
    if res.status != 200:
        return False
    if inm is not None:
        if res.etag is None:
            return False
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or res.etag in tags
    if ims and res.last_modified is not None:
        try:
            since = email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.timezone.utc)
        return res.last_modified.replace(microsecond=0) <= since
    return False


class ShopServer:
    """A running demo shop. Use `serve()`; ``with serve(shop) as srv: srv.base_url``."""

    def __init__(self, shop: Shop, host: str = "127.0.0.1", port: int = 0, *, image_cache: int = 4096,
                 blog: "Blog | None" = None) -> None:
        self.shop = shop
        self.blog = blog if blog is not None else getattr(shop, "blog", None)  # demo blog (blog_server routes)
        self.images = ImageStore(shop, maxsize=image_cache)
        self.request_log = RequestLog()
        self._cache: dict[tuple[str, str], Resource] = {}
        self._rate_seen: set[str] = set()
        self._lock = threading.Lock()
        self._revision = self._current_revision()
        self._httpd = _HTTPServer((host, port), _Handler)
        self._httpd.app = self
        self.host, self.port = self._httpd.server_address[:2]
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> "ShopServer":
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                            name=f"demo-shop:{self.port}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> "ShopServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset_rate_limits(self) -> None:
        """Make rate-limited products answer 429 again on their next request."""
        with self._lock:
            self._rate_seen.clear()

    # -- cache invalidation (the mutation helpers in blog.py bump shop.revision / blog.revision) --
    def _current_revision(self) -> tuple[int, int]:
        return getattr(self.shop, "revision", 0), getattr(self.blog, "revision", 0)

    def _check_revision(self) -> None:
        rev = self._current_revision()
        if rev != self._revision:
            with self._lock:
                if rev != self._revision:
                    self._cache.clear()
                    self._revision = rev

    # -- routing ---------------------------------------------------------------------------
    def _text(self, key: str, host: str, make: Callable[[], str | None], content_type: str = HTML,
              last_modified: dt.datetime | None = None, status: int = 200, gz: bool = False) -> Resource | None:
        res = self._cache.get((key, host))
        if res is None:
            text = make()
            if text is None:
                return None
            text = text.replace(pages.BASE, f"http://{host}").replace(pages.HOST, host)
            body = text.encode("utf-8")
            if gz:
                body = gzip.compress(body, mtime=0)
            res = Resource(status, content_type, body, last_modified or self.shop.last_modified)
            self._cache[(key, host)] = res
        return res

    def _error(self, status: int, host: str, headers: list[tuple[str, str]] | None = None) -> Resource:
        base = self._text(f"error:{status}", host, lambda: pages.render_error(status), status=status)
        assert base is not None
        return Resource(status, base.content_type, base.body, None, list(headers or []), "no-store")

    def resolve(self, target: str, host: str) -> Resource:
        path, _, query = target.partition("?")
        path = unquote(path)
        shop = self.shop
        self._check_revision()
        if self.blog is not None:
            from .blog_server import resolve_blog

            blog_res = resolve_blog(self, path, query, host)
            if blog_res is not None:
                return blog_res
        if path == "/":
            return self._text("/", host, lambda: pages.render_home(shop))
        if path == "/robots.txt":
            return self._text(path, host, lambda: pages.robots_txt(shop), "text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            return self._text(path, host, lambda: pages.sitemap_index(shop), "application/xml; charset=utf-8")
        if path == "/sitemaps/products-1.xml.gz":
            return self._text(path, host, lambda: pages.sitemap_products(shop, 1), "application/x-gzip", gz=True)
        if path == "/sitemaps/products-2.xml":
            return self._text(path, host, lambda: pages.sitemap_products(shop, 2), "application/xml; charset=utf-8")
        if path == "/sitemaps/categories.xml":
            return self._text(path, host, lambda: pages.sitemap_categories(shop), "application/xml; charset=utf-8")
        if path.startswith("/img/"):
            spec = shop.images.get(path)
            data = self.images.get(path)
            if spec is None or data is None:
                return self._error(404, host)
            product = shop.by_id[spec.product_id]
            return Resource(200, spec.content_type, data, product.last_modified, list(spec.headers),
                            "public, max-age=86400")
        if path == "/static/logo.png":
            return Resource(200, "image/png", logo_png(), shop.last_modified, cache_control="public, max-age=86400")
        if path == "/static/site.css":
            return self._text(path, host, lambda: pages.CSS, "text/css; charset=utf-8")
        if path == "/t/px.gif":
            return Resource(200, "image/gif", PIXEL_GIF, None, cache_control="no-store", etag="")

        parts = path.strip("/").split("/")
        res: Resource | None = None
        if len(parts) == 2 and parts[0] == "c":
            raw = parse_qs(query).get("page", ["1"])[0]
            page = int(raw) if raw.isdigit() else 0
            key = f"/c/{parts[1]}?page={page}"
            res = self._text(key, host, lambda: pages.render_category(shop, parts[1], page))
        elif len(parts) == 2 and parts[0] == "p":
            if path in shop.redirects:
                loc = f"http://{host}{shop.redirects[path]}" + (f"?{query}" if query else "")
                return Resource(301, HTML, b'<!DOCTYPE html><title>Moved</title><a href="%s">Moved</a>\n' % loc.encode(),
                                None, [("Location", loc)], "public, max-age=3600")
            if path == ERROR_500_PATH:
                return self._error(500, host)
            res = self._product(path, host)
        elif len(parts) == 3 and parts[:2] in (["js", "p"], ["private", "p"]):
            res = self._product(path, host)
        elif len(parts) == 3 and parts[:2] == ["js", "c"]:
            res = self._text(path, host, lambda: pages.render_js_category(shop, parts[2]))
        elif len(parts) == 3 and parts[:2] == ["api", "c"] and parts[2].endswith(".json"):
            res = self._text(path, host, lambda: pages.api_category(shop, parts[2][:-5]),
                             "application/json; charset=utf-8")
        elif len(parts) == 3 and parts[:2] == ["api", "p"] and parts[2].endswith(".json"):
            p = shop.by_path.get(f"/js/p/{parts[2][:-5]}")
            if p is not None:
                res = self._text(path, host, lambda: pages.api_product(shop, p), "application/json; charset=utf-8",
                                 p.last_modified)
        elif len(parts) == 2 and parts[0] == "brand":
            res = self._text(path, host, lambda: pages.render_brand(shop, parts[1]))
        return res if res is not None else self._error(404, host)

    def _product(self, path: str, host: str) -> Resource | None:
        p = self.shop.by_path.get(path)
        if p is None:
            return None
        if p.rate_limited:
            with self._lock:
                first = path not in self._rate_seen
                self._rate_seen.add(path)
            if first:
                return self._error(429, host, [("Retry-After", "1")])
        if p.js_only:
            return self._text(path, host, lambda: pages.render_js_product(self.shop, p), last_modified=p.last_modified)
        return self._text(path, host, lambda: pages.render_product(self.shop, p), last_modified=p.last_modified)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    app: ShopServer

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # quiet: clients dropping connections are normal in crawls


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Street2ShopDemo/1.0"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 30
    server: _HTTPServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _method_not_allowed(self) -> None:
        self._send(Resource(405, "text/plain; charset=utf-8", b"Method Not Allowed\n", headers=[("Allow", "GET, HEAD")],
                            cache_control="no-store"), True, time.time())

    do_POST = do_PUT = do_DELETE = do_PATCH = _method_not_allowed

    def _host(self) -> str:
        host = (self.headers.get("Host") or "").strip()
        if not _HOST_OK.match(host):
            app = self.server.app
            host = f"{app.host}:{app.port}"
        return host

    def _serve(self, body: bool) -> None:
        start = time.time()
        app = self.server.app
        target = self.path
        if target.startswith(("http://", "https://")):  # absolute-form request target
            target = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
        try:
            res = app.resolve(target, self._host())
        except Exception:  # pragma: no cover - a bug in the demo site; surface it as a 500
            res = Resource(500, "text/plain; charset=utf-8", b"internal error\n", cache_control="no-store")
        if _not_modified(res, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
            res = Resource(304, "", b"", res.last_modified, [], res.cache_control, res.etag)
        self._send(res, body, start)

    def _send(self, res: Resource, body: bool, start: float) -> None:
        # logged before the response goes out: once a client has the response, the log has the record
        self.server.app.request_log.append(
            RequestRecord(
                method=self.command,
                path=self.path,
                status=res.status,
                headers={k.lower(): v for k, v in self.headers.items()},
                time=start,
                duration=time.time() - start,
                client=self.client_address[0],
            )
        )
        # One write per response, status line to body, as a production server sends a small
        # response: http.server's send_header/end_headers path flushes the headers and then
        # writes the body, two segments with Nagle off. Here the server shares the machine's
        # cores with the crawl it serves, so its CPU (mostly loopback TCP) is kept small.
        lines = [f"HTTP/1.1 {res.status} {_reason(res.status)}", f"Server: {self.version_string()}",
                 f"Date: {self.date_time_string()}"]
        if res.status != 304:
            lines += [f"Content-Type: {res.content_type}", f"Content-Length: {len(res.body)}"]
        if res.etag:
            lines.append(f"ETag: {res.etag}")
        if res.last_modified is not None and res.status in (200, 304):
            lines.append(f"Last-Modified: {_http_date(res.last_modified)}")
        lines.append(f"Cache-Control: {res.cache_control}")
        lines += [f"{k}: {v}" for k, v in res.headers]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "strict")
        self.wfile.write(head + res.body if body and res.status != 304 and res.body else head)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def serve(shop: Shop, host: str = "127.0.0.1", port: int = 0, *, image_cache: int = 4096,
          blog: "Blog | None" = None) -> ShopServer:
    """Start serving ``shop`` (and ``blog``, see blog_server) in a daemon thread; returns the running
    server (also a context manager)."""
    return ShopServer(shop, host, port, image_cache=image_cache, blog=blog).start()
