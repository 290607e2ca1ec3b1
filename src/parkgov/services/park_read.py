"""A token's read of one park, checked in one database round trip.

The busiest API call, the park dashboard, is served from a cached view while the park's ledger
version holds. Before this module it took three queries to get there (the token's user, the
park, the version); here one statement returns the user behind the token, the park named by the
caller and its ledger version, so a cache hit costs one round trip and no ORM objects. Nothing is
remembered between requests: a disabled token or a new ledger version is seen on the next call.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, case, literal, or_, select
from sqlalchemy.orm import Session

from parkgov.services.access import Actor
from parkgov.services.lookup import comparable, missing_park, row_id
from parkgov.services.users import actor_of, hash_token, require_token, unusable_token
from parkgov.store.models import Park, User

_USERS = User.__table__
_PARKS = Park.__table__


@dataclass(frozen=True)
class ParkRead:
    """Who reads, which park, and the park's ledger version at the time of the request."""

    actor: Actor
    park_id: int
    park_name: str
    created_at: datetime
    is_demo: bool
    ledger_version: int


def _statement(by_id: bool):
    """The user behind a token hash, outer-joined to the park named by id or (short) name, as ``lookup.park``
    finds it: an id first, else a name or short name. Built once; the values are bound per call."""
    matches = or_(_PARKS.c.name == bindparam("park_name"), _PARKS.c.short_name == bindparam("park_name"))
    preference = literal(0)
    if by_id:
        same_id = _PARKS.c.id == bindparam("park_id")
        matches, preference = or_(same_id, matches), case((same_id, 0), else_=1)
    return (select(_USERS.c.id, _USERS.c.username, _USERS.c.display_name, _USERS.c.roles,
                   _USERS.c.is_active, _USERS.c.park_id, _USERS.c.unit_id,
                   _PARKS.c.id.label("found_park_id"), _PARKS.c.name.label("park_name"),
                   _PARKS.c.created_at.label("park_created_at"), _PARKS.c.is_demo.label("park_is_demo"),
                   _PARKS.c.ledger_version)
            .select_from(_USERS.outerjoin(_PARKS, matches))
            .where(_USERS.c.api_token_hash == bindparam("token_hash"))
            .order_by(preference)
            .limit(1))


_BY_NAME = _statement(by_id=False)
_BY_ID_OR_NAME = _statement(by_id=True)


def open_park_read(session: Session, token: str | None, park_ref: int | str) -> ParkRead:
    """Authenticate ``token`` and find the park ``park_ref`` (id, name or short name) with its version.

    Raises what ``users.authenticate`` and ``lookup.park`` raise, in that order: an unknown token
    learns nothing about parks. Access to the park is left to the caller's use case.
    """
    text = str(park_ref).strip()
    # a name PostgreSQL cannot compare (NUL) is bound as NULL: it matches no park
    values = {"token_hash": hash_token(require_token(token)), "park_name": text if comparable(text) else None,
              "park_id": row_id(text)}
    statement = _BY_NAME if values["park_id"] is None else _BY_ID_OR_NAME
    row = session.connection().execute(statement, values).first()
    if row is None or not row.is_active:
        raise unusable_token()
    actor = actor_of(row)
    if row.found_park_id is None:
        raise missing_park(text)
    return ParkRead(actor=actor, park_id=row.found_park_id, park_name=row.park_name,
                    created_at=row.park_created_at, is_demo=bool(row.park_is_demo),
                    ledger_version=row.ledger_version or 0)
