from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import InputError
from geo.incidents.periods import PERIODS, assign_period, find_period

D = dt.date


def test_phases_are_contiguous_and_sourced() -> None:
    for before, after in itertools.pairwise(PERIODS):
        assert after.start == before.end + dt.timedelta(days=1), after.id
    for period in PERIODS:
        assert period.start <= period.end
        assert period.source
        assert period.color.startswith("#")
    assert len({p.id for p in PERIODS}) == len(PERIODS)


@pytest.mark.parametrize(
    ("day", "period_id"),
    [
        (D(1988, 2, 20), "movement"),
        (D(1992, 2, 26), "first-war"),
        (D(1994, 5, 12), "first-war"),
        (D(1994, 5, 13), "ceasefire"),
        (D(2016, 4, 1), "ceasefire"),
        (D(2020, 9, 27), "second-war"),
        (D(2020, 11, 10), "second-war"),
        (D(2020, 11, 11), "border-crisis"),
        (D(2022, 9, 13), "border-crisis"),
        (D(2023, 9, 1), "offensive-2023"),
        (D(1920, 4, 1), "movement"),
    ],
)
def test_assign_period(day: D, period_id: str) -> None:
    assert assign_period(day).id == period_id


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2030, 12, 31)))
def test_every_date_is_in_exactly_one_phase(day: D) -> None:
    holding = [p for p in PERIODS if p.start <= day <= p.end]
    assert len(holding) == 1
    assert assign_period(day) == holding[0]


def test_unknown_period_suggests_the_closest() -> None:
    with pytest.raises(InputError, match=r"did you mean 'second-war'\?"):
        find_period("second_war")
    assert find_period("ceasefire").label.startswith("Ceasefire-era clashes")
