"""Bad input still gives a document: no data, a unit with no rows, no target, a zero divisor."""
from __future__ import annotations

import warnings
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document

import report_factories as f
from parkgov.reports import charts
from parkgov.reports.bulletin import write_bulletin
from parkgov.reports.bulletin_data import (BulletinData, DocumentHead, IndicatorRow, Light, ProjectRow, RankingRow,
                                           ReportGap, SummaryData, TaskRow)
from parkgov.reports.summary import write_summary
from report_rendering import render, squeeze


def _edge_bulletin() -> BulletinData:
    return BulletinData(
        park="边界园区", round_label="2025-03", period_label="2025年1-3月",
        head=DocumentHead(title="关于2025年3月重点工作调度情况的通报", issuer="边界园区管委会"),
        time_progress_pct=None,
        indicators=[IndicatorRow("税收", "亿元", target=None, actual=Decimal("1.2")),
                     IndicatorRow("工业投资", "万元", target=Decimal("0"), actual=Decimal("0")),
                     IndicatorRow("进出口额", "亿美元", target=Decimal("3"), actual=None, light="red")],
        tasks=[TaskRow("1", "", "无类别无部门的任务", "按期完成", light=Light.RED)],
        projects=[ProjectRow("零计划项目", "万元", annual_plan=Decimal("0"), completed=Decimal("0")),
                  ProjectRow("外币项目", "万美元", annual_plan=Decimal("10"), completed=Decimal("5")),
                  ProjectRow("无投资数据项目", "亿元")],
        ranking=[RankingRow(1, "无任务单位", None, 0, 0)], bottom_n=5,
        report_gaps=[ReportGap("未报单位", True)], units_expected=0)


def _empty_quarter() -> BulletinData:
    return BulletinData(park="空白园区", round_label="2025-Q3", period_label="2025年1-9月", quarterly=True,
                        head=DocumentHead(title="关于2025年第三季度重点工作调度情况的通报", issuer="空白园区管委会"))


def _edge_annual() -> SummaryData:
    return SummaryData(
        park="边界园区", year=2025, period_label="2025年1-12月", annual=True,
        head=DocumentHead("边界园区2025年工作总结暨2026年工作打算", "边界园区管委会"),
        indicators=[IndicatorRow("税收", "亿元", target=None, actual=Decimal("1.2"), yoy_pct=Decimal("0")),
                    IndicatorRow("工业投资", "万元", target=Decimal("0"), actual=Decimal("0"), light="red"),
                    IndicatorRow("营业收入", "亿元", target=Decimal("10"), actual=None)],
        projects=[ProjectRow("零计划项目", "万元", stage="新建", annual_plan=Decimal("0"), completed=Decimal("300"),
                             light="red")])


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("bad")
    return {
        "empty_bulletin": write_bulletin(f.empty_bulletin(), out / "empty_bulletin.docx"),
        "edge_bulletin": write_bulletin(_edge_bulletin(), out / "edge_bulletin.docx"),
        "empty_summary": write_summary(SummaryData(park="空白园区", year=2025, period_label="2025年1-6月",
                                                   head=DocumentHead("空白园区2025年上半年工作总结", "空白园区管委会",
                                                                     signed_on=date(2025, 7, 1))),
                                       out / "empty_summary.docx"),
        "empty_quarter": write_bulletin(_empty_quarter(), out / "empty_quarter.docx"),
        "edge_annual": write_summary(_edge_annual(), out / "edge_annual.docx"),
    }


@pytest.fixture(scope="module")
def rendered(written, tmp_path_factory):
    return render(list(written.values()), tmp_path_factory.mktemp("bad_pdf"))


def _text(path) -> str:
    doc = Document(BytesIO(path.read_bytes()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a_round_without_data_still_gives_a_bulletin(written, rendered):
    text = _text(written["empty_bulletin"])
    assert "本轮调度尚无任何数据" in text
    for empty in ("本轮未录入经济指标数据。", "本轮未录入重点任务。", "本轮未录入重点项目。", "本轮无亮红灯事项。",
                  "本轮未进行单位排名。", "本轮无报送记录。"):
        assert empty in text
    assert "本轮调度尚无任何数据" in squeeze(rendered["empty_bulletin"].text)


def test_missing_and_zero_figures_print_a_dash_with_a_note(written, rendered):
    text = _text(written["edge_bulletin"])
    assert "税收未设定年度目标，完成率以「—」表示。" in text
    assert "工业投资年度目标为0，无法计算完成率。" in text
    assert "进出口额本期未报送累计完成数据。" in text
    assert "零计划项目、无投资数据项目未填报年度计划投资（或为0），完成率以「—」表示。" in text
    assert "外币项目的投资以其他币种计，未计入上述合计。" in text
    assert "（未明确牵头部门）" in text and "（未分类）" in text
    assert "无任务单位" in text and "未报单位" in text
    assert "division" not in text.lower() and "nan" not in text.lower()
    assert rendered["edge_bulletin"].pages >= 1


def test_a_summary_without_data(written, rendered):
    text = _text(written["empty_summary"])
    for needle in ("本期尚无任何调度数据", "本期未录入经济指标数据。", "本期无亮红灯事项", "本期未录入重点任务。"):
        assert needle in text
    assert "二、存在的问题" in squeeze(rendered["empty_summary"].text)


def test_a_quarter_without_data_still_gives_a_bulletin(written, rendered):
    text = _text(written["empty_quarter"])
    for needle in ("现将2025年第三季度重点工作调度情况通报如下。本季度未开展调度。", "本季度调度尚无任何数据",
                   "本季度未录入经济指标数据。", "本季度未进行单位排名。", "本季度无报送记录。"):
        assert needle in text
    assert "本轮" not in text
    assert "本季度未开展调度" in squeeze(rendered["empty_quarter"].text)


def test_an_annual_summary_with_zero_targets_and_plans_writes_dashes_and_notes(written, rendered):
    text = _text(written["edge_annual"])
    assert "（一）经济指标完成情况。2025年，边界园区完成工业投资0万元。" in text
    assert "税收方面，实现税收1.20亿元，与上年同期持平。" in text
    assert "注：营业收入本期暂无实际完成数据，未列入上文。" in text
    assert "注：税收未设定年度目标，未计算完成率。" in text and "注：工业投资年度目标为0，无法计算完成率。" in text
    assert "2025年度重点项目1个，其中新建1个，年度计划投资0万元，全年累计完成投资300万元。" in text
    assert "注：项目年度计划投资合计为0或未填报，完成年度投资计划的比例无法计算（以「—」表示）。" in text
    assert "（一）工业投资完成进度滞后。2025年完成0万元，年度目标为0，无法计算完成率。" in text
    assert "零计划项目建设进度滞后。年度计划投资0万元，累计完成300万元。" in text
    assert "三、2026年工作打算" in text and "本期未录入重点任务。" in text
    assert "division" not in text.lower() and "nan" not in text.lower() and "None" not in text
    assert rendered["edge_annual"].pages >= 1


def test_charts_with_nothing_to_draw_are_left_out():
    assert charts.indicator_completion_chart([IndicatorRow("税收", "亿元")]) is None
    assert charts.project_investment_chart([ProjectRow("无数据", "万元")]) is None
    assert charts.light_counts_chart({"某局": {}}) is None


def test_charts_draw_chinese_without_missing_glyphs():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = charts.indicator_completion_chart(f.indicators(), Decimal("50"))
        charts.light_counts_chart({"科工局": {Light.RED: 2, Light.GREEN: 1}})
        charts.project_investment_chart(f.projects())
    assert png.startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
