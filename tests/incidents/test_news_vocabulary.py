"""The defence ministries' and the wires' words for violence, and what around it is no incident.

Each sentence follows a form seen in the development news corpus (both sides' agencies and the
international wires) or in the seeds; they are written here in our own words.
"""

from __future__ import annotations

import pytest

from geo.incidents.events import event_type, is_aggregate, is_excluded
from geo.model import EventType, Sentence
from geo.places import Gazetteer, find_mentions


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The army's positions in the Nakhchivan direction were subjected to fire.", "firefight"),
        ("Farmers came under small arms fire while working in the vineyards.", "firefight"),
        ("The ministry accused Armenia of opening fire in the direction of Tartar.", "firefight"),
        ("Armenian units fired upon Azerbaijani positions near the village.", "firefight"),
        ("The Azerbaijani units violated the ceasefire in the area.", "firefight"),
        # the Azerbaijani ministry's daily report writes it without the article
        ("Armenian units violated ceasefire 24 times throughout the day.", "firefight"),
        ("Armenian units violated the cease-fire regime on the northern section.", "firefight"),
        ("The positions of the army were also fired from the hills near the village.", "firefight"),
        (
            "A fire broke out in the forest as a result of the shots fired by the troops.",
            "firefight",
        ),
        ("Shots were fired from the opposite side at the post.", "firefight"),
        ("It was retaken by the Armenians the following day.", "capture"),
        # the agencies' reports of the mine victims since 2020
        (
            "In the liberated village an anti-tank mine's explosion killed two residents.",
            "landmine",
        ),
        ("Two were injured as a result of the explosion of an anti-personnel mine.", "landmine"),
        ("Two shepherds were wounded in the explosion of a mine near the village.", "landmine"),
        ("Both sides made claims of border shootings.", "firefight"),
        ("A soldier of the Defense Army was killed in action.", "clash"),
        ("Two servicemen fell in battle near the border.", "clash"),
        ("Three soldiers perished.", "other"),
        ("The Azerbaijani Army liberated Hadrut and several villages.", "capture"),
        ("Units were sent to liberate the district.", "capture"),
        ("Multiple strikes hit residential homes in less than a minute.", "shelling"),
        ("The cathedral was struck twice within hours.", "shelling"),
        ("In 1993 Armenian forces occupied the district and its villages.", "capture"),
        ("The village, occupied by Armenian armed forces in 1992, was returned.", "capture"),
        ("The heights were taken under control by the army units.", "capture"),
        ("The military operation conducted by the Soviet Army began in May.", "offensive"),
        ("Yerevan accused Azerbaijani troops of attacking a border post.", "clash"),
        # the wires relaying both ministries (Reuters, 28 September 2022)
        ("Armenian units had started firing at Azerbaijani positions.", "firefight"),
        ("Azerbaijani forces had fired towards Armenian positions near the border.", "firefight"),
        (
            "Both sides accused each other of breaching the truce by firing across the border.",
            "firefight",
        ),
        # the Azerbaijani ministry's spokesman (September 2020)
        ("The army also took under control some strategic peaks in the highlands.", "capture"),
        ("Baku said it took under its control several strategic peaks.", "capture"),
        ("The army has taken control of nine new villages.", "capture"),
        # Panorama, March 2022: the ceasefire named by its zone, and an invasion
        ("Azerbaijani forces violated the Artsakh (Nagorno-Karabakh) ceasefire.", "firefight"),
        ("Troops invaded the area of responsibility of the peacekeepers.", "offensive"),
        # HRW, Amnesty and both sides' agencies on the 2020 war
        ("The town was continuously attacked with cluster munitions.", "shelling"),
        ("They launched the attack by using cluster bombs.", "shelling"),
        ("Azerbaijani forces take control of Hadrut and the heights around it.", "capture"),
        # the loser's side of a capture (AP, 1993; seeds; devset)
        ("Its forces fled north after losing Mardakert on Sunday.", "capture"),
        ("The loss of Lachin was the final blow to the regime.", "capture"),
        ("It lost its last major foothold in the enclave last week.", "capture"),
        ("Two young men lost their lives in the clash's aftermath.", "clash"),
        ("Two young men lost their lives.", "other"),
    ],
)
def test_wire_idioms_are_violence(clause: str, expected: EventType) -> None:
    assert event_type(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        # 1988 in the seeds: the Yerevan and Stepanakert strikes were labour strikes
        "Workers held a general strike in Yerevan and the city stood still.",
        "The two leaders struck a deal on the border.",
        "The deputy minister was fired from his post in May.",
        # "the liberated territory": an adjective of a place, not a capture
        "Residents returned to the liberated territory in May.",
        "The newly liberated town held its first market.",
        # a denied word: "there was no shelling", "no fighting was reported"
        "Half of the families have returned; there were no shelling attacks this week.",
        "No fighting was reported on the line of contact.",
        # a loss that is no place's capture, or only times what follows
        "Many voters lost faith in Gorbachev that year.",
        "The army lost about 1,500 of its soldiers in one winter.",
        "The court cleared him of any responsibility after the loss of Khojaly.",
        # "to take" as a step, not an assault
        "We expect the peacekeepers to take measures to restore the line.",
        "Students were called on to take action in response.",
        "Volunteers were sent to take part in the relief effort.",
    ],
)
def test_a_labour_strike_and_a_deal_struck_are_no_violence(clause: str) -> None:
    assert event_type(clause) is None


@pytest.mark.parametrize(
    "clause",
    [
        "Refugees from the occupied territories asked to return.",
        "The district remained under the control of the separatist forces.",
    ],
)
def test_occupation_as_a_state_is_no_event(clause: str) -> None:
    assert event_type(clause) is None


@pytest.mark.parametrize(
    "clause",
    [
        "The Nagorno-Karabakh War, also known as the Artsakh Liberation War, was fought.",
        "The ministry said the reports were entirely false.",
    ],
)
def test_names_and_denials_without_violence_are_not(clause: str) -> None:
    assert event_type(clause) != "capture"
    assert event_type(clause) not in ("firefight", "shootdown")


@pytest.mark.parametrize(
    "clause",
    [
        "The president offered condolences to the families of the soldiers killed on 4 May.",
        "Today marks the 21st anniversary of the liberation of Karvachar.",
    ],
)
def test_condolences_and_anniversaries_are_not_incidents(clause: str) -> None:
    assert is_excluded(clause)


def test_a_breach_of_the_ceasefire_is_an_incident_and_a_call_upon_the_parties_is_not() -> None:
    # the OSCE mediators' statements (relayed by Armenian and Azerbaijani agencies alike)
    assert event_type("On 25 February there was a serious breach of cease fire on the line.") == (
        "firefight"
    )
    assert is_excluded("The mediators call upon the parties to allow recovery of the dead.")


def test_an_attack_told_before_the_diplomacy_that_dates_it_is_an_incident() -> None:
    # A June 2010 wire: "... the incident took place just a day after the latest ... summit";
    # with the talks first, the sentence is about the talks.
    assert not is_excluded(
        "A raid across the line of contact on 18 June left four soldiers dead; it came a day "
        "after the presidents' summit."
    )
    assert is_excluded("At the summit the presidents condemned the raid on 18 June.")


def test_running_totals_are_not_incidents_but_superlatives_are_not_totals() -> None:
    assert is_aggregate("To date, 2,783 servicemen have been killed, the ministry said.")
    assert is_aggregate("So far, as a result, five deaths have been reported.")
    assert not is_aggregate("A four day escalation in April 2016 marks the worst fighting to date.")
    # one day's count in a ministry's daily report, not a total over a period
    assert not is_aggregate("Armenian units violated ceasefire 24 times throughout the day.")
    # nor is a week's shelling of one town (NYT, September 1993)
    assert not is_aggregate("The town has been shelled throughout the week, the reports added.")
    assert is_aggregate("Shelling continued throughout the war.")
    # a toll since the war began (Armenpress, October 2020)
    assert is_aggregate(
        "7 civilians in Artsakh have been killed by Azeri bombings since the attacks began."
    )
    assert not is_aggregate("The shelling began on September 27 and killed two civilians.")
    # a live blog's growing toll
    assert is_aggregate("Fatalities among military personnel have risen to at least 926.")
    assert is_aggregate("By then the number of soldiers killed rose to 39.")


def test_a_front_stretch_is_placed_at_its_first_place(gazetteer: Gazetteer) -> None:
    text = "Shots were fired on the Agdam–Tartar section of the line of contact on 1 August."
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    names = [m.as_written for m in find_mentions(gazetteer, sentence)]
    assert names[0] == "Agdam"
    text = "The Kars-Gyumri train was stopped."
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    assert find_mentions(gazetteer, sentence) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ministries name a front sector after its district: the district row, if any
        ("Armenian units opened fire in the direction of Tovuz.", "wp:tovuz-district"),
        (
            "The army positions in the Nakhchivan direction came under fire.",
            "wp:nakhchivan-autonomous-republic",
        ),
        ("Heavy fighting continued in the Fuzuli direction.", "wp:fuzuli-district"),
        # no district row is named so: the town stays
        ("Shots were fired in the direction of Talish.", "wp:talish"),
    ],
)
def test_a_direction_is_the_district_it_is_named_after(
    gazetteer: Gazetteer, text: str, expected: str
) -> None:
    sentence = Sentence(doc="x.txt", index=0, text=text, start=0, end=len(text))
    mentions = find_mentions(gazetteer, sentence)
    assert mentions[0].place.id == expected


@pytest.mark.parametrize(
    "clause",
    [
        "No one was killed in the shelling of the village.",
        "They used not only assault rifles but also heavy machine guns.",
    ],
)
def test_a_negation_before_another_word_keeps_the_cue(clause: str) -> None:
    assert event_type(clause) is not None


@pytest.mark.parametrize(
    "clause",
    [
        # seed 004 and a 1992 newspaper's account of the rights group's report
        "According to Memorial, the villages Malibeyli and Gushchular were attacked and burned.",
        "A report by Memorial, the Moscow-based human rights group, on the massive violations "
        "committed in the taking of Khojaly",
    ],
)
def test_the_rights_group_memorial_is_no_monument(clause: str) -> None:
    assert not is_excluded(clause)


def test_a_memorial_is_still_no_incident() -> None:
    assert is_excluded("Memorial in Nor Maragha, Armenia for the victims of the massacre.")
    assert is_excluded("A memorial to those killed in the shelling was unveiled in Tartar.")


@pytest.mark.parametrize(
    "clause",
    [
        # a timeline's present tense (CivilNet) and a Wikipedia copy's infobox claim (devset 19)
        "December 14, 2020 – Violating the November 9 ceasefire statement, Azerbaijan captures "
        "the last remaining part of the Hadrut region of Artsakh",
        "Per Azerbaijan: Azerbaijan captures strategic heights along the border",
        "Azerbaijan seizes the heights above the village",
        # the present perfect of "fell to" (NYT, September 1993)
        "a series of towns in the south have fallen to Armenian forces in the last week",
    ],
)
def test_the_present_tense_of_a_capture(clause: str) -> None:
    assert event_type(clause) == "capture"


@pytest.mark.parametrize(
    "clause",
    [
        # AP and a 1993 dispatch; RFE/RL on the September 2022 border fighting
        "Armenian troops advanced on this strategic Azerbaijani city Tuesday",
        "In April, Armenian fighters advanced in a pincer movement from Armenia and Karabakh",
        "the enemy has been trying to secure positional advances, notably towards Sotk",
        "civilians fleeing the latest Armenian advance in south west Azerbaijan",
        # EVN Report, May 2021, relaying the Armenian ministry
        "Azerbaijani forces tried to advance their military positions near Vardenis",
    ],
)
def test_an_advance_is_an_offensive(clause: str) -> None:
    assert event_type(clause) == "offensive"


def test_an_advance_of_time_or_a_game_is_no_offensive() -> None:
    assert event_type("They harvested foodstuffs months in advance.") is None
    assert event_type("To advance, players must handle a variety of tasks.") is None


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # AP's 1992 timeline; Wikipedia's "anti-Armenian riots"
        ("After rioting against Armenians in the Azerbaijani capital of Baku", "pogrom"),
        ("anti-Armenian riots broke out in the city", "pogrom"),
        # the present tense of a timeline
        ("Soviet army and Azerbaijani riot police deport the Armenian population", "other"),
        # Artsakh.news, 2018
        ("On March 4 Martakert military confrontations started", "clash"),
    ],
)
def test_riots_deportations_and_confrontations(clause: str, expected: EventType) -> None:
    assert event_type(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "anti-government riots took place in Yerevan",
        "the riot police stood by",
        "a political confrontation between the two leaders",
    ],
)
def test_riot_police_and_politics_are_no_violence(clause: str) -> None:
    assert event_type(clause) is None
