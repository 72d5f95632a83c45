"""The crawl's DNS resolver: the address Scrapy connects to is the one that was checked.

Scrapy looks a host name up once per connection through the reactor's resolver. This one
is Scrapy's caching resolver, with one more rule: an answer that is not a public address
(core/net.py) is refused, unless a source that allows private addresses asked for
that host (`allow_host`). The private-address middleware asks this same resolver before a
request goes out, so its check and the connection see one answer: a name that resolves to
a public address for the check and to 169.254.169.254 for the connection (DNS rebinding)
cannot get through, and neither can one that the middleware never saw.
"""

from __future__ import annotations

import logging
import urllib.request
from urllib.parse import urlsplit

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from street2shop.core.net import is_public, parse_ip

logger = logging.getLogger(__name__)


class PrivateAnswer(DNSLookupError):
    """A host name that resolved to a non-public address."""

    def __init__(self, name: str, address: str):
        super().__init__(f"{name} resolves to a private address ({address})")
        self.address = address


class GuardedResolver(CachingThreadedResolver):
    #: host names that may resolve to private addresses: asked for by a source that allows
    #: them, and the HTTP proxies of the environment (which the user configured)
    allowed_hosts: set[str] = set()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for proxy in urllib.request.getproxies().values():
            host = urlsplit(proxy if "://" in proxy else f"http://{proxy}").hostname
            if host:
                self.allowed_hosts.add(host)

    @classmethod
    def allow_host(cls, host: str) -> None:
        cls.allowed_hosts.add(host)

    def getHostByName(self, name: str, timeout=()):
        d = super().getHostByName(name, timeout)
        d.addCallback(self._checked, name)
        return d

    def _checked(self, address: str, name: str) -> str:
        ip = parse_ip(address)
        if ip is not None and not is_public(ip) and name not in self.allowed_hosts:
            logger.info("refused %s: it resolves to a private address (%s)", name, address)
            raise PrivateAnswer(name, address)
        return address
