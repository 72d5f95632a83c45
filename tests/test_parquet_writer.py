"""The crawl's Parquet writer (crawler/item_pipelines.py: ParquetWriterPipeline, crawler/writer.py:
RunWriter) on a real store: commits are written on a thread of their own, in order, all of them
before the spider closes; a commit that cannot be written stops the crawl and keeps its rows
for one more try at the close; a post is never written before the listings its links landed on."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from scrapy.utils.test import get_crawler

from street2shop.crawler.items import ListingItem, PostItem
from street2shop.crawler.item_pipelines import ParquetWriterPipeline
from street2shop.core.store import Store


def _pipeline(store_dir, flush_items: int) -> ParquetWriterPipeline:
    crawler = get_crawler(settings_dict={
        "STREET2SHOP_STORE": str(store_dir), "STREET2SHOP_SOURCE": "shop", "STREET2SHOP_RUN_ID": "run-1",
        "STREET2SHOP_JOB_ID": "job-1", "STREET2SHOP_FLUSH_ITEMS": flush_items,
    })
    crawler.stats.open_spider()
    pipeline = ParquetWriterPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def _listing(n: int) -> ListingItem:
    url = f"http://shop.test/p/{n}"
    return ListingItem(source="shop", url=url, final_url=url, fetched_at=datetime.now(timezone.utc),
                       http_status=200, rendered=False,
                       record={"name": f"Dress {n}", "price": "10.00", "currency": "EUR", "images": []},
                       change="new")


def test_every_part_written_in_order_before_close(tmp_path):
    pipeline = _pipeline(tmp_path / "store", flush_items=3)
    for n in range(10):
        pipeline.process_item(_listing(n))
    pipeline.close_spider()
    store = Store(tmp_path / "store")
    names = [p.rsplit("/", 1)[-1] for p in store.table_parts("listings")]
    assert names == [f"part-run-1-crawl-{seq:05d}.parquet" for seq in range(4)], "3 + 3 + 3 + the last 1"
    rows = store.read_table("listings").to_pylist()
    assert [r["name"] for r in rows] == [f"Dress {n}" for n in range(10)]
    with pytest.raises(RuntimeError):  # the writer thread is stopped at close: it takes no more work
        pipeline.run._thread.submit(print)


def test_a_commit_that_cannot_be_written_stops_the_crawl_and_is_tried_again_at_close(tmp_path):
    store_dir = tmp_path / "store"
    pipeline = _pipeline(store_dir, flush_items=2)
    # A file where the listings table's folder should be: a real write error, from the disk.
    blocker = store_dir / "tables" / "listings"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("in the way")
    for n in range(4):  # the second commit waits for the first, sees it failed, and stops
        pipeline.process_item(_listing(n))
    fatal = pipeline.crawler.stats.get_value("street2shop/fatal")
    assert fatal and "cannot write" in fatal and "tables/listings" in fatal, fatal
    pipeline.process_item(_listing(4))  # no more commits after the failure: rows stay buffered
    assert not Store(store_dir).table_parts("pages")
    blocker.unlink()
    pipeline.close_spider()  # one more try at the close: every row goes out once, in order
    rows = Store(store_dir).read_table("listings").to_pylist()
    assert [r["name"] for r in rows] == [f"Dress {n}" for n in range(5)]


def _post(n: int, awaits: set[str]) -> PostItem:
    url = f"http://blog.test/post/{n}"
    return PostItem(source="shop", url=url, final_url=url, fetched_at=datetime.now(timezone.utc), http_status=200,
                    rendered=False, record={"title": f"Post {n}", "images": [], "items": []}, awaits=awaits)


def test_a_post_is_written_only_after_the_listings_it_links(tmp_path):
    pipeline = _pipeline(tmp_path / "store", flush_items=1)
    # The post's linked listing is still downloading its images when the post comes through.
    pipeline.process_item(_post(1, awaits={"http://shop.test/p/7"}))
    pipeline.run.wait()
    store = Store(tmp_path / "store")
    assert store.read_table("posts").num_rows == 0, "not before its listing"
    pipeline.process_item(_listing(7))
    pipeline.close_spider()
    assert [r["url"] for r in store.read_table("posts").to_pylist()] == ["http://blog.test/post/1"]
    assert store.read_table("listings").num_rows == 1


def test_a_post_whose_listing_never_arrives_is_not_written_and_the_job_is_incomplete(tmp_path):
    pipeline = _pipeline(tmp_path / "store", flush_items=1)
    pipeline.process_item(_post(1, awaits={"http://shop.test/p/lost"}))
    pipeline.close_spider()
    assert Store(tmp_path / "store").read_table("posts").num_rows == 0
    assert pipeline.crawler.stats.get_value("street2shop/incomplete") == 1
