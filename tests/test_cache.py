"""Rebuilds reuse the reports of unchanged documents and give the same bytes (issue #11)."""

from __future__ import annotations

import dataclasses
import logging
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from geo.cache import CACHE_DIR, ReportCache, document_key
from geo.errors import InputError
from geo.pipeline import MERGE_MEMO_KEY, BuildConfig, BuildResult, build
from geo.scale import DocumentOutcome
from tests.conftest import GAZETTEER, SEEDS

OUTPUTS = ("clashes.geojson", "clashes.html", "excluded.csv", "unresolved.csv")


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _build(seeds: Path, out: Path, **options: Any) -> BuildResult:
    config = BuildConfig(seeds=seeds, gazetteer=GAZETTEER, out=out, jobs=1)
    return build(dataclasses.replace(config, **options))


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _entries(out: Path) -> list[Path]:
    """The documents' entries, without the merge memo."""
    found = sorted((out / CACHE_DIR).glob("*/*.pickle"))
    return [path for path in found if path.stem != MERGE_MEMO_KEY]


def test_second_build_takes_every_document_from_the_cache(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    first = _build(seeds, out)
    before = _outputs(out)
    assert first.cached == 0
    assert len(_entries(out)) == 5
    second = _build(seeds, out)
    assert second.cached == 5
    assert _outputs(out) == before
    assert (second.incidents, second.sentences) == (first.incidents, first.sentences)


def test_progress_counts_cached_documents_first(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    config = BuildConfig(seeds=seeds, gazetteer=GAZETTEER, out=out, jobs=1)
    calls: list[tuple[int, int]] = []
    build(config, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    calls.clear()
    build(config, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(5, 5)]


def test_changed_document_is_the_only_one_extracted_again(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    target = seeds / "003_e22d402f04e7151f.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = _build(seeds, out)
    assert again.cached == 4
    # the stale entry is gone: one entry per document read
    assert len(_entries(out)) == 5
    assert _outputs(out) == _outputs(_build_fresh(seeds, tmp_path))


def test_added_document_joins_the_cached_ones(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    (seeds / "004_611ee24c1ec80590.txt").rename(tmp_path / "held.txt")
    _build(seeds, out)
    (tmp_path / "held.txt").rename(seeds / "004_611ee24c1ec80590.txt")
    again = _build(seeds, out)
    assert (again.documents, again.cached) == (5, 4)
    assert _outputs(out) == _outputs(_build_fresh(seeds, tmp_path))


def _build_fresh(seeds: Path, tmp_path: Path) -> Path:
    fresh = tmp_path / "fresh"
    _build(seeds, fresh, is_cached=False)
    return fresh


def test_no_cache_reads_and_writes_no_cache(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    result = _build(seeds, out, is_cached=False)
    assert result.cached == 0
    fresh = tmp_path / "fresh"
    _build(seeds, fresh, is_cached=False)
    assert not (fresh / CACHE_DIR).exists()


def test_another_gazetteer_starts_a_new_generation(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    (old_generation,) = (out / CACHE_DIR).iterdir()
    edited = tmp_path / "places.csv"
    text = GAZETTEER.read_text(encoding="utf-8").replace("Talish", "Talysh village", 1)
    edited.write_text(text, encoding="utf-8")
    result = _build(seeds, out, gazetteer=edited)
    assert result.cached == 0
    (generation,) = (out / CACHE_DIR).iterdir()
    assert generation != old_generation


def test_unreadable_entry_is_ignored_with_a_warning(
    seeds: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    before = _outputs(out)
    broken = _entries(out)[0]
    broken.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger="geo.cache"):
        result = _build(seeds, out)
    assert result.cached == 4
    assert "ignoring the unreadable cache entry" in caplog.text
    assert _outputs(out) == before


def test_failed_strict_build_leaves_no_cache(seeds: Path, tmp_path: Path) -> None:
    (seeds / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "maps"
    with pytest.raises(InputError, match=r"zz_empty\.txt"):
        _build(seeds, out, is_strict=True)
    assert not out.exists()


def test_entry_round_trips_an_outcome(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path, b"gazetteer bytes")
    outcome = DocumentOutcome("a.txt", 3, None, InputError("seeds/a.txt", "is empty"))
    key = document_key("a.txt", b"text")
    assert cache.get(key) is None
    cache.put(key, outcome)
    stored = cache.get(key)
    assert isinstance(stored, DocumentOutcome)
    assert (stored.name, stored.sentences) == ("a.txt", 3)
    assert str(stored.error) == "seeds/a.txt: is empty"
    assert (cache.hits, cache.misses) == (1, 1)
    # the file name is part of the key: documents are named by it in every output
    assert document_key("b.txt", b"text") != key
    assert pickle.loads(pickle.dumps(outcome.error)).problem == "is empty"
    # a later build of the same generation finds the entry again
    assert ReportCache(tmp_path, b"gazetteer bytes").get(key) is not None
    assert ReportCache(tmp_path, b"other gazetteer").get(key) is None


def _memo_file(out: Path) -> Path:
    (memo,) = (out / CACHE_DIR).glob(f"*/{MERGE_MEMO_KEY}.pickle")
    return memo


def test_merge_memo_is_kept_and_reused(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    memo = _memo_file(out)
    first = memo.read_bytes()
    # buckets are found by the documents' names as the pipeline keys them
    _texts, pairs = pickle.loads(first)
    assert pairs
    before = _outputs(out)
    stamp = (memo.stat().st_ino, memo.stat().st_mtime_ns)
    _build(seeds, out)
    # the second merge finds every bucket it needs, so the memo is not written again
    assert (memo.stat().st_ino, memo.stat().st_mtime_ns) == stamp
    assert memo.read_bytes() == first
    assert _outputs(out) == before
    (seeds / "zz-copy.txt").write_bytes(sorted(seeds.glob("*.txt"))[0].read_bytes())
    _build(seeds, out)
    assert memo.read_bytes() != first


def test_damaged_merge_memo_is_ignored_with_a_warning(
    seeds: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "maps"
    _build(seeds, out)
    before = _outputs(out)
    _memo_file(out).write_bytes(pickle.dumps({"not": "a memo"}))
    with caplog.at_level(logging.WARNING):
        _build(seeds, out)
    assert "merge memo of an unknown shape" in caplog.text
    assert _outputs(out) == before
