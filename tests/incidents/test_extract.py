from __future__ import annotations

import datetime as dt

import pytest

from geo.incidents import extract_incidents
from geo.incidents.extract import Extraction
from geo.model import Incident
from geo.places import Gazetteer
from geo.read.corpus import parse_document

D = dt.date


def reported_by(extraction: Extraction, fragment: str) -> list[Incident]:
    return [i for i in extraction.incidents if any(fragment in s.quote for s in i.sources)]


def test_april_2016_war_is_one_incident_with_all_three_claims(extraction: Extraction) -> None:
    [april] = reported_by(extraction, "heavy fighting along the Nagorno-Karabakh front")
    assert (april.when.start, april.when.end, april.when.precision) == (
        D(2016, 4, 1),
        D(2016, 4, 5),
        "day",
    )
    assert {s.doc[:3] for s in april.sources} == {"000", "001", "002"}
    claimed = {(c.deaths_low, c.deaths_high, c.text) for c in april.claims}
    assert {
        (119, 180, "88 Armenian and 31–92 Azerbaijani soldiers"),
        (55, 55, "27 Armenian and 28 Azerbaijani soldiers"),
        (185, 185, "91 Armenian (11 non-combat) and 94 Azerbaijani soldiers"),
    } <= claimed
    # "In addition, 10 civilians ... were also killed" continues the report: kept as a claim,
    # but it adds to a toll, so the span of competing totals stays 55-185.
    assert (10, 10, "10 civilians") in claimed
    assert (april.deaths_low, april.deaths_high) == (55, 185)
    assert april.sides == ("Armenia", "Azerbaijan")


def test_two_incidents_in_one_sentence(extraction: Extraction) -> None:
    found = reported_by(extraction, "In late April 2011, border clashes left three")
    dates = sorted((i.when.start, i.when.end, i.deaths_low) for i in found)
    assert dates == [(D(2011, 4, 21), D(2011, 4, 30), 3), (D(2011, 10, 5), D(2011, 10, 5), 3)]
    assert all(len({s.doc for s in i.sources}) == 3 for i in found)


def test_august_2014_reports_merge_into_one_incident(extraction: Extraction) -> None:
    [fighting] = reported_by(extraction, "the fighting that started on 27 July")
    assert (fighting.when.start, fighting.when.end) == (D(2014, 7, 27), D(2014, 8, 5))
    assert {s.doc[:3] for s in fighting.sources} == {"000", "001", "002"}
    # "On 2 August ..." and "... the following night" lie inside the range, in the same section.
    assert reported_by(extraction, "Five more Azerbaijani troops were killed the following") == [
        fighting
    ]
    claimed = {(c.deaths_low, c.deaths_high, c.text) for c in fighting.claims}
    assert (19, 19, "14 Azerbaijani and 5 Armenian soldiers") in claimed
    assert (15, None, "death toll from the August clashes to at least 15") in claimed
    assert (8, 8, "eight of their soldiers") in claimed


def test_shootdowns_in_table_cells(extraction: Extraction) -> None:
    [shokhiy] = reported_by(extraction, "was shot down near Shokhiy on 20 August 1992")
    assert shokhiy.event_type == "shootdown"
    assert shokhiy.when.start == D(1992, 8, 20)
    assert shokhiy.sources[0].doc.startswith("004")
    # Shokhiy could not be sourced (gazetteer/MISSING.md): unlocated, and the reason says why.
    assert shokhiy.place is None
    assert shokhiy.unlocated_reason.startswith("not in the gazetteer: Shokhiy")


@pytest.mark.parametrize(
    ("fragment", "place_id"),
    [
        (
            "Azerbaijani forces shelled the Armenian positions near the village of Talish",
            "wp:talish",
        ),
        ("firing on the Azerbaijani positions near Tap Qaraqoyunlu", "wp:tap-qaraqoyunlu"),
        ("In February 1992, Khojaly was captured", "gn:147774"),
        ("Turkey closed its border with Armenia in April 1993 after Armenian forces", "gn:586268"),
        ("Hakob Hambartsumyan, an Armenian herdsman from Vazgenashen", "wp:vazgenashen"),
    ],
)
def test_seed_incidents_resolve_to_their_gazetteer_rows(
    extraction: Extraction, fragment: str, place_id: str
) -> None:
    [incident] = reported_by(extraction, fragment)
    assert incident.places[0].place.id == place_id


def test_unlocated_incident_is_kept_with_a_reason(extraction: Extraction) -> None:
    [soldier] = reported_by(extraction, "On 15 November, an Azerbaijani soldier was killed")
    assert soldier.when.start == D(2016, 11, 15)
    assert soldier.places == ()
    assert soldier.place is None
    assert soldier.geo_precision == "unlocated"
    assert soldier.unlocated_reason


def test_non_incidents_yield_nothing(extraction: Extraction) -> None:
    for fragment in (
        "According to the 1979 Soviet census",
        "Resolution 62/243",
        "In all during 2012",
        "Throughout 2013, 12 Azerbaijani",
        "tripartite ceasefire agreement on November 10",
    ):
        assert reported_by(extraction, fragment) == [], fragment


def test_incidents_are_well_formed(extraction: Extraction) -> None:
    ids = [i.id for i in extraction.incidents]
    assert len(ids) == len(set(ids))
    for incident in extraction.incidents:
        assert incident.sources
        assert 1900 <= incident.when.start.year <= incident.when.end.year <= 2030
        assert incident.when.start <= incident.when.end
        assert bool(incident.places) != bool(incident.unlocated_reason)
        assert incident.summary
        assert "\n" not in incident.summary
        for source in incident.sources:
            assert source.quote


def test_duplicate_paragraphs_are_merged(extraction: Extraction) -> None:
    assert extraction.candidates > len(extraction.incidents)
    # one sentence can report captures of several places, each its own incident
    seen: dict[tuple[str, D, D, str | None], str] = {}
    for incident in extraction.incidents:
        place = incident.place.id if incident.place else None
        for source in incident.sources:
            quote = " ".join(source.quote.split())
            key = (quote, incident.when.start, incident.when.end, place)
            assert seen.setdefault(key, incident.id) == incident.id, key


# Wikipedia, "Madagiz offensive" (CC BY-SA 4.0, as mirrored at soft.lk/key/Madagiz_offensive):
# the lede is dated only by the war it names; the timeline below gives the days.
MADAGIZ = (
    "The Madagiz offensive was a military operation launched by Azerbaijan against the "
    "self-proclaimed Republic of Artsakh during the Second Nagorno-Karabakh War.\n\n"
    "On 29 September, the Azerbaijani authorities stated that their aerial and ground forces "
    "destroyed a mixed column of Armenian military vehicles travelling from Madagiz, together "
    "with an artillery battery. On 2 October, the Azerbaijani forces captured and took control "
    "of dominant heights around Madagiz."
)


def test_places_captured_together_are_each_an_incident(gazetteer: Gazetteer) -> None:
    text = "By 3 October 2020, the Azerbaijani forces had seized control of Talish and Madagiz."
    found = extract_incidents([parse_document(text, "page.txt")], gazetteer).incidents
    assert sorted(i.place.name for i in found if i.place) == ["Madagiz", "Talish"]
    assert all((i.when.start, i.event_type) == (D(2020, 10, 3), "capture") for i in found)
    # a district named after the villages says where they are
    text = "On 5 May 1992 Armenian forces captured Talish, in the Tartar District."
    found = extract_incidents([parse_document(text, "page.txt")], gazetteer).incidents
    assert [i.place.name for i in found if i.place] == ["Talish"]


def test_a_report_dated_by_its_war_does_not_fuse_the_days_it_spans(
    gazetteer: Gazetteer,
) -> None:
    document = parse_document(MADAGIZ, "madagiz.txt")
    found = extract_incidents([document], gazetteer).incidents
    days = sorted((i.when.start, i.when.end) for i in found if i.when.start == i.when.end)
    assert days == [(D(2020, 9, 29), D(2020, 9, 29)), (D(2020, 10, 2), D(2020, 10, 2))]


# Trend's closing paragraphs (blind set; the same boilerplate ends its war-time items)
TREND_BACKGROUND = (
    "Date: 2020-10-20\n\n"
    "The fighting continued into October 2020, in the early days of which Armenia has "
    "launched missile attacks on Azerbaijani cities of Ganja, Mingachevir, Khizi as well as "
    "Absheron district.\n\n"
    "The conflict between the two South Caucasus countries began in 1988 when Armenia made "
    "territorial claims against Azerbaijan. As a result of the ensuing war, the Armenian "
    "Armed Forces occupied 20 percent of Azerbaijan, including the Nagorno-Karabakh region "
    "and seven surrounding districts."
)


def test_a_sentence_after_a_step_back_in_years_does_not_continue_the_incident(
    gazetteer: Gazetteer,
) -> None:
    extraction = extract_incidents([parse_document(TREND_BACKGROUND, "trend.txt")], gazetteer)
    [october] = reported_by(extraction, "missile attacks on Azerbaijani cities")
    assert (october.when.start, october.when.end) == (D(2020, 10, 1), D(2020, 10, 31))
    assert not reported_by(extraction, "occupied 20 percent")
    assert any("occupied 20 percent" in e.sentence.text for e in extraction.excluded)


# RFE/RL, 13 September 2022: the governor's words come after the lede and give no date
ONGOING = (
    "Date: 2022-09-13\n\n"
    "Armenia's Defense Ministry spokesman gave a news briefing in Yerevan in the afternoon.\n\n"
    "Gegharkunik Governor Karen Sargsian spoke to reporters.\n\n"
    "“In the morning gunfire stopped for about 40 minutes but then resumed and is still going "
    "on in Sotk,” Sargsian told RFE/RL’s Armenian Service."
)


def test_a_report_in_the_present_tense_takes_the_item_date(gazetteer: Gazetteer) -> None:
    extraction = extract_incidents([parse_document(ONGOING, "rferl.txt")], gazetteer)
    [ongoing] = reported_by(extraction, "is still going on")
    assert (ongoing.when.start, ongoing.when.end) == (D(2022, 9, 12), D(2022, 9, 13))
    assert "present tense" in ongoing.when.inferred


def test_the_village_is_the_one_settlement_the_sentence_before_names(
    gazetteer: Gazetteer,
) -> None:
    # Ostro's long read: the sentence before reports nothing, so no earlier report has the place
    text = (
        "Google Maps does not show Jojug Marjanli. The village was rebuilt on one of those "
        "plots of land that Azerbaijan managed to recapture in April 2016."
    )
    extraction = extract_incidents([parse_document(text, "ostro.txt")], gazetteer)
    [recapture] = reported_by(extraction, "managed to recapture")
    assert recapture.place is not None
    assert recapture.place.id == "wp:cocuq-mercanli-jabrayil"
    assert "the sentence before names" in recapture.place_inferred
    two = text.replace("does not show Jojug Marjanli", "shows Talish but not Jojug Marjanli")
    [open_question] = reported_by(
        extract_incidents([parse_document(two, "ostro.txt")], gazetteer), "managed to recapture"
    )
    assert open_question.place is None


# a kiwix copy of "July 2020 Armenian–Azerbaijani clashes": the infobox's caption is the
# first row of the table the scrape makes of it
KIWIX_CAPTION = (
    "July 2020 Armenian–Azerbaijani clashes | |||||||||\n"
    "---|---|---|---|---|---|---|---|---|---|\n"
    "Part of the Nagorno-Karabakh conflict | |||||||||\n\n"
    "The July 2020 Armenian–Azerbaijani clashes began on 12 July 2020 between the Armenian "
    "Armed Forces and Azerbaijani Armed Forces near Movses in Tavush Province of Armenia."
)


def test_an_infobox_caption_folds_into_the_report_it_names(gazetteer: Gazetteer) -> None:
    extraction = extract_incidents([parse_document(KIWIX_CAPTION, "kiwix.txt")], gazetteer)
    assert [(i.when.start, i.when.end) for i in extraction.incidents] == [
        (D(2020, 7, 12), D(2020, 7, 12))
    ]
