"""The .docx reader on fictional documents built with python-docx at test time."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from parkgov.extract.document import Paragraph, Table
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import read_document
from parkgov.extract.readers.docx import format_number

CHINESE_LIST = (
    '<w:abstractNum {} w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
).format(nsdecls("w"))


def add_chinese_numbering(d) -> str:
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(CHINESE_LIST))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def numbered(d, text: str, num_id: str, level: int):
    p = d.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def fill(cell, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def plan_docx(path: Path) -> Path:
    """临川湾工业园's plan: numbering, breaks, tracked changes, a merged table with a nested table."""
    d = docx.Document()
    d.add_paragraph("临川湾工业园2025年工作要点")
    d.add_paragraph("临工管发〔2025〕7号")
    num = add_chinese_numbering(d)
    numbered(d, "主要目标", num, 0)
    numbered(d, "产业目标：技工贸总收入达到58亿元，增长9%。", num, 1)
    numbered(d, "项目目标：新开工项目12个。", num, 1)
    numbered(d, "重点任务", num, 0)
    numbered(d, "抓招商。", num, 1)
    numbered(d, "每月开展招商活动2次。", num, 2)
    numbered(d, "每季度评比一次。", num, 2)
    p = d.add_paragraph("中共临川湾工业园工作委员会")
    p.add_run().add_break()
    p.add_run("临川湾工业园管理委员会")
    # a tracked deletion and insertion: the deleted words are not text, the inserted ones are
    p = d.add_paragraph("全年完成工业投资")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>30亿元</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>32亿元</w:t></w:r></w:ins>'))
    p.add_run("。")

    rows = [
        ["临川湾工业园2025年重点任务责任表", "", "", "", ""],
        ["序号", "类别", "任务", "牵头领导", "责任单位"],
        ["1", "产业发展", "新引进项目12个", "韩  松", "招商局"],
        ["2", "", "新增规上企业6家", "韩  松\n魏  然", "经发局\n科技局"],
        ["3", "", "（见下表）", "魏  然", "建设局"],
        ["4", "营商环境", "完成“一网通办”改造", "", ""],
        ["5", "", "企业满意度达到95%以上", "韩  松", "政务中心"],
    ]
    t = d.add_table(rows=len(rows), cols=5)
    t.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, text in enumerate(r):
            if text:
                fill(t.cell(i, j), text)
    t.cell(0, 0).merge(t.cell(0, 4))            # the title row, one cell across the table
    t.cell(2, 1).merge(t.cell(4, 1))            # vertically merged categories
    t.cell(5, 1).merge(t.cell(6, 1))
    t.cell(5, 2).merge(t.cell(5, 4))            # a horizontally merged task cell
    inner = t.cell(4, 2).add_table(rows=2, cols=2)
    fill(inner.cell(0, 0), "子项目")
    fill(inner.cell(0, 1), "投资（万元）")
    fill(inner.cell(1, 0), "标准厂房")
    fill(inner.cell(1, 1), "8600")
    d.add_paragraph("附件：重点项目清单")
    one = d.add_table(rows=2, cols=1)             # a one-column framed note: read as paragraphs
    fill(one.cell(0, 0), "说明：")
    fill(one.cell(1, 0), "各单位每月25日前报送进展。")
    d.save(path)
    return path


@pytest.fixture()
def plan(tmp_path) -> Path:
    return plan_docx(tmp_path / "临川湾工业园工作要点.docx")


def test_paragraphs_in_order_with_numbering(plan):
    doc = read_document(plan)
    assert doc.format == "docx"
    texts = [p.text for p in doc.paragraphs]
    assert texts[:11] == [
        "临川湾工业园2025年工作要点",
        "临工管发〔2025〕7号",
        "一、主要目标",
        "（一）产业目标：技工贸总收入达到58亿元，增长9%。",
        "（二）项目目标：新开工项目12个。",
        "二、重点任务",
        "（一）抓招商。",
        "1.每月开展招商活动2次。",
        "2.每季度评比一次。",
        "中共临川湾工业园工作委员会",      # a line break splits a paragraph into lines
        "临川湾工业园管理委员会",
    ]
    assert texts[11] == "全年完成工业投资32亿元。"   # deleted text left out, inserted text kept


def test_table_with_title_merges_and_nested_table(plan):
    doc = read_document(plan)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph"] * 13 + ["Table", "Table", "Paragraph", "Paragraph", "Paragraph"]
    title = doc.blocks[12]
    assert title == Paragraph("临川湾工业园2025年重点任务责任表", title.offset)
    outer, nested = doc.blocks[13], doc.blocks[14]
    assert [r.cells for r in outer.rows] == [
        ("序号", "类别", "任务", "牵头领导", "责任单位"),
        ("1", "产业发展", "新引进项目12个", "韩  松", "招商局"),
        ("2", "", "新增规上企业6家", "韩  松\n魏  然", "经发局\n科技局"),
        ("3", "", "（见下表）", "魏  然", "建设局"),
        ("4", "营商环境", "完成“一网通办”改造", "", ""),
        ("5", "", "企业满意度达到95%以上", "韩  松", "政务中心"),
    ]
    # the nested table is its own block right after the outer one; the cell keeps its own text
    assert [r.cells for r in nested.rows] == [("子项目", "投资（万元）"), ("标准厂房", "8600")]
    assert outer.sheet is None and nested.offset > outer.rows[-1].offset
    assert [p.text for p in doc.paragraphs][-3:] == ["附件：重点项目清单", "说明：", "各单位每月25日前报送进展。"]


def test_linear_text_and_offsets(plan):
    doc = read_document(plan)
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            assert doc.text[b.offset:b.offset + len(b.text)] == b.text
        else:
            assert b.offset == b.rows[0].offset
            for r in b.rows:
                line = "\t".join(r.cells)
                assert doc.text[r.offset:r.offset + len(line)] == line
    # paragraphs are separated by a blank line, the lines of one paragraph (manual breaks) are not
    assert doc.text.startswith("临川湾工业园2025年工作要点\n\n临工管发〔2025〕7号\n\n一、主要目标\n\n")
    assert "\n\n中共临川湾工业园工作委员会\n临川湾工业园管理委员会\n\n" in doc.text
    # a table's rows are consecutive lines, the table is a block of its own
    assert "\n\n序号\t类别\t任务\t牵头领导\t责任单位\n1\t产业发展\t新引进项目12个\t韩  松\t招商局\n" in doc.text
    offsets = [b.offset for b in doc.blocks]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_vertical_merge_continuation_is_empty_even_if_it_holds_text(tmp_path):
    """Some writers leave text in the covered cells of a vertical merge: it is not shown, so not read."""
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate([("类别", "任务", "单位"), ("产业", "招商", "招商局"), ("产业", "培育", "经发局")]):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    for i in (1, 2):
        tc_pr = t.cell(i, 0)._tc.get_or_add_tcPr()
        vmerge = OxmlElement("w:vMerge")
        if i == 1:
            vmerge.set(qn("w:val"), "restart")
        tc_pr.append(vmerge)
    path = tmp_path / "merge.docx"
    d.save(path)
    rows = [r.cells for r in read_document(path).tables[0].rows]
    assert rows == [("类别", "任务", "单位"), ("产业", "招商", "招商局"), ("", "培育", "经发局")]


def test_grid_before_and_sdt_content(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for j, text in enumerate(("指标", "目标", "单位")):
        t.cell(0, j).text = text
    t.cell(1, 0).text = "营业收入"
    t.cell(1, 1).text = "58"
    t.cell(1, 2).text = "亿元"
    body = d.element.body
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    body.insert(0, sdt)
    path = tmp_path / "sdt.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.paragraphs[0].text == "内容控件中的段落"
    assert [r.cells for r in doc.tables[0].rows] == [("指标", "目标", "单位"), ("营业收入", "58", "亿元")]


def test_docx_without_text_is_an_error(tmp_path):
    path = tmp_path / "空白.docx"
    docx.Document().save(path)
    with pytest.raises(ExtractError) as err:
        read_document(path)
    assert str(err.value).startswith("空白.docx：") and "没有可读取的文字" in str(err.value)


@pytest.mark.parametrize("n,fmt,expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"),
    (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"), (2, "lowerLetter", "b"),
    (12, "decimal", "12"), (3, "chineseLegalSimplified", "叁"), (7, "ideographDigital", "七"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_a_big_docx_reads_faster_than_python_docx_walks_it(tmp_path):
    """Reading straight from the package XML: no slower than python-docx listing the same texts."""
    import time

    d = docx.Document()
    for i in range(3000):
        d.add_paragraph(f"第{i}段：全年实现技工贸总收入{i}亿元，同比增长{i % 20}%，新引进项目{i % 30}个。")
    t = d.add_table(rows=600, cols=5)
    for i, row in enumerate(t.rows):
        for j, cell in enumerate(row.cells):
            cell.text = f"{i}-{j}"
    path = tmp_path / "big.docx"
    d.save(path)
    start = time.process_time()
    walked = docx.Document(path)
    texts = [p.text for p in walked.paragraphs] + [c.text for r in walked.tables[0].rows for c in r.cells]
    floor = time.process_time() - start
    start = time.process_time()
    doc = read_document(path)
    ours = time.process_time() - start
    assert len(doc.paragraphs) == 3000 and len(doc.tables[0].rows) == 600 and len(texts) == 6000
    assert isinstance(doc.blocks[-1], Table)
    assert ours <= floor + 0.05, f"{ours:.2f} s against {floor:.2f} s for python-docx"
