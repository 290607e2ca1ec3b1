"""Tables recovered from plain text: the two shapes in which Word tables reach us as .txt.

**Cell-per-line** (what "save as plain text" of a Word table often gives)::

    \\t序号              <- every cell starts on a line of its own, with a leading tab
    \\t牵  头
    区领导               <- a line without the tab continues the cell above (multi-line cell)
                         <- a blank line ends a row ...
    \\t1
    \\t年度
    ...

Grammar: a *fragment* is a run of cells between blank lines; a *cell* is a tab line plus
its continuation lines. The column count ``N`` is the most common fragment size. A
fragment shorter than ``N`` is joined with the following ones while the sum stays
``<= N`` and the next fragment does not start a new numbered row (a cell that ends in an
empty paragraph leaves a blank line in the middle of a row). A row still shorter than ``N``
had horizontally merged cells: it is widened to ``N`` by inserting ``""`` after the cells
that best explain it (each cell is compared with the words and typical length of every
column in the complete rows), so a merged cell "appears once, followed by ``""``". The
first row is the header when it looks like one (short, non-numeric, non-sentence cells);
later rows equal to it (modulo whitespace) are repeated page headers and are dropped.

**Tab-separated** (one row per line, cells split by tabs, trailing empty cells possible)::

    序号\\t目标任务\\t工作措施\\t责任领导\\t责任部门
    1\\t推进产业提质增效\\t1.壮大主导产业；…\\t\\t

Grammar: at least two consecutive lines with tabs; the first line fixes ``N``. A line with
fewer than ``N`` cells is continued by the following line(s) when that keeps the count
``<= N`` (a multi-line cell); a blank line inside the run is allowed when the next line is a
row again (a page break). Rows are padded/trimmed of empty trailing cells to ``N``;
repeated headers are dropped as above.

Cell texts keep their inner line breaks (``"韩知远\\n林  川"``), lose the leading tab and
trailing spaces of each line. A row's offset is where its first cell's text starts.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import combinations
from typing import NamedTuple

from parkgov.extract.document import Row, Table
from parkgov.extract.readers.common import clean_cell


class Line(NamedTuple):
    text: str
    offset: int


class _Cell:
    """A cell being read: its lines (leading tab removed) and where its text starts."""

    __slots__ = ("lines", "offset", "_text")

    def __init__(self, lines: list[str], offset: int) -> None:
        self.lines = lines
        self.offset = offset
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = clean_cell("\n".join(self.lines))
        return self._text


_HAS_DIGIT = re.compile(r"[0-9０-９]")
_SEQ = re.compile(r"^\s*[(（]?\d{1,4}[)）.、]?\s*$")
_SENTENCE_END = ("。", "；", ";", "！", "？")
#: Header cells longer than this (whitespace removed) make a first row a data row, not a header.
MAX_HEADER_CELL_CHARS = 30
#: Beyond this many ways of spreading a short row over the columns, it is simply padded at the end.
MAX_LAYOUTS = 2000


def is_cell_line(text: str) -> bool:
    """A line of the cell-per-line shape: one leading tab and no other tab."""
    return text.startswith("\t") and "\t" not in text[1:]


def is_tsv_line(text: str) -> bool:
    """A line of the tab-separated shape: at least two cells, at least one of them not empty."""
    if "\t" not in text or is_cell_line(text):
        return False
    cells = text.split("\t")
    return sum(1 for c in cells if c.strip()) >= 1 and len(cells) >= 2


def find_tables(lines: list[Line]) -> list[tuple[int, int, Table]]:
    """Tables in ``lines`` as (first line index, index after the last line, Table), in order."""
    found: list[tuple[int, int, Table]] = []
    i = 0
    n = len(lines)
    while i < n:
        text = lines[i].text
        result = None
        if is_cell_line(text):
            result = _cell_per_line(lines, i)
        elif is_tsv_line(text):
            result = _tab_separated(lines, i)
        if result is None:
            i += 1
            continue
        end, table = result
        if table is not None:
            found.append((i, end, table))
        i = max(end, i + 1)  # a region that is not a table is prose: never read it again
    return found


# --- cell per line -----------------------------------------------------------------------

def _cell_per_line(lines: list[Line], start: int) -> tuple[int, Table | None]:
    fragments: list[list[_Cell]] = []
    firsts: list[int] = []       # the line each fragment starts on
    cur: list[_Cell] = []
    j = start
    n = len(lines)
    end = start
    while j < n:
        text = lines[j].text
        if is_cell_line(text):
            if not cur:
                firsts.append(j)
            cur.append(_Cell([text[1:]], lines[j].offset + 1))
            end = j + 1
            j += 1
        elif not text.strip():
            if cur:
                fragments.append(cur)
                cur = []
            k = j + 1
            while k < n and not lines[k].text.strip():
                k += 1
            if k < n and is_cell_line(lines[k].text):
                j = k
                continue
            break
        elif cur and "\t" not in text:
            cur[-1].lines.append(text)
            end = j + 1
            j += 1
        else:
            break
    if cur:
        fragments.append(cur)
    rows, used = _rows_from_fragments(fragments)
    if rows is None:
        return end, None
    if used < len(fragments):       # prose after the table: the table ends before it
        end = firsts[used]
        while end > start and not lines[end - 1].text.strip():
            end -= 1
    return end, _table(rows)


def _rows_from_fragments(fragments: list[list[_Cell]]) -> tuple[list[list[_Cell]] | None, int]:
    """The rows, and how many fragments they use (the rest is prose after the table)."""
    sizes = Counter(len(f) for f in fragments)
    if not sizes:
        return None, 0
    width = max(sizes, key=lambda s: (sizes[s], s))
    if width < 2 or sum(1 for f in fragments if len(f) == width) < 2:
        return None, 0
    texts = [[_text(c) for c in f] for f in fragments]
    if not _header_like(texts[0]) and not any(_digits(t[0]) for t in texts if len(t) == width):
        return None, 0  # neither a header nor numbered rows: indented paragraphs, not a table
    seq_column = _is_seq_column([t for t in texts if len(t) == width])
    rows: list[list[_Cell]] = []
    i = 0
    while i < len(fragments):
        if rows and len(fragments[i]) == 1 and texts[i][0].endswith(_SENTENCE_END) and len(rows) >= 2:
            break  # a lone sentence where a row should start: an indented paragraph after the table
        row = list(fragments[i])
        i += 1
        while (len(row) < width and i < len(fragments) and len(row) + len(fragments[i]) <= width
               and not (seq_column and _digits(_text(fragments[i][0])) and _digits(_text(row[0])))):
            row.extend(fragments[i])
            i += 1
        rows.append(row)
    return rows, i


def _table(rows: list[list[_Cell]]) -> Table:
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    grid = [[_text(c) for c in r] for r in rows]
    offsets = [r[0].offset for r in rows]
    grid, offsets = _drop_repeated_headers(grid, offsets)
    grid = _widen_short_rows(grid, width)
    return Table(rows=tuple(Row(tuple(cells), off) for cells, off in zip(grid, offsets)), offset=offsets[0])


def _text(cell: _Cell) -> str:
    return cell.text


# --- tab separated -----------------------------------------------------------------------

def _tab_separated(lines: list[Line], start: int) -> tuple[int, Table] | None:
    n = len(lines)
    width = len(_trim_trailing(lines[start].text.split("\t")))
    if width < 2:
        return None
    grid: list[list[str]] = []
    offsets: list[int] = []
    j = start
    end = start
    while j < n:
        text = lines[j].text
        if not text.strip():
            k = j + 1
            while k < n and not lines[k].text.strip():
                k += 1
            if k < n and is_tsv_line(lines[k].text) and grid and len(grid[-1]) >= width:
                j = k
                continue
            break
        if "\t" in text:
            cells = text.split("\t")
            if grid and len(grid[-1]) < width and len(grid[-1]) + len(_trim_trailing(cells)) - 1 <= width:
                grid[-1][-1] += "\n" + cells[0]
                grid[-1].extend(cells[1:])
            else:
                grid.append(cells)
                offsets.append(lines[j].offset)
        elif grid and len(grid[-1]) < width:
            grid[-1][-1] += "\n" + text  # a multi-line cell
        else:
            break
        end = j + 1
        j += 1
    if len(grid) < 2:
        return None
    rows = []
    for cells in grid:
        cells = [clean_cell(c) for c in cells]
        if len(cells) > width:
            cells = cells[:width] + _trim_trailing(cells[width:])
        rows.append(cells + [""] * (width - len(cells)))
    rows, offsets = _drop_repeated_headers(rows, offsets)
    if len(rows) < 2:
        return None
    return end, Table(rows=tuple(Row(tuple(r), o) for r, o in zip(rows, offsets)), offset=offsets[0])


def _trim_trailing(cells: list[str]) -> list[str]:
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


# --- shared grammar ----------------------------------------------------------------------

def _squash(s: str) -> str:
    return "".join(s.split())


def _digits(s: str) -> bool:
    return bool(_SEQ.match(s))


def _header_like(cells: list[str]) -> bool:
    filled = [_squash(c) for c in cells if c.strip()]
    if len(filled) < 2:
        return False
    return all(len(c) <= MAX_HEADER_CELL_CHARS and not _digits(c) and not c.endswith(_SENTENCE_END)
               for c in filled)


def _is_seq_column(rows: list[list[str]]) -> bool:
    firsts = [r[0] for r in rows if r and r[0].strip()]
    return bool(firsts) and sum(1 for f in firsts if _digits(f)) >= max(2, 0.6 * len(firsts))


def _drop_repeated_headers(grid: list[list[str]], offsets: list[int]) -> tuple[list[list[str]], list[int]]:
    if not grid or not _header_like(grid[0]):
        return grid, offsets
    key = [_squash(c) for c in grid[0]]
    keep = [0] + [i for i in range(1, len(grid))
                  if len(grid[i]) != len(key) or _squash(grid[i][0]) != key[0] or [_squash(c) for c in grid[i]] != key]
    return [grid[i] for i in keep], [offsets[i] for i in keep]


def _widen_short_rows(grid: list[list[str]], width: int) -> list[list[str]]:
    """Widens rows shorter than ``width`` by placing ``""`` after the cells that were merged across."""
    short = [i for i, r in enumerate(grid) if len(r) < width]
    if not short:
        return grid
    header = 1 if _header_like(grid[0]) else 0
    full = [r for r in grid[header:] if len(r) == width]
    profile = _ColumnProfile(full, width)
    out = list(grid)
    for i in short:
        out[i] = profile.widen(grid[i])
    return out


class _ColumnProfile:
    """Words and typical length of each column, learnt from the complete rows."""

    def __init__(self, rows: list[list[str]], width: int) -> None:
        self.words: list[set[str]] = [set() for _ in range(width)]
        self.length: list[float] = [0.0] * width
        self.digits: list[float] = [0.0] * width
        self.numeric: list[float] = [0.0] * width
        for c in range(width):
            cells = [r[c] for r in rows if r[c].strip()]
            for cell in cells:
                self.words[c].update(_words(cell))
            if cells:
                lengths = sorted(len(_squash(x)) for x in cells)
                self.length[c] = lengths[len(lengths) // 2]
                self.digits[c] = sum(1 for x in cells if _digits(x)) / len(cells)
                self.numeric[c] = sum(1 for x in cells if _HAS_DIGIT.search(x)) / len(cells)

    def _fit(self, cell: str, column: int) -> float:
        if not cell.strip():
            return 0.0
        words = _words(cell)
        hits = sum(1 for w in words if w in self.words[column]) / max(1, len(words))
        length = abs(math.log((len(_squash(cell)) + 1) / (self.length[column] + 1)))
        seq = 1.0 if _digits(cell) == (self.digits[column] > 0.5) else -1.0
        numeric = 0.5 if bool(_HAS_DIGIT.search(cell)) == (self.numeric[column] > 0.5) else -0.5
        return 2.0 * hits - length + seq + numeric

    def widen(self, cells: list[str]) -> list[str]:
        k, width = len(cells), len(self.words)
        if k == 0:
            return [""] * width
        if k >= width or math.comb(width - 1, k - 1) > MAX_LAYOUTS:
            return cells + [""] * (width - k)
        best: tuple[float, list[str]] | None = None
        fit = [[self._fit(cell, col) for col in range(width)] for cell in cells]
        # choose where each cell starts: cell 0 at column 0, the others at increasing columns
        for starts in combinations(range(1, width), k - 1):
            cols = (0,) + starts
            score = sum(fit[i][col] for i, col in enumerate(cols))
            if best is None or score > best[0] + 1e-9:
                row = [""] * width
                for cell, col in zip(cells, cols):
                    row[col] = cell
                best = (score, row)
        return best[1] if best else cells + [""] * (width - k)


#: Cells longer than this are prose: only their length says which column they belong to.
MAX_WORD_CELL_CHARS = 40
_WORD_SPLIT = re.compile(r"\n|\s{2,}|[、，,；;]")


def _words(cell: str) -> list[str]:
    if len(cell) > MAX_WORD_CELL_CHARS:
        return []
    return [w for w in (_squash(x) for x in _WORD_SPLIT.split(cell)) if w]
