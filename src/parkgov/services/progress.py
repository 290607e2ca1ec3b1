"""Progress submission: a unit reports on its own rows in a round, as a draft or for the record.

Submitted reports are append-only: a correction is a new revision that points at the one it
corrects. A submit carries ``base_revision``, the revision the reporter last saw (0 for none):
when someone else has submitted since, the submit is refused (optimistic versioning).

A task's co-units (配合单位) do not report its progress: the lead unit answers for it, and only
its reports drive the task's status and the rankings. A co-unit adds notes (``add_note``) on
what it contributed in the round, which the lead unit, coordinators and leaders read beside
the reports (``history``); notes are append-only too and never revise a report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period
from parkgov.domain.project_status import Milestone
from parkgov.domain.quantity import convert
from parkgov.domain.task_status import TaskState
from parkgov.services import lookup
from parkgov.services.clock import local_day
from parkgov.services.access import Actor, require_read, require_unit_write
from parkgov.services.errors import Forbidden, InvalidInput, ServiceError, StaleVersion
from parkgov.services.ownership import ITEM_LABELS, Item, co_unit_ids, item_key, kind_of, owner_unit_ids
from parkgov.store.database import begin_write
from parkgov.store.models import (AuditEntry, DispatchRound, Indicator, IndicatorActual, ProgressDraft, ProgressNote,
                                  ProgressReport, Project, ProjectInvestment, Submission, Task)

STATE_ALIASES = {"blocked": TaskState.LAGGING, **{s.label: s for s in TaskState}, **{s.value: s for s in TaskState}}
MILESTONE_FIELDS = {Milestone.SIGNED: "signed_actual", Milestone.STARTED: "started_actual",
                    Milestone.COMPLETED: "completed_actual", Milestone.IN_PRODUCTION: "production_actual"}
_ITEM_COLUMNS = {"task": ProgressReport.task_id, "indicator": ProgressReport.indicator_id,
                 "project": ProgressReport.project_id}


@dataclass
class ProgressInput:
    """What a unit reports for one item in one round."""

    kind: str
    item_id: int
    period: str
    state: str | None = None
    narrative: str | None = None
    value: Decimal | None = None
    value_unit: str | None = None
    yoy_pct: Decimal | None = None
    target_values: dict[int, Decimal] = field(default_factory=dict)
    investment: Decimal | None = None
    investment_unit: str | None = None
    milestones: dict[str, date] = field(default_factory=dict)
    unit_id: int | None = None
    base_revision: int = 0


def parse_state(text: str | None) -> TaskState:
    """A reported state from its code or Chinese label."""
    state = STATE_ALIASES.get((text or "").strip())
    if state is None:
        choices = "、".join(s.label for s in TaskState)
        raise InvalidInput(f"进展状态不正确：{text}，可选：{choices}")
    return state


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def _reporting_unit(actor: Actor, park_id: int, item: Item, requested: int | None) -> int:
    """The unit the report is for; a reporter may only report for its own unit's rows."""
    owners = owner_unit_ids(item)
    own = owners + co_unit_ids(item)
    unit_id = requested if requested is not None else (actor.unit_id if actor.unit_id in own else None)
    if unit_id is None:
        if not owners:
            raise InvalidInput(f"该{ITEM_LABELS[kind_of(item)]}尚未指定牵头单位，无法填报")
        unit_id = owners[0]
    require_unit_write(actor, park_id, unit_id)
    if unit_id in co_unit_ids(item) and unit_id not in owners:
        raise Forbidden("贵单位是该任务的配合单位：任务进度由牵头单位填报，配合单位请提交配合情况说明")
    if unit_id not in owners:
        raise Forbidden(f"该{ITEM_LABELS[kind_of(item)]}不由该单位牵头，不能填报")
    return unit_id


def _open_round(session: Session, park_id: int, period: str) -> DispatchRound:
    rnd = lookup.dispatch_round(session, park_id, period)
    if rnd.status != "open":
        raise InvalidInput(f"{Period.parse(rnd.period).label}的调度已结束，不能再填报")
    return rnd


def _checked_unit(value_unit: str | None, expected: str | None, what: str) -> str | None:
    if value_unit and expected:
        try:
            convert(Decimal(1), value_unit, expected)
        except DomainError as exc:
            raise InvalidInput(f"{what}的单位“{value_unit}”与目标单位“{expected}”不一致：{exc.message}") from None
    return value_unit or expected


def _figures(session: Session, item: Item, inp: ProgressInput, today: date, submitting: bool) -> tuple:
    """(value, value_unit, values) of the report, validated against the item."""
    values: dict = {}
    value, value_unit = inp.value, inp.value_unit
    if isinstance(item, Task):
        targets = {t.id: t for t in item.targets}
        rows = []
        for target_id, v in sorted(inp.target_values.items()):
            target = targets.get(int(target_id))
            if target is None:
                raise InvalidInput(f"目标编号 {target_id} 不属于该任务")
            rows.append({"target_id": target.id, "name": target.name, "value": str(v), "unit": target.unit})
        if value is not None and not rows and len(targets) == 1:
            target = next(iter(targets.values()))
            unit = _checked_unit(value_unit, target.unit, target.name)
            rows.append({"target_id": target.id, "name": target.name, "value": str(value), "unit": unit})
            value_unit = unit
        if rows:
            values["targets"] = rows
    elif isinstance(item, Indicator):
        value_unit = _checked_unit(value_unit, item.unit, item.name) if value is not None else None
        if inp.yoy_pct is not None:
            values["yoy_pct"] = str(inp.yoy_pct)
        if submitting and value is None and inp.yoy_pct is None:
            raise InvalidInput(f"请填写“{item.name}”的累计完成值或同比增速")
    else:
        if inp.investment is not None:
            if inp.investment < 0:
                raise InvalidInput("本月完成投资不能为负数")
            unit = _checked_unit(inp.investment_unit, item.annual_plan_unit or item.total_investment_unit, "完成投资")
            if unit is None:
                raise InvalidInput("请注明完成投资的单位（万元或亿元）")
            values["investment"] = {"value": str(inp.investment), "unit": unit}
        milestones = {}
        for name, day in inp.milestones.items():
            try:
                milestone = Milestone(name)
            except ValueError:
                raise InvalidInput(f"未知的项目节点：{name}，可选：signed（签约）、started（开工）、"
                                   "completed（竣工）、in_production（投产）") from None
            if day > today:
                raise InvalidInput(f"{milestone.label}日期 {day.isoformat()} 晚于今天，不能填报未发生的节点")
            milestones[milestone.value] = day.isoformat()
        if milestones:
            values["milestones"] = milestones
    if value is not None and not value.is_finite():
        raise InvalidInput("数值无效")
    return value, value_unit, values


def _narrative(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > 5000:
        raise InvalidInput("进展情况不能超过5000字")
    return text or None


def current_revision(session: Session, round_id: int, kind: str, item_id: int) -> ProgressReport | None:
    """The newest submitted report of an item in a round."""
    column = _ITEM_COLUMNS[kind]
    return session.scalars(select(ProgressReport).where(ProgressReport.round_id == round_id, column == item_id)
                           .order_by(ProgressReport.revision.desc()).limit(1)).first()


def report_summary(report: ProgressReport) -> dict:
    """A submitted report as plain data."""
    kind = "task" if report.task_id else "indicator" if report.indicator_id else "project"
    state = STATE_ALIASES.get(report.state)
    return {"id": report.id, "round_id": report.round_id, "unit_id": report.unit_id, "kind": kind,
            "item_id": report.task_id or report.indicator_id or report.project_id, "revision": report.revision,
            "supersedes_id": report.supersedes_id, "state": report.state,
            "state_label": state.label if state else report.state, "narrative": report.narrative,
            "value": report.value, "value_unit": report.value_unit, "values": report.values or {},
            "reported_by_id": report.reported_by_id, "reported_at": report.reported_at}


def _draft_summary(draft: ProgressDraft) -> dict:
    kind, item_id = draft.item_key.split(":")
    return {"id": draft.id, "round_id": draft.round_id, "unit_id": draft.unit_id, "kind": kind,
            "item_id": int(item_id), "state": draft.state, "narrative": draft.narrative, "value": draft.value,
            "value_unit": draft.value_unit, "values": draft.values or {}, "saved_at": draft.saved_at,
            "version": draft.version, "draft": True}


def save_draft(session: Session, actor: Actor, park: int | str, inp: ProgressInput,
               now: datetime | None = None) -> dict:
    """Save (over) the unit's working copy of an item; nothing is reported until it is submitted."""
    try:
        begin_write(session)
        park_row = lookup.park(session, park)
        item = lookup.item(session, park_row.id, inp.kind, inp.item_id)
        unit_id = _reporting_unit(actor, park_row.id, item, inp.unit_id)
        rnd = _open_round(session, park_row.id, inp.period)
        state = parse_state(inp.state or TaskState.IN_PROGRESS.value)
        value, value_unit, values = _figures(session, item, inp, local_day(_now(now)), submitting=False)
        draft = session.scalars(select(ProgressDraft).where(ProgressDraft.round_id == rnd.id,
                                                            ProgressDraft.item_key == item_key(item))).first()
        if draft is None:
            draft = ProgressDraft(round_id=rnd.id, item_key=item_key(item))
            session.add(draft)
        draft.unit_id, draft.state, draft.narrative = unit_id, state.value, _narrative(inp.narrative)
        draft.value, draft.value_unit, draft.values = value, value_unit, values
        draft.saved_by_id, draft.saved_at = actor.user_id, _now(now)
        session.commit()
        return _draft_summary(draft)
    except ServiceError:
        session.rollback()
        raise
    except (IntegrityError, OperationalError, StaleDataError):
        session.rollback()
        raise StaleVersion("草稿正被他人同时保存，请刷新后重试") from None


#: attempts when the database reports a clash with a concurrent writer (lock timeout, unique key)
ATTEMPTS = 3


def submit(session: Session, actor: Actor, park: int | str, inp: ProgressInput, now: datetime | None = None) -> dict:
    """Submit a report for the record (one new revision); also updates the ledger's actuals.

    A clash with another writer is retried from the start: the revision check then decides
    whether the report still applies (different items: it lands; the same item: 409).
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _submit_once(session, actor, park, inp, _now(now))
        except ServiceError:
            session.rollback()
            raise
        except (IntegrityError, OperationalError, StaleDataError):
            session.rollback()
            if attempt == ATTEMPTS:
                raise StaleVersion("该事项正被他人同时填报，请刷新后重试") from None
    raise AssertionError("unreachable")


def _submit_once(session: Session, actor: Actor, park: int | str, inp: ProgressInput, moment: datetime) -> dict:
    """One attempt of :func:`submit`; commits on success."""
    begin_write(session)
    park_row = lookup.park(session, park)
    item = lookup.item(session, park_row.id, inp.kind, inp.item_id)
    unit_id = _reporting_unit(actor, park_row.id, item, inp.unit_id)
    rnd = _open_round(session, park_row.id, inp.period)
    state = parse_state(inp.state or TaskState.IN_PROGRESS.value)
    value, value_unit, values = _figures(session, item, inp, local_day(moment), submitting=True)
    lookup.item(session, park_row.id, inp.kind, inp.item_id, lock=True)
    previous = current_revision(session, rnd.id, inp.kind, item.id)
    seen = previous.revision if previous else 0
    if inp.base_revision != seen:
        raise StaleVersion(f"该{ITEM_LABELS[inp.kind]}本期进度已被更新为第{seen}版（您看到的是第{inp.base_revision}版），"
                           "请刷新后再提交")
    report = ProgressReport(round_id=rnd.id, unit_id=unit_id, revision=seen + 1,
                            supersedes_id=previous.id if previous else None, state=state.value,
                            narrative=_narrative(inp.narrative), value=value, value_unit=value_unit,
                            values=values, reported_by_id=actor.user_id, reported_at=moment,
                            **{f"{inp.kind}_id": item.id})
    session.add(report)
    session.flush()
    _apply_to_ledger(session, item, rnd, report, values)
    _record_submission(session, rnd, unit_id, actor, moment)
    draft = session.scalars(select(ProgressDraft).where(ProgressDraft.round_id == rnd.id,
                                                        ProgressDraft.item_key == item_key(item))).first()
    if draft is not None:
        session.delete(draft)
    session.add(AuditEntry(user_id=actor.user_id, actor=actor.name, park_id=park_row.id, entity="progress_report",
                           entity_id=report.id, action="create",
                           note=f"{ITEM_LABELS[inp.kind]}{item.id} 第{report.revision}版"))
    session.commit()
    return report_summary(report)


def _apply_to_ledger(session: Session, item: Item, rnd: DispatchRound, report: ProgressReport, values: dict) -> None:
    if isinstance(item, Indicator):
        yoy = values.get("yoy_pct")
        session.add(IndicatorActual(indicator_id=item.id, period=rnd.period, cumulative=True, value=report.value,
                                    unit=report.value_unit, yoy_pct=Decimal(yoy) if yoy is not None else None,
                                    progress_report_id=report.id))
    elif isinstance(item, Project):
        investment = values.get("investment")
        if investment:
            session.add(ProjectInvestment(project_id=item.id, period=rnd.period, amount=Decimal(investment["value"]),
                                          unit=investment["unit"], progress_report_id=report.id))
        for name, day in values.get("milestones", {}).items():
            column = MILESTONE_FIELDS[Milestone(name)]
            if getattr(item, column) != date.fromisoformat(day):
                setattr(item, column, date.fromisoformat(day))


def _record_submission(session: Session, rnd: DispatchRound, unit_id: int, actor: Actor, moment: datetime) -> None:
    """The unit's first submitted report in the round marks it submitted (late after the deadline)."""
    sub = session.scalars(select(Submission).where(Submission.round_id == rnd.id,
                                                   Submission.unit_id == unit_id)).first()
    if sub is None:
        session.add(Submission(round_id=rnd.id, unit_id=unit_id, submitted_at=moment,
                               late=local_day(moment) > rnd.deadline, submitted_by_id=actor.user_id))
        session.flush()
    elif sub.submitted_at is None:
        sub.submitted_at, sub.late, sub.submitted_by_id = moment, local_day(moment) > rnd.deadline, actor.user_id


def _note_summary(note: ProgressNote, period: str | None) -> dict:
    return {"id": note.id, "round_id": note.round_id, "period": period, "task_id": note.task_id,
            "unit_id": note.unit_id, "unit": note.unit.name if note.unit else None, "narrative": note.narrative,
            "reported_by_id": note.reported_by_id, "reported_at": note.reported_at}


def add_note(session: Session, actor: Actor, park: int | str, task_id: int, period: str, narrative: str,
             unit_id: int | None = None, now: datetime | None = None) -> dict:
    """A co-unit's note on a task it co-handles, in an open round; it never changes the task's status."""
    try:
        begin_write(session)
        park_row = lookup.park(session, park)
        task = lookup.item(session, park_row.id, "task", task_id)
        co_units = co_unit_ids(task)
        unit_id = unit_id if unit_id is not None else actor.unit_id
        require_unit_write(actor, park_row.id, unit_id)
        if unit_id is None:
            raise InvalidInput("请指定提交配合情况说明的配合单位")
        if unit_id not in co_units:
            raise Forbidden("只有该任务的配合单位可以提交配合情况说明" + ("，牵头单位请直接填报进度"
                                                                   if unit_id in owner_unit_ids(task) else ""))
        rnd = _open_round(session, park_row.id, period)
        text = _narrative(narrative)
        if text is None:
            raise InvalidInput("请填写配合情况说明")
        note = ProgressNote(round_id=rnd.id, task_id=task.id, unit_id=unit_id, narrative=text,
                            reported_by_id=actor.user_id, reported_at=_now(now))
        session.add(note)
        session.flush()
        session.add(AuditEntry(user_id=actor.user_id, actor=actor.name, park_id=park_row.id, entity="progress_note",
                               entity_id=note.id, action="create", note=f"任务{task.id} 配合单位说明"))
        session.commit()
        return _note_summary(note, rnd.period)
    except BaseException:
        session.rollback()
        raise


def history(session: Session, actor: Actor, park: int | str, kind: str, item_id: int) -> dict:
    """Every submitted revision of an item (oldest first), the open drafts and, for a task, its co-units' notes."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    item = lookup.item(session, park_row.id, kind, item_id)
    column = _ITEM_COLUMNS[kind]
    reports = session.scalars(select(ProgressReport).join(DispatchRound, DispatchRound.id == ProgressReport.round_id)
                              .where(column == item.id)
                              .order_by(DispatchRound.period, ProgressReport.revision))
    rounds = dict(session.execute(select(DispatchRound.id, DispatchRound.period)
                                  .where(DispatchRound.park_id == park_row.id)).all())
    entries = [{**report_summary(r), "period": rounds.get(r.round_id)} for r in reports]
    drafts = [_draft_summary(d) for d in session.scalars(select(ProgressDraft)
                                                          .where(ProgressDraft.item_key == item_key(item)))]
    if actor.role.value == "reporter":
        drafts = [d for d in drafts if d["unit_id"] == actor.unit_id]
    notes = []
    if isinstance(item, Task):
        notes = [_note_summary(n, rounds.get(n.round_id))
                 for n in session.scalars(select(ProgressNote).where(ProgressNote.task_id == item.id)
                                          .order_by(ProgressNote.reported_at, ProgressNote.id))]
    return {"kind": kind, "item_id": item.id, "owners": owner_unit_ids(item), "co_units": co_unit_ids(item),
            "reports": entries, "drafts": drafts, "notes": notes}

