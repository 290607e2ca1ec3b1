"""The half-year summary draft: seed 001's structure, indicator prose from the data, problems and next steps."""
from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

import report_factories as f
from parkgov.reports.bulletin_data import Light
from parkgov.reports.summary import write_summary
from report_rendering import render, squeeze


@pytest.fixture(scope="module")
def data():
    return f.summary()


@pytest.fixture(scope="module")
def docx_path(data, tmp_path_factory):
    return write_summary(data, tmp_path_factory.mktemp("summary") / "summary.docx")


@pytest.fixture(scope="module")
def paragraphs(docx_path) -> list[str]:
    return [p.text for p in Document(BytesIO(docx_path.read_bytes())).paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def rendered(docx_path, tmp_path_factory):
    return render([docx_path], tmp_path_factory.mktemp("summary_pdf"))["summary"]


def _section(paragraphs: list[str], start: str, end: str | None) -> list[str]:
    i = paragraphs.index(start)
    j = max(k for k, p in enumerate(paragraphs) if p == end) if end else len(paragraphs)
    return paragraphs[i + 1:j]


def test_structure_follows_seed_001(paragraphs):
    heads = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、")]
    assert heads == ["一、重点工作开展情况", "二、存在的问题", "三、下一步工作打算"]
    first = _section(paragraphs, "一、重点工作开展情况", "二、存在的问题")
    assert first[0].startswith("（一）经济指标完成情况。")
    assert any(p.startswith("（二）重点项目建设情况。") for p in first)


def test_title_has_the_issuer_and_date_under_it(paragraphs, data):
    assert paragraphs[:3] == [data.head.title, data.head.issuer, "（2025年7月5日）"]


def test_indicator_prose_is_one_paragraph_per_kind(paragraphs, data):
    first = _section(paragraphs, "一、重点工作开展情况", "二、存在的问题")
    assert first[:6] == [
        f"（一）经济指标完成情况。{data.period_label}，{data.park}实现技工贸总收入41.80亿元，同比增长4.2%，"
        "完成年度目标的46.4%。",
        "产值方面，完成规模工业总产值31.38亿元，同比增长7.8%，完成年度目标的52.3%。",
        "投资方面，完成工业固定资产投资4.56亿元，同比增长58.3%，完成年度目标的38.0%。",
        "税收方面，实现税收1.12亿元，同比下降3.62%，完成年度目标的44.8%。",
        "外贸方面，进出口额达到2.84亿元，同比增长126.37%。",
        "其他指标方面，新增规上工业企业3家。"], "no target: no completion clause; 万元 of 1 亿 or more in 亿元"
    prose = "".join(first[:6])
    assert "全社会研发投入" not in prose
    assert any("全社会研发投入本期暂无实际完成数据" in p for p in paragraphs)
    assert any("进出口额未设定年度目标" in p for p in paragraphs)


def test_projects_are_summed_and_written_in_yi_yuan(paragraphs, data):
    text = next(p for p in paragraphs if p.startswith("（二）重点项目建设情况。"))
    total = sum(p.total_investment for p in data.projects) / 10000
    plan = sum(p.annual_plan for p in data.projects) / 10000
    done = sum(p.completed or 0 for p in data.projects) / 10000
    assert text == (f"（二）重点项目建设情况。2025年度重点项目{len(data.projects)}个，其中新建1个、续建1个、前期1个，"
                    f"项目计划总投资{total:.2f}亿元，年度计划投资{plan:.2f}亿元，1-6月累计完成投资{done:.2f}亿元，"
                    "完成年度投资计划的35.4%。")


def test_one_section_per_category_from_the_units_progress(paragraphs, data):
    first = _section(paragraphs, "一、重点工作开展情况", "二、存在的问题")
    for category in dict.fromkeys(t.category for t in data.tasks):
        section = next(p for p in first if p.split("。")[0].endswith(category) and p.startswith("（"))
        for t in data.tasks:
            if t.category == category and t.latest_progress:
                assert t.latest_progress in section
    silent = [t.item for t in data.tasks if not t.latest_progress]
    assert silent and all(any(f"{item}本期未报送进展" in p for p in first) for item in silent)


def test_problems_come_from_red_items(paragraphs, data):
    problems = _section(paragraphs, "二、存在的问题", "三、下一步工作打算")
    red_tasks = [t for t in data.tasks if t.light is Light.RED]
    red_other = [i for i in data.indicators if i.light is Light.RED] + [p for p in data.projects
                                                                        if p.light is Light.RED]
    assert len(problems) == len(red_tasks) + len(red_other)
    for t in red_tasks:
        assert any(t.item in p and t.issues in p for p in problems)
    tax = next(p for p in problems if "税收" in p)
    assert "完成1.12亿元，完成年度目标的44.8%，低于序时进度5.2个百分点" in tax


def test_next_steps_come_from_open_tasks(paragraphs, data):
    steps = " ".join(_section(paragraphs, "三、下一步工作打算", data.head.issuer))
    for t in data.tasks:
        assert (f"{t.item}，" in steps) == (not t.done)


def test_pdf_text_is_real_chinese_text(rendered, data):
    text = squeeze(rendered.text)
    assert "\ufffd" not in text
    for needle in ("重点工作开展情况", "存在的问题", "下一步工作打算", "完成规模工业总产值31.38亿元", data.head.title):
        assert needle in text


def test_every_paragraph_reaches_the_pdf(paragraphs, rendered):
    text = squeeze(rendered.body)
    assert [p for p in paragraphs if squeeze(p) not in text] == []


def test_counts_take_no_verb_and_categories_differing_by_spaces_merge(tmp_path):
    from decimal import Decimal

    from parkgov.reports.bulletin_data import IndicatorRow, TaskRow
    from parkgov.reports.indicator_prose import indicator_clause
    assert indicator_clause(IndicatorRow("发现隐患", "项", actual=Decimal("323"))) == "发现隐患323项"
    assert indicator_clause(IndicatorRow("研发经费投入", "亿元", actual=Decimal("0.96"))) == "完成研发经费投入0.96亿元"
    data = f.summary()
    data.tasks = [TaskRow("1", "稳字当头、扩投资", "甲", "", latest_progress="甲已开工。"),
                  TaskRow("2", "稳字当头、\n扩投资", "乙", "", latest_progress="乙已签约。")]
    doc = Document(str(write_summary(data, tmp_path / "merge.docx", with_charts=False)))
    sections = [p.text for p in doc.paragraphs if p.text.startswith("（") and "扩投资" in p.text]
    assert sections[0] == "（三）稳字当头、扩投资。一是甲。甲已开工。二是乙。乙已签约。"
