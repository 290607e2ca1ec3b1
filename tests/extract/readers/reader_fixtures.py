"""Small fictional documents for the reader tests, written at test time (nothing binary is committed)."""
from __future__ import annotations

import struct
from pathlib import Path

# A plan of a fictional park, as a person would type it in Notepad on a Chinese Windows (GBK).
GBK_PLAN = """青禾经济开发区2025年工作计划

青开管发〔2025〕3号

一、主要目标
全年实现技工贸总收入86.5亿元，同比增长8.2%；规模工业增加值增长7%以上。
新引进项目15个，其中亿元以上项目6个。

二、重点任务
（一）抓项目建设。全年实施重点项目22个，年度计划投资31.4亿元。
（二）抓企业培育。新增规上工业企业8家、高新技术企业5家。

附件

青禾经济开发区2025年重点工作责任表

序号\t重点工作\t责任领导\t责任单位
1\t项目建设\t林  岚\t经发局
2\t企业培育\t周  朗\t科工局、招商局
3\t园区环境\t林  岚\t建设局\t
"""

# A responsibility table exported as text, one cell per line (the shape of seed 004), for a
# different fictional park: six columns, a multi-line header cell, vertically merged
# categories, a cell ending in an empty paragraph (a blank line inside row 3), a row whose
# task cell was merged across the target column (row 4 has five cells) and the header
# repeated on the second page.
CELL_PER_LINE = """云溪高新区2025年重点任务分解表
\t序号
\t类别
\t任务
\t目标
\t责任
领导
\t责任单位

\t1
\t经济
指标
\t园区营业收入
\t增长10%以上
\t程  远
\t经发局

\t2
\t
\t工业投资
\t增长12%以上
\t程  远
许  宁
\t经发局
财政局

\t序号
\t类别
\t任务
\t目标
\t责任
领导
\t责任单位

\t3
\t项目建设
\t重大项目
\t新开工项目8个，竣工投产5个
\t许  宁

\t招商局
建设局

\t4
\t民生实事
\t完成人才公寓建设
\t程  远
\t建设局

以上任务每月底前报送进展。
"""


# --- OLE compound files (what an encrypted .docx/.xlsx really is) ------------------------------

ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _dir_entry(name: str, kind: int, left: int = NOSTREAM, right: int = NOSTREAM, child: int = NOSTREAM,
               start: int = ENDOFCHAIN, size: int = 0) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry = raw.ljust(64, b"\x00")
    entry += struct.pack("<HBB", len(raw), kind, 1)            # name length, type, colour (black)
    entry += struct.pack("<III", left, right, child)
    entry += b"\x00" * 16 + struct.pack("<I", 0) + b"\x00" * 16  # clsid, state bits, times
    entry += struct.pack("<IIi", start, size, 0)
    assert len(entry) == 128
    return entry


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal, valid compound file (version 3, 512-byte sectors) holding ``streams``.

    Streams are padded to 4096 bytes so that they live in regular sectors (no mini stream).
    At most three streams, so the directory fits one sector.
    """
    assert 1 <= len(streams) <= 3
    names = list(streams)
    datas = [streams[n].ljust(4096, b"\x00") for n in names]
    fat = [FATSECT, ENDOFCHAIN]          # sector 0: FAT, sector 1: directory
    starts = []
    for data in datas:
        n = len(data) // 512
        start = len(fat)
        starts.append(start)
        fat.extend(range(start + 1, start + n))
        fat.append(ENDOFCHAIN)
    fat += [FREESECT] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108
    assert len(header) == 512
    # directory: root's child is the first stream; the others hang as right siblings (names sorted)
    order = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    entries = [_dir_entry("Root Entry", 5, child=order[0] + 1)]
    for i, name in enumerate(names):
        pos = order.index(i)
        right = order[pos + 1] + 1 if pos + 1 < len(order) else NOSTREAM
        entries.append(_dir_entry(name, 2, right=right, start=starts[i], size=len(streams[name])))
    directory = b"".join(entries).ljust(512, b"\x00")
    return header + struct.pack("<128I", *fat) + directory + b"".join(datas)


def encrypted_office(path: Path) -> Path:
    """What Office writes for a password-protected .docx/.xlsx: EncryptionInfo + EncryptedPackage."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version=\"1.0\"?><encryption/>"
    path.write_bytes(ole_file({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 9000) + bytes(range(256)) * 8}))
    return path


def old_word(path: Path) -> Path:
    path.write_bytes(ole_file({"WordDocument": b"\xec\xa5" + b"\x00" * 64, "1Table": b"\x00" * 64}))
    return path


def old_excel(path: Path) -> Path:
    path.write_bytes(ole_file({"Workbook": b"\x09\x08" + b"\x00" * 64}))
    return path
