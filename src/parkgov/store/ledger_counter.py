"""Every write to a park's rows bumps ``parks.ledger_version`` in the same transaction.

Views computed from a park's rows can then be reused while one indexed read of that counter
answers the same, in every process. Session events do it, not each service, so that no write
path can forget: a flush records the parks its new, changed and deleted rows belong to (by
their ``park_id``, or through the row they hang from: a report's round, an actual's
indicator, a target's task, an event's order; a task whose lead units or leaders changed is
itself changed); the commit bumps each of them once. A row that cannot be traced to a park,
and a bulk UPDATE, DELETE or INSERT statement run through a session, bump every park.
"""
from __future__ import annotations

from sqlalchemy import Table, event, inspect, or_, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from parkgov.store.models import Park

#: tables that are not ledger data (sign-ins and tokens change users; failed sign-ins are counted apart)
NOT_LEDGER = frozenset({"users", "login_failures"})
_INFO_KEY = "parkgov_touched_parks"
_PARKS: Table = Park.__table__


class _Touched:
    """The parks a transaction wrote to so far."""

    def __init__(self) -> None:
        self.park_ids: set[int] = set()
        self.through: dict[Table, set[int]] = {}
        self.every_park = False

    def statement(self):
        bump = update(_PARKS).values(ledger_version=_PARKS.c.ledger_version + 1)
        if self.every_park:
            return bump
        where = [_PARKS.c.id.in_(sorted(self.park_ids))] if self.park_ids else []
        where += [_PARKS.c.id.in_(select(table.c.park_id).where(table.c.id.in_(sorted(ids))))
                  for table, ids in self.through.items()]
        return bump.where(or_(*where)) if where else None


def _touched(session: Session) -> _Touched:
    touched = session.info.get(_INFO_KEY)
    if touched is None:
        touched = session.info[_INFO_KEY] = _Touched()
    return touched


def _record(touched: _Touched, obj) -> None:
    state = inspect(obj)
    mapper = state.mapper
    table = mapper.local_table
    if table.name in NOT_LEDGER:
        return
    values = state.dict

    def value(column):
        return values.get(mapper.get_property_by_column(column).key)

    if table is _PARKS:
        park_id = value(table.c.id)
        touched.every_park |= park_id is None
        if park_id is not None:
            touched.park_ids.add(park_id)
        return
    if "park_id" in table.c:
        park_id = value(table.c.park_id)
        if park_id is not None:
            touched.park_ids.add(park_id)
        return
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        parent = fk.column.table
        if parent.name in NOT_LEDGER or "park_id" not in parent.c and parent is not _PARKS:
            continue
        parent_id = value(fk.parent)
        if parent_id is None:
            continue
        if parent is _PARKS:
            touched.park_ids.add(parent_id)
        else:
            touched.through.setdefault(parent, set()).add(parent_id)
        return
    touched.every_park = True


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    changed = [*session.new, *session.deleted, *(o for o in session.dirty if session.is_modified(o))]
    if not changed:
        return
    touched = _touched(session)
    for obj in changed:
        _record(touched, obj)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) in NOT_LEDGER:
        return
    _touched(state.session).every_park = True


@event.listens_for(Session, "before_commit")
def _bump(session: Session) -> None:
    session.flush()
    touched = session.info.pop(_INFO_KEY, None)
    if touched is None:
        return
    statement = touched.statement()
    if statement is not None:
        session.connection().execute(statement)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_INFO_KEY, None)
