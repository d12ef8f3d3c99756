"""Reading and extraction on Dask workers give the same bytes as one process (issue #11)."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

import geo.pipeline
import geo.scale
from geo.cli import cli
from geo.pipeline import BuildConfig, build
from geo.scale import SeedFile, split_batches
from tests.conftest import GAZETTEER, SEEDS

OUTPUTS = ("clashes.geojson", "clashes.html", "excluded.csv", "unresolved.csv")


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("one")
    build(BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=out, jobs=1, is_cached=False))
    return _outputs(out)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # a free port for the scheduler's HTTP server: 8787 may be taken by another suite's cluster
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
    ) as cluster:
        yield cluster.scheduler_address


def test_two_local_workers_give_the_same_bytes(
    tmp_path: Path, one_process: dict[str, bytes]
) -> None:
    config = BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=tmp_path, jobs=2, is_cached=False)
    result = build(config)
    assert result.jobs == 2
    assert result.documents == 5
    assert _outputs(tmp_path) == one_process


def test_a_running_scheduler_gives_the_same_bytes(
    tmp_path: Path, one_process: dict[str, bytes], scheduler: str
) -> None:
    result = CliRunner().invoke(
        cli,
        ["build", "--seeds", str(SEEDS), "--out", str(tmp_path), "--scheduler", scheduler],
    )
    assert result.exit_code == 0, result.output
    assert _outputs(tmp_path) == one_process


def test_jobs_without_dask_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geo.scale, "has_dask", lambda: False)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--seeds", str(SEEDS), "--out", str(out), "--jobs", "2"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "error: --jobs 2: needs Dask, which is not installed; "
        "pip install 'karabakh-clash-map[scale]', or use --jobs 1\n"
    )
    assert not out.exists()


def test_unreachable_scheduler_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geo.scale, "CONNECT_TIMEOUT", "1s")
    out = tmp_path / "out"
    # port 9 (discard) has no listener here
    address = "tcp://127.0.0.1:9"
    result = CliRunner().invoke(
        cli, ["build", "--seeds", str(SEEDS), "--out", str(out), "--scheduler", address]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {address}: cannot reach the Dask scheduler: ")
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_default_jobs_without_dask_runs_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geo.pipeline, "has_dask", lambda: False)
    monkeypatch.setattr(geo.pipeline, "AUTO_PARALLEL_BYTES", 0)
    result = build(BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=tmp_path, is_cached=False))
    assert result.jobs == 1


def test_batches_keep_file_order_and_balance_bytes() -> None:
    seeds = [
        SeedFile(Path(f"{index}.txt"), b"x" * size) for index, size in enumerate([5, 1, 1, 1, 5, 3])
    ]
    batches = split_batches(seeds, 3)
    assert [seed for batch in batches for seed in batch] == seeds
    assert [[seed.path.name for seed in batch] for batch in batches] == [
        ["0.txt"],
        ["1.txt", "2.txt", "3.txt", "4.txt"],
        ["5.txt"],
    ]
    assert split_batches([], 4) == []


def test_a_busy_dashboard_port_stops_no_build(
    tmp_path: Path, one_process: dict[str, bytes]
) -> None:
    # another cluster on the machine (a notebook's, a second suite) holds Dask's usual 8787
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        with contextlib.suppress(OSError):  # already taken: the same condition
            holder.bind(("", 8787))
            holder.listen()
        config = BuildConfig(
            seeds=SEEDS, gazetteer=GAZETTEER, out=tmp_path, jobs=2, is_cached=False
        )
        build(config)
    assert _outputs(tmp_path) == one_process
