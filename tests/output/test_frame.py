"""Incidents -> GeoDataFrame: the lon/lat helper, columns, order, periods and places."""

from __future__ import annotations

from typing import Any

import geopandas
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.incidents.periods import PERIODS
from geo.output.frame import FRAME_COLUMNS, build_frame, iter_features, make_point
from tests.map_fixtures import REGION_LAT, REGION_LON, seed_incidents, seed_text


@pytest.fixture(scope="module")
def frame() -> geopandas.GeoDataFrame:
    return build_frame(seed_incidents())


def _row(frame: geopandas.GeoDataFrame, summary_start: str) -> Any:
    rows = frame[frame["summary"].str.startswith(summary_start)]
    assert len(rows) == 1, summary_start
    return rows.iloc[0]


def test_make_point_puts_lon_first_and_rounds_to_five_decimals() -> None:
    point = make_point(lat=40.681574, lon=46.361343)
    assert (point.x, point.y) == (46.36134, 40.68157)


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 46.0), (40.0, 181.0), (float("nan"), 46.0)])
def test_make_point_rejects_impossible_coordinates(lat: float, lon: float) -> None:
    with pytest.raises(ValueError, match="must be within"):
        make_point(lat=lat, lon=lon)


@given(
    lat=st.floats(min_value=-90, max_value=90, allow_nan=False),
    lon=st.floats(min_value=-180, max_value=180, allow_nan=False),
)
def test_make_point_round_trips(lat: float, lon: float) -> None:
    point = make_point(lat=lat, lon=lon)
    assert point.y == round(lat, 5)
    assert point.x == round(lon, 5)


def test_frame_has_the_contract_columns_and_crs(frame: geopandas.GeoDataFrame) -> None:
    assert list(frame.columns) == [*FRAME_COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(seed_incidents()) == 13
    assert list(frame.index) == list(range(13))


def test_rows_are_sorted_by_period_then_date_then_id(frame: geopandas.GeoDataFrame) -> None:
    order = {period.id: index for index, period in enumerate(PERIODS)}
    keys = [
        (order[p], d, i)
        for p, d, i in zip(frame["period"], frame["date_start"], frame["id"], strict=True)
    ]
    assert keys == sorted(keys)
    # The input is deliberately shuffled, so the sort did real work.
    assert [i.id for i in seed_incidents()] != list(frame["id"])


def test_kirovabad_resolves_to_ganja_in_the_movement_phase(frame: geopandas.GeoDataFrame) -> None:
    row = _row(frame, "Soviet army units clash")
    assert row["place"] == "Ganja"
    assert row["place_id"] == "gn586523"
    assert row["place_source"] == "https://www.geonames.org/586523"
    assert row["places"] == [{"id": "gn586523", "name": "Ganja", "as_written": "Kirovabad"}]
    assert (row["date_start"], row["date_end"], row["date_precision"]) == (
        "1988-12-01",
        "1988-12-31",
        "month",
    )
    assert row["period"] == "movement"
    assert row["period_label"] == PERIODS[0].label
    assert (row.geometry.x, row.geometry.y) == (46.36134, 40.68157)


def test_phases_follow_the_start_date(frame: geopandas.GeoDataFrame) -> None:
    assert _row(frame, "Bombardment of Stepanakert")["period"] == "movement"  # Oct 1991
    assert _row(frame, "Civilians killed after the capture of Khojaly")["period"] == "first-war"
    assert _row(frame, "Missile strike on Ganja")["period"] == "second-war"
    assert _row(frame, "Artillery attack on Armenian positions")["period"] == "border-crisis"


def test_unlocated_incidents_keep_no_point_and_a_reason(frame: geopandas.GeoDataFrame) -> None:
    unlocated = frame[frame.geometry.isna()]
    assert len(unlocated) == 5
    assert set(unlocated["geo_precision"]) == {"unlocated"}
    assert all(unlocated["unlocated_reason"] != "")
    assert unlocated["place"].isna().all()
    talish = _row(frame, "Artillery fire on positions near Talish")
    assert talish.geometry is None
    assert talish["unlocated_reason"] == "'Talish' is not in the gazetteer"
    located = frame[frame.geometry.notna()]
    assert set(located["unlocated_reason"]) == {""}


def test_every_point_lies_in_the_region(frame: geopandas.GeoDataFrame) -> None:
    located = frame.geometry.dropna()
    assert len(located) == 8
    for point in located:
        assert REGION_LAT[0] <= point.y <= REGION_LAT[1]
        assert REGION_LON[0] <= point.x <= REGION_LON[1]


def test_contested_figures_and_claims_survive(frame: geopandas.GeoDataFrame) -> None:
    row = _row(frame, "Three days of clashes")
    assert (row["deaths_low"], row["deaths_high"]) == (8, 15)
    assert [c["deaths_low"] for c in row["claims"]] == [8, 15]
    assert row["claims"][1]["deaths_high"] is None
    assert row["claims"][1]["text"] == "at least 15"


def test_source_spans_cut_the_quote_out_of_the_seed(frame: geopandas.GeoDataFrame) -> None:
    for sources in frame["sources"]:
        for source in sources:
            _, text = seed_text(source["doc"][len("seeds/") :][:3])
            assert text[source["start"] : source["end"]] == source["quote"]


def test_iter_features_gives_plain_python_values(frame: geopandas.GeoDataFrame) -> None:
    properties, point = next(
        (p, g) for p, g in iter_features(frame) if p["summary"].startswith("Mi-24")
    )
    assert type(properties["deaths_low"]) is int
    assert properties["deaths_low"] == 3
    assert point is not None
    missing, _ = next(iter_features(frame))
    assert missing["deaths_low"] is None  # pandas NA became None


def test_empty_input_gives_an_empty_frame_with_the_columns() -> None:
    empty = build_frame([])
    assert list(empty.columns) == [*FRAME_COLUMNS, "geometry"]
    assert len(empty) == 0
    assert empty.crs.to_epsg() == 4326
