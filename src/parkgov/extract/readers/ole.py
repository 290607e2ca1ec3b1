"""OLE compound files behind a .docx/.xlsx name: password-protected Office files or old formats.

A password-protected .docx/.xlsx is not a zip: Office wraps the encrypted package in an
OLE compound file with the streams ``EncryptionInfo`` and ``EncryptedPackage``. An old
Word 97-2003 file has a ``WordDocument`` stream, an old Excel file a ``Workbook`` (or
``Book``) stream. Stream names are stored in UTF-16LE in the directory sectors, so a
byte search is enough to tell them apart without parsing the file.
"""
from __future__ import annotations

from pathlib import Path

from parkgov.extract.errors import ExtractError
from parkgov.extract.readers.common import fail


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def ole_streams(data: bytes) -> set[str]:
    names = ("EncryptedPackage", "EncryptionInfo", "WordDocument", "Workbook", "Book", "PowerPoint Document")
    return {n for n in names if _utf16(n) in data}


def explain_ole(path: Path, data: bytes, suffix: str) -> ExtractError:
    streams = ole_streams(data)
    app = "Word" if suffix == ".docx" else "Excel"
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        return fail(path, "文件设有打开密码（已加密）",
                    f"请在 {app} 中打开并取消密码（文件→信息→保护{'文档' if app == 'Word' else '工作簿'}→用密码进行加密→清空），另存后再导入")
    if "WordDocument" in streams:
        return fail(path, "这是旧版 Word 97-2003 格式（.doc），只是扩展名写成了 " + suffix,
                    "请用 Word 或 WPS 打开后另存为 .docx 再导入")
    if "Workbook" in streams or "Book" in streams:
        return fail(path, "这是旧版 Excel 97-2003 格式（.xls），只是扩展名写成了 " + suffix,
                    "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入")
    return fail(path, f"不是有效的 {app}（{suffix}）文件（是其他 Office 旧格式或已损坏）",
                f"请用 {app} 或 WPS 打开后另存为 {suffix} 再导入")
