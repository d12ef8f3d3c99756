"""gazetteer/build_places.py regenerates the checked-in places.csv byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.gazetteer_fixtures import PLACES_CSV

GAZETTEER_DIR = PLACES_CSV.parent


def test_the_build_script_regenerates_places_csv_byte_for_byte(tmp_path: Path) -> None:
    work = tmp_path / "gazetteer"
    shutil.copytree(GAZETTEER_DIR, work)
    (work / "places.csv").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(work / "build_places.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        f"places.csv: {len(PLACES_CSV.read_bytes().splitlines()) - 1} rows"
    )
    assert (work / "places.csv").read_bytes() == PLACES_CSV.read_bytes()
