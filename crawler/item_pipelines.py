"""Item pipelines: listing images (download, validate, store once) and the Parquet writer.

`ListingImagesPipeline` is Scrapy's FilesPipeline with content addressing: the path
of an image is the sha256 of its bytes, so it is known only after the download, and the
same image under many URLs or listings is stored once. Every image URL of a listing
ends with a status (ok, noai, http_404, broken, not_image, bomb, ...). An image that
cannot be *written* is not such a status: the crawl stops (crawler/halt.py).

`ParquetWriterPipeline` turns items into rows and hands them to the run's writer
(crawler/writer.py), which commits them to the store atomically, all tables at once.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.exceptions import DropItem
from scrapy.pipelines.files import FilesPipeline
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from street2shop.crawler.errors import error_kind
from street2shop.crawler.halt import halt
from street2shop.crawler.items import ImageItem, LinkCheck, ListingItem, PostItem
from street2shop.crawler.revisit import PageState
from street2shop.crawler.writer import RunWriter
from street2shop.core.image_gate import ImageInfo, ImageRejected, image_path, inspect_image
from street2shop.core.optout import robots_forbid_ai
from street2shop.core.schemas import OFFER
from street2shop.core.store import Store, StoreWriteError

logger = logging.getLogger(__name__)

_OFFER_FIELDS = [f.name for f in OFFER]


class ImageFailed(Exception):
    """A download that failed in the network (DNS, timeout, refused...)."""

    def __init__(self, kind: str, message: str = ""):
        super().__init__(message or kind)
        self.kind = kind


class _QuietImageFailures(logging.Filter):
    """MediaPipeline logs every failed download as an ERROR with a traceback; a dead image
    link is routine on the web, so it becomes one WARNING line (and is counted by kind)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None and record.args and hasattr(record.args, "value"):
            exc = getattr(record.args, "value", None)
        if isinstance(exc, StoreWriteError) or (isinstance(record.msg, Failure)
                                                and isinstance(record.msg.value, StoreWriteError)):
            return False  # the crawl stops on it and reports it once (crawler/halt.py)
        if isinstance(exc, ImageFailed) or (isinstance(record.msg, Failure) and isinstance(record.msg.value, ImageFailed)):
            value = exc if isinstance(exc, ImageFailed) else record.msg.value
            record.msg, record.args, record.exc_info, record.exc_text = f"image not kept: {value.kind}: {value}", (), None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


logging.getLogger("scrapy.pipelines.media").addFilter(_QuietImageFailures())


def _rejected(request, kind: str, message: str) -> dict[str, Any]:
    # A content rejection is a *result* (cached per URL by the media pipeline), not an error.
    return {"url": request.url, "path": None, "checksum": None, "status": "rejected",
            "kind": kind, "error": message}


class ListingImagesPipeline(FilesPipeline):
    FILES_URLS_FIELD = "image_urls"
    FILES_RESULT_FIELD = "images"

    def __init__(self, store_uri: str, *, crawler):
        super().__init__(store_uri, crawler=crawler)
        self.s2s_store = Store(store_uri)

    def _get_store(self, uri: str):
        # Scrapy's own file stores are not used: bytes go through our Store (fsspec, atomic).
        return None

    def get_media_requests(self, item, info):
        if getattr(item, "page_noai", False):
            return []  # the page itself opts its images out (item_completed records them as noai)
        # Image CDNs live on other domains than the shop: allowed for media only.
        return [Request(u, meta={"allow_offsite": True}) for u in ItemAdapter(item).get("image_urls") or []]

    def media_to_download(self, request, info, *, item=None):
        return None  # the content address is unknown until the bytes are here

    async def media_downloaded(self, response, request, info, *, item=None) -> dict[str, Any]:
        stats = self.crawler.stats
        if response.status != 200:
            return _rejected(request, f"http_{response.status}", f"HTTP {response.status}")
        if robots_forbid_ai(
            [v.decode("latin-1") for v in response.headers.getlist(b"X-Robots-Tag")]
        ):
            return _rejected(request, "noai", "X-Robots-Tag forbids AI use")
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        body = response.body

        def check_and_store() -> tuple[ImageInfo, str, bool]:
            # CPU work (full decode, hashes) off the reactor thread.
            meta = inspect_image(body, content_type=content_type)
            path = image_path(meta)
            written = self.s2s_store.write_bytes(path, body, overwrite=False)
            return meta, path, written

        try:
            meta, path, written = await maybe_deferred_to_future(deferToThread(check_and_store))
        except ImageRejected as exc:
            return _rejected(request, exc.kind, str(exc))
        stats.inc_value("street2shop/images/stored" if written else "street2shop/images/already_stored")
        return {
            "url": request.url,
            "path": path,
            "checksum": meta.sha256,
            "status": "downloaded",
            "content_type": content_type,
            "info": meta,
        }

    def media_failed(self, failure, request, info):
        if isinstance(failure.value, (ImageFailed, StoreWriteError)):
            raise failure.value
        raise ImageFailed(error_kind(failure), str(failure.value))

    def item_completed(self, results, item, info):
        if not isinstance(item, (ListingItem, PostItem, ImageItem)):
            return item  # page states and other items carry no images
        for ok, result in results:
            if not ok and isinstance(result.value, StoreWriteError):
                halt(self.crawler, result.value)
                # Not written: the job stays unfinished and the next run fetches the page again.
                raise DropItem(f"{item.url}: its images could not be stored", log_level="DEBUG")
        adapter = ItemAdapter(item)
        if getattr(item, "page_noai", False):
            adapter["images"] = [{"url": url, "sha256": None, "status": "noai",
                                  "error": "the page's robots rules forbid AI use of its images"}
                                 for url in adapter.get("image_urls") or []]
            self.crawler.stats.inc_value("street2shop/images/noai", len(adapter["images"]))
            return item
        images = []
        for url, (ok, result) in zip(adapter.get("image_urls") or [], results):
            if ok and result.get("status") == "rejected":
                images.append({"url": url, "sha256": None, "status": result["kind"], "error": result["error"][:500]})
                self.crawler.stats.inc_value(f"street2shop/images/{result['kind']}")
            elif ok:
                images.append({"url": url, "sha256": result["checksum"], "status": "ok", "error": None,
                               "_stored": result})
                self.crawler.stats.inc_value("street2shop/images/ok")
            else:
                exc = result.value
                kind = exc.kind if isinstance(exc, ImageFailed) else error_kind(result)
                images.append({"url": url, "sha256": None, "status": kind, "error": str(exc)[:500]})
                self.crawler.stats.inc_value(f"street2shop/images/{kind}")
        adapter["images"] = images
        return item


class ParquetWriterPipeline:
    """A source's items as rows of the store's tables, handed to the run's `RunWriter`.

    Writes each listing and post once per job (a resumed job never writes again what it
    wrote before it was killed), one `pages` row per URL per job, and a post only once
    every listing its links landed on has reached the writer: the post is what marks a
    page as done for a resumed job, so it must never be on disk before its listings."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.source = settings["STREET2SHOP_SOURCE"]
        self.run_id = settings["STREET2SHOP_RUN_ID"]
        self.job_id = settings["STREET2SHOP_JOB_ID"]
        self.store_url = settings["STREET2SHOP_STORE"]
        # A commit per 1000 items (or 20 s): Parquet files of a few hundred rows are mostly
        # overhead to write and to read back, and a killed run loses at most one commit,
        # which the resumed job fetches again.
        self.flush_every = settings.getint("STREET2SHOP_FLUSH_ITEMS", 1000)
        self.flush_seconds = settings.getfloat("STREET2SHOP_FLUSH_SECONDS", 20.0)
        # URLs whose listing or post this job already wrote (a resumed run): never twice.
        self.seen: set[str] = set(settings.get("STREET2SHOP_DONE_URLS") or ())
        # URLs this job already recorded in the pages table.
        self.pages_seen: set[str] = set(settings.get("STREET2SHOP_DONE_PAGES") or ())
        #: linked listings this job re-checked (one check per URL per job)
        self.seen_checks: set[str] = set(settings.get("STREET2SHOP_DONE_URLS") or ())
        #: listing URLs (requested and final) that reached this writer, and posts waiting for some
        self.arrived: set[str] = set()
        self.parked: list[PostItem] = []
        self.run: RunWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.run = RunWriter.attach(self.store_url, self.run_id, flush_every=self.flush_every,
                                    flush_seconds=self.flush_seconds, on_failure=lambda exc: halt(self.crawler, exc))

    def process_item(self, item, spider=None):
        if isinstance(item, PageState):
            self._add_pages(item)
            self.run.item_done()
            return item
        if isinstance(item, LinkCheck):
            self._take_check(item)
            self.run.item_done()
        elif isinstance(item, ListingItem):
            self._take_listing(item)
            self._release_posts()
        elif isinstance(item, ImageItem):
            self._add_images(item)
            self.run.item_done()
        elif isinstance(item, PostItem):
            if item.awaits - self.arrived:
                self.parked.append(item)  # its listings are still on their way (images)
            else:
                self._take_post(item)
        return item

    def _take_listing(self, item: ListingItem) -> None:
        self.arrived |= {item.url, item.final_url}
        if item.link_check is not None:
            self._take_check(item.link_check)
        self._take_page_item(item, "listings", lambda: self.run.add("listings", [self._listing_row(item)]))

    def _take_post(self, item: PostItem) -> None:
        self._take_page_item(item, "posts", lambda: self._add_post(item))

    def _take_page_item(self, item: ListingItem | PostItem, kind: str, add_rows) -> None:
        """A listing's or post's rows, with its images and page state, unless this job wrote it."""
        keys = {item.url, item.final_url}
        if keys & self.seen:
            self.crawler.stats.inc_value(f"street2shop/duplicate_{kind}")
            return
        self.seen |= keys
        self._add_images(item)
        if item.page is not None:
            self._add_pages(item.page)
        add_rows()
        self.crawler.stats.inc_value(f"street2shop/{kind}_written")
        self.run.item_done()

    def _take_check(self, check: LinkCheck) -> None:
        if check.url in self.seen_checks:
            return
        self.seen_checks.add(check.url)
        if check.page is not None:
            self._add_pages(check.page)
        self.run.add("link_checks", [{"source": check.source, "job_id": self.job_id, "run_id": self.run_id,
                                      "url": check.url, "checked_at": check.checked_at, "outcome": check.outcome,
                                      "link_status": check.link_status, "http_status": check.http_status}])
        self.crawler.stats.inc_value(f"street2shop/rechecks/{check.link_status}")

    def _release_posts(self) -> None:
        if not self.parked:
            return
        ready = [p for p in self.parked if not p.awaits - self.arrived]
        if ready:
            self.parked = [p for p in self.parked if p.awaits - self.arrived]
            for post in ready:
                self._take_post(post)

    def close_spider(self, spider=None):
        # Every row is committed before the spider_closed signal, which marks the job finished.
        if self.parked:
            # Their listings never reached the writer (a failed pipeline step): not written, and
            # the job is left unfinished so that the next run fetches these posts again.
            self.crawler.stats.set_value("street2shop/incomplete", len(self.parked))
            logger.warning("%d posts not written: their linked listings were not written", len(self.parked))
        error = self.run.close()
        if error is not None:
            halt(self.crawler, error)

    def _add_pages(self, state: PageState) -> None:
        rows = [row for row in self._page_rows(state) if row["url"] not in self.pages_seen]
        self.pages_seen.update(row["url"] for row in rows)
        self.run.add("pages", rows)

    def _page_rows(self, state: PageState) -> list[dict[str, Any]]:
        return [{"source": state.source, "job_id": self.job_id, "run_id": self.run_id, "url": url,
                 "kind": state.kind, "outcome": state.outcome, "http_status": state.http_status,
                 "fetched_at": state.fetched_at, "etag": state.etag, "last_modified": state.last_modified,
                 "fingerprint": state.fingerprint, "links": state.links} for url in state.urls()]

    def _add_images(self, item) -> None:
        for img in item.images:
            stored = img.pop("_stored", None)
            if stored and self.run.new_image(img["sha256"]):
                self.run.add("images", [self._image_row(stored, item)])
                self.crawler.stats.inc_value("street2shop/images_rows_written")

    def _add_post(self, item: PostItem) -> None:
        r = item.record
        self.run.add("posts", [{
            "source": item.source, "job_id": self.job_id, "run_id": self.run_id, "url": item.url,
            "final_url": item.final_url, "canonical_url": r.get("canonical_url"), "fetched_at": item.fetched_at,
            "http_status": item.http_status, "rendered": item.rendered, "title": r.get("title"),
            "published": r.get("published"), "show": r.get("show"), "season": r.get("season"),
            "episode": r.get("episode"), "characters": r.get("characters") or [],
            "image_urls": r.get("images") or [], "item_count": len(r.get("items") or []),
        }])
        statuses = {img["url"]: img for img in item.images}
        for position, url in enumerate(r.get("images") or []):
            img = statuses.get(url, {})
            self.run.add("post_images", [{
                "source": item.source, "run_id": self.run_id, "post_url": item.url, "position": position,
                "url": url, "sha256": img.get("sha256"), "status": img.get("status", "not_fetched"),
                "error": img.get("error"),
            }])
        for i, garment in enumerate(r.get("items") or []):
            for j, link in enumerate(garment["links"]):
                res = item.resolutions[i][j]
                self.run.add("post_items", [{
                    "source": item.source, "run_id": self.run_id, "post_url": item.url, "item_index": i,
                    "link_index": j, "text": garment["text"],
                    # an alternative's own maker, not the garment's (records before links had one: the garment's)
                    "brand": link["brand"] if "brand" in link else garment["brand"],
                    "image_position": garment["image_index"], "kind": link["kind"], "link_text": link["text"],
                    "original_url": link["url"], "resolved_url": res.resolved_url if res else None,
                    "redirects": res.redirects if res else [], "link_status": res.link_status if res else "unresolved",
                    "http_status": res.http_status if res else None,
                }])

    def _listing_row(self, item: ListingItem) -> dict[str, Any]:
        r = item.record
        return {
            "source": item.source,
            "job_id": self.job_id,
            "run_id": self.run_id,
            "url": item.url,
            "final_url": item.final_url,
            "fetched_at": item.fetched_at,
            "http_status": item.http_status,
            "rendered": item.rendered,
            **{k: _text(r.get(k)) for k in ("name", "brand", "price", "regular_price", "currency",
                                            "availability", "sku", "gtin", "mpn", "color", "category",
                                            "description", "canonical_url")},
            "breadcrumbs": list(r.get("breadcrumbs") or []),
            "image_urls": list(item.image_urls or r.get("images") or []),
            "offers": [{k: (list(o.get(k) or []) if k == "images" else _text(o.get(k))) for k in _OFFER_FIELDS}
                       for o in r.get("offers") or []],
            "field_sources": list((r.get("sources") or {}).items()),
            "images": [{k: img.get(k) for k in ("url", "sha256", "status", "error")} for img in item.images],
            "change": item.change,
        }

    def _image_row(self, stored: dict, item: ListingItem | PostItem) -> dict[str, Any]:
        meta: ImageInfo = stored["info"]
        return {
            "sha256": meta.sha256,
            "path": stored["path"],
            "format": meta.format,
            "content_type": stored.get("content_type"),
            "width": meta.width,
            "height": meta.height,
            "mode": meta.mode,
            "size_bytes": meta.size_bytes,
            "phash": meta.phash,
            "dhash": meta.dhash,
            "first_url": stored["url"],
            "source": item.source,
            "run_id": self.run_id,
            "fetched_at": item.fetched_at,
        }


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
