"""Indicators and checks never raise, and their offsets stay inside the text, whatever the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parkgov.extract.checks import find_checks
from parkgov.extract.document import Document, Paragraph, Row, Table
from parkgov.extract.facts import DocumentInfo
from parkgov.extract.indicators import extract_indicators, indicators_in_text

ALPHABET = st.sampled_from(list("0123456789.,-%余以上约过突破不低于控制在万亿千百十一二两三分之元个家人次项亩"
                                "同比增长下降其中（）()，。；：、“”\"\n\t 总投资完成率计划已整改新建续建等的"))
TEXTS = st.one_of(st.text(max_size=200), st.text(alphabet=ALPHABET, max_size=120))


def _doc(text: str) -> Document:
    blocks, pos = [], 0
    for line in text.split("\n"):
        blocks.append(Paragraph(line, pos))
        pos += len(line) + 1
    cells = tuple(text.split("\t"))
    blocks.append(Table((Row(cells, 0),), 0))
    return Document("f.txt", "txt", "0" * 64, text, blocks)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["plan", "summary", "task_table", "other"]))
def test_never_raises(text, genre):
    doc = _doc(text)
    facts = extract_indicators(doc, DocumentInfo(genre=genre))
    for f in facts:
        assert 0 <= f.offset <= len(text)
        assert f.name
    for c in find_checks(doc, facts):
        assert c.kind in ("rate_mismatch", "sum_mismatch")
    for f in indicators_in_text(text, offset=7, subject="税收"):
        assert 7 <= f.offset <= len(text) + 7
