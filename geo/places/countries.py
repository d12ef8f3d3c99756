"""Country outlines for the gazetteer check: how far a point lies outside its country.

The outlines are Natural Earth 1:110m ("naturalearth_lowres"), shipped inside the pyogrio
package as a test fixture, so the check needs no download. At that scale borders are off by
several kilometres, hence the tolerance used by :mod:`geo.places.check`.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from shapely import ops
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

# ISO 3166-1 alpha-2 (the gazetteer's `country` column) -> alpha-3 (Natural Earth `iso_a3`)
# for the countries the conflict texts involve. Add a pair when a row needs another country.
ISO2_TO_ISO3: dict[str, str] = {
    "AM": "ARM",
    "AZ": "AZE",
    "GE": "GEO",
    "IR": "IRN",
    "RU": "RUS",
    "TR": "TUR",
}


def outlines_path() -> Path:
    """Locate the Natural Earth low-resolution shapefile inside the installed pyogrio."""
    root = resources.files("pyogrio") / "tests" / "fixtures" / "naturalearth_lowres"
    return Path(str(root / "naturalearth_lowres.shp"))


@functools.cache
def country_outlines() -> dict[str, BaseGeometry]:
    """Return ISO alpha-2 code -> outline (lon/lat, EPSG:4326) for :data:`ISO2_TO_ISO3`."""
    # imported here: geopandas takes most of a second to import and only the check needs it
    import geopandas

    frame = geopandas.read_file(outlines_path())
    by_iso3 = dict(zip(frame["iso_a3"], frame.geometry, strict=True))
    return {iso2: by_iso3[iso3] for iso2, iso3 in ISO2_TO_ISO3.items() if iso3 in by_iso3}


def _point(*, lat: float, lon: float) -> Point:
    # shapely wants (x=lon, y=lat); keep the order decided here only
    return Point(lon, lat)


def km_outside(country: str, *, lat: float, lon: float) -> float:
    """Geodesic distance in km from a point to the outline of ``country`` (0 if inside).

    Parameters
    ----------
    country
        ISO 3166-1 alpha-2 code, one of :data:`ISO2_TO_ISO3`.
    lat, lon
        The point, in degrees.

    Returns
    -------
    float
        0.0 when the outline contains the point, else the distance to its nearest edge.

    Raises
    ------
    KeyError
        If there is no outline for ``country``.
    """
    outline = country_outlines()[country]
    point = _point(lat=lat, lon=lon)
    if outline.contains(point):
        return 0.0
    nearest, _ = ops.nearest_points(outline, point)
    from geopy.distance import geodesic  # the checks only: see km_between

    return float(geodesic((lat, lon), (nearest.y, nearest.x)).km)
