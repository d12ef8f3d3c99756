"""Merge candidate reports of the same event into one incident that keeps every source and claim.

Reports are the same event when:

* they quote the same sentence (ignoring punctuation) with the same dates — the seeds copy
  whole paragraphs between documents;
* two documents quote the same sentence except for its numbers and month names — revisions
  of one article that corrected a date or a toll;
* they name the same main place and one's dates lie inside the other's range of at most two
  months ("In February 1992, Khojaly was captured" and "On 26 February ... Khojaly"), or
* they name the same main place on dates that overlap and start at most two days apart, or
  start at most one day apart ("4 March" in one report, "5 March" in another) unless the
  later one is dated relatively ("The next day ..."); rows of one table never merge, as each
  row is its own event;
* they come from one section of one document, name the same place (or one names none), and
  have the same dates or one is dated to a single day inside the other's range of at most two
  months ("In February 1992, Khojaly was captured" and "On 26 February, Armenian forces ...").

A report without a place can join a located group but never links two groups at different
places, so "further acts of violence took place in February 1988" cannot fuse the Askeran
clash with the Sumgait pogrom. Likewise a report dated by a long range (a month, the span of
the war it names) can join one group of day reports but never links two groups of days more
than two days apart: "the Madagiz offensive ... during the Second Nagorno-Karabakh War" does
not fuse the column destroyed on 29 September with the heights captured on 2 October.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from geo.incidents.dates import MONTHS
from geo.incidents.figures import DeathFigure, span_figures
from geo.incidents.memo import LocalPairs, MergeMemo
from geo.model import (
    EVENT_TYPES,
    Claim,
    DateRange,
    EventType,
    Incident,
    Mention,
    Sentence,
    Source,
)

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PINPOINT = frozenset({"settlement", "district", "province"})
PRECISION_RANK = {"settlement": 0, "district": 1, "province": 2, "region": 3, "country": 4}
DATE_RANK = {"day": 0, "month": 1, "year": 2}
# A range longer than this is a campaign or a summary, too loose to absorb another report.
MAX_CONTAINER_DAYS = 62
# Day reports this many days apart at most can tell of one event ("4 March" and "5 March").
CLOSE_DAYS = 2
_WORDS_ONLY = re.compile(r"\W+")
_SKELETON_NOISE = re.compile(
    r"\d+|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An incident as one clause of one document reports it, before merging."""

    sentence: Sentence
    clause_start: int
    event_type: EventType
    when: DateRange
    places: tuple[Mention, ...]
    figures: tuple[DeathFigure, ...]
    sides: tuple[str, ...]
    unlocated_reason: str = ""
    place_inferred: str = ""
    is_relative: bool = False
    is_continuation: bool = False
    continues: tuple[str, int, int] | None = None
    # dated only by the span of the war the clause names ("during the Second ... War")
    is_war_dated: bool = False
    # unlocated because the gazetteer lacks the village it writes ("the village of Vardan")
    names_unknown_village: bool = False

    @property
    def key(self) -> tuple[str, int, int]:
        """Where this report starts: document, sentence offset, clause offset."""
        return (self.sentence.doc, self.sentence.start, self.clause_start)

    @property
    def place_id(self) -> str | None:
        """Id of the main place, ``None`` when unlocated."""
        return self.places[0].place.id if self.places else None

    @property
    def is_pinpoint(self) -> bool:
        """Tell whether the main place is a settlement, district or province, not a region."""
        return bool(self.places) and self.places[0].precision in _PINPOINT


def merge_candidates(
    candidates: Sequence[Candidate], memo: MergeMemo | None = None
) -> tuple[Incident, ...]:
    """Group candidates that report the same event and build one incident from each group.

    Parameters
    ----------
    candidates
        Every report, in document order.
    memo
        What earlier merges computed (see :mod:`geo.incidents.memo`); it gains this merge's
        work. The incidents are the same with or without it.

    Returns
    -------
    tuple[Incident, ...]
        Sorted by (start date, end date, id).
    """
    parent = list(range(len(candidates)))
    # Places in each group: a report without a place may join one located group, but never
    # bridge two groups at different places.
    places: list[set[str]] = [
        {c.place_id} if c.place_id is not None and c.is_pinpoint else set() for c in candidates
    ]
    # Days of each group: a report dated by a long range may join one group of day reports,
    # but never bridge two groups of days too far apart to be one event.
    days: list[tuple[dt.date, dt.date] | None] = [_day_span(c.when) for c in candidates]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for left, right in _same_event_pairs(candidates, memo):
        a, b = root(left), root(right)
        if a == b or (places[a] and places[b] and places[a] != places[b]):
            continue
        if not _are_close_days(days[a], days[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        places[keep] |= places[gone]
        days[keep] = _joined_days(days[keep], days[gone])
    groups: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(candidates):
        groups.setdefault(root(index), []).append(candidate)
    incidents = [_incident(group) for group in groups.values()]
    return tuple(sorted(incidents, key=lambda i: (i.when.start, i.when.end, i.id)))


def _day_span(when: DateRange) -> tuple[dt.date, dt.date] | None:
    is_days = when.precision == "day" and (when.end - when.start).days <= CLOSE_DAYS
    return (when.start, when.end) if is_days else None


def _are_close_days(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return True
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days)
    return gap <= CLOSE_DAYS


def _joined_days(
    a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _same_event_pairs(
    candidates: Sequence[Candidate], memo: MergeMemo | None
) -> Iterator[tuple[int, int]]:
    buckets: dict[tuple[object, ...], list[int]] = {}
    by_place: dict[str, list[int]] = {}
    by_section: dict[tuple[str, str], list[int]] = {}
    skeletons: dict[tuple[str, EventType], list[int]] = {}
    # a sentence's clauses, and its copies in other documents, share their keys
    keys_of: dict[str, tuple[str, str]] = {}
    for index, candidate in enumerate(candidates):
        text = candidate.sentence.text
        if text not in keys_of:
            keys_of[text] = _memo_text_keys(text, memo)
        words, skeleton = keys_of[text]
        when = (candidate.when.start, candidate.when.end)
        buckets.setdefault(("quote", words, *when), []).append(index)
        skeletons.setdefault((skeleton, candidate.event_type), []).append(index)
        section = (candidate.sentence.doc, candidate.sentence.heading)
        by_section.setdefault(section, []).append(index)
        if candidate.place_id is not None:
            by_place.setdefault(candidate.place_id, []).append(index)
        elif not candidate.sentence.is_table:
            buckets.setdefault(("unlocated", *when, candidate.event_type), []).append(index)
    for members in buckets.values():
        yield from itertools.pairwise(members)
    for members in skeletons.values():
        yield from _across_documents(candidates, members)
    yield from _similar_across_documents(candidates, [m[0] for m in skeletons.values()], memo)
    for members in by_place.values():
        yield from _same_place(candidates, members)
    for members in by_section.values():
        yield from _memo_pairs(candidates, members, memo, "section", _same_section)


def _memo_text_keys(text: str, memo: MergeMemo | None) -> tuple[str, str]:
    if memo is None:
        return _text_keys(text)
    keys = memo.text_keys.get(text)
    if keys is None:
        keys = _text_keys(text)
        memo.keep_text_keys(text, keys)
    else:
        memo.used_texts.add(text)
    return keys


def _memo_pairs(
    candidates: Sequence[Candidate],
    members: list[int],
    memo: MergeMemo | None,
    kind: str,
    pairs_of: Callable[[Sequence[Candidate], list[int]], Iterable[tuple[int, int]]],
) -> Iterator[tuple[int, int]]:
    """Yield ``pairs_of(candidates, members)``, from the memo when the bucket is known."""
    if memo is None:
        yield from pairs_of(candidates, members)
        return
    key = memo.bucket_key(kind, (candidates[i].key for i in members))
    local = memo.known_pairs(key)
    if local is None or not _fits(local, len(members)):
        position = {index: place for place, index in enumerate(members)}
        local = tuple((position[a], position[b]) for a, b in pairs_of(candidates, members))
        memo.keep_pairs(key, local)
    for a, b in local:
        yield members[a], members[b]


def _fits(local: LocalPairs, size: int) -> bool:
    """Tell whether stored pairs can belong to a bucket of ``size`` (a damaged memo cannot)."""
    return all(0 <= a < size and 0 <= b < size for a, b in local)


def _text_keys(text: str) -> tuple[str, str]:
    """Return a sentence's words run together, and the same without numbers and months."""
    folded = text.casefold()
    return _WORDS_ONLY.sub("", folded), _WORDS_ONLY.sub("", _SKELETON_NOISE.sub("", folded))


def _same_dates_first(
    candidates: Sequence[Candidate], members: list[int]
) -> tuple[list[tuple[int, int]], list[int]]:
    """Chain members with equal dates and return one member per distinct date range.

    Copies of a report share their dates; chaining them directly and comparing only one of
    each keeps the pairwise rules below linear in the number of copies, not quadratic.
    """
    first_of: dict[tuple[object, ...], int] = {}
    chained: list[tuple[int, int]] = []
    for index in members:
        candidate = candidates[index]
        # Each row of a table is its own event, even on the same day as the next row.
        row = (
            (candidate.sentence.doc, candidate.sentence.start)
            if candidate.sentence.is_table
            else None
        )
        key = (candidate.when.start, candidate.when.end, row)
        if key in first_of:
            chained.append((first_of[key], index))
        else:
            first_of[key] = index
    return chained, list(first_of.values())


def _across_documents(
    candidates: Sequence[Candidate], members: list[int]
) -> Iterator[tuple[int, int]]:
    """Pair members from different documents whose dates overlap."""
    chained, members = _same_dates_first(candidates, members)
    yield from chained
    for left, right in itertools.combinations(members, 2):
        a, b = candidates[left].when, candidates[right].when
        is_overlap = a.start <= b.end and b.start <= a.end
        if candidates[left].sentence.doc != candidates[right].sentence.doc and is_overlap:
            yield left, right


# Share of content words two reports from different documents must have in common.
MIN_WORD_OVERLAP = 0.5
_CONTENT_WORD = re.compile(r"[a-z][a-z-]{3,}")


def _similar_across_documents(
    candidates: Sequence[Candidate], representatives: list[int], memo: MergeMemo | None
) -> Iterator[tuple[int, int]]:
    """Pair reworded reports of one event in different documents.

    "Full-scale fighting erupted in early 1992" and "... in the late winter of 1992": the same
    type, overlapping dates and mostly the same words.
    """
    by_type_year: dict[tuple[EventType, int], list[int]] = {}
    for index in representatives:
        candidate = candidates[index]
        for year in range(candidate.when.start.year, candidate.when.end.year + 1):
            by_type_year.setdefault((candidate.event_type, year), []).append(index)
    words: dict[int, set[str]] = {}

    def sharing(candidates: Sequence[Candidate], members: list[int]) -> list[tuple[int, int]]:
        for index in members:
            if index not in words:
                words[index] = _content_words(candidates[index].sentence.text)
        return _word_sharing_pairs(members, words)

    for members in by_type_year.values():
        for left, right in _memo_pairs(candidates, members, memo, "similar", sharing):
            a, b = candidates[left], candidates[right]
            if a.sentence.doc == b.sentence.doc or not _overlap(a.when, b.when):
                continue
            if a.place_id and b.place_id and a.place_id != b.place_id:
                continue
            yield left, right


def _word_sharing_pairs(members: list[int], words: dict[int, set[str]]) -> list[tuple[int, int]]:
    """Return the pairs of ``members``, in combination order, sharing half the smaller's words.

    Comparing every pair made the merge quadratic in the corpus (a year of one event type
    gathers thousands of reports). A pair sharing at least ceil(n/2) of the smaller set's n
    words shares one of that set's n - ceil(n/2) + 1 rarest words (prefix filtering), so only
    reports holding one of those are compared.
    """
    holders: dict[str, list[int]] = {}
    for position, index in enumerate(members):
        for word in words[index]:
            holders.setdefault(word, []).append(position)
    found: set[tuple[int, int]] = set()
    for position, index in enumerate(members):
        own = words[index]
        size = len(own)
        rarest = sorted(own, key=lambda w: (len(holders[w]), w))[: size - (size + 1) // 2 + 1]
        others = {p for word in rarest for p in holders[word]} if own else set(range(len(members)))
        for other in others:
            if other == position or len(words[members[other]]) < size:
                continue
            pair = (min(position, other), max(position, other))
            shared = len(own & words[members[other]])
            if shared >= MIN_WORD_OVERLAP * size:
                found.add(pair)
    return [(members[a], members[b]) for a, b in sorted(found)]


def _content_words(text: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(text.casefold()) if w not in MONTHS}


def _overlap(a: DateRange, b: DateRange) -> bool:
    return a.start <= b.end and b.start <= a.end


def _same_place(candidates: Sequence[Candidate], members: list[int]) -> Iterator[tuple[int, int]]:
    chained, members = _same_dates_first(candidates, members)
    yield from chained
    ordered = sorted(members, key=lambda i: candidates[i].when.start)
    for position, left in enumerate(ordered):
        first = candidates[left].when
        for right in ordered[position + 1 :]:
            second = candidates[right].when
            gap = (second.start - first.start).days
            if gap > CLOSE_DAYS and second.start > first.end:
                break
            a, b = candidates[left].sentence, candidates[right].sentence
            if a.doc == b.doc and a.is_table and b.is_table:
                continue
            is_overlap = second.start <= first.end and first.start <= second.end
            # "The next day ..." narrates a second event; a bare date a day off is a variant.
            is_variant = not (candidates[left].is_relative or candidates[right].is_relative)
            is_close = is_overlap and gap <= CLOSE_DAYS
            is_nested = not (a.is_table or b.is_table) and _inside(first, second)
            if is_close or (gap <= 1 and is_variant) or is_nested:
                yield left, right


def _inside(first: DateRange, second: DateRange) -> bool:
    """Tell whether one range lies within the other, which spans at most two months."""
    for inner, outer in ((first, second), (second, first)):
        is_short = (outer.end - outer.start).days <= MAX_CONTAINER_DAYS
        if is_short and outer.start <= inner.start and inner.end <= outer.end:
            return True
    return False


def _same_section(candidates: Sequence[Candidate], members: list[int]) -> Iterator[tuple[int, int]]:
    # Every pair of a section is tried, in order (the merge is order-sensitive), so what each
    # test needs is read once per report, not once per pair.
    facts = [_SectionFacts.of(i, candidates[i]) for i in members]
    prose = [f for f in facts if not candidates[f.index].sentence.is_table]
    for a, b in itertools.combinations(prose, 2):
        # A region ("the Nagorno-Karabakh skirmish") is compatible with a village inside it;
        # a village the gazetteer lacks is another place than a known one.
        if a.is_pinpoint and b.is_pinpoint and a.place_id != b.place_id:
            continue
        if (a.is_pinpoint and b.names_unknown_village) or (
            b.is_pinpoint and a.names_unknown_village
        ):
            continue
        if _facts_nested(a, b) or (
            (a.start, a.end) == (b.start, b.end)
            and _continues(candidates[a.index], candidates[b.index])
        ):
            yield a.index, b.index


@dataclass(frozen=True, slots=True)
class _SectionFacts:
    """What the same-section test reads of one report."""

    index: int
    is_pinpoint: bool
    names_unknown_village: bool
    place_id: str | None
    start: dt.date
    end: dt.date
    is_day: bool
    is_short: bool

    @classmethod
    def of(cls, index: int, candidate: Candidate) -> _SectionFacts:
        when = candidate.when
        return cls(
            index,
            candidate.is_pinpoint,
            candidate.names_unknown_village,
            candidate.place_id,
            when.start,
            when.end,
            when.precision == "day" and when.start == when.end,
            (when.end - when.start).days <= MAX_CONTAINER_DAYS,
        )


def _facts_nested(a: _SectionFacts, b: _SectionFacts) -> bool:
    """Tell whether one report's day sits inside the other's short range.

    Equal dates alone do not make one event: "In September 2018 a soldier was killed" and
    "In the same month, two soldiers were killed" are two. A continuation, dated by the
    report before it, is the exception (see :func:`_same_section`).
    """
    return (a.is_day and b.is_short and b.start <= a.start <= b.end) or (
        b.is_day and a.is_short and a.start <= b.start <= a.end
    )


def _continues(a: Candidate, b: Candidate) -> bool:
    """Tell whether one report continues the other: the incident told just before it."""
    return (a.continues is not None and a.continues == b.key) or (
        b.continues is not None and b.continues == a.key
    )


def _incident(group: list[Candidate]) -> Incident:
    group = sorted(group, key=lambda c: (c.sentence.doc, c.sentence.start, c.clause_start))
    when = _widest_precise(group)
    located = [c for c in group if c.places]
    # a place the text names beats one taken from the context at the same precision
    best_place = min(
        located,
        key=lambda c: (PRECISION_RANK[c.places[0].precision], bool(c.place_inferred)),
        default=None,
    )
    claims = tuple(
        Claim(_source(c.sentence), f.low, f.high, f.text) for c in group for f in c.figures
    )
    # "In addition, 10 civilians were also killed" adds to a toll rather than competing with
    # it, so continuations are listed as claims but do not widen the span of totals.
    totals = [f for c in group if not c.is_continuation for f in c.figures]
    if not totals:
        # Follow-up figures alone may count different people ("2,906 soldiers", "two Russian
        # soldiers"): one is a toll, several are left to the claims list.
        follow_ups = [f for c in group for f in c.figures]
        totals = follow_ups if len(follow_ups) == 1 else []
    low, high = span_figures(totals)
    first = group[0]
    digest = hashlib.sha1(
        f"{first.sentence.doc}:{first.sentence.start + first.clause_start}".encode(),
        usedforsecurity=False,
    ).hexdigest()[:12]
    places = best_place.places if best_place else ()
    incident = Incident(
        id=digest,
        event_type=_main_type(group),
        when=when,
        places=places,
        sources=_sources(group),
        claims=claims,
        deaths_low=low,
        deaths_high=high,
        sides=tuple(sorted({side for c in group for side in c.sides})),
        unlocated_reason="" if places else first.unlocated_reason,
        place_inferred=best_place.place_inferred if best_place else "",
    )
    return replace(incident, summary=summarize(incident))


def _main_type(group: Sequence[Candidate]) -> EventType:
    """Return the type most reports give (not counting continuations); ties go to the specific."""
    reports = [c.event_type for c in group if not c.is_continuation] or [
        c.event_type for c in group
    ]
    counts = Counter(reports)
    return min(counts, key=lambda kind: (-counts[kind], EVENT_TYPES.index(kind)))


def _widest_precise(group: Sequence[Candidate]) -> DateRange:
    """Return the dates of the most precise reports.

    A range that holds all the others ("fighting that started on 27 July" ... "By August 5")
    wins; reports a day or two apart ("4 March" against "5 March") widen to cover both;
    otherwise the range most reports give wins, the earliest on a tie. The span of a war a
    report names only says the event fell within it, so a date the text writes wins over it.
    """
    group = [c for c in group if not c.is_war_dated] or group
    best = min(DATE_RANK[c.when.precision] for c in group)
    precise = [c.when for c in group if DATE_RANK[c.when.precision] == best]
    starts = [w.start for w in precise]
    # the range that holds all the others starts first and ends last (one pass, not a pair
    # test: a much-reprinted event gathers thousands of reports)
    first, last = min(starts), max(w.end for w in precise)
    envelope = next((w for w in precise if w.start == first and w.end == last), None)
    if envelope is not None:
        return envelope
    if (max(starts) - min(starts)).days <= CLOSE_DAYS:
        texts = sorted({w.text for w in precise if w.text}, key=lambda t: (len(t), t))
        end = max(w.end for w in precise)
        inferred = next((w.inferred for w in precise if w.inferred), "")
        text = texts[-1] if texts else ""
        return DateRange(min(starts), end, precise[0].precision, text, inferred)
    counts = Counter((w.start, w.end) for w in precise)
    start, end = min(counts, key=lambda span: (-counts[span], span))
    return next(w for w in precise if (w.start, w.end) == (start, end))


def _source(sentence: Sentence) -> Source:
    return Source(sentence.doc, sentence.text, sentence.start, sentence.end)


def _sources(group: Sequence[Candidate]) -> tuple[Source, ...]:
    seen: dict[tuple[str, int], Source] = {}
    for candidate in group:
        source = _source(candidate.sentence)
        seen.setdefault((source.doc, source.start), source)
    return tuple(seen[key] for key in sorted(seen))


def summarize(incident: Incident) -> str:
    """Return one plain-text line: what, where, when, how many dead, how many reports."""
    what = incident.event_type.capitalize()
    where = f" at {incident.place.name}" if incident.place else " (unlocated)"
    when = _dates_text(incident.when)
    deaths = _deaths_text(incident.deaths_low, incident.deaths_high)
    reports = len(incident.sources)
    tail = f"; {reports} reports" if reports > 1 else ""
    return f"{what}{where}, {when}{deaths}{tail}"


def _dates_text(when: DateRange) -> str:
    if when.precision == "year":
        years = {when.start.year, when.end.year}
        return "–".join(str(y) for y in sorted(years))
    start, end = _day_text(when.start, when.precision), _day_text(when.end, when.precision)
    return start if start == end else f"{start} – {end}"


def _day_text(day: dt.date, precision: str) -> str:
    # Month names are spelled out here, not by strftime, whose names follow the locale.
    month = _MONTH_ABBR[day.month - 1]
    return f"{day.day} {month} {day.year}" if precision == "day" else f"{month} {day.year}"


def _deaths_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low is None:
        return f": up to {high} killed"
    if high is None:
        return f": at least {low} killed"
    return f": {low} killed" if low == high else f": {low}–{high} killed"
