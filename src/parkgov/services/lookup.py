"""Find a park, unit, round or ledger row by id or by the name a user types; NotFound otherwise."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period, PeriodKind
from parkgov.services.errors import InvalidInput, NotFound
from parkgov.services.ownership import ITEM_KINDS, ITEM_LABELS
from parkgov.store.models import ACTIVE, DispatchRound, Park, SupervisionOrder, Task, Unit, UnitAlias
from parkgov.store.text_guard import holds_nul


#: the largest row id the databases store (a 32-bit integer column)
MAX_ROW_ID = 2**31 - 1


def row_id(text: str) -> int | None:
    """``text`` as a row id when it is one: ASCII digits naming a number a row id column can hold."""
    return int(text) if text.isascii() and text.isdigit() and int(text) <= MAX_ROW_ID else None


def comparable(text: str) -> bool:
    """Whether ``text`` can be compared with a stored name: PostgreSQL text holds no NUL character."""
    return not holds_nul(text)


def park(session: Session, ref: int | str) -> Park:
    """A park by id, name or short name."""
    text = str(ref).strip()
    if not comparable(text):
        raise missing_park(text)
    found = None
    if row_id(text) is not None:
        found = session.get(Park, row_id(text))
    if found is None:
        found = session.scalars(select(Park).where((Park.name == text) | (Park.short_name == text))).first()
    if found is None:
        raise missing_park(text)
    return found


def missing_park(text: str) -> NotFound:
    """The refusal of a park reference that names no park."""
    return NotFound(f"找不到园区：{text}")


def unit(session: Session, park_id: int, ref: int | str) -> Unit:
    """A unit of the park by id, name or alias."""
    text = str(ref).strip()
    if not comparable(text):
        raise NotFound(f"本园区没有该单位：{text}")
    found = None
    if row_id(text) is not None:
        found = session.get(Unit, row_id(text))
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
    if not comparable(text):
        raise NotFound(f"本园区没有序号为 {text} 的任务")
    query = select(Task).where(Task.park_id == park_id, Task.status == ACTIVE)
    if text.startswith("#") and text[1:].isdigit():
        found = session.scalars(query.where(Task.id == row_id(text[1:]))).first()
    else:
        if year is not None:
            query = query.where(Task.year == year)
        found = session.scalars(query.where(Task.seq == text).order_by(Task.year.desc(), Task.id)).first()
    if found is None:
        raise NotFound(f"本园区没有序号为 {text} 的任务")
    return found


def item(session: Session, park_id: int, kind: str | None, item_id: int | None, lock: bool = False):
    """An active task, indicator or project of the park; ``lock`` holds its row until commit."""
    cls = ITEM_KINDS.get(kind or "")
    if cls is None:
        raise InvalidInput(f"事项类型不正确：{kind}，可选：task（任务）、indicator（指标）、project（项目）")
    if item_id is None:
        raise InvalidInput(f"请指定{ITEM_LABELS[kind]}编号")
    if not 0 < item_id <= MAX_ROW_ID:
        raise NotFound(f"本园区没有编号为 {item_id} 的{ITEM_LABELS[kind]}")
    if lock:
        lock_row(session, cls, item_id)
    found = session.scalars(select(cls).where(cls.id == item_id)).first()
    if found is None or found.park_id != park_id or found.status != ACTIVE:
        raise NotFound(f"本园区没有编号为 {item_id} 的{ITEM_LABELS[kind]}")
    return found


def lock_row(session: Session, cls, pk: int) -> None:
    """Hold row ``pk`` of ``cls`` until commit so that check-then-write runs one writer at a time.

    PostgreSQL: ``SELECT … FOR UPDATE``. SQLite has no row locks: the caller's writing transaction
    (``store.database.begin_write``, ``BEGIN IMMEDIATE``) already holds the database write lock.
    """
    session.execute(select(cls.id).where(cls.id == pk).with_for_update())


def item_by_ref(session: Session, park_id: int, kind: str, ref: str, year: int | None = None):
    """A row as a user names it: a task by 序号, an indicator or project by name, any of them by ``#id``."""
    text = str(ref).strip()
    if text.startswith("#") and text[1:].isdigit():
        return item(session, park_id, kind, row_id(text[1:]) or 0)
    if kind == "task":
        return task(session, park_id, text, year)
    cls = ITEM_KINDS[kind]
    if not comparable(text):
        raise NotFound(f"本园区没有名为“{text}”的{ITEM_LABELS[kind]}")
    query = select(cls).where(cls.park_id == park_id, cls.status == ACTIVE, cls.name == text)
    if year is not None:
        query = query.where(cls.year == year)
    found = session.scalars(query.order_by(cls.year.desc(), cls.id)).first()
    if found is None:
        raise NotFound(f"本园区没有名为“{text}”的{ITEM_LABELS[kind]}")
    return found


def open_round_period(session: Session, park_id: int) -> str:
    """The month of the park's newest open round."""
    found = session.scalars(select(DispatchRound.period).where(DispatchRound.park_id == park_id,
                                                               DispatchRound.status == "open")
                            .order_by(DispatchRound.period.desc())).first()
    if found is None:
        raise NotFound("本园区没有正在填报的调度轮次，请先开启（parkgov round open）或用 --period 指定")
    return found


def order(session: Session, order_id: int) -> SupervisionOrder:
    found = session.get(SupervisionOrder, order_id)
    if found is None:
        raise NotFound(f"找不到编号为 {order_id} 的督办单")
    return found
