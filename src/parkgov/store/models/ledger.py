"""The ledger (台账): imported documents, indicators with period actuals, tasks, projects."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkgov.store.models.base import Base, DemoFlag, JsonDoc, Percent, utcnow, version_column
from parkgov.store.models.parks import Person, Unit

#: Row status of ledger rows: a row removed by a revised document is withdrawn, never deleted.
ACTIVE = "active"
WITHDRAWN = "withdrawn"

#: Period kinds of an indicator's target.
PERIOD_KINDS = ("year", "half", "quarter", "month")
#: Project categories and stages (values of the extract contract).
PROJECT_CATEGORIES = ("industrial", "infrastructure")
PROJECT_STAGES = ("new", "continued", "preliminary")


class ImportedDocument(DemoFlag, Base):
    """A document imported into a park's ledger, with its full extraction JSON."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("park_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[Optional[str]] = mapped_column(String(10))
    genre: Mapped[str] = mapped_column(String(20), default="other")
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[Optional[str]] = mapped_column(Text)
    doc_number: Mapped[Optional[str]] = mapped_column(String(200))
    issued_on: Mapped[Optional[date]]
    extraction: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    #: the earlier version of the same park/year/genre this one revises
    supersedes_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[Optional[str]] = mapped_column(String(100))


class Indicator(DemoFlag, Base):
    """A named quantity of a park's year: target value (as written, with unit), comparator, growth target."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[Optional[str]] = mapped_column(String(20))
    target_value: Mapped[Optional[Decimal]]
    #: ">=", "<=", "=", "≈" or None
    comparator: Mapped[Optional[str]] = mapped_column(String(4))
    growth_target_pct: Mapped[Optional[Decimal]] = mapped_column(Percent)
    period_kind: Mapped[str] = mapped_column(String(10), default="year")
    lead_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    leader_id: Mapped[Optional[int]] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    source_offset: Mapped[Optional[int]]
    quote: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default=ACTIVE)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    lead_unit: Mapped[Optional[Unit]] = relationship()
    leader: Mapped[Optional[Person]] = relationship()
    actuals: Mapped[list["IndicatorActual"]] = relationship(back_populates="indicator", order_by="IndicatorActual.period")


class IndicatorActual(DemoFlag, Base):
    """A reported value of an indicator for a period (``2025-05`` = year-to-date through May when cumulative)."""

    __tablename__ = "indicator_actuals"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    #: ``parkgov.domain.period.Period.code``: "2025", "2025-H1", "2025-Q2", "2025-05", "2025-YTD05"
    period: Mapped[str] = mapped_column(String(10))
    cumulative: Mapped[bool] = mapped_column(default=True)
    value: Mapped[Optional[Decimal]]
    unit: Mapped[Optional[str]] = mapped_column(String(20))
    yoy_pct: Mapped[Optional[Decimal]] = mapped_column(Percent)
    document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    progress_report_id: Mapped[Optional[int]] = mapped_column(ForeignKey("progress_reports.id", ondelete="SET NULL"))
    source_offset: Mapped[Optional[int]]
    quote: Mapped[Optional[str]] = mapped_column(Text)
    #: ACTIVE, or WITHDRAWN when a revised document no longer states it
    status: Mapped[str] = mapped_column(String(12), default=ACTIVE, server_default=ACTIVE)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicator: Mapped[Indicator] = relationship(back_populates="actuals")


task_leaders = Table(
    "task_leaders", Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)
task_lead_units = Table(
    "task_lead_units", Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)
task_co_units = Table(
    "task_co_units", Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)


class Task(DemoFlag, Base):
    """One duty of a plan or task table: seq, category, item, requirement, deadline, who answers for it."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    seq: Mapped[Optional[str]] = mapped_column(String(20))
    category: Mapped[Optional[str]] = mapped_column(Text)
    item: Mapped[Optional[str]] = mapped_column(Text)
    requirement: Mapped[Optional[str]] = mapped_column(Text)
    #: the deadline as written (``6月底前``), and as a date where it is one
    deadline_text: Mapped[Optional[str]] = mapped_column(String(200))
    deadline: Mapped[Optional[date]]
    document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    source_offset: Mapped[Optional[int]]
    quote: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default=ACTIVE)
    withdrawn_at: Mapped[Optional[datetime]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    leaders: Mapped[list[Person]] = relationship(secondary=task_leaders, order_by=Person.id)
    lead_units: Mapped[list[Unit]] = relationship(secondary=task_lead_units, order_by=Unit.id)
    co_units: Mapped[list[Unit]] = relationship(secondary=task_co_units, order_by=Unit.id)
    targets: Mapped[list["TaskTarget"]] = relationship(back_populates="task", cascade="all, delete-orphan",
                                                       order_by="TaskTarget.id")


class TaskTarget(Base):
    """A quantified target inside a task's requirement (``新增规上工业企业 ≥ 5 家``)."""

    __tablename__ = "task_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    value: Mapped[Optional[Decimal]]
    unit: Mapped[Optional[str]] = mapped_column(String(20))
    comparator: Mapped[Optional[str]] = mapped_column(String(4))
    yoy_pct: Mapped[Optional[Decimal]] = mapped_column(Percent)

    task: Mapped[Task] = relationship(back_populates="targets")


class Project(DemoFlag, Base):
    """A construction project: category, stage, investments (value + unit as written), milestones."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(Text)
    #: "industrial" (产业) / "infrastructure" (基础设施) / None
    category: Mapped[Optional[str]] = mapped_column(String(20))
    #: "new" (新建) / "continued" (续建) / "preliminary" (前期) / None
    stage: Mapped[Optional[str]] = mapped_column(String(20))
    owner: Mapped[Optional[str]] = mapped_column(String(200))
    total_investment: Mapped[Optional[Decimal]]
    total_investment_unit: Mapped[Optional[str]] = mapped_column(String(10))
    annual_plan: Mapped[Optional[Decimal]]
    annual_plan_unit: Mapped[Optional[str]] = mapped_column(String(10))
    lead_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    leader_id: Mapped[Optional[int]] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    signed_planned: Mapped[Optional[date]]
    signed_actual: Mapped[Optional[date]]
    started_planned: Mapped[Optional[date]]
    started_actual: Mapped[Optional[date]]
    completed_planned: Mapped[Optional[date]]
    completed_actual: Mapped[Optional[date]]
    production_planned: Mapped[Optional[date]]
    production_actual: Mapped[Optional[date]]
    document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    source_offset: Mapped[Optional[int]]
    quote: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default=ACTIVE)
    withdrawn_at: Mapped[Optional[datetime]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    lead_unit: Mapped[Optional[Unit]] = relationship()
    leader: Mapped[Optional[Person]] = relationship()
    investments: Mapped[list["ProjectInvestment"]] = relationship(back_populates="project",
                                                                  order_by="ProjectInvestment.period")


class ProjectInvestment(DemoFlag, Base):
    """Investment completed by a project in one month (``2025-06``), value and unit as reported."""

    __tablename__ = "project_investments"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    amount: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(String(10))
    progress_report_id: Mapped[Optional[int]] = mapped_column(ForeignKey("progress_reports.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship(back_populates="investments")
