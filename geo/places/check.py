"""``gazetteer check``: every problem of places.csv, each naming the file and line.

Rules (documented for editors in gazetteer/README.md):

* each row: id, name, a source URL, a known kind, whole-number population, lat/lon numbers
  in range, a country code with an outline;
* ids are unique;
* the point lies inside its country, with :data:`OUTSIDE_TOLERANCE_KM` for coarse outlines,
  unless the note says ``outside-outline: <why>``;
* a name or alias shared by rows of the same precision (settlement, district, ...; names are
  compared after :func:`geo.places.names.fold`) needs a rule: a curated (non-GeoNames) row
  that shares it carries ``ambiguous: <why>`` in its note, and unmarked rows differ in kind or
  population, so the resolver always has a default when the context does not decide. Rows of
  different precision are told apart by cue words ("Agdam District") and the default rank;
* when ``districts.csv`` lies beside the file: every ``admin`` is a district's one name, and
  every point lies within that district's ``max_km`` of its seat (see
  :mod:`geo.places.districts`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from geo.errors import GazetteerError
from geo.model import Place
from geo.places.countries import ISO2_TO_ISO3, km_outside
from geo.places.districts import (
    district_problems,
    districts_path,
    missing_seats,
    read_districts,
)
from geo.places.names import fold
from geo.places.table import (
    RawRow,
    default_rank,
    is_marked_ambiguous,
    read_rows,
    row_problems,
    to_place,
)

# Natural Earth 1:110m outlines cut corners by up to ~20 km in the Caucasus.
OUTSIDE_TOLERANCE_KM = 25.0
# A row whose note has this mark is exempt from the outline test (say why after the colon),
# e.g. the offshore oil town Neft Dashlari in the Caspian Sea.
OUTSIDE_MARK = "outside-outline:"


def _has_mark(note: str, mark: str) -> bool:
    return any(part.strip().lower().startswith(mark) for part in note.split(";"))


def check_gazetteer(path: Path) -> list[GazetteerError]:
    """Validate a gazetteer file and return all problems found.

    Parameters
    ----------
    path
        A gazetteer CSV with the places.csv columns.

    Returns
    -------
    list of GazetteerError
        One error per problem, in line order; empty when the file is fine.
    """
    try:
        rows = read_rows(path)
    except GazetteerError as exc:
        return [exc]
    problems: list[tuple[int, str]] = []
    good: list[tuple[int, Place]] = []
    for row in rows:
        found = list(row_problems(row.cells))
        problems.extend((row.line, p) for p in found)
        if not found:
            good.append((row.line, to_place(row.cells)))
    problems.extend(_duplicate_ids(rows))
    problems.extend(_outside_country(good))
    problems.extend(_shared_names(good))
    errors = [GazetteerError(path, msg, line) for line, msg in sorted(problems)]
    return errors + _district_errors(path, good)


def _district_errors(path: Path, good: list[tuple[int, Place]]) -> list[GazetteerError]:
    table = districts_path(path)
    if not table.is_file():
        return []
    try:
        districts = read_districts(table)
    except GazetteerError as exc:
        return [exc]
    place_ids = {place.id for _, place in good}
    return [
        *(GazetteerError(table, msg, line) for line, msg in missing_seats(districts, place_ids)),
        *(
            GazetteerError(path, msg, line)
            for line, msg in sorted(district_problems(good, districts))
        ),
    ]


def _duplicate_ids(rows: list[RawRow]) -> Iterator[tuple[int, str]]:
    first: dict[str, int] = {}
    for row in rows:
        place_id = row.cells["id"]
        if place_id and place_id in first:
            yield row.line, f"duplicate id {place_id} (first on line {first[place_id]})"
        first.setdefault(place_id, row.line)


def _outside_country(good: list[tuple[int, Place]]) -> Iterator[tuple[int, str]]:
    for line, place in good:
        if place.country not in ISO2_TO_ISO3:
            known = ", ".join(sorted(ISO2_TO_ISO3))
            yield (
                line,
                f"row {place.id}: country {place.country!r} has no outline; use one of {known}",
            )
            continue
        if _has_mark(place.note, OUTSIDE_MARK):
            continue
        km = km_outside(place.country, lat=place.lat, lon=place.lon)
        if km > OUTSIDE_TOLERANCE_KM:
            yield (
                line,
                f"row {place.id}: point lat {place.lat}, lon {place.lon} lies {km:.0f} km outside "
                f"{place.country} (tolerance {OUTSIDE_TOLERANCE_KM:g} km); check the coordinates, "
                "their order and the country",
            )


def _names_of(place: Place) -> set[str]:
    return {fold(n) for n in (place.name, *place.aliases)}


def _rank(place: Place) -> tuple[int, int]:
    kind_rank, neg_population, _ = default_rank(place)
    return kind_rank, neg_population


def _shared_names(good: list[tuple[int, Place]]) -> Iterator[tuple[int, str]]:
    groups: dict[str, list[tuple[int, Place]]] = {}
    for line, place in good:
        for key in _names_of(place):
            groups.setdefault(key, []).append((line, place))
    pairs: dict[tuple[int, str, str, int, str], list[str]] = {}
    for key in sorted(groups):
        for pair in _unruled_pairs(groups[key]):
            pairs.setdefault(pair, []).append(key)
    for (line, place_id, kind, other_line, other_id), keys in sorted(pairs.items()):
        names = ", ".join(repr(k) for k in keys)
        if kind == "curated":
            fix = "add 'ambiguous: <why>' to its note if both rows are meant"
        else:
            fix = "same kind and population, so there is no default: mark one 'ambiguous: <why>'"
        yield (
            line,
            f"row {place_id}: name {names} is shared with {other_id} (line {other_line}), a place "
            f"of the same precision, without a disambiguation rule; {fix}",
        )


def _unruled_pairs(
    group: list[tuple[int, Place]],
) -> Iterator[tuple[int, str, str, int, str]]:
    """(line, id, why, other line, other id) for each row pair that breaks the sharing rule."""
    for i, (line, place) in enumerate(group):
        for other_line, other in group[:i] + group[i + 1 :]:
            if other.id == place.id or other.precision != place.precision:
                continue
            if _needs_mark(place):
                yield line, place.id, "curated", other_line, other.id
            elif (
                other_line < line
                and not is_marked_ambiguous(place.note)
                and not is_marked_ambiguous(other.note)
                and _rank(place) == _rank(other)
            ):
                yield line, place.id, "tie", other_line, other.id


def _needs_mark(place: Place) -> bool:
    return not place.id.startswith("gn:") and not is_marked_ambiguous(place.note)
