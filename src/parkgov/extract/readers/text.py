"""Plain text (.txt): decoding (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030 and
anything else charset-normalizer recognises) and the split into paragraphs and tables.

``Document.text`` is the decoded file itself; the only normalisation is CRLF (and a lone
CR) to LF, done before any offset is computed. Paragraphs are the non-blank lines outside
tables; their offsets point into the text (``text[p.offset:p.offset+len(p.text)] == p.text``).
Tables are recovered from the two export shapes of Word tables (see ``text_tables``).
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from parkgov.extract.document import Block, Document, Paragraph
from parkgov.extract.readers.common import fail, sha256_bytes
from parkgov.extract.readers.text_tables import Line, find_tables

# Export artefacts that carry no text: a Word bookmark anchor and Markdown bold markers.
_LEADING_JUNK = re.compile(r"^(?:\[bookmark:[^\]]*\]|\*\*|[ \t\u3000\xa0])+")

_CHINESE_ENCODINGS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
                      "cp936": "gb18030", "euc_cn": "gb18030"}


def read_text(path: Path, data: bytes) -> Document:
    text = decode(path, data)
    if not text.strip():
        raise fail(path, "文件中没有文字", "请确认选择了正确的文件")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(path=str(path), format="txt", sha256=sha256_bytes(data), text=text,
                    blocks=split_blocks(text))


def decode(path: Path, data: bytes) -> str:
    """Decodes the bytes of a .txt; refuses binary, mixed and unknown encodings with one Chinese line."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError:
            raise _mixed_or_unknown(path, data[len(codecs.BOM_UTF8):]) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(path, "UTF-16 文本已损坏", "请用记事本打开后另存为 UTF-8 编码") from None
    if b"\x00" in data[:65536]:  # no 8-bit text encoding has NUL bytes (UTF-16/32 have a BOM)
        raise fail(path, "不是文本文件（含有二进制内容）", "请确认文件类型，或把原文另存为 .txt（UTF-8）后重试")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_lines(data):
        raise fail(path, "文件中混有 UTF-8 和 GBK 等不同编码的内容", "请用记事本或 WPS 打开核对后另存为 UTF-8 编码再导入")
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise fail(path, "无法识别文本编码", "请用记事本或 WPS 打开后另存为 UTF-8 编码再导入")
    # On short texts several decodings are equally clean (GBK bytes also decode as Big5 or EUC-KR);
    # among the ones charset-normalizer rates as good as the best, GB18030 wins: it is the
    # national standard the documents of mainland parks are written in.
    for match in matches:
        if match.chaos <= best.chaos + 0.01 and _canonical(match.encoding) == "gb18030":
            best = match
            break
    encoding = _canonical(best.encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise _mixed_or_unknown(path, data) from None


def _canonical(encoding: str) -> str:
    name = encoding.lower().replace("-", "_")
    return _CHINESE_ENCODINGS.get(name, name)


def _mixed_or_unknown(path: Path, data: bytes):
    if _has_utf8_lines(data):
        return fail(path, "文件中混有 UTF-8 和 GBK 等不同编码的内容", "请用记事本或 WPS 打开核对后另存为 UTF-8 编码再导入")
    return fail(path, "无法识别文本编码", "请用记事本或 WPS 打开后另存为 UTF-8 编码再导入")


#: Four Chinese characters in a row that decode as UTF-8 do not happen by accident in GBK bytes
#: (each needs three bytes in narrow ranges at the right alignment: about 1e-9 per position).
_UTF8_HANZI_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


def _has_utf8_lines(data: bytes) -> bool:
    """True when part of the bytes is UTF-8 Chinese text (so the part that fails is another encoding)."""
    return _UTF8_HANZI_RUN.search(data.decode("utf-8", errors="replace")) is not None


def split_blocks(text: str) -> list[Block]:
    """Paragraphs (non-blank lines) and tables over the decoded text, in order."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(raw, pos))
        pos += len(raw) + 1
    blocks: list[Block] = []
    tables = find_tables(lines)
    i = 0
    for start, end, table in tables + [(len(lines), len(lines), None)]:
        for line in lines[i:start]:
            para = paragraph_of(line)
            if para is not None:
                blocks.append(para)
        if table is not None:
            blocks.append(table)
        i = end
    return blocks


_SPACES = " \t\u3000\xa0"


def paragraph_of(line: Line) -> Paragraph | None:
    """The line as a paragraph without outer spaces and export artefacts, or None when blank."""
    s = line.text
    lead = 0
    if s[:1] in (" ", "\t", "\u3000", "\xa0", "*", "["):
        m = _LEADING_JUNK.match(s)
        lead = m.end() if m else 0
    end = len(s.rstrip(_SPACES))
    while s.endswith("**", lead, end):
        end = len(s[:end - 2].rstrip(_SPACES))
    if end <= lead:
        return None
    return Paragraph(text=s[lead:end], offset=line.offset + lead)
