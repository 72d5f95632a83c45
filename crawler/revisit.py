"""Re-crawling only what changed: per-page state, conditional requests, change detection.

Every page a job fetches leaves a row in the `pages` table: its validators (ETag,
Last-Modified), a fingerprint of what was extracted from it, and, for pages that only
lead to other pages (sitemaps, feeds, listing pages), the URLs they led to. The next job
asks again with If-None-Match / If-Modified-Since. A 304 is recorded as `not_modified`
and, for a page that leads elsewhere, its remembered links are followed as if it had been
fetched; a 200 whose extracted record is the same as before is recorded as `unchanged`
and writes no new listing; a different record writes a new listing row (`changed`), so
price and availability changes pile up as history instead of overwriting it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # extraction workers import `fingerprint`: no pyarrow or fsspec for them
    from street2shop.core.store import Store

#: Record fields that say nothing about the product itself (which layer gave a value).
_VOLATILE = frozenset({"sources"})


@dataclass
class PageState:
    """What the crawler remembers of one page (one row of the `pages` table)."""

    source: str
    url: str
    kind: str  # product | post | listing | sitemap | feed | other
    outcome: str  # new | changed | unchanged | not_modified
    http_status: int
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None
    links: list[str] = field(default_factory=list)
    #: where the request landed after redirects. The state is kept under that URL too: which
    #: of an old (redirecting) URL and its new one a crawl reaches first depends on timing,
    #: and the next crawl must know the page whichever it reaches first.
    redirected_to: str | None = None

    def urls(self) -> list[str]:
        """The URLs this state is stored under."""
        extra = self.redirected_to not in (None, self.url)
        return [self.url, self.redirected_to] if extra else [self.url]


def fingerprint(record: dict[str, Any]) -> str:
    """A stable hash of an extracted record: equal exactly when the data is the same."""
    data = {k: v for k, v in record.items() if k not in _VOLATILE}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:32]


def load_page_state(store: Store, source: str) -> dict[str, dict]:
    """The latest state of every page of a source, by URL."""
    import pyarrow.compute as pc  # noqa: PLC0415  (see the imports above)

    table = store.read_table("pages", columns=["url", "fetched_at", "etag", "last_modified", "fingerprint",
                                               "links", "kind"], filter=pc.field("source") == source)
    latest: dict[str, dict] = {}
    for row in table.sort_by("fetched_at").to_pylist():
        latest[row["url"]] = row
    return latest


def conditional_headers(state: dict | None) -> dict[str, str]:
    if not state:
        return {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers


def validators(response) -> tuple[str | None, str | None]:
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    return (etag.decode("latin-1") if etag else None, modified.decode("latin-1") if modified else None)
