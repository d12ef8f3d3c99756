"""The map page: self-contained, deterministic, escaped, one overlay per phase."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from typing import Any

import pytest

from geo.incidents.periods import PERIODS
from geo.model import Period
from geo.output.frame import FRAME_COLUMNS, build_frame
from geo.output.render import FIELDS, json_for_script, render_map
from tests.map_fixtures import HOSTILE_TEXT, REPO, hostile_incidents, seed_incidents


class _Tags(HTMLParser):
    """Collects every start tag with its attributes and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


@pytest.fixture(scope="module")
def page() -> str:
    return render_map(build_frame(seed_incidents()))


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_map(build_frame(hostile_incidents()))


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="clashmap-data">(.*?)</script>', page)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_page_loads_nothing_from_the_network(page: str) -> None:
    tags = _parse(page).tags
    assert [a for t, a in tags if t == "script" and a.get("src")] == []
    assert [a for t, a in tags if t == "link"] == []
    for cdn in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "bootstrapcdn"):
        assert cdn not in page
    # Leaflet, markercluster and our script are inlined.
    assert "L.markerClusterGroup" in page
    assert "window.clashmap = {" in page
    assert "data:image/png;base64," in page  # Leaflet's layer-control icon, inlined


def test_two_renders_are_byte_identical(page: str) -> None:
    assert render_map(build_frame(list(reversed(seed_incidents())))) == page


def test_render_is_identical_in_a_fresh_interpreter(page: str) -> None:
    # A new process has new os.urandom draws and a new hash seed: ids and order must not care.
    code = (
        "import sys; from geo.output import build_frame, render_map; "
        "from tests.map_fixtures import seed_incidents; "
        "sys.stdout.write(render_map(build_frame(seed_incidents())))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        encoding="utf-8",
    )
    assert result.stdout == page


def test_one_overlay_per_phase_with_counts(page: str) -> None:
    overlays = re.search(r"overlays :  \{(.*?)\},", page, re.S)
    assert overlays is not None
    names = [
        json.loads(line.strip().split('" : ')[0] + '"')
        for line in overlays.group(1).split("\n")
        if line.strip()
    ]
    assert len(names) == len(PERIODS)
    for name, period in zip(names, PERIODS, strict=True):
        assert f'<span class="cm-phase-label">{period.label}</span>' in name
    assert names[2].endswith('<span class="cm-phase-count">(4)</span>')  # ceasefire


def test_payload_carries_every_incident_and_contract_field(page: str) -> None:
    data = _data(page)
    assert [name for name, _, _ in data["fields"]] == list(FRAME_COLUMNS)
    assert [name for name, _, _ in FIELDS] == list(FRAME_COLUMNS)
    assert len(data["rows"]) == 13
    assert [p["id"] for p in data["periods"]] == [p.id for p in PERIODS]
    located = [row for row in data["rows"] if row[1] is not None]
    assert len(located) == 8
    sumgait = data["rows"][0]
    assert sumgait[:3] == [0, 4058972, 4966861]  # phase 0, lat and lon times 1e5
    assert "Khankendi" in [label[0] for label in data["labels"]]
    assert {f["properties"]["name"] for f in data["outlines"]["features"]} >= {
        "Armenia",
        "Azerbaijan",
    }


def test_hostile_text_is_escaped_everywhere(hostile_page: str) -> None:
    assert "<script>window.__pwned" not in hostile_page
    assert "<img src=x" not in hostile_page
    assert 'href="javascript:' not in hostile_page
    # Jinja never sees document text: {{ 7 * 7 }} must not become 49.
    assert "49" not in json.dumps(_data(hostile_page)["strings"])
    assert HOSTILE_TEXT in _data(hostile_page)["strings"]
    assert "seeds/<b>evil</b>.txt" in _data(hostile_page)["strings"]
    # Only the scripts we put there exist: data block, Leaflet, markercluster, ours, folium's.
    scripts = [a for t, a in _parse(hostile_page).tags if t == "script"]
    assert len(scripts) == len(
        [a for t, a in _parse(render_map(build_frame([]))).tags if t == "script"]
    )


def test_json_for_script_cannot_close_the_script() -> None:
    text = json_for_script({"q": "</script><!-- & -->"})
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == {"q": "</script><!-- & -->"}


def test_title_is_escaped(page: str) -> None:
    titled = render_map(build_frame(seed_incidents()[:1]), title="<b>Clashes</b> & more")
    assert "<title>&lt;b&gt;Clashes&lt;/b&gt; &amp; more</title>" in titled
    assert '<h1 class="cm-title">&lt;b&gt;Clashes&lt;/b&gt; &amp; more</h1>' in titled


def test_bad_period_colour_is_refused() -> None:
    bad = (Period("x", "X", PERIODS[0].start, PERIODS[-1].end, "red;background:url(x)", "s"),)
    with pytest.raises(ValueError, match="colour must look like #rrggbb"):
        render_map(build_frame([]), bad)
