"""What the browser may fetch on its own while rendering a page (scrapy-playwright's
PLAYWRIGHT_ABORT_REQUEST hook).

Rendering needs the page's HTML, scripts, styles and data calls. Images, fonts and media
are skipped: listing images are downloaded and validated by the image pipeline, and
fetching them twice would double the load on the shop. A page's own sub-requests bypass
the downloader middlewares, so the private-address rule is applied here again.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from street2shop.crawler.middlewares import is_private_host

SKIPPED_RESOURCES = frozenset({"image", "media", "font"})


def abort_request_allow_private(request) -> bool:
    return request.resource_type in SKIPPED_RESOURCES


def abort_request(request) -> bool:
    if abort_request_allow_private(request):
        return True
    host = urlsplit(request.url).hostname
    return bool(host) and is_private_host(host) is not None
