"""Projects from project tables and from counts and investments stated in prose."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from document_builder import make_doc
from seed_paths import SEEDS

from parkgov.extract.facts import Amount, DocumentInfo
from parkgov.extract.metadata import extract_metadata
from parkgov.extract.projects import (amount_of, category_of, extract_projects, prose_projects, stage_of,
                                      table_projects)
from parkgov.extract.readers import read_document


TABLE = [
    ["序号", "项目名称", "建设内容", "建设性质", "总投资（万元）", "2025年计划投资（万元）", "1-6月完成投资", "责任单位"],
    ["一、产业项目", "", "", "", "", "", "", ""],
    ["（一）新建项目", "", "", "", "", "", "", ""],
    ["1", "绿源新材料生产线", "年产5万吨", "", "12000", "6000", "1.2亿元", "经发局、招商局"],
    ["2", "智能装备产业园", "标准厂房10万平方米", "续建", "35,000", "8000", "", "建投公司"],
    ["二、基础设施项目", "", "", "", "", "", "", ""],
    ["3", "园区污水处理厂提标改造", "日处理2万吨", "前期", "4500", "—", "", "住建局"],
    ["合计", "", "", "", "51500", "14000", "", ""],
]


def test_project_table_rows_with_units_from_header_and_cells():
    projects = extract_projects(make_doc("凤山经开区2025年建设项目计划表", TABLE), DocumentInfo())
    assert [p.name for p in projects] == ["绿源新材料生产线", "智能装备产业园", "园区污水处理厂提标改造"]
    first, second, third = projects
    assert first.category == "industrial" and first.stage == "new"
    assert first.total_investment == Amount(12000, "万元")
    assert first.annual_plan == Amount(6000, "万元")
    assert first.completed == Amount(1.2, "亿元")
    assert first.unit == "经发局、招商局"
    assert second.stage == "continued" and second.total_investment == Amount(35000, "万元")
    assert second.completed is None
    assert third.category == "infrastructure" and third.stage == "preliminary"
    assert third.annual_plan is None
    assert not any(p.aggregate for p in projects)


def test_project_rows_point_at_their_rows():
    doc = make_doc("标题", TABLE)
    for p in extract_projects(doc, DocumentInfo()):
        assert p.name in doc.text[p.offset:p.offset + 60]


PROSE = ("二、项目建设\n今年全区共安排重点建设项目20个，其中产业项目14个（新建项目8个、续建项目4个、前期项目2个），"
         "基础设施项目6个。项目总投资56.3亿元，年度计划投资18亿元，1-9月累计完成投资11.2亿元。\n"
         "力争招商引进工业项目10个以上。\n")


def test_prose_counts_and_investments_become_aggregates():
    projects = extract_projects(make_doc(PROSE), DocumentInfo())
    by_name = {p.name: p for p in projects}
    total = by_name["重点建设项目（合计）"]
    assert total.aggregate and total.count == 20
    assert total.total_investment == Amount(56.3, "亿元")
    assert total.annual_plan == Amount(18, "亿元")
    assert total.completed == Amount(11.2, "亿元")
    industrial = by_name["产业项目"]
    assert industrial.category == "industrial" and industrial.count == 14
    assert by_name["产业项目（新建）"].stage == "new"
    assert by_name["产业项目（前期）"].count == 2
    assert by_name["基础设施项目"].category == "infrastructure"
    assert not any("引进" in p.name for p in projects)


def test_repeated_statement_is_kept_once():
    once = extract_projects(make_doc(PROSE), DocumentInfo())
    twice = extract_projects(make_doc(PROSE + PROSE), DocumentInfo())
    assert len(twice) == len(once)


@pytest.mark.parametrize("cell,unit,amount", [
    ("12000", "万元", Amount(12000, "万元")), ("3.5亿元", "万元", Amount(3.5, "亿元")),
    ("1,200", None, Amount(1200, None)), ("—", "万元", None), ("", "万元", None), ("待定", "万元", None),
])
def test_amount_of(cell, unit, amount):
    assert amount_of(cell, unit) == amount


def test_stage_and_category_words():
    assert stage_of("续建") == "continued" and stage_of("前期项目") == "preliminary"
    assert stage_of("新建") == "new" and stage_of("") is None
    assert category_of("基础设施建设项目") == "infrastructure" and category_of("产业项目") == "industrial"


@pytest.mark.parametrize("parts", [(), ("",), ([["项目名称", "总投资"], []],), ("项目个。项目总投资万元。",),
                                   ([["项目名称", "总投资（万元）"], ["合计", "abc"]],)])
def test_bad_input_never_raises(parts):
    assert isinstance(extract_projects(make_doc(*parts), DocumentInfo()), list)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_seed_plan_project_counts_add_up():
    doc = read_document(next(SEEDS.glob("000_*")))
    info = extract_metadata(doc)
    projects = extract_projects(doc, info)
    assert min(_timed(lambda: extract_projects(doc, info)) for _ in range(3)) < 0.05
    total = next(p for p in projects if p.name.endswith("（合计）"))
    parts = [p for p in projects if p.category and p.stage is None]
    assert {p.category for p in parts} == {"industrial", "infrastructure"}
    assert total.count == sum(p.count for p in parts)
    for part in parts:
        stages = [p for p in projects if p.category == part.category and p.stage]
        assert {p.stage for p in stages} == {"new", "continued", "preliminary"}
        assert part.count == sum(p.count for p in stages)
    assert total.total_investment.unit == "万元" and total.annual_plan.unit == "万元"
    assert total.total_investment.value > total.annual_plan.value


def test_seed_summary_states_investments_with_completion():
    doc = read_document(next(SEEDS.glob("001_*")))
    projects = extract_projects(doc, extract_metadata(doc))
    total = next(p for p in projects if p.name.endswith("（合计）"))
    assert total.completed is not None and total.annual_plan is not None
    assert total.completed.value < total.annual_plan.value < total.total_investment.value
    assert sum(p.count for p in projects if p.stage) == total.count


def test_two_row_header_with_a_merged_investment_cell():
    rows = [["序号", "项目名称", "建设内容", "投资（亿元）", "", "", "业主单位"],
            ["", "", "", "总投资", "年度计划", "1-6月完成", ""],
            ["1", "冷链物流园", "冷库3万吨", "4.5", "1.2", "0.6", "城投集团"]]
    (p,) = extract_projects(make_doc(rows), DocumentInfo())
    assert p.name == "冷链物流园" and p.unit == "城投集团"
    assert p.total_investment == Amount(4.5, "亿元")
    assert p.annual_plan == Amount(1.2, "亿元")
    assert p.completed == Amount(0.6, "亿元")


def test_excel_project_table(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["鹤山高新区2026年重点建设项目计划表"])
    ws.append(["序号", "项目名称", "建设性质", "总投资（万元）", "2026年计划投资（万元）", "责任单位"])
    ws.append(["一、产业项目"])
    ws.append([1, "光伏组件厂", "新建", 50000, 20000, "招商局"])
    ws.append(["二、基础设施项目"])
    ws.append([2, "园区道路", "续建", 8000.5, 3000, "城投公司"])
    ws.append(["合计", None, None, 58000.5, 23000, None])
    path = tmp_path / "项目表.xlsx"
    wb.save(path)
    doc = read_document(path)
    assert extract_metadata(doc).genre == "project_table"
    projects = extract_projects(doc, DocumentInfo())
    assert [(p.name, p.category, p.stage) for p in projects] == [
        ("光伏组件厂", "industrial", "new"), ("园区道路", "infrastructure", "continued")]
    assert projects[1].total_investment == Amount(8000.5, "万元")
    assert projects[0].annual_plan == Amount(20000, "万元")


@pytest.mark.parametrize("header,role", [
    ("总投资（万元）", "total"), ("计划总投资", "total"), ("2025年计划完成投资", "annual"),
    ("年度计划投资（亿元）", "annual"), ("1-6月完成投资", "completed"), ("累计完成投资", "completed"),
    ("项目名称", "name"), ("建设性质", "stage"), ("责任单位", "unit"), ("备注", "ignore"),
])
def test_project_column_roles(header, role):
    from parkgov.extract.projects import column_role
    assert column_role(header) == role


def test_stage_written_in_a_type_column():
    rows = [["序号", "项目名称", "项目类型", "总投资（万元）"], ["1", "孵化基地", "续建", "3000"]]
    (p,) = extract_projects(make_doc(rows), DocumentInfo())
    assert p.stage == "continued" and p.category is None


_ALPHABET = "（）()、，,；;：:。\n\t 1２3.一二十序号项目名称总投资万元亿元计划完成新建续建前期产业基础设施个其中合计"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(_ALPHABET, max_size=80),
                          st.lists(st.lists(st.text(_ALPHABET, max_size=12), min_size=1, max_size=7),
                                   max_size=5)), max_size=5))
def test_fuzzed_documents_never_raise(parts):
    doc = make_doc(*parts)
    projects = [p for t in doc.tables for p in table_projects(t)] + prose_projects(doc)
    assert all(p.name for p in projects)


def test_a_data_row_holding_header_words_is_not_a_new_header():
    rows = [["序号", "项目名称", "项目类别", "建设性质", "总投资（万元）", "年度计划投资（万元）", "最新进展"],
            ["1", "青石大道改造", "基础设施项目", "续建", "3000", "1200", "路基已完成"],
            ["2", "轴承产业园", "产业项目", "新建", "8000", "2500", "征地完成，厂房开工"],
            ["3", "电子元件厂", "产业项目", "前期", "4100", "0", "—"]]
    projects = table_projects(make_doc(rows).tables[0])
    assert [(p.name, p.category, p.stage) for p in projects] == [
        ("青石大道改造", "infrastructure", "continued"), ("轴承产业园", "industrial", "new"),
        ("电子元件厂", "industrial", "preliminary")]
    assert projects[1].total_investment == Amount(8000, "万元")


def test_a_repeated_header_after_a_page_break_is_still_a_header():
    header = ["序号", "项目名称", "总投资（万元）", "责任单位"]
    rows = [header, ["1", "标准厂房一期", "5000", "城投公司"], header, ["2", "标准厂房二期", "6000", "城投公司"]]
    assert [p.name for p in table_projects(make_doc(rows).tables[0])] == ["标准厂房一期", "标准厂房二期"]


@pytest.mark.parametrize("header", [
    ["序号", "指标名称", "单位", "年度目标", "1-6月累计", "完成进度（%）", "牵头部门"],
    ["序号", "名称", "单位", "完成值", "计划值"],
    ["序号", "任务名称", "完成时限", "责任单位"],
    ["项目", "2024年完成", "2025年目标"],
])
def test_tables_without_a_project_name_and_investment_column_are_not_project_tables(header):
    rows = [header, ["1", "营业收入", "亿元", "120", "60", "50", "经发局"][:len(header)]]
    assert table_projects(make_doc(rows).tables[0]) == []


@pytest.mark.parametrize("header", [
    ["序号", "项目", "总投资", "2025年投资计划"],
    ["编号", "重点项目名称", "投资总额（亿元）", "当年计划（亿元）"],
    ["项目名称", "建设规模", "计划完成投资（万元）"],
])
def test_project_headers_in_other_words(header):
    rows = [header, ["1", "滨河污水管网", "2.5", "1"][-len(header):]]
    (p,) = table_projects(make_doc(rows).tables[0])
    assert p.name == "滨河污水管网"


def test_numbered_section_rows_and_a_unit_column_named_otherwise():
    rows = [["序号", "项目", "项目单位", "总投资（亿元）", "年度计划投资（亿元）", "开工时间"],
            ["一", "新建项目（2个）", "", "", "", ""],
            ["1", "光伏组件厂", "青岚新能源公司", "3.5", "1.2", "2025年3月"],
            ["2", "冷链物流园", "青岚物流公司", "2", "0.8", "2025年6月"],
            ["二", "续建项目", "", "", "", ""],
            ["3", "标准厂房三期", "城投公司", "1.5", "0.5", "2024年"]]
    projects = table_projects(make_doc(rows).tables[0])
    assert [(p.name, p.stage, p.unit) for p in projects] == [
        ("光伏组件厂", "new", "青岚新能源公司"), ("冷链物流园", "new", "青岚物流公司"),
        ("标准厂房三期", "continued", "城投公司")]
    assert projects[0].total_investment == Amount(3.5, "亿元")


def test_a_breakdown_sentence_continues_the_total_of_the_sentence_before():
    text = ("今年计划实施重点项目45个，总投资120亿元，年度计划投资38亿元。其中，新开工项目20个、续建项目18个、"
            "前期项目7个。1-6月，累计完成投资21.5亿元。")
    by_name = {p.name: p for p in prose_projects(make_doc(text))}
    total = by_name["重点项目（合计）"]
    assert total.count == 45 and total.total_investment == Amount(120, "亿元")
    assert total.completed == Amount(21.5, "亿元")
    assert [(by_name[f"重点项目（{w}）"].stage, by_name[f"重点项目（{w}）"].count) for w in ("新开工", "续建", "前期")] == [
        ("new", 20), ("continued", 18), ("preliminary", 7)]


def test_amount_columns_without_a_unit_take_the_tables_unit():
    header = ["序号", "项目名称及建设内容", "建设年限", "总投资（万元）", "截至2024年底累计完成投资", "2025年计划投资"]
    rows = [header, ["1", "智能制造产业园：建设厂房8万平方米", "2023-2026", "60000", "21000", "15000"]]
    (p,) = table_projects(make_doc(rows).tables[0])
    assert p.name == "智能制造产业园"
    assert (p.total_investment, p.completed, p.annual_plan) == (
        Amount(60000, "万元"), Amount(21000, "万元"), Amount(15000, "万元"))


def test_a_caption_states_the_unit_of_the_whole_table():
    rows = [["序号", "项目名称", "总投资", "年度计划投资"], ["1", "园区供水管网", "2.4", "1.1"]]
    (p,) = extract_projects(make_doc("附件2\n石溪工业园区重点项目表\n（单位：亿元）", rows), DocumentInfo())
    assert p.total_investment == Amount(2.4, "亿元") and p.annual_plan == Amount(1.1, "亿元")
    (p,) = extract_projects(make_doc(rows), DocumentInfo())
    assert p.total_investment == Amount(2.4, None)


def test_a_plain_text_project_table_cut_by_its_section_lines():
    lines = ["青岚经开区2025年重点项目计划表", "单位：万元", "序号\t项目名称\t建设性质\t总投资\t年度计划投资",
             "一、产业项目", "1\t锂电材料\t新建\t50000\t20000", "2\t光伏组件\t续建\t30000\t8000",
             "二、基础设施项目", "3\t园区道路\t新建\t12000\t6000"]
    doc = make_doc(lines[0], lines[1], lines[2], lines[3], [c.split("\t") for c in lines[4:6]], lines[6], lines[7])
    assert [type(b).__name__ for b in doc.blocks].count("Table") == 1
    projects = extract_projects(doc, DocumentInfo())
    assert [(p.name, p.category, p.stage, p.total_investment) for p in projects] == [
        ("锂电材料", "industrial", "new", Amount(50000, "万元")),
        ("光伏组件", "industrial", "continued", Amount(30000, "万元")),
        ("园区道路", "infrastructure", "new", Amount(12000, "万元"))]


def test_a_stage_noted_after_the_project_name():
    rows = [["序号", "项目名称", "总投资（万元）"], ["1", "园区污水管网（续建）", "3000"], ["2", "电子元件厂（二期）", "5000"]]
    assert [(p.name, p.stage) for p in table_projects(make_doc(rows).tables[0])] == [
        ("园区污水管网（续建）", "continued"), ("电子元件厂（二期）", None)]
