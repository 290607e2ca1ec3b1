"""What the generator wrote into a document: the ground truth extraction is scored against."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """An indicator as written: value and unit as in the text, growth, comparator, kind."""

    name: str
    value: float | None
    unit: str | None
    yoy_pct: float | None = None
    comparator: str | None = None
    kind: str = "target"
    period: str | None = None


@dataclass(frozen=True)
class Duty:
    """A task: one row of a responsibility table or one numbered duty of an action plan."""

    seq: str
    category: str
    item: str
    requirement: str
    leaders: tuple[str, ...]
    departments: tuple[str, ...]
    deadline: str | None = None
    targets: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class PlannedProject:
    """A row of the project table; investments in 万元, months as ``YYYY-MM``."""

    name: str
    category: str          # industrial | infrastructure
    stage: str             # new | continued | preliminary
    total_investment: float
    annual_plan: float
    unit: str
    start: str
    finish: str
    enterprise: str | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph of running text."""

    text: str


@dataclass(frozen=True)
class Grid:
    """A table: ``header`` then ``rows``; ``merge_down`` columns hold "" where the cell above continues."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    merge_down: frozenset[int] = frozenset()
    title: str | None = None
    total: tuple[str, ...] | None = None


@dataclass
class DemoDocument:
    """One generated document: its blocks, how to render them, and what it states."""

    stem: str
    genre: str             # plan | action_plan | project_table | summary
    title: str
    formats: tuple[str, ...]
    blocks: list[Para | Grid] = field(default_factory=list)
    table_style: str = "tabs"   # tabs: one row a line; cells: one cell a line (Word export)
    figures: list[Figure] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    projects: list[PlannedProject] = field(default_factory=list)
    date: str | None = None
    doc_number: str | None = None
    money_unit: str = "万元"      # of the project table's investment columns
    encoding: str = "utf-8"      # of the .txt file
    crlf: bool = False           # .txt lines end with CR LF
    in_demo_ledger: bool = True  # imported by the demo build
