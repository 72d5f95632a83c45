"""Field-level accuracy of the product extractor on real saved shop pages (issue 14).

    python tests/benchmarks/extract_score.py [--split dev|heldout|all] [--json] [--time] [--misses] [--baseline]
                                             [--dom-only]

Runs ``street2shop.crawler.extract.extract_product`` on every page of
``tests/fixtures/real_pages`` (hand-checked truth in ``truth.json``, sources and licences in
``SOURCES.md``) and scores each field with the usual extraction-benchmark protocol:

* a right answer is a true positive (TP);
* a wrong non-empty answer is both a false positive and a false negative (FP + FN);
* an empty answer where the truth has a value is a FN;
* any answer where the truth is null is a FP (an empty one there counts nothing);
* F1 = 2TP / (2TP + FP + FN).

Comparison rules: ``price`` as ``Decimal``; ``currency`` exact ISO code (case-insensitive);
``sku``, ``brand``, ``name`` case- and whitespace-insensitive (NFKC), ``sku`` also ignoring
surrounding punctuation. A truth value that is a list accepts any of its members (the page's
``note`` in truth.json says why). ``availability`` is binary: OutOfStock, SoldOut and
Discontinued read as OutOfStock (the set the blog spider calls sold out), anything else,
None included, as InStock; "oos pages" is the availability F1 on the pages whose truth is
OutOfStock alone (positive class OutOfStock, so FP are impossible there; ``oos_false_alarms``
counts in-stock pages called out of stock, for information).

A "shared" group scores the pages of ``../shared/fixtures/product-pages`` beside the checkout
when present: price, brand and name with the rules and truth of
``tests/test_extract_real_pages.py`` (its functions are imported, not copied; name matches
when one contains the other), availability and sku with our own hand-read labels
(``tests/fixtures/shared_page_labels.json``); pages without a truth for a field are not scored
for it.

``--time`` adds the median and p90 milliseconds of ``extract_product`` (parse + extract) per
page, measured on a second, warm pass. ``--misses`` lists every wrong or missing answer of the
dev and shared pages; heldout misses only with ``--split heldout --misses`` (look at them after
a change is finished, not while tuning it).

``--dom-only`` scores the same pages with their structured markup taken out (``strip_markup``):
the page-reading rules alone, as on a shop without structured data. Truth that only the markup
gave (a code or stock state the page does not print) is then out of reach, so these figures sit
below the full ones by design; they guard the page-reading rules against regressions.

``--baseline`` scores (and with ``--time`` times) what a user would write instead, extruct
(JSON-LD, microdata, OpenGraph) + price-parser (``baseline_extract``), by the same protocol, and
prints its F1 beside ours. ``bench_extract_accuracy.py`` records both as a benchmark run.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import string
import sys
import time
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import SimpleNamespace

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "real_pages"
FIELDS = ("price", "currency", "sku", "availability", "brand", "name")
SHARED_FIELDS = ("price", "brand", "name", "availability", "sku")
# Our own hand-read labels for the ../shared pages (availability and sku, which their source
# projects' truth lacks); the pages themselves stay in ../shared.
SHARED_LABELS = TESTS / "fixtures" / "shared_page_labels.json"
SOLD_OUT = frozenset({"OutOfStock", "SoldOut", "Discontinued"})
_PUNCT = string.punctuation + string.whitespace


# --- comparison -----------------------------------------------------------------------------

def _text(value) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()


def _norm(field: str, value):
    """The comparable form of an answer or truth value, or None when it is empty."""
    if value is None:
        return None
    if field == "price":
        try:
            return Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            return None
    s = _text(value)
    if field == "sku":
        s = s.strip(_PUNCT)
    return s or None


def _availability(value) -> str:
    return "OutOfStock" if value in SOLD_OUT else "InStock"


def judge(field: str, truth, answer) -> str:
    """One of "tp", "wrong" (FP + FN), "fn", "fp", "tn" for one field of one page."""
    if field == "availability":
        return "tp" if _availability(answer) == truth else "wrong"
    accepted = truth if isinstance(truth, list) else [truth]
    accepted = [a for a in (_norm(field, t) for t in accepted) if a is not None]
    got = _norm(field, answer)
    if not accepted:
        return "tn" if got is None else "fp"
    if got is None:
        return "fn"
    return "tp" if got in accepted else "wrong"


class Counts:
    __slots__ = ("tp", "fp", "fn", "n")

    def __init__(self):
        self.tp = self.fp = self.fn = self.n = 0

    def add(self, verdict: str) -> None:
        self.n += 1
        if verdict == "tp":
            self.tp += 1
        elif verdict == "wrong":
            self.fp += 1
            self.fn += 1
        elif verdict == "fn":
            self.fn += 1
        elif verdict == "fp":
            self.fp += 1

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 1.0 if d == 0 else 2 * self.tp / d

    def as_dict(self) -> dict:
        return {"f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn, "pages": self.n}


def _extract():
    from street2shop.crawler.extract import extract_product
    return extract_product


# --- the baseline: extruct + price-parser -------------------------------------------------

_BASELINE_SYNTAXES = ["json-ld", "microdata", "opengraph"]


def baseline_extract(body: bytes, url: str) -> SimpleNamespace:
    """The usual extruct + price-parser recipe, as the crawl benchmark's Scrapy spider reads a
    page: decode as Scrapy's ``response.text`` does, take the first schema.org Product of any
    syntax, its (first) offer's price, currency, availability and sku (the product's sku first),
    its brand and name; og:/product:price:amount and og:title when the Product lacks them.
    Nothing in it is fitted to the truth of these pages."""
    import extruct
    from extruct_recipe import first, main_offer, plain, products
    from price_parser import Price
    from w3lib.encoding import html_to_unicode

    _, text = html_to_unicode(None, body)
    data = extruct.extract(text, base_url=url, syntaxes=_BASELINE_SYNTAXES, uniform=True, errors="ignore")
    product = next(iter(products(data)), {})
    offer = main_offer(product)
    og = first(data.get("opengraph")) or {}
    amount = plain(offer.get("price") or offer.get("lowPrice")) or og.get("og:price:amount") \
        or og.get("product:price:amount") or ""
    price = Price.fromstring(str(amount))
    availability = plain(offer.get("availability"))
    return SimpleNamespace(
        price=str(price.amount) if price.amount is not None else None,
        currency=plain(offer.get("priceCurrency")) or og.get("og:price:currency")
        or og.get("product:price:currency") or price.currency,
        sku=plain(product.get("sku")) or plain(offer.get("sku")),
        availability=availability.rstrip("/").rsplit("/", 1)[-1] if availability else None,
        brand=plain(product.get("brand")),
        name=plain(product.get("name")) or og.get("og:title"))


# --- the page-reading rules alone: the pages with their structured markup taken out ----------

_MARKUP_ATTRS = ("itemprop", "itemscope", "itemtype", "itemid", "typeof", "property", "vocab", "resource")


def strip_markup(body: bytes) -> bytes:
    """The page without JSON-LD, microdata, RDFa and OpenGraph/product meta tags: what shops
    without structured data (or with stale data) leave the page-reading rules to do."""
    import lxml.html
    from street2shop.crawler.extract.page import parse_html

    root = parse_html(body)
    for el in root.xpath('//script[contains(@type, "json")] | //meta[@property or @itemprop]'):
        el.getparent().remove(el)
    for el in root.xpath("//*[@itemprop or @itemscope or @itemtype or @typeof or @property]"):
        for a in _MARKUP_ATTRS:
            el.attrib.pop(a, None)
    # lxml writes a boolean attribute bare, whatever its value: a framework's rendered false on a link
    # ("<a class='btn' disabled='0'>Add to Cart</a>", no disabled state of its own) would come back as disabled
    for el in root.xpath("//*[@disabled='0' or @disabled='false']"):
        if el.tag not in ("button", "input", "select", "textarea", "fieldset", "option", "optgroup"):
            del el.attrib["disabled"]
    return lxml.html.tostring(root, encoding="utf-8")


def _extract_dom():
    extract_product = _extract()
    return lambda body, url: extract_product(strip_markup(body), url)


#: name -> a function returning the extractor, ``(body: bytes, url: str) -> record``
EXTRACTORS = {"ours": _extract, "baseline": lambda: baseline_extract, "dom": _extract_dom}


# --- the pages ------------------------------------------------------------------------------

def load_truth(fixtures: Path = FIXTURES) -> list[dict]:
    return json.loads((fixtures / "truth.json").read_text(encoding="utf-8"))["pages"]


def score_pages(pages: list[dict], fixtures: Path = FIXTURES, timing: bool = False,
                extractor: str = "ours", passes: int = 1) -> dict:
    """Extract every page and score it; returns fields -> Counts, the OOS metric and per-page rows."""
    extract_product = EXTRACTORS[extractor]()
    counts = {f: Counts() for f in FIELDS}
    oos, oos_false_alarms = Counts(), 0
    rows, bodies = [], []
    for page in pages:
        body = gzip.decompress((fixtures / page["file"]).read_bytes())
        bodies.append((body, page["url"]))
        rec = extract_product(body, page["url"])
        answers = {f: getattr(rec, f) for f in FIELDS}
        verdicts = {f: judge(f, page[f], answers[f]) for f in FIELDS}
        for f in FIELDS:
            counts[f].add(verdicts[f])
        if page["availability"] == "OutOfStock":
            oos.add("tp" if _availability(answers["availability"]) == "OutOfStock" else "fn")
        elif _availability(answers["availability"]) == "OutOfStock":
            oos_false_alarms += 1
        rows.append({"file": page["file"], "split": page["split"], "answers": answers,
                     "truth": {f: page[f] for f in FIELDS}, "verdicts": verdicts})
    out = {"fields": counts, "oos": oos, "oos_false_alarms": oos_false_alarms, "rows": rows}
    if timing:
        out["timing"] = _time(bodies, extract_product, passes)
    return out


def _time(bodies, extract_product, passes: int = 1) -> dict:
    """Per page the median of ``passes`` warm runs (they follow the scoring pass), then the
    median and p90 over the pages."""
    runs = [[] for _ in bodies]
    for _ in range(passes):
        for i, (body, url) in enumerate(bodies):
            t0 = time.perf_counter()
            extract_product(body, url)
            runs[i].append((time.perf_counter() - t0) * 1000)
    ms = sorted(statistics.median(r) for r in runs)
    return {"pages": len(ms), "median_ms": round(statistics.median(ms), 2),
            "p90_ms": round(ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))], 2)} if ms else {}


# --- the shared pages (tests/test_extract_real_pages.py's truth and rules) ------------------

def _real_pages_test_module():
    path = TESTS / "test_extract_real_pages.py"
    spec = importlib.util.spec_from_file_location("_street2shop_test_extract_real_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_shared(extractor: str = "ours") -> dict | None:
    """price / brand / name (the source projects' truth) and availability / sku (ours,
    ``SHARED_LABELS``) F1 on ../shared/fixtures/product-pages, or None when absent."""
    try:
        rp = _real_pages_test_module()
    except Exception:  # pragma: no cover - pytest missing or the test file moved
        return None
    if not rp.FIXTURES.is_dir():
        return None
    extract_product = EXTRACTORS[extractor]()
    counts = {f: Counts() for f in SHARED_FIELDS}
    ours = json.loads(SHARED_LABELS.read_text(encoding="utf-8"))["pages"] if SHARED_LABELS.is_file() else {}
    rows = []
    for key, path, url, truth in rp._cases():
        rec = extract_product(gzip.decompress(path.read_bytes()), url)
        short = key.split("/", 1)[1]
        labels = ours.get(path.relative_to(rp.FIXTURES).as_posix(), {})
        truth = {**truth, **{f: labels[f] for f in ("availability", "sku") if f in labels}}
        verdicts = {}
        if "price" in truth and short not in rp.EXCLUDED_PRICE:
            verdicts["price"] = judge("price", truth["price"], rec.price)
        if truth.get("brand"):
            verdicts["brand"] = judge("brand", rp._norm_text(truth["brand"]), rec.brand)
        if truth.get("name"):
            a, b = rp._norm_text(truth["name"]), rp._norm_text(rec.name)
            verdicts["name"] = "fn" if not b else "tp" if (a == b or a in b or b in a) else "wrong"
        if labels.get("availability"):
            verdicts["availability"] = judge("availability", labels["availability"], rec.availability)
        if "sku" in labels:
            verdicts["sku"] = judge("sku", labels["sku"], rec.sku)
        for f, v in verdicts.items():
            counts[f].add(v)
        rows.append({"file": key, "answers": {"price": rec.price, "brand": rec.brand, "name": rec.name,
                                              "availability": rec.availability, "sku": rec.sku},
                     "truth": {f: truth.get(f) for f in SHARED_FIELDS}, "verdicts": verdicts})
    return {"fields": counts, "rows": rows}


# --- the report -----------------------------------------------------------------------------

def run(split: str = "all", timing: bool = False, shared: bool = True, fixtures: Path = FIXTURES,
        extractor: str = "ours", passes: int = 1) -> dict:
    """Score the requested split(s) with one of ``EXTRACTORS``; "all" reports dev, heldout and
    both together."""
    pages = load_truth(fixtures)
    wanted = ["dev", "heldout"] if split == "all" else [split]
    result = {"extractor": extractor, "groups": {}}
    scored = score_pages([p for p in pages if p["split"] in wanted], fixtures, timing=timing,
                         extractor=extractor, passes=passes)
    for name in wanted + (["all"] if split == "all" else []):
        keep = {r["file"] for r in scored["rows"] if name == "all" or r["split"] == name}
        rows = [r for r in scored["rows"] if r["file"] in keep]
        result["groups"][name] = _regroup(rows)
    if timing:
        result["timing"] = scored["timing"]
    if shared:
        sh = score_shared(extractor)
        if sh is not None:
            result["groups"]["shared"] = {"fields": {f: c.as_dict() for f, c in sh["fields"].items()},
                                          "rows": sh["rows"]}
    return result


def _regroup(rows: list[dict]) -> dict:
    counts = {f: Counts() for f in FIELDS}
    oos, alarms = Counts(), 0
    for r in rows:
        for f in FIELDS:
            counts[f].add(r["verdicts"][f])
        got_oos = _availability(r["answers"]["availability"]) == "OutOfStock"
        if r["truth"]["availability"] == "OutOfStock":
            oos.add("tp" if got_oos else "fn")
        elif got_oos:
            alarms += 1
    fields = {f: c.as_dict() for f, c in counts.items()}
    fields["oos pages"] = oos.as_dict()
    return {"fields": fields, "oos_false_alarms": alarms, "pages": len(rows), "rows": rows}


def table(result: dict) -> str:
    groups = [g for g in ("dev", "heldout", "all", "shared") if g in result["groups"]]
    rows = list(FIELDS) + ["oos pages"]
    head = f"{'field':12} " + " ".join(f"{g + ' (' + str(_npages(result, g)) + ')':>22}" for g in groups)
    lines = [head, f"{'':12} " + " ".join(f"{'F1   tp/fp/fn':>22}" for _ in groups)]
    for f in rows:
        cells = []
        for g in groups:
            c = result["groups"][g]["fields"].get(f)
            cells.append(f"{'-':>22}" if c is None else
                         f"{c['f1']:.3f} {c['tp']:>3}/{c['fp']:>2}/{c['fn']:>2}".rjust(22))
        lines.append(f"{f:12} " + " ".join(cells))
    alarms = [f"{g}: {result['groups'][g]['oos_false_alarms']}" for g in groups if "oos_false_alarms" in result["groups"][g]]
    if alarms:
        lines.append("in-stock pages called out of stock: " + ", ".join(alarms))
    if "timing" in result:
        t = result["timing"]
        lines.append(f"extract_product per page (warm, {t['pages']} pages): median {t['median_ms']} ms, p90 {t['p90_ms']} ms")
    return "\n".join(lines)


def table_vs(ours: dict, base: dict) -> str:
    """F1 of ours beside the baseline's, per field and group."""
    groups = [g for g in ("dev", "heldout", "all", "shared") if g in ours["groups"] and g in base["groups"]]
    head = f"{'F1':12} " + " ".join(f"{g + ' (' + str(_npages(ours, g)) + ')':>17}" for g in groups)
    lines = [head, f"{'':12} " + " ".join(f"{'ours':>8} {'extruct':>8}" for _ in groups)]
    for f in list(FIELDS) + ["oos pages"]:
        cells = []
        for g in groups:
            a, b = ours["groups"][g]["fields"].get(f), base["groups"][g]["fields"].get(f)
            cells.append(f"{'-':>17}" if a is None or b is None else f"{a['f1']:>8.3f} {b['f1']:>8.3f}")
        lines.append(f"{f:12} " + " ".join(cells))
    alarms = [f"{g}: {ours['groups'][g]['oos_false_alarms']} / {base['groups'][g]['oos_false_alarms']}"
              for g in groups if "oos_false_alarms" in ours["groups"][g]]
    if alarms:
        lines.append("in-stock pages called out of stock, ours / extruct: " + ", ".join(alarms))
    for name, r in (("street2shop extract_product", ours), ("extruct + price-parser", base)):
        if "timing" in r:
            t = r["timing"]
            lines.append(f"{name} per page (warm, {t['pages']} pages): median {t['median_ms']} ms, p90 {t['p90_ms']} ms")
    return "\n".join(lines)


def _npages(result: dict, group: str) -> int:
    g = result["groups"][group]
    return g.get("pages", len(g.get("rows", [])))


def misses(result: dict, groups=("dev", "shared")) -> str:
    """Every wrong or missing answer of the named groups (heldout only when asked for by name:
    its pages are for checking a finished change, not for tuning one)."""
    out = []
    for g, data in result["groups"].items():
        if g not in groups:
            continue
        for r in data["rows"]:
            for f, v in r["verdicts"].items():
                if v in ("wrong", "fn", "fp"):
                    out.append(f"[{g}] {r['file']}: {f} {v}: got {r['answers'][f]!r}, want {r['truth'][f]!r}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON (per-page rows included)")
    ap.add_argument("--time", action="store_true", help="median and p90 ms per page, warm")
    ap.add_argument("--misses", action="store_true",
                    help="list the wrong or missing answers (dev and shared; heldout only with --split heldout)")
    ap.add_argument("--no-shared", action="store_true", help="skip ../shared/fixtures/product-pages")
    ap.add_argument("--baseline", action="store_true",
                    help="score extruct + price-parser too and print its F1 beside ours")
    ap.add_argument("--dom-only", action="store_true",
                    help="score the pages with their JSON-LD, microdata, RDFa and OpenGraph taken out")
    args = ap.parse_args(argv)
    if not (FIXTURES / "truth.json").is_file():
        print(f"no fixtures at {FIXTURES}", file=sys.stderr)
        return 2
    result = run(args.split, timing=args.time, shared=not args.no_shared,
                 extractor="dom" if args.dom_only else "ours")
    base = run(args.split, timing=args.time, shared=not args.no_shared, extractor="baseline") if args.baseline else None
    if args.json:
        print(json.dumps({**result, "baseline": base} if base else result, ensure_ascii=False, indent=1, default=str))
    else:
        print(table(result))
        if base:
            print("\n" + table_vs(result, base))
        if args.misses:
            print(misses(result, groups=("heldout",) if args.split == "heldout" else ("dev", "shared")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
