"""Parks, their settings, units (with aliases), people (leaders) and users."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkgov.store.models.base import Base, DemoFlag, JsonDoc, Percent, utcnow, version_column


#: Unit kinds.
UNIT_KINDS = ("department", "company", "town", "other")


class Park(DemoFlag, Base):
    """A development zone (开发区/园区) run by its 管委会."""

    __tablename__ = "parks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[Optional[str]] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: bumped in the transaction of every write to the park's rows (``store.ledger_counter``)
    ledger_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    settings: Mapped[Optional["ParkSettings"]] = relationship(back_populates="park", uselist=False)
    units: Mapped[list["Unit"]] = relationship(back_populates="park")


class ParkSettings(Base):
    """Per-park thresholds: traffic lights (in % of time progress), ranking weights, dispatch deadline day."""

    __tablename__ = "park_settings"

    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), primary_key=True)
    #: completion ≥ time progress − green_gap_pct → green
    green_gap_pct: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0"))
    #: completion ≥ time progress − yellow_gap_pct → yellow, else red
    yellow_gap_pct: Mapped[Decimal] = mapped_column(Percent, default=Decimal("10"))
    #: a growth indicator this many points short of its growth target is yellow, further short red
    growth_yellow_gap_pct: Mapped[Decimal] = mapped_column(Percent, default=Decimal("2"), server_default="2")
    #: ranking criterion → weight, the domain's ``RankingWeights`` keys: {"timeliness": 40, "green": 40,
    #: "supervision": 20} (empty: the domain's defaults)
    ranking_weights: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    #: day of the month by which units must report for the previous month
    dispatch_deadline_day: Mapped[int] = mapped_column(Integer, default=5)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    park: Mapped[Park] = relationship(back_populates="settings")


class Unit(DemoFlag, Base):
    """A department, company, town or other body that answers for rows of the ledger."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("park_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="department")
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    park: Mapped[Park] = relationship(back_populates="units")
    aliases: Mapped[list["UnitAlias"]] = relationship(back_populates="unit", cascade="all, delete-orphan")


class UnitAlias(Base):
    """Another name a park's documents use for a unit (`县自然资源局` for `自然资源局`)."""

    __tablename__ = "unit_aliases"
    __table_args__ = (UniqueConstraint("park_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Person(DemoFlag, Base):
    """A leader (区领导) of a park who leads tasks."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("park_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[Optional[str]] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    aliases: Mapped[list["PersonAlias"]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonAlias(Base):
    """Another spelling of a leader's name in a park's documents."""

    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("park_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    park_id: Mapped[int] = mapped_column(ForeignKey("parks.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(100))

    person: Mapped[Person] = relationship(back_populates="aliases")


#: User roles.
ROLES = ("admin", "leader", "supervisor", "reporter", "viewer")


class User(DemoFlag, Base):
    """A login: password (argon2 hash), park and unit it belongs to, roles, API token (hash only)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[Optional[str]] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(Text)
    park_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parks.id", ondelete="SET NULL"), index=True)
    unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    #: subset of ROLES
    roles: Mapped[list[str]] = mapped_column(JsonDoc, default=list)
    api_token_hash: Mapped[Optional[str]] = mapped_column(String(128), unique=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[Optional[datetime]]
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    park: Mapped[Optional[Park]] = relationship()
    unit: Mapped[Optional[Unit]] = relationship()
