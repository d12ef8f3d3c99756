"""Regenerate ``geo/output/static/outlines.geojson``, the map's offline basemap.

Natural Earth 1:10m admin-0 countries (public domain), as packed in the npm package
``world-atlas`` 2.0.2 (ISC licence, https://github.com/topojson/world-atlas), read with GDAL's
TopoJSON driver, clipped to the region and rounded to 0.001 degrees (about 100 m, finer than
the 1:10m data). The output is byte for byte the same for the same input; a test checks it.

Usage::

    python tools/make_outlines.py                       # fetches world-atlas with `npm pack`
    python tools/make_outlines.py path/countries-10m.json
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas
import shapely

from geo.output.basemap import CLIP_BOUNDS, OUTLINE_DECIMALS

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "geo" / "output" / "static" / "outlines.geojson"
PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-10m.json"


def fetch(folder: Path) -> Path:
    """Unpack ``countries-10m.json`` of the pinned world-atlas package into ``folder``."""
    done = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = folder / done.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        member = archive.getmember(MEMBER)
        archive.extractall(folder, members=[member], filter="data")
    return folder / MEMBER


def outlines_text(topojson: Path) -> str:
    """Return the clipped outlines as GeoJSON text: features sorted by name, one per line."""
    countries = geopandas.read_file(topojson, layer="countries")
    clipped = countries.clip(CLIP_BOUNDS)
    lines = []
    for name, geometry in sorted(zip(clipped["name"], clipped.geometry, strict=True)):
        shape = shapely.set_precision(geometry, 10.0**-OUTLINE_DECIMALS)
        if shape.is_empty:
            continue
        feature = {
            "type": "Feature",
            "properties": {"name": str(name)},
            "geometry": shapely.geometry.mapping(shape),
        }
        lines.append(json.dumps(feature, sort_keys=True, separators=(",", ":")))
    body = ",\n".join(lines)
    return f'{{"type":"FeatureCollection","features":[\n{body}\n]}}\n'


def main(argv: list[str]) -> int:
    """Write the outlines from the given TopoJSON file, or from the fetched package."""
    if argv:
        text = outlines_text(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            text = outlines_text(fetch(Path(folder)))
    TARGET.write_text(text, encoding="utf-8", newline="\n")
    sys.stderr.write(f"wrote {TARGET} ({len(text.encode())} bytes)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
