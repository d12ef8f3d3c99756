"""Fixtures for the browser tests: a built map in a temporary folder and a real Chromium page.

``map_dir`` is a real build of the seeds; ``hostile_map_dir`` carries hostile document text.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, sync_playwright

from geo.fsutil import atomic_write_text
from geo.model import Incident
from geo.output.export import write_geojson
from geo.output.frame import build_frame
from geo.output.render import render_map
from geo.pipeline import BuildResult
from tests.map_fixtures import REPO, hostile_incidents

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAP_NAME = "clashes"


def build_map_dir(incidents: list[Incident], out: Path) -> Path:
    """Write ``clashes.html`` and ``clashes.geojson`` for ``incidents`` into ``out``."""
    frame = build_frame(incidents)
    atomic_write_text(out / f"{MAP_NAME}.html", render_map(frame))
    write_geojson(frame, out / f"{MAP_NAME}.geojson")
    return out


@pytest.fixture(scope="session")
def map_dir(built: tuple[BuildResult, Path]) -> Path:
    """The folder holding clashes.html and clashes.geojson of a real build of the seeds."""
    return built[1]


@pytest.fixture(scope="session")
def hostile_map_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A map whose document text is hostile HTML/JavaScript."""
    return build_map_dir(hostile_incidents(), tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; skipped locally (never on CI) when missing."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(
                f"{CHROMIUM} is missing on CI; install it with `apt-get install -y chromium`"
            )
        pytest.skip(f"{CHROMIUM} is missing and CI is not set")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class MapPage:
    """An opened map plus everything the page reported."""

    page: Page
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def count(self, element_id: str = "visible-count") -> int:
        return int(self.page.locator(f"#{element_id}").inner_text())

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


def _block_network(blocked: list[str]) -> Any:
    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    return handle


def _on_console(result: MapPage) -> Any:
    def handle(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Aborting the tile requests is this test's doing; the console reports each one.
        where = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and where in result.blocked:
            return
        result.errors.append(f"console: {message.text} ({where})")

    return handle


def open_map(browser: Browser, html_path: Path, fragment: str = "") -> Iterator[MapPage]:
    """Open ``html_path`` (and ``#fragment``) with the network blocked; yield once ready."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    result = MapPage(page)
    page.route("**/*", _block_network(result.blocked))
    page.on("console", _on_console(result))
    page.on("pageerror", lambda error: result.errors.append(f"pageerror: {error}"))
    page.goto(html_path.as_uri() + fragment)
    page.wait_for_selector("html[data-clashmap-ready='1']", state="attached", timeout=30_000)
    try:
        yield result
    finally:
        context.close()


@pytest.fixture
def map_page(browser: Browser, map_dir: Path) -> Iterator[MapPage]:
    """The map under test, opened and ready."""
    yield from open_map(browser, map_dir / f"{MAP_NAME}.html")


@pytest.fixture
def hostile_page(browser: Browser, hostile_map_dir: Path) -> Iterator[MapPage]:
    """The hostile-text map, opened and ready."""
    yield from open_map(browser, hostile_map_dir / f"{MAP_NAME}.html")


def save_screenshot(page: Page) -> Path | None:
    """Save docs/map.png when CLASHMAP_SCREENSHOT=1, so normal runs never write to the repo."""
    if os.environ.get("CLASHMAP_SCREENSHOT") != "1":
        return None
    target = REPO / "docs" / "map.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target.with_suffix(".tmp.png")))
    shutil.move(target.with_suffix(".tmp.png"), target)
    return target
