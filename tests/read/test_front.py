"""Header lines, date lines, datelines and titles of news items, on the forms real items use."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.read.corpus import parse_document
from geo.read.front import (
    dateline_date,
    is_bare_date,
    match_dateline,
    page_stamp,
    parse_date_line,
    split_header,
    url_date,
)

D = dt.date


# Datelines as the agencies write them (listed in ../shared/devnews/README.md): the wires of
# both sides and the international ones.
@pytest.mark.parametrize(
    ("text", "city", "month", "day"),
    [
        ("BAKU, December 29. /TASS/. The Azerbaijani Defense Ministry said", "BAKU", 12, 29),
        ("Tartar, September 28, AZERTAC", "Tartar", 9, 28),
        ("STEPANAKERT, FEBRUARY 21, ARMENPRESS. The Azerbaijani Ministry", "STEPANAKERT", 2, 21),
        ("Baku, Azerbaijan, Nov. 27", "Baku", 11, 27),
        ("Moscow, April 23", "Moscow", 4, 23),
        ("BAKU, Azerbaijan (AP) _ Armenian forces backed by tanks launched", "BAKU", None, None),
        ("YEREVAN (Combined Sources) — Azerbaijan launched", "YEREVAN", None, None),
        ("YEREVAN. – Azerbaijani forces", "YEREVAN", None, None),
    ],
)
def test_datelines_of_the_wires(text: str, city: str, month: int | None, day: int | None) -> None:
    found = match_dateline(text)
    assert found is not None
    assert (found.city, found.month, found.day) == (city, month, day)
    assert text.startswith(found.text)


@pytest.mark.parametrize(
    "text",
    [
        "Baku, the capital, was quiet on Sunday.",
        "Armenian forces shelled Tartar on 28 September.",
        "Stepanakert came under fire.",
        "On 4 May, two soldiers were killed.",
    ],
)
def test_prose_is_no_dateline(text: str) -> None:
    assert match_dateline(text) is None


def test_turans_slashed_dateline_carries_the_whole_date() -> None:
    # Turan, July 2017: "Baku / 07.07.17 / Turan: Residents of the village of ..."
    found = match_dateline("Baku / 07.07.17 / Turan: Residents of the village of Alkhanly")
    assert found is not None
    assert (found.city, found.text) == ("Baku", "Baku / 07.07.17 / Turan:")
    assert dateline_date(found, None) == D(2017, 7, 7)
    found = match_dateline("Baku/12.03.2015/Turan: The ministry said")
    assert found is not None
    assert dateline_date(found, None) == D(2015, 3, 12)
    # a fraction or a score is no dateline
    assert match_dateline("Baku / 45.67.12 / Turan: x") is None
    assert match_dateline("Baku / the capital: x") is None


def test_a_dateline_without_year_takes_the_latest_year_not_after_the_reference() -> None:
    dateline = match_dateline("Moscow, April 23")
    assert dateline is not None
    assert dateline_date(dateline, D(2023, 4, 24)) == D(2023, 4, 23)
    dateline = match_dateline("BAKU, December 29. /TASS/.")
    assert dateline is not None
    assert dateline_date(dateline, D(2017, 1, 2)) == D(2016, 12, 29)
    assert dateline_date(dateline, None) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("July 4, 1993", D(1993, 7, 4)),
        ("20.07.2021 [12:25]", D(2021, 7, 20)),
        ("2014 August 01 (Friday) 14:09:13", D(2014, 8, 1)),
        ("KARABAKH  05 March 2023 - 15:14", D(2023, 3, 5)),
        ("  • calendar-gray 08 June 2018", D(2018, 6, 8)),
        ("3 April 2014, 10:05 AMT", D(2014, 4, 3)),
        # Not one full date: no day, a range, an infobox cell, prose, no year.
        ("September 2022", None),
        ("Date12–14 September 2022", None),
        ("Armenian forces shelled the village on 4 July 1993.", None),
        ("December 29, 14:41 UTC+3 BAKU", None),
        ("Related topics", None),
    ],
)
def test_date_lines(line: str, expected: dt.date | None) -> None:
    assert parse_date_line(line) == expected


def test_header_lines_and_a_stores_date_prefix_are_metadata() -> None:
    lines = [
        "Source: http://tass.com/world/923233",
        " date 2016-12-29 Back to Main page",
        "Azerbaijan reports shootout at Armenian border",
    ]
    fields, rest = split_header(lines)
    assert fields == {"source": "http://tass.com/world/923233", "date_prefix": "2016-12-29"}
    assert rest == ["Back to Main page", "Azerbaijan reports shootout at Armenian border"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.aljazeera.com/news/2020/10/5/azerbaijan-armenia-accuse", D(2020, 10, 5)),
        ("https://www.latimes.com/archives/la-xpm-1992-03-06-mn-3341-story.html", D(1992, 3, 6)),
        ("https://www.armenpress.am/eng/news/1076070/", None),
    ],
)
def test_dates_in_article_addresses(url: str, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_a_one_paragraph_item_keeps_its_only_paragraph() -> None:
    # The commonest paste: one paragraph, no title. It used to be taken as the title and lost.
    text = "Azerbaijani forces shelled the village of Chinari in Tavush on 29 December 2016."
    document = parse_document(text, "item.txt")
    assert [s.text for s in document.sentences] == [text]
    assert document.headline == ""


def test_a_headline_is_kept_as_headline_and_read_as_a_sentence() -> None:
    text = (
        "Source: https://www.apnews.com/f0afc0e4fbaaf7a29a727d76c4c3ac18\n"
        "Related topics\n\n"
        "Armenians Attack Important Azerbaijani Town Near Enclave\n\n"
        "July 4, 1993\n\n"
        "BAKU, Azerbaijan (AP) _ Armenian forces backed by tanks launched a fierce attack "
        "Sunday on a strategic town in eastern Azerbaijan.\n"
    )
    document = parse_document(text, "ap.txt")
    assert document.headline == "Armenians Attack Important Azerbaijani Town Near Enclave"
    assert (document.published, document.published_from) == (D(1993, 7, 4), "date line")
    assert document.dateline == "BAKU, Azerbaijan (AP) _"
    texts = [s.text for s in document.sentences]
    assert texts[0] == "Related topics"  # residue is kept, never dropped silently
    assert document.headline in texts
    assert texts[-1].startswith("Armenian forces backed by tanks")
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


def test_a_wikitext_dump_title_is_the_headline() -> None:
    text = (
        "Source: https://en.wikipedia.org/wiki/Sumgait_pogrom\n= Sumgait pogrom =\n\n"
        "Ethnic Azerbaijanis carried out a pogrom in February 1988.\n"
    )
    document = parse_document(text, "wiki.txt")
    assert document.headline == "Sumgait pogrom"
    assert document.metadata["source"] == "https://en.wikipedia.org/wiki/Sumgait_pogrom"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("14 March", True),
        ("March 14, 2020", True),
        ("1988", True),
        ("Wednesday, 18 January", True),
        ("FEBRUARY 21", True),
        ("On 14 March, the village was shelled.", False),
        ("May Day parade", False),
    ],
)
def test_bare_date_lines_head_a_timeline(line: str, expected: bool) -> None:
    assert is_bare_date(line) is expected


def test_the_address_on_a_url_line_dates_the_item_beside_a_source_line() -> None:
    # Items saved with both lines (the helpers' and users' copies: "Source: <outlet>", then
    # "URL: <address>"): the outlet's name must not hide the date in the address.
    text = (
        "Source: Tut.am\n"
        "URL: http://news.tut.am/en/2018/09/17/21755/\n\n"
        "Azerbaijan fired at a border village\n\n"
        "On the evening of September 15, the village came under fire.\n"
    )
    document = parse_document(text, "item.txt")
    assert (document.published, document.published_from) == (D(2018, 9, 17), "address")
    no_address = parse_document(
        text.replace("URL: http://news.tut.am/en/2018/09/17/21755/\n", ""), "item.txt"
    )
    assert no_address.published is None


@pytest.mark.parametrize("value", ["2014-08-06", "'2014-08-06'", "2014-08-06T10:30:00"])
def test_a_front_matter_date_is_the_items_date_quoted_or_not(value: str) -> None:
    # YAML reads an unquoted date as a date object (Jekyll and Hugo write them so)
    text = f"---\ntitle: Clashes near Talish\ndate: {value}\n---\nSoldiers were killed.\n"
    document = parse_document(text, "item.md")
    assert (document.published, document.published_from) == (D(2014, 8, 6), "front matter")
    assert document.headline == "Clashes near Talish"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Published Date: 07:00 | 23 July 2021", ("published", dt.date(2021, 7, 23))),
        ("Modified Date: 07:00 | 24 July 2021", ("modified", dt.date(2021, 7, 24))),
        ("Posted on 3 May 2016", ("posted", dt.date(2016, 5, 3))),
        ("Last updated: 5 June 2020 10:12", ("last updated", dt.date(2020, 6, 5))),
        ("Published reports say 12 soldiers died on 3 May 2016.", None),
    ],
)
def test_a_pages_time_stamps(line: str, expected: tuple[str, dt.date] | None) -> None:
    assert page_stamp(line) == expected


def test_a_stamp_after_the_lede_dates_the_item_and_splits_no_section() -> None:
    # The layout of AMP copies of wire stories: headline, lede, then the page's stamps.
    text = (
        "Soldier killed at the border\n"
        "A soldier was killed and three troops were wounded on Friday at the border.\n"
        "- World\n"
        "- Published Date: 07:00 | 23 July 2021\n"
        "- Modified Date: 07:00 | 23 July 2021\n"
        "The ministry said a sniper had killed one of its soldiers on Friday.\n"
    )
    document = parse_document(text, "item.txt")
    assert (document.published, document.published_from) == (dt.date(2021, 7, 23), "published line")
    assert {s.heading for s in document.sentences if "soldier" in s.text} == {""}


# RTT News, June 2012, as a forum reposted it: wrapped at a fixed width, no blank lines
WRAPPED = (
    "FIVE AZERBAIJANI TROOPS KILLED IN BORDER CLASHES WITH ARMENIA\n"
    "RTT News\n"
    "June 6 2012\n"
    "(RTTNews) - Azerbaijan's defense ministry said Tuesday that five of\n"
    "its soldiers have been killed in two separate clashes with Armenian\n"
    "troops along the border separating the two nations.\n"
    "The ministry said four Azerbaijani soldiers were killed in fighting\n"
    'with an "Armenian sabotage group" attempting to enter Azerbaijani\n'
    "military positions in the village of Asagi Askipara in the country's\n"
    "western Qazax district.\n"
)


def test_text_wrapped_at_a_fixed_width_is_read_in_whole_sentences() -> None:
    document = parse_document(WRAPPED, "wrapped.txt")
    texts = [s.text for s in document.sentences]
    assert (
        "(RTTNews) - Azerbaijan's defense ministry said Tuesday that five of its soldiers have "
        "been killed in two separate clashes with Armenian troops along the border separating "
        "the two nations."
    ) in texts
    assert texts[-1].startswith("The ministry said four Azerbaijani soldiers were killed")
    assert texts[-1].endswith("in the country's western Qazax district.")
    # the short lines above stay lines: the date line still dates the item
    assert document.published == D(2012, 6, 6)


def test_lines_of_one_paragraph_each_are_not_joined() -> None:
    text = (
        "Armenian forces shelled the village on 3 May 2016, the ministry said in its report\n"
        "Two soldiers were killed near Talish on 4 May 2016, according to the defence ministry\n"
        "The Azerbaijani side said its positions came under fire on 5 May 2016 near Madagiz\n"
    )
    assert len(parse_document(text, "lines.txt").sentences) == 3


def test_the_items_clock_stamp_wins_over_the_sites_date_of_the_day() -> None:
    # Artsakh.news, 2018: the site's date of the day the page was saved, the weather, the
    # headline, then the item's own stamp
    text = (
        "Friday, 23 August, 2019\n"
        "In Stepanakert:   +27 °C\n\n"
        "Martakert military clashes began on March 4, 2008\n\n"
        "Sunday, 04 March, 2018, 10:20\n\n"
        "On March 4 Martakert military confrontations started shortly after the election.\n"
    )
    document = parse_document(text, "item.txt")
    assert (document.published, document.published_from) == (D(2018, 3, 4), "date line")


def test_a_timelines_first_day_is_not_the_items_date() -> None:
    # EVN Report's nine-day timeline of May 2021 (shortened): a bare date heads each day
    text = (
        "May 12, 2021\n"
        "On Wednesday, May 12, 2021, reports started circulating of skirmishes near Ishkhanasar.\n"
        "May 13, 2021\n"
        "On the following day, May 13, the ministry reported that Azerbaijani forces tried to "
        "advance their positions near Vardenis.\n"
    )
    assert parse_document(text, "timeline.txt").published is None
    one_day = "May 12, 2021\nOn Wednesday, reports started circulating of skirmishes.\n"
    assert parse_document(one_day, "item.txt").published == D(2021, 5, 12)
