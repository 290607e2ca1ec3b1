"""The body's line grid (22 lines a page), what stays off it, and long titles broken at a word boundary."""
from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from parkgov.reports.gbt9704 import LINES_PER_PAGE, OfficialDocument, title_lines
from report_rendering import render

LONG_TITLE = "关于2025年第二季度重点工作调度情况的通报"
SENTENCE = "园区围绕年度目标任务扎实推进各项重点工作，产业项目建设提速，营商环境持续优化。"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = OfficialDocument()
    out.title(LONG_TITLE, "青禾高新技术产业开发区管理委员会", "（2025年7月5日）")
    for i in range(1, 41):
        out.paragraph(f"第{i}段。" + SENTENCE * 2)
    out.table(["序号", "事项"], [["1", "表格文字不随正文网格"]])
    out.sign_off("青禾高新技术产业开发区管理委员会", date(2025, 7, 5))
    return out.save(tmp_path_factory.mktemp("grid") / "grid.docx")


@pytest.fixture(scope="module")
def rendered(written, tmp_path_factory):
    return render([written], tmp_path_factory.mktemp("grid_pdf"))["grid"]


def test_the_section_has_a_line_grid_of_the_body_pitch(written):
    doc = Document(str(written))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "32"


def test_titles_cells_and_footers_stay_off_the_grid(written):
    doc = Document(str(written))

    def off(paragraph) -> bool:
        snap = paragraph._p.pPr.find(qn("w:snapToGrid"))
        return snap is not None and snap.get(qn("w:val")) == "0"

    assert off(doc.paragraphs[0])
    assert all(off(c.paragraphs[0]) for row in doc.tables[0].rows for c in row.cells)
    assert off(doc.sections[0].footer.paragraphs[0])
    body = next(p for p in doc.paragraphs if p.text.startswith("第1段。"))
    assert not off(body)


def test_a_full_page_holds_22_lines(rendered):
    page = rendered.layout_text.split("\f")[1]
    lines = [line for line in page.splitlines() if line.strip() and "—" not in line]
    assert len(lines) == LINES_PER_PAGE
    widest = max(len("".join(line.split())) for line in lines)
    assert 26 <= widest <= 28, widest


def test_a_long_title_breaks_at_a_word_not_before_its_last_character(rendered):
    lines = [line.strip() for line in rendered.text.splitlines() if line.strip()]
    assert "".join(lines[0].split()) == "关于2025年第二季度"
    assert "".join(lines[1].split()) == "重点工作调度情况的通报"
    assert lines[2] == "青禾高新技术产业开发区管理委员会"


def test_title_lines():
    assert title_lines("关于2025年6月重点工作调度情况的通报") == ["关于2025年6月重点工作调度情况的通报"]
    assert title_lines("青禾高新区2025年工作总结暨2026年工作打算") == ["青禾高新区2025年工作总结", "暨2026年工作打算"]
    assert title_lines("一" * 50) == ["一" * 50], "no word boundary: the title wraps as Word wraps it"
