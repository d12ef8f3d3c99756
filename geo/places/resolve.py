"""Find gazetteer places in sentences: one Aho-Corasick pass, filters, and disambiguation.

How a sentence is resolved:

1. The sentence is folded with :func:`geo.places.names.fold` (same length, so offsets carry over)
   and every gazetteer key (names, aliases, spelling variants, district names without their
   "District"/"Rayon" word) is found in one pass of a pyahocorasick automaton.
2. A hit must stand on word boundaries and start with a capital letter in the original text.
3. Hits that are not places are dropped: hyphen/dash compounds ("Kars-Gyumri train",
   "Baku-Tbilisi-Ceyhan pipeline"), people ("Bako Sahakyan", "Sergo Mikoyan") and English words
   that are also village names.
4. Overlapping hits: the longest wins ("Agdam District" beats "Agdam").
5. Each remaining hit picks one row: cue words first ("X District/Rayon/region" -> a district
   row, "the village of X" -> a settlement), then the distance to the other places of the
   sentence (or, failing that, of its section), then the default rank of
   :func:`geo.places.table.default_rank` (cities and towns, then administrative areas, then
   villages; larger population first).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import ahocorasick
from pyproj import Geod

from geo.model import Mention, Place, Sentence
from geo.places.names import fold, spelling_variants, transliterations
from geo.places.table import Gazetteer, default_rank
from geo.places.words import (
    DISTRICT_AFTER,
    DISTRICT_BEFORE,
    DISTRICT_SUFFIX,
    KEEP_AFTER,
    LANDMARK_BEFORE,
    NAME_PREFIXES,
    NEAR_BEFORE,
    NEXT_WORD,
    SETTLEMENT_AFTER,
    SETTLEMENT_BEFORE,
    STOP_KEYS,
    WEAK_KEYS,
    WORD_BEFORE,
    is_compound,
    is_person,
)

_HOW_ORDER = {"name": 0, "alias": 1, "base": 2, "variant": 3}


@dataclass(frozen=True, slots=True)
class Entry:
    """One way a gazetteer row can be written: ``how`` is name, alias, base or variant."""

    place: Place
    written: str
    how: str


@dataclass(frozen=True, slots=True)
class Hit:
    """A key found in a sentence, local offsets, before a row is chosen."""

    start: int
    end: int
    entries: tuple[Entry, ...]


# a name found, its rows in order of preference, and the cue before or after it
_Resolved = tuple[Hit, tuple[Entry, ...], str]


def _keys_of(place: Place) -> dict[str, Entry]:
    keys: dict[str, Entry] = {}

    def add(key: str, entry: Entry) -> None:
        key = key.strip()
        if len(key) < 3:
            return
        old = keys.get(key)
        if old is None or _HOW_ORDER[entry.how] < _HOW_ORDER[old.how]:
            keys[key] = entry

    for written in (place.name, *place.aliases):
        key = fold(written)
        add(key, Entry(place, written, "name" if written == place.name else "alias"))
        # GeoNames writes the Russian soft sign as a final apostrophe (Nakhichevan'),
        # English texts drop it
        variants = (*spelling_variants(key), key.rstrip("'"), *transliterations(written))
        for variant in variants:
            add(variant, Entry(place, written, "variant"))
        if place.precision in ("district", "province", "region"):
            # "Khojavand region": the district's name without its suffix, in every spelling
            for spelled in (key, *variants):
                base = DISTRICT_SUFFIX.sub("", spelled)
                if base != spelled:
                    add(base, Entry(place, written, "base"))
    return keys


def build_matcher(places: Sequence[Place]) -> ahocorasick.Automaton:
    """Build the automaton: folded key -> (key, entries of every row written that way).

    Parameters
    ----------
    places
        All gazetteer rows.

    Returns
    -------
    ahocorasick.Automaton
        Ready for ``iter``; values are ``(key, tuple[Entry, ...])``.
    """
    table: dict[str, list[Entry]] = {}
    for place in places:
        for key, entry in _keys_of(place).items():
            if key not in STOP_KEYS:
                table.setdefault(key, []).append(entry)
    automaton = ahocorasick.Automaton()
    for key in sorted(table):
        automaton.add_word(key, (key, tuple(table[key])))
    automaton.make_automaton()
    return automaton


def matcher_of(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    """Return the gazetteer's automaton, built on first use and cached on the object."""
    return gazetteer.memo("matcher", lambda: build_matcher(gazetteer.places))


def _is_word_char(char: str) -> bool:
    # "_" joins words in URLs and file names ("Ridge_Shushi_battle")
    return char.isalnum() or char == "_"


def _is_word_edge(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not _is_word_char(before) and not _is_word_char(after)


def find_hits(gazetteer: Gazetteer, text: str) -> tuple[Hit, ...]:
    """All acceptable, non-overlapping name hits in ``text`` (local offsets), by start."""
    return _recent(gazetteer, "recent hits", text, _find_hits)


_T = TypeVar("_T")
_RECENT_TEXTS = 512


def _recent(
    gazetteer: Gazetteer, name: str, text: str, compute: Callable[[Gazetteer, str], _T]
) -> _T:
    """Return ``compute(gazetteer, text)``, kept for the last few hundred texts.

    The resolver, the context anchors and the unresolved-names report all read the same
    sentence within a few steps of each other.
    """
    recent: dict[str, _T] = gazetteer.memo(name, dict)
    if text not in recent:
        if len(recent) >= _RECENT_TEXTS:
            del recent[next(iter(recent))]
        recent[text] = compute(gazetteer, text)
    return recent[text]


def _find_hits(gazetteer: Gazetteer, text: str) -> tuple[Hit, ...]:
    folded = fold(text)
    automaton = matcher_of(gazetteer)
    candidates: list[Hit] = []
    for last, (key, entries) in automaton.iter(folded):
        hit = Hit(last + 1 - len(key), last + 1, entries)
        if _is_place_hit(text, folded, hit, key, automaton):
            candidates.append(hit)
    chosen: list[Hit] = []
    for hit in sorted(candidates, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return tuple(sorted(chosen, key=lambda h: h.start))


def _is_place_hit(
    text: str, folded: str, hit: Hit, key: str, automaton: ahocorasick.Automaton
) -> bool:
    start, end = hit.start, hit.end
    if not text[start].isupper() or not _is_word_edge(folded, start, end):
        return False
    if is_compound(text, start, end) or is_person(text, start, end):
        return False
    if LANDMARK_BEFORE.search(text[:start]) or _is_name_part(text, hit, automaton):
        return False
    return key not in WEAK_KEYS or _cue(text, hit) == "settlement"


def _is_name_part(text: str, hit: Hit, automaton: ahocorasick.Automaton) -> bool:
    """Tell whether a hit is only part of a longer name: Yukhari Askipara, Bağanis Ayrum."""
    before = WORD_BEFORE.search(text[max(0, hit.start - 40) : hit.start])
    if before and fold(before.group(1)) in NAME_PREFIXES:
        return True
    if not all(e.place.kind == "village" for e in hit.entries):
        return False
    after = NEXT_WORD.match(text[hit.end :])
    if after is None:
        return False
    word = fold(after.group(1))
    if word in KEEP_AFTER:
        return False
    return word in WEAK_KEYS or not automaton.exists(word)


def _cue(text: str, hit: Hit) -> str:
    if DISTRICT_AFTER.match(text[hit.end :]) or DISTRICT_BEFORE.search(
        text[max(0, hit.start - 40) : hit.start]
    ):
        return "district"
    if SETTLEMENT_BEFORE.search(text[max(0, hit.start - 40) : hit.start]) or SETTLEMENT_AFTER.match(
        text[hit.end :]
    ):
        return "settlement"
    if NEAR_BEFORE.search(text[max(0, hit.start - 40) : hit.start]):
        return "near"
    return ""


def _by_cue(entries: tuple[Entry, ...], cue: str) -> list[Entry]:
    if cue == "district":
        wanted = [e for e in entries if e.place.precision in ("district", "province", "region")]
    elif cue == "settlement":
        wanted = [e for e in entries if e.place.precision == "settlement"]
    else:
        wanted = [e for e in entries if e.how != "base"]
    return wanted or list(entries)


def _distinct_places(entries: list[Entry]) -> list[Entry]:
    best: dict[str, Entry] = {}
    for entry in entries:
        old = best.get(entry.place.id)
        if old is None or _HOW_ORDER[entry.how] < _HOW_ORDER[old.how]:
            best[entry.place.id] = entry
    return sorted(best.values(), key=lambda e: (_HOW_ORDER[e.how] > 1, default_rank(e.place)))


def _how_reason(entry: Entry) -> str:
    if entry.how == "name":
        return "exact name"
    if entry.how == "alias":
        return f"alias '{entry.written}'"
    if entry.how == "base":
        return f"district name '{entry.written}'"
    return f"spelling variant of '{entry.written}'"


def _describe(place: Place) -> str:
    where = f" in {place.admin}" if place.admin else ""
    return f"{place.id} ({place.kind}{where}, {place.country})"


# The resolver compares candidate rows by distance thousands of times per megabyte: pyproj's
# compiled geodesic (Karney's algorithm on WGS84, as geopy's, to a few nanometres) is some
# seventy times faster than geopy's pure-Python one. The gazetteer checks keep geopy.
_WGS84 = Geod(ellps="WGS84")


@functools.lru_cache(maxsize=65536)
def _geodesic_km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Geodesic distance, cached: the same few places are compared again and again."""
    return float(_WGS84.inv(lon_a, lat_a, lon_b, lat_b)[2]) / 1000.0


def distance_km(place: Place, other: Place) -> float:
    """Return the geodesic distance between two gazetteer places in kilometres."""
    return _geodesic_km(place.lat, place.lon, other.lat, other.lon)


def _nearest_km(place: Place, anchors: Sequence[Place]) -> tuple[float, str]:
    best = (float("inf"), "")
    for anchor in anchors:
        if anchor.id == place.id:
            continue
        km = distance_km(place, anchor)
        best = min(best, (km, anchor.name))
    return best


# The closest candidate wins only if it is clearly closer than the runner-up: by this many km
# and by this ratio (80 km against 91 km says little; 29 km against 132 km says a lot).
_MIN_MARGIN_KM = 15.0
_MAX_RATIO = 0.75


def _choose(options: Sequence[Entry], anchors: Sequence[Place], scope: str) -> tuple[Entry, str]:
    first = options[0]
    if len(options) == 1:
        return first, ""
    others = ", ".join(_describe(e.place) for e in options[1:3])
    scored = sorted(((*_nearest_km(e.place, anchors), e) for e in options), key=lambda t: t[0])
    (km, near, best), (runner_km, _, _) = scored[0], scored[1]
    if anchors and km + _MIN_MARGIN_KM < runner_km and km < _MAX_RATIO * runner_km:
        rest = ", ".join(_describe(t[2].place) for t in scored[1:3])
        why = f"preferred over {rest}: {km:.0f} km from {near} ({scope}) vs {runner_km:.0f} km"
        return best, why
    why = f"preferred over {others}: default rank (kind {first.place.kind}, then population)"
    return first, why


def _anchors(gazetteer: Gazetteer, sentence: Sentence) -> tuple[Place, ...]:
    """Default choices of the names in a sentence, for disambiguating its neighbours."""
    cache: dict[Sentence, tuple[Place, ...]] = gazetteer.memo("anchors", dict)
    if sentence not in cache:
        found = []
        for hit in find_hits(gazetteer, sentence.text):
            options = _distinct_places(_by_cue(hit.entries, _cue(sentence.text, hit)))
            if options[0].place.kind != "country":
                found.append(options[0].place)
        cache[sentence] = tuple(found)
    return cache[sentence]


_LIST_GLUE = re.compile(r"^\s*(,|,?\s+and|,?\s+or)\s+$")


def spread_list_cues(text: str, hits: Sequence[Hit], cues: list[str]) -> list[str]:
    """Give a district cue to every name of a list it closes: "Hadrut, Askeran and Martuni rayons".

    Parameters
    ----------
    text
        The sentence text.
    hits
        Its hits, by start.
    cues
        The cue of each hit on its own.

    Returns
    -------
    list of str
        The cues, with "district" copied backwards over names joined by commas and "and".
    """
    spread = list(cues)
    for i in range(len(hits) - 2, -1, -1):
        glue = text[hits[i].end : hits[i + 1].start]
        if spread[i + 1] == "district" and not spread[i] and _LIST_GLUE.match(glue):
            spread[i] = "district"
    return spread


def _extend_for_cue(text: str, end: int, place: Place) -> int:
    if place.precision == "settlement":
        return end
    after = DISTRICT_AFTER.match(text[end:])
    return end + after.end() if after else end


def find_mentions(
    gazetteer: Gazetteer, sentence: Sentence, context: Sequence[Sentence] = ()
) -> tuple[Mention, ...]:
    """Find the gazetteer places named in a sentence.

    Parameters
    ----------
    gazetteer
        The loaded gazetteer; its matcher is built on first use and cached.
    sentence
        The sentence to read.
    context
        Other sentences of the same section, used to choose between rows that share a name
        when the sentence itself names no other place.

    Returns
    -------
    tuple of Mention
        Sorted by start, non-overlapping; offsets are document offsets, so
        ``document.text[m.start:m.end] == m.as_written``.
    """
    text = sentence.text
    resolved = _resolved_hits(gazetteer, text)
    # each other name at its default choice: good enough to point at the right part of the map
    sure = [opts[0].place for _, opts, _ in resolved if opts[0].place.kind != "country"]
    mentions = []
    for hit, options, cue in resolved:
        anchors, scope = _context_anchors(gazetteer, sure, context, options)
        entry, why = _choose(options, anchors, scope)
        end = _extend_for_cue(text, hit.end, entry.place)
        reason = "; ".join(r for r in (_how_reason(entry), _cue_reason(cue), why) if r)
        mentions.append(
            Mention(
                sentence=sentence,
                place=entry.place,
                start=sentence.start + hit.start,
                end=sentence.start + end,
                as_written=text[hit.start : end],
                reason=reason,
            )
        )
    return tuple(mentions)


def _resolved_hits(gazetteer: Gazetteer, text: str) -> list[_Resolved]:
    return _recent(gazetteer, "recent resolved hits", text, _resolve_hits)


def _resolve_hits(gazetteer: Gazetteer, text: str) -> list[_Resolved]:
    hits = find_hits(gazetteer, text)
    cues = spread_list_cues(text, hits, [_cue(text, hit) for hit in hits])
    return _near_constrained(
        text,
        [
            (hit, tuple(_distinct_places(_by_cue(hit.entries, cue))), cue)
            for hit, cue in zip(hits, cues, strict=True)
        ],
    )


def placed_spans(gazetteer: Gazetteer, text: str) -> list[tuple[int, int]]:
    """Return the local spans of the names :func:`find_mentions` resolves in ``text``."""
    return [(hit.start, hit.end) for hit, _, _ in _resolved_hits(gazetteer, text)]


# "the village of X, also near Y", "X near Y": the second name says where the first one is.
_NEAR_LINK = re.compile(r"^,?\s+(?:(?:also|just|right|close)\s+)?near\s+(?:the\s+)?$", re.I)
# How far "near" reaches: the real village lies within this of the place it is near.
NEAR_KM = 40.0


def _near_constrained(text: str, resolved: list[_Resolved]) -> list[_Resolved]:
    """Keep only the rows of a shared name that lie near the place the text says it is near.

    A name none of whose rows is near that place is left out: the gazetteer lacks the one
    meant ("the Armenian village of Kazanchi, also near Agdam", devnews 01, matched only
    namesakes 99 km and more away), and the report stays placed by "near Agdam".
    """
    kept: list[_Resolved] = []
    for index, (hit, options, cue) in enumerate(resolved):
        after = resolved[index + 1] if index + 1 < len(resolved) else None
        if (
            after is None
            or len(options) < 2
            or not _NEAR_LINK.match(text[hit.end : after[0].start])
        ):
            kept.append((hit, options, cue))
            continue
        anchor = after[1][0].place
        near = [e for e in options if distance_km(e.place, anchor) <= NEAR_KM]
        if near:
            kept.append((hit, tuple(near), cue))
    return kept


def _context_anchors(
    gazetteer: Gazetteer,
    sure: list[Place],
    context: Sequence[Sentence],
    options: Sequence[Entry],
) -> tuple[list[Place], str]:
    if len(options) < 2:
        return [], ""
    own = {e.place.id for e in options}
    in_sentence = [p for p in sure if p.id not in own]
    if in_sentence:
        return in_sentence, "same sentence"
    nearby = [p for s in context for p in _anchors(gazetteer, s) if p.id not in own]
    return nearby, "same section"


def _cue_reason(cue: str) -> str:
    return {
        "district": "district cue (X District/Rayon/region, region of X)",
        "settlement": "settlement cue (village/town of X, X village)",
        "near": "cue 'near'",
    }.get(cue, "")
