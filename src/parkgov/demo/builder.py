"""Builds the demo database: documents imported through the import service, then ten months of
dispatch (rounds, unit reports on time, late or missing, supervision orders) through the
monthly-loop services, every row marked ``is_demo``.

``build_demo`` makes the five fictional parks; ``build_from_folder`` imports real documents,
one park per document named from its metadata, all into the 2025 ledger whatever their own
year, and runs the same months on them. Running either twice reuses what exists.
"""
from __future__ import annotations

import random
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from parkgov.demo.generator import DemoPark, fmt_value, generate_park
from parkgov.demo.names import DEMO_PARKS
from parkgov.demo.progress import (AS_OF, MONTHS, TASK_NOTES, UnitHabit, growth_path, month_index, pace,
                                   task_state, ytd_path)
from parkgov.demo.render import write_documents
from parkgov.demo.scoring import names_compatible
from parkgov.domain.deadline import parse_deadline
from parkgov.domain.errors import DomainError
from parkgov.extract.facts import Extraction
from parkgov.services import assignments, importing, park_admin, progress, rounds, supervision, users
from parkgov.services.access import Actor, Role
from parkgov.services.errors import ServiceError
from parkgov.services.ownership import responsible_units
from parkgov.store.database import make_engine, make_session_factory
from parkgov.store.migrate import upgrade_to_head
from parkgov.store.models import (ACTIVE, DispatchRound, ImportedDocument, Indicator, IndicatorActual, Park, Person,
                                  ProgressReport, Project, ProjectInvestment, Submission, SupervisionOrder, Task, Unit,
                                  User)

YEAR = 2025
ADMIN = "admin"
ACTOR_NAME = "演示数据"
#: the unit that answers for every row of a park whose documents name none
OFFICE = "管委会办公室"
SUPPORTED = (".txt", ".docx", ".xlsx", ".pdf")
#: Which generated file of each genre is imported (the .txt of a plan is the same plan as its .docx).
IMPORTED_FORMAT = {"plan": "docx", "action_plan": "txt", "project_table": "xlsx", "summary": "txt"}
#: An indicator's lead unit, by a word of its name, among units whose name holds one of the hints.
INDICATOR_OWNERS = (
    (("税", "预算收入"), ("财政", "税务")),
    (("外资", "进出口", "引资", "内资", "招商", "消费品"), ("招商", "商务")),
    (("研发", "高新", "科技"), ("科技", "科工", "科创")),
    (("失业", "就业"), ("人力", "人社")),
    (("",), ("经济发展", "经发", "发改", "经济")),
)


@dataclass
class BuildResult:
    """What the build did, in Chinese lines for the user, and the admin's one-time secrets."""

    lines: list[str] = field(default_factory=list)
    parks: list[str] = field(default_factory=list)
    admin_password: str | None = None
    admin_token: str | None = None
    #: the password of the demo accounts created in this build (the administrator's), and two of their names
    account_password: str | None = None
    accounts: list[str] = field(default_factory=list)


def prepare(url: str | None) -> tuple:
    """Migrate the database at ``url`` to head; an engine and a session factory on it."""
    upgrade_to_head(url)
    engine = make_engine(url)
    return engine, make_session_factory(engine)


def ensure_admin(factory: sessionmaker[Session], password: str | None, result: BuildResult) -> None:
    """The first administrator ``admin``: password from the caller or generated (shown once)."""
    result.account_password = password
    with factory() as s:
        if s.scalars(select(User.id).where(User.username == ADMIN)).first() is not None:
            result.lines.append("管理员账号 admin 已存在，密码不变")
            return
        generated = None if password else secrets.token_urlsafe(12)
        issued = users.add_user(s, Actor.system(), username=ADMIN, role="admin", display_name="系统管理员",
                                password=password or generated)
    result.admin_password, result.admin_token = generated, issued.token
    result.account_password = password or generated
    result.lines.append("已创建管理员账号 admin" + ("（密码取自 PARKGOV_ADMIN_PASSWORD）" if password else ""))


def build_demo(url: str | None, docs_dir: Path, admin_password: str | None = None,
               echo: Callable[[str], None] = lambda line: None) -> BuildResult:
    """The five demo parks: documents written to ``docs_dir``, imported, and ten months of dispatch."""
    engine, factory = prepare(url)
    result = BuildResult()
    try:
        ensure_admin(factory, admin_password, result)
        for profile in DEMO_PARKS:
            park = generate_park(profile)
            result.parks.append(park.name)
            if _is_built(factory, park.name):
                _say(result, echo, f"{park.name}：演示数据已存在，沿用")
                continue
            folder = docs_dir / park.name
            wanted = [folder / f"{doc.stem}.{IMPORTED_FORMAT[doc.genre]}" for doc in park.documents
                      if doc.in_demo_ledger]
            if not all(p.is_file() for p in wanted):
                write_documents(park.documents, folder)
            for path in wanted:
                _import(factory, path, park.name, result, echo)
            _simulate(factory, park.name, random.Random(profile.seed), park, result, echo)
    finally:
        engine.dispose()
    return result


def build_from_folder(url: str | None, folder: Path, admin_password: str | None = None,
                      echo: Callable[[str], None] = lambda line: None) -> BuildResult:
    """Real documents: each goes to the park it names (one park per document when each names its own),
    then the same ten months run on every park built here."""
    engine, factory = prepare(url)
    result = BuildResult()
    try:
        ensure_admin(factory, admin_password, result)
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED)
        if not files:
            _say(result, echo, f"{folder} 中没有可导入的文件（支持 .txt .docx .xlsx .pdf）")
        by_park: dict[str, list] = {}
        for path in files:
            try:
                extraction = importing.extract_file(path)
            except importing.ImportRefused as exc:
                _say(result, echo, exc.message)
                continue
            name = park_name_of(extraction.document.park, extraction.document.title, path)
            by_park.setdefault(name, []).append((path, extraction))
        for name, documents in by_park.items():
            result.parks.append(name)
            if _is_built(factory, name):
                _say(result, echo, f"{name}：已存在，沿用")
                continue
            for path, extraction in documents:
                extraction = _for_demo_year(extraction, name, path, result, echo)
                try:
                    outcome = importing.import_extraction(factory, extraction, name, YEAR, file_name=path.name,
                                                          create_park=True, actor=ACTOR_NAME)
                except importing.ImportRefused as exc:
                    _say(result, echo, f"{name}：{exc.message}")
                    continue
                _say(result, echo, f"{name}：{outcome.message}")
            _simulate(factory, name, random.Random(sum(map(ord, name))), None, result, echo)
    finally:
        engine.dispose()
    return result


def _for_demo_year(extraction: Extraction, park: str, path: Path, result: BuildResult,
                   echo: Callable[[str], None]) -> Extraction:
    """A document of another year goes into the 2025 ledger all the same, so that its park gets months of
    progress; its actual figures, which are of its own year, stay out unless they name 2025. Said to the user."""
    own = extraction.document.year
    if own is None or own == YEAR:
        return extraction
    kept = [f for f in extraction.indicators if f.kind != "actual" or str(YEAR) in (f.period or "")]
    dropped = len(extraction.indicators) - len(kept)
    title = extraction.document.title or path.name
    _say(result, echo, f"{park}：《{title}》是{own}年的文件，演示时计入{YEAR}年台账，以生成{YEAR}年1-10月的进度"
                       + (f"；其中{dropped}项{own}年实际数不计入" if dropped else ""))
    return replace(extraction, indicators=kept)


_PROVINCE = re.compile(r"^(?:湖南|湖北|江西|广东|广西|四川|贵州|云南|浙江|江苏|安徽|福建|河南|河北|山东|山西|陕西|"
                       r"甘肃|青海|辽宁|吉林|黑龙江|海南|重庆|北京|上海|天津)(?:省)?")
_SHORT_SUFFIX = (("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("高新技术产业开发区", "高新区"),
                 ("高新技术开发区", "高新区"))


def short_park_name(name: str) -> str:
    """The name a park goes by: ``湖南安化经济开发区`` → ``安化经开区``."""
    name = _PROVINCE.sub("", "".join(name.split()))
    for long, short in _SHORT_SUFFIX:
        if name.endswith(long) and len(name) > len(long):
            return name[: -len(long)] + short
    return name


def park_name_of(park: str | None, title: str | None, path: Path) -> str:
    """The park a document speaks for: its extracted park, else its title's leading name, else the file."""
    if park and park.strip():
        return short_park_name(park)
    m = re.match(r"(.{2,12}?(?:经开区|高新区|开发区|管理区|园区))", title or "")
    return short_park_name(m.group(1)) if m else path.stem


def _say(result: BuildResult, echo: Callable[[str], None], line: str) -> None:
    result.lines.append(line)
    echo(line)


def _is_built(factory: sessionmaker[Session], name: str) -> bool:
    with factory() as s:
        return s.scalars(select(Park.id).where(Park.name == name, Park.is_demo.is_(True))).first() is not None


def _import(factory, path: Path, park: str, result: BuildResult, echo) -> None:
    try:
        outcome = importing.import_file(factory, path, park, YEAR, create_park=True, actor=ACTOR_NAME)
    except importing.ImportRefused as exc:
        _say(result, echo, f"{park}：{exc.message}")
        return
    _say(result, echo, f"{park}：{outcome.message}")


# ---------------------------------------------------------------- the ledger set-up an administrator does

def _unit_by_hint(units: list[Unit], hints: tuple[str, ...]) -> Unit | None:
    return next((u for h in hints for u in units if h in u.name), None)


def _assign_owners(session: Session, park_id: int, park: DemoPark | None) -> None:
    """Give every indicator a lead unit, and demo projects their planned start and completion, through the
    assignment service as an administrator would.

    A park whose documents name no unit at all gets one, 管委会办公室, answering for every row.
    """
    admin = Actor(user_id=None, name=ACTOR_NAME, role=Role.admin)
    units = list(session.scalars(select(Unit).where(Unit.park_id == park_id, Unit.is_active.is_(True))
                                 .order_by(Unit.id)))
    tasks = list(session.scalars(select(Task).where(Task.park_id == park_id, Task.year == YEAR,
                                                    Task.status == ACTIVE)))
    if not units:
        park_admin.add_unit(session, admin, park_id, OFFICE)
        units = list(session.scalars(select(Unit).where(Unit.park_id == park_id, Unit.name == OFFICE)))
        for task in tasks:
            assignments.set_lead(session, admin, park_id, "task", task.id, units[0].id)
        for project_id in list(session.scalars(select(Project.id).where(
                Project.park_id == park_id, Project.year == YEAR, Project.status == ACTIVE))):
            assignments.set_lead(session, admin, park_id, "project", project_id, units[0].id)
    owners: dict[int, int] = {}
    for ind in session.scalars(select(Indicator).where(Indicator.park_id == park_id, Indicator.year == YEAR,
                                                       Indicator.status == ACTIVE,
                                                       Indicator.lead_unit_id.is_(None),
                                                       Indicator.target_value.is_not(None)
                                                       | Indicator.growth_target_pct.is_not(None))):
        owner = next((t.lead_units[0] for t in tasks if t.lead_units
                      and any(names_compatible(x.name, ind.name) for x in t.targets)), None)
        if owner is None:
            for words, hints in INDICATOR_OWNERS:
                if any(w in ind.name for w in words):
                    owner = _unit_by_hint(units, hints)
                    if owner is not None:
                        break
        owners[ind.id] = (owner or units[0]).id
    for indicator_id, unit_id in owners.items():
        assignments.set_lead(session, admin, park_id, "indicator", indicator_id, unit_id)
    if park is not None:
        planned = {p.name: p for p in park.projects}
        for row in list(session.scalars(select(Project).where(Project.park_id == park_id, Project.year == YEAR,
                                                              Project.status == ACTIVE))):
            p = planned.get(row.name)
            if p is not None:
                started = date(int(p.start[:4]), int(p.start[5:]), 15)
                completed = date(int(p.finish[:4]), int(p.finish[5:]), 28)
                assignments.set_planned_milestones(session, admin, park_id, row.id, started,
                                                   completed if completed >= started else None)


def _reporters(session: Session, park_id: int, park_name: str, units: list[Unit],
               password: str | None) -> tuple[Actor, dict[int, Actor]]:
    """A coordinator of the park (``青禾经开区调度员``) and a reporter per unit (``青禾经开区经济发展局``).

    They sign in with ``password`` (the administrator's of this build); without one they have none.
    """
    def user(username: str, role: str, display: str, unit: Unit | None) -> Actor:
        row = session.scalars(select(User).where(User.username == username)).first()
        if row is None:
            issued = users.add_user(session, Actor.system(), username=username, role=role, park=park_id,
                                    unit=unit.id if unit else None, display_name=display, password=password)
            uid = issued.user_id
        else:
            uid = row.id
        return Actor(user_id=uid, name=display, role=Role(role), park_id=park_id, unit_id=unit.id if unit else None)

    coordinator = user(f"{park_name}调度员", "coordinator", f"{park_name}调度员", None)
    return coordinator, {u.id: user(f"{park_name}{u.name}", "reporter", f"{u.name}填报员", u) for u in units}


# ---------------------------------------------------------------- ten months of dispatch

@dataclass
class _Plan:
    """What one item will report each month."""

    kind: str
    item_id: int
    unit_id: int
    inputs: dict[str, dict]


def _june_actual(session: Session, ind: Indicator) -> IndicatorActual | None:
    return session.scalars(select(IndicatorActual).where(IndicatorActual.indicator_id == ind.id,
                                                         IndicatorActual.period.in_(("2025-YTD06", "2025-H1")))
                           ).first()


def _indicator_plan(session: Session, ind: Indicator, rng: random.Random) -> _Plan:
    june = _june_actual(session, ind)
    inputs: dict[str, dict] = {p: {} for p in MONTHS}
    growth_mid = float(june.yoy_pct) if june is not None and june.yoy_pct is not None else \
        float(ind.growth_target_pct or 0) + rng.gauss(0, 2.5)
    if ind.target_value is not None and (ind.comparator == "<=" or ind.unit == "%"):
        for p in MONTHS:
            value = float(ind.target_value) + rng.uniform(-0.8, 0.3) if ind.comparator == "<=" else \
                float(ind.target_value) * rng.uniform(0.85, 1.04)
            if p == "2025-06" and june is not None and june.value is not None and june.unit == ind.unit:
                value = float(june.value)
            inputs[p] = {"value": fmt_value(value, ind.unit)[1], "unit": ind.unit}
    elif ind.target_value is not None and ind.unit and ind.unit != "%":
        mid_pace, drift = pace(rng)
        anchor = float(june.value) if june is not None and june.value is not None and june.unit == ind.unit else None
        path = ytd_path(float(ind.target_value), ind.unit, mid_pace, drift, rng, anchor)
        growths = growth_path(growth_mid, rng) if ind.growth_target_pct is not None or june is not None else {}
        for p in MONTHS:
            inputs[p] = {"value": path[p], "unit": ind.unit, "yoy": growths.get(p)}
    else:
        for p, g in growth_path(growth_mid, rng).items():
            inputs[p] = {"yoy": g}
    return _Plan("indicator", ind.id, ind.lead_unit_id, inputs)


def _finish_month(task: Task) -> int:
    """The month a task is due (12 when it has no date in the year)."""
    due = task.deadline
    if due is None and task.deadline_text:
        try:
            due = parse_deadline(task.deadline_text, YEAR).due
        except DomainError:
            due = None
    return due.month if due is not None and due.year == YEAR else 12


def _task_plan(task: Task, rng: random.Random) -> _Plan:
    lagging = rng.random() < 0.15
    finish = _finish_month(task)
    if not lagging and finish > 1:
        finish = max(1, finish - rng.choice((0, 0, 1, 2)))
    mid_pace, drift = pace(rng)
    inputs: dict[str, dict] = {}
    for p in MONTHS:
        m = month_index(p)
        state = task_state(m, finish, lagging)
        share = 1.0 if state == "completed" else min(0.95, m / 12 * mid_pace * (0.7 if lagging else 1.0))
        targets = {t.id: Decimal(str(fmt_value(float(t.value) * share, t.unit)[1]))
                   for t in task.targets if t.value is not None and m > 1}
        changed = m == 1 or state != inputs[MONTHS[m - 2]]["state"]
        inputs[p] = {"state": state, "note": rng.choice(TASK_NOTES[state]), "targets": targets,
                     "due": changed or m % 2 == 1 or m == 10}
    return _Plan("task", task.id, task.lead_units[0].id, inputs)


def _project_plan(project: Project, rng: random.Random) -> _Plan:
    unit = project.annual_plan_unit or project.total_investment_unit or "万元"
    annual = float(project.annual_plan or (project.total_investment or 0) * Decimal("0.3"))
    mid_pace, drift = pace(rng)
    planned = project.started_planned
    start_month = 1
    started_on = None
    if project.stage == "continued":
        started_on = planned if planned and planned.year < YEAR else date(YEAR - 1, rng.randint(3, 10), 15)
    elif planned is not None and planned.year == YEAR and planned.month <= 10:
        start_month = min(10, planned.month + (rng.randint(1, 2) if mid_pace < 0.9 else 0))
        started_on = date(YEAR, start_month, rng.randint(5, 25))
    elif project.stage == "new" and planned is None:
        start_month = rng.randint(2, 6)
        started_on = date(YEAR, start_month, rng.randint(5, 25))
    else:
        start_month = 13
    share = annual * 10 / 12 * mid_pace / max(1, 10 - start_month + 1)
    inputs: dict[str, dict] = {}
    for p in MONTHS:
        m = month_index(p)
        milestones = {}
        if started_on is not None and m == max(start_month, 1) and project.started_actual is None:
            milestones["started"] = started_on
        done = project.completed_planned
        if done and done.year == YEAR and m == done.month and mid_pace >= 0.9:
            milestones["completed"] = date(YEAR, m, min(28, done.day))
        invest = 0.0
        if m >= start_month and annual:
            invest = share * (1 + drift * (m - 6) / 6) * rng.uniform(0.7, 1.3)
        inputs[p] = {"investment": fmt_value(invest, unit)[1] if invest else None, "unit": unit,
                     "milestones": milestones}
    return _Plan("project", project.id, project.lead_unit_id, inputs)


def _submit(session: Session, actor: Actor, park_id: int, plan: _Plan, period: str, moment: datetime) -> bool:
    """Submit the item's report for ``period``; False when the unit has nothing to report on it this month.

    Indicators and projects are reported every month; a task every other month, and whenever its state changes.
    """
    data = plan.inputs[period]
    if plan.kind == "task" and not data["due"]:
        return False
    if plan.kind == "task":
        inp = progress.ProgressInput("task", plan.item_id, period, state=data["state"], narrative=data["note"],
                                     target_values=data["targets"], unit_id=plan.unit_id)
    elif plan.kind == "indicator":
        value = data.get("value")
        inp = progress.ProgressInput("indicator", plan.item_id, period,
                                     value=Decimal(str(value)) if value is not None else None,
                                     value_unit=data.get("unit") if value is not None else None,
                                     yoy_pct=Decimal(str(data["yoy"])) if data.get("yoy") is not None else None,
                                     unit_id=plan.unit_id)
    else:
        if data["investment"] is None and not data["milestones"]:
            return False
        inp = progress.ProgressInput("project", plan.item_id, period,
                                     investment=Decimal(str(data["investment"])) if data["investment"] else None,
                                     investment_unit=data["unit"],
                                     milestones={k: v for k, v in data["milestones"].items() if v <= moment.date()},
                                     unit_id=plan.unit_id)
    progress.submit(session, actor, park_id, inp, now=moment)
    return True


def _simulate(factory: sessionmaker[Session], name: str, rng: random.Random, park: DemoPark | None,
              result: BuildResult, echo) -> None:
    """Rounds 2025-01 … 2025-10 with unit reports, closes, and supervision orders; then marks the park demo."""
    with factory() as s:
        park_row = s.scalars(select(Park).where(Park.name == name)).first()
        if park_row is None:
            return
        park_id = park_row.id
        _assign_owners(s, park_id, park)
        units = responsible_units(s, park_id, YEAR)
        if not units:
            _mark_demo(s, park_id)
            _say(result, echo, f"{name}：没有{YEAR}年的任务、指标或项目，未生成月度调度")
            return
        coordinator, reporters = _reporters(s, park_id, name, units, result.account_password)
        if not result.accounts:
            result.accounts = [f"{name}调度员", f"{name}{units[0].name}"]
        plans: list[_Plan] = []
        by_name: dict[tuple, _Plan] = {}
        for ind in s.scalars(select(Indicator).where(Indicator.park_id == park_id, Indicator.year == YEAR,
                                                     Indicator.status == ACTIVE).order_by(Indicator.id)):
            if ind.target_value is None and ind.growth_target_pct is None:
                continue
            same = by_name.get((ind.name, ind.unit))
            plan = _Plan("indicator", ind.id, ind.lead_unit_id, same.inputs) if same else _indicator_plan(s, ind, rng)
            by_name.setdefault((ind.name, ind.unit), plan)
            plans.append(plan)
        for task in s.scalars(select(Task).where(Task.park_id == park_id, Task.year == YEAR,
                                                 Task.status == ACTIVE).order_by(Task.id)):
            if task.lead_units:
                plans.append(_task_plan(task, rng))
        for project in s.scalars(select(Project).where(Project.park_id == park_id, Project.year == YEAR,
                                                       Project.status == ACTIVE).order_by(Project.id)):
            if project.lead_unit_id is not None:
                plans.append(_project_plan(project, rng))
        habits = {u.id: UnitHabit.draw(rng) for u in units}
        by_unit: dict[int, list[_Plan]] = {}
        for plan in plans:
            if plan.unit_id in habits:
                by_unit.setdefault(plan.unit_id, []).append(plan)
        existing = set(s.scalars(select(DispatchRound.period).where(DispatchRound.park_id == park_id)))
        reports = 0
        for period in MONTHS:
            if period in existing:
                continue
            rnd = rounds.open_round(s, coordinator, park_id, period)
            deadline = rnd["deadline"]
            for unit in units:
                moment = habits[unit.id].moment(rng, period, deadline)
                if moment is None:
                    continue
                for i, plan in enumerate(by_unit.get(unit.id, [])):
                    try:
                        reports += _submit(s, reporters[unit.id], park_id, plan, period, moment + timedelta(minutes=i))
                    except ServiceError as exc:
                        echo(f"{name}：{period} 填报被拒绝：{exc.message}")
            if period != MONTHS[-1]:
                rounds.close_round(s, coordinator, park_id, period,
                                   now=datetime.combine(deadline + timedelta(days=8), time(18), tzinfo=timezone.utc))
            if period in ("2025-06", "2025-09"):
                _supervise(s, coordinator, reporters, park_id, deadline + timedelta(days=9), rng)
        orders = len(list(s.scalars(select(SupervisionOrder.id).where(SupervisionOrder.park_id == park_id))))
        _mark_demo(s, park_id)
        _say(result, echo, f"{name}：{len(MONTHS)} 个月调度，{len(units)} 个单位，{reports} 条进度，{orders} 张督办单"
                           + _scope(plans))


def _scope(plans: list[_Plan]) -> str:
    """What the months cover, and which kinds of rows the park's documents did not give."""
    counts = {kind: sum(1 for p in plans if p.kind == kind) for kind in ("indicator", "task", "project")}
    words = {"indicator": "有目标的指标", "task": "任务", "project": "项目"}
    line = "（调度" + "、".join(f"{words[k]}{n}项" for k, n in counts.items() if n)
    missing = [words[k] for k, n in counts.items() if not n]
    return line + (f"；台账中没有{'、'.join(missing)}，不在调度之列）" if missing else "）")


def _supervise(s: Session, coordinator: Actor, reporters: dict[int, Actor], park_id: int, day: date,
               rng: random.Random) -> None:
    """Raise orders on a few red items; units reply to most, the coordinator verifies and closes some."""
    moment = datetime.combine(day, time(10), tzinfo=timezone.utc)
    proposed = supervision.proposals(s, coordinator, park_id, as_of=day)
    if not proposed:
        return
    chosen = [p["item"] for p in rng.sample(proposed, min(len(proposed), rng.randint(2, 4)))]
    raised = supervision.raise_proposed(s, coordinator, park_id, as_of=day, items=chosen, now=moment)
    for order in raised:
        reporter = reporters.get(order["unit_id"])
        roll = rng.random()
        if reporter is None or roll < 0.25 or moment.date() + timedelta(days=6) > AS_OF:
            continue
        try:
            done = supervision.act(s, reporter, order["id"], "reply", note="已制定整改措施，正在加快推进。",
                                   now=moment + timedelta(days=rng.randint(3, 8)))
            if roll > 0.5:
                supervision.act(s, coordinator, order["id"], "verify", note="经核实，整改到位。",
                                version=done["version"], now=moment + timedelta(days=12))
        except ServiceError:
            continue


def _mark_demo(s: Session, park_id: int) -> None:
    """Every row of the park is demo data."""
    rounds_q = select(DispatchRound.id).where(DispatchRound.park_id == park_id)
    for model in (Unit, Person, User, ImportedDocument, Indicator, Task, Project, DispatchRound, SupervisionOrder):
        s.execute(update(model).where(model.park_id == park_id).values(is_demo=True))
    s.execute(update(IndicatorActual).where(IndicatorActual.indicator_id.in_(
        select(Indicator.id).where(Indicator.park_id == park_id))).values(is_demo=True))
    s.execute(update(ProjectInvestment).where(ProjectInvestment.project_id.in_(
        select(Project.id).where(Project.park_id == park_id))).values(is_demo=True))
    for model in (ProgressReport, Submission):
        s.execute(update(model).where(model.round_id.in_(rounds_q)).values(is_demo=True))
    s.execute(update(Park).where(Park.id == park_id).values(is_demo=True))
    s.commit()
