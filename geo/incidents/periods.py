"""The war-phase table and the rule that puts a date into exactly one phase.

This is editorial data that reviewers will argue over, so every row names where its boundaries
come from. Phases are contiguous and inclusive; a date outside all of them belongs to the first
or last phase (the table is total), see :func:`assign_period`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from geo.errors import InputError
from geo.model import Period

_D = dt.date

PERIODS: tuple[Period, ...] = (
    Period(
        id="movement",
        label="Karabakh movement and guerrilla war (1988–1991)",
        start=_D(1900, 1, 1),
        end=_D(1991, 12, 31),
        color="#7b3294",
        # Start: 004 infobox "20 February 1988 – 12 May 1994"; 001 infobox
        # "Guerrilla warfare: 1988–1991". Earlier events (1918-1920, 1963) fold in here
        # rather than vanish, because the table must be total.
        source="seeds/004 infobox 'date'; seeds/001 infobox 'date' (Guerrilla warfare: 1988–1991)",
    ),
    Period(
        id="first-war",
        label="First Nagorno-Karabakh War (1992–May 1994)",
        start=_D(1992, 1, 1),
        end=_D(1994, 5, 12),
        color="#c2a5cf",
        source="seeds/001 infobox 'date' (First Nagorno-Karabakh War: 1992–1994); "
        "seeds/004 infobox 'date' (ends 12 May 1994)",
    ),
    Period(
        id="ceasefire",
        label="Ceasefire-era clashes (May 1994–Sep 2020)",
        start=_D(1994, 5, 13),
        end=_D(2020, 9, 26),
        color="#e08214",
        source="seeds/001 infobox 'date' (Low-intensity conflict: 1994–2020); "
        "seeds/001 'On 27 September 2020, a new large-scale war erupted'",
    ),
    Period(
        id="second-war",
        label="Second Nagorno-Karabakh War (27 Sep–10 Nov 2020)",
        start=_D(2020, 9, 27),
        end=_D(2020, 11, 10),
        color="#d7191c",
        source="seeds/001 'On 27 September 2020, a new large-scale war erupted that lasted "
        "until 10 November'",
    ),
    Period(
        id="border-crisis",
        label="Post-war border crisis and blockade (Nov 2020–Aug 2023)",
        start=_D(2020, 11, 11),
        end=_D(2023, 8, 31),
        color="#2c7bb6",
        source="seeds/001 infobox 'date' (Low-intensity conflict: 2020–present); "
        "seeds/003 'launched a large-scale military offensive in September 2023' (end)",
    ),
    Period(
        id="offensive-2023",
        label="2023 offensive and exodus (Sep 2023–Jan 2024)",
        # The seeds date the offensive only to the month ("in September 2023"); starting the
        # phase on 19 September would put every report of it in the phase before.
        start=_D(2023, 9, 1),
        end=_D(2030, 12, 31),
        color="#404040",
        source="seeds/003 'launched a large-scale military offensive in September 2023'; "
        "seeds/003 'Artsakh was officially dissolved on 1 January 2024'",
    ),
)

PERIODS_BY_ID: dict[str, Period] = {period.id: period for period in PERIODS}


def assign_period(day: dt.date, periods: tuple[Period, ...] = PERIODS) -> Period:
    """Return the one phase whose inclusive range holds ``day``.

    Parameters
    ----------
    day
        Usually an incident's start date.
    periods
        Contiguous phases in date order.

    Returns
    -------
    Period
        The matching phase; dates before the first or after the last fall into that end phase.
    """
    for period in periods:
        if day <= period.end:
            return period
    return periods[-1]


def find_period(period_id: str) -> Period:
    """Look a phase up by id, suggesting the closest id when there is no such phase.

    Raises
    ------
    InputError
        When ``period_id`` names no phase.
    """
    try:
        return PERIODS_BY_ID[period_id]
    except KeyError:
        close = difflib.get_close_matches(period_id, list(PERIODS_BY_ID), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        known = ", ".join(PERIODS_BY_ID)
        message = f"unknown period '{period_id}' (known: {known}){hint}"
        option = "--period"
        raise InputError(option, message) from None


@dataclass(frozen=True, slots=True)
class WarName:
    """Names a war or a phase goes by in the texts, and the days it ran.

    A text that names one ("the 44-day war") gives a yearless date ("on 14 October") its
    year when exactly one year of the war's span holds that day.
    """

    names: tuple[str, ...]
    start: dt.date
    end: dt.date
    source: str


def _phase(period_id: str) -> tuple[dt.date, dt.date]:
    found = next(p for p in PERIODS if p.id == period_id)
    return found.start, found.end


WAR_NAMES: tuple[WarName, ...] = (
    WarName(
        # Armenian and international usage ("44-day war", "2020 war"); Azerbaijani official
        # usage ("Patriotic War"); Wikipedia's title. The span is the phase's.
        names=(
            "Second Nagorno-Karabakh War",
            "Second Karabakh War",
            "44-day war",
            "44 day war",
            "Patriotic War",
            "2020 Nagorno-Karabakh war",
            "2020 war",
            # Armenian usage, as in an Armenian outlet's "the second Artsakh war"
            "Second Artsakh War",
        ),
        start=_phase("second-war")[0],
        end=_phase("second-war")[1],
        source="phase 'second-war' above",
    ),
    WarName(
        names=("four-day war", "April war", "2016 Nagorno-Karabakh conflict"),
        start=_D(2016, 4, 1),
        end=_D(2016, 4, 5),
        source="seeds/001 'Between 1 and 5 April 2016' (the four-day war)",
    ),
    WarName(
        # "referred to in Armenia as the Artsakh Liberation War" (seeds 000, 001)
        names=(
            "First Nagorno-Karabakh War",
            "First Karabakh War",
            "the first war",
            "Artsakh Liberation War",
            "First Artsakh War",
        ),
        start=_phase("first-war")[0],
        end=_phase("first-war")[1],
        source="phase 'first-war' above",
    ),
)
