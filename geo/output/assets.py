"""Inline copies of the JavaScript and CSS the map needs, read from installed packages.

The map must work with no network, so nothing is loaded from a CDN at view time. Leaflet comes
from XStatic-Leaflet, clustering from XStatic-Leaflet-MarkerCluster; our own small
scripts live in ``geo/output/static``. Nothing is copied into the
repository: the bytes come from the pinned packages at build time.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import resources
from pathlib import Path

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

_CSS_URL = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+\.png)\1\)")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)


def _leaflet_dir() -> Path:
    return Path(xstatic.pkg.leaflet.BASE_DIR)


@cache
def leaflet_js() -> str:
    """Return Leaflet's minified JavaScript (XStatic-Leaflet)."""
    return (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")


def _data_uri(match: re.Match[str]) -> str:
    # Leaflet's CSS finds its images relative to itself, which breaks once the CSS is inlined,
    # so each referenced PNG becomes a data: URI.
    png = (_leaflet_dir() / "images" / match.group(2)).read_bytes()
    return f"url(data:image/png;base64,{base64.b64encode(png).decode('ascii')})"


@cache
def leaflet_css() -> str:
    """Return Leaflet's CSS with its images inlined as data URIs."""
    css = (_leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")
    return _CSS_URL.sub(_data_uri, css)


def _cluster_dir() -> Path:
    return Path(xstatic.pkg.leaflet_markercluster.BASE_DIR)


@cache
def markercluster_js() -> str:
    """Return Leaflet.markercluster's minified JavaScript (XStatic-Leaflet-MarkerCluster)."""
    return (_cluster_dir() / "leaflet.markercluster.js").read_text(encoding="utf-8")


@cache
def markercluster_css() -> str:
    """Return Leaflet.markercluster's base and default-theme CSS."""
    parts = ("MarkerCluster.css", "MarkerCluster.Default.css")
    return "\n".join((_cluster_dir() / part).read_text(encoding="utf-8") for part in parts)


@cache
def static_text(name: str) -> str:
    """Return one of our own files from ``geo/output/static`` (e.g. ``clashmap.js``)."""
    return resources.files("geo.output").joinpath("static", name).read_text(encoding="utf-8")


def script_tag(code: str) -> str:
    r"""Wrap JavaScript in a ``<script>`` element that no ``</script`` inside it can close early.

    ``<\\/script`` means the same as ``</script`` inside JavaScript strings, regexes and comments,
    which are the only places it can legally occur in code.
    """
    safe = _SCRIPT_END.sub(r"<\\/\1", code)
    return f"<script>{safe}</script>"


def style_tag(css: str) -> str:
    """Wrap CSS in a ``<style>`` element that no ``</style`` inside it can close early."""
    safe = _STYLE_END.sub(r"<\\/\1", css)
    return f"<style>{safe}</style>"
