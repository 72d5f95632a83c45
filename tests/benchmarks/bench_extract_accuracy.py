"""Extraction accuracy (issue 14): field F1 of ``extract_product`` on hand-checked real shop
pages, beside what a user would pick instead, extruct + price-parser, in the same run.

    python tests/benchmarks/bench_extract_accuracy.py [--passes 5]

The scorer, the pages and the protocol are ``extract_score.py``'s (``tests/fixtures/real_pages``,
split dev / heldout, plus ``../shared/fixtures/product-pages`` when present); its
``--baseline`` prints the same comparison without recording it. Both extractors get the page's
bytes and URL; the time is per page (decode, parse and extract), warm, the median of
``passes`` runs per page, then the median over all pages. The targets are on the heldout
split, the one nobody tunes on. Appends the run to docs/benchmark-runs.jsonl.
"""

from __future__ import annotations

import argparse
import math
import sys

import extract_score as es
from results import record

#: heldout F1 targets of issue 14, in the order the row shows them
TARGETS = {"price": 0.93, "sku": 0.88, "availability": 0.97, "oos pages": 0.75, "brand": 0.88}
MAX_MEDIAN_MS = 20.0
SHOWN = {"oos pages": "out-of-stock"}


def _f1s(result: dict) -> dict:
    return {g: data["fields"] for g, data in result["groups"].items()}


def _cut(f1: float) -> str:
    """Three places, cut rather than rounded: 0.9697 rounded reads "0.970", as if it met a 0.97 target it misses."""
    return f"{math.floor(f1 * 1000) / 1000:.3f}"


def _headline(label: str, result: dict) -> str:
    held = result["groups"]["heldout"]["fields"]
    return f"{label}, heldout F1 " + " / ".join(f"{SHOWN.get(f, f)} {_cut(held[f]['f1'])}" for f in TARGETS)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=5, help="timed warm runs per page (median taken)")
    args = ap.parse_args()
    if not (es.FIXTURES / "truth.json").is_file():
        print(f"no fixtures at {es.FIXTURES}", file=sys.stderr)
        return 2
    ours = es.run("all", timing=True, passes=args.passes)
    base = es.run("all", timing=True, passes=args.passes, extractor="baseline")
    print(es.table_vs(ours, base))
    held = ours["groups"]["heldout"]["fields"]
    misses = [f"{SHOWN.get(f, f)} {held[f]['f1']:.4f} < {t}" for f, t in TARGETS.items() if held[f]["f1"] < t]
    if ours["timing"]["median_ms"] > MAX_MEDIAN_MS:
        misses.append(f"median {ours['timing']['median_ms']} ms > {MAX_MEDIAN_MS:g} ms")
    print("targets " + ("met" if not misses else "missed: " + ", ".join(misses)))
    target = ("heldout F1 " + ", ".join(f"{SHOWN.get(f, f)} >= {t}" for f, t in TARGETS.items())
              + f"; median page <= {MAX_MEDIAN_MS:g} ms")
    record("extract_accuracy",
           figure={"name": _headline("street2shop", ours), "value": ours["timing"]["median_ms"],
                   "unit": "ms/page median"},
           baseline={"name": _headline("extruct + price-parser", base), "value": base["timing"]["median_ms"],
                     "unit": "ms/page median"},
           target=target, met=not misses,
           details={"pages": {g: es._npages(ours, g) for g in ours["groups"]},
                    "f1": {"ours": _f1s(ours), "baseline": _f1s(base)},
                    "timing": {"ours": ours["timing"], "baseline": base["timing"], "passes": args.passes},
                    "oos_false_alarms": {name: {g: d["oos_false_alarms"] for g, d in r["groups"].items()
                                                if "oos_false_alarms" in d}
                                         for name, r in (("ours", ours), ("baseline", base))},
                    "misses": misses})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
