"""`street2shop dataset ...`: build, check, look at, publish, export and import street-to-shop datasets."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

dataset_app = typer.Typer(no_args_is_help=True, help="Build, verify, publish, export and import street-to-shop datasets.")


@dataset_app.callback()
def _allocator() -> None:
    """Arrow's default allocator (mimalloc) keeps much of what a build's many short-lived tables
    free; jemalloc hands it back: peaks 100-130 MiB lower at the same speed (docs/architecture.md).
    Set before pyarrow is first imported; the user's own ARROW_DEFAULT_MEMORY_POOL wins."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")


def _cli():
    # the shared error handling, imported late (app.py imports this module); the package's own
    # `app` attribute is the Typer object, so the module is taken by name
    return importlib.import_module("street2shop.cli.app")


def _replaceable(folder: Path) -> None:
    """Refuse to overwrite a folder that holds anything but an earlier dataset."""
    from street2shop.dataset.formats_common import DatasetFormatError, check_replaceable  # noqa: PLC0415
    try:
        check_replaceable(folder, {"README.md", "data"}, "dataset")
    except DatasetFormatError as exc:
        _cli().fail(str(exc))


@contextmanager
def df2_split(path: Path) -> Iterator[Path]:
    """A DeepFashion2-format folder for `path`: the folder itself, or, for one of our datasets
    (a dataset folder holding one split, or one split named as DATASET/data/CONFIG/SPLIT), that
    split exported to a temporary DeepFashion2 folder: detector training and DeepFashion2
    evaluation read built and imported datasets through the same code as DeepFashion2 itself."""
    from street2shop.dataset.deepfashion2 import export_df2  # noqa: PLC0415
    from street2shop.dataset.formats_common import DatasetFormatError  # noqa: PLC0415
    from street2shop.dataset.layout import CARD  # noqa: PLC0415

    path = Path(path)
    if (path / CARD).is_file() and (path / "data").is_dir():
        chosen = (path, None, None)
    elif not path.exists() and path.parent.parent.name == "data" and (path.parent.parent.parent / CARD).is_file():
        chosen = (path.parent.parent.parent, path.parent.name, path.name)
    else:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="street2shop-df2-") as tmp:
        folder = Path(tmp) / "split"
        try:
            export_df2(chosen[0], folder, config=chosen[1], split=chosen[2])
        except DatasetFormatError as exc:
            _cli().fail(f"{exc} (name one split as DATASET/data/CONFIG/SPLIT)")
        yield folder


def _say(quiet: bool):
    return (lambda line: None) if quiet else (lambda line: typer.echo(line, err=True))


@dataset_app.command("build")
def build(
    manifest: Annotated[Path, typer.Argument(help="the manifest whose store holds the crawl and the catalog")],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="where the dataset folder goes "
                                                "(default: the manifest's dataset.out, else <store>/datasets/<name>)")] = None,
    detector: Annotated[str, typer.Option(help="garments found by: manifest (its catalog.detector, else the default), "
                                          "default, whole-frame, or DeepFashion2 weights")] = "manifest",
    version: Annotated[Optional[str], typer.Option(help="catalog version (default: the current one)")] = None,
    seed: Annotated[Optional[int], typer.Option(help="split seed (default: the manifest's dataset.seed)")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet")] = False,
) -> None:
    """Pairs of (street crop, shop listing) from the crawled posts and listings: cleaned, split by
    product, written in the Hugging Face layout with a dataset card."""
    from street2shop.core.store import Store  # noqa: PLC0415
    from street2shop.dataset.build import DatasetBuildError, build_from_config  # noqa: PLC0415
    from street2shop.dataset.optout_list import OptOutError  # noqa: PLC0415
    from street2shop.pipeline.catalog import CatalogError, open_catalog  # noqa: PLC0415

    cli = _cli()
    m = cli._load(manifest)
    cfg = m.dataset
    target = out or (Path(cfg.out) if cfg.out else None)
    if target is not None and not target.is_absolute() and out is None and m.path is not None:
        target = m.path.parent / target
    if target is None:
        if "://" in m.store_url:
            cli.fail(f"store {m.store_url} is not a local folder: give the dataset folder with -o")
        target = Path(m.store_url) / "datasets" / cfg.name
    _replaceable(target)
    say = _say(quiet)
    with cli.store_errors():
        store = Store(m.store_url)
        try:
            # checked whole, held as ids only: the build reads the items its mentions lead to
            catalog = open_catalog(store, version, columns=["item_id"], index=False)
            # the catalog's own default detector is trained on (or cached for) the whole catalog
            needs_catalog = detector == "default" or (detector == "manifest" and m.catalog.detector is None)
            chosen = cli._match_detector(m, detector, None, open_catalog(store, catalog.version)
                                         if needs_catalog else None)
        except CatalogError as exc:
            cli.fail(str(exc))
        try:
            result = build_from_config(store, catalog, target, cfg, detector=chosen,
                                       base=m.path.parent if m.path else None, seed=seed, progress=say)
        except (DatasetBuildError, OptOutError) as exc:
            cli.fail(str(exc))
    for config, splits in result.sizes.items():
        typer.echo(f"{config}: " + ", ".join(f"{s} {v['num_examples']}" for s, v in splits.items()))
    steps = result.cleaning.steps
    typer.echo("cleaning: " + ", ".join(f"{k} {v}" for k, v in steps.items()))
    typer.echo(f"dataset: {result.out}")


def _optout(paths: list[Path]):
    from street2shop.core.manifest import ManifestError, load_manifest  # noqa: PLC0415
    from street2shop.dataset.optout_list import OptOutError, OptOutList, from_config, read_file  # noqa: PLC0415

    if not paths:
        return None
    out = OptOutList()
    try:
        for p in paths:
            if p.suffix in (".yaml", ".yml"):
                out.merge(from_config(load_manifest(p).dataset.opt_out, p.parent))
            else:
                read_file(p, out)
    except (OptOutError, ManifestError) as exc:
        _cli().fail(str(exc))
    return out


def _verify(path: Path, optout_paths: list[Path]):
    from street2shop.dataset.layout import DatasetLayoutError  # noqa: PLC0415
    from street2shop.dataset.verify import verify as run  # noqa: PLC0415

    optout = _optout(optout_paths)
    try:
        verdict = run(path, optout=optout)
    except DatasetLayoutError as exc:
        _cli().fail(str(exc))
    if optout is None:
        verdict.checks["opt-out"] = "not checked (give --opt-out FILE or MANIFEST)"
    return verdict


def _print_verdict(verdict) -> None:
    from street2shop.core.console import plain  # noqa: PLC0415

    for check, state in verdict.checks.items():
        typer.echo(f"{check}: {state}")
    for line in verdict.problems:
        typer.echo(f"  {plain(line)}", err=True)


@dataset_app.command("verify")
def verify(
    path: Annotated[Path, typer.Argument(help="a dataset folder (`dataset build` or `dataset publish` wrote it)")],
    opt_out: Annotated[Optional[list[Path]], typer.Option("--opt-out", help="an opt-out file, or a manifest "
                                                          "whose dataset.opt_out to check against")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Schema, images, disjoint splits (exact and near duplicates), counts against the card and the
    opt-out list; exit 1 with the list of problems when any check fails."""
    verdict = _verify(path, opt_out or [])
    if as_json:
        typer.echo(json.dumps({"ok": verdict.ok, "rows": verdict.rows, "images": verdict.images,
                               "checks": verdict.checks, "problems": verdict.problems}))
    else:
        _print_verdict(verdict)
        typer.echo(f"{verdict.rows} rows, {verdict.images} images: {'ok' if verdict.ok else 'FAILED'}")
    if not verdict.ok:
        raise typer.Exit(1)


@dataset_app.command("publish")
def publish(
    path: Annotated[Path, typer.Argument(help="a dataset folder `dataset build` wrote")],
    to: Annotated[Optional[Path], typer.Option("--to", help="copy it to this folder")] = None,
    repo_id: Annotated[Optional[str], typer.Option("--repo-id", help="push it to this Hugging Face dataset repo")] = None,
    private: Annotated[bool, typer.Option("--private", help="a new hub repo is private")] = False,
    opt_out: Annotated[Optional[list[Path]], typer.Option("--opt-out", help="refuse if a row is on this list")] = None,
) -> None:
    """Verify the dataset, then copy it to a folder or push it to the Hugging Face hub. Nothing is
    published when a check fails."""
    cli = _cli()
    if (to is None) == (repo_id is None):
        cli.fail("give one of --to FOLDER or --repo-id OWNER/NAME")
    verdict = _verify(path, opt_out or [])
    if not verdict.ok:
        _print_verdict(verdict)
        cli.fail(f"{path} fails verification; nothing published", code=1)
    if to is not None:
        from street2shop.dataset.layout import commit_dir, recover_dir, staging_dir  # noqa: PLC0415

        _replaceable(to)
        recover_dir(to)
        stage = staging_dir(to)
        shutil.rmtree(stage)
        shutil.copytree(path, stage)
        commit_dir(stage, to)
        typer.echo(f"published {verdict.rows} rows to {to}")
        return
    from street2shop.dataset.hub import HubError, push  # noqa: PLC0415
    try:
        url = push(path, repo_id, private=private)
    except HubError as exc:
        cli.fail(str(exc))
    typer.echo(f"published {verdict.rows} rows to {url}")


@dataset_app.command("stats")
def stats(
    path: Annotated[Path, typer.Argument(help="a dataset folder")],
    sheets: Annotated[Optional[Path], typer.Option("--sheets", help="write a contact sheet per category here")] = None,
    per_category: Annotated[int, typer.Option(help="pairs on each contact sheet")] = 24,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Counts per config, split, category, show and shop, image sizes, and (with --sheets) a
    contact sheet per category: street crop beside shop image, to look at before publishing."""
    from street2shop.dataset.layout import DatasetLayoutError  # noqa: PLC0415
    from street2shop.dataset.stats import StatsError, contact_sheets, dataset_stats, stats_tables  # noqa: PLC0415

    cli = _cli()
    try:
        found = dataset_stats(path)
        written = contact_sheets(path, sheets, per_category=per_category) if sheets is not None else []
    except (DatasetLayoutError, StatsError) as exc:
        cli.fail(str(exc))
    if as_json:
        typer.echo(json.dumps({**found, "contact_sheets": [str(p) for p in written]}, default=str))
        return
    from rich.console import Console  # noqa: PLC0415

    console = Console(width=160)
    for table in stats_tables(found):
        console.print(table)
    for p in written:
        typer.echo(f"contact sheet: {p}")


EXPORT_FORMATS = ("df2", "coco", "webdataset")


@dataset_app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="a dataset folder")],
    out: Annotated[Path, typer.Option("-o", "--out", help="the folder to write")],
    format: Annotated[str, typer.Option("--format", help="df2 (DeepFashion2 image/ + annos/), coco "
                                        "(annotations.json + images/) or webdataset (tar shards)")] = "df2",
    config: Annotated[Optional[str], typer.Option(help="only this config")] = None,
    split: Annotated[Optional[str], typer.Option(help="only this split")] = None,
) -> None:
    """Write one config and split of a dataset in another format (webdataset: all of them, or those named)."""
    from street2shop.dataset.formats_common import DatasetFormatError  # noqa: PLC0415
    from street2shop.dataset.layout import DatasetLayoutError  # noqa: PLC0415

    cli = _cli()
    if format not in EXPORT_FORMATS:
        cli.fail(f"--format {format!r}: use one of {', '.join(EXPORT_FORMATS)}")
    try:
        if format == "webdataset":
            from street2shop.dataset.webdataset_export import ExportError, export_webdataset  # noqa: PLC0415
            try:
                summary = export_webdataset(path, out, config=config, split=split)
            except ExportError as exc:
                cli.fail(str(exc))
        elif format == "coco":
            from street2shop.dataset.coco import export_coco  # noqa: PLC0415
            summary = export_coco(path, out, config=config, split=split)
        else:
            from street2shop.dataset.deepfashion2 import export_df2  # noqa: PLC0415
            summary = export_df2(path, out, config=config, split=split)
    except (DatasetFormatError, DatasetLayoutError) as exc:
        cli.fail(str(exc))
    typer.echo(json.dumps(summary, indent=2, default=str))


IMPORT_FORMATS = ("df2", "street2shop")


@dataset_app.command("import")
def import_(
    format: Annotated[str, typer.Argument(help="df2 (a DeepFashion2 split: image/ + annos/) or street2shop "
                                          "(Kiapour et al.'s meta/json files)")],
    source: Annotated[Path, typer.Argument(help="the split folder (df2) or the dataset's root (street2shop)")],
    out: Annotated[Path, typer.Option("-o", "--out", help="the dataset folder to write")],
    split: Annotated[str, typer.Option(help="df2: the split's name")] = "train",
    images: Annotated[Optional[Path], typer.Option(help="street2shop: the folder of downloaded photos "
                                                   "(<photo id>.jpg)")] = None,
) -> None:
    """Another dataset into our pairs table, in the same layout, so `verify`, `stats`, `export`
    and training read it like a built one."""
    from street2shop.dataset.formats_common import DatasetFormatError  # noqa: PLC0415

    cli = _cli()
    if format not in IMPORT_FORMATS:
        cli.fail(f"{format!r}: use one of {', '.join(IMPORT_FORMATS)}")
    try:
        if format == "df2":
            from street2shop.dataset.deepfashion2 import import_df2  # noqa: PLC0415
            summary = import_df2(source, out, split=split)
        else:
            if images is None:
                cli.fail("street2shop import needs --images FOLDER (the photos, downloaded from photos.txt)")
            from street2shop.dataset.street2shop_format import import_street2shop  # noqa: PLC0415
            summary = import_street2shop(source, out, images_dir=images)
    except DatasetFormatError as exc:
        cli.fail(str(exc))
    typer.echo(json.dumps(summary, indent=2, default=str))
