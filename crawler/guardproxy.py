"""The browser's way out: a forward proxy on 127.0.0.1 that refuses non-public addresses.

Chromium renders pages whose redirects, scripts and frames decide where it connects, and
Playwright's request routing sees only the first URL of a redirect chain. So every
connection Chromium makes goes through this proxy (its `--proxy-server`; Playwright also
sends loopback and link-local targets through it), which resolves the target itself,
refuses it unless every address is public (crawler-wide rule: core/net.py), and then
connects to the address it checked, so a second DNS answer cannot differ (rebinding).

It speaks what Chromium sends to an HTTP proxy: `CONNECT host:port` for https and
WebSockets (a byte tunnel), and absolute-URI requests for plain http (one request per
connection: the upstream is asked to close after its answer). It runs on a thread with
its own event loop, so it does not compete with Scrapy's reactor for the page's bytes.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from urllib.parse import urlsplit

from street2shop.core.net import is_public, parse_ip

logger = logging.getLogger(__name__)

_HEAD_LIMIT = 64 * 1024
#: Header of the proxy's own answer to a refused plain-http request (the crawl counts it).
REFUSED_HEADER = "X-Street2shop-Refused"
_HOP_HEADERS = frozenset({b"proxy-connection", b"proxy-authorization", b"connection", b"keep-alive"})


class GuardProxy:
    def __init__(self, *, allow_private: bool = False, connect_timeout: float = 30.0):
        self.allow_private = allow_private
        self.connect_timeout = connect_timeout
        #: (host, address) of each connection refused
        self.refused: list[tuple[str, str]] = []
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="guard-proxy", daemon=True)
        self.url = ""

    def start(self) -> str:
        """Listen on 127.0.0.1 (a free port); returns the proxy URL for Chromium."""
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, "127.0.0.1", 0, limit=_HEAD_LIMIT), self._loop)
        self._server = future.result(timeout=10)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def close(self) -> None:
        if self._server is None:
            return

        async def stop() -> None:
            self._server.close()
            for task in [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]:
                task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._server = None

    # ---------------------------------------------------------------- serving
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream: asyncio.StreamWriter | None = None
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, _, rest = head.partition(b"\r\n")
            method, target, version = request_line.split(b" ", 2)
            if method == b"CONNECT":
                host, port = _split_host_port(target.decode("latin-1"), 443)
                up_reader, upstream = await self._open(host, port, writer)
                if upstream is None:
                    return
                writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                await writer.drain()
                await _pump_both(reader, writer, up_reader, upstream)
                return
            url = urlsplit(target.decode("latin-1"))
            if url.scheme != "http" or not url.hostname:
                await _answer(writer, 400, "this proxy forwards http:// URLs and CONNECT only")
                return
            up_reader, upstream = await self._open(url.hostname, url.port or 80, writer)
            if upstream is None:
                return
            path = (url.path or "/") + (f"?{url.query}" if url.query else "")
            headers = [line for line in rest.split(b"\r\n")
                       if line and line.split(b":", 1)[0].strip().lower() not in _HOP_HEADERS]
            upstream.write(b"%s %s %s\r\n" % (method, path.encode("latin-1"), version))
            upstream.write(b"".join(h + b"\r\n" for h in headers) + b"Connection: close\r\n\r\n")
            length = _content_length(headers)
            if length:
                upstream.write(await reader.readexactly(length))
            await upstream.drain()
            await _pump(up_reader, writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, ConnectionError, OSError):
            pass
        except asyncio.CancelledError:
            raise
        finally:
            for w in (upstream, writer):
                if w is not None:
                    w.close()

    async def _open(self, host: str, port: int, client: asyncio.StreamWriter):
        """A connection to `host`, made to the very address that was checked; None (after
        answering the client) when the host is refused or unreachable."""
        address = await self._checked_address(host, port)
        if address is None:
            await _answer(client, 403, f"street2shop refused {host}: not a public address",
                          f"{REFUSED_HEADER}: private-address\r\n")
            return None, None
        try:
            return await asyncio.wait_for(asyncio.open_connection(address, port), self.connect_timeout)
        except (OSError, asyncio.TimeoutError):
            await _answer(client, 502, f"cannot connect to {host}")
            return None, None

    async def _checked_address(self, host: str, port: int) -> str | None:
        literal = parse_ip(host)
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                infos = await self._loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError, OSError):
                return None
            addresses = list(dict.fromkeys(info[4][0] for info in infos))
        if not addresses:
            return None
        if not self.allow_private:
            # All or nothing: a name with one private answer is a name pointed at the inside.
            refused = next((a for a in addresses if not is_public(parse_ip(a))), None)
            if refused is not None:
                self.refused.append((host, refused))
                logger.warning("browser connection refused: %s is a private address (%s)", host, refused)
                return None
        return addresses[0]


def _split_host_port(target: str, default: int) -> tuple[str, int]:
    if target.startswith("["):
        host, _, port = target[1:].partition("]")
        return host, int(port.lstrip(":") or default)
    host, _, port = target.rpartition(":")
    return (host, int(port)) if host else (target, default)


def _content_length(headers: list[bytes]) -> int:
    for line in headers:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


async def _answer(writer: asyncio.StreamWriter, status: int, message: str, extra_headers: str = "") -> None:
    body = message.encode()
    reason = {400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway"}[status]
    writer.write(b"HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n%s\r\n%s"
                 % (status, reason.encode(), len(body), extra_headers.encode(), body))
    try:
        await writer.drain()
    except ConnectionError:
        pass


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()


async def _pump_both(r1, w1, r2, w2) -> None:
    async def one_way(reader, writer):
        try:
            await _pump(reader, writer)
        finally:
            if writer.can_write_eof():
                try:
                    writer.write_eof()
                except OSError:
                    pass

    await asyncio.gather(one_way(r1, w2), one_way(r2, w1), return_exceptions=True)
