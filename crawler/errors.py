"""Short names for why a request failed, so a crawl summary can count errors by kind."""

from __future__ import annotations

import re

from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadFailedError, DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from street2shop.crawler.middlewares import PrivateAddressRefused

#: Scrapy's own download errors (it wraps Twisted's in them) and Twisted's, by kind.
_KINDS = (
    ((CannotResolveHostError, DNSLookupError), "dns"),
    ((DownloadConnectionRefusedError, ConnectionRefusedError), "connection_refused"),
    ((DownloadTimeoutError, TimeoutError, TCPTimedOutError), "timeout"),
    ((ResponseDataLossError,), "data_loss"),
    ((DownloadCancelledError,), "cancelled"),
    ((DownloadFailedError,), "download_failed"),
)


def error_kind(failure) -> str:
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, PrivateAddressRefused):
        return "private_address"
    if isinstance(exc, IgnoreRequest):
        return "robots" if "robots.txt" in str(exc) else "ignored"
    for types, kind in _KINDS:
        if isinstance(exc, types):
            return kind
    return snake_name(type(exc).__name__)


def snake_name(class_name: str) -> str:
    """`SSLError` -> "ssl", `ConnectionLost` -> "connection_lost": an error kind from a type name."""
    name = class_name.removesuffix("Error") or class_name
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
