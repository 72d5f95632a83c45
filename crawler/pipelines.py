"""Item pipelines: listing images (download, validate, store once) and the Parquet writer.

`ListingImagesPipeline` is Scrapy's FilesPipeline with content addressing: the path
of an image is the sha256 of its bytes, so it is known only after the download, and the
same image under many URLs or listings is stored once. Every image URL of a listing
ends with a status (ok, noai, http_404, broken, not_image, bomb, ...).

`ParquetWriterPipeline` buffers rows and appends them to the store's tables in
atomic parts. It writes the images part before the listings part, so a listing row
never exists without its images; a crawl killed in between re-fetches the listing and
the images table keeps one row per sha256.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from decimal import Decimal
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.pipelines.files import FilesPipeline
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from street2shop.crawler.errors import error_kind
from street2shop.crawler.items import ListingItem, PostItem
from street2shop.crawler.revisit import PageState
from street2shop.pipeline.images import ImageInfo, ImageRejected, image_path, inspect_image, robots_forbid_ai
from street2shop.pipeline.schemas import OFFER
from street2shop.pipeline.store import Store, encode_part

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
        if isinstance(failure.value, ImageFailed):
            raise failure.value
        raise ImageFailed(error_kind(failure), str(failure.value))

    def item_completed(self, results, item, info):
        if not isinstance(item, (ListingItem, PostItem)):
            return item  # page states and other items carry no images
        adapter = ItemAdapter(item)
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


class _PartFailed(Exception):
    """A flush's write failed (the cause); `unwritten` holds the rows of the tables not written."""

    def __init__(self, unwritten: dict[str, list[dict]]):
        super().__init__("writing a part failed")
        self.unwritten = unwritten


class ParquetWriterPipeline:
    #: The order parts are written in at each flush: what a row refers to is always written
    #: before the row, and the rows that mark a page as done (listings, posts) come last.
    TABLE_ORDER = ("images", "post_images", "post_items", "listings", "posts", "pages")

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.store = Store(settings["STREET2SHOP_STORE"])
        self.source = settings["STREET2SHOP_SOURCE"]
        self.run_id = settings["STREET2SHOP_RUN_ID"]
        self.job_id = settings["STREET2SHOP_JOB_ID"]
        # A part per 1000 items (or 20 s): Parquet files of a few hundred rows are mostly
        # overhead to write and to read back, and a killed run loses at most one part, which
        # the resumed job fetches again.
        self.flush_every = settings.getint("STREET2SHOP_FLUSH_ITEMS", 1000)
        self.flush_seconds = settings.getfloat("STREET2SHOP_FLUSH_SECONDS", 20.0)
        # URLs this job already wrote (a resumed run): never written twice.
        self.seen: set[str] = set(settings.get("STREET2SHOP_DONE_URLS") or ())
        self.rows: dict[str, list[dict]] = {t: [] for t in self.TABLE_ORDER}
        self.pending = 0
        self.seq = 0
        self.last_flush = time.monotonic()
        # A flush encodes its parts here, then writes and fsyncs them on a thread of its own,
        # in order, so that the reactor does not wait for the disk. (Encoding on that thread
        # too fought the reactor for the GIL, which turning rows into Arrow holds whatever
        # thread does it: thousands of GIL hand-overs per crawl, and three times the CPU.)
        # One flush may be on its way to disk while the next one fills; the next waits for it.
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="parquet-writer")
        self.writing: Future | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    #: sha256 already in each store's images table, shared by the writers of one process
    #: (one per source crawled at once), so that two sources never add the same image twice.
    _known_images: dict[str, set[str]] = {}

    def open_spider(self, spider=None):
        known = self._known_images.get(self.store.url)
        if known is None:
            known = set(self.store.read_table("images", columns=["sha256"]).column("sha256").to_pylist())
            self._known_images[self.store.url] = known
        self.known_images = known

    def process_item(self, item, spider=None):
        if isinstance(item, PageState):
            self.rows["pages"] += self._page_rows(item)
            self.pending += 1
            return item
        if not isinstance(item, (ListingItem, PostItem)):
            return item
        keys = {item.url, item.final_url}
        kind = "listings" if isinstance(item, ListingItem) else "posts"
        if keys & self.seen:
            self.crawler.stats.inc_value(f"street2shop/duplicate_{kind}")
            return item
        self.seen |= keys
        self._add_images(item)
        if item.page is not None:
            self.rows["pages"] += self._page_rows(item.page)
        if isinstance(item, ListingItem):
            self.rows["listings"].append(self._listing_row(item))
        else:
            self._add_post(item)
        self.crawler.stats.inc_value(f"street2shop/{kind}_written")
        self.pending += 1
        if self.pending >= self.flush_every or time.monotonic() - self.last_flush > self.flush_seconds:
            self.flush()
        return item

    def close_spider(self, spider=None):
        # Every part is on disk before the spider_closed signal, which marks the job finished.
        try:
            self.flush()
            self._wait()
        finally:
            self.writer.shutdown(wait=True)

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not any(self.rows.values()):
            return
        self._wait()  # the previous part first; if it failed, it raises here
        # (Encoded before the rows are handed over: rows that cannot be encoded stay buffered.)
        parts = {table: encode_part(table, rows) for table, rows in self.rows.items()}
        batch, seq = self.rows, self.seq
        self.rows = {t: [] for t in self.TABLE_ORDER}
        self.seq += 1
        self.pending = 0
        self.writing = self.writer.submit(self._write, batch, parts, seq)

    def _wait(self) -> None:
        if self.writing is None:
            return
        writing, self.writing = self.writing, None
        try:
            writing.result()
        except _PartFailed as failed:
            # As when parts were written here: the tables not written yet stay buffered (in
            # front of the newer rows) and go out with the next flush.
            for table, rows in failed.unwritten.items():
                self.rows[table][:0] = rows
            raise failed.__cause__ from None

    def _write(self, batch: dict[str, list[dict]], parts: dict, seq: int) -> None:
        """On the writer thread: the flush's encoded parts, in TABLE_ORDER (`batch` holds their
        rows, kept for the next flush should a write fail)."""
        for i, table in enumerate(self.TABLE_ORDER):
            try:
                self.store.write_encoded_part(table, parts[table], run_id=self.run_id, seq=seq,
                                              writer=self.source)
            except Exception as exc:
                raise _PartFailed({t: batch[t] for t in self.TABLE_ORDER[i:]}) from exc

    def _page_rows(self, state: PageState) -> list[dict[str, Any]]:
        return [{"source": state.source, "job_id": self.job_id, "run_id": self.run_id, "url": url,
                 "kind": state.kind, "outcome": state.outcome, "http_status": state.http_status,
                 "fetched_at": state.fetched_at, "etag": state.etag, "last_modified": state.last_modified,
                 "fingerprint": state.fingerprint, "links": state.links} for url in state.urls()]

    def _add_images(self, item) -> None:
        for img in item.images:
            stored = img.pop("_stored", None)
            if stored and img["sha256"] not in self.known_images:
                self.known_images.add(img["sha256"])
                self.rows["images"].append(self._image_row(stored, item))

    def _add_post(self, item: PostItem) -> None:
        r = item.record
        self.rows["posts"].append({
            "source": item.source, "job_id": self.job_id, "run_id": self.run_id, "url": item.url,
            "final_url": item.final_url, "canonical_url": r.get("canonical_url"), "fetched_at": item.fetched_at,
            "http_status": item.http_status, "rendered": item.rendered, "title": r.get("title"),
            "published": r.get("published"), "show": r.get("show"), "season": r.get("season"),
            "episode": r.get("episode"), "characters": r.get("characters") or [],
            "image_urls": r.get("images") or [], "item_count": len(r.get("items") or []),
        })
        statuses = {img["url"]: img for img in item.images}
        for position, url in enumerate(r.get("images") or []):
            img = statuses.get(url, {})
            self.rows["post_images"].append({
                "source": item.source, "run_id": self.run_id, "post_url": item.url, "position": position,
                "url": url, "sha256": img.get("sha256"), "status": img.get("status", "not_fetched"),
                "error": img.get("error"),
            })
        for i, garment in enumerate(r.get("items") or []):
            for j, link in enumerate(garment["links"]):
                res = item.resolutions[i][j]
                self.rows["post_items"].append({
                    "source": item.source, "run_id": self.run_id, "post_url": item.url, "item_index": i,
                    "link_index": j, "text": garment["text"], "brand": garment["brand"],
                    "image_position": garment["image_index"], "kind": link["kind"], "link_text": link["text"],
                    "original_url": link["url"], "resolved_url": res.resolved_url if res else None,
                    "redirects": res.redirects if res else [], "link_status": res.link_status if res else "unresolved",
                    "http_status": res.http_status if res else None,
                })

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
