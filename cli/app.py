"""The one command line: `street2shop <verb>`.

Verbs import what they need inside their own body, so that a light verb such as
`extract` never pays for (or needs) the heavy ones' dependencies.
A user mistake (bad manifest, missing file, unusable store) ends with one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from street2shop.core.console import kinds

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Crawl shops and show-fashion blogs into a street-to-shop catalog.")
manifest_app = typer.Typer(no_args_is_help=True, help="Check manifests.")
app.add_typer(manifest_app, name="manifest")
catalog_app = typer.Typer(no_args_is_help=True, help="Build and search catalog versions.")
app.add_typer(catalog_app, name="catalog")
detector_app = typer.Typer(no_args_is_help=True, help="Train and evaluate the garment detector.")
app.add_typer(detector_app, name="detector")
store_app = typer.Typer(no_args_is_help=True, help="Look after a store.")
app.add_typer(store_app, name="store")


#: Exit statuses besides 0 (done) and 1 (a crawl that did not finish: resumed by the next run).
EXIT_USAGE = 2  # a user mistake: bad manifest, missing file, unusable store
EXIT_STORE_FAILED = 74  # EX_IOERR: the store could not be written (disk full, read-only)
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the store; a scheduler may simply try again later


@contextmanager
def store_errors():
    """A store that another run holds, that cannot be written or cannot be used: one line and
    the exit status that says which."""
    from street2shop.core.lock import StoreLocked
    from street2shop.core.store import StoreError, StoreWriteError

    try:
        yield
    except StoreLocked as exc:
        fail(str(exc), code=EXIT_LOCKED)
    except StoreWriteError as exc:
        fail(str(exc), code=EXIT_STORE_FAILED)
    except StoreError as exc:
        fail(str(exc))


def fail(message: str, code: int = EXIT_USAGE) -> None:
    from street2shop.core.console import plain

    typer.echo(f"street2shop: error: {plain(message)}", err=True)
    raise typer.Exit(code)


def _load(manifest_path: Path):
    from street2shop.core.manifest import ManifestError, load_manifest
    try:
        return load_manifest(manifest_path)
    except ManifestError as exc:
        fail(str(exc))


@app.command()
def extract(
    page: Annotated[Path, typer.Argument(help="a saved product page (.html or .html.gz)")],
    url: Annotated[Optional[str], typer.Option(help="the page's URL, for relative links")] = None,
) -> None:
    """Extract the product record from a saved page and print it as JSON."""
    from street2shop.crawler.extract import extract_product
    try:
        data = page.read_bytes()
    except OSError as exc:
        fail(f"{page}: cannot read ({exc.strerror or exc})")
    if data[:2] == b"\x1f\x8b":
        from street2shop.crawler.extract.page import PageTooLarge, gunzip
        from street2shop.crawler.settings import BASE_SETTINGS  # no Scrapy: plain settings values

        limit = BASE_SETTINGS["DOWNLOAD_MAXSIZE"]  # what the crawl takes for one page
        try:
            data = gunzip(data, limit)
        except PageTooLarge:
            fail(f"{page}: decompresses to more than {limit // 2**20} MiB, more than the crawl takes for a page; "
                 "give a saved page, not an archive")
        except ValueError as exc:
            fail(f"{page}: looks gzip-compressed but is not readable ({exc})")
    record = extract_product(data, url or page.resolve().as_uri())
    out = record.to_dict()
    out["is_product"] = record.is_product
    typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))


@manifest_app.command("check")
def manifest_check(manifest: Path) -> None:
    """Validate a manifest and list its sources."""
    m = _load(manifest)
    typer.echo(f"{manifest}: ok; store {m.store_url}")
    for s in m.sources:
        starts = len(s.start_urls)
        typer.echo(f"  {s.name} ({s.kind}): {starts} start point(s), domains {', '.join(s.allowed_domains)}"
                   f"{', javascript' if s.uses_browser else ''}")


@app.command()
def crawl(
    manifest: Annotated[Path, typer.Argument(help="the manifest YAML")],
    source: Annotated[Optional[list[str]], typer.Option("--source", "-s", help="only this source (repeatable)")] = None,
    due: Annotated[bool, typer.Option("--due", help="only sources whose recrawl interval has passed (for cron)")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress line")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scrapy's INFO log")] = False,
) -> None:
    """Crawl the manifest's sources into its store; resumes an interrupted crawl."""
    from street2shop.core.manifest import ManifestError

    m = _load(manifest)
    try:
        sources = [m.source(n) for n in dict.fromkeys(source)] if source else list(m.sources)
    except ManifestError as exc:
        fail(str(exc))
    if not sources:
        fail(f"{manifest}: no sources to crawl")
    from street2shop.core.store import Store
    from street2shop.crawler.jobs import is_due
    from street2shop.crawler.run import run_crawl
    with store_errors():
        if due:
            store = Store(m.store_url)
            waiting = [s.name for s in sources if not is_due(store, s)]
            sources = [s for s in sources if s.name not in waiting]
            if not sources:
                typer.echo(f"nothing is due ({', '.join(waiting)} crawled within their recrawl interval)")
                return
        summaries = run_crawl(m, sources, progress=not quiet, log_level="INFO" if verbose else "WARNING")
    from street2shop.crawler.summary import print_summary
    print_summary(summaries, m.store_url)
    fatal = next((s.fatal for s in summaries if s.fatal), None)
    if fatal:
        fail(f"{fatal} (what was written is kept; the next crawl resumes the job)", code=EXIT_STORE_FAILED)
    if any(s.finish_reason != "finished" for s in summaries):
        raise typer.Exit(1)


@app.command()
def ingest(
    manifest: Annotated[Path, typer.Argument(help="the manifest YAML (its store, User-Agent and contact)")],
    url_list: Annotated[Path, typer.Argument(help="a text file of image URLs, one per line (# comments; - for stdin)")],
    concurrency_per_domain: Annotated[Optional[int], typer.Option(
        min=1, max=64, help="requests at once to one host (default: the polite default, 4)")] = None,
    delay: Annotated[Optional[float], typer.Option(
        min=0, help="seconds between requests to one host (default: the polite default, 0.5)")] = None,
    autothrottle: Annotated[bool, typer.Option(help="adapt the delay to the hosts' response times")] = True,
    allow_private_addresses: Annotated[bool, typer.Option(help="allow loopback/private targets")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress line")] = False,
) -> None:
    """Ingest images from a URL list (no pages): fetched, checked and stored as a crawl would."""
    m = _load(manifest)
    try:
        text = sys.stdin.read() if str(url_list) == "-" else url_list.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{url_list}: cannot read the URL list ({getattr(exc, 'strerror', None) or exc})")
    urls = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        fail(f"{url_list}: no URLs (one per line)")
    from street2shop.core.manifest import Politeness  # noqa: PLC0415
    from street2shop.crawler.ingest import ingest_urls  # noqa: PLC0415

    overrides = {k: v for k, v in (("concurrency_per_domain", concurrency_per_domain), ("delay", delay)) if v is not None}
    overrides["autothrottle"] = autothrottle
    with store_errors():
        summary = ingest_urls(m, urls, politeness=Politeness(**overrides), allow_private=allow_private_addresses,
                              progress=not quiet)
    typer.echo(f"ingested {len(urls)} URLs: {kinds(dict(summary.counts))}; {summary.rows} new images rows; "
               f"store {m.store_url}")
    if summary.fatal:
        fail(f"{summary.fatal} (what was written is kept; run the ingest again)", code=EXIT_STORE_FAILED)


@catalog_app.command("build")
def catalog_build(
    manifest: Annotated[Path, typer.Argument(help="the manifest YAML (its store and `catalog:` section)")],
    encoder: Annotated[Optional[str], typer.Option(help="override the manifest's encoder spec")] = None,
    index: Annotated[Optional[str], typer.Option(help="exact, faiss or auto")] = None,
) -> None:
    """Build a new catalog version from the store's listings and make it current."""
    from street2shop.pipeline.index import KINDS  # noqa: PLC0415

    if index is not None and index not in KINDS:  # before any embedding work
        fail(f"--index {index!r} is not an index kind; use one of {', '.join(KINDS)}")
    m = _load(manifest)
    cfg = m.catalog
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn  # noqa: PLC0415

    from street2shop.pipeline.catalog import CatalogError, build_catalog  # noqa: PLC0415
    from street2shop.core.store import Store, StoreError  # noqa: PLC0415
    try:
        store = Store(m.store_url)  # an unusable store fails before the models load
    except StoreError as exc:
        fail(str(exc))
    encoder_model = _encoder(encoder or cfg.encoder)
    detector_model = _detector(cfg.detector) if cfg.detector else None
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), transient=True) as bar:
        task = bar.add_task("catalog", total=None)
        try:
            summary = build_catalog(store, encoder=encoder_model, detector=detector_model,
                                    sources=cfg.sources or None, image_size=cfg.image_size,
                                    index_kind=index or cfg.index, chunk=cfg.chunk,
                                    progress=lambda done, total: bar.update(task, completed=done, total=total))
        except (CatalogError, StoreError) as exc:
            fail(str(exc))
    typer.echo(f"catalog version {summary.version}: {summary.items} items from {summary.listings} listings; "
               f"embedded {summary.embedded}, from cache {summary.cached}; whole images {summary.whole_image}; "
               f"duplicate groups {summary.duplicate_groups}; "
               f"skipped {kinds(summary.skipped)}; index {summary.index_kind}; {summary.seconds:.1f} s")


@catalog_app.command("search")
def catalog_search(
    manifest: Annotated[Path, typer.Argument(help="the manifest YAML")],
    image: Annotated[Path, typer.Argument(help="a photo to look up")],
    k: Annotated[int, typer.Option("-k", min=1, help="results per garment")] = 5,
) -> None:
    """Look one photo up in the current catalog version (`match` does folders, videos and reports)."""
    m = _load(manifest)
    from rich.console import Console  # noqa: PLC0415

    from street2shop.pipeline import normalise as norm  # noqa: PLC0415
    from street2shop.pipeline.catalog import CatalogError, open_catalog  # noqa: PLC0415
    from street2shop.core.console import DataTable  # noqa: PLC0415
    from street2shop.core.store import Store, StoreError  # noqa: PLC0415
    try:
        catalog = open_catalog(Store(m.store_url))
        data = image.read_bytes()
    except (CatalogError, StoreError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{image}: cannot read ({exc.strerror or exc})")
    try:
        photo = norm.load_image(data)
    except Exception:  # noqa: BLE001
        fail(f"{image}: not an image Pillow can read")
    from street2shop.pipeline.matcher import Matcher, MatchError  # noqa: PLC0415

    detector_model = _detector(m.catalog.detector) if m.catalog.detector else None
    try:
        matcher = Matcher(catalog, _encoder(m.catalog.encoder), detector_model, k=k)
    except MatchError as exc:
        fail(str(exc))
    console = Console(width=160)
    for garment in matcher.match([photo])[0]:
        label = "whole photo" if garment.whole_image else f"category {garment.category} ({garment.detection_score:.2f})"
        table = DataTable(f"{image.name}: {label}", ["score", "name", "brand", "price", "listing"])
        for hit in garment.hits:
            table.add_row(f"{hit.score:.3f}", hit.name or "", hit.brand or "", f"{hit.price or ''} {hit.currency or ''}",
                          hit.url or "")
        console.print(table)


@app.command()
def match(
    catalog: Annotated[str, typer.Argument(help="the catalog's store (a folder or fsspec URL) or a manifest YAML")],
    inputs: Annotated[list[str], typer.Argument(help="image files, folders, videos and http(s) image URLs")],
    out: Annotated[Path, typer.Option("--out", "-o", help="results folder (a run there is resumed)")] = Path(
        "street2shop-matches"),
    k: Annotated[int, typer.Option("-k", min=1, max=1000, help="listings per garment")] = 10,
    top_categories: Annotated[int, typer.Option(min=0, max=13, help="search each garment's N likeliest categories "
                                                "(0: all)")] = 2,
    min_category_items: Annotated[int, typer.Option(min=0, help="search all categories when the chosen ones hold "
                                                    "fewer items than this")] = 20,
    detector_weights: Annotated[Optional[str], typer.Option(help="DeepFashion2 detector weights: a path or URL "
                                                            "(default: the manifest's catalog.detector)")] = None,
    score_threshold: Annotated[Optional[float], typer.Option(min=0, max=1, help="least detection score")] = None,
    encoder: Annotated[Optional[str], typer.Option(help="the catalog's encoder, for catalogs that do not record it")]
    = None,
    version: Annotated[Optional[str], typer.Option(help="a catalog version (default: the current one)")] = None,
    every: Annotated[float, typer.Option(min=0.01, help="videos: seconds between sampled frames")] = 1.0,
    skip_similar: Annotated[bool, typer.Option(help="videos: skip frames near-identical to the last one matched "
                                               "in their scene")] = True,
    reranker: Annotated[str, typer.Option(help="re-ranking stage")] = "none",
    batch_size: Annotated[int, typer.Option(min=1, max=256, help="images per model batch")] = 8,
    whole_frame: Annotated[bool, typer.Option("--whole-frame", help="no detector: each input is one query")] = False,
    report: Annotated[bool, typer.Option(help="write report.html into the results folder")] = True,
    allow_private_addresses: Annotated[bool, typer.Option(help="URLs: allow loopback/private hosts")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Find the garments in photos and videos and rank the catalog's listings for each."""
    from street2shop.pipeline.catalog import CatalogError, open_catalog  # noqa: PLC0415
    from street2shop.pipeline.match_inputs import InputError, expand_inputs, fetch_urls  # noqa: PLC0415

    manifest = _manifest_or_store(catalog)
    if out.exists() and not out.is_dir():
        fail(f"-o {out} is a file; give a folder for the results (a run there is resumed)")
    try:
        items = expand_inputs(inputs)
    except InputError as exc:
        fail(str(exc))
    if not items:
        fail(f"no images or videos in {', '.join(inputs)}")
    from street2shop.core.store import Store  # noqa: PLC0415
    from street2shop.pipeline.matcher import Matcher, MatchError, catalog_encoder  # noqa: PLC0415

    with store_errors():
        store = Store(manifest.store_url)
        try:
            opened = open_catalog(store, version)
        except CatalogError as exc:
            fail(str(exc))
    try:
        encoder_model = _encoder(encoder) if encoder else catalog_encoder(opened)
    except MatchError as exc:
        fail(str(exc))
    try:
        Matcher(opened, encoder_model, k=k, top_categories=top_categories,  # refuse before any training
                min_category_items=min_category_items, reranker=reranker)
    except MatchError as exc:
        fail(str(exc))
    with store_errors():
        choice = detector_weights or ("whole-frame" if whole_frame else "manifest")
        detector_model = _match_detector(manifest, choice, score_threshold, opened)
    matcher = Matcher(opened, encoder_model, detector_model, k=k, top_categories=top_categories,
                      min_category_items=min_category_items, reranker=reranker)
    urls = [i.location for i in items if i.kind == "url"]
    fetched = None
    if urls:
        with store_errors():
            try:
                fetched = fetch_urls(manifest, urls, allow_private=allow_private_addresses, progress=not quiet)
            except InputError as exc:
                fail(str(exc))
    from street2shop.pipeline.match_report import write_report  # noqa: PLC0415
    from street2shop.pipeline.match_run import run_match  # noqa: PLC0415

    with _MatchProgress(len(items), enabled=not quiet) as progress:
        try:
            summary = run_match(matcher, items, out, every=every, skip_similar=skip_similar, batch_size=batch_size,
                                thumbnails=report, fetched=fetched, store=store, progress=progress.update)
        except OSError as exc:
            fail(f"{out}: cannot write the results ({exc.strerror or exc})", code=EXIT_STORE_FAILED)
    if report:
        page = write_report(out, store)
    failed = f"; failed {kinds(dict(summary.failed))}" if summary.failed else ""
    resumed = f" ({summary.already_done} done by an earlier run)" if summary.already_done else ""
    video = (f"; video frames {summary.frames} sampled, {summary.frames_skipped} near-identical skipped"
             if summary.frames else "")
    typer.echo(f"matched {summary.matched} of {summary.inputs} inputs{resumed}: {summary.garments} garments"
               f"{video}{failed}; {summary.seconds:.1f} s")
    typer.echo(f"results: {out}/matches.jsonl, matches.csv" + (", timeline.csv" if summary.frames else "")
               + (f"; report: {page}" if report else ""))


@app.command("eval")
def eval_(
    catalog: Annotated[Optional[str], typer.Argument(help="the catalog's store or a manifest YAML: scored on the "
                                                     "street-to-shop pairs its blog crawl found")] = None,
    version: Annotated[Optional[list[str]], typer.Option(help="catalog versions to compare (repeatable; default: "
                                                         "the current one)")] = None,
    detector: Annotated[Optional[list[str]], typer.Option(help="detectors to compare (repeatable): DeepFashion2 "
                                                          "weights, `default` (the catalog's own), `whole-frame`; "
                                                          "--df2-data also `gt-boxes` (default: the manifest's "
                                                          "catalog.detector, else `default`)")] = None,
    top_categories: Annotated[int, typer.Option(min=0, max=13, help="as for match")] = 2,
    df2_data: Annotated[Optional[Path], typer.Option(help="a DeepFashion2-format split (image/, annos/): run the "
                                                     "matcher over it, user images against shop images")] = None,
    encoder: Annotated[Optional[list[str]], typer.Option(help="--df2-data: encoders to compare (repeatable; "
                                                         "default: default-offline)")] = None,
    write_results: Annotated[Optional[Path], typer.Option(help="--df2-data: also write the results JSON here "
                                                          "(one encoder)")] = None,
    df2_results: Annotated[Optional[Path], typer.Option(help="DeepFashion2 retrieval results JSON to score")] = None,
    query_gt: Annotated[Optional[Path], typer.Option(help="DeepFashion2 query_gt.json")] = None,
    gallery_gt: Annotated[Optional[Path], typer.Option(help="DeepFashion2 gallery_gt.json")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
) -> None:
    """Accuracy of a catalog + matcher on crawled pairs, or of any retrieval results in DeepFashion2's protocol."""
    if df2_data:
        if catalog or df2_results:
            fail("--df2-data runs the matcher on a DeepFashion2 split; give no catalog and no --df2-results with it")
        from street2shop.cli.dataset_cmds import df2_split  # noqa: PLC0415

        with df2_split(df2_data) as split_dir:
            _eval_df2_data(split_dir, encoder or ["default-offline"], detector or [], top_categories, write_results,
                           as_json)
        return
    if df2_results or query_gt or gallery_gt:
        if not (df2_results and query_gt and gallery_gt) or catalog:
            fail("DeepFashion2 scoring takes --df2-results, --query-gt and --gallery-gt together (and no catalog)")
        from street2shop.pipeline.df2_retrieval import DF2FormatError, read_gt, read_results, score  # noqa

        try:
            scores = score(read_results(df2_results), read_gt(query_gt, "query"), read_gt(gallery_gt, "gallery"))
        except DF2FormatError as exc:
            fail(str(exc))
        if as_json:
            typer.echo(json.dumps(scores.as_json()))
            return
        typer.echo("  ".join(f"{k} {v:.4f}" for k, v in scores.as_json().items()))
        typer.echo(f"{scores.query_items} query items (style > 0), {scores.missed} with no detection standing "
                   "for them")
        return
    if not catalog:
        fail("give a catalog (its store or manifest), or --df2-results with --query-gt and --gallery-gt")
    if "gt-boxes" in (detector or []):
        fail("--detector gt-boxes is for --df2-data: the crawled street images have no true boxes")
    _eval_pairs(catalog, version or [None], detector or ["manifest"], top_categories, as_json)


def _eval_pairs(catalog: str, versions: list, detectors: list[str], top_categories: int, as_json: bool) -> None:
    from street2shop.core.console import DataTable  # noqa: PLC0415
    from street2shop.core.store import Store  # noqa: PLC0415
    from street2shop.pipeline.catalog import CatalogError, open_catalog  # noqa: PLC0415
    from street2shop.pipeline.matcher import Matcher, MatchError, catalog_encoder  # noqa: PLC0415
    from street2shop.pipeline.pairs_eval import KS, catalog_urls, evaluate_pairs, street_pairs  # noqa: PLC0415

    manifest = _manifest_or_store(catalog)
    results = []
    with store_errors():
        store = Store(manifest.store_url)
        for version in versions:
            try:
                opened = open_catalog(store, version)
                encoder_model = catalog_encoder(opened)
            except (CatalogError, MatchError) as exc:
                fail(str(exc))
            images, outside = street_pairs(store, catalog_urls(opened))
            if not images:
                fail(f"store {store.url} has no blog post whose exact links lead to listings in catalog version "
                     f"{opened.version} ({outside} links lead elsewhere); crawl a blog and its shops first")
            for choice in detectors:
                detector_model = _match_detector(manifest, choice, None, opened)
                matcher = Matcher(opened, encoder_model, detector_model, k=max(KS), top_categories=top_categories)
                label = f"{opened.version} {opened.meta['model_id']}; {_detector_label(detector_model)}"
                results.append(evaluate_pairs(matcher, images, label))
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in results] if len(results) > 1 else results[0].as_dict()))
        return
    from rich.console import Console  # noqa: PLC0415

    columns = ["catalog (encoder); garments by", "pairs", *[f"top-{k}" for k in KS], "recall@10", "mAP",
               "chance top-10"]
    table = DataTable("street-to-shop pairs from the crawled blog posts", columns)
    for r in results:
        table.add_row(r.label, str(r.pairs), *[f"{r.top[k]:.3f}" for k in KS], f"{r.recall[10]:.3f}",
                      f"{r.mean_ap:.3f}", f"{r.chance[10]:.3f}")
    Console(width=180).print(table)
    typer.echo(f"{results[0].images} street images")


def _eval_df2_data(data_dir: Path, encoders: list[str], detectors: list[str], top_categories: int,
                   write_results: Path | None, as_json: bool) -> None:
    from street2shop.pipeline.detectors import DetectorError, create_detector  # noqa: PLC0415
    from street2shop.pipeline.df2_retrieval import KS, score, write_results as write_df2  # noqa: PLC0415
    from street2shop.pipeline.df2_run import read_split, run_retrieval  # noqa: PLC0415

    if not detectors or any(d in DETECTOR_CHOICES for d in detectors):
        fail("--df2-data needs --detector with DeepFashion2 weights, or --detector gt-boxes (the true boxes)")
    if write_results and len(encoders) * len(detectors) > 1:
        fail("--write-results takes one --encoder and one --detector")
    try:
        split = read_split(data_dir)
        models = {d: None if d == "gt-boxes" else create_detector(None, weights=d) for d in detectors}
    except DetectorError as exc:
        fail(str(exc))
    rows = []
    for spec in encoders:
        encoder_model = _encoder(spec)
        for name, model in models.items():
            results = run_retrieval(data_dir, encoder_model, detector=model, gt_boxes=model is None,
                                    top_categories=top_categories, split=split)
            if write_results:
                write_df2(write_results, results)
            rows.append((spec, "ground-truth boxes" if model is None else _detector_label(model),
                         score(results, split.query_gt, split.gallery_gt)))
    if as_json:
        typer.echo(json.dumps(rows[0][2].as_json() if len(rows) == 1 else
                              [{"encoder": e, "detector": d, **r.as_json()} for e, d, r in rows]))
        return
    from rich.console import Console  # noqa: PLC0415

    from street2shop.core.console import DataTable  # noqa: PLC0415

    table = DataTable(f"consumer-to-shop retrieval on {data_dir}, DeepFashion2's protocol",
                      ["encoder", "garments by", *[f"top-{k}" for k in KS], "query items", "missed"])
    for spec, how, r in rows:
        table.add_row(spec, how, *[f"{r.top[k]:.3f}" for k in KS], str(r.query_items), str(r.missed))
    Console(width=160).print(table)


class _MatchProgress:
    """A progress bar on a terminal; otherwise (cron, a log file) a plain line at every tenth of
    the inputs and at least every 30 seconds."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled = total, enabled
        self.tty = sys.stderr.isatty()
        self.started = self.last = time.monotonic()
        self.step = max(1, -(-total // 10))
        self.next = self.step
        self.bar = None

    def __enter__(self):
        if self.enabled and self.tty:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("match"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                TextColumn("{task.description}"), transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("", total=self.total)
        return self

    def update(self, done: int, total: int, key: str) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(self.task, completed=done, description=Path(key).name[-40:])
            return
        now = time.monotonic()
        if done >= self.next or now - self.last >= 30 or done == total:
            rate = done / max(now - self.started, 1e-6)
            left = f", about {int((total - done) / rate)} s left" if rate and done < total else ""
            typer.echo(f"match: {done}/{total} inputs ({rate:.1f}/s{left})", err=True)
            self.last = now
            while self.next <= done:
                self.next += self.step

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _manifest_or_store(catalog: str):
    from street2shop.core.manifest import Manifest, ManifestError  # noqa: PLC0415

    if catalog.endswith((".yaml", ".yml")):
        return _load(Path(catalog))
    try:
        return Manifest(store=catalog)
    except ManifestError as exc:
        fail(str(exc))


#: `--detector` values besides a weights path or URL.
DETECTOR_CHOICES = ("default", "whole-frame", "manifest")


def _match_detector(manifest, choice: str, score_threshold: float | None, catalog):
    """The detector `choice` names: "manifest" (the manifest's catalog.detector, else the
    default), "default" (the catalog's own, trained on its packshots on first use, then cached),
    "whole-frame" (none), or DeepFashion2 weights (their file says which detector they are for)."""
    from street2shop.pipeline.detectors import DetectorError, create_detector  # noqa: PLC0415

    cfg = manifest.catalog.detector
    if choice == "whole-frame":
        return None
    threshold = score_threshold if score_threshold is not None else (cfg.score_threshold if cfg else None)
    try:
        if choice not in DETECTOR_CHOICES:
            return create_detector(None, weights=choice, score_threshold=threshold)
        if choice == "manifest" and cfg:
            return create_detector(cfg.spec, weights=cfg.weights, score_threshold=threshold)
        from street2shop.pipeline.detectors.bootstrap import default_detector  # noqa: PLC0415

        detector = default_detector(catalog, progress=lambda line: typer.echo(line, err=True))
        if threshold is not None:
            detector.score_threshold = threshold
        return detector
    except DetectorError as exc:
        fail(str(exc))


def _detector_label(detector) -> str:
    return f"{detector.name} ({detector.weights_id})" if detector is not None else "whole frame"


@detector_app.command("train")
def detector_train(
    data_dir: Annotated[Path, typer.Argument(help="a DeepFashion2-format folder (image/ and annos/), or one split "
                                             "of a street2shop dataset (DATASET/data/CONFIG/SPLIT)")],
    out_dir: Annotated[Path, typer.Argument(help="checkpoints and the trained model.pt go here")],
    spec: Annotated[str, typer.Option(help="frcnn-r50-fpn-v2 or frcnn-mobilenet-v3")] = "frcnn-r50-fpn-v2",
    iterations: Annotated[Optional[int], typer.Option(help="training iterations")] = None,
    epochs: Annotated[Optional[float], typer.Option(help="or: passes over the data")] = None,
    batch_size: Annotated[int, typer.Option()] = 2,
    lr: Annotated[float, typer.Option()] = 0.01,
    checkpoint_every: Annotated[int, typer.Option()] = 500,
    pretrained_backbone: Annotated[Optional[str], typer.Option(help="COCO detector or ImageNet weights file")] = None,
    min_size: Annotated[Optional[int], typer.Option(help="shorter image side the model sees")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="do not resume from the latest checkpoint")] = False,
) -> None:
    """Convert DeepFashion2 annotations to COCO and train the detector (resumable)."""
    from street2shop.cli.dataset_cmds import df2_split  # noqa: PLC0415
    from street2shop.pipeline.detectors import DetectorError, train_cli  # noqa: PLC0415
    try:
        with df2_split(data_dir) as split_dir:
            summary = train_cli(str(split_dir), str(out_dir), spec=spec, iterations=iterations, epochs=epochs,
                                batch_size=batch_size, lr=lr, checkpoint_every=checkpoint_every, resume=not fresh,
                                pretrained_backbone=pretrained_backbone, min_size=min_size)
    except DetectorError as exc:
        fail(str(exc))
    typer.echo(json.dumps(summary, indent=2, default=str))


@detector_app.command("eval")
def detector_eval(
    weights: Annotated[str, typer.Argument(help="trained weights: a path or URL")],
    data_dir: Annotated[Path, typer.Argument(help="a DeepFashion2-format folder to evaluate on, or a "
                                             "street2shop dataset split (DATASET/data/CONFIG/SPLIT)")],
    min_size: Annotated[Optional[int], typer.Option(help="shorter image side the model sees")] = None,
) -> None:
    """COCO box AP (pycocotools) of trained weights on a DeepFashion2-format split."""
    from street2shop.cli.dataset_cmds import df2_split  # noqa: PLC0415
    from street2shop.pipeline.detectors import DetectorError, eval_cli  # noqa: PLC0415
    try:
        with df2_split(data_dir) as split_dir:
            result = eval_cli(weights, str(split_dir), min_size=min_size)
    except DetectorError as exc:
        fail(str(exc))
    report = {k: v for k, v in result.items() if k != "report"}
    typer.echo(json.dumps(report, indent=2, default=str))


def _encoder(spec: str):
    from street2shop.pipeline.encoders import EncoderError, create_encoder  # noqa: PLC0415
    try:
        return create_encoder(spec)
    except EncoderError as exc:
        fail(str(exc))


def _detector(cfg):
    from street2shop.pipeline.detectors import DetectorError, create_detector  # noqa: PLC0415
    try:
        return create_detector(cfg.spec, weights=cfg.weights, score_threshold=cfg.score_threshold)
    except DetectorError as exc:
        fail(str(exc))


@store_app.command("check")
def store_check(
    store: Annotated[str, typer.Argument(help="the store: a folder or an fsspec URL")],
    quarantine: Annotated[bool, typer.Option("--quarantine", help="move damaged parts to <store>/quarantine/")] = False,
) -> None:
    """Read every part of the store's tables; list the damaged ones (exit 1), or move them aside."""
    from street2shop.core.lock import StoreLock
    from street2shop.core.schemas import TABLES
    from street2shop.core.store import Store

    with store_errors():
        s = Store(store)
        damaged = [(table, path, why) for table in TABLES for path, why in s.damaged_parts(table)]
        if quarantine and damaged:
            with StoreLock(s):  # never under a running crawl's feet
                for table, path, why in damaged:
                    typer.echo(f"{table}: moved {path} to {s.quarantine(path)} ({why})")
            return
    for table, path, why in damaged:
        typer.echo(f"{table}: {path} is damaged: {why}")
    if damaged:
        typer.echo(f"{len(damaged)} damaged part(s); `street2shop store check {store} --quarantine` moves them aside")
        raise typer.Exit(1)
    typer.echo(f"store {store}: every part is readable")


@app.command()
def demo(
    store: Annotated[Path, typer.Option(help="where the demo store goes")] = Path("demo-store"),
    products: Annotated[int, typer.Option(help="products in the fixture shop")] = 48,
    crawl_only: Annotated[bool, typer.Option("--crawl-only", help="stop after the crawl (no catalog, "
                                             "no matching)")] = False,
) -> None:
    """Serve the fixture shop and blog on 127.0.0.1, crawl them, build the catalog and match the
    blog's street images and a video made from them, and show how good that is."""
    from street2shop.demo.run_demo import NotADemoStore, run_demo
    try:
        run_demo(store, products, match=not crawl_only)
    except NotADemoStore as exc:
        fail(str(exc))


from street2shop.cli.dataset_cmds import dataset_app  # noqa: E402  (it uses the helpers above)

app.add_typer(dataset_app, name="dataset")


def main() -> None:
    try:
        app()
    except Exception as exc:
        # imported here, not above: the store brings pyarrow, and a verb may first choose its
        # allocator (`dataset_cmds._allocator`)
        from street2shop.core.store import StoreError, StoreWriteError

        if isinstance(exc, StoreWriteError):  # a store that broke under a verb without its own handling
            typer.echo(f"street2shop: error: {exc}", err=True)
            sys.exit(EXIT_STORE_FAILED)
        if isinstance(exc, StoreError):
            typer.echo(f"street2shop: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        raise


if __name__ == "__main__":
    main()
