"""A build's GeoJSON reads back into the very frame it was written from (issue #12)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo.errors import InputError
from geo.output.export import to_geojson_text
from geo.output.frame import build_frame, frame_from_geojson
from tests.map_fixtures import seed_incidents


@pytest.fixture(scope="module")
def frame() -> geopandas.GeoDataFrame:
    return build_frame(seed_incidents())


def test_read_back_frame_equals_the_built_one(frame: geopandas.GeoDataFrame) -> None:
    text = to_geojson_text(frame)
    loaded = frame_from_geojson(text, "clashes.geojson")
    assert_geodataframe_equal(loaded, frame)
    assert to_geojson_text(loaded) == text
    # nested properties stay lists of dicts, as the build made them
    assert isinstance(loaded.loc[0, "sources"], list)
    assert set(loaded.loc[0, "sources"][0]) == {"doc", "quote", "start", "end"}
    assert loaded["geometry"].isna().sum() == frame["geometry"].isna().sum() > 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "x.geojson:1: not JSON (Expecting property name enclosed in double quotes)"),
        ('{"type": "Feature"}', "x.geojson: not a GeoJSON FeatureCollection; expected a"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, '
            '"properties": {"id": "a"}}]}',
            "x.geojson: feature 1 lacks date_start, date_end, date_precision; expected a",
        ),
    ],
)
def test_not_a_map_geojson_is_a_one_line_error(text: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        frame_from_geojson(text, "x.geojson")
    assert str(raised.value).startswith(problem)
    assert "\n" not in str(raised.value)


def test_a_geometry_that_is_not_a_point_is_refused(frame: geopandas.GeoDataFrame) -> None:
    collection = json.loads(to_geojson_text(frame))
    located = next(f for f in collection["features"] if f["geometry"] is not None)
    located["geometry"] = {"type": "LineString", "coordinates": [[46.0, 40.0], [46.1, 40.1]]}
    with pytest.raises(InputError, match="feature 1 has a geometry that is not a point"):
        frame_from_geojson(json.dumps({**collection, "features": [located]}), "x.geojson")


def test_swapped_coordinates_out_of_range_are_refused(frame: geopandas.GeoDataFrame) -> None:
    collection = json.loads(to_geojson_text(frame))
    located = next(f for f in collection["features"] if f["geometry"] is not None)
    located["geometry"]["coordinates"] = [46.5, 140.0]
    with pytest.raises(InputError, match=r"latitude must be within -90\.\.90"):
        frame_from_geojson(json.dumps({**collection, "features": [located]}), "x.geojson")


def test_loaded_file_has_the_written_crs(frame: geopandas.GeoDataFrame, tmp_path: Path) -> None:
    path = tmp_path / "clashes.geojson"
    path.write_text(to_geojson_text(frame), encoding="utf-8")
    loaded = frame_from_geojson(path.read_text(encoding="utf-8"), str(path))
    assert loaded.crs.to_epsg() == 4326
    # GDAL reads the same file to the same points
    assert list(geopandas.read_file(path).geometry.dropna()) == list(loaded.geometry.dropna())
