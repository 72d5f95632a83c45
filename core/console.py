"""Printing what came from the web without letting it drive the terminal.

Crawled names, URLs and error messages are data, not markup: `[/bold]` in a product name
must not crash a rich table, `[link=...]` must not become a clickable link, and an escape
sequence must not clear the screen or rewrite earlier lines. Everything printed from
crawled data goes through `safe` (`DataTable` does it for every cell); log records go through `SafeLogFilter`, which also
removes credentials from any URL in them.
"""

from __future__ import annotations

import logging
import re

from rich.markup import escape
from rich.table import Table

from street2shop.core.net import redact_text

# C0 and C1 controls but tab, DEL, and the Unicode bidi overrides that reorder what is shown.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, newlines kept: log messages of several lines are Scrapy's own (stats dumps).
_LOG_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """`value` as text with control characters removed (each becomes a space)."""
    text = "" if value is None else str(value)
    return _CONTROL.sub(" ", text)


def safe(value: object) -> str:
    """`value` as text fit for a rich table or `Console.print`: no controls, no markup."""
    return escape(plain(value))


def kinds(counts: dict[str, int]) -> str:
    """Counts by kind as one cell: "dns 2, http_404 1" ("-" for none)."""
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


class DataTable(Table):
    """A rich table for data: its title and every cell are shown as text, never as markup."""

    def __init__(self, title: str, columns: list[str], **kwargs):
        super().__init__(title=safe(title), title_justify="left", **kwargs)
        for column in columns:
            self.add_column(safe(column))

    def add_row(self, *cells, **kwargs) -> None:
        super().add_row(*(safe(c) for c in cells), **kwargs)


class SafeLogFilter(logging.Filter):
    """Rewrites each record's message without control characters or URL credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_text(_LOG_CONTROL.sub(" ", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(_LOG_CONTROL.sub(" ", record.exc_text))
        return True


def protect_logs() -> None:
    """Install `SafeLogFilter` on every handler of the root logger (once each)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, SafeLogFilter) for f in handler.filters):
            handler.addFilter(SafeLogFilter())
