"""Politeness and safety rules that the end-to-end crawl tests exercise only in part."""

from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

from street2shop.crawler.middlewares import is_private_host, retry_after_seconds


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
                 "[::1]", "fd00::1", "0.0.0.0"):
        assert is_private_host(host), host
    for host in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"):
        assert is_private_host(host) is None, host
