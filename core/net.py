"""Which network addresses the tool may reach, and URLs made safe to print.

A crawled page decides where the crawler goes next, so a public page must not be able to
point it at the machine itself, its network, or a cloud's metadata service. The rule is one
line: only globally reachable addresses (`ipaddress`'s `is_global`), which also refuses the
shared address space 100.64.0.0/10 where some clouds keep their metadata service, and IPv6
forms that carry an IPv4 address (mapped, NAT64) are judged by that address.

The check must be made on the address the connection uses: a host name looked up twice can
answer differently the second time (DNS rebinding). `resolve` never caches; the crawler's
resolver (crawler/resolver.py) and the browser's guard proxy (crawler/guardproxy.py) check
the very answer they connect to.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit, urlunsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(Exception):
    """A target that resolves to an address the tool may not reach."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} is a private or reserved address ({address}); "
                         "set allow_private_addresses: true on the source to crawl it")
        self.host, self.address = host, address


def parse_ip(text: str) -> IPAddress | None:
    """The address `text` is (brackets and an IPv6 zone allowed), or None for a host name."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_public(ip: IPAddress) -> bool:
    """True for an address on the public internet (not loopback, private, link-local,
    shared, reserved, multicast or unspecified)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if embedded is not None:
            return is_public(embedded)
    return ip.is_global and not ip.is_multicast


def resolve(host: str) -> list[str]:
    """Every address `host` has now (no cache: see the module doc); [] when it has none."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    return list(dict.fromkeys(info[4][0] for info in infos))


def refused_address(host: str) -> str | None:
    """The first non-public address `host` is or resolves to, else None. Unresolvable hosts
    are not refused here: they fail in the download with a DNS error."""
    ip = parse_ip(host)
    addresses = [str(ip)] if ip is not None else resolve(host)
    for address in addresses:
        parsed = parse_ip(address)
        if parsed is not None and not is_public(parsed):
            return address
    return None


def fetchable_host(url: str) -> str | None:
    """The host of an http(s) URL that can be requested as written, else None: not parsable,
    spaces or control characters, another scheme, no host, a bad port, or a host name that
    IDNA cannot encode (an empty or over-long label)."""
    if " " in url or not url.isprintable():
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number in range)
        host = parts.hostname
        if parts.scheme not in ("http", "https") or not host:
            return None
        host.encode("idna")
    except ValueError:  # UnicodeError (IDNA) is a ValueError too
        return None
    return host


_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")


def redact_url(url: str) -> str:
    """`url` without user name and password (never printed or logged)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub("***@", url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


def redact_text(text: str) -> str:
    """Every URL's credentials in free text replaced (log lines, error messages)."""
    return _USERINFO.sub("***@", text) if "@" in text else text
