"""GeoDataFrame -> GeoJSON / GeoPackage / CSV, written atomically.

The GeoJSON is a data contract that users load into QGIS, so it is written by hand from the frame:
RFC 7946 (no ``crs`` member, lon/lat, WGS84), nested values as real JSON arrays, keys sorted, one
feature per line so a diff shows which incidents changed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any, Literal

import geopandas

from geo.fsutil import atomic_path, atomic_write_text
from geo.incidents import find_period
from geo.output.frame import COORD_DECIMALS, NESTED_COLUMNS, iter_features

log = logging.getLogger(__name__)

ExportFormat = Literal["geojson", "gpkg", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("geojson", "gpkg", "csv")
GPKG_LAYER = "incidents"


def filter_frame(
    frame: geopandas.GeoDataFrame,
    *,
    period_id: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> geopandas.GeoDataFrame:
    """Keep the incidents of one phase and/or those overlapping a date window.

    Parameters
    ----------
    frame
        A frame from :func:`geo.output.frame.build_frame`.
    period_id
        Keep only this phase; ``None`` keeps all.
    date_from, date_to
        Inclusive window; an incident is kept when its own date range overlaps it, so a
        month-precision incident stays when the window covers part of that month.

    Returns
    -------
    geopandas.GeoDataFrame
        The kept rows in their original order, index reset to 0..n-1.

    Raises
    ------
    InputError
        When ``period_id`` names no phase (with a did-you-mean suggestion).
    """
    keep = frame["id"].notna()
    if period_id is not None:
        keep &= frame["period"] == find_period(period_id).id
    if date_from is not None:
        keep &= frame["date_end"] >= date_from.isoformat()
    if date_to is not None:
        keep &= frame["date_start"] <= date_to.isoformat()
    return frame.loc[keep].reset_index(drop=True)


def _geometry_json(point: Any) -> dict[str, Any] | None:
    if point is None:
        return None
    return {
        "type": "Point",
        "coordinates": [round(point.x, COORD_DECIMALS), round(point.y, COORD_DECIMALS)],
    }


def feature_dicts(frame: geopandas.GeoDataFrame) -> list[dict[str, Any]]:
    """Return the frame as GeoJSON Feature dicts (``id`` member = incident id)."""
    return [
        {
            "type": "Feature",
            "id": properties["id"],
            "geometry": _geometry_json(point),
            "properties": properties,
        }
        for properties, point in iter_features(frame)
    ]


def to_geojson_text(frame: geopandas.GeoDataFrame) -> str:
    """Serialise the frame as an RFC 7946 FeatureCollection.

    Parameters
    ----------
    frame
        A frame from :func:`geo.output.frame.build_frame` (EPSG:4326).

    Returns
    -------
    str
        Deterministic text: sorted keys, 5-decimal coordinates, one feature per line, a final
        newline. Unlocated incidents have ``"geometry": null``.

    Raises
    ------
    ValueError
        When the frame is not in EPSG:4326 (RFC 7946 allows WGS84 lon/lat only).
    """
    if len(frame) and (frame.crs is None or frame.crs.to_epsg() != 4326):
        message = f"GeoJSON needs EPSG:4326 coordinates, the frame has {frame.crs}"
        raise ValueError(message)
    lines = [
        json.dumps(feature, sort_keys=True, ensure_ascii=False, allow_nan=False)
        for feature in feature_dicts(frame)
    ]
    body = ",\n".join(lines)
    if body:
        body = f"\n{body}\n"
    return f'{{"type": "FeatureCollection", "features": [{body}]}}\n'


def write_geojson(frame: geopandas.GeoDataFrame, path: Path) -> None:
    """Write :func:`to_geojson_text` of ``frame`` to ``path`` atomically."""
    atomic_write_text(path, to_geojson_text(frame))
    log.info("wrote %d features to %s", len(frame), path)


def flatten_frame(frame: geopandas.GeoDataFrame) -> geopandas.GeoDataFrame:
    """Copy the frame with nested columns as JSON strings, for formats without lists."""
    flat = frame.copy()
    for name in NESTED_COLUMNS:
        flat[name] = [
            json.dumps(value, sort_keys=True, ensure_ascii=False) for value in frame[name]
        ]
    return flat


def to_csv_text(frame: geopandas.GeoDataFrame) -> str:
    """Serialise the frame as CSV: contract columns, nested values as JSON, then lat and lon."""
    flat = flatten_frame(frame)
    geometry = flat.geometry
    table = flat.drop(columns=geometry.name)
    table["lat"] = [None if p is None else round(p.y, COORD_DECIMALS) for p in geometry]
    table["lon"] = [None if p is None else round(p.x, COORD_DECIMALS) for p in geometry]
    return str(table.to_csv(index=False, lineterminator="\n"))


def write_export(frame: geopandas.GeoDataFrame, path: Path, fmt: ExportFormat) -> None:
    """Write the frame in one of ``EXPORT_FORMATS`` to ``path`` atomically.

    Parameters
    ----------
    frame
        A frame from :func:`geo.output.frame.build_frame`, possibly filtered.
    path
        Destination; its folder must exist.
    fmt
        ``geojson`` (RFC 7946, see :func:`to_geojson_text`), ``gpkg`` (layer ``incidents``) or
        ``csv``. GPKG and CSV hold nested values as JSON strings.

    Raises
    ------
    ValueError
        For an unknown format.
    """
    if fmt not in EXPORT_FORMATS:
        message = f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        raise ValueError(message)
    if fmt == "geojson":
        write_geojson(frame, path)
    elif fmt == "gpkg":
        with atomic_path(path) as tmp:
            flatten_frame(frame).to_file(tmp, driver="GPKG", layer=GPKG_LAYER, engine="pyogrio")
    else:
        atomic_write_text(path, to_csv_text(frame))
    log.info("wrote %d incidents as %s to %s", len(frame), fmt, path)
