"""Arithmetic checks on fictional texts: one version that adds up, one that does not."""
from __future__ import annotations

import pytest

from seed_paths import seed
from parkgov.extract.checks import find_checks
from parkgov.extract.document import Document, Paragraph
from parkgov.extract.facts import DocumentInfo
from parkgov.extract.indicators import extract_indicators
from parkgov.extract.metadata import extract_metadata
from parkgov.extract.readers import read_document


def _checks(text: str, genre: str = "summary"):
    blocks, pos = [], 0
    for line in text.split("\n"):
        blocks.append(Paragraph(line, pos))
        pos += len(line) + 1
    doc = Document("fiction.txt", "txt", "0" * 64, text, blocks)
    return find_checks(doc, extract_indicators(doc, DocumentInfo(genre=genre)))


RATE = "上半年共受理企业诉求{total}件，其中已办结{done}件，其余{rest}件正在办理，办结率{rate}%。"


def test_rate_that_adds_up_is_not_reported():
    assert _checks(RATE.format(total=240, done=228, rest=12, rate=95)) == []
    assert _checks(RATE.format(total=41, done=35, rest=6, rate=85.4)) == []


def test_rate_that_does_not_add_up_is_reported():
    [check] = _checks(RATE.format(total=240, done=228, rest=12, rate=97))
    assert check.kind == "rate_mismatch"
    assert (check.stated, check.computed) == (97, 95.0)
    assert "95%" in check.message and "办结率" in check.message
    assert check.quote.startswith("240件") and check.quote.endswith("97%")


def test_a_rate_cut_instead_of_rounded_is_reported():
    [check] = _checks("排查隐患160项，已整改完成158项，整改完成率98.7%。")
    assert (check.stated, check.computed) == (98.7, 98.75)
    assert "98.8%" in check.message


def test_rate_across_a_full_stop_continued_by_qizhong():
    assert _checks("督办问题50项。其中46项已整改完成，整改完成率92%。") == []
    assert len(_checks("督办问题50项。其中46项已整改完成，整改完成率90%。")) == 1


SHARE = "年度计划投资12.5亿元，1-9月累计完成投资9.8亿元，完成年度投资计划的{rate}%。"


@pytest.mark.parametrize("rate, reported", [(78.4, False), (87.4, True)])
def test_share_of_the_annual_plan(rate, reported):
    checks = _checks(SHARE.format(rate=rate))
    assert bool(checks) is reported
    if reported:
        assert (checks[0].stated, checks[0].computed) == (87.4, 78.4)


def test_share_written_after_the_plan_amount():
    assert _checks("完成投资58.7亿元，占年度计划投资65亿元的90.3%。") == []
    assert len(_checks("完成投资58.7亿元，占年度计划投资65亿元的93.0%。")) == 1


TOTAL = ("全年安排重点项目{total}个，其中工业项目{a}个（新建项目{a1}个、续建项目{a2}个），"
         "基础设施项目{b}个（新建项目{b1}个、续建项目{b2}个、前期项目{b3}个）。")


def test_totals_that_add_up_are_not_reported():
    assert _checks(TOTAL.format(total=30, a=18, a1=11, a2=7, b=12, b1=4, b2=6, b3=2), "plan") == []


def test_a_total_that_does_not_add_up_is_reported():
    checks = _checks(TOTAL.format(total=30, a=18, a1=11, a2=7, b=12, b1=4, b2=6, b3=3), "plan")
    assert [(c.kind, c.stated, c.computed) for c in checks] == [("sum_mismatch", 12, 13)]
    assert "13" in checks[0].message and checks[0].quote.startswith("12个")


def test_overall_total_against_its_kinds():
    checks = _checks(TOTAL.format(total=31, a=18, a1=11, a2=7, b=12, b1=4, b2=6, b3=2), "plan")
    assert [(c.stated, c.computed) for c in checks] == [(31, 30)]


def test_overlapping_categories_are_not_summed():
    text = "园区共有企业150家，其中规模以上工业企业40家，高新技术企业25家，专精特新企业9家。"
    assert _checks(text) == []


def test_seed_reports_only_the_rate_that_is_cut():
    doc = read_document(seed("001"))
    checks = find_checks(doc, extract_indicators(doc, extract_metadata(doc)))
    assert [(c.kind, c.stated, c.computed) for c in checks] == [("rate_mismatch", 98.7, 98.76)]
    for s in ("000", "002", "003", "004"):
        doc = read_document(seed(s))
        assert find_checks(doc, extract_indicators(doc, extract_metadata(doc))) == []


def test_no_figures_no_checks():
    assert _checks("") == []
    assert _checks("加强组织领导，压实工作责任。") == []


def test_a_rate_wrapped_over_two_lines_is_checked():
    text = "上半年共受理企业诉求240件，其中已办结228件，其余12件正在办理，办结\n率97%。"
    [check] = _checks(text)
    assert (check.stated, check.computed) == (97, 95.0)


def _table(text: str) -> Document:
    from parkgov.extract.document import Row, Table

    rows, pos = [], 0
    for line in text.split("\n"):
        rows.append(Row(tuple(line.split("\t")), pos))
        pos += len(line) + 1
    return Document("t.xlsx", "xlsx", "0" * 64, text, [Table(tuple(rows), 0)])


PROGRESS = ("序号\t指标名称\t单位\t年度目标\t1-5月完成\t同比增长（%）\t完成进度（%）\n"
            "1\t工业投资\t亿元\t30\t12.6\t8.2\t{a}\n2\t税收收入\t万元\t52000\t21800\t-3.1\t{b}")


def test_progress_table_that_adds_up_is_not_reported():
    doc = _table(PROGRESS.format(a=42, b=41.9))
    assert find_checks(doc, extract_indicators(doc, DocumentInfo(genre="summary"))) == []


def test_progress_table_with_a_wrong_rate_is_reported():
    doc = _table(PROGRESS.format(a=42, b=45.2))
    [check] = find_checks(doc, extract_indicators(doc, DocumentInfo(genre="summary")))
    assert (check.kind, check.stated, check.computed) == ("rate_mismatch", 45.2, 41.92)
    assert "税收收入" in check.message and check.offset == doc.text.index("\n2\t") + 1
