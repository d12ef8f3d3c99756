"""Read + extract + merge on corpora of new text, against the bare Aho-Corasick floor (#11).

Run: ``make bench``. For 5, 10, 25 and 50 MB of shuffled sentences (see ``user_corpus.py``) it
prints MB/s of the pipeline on one core, MB/s of the floor (the same files read and scanned
once with the gazetteer's names over lower-cased text, in the same interpreter, runs
interleaved), their ratio and each run's peak memory. At 5 and 50 MB it also times two Dask
worker processes and a rebuild after adding one document (the cache). Each run is a fresh
process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.user_corpus import ROOT, source_sentences, write_corpus

pytestmark = pytest.mark.bench

SIZES_MB = (5, 10, 25, 50)
SCALE_SIZES_MB = (5, 50)


def _run(folder: Path, kind: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.user_corpus", "run", str(folder), kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_pipeline_against_the_floor(tmp_path: Path) -> None:
    sentences = source_sentences()
    rows = []
    for size in SIZES_MB:
        folder = tmp_path / f"corpus-{size}mb"
        megabytes = write_corpus(folder, size, sentences) / 1_000_000
        first_floor = _run(folder, "floor")
        pipeline = _run(folder, "pipeline")
        second_floor = _run(folder, "floor")
        floor = min(first_floor["seconds"], second_floor["seconds"])
        rate, floor_rate = megabytes / pipeline["seconds"], megabytes / floor
        rows.append((megabytes, rate, floor_rate, pipeline["peak_mb"], pipeline["incidents"]))
    print("\nread + extract + merge, one core, shuffled sentences of seeds + devset + devnews")
    print(f"{'MB':>6} {'MB/s':>7} {'floor MB/s':>11} {'ratio':>6} {'peak MB':>8} {'incidents':>9}")
    for megabytes, rate, floor_rate, peak, incidents in rows:
        print(
            f"{megabytes:6.1f} {rate:7.2f} {floor_rate:11.1f} {floor_rate / rate:6.1f} "
            f"{peak:8.0f} {incidents:9.0f}"
        )
    assert all(incidents > 0 for *_, incidents in rows)
    _scale_rows(tmp_path, dict(zip(SIZES_MB, rows, strict=True)))


def _scale_rows(tmp_path: Path, one_core: dict[int, tuple[float, ...]]) -> None:
    print("\ntwo Dask workers (start-up included) and a rebuild after adding one document")
    print(f"{'MB':>6} {'1 core s':>9} {'2 workers s':>12} {'speed-up':>9} {'cold s':>7}", end="")
    print(f" {'rebuild s':>10} {'rebuild %':>10} {'peak MB':>8}")
    for size in SCALE_SIZES_MB:
        folder = tmp_path / f"corpus-{size}mb"
        megabytes, rate = one_core[size][0], one_core[size][1]
        workers = _run(folder, "workers")
        rebuild = _run(folder, "rebuild")
        single = megabytes / rate
        cold, warm = rebuild["seconds"], rebuild["warm_seconds"]
        print(
            f"{megabytes:6.1f} {single:9.1f} {workers['seconds']:12.1f} "
            f"{single / workers['seconds']:9.2f} {cold:7.1f} {warm:10.1f} "
            f"{100 * warm / cold:10.1f} {max(workers['peak_mb'], rebuild['peak_mb']):8.0f}"
        )
        assert workers["incidents"] == one_core[size][4]
