"""Dispatch rounds: one per month, a deadline, and per-unit on-time / late / missing."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from parkgov.services import progress, rounds
from parkgov.services.access import Actor
from parkgov.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from parkgov.services.users import authenticate
from parkgov.store.models import Submission


def _actor(session, ledger, who: str) -> Actor:
    return authenticate(session, ledger.tokens[who])


def test_open_round_with_default_deadline_and_refuse_duplicate(session, ledger):
    coord = _actor(session, ledger, "coord")
    rnd = rounds.open_round(session, coord, ledger.park_id, "2025-06")
    assert rnd["period"] == "2025-06" and rnd["deadline"] == date(2025, 7, 5) and rnd["status"] == "open"
    with pytest.raises(Conflict):
        rounds.open_round(session, coord, ledger.park_id, "2025年6月")
    assert [r["period"] for r in rounds.list_rounds(session, coord, ledger.park_id)] == ["2025-06"]


def test_bad_period_and_roles_are_refused(session, ledger):
    coord = _actor(session, ledger, "coord")
    with pytest.raises(InvalidInput, match="某一个月"):
        rounds.open_round(session, coord, ledger.park_id, "2025-Q2")
    with pytest.raises(InvalidInput):
        rounds.open_round(session, coord, ledger.park_id, "2025-13")
    with pytest.raises(InvalidInput, match="截止日期"):
        rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 5, 1))
    for who in ("rep_商务局", "leader", "viewer"):
        with pytest.raises(Forbidden):
            rounds.open_round(session, _actor(session, ledger, who), ledger.park_id, "2025-06")
    with pytest.raises(NotFound):
        rounds.open_round(session, coord, "没有这个园区", "2025-06")
    assert rounds.list_rounds(session, coord, ledger.park_id) == []


def test_compliance_records_on_time_late_and_missing(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    on_time = datetime(2025, 7, 3, 9, tzinfo=timezone.utc)
    late = datetime(2025, 7, 8, 9, tzinfo=timezone.utc)
    progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                    progress.ProgressInput("task", ledger.tasks["8"], "2025-06", "in_progress", "已签约3个"),
                    now=on_time)
    progress.submit(session, _actor(session, ledger, "rep_财政局"), ledger.park_id,
                    progress.ProgressInput("indicator", ledger.indicators["税收"], "2025-06",
                                           value=Decimal("21000"), value_unit="万元"), now=late)
    before = rounds.round_compliance(session, coord, ledger.park_id, "2025-06",
                                     now=datetime(2025, 7, 4, tzinfo=timezone.utc))
    statuses = {u["unit"]: u["status"] for u in before["units"]}
    assert statuses["商务局"] == "on_time" and statuses["科工局"] == "pending" and statuses["财政局"] == "late"
    after = rounds.round_compliance(session, coord, ledger.park_id, "2025-06",
                                    now=datetime(2025, 7, 10, tzinfo=timezone.utc))
    assert after["counts"] == {"on_time": 1, "late": 1, "missing": 4, "pending": 0}
    assert {u["unit"] for u in after["units"] if u["status"] == "missing"} == {"科工局", "发改局", "人社局", "住建局"}


def test_closed_round_takes_no_more_reports(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06")
    rounds.close_round(session, coord, ledger.park_id, "2025-06")
    missing = session.scalars(select(Submission).where(Submission.submitted_at.is_(None))).all()
    assert len(missing) == 6
    assert rounds.round_compliance(session, coord, ledger.park_id, "2025-06")["counts"]["missing"] == 6
    with pytest.raises(Conflict):
        rounds.close_round(session, coord, ledger.park_id, "2025-06")
    with pytest.raises(InvalidInput, match="已结束"):
        progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                        progress.ProgressInput("task", ledger.tasks["8"], "2025-06", "in_progress"))


def test_deadline_is_a_china_calendar_day(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    before_midnight_beijing = datetime(2025, 7, 5, 15, 30, tzinfo=timezone.utc)
    after_midnight_beijing = datetime(2025, 7, 5, 16, 30, tzinfo=timezone.utc)
    progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                    progress.ProgressInput("task", ledger.tasks["8"], "2025-06", "in_progress"),
                    now=before_midnight_beijing)
    progress.submit(session, _actor(session, ledger, "rep_发改局"), ledger.park_id,
                    progress.ProgressInput("task", ledger.tasks["21"], "2025-06", "in_progress"),
                    now=after_midnight_beijing)
    units = {u["unit"]: u["status"] for u in rounds.round_compliance(session, coord, ledger.park_id, "2025-06",
                                                                     now=after_midnight_beijing)["units"]}
    assert units["商务局"] == "on_time" and units["发改局"] == "late"
