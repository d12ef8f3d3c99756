"""Output stage: incidents → a GeoDataFrame, the folium map and GeoJSON/GeoPackage/CSV exports."""

from geo.output.export import (
    EXPORT_FORMATS,
    ExportFormat,
    filter_frame,
    to_geojson_text,
    write_export,
)
from geo.output.frame import build_frame, frame_from_geojson
from geo.output.render import render_map
from geo.output.report import excluded_csv_text, unresolved_csv_text

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "build_frame",
    "excluded_csv_text",
    "filter_frame",
    "frame_from_geojson",
    "render_map",
    "to_geojson_text",
    "unresolved_csv_text",
    "write_export",
]
