from __future__ import annotations

from pathlib import Path

import pytest

from geo.pipeline import BuildConfig, BuildResult, build
from tests.conftest import GAZETTEER, MAPS, SEEDS

OUTPUTS = ("clashes.geojson", "clashes.html", "excluded.csv", "unresolved.csv")


def test_two_builds_give_identical_bytes(built: tuple[BuildResult, Path], tmp_path: Path) -> None:
    _, first = built
    build(BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=tmp_path))
    for name in OUTPUTS:
        assert (first / name).read_bytes() == (tmp_path / name).read_bytes(), name


@pytest.mark.parametrize("name", OUTPUTS)
def test_committed_maps_are_what_a_build_makes(built: tuple[BuildResult, Path], name: str) -> None:
    _, fresh = built
    committed = MAPS / name
    assert committed.exists(), f"run `make map` and commit {committed}"
    assert committed.read_bytes() == (fresh / name).read_bytes(), (
        f"{committed} is stale: run `make map` and commit it"
    )


def test_outputs_have_no_wall_clock_or_machine_paths(built: tuple[BuildResult, Path]) -> None:
    _, fresh = built
    for name in OUTPUTS:
        text = (fresh / name).read_text(encoding="utf-8")
        assert str(fresh) not in text
        assert str(SEEDS) not in text
