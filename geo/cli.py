"""Command line: ``clashmap`` or ``python -m geo``. The only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import click

from geo import __version__
from geo.errors import GeoError
from geo.pipeline import (
    EXPORT_FORMATS,
    BuildConfig,
    BuildResult,
    Evaluation,
    build,
    check_gazetteer_file,
    dump_corpus,
    evaluate_build,
    export,
    read_corpus,
)

_DEFAULTS = BuildConfig()


class ReportedError(click.ClickException):
    """A library error shown as one ``error: path[:line]: problem`` line, exit status 1."""

    exit_code = 1

    def show(self, file: object = None) -> None:
        """Print the one-line message to stderr."""
        click.echo(f"error: {self.message}", err=True)


class GeoGroup(click.Group):
    """A command group that turns :class:`GeoError` into a one-line message instead of a trace."""

    def invoke(self, ctx: click.Context) -> object:
        """Run the subcommand, reporting library errors without a traceback."""
        try:
            return super().invoke(ctx)
        except GeoError as exc:
            raise ReportedError(str(exc)) from None


seeds_option = click.option(
    "--seeds",
    type=click.Path(path_type=Path),
    default=_DEFAULTS.seeds,
    show_default=True,
    help="Folder of English .txt/.md documents.",
)
gazetteer_option = click.option(
    "--gazetteer",
    type=click.Path(path_type=Path, dir_okay=False),
    default=_DEFAULTS.gazetteer,
    show_default=True,
    help="Gazetteer CSV of places with sources.",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Stop at the first bad seed file instead of skipping it."
)


@click.group(cls=GeoGroup)
@click.version_option(__version__, prog_name="clashmap")
@click.option("-v", "--verbose", count=True, help="More log output (repeat for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def cli(verbose: int, quiet: bool) -> None:
    """Map dated clashes of the Armenia–Azerbaijan conflict from English texts."""
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)


@cli.command()
@seeds_option
@strict_option
@click.option(
    "--dump",
    "dump_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also write each document's normalized text into this folder.",
)
def corpus(seeds: Path, strict: bool, dump_dir: Path | None) -> None:
    """Show what the reader made of each seed document."""
    loaded = read_corpus(BuildConfig(seeds=seeds, is_strict=strict))
    header = f"{'document':<36} {'shape':<12} {'sections':>8} {'sentences':>9} {'glosses':>7}"
    click.echo(f"{header} {'repaired':>8}")
    for doc in loaded.documents:
        click.echo(
            f"{doc.path:<36} {doc.shape:<12} {len(doc.sections):>8} {len(doc.sentences):>9} "
            f"{doc.glosses_removed:>7} {doc.chars_repaired:>8}"
        )
    for problem in loaded.skipped:
        click.echo(f"skipped: {problem}", err=True)
    if dump_dir is not None:
        for path in dump_corpus(loaded, dump_dir):
            click.echo(f"wrote {path}")


@cli.command(name="build")
@seeds_option
@gazetteer_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=_DEFAULTS.out,
    show_default=True,
    help="Folder for clashes.html, clashes.geojson and unresolved.csv.",
)
@strict_option
@click.pass_context
def build_command(
    ctx: click.Context, seeds: Path, gazetteer: Path, out: Path, strict: bool
) -> None:
    """Build the HTML map and the GeoJSON from the seed documents."""
    is_quiet = bool(ctx.find_root().params.get("quiet"))
    show_stage = sys.stderr.isatty() and not is_quiet
    config = BuildConfig(seeds=seeds, gazetteer=gazetteer, out=out, is_strict=strict)
    result = build(config, on_stage=_stage_printer() if show_stage else None)
    for problem in result.skipped:
        click.echo(f"warning: skipped {problem}", err=True)
    if not is_quiet:
        click.echo(_summary(result))


def _stage_printer() -> Callable[[str], None]:
    def show(name: str) -> None:
        click.echo(f"… {name}", err=True)

    return show


def _summary(result: BuildResult) -> str:
    lines = [
        f"read {result.documents} documents, {result.sentences} sentences",
        f"found {result.incidents} incidents ({result.candidates} reports merged): "
        f"{result.located} located, {result.unlocated} unlocated",
        f"{result.unresolved} place-like names not in the gazetteer",
    ]
    lines += [f"wrote {path}" for path in result.outputs]
    return "\n".join(lines)


@cli.group()
def gazetteer() -> None:
    """Inspect the gazetteer."""


@gazetteer.command(name="check")
@click.option(
    "--gazetteer",
    "path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=_DEFAULTS.gazetteer,
    show_default=True,
    help="Gazetteer CSV to check.",
)
def gazetteer_check(path: Path) -> None:
    """Check sources, coordinates, countries, ids and shared names; exit 1 on any problem."""
    problems = check_gazetteer_file(path)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo(f"{path}: ok")


@cli.command(name="export")
@seeds_option
@gazetteer_option
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="geojson", show_default=True
)
@click.option("--period", "period_id", help="Only this war phase (id, e.g. first-war).")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="From YYYY-MM-DD.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="To YYYY-MM-DD.")
@click.option(
    "--out",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Output file [default: maps/clashes-export.<format>].",
)
def export_command(
    seeds: Path,
    gazetteer: Path,
    fmt: str,
    period_id: str | None,
    date_from: dt.datetime | None,
    date_to: dt.datetime | None,
    target: Path | None,
) -> None:
    """Export incidents as GeoJSON, GeoPackage or CSV, optionally filtered."""
    path = target or _DEFAULTS.out / f"clashes-export.{fmt}"
    count = export(
        BuildConfig(seeds=seeds, gazetteer=gazetteer),
        path,
        fmt,  # type: ignore[arg-type]
        period_id=period_id,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
    )
    click.echo(f"wrote {count} incidents to {path}")


@cli.command(name="evaluate")
@seeds_option
@gazetteer_option
@click.option(
    "--gold",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("tests/gold/incidents.yaml"),
    show_default=True,
    help="Hand-annotated incidents to score against.",
)
@click.option("--show-missed", is_flag=True, help="List the gold incidents that were not found.")
def evaluate_command(seeds: Path, gazetteer: Path, gold: Path, show_missed: bool) -> None:
    """Score extraction against the gold set: precision, recall, dates, distances."""
    report = evaluate_build(BuildConfig(seeds=seeds, gazetteer=gazetteer), gold)
    click.echo(_evaluation_text(report))
    if show_missed:
        for gold_id in report.missed:
            click.echo(f"missed: {gold_id}")


def _evaluation_text(report: Evaluation) -> str:
    def km(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f} km"

    return "\n".join(
        [
            f"gold incidents     {report.gold}",
            f"predicted          {report.predicted}",
            f"recall             {report.recall:.3f} ({report.found}/{report.gold})",
            f"precision          {report.precision:.3f} ({report.true_positives} right, "
            f"{report.false_positives} wrong: {report.negatives_hit} on negatives, "
            f"{report.duplicates} unmerged duplicates)",
            f"dates exact ±1 day {report.date_accuracy:.3f} ({report.dates_right}/{report.found})",
            f"dates consistent   {report.date_consistency:.3f} "
            f"({report.dates_consistent}/{report.found}; overlap, start within gold precision)",
            f"places within 5 km {report.places_right}/{report.located_pairs}",
            f"median distance    {km(report.median_km)}",
            f"max distance       {km(report.max_km)}",
        ]
    )


def main() -> None:
    """Entry point of the ``clashmap`` script and ``python -m geo``."""
    cli(prog_name="clashmap")
