"""Words that look like a place name but match no gazetteer row (for maps/unresolved.csv)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from geo.model import Mention, Sentence, UnresolvedName
from geo.places.names import fold
from geo.places.resolve import matcher_of, placed_spans
from geo.places.table import Gazetteer
from geo.places.words import DASHES

# "the village of X", "X village", "X District", "near X", "in X", "at X".
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u018f"
_NAME = rf"[{_UPPER}][\w'\u2019-]+(?:\s[{_UPPER}][\w'\u2019-]+){{0,2}}"
# the patterns below whose name is written as a settlement's
VILLAGE_CUES = frozenset({"village of", "village X", "X village"})
_UNRESOLVED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("village of", re.compile(r"\b(?:village|town|city|settlement) of (" + _NAME + ")")),
    ("village X", re.compile(r"\bvillages? (" + _NAME + ")")),
    ("X village", re.compile(r"\b(" + _NAME + r") (?:village|town)\b")),
    ("X district", re.compile(r"\b(" + _NAME + r") (?:[Dd]istrict|[Rr]ayon|[Pp]rovince|region)\b")),
    ("near", re.compile(r"\bnear (?:the )?(" + _NAME + ")")),
    ("in", re.compile(r"\bin (" + _NAME + ")")),
    ("at", re.compile(r"\bat (" + _NAME + ")")),
)
# Capitalized words after "in"/"at" that are not place names.
_NOT_PLACE_WORDS = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "The", "This", "That", "These", "Those", "His", "Her",
        "Their", "Its", "Our", "A", "An", "Soviet", "Russian", "English", "Armenian",
        "Azerbaijani", "Turkish", "Iranian", "Georgian", "Western", "Eastern", "Northern",
        "Southern", "Central", "Operation", "Resolution", "Article", "Chapter", "Section",
        "Parliament", "Congress", "Council", "Committee", "Ministry", "Minister", "President",
        "General", "Colonel", "Major", "Captain", "Lieutenant", "Mr", "Mrs", "Dr", "Human",
        "International", "United", "National", "Russia's", "World", "War", "Battle", "Army",
        "Armed", "Forces", "Defense", "Defence", "University", "Science", "Political",
        "Action", "Soldiers", "History", "Wars", "Institute", "Center", "Centre", "Foundation",
        "Union", "Republic", "State", "Government", "Office", "Church", "FY",
    }
)  # fmt: skip
# Demonyms and adjectives: "at Armenians", "in Azerbaijanis", "Armenian".
_DEMONYM_ENDINGS = ("ian", "ians", "ani", "anis", "ese", "ish", "ic")


# Surnames by their endings, without the -li/-lu that Azerbaijani village names share
# ("Azad Garagoyunlu village" is a place).
_FAMILY_NAME = re.compile(r"^[A-Z][a-z]+(?:yan|ian|yants|ov|ova|ev|eva|dze|shvili|enko)$")
# First words of two-word place names whose second word can look like a surname
# ("Nor Shahumyan"); without one, "Given Surname" is a person ("village Gagik Abazyan said").
_PLACE_PREFIXES = frozenset(
    {"Nor", "Verin", "Nerkin", "Mets", "Pokr", "Yukhari", "Ashaghi", "Boyuk", "Kichik", "Upper",
     "Lower", "New", "Old", "Greater", "Little"}
)  # fmt: skip


def _looks_like_place(name: str) -> bool:
    words = name.split()
    if any(w.strip("'\u2019") in _NOT_PLACE_WORDS for w in words):
        return False
    if len(words) >= 2 and words[0] not in _PLACE_PREFIXES and _FAMILY_NAME.match(words[-1]):
        return False
    if any(part[:1].islower() for w in words for part in w.split("-")):
        return False  # "Armenian-populated"
    return not name.endswith(_DEMONYM_ENDINGS) and len(name) > 2


def _is_known_compound(name: str, automaton: ahocorasick.Automaton) -> bool:
    # "Ganja-Kalbajar" (intersection) is two known places, not a missing one
    parts = re.split(f"[{DASHES}]", name)
    return len(parts) > 1 and any(automaton.exists(fold(part)) for part in parts)


def find_unresolved(
    gazetteer: Gazetteer, sentence: Sentence, mentions: Sequence[Mention]
) -> tuple[UnresolvedName, ...]:
    """List words that look like a place name but resolve to no gazetteer row.

    Call it on incident sentences: the "in X"/"at X" patterns are only meaningful there.

    Parameters
    ----------
    gazetteer
        The loaded gazetteer.
    sentence
        The sentence to scan.
    mentions
        What :func:`find_mentions` found in it; names overlapping them are skipped.

    Returns
    -------
    tuple of UnresolvedName
        Sorted by start; document offsets; ``cue`` says which pattern matched.
    """
    text = sentence.text
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    # a name whose every row the text contradicts ("X, near Y", none near Y) counts as missing
    known = placed_spans(gazetteer, text)
    automaton = matcher_of(gazetteer)
    found: dict[tuple[int, int], UnresolvedName] = {}
    for cue, pattern in _UNRESOLVED_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            possessive = re.search(r"['\u2019]s$", name)
            if possessive:
                name = name[: possessive.start()]
                end = start + len(name)
            if not _looks_like_place(name) or _is_known_compound(name, automaton):
                continue
            if any(s < end and start < e for s, e in (*taken, *known)):
                continue
            if any(s <= start and end <= e for s, e in found):
                continue
            found[(start, end)] = UnresolvedName(
                sentence=sentence,
                name=name,
                start=sentence.start + start,
                end=sentence.start + end,
                cue=cue,
            )
    return tuple(found[k] for k in sorted(found))
