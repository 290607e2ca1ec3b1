"""A unit's sheet for a dispatch round: the rows it answers for, each with its latest report and draft."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from parkgov.domain.period import Period
from parkgov.services import lookup
from parkgov.services.access import Actor, Role, require_read, require_unit_write
from parkgov.services.errors import InvalidInput
from parkgov.services.progress import current_revision, report_summary
from parkgov.services.rounds import round_summary, unit_submissions
from parkgov.services.status import compute_status
from parkgov.store.models import ACTIVE, DispatchRound, Indicator, ProgressDraft, Project, Task, Unit, task_lead_units


def _round(session: Session, park_id: int, period: str | None) -> DispatchRound | None:
    if period:
        return lookup.dispatch_round(session, park_id, period)
    query = select(DispatchRound).where(DispatchRound.park_id == park_id).order_by(DispatchRound.period.desc())
    rounds = list(session.scalars(query))
    return next((r for r in rounds if r.status == "open"), rounds[0] if rounds else None)


def _unit_id(session: Session, actor: Actor, park_id: int, unit: int | str | None) -> int | None:
    if actor.role is Role.reporter:
        if unit not in (None, "") and str(unit) != str(actor.unit_id):
            require_unit_write(actor, park_id, lookup.unit(session, park_id, unit).id)
        return actor.unit_id
    if unit in (None, ""):
        return None
    return lookup.unit(session, park_id, unit).id


def unit_sheet(session: Session, actor: Actor, park: int | str, period: str | None = None,
               unit: int | str | None = None, now: datetime | None = None) -> dict:
    """The round (open one by default), the unit (a reporter's own), its rows with report, draft and light."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    if actor.role in (Role.viewer, Role.leader):
        raise InvalidInput("只读角色没有填报任务，请查看台账页面")
    rnd = _round(session, park_row.id, period)
    rounds = [round_summary(r) for r in session.scalars(select(DispatchRound).where(DispatchRound.park_id == park_row.id)
                                                         .order_by(DispatchRound.period.desc()))]
    unit_id = _unit_id(session, actor, park_row.id, unit)
    today = (now or datetime.now(timezone.utc)).date()
    base = {"park": park_row.name, "round": round_summary(rnd) if rnd else None, "rounds": rounds,
            "unit_id": unit_id, "rows": [], "submission": None,
            "units": [{"id": u.id, "name": u.name} for u in session.scalars(
                select(Unit).where(Unit.park_id == park_row.id, Unit.is_active.is_(True)).order_by(Unit.name))]}
    if rnd is None or unit_id is None:
        return base
    month = Period.parse(rnd.period)
    unit_row = session.get(Unit, unit_id)
    submissions = {s["unit_id"]: s for s in unit_submissions(session, rnd, today)}
    view = compute_status(session, park_row.id, month.end, month.year)
    status_rows = {r["key"]: r for r in view.items()}
    drafts = {d.item_key: d for d in session.scalars(select(ProgressDraft).where(ProgressDraft.round_id == rnd.id,
                                                                                ProgressDraft.unit_id == unit_id))}
    items: list = list(session.scalars(
        select(Task).join(task_lead_units, task_lead_units.c.task_id == Task.id)
        .where(Task.park_id == park_row.id, Task.year == month.year, Task.status == ACTIVE,
               task_lead_units.c.unit_id == unit_id).options(selectinload(Task.targets)).order_by(Task.id)))
    for cls in (Indicator, Project):
        items += list(session.scalars(select(cls).where(cls.park_id == park_row.id, cls.year == month.year,
                                                        cls.status == ACTIVE, cls.lead_unit_id == unit_id)
                                      .order_by(cls.id)))
    rows = []
    for item in items:
        kind = {Task: "task", Indicator: "indicator", Project: "project"}[type(item)]
        key = f"{kind}:{item.id}"
        report = current_revision(session, rnd.id, kind, item.id)
        draft = drafts.get(key)
        rows.append({"kind": kind, "id": item.id, "key": key, "status": status_rows.get(key),
                     "report": report_summary(report) if report else None,
                     "draft": {"state": draft.state, "narrative": draft.narrative, "value": draft.value,
                               "value_unit": draft.value_unit, "values": draft.values or {},
                               "saved_at": draft.saved_at} if draft else None,
                     "targets": [{"id": t.id, "name": t.name, "value": t.value, "unit": t.unit}
                                 for t in getattr(item, "targets", [])],
                     "unit_of_value": getattr(item, "unit", None),
                     "investment_unit": getattr(item, "annual_plan_unit", None) or getattr(item,
                                                                                          "total_investment_unit",
                                                                                          None)})
    late_now = rnd.status == "open" and today > rnd.deadline
    return {**base, "unit": unit_row.name if unit_row else None, "rows": rows,
            "submission": submissions.get(unit_id), "late_now": late_now, "today": today}
