"""The view models filled from the services: stored reports, status engine, rankings, rounds, orders."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from docx import Document

from monthly_ledger import build_ledger
from parkgov.reports.bulletin import write_bulletin
from parkgov.reports.from_services import bulletin_data, ledger_data, summary_data
from parkgov.reports.summary import write_summary
from parkgov.services import progress, rounds
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate

ON_TIME = datetime(2025, 7, 2, tzinfo=timezone.utc)


@pytest.fixture
def reported(session_factory, session):
    ledger = build_ledger(session_factory)
    coord = authenticate(session, ledger.tokens["coord"])
    rounds.open_round(session, coord, ledger.park_id, "2025-06", deadline=date(2025, 7, 5))
    progress.submit(session, authenticate(session, ledger.tokens["rep_科工局"]), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["规模工业总产值"], "2025-06", value=Decimal("30.42"),
                                  value_unit="亿元", yoy_pct=Decimal("7.8")), now=ON_TIME)
    progress.submit(session, authenticate(session, ledger.tokens["rep_商务局"]), ledger.park_id,
                    ProgressInput("task", ledger.tasks["8"], "2025-06", "in_progress",
                                  narrative="已签约产业项目7个，其中过亿元项目2个。"), now=ON_TIME)
    return ledger, coord


def test_bulletin_data_carries_the_stored_figures(session, reported, tmp_path):
    ledger, coord = reported
    data = bulletin_data(session, coord, ledger.park_id, "2025-06", bottom_n=2, signed_on=date(2025, 7, 6))
    assert data.period_label == "2025年1-6月" and data.head.title == "关于2025年6月重点工作调度情况的通报"
    gross = next(r for r in data.indicators if r.name == "规模工业总产值")
    assert (gross.target, gross.actual, gross.unit, gross.yoy_pct) == (Decimal("80"), Decimal("30.42"), "亿元",
                                                                       Decimal("7.8"))
    assert gross.completion_pct == Decimal("38.025")
    assert data.time_progress_pct == Decimal("50")
    task = next(t for t in data.tasks if t.seq == "8")
    assert task.latest_progress == "已签约产业项目7个，其中过亿元项目2个。" and task.departments == ["商务局"]
    project = data.projects[0]
    assert project.money_unit == "亿元" and project.total_investment == Decimal("5")
    assert project.category == "产业项目" and project.stage == "新建"
    assert data.ranking and data.ranking[0].unit in ("科工局", "商务局")
    assert {g.unit for g in data.report_gaps} == {"财政局", "发改局", "人社局", "住建局"}
    assert all(g.missing for g in data.report_gaps) and data.units_expected == 6

    doc = Document(str(write_bulletin(data, tmp_path / "bulletin.docx", with_charts=False)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "30.42" in cells and "80.00" in cells and "38.0" in cells


def test_summary_and_ledger_data(session, reported, tmp_path):
    ledger, coord = reported
    summary = summary_data(session, coord, ledger.park_id, "2025-06")
    assert summary.head.title.endswith("2025年上半年工作总结") and not summary.annual
    path = write_summary(summary, tmp_path / "summary.docx", with_charts=False)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "完成规模工业总产值30.42亿元，同比增长7.8%" in text
    assert "已签约产业项目7个，其中过亿元项目2个。" in text
    data = ledger_data(session, coord, ledger.park_id, "2025-06")
    assert len(data.tasks) == 4 and len(data.indicators) == 3 and len(data.projects) == 1

