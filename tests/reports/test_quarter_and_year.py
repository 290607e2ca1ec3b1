"""The quarterly bulletin and the annual summary filled from the services and written by the CLI, on both
databases; a quarter or a year without data still gives a document, bad options one Chinese line."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from docx import Document
from typer.testing import CliRunner

from figures import unexplained
from monthly_ledger import build_ledger
from parkgov.cli import app
from parkgov.reports.from_services import bulletin_data, summary_data
from parkgov.services import progress, rounds
from parkgov.services.progress import ProgressInput
from parkgov.services.rankings import rank_quarter
from parkgov.services.users import authenticate

PARK = "白沙洲经开区"


@pytest.fixture
def reported(session_factory, session):
    ledger = build_ledger(session_factory)
    coord = authenticate(session, ledger.tokens["coord"])
    for month, day in (("2025-05", 6), ("2025-06", 5)):
        rounds.open_round(session, coord, ledger.park_id, month, deadline=date(2025, int(month[5:]) + 1, day))
    progress.submit(session, authenticate(session, ledger.tokens["rep_科工局"]), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["规模工业总产值"], "2025-06", value=Decimal("30.42"),
                                  value_unit="亿元", yoy_pct=Decimal("-2.6")),
                    now=datetime(2025, 7, 2, tzinfo=timezone.utc))
    return ledger, coord


def _text(path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows
                                                          for c in r.cells])


def test_quarterly_bulletin_ranks_the_quarter(session, reported, tmp_path):
    from parkgov.reports.bulletin import write_bulletin
    ledger, coord = reported
    data = bulletin_data(session, coord, ledger.park_id, "2025Q2", bottom_n=2, quarterly=True)
    assert data.quarterly and data.rounds == ["2025-05", "2025-06"]
    assert data.head.title == "关于2025年第二季度重点工作调度情况的通报" and data.period_label == "2025年1-6月"
    expected = rank_quarter(session, coord, ledger.park_id, "2025Q2", 2)
    assert [(r.rank, r.unit) for r in data.ranking] == [(r["rank"], r["unit"]) for r in expected["ranking"]]
    assert [r.unit for r in data.bottom()] == [r["unit"] for r in expected["bottom"]]
    assert {g.round_label for g in data.report_gaps} == {"2025年5月", "2025年6月"}
    gross = next(r for r in data.indicators if r.name == "规模工业总产值")
    assert gross.actual == Decimal("30.42") and gross.yoy_pct == Decimal("-2.6")
    text = _text(write_bulletin(data, tmp_path / "q.docx", with_charts=False))
    assert "本季度共开展调度2轮（5月、6月）" in text and "调度月份" in text
    assert unexplained(text, data) == []
    bottom = [r["unit"] for r in expected["bottom"]]
    lead = "排名后2位的单位为" if len(bottom) == 2 else f"排名后2位的单位（含并列，共{len(bottom)}个）为"
    assert f"{lead}：{'、'.join(bottom)}。" in text


def test_a_quarter_without_rounds_gives_a_bulletin_with_notes(session, reported, tmp_path):
    from parkgov.reports.bulletin import write_bulletin
    ledger, coord = reported
    data = bulletin_data(session, coord, ledger.park_id, "2025Q3", quarterly=True)
    assert data.rounds == [] and data.ranking == [] and data.report_gaps == []
    text = _text(write_bulletin(data, tmp_path / "q3.docx", with_charts=False))
    assert "本季度未开展调度。" in text and "本季度未进行单位排名。" in text


def test_annual_summary_from_a_year(session, reported, tmp_path):
    from parkgov.reports.summary import write_summary
    ledger, coord = reported
    data = summary_data(session, coord, ledger.park_id, "2025", signed_on=date(2026, 1, 10))
    assert data.annual and data.head.title == f"{PARK}2025年工作总结暨2026年工作打算"
    text = _text(write_summary(data, tmp_path / "y.docx", with_charts=False))
    assert "一、2025年主要工作" in text and "三、2026年工作打算" in text
    assert "完成规模工业总产值30.42亿元，同比下降2.6%" in text
    assert "（2026年1月10日）" in text
    assert unexplained(text, data) == []


@pytest.fixture
def cli(db_url, session_factory, monkeypatch):
    build_ledger(session_factory, PARK, users=False)
    monkeypatch.setenv("PARKGOV_DATABASE_URL", db_url)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args))

    assert run("round", "open", "--park", PARK, "--period", "2025-06", "--deadline", "2025-07-05").exit_code == 0
    return run


def test_cli_writes_the_quarterly_bulletin_and_the_annual_summary(cli, tmp_path):
    out = cli("report", "bulletin", "--park", PARK, "--quarter", "2025Q2", "-o", str(tmp_path / "q.docx"),
              "--no-charts", "--date", "2025-07-08")
    assert out.exit_code == 0, out.output
    assert "关于2025年第二季度重点工作调度情况的通报" in _text(tmp_path / "q.docx").replace("\n", "")
    out = cli("report", "summary", "--park", PARK, "--year", "2025", "-o", str(tmp_path / "y.docx"), "--no-charts")
    assert out.exit_code == 0, out.output
    assert "三、2026年工作打算" in _text(tmp_path / "y.docx")


@pytest.mark.parametrize("args, word", [
    (["bulletin", "--park", PARK, "-o", "x.docx"], "--quarter"),
    (["bulletin", "--park", PARK, "--round", "2025-06", "--quarter", "2025Q2", "-o", "x.docx"], "其中之一"),
    (["bulletin", "--park", PARK, "--quarter", "2025Q5", "-o", "x.docx"], "季度"),
    (["summary", "--park", PARK, "--year", "二〇二五", "-o", "x.docx"], "年份"),
    (["summary", "--park", PARK, "-o", "x.docx"], "--year"),
])
def test_bad_quarter_or_year_gives_one_chinese_line(cli, args, word, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("report", *args)
    assert result.exit_code == 1, result.output
    assert word in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()
