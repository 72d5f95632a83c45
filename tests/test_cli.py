"""The `street2shop` command line as a user meets it: output, exit codes, one-line errors."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

from crawl_helpers import cli

ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!doctype html><html lang="de"><head><title>Strickpullover</title>
<link rel="canonical" href="/p/strickpullover-123">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Strickpullover Wolle",
"brand":{"@type":"Brand","name":"Nordhav"},"sku":"NH-123","image":["/img/a.jpg","/img/b.jpg"],
"offers":{"@type":"Offer","price":"1299.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}};</script>
</head><body><h1>Strickpullover Wolle</h1><p class="price">1.299,00&nbsp;€</p><button>In den Warenkorb</button></body></html>"""


def test_extract_prints_the_record(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode()))
    result = cli("extract", str(page), "--url", "https://shop.example.de/p/x")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["name"] == "Strickpullover Wolle" and record["brand"] == "Nordhav"
    assert (record["price"], record["currency"], record["availability"]) == ("1299.00", "EUR", "InStock")
    assert record["images"] == ["https://shop.example.de/img/a.jpg", "https://shop.example.de/img/b.jpg"]
    assert record["canonical_url"] == "https://shop.example.de/p/strickpullover-123"
    assert record["is_product"] is True


def test_extract_does_not_import_torch(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    code = (
        "import sys\n"
        "from street2shop.cli import app\n"
        f"try:\n    app(['extract', {str(page)!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'torchvision', 'timm', 'open_clip', 'scrapy') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_user_mistakes_give_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("store: ./s\nsources:\n  - name: a\n    kind: shopp\n    products: [https://a.example/p]\n")
    for args, needle in [
        (["extract", str(tmp_path / "missing.html")], "missing.html: cannot read"),
        (["crawl", str(tmp_path / "nope.yaml")], "nope.yaml: no such manifest file"),
        (["crawl", str(bad)], "bad.yaml:4: sources.0.kind"),
        (["manifest", "check", str(bad)], "bad.yaml:4: sources.0.kind"),
    ]:
        result = cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_manifest_check_lists_sources():
    result = cli("manifest", "check", str(ROOT / "manifests" / "example-shop.yaml"))
    assert result.returncode == 0, result.stderr
    assert "example-shop (shop): 3 start point(s), domains shop.example.com" in result.stdout
