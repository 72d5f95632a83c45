"""A realistic fixture shop served on 127.0.0.1, with ground truth for crawler tests.

    from street2shop.demo.site import build_shop, serve
    shop = build_shop(48, seed=0)
    with serve(shop) as srv:
        ...  # crawl srv.base_url; compare with shop.products / shop.special_images

Modules: `catalog` (products + ground truth), `images` (generated garment images),
`pages` (HTML/XML/JSON per markup style), `server` (HTTP server + request log).

The show-fashion blog beside it (`blog`: posts + ground truth, `blog_images`, `blog_pages`,
`blog_server`): ``blog = build_blog(shop); serve(shop, blog=blog)`` serves /blog/ and the
affiliate redirectors on the same host:port.
"""

from .shop import (
    CATEGORIES,
    IMAGE_OUTCOMES,
    LOCALES,
    MIN_PRODUCTS,
    PER_PAGE,
    ROLE_INDEX,
    STYLES,
    Category,
    ImageSpec,
    Locale,
    Product,
    Shop,
    Variant,
    build_shop,
    gtin_valid,
)
from .blog import (
    LAYOUTS,
    Blog,
    Item,
    Link,
    Pair,
    Post,
    StreetImage,
    build_blog,
    set_availability,
    set_price,
)
from .photos import garment_layer, render_product_image
from .server import RequestLog, RequestRecord, ShopServer, serve

__all__ = [
    "LAYOUTS",
    "Blog",
    "Item",
    "Link",
    "Pair",
    "Post",
    "StreetImage",
    "build_blog",
    "set_availability",
    "set_price",
    "CATEGORIES",
    "IMAGE_OUTCOMES",
    "LOCALES",
    "MIN_PRODUCTS",
    "PER_PAGE",
    "ROLE_INDEX",
    "STYLES",
    "Category",
    "ImageSpec",
    "Locale",
    "Product",
    "RequestLog",
    "RequestRecord",
    "Shop",
    "ShopServer",
    "Variant",
    "build_shop",
    "garment_layer",
    "gtin_valid",
    "render_product_image",
    "serve",
]
