"""What extraction finds, as plain dataclasses that serialise to the extract contract's JSON."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Amount:
    """A number in the unit as written (no conversion between 万元 and 亿元)."""

    value: float | None
    unit: str | None


@dataclass
class IndicatorFact:
    """A named quantity: value and unit as written, growth, comparator, target or actual."""

    name: str
    value: float | None
    unit: str | None
    yoy_pct: float | None = None
    comparator: str | None = None
    kind: str = "actual"
    period: str | None = None
    quote: str = ""
    offset: int = 0


@dataclass
class TargetFact:
    """A quantified target inside a task's requirement text."""

    name: str
    value: float | None
    unit: str | None
    yoy_pct: float | None = None
    comparator: str | None = None


@dataclass
class TaskFact:
    """One row of a responsibility table, or one numbered duty with its responsible units."""

    seq: str | None
    category: str | None
    item: str | None
    requirement: str | None
    leaders: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    co_units: list[str] = field(default_factory=list)
    deadline: str | None = None
    targets: list[TargetFact] = field(default_factory=list)
    offset: int = 0


@dataclass
class ProjectFact:
    """A project row, or a project count/investment stated in prose.

    ``aggregate`` marks a statement about several projects (``count`` of them, e.g.
    ``产业项目（新建）``); ``unit`` is the responsible unit; ``quote`` the source text.
    """

    name: str
    category: str | None = None
    stage: str | None = None
    total_investment: Amount | None = None
    annual_plan: Amount | None = None
    completed: Amount | None = None
    unit: str | None = None
    offset: int = 0
    count: int | None = None
    aggregate: bool = False
    quote: str = ""


@dataclass
class CheckFact:
    """An arithmetic statement of the document that was verified and does not add up."""

    kind: str
    stated: float | None
    computed: float | None
    message: str
    quote: str
    offset: int = 0


@dataclass
class DocumentInfo:
    """Title, 文号, issuer, date, park, year and genre of a document."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    park: str | None = None
    year: int | None = None
    genre: str = "other"


@dataclass
class Extraction:
    """Everything extracted from one document."""

    source: dict[str, Any]
    document: DocumentInfo
    indicators: list[IndicatorFact] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)
    projects: list[ProjectFact] = field(default_factory=list)
    checks: list[CheckFact] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
