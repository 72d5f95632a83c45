"""The human half of a dataset card: what is in it, how it was cleaned, how to load it.
The YAML half (configs, features, split sizes, provenance) is `layout.card_metadata`."""

from __future__ import annotations


def _escape(text) -> str:
    """Card text comes partly from crawled pages: keep it from being read as Markdown or HTML."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def body(name: str, sizes: dict, cleaning, skipped: dict, extra: dict, notes: dict[str, str]) -> str:
    lines = [f"# {_escape(name)}", "",
             "Street-to-shop pairs: a garment as worn in a TV show (a photo from a show-fashion blog post and "
             "the garment's box in it) and the shop listing the post links it to (the listing's full-product "
             "image, its other images, brand and price at crawl time). Built by "
             "[street2shop](https://github.com/street2shop) `dataset build`.", "",
             "## Configs and splits", "",
             "| config | split | pairs |", "|---|---|---|"]
    for config, splits in sizes.items():
        for split, size in splits.items():
            lines.append(f"| {config} | {split} | {size['num_examples']} |")
    lines += ["", "`exact` pairs come from links the post gives as the item itself; `similar` pairs from "
              "\"similar\" / \"get the look\" links. They are separate configs and never mixed.", "",
              f"Splits are drawn by product (seed {extra.get('seed')}): a product, every listing the catalog "
              "finds to be the same product, and every image that is a near duplicate of one of its images "
              "are in one split only, across shops; groups are stratified by category.", "",
              "## Cleaning", "", "| step | rows | what |", "|---|---|---|"]
    for step, note in notes.items():
        if cleaning.steps.get(step):
            lines.append(f"| {step} | {cleaning.steps[step]} | {note} |")
    if skipped:
        lines += ["", "Links not used: " + ", ".join(f"{_escape(k)} {v}" for k, v in sorted(skipped.items())) + "."]
    lines += ["", "## Provenance", "",
              f"Crawled {extra.get('crawled_from')} to {extra.get('crawled_to')} from "
              f"{len(extra.get('blogs') or [])} blog(s) and {len(extra.get('shops') or [])} shop(s); catalog "
              f"version {extra.get('catalog_version')}, garments found by {_escape(extra.get('detector'))}. "
              "Every row keeps its post and listing URLs and crawl dates. Records on the opt-out list "
              f"({extra.get('opt_out_entries', 0)} entries when built) are left out of every build.", "",
              "## Loading", "", "```python", "from datasets import load_dataset",
              'pairs = load_dataset("path/to/this/folder", "exact")', 'row = pairs["train"][0]',
              'crop = row["street_image"].crop(row["street_box"])  # the garment as worn',
              'shop = row["shop_image"]', "```", ""]
    return "\n".join(lines)
