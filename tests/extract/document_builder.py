"""Documents built by hand for extractor tests, laid out as the readers lay them out."""
from __future__ import annotations

from parkgov.extract.document import Document, Paragraph, Row, Table


def make_doc(*parts) -> Document:
    """Paragraphs (str, one per non-blank line) and tables (lists of rows), in order."""
    text, blocks = "", []
    for part in parts:
        if isinstance(part, str):
            for line in part.split("\n"):
                if line.strip():
                    blocks.append(Paragraph(line, len(text)))
                text += line + "\n"
        else:
            rows, start = [], len(text)
            for cells in part:
                rows.append(Row(tuple(cells), len(text)))
                text += "\t".join(cells) + "\n"
            blocks.append(Table(tuple(rows), start))
    return Document(path="x.txt", format="txt", sha256="0", text=text, blocks=blocks)
