"""Counts of tasks by lead department and by category, and the red items of a round."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Sequence

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import convert
from parkgov.reports.bulletin_data import IndicatorRow, Light, ProjectRow, TaskRow
from parkgov.reports.formatting import DASH, fmt_amount, fmt_pct, ratio_pct

NO_DEPARTMENT = "（未明确牵头部门）"
NO_CATEGORY = "（未分类）"


@dataclass
class Tally:
    """How many tasks a group holds, how many are done, and their lights."""

    name: str
    total: int = 0
    done: int = 0
    lights: dict[Light, int] = field(default_factory=dict)

    def add(self, task: TaskRow) -> None:
        self.total += 1
        self.done += int(task.done)
        self.lights[task.light] = self.lights.get(task.light, 0) + 1

    def count(self, light: Light) -> int:
        return self.lights.get(light, 0)


def group_key(name: str) -> str:
    """Names that differ only by spaces or line breaks (``王  亮``, a wrapped category) are one group."""
    return "".join(name.split())


def _tally(tasks: Iterable[TaskRow], keys) -> list[Tally]:
    groups: dict[str, Tally] = {}
    for task in tasks:
        for key in keys(task):
            groups.setdefault(group_key(key), Tally(key)).add(task)
    return list(groups.values())


def by_department(tasks: Sequence[TaskRow]) -> list[Tally]:
    """One tally per lead department; a task led by several departments counts for each."""
    return _tally(tasks, lambda t: list(dict.fromkeys(t.departments)) or [NO_DEPARTMENT])


def by_category(tasks: Sequence[TaskRow]) -> list[Tally]:
    """One tally per category, in the order the categories first appear."""
    return _tally(tasks, lambda t: [t.category or NO_CATEGORY])


@dataclass
class RedItem:
    """An item with a red light: what it is, who answers for it and why it is red."""

    kind: str
    name: str
    departments: list[str]
    leaders: list[str]
    detail: str


def red_items(indicators: Sequence[IndicatorRow], tasks: Sequence[TaskRow],
              projects: Sequence[ProjectRow]) -> list[RedItem]:
    """Every red indicator, task and project, in that order."""
    items = [RedItem("指标", r.name, r.departments, r.leaders, r.note or _indicator_detail(r))
             for r in indicators if r.light is Light.RED]
    items += [RedItem("任务", f"{t.seq} {t.item}".strip(), t.departments, t.leaders,
                      t.issues or t.latest_progress or t.status) for t in tasks if t.light is Light.RED]
    items += [RedItem("项目", p.name, p.departments, p.leaders, p.latest_progress or "")
              for p in projects if p.light is Light.RED]
    return items


def _indicator_detail(row: IndicatorRow) -> str:
    if row.actual is None:
        return "本期未报送数据"
    text = f"累计完成{fmt_amount(row.actual, row.unit)}，完成率{fmt_pct(row.completion_pct)}"
    if row.time_progress_pct is not None:
        text += f"，序时进度{fmt_pct(row.time_progress_pct)}"
    return text.replace(f"完成率{DASH}", "未设年度目标")


@dataclass
class InvestmentTotals:
    """Sums of the projects' investment in one money unit, and the projects left out."""

    unit: str
    count: int
    total: Decimal | None
    annual_plan: Decimal | None
    completed: Decimal | None
    excluded: list[str] = field(default_factory=list)

    @property
    def completion_pct(self) -> Decimal | None:
        return ratio_pct(self.completed, self.annual_plan)


def investment_totals(projects: Sequence[ProjectRow]) -> InvestmentTotals | None:
    """Total, annual planned and completed investment, converted to the commonest unit."""
    if not projects:
        return None
    units = Counter(p.money_unit for p in projects)
    unit = units.most_common(1)[0][0]
    sums: dict[str, Decimal | None] = {"total_investment": None, "annual_plan": None, "completed": None}
    excluded: list[str] = []
    for project in projects:
        try:
            values = {k: None if getattr(project, k) is None else convert(getattr(project, k), project.money_unit, unit)
                      for k in sums}
        except DomainError:
            excluded.append(project.name)
            continue
        for key, value in values.items():
            if value is not None:
                sums[key] = (sums[key] or Decimal(0)) + value
    return InvestmentTotals(unit, len(projects) - len(excluded), sums["total_investment"], sums["annual_plan"],
                            sums["completed"], excluded)
