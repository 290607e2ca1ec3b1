"""The audit log: who changed what, when, from which value to which."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parkgov.store.models.base import Base, utcnow


class AuditEntry(Base):
    """One changed field of one row (``field`` None for a whole-row create/withdraw)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: who as shown to users: a username, or ``cli`` / ``import`` for commands
    actor: Mapped[str] = mapped_column(String(100))
    park_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[Optional[int]] = mapped_column(index=True)
    #: create, update, withdraw, delete
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[Optional[str]] = mapped_column(String(100))
    old_value: Mapped[Optional[str]] = mapped_column(Text)
    new_value: Mapped[Optional[str]] = mapped_column(Text)
    note: Mapped[Optional[str]] = mapped_column(Text)
