"""Declarative base, naming convention and the column types every table shares."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import JSON, Boolean, DateTime, Integer, MetaData, Numeric, false
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Money and every other measured value: exact decimal, never float; the unit sits in its own column.
Amount = Numeric(20, 4, asdecimal=True)
#: Percentages (growth, thresholds, weights).
Percent = Numeric(9, 4, asdecimal=True)
#: JSON documents (JSONB on PostgreSQL).
JsonDoc = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """Base of every parkgov table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: DateTime(timezone=True),
        Decimal: Amount,
    }


class DemoFlag:
    """Rows created by the demo generator carry ``is_demo = True``."""

    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


def version_column() -> Mapped[int]:
    """The optimistic-lock counter; pair it with ``__mapper_args__ = {"version_id_col": version}``.

    A flush from a stale copy of the row then raises ``StaleDataError`` instead of overwriting.
    """
    return mapped_column(Integer, nullable=False)
