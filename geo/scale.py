"""Per-document work, reading and extracting one file, on one core or on a Dask cluster.

A document's reports depend on no other document, so this stage runs anywhere: in this process,
on Dask's local cluster of worker processes (``--jobs N``), or on a running
``dask.distributed`` scheduler (``--scheduler ADDRESS``). File bytes travel to the workers with
the work, so workers need no access to the seeds folder. Results come back in the order of the
files, so the merge that follows, and every output, are the same whichever way they ran.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import GeoError, InputError
from geo.incidents import DocumentReports, document_reports
from geo.places import Gazetteer
from geo.read import parse_seed

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'karabakh-clash-map[scale]'"
# Told how many documents are done, after each one (or each batch on Dask).
Progress = Callable[[int], None]
# Several tasks per worker even out documents of very different sizes.
_TASKS_PER_WORKER = 4
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True, slots=True)
class SeedFile:
    """One seed file: where it was found and its bytes."""

    path: Path
    data: bytes


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    """What reading and extracting one seed file gave: its reports, or why it was skipped."""

    name: str
    sentences: int
    reports: DocumentReports | None
    error: InputError | None = None


def process_seed(seed: SeedFile, gazetteer: Gazetteer) -> DocumentOutcome:
    """Read and extract one seed file; a file that cannot be read becomes a skipped outcome."""
    try:
        document = parse_seed(seed.path, seed.data)
    except InputError as error:
        return DocumentOutcome(seed.path.name, 0, None, error)
    return DocumentOutcome(
        document.path, len(document.sentences), document_reports(document, gazetteer)
    )


def process_batch(seeds: Sequence[SeedFile], gazetteer: Gazetteer) -> list[DocumentOutcome]:
    """Run :func:`process_seed` over ``seeds`` in order: one Dask task."""
    return [process_seed(seed, gazetteer) for seed in seeds]


def has_dask() -> bool:
    """Tell whether ``dask.distributed`` is installed (the ``scale`` extra)."""
    return importlib.util.find_spec("distributed") is not None


def default_jobs() -> int:
    """Count the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_seeds(
    seeds: Sequence[SeedFile],
    gazetteer: Gazetteer,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    on_done: Progress | None = None,
) -> list[DocumentOutcome]:
    """Read and extract every seed, in parallel when asked; outcomes are in ``seeds`` order.

    Parameters
    ----------
    seeds
        The files to process.
    gazetteer
        The loaded gazetteer; sent once to every worker.
    jobs
        Worker processes of a local Dask cluster; 1 runs everything in this process.
    scheduler
        Address of a running ``dask.distributed`` scheduler; overrides ``jobs``.
    on_done
        Called with the number of documents done so far, as work completes.

    Raises
    ------
    GeoError
        When parallel work is asked for and Dask is not installed, or the scheduler cannot be
        reached.
    """
    report = on_done or (lambda _done: None)
    # a rebuild with every document cached starts no cluster
    if not seeds or (scheduler is None and jobs <= 1):
        outcomes = []
        for seed in seeds:
            outcomes.append(process_seed(seed, gazetteer))
            report(len(outcomes))
        return outcomes
    if not has_dask():
        option = "--scheduler" if scheduler else f"--jobs {jobs}"
        raise GeoError(
            option, f"needs Dask, which is not installed; {INSTALL_HINT}, or use --jobs 1"
        )
    client = _connect(jobs, scheduler)
    try:
        return _run_on(client, seeds, gazetteer, report)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and scheduler is None:
            cluster.close()


def _connect(jobs: int, scheduler: str | None) -> Any:
    from distributed import Client, LocalCluster

    # distributed sets its loggers to INFO on import; follow the level the caller chose instead
    logging.getLogger("distributed").setLevel(
        max(logging.WARNING, logging.getLogger().getEffectiveLevel())
    )
    if scheduler is not None:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise GeoError(scheduler, f"cannot reach the Dask scheduler: {exc}") from None
    log.info("starting a local Dask cluster of %d worker processes", jobs)
    cluster = LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        # The scheduler serves HTTP even without a dashboard, on 8787 unless told otherwise:
        # a free port, so that a second cluster on the machine (a notebook's, another build)
        # neither clashes with it nor warns.
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
        silence_logs=logging.WARNING,
    )
    return Client(cluster)


def _run_on(
    client: Any, seeds: Sequence[SeedFile], gazetteer: Gazetteer, report: Progress
) -> list[DocumentOutcome]:
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    batches = split_batches(seeds, workers * _TASKS_PER_WORKER)
    shared = client.scatter(gazetteer, broadcast=True)
    futures = client.map(process_batch, batches, gazetteer=shared, pure=False)
    sizes = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
    done = 0
    for future in as_completed(futures):
        done += sizes[future.key]
        report(done)
    # results in the order of the files, whatever order the workers finished in
    outcomes: list[DocumentOutcome] = []
    for batch in client.gather(futures):
        outcomes.extend(batch)
    return outcomes


def split_batches(seeds: Sequence[SeedFile], count: int) -> list[list[SeedFile]]:
    """Cut ``seeds`` into at most ``count`` runs of consecutive files of similar total size."""
    total = sum(len(seed.data) for seed in seeds)
    target = max(1, total // max(1, count))
    batches: list[list[SeedFile]] = []
    current: list[SeedFile] = []
    size = 0
    for seed in seeds:
        current.append(seed)
        size += len(seed.data)
        if size >= target:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches
