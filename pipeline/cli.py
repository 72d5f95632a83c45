"""The one command line: `street2shop <verb>`.

Verbs import what they need inside their own body, so that a light verb such as
`extract` never pays for (or needs) the heavy ones' dependencies.
A user mistake (bad manifest, missing file, unusable store) ends with one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Crawl shops and show-fashion blogs into a street-to-shop catalog.")
manifest_app = typer.Typer(no_args_is_help=True, help="Check manifests.")
app.add_typer(manifest_app, name="manifest")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"street2shop: error: {message}", err=True)
    raise typer.Exit(code)


def _load(manifest_path: Path):
    from street2shop.pipeline.manifest import ManifestError, load_manifest
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
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
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
    from street2shop.pipeline.manifest import ManifestError
    from street2shop.pipeline.store import StoreError

    m = _load(manifest)
    try:
        sources = [m.source(n) for n in source] if source else list(m.sources)
    except ManifestError as exc:
        fail(str(exc))
    from street2shop.crawler.run import is_due, run_crawl
    from street2shop.pipeline.lock import StoreLocked
    from street2shop.pipeline.store import Store
    try:
        if due:
            store = Store(m.store_url)
            waiting = [s.name for s in sources if not is_due(store, s)]
            sources = [s for s in sources if s.name not in waiting]
            if not sources:
                typer.echo(f"nothing is due ({', '.join(waiting)} crawled within their recrawl interval)")
                return
        summaries = run_crawl(m, sources, progress=not quiet, log_level="INFO" if verbose else "WARNING")
    except StoreLocked as exc:
        fail(str(exc), code=75)  # EX_TEMPFAIL: a scheduler may simply try again later
    except StoreError as exc:
        fail(str(exc))
    print_summary(summaries, m.store_url)
    if any(s.finish_reason not in ("finished", "closespider_pagecount") for s in summaries):
        raise typer.Exit(1)


def print_summary(summaries, store_url: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="crawl summary", title_justify="left")
    blogs = any(s.posts or s.links for s in summaries)
    numeric = ("pages", "listings", "images", "posts", "pairs", "seconds")
    columns = ["source", "job", "pages", "listings", "images"] + (["posts", "links", "pairs"] if blogs else [])
    columns += ["errors", "image errors", "ended", "seconds"]
    for col in columns:
        table.add_column(col, justify="right" if col in numeric else "left")
    for s in summaries:
        row = [s.source, ("resumed " if s.resumed else "") + s.job_id, str(s.pages), str(s.listings), str(s.images_ok)]
        if blogs:
            row += [str(s.posts), _kinds(s.links), str(s.pairs)]
        row += [_kinds(s.errors), _kinds(s.image_errors), s.finish_reason, f"{s.seconds:.1f}"]
        table.add_row(*row)
    console = Console(file=sys.stdout, width=160)
    console.print(table)
    console.print(f"store: {store_url}")


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


@app.command()
def demo(
    store: Annotated[Path, typer.Option(help="where the demo store goes")] = Path("demo-store"),
    products: Annotated[int, typer.Option(help="products in the fixture shop")] = 48,
) -> None:
    """Serve the fixture shop on 127.0.0.1, crawl it end to end and show what came out."""
    from street2shop.crawler.demo import run_demo
    run_demo(store, products)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
