"""Every table that street2shop writes, as explicit pyarrow schemas, in one place.

Stages talk to each other only through these tables (see docs/formats.md, which must
describe exactly what is here). A column is added at the end and never renamed or
retyped: parts written by older versions must stay readable beside new ones.
"""

from __future__ import annotations

import pyarrow as pa

#: Current layout version of the store; written into every part's metadata.
FORMAT_VERSION = "1"

_ts = pa.timestamp("us", tz="UTC")

OFFER = pa.struct(
    [
        ("name", pa.string()),
        ("sku", pa.string()),
        ("gtin", pa.string()),
        ("color", pa.string()),
        ("size", pa.string()),
        ("price", pa.string()),
        ("regular_price", pa.string()),
        ("currency", pa.string()),
        ("availability", pa.string()),
        ("url", pa.string()),
        ("images", pa.list_(pa.string())),
    ]
)

#: What became of one image URL of a listing.
LISTING_IMAGE = pa.struct(
    [
        ("url", pa.string()),
        ("sha256", pa.string()),  # null unless status == "ok"
        ("status", pa.string()),  # ok | noai | http_<code> | not_image | broken | too_small | too_large | bomb | error
        ("error", pa.string()),
    ]
)

#: One row per product page fetched: an observation of a listing at a time.
LISTINGS = pa.schema(
    [
        # provenance
        ("source", pa.string()),
        ("job_id", pa.string()),
        ("run_id", pa.string()),
        ("url", pa.string()),  # the URL requested (after redirects: see final_url)
        ("final_url", pa.string()),
        ("fetched_at", _ts),
        ("http_status", pa.int16()),
        ("rendered", pa.bool_()),  # fetched through the browser
        # the product record (street2shop.crawler.extract.ProductRecord)
        ("name", pa.string()),
        ("brand", pa.string()),
        ("price", pa.string()),  # decimal string, what a buyer pays now
        ("regular_price", pa.string()),
        ("currency", pa.string()),  # ISO 4217
        ("availability", pa.string()),  # schema.org short name
        ("sku", pa.string()),
        ("gtin", pa.string()),
        ("mpn", pa.string()),
        ("color", pa.string()),
        ("category", pa.string()),
        ("description", pa.string()),
        ("canonical_url", pa.string()),
        ("breadcrumbs", pa.list_(pa.string())),
        ("image_urls", pa.list_(pa.string())),
        ("offers", pa.list_(OFFER)),
        ("field_sources", pa.map_(pa.string(), pa.string())),
        ("images", pa.list_(LISTING_IMAGE)),
    ],
    metadata={"street2shop.table": "listings", "street2shop.format": FORMAT_VERSION},
)

#: One row per distinct stored image (content-addressed by sha256 of the bytes).
IMAGES = pa.schema(
    [
        ("sha256", pa.string()),
        ("path", pa.string()),  # relative to the store root
        ("format", pa.string()),  # Pillow format name: JPEG, PNG, WEBP, GIF
        ("content_type", pa.string()),
        ("width", pa.int32()),
        ("height", pa.int32()),
        ("mode", pa.string()),
        ("size_bytes", pa.int64()),
        ("phash", pa.string()),  # imagehash.phash, 64-bit hex
        ("dhash", pa.string()),  # imagehash.dhash, 64-bit hex
        ("first_url", pa.string()),
        ("source", pa.string()),
        ("run_id", pa.string()),
        ("fetched_at", _ts),
    ],
    metadata={"street2shop.table": "images", "street2shop.format": FORMAT_VERSION},
)

TABLES: dict[str, pa.Schema] = {"listings": LISTINGS, "images": IMAGES}
