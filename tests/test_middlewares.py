"""Politeness and safety rules that the end-to-end crawl tests exercise only in part."""

from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

from street2shop.crawler.middlewares import retry_after_seconds
from street2shop.core.net import refused_address


def test_retry_after_forms():
    assert retry_after_seconds(b"7") == 7.0
    now = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds(later, now=now.timestamp()) == 90.0
    assert retry_after_seconds(format_datetime(now - timedelta(hours=1), usegmt=True), now=now.timestamp()) == 0.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None


def test_private_hosts():
    for host in ("127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254",
                 "[::1]", "fd00::1", "0.0.0.0", "100.100.100.200", "100.64.0.1", "::ffff:127.0.0.1",
                 "64:ff9b::a9fe:a9fe", "fe80::1%eth0", "224.0.0.1", "192.0.2.1"):
        assert refused_address(host), host
    for host in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822"):
        assert refused_address(host) is None, host
