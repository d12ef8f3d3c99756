"""100,000 synthetic incidents: build time, HTML size and time until headless Chromium is ready.

Run with ``pytest tests/bench -m bench -s``. Targets from issue 5: build (frame + render) <= 10 s,
HTML <= 15 MB, map ready in Chromium <= 3 s. The incidents reuse the real seed sentences and
GeoNames places of ``tests/map_fixtures.py``; dates, places and figures vary by arithmetic (no
randomness), so each run builds the same page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest

from geo.fsutil import atomic_write_text
from geo.model import Incident
from geo.output.frame import build_frame
from geo.output.render import render_map
from tests.map_fixtures import PLACES, seed_incidents

pytestmark = pytest.mark.bench

COUNT = 100_000
TARGET_BUILD_S = 10.0
TARGET_HTML_BYTES = 15_000_000
TARGET_READY_S = 3.0
FIRST_DAY = dt.date(1988, 2, 20)
SPAN_DAYS = (dt.date(2023, 12, 31) - FIRST_DAY).days


def synthetic_incidents(count: int = COUNT) -> list[Incident]:
    """``count`` variations of the seed incidents, spread over 1988-2023 and ten places."""
    templates = seed_incidents()
    places = list(PLACES.values())
    out = []
    for index in range(count):
        base = templates[index % len(templates)]
        start = FIRST_DAY + dt.timedelta(days=(index * 7919) % SPAN_DAYS)
        deaths = None if index % 5 == 0 else (index * 31) % 120
        mentions = tuple(
            dataclasses.replace(m, place=places[(index + k) % len(places)])
            for k, m in enumerate(base.places)
        )
        out.append(
            dataclasses.replace(
                base,
                id=f"bench{index:011d}",
                when=dataclasses.replace(base.when, start=start, end=start),
                places=mentions,
                deaths_low=deaths,
                deaths_high=None if deaths is None else deaths + index % 3,
            )
        )
    return out


def _ready_seconds(html_path: Path) -> dict[str, Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        started = time.perf_counter()
        page.goto(html_path.as_uri(), wait_until="commit")
        page.wait_for_selector("html[data-clashmap-ready='1']", state="attached", timeout=120_000)
        wall = time.perf_counter() - started
        in_page = page.evaluate("() => performance.now()")
        visible = int(page.locator("#visible-count").inner_text())
        browser.close()
    return {"wall_s": wall, "page_ms": in_page, "visible": visible}


def test_100k_incidents(benchmark: Any, tmp_path: Path) -> None:
    incidents = synthetic_incidents()
    timings: dict[str, float] = {}

    def build() -> str:
        started = time.perf_counter()
        frame = build_frame(incidents)
        timings["frame_s"] = time.perf_counter() - started
        html = render_map(frame)
        timings["total_s"] = time.perf_counter() - started
        return html

    html = benchmark.pedantic(build, rounds=1, iterations=1)
    size = len(html.encode("utf-8"))
    path = tmp_path / "clashes.html"
    atomic_write_text(path, html)
    ready = _ready_seconds(path)
    benchmark.extra_info.update({**timings, "html_bytes": size, **ready})
    print(
        f"\n{COUNT} incidents: build_frame {timings['frame_s']:.2f} s, "
        f"build_frame+render_map {timings['total_s']:.2f} s, HTML {size / 1e6:.2f} MB, "
        f"Chromium ready {ready['wall_s']:.2f} s wall "
        f"({ready['page_ms'] / 1000:.2f} s performance.now)"
    )
    assert ready["visible"] == COUNT
    assert timings["total_s"] <= TARGET_BUILD_S
    assert size <= TARGET_HTML_BYTES
    assert ready["wall_s"] <= TARGET_READY_S
