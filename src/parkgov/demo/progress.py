"""Plausible monthly progress of a demo park: who reports when, and what they report.

Pure and seeded: ``UnitHabit`` says whether a unit reports a month on time, late or not at
all; the ``*_path`` functions give year-to-date figures that grow with time progress, some
items lagging, some catching up. The builder feeds these to the monthly-loop services.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from parkgov.demo.generator import fmt_value
from parkgov.services.accounts import DEMO_AS_OF as AS_OF

MONTHS = tuple(f"2025-{m:02d}" for m in range(1, 11))

TASK_NOTES = {
    "not_started": ("正在制定工作方案，计划下月启动。", "已明确责任人，前期准备中。"),
    "in_progress": ("按计划推进，本月召开专题调度会一次。", "已完成阶段性工作，正在推进下一步。",
                    "本月走访相关企业，协调解决了部分问题。", "工作方案已印发，正在组织实施。",
                    "已形成初步成果，正在征求意见。"),
    "lagging": ("受要素保障影响，进度滞后，正在协调解决。", "前期手续办理较慢，已列入重点调度。",
                "资金未及时到位，进度低于预期。"),
    "completed": ("已按要求完成，相关资料已归档。", "任务已完成，形成长效机制。"),
}


@dataclass(frozen=True)
class UnitHabit:
    """How a unit reports: the share of months it is late, and the share it misses."""

    late: float
    missing: float

    @classmethod
    def draw(cls, rng: random.Random) -> "UnitHabit":
        kind = rng.random()
        if kind < 0.6:
            return cls(late=0.05, missing=0.0)
        if kind < 0.85:
            return cls(late=0.35, missing=0.05)
        return cls(late=0.3, missing=0.25)

    def moment(self, rng: random.Random, period: str, deadline: date) -> datetime | None:
        """When the unit reports for ``period``, or None when it does not report.

    October is seen at its last day: most units have sent their month-end figures, some not yet.
    """
        if rng.random() < self.missing:
            return None
        if period == MONTHS[-1]:
            if rng.random() < 0.15 + self.late / 2:
                return None
            day = date(2025, 10, rng.randint(27, 31))
        elif rng.random() < self.late:
            day = deadline + timedelta(days=rng.randint(1, 7))
        else:
            day = deadline - timedelta(days=rng.randint(0, 4))
        return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=timezone.utc)


def month_index(period: str) -> int:
    return int(period[5:7])


def pace(rng: random.Random) -> tuple[float, float]:
    """(pace at mid-year relative to time progress, drift until October): laggards and recoveries."""
    if rng.random() < 0.2:
        return rng.uniform(0.65, 0.88), rng.uniform(-0.1, 0.25)
    return rng.uniform(0.98, 1.1), rng.uniform(-0.03, 0.06)


def ytd_path(target: float, unit: str | None, mid_pace: float, drift: float, rng: random.Random,
             june: float | None = None) -> dict[str, float]:
    """Year-to-date values for each month: target × time progress × pace, growing month on month."""
    if june is not None:
        mid_pace = june / (target * 0.5)
    out: dict[str, float] = {}
    last = 0.0
    for period in MONTHS:
        m = month_index(period)
        if m == 6 and june is not None:
            value = june
        else:
            value = target * m / 12 * mid_pace * (1 + drift * (m - 6) / 6) * (1 + rng.gauss(0, 0.03))
        value = max(value, last * 1.01)
        out[period] = fmt_value(value, unit)[1]
        last = out[period]
    return out


def growth_path(mid: float, rng: random.Random) -> dict[str, float]:
    """A year-on-year growth for each month, wandering around its mid-year value."""
    out = {}
    g = mid + rng.gauss(0, 1.5)
    for period in MONTHS:
        g = mid if period == "2025-06" else g + rng.gauss(0, 0.8)
        out[period] = round(g, 1)
    return out


def task_state(m: int, finish_month: int, lagging: bool) -> str:
    """The state a task's unit reports in month ``m``."""
    if m == 1 and not lagging:
        return "in_progress"
    if m >= finish_month and not lagging:
        return "completed"
    if lagging and m >= 3:
        return "lagging"
    return "in_progress" if m > 1 else "not_started"
