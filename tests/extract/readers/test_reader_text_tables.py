"""The grammar of tables in plain text, on shapes other than the seeds' (fictional parks)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reader_fixtures import CELL_PER_LINE

from parkgov.extract.document import Paragraph, Table
from parkgov.extract.readers.text import split_blocks


def rows(block: Table) -> list[tuple[str, ...]]:
    return [r.cells for r in block.rows]


def tables(text: str) -> list[Table]:
    return [b for b in split_blocks(text) if isinstance(b, Table)]


def test_cell_per_line_fixture():
    blocks = split_blocks(CELL_PER_LINE)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [
        ("序号", "类别", "任务", "目标", "责任\n领导", "责任单位"),
        ("1", "经济\n指标", "园区营业收入", "增长10%以上", "程  远", "经发局"),
        ("2", "", "工业投资", "增长12%以上", "程  远\n许  宁", "经发局\n财政局"),
        ("3", "项目建设", "重大项目", "新开工项目8个，竣工投产5个", "许  宁", "招商局\n建设局"),
        ("4", "民生实事", "完成人才公寓建设", "", "程  远", "建设局"),
    ]
    assert blocks[2] == Paragraph("以上任务每月底前报送进展。", CELL_PER_LINE.index("以上任务"))


def test_cell_per_line_without_numbers_and_two_tables():
    text = (
        "石门湾园区2025年指标表\n"
        "\t指标\n\t目标\n\t责任单位\n\n"
        "\t营业收入\n\t80亿元\n\t经发局\n\n"
        "\t税收\n\t3.2亿元\n\t财政局\n\n"
        "\t指标\n\t目标\n\t责任单位\n\n"
        "\t新增规上企业\n\t6家\n\t科工局\n"
        "\n"
        "石门湾园区2025年项目表\n"
        "\t项目\n\t总投资\n\n"
        "\t标准厂房\n\t2.1亿元\n\n"
        "\t污水管网\n\t0.8亿元\n"
    )
    found = tables(text)
    assert len(found) == 2
    assert rows(found[0]) == [("指标", "目标", "责任单位"), ("营业收入", "80亿元", "经发局"),
                              ("税收", "3.2亿元", "财政局"), ("新增规上企业", "6家", "科工局")]
    assert rows(found[1]) == [("项目", "总投资"), ("标准厂房", "2.1亿元"), ("污水管网", "0.8亿元")]
    paras = [b.text for b in split_blocks(text) if isinstance(b, Paragraph)]
    assert paras == ["石门湾园区2025年指标表", "石门湾园区2025年项目表"]


def test_tab_separated_with_multiline_cell_page_break_and_repeated_header():
    text = (
        "附件2\n\n"
        "序号\t项目名称\t建设内容\t责任单位\n"
        "1\t标准厂房\t新建厂房6栋\t建设局\n"
        "2\t污水管网\t铺设管网12公里，\n同步建设泵站1座\t住建局\n"
        "\n"
        "序号\t项目名称\t建设内容\t责任单位\n"
        "3\t人才公寓\t建设公寓200套\n"
        "4\t智慧园区\t平台一期\t科工局\n"
        "\n"
        "注：以上项目均为2025年新开工。\n"
    )
    blocks = split_blocks(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert rows(blocks[1]) == [
        ("序号", "项目名称", "建设内容", "责任单位"),
        ("1", "标准厂房", "新建厂房6栋", "建设局"),
        ("2", "污水管网", "铺设管网12公里，\n同步建设泵站1座", "住建局"),
        ("3", "人才公寓", "建设公寓200套", ""),
        ("4", "智慧园区", "平台一期", "科工局"),
    ]
    assert blocks[2].text == "注：以上项目均为2025年新开工。"


def test_row_offsets_point_at_the_first_cell():
    text = "标题\n\t序号\n\t名称\n\n\t1\n\t甲\n\n\t2\n\t乙\n"
    table = tables(text)[0]
    for row in table.rows:
        assert text.startswith(row.cells[0].split("\n")[0], row.offset)
    assert table.offset == text.index("序号")


def test_short_rows_are_widened_where_the_words_fit():
    """Row 3 has its item merged across two columns: its units stay under their headers."""
    text = (
        "\t序号\n\t类别\n\t项目\n\t要求\n\t牵头领导\n\t牵头单位\n\n"
        "\t1\n\t产业\n\t招商引资\n\t全年引进项目10个以上，其中亿元项目3个。\n\t甘  霖\n\t招商局\n\n"
        "\t2\n\t\n\t企业培育\n\t新增规上企业5家，高新技术企业3家以上。\n\t甘  霖\n\t科技局\n\n"
        "\t3\n\t实事\n\t建成园区消防站\n\t甘  霖\n\t应急局\n\n"
    )
    assert rows(tables(text)[0])[3] == ("3", "实事", "建成园区消防站", "", "甘  霖", "应急局")


def test_indented_paragraphs_after_a_table_are_not_rows():
    text = (
        "\t指标\n\t目标\n\t单位\n\n\t营业收入\n\t80\n\t亿元\n\n\t税收\n\t3.2\n\t亿元\n\n"
        "\t以上指标由经发局负责统计，每月通报一次。\n\n\t各单位要按月报送完成情况。\n\n\t请认真贯彻执行。\n"
    )
    blocks = split_blocks(text)
    assert [type(b).__name__ for b in blocks] == ["Table", "Paragraph", "Paragraph", "Paragraph"]
    assert rows(blocks[0]) == [("指标", "目标", "单位"), ("营业收入", "80", "亿元"), ("税收", "3.2", "亿元")]
    assert blocks[1].text == "以上指标由经发局负责统计，每月通报一次。"


def test_lines_with_a_leading_tab_in_prose_are_paragraphs():
    text = "\t各单位要高度重视，认真组织实施。\n\t请于每月25日前报送进展情况。\n"
    assert tables(text) == []


LINE = st.sampled_from(["", "\t", "\t1", "\t2", "\t序号", "\t名称", "甲\t乙", "甲\t乙\t", "序号\t名称\t单位",
                        "正文一段。", "  ", "续行", "**标题**", "[bookmark: x]题", "\t王  亮", "1\t2\t3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=40))
def test_any_text_splits_into_consistent_blocks(lines):
    text = "\n".join(lines)
    blocks = split_blocks(text)
    offsets = [b.offset for b in blocks]
    assert offsets == sorted(offsets)
    for b in blocks:
        if isinstance(b, Paragraph):
            assert b.text and text[b.offset:b.offset + len(b.text)] == b.text
        else:
            assert b.rows and b.offset == b.rows[0].offset
            widths = {len(r.cells) for r in b.rows}
            assert min(widths) >= 1
            for r in b.rows:
                assert 0 <= r.offset <= len(text)
