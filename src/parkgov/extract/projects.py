"""Projects: rows of project tables, and project counts and investments stated in prose.

Tables are recognised by a header row as a whole: a project-name column (``项目名称``,
``项目``) and an investment column (``总投资``, ``计划投资（万元）``), no numbers; a data row
holding ``产业项目`` or ``完成`` is not a header, nor is an indicator table's ``指标名称``.
Amounts keep the unit as written: the cell's (``1.2亿元``), else the column's
(``总投资（万元）``), else the table's (a ``单位：万元`` caption, or the one unit the header
names). Section rows (``一、产业项目``, ``（一）新建项目``, ``一｜续建项目``) set the category and
stage of the rows below; 合计/小计 rows are not projects.

Prose: ``全年建设项目26个，其中产业项目15个(新建项目9个、…)…项目总投资308600万元`` gives
one aggregate per stated count (``建设项目（合计）``, ``产业项目``, ``产业项目（新建）`` …) and
the stated investments go to the sentence's first aggregate; a ``其中…`` sentence breaks down
the total of the sentence before.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parkgov.extract.document import Document, Table
from parkgov.extract.facts import Amount, DocumentInfo, ProjectFact
from parkgov.extract.figures import find_quantities, parse_number
from parkgov.extract.grids import grids
from parkgov.extract.names import split_names

_MONEY = ("亿美元", "万美元", "美元", "亿元", "万元", "元")
_MONEY_RE = re.compile("|".join(_MONEY))
_ROLE_WORDS = (
    ("ignore", r"备注|进展|形象进度|情况|说明|开工时间|竣工时间|起止年限|建设年限|地址|地点"),
    ("total", r"总投资|投资总额|总额"),
    ("annual", r"计划完成|计划投资|年度投资|年计划|年度计划|当年投资|投资计划|本年计划|\d{4}年投资"),
    ("completed", r"完成|累计|实际"),
    ("unit", r"责任单位|业主|建设单位|牵头单位|实施单位|责任部门|承建|项目单位|责任主体|单位$"),
    ("stage", r"建设性质|性质|阶段|新建/续建|新续建"),
    ("category", r"类别|类型|分类|领域|行业"),
    ("content", r"建设内容|建设规模|规模|内容"),
    ("seq", r"^(?:序号|编号|序)$"),
    ("name", r"项目名称|名称|项目"),
)
_ROLE_RES = tuple((role, re.compile(words)) for role, words in _ROLE_WORDS)
_AMOUNT_ROLES = ("total", "annual", "completed")
_STAGES = (("preliminary", r"前期|储备|谋划|拟建|预备"), ("continued", r"续建|在建|续"),
           ("new", r"新建|新开工|新开|新"))
_CATEGORIES = (("infrastructure", r"基础设施|基础|配套|市政|公共|民生|社会事业"),
               ("industrial", r"产业|工业|制造"))
_TOTAL_ROW = re.compile(r"^(?:合\s*计|小\s*计|总\s*计|共\s*计)")
_SECTION = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?")
_STAGE_WORDS = re.compile(r"新建|续建|前期|新开工|在建|储备")
_NOT_BUILD = re.compile(r"引进|签约|招商|包装|申报|争取|谋划|对接|洽谈|落地")
_LEAD_WORDS = re.compile(r"^(?:其中|全年|全区|共有|共计|共|计划|实施|今年|年内|累计|新增|有|包括|含|园区|开发区|"
                         r"安排|部署|确定|列入|纳入|推进|牵头)+")
_NAME_NOTE = re.compile(r"[（(]([^（()）]{1,6})[)）]$")
_UNIT_NOTE = re.compile(r"单位[:：]((?:亿|万)?(?:美)?元)")
_SECTION_SEQ = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[)）、.．]?$")
_SECTION_NAME = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．])?(?:新建|续建|前期|新开工|在建|储备|产业|工业|"
                           r"基础设施|社会事业|民生)+类?项目(?:[（(][^（()）]{0,10}[)）])?[:：]?$")
_BREAKDOWN = re.compile(r"^\s*(?:其中|分类看|从类型看|按类型分|按阶段分)")
_HEADING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[)）、]|\d{1,3}[.．、](?!\d))\s*\S{1,30}$")


def extract_projects(doc: Document, info: DocumentInfo | None = None) -> list[ProjectFact]:
    """Project rows of the tables, then project statements of the running text."""
    out: list[ProjectFact] = []
    try:
        for table in grids(doc):
            caption = (doc.text or "")[max(0, table.offset - 80):table.offset]
            out.extend(table_projects(table, unit_note(caption)))
    except Exception:  # a malformed table must not lose the prose statements
        pass
    try:
        out.extend(prose_projects(doc))
    except Exception:  # bad input never raises
        pass
    return _unique(out)


def _unique(facts: list[ProjectFact]) -> list[ProjectFact]:
    """A statement repeated word for word (a plan restating its targets) is kept once."""
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (f.name, f.count, f.category, f.stage, repr(f.total_investment),
               repr(f.annual_plan), repr(f.completed)) if f.aggregate else (id(f),)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _squeeze(text: str | None) -> str:
    if not isinstance(text, str):
        return ""
    return re.sub(r"\s+", "", text)


def stage_of(text: str | None) -> str | None:
    """new, continued or preliminary from 新建/续建/前期 words."""
    s = _squeeze(text)
    for stage, rx in _STAGES:
        if re.search(rx, s):
            return stage
    return None


def category_of(text: str | None) -> str | None:
    """industrial or infrastructure from 产业/基础设施 words."""
    s = _squeeze(text)
    for category, rx in _CATEGORIES:
        if re.search(rx, s):
            return category
    return None


def _stage_word(text: str | None) -> str | None:
    """A stage written in a category column (``类型：新建``)."""
    s = _squeeze(text)
    return stage_of(s) if _STAGE_WORDS.search(s) else None


# ---------------------------------------------------------------- tables

def column_role(header: str) -> str | None:
    h = _squeeze(header)
    if not h or len(h) > 24:
        return None
    for role, rx in _ROLE_RES:
        if rx.search(h):
            return role
    return None


@dataclass
class _Header:
    roles: list[str | None]
    units: list[str | None]
    name_only: bool = True


_NAME_HEADER = re.compile(r"^(?:重点|重大)?(?:建设|投资)?项目(?:名称|名)?$|项目名称")
_MONEY_HEADER = re.compile(r"投资|万元|亿元|美元|总额")
_NUMBER_CELL = re.compile(r"^[-+]?\d[\d,，.]*(?:%|[万亿]?元)?$")


def header_of(cells: tuple[str, ...]) -> _Header | None:
    """The header of a project table, or None.

    A header as a whole: a project-name column (``项目名称``, ``项目``), at least one
    investment column (``总投资``, ``计划投资（万元）``), no numbers, and most of its
    cells known header words. One data cell holding ``产业项目`` or ``完成`` is not enough.
    """
    texts = [_squeeze(c) for c in cells]
    filled = [t for t in texts if t]
    if len(filled) < 2 or len(set(filled)) < len(filled) or any(_NUMBER_CELL.match(t) for t in filled):
        return None
    roles = ["name" if _NAME_HEADER.search(t) and not _MONEY_HEADER.search(t) else column_role(c)
             for t, c in zip(texts, cells)]
    for i, t in enumerate(texts):
        if roles[i] in _AMOUNT_ROLES and not _MONEY_HEADER.search(t):
            roles[i] = "ignore"
    names = [i for i, t in enumerate(texts) if roles[i] == "name" and _NAME_HEADER.search(t)]
    if not names or not any(r in _AMOUNT_ROLES for r in roles):
        return None
    if sum(1 for t, r in zip(texts, roles) if t and r) * 3 < len(filled) * 2:
        return None
    roles = [None if r == "name" and i != names[0] else r for i, r in enumerate(roles)]
    seen: set[str] = set()
    for i, r in enumerate(roles):
        if r in seen and r not in ("ignore", "content"):
            roles[i] = "ignore"
        if r:
            seen.add(r)
    units = []
    for c in cells:
        m = _MONEY_RE.search(c or "")
        units.append(m.group(0) if m else None)
    return _Header(roles, units, not re.search(r"内容|规模", texts[names[0]]))


def _stacked(upper: tuple[str, ...], lower: tuple[str, ...]) -> tuple[str, ...]:
    """Two header rows read as one: a merged upper cell (``投资（万元）``) spans the empty ones."""
    out, carry = [], ""
    for i, cell in enumerate(lower):
        top = upper[i] if i < len(upper) else ""
        if top.strip():
            carry = top if _MONEY_RE.search(top) or "投资" in top else ""
        else:
            top = carry
        out.append(top + cell if cell.strip() else top)
    return tuple(out)


def amount_of(cell: str | None, header_unit: str | None) -> Amount | None:
    """An amount as written: a unit in the cell wins over the header's."""
    s = _squeeze(cell).replace(",", "")
    if not s or s in ("-", "—", "/", "／"):
        return None
    value = parse_number(s)
    if value is not None:
        return Amount(value, header_unit)
    for q in find_quantities(s):
        if q.unit in _MONEY:
            return Amount(q.value, q.unit)
    return None


def unit_note(text: str | None) -> str | None:
    """The money unit a caption states for a whole table (``单位：万元``)."""
    m = _UNIT_NOTE.search(_squeeze(text))
    return m.group(1) if m else None


def _with_units(header: _Header, default: str | None) -> _Header:
    """Amount columns without a unit of their own take the table's: a caption's, else the one
    every unit-bearing amount column of the header shares."""
    stated = {u for r, u in zip(header.roles, header.units) if r in _AMOUNT_ROLES and u}
    unit = default or (stated.pop() if len(stated) == 1 else None)
    units = [u or (unit if r in _AMOUNT_ROLES else None) for r, u in zip(header.roles, header.units)]
    return _Header(header.roles, units, header.name_only)


def _name_of(cell: str | None, header: _Header) -> str:
    name = _squeeze(cell)
    if header.name_only:
        return name
    return re.split(r"[：:；;。]", name, maxsplit=1)[0] or name


def table_projects(table: Table, default_unit: str | None = None) -> list[ProjectFact]:
    """The project rows of one table (none when it is not a project table)."""
    header: _Header | None = None
    category = stage = None
    out: list[ProjectFact] = []
    prev: tuple[str, ...] | None = None
    for row in table.rows:
        h = header_of(row.cells)
        if h is None and header is None and prev is not None:
            h = header_of(_stacked(prev, row.cells))
        if h is not None:
            header = _with_units(h, default_unit)
            continue
        if header is None:
            prev = row.cells
            default_unit = default_unit or unit_note("".join(row.cells))
            continue
        cells = list(row.cells) + [""] * (len(header.roles) - len(row.cells))
        by_role: dict[str, str] = {}
        for role, cell in zip(header.roles, cells):
            if role and cell and cell.strip() and role not in by_role:
                by_role[role] = cell
        name = _name_of(by_role.get("name"), header)
        filled = [c for c in cells if c and c.strip()]
        if not filled:
            continue
        label = _squeeze(filled[0]) if len(filled) <= 2 else ""
        if _TOTAL_ROW.match(_squeeze(by_role.get("seq")) or name or label):
            continue
        amounts = {r: amount_of(by_role.get(r), header.units[header.roles.index(r)])
                   for r in _AMOUNT_ROLES if r in header.roles}
        seq = _squeeze(by_role.get("seq"))
        if not any(amounts.values()) and (len(filled) == 1 or not name or _SECTION_SEQ.match(seq)
                                          or _SECTION_NAME.match(name)):
            texts = [_squeeze(c) for c in filled if not _SECTION_SEQ.match(_squeeze(c))]
            section = _SECTION.sub("", name or (texts[0] if texts else label))
            category = category_of(section) or category
            stage = stage_of(section) if _STAGE_WORDS.search(section) else (
                None if category_of(section) else stage)
            continue
        if not name:
            continue
        units = split_names(by_role.get("unit"))
        out.append(ProjectFact(
            name=name,
            category=category_of(by_role.get("category")) or category,
            stage=(stage_of(by_role.get("stage")) or _stage_word(by_role.get("category"))
                   or _stage_word("".join(_NAME_NOTE.findall(name))) or stage),
            total_investment=amounts.get("total"),
            annual_plan=amounts.get("annual"),
            completed=amounts.get("completed"),
            unit="、".join(units) or None,
            offset=row.offset,
            quote="\t".join(_squeeze(c) for c in row.cells)[:200]))
    return out


# ---------------------------------------------------------------- prose

def _running_text(doc: Document) -> tuple[str, list[int], list[int]]:
    """Paragraph texts joined, with a map from joined positions back to document offsets."""
    if not doc.blocks:
        return doc.text or "", [0], [0]
    parts, starts, offsets, pos = [], [], [], 0
    for p in doc.paragraphs:
        if parts and _ends_paragraph(parts[-1]):
            parts.append("\n")
            pos += 1
        parts.append(p.text)
        starts.append(pos)
        offsets.append(p.offset)
        pos += len(p.text)
    return "".join(parts), starts, offsets


def _ends_paragraph(text: str) -> bool:
    """A paragraph that ends a sentence or is a heading (not one cut by a page break)."""
    s = text.rstrip()
    return not s or s[-1] in "。！？!?；;：:）)”" or bool(_HEADING.match(s))


def _doc_offset(pos: int, starts: list[int], offsets: list[int]) -> int:
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return offsets[i] + (pos - starts[i])


def _label_start(sentence: str, pos: int) -> int:
    """Where the words naming the quantity at ``pos`` begin."""
    label = _label_before(sentence, pos)
    if not label:
        return pos
    found = sentence.rfind(label[0], 0, pos)
    return found if found >= 0 else pos


def _label_before(sentence: str, pos: int) -> str:
    """The words naming a quantity: back from ``pos`` to the previous delimiter."""
    j = pos
    while j > 0 and sentence[j - 1] not in "，,；;。：:、（()）！!\n":
        j -= 1
    label = _squeeze(sentence[j:pos])
    label = re.split(r"的|\d{4}年度?|\d+月|[一二三四]是", label)[-1]
    label = _LEAD_WORDS.sub("", label)
    return label.strip("“”\"")


def _depth(sentence: str, pos: int) -> int:
    depth = 0
    for ch in sentence[:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
    return depth


@dataclass
class _Statement:
    fact: ProjectFact
    label: str
    depth: int


def prose_projects(doc: Document) -> list[ProjectFact]:
    """Aggregate project facts from counts and investments stated in sentences."""
    text, starts, offsets = _running_text(doc)
    out: list[ProjectFact] = []
    pos = 0
    pending: _Statement | None = None
    for sentence in re.split(r"(?<=[。！!])", text):
        base = pos
        pos += len(sentence)
        if not sentence.strip():
            continue
        parent = pending if pending is not None and _BREAKDOWN.match(sentence) else None
        stated = _counts(sentence, base, starts, offsets, parent)
        if stated:
            out.extend(s.fact for s in stated)
            _investments(sentence, stated[0].fact)
            pending = parent or stated[0]
            continue
        if pending is not None and _investments(sentence, pending.fact):
            pending.fact.quote = (pending.fact.quote + sentence.strip())[:300]
        pending = None
    return out


def _counts(sentence: str, base: int, starts: list[int], offsets: list[int],
            outer: _Statement | None = None) -> list[_Statement]:
    """The project counts of one sentence; ``outer`` is the total a ``其中…`` sentence breaks down."""
    stated: list[_Statement] = [outer] if outer is not None else []
    parent: _Statement | None = outer
    for q in find_quantities(sentence):
        if q.unit not in ("个", "项"):
            continue
        label = _label_before(sentence, q.start)
        depth = _depth(sentence, q.start)
        is_project = label.endswith("项目") and not _NOT_BUILD.search(label)
        is_part = bool(stated) and bool(_STAGE_WORDS.search(label)) and len(label) <= 8
        if not (is_project or is_part):
            continue
        stage = stage_of(label) if _STAGE_WORDS.search(label) else None
        anchor = (parent if depth > 0 and parent is not None else stated[0] if stated else None)
        if anchor is not None and stage and (depth > 0 or not category_of(label)):
            name = f"{anchor.label}（{_STAGE_WORDS.search(label).group(0)}）"
            category = anchor.fact.category
        else:
            name, category = label, category_of(label)
        fact = ProjectFact(name=name, category=category, stage=stage, count=int(q.value),
                           aggregate=True,
                           offset=_doc_offset(base + _label_start(sentence, q.start), starts, offsets),
                           quote=sentence.strip()[:300])
        st = _Statement(fact, label, depth)
        if depth == 0 and (not stage or anchor is None):
            parent = st
        stated.append(st)
    first = stated[0] if stated else None
    if (len(stated) > 1 and first.fact.category is None and first.fact.stage is None
            and not first.fact.name.endswith("（合计）")):
        first.fact.name = f"{first.label}（合计）"
    return stated[1:] if outer is not None else stated


def _investments(sentence: str, fact: ProjectFact) -> bool:
    """Puts the stated total, annual and completed investments on ``fact``; True when any."""
    found = False
    for q in find_quantities(sentence):
        if q.unit not in _MONEY:
            continue
        label = _squeeze(sentence[max(0, q.start - 12):q.start])
        label = re.split(r"[，,；;。：:]", label)[-1]
        if "投资" not in label:
            continue
        amount = Amount(q.value, q.unit)
        if re.search(r"完成|累计", label):
            if fact.completed is None:
                fact.completed, found = amount, True
        elif re.search(r"总投资|投资总额", label):
            if fact.total_investment is None:
                fact.total_investment, found = amount, True
        elif re.search(r"计划|年度|年", label):
            if fact.annual_plan is None:
                fact.annual_plan, found = amount, True
    return found
