"""Supervision orders (督办单): raise by hand or from red items, the unit replies, the coordinator
verifies and closes or returns, overdue orders are escalated. Transitions are the domain's state machine."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from parkgov.domain.errors import DomainError
from parkgov.domain.supervision import (FINISHED_STATES, OPEN_STATES, OrderAction, OrderEvent, OrderState, RedItem,
                                        SupervisionOrder as DomainOrder, propose_orders)
from parkgov.domain.light import Light
from parkgov.services import lookup
from parkgov.services.clock import local_day, today
from parkgov.services.access import Actor, require_coordinate, require_raise_order, require_read, require_unit_write
from parkgov.services.errors import InvalidInput, ServiceError, StaleVersion
from parkgov.services.ownership import kind_of, owner_unit_ids
from parkgov.services.status import compute_status
from parkgov.store.database import begin_write
from parkgov.store.models import SupervisionEvent, SupervisionOrder, Unit

_ITEM_FIELDS = ("indicator_id", "task_id", "project_id")
RAISE = "raise"


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def _item_key(order: SupervisionOrder) -> str | None:
    for name in _ITEM_FIELDS:
        value = getattr(order, name)
        if value is not None:
            return f"{name[:-3]}:{value}"
    return None


def as_domain_order(order: SupervisionOrder) -> DomainOrder:
    """The stored order as the domain's state machine sees it."""
    history = tuple(OrderEvent(OrderAction(e.action), OrderState(e.from_status), OrderState(e.to_status), local_day(e.at),
                               e.note or "") for e in order.events if e.action != RAISE)
    return DomainOrder(item=_item_key(order) or f"order:{order.id}", unit=order.unit.name, reason=order.reason,
                       due=order.due_date, raised_on=local_day(order.issued_at), state=OrderState(order.status),
                       history=history)


def order_summary(order: SupervisionOrder, as_of: date | None = None) -> dict:
    """An order with its history as plain data."""
    state = OrderState(order.status)
    dom = as_domain_order(order)
    as_of = as_of or today()
    return {"id": order.id, "park_id": order.park_id, "number": order.number, "unit_id": order.unit_id,
            "unit": order.unit.name, "item": _item_key(order), "reason": order.reason,
            "requirement": order.requirement, "due_date": order.due_date, "status": state.value,
            "status_label": state.label, "overdue": dom.is_overdue(as_of), "finished_on": dom.finished_on,
            "closed_on_time": dom.closed_on_time, "issued_at": order.issued_at, "closed_at": order.closed_at,
            "version": order.version,
            "events": [{"action": e.action, "from": e.from_status, "to": e.to_status, "at": e.at, "note": e.note,
                        "actor_id": e.actor_id} for e in order.events]}


def _next_number(session: Session, park_id: int, year: int) -> str:
    count = session.scalar(select(func.count()).select_from(SupervisionOrder)
                           .where(SupervisionOrder.park_id == park_id, SupervisionOrder.number.like(f"督办〔{year}〕%")))
    return f"督办〔{year}〕{(count or 0) + 1}号"


def _create(session: Session, actor: Actor, park_id: int, unit_id: int, item, reason: str, requirement: str | None,
            due: date, moment: datetime) -> SupervisionOrder:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("请填写督办事由")
    if due < local_day(moment):
        raise InvalidInput(f"办理期限 {due.isoformat()} 早于今天")
    unit = session.get(Unit, unit_id)
    try:
        dom = DomainOrder(item="new", unit=unit.name, reason=reason, due=due, raised_on=local_day(moment))
        assigned = dom.apply(OrderAction.ASSIGN, local_day(moment))
    except DomainError as exc:
        raise InvalidInput(exc.message) from None
    order = SupervisionOrder(park_id=park_id, number=_next_number(session, park_id, moment.year), unit_id=unit_id,
                             reason=reason, requirement=(requirement or "").strip() or None, due_date=due,
                             status=assigned.state.value, issued_at=moment, issued_by_id=actor.user_id)
    if item is not None:
        setattr(order, f"{kind_of(item)}_id", item.id)
    order.events = [SupervisionEvent(at=moment, actor_id=actor.user_id, action=RAISE, from_status=None,
                                     to_status=OrderState.RAISED.value, note=reason),
                    SupervisionEvent(at=moment, actor_id=actor.user_id, action=OrderAction.ASSIGN.value,
                                     from_status=OrderState.RAISED.value, to_status=assigned.state.value,
                                     note=f"交办{unit.name}，{due.isoformat()}前办结")]
    session.add(order)
    return order


def raise_order(session: Session, actor: Actor, park: int | str, *, reason: str, due_date: date,
                kind: str | None = None, item_id: int | None = None, unit: int | str | None = None,
                requirement: str | None = None, now: datetime | None = None) -> dict:
    """Raise an order on an item (or on a unit alone) and assign it to the unit with a due date."""
    begin_write(session)
    moment = _now(now)
    park_row = lookup.park(session, park)
    require_raise_order(actor, park_row.id)
    item = lookup.item(session, park_row.id, kind, item_id) if kind else None
    if unit not in (None, ""):
        unit_id = lookup.unit(session, park_row.id, unit).id
    elif item is not None and owner_unit_ids(item):
        unit_id = owner_unit_ids(item)[0]
    else:
        raise InvalidInput("请指定督办的责任单位")
    order = _create(session, actor, park_row.id, unit_id, item, reason, requirement, due_date, moment)
    session.commit()
    return order_summary(order, local_day(moment))


def proposals(session: Session, actor: Actor, park: int | str, as_of: date | None = None,
              response_days: int = 10) -> list[dict]:
    """Orders the system proposes for red items that have no open order (nothing is written)."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    as_of = as_of or today()
    return [{"item": p.item, "title": p.title, "unit": p.unit, "reason": p.reason, "due_date": p.due}
            for p in _proposals(session, park_row.id, as_of, response_days)]


def _open_item_keys(session: Session, park_id: int) -> set[str]:
    waiting = [s.value for s in OPEN_STATES | {OrderState.REPLIED}]
    orders = session.scalars(select(SupervisionOrder).where(SupervisionOrder.park_id == park_id,
                                                            SupervisionOrder.status.in_(waiting)))
    return {key for o in orders if (key := _item_key(o))}


def _proposals(session: Session, park_id: int, as_of: date, response_days: int):
    view = compute_status(session, park_id, as_of)
    reds = [RedItem(row["key"], row["title"], row["unit"], Light(row["light"]))
            for row in view.items() if row["unit"]]
    try:
        return propose_orders(reds, as_of, _open_item_keys(session, park_id), response_days)
    except DomainError as exc:
        raise InvalidInput(exc.message) from None


def raise_proposed(session: Session, actor: Actor, park: int | str, as_of: date | None = None,
                   items: list[str] | None = None, response_days: int = 10, now: datetime | None = None) -> list[dict]:
    """Raise the proposed orders (all, or those whose item key is in ``items``) in one transaction."""
    begin_write(session)
    moment = _now(now)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    as_of = as_of or local_day(moment)
    created = []
    for proposal in _proposals(session, park_row.id, as_of, response_days):
        if items is not None and proposal.item not in items:
            continue
        kind, item_id = proposal.item.split(":")
        item = lookup.item(session, park_row.id, kind, int(item_id))
        unit_id = owner_unit_ids(item)[0]
        created.append(_create(session, actor, park_row.id, unit_id, item, proposal.reason, None,
                               max(proposal.due, local_day(moment)), moment))
        session.flush()
    session.commit()
    return [order_summary(o, local_day(moment)) for o in created]


def _load(session: Session, order_id: int) -> SupervisionOrder:
    order = lookup.order(session, order_id)
    session.refresh(order)
    return order


def act(session: Session, actor: Actor, order_id: int, action: str, *, note: str = "", version: int | None = None,
        due_date: date | None = None, now: datetime | None = None) -> dict:
    """Move an order: ``reply`` by its unit; ``verify``, ``close``, ``return``, ``escalate``, ``assign`` by a coordinator."""
    begin_write(session)
    moment = _now(now)
    try:
        try:
            the_action = OrderAction(action)
        except ValueError:
            raise InvalidInput(f"未知的督办操作：{action}，可选：" + "、".join(
                f"{a.value}（{a.label}）" for a in OrderAction)) from None
        order = _load(session, order_id)
        if the_action is OrderAction.REPLY:
            require_unit_write(actor, order.park_id, order.unit_id)
            if not note.strip():
                raise InvalidInput("回复督办单须填写办理情况")
        else:
            require_coordinate(actor, order.park_id)
        if version is not None and version != order.version:
            raise StaleVersion(f"督办单已被他人处理（当前为第{order.version}版，您看到的是第{version}版），请刷新后重试")
        try:
            dom = as_domain_order(order).apply(the_action, local_day(moment), note)
        except DomainError as exc:
            raise InvalidInput(exc.message) from None
        before = order.status
        order.status = dom.state.value
        if the_action is OrderAction.ASSIGN and due_date is not None:
            if due_date < local_day(moment):
                raise InvalidInput(f"办理期限 {due_date.isoformat()} 早于今天")
            order.due_date = due_date
        if dom.state is OrderState.CLOSED:
            order.closed_at = moment
        order.events.append(SupervisionEvent(at=moment, actor_id=actor.user_id, action=the_action.value,
                                             from_status=before, to_status=dom.state.value, note=note or None))
        session.commit()
        return order_summary(order, local_day(moment))
    except ServiceError:
        session.rollback()
        raise
    except (StaleDataError, IntegrityError, OperationalError):
        session.rollback()
        raise StaleVersion("督办单正被他人同时处理，请刷新后重试") from None


def escalate_overdue(session: Session, actor: Actor, park: int | str, now: datetime | None = None) -> list[dict]:
    """Escalate every order of the park still waiting on its unit after its due date."""
    begin_write(session)
    moment = _now(now)
    park_row = lookup.park(session, park)
    require_coordinate(actor, park_row.id)
    waiting = [OrderState.RAISED.value, OrderState.ASSIGNED.value, OrderState.RETURNED.value]
    escalated = []
    for order in session.scalars(select(SupervisionOrder).where(SupervisionOrder.park_id == park_row.id,
                                                                SupervisionOrder.status.in_(waiting))
                                 .options(selectinload(SupervisionOrder.events))):
        dom = as_domain_order(order)
        if not dom.is_overdue(local_day(moment)):
            continue
        after = dom.apply(OrderAction.ESCALATE, local_day(moment), "逾期未办结，升级督办")
        order.events.append(SupervisionEvent(at=moment, actor_id=actor.user_id, action=OrderAction.ESCALATE.value,
                                             from_status=order.status, to_status=after.state.value,
                                             note="逾期未办结，升级督办"))
        order.status = after.state.value
        escalated.append(order)
    session.commit()
    return [order_summary(o, local_day(moment)) for o in escalated]


def list_orders(session: Session, actor: Actor, park: int | str, *, status: str | None = None,
                unit: int | str | None = None, open_only: bool = False, as_of: date | None = None) -> list[dict]:
    """The park's orders, newest first; a reporter sees its own unit's orders."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    query = (select(SupervisionOrder).where(SupervisionOrder.park_id == park_row.id)
             .options(selectinload(SupervisionOrder.events), selectinload(SupervisionOrder.unit))
             .order_by(SupervisionOrder.id.desc()))
    if status:
        try:
            query = query.where(SupervisionOrder.status == OrderState(status).value)
        except ValueError:
            raise InvalidInput(f"未知的督办单状态：{status}") from None
    if open_only:
        query = query.where(SupervisionOrder.status.not_in([s.value for s in FINISHED_STATES]))
    if unit not in (None, ""):
        query = query.where(SupervisionOrder.unit_id == lookup.unit(session, park_row.id, unit).id)
    if actor.role.value == "reporter":
        query = query.where(SupervisionOrder.unit_id == actor.unit_id)
    return [order_summary(o, as_of) for o in session.scalars(query)]


def get_order(session: Session, actor: Actor, order_id: int) -> dict:
    order = lookup.order(session, order_id)
    require_read(actor, order.park_id)
    return order_summary(order)

