"""Bad input: every case gives ExtractError with one Chinese line naming the file and saying what to do."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from reader_fixtures import GBK_PLAN, encrypted_office, old_excel, old_word
from typer.testing import CliRunner

from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import MAX_TEXT_BYTES, read_document


def refused(path: Path) -> str:
    with pytest.raises(ExtractError) as err:
        read_document(path)
    msg = str(err.value)
    assert "\n" not in msg and "Traceback" not in msg
    assert msg.startswith(f"{path.name}："), msg
    assert "请" in msg, msg                     # it says what to do
    assert err.value.__cause__ is None or not isinstance(err.value.__cause__, ExtractError)
    return msg


def small_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("云溪高新区2025年工作要点：全年实现营业收入120亿元。" * 40)
    d.save(path)
    return path


def small_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    for i in range(300):
        wb.active.append([i, f"云溪第{i}号项目", 1000 + i])
    wb.save(path)
    return path


@pytest.mark.parametrize("name", ["空.txt", "空.docx", "空.xlsx", "空.pdf"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert "文件是空的" in refused(path)


def test_blank_text_file(tmp_path):
    path = tmp_path / "空白.txt"
    path.write_bytes(b"\xef\xbb\xbf \r\n\r\n  \n")
    assert "没有文字" in refused(path)


def test_missing_file(tmp_path):
    assert "文件不存在" in refused(tmp_path / "不存在的计划.docx")


def test_a_directory(tmp_path):
    folder = tmp_path / "计划.docx"
    folder.mkdir()
    assert "文件夹" in refused(folder)


@pytest.mark.parametrize("name,expect", [
    ("计划.doc", "用 Word 或 WPS 打开后另存为 .docx"), ("台账.xls", "用 Excel 或 WPS 打开后另存为 .xlsx"),
    ("表.csv", "另存为 .xlsx"),
    ("图片.png", "不支持 .png"), ("无扩展名", "无扩展名"), ("计划.wps", "WPS"),
])
def test_unsupported_suffix(tmp_path, name, expect):
    path = tmp_path / name
    path.write_bytes(b"something")
    assert expect in refused(path)


def test_binary_junk_renamed_docx(tmp_path):
    path = tmp_path / "乱码.docx"
    path.write_bytes(bytes(range(256)) * 64)
    msg = refused(path)
    assert "不是有效的 Word" in msg and "另存为 .docx" in msg


def test_binary_junk_renamed_xlsx(tmp_path):
    path = tmp_path / "乱码.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    assert "不是有效的 Excel" in refused(path)


@pytest.mark.parametrize("data", [b"\x00\x01\x02\xff\xfe\x00" * 500, b"\x00" * 4096, b"PK\x00\x00abc" * 100])
def test_binary_junk_renamed_txt(tmp_path, data):
    path = tmp_path / "乱码.txt"
    path.write_bytes(data)
    assert "不是文本文件" in refused(path)


@pytest.mark.parametrize("build,name,app", [(small_docx, "截断.docx", "Word"), (small_xlsx, "截断.xlsx", "Excel")])
@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_zip(tmp_path, build, name, app, keep):
    whole = build(tmp_path / ("whole" + Path(name).suffix)).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * keep)])
    msg = refused(path)
    assert "已损坏" in msg and app in msg


def test_zip_with_a_corrupted_member(tmp_path):
    whole = small_docx(tmp_path / "whole.docx").read_bytes()
    z = zipfile.ZipFile(io.BytesIO(whole))
    info = z.getinfo("word/document.xml")
    data = bytearray(whole)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "坏块.docx"
    path.write_bytes(bytes(data))
    assert "已损坏" in refused(path)


def test_a_zip_that_is_not_office(tmp_path):
    path = tmp_path / "压缩包.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "没有Word正文" in refused(path)


def test_xlsx_named_docx_and_back(tmp_path):
    x = small_xlsx(tmp_path / "a.xlsx").read_bytes()
    (tmp_path / "表格.docx").write_bytes(x)
    assert "其实是 Excel" in refused(tmp_path / "表格.docx")
    d = small_docx(tmp_path / "b.docx").read_bytes()
    (tmp_path / "文档.xlsx").write_bytes(d)
    assert "其实是 Word" in refused(tmp_path / "文档.xlsx")


@pytest.mark.parametrize("name", ["加密.docx", "加密.xlsx"])
def test_password_protected_office_file(tmp_path, name):
    msg = refused(encrypted_office(tmp_path / name))
    assert "密码" in msg and "取消密码" in msg


def test_old_word_and_excel_behind_new_names(tmp_path):
    assert "Word 97-2003" in refused(old_word(tmp_path / "旧版.docx"))
    assert "Excel 97-2003" in refused(old_excel(tmp_path / "旧版.xlsx"))


def test_pdf_renamed(tmp_path):
    path = tmp_path / "其实是PDF.docx"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 100)
    assert "其实是 PDF" in refused(path)
    path = tmp_path / "其实是Word.pdf"
    path.write_bytes(small_docx(tmp_path / "c.docx").read_bytes())
    assert "不是 PDF" in refused(path)
    path = tmp_path / "其实是Word.txt"
    path.write_bytes(small_docx(tmp_path / "d.docx").read_bytes())
    assert "不是纯文本" in refused(path)


def test_a_huge_text_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "巨大.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)        # 50 MB, sparse: reading it would take noticeable time
    start = time.perf_counter()
    msg = refused(path)
    assert time.perf_counter() - start < 0.2
    assert "文件过大" in msg and "20.0 MB" in msg and "拆分" in msg


def test_the_limit_is_a_named_constant(tmp_path):
    assert MAX_TEXT_BYTES == 20 * 1024 * 1024
    path = tmp_path / "刚好.txt"
    line = "全年实现营业收入120亿元。\n".encode("utf-8")
    path.write_bytes(line * (1024 * 1024 // len(line)))
    assert read_document(path).paragraphs


def test_mixed_encodings(tmp_path):
    path = tmp_path / "两种编码.txt"
    path.write_bytes(GBK_PLAN.encode("utf-8") + GBK_PLAN.encode("gbk"))
    msg = refused(path)
    assert "UTF-8" in msg and "另存为 UTF-8" in msg


def test_cli_prints_one_line_and_fails(tmp_path):
    from parkgov.cli import app

    path = tmp_path / "加密.xlsx"
    encrypted_office(path)
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code != 0
    out = (result.stderr if hasattr(result, "stderr") and result.stderr else result.output).strip()
    assert out.count("\n") == 0 and out.startswith("加密.xlsx：") and "密码" in out
    assert "Traceback" not in result.output
