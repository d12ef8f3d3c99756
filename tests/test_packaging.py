"""The wheel built from the tree carries every file the package reads at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def _source_copy(target: Path) -> Path:
    """The files a source distribution holds, so the build neither reads nor leaves a build/."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "geo", target / "geo", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_wheel_ships_every_stage_and_the_static_files(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    wheels = tmp_path / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels)]
    subprocess.run([*command, str(source)], check=True, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    static = sorted(p.name for p in (ROOT / "geo" / "output" / "static").iterdir())
    assert static == ["clashmap.css", "clashmap.js"]
    for name in static:
        assert f"geo/output/static/{name}" in names
    for stage in ("read", "places", "incidents", "output"):
        assert f"geo/{stage}/__init__.py" in names
    assert "geo/py.typed" in names
