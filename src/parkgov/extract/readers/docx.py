"""Word (.docx): paragraphs and tables in document order, straight from the package XML.

Linearisation (``Document.text``, built by ``common.TextBuilder``):

- A paragraph is one line, followed by a blank line. A manual line break (``w:br``) inside
  a paragraph starts a new line (no blank line), and each line is its own ``Paragraph``
  (as in the .txt export of the same file).
  Automatic numbering is rendered as Word shows it (``一、``, ``（一）``, ``1.``, ``①`` …);
  bullets are left out.
- A table row is one line of cells joined by tabs; a cell holding several paragraphs keeps
  them joined by ``"\\n"`` (so ``"韩知远\\n林  川"`` stays two names).
- Merged cells: the first cell of a vertical merge holds the text, the cells it spans below
  hold ``""`` (extractors fill down); a horizontally merged cell appears once followed by
  ``""`` for each extra grid column it covers.
- A table nested in a cell becomes its own ``Table`` block right after the outer table
  (depth first, in reading order); the outer cell keeps only its own paragraphs.
- A first row that is one cell spanning the whole table is the table's title: it becomes a
  ``Paragraph`` before the table. A one-column table (a framed block of text) is read as
  paragraphs.
- Headers, footers, footnotes, comments, text boxes and deleted (tracked) text are left out.
"""
from __future__ import annotations

from pathlib import Path

from parkgov.extract.document import Document
from parkgov.extract.readers.common import MAX_TEXT_CHARS, TextBuilder, fail, sha256_bytes
from parkgov.extract.readers.ooxml import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_w = f"{{{W}}}"
P, TBL, TR, TC, R, T = _w + "p", _w + "tbl", _w + "tr", _w + "tc", _w + "r", _w + "t"
SDT, SDT_CONTENT, CUSTOM_XML, SMART_TAG = _w + "sdt", _w + "sdtContent", _w + "customXml", _w + "smartTag"
VAL = _w + "val"
# containers whose children are read as if they stood in the parent
_TRANSPARENT = {SDT, SDT_CONTENT, CUSTOM_XML, SMART_TAG, _w + "hyperlink", _w + "ins", _w + "moveTo",
                _w + "fldSimple", _w + "dir", _w + "bdo"}
# never read: deleted text, drawings and text boxes (their text is doubled in fallbacks), notes
_SKIP = {_w + "del", _w + "moveFrom", _w + "drawing", _w + "pict", _w + "object", _w + "txbxContent",
         _w + "pPr", _w + "rPr", _w + "sdtPr", _w + "sdtEndPr", _w + "footnoteReference",
         _w + "endnoteReference", _w + "commentReference",
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def read_docx(path: Path, data: bytes) -> Document:
    pkg = Package(path, data, ".docx")
    pkg.check_kind()
    main = pkg.main_part()
    root = pkg.xml(main)
    body = root.find(_w + "body")
    if body is None:
        raise fail(path, "Word 文件内容已损坏（没有正文）", "请用 Word/WPS 打开修复后另存为 .docx 再导入")
    numbering = _Numbering(pkg, main)
    builder = TextBuilder()
    reader = _Reader(builder, numbering)
    reader.blocks(body)
    if not builder.blocks:
        raise fail(path, "Word 文档中没有可读取的文字（可能只有图片或扫描页）",
                   "请提供含文字的 Word 原件，或先做 OCR 文字识别")
    if builder.length > MAX_TEXT_CHARS:
        raise fail(path, f"文档文字过多（超过 {MAX_TEXT_CHARS // 1024 // 1024}M 字）", "请拆分成几个较小的文件后分别导入")
    return builder.document(path, "docx", sha256_bytes(data))


class _Reader:
    def __init__(self, builder: TextBuilder, numbering: "_Numbering") -> None:
        self.out = builder
        self.numbering = numbering

    def blocks(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.out.lines(self.paragraph_lines(child))
            elif tag == TBL:
                self.table(child)
            elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                self.blocks(child)

    # --- paragraphs ----------------------------------------------------------------------

    def paragraph_lines(self, p) -> list[str]:
        text = self.numbering.label(p) + _run_text(p)
        return text.split("\n")

    # --- tables --------------------------------------------------------------------------

    def table(self, tbl) -> None:
        grid: list[list[str]] = []
        spans: list[list[int]] = []
        nested: list = []
        for tr in _children(tbl, TR):
            row: list[str] = []
            row_spans: list[int] = []
            before = _int(tr.find(f"{_w}trPr/{_w}gridBefore"), 0)
            row.extend([""] * before)
            row_spans.extend([1] * before)
            for tc in _children(tr, TC):
                tcpr = tc.find(_w + "tcPr")
                span = _int(tcpr.find(_w + "gridSpan") if tcpr is not None else None, 1)
                continued = False
                if tcpr is not None:
                    vmerge = tcpr.find(_w + "vMerge")
                    hmerge = tcpr.find(_w + "hMerge")
                    continued = (vmerge is not None and vmerge.get(VAL, "continue") != "restart") or \
                                (hmerge is not None and hmerge.get(VAL, "continue") != "restart")
                text = "" if continued else self.cell_text(tc, nested)
                if continued:
                    self.collect_nested(tc, nested)
                row.append(text)
                row_spans.append(max(1, span))
                row.extend([""] * (max(1, span) - 1))
            grid.append(row)
            spans.append(row_spans)
        width = max((len(r) for r in grid), default=0)
        grid = [r + [""] * (width - len(r)) for r in grid]
        if width == 1:
            for r in grid:
                for line in r[0].split("\n"):  # each cell paragraph is a paragraph
                    self.out.paragraph(line)
        elif grid:
            first = [c for c in grid[0] if c.strip()]
            if len(grid) > 1 and len(spans[0]) == 1 and len(first) == 1:
                for line in first[0].split("\n"):
                    self.out.paragraph(line)
                grid = grid[1:]
            self.out.table(grid)
        for inner in nested:
            self.table(inner)

    def cell_text(self, tc, nested: list) -> str:
        lines: list[str] = []
        self._cell_into(tc, lines, nested)
        return "\n".join(lines)

    def _cell_into(self, parent, lines: list[str], nested: list) -> None:
        for child in parent:
            if child.tag == P:
                lines.extend(self.paragraph_lines(child))
            elif child.tag == TBL:
                nested.append(child)
            elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                self._cell_into(child, lines, nested)

    def collect_nested(self, parent, nested: list) -> None:
        for child in parent:
            if child.tag == TBL:
                nested.append(child)
            elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                self.collect_nested(child, nested)


def _children(parent, tag: str):
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            yield from _children(child, tag)


def _int(el, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(VAL, default))
    except (TypeError, ValueError):
        return default


def _run_text(p) -> str:
    """The visible text of a paragraph: runs, tabs, breaks, symbols; not deleted text or drawings."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == T:
                parts.append(el.text or "")
            elif tag == R or tag in _TRANSPARENT:
                stack.append(iter(el))
                break
            elif tag == _w + "tab" or tag == _w + "ptab":
                parts.append("\t")
            elif tag == _w + "br":
                if el.get(_w + "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == _w + "cr":
                parts.append("\n")
            elif tag == _w + "noBreakHyphen":
                parts.append("-")
            elif tag == _w + "sym":
                code = el.get(_w + "char", "")
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    ch = ""
                if ch and not ("\ue000" <= ch <= "\uf8ff"):
                    parts.append(ch)
        else:
            stack.pop()
    return "".join(parts)


# --- automatic numbering -------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    parts = [(n // 1000, units[2]), (n // 100 % 10, units[1]), (n // 10 % 10, units[0]), (n % 10, "")]
    zero = False
    for d, u in parts:
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += digits[d] + u
    if digits is _CN_DIGITS and 10 <= n < 20:
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographTraditional"):
        return _chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Renders Word's automatic list numbers (numbering.xml, styles.xml) as Word shows them."""

    def __init__(self, pkg: Package, main: str) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}     # numId -> (abstractNumId, start overrides)
        self.levels: dict[tuple[str, int], tuple[str, str, int, bool, str]] = {}  # fmt, text, start, isLgl, suff
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        part = pkg.related_of_type(main, "numbering")
        root = pkg.xml(part, required=False) if part else None
        if root is not None:
            for absn in root.iter(_w + "abstractNum"):
                aid = absn.get(_w + "abstractNumId", "")
                for lvl in absn.iter(_w + "lvl"):
                    self.levels[(aid, _ilvl(lvl))] = _level(lvl)
            for num in root.iter(_w + "num"):
                nid = num.get(_w + "numId", "")
                absref = num.find(_w + "abstractNumId")
                overrides: dict[int, int] = {}
                for ov in num.iter(_w + "lvlOverride"):
                    so = ov.find(_w + "startOverride")
                    if so is not None:
                        overrides[_ilvl(ov)] = _int(so, 1)
                    lvl = ov.find(_w + "lvl")
                    if lvl is not None and absref is not None:
                        self.levels[(f"{nid}#", _ilvl(ov))] = _level(lvl)
                if absref is not None:
                    self.nums[nid] = (absref.get(VAL, ""), overrides)
        spart = pkg.related_of_type(main, "styles")
        sroot = pkg.xml(spart, required=False) if spart else None
        if sroot is not None and self.nums:
            based: dict[str, str] = {}
            own: dict[str, tuple[str | None, int | None]] = {}
            for st in sroot.iter(_w + "style"):
                sid = st.get(_w + "styleId", "")
                b = st.find(_w + "basedOn")
                if b is not None:
                    based[sid] = b.get(VAL, "")
                numpr = st.find(f"{_w}pPr/{_w}numPr")
                if numpr is not None:
                    nid = numpr.find(_w + "numId")
                    il = numpr.find(_w + "ilvl")
                    own[sid] = (nid.get(VAL) if nid is not None else None, _int(il, 0) if il is not None else None)
            for sid in set(own) | set(based):
                seen, cur = set(), sid
                nid, il = None, None
                while cur and cur not in seen:
                    seen.add(cur)
                    if cur in own:
                        n2, i2 = own[cur]
                        nid = nid if nid is not None else n2
                        il = il if il is not None else i2
                    cur = based.get(cur)
                if nid is not None:
                    self.style_num[sid] = (nid, il)

    def label(self, p) -> str:
        if not self.nums:
            return ""
        ppr = p.find(_w + "pPr")
        nid, ilvl = None, None
        if ppr is not None:
            numpr = ppr.find(_w + "numPr")
            if numpr is not None:
                n = numpr.find(_w + "numId")
                i = numpr.find(_w + "ilvl")
                nid = n.get(VAL) if n is not None else None
                ilvl = _int(i, 0) if i is not None else None
            if nid is None:
                ps = ppr.find(_w + "pStyle")
                if ps is not None and ps.get(VAL) in self.style_num:
                    nid, sil = self.style_num[ps.get(VAL)]
                    ilvl = ilvl if ilvl is not None else sil
        if not nid or nid == "0" or nid not in self.nums:
            return ""
        ilvl = ilvl or 0
        aid, overrides = self.nums[nid]
        level = self.levels.get((f"{nid}#", ilvl)) or self.levels.get((aid, ilvl))
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, [None] * 9)
        if nid not in self.started:
            self.started.add(nid)
            for lv, start in overrides.items():
                if 0 <= lv < 9:
                    counters[lv] = start - 1
                    for deeper in range(lv + 1, 9):
                        counters[deeper] = None
        if 0 <= ilvl < 9:
            current = counters[ilvl]
            counters[ilvl] = level[2] if current is None else current + 1
            for deeper in range(ilvl + 1, 9):
                counters[deeper] = None
        fmt, text, _start, is_lgl, suff = level
        if fmt == "bullet" or not text:
            return ""

        def value(k: int) -> str:
            lv = self.levels.get((f"{nid}#", k)) or self.levels.get((aid, k))
            n = counters[k] if counters[k] is not None else (lv[2] if lv else 1)
            kfmt = lv[0] if lv else "decimal"
            if is_lgl and k != ilvl:
                kfmt = "decimal"
            return format_number(n, kfmt)

        out = text
        for k in range(8, -1, -1):
            token = f"%{k + 1}"
            if token in out:
                out = out.replace(token, value(k))
        if suff != "nothing" and out and out[-1] not in "、.．)）:：" and not out[-1].isspace():
            out += " "
        return out


def _ilvl(el) -> int:
    try:
        return int(el.get(_w + "ilvl", 0))
    except (TypeError, ValueError):
        return 0


def _level(lvl) -> tuple[str, str, int, bool, str]:
    fmt_el = lvl.find(_w + "numFmt")
    text_el = lvl.find(_w + "lvlText")
    suff_el = lvl.find(_w + "suff")
    return (
        fmt_el.get(VAL, "decimal") if fmt_el is not None else "decimal",
        text_el.get(VAL, "") if text_el is not None else "",
        _int(lvl.find(_w + "start"), 1),
        lvl.find(_w + "isLgl") is not None,
        suff_el.get(VAL, "tab") if suff_el is not None else "tab",
    )
