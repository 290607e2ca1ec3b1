"""The GB/T 9704 writer: page, margins, fonts for East Asian text, headings, footers, tables."""
from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from parkgov.reports.gbt9704 import OfficialDocument, chinese_ordinal, column_widths, date_text


@pytest.fixture(scope="module")
def written():
    out = OfficialDocument()
    out.red_head("青禾高新技术产业开发区管理委员会", "青高新管〔2025〕12号")
    out.title("关于2025年6月重点工作调度情况的通报")
    out.addressees("各部门、各单位")
    out.paragraph("现将调度情况通报如下。")
    out.h1("主要经济指标完成情况")
    out.h2("经济指标完成情况", "完成规模工业总产值31.38亿元。")
    out.h3("工业投资")
    out.h2("重点项目")
    out.table(["序号", "指标", "累计完成"], [["1", "规模工业总产值", "31.38"], ["2", "税收", "1.12"]],
              center_columns=(0, 2))
    out.sign_off("青禾高新技术产业开发区管理委员会", date(2025, 7, 5))
    return Document(BytesIO(out.to_bytes()))


def _para(doc, text):
    return next(p for p in doc.paragraphs if p.text == text)


def _fonts(run):
    el = run._element.rPr.find(qn("w:rFonts"))
    return el.get(qn("w:eastAsia")), el.get(qn("w:ascii"))


def test_page_is_a4_with_the_standard_margins(written):
    s = written.sections[0]
    def mm(length):
        return round(length / Mm(1), 1)

    assert (mm(s.page_width), mm(s.page_height)) == (210, 297)
    assert (mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)) == (37, 35, 28, 26)
    assert round((s.page_width - s.left_margin - s.right_margin) / Mm(1)) == 156
    assert round((s.page_height - s.top_margin - s.bottom_margin) / Mm(1)) == 225


def test_title_body_and_headings_use_the_official_fonts(written):
    title = _para(written, "关于2025年6月重点工作调度情况的通报")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _fonts(title.runs[0]) == ("方正小标宋简体", "方正小标宋简体")
    assert title.runs[0].font.size == Pt(22)
    body = _para(written, "现将调度情况通报如下。")
    assert _fonts(body.runs[0])[0] == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert 28 <= body.paragraph_format.line_spacing.pt <= 29
    h1 = _para(written, "一、主要经济指标完成情况")
    assert _fonts(h1.runs[0])[0] == "黑体"
    h2 = _para(written, "（一）经济指标完成情况。完成规模工业总产值31.38亿元。")
    assert _fonts(h2.runs[0])[0] == "楷体_GB2312" and _fonts(h2.runs[1])[0] == "仿宋_GB2312"
    h3 = _para(written, "1.工业投资")
    assert _fonts(h3.runs[0])[0] == "仿宋_GB2312" and h3.runs[0].font.bold
    assert _para(written, "（二）重点项目").runs[0].font.size == Pt(16)


def test_document_number_is_centred_under_the_issuer(written):
    texts = [p.text for p in written.paragraphs]
    issuer, number = texts.index("青禾高新技术产业开发区管理委员会"), texts.index("青高新管〔2025〕12号")
    assert issuer < number < texts.index("关于2025年6月重点工作调度情况的通报")
    assert written.paragraphs[number].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_sign_off_and_date_are_right_aligned(written):
    date_para = _para(written, "2025年7月5日")
    issuer = [p for p in written.paragraphs if p.text == "青禾高新技术产业开发区管理委员会"][-1]
    assert date_para.alignment == issuer.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_page_numbers_at_the_outside_corners(written):
    assert written.settings.odd_and_even_pages_header_footer
    s = written.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for p in (odd, even):
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert " PAGE " in p._p.xml
        assert all(r.font.size == Pt(14) for r in p.runs if r.text.strip())
        assert _fonts(p.runs[0])[0] == "宋体"


def test_table_header_is_shaded_repeated_and_smaller(written):
    table = written.tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert header.cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    run = table.rows[1].cells[1].paragraphs[0].runs[0]
    assert run.text == "规模工业总产值" and _fonts(run)[0] == "仿宋_GB2312" and run.font.size < Pt(16)
    assert sum(c.width for c in table.columns) == pytest.approx(Mm(156), abs=Mm(1))


def test_column_widths_fit_the_text_block_and_keep_short_headers_whole():
    widths = column_widths(["序号", "指标", "累计完成"], [["1", "规模工业总产值" * 20, "31.38"]])
    assert sum(widths) == pytest.approx(156)
    assert widths[0] >= 2 * 3.7 and widths[2] >= 4 * 3.7


def test_ordinals_and_dates():
    assert [chinese_ordinal(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
    assert date_text(date(2025, 1, 5)) == "2025年1月5日"


_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "pBdr", "shd", "tabs",
              "spacing", "ind", "jc", "rPr", "sectPr"]
_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblW", "jc", "tblCellSpacing", "tblInd",
                "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]


def _in_order(element, order: list[str]) -> bool:
    tags = [child.tag.split("}")[1] for child in element]
    known = [order.index(t) for t in tags if t in order]
    return known == sorted(known)


def test_properties_follow_the_schema_order(written):
    body = written.element.body
    assert all(_in_order(ppr, _PPR_ORDER) for ppr in body.iter(qn("w:pPr")))
    assert all(_in_order(tblpr, _TBLPR_ORDER) for tblpr in body.iter(qn("w:tblPr")))
    assert any(ppr.find(qn("w:pBdr")) is not None for ppr in body.iter(qn("w:pPr")))
