"""Supervision orders (督办单) and their history."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from parkgov.store.models.base import Base, DemoFlag, utcnow, version_column
from parkgov.store.models.ledger import Indicator, Project, Task
from parkgov.store.models.parks import Unit

#: Order states, as the domain's ``OrderState`` names them (raised → assigned → replied → verified → closed;
#: returned, escalated).
ORDER_STATUSES = ("raised", "assigned", "replied", "returned", "verified", "closed", "escalated")


class SupervisionOrder(DemoFlag, Base):
    """A formal demand to a unit to fix a lagging item by a date."""

    __tablename__ = "supervision_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    #: 督办单 number as shown to users, e.g. ``督办〔2025〕3号``
    number: Mapped[Optional[str]] = mapped_column(String(100))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[Optional[int]] = mapped_column(ForeignKey("dispatch_rounds.id", ondelete="SET NULL"))
    indicator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("indicators.id", ondelete="SET NULL"))
    task_id: Mapped[Optional[int]] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    requirement: Mapped[Optional[str]] = mapped_column(Text)
    due_date: Mapped[Optional[date]]
    status: Mapped[str] = mapped_column(String(12), default="raised")
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    closed_at: Mapped[Optional[datetime]]
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    unit: Mapped[Unit] = relationship()
    indicator: Mapped[Optional[Indicator]] = relationship()
    task: Mapped[Optional[Task]] = relationship()
    project: Mapped[Optional[Project]] = relationship()
    events: Mapped[list["SupervisionEvent"]] = relationship(back_populates="order", order_by="SupervisionEvent.id",
                                                            cascade="all, delete-orphan")

    @validates("status")
    def _known_status(self, _key: str, value: str) -> str:
        if value not in ORDER_STATUSES:
            raise ValueError(f"unknown supervision order status: {value!r}")
        return value


class SupervisionEvent(Base):
    """One step in an order's history: the action (``OrderAction``: assign, reply, return, verify, close,
    escalate, or ``raise`` when created) and the states before and after."""

    __tablename__ = "supervision_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("supervision_orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[Optional[str]] = mapped_column(String(12))
    to_status: Mapped[Optional[str]] = mapped_column(String(12))
    note: Mapped[Optional[str]] = mapped_column(Text)

    order: Mapped[SupervisionOrder] = relationship(back_populates="events")
