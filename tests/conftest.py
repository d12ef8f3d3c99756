"""Session fixtures built once: the real seed corpus (and later the gazetteer and the build)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from geo.incidents.extract import Extraction, extract_incidents
from geo.model import Document
from geo.pipeline import BuildConfig, BuildResult, build
from geo.places import Gazetteer, load_gazetteer
from geo.read.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BAD = Path(__file__).resolve().parent / "data" / "bad"
GAZETTEER = ROOT / "gazetteer" / "places.csv"
MAPS = ROOT / "maps"
# Development corpora in the shared workspace beside the repository (CI always has them).
DEVSET = ROOT.parent / "shared" / "devset" / "docs"
DEVNEWS = ROOT.parent / "shared" / "devnews" / "docs"

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    """On CI a skipped test is a failure: a skip there means a missing install step."""
    if (
        os.environ.get("CI")
        and call.excinfo is not None
        and call.excinfo.errisinstance(pytest.skip.Exception)
    ):
        # Raised, not just built: pytest's report needs the exception's traceback.
        message = f"skipped on CI: {call.excinfo.value}"
        try:
            raise AssertionError(message)
        except AssertionError as failure:
            call.excinfo = pytest.ExceptionInfo.from_exception(failure)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def docs(corpus: Corpus) -> dict[str, Document]:
    """Documents by their three-digit prefix: ``docs["004"]``."""
    return {doc.path[:3]: doc for doc in corpus.documents}


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer(GAZETTEER)


@pytest.fixture(scope="session")
def extraction(corpus: Corpus, gazetteer: Gazetteer) -> Extraction:
    return extract_incidents(corpus.documents, gazetteer)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """One real build of the seeds into a temporary folder."""
    out = tmp_path_factory.mktemp("maps")
    return build(BuildConfig(seeds=SEEDS, gazetteer=GAZETTEER, out=out)), out
