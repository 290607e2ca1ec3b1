"""Task states and lights."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.deadline import parse_deadline
from parkgov.domain.light import Light
from parkgov.domain.task_status import TaskState, task_light, task_state

JUNE = parse_deadline("6月底前", 2025)
MONTHLY = parse_deadline("每月", 2025)
LONG = parse_deadline("长期", 2025)


@pytest.mark.parametrize(
    ("reported", "deadline", "as_of", "state", "light"),
    [
        (TaskState.COMPLETED, JUNE, date(2025, 8, 1), TaskState.COMPLETED, Light.GREEN),
        (TaskState.IN_PROGRESS, JUNE, date(2025, 6, 30), TaskState.IN_PROGRESS, Light.GREEN),
        (TaskState.IN_PROGRESS, JUNE, date(2025, 7, 1), TaskState.LAGGING, Light.RED),
        (TaskState.NOT_STARTED, JUNE, date(2025, 5, 31), TaskState.NOT_STARTED, Light.YELLOW),
        (TaskState.NOT_STARTED, JUNE, date(2025, 7, 1), TaskState.LAGGING, Light.RED),
        (TaskState.LAGGING, JUNE, date(2025, 3, 1), TaskState.LAGGING, Light.RED),
        (None, JUNE, date(2025, 3, 1), None, Light.GREY),
        (None, JUNE, date(2025, 7, 1), TaskState.LAGGING, Light.RED),
        (TaskState.IN_PROGRESS, MONTHLY, date(2030, 1, 1), TaskState.IN_PROGRESS, Light.GREEN),
        (TaskState.NOT_STARTED, LONG, date(2030, 1, 1), TaskState.NOT_STARTED, Light.YELLOW),
        (TaskState.IN_PROGRESS, None, date(2030, 1, 1), TaskState.IN_PROGRESS, Light.GREEN),
    ],
)
def test_state_and_light(reported, deadline, as_of, state, light) -> None:
    assert task_state(reported, deadline, as_of) is state
    assert task_light(reported, deadline, as_of) is light


def test_labels() -> None:
    assert [s.label for s in TaskState] == ["未开始", "推进中", "已完成", "滞后"]


@given(st.sampled_from([None, *TaskState]), st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 1, 1)),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 1, 1)))
def test_never_green_when_overdue(reported, due: date, as_of: date) -> None:
    deadline = parse_deadline(f"{due.year}年{due.month}月{due.day}日前", 2025)
    light = task_light(reported, deadline, as_of)
    if as_of > due and reported is not TaskState.COMPLETED:
        assert light is Light.RED
