"""The monthly loop (调度): dispatch rounds, append-only progress reports, per-unit submissions."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkgov.store.models.base import Base, DemoFlag, JsonDoc, utcnow, version_column
from parkgov.store.models.ledger import Indicator, Project, Task
from parkgov.store.models.parks import Unit, User

#: Round statuses.
ROUND_STATUSES = ("draft", "open", "closed")
#: Progress states a unit reports for an item: the domain's ``TaskState`` values (reports written
#: before it named them carry ``blocked``, which services read as ``lagging``).
PROGRESS_STATES = ("not_started", "in_progress", "completed", "lagging")


class DispatchRound(DemoFlag, Base):
    """One collection of progress from every unit of a park for a period (``2025-06``)."""

    __tablename__ = "dispatch_rounds"
    __table_args__ = (UniqueConstraint("park_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    deadline: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="open")
    opened_at: Mapped[Optional[datetime]] = mapped_column(default=utcnow)
    closed_at: Mapped[Optional[datetime]]
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    submissions: Mapped[list["Submission"]] = relationship(back_populates="round")


class ProgressReport(DemoFlag, Base):
    """One unit's progress on one item (indicator, task or project) in a round.

    Append-only: a correction is a new row with ``revision`` + 1 pointing at the row it corrects;
    the current report of an item is its highest revision.
    """

    __tablename__ = "progress_reports"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN indicator_id IS NULL THEN 0 ELSE 1 END + CASE WHEN task_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_item",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("dispatch_rounds.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[Optional[int]] = mapped_column(ForeignKey("progress_reports.id", ondelete="SET NULL"))
    #: one of PROGRESS_STATES
    state: Mapped[str] = mapped_column(String(20))
    narrative: Mapped[Optional[str]] = mapped_column(Text)
    #: the main reported figure (value as written, unit in ``value_unit``), e.g. year-to-date actual
    value: Mapped[Optional[Decimal]]
    value_unit: Mapped[Optional[str]] = mapped_column(String(20))
    #: further figures, e.g. {"yoy_pct": "9.1", "completed_investment": {"value": "1200", "unit": "万元"}}
    values: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    reported_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)

    round: Mapped[DispatchRound] = relationship()
    unit: Mapped[Unit] = relationship()
    indicator: Mapped[Optional[Indicator]] = relationship()
    task: Mapped[Optional[Task]] = relationship()
    project: Mapped[Optional[Project]] = relationship()
    reported_by: Mapped[Optional[User]] = relationship()


class Submission(DemoFlag, Base):
    """A unit's submission for a round: when it was submitted and whether that was late."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("round_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("dispatch_rounds.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    submitted_at: Mapped[Optional[datetime]]
    late: Mapped[bool] = mapped_column(default=False)
    submitted_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    round: Mapped[DispatchRound] = relationship(back_populates="submissions")
    unit: Mapped[Unit] = relationship()


class ProgressNote(DemoFlag, Base):
    """A co-unit's (配合单位) note on a task it co-handles in a round: what it contributed.

    Append-only like reports, but apart from them: the lead unit's reports drive the task's
    status and the rankings; notes are read beside them.
    """

    __tablename__ = "progress_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("dispatch_rounds.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    narrative: Mapped[str] = mapped_column(Text)
    reported_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit] = relationship()
