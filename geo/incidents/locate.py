"""Where a report happened: the places its clause names, best first, or one from its context.

A clause's own names come first, ranked by precision, a locative word before them and their
distance from the violent word; names used for a side ("Armenia's army") or a speaker ("Baku
said") are not places. A report that names none takes the place of the sentence before, the
heading or the headline only when the text ties them, and says so in ``place_inferred``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.incidents.dates import DateMatch
from geo.incidents.merge import PRECISION_RANK, Candidate
from geo.model import Document, Mention, Sentence
from geo.places import Gazetteer, find_mentions


@dataclass(frozen=True, slots=True)
class ContextPlaces:
    """What a report naming no place can take its place from."""

    last: Candidate | None
    heading_places: tuple[Mention, ...]
    headline_places: tuple[Mention, ...]
    # an earlier clause of the same sentence that has a place
    clause_before: Candidate | None = None


_LOCATIVE = re.compile(r"\b(?:in|near|at|around|outside|into|on|of|from|towards?)\s+(?:the\s+)?$")
# "Nagorno-Karabakh soldiers", "Armenia's army": a name used for a side, not a place.
_DEMONYM_AFTER = re.compile(
    r"(?:'s)?\s+(?:soldiers?|forces|troops|army|armed|military|side|authorities|officials"
    r"|Defen[cs]e|servicem[ae]n|government|president|positions|conflict|movement|issue"
    r"|question|Republic|Autonomous|Armenians?|leaders?)\b"
)
# A capital that speaks is its government: "Yerevan said", "Baku reported" (devnews 19), "Baku
# and Yerevan traded accusations"; not "officials in Nagorno-Karabakh reported" (seeds), where
# the name follows a preposition and says where they are.
_SPEAKS_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w-]+)?\s+(?:said|says|accused|accuses|claimed|claims|reported"
    r"|denied|denies|announced|stated|insisted|blamed|warned|told|charged|alleged|responded"
    r"|traded|rejected|confirmed)\b"
)
_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|from|of|near|to|into|on)\s+(?:the\s+)?$", re.I)
# "accuses Baku of shelling areas inside Nagorno-Karabakh", "Baku accuses Armenia of mortar
# shelling": the accused party, a government named by its capital, is no place.
_ACCUSED_BEFORE = re.compile(r"\b(?i:accus(?:e|es|ed|ing))\s+(?:the\s+)?$")
_OF_AFTER = re.compile(r"\s+of\b")
# The wires' "the Defense Ministry in Baku said", "officials in Yerevan said"; not "officials
# in Nagorno-Karabakh reported" (seeds 000-002), where the region is where the news is.
_INSTITUTION_IN = re.compile(
    r"\b(?i:ministry|government|officials|authorities|spokes(?:man|woman|person)|command"
    r"|headquarters|presidency|office)\s+in\s+$"
)
# Where a statement was made, as the wires write it: "The Azerbaijani Defense Ministry said in
# Baku, the capital, that ...", "told reporters in the Armenian capital" (NYT 1993, AP).
_SAID_IN = re.compile(
    r"\b(?i:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference)|announced"
    r"|stated)\s+in\s+$"
)
# A sentence's opening "After ..., " or "Following ..., " tells what came before the event:
# "Following missile attacks on Tartar, Armed Forces of Armenia fired missiles on Barda"
# (Trend, 2020), "After successfully defending the Martuni region, Melkonian's fighters were
# tasked to ... capture the region of Kalbajar" (seed 004).
_BACKDROP = re.compile(r"\W*(?:Following|After|Amid)\s[^,;.]{3,80},")
_TOWN_KINDS = frozenset({"city", "town"})
# Only the national capitals of the texts (Baku, Yerevan) are this large.
_CAPITAL_POPULATION = 1_000_000
# "in X", "in the village of X", "in the Armenian village of X", "at the nearby border town of X"
_AT_PLACE = re.compile(
    r"\b(?:in|at|near|on)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?$"
)
# Cue words ("in the", "near", "along the") sit within this many characters before a name.
_CUE_WINDOW = 40
_WIDE = frozenset({"region", "country"})
_WIDE_LOCATIVE = re.compile(r"\b(?:in|into|inside|across|along|throughout)\s+(?:the\s+)?$")
# "there", "the town": a report that refers back to the place named just before it
_PLACE_NOUNS = r"village|town|city|area|region|settlement"
# Not the "there" of "there are no positions ..." or "there were casualties", which places
# nothing.
_ANAPHORA = re.compile(
    rf"\b(?:there(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|seems?"
    rf"|appears?|remains?)\b)|the\s+(?:{_PLACE_NOUNS}))\b",
    re.I,
)
# What ties a report naming no place to the one place its headline names: those words, or a
# definite event noun that refers back ("...were killed in the attack on 3 May" under a
# headline naming the town). General English anaphora of the wires' follow-up paragraphs.
_EVENT_NOUNS = (
    r"attacks?|shelling|strikes?|bombardment|bombing|assault|incident|explosion|blast|fighting"
    r"|clash(?:es)?|offensive|raid|ambush|shooting|firing|skirmish"
)
_HEADLINE_TIE = re.compile(rf"\b(?:there|the\s+(?:{_PLACE_NOUNS}|{_EVENT_NOUNS}))\b", re.I)


def heading_places(
    document: Document, sentence: Sentence, gazetteer: Gazetteer
) -> tuple[Mention, ...]:
    """Return the one place the sentence's section heading names ("Capture of Shusha")."""
    starts = [section.start for section in document.sections]
    position = bisect.bisect_right(starts, sentence.start) - 1
    if position < 0:
        return ()
    section = document.sections[position]
    heading = Sentence(
        doc=document.path,
        index=-1,
        text=section.heading,
        start=section.start,
        end=section.start + len(section.heading),
        heading=sentence.heading,
    )
    found = [m for m in find_mentions(gazetteer, heading) if m.place.kind != "country"]
    return tuple(found) if len(found) == 1 else ()


def headline_places(document: Document, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Return the one place a news item's headline names, if it names exactly one."""
    if not document.headline:
        return ()
    start = max(document.text.find(document.headline), 0)
    headline = Sentence(
        doc=document.path,
        index=-1,
        text=document.headline,
        start=start,
        end=start + len(document.headline),
        heading="",
    )
    # a headline naming only a region ("Nagorno-Karabakh conflict") does not place one event
    found = [m for m in find_mentions(gazetteer, headline) if m.precision not in _WIDE]
    return tuple(found) if len(found) == 1 else ()


# "the village of Aghdaban", "the nearby Armenian village Karintak", "Alkhanly village"
_VILLAGE_BEFORE = re.compile(r"\bvillage\s+(?:of\s+)?(?:the\s+)?$", re.I)
_VILLAGE_AFTER = re.compile(r"\s+village\b", re.I)


def _is_called_a_village(sentence: Sentence, mention: Mention) -> bool:
    local = mention.start - sentence.start
    return bool(
        _VILLAGE_BEFORE.search(_window_before(sentence.text, local))
        or _VILLAGE_AFTER.match(sentence.text, mention.end - sentence.start)
    )


def is_at_place(places: Sequence[Mention]) -> bool:
    """Tell whether the first place is a settlement the clause puts the event at ("in X")."""
    if not places or places[0].precision != "settlement":
        return False
    first = places[0]
    before = _window_before(first.sentence.text, first.start - first.sentence.start)
    return _AT_PLACE.search(before) is not None


def clause_places(
    mentions: Sequence[Mention], sentence: Sentence, start: int, end: int, cue_at: int
) -> tuple[Mention, ...]:
    """List the places a clause (``start``–``end`` of the sentence) names, best first.

    Names used for a side or a speaker are left out, and so are regions and countries unless
    a locative word puts the event in them.
    """
    inside = [m for m in mentions if start <= m.start - sentence.start < end]
    usable = [
        m
        for m in inside
        if (m.precision not in _WIDE or _is_wide_place(sentence, m))
        and not _DEMONYM_AFTER.match(sentence.text, m.end - sentence.start)
        and not _is_speaker(sentence, m)
        and not _is_accused(sentence, m)
    ]
    # "during the occupation of Kalbajar, ... massacred the residents of the village of
    # Aghdaban" (Trend; "the village of Alkhanly of Fizuli region", Turan): a town's name often
    # stands for its district, and a village of that district named beside it is more precise.
    backdrop = _BACKDROP.match(sentence.text)
    backdrop_end = backdrop.end() if backdrop is not None else 0
    ranked = sorted(usable, key=lambda m: _place_rank(m, sentence, cue_at, backdrop_end))
    if ranked and ranked[0].place.kind in _TOWN_KINDS and ranked[0].place.admin:
        district = ranked[0].place.admin
        village = next(
            (
                m
                for m in ranked
                if m.place.kind == "village"
                and m.place.admin == district
                and _is_called_a_village(sentence, m)
            ),
            None,
        )
        if village is not None:
            ranked.remove(village)
            ranked.insert(0, village)
    return tuple(ranked)


def _is_speaker(sentence: Sentence, mention: Mention) -> bool:
    """Tell whether a place name speaks ("Baku said") or is where one spoke ("said in Baku")."""
    text = sentence.text
    before = _window_before(text, mention.start - sentence.start)
    is_capital = mention.place.kind == "city" and mention.place.population >= _CAPITAL_POPULATION
    if is_capital and _SAID_IN.search(before):
        return True
    if not _SPEAKS_AFTER.match(text, mention.end - sentence.start):
        return False
    if _INSTITUTION_IN.search(before):
        # "the Defense Ministry in Baku said": a government speaking from its capital
        return is_capital
    return _AFTER_PREPOSITION.search(before) is None


def _is_accused(sentence: Sentence, mention: Mention) -> bool:
    """Tell whether a place name is the party accused of something ("accused Baku of")."""
    text = sentence.text
    before = _window_before(text, mention.start - sentence.start)
    return bool(
        _ACCUSED_BEFORE.search(before) and _OF_AFTER.match(text, mention.end - sentence.start)
    )


def _window_before(text: str, position: int) -> str:
    """Return the few words before ``position``; "$"-anchored searches of a prefix are slow."""
    return text[max(0, position - _CUE_WINDOW) : position]


def _is_wide_place(sentence: Sentence, mention: Mention) -> bool:
    """Tell whether a country or region is where something happened, not a side or a topic.

    "clashes in Nagorno-Karabakh", "along the Nagorno-Karabakh frontline" place an event;
    "requests to return Nagorno-Karabakh" and "between Armenia and Azerbaijan" do not.
    """
    before = _window_before(sentence.text, mention.start - sentence.start)
    return _WIDE_LOCATIVE.search(before) is not None


# Where the fire came from, as both ministries write it: "the Armenian armed forces units from
# the positions in the direction of the Giziljig settlement of the Garakilsa region ...
# subjected to fire the Azerbaijan Army positions located in the direction of the Ahmadli
# settlement" (Trend), "positions were fired from Goyarkh village" (devnews). The shots land
# at the other place.
# A list of such places stays the origin up to the words that turn to the target.
_ORIGIN_BEFORE = re.compile(
    r"\bfrom\s+(?:(?!(?:subjected|fired|fire|shelled|opened|targeted|attacked|at|to|towards?|on)\b)"
    r"[\w-]+,?\s+){0,24}$",
    re.IGNORECASE,
)


def _place_rank(
    mention: Mention, sentence: Sentence, cue_at: int, backdrop_end: int
) -> tuple[int, int, int, int]:
    """Most precise first, then not the origin of fire nor a backdrop, then after "in/near/at"."""
    local = mention.start - sentence.start
    before = _window_before(sentence.text, local)
    has_locative = _LOCATIVE.search(before) is not None
    is_origin = _ORIGIN_BEFORE.search(sentence.text, max(0, local - 200), local) is not None
    is_backdrop = local < backdrop_end
    return (
        PRECISION_RANK[mention.precision],
        1 if is_origin or is_backdrop else 0,
        0 if has_locative else 1,
        abs(local - cue_at),
    )


def locate_from_context(
    candidate: Candidate, clause: str, dates: Sequence[DateMatch], context: ContextPlaces
) -> Candidate:
    """Place a report that names no place from its context, saying so, or say why it is not.

    Parameters
    ----------
    candidate
        The report, as its clause gives it.
    clause
        The clause's text, for the words that tie it to what came before.
    dates
        The clause's dates: one counted from an earlier date ties it to the report before.
    context
        What came before: the last report and the places of the heading and the headline.
    """
    if candidate.places:
        return candidate
    tie = _ANAPHORA.search(clause)
    last = context.last
    is_follow_up = any(d.is_relative for d in dates) or tie is not None
    why = f"“{tie.group(0)}”" if tie else "a date counted from it"
    before = context.clause_before
    if before is not None and before.places and is_follow_up and candidate.clause_start > 0:
        # "The army captured Maragha the same day, but it was retaken by the Armenians the
        # following day": the later clause goes on from the one before it
        reason = f"place of the clause before ({why})"
        return replace(candidate, places=before.places[:1], place_inferred=reason)
    if (
        last is not None
        and last.places
        and is_follow_up
        # "...on 16 September, one soldier was killed; five days later, ..." follows the first
        # clause, not the sentence before it.
        and candidate.clause_start == 0
        and last.sentence.heading == candidate.sentence.heading
        and candidate.sentence.index - last.sentence.index <= 1
    ):
        reason = f"place from the sentence before ({why})"
        return replace(candidate, places=last.places[:1], place_inferred=reason)
    if context.heading_places:
        # a title or section heading names what its sentences are about ("Capture of Shusha")
        return replace(
            candidate, places=context.heading_places, place_inferred="place from the heading"
        )
    headline_tie = _HEADLINE_TIE.search(clause)
    if context.headline_places and headline_tie is not None:
        reason = f"place from the headline (“{headline_tie.group(0)}”)"
        return replace(candidate, places=context.headline_places, place_inferred=reason)
    return replace(candidate, unlocated_reason="no gazetteer place named in the clause")


# "the village", "the town": a definite noun that can only mean a settlement named before
_SETTLEMENT_ANAPHORA = re.compile(
    r"\b(?:the|this)\s+(?P<noun>village|town|city|settlement)\b", re.I
)


def refers_to_a_settlement(clause: str) -> bool:
    """Tell whether a clause speaks of "the village" or "the town" named before it."""
    return _SETTLEMENT_ANAPHORA.search(clause) is not None


# The kinds of gazetteer row each anaphoric noun can mean.
_NOUN_KINDS = {
    "village": frozenset({"village"}),
    "town": frozenset({"town", "city"}),
    "city": frozenset({"town", "city"}),
}


def place_named_before(
    candidate: Candidate, clause: str, mentions_before: Sequence[Sequence[Mention]]
) -> Candidate:
    """Place a report saying "the village" at the one village named last before it.

    "Google Maps does not show Jojug Marjanli. The village was rebuilt on one of those plots of
    land that Azerbaijan managed to recapture in April 2016." The sentence before reported
    nothing, so no report carries the place; its one settlement is what "the village" means.
    ``mentions_before`` holds the places of the sentences before, nearest first: the nearest
    that names a settlement of the noun's kind decides ("the village" passes over "the
    occupied Fizuli district center" to the village named two sentences earlier, Turan 2017).
    Two such settlements there leave it open, and the report stays unlocated.
    """
    found = _SETTLEMENT_ANAPHORA.search(clause)
    if candidate.places or found is None:
        return candidate
    kinds = _NOUN_KINDS.get(found["noun"].lower())
    for distance, mentions in enumerate(mentions_before, start=1):
        settlements = {
            m.place.id: m
            for m in mentions
            if m.precision == "settlement" and (kinds is None or m.place.kind in kinds)
        }
        if not settlements:
            continue
        if len(settlements) != 1:
            return candidate
        (mention,) = settlements.values()
        where = "the sentence before" if distance == 1 else f"{distance} sentences before"
        reason = f"the one {found['noun'].lower()} {where} names (“{mention.as_written}”)"
        return replace(candidate, places=(mention,), place_inferred=reason, unlocated_reason="")
    return candidate


# "seized control of Talish and Madagiz", "captured Shusha, Lachin and Kalbajar": places
# listed together, each with its own capture. Between two names only a list's joints, an
# alternative name in brackets, or the noun of the next one ("and the town of Madagiz").
_LIST_JOINT = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?:the\s+(?:[\w-]+\s+)?(?:{_PLACE_NOUNS})\s+of\s+)?$",
    re.IGNORECASE,
)


def listed_places(places: Sequence[Mention], sentence: Sentence) -> tuple[Mention, ...]:
    """Return the settlements listed with a clause's main one, each its own place of capture.

    Only settlements that follow one another in one list count; a district or region named
    beside them ("Talish and Madagiz, in the Tartar district") is where they are, not another
    capture.
    """
    if not places or places[0].precision != "settlement":
        return ()
    main = places[0].place.id
    ordered = sorted((m for m in places if m.precision == "settlement"), key=lambda m: m.start)
    runs: list[list[Mention]] = [[ordered[0]]]
    for before, mention in itertools.pairwise(ordered):
        between = sentence.text[before.end - sentence.start : mention.start - sentence.start]
        if _LIST_JOINT.fullmatch(between):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    run = next(r for r in runs if any(m.place.id == main for m in r))
    others: dict[str, Mention] = {}
    for mention in run:
        if mention.place.id != main:
            others.setdefault(mention.place.id, mention)
    return tuple(others.values())
