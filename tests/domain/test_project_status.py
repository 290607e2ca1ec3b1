"""Project status: investment and milestones."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.light import Light
from parkgov.domain.period import Period
from parkgov.domain.project_status import Milestone, MilestonePlan, MilestoneState, project_status
from parkgov.domain.quantity import Quantity


@pytest.mark.parametrize(
    ("planned", "actual", "as_of", "state"),
    [
        (date(2025, 3, 31), date(2025, 3, 20), date(2025, 5, 31), MilestoneState.ON_TIME),
        (date(2025, 3, 31), date(2025, 4, 20), date(2025, 5, 31), MilestoneState.LATE),
        (date(2025, 3, 31), None, date(2025, 3, 31), MilestoneState.PENDING),
        (date(2025, 3, 31), None, date(2025, 4, 1), MilestoneState.MISSED),
        (date(2025, 3, 31), date(2025, 6, 1), date(2025, 5, 31), MilestoneState.MISSED),
        (None, None, date(2025, 5, 31), MilestoneState.NOT_PLANNED),
        (None, date(2025, 1, 2), date(2025, 5, 31), MilestoneState.ON_TIME),
    ],
)
def test_milestone_state(planned, actual, as_of, state) -> None:
    assert MilestonePlan(Milestone.STARTED, planned, actual).state(as_of) is state


def test_seed_001_projects_are_green_at_half_year() -> None:
    status = project_status(Quantity.of("10.55", "亿元"), Quantity.of("6.03", "亿元"), as_of=date(2025, 6, 30))
    assert status.light is Light.GREEN
    assert status.time_progress == D("0.5")
    assert status.notes == ("完成年度计划投资的57.16%，序时进度50.00%",)


def test_investment_lag_and_missed_milestone() -> None:
    lagging = project_status(D(1000), D(300), as_of=date(2025, 6, 30))
    assert lagging.light is Light.RED
    yellow = project_status(D(1000), D(420), as_of=date(2025, 6, 30))
    assert yellow.light is Light.YELLOW
    missed = project_status(
        D(1000), D(900),
        [MilestonePlan(Milestone.SIGNED, date(2025, 1, 10), date(2025, 1, 5)),
         MilestonePlan(Milestone.STARTED, date(2025, 4, 30))],
        as_of=date(2025, 6, 30),
    )
    assert missed.light is Light.RED and missed.missed == (Milestone.STARTED,)
    assert "开工节点逾期未完成" in missed.notes


def test_no_investment_data_is_grey_unless_a_milestone_is_missed() -> None:
    assert project_status(None, None, as_of=date(2025, 6, 30)).light is Light.GREY
    plans = [MilestonePlan(Milestone.IN_PRODUCTION, date(2025, 5, 1))]
    assert project_status(None, None, plans, as_of=date(2025, 6, 30)).light is Light.RED


def test_explicit_period_and_day_basis() -> None:
    status = project_status(D(100), D(20), as_of=date(2025, 5, 31), period=Period.half(2025, 1), basis="day")
    assert status.time_progress == D(151) / D(181)


def test_labels() -> None:
    assert [m.label for m in Milestone] == ["签约", "开工", "竣工", "投产"]
    assert MilestoneState.MISSED.label == "逾期未完成"


@given(st.decimals(min_value=D(0), max_value=D(2000), places=0), st.dates(min_value=date(2025, 1, 1),
                                                                         max_value=date(2025, 12, 31)),
       st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)))
def test_missed_milestone_always_red(completed: D, planned: date, as_of: date) -> None:
    status = project_status(D(1000), completed, [MilestonePlan(Milestone.COMPLETED, planned)], as_of=as_of)
    if as_of > planned:
        assert status.light is Light.RED and status.missed == (Milestone.COMPLETED,)
    else:
        assert status.missed == ()
