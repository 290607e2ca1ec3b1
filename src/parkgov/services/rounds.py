"""Dispatch rounds (调度): open one per month with a deadline, close it, and see who reported, late or not at all."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parkgov.domain.period import Period
from parkgov.services import lookup
from parkgov.services.clock import local_day
from parkgov.services.access import Actor, require_coordinate, require_read
from parkgov.services.errors import Conflict, InvalidInput
from parkgov.services.ownership import responsible_units
from parkgov.store.database import begin_write
from parkgov.store.models import AuditEntry, DispatchRound, ParkSettings, Submission

SUBMISSION_LABELS = {"on_time": "按时报送", "late": "逾期报送", "missing": "未报送", "pending": "待报送"}
ROUND_LABELS = {"draft": "草稿", "open": "填报中", "closed": "已结束"}


def _today(now: datetime | None) -> date:
    return local_day(now or datetime.now(timezone.utc))


def default_deadline(session: Session, park_id: int, period: Period) -> date:
    """The park's dispatch deadline day in the month after ``period`` (default the 5th)."""
    settings = session.get(ParkSettings, park_id)
    day = settings.dispatch_deadline_day if settings and settings.dispatch_deadline_day else 5
    first_next = period.end + timedelta(days=1)
    return first_next.replace(day=min(max(day, 1), 28))


def round_summary(rnd: DispatchRound) -> dict:
    """A round as plain data."""
    period = Period.parse(rnd.period)
    return {"id": rnd.id, "park_id": rnd.park_id, "period": rnd.period, "period_label": period.label,
            "deadline": rnd.deadline, "status": rnd.status, "status_label": ROUND_LABELS.get(rnd.status, rnd.status),
            "opened_at": rnd.opened_at, "closed_at": rnd.closed_at, "version": rnd.version}


def open_round(session: Session, actor: Actor, park: int | str, period: str, deadline: date | None = None) -> dict:
    """Open the park's round for a month; one round per month."""
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    month = lookup.month_period(period)
    deadline = deadline or default_deadline(session, park_row.id, month)
    if deadline < month.start:
        raise InvalidInput(f"报送截止日期 {deadline.isoformat()} 早于调度月份开始（{month.start.isoformat()}）")
    exists = session.scalars(select(DispatchRound.id).where(DispatchRound.park_id == park_row.id,
                                                            DispatchRound.period == month.code)).first()
    if exists is not None:
        raise Conflict(f"{park_row.name}{month.label}的调度轮次已经开启，不能重复开启")
    rnd = DispatchRound(park_id=park_row.id, period=month.code, deadline=deadline, status="open")
    session.add(rnd)
    try:
        session.flush()
        session.add(AuditEntry(user_id=actor.user_id, actor=actor.name, park_id=park_row.id, entity="dispatch_round",
                               entity_id=rnd.id, action="create", note=f"开启{month.label}调度，截止{deadline}"))
        session.commit()
    except IntegrityError:
        session.rollback()
        raise Conflict(f"{park_row.name}{month.label}的调度轮次已经开启，不能重复开启") from None
    return round_summary(rnd)


def close_round(session: Session, actor: Actor, park: int | str, period: str, now: datetime | None = None) -> dict:
    """Close a round: no more reports for that month; units that never reported are recorded as missing."""
    begin_write(session)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    rnd = lookup.dispatch_round(session, park_row.id, period)
    if rnd.status == "closed":
        raise Conflict("该调度轮次已经结束")
    rnd.status = "closed"
    rnd.closed_at = now or datetime.now(timezone.utc)
    reported = set(session.scalars(select(Submission.unit_id).where(Submission.round_id == rnd.id)))
    for unit in responsible_units(session, park_row.id, Period.parse(rnd.period).year):
        if unit.id not in reported:
            session.add(Submission(round_id=rnd.id, unit_id=unit.id, submitted_at=None, late=False))
    session.add(AuditEntry(user_id=actor.user_id, actor=actor.name, park_id=park_row.id, entity="dispatch_round",
                           entity_id=rnd.id, action="update", field="status", old_value="open", new_value="closed"))
    session.commit()
    return round_summary(rnd)


def list_rounds(session: Session, actor: Actor, park: int | str) -> list[dict]:
    """The park's rounds, newest first."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    rows = session.scalars(select(DispatchRound).where(DispatchRound.park_id == park_row.id)
                           .order_by(DispatchRound.period.desc()))
    return [round_summary(r) for r in rows]


def unit_submissions(session: Session, rnd: DispatchRound, today: date) -> list[dict]:
    """Every responsible unit of the round's year with on_time / late / missing / pending."""
    period = Period.parse(rnd.period)
    subs = {s.unit_id: s for s in session.scalars(select(Submission).where(Submission.round_id == rnd.id))}
    out = []
    for unit in responsible_units(session, rnd.park_id, period.year):
        sub = subs.get(unit.id)
        if sub is not None and sub.submitted_at is not None:
            status = "late" if sub.late else "on_time"
        else:
            status = "missing" if (today > rnd.deadline or rnd.status == "closed") else "pending"
        out.append({"unit_id": unit.id, "unit": unit.name, "status": status,
                    "status_label": SUBMISSION_LABELS[status],
                    "submitted_at": sub.submitted_at if sub is not None else None})
    return out


def round_compliance(session: Session, actor: Actor, park: int | str, period: str,
                     now: datetime | None = None) -> dict:
    """A round with each unit's submission status and the counts of missing and late units."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    rnd = lookup.dispatch_round(session, park_row.id, period)
    units = unit_submissions(session, rnd, _today(now))
    counts = {k: sum(1 for u in units if u["status"] == k) for k in SUBMISSION_LABELS}
    return {**round_summary(rnd), "units": units, "counts": counts}
