"""Extraction speed on a synthetic corpus built from the seeds' own documents.

Run: ``make bench`` or ``pytest tests/bench -m bench -s``. Prints MB/s at 5, 10, 25 and 50 MB so
that growth can be read off (linear extraction keeps MB/s flat).
"""

from __future__ import annotations

import dataclasses
import time

import pytest

from geo.incidents.extract import extract_incidents
from geo.model import Document
from geo.places import Gazetteer
from geo.read.corpus import Corpus

pytestmark = pytest.mark.bench

SIZES_MB = (5, 10, 25, 50)


def synthetic_documents(corpus: Corpus, megabytes: float) -> list[Document]:
    """Copies of the seed documents under new names until ``megabytes`` of text is reached."""
    documents: list[Document] = []
    size = 0
    copy = 0
    while size < megabytes * 1_000_000:
        for doc in corpus.documents:
            name = f"copy{copy:05d}_{doc.path}"
            sentences = tuple(dataclasses.replace(s, doc=name) for s in doc.sentences)
            documents.append(dataclasses.replace(doc, path=name, sentences=sentences))
            size += len(doc.text.encode("utf-8"))
        copy += 1
    return documents


def megabytes_of(documents: list[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000


def test_copies_merge_into_the_seed_incidents(corpus: Corpus, gazetteer: Gazetteer) -> None:
    documents = synthetic_documents(corpus, 5)
    started = time.perf_counter()
    result = extract_incidents(documents, gazetteer)
    seconds = time.perf_counter() - started
    print(f"\nextraction of {megabytes_of(documents):.1f} MB: {seconds:.2f} s")
    # Copies repeat the same reports: they merge into the seeds' incidents and add none.
    original = extract_incidents(corpus.documents, gazetteer).incidents
    print(f"incidents: {len(original)} from the seeds, {len(result.incidents)} from the copies")
    assert len(result.incidents) <= len(original)


def test_extraction_growth(corpus: Corpus, gazetteer: Gazetteer) -> None:
    rows = []
    for size in SIZES_MB:
        documents = synthetic_documents(corpus, size)
        started = time.perf_counter()
        extract_incidents(documents, gazetteer)
        seconds = time.perf_counter() - started
        megabytes = megabytes_of(documents)
        rows.append((megabytes, seconds, megabytes / seconds))
    print("\nextraction: MB, seconds, MB/s")
    for megabytes, seconds, rate in rows:
        print(f"{megabytes:8.1f} {seconds:8.2f} {rate:8.2f}")
    first_rate, last_rate = rows[0][2], rows[-1][2]
    # Linear: throughput at 50 MB stays within a factor of two of throughput at 5 MB.
    assert last_rate > first_rate / 2
