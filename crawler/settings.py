"""Scrapy settings: polite defaults, and the per-source settings a manifest implies.

As in a Scrapy project, components are wired here by settings and each reads its own
values in `from_crawler`; the spider and pipelines never look at the manifest file.
"""

from __future__ import annotations

import os
from typing import Any

from street2shop.core.manifest import Manifest, Politeness, Source

VERSION = "0.1.0"
PROJECT_URL = "https://github.com/street2shop/street2shop"

#: Chromium from the system (BRIEF §5); `playwright install` is never used.
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Every connection goes through the guard proxy (crawler/browser.py); WebRTC's UDP would not.
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]

BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "street2shop",
    "ROBOTSTXT_OBEY": True,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 0.5,
    "AUTOTHROTTLE_MAX_DELAY": 60.0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    # Scrapy starts this many asyncio workers for *every* callback's output; a product page
    # yields one item, so the default 100 only costs ~100 task creations per page.
    "CONCURRENT_ITEMS": 8,
    "DOWNLOAD_DELAY": 0.5,
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": 64 * 1024 * 1024,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,  # no listening ports from a crawler
    "REDIRECT_ENABLED": True,
    "METAREFRESH_ENABLED": True,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 3,
    "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
    # Give-ups are counted by kind in the run summary; one log line each is noise.
    "RETRY_GIVE_UP_LOG_LEVEL": "INFO",
    "LOG_LEVEL": "WARNING",
    "DOWNLOADER_MIDDLEWARES": {
        # Before the offsite filter (50): every host's robots.txt is fetched.
        "street2shop.crawler.middlewares.RobotsForEveryHost": 40,
        # Refuse private targets before anything (robots.txt included) is fetched.
        "street2shop.crawler.middlewares.PrivateAddressMiddleware": 45,
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "street2shop.crawler.middlewares.RobotsTxtMiddleware": 100,
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "street2shop.crawler.middlewares.CredentialsMiddleware": 300,
        "street2shop.crawler.middlewares.BackoffRetryMiddleware": 550,
    },
    "SPIDER_MIDDLEWARES": {},
    "ITEM_PIPELINES": {
        "street2shop.crawler.item_pipelines.ListingImagesPipeline": 300,
        "street2shop.crawler.item_pipelines.ParquetWriterPipeline": 800,
    },
    "EXTENSIONS": {},
    # Media pipeline requests follow redirects (image CDNs redirect a lot).
    "MEDIA_ALLOW_REDIRECTS": True,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    "FEED_EXPORT_ENCODING": "utf-8",
}


def user_agent(manifest: Manifest) -> str:
    if manifest.user_agent:
        return manifest.user_agent
    contact = f"; {manifest.contact}" if manifest.contact else ""
    return f"street2shop/{VERSION} (+{PROJECT_URL}{contact})"


def polite_settings(manifest: Manifest, politeness: Politeness, *, store_url: str, run_id: str,
                    writer: str, allow_private: bool) -> dict[str, Any]:
    """What every crawl of the tool runs with: the polite defaults, the manifest's User-Agent,
    the source's politeness, and where its rows go (`writer`: the name its rows carry)."""
    s = dict(BASE_SETTINGS)
    s.update({
        "USER_AGENT": user_agent(manifest),
        "ROBOTSTXT_OBEY": politeness.obey_robots,
        "CONCURRENT_REQUESTS_PER_DOMAIN": politeness.concurrency_per_domain,
        "DOWNLOAD_DELAY": politeness.delay,
        "AUTOTHROTTLE_ENABLED": politeness.autothrottle,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": politeness.autothrottle_target,
        "AUTOTHROTTLE_START_DELAY": max(politeness.delay, 0.1),
        "RETRY_TIMES": politeness.retries,
        "STREET2SHOP_MAX_RETRY_AFTER": politeness.max_retry_after,
        "STREET2SHOP_ALLOW_PRIVATE": allow_private,
        "STREET2SHOP_STORE": store_url,
        "STREET2SHOP_SOURCE": writer,
        "STREET2SHOP_RUN_ID": run_id,
        "FILES_STORE": store_url,
    })
    # Tuning knobs for big or unusual runs (and for tests that kill a crawl mid-way).
    for name in ("STREET2SHOP_FLUSH_ITEMS", "STREET2SHOP_FLUSH_SECONDS"):
        if os.environ.get(name):
            s[name] = os.environ[name]
    return s


def settings_for_source(manifest: Manifest, source: Source, *, store_url: str, run_id: str, job) -> dict[str, Any]:
    """`job`: the source's `crawler.jobs.Job` (its id, and what an interrupted run of it wrote)."""
    s = polite_settings(manifest, source.politeness, store_url=store_url, run_id=run_id, writer=source.name,
                        allow_private=source.allow_private_addresses)
    s.update({
        "STREET2SHOP_CREDENTIALS": source.credentials,
        "STREET2SHOP_JOB_ID": job.job_id,
        "STREET2SHOP_DONE_URLS": job.done_urls,
        "STREET2SHOP_DONE_PAGES": job.done_pages,
    })
    if not source.images:
        s["ITEM_PIPELINES"] = {k: v for k, v in s["ITEM_PIPELINES"].items() if not k.endswith("ListingImagesPipeline")}
    if source.uses_browser:
        s.update(browser_settings())
    return s


def browser_settings() -> dict[str, Any]:
    """scrapy-playwright with the system Chromium; only requests marked
    `meta["playwright"]` go through the browser, the rest use the plain HTTP handler."""
    return {
        "DOWNLOAD_HANDLERS": {
            "http": "street2shop.crawler.browser.GuardedPlaywrightHandler",
            "https": "street2shop.crawler.browser.GuardedPlaywrightHandler",
        },
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": CHROMIUM_PATH,
            "headless": True,
            "args": CHROMIUM_ARGS,
        },
        "PLAYWRIGHT_MAX_CONTEXTS": 2,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 30_000,
        # Sub-requests the page makes itself: no images/fonts/media (we fetch images
        # ourselves); where the browser may connect at all is the guard proxy's call.
        "PLAYWRIGHT_ABORT_REQUEST": "street2shop.crawler.browser.abort_request",
    }
