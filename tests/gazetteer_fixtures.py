"""Helpers for the gazetteer tests: real seed sentences as Sentence values, row lookups."""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

from geo.model import Mention, Place, Sentence
from geo.places import Gazetteer, find_mentions
from geo.places.names import fold

ROOT = Path(__file__).resolve().parent.parent
PLACES_CSV = ROOT / "gazetteer" / "places.csv"
SEEDS = ROOT / "seeds"
BAD = Path(__file__).resolve().parent / "data" / "bad"

# Sentence ends in the raw seeds: ". " or a line break (the flat dump 000 has no line breaks).
_END = re.compile(r"(?<=[.!?])\s+(?=[0-9A-Z\"'(\[*#])|\n")


@cache
def seed_text(name: str) -> str:
    """Raw text of a seed file, as scraped (004 keeps its mojibake)."""
    return (SEEDS / name).read_text(encoding="utf-8")


def seed_sentence(fragment: str, doc: str | None = None, nth: int = 0) -> Sentence:
    """The sentence of a seed that contains ``fragment``, with offsets into the raw file."""
    names = [doc] if doc else sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        text = seed_text(name)
        at = -1
        for _ in range(nth + 1):
            at = text.find(fragment, at + 1)
            if at < 0:
                break
        if at < 0:
            continue
        starts = [m.end() for m in _END.finditer(text, 0, at)]
        start = starts[-1] if starts else 0
        after = _END.search(text, at + len(fragment))
        end = after.start() if after else len(text)
        while text[end - 1] in " \t":
            end -= 1
        index = text.count("\n", 0, start)
        return Sentence(doc=name, index=index, text=text[start:end], start=start, end=end)
    msg = f"fragment not found in seeds: {fragment!r}"
    raise AssertionError(msg)


def neighbours(sentence: Sentence, before: int = 4, after: int = 4) -> tuple[Sentence, ...]:
    """Up to ``before``/``after`` sentences around ``sentence`` in its seed, as context."""
    text = seed_text(sentence.doc)
    cuts = [0, *(m.end() for m in _END.finditer(text)), len(text)]
    spans = [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    here = next(i for i, (a, b) in enumerate(spans) if a <= sentence.start < b)
    chosen = spans[max(0, here - before) : here] + spans[here + 1 : here + 1 + after]
    return tuple(
        Sentence(doc=sentence.doc, index=i, text=text[a:b].rstrip(), start=a, end=b)
        for i, (a, b) in enumerate(chosen)
    )


def mention_of(
    gazetteer: Gazetteer,
    sentence: Sentence,
    written: str,
    context: tuple[Sentence, ...] = (),
) -> Mention:
    """The first mention written exactly ``written`` in ``sentence``, else one starting so."""
    found = find_mentions(gazetteer, sentence, context)
    exact = [m for m in found if m.as_written == written]
    longer = [m for m in found if m.as_written.startswith(written + " ")]
    if exact or longer:
        return (exact or longer)[0]
    got = [(m.as_written, m.place.id) for m in found]
    msg = f"no mention {written!r} in {sentence.text!r}; found {got}"
    raise AssertionError(msg)


def rows_named(gazetteer: Gazetteer, name: str) -> list[Place]:
    """Rows whose name or an alias folds to the same key as ``name``."""
    key = fold(name)
    return [p for p in gazetteer.places if key in {fold(n) for n in (p.name, *p.aliases)}]


def row_named(gazetteer: Gazetteer, name: str, kind: str | None = None) -> Place:
    """The single row called ``name`` (optionally of ``kind``); fails if none or several."""
    rows = [p for p in rows_named(gazetteer, name) if kind is None or p.kind == kind]
    assert len(rows) == 1, f"expected one row named {name!r} ({kind}), got {[p.id for p in rows]}"
    return rows[0]
