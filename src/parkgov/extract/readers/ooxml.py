"""Opening an Office Open XML package (.docx/.xlsx) safely, with one Chinese line for every failure."""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from parkgov.extract.errors import ExtractError
from parkgov.extract.readers.common import fail

#: An XML part that unpacks to more than this is refused (a zip bomb, not a plan).
MAX_PART_BYTES = 256 * 1024 * 1024

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                          remove_pis=True, huge_tree=True)

_WHAT = {".docx": ("Word", "word/document.xml"), ".xlsx": ("Excel", "xl/workbook.xml")}


class Package:
    """The parts of an OOXML zip: XML by name, relationships resolved."""

    def __init__(self, path: Path, data: bytes, suffix: str) -> None:
        self.path = path
        self.suffix = suffix
        self.app = _WHAT[suffix][0]
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
            raise self.broken() from None

    def broken(self) -> ExtractError:
        return fail(self.path, f"{self.app} 文件已损坏或不完整（可能下载或复制时中断）",
                    f"请重新获取原文件，或用 {self.app}/WPS 打开修复后另存为 {self.suffix} 再导入")

    def check_kind(self) -> None:
        """Refuses a package of the other kind (an .xlsx named .docx and so on)."""
        if "word/document.xml" in self.names or "xl/workbook.xml" in self.names or self.main_part():
            main = self.main_part() or ""
            if self.suffix == ".docx" and main.startswith("xl/"):
                raise fail(self.path, "这其实是 Excel 文件，不是 Word 文件", "请把扩展名改为 .xlsx 后再导入")
            if self.suffix == ".xlsx" and main.startswith("word/"):
                raise fail(self.path, "这其实是 Word 文件，不是 Excel 文件", "请把扩展名改为 .docx 后再导入")
            if main:
                return
        raise fail(self.path, f"不是有效的 {self.app}（{self.suffix}）文件（压缩包里没有{self.app}正文）",
                   f"请用 {self.app} 或 WPS 打开后重新另存为 {self.suffix} 再导入")

    def main_part(self) -> str | None:
        rels = self.xml("_rels/.rels", required=False)
        if rels is not None:
            for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("Type") in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                    target = rel.get("Target", "").lstrip("/")
                    if target in self.names:
                        return target
        default = _WHAT[self.suffix][1]
        return default if default in self.names else None

    def related(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of ``part``: rId -> (type, target part name)."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"), required=False)
        out: dict[str, tuple[str, str]] = {}
        if rels is None:
            return out
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def related_of_type(self, part: str, suffix: str) -> str | None:
        for kind, target in self.related(part).values():
            if kind.endswith("/" + suffix) and target in self.names:
                return target
        return None

    def read(self, name: str) -> bytes:
        try:
            info = self.zip.getinfo(name)
            if info.file_size > MAX_PART_BYTES:
                raise fail(self.path, "文件内容异常庞大（可能是压缩炸弹）", "请确认文件来源，或另存为新文件后再导入")
            return self.zip.read(name)
        except ExtractError:
            raise
        except KeyError:
            raise self.broken() from None
        except RuntimeError:  # a zip-level password on one member
            raise fail(self.path, "文件设有密码（已加密）", f"请在 {self.app} 中取消密码后另存再导入") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
            raise self.broken() from None

    def xml(self, name: str, required: bool = True):
        if name not in self.names:
            if required:
                raise self.broken()
            return None
        data = self.read(name)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            if required:
                raise fail(self.path, f"{self.app} 文件内容已损坏（XML 不完整）",
                           f"请用 {self.app}/WPS 打开修复后另存为 {self.suffix} 再导入") from None
            return None
