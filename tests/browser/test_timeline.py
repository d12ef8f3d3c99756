"""The time histogram: bars by phase, brushing sets the dates, play moves a window (#12)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from geo.incidents.periods import PERIODS
from tests.browser.conftest import MAP_NAME, MapPage

pytestmark = pytest.mark.browser

OVERLAY_INPUTS = ".leaflet-control-layers-overlays input.leaflet-control-layers-selector"


def _features(map_dir: Path) -> list[dict[str, Any]]:
    data = json.loads((map_dir / f"{MAP_NAME}.geojson").read_text("utf-8"))
    features: list[dict[str, Any]] = data["features"]
    return features


def _bar_total(map_page: MapPage) -> float:
    total: float = map_page.evaluate(
        """() => Array.from(document.querySelectorAll('#timeline-bars rect[data-value]'))
            .reduce((n, r) => n + Number(r.getAttribute('data-value')), 0)"""
    )
    return total


def _window(map_page: MapPage) -> tuple[str, str]:
    page = map_page.page
    return page.locator("#date-from-label").inner_text(), page.locator(
        "#date-to-label"
    ).inner_text()


def _in_window(features: list[dict[str, Any]], start: str, end: str) -> int:
    return sum(
        1
        for f in features
        if f["properties"]["date_start"] <= end and f["properties"]["date_end"] >= start
    )


def test_bars_count_every_incident_and_follow_the_phase_toggles(
    map_page: MapPage, map_dir: Path
) -> None:
    features = _features(map_dir)
    assert _bar_total(map_page) == len(features)
    caption = map_page.page.locator("#timeline-caption").inner_text()
    assert caption.startswith("Incidents per year, by phase")
    counts = Counter(f["properties"]["period"] for f in features)
    busiest = counts.most_common(1)[0][0]
    map_page.page.locator(OVERLAY_INPUTS).nth([p.id for p in PERIODS].index(busiest)).uncheck()
    assert _bar_total(map_page) == len(features) - counts[busiest]
    colours = map_page.evaluate(
        """() => Array.from(document.querySelectorAll('#timeline-bars rect[data-value]'))
            .map(r => r.getAttribute('fill'))"""
    )
    busiest_colour = next(p.color for p in PERIODS if p.id == busiest)
    assert busiest_colour not in colours
    assert map_page.errors == []


def test_brushing_sets_the_dates_and_the_visible_count(map_page: MapPage, map_dir: Path) -> None:
    features = _features(map_dir)
    page = map_page.page
    box = page.locator("#timeline-bars").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 0.66 * box["width"], y)
    page.mouse.down()
    page.mouse.move(box["x"] + 0.8 * box["width"], y, steps=5)
    page.mouse.move(box["x"] + 0.9 * box["width"], y, steps=5)
    page.mouse.up()
    start, end = _window(map_page)
    # a yearly histogram: the window runs from a 1 January to a 31 December
    assert start.endswith("-01-01")
    assert end.endswith("-12-31")
    expected = _in_window(features, start, end)
    assert 0 < expected < len(features)
    assert map_page.count() == expected
    # the sliders moved with it
    from_day = int(page.locator("#date-from").input_value())
    assert map_page.evaluate("(d) => window.clashmap.isoDay(d)", from_day) == start
    # bins outside the window are dimmed, those inside are not
    dimmed = page.locator("#timeline-bars .cm-bin-out").count()
    assert 0 < dimmed < page.locator("#timeline-bars .cm-bin").count()
    page.locator("#timeline-all").click()
    assert map_page.count() == len(features)
    assert map_page.errors == []


def test_play_moves_a_window_through_time(map_page: MapPage, map_dir: Path) -> None:
    features = _features(map_dir)
    page = map_page.page
    page.locator("#timeline-play").click()
    first = _window(map_page)
    assert page.locator("#timeline-play").inner_text() == "Pause"
    page.wait_for_function(
        "(first) => document.getElementById('date-from-label').textContent !== first",
        arg=first[0],
    )
    second = _window(map_page)
    assert second[0] > first[0]
    assert second[1] > first[1]
    page.locator("#timeline-play").click()
    assert page.locator("#timeline-play").inner_text() == "Play"
    start, end = _window(map_page)
    assert map_page.count() == _in_window(features, start, end)
    assert map_page.errors == []


def test_bars_can_show_deaths_instead(map_page: MapPage, map_dir: Path) -> None:
    def deaths(props: dict[str, Any]) -> int:
        value = props["deaths_high"] if props["deaths_high"] is not None else props["deaths_low"]
        return int(value or 0)

    features = _features(map_dir)
    map_page.page.locator("#timeline-deaths").check()
    total = sum(deaths(f["properties"]) for f in features)
    assert total > 100
    assert _bar_total(map_page) == total
    assert map_page.page.locator("#timeline-caption").inner_text().startswith("Deaths per year")
    assert map_page.errors == []
