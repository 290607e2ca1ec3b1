"""Assignments: lead unit and leader of a ledger row, a project's planned milestones, checked and audited."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from monthly_ledger import build_ledger
from parkgov.services.access import Actor, Role
from parkgov.services.assignments import set_lead, set_planned_milestones
from parkgov.services.errors import Forbidden, InvalidInput, NotFound
from parkgov.store.models import AuditEntry, Indicator, Person, Project, Task


def _coordinator(park_id: int) -> Actor:
    return Actor(user_id=None, name="调度员甲", role=Role.coordinator, park_id=park_id)


def test_a_coordinator_sets_lead_unit_and_leader_and_each_change_is_audited(session, ledger):
    indicator_id = ledger.indicators["规模工业总产值"]
    with session.begin():
        session.add(Person(park_id=ledger.park_id, name="许明川"))
    set_lead(session, _coordinator(ledger.park_id), ledger.park_id, "indicator", indicator_id, "人社局", "许明川")
    ind = session.get(Indicator, indicator_id)
    assert ind.lead_unit_id == ledger.units["人社局"] and ind.leader.name == "许明川"
    task_id = ledger.tasks["8"]
    set_lead(session, _coordinator(ledger.park_id), ledger.park_id, "task", task_id, ledger.units["住建局"])
    assert [u.name for u in session.get(Task, task_id).lead_units] == ["住建局"]
    entries = session.scalars(select(AuditEntry).where(AuditEntry.field.in_(("lead_unit", "leader")))
                              .order_by(AuditEntry.id)).all()
    assert [(e.entity, e.field, e.new_value, e.actor) for e in entries] == [
        ("indicator", "lead_unit", "人社局", "调度员甲"), ("indicator", "leader", "许明川", "调度员甲"),
        ("task", "lead_unit", "住建局", "调度员甲")]
    assert entries[2].old_value == "商务局" and all(e.park_id == ledger.park_id for e in entries)


def test_assignments_refuse_other_roles_parks_and_unknown_names(session, session_factory, ledger):
    other = build_ledger(session_factory, "桃花岭高新区", users=False)
    indicator_id = ledger.indicators["规模工业总产值"]
    reporter = Actor(user_id=None, name="填报员", role=Role.reporter, park_id=ledger.park_id,
                     unit_id=ledger.units["商务局"])
    with pytest.raises(Forbidden):
        set_lead(session, reporter, ledger.park_id, "indicator", indicator_id, "商务局")
    with pytest.raises(Forbidden):
        set_lead(session, _coordinator(other.park_id), ledger.park_id, "indicator", indicator_id, "商务局")
    with pytest.raises(NotFound):
        set_lead(session, _coordinator(other.park_id), other.park_id, "indicator", indicator_id, "商务局")
    with pytest.raises(NotFound, match="领导"):
        set_lead(session, Actor.system(), ledger.park_id, "indicator", indicator_id, "商务局", "无此人")
    session.rollback()
    assert session.get(Indicator, indicator_id).lead_unit_id != ledger.units["人社局"]
    with pytest.raises(Forbidden):
        set_planned_milestones(session, reporter, ledger.park_id, next(iter(ledger.projects.values())),
                               date(2025, 3, 15), None)


def test_planned_milestones_are_set_in_order_and_audited(session, ledger):
    project_id = next(iter(ledger.projects.values()))
    with pytest.raises(InvalidInput, match="不能早于"):
        set_planned_milestones(session, Actor.system(), ledger.park_id, project_id, date(2025, 9, 1), date(2025, 3, 1))
    set_planned_milestones(session, Actor.system(), ledger.park_id, project_id, date(2025, 3, 15), date(2025, 11, 28))
    project = session.get(Project, project_id)
    assert (project.started_planned, project.completed_planned) == (date(2025, 3, 15), date(2025, 11, 28))
    fields = set(session.scalars(select(AuditEntry.field).where(AuditEntry.entity == "project",
                                                                AuditEntry.entity_id == project_id)))
    assert {"started_planned", "completed_planned"} <= fields
