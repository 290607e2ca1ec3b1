"""Grids: the readers' tables, with stray tab lines of a plain-text table put back."""
from __future__ import annotations

from document_builder import make_doc

from parkgov.extract.grids import grids


def test_tab_lines_and_section_lines_join_the_table_between_them():
    doc = make_doc("标题", "序号\t任务\t单位", "一、招商", [["1", "引进项目", "招商局"]], "二、服务", "2\t帮代办\t政务中心",
                 "这是一段说明文字。")
    (grid,) = grids(doc)
    assert [r.cells for r in grid.rows] == [("序号", "任务", "单位"), ("一、招商", "", ""), ("1", "引进项目", "招商局"),
                                            ("二、服务", "", ""), ("2", "帮代办", "政务中心")]
    assert all(doc.text[r.offset:].startswith(r.cells[0]) for r in grid.rows)


def test_tables_alone_stay_as_the_reader_made_them():
    doc = make_doc([["序号", "任务"], ["1", "甲"]], "附件2", [["序号", "项目名称"], ["1", "乙"]], [])
    assert grids(doc) == doc.tables


def test_a_sentence_between_tab_lines_ends_the_grid():
    doc = make_doc("序号\t任务", "1\t甲", "以上任务请各单位认真落实。", "2\t乙", "3\t丙")
    assert [len(g.rows) for g in grids(doc)] == [2, 2]
