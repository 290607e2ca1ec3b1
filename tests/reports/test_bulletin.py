"""The dispatch bulletin: every figure in the .docx and in its PDF comes from the round's data."""
from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

import pytest
from docx import Document

import report_factories as f
from parkgov.reports.bulletin import write_bulletin
from parkgov.reports.bulletin_data import Light
from report_rendering import render, squeeze


def _pct(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def data():
    return f.bulletin()


@pytest.fixture(scope="module")
def docx_path(data, tmp_path_factory):
    return write_bulletin(data, tmp_path_factory.mktemp("bulletin") / "bulletin.docx")


@pytest.fixture(scope="module")
def doc(docx_path):
    return Document(BytesIO(docx_path.read_bytes()))


@pytest.fixture(scope="module")
def rendered(docx_path, tmp_path_factory):
    return render([docx_path], tmp_path_factory.mktemp("bulletin_pdf"))["bulletin"]


def _table(doc, first_header: str, second_header: str):
    return next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == [first_header, second_header])


def _body(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_indicator_table_matches_the_data(doc, data):
    rows = _body(_table(doc, "序号", "指标"))
    assert [r[1] for r in rows] == [i.name for i in data.indicators]
    by_name = {r[1]: r for r in rows}
    gross = by_name["规模工业总产值"]
    assert gross[2:] == ["亿元", "60.00", "31.38", "7.80", "52.3", "50.0", "绿灯"]
    invest = by_name["工业固定资产投资"]
    assert invest[3:7] == ["120000", "45600", "58.30", _pct(Decimal("45600") * 100 / Decimal("120000"))]
    assert by_name["税收"][5] == "-3.62"
    assert by_name["进出口额"][3] == "—" and by_name["进出口额"][6] == "—"
    assert by_name["新增规上工业企业"][6] == "—", "a target of 0 gives no completion rate"
    assert by_name["全社会研发投入"][4] == "—"


def test_task_tallies_by_department_and_category(doc, data):
    rows = _body(_table(doc, "序号", "牵头部门"))
    expected = Counter(d for t in data.tasks for d in t.departments)
    assert {r[1]: int(r[2]) for r in rows} == dict(expected)
    for r in rows:
        mine = [t for t in data.tasks if r[1] in t.departments]
        assert [int(x) for x in r[3:]] == [sum(t.done for t in mine)] + [
            sum(t.light is light for t in mine) for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)]
    categories = _body(_table(doc, "序号", "任务类别"))
    assert {r[1]: int(r[2]) for r in categories} == dict(Counter(t.category for t in data.tasks))
    assert sum(int(r[2]) for r in categories) == len(data.tasks)


def test_red_items_name_their_units_and_leaders(doc, data):
    rows = _body(_table(doc, "序号", "类型"))
    red_tasks = [t for t in data.tasks if t.light is Light.RED]
    red_indicators = [i for i in data.indicators if i.light is Light.RED]
    red_projects = [p for p in data.projects if p.light is Light.RED]
    assert len(rows) == len(red_tasks) + len(red_indicators) + len(red_projects)
    for t in red_tasks:
        row = next(r for r in rows if r[2] == f"{t.seq} {t.item}")
        assert row[3] == "、".join(t.departments) and row[4] == "、".join(t.leaders) and row[5] == t.issues
    tax = next(r for r in rows if r[2] == "税收")
    assert tax[3:5] == ["财政局", "韩知远"] and "1.12亿元" in tax[5]


def test_supervision_ranking_and_reporting(doc, data):
    opened = _body(_table(doc, "编号", "督办事项"))
    assert opened[0][:3] == ["督〔2025〕7号", "新材料产业基地征拆滞后", "发改局"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"新下发督办单{len(data.orders_opened)}件，办结{len(data.orders_closed)}件" in text
    assert "尚未办结4件" in text
    ranking = _body(_table(doc, "名次", "单位"))
    assert [r[1] for r in ranking] == [r.unit for r in sorted(data.ranking, key=lambda r: r.rank)]
    assert ranking[0][2] == f"{data.ranking[0].score:.2f}"
    assert all(len(r[2].split(".")[1]) == 2 for r in ranking), "scores all with two decimals"
    bottom = [r.unit for r in sorted(data.ranking, key=lambda r: r.rank)][-data.bottom_n:]
    assert f"排名后{data.bottom_n}位的单位为：{'、'.join(bottom)}。" in text
    gaps = _body(_table(doc, "序号", "单位"))
    assert [(r[1], r[2]) for r in gaps] == [("住建局", "迟报"), ("市监局", "未报")]


def test_charts_are_embedded(doc):
    assert len(doc.inline_shapes) == 3


def test_pdf_keeps_the_text_and_the_figures(rendered, data):
    assert rendered.page_size_pt == pytest.approx((595.3, 841.9), abs=1)
    text = squeeze(rendered.text)
    assert "\ufffd" not in text
    for needle in (data.head.title, data.head.doc_number, "主要经济指标完成情况", "重点任务推进情况",
                   "红灯事项", "督查督办情况", "单位排名情况", "调度材料报送情况", "2025年7月5日"):
        assert squeeze(needle) in text, needle
    for row in data.indicators:
        assert row.name in text
    for figure in ("31.38", "41.80", "45600", "126.37", "-3.62"):
        assert figure in text
    for t in data.tasks:
        if t.light is Light.RED:
            assert squeeze(t.issues) in text
    assert "—1—" in text and "—2—" in text


def test_odd_and_even_page_numbers_sit_on_opposite_sides(rendered):
    pages = rendered.layout_text.split("\f")
    assert len(pages) >= 2
    odd = next(line for line in pages[0].splitlines() if "— 1 —" in line or "—1—" in line)
    even = next(line for line in pages[1].splitlines() if "— 2 —" in line or "—2—" in line)
    assert len(odd) - len(odd.lstrip()) > len(even) - len(even.lstrip())


def test_a_growth_target_shows_in_the_target_column(tmp_path):
    from decimal import Decimal as D

    from parkgov.reports.bulletin_data import IndicatorRow
    from parkgov.reports.indicator_prose import indicator_clause
    data = f.empty_bulletin()
    row = IndicatorRow("地区生产总值", "亿元", actual=D("120.5"), yoy_pct=D("6.2"), target_growth_pct=D("5.5"))
    data.indicators = [row]
    doc = Document(str(write_bulletin(data, tmp_path / "growth.docx", with_charts=False)))
    assert _body(_table(doc, "序号", "指标"))[0][3] == "增长5.5%"
    assert not any("未设定年度目标" in p.text for p in doc.paragraphs)
    assert indicator_clause(row) == "完成地区生产总值120.50亿元，同比增长6.2%（年度目标：增长5.5%）"


def test_nothing_is_lost_between_docx_and_pdf(doc, rendered):
    text = squeeze(rendered.body)
    paragraphs = [squeeze(p.text) for p in doc.paragraphs if p.text.strip()]
    assert [p for p in paragraphs if p not in text] == []
    cells = {squeeze(c.text) for t in doc.tables for row in t.rows for c in row.cells if c.text.strip()}
    wrapped = [c for c in cells if c not in text]
    lost = [c for c in wrapped if not any(c[:k] in text and c[k:] in text for k in range(1, len(c)))]
    assert lost == [], "cells neither whole nor wrapped once in the PDF"
    written = Counter("".join(paragraphs) + "".join(squeeze(c.text) for t in doc.tables for row in t.rows
                                                    for c in row.cells))
    assert not written - Counter(text), "characters of the .docx missing from the PDF"


def test_the_bulletin_page_is_the_standard_one(doc):
    from docx.shared import Mm
    s = doc.sections[0]
    assert [round(x / Mm(1)) for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin,
                                      s.right_margin)] == [210, 297, 37, 35, 28, 26]
    assert doc.settings.odd_and_even_pages_header_footer


def test_bottom_units_include_ties_and_a_full_tie_names_none(tmp_path):
    from parkgov.reports.bulletin_data import RankingRow
    data = f.empty_bulletin()
    data.bottom_n = 2
    data.ranking = [RankingRow(1, "甲局", 90), RankingRow(2, "乙局", 80), RankingRow(3, "丙局", 70),
                    RankingRow(3, "丁局", 70)]
    assert [r.unit for r in data.bottom()] == ["丙局", "丁局"]
    data.ranking.append(RankingRow(5, "戊局", 60))
    assert [r.unit for r in data.bottom()] == ["丙局", "丁局", "戊局"]
    doc = Document(str(write_bulletin(data, tmp_path / "ties.docx", with_charts=False)))
    assert any(p.text.startswith("排名后2位的单位（含并列，共3个）为：丙局、丁局、戊局。") for p in doc.paragraphs)
    data.ranking = [RankingRow(1, u, 20) for u in ("甲局", "乙局", "丙局")]
    doc = Document(str(write_bulletin(data, tmp_path / "all_tied.docx", with_charts=False)))
    assert "各单位得分并列，本轮不列排名靠后单位。" in [p.text for p in doc.paragraphs]
