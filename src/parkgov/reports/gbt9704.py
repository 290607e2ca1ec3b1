"""A Word writer in the layout of GB/T 9704-2012 (党政机关公文格式), shared by every document.

A4 with a 156 × 225 mm text block; title 2号 方正小标宋简体; body 3号 仿宋_GB2312 at a
fixed 28.95 pt line pitch (22 lines a page) with a two-character first-line indent;
headings 一、 黑体 / （一） 楷体_GB2312 / 1. 仿宋_GB2312 bold; a line grid of 22
lines a page (``w:docGrid`` type ``lines``; a 28-character grid needs a 15.8 pt pitch under
16 pt glyphs, which LibreOffice lays out as two cells a character, so lines keep ~27
characters at the natural width); page numbers ``— 1 —`` in
4号 宋体 at the outside corners. The official font names stay in the .docx (set for
East Asian text through ``w:eastAsia``): Windows shows them, other systems map them.
"""
from __future__ import annotations

from copy import deepcopy
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"

TITLE_SIZE = Pt(22)
BODY_SIZE = Pt(16)
PAGE_NUMBER_SIZE = Pt(14)
TABLE_SIZE = Pt(10.5)
LINE_PITCH = Pt(28.95)
TITLE_PITCH = Pt(35)
INDENT = Pt(32)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH_MM = 156
LINES_PER_PAGE = 22
HEADER_SHADING = "D9D9D9"
RED = RGBColor(0xE0, 0x00, 0x00)

_DIGITS = "零一二三四五六七八九"
#: Elements that follow ``w:pBdr`` inside ``w:pPr`` (the schema fixes their order).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings go no further)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else _DIGITS[tens]}十{_DIGITS[ones] if ones else ''}"


def date_text(day: date) -> str:
    """``2025年6月30日``: Arabic figures, no leading zeros (GB/T 9704-2012 7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def set_run_font(run, font: str, size=None, bold: bool | None = None, color: RGBColor | None = None) -> None:
    """Give ``run`` the font ``font`` for Latin and East Asian text alike."""
    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), font)
    if size is not None:
        run.font.size = size
    if bold is not None:
        run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def grid_line_pitch() -> int:
    """``w:linePitch`` in twips: the 225 mm text block holds ``LINES_PER_PAGE`` lines."""
    return round(LINE_PITCH.pt * 20)


def _off_grid(paragraph) -> None:
    """Let ``paragraph`` (a title, a table cell, a caption, a footer) keep its own size off the body's grid."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:snapToGrid")) is None:
        el = OxmlElement("w:snapToGrid")
        el.set(qn("w:val"), "0")
        ppr.insert_element_before(el, *_AFTER_PBDR[_AFTER_PBDR.index("w:snapToGrid") + 1:])


def _exact(paragraph, pitch=LINE_PITCH) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _single(paragraph) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    _off_grid(paragraph)


def _page_field(paragraph) -> None:
    """Append a PAGE field to ``paragraph``, shown as ``1`` until the viewer updates it."""
    def add(tag: str, **attrs) -> None:
        run = paragraph.add_run()
        set_run_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if tag == "w:instrText":
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._element.append(el)

    add("w:fldChar", **{"w:fldCharType": "begin"})
    add("w:instrText")
    add("w:fldChar", **{"w:fldCharType": "separate"})
    shown = paragraph.add_run("1")
    set_run_font(shown, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    add("w:fldChar", **{"w:fldCharType": "end"})


def _shade(cell, fill: str) -> None:
    tcpr = cell._element.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _keep_row(row, repeat: bool = False) -> None:
    """Keep a row on one page; ``repeat`` it at the top of every page (header row)."""
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if repeat else ("w:cantSplit",):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _cell_margins(table, twips: int = 68) -> None:
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        el = OxmlElement(side)
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    look = tblpr.find(qn("w:tblLook"))
    if look is None:
        tblpr.append(margins)
    else:
        look.addprevious(margins)


def text_em(text: str) -> float:
    """Width of the widest line of ``text`` in em: CJK and full-width characters 1, others 0.55."""
    return max((sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in line) for line in text.split("\n")), default=0.0)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], total_mm: float = TEXT_WIDTH_MM,
                  size_pt: float = 10.5, padding_mm: float = 3.0, cap_mm: float = 80.0) -> list[float]:
    """Column widths (mm) summing to ``total_mm``: each fits its text, none squeezes a header below two lines."""
    em = size_pt * 25.4 / 72
    sample = list(rows[:200])
    minimum, natural = [], []
    for i, header in enumerate(headers):
        cells = [str(r[i]) for r in sample if i < len(r)]
        unbreakable = [text_em(c) for c in cells if all(ord(ch) <= 0x2E7F for ch in c)]
        head = text_em(header)
        low = max([2.0, head if head <= 4 else head / 2] + unbreakable) * em + padding_mm
        minimum.append(low)
        head_line = head if head <= 4 else max(4.0, head / 2)
        natural.append(min(max([low, head_line * em + padding_mm] + [text_em(c) * em + padding_mm for c in cells]),
                           max(cap_mm, low)))
    need = sum(natural)
    if need <= total_mm:
        return [w * total_mm / need for w in natural]
    spare = [n - m for n, m in zip(natural, minimum)]
    excess = need - total_mm
    if sum(spare) >= excess:
        return [n - excess * s / sum(spare) for n, s in zip(natural, spare)]
    return [m * total_mm / sum(minimum) for m in minimum]


_BREAK_AFTER = "年度的结况"
_BREAK_BEFORE = "暨关"


def title_lines(text: str, width_em: float | None = None) -> list[str]:
    """A title too long for one line split in two at a word boundary (after 年/季度/的, before 暨), the lines
    as even as can be, before 暨 when it fits (GB/T 9704 7.3.3: 梯形或菱形, no word cut)."""
    width_em = width_em or Mm(TEXT_WIDTH_MM).pt / TITLE_SIZE.pt
    if text_em(text) <= width_em:
        return [text]
    candidates = [i for i in range(2, len(text) - 1)
                  if text[i - 1] in _BREAK_AFTER or text[i] in _BREAK_BEFORE]
    fitting = [i for i in candidates if max(text_em(text[:i]), text_em(text[i:])) <= width_em]
    if not fitting:
        return [text]
    preferred = [i for i in fitting if text[i] == "暨"] or fitting
    best = min(preferred, key=lambda i: abs(text_em(text[:i]) - text_em(text[i:])))
    return [text[:best], text[best:]]


class OfficialDocument:
    """One Word document in GB/T 9704 layout, written top to bottom."""

    def __init__(self) -> None:
        self.doc = Document()
        self._h1 = self._h2 = self._h3 = 0
        self._figures = 0
        self._setup_page()
        self._setup_defaults()
        self._setup_footers()

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
        section.header_distance = Mm(15)
        section.footer_distance = Mm(21)
        sectpr = section._sectPr
        grid = sectpr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sectpr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(grid_line_pitch()))
        grid.attrib.pop(qn("w:charSpace"), None)

    def _setup_defaults(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = BODY_SIZE
        defaults = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for tag in ("w:sz", "w:szCs"):
            defaults.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(key), BODY_FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)
        pf = normal.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = LINE_PITCH
        pf.widow_control = False

    def _setup_footers(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            _single(p)
            p.alignment = align
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = PAGE_NUMBER_SIZE
            else:
                p.paragraph_format.left_indent = PAGE_NUMBER_SIZE
            dash = p.add_run("— ")
            set_run_font(dash, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
            _page_field(p)
            dash = p.add_run(" —")
            set_run_font(dash, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)

    def _para(self, text: str = "", font: str = BODY_FONT, size=BODY_SIZE, bold: bool = False,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=INDENT, pitch=LINE_PITCH):
        p = self.doc.add_paragraph()
        _exact(p, pitch)
        if pitch != LINE_PITCH or size != BODY_SIZE:
            _off_grid(p)
        p.alignment = align
        p.paragraph_format.first_line_indent = indent
        if text:
            set_run_font(p.add_run(text), font, size, bold)
        return p

    def red_head(self, issuer: str, doc_number: str | None) -> None:
        """发文机关标志 in red, the 文号 centred under it, and the red separator line."""
        size = Pt(max(18, min(36, int(430 / max(len(issuer), 1)))))
        p = self._para(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0), pitch=Pt(size.pt * 1.5))
        set_run_font(p.add_run(issuer), TITLE_FONT, size, False, RED)
        self._para()
        if doc_number:
            self._para(doc_number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0))
        line = self._para(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0), pitch=Pt(12))
        ppr = line._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "16"), ("w:space", "1"), ("w:color", "E00000")):
            bottom.set(qn(k), v)
        borders.append(bottom)
        ppr.insert_element_before(borders, *_AFTER_PBDR)
        self._para()

    def title(self, text: str, *subtitle: str) -> None:
        """The title: 2号 方正小标宋简体, centred; ``subtitle`` lines (issuer, date) under it in 楷体_GB2312,
        centred; then one blank line."""
        p = self._para(align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0), pitch=TITLE_PITCH)
        for i, line in enumerate(title_lines(text)):
            run = p.add_run(line)
            set_run_font(run, TITLE_FONT, TITLE_SIZE)
            if i:
                run._element.insert(1, OxmlElement("w:br"))
        _off_grid(p)
        for line in subtitle:
            self._para(line, H2_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0))
        self._para()

    def addressees(self, text: str) -> None:
        """主送机关: flush left, ending with a full-width colon."""
        self._para(text.rstrip("：:") + "：", indent=Pt(0))

    def paragraph(self, text: str, bold: bool = False):
        """A body paragraph: 3号 仿宋_GB2312, first line indented two characters."""
        return self._para(text, bold=bold)

    def h1(self, text: str) -> None:
        """``一、…`` in 黑体."""
        self._h1 += 1
        self._h2 = self._h3 = 0
        self._para(f"{chinese_ordinal(self._h1)}、{text}", H1_FONT).paragraph_format.keep_with_next = True

    def h2(self, text: str, body: str | None = None) -> None:
        """``（一）…`` in 楷体_GB2312; with ``body`` the paragraph goes on in 仿宋 (seed 001 style)."""
        self._h2 += 1
        self._h3 = 0
        heading = f"（{chinese_ordinal(self._h2)}）{text}"
        if body is None:
            self._para(heading, H2_FONT).paragraph_format.keep_with_next = True
            return
        p = self._para(heading + "。", H2_FONT)
        set_run_font(p.add_run(body), BODY_FONT, BODY_SIZE)

    def h3(self, text: str, body: str | None = None) -> None:
        """``1.…`` in 仿宋_GB2312 bold; with ``body`` the paragraph goes on in regular weight."""
        self._h3 += 1
        heading = f"{self._h3}.{text}"
        p = self._para(heading + ("。" if body else ""), bold=True)
        if body:
            set_run_font(p.add_run(body), BODY_FONT, BODY_SIZE, False)

    def note(self, text: str) -> None:
        """A note of what is missing or how a figure was computed, in body text."""
        self._para(f"注：{text}")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], center_columns: Iterable[int] = ()) -> None:
        """A ruled table in 仿宋 五号 with a shaded, repeated header row; widths fit the text."""
        widths = column_widths(headers, rows)
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _cell_margins(table)
        for column, width in zip(table.columns, widths):
            column.width = Mm(width)
        header = table.rows[0]
        _keep_row(header, repeat=True)
        for cell, text, width in zip(header.cells, headers, widths):
            cell.width = Mm(width)
            self._cell(cell, text, bold=True, center=True)
            _shade(cell, HEADER_SHADING)
        if rows:
            self._body_rows(table, len(headers), rows, set(center_columns))
        spacer = self.doc.add_paragraph()
        _exact(spacer, Pt(12))
        _off_grid(spacer)

    def _body_rows(self, table, columns: int, rows: Sequence[Sequence[str]], centered: set[int]) -> None:
        """Format one row through python-docx, then copy its XML for every row (fast on long tables)."""
        template = table.add_row()
        _keep_row(template)
        for i, cell in enumerate(template.cells):
            self._cell(cell, "X", center=i in centered)
        tr = template._tr
        tbl = table._tbl
        for values in rows:
            row = deepcopy(tr)
            for t, text in zip(row.iter(qn("w:t")), list(values) + [""] * (columns - len(values))):
                t.text = str(text).replace("\n", " ")
                t.set(qn("xml:space"), "preserve")
            tbl.append(row)
        tbl.remove(tr)

    @staticmethod
    def _cell(cell, text: str, bold: bool = False, center: bool = False) -> None:
        p = cell.paragraphs[0]
        _single(p)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        set_run_font(p.add_run(text), BODY_FONT, TABLE_SIZE, bold)

    def picture(self, png: bytes, caption: str, width_mm: float = 150) -> None:
        """A chart, centred at ``width_mm``, with ``图N caption`` under it."""
        self._figures += 1
        p = self.doc.add_paragraph()
        _single(p)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(BytesIO(png), width=Mm(width_mm))
        self._para(f"图{self._figures}  {caption}", size=Pt(14), align=WD_ALIGN_PARAGRAPH.CENTER, indent=Pt(0))

    def sign_off(self, issuer: str, signed_on: date | None) -> None:
        """发文机关署名 and 成文日期, right-aligned four characters from the edge."""
        self._para()
        self._para()
        for text in (issuer, date_text(signed_on) if signed_on else None):
            if text:
                p = self._para(text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=Pt(0))
                p.paragraph_format.right_indent = INDENT * 2

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        return path

    def to_bytes(self) -> bytes:
        buffer = BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
