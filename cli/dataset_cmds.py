"""`street2shop dataset ...`: build, check, look at, publish, export and import street-to-shop datasets."""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path
from typing import Annotated, Optional

import typer

dataset_app = typer.Typer(no_args_is_help=True, help="Build, verify, publish, export and import street-to-shop datasets.")


def _cli():
    # the shared error handling, imported late (app.py imports this module); the package's own
    # `app` attribute is the Typer object, so the module is taken by name
    return importlib.import_module("street2shop.cli.app")


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
    from street2shop.dataset.build import DatasetBuildError, build_dataset  # noqa: PLC0415
    from street2shop.dataset.optout_list import OptOutError, from_config  # noqa: PLC0415
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
    if target.exists() and not (target / "README.md").exists() and any(target.iterdir()):
        cli.fail(f"{target} exists and is not a dataset folder: give another -o")
    try:
        optout = from_config(cfg.opt_out, m.path.parent if m.path else None)
    except OptOutError as exc:
        cli.fail(str(exc))
    say = _say(quiet)
    with cli.store_errors():
        store = Store(m.store_url)
        try:
            catalog = open_catalog(store, version)
        except CatalogError as exc:
            cli.fail(str(exc))
        chosen = cli._match_detector(m, detector, None, catalog)
        try:
            result = build_dataset(store, catalog, target, detector=chosen, seed=cfg.seed if seed is None else seed,
                                   ratios=cfg.splits, min_side=cfg.min_crop_side, sources=cfg.sources or None,
                                   optout=optout, licence=cfg.license, name=cfg.name,
                                   rows_per_shard=cfg.rows_per_shard, progress=say)
        except DatasetBuildError as exc:
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
                m = load_manifest(p)
                part = from_config(m.dataset.opt_out, p.parent)
                out.domains |= part.domains
                out.patterns += part.patterns
                out.sha256s |= part.sha256s
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

        if to.exists() and not (to / "README.md").exists() and any(to.iterdir()):
            cli.fail(f"{to} exists and is not a dataset folder: give another --to")
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
