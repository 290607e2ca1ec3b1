"""Status views: a park's indicators, tasks and projects at an as-of date (default today).

Completion, time progress and lights are computed by the domain layer; this module only
gathers the latest reported figures (rounds whose month has ended by the as-of date).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkgov.domain.deadline import Deadline, parse_deadline
from parkgov.domain.errors import DomainError
from parkgov.domain.light import DEFAULT_THRESHOLDS, Light, Thresholds, worst
from parkgov.domain.period import MAX_YEAR, MIN_YEAR, Period
from parkgov.domain.project_status import Milestone, MilestonePlan, project_status
from parkgov.domain.quantity import Quantity
from parkgov.domain.target import Target, assess
from parkgov.domain.task_status import TaskState, task_light, task_state
from parkgov.domain.time_progress import time_progress
from parkgov.services import lookup
from parkgov.services.clock import today
from parkgov.services.access import Actor, require_read
from parkgov.services.errors import InvalidInput
from parkgov.services.progress import STATE_ALIASES
from parkgov.store.models import (ACTIVE, DispatchRound, Indicator, IndicatorActual, ParkSettings, Person,
                                  ProgressReport, Project, ProjectInvestment, Task, TaskTarget, Unit, task_lead_units,
                                  task_leaders)

MILESTONE_COLUMNS = {Milestone.SIGNED: ("signed_planned", "signed_actual"),
                     Milestone.STARTED: ("started_planned", "started_actual"),
                     Milestone.COMPLETED: ("completed_planned", "completed_actual"),
                     Milestone.IN_PRODUCTION: ("production_planned", "production_actual")}


@dataclass(frozen=True)
class ParkStatus:
    """Every row of a park's year with its light at ``as_of``, as plain dictionaries."""

    park_id: int
    park: str
    year: int
    as_of: date
    time_progress: Decimal
    indicators: list[dict]
    tasks: list[dict]
    projects: list[dict]

    def items(self) -> list[dict]:
        return [*self.indicators, *self.tasks, *self.projects]

    def as_dict(self) -> dict:
        return {"park_id": self.park_id, "park": self.park, "year": self.year, "as_of": self.as_of,
                "time_progress": self.time_progress, "indicators": self.indicators, "tasks": self.tasks,
                "projects": self.projects, "light_counts": light_counts(self.items())}


def light_counts(items: list[dict]) -> dict[str, int]:
    counts = {light.value: 0 for light in Light}
    for item in items:
        counts[item["light"]] += 1
    return counts


def _thresholds(settings: ParkSettings | None) -> Thresholds:
    if settings is None:
        return DEFAULT_THRESHOLDS
    try:
        return Thresholds(green_gap_pct=Decimal(settings.green_gap_pct), yellow_gap_pct=Decimal(settings.yellow_gap_pct),
                          growth_yellow_gap_pct=Decimal(settings.growth_yellow_gap_pct))
    except DomainError:
        return DEFAULT_THRESHOLDS


def thresholds_of(session: Session, park_id: int) -> Thresholds:
    """The park's light thresholds (defaults when it has none)."""
    return _thresholds(session.get(ParkSettings, park_id))


@lru_cache(maxsize=4096)
def _period_end(code: str) -> date | None:
    try:
        return Period.parse(code).end
    except DomainError:
        return None


def _light(light: Light) -> dict:
    return {"light": light.value, "light_label": light.label}


def _active(cls, park_ids: list[int], year: int):
    """The active rows of ``cls`` (Indicator, Task, Project) of the parks' year."""
    return (cls.park_id.in_(park_ids), cls.year == year, cls.status == ACTIVE)


def _indicator_rows(rows: _YearRows, as_of: date) -> dict[int, list[dict]]:
    year, thresholds, units = rows.year, rows.thresholds, rows.units
    actuals: dict[int, object] = {}
    best: dict[int, tuple] = {}
    for actual in rows.actuals:
        end = _period_end(actual.period)
        if end is None or end > as_of or end.year != year:
            continue
        key = (end, actual.id)
        if actual.indicator_id not in best or key > best[actual.indicator_id]:
            best[actual.indicator_id], actuals[actual.indicator_id] = key, actual
    period = Period.of_year(year)
    progress = time_progress(period, as_of)
    out: dict[int, list[dict]] = {park_id: [] for park_id in rows.park_ids}
    for ind in rows.indicators:
        actual = actuals.get(ind.id)
        assessments = []
        try:
            if ind.target_value is not None and ind.unit:
                target = Target.from_comparator(ind.target_value, ind.unit, ind.comparator)
                figure = None
                if actual is not None and actual.value is not None:
                    figure = Quantity.of(actual.value, actual.unit or ind.unit)
                assessments.append(assess(target, figure, period=period, as_of=as_of,
                                          thresholds=thresholds[ind.park_id]))
            if ind.growth_target_pct is not None:
                growth = actual.yoy_pct if actual is not None else None
                assessments.append(assess(Target.growth(ind.growth_target_pct), growth, period=period, as_of=as_of,
                                          thresholds=thresholds[ind.park_id]))
        except DomainError as exc:
            assessments = []
            note = exc.message
        else:
            note = "；".join(a.note for a in assessments) or "未设定可考核的目标"
        light = worst(a.light for a in assessments) if assessments else Light.GREY
        rate = next((a.completion_rate for a in assessments if a.completion_rate is not None), None)
        out[ind.park_id].append({
            "kind": "indicator", "id": ind.id, "key": f"indicator:{ind.id}", "title": ind.name,
            "unit_id": ind.lead_unit_id, "unit": units.get(ind.lead_unit_id),
            "target_value": ind.target_value, "target_unit": ind.unit, "comparator": ind.comparator,
            "growth_target_pct": ind.growth_target_pct,
            "actual_value": actual.value if actual else None, "actual_unit": actual.unit if actual else None,
            "actual_period": actual.period if actual else None,
            "yoy_pct": actual.yoy_pct if actual else None, "completion_rate": rate,
            "time_progress": progress, "note": note, **_light(light)})
    return out


def _latest_reports(session: Session, rows: _YearRows, as_of: date, column) -> dict[int, object]:
    """The newest report per item among rounds of the year whose month ended by ``as_of``.

    Newest is the highest (round period, revision, id); the database ranks them and only the
    winners are loaded, once per set of rounds (a dashboard's day and its last round's month end
    mostly see the same rounds).
    """
    rounds = [r.id for r in rows.rounds
              if (end := _period_end(r.period)) is not None and end <= as_of and end.year == rows.year]
    if not rounds:
        return {}
    key = (column.key, tuple(sorted(rounds)))
    if key not in rows.latest_reports:
        rows.latest_reports[key] = _query_latest_reports(session, rounds, column)
    return rows.latest_reports[key]


def _query_latest_reports(session: Session, rounds: list[int], column) -> dict[int, object]:
    rank = func.row_number().over(partition_by=column, order_by=(DispatchRound.period.desc(),
                                                                 ProgressReport.revision.desc(),
                                                                 ProgressReport.id.desc()))
    ranked = (select(ProgressReport.id, rank.label("rank"))
              .join(DispatchRound, DispatchRound.id == ProgressReport.round_id)
              .where(ProgressReport.round_id.in_(rounds), column.is_not(None))).subquery()
    latest = (select(column.label("item_id"), ProgressReport.state, ProgressReport.values, ProgressReport.narrative,
                     ProgressReport.reported_at, ProgressReport.revision)
              .join(ranked, ranked.c.id == ProgressReport.id).where(ranked.c.rank == 1))
    return {report.item_id: report for report in session.execute(latest)}


def _deadline(task) -> Deadline | None:
    if task.deadline is not None:
        return Deadline.on(task.deadline, task.deadline_text or "")
    if task.deadline_text:
        try:
            return parse_deadline(task.deadline_text, task.year)
        except DomainError:
            return None
    return None


def _task_links(session: Session, task_ids, link_column, target) -> dict[int, list]:
    """Task id → the (id, name) rows of ``target`` (Unit, Person) linked through ``link_column``, in id order."""
    out: dict[int, list] = defaultdict(list)
    link = link_column.table
    for row in session.execute(select(link.c.task_id, target.id, target.name).join(target, target.id == link_column)
                               .where(link.c.task_id.in_(task_ids)).order_by(target.id)):
        out[row.task_id].append(row)
    return out


def _task_rows(session: Session, rows: _YearRows, as_of: date) -> dict[int, list[dict]]:
    lead_units, leaders, task_targets = rows.lead_units, rows.leaders, rows.targets
    reports = _latest_reports(session, rows, as_of, ProgressReport.task_id)
    out: dict[int, list[dict]] = {park_id: [] for park_id in rows.park_ids}
    for task in rows.tasks:
        report = reports.get(task.id)
        reported = STATE_ALIASES.get(report.state) if report else None
        deadline = _deadline(task)
        state = task_state(reported, deadline, as_of)
        light = task_light(reported, deadline, as_of)
        targets = []
        reported_values = {int(t["target_id"]): Decimal(t["value"])
                           for t in (report.values or {}).get("targets", [])} if report else {}
        for target in task_targets.get(task.id, ()):
            actual = reported_values.get(target.id)
            rate = None
            if actual is not None and target.value:
                rate = actual / target.value
            targets.append({"id": target.id, "name": target.name, "value": target.value, "unit": target.unit,
                            "actual": actual, "completion_rate": rate})
        rates = [t["completion_rate"] for t in targets if t["completion_rate"] is not None]
        task_units = lead_units.get(task.id, [])
        lead = task_units[0] if task_units else None
        out[task.park_id].append({
            "kind": "task", "id": task.id, "key": f"task:{task.id}", "seq": task.seq,
            "title": task.item or task.requirement or f"任务{task.seq}", "category": task.category,
            "requirement": task.requirement, "unit_id": lead.id if lead else None,
            "unit": lead.name if lead else None, "units": [u.name for u in task_units],
            "leaders": [p.name for p in leaders.get(task.id, ())],
            "deadline": deadline.due if deadline else None,
            "deadline_label": deadline.label if deadline else (task.deadline_text or None),
            "overdue": bool(deadline and deadline.is_overdue(as_of) and state is not TaskState.COMPLETED),
            "state": state.value if state else None, "state_label": state.label if state else "未报送",
            "narrative": report.narrative if report else None,
            "reported_at": report.reported_at if report else None,
            "revision": report.revision if report else 0,
            "targets": targets, "completion_rate": min(rates) if rates else None, **_light(light)})
    return out


def _project_rows(rows: _YearRows, as_of: date) -> dict[int, list[dict]]:
    year, thresholds, units = rows.year, rows.thresholds, rows.units
    monthly: dict[int, dict[str, object]] = defaultdict(dict)
    for inv in rows.investments:
        end = _period_end(inv.period)
        if end is not None and end <= as_of and end.year == year:
            monthly[inv.project_id][inv.period] = inv
    period = Period.of_year(year)
    progress = time_progress(period, as_of)
    out: dict[int, list[dict]] = {park_id: [] for park_id in rows.park_ids}
    for project in rows.projects:
        plan = (Quantity.of(project.annual_plan, project.annual_plan_unit)
                if project.annual_plan is not None and project.annual_plan_unit else None)
        completed = None
        notes: tuple[str, ...] = ()
        try:
            for inv in monthly[project.id].values():
                amount = Quantity.of(inv.amount, inv.unit)
                completed = amount if completed is None else completed + amount
            if plan is not None and completed is not None:
                completed = completed.to(plan.unit)
            plans = [MilestonePlan(m, getattr(project, planned), getattr(project, actual))
                     for m, (planned, actual) in MILESTONE_COLUMNS.items()]
            status = project_status(plan, completed, plans, as_of=as_of, period=period,
                                    thresholds=thresholds[project.park_id])
            light, rate, notes, missed = status.light, status.investment_rate, status.notes, status.missed
        except DomainError as exc:
            light, rate, notes, missed = Light.GREY, None, (exc.message,), ()
        out[project.park_id].append({
            "kind": "project", "id": project.id, "key": f"project:{project.id}", "title": project.name,
            "category": project.category, "stage": project.stage, "unit_id": project.lead_unit_id,
            "unit": units.get(project.lead_unit_id),
            "total_investment": project.total_investment, "total_investment_unit": project.total_investment_unit,
            "annual_plan": project.annual_plan, "annual_plan_unit": project.annual_plan_unit,
            "completed_investment": completed.value if completed is not None else None,
            "completed_investment_unit": completed.unit.symbol if completed is not None else None,
            "completion_rate": rate, "time_progress": progress,
            "missed_milestones": [m.value for m in missed], "note": "；".join(notes), **_light(light)})
    return out


#: up to this many ids a query names them (the database probes its index); beyond, it repeats the subquery
ID_LIST_LIMIT = 500


def _ids(ids: list[int], query):
    """The ids themselves when they are few (the database probes its index), else the query giving them."""
    return ids if len(ids) <= ID_LIST_LIMIT else query


class _YearRows:
    """The rows of some parks' year that do not depend on the as-of date, read once."""

    def __init__(self, session: Session, park_ids: list[int], year: int):
        self.park_ids, self.year = park_ids, year
        #: (report column, round ids) → newest report per item, filled by ``_latest_reports``
        self.latest_reports: dict[tuple, dict[int, object]] = {}
        settings = {s.park_id: s for s in session.scalars(select(ParkSettings)
                                                          .where(ParkSettings.park_id.in_(park_ids)))}
        self.thresholds = {park_id: _thresholds(settings.get(park_id)) for park_id in park_ids}
        units = session.execute(select(Unit.id, Unit.name, Unit.is_active).where(Unit.park_id.in_(park_ids))).all()
        self.units = {u.id: u.name for u in units}
        self.active_unit_ids = {u.id for u in units if u.is_active}
        where = _active(Indicator, park_ids, year)
        self.indicators = session.execute(select(Indicator.id, Indicator.park_id, Indicator.name, Indicator.unit,
                                                 Indicator.target_value, Indicator.comparator,
                                                 Indicator.growth_target_pct, Indicator.lead_unit_id)
                                          .where(*where).order_by(Indicator.id)).all()
        self.actuals = session.execute(select(IndicatorActual.id, IndicatorActual.indicator_id, IndicatorActual.period,
                                              IndicatorActual.value, IndicatorActual.unit, IndicatorActual.yoy_pct)
                                       .where(IndicatorActual.indicator_id.in_(_ids([i.id for i in self.indicators],
                                                                                     select(Indicator.id).where(*where))),
                                              IndicatorActual.status == ACTIVE,
                                              IndicatorActual.cumulative.is_(True))
                                       .order_by(IndicatorActual.id)).all()
        where = _active(Task, park_ids, year)
        self.tasks = session.execute(select(Task.id, Task.park_id, Task.year, Task.seq, Task.category, Task.item,
                                            Task.requirement, Task.deadline, Task.deadline_text)
                                     .where(*where).order_by(Task.id)).all()
        task_ids = _ids([t.id for t in self.tasks], select(Task.id).where(*where))
        self.lead_units = _task_links(session, task_ids, task_lead_units.c.unit_id, Unit)
        self.leaders = _task_links(session, task_ids, task_leaders.c.person_id, Person)
        self.targets: dict[int, list] = defaultdict(list)
        for target in session.execute(select(TaskTarget.id, TaskTarget.task_id, TaskTarget.name, TaskTarget.value,
                                             TaskTarget.unit).where(TaskTarget.task_id.in_(task_ids))
                                      .order_by(TaskTarget.id)):
            self.targets[target.task_id].append(target)
        where = _active(Project, park_ids, year)
        self.projects = session.execute(select(Project.__table__).where(*where).order_by(Project.id)).all()
        self.investments = session.execute(select(ProjectInvestment.project_id, ProjectInvestment.period,
                                                  ProjectInvestment.amount, ProjectInvestment.unit)
                                           .where(ProjectInvestment.project_id.in_(_ids([p.id for p in self.projects],
                                                                                       select(Project.id).where(*where))))
                                           .order_by(ProjectInvestment.id)).all()
        self.rounds = session.execute(select(DispatchRound.id, DispatchRound.period)
                                      .where(DispatchRound.park_id.in_(park_ids))).all()

    def responsible_units(self) -> list[tuple[int, str]]:
        """(id, name) of the active units leading at least one of these rows, by name (``ownership`` reads the same)."""
        leads = {i.lead_unit_id for i in self.indicators} | {p.lead_unit_id for p in self.projects}
        leads.update(u.id for links in self.lead_units.values() for u in links)
        return sorted(((i, self.units[i]) for i in leads & self.active_unit_ids), key=lambda unit: unit[1])


def _statuses(session: Session, rows: _YearRows, parks: list[tuple[int, str]], as_of: date) -> dict[int, ParkStatus]:
    indicators = _indicator_rows(rows, as_of)
    tasks = _task_rows(session, rows, as_of)
    projects = _project_rows(rows, as_of)
    progress = time_progress(Period.of_year(rows.year), as_of)
    return {park_id: ParkStatus(park_id, name, rows.year, as_of, progress, indicators[park_id], tasks[park_id],
                                projects[park_id]) for park_id, name in parks}


def _check_dates(as_of: date, year: int) -> None:
    """Refuse an as-of date or a year outside the years a period may lie in."""
    if not MIN_YEAR <= as_of.year <= MAX_YEAR:
        raise InvalidInput(f"截至日期超出范围：{as_of.isoformat()}（年份应在{MIN_YEAR}至{MAX_YEAR}年之间）")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInput(f"年份超出范围：{year}（应在{MIN_YEAR}至{MAX_YEAR}年之间）")


def compute_statuses(session: Session, parks: list[tuple[int, str]], as_of: date,
                     year: int | None = None) -> dict[int, ParkStatus]:
    """The status of several parks, given as (id, name), at once: a few queries for all of them (no access check)."""
    year = year or as_of.year
    _check_dates(as_of, year)
    return _statuses(session, _YearRows(session, [park_id for park_id, _ in parks], year), parks, as_of)


def compute_status(session: Session, park_id: int, as_of: date, year: int | None = None,
                   shared: dict | None = None) -> ParkStatus:
    """The status of every active row of the park's year at ``as_of`` (no access check).

    ``shared``: a dict the caller keeps across several views of one read (e.g. today and the last
    round's month end), so that the rows that do not depend on the as-of date are read once.
    """
    park = lookup.park(session, park_id)
    year = year or as_of.year
    _check_dates(as_of, year)
    rows = year_rows(session, park.id, year, shared)
    return _statuses(session, rows, [(park.id, park.name)], as_of)[park.id]


def year_rows(session: Session, park_id: int, year: int, shared: dict | None = None) -> _YearRows:
    """The park's rows of ``year`` that do not depend on the as-of date, read once per ``shared``."""
    rows = shared.get((park_id, year)) if shared is not None else None
    if rows is None:
        rows = _YearRows(session, [park_id], year)
        if shared is not None:
            shared[(park_id, year)] = rows
    return rows


def park_status(session: Session, actor: Actor, park: int | str, as_of: date | None = None,
                year: int | None = None) -> dict:
    """The status view of a park at ``as_of`` (default today), as plain data."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    return compute_status(session, park_row.id, as_of or today(), year).as_dict()
