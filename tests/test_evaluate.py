from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.evaluate import Evaluation, Gold, GoldIncident, GoldMention, evaluate, load_gold
from geo.incidents.extract import Extraction
from geo.model import DateRange, Incident, Source
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "incidents.yaml"
D = dt.date


@pytest.fixture(scope="module")
def report(extraction: Extraction) -> Evaluation:
    return evaluate(extraction.incidents, load_gold(GOLD))


def test_gold_set_is_large_enough() -> None:
    gold = load_gold(GOLD)
    assert len(gold.incidents) >= 40
    assert len(gold.negatives) >= 20
    assert gold.exhaustive_docs == ("001_d44544b78ddb5d3f.txt",)


def test_scores_do_not_regress(report: Evaluation) -> None:
    # Measured with `python -m geo evaluate`; see README "Accuracy". Raise these as they improve.
    assert report.recall >= 0.90
    assert report.precision >= 0.90
    assert report.negatives_hit == 0
    assert report.date_consistency >= 0.92
    assert report.median_km is not None
    assert report.median_km < 2.0
    assert report.places_right >= 35


def _incident(quote: str, start: D, end: D) -> Incident:
    return Incident(
        id=quote[:8],
        event_type="clash",
        when=DateRange(start, end, "day"),
        places=(),
        sources=(Source("a.txt", quote, 0, len(quote)),),
    )


def _gold(gold_id: str, fragment: str, start: D) -> GoldIncident:
    return GoldIncident(
        gold_id, start, start, "day", "clash", None, None, None, (GoldMention("a.txt", fragment),)
    )


def test_one_sentence_two_incidents_pairs_by_date() -> None:
    quote = "In late April 2011, clashes left three dead, while on 5 October, two were killed."
    gold = Gold(
        (
            _gold("april", "In late April 2011", D(2011, 4, 21)),
            _gold("october", "5 October", D(2011, 10, 5)),
        ),
        (),
        ("a.txt",),
    )
    predicted = [
        _incident(quote, D(2011, 10, 5), D(2011, 10, 5)),
        _incident(quote, D(2011, 4, 21), D(2011, 4, 30)),
    ]
    result = evaluate(predicted, gold)
    assert (result.found, result.true_positives, result.duplicates) == (2, 2, 0)


def test_duplicates_negatives_and_unannotated_count_against_precision() -> None:
    gold = Gold(
        (_gold("one", "Shusha was captured", D(1992, 5, 8)),),
        (GoldMention("a.txt", "census"),),
        ("a.txt",),
    )
    predicted = [
        _incident("Shusha was captured on 8 May.", D(1992, 5, 8), D(1992, 5, 8)),
        _incident("Shusha was captured by Armenian forces.", D(1992, 5, 9), D(1992, 5, 9)),
        _incident("The census counted the dead.", D(1989, 1, 1), D(1989, 1, 1)),
        _incident("Something else entirely happened.", D(1990, 1, 1), D(1990, 1, 1)),
    ]
    result = evaluate(predicted, gold)
    assert (result.true_positives, result.duplicates, result.negatives_hit) == (1, 1, 1)
    assert result.false_positives == 3
    assert result.precision == 0.25
    assert result.recall == 1.0


def test_malformed_gold_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("incidents:\n  - id: x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.yaml: gold entry is malformed"):
        load_gold(path)
