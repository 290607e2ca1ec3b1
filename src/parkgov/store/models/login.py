"""Failed sign-ins: the rows the sign-in rate limit counts (``services.login_attempts``)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from parkgov.store.models.base import Base, utcnow

#: longest user name and client address kept (longer ones are cut: a user name holds at most 100 characters)
USERNAME_LENGTH = 100
ADDRESS_LENGTH = 100


class LoginFailure(Base):
    """One failed sign-in of a user name from a client address; rows older than the window are pruned."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_username_address_at", "username", "address", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the user name as typed, trimmed and lower-cased
    username: Mapped[str] = mapped_column(String(USERNAME_LENGTH))
    address: Mapped[str] = mapped_column(String(ADDRESS_LENGTH))
    #: when, UTC
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
