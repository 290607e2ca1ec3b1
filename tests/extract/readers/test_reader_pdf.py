"""The .pdf reader: a 公文-style Word file printed to PDF by LibreOffice, scans, passwords."""
from __future__ import annotations

import io
import time
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from extract.seed_forms import docx_to_pdf
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import read_document

pytestmark = pytest.mark.slow

def squash(s: str) -> str:
    return "".join(s.split())


PARAGRAPHS = [
    "青禾经济开发区管理委员会关于2025年上半年工作情况的报告",
    "一、主要指标完成情况",
    "上半年，全区实现技工贸总收入61.2亿元，同比增长8.4%；规模工业总产值58.7亿元，同比增长9.1%；"
    "完成工业投资11.3亿元，同比增长12.6%；实现工业税收2.35亿元，同比增长7.8%。各项主要指标均实现时间过半、任务过半。",
    "二、重点工作推进情况",
    "（一）项目建设提速提效。坚持项目为王，上半年实施重点项目22个，其中新开工项目8个，竣工投产项目5个，"
    "完成投资18.4亿元，占年度计划的58.6%。标准厂房三期、污水处理厂提标改造等项目按期推进，智能制造产业园完成主体工程。",
    "（二）招商引资成效明显。开展小分队招商活动26次，新签约项目15个，合同引资46.5亿元，其中亿元以上项目9个。",
    "三、下半年工作安排",
    "围绕全年目标，紧盯关键指标和重点项目，全力以赴稳增长、抓项目、优环境，确保完成全年目标任务。",
]

TABLE = [["序号", "项目名称", "建设内容", "总投资（万元）", "责任单位"]] + [
    [str(i), f"青禾第{i}号标准厂房项目", "新建标准厂房" + "及配套设施" * (i % 3 + 1), str(1000 + 37 * i), "经发局\n建设局" if i % 4 == 0 else "经发局"]
    for i in range(1, 41)
]


def gongwen_docx(path: Path) -> Path:
    """Fixed 28-point lines, first-line indent of two characters, justified, no space between paragraphs."""
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    fmt = normal.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(0)
    fmt.line_spacing = Pt(28)
    for i, text in enumerate(PARAGRAPHS):
        p = d.add_paragraph(text)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Pt(32)
    table = d.add_table(rows=len(TABLE), cols=5)
    table.style = "Table Grid"
    for i, row in enumerate(TABLE):
        for j, text in enumerate(row):
            lines = text.split("\n")
            cell = table.cell(i, j)
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            for p in cell.paragraphs:
                p.paragraph_format.first_line_indent = Pt(0)
                for r in p.runs:
                    r.font.size = Pt(12)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    p = d.add_paragraph("青禾经济开发区管理委员会")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.save(path)
    return path


@pytest.fixture(scope="module")
def gongwen_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    return docx_to_pdf(gongwen_docx(out / "青禾上半年报告.docx"), out)


def test_paragraphs_are_rejoined_from_wrapped_lines(gongwen_pdf):
    doc = read_document(gongwen_pdf)
    assert doc.format == "pdf"
    assert [squash(p.text) for p in doc.paragraphs] == [squash(t) for t in PARAGRAPHS + ["青禾经济开发区管理委员会"]]
    for p in doc.paragraphs:
        assert doc.text[p.offset:p.offset + len(p.text)] == p.text


def test_a_table_across_pages_is_one_table_with_its_header_once(gongwen_pdf):
    doc = read_document(gongwen_pdf)
    assert len(doc.tables) == 1
    rows = [tuple(squash(c) for c in r.cells) for r in doc.tables[0].rows]
    assert rows == [tuple(squash(c) for c in r) for r in TABLE]
    # a cell with two paragraphs keeps them on two lines; a wrapped line is joined back
    four = doc.tables[0].rows[4].cells
    assert four[4] == "经发局\n建设局"
    assert "\n" not in doc.tables[0].rows[3].cells[2]


def test_blocks_are_in_reading_order(gongwen_pdf):
    doc = read_document(gongwen_pdf)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph"] * len(PARAGRAPHS) + ["Table", "Paragraph"]
    offsets = [b.offset for b in doc.blocks]
    assert offsets == sorted(offsets)


def _image_pdf(path: Path, encrypt: str | None = None, text: str | None = None) -> Path:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (400, 560), "white")
    for x in range(40, 360):
        for y in (80, 120, 160, 200):
            img.putpixel((x, y), (0, 0, 0))   # lines of "print" on the scanned page
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for _ in range(2):
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 50, 100, width=495, height=690)
        if text:
            c.drawString(60, 60, text)
        c.showPage()
    c.save()
    return path


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path):
    path = _image_pdf(tmp_path / "扫描件.pdf")
    start = time.perf_counter()
    with pytest.raises(ExtractError) as err:
        read_document(path)
    msg = str(err.value)
    assert msg.startswith("扫描件.pdf：") and "没有文字层" in msg and "OCR" in msg and "Word 原件" in msg
    assert "\n" not in msg
    assert time.perf_counter() - start < 10


def test_a_password_protected_pdf_is_refused(tmp_path):
    path = _image_pdf(tmp_path / "加密.pdf", encrypt="secret", text="Qinghe 2025")
    with pytest.raises(ExtractError) as err:
        read_document(path)
    assert str(err.value).startswith("加密.pdf：") and "密码" in str(err.value)


def test_a_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage")
    with pytest.raises(ExtractError) as err:
        read_document(path)
    assert str(err.value).startswith("坏.pdf：")
