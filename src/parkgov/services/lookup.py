"""Find a park, unit, round or ledger row by id or by the name a user types; NotFound otherwise."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period, PeriodKind
from parkgov.services.errors import InvalidInput, NotFound
from parkgov.store.models import (ACTIVE, DispatchRound, Indicator, Park, Project, SupervisionOrder, Task, Unit,
                                  UnitAlias)


def park(session: Session, ref: int | str) -> Park:
    """A park by id, name or short name."""
    text = str(ref).strip()
    found = None
    if text.isdigit():
        found = session.get(Park, int(text))
    if found is None:
        found = session.scalars(select(Park).where((Park.name == text) | (Park.short_name == text))).first()
    if found is None:
        raise NotFound(f"找不到园区：{text}")
    return found


def unit(session: Session, park_id: int, ref: int | str) -> Unit:
    """A unit of the park by id, name or alias."""
    text = str(ref).strip()
    found = None
    if text.isdigit():
        found = session.get(Unit, int(text))
        if found is not None and found.park_id != park_id:
            found = None
    if found is None:
        found = session.scalars(select(Unit).where(Unit.park_id == park_id, Unit.name == text)).first()
    if found is None:
        found = session.scalars(select(Unit).join(UnitAlias, UnitAlias.unit_id == Unit.id)
                                .where(UnitAlias.park_id == park_id, UnitAlias.alias == text)).first()
    if found is None:
        raise NotFound(f"本园区没有该单位：{text}")
    return found


def month_period(text: str) -> Period:
    """A dispatch period: one month (``2025-06`` or ``2025年6月``)."""
    try:
        period = Period.parse(text)
    except DomainError as exc:
        raise InvalidInput(f"调度期间应为月份，如 2025-06：{exc.message}") from None
    if period.kind is not PeriodKind.MONTH:
        raise InvalidInput(f"调度期间应为某一个月，如 2025-06，而不是“{period.label}”")
    return period


def quarter_period(text: str) -> Period:
    """A ranking quarter (``2025Q2``, ``2025-Q2`` or ``2025年第二季度``)."""
    cleaned = text.strip().upper()
    if len(cleaned) == 6 and cleaned[4] == "Q":
        cleaned = f"{cleaned[:4]}-{cleaned[4:]}"
    try:
        period = Period.parse(cleaned)
    except DomainError:
        raise InvalidInput(f"季度格式不正确：{text}（应如 2025Q2）") from None
    if period.kind is not PeriodKind.QUARTER:
        raise InvalidInput(f"季度格式不正确：{text}（应如 2025Q2）")
    return period


def dispatch_round(session: Session, park_id: int, period: str) -> DispatchRound:
    """The park's round for a month."""
    code = month_period(period).code
    found = session.scalars(select(DispatchRound).where(DispatchRound.park_id == park_id,
                                                        DispatchRound.period == code)).first()
    if found is None:
        raise NotFound(f"{month_period(period).label}的调度轮次尚未开启")
    return found


def task(session: Session, park_id: int, ref: int | str, year: int | None = None) -> Task:
    """An active task of the park by id, or by its 序号 (``seq``) in the given year (default: newest)."""
    text = str(ref).strip()
    query = select(Task).where(Task.park_id == park_id, Task.status == ACTIVE)
    if text.startswith("#") and text[1:].isdigit():
        found = session.scalars(query.where(Task.id == int(text[1:]))).first()
    else:
        if year is not None:
            query = query.where(Task.year == year)
        found = session.scalars(query.where(Task.seq == text).order_by(Task.year.desc(), Task.id)).first()
    if found is None:
        raise NotFound(f"本园区没有序号为 {text} 的任务")
    return found


def task_by_id(session: Session, park_id: int, task_id: int) -> Task:
    found = session.get(Task, task_id)
    if found is None or found.park_id != park_id or found.status != ACTIVE:
        raise NotFound(f"本园区没有编号为 {task_id} 的任务")
    return found


def indicator_by_id(session: Session, park_id: int, indicator_id: int) -> Indicator:
    found = session.get(Indicator, indicator_id)
    if found is None or found.park_id != park_id or found.status != ACTIVE:
        raise NotFound(f"本园区没有编号为 {indicator_id} 的指标")
    return found


def project_by_id(session: Session, park_id: int, project_id: int) -> Project:
    found = session.get(Project, project_id)
    if found is None or found.park_id != park_id or found.status != ACTIVE:
        raise NotFound(f"本园区没有编号为 {project_id} 的项目")
    return found


def order(session: Session, order_id: int) -> SupervisionOrder:
    found = session.get(SupervisionOrder, order_id)
    if found is None:
        raise NotFound(f"找不到编号为 {order_id} 的督办单")
    return found
