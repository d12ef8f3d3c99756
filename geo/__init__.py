"""Karabakh clash map: dated incidents from texts on a layered Leaflet map, with GeoJSON export."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas

    from geo.pipeline import BuildConfig, BuildResult

try:
    __version__ = version("karabakh-clash-map")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "build", "load_incidents", "read_incidents"]


def build(config: BuildConfig | None = None) -> BuildResult:
    """Build the map and GeoJSON; see :func:`geo.pipeline.build`.

    The pipeline (geopandas, folium) is imported here, not at ``import geo``, so that importing
    the package stays cheap and side-effect free.
    """
    from geo.pipeline import BuildConfig
    from geo.pipeline import build as run_build

    return run_build(config or BuildConfig())


def read_incidents(
    seeds: str | Path, gazetteer: str | Path | None = None
) -> geopandas.GeoDataFrame:
    """Extract the incidents of a folder of texts, for a notebook.

    Parameters
    ----------
    seeds
        Folder of ``.txt``, ``.md``, ``.html`` and ``.pdf`` documents.
    gazetteer
        A ``places.csv``; by default ``./gazetteer/places.csv`` when it exists, else the copy
        shipped with the package.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident with the GeoJSON's properties as columns, EPSG:4326; unlocated
        incidents have no geometry.
    """
    from geo.pipeline import BuildConfig, incident_frame

    config = BuildConfig(seeds=Path(seeds))
    if gazetteer is not None:
        config = BuildConfig(seeds=Path(seeds), gazetteer=Path(gazetteer))
    return incident_frame(config)


def load_incidents(path: str | Path) -> geopandas.GeoDataFrame:
    """Load a ``clashes.geojson`` written by ``clashmap build`` as the same GeoDataFrame.

    Nested properties (``places``, ``sources``, ``claims``, ``sides``) stay lists, which
    GDAL's reader would turn into strings.
    """
    from geo.pipeline import load_frame

    return load_frame(Path(path))
