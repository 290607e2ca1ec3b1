"""What every reader shares: size limits, the one error shape, and the linear-text builder.

The builder is how .docx/.xlsx/.pdf readers make ``Document.text``, in the shape of a
Word document saved as plain text: every line of a paragraph is one ``Paragraph``
(a paragraph has several lines only where Word has manual line breaks), a table row
is one line of cells joined by a tab (a cell that holds several paragraphs keeps them
separated by ``"\\n"``, so such a row spans several lines), and blocks (a paragraph,
a table) are separated by one blank line. Every ``Paragraph.offset``
points at the paragraph's text, so ``text[offset:offset + len(p.text)] == p.text``;
every ``Row.offset`` points at the start of the row's line (its first cell).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable, Sequence

from parkgov.extract.document import Block, Document, Paragraph, Row, Table
from parkgov.extract.errors import ExtractError

#: A .txt larger than this is refused before it is read (a plan is well under 1 MB).
MAX_TEXT_BYTES = 20 * 1024 * 1024
#: A .docx/.xlsx/.pdf larger than this is refused before it is read (images make them big).
MAX_BINARY_BYTES = 100 * 1024 * 1024
#: The linear text a .docx/.xlsx/.pdf may produce; beyond it the document is refused.
MAX_TEXT_CHARS = 20 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"


def fail(path: Path | str, problem: str, action: str) -> ExtractError:
    """The one error shape: ``文件名：问题，怎么办`` on a single line."""
    name = Path(path).name or str(path)
    line = f"{name}：{problem}，{action}"
    return ExtractError(" ".join(line.split()))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_cell(text: str | None) -> str:
    """A cell's text as shown: tabs become spaces, line ends trimmed, outer blank lines dropped."""
    if not text:
        return ""
    if "\n" not in text and "\t" not in text and "\r" not in text and "\x0b" not in text:
        return text.strip(" \u3000\xa0")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\x0b", "\n")
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).strip(" \u3000\xa0")


def clean_paragraph(text: str | None) -> str:
    """A paragraph as one line: inner line breaks become spaces, outer spaces trimmed."""
    if not text:
        return ""
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\x0b", " ").replace("\t", " ")
    return text.strip(" \u3000\xa0")


class TextBuilder:
    """Accumulates paragraphs and tables into one linear text with offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def _append(self, s: str) -> int:
        start = self._length
        self._parts.append(s)
        self._length += len(s)
        return start

    @property
    def length(self) -> int:
        return self._length

    def _open_block(self) -> None:
        """Blocks (a paragraph with its lines, a table) are separated by one blank line."""
        if self._length:
            self._append("\n")

    def paragraph(self, text: str) -> None:
        """One paragraph of one line (inner line breaks become spaces)."""
        self.lines([text])

    def lines(self, lines: Sequence[str]) -> None:
        """One paragraph shown on several lines (Word's manual line breaks): one ``Paragraph`` per
        line, the lines separated by a single newline, the paragraph by a blank line."""
        opened = False
        for line in lines:
            text = clean_paragraph(line)
            if not text:
                continue
            if not opened:
                self._open_block()
                opened = True
            offset = self._append(text)
            self._append("\n")
            self.blocks.append(Paragraph(text=text, offset=offset))

    def table(self, rows: Iterable[Sequence[str]], sheet: str | None = None) -> None:
        out: list[Row] = []
        for cells in rows:
            cells = tuple(clean_cell(c) for c in cells)
            if not any(cells):
                continue
            if not out:
                self._open_block()
            offset = self._append("\t".join(cells))
            self._append("\n")
            out.append(Row(cells=cells, offset=offset))
        if out:
            self.blocks.append(Table(rows=tuple(out), offset=out[0].offset, sheet=sheet))

    def document(self, path: Path, fmt: str, sha256: str) -> Document:
        return Document(path=str(path), format=fmt, sha256=sha256, text="".join(self._parts), blocks=self.blocks)


def trim_grid(grid: list[list[str]]) -> list[list[str]]:
    """Drops empty trailing rows and columns (and fully empty rows anywhere); pads rows to one width."""
    rows = []
    width = 0
    for r in grid:
        last = len(r)
        while last and not r[last - 1].strip():
            last -= 1
        if last:
            rows.append(r)
            width = max(width, last)
    return [r[:width] if len(r) >= width else list(r) + [""] * (width - len(r)) for r in rows]
