from __future__ import annotations

import pytest

from geo.incidents.events import event_type, find_sides, is_aggregate, is_excluded
from geo.incidents.figures import find_deaths, span_figures


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "heavy fighting along the Nagorno-Karabakh frontline left 88 Armenian and 31–92 "
            "Azerbaijani soldiers dead.",
            [(119, 180)],
        ),
        (
            "heavy fighting along the Nagorno-Karabakh front left 91 Armenian (11 non-combat) "
            "and 94 Azerbaijani soldiers dead, with two missing.",
            [(185, 185)],
        ),
        ("As a result, three Azerbaijani soldiers were killed and one wounded.", [(3, 3)]),
        ("two Azerbaijani and one Armenian soldier were killed.", [(3, 3)]),
        (
            "Five more Azerbaijani troops were killed the following night, bringing the death "
            "toll from the August clashes to at least 15.",
            [(5, 5), (15, None)],
        ),
        ("Up to sixteen civilians were killed in the shelling.", [(None, 16)]),
        ("By 2009, as many as 3,000 people, mostly soldiers, had died.", [(None, 3000)]),
        (
            "The pogroms resulted in the deaths of 32 people (26 Armenians and 6 Azerbaijanis)",
            [(32, 32)],
        ),
        ("NKO said the Azerbaijanis had suffered 14 dead and many more injured.", [(14, 14)]),
        ("eight of their soldiers had been killed in three days of clashes", [(8, 8)]),
    ],
)
def test_death_figures(clause: str, expected: list[tuple[int | None, int | None]]) -> None:
    assert [(f.low, f.high) for f in find_deaths(clause)] == expected


def test_no_death_cue_no_figure() -> None:
    assert find_deaths("As many as 230,000 Armenians from Azerbaijan have been displaced.") == []


def test_span_over_claims() -> None:
    claims = [
        *find_deaths("left 88 Armenian and 31–92 Azerbaijani soldiers dead"),
        *find_deaths("left 27 Armenian and 28 Azerbaijani soldiers dead"),
        *find_deaths("left 91 Armenian (11 non-combat) and 94 Azerbaijani soldiers dead"),
    ]
    assert span_figures(claims) == (55, 185)


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("1 Azerbaijani MiG-21 was shot down near Shokhiy on 20 August 1992", "shootdown"),
        ("On 24 February 2017, Azerbaijani forces shelled the Armenian positions", "shelling"),
        ("A Nagorno-Karabakh soldier was killed by an Azerbaijani sniper", "sniper"),
        ("One Armenian soldier was killed on 11 October 2016 in a skirmish", "firefight"),
        ("Turkey closed its border after Armenian forces captured Kalbajar.", "capture"),
        ("the Khojaly Massacre (1992) directed against Azerbaijanis", "massacre"),
        ("the pogrom against Sumgait's Armenian population broke out", "pogrom"),
        ("killed in an attack by Azerbaijani drones", "drone"),
        ("Twelve Azerbaijani civilians were killed by landmine explosions", "landmine"),
        ("a new, smaller Azerbaijani offensive was planned", "offensive"),
        ("Further clashes near Tavush took place in July 2020.", "clash"),
        ("On 15 November, an Azerbaijani soldier was killed on the line of contact.", "other"),
        ("The 1989 Soviet census showed a decline of those minorities", None),
    ],
)
def test_event_types(clause: str, kind: str | None) -> None:
    assert event_type(clause) == kind


@pytest.mark.parametrize(
    "clause",
    [
        "According to the 1979 Soviet census, 160,841 Azeris lived in Armenia",
        "the United Nations General Assembly adopted Resolution 62/243",
        "An armistice was established by a tripartite ceasefire agreement on November 10",
    ],
)
def test_not_incidents(clause: str) -> None:
    assert is_excluded(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "In all during 2012, 19 Azerbaijani and 14 Armenian soldiers were killed.",
        "Throughout 2013, 12 Azerbaijani and 7 Armenian soldiers were killed in border clashes.",
        "Overall, 27 Azerbaijani soldiers had died since the start of the year in border clashes.",
    ],
)
def test_annual_totals_are_aggregates(clause: str) -> None:
    assert is_aggregate(clause)


def test_sides() -> None:
    clause = "two Azerbaijani and one Armenian soldier were killed"
    assert find_sides(clause) == ("Armenia", "Azerbaijan")
    assert find_sides("three Nagorno-Karabakh soldiers dead") == ("Artsakh",)
