"""Sentence splitting that keeps character offsets into the text it was given."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that end with a full stop without ending the sentence. Lower-cased, without the stop.
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "st",
        "mt",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "ca",
        "c",
        "e.g",
        "i.e",
        "jr",
        "sr",
        "u.s",
        "u.n",
        "u.k",
        "fig",
        "vol",
        "pp",
        "p",
        "ed",
        "eds",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space and
# something that can start a sentence.
# Spaced reference markers of Wikipedia mirrors ("... Sumgait Pogrom. [8]") stay with the
# sentence they cite.
_BOUNDARY = re.compile(
    r"[.!?](?:[\"'”’)\]]*)(?:\s*\[\d{1,3}\])*(?=\s+[\"'“‘(\[]?[A-Z0-9])(?!\s+\[\d{1,3}\])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Only a short word can be an abbreviation: look this far back, not from the paragraph's start,
# which made splitting a paragraph quadratic in its length.
_WORD_WINDOW = 32
# Table rows split at cell borders and at the "* " bullets scraped tables put inside cells.
_TABLE_BREAK = re.compile(r"\s*\|\s*(?:\*\s+)?|\s+\*\s+|^\*\s+")


def _is_abbreviation(text: str, stop: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, stop - _WORD_WINDOW), stop)
    if match is None:
        return False
    word = match.group(1).lower()
    # A single capital initial ("George W. Bush") is not an ending either.
    return word in _ABBREVIATIONS or (len(word) == 1 and text[match.start()].isupper())


def split_spans(text: str, *, is_table: bool = False) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` spans of the sentences in ``text``, trimmed of white space.

    Parameters
    ----------
    text
        One paragraph, heading or table row.
    is_table
        Split at cell borders and bullets as well as at sentence ends.

    Yields
    ------
    tuple[int, int]
        Offsets such that ``text[start:end]`` is one sentence with no outer white space.
    """
    pieces = _TABLE_BREAK.finditer(text) if is_table else iter(())
    cut_points = [m.span() for m in pieces]
    cut_points.append((len(text), len(text)))
    start = 0
    for cut_start, cut_end in cut_points:
        yield from _split_prose(text, start, cut_start)
        start = cut_end


def _split_prose(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, match.start()):
            continue
        yield from _trimmed(text, sentence_start, match.end())
        sentence_start = match.end()
    yield from _trimmed(text, sentence_start, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # Lone punctuation or bullet marks left by tables are not sentences.
    if any(ch.isalnum() for ch in text[start:end]):
        yield start, end
