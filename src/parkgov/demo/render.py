"""Renders a generated document as .txt, .docx or .xlsx, the way such files reach a park."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from parkgov.demo.truth import DemoDocument, Grid, Para


def _pad(name: str) -> str:
    """Word tables pad two-character names to the width of three: ``王亮`` → ``王  亮``."""
    return f"{name[0]}  {name[1]}" if len(name) == 2 and "\u4e00" <= name[0] <= "\u9fff" else name


def _grid_tabs(grid: Grid) -> list[str]:
    lines = [grid.title] if grid.title else []
    for row in (grid.header, *grid.rows, *([grid.total] if grid.total else [])):
        lines.append("\t".join(cell.replace("\n", "、") for cell in row))
    return lines


def _grid_cells(grid: Grid, leader_cols: set[int]) -> list[str]:
    """The export of a Word table as text: each cell on its own line after a tab, rows apart by a blank line."""
    lines = [grid.title] if grid.title else []
    for i, row in enumerate((*grid.rows, *([grid.total] if grid.total else []))):
        if i % 6 == 0:
            lines.extend(f"\t{h}" for h in grid.header)
            lines.append("")
        for col, cell in enumerate(row):
            parts = cell.split("\n")
            if col in leader_cols:
                parts = [_pad(p) for p in parts]
            lines.append(f"\t{parts[0]}")
            lines.extend(parts[1:])
        lines.append("")
    return lines


def merged_runs(rows: tuple[tuple[str, ...], ...], col: int) -> list[tuple[int, int]]:
    """Row ranges (first, last) where a cell of ``col`` continues down over empty cells."""
    runs, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][col]:
            if i - 1 > start:
                runs.append((start, i - 1))
            start = i
    return runs


def to_text(doc: DemoDocument) -> str:
    """The document as a .txt file's text."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            lines.append(block.text)
            lines.append("")
        elif doc.table_style == "cells":
            leaders = {i for i, h in enumerate(block.header) if "领导" in h}
            lines.extend(_grid_cells(block, leaders))
        else:
            lines.extend(_grid_tabs(block))
            lines.append("")
    return "\n".join(lines)


def to_docx(doc: DemoDocument) -> bytes:
    """The document as Word: paragraphs, and tables with vertically merged category cells."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = Docx()
    for block in doc.blocks:
        if isinstance(block, Para):
            p = out.add_paragraph(block.text)
            if block.text == doc.title:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in p.runs:
                    run.bold = True
            continue
        if block.title:
            out.add_paragraph(block.title).alignment = WD_ALIGN_PARAGRAPH.CENTER
        rows = [block.header, *block.rows, *([block.total] if block.total else [])]
        table = out.add_table(rows=len(rows), cols=len(block.header))
        table.style = "Table Grid"
        table_rows = list(table.rows)
        for row, texts in zip(table_rows, rows):
            for cell, text in zip(row.cells, texts):
                if text:
                    cell.text = text
        for col in block.merge_down:
            for a, b in merged_runs(block.rows, col):
                cell = table_rows[a + 1].cells[col].merge(table_rows[b + 1].cells[col])
                cell.text = block.rows[a][col]
    buf = BytesIO()
    out.save(buf)
    return buf.getvalue()


def to_xlsx(doc: DemoDocument) -> bytes:
    """The document's table as an Excel sheet: a title row, the header, the rows, a total row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "项目计划"
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    width = len(grid.header)
    ws.append([grid.title or doc.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(list(grid.header))
    for row in (*grid.rows, *([grid.total] if grid.total else [])):
        ws.append([_cell_value(v) for v in row])
    for col in grid.merge_down:
        for a, b in merged_runs(grid.rows, col):
            ws.merge_cells(start_row=a + 3, start_column=col + 1, end_row=b + 3, end_column=col + 1)
    for i, header in enumerate(grid.header):
        ws.column_dimensions[chr(ord("A") + i)].width = 40 if "名称" in header else 14
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell_value(text: str) -> str | int | float:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def write_documents(docs: list[DemoDocument], folder: Path) -> list[Path]:
    """Writes every format of every document into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        for fmt in doc.formats:
            path = folder / f"{doc.stem}.{fmt}"
            if fmt == "txt":
                path.write_text(to_text(doc), encoding=doc.encoding, newline="\r\n" if doc.crlf else "\n")
            elif fmt == "docx":
                path.write_bytes(to_docx(doc))
            else:
                path.write_bytes(to_xlsx(doc))
            paths.append(path)
    return paths
