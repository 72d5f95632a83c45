"""The crawl's Parquet writer (crawler/pipelines.py: ParquetWriterPipeline) on a real store:
parts are written on a thread of their own, in order, all of them before the spider closes,
and a part that cannot be written is not lost: its rows go out with the next flush."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from scrapy.utils.test import get_crawler

from street2shop.crawler.items import ListingItem
from street2shop.crawler.pipelines import ParquetWriterPipeline
from street2shop.pipeline.store import Store


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
    assert names == [f"part-run-1-shop-{seq:05d}.parquet" for seq in range(4)], "3 + 3 + 3 + the last 1"
    rows = store.read_table("listings").to_pylist()
    assert [r["name"] for r in rows] == [f"Dress {n}" for n in range(10)]
    with pytest.raises(RuntimeError):  # the writer thread is stopped at close: it takes no more work
        pipeline.writer.submit(print)


def test_a_part_that_cannot_be_written_goes_out_with_the_next_flush(tmp_path):
    store_dir = tmp_path / "store"
    pipeline = _pipeline(store_dir, flush_items=2)
    # A file where the listings table's folder should be: a real write error, from the disk.
    blocker = store_dir / "tables" / "listings"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("in the way")
    pipeline.process_item(_listing(0))
    pipeline.process_item(_listing(1))  # its flush hands the part to the writer thread, which fails
    pipeline.process_item(_listing(2))
    with pytest.raises(OSError):
        pipeline.process_item(_listing(3))  # the next flush reports the failure...
    blocker.unlink()
    pipeline.close_spider()  # ...and the rows of both flushes go out now, once each, in order
    rows = Store(store_dir).read_table("listings").to_pylist()
    assert [r["name"] for r in rows] == [f"Dress {n}" for n in range(4)]
