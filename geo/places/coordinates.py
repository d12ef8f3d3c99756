"""Read a coordinate string as a page writes it (DMS in many languages, decimals, templates).

The gazetteer keeps each curated row's coordinates as copied from its source page; this turns
that string back into decimal degrees so a check can compare it with the row's lat/lon.
"""

from __future__ import annotations

import re

_TEMPLATE = re.compile(r"\{\{coord\|([^}]*)\}\}", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_ATTRIBUTES = re.compile(r"\blat=\"(?P<lat>[\d.]+)\"\s+lon=\"(?P<lon>[\d.]+)\"")
_DECIMAL_PART = re.compile(r"\s*/\.?\s*")


def parse_coordinates(written: str) -> tuple[float, float] | None:
    """Return ``(lat, lon)`` in decimal degrees, or ``None`` when the string is not one.

    Every place in the gazetteer's region is north and east, so hemisphere words (in whatever
    language the page uses) are not needed, and a page that prints "W" for an eastern
    longitude still reads right.
    """
    attributes = _ATTRIBUTES.search(written)  # a map widget: <googlemap lat="…" lon="…">
    if attributes:
        return float(attributes["lat"]), float(attributes["lon"])
    template = _TEMPLATE.search(written)
    if template:
        numbers = [n for n in template.group(1).split("|") if _NUMBER.fullmatch(n.strip())]
    else:
        # "39°29′49″N 46°52′42″E / 39.49694°N 46.87833°E": the part before " / " is the page's
        # own form; the decimal part after it is the same point.
        numbers = _NUMBER.findall(_DECIMAL_PART.split(written)[0])
    values = [float(n.replace(",", ".")) for n in numbers]
    if len(values) == 2:
        return values[0], values[1]
    if len(values) == 4:
        return values[0] + values[1] / 60, values[2] + values[3] / 60
    if len(values) == 6:
        lat = values[0] + values[1] / 60 + values[2] / 3600
        lon = values[3] + values[4] / 60 + values[5] / 3600
        return lat, lon
    return None
