"""What sits before and around a news text's first paragraph: header lines, date lines, datelines.

Saved pages, agency wires and copied news items carry their metadata in the text itself:
``Source:``/``Date:`` header lines, a stand-alone date line under the headline, and a dateline
opening the first paragraph (``BAKU, December 29. /TASS/.``). This module recognises those
forms; it never drops text: what it recognises becomes metadata and a non-sentence block.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

# Header lines of copied items and of our development corpora ("Source: URL" on line 1).
_HEADER = re.compile(
    r"^\s*(?P<key>source|url|link|date|published|publication date|posted|updated|author|title"
    r"|headline|categories|category|tags|section)\s*:\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
_HEADER_KEYS = {
    "source": "source",
    # kept apart from "Source:": a page saved with both lines ("Source: Tut.am", then "URL:
    # .../2018/09/17/...") has its date in the address
    "url": "url",
    "link": "url",
    "date": "date",
    "published": "date",
    "publication date": "date",
    "posted": "date",
    "updated": "updated",
    "author": "author",
    "title": "title",
    # a blog's or an aggregator's labels above the headline ("Categories: 2020" on a repost
    # of CivilNet; devset 20's "Categories" block)
    "categories": "categories",
    "category": "categories",
    "tags": "tags",
    "section": "section",
    "headline": "title",
}
# Page stores prefix the first line with the date they recorded: " date 2016-12-29 ...".
_DATE_PREFIX = re.compile(r"^\s*date\s+(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b\s*")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" + (
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CITY = r"[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2}"
_DATELINE_DATE = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTH}))"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
_AGENCY = r"(?:\([A-Z][\w .&-]{1,30}\)|/[A-Z][\w .-]{1,20}/\.?|[A-Z]{3,}[A-Z.]*|[A-Z][a-z]+:)"
# Wire datelines, as the agencies of both sides and the international wires write them:
# BAKU, December 29. /TASS/. | Tartar, September 28, AZERTAC | Baku, Azerbaijan, Nov. 27 |
# BAKU, Azerbaijan (AP) _ | YEREVAN (Combined Sources) — | YEREVAN. –
# A date or an agency is required, so "Baku, the capital, ..." stays prose.
_DATELINE = re.compile(
    rf"^(?P<city>{_CITY})(?:,\s+(?P<country>[A-Z][a-z]+))?"
    rf"(?:(?:,\s+{_DATELINE_DATE}\.?(?:,?\s*(?P<agency1>{_AGENCY}))?)"
    rf"|(?:\s+(?P<agency2>\([A-Z][\w .&-]{{1,30}}\))))"
    r"\.?\s*(?:[_–—-]+\s*|:\s*)?(?=\s|$)"
    rf"|^(?P<caps>[A-Z]{{3,}}(?:[ -][A-Z]{{3,}})?)\.\s*[–—-]\s*(?=\S)"
)
# Turan's house dateline, "Baku / 07.07.17 / Turan:": the day first, in the dotted numbers that
# post-Soviet outlets also use in their date lines ("20.07.2021 [12:25]" on Azertag,
# "28.04.2016 09:42" on peacekeeper.ru); a two-digit year only inside this frame.
_SLASHED_DATELINE = re.compile(
    rf"^(?P<city>{_CITY})\s*/\s*(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)\s*/"
    r"\s*[A-Z][\w.-]{1,20}\s*:\s*(?=\S)"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:[0-3]?\d[./][01]?\d[./](?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d)"
)
_MONTH_WORD = re.compile(rf"\b{_MONTH}(?!\w)")
# "/2020/10/5/" and "-1992-03-06-" in news sites' article paths.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"
    r"|[-_/](?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?=[-_/.]|$)"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
# A range ("12–14 September") is no one date; a label glued to it ("Date12") is an infobox cell.
_NOT_ONE_DATE = re.compile(r"\d\s*[–—]\s*\d|[A-Za-z]{2}\d")
# A date line may carry a clock time, a weekday, a time zone or a section name beside the date.
_DATE_LINE_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire dateline: where the item was filed and, often, the month and day."""

    text: str
    city: str
    month: int | None
    day: int | None
    year: int | None


def split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Take header lines (``Source:``, ``Date:``, a store's date prefix) off the top.

    Returns
    -------
    tuple[dict[str, str], list[str]]
        The header fields by canonical key (``source``, ``date``, ``title``, ...; a store's
        date prefix as ``date_prefix``) and the remaining lines.
    """
    fields: dict[str, str] = {}
    position = 0
    while position < len(lines):
        line = lines[position]
        header = _HEADER.match(line)
        if not line.strip():
            position += 1
        elif header:
            fields.setdefault(_HEADER_KEYS[header["key"].lower()], header["value"])
            position += 1
        else:
            break
    rest = lines[position:]
    if rest:
        prefix = _DATE_PREFIX.match(rest[0])
        if prefix:
            fields["date_prefix"] = prefix["iso"]
            rest = [rest[0][prefix.end() :], *rest[1:]]
    return fields, rest


def match_dateline(text: str) -> Dateline | None:
    """Return the dateline that opens ``text``, if it has one."""
    slashed = _SLASHED_DATELINE.match(text)
    if slashed is not None:
        return _slashed_dateline(slashed)
    found = _DATELINE.match(text)
    if found is None:
        return None
    month_name = found["m1"] or found["m2"]
    day = found["d1"] or found["d2"]
    return Dateline(
        text=found.group(0).strip(),
        city=found["city"] or found["caps"] or "",
        month=_MONTHS[month_name.lower().rstrip(".")] if month_name else None,
        day=int(day) if day else None,
        year=int(found["y"]) if found["y"] else None,
    )


def _slashed_dateline(found: re.Match[str]) -> Dateline | None:
    month, day, year = int(found["m"]), int(found["d"]), int(found["y"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    # "07.07.17": the item is a news item of this century or the last decade of the one before
    full_year = year if year >= 100 else (2000 + year if year < 90 else 1900 + year)
    return Dateline(found.group(0).strip(), found["city"], month, day, full_year)


# A line that is only a date, as timelines head each day: "14 March", "March 14, 2020", "1988",
# "Wednesday, 18 January".
_BARE_DATE = re.compile(
    r"^(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:[0-3]?\d\s+{_MONTH}|{_MONTH}\s+[0-3]?\d)(?:,?\s+(?:19|20)\d\d)?\s*:?$"
    rf"|^(?:{_MONTH}\s+)?(?:19|20)\d\d\s*:?$"
)


def is_bare_date(line: str) -> bool:
    """Tell whether ``line`` holds only a date, with or without a year (a timeline's heading)."""
    return _BARE_DATE.match(line.strip()) is not None


# A page's own time stamps, anywhere among its first lines: "- Published Date: 07:00 | 23 July
# 2021", "Modified Date: ...", "Posted on 3 May 2016", "Last updated: 5 June 2020 10:12".
_STAMP = re.compile(
    r"^\s*[•*·–-]?\s*(?P<label>published|posted|modified|updated|last\s+updated)"
    r"(?:\s+(?:date|on|at))?\s*:?\s+",
    re.IGNORECASE,
)


def page_stamp(line: str) -> tuple[str, dt.date] | None:
    """Return the label ("published", "updated", ...) and date of a page's time stamp line."""
    found = _STAMP.match(line)
    if found is None:
        return None
    day = parse_date_line(line[found.end() :])
    return None if day is None else (found["label"].lower(), day)


def parse_date_line(line: str) -> dt.date | None:
    """Return the date of a line that holds only a date (with a time, weekday or zone beside it).

    "July 4, 1993", "20.07.2021 [12:25]", "2014 August 01 (Friday) 14:09:13": a full date with
    a year; a line of prose that happens to contain a date is not a date line.
    """
    line = line.strip().lstrip("•*·-–").strip()  # a date in a bulleted page widget
    if not _YEAR.search(line) or not (_MONTH_WORD.search(line) or _NUMERIC_DATE.search(line)):
        return None
    if len(line.split()) > 12 or line.rstrip().endswith((".", "!", "?", ";")):
        return None
    if _NOT_ONE_DATE.search(line):
        return None
    # Two different defaults tell a written day from one dateutil filled in (by default from
    # the clock, which must never reach an output).
    try:
        parsed, skipped = _parse_fuzzy(line, _DEFAULT_A)
        again, _ = _parse_fuzzy(line, _DEFAULT_B)
    except (date_parser.ParserError, OverflowError, ValueError):
        return None
    words = [w for token in skipped for w in _WORD.findall(token)]
    if len(words) > _DATE_LINE_MAX_WORDS or parsed.date() != again.date():
        return None
    return parsed.date()


_DEFAULT_A = dt.datetime(1904, 1, 1)  # noqa: DTZ001 - a calendar default, no instant
_DEFAULT_B = dt.datetime(1908, 2, 2)  # noqa: DTZ001


def _parse_fuzzy(line: str, default: dt.datetime) -> tuple[dt.datetime, tuple[str, ...]]:
    parsed, skipped = date_parser.parse(
        line, fuzzy_with_tokens=True, dayfirst=True, ignoretz=True, default=default
    )
    return parsed, tuple(skipped)


def parse_iso_date(value: str) -> dt.date | None:
    """Read a metadata date such as ``2022-02-13`` or ``2022-02-13T10:00:00Z``."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return parse_date_line(value)


def url_date(url: str) -> dt.date | None:
    """Return the date news sites put in their article paths (``/2020/10/5/``)."""
    found = _URL_DATE.search(url)
    if found is None:
        return None
    year, month, day = (
        found["y"] or found["y2"],
        found["m"] or found["m2"],
        found["d"] or found["d2"],
    )
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def dateline_date(dateline: Dateline, reference: dt.date | None) -> dt.date | None:
    """Date a dateline; a dateline without a year takes the latest year not after ``reference``."""
    if dateline.month is None or dateline.day is None:
        return None
    year = dateline.year or (reference.year if reference else None)
    if year is None:
        return None
    try:
        found = dt.date(year, dateline.month, dateline.day)
        if dateline.year is None and reference is not None and found > reference:
            found = dt.date(year - 1, dateline.month, dateline.day)
    except ValueError:
        return None
    return found
