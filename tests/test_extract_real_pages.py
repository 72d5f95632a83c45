"""Accuracy of street2shop.crawler.extract on saved real product pages.

The pages live outside the repository, in ``../shared/fixtures/product-pages``
beside the checkout (the CI clones the repo next to ``shared``); the test is
skipped when that folder is missing.  Nothing from there is copied here.

Comparison rules (ground truth follows the source projects' conventions):

* name / brand: case- and whitespace-insensitive; name also passes when one
  contains the other (shops add or drop a colour suffix);
* price: ``Decimal`` equality; currency: exact ISO code when the truth has one;
* images: fraction of ground-truth images found.  URLs are compared on path
  (+ query when the truth has one), ignoring host and scheme, because green-db
  rewrote some hosts to ``*.mock`` and truncated the path after the image id;
  an extracted URL whose path *extends* the truth path (same image id plus a
  slug) counts.  CDN size modifiers like ``._AC_SX679_`` are dropped on both
  sides, since the truth lists the bare image and pages show sized variants.
* metascraper-shopping only has prices.  ``null`` means "page gives no price":
  potterybarn (item no longer available) must give None.  globalindustrial is
  excluded: its null is metascraper failing ("NaN" test), while the page
  visibly shows "Price: $165.95".  wayfair has no ground truth.
* the ASOS fixture is a JSON API response, not HTML; ``extract_product``
  supports JSON product documents, so it is scored like the others.
"""
from __future__ import annotations

import gzip
import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from street2shop.crawler.extract import extract_product

FIXTURES = Path(__file__).resolve().parents[1] / ".." / "shared" / "fixtures" / "product-pages"

EXCLUDED_PRICE = {
    "globalindustrial.html": "ground truth null is metascraper's NaN; the page shows $165.95",
    "wayfair.html": "no ground truth",
}

# Floors at what the extractor reaches today (see the printed table); price is the
# contractual >= 90 %.
FLOORS = {"price": 0.90, "currency": 0.95, "name": 0.95, "brand": 0.95, "images": 0.90}

_MODIFIER = re.compile(r"\._[A-Za-z0-9,_+\-]+_(?=\.[a-z]{3,4}$)")


def _norm_text(s) -> str:
    return re.sub(r"\s+", " ", str(s or "")).strip().casefold()


def _img_key(u: str) -> tuple[str, str]:
    if "://" not in u and not u.startswith("//"):
        u = "//" + u
    parts = urlsplit(u)
    return _MODIFIER.sub("", unquote(parts.path)), parts.query


def image_fraction(truth: list[str], got: list[str]) -> float:
    if not truth:
        return 1.0
    got_keys = [_img_key(g) for g in got]
    hits = 0
    for t in truth:
        tp, tq = _img_key(t)
        for gp, gq in got_keys:
            if (gp == tp and (not tq or tq == gq)) or gp.startswith(tp.rstrip("/") + "/"):
                hits += 1
                break
    return hits / len(truth)


def _cases():
    if not FIXTURES.is_dir():
        return []
    out = []
    gd = FIXTURES / "green-db"
    for key, v in json.loads((gd / "ground-truth.json").read_text()).items():
        out.append(("green-db/" + key, gd / v["file"], v["url"], v))
    ms = FIXTURES / "metascraper-shopping"
    for key, v in json.loads((ms / "ground-truth.json").read_text()).items():
        out.append(("metascraper/" + key, ms / v["file"], v.get("url") or "https://www.example.com/", v))
    return out


def _score():
    rows = []
    for key, path, url, truth in _cases():
        rec = extract_product(gzip.decompress(path.read_bytes()), url)
        short = key.split("/", 1)[1]
        row = {"page": key, "got_price": rec.price, "want_price": truth.get("price")}
        if short in EXCLUDED_PRICE:
            row["excluded"] = EXCLUDED_PRICE[short]
        elif "price" in truth:
            want = truth["price"]
            if want is None:
                row["price"] = rec.price is None
            else:
                row["price"] = rec.price is not None and Decimal(rec.price) == Decimal(str(want))
        if truth.get("currency") and "excluded" not in row:
            row["currency"] = rec.currency == truth["currency"]
        if truth.get("name"):
            a, b = _norm_text(truth["name"]), _norm_text(rec.name)
            row["name"] = bool(b) and (a == b or a in b or b in a)
        if truth.get("brand"):
            row["brand"] = _norm_text(truth["brand"]) == _norm_text(rec.brand)
        if truth.get("image_urls"):
            row["images"] = image_fraction(truth["image_urls"], rec.images)
        rows.append(row)
    return rows


def _table(rows) -> tuple[str, dict]:
    fields = ["price", "currency", "name", "brand", "images"]
    lines = [f"{'page':58} " + " ".join(f"{f:>8}" for f in fields)]
    for r in rows:
        cells = []
        for f in fields:
            v = r.get(f)
            cells.append(f"{'-':>8}" if v is None else f"{v:8.2f}" if isinstance(v, float) and f == "images"
                         else f"{'ok' if v else 'FAIL':>8}")
        note = f"  (excluded: {r['excluded']})" if "excluded" in r else ""
        if r.get("price") is False:
            note += f"  got {r['got_price']} want {r['want_price']}"
        lines.append(f"{r['page'][:58]:58} " + " ".join(cells) + note)
    acc = {}
    for f in fields:
        vals = [float(r[f]) for r in rows if r.get(f) is not None]
        acc[f] = (sum(vals) / len(vals), len(vals)) if vals else (1.0, 0)
    lines.append(f"{'ACCURACY':58} " + " ".join(f"{acc[f][0]:8.3f}" for f in fields))
    lines.append(f"{'pages scored':58} " + " ".join(f"{acc[f][1]:8d}" for f in fields))
    return "\n".join(lines), acc


def test_real_pages_accuracy(capsys):
    if not FIXTURES.is_dir():
        pytest.skip(f"real-page fixtures not found at {FIXTURES} (expected ../shared beside the checkout)")
    rows = _score()
    assert rows, "no fixture pages found"
    table, acc = _table(rows)
    with capsys.disabled():
        print("\n=== product extraction accuracy on real pages ===\n" + table)
    for field, floor in FLOORS.items():
        assert acc[field][0] >= floor, f"{field} accuracy {acc[field][0]:.3f} < {floor}\n{table}"


def test_null_price_pages_give_no_price():
    if not FIXTURES.is_dir():
        pytest.skip(f"real-page fixtures not found at {FIXTURES}")
    path = FIXTURES / "metascraper-shopping" / "fixtures" / "potterybarn.html.gz"
    rec = extract_product(gzip.decompress(path.read_bytes()), "https://www.potterybarn.com/products/tully-brass-sconce/")
    assert rec.price is None
    assert rec.availability == "OutOfStock"


def test_image_url_comparison_rules():
    assert image_fraction(["https://i.otto.mock/i/otto/abc"], ["https://i.otto.de/i/otto/abc/slug.jpg?$f$"]) == 1.0
    assert image_fraction(["https://m.media-amazon.com/images/I/41q5.jpg"],
                          ["https://m.media-amazon.com/images/I/41q5._AC_US40_.jpg"]) == 1.0
    assert image_fraction(["https://x.com/p?set=a"], ["https://x.com/p?set=b"]) == 0.0
