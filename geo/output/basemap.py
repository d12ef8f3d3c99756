"""A built-in basemap (country outlines) that shows where things are when tiles cannot load.

The outlines are Natural Earth's 1:10m admin-0 countries (public domain), clipped to the region
by ``tools/make_outlines.py`` into ``static/outlines.geojson`` (about 60 kB), which ships with
the package.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from typing import Any

from geo.output.assets import static_text

log = logging.getLogger(__name__)

# (min lon, min lat, max lon, max lat): the region's bbox (lat 38-42, lon 43-51) plus a margin
# so the outlines do not end at the edge of the initial view.
CLIP_BOUNDS = (41.0, 37.0, 53.0, 43.5)
OUTLINE_DECIMALS = 3
OUTLINES_FILE = "outlines.geojson"


@cache
def country_outlines() -> dict[str, Any]:
    """Return the clipped country outlines as a GeoJSON FeatureCollection dict.

    Returns
    -------
    dict
        Features sorted by country name, property ``name``, coordinates rounded to 3 decimals.
    """
    outlines: dict[str, Any] = json.loads(static_text(OUTLINES_FILE))
    return outlines
