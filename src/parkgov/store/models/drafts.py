"""Drafts of progress reports: a unit's working copy of one item in a round, not yet submitted.

A draft is scratch: it is saved over while the reporter edits and removed when the report is
submitted. What was submitted lives in ``progress_reports``, append-only.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parkgov.store.models.base import Base, JsonDoc, utcnow, version_column


class ProgressDraft(Base):
    """A unit's unsubmitted report of one item (``item_key`` ``task:12``, ``indicator:3``, ``project:7``)."""

    __tablename__ = "progress_drafts"
    __table_args__ = (UniqueConstraint("round_id", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("dispatch_rounds.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20))
    narrative: Mapped[Optional[str]] = mapped_column(Text)
    value: Mapped[Optional[Decimal]]
    value_unit: Mapped[Optional[str]] = mapped_column(String(20))
    values: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    saved_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
