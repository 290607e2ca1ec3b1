"""PDF with a text layer (pdfplumber): running text as paragraphs, ruled tables as tables.

- Tables are the ruled tables pdfplumber finds (lines strategy). A table continued on the
  next page (same columns, nothing between) is one table; the header repeated on the new
  page is dropped; a row broken across the page (first cell empty on the new page in a
  numbered table) is glued back to the row it continues.
- Merged cells: pdfplumber reports the spanned grid positions as empty, which gives our
  convention (text in the first cell, ``""`` in the cells it covers).
- Text lines are rebuilt from the characters; a line continues on the next one when the
  next line's first word would not have fitted at its end (the line wrapped), so wrapped
  lines are joined back into one paragraph (one cell line). A new paragraph starts at an
  indented first line or after a vertical gap (paragraph spacing); a short line followed by
  one that is neither is a manual line break inside the paragraph (one ``Paragraph`` per
  line, as for .docx). In a cell, two short lines that each end like an organisation's name
  (``…局``, ``…公司``) are two lines even when the second would not have fitted on the first. Page numbers (``- 3 -``, ``第3页 共9页``) at the
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
from parkgov.extract.errors import ExtractError
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
    except ExtractError:
        raise
    except (PdfminerException, MalformedPDFException) as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise fail(path, "PDF 设有打开密码（已加密）", "请提供未加密的 PDF，或提供 Word 原件") from None
        raise _broken(path) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise fail(path, "PDF 设有打开密码（已加密）", "请提供未加密的 PDF，或提供 Word 原件") from None
    except Exception:  # pdfminer raises many kinds of errors on damaged files (KeyError, struct.error …)
        raise _broken(path) from None
    finally:
        try:
            pdf.close()
        except Exception:  # closing a damaged file can fail too; the answer is already decided
            pass


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
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size", "head")

    def __init__(self, chars: list[dict]) -> None:
        chars.sort(key=lambda c: c["x0"])
        self.head = _head_width(chars)
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
    def __init__(self, rows: list[list[str]], bbox, ncols: int, xs: list[float],
                 full: list[list[bool]] | None = None) -> None:
        self.rows = rows
        self.full = full or [[False] * len(r) for r in rows]   # does the cell's last line fill it?
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
        full: list[list[bool]] = []
        for r_index, row in enumerate(table.rows):
            cells, fulls = [], []
            for c_index, cell in enumerate(row.cells):
                if cell is None:
                    cells.append("")
                    fulls.append(False)
                    continue
                text, ends_full = _cell_text(in_cell.get((t_index, r_index, c_index), []), cell)
                cells.append(text)
                fulls.append(ends_full)
            grid.append(cells)
            full.append(fulls)
        ncols = max((len(r) for r in grid), default=0)
        xs = sorted({round(c[0]) for r in table.rows for c in r.cells if c is not None})
        items.append((table.bbox[1], _PageTable(grid, table.bbox, ncols, xs, full)))
    items.sort(key=lambda it: it[0])
    out = [it[1] for it in items]
    # page numbers at the top or bottom of the page
    while out and isinstance(out[-1], _Line) and _PAGE_NUMBER.match(out[-1].text):
        out.pop()
    while out and isinstance(out[0], _Line) and _PAGE_NUMBER.match(out[0].text):
        out.pop(0)
    return out


#: Word's default cell margin (0.19 cm); a cell's inner right edge is at most this far in.
CELL_PADDING = 5.5
_CLOSING = set("，。、；：？！）》」』”’〕】,.;:?!)%％")
_OPENING = set("（《「『“‘〔【(")


def _head_width(chars: list[dict]) -> float:
    """Width of what must start a line together: a Latin word or number, or one character,
    with the closing punctuation that may not begin a line (and an opening bracket with what follows)."""
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return 0.0
    i = 0
    if visible[0]["text"] in _OPENING and len(visible) > 1:
        i = 1
    if visible[i]["text"].isascii() and visible[i]["text"].isalnum():
        while i + 1 < len(visible) and visible[i + 1]["text"].isascii() and (visible[i + 1]["text"].isalnum() or visible[i + 1]["text"] in ".,%-/") \
                and visible[i + 1]["x0"] - visible[i]["x1"] < 0.25 * (visible[i].get("size") or 10):
            i += 1
    while i + 1 < len(visible) and visible[i + 1]["text"] in _CLOSING:
        i += 1
    return visible[i]["x1"] - visible[0]["x0"]


def _wrapped(prev: _Line, nxt: _Line, right: float) -> bool:
    """True when ``nxt`` continues ``prev``: its first word would not have fitted on ``prev``."""
    return prev.x1 + nxt.head > right - 0.5


def _cell_text(chars: list[dict], box) -> tuple[str, bool]:
    """The cell's text (wrapped lines joined, real line ends kept) and whether its last line is full."""
    lines = _lines(chars)
    if not lines:
        return "", False
    left_gap = min(line.x0 for line in lines) - box[0]
    right = box[2] - max(0.0, min(CELL_PADDING, left_gap))
    out = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        joined = _wrapped(prev, line, right) and not _names(prev.text, line.text)
        out += ("" if joined else "\n") + line.text
    last = lines[-1]
    return out, last.x1 + last.size > right - 0.5


def _names(prev: str, nxt: str) -> bool:
    """Two lines that are two names (two units, or a padded person's name on either side)."""
    if _PADDED_NAME.match(prev.strip()) or _PADDED_NAME.match(nxt.strip()):
        return True
    return _name_line(prev) and _name_line(nxt)


#: How the names of units end (局, 办, 委, 公司 …): a cell line that ends so is one name.
ORG_SUFFIXES = ("局", "办", "委", "部", "处", "院", "所", "站", "队", "会", "司", "中心", "街道", "镇", "乡",
                "村", "社区", "厅", "室", "馆", "署", "行", "社", "组", "园区", "管委会", "指挥部")
_PADDED_NAME = re.compile(r"^[\u4e00-\u9fff]\s+[\u4e00-\u9fff]$")  # 王  亮: a two-character name, padded


def _name_line(text: str) -> bool:
    """A line that is a name by itself: a unit (科工局) or a padded two-character person's name."""
    t = text.strip()
    if _PADDED_NAME.match(t):
        return True
    t = "".join(t.split())
    return 2 <= len(t) <= 14 and not any(ch in "，。；：,.;:！？、" for ch in t) and t.endswith(ORG_SUFFIXES)


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
    group: list[str] = []          # the lines of the paragraph being read
    prev_line: _Line | None = None
    prev_page = -1
    table: list[list[str]] | None = None
    table_full: list[list[bool]] = []
    table_shape: tuple[int, list[float]] | None = None
    header: list[str] | None = None

    def flush_para() -> None:
        nonlocal group
        if group:
            builder.lines(group)
            group = []

    def flush_table() -> None:
        nonlocal table, table_shape, header
        if table:
            builder.table(table)
        table, table_shape, header = None, None, None

    for p_index, page in enumerate(pages):
        for i, item in enumerate(page):
            if isinstance(item, _Line):
                flush_table()
                indented = item.x0 - left > 0.9 * item.size
                centred = abs((item.x0 - left) - (right - item.x1)) < 1.5 * item.size
                same_page = prev_page == p_index
                gap = bool(same_page and pitch and prev_line is not None and item.top - prev_line.top > 1.2 * pitch)
                first_line = indented and not centred
                if group and prev_line is not None and not gap and not first_line and _wrapped(prev_line, item, right):
                    group[-1] += _join(group[-1], item.text)     # a wrapped line
                elif group and prev_line is not None and not gap and not first_line and same_page:
                    group.append(item.text)                     # a manual line break
                else:
                    flush_para()
                    group = [item.text]
                prev_line, prev_page = item, p_index
                continue
            # a table
            flush_para()
            prev_line = None
            continued = (table is not None and i == 0 and table_shape is not None
                         and item.ncols == table_shape[0] and _same_columns(item.xs, table_shape[1]))
            rows, full = item.rows, item.full
            if continued:
                if header is not None and rows and _squash(rows[0]) == _squash(header):
                    rows, full = rows[1:], full[1:]
                if rows and table and _seq_table(table + rows[1:]) and not rows[0][0].strip() \
                        and table[-1][0].strip() and _squash_cell(rows[0][1:]):
                    # a row broken by the page: glue each cell back, as a wrap if the cell was full
                    glued = []
                    for a, b, a_full in zip(table[-1], rows[0], table_full[-1]):
                        if a and b:
                            tail, head = a.rsplit("\n", 1)[-1], b.split("\n", 1)[0]
                            glued.append(a + ("" if a_full and not _names(tail, head) else "\n") + b)
                        else:
                            glued.append(a or b)
                    table[-1] = glued
                    table_full[-1] = full[0]
                    rows, full = rows[1:], full[1:]
                table.extend(rows)
                table_full.extend(full)
            else:
                flush_table()
                table = list(rows)
                table_full = list(full)
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
    """A numbered table: the first column of (nearly) every data row is a number."""
    body = [r for r in rows[1:] if r]
    firsts = [r[0].strip() for r in body if r[0].strip()]
    return (len(firsts) >= 2 and sum(1 for f in firsts if f.isdigit()) >= 0.8 * len(firsts)
            and len(firsts) >= 0.8 * len(body))
