"""Readers: one file in, one ``Document`` out (see ``parkgov.extract.document``).

``read_document(path)`` checks the path (exists, is a file, supported suffix, not empty,
not over the size limit), sniffs what the bytes really are (a zip for .docx/.xlsx, an OLE
compound file = encrypted or old Office format, a PDF) and hands them to the reader for
the format. Every bad input raises ``ExtractError`` whose ``str()`` is one Chinese line
naming the file and saying what to do; nothing else escapes.
"""
from __future__ import annotations

from pathlib import Path

from parkgov.extract.document import Document
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers.common import (
    MAX_BINARY_BYTES,
    MAX_TEXT_BYTES,
    OLE_MAGIC,
    PDF_MAGIC,
    ZIP_MAGIC,
    fail,
)

__all__ = ["read_document", "SUPPORTED_SUFFIXES", "MAX_TEXT_BYTES", "MAX_BINARY_BYTES"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf")

# formats a person can re-save from Word/Excel or WPS: (what it is, which program, the suffix to save as)
_OLD_FORMATS = {
    ".doc": ("旧版 Word 格式（.doc）", "Word 或 WPS", ".docx"), ".wps": ("WPS 文字格式（.wps）", "WPS", ".docx"),
    ".rtf": ("RTF 格式", "Word 或 WPS", ".docx"), ".xls": ("旧版 Excel 格式（.xls）", "Excel 或 WPS", ".xlsx"),
    ".et": ("WPS 表格格式（.et）", "WPS", ".xlsx"), ".csv": ("CSV 格式", "Excel 或 WPS", ".xlsx"),
}


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def read_document(path: Path | str) -> Document:
    """Reads a .txt/.docx/.xlsx/.pdf file; raises ``ExtractError`` (one Chinese line) on bad input."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        st = path.stat()
    except FileNotFoundError:
        raise fail(path, "文件不存在", "请检查路径和文件名是否正确") from None
    except PermissionError:
        raise fail(path, "没有读取该文件的权限", "请检查文件权限后重试") from None
    except OSError as exc:
        raise fail(path, f"无法访问该文件（{exc.strerror or type(exc).__name__}）", "请检查路径后重试") from None
    if path.is_dir():
        raise fail(path, "这是一个文件夹，不是文件", "请指定其中的 .txt、.docx、.xlsx 或 .pdf 文件")
    if suffix not in SUPPORTED_SUFFIXES:
        if suffix in _OLD_FORMATS:
            what, program, target = _OLD_FORMATS[suffix]
            raise fail(path, f"不支持{what}", f"请用 {program} 打开后另存为 {target} 再导入")
        shown = suffix or "（无扩展名）"
        raise fail(path, f"不支持 {shown} 格式", "请提供 .docx、.xlsx、.pdf 或 .txt 文件")
    if not path.is_file():
        raise fail(path, "不是普通文件", "请指定一个 .txt、.docx、.xlsx 或 .pdf 文件")
    limit = MAX_TEXT_BYTES if suffix == ".txt" else MAX_BINARY_BYTES
    if st.st_size > limit:
        raise fail(path, f"文件过大（{_mb(st.st_size)}，上限 {_mb(limit)}）", "请拆分成几个较小的文件后分别导入")
    if st.st_size == 0:
        raise fail(path, "文件是空的（0 字节）", "请确认选择了正确的文件，或重新导出后再导入")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(path, f"读取失败（{exc.strerror or type(exc).__name__}）", "请检查文件是否被占用或损坏后重试") from None
    if len(data) > limit:  # the file grew between stat and read
        raise fail(path, f"文件过大（{_mb(len(data))}，上限 {_mb(limit)}）", "请拆分成几个较小的文件后分别导入")
    try:
        return _dispatch(path, suffix, data)
    except ExtractError:
        raise
    except RecursionError:
        raise fail(path, "文件结构嵌套过深，无法读取", "请用 Word/Excel 打开后另存为新文件再导入") from None
    except MemoryError:
        raise fail(path, "文件内容过大，内存不足", "请拆分成几个较小的文件后分别导入") from None
    except Exception as exc:  # a reader bug or a library surprise must still be one line for the user
        raise fail(path, f"读取文件时出错（内部错误 {type(exc).__name__}）",
                   "请用 Word/Excel/WPS 打开后另存为新文件再导入，仍不行请把文件发给系统管理员") from exc


def _dispatch(path: Path, suffix: str, data: bytes) -> Document:
    kind = _sniff(data)
    if suffix == ".txt":
        if kind in ("zip", "ole", "pdf"):
            real = {"zip": "Word/Excel（.docx/.xlsx）", "ole": "Office", "pdf": "PDF"}[kind]
            raise fail(path, f"这其实是{real}文件，不是纯文本", "请改回正确的扩展名后再导入")
        from parkgov.extract.readers.text import read_text

        return read_text(path, data)
    if suffix in (".docx", ".xlsx"):
        word = "Word" if suffix == ".docx" else "Excel"
        if kind == "ole":
            from parkgov.extract.readers.ole import explain_ole

            raise explain_ole(path, data, suffix)
        if kind == "pdf":
            raise fail(path, f"这其实是 PDF 文件，不是 {word} 文件", "请把扩展名改为 .pdf 后再导入")
        if kind != "zip":
            raise fail(path, f"不是有效的 {word}（{suffix}）文件，可能已损坏或只是改了扩展名",
                       f"请用 {word} 或 WPS 打开后重新另存为 {suffix} 再导入")
        if suffix == ".docx":
            from parkgov.extract.readers.docx import read_docx

            return read_docx(path, data)
        from parkgov.extract.readers.xlsx import read_xlsx

        return read_xlsx(path, data)
    # .pdf
    if kind != "pdf":
        if kind == "zip" or kind == "ole":
            raise fail(path, "这其实是 Office 文件，不是 PDF", "请把扩展名改为 .docx 或 .xlsx 后再导入")
        raise fail(path, "不是有效的 PDF 文件，可能已损坏或只是改了扩展名", "请重新导出 PDF，或提供 Word 原件")
    from parkgov.extract.readers.pdf import read_pdf

    return read_pdf(path, data)


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if PDF_MAGIC in head:
        return "pdf"
    return "other"
