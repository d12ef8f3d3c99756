"""Karabakh clash map: dated incidents from texts on a layered Leaflet map, with GeoJSON export."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("karabakh-clash-map")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
