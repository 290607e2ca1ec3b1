"""Excel (.xlsx): every visible sheet becomes a ``Table`` (``Table.sheet`` = the sheet's name).

Read with openpyxl in read-only mode (cached formula results, not formulas); merged ranges
come from the sheet XML (read-only worksheets do not load them).

- Values are rendered as a person reads them: integers without ``.0``, floats without
  binary noise (``0.1 + 0.2`` → ``0.3``), rounded to the decimals of a fixed number format
  (``0.00`` shows 12.345 as ``12.35``; trailing zeros are dropped, so 12 stays ``12``),
  percentages as ``9.1%``, dates as ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM`` when a time is
  shown), no thousands separators.
- Merged cells: the top-left cell holds the text, every other cell of the range is ``""``
  (so a vertical merge gives ``""`` below — extractors fill down — and a horizontal merge
  appears once followed by ``""``).
- Empty rows and empty trailing columns are dropped.
- Rows above the table with a single filled cell (the title, usually one merged cell, and
  lines like ``单位：万元``) become ``Paragraph`` blocks before the table; rows below it that
  are one cell merged across the table (notes) become paragraphs after it.
- Hidden sheets and chart sheets are skipped.

``Document.text``: per sheet, its paragraphs and its rows as tab-joined lines (see
``common.TextBuilder``).
"""
from __future__ import annotations

import io
import math
import re
from functools import lru_cache
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from parkgov.extract.document import Document
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers.common import MAX_TEXT_CHARS, TextBuilder, fail, sha256_bytes, trim_grid
from parkgov.extract.readers.ooxml import Package

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_xlsx(path: Path, data: bytes) -> Document:
    import openpyxl

    pkg = Package(path, data, ".xlsx")
    pkg.check_kind()
    merges = _merged_ranges(pkg)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl fails on damaged parts in many ways (KeyError, zlib.error …)
        raise pkg.broken() from None
    builder = TextBuilder()
    try:
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows") or getattr(ws, "sheet_state", "visible") != "visible":
                continue
            _sheet(builder, ws, merges.get(ws.title, []))
            if builder.length > MAX_TEXT_CHARS:
                raise fail(path, f"表格文字过多（超过 {MAX_TEXT_CHARS // 1024 // 1024}M 字）",
                           "请拆分成几个较小的文件后分别导入")
    except ExtractError:
        raise
    except Exception:
        raise pkg.broken() from None
    finally:
        try:
            wb.close()
        except Exception:  # closing a damaged workbook can fail too; the answer is already decided
            pass
    if not builder.blocks:
        raise fail(path, "Excel 文件中没有任何数据（所有工作表都是空的）", "请确认选择了正确的文件")
    return builder.document(path, "xlsx", sha256_bytes(data))


def _sheet(builder: TextBuilder, ws, merges: list[tuple[int, int, int, int]]) -> None:
    try:
        ws.reset_dimensions()  # some writers store a wrong <dimension>; read every row that is there
    except AttributeError:
        pass
    grid: list[list[str]] = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append("")
            elif v.__class__ is str:
                cells.append(v)
            else:
                cells.append(render(v, getattr(c, "number_format", "General")))
        if row:
            first = getattr(row[0], "column", 1) or 1
            if first > 1:
                cells = [""] * (first - 1) + cells
        grid.append(cells)
    if not grid:
        return
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    # merged ranges: only the top-left cell keeps its text
    spans: dict[tuple[int, int], int] = {}
    for r1, c1, r2, c2 in merges:
        spans[(r1 - 1, c1 - 1)] = c2 - c1 + 1
        for r in range(r1 - 1, min(r2, len(grid))):
            for c in range(c1 - 1, min(c2, width)):
                if (r, c) != (r1 - 1, c1 - 1):
                    grid[r][c] = ""
    rows = [(i, r) for i, r in enumerate(grid) if any(c.strip() for c in r)]
    if not rows:
        return
    table_width = len(trim_grid([r for _, r in rows])[0])
    head: list[str] = []
    while len(rows) > 1 and _single(rows[0][1]) is not None and _single(rows[1][1]) is not None:
        head.append(_single(rows[0][1]))
        rows = rows[1:]
    if len(rows) > 1 and _single(rows[0][1]) is not None and table_width > 1:
        head.append(_single(rows[0][1]))
        rows = rows[1:]
    tail: list[str] = []
    while len(rows) > 1 and _single(rows[-1][1]) is not None:
        i, r = rows[-1]
        col = next(c for c, v in enumerate(r) if v.strip())
        if spans.get((i, col), 1) < 2:
            break
        tail.insert(0, r[col])
        rows = rows[:-1]
    for text in head:
        builder.lines(text.split("\n"))
    builder.table(trim_grid([r for _, r in rows]), sheet=ws.title)
    for text in tail:
        builder.lines(text.split("\n"))


def _single(row: list[str]) -> str | None:
    filled = [c for c in row if c.strip()]
    return filled[0] if len(filled) == 1 else None


# --- merged ranges from the sheet XML ---------------------------------------------------------

_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([^\"']+)[\"']")
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _merged_ranges(pkg: Package) -> dict[str, list[tuple[int, int, int, int]]]:
    main = pkg.main_part()
    wb = pkg.xml(main)
    rels = pkg.related(main)
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    sheets = wb.find(f"{{{S}}}sheets")
    if sheets is None:
        return out
    for sheet in sheets:
        name = sheet.get("name", "")
        rel = rels.get(sheet.get(R_ID, ""))
        if rel is None or rel[1] not in pkg.names:
            continue
        ranges: list[tuple[int, int, int, int]] = []
        xml = pkg.read(rel[1])
        start = xml.find(b"mergeCells")  # a byte search: the cells themselves need no parsing here
        if start >= 0:
            for ref in _MERGE_REF.findall(xml, max(0, start - 64)):
                m = _REF.match(ref.decode("ascii", "replace").upper())
                if m:
                    c1, r1 = _col(m.group(1)), int(m.group(2))
                    c2, r2 = (_col(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
                    ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
        out[name] = ranges
    return out


# --- values as a person reads them -------------------------------------------------------------

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _format_section(fmt: str) -> str:
    return _QUOTED.sub("", (fmt or "General").split(";")[0])


@lru_cache(maxsize=256)
def _number_style(number_format: str) -> tuple[int | None, bool]:
    """(decimals shown or None for General, is a percentage) of a number format."""
    section = _format_section(number_format)
    return _decimals(section), "%" in section


def _decimals(section: str) -> int | None:
    """Decimals shown by a fixed number format; None for General (show what is stored)."""
    if not re.search(r"[0#?]", section):
        return None
    m = re.search(r"\.([0#?]+)", section)
    return len(m.group(1)) if m else 0


def plain_number(value: float, decimals: int | None = None) -> str:
    """A number without float noise, exponent or trailing zeros: 12.0 → 12, 0.30000000000000004 → 0.3."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return ""
    d = Decimal(f"{value:.15g}")
    if decimals is not None and abs(d) < Decimal(10) ** 18:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)  # as Excel rounds
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def render(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        section = _format_section(number_format).lower()
        if (value.hour or value.minute or value.second) and ("h" in section or "s" in section):
            return value.strftime("%Y-%m-%d %H:%M")
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}"
    if isinstance(value, (int, float)):
        decimals, percent = _number_style(number_format)
        if percent:
            return plain_number(float(Decimal(f"{value:.15g}") * 100), decimals) + "%"
        if value.__class__ is int:
            return str(value)
        if decimals is None and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return plain_number(value, decimals)
    return str(value)
