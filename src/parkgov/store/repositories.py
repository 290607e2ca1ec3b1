"""Read queries of the park and ledger aggregates that use cases share (no writes, no commits)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.store.models import (ACTIVE, ImportedDocument, Indicator, IndicatorActual, Park, Person, PersonAlias,
                                  Project, Task, Unit, UnitAlias)

LedgerRow = TypeVar("LedgerRow", Task, Indicator, Project, IndicatorActual)


def find_park(session: Session, name: str) -> Park | None:
    """The park called ``name`` (full or short name), or None."""
    name = name.strip()
    park = session.scalars(select(Park).where(Park.name == name)).first()
    if park is None:
        park = session.scalars(select(Park).where(Park.short_name == name).order_by(Park.id)).first()
    return park


def park_names(session: Session) -> list[str]:
    """Every park's name, sorted."""
    return list(session.scalars(select(Park.name).order_by(Park.name)))


def unit_names(session: Session, park_id: int) -> tuple[dict[int, str], dict[str, int]]:
    """A park's units (id → name) and unit aliases (alias → unit id)."""
    units = {u.id: u.name for u in session.scalars(select(Unit).where(Unit.park_id == park_id))}
    aliases = {a.alias: a.unit_id for a in session.scalars(select(UnitAlias).where(UnitAlias.park_id == park_id))}
    return units, aliases


def person_names(session: Session, park_id: int) -> tuple[dict[int, str], dict[str, int]]:
    """A park's leaders (id → name) and their aliases (alias → person id)."""
    people = {p.id: p.name for p in session.scalars(select(Person).where(Person.park_id == park_id))}
    aliases = {a.alias: a.person_id
               for a in session.scalars(select(PersonAlias).where(PersonAlias.park_id == park_id))}
    return people, aliases


def document_by_sha(session: Session, park_id: int, sha256: str) -> ImportedDocument | None:
    """The park's imported document with this content hash, or None."""
    return session.scalars(select(ImportedDocument).where(ImportedDocument.park_id == park_id,
                                                          ImportedDocument.sha256 == sha256)).first()


def documents_of(session: Session, park_id: int, year: int, genre: str) -> list[ImportedDocument]:
    """The park's imported documents of one year and genre, oldest first."""
    return list(session.scalars(
        select(ImportedDocument).where(ImportedDocument.park_id == park_id, ImportedDocument.year == year,
                                       ImportedDocument.genre == genre).order_by(ImportedDocument.id)))


def active_rows_from(session: Session, model: type[LedgerRow], document_ids: Sequence[int]) -> list[LedgerRow]:
    """Active (not withdrawn) rows of ``model`` that came from these documents, oldest first."""
    if not document_ids:
        return []
    return list(session.scalars(select(model).where(model.document_id.in_(document_ids), model.status == ACTIVE)
                                .order_by(model.id)))


def active_indicator(session: Session, park_id: int, year: int, name: str) -> Indicator | None:
    """The park's active indicator of that year and name (the oldest if several), or None."""
    return session.scalars(select(Indicator).where(Indicator.park_id == park_id, Indicator.year == year,
                                                   Indicator.name == name, Indicator.status == ACTIVE)
                           .order_by(Indicator.id)).first()


def active_indicators(session: Session, park_id: int, year: int) -> list[Indicator]:
    """The park's active indicators of that year, oldest first."""
    return list(session.scalars(select(Indicator).where(Indicator.park_id == park_id, Indicator.year == year,
                                                        Indicator.status == ACTIVE).order_by(Indicator.id)))
