"""Task state (未开始/推进中/已完成/滞后) and its light, at an as-of date.

Rules: a task reported complete is 已完成 (green); a task past its deadline and
not complete is 滞后 (red), whatever the unit reported; a unit may itself
report 滞后 (red); otherwise the reported 推进中 (green) or 未开始 (yellow).
A task never reported is grey, or red once overdue. Recurring (``每月``) and
ongoing (``长期``) deadlines are never overdue; no deadline (None) neither.

Public API:
    TaskState         -- StrEnum NOT_STARTED/IN_PROGRESS/COMPLETED/LAGGING; ``.label``
    task_state(reported: TaskState | None, deadline: Deadline | None, as_of: date)
        -> TaskState | None        -- None: never reported and not overdue
    task_light(reported: TaskState | None, deadline: Deadline | None, as_of: date) -> Light
"""
from __future__ import annotations

from datetime import date
from enum import StrEnum

from parkgov.domain.deadline import Deadline
from parkgov.domain.light import Light


class TaskState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    LAGGING = "lagging"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    TaskState.NOT_STARTED: "未开始",
    TaskState.IN_PROGRESS: "推进中",
    TaskState.COMPLETED: "已完成",
    TaskState.LAGGING: "滞后",
}
_LIGHTS = {
    TaskState.NOT_STARTED: Light.YELLOW,
    TaskState.IN_PROGRESS: Light.GREEN,
    TaskState.COMPLETED: Light.GREEN,
    TaskState.LAGGING: Light.RED,
}


def task_state(reported: TaskState | None, deadline: Deadline | None, as_of: date) -> TaskState | None:
    """The state of a task at ``as_of`` from what its unit reported and its deadline."""
    if reported is TaskState.COMPLETED:
        return TaskState.COMPLETED
    if deadline is not None and deadline.is_overdue(as_of):
        return TaskState.LAGGING
    return reported


def task_light(reported: TaskState | None, deadline: Deadline | None, as_of: date) -> Light:
    """The light of a task at ``as_of``: grey without a report, red when lagging."""
    state = task_state(reported, deadline, as_of)
    return Light.GREY if state is None else _LIGHTS[state]
