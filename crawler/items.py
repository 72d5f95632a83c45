"""The items the spiders emit. Item pipelines fill `images`; the writer turns an item
into one row of the listings table (street2shop.core.schemas.LISTINGS)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any


@dataclass
class Fetched:
    """Provenance of a page-level item: which source, which URL, when, with what answer."""

    source: str
    url: str  # the URL requested (before redirects)
    final_url: str
    fetched_at: datetime
    http_status: int
    rendered: bool  # through the browser


@dataclass
class ListingItem(Fetched):
    record: dict[str, Any]  # ProductRecord.to_dict()
    image_urls: list[str] = field(default_factory=list)
    #: filled by ListingImagesPipeline: one dict per image URL (url, sha256, status, error)
    images: list[dict[str, Any]] = field(default_factory=list)
    change: str | None = None  # new | changed (crawler/revisit.py)
    page: Any = None  # its PageState, written with it
    #: the page's robots rules (X-Robots-Tag, <meta name="robots">) forbid AI use of its images
    page_noai: bool = False
    #: the re-check of a post's link that found this listing changed (written with it)
    link_check: Any = None


@dataclass
class LinkResolution:
    """Where one outbound link of a post ended."""

    resolved_url: str | None
    redirects: list[str]
    link_status: str  # ok | sold_out | dead | not_product | refused | robots | <error kind>
    http_status: int | None = None
    product_brand: str | None = None  # the brand the landing product page gives
    #: the URL of the listing item made from the landing page (the post waits for it)
    listing_url: str | None = None


@dataclass
class PostItem(Fetched):
    record: dict[str, Any]  # PostRecord.to_dict()
    #: resolutions[i][j]: where link j of garment i ended (filled as the links resolve)
    resolutions: list[list[LinkResolution | None]] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)  # the street images
    images: list[dict[str, Any]] = field(default_factory=list)
    page: Any = None  # its PageState, written with it
    page_noai: bool = False
    #: URLs of the listing items its links landed on: the post is written after them
    awaits: set[str] = field(default_factory=set)


@dataclass
class LinkCheck:
    """A re-check of a shop listing that a blog post links to (one row of `link_checks`)."""

    source: str
    url: str  # the listing's resolved URL, as post_items give it
    outcome: str  # new | changed | unchanged | not_modified | failed
    link_status: str  # ok | sold_out | dead | not_product | <error kind>
    http_status: int | None = None
    checked_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    page: Any = None  # the page's PageState, written with it


@dataclass
class ImageItem:
    """One image URL of a bulk ingest (`street2shop ingest`): no page, only the image."""

    url: str
    source: str = "ingest"
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    image_urls: list[str] = field(default_factory=list)  # [url]: what the image pipeline reads
    #: filled by ListingImagesPipeline, as for a listing: one dict (url, sha256, status, error)
    images: list[dict[str, Any]] = field(default_factory=list)
    page_noai: bool = False

    def __post_init__(self):
        self.image_urls = self.image_urls or [self.url]
