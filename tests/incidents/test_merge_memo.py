"""The merge memo: a rebuild reuses the pairs of unchanged buckets and merges the same (#11)."""

from __future__ import annotations

import logging

import pytest

import geo.incidents.merge as merge_module
from geo.incidents import DocumentReports, MergeMemo, document_reports, merge_reports, restore_memo
from geo.model import Incident
from geo.places import Gazetteer
from geo.read import Corpus


@pytest.fixture(scope="module")
def reports(corpus: Corpus, gazetteer: Gazetteer) -> list[DocumentReports]:
    return [document_reports(document, gazetteer) for document in corpus.documents]


def _keys(reports: list[DocumentReports], version: str = "v1") -> dict[str, str]:
    return {r.doc: f"{r.doc}:{version}" for r in reports}


def _incidents(reports: list[DocumentReports], memo: MergeMemo | None) -> tuple[Incident, ...]:
    return merge_reports(reports, memo).incidents


def _remembered(reports: list[DocumentReports]) -> MergeMemo:
    memo = MergeMemo(_keys(reports))
    merge_reports(reports, memo)
    return restore_memo(memo.snapshot(), _keys(reports))


def test_memo_changes_no_incident(reports: list[DocumentReports]) -> None:
    plain = _incidents(reports, None)
    assert _incidents(reports, MergeMemo(_keys(reports))) == plain
    assert _incidents(reports, _remembered(reports)) == plain


def test_second_merge_recomputes_no_bucket(
    reports: list[DocumentReports], monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = _remembered(reports)
    assert memo.pairs, "the seeds' merge stores bucket pairs"

    def refuse(*_args: object) -> list[tuple[int, int]]:
        message = "a known bucket was computed again"
        raise AssertionError(message)

    monkeypatch.setattr(merge_module, "_word_sharing_pairs", refuse)
    monkeypatch.setattr(merge_module, "_same_section", refuse)
    monkeypatch.setattr(merge_module, "_text_keys", refuse)
    _incidents(reports, memo)
    assert memo.used_pairs == set(memo.pairs)
    assert not memo.is_changed


def test_changed_document_recomputes_its_buckets_only(reports: list[DocumentReports]) -> None:
    memo = _remembered(reports)
    stored = set(memo.pairs)
    changed = reports[0].doc
    keys = {**_keys(reports), changed: f"{changed}:v2"}
    again = restore_memo(memo.snapshot(), keys)
    assert _incidents(reports, again) == _incidents(reports, None)
    new = set(again.pairs) - stored
    assert new, "the changed document's buckets get new keys"
    assert again.is_changed
    # every bucket of the other documents is found again
    assert len(again.used_pairs & stored) >= len(stored) - len(new)


def test_added_document_merges_as_without_memo(reports: list[DocumentReports]) -> None:
    first = reports[:-1]
    memo = MergeMemo(_keys(first))
    merge_reports(first, memo)
    grown = restore_memo(memo.snapshot(), _keys(reports))
    assert _incidents(reports, grown) == _incidents(reports, None)


def test_damaged_pairs_are_computed_again(reports: list[DocumentReports]) -> None:
    memo = _remembered(reports)
    for key in memo.pairs:
        memo.pairs[key] = ((10_000, 10_001),)
    assert _incidents(reports, memo) == _incidents(reports, None)


def test_memo_of_unknown_shape_is_ignored_with_a_warning(
    reports: list[DocumentReports], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="geo.incidents.memo"):
        memo = restore_memo(["not", "a", "memo"], _keys(reports))
    assert "unknown shape" in caplog.text
    assert not memo.pairs
    assert not memo.text_keys
