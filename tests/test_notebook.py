"""The notebook entry points: ``geo.read_incidents`` and ``geo.load_incidents`` (issue #12)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from geopandas.testing import assert_geodataframe_equal

import geo
from geo.pipeline import BuildConfig, build
from tests.conftest import GAZETTEER, ROOT, SEEDS


def test_read_incidents_equals_the_loaded_build(tmp_path: Path) -> None:
    build(BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=tmp_path, is_cached=False))
    extracted = geo.read_incidents(SEEDS, gazetteer=GAZETTEER)
    loaded = geo.load_incidents(tmp_path / "clashes.geojson")
    assert_geodataframe_equal(extracted, loaded)
    assert extracted.crs.to_epsg() == 4326
    talish = extracted[extracted["place_id"] == "wp:talish"]
    assert len(talish) >= 1
    assert {"date_start", "period", "sources", "geometry"} <= set(extracted.columns)


def test_importing_geo_stays_cheap() -> None:
    heavy = "('geopandas', 'folium', 'shapely')"
    code = f"import sys, geo; print(sorted(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
