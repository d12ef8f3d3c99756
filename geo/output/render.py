"""GeoDataFrame -> a self-contained Leaflet map (HTML string) made with folium.

Layout of the page:

* folium builds the map, one ``FeatureGroup`` per war phase and a ``LayerControl``. folium's
  default CDN links (jQuery, Bootstrap, Font Awesome, ...) are dropped: the page inlines Leaflet
  from XStatic-Leaflet and our own ``geo/output/static/clashmap.js``/``clashmap.css``.
* Incidents travel as compact data in one ``<script type="application/json">`` block (a string
  table plus one short array per incident); ``clashmap.js`` turns them into canvas circle
  markers inside a marker-cluster group in each phase's FeatureGroup, so toggling, filtering
  and counting go through Leaflet. One folium object per point would make a 100k-incident map
  50 MB and minutes to open; unclustered canvas markers took 4-8 s to draw at 100k.
* Popups, the unlocated panel and the search list are built in the browser with ``textContent``,
  so document text is never parsed as HTML; text that Python puts into HTML goes through
  ``html.escape`` and JSON inside ``<script>`` has ``<``, ``>`` and ``&`` escaped.
* Element ids are made deterministic by walking folium's element tree (see ``_stabilise_ids``).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import folium
import geopandas
from branca.element import Element, Figure

from geo.incidents import PERIODS
from geo.model import Period
from geo.output.assets import (
    leaflet_css,
    leaflet_js,
    markercluster_css,
    markercluster_js,
    script_tag,
    static_text,
    style_tag,
)
from geo.output.basemap import country_outlines
from geo.output.frame import COORD_DECIMALS, lat_lon_columns, plain_column

log = logging.getLogger(__name__)

DEFAULT_TITLE = "Karabakh clash map"
DEFAULT_ATTRIBUTION = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0); '
    'text: <a href="https://en.wikipedia.org/">Wikipedia</a> contributors (CC BY-SA 4.0); '
    'outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'
)
# The region's bounding box from the issue: lat 38-42, lon 43-51 (Armenia and Azerbaijan).
REGION_BOUNDS = ((38.0, 43.0), (42.0, 51.0))
MAX_PLACE_LABELS = 60
MIN_ZOOM = 5
MAX_ZOOM = 14
_EPOCH = dt.date(1970, 1, 1)
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SCALE = 10**COORD_DECIMALS

# How each GeoJSON property travels to the page. "s": index into the string table (or null),
# "i": integer or null, "ls": list of string indices, "lo": list of rows of the sub-fields.
# Dates and the phase are not stored per field: the page derives them from the row's day
# numbers and phase index ("day0", "day1", "period_id", "period_label").
FIELDS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("id", "s", ()),
    ("date_start", "day0", ()),
    ("date_end", "day1", ()),
    ("date_precision", "s", ()),
    ("date_inferred", "s", ()),
    ("period", "period_id", ()),
    ("period_label", "period_label", ()),
    ("place", "s", ()),
    ("place_id", "s", ()),
    ("place_source", "s", ()),
    ("place_inferred", "s", ()),
    ("places", "lo", (("id", "s"), ("name", "s"), ("as_written", "s"))),
    ("geo_precision", "s", ()),
    ("event_type", "s", ()),
    ("deaths_low", "i", ()),
    ("deaths_high", "i", ()),
    ("summary", "s", ()),
    ("sources", "lo", (("doc", "s"), ("quote", "s"), ("start", "i"), ("end", "i"))),
    ("claims", "lo", (("doc", "s"), ("deaths_low", "i"), ("deaths_high", "i"), ("text", "s"))),
    ("sides", "ls", ()),
    ("unlocated_reason", "s", ()),
)
_DERIVED = frozenset({"day0", "day1", "period_id", "period_label"})


class _OfflineMap(folium.Map):
    """A folium Map that links no CDN assets; the page inlines what it needs instead."""

    default_js: list[tuple[str, str]] = []  # noqa: RUF012 - folium's own class attribute
    default_css: list[tuple[str, str]] = []  # noqa: RUF012


class _ClashScript(folium.MacroElement):
    """Calls ``clashmap.start`` once the map and the phase groups exist."""

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        clashmap.start({{ this._parent.get_name() }}, [
        {%- for group in this.groups %}{{ group.get_name() }}{{ ", " if not loop.last }}
        {%- endfor %}]);
        {% endmacro %}
        """
    )

    def __init__(self, groups: list[folium.FeatureGroup]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ClashScript"
        self.groups = groups


class _Raw(Element):
    """Markup inserted as is, never through Jinja.

    branca's ``Element(text)`` treats ``text`` as a template, so a document containing
    ``{{ 7 * 7 }}`` would print 49 (template injection).
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _StringTable:
    """Every distinct string once, the most used first so that common ones get short indices."""

    def __init__(self, counts: Counter[str]) -> None:
        self.strings = sorted(counts, key=lambda text: (-counts[text], text))
        # None maps to itself so that encoding is one dictionary look-up per value.
        self.index: dict[str | None, int | None] = {None: None}
        self.index.update((text, index) for index, text in enumerate(self.strings))


def json_for_script(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _day(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - _EPOCH).days


def _column_strings(kind: str, sub: tuple[tuple[str, str], ...], values: list[Any]) -> list[str]:
    if kind == "s":
        return [value for value in values if value is not None]
    if kind == "ls":
        return [item for value in values for item in value]
    if kind != "lo":
        return []
    names = [name for name, k in sub if k == "s"]
    found = [item[name] for value in values for item in value for name in names]
    return [text for text in found if text is not None]


def _encode_column(
    kind: str, sub: tuple[tuple[str, str], ...], values: list[Any], table: _StringTable
) -> list[Any]:
    index = table.index
    if kind == "s":
        return [index[value] for value in values]
    if kind == "i":
        return values
    if kind == "ls":
        return [[index[item] for item in value] for value in values]
    fields = [(name, k == "s") for name, k in sub]
    return [
        [
            [index[item[name]] if is_text else item[name] for name, is_text in fields]
            for item in value
        ]
        for value in values
    ]


def _encode_rows(
    frame: geopandas.GeoDataFrame, periods: tuple[Period, ...]
) -> tuple[list[list[Any]], list[str]]:
    """Encode the frame column by column (row by row was the slowest part of a 100k build).

    The string table's order depends only on the strings and how often they occur.
    """
    phase_index = {period.id: index for index, period in enumerate(periods)}
    stored = [
        (kind, sub, plain_column(frame, name)) for name, kind, sub in FIELDS if kind not in _DERIVED
    ]
    counts: Counter[str] = Counter()
    for kind, sub, values in stored:
        counts.update(_column_strings(kind, sub, values))
    table = _StringTable(counts)
    lats, lons = lat_lon_columns(frame)
    columns: list[list[Any]] = [
        [phase_index[period] for period in plain_column(frame, "period")],
        [None if lat is None else round(lat * _SCALE) for lat in lats],
        [None if lon is None else round(lon * _SCALE) for lon in lons],
        [_day(day) for day in plain_column(frame, "date_start")],
        [_day(day) for day in plain_column(frame, "date_end")],
    ]
    columns.extend(_encode_column(kind, sub, values, table) for kind, sub, values in stored)
    return [list(row) for row in zip(*columns, strict=True)], table.strings


def _place_labels(frame: geopandas.GeoDataFrame) -> list[list[Any]]:
    """Return the most frequent settlements, as ``[name, lat, lon]``, for the basemap."""
    counts: Counter[str] = Counter()
    where: dict[str, list[Any]] = {}
    lats, lons = lat_lon_columns(frame)
    for name, lat, lon, precision in zip(
        plain_column(frame, "place"),
        lats,
        lons,
        plain_column(frame, "geo_precision"),
        strict=True,
    ):
        # Districts, provinces and countries get no label: their point is a centroid.
        if lat is None or not name or precision != "settlement":
            continue
        counts[name] += 1
        if name not in where:
            where[name] = [name, round(lat, COORD_DECIMALS), round(lon, COORD_DECIMALS)]
    # most reported first: where labels collide, the map keeps the earlier one
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    return [where[name] for name in ranked[:MAX_PLACE_LABELS]]


def _payload(
    frame: geopandas.GeoDataFrame, periods: tuple[Period, ...], attribution: str
) -> dict[str, Any]:
    rows, strings = _encode_rows(frame, periods)
    return {
        "attribution": attribution,
        "fields": [[name, kind, [list(pair) for pair in sub]] for name, kind, sub in FIELDS],
        "labels": _place_labels(frame),
        "outlines": country_outlines(),
        "periods": [
            {"id": p.id, "label": p.label, "color": p.color, "source": p.source} for p in periods
        ],
        "rows": rows,
        "scale": _SCALE,
        "strings": strings,
    }


def _check_colors(periods: Iterable[Period]) -> None:
    for period in periods:
        if not _COLOR.match(period.color):
            message = f"period {period.id!r} colour must look like #rrggbb, got {period.color!r}"
            raise ValueError(message)


def _layer_label(period: Period, count: int) -> str:
    # Leaflet's layer control inserts overlay names with innerHTML, so the label is escaped here.
    return (
        f'<span class="cm-swatch" style="background:{period.color}"></span>'
        f'<span class="cm-phase-label">{html.escape(period.label)}</span> '
        f'<span class="cm-phase-count">({count})</span>'
    )


def _panel_html(title: str, periods: tuple[Period, ...]) -> str:
    legend = "".join(
        f'<li><span class="cm-swatch" style="background:{p.color}"></span>'
        f"{html.escape(p.label)}</li>"
        for p in periods
    )
    return f"""
<aside id="clashmap-panel" class="cm-panel" aria-label="Map controls">
  <h1 class="cm-title">{html.escape(title)}</h1>
  <p class="cm-count">Showing <strong id="visible-count">0</strong> of
    <span id="total-count">0</span> incidents
    (<span id="marker-count">0</span> on the map, <span id="unlocated-count">0</span> unlocated)</p>
  <figure class="cm-timeline">
    <svg id="timeline-bars" viewBox="0 0 280 64" preserveAspectRatio="none" role="img"
      aria-label="Incidents over time, by phase"></svg>
    <div class="cm-timeline-axis"><span id="timeline-first"></span>
      <span id="timeline-last"></span></div>
    <figcaption id="timeline-caption" class="cm-note"></figcaption>
    <div class="cm-timeline-controls">
      <button type="button" id="timeline-play">Play</button>
      <button type="button" id="timeline-all">All dates</button>
      <label><input type="checkbox" id="timeline-deaths"> bars show deaths</label>
    </div>
  </figure>
  <fieldset class="cm-dates">
    <legend>Dates</legend>
    <label>From <output id="date-from-label"></output>
      <input type="range" id="date-from" min="0" max="0" step="1" value="0"></label>
    <label>To <output id="date-to-label"></output>
      <input type="range" id="date-to" min="0" max="0" step="1" value="0"></label>
  </fieldset>
  <label class="cm-search">Find a place
    <input type="search" id="place-search" list="place-names" autocomplete="off"
      placeholder="e.g. Ganja"></label>
  <datalist id="place-names"></datalist>
  <p id="search-status" class="cm-status" role="status"></p>
  <button type="button" id="download-geojson">Download GeoJSON</button>
  <details class="cm-legend" open>
    <summary>Legend</summary>
    <ul class="cm-legend-phases">{legend}</ul>
    <ul id="legend-sizes" class="cm-legend-sizes"></ul>
    <p class="cm-note">Circles grow with deaths (largest from 100); a pale, dashed circle means
      sources give a range. Numbered circles group nearby incidents of one phase.</p>
    <p class="cm-note">A hollow ring marks a report that names only an area, drawn at the
      area's centre (its size shows the kind of area, not its extent):</p>
    <ul id="legend-areas" class="cm-legend-areas"></ul>
  </details>
  <details class="cm-unlocated" open>
    <summary>Unlocated incidents (<span id="unlocated-shown">0</span>)</summary>
    <ol id="unlocated-list"></ol>
    <p id="unlocated-more" class="cm-note"></p>
  </details>
</aside>
"""


def _stabilise_ids(root: Element) -> None:
    """Replace branca's random element ids (os.urandom) with a counter in tree order.

    branca 0.8.2 draws ``Element._id`` at construction; the names that reach the page are
    ``_name + "_" + _id``, so renumbering the whole tree before rendering fixes the bytes.
    """
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        counter += 1
        element._id = f"{counter:04d}"
        if isinstance(element, Figure):
            for part in (element.header, element.html, element.script):
                visit(part)
        for child in element._children.values():
            visit(child)

    visit(root)


def _build_map(
    frame: geopandas.GeoDataFrame, periods: tuple[Period, ...], title: str
) -> tuple[_OfflineMap, list[folium.FeatureGroup]]:
    fmap = _OfflineMap(
        location=[
            (REGION_BOUNDS[0][0] + REGION_BOUNDS[1][0]) / 2,
            (REGION_BOUNDS[0][1] + REGION_BOUNDS[1][1]) / 2,
        ],
        zoom_start=7,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        zoom_control="bottomright",
        # Clustering work grows with the number of zoom levels; the region needs 5..14.
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
    )
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", control=False).add_to(fmap)
    counts = frame["period"].value_counts().to_dict()
    groups = [
        folium.FeatureGroup(name=_layer_label(p, int(counts.get(p.id, 0))), show=True)
        for p in periods
    ]
    for group in groups:
        group.add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    fmap.fit_bounds([list(REGION_BOUNDS[0]), list(REGION_BOUNDS[1])])
    _figure(fmap).title = html.escape(title)
    return fmap, groups


def _figure(fmap: folium.Map) -> Figure:
    figure = fmap.get_root()
    if not isinstance(figure, Figure):
        message = "the folium map is not attached to a Figure"
        raise TypeError(message)
    return figure


def render_map(
    frame: geopandas.GeoDataFrame,
    periods: tuple[Period, ...] = PERIODS,
    *,
    title: str = DEFAULT_TITLE,
    attribution: str = DEFAULT_ATTRIBUTION,
) -> str:
    """Render the incidents as a self-contained HTML page.

    Parameters
    ----------
    frame
        A frame from :func:`geo.output.frame.build_frame` (its ``period`` ids must be in
        ``periods``).
    periods
        The phases, one overlay each, in this order.
    title
        Page title and panel heading (plain text; escaped here).
    attribution
        Extra attribution shown in the map corner. This is trusted HTML written by us, never
        document text: links to GeoNames, Wikipedia and the outline source.

    Returns
    -------
    str
        The HTML page. Same inputs give the same bytes; no network is needed to view it except
        for the background tiles (a built-in outline basemap shows when they cannot load).
    """
    _check_colors(periods)
    fmap, groups = _build_map(frame, periods, title)
    figure = _figure(fmap)
    figure.header.add_child(_Raw(style_tag(leaflet_css())), name="leaflet_css")
    figure.header.add_child(_Raw(style_tag(markercluster_css())), name="markercluster_css")
    figure.header.add_child(_Raw(style_tag(static_text("clashmap.css"))), name="clashmap_css")
    figure.header.add_child(_Raw(script_tag(leaflet_js())), name="leaflet_js")
    figure.header.add_child(_Raw(script_tag(markercluster_js())), name="markercluster_js")
    figure.header.add_child(_Raw(script_tag(static_text("clashmap.js"))), name="clashmap_js")
    figure.header.add_child(_Raw(script_tag(static_text("timeline.js"))), name="timeline_js")
    figure.html.add_child(_Raw(_panel_html(title, periods)), name="clashmap_panel")
    data = json_for_script(_payload(frame, periods, attribution))
    figure.html.add_child(
        _Raw(f'<script type="application/json" id="clashmap-data">{data}</script>'),
        name="clashmap_data",
    )
    _ClashScript(groups).add_to(fmap)
    _stabilise_ids(figure)
    page: str = figure.render()
    log.debug("rendered map: %d incidents, %d bytes", len(frame), len(page))
    return page
