"""Exports: RFC 7946 GeoJSON written by hand, GeoPackage and CSV, filters, atomic writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import geopandas
import jsonschema
import pandas as pd
import pyogrio
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo.errors import InputError
from geo.output.export import (
    filter_frame,
    flatten_frame,
    to_geojson_text,
    write_export,
    write_geojson,
)
from geo.output.frame import FRAME_COLUMNS, INT_COLUMNS, build_frame, make_point
from tests.map_fixtures import REGION_LAT, REGION_LON, seed_incidents

# A small schema of our own for what RFC 7946 demands of our files: a FeatureCollection of
# Features whose geometry is a 2D Point or null, no "crs" member anywhere (section 4).
_POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "items": {"type": "number"},
}
GEOJSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "not": {"required": ["crs"]},
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": ["object", "null"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {
                                    "type": {"const": "Point"},
                                    "coordinates": _POSITION,
                                },
                            },
                        ]
                    },
                },
            },
        },
    },
}


def points_outside_region(collection: dict[str, Any]) -> list[str]:
    """Ids of features whose point is not in the region (a swapped lat/lon lands outside)."""
    bad = []
    for feature in collection["features"]:
        if feature["geometry"] is None:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        inside = REGION_LAT[0] <= lat <= REGION_LAT[1] and REGION_LON[0] <= lon <= REGION_LON[1]
        if not inside:
            bad.append(feature["id"])
    return bad


@pytest.fixture(scope="module")
def frame() -> geopandas.GeoDataFrame:
    return build_frame(seed_incidents())


@pytest.fixture(scope="module")
def collection(frame: geopandas.GeoDataFrame) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_geojson_text(frame))
    return data


def test_geojson_validates_against_the_rfc7946_schema(collection: dict[str, Any]) -> None:
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    assert len(collection["features"]) == 13


def test_schema_rejects_a_crs_member(collection: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**collection, "crs": {"type": "name"}}, GEOJSON_SCHEMA)


def test_every_point_is_lon_lat_inside_the_region(collection: dict[str, Any]) -> None:
    assert points_outside_region(collection) == []
    sumgait = next(f for f in collection["features"] if f["properties"]["place"] == "Sumgayit")
    assert sumgait["geometry"]["coordinates"] == [49.66861, 40.58972]


def test_region_check_catches_swapped_coordinates(frame: geopandas.GeoDataFrame) -> None:
    swapped = frame.copy()
    first = swapped.geometry.iloc[0]
    swapped.loc[0, "geometry"] = make_point(lat=first.x, lon=first.y)
    data = json.loads(to_geojson_text(swapped))
    assert points_outside_region(data) == [swapped["id"].iloc[0]]


def test_nested_values_are_json_arrays_and_properties_complete(collection: dict[str, Any]) -> None:
    for feature in collection["features"]:
        properties = feature["properties"]
        assert set(properties) == set(FRAME_COLUMNS)
        assert feature["id"] == properties["id"]
        for name in ("places", "sources", "claims", "sides"):
            assert isinstance(properties[name], list), name
    shootdown = next(
        f for f in collection["features"] if f["properties"]["event_type"] == "shootdown"
    )
    assert shootdown["properties"]["sides"] == ["Azerbaijan", "Nagorno-Karabakh Defense Army"]
    assert [s["quote"] for s in shootdown["properties"]["sources"]][1] == (
        "Three servicemen were killed in the incident."
    )
    assert shootdown["properties"]["deaths_low"] == 3


def test_unlocated_features_have_null_geometry(collection: dict[str, Any]) -> None:
    nulls = [f for f in collection["features"] if f["geometry"] is None]
    assert len(nulls) == 5
    assert all(f["properties"]["geo_precision"] == "unlocated" for f in nulls)


def test_geojson_text_is_deterministic_and_diff_friendly(frame: geopandas.GeoDataFrame) -> None:
    text = to_geojson_text(frame)
    assert text == to_geojson_text(build_frame(list(reversed(seed_incidents()))))
    lines = text.splitlines()
    assert len(lines) == 13 + 2  # header, one line per feature, footer
    assert '"crs"' not in text
    assert text.endswith("]}\n")
    first = json.loads(lines[1].rstrip(","))
    assert list(first) == sorted(first)
    assert list(first["properties"]) == sorted(first["properties"])


def test_empty_frame_gives_an_empty_collection() -> None:
    data = json.loads(to_geojson_text(build_frame([])))
    assert data == {"type": "FeatureCollection", "features": []}


def test_write_geojson_reads_back_with_pyogrio(
    frame: geopandas.GeoDataFrame, tmp_path: Path
) -> None:
    path = tmp_path / "clashes.geojson"
    write_geojson(frame, path)
    back = geopandas.read_file(path)
    assert back.crs.to_epsg() == 4326
    assert list(back["id"]) == list(frame["id"])
    assert set(FRAME_COLUMNS) <= set(back.columns)
    assert back.geometry.isna().sum() == 5
    assert back.geometry.dropna().geom_equals(frame.geometry.dropna()).all()
    assert back["places"].iloc[1] == frame["places"].iloc[1]
    assert [p.name for p in tmp_path.iterdir()] == ["clashes.geojson"]  # no temp file left


def _normalise(frame: geopandas.GeoDataFrame) -> geopandas.GeoDataFrame:
    out = frame.copy()
    for name in INT_COLUMNS:
        out[name] = out[name].astype("float64")
    for name in FRAME_COLUMNS:
        if name not in INT_COLUMNS:
            out[name] = out[name].astype(object).where(out[name].notna(), None)
    return out


def test_gpkg_round_trips_features_and_properties(
    frame: geopandas.GeoDataFrame, tmp_path: Path
) -> None:
    path = tmp_path / "clashes.gpkg"
    write_export(frame, path, "gpkg")
    assert pyogrio.list_layers(path).tolist() == [["incidents", "Point"]]
    info = pyogrio.read_info(path)
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["deaths_low"] == "int64"
    back = geopandas.read_file(path, layer="incidents")
    assert_geodataframe_equal(
        _normalise(back[[*FRAME_COLUMNS, "geometry"]]),
        _normalise(flatten_frame(frame)),
        check_dtype=False,
    )
    assert json.loads(back["claims"].iloc[5])[1]["text"] == "at least 15"


def test_csv_opens_with_pandas(frame: geopandas.GeoDataFrame, tmp_path: Path) -> None:
    path = tmp_path / "clashes.csv"
    write_export(frame, path, "csv")
    table = pd.read_csv(path)
    assert list(table.columns) == [*FRAME_COLUMNS, "lat", "lon"]
    assert len(table) == 13
    ganja = table[table["place"] == "Ganja"]
    assert ganja[["lat", "lon"]].values.tolist() == [[40.68157, 46.36134]] * 2
    assert table["lat"].isna().sum() == 5
    assert json.loads(table["places"].iloc[1]) == frame["places"].iloc[1]


def test_filter_by_period(frame: geopandas.GeoDataFrame) -> None:
    ceasefire = filter_frame(frame, period_id="ceasefire")
    assert list(ceasefire["period"].unique()) == ["ceasefire"]
    assert len(ceasefire) == 4
    assert list(ceasefire.index) == list(range(4))


def test_filter_by_dates_keeps_overlapping_ranges(frame: geopandas.GeoDataFrame) -> None:
    window = filter_frame(frame, date_from=dt.date(1988, 12, 15), date_to=dt.date(1992, 1, 10))
    # Kirovabad (December 1988, month precision) and the Stepanakert bombardment (Oct 1991 -
    # Apr 1992) overlap the window; Sumgait (Feb-Mar 1988) does not.
    assert sorted(window["summary"]) == [
        "Bombardment of Stepanakert during the blockade",
        "Soviet army units clash while stopping attacks on Armenians",
    ]


def test_unknown_period_suggests_the_closest(frame: geopandas.GeoDataFrame) -> None:
    with pytest.raises(InputError) as error:
        filter_frame(frame, period_id="first_war")
    assert str(error.value).startswith("--period: unknown period 'first_war'")
    assert "did you mean 'first-war'?" in str(error.value)


def test_unknown_format_writes_nothing(frame: geopandas.GeoDataFrame, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'shp'"):
        write_export(frame, tmp_path / "x.shp", "shp")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(frame: geopandas.GeoDataFrame, tmp_path: Path) -> None:
    path = tmp_path / "clashes.geojson"
    path.write_text("old", encoding="utf-8")
    broken = frame.set_crs("EPSG:3857", allow_override=True)
    with pytest.raises(ValueError, match="EPSG:4326"):
        write_export(broken, path, "geojson")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["clashes.geojson"]
