"""Connect the stages: seeds -> documents -> incidents -> frame -> map and GeoJSON files."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas

from geo.errors import GazetteerError, GeoError, InputError
from geo.evaluate import CORPORA, PARTS, Evaluation, evaluate, gold_part, in_docs, load_gold
from geo.fsutil import atomic_write_text
from geo.incidents import Extraction, extract_incidents
from geo.model import Document
from geo.output import (
    EXPORT_FORMATS,
    ExportFormat,
    build_frame,
    excluded_csv_text,
    filter_frame,
    render_map,
    to_geojson_text,
    unresolved_csv_text,
    write_export,
)
from geo.places import (
    FAR_KM,
    Gazetteer,
    GazetteerStats,
    SharedName,
    check_gazetteer,
    count_gazetteer,
    far_apart,
    load_gazetteer,
    shared_names,
)
from geo.read import Corpus, load_corpus

log = logging.getLogger(__name__)

__all__ = [
    "CORPORA",
    "EXPORT_FORMATS",
    "BuildConfig",
    "BuildResult",
    "Document",
    "Evaluation",
    "GazetteerReport",
    "build",
    "evaluate_build",
    "export",
]

MAP_FILE = "clashes.html"
GEOJSON_FILE = "clashes.geojson"
UNRESOLVED_FILE = "unresolved.csv"
EXCLUDED_FILE = "excluded.csv"


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Every option of a build, with the defaults a user running from the repo root expects."""

    seeds: Path = Path("seeds")
    gazetteer: Path = Path("gazetteer/places.csv")
    out: Path = Path("maps")
    is_strict: bool = False


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Counts of what a build read and produced, and the files it wrote."""

    documents: int
    sentences: int
    skipped: tuple[InputError, ...]
    candidates: int
    incidents: int
    located: int
    unlocated: int
    unresolved: int
    outputs: tuple[Path, ...]
    excluded: int = 0


def read_corpus(config: BuildConfig) -> Corpus:
    """Load the seed documents named by ``config``."""
    return load_corpus(config.seeds, is_strict=config.is_strict)


def read_gazetteer(path: Path) -> Gazetteer:
    """Load the gazetteer, saying how to fix a missing default path."""
    if not path.is_file():
        hint = "run from the repository root or pass --gazetteer FILE"
        raise GazetteerError(path, f"gazetteer file not found; {hint}")
    return load_gazetteer(path)


def extract(config: BuildConfig) -> tuple[Corpus, Extraction]:
    """Read the corpus and the gazetteer and extract merged incidents."""
    corpus = read_corpus(config)
    gazetteer = read_gazetteer(config.gazetteer)
    return corpus, extract_incidents(corpus.documents, gazetteer)


def incident_frame(config: BuildConfig) -> geopandas.GeoDataFrame:
    """Return the incidents of ``config``'s seeds as the GeoDataFrame every writer uses."""
    return build_frame(extract(config)[1].incidents)


def build(config: BuildConfig, on_stage: Callable[[str], None] | None = None) -> BuildResult:
    """Run every stage and write the map, the GeoJSON and the unresolved-names report.

    Everything is rendered in memory first and each file is then replaced atomically, so a
    failure leaves the previous outputs untouched.

    Parameters
    ----------
    config
        Inputs and the output folder (created if missing).
    on_stage
        Called with a short stage name as each stage starts, for progress display.

    Raises
    ------
    GeoError
        For unusable seeds, gazetteer or output folder.
    """
    stage = on_stage or (lambda _name: None)
    stage("reading seeds")
    corpus = read_corpus(config)
    stage("loading gazetteer")
    gazetteer = read_gazetteer(config.gazetteer)
    stage("extracting incidents")
    extraction = extract_incidents(corpus.documents, gazetteer)
    stage("rendering map")
    frame = build_frame(extraction.incidents)
    contents = {
        MAP_FILE: render_map(frame),
        GEOJSON_FILE: to_geojson_text(frame),
        UNRESOLVED_FILE: unresolved_csv_text(extraction.unresolved),
        EXCLUDED_FILE: excluded_csv_text(extraction.excluded),
    }
    stage("writing outputs")
    outputs = _write_outputs(config.out, contents)
    located = sum(1 for incident in extraction.incidents if incident.places)
    return BuildResult(
        documents=len(corpus.documents),
        sentences=sum(len(doc.sentences) for doc in corpus.documents),
        skipped=corpus.skipped,
        candidates=extraction.candidates,
        incidents=len(extraction.incidents),
        located=located,
        unlocated=len(extraction.incidents) - located,
        unresolved=len(extraction.unresolved),
        outputs=outputs,
        excluded=len(extraction.excluded),
    )


def _write_outputs(out: Path, contents: dict[str, str]) -> tuple[Path, ...]:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out, f"cannot create the output folder: {exc.strerror}") from None
    written = []
    for name in sorted(contents):
        target = out / name
        try:
            atomic_write_text(target, contents[name])
        except OSError as exc:
            raise InputError(target, f"cannot write: {exc.strerror}") from None
        written.append(target)
    return tuple(written)


def export(
    config: BuildConfig,
    target: Path,
    fmt: ExportFormat,
    *,
    period_id: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> int:
    """Build the incidents, filter them and write one export file; return the feature count."""
    frame = filter_frame(
        incident_frame(config), period_id=period_id, date_from=date_from, date_to=date_to
    )
    if not target.parent.is_dir():
        raise InputError(target.parent, "output folder does not exist; create it first")
    write_export(frame, target, fmt)
    return len(frame)


def evaluate_build(config: BuildConfig, gold_path: Path) -> dict[str, Evaluation]:
    """Extract incidents from ``config``'s seeds and score them against the gold set.

    Returns
    -------
    dict[str, Evaluation]
        The scores over all documents (``all``) and, when the gold set holds some documents
        out, over the development part (``dev``) and the held-out part (``held``).
    """
    gold = load_gold(gold_path)
    corpus, extraction = extract(config)
    names = [document.path for document in corpus.documents]
    scores: dict[str, Evaluation] = {}
    for part in PARTS if gold.held_out_docs else ("all",):
        part_gold, part_names = gold_part(gold, names, part)
        scores[part] = evaluate(in_docs(extraction.incidents, part_names), part_gold)
    return scores


def check_gazetteer_file(path: Path) -> list[GeoError]:
    """Every problem found in the gazetteer file at ``path`` (empty when it is sound)."""
    if not path.is_file():
        return [GazetteerError(path, "gazetteer file not found; pass --gazetteer FILE")]
    return list(check_gazetteer(path))


@dataclass(frozen=True, slots=True)
class GazetteerReport:
    """What ``gazetteer stats`` shows: the counts, the far namesakes, and a corpus's misses.

    ``unresolved`` holds (name, times listed) for the place-like names of the corpus that no row
    matches, most frequent first; it is None when no corpus was given.
    """

    stats: GazetteerStats
    far_names: tuple[SharedName, ...]
    unresolved: tuple[tuple[str, int], ...] | None


def far_namesakes(path: Path, far_km: float = FAR_KM) -> tuple[SharedName, ...]:
    """Names that rows more than ``far_km`` apart share, farthest first."""
    return tuple(far_apart(shared_names(read_gazetteer(path).places), far_km))


def report_gazetteer(
    path: Path, seeds: Path | None = None, far_km: float = FAR_KM
) -> GazetteerReport:
    """Count the gazetteer at ``path`` and, given a corpus folder, its unresolved names.

    Raises
    ------
    GeoError
        For an unreadable gazetteer or corpus.
    """
    gazetteer = read_gazetteer(path)
    unresolved: tuple[tuple[str, int], ...] | None = None
    if seeds is not None:
        corpus = read_corpus(BuildConfig(seeds=seeds, gazetteer=path))
        names = Counter(u.name for u in extract_incidents(corpus.documents, gazetteer).unresolved)
        unresolved = tuple(sorted(names.items(), key=lambda item: (-item[1], item[0])))
    shared = shared_names(gazetteer.places)
    return GazetteerReport(
        stats=count_gazetteer(gazetteer, shared, far_km),
        far_names=tuple(far_apart(shared, far_km)),
        unresolved=unresolved,
    )


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
