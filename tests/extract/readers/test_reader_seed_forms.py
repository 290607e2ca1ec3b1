"""Same facts across formats: seeds 000 and 004 as .txt, .docx, .xlsx and .pdf give the same blocks.

The .docx, .xlsx and .pdf forms are built in a temporary folder at test time from the seed
text (see ``tests/extract/seed_forms.py``); no copy of a seed is committed.
"""
from __future__ import annotations

import pytest

from extract.seed_forms import Forms, build_forms, paragraph_texts, squash, table_rows
from seed_paths import SEEDS
from parkgov.extract.document import Paragraph, Table
from parkgov.extract.readers import read_document

pytestmark = pytest.mark.slow

PREFIXES = ["000", "004"]


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Forms]:
    out = tmp_path_factory.mktemp("seed_forms")
    return {p: build_forms(next(SEEDS.glob(f"{p}_*.txt")), out / p) for p in PREFIXES}


def titles_before_tables(doc) -> list[str]:
    """The paragraph right before each table (what the .xlsx form keeps as the sheet's title row)."""
    out = []
    for prev, block in zip(doc.blocks, doc.blocks[1:]):
        if isinstance(block, Table) and isinstance(prev, Paragraph):
            out.append(squash(prev.text))
    return out


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_paragraphs_and_rows_as_the_text(forms, prefix, fmt):
    txt = read_document(forms[prefix].txt)
    other = read_document(forms[prefix].all()[fmt])
    assert other.format == fmt
    assert paragraph_texts(other) == paragraph_texts(txt)
    assert table_rows(other) == table_rows(txt)
    assert [type(b).__name__ for b in other.blocks] == [type(b).__name__ for b in txt.blocks]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_xlsx_has_the_same_rows_and_the_title(forms, prefix):
    txt = read_document(forms[prefix].txt)
    book = read_document(forms[prefix].xlsx)
    assert table_rows(book) == table_rows(txt)
    assert paragraph_texts(book) == titles_before_tables(txt)
    assert [t.sheet for t in book.tables] == [f"表{i + 1}" for i in range(len(txt.tables))]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_merged_cells_come_out_as_in_the_text(forms, prefix):
    """The forms carry real merges (vertical categories, horizontal items): the grid is the same."""
    txt = read_document(forms[prefix].txt)
    for fmt in ("docx", "xlsx", "pdf"):
        doc = read_document(forms[prefix].all()[fmt])
        for a, b in zip(txt.tables, doc.tables):
            assert [len(r.cells) for r in a.rows] == [len(r.cells) for r in b.rows], fmt
            assert [[bool(c.strip()) for c in r.cells] for r in a.rows] == [[bool(c.strip()) for c in r.cells] for r in b.rows], fmt


def test_004_docx_really_has_merged_cells(forms):
    import docx

    d = docx.Document(forms["004"].docx)
    xml = d.element.xml
    assert "w:vMerge" in xml and "w:gridSpan" in xml
