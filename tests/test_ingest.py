"""`street2shop ingest`: a URL list of images through the crawler's own path, against the
demo shop: statuses, stored files and images rows, robots.txt and the address guard, and a
second run that fetches only what it does not have."""

from collections import Counter

import pytest
import yaml

from crawl_helpers import cli
from street2shop.core.image_gate import image_path, inspect_image
from street2shop.core.store import Store
from street2shop.demo.site import build_shop, serve

pytestmark = pytest.mark.slow  # end to end: a real server, real crawls


# what the demo shop's ImageSpec.outcome becomes as an ingest status
EXPECTED_STATUS = {"ok": "ok", "broken": "broken", "not_image": "not_image", "bomb": "bomb",
                   "noai": "noai", "missing": "http_404"}


@pytest.fixture(scope="module")
def shop_server():
    shop = build_shop(16)
    with serve(shop) as server:
        yield shop, server


def _pick(shop):
    specs = sorted(shop.images.values(), key=lambda s: s.path)
    special = [s for s in specs if s.outcome != "ok"]
    ok = [s for s in specs if s.outcome == "ok" and s.width is None][:20]
    return ok + special + [s for s in specs if s.width is not None][:2]  # two srcset renditions too


def _ingest(tmp_path, urls, *flags):
    manifest = tmp_path / "m.yaml"
    manifest.write_text(yaml.safe_dump({
        "store": str(tmp_path / "store"), "contact": "mailto:tests@example.invalid",
        "sources": [{"name": "s", "kind": "shop", "products": ["http://127.0.0.1:9/"]}]}))
    url_list = tmp_path / "urls.txt"
    url_list.write_text("# images to ingest\n" + "\n".join(urls) + "\n\n")
    return cli("ingest", str(manifest), str(url_list), "-q", *flags)


def _counts(stdout: str) -> Counter:
    line = stdout.split("URLs: ", 1)[1].split(";", 1)[0]
    return Counter({k: int(v) for k, v in (part.rsplit(" ", 1) for part in line.split(", "))})


def test_statuses_files_and_rows_as_a_crawl_stores_them(shop_server, tmp_path):
    shop, server = shop_server
    specs = _pick(shop)
    urls = [server.url(s.path) for s in specs]
    before = len(server.request_log)
    result = _ingest(tmp_path, urls + ["ftp://example.invalid/a.jpg"], "--allow-private-addresses", "--delay", "0",
                     "--concurrency-per-domain", "8")
    assert result.returncode == 0, result.stderr[-3000:]
    want = Counter(EXPECTED_STATUS[s.outcome] for s in specs) + Counter({"bad_url": 1})
    assert _counts(result.stdout) == want, result.stdout

    store = Store(tmp_path / "store")
    rows = store.read_table("images").to_pylist()
    ok_urls = {u for u, s in zip(urls, specs) if s.outcome == "ok"}
    assert {r["first_url"] for r in rows} <= ok_urls and len(rows) == len({r["sha256"] for r in rows}) >= 20
    assert f"{len(rows)} new images rows" in result.stdout
    for r in rows:
        info = inspect_image(store.read_bytes(r["path"]))
        assert (info.sha256, info.width, info.height, info.phash) == (r["sha256"], r["width"], r["height"], r["phash"])
        assert r["path"] == image_path(info) and r["source"] == "ingest"
    # the crawler's politeness: robots.txt first, the project's User-Agent with the contact
    log = server.request_log.snapshot()[before:]
    assert log[0].path == "/robots.txt"
    assert all(r.user_agent.startswith("street2shop/") and "tests@example.invalid" in r.user_agent for r in log)


def test_a_second_run_fetches_only_what_it_does_not_have(shop_server, tmp_path):
    shop, server = shop_server
    urls = [server.url(s.path) for s in _pick(shop)[:5]]
    first = _ingest(tmp_path, urls, "--allow-private-addresses", "--delay", "0")
    assert _counts(first.stdout) == Counter({"ok": 5}), first.stdout
    before = len(server.request_log)
    again = _ingest(tmp_path, urls, "--allow-private-addresses", "--delay", "0")
    assert _counts(again.stdout) == Counter({"already_ingested": 5}) and "0 new images rows" in again.stdout
    assert len(server.request_log) == before, "nothing fetched again"
    files = sorted(p for p in (tmp_path / "store" / "images").rglob("*") if p.is_file())
    assert len(files) == 5 and not any(p.name.startswith((".tmp", ".stage")) for p in files)


def test_private_addresses_refused_by_default(shop_server, tmp_path):
    shop, server = shop_server
    urls = [server.url(s.path) for s in _pick(shop)[:3]]
    before = len(server.request_log)
    result = _ingest(tmp_path, urls)
    assert result.returncode == 0, result.stderr[-2000:]
    assert _counts(result.stdout) == Counter({"private_address": 3})
    assert len(server.request_log) == before, "nothing was even requested"


def test_url_list_mistakes_are_one_line(tmp_path):
    manifest = tmp_path / "m.yaml"
    manifest.write_text(yaml.safe_dump({"store": str(tmp_path / "store"),
                                        "sources": [{"name": "s", "kind": "shop", "products": ["http://a.example/"]}]}))
    out = cli("ingest", str(manifest), str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and "cannot read the URL list" in out.stderr and "Traceback" not in out.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    out = cli("ingest", str(manifest), str(empty))
    assert out.returncode == 2 and "no URLs" in out.stderr
