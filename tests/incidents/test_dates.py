from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.incidents.dates import MAX_YEAR, MIN_YEAR, find_dates, heading_year, undatable_date
from geo.model import DateRange

D = dt.date


def only(text: str, **context: object) -> tuple[D, D, str, str]:
    found = find_dates(text, **context)  # type: ignore[arg-type]
    assert len(found) == 1, found
    when = found[0].when
    return when.start, when.end, when.precision, when.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "On 24 February 2017, Azerbaijani forces shelled the Armenian positions",
            (D(2017, 2, 24), D(2017, 2, 24), "day", "24 February 2017"),
        ),
        (
            "On July 4, 2017, an Azeri woman and her two-year-old grandchild were killed",
            (D(2017, 7, 4), D(2017, 7, 4), "day", "July 4, 2017"),
        ),
        (
            "On November 12, 2014, the Azerbaijani armed forces shot down a Nagorno-Karabakh "
            "Defense Army Mi-24 helicopter",
            (D(2014, 11, 12), D(2014, 11, 12), "day", "November 12, 2014"),
        ),
        # a list of massacres scraped from a table (devset 11): the year comes first
        (
            "Black January 1990 January 19–20 Baku, Azerbaijan 133-1",
            (D(1990, 1, 19), D(1990, 1, 20), "day", "1990 January 19–20"),
        ),
        # the same table writes a range across two months after the year
        (
            "March Days 1918 March 30-April 2 Azerbaijan 3,000-12,000 Azeris killed",
            (D(1918, 3, 30), D(1918, 4, 2), "day", "1918 March 30-April 2"),
        ),
        (
            "Kirovabad pogrom 1988 November Ganja 130 Armenians killed",
            (D(1988, 11, 1), D(1988, 11, 30), "month", "1988 November"),
        ),
        # a span of months across years (Turan, 2017; the first war on Wikipedia)
        (
            "The village from August 1993 to January 1994 was under Armenian occupation.",
            (D(1993, 8, 1), D(1994, 1, 31), "month", "August 1993 to January 1994"),
        ),
        (
            "Fighting went on between October 1991 and April 1992 in the north.",
            (D(1991, 10, 1), D(1992, 4, 30), "month", "between October 1991 and April 1992"),
        ),
        (
            "Further clashes near Tavush took place in July 2020.",
            (D(2020, 7, 1), D(2020, 7, 31), "month", "July 2020"),
        ),
        (
            "Full-scale fighting erupted in the late winter of 1992.",
            (D(1992, 2, 1), D(1992, 2, 29), "month", "late winter of 1992"),
        ),
        (
            "Between 1 and 5 April 2016, heavy fighting along the Nagorno-Karabakh frontline",
            (D(2016, 4, 1), D(2016, 4, 5), "day", "1 and 5 April 2016"),
        ),
        (
            "Between 8 April and 16 June 2016, sporadic fighting left 14 Armenian",
            (D(2016, 4, 8), D(2016, 6, 16), "day", "8 April and 16 June 2016"),
        ),
        (
            "Full-scale fighting erupted in early 1992.",
            (D(1992, 1, 1), D(1992, 4, 30), "year", "early 1992"),
        ),
        # an Azerbaijani long read; seed 004 writes "as early as the end of 1987"
        (
            "The present stage of the conflict began at the end of 1987 with the attacks.",
            (D(1987, 9, 1), D(1987, 12, 31), "year", "end of 1987"),
        ),
        # the American order of US-written Wikipedia pages and wires
        (
            "Armenian forces launched an attack near Fizuli on June 20–21, 2010.",
            (D(2010, 6, 20), D(2010, 6, 21), "day", "June 20–21, 2010"),
        ),
        # and across two months (devset 01's infobox)
        (
            "The pogrom lasted from February 27 – March 1, 1988 in Sumgait.",
            (D(1988, 2, 27), D(1988, 3, 1), "day", "February 27 – March 1, 1988"),
        ),
        (
            "Fighting went on from December 28 – January 3, 1994 around Fizuli.",
            (D(1993, 12, 28), D(1994, 1, 3), "day", "December 28 – January 3, 1994"),
        ),
    ],
)
def test_written_dates(sentence: str, expected: tuple[D, D, str, str]) -> None:
    assert only(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # AP's "Key Dates" of 7 March 1992: months in capitals
        (
            "FEB. 28, 1988 - Twenty-six Armenians and six Azerbaijanis die in clashes",
            D(1988, 2, 28),
        ),
        (
            "JANUARY 1990 - After rioting against Armenians in the Azerbaijani capital",
            D(1990, 1, 1),
        ),
        ("NOV. 20, 1991 - Peace efforts collapse when a helicopter crashes.", D(1991, 11, 20)),
    ],
)
def test_months_in_capitals(sentence: str, expected: D) -> None:
    start, end, precision, _ = only(sentence)
    assert start == expected
    assert precision == ("month" if start.day == 1 and end.day > 1 else "day")


def test_a_capitalised_headline_keeps_its_words() -> None:
    # "MAY" is a month only before a day; "MAR" or "DEC" only with its full stop
    found = find_dates("ARMENIA MAY RETALIATE, THE DEC OFFICIALS SAY, IN 1993")
    assert [f.when.text for f in found] == ["1993"]


def test_two_months_joined_by_and_are_two_dates_without_between() -> None:
    found = find_dates("The clashes of April 2016 and July 2020 were the worst.")
    assert [(f.when.start, f.when.end) for f in found] == [
        (D(2016, 4, 1), D(2016, 4, 30)),
        (D(2020, 7, 1), D(2020, 7, 31)),
    ]


def test_yearless_date_takes_year_of_earlier_date_in_sentence() -> None:
    text = (
        "In late April 2011, border clashes left three Nagorno-Karabakh soldiers dead, "
        "while on 5 October, two Azerbaijani and one Armenian soldier were killed."
    )
    found = [(m.when.start, m.when.end, m.when.precision) for m in find_dates(text)]
    assert found == [
        (D(2011, 4, 21), D(2011, 4, 30), "month"),
        (D(2011, 10, 5), D(2011, 10, 5), "day"),
    ]


def test_yearless_date_takes_context_year() -> None:
    text = "On 15 November, an Azerbaijani soldier was killed on the line of contact."
    assert only(text, context_year=2016)[:3] == (D(2016, 11, 15), D(2016, 11, 15), "day")
    assert find_dates(text) == []


def test_following_year_then_month_range() -> None:
    text = (
        "The following year, border clashes between the armed forces of Armenia and "
        "Azerbaijan took place from late April through early June."
    )
    previous = DateRange(D(2011, 10, 5), D(2011, 10, 5), "day")
    found = find_dates(text, context_year=2011, previous=previous)
    assert [(m.when.start, m.when.end) for m in found] == [
        (D(2012, 1, 1), D(2012, 12, 31)),
        (D(2012, 4, 21), D(2012, 6, 10)),
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The next day a large firefight broke out", D(2017, 2, 25)),
        ("Five more Azerbaijani troops were killed the following night", D(2017, 2, 25)),
        ("five days later, an Azerbaijani soldier was killed", D(2017, 3, 1)),
        ("On the same day, Azerbaijan's Parliament declared a martial law", D(2017, 2, 24)),
    ],
)
def test_relative_dates(phrase: str, expected: D) -> None:
    previous = DateRange(D(2017, 2, 24), D(2017, 2, 24), "day")
    assert only(phrase, previous=previous)[:2] == (expected, expected)


def test_at_the_same_time_takes_the_previous_dates() -> None:
    previous = DateRange(D(1990, 1, 1), D(1990, 4, 30), "year")
    text = "At the same time, Armenian forces attacked both these Azerbaijani enclaves"
    assert only(text, previous=previous)[:3] == (D(1990, 1, 1), D(1990, 4, 30), "year")


def test_same_month() -> None:
    previous = DateRange(D(2018, 9, 1), D(2018, 9, 30), "month")
    text = "In the same month, two Nagorno-Karabakh soldiers were killed by the Azeri army."
    assert only(text, previous=previous)[:3] == (D(2018, 9, 1), D(2018, 9, 30), "month")


def test_days_of_fighting_ending_on_a_date() -> None:
    text = "44 days of fighting ended on November 10, with a peace deal brokered by Russia"
    assert only(text, context_year=2020)[:2] == (D(2020, 9, 27), D(2020, 11, 10))


def test_years_that_name_other_events_are_not_dates() -> None:
    text = "the biggest single death toll for the country's military since the 1994 war."
    assert find_dates(text) == []
    assert find_dates("the heaviest casualties since the Mardakert clashes of March 2008") == []
    assert find_dates("the Sumgait (1988) and Baku (1990) pogroms") == []
    assert find_dates("casualties like those of the 2008 clashes") == []
    # Reuters: the war compared with, however long the words that describe it
    text = (
        "the worst fighting since a six-week war between the two ex-Soviet countries in late 2020"
    )
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Reuters' and AP's background paragraphs: how long a state lasted, not an event
        "internationally recognised as part of Azerbaijan but until 2020 largely controlled by",
        "the region of Nagorno-Karabakh, inhabited mostly by ethnic Armenians until 2023",
    ],
)
def test_a_year_that_ends_a_state_is_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_a_year_after_until_that_ends_a_dated_span_stays() -> None:
    found = find_dates("Fighting raged in 1991 and lasted until 1994 in the district.")
    assert [m.when.start.year for m in found] == [1991, 1994]


def test_year_opening_the_sentence_dates_it() -> None:
    [found] = find_dates("The 2010 Mardakert clashes were a series of violations")
    assert (found.when.start, found.when.precision) == (D(2010, 1, 1), "year")


def test_verbs_are_not_months() -> None:
    assert find_dates("an angry mob may march towards Nagorno-Karabakh", context_year=1988) == []


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("Timeline > Border clashes (1994–2020) > 2011–2013 continued fighting", 2011),
        ("Timeline > Border clashes (1994–2020) > 2018 clashes", 2018),
        ("War > Capture of Shusha", None),
    ],
)
def test_heading_year(heading: str, year: int | None) -> None:
    assert heading_year(heading) == year


_PIECES = [
    *"0123456789 ,.–-",
    *["April ", "May ", "between ", "and ", "late ", "next day ", "later ", "winter "],
    *["1992", "2016", "20", "31", "February ", "of ", "the same month ", "In "],
]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
    st.one_of(st.none(), st.integers(min_value=1800, max_value=2100)),
)
def test_dates_are_sane_for_any_text(text: str, context_year: int | None) -> None:
    previous = DateRange(D(2016, 4, 2), D(2016, 4, 2), "day")
    for found in find_dates(text, context_year=context_year, previous=previous):
        assert MIN_YEAR <= found.when.start.year <= MAX_YEAR
        assert MIN_YEAR <= found.when.end.year <= MAX_YEAR
        assert found.when.start <= found.when.end
        assert text[found.start : found.end]


@given(st.text(max_size=200))
def test_find_dates_never_raises(text: str) -> None:
    find_dates(text, context_year=2000)


@pytest.mark.parametrize(
    "text",
    [
        # devset 13: background, not a date ("the early 1990s" is a decade, not early 1990)
        "The two countries fought a war in the early 1990s over the enclave.",
        "Tensions have grown since the late 1980s.",
    ],
)
def test_a_decade_is_no_year(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "A raid on the night of June 18-19 left four soldiers dead.",
            D(2010, 6, 18),
            D(2010, 6, 19),
        ),
        ("Khojaly was captured on the night of 25–26 February.", D(2010, 2, 25), D(2010, 2, 26)),
        ("Fighting went on from 12 to 14 July.", D(2010, 7, 12), D(2010, 7, 14)),
    ],
)
def test_a_yearless_day_range_is_both_days(text: str, start: D, end: D) -> None:
    (found,) = find_dates(text, context_year=2010)
    assert (found.when.start, found.when.end, found.when.precision) == (start, end, "day")


@pytest.mark.parametrize(
    "text",
    [
        "A resident of the village, born in 1966, has died.",
        "Born in 1995, the shepherd was wounded by the shooting.",
    ],
)
def test_a_birth_year_is_no_date(text: str) -> None:
    # casualty reports of the ministries and the wires give each victim's year of birth
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Baku called the actions consistent with the declaration of November 9, 2020.",
        "It ensures the provisions of the Trilateral Statement signed on 10 November 2020.",
        "The clashes were stopped with a ceasefire agreement on November 10, 2020.",
        # the date before the noun (CivilNet's chronology; OC Media)
        "The November 9, 2020 ceasefire statement by the leaders seemed to bring some calm.",
    ],
)
def test_the_date_of_a_declaration_or_agreement_is_no_date(text: str) -> None:
    # post-2020 news cites the documents that ended the war by their dates
    assert find_dates(text) == []


def test_a_statement_on_a_day_still_dates_the_news() -> None:
    (found,) = find_dates(
        "The ministry said in a statement on 10 November 2020 that a post was shelled."
    )
    assert found.when.start == D(2020, 11, 10)


def test_the_year_a_report_was_published_is_no_date() -> None:
    # Wikipedia's accounts cite the reports they draw on ("a report published in 1992
    # reconstructed the attack on the village")
    assert find_dates("A report published in 1992 reconstructed the attack on the village.") == []
    (found,) = find_dates("The village was attacked in 1992.")
    assert found.when.start.year == 1992


def test_a_date_with_its_year_needs_none_from_the_item() -> None:
    # Wikipedia, "Battle of Lachin": "... controlled by the army of the NKR since 18 May 1992"
    assert undatable_date("The corridor was controlled by the NKR since 18 May 1992.") is None
    assert undatable_date("The corridor was attacked on 18-19 May.") == ("18-19 May", False)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Stratfor (devnews 12) and Trend write the month in AP style, with a full stop
        (
            "Armenian troops clashed with Azerbaijani troops Feb. 25 in the Khojavend-Fizuli "
            "sector of the Nagorno-Karabakh line of contact.",
            D(2017, 2, 25),
            D(2017, 2, 25),
        ),
        (
            "Feb. 25-26 marks the 25th anniversary of the Khojaly Massacre.",
            D(2017, 2, 25),
            D(2017, 2, 26),
        ),
        (
            "Azerbaijani forces shelled Jermuk on Sept. 13, 2022, officials said.",
            D(2022, 9, 13),
            D(2022, 9, 13),
        ),
    ],
)
def test_a_month_abbreviated_with_a_full_stop(text: str, start: D, end: D) -> None:
    (found,) = find_dates(text, context_year=2017)
    assert (found.when.start, found.when.end) == (start, end)


def test_a_yearless_date_before_a_document_noun_is_no_date() -> None:
    # OC Media, October 2021: the yearless date would otherwise take the item's year
    text = (
        "It was a gross violation of Azerbaijan's obligations under the 9 November ceasefire "
        "agreement."
    )
    assert find_dates(text, context_year=2021) == []
    (found,) = find_dates("Shots were fired on 9 November near the village.", context_year=2021)
    assert found.when.start == D(2021, 11, 9)


def test_since_a_date_when_an_event_happened_dates_that_event() -> None:
    # seed 002 and the Armenian ombudsman (2021): "since" names the start of what follows
    (found,) = find_dates(
        "The forces have been engaged in a border conflict since 12 May 2021, when "
        "Azerbaijani soldiers crossed several kilometers into Armenia."
    )
    assert found.when.start == D(2021, 5, 12)
    assert (
        find_dates("It was the worst fighting since 12 May 2021 on that part of the border.") == []
    )
