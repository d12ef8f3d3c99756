"""Connect the stages: seeds -> documents -> incidents -> frame -> map and GeoJSON files."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from geo.corpus import Corpus, load_corpus
from geo.fsutil import atomic_write_text

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Every option of a build, with the defaults a user running from the repo root expects."""

    seeds: Path = Path("seeds")
    gazetteer: Path = Path("gazetteer/places.csv")
    out: Path = Path("maps")
    is_strict: bool = False


def read_corpus(config: BuildConfig) -> Corpus:
    """Load the seed documents named by ``config``."""
    return load_corpus(config.seeds, is_strict=config.is_strict)


def dump_corpus(corpus: Corpus, dump_dir: Path) -> list[Path]:
    """Write each document's normalized text to ``dump_dir/<seed name>.normalized.txt``.

    Returns
    -------
    list[Path]
        The files written, in document order.
    """
    dump_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for document in corpus.documents:
        target = dump_dir / f"{document.path}.normalized.txt"
        atomic_write_text(target, document.text + "\n")
        written.append(target)
    return written
