"""URL-list image ingest against the demo shop: statuses, stored files, images rows, privacy."""

from collections import Counter

import pytest
from PIL import Image

from street2shop.demo.site import build_shop, serve
from street2shop.core.image_gate import image_path, inspect_image
from street2shop.demo.site.photos import ImageStore
from street2shop.pipeline.ingest import ingest_urls, normalised_path
from street2shop.pipeline.normalise import load_image, normalise
from street2shop.core.store import Store

SPECIAL = ("broken", "not_image", "bomb", "noai", "missing")
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
    ok = [s for s in specs if s.outcome == "ok" and s.width is None][:30]
    return ok + special + [s for s in specs if s.width is not None][:2]  # two srcset renditions too


def test_ingest_statuses_files_and_rows(shop_server, tmp_path):
    shop, server = shop_server
    specs = _pick(shop)
    assert {s.outcome for s in specs} >= set(SPECIAL)
    urls = [server.url(s.path) for s in specs]
    store = Store(tmp_path / "store")
    seen = []
    summary = ingest_urls(store, urls, workers=8, size=128, allow_private=True, processes=2,
                          progress=lambda done, total: seen.append((done, total)))

    assert summary.statuses == {u: EXPECTED_STATUS[s.outcome] for u, s in zip(urls, specs)}
    assert summary.counts == Counter(EXPECTED_STATUS[s.outcome] for s in specs)
    assert seen[-1] == (len(urls), len(urls))

    rows = store.read_table("images").to_pylist()
    ok_urls = {u for u, s in zip(urls, specs) if s.outcome == "ok"}
    assert {r["first_url"] for r in rows} <= ok_urls
    assert len({r["sha256"] for r in rows}) == len(rows) == summary.rows
    assert summary.rows >= 30  # generated images are distinct
    for r in rows:
        data = store.read_bytes(r["path"])
        info = inspect_image(data)
        assert (info.sha256, info.width, info.height, info.phash) == (r["sha256"], r["width"], r["height"], r["phash"])
        assert r["path"] == image_path(info) and r["source"] == "ingest" and r["run_id"] == summary.run_id
        with Image.open(store.path(normalised_path(r["sha256"], 128))) as im:
            assert (im.format, im.mode, im.size) == ("JPEG", "RGB", (128, 128))


def test_fast_normalise_matches_normalise():
    """ingest skips normalise's quality analysis; the pixels must not change."""
    shop = build_shop(16)
    images = ImageStore(shop)
    paths = sorted(p for p, s in shop.images.items() if s.outcome == "ok")[:24]  # packshots, model shots, details
    big = Image.new("RGB", (1500, 900), (250, 250, 250))  # above the analysis size: scaled measurements
    big.paste((20, 60, 200), (500, 200, 900, 700))
    imgs = [load_image(images.get(p)) for p in paths] + [big]
    for img in imgs:
        for size in (384, 128):
            assert normalise(img, size=size, analyse=False).image.tobytes() == normalise(img, size=size).image.tobytes()


def test_ingest_is_idempotent_per_store(shop_server, tmp_path):
    shop, server = shop_server
    urls = [server.url(s.path) for s in _pick(shop)[:5]]
    store = Store(tmp_path / "store")
    first = ingest_urls(store, urls, allow_private=True, processes=0)  # in-thread path
    again = ingest_urls(store, urls, allow_private=True)
    assert first.ok == again.ok == 5
    files = sorted(p for p in (tmp_path / "store" / "images").rglob("*") if p.is_file())
    assert len(files) == 5 and not any(p.name.startswith(".tmp") for p in files)


def test_private_address_refused_by_default(shop_server, tmp_path):
    shop, server = shop_server
    urls = [server.url(s.path) for s in _pick(shop)[:3]] + ["ftp://example.com/a.jpg"]
    store = Store(tmp_path / "store")
    before = len(server.request_log)
    summary = ingest_urls(store, urls)
    assert summary.counts == Counter({"private": 3, "bad_url": 1})
    assert len(server.request_log) == before and summary.rows == 0  # nothing was even requested
    assert not (tmp_path / "store" / "images").exists()


def test_one_decode_gives_inspect_image_and_load_image():
    """Ingest decodes each image once: the info is inspect_image's (hashes of the image as
    stored) and the pixels are load_image's (upright, flattened), whatever the mode or EXIF."""
    import io

    from street2shop.core.image_gate import inspect_and_decode
    from street2shop.pipeline.normalise import upright_rgb

    shop = build_shop(16)
    base = load_image(ImageStore(shop).get(sorted(p for p, s in shop.images.items() if s.outcome == "ok")[0]))

    def enc(img, fmt, **kw):
        buf = io.BytesIO()
        img.save(buf, fmt, **kw)
        return buf.getvalue()

    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display
    rgba = base.convert("RGBA")
    rgba.paste((0, 0, 0, 0), (0, 0, 40, 40))  # a transparent corner: flattened on white
    samples = [enc(base, "JPEG", quality=90), enc(base, "JPEG", quality=90, exif=exif.tobytes()),
               enc(rgba, "PNG"), enc(base.convert("P"), "PNG"), enc(base.convert("L"), "PNG"),
               enc(base.convert("CMYK"), "JPEG"), enc(base, "WEBP")]
    for data in samples:
        info, upright = inspect_and_decode(data, keep=upright_rgb)
        assert info == inspect_image(data)
        ref = load_image(data)
        assert (upright.mode, upright.size) == (ref.mode, ref.size) and upright.tobytes() == ref.tobytes()


def test_orphans_of_a_killed_run_are_taken_over(shop_server, tmp_path):
    """Files reach the store before the Parquet part that records them: a run killed in
    between leaves files no row refers to. The next run keeps a complete one, rewrites a torn
    one (a content-addressed name with the wrong size), and records both."""
    shop, server = shop_server
    specs = [s for s in _pick(shop) if s.outcome == "ok"][:3]
    urls = [server.url(s.path) for s in specs]
    store = Store(tmp_path / "store")
    first = ingest_urls(store, urls, allow_private=True, processes=0)
    rows = store.read_table("images").to_pylist()
    for part in first.parts:  # as if the run had been killed before its part was written
        store.fs.rm(part)
    assert store.read_table("images").num_rows == 0
    torn = rows[0]["path"]
    good = store.read_bytes(torn)
    (tmp_path / "store" / torn).write_bytes(good[: len(good) // 2])

    again = ingest_urls(store, urls, allow_private=True, processes=0)
    assert again.ok == 3 and again.rows == 3
    assert store.read_bytes(torn) == good
    for r in store.read_table("images").to_pylist():
        assert inspect_image(store.read_bytes(r["path"])).sha256 == r["sha256"]
    leftovers = [p for p in (tmp_path / "store").rglob(".tmp-*")]
    assert not leftovers


def test_ingest_command_from_a_url_list(shop_server, tmp_path):
    import yaml

    from crawl_helpers import cli

    shop, server = shop_server
    specs = _pick(shop)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(yaml.safe_dump({
        "store": str(tmp_path / "store"),
        "sources": [{"name": "s", "kind": "shop", "products": [server.url("/")]}],
        "catalog": {"image_size": 128},
    }))
    url_list = tmp_path / "urls.txt"
    url_list.write_text("# fixture images\n" + "\n".join(server.url(s.path) for s in specs) + "\n\n")

    refused = cli("ingest", str(manifest), str(url_list))
    assert refused.returncode == 0, refused.stderr[-2000:]
    assert f"private {len(specs)}" in refused.stdout, "private addresses are refused unless allowed"

    result = cli("ingest", str(manifest), str(url_list), "--allow-private-addresses")
    assert result.returncode == 0, result.stderr[-2000:]
    want = Counter(EXPECTED_STATUS[s.outcome] for s in specs)
    for status, n in want.items():
        assert f"{status} {n}" in result.stdout, (status, n, result.stdout)
    store = Store(tmp_path / "store")
    rows = store.read_table("images").to_pylist()
    assert {r["first_url"] for r in rows} <= {server.url(s.path) for s in specs}
    ok = [r for r in rows if r["sha256"]]
    assert ok and all(Image.open(store.path(normalised_path(r["sha256"], 128))).size == (128, 128) for r in ok)

    out = cli("ingest", str(manifest), str(tmp_path / "missing.txt"))
    assert out.returncode == 2 and "cannot read the URL list" in out.stderr and "Traceback" not in out.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    out = cli("ingest", str(manifest), str(empty))
    assert out.returncode == 2 and "no URLs" in out.stderr
