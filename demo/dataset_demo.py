"""The dataset half of `street2shop demo`: the crawled pairs built into a street-to-shop dataset
(cleaned, split by product, Hugging Face layout) and verified, as `street2shop dataset build`
and `dataset verify` do."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from street2shop.core.console import DataTable
from street2shop.core.store import Store
from street2shop.dataset.build import STEP_NOTES, build_from_config
from street2shop.dataset.verify import verify
from street2shop.pipeline.catalog import open_catalog
from street2shop.pipeline.detectors.bootstrap import default_detector


def run_dataset(console: Console, store: Store, manifest) -> Path:
    catalog = open_catalog(store)
    detector = default_detector(catalog)  # trained and cached by the matching half
    out = Path(manifest.store_url) / "datasets" / manifest.dataset.name
    result = build_from_config(store, catalog, out, manifest.dataset, detector=detector,
                               base=manifest.path.parent if manifest.path else None)
    table = DataTable(f"dataset {out}", ["config", *next(iter(result.sizes.values()))])
    for config, splits in result.sizes.items():
        table.add_row(config, *[str(v["num_examples"]) for v in splits.values()])
    console.print(table)
    console.print("cleaning: " + ", ".join(f"{k} {v}" for k, v in result.cleaning.steps.items() if k in STEP_NOTES))
    verdict = verify(out)
    console.print(f"dataset verify: {verdict.rows} rows, {verdict.images} images: "
                  + ", ".join(f"{k} {v}" for k, v in verdict.checks.items() if k != "opt-out")
                  + f"; load it with datasets.load_dataset({str(out)!r}, 'exact')")
    return out
