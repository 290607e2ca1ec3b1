"""A park's ledger version: one indexed read that changes whenever anything of the park changes.

The counter ``parks.ledger_version`` is bumped in the transaction of every write to the park's
rows (see ``store.ledger_counter``), whichever service or process wrote: views computed from the
park's data can be reused while it holds.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.store.models import Park


def ledger_version(session: Session, park_id: int) -> int:
    """The version of everything the park's views read (no access check: it reveals only a number); -1: no park."""
    version = session.execute(select(Park.ledger_version).where(Park.id == park_id)).scalar_one_or_none()
    return -1 if version is None else version
