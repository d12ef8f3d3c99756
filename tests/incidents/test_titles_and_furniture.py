"""Titles, infobox fields, map captions and revision banners are not incidents of their own."""

from __future__ import annotations

import pytest

from geo.incidents import extract_incidents
from geo.places import Gazetteer, load_gazetteer
from geo.read.corpus import parse_document
from tests.gazetteer_fixtures import PLACES_CSV

# seeds 000 and 001 ("Nagorno-Karabakh conflict"): the body's report of the 2014 clashes
BODY = (
    "By August 5, 2014 the fighting that started on 27 July had left 14 Azerbaijani and "
    "5 Armenian soldiers dead."
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(PLACES_CSV)


@pytest.mark.parametrize(
    "title",
    [
        "2014 Armenian–Azerbaijani clashes",  # the article's title (devset 14)
        "July 2014 border clashes",  # a title repeated among a scrape's furniture
    ],
)
def test_a_title_counts_once_with_the_body_report_of_its_event(gaz: Gazetteer, title: str) -> None:
    document = parse_document(f"Saved Web Pages\n\n{title}\n\n{BODY}\n", "item.txt")
    incidents = extract_incidents([document], gaz).incidents
    assert [(i.when.start.isoformat(), i.when.precision) for i in incidents] == [
        ("2014-07-27", "day")
    ]


def test_a_title_with_no_body_report_is_kept(gaz: Gazetteer) -> None:
    document = parse_document("2014 Armenian–Azerbaijani clashes\n\nThe page is empty.\n", "x.txt")
    incidents = extract_incidents([document], gaz).incidents
    assert [(i.when.start.year, i.when.precision) for i in incidents] == [(2014, "year")]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # an infobox scraped as fields (devset 01, 04, 05, 15)
        ("- Type: Murder, rape, riot in February 1988", "an infobox field, not a report"),
        # a map's caption (devset 16, 17, 19)
        ("Map of the battle as of 20 October 2020:", "about 'map of', not an incident"),
        # the banner of an old revision (devset 12, 14)
        (
            "This is an old revision of this page, as edited at 17:23, 8 August 2014 (Clashes).",
            "about 'old revision of this page', not an incident",
        ),
    ],
)
def test_page_furniture_is_excluded_with_its_reason(gaz: Gazetteer, line: str, reason: str) -> None:
    extraction = extract_incidents([parse_document(line + "\n", "page.txt")], gaz)
    assert extraction.incidents == ()
    assert [r.reason for r in extraction.excluded] == [reason]
