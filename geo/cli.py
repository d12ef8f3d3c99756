"""Command line: ``clashmap`` or ``python -m geo``. The only module that prints or exits."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from geo import __version__
from geo.errors import GeoError
from geo.pipeline import BuildConfig, dump_corpus, read_corpus

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


def main() -> None:
    """Entry point of the ``clashmap`` script and ``python -m geo``."""
    cli(prog_name="clashmap")
