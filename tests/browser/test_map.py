"""Real Chromium against the built map: markers, phase toggles, dates, popup, download, safety."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from geo.incidents.periods import PERIODS
from tests.browser.conftest import MAP_NAME, MapPage, save_screenshot
from tests.map_fixtures import HOSTILE_TEXT

pytestmark = pytest.mark.browser

OVERLAY_INPUTS = ".leaflet-control-layers-overlays input.leaflet-control-layers-selector"


def _geojson(map_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((map_dir / f"{MAP_NAME}.geojson").read_text("utf-8"))
    return data


def _phase_counts(map_dir: Path) -> Counter[str]:
    return Counter(f["properties"]["period"] for f in _geojson(map_dir)["features"])


def _leaflet_marker_count(result: MapPage) -> int:
    count: int = result.evaluate(
        """() => {
            const s = window.clashmapState;
            return s.clusters.filter((c, i) => s.map.hasLayer(s.groups[i]))
                .reduce((n, c) => n + c.getLayers().length, 0);
        }"""
    )
    return count


def test_markers_render_and_counts_match_geojson(map_page: MapPage, map_dir: Path) -> None:
    features = _geojson(map_dir)["features"]
    located = [f for f in features if f["geometry"] is not None]
    assert map_page.count() == len(features)
    assert map_page.count("total-count") == len(features)
    assert map_page.count("marker-count") == len(located) == _leaflet_marker_count(map_page)
    assert map_page.count("unlocated-count") == len(features) - len(located)
    # Every located incident is drawn: either as its own canvas circle or inside a cluster
    # icon, whose label is its child count.
    drawn = map_page.evaluate(
        """() => {
            const s = window.clashmapState;
            let single = 0;
            let inClusters = 0;
            const seen = new Set();
            for (const m of s.markers) {
                const parent = window.clashmap.visibleParent(m);
                if (parent === m) { single++; }
                else if (parent && !seen.has(parent)) {
                    seen.add(parent);
                    inClusters += parent.getChildCount();
                }
            }
            const icons = [...document.querySelectorAll('.cm-cluster-inner')]
                .reduce((n, e) => n + Number(e.textContent), 0);
            return {single, inClusters, icons};
        }"""
    )
    assert drawn["single"] + drawn["inClusters"] == len(located)
    assert drawn["icons"] == drawn["inClusters"]
    assert drawn["single"] > 0
    painted = map_page.evaluate(
        """() => {
            const c = document.querySelector('.leaflet-overlay-pane canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
            return n;
        }"""
    )
    assert painted > 20
    save_screenshot(map_page.page)
    assert map_page.errors == []


def test_layer_control_has_one_entry_per_phase(map_page: MapPage) -> None:
    labels = map_page.page.locator(".leaflet-control-layers-overlays .cm-phase-label")
    assert labels.all_inner_texts() == [period.label for period in PERIODS]
    assert map_page.page.locator(OVERLAY_INPUTS).count() == len(PERIODS)


def test_unticking_each_phase_hides_exactly_its_incidents(map_page: MapPage, map_dir: Path) -> None:
    counts = _phase_counts(map_dir)
    total = sum(counts.values())
    # The fixture's "September 2023" offensive starts 2023-09-01, inside the border-crisis
    # phase, so one phase is empty: unticking it must change nothing.
    assert len(counts) >= len(PERIODS) - 1, "most phases need incidents for this to mean much"
    boxes = map_page.page.locator(OVERLAY_INPUTS)
    for index, period in enumerate(PERIODS):
        boxes.nth(index).uncheck()
        assert map_page.count() == total - counts[period.id], period.id
        boxes.nth(index).check()
        assert map_page.count() == total, period.id
    assert map_page.errors == []


def test_date_slider_narrows_the_count_and_composes_with_phases(
    map_page: MapPage, map_dir: Path
) -> None:
    features = _geojson(map_dir)["features"]
    page = map_page.page
    # Move the lower end to the median end date: only incidents ending on/after it stay.
    cut = sorted(f["properties"]["date_end"] for f in features)[len(features) // 2]
    day = map_page.evaluate("(iso) => Date.parse(iso) / 86400000", cut)
    page.locator("#date-from").fill(str(day))
    expected = [f for f in features if f["properties"]["date_end"] >= cut]
    assert 0 < len(expected) < len(features)
    assert map_page.count() == len(expected)
    assert page.locator("#date-from-label").inner_text() == cut
    # Composes with a phase toggle: untick the phase with most incidents left as well.
    busiest = Counter(f["properties"]["period"] for f in expected).most_common(1)[0][0]
    page.locator(OVERLAY_INPUTS).nth([p.id for p in PERIODS].index(busiest)).uncheck()
    remaining = [f for f in expected if f["properties"]["period"] != busiest]
    assert map_page.count() == len(remaining)
    # Unlocated incidents outside the window leave the side panel too.
    shown = page.locator("#unlocated-list li:visible").count()
    assert shown == sum(1 for f in remaining if f["geometry"] is None)
    # Dates changed while a phase is hidden apply to it once it is shown again.
    page.locator("#date-from").fill(page.locator("#date-from").get_attribute("min") or "")
    assert map_page.count() == sum(1 for f in features if f["properties"]["period"] != busiest)
    page.locator(OVERLAY_INPUTS).nth([p.id for p in PERIODS].index(busiest)).check()
    assert map_page.count() == len(features)
    assert map_page.errors == []


def _click_marker(result: MapPage, feature_id: str) -> None:
    point = result.evaluate(
        """(id) => {
            const s = window.clashmapState;
            const pos = s.decoder.pos.id;
            const m = s.markers.find(m => s.decoder.str(m.cmRow[pos]) === id);
            window.clashmap.reveal(s, m);
            // Still clustered only with incidents at the same place: click the cluster icon.
            const shown = window.clashmap.visibleParent(m);
            const p = s.map.latLngToContainerPoint(shown.getLatLng());
            const box = s.map.getContainer().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        feature_id,
    )
    result.page.mouse.click(point[0], point[1])


def _sample_feature(map_dir: Path) -> dict[str, Any]:
    """The first located incident with one agreed death figure and a claim."""
    feature: dict[str, Any] = next(
        f
        for f in _geojson(map_dir)["features"]
        if f["geometry"] is not None
        and f["properties"]["deaths_low"] is not None
        and f["properties"]["deaths_low"] == f["properties"]["deaths_high"]
        and f["properties"]["claims"]
    )
    return feature


def test_popup_shows_the_source_sentence_and_claims(map_page: MapPage, map_dir: Path) -> None:
    feature = _sample_feature(map_dir)
    properties = feature["properties"]
    _click_marker(map_page, feature["id"])
    first_quote = properties["sources"][0]["quote"]
    # Incidents of other phases at the same place are listed in the same popup.
    popup = map_page.page.locator(".leaflet-popup-content .cm-popup", has_text=first_quote)
    popup.wait_for()
    text = popup.inner_text()
    assert popup.locator(".cm-quote").all_inner_texts() == [
        source["quote"] for source in properties["sources"]
    ]
    assert f"Place: {properties['place']} ({properties['geo_precision']})" in text
    same_point = [f for f in _geojson(map_dir)["features"] if f["geometry"] == feature["geometry"]]
    header = map_page.page.locator(".cm-popup-count")
    if len(same_point) > 1:
        assert header.inner_text() == f"{len(same_point)} incidents here"
    else:
        assert header.count() == 0
    assert f"Deaths: {properties['deaths_low']}" in text
    assert properties["sources"][0]["doc"] in popup.locator(".cm-cite").first.inner_text()
    assert properties["claims"][0]["text"] in popup.locator(".cm-claims").inner_text()
    assert map_page.errors == []


def test_popup_says_where_an_inferred_place_came_from(map_page: MapPage, map_dir: Path) -> None:
    # seed 004: "The town was poorly guarded, and the next day Armenian forces took control of
    # the town" takes Lachin from the sentence before
    feature = next(
        f
        for f in _geojson(map_dir)["features"]
        if f["geometry"] is not None
        and f["properties"]["place_inferred"]
        and "sentence before" in f["properties"]["place_inferred"]
    )
    properties = feature["properties"]
    _click_marker(map_page, feature["id"])
    popup = map_page.page.locator(
        ".leaflet-popup-content .cm-popup", has_text=properties["sources"][0]["quote"]
    )
    popup.wait_for()
    inferred = popup.locator(".cm-inferred", has_text="Place inferred")
    assert inferred.inner_text() == f"Place inferred: {properties['place_inferred']}"
    assert map_page.errors == []


AREA_PRECISIONS = {"district", "province", "region", "country"}


def test_area_reports_are_hollow_rings_and_the_legend_says_so(
    map_page: MapPage, map_dir: Path
) -> None:
    drawn = map_page.evaluate(
        """() => {
            const s = window.clashmapState;
            const pos = s.decoder.pos.id;
            return s.markers.map(m => [
                s.decoder.str(m.cmRow[pos]), m.options.fillOpacity, m.options.radius
            ]);
        }"""
    )
    precision = {
        f["id"]: f["properties"]["geo_precision"]
        for f in _geojson(map_dir)["features"]
        if f["geometry"] is not None
    }
    hollow = {feature_id for feature_id, fill, _ in drawn if fill == 0}
    areas = {feature_id for feature_id, level in precision.items() if level in AREA_PRECISIONS}
    assert hollow == areas
    assert len(areas) >= 3
    assert len(precision) - len(areas) >= 30
    # a ring is never smaller than a district's, so it does not pass for a village dot
    assert min(radius for feature_id, _, radius in drawn if feature_id in areas) >= 12
    legend = map_page.page.locator("#legend-areas li")
    assert legend.all_inner_texts() == [
        "a district or province only",
        "a region or a whole country only",
    ]
    assert map_page.errors == []


def test_search_finds_a_place_as_written(map_page: MapPage, map_dir: Path) -> None:
    # Prefer a spelling that differs from the gazetteer name (Kirovabad for Ganja).
    places = [p for f in _geojson(map_dir)["features"] for p in f["properties"]["places"]]
    place = next((p for p in places if p["as_written"] != p["name"]), places[0])
    search = map_page.page.locator("#place-search")
    search.fill(place["as_written"].lower())
    search.press("Enter")
    status = map_page.page.locator("#search-status").inner_text()
    assert re.match(r"\d+ incidents? at ", status), status
    assert f"Place: {place['name']}" in map_page.page.locator(".leaflet-popup-content").inner_text()
    search.fill("Atlantis")
    search.press("Enter")
    assert map_page.page.locator("#search-status").inner_text().startswith("No visible incident")


def _download(result: MapPage) -> dict[str, Any]:
    with result.page.expect_download() as info:
        result.page.locator("#download-geojson").click()
    path = info.value.path()
    data: dict[str, Any] = json.loads(Path(path).read_text("utf-8"))
    return data


def test_download_geojson_is_exactly_the_visible_features(map_page: MapPage, map_dir: Path) -> None:
    by_id = {f["id"]: f for f in _geojson(map_dir)["features"]}
    everything = _download(map_page)
    assert [f["id"] for f in everything["features"]] == list(by_id)
    assert {f["id"]: f for f in everything["features"]} == by_id
    boxes = map_page.page.locator(OVERLAY_INPUTS)
    boxes.nth(0).uncheck()
    boxes.nth(3).uncheck()
    hidden = {PERIODS[0].id, PERIODS[3].id}
    visible = _download(map_page)
    expected = [f for f in by_id.values() if f["properties"]["period"] not in hidden]
    assert visible["features"] == expected
    assert len(visible["features"]) == map_page.count()
    assert map_page.errors == []


def test_map_works_offline_and_asks_only_for_tiles(map_page: MapPage, map_dir: Path) -> None:
    assert map_page.blocked, "the tile requests should have been attempted and blocked"
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in map_page.blocked)
    # The built-in outline basemap is drawn under the (missing) tiles.
    assert map_page.page.locator(".leaflet-cmOutlines-pane path").count() >= 2
    labels = map_page.page.locator(".cm-place-label-text").all_text_contents()
    assert labels
    assert set(labels) <= {f["properties"]["place"] for f in _geojson(map_dir)["features"]}
    attribution = map_page.page.locator(".leaflet-control-attribution").inner_text()
    for name in ("GeoNames", "Wikipedia", "OpenStreetMap"):
        assert name in attribution


def _shown_label_boxes(map_page: MapPage) -> list[dict[str, float]]:
    boxes: list[dict[str, float]] = map_page.evaluate(
        """() => Array.from(document.querySelectorAll('.cm-place-label-text'))
            .filter(t => t.style.visibility !== 'hidden')
            .map(t => { const r = t.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""
    )
    return boxes


def _overlapping(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], start=i + 1)
        if a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    ]


def test_basemap_labels_never_overlap(map_page: MapPage) -> None:
    total = map_page.page.locator(".cm-place-label-text").count()
    shown = _shown_label_boxes(map_page)
    assert 3 <= len(shown) < total  # the seeds' busy places crowd at this zoom
    assert _overlapping(shown) == []
    map_page.evaluate("() => window.clashmapState.map.setZoom(10, {animate: false})")
    closer = _shown_label_boxes(map_page)
    assert _overlapping(closer) == []
    assert map_page.errors == []


def test_hostile_text_never_executes_and_shows_literally(hostile_page: MapPage) -> None:
    page = hostile_page.page
    assert page.evaluate("() => window.__pwned === undefined")
    assert (
        page.locator("#unlocated-list img, #unlocated-list script, #unlocated-list a").count() == 0
    )
    panel = page.locator("#unlocated-list li").first
    assert panel.locator(".cm-summary").inner_text() == HOSTILE_TEXT
    assert panel.locator(".cm-quote").inner_text() == HOSTILE_TEXT
    _click_marker(hostile_page, "hostile-0000001")
    popup = page.locator(".leaflet-popup-content .cm-popup")
    popup.wait_for()
    assert popup.locator(".cm-summary").inner_text() == HOSTILE_TEXT
    assert popup.locator(".cm-quote").inner_text() == HOSTILE_TEXT
    assert popup.locator("img, script, a").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    assert hostile_page.errors == []
