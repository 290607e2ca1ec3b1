"""Leaders' instructions (批示) on a ledger row or a supervision order, kept append-only in the audit log."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.services import lookup
from parkgov.services.access import Actor, Role, require_read
from parkgov.services.errors import Forbidden, InvalidInput
from parkgov.store.database import begin_write
from parkgov.store.models import AuditEntry

ACTION = "instruct"
#: what an instruction may be attached to: the audit entity names
TARGETS = {"task": "task", "indicator": "indicator", "project": "project", "order": "supervision_order"}
_WRITERS = (Role.leader, Role.coordinator, Role.admin)
MAX_LENGTH = 2000


def _target_park(session: Session, actor: Actor, park: int | str, kind: str, target_id: int) -> int:
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    if kind not in TARGETS:
        raise InvalidInput(f"不能对“{kind}”作批示")
    if kind == "order":
        if lookup.order(session, target_id).park_id != park_row.id:
            raise InvalidInput("该督办单不属于本园区")
    else:
        lookup.item(session, park_row.id, kind, target_id)
    return park_row.id


def add_instruction(session: Session, actor: Actor, park: int | str, kind: str, target_id: int, text: str) -> dict:
    """Record a leader's instruction on a row or an order of the park."""
    begin_write(session)
    park_id = _target_park(session, actor, park, kind, target_id)
    if actor.role not in _WRITERS or (actor.role is not Role.admin and actor.park_id != park_id):
        raise Forbidden("只有本园区的领导、调度员或管理员可以作批示")
    text = (text or "").strip()
    if not text:
        raise InvalidInput("批示内容不能为空")
    if len(text) > MAX_LENGTH:
        raise InvalidInput(f"批示内容不能超过{MAX_LENGTH}字")
    entry = AuditEntry(user_id=actor.user_id, actor=actor.name, park_id=park_id, entity=TARGETS[kind],
                       entity_id=target_id, action=ACTION, note=text)
    session.add(entry)
    session.commit()
    return _summary(entry)


def list_instructions(session: Session, actor: Actor, park: int | str, kind: str, target_id: int) -> list[dict]:
    """The instructions on a row or an order, oldest first."""
    park_id = _target_park(session, actor, park, kind, target_id)
    rows = session.scalars(select(AuditEntry).where(AuditEntry.park_id == park_id, AuditEntry.entity == TARGETS[kind],
                                                    AuditEntry.entity_id == target_id, AuditEntry.action == ACTION)
                           .order_by(AuditEntry.id))
    return [_summary(e) for e in rows]


def _summary(entry: AuditEntry) -> dict:
    return {"id": entry.id, "by": entry.actor, "at": entry.at, "text": entry.note}
