"""Sentences and their places -> dated incidents, one per real event, with every source kept.

A clause becomes a candidate incident when it names violence and carries its own date (or a
relative one). Candidates from all documents are then merged: the same sentence copied into
several documents, or reports of the same place over overlapping dates, are one incident.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from geo.incidents.dates import (
    CLOCK_TIME,
    DateContext,
    DateMatch,
    WarSpan,
    find_dates,
    has_date_signal,
    heading_date,
    heading_year,
    undatable_date,
)
from geo.incidents.events import (
    aggregate_words,
    exclusion_reason,
    find_event_cue,
    find_sides,
    has_event_cue,
)
from geo.incidents.figures import DeathFigure, find_deaths
from geo.incidents.locate import (
    ContextPlaces,
    clause_places,
    heading_places,
    headline_places,
    is_at_place,
    listed_places,
    locate_from_context,
    place_named_before,
    refers_to_a_settlement,
)
from geo.incidents.memo import MergeMemo
from geo.incidents.merge import CLOSE_DAYS, DATE_RANK, Candidate, merge_candidates
from geo.incidents.periods import WAR_NAMES
from geo.incidents.titles import fold_titles
from geo.model import (
    DateRange,
    Document,
    ExcludedReport,
    Incident,
    Mention,
    Sentence,
    UnresolvedName,
)
from geo.places import VILLAGE_CUES, Gazetteer, distance_km, find_mentions, find_unresolved

_ADDITIVE = re.compile(r"\b(?i:in\s+addition|additionally|also|separately|elsewhere)\b")
# "(1988)", "(1988–1994)", "(May 1994 – August 2009)": years in brackets label other events;
# "(born in 1986)" in a list of victims does not.
_BRACKETED_YEAR = re.compile(r"\((?!\s*born\b)[^()]{0,30}?(?:19|20)\d\d[^()]{0,30}\)")
_VAGUE_TOLL = re.compile(r"\b(?:thousands|hundreds|dozens)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while\s+|and\s+|but\s+)?|\s+while\s+|\s+and\s+(?=on\b|in\b)")
_RANGE_LINK = re.compile(
    r"\b(?:started|began|erupted|broke out)\b.*\bby\b|\bby\b.*\b(?:started|began)\b"
    r"|\blasted\s+until\b|\bthrough\b|\buntil\b",
    re.IGNORECASE,
)
# "- Type: Murder, rape, riot", "- Fatalities: 200+": an infobox scraped as a list of fields
# (devset 01, 04, 05, 15). The article's prose reports the event; a field is not a report.
# "- Place: Lachin corridor", "- Casualties1: 25 killed" (numbered fields of a two-sided box)
_INFOBOX_FIELD = re.compile(r"-\s+[A-Z][a-z]+\d?(?:\s[a-z]+)?:\s")
# An undated report this many sentences after an incident still tells of that incident.
_CONTINUATION_SENTENCES = 2
# A clause dated over a longer span than this sums up many events; it is not one incident.
MAX_INCIDENT_DAYS = 120


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found: merged incidents and names that looked like places but were not."""

    incidents: tuple[Incident, ...]
    unresolved: tuple[UnresolvedName, ...]
    candidates: int
    excluded: tuple[ExcludedReport, ...] = ()


@dataclass(slots=True)
class _DocState:
    """Date context carried from sentence to sentence within one document."""

    heading: str = ""
    heading_places: tuple[Mention, ...] = ()
    heading_date: DateRange | None = None
    headline_places: tuple[Mention, ...] = ()
    context_year: int | None = None
    year_from: str = ""
    war: WarSpan | None = None
    item_date: dt.date | None = None
    item_date_from: str = ""
    previous: DateRange | None = None
    last: Candidate | None = None
    dated: tuple[Sentence, DateRange] | None = None
    # the last sentence that wrote a date of any precision, and that date
    last_written: tuple[Sentence, DateRange] | None = None
    # where the first paragraph of prose starts and ends (empty: none)
    lede: tuple[int, int] = (0, 0)
    # the Date field of a Wikipedia infobox before it ("- Date: 1–19 October 1992")
    infobox_date: DateRange | None = None
    # the document's text, for what spans sentences (a quotation still open)
    text: str = ""


@dataclass(frozen=True, slots=True)
class DocumentReports:
    """What one document reports before merging: the unit that is cached and run in parallel."""

    doc: str
    candidates: tuple[Candidate, ...]
    unresolved: tuple[UnresolvedName, ...]
    excluded: tuple[ExcludedReport, ...]


def extract_incidents(documents: Iterable[Document], gazetteer: Gazetteer) -> Extraction:
    """Find, date, locate and merge the incidents reported in ``documents``.

    Parameters
    ----------
    documents
        Parsed seed documents.
    gazetteer
        The loaded gazetteer used to resolve place names.

    Returns
    -------
    Extraction
        Incidents sorted by (start date, id), unresolved place-like names, and how many
        candidates were merged into them.
    """
    return merge_reports(document_reports(document, gazetteer) for document in documents)


def document_reports(document: Document, gazetteer: Gazetteer) -> DocumentReports:
    """Find, date and locate the reports of one document; they depend on no other document.

    Parameters
    ----------
    document
        One parsed seed document.
    gazetteer
        The loaded gazetteer used to resolve place names.
    """
    candidates: list[Candidate] = []
    unresolved: dict[tuple[int, str], UnresolvedName] = {}
    excluded: list[ExcludedReport] = []
    names_in: dict[int, tuple[UnresolvedName, ...]] = {}
    found = list(_document_candidates(document, gazetteer, excluded))
    for candidate in fold_titles(document, found):
        sentence = candidate.sentence
        if sentence.index not in names_in:
            names_in[sentence.index] = find_unresolved(gazetteer, sentence, ())
            for name in names_in[sentence.index]:
                unresolved.setdefault((name.start, name.name), name)
        candidates.append(_explain_unlocated(candidate, names_in[sentence.index]))
    return DocumentReports(
        document.path,
        tuple(candidates),
        tuple(unresolved[key] for key in sorted(unresolved)),
        tuple(excluded),
    )


def merge_reports(reports: Iterable[DocumentReports], memo: MergeMemo | None = None) -> Extraction:
    """Merge the reports of every document, in document order, into incidents.

    ``memo`` carries what an earlier merge computed (see :mod:`geo.incidents.memo`); the
    result is the same without it.
    """
    candidates: list[Candidate] = []
    unresolved: dict[tuple[str, int, str], UnresolvedName] = {}
    excluded: list[ExcludedReport] = []
    for report in reports:
        candidates.extend(report.candidates)
        excluded.extend(report.excluded)
        for name in report.unresolved:
            unresolved.setdefault((name.sentence.doc, name.start, name.name), name)
    return Extraction(
        merge_candidates(candidates, memo),
        tuple(unresolved[key] for key in sorted(unresolved)),
        len(candidates),
        tuple(excluded),
    )


def _explain_unlocated(candidate: Candidate, names: Sequence[UnresolvedName]) -> Candidate:
    """Say which written name the gazetteer lacks when that is why a report has no place."""
    clause_start = candidate.sentence.start + candidate.clause_start
    missing = sorted({n.name for n in names if n.start >= clause_start})
    # a clause that writes its own place ("from the Armenian village of Vardan") is not placed
    # from the context when the gazetteer lacks that name
    is_placed_by_text = bool(candidate.places) and not candidate.place_inferred
    if is_placed_by_text or not missing:
        return candidate
    reason = f"not in the gazetteer: {', '.join(missing)} (see maps/unresolved.csv)"
    is_village = any(n.cue in VILLAGE_CUES for n in names if n.start >= clause_start)
    return replace(
        candidate,
        places=(),
        place_inferred="",
        unlocated_reason=reason,
        names_unknown_village=is_village,
    )


def _document_candidates(
    document: Document, gazetteer: Gazetteer, excluded: list[ExcludedReport]
) -> Iterator[Candidate]:
    state = _DocState(
        war=find_war(document.text),
        item_date=document.published,
        item_date_from=document.published_from,
        headline_places=headline_places(document, gazetteer),
        lede=_lede(document),
        text=document.text,
    )
    sections = _section_sentences(document)
    # one stamp is the item's own; several are a live blog's, each heading its entry
    stamps = {
        part
        for heading in sections
        for part in heading.split(" > ")
        if _STAMP_CLOCK.search(part) is not None
    }
    own_stamp_date = document.published if len(stamps) == 1 else None
    # Most sentences report no violence; their dates matter only as context for the next
    # dated incident, so they are parsed lazily, when such an incident follows.
    pending: list[Sentence] = []
    for sentence in document.sentences:
        if sentence.heading != state.heading:
            _catch_up(state, pending)
            state.heading = sentence.heading
            state.heading_places = heading_places(document, sentence, gazetteer)
            heading = _without_item_stamp(sentence.heading, own_stamp_date)
            year = heading_year(heading)
            if year is not None:
                state.context_year, state.previous = year, None
                state.year_from = "the heading"
            state.heading_date = _timeline_date(heading, state) if heading else None
        if state.infobox_date is None and _INFOBOX_DATE.match(sentence.text):
            state.infobox_date = _infobox_date(sentence, state)
        if not has_event_cue(sentence.text):
            if has_date_signal(sentence.text):
                pending.append(sentence)
            continue
        _catch_up(state, pending)
        dates = _dates(sentence, state)
        # about an armistice, an anniversary, an infobox field: no clause of it is a report
        skip = _sentence_skip_reason(sentence.text)
        reasons: list[str] = [] if skip is None else [skip]
        found = (
            list(_sentence_candidates(sentence, dates, state, sections, gazetteer, reasons))
            if skip is None
            else []
        )
        if not found:
            exclusion = _exclusion(sentence, dates, reasons, state, is_skipped=skip is not None)
            if exclusion is not None:
                excluded.append(exclusion)
        yield from found
        _advance(state, dates, found, sentence)


def _exclusion(
    sentence: Sentence,
    dates: Sequence[DateMatch],
    reasons: Sequence[str],
    state: _DocState,
    *,
    is_skipped: bool,
) -> ExcludedReport | None:
    """Say why a sentence with a violent word gave no report (for ``excluded.csv``)."""
    if is_skipped:
        # no date line would make it a report, so the reason is its topic
        return ExcludedReport(sentence, reasons[0])
    if not dates and state.item_date is None:
        undatable = undatable_date(sentence.text)
        if undatable is not None:
            reason = _no_item_date_reason(*undatable)
            return ExcludedReport(sentence, reason, needs_item_date=True)
    if not reasons:
        # the cue word sat in a clause of its own, apart from the dated one
        return ExcludedReport(sentence, "no violent word in a dated clause") if dates else None
    # the first reason is the clause that came nearest to an incident
    return ExcludedReport(sentence, _NO_DATE_LISTED if reasons[0] == _NO_DATE else reasons[0])


_NO_DATE = "the violent clause has no date of its own"
_NO_DATE_LISTED = (
    "reports violence but gives no date, and none comes from the sentence before, "
    "its heading or a short war it names"
)


def _no_item_date_reason(phrase: str, is_relative: bool) -> str:
    fix = "(a news item gets one from a line 'Date: YYYY-MM-DD' under its headline)"
    if is_relative:
        return f"says {phrase!r}, but the document has no date of its own to count from {fix}"
    return f"says {phrase!r} with no year, and nothing in the document before it gives one {fix}"


def _catch_up(state: _DocState, pending: list[Sentence]) -> None:
    """Take the dates of the skipped sentences into the context, in order, and forget them."""
    for sentence in pending:
        _advance(state, _dates(sentence, state), [], sentence)
    pending.clear()


def _without_item_stamp(heading: str, item_date: dt.date | None) -> str:
    """Drop from a heading path the item's own time stamp, which heads no timeline day.

    "Sunday, 04 March, 2018, 10:20" under the headline of an anniversary piece on March 2008
    (Artsakh.news) dates the item; the "On March 4" below it is the text's, in 2008.
    """
    if item_date is None or not heading:
        return heading
    parts = heading.split(" > ")
    kept = [part for part in parts if not _is_stamp_of(part, item_date)]
    return heading if len(kept) == len(parts) else " > ".join(kept)


def _is_stamp_of(part: str, item_date: dt.date) -> bool:
    if _STAMP_CLOCK.search(part) is None:
        return False
    found = find_dates(part, context=DateContext())
    return len(found) == 1 and found[0].when.start == found[0].when.end == item_date


_STAMP_CLOCK = re.compile(rf"(?<![\d.:]){CLOCK_TIME}")


def _timeline_date(heading: str, state: _DocState) -> DateRange | None:
    """Date of a timeline entry heading ("2 April"), its year from the text before it."""
    when = heading_date(heading, _date_context(state))
    if when is None or when.precision == "year":
        return None
    # A heading dated after the item cannot date what the item reports: a repost's own stamp
    # ("November 27, 2024 ... 31 Years ago" above a story "Published: September 05, 1993").
    # Unless the item's date is itself the first such heading: a timeline's first day.
    is_after_item = state.item_date is not None and when.start > state.item_date
    if is_after_item and state.item_date_from != "date line":
        return None
    why = f"from the timeline heading '{when.text}'"
    return replace(when, inferred=f"{why}; {when.inferred}" if when.inferred else why)


def _date_context(state: _DocState) -> DateContext:
    return DateContext(
        year=state.context_year,
        year_from=state.year_from,
        war=state.war,
        item_date=state.item_date,
        item_date_from=state.item_date_from,
    )


def _dates(sentence: Sentence, state: _DocState) -> list[DateMatch]:
    context = _date_context(state)
    found = find_dates(sentence.text, previous=state.previous, context=context)
    if _turns_the_year(sentence, found, state) and context.year is not None:
        context = replace(
            context, year=context.year + 1, year_from="the chronology's order, a year on"
        )
        found = find_dates(sentence.text, previous=state.previous, context=context)
    return found


def _turns_the_year(sentence: Sentence, found: Sequence[DateMatch], state: _DocState) -> bool:
    """Tell whether a chronology's yearless entry falls before the entry above it in the year.

    A chronology lists its entries in order: "December 1 Members of the Armenian community ..."
    then "January 8 ..." (20january.az's chronology of 1987-88) is the January after.
    """
    if not found or found[0].has_year or state.dated is None:
        return False
    first, (before, before_when) = found[0], state.dated
    return (
        _opens_with(sentence.text, first.when.text)
        and _opens_with(before.text, before_when.text)
        and state.year_from == "an earlier sentence"
        and first.when.start.year == before_when.start.year
        and first.when.start < before_when.start
    )


def _opens_with(text: str, date_text: str) -> bool:
    return bool(date_text) and text.lstrip().startswith(date_text)


_WAR_PATTERN = re.compile(
    "|".join(
        f"(?P<w{index}>" + "|".join(re.escape(name) for name in war.names) + ")"
        for index, war in enumerate(WAR_NAMES)
    ),
    re.IGNORECASE,
)


# A full stop, perhaps followed by closing quotes or brackets and citation marks ("war.[43]").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s*\[[^\]]{1,12}\])*\s*$")
# The war is when it happened ("during the 44-day war"), not a bound ("until the 2020 war").
_WAR_TIME = re.compile(r"\b(?:during|in|throughout|amid)\s+(?:the\s+)?$", re.IGNORECASE)


# Every war name ends in one of these words. The first of them in a text bounds where the first
# name can start, so the long alternation above runs on a short stretch, not the whole text.
_WAR_KEYWORD = re.compile(
    "|".join(sorted({re.escape(n.split()[-1].lower()) for w in WAR_NAMES for n in w.names})),
    re.IGNORECASE,
)
_LONGEST_WAR_NAME = max(len(n) for w in WAR_NAMES for n in w.names)


def find_war(text: str) -> WarSpan | None:
    """Return the first war or phase ``text`` names, by any of its names ("the 44-day war")."""
    keyword = _WAR_KEYWORD.search(text)
    if keyword is None:
        return None
    found = _WAR_PATTERN.search(text, max(0, keyword.start() - _LONGEST_WAR_NAME))
    if found is None or found.lastgroup is None:
        return None
    war = WAR_NAMES[int(found.lastgroup[1:])]
    return WarSpan(found.group(0), war.start, war.end)


def _advance(
    state: _DocState, dates: list[DateMatch], found: list[Candidate], sentence: Sentence
) -> None:
    precise = [d for d in dates if d.when.precision != "year" or d.is_relative]
    if dates:
        state.last_written = (sentence, dates[-1].when)
    if precise:
        state.previous = precise[-1].when
        state.dated = (sentence, precise[-1].when)
    elif dates and state.previous is None:
        state.previous = dates[-1].when
    # A span across years ("during the winter campaign of 1993-1994") tells no one year: a
    # "July 4" after it takes its year from what comes next in the list (war, item date).
    telling = [
        d
        for d in dates
        if d.when.start.year == d.when.end.year and _tells_the_year(sentence.text, d)
    ]
    if telling:
        state.context_year = telling[-1].when.start.year
        state.year_from = "an earlier sentence"
    if found:
        state.last = found[-1]


# A bare year with no word before it that makes it a time ("in 1993", "of 1992", "since
# 2016") is often no date at all: a birth year in a casualty list ("Imanov ..., 1963,
# Zangishalı village", an Azerbaijani agency's list of the wounded), a count, a code.
_YEAR_AS_TIME = re.compile(
    r"(?i:\b(?:in|of|since|during|by|until|till|from|to|through|before|after|year|early|mid"
    r"|late|summer|winter|spring|autumn|fall)[\s-]+(?:the\s+)?)$"
)


# "2010 Mardakert Skirmishes", "The 2010 Mardakert skirmishes were a series of ...": the year of
# the article's subject, as Wikipedia titles and ledes name clashes, is the year of its days.
_SUBJECT_YEAR = re.compile(r"\s*(?:(?i:the)\s+)?")


def _tells_the_year(text: str, found: DateMatch) -> bool:
    """Tell whether a date may give its year to later dates that have none."""
    if found.kind != "year":
        return True
    if _SUBJECT_YEAR.fullmatch(text, 0, found.start) is not None:
        return True
    return _YEAR_AS_TIME.search(text, max(0, found.start - 16), found.start) is not None


def _section_sentences(document: Document) -> dict[str, tuple[Sentence, ...]]:
    grouped: dict[str, list[Sentence]] = {}
    for sentence in document.sentences:
        grouped.setdefault(sentence.heading, []).append(sentence)
    return {heading: tuple(items) for heading, items in grouped.items()}


def _clauses(text: str, dates: Sequence[DateMatch]) -> list[tuple[int, int, list[DateMatch]]]:
    """Cut a sentence before each date that follows another date, at the nearest clause break."""
    cuts = [0]
    for previous, current in itertools.pairwise(dates):
        breaks = list(_CLAUSE_BREAK.finditer(text, previous.end, current.start))
        if breaks and not _RANGE_LINK.search(text[: current.end]):
            cuts.append(breaks[-1].end())
    cuts.append(len(text))
    return [
        (start, end, [d for d in dates if start <= d.start < end])
        for start, end in itertools.pairwise(cuts)
    ]


def _clause_date(clause: str, dates: Sequence[DateMatch]) -> DateRange | None:
    usable = [d for d in dates if not _is_span_of_years(d.when)]
    if not usable:
        return None
    if len(usable) > 1 and _RANGE_LINK.search(clause):
        start = min(d.when.start for d in usable)
        end = max(d.when.end for d in usable)
        precision = max((d.when.precision for d in usable), key=DATE_RANK.__getitem__)
        text = " … ".join(d.when.text for d in usable)
        inferred = next((d.when.inferred for d in usable if d.when.inferred), "")
        return DateRange(start, end, precision, text, inferred)
    first = min(usable, key=lambda d: (DATE_RANK[d.when.precision], d.start))
    return _restated(first, usable).when


def _restated(first: DateMatch, usable: Sequence[DateMatch]) -> DateMatch:
    """Return the written date that restates a relative one ("the next day ... on June 20–21").

    A written date a day or two from the counted one tells the same time; one farther away
    tells of another event ("captured Shusha the
    next day ... the capture of Lachin on 18 May"), so the relative one stays.
    """
    if not first.is_relative:
        return first
    for other in usable:
        is_close = abs((other.when.start - first.when.start).days) <= CLOSE_DAYS
        if not other.is_relative and other.when.precision == first.when.precision and is_close:
            return other
    return first


def _is_span_of_years(when: DateRange) -> bool:
    if when.precision == "year":
        return when.end.year > when.start.year
    return (when.end - when.start).days > MAX_INCIDENT_DAYS


def _sentence_candidates(
    sentence: Sentence,
    dates: list[DateMatch],
    state: _DocState,
    sections: dict[str, tuple[Sentence, ...]],
    gazetteer: Gazetteer,
    reasons: list[str],
) -> Iterator[Candidate]:
    """Yield the sentence's incident clauses; say in ``reasons`` why each other clause is not."""
    text = sentence.text
    mentions: tuple[Mention, ...] | None = None
    earlier: Candidate | None = None
    continued = None if dates or sentence.is_table else _continued(state, sentence)
    for start, end, clause_dates in _clauses(text, dates):
        clause = text[start:end]
        cue = find_event_cue(clause)
        if cue is None:
            continue
        total = aggregate_words(clause)
        if total is not None:
            reasons.append(f"a total over a period ({total.lower()!r}), not one event")
            continue
        kind, cue_at = cue
        when = _clause_date(clause, clause_dates)
        is_inferred = when is None and not dates and not sentence.is_table
        is_war_dated = False
        if is_inferred:
            when, is_war_dated = _context_date(state, sentence, continued, clause)
        if when is None:
            reasons.append(_undated_reason(clause_dates))
            continue
        figures = tuple(
            find_deaths(clause, [(d.start - start, d.end - start) for d in clause_dates])
        )
        if mentions is None:
            mentions = find_mentions(gazetteer, sentence, sections.get(sentence.heading, ()))
        places = clause_places(mentions, sentence, start, end, start + cue_at)
        is_elsewhere = is_inferred and _is_elsewhere(clause, places, continued)
        place_inferred = ""
        may_continue = is_inferred and not is_elsewhere
        taken = _continued_places(places, continued, start) if may_continue else None
        if taken is not None:
            places, place_inferred = taken, "place of the report it continues"
        if _is_year_summary(clause, when, figures, places):
            reasons.append("a year's toll with no place more precise than a country")
            continue
        # "In addition, a ... citizen was killed during a missile strike on the city of Ganja":
        # another event of the same days, at its own place, not more of the one before.
        is_continuation = (
            is_inferred
            and not is_war_dated
            and not (_ADDITIVE.match(text) and is_at_place(places))
            and not is_elsewhere
        )
        located = locate_from_context(
            Candidate(
                sentence=sentence,
                clause_start=start,
                event_type=kind,
                when=when,
                places=places,
                figures=figures,
                sides=find_sides(clause),
                is_relative=is_inferred or any(d.is_relative for d in clause_dates),
                is_continuation=is_continuation,
                continues=continued.key if is_continuation and continued is not None else None,
                place_inferred=place_inferred,
                is_war_dated=is_war_dated,
            ),
            clause,
            clause_dates,
            ContextPlaces(state.last, state.heading_places, state.headline_places, earlier),
        )
        located = _placed_by_sentence_before(located, clause, sections, gazetteer)
        earlier = located if located.places else earlier
        yield located
        if kind == "capture" and not located.place_inferred:
            yield from _co_captured(located)


def _placed_by_sentence_before(
    candidate: Candidate,
    clause: str,
    sections: dict[str, tuple[Sentence, ...]],
    gazetteer: Gazetteer,
) -> Candidate:
    """Place an unplaced report by the sentences just before it in its section ("the village")."""
    if candidate.places or not refers_to_a_settlement(clause):
        return candidate
    sentence = candidate.sentence
    section = sections.get(sentence.heading, ())
    by_index = {s.index: s for s in section}
    before = [
        find_mentions(gazetteer, by_index[index], section)
        for index in range(sentence.index - 1, sentence.index - 1 - _ANAPHORA_SENTENCES, -1)
        if index in by_index
    ]
    return place_named_before(candidate, clause, before)


# How far back "the village" may look for the village it means, in sentences of its section:
# Turan's "bombarded the village" is five sentences after the village's name, with "The
# village is on a hill" between.
_ANAPHORA_SENTENCES = 8


def _co_captured(candidate: Candidate) -> Iterator[Candidate]:
    """Yield a capture of each settlement listed with the main one ("seized Talish and Madagiz").

    Each is its own report, keyed by where its name is written; the toll stays with the first.
    """
    sentence = candidate.sentence
    for mention in listed_places(candidate.places, sentence):
        yield replace(
            candidate,
            clause_start=mention.start - sentence.start,
            places=(mention,),
            figures=(),
            is_continuation=False,
            continues=None,
        )


def _continued_places(
    places: Sequence[Mention], continued: Candidate | None, clause_start: int
) -> tuple[Mention, ...] | None:
    """Return the places of the incident a continuation tells more of, if it takes them.

    A continuation tells more of the incident before it; names in it ("reinforcements arriving
    from Yerevan") are rarely where that incident happened, unless it says "in"/"at"/"near"/"on"
    a place ("a missile strike on the city of Ganja").
    """
    if continued is None or not continued.places or is_at_place(places):
        return None
    if places and places[0].precision == "settlement" and _opens_clause(places[0], clause_start):
        # "Zengilan, on the southwestern rim of Azerbaijan ..., has been shelled throughout
        # the week" after a report on other towns (NYT): the clause is about its own subject.
        return None
    return continued.places


# what may stand before a clause's subject: "The town of Zengilan was shelled"
_SUBJECT_LEAD = re.compile(r"\W*(?:(?i:the)\s+(?:(?i:city|town|village|settlement)\s+of\s+)?)?")


def _opens_clause(mention: Mention, clause_start: int) -> bool:
    """Tell whether a place name is the first words of its clause, as its subject is."""
    lead = mention.sentence.text[clause_start : mention.start - mention.sentence.start]
    return _SUBJECT_LEAD.fullmatch(lead) is not None


def _sentence_skip_reason(text: str) -> str | None:
    """Say why no clause of a sentence can be an incident, or None when one can."""
    if _INFOBOX_FIELD.match(text):
        return "an infobox field, not a report"
    if _is_overview(text):
        return "surveys several events, each with its year in brackets"
    return exclusion_reason(text)


def _context_date(
    state: _DocState, sentence: Sentence, continued: Candidate | None, clause: str
) -> tuple[DateRange | None, bool]:
    """Date an undated clause from its context; say whether the date is a war's span."""
    # a live blog's entry stamped with its time starts anew, whatever the entry before it said
    when = _stamped_entry_date(state, sentence)
    if when is None:
        when = continued.when if continued is not None else _previous_date(state, sentence)
    when = when or state.heading_date or _lede_date(state, sentence)
    when = when or _ongoing_date(state, sentence, clause)
    when = when or _infobox_lead_date(state, sentence)
    if when is None and _is_full_sentence(sentence.text):
        when = _war_date(clause)
        return when, when is not None
    return when, False


# A news item's lede: its first paragraph of at least this many words.
_LEDE_WORDS = 12
_PARAGRAPH_END = re.compile(r"\n")


def _lede(document: Document) -> tuple[int, int]:
    """Return where the first paragraph of prose starts and ends (after headline and furniture)."""
    headline = " ".join(document.headline.split())
    for sentence in document.sentences:
        is_prose = not sentence.is_table and not _INFOBOX_FIELD.match(sentence.text)
        # a long headline ("CivilNet: Azerbaijan's Artillery Strike Kills One Civilian,
        # Injures Two in ...") is no paragraph of the item
        is_headline = bool(headline) and " ".join(sentence.text.split()) == headline
        if is_prose and not is_headline and len(sentence.text.split()) >= _LEDE_WORDS:
            end = _PARAGRAPH_END.search(document.text, sentence.end)
            return sentence.start, end.start() if end is not None else len(document.text)
    return 0, 0


def _lede_date(state: _DocState, sentence: Sentence) -> DateRange | None:
    """Date an undated report in a dated news item's first paragraph by the item's date.

    The wires' inverted pyramid: the first paragraph tells the news of the day ("An
    Azerbaijani military drone ... was shot down"), often with no date of its own; later
    paragraphs give background and earlier events, and stay undated. Headlines are left out:
    they sum up (an NGO report's "Investigate Alleged Indiscriminate Attacks", a month's
    advance under "Army liberated 11 thousand hectares"), and fold into the report they head.
    """
    if not _is_in_lede(state, sentence) or _is_in_open_quote(state, sentence):
        return None
    return _item_day_or_before(state, "its first paragraph gives no date")


def _item_day_or_before(state: _DocState, why: str) -> DateRange | None:
    """Return the item's day or the one before: the wires report yesterday's news too."""
    if state.item_date is None:
        return None
    reason = f"on or the day before {_date_context(state).describe_item_date()}; {why}"
    return DateRange(state.item_date - dt.timedelta(days=1), state.item_date, "day", "", reason)


# The present perfect and present progressive of a news item tell what is going on as it is
# written: "the enemy has been trying to secure positional advances" (RFE/RL), "Armenian forces
# have been shelling the district since morning", "fighting is still going on".
_ONGOING = re.compile(
    r"\b(?:has|have)\s+been\s+(?!\w+ing\s+(?:for|since)\s+(?:years|decades|months)\b)\w+ing\b"
    r"|\b(?:is|are)\s+(?:still\s+|now\s+)?(?:being\s+\w+|\w+ing)\b",
    re.IGNORECASE,
)


def _ongoing_date(state: _DocState, sentence: Sentence, clause: str) -> DateRange | None:
    """Date an undated report in the present perfect or progressive by its item's date."""
    if _ONGOING.search(clause) is None or _is_in_open_quote(state, sentence):
        return None
    return _item_day_or_before(state, "the report tells in the present tense what is going on")


def _is_in_open_quote(state: _DocState, sentence: Sentence) -> bool:
    """Tell whether a sentence stands inside a quotation opened in an earlier sentence.

    "... circulated telegrams in the first days of March: “We beg of you to save us. ... The
    Azerbaijan OMON is capturing our children ...”" (ANI, on 1991): the present tense is the
    telegram's, not the item's.
    """
    start = state.text.rfind("\n", 0, sentence.start) + 1
    before = state.text[start : sentence.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# A live blog's entry opens with its time: "06:45 GMT – Scud missile fired on Ganja, Al Jazeera
# correspondent says" (Al Jazeera; OC Media stamps its entries the same way with the day).
_ENTRY_STAMP = re.compile(rf"^\W{{0,3}}{CLOCK_TIME}\s*[–—-]\s")


def _stamped_entry_date(state: _DocState, sentence: Sentence) -> DateRange | None:
    """Date an undated live-blog entry that opens with its time by the item's own date."""
    if state.item_date is None or _ENTRY_STAMP.match(sentence.text) is None:
        return None
    reason = (
        f"{_date_context(state).describe_item_date()}; a live blog's entry stamped with its time"
    )
    return DateRange(state.item_date, state.item_date, "day", "", reason)


# The infobox of a Wikipedia page about one event, scraped as "- Date: 1–19 October 1992" or
# glued as "Date25 April – 4 June 2012" (devset 01, 04, 07, 13, 19, 20; both forms).
_INFOBOX_DATE = re.compile(r"^\s*(?:-\s*)?Date\s*:?\s*(?=\d|[A-Z][a-z])")


def _infobox_date(sentence: Sentence, state: _DocState) -> DateRange | None:
    """Return the infobox's Date field as one range, if it is short enough for one event."""
    found = _dates(sentence, state)
    if not found:
        return None
    start = min(d.when.start for d in found)
    end = max(d.when.end for d in found)
    if (end - start).days > MAX_INCIDENT_DAYS:
        return None
    precision = max((d.when.precision for d in found), key=DATE_RANK.__getitem__)
    return DateRange(start, end, precision, sentence.text, "from the infobox's Date field")


def _infobox_lead_date(state: _DocState, sentence: Sentence) -> DateRange | None:
    """Date an undated report in a page's first paragraph by its infobox's Date field.

    "The Battle of Lachin was a military operation ...": a page's lead names its event, and
    the infobox above it says when.
    """
    return state.infobox_date if _is_in_lede(state, sentence) else None


def _is_in_lede(state: _DocState, sentence: Sentence) -> bool:
    start, end = state.lede
    return start <= sentence.start < end


def _is_full_sentence(text: str) -> bool:
    """Tell a sentence from a caption or legend line ("Areas captured by ... during the war")."""
    return _SENTENCE_END.search(text) is not None


def _war_date(clause: str) -> DateRange | None:
    """Date an undated report by the war it names, when that war is short enough to be one.

    "... a battle fought ... over the control of the city of Shusha, during the Second
    Nagorno-Karabakh War": the 44 days of that war are all the text says of when. A war of
    years ("during the First Nagorno-Karabakh War") dates no single incident.
    """
    found = _WAR_PATTERN.search(clause)
    if found is None or not _WAR_TIME.search(clause, 0, found.start()):
        return None
    war = find_war(found.group(0))
    if war is None or (war.end - war.start).days > MAX_INCIDENT_DAYS:
        return None
    reason = f"the span of the war it names ({war.name!r})"
    return DateRange(war.start, war.end, "day", war.name, reason)


def _undated_reason(clause_dates: Sequence[DateMatch]) -> str:
    if clause_dates:
        return f"dated only by a span of years or more than {MAX_INCIDENT_DAYS} days"
    return _NO_DATE


# A ministry's daily report lists the day's shelling direction by direction, one sentence each
# ("... fired on positions in Gazakh region." then "positions were also fired from Goyarkh
# village of Tartar region ..."): a report that says "also" (or "in addition", "separately",
# "elsewhere") and whose settlements all lie this far from every place of the one before is
# another event of the same day, at its own places.
_ELSEWHERE_KM = 50.0


def _is_elsewhere(clause: str, places: Sequence[Mention], before: Candidate | None) -> bool:
    settlements = [m for m in places if m.precision == "settlement"]
    if before is None or not before.places or not settlements or not _ADDITIVE.search(clause):
        return False
    return all(
        distance_km(here.place, there.place) > _ELSEWHERE_KM
        for here in settlements
        for there in before.places
    )


def _continued(state: _DocState, sentence: Sentence) -> Candidate | None:
    """Return the incident an undated report just after it in its section tells more of.

    "Numerous people on both sides were injured, and two Azerbaijani youth were killed" right
    after "On 22 February 1988 ... near the town of Askeran" tells more of that incident.
    """
    last = state.last
    if (
        last is not None
        and last.sentence.heading == sentence.heading
        and sentence.index - last.sentence.index <= _CONTINUATION_SENTENCES
        and not _is_moved_on(state, last, sentence)
    ):
        return last
    return None


def _is_moved_on(state: _DocState, last: Candidate, sentence: Sentence) -> bool:
    """Tell whether a sentence after the incident wrote a year apart from the incident's.

    "The conflict ... began in 1988 when ..." between "missile attacks on Ganja ... in October
    2020" and "As a result of the ensuing war, the Armenian forces occupied 20 percent" (Trend's
    boilerplate): the story has gone back years, and the undated sentence follows it there. A
    day or month in between is often a detail of the same story, which the next sentence goes on
    telling.
    """
    if state.last_written is None:
        return False
    written, when = state.last_written
    is_after = written.index > last.sentence.index
    is_apart = when.end < last.when.start or when.start > last.when.end
    # a timeline entry just before that opens with its own date: "APRIL 1991 - ... deport
    # the Armenian population ... This sparks fighting that leaves 60 dead" (AP's key dates)
    # follows that entry, not the one of January 1990 above it
    is_entry_before = written.index == sentence.index - 1 and _opens_with(written.text, when.text)
    return is_after and is_apart and (when.precision == "year" or is_entry_before)


def _previous_date(state: _DocState, sentence: Sentence) -> DateRange | None:
    """Date an undated report by the sentence just before it, if that one carried a date."""
    # "On 26 March 1990 several cars ... arrived in ... Baghanis." then "storming the village":
    # the sentence just before dated the event this one describes.
    if state.dated is not None:
        dated_sentence, when = state.dated
        if (
            dated_sentence.heading == sentence.heading
            and dated_sentence.index == sentence.index - 1
        ):
            return when
    return None


def _is_overview(text: str) -> bool:
    """Tell whether a sentence surveys several named events ("Sumgait (1988) and Baku (1990)")."""
    return len(_BRACKETED_YEAR.findall(text)) >= 2


def _is_year_summary(
    clause: str, when: DateRange, figures: Sequence[DeathFigure], places: Sequence[Mention]
) -> bool:
    """Tell whether a clause tallies a year ("In 2015, 42 were killed") rather than one event."""
    is_specific = any(m.precision != "country" for m in places)
    has_toll = bool(figures) or _VAGUE_TOLL.search(clause) is not None
    return when.precision == "year" and has_toll and not is_specific
