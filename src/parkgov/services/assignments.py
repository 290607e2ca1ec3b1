"""Assignments after an import: the unit and leader that answer for a ledger row, and a project's planned milestones.

An administrator or the park's coordinator sets them; every change is audited.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.services import audit, lookup
from parkgov.services.access import Actor, require_coordinate
from parkgov.services.errors import InvalidInput, NotFound
from parkgov.store.database import begin_write
from parkgov.store.models import Person, Task


def _leader(session: Session, park_id: int, name: str) -> Person:
    text = "".join((name or "").split())
    found = session.scalars(select(Person).where(Person.park_id == park_id, Person.name == text)).first()
    if found is None:
        raise NotFound(f"本园区没有该领导：{text}")
    return found


def set_lead(session: Session, actor: Actor, park: int | str, kind: str, item_id: int, unit: int | str,
             leader: str | None = None) -> None:
    """Make ``unit`` the lead unit of a task, indicator or project (a task's only lead unit), and ``leader``
    its leading official when given."""
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    row = lookup.item(session, park_row.id, kind, item_id, lock=True)
    unit_row = lookup.unit(session, park_row.id, unit)
    person = _leader(session, park_row.id, leader) if leader is not None else None
    if isinstance(row, Task):
        old_unit = "、".join(u.name for u in row.lead_units) or None
        row.lead_units = [unit_row]
    else:
        old_unit = row.lead_unit.name if row.lead_unit is not None else None
        row.lead_unit_id = unit_row.id
    audit.record(session, actor=actor.name, user_id=actor.user_id, entity=kind, entity_id=row.id, action="update",
                 field="lead_unit", old=old_unit, new=unit_row.name, park_id=park_row.id)
    if person is not None:
        if isinstance(row, Task):
            old_leader = "、".join(p.name for p in row.leaders) or None
            row.leaders = [person]
        else:
            old_leader = row.leader.name if row.leader is not None else None
            row.leader_id = person.id
        audit.record(session, actor=actor.name, user_id=actor.user_id, entity=kind, entity_id=row.id,
                     action="update", field="leader", old=old_leader, new=person.name, park_id=park_row.id)
    session.commit()


def set_planned_milestones(session: Session, actor: Actor, park: int | str, project_id: int,
                           started: date | None, completed: date | None) -> None:
    """A project's planned start (开工) and completion (竣工) dates; None clears one."""
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    if started is not None and completed is not None and completed < started:
        raise InvalidInput("计划竣工日期不能早于计划开工日期")
    project = lookup.item(session, park_row.id, "project", project_id, lock=True)
    changes = {name: (getattr(project, name), new) for name, new in
               (("started_planned", started), ("completed_planned", completed)) if getattr(project, name) != new}
    for name, (_, new) in changes.items():
        setattr(project, name, new)
    audit.record_update(session, project, changes, actor=actor.name, entity="project", park_id=park_row.id,
                        note="计划节点", user_id=actor.user_id)
    session.commit()
