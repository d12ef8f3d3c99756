"""Shareable views: the map state lives in the URL fragment and a link restores it (#12)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from geo.incidents.periods import PERIODS
from tests.browser.conftest import MAP_NAME, MapPage, open_map

pytestmark = pytest.mark.browser

OVERLAY_INPUTS = ".leaflet-control-layers-overlays input.leaflet-control-layers-selector"


def _features(map_dir: Path) -> list[dict[str, Any]]:
    data = json.loads((map_dir / f"{MAP_NAME}.geojson").read_text("utf-8"))
    features: list[dict[str, Any]] = data["features"]
    return features


def _view(result: MapPage) -> dict[str, Any]:
    view: dict[str, Any] = result.evaluate(
        """() => {
            const s = window.clashmapState;
            const c = s.map.getCenter();
            return {
                lat: c.lat, lon: c.lng, zoom: s.map.getZoom(),
                phases: s.groups.map(g => s.map.hasLayer(g)),
                from: document.getElementById('date-from-label').textContent,
                to: document.getElementById('date-to-label').textContent,
                query: document.getElementById('place-search').value,
                count: Number(document.getElementById('visible-count').textContent),
                hash: window.location.hash,
            };
        }"""
    )
    return view


def test_a_link_opens_the_view_it_names(browser: Browser, map_dir: Path) -> None:
    fragment = "#phases=first-war&from=1992-01-01&to=1993-12-31&at=40.1,46.8,9&q=Shusha"
    for result in open_map(browser, map_dir / f"{MAP_NAME}.html", fragment):
        view = _view(result)
        assert view["phases"] == [period.id == "first-war" for period in PERIODS]
        assert (view["from"], view["to"]) == ("1992-01-01", "1993-12-31")
        expected = [
            f
            for f in _features(map_dir)
            if f["properties"]["period"] == "first-war"
            and f["properties"]["date_start"] <= "1993-12-31"
            and f["properties"]["date_end"] >= "1992-01-01"
        ]
        assert 0 < view["count"] == len(expected)
        assert (round(view["lat"], 4), round(view["lon"], 4), view["zoom"]) == (40.1, 46.8, 9)
        assert view["query"] == "Shusha"
        assert "at “Shusha”" in result.page.locator("#search-status").inner_text()
        assert result.errors == []


def test_the_fragment_round_trips_a_changed_view(
    browser: Browser, map_page: MapPage, map_dir: Path
) -> None:
    page = map_page.page
    page.locator(OVERLAY_INPUTS).nth(2).uncheck()
    day = map_page.evaluate("() => Date.parse('1991-06-01') / 86400000")
    page.locator("#date-from").fill(str(day))
    map_page.evaluate(
        "() => { window.clashmapState.map.setView([39.9, 46.6], 8, "
        "{animate: false, reset: true}); }"
    )
    before = _view(map_page)
    assert f"phases={','.join(p.id for i, p in enumerate(PERIODS) if i != 2)}" in before["hash"]
    assert "from=1991-06-01" in before["hash"]
    assert "at=39.9000,46.6000,8" in before["hash"]
    for result in open_map(browser, map_dir / f"{MAP_NAME}.html", before["hash"]):
        after = _view(result)
        assert after == before
        assert result.errors == []


def test_a_mistyped_link_still_opens_the_whole_map(browser: Browser, map_dir: Path) -> None:
    for result in open_map(browser, map_dir / f"{MAP_NAME}.html", "#from=yesterday&at=x,y,z&q="):
        assert result.count() == len(_features(map_dir))
        assert result.errors == []


_IN_VIEW = """() => {
    const s = window.clashmapState;
    const view = s.map.getBounds();
    const shown = s.markers.filter(m => s.map.hasLayer(s.groups[m.cmRow[0]]));
    return {
        zoom: s.map.getZoom(),
        inside: shown.filter(m => view.contains(m.getLatLng())).length,
        shown: shown.length,
    };
}"""


def test_the_map_opens_on_the_incidents_shown(browser: Browser, map_dir: Path) -> None:
    html = map_dir / f"{MAP_NAME}.html"
    zooms = []
    for fragment in ("", "#phases=second-war"):
        for result in open_map(browser, html, fragment):
            view = result.evaluate(_IN_VIEW)
            assert 0 < view["shown"] == view["inside"], fragment
            zooms.append(view["zoom"])
    # the one phase's few places fill the window: a closer view than every phase's
    assert zooms[1] > zooms[0]
