from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import cli
from geo.pipeline import far_namesakes
from tests.conftest import BAD, GAZETTEER, ROOT, SEEDS
from tests.read.test_corpus import BAD_FILES

OUTPUTS = ("clashes.geojson", "clashes.html", "excluded.csv", "unresolved.csv")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_corpus_reports_each_document() -> None:
    code, out, _ = run("corpus", "--seeds", str(SEEDS))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "document", "format", "shape", "sections", "sentences", "glosses", "repaired"
    ]  # fmt: skip
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:] if not line.startswith(" ")}
    assert rows["002_c541be4a485a1455.txt"][:2] == ["text", "glossed"]
    assert rows["002_c541be4a485a1455.txt"][4] == "64"
    assert rows["004_611ee24c1ec80590.txt"][:2] == ["text", "front_matter"]
    assert int(rows["004_611ee24c1ec80590.txt"][5]) > 300
    # The facts below each row: 001's front matter dates it; 002's scrape has its page title.
    facts = out.split("001_d44544b78ddb5d3f.txt")[1].split("\n002_")[0]
    assert "    date: 2022-02-13 (from front matter)" in facts
    facts = out.split("\n002_")[1].split("\n003_")[0]
    assert "    headline: Armenian–Azerbaijani Border Conflict" in facts


def test_corpus_dump_writes_normalized_text(tmp_path: Path) -> None:
    code, _, _ = run("corpus", "--seeds", str(SEEDS), "--dump", str(tmp_path))
    assert code == 0
    dumped = (tmp_path / "004_611ee24c1ec80590.txt.normalized.txt").read_text(encoding="utf-8")
    assert "storming the Azerbaijani village Bağanis Ayrum" in dumped


def test_build_writes_the_four_outputs(tmp_path: Path) -> None:
    code, out, _ = run("build", "--seeds", str(SEEDS), "--out", str(tmp_path))
    assert code == 0, out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted((*OUTPUTS, ".cache"))
    assert out.startswith(
        "read 5 documents, 1431 sentences (0 unchanged since the last build, "
        "5 extracted in one process)\n"
    )
    collection = json.loads((tmp_path / "clashes.geojson").read_text(encoding="utf-8"))
    assert f"found {len(collection['features'])} incidents" in out


def test_build_names_the_documents_that_need_a_date_of_their_own(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wire.txt").write_text(
        "Two soldiers were killed on Thursday near Talish.\n", encoding="utf-8"
    )
    (seeds / "dated.txt").write_text(
        "Date: 2016-04-08\n\nTwo soldiers were killed on Thursday near Talish.\n",
        encoding="utf-8",
    )
    code, out, _ = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert code == 0, out
    assert (
        "reports dated only by 'on Thursday', 'today' or a day without a year in 1 document "
        "with no date of its own: wire.txt; add a line 'Date: YYYY-MM-DD' under the headline"
    ) in out


@pytest.mark.parametrize(("name", "message"), sorted(BAD_FILES.items()))
def test_bad_seed_fails_the_strict_build_cleanly(tmp_path: Path, name: str, message: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(BAD / name, seeds / name)
    out = tmp_path / "out"
    code, stdout, stderr = run("build", "--strict", "--seeds", str(seeds), "--out", str(out))
    assert code == 1
    assert stdout == ""
    assert stderr == f"error: {seeds}/{message}\n"
    assert not out.exists()


def test_bad_seed_among_good_ones_is_skipped_with_a_warning(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "003_e22d402f04e7151f.txt", seeds)
    shutil.copy(BAD / "binary.txt", seeds)
    code, out, err = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert code == 0
    assert f"warning: skipped {seeds}/binary.txt: looks like a binary file" in err
    assert out.startswith("read 1 documents")


def test_failed_build_leaves_previous_outputs_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", "--seeds", str(SEEDS), "--out", str(out))[0] == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    broken = tmp_path / "broken.csv"
    broken.write_text("id,name\n", encoding="utf-8")
    code, _, err = run(
        "build", "--seeds", str(SEEDS), "--gazetteer", str(broken), "--out", str(out)
    )
    assert code == 1
    assert err.startswith(f"error: {broken}")
    assert err.count("\n") == 1
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert sorted(p.name for p in out.iterdir()) == sorted((*OUTPUTS, ".cache"))


def test_missing_seeds_folder_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("build", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert code == 1
    assert err == (
        f"error: {tmp_path}/nope: seeds folder not found; "
        "run from the repository root or pass --seeds DIR\n"
    )


def test_missing_gazetteer_says_what_to_do(tmp_path: Path) -> None:
    missing = tmp_path / "places.csv"
    code, _, err = run("build", "--gazetteer", str(missing), "--out", str(tmp_path / "o"))
    assert code == 1
    assert err == (
        f"error: {missing}: gazetteer file not found; "
        "run from the repository root or pass --gazetteer FILE\n"
    )


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run("build", "--colour", "red")
    assert code == 2
    assert "No such option" in err


def test_gazetteer_check_passes_on_the_real_file() -> None:
    code, out, err = run("gazetteer", "check", "--gazetteer", str(GAZETTEER))
    assert (code, err) == (0, "")
    ok, note = out.splitlines()
    assert ok == f"{GAZETTEER}: ok"
    far = len(far_namesakes(GAZETTEER, 25.0))
    assert far > 100  # Agbulaq, Norashen, ... name villages in several districts
    assert note.startswith(f"note: {far} names are shared by rows more than 25 km apart")


def test_gazetteer_stats_counts_rows_and_a_corpus_misses() -> None:
    code, out, err = run("gazetteer", "stats", "--gazetteer", str(GAZETTEER), "--seeds", str(SEEDS))
    assert (code, err) == (0, "")
    rows = len(GAZETTEER.read_text(encoding="utf-8").splitlines()) - 1
    lines = out.splitlines()
    assert lines[0].startswith(f"rows: {rows} ({rows} with a source URL)")
    kinds = lines[lines.index("by kind:") + 1 : lines.index("by country:")]
    assert sum(int(line.split()[-1]) for line in kinds) == rows
    assert any(line.split()[:2] == ["Khojavend", "District"] for line in lines)
    assert [line for line in lines if line.startswith("unresolved place-like names: ")]


def test_gazetteer_stats_lists_far_namesakes_on_request() -> None:
    code, out, _ = run("gazetteer", "stats", "--gazetteer", str(GAZETTEER), "--shared")
    assert code == 0
    listed = [re.search(r" (\d+\.\d) km  \S", line) for line in out.splitlines()]
    distances = [float(match.group(1)) for match in listed if match]
    assert len(distances) == len(far_namesakes(GAZETTEER, 25.0))
    assert min(distances) > 25
    assert distances == sorted(distances, reverse=True)


@pytest.mark.parametrize("fixture", sorted(p.name for p in BAD.glob("gazetteer_*.csv")))
def test_gazetteer_check_fails_on_each_broken_fixture(fixture: str) -> None:
    code, out, err = run("gazetteer", "check", "--gazetteer", str(BAD / fixture))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines
    assert all(line.startswith(f"error: {BAD / fixture}") for line in lines)


def test_export_by_period_matches_the_full_build(tmp_path: Path) -> None:
    full = tmp_path / "all.geojson"
    first_war = tmp_path / "first-war.geojson"
    assert run("export", "--out", str(full))[0] == 0
    code, out, _ = run("export", "--period", "first-war", "--out", str(first_war))
    assert code == 0
    features = json.loads(full.read_text(encoding="utf-8"))["features"]
    expected = [f for f in features if f["properties"]["period"] == "first-war"]
    got = json.loads(first_war.read_text(encoding="utf-8"))["features"]
    assert got == expected
    assert out == f"wrote {len(expected)} incidents to {first_war}\n"
    assert 10 < len(expected) < len(features)


def test_export_unknown_period_suggests_the_closest(tmp_path: Path) -> None:
    code, _, err = run("export", "--period", "first-wa", "--out", str(tmp_path / "x.geojson"))
    assert code == 1
    assert err.startswith("error: --period: unknown period 'first-wa'")
    assert err.endswith("did you mean 'first-war'?\n")
    assert not (tmp_path / "x.geojson").exists()


def test_export_date_window_and_formats(tmp_path: Path) -> None:
    target = tmp_path / "april.csv"
    args = ("export", "--format", "csv", "--from", "2016-04-01", "--to", "2016-04-30")
    code, out, _ = run(*args, "--out", str(target))
    assert code == 0
    rows = target.read_text(encoding="utf-8").splitlines()
    assert out == f"wrote {len(rows) - 1} incidents to {target}\n"
    assert any("2016-04-01" in row and "2016-04-05" in row for row in rows[1:])


def test_export_filters_the_built_geojson_like_a_rebuild(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    assert run("build", "--seeds", str(SEEDS), "--out", str(maps))[0] == 0
    args = ("export", "--period", "first-war", "--format", "csv")
    from_file = tmp_path / "from-file.csv"
    rebuilt = tmp_path / "rebuilt.csv"
    code, out, _ = run(*args, "--input", str(maps / "clashes.geojson"), "--out", str(from_file))
    assert code == 0, out
    assert run(*args, "--rebuild", "--seeds", str(SEEDS), "--out", str(rebuilt))[0] == 0
    assert from_file.read_bytes() == rebuilt.read_bytes()
    assert from_file.read_text(encoding="utf-8").count("\n") > 10


def test_export_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    missing = tmp_path / "none.geojson"
    target = tmp_path / "x.geojson"
    code, _, err = run("export", "--input", str(missing), "--out", str(target))
    assert code == 1
    assert err == (
        f"error: {missing}: GeoJSON not found; run clashmap build first, "
        "or pass --input FILE (or --rebuild)\n"
    )
    assert not target.exists()


def test_build_outside_the_repository_uses_the_packaged_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="geo.pipeline"):
        code, _, err = run("-v", "build", "--seeds", str(SEEDS), "--out", "maps")
    assert code == 0, err
    assert "(shipped with the package; there is no gazetteer/places.csv here)" in caplog.text
    assert (tmp_path / "maps" / "clashes.geojson").read_bytes() == (
        ROOT / "maps" / "clashes.geojson"
    ).read_bytes()
