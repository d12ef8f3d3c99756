"""Command line: ``clashmap`` or ``python -m geo``. The only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Never

import click
from tqdm import tqdm

from geo import __version__
from geo.errors import GeoError
from geo.pipeline import (
    CORPORA,
    EXPORT_FORMATS,
    GEOJSON_FILE,
    BuildConfig,
    BuildResult,
    Document,
    Evaluation,
    GazetteerReport,
    build,
    check_gazetteer_file,
    dump_corpus,
    evaluate_build,
    export,
    far_namesakes,
    read_corpus,
    report_gazetteer,
)

_DEFAULTS = BuildConfig()
# How many undated documents the build summary names before "and N more".
_UNDATED_SHOWN = 5


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
    help="Folder of English .txt, .md, .html and .pdf documents.",
)
gazetteer_option = click.option(
    "--gazetteer",
    type=click.Path(path_type=Path, dir_okay=False),
    default=_DEFAULTS.gazetteer,
    show_default=True,
    help="Gazetteer CSV of places with sources; when the default is absent, the copy shipped "
    "with the package.",
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
    header = f"{'document':<36} {'format':<8} {'shape':<12} {'sections':>8} {'sentences':>9}"
    click.echo(f"{header} {'glosses':>7} {'repaired':>8}")
    for doc in loaded.documents:
        click.echo(
            f"{doc.path:<36} {doc.source_format:<8} {doc.shape:<12} {len(doc.sections):>8} "
            f"{len(doc.sentences):>9} {doc.glosses_removed:>7} {doc.chars_repaired:>8}"
        )
        for line in _document_facts(doc):
            click.echo(f"    {line}")
    for problem in loaded.skipped:
        click.echo(f"skipped: {problem}", err=True)
    if dump_dir is not None:
        for path in dump_corpus(loaded, dump_dir):
            click.echo(f"wrote {path}")


def _document_facts(doc: Document) -> list[str]:
    """List the headline, the item's own date and its origin, the dateline and the encoding."""
    date = f"{doc.published.isoformat()} (from {doc.published_from})" if doc.published else "none"
    facts = [f"headline: {doc.headline or '(none)'}", f"date: {date}"]
    if doc.dateline:
        facts.append(f"dateline: {doc.dateline}")
    if doc.encoding not in ("utf-8", "pdf"):
        facts.append(f"encoding: {doc.encoding}")
    return facts


@cli.command(name="build")
@seeds_option
@gazetteer_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=_DEFAULTS.out,
    show_default=True,
    help="Folder for clashes.html, clashes.geojson, unresolved.csv and excluded.csv.",
)
@strict_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading and extraction (needs the scale extra). "
    "Default: every core when Dask is installed and there is much new text, else 1.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Send the per-document work to this running dask.distributed scheduler.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Re-extract every document instead of reusing OUT/.cache from the last build.",
)
@click.pass_context
def build_command(
    ctx: click.Context,
    seeds: Path,
    gazetteer: Path,
    out: Path,
    strict: bool,
    jobs: int | None,
    scheduler: str | None,
    no_cache: bool,
) -> None:
    """Build the HTML map and the GeoJSON from the seed documents."""
    is_quiet = bool(ctx.find_root().params.get("quiet"))
    show_stage = sys.stderr.isatty() and not is_quiet
    config = BuildConfig(
        seeds=seeds,
        gazetteer=gazetteer,
        out=out,
        is_strict=strict,
        jobs=jobs,
        scheduler=scheduler,
        is_cached=not no_cache,
    )
    bar = _DocumentBar()
    try:
        result = build(
            config,
            on_stage=_stage_printer() if show_stage else None,
            on_progress=bar.update if show_stage else None,
        )
    finally:
        bar.close()
    for problem in result.skipped:
        click.echo(f"warning: skipped {problem}", err=True)
    if not is_quiet:
        click.echo(_summary(result))


class _DocumentBar:
    """A bar of documents read and extracted, on stderr, shown once a build passes 2 s."""

    def __init__(self) -> None:
        self._bar: tqdm[Never] | None = None

    def update(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = tqdm(
                total=total, desc="documents", unit="doc", delay=2, leave=False, file=sys.stderr
            )
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _stage_printer() -> Callable[[str], None]:
    def show(name: str) -> None:
        click.echo(f"… {name}", err=True)

    return show


def _summary(result: BuildResult) -> str:
    where = f"on {result.jobs} worker processes" if result.jobs > 1 else "in one process"
    lines = [
        f"read {result.documents} documents, {result.sentences} sentences "
        f"({result.cached} unchanged since the last build, "
        f"{result.documents - result.cached} extracted {where})",
        f"found {result.incidents} incidents ({result.candidates} reports merged): "
        f"{result.located} located, {result.unlocated} unlocated",
        f"{result.unresolved} place-like names not in the gazetteer",
        f"{result.excluded} sentences with a violent word not taken (see excluded.csv)",
    ]
    if result.undated_documents:
        count = len(result.undated_documents)
        shown = ", ".join(result.undated_documents[:_UNDATED_SHOWN])
        more = count - _UNDATED_SHOWN
        which = (
            "1 document with no date of its own"
            if count == 1
            else f"{count} documents with no date of their own"
        )
        lines.append(
            f"reports dated only by 'on Thursday', 'today' or a day without a year in {which}: "
            f"{shown}"
            + (f" and {more} more" if more > 0 else "")
            + "; add a line 'Date: YYYY-MM-DD' under the headline"
        )
    lines += [f"wrote {path}" for path in result.outputs]
    return "\n".join(lines)


far_km_option = click.option(
    "--far-km",
    type=click.FloatRange(min=0),
    default=25.0,
    show_default=True,
    help="Rows sharing a name farther apart than this are reported as namesakes.",
)


def gazetteer_path_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``--gazetteer PATH`` of the gazetteer commands, passed as ``path``."""
    return click.option(
        "--gazetteer",
        "path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=_DEFAULTS.gazetteer,
        show_default=True,
        help=help_text,
    )


@cli.group()
def gazetteer() -> None:
    """Inspect the gazetteer."""


@gazetteer.command(name="check")
@gazetteer_path_option("Gazetteer CSV to check.")
@far_km_option
def gazetteer_check(path: Path, far_km: float) -> None:
    """Check sources, coordinates, countries, districts and shared names; exit 1 on a problem.

    Also reports, without failing, how many names rows far apart share: the resolver tells
    them apart by context, and `gazetteer stats --shared` lists them.
    """
    problems = check_gazetteer_file(path)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        raise click.exceptions.Exit(1)
    far = far_namesakes(path, far_km)
    click.echo(f"{path}: ok")
    click.echo(
        f"note: {len(far)} names are shared by rows more than {far_km:g} km apart "
        "(list them with `clashmap gazetteer stats --shared`)"
    )


@gazetteer.command(name="stats")
@gazetteer_path_option("Gazetteer CSV to count.")
@click.option(
    "--seeds",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also count the place-like names of this corpus that stay unresolved.",
)
@click.option("--shared", "list_shared", is_flag=True, help="List every far-apart shared name.")
@far_km_option
def gazetteer_stats(path: Path, seeds: Path | None, list_shared: bool, far_km: float) -> None:
    """Print rows by kind, country and district, names per row and shared names."""
    for line in _report_lines(report_gazetteer(path, seeds, far_km), list_shared):
        click.echo(line)


def _counts(title: str, counts: tuple[tuple[str, int], ...]) -> list[str]:
    return [f"{title}:", *(f"  {value:<34} {n:>5}" for value, n in counts)]


def _report_lines(report: GazetteerReport, list_shared: bool) -> list[str]:
    stats = report.stats
    lines = [f"rows: {stats.rows} ({stats.sourced} with a source URL)"]
    lines += _counts("by kind", stats.by_kind) + _counts("by country", stats.by_country)
    lines += _counts("by district", stats.by_district)
    lines.append(
        f"names per row: mean {stats.names_mean:g}, median {stats.names_median:g}, "
        f"max {stats.names_max}"
    )
    lines.append(
        f"shared names: {stats.shared} carried by more than one row, {stats.shared_far} by rows "
        f"more than {stats.far_km:g} km apart"
    )
    if list_shared:
        lines += [
            f"  {s.name:<28} {s.max_km:>7.1f} km  {', '.join(s.place_ids)}"
            for s in report.far_names
        ]
    if report.unresolved is not None:
        total = sum(n for _, n in report.unresolved)
        lines.append(f"unresolved place-like names: {len(report.unresolved)} ({total} listed)")
        lines += [f"  {name:<34} {n:>5}" for name, n in report.unresolved]
    return lines


@cli.command(name="export")
@click.option(
    "--input",
    "source",
    type=click.Path(path_type=Path, dir_okay=False),
    default=_DEFAULTS.out / GEOJSON_FILE,
    show_default=True,
    help="The clashes.geojson of a build to filter.",
)
@click.option(
    "--rebuild", is_flag=True, help="Extract again from --seeds instead of reading --input."
)
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
    source: Path,
    rebuild: bool,
    seeds: Path,
    gazetteer: Path,
    fmt: str,
    period_id: str | None,
    date_from: dt.datetime | None,
    date_to: dt.datetime | None,
    target: Path | None,
) -> None:
    """Export the incidents of a build as GeoJSON, GeoPackage or CSV, optionally filtered."""
    path = target or _DEFAULTS.out / f"clashes-export.{fmt}"
    count = export(
        BuildConfig(seeds=seeds, gazetteer=gazetteer),
        path,
        fmt,  # type: ignore[arg-type]
        source=None if rebuild else source,
        period_id=period_id,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
    )
    click.echo(f"wrote {count} incidents to {path}")


@cli.command(name="evaluate")
@click.option(
    "--corpus",
    "corpus_names",
    multiple=True,
    type=click.Choice([c.name for c in CORPORA]),
    help="Score only this corpus (repeat for more); default: every corpus whose folder exists.",
)
@click.option(
    "--seeds",
    type=click.Path(path_type=Path, file_okay=False),
    help="Score a folder of your own against --gold instead of the project's corpora.",
)
@click.option(
    "--gold",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Hand-annotated incidents for --seeds (see tests/gold/README.md for the format).",
)
@gazetteer_option
@click.option("--show-missed", is_flag=True, help="List the gold incidents that were not found.")
def evaluate_command(
    corpus_names: tuple[str, ...],
    seeds: Path | None,
    gold: Path | None,
    gazetteer: Path,
    show_missed: bool,
) -> None:
    """Score extraction against the gold sets, per corpus and per part (dev, held out)."""
    if (seeds is None) != (gold is None):
        msg = "--seeds and --gold go together"
        raise click.UsageError(msg)
    targets = [("custom", seeds, gold)] if seeds and gold else _corpora(corpus_names)
    click.echo(_SCORE_HEADER)
    missed: list[str] = []
    for name, docs, gold_path in targets:
        scores = evaluate_build(BuildConfig(seeds=docs, gazetteer=gazetteer), gold_path)
        for part, report in scores.items():
            click.echo(_score_row(name, part, report))
            if part == "all":
                missed.extend(f"missed: {name}: {gold_id}" for gold_id in report.missed)
    if show_missed:
        click.echo("\n".join(missed))


def _corpora(names: tuple[str, ...]) -> list[tuple[str, Path, Path]]:
    chosen = [c for c in CORPORA if not names or c.name in names]
    found = []
    for corpus in chosen:
        if corpus.docs.is_dir():
            found.append((corpus.name, corpus.docs, corpus.gold))
        else:
            click.echo(f"skipped {corpus.name}: {corpus.docs} not found", err=True)
    if not found:
        msg = "no corpus folder found; run from the repository root"
        raise click.UsageError(msg)
    return found


_SCORE_HEADER = (
    f"{'corpus':<8} {'part':<5} {'gold':>4} {'found':>5} {'recall':>6} {'precis.':>7} "
    f"{'wrong':>5} {'dates±1':>7} {'dates~':>6} {'≤5 km':>7} {'median':>8}"
)


def _score_row(name: str, part: str, report: Evaluation) -> str:
    median = "n/a" if report.median_km is None else f"{report.median_km:.2f} km"
    places = f"{report.places_right}/{report.located_pairs}"
    return (
        f"{name:<8} {part:<5} {report.gold:>4} {report.found:>5} {report.recall:>6.3f} "
        f"{report.precision:>7.3f} {report.false_positives:>5} {report.date_accuracy:>7.3f} "
        f"{report.date_consistency:>6.3f} {places:>7} {median:>8}"
    )


def main() -> None:
    """Entry point of the ``clashmap`` script and ``python -m geo``."""
    cli(prog_name="clashmap")
