"""The .txt reader: encodings, offsets, paragraphs, and the tables of the seeds."""
from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from reader_fixtures import GBK_PLAN
from seed_paths import SEEDS, seed

from parkgov.extract.document import Paragraph, Table
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import read_document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_offsets(doc) -> None:
    """Paragraphs are where they say they are; rows start at their first cell's text."""
    for p in doc.paragraphs:
        assert doc.text[p.offset:p.offset + len(p.text)] == p.text
    for t in doc.tables:
        assert t.offset == t.rows[0].offset
        for r in t.rows:
            first = next((c for c in r.cells if c), "")
            if r.cells[0]:
                assert doc.text.startswith(r.cells[0].split("\n")[0], r.offset)
            else:
                assert first == "" or first.split("\n")[0] in doc.text[r.offset:r.offset + 4000]
    offsets = [b.offset for b in doc.blocks]
    assert offsets == sorted(offsets)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_encodings_give_the_same_text(tmp_path, encoding):
    doc = read_document(write(tmp_path, f"plan_{encoding}.txt", GBK_PLAN.encode(encoding)))
    assert doc.format == "txt"
    assert doc.text == GBK_PLAN
    assert doc.paragraphs[0] == Paragraph("青禾经济开发区2025年工作计划", 0)
    assert [r.cells for r in doc.tables[0].rows][2] == ("2", "企业培育", "周  朗", "科工局、招商局")
    assert_offsets(doc)


def test_gbk_plan_is_detected_not_assumed(tmp_path):
    data = GBK_PLAN.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_document(write(tmp_path, "青禾计划.txt", data))
    assert "技工贸总收入86.5亿元" in doc.text
    assert doc.sha256 == __import__("hashlib").sha256(data).hexdigest()


@pytest.mark.parametrize("text", ["附件", "青禾园区", "青禾经济开发区管理委员会", "园区2025年工作要点\n"])
def test_short_gbk_texts(tmp_path, text):
    """Short GBK bytes also decode cleanly as Big5 or EUC-KR: GB18030 is preferred among equals."""
    assert read_document(write(tmp_path, "短.txt", text.encode("gbk"))).text == text


def test_gb18030_only_characters(tmp_path):
    text = GBK_PLAN.replace("林  岚", "林  㛃") + "\n备注：𠀾字为扩展区汉字。\n"
    doc = read_document(write(tmp_path, "gb18030.txt", text.encode("gb18030")))
    assert doc.text == text


def test_crlf_becomes_lf_before_offsets(tmp_path):
    doc = read_document(write(tmp_path, "crlf.txt", GBK_PLAN.replace("\n", "\r\n").encode("utf-8")))
    assert "\r" not in doc.text
    assert doc.text == GBK_PLAN
    assert_offsets(doc)


def test_bom_is_not_part_of_the_text(tmp_path):
    doc = read_document(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + "标题\n正文。\n".encode("utf-8")))
    assert doc.text == "标题\n正文。\n"
    assert doc.paragraphs == [Paragraph("标题", 0), Paragraph("正文。", 3)]


def test_export_artefacts_are_not_paragraph_text(tmp_path):
    text = "[bookmark: _GoBack]临川湾工业园2025年工作要点\n\n**中共临川湾工业园工作委员会**\n  正文第一段。  \n"
    doc = read_document(write(tmp_path, "a.txt", text.encode("utf-8")))
    assert [p.text for p in doc.paragraphs] == ["临川湾工业园2025年工作要点", "中共临川湾工业园工作委员会", "正文第一段。"]
    assert doc.text == text
    assert_offsets(doc)


def test_seed_000_annex_is_a_table():
    doc = read_document(seed("000"))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    rows = [r.cells for r in table.rows]
    assert rows[0] == ("序号", "目标任务", "工作措施", "责任领导", "责任部门")
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 8)]
    assert all(len(r) == 5 for r in rows)
    assert rows[7][1] == "提高党的建设科学化水平"
    assert rows[1][3:] == ("", "")
    # the text before the table is paragraphs, in order, and the annex title right before the table
    before = [b for b in doc.blocks if b.offset < table.offset]
    assert all(isinstance(b, Paragraph) for b in before)
    assert before[-1].text == "安化经开区 2025 年主要工作任务推进分解表"
    assert before[-2].text == "附件1"
    assert doc.blocks[-1] is table
    assert_offsets(doc)


def test_seed_004_is_one_table_with_header_once():
    doc = read_document(seed("004"))
    assert [p.text for p in doc.paragraphs] == ["附  件", "西洞庭管理区2025年经济工作会议工作任务责任分解表"]
    assert len(doc.tables) == 1
    rows = [r.cells for r in doc.tables[0].rows]
    assert rows[0] == ("序号", "类别", "项  目", "任 务 要 求", "牵  头\n区领导", "牵头部门")
    assert len(rows) == 57                                   # header once + 56 tasks
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 57)]
    assert all(len(r) == 6 for r in rows)
    by_seq = {r[0]: r for r in rows[1:]}
    assert by_seq["1"][1] == "年度\n目标\n任务"                 # a multi-line cell
    assert by_seq["2"][1] == ""                               # vertically merged: filled down later
    assert by_seq["18"][4] == "王  亮\n郑涵文\n覃  政"
    assert by_seq["20"][4] == "郑涵文\n覃  政"
    # a leader cell that ended in an empty paragraph: the blank line did not split the row
    assert by_seq["26"][4:] == ("郑涵文\n辛  勤", "教育（文旅广体）局\n农投公司\n西投公司")
    # the ten practical matters have their item merged across 项目 and 任务要求
    assert by_seq["47"] == ("47", "突出抓好十件实事", "完成新建地表水厂建设", "", "郑涵文", "西投公司")
    assert by_seq["53"] == ("53", "", "建设高标准农田3000亩", "", "郑涵文\n覃  政", "农业农村局\n自然资源局")
    assert_offsets(doc)


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_prose_seeds_have_no_tables(prefix):
    doc = read_document(seed(prefix))
    assert doc.tables == []
    assert len(doc.paragraphs) > 20
    assert_offsets(doc)


def test_every_seed_keeps_its_text_and_every_line_lands_in_a_block():
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert doc.text == raw
        covered = "".join(p.text for p in doc.paragraphs) + "".join(c for t in doc.tables for r in t.rows for c in r.cells)
        squashed = "".join(covered.replace("**", "").split())
        for line in raw.split("\n"):
            core = "".join(line.replace("[bookmark: _GoBack]", "").replace("**", "").split())
            assert core in squashed, (path.name, line)


def test_indented_paragraphs_are_not_a_table(tmp_path):
    text = "\t一、总体要求\n\t坚持项目为王，全力推进园区高质量发展。\n\n\t二、主要任务\n\t全年新引进项目20个以上，完成固定资产投资40亿元。\n"
    doc = read_document(write(tmp_path, "indented.txt", text.encode("utf-8")))
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs][1] == "坚持项目为王，全力推进园区高质量发展。"


def test_tab_indented_prose_reads_in_linear_time(tmp_path):
    line = "\t全年实现技工贸总收入86.5亿元，同比增长8.2%，新引进项目15个，其中亿元以上项目6个。\n"
    data = (line * (2 * 1024 * 1024 // len(line.encode("utf-8")))).encode("utf-8")
    start = time.process_time()
    doc = read_document(write(tmp_path, "indented_big.txt", data))
    assert doc.tables == [] and len(doc.paragraphs) > 10000
    assert time.process_time() - start < 5


def test_a_single_tab_line_is_not_a_table(tmp_path):
    doc = read_document(write(tmp_path, "one.txt", "联系人：\t许宁\n电话：12345678\n".encode("utf-8")))
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == ["联系人：\t许宁", "电话：12345678"]


def test_reading_is_fast(tmp_path):
    """Reading is a small part of the ≥1 MB/s extraction budget: ask for ≥2 MB/s of CPU time here
    (about 6 MB/s on an idle machine)."""
    block = (seed("000").read_text(encoding="utf-8") + "\n" + seed("004").read_text(encoding="utf-8") + "\n")
    data = (block * (4 * 1024 * 1024 // len(block.encode("utf-8")) + 1)).encode("utf-8")
    path = write(tmp_path, "big.txt", data)
    start = time.process_time()
    doc = read_document(path)
    elapsed = time.process_time() - start
    assert len(doc.tables) > 100
    assert len(data) / 1024 / 1024 / elapsed >= 2, f"{elapsed:.2f} s for {len(data) / 1e6:.1f} MB"


def test_reading_gbk_is_fast(tmp_path):
    data = (GBK_PLAN * (2 * 1024 * 1024 // len(GBK_PLAN.encode("gbk")) + 1)).encode("gbk")
    path = write(tmp_path, "big_gbk.txt", data)
    start = time.process_time()
    doc = read_document(path)
    elapsed = time.process_time() - start
    assert doc.text.startswith("青禾经济开发区")
    assert len(data) / 1024 / 1024 / elapsed >= 2, f"{elapsed:.2f} s for {len(data) / 1e6:.1f} MB"


def test_mixed_encodings_are_refused(tmp_path):
    data = GBK_PLAN.encode("gbk") + "补充说明：园区新增工业用地120亩。\n".encode("utf-8")
    with pytest.raises(ExtractError) as err:
        read_document(write(tmp_path, "混合编码.txt", data))
    msg = str(err.value)
    assert msg.startswith("混合编码.txt：") and "UTF-8" in msg and "另存为" in msg and "\n" not in msg


def test_mixed_encodings_utf8_first(tmp_path):
    data = GBK_PLAN.encode("utf-8") + "附：园区联系电话。\n".encode("gbk")
    with pytest.raises(ExtractError, match="混有 UTF-8 和 GBK"):
        read_document(write(tmp_path, "mixed2.txt", data))


def test_tables_and_paragraphs_are_blocks_in_order(tmp_path):
    doc = read_document(write(tmp_path, "p.txt", GBK_PLAN.encode("utf-8")))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[-1] == "Table" and kinds.count("Table") == 1
    assert isinstance(doc.blocks[-2], Paragraph) and doc.blocks[-2].text == "青禾经济开发区2025年重点工作责任表"
    assert isinstance(doc.blocks[-1], Table)
