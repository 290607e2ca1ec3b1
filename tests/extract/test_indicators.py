"""Indicators on fictional parks' phrasing, on table rows, and on the seeds against the gold."""
from __future__ import annotations

import json
import sys
import time

import pytest

from seed_paths import GOLD, SEEDS
from parkgov.extract.document import Document, Paragraph, Row, Table
from parkgov.extract.facts import DocumentInfo
from parkgov.extract.indicators import extract_indicators, indicators_in_text
from parkgov.extract.readers import read_document

SUMMARY = """青峰高新区2024年工作总结

一、2024年工作成效
1-11月，全区完成规模以上工业总产值286.4亿元，同比增长7.6%；规模以上工业增加值同比增长8.1%；实现财政总收入12.35亿元，比上年同期下降2.3%。
全年共实施重点项目46个，其中新开工项目18个、续建5个，完成投资58.7亿元，占年度计划投资65亿元的90.3%。
新认定国家高新技术企业17家，总数达到93家。帮助企业招工3千余人，发放稳岗补贴一千二百万元，申请发明专利两百余件。
园区350亩储备用地征收工作全部完成，引进宁远电子等4家企业入驻。
二、2025年工作打算
力争地区生产总值增长6%左右，固定资产投资年均增长10%，达到80亿元；实际利用外资不低于2000万美元。
印发文号：青高新发〔2025〕3号，2025年1月8日。构建“1+3+N”产业体系，打造“两区一城”，建设110KV变电站和G207国道，实施“十四五”规划，位列全省第3名。
"""


def _doc(text: str) -> Document:
    blocks, pos = [], 0
    for line in text.split("\n"):
        blocks.append(Paragraph(line, pos))
        pos += len(line) + 1
    return Document("fiction.txt", "txt", "0" * 64, text, blocks)


@pytest.fixture(scope="module")
def summary():
    return extract_indicators(_doc(SUMMARY), DocumentInfo(genre="summary"))


def _find(facts, value, unit):
    found = [f for f in facts if f.value == value and f.unit == unit]
    assert found, f"no indicator {value} {unit}"
    return found[0]


@pytest.mark.parametrize("value, unit, name, yoy, comparator", [
    (286.4, "亿元", "规模以上工业总产值", 7.6, None),
    (12.35, "亿元", "财政总收入", -2.3, None),
    (46, "个", "实施重点项目", None, None),
    (18, "个", "新开工项目", None, None),
    (5, "个", "续建项目", None, None),
    (65, "亿元", "占年度计划投资", None, None),
    (93, "家", "国家高新技术企业总数", None, None),
    (3000, "人", "帮助企业招工", None, ">="),
    (1200, "万元", "发放稳岗补贴", None, None),
    (200, "件", "申请发明专利", None, ">="),
    (350, "亩", "园区储备用地征收", None, None),
    (4, "家", "企业入驻", None, None),
    (80, "亿元", "固定资产投资", 10, None),
    (2000, "万美元", "实际利用外资", None, ">="),
])
def test_named_quantities_in_a_summary(summary, value, unit, name, yoy, comparator):
    f = _find(summary, value, unit)
    assert (f.name, f.yoy_pct, f.comparator) == (name, yoy, comparator)


def test_growth_alone_is_an_indicator(summary):
    growths = {f.name: (f.yoy_pct, f.comparator) for f in summary if f.value is None}
    assert growths == {"规模以上工业增加值": (8.1, None), "地区生产总值": (6.0, "≈")}


def test_share_of_plan_is_named_after_the_plan(summary):
    assert _find(summary, 90.3, "%").name == "占年度计划投资比例"


def test_kind_and_period_follow_the_section_and_the_wording(summary):
    assert _find(summary, 286.4, "亿元").period == "1-11月"
    assert _find(summary, 286.4, "亿元").kind == "actual"
    assert _find(summary, 80, "亿元").kind == "target"
    assert _find(summary, 2000, "万美元").kind == "target"


def test_dates_numbers_in_names_and_ordinals_are_not_indicators(summary):
    last_line = SUMMARY.rindex("印发文号")
    assert [f for f in summary if f.offset >= last_line] == []


def test_quotes_point_into_the_text(summary):
    for f in summary:
        assert SUMMARY[f.offset:f.offset + len(f.quote)] == f.quote


def test_plan_genre_makes_targets():
    facts = extract_indicators(_doc("全年新建标准厂房8万平方米，新增规上企业6家以上。"),
                               DocumentInfo(genre="plan"))
    assert [(f.name, f.value, f.unit, f.comparator, f.kind) for f in facts] == [
        ("新建标准厂房", 8, "万平方米", None, "target"), ("新增规上企业", 6, "家", ">=", "target")]


def test_qualifier_figure_belongs_to_the_name():
    facts = indicators_in_text("力争引进项目20个，其中过5亿元项目3个以上。")
    assert [(f.name, f.value, f.unit) for f in facts] == [("引进项目", 20, "个"), ("过5亿元项目", 3, "个")]


def test_subject_names_a_bare_requirement():
    facts = indicators_in_text("同比增长7%以上", offset=100, subject="税收收入")
    assert [(f.name, f.value, f.yoy_pct, f.comparator, f.offset) for f in facts] == [
        ("税收收入", None, 7.0, ">=", 100)]
    assert indicators_in_text("同比增长7%以上") == []


def test_table_row_takes_its_name_from_the_item_cell():
    text = "序号\t项目\t任务要求\t牵头部门\n1\t出口总额\t增长8%以上\t商务局\n2\t城镇登记失业率\t控制在4%以内\t人社局"
    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append(Row(tuple(line.split("\t")), pos))
        pos += len(line) + 1
    doc = Document("t.docx", "docx", "0" * 64, text, [Table(tuple(rows), 0)])
    facts = extract_indicators(doc, DocumentInfo(genre="task_table"))
    assert [(f.name, f.value, f.unit, f.yoy_pct, f.comparator, f.kind) for f in facts] == [
        ("出口总额", None, None, 8.0, ">=", "target"),
        ("城镇登记失业率", 4.0, "%", None, "<=", "target")]
    assert text[facts[0].offset:facts[0].offset + len(facts[0].quote)] == facts[0].quote


def test_indicator_table_with_header_columns():
    text = ("指标名称\t单位\t2025年目标\t1-5月完成\t同比增长(%)\n"
            "规模工业总产值\t亿元\t150\t61.2\t9.4\n税收收入（万元）\t\t52000\t21800\t-3.1")
    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append(Row(tuple(line.split("\t")), pos))
        pos += len(line) + 1
    doc = Document("t.xlsx", "xlsx", "0" * 64, text, [Table(tuple(rows), 0)])
    facts = extract_indicators(doc, DocumentInfo(genre="summary"))
    assert [(f.name, f.value, f.unit, f.yoy_pct, f.kind, f.period) for f in facts] == [
        ("规模工业总产值", 150, "亿元", None, "target", "2025年"),
        ("规模工业总产值", 61.2, "亿元", 9.4, "actual", "1-5月"),
        ("税收收入", 52000, "万元", None, "target", "2025年"),
        ("税收收入", 21800, "万元", -3.1, "actual", "1-5月")]


def test_label_line_names_a_growth_on_the_next_line():
    facts = extract_indicators(_doc("工业投资\n增长12%以上\n"), DocumentInfo(genre="task_table"))
    assert [(f.name, f.yoy_pct) for f in facts] == [("工业投资", 12.0)]


def test_bad_input_never_raises():
    assert indicators_in_text("") == []
    assert indicators_in_text(None) == []  # type: ignore[arg-type]
    assert extract_indicators(_doc(""), DocumentInfo()) == []


def _scorer():
    sys.path.insert(0, str(GOLD.parents[1] / "tools"))
    import score_extract
    return score_extract


@pytest.mark.skipif(not GOLD.is_dir(), reason="no gold annotations on this machine")
def test_seeds_against_the_gold():
    from parkgov.extract.metadata import extract_metadata

    scorer = _scorer()
    gold_n = pred_n = matched = yoy_n = yoy_ok = 0
    for gf in sorted(GOLD.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        doc = read_document(SEEDS / gold["file"])
        started = time.process_time()
        pred = [f.__dict__ for f in extract_indicators(doc, extract_metadata(doc))]
        assert time.process_time() - started < 0.5
        pairs, _ = scorer.match_indicators(gold["indicators"], pred)
        gold_n += len(gold["indicators"])
        pred_n += len(pred)
        matched += sum(1 for _, p in pairs if p is not None)
        for g, p in pairs:
            if p is not None and g.get("value") is not None and g.get("yoy_pct") is not None:
                yoy_n += 1
                yoy_ok += scorer.same_num(g["yoy_pct"], p.get("yoy_pct"))
    precision, recall = matched / pred_n, matched / gold_n
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert yoy_ok >= 0.98 * yoy_n


def test_throughput_is_over_a_megabyte_a_second():
    text = "\n".join(read_document(p).text for p in sorted(SEEDS.glob("*.txt"))) * 4
    doc = _doc(text)
    best = min(_timed(doc) for _ in range(3))
    assert len(text.encode("utf-8")) / best >= 1_000_000


def _timed(doc: Document) -> float:
    started = time.process_time()
    extract_indicators(doc, DocumentInfo(genre="summary"))
    return time.process_time() - started


def test_a_count_whose_unit_was_left_out():
    facts = indicators_in_text("全年发放政策宣传单1500；编制于2024，详见附件2。", kind="actual")
    assert [(f.name, f.value, f.unit) for f in facts] == [("发放政策宣传单", 1500, None)]


def test_fraction_across_a_line_break_takes_the_unfinished_clause():
    facts = indicators_in_text("其中电子信息产业产值在全区工业中的占比尚不足\n\n四分之一，", kind="actual")
    assert [(f.name, f.value, f.unit) for f in facts] == [("电子信息产业产值在全区工业中的占比", 0.25, None)]


def _table_doc(text: str, name: str = "t.xlsx") -> Document:
    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append(Row(tuple(line.split("\t")), pos))
        pos += len(line) + 1
    return Document(name, "xlsx", "0" * 64, text, [Table(tuple(rows), 0)])


def test_a_project_table_is_not_an_indicator_table():
    text = ("序号\t项目名称\t总投资（万元）\t年度计划投资（万元）\t计划开工\n"
            "1\t北区标准厂房三期\t32000\t12000\t2025.03\n2\t滨河路提质改造\t8600\t5000\t2025.06")
    facts = extract_indicators(_table_doc(text), DocumentInfo(genre="project_table"))
    assert facts == []


def test_growth_against_last_year_and_kind_by_clause():
    text = "上半年完成税收收入3.6亿元，较去年同期增长11.7%；园区今年共安排重点项目22个，上半年新开工项目5个。"
    facts = extract_indicators(_doc(text), DocumentInfo(genre="summary"))
    assert [(f.name, f.value, f.yoy_pct, f.kind) for f in facts] == [
        ("税收收入", 3.6, 11.7, "actual"), ("重点项目", 22, None, "target"), ("新开工项目", 5, None, "actual")]


def test_lines_wrapped_at_page_width_are_read_as_one_sentence():
    text = ("上半年，园区实现外贸进出口总额4.2亿元，同比增长\n"
            "26.5%；新建标准厂房3.6万平方米，亩均税收达到28\n"
            "万元/亩。\n二、下一步工作\n新增就业岗位800个。")
    facts = extract_indicators(_doc(text), DocumentInfo(genre="summary"))
    assert [(f.name, f.value, f.unit, f.yoy_pct) for f in facts] == [
        ("外贸进出口总额", 4.2, "亿元", 26.5), ("新建标准厂房", 3.6, "万平方米", None),
        ("亩均税收", 28, "万元/亩", None), ("新增就业岗位", 800, "个", None)]
    assert facts[0].quote == "园区实现外贸进出口总额4.2亿元，同比增长\n26.5%"
    assert text[facts[0].offset:facts[0].offset + len(facts[0].quote)] == facts[0].quote
    assert facts[-1].kind == "target"


def test_an_unnamed_figure_repeats_the_name_before_it():
    facts = indicators_in_text("确保全年新增规上企业5家以上，力争10家。亩均税收由8万元提高到12万元。")
    assert [(f.name, f.value, f.unit) for f in facts] == [
        ("新增规上企业", 5, "家"), ("新增规上企业", 10, "家"), ("亩均税收", 8, "万元"), ("亩均税收", 12, "万元")]


def test_codes_hotlines_and_ordinals_are_not_figures():
    facts = indicators_in_text("每月5日前报送，3个工作日内办结，全县第3位，电话：0739-5212345，开通12345热线。")
    assert facts == []


def test_progress_table_with_a_rate_column():
    text = ("序号\t指标\t单位\t年度目标\t1-5月完成\t完成率\n"
            "1\t1.工业投资\t亿元\t30\t12.6\t42%")
    facts = extract_indicators(_table_doc(text), DocumentInfo(genre="summary"))
    assert [(f.name, f.value, f.unit, f.kind) for f in facts] == [
        ("工业投资", 30, "亿元", "target"), ("工业投资", 12.6, "亿元", "actual"), ("工业投资", 42, "%", "actual")]


def test_a_bare_count_after_a_comma_is_named_by_the_clause_before():
    facts = indicators_in_text("省级以上研发平台数量偏少，仅有6家，高层次人才短缺。", kind="actual")
    assert [(f.name, f.value, f.unit) for f in facts] == [("省级以上研发平台", 6, "家")]


def test_kind_and_comparator_carry_through_a_sentence():
    text = "全年预计实现营业收入突破60亿元，利润3亿元，新增就业500人。进入全省前20名，引进内资年均增速不低于12%，达到30亿元。"
    facts = extract_indicators(_doc(text), DocumentInfo(genre="summary"))
    assert [(f.name, f.value, f.kind, f.comparator) for f in facts] == [
        ("营业收入", 60, "target", ">="), ("利润", 3, "target", None), ("新增就业", 500, "target", None),
        ("进入全省", 20, "actual", "<="), ("引进内资", 30, "actual", ">=")]


def test_growth_after_a_share_belongs_to_the_amount_and_notes_stay_in_names():
    text = "完成固定资产投资15.6亿元，占年度目标的52%，同比增长8.9%。进出口总额（美元口径）3.2亿美元，百余家企业参展。"
    facts = indicators_in_text(text, kind="actual")
    assert [(f.name, f.value, f.unit, f.yoy_pct) for f in facts] == [
        ("固定资产投资", 15.6, "亿元", 8.9), ("固定资产投资年度目标完成率", 52, "%", None),
        ("进出口总额（美元口径）", 3.2, "亿美元", None), ("企业参展", 100, "家", None)]


@pytest.mark.parametrize("text, expected", [
    ("营业收入、税收分别增长10%、8%。", [("营业收入", None, None, 10.0), ("税收", None, None, 8.0)]),
    ("规上工业总产值和工业投资分别达到120亿元、35亿元，同比分别增长9%和12%。",
     [("规上工业总产值", 120, "亿元", 9.0), ("工业投资", 35, "亿元", 12.0)]),
    ("新建、续建项目分别为12个和8个。", [("新建项目", 12, "个", None), ("续建项目", 8, "个", None)]),
    ("工业、服务业用电量分别下降3%、2%。", [("工业电量", None, None, -3.0), ("服务业用电量", None, None, -2.0)]),
])
def test_names_and_figures_listed_with_fenbie_are_paired(text, expected):
    facts = indicators_in_text(text, kind="actual")
    assert [(f.name, f.value, f.unit, f.yoy_pct) for f in facts] == expected


def test_items_referred_back_to_are_not_figures():
    assert indicators_in_text("抓好以上3项工作，落实上述5条措施，这2个问题要重点解决。") == []


def test_a_ladder_of_thresholds_keeps_its_subject():
    facts = indicators_in_text("培育亩均税收超20万元企业3家、超10万元企业8家。")
    assert [(f.name, f.value) for f in facts] == [("培育亩均税收超20万元企业", 3), ("培育亩均税收超10万元企业", 8)]


def test_listed_siblings_share_the_first_ones_verb():
    facts = indicators_in_text("力争新增规上工业企业8家以上、专精特新企业4家以上、科技型中小企业6家以上。")
    assert [f.name for f in facts] == ["新增规上工业企业", "新增专精特新企业", "新增科技型中小企业"]


def test_a_sentence_split_by_a_blank_line_is_joined():
    text = "（二）项目目标：全年实施项目28个，其中产业\n\n项目17个（新建9个、续建8个），全口径税\n\n收收入年均增长9%以上。\n\n二、主要任务\n\n新增标准厂房5万平方米。"
    facts = extract_indicators(_doc(text), DocumentInfo(genre="plan"))
    assert [(f.name, f.value, f.yoy_pct) for f in facts] == [
        ("实施项目", 28, None), ("产业项目", 17, None), ("新建项目", 9, None), ("续建项目", 8, None),
        ("全口径税收收入", None, 9.0), ("新增标准厂房", 5, None)]
    for f in facts:
        assert text[f.offset:f.offset + len(f.quote)] == f.quote


def test_columns_headed_by_an_earlier_year_hold_results():
    text = "指标名称\t单位\t2024年\t2025年\t增速（%）\n营业收入\t亿元\t88.5\t100\t13"
    facts = extract_indicators(_table_doc(text), DocumentInfo(genre="plan", year=2025))
    assert [(f.value, f.kind, f.yoy_pct) for f in facts] == [(88.5, "actual", None), (100, "target", 13)]


def test_a_count_in_chinese_numerals_ending_its_clause():
    facts = indicators_in_text("今年新认定瞪羚企业四家，赴外地对接客商七次、举办路演两场。", kind="actual")
    assert [(f.name, f.value, f.unit) for f in facts] == [
        ("新认定瞪羚企业", 4, "家"), ("赴外地对接客商", 7, "次"), ("举办路演", 2, "场")]


def test_one_numeral_before_a_noun_or_as_a_frequency_or_a_phase_is_no_count():
    text = "引进两家企业，每季度通报一次，建设标准厂房三期。\n三期"
    assert indicators_in_text(text) == []


def test_a_name_is_not_cut_inside_a_run_of_verbs():
    facts = indicators_in_text("园区营业收入累计完成46.3亿元；非税收入力争达到0.75亿元。")
    assert [(f.name, f.value) for f in facts] == [("园区营业收入", 46.3), ("非税收入", 0.75)]
