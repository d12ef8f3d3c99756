"""Yearless, weekday and deictic dates take their year or day from the document's context."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.incidents import extract_incidents
from geo.incidents.dates import DateContext, WarSpan, find_dates, heading_date
from geo.incidents.extract import find_war
from geo.model import DateRange
from geo.places import load_gazetteer
from geo.read.corpus import parse_document
from tests.gazetteer_fixtures import PLACES_CSV

D = dt.date
ITEM = DateContext(item_date=D(2016, 12, 29), item_date_from="date prefix")


def _one(text: str, context: DateContext, previous: DateRange | None = None) -> DateRange:
    (found,) = find_dates(text, context=context, previous=previous)
    return found.when


def test_a_yearless_date_takes_the_latest_year_not_after_the_item() -> None:
    # An item of 29 December 2016 reporting "on 4 May" means May 2016; "on 30 December", a
    # day after the item, can only be the year before.
    when = _one("Two soldiers were killed on 4 May.", ITEM)
    assert (when.start, when.precision) == (D(2016, 5, 4), "day")
    assert when.inferred == "latest such date not after the item's date 2016-12-29 (date prefix)"
    assert _one("The post was shelled on 30 December.", ITEM).start == D(2015, 12, 30)
    assert _one("Shelling resumed in late March.", ITEM).start == D(2016, 3, 21)


def test_the_heading_year_comes_before_the_item_date() -> None:
    context = DateContext(
        year=2014, year_from="the heading", item_date=D(2016, 12, 29), item_date_from="address"
    )
    when = _one("On 15 November, a helicopter was shot down.", context)
    assert (when.start, when.inferred) == (D(2014, 11, 15), "year from the heading")
    # ... unless that puts the event after the item that reports it.
    late = DateContext(year=2017, year_from="the heading", item_date=D(2016, 12, 29))
    assert _one("On 15 November, a helicopter was shot down.", late).start == D(2016, 11, 15)


def test_a_year_in_the_same_sentence_is_not_inferred() -> None:
    found = find_dates("Between 1 April 2016 and 5 May, fighting went on.", context=ITEM)
    assert [(f.when.start, f.when.inferred) for f in found] == [
        (D(2016, 4, 1), ""),
        (D(2016, 5, 5), ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan said on Sunday it had established a checkpoint.", D(2023, 4, 23)),
        ("Armenian forces launched a fierce attack Sunday on a strategic town.", D(2023, 4, 23)),
        ("The village came under fire on Thursday night.", D(2023, 4, 20)),
        ("A soldier was killed by sniper fire today.", D(2023, 4, 24)),
        ("The border post was shelled last night.", D(2023, 4, 23)),
        ("Yesterday two shepherds were wounded.", D(2023, 4, 23)),
    ],
)
def test_weekdays_and_today_count_from_the_item_date(text: str, expected: dt.date) -> None:
    # 24 April 2023 was a Monday.
    context = DateContext(item_date=D(2023, 4, 24), item_date_from="date prefix")
    when = _one(text, context)
    assert (when.start, when.end, when.precision) == (expected, expected, "day")
    assert "the item's date 2023-04-24 (date prefix)" in when.inferred


def test_overnight_is_the_night_ending_on_the_item_date() -> None:
    # AP, 6 March 1992 (devnews 01): "12 people were killed in overnight shelling"
    context = DateContext(item_date=D(1992, 3, 6), item_date_from="date line")
    when = _one("Twelve people were killed in overnight shelling of the village.", context)
    assert (when.start, when.end, when.precision) == (D(1992, 3, 5), D(1992, 3, 6), "day")
    assert when.inferred == "'overnight' counted from the item's date 1992-03-06 (date line)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # APA, 8 June 2018 (devnews 13)
        # "the last days of" is the last third of the month
        ("In the last days of May this year, the heights were liberated.", D(2018, 5, 21)),
        ("In April last year, two soldiers were killed at the border.", D(2017, 4, 1)),
    ],
)
def test_this_year_and_last_year_count_from_the_item_date(text: str, expected: dt.date) -> None:
    context = DateContext(item_date=D(2018, 6, 8), item_date_from="date line")
    when = _one(text, context)
    assert (when.start, when.precision) == (expected, "month")
    assert "counted from the item's date 2018-06-08 (date line)" in when.inferred


def test_weekdays_need_an_item_date_near_the_texts_own_dates() -> None:
    # An encyclopedia article with a crawl date: its earlier dates are years away, so
    # "on Sunday" there is not the crawl's week.
    context = DateContext(item_date=D(2022, 2, 13), item_date_from="front matter")
    previous = DateRange(D(1992, 2, 25), D(1992, 2, 26), "day")
    assert find_dates("The town was attacked on Sunday.", context=context, previous=previous) == []
    assert find_dates("The town was attacked on Sunday.") == []
    assert find_dates("Kirovabad (today known as Ganja) was tense.", context=ITEM) == []


def test_a_named_war_gives_the_year_when_exactly_one_year_fits() -> None:
    war = find_war("During the 44-day war, Hadrut was taken.")
    assert war == WarSpan("44-day war", D(2020, 9, 27), D(2020, 11, 10))
    when = _one("On 9 October, Hadrut was shelled.", DateContext(war=war))
    assert (when.start, when.inferred) == (
        D(2020, 10, 9),
        "year from '44-day war' named in the text",
    )
    # The first war ran from 1992 to May 1994: "on 26 February" fits three years, so no year.
    first = find_war("Khojaly in the First Nagorno-Karabakh War")
    assert first is not None
    assert find_dates("On 26 February, the town fell.", context=DateContext(war=first)) == []
    assert find_war("The ceasefire of 1994 held.") is None
    # the names used in Armenia
    assert find_war("the definitive moments of the second Artsakh war") == WarSpan(
        "second Artsakh war", D(2020, 9, 27), D(2020, 11, 10)
    )
    assert find_war("known in Armenia as the Artsakh Liberation War") is not None


def test_a_timeline_dates_the_reports_under_each_date_heading() -> None:
    # The form of a timeline: bare-date headings, then that day's reports (sentences of seed
    # 004, "Nagorno-Karabakh conflict", set under headings as a chronicle would set them).
    text = (
        "Chronology of the border clashes of 1990\n\n"
        "26 March\n\n"
        "At dusk, they crossed the border storming the Azerbaijani village Bağanis Ayrum.\n\n"
        "27 March\n\n"
        "There were instances of violence against the civilian population (in particular, in "
        "the village Meshali).\n"
    )
    document = parse_document(text, "chronicle.txt")
    incidents = extract_incidents([document], load_gazetteer(PLACES_CSV)).incidents
    dated = sorted((i.when.start, i.place.name if i.place else None) for i in incidents)
    assert dated == [(D(1990, 3, 26), "Bağanis Ayrum"), (D(1990, 3, 27), "Meshali")]
    assert all(i.when.inferred.startswith("from the timeline heading") for i in incidents)


def test_a_live_blogs_time_stamp_dates_the_entry_under_it() -> None:
    # OC Media's and Al Jazeera's live updates stamp each entry with its day and time
    text = (
        "Live updates: Day 27 of fighting\n\n23 Oct 2020, 19:19\n\nShelling near Lachin\n\n"
        "Azerbaijani forces fired upon a road near the city of Lachin this afternoon.\n\n"
        "23 Oct 2020, 19:02\n\nNine villages taken\n\n"
        "The Azerbaijani military has taken control of two villages near Martuni.\n"
    )
    incidents = extract_incidents(
        [parse_document(text, "live.txt")], load_gazetteer(PLACES_CSV)
    ).incidents
    captured = [i for i in incidents if "Martuni" in i.sources[0].quote]
    assert [(i.when.start, i.when.inferred) for i in captured] == [
        (D(2020, 10, 23), "from the timeline heading '23 Oct 2020'")
    ]


def test_a_live_blog_entry_opening_with_its_time_takes_the_items_date() -> None:
    # Al Jazeera's live page: "06:45 GMT – Scud missile fired on Ganja, ... correspondent says"
    text = (
        "Date: 2020-10-17\n\nLive updates from the front\n\n"
        "Background paragraph on the talks held in Moscow last week by the two ministers.\n\n"
        "06:45 GMT – Missile fired on Ganja, a correspondent says.\n"
    )
    incidents = extract_incidents(
        [parse_document(text, "live.txt")], load_gazetteer(PLACES_CSV)
    ).incidents
    [ganja] = [i for i in incidents if "Ganja" in i.sources[0].quote]
    assert (ganja.when.start, ganja.when.end) == (D(2020, 10, 17), D(2020, 10, 17))
    assert ganja.when.inferred.endswith("a live blog's entry stamped with its time")


@pytest.mark.parametrize(
    "heading",
    ["Battle of Shusha, 8 May", "Events of 2 April and the days after", "The war"],
)
def test_a_heading_that_is_more_than_a_date_dates_nothing(heading: str) -> None:
    assert heading_date(heading, DateContext(year=1992)) is None


def _war_dated(text: str) -> list[tuple[dt.date, dt.date, str]]:
    document = parse_document(text, "article.txt")
    incidents = extract_incidents([document], load_gazetteer(PLACES_CSV)).incidents
    return [(i.when.start, i.when.end, i.when.inferred) for i in incidents]


def test_an_undated_report_during_a_short_war_takes_the_wars_span() -> None:
    # Wikipedia, "Battle of Shusha (2020)" (devset 17, CC BY-SA 4.0), lead sentence shortened.
    text = (
        "The Battle of Shusha was a battle fought between the armed forces of Azerbaijan and "
        "the self-proclaimed Republic of Artsakh, militarily supported by Armenia, over the "
        "control of the city of Shusha, during the Second Nagorno-Karabakh War.[41]\n"
    )
    assert _war_dated(text) == [
        (
            D(2020, 9, 27),
            D(2020, 11, 10),
            "the span of the war it names ('Second Nagorno-Karabakh War')",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a bound, not a time (seed 004, "Nagorno-Karabakh conflict")
        "Armenian forces occupied approximately 9% of Azerbaijan's territory outside the "
        "enclave until the 2020 Nagorno-Karabakh War.",
        # a map's legend, not a sentence (devset 20)
        "Areas captured by Azerbaijan during the Second Nagorno-Karabakh War",
        # a war of six years dates no single incident (devset 05)
        "The town was subject to daily shelling and total blockade by Armenian forces during "
        "the First Nagorno-Karabakh War.",
    ],
)
def test_a_war_named_as_a_bound_a_legend_or_a_long_war_dates_nothing(text: str) -> None:
    assert _war_dated(text + "\n") == []


def test_an_update_stamp_dates_nothing() -> None:
    # A news page's "(Story last updated June 23)" follows the item's date of 19 June; read as
    # a date it would push every later yearless date of the item into the year before.
    context = DateContext(item_date=D(2010, 6, 19), item_date_from="date line")
    assert find_dates("Washington - (Story last updated June 23)", context=context) == []
    assert find_dates("Updated: 23 June", context=context) == []
    assert _one("The post was shelled on June 18.", context).start == D(2010, 6, 18)


def test_a_dated_items_undated_lede_takes_the_items_date() -> None:
    # The wires' inverted pyramid: the headline and first paragraph tell the day's news with
    # no date of their own (Armenpress, APA and Panorama items of 2014-2020 read this way);
    # background further down stays undated.
    text = (
        "Date: 2020-10-01\n\n"
        "Drone shot down over Askeran\n\n"
        "An Azerbaijani military drone was shot down above a residential district of Askeran, "
        "the defence ministry said.\n\n"
        "The ministry published photographs of the wreckage. Residents said the night had "
        "been quiet. Schools in the town will open as usual.\n\n"
        "Two soldiers were killed in the shelling of a village near the border.\n"
    )
    document = parse_document(text, "item.txt")
    extraction = extract_incidents([document], load_gazetteer(PLACES_CSV))
    (incident,) = extraction.incidents
    assert (incident.when.start, incident.when.end) == (D(2020, 9, 30), D(2020, 10, 1))
    assert incident.when.inferred == (
        "on or the day before the item's date 2020-10-01 (Date: line); its first paragraph gives "
        "no date"
    )
    # the headline sums the news up and gets no date of its own (see _lede_date)
    assert [r.sentence.text[:12] for r in extraction.excluded] == ["Drone shot d", "Two soldiers"]


def test_a_pages_undated_lead_takes_the_infobox_date() -> None:
    # A Wikipedia battle page as scraped: the infobox's fields, then a lead that names the
    # event without its date (devset 01 and 04 scrape the box this way).
    text = (
        "Battle of the corridor\n\n"
        "- Conflict: Battle of the corridor\n"
        "- Date: 1–19 October 1992\n"
        "- Casualties1: 25 killed\n\n"
        "The Battle of the corridor was a military operation undertaken by the army in order "
        "to regain control over the road to Lachin.\n"
    )
    extraction = extract_incidents([parse_document(text, "page.txt")], load_gazetteer(PLACES_CSV))
    (incident,) = extraction.incidents
    assert (incident.when.start, incident.when.end) == (D(1992, 10, 1), D(1992, 10, 19))
    assert incident.when.inferred == "from the infobox's Date field"
    assert "an infobox field, not a report" in {r.reason for r in extraction.excluded}


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # AP, 4 July 1993 (a Sunday): "It lost its last major foothold in the enclave last week."
        ("The town fell last week.", D(1993, 6, 21), D(1993, 6, 27)),
        ("Shooting was reported earlier this week.", D(1993, 6, 28), D(1993, 7, 4)),
        ("Two soldiers died in the past week.", D(1993, 6, 28), D(1993, 7, 4)),
        # NYT, September 1993: "have fallen to Armenian forces in the last week"
        ("Two towns have fallen in the last week.", D(1993, 6, 28), D(1993, 7, 4)),
        ("Two soldiers died last month.", D(1993, 6, 1), D(1993, 6, 30)),
        # Reuters, 28 September 2022: "After border clashes two weeks ago that killed ..."
        ("Border clashes two weeks ago killed dozens.", D(1993, 6, 17), D(1993, 6, 23)),
        ("The village was shelled three days ago.", D(1993, 7, 1), D(1993, 7, 1)),
        ("The post was attacked several days ago.", D(1993, 6, 27), D(1993, 7, 2)),
        ("The town fell two months ago.", D(1993, 5, 1), D(1993, 5, 31)),
    ],
)
def test_weeks_and_months_count_from_the_item_date(text: str, start: dt.date, end: dt.date) -> None:
    context = DateContext(item_date=D(1993, 7, 4), item_date_from="date line")
    when = _one(text, context)
    assert (when.start, when.end) == (start, end)
    assert when.inferred.endswith("counted from the item's date 1993-07-04 (date line)")


def test_a_bare_year_in_a_list_of_the_wounded_gives_no_year() -> None:
    # An Azerbaijani agency's list gives each victim's year of birth after the name; the
    # yearless date that follows belongs to the item's year, not to 1963.
    text = (
        "Date: 2016-04-28\n\n"
        "The injured people are listed below.\n\n"
        "1. Imanov Mahammad, 1963, Garadaghli village.\n\n"
        "Beginning from April 27 evening, Armenian armed forces shelled villages of the Tartar "
        "district with mortars.\n"
    )
    extraction = extract_incidents([parse_document(text, "item.txt")], load_gazetteer(PLACES_CSV))
    assert [i.when.start for i in extraction.incidents] == [D(2016, 4, 27)]
    # a year that is a time still gives its year: "In 1993 ... On 2 April"
    text = "In 1993 the front moved north.\n\nOn 2 April, Armenian forces captured Kalbajar.\n"
    extraction = extract_incidents([parse_document(text, "page.txt")], load_gazetteer(PLACES_CSV))
    assert [i.when.start for i in extraction.incidents] == [D(1993, 4, 2)]


def test_a_declarations_year_does_not_date_the_items_news() -> None:
    # Caucasian Knot, March 2022: the declaration that ended the 2020 war is named by its date,
    # then the item goes on with its own news, whose year is the item's.
    text = (
        "Date: 2022-03-25\n\n"
        "Villagers evacuated\n\n"
        "Baku called the actions of its military near the village consistent with the "
        "declaration of November 9, 2020. On March 23, the village of Khramort was shelled.\n"
    )
    document = parse_document(text, "item.txt")
    (incident,) = extract_incidents([document], load_gazetteer(PLACES_CSV)).incidents
    assert incident.when.start == D(2022, 3, 23)


# Wikipedia, "2010 Mardakert skirmishes" (CC BY-SA 4.0, as mirrored at piglix.com): the year is
# only in the subject of the lede; the days after it have none.
MARDAKERT_2010 = (
    "The 2010 Mardakert skirmishes were a series of violations of the Nagorno-Karabakh War "
    "ceasefire. The skirmish occurred near the village of Chayli, located in the province of "
    "Mardakert/Tartar in Nagorno-Karabakh on June 18–19. The Azeri forces killed four Armenian "
    "soldiers. Armenian forces retaliated the next day by launching an attack near Fizuli on "
    "June 20–21, killing one Azerbaijani serviceman."
)
# seed 004: the written date is another event's, so the counted one stays
SHUSHA_NEXT_DAY = (
    "Iranian diplomats were able to bring the presidents to Tehran for bilateral talks on 7 May "
    "1992. The peace efforts were disrupted on the next day when Armenian troops captured the "
    "town of Shusha and completely failed following the capture of Lachin on 18 May."
)


def test_the_year_of_a_ledes_subject_dates_the_days_after_it() -> None:
    extraction = extract_incidents(
        [parse_document(MARDAKERT_2010, "page.txt")], load_gazetteer(PLACES_CSV)
    )
    spans = {(i.when.start, i.when.end) for i in extraction.incidents}
    assert (D(2010, 6, 18), D(2010, 6, 19)) in spans


def test_a_written_date_restating_a_counted_one_wins() -> None:
    extraction = extract_incidents(
        [parse_document(MARDAKERT_2010, "page.txt")], load_gazetteer(PLACES_CSV)
    )
    (fizuli,) = [i for i in extraction.incidents if "Fizuli" in i.sources[0].quote]
    assert (fizuli.when.start, fizuli.when.end) == (D(2010, 6, 20), D(2010, 6, 21))


def test_a_written_date_of_another_event_leaves_the_counted_one() -> None:
    extraction = extract_incidents(
        [parse_document(SHUSHA_NEXT_DAY, "page.txt")], load_gazetteer(PLACES_CSV)
    )
    (shusha,) = [i for i in extraction.incidents if "Shusha" in i.sources[0].quote]
    assert (shusha.when.start, shusha.when.end) == (D(1992, 5, 8), D(1992, 5, 8))


def test_a_heading_dated_after_the_item_dates_nothing() -> None:
    # Archives.am reposting a 1993 New York Times story: its own stamp heads the page.
    text = (
        "November 27, 2024\n\n"
        "Azerbaijan Claims Armenians Seized a Key Town\n\n"
        "Published: September 05, 1993\n\n"
        "The Government of Azerbaijan said today that Armenian forces had seized Goradiz.\n\n"
        "An official of the Red Cross in Baku could not confirm the town's capture.\n"
    )
    extraction = extract_incidents([parse_document(text, "item.txt")], load_gazetteer(PLACES_CSV))
    assert {i.when.start.year for i in extraction.incidents} == {1993}


def test_a_span_of_years_gives_no_year_to_the_dates_after_it() -> None:
    # Turan, July 2017: the village's history, then the week's news with yearless days
    text = (
        "Baku / 07.07.17 / Turan: Residents of the village of Alkhanly are agitated.\n\n"
        "The village from August 1993 to January 1994 was under Armenian occupation. The "
        "army liberated it during the winter campaign of 1993-1994. On July 4, a shell hit "
        "a yard in the village, and a grandmother and her granddaughter were killed.\n"
    )
    extraction = extract_incidents([parse_document(text, "item.txt")], load_gazetteer(PLACES_CSV))
    killed = [i for i in extraction.incidents if "shell hit" in i.sources[0].quote]
    assert [i.when.start for i in killed] == [D(2017, 7, 4)]


# AP, 7 March 1992, "Key Dates in Azerbaijan-Armenia Conflict" (entries shortened)
AP_KEY_DATES = (
    "MOSCOW (AP) _ Key developments in the Armenian-Azerbaijani dispute:\n\n"
    "JANUARY 1990 - After rioting against Armenians in the Azerbaijani capital of Baku, "
    "Soviet troops crush the uprising.\n\n"
    "APRIL 1991 - Soviet army and Azerbaijani riot police deport the Armenian population of "
    "regions in Azerbaijan. This sparks fighting that leaves 60 dead, mostly Armenians.\n"
)


def test_a_timeline_entry_that_opens_with_its_date_is_what_the_next_sentence_goes_on() -> None:
    extraction = extract_incidents(
        [parse_document(AP_KEY_DATES, "item.txt")], load_gazetteer(PLACES_CSV)
    )
    sparks = [i for i in extraction.incidents if any("sparks" in s.quote for s in i.sources)]
    assert [(i.when.start, i.when.end) for i in sparks] == [(D(1991, 4, 1), D(1991, 4, 30))]


def test_a_chronology_turns_the_year_after_december() -> None:
    # 20january.az's chronology of 1987-88: yearless entries in order
    text = (
        "October 19 In October 1987, Heydar Aliyev was dismissed from the Political Bureau.\n"
        "December 1 Members of the Armenian community submitted an appeal.\n"
        "January 25 As a result of Armenian attacks on Azerbaijani villages, refugees from "
        "Kafan began to arrive.\n"
    )
    extraction = extract_incidents([parse_document(text, "page.txt")], load_gazetteer(PLACES_CSV))
    assert [i.when.start for i in extraction.incidents] == [D(1988, 1, 25)]


def test_a_yearless_date_just_after_the_item_is_one_it_looks_ahead_to() -> None:
    # RTT News, 6 June 2012: "when the two meet in Paris on June 18" is no June 2011
    context = DateContext(item_date=D(2012, 6, 6), item_date_from="date line")
    assert find_dates("The ministers will meet in Paris on June 18.", context=context) == []
    assert _one("The post was shelled on 10 June.", context).start == D(2011, 6, 10)
    # a date well after the item in the calendar is still last year's
    assert _one("Two soldiers were killed on 18 September.", context).start == D(2011, 9, 18)


def test_the_items_own_stamp_gives_no_year_to_the_text_under_it() -> None:
    # Artsakh.news, 4 March 2018, on the clashes of March 2008 (shortened)
    text = (
        "Martakert military clashes began on March 4, 2008\n\n"
        "Sunday, 04 March, 2018, 10:20\n\n"
        "On March 4 early in the morning Azerbaijani armed forces attacked the positions "
        "near the village Levonarkh in Martakert.\n"
    )
    extraction = extract_incidents([parse_document(text, "item.txt")], load_gazetteer(PLACES_CSV))
    attack = [i for i in extraction.incidents if "Levonarkh" in i.sources[-1].quote]
    assert [i.when.start for i in attack] == [D(2008, 3, 4)]


def test_this_year_counts_from_the_item_after_a_sentence_on_another_year() -> None:
    # APA, June 2018: "in the last days of May this year" after a sentence on 1992
    context = DateContext(item_date=D(2018, 6, 8), item_date_from="date line")
    found = find_dates(
        "It is reported that in the last days of May this year, the heights were taken.",
        context=context,
        previous=DateRange(D(1992, 1, 1), D(1992, 12, 31), "year"),
    )
    assert [(f.when.start, f.when.end) for f in found] == [(D(2018, 5, 21), D(2018, 5, 31))]
    found = find_dates("The telegrams came in the first days of March.", context_year=1991)
    assert [(f.when.start, f.when.end) for f in found] == [(D(1991, 3, 1), D(1991, 3, 10))]


def test_the_present_tense_of_a_quotation_is_not_the_items() -> None:
    # ANI, September 2015, quoting telegrams of March 1991 (shortened)
    text = (
        "Date: 2015-09-03\n\nYesterday a new city park was opened in Yerevan.\n\n"
        "The inhabitants of Getashen circulated telegrams: “We beg of you to save us. The "
        "Soviet army is wiping out Soviet citizens. The Azerbaijan OMON is capturing our "
        "children, women and elderly.”\n"
    )
    extraction = extract_incidents([parse_document(text, "page.txt")], load_gazetteer(PLACES_CSV))
    assert [i.when.start.year for i in extraction.incidents] == []
    # outside a quotation the present tense is the item's
    text = (
        "Date: 2015-09-03\n\nYesterday a new city park was opened in Yerevan.\n\n"
        "The Azerbaijan OMON is capturing the villages of Getashen.\n"
    )
    extraction = extract_incidents([parse_document(text, "page.txt")], load_gazetteer(PLACES_CSV))
    assert [i.when.start.year for i in extraction.incidents] == [2015]


def test_the_lede_is_the_first_paragraph_under_a_long_headline() -> None:
    # a repost of CivilNet, October 2020: the blog's "Categories:" line is metadata, and the
    # fifteen-word headline under it is not the item's first paragraph
    text = (
        "Categories: 2020\n\n"
        "CivilNet: Azerbaijan’s Artillery Strike Kills One Civilian, Injures Two in Armenia’s "
        "Gegharkunik region\n\n"
        "2 October, 2020 03:52\n\n"
        "An Azerbaijani artillery strike directed at Shatvan and Mets Masrik towns in Armenia’s "
        "Gegharkunik region killed one man and injured two other civilians.\n"
    )
    document = parse_document(text, "item.txt")
    assert document.metadata["categories"] == "2020"
    assert document.headline.startswith("CivilNet: Azerbaijan’s Artillery Strike")
    extraction = extract_incidents([document], load_gazetteer(PLACES_CSV))
    strike = [i for i in extraction.incidents if any("Shatvan" in s.quote for s in i.sources)]
    assert [(i.when.start, i.when.end) for i in strike] == [(D(2020, 10, 1), D(2020, 10, 2))]
