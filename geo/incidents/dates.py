"""Find date expressions in a sentence and turn them into date ranges with a precision.

Full dates, month-year, year, parts of months and seasons, ranges, yearless dates that take
their year from context, and relative dates ("the next day", "five days later") are handled.
Everything is regular expressions over one sentence, so the cost is linear in the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from geo.incidents.figures import NUMBER_WORDS
from geo.model import DatePrecision, DateRange

MIN_YEAR = 1900
MAX_YEAR = 2030

MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {abbr.lower(): number for number, abbr in enumerate(calendar.month_abbr) if abbr}
    | {"sept": 9}
)

# "five days later", "a few days later": counting words a relative date may use.
_NUMBER_WORDS = {
    **{word: value for word, value in NUMBER_WORDS.items() if value <= 10},
    "a few": 3,
    "several": 3,
}

# The wires abbreviate in AP style, with a full stop: "on Sept. 27", "since Feb. 25" (Trend,
# Stratfor, RFE/RL, Reuters reprints).
# AP's timelines and the agencies' datelines write months in capitals ("FEB. 28, 1988 -",
# "NOV. 20, 1991 -", "STEPANAKERT, FEBRUARY 21"): capitals too, an abbreviation only with its
# full stop and "MAY" only before a day, so that words of a capitalised headline stay words.
_MONTH = (
    r"(?P<{name}>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|MAY(?=\s+\d)|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.)"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)(?!\d)"
_PART = (
    r"(?:(?P<{name}>(?i:early|mid|late|end of|beginning of|start of|(?:the\s+)?first\s+days\s+of"
    r"|(?:the\s+)?last\s+days\s+of))[\s-]+(?:of\s+)?)?"
)
_DASH = r"\s*(?:–|—|-|to|until|till|through)\s*"


# A yearless date this close after the item's own date, in a sentence in the future tense, is
# a date the item looks ahead to.
_FUTURE_DAYS = dt.timedelta(days=45)
_FUTURE_WORDS = re.compile(
    r"\b(?i:will|shall|(?:is|are)\s+(?:to|due\s+to|expected\s+to)|scheduled|planned|upcoming)\b"
)


def _p(template: str, name: str) -> str:
    return template.format(name=name)


@dataclass(frozen=True, slots=True)
class WarSpan:
    """A war or phase a text names ("the 44-day war"), as the years a yearless date may take."""

    name: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a yearless or relative date can lean on, besides the sentence itself.

    In the order a reader uses them: the year of the heading or of an earlier sentence
    (``year``, described by ``year_from``), a war the document names (``war``), and the item's
    own date (``item_date``, read from ``item_date_from``), which no event it reports follows.
    """

    year: int | None = None
    year_from: str = ""
    war: WarSpan | None = None
    item_date: dt.date | None = None
    item_date_from: str = ""

    def describe_item_date(self) -> str:
        """Say where the item's date came from, for the ``date_inferred`` reason."""
        return f"the item's date {self.item_date} ({self.item_date_from})"


# Order matters: longer, more specific forms first; a span claimed by one form is not reused.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        # 1 and 5 April 2016 / 1–5 April 2016
        (
            "day_day_month_year",
            rf"\b{_p(_DAY, 'd1')}(?:\s+and\s+|{_DASH}){_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm')}"
            rf",?\s+{_p(_YEAR, 'y')}",
        ),
        # 8 April and 16 June 2016 / 27 September – 10 November 2020
        (
            "day_month_day_month_year",
            rf"\b{_p(_DAY, 'd1')}\s+{_p(_MONTH, 'm1')}(?:\s+and\s+|{_DASH}){_p(_DAY, 'd2')}\s+"
            rf"{_p(_MONTH, 'm2')},?\s+{_p(_YEAR, 'y')}",
        ),
        # 20 February 1988 – 12 May 1994
        (
            "full_range",
            rf"\b{_p(_DAY, 'd1')}\s+{_p(_MONTH, 'm1')},?\s+{_p(_YEAR, 'y1')}{_DASH}"
            rf"{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm2')},?\s+{_p(_YEAR, 'y2')}",
        ),
        # the American order of Wikipedia and the wires: June 20–21, 2010
        (
            "month_day_day_year",
            rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')},?\s+{_p(_YEAR, 'y')}",
        ),
        # the American order across months: "February 27 – March 1, 1988" (devset 01's infobox,
        # and the infoboxes of Wikipedia's battle pages generally)
        (
            "month_day_month_day_year",
            rf"\b{_p(_MONTH, 'm1')}\s+{_p(_DAY, 'd1')}{_DASH}{_p(_MONTH, 'm2')}\s+"
            rf"{_p(_DAY, 'd2')},?\s+{_p(_YEAR, 'y')}",
        ),
        ("day_month_year", rf"\b{_p(_DAY, 'd')}\s+{_p(_MONTH, 'm')},?\s+{_p(_YEAR, 'y')}"),
        # Tables and date stamps put the year first: "1990 January 19–20", "2014 August 01"
        # (the massacre lists of devset 10 and 11, the agency stamps of devnews)
        (
            "year_month_day",
            rf"\b{_p(_YEAR, 'y')}\s+{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd1')}"
            rf"(?:{_DASH}(?:{_p(_MONTH, 'm2')}\s+)?{_p(_DAY, 'd2')})?\b(?!,?\s+(?:19|20)\d\d)",
        ),
        ("month_day_year", rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')},?\s+{_p(_YEAR, 'y')}"),
        # "from August 1993 to January 1994", "February 1988 – May 1994", "between October
        # 1991 and April 1992" (the first war's span on Wikipedia, agencies' histories)
        (
            "month_year_range",
            rf"\b(?:(?P<btw>(?i:between))\s+)?{_p(_MONTH, 'm1')}\s+{_p(_YEAR, 'y1')}"
            rf"(?(btw)\s+and\s+|{_DASH}){_p(_MONTH, 'm2')}\s+{_p(_YEAR, 'y2')}",
        ),
        # from late April through early June 2012 / between January and September 2020
        (
            "month_month_year",
            rf"\b{_p(_PART, 'p1')}{_p(_MONTH, 'm1')}(?:\s+and\s+|{_DASH}){_p(_PART, 'p2')}"
            rf"{_p(_MONTH, 'm2')}"
            rf",?\s+(?:of\s+)?{_p(_YEAR, 'y')}",
        ),
        (
            "part_month_year",
            rf"\b{_p(_PART, 'p')}{_p(_MONTH, 'm')},?\s+(?:of\s+)?{_p(_YEAR, 'y')}",
        ),
        # News counts years from its own date: "in the last days of May this year", "in
        # April last year" (devnews 13; the ministries' statements)
        (
            "month_item_year",
            rf"\b{_p(_PART, 'p')}{_p(_MONTH, 'm')},?\s+(?:of\s+)?"
            r"(?P<which>(?i:this|last))\s+year\b",
        ),
        (
            "season_year",
            r"\b(?:(?P<p>(?i:early|mid|late))[\s-]+)?(?P<s>(?i:winter|spring|summer|autumn|fall))"
            rf"(?:\s+of)?\s+{_p(_YEAR, 'y')}(?:[–-](?P<y2>(?:19|20)\d\d))?",
        ),
        ("year_month", rf"\b{_p(_YEAR, 'y')}\s+{_p(_MONTH, 'm')}\b(?!\s+\d)"),
        ("year_range", rf"\b{_p(_YEAR, 'y1')}{_DASH}{_p(_YEAR, 'y2')}"),
        ("between_years", rf"\b(?i:between)\s+{_p(_YEAR, 'y1')}\s+and\s+{_p(_YEAR, 'y2')}"),
        # Dates that carry a year come before yearless ones, which borrow the year before them.
        # not a decade: "the early 1990s" is ten years, not early 1990
        # "began at the end of 1987" (seed 004, an Azerbaijani long read)
        (
            "part_year",
            rf"\b(?P<p>(?i:early|mid|late|end\s+of|beginning\s+of|start\s+of))[\s-]+"
            rf"{_p(_YEAR, 'y')}(?!s\b)",
        ),
        ("year", rf"(?<![\d,.])\b{_p(_YEAR, 'y')}\b(?![–-]\d)"),
        ("relative_year", r"\b(?i:(?:the\s+)?(?P<which>following|next|same|previous)\s+year)\b"),
        (
            "month_month",
            rf"\b{_p(_PART, 'p1')}{_p(_MONTH, 'm1')}{_DASH}{_p(_PART, 'p2')}{_p(_MONTH, 'm2')}\b",
        ),
        # yearless day ranges: "the night of 8–9 May" (devset 07), "12–14 September" (devset 19)
        (
            "day_day_month",
            rf"\b{_p(_DAY, 'd1')}(?:\s+and\s+|{_DASH}){_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm')}\b",
        ),
        ("month_day_day", rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')}\b"),
        ("day_month", rf"\b{_p(_DAY, 'd')}\s+{_p(_MONTH, 'm')}\b"),
        ("month_day", rf"\b{_p(_MONTH, 'm')}\s+{_p(_DAY, 'd')}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)"),
        (
            "part_month",
            r"\b(?P<p>(?i:early|mid|late|(?:the\s+)?(?:first|last)\s+days\s+of))[\s-]+"
            rf"{_p(_MONTH, 'm')}\b",
        ),
        ("month_only", rf"\b(?i:in|of|during|by|since|until)\s+{_p(_MONTH, 'm')}\b(?!\s+\d)"),
        (
            "relative_days",
            r"\b(?i:(?P<phrase>(?:the\s+)?(?:next|following)\s+(?:day|night|morning|evening)"
            r"|(?:the\s+)?same\s+(?:day|night)"
            r"|(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
            r"\s+(?P<unit>days?|weeks?|months?)\s+later))",
        ),
        ("same_month", r"\b(?i:(?:the\s+)?same\s+month)\b"),
        ("same_time", r"\b(?i:at\s+the\s+same\s+time|meanwhile)\b"),
        # News dates events by the day it appeared: "on Sunday", "Thursday night", "today".
        (
            "weekday",
            r"\b(?:(?i:on|late|early|last)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday"
            r"|Saturday|Sunday)(?:\s+(?i:morning|afternoon|evening|night))?\b",
        ),
        # The wires count weeks and months from their own day: "lost its last foothold in the
        # enclave last week" (AP), "incidents reported earlier this week" (RFE/RL).
        (
            "item_period",
            r"\b(?i:(?P<rolling>(?:in|over|during|within)\s+the\s+)?"
            r"(?P<which>last|past|previous|earlier\s+this|this)\s+(?P<unit>week|month))\b",
        ),
        # "After border clashes two weeks ago that killed almost 200 soldiers" (Reuters): a
        # count back from the item's own day.
        (
            "ago",
            r"\b(?i:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few"
            r"|several)\s+(?P<unit>days?|weeks?|months?)\s+ago)\b",
        ),
        (
            "deictic",
            # "(today the Armenian provinces ...)" (seed 004; "(today known as" elsewhere),
            # "what is today Azerbaijan", "today's Armenia": nowadays, not the item's day.
            r"\b(?i:(?P<today>(?:earlier\s+)?(?<!\()(?<!\bis\s)(?<!\bare\s)today"
            r"(?!['’]s\b)(?!\s+(?:known|called|named|part|the|a|an)\b)"
            r"|this\s+(?:morning|afternoon|evening)|tonight)"
            r"|(?P<yesterday>yesterday|last\s+night)|(?P<overnight>overnight))\b",
        ),
    )
)


# Every date form needs a month name, a year or a relative word; three cheap scans tell which
# patterns can match at all, so most sentences run few or none of them.
_SIGNALS = {
    "month": re.compile(
        r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
        r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    ),
    "year": re.compile(r"(?:19|20)\d\d"),
    "relative": re.compile(
        r"\b(?i:next|following|same|previous|later|meanwhile|this|last|past|ago)\b"
    ),
    "deictic": re.compile(
        r"day\b|(?i:tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening))"
    ),
}
_NEEDS = {
    "day_day_month_year": {"month", "year"},
    "day_month_day_month_year": {"month", "year"},
    "full_range": {"month", "year"},
    "month_day_month_day_year": {"month", "year"},
    "day_month_year": {"month", "year"},
    "month_day_day_year": {"month", "year"},
    "day_day_month": {"month"},
    "month_day_day": {"month"},
    "year_month_day": {"month", "year"},
    "year_month": {"month", "year"},
    "month_day_year": {"month", "year"},
    "month_year_range": {"month", "year"},
    "month_month_year": {"month", "year"},
    "part_month_year": {"month", "year"},
    "month_item_year": {"month", "relative"},
    "season_year": {"year"},
    "year_range": {"year"},
    "between_years": {"year"},
    "part_year": {"year"},
    "year": {"year"},
    "relative_year": {"relative"},
    "month_month": {"month"},
    "day_month": {"month"},
    "month_day": {"month"},
    "part_month": {"month"},
    "month_only": {"month"},
    "relative_days": {"relative"},
    "same_month": {"relative"},
    "same_time": {"relative"},
    "item_period": {"relative"},
    "ago": {"relative"},
    "weekday": {"deictic"},
    "deictic": {"deictic"},
}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a sentence: its span and the range it stands for."""

    start: int
    end: int
    kind: str
    when: DateRange
    is_relative: bool = False
    has_year: bool = True


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    part = " ".join((part or "").lower().split())
    # "in the first days of March", "in the last days of May" (ANI's 1991 chronicle, APA)
    part = _DAYS_PARTS.get(part.removeprefix("the "), part)
    if part == "early" or part in {"beginning of", "start of"}:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part in {"late", "end of"}:
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


_SEASONS = {
    "winter": (1, 2),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
}


def _season_range(year: int, season: str, part: str | None) -> tuple[dt.date, dt.date]:
    first, last = _SEASONS[season.lower()]
    if part == "early":
        last = first
    elif part == "late":
        first = last
    return dt.date(year, first, 1), _month_end(year, last)


_DAYS_PARTS = {"first days of": "early", "last days of": "late"}
_YEAR_PARTS = {"end of": "late", "beginning of": "early", "start of": "early"}


def _year_part(year: int, written: str) -> tuple[dt.date, dt.date]:
    part = " ".join(written.lower().split())
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[_YEAR_PARTS.get(part, part)]
    return dt.date(year, months[0], 1), _month_end(year, months[1])


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A weekday names a day of the item's own week; text dated far from the item's date (an
# encyclopedia article with a crawl date) is not talking about that week.
_WEEK_DAYS = 7
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class _Resolver:
    """Turns one regex match into a DateRange given the year (and date) context."""

    def __init__(
        self,
        context: DateContext,
        year_in_text: int | None,
        previous: DateRange | None,
        *,
        looks_ahead: bool = False,
    ) -> None:
        self.context = context
        self.year_in_text = year_in_text
        self.previous = previous
        self.looks_ahead = looks_ahead
        self.inferred = ""

    @property
    def context_year(self) -> int | None:
        """The year of the text before the match or of the context, for relative years."""
        return self.year_in_text if self.year_in_text is not None else self.context.year

    def resolve(self, kind: str, match: re.Match[str]) -> DateMatch | None:
        handler = getattr(self, f"_{kind}")
        self.inferred = ""
        result: tuple[dt.date, dt.date, DatePrecision, bool, bool] | None = handler(match)
        if result is None:
            return None
        start, end, precision, is_relative, has_year = result
        if end < start or not (_valid_year(start.year) and _valid_year(end.year)):
            return None
        when = DateRange(start, end, precision, match.group(0), self.inferred)
        return DateMatch(match.start(), match.end(), kind, when, is_relative, has_year)

    def _year_of(self, month: int, day: int = 1) -> int | None:
        """Give a yearless month (and day) its year, and say where the year came from."""
        if self.year_in_text is not None:
            return self.year_in_text
        context = self.context
        item = context.item_date
        year = context.year
        if year is not None:
            candidate = _day(year, month, day)
            if item is None or candidate is None or candidate <= item:
                self.inferred = f"year from {context.year_from}"
                return year
        war = context.war
        if war is not None:
            fits = [
                y
                for y in range(war.start.year, war.end.year + 1)
                if (found := _day(y, month, day)) is not None and war.start <= found <= war.end
            ]
            if len(fits) == 1:
                self.inferred = f"year from '{war.name}' named in the text"
                return fits[0]
        if item is not None:
            ahead = _day(item.year, month, day)
            if self.looks_ahead and ahead is not None and item < ahead <= item + _FUTURE_DAYS:
                # "he will discuss ... when the two meet in Paris on June 18" in an item of 6
                # June: a date just after the item that the text looks ahead to, not the
                # same day a year before ("shelled on 30 December" in an item of the 29th is)
                return None
            self.inferred = f"latest such date not after {context.describe_item_date()}"
            return item.year if (month, day) <= (item.month, item.day) else item.year - 1
        return None

    # Each handler returns (start, end, precision, is_relative, has_year) or None.
    def _day_day_month_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        year, month = int(m["y"]), _month_number(m["m"])
        start, end = _day(year, month, int(m["d1"])), _day(year, month, int(m["d2"]))
        return None if start is None or end is None else (start, end, "day", False, True)

    def _day_month_day_month_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        year = int(m["y"])
        m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
        start_year = year - 1 if m1 > m2 else year
        start, end = _day(start_year, m1, int(m["d1"])), _day(year, m2, int(m["d2"]))
        return None if start is None or end is None else (start, end, "day", False, True)

    def _full_range(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        start = _day(int(m["y1"]), _month_number(m["m1"]), int(m["d1"]))
        end = _day(int(m["y2"]), _month_number(m["m2"]), int(m["d2"]))
        return None if start is None or end is None else (start, end, "day", False, True)

    def _day_month_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        day = _day(int(m["y"]), _month_number(m["m"]), int(m["d"]))
        return None if day is None else (day, day, "day", False, True)

    _month_day_year = _day_month_year
    _month_day_month_day_year = _day_month_day_month_year

    def _month_item_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        # "in the last days of May this year" after a sentence on 1992 (APA, 2018): the
        # writer's year, however far back the sentence before went, unlike a weekday
        item = self.context.item_date
        if item is None:
            return None
        year = item.year - (1 if m["which"].lower() == "last" else 0)
        start, end = _month_range(year, _month_number(m["m"]), m["p"])
        if start > item:
            return None
        self.inferred = f"'{m['which']} year' counted from {self.context.describe_item_date()}"
        return start, end, "month", True, False

    def _year_month_day(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        year, month = int(m["y"]), _month_number(m["m"])
        end_month = _month_number(m["m2"]) if m["m2"] else month
        start = _day(year, month, int(m["d1"]))
        end = _day(year, end_month, int(m["d2"] or m["d1"]))
        if start is None or end is None or end < start:
            return None
        return start, end, "day", False, True

    def _year_month(self, m: re.Match[str]) -> tuple[dt.date, dt.date, DatePrecision, bool, bool]:
        start, end = _month_range(int(m["y"]), _month_number(m["m"]), None)
        return start, end, "month", False, True

    def _month_month_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        year = int(m["y"])
        m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
        if m1 > m2:
            return None
        start = _month_range(year, m1, m["p1"])[0]
        end = _month_range(year, m2, m["p2"])[1]
        return start, end, "month", False, True

    def _month_year_range(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        start = _month_range(int(m["y1"]), _month_number(m["m1"]), None)[0]
        end = _month_range(int(m["y2"]), _month_number(m["m2"]), None)[1]
        return None if end < start else (start, end, "month", False, True)

    def _month_month(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
        year = self._year_of(m1)
        if year is None or m1 > m2:
            return None
        start = _month_range(year, m1, m["p1"])[0]
        end = _month_range(year, m2, m["p2"])[1]
        return start, end, "month", False, False

    def _part_month_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool]:
        start, end = _month_range(int(m["y"]), _month_number(m["m"]), m["p"])
        return start, end, "month", False, True

    def _season_year(self, m: re.Match[str]) -> tuple[dt.date, dt.date, DatePrecision, bool, bool]:
        if m["y2"] and m["s"].lower() == "winter":
            # "the winter of 1991–1992" runs from December of the first year.
            return dt.date(int(m["y"]), 12, 1), _month_end(int(m["y2"]), 2), "month", False, True
        start, end = _season_range(int(m["y"]), m["s"], (m["p"] or "").lower() or None)
        return start, end, "month", False, True

    def _year_range(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        first, last = int(m["y1"]), int(m["y2"])
        return (
            (dt.date(first, 1, 1), dt.date(last, 12, 31), "year", False, True)
            if first <= last
            else None
        )

    _between_years = _year_range

    def _day_month(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        month, day_of_month = _month_number(m["m"]), int(m["d"])
        if not 1 <= day_of_month <= calendar.monthrange(2000, month)[1]:
            return None
        year = self._year_of(month, day_of_month)
        day = None if year is None else _day(year, month, day_of_month)
        return None if day is None else (day, day, "day", False, False)

    _month_day = _day_month

    def _day_day_month(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        month, first, last = _month_number(m["m"]), int(m["d1"]), int(m["d2"])
        if not 1 <= first < last <= calendar.monthrange(2000, month)[1]:
            return None
        year = self._year_of(month, first)
        start = None if year is None else _day(year, month, first)
        end = None if year is None else _day(year, month, last)
        return None if start is None or end is None else (start, end, "day", False, False)

    _month_day_day = _day_day_month
    _month_day_day_year = _day_day_month_year

    def _part_year(self, m: re.Match[str]) -> tuple[dt.date, dt.date, DatePrecision, bool, bool]:
        start, end = _year_part(int(m["y"]), m["p"])
        return start, end, "year", False, True

    def _part_month(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        month = _month_number(m["m"])
        year = self._year_of(month)
        if year is None:
            return None
        start, end = _month_range(year, month, m["p"])
        return start, end, "month", False, False

    def _month_only(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        month = _month_number(m["m"])
        year = self._year_of(month)
        if year is None:
            return None
        start, end = _month_range(year, month, None)
        return start, end, "month", False, False

    def _weekday(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        item = self._item_week()
        if item is None:
            return None
        back = (item.weekday() - _WEEKDAYS.index(m["w"].lower())) % 7
        day = item - dt.timedelta(days=back)
        self.inferred = f"the {m['w']} on or before {self.context.describe_item_date()}"
        return day, day, "day", True, False

    def _deictic(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        item = self._item_week()
        if item is None:
            return None
        day = item if m["today"] else item - dt.timedelta(days=1)
        self.inferred = f"'{m.group(0)}' counted from {self.context.describe_item_date()}"
        # "overnight" in a wire is the night that ends on the item's day
        end = item if m["overnight"] else day
        return day, end, "day", True, False

    def _item_period(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        item = self._item_week()
        if item is None:
            return None
        which = " ".join(m["which"].lower().split())
        is_week = m["unit"].lower() == "week"
        self.inferred = f"'{m.group(0)}' counted from {self.context.describe_item_date()}"
        # the days up to the item: "in the past week"; "in the last week" is the same span,
        # while a bare "last week" is the calendar week before
        if which == "past" or (m["rolling"] and which == "last"):
            start = item - dt.timedelta(days=6 if is_week else 29)
            return start, item, "day", True, False
        is_last = which in ("last", "previous")
        if is_week:  # calendar weeks, from Monday
            monday = item - dt.timedelta(days=item.weekday())
            start = monday - dt.timedelta(days=7) if is_last else monday
            return start, start + dt.timedelta(days=6) if is_last else item, "day", True, False
        first = item.replace(day=1)
        if is_last:
            end = first - dt.timedelta(days=1)
            return end.replace(day=1), end, "month", True, False
        return first, item, "day", True, False

    def _ago(self, m: re.Match[str]) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        item = self._item_week()
        if item is None:
            return None
        word = " ".join(m["n"].lower().split())
        unit = m["unit"].lower().rstrip("s")
        self.inferred = f"'{m.group(0)}' counted from {self.context.describe_item_date()}"
        # "several days ago" is vaguer than "three days ago": from two to seven units back
        low, high = (2, 7) if word in ("a few", "several") else (_ago_count(word),) * 2
        if unit == "month":
            first = item.replace(day=1)
            start = first - relativedelta(months=high)
            end = first - relativedelta(months=low - 1) - dt.timedelta(days=1)
            return start, end, "month", True, False
        days = 7 if unit == "week" else 1
        # a count of weeks is a round figure: the week around the day it points at
        slack = 3 if unit == "week" and low == high else 0
        start = item - dt.timedelta(days=high * days + slack)
        end = min(item, item - dt.timedelta(days=low * days - slack))
        return start, end, "day", True, False

    def _item_week(self) -> dt.date | None:
        item = self.context.item_date
        previous = self.previous
        if item is None:
            return None
        if previous is not None and abs((item - previous.end).days) > _WEEK_DAYS:
            return None
        return item

    def _year(self, m: re.Match[str]) -> tuple[dt.date, dt.date, DatePrecision, bool, bool]:
        year = int(m["y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False, True

    def _relative_days(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        previous = self.previous
        if previous is None or previous.precision != "day":
            return None
        phrase = m["phrase"].lower()
        if "same" in phrase:
            return previous.end, previous.end, "day", True, False
        if m["n"]:
            count = _NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
            unit = m["unit"].lower().rstrip("s")
            step = relativedelta(
                days=count if unit == "day" else 0,
                weeks=count if unit == "week" else 0,
                months=count if unit == "month" else 0,
            )
        else:
            step = relativedelta(days=1)
        day = previous.end + step
        return day, day, "day", True, False

    def _same_month(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        previous = self.previous
        if previous is None or previous.precision == "year":
            return None
        start, end = _month_range(previous.start.year, previous.start.month, None)
        return start, end, "month", True, False

    def _same_time(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        previous = self.previous
        if previous is None:
            return None
        return previous.start, previous.end, previous.precision, True, False

    def _relative_year(
        self, m: re.Match[str]
    ) -> tuple[dt.date, dt.date, DatePrecision, bool, bool] | None:
        base = self.context_year or (self.previous.start.year if self.previous else None)
        if base is None:
            return None
        year = base + {"following": 1, "next": 1, "same": 0, "previous": -1}[m["which"].lower()]
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True, True


def _ago_count(word: str) -> int:
    return 1 if word in ("a", "an") else _NUMBER_WORDS.get(word) or int(word)


def find_dates(
    text: str,
    *,
    context_year: int | None = None,
    previous: DateRange | None = None,
    context: DateContext | None = None,
) -> list[DateMatch]:
    """Find every date expression in ``text``, in order of position.

    Parameters
    ----------
    text
        One sentence or clause.
    context_year
        Year for dates written without one ("On 15 November"); a shorthand for a
        :class:`DateContext` with only a year. Without any context such dates are skipped.
    previous
        The last date established before this text, for relative dates ("the next day").
    context
        The heading's or earlier sentences' year, a war the text names, the item's own date.

    Returns
    -------
    list[DateMatch]
        Non-overlapping matches; a yearless date after a dated one in the same text takes
        that one's year. A date whose year or day came from outside the text says how in
        ``when.inferred``.
    """
    signals = _signals_in(text)
    if not signals:
        return []
    if context is None:
        context = DateContext(year=context_year, year_from="the text before")
    claimed: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    looks_ahead = _FUTURE_WORDS.search(text) is not None
    for kind, pattern in _patterns_for(signals):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in claimed):
                continue
            anchor = _day_before(found, match.start()) or previous
            resolver = _Resolver(
                context, _year_before(found, match.start()), anchor, looks_ahead=looks_ahead
            )
            resolved = resolver.resolve(kind, match)
            if resolved is not None:
                claimed.append((match.start(), match.end()))
                found.append(resolved)
    ordered = sorted(found, key=lambda f: f.start)
    kept = [m for m in ordered if not _is_reference(text, m)]
    if kept and _is_state_end(text, kept[0]):
        kept = kept[1:]
    return [_widen_by_duration(text, m) for m in kept]


# "since the 1994 war", "the 2008 Mardakert clashes": a date naming another event, not this one.
# "the worst bout of fighting since a six-week war between the two ex-Soviet countries in late
# 2020" (Reuters): the event compared with, however long its description.
_SINCE_BEFORE = re.compile(
    r"\b(?i:since|after|before|following|prior\s+to)\s+(?:(?i:the|an?)\s+)?"
    r"(?:(?:[\w-]+\s+){0,8}(?:of|in)\s+)?$"
)
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
# A birth year ("Famil Ali, born in 1966, has died") is a person's, not the event's.
_BORN_BEFORE = re.compile(r"\b(?i:born)\s+(?:(?i:in|on)\s+)?$")
# A report's or book's year ("a report published in 1992 reconstructed the attack") dates the
# writing, not the events it tells of.
_PUBLISHED_BEFORE = re.compile(r"\b(?i:published|released|written|printed)\s+(?i:in|on)\s+$")
# A document's date names the document ("consistent with the declaration of November 9, 2020",
# "the Trilateral Statement signed on 10 November 2020"), not the time of what is reported.
# "The ministry said in a statement on Sunday" dates the news, so "statement on" is not one.
_DOCUMENT_BEFORE = re.compile(
    r"\b(?i:(?:declaration|statement|agreement|treaty|accord)\s+(?:signed\s+on|of|dated)"
    r"|(?:agreement|treaty|accord)\s+on)\s+(?:the\s+)?$"
)
# A news page's update stamp ("(Story last updated June 23)", "Updated: 3 May") dates the page,
# not what it reports, and is often days after the item's own date.
_UPDATED_BEFORE = re.compile(r"\b(?i:updated):?\s+(?:(?i:on|at)\s+)?$")
# The words before a date that make it name something else than the event reported.
_REFERENCE_BEFORE = (
    _SINCE_BEFORE,
    _UPDATED_BEFORE,
    _BORN_BEFORE,
    _PUBLISHED_BEFORE,
    _DOCUMENT_BEFORE,
)
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")
_WHEN_AFTER = re.compile(r",?\s+(?i:when)\b")
# "the November 9, 2020 ceasefire statement", "the 9 November ceasefire agreement": a date
# before the noun names the document, as "the 1994 ceasefire" does with a year.
_DOCUMENT_AFTER = re.compile(
    r",?\s+(?:[\w-]+\s+){0,2}?(?i:statement|declaration|agreement|treaty|accord|cease-?fire"
    r"|truce|armistice|deal)\b"
)


def _is_reference(text: str, found: DateMatch) -> bool:
    before = text[max(0, found.start - 90) : found.start]
    if any(pattern.search(before) for pattern in _REFERENCE_BEFORE):
        # "a border conflict since 12 May 2021, when Azerbaijani soldiers crossed ... into
        # Armenia" (seed 002; the Armenian ombudsman, 2021): the date is that of the
        # event its when-clause tells
        is_since_when = _SINCE_BEFORE.search(before) and _WHEN_AFTER.match(text, found.end)
        return not is_since_when
    if _THE_BEFORE.search(before) and _DOCUMENT_AFTER.match(text, found.end):
        return True
    # "the Sumgait (1988) and Baku (1990) pogroms": years in brackets label named events.
    if found.kind == "year" and text[found.start - 1 : found.start] == "(":
        return text[found.end : found.end + 1] == ")"
    # An attributive year opening the sentence is its subject ("The 2010 Mardakert clashes
    # were ..."), so it dates this event; elsewhere it names another one.
    is_attributive = found.kind == "year" and _THE_BEFORE.search(before) is not None
    is_subject = found.start <= len("The ")
    return is_attributive and not is_subject and _NOUN_AFTER.match(text, found.end) is not None


# "internationally recognised as part of Azerbaijan but until 2020 largely controlled by ...",
# "inhabited mostly by ethnic Armenians until 2023": a year that ends a state, with no date of
# a start before it, says how long the state lasted, not when anything happened.
_UNTIL_BEFORE = re.compile(r"\b(?i:until)\s+$")


def _is_state_end(text: str, first: DateMatch) -> bool:
    before = text[max(0, first.start - 10) : first.start]
    return first.kind == "year" and _UNTIL_BEFORE.search(before) is not None


# "44 days of fighting ended on November 10": the date closes a span of known length.
_DURATION_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3})[\s-]+days?\s+of\s+(?:\w+\s+)?(?:fighting|war|clashes|hostilities)\s+"
    r"(?:that\s+)?(?:ended|came to an end)\s+(?:on\s+)?$"
)


def _widen_by_duration(text: str, found: DateMatch) -> DateMatch:
    duration = _DURATION_BEFORE.search(text, 0, found.start)
    if duration is None or found.when.precision != "day":
        return found
    # Counted the usual way: the 44-day war ran from 27 September to 10 November 2020.
    start = found.when.end - dt.timedelta(days=int(duration["n"]))
    when = DateRange(
        start, found.when.end, "day", text[duration.start() : found.end], found.when.inferred
    )
    return DateMatch(
        duration.start(), found.end, "duration", when, found.is_relative, found.has_year
    )


def _day_before(found: list[DateMatch], position: int) -> DateRange | None:
    """Return the last day-precise date before ``position`` ("on 16 September; 5 days later")."""
    earlier = [m for m in found if m.when.precision == "day" and m.end <= position]
    return max(earlier, key=lambda m: m.end).when if earlier else None


def _year_before(found: list[DateMatch], position: int) -> int | None:
    earlier = [m for m in found if m.has_year and m.end <= position]
    return max(earlier, key=lambda m: m.end).when.start.year if earlier else None


def undatable_date(text: str) -> tuple[str, bool] | None:
    """Return the first date word that needs the item's own date or year, and which kind.

    "on Sunday", "today", "last night" count from the item's date (``True``); "September 28"
    needs a year from somewhere (``False``). Without that context they date nothing, and the
    report should say why rather than vanish.
    """
    found = [
        (match, kind in ("weekday", "deictic"))
        for kind, pattern in _PATTERNS
        if kind in _UNDATABLE_KINDS
        for match in [_first_without_year(pattern, text)]
        if match is not None
    ]
    if not found:
        return None
    match, is_relative = min(found, key=lambda pair: pair[0].start())
    return match.group(0), is_relative


_UNDATABLE_KINDS = frozenset(
    {"weekday", "deictic", "day_month", "month_day", "day_day_month", "month_day_day"}
)
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:19|20)\d\d\b")


def _first_without_year(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    # "since 18 May 1992" has its year: dropped as a reference, it needs none from the item
    for match in pattern.finditer(text):
        if not _YEAR_AFTER.match(text, match.end()):
            return match
    return None


@functools.cache
def _patterns_for(signals: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Return the date forms whose signal words a text has, in their order."""
    return tuple((kind, pattern) for kind, pattern in _PATTERNS if _NEEDS[kind] <= signals)


def has_date_signal(text: str) -> bool:
    """Tell whether ``text`` has a month name, a year or a relative date word at all."""
    return bool(_signals_in(text))


# A sentence is screened for date words when it is read and again when its dates are parsed.
@functools.lru_cache(maxsize=4096)
def _signals_in(text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in _SIGNALS.items() if pattern.search(text))


def heading_year(heading: str) -> int | None:
    """Return the year a section heading is about, from its deepest part that names one."""
    for part in reversed(heading.split(" > ")):
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", part)]
        if years and all(_valid_year(y) for y in years):
            return years[0]
    return None


# A time of day as stamps and reports write it: "19:02", "9.30 am", "06:45 GMT", "09:00 GMT+4".
CLOCK_TIME = r"\d{1,2}[:.]\d\d(?:\s*(?i:[ap]\.?m\.?|GMT|UTC|local\s+time)(?:\s*[+-]\d{1,2})?)?"
_HEADING_CLOCK = re.compile(rf"(?:,\s*|\s+(?:at\s+)?)\b{CLOCK_TIME}\b\.?")
# A timeline's entry heading is only a date ("14 March", "3 April 2016", "May 1992"); a
# heading with more words names a section ("Battle of Shusha, May 1992") and dates nothing.
_HEADING_DATE_SHARE = 0.8


def heading_date(heading: str, context: DateContext) -> DateRange | None:
    """Return the date a timeline heading stands for, when its deepest part is only a date.

    A timeline (devset's two, the wires' "chronicle" items) sets each day's events under a
    heading that is a bare date; every undated report under it happened then.
    """
    # a live blog stamps each entry with its day and time ("23 Oct 2020, 19:02"): the time
    # is part of the date, not more words
    part = _HEADING_CLOCK.sub("", heading.rsplit(" > ", 1)[-1]).strip(" ,:.-–")
    found = find_dates(part, context=context)
    if len(found) != 1:
        return None
    match = found[0]
    words = len(re.sub(r"\W", "", part))
    if (
        words == 0
        or len(re.sub(r"\W", "", part[match.start : match.end])) < _HEADING_DATE_SHARE * words
    ):
        return None
    return match.when
