"""Table grids as the extractors read them: the readers' tables, with stray tab lines put back.

A plain-text export of a table cut by its own section lines (a header line, ``一、…``, rows,
``二、…``, a last row) comes out of the reader as paragraphs and pieces of tables. Such a run
is read as one grid, its short untabbed lines as full-width rows; runs made of the reader's
tables alone stay as the reader made them.
"""
from __future__ import annotations

import re

from parkgov.extract.document import Block, Document, Paragraph, Row, Table


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", text or "")


def tab_cells(block: Block) -> tuple[str, ...] | None:
    """A paragraph's tab-separated cells when it holds at least two, else None."""
    if not isinstance(block, Paragraph):
        return None
    cells = tuple(c.strip() for c in block.text.split("\t"))
    return cells if sum(1 for c in cells if c) >= 2 else None


def _section_line(block: Block) -> bool:
    """A short untabbed line that may head the rows below it (``二、优化营商环境``)."""
    s = _squeeze(block.text) if isinstance(block, Paragraph) else ""
    return 2 <= len(s) <= 40 and not re.search(r"[。；;]$", s)


def grids(doc: Document) -> list[Table]:
    """The document's tables in order, runs cut by section lines read as one grid."""
    blocks = doc.blocks or []
    kinds = ["table" if isinstance(b, Table) else "tab" if tab_cells(b) else "text" for b in blocks]
    out: list[Table] = []
    i = 0
    while i < len(blocks):
        if kinds[i] == "text":
            i += 1
            continue
        j = i
        while j + 1 < len(blocks) and (kinds[j + 1] != "text" or (
                j + 2 < len(blocks) and kinds[j + 2] != "text" and _section_line(blocks[j + 1]))):
            j += 1
        run = blocks[i:j + 1]
        if "tab" in kinds[i:j + 1]:
            out.append(_grid(run))
        else:
            out.extend(b for b in run if isinstance(b, Table))
        i = j + 1
    return out


def _grid(run: list[Block]) -> Table:
    lines = [b.rows if isinstance(b, Table) else [Row(tab_cells(b), b.offset)] if tab_cells(b) else None
             for b in run]
    width = max(len(r.cells) for rows in lines if rows for r in rows)
    out: list[Row] = []
    for block, rows in zip(run, lines):
        out.extend(rows if rows is not None else [Row((_squeeze(block.text),) + ("",) * (width - 1), block.offset)])
    return Table(tuple(out), run[0].offset)
