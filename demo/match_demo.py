"""The matching half of `street2shop demo`: after the crawl, build the catalog with the offline
default encoder (and, as the baseline it must beat, with a randomly initialised one), find the
garments of the blog's street images with the catalog's default detector, match the images and
a short video made from them, and show how good that is against the posts' own links, next to
chance, the random encoder and the whole frame; then write the HTML report."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rich.console import Console

from street2shop.core.console import DataTable
from street2shop.core.store import Store
from street2shop.demo.clip import make_clip
from street2shop.demo.site.blog_images import render_scene
from street2shop.pipeline.catalog import build_catalog, open_catalog
from street2shop.pipeline.detectors.bootstrap import default_detector
from street2shop.pipeline.detectors.categories import category_from_text
from street2shop.pipeline.detectors.fallback import whole_image_detection
from street2shop.pipeline.detectors.recall import garment_recall
from street2shop.pipeline.encoders import create_encoder
from street2shop.pipeline.match_inputs import MatchInput
from street2shop.pipeline.match_report import write_report
from street2shop.pipeline.match_run import run_match
from street2shop.pipeline.matcher import Matcher
from street2shop.pipeline.pairs_eval import KS, catalog_urls, evaluate_pairs, street_pairs

IMAGE_SIZE = 224


def run_matching(console: Console, store: Store, blog, out: Path) -> None:
    console.print("[bold]catalog[/]: the crawled listings embedded twice, with the offline default encoder "
                  "and, as a baseline, the same network with random weights")
    random_version = build_catalog(store, encoder=create_encoder("random-offline"), image_size=IMAGE_SIZE).version
    built = build_catalog(store, encoder=create_encoder("default-offline"), image_size=IMAGE_SIZE)
    catalog = open_catalog(store, built.version)
    baseline = open_catalog(store, random_version)
    console.print(f"catalog version {built.version}: {built.items} items; baseline version {random_version}")

    detector = default_detector(catalog, progress=lambda line: console.print(f"  {line}"))
    show_garment_recall(console, blog, detector)

    images, _ = street_pairs(store, catalog_urls(catalog))
    trained = Matcher(catalog, create_encoder(catalog.meta["encoder_spec"]), detector, k=max(KS))
    rows = [evaluate_pairs(trained, images, "default-offline encoder, default detector"),
            evaluate_pairs(Matcher(catalog, trained.encoder, None, k=max(KS)), images,
                           "default-offline encoder, whole frame"),
            evaluate_pairs(Matcher(baseline, create_encoder("random-offline"), detector, k=max(KS)), images,
                           "random encoder, default detector")]
    table = DataTable(f"matching the blog's street images ({rows[0].pairs} pairs: a post's image and the "
                      "listing its exact link leads to)", ["catalog + matcher", "top-1", "top-10", "mAP"])
    for r in rows:
        table.add_row(r.label, f"{r.top[1]:.3f}", f"{r.top[10]:.3f}", f"{r.mean_ap:.3f}")
    table.add_row(f"chance (1 of {rows[0].catalog_products} products)", f"{rows[0].chance[1]:.3f}",
                  f"{rows[0].chance[10]:.3f}", "")
    console.print(table)

    folder = out / "street-images"
    folder.mkdir(parents=True, exist_ok=True)
    inputs = []
    for image in images:
        path = folder / f"{Path(image.post_url.rstrip('/')).name}-{image.position}.jpg"
        path.write_bytes(store.read_bytes(image.path))
        inputs.append(MatchInput(str(path), "image", str(path)))
    clip = make_clip(out / "episode.mp4", [_photo(store, im.path) for im in images[:6]], seconds_each=2.0, fps=10)
    inputs.append(MatchInput(str(clip), "video", str(clip)))
    summary = run_match(trained, inputs, out / "results", store=store)
    show_top_matches(console, out / "results")
    timings = summary.timings
    console.print(f"matched {summary.matched} inputs ({len(images)} street images and a "
                  f"{len(images[:6]) * 2} s video: {summary.frames} frames sampled, {summary.frames_skipped} "
                  f"near-identical skipped): {summary.garments} garments in {summary.seconds:.1f} s; "
                  + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    page = write_report(out / "results", store, title="street2shop demo: the blog's street images matched")
    console.print(f"report: {page}")


def _photo(store: Store, path: str):
    from street2shop.pipeline import normalise as norm  # noqa: PLC0415

    return norm.load_image(store.read_bytes(path))


def blog_garment_recall(blog, detector):
    """(the detector's GarmentRecall, the whole frame's, images) on the blog's street scenes,
    whose true garment boxes the fixture knows."""
    photos, truth = [], []
    for post in blog.posts:
        for k in range(len(post.street_images)):
            image, masks = render_scene(blog, post, k)
            boxes = []
            for index, mask in masks.items():
                ys, xs = np.nonzero(mask)
                if len(xs) >= 50:
                    boxes.append(((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1),
                                  category_from_text(post.items[index].kind)))
            photos.append(image)
            truth.append(boxes)
    return (garment_recall(detector.detect(photos), truth),
            garment_recall([[whole_image_detection(p)] for p in photos], truth), len(photos))


def show_garment_recall(console: Console, blog, detector) -> None:
    found, whole, images = blog_garment_recall(blog, detector)
    console.print(f"garments found in the blog's {images} street scenes ({found.garments} garments): box recall "
                  f"at IoU 0.5 {found.recall:.3f} (whole frame {whole.recall:.3f}), category right on "
                  f"{found.category_accuracy:.3f} of those found (in the top two {found.category_top2_accuracy:.3f}), "
                  f"{found.detections / images:.1f} boxes an image")


def show_top_matches(console: Console, results: Path) -> None:
    from street2shop.pipeline.match_run import read_jsonl  # noqa: PLC0415

    table = DataTable("top matches (a few garments)", ["input", "garment", "1st listing", "score", "price",
                                                       "availability"])
    for record in list(read_jsonl(results / "matches.jsonl"))[:8]:
        top = record["hits"][0] if record["hits"] else {}
        table.add_row(Path(record["input"]).name, record["category_name"] or "whole frame", top.get("name") or "",
                      f"{top.get('score', 0):.3f}", f"{top.get('price') or ''} {top.get('currency') or ''}",
                      top.get("availability") or "")
    console.print(table)
