"""Connect the stages: seeds -> documents -> incidents -> frame -> map and GeoJSON files."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import geopandas

from geo.cache import ReportCache, document_key
from geo.errors import GazetteerError, GeoError, InputError
from geo.evaluate import CORPORA, PARTS, Evaluation, evaluate, gold_part, in_docs, load_gold
from geo.fsutil import atomic_write_text
from geo.incidents import Extraction, MergeMemo, extract_incidents, merge_reports, restore_memo
from geo.model import Document
from geo.output import (
    EXPORT_FORMATS,
    ExportFormat,
    build_frame,
    excluded_csv_text,
    filter_frame,
    frame_from_geojson,
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
    packaged_places,
    shared_names,
)
from geo.read import Corpus, load_corpus, read_bytes, seed_files
from geo.scale import DocumentOutcome, SeedFile, default_jobs, has_dask, run_seeds

log = logging.getLogger(__name__)

__all__ = [
    "CORPORA",
    "EXPORT_FORMATS",
    "GEOJSON_FILE",
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
DEFAULT_GAZETTEER = Path("gazetteer/places.csv")
# Starting a local Dask cluster costs seconds; below this much new text one process is faster.
AUTO_PARALLEL_BYTES = 4_000_000
# The merge memo's entry in the cache; document entries are named by hex digests.
MERGE_MEMO_KEY = "merge-memo"


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Every option of a build, with the defaults a user running from the repo root expects."""

    seeds: Path = Path("seeds")
    # absent from the working folder, it means the copy shipped with the package
    gazetteer: Path = DEFAULT_GAZETTEER
    out: Path = Path("maps")
    is_strict: bool = False
    # None: every core when Dask is installed and enough text is new, else this process alone
    jobs: int | None = None
    scheduler: str | None = None
    is_cached: bool = True


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
    # documents whose reports are dated only relative to a date of their own they lack
    undated_documents: tuple[str, ...] = ()
    cached: int = 0
    jobs: int = 1


def read_corpus(config: BuildConfig) -> Corpus:
    """Load the seed documents named by ``config``."""
    return load_corpus(config.seeds, is_strict=config.is_strict)


def gazetteer_file(path: Path) -> Path:
    """Return the gazetteer to read: ``path``, or the packaged copy for an absent default."""
    if path == DEFAULT_GAZETTEER and not path.is_file():
        packaged = packaged_places()
        if packaged is not None:
            log.info(
                "gazetteer: %s (shipped with the package; there is no %s here)", packaged, path
            )
            return packaged
    log.info("gazetteer: %s", path)
    return path


def read_gazetteer(path: Path) -> Gazetteer:
    """Load the gazetteer (the packaged copy for an absent default), saying how to fix a miss."""
    return _load_gazetteer(gazetteer_file(path))


def _load_gazetteer(path: Path) -> Gazetteer:
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


def build(
    config: BuildConfig,
    on_stage: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Run every stage and write the map, the GeoJSON and the unresolved-names report.

    Everything is rendered in memory first and each file is then replaced atomically, so a
    failure leaves the previous outputs untouched.

    Parameters
    ----------
    config
        Inputs and the output folder (created if missing).
    on_stage
        Called with a short stage name as each stage starts, for progress display.
    on_progress
        Called with (documents done, documents in all) as reading and extraction go on.

    Raises
    ------
    GeoError
        For unusable seeds, gazetteer or output folder.
    """
    stage = on_stage or (lambda _name: None)
    stage("loading gazetteer")
    gazetteer_path = gazetteer_file(config.gazetteer)
    gazetteer = _load_gazetteer(gazetteer_path)
    stage("reading seeds and extracting incidents")
    cache = ReportCache(config.out, gazetteer_path.read_bytes()) if config.is_cached else None
    extracted = extract_seeds(config, gazetteer, cache, on_progress)
    extraction = extracted.extraction
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
    if cache is not None:
        store_in_cache(cache, extracted)
    located = sum(1 for incident in extraction.incidents if incident.places)
    read = [outcome for outcome in extracted.outcomes if outcome.error is None]
    return BuildResult(
        documents=len(read),
        sentences=sum(outcome.sentences for outcome in read),
        skipped=tuple(o.error for o in extracted.outcomes if o.error is not None),
        candidates=extraction.candidates,
        incidents=len(extraction.incidents),
        located=located,
        unlocated=len(extraction.incidents) - located,
        unresolved=len(extraction.unresolved),
        outputs=outputs,
        excluded=len(extraction.excluded),
        undated_documents=tuple(
            sorted({r.sentence.doc for r in extraction.excluded if r.needs_item_date})
        ),
        cached=extracted.cached,
        jobs=extracted.jobs,
    )


@dataclass(frozen=True, slots=True)
class Extracted:
    """Every seed file's outcome, in name order, the merged extraction, and how it ran.

    ``fresh`` holds the outcomes extracted by this build under their cache keys and ``keys``
    every readable document's key: :func:`store_in_cache` keeps the one and prunes to the other.
    ``memo`` is what the merge computed, kept for the next build.
    """

    outcomes: tuple[DocumentOutcome, ...]
    extraction: Extraction
    cached: int
    jobs: int
    fresh: tuple[tuple[str, DocumentOutcome], ...] = ()
    keys: frozenset[str] = frozenset()
    memo: MergeMemo | None = None


def extract_seeds(
    config: BuildConfig,
    gazetteer: Gazetteer,
    cache: ReportCache | None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """Read and extract every seed file, reusing cached reports, and merge them.

    Documents whose bytes, gazetteer and code are unchanged since the last build into
    ``config.out`` come from ``cache``; the rest run in this process or on Dask
    (``config.jobs``, ``config.scheduler``). Nothing is written: see :func:`store_in_cache`.

    Raises
    ------
    InputError
        A bad file when ``config.is_strict``, or when no file at all could be read.
    """
    paths = seed_files(config.seeds)
    outcomes, todo, doc_keys = _look_up(paths, cache)
    jobs = _jobs_for(config, sum(len(seed.data) for _, _, seed in todo)) if todo else 1
    known = len(outcomes)
    if on_progress is not None:
        on_progress(known, len(paths))
    computed = run_seeds(
        [seed for _, _, seed in todo],
        gazetteer,
        jobs=jobs,
        scheduler=config.scheduler,
        on_done=None
        if on_progress is None
        else partial(_report_done, on_progress, known, len(paths)),
    )
    fresh: list[tuple[str, DocumentOutcome]] = []
    for (index, key, _), outcome in zip(todo, computed, strict=True):
        outcomes[index] = outcome
        if outcome.error is None:
            fresh.append((key, outcome))
    ordered = tuple(outcomes[index] for index in range(len(paths)))
    _check_readable(config, ordered)
    memo = restore_memo(cache.get(MERGE_MEMO_KEY), doc_keys) if cache is not None else None
    extraction = merge_reports((o.reports for o in ordered if o.reports is not None), memo)
    from_cache = len(doc_keys) - len(todo)
    keys = frozenset(doc_keys.values())
    return Extracted(ordered, extraction, from_cache, jobs, tuple(fresh), keys, memo)


def _report_done(report: Callable[[int, int], None], known: int, total: int, done: int) -> None:
    report(known + done, total)


def _look_up(
    paths: Sequence[Path], cache: ReportCache | None
) -> tuple[dict[int, DocumentOutcome], list[tuple[int, str, SeedFile]], dict[str, str]]:
    """Outcomes known already (unreadable or cached), the files still to do, keys by name."""
    outcomes: dict[int, DocumentOutcome] = {}
    todo: list[tuple[int, str, SeedFile]] = []
    keys: dict[str, str] = {}
    for index, path in enumerate(paths):
        try:
            seed = SeedFile(path, read_bytes(path))
        except InputError as error:
            outcomes[index] = DocumentOutcome(path.name, 0, None, error)
            continue
        key = document_key(path.name, seed.data)
        keys[path.name] = key
        cached = cache.get(key) if cache is not None else None
        if isinstance(cached, DocumentOutcome):
            outcomes[index] = cached
        else:
            todo.append((index, key, seed))
    return outcomes, todo, keys


def store_in_cache(cache: ReportCache, extracted: Extracted) -> None:
    """Keep this build's fresh outcomes and drop entries of documents no longer read."""
    for key, outcome in extracted.fresh:
        cache.put(key, outcome)
    # an unchanged memo is not written again (24 MB for a 50 MB corpus)
    if extracted.memo is not None and extracted.memo.is_changed:
        cache.put(MERGE_MEMO_KEY, extracted.memo.snapshot())
    cache.prune(set(extracted.keys) | {MERGE_MEMO_KEY})


def _jobs_for(config: BuildConfig, new_bytes: int) -> int:
    """How many worker processes to run: as asked, or by default as the work is worth."""
    if config.jobs is not None:
        return max(1, config.jobs)
    if config.scheduler is not None or not has_dask() or new_bytes < AUTO_PARALLEL_BYTES:
        return 1
    return default_jobs()


def _check_readable(config: BuildConfig, outcomes: Sequence[DocumentOutcome]) -> None:
    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    for error in errors:
        if config.is_strict:
            raise error
        log.warning("skipped %s", error)
    if len(errors) == len(outcomes):
        raise errors[0] if len(errors) == 1 else InputError(config.seeds, "no readable seed file")


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
    source: Path | None = None,
    period_id: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> int:
    """Filter incidents and write one export file; return the feature count.

    Parameters
    ----------
    config
        Seeds and gazetteer to extract from when ``source`` is None.
    target
        The file to write; its folder must exist.
    fmt
        One of ``EXPORT_FORMATS``.
    source
        A ``clashes.geojson`` of an earlier build to filter instead of extracting again.
    period_id, date_from, date_to
        See :func:`geo.output.filter_frame`.
    """
    frame = incident_frame(config) if source is None else load_frame(source)
    frame = filter_frame(frame, period_id=period_id, date_from=date_from, date_to=date_to)
    if not target.parent.is_dir():
        raise InputError(target.parent, "output folder does not exist; create it first")
    write_export(frame, target, fmt)
    return len(frame)


def load_frame(path: Path) -> geopandas.GeoDataFrame:
    """Read the ``clashes.geojson`` of a build back into its GeoDataFrame.

    Raises
    ------
    InputError
        When the file is missing, unreadable or not a map's GeoJSON.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        hint = "run clashmap build first, or pass --input FILE (or --rebuild)"
        raise InputError(path, f"GeoJSON not found; {hint}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    return frame_from_geojson(text, str(path))


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
    path = gazetteer_file(path)
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
