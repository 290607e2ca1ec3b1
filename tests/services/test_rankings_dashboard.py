"""Rankings per round and quarter, and the dashboard summary, computed from stored reports."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from parkgov.services import dashboard, progress, rankings, rounds, supervision
from parkgov.services.errors import InvalidInput, NotFound
from parkgov.services.ownership import responsible_units
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate
from parkgov.store.models import Unit


def _actor(session, ledger, who):
    return authenticate(session, ledger.tokens[who])


ON_TIME = datetime(2025, 7, 2, tzinfo=timezone.utc)


def _rank(result):
    return {line["unit"]: line for line in result["ranking"]}


def test_round_ranking_rewards_on_time_green_reports(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    before = _rank(rankings.rank_round(session, coord, ledger.park_id, "2025-06"))
    assert before["商务局"]["score"] == before["科工局"]["score"]
    progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                    ProgressInput("task", ledger.tasks["8"], "2025-06", "in_progress", value=Decimal("7")), now=ON_TIME)
    after = rankings.rank_round(session, coord, ledger.park_id, "2025-06", bottom_n=2)
    lines = _rank(after)
    assert lines["商务局"]["rank"] == 1 and lines["商务局"]["score"] == Decimal("100.00")
    assert lines["商务局"]["score"] > lines["科工局"]["score"]
    assert "商务局" not in {line["unit"] for line in after["bottom"]} and len(after["bottom"]) >= 2
    assert after["weights"] == {"timeliness": Decimal(40), "green": Decimal(40), "supervision": Decimal(20)}


def test_quarter_ranking_sums_rounds_and_bad_quarter_is_refused(session, ledger):
    coord = _actor(session, ledger, "coord")
    with pytest.raises(InvalidInput, match="没有任何调度轮次"):
        rankings.rank_quarter(session, coord, ledger.park_id, "2025Q2")
    with pytest.raises(InvalidInput, match="季度格式"):
        rankings.rank_quarter(session, coord, ledger.park_id, "2025Q5")
    with pytest.raises(NotFound):
        rankings.rank_round(session, coord, ledger.park_id, "2025-05")
    for month in ("2025-05", "2025-06"):
        rounds.open_round(session, coord, ledger.park_id, month, deadline=date(2025, 7, 5))
    progress.submit(session, _actor(session, ledger, "rep_财政局"), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["税收"], "2025-05", value=Decimal("30000"),
                                  value_unit="万元"), now=ON_TIME)
    result = rankings.rank_quarter(session, coord, ledger.park_id, "2025Q2", bottom_n=5)
    assert result["rounds"] == ["2025-05", "2025-06"] and result["period"] == "2025-Q2"
    finance = _rank(result)["财政局"]
    assert finance["reports_due"] == 4 and finance["reports_on_time"] == 1


def test_dashboard_summary_changes_with_reports_and_orders(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    as_of = date(2025, 7, 1)
    first = dashboard.park_dashboard(session, coord, ledger.park_id, as_of=as_of)
    assert first["totals"] == {"indicators": 3, "tasks": 4, "projects": 1}
    assert first["investment"]["annual_plan"] == Decimal("12000") and first["investment"]["completed"] == 0
    progress.submit(session, _actor(session, ledger, "rep_住建局"), ledger.park_id,
                    ProgressInput("project", ledger.projects["新材料产业园"], "2025-06", investment=Decimal("0.6"),
                                  investment_unit="亿元", milestones={"started": date(2025, 4, 1)}), now=ON_TIME)
    supervision.raise_order(session, coord, ledger.park_id, kind="task", item_id=ledger.tasks["20"], reason="滞后",
                            due_date=date(2025, 7, 20), now=datetime(2025, 7, 1, tzinfo=timezone.utc))
    second = dashboard.park_dashboard(session, coord, ledger.park_id, as_of=as_of)
    assert second["investment"]["completed"] == Decimal("6000") and second["investment"]["completion_rate"] == Decimal("0.5")
    assert second["lights"]["projects"]["green"] == 1 and first["lights"]["projects"]["red"] == 1
    assert second["open_orders"]["count"] == 1 and second["ranking"]["period"] == "2025-06"
    assert {r["title"] for r in second["red_items"]} >= {"完成预算绩效改革"}
    assert sum(second["lights"]["all"].values()) == 8


def test_ranked_units_are_the_active_units_leading_rows_of_the_year(session, ledger):
    coord = _actor(session, ledger, "coord")
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    session.add(Unit(park_id=ledger.park_id, name="无事项单位"))
    session.get(Unit, ledger.units["发改局"]).is_active = False
    session.commit()
    ranked = [line["unit"] for line in rankings.rank_round(session, coord, ledger.park_id, "2025-06")["ranking"]]
    expected = [u.name for u in responsible_units(session, ledger.park_id, 2025)]
    assert sorted(ranked) == sorted(expected)
    assert "无事项单位" not in ranked and "发改局" not in ranked and "商务局" in ranked
