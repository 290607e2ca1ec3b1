"""Every figure of the bulletins (monthly and quarterly) and the summaries (half-year and annual), read back
from the PDF, is a field of the view model or computed from fields; every indicator's figures are printed."""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

import report_factories as f
from figures import expected_figures, numbers_in, unexplained
from parkgov.reports.bulletin import write_bulletin
from parkgov.reports.bulletin_data import ReportGap
from parkgov.reports.summary import write_summary
from report_rendering import render


def quarterly_bulletin():
    data = f.bulletin()
    data.quarterly, data.round_label, data.rounds = True, "2025-Q2", ["2025-04", "2025-05", "2025-06"]
    data.head.title = "关于2025年第二季度重点工作调度情况的通报"
    data.report_gaps = [ReportGap("住建局", False, date(2025, 5, 6), date(2025, 5, 8), round_label="2025年4月"),
                        ReportGap("市监局", True, date(2025, 7, 3), round_label="2025年6月")]
    return data


def annual_summary():
    data = f.summary(annual=True)
    data.period_label, data.span = "2025年1-12月", "全年"
    data.head.title = f"{data.park}2025年工作总结暨2026年工作打算"
    return data


DATA = {"bulletin_month": f.bulletin, "bulletin_quarter": quarterly_bulletin, "summary_half": f.summary,
        "summary_year": annual_summary}


@pytest.fixture(scope="module")
def data():
    return {name: build() for name, build in DATA.items()}


@pytest.fixture(scope="module")
def rendered(data, tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    files = []
    for name, d in data.items():
        write = write_bulletin if name.startswith("bulletin") else write_summary
        files.append(write(d, out / f"{name}.docx"))
    return render(files, tmp_path_factory.mktemp("figures_pdf"), png_prefix="figures_")


@pytest.mark.parametrize("name", list(DATA))
def test_every_figure_in_the_pdf_comes_from_the_data(name, data, rendered):
    text = rendered[name].body
    assert len(numbers_in(text)) > 40, "the text was read back"
    assert unexplained(text, data[name]) == []


@pytest.mark.parametrize("name", list(DATA))
def test_every_indicator_figure_is_printed(name, data, rendered):
    text = "".join(rendered[name].body.split())
    known = expected_figures(data[name]).sources
    for i, row in enumerate(data[name].indicators):
        if row.actual is None:
            continue
        forms = {form for form, fields in known.items() if f"data.indicators[{i}].actual" in fields}
        assert any(form in text for form in forms), (row.name, forms)
        assert row.name in text


@pytest.mark.parametrize("name", ["bulletin_quarter", "summary_half"])
def test_a_figure_not_in_the_data_is_caught(name, data, rendered):
    """The check can fail: against data whose actual figure differs, the printed figure is unexplained."""
    changed = dataclasses.replace(data[name])
    changed.indicators = [dataclasses.replace(r) for r in data[name].indicators]
    gross = next(r for r in changed.indicators if r.name == "规模工业总产值")
    printed = f"{gross.actual:.2f}"
    gross.actual = gross.actual + Decimal("0.01")
    assert printed in unexplained(rendered[name].body, changed)


def test_quarterly_bulletin_names_its_rounds_and_months(data, rendered):
    text = "".join(rendered["bulletin_quarter"].body.split())
    assert "关于2025年第二季度重点工作调度情况的通报" in text
    assert "本季度共开展调度3轮（4月、5月、6月），单位排名按各轮情况合计计算。" in text
    assert "迟报1个次，未报1个次" in text and "2025年4月" in text
    assert "本轮" not in text


def test_annual_summary_headings_follow_the_annual_structure(rendered):
    text = "".join(rendered["summary_year"].body.split())
    heads = ["一、2025年主要工作", "二、存在的问题", "三、2026年工作打算"]
    positions = [text.find(h) for h in heads]
    assert -1 not in positions and positions == sorted(positions)
    assert "全年累计完成投资" in text
