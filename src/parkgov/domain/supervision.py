"""Supervision orders (督办单): their state machine and the auto-proposal rule.

States and the actions that move between them (anything else raises
:class:`DomainError` with a Chinese message):

    raised ──assign──▶ assigned ──reply──▶ replied ──verify──▶ verified ──close──▶ closed
                                             │  └────close────────────────────────▶ closed
                                             └─return──▶ returned ──reply──▶ replied
    raised/assigned/returned ──escalate (only when overdue)──▶ escalated
    escalated ──assign──▶ assigned;  escalated ──reply──▶ replied

An order is overdue when it still waits on the unit (raised, assigned,
returned, escalated) after its due date. It is closed on time when it reached
verified or closed on or before its due date.

Auto-proposal: every red item without an open order gets a proposed order,
due ``response_days`` (default 10) days after the as-of date.

Public API:
    OrderState        -- StrEnum RAISED/ASSIGNED/REPLIED/RETURNED/VERIFIED/CLOSED/ESCALATED; ``.label``
    OrderAction       -- StrEnum ASSIGN/REPLY/RETURN/VERIFY/CLOSE/ESCALATE; ``.label``
    OPEN_STATES, FINISHED_STATES           -- frozensets of OrderState
    allowed_actions(state: OrderState) -> tuple[OrderAction, ...]
    next_state(state: OrderState, action: OrderAction) -> OrderState   -- DomainError if illegal
    OrderEvent(action, from_state, to_state, on: date, note: str = "")
    SupervisionOrder(item: str, unit: str, reason: str, due: date, raised_on: date,
                     state=OrderState.RAISED, history: tuple[OrderEvent, ...] = ())   -- frozen
        order.apply(action, on: date, note="") -> SupervisionOrder   -- validated, appends history
        order.is_open, order.is_overdue(as_of) -> bool
        order.finished_on -> date | None; order.closed_on_time -> bool | None
    RedItem(key: str, title: str, unit: str, light: Light)
    OrderProposal(item: str, title: str, unit: str, reason: str, due: date)
    propose_orders(items: Iterable[RedItem], as_of: date, open_items: Collection[str] = (),
                   response_days: int = 10) -> list[OrderProposal]
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from parkgov.domain.errors import DomainError
from parkgov.domain.light import Light


class OrderState(StrEnum):
    RAISED = "raised"
    ASSIGNED = "assigned"
    REPLIED = "replied"
    RETURNED = "returned"
    VERIFIED = "verified"
    CLOSED = "closed"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


class OrderAction(StrEnum):
    ASSIGN = "assign"
    REPLY = "reply"
    RETURN = "return"
    VERIFY = "verify"
    CLOSE = "close"
    ESCALATE = "escalate"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_STATE_LABELS = {
    OrderState.RAISED: "已发起", OrderState.ASSIGNED: "已交办", OrderState.REPLIED: "已回复",
    OrderState.RETURNED: "已退回", OrderState.VERIFIED: "已核验", OrderState.CLOSED: "已办结",
    OrderState.ESCALATED: "已升级",
}
_ACTION_LABELS = {
    OrderAction.ASSIGN: "交办", OrderAction.REPLY: "回复", OrderAction.RETURN: "退回",
    OrderAction.VERIFY: "核验", OrderAction.CLOSE: "办结", OrderAction.ESCALATE: "升级督办",
}
_TRANSITIONS = {
    (OrderState.RAISED, OrderAction.ASSIGN): OrderState.ASSIGNED,
    (OrderState.ASSIGNED, OrderAction.REPLY): OrderState.REPLIED,
    (OrderState.RETURNED, OrderAction.REPLY): OrderState.REPLIED,
    (OrderState.ESCALATED, OrderAction.REPLY): OrderState.REPLIED,
    (OrderState.ESCALATED, OrderAction.ASSIGN): OrderState.ASSIGNED,
    (OrderState.REPLIED, OrderAction.VERIFY): OrderState.VERIFIED,
    (OrderState.REPLIED, OrderAction.RETURN): OrderState.RETURNED,
    (OrderState.REPLIED, OrderAction.CLOSE): OrderState.CLOSED,
    (OrderState.VERIFIED, OrderAction.CLOSE): OrderState.CLOSED,
    (OrderState.RAISED, OrderAction.ESCALATE): OrderState.ESCALATED,
    (OrderState.ASSIGNED, OrderAction.ESCALATE): OrderState.ESCALATED,
    (OrderState.RETURNED, OrderAction.ESCALATE): OrderState.ESCALATED,
}
OPEN_STATES = frozenset({OrderState.RAISED, OrderState.ASSIGNED, OrderState.RETURNED, OrderState.ESCALATED})
FINISHED_STATES = frozenset({OrderState.VERIFIED, OrderState.CLOSED})


def allowed_actions(state: OrderState) -> tuple[OrderAction, ...]:
    """The actions that may be taken on an order in ``state``."""
    return tuple(action for (source, action) in _TRANSITIONS if source is state)


def next_state(state: OrderState, action: OrderAction) -> OrderState:
    """The state ``action`` leads to from ``state``; an illegal move raises DomainError."""
    target = _TRANSITIONS.get((OrderState(state), OrderAction(action)))
    if target is None:
        raise DomainError(f"督办单处于“{OrderState(state).label}”状态，不能执行“{OrderAction(action).label}”操作")
    return target


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class OrderEvent:
    """One step of an order's history."""

    action: OrderAction
    from_state: OrderState
    to_state: OrderState
    on: date
    note: str = ""


@dataclass(frozen=True)
class SupervisionOrder:
    """A demand to ``unit`` to fix ``item`` by ``due``."""

    item: str
    unit: str
    reason: str
    due: date
    raised_on: date
    state: OrderState = OrderState.RAISED
    history: tuple[OrderEvent, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "due", _day(self.due))
        object.__setattr__(self, "raised_on", _day(self.raised_on))
        if not self.unit.strip():
            raise DomainError("督办单必须指定责任单位")
        if self.due < self.raised_on:
            raise DomainError("督办单的办理期限不能早于发起日期")

    def apply(self, action: OrderAction, on: date, note: str = "") -> SupervisionOrder:
        """The order after ``action`` taken on ``on``."""
        on = _day(on)
        action = OrderAction(action)
        target = next_state(self.state, action)
        last = self.history[-1].on if self.history else self.raised_on
        if on < last:
            raise DomainError("督办操作日期不能早于上一步操作日期")
        if action is OrderAction.ESCALATE and not self.is_overdue(on):
            raise DomainError("督办单尚未逾期，不能升级督办")
        if action is OrderAction.RETURN and not note.strip():
            raise DomainError("退回督办单须说明退回理由")
        event = OrderEvent(action, self.state, target, on, note)
        return replace(self, state=target, history=(*self.history, event))

    @property
    def is_open(self) -> bool:
        """True while the order waits on the unit."""
        return self.state in OPEN_STATES

    def is_overdue(self, as_of: date) -> bool:
        """True when the order still waits on the unit after its due date."""
        return self.is_open and _day(as_of) > self.due

    @property
    def finished_on(self) -> date | None:
        """The day the order was first verified or closed."""
        return next((e.on for e in self.history if e.to_state in FINISHED_STATES), None)

    @property
    def closed_on_time(self) -> bool | None:
        """Whether the order was finished by its due date; None while unfinished."""
        finished = self.finished_on
        return None if finished is None else finished <= self.due


@dataclass(frozen=True)
class RedItem:
    """An indicator, task or project with its current light, as proposal input."""

    key: str
    title: str
    unit: str
    light: Light


@dataclass(frozen=True)
class OrderProposal:
    """A supervision order the system proposes; a person decides to raise it."""

    item: str
    title: str
    unit: str
    reason: str
    due: date


def propose_orders(
    items: Iterable[RedItem],
    as_of: date,
    open_items: Collection[str] = (),
    response_days: int = 10,
) -> list[OrderProposal]:
    """One proposal per red item that has no open order yet."""
    if response_days < 1:
        raise DomainError("督办办理期限天数必须大于零")
    due = _day(as_of) + timedelta(days=response_days)
    proposals, seen = [], set(open_items)
    for item in items:
        if item.light is not Light.RED or item.key in seen:
            continue
        seen.add(item.key)
        reason = f"“{item.title}”亮红灯，请{item.unit}于{due.year}年{due.month}月{due.day}日前报送整改措施及进展"
        proposals.append(OrderProposal(item.key, item.title, item.unit, reason, due))
    return proposals
