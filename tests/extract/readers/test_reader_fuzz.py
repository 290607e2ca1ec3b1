"""Whatever the bytes, read_document gives a Document or one ExtractError line: nothing else escapes."""
from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkgov.extract.document import Document
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import read_document

SUFFIXES = [".txt", ".docx", ".xlsx", ".pdf"]
HEADS = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe"]


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def check(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except ExtractError as exc:
        msg = str(exc)
        assert msg.startswith(name + "：") and "\n" not in msg
        assert "内部错误" not in msg, f"an unexpected {type(exc.__cause__).__name__}: {exc.__cause__!r}"
    else:
        assert isinstance(doc, Document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(SUFFIXES), head=st.sampled_from(HEADS), body=st.binary(max_size=3000))
def test_random_bytes(tmp_path, suffix, head, body):
    check(tmp_path, "随机" + suffix, head + body)


XML_BITS = st.sampled_from([
    b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    b"<w:p><w:r><w:t>\xe5\x9b\xad\xe5\x8c\xba</w:t></w:r></w:p>", b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>",
    b"<w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"x\"/></w:tcPr><w:p/></w:tc>", b"</w:body></w:document>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", b"&e;", b"<w:numPr><w:numId w:val=\"9\"/></w:numPr>",
])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bits=st.lists(XML_BITS, max_size=12))
def test_random_word_packages(tmp_path, bits):
    data = _zip({"word/document.xml": b"".join(bits), "[Content_Types].xml": b"<Types/>"})
    check(tmp_path, "拼凑.docx", data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=st.binary(max_size=400), workbook=st.sampled_from([b"", b"<workbook/>", b"<x"]))
def test_random_excel_packages(tmp_path, sheet, workbook):
    data = _zip({"xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": sheet, "[Content_Types].xml": b"<Types/>"})
    check(tmp_path, "拼凑.xlsx", data)


def _real_files() -> dict[str, bytes]:
    import docx
    import openpyxl
    from reportlab.pdfgen import canvas

    out = {}
    d = docx.Document()
    d.add_paragraph("Yunxi park 2025 plan: revenue 120")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "a"
    t.cell(1, 1).text = "b"
    buf = io.BytesIO()
    d.save(buf)
    out[".docx"] = buf.getvalue()
    wb = openpyxl.Workbook()
    wb.active.append(["x", 1, 2.5])
    wb.active.merge_cells("A2:B2")
    buf = io.BytesIO()
    wb.save(buf)
    out[".xlsx"] = buf.getvalue()
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Yunxi park 2025 plan: revenue 120, growth 8%")
    c.rect(72, 600, 200, 60)
    c.showPage()
    c.save()
    out[".pdf"] = buf.getvalue()
    return out


REAL = _real_files()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from([".docx", ".xlsx", ".pdf"]), cut=st.floats(0.0, 1.0),
       flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), max_size=6))
def test_damaged_real_files(tmp_path, suffix, cut, flips):
    data = bytearray(REAL[suffix])
    for where, xor in flips:
        i = min(len(data) - 1, int(where * len(data)))
        data[i] ^= xor
    if cut < 0.5:
        data = data[: int(len(data) * (0.5 + cut))]
    check(tmp_path, "损坏" + suffix, bytes(data))
