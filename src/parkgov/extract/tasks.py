"""Tasks: rows of responsibility tables and numbered duties with their responsible units.

Tables: the header row is recognised by its words (序号, 类别, 项目, 任务要求, 牵头/分管/区级领导,
责任/牵头单位或部门, 配合/协办单位, 完成时限/时间节点 …), whatever the column order; a bare
``单位`` is a unit of measure (a target table), not a department. Merged (empty) category,
item and people cells are filled down; a row with one text spanning the table, or a numbered
title row over rows numbered below it (``一`` over ``1``, ``2`` over ``2.1``), is the category
of the rows below; a table without a header continues the previous one.

Prose: a numbered duty (``1.``, ``（一）``, ``一、``, ``（1）``) is a task when its text
carries its responsible units, labelled (``（责任单位：…）``, ``牵头单位：…；配合单位：…``,
``责任领导：…``) or as a closing parenthesis of organ names (``（县发改局、县财政局）``).
Its category is the enclosing heading of a higher level, its item the duty's first sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parkgov.extract.deadlines import deadline_in, deadline_of_cell
from parkgov.extract.document import Document, Table
from parkgov.extract.facts import DocumentInfo, IndicatorFact, TargetFact, TaskFact
from parkgov.extract.grids import grids
from parkgov.extract.indicators import indicators_in_text
from parkgov.extract.names import is_organ_name, split_names

# Column roles by header words, tried in this order (the first that matches wins).
_ROLE_WORDS = (
    ("ignore", r"^(?:计量)?单位(?:[:：（(].*)?$|督办|督查|来源|依据|进展|状态|红黄绿|灯|评价|备注|完成情况|进展情况|落实情况|推进情况|进度情况|评分|分值|得分|说明"),
    ("leaders", r"领导|负责人|责任人|包保|联系人"),
    ("co_units", r"配合|协办|协助|参与|协同"),
    ("departments", r"单位|部门|科室|牵头|主责|承办|责任"),
    ("deadline", r"时限|时间|期限|节点|截止|完成时|进度安排|进度要求|时序"),
    ("seq", r"^(?:序号|编号|序|号|[Nn][Oo]\.?)$"),
    ("category", r"类别|类型|分类|板块|领域|目标任务|方面|大类|专项"),
    ("requirement", r"要求|标准|具体内容|工作内容|主要内容|目标值|指标值"),
    ("item", r"项目|事项|任务|名称|措施|工作|指标|内容|目标|举措"),
)
_ROLE_RES = tuple((role, re.compile(words)) for role, words in _ROLE_WORDS)
_PEOPLE_ROLES = ("leaders", "departments", "co_units")
_TAIL_ROLES = ("leaders", "departments", "co_units", "deadline", "ignore")
_MEASURE_HEADER = re.compile(r"%|％|同比|增长|增速|增幅|累计|目标值|完成值|实际值|年度目标|\d{4}年(?:目标|完成|实际)")
_PROJECT_HEADER = re.compile(r"投资|万元|亿元|建设规模|建设性质")
_SEQ = re.compile(r"^[（(]?\s*(\d{1,3}(?:[.\-－]\d{1,3})*|[一二三四五六七八九十]{1,3})\s*[)）.、．]?$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})?)\s*[.、．]\s*(?!\d)")
_TITLE = re.compile(r"(?:书记|县长|区长|市长|主任|部长|局长|委员|常委|主席|组长|调研员|秘书长)$")
_SEQ_WORD = re.compile(r"^(?:序号|编号|[Nn][Oo]\.?)$")
_SECTION_NUMBER = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[)）、.．]|\d{1,3}[、.．](?!\d))\s*")

# Numbered headings in running text, from the highest level to the lowest.
_LEVELS = (
    re.compile(r"^\s*(?P<n>[一二三四五六七八九十]{1,3})\s*、\s*(?P<rest>.*)$", re.S),
    re.compile(r"^\s*[（(]\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[)）]\s*(?P<rest>.*)$", re.S),
    re.compile(r"^\s*(?P<n>\d{1,3})\s*[.．、](?!\d)\s*(?P<rest>.*)$", re.S),
    re.compile(r"^\s*(?:[（(]?\s*(?P<n>\d{1,3})\s*[)）]|(?P<c>[①-⑳]))\s*(?P<rest>.*)$", re.S),
)
_LEADER_LABEL = r"(?:(?:牵头|责任|分管|联系|包保|负责|挂点|挂钩|主管)(?:区|县|市)?|(?:区|县|市|镇)级)领导"
_DEPT_LABEL = r"(?:责任|牵头|主责|承办|负责|实施)(?:单位|部门|科室)|责任主体"
_CO_LABEL = r"(?:配合|协办|协助|参与)(?:单位|部门|科室)"
_BARE_LABEL = r"牵头|主责|负责|责任人|配合|协办"
_DEADLINE_LABEL = r"完成时限|完成时间|时间节点|时限要求|完成期限|时限"
_LABEL_RE = re.compile(
    rf"(?P<label>{_LEADER_LABEL}|{_DEPT_LABEL}|{_CO_LABEL}|{_DEADLINE_LABEL}|{_BARE_LABEL})\s*[:：]\s*")
_OPEN, _CLOSE = "（(", "）)"
_ROLE_VERB = re.compile(r"(?:牵头|负责|主抓|配合|协助|参与|协办)$")
_COUNT_NOTE = re.compile(r"[（(]\s*(?:共|计|合计)?\s*\d{1,3}\s*(?:项|个|条)\s*[)）]$")
_BLANKS = re.compile(r"[\s\u3000\xa0]+")
_CJK_BLANK = re.compile(r"(?<=[^A-Za-z0-9 ]) | (?=[^A-Za-z0-9 ])")


def extract_tasks(doc: Document, info: DocumentInfo | None = None) -> list[TaskFact]:
    """Every task of the document, table rows and numbered duties of the prose, in document order."""
    tasks: list[TaskFact] = []
    try:
        tasks.extend(table_tasks(doc))
    except Exception:  # a malformed table must not lose the prose duties
        pass
    try:
        tasks.extend(prose_tasks(doc))
    except Exception:  # bad input never raises
        pass
    return sorted(tasks, key=lambda t: t.offset)


def squeeze(text: str | None) -> str:
    """A cell or clause as one line: line breaks and blanks next to Chinese removed."""
    if not isinstance(text, str):
        return ""
    s = _BLANKS.sub(" ", text).strip()
    return _CJK_BLANK.sub("", s) if " " in s else s


def targets_in(text: str | None, offset: int, subject: str | None) -> list[TargetFact]:
    """The quantified targets of a requirement, through the indicator grammar."""
    if not text:
        return []
    try:
        found = indicators_in_text(text, offset, kind="target", subject=subject)
    except Exception:  # a grammar slip costs the targets, never the task
        return []
    out = []
    for ind in found or []:
        if isinstance(ind, IndicatorFact):
            out.append(TargetFact(name=ind.name, value=ind.value, unit=ind.unit,
                                  yoy_pct=ind.yoy_pct, comparator=ind.comparator))
    return out


# ---------------------------------------------------------------- tables

def column_role(header: str) -> str | None:
    """The role of a column from its header words (None when unknown)."""
    if not header or len(header) > 40:
        return None
    h = _BLANKS.sub("", header)
    if not h or len(h) > 16:
        return None
    for role, rx in _ROLE_RES:
        if rx.search(h):
            return role
    return None


@dataclass
class ColumnMap:
    """What each column of a task table holds."""

    roles: list[str | None]

    def columns(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]


def header_map(cells: tuple[str, ...]) -> ColumnMap | None:
    """The column map when ``cells`` is a task-table header row, else None."""
    roles = [column_role(c) for c in cells]
    for i in range(1, len(roles)):
        if not (cells[i] or "").strip() and roles[i - 1] in _PEOPLE_ROLES:
            roles[i] = roles[i - 1]
    known = [r for r in roles if r and r != "ignore"]
    if len(known) < 2 or not any(r in _PEOPLE_ROLES for r in known):
        return None
    texts = [squeeze(c) for c in cells if c and c.strip()]
    named = sum(1 for c, r in zip(cells, roles) if r and c and c.strip())
    if named * 5 < len(texts) * 3 or any(_SEQ.match(t) or re.search(r"[、，,；;。]", t) for t in texts):
        return None
    if any(_PROJECT_HEADER.search(c or "") for c in cells) or _indicator_header(texts):
        return None
    if not any(r in ("item", "requirement", "category") for r in known):
        return None
    roles = _settle_text_roles(roles)
    return ColumnMap(roles)


def _indicator_header(texts: list[str]) -> bool:
    """An indicator table's header: a unit-of-measure column, or columns of figures (%, 同比, 累计 …)."""
    return (any(re.fullmatch(r"(?:计量)?单位", t) for t in texts)
            or sum(1 for t in texts if _MEASURE_HEADER.search(t)) >= 2)


def _settle_text_roles(roles: list[str | None]) -> list[str | None]:
    """One column per text role: repeated item/requirement columns shift to the next role."""
    seen: set[str] = set()
    out: list[str | None] = []
    for r in roles:
        if r in ("category", "item", "requirement") and r in seen:
            order = ("category", "item", "requirement")
            nxt = next((o for o in order[order.index(r) + 1:] if o not in seen), None)
            r = nxt or "ignore"
        if r:
            seen.add(r)
        out.append(r)
    if "item" not in seen and "requirement" in seen and "category" in seen:
        out = ["item" if r == "requirement" else r for r in out]
    return out


def _align(cells: tuple[str, ...], cmap: ColumnMap) -> list[str]:
    """Row cells aligned to the header: a short row (merged text cells) keeps its tail columns."""
    n, k = len(cmap.roles), len(cells)
    if k >= n:
        return list(cells[:n])
    tail = 0
    for r in reversed(cmap.roles):
        if r not in _TAIL_ROLES:
            break
        tail += 1
    tail = min(tail, k)
    front_cols = list(range(n - tail))
    deficit = n - k
    for role in ("requirement", "ignore", None, "deadline", "item", "category"):
        for i in reversed(front_cols):
            if deficit and cmap.roles[i] == role:
                front_cols.remove(i)
                deficit -= 1
    out = [""] * n
    for i, cell in zip(front_cols, cells[:k - tail]):
        out[i] = cell
    for j in range(tail):
        out[n - tail + j] = cells[k - tail + j]
    return out


@dataclass
class _TableState:
    cmap: ColumnMap | None = None
    category: str | None = None
    item: str | None = None
    last: TaskFact | None = None
    heading: tuple[TaskFact, str] | None = None
    tasks: list[TaskFact] = field(default_factory=list)


def table_tasks(doc: Document) -> list[TaskFact]:
    """Tasks from every responsibility table of the document."""
    state = _TableState()
    for table in grids(doc):
        _read_table(doc, table, state)
    return state.tasks


def sub_header(cells: tuple[str, ...], cmap: ColumnMap) -> ColumnMap | None:
    """The header refined by a second header row (``责任主体`` over ``牵头领导｜牵头单位``)."""
    if len(cells) != len(cmap.roles) or any(_SEQ.match(squeeze(c)) for c in cells if c.strip()):
        return None
    roles = [column_role(c) if c.strip() else None for c in cells]
    named = [r for c, r in zip(cells, roles) if c.strip()]
    texts = [squeeze(c) for c in cells if c.strip()]
    if not named or None in named or len(set(texts)) < len(texts):
        return None
    if not any(r in _PEOPLE_ROLES or r == "deadline" for r in named):
        return None
    return ColumnMap([r or old for r, old in zip(roles, cmap.roles)])


def _read_table(doc: Document, table: Table, state: _TableState) -> None:
    started = False
    after_header = False
    for row in table.rows:
        if after_header and state.cmap is not None:
            refined = sub_header(row.cells, state.cmap)
            after_header = False
            if refined is not None:
                state.cmap = refined
                continue
        cmap = header_map(row.cells)
        if cmap is not None:
            after_header = True
            if state.cmap is None or cmap.roles != state.cmap.roles:
                state.category = state.item = None
                state.last = state.heading = None
            state.cmap = cmap
            started = True
            continue
        if state.cmap is None:
            continue
        if _other_header(row.cells):
            state.cmap = None
            continue
        if not started and not _continues(row.cells, state.cmap):
            state.cmap = None
            continue
        started = True
        _read_row(doc, row.cells, row.offset, state)


def _other_header(cells: tuple[str, ...]) -> bool:
    """The header of another kind of table (a project or indicator table after the task table)."""
    texts = [squeeze(c) for c in cells if c and c.strip()]
    return len(texts) >= 2 and any(_SEQ_WORD.match(t) for t in texts)


def _continues(cells: tuple[str, ...], cmap: ColumnMap) -> bool:
    """Whether a table without a header goes on with the previous one (same grid, numbered rows)."""
    if abs(len(cells) - len(cmap.roles)) > 1:
        return False
    seq_cols = cmap.columns("seq")
    if not seq_cols:
        return len(cells) == len(cmap.roles)
    i = seq_cols[0]
    return i < len(cells) and (bool(_SEQ.match(squeeze(cells[i]))) or not cells[i].strip())


def _cell(cells: list[str], cmap: ColumnMap, role: str) -> str:
    return "\n".join(cells[i] for i in cmap.columns(role) if cells[i] and cells[i].strip())


def _read_row(doc: Document, raw: tuple[str, ...], offset: int, state: _TableState) -> None:
    cmap = state.cmap
    cells = _align(raw, cmap)
    cell = {role: _cell(cells, cmap, role) for role in set(cmap.roles) if role}
    filled = [c for c in cells if c and c.strip()]
    if not filled:
        return
    if len(filled) > 1 and len({squeeze(c) for c in filled}) == 1:
        state.category, state.item = _section_title(filled[0]), None
        return
    if "seq" not in cmap.roles:
        _number_from_text(cell)
    seq_text = squeeze(cell.get("seq", ""))
    seq_m = _SEQ.match(seq_text) if seq_text else None
    if seq_text and not seq_m:
        if len(filled) == 1:
            state.category, state.item = _section_title(seq_text), None
        return
    if not seq_text and len(filled) == 1 and not any(cells[i].strip() for r in _PEOPLE_ROLES
                                                     for i in cmap.columns(r)):
        state.category, state.item = _section_title(filled[0]), None
        return
    heading, state.heading = state.heading, None
    if heading is not None and seq_m is not None and _numbers_below(heading[0].seq, seq_m.group(1)):
        _demote(state, *heading)
    category = _SECTION_NUMBER.sub("", squeeze(cell.get("category", "")))
    item = squeeze(cell.get("item", ""))
    requirement = squeeze(cell.get("requirement", ""))
    if category:
        if category != state.category:
            state.item = None
        state.category = category
    if item:
        state.item = item
    leaders = people(split_names(cell.get("leaders", "")))
    departments, co_units = _departments(cell.get("departments", ""))
    organs = [n for n in leaders if _clearly_organ(n)]
    leaders = [n for n in leaders if n not in organs]
    departments += [n for n in organs if n not in departments]
    co_units += [u for u in split_names(cell.get("co_units", "")) if u not in co_units]
    deadline_cell = cell.get("deadline", "")
    if seq_m is None and state.last is not None and not category and not item:
        _merge(state.last, requirement, leaders, departments, co_units)
        return
    last = state.last
    if last is not None and not category and last.category == state.category:
        if not cell.get("leaders"):
            leaders = list(last.leaders)
        if not cell.get("departments") and cmap.columns("departments"):
            departments = list(last.departments)
    text = requirement or item
    text_offset = _find(doc.text, text, offset)
    subject = state.item if requirement else None
    task = TaskFact(
        seq=seq_m.group(1) if seq_m else None,
        category=state.category,
        item=state.item,
        requirement=requirement or None,
        leaders=leaders,
        departments=departments,
        co_units=co_units,
        deadline=deadline_of_cell(deadline_cell) if deadline_cell else deadline_in(requirement),
        targets=targets_in(text, text_offset, subject or state.item),
        offset=offset,
    )
    state.tasks.append(task)
    state.last = task
    own = [c for i, c in enumerate(cells) if c.strip() and cmap.roles[i] != "seq"]
    if seq_m is not None and len(own) == 1 and not any(cell.get(r) for r in _TAIL_ROLES):
        state.heading = (task, _section_title(own[0]))


def _number_from_text(cell: dict[str, str]) -> None:
    """In a table without a number column, a number opening the item (``3.助企纾困``) is the row's."""
    role = "item" if cell.get("item") else "requirement"
    m = _LEADING_NUMBER.match(cell.get(role) or "")
    if m:
        cell["seq"], cell[role] = m.group(1), cell[role][m.end():]


def _numbers_below(upper: str | None, lower: str) -> bool:
    """Whether ``lower`` numbers the rows under ``upper`` (``一`` → ``1``, ``2`` → ``2.1``)."""
    if not upper:
        return False
    if re.fullmatch(r"[一二三四五六七八九十]+", upper):
        return lower[0].isdigit()
    return lower.startswith(upper + ".") or lower.startswith(upper + "-")


def _demote(state: _TableState, task: TaskFact, title: str) -> None:
    """A numbered row holding only a title, followed by rows numbered under it, is a category."""
    if task in state.tasks:
        state.tasks.remove(task)
    state.category, state.item = title, None
    state.last = state.tasks[-1] if state.tasks and state.tasks[-1].category == title else None


def _clearly_organ(name: str) -> bool:
    """An organ written among leaders (a ``责任领导及单位`` column), not a person's name."""
    return is_organ_name(name) and (len(name) >= 4 or bool(re.search(r"(?:局|委|办|部|中心|公司)$", name)))


def people(names: list[str]) -> list[str]:
    """Leaders as named: role notes dropped, and a title followed by its holder's name dropped
    (``区委副书记 钱进`` → ``钱进``; titles alone are kept)."""
    names = [person_name(n) for n in names]
    titled = [bool(_TITLE.search(n)) for n in names]
    return [n for i, n in enumerate(names) if not (titled[i] and i + 1 < len(names) and not titled[i + 1])]


def person_name(name: str) -> str:
    """A leader's name without a role note (``李明（牵头）`` → ``李明``)."""
    return re.sub(r"[（(][^）)]{1,8}[）)]$", "", name) or name


def _section_title(text: str) -> str:
    """A category row's title without its number or a count note (``一、招商引资（共3项）``)."""
    title = _COUNT_NOTE.sub("", _SECTION_NUMBER.sub("", squeeze(text))).strip("。：:")
    return title or squeeze(text)


def _departments(text: str) -> tuple[list[str], list[str]]:
    """Lead departments and co-units of one cell (``牵头：发改局；配合：财政局``, ``发改局牵头，财政局配合``)."""
    if not text:
        return [], []
    m = re.search(r"(?:配合|协办|协助)(?:单位|部门)?\s*[:：]", text)
    if not m:
        names = split_names(text)
        return _by_role_verbs(names) if any(_ROLE_VERB.search(n) for n in names) else (names, [])
    lead = re.sub(r"^(?:牵头|责任|主责)?(?:单位|部门)?\s*[:：]", "", text[:m.start()].strip())
    return split_names(lead), split_names(text[m.end():])


def _merge(task: TaskFact, requirement: str, leaders: list[str], departments: list[str],
           co_units: list[str]) -> None:
    """A row without its own number continues the task above (vertically merged number)."""
    if requirement:
        task.requirement = (task.requirement or "") + requirement
    for src, dst in ((leaders, task.leaders), (departments, task.departments), (co_units, task.co_units)):
        dst.extend(x for x in src if x not in dst)


def _find(text: str, needle: str, start: int) -> int:
    """Where ``needle``'s first characters stand in the document, from ``start`` on."""
    if not needle or not text:
        return start
    head = needle[:8]
    pos = text.find(head, start)
    return pos if pos >= 0 else start


# ---------------------------------------------------------------- prose

@dataclass
class _Heading:
    level: int
    number: str
    rest: str
    offset: int
    body: list[tuple[str, int]] = field(default_factory=list)


def _lines(doc: Document) -> list[tuple[str, int]]:
    """The running-text lines with their offsets (table rows excluded)."""
    if doc.blocks:
        return [(p.text, p.offset) for p in doc.paragraphs]
    out, pos = [], 0
    for line in (doc.text or "").split("\n"):
        if line.strip() and "\t" not in line:
            out.append((line, pos))
        pos += len(line) + 1
    return out


def _heading(text: str, offset: int) -> _Heading | None:
    s = re.sub(r"^[*#\s]+", "", text)
    for level, rx in enumerate(_LEVELS):
        m = rx.match(s)
        if m and m.group("rest").strip():
            number = m.group("n") or m.groupdict().get("c") or ""
            if level == 3 and m.groupdict().get("c"):
                number = str(ord(m.group("c")) - ord("①") + 1)
            return _Heading(level, number, m.group("rest"), offset + (len(text) - len(s)))
    return None


def _first_sentence(text: str, limit: int = 40) -> str | None:
    s = squeeze(text).strip("*")
    m = re.match(r"^(.{2,%d}?)[。；;：:！!]" % limit, s)
    if m:
        return m.group(1).strip("*")
    m = re.match(r"^(.{2,%d}?)[，,]" % min(limit, 24), s)
    if m:
        return m.group(1).strip("*")
    return s if len(s) <= limit else None


def prose_tasks(doc: Document) -> list[TaskFact]:
    """Numbered duties of the running text that name their responsible leaders or units."""
    blocks: list[_Heading] = []
    for text, offset in _lines(doc):
        h = _heading(text, offset)
        if h is not None:
            h.body.append((text, offset))
            blocks.append(h)
        elif blocks:
            blocks[-1].body.append((text, offset))
    found = []
    for i, block in enumerate(blocks):
        body = "".join(t for t, _ in block.body)
        who = responsibility(body)
        if who is not None:
            found.append((i, block, body, who))
    labelled = sum(1 for *_, who in found if who.labelled)
    tasks: list[TaskFact] = []
    for i, block, body, who in found:
        span = who.span
        if not who.labelled and not labelled and len(found) < 2:
            continue
        rest = squeeze(_heading(body, 0).rest if _heading(body, 0) else body)
        requirement = squeeze(body[:span[0]] + body[span[1]:])
        requirement = _heading(requirement, 0).rest if _heading(requirement, 0) else requirement
        requirement = requirement.strip("。；; ") or None
        item = _first_sentence(rest)
        category = _enclosing(blocks, i)
        tasks.append(TaskFact(
            seq=block.number, category=category, item=item, requirement=requirement,
            leaders=who.leaders, departments=who.departments, co_units=who.co_units,
            deadline=who.deadline or deadline_in(requirement),
            targets=targets_in(requirement, block.offset, item),
            offset=block.offset))
    return tasks


def _enclosing(blocks: list[_Heading], i: int) -> str | None:
    level = blocks[i].level
    for block in reversed(blocks[:i]):
        if block.level < level:
            title = _first_sentence(block.rest, 60)
            return title or squeeze(block.rest)[:60] or None
    return None


def _value_end(text: str, start: int) -> int:
    """Where a labelled list ends: an unmatched closing bracket, 。, a line break or the next label."""
    depth = 0
    nxt = _LABEL_RE.search(text, start)
    stop = nxt.start() if nxt else len(text)
    for j in range(start, stop):
        ch = text[j]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return j
            depth -= 1
        elif ch in "。\n" and depth == 0:
            return j
    return stop


@dataclass
class Responsibility:
    """Who answers for a duty, as its clause names them, and where that clause stands."""

    leaders: list[str]
    departments: list[str]
    co_units: list[str]
    span: tuple[int, int]
    labelled: bool
    deadline: str | None = None


def responsibility(body: str) -> Responsibility | None:
    """Leaders, departments, co-units (and a labelled deadline) named in a duty."""
    who = Responsibility([], [], [], (0, 0), True)
    first = last = None
    for m in _LABEL_RE.finditer(body):
        end = _value_end(body, m.end())
        value = body[m.end():end]
        label = m.group("label")
        first = m.start() if first is None else first
        last = end
        if re.fullmatch(_DEADLINE_LABEL, label):
            who.deadline = who.deadline or deadline_of_cell(value)
            continue
        names = split_names(value)
        if not re.fullmatch(_LEADER_LABEL + "|责任人", label) and any(_ROLE_VERB.search(n) for n in names):
            lead, co = _by_role_verbs(names)
            who.departments.extend(n for n in lead if n not in who.departments)
            who.co_units.extend(n for n in co if n not in who.co_units)
            continue
        if re.fullmatch(_LEADER_LABEL + "|责任人", label):
            names, target = people(names), who.leaders
        elif re.fullmatch(_CO_LABEL + "|配合|协办", label):
            target = who.co_units
        elif re.fullmatch(_DEPT_LABEL, label) or all(is_organ_name(n) for n in names):
            target = who.departments
        else:
            target = who.leaders
        target.extend(n for n in names if n not in target)
    if first is not None and (who.leaders or who.departments or who.co_units):
        start = first - 1 if first > 0 and body[first - 1] in _OPEN else first
        stop = last + 1 if last < len(body) and body[last] in _CLOSE else last
        who.span = (start, stop)
        return who
    return _closing_organs(body)


def _closing_organs(body: str):
    """A parenthesis of organ names closing the duty: ``（县发改局、县自然资源局）。``"""
    stripped = body.rstrip(" \t\n。.；;")
    if not stripped or stripped[-1] not in _CLOSE:
        return None
    depth = 0
    for j in range(len(stripped) - 1, -1, -1):
        ch = stripped[j]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth -= 1
            if depth == 0:
                return _organ_roles(split_names(stripped[j + 1:-1]), (j, len(stripped)))
    return None


def _by_role_verbs(names: list[str]) -> tuple[list[str], list[str]]:
    """Lead units and co-units of a list whose groups end in their role (``A牵头，B、C配合``)."""
    lead: list[str] = []
    co: list[str] = []
    pending: list[str] = []
    for name in names:
        m = _ROLE_VERB.search(name)
        pending.append(name[:m.start()] if m else name)
        if m:
            (co if m.group(0) in ("配合", "协助", "参与", "协办") else lead).extend(p for p in pending if p)
            pending = []
    lead.extend(p for p in pending if p)
    return lead, co


def _organ_roles(names: list[str], span: tuple[int, int]) -> Responsibility | None:
    """Organ names, each group optionally closed by its role (``县发改局牵头，县财政局配合``)."""
    if not all(is_organ_name(_ROLE_VERB.sub("", n)) for n in names):
        return None
    lead, co = _by_role_verbs(names)
    if not lead and not co:
        return None
    who = Responsibility([], lead, co, span, any(_ROLE_VERB.search(n) for n in names))
    return who
