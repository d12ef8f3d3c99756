"""Incidents -> GeoDataFrame in EPSG:4326, one row per incident, in a stable order.

The frame's columns are the GeoJSON property contract (see ``FRAME_COLUMNS``); other tools read
those names, so they change only deliberately. Nested values (``places``, ``sources``, ``claims``,
``sides``) stay Python lists of plain dicts/strings here; each writer decides how to serialise them.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterator, Sequence
from typing import Any

import geopandas
import numpy
import pandas as pd
import shapely

from geo.errors import InputError
from geo.incidents import PERIODS, assign_period
from geo.model import Incident, Period

log = logging.getLogger(__name__)

CRS = "EPSG:4326"
COORD_DECIMALS = 5

FRAME_COLUMNS: tuple[str, ...] = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "date_inferred",
    "period",
    "period_label",
    "place",
    "place_id",
    "place_source",
    "place_inferred",
    "places",
    "geo_precision",
    "event_type",
    "deaths_low",
    "deaths_high",
    "summary",
    "sources",
    "claims",
    "sides",
    "unlocated_reason",
)
NESTED_COLUMNS: tuple[str, ...] = ("places", "sources", "claims", "sides")
INT_COLUMNS: tuple[str, ...] = ("deaths_low", "deaths_high")


def make_points(*, lats: Sequence[float], lons: Sequence[float]) -> list[shapely.Point]:
    """Build WGS84 points from parallel latitude/longitude sequences.

    This is the only place in the code that decides the (lon, lat) order; :func:`make_point`
    is the one-point form.

    Parameters
    ----------
    lats, lons
        Degrees; rounded to ``COORD_DECIMALS`` places (about one metre).

    Returns
    -------
    list of shapely.Point
        ``Point(lon, lat)`` each, as GeoJSON and shapely expect.

    Raises
    ------
    ValueError
        When a value is not finite or out of range (a swapped pair often is).
    """
    lat = numpy.asarray(lats, dtype="float64")
    lon = numpy.asarray(lons, dtype="float64")
    bad_lat = ~(numpy.isfinite(lat) & (numpy.abs(lat) <= 90.0))
    if bad_lat.any():
        message = f"latitude must be within -90..90, got {lat[bad_lat][0]!r}"
        raise ValueError(message)
    bad_lon = ~(numpy.isfinite(lon) & (numpy.abs(lon) <= 180.0))
    if bad_lon.any():
        message = f"longitude must be within -180..180, got {lon[bad_lon][0]!r}"
        raise ValueError(message)
    built: Any = shapely.points(numpy.round(lon, COORD_DECIMALS), numpy.round(lat, COORD_DECIMALS))
    return list(built)


def make_point(*, lat: float, lon: float) -> shapely.Point:
    """Build one WGS84 point, ``Point(lon, lat)``; see :func:`make_points`.

    Raises
    ------
    ValueError
        When a value is not finite or out of range.
    """
    return make_points(lats=[lat], lons=[lon])[0]


def _incident_values(incident: Incident, period: Period) -> tuple[Any, ...]:
    """One row in ``FRAME_COLUMNS`` order."""
    place = incident.place
    return (
        incident.id,
        incident.when.start.isoformat(),
        incident.when.end.isoformat(),
        incident.when.precision,
        incident.when.inferred or None,
        period.id,
        period.label,
        place.name if place else None,
        place.id if place else None,
        place.source if place else None,
        (incident.place_inferred or None) if place else None,
        [
            {"id": m.place.id, "name": m.place.name, "as_written": m.as_written}
            for m in incident.places
        ],
        incident.geo_precision,
        incident.event_type,
        incident.deaths_low,
        incident.deaths_high,
        incident.summary,
        [
            {"doc": s.doc, "quote": s.quote, "start": s.start, "end": s.end}
            for s in incident.sources
        ],
        [
            {
                "doc": c.source.doc,
                "deaths_low": c.deaths_low,
                "deaths_high": c.deaths_high,
                "text": c.text,
            }
            for c in incident.claims
        ],
        list(incident.sides),
        incident.unlocated_reason,
    )


def _geometries(incidents: Sequence[Incident]) -> list[shapely.Point | None]:
    located = [index for index, incident in enumerate(incidents) if incident.place is not None]
    places = [incident.place for incident in incidents if incident.place is not None]
    points = make_points(lats=[p.lat for p in places], lons=[p.lon for p in places])
    geometries: list[shapely.Point | None] = [None] * len(incidents)
    for index, point in zip(located, points, strict=True):
        geometries[index] = point
    return geometries


def build_frame(
    incidents: Sequence[Incident], periods: tuple[Period, ...] = PERIODS
) -> geopandas.GeoDataFrame:
    """Turn incidents into the GeoDataFrame every writer works from.

    Parameters
    ----------
    incidents
        In any order; each is assigned the phase holding its start date.
    periods
        The phase table (contiguous, in date order).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident, columns ``FRAME_COLUMNS`` plus ``geometry`` (a point, or ``None``
        when unlocated), CRS EPSG:4326, sorted by (phase order, date_start, id), index 0..n-1.
        ``deaths_low``/``deaths_high`` use pandas' nullable ``Int64``.
    """
    order = {period.id: index for index, period in enumerate(periods)}
    keyed = []
    for incident in incidents:
        period = assign_period(incident.when.start, periods)
        keyed.append((order[period.id], incident.when.start, incident.id, period, incident))
    keyed.sort(key=lambda row: (row[0], row[1], row[2]))
    ordered = [row[4] for row in keyed]
    rows = [_incident_values(incident, period) for _, _, _, period, incident in keyed]
    data: dict[str, Any] = {}
    for position, name in enumerate(FRAME_COLUMNS):
        dtype = "Int64" if name in INT_COLUMNS else object
        data[name] = pd.Series([row[position] for row in rows], dtype=dtype)
    frame = geopandas.GeoDataFrame(
        data,
        geometry=geopandas.GeoSeries(_geometries(ordered), crs=CRS),
        crs=CRS,
    )
    log.debug("built frame with %d rows", len(frame))
    return frame


def frame_from_geojson(text: str, path: str) -> geopandas.GeoDataFrame:
    """Read a FeatureCollection written by ``clashmap build`` back into the build's frame.

    The inverse of :func:`geo.output.export.to_geojson_text`: the same columns, dtypes, order and
    points, so filtering and exporting it gives what the build itself would.

    Parameters
    ----------
    text
        The GeoJSON text.
    path
        Where it came from, for messages.

    Raises
    ------
    InputError
        When the text is not JSON, not a FeatureCollection, or its features lack the
        contract's properties.
    """
    features = _features(text, path)
    rows: list[dict[str, Any]] = []
    lats: list[float] = []
    lons: list[float] = []
    located: list[int] = []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        missing = [
            n for n in FRAME_COLUMNS if not isinstance(properties, dict) or n not in properties
        ]
        if missing:
            problem = f"feature {number} lacks {', '.join(missing[:3])}; {_EXPECTED}"
            raise InputError(path, problem)
        rows.append(properties)  # type: ignore[arg-type]
        geometry = feature.get("geometry")
        if geometry is not None:
            lon, lat = _point_of(geometry, number, path)
            lats.append(lat)
            lons.append(lon)
            located.append(number - 1)
    try:
        points = make_points(lats=lats, lons=lons)
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    geometries: list[shapely.Point | None] = [None] * len(rows)
    for index, point in zip(located, points, strict=True):
        geometries[index] = point
    data = {
        name: pd.Series(
            [row[name] for row in rows], dtype="Int64" if name in INT_COLUMNS else object
        )
        for name in FRAME_COLUMNS
    }
    return geopandas.GeoDataFrame(data, geometry=geopandas.GeoSeries(geometries, crs=CRS), crs=CRS)


_EXPECTED = "expected a clashes.geojson written by clashmap build"


def _point_of(geometry: Any, number: int, path: str) -> tuple[float, float]:
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    is_pair = isinstance(coordinates, list) and len(coordinates) == 2
    if not is_pair or geometry.get("type") != "Point":
        raise InputError(path, f"feature {number} has a geometry that is not a point; {_EXPECTED}")
    lon, lat = coordinates  # type: ignore[misc]
    return float(lon), float(lat)


def _features(text: str, path: str) -> list[Any]:
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not JSON ({exc.msg})", exc.lineno) from None
    is_collection = isinstance(collection, dict) and collection.get("type") == "FeatureCollection"
    if not is_collection or not isinstance(collection.get("features"), list):
        raise InputError(path, f"not a GeoJSON FeatureCollection; {_EXPECTED}")
    features: list[Any] = collection["features"]
    return features


def iter_features(frame: geopandas.GeoDataFrame) -> Iterator[tuple[dict[str, Any], Any]]:
    """Yield ``(properties, point_or_None)`` per row, with plain Python values only.

    This is the one conversion from frame cells to contract values (no numpy scalars, ``NA``
    becomes ``None``), shared by the GeoJSON writer and the map. It works column by column
    because per-cell conversion dominated the time of a 100k-incident build.
    """
    columns = [plain_column(frame, name) for name in FRAME_COLUMNS]
    for values, point in zip(zip(*columns, strict=True), points(frame), strict=True):
        yield dict(zip(FRAME_COLUMNS, values, strict=True)), point


def _geometry_array(frame: geopandas.GeoDataFrame) -> tuple[Any, list[bool]]:
    # One vectorised test instead of a GeoSeries item access per row (a second of a 100k map).
    geometries = frame.geometry.to_numpy()
    is_unlocated = (shapely.is_missing(geometries) | shapely.is_empty(geometries)).tolist()
    return geometries, is_unlocated


def points(frame: geopandas.GeoDataFrame) -> list[Any]:
    """Return the frame's geometries as a list, ``None`` for unlocated rows."""
    geometries, is_unlocated = _geometry_array(frame)
    return [None if gone else g for g, gone in zip(geometries.tolist(), is_unlocated, strict=True)]


def lat_lon_columns(frame: geopandas.GeoDataFrame) -> tuple[list[Any], list[Any]]:
    """Return the frame's latitudes and longitudes as lists, ``None`` for unlocated rows."""
    geometries, is_unlocated = _geometry_array(frame)
    lats = shapely.get_y(geometries).tolist()
    lons = shapely.get_x(geometries).tolist()
    return (
        [None if gone else lat for lat, gone in zip(lats, is_unlocated, strict=True)],
        [None if gone else lon for lon, gone in zip(lons, is_unlocated, strict=True)],
    )


def plain_column(frame: geopandas.GeoDataFrame, name: str) -> list[Any]:
    """Return one contract column as plain Python values (``NA``/``NaN`` become ``None``)."""
    column = frame[name]
    if column.dtype == object:
        # `v != v` is true only for NaN; lists and dicts compare equal to themselves.
        return [None if v is None or v is pd.NA or v != v else v for v in column.tolist()]
    return [None if _is_missing(v) else _scalar(v) for v in column.tolist()]


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _scalar(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value
