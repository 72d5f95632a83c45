"""Short names for why a request failed, so a crawl summary can count errors by kind."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from street2shop.crawler.middlewares import PrivateAddressRefused


def error_kind(failure) -> str:
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, PrivateAddressRefused):
        return "private_address"
    if isinstance(exc, IgnoreRequest):
        return "robots" if "robots.txt" in str(exc) else "ignored"
    if isinstance(exc, DNSLookupError):
        return "dns"
    if isinstance(exc, (TimeoutError, TCPTimedOutError)):
        return "timeout"
    if isinstance(exc, ConnectionRefusedError):
        return "connection_refused"
    return type(exc).__name__
