"""Incidents -> GeoDataFrame in EPSG:4326, one row per incident, in a stable order.

The frame's columns are the GeoJSON property contract (see ``FRAME_COLUMNS``); other tools read
those names, so they change only deliberately. Nested values (``places``, ``sources``, ``claims``,
``sides``) stay Python lists of plain dicts/strings here; each writer decides how to serialise them.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Sequence
from typing import Any

import geopandas
import pandas as pd
import shapely

from geo.model import Incident, Period
from geo.periods import PERIODS, assign_period

log = logging.getLogger(__name__)

CRS = "EPSG:4326"
COORD_DECIMALS = 5

FRAME_COLUMNS: tuple[str, ...] = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "period",
    "period_label",
    "place",
    "place_id",
    "place_source",
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


def make_point(*, lat: float, lon: float) -> shapely.Point:
    """Build a WGS84 point; the only place in the code that decides the (lon, lat) order.

    Parameters
    ----------
    lat, lon
        Degrees; rounded to ``COORD_DECIMALS`` places (about one metre).

    Returns
    -------
    shapely.Point
        ``Point(lon, lat)``, as GeoJSON and shapely expect.

    Raises
    ------
    ValueError
        When a value is not finite or out of range (a swapped pair often is).
    """
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        message = f"latitude must be within -90..90, got {lat!r}"
        raise ValueError(message)
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        message = f"longitude must be within -180..180, got {lon!r}"
        raise ValueError(message)
    return shapely.Point(round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS))


def _incident_row(incident: Incident, period: Period) -> dict[str, Any]:
    place = incident.place
    return {
        "id": incident.id,
        "date_start": incident.when.start.isoformat(),
        "date_end": incident.when.end.isoformat(),
        "date_precision": incident.when.precision,
        "period": period.id,
        "period_label": period.label,
        "place": place.name if place else None,
        "place_id": place.id if place else None,
        "place_source": place.source if place else None,
        "places": [
            {"id": m.place.id, "name": m.place.name, "as_written": m.as_written}
            for m in incident.places
        ],
        "geo_precision": incident.geo_precision,
        "event_type": incident.event_type,
        "deaths_low": incident.deaths_low,
        "deaths_high": incident.deaths_high,
        "summary": incident.summary,
        "sources": [
            {"doc": s.doc, "quote": s.quote, "start": s.start, "end": s.end}
            for s in incident.sources
        ],
        "claims": [
            {
                "doc": c.source.doc,
                "deaths_low": c.deaths_low,
                "deaths_high": c.deaths_high,
                "text": c.text,
            }
            for c in incident.claims
        ],
        "sides": list(incident.sides),
        "unlocated_reason": incident.unlocated_reason,
        "geometry": make_point(lat=place.lat, lon=place.lon) if place else None,
    }


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
    rows = []
    for incident in incidents:
        period = assign_period(incident.when.start, periods)
        rows.append((order[period.id], incident.when.start, incident.id, period, incident))
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    records = [_incident_row(incident, period) for _, _, _, period, incident in rows]
    columns = [*FRAME_COLUMNS, "geometry"]
    frame = geopandas.GeoDataFrame(
        {name: [record[name] for record in records] for name in columns},
        columns=columns,
        geometry="geometry",
        crs=CRS,
    )
    for name in INT_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    for name in FRAME_COLUMNS:
        if name not in INT_COLUMNS:
            frame[name] = frame[name].astype(object)
    log.debug("built frame with %d rows", len(frame))
    return frame


def iter_features(frame: geopandas.GeoDataFrame) -> Iterator[tuple[dict[str, Any], Any]]:
    """Yield ``(properties, point_or_None)`` per row, with plain Python values only.

    This is the one conversion from frame cells to contract values (no numpy scalars, ``NA``
    becomes ``None``), shared by the GeoJSON writer and the map.
    """
    for row in frame[[*FRAME_COLUMNS, frame.geometry.name]].itertuples(index=False, name=None):
        properties = {name: _plain(value) for name, value in zip(FRAME_COLUMNS, row, strict=False)}
        geometry = row[-1]
        yield properties, geometry if geometry is not None and not geometry.is_empty else None


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, list | dict | str):
        return value.item()
    return value
