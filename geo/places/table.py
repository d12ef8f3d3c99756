"""Read ``gazetteer/places.csv`` into typed :class:`~geo.model.Place` rows.

``load_gazetteer`` stops at the first problem and is fast (no country outlines); the full
validation that collects every problem lives in :mod:`geo.places.check`.
"""

from __future__ import annotations

import csv
import difflib
import importlib.resources
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

from geo.errors import GazetteerError
from geo.model import PLACE_KINDS, Place, PlaceKind

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "aliases",
    "kind",
    "admin",
    "country",
    "lat",
    "lon",
    "population",
    "source",
    "source_id",
    "note",
)
AMBIGUOUS_MARK = "ambiguous:"

_T = TypeVar("_T")


class Gazetteer:
    """All gazetteer rows, looked up by id; caches the name matcher built from them.

    Parameters
    ----------
    places
        The rows, in file order. Ids must be unique.
    path
        Where the rows came from, for messages.
    """

    __slots__ = ("_by_id", "_memo", "path", "places")

    def __init__(self, places: Iterable[Place], path: str = "") -> None:
        self.places: tuple[Place, ...] = tuple(places)
        self.path = path
        self._by_id: dict[str, Place] = {p.id: p for p in self.places}
        self._memo: dict[str, object] = {}

    def get(self, place_id: str) -> Place:
        """Return the row with ``place_id``.

        Raises
        ------
        KeyError
            If no row has that id.
        """
        return self._by_id[place_id]

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def __len__(self) -> int:
        return len(self.places)

    def __getstate__(self) -> tuple[tuple[Place, ...], str]:
        # The memo (matchers, compiled patterns) is rebuilt where the gazetteer is unpickled:
        # it is large, and not every object in it can be pickled.
        return (self.places, self.path)

    def __setstate__(self, state: tuple[tuple[Place, ...], str]) -> None:
        places, path = state
        self.places = places
        self.path = path
        self._by_id = {p.id: p for p in places}
        self._memo = {}

    def memo(self, key: str, build: Callable[[], _T]) -> _T:
        """Return ``build()``, computed once per gazetteer object and ``key``."""
        if key not in self._memo:
            self._memo[key] = build()
        return cast("_T", self._memo[key])


def packaged_places() -> Path | None:
    """Return the ``places.csv`` installed with the package, or None when there is none."""
    try:
        resource = importlib.resources.files("geo.gazetteer") / "places.csv"
    except ModuleNotFoundError:  # a source tree that was never installed
        return None
    return resource if isinstance(resource, Path) and resource.is_file() else None


@dataclass(frozen=True, slots=True)
class RawRow:
    """One CSV record with the line it ends on."""

    line: int
    cells: dict[str, str]


def read_rows(path: Path) -> list[RawRow]:
    """Read the CSV records of ``path``; raise on a missing file or a wrong header.

    Raises
    ------
    GazetteerError
        If the file cannot be read or its header is not the expected column list.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        msg = "gazetteer file not found; run from the repository root or pass its path"
        raise GazetteerError(path, msg) from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(path, f"not UTF-8 ({exc.reason})") from exc
    reader = csv.DictReader(text.splitlines())
    header = tuple(reader.fieldnames or ())
    if header != COLUMNS:
        msg = f"header is {','.join(header) or '(empty)'}; expected {','.join(COLUMNS)}"
        raise GazetteerError(path, msg, 1)
    rows = []
    for record in reader:
        cells = {col: (record.get(col) or "").strip() for col in COLUMNS}
        rows.append(RawRow(reader.line_num, cells))
    return rows


# Default order when neither cue words nor context choose between rows that share a name:
# cities and towns, then administrative areas, then villages (a bare "Syunik" is the province,
# not the village named after it; a bare "Agdam" is the city, not the rayon), then landmarks;
# within a kind the larger population (see gazetteer/README.md).
KIND_RANK: dict[PlaceKind, int] = {
    "city": 0,
    "town": 1,
    "district": 2,
    "province": 3,
    "region": 4,
    "village": 5,
    "landmark": 6,
    "water": 6,
    "country": 7,
}


def default_rank(place: Place) -> tuple[int, int, str]:
    """Sort key of the default choice among rows sharing a name (smaller is preferred)."""
    return KIND_RANK[place.kind], -place.population, place.id


def is_marked_ambiguous(note: str) -> bool:
    """Tell whether a note carries the ``ambiguous:`` mark in one of its ``;`` parts."""
    return any(part.strip().lower().startswith(AMBIGUOUS_MARK) for part in note.split(";"))


def _number(cells: dict[str, str], col: str) -> float:
    raw = cells[col]
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        msg = f"row {cells['id'] or '?'}: {col} {raw!r} is not a number"
        raise ValueError(msg)
    return value


def _kind(cells: dict[str, str]) -> PlaceKind:
    kind = cells["kind"]
    if kind in PLACE_KINDS:
        return kind
    close = difflib.get_close_matches(kind, PLACE_KINDS, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    msg = (
        f"row {cells['id'] or '?'}: unknown kind {kind!r}, expected one of {', '.join(PLACE_KINDS)}"
    )
    raise ValueError(msg + hint)


def _population(cells: dict[str, str]) -> int:
    raw = cells["population"] or "0"
    if not raw.isdigit():
        msg = f"row {cells['id'] or '?'}: population {raw!r} is not a whole number >= 0"
        raise ValueError(msg)
    return int(raw)


def row_problems(cells: dict[str, str]) -> Iterator[str]:
    """Yield every problem of one row that needs no other row to see."""
    rid = cells["id"] or "?"
    if not cells["id"]:
        yield "row has no id"
    if not cells["name"]:
        yield f"row {rid} has no name"
    if not cells["source"].startswith(("https://", "http://")):
        yield (
            f"row {rid} has no source URL; give its GeoNames page or the address of the page "
            "its coordinates came from"
        )
    if not cells["country"]:
        yield f"row {rid} has no country code"
    for check in (_kind, _population):
        try:
            check(cells)
        except ValueError as exc:
            yield str(exc)
    yield from _coordinate_problems(cells)


def _coordinate_problems(cells: dict[str, str]) -> Iterator[str]:
    for col, limit in (("lat", 90.0), ("lon", 180.0)):
        try:
            value = _number(cells, col)
        except ValueError as exc:
            yield str(exc)
            continue
        if not -limit <= value <= limit:
            yield f"row {cells['id'] or '?'}: {col} {value} is outside -{limit:g}..{limit:g}"


def to_place(cells: dict[str, str]) -> Place:
    """Build a :class:`Place` from a row that has no problems."""
    aliases = tuple(a.strip() for a in cells["aliases"].split("|") if a.strip())
    return Place(
        id=cells["id"],
        name=cells["name"],
        aliases=aliases,
        kind=_kind(cells),
        admin=cells["admin"],
        country=cells["country"],
        lat=_number(cells, "lat"),
        lon=_number(cells, "lon"),
        source=cells["source"],
        source_id=cells["source_id"],
        population=_population(cells),
        note=cells["note"],
    )


def load_gazetteer(path: Path) -> Gazetteer:
    """Load the checked-in gazetteer, stopping at the first malformed row.

    Parameters
    ----------
    path
        ``gazetteer/places.csv``.

    Returns
    -------
    Gazetteer
        Every row as a :class:`~geo.model.Place`, in file order.

    Raises
    ------
    GazetteerError
        If the file is missing, has the wrong header, a row is malformed (no source, bad
        number, unknown kind, lat/lon out of range) or an id repeats.
    """
    places: list[Place] = []
    seen: dict[str, int] = {}
    for row in read_rows(path):
        problem = next(row_problems(row.cells), None)
        if problem is not None:
            raise GazetteerError(path, problem, row.line)
        place_id = row.cells["id"]
        if place_id in seen:
            msg = f"duplicate id {place_id} (first on line {seen[place_id]})"
            raise GazetteerError(path, msg, row.line)
        seen[place_id] = row.line
        places.append(to_place(row.cells))
    return Gazetteer(places, str(path))
