"""View models the documents are written from: plain typed rows, filled by services.

Every figure a report prints is a field here or is computed here from fields
(completion rate = actual / target); a generator never invents one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from parkgov.domain.light import Light
from parkgov.reports.formatting import dec, ratio_pct

__all__ = ["Light"]


def _light(value: Light | str | None) -> Light:
    return Light(value) if value else Light.GREY


def light_label(light: Light | None) -> str:
    """``红灯``/``黄灯``/``绿灯``/``灰灯`` (no data), as the status engine labels them."""
    return (light or Light.GREY).label


@dataclass
class IndicatorRow:
    """One indicator of the round: target, year-to-date actual, growth, time progress, light."""

    name: str
    unit: str | None
    target: Decimal | None = None
    actual: Decimal | None = None
    yoy_pct: Decimal | None = None
    time_progress_pct: Decimal | None = None
    light: Light = Light.GREY
    departments: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    note: str | None = None
    target_growth_pct: Decimal | None = None
    completion: Decimal | None = None

    def __post_init__(self) -> None:
        self.light = _light(self.light)
        self.target, self.actual = dec(self.target), dec(self.actual)
        self.yoy_pct, self.time_progress_pct = dec(self.yoy_pct), dec(self.time_progress_pct)
        self.target_growth_pct, self.completion = dec(self.target_growth_pct), dec(self.completion)

    @property
    def completion_pct(self) -> Decimal | None:
        """The status engine's completion rate when given, else actual / target (None without either or at 0)."""
        return self.completion if self.completion is not None else ratio_pct(self.actual, self.target)


@dataclass
class TaskRow:
    """One row of the responsibility table with its latest reported progress."""

    seq: str
    category: str
    item: str
    requirement: str
    leaders: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    status: str = "推进中"
    done: bool = False
    light: Light = Light.GREY
    latest_progress: str | None = None
    issues: str | None = None
    next_steps: str | None = None
    deadline: str | None = None

    def __post_init__(self) -> None:
        self.light = _light(self.light)


@dataclass
class ProjectRow:
    """One project: amounts in the unit as stored (``money_unit``), stage and light."""

    name: str
    money_unit: str = "万元"
    category: str | None = None
    stage: str | None = None
    departments: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    total_investment: Decimal | None = None
    annual_plan: Decimal | None = None
    completed: Decimal | None = None
    light: Light = Light.GREY
    latest_progress: str | None = None

    def __post_init__(self) -> None:
        self.light = _light(self.light)
        self.total_investment = dec(self.total_investment)
        self.annual_plan, self.completed = dec(self.annual_plan), dec(self.completed)

    @property
    def completion_pct(self) -> Decimal | None:
        """Completed / annual plan in percent; None if either is missing or the plan is 0."""
        return ratio_pct(self.completed, self.annual_plan)


@dataclass
class SupervisionRow:
    """A supervision order (督办单) opened or closed in the round."""

    number: str
    subject: str
    unit: str
    opened_on: date | None = None
    due_on: date | None = None
    closed_on: date | None = None
    result: str | None = None


@dataclass
class RankingRow:
    """One unit's place in the round's ranking."""

    rank: int
    unit: str
    score: Decimal | None = None
    tasks: int = 0
    red: int = 0
    note: str | None = None

    def __post_init__(self) -> None:
        self.score = dec(self.score)


@dataclass
class ReportGap:
    """A unit that reported late or not at all in the round."""

    unit: str
    missing: bool
    due_on: date | None = None
    submitted_on: date | None = None
    items: int | None = None
    round_label: str | None = None


@dataclass
class DocumentHead:
    """What heads and signs a document: issuer, 文号, title, addressees and date."""

    title: str
    issuer: str
    doc_number: str | None = None
    addressees: str | None = None
    signed_on: date | None = None


@dataclass
class BulletinData:
    """Everything one dispatch round's bulletin (调度通报) prints."""

    park: str
    round_label: str
    period_label: str
    head: DocumentHead
    time_progress_pct: Decimal | None = None
    indicators: list[IndicatorRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)
    orders_opened: list[SupervisionRow] = field(default_factory=list)
    orders_closed: list[SupervisionRow] = field(default_factory=list)
    orders_still_open: int | None = None
    ranking: list[RankingRow] = field(default_factory=list)
    bottom_n: int = 5
    report_gaps: list[ReportGap] = field(default_factory=list)
    units_expected: int | None = None
    quarterly: bool = False
    rounds: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.time_progress_pct = dec(self.time_progress_pct)

    @property
    def scope(self) -> str:
        """How the text names the period: ``本轮`` for a round, ``本季度`` for a quarter."""
        return "本季度" if self.quarterly else "本轮"

    def bottom(self) -> list[RankingRow]:
        """The last ``bottom_n`` units, with every unit tied with the n-th from the bottom (as the domain ranks)."""
        if self.bottom_n <= 0 or not self.ranking:
            return []
        ordered = sorted(self.ranking, key=lambda r: r.rank)
        cutoff = ordered[max(len(ordered) - self.bottom_n, 0)].rank
        return [r for r in ordered if r.rank >= cutoff]


@dataclass
class SummaryData:
    """Everything a half-year or annual summary draft (工作总结) prints."""

    park: str
    year: int
    period_label: str
    head: DocumentHead
    annual: bool = False
    span: str = "上半年"
    indicators: list[IndicatorRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)


@dataclass
class LedgerData:
    """The rows of the Excel ledgers (台账) of one park at one round."""

    park: str
    period_label: str
    tasks: list[TaskRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)
