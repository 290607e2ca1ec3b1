"""Import a document into a park's ledger: plan what changes, then apply it in one transaction.

``import_extraction`` is the use case. It plans (``plan_import``: matched and new units and
leaders, new/changed/removed/unchanged indicators, actuals, tasks and projects), shows the
plan, stops for a dry run, a duplicate (same sha256) or an unconfirmed revision, and
otherwise applies it (``apply_plan``) and commits. Any failure rolls everything back.

Rows are matched across versions of one document series (same park, year and genre):
tasks on seq + item, target indicators on name, actuals on name + period, projects on name.
Rows a revision no longer contains are withdrawn, never deleted.

Across documents of other genres, indicators are one ledger row per name (exact or compatible,
``indicator_matching``): a task table's indicator row gives the plan's indicator its lead unit and
leader, a summary's figures become actuals of the plan's indicator for the period the summary
states. Targets written inside a task's requirement are the task's targets (``TaskTarget``);
only a row that states an indicator (its item is the indicator's name, or its category says 指标)
makes it a park indicator, led by the row's unit and leader.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from parkgov.domain.deadline import DeadlineKind, parse_deadline
from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period, PeriodKind
from parkgov.extract.errors import ExtractError
from parkgov.extract.facts import Extraction, IndicatorFact, ProjectFact, TaskFact
from parkgov.services import audit
from parkgov.services.indicator_matching import COMPATIBLE, IndicatorIndex, IndicatorMatch, indicator_key
from parkgov.services.name_matching import NORMALISED, NameIndex, NameMatch, park_prefixes
from parkgov.store import repositories
from parkgov.store.database import begin_write
from parkgov.store.models import (ACTIVE, WITHDRAWN, ImportedDocument, Indicator, IndicatorActual, Park,
                                  ParkSettings, Person, PersonAlias, Project, Task, TaskTarget, Unit, UnitAlias,
                                  utcnow)

NEW, DUPLICATE, REVISION = "new", "duplicate", "revision"
ROW_NEW, ROW_CHANGED, ROW_REMOVED, ROW_SAME = "new", "changed", "removed", "unchanged"
INDICATOR, ACTUAL, TASK, PROJECT = "indicator", "actual", "task", "project"


class ImportRefused(DomainError):
    """The import cannot go ahead; ``message`` is one Chinese line and nothing was changed."""


@dataclass
class RowChange:
    """One ledger row of the plan: what happens to it and which fields change (old, new as shown)."""

    kind: str
    change: str
    key: tuple[str, ...]
    label: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    fact: Any = None
    existing_id: int | None = None
    #: an indicator of another document this row lands on (``exact`` or ``compatible`` name)
    matched: IndicatorMatch | None = None
    #: the task row that states this indicator (its lead unit and leader lead the indicator)
    task: TaskFact | None = None


@dataclass(frozen=True)
class TaskLink:
    """A target stated in a task row: a park indicator the row's unit leads, or the task's own target."""

    name: str
    task: str
    as_indicator: bool
    lead_unit: str | None = None
    leader: str | None = None


@dataclass
class ImportPlan:
    """Everything an import will do, computed without writing."""

    park_name: str
    park_id: int | None
    year: int
    genre: str
    sha256: str
    file_name: str
    title: str | None
    status: str
    duplicate_of: int | None = None
    previous_document_id: int | None = None
    units: list[NameMatch] = field(default_factory=list)
    leaders: list[NameMatch] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the period the document's title states (``2025-H1``), given to actuals that state none
    stated_period: str | None = None
    #: targets found in task rows and where they go
    task_links: list[TaskLink] = field(default_factory=list)
    #: indicator names of the document matched to indicators of earlier documents of other genres
    indicator_matches: list[IndicatorMatch] = field(default_factory=list)

    @property
    def new_units(self) -> list[str]:
        return [m.written for m in self.units if m.existing_id is None]

    @property
    def new_leaders(self) -> list[str]:
        return [m.written for m in self.leaders if m.existing_id is None]

    @property
    def normalised_matches(self) -> list[NameMatch]:
        """Names matched only after normalisation: reported to the user."""
        return [m for m in (*self.units, *self.leaders) if m.how == NORMALISED]

    def rows_of(self, kind: str, change: str | None = None) -> list[RowChange]:
        return [r for r in self.rows if r.kind == kind and (change is None or r.change == change)]

    def count(self, change: str) -> int:
        return sum(1 for r in self.rows if r.change == change)

    @property
    def has_changes(self) -> bool:
        return bool(self.new_units or self.new_leaders or any(r.change != ROW_SAME for r in self.rows))

    @property
    def needs_confirmation(self) -> bool:
        """A revision of an imported document is applied only when confirmed."""
        return self.status == REVISION


@dataclass
class ImportOutcome:
    """What the import did: the plan, whether it was written, and a Chinese summary line."""

    plan: ImportPlan
    applied: bool
    message: str
    document_id: int | None = None


# ---------------------------------------------------------------- facts → comparable values

def _dec(value: float | int | Decimal | None) -> Decimal | None:
    """A number as written, exact (a float goes through its shortest repr, never binary noise)."""
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _names(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        n = "".join((n or "").split())
        if n and n not in out:
            out.append(n)
    return out


_TITLE_PERIOD = re.compile(r"(\d{4})年(上半年|下半年|前三季度|第?[一二三四1-4]季度|1?[-—–~～至到]?\d{1,2}月|"
                           r"一至[二三四五六七八九十]{1,2}月)")
_CN_MONTHS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}


def document_period(title: str | None, year: int) -> Period | None:
    """The part of the year a document's title states (``2025年上半年工作总结`` → 2025年上半年), or None."""
    match = _TITLE_PERIOD.search("".join((title or "").split()))
    if match is None or int(match[1]) != year:
        return None
    text = match[2]
    if text == "前三季度":
        return Period.year_to_date(year, 9)
    if text.startswith("一至"):
        return Period.year_to_date(year, _CN_MONTHS[text[2:-1]])
    try:
        return Period.parse(f"{year}年{text}")
    except DomainError:
        return None


def _actual_period(fact: IndicatorFact, year: int, stated: Period | None = None) -> tuple[str, bool]:
    """The period code of an actual and whether it is cumulative (year-to-date).

    The fact's own period first, else the period the document states (``stated``), else the year.
    """
    text = (fact.period or "").strip()
    if text:
        for candidate in (text, f"{year}年{text}"):
            try:
                p = Period.parse(candidate)
            except DomainError:
                continue
            return p.code, p.kind == PeriodKind.YEAR_TO_DATE
    if stated is not None:
        return stated.code, stated.kind in (PeriodKind.YEAR_TO_DATE, PeriodKind.HALF, PeriodKind.YEAR)
    return str(year), True


def deadline_date(text: str | None, year: int) -> date | None:
    """The due date of a deadline as written, or None (recurring, ongoing, unreadable or empty)."""
    if not _clean(text):
        return None
    try:
        deadline = parse_deadline(text, year)
    except DomainError:
        return None
    return deadline.due if deadline.kind is DeadlineKind.DATE else None


def _target_text(t) -> str:
    parts = [t.name, t.comparator or "", "" if t.value is None else audit.shown(_dec(t.value)), t.unit or ""]
    if t.yoy_pct is not None:
        parts.append(f"（增长{audit.shown(_dec(t.yoy_pct))}%）")
    return "".join(parts)


@dataclass
class _Resolver:
    units: NameIndex
    leaders: NameIndex
    unit_matches: dict[str, NameMatch] = field(default_factory=dict)
    leader_matches: dict[str, NameMatch] = field(default_factory=dict)

    def unit(self, written: str) -> str:
        m = self.unit_matches.setdefault(written, self.units.match(written))
        return m.existing_name or written

    def leader(self, written: str) -> str:
        m = self.leader_matches.setdefault(written, self.leaders.match(written))
        return m.existing_name or written


def _task_values(fact: TaskFact, r: _Resolver, year: int) -> dict[str, Any]:
    return {
        "category": _clean(fact.category), "requirement": _clean(fact.requirement),
        "deadline_text": _clean(fact.deadline), "deadline": deadline_date(fact.deadline, year),
        "leaders": [r.leader(n) for n in _names(fact.leaders)],
        "lead_units": [r.unit(n) for n in _names(fact.departments)],
        "co_units": [r.unit(n) for n in _names(fact.co_units)],
        "targets": [_target_text(t) for t in fact.targets],
    }


def _task_current(task: Task) -> dict[str, Any]:
    return {
        "category": task.category, "requirement": task.requirement, "deadline_text": task.deadline_text,
        "deadline": task.deadline,
        "leaders": [p.name for p in task.leaders], "lead_units": [u.name for u in task.lead_units],
        "co_units": [u.name for u in task.co_units], "targets": [_target_text(t) for t in task.targets],
    }


_TARGET_FIELDS = ("unit", "target_value", "comparator", "growth_target_pct")


def _indicator_values(f: IndicatorFact, task: TaskFact | None, r: _Resolver) -> dict[str, Any]:
    values: dict[str, Any] = {"unit": f.unit, "target_value": _dec(f.value), "comparator": f.comparator,
                              "growth_target_pct": _dec(f.yoy_pct)}
    if task is not None:
        units, leaders = _names(task.departments), _names(task.leaders)
        values["lead_unit"] = r.unit(units[0]) if units else None
        values["leader"] = r.leader(leaders[0]) if leaders else None
    return values


def _indicator_current(ind: Indicator) -> dict[str, Any]:
    return {"unit": ind.unit, "target_value": ind.target_value, "comparator": ind.comparator,
            "growth_target_pct": ind.growth_target_pct, "lead_unit": ind.lead_unit.name if ind.lead_unit else None,
            "leader": ind.leader.name if ind.leader else None}


def _actual_values(fact: IndicatorFact) -> dict[str, Any]:
    return {"value": _dec(fact.value), "unit": fact.unit, "yoy_pct": _dec(fact.yoy_pct)}


def _actual_current(a: IndicatorActual) -> dict[str, Any]:
    return {"value": a.value, "unit": a.unit, "yoy_pct": a.yoy_pct}


def _project_values(fact: ProjectFact, r: _Resolver) -> dict[str, Any]:
    ti, ap = fact.total_investment, fact.annual_plan
    return {
        "category": fact.category, "stage": fact.stage,
        "total_investment": _dec(ti.value) if ti else None, "total_investment_unit": ti.unit if ti else None,
        "annual_plan": _dec(ap.value) if ap else None, "annual_plan_unit": ap.unit if ap else None,
        "lead_unit": r.unit("".join(fact.unit.split())) if _clean(fact.unit) else None,
    }


def _project_current(p: Project) -> dict[str, Any]:
    return {
        "category": p.category, "stage": p.stage, "total_investment": p.total_investment,
        "total_investment_unit": p.total_investment_unit, "annual_plan": p.annual_plan,
        "annual_plan_unit": p.annual_plan_unit, "lead_unit": p.lead_unit.name if p.lead_unit else None,
    }


def _same(a: Any, b: Any) -> bool:
    """Equal as values: ``Decimal("5.0")`` is ``Decimal("5")``; None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (old.get(k), v) for k, v in new.items() if not _same(old.get(k), v)}


# ---------------------------------------------------------------- planning

def _unknown_park_message(session: Session, name: str) -> str:
    names = repositories.park_names(session)
    if not names:
        return f"园区“{name}”不存在，数据库中还没有任何园区；如需新建，请加 --create-park"
    return f"园区“{name}”不存在。现有园区：{'、'.join(names)}；如需新建，请加 --create-park"


_DRAFT_MARKS = re.compile(r"[（(【\[][^）)】\]]*(?:稿|修订|修改|版)[^）)】\]]*[）)】\]]|修订稿|征求意见稿|送审稿|\s+")


def _title_key(title: str | None) -> str | None:
    """A title without blanks and draft marks (``（修订稿）``), to tell versions of one document."""
    key = _DRAFT_MARKS.sub("", title or "")
    return key or None


def _series_documents(session: Session, park_id: int, year: int, genre: str,
                      title: str | None) -> list[ImportedDocument]:
    """Earlier versions of the document: same park, year and genre, and the same title where both have one."""
    docs = repositories.documents_of(session, park_id, year, genre)
    key = _title_key(title)
    return [d for d in docs if key is None or _title_key(d.title) in (None, key)]


def _name_indexes(session: Session, park: Park | None, park_name: str) -> tuple[NameIndex, NameIndex]:
    prefixes = park_prefixes(park_name, park.short_name if park else None)
    if park is None:
        return NameIndex({}, {}, prefixes), NameIndex({}, {}, prefixes)
    units, unit_aliases = repositories.unit_names(session, park.id)
    people, person_aliases = repositories.person_names(session, park.id)
    return NameIndex(units, unit_aliases, prefixes), NameIndex(people, person_aliases, prefixes)


def _task_key(fact_or_task) -> tuple[str, str]:
    return ("".join((fact_or_task.seq or "").split()), "".join((fact_or_task.item or "").split()))


def _plan_rows(kind: str, facts: dict[tuple, Any], existing: dict[tuple, Any],
               values: Callable[[Any], dict], current: Callable[[Any], dict], label: Callable[[tuple], str],
               compare: bool) -> list[RowChange]:
    rows: list[RowChange] = []
    for key, fact in facts.items():
        new_values = values(fact)  # also resolves the fact's unit and leader names
        row = existing.get(key) if compare else None
        if row is None:
            rows.append(RowChange(kind, ROW_NEW, key, label(key), fact=fact))
            continue
        changes = _diff(current(row), new_values)
        rows.append(RowChange(kind, ROW_CHANGED if changes else ROW_SAME, key, label(key), changes, fact, row.id))
    if compare:
        for key, row in existing.items():
            if key not in facts:
                rows.append(RowChange(kind, ROW_REMOVED, key, label(key), existing_id=row.id))
    return rows


def _task_label(task: TaskFact) -> str:
    key = _task_key(task)
    return f"{key[0]} {key[1]}".strip()


def _states_indicator(task: TaskFact, name: str) -> bool:
    """The row is the indicator's own row: its item names the indicator, or its category says 指标."""
    return indicator_key(task.item or "") == indicator_key(name) or "指标" in (task.category or "")


def _task_of(fact: IndicatorFact, tasks: list[TaskFact], starts: list[int]) -> TaskFact | None:
    """The task row stating ``fact``: the row whose text holds the fact's offset and whose targets
    (or, when the task extractor found none, whose item) name it."""
    i = bisect_right(starts, fact.offset) - 1
    if i < 0:
        return None
    task = tasks[i]
    key = indicator_key(fact.name)
    names = [t.name for t in task.targets] or [task.item or ""]
    if not any(indicator_key(n) == key for n in names):
        return None
    if i == len(tasks) - 1:  # the last row has no next row to end it: its text must hold the quote
        text = "".join(f"{task.item or ''}{task.requirement or ''}".split())
        if "".join(fact.quote.split()) not in text:
            return None
    return task


def _link(task: TaskFact, name: str, as_indicator: bool) -> TaskLink:
    units, leaders = _names(task.departments), _names(task.leaders)
    return TaskLink(name, _task_label(task), as_indicator, units[0] if units else None,
                    leaders[0] if leaders else None)


def _warn_shared_lead(plan: ImportPlan, task: TaskFact, name: str) -> None:
    """An indicator has one lead unit and one leader: say so when its row names several."""
    units, leaders = _names(task.departments), _names(task.leaders)
    if len(units) > 1 or len(leaders) > 1:
        plan.warnings.append(f"指标“{name}”所在的任务“{_task_label(task)}”有多个牵头单位或领导"
                             f"（{'、'.join(units + leaders)}），指标由第一个牵头单位（{units[0] if units else '未注明'}）"
                             f"填报、第一位领导（{leaders[0] if leaders else '未注明'}）牵头")


def _target_rows(extraction: Extraction, plan: ImportPlan) -> tuple[dict[tuple, IndicatorFact],
                                                                      dict[tuple, TaskFact]]:
    """The document's park indicators (by name) and the task row leading each; targets inside a
    task's requirement stay the task's targets (all listed in ``plan.task_links``)."""
    tasks = sorted(extraction.tasks, key=lambda t: t.offset)
    starts = [t.offset for t in tasks]
    facts: dict[tuple, IndicatorFact] = {}
    leading: dict[tuple, TaskFact] = {}
    for f in extraction.indicators:
        if f.kind != "target":
            continue
        task = _task_of(f, tasks, starts)
        if task is None:
            facts.setdefault((f.name,), f)
        elif _states_indicator(task, f.name):
            facts.setdefault((f.name,), f)
            if (f.name,) not in leading:
                leading[(f.name,)] = task
                plan.task_links.append(_link(task, f.name, True))
                _warn_shared_lead(plan, task, f.name)
        else:
            plan.task_links.append(_link(task, f.name, False))
    for task in tasks:  # an indicator row whose figure the indicator extractor did not report
        for t in task.targets:
            if _states_indicator(task, t.name) and (t.name,) not in leading:
                facts.setdefault((t.name,), IndicatorFact(
                    name=t.name, value=t.value, unit=t.unit, yoy_pct=t.yoy_pct, comparator=t.comparator,
                    kind="target", quote=_clean(task.requirement) or "", offset=task.offset))
                leading[(t.name,)] = task
                plan.task_links.append(_link(task, t.name, True))
                _warn_shared_lead(plan, task, t.name)
    return facts, leading


def _other_indicators(session: Session, park_id: int | None, year: int,
                      series_ids: list[int]) -> dict[int, Indicator]:
    """The park's active indicators of the year that no earlier version of this document stated."""
    if park_id is None:
        return {}
    return {r.id: r for r in repositories.active_indicators(session, park_id, year)
            if r.document_id is None or r.document_id not in series_ids}


def _land_on_existing(plan: ImportPlan, rc: RowChange, ind: Indicator, match: IndicatorMatch,
                      resolver: _Resolver) -> None:
    """Turn a new target row into an update of an indicator another document created.

    Target figures only fill what the indicator lacks (a different figure is a warning, the ledger
    keeps its own); a task row's lead unit and leader are the responsibility and replace the old ones.
    """
    new = _indicator_values(rc.fact, rc.task, resolver)
    old = _indicator_current(ind)
    fields: dict[str, tuple[Any, Any]] = {}
    for name, value in new.items():
        if value is None or _same(old[name], value):
            continue
        if name in _TARGET_FIELDS and old[name] is not None:
            plan.warnings.append(f"指标“{rc.fact.name}”的{_FIELD_LABELS[name]}与台账已有的"
                                 f"“{ind.name}”不同（台账：{audit.shown(old[name])}，本文件："
                                 f"{audit.shown(value)}），保留台账数值")
            continue
        fields[name] = (old[name], value)
    rc.change = ROW_CHANGED if fields else ROW_SAME
    rc.fields, rc.existing_id, rc.matched = fields, ind.id, match
    plan.indicator_matches.append(match)


_FIELD_LABELS = {"unit": "单位", "target_value": "目标值", "comparator": "比较方式", "growth_target_pct": "增长目标"}


def plan_import(session: Session, extraction: Extraction, park_name: str, year: int | None = None, *,
                create_park: bool = False, file_name: str | None = None) -> ImportPlan:
    """Work out what importing ``extraction`` into ``park_name`` would do; writes nothing."""
    doc = extraction.document
    sha = str(extraction.source.get("sha256") or "")
    if not sha:
        raise ImportRefused("提取结果缺少文件校验值（sha256），无法导入")
    year = year or doc.year
    if not year:
        raise ImportRefused("无法确定文件所属年度，请用 --year 指定（例如 --year 2025）")
    if not (extraction.indicators or extraction.tasks or extraction.projects):
        raise ImportRefused(f"{file_name or '该文件'}：没有识别出任何指标、任务或项目，未导入")
    park = repositories.find_park(session, park_name)
    if park is None and not create_park:
        raise ImportRefused(_unknown_park_message(session, park_name))
    file_name = file_name or Path(str(extraction.source.get("path") or "")).name or "未命名文件"
    plan = ImportPlan(park_name=park.name if park else park_name.strip(), park_id=park.id if park else None,
                      year=year, genre=doc.genre or "other", sha256=sha, file_name=file_name, title=doc.title,
                      status=NEW)
    if doc.year and doc.year != year:
        plan.warnings.append(f"文件标注的年度为{doc.year}年，按指定的{year}年导入")
    if park is not None:
        dup = repositories.document_by_sha(session, park.id, sha)
        if dup is not None:
            plan.status, plan.duplicate_of = DUPLICATE, dup.id
            return plan
    series = _series_documents(session, park.id, year, plan.genre, doc.title) if park else []
    if series:
        plan.status, plan.previous_document_id = REVISION, series[-1].id
    unit_index, leader_index = _name_indexes(session, park, plan.park_name)
    resolver = _Resolver(unit_index, leader_index)
    compare = plan.status == REVISION
    series_ids = [d.id for d in series]

    def existing(model, key_of):
        return {key_of(r): r for r in repositories.active_rows_from(session, model, series_ids)} if compare else {}

    tasks: dict[tuple, TaskFact] = {}
    for t in extraction.tasks:
        tasks.setdefault(_task_key(t), t)
    plan.rows += _plan_rows(TASK, tasks, existing(Task, _task_key), lambda f: _task_values(f, resolver, year),
                            _task_current, lambda k: f"{k[0]} {k[1]}".strip(), compare)
    for t in tasks.values():
        if _clean(t.deadline) and deadline_date(t.deadline, year) is None:
            try:
                parse_deadline(t.deadline, year)
            except DomainError:
                plan.warnings.append(f"任务“{_task_label(t)}”的完成时限“{_clean(t.deadline)}”无法识别为日期，"
                                     "不计算逾期")

    targets, leading = _target_rows(extraction, plan)
    indicator_rows = existing(Indicator, lambda r: (r.name,))
    plan.rows += _plan_rows(INDICATOR, targets, indicator_rows,
                            lambda f: _indicator_values(f, leading.get((f.name,)), resolver),
                            _indicator_current, lambda k: k[0], compare)
    for rc in plan.rows_of(INDICATOR):
        rc.task = leading.get(rc.key)
    others = _other_indicators(session, park.id if park else None, year, series_ids)
    index = IndicatorIndex((i, r.name) for i, r in others.items())
    landed: set[int] = set()
    for rc in plan.rows_of(INDICATOR, ROW_NEW):
        match = index.match(rc.fact.name)
        if match.existing_id is not None and match.existing_id not in landed:
            landed.add(match.existing_id)
            _land_on_existing(plan, rc, others[match.existing_id], match, resolver)

    stated = document_period(doc.title, year)
    plan.stated_period = stated.code if stated else None
    actuals: dict[tuple, IndicatorFact] = {}
    labels: dict[tuple, str] = {}
    for i in extraction.indicators:
        if i.kind != "target":
            period = _actual_period(i, year, stated)[0]
            key = (indicator_key(i.name), period)
            if key not in actuals:
                actuals[key], labels[key] = i, f"{i.name}（{period}）"
    actual_rows = existing(IndicatorActual, lambda a: (indicator_key(a.indicator.name), a.period))
    for key, a in actual_rows.items():
        labels.setdefault(key, f"{a.indicator.name}（{a.period}）")
    plan.rows += _plan_rows(ACTUAL, actuals, actual_rows, _actual_values, _actual_current, labels.__getitem__,
                            compare)
    for rc in plan.rows_of(ACTUAL):
        if rc.change in (ROW_NEW, ROW_CHANGED):
            match = index.match(rc.fact.name)
            if match.existing_id is not None:
                rc.matched = match
                if match.how == COMPATIBLE or others[match.existing_id].document_id is not None:
                    if match not in plan.indicator_matches:
                        plan.indicator_matches.append(match)

    projects: dict[tuple, ProjectFact] = {}
    for p in extraction.projects:
        if p.aggregate:  # counts and totals stated in prose are indicators, not projects of the ledger
            continue
        projects.setdefault((" ".join(p.name.split()),), p)
    plan.rows += _plan_rows(PROJECT, projects, existing(Project, lambda r: (" ".join(r.name.split()),)),
                            lambda f: _project_values(f, resolver), _project_current, lambda k: k[0], compare)

    plan.units = list(resolver.unit_matches.values())
    plan.leaders = list(resolver.leader_matches.values())
    return plan


# ---------------------------------------------------------------- applying

_UNIT_KIND_ENDINGS = (("company", ("公司", "集团", "厂")), ("town", ("镇", "乡", "街道", "村", "社区")))


def _unit_kind(name: str) -> str:
    for kind, endings in _UNIT_KIND_ENDINGS:
        if name.endswith(endings):
            return kind
    return "department"


_MODELS = {TASK: Task, INDICATOR: Indicator, ACTUAL: IndicatorActual, PROJECT: Project}
_ENTITY = {TASK: "task", INDICATOR: "indicator", ACTUAL: "indicator_actual", PROJECT: "project"}


class _Writer:
    """Applies a plan inside the caller's transaction, writing the audit log as it goes."""

    def __init__(self, session: Session, plan: ImportPlan, actor: str) -> None:
        self.s, self.plan, self.actor = session, plan, actor
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}

    def audit(self, entity: str, entity_id: int | None, action: str, **kw: Any) -> None:
        audit.record(self.s, actor=self.actor, entity=entity, entity_id=entity_id, action=action,
                     park_id=self.park.id, **kw)

    def park_row(self, create: bool) -> Park:
        if self.plan.park_id is not None:
            self.park = self.s.get(Park, self.plan.park_id)
            return self.park
        assert create
        self.park = Park(name=self.plan.park_name)
        self.s.add(self.park)
        self.s.flush()
        self.s.add(ParkSettings(park_id=self.park.id))
        self.audit("park", self.park.id, "create", new=self.park.name, note="导入文件时新建园区")
        return self.park

    def resolve_names(self) -> None:
        for model, alias_model, matches, cache, entity, fk in (
                (Unit, UnitAlias, self.plan.units, self.units, "unit", "unit_id"),
                (Person, PersonAlias, self.plan.leaders, self.people, "person", "person_id")):
            for m in matches:
                if m.existing_id is not None:
                    cache[m.written] = self.s.get(model, m.existing_id)
                    if m.how == NORMALISED:
                        self.s.add(alias_model(park_id=self.park.id, alias="".join(m.written.split()),
                                               **{fk: m.existing_id}))
                        self.audit(entity, m.existing_id, "alias", new=m.written,
                                   note=f"“{m.written}”按规范化名称匹配为“{m.existing_name}”")
                    continue
                extra = {"kind": _unit_kind(m.written)} if model is Unit else {}
                row = model(park_id=self.park.id, name="".join(m.written.split()), **extra)
                self.s.add(row)
                self.s.flush()
                cache[m.written] = row
                self.audit(entity, row.id, "create", new=row.name)

    def apply_task(self, rc: RowChange, doc: ImportedDocument) -> None:
        f: TaskFact = rc.fact
        leaders = [self.people[n] for n in _names(f.leaders)]
        lead_units = [self.units[n] for n in _names(f.departments)]
        co_units = [self.units[n] for n in _names(f.co_units)]
        targets = [TaskTarget(name=t.name, value=_dec(t.value), unit=t.unit, comparator=t.comparator,
                              yoy_pct=_dec(t.yoy_pct)) for t in f.targets]
        fields = dict(category=_clean(f.category), requirement=_clean(f.requirement),
                      deadline_text=_clean(f.deadline), deadline=deadline_date(f.deadline, self.plan.year),
                      source_offset=f.offset, document_id=doc.id,
                      quote=_clean(f.requirement) or _clean(f.item))
        if rc.change == ROW_NEW:
            task = Task(park_id=self.park.id, year=self.plan.year, seq=_clean(f.seq), item=_clean(f.item),
                        leaders=leaders, lead_units=lead_units, co_units=co_units, targets=targets, **fields)
            self.s.add(task)
            self.s.flush()
            self.audit("task", task.id, "create", new=rc.label)
            return
        task = self.s.get(Task, rc.existing_id)
        for name, value in fields.items():
            setattr(task, name, value)
        task.leaders, task.lead_units, task.co_units = leaders, lead_units, co_units
        if "targets" in rc.fields:
            task.targets = targets
        self.s.flush()
        audit.record_update(self.s, task, rc.fields, actor=self.actor, entity="task", park_id=self.park.id,
                            note=f"修订文件：{self.plan.file_name}")

    def indicator_for(self, name: str, doc: ImportedDocument) -> Indicator:
        ind = repositories.active_indicator(self.s, self.park.id, self.plan.year, name)
        if ind is None:
            actives = repositories.active_indicators(self.s, self.park.id, self.plan.year)
            match = IndicatorIndex((i.id, i.name) for i in actives).match(name)
            ind = self.s.get(Indicator, match.existing_id) if match.existing_id is not None else None
        if ind is None:
            # no document states a target for it: only its actual row points at ``doc``
            ind = Indicator(park_id=self.park.id, year=self.plan.year, name=name)
            self.s.add(ind)
            self.s.flush()
            self.audit("indicator", ind.id, "create", new=name, note="随实际值建立（无目标值）")
        return ind

    def responsibility(self, task: TaskFact | None) -> dict[str, Any]:
        """The lead unit and leader of the task row stating an indicator (the first of each)."""
        if task is None:
            return {}
        units, leaders = _names(task.departments), _names(task.leaders)
        return {"lead_unit": self.units[units[0]] if units else None,
                "leader": self.people[leaders[0]] if leaders else None}

    def apply_indicator(self, rc: RowChange, doc: ImportedDocument) -> None:
        f: IndicatorFact = rc.fact
        values = dict(_indicator_values(f, rc.task, _NoResolve()), document_id=doc.id, source_offset=f.offset,
                      quote=f.quote or None)
        values.update(self.responsibility(rc.task))
        if rc.change == ROW_NEW:
            ind = Indicator(park_id=self.park.id, year=self.plan.year, name=f.name, **values)
            self.s.add(ind)
            self.s.flush()
            self.audit("indicator", ind.id, "create", new=rc.label)
            return
        ind = self.s.get(Indicator, rc.existing_id)
        if rc.matched is not None:  # another document's indicator: fill, and take the row's responsibility
            values = {k: v for k, v in values.items()
                      if k in rc.fields or (ind.document_id is None and k in ("document_id", "source_offset", "quote"))}
            note = (f"“{f.name}”按{'相近' if rc.matched.how == COMPATIBLE else '相同'}名称计入已有指标"
                    f"“{ind.name}”（文件：{self.plan.file_name}）")
        else:
            note = f"修订文件：{self.plan.file_name}"
        for name, value in values.items():
            setattr(ind, name, value)
        self.s.flush()
        audit.record_update(self.s, ind, rc.fields, actor=self.actor, entity="indicator", park_id=self.park.id,
                            note=note)

    def apply_actual(self, rc: RowChange, doc: ImportedDocument) -> None:
        f: IndicatorFact = rc.fact
        stated = Period.parse(self.plan.stated_period) if self.plan.stated_period else None
        period, cumulative = _actual_period(f, self.plan.year, stated)
        if rc.change == ROW_CHANGED:
            old = self.s.get(IndicatorActual, rc.existing_id)
            old.status = WITHDRAWN
        indicator = (self.s.get(Indicator, rc.matched.existing_id) if rc.matched is not None
                     else self.indicator_for(f.name, doc))
        actual = IndicatorActual(indicator=indicator, period=period, cumulative=cumulative,
                                 document_id=doc.id, source_offset=f.offset, quote=f.quote or None,
                                 **_actual_values(f))
        self.s.add(actual)
        self.s.flush()
        if rc.change == ROW_NEW:
            self.audit("indicator_actual", actual.id, "create", new=f"{rc.label} {audit.shown(actual.value)}")
        else:
            audit.record_update(self.s, actual, rc.fields, actor=self.actor, entity="indicator_actual",
                                park_id=self.park.id, note=f"修订文件：{self.plan.file_name}（取代记录#{rc.existing_id}）")

    def apply_project(self, rc: RowChange, doc: ImportedDocument) -> None:
        f: ProjectFact = rc.fact
        values = _project_values(f, _NoResolve())
        unit_name = "".join((f.unit or "").split())
        values.pop("lead_unit")
        values.update(lead_unit=self.units.get(unit_name) if unit_name else None, document_id=doc.id,
                      source_offset=f.offset)
        if rc.change == ROW_NEW:
            project = Project(park_id=self.park.id, year=self.plan.year, name=" ".join(f.name.split()), **values)
            self.s.add(project)
            self.s.flush()
            self.audit("project", project.id, "create", new=rc.label)
            return
        project = self.s.get(Project, rc.existing_id)
        for name, value in values.items():
            setattr(project, name, value)
        self.s.flush()
        audit.record_update(self.s, project, rc.fields, actor=self.actor, entity="project", park_id=self.park.id,
                            note=f"修订文件：{self.plan.file_name}")

    def withdraw(self, rc: RowChange) -> None:
        model = _MODELS[rc.kind]
        row = self.s.get(model, rc.existing_id)
        row.status = WITHDRAWN
        if hasattr(row, "withdrawn_at"):
            row.withdrawn_at = utcnow()
        self.s.flush()
        self.audit(_ENTITY[rc.kind], row.id, "withdraw", field="status", old=ACTIVE, new=WITHDRAWN,
                   note=f"修订文件“{self.plan.file_name}”中已无此项")


class _NoResolve:
    """Name resolution for apply time: names were already resolved into the writer's caches."""

    def unit(self, written: str) -> str:
        return written

    def leader(self, written: str) -> str:
        return written


def _issued_on(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def apply_plan(session: Session, plan: ImportPlan, extraction: Extraction, *, actor: str = "import",
               create_park: bool = False) -> ImportedDocument:
    """Write the plan in the caller's transaction: park, names, document, rows, audit log."""
    w = _Writer(session, plan, actor)
    park = w.park_row(create_park)
    w.resolve_names()
    doc_info = extraction.document
    doc = ImportedDocument(park_id=park.id, sha256=plan.sha256, file_name=plan.file_name,
                           format=extraction.source.get("format"), genre=plan.genre, year=plan.year,
                           title=doc_info.title, doc_number=doc_info.doc_number,
                           issued_on=_issued_on(doc_info.date), extraction=extraction.to_json(),
                           supersedes_id=plan.previous_document_id, imported_by=actor)
    session.add(doc)
    session.flush()
    w.audit("document", doc.id, "import", new=plan.file_name,
            note=f"{plan.year}年 {plan.genre}" + (f"，修订文件#{plan.previous_document_id}"
                                                 if plan.previous_document_id else ""))
    appliers = {TASK: w.apply_task, INDICATOR: w.apply_indicator, ACTUAL: w.apply_actual, PROJECT: w.apply_project}
    for kind in (TASK, INDICATOR, ACTUAL, PROJECT):
        for rc in plan.rows_of(kind):
            if rc.change in (ROW_NEW, ROW_CHANGED):
                appliers[kind](rc, doc)
            elif rc.change == ROW_REMOVED:
                w.withdraw(rc)
    session.flush()
    return doc


# ---------------------------------------------------------------- the use case

def _summary(plan: ImportPlan) -> str:
    parts = []
    for kind, word in ((INDICATOR, "指标"), (ACTUAL, "实际值"), (TASK, "任务"), (PROJECT, "项目")):
        new, changed, removed = (len(plan.rows_of(kind, c)) for c in (ROW_NEW, ROW_CHANGED, ROW_REMOVED))
        if new or changed or removed:
            bits = [f"新增{new}"] + ([f"修改{changed}"] if changed else []) + ([f"撤销{removed}"] if removed else [])
            parts.append(f"{word}{'、'.join(bits)}")
    if plan.new_units:
        parts.append(f"新建单位{len(plan.new_units)}个")
    if plan.new_leaders:
        parts.append(f"新建领导{len(plan.new_leaders)}人")
    return "；".join(parts) or "无变化"


def import_extraction(factory: sessionmaker[Session], extraction: Extraction, park: str, year: int | None = None,
                      *, file_name: str | None = None, create_park: bool = False, dry_run: bool = False,
                      confirm: Callable[[ImportPlan], bool] | None = None,
                      show: Callable[[ImportPlan], None] | None = None, actor: str = "import") -> ImportOutcome:
    """Plan, show, and (unless a dry run, a duplicate or an unconfirmed revision) apply in one transaction."""
    session = factory()
    try:
        begin_write(session)
        plan = plan_import(session, extraction, park, year, create_park=create_park, file_name=file_name)
        if plan.status == DUPLICATE:
            session.rollback()
            return ImportOutcome(plan, False, f"该文件已导入过（文档#{plan.duplicate_of}），本次未作任何更改")
        if show is not None:
            show(plan)
        if dry_run:
            session.rollback()
            return ImportOutcome(plan, False, f"试运行：{_summary(plan)}；未写入数据库")
        if plan.needs_confirmation and not (confirm is not None and confirm(plan)):
            session.rollback()
            return ImportOutcome(plan, False, "修订内容未确认，本次未作任何更改（确认请加 --yes）")
        doc = apply_plan(session, plan, extraction, actor=actor, create_park=create_park)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise ImportRefused("导入时与已有数据冲突（可能同一文件正被同时导入），未作任何更改，请稍后重试") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    verb = "已导入修订版" if plan.status == REVISION else "已导入"
    return ImportOutcome(plan, True, f"{verb}“{plan.file_name}”到{plan.park_name}{plan.year}年台账：{_summary(plan)}",
                         doc.id)


def extract_file(path: str | Path) -> Extraction:
    """Extract one file for import; any failure becomes ``ImportRefused`` with the extractor's message."""
    from parkgov.extract.pipeline import extract_path

    path = Path(path)
    try:
        return extract_path(path)
    except ExtractError as exc:
        raise ImportRefused(str(exc)) from exc
    except Exception as exc:  # an extractor bug must still give one clear line and change nothing
        raise ImportRefused(f"{path.name}：读取或解析时出错（{type(exc).__name__}），请检查文件是否完整") from exc


def import_file(factory: sessionmaker[Session], path: str | Path, park: str, year: int | None = None,
                **kwargs: Any) -> ImportOutcome:
    """Extract ``path`` and import it (see ``import_extraction``)."""
    extraction = extract_file(path)
    return import_extraction(factory, extraction, park, year, file_name=Path(path).name, **kwargs)
