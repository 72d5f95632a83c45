"""The browser: scrapy-playwright with the system Chromium, and what it may fetch.

`GuardedPlaywrightHandler` is scrapy-playwright's download handler with every connection
Chromium makes sent through the guard proxy (crawler/guardproxy.py), which refuses
non-public addresses unless the source allows them: redirects, frames, scripts' own
calls and DNS answers that change between look-ups included.

Rendering needs the page's HTML, scripts, styles and data calls. Images, fonts and media
are skipped (`abort_request`): listing images are downloaded and validated by the image
pipeline, and fetching them twice would double the load on the shop.
"""

from __future__ import annotations

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from street2shop.crawler.guardproxy import GuardProxy

SKIPPED_RESOURCES = frozenset({"image", "media", "font"})


def abort_request(request) -> bool:
    return request.resource_type in SKIPPED_RESOURCES


class GuardedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.crawler_stats = crawler.stats
        self.guard = GuardProxy(allow_private=crawler.settings.getbool("STREET2SHOP_ALLOW_PRIVATE"))
        self.config.launch_options = {**self.config.launch_options, "proxy": {"server": self.guard.start()}}

    async def _close(self) -> None:
        try:
            await super()._close()
        finally:
            self.guard.close()
            if self.guard.refused:
                self.crawler_stats.inc_value("street2shop/browser_refused", len(self.guard.refused))
