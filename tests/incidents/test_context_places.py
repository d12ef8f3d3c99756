"""A report that names no place takes one from its context only when the text ties them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.incidents import extract_incidents
from geo.model import Incident
from geo.places import Gazetteer, load_gazetteer
from geo.read.corpus import parse_document
from tests.gazetteer_fixtures import PLACES_CSV

# seed 004, "Nagorno-Karabakh conflict" (a Wikipedia revision): two sentences of one paragraph
LACHIN = (
    "To add to the turmoil, on 18 May 1992 Armenian forces launched an offensive to take the "
    "town of Lachin, situated along a narrow corridor that separated Armenia proper from "
    "Nagorno-Karabakh. The town was poorly guarded, and the next day Armenian forces took "
    "control of the town and opened the road that linked the region to Armenia."
)
# seed 004: the second sentence names a village the gazetteer lacks
VARDAN = (
    "According to the Azerbaijani government, between 27 and 29 November 1988, 33 Azerbaijanis "
    "were killed in Spitak, Gugark and Stepanavan and 216 in the 1987–1989 period. According "
    "to Arif Yunusov, an Azerbaijani MP "
    "and statistician, in November of the same year twelve Azerbaijanis from the Armenian "
    "village of Vardan were reportedly burned to death. Interethnic fighting also spread "
    "across Azerbaijan."
)
# seeds 000 and 001: a dated report that names no place but refers back ("the fighting")
FIGHTING = (
    "By August 5, 2014 the fighting that started on 27 July had left 14 Azerbaijani and "
    "5 Armenian soldiers dead."
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(PLACES_CSV)


def _incidents(gaz: Gazetteer, text: str, headline: str = "") -> tuple[Incident, ...]:
    document = parse_document(text, "item.txt")
    if headline:
        # a headline known from the page's metadata (an HTML title, front matter)
        document = dataclasses.replace(document, headline=headline)
    return extract_incidents([document], gaz).incidents


def test_the_town_takes_the_place_of_the_sentence_before(gaz: Gazetteer) -> None:
    capture = [i for i in _incidents(gaz, LACHIN) if i.when.start.day == 19]
    assert [(i.place and i.place.name, i.place_inferred) for i in capture] == [
        ("Laçın", "place from the sentence before (“The town”)")
    ]


def test_a_place_the_gazetteer_lacks_is_not_replaced_by_the_one_before(gaz: Gazetteer) -> None:
    burned = [i for i in _incidents(gaz, VARDAN) if "Vardan" in i.sources[0].quote]
    assert len(burned) == 1
    assert burned[0].places == ()
    assert burned[0].place_inferred == ""
    assert burned[0].unlocated_reason.startswith("not in the gazetteer: Vardan")
    # "the same year" is 1988, the year of the sentence before, and the burning stays apart
    # from the Spitak killings of those days: another village, even if one the gazetteer lacks
    assert (burned[0].when.start, burned[0].when.end) == (
        dt.date(1988, 11, 1),
        dt.date(1988, 11, 30),
    )
    assert "Spitak" not in burned[0].sources[0].quote


def test_a_headline_place_is_taken_when_the_report_refers_back(gaz: Gazetteer) -> None:
    (incident,) = _incidents(gaz, FIGHTING, headline="Clashes near Talish")
    assert incident.place is not None
    assert incident.place.id == "wp:talish"
    assert incident.place_inferred == "place from the headline (“the fighting”)"


def test_a_headline_place_is_not_taken_without_a_tie(gaz: Gazetteer) -> None:
    text = "On 2 August 2014, 14 Azerbaijani and 5 Armenian soldiers were killed."
    (incident,) = _incidents(gaz, text, headline="Clashes near Talish")
    assert incident.places == ()
    assert incident.place_inferred == ""


def test_a_headline_naming_only_a_region_places_nothing(gaz: Gazetteer) -> None:
    (incident,) = _incidents(gaz, FIGHTING, headline="Fighting in Nagorno-Karabakh")
    assert incident.places == ()


def test_a_place_the_clause_names_is_not_marked_inferred(gaz: Gazetteer) -> None:
    (incident,) = _incidents(gaz, "On 2 April 2016, Azerbaijani forces shelled Talish.")
    assert incident.place is not None
    assert incident.place_inferred == ""


@pytest.mark.parametrize(
    "text",
    [
        # devnews 19 and 22: the capital that speaks is its government, not the place
        "On 16 November 2021, Yerevan said Azerbaijani forces attacked its positions.",
        "On 16 November 2021, Baku reported that the border posts were shelled.",
    ],
)
def test_a_capital_that_speaks_is_not_the_place(gaz: Gazetteer, text: str) -> None:
    (incident,) = _incidents(gaz, text)
    assert incident.places == ()


def test_a_capital_where_the_violence_is_stays_the_place(gaz: Gazetteer) -> None:
    (incident,) = _incidents(gaz, "On 20 January 1990, Soviet troops killed civilians in Baku.")
    assert incident.place is not None
    assert incident.place.name == "Baku"


def test_officials_in_a_place_who_report_leave_it_the_place(gaz: Gazetteer) -> None:
    # seeds 000-002: the name after "in" says where the officials are, not who speaks
    text = (
        "On 2 August 2014, local officials in Nagorno-Karabakh reported at least two Armenian "
        "military deaths in what was the largest incident in the area since 2008."
    )
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert incident.place.id == "wp:nagorno-karabakh"


def test_an_undated_report_in_the_village_of_another_place_is_its_own_incident(
    gaz: Gazetteer,
) -> None:
    # The wires' pairing of two claims, one per side (as in devnews 01): the second sentence
    # has no date, so it takes the first one's, but "in the Armenian village of X" puts it
    # at its own place rather than continuing the report before it.
    text = (
        "On 5 March 1992, twelve people were killed in overnight shelling of the Azerbaijani "
        "village of Srkhavend. Sixteen civilians were killed in the Armenian village of Talish."
    )
    found = sorted(
        (i.place.name if i.place else "", i.place_inferred) for i in _incidents(gaz, text)
    )
    assert found == [("Srkhavend", ""), ("Talish", "")]


def test_the_incident_took_place_at_places_the_report_before_it(gaz: Gazetteer) -> None:
    # Wikipedia and the wires name the place in the next sentence: "The incident occurred near
    # the village of X", "the incident took place at the part of the border formed by X".
    text = (
        "On 18 June 2010, four soldiers were killed in a surprise attack on their position. "
        "The incident occurred near the village of Talish."
    )
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert incident.place.name == "Talish"
    assert len(incident.sources) == 2


def test_a_ministry_in_the_capital_that_speaks_is_not_the_place(gaz: Gazetteer) -> None:
    # the wires' "the Defense Ministry in Baku said"; compare the officials in
    # Nagorno-Karabakh above, who report from where the news is
    text = "On 2 April 2016, the Defense Ministry in Baku said its troops had shelled Talish."
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert incident.place.name == "Talish"


def test_a_capital_where_the_ministry_spoke_is_not_the_place(gaz: Gazetteer) -> None:
    # NYT, September 1993: "The Azerbaijani Defense Ministry said in Baku, the capital, that ..."
    text = (
        "Published: September 05, 1993\n\n"
        "The Azerbaijani Defense Ministry said in Baku, the capital, that Armenian forces had "
        "captured Goradiz early today.\n"
    )
    (incident,) = _incidents(gaz, text)
    assert [p.place.name for p in incident.places] == ["Horadiz"]


def test_a_continuation_whose_subject_is_a_town_keeps_that_town(gaz: Gazetteer) -> None:
    # NYT, September 1993: undated, it goes on from the towns that fell, but is about its own
    text = (
        "Published: September 05, 1993\n\n"
        "Azerbaijani reports say a series of towns have fallen to Armenian forces in the last "
        "week, including Gubadli. Zengilan, on the southwestern rim of Azerbaijan and bordering "
        "Armenia, has been shelled throughout the week, the reports added.\n"
    )
    places = sorted(i.place.name for i in _incidents(gaz, text) if i.place is not None)
    assert places == ["Qubadlı", "Zangilan"]


_DAILY_REPORT = (
    "Date: 2020-04-10\n\n"
    "Ministry: the ceasefire was violated 24 times\n\n"
    "Armenian units violated ceasefire 24 times throughout the day in various directions of "
    "the front, the Defense Ministry said.\n\n"
    "Armenian units located in Voskevan village of Noyemberyan region fired on the army's "
    "positions in Gushchu Ayrim village of Gazakh region.\n\n"
    "The army's positions were also fired from the occupied Goyarkh village of Tartar region "
    "and Horadiz village of Fuzuli region.\n"
)


def test_a_daily_report_gives_each_far_direction_its_own_incident(gaz: Gazetteer) -> None:
    # The form of the Azerbaijani ministry's daily reports (AZERTAC, 2019-2020): a count for
    # the day, then one paragraph per direction of the front, none with a date of its own.
    found = sorted(
        (i.place.name if i.place else "", i.when.start, i.when.end, len(i.sources))
        for i in _incidents(gaz, _DAILY_REPORT)
    )
    day, before = dt.date(2020, 4, 10), dt.date(2020, 4, 9)
    assert [(start, end) for _, start, end, _ in found] == [(before, day), (before, day)]
    places = {name for name, *_ in found}
    assert places & {"Voskevan", "Qushchu Ayrim", "Noyemberyan"}
    assert places & {"Göyarx", "Horadiz"}
    # the count and the first direction are one report of the border section
    assert sorted(n for *_, n in found) == [1, 2]


def test_a_far_place_without_also_stays_the_report_it_continues(gaz: Gazetteer) -> None:
    text = _DAILY_REPORT.replace("were also fired", "were fired")
    (incident,) = _incidents(gaz, text)
    assert len(incident.sources) == 3


def test_the_capital_accused_of_an_attack_is_not_its_place(gaz: Gazetteer) -> None:
    # The wires name the governments by their capitals: "accuses Baku of shelling areas
    # inside Nagorno-Karabakh", "Baku accuses Armenia of mortar shelling".
    (accused,) = _incidents(
        gaz,
        "On 17 October 2020 the ministry accused Baku of shelling areas inside Nagorno-Karabakh.",
    )
    assert accused.place is not None
    assert accused.place.id == "wp:nagorno-karabakh"
    (shelled,) = _incidents(gaz, "On 17 October 2020 the ministry said shelling hit Baku.")
    assert shelled.place is not None
    assert shelled.place.name == "Baku"


def test_birth_years_in_brackets_do_not_make_a_survey(gaz: Gazetteer) -> None:
    # The agencies list each victim with "(born in 1986)"; two bracketed years usually mark a
    # sentence that surveys events ("Sumgait (1988) and Baku (1990)"), these do not.
    text = (
        "On 30 September 2022 an explosion of a mine near Horadiz killed Amid Asadov (born in "
        "1986) and Cherkez Guluzade (born in 2007)."
    )
    (incident,) = _incidents(gaz, text)
    assert incident.when.start == dt.date(2022, 9, 30)
    assert _incidents(gaz, text.replace("born in ", "")) == ()


def test_a_later_clause_counted_from_the_one_before_takes_its_place(gaz: Gazetteer) -> None:
    # Wikipedia's battle pages tell a capture and its reversal in one sentence
    text = (
        "On 10 April 1992 the army captured Maragha, but it was retaken by the Armenians the "
        "following day."
    )
    found = sorted(
        (i.when.start, i.place.name if i.place else "", i.place_inferred)
        for i in _incidents(gaz, text)
    )
    assert found == [
        (dt.date(1992, 4, 10), "Shikharkh", ""),
        (dt.date(1992, 4, 11), "Shikharkh", "place of the clause before (a date counted from it)"),
    ]
    # a clause with a date of its own is not counted from the one before
    own = text.replace("the following day", "on 12 May 1992")
    later = max(_incidents(gaz, own), key=lambda i: i.when.start)
    assert later.place is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Azertag (devnews 18): the shots come from Arazdeyen (Vedi) and land near Heydarabad
        (
            "On July 19, 2021 at about 23:40, the Armenian armed forces’ units from the "
            "positions near the Arazdeyen village of the Vedi region using various caliber "
            "weapons subjected to fire the positions of the Azerbaijan Army in the direction "
            "of the Heydarabad settlement in the Sadarak region of the Nakhchivan Autonomous "
            "Republic.",
            "Heydarabad",
        ),
        # seed 004: a march from the brigade's base to the capital
        (
            "In 1993 his brigade advanced in early June from its base in Ganja to Baku.",
            "Baku",
        ),
    ],
)
def test_where_the_fire_came_from_is_not_where_it_landed(
    gaz: Gazetteer, text: str, target: str
) -> None:
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert incident.place.name == target


# Turan, July 2017 (sentences shortened): "the village" five sentences after the village's
# name, past a sentence that names a city
ALKHANLY = (
    "Hərbi ataşelər Alxanlıda. Turan\n\n"
    "Baku / 07.07.17 / Turan: Residents of the village of Alkhanly of Fizuli region are "
    "agitated by the death of a woman and her granddaughter.\n\n"
    "The village of Alkhanly in a short time from August 1993 to January 1994 was under "
    "Armenian occupation. The Azerbaijani army liberated it during the winter campaign of "
    "1993-1994. However, after the liberation, the returning population lives under fire.\n\n"
    "The village is on a hill. However, the Armenian side shells it from more advantageous "
    "mountain positions from the occupied Fizuli district center.\n\n"
    "The village is located 2.5-3 km from the contact line.\n\n"
    "As local residents told Turan, there are no positions of the army in the village and "
    "on July 4, the Armenian side deliberately bombarded the village."
)


def test_the_village_is_the_last_village_named_not_a_city_between(gaz: Gazetteer) -> None:
    (bombed,) = [i for i in _incidents(gaz, ALKHANLY) if "bombarded" in i.sources[0].quote]
    assert bombed.when.start == dt.date(2017, 7, 4)
    assert bombed.place is not None
    assert bombed.place.name == "Alkhanli"
    assert bombed.place_inferred == "the one village 6 sentences before names (“Alkhanly”)"


def test_there_is_no_place_in_there_were(gaz: Gazetteer) -> None:
    # the existential "there" ("there are no positions ...", Turan 2017) refers back to no place
    text = (
        "Date: 2016-05-05\n\nArmenian forces shelled the village of Talish on 3 May.\n\n"
        "On 4 May there were clashes with Azerbaijani units.\n"
    )
    placed = {i.when.start.day: i.place.name if i.place else None for i in _incidents(gaz, text)}
    assert placed == {3: "Talish", 4: None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Trend, April 2022: the town stands for its district, the village is where it was
        (
            "On the night from April 7 through 8, 1992, during the occupation of Kalbajar, "
            "Armenian armed grip massacred the residents of the village of Aghdaban.",
            "Ağdaban",
        ),
        # seed 004
        (
            "On 26 January 1992, the Azerbaijani forces stationed in Shusha encircled and "
            "attacked the nearby Armenian village Karintak in an attempt to capture it.",
            "Karintak",
        ),
        # not a village named without the word, in a list of towns (seed 000, 2022)
        (
            "On 13 September 2022, clashes erupted in the direction of the towns of Vardenis, "
            "Sotk and Jermuk.",
            "Vardenis",
        ),
    ],
)
def test_a_village_called_so_goes_before_the_town_of_its_district(
    gaz: Gazetteer, text: str, expected: str
) -> None:
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert incident.place.name == expected


def test_the_event_an_opening_after_clause_tells_of_is_a_backdrop(gaz: Gazetteer) -> None:
    # Trend, 28 October 2020
    text = (
        "Date: 2020-10-28\n\nFollowing missile attacks on Tartar, Armed Forces of Armenia "
        "fired missiles on Barda on 28 October.\n"
    )
    (incident,) = _incidents(gaz, text)
    assert [p.place.name for p in incident.places] == ["Barda", "Tartar"]


def test_karabakh_alone_is_the_region(gaz: Gazetteer) -> None:
    # Turan, August 2014: "the list of 9 servicemen killed in Karabakh last night"
    text = "Date: 2014-08-01\n\nNine servicemen were killed in Karabakh last night.\n"
    (incident,) = _incidents(gaz, text)
    assert incident.place is not None
    assert (incident.place.id, incident.geo_precision) == ("wp:nagorno-karabakh", "region")
    # a side named after it places nothing
    text = "Date: 2014-08-01\n\nKarabakh Armenians said two soldiers were killed last night.\n"
    assert [i.place for i in _incidents(gaz, text)] == [None]
