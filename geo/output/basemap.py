"""A built-in basemap (country outlines) that shows where things are when tiles cannot load.

The outlines are Natural Earth's 1:110m "lowres" countries (public domain), as shipped in
pyogrio's test fixtures, clipped to the region so the map stays small (about 7 kB).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

import geopandas
import pyogrio
import shapely

log = logging.getLogger(__name__)

# (min lon, min lat, max lon, max lat): the region's bbox (lat 38-42, lon 43-51) plus a margin
# so the outlines do not end at the edge of the initial view.
CLIP_BOUNDS = (41.0, 37.0, 53.0, 43.5)
OUTLINE_DECIMALS = 3
NATURAL_EARTH_URL = "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/"


def natural_earth_path() -> Path:
    """Where pyogrio's copy of Natural Earth lowres lives."""
    fixtures = Path(pyogrio.__file__).parent / "tests" / "fixtures"
    return fixtures / "naturalearth_lowres" / "naturalearth_lowres.shp"


def _rounded(geometry: Any) -> Any:
    return shapely.set_precision(geometry, 10.0**-OUTLINE_DECIMALS)


@cache
def country_outlines() -> dict[str, Any]:
    """Return the clipped country outlines as a GeoJSON FeatureCollection dict.

    Returns
    -------
    dict
        Features sorted by country name, properties ``name`` and ``iso_a3``, coordinates
        rounded to 3 decimals; an empty collection when the Natural Earth file is missing.
    """
    path = natural_earth_path()
    if not path.exists():
        log.warning("no Natural Earth outlines at %s; the map has no offline basemap", path)
        return {"type": "FeatureCollection", "features": []}
    countries = geopandas.read_file(path, columns=["name", "iso_a3"])
    clipped = countries.clip(CLIP_BOUNDS).sort_values("name")
    features = []
    for name, iso, geometry in zip(
        clipped["name"], clipped["iso_a3"], clipped.geometry, strict=True
    ):
        shape = _rounded(geometry)
        if shape.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": str(name), "iso_a3": str(iso)},
                "geometry": shapely.geometry.mapping(shape),
            }
        )
    return {"type": "FeatureCollection", "features": features}
