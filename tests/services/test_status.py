"""Status views at an as-of date: lights change with what units report."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parkgov.services import progress, rounds, status
from parkgov.services.errors import Forbidden
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate


def _actor(session, ledger, who):
    return authenticate(session, ledger.tokens[who])


def _by_title(view, kind):
    return {row["title"]: row for row in view[kind]}


def test_status_follows_reports_and_as_of(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2099, 1, 1))
    empty = status.park_status(session, coord, ledger.park_id, as_of=date(2025, 6, 30))
    assert _by_title(empty, "indicators")["规模工业总产值"]["light"] == "grey"
    assert empty["time_progress"] == Decimal(6) / 12

    progress.submit(session, _actor(session, ledger, "rep_科工局"), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["规模工业总产值"], "2025-06", value=Decimal("20"),
                                  value_unit="亿元"))
    progress.submit(session, _actor(session, ledger, "rep_财政局"), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["税收"], "2025-06", value=Decimal("3"),
                                  value_unit="亿元"))
    progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                    ProgressInput("task", ledger.tasks["8"], "2025-06", "推进中", value=Decimal("6")))
    view = status.park_status(session, coord, ledger.park_id, as_of=date(2025, 6, 30))
    indicators = _by_title(view, "indicators")
    assert indicators["规模工业总产值"]["completion_rate"] == Decimal("0.25")
    assert indicators["规模工业总产值"]["light"] == "red"
    assert indicators["税收"]["completion_rate"] == Decimal("0.6") and indicators["税收"]["light"] == "green"
    tasks = {row["seq"]: row for row in view["tasks"]}
    assert tasks["8"]["light"] == "green" and tasks["8"]["completion_rate"] == Decimal("0.5")
    assert tasks["20"]["light"] == "grey"
    later = {row["seq"]: row for row in status.park_status(session, coord, ledger.park_id,
                                                           as_of=date(2025, 7, 1))["tasks"]}
    assert later["20"]["light"] == "red" and later["20"]["overdue"]
    before = status.park_status(session, coord, ledger.park_id, as_of=date(2025, 5, 31))
    assert _by_title(before, "indicators")["规模工业总产值"]["light"] == "grey"
    project = _by_title(view, "projects")["新材料产业园"]
    assert project["light"] == "red" and project["missed_milestones"] == ["started"]


def test_project_investment_adds_up_across_units_of_money(session, ledger):
    coord = _actor(session, ledger, "coord")
    for month in ("2025-05", "2025-06"):
        rounds.open_round(session, coord, ledger.park_id, month, deadline=date(2099, 1, 1))
    rep = _actor(session, ledger, "rep_住建局")
    pid = ledger.projects["新材料产业园"]
    progress.submit(session, rep, ledger.park_id, ProgressInput("project", pid, "2025-05", investment=Decimal("3000"),
                                                                investment_unit="万元",
                                                                milestones={"started": date(2025, 4, 20)}))
    progress.submit(session, rep, ledger.park_id, ProgressInput("project", pid, "2025-06", investment=Decimal("0.3"),
                                                                investment_unit="亿元"))
    row = status.park_status(session, coord, ledger.park_id, as_of=date(2025, 6, 30))["projects"][0]
    assert row["completed_investment"] == Decimal("0.6") and row["completed_investment_unit"] == "亿元"
    assert row["completion_rate"] == Decimal("0.5") and row["light"] == "green"


def test_other_park_is_not_readable(session, session_factory, ledger):
    from monthly_ledger import build_ledger
    other = build_ledger(session_factory, "桃花岭高新区", users=False)
    with pytest.raises(Forbidden):
        status.park_status(session, _actor(session, ledger, "coord"), other.park_id)
    assert status.park_status(session, _actor(session, ledger, "viewer"), other.park_id)["park"] == "桃花岭高新区"


def test_growth_and_ceiling_indicators_follow_park_thresholds(session, ledger):
    from parkgov.store.models import Indicator, ParkSettings

    growth = Indicator(park_id=ledger.park_id, year=2025, name="规模工业增加值", growth_target_pct=Decimal("6.5"),
                       lead_unit_id=ledger.units["科工局"])
    session.add(growth)
    session.commit()
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2099, 1, 1))
    progress.submit(session, _actor(session, ledger, "rep_科工局"), ledger.park_id,
                    ProgressInput("indicator", growth.id, "2025-06", yoy_pct=Decimal("5.0")))
    progress.submit(session, _actor(session, ledger, "rep_人社局"), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["城镇登记失业率"], "2025-06", value=Decimal("4.8")))
    rows = _by_title(status.park_status(session, coord, ledger.park_id, as_of=date(2025, 6, 30)), "indicators")
    assert rows["规模工业增加值"]["light"] == "yellow" and rows["城镇登记失业率"]["light"] == "red"
    session.get(ParkSettings, ledger.park_id).growth_yellow_gap_pct = Decimal("1")
    session.commit()
    rows = _by_title(status.park_status(session, coord, ledger.park_id, as_of=date(2025, 6, 30)), "indicators")
    assert rows["规模工业增加值"]["light"] == "red"
