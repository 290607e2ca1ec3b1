"""Supervision orders: raise, propose for red items, reply, verify/close or return, escalate, stale copies."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from parkgov.services import rounds, supervision
from parkgov.services.errors import Forbidden, InvalidInput, StaleVersion
from parkgov.services.users import authenticate


def _actor(session, ledger, who):
    return authenticate(session, ledger.tokens[who])


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc)


def test_full_loop_reply_return_reply_verify_close(session, ledger):
    coord, rep = _actor(session, ledger, "coord"), _actor(session, ledger, "rep_财政局")
    order = supervision.raise_order(session, coord, ledger.park_id, kind="task", item_id=ledger.tasks["20"],
                                    reason="预算绩效改革进度滞后", due_date=date(2025, 7, 15), now=_at("2025-07-01"))
    assert order["status"] == "assigned" and order["unit"] == "财政局" and order["number"] == "督办〔2025〕1号"
    with pytest.raises(Forbidden):
        supervision.act(session, _actor(session, ledger, "rep_商务局"), order["id"], "reply", note="代答",
                        now=_at("2025-07-02"))
    with pytest.raises(Forbidden):
        supervision.act(session, rep, order["id"], "close", now=_at("2025-07-02"))
    replied = supervision.act(session, rep, order["id"], "reply", note="已完成方案", version=order["version"],
                              now=_at("2025-07-05"))
    with pytest.raises(InvalidInput, match="退回理由"):
        supervision.act(session, coord, order["id"], "return", now=_at("2025-07-06"))
    returned = supervision.act(session, coord, order["id"], "return", note="缺少佐证材料", now=_at("2025-07-06"))
    assert returned["status"] == "returned"
    supervision.act(session, rep, order["id"], "reply", note="已补充材料", now=_at("2025-07-08"))
    verified = supervision.act(session, coord, order["id"], "verify", note="核验属实", now=_at("2025-07-09"))
    closed = supervision.act(session, coord, order["id"], "close", now=_at("2025-07-10"))
    assert closed["status"] == "closed" and closed["closed_on_time"] is True
    assert [e["action"] for e in closed["events"]] == ["raise", "assign", "reply", "return", "reply", "verify",
                                                       "close"]
    with pytest.raises(StaleVersion):
        supervision.act(session, coord, order["id"], "close", version=verified["version"], now=_at("2025-07-11"))
    assert replied["version"] < closed["version"]


def test_illegal_move_and_forbidden_raise(session, ledger):
    coord = _actor(session, ledger, "coord")
    order = supervision.raise_order(session, coord, ledger.park_id, unit="商务局", reason="招商引资进度滞后",
                                    due_date=date(2025, 7, 15), now=_at("2025-07-01"))
    with pytest.raises(InvalidInput, match="不能执行"):
        supervision.act(session, coord, order["id"], "verify", now=_at("2025-07-02"))
    with pytest.raises(InvalidInput, match="尚未逾期"):
        supervision.act(session, coord, order["id"], "escalate", now=_at("2025-07-02"))
    for who in ("viewer", "rep_商务局"):
        with pytest.raises(Forbidden):
            supervision.raise_order(session, _actor(session, ledger, who), ledger.park_id, unit="商务局",
                                    reason="x", due_date=date(2025, 7, 15), now=_at("2025-07-01"))
    with pytest.raises(InvalidInput, match="早于今天"):
        supervision.raise_order(session, coord, ledger.park_id, unit="商务局", reason="x",
                                due_date=date(2025, 6, 1), now=_at("2025-07-01"))
    assert len(supervision.list_orders(session, coord, ledger.park_id)) == 1


def test_red_items_are_proposed_raised_and_escalated_when_overdue(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    proposed = supervision.proposals(session, coord, ledger.park_id, as_of=date(2025, 7, 1))
    keys = {p["item"] for p in proposed}
    assert f"task:{ledger.tasks['20']}" in keys and f"project:{ledger.projects['新材料产业园']}" in keys
    assert f"task:{ledger.tasks['8']}" not in keys
    created = supervision.raise_proposed(session, coord, ledger.park_id, as_of=date(2025, 7, 1),
                                         items=[f"task:{ledger.tasks['20']}"], now=_at("2025-07-01"))
    assert [o["unit"] for o in created] == ["财政局"] and created[0]["due_date"] == date(2025, 7, 11)
    again = {p["item"] for p in supervision.proposals(session, coord, ledger.park_id, as_of=date(2025, 7, 1))}
    assert f"task:{ledger.tasks['20']}" not in again
    assert supervision.escalate_overdue(session, coord, ledger.park_id, now=_at("2025-07-11")) == []
    escalated = supervision.escalate_overdue(session, coord, ledger.park_id, now=_at("2025-07-12"))
    assert [o["status"] for o in escalated] == ["escalated"]
    mine = supervision.list_orders(session, _actor(session, ledger, "rep_财政局"), ledger.park_id)
    assert [o["id"] for o in mine] == [created[0]["id"]]
    assert supervision.list_orders(session, _actor(session, ledger, "rep_商务局"), ledger.park_id) == []
