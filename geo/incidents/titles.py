"""Titles and headlines: an event a document is named after counts once, with its report."""

from __future__ import annotations

import re
from dataclasses import replace

from geo.incidents.merge import Candidate
from geo.model import DateRange, Document, Sentence

# A line this short with no sentence end names an event ("2012 Armenian–Azerbaijani border
# clashes") instead of reporting one: a title, repeated in the scrape or left among its
# furniture (devset 13, 14, 19, 20).
_TITLE_MAX_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _is_title(document: Document, candidate: Candidate) -> bool:
    sentence = candidate.sentence
    if document.headline and sentence.text == sentence.heading == document.headline:
        return True
    text = sentence.text
    is_short = len(text.split()) <= _TITLE_MAX_WORDS
    is_line = not sentence.is_table or _is_caption(document, sentence)
    return is_short and is_line and _SENTENCE_END.search(text) is None


def _is_caption(document: Document, sentence: Sentence) -> bool:
    """Tell whether a table's cell is its first, where Wikipedia copies put the infobox caption.

    kiwix and piglix copies scrape the infobox as a table whose first row is the article's
    name: "2010 Mardakert Skirmishes | |||||", "July 2020 Armenian–Azerbaijani clashes |".
    """
    index = sentence.index
    return index == 0 or not document.sentences[index - 1].is_table


def fold_titles(document: Document, found: list[Candidate]) -> list[Candidate]:
    """Let a title that names the item's event count once, with the body's report of it.

    "2014 Armenian–Azerbaijani clashes" above "On 31 July 2014 ... clashes" (devset 13, 14,
    19, 20) and "Armenia announces six dead at border fighting" above the report (devnews 19)
    name the event the body tells. When body reports fall within the headline's dates, the
    headline is not an incident of its own; if exactly one does and it names no place, it
    takes the headline's.
    """
    titles = [c for c in found if _is_title(document, c)]
    if not titles:
        return found
    body = [c for c in found if not _is_title(document, c)]
    for title in titles:
        within = [c for c in body if _overlaps(title.when, c.when)]
        if not within:
            body.append(title)
        elif len(within) == 1 and title.places and not within[0].places:
            placed = replace(
                within[0], places=title.places, place_inferred="place from the headline"
            )
            body[body.index(within[0])] = placed
    return sorted(body, key=lambda c: c.key)


def _overlaps(a: DateRange, b: DateRange) -> bool:
    return a.start <= b.end and b.start <= a.end
