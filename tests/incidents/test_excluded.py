"""Sentences with a violent word that are not incidents say why (maps/excluded.csv)."""

from __future__ import annotations

import csv
import io

import pytest

from geo.incidents import extract_incidents
from geo.output import excluded_csv_text
from geo.places import Gazetteer, load_gazetteer
from geo.read.corpus import parse_document
from tests.gazetteer_fixtures import PLACES_CSV


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(PLACES_CSV)


# Real sentences of the seeds (000, 001, 004), each followed by the reason it is not taken.
EXCLUDED = [
    (
        "Between 2008 and 2010, 74 soldiers were killed on both sides.",
        "a total over a period ('between 2008 and'), not one event",
    ),
    (
        "In May 2011, a khachkar was inaugurated in the village of Vank in memory of 14 Kuban "
        "Cossacks who died in the war.",
        "about 'inaugurated', not an incident",
    ),
    (
        "With 72 deaths in 2014, the year became the bloodiest since the war had ended.",
        "a year's toll with no place more precise than a country",
    ),
    (
        "On 9 October 2020, the UN High Commissioner for Human Rights, Michelle Bachelet "
        "expressed alarm over the suffering of civilians, as hostilities continued to widen in "
        "the Nagorno-Karabakh conflict zone.",
        "diplomacy or displacement ('high commissioner') with no concrete attack",
    ),
]


@pytest.mark.parametrize(("sentence", "reason"), EXCLUDED)
def test_a_dated_non_incident_is_listed_with_its_reason(
    gaz: Gazetteer, sentence: str, reason: str
) -> None:
    extraction = extract_incidents([parse_document(sentence, "item.txt")], gaz)
    assert extraction.incidents == ()
    assert [(r.sentence.text, r.reason) for r in extraction.excluded] == [(sentence, reason)]


def test_a_non_incident_says_its_topic_even_when_its_only_date_names_a_document(
    gaz: Gazetteer,
) -> None:
    # seed 003: the agreement's date is no date of the sentence, and no date line would make
    # an armistice an incident, so the report must not ask for one
    sentence = (
        "An armistice was established by a tripartite ceasefire agreement on November 10, "
        "resulting in Azerbaijan regaining all of the occupied territories surrounding "
        "Nagorno-Karabakh as well as capturing one-third of Nagorno-Karabakh itself."
    )
    (report,) = extract_incidents([parse_document(sentence, "item.txt")], gaz).excluded
    assert (report.reason, report.needs_item_date) == ("about 'armistice', not an incident", False)


def test_an_undated_violent_sentence_is_listed_beside_the_incident(gaz: Gazetteer) -> None:
    # (after the incident it would be read as more of it, dated by it)
    text = (
        "Many soldiers were killed in the war.\n\n"
        "On 2 April 2016, Azerbaijani forces shelled the village of Talish."
    )
    extraction = extract_incidents([parse_document(text, "item.txt")], gaz)
    assert len(extraction.incidents) == 1
    assert [(r.sentence.text, r.reason) for r in extraction.excluded] == [
        (
            "Many soldiers were killed in the war.",
            "reports violence but gives no date, and none comes from the sentence before, "
            "its heading or a short war it names",
        )
    ]


def test_a_sentence_without_a_violent_word_is_not_listed(gaz: Gazetteer) -> None:
    text = "On 2 April 2016, Azerbaijani forces shelled Talish. The village lies in a valley."
    extraction = extract_incidents([parse_document(text, "item.txt")], gaz)
    assert len(extraction.incidents) == 1
    assert extraction.excluded == ()


def test_the_report_is_csv_with_the_sentence_and_its_offsets(gaz: Gazetteer) -> None:
    text = "Some context here.\n\n" + EXCLUDED[0][0]
    extraction = extract_incidents([parse_document(text, "item.txt")], gaz)
    rows = list(csv.DictReader(io.StringIO(excluded_csv_text(extraction.excluded))))
    assert rows == [
        {
            "reason": EXCLUDED[0][1],
            "doc": "item.txt",
            "start": str(text.index("Between")),
            "end": str(len(text)),
            "sentence": EXCLUDED[0][0],
        }
    ]


# Real sentences of two undated news items (devnews 07 and 22): "on Thursday" counts from the
# item's date, and these items have none. (Dev part of devnews; none is held out.)
UNDATED_NEWS = [
    (
        "The Armenian military pledged to retaliate strongly after three Armenian civilians were "
        "killed and two others wounded on Thursday when their border villages came under fire "
        "from nearby Azerbaijani army positions.",
        "on Thursday",
    ),
    (
        "Artyom Jivanian, a local farmer, said workers in his vineyard came under fire on "
        "Wednesday.",
        "on Wednesday",
    ),
]


@pytest.mark.parametrize(("sentence", "relative"), UNDATED_NEWS)
def test_a_weekday_in_an_undated_item_says_the_item_needs_a_date(
    gaz: Gazetteer, sentence: str, relative: str
) -> None:
    extraction = extract_incidents([parse_document(sentence, "item.txt")], gaz)
    assert extraction.incidents == ()
    (report,) = extraction.excluded
    assert report.reason == (
        f"says {relative!r}, but the document has no date of its own to count from "
        "(a news item gets one from a line 'Date: YYYY-MM-DD' under its headline)"
    )


# devnews 14 and 20: wire datelines without a year ("Tartar, September 28, AZERTAC").
YEARLESS_NEWS = [
    (
        "Tartar, September 28, AZERTAC\n\nStarting from September 28, the center of "
        "Azerbaijan's Tartar district, including densely populated villages have been under "
        "heavy artillery fire by the Armenian armed forces.",
        "September 28",
    ),
    (
        "STEPANAKERT, FEBRUARY 21, ARMENPRESS. The Azerbaijani Ministry of Defense released new "
        "disinformation accusing the Artsakh Defense Army units in opening fire on February 20 "
        "and 21 in the direction of Azerbaijani military positions.",
        "February 20",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), YEARLESS_NEWS)
def test_a_yearless_date_with_no_year_anywhere_says_so(
    gaz: Gazetteer, text: str, phrase: str
) -> None:
    extraction = extract_incidents([parse_document(text, "item.txt")], gaz)
    assert extraction.incidents == ()
    (report,) = extraction.excluded
    assert report.reason == (
        f"says {phrase!r} with no year, and nothing in the document before it gives one "
        "(a news item gets one from a line 'Date: YYYY-MM-DD' under its headline)"
    )


def test_the_same_item_with_a_date_line_is_an_incident(gaz: Gazetteer) -> None:
    text = "Date: 2015-09-25\n\n" + UNDATED_NEWS[0][0]
    extraction = extract_incidents([parse_document(text, "item.txt")], gaz)
    (incident,) = extraction.incidents
    assert incident.when.start.isoformat() == "2015-09-24"
    assert extraction.excluded == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # seed 004: a parenthetical "today" means nowadays, not the day of an item
        "Fighting soon broke out between the First Republic of Armenia and the Azerbaijan "
        "Democratic Republic in three regions in particular: Nakhchivan, Zangezur (today the "
        "Armenian provinces of Syunik and Vayotz Dzor) and Karabakh itself.",
        "Fighting broke out in what is today Azerbaijan.",
    ],
)
def test_today_meaning_nowadays_asks_for_no_date(gaz: Gazetteer, sentence: str) -> None:
    extraction = extract_incidents([parse_document(sentence, "item.txt")], gaz)
    assert [r.reason for r in extraction.excluded] == [
        "reports violence but gives no date, and none comes from the sentence before, "
        "its heading or a short war it names"
    ]
