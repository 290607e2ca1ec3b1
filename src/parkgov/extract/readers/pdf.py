"""PDF with a text layer (pdfplumber): running text as paragraphs, ruled tables as tables.

- Tables are the ruled tables pdfplumber finds (lines strategy). A table continued on the
  next page (same columns, nothing between) is one table; the header repeated on the new
  page is dropped; a row broken across the page (first cell empty on the new page in a
  numbered table) is glued back to the row it continues.
- Merged cells: pdfplumber reports the spanned grid positions as empty, which gives our
  convention (text in the first cell, ``""`` in the cells it covers).
- Text lines are rebuilt from the characters; a line that runs to the right edge (of the
  text block, or of its cell) continues on the next one, so wrapped lines are joined back
  into one paragraph (one cell line). A new paragraph starts after a short line, at an
  indented line, or after a vertical gap. Page numbers (``- 3 -``, ``第3页 共9页``) at the
  top or bottom of a page are dropped.
- A PDF without a text layer (a scan) is refused: it must be OCR'd, or the Word original given.

``Document.text`` is built like for .docx (see ``common.TextBuilder``).
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from statistics import median

from parkgov.extract.document import Document
from parkgov.extract.readers.common import MAX_TEXT_CHARS, TextBuilder, fail, sha256_bytes

_PAGE_NUMBER = re.compile(r"^[\s\-—－–·•]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+|[ivxlcdmIVXLCDM]+)[\s\-—－–·•]*$")
#: Fewer non-blank characters than this per page, with images on the pages, is a scan.
MIN_CHARS_PER_PAGE = 10


def read_pdf(path: Path, data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, MalformedPDFException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise fail(path, "PDF 设有打开密码（已加密）", "请提供未加密的 PDF，或提供 Word 原件") from None
        raise _broken(path) from None
    except Exception:
        raise _broken(path) from None
    try:
        return _read(path, data, pdf)
    except (PdfminerException, MalformedPDFException) as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise fail(path, "PDF 设有打开密码（已加密）", "请提供未加密的 PDF，或提供 Word 原件") from None
        raise _broken(path) from None
    finally:
        pdf.close()


def _broken(path: Path):
    return fail(path, "PDF 文件已损坏或不完整，无法读取", "请重新导出 PDF，或提供 Word 原件")


def _read(path: Path, data: bytes, pdf) -> Document:
    pages = []
    total_chars = 0
    images = 0
    for page in pdf.pages:
        chars = [c for c in page.chars if c.get("upright", True) or c.get("text", "").strip()]
        total_chars += sum(1 for c in chars if c["text"].strip())
        images += len(page.images)
        pages.append(_page_items(page, chars))
        page.close()
    n_pages = max(1, len(pdf.pages))
    if total_chars == 0 or (images and total_chars < MIN_CHARS_PER_PAGE * n_pages):
        raise fail(path, "PDF 没有文字层（可能是扫描件或图片）", "请先用 OCR 文字识别转成可复制文字的 PDF，或提供 Word 原件")
    builder = TextBuilder()
    _assemble(builder, pages)
    if not builder.blocks:
        raise fail(path, "PDF 中没有可读取的文字", "请提供 Word 原件")
    if builder.length > MAX_TEXT_CHARS:
        raise fail(path, f"文档文字过多（超过 {MAX_TEXT_CHARS // 1024 // 1024}M 字）", "请拆分成几个较小的文件后分别导入")
    return builder.document(path, "pdf", sha256_bytes(data))


# --- one page: lines outside tables and tables, in reading order --------------------------------

class _Line:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size")

    def __init__(self, chars: list[dict]) -> None:
        chars.sort(key=lambda c: c["x0"])
        self.size = median(c.get("size", 10) or 10 for c in chars)
        parts: list[str] = []
        prev = None
        for c in chars:
            if prev is not None and c["x0"] - prev["x1"] > 0.25 * self.size and c["text"] != " " and prev["text"] != " ":
                parts.append(" ")
            parts.append(c["text"])
            prev = c
        self.text = "".join(parts)
        self.x0 = min(c["x0"] for c in chars)
        self.x1 = max(c["x1"] for c in chars)
        self.top = min(c["top"] for c in chars)
        self.bottom = max(c["bottom"] for c in chars)


def _lines(chars: list[dict]) -> list[_Line]:
    """Groups characters into text lines (by vertical overlap), top to bottom."""
    chars = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    groups: list[list[dict]] = []
    bottom = None
    top = None
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        if groups and top is not None and top - 0.5 <= mid <= bottom + 0.5:
            groups[-1].append(c)
            bottom = max(bottom, c["bottom"])
            continue
        groups.append([c])
        top, bottom = c["top"], c["bottom"]
    lines = [_Line(g) for g in groups if any(ch["text"].strip() for ch in g)]
    for line in lines:
        line.text = line.text.strip()
    return [line for line in lines if line.text]


class _PageTable:
    def __init__(self, rows: list[list[str]], bbox, ncols: int, xs: list[float]) -> None:
        self.rows = rows
        self.bbox = bbox
        self.ncols = ncols
        self.xs = xs


def _page_items(page, chars: list[dict]) -> list:
    try:
        found = page.find_tables()
    except Exception:  # a page whose drawing pdfplumber cannot make into cells: read it as text
        found = []
    tables = []
    cell_boxes: list[tuple[tuple, tuple[int, int, int]]] = []
    for t_index, table in enumerate(found):
        rows = table.rows
        if not rows:
            continue
        for r_index, row in enumerate(rows):
            for c_index, cell in enumerate(row.cells):
                if cell is not None:
                    cell_boxes.append((cell, (t_index, r_index, c_index)))
        tables.append(table)
    in_cell: dict[tuple[int, int, int], list[dict]] = {}
    body: list[dict] = []
    boxes = [t.bbox for t in tables]
    for c in chars:
        h = (c["x0"] + c["x1"]) / 2
        v = (c["top"] + c["bottom"]) / 2
        key = None
        for box, k in cell_boxes:
            if box[0] <= h < box[2] and box[1] <= v < box[3]:
                key = k
                break
        if key is not None:
            in_cell.setdefault(key, []).append(c)
        elif not any(b[0] <= h < b[2] and b[1] <= v < b[3] for b in boxes):
            body.append(c)
    items: list[tuple[float, object]] = []
    for line in _lines(body):
        items.append((line.top, line))
    for t_index, table in enumerate(tables):
        grid: list[list[str]] = []
        for r_index, row in enumerate(table.rows):
            cells = []
            for c_index, cell in enumerate(row.cells):
                if cell is None:
                    cells.append("")
                    continue
                cells.append(_cell_text(in_cell.get((t_index, r_index, c_index), []), cell))
            grid.append(cells)
        ncols = max((len(r) for r in grid), default=0)
        xs = sorted({round(c[0]) for r in table.rows for c in r.cells if c is not None})
        items.append((table.bbox[1], _PageTable(grid, table.bbox, ncols, xs)))
    items.sort(key=lambda it: it[0])
    out = [it[1] for it in items]
    # page numbers at the top or bottom of the page
    while out and isinstance(out[-1], _Line) and _PAGE_NUMBER.match(out[-1].text):
        out.pop()
    while out and isinstance(out[0], _Line) and _PAGE_NUMBER.match(out[0].text):
        out.pop(0)
    return out


def _cell_text(chars: list[dict], box) -> str:
    lines = _lines(chars)
    if not lines:
        return ""
    right = box[2]
    out = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        full = right - prev.x1 < 1.6 * prev.size + 6
        out += ("" if full else "\n") + line.text
    return out


# --- across pages: paragraphs and continued tables ---------------------------------------------

def _assemble(builder: TextBuilder, pages: list[list]) -> None:
    all_lines = [it for page in pages for it in page if isinstance(it, _Line)]
    if all_lines:
        left = _mode_edge([ln.x0 for ln in all_lines], low=True)
        right = _mode_edge([ln.x1 for ln in all_lines], low=False)
        pitch = median([b.top - a.top for page in pages for a, b in zip(page, page[1:])
                        if isinstance(a, _Line) and isinstance(b, _Line) and b.top > a.top] or [0])
    else:
        left = right = pitch = 0
    para: list[str] = []
    prev_line: _Line | None = None
    prev_page = -1
    table: list[list[str]] | None = None
    table_shape: tuple[int, list[float]] | None = None
    header: list[str] | None = None

    def flush_para() -> None:
        nonlocal para
        if para:
            builder.paragraph("".join(para))
            para = []

    def flush_table() -> None:
        nonlocal table, table_shape, header
        if table:
            builder.table(table)
        table, table_shape, header = None, None, None

    for p_index, page in enumerate(pages):
        for i, item in enumerate(page):
            if isinstance(item, _Line):
                flush_table()
                new = (prev_line is None or right - prev_line.x1 > 1.5 * prev_line.size
                       or item.x0 - left > 0.9 * item.size
                       or (prev_page == p_index and pitch and item.top - prev_line.top > 1.2 * pitch))
                if new:
                    flush_para()
                para.append(item.text if not para else _join(para[-1], item.text))
                prev_line, prev_page = item, p_index
                continue
            # a table
            flush_para()
            prev_line = None
            continued = (table is not None and i == 0 and table_shape is not None
                         and item.ncols == table_shape[0] and _same_columns(item.xs, table_shape[1]))
            rows = item.rows
            if continued:
                if header is not None and rows and _squash(rows[0]) == _squash(header):
                    rows = rows[1:]
                if rows and table and _seq_table(table) and not rows[0][0].strip() and table[-1][0].strip() \
                        and _squash_cell(rows[0][1:]) and not _is_fill_down(rows[0], table):
                    last = table[-1]
                    table[-1] = [a + b if (a and b) else (a or b) for a, b in zip(last, rows[0])]
                    rows = rows[1:]
                table.extend(rows)
            else:
                flush_table()
                table = list(rows)
                header = rows[0] if rows else None
            table_shape = (item.ncols, item.xs)
    flush_table()
    flush_para()


def _join(prev: str, nxt: str) -> str:
    """Text to append when a wrapped line continues: a space only between two Latin words."""
    if prev and nxt and prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum():
        return " " + nxt
    return nxt


def _mode_edge(values: list[float], low: bool) -> float:
    rounded = [round(v) for v in values]
    if not rounded:
        return 0.0
    counts: dict[int, int] = {}
    for v in rounded:
        counts[v] = counts.get(v, 0) + 1
    best = max(counts.values())
    candidates = [v for v, n in counts.items() if n >= max(2, best // 2)] or list(counts)
    return float(min(candidates) if low else max(candidates))


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 3 for x, y in zip(a, b))


def _squash(row: list[str]) -> list[str]:
    return ["".join(c.split()) for c in row]


def _squash_cell(cells: list[str]) -> bool:
    return any(c.strip() for c in cells)


def _seq_table(rows: list[list[str]]) -> bool:
    firsts = [r[0].strip() for r in rows[1:] if r and r[0].strip()]
    return len(firsts) >= 2 and sum(1 for f in firsts if f.isdigit()) >= 0.8 * len(firsts)


def _is_fill_down(row: list[str], table: list[list[str]]) -> bool:
    """A row whose numbered column is simply empty all along the table (not a broken row)."""
    return sum(1 for r in table[1:] if not r[0].strip()) > len(table) // 2
