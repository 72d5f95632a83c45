"""Downloader middlewares that make the crawler safe and polite by default.

- `PrivateAddressMiddleware` refuses requests to targets that are not public addresses
  (a public page must not be able to point the crawler at an intranet or a cloud's
  metadata service) unless the source's manifest allows them.
- `RobotsForEveryHost` lets the robots.txt request of every host a crawl reaches through
  the offsite filter, and `RobotsTxtMiddleware` reads robots.txt answers as RFC 9309 says.
- `BackoffRetryMiddleware` is Scrapy's RetryMiddleware plus what servers ask for on
  429/503: it waits the `Retry-After` they give (or an exponential backoff), and slows
  the whole domain down, not just the one request.
"""

from __future__ import annotations

import asyncio
import logging
import time
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError
from w3lib.http import basic_auth_header

from street2shop.crawler.guardproxy import REFUSED_HEADER
from street2shop.crawler.resolver import GuardedResolver, PrivateAnswer
from street2shop.core.net import is_public, parse_ip, redact_url

logger = logging.getLogger(__name__)


class PrivateAddressRefused(IgnoreRequest):
    pass


class PrivateAddressMiddleware:
    """Refuses a request whose host is or resolves to a non-public address, and a response
    that came from one (the address it was really read from), unless the source allows them;
    and any URL that is not http(s).

    The host name is resolved through the crawl's resolver (crawler/resolver.py), whose
    answer is the one the connection then uses."""

    def __init__(self, allow: bool, stats):
        self.allow = allow
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("STREET2SHOP_ALLOW_PRIVATE"), crawler.stats)

    async def process_request(self, request: Request, spider=None):
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https"):
            # file:, ftp:, s3:, data: URLs come from pages and sitemaps too; Scrapy would read
            # local files for a file: one.
            raise PrivateAddressRefused(f"refused {redact_url(request.url)}: only http and https URLs are fetched")
        host = parts.hostname or ""
        if self.allow:
            GuardedResolver.allow_host(host)
            return None
        address = await _address_of(host)
        if address is not None and not is_public(parse_ip(address)):
            self._refuse(request, host, address)
        return None

    def process_response(self, request: Request, response: Response, spider=None):
        if "playwright" in response.flags:
            # Through the browser's guard proxy: its address is the proxy's; a page it
            # refused (a redirect to a private address) is its own answer.
            if response.headers.get(REFUSED_HEADER):
                self._refuse(request, urlparse_cached(response).hostname or "", "refused by the browser's guard")
            return response
        if self.allow or request.meta.get("proxy"):  # a configured HTTP proxy is the user's own choice
            return response
        ip = response.ip_address
        if ip is not None and not is_public(ip):
            self._refuse(request, urlparse_cached(request).hostname or "", str(ip))
        return response

    def _refuse(self, request: Request, host: str, address: str) -> None:
        # (counted by kind where the request ends: the spider's errback, the image pipeline)
        raise PrivateAddressRefused(
            f"refused {redact_url(request.url)}: {host} is a private address ({address}); "
            "set allow_private_addresses: true on the source to crawl it")


async def _address_of(host: str) -> str | None:
    """The address a connection to `host` would use (None: it does not resolve)."""
    ip = parse_ip(host)
    if ip is not None:
        return str(ip)
    from twisted.internet import reactor

    try:
        return await maybe_deferred_to_future(reactor.resolve(host))
    except PrivateAnswer as exc:
        return exc.address
    except DNSLookupError:
        return None  # the download fails with the DNS error itself


class CredentialsMiddleware:
    """Sends the HTTP Basic credentials a manifest gave in a start URL (`Source.credentials`)
    to that host and port only; no URL the crawl requests, logs or stores carries them."""

    def __init__(self, credentials: dict[str, tuple[str, str]]):
        self.headers = {host: basic_auth_header(user, password) for host, (user, password) in credentials.items()}

    @classmethod
    def from_crawler(cls, crawler):
        credentials = crawler.settings.getdict("STREET2SHOP_CREDENTIALS")
        if not credentials:
            raise NotConfigured
        return cls(credentials)

    def process_request(self, request: Request, spider=None):
        header = self.headers.get(urlparse_cached(request).netloc.lower())
        if header is not None and b"Authorization" not in request.headers:
            request.headers[b"Authorization"] = header
        return None


class RobotsForEveryHost:
    """Lets each host's robots.txt request through the offsite filter.

    Scrapy's robots middleware fetches a host's robots.txt through the engine, where the
    offsite filter drops it for every host but the start URLs' (the shops a blog links to,
    image CDNs): those hosts were then crawled as if they had no rules at all."""

    def process_request(self, request: Request, spider=None):
        if request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt":
            request.meta["allow_offsite"] = True
        return None


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, reading answers as RFC 9309 says: a 4xx means there
    are no rules; a 5xx (after retries) means the site cannot say, so nothing is fetched
    from it. A robots.txt that cannot be reached at all leaves the host's pages to fail
    (or not) on their own, with their own error."""

    DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if 500 <= response.status < 600:
            self._stats.inc_value("street2shop/robots_unavailable")
            response = response.replace(body=self.DISALLOW_ALL)
        elif 400 <= response.status < 500:
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)


class _QuietRobotsErrors(logging.Filter):
    """A host whose robots.txt cannot be fetched is routine (the pages fail on their own):
    one line at INFO instead of an ERROR with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and record.exc_info:
            exc = record.exc_info[1]
            record.msg, record.args = "robots.txt not fetched: %s: %s", (type(exc).__name__, exc)
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_QuietRobotsErrors())


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
