"""Project status: investment completion against time progress, and milestones.

A project's light is the light of its investment completion (completed / annual
planned investment, against time progress of its year), turned red by any
missed milestone. A milestone (签约/开工/竣工/投产) is missed when its planned
date has passed and it has not been reached; reached late it is ``LATE`` (shown,
but no longer red).

Public API:
    Milestone         -- StrEnum SIGNED/STARTED/COMPLETED/IN_PRODUCTION; ``.label`` 签约/开工/竣工/投产
    MilestoneState    -- StrEnum NOT_PLANNED/PENDING/ON_TIME/LATE/MISSED; ``.label``
    MilestonePlan(milestone, planned: date | None, actual: date | None = None)
        plan.state(as_of: date) -> MilestoneState
    ProjectStatus(light, investment_rate, time_progress, missed: tuple[Milestone, ...], notes: tuple[str, ...])
    project_status(annual_plan: Decimal | Quantity | None, completed: Decimal | Quantity | None,
                   milestones: Iterable[MilestonePlan] = (), *, as_of: date,
                   period: Period | None = None,           # default: the year of as_of
                   thresholds=DEFAULT_THRESHOLDS, basis=ProgressBasis.MONTH) -> ProjectStatus
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from parkgov.domain.completion import completion_rate
from parkgov.domain.light import DEFAULT_THRESHOLDS, Light, Thresholds, light_against_time_progress
from parkgov.domain.period import Period
from parkgov.domain.quantity import Quantity, format_percent
from parkgov.domain.time_progress import ProgressBasis, time_progress


class Milestone(StrEnum):
    SIGNED = "signed"
    STARTED = "started"
    COMPLETED = "completed"
    IN_PRODUCTION = "in_production"

    @property
    def label(self) -> str:
        return {"signed": "签约", "started": "开工", "completed": "竣工", "in_production": "投产"}[self.value]


class MilestoneState(StrEnum):
    NOT_PLANNED = "not_planned"
    PENDING = "pending"
    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {"not_planned": "未计划", "pending": "未到期", "on_time": "按期完成",
                "late": "逾期完成", "missed": "逾期未完成"}[self.value]


@dataclass(frozen=True)
class MilestonePlan:
    """A milestone's planned and actual dates."""

    milestone: Milestone
    planned: date | None
    actual: date | None = None

    def state(self, as_of: date) -> MilestoneState:
        """Where this milestone stands at ``as_of``; an actual date after ``as_of`` is not yet known."""
        reached = self.actual is not None and self.actual <= as_of
        if self.planned is None:
            return MilestoneState.ON_TIME if reached else MilestoneState.NOT_PLANNED
        if reached:
            return MilestoneState.ON_TIME if self.actual <= self.planned else MilestoneState.LATE
        return MilestoneState.MISSED if as_of > self.planned else MilestoneState.PENDING


@dataclass(frozen=True)
class ProjectStatus:
    """A project's light with what made it so."""

    light: Light
    investment_rate: Decimal | None
    time_progress: Decimal
    missed: tuple[Milestone, ...]
    notes: tuple[str, ...]


def project_status(
    annual_plan: Decimal | Quantity | None,
    completed: Decimal | Quantity | None,
    milestones: Iterable[MilestonePlan] = (),
    *,
    as_of: date,
    period: Period | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    basis: ProgressBasis | str = ProgressBasis.MONTH,
) -> ProjectStatus:
    """The status of a project at ``as_of``."""
    period = period or Period.of_year(as_of.year)
    progress = time_progress(period, as_of, basis)
    rate = completion_rate(completed, annual_plan)
    light = light_against_time_progress(rate, progress, thresholds)
    notes = []
    if rate is not None:
        notes.append(f"完成年度计划投资的{format_percent(rate)}，序时进度{format_percent(progress)}")
    missed = tuple(plan.milestone for plan in milestones if plan.state(as_of) is MilestoneState.MISSED)
    for milestone in missed:
        notes.append(f"{milestone.label}节点逾期未完成")
    if missed:
        light = Light.RED
    return ProjectStatus(light, rate, progress, missed, tuple(notes))
