"""The store: atomic Parquet parts, readable while partly written, through fsspec too."""

import os
from datetime import datetime, timezone

import pyarrow.parquet as pq
import pytest

from street2shop.core.schemas import LISTINGS
from street2shop.core.store import Store, StoreError


def _row(i: int) -> dict:
    return {"source": "s", "job_id": "j", "run_id": "r", "url": f"http://x/p/{i}", "final_url": f"http://x/p/{i}",
            "fetched_at": datetime(2026, 1, 1, tzinfo=timezone.utc), "http_status": 200, "rendered": False,
            "name": f"Item {i}", "price": "10.00", "currency": "EUR", "breadcrumbs": ["Women", "Dresses"],
            "image_urls": [], "offers": [], "field_sources": [("name", "jsonld")], "images": []}


@pytest.mark.parametrize("url_kind", ["dir", "memory"])
def test_parts_append_and_read_back(tmp_path, url_kind):
    url = str(tmp_path / "store") if url_kind == "dir" else f"memory://s2s-{tmp_path.name}"
    store = Store(url)
    assert store.read_table("listings").num_rows == 0  # empty store reads as an empty table
    store.write_part("listings", [_row(1), _row(2)], run_id="r1", seq=0)
    store.write_part("listings", [_row(3)], run_id="r1", seq=1)
    assert store.write_part("listings", [], run_id="r1", seq=2) is None
    table = store.read_table("listings")
    assert sorted(table.column("name").to_pylist()) == ["Item 1", "Item 2", "Item 3"]
    assert table.schema.field("breadcrumbs").type == LISTINGS.field("breadcrumbs").type
    assert dict(table.column("field_sources")[0].as_py()) == {"name": "jsonld"}


def test_half_written_part_is_invisible(tmp_path):
    store = Store(tmp_path)
    store.write_part("listings", [_row(1)], run_id="r1", seq=0)
    # What a process killed mid-write leaves behind: a hidden temporary file.
    (tmp_path / "tables" / "listings" / ".tmp-dead-part-r2-00000.parquet").write_bytes(b"PAR1 truncated")
    assert store.read_table("listings").num_rows == 1
    # The parts are plain Parquet that other tools read as they are.
    [part] = store.table_parts("listings")
    assert pq.read_table(part).num_rows == 1


def test_atomic_write_keeps_existing_when_asked(tmp_path):
    store = Store(tmp_path)
    assert store.write_bytes("images/ab/x.jpg", b"first", overwrite=False)
    assert not store.write_bytes("images/ab/x.jpg", b"second", overwrite=False)
    assert store.read_bytes("images/ab/x.jpg") == b"first"
    assert not [n for n in os.listdir(tmp_path / "images" / "ab") if n.startswith(".tmp")]


def test_json_state(tmp_path):
    store = Store(tmp_path)
    assert store.read_json("state/a/job.json", default={}) == {}
    store.write_json("state/a/job.json", {"status": "running"})
    assert store.read_json("state/a/job.json") == {"status": "running"}
    (tmp_path / "state" / "a" / "job.json").write_text("{not json")
    with pytest.raises(StoreError, match="not valid JSON"):
        store.read_json("state/a/job.json")


def test_unknown_protocol_is_a_clear_error():
    with pytest.raises(StoreError, match="nosuchproto://x"):
        Store("nosuchproto://x")
