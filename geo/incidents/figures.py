"""Read death figures from a clause: digits, number words, ranges and qualifiers.

"88 Armenian and 31–92 Azerbaijani soldiers dead" is one claim of 119–180 deaths; "at least 15"
has no upper bound; "up to sixteen" and "as many as 3,000" have no lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(list(NUMBER_WORDS)[:9]) + r"))?"
    r"|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|a\s+dozen|a\s+hundred)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_VALUE = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_LOWER_ONLY = ("at least", "more than", "over", "in excess of")
_UPPER_ONLY = ("up to", "as many as", "nearly", "almost", "fewer than", "less than")
_QUALIFIER = (
    r"(?P<q>at\s+least|more\s+than|over|in\s+excess\s+of|up\s+to|as\s+many\s+as|nearly"
    r"|almost|fewer\s+than|less\s+than|about|around|approximately|some|roughly)\s+"
)

_NUMBER = re.compile(
    rf"(?<![\w,.–-])(?:{_QUALIFIER})?(?P<low>{_VALUE})(?:\s*(?:–|—|-|to)\s*(?P<high>{_DIGITS}))?"
    r"(?P<plus>\+)?(?![\w,]*\d)",
    re.IGNORECASE,
)
_PEOPLE = (
    r"soldiers?|troops|servicem[ae]n|civilians|people|persons|Armenians|Azerbaijanis|Azeris"
    r"|men|women|children|fighters|militants|policem[ae]n|members|youths?|inhabitants|villagers"
    r"|pilots|crew(?:\s+members)?|officers|volunteers|guerrillas|conscripts|residents|victims"
)
_DEATH_NOUN = r"dead|killed|deaths|fatalities|casualties\s+killed"
# After the number: optional "of their/the", up to four adjectives, then a person or death noun.
_ADJECTIVE = (
    r"(?:[A-Z][\w-]*|more|other|ethnic|civilian|unarmed|local|armed|young|elderly|innocent)"
)
_HEAD = re.compile(
    rf"\s*(?:more\s+)?(?:of\s+(?:their|the|its)\s+)?(?:{_ADJECTIVE}\s+){{0,4}}?"
    rf"(?P<noun>{_PEOPLE}|{_DEATH_NOUN})\b",
)
_PARENTHESIS = re.compile(r"\([^()]*\)")
_DEATH_CUE = re.compile(
    r"\bkill(?:ed|ing)\b|\bdead\b|\bdied\b|\bdeaths?\b|\bdeath\s+toll\b|\bfatalities\b"
    r"|\blost\s+their\s+lives\b|\bperished\b|\bmassacred\b|\bmurdered\b|\bslain\b",
    re.IGNORECASE,
)
_NOT_DEATH = re.compile(
    r"^\s*(?:were\s+|was\s+)?(?:wounded|injured|missing|captured|taken|arrested|displaced|evacuated)",
    re.IGNORECASE,
)
_TOLL = re.compile(
    rf"\bdeath\s+toll\b[^.;]{{0,60}}?\b(?:to|of|at|reached|rose\s+to|stood\s+at)\s+"
    rf"(?:{_QUALIFIER})?(?P<low>{_DIGITS}|{_WORD_NUMBER})",
    re.IGNORECASE,
)
_CHAIN = re.compile(r"^[^.;,\d]{0,40}?\band\s+$")


@dataclass(frozen=True, slots=True)
class DeathFigure:
    """A stated number of deaths: ``None`` for a bound the text leaves open."""

    low: int | None
    high: int | None
    text: str


def _to_int(value: str) -> int:
    value = value.lower().replace(",", "").strip()
    if value.isdigit():
        return int(value)
    if value.startswith("a") and "dozen" in value:
        return 12
    if value.startswith("a") and "hundred" in value:
        return 100
    parts = re.split(r"[\s-]+", value)
    return sum(_TENS.get(part, NUMBER_WORDS.get(part, 0)) for part in parts)


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    low: int
    high: int
    qualifier: str
    noun: str


def _numbers(clause: str, masked: Sequence[tuple[int, int]]) -> Iterator[_Number]:
    for match in _NUMBER.finditer(clause):
        if any(start <= match.start("low") < end for start, end in masked):
            continue
        low = _to_int(match["low"])
        high = int(match["high"].replace(",", "")) if match["high"] else low
        if high < low or (1900 <= low <= 2030 and not match["q"]):
            continue
        head = _HEAD.match(clause, match.end())
        noun = head["noun"] if head else ""
        tail = clause[head.end() if head else match.end() :]
        if _NOT_DEATH.match(tail):
            continue
        end = head.end() if head else match.end()
        yield _Number(
            match.start(), end, low, high, " ".join((match["q"] or "").lower().split()), noun
        )


def find_deaths(clause: str, masked: Sequence[tuple[int, int]] = ()) -> list[DeathFigure]:
    """Find the death figures ``clause`` states.

    Parameters
    ----------
    clause
        One sentence or clause.
    masked
        Spans to ignore, such as the dates already found (``5`` in "5 October" is no toll).

    Returns
    -------
    list[DeathFigure]
        One figure per separately stated number; numbers joined by "and" before one noun
        ("88 Armenian and 31–92 Azerbaijani soldiers dead") are summed into one figure.
    """
    if not _DEATH_CUE.search(clause):
        return []
    # "91 Armenian (11 non-combat) and 94 Azerbaijani": asides must not break a sum.
    scan = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), clause)
    figures: list[DeathFigure] = []
    chain: list[_Number] = []
    for number in _numbers(scan, masked):
        if chain and _CHAIN.match(scan[chain[-1].end : number.start]):
            chain.append(number)
            continue
        figures.extend(_close(chain, clause))
        chain = [number]
    figures.extend(_close(chain, clause))
    toll = _TOLL.search(clause)
    if toll and not any(f.text and toll["low"] in f.text for f in figures):
        value = _to_int(toll["low"])
        qualifier = " ".join((toll["q"] or "").lower().split())
        figures.append(_bounded(value, value, qualifier, toll.group(0)))
    return figures


def _close(chain: list[_Number], clause: str) -> Iterator[DeathFigure]:
    if not chain or not chain[-1].noun:
        return
    text = clause[chain[0].start : chain[-1].end]
    low = sum(number.low for number in chain)
    high = sum(number.high for number in chain)
    yield _bounded(low, high, chain[0].qualifier, text)


def _bounded(low: int, high: int, qualifier: str, text: str) -> DeathFigure:
    if qualifier in _LOWER_ONLY:
        return DeathFigure(low, None, text)
    if qualifier in _UPPER_ONLY:
        return DeathFigure(None, high, text)
    return DeathFigure(low, high, text)


def span_figures(figures: Sequence[DeathFigure]) -> tuple[int | None, int | None]:
    """Return the lowest and highest death counts over several claims (``None`` if unstated)."""
    lows = [f.low for f in figures if f.low is not None]
    highs = [f.high for f in figures if f.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    if low is not None and high is not None and high < low:
        high = low
    if low is None and high is None and figures:
        return None, None
    return low, high
