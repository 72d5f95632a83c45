"""Manifests: valid ones load with defaults; wrong ones give one error naming file, line and field."""

from datetime import timedelta
from pathlib import Path

import pytest

from street2shop.core.manifest import ManifestError, load_manifest, parse_manifest, parse_duration

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
store: ./store
sources:
  - name: shop-a
    kind: shop
    sitemaps: [https://a.example/sitemap.xml]
    listings:
      - https://a.example/c/dresses
    recrawl_every: 6h
    politeness:
      delay: 2
  - name: shop-b
    kind: shop
    products: [http://b.example/p/1]
    javascript: ["/js/"]
"""


def test_good_manifest_defaults(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(GOOD)
    m = load_manifest(path)
    a, b = m.sources
    assert a.allowed_domains == ["a.example"]
    assert a.recrawl_every == timedelta(hours=6)
    assert a.politeness.delay == 2 and a.politeness.obey_robots is True
    assert a.allow_private_addresses is False
    assert m.store_url == str((tmp_path / "store").resolve())
    assert b.needs_javascript("http://b.example/js/p/1") and not b.needs_javascript("http://b.example/p/1")
    assert m.source("shop-b") is b
    with pytest.raises(ManifestError, match="no source named 'nope'"):
        m.source("nope")


def test_fsspec_store_url_kept():
    m = parse_manifest(GOOD.replace("./store", "memory://bucket/s2s"))
    assert m.store_url == "memory://bucket/s2s"


@pytest.mark.parametrize("text, where", [
    (GOOD.replace("delay: 2", "delay: -1"), r":10: sources\.0\.politeness\.delay: .*greater than or equal to 0"),
    (GOOD.replace("kind: shop\n    products", "kind: shoop\n    products"), r":12: sources\.1\.kind: "),
    (GOOD.replace("recrawl_every: 6h", "recrawl_every: often"), r":8: sources\.0\.recrawl_every: .*duration"),
    (GOOD.replace("sitemaps: [https://a.example/sitemap.xml]", "sitemaps: [a.example/sitemap.xml]"),
     r":5: sources\.0\.sitemaps\.0: .*not an http\(s\) URL"),
    (GOOD.replace("    listings:", "    listngs:"), r":6: sources\.0\.listngs: Extra inputs are not permitted"),
    (GOOD.replace("store: ./store\n", ""), r":1: store: Field required"),
    ("store: x\nsources:\n  - name: a\n    kind: shop\n", r":3: sources\.0: a source needs at least one start point"),
    ("store: [unclosed\n", r": not valid YAML"),
    ("- just\n- a list\n", r":1: a manifest is a mapping"),
])
def test_bad_manifest_names_file_line_field(tmp_path, text, where):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ManifestError) as err:
        load_manifest(path)
    msg = str(err.value)
    assert msg.startswith(str(path)), msg
    assert "\n" not in msg
    import re
    assert re.search(where, msg), msg


def test_missing_file():
    with pytest.raises(ManifestError, match="no such manifest file"):
        load_manifest("/nonexistent/m.yaml")


def test_durations():
    assert parse_duration("90s") == timedelta(seconds=90)
    assert parse_duration("2w") == timedelta(weeks=2)
    assert parse_duration(30) == timedelta(seconds=30)
    with pytest.raises(ValueError):
        parse_duration("1 fortnight")


def test_shipped_manifests_are_valid():
    paths = sorted((ROOT / "manifests").glob("*.yaml"))
    assert paths, "manifests/ ships at least one example"
    for p in paths:
        load_manifest(p)
