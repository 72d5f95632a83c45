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
        ("change", pa.string()),  # new | changed: why this observation was written
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

#: One row per blog post fetched (an observation, like listings).
POSTS = pa.schema(
    [
        ("source", pa.string()),
        ("job_id", pa.string()),
        ("run_id", pa.string()),
        ("url", pa.string()),
        ("final_url", pa.string()),
        ("canonical_url", pa.string()),
        ("fetched_at", _ts),
        ("http_status", pa.int16()),
        ("rendered", pa.bool_()),
        ("title", pa.string()),
        ("published", pa.string()),  # ISO 8601 as the page gives it
        ("show", pa.string()),
        ("season", pa.int16()),
        ("episode", pa.int16()),
        ("characters", pa.list_(pa.string())),
        ("image_urls", pa.list_(pa.string())),
        ("item_count", pa.int32()),
    ],
    metadata={"street2shop.table": "posts", "street2shop.format": FORMAT_VERSION},
)

#: One row per street (scene) image of a post, in post order.
POST_IMAGES = pa.schema(
    [
        ("source", pa.string()),
        ("run_id", pa.string()),
        ("post_url", pa.string()),
        ("position", pa.int16()),
        ("url", pa.string()),
        ("sha256", pa.string()),  # null unless status == "ok"
        ("status", pa.string()),  # as LISTING_IMAGE.status
        ("error", pa.string()),
    ],
    metadata={"street2shop.table": "post_images", "street2shop.format": FORMAT_VERSION},
)

#: One row per outbound link of a garment mentioned in a post.
POST_ITEMS = pa.schema(
    [
        ("source", pa.string()),
        ("run_id", pa.string()),
        ("post_url", pa.string()),
        ("item_index", pa.int16()),  # garment, in post order
        ("link_index", pa.int16()),  # link of that garment, in post order
        ("text", pa.string()),  # "Maya's green cable-knit sweater"
        ("brand", pa.string()),
        ("image_position", pa.int16()),  # which post image it belongs to (post_images.position)
        ("kind", pa.string()),  # exact | alternative
        ("link_text", pa.string()),
        ("original_url", pa.string()),  # the href as the post writes it
        ("resolved_url", pa.string()),  # the shop's canonical product URL, tracking stripped
        ("redirects", pa.list_(pa.string())),  # every hop from original_url to the final page
        ("link_status", pa.string()),  # ok | sold_out | dead | not_product | refused | robots | error kind
        ("http_status", pa.int16()),
    ],
    metadata={"street2shop.table": "post_items", "street2shop.format": FORMAT_VERSION},
)

#: One row per page fetch: what the crawler remembers to ask again conditionally next time.
PAGES = pa.schema(
    [
        ("source", pa.string()),
        ("job_id", pa.string()),
        ("run_id", pa.string()),
        ("url", pa.string()),  # the URL requested
        ("kind", pa.string()),  # product | post | listing | sitemap | feed | other
        ("outcome", pa.string()),  # new | changed | unchanged | not_modified
        ("http_status", pa.int16()),
        ("fetched_at", _ts),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("fingerprint", pa.string()),  # hash of the extracted record (product and post pages)
        ("links", pa.list_(pa.string())),  # where a sitemap, feed or listing page led
    ],
    metadata={"street2shop.table": "pages", "street2shop.format": FORMAT_VERSION},
)

#: One row per re-check of a shop listing a blog post links to: the latest row of a URL
#: is its link's status now (post_items keep the status the link had when the post was read).
LINK_CHECKS = pa.schema(
    [
        ("source", pa.string()),
        ("job_id", pa.string()),
        ("run_id", pa.string()),
        ("url", pa.string()),  # the listing checked: post_items.resolved_url
        ("checked_at", _ts),
        ("outcome", pa.string()),  # new | changed | unchanged | not_modified | failed
        ("link_status", pa.string()),  # ok | sold_out | dead | not_product | refused | robots | error kind
        ("http_status", pa.int16()),
    ],
    metadata={"street2shop.table": "link_checks", "street2shop.format": FORMAT_VERSION},
)

#: One row per catalog item (a garment crop of a listing) in a catalog version.
CATALOG_ITEMS = pa.schema(
    [
        ("item_id", pa.string()),  # stable: sha256(source, canonical URL, image sha256, box)[:24]
        ("source", pa.string()),
        ("listing_url", pa.string()),
        ("canonical_url", pa.string()),
        ("name", pa.string()),
        ("brand", pa.string()),
        ("price", pa.string()),
        ("currency", pa.string()),
        ("availability", pa.string()),
        ("listing_category", pa.string()),  # as the shop names it (category or last breadcrumb)
        ("image_sha256", pa.string()),  # the chosen image (see images table)
        ("other_images", pa.list_(pa.string())),  # the listing's other images, best first
        ("box", pa.list_(pa.float32())),  # crop box x1, y1, x2, y2 in the image's pixels
        ("category", pa.int16()),  # DeepFashion2 category 1..13: the detector's, else the listing's words', else null
        ("category_probs", pa.list_(pa.float32())),  # all 13, for top-2 search
        ("detection_score", pa.float32()),
        ("whole_image", pa.bool_()),  # no garment detected: the trimmed whole image
        ("quality_flags", pa.list_(pa.string())),
        ("model_id", pa.string()),
        ("preprocess_id", pa.string()),
        ("embedding", pa.list_(pa.float32())),  # L2-normalised
    ],
    metadata={"street2shop.table": "catalog_items", "street2shop.format": FORMAT_VERSION},
)

#: Catalog items that show the same product (exact or near-duplicate crops): the same
#: product sold twice, or by two shops. Items in no group are not listed.
CATALOG_DUPLICATES = pa.schema(
    [
        ("item_id", pa.string()),
        ("group_id", pa.string()),  # the item_id of the group's first item
    ],
    metadata={"street2shop.table": "catalog_duplicates", "street2shop.format": FORMAT_VERSION},
)

#: Embeddings already computed, so a rebuild embeds only what is new.
EMBEDDINGS = pa.schema(
    [
        ("image_sha256", pa.string()),
        ("box", pa.string()),  # "x1,y1,x2,y2" rounded to pixels, or "" for the whole image
        ("model_id", pa.string()),
        ("preprocess_id", pa.string()),
        ("embedding", pa.list_(pa.float32())),
    ],
    metadata={"street2shop.table": "embeddings", "street2shop.format": FORMAT_VERSION},
)

#: An image as Hugging Face `datasets` stores its `Image` feature: the bytes embedded, `path` a
#: file name for readers that want one.
HF_IMAGE = pa.struct([("bytes", pa.binary()), ("path", pa.string())])

#: One row per street-to-shop pair of a published dataset (`street2shop dataset build`, or an
#: import of DeepFashion2 / Street2Shop). A side is null for an item the source pairs with
#: nothing (DeepFashion2's style-0 items, shop images nobody wore), so an import keeps every box.
DATASET_PAIRS = pa.schema(
    [
        ("pair_id", pa.string()),  # stable row id
        ("config", pa.string()),  # exact | similar (crawl); deepfashion2 | street2shop (imports)
        ("split", pa.string()),  # train | validation | test (or the imported split's name)
        ("product_id", pa.string()),  # the group a split is drawn by: one product and all its near duplicates
        ("category", pa.int16()),  # DeepFashion2 1..13 of the pair's garment; null when unknown
        ("category_name", pa.string()),
        # the street side: a whole photo and the garment's box in it
        ("street_image", HF_IMAGE),
        ("street_image_id", pa.string()),  # crawl: sha256 of the bytes; imports: the source's image id
        ("street_box", pa.list_(pa.float32())),  # x1, y1, x2, y2 in street_image pixels
        ("street_whole_image", pa.bool_()),  # no garment box fitted: the box is the whole photo
        ("street_category", pa.int16()),  # the box's own category (detector or annotation)
        ("street_item", pa.int16()),  # item number within its image (DeepFashion2's itemN)
        ("street_style", pa.int16()),  # DeepFashion2 style (0: matches nothing); null for crawls
        ("street_width", pa.int32()),
        ("street_height", pa.int32()),
        ("street_url", pa.string()),
        ("street_extra", pa.string()),  # JSON of the source's other item fields (landmarks, occlusion, ...)
        # the shop side: the chosen full-product image (and its box) plus the listing's other images
        ("shop_image", HF_IMAGE),
        ("shop_image_id", pa.string()),
        ("shop_box", pa.list_(pa.float32())),
        ("shop_category", pa.int16()),
        ("shop_item", pa.int16()),
        ("shop_style", pa.int16()),
        ("shop_width", pa.int32()),
        ("shop_height", pa.int32()),
        ("shop_url", pa.string()),
        ("shop_extra", pa.string()),
        ("shop_other_images", pa.list_(HF_IMAGE)),
        # what the post and the listing said, at crawl time
        ("show", pa.string()),
        ("season", pa.int16()),
        ("episode", pa.int16()),
        ("character", pa.string()),
        ("mention", pa.string()),  # the garment as the post describes it
        ("shop", pa.string()),  # the listing's host
        ("brand", pa.string()),
        ("listing_name", pa.string()),
        ("price", pa.string()),
        ("currency", pa.string()),
        ("post_url", pa.string()),
        ("listing_url", pa.string()),
        ("post_crawled_at", _ts),
        ("listing_crawled_at", _ts),
        ("source_pair_id", pa.int32()),  # the source dataset's pair number (DeepFashion2 pair_id); null for crawls
        ("flags", pa.list_(pa.string())),  # street_whole_image, category_mismatch, category_unknown
        ("origin", pa.string()),  # crawl | deepfashion2 | street2shop
    ],
    metadata={"street2shop.table": "dataset_pairs", "street2shop.format": FORMAT_VERSION},
)

TABLES: dict[str, pa.Schema] = {"listings": LISTINGS, "images": IMAGES, "posts": POSTS,
                                "post_images": POST_IMAGES, "post_items": POST_ITEMS, "pages": PAGES,
                                "link_checks": LINK_CHECKS,
                                "catalog_items": CATALOG_ITEMS, "catalog_duplicates": CATALOG_DUPLICATES,
                                "embeddings": EMBEDDINGS, "dataset_pairs": DATASET_PAIRS}
