"""The same document in every format: .docx, .xlsx and .pdf built at test time from a .txt.

``build_forms(txt_path, out_dir)`` reads the .txt with ``read_document`` and writes

- ``NAME.docx`` (python-docx): every paragraph (lines of the text with no blank line
  between them are one Word paragraph with manual line breaks), every table with borders ('Table Grid'),
  its header row marked to repeat on each page, cells of several lines as several
  paragraphs, and the merges a person would have made in Word: a ``""`` below a filled
  cell in a sparsely filled column is a vertical merge, a ``""`` right of a filled cell
  in an otherwise filled column is a horizontal merge;
- ``NAME.xlsx`` (openpyxl): one sheet per table, the paragraph just above the table as a
  title row merged across the table, numbers as numbers, the same merges;
- ``NAME.pdf``: the .docx converted by LibreOffice (headless).

Nothing is written outside ``out_dir``; no copy of a seed is ever committed. The pipeline
tests use the same builders to compare full extraction results across formats.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from parkgov.extract.document import Document, Paragraph, Table
from parkgov.extract.readers import read_document

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass
class Forms:
    txt: Path
    docx: Path
    xlsx: Path
    pdf: Path | None

    def all(self) -> dict[str, Path]:
        out = {"txt": self.txt, "docx": self.docx, "xlsx": self.xlsx}
        if self.pdf is not None:
            out["pdf"] = self.pdf
        return out


def libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def build_forms(txt: Path, out_dir: Path, pdf: bool = True) -> Forms:
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = read_document(txt)
    stem = txt.stem
    docx_path = build_docx(doc, out_dir / f"{stem}.docx")
    xlsx_path = build_xlsx(doc, out_dir / f"{stem}.xlsx")
    pdf_path = docx_to_pdf(docx_path, out_dir) if pdf else None
    return Forms(txt=txt, docx=docx_path, xlsx=xlsx_path, pdf=pdf_path)


# --- merges a person would have made -----------------------------------------------------------

def merge_plan(rows: list[tuple[str, ...]]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """(horizontal, vertical) merges over a table's rows (header first).

    horizontal: (row, first column, last column); vertical: (column, first row, last row).
    """
    width = max(len(r) for r in rows)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    body = grid[1:]
    filled = [sum(1 for r in body if r[c].strip()) / max(1, len(body)) for c in range(width)]
    horizontal = []
    taken: set[tuple[int, int]] = set()
    for i, r in enumerate(grid):
        if i == 0:
            continue
        c = 1
        while c < width:
            if not r[c].strip() and r[c - 1].strip() and filled[c] >= 0.7:
                end = c
                while end + 1 < width and not r[end + 1].strip() and filled[end + 1] >= 0.7:
                    end += 1
                horizontal.append((i, c - 1, end))
                taken.update((i, k) for k in range(c - 1, end + 1))
                c = end + 1
            else:
                c += 1
    vertical = []
    for c in range(1, width):
        if filled[c] >= 0.7:
            continue
        i = 1
        while i < len(grid):
            if grid[i][c].strip() and (i, c) not in taken:
                end = i
                while end + 1 < len(grid) and not grid[end + 1][c].strip() and (end + 1, c) not in taken:
                    end += 1
                if end > i:
                    vertical.append((c, i, end))
                i = end + 1
            else:
                i += 1
    return horizontal, vertical


# --- .docx -------------------------------------------------------------------------------------

def same_paragraph(doc: Document, a: Paragraph, b: Paragraph) -> bool:
    """Two lines of one paragraph: in the text, only one line end between them (no blank line)."""
    return doc.text.count("\n", a.offset + len(a.text), b.offset) == 1


def build_docx(doc: Document, out: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.space_after = Pt(6)
    current = None          # the Word paragraph the previous line went into
    prev = None
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if current is not None and isinstance(prev, Paragraph) and same_paragraph(doc, prev, block):
                current.add_run().add_break()          # a line of the same paragraph
                current.add_run(block.text)
            else:
                current = d.add_paragraph(block.text)
            prev = block
            continue
        current, prev = None, block
        rows = [r.cells for r in block.rows]
        width = max(len(r) for r in rows)
        table = d.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for i, cells in enumerate(rows):
            for j in range(width):
                text = cells[j] if j < len(cells) else ""
                cell = table.cell(i, j)
                lines = text.split("\n")
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        header = table.rows[0]._tr
        tr_pr = header.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        horizontal, vertical = merge_plan(rows)
        for i, c0, c1 in horizontal:
            table.cell(i, c0).merge(table.cell(i, c1))
        for c, r0, r1 in vertical:
            merged = table.cell(r0, c).merge(table.cell(r1, c))
            # python-docx keeps the empty paragraphs of the merged cells: drop the empty ones
            paras = merged.paragraphs
            for p in paras[1:]:
                if not p.text.strip():
                    p._p.getparent().remove(p._p)
        d.add_paragraph("")
    d.save(out)
    return out


# --- .xlsx -------------------------------------------------------------------------------------

def _value(text: str):
    if _NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return text or None


def build_xlsx(doc: Document, out: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    title = None
    n = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            title = block.text
            continue
        n += 1
        ws = wb.create_sheet(f"表{n}")
        rows = [r.cells for r in block.rows]
        width = max(len(r) for r in rows)
        top = 1
        if title:
            ws.cell(row=1, column=1, value=title)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
            top = 2
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                cell = ws.cell(row=top + i, column=j + 1, value=_value(text))
                if "\n" in text:
                    cell.alignment = Alignment(wrap_text=True)
        horizontal, vertical = merge_plan(rows)
        for i, c0, c1 in horizontal:
            ws.merge_cells(start_row=top + i, start_column=c0 + 1, end_row=top + i, end_column=c1 + 1)
        for c, r0, r1 in vertical:
            ws.merge_cells(start_row=top + r0, start_column=c + 1, end_row=top + r1, end_column=c + 1)
        title = None
    if not wb.worksheets:
        wb.create_sheet("空")
    wb.save(out)
    return out


# --- .pdf --------------------------------------------------------------------------------------

def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    exe = libreoffice()
    if exe is None:
        raise RuntimeError("LibreOffice is needed to build the .pdf forms (bash scripts/setup.sh --test installs it)")
    profile = out_dir / f"lo_profile_{os.getpid()}"
    subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx_path)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


# --- comparing what readers give ---------------------------------------------------------------

def squash(text: str) -> str:
    return "".join(text.split())


def paragraph_texts(doc: Document) -> list[str]:
    return [squash(p.text) for p in doc.paragraphs if squash(p.text)]


def table_rows(doc: Document) -> list[list[tuple[str, ...]]]:
    return [[tuple(squash(c) for c in r.cells) for r in t.rows] for t in doc.tables]


def all_rows(doc: Document) -> list[tuple[str, ...]]:
    return [row for t in table_rows(doc) for row in t]


def table_of(doc: Document) -> Table:
    assert doc.tables, f"{doc.path}: no table"
    return doc.tables[0]
