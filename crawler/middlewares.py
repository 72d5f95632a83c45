"""Downloader middlewares that make the crawler safe and polite by default.

- `PrivateAddressMiddleware` refuses requests to loopback/private/link-local targets
  (a public page must not be able to point the crawler at an intranet) unless the
  source's manifest allows them.
- `BackoffRetryMiddleware` is Scrapy's RetryMiddleware plus what servers ask for on
  429/503: it waits the `Retry-After` they give (or an exponential backoff), and slows
  the whole domain down, not just the one request.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
from email.utils import parsedate_to_datetime
from functools import lru_cache

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


class PrivateAddressRefused(IgnoreRequest):
    pass


@lru_cache(maxsize=4096)
def _resolve(host: str) -> tuple[str, ...]:
    try:
        return tuple({info[4][0] for info in socket.getaddrinfo(host, None)})
    except (socket.gaierror, UnicodeError):
        return ()  # unresolvable hosts fail later in the download with a DNS error


def is_private_host(host: str) -> str | None:
    """The private address `host` is or resolves to, else None."""
    host = host.strip("[]")
    try:
        addresses: tuple[str, ...] = (str(ipaddress.ip_address(host)),)
    except ValueError:
        addresses = _resolve(host)
    for addr in addresses:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
                or ip.is_multicast or ip.is_unspecified):
            return addr
    return None


class PrivateAddressMiddleware:
    def __init__(self, allow: bool, stats):
        self.allow = allow
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("STREET2SHOP_ALLOW_PRIVATE"), crawler.stats)

    def process_request(self, request: Request, spider=None):
        if self.allow:
            return None
        host = urlparse_cached(request).hostname or ""
        addr = is_private_host(host)
        if addr:
            self.stats.inc_value("street2shop/errors/private_address")
            raise PrivateAddressRefused(
                f"refused {request.url}: {host} is a private address ({addr}); "
                "set allow_private_addresses: true on the source to crawl it")
        return None


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Parse Retry-After: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class BackoffRetryMiddleware(RetryMiddleware):
    BACKOFF_CODES = frozenset({429, 503})

    def __init__(self, settings):
        super().__init__(settings)
        self.max_retry_after = settings.getfloat("STREET2SHOP_MAX_RETRY_AFTER", 120.0)
        self.base_delays: dict[str, float] = {}

    async def process_response(self, request: Request, response: Response, spider=None):
        if response.status not in self.BACKOFF_CODES or request.meta.get("dont_retry"):
            self._recover(request)
            return super().process_response(request, response)
        retries = request.meta.get("retry_times", 0)
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            wait = min(2.0 ** retries, self.max_retry_after)
        elif wait > self.max_retry_after:
            # The server asks for a longer pause than the manifest allows: give up on
            # this URL rather than ignore its wish; the next run will try again.
            self.crawler.stats.inc_value("street2shop/errors/retry_after_too_long")
            return response
        self._slow_down(request, wait)
        self.crawler.stats.inc_value(f"street2shop/backoff/{response.status}")
        retry = self._retry(request, f"{response.status} (waiting {wait:.1f}s)")
        if retry is None:
            return response
        await asyncio.sleep(wait)
        return retry

    def _slot(self, request: Request):
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def _slow_down(self, request: Request, wait: float) -> None:
        key, slot = self._slot(request)
        if slot is None:
            return
        self.base_delays.setdefault(key, slot.delay)
        slot.delay = min(max(slot.delay * 2, wait, 0.5), self.max_retry_after)

    def _recover(self, request: Request) -> None:
        # After a success, halve the extra delay back towards what the slot had.
        if not self.base_delays:
            return
        key, slot = self._slot(request)
        base = self.base_delays.get(key)
        if slot is None or base is None:
            return
        slot.delay = max(base, slot.delay / 2)
        if slot.delay <= base:
            del self.base_delays[key]
