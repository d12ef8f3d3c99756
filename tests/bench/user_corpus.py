"""A corpus shaped like what users bring, and one timed run over it (issue #11).

Sentences of the seeds and of the development corpora, shuffled with a fixed seed into
documents of 2–20 KB, written as files: the reader, the extractor and the merge all see new
text, unlike copies of whole seed documents, which merge into nothing new.

``python -m tests.bench.user_corpus run DIR KIND`` times one stage in a fresh process and
prints one JSON line, so that each run's peak memory is its own:

* ``pipeline``: read + extract + merge (``load_corpus``, ``extract_incidents``);
* ``floor``: read the same files and make one bare pyahocorasick pass with the gazetteer's
  names and aliases over the lower-cased text: the least any extraction must do;
* ``workers``: read + extract on a local Dask cluster of two worker processes, then merge,
  cluster start-up included;
* ``rebuild``: a whole ``build`` into an empty output folder (cold), then again after one
  more document was added to the folder (the per-document cache at work).
"""

from __future__ import annotations

import json
import random  # noqa: TID251 -- a seeded generator: the same corpus every run
import resource
import sys
import time
from pathlib import Path

import ahocorasick

from geo.incidents import extract_incidents, merge_reports
from geo.pipeline import BuildConfig, build
from geo.places import load_gazetteer
from geo.read import load_corpus, read_bytes, seed_files
from geo.scale import SeedFile, run_seeds

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "gazetteer" / "places.csv"
SOURCES = (
    ROOT / "seeds",
    ROOT.parent / "shared" / "devset" / "docs",
    ROOT.parent / "shared" / "devnews" / "docs",
)
SHUFFLE_SEED = 2026
DOC_BYTES = (2_000, 20_000)
SENTENCES_PER_PARAGRAPH = 5


def source_sentences() -> list[str]:
    """Every sentence the reader finds in the seeds and the development corpora present."""
    sentences: list[str] = []
    for folder in SOURCES:
        if folder.is_dir():
            for document in load_corpus(folder).documents:
                sentences.extend(" ".join(s.text.split()) for s in document.sentences)
    return sentences


def write_corpus(folder: Path, megabytes: float, sentences: list[str]) -> int:
    """Write shuffled sentences into documents of 2–20 KB until ``megabytes``; return bytes."""
    rng = random.Random(SHUFFLE_SEED)
    folder.mkdir(parents=True, exist_ok=True)
    pool: list[str] = []
    written = 0
    index = 0
    while written < megabytes * 1_000_000:
        target = rng.randint(*DOC_BYTES)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            if not pool:
                pool = sentences[:]
                rng.shuffle(pool)
            paragraph = " ".join(pool.pop() for _ in range(min(SENTENCES_PER_PARAGRAPH, len(pool))))
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"doc{index:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        index += 1
    return written


def _peak_mb() -> float:
    # Linux keeps the parent's high-water mark in ru_maxrss across the exec of this process:
    # run after the 100,000-incident map, every run here reported that pytest's 534 MB. The
    # kernel's VmHWM belongs to this process's own memory.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_pipeline(folder: Path) -> dict[str, float]:
    """Time read + extract + merge of ``folder``."""
    gazetteer = load_gazetteer(GAZETTEER)
    started = time.perf_counter()
    corpus = load_corpus(folder)
    extraction = extract_incidents(corpus.documents, gazetteer)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "incidents": len(extraction.incidents), "peak_mb": _peak_mb()}


def run_floor(folder: Path) -> dict[str, float]:
    """Time reading the files and one bare Aho-Corasick pass over their lower-cased text."""
    automaton = ahocorasick.Automaton()
    for place in load_gazetteer(GAZETTEER).places:
        for name in (place.name, *place.aliases):
            automaton.add_word(name.lower(), len(name))
    automaton.make_automaton()
    started = time.perf_counter()
    hits = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").lower()
        hits += sum(1 for _ in automaton.iter(text))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "hits": hits, "peak_mb": _peak_mb()}


def run_workers(folder: Path) -> dict[str, float]:
    """Time read + extract on two Dask worker processes, then the merge in this one."""
    gazetteer = load_gazetteer(GAZETTEER)
    started = time.perf_counter()
    seeds = [SeedFile(path, read_bytes(path)) for path in seed_files(folder)]
    outcomes = run_seeds(seeds, gazetteer, jobs=2)
    extraction = merge_reports(o.reports for o in outcomes if o.reports is not None)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "incidents": len(extraction.incidents), "peak_mb": _peak_mb()}


def run_rebuild(folder: Path) -> dict[str, float]:
    """Time a cold build, then a rebuild after adding one document (a copy under a new name)."""
    out = folder.parent / f"{folder.name}-maps"
    config = BuildConfig(seeds=folder, gazetteer=GAZETTEER, out=out, jobs=1)
    started = time.perf_counter()
    build(config)
    cold = time.perf_counter() - started
    first = seed_files(folder)[0]
    added = folder / f"zz-added-{first.name}"
    added.write_bytes(first.read_bytes())
    started = time.perf_counter()
    result = build(config)
    warm = time.perf_counter() - started
    added.unlink()
    return {"seconds": cold, "warm_seconds": warm, "cached": result.cached, "peak_mb": _peak_mb()}


RUNNERS = {
    "pipeline": run_pipeline,
    "floor": run_floor,
    "workers": run_workers,
    "rebuild": run_rebuild,
}


def main(argv: list[str]) -> int:
    """``run DIR pipeline|floor|workers|rebuild``: print the timing of one run as JSON."""
    _, folder, kind = argv
    print(json.dumps(RUNNERS[kind](Path(folder)), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
