"""Supervision orders: the state machine and auto-proposals."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.light import Light
from parkgov.domain.supervision import (
    FINISHED_STATES, OPEN_STATES, OrderAction, OrderState, RedItem, SupervisionOrder,
    allowed_actions, next_state, propose_orders,
)

RAISED_ON = date(2025, 6, 5)
DUE = date(2025, 6, 15)


def order() -> SupervisionOrder:
    return SupervisionOrder("task:12", "科工局", "新增规上企业进度滞后", DUE, RAISED_ON)


def test_happy_path_closed_on_time() -> None:
    done = (order().apply(OrderAction.ASSIGN, date(2025, 6, 5))
            .apply(OrderAction.REPLY, date(2025, 6, 10), "已制定整改方案")
            .apply(OrderAction.VERIFY, date(2025, 6, 12))
            .apply(OrderAction.CLOSE, date(2025, 6, 20)))
    assert done.state is OrderState.CLOSED
    assert [e.to_state for e in done.history] == [OrderState.ASSIGNED, OrderState.REPLIED,
                                                  OrderState.VERIFIED, OrderState.CLOSED]
    assert done.finished_on == date(2025, 6, 12) and done.closed_on_time is True
    assert not done.is_open and not done.is_overdue(date(2026, 1, 1))


def test_return_and_reply_again_then_late_close() -> None:
    o = order().apply("assign", RAISED_ON).apply("reply", date(2025, 6, 10))
    o = o.apply(OrderAction.RETURN, date(2025, 6, 11), "整改措施不具体")
    assert o.state is OrderState.RETURNED and o.is_open
    assert o.is_overdue(date(2025, 6, 16))
    o = o.apply(OrderAction.REPLY, date(2025, 6, 18)).apply(OrderAction.CLOSE, date(2025, 6, 19))
    assert o.closed_on_time is False


def test_escalation_only_when_overdue() -> None:
    o = order().apply("assign", RAISED_ON)
    with pytest.raises(DomainError, match="尚未逾期"):
        o.apply(OrderAction.ESCALATE, DUE)
    escalated = o.apply(OrderAction.ESCALATE, DUE + timedelta(days=1))
    assert escalated.state is OrderState.ESCALATED and escalated.is_overdue(DUE + timedelta(days=1))
    assert escalated.apply("reply", DUE + timedelta(days=3)).state is OrderState.REPLIED


@pytest.mark.parametrize(
    ("state", "action"),
    [(OrderState.RAISED, OrderAction.REPLY), (OrderState.RAISED, OrderAction.CLOSE),
     (OrderState.CLOSED, OrderAction.REPLY), (OrderState.VERIFIED, OrderAction.RETURN),
     (OrderState.REPLIED, OrderAction.ESCALATE), (OrderState.ASSIGNED, OrderAction.VERIFY)],
)
def test_illegal_transitions_raise_chinese_errors(state: OrderState, action: OrderAction) -> None:
    with pytest.raises(DomainError) as err:
        next_state(state, action)
    assert str(err.value) == f"督办单处于“{state.label}”状态，不能执行“{action.label}”操作"


def test_validation_of_dates_notes_and_unit() -> None:
    with pytest.raises(DomainError, match="不能早于发起日期"):
        SupervisionOrder("x", "科工局", "r", date(2025, 1, 1), date(2025, 2, 1))
    with pytest.raises(DomainError, match="责任单位"):
        SupervisionOrder("x", " ", "r", DUE, RAISED_ON)
    with pytest.raises(DomainError, match="早于上一步"):
        order().apply("assign", RAISED_ON - timedelta(days=1))
    replied = order().apply("assign", RAISED_ON).apply("reply", RAISED_ON)
    with pytest.raises(DomainError, match="退回理由"):
        replied.apply(OrderAction.RETURN, RAISED_ON)


def test_datetimes_are_accepted_as_days() -> None:
    o = SupervisionOrder("x", "商务局", "r", datetime(2025, 6, 15, 9), datetime(2025, 6, 5, 8))
    assert o.apply("assign", datetime(2025, 6, 6, 10)).history[0].on == date(2025, 6, 6)
    assert o.is_overdue(datetime(2025, 6, 16, 0, 1))


def test_allowed_actions_and_labels() -> None:
    assert allowed_actions(OrderState.REPLIED) == (OrderAction.VERIFY, OrderAction.RETURN, OrderAction.CLOSE)
    assert allowed_actions(OrderState.CLOSED) == ()
    assert OrderState.CLOSED.label == "已办结" and OrderAction.ESCALATE.label == "升级督办"


def test_proposals_for_red_items_without_open_orders() -> None:
    items = [RedItem("task:1", "新增规上企业5家", "科工局", Light.RED),
             RedItem("task:2", "新引进项目12个", "商务局", Light.YELLOW),
             RedItem("task:3", "地表水厂建设", "西投公司", Light.RED),
             RedItem("task:1", "新增规上企业5家", "科工局", Light.RED)]
    proposals = propose_orders(items, date(2025, 6, 5), open_items={"task:3"})
    assert [p.item for p in proposals] == ["task:1"]
    assert proposals[0].due == date(2025, 6, 15)
    assert proposals[0].reason == "“新增规上企业5家”亮红灯，请科工局于2025年6月15日前报送整改措施及进展"
    with pytest.raises(DomainError):
        propose_orders(items, date(2025, 6, 5), response_days=0)


actions = st.lists(st.tuples(st.sampled_from(list(OrderAction)), st.integers(0, 10)), max_size=12)


@given(actions)
def test_any_action_sequence_keeps_the_machine_consistent(steps) -> None:
    o, day = order(), RAISED_ON
    for action, gap in steps:
        day += timedelta(days=gap)
        try:
            nxt = o.apply(action, day, note="理由")
        except DomainError:
            continue
        assert nxt.state is next_state(o.state, action)
        assert len(nxt.history) == len(o.history) + 1
        o = nxt
    assert o.state in OPEN_STATES | FINISHED_STATES | {OrderState.REPLIED}
    states = [OrderState.RAISED, *(e.to_state for e in o.history)]
    assert all(e.from_state is states[i] for i, e in enumerate(o.history))
    if OrderState.CLOSED in states:
        assert states[-1] is OrderState.CLOSED
    if o.closed_on_time is not None:
        assert o.closed_on_time == (o.finished_on <= DUE)
