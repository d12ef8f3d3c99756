from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.fsutil import atomic_path, atomic_write_text


class Boom(Exception):
    pass


@given(old=st.text(max_size=200), new=st.text(max_size=200), fails=st.booleans())
def test_atomic_write_leaves_the_old_file_or_the_whole_new_one(
    tmp_path_factory: pytest.TempPathFactory, old: str, new: str, fails: bool
) -> None:
    folder = tmp_path_factory.mktemp("atomic")
    target = folder / "out.geojson"
    atomic_write_text(target, old)
    try:
        with atomic_path(target) as tmp:
            tmp.write_text(new[: len(new) // 2], encoding="utf-8")
            if fails:
                raise Boom
            tmp.write_text(new, encoding="utf-8")
    except Boom:
        pass
    # Bytes, not read_text: universal newlines would turn a written "\r" into "\n".
    assert target.read_bytes().decode("utf-8") == (old if fails else new)
    assert [p.name for p in folder.iterdir()] == ["out.geojson"]


def test_temporary_file_keeps_the_suffix_for_gdal(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "export.gpkg") as tmp:
        assert tmp.suffix == ".gpkg"
        assert tmp.parent == tmp_path
        assert not tmp.exists()
        tmp.write_bytes(b"x")
    assert (tmp_path / "export.gpkg").read_bytes() == b"x"


def test_unix_line_endings(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "a.csv", "a\nb\n")
    assert (tmp_path / "a.csv").read_bytes() == b"a\nb\n"
