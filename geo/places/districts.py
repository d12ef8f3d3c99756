"""``gazetteer/districts.csv``: each district's one name, its other spellings and its seat.

The table serves two jobs. The gazetteer build writes every row's ``admin`` under the
district's one English name (GeoNames says "Fuezuli", the harvest "Fuzuli District"), so that
counts by district and popups agree. ``gazetteer check`` measures every point against the seat
of the district its row names: a village 80 km from its district's seat was copied from a
namesake's page, or its coordinates lost a digit.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GazetteerError
from geo.model import Place

DISTRICT_COLUMNS: tuple[str, ...] = (
    "district",
    "country",
    "spellings",
    "seat",
    "max_km",
    "source",
    "note",
)
# Areas, not points: their rows stand for the district itself and have no seat distance.
_AREA_KINDS = frozenset({"district", "province", "region", "country"})


@dataclass(frozen=True, slots=True)
class District:
    """One row of districts.csv: an admin unit, the names rows use for it, and its seat."""

    name: str
    country: str
    spellings: tuple[str, ...]
    seat: str
    max_km: float
    source: str
    line: int


def districts_path(places_path: Path) -> Path:
    """Where the district table of a gazetteer file lives (beside it)."""
    return places_path.with_name("districts.csv")


def read_districts(path: Path) -> list[District]:
    """Read districts.csv.

    Raises
    ------
    GazetteerError
        On a wrong header, a missing name or source, or a ``max_km`` that is not a positive
        number; the message names the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerError(path, f"not UTF-8 ({exc.reason})") from exc
    reader = csv.DictReader(text.splitlines())
    header = tuple(reader.fieldnames or ())
    if header != DISTRICT_COLUMNS:
        found = ",".join(header) or "(empty)"
        raise GazetteerError(path, f"header is {found}; expected {','.join(DISTRICT_COLUMNS)}", 1)
    return [_district(path, reader.line_num, record) for record in reader]


def _district(path: Path, line: int, record: dict[str, str]) -> District:
    cells = {col: (record.get(col) or "").strip() for col in DISTRICT_COLUMNS}
    if not cells["district"] or not cells["source"].startswith("http"):
        raise GazetteerError(path, "a district needs a name and a source URL", line)
    try:
        max_km = float(cells["max_km"])
    except ValueError:
        max_km = 0.0
    if max_km <= 0:
        raise GazetteerError(path, f"max_km {cells['max_km']!r} is not a positive number", line)
    spellings = tuple(s.strip() for s in cells["spellings"].split("|") if s.strip())
    return District(
        name=cells["district"],
        country=cells["country"],
        spellings=tuple(dict.fromkeys((cells["district"], *spellings))),
        seat=cells["seat"],
        max_km=max_km,
        source=cells["source"],
        line=line,
    )


def canonical_names(districts: Iterable[District]) -> dict[tuple[str, str], str]:
    """Map (country, any spelling) to the district's one name."""
    return {(d.country, s): d.name for d in districts for s in d.spellings}


def km_between(a: Place, b: Place) -> float:
    """Geodesic distance of two rows in km (WGS84, geopy)."""
    # geopy loads all its geocoders on import (0.15 s); only the gazetteer checks need it
    from geopy.distance import geodesic

    return float(geodesic((a.lat, a.lon), (b.lat, b.lon)).km)


def missing_seats(districts: list[District], place_ids: set[str]) -> Iterator[tuple[int, str]]:
    """(line in districts.csv, message) for each seat id that is not a gazetteer row."""
    for district in districts:
        if district.seat and district.seat not in place_ids:
            yield district.line, f"seat {district.seat} of {district.name} is not a gazetteer row"


def district_problems(
    rows: list[tuple[int, Place]], districts: list[District]
) -> Iterator[tuple[int, str]]:
    """(line, message) for rows naming an unknown district or lying too far from its seat.

    Parameters
    ----------
    rows
        Sound rows with their line in places.csv.
    districts
        The district table.
    """
    by_id = {place.id: place for _, place in rows}
    by_name = {(d.country, d.name): d for d in districts}
    for line, place in rows:
        if not place.admin:
            continue
        district = by_name.get((place.country, place.admin))
        if district is None:
            yield line, f"row {place.id}: admin {place.admin!r} is not a district in districts.csv"
            continue
        seat = by_id.get(district.seat)
        if seat is None or place.kind in _AREA_KINDS:
            continue
        km = km_between(place, seat)
        if km > district.max_km:
            yield (
                line,
                f"row {place.id}: lies {km:.0f} km from {seat.name}, seat of {district.name} "
                f"(at most {district.max_km:g} km); check the coordinates and the district",
            )
