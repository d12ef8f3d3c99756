"""Karabakh clash map: dated incidents from texts on a layered Leaflet map, with GeoJSON export."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.pipeline import BuildConfig, BuildResult

try:
    __version__ = version("karabakh-clash-map")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "build"]


def build(config: BuildConfig | None = None) -> BuildResult:
    """Build the map and GeoJSON; see :func:`geo.pipeline.build`.

    The pipeline (geopandas, folium) is imported here, not at ``import geo``, so that importing
    the package stays cheap and side-effect free.
    """
    from geo.pipeline import BuildConfig
    from geo.pipeline import build as run_build

    return run_build(config or BuildConfig())
