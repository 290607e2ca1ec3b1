"""The one shape every reader produces: ordered paragraphs and tables over a linear text.

``Document.text`` is the document's text as one string. For a .txt file it is the
decoded file itself; for .docx/.xlsx/.pdf it is the readers' linearisation
(paragraphs on their own lines, table rows as tab-separated lines). Every block
and every row knows its character offset into that text, so each extracted fact
can point back at its source.

Tables keep their grid as displayed: a vertically merged cell carries its text in
its first row only, and the rows it spans below hold ``""`` there (extractors fill
down). A horizontally merged cell appears once, followed by ``""`` cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or line) of running text."""

    text: str
    offset: int


@dataclass(frozen=True)
class Row:
    """One table row: cell texts left to right, and the offset of the row's first cell."""

    cells: tuple[str, ...]
    offset: int


@dataclass(frozen=True)
class Table:
    """A table as a list of rows; ``offset`` is where its first row starts."""

    rows: tuple[Row, ...]
    offset: int
    sheet: str | None = None


Block = Union[Paragraph, Table]


@dataclass
class Document:
    """A read document: its source facts, the linear text and the blocks over it."""

    path: str
    format: str
    sha256: str
    text: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
