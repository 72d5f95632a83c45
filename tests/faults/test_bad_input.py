"""Bad input gets one clear error, never a traceback, and nothing already collected is lost.

Pages whose JSON nests deeper than the stack, a gzip bomb given to `extract`, damaged
catalog versions, out-of-range options, manifest values that used to escape validation,
the manifest's detector section, and broken lines in an ingest URL list. Everything is
real: files, Parquet, small random models built here, loopback HTTP servers.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from crawl_helpers import cli, cli_measured
from faults.sites import Site, jpeg
from street2shop.crawler.extract import extract_product, parse_html
from street2shop.core.store import Store



def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2 and exactly one stderr line, `street2shop: error: ...`, holding every needle."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr[-3000:]
    assert len(lines) == 1 and lines[0].startswith("street2shop: error: "), result.stderr[-3000:]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


# --------------------------------------------------------------- 1. JSON nested past the stack

DEEP = {
    "arrays": "[" * 100_000 + "]" * 100_000,
    "objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
}
GOOD_LD = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",'
           '"name":"Blue Coat","offers":{"@type":"Offer","price":"49.00","priceCurrency":"EUR"}}</script>')


def _page(deep: str) -> str:
    """A product page: a deep JSON-LD block first, then a good one, microdata, OpenGraph, DOM."""
    return f"""<!doctype html><html><head><title>Blue Coat | Shop</title>
<script type="application/ld+json">{deep}</script>{GOOD_LD}
<meta property="og:image" content="https://shop.example/img/coat.jpg"></head>
<body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Blue Coat</h1>
<span itemprop="brand">Nordhav</span></div><button>Add to bag</button></body></html>"""


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_extract_skips_a_too_deep_json_ld_block_and_keeps_the_page(tmp_path, shape):
    page = tmp_path / "page.html"
    page.write_text(_page(DEEP[shape]))
    result = cli("extract", str(page), "--url", "https://shop.example/p/coat")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    record = json.loads(result.stdout)
    assert (record["name"], record["price"], record["currency"]) == ("Blue Coat", "49.00", "EUR")
    assert record["brand"] == "Nordhav" and record["sources"]["brand"] == "microdata"
    assert record["images"] == ["https://shop.example/img/coat.jpg"] and record["is_product"]


def test_page_state_and_gallery_json_too_deep_are_skipped():
    deep = DEEP["arrays"]
    page = f"""<html><head><title>Blue Coat</title>
<script type="application/json">{deep}</script>
<script>window.__INITIAL_STATE__ = {deep}</script>
<script>window.__PRODUCT_STATE__ = {{"product":{{"name":"Blue Coat","price":49.0,"currency":"EUR"}}}}</script>
</head><body><h1>Blue Coat</h1><div class="product-gallery">
<img data-a-dynamic-image='{deep}' src="https://shop.example/img/coat.jpg"></div></body></html>"""
    record = extract_product(page.encode(), "https://shop.example/p/coat")
    assert (record.name, record.price, record.currency) == ("Blue Coat", "49.00", "EUR")
    assert record.sources["price"] == "json" and record.images == ["https://shop.example/img/coat.jpg"]
    # a JSON document (an API answer) that deep is no product, not a crash
    assert not extract_product(deep.encode(), "https://shop.example/api/p/1").is_product


def test_json_ld_that_decodes_but_nests_past_the_walkers_keeps_the_page():
    # 600 levels decode; resolving @id references used to recurse two frames a level
    ld = ('{"@graph":[{"@type":"Product","@id":"#a","name":"Blue Coat","offers":{"price":"49.00",'
          '"priceCurrency":"EUR"},"isRelatedTo":' + "[" * 600 + "]" * 600 + '},'
          '{"@type":"Product","@id":"#b","name":"Scarf"}]}')
    page = (f'<html><head><title>Blue Coat</title><script type="application/ld+json">{ld}</script></head>'
            '<body><h1>Blue Coat</h1><p class="price">49,00 €</p><button>Add to bag</button></body></html>')
    record = extract_product(page.encode(), "https://shop.example/p/coat")
    assert (record.name, record.price, record.currency) == ("Blue Coat", "49.00", "EUR")


@pytest.mark.parametrize("fragment", [
    # a gallery's url -> size map whose sizes are not [w, h]
    '<div class="product-gallery"><img data-a-dynamic-image=\'{"https://shop.example/a.jpg": {"w": 1}}\' '
    'src="https://shop.example/img/coat.jpg"></div>',
    # a cent amount scaled past Decimal's exponent range
    '<script>window.__INITIAL_STATE__ = {"product":{"name":"Blue Coat","price":'
    '{"centAmount":4900,"fractionDigits":1000000000000000000000}}}</script>',
], ids=["gallery-json-shape", "fraction-digits"])
def test_odd_page_data_keeps_the_page(fragment):
    page = (f'<html><head><title>Blue Coat</title></head><body><h1>Blue Coat</h1>{fragment}'
            '<p class="price">49,00 €</p><button>Add to bag</button></body></html>')
    record = extract_product(page.encode(), "https://shop.example/p/coat")
    assert (record.name, record.price, record.currency) == ("Blue Coat", "49.00", "EUR")


def test_blog_post_with_too_deep_json_ld_keeps_the_post():
    from street2shop.crawler.blog.posts import extract_post

    page = f"""<html><head><title>Episode 3 | Blog</title>
<script type="application/ld+json">{DEEP["objects"]}</script>
<script type="application/ld+json">{{"@type":"BlogPosting","headline":"What she wore in episode 3"}}</script>
</head><body><article><h1>What she wore in episode 3</h1><div class="entry-content">
<p>Her coat: <a href="https://shop.example/p/coat">Blue Coat</a></p></div></article></body></html>"""
    post = extract_post(parse_html(page.encode()), "https://blog.example/ep3")
    assert post.title == "What she wore in episode 3"
    assert [link.url for item in post.items for link in item.links] == ["https://shop.example/p/coat"]


def test_crawl_analyser_keeps_a_page_with_too_deep_json_ld():
    from scrapy.http import HtmlResponse

    from street2shop.crawler.page_analysis import AnalyserConfig, PageAnalyser

    response = HtmlResponse("https://shop.example/p/coat", body=_page(DEEP["arrays"]).encode(), encoding="utf-8")
    analysis = PageAnalyser(AnalyserConfig()).analyse(response)
    assert analysis.error is None and analysis.is_product
    assert (analysis.data["name"], analysis.data["price"]) == ("Blue Coat", "49.00")


# --------------------------------------------------------------- 2. a gzip bomb given to `extract`

PEAK_MEMORY = 300 << 20  # `extract` of a normal page peaks near 60 MiB; the crawl's page limit is 64 MiB


def _bomb(members: int, member_bytes: int) -> bytes:
    """`members` gzip members of `member_bytes` zero bytes each."""
    return gzip.compress(b"\0" * member_bytes, 9) * members


@pytest.mark.parametrize("members, member_bytes", [(128, 8 << 20), (1, 256 << 20)], ids=["1GiB-many-members",
                                                                                          "256MiB-one-member"])
def test_extract_refuses_a_gzip_bomb_in_bounded_memory(tmp_path, members, member_bytes):
    page = tmp_path / "page.html.gz"
    page.write_bytes(_bomb(members, member_bytes))
    assert page.stat().st_size < 2 << 20
    result, peak = cli_measured(tmp_path, "extract", str(page))
    assert peak < PEAK_MEMORY, f"peak {peak >> 20} MiB"
    assert_one_line_error(result, str(page), "more than 64 MiB")


def test_extract_of_a_gzip_page_stays_light(tmp_path):
    """(A guard, not a fault:) the page limit comes from crawler/settings.py, which must not bring
    Scrapy or torch into `extract`."""
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(_page("[]").encode()))
    code = ("import sys\nfrom street2shop.cli import app\n"
            f"try:\n    app(['extract', {str(page)!r}])\nexcept SystemExit:\n    pass\n"
            "print('HEAVY', sorted(m for m in ('torch', 'scrapy', 'twisted') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert '"name": "Blue Coat"' in out.stdout and "HEAVY []" in out.stdout, out.stdout + out.stderr


# --------------------------------------------------------------- a small store with listings and images

def _shop_store(root: Path, n: int = 4) -> Store:
    """`n` listings of a shop, each with one stored JPEG (rows as the crawl writes them)."""
    from street2shop.core.image_gate import image_path, inspect_image

    store = Store(root)
    now = dt.datetime.now(dt.timezone.utc)
    images, listings = [], []
    for i in range(n):
        data = jpeg(i + 1)
        info = inspect_image(data)
        store.write_bytes(image_path(info), data)
        images.append({"sha256": info.sha256, "path": image_path(info), "format": info.format,
                       "width": info.width, "height": info.height, "size_bytes": info.size_bytes,
                       "phash": info.phash, "dhash": info.dhash, "source": "shop", "fetched_at": now})
        url = f"https://shop.example/p/{i}"
        listings.append({"source": "shop", "url": url, "final_url": url, "canonical_url": url, "fetched_at": now,
                         "http_status": 200, "name": f"Coat {i}", "price": f"{40 + i}.00", "currency": "EUR",
                         "images": [{"url": f"{url}.jpg", "sha256": info.sha256, "status": "ok", "error": None}]})
    store.write_part("images", images, run_id="t", seq=0)
    store.write_part("listings", listings, run_id="t", seq=0)
    return store


def _manifest(path: Path, store: Path | str, **catalog) -> Path:
    path.write_text(yaml.safe_dump({"store": str(store), "sources": [], "catalog": {"image_size": 64, **catalog}}))
    return path


@pytest.fixture(scope="module")
def encoder_spec(tmp_path_factory) -> str:
    """A small random timm backbone saved as a weights file: a real encoder, fast on a CPU."""
    torch = pytest.importorskip("torch")
    timm = pytest.importorskip("timm")
    from safetensors.torch import save_file

    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("encoder") / "r10.safetensors"
    save_file(timm.create_model("resnet10t", num_classes=0).state_dict(), str(path))
    return f"timm:resnet10t@{path}"


@pytest.fixture(scope="module")
def catalog_store(tmp_path_factory, encoder_spec) -> Path:
    """A store with a built catalog version (built in process, as `catalog build` builds it)."""
    from street2shop.pipeline.catalog import build_catalog
    from street2shop.pipeline.encoders import create_encoder

    root = tmp_path_factory.mktemp("catalog") / "store"
    build_catalog(_shop_store(root), encoder=create_encoder(encoder_spec, device="cpu"), image_size=64)
    return root


# --------------------------------------------------------------- 3. damaged catalogs

def _version_dir(store: Path) -> Path:
    return store / "catalog" / "versions" / json.loads((store / "catalog" / "CURRENT").read_text())["version"]


def _truncate(path: Path, keep: int) -> None:
    path.write_bytes(path.read_bytes()[:keep])


def _point_outside(store: Path) -> None:
    # a complete version outside the store, where `../../../elsewhere` leads from catalog/versions
    shutil.copytree(_version_dir(store), store.parent / "elsewhere")
    (store / "catalog" / "CURRENT").write_text(json.dumps({"version": "../../../elsewhere"}))


DAMAGES = {
    "current-not-json": (lambda s: (s / "catalog" / "CURRENT").write_text("{not json"), "catalog/CURRENT"),
    "current-outside-the-store": (_point_outside, "names no catalog version ('../../../elsewhere')"),
    "current-absolute-path": (lambda s: (s / "catalog" / "CURRENT").write_text(json.dumps({"version": "/etc"})),
                              "names no catalog version ('/etc')"),
    "no-items": (lambda s: shutil.rmtree(_version_dir(s) / "items"), "0 items"),
    "no-index": (lambda s: shutil.rmtree(_version_dir(s) / "index"), "no readable index"),
    "no-version-json": (lambda s: (_version_dir(s) / "version.json").unlink(), "version.json"),
    "truncated-npy": (lambda s: _truncate(next((_version_dir(s) / "index").glob("cat*[0-9].npy")), 200), "damaged"),
    "truncated-items": (lambda s: _truncate(next((_version_dir(s) / "items").glob("*.parquet")), 300), "damaged"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_catalog_is_one_clear_error(catalog_store, encoder_spec, tmp_path, damage):
    from street2shop.pipeline.catalog import CatalogError, open_catalog

    store = tmp_path / "store"
    shutil.copytree(catalog_store, store)
    version = _version_dir(store).name
    spoil, needle = DAMAGES[damage]
    spoil(store)
    with pytest.raises(CatalogError) as err:
        open_catalog(Store(store))
    assert needle in str(err.value) and "\n" not in str(err.value)
    manifest = _manifest(tmp_path / "m.yaml", store, encoder=encoder_spec)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg(1))
    line = assert_one_line_error(cli("catalog", "search", str(manifest), str(photo)),
                                 str(store), needle, "street2shop catalog build MANIFEST")
    if not damage.startswith("current"):
        assert version in line


def test_catalog_commands_on_an_unusable_store_are_one_line(tmp_path, encoder_spec):
    store = "nosuchfs://bucket/store"  # a StoreError: no filesystem for that protocol
    manifest = _manifest(tmp_path / "m.yaml", store, encoder=encoder_spec)
    (tmp_path / "photo.jpg").write_bytes(jpeg(1))
    for args in (["build", str(manifest)], ["search", str(manifest), str(tmp_path / "photo.jpg")]):
        assert_one_line_error(cli("catalog", *args), store, "nosuchfs")


# --------------------------------------------------------------- 4. options out of range

def test_search_refuses_k_below_one(catalog_store, encoder_spec, tmp_path):
    manifest = _manifest(tmp_path / "m.yaml", catalog_store, encoder=encoder_spec)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg(2))
    result = cli("catalog", "search", str(manifest), str(photo), "-k", "-3")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Invalid value for '-k'" in result.stderr and not result.stdout


def test_build_refuses_an_unknown_index_kind_before_any_work(tmp_path):
    # the encoder would fail to load: the index kind must be refused first
    manifest = _manifest(tmp_path / "m.yaml", tmp_path / "store", encoder=f"timm:resnet10t@{tmp_path}/none.pth")
    assert_one_line_error(cli("catalog", "build", str(manifest), "--index", "bogus"),
                          "'bogus'", "exact, faiss, auto")


# --------------------------------------------------------------- 5. manifest values

SOURCE = "store: ./store\nsources:\n  - name: shop\n    kind: shop\n    listings: [https://shop.example/]\n"


@pytest.mark.parametrize("line, where", [
    ('    javascript: ["("]', r":6: sources\.0\.javascript: '\(' is not a valid regular expression"),
    ('    javascript: ["a{99999999999}"]', r":6: sources\.0\.javascript: .*not a valid regular expression"),
    ('    follow: {allow: ["a{99999999999}"]}', r":6: sources\.0\.follow\.allow: .*not a valid regular expression"),
    ("    recrawl_every: 99999999999999w", r":6: sources\.0\.recrawl_every: 99999999999999w is too long"),
    ("    recrawl_every: .inf", r":6: sources\.0\.recrawl_every: .*too long"),
    ("    recrawl_every: -5", r":6: sources\.0\.recrawl_every: -5 is negative"),
    ("    recrawl_every: true", r":6: sources\.0\.recrawl_every: expected a duration"),
    ("    politeness: {delay: .inf}", r":6: sources\.0\.politeness\.delay: .*finite"),
    ("    politeness: {max_retry_after: 1e300}", r":6: sources\.0\.politeness\.max_retry_after: .*less than"),
    ("    politeness: {autothrottle_target: .inf}", r":6: sources\.0\.politeness\.autothrottle_target: .*finite"),
    ('    selectors: {price: "div["}', r":6: sources\.0\.selectors: price: 'div\[' is not a CSS selector"),
    ('    post_selectors: {item: "a::attr("}', r":6: sources\.0\.post_selectors: item: .*is not a CSS selector"),
    ("    recheck_links_every: -1d", r":6: sources\.0\.recheck_links_every: expected a duration"),
    ("    limits: {max_pages: 0}", r":6: sources\.0\.limits\.max_pages: .*greater than or equal to 1"),
])
def test_manifest_value_mistakes_name_file_line_and_field(tmp_path, line, where):
    import re

    from street2shop.core.manifest import ManifestError, load_manifest

    path = tmp_path / "bad.yaml"
    path.write_text(SOURCE + line + "\n")
    with pytest.raises(ManifestError) as err:
        load_manifest(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:") and "\n" not in msg and re.search(where, msg), msg


def test_manifest_check_reports_a_bad_regex_as_one_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(SOURCE + '    javascript: ["("]\n')
    assert_one_line_error(cli("manifest", "check", str(path)), f"{path}:6: sources.0.javascript")


# --------------------------------------------------------------- 6. the manifest's detector

@pytest.fixture(scope="module")
def detector_weights(tmp_path_factory) -> Path:
    """A small random Faster R-CNN (MobileNetV3) saved by the real path: its garment scores are
    near 1/14, so a threshold under that keeps boxes and the default 0.3 keeps none."""
    torch = pytest.importorskip("torch")
    from street2shop.pipeline.detectors import create_detector

    torch.manual_seed(0)
    det = create_detector("frcnn-mobilenet-v3", device="cpu", min_size=128, max_size=128)
    return Path(det.save(tmp_path_factory.mktemp("detector") / "df2-mnv3.pt"))


def test_detector_keeps_the_score_threshold_it_was_created_with(detector_weights):
    from PIL import Image

    from street2shop.pipeline.detectors import DetectorError, create_detector

    images = [Image.open(io.BytesIO(jpeg(i))) for i in (1, 2)]
    loose = create_detector("frcnn-mobilenet-v3", weights=str(detector_weights), device="cpu", score_threshold=0.05)
    found = loose.detect(images)
    assert all(found) and all(d.score >= 0.05 for dets in found for d in dets)
    assert loose.detect(images, score_threshold=0.5) == [[], []]  # a call's own threshold still wins
    default = create_detector("frcnn-mobilenet-v3", weights=str(detector_weights), device="cpu")
    assert default.score_threshold == 0.3 and default.detect(images) == [[], []]
    with pytest.raises(DetectorError, match="score_threshold 1.5"):
        create_detector("frcnn-mobilenet-v3", weights=str(detector_weights), score_threshold=1.5)


@pytest.mark.slow  # two CLI runs that load torch (about 20 s here)
def test_manifest_detector_builds_and_searches_with_its_threshold(tmp_path, encoder_spec, detector_weights):
    from PIL import Image

    from street2shop.pipeline.detectors import create_detector

    store = _shop_store(tmp_path / "store")
    manifest = _manifest(tmp_path / "m.yaml", tmp_path / "store", encoder=encoder_spec, detector={
        "spec": "frcnn-mobilenet-v3", "weights": str(detector_weights), "score_threshold": 0.05})
    build = cli("catalog", "build", str(manifest))
    assert build.returncode == 0, build.stderr[-3000:]
    version = store.read_json("catalog/CURRENT")["version"]
    items = store.read_table("catalog_items", under=f"catalog/versions/{version}/items").to_pylist()
    detected = [i for i in items if not i["whole_image"]]
    assert detected, "the manifest's threshold (under the default 0.3) reached the detector"
    assert all(i["detection_score"] >= 0.05 and i["category"] for i in detected)
    assert store.read_json(f"catalog/versions/{version}/version.json")["detector"] != "random-init"

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg(3))
    search = cli("catalog", "search", str(manifest), str(photo), "-k", "2")
    assert search.returncode == 0, search.stderr[-3000:]
    assert "photo.jpg: category" in search.stdout and "Coat" in search.stdout

    strict = create_detector("frcnn-mobilenet-v3", weights=str(detector_weights), device="cpu", score_threshold=0.5)
    assert strict.detect([Image.open(io.BytesIO(jpeg(3)))]) == [[]]


def test_manifest_detector_weights_that_are_not_a_model(tmp_path, encoder_spec):
    from street2shop.pipeline.detectors import DetectorError, create_detector

    text = tmp_path / "weights.pt"
    text.write_text("not a model, just text\n")
    _shop_store(tmp_path / "store", n=1)
    manifest = _manifest(tmp_path / "m.yaml", tmp_path / "store", encoder=encoder_spec,
                         detector={"spec": "frcnn-mobilenet-v3", "weights": str(text), "score_threshold": 0.5})
    assert_one_line_error(cli("catalog", "build", str(manifest)), f"cannot load detector weights {text}")
    noise = tmp_path / "noise.pt"
    noise.write_bytes(os.urandom(4096))
    with pytest.raises(DetectorError, match=f"cannot load detector weights {noise}"):
        create_detector("frcnn-mobilenet-v3", weights=str(noise), score_threshold=0.5)


# --------------------------------------------------------------- 7. broken lines in an ingest URL list

BAD_URLS = [
    "http://[::1",  # unparsable
    "http://shop.invalid/a coat.jpg",  # a space
    "http://shop.invalid/a\x01.jpg",  # a control character
    "ftp://shop.invalid/a.jpg",  # not http(s)
    "http://" + "a" * 64 + ".invalid/a.jpg",  # a host label IDNA cannot encode
    "http://a..b.invalid/a.jpg",  # an empty host label
    "http://shop.invalid:99999/a.jpg",  # a port out of range
]


def test_ingest_gives_each_broken_line_its_status_and_ingests_the_rest(tmp_path):
    with Site() as site:
        site.page("/a.jpg", jpeg(1), content_type="image/jpeg")
        site.page("/b.jpg", jpeg(2), content_type="image/jpeg")
        good = [site.url("/a.jpg"), site.url("/b.jpg")]
        lines = [good[0], *BAD_URLS, good[1]]
        url_list = tmp_path / "urls.txt"
        url_list.write_text("\n".join(["# one broken line must not cost the others", *lines]) + "\n")
        manifest = _manifest(tmp_path / "m.yaml", tmp_path / "store")
        result = cli("ingest", str(manifest), str(url_list), "--allow-private-addresses", "-q", "--delay", "0")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert f"bad_url {len(BAD_URLS)}, ok 2" in result.stdout, result.stdout
    rows = Store(tmp_path / "store").read_table("images").to_pylist()
    assert sorted(r["first_url"] for r in rows) == sorted(good)
