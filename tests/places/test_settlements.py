"""The harvested settlements: sourced, where their pages put them, and found under their names."""

from __future__ import annotations

import csv
import hashlib

import pytest
from geopy.distance import geodesic

from geo.model import Sentence
from geo.places import Gazetteer, find_mentions
from geo.places.coordinates import parse_coordinates
from geo.places.names import fold, transliterations
from tests.conftest import ROOT

SETTLEMENTS = ROOT / "gazetteer" / "settlements.csv"


def _rows() -> list[dict[str, str]]:
    with SETTLEMENTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_row_has_a_source_page_and_the_coordinates_it_gives() -> None:
    rows = _rows()
    assert len(rows) >= 300
    assert len({r["slug"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source_url"].startswith("http"), row["slug"]
        assert row["coord_as_written"], row["slug"]


def test_spot_check_30_rows_against_the_coordinates_their_pages_give() -> None:
    # The string is copied from the page; the decimals were computed from it. Ordering by a
    # hash of the id draws the same 30 rows, spread over every district, on every run.
    rows = sorted(_rows(), key=lambda r: hashlib.sha256(r["slug"].encode()).hexdigest())[:30]
    for row in rows:
        written = parse_coordinates(row["coord_as_written"])
        assert written is not None, row["coord_as_written"]
        km = geodesic(written, (float(row["lat"]), float(row["lon"]))).km
        assert km <= 2.0, (row["slug"], row["coord_as_written"], km)


def test_every_row_agrees_with_its_written_coordinates() -> None:
    far = []
    for row in _rows():
        written = parse_coordinates(row["coord_as_written"])
        if written is None or geodesic(written, (float(row["lat"]), float(row["lon"]))).km > 2:
            far.append(row["slug"])
    assert far == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("39°29′49″N 46°52′42″E / 39.49694°N 46.87833°E", (39.49694, 46.87833)),
        ("39°20′41″ s. Sch. 46°41′11″ E E.", (39.34472, 46.68639)),
        ("{{coord|39|34|00|N|47|05|32|E}}", (39.56667, 47.09222)),
        ("39 ° 38'26 '' N 46 ° 24'33 '' E.  /.  39,64056 ° N 46,40917 ° O.", (39.64056, 46.40917)),
        ("39°48′N 47°00′E", (39.8, 47.0)),
        # Polish Wikipedia: the decimal form after a bare slash, with decimal commas
        ("39°16′50″N 45°14′08″E/39,280556 45,235556", (39.28056, 45.23556)),
        ("40.068739,46.905956", (40.068739, 46.905956)),
        ("no coordinates here", None),
    ],
)
def test_coordinate_strings_of_many_languages(
    written: str, expected: tuple[float, float] | None
) -> None:
    found = parse_coordinates(written)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert found == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    ("official", "english"),
    [
        ("Ağcakənd", "aghjakend"),
        ("Qubadlı", "gubadly"),
        ("Xocavənd", "khojavend"),
        ("Cəbrayıl", "jabrayil"),
        ("Yuxarı Quşçular", "upper gushchular"),
        ("Nor Maragha", "nor-maragha"),
        ("Verdenisskiy", "verdenissky"),
        # the letters dropped, ə as a (RFE/RL's "Azerbaijan's Kalbacar district")
        ("Kəlbəcər", "kalbacar"),
        ("Xocavənd", "xocavand"),
    ],
)
def test_transliterations_of_official_names(official: str, english: str) -> None:
    assert english in transliterations(official)
    assert fold(official) not in transliterations(official)


def test_a_harvested_village_resolves_under_its_english_name(gazetteer: Gazetteer) -> None:
    # The row gives the official Ağcakənd and the Armenian Khandzadzor; English texts write
    # Aghjakend. Villages of that name lie in three districts: Hadrut, named beside it, picks
    # the one in Khojavend.
    text = "Azerbaijani troops entered Aghjakend near Hadrut in October 2020."
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    mentions = find_mentions(gazetteer, sentence)
    assert [m.as_written for m in mentions] == ["Aghjakend", "Hadrut"]
    assert mentions[0].place.id == "wp:aghjakend-khojavend"
    text = "Khandzadzor was shelled."
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    assert [m.place.id for m in find_mentions(gazetteer, sentence)] == ["wp:aghjakend-khojavend"]


def test_a_former_name_noted_in_brackets_resolves_without_the_note(gazetteer: Gazetteer) -> None:
    # settlements.csv writes "Pirijan (former name)" for Pircahan, Lachin: texts write Pirijan
    text = "Shelling was reported near Pirijan on 3 May 1992."
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    assert [m.place.id for m in find_mentions(gazetteer, sentence)] == ["wp:pircahan-lachin"]
    for place in gazetteer.places:
        assert not any(alias.endswith("(former name)") for alias in place.aliases), place.id
