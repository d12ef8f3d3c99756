"""The wheel built from the tree carries every file the package reads at run time, and works
installed into a fresh virtual environment outside the repository (issue #12)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import geopandas
import pytest

from tests.conftest import ROOT


def _source_copy(target: Path) -> Path:
    """The files a source distribution holds, so the build neither reads nor leaves a build/."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, target / name)
    for folder in ("geo", "gazetteer"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = _source_copy(root / "src")
    wheels = root / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels)]
    subprocess.run([*command, str(source)], check=True, capture_output=True)
    (built,) = wheels.glob("*.whl")
    return built


def test_wheel_ships_every_stage_and_the_static_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    static = sorted(p.name for p in (ROOT / "geo" / "output" / "static").iterdir())
    assert static == ["clashmap.css", "clashmap.js", "outlines.geojson", "timeline.js"]
    for name in static:
        assert f"geo/output/static/{name}" in names
    for stage in ("read", "places", "incidents", "output"):
        assert f"geo/{stage}/__init__.py" in names
    assert "geo/py.typed" in names
    assert {"geo/gazetteer/places.csv", "geo/gazetteer/districts.csv"} <= names


def _fresh_venv(folder: Path) -> Path:
    """A new virtual environment that borrows only the third-party libraries of this one."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True)
    (site,) = (folder / "lib").glob("python3*/site-packages")
    # A path in a .pth file is added to sys.path, but the .pth files inside it are not run:
    # this environment's editable install of geo stays invisible there.
    borrowed = [p for p in sys.path if p.endswith("site-packages")]
    (site / "borrowed.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    return folder / "bin"


def test_installed_wheel_builds_and_exports_outside_the_repository(
    wheel: Path, tmp_path: Path
) -> None:
    bin_dir = _fresh_venv(tmp_path / "venv")
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    texts = tmp_path / "my-texts"
    texts.mkdir()
    shutil.copy(ROOT / "seeds" / "001_d44544b78ddb5d3f.txt", texts)
    work = tmp_path / "elsewhere"
    work.mkdir()

    def clashmap(*args: str) -> subprocess.CompletedProcess[str]:
        command = [str(bin_dir / "clashmap"), "-v", *args]
        return subprocess.run(command, cwd=work, capture_output=True, text=True, check=True)

    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import geo; print(geo.__file__)"],
        cwd=work, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(tmp_path / "venv"))
    built = clashmap("build", "--seeds", str(texts), "--out", "maps")
    assert "shipped with the package" in built.stderr
    assert "read 1 documents" in built.stdout
    exported = clashmap("export", "--format", "gpkg", "--out", "maps/all.gpkg")
    count = int(exported.stdout.split()[1])
    assert count == len(json.loads((work / "maps" / "clashes.geojson").read_bytes())["features"])
    assert count > 20
    assert len(geopandas.read_file(work / "maps" / "all.gpkg")) == count
