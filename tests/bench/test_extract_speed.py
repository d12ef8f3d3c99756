"""Copies of whole seed documents merge into the seeds' incidents and add none.

Run: ``make bench``. The speed of read + extract + merge is measured on new text, in
``test_user_corpus_speed.py``: copies of whole documents skip the reader and merge into
nothing new, so their MB/s says little about what users bring.
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
