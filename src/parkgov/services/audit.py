"""Writing the audit log: every service records who changed what, from which value to which."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from parkgov.store.models import AuditEntry


def shown(value: Any) -> str | None:
    """A value as stored in the audit log: text, numbers without float noise, lists joined by 、."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(str(shown(v)) for v in value)
    return str(value)


def record(session: Session, *, actor: str, entity: str, entity_id: int | None, action: str,
           park_id: int | None = None, field: str | None = None, old: Any = None, new: Any = None,
           note: str | None = None, user_id: int | None = None) -> AuditEntry:
    """Add one audit entry to the session (it lands or rolls back with the caller's transaction)."""
    entry = AuditEntry(actor=actor, user_id=user_id, park_id=park_id, entity=entity, entity_id=entity_id,
                       action=action, field=field, old_value=shown(old), new_value=shown(new), note=note)
    session.add(entry)
    return entry


def record_update(session: Session, obj: Any, changes: dict[str, tuple[Any, Any]], *, actor: str, entity: str,
                  park_id: int | None = None, note: str | None = None, user_id: int | None = None) -> None:
    """One ``update`` entry per changed field of ``obj`` (``changes``: field → (old, new))."""
    for field, (old, new) in changes.items():
        record(session, actor=actor, entity=entity, entity_id=obj.id, action="update", park_id=park_id,
               field=field, old=old, new=new, note=note, user_id=user_id)
