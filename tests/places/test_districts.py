"""districts.csv: one name per district, and every point near its district's seat."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.model import Place
from geo.places import check_gazetteer, far_apart, load_gazetteer, shared_names
from geo.places.districts import read_districts
from tests.gazetteer_fixtures import PLACES_CSV

DISTRICTS_CSV = PLACES_CSV.with_name("districts.csv")


def _copy(tmp_path: Path) -> Path:
    for name in ("places.csv", "districts.csv"):
        shutil.copy(PLACES_CSV.with_name(name), tmp_path / name)
    return tmp_path / "places.csv"


def _edit(path: Path, place_id: str, **cells: str) -> int:
    """Change cells of one row in a copied places.csv; return its line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    line = next(i for i, row in enumerate(rows, start=2) if row["id"] == place_id)
    rows[line - 2].update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return line


def test_every_row_names_a_district_of_the_table() -> None:
    names = {(d.country, d.name) for d in read_districts(DISTRICTS_CSV)}
    places = load_gazetteer(PLACES_CSV).places
    assert {(p.country, p.admin) for p in places if p.admin} <= names
    # GeoNames' "Fuezuli" and the harvest's "Fuzuli District" are written as one district
    assert not [p for p in places if p.admin in ("Fuezuli", "Susa", "Xocali", "Lacin")]


def test_a_village_moved_into_another_district_fails_the_check(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    # Talish (Tartar District) given the coordinates of Kapan, 134 km south
    line = _edit(path, "wp:talish", lat="39.20762", lon="46.40678")
    problems = [str(p) for p in check_gazetteer(path)]
    assert problems == [
        f"{path}:{line}: row wp:talish: lies 134 km from Tartar, seat of Tartar District "
        "(at most 50 km); check the coordinates and the district"
    ]


def test_an_unknown_district_fails_the_check(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    line = _edit(path, "wp:talish", admin="Tartar Rayonn")
    assert [str(p) for p in check_gazetteer(path)] == [
        f"{path}:{line}: row wp:talish: admin 'Tartar Rayonn' is not a district in districts.csv"
    ]


def test_a_seat_that_is_no_row_fails_the_check(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    table = tmp_path / "districts.csv"
    text = table.read_text(encoding="utf-8").replace(",gn:584871,", ",gn:999999999,")
    table.write_text(text, encoding="utf-8")
    problems = [str(p) for p in check_gazetteer(path)]
    assert len(problems) == 1
    assert problems[0].endswith("seat gn:999999999 of Tartar District is not a gazetteer row")


def test_a_broken_district_table_is_one_error(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    (tmp_path / "districts.csv").write_text("district,seat\nX,gn:1\n", encoding="utf-8")
    problems = [str(p) for p in check_gazetteer(path)]
    assert problems == [
        f"{tmp_path / 'districts.csv'}:1: header is district,seat; expected "
        "district,country,spellings,seat,max_km,source,note"
    ]


def test_max_km_must_be_a_positive_number(tmp_path: Path) -> None:
    table = tmp_path / "districts.csv"
    table.write_text(
        "district,country,spellings,seat,max_km,source,note\n"
        "Tartar District,AZ,Tartar,gn:584871,far,https://en.wikipedia.org/wiki/Tartar_District,\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"districts.csv:2: max_km 'far' is not a positive"):
        read_districts(table)


def _place(place_id: str, name: str, lat: float, lon: float) -> Place:
    return Place(place_id, name, (), "village", "", "AZ", lat, lon, "https://x.example", "")


def test_namesakes_far_apart_are_reported_and_near_ones_are_not() -> None:
    near = [_place("a", "Agbulaq", 40.0, 46.0), _place("b", "Ağbulaq", 40.02, 46.0)]
    far = [*near, _place("c", "Agbulaq", 39.2, 46.4)]
    assert [s.place_ids for s in shared_names(near)] == [("a", "b")]
    assert far_apart(shared_names(near)) == []
    reported = far_apart(shared_names(far))
    assert [s.place_ids for s in reported] == [("a", "b", "c")]
    assert 90 < reported[0].max_km < 100


def test_the_real_gazetteer_counts_far_namesakes() -> None:
    shared = shared_names(load_gazetteer(PLACES_CSV).places)
    by_name = {s.name: s for s in shared}
    # villages called Norashen lie in several Armenian provinces
    assert len(by_name["norashen"].place_ids) >= 5
    assert by_name["norashen"] in far_apart(shared)
