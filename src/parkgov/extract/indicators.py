"""Indicators: named quantities in prose and table rows, with growth, comparator, kind and period.

A quantity's name is read from the clause before it (minus verbs, time words and
connectives), completed by the noun phrase right after it when there is one
(``申报专项债券4个项目``), taken from the noun after it when nothing names it
before (``其中27项已整改完成``), and otherwise borrowed: from a growth stated
just before (``年均增长15%，力争突破8亿元``), from the figure before it in the
sentence (``5家以上，力争10家``), from the row's item cell or the short line
above (``地区生产总值`` / ``增长6%以上``), or from the caller. Figures that
only qualify a name (``过5亿元项目``, ``年产20万吨``), articles (``一个``),
ordinals, quoted names and dates are not indicators; a count in one Chinese
numeral is one when it ends its clause (``新增企业三家。``). Names and figures
listed with 分别 are paired in order; a sentence wrapped by the page width is
read as one line (line breaks become spaces, so offsets never move).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from parkgov.extract.document import Document, Paragraph, Table
from parkgov.extract.facts import DocumentInfo, IndicatorFact
from parkgov.extract.figures import (Growth, Quantity, comparator_before, find_growths, find_quantities,
                                     may_hold_figure, normalize)
from parkgov.extract.indicator_tables import table_indicators

TARGET_GENRES = frozenset({"plan", "action_plan", "task_table", "project_table"})

_HARD = frozenset("，,。；;：:！？!?\t\n（）()【】[]")
_SENTENCE_END = frozenset("。；;！？!?\n")
_NAME_MAX = 32
_AFTER_MAX = 30

_CUT_WORDS = (r"(?:实现|完成|达到|累计|预计|力争|确保|争取|力求|共有|拥有|其中|今年以来|截至目前"
              r"|目前|现有|锚定|共计|合计|总计|只有|仅有|全年|当年|今年|年内|已经|其余|共安排|安排)")
_CUT = re.compile(rf"^(.*){_CUT_WORDS}")
_CUT_RUN = re.compile(rf"{_CUT_WORDS}+$")
_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|此外|另外|20\d{2}年(?:度|底前|底|前)?"
                   r"|\d{1,2}[-—~至]\d{1,2}月份?|\d{1,2}月(?:底|末|份)?|上半年|下半年"
                   r"|前三季度|[一二三四]季度|今年|本年|全年|年内|其中|其余|另有|另|并|和|及|以及|同时"
                   r"|还|再|又|将|可|共|已|预计|力争|确保|争取|要|需|均|总共|一共|分别|的|了|对|在"
                   r"|只有|仅有|达到|有|为|约|以上|上述|、)+")
_TRAIL = re.compile(r"(?:的|为|达|达到|是|了|共|约|有|计|合计|共计|突破|超过|等|中|已|已经|均|分别"
                    r"|全部完成|已完成|完成|全部|任务|工作|达到了|大关|左右|尚不足|不足|尚|仅|由|从)+$")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:[、．]|\.(?!\d))|第.{1,3}[章节条部])")
_BARE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![第件表图栏号期编码版线章条款届批次])"
                   r"(\d{1,5}(?:\.\d+)?)(?=[；;，,。]|[一二三四五六七八九十]是)")
_RATE_END = re.compile(r"(?:增长|增速|增幅|下降|提高|减少|增加|降低|占比|比重|率|指数|编号|电话|代码|附件|序号)$")
_HARD_END = frozenset("。；;！？!?：:")
_BREAK = re.compile(r"\n(?:[ \u3000]*\n)?")
_WRAP_MIN = 20
_CHANGE_TO = re.compile(r"^\s*(?:提高|增加|增长|提升|上升|下降|减少|降低|扩大|缩小|压缩|调整)?(?:到|至)\s*$")
_COPULA = re.compile(r"^(?:只有|仅有|仅|共有|有|达|共计|合计|总计|其中)?$")
_PREDICATE = re.compile(r"(?:数量|总量|规模|数)?(?:较少|偏少|不多|较多|不足|有限|偏低|较低|偏小|较小|很少)$")
_RESPECTIVELY = re.compile(r"(?P<names>[^，,。；;：:！？\t]{3,60}?)分别(?P<verb>同比增长|同比下降|增长|下降|增加|减少"
                           r"|提高|降低|达到|为|达|是|完成|实现)?(?P<values>[^，,。；;！？\t]{1,60})")
_GROWTH_LIST = re.compile(r"(?:同比|比上年|较上年)?分别(?P<verb>增长|下降|增加|减少)(?P<values>[\d.%、和及与\s]{3,40})")
_LIST_SEP = re.compile(r"[、和及与]")
_GROWTH_VERB = re.compile(r"增长|下降|增加|减少|提高|降低")
_NEGATIVE_VERB = re.compile(r"下降|减少|降低")
_SHARE_OF = re.compile(r"^(.*?)(?:完成|为|占|达到?)(.{1,12}?(?:计划|目标|任务))的?$")
_TOTAL_WORDS = frozenset({"总数", "总量", "总计", "合计", "累计", "累计数", "总数量"})
_SHARE_WORDS = frozenset({"占比", "比重", "占比重", "所占比重", "占全区比重", "增速", "增幅"})
_SHARED_VERB = re.compile(r"^(?:新增|新认定|新引进|新培育|新建|引进|培育|创建|认定|建设|打造|申报)")
_STAGE = re.compile(r"^(?:续建|前期|在建|新开工|竣工|投产|储备|已|正在|其余|未)")
_NEW = re.compile(r"^(?:新增|新认定|新引进|新培育|新备案|新签约|新)")
_SUBORDINATE = re.compile(r"其中|其余|[（(]")
_ENUM_HEAD = re.compile(r"^(?:企业|单位|部门)(?=..)")
_DEICTIC = frozenset({"以上", "上述", "下列", "以下", "前述", "如下"})
_CAPACITY = re.compile(r"(?:年产|年处理|年加工|日处理|日产|年吞吐|装机)")
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]是|其次|此外|另外")
_PERIOD = re.compile(r"20\d{2}年\d{1,2}[-—~至]\d{1,2}月|20\d{2}年(?:上|下)半年|20\d{2}年(?!度)"
                     r"|\d{1,2}[-—~至]\d{1,2}月|上半年|下半年|前三季度|第?[一二三四]季度|全年")
_TARGET_CUE = re.compile(r"预计|力争|计划|目标|确保|力求|锚定|拟|打算|到20\d{2}年|至20\d{2}年"
                         r"|需要|至少需|努力|力促|预期|安排")
_ACTUAL_CUE = re.compile(r"已|目前|现有|共有|截至|截止")
_DONE_CUE = re.compile(r"已|完成|实现|累计|截至|截止|共有|上半年|前三季度|今年以来|\d{1,2}[-—至]\d{1,2}月")
_AT_LEAST = re.compile(r"至少|最少|不少于|不低于")
_FORWARD_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]部分)"
                              r".{0,20}(?:下一步|打算|计划|思路|工作安排|明年|目标任务)")
_NOT_AFTER_START = frozenset("同比较增下减占左以和及或与并、，,。；;：:的上")
_SENTENCE_STOP = re.compile("[。；;！？!?]")
_LABEL_STOP = re.compile("[，。；;：:%％]")
_AFTER_START_RE = re.compile(r"^(?:比|较|增长|增速|增加|下降|减少|占|用于?$|提高|提升|上升|降低|到|至)")


@dataclass
class _Found:
    q: Quantity | None
    g: Growth | None
    name: str
    start: int
    end: int
    head: str = ""
    sub: bool = False


@lru_cache(maxsize=4096)
def _clean(name: str) -> str:
    """The quantity's own name: no spaces, no leading verbs/time words, no trailing particles."""
    s = "".join(name.split())
    if "等" in s[:-1]:
        s = _ENUM_HEAD.sub("", s[s.rindex("等") + 1:])
    cut = _CUT.match(s)
    if cut:
        rest = s[cut.end():]
        s = rest if len(rest) >= 2 else _CUT_RUN.sub("", cut.group(1)) if not rest else s  # 税收累计完成
    if "的" in s[:-2] and not any(c.isdigit() for c in s[:s.rindex("的")]) \
            and not s[s.rindex("的") + 1:].startswith(("占", "比重", "比例")):
        s = s[s.rindex("的") + 1:]
    for _ in range(3):
        s2 = _TRAIL.sub("", _LEAD.sub("", s))
        if s2 == s:
            break
        s = s2
    if len(s) > _NAME_MAX:
        s = s[-_NAME_MAX:]
    return s if any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in s) else ""


def _scan_back(line: str, pos: int, floor: int) -> int:
    """Start of the clause that ends at ``pos`` (never before ``floor``)."""
    i = pos
    lo = max(floor, pos - 48)
    while i > lo:
        ch = line[i - 1]
        if ch in "）)":
            opened = max(line.rfind("（", lo, i - 1), line.rfind("(", lo, i - 1))
            if opened > lo and line[opened - 1] not in _HARD:
                i = opened  # 进出口总额（美元口径）: a note inside the name
                continue
        if ch in _HARD or ch == "、":
            break
        i -= 1
    return i


def _after_name(line: str, pos: int, limit: int | None = None) -> tuple[str, int]:
    """The noun phrase right after a quantity (``5个项目`` → 项目), and where it ends."""
    skipped = 0
    while line[pos:pos + 1] in (" ", "\u3000") and skipped < 4:
        pos, skipped = pos + 1, skipped + 1
    if pos >= len(line):
        return "", pos
    ch = line[pos]
    if not ("\u4e00" <= ch <= "\u9fff" or ch in "“\"" or ch.isalpha()) and ch != "的":
        return "", pos
    j = pos
    stop = min(len(line) if limit is None else limit, pos + _AFTER_MAX)
    while j < stop and line[j] not in _HARD:
        j += 1
    phrase = line[pos:j]
    enum = _ENUMERATOR.search(phrase)
    if enum:
        phrase = phrase[:enum.start()]
    if "的" in phrase:
        phrase = phrase[phrase.rindex("的") + 1:]
    elif "、" in phrase:
        phrase = phrase[:phrase.index("、")]
    if not phrase or phrase[0] in _NOT_AFTER_START or _AFTER_START_RE.match(phrase):
        return "", pos
    return _clean(phrase), j


def _in_quotes(line: str, pos: int) -> bool:
    """Inside “…” or "…" on the same line (a proper name like “三个提升”)."""
    left = line.rfind("“", max(0, pos - 12), pos)
    if left >= 0 and line.rfind("”", left, pos) < 0:
        return line.find("”", pos, pos + 12) >= 0
    if line.count('"', max(0, pos - 40), pos) % 2 == 1:
        return line.find('"', pos, pos + 12) >= 0
    return False


def _qualifies(line: str, q: Quantity, nxt: Quantity) -> bool:
    """``过5亿元项目2个``: a figure glued by a short noun to the next one is part of its name."""
    gap = line[q.end:nxt.start]
    if nxt.unit in ("%", "‰") or gap.strip() == "的" or _CHANGE_TO.match(gap):
        return False  # 计划投资65亿元的90.3%, 由8万元提高到12万元: two figures, not a name
    return 0 < len(gap) <= 12 and not any(c in _HARD or c == "、" for c in gap)


def _keep(line: str, q: Quantity) -> bool:
    """Whether a quantity is an indicator's figure rather than part of a name, a date or a label."""
    if q.chinese and q.num_end - q.num_start <= 1 and q.comparator is None \
            and (line[q.num_start] == "一" or q.unit == "期" or not _ends_clause(line, q.end)
                 or _starts_clause(line, q.start)):
        return False  # 一个, 两项企业, 每月一次, 三期: an article, a frequency or a phase; 企业三家。 is a count
    if q.num_start > 0 and line[q.num_start - 1] == "第":
        return False
    if line[max(0, q.start - 2):q.start] in _DEICTIC or line[q.start - 1:q.start] in ("这", "该", "此"):
        return False  # 以上3项工作: the items just listed, not a figure
    if _CAPACITY.search(line, max(0, q.num_start - 16), q.num_start):
        return False  # 年产20万吨…项目: a capacity inside a project's name
    if _in_quotes(line, q.num_start):
        return False
    tail = line[q.end:q.end + 2]
    return not tail.startswith(("内", "之内", "后", "前"))


def _ends_clause(line: str, pos: int) -> bool:
    """Whether only spaces stand between ``pos`` and a clause break or the end of the line."""
    rest = line[pos:pos + 8].lstrip(" \u3000")
    return not rest or rest[0] in _HARD or rest[0] == "、"


def _starts_clause(line: str, pos: int) -> bool:
    """Whether only spaces stand between the start of the line or a clause break and ``pos``."""
    before = line[max(0, pos - 8):pos].rstrip(" \u3000")
    return not before or before[-1] in _HARD or before[-1] == "、"


def _growth_name(line: str, g: Growth, floor: int) -> str:
    return _clean(line[_scan_back(line, g.start, floor):g.start])


def _own_name(line: str, q: Quantity, start: int, floor: int, prev: _Found | None, prev_tail: str) -> str:
    """The name written before a figure, in its own clause."""
    before = line[start:q.start]
    own = "" if _CHANGE_TO.match(before) else _clean(before)
    share = _SHARE_OF.match("".join(before.split())) if q.unit == "%" else None
    if share:  # 完成年度计划的57% → 年度计划完成率
        subject = _clean(share.group(1)) or (prev.name if prev is not None and prev.end >= start - 1 else "")
        plan = _clean(share.group(2))
        own = (subject if subject not in plan else "") + plan + "完成率"
    elif q.unit == "%" and before.strip() == "的" and prev is not None and prev.end == start:
        own = prev.name + "比例"  # 占计划投资65亿元的90.3%
    if not own and start > 0 and line[start - 1] in "：:":
        own = _clean(line[_scan_back(line, start - 1, floor):start - 1])  # 税收收入：1.2亿元
    if not own and start == 0 and prev_tail:
        own = _clean(prev_tail + before)
    return own


def _borrowed_name(line: str, q: Quantity, start: int, floor: int, prev: _Found | None,
                   fallback: str | None, growth: Growth | None) -> str:
    """A name for a figure that has none of its own, in order of preference."""
    if growth is not None:
        return _growth_name(line, growth, 0)
    if prev is not None and prev.q is not None and prev.q.unit == q.unit \
            and not any(c in _SENTENCE_END for c in line[prev.end:q.start]):
        return prev.name  # 新增规上企业5家以上，力争10家
    if _COPULA.match("".join(line[start:q.start].split())) and start > floor + 1 and line[start - 1] in "，,":
        topic = line[_scan_back(line, start - 1, floor):start - 1]
        return _clean(_PREDICATE.sub("", "".join(topic.split())))  # 平台数量较少，只有10家
    return fallback or ""


def _refined(name: str, q: Quantity, line: str, start: int, prev: _Found | None) -> tuple[str, str, bool]:
    """The name completed from the figure before it; also its head noun and whether it details it."""
    if name in _TOTAL_WORDS and prev is not None and prev.q is not None and prev.q.unit == q.unit:
        name = _NEW.sub("", prev.name) + name  # 新认定高企17家，总数达到93家 → 高企总数
    elif name in _SHARE_WORDS and prev is not None and prev.end >= start - 1:
        name = prev.name + name  # 规上企业128家，占比33.2% → 规上企业占比
    if prev is not None and name[:1] in "过超逾" and line[prev.end:start].strip(" 、，,") == "":
        at = prev.name.find(name[0])
        if at > 0:
            name = prev.name[:at] + name  # 税收过3000万企业2家、过500万企业6家
    if prev is not None and line[prev.end:start].strip() == "、":
        verb = _SHARED_VERB.match(prev.name)
        if verb and not _SHARED_VERB.match(name) and not _STAGE.match(name) and len(name) > 3:
            name = verb.group(0) + name  # 新增省级工程研究中心1家、企业技术中心3家 → 新增企业技术中心
    if len(name) <= 2 and q.unit.endswith("次"):
        name += "次数" if q.unit == "次" else q.unit  # 出动108人次 → 出动人次
    head = name[-2:] if len(name) > 3 else ""
    sub = False
    if prev is not None and prev.q is not None and prev.q.unit == q.unit:
        gap = line[prev.end:q.start]
        sub = not any(c in "。！？!?" for c in gap) and (
            _SUBORDINATE.search(gap) is not None or prev.sub and len(gap) <= 8)
    if sub and len(name) <= 3 and prev.head:
        head = prev.head  # 重点项目8个，其中新建5个 → 新建项目
        if not set(name) & set(head):
            name += head
    return name, head, sub


@lru_cache(maxsize=1024)
def _line_facts(line: str, fallback: str | None, next_line: str | None,
                prev_tail: str = "") -> tuple[_Found, ...]:
    """The indicators of one line of prose or one table cell, in their order (read, never changed)."""
    return tuple(_find_line_facts(line, fallback, next_line, prev_tail))


def _find_line_facts(line: str, fallback: str | None, next_line: str | None, prev_tail: str) -> list[_Found]:
    quantities = find_quantities(line)
    bare = _bare_numbers(line)
    if bare:
        quantities = sorted(quantities + bare, key=lambda q: q.start)
    growths = find_growths(line)
    if not quantities and not growths:
        return []
    paired: list[_Found] = []
    if "分别" in line:
        paired = _respectively(line, quantities)
        for f in paired:  # the figures of 甲、乙分别增长5%、8% are read once, in pairs
            quantities = [q for q in quantities if not f.start <= q.num_start < f.end]
            growths = [g for g in growths if not f.start <= g.start < f.end]
    starts = [g.start for g in growths]
    ends = [g.end for g in growths]
    quantities = [q for q in quantities if not (q.unit in ("%", "‰") and _within(growths, starts, q.num_start))]
    kept = [q for q in quantities if _keep(line, q)]
    kept = [q for i, q in enumerate(kept) if i + 1 == len(kept) or not _qualifies(line, q, kept[i + 1])]
    used: set[int] = set()
    out: list[_Found] = []
    floor = 0
    prev: _Found | None = None
    for k, q in enumerate(kept):
        start = _scan_back(line, q.start, floor)
        before = line[start:q.start]
        own = _own_name(line, q, start, floor, prev, prev_tail)
        after, after_end = _after_name(line, q.end, kept[k + 1].start if k + 1 < len(kept) else None)
        if own and q.unit in ("%", "‰"):
            after = ""
        if not after and q.end >= len(line.rstrip()) and next_line and line.rstrip()[-1:] not in _HARD:
            after, _ = _after_name(next_line.lstrip(), 0)
        if "".join(before.split()).endswith("等") and after:
            name = after  # 兴旺等4家企业入选: the names listed are not the quantity's name
        elif own and after and not own.endswith(after):
            name = own + after
        else:
            name = own or after
        growth = None if _is_share(q, name) else _growth_after(line, q, growths, starts, used)
        if not name:
            lent = _growth_before(line, q, growths, ends, used)
            name = _borrowed_name(line, q, start, floor, prev, fallback, lent)
            growth = growth or lent
        if not name:
            floor = q.end
            continue
        name, head, sub = _refined(name, q, line, start, prev)
        end = max(q.end, growth.end if growth else q.end, after_end if after else q.end)
        f = _Found(q, growth, name, min(start + len(before) - len(before.lstrip()), q.start), end, head, sub)
        out.append(f)
        prev = f
        floor = q.end
    for i, g in enumerate(growths):
        if i in used:
            continue
        name = _growth_name(line, g, 0)
        owner = None if name else _growth_owner(line, out, g)
        if owner is not None:
            owner.g, owner.end = g, max(owner.end, g.end)  # 15.6亿元，占目标的52%，同比增长8.9%
        elif name or fallback:
            out.append(_Found(None, g, name or fallback or "", _scan_back(line, g.start, 0), g.end))
    out.extend(paired)
    out.sort(key=lambda f: f.start)
    if "分别" in line:
        _pair_growth_lists(line, out)
    return out


def _pair_growth_lists(line: str, found: list[_Found]) -> None:
    """``120亿元、35亿元，同比分别增长9%和12%``: the growths go to the figures before, in order."""
    for m in _GROWTH_LIST.finditer(line):
        pcts = [q for q in find_quantities(m.group("values")) if q.unit == "%"]
        sign = -1 if _NEGATIVE_VERB.search(m.group("verb")) else 1
        owners = [f for f in found if f.end <= m.start() and f.q is not None and f.g is None
                  and not any(c in _SENTENCE_END for c in line[f.end:m.start()])]
        listed = [f for f in found if m.start() <= f.start < m.end()]
        if len(pcts) < 2 or len(owners) < len(pcts):
            continue
        for f, q in zip(owners[-len(pcts):], pcts):
            at = m.start("values")
            f.g = Growth(sign * q.value, q.comparator, at + q.start, at + q.end)
            f.end = max(f.end, m.end())
        for f in listed:
            found.remove(f)


def _respectively(line: str, quantities: list[Quantity]) -> list[_Found]:
    """``营业收入、税收分别增长10%、8%``: names and figures listed in the same order, paired."""
    out: list[_Found] = []
    for m in _RESPECTIVELY.finditer(line):
        names = [_clean(n) for n in _LIST_SEP.split(m.group("names"))]
        figures = [q for q in quantities if m.start("values") <= q.num_start < m.end("values")]
        if len(names) < 2 or len(figures) != len(names) or not all(names):
            continue
        head = names[-1][-2:]
        names = [n + head if len(n) <= 3 and not set(n) & set(head) else n for n in names]  # 新建、续建项目
        verb = m.group("verb") or ""
        growth = bool(_GROWTH_VERB.search(verb)) and all(q.unit == "%" for q in figures)
        sign = -1 if _NEGATIVE_VERB.search(verb) else 1
        for name, q in zip(names, figures):
            if growth:
                out.append(_Found(None, Growth(sign * q.value, q.comparator, q.start, q.end), name,
                                  m.start("names"), m.end()))
            else:
                out.append(_Found(q, None, name, m.start("names"), m.end()))
        out[-len(names)].end = m.end()
    return out


def _is_share(q: Quantity, name: str) -> bool:
    return q.unit in ("%", "‰") and name.endswith(("率", "比例", "占比", "比重"))


def _growth_owner(line: str, found: list[_Found], g: Growth) -> _Found | None:
    """The last figure before a nameless growth in its sentence that has no growth yet."""
    for f in reversed(found):
        if f.start > g.start:
            continue
        if any(c in _SENTENCE_END for c in line[f.end:g.start]):
            return None
        if f.q is not None and f.g is None and not _is_share(f.q, f.name) and f.q.unit not in ("%", "‰"):
            return f
    return None


def _bare_numbers(line: str) -> list[Quantity]:
    """Counts whose unit the writer left out (``报送政务信息96；``): unit ``""``."""
    out = []
    for m in _BARE.finditer(line):
        value = float(m.group(1))
        if value <= 0 or value.is_integer() and 1900 <= value <= 2100:
            continue
        before = _clean(line[_scan_back(line, m.start(), max(0, m.start() - 24)):m.start()])
        if len(before) < 3 or _RATE_END.search(before):
            continue
        out.append(Quantity(value, "", None, m.start(), m.end(), m.start(), False, m.end()))
    return out


def _within(growths: list[Growth], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and growths[i].start <= pos < growths[i].end


def _growth_after(line: str, q: Quantity, growths: list[Growth], starts: list[int],
                  used: set[int]) -> Growth | None:
    """A growth stated right after a figure (``18.6亿元，同比增长7.4%``) belongs to it."""
    i = bisect_left(starts, q.end)
    if i < len(growths) and i not in used:
        g = growths[i]
        gap = line[q.end:g.start]
        if len(gap) <= 3 and all(c in " ，,、" for c in gap):
            used.add(i)
            return g
    return None


def _growth_before(line: str, q: Quantity, growths: list[Growth], ends: list[int],
                   used: set[int]) -> Growth | None:
    """A named growth stated just before a figure that has no name of its own (it lends its name)."""
    i = bisect_right(ends, q.start) - 1
    if i < 0 or i in used:
        return None
    g = growths[i]
    if q.start - g.end > 16 or any(c in _SENTENCE_END for c in line[g.end:q.start]):
        return None
    if not _growth_name(line, g, 0):
        return None
    used.add(i)
    return g


def _period(prefix: str) -> str | None:
    found = None
    for m in _PERIOD.finditer("".join(prefix.split())):
        found = m.group(0)
    return found


def _kind(prefix: str, name: str, default: str, inherited: str | None) -> str:
    """target or actual: the genre's default, the clause's own cue, else the sentence's earlier figure."""
    if default == "actual":
        if name.endswith("率"):
            return "actual"
        if _TARGET_CUE.search(prefix) or "计划" in name or "目标" in name:
            return "target"
        return inherited if inherited and not _DONE_CUE.search(prefix) else "actual"
    return "actual" if _ACTUAL_CUE.search(prefix) else "target"


def _comparator(f: _Found, prefix: str, tail: str) -> str | None:
    """The figure's comparator, else one implied by its clause, its growth or the line before."""
    q, g = f.q, f.g
    if q is None:
        return g.comparator
    if q.comparator:
        return q.comparator
    if g is not None and g.end <= q.start and g.comparator:
        return g.comparator  # 年均增速不低于14%，达到45亿元
    if _AT_LEAST.search(prefix):
        return ">="
    return comparator_before(tail.rstrip()) if f.start == 0 and tail else None


def _tail(prev_line: str | None) -> str:
    """The unfinished clause a line break cut (a line that does not end in punctuation)."""
    if not prev_line:
        return ""
    s = prev_line.rstrip()
    if not s or s[-1] in _HARD or s[-1] in "、”\"":
        return ""
    i = len(s)
    while i > 0 and s[i - 1] not in _HARD and s[i - 1] != "、" and len(s) - i < 24:
        i -= 1
    return s[i:]


def _wrapped(line: str, following: str) -> bool:
    """Whether a line break is a wrap inside a sentence (a full, unpunctuated line before it)."""
    if len(line) < _WRAP_MIN:
        return False
    end = line.rstrip()
    return (len(end) >= _WRAP_MIN and end[-1] not in _HARD_END and bool(following.strip())
            and following[:1] not in "\t" and not _HEADING.match(following.lstrip()))


def _joinable(line: str, following: str, gap: str) -> bool:
    """A wrap, possibly with one blank line (text copied from a PDF) when the line is prose."""
    if gap.strip() or not 1 <= gap.count("\n") <= 2 or not _wrapped(line, following):
        return False
    return gap.count("\n") == 1 or any(c in "，,。；;" for c in line)


def unwrap(text: str) -> str:
    """Line breaks that wrap a sentence (a PDF's page width) become spaces: same length."""
    if "\n" not in text:
        return text
    out: list[str] = []
    last = 0
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start < _WRAP_MIN:
            continue  # too short to be a wrapped line
        prev = text[line_start:m.start()]
        end = text.find("\n", m.end())
        following = text[m.end():end if end >= 0 else len(text)]
        if _joinable(prev, following, m.group(0)):
            out.append(text[last:m.start()])
            out.append(" " * len(m.group(0)))
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def _facts(line: str, offset: int, fallback: str | None, next_line: str | None,
           default_kind: str, prev_line: str | None = None, source: str | None = None) -> list[IndicatorFact]:
    if not may_hold_figure(line):
        return []
    original, line = source or line, normalize(line)
    tail = normalize(_tail(prev_line))
    out = []
    last_sentence, last_kind = -1, None
    found = _line_facts(line, fallback, next_line, tail)
    stops = [m.start() for m in _SENTENCE_STOP.finditer(line)] if found else []
    for f in found:
        lo = max(0, f.start - 200)
        i = bisect_left(stops, f.start) - 1
        sent = max(stops[i] + 1 if i >= 0 and stops[i] >= lo else 0, lo)
        at = f.q.num_start if f.q else f.g.start
        prefix = line[f.start:at]
        q, g = f.q, f.g
        kind = _kind(prefix, f.name, default_kind, last_kind if sent == last_sentence else None)
        last_sentence, last_kind = sent, kind
        out.append(IndicatorFact(
            name=f.name, value=q.value if q else None, unit=(q.unit or None) if q else None,
            yoy_pct=g.pct if g else None, comparator=_comparator(f, prefix, tail),
            kind=kind, period=_period(line[sent:at]),
            quote=original[f.start:f.end].strip(), offset=offset + f.start + _lstrip_len(original[f.start:f.end])))
    return out


def _lstrip_len(s: str) -> int:
    return len(s) - len(s.lstrip())


@lru_cache(maxsize=4096)
def _name_like(text: str) -> str | None:
    """A short label line or cell that can name a figure stated below or beside it."""
    s = "".join(text.split())
    if not s or len(s) > 24 or _LABEL_STOP.search(s) or not s.isalpha() and any(c.isdigit() for c in s):
        return None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in s) or _HEADING.match(s):
        return None
    return s


def indicators_in_text(text: str, offset: int = 0, kind: str | None = None,
                       subject: str | None = None) -> list[IndicatorFact]:
    """The quantified targets or results inside ``text`` (e.g. a task's requirement).

    ``subject`` names a figure that has no name of its own; ``kind`` forces target/actual
    (default: target unless the wording reports a result).
    """
    if not isinstance(text, str) or not text:
        return []
    out: list[IndicatorFact] = []
    pos = 0
    lines = unwrap(text).split("\n")
    previous: str | None = None
    for i, line in enumerate(lines):
        nxt = next((x for x in lines[i + 1:i + 4] if x.strip()), None)
        facts = _facts(line, offset + pos, subject, nxt, "target", previous, text[pos:pos + len(line)])
        if line.strip():
            previous = line
        if kind in ("target", "actual"):
            for f in facts:
                f.kind = kind
        out.extend(facts)
        pos += len(line) + 1
    return out


def _cell_offsets(text: str, cells: tuple[str, ...], start: int) -> list[int]:
    offsets, pos = [], start
    for cell in cells:
        found = text.find(cell, pos) if cell else -1
        if found < 0 or found - pos > 200:
            offsets.append(pos)
        else:
            offsets.append(found)
            pos = found + len(cell)
    return offsets


def _table_facts(doc: Document, table: Table, default_kind: str, year: int | None) -> list[IndicatorFact]:
    special = table_indicators(table, doc.text, default_kind, year)
    if special is not None:
        return special
    out: list[IndicatorFact] = []
    fill: dict[int, str] = {}
    for row in table.rows:
        offsets: list[int] | None = None
        for j, cell in enumerate(row.cells):
            label = _name_like(cell)
            if label:
                fill[j] = label
            if not cell.strip() or not may_hold_figure(cell):
                continue
            fallback = next((fill[k] for k in range(j - 1, -1, -1) if k in fill), None)
            if offsets is None:
                offsets = _cell_offsets(doc.text, row.cells, row.offset)
            sub = unwrap(cell).split("\n")
            pos = 0
            for i, part in enumerate(sub):
                out.extend(_facts(part, offsets[j] + pos, fallback, sub[i + 1] if i + 1 < len(sub) else None,
                                  default_kind, source=cell[pos:pos + len(part)]))
                pos += len(part) + 1
    return out


def _append_line(lines: list[tuple[str, int, str]], part: str, pos: int, text: str) -> None:
    """Adds a line of prose, joined to the previous one when a wrap split the sentence."""
    if lines:
        prev, start, source = lines[-1]
        gap = text[start + len(prev):pos]
        if _joinable(prev, part, gap):
            lines[-1] = (prev + " " * len(gap) + part, start, source + gap + part)
            return
    lines.append((part, pos, part))


def extract_indicators(doc: Document, info: DocumentInfo) -> list[IndicatorFact]:
    """Every indicator of a document, in document order, from its paragraphs and its tables."""
    default_kind = "target" if info.genre in TARGET_GENRES else "actual"
    lines: list[tuple[str, int, str]] = []
    out: list[IndicatorFact] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            pos = block.offset
            for part in block.text.split("\n"):
                if part.strip():
                    _append_line(lines, part, pos, doc.text)
                pos += len(part) + 1
        elif isinstance(block, Table):
            out.extend(_table_facts(doc, block, default_kind, info.year))
    kind = default_kind
    label: str | None = None
    nonempty = lines
    for i, (line, off, source) in enumerate(nonempty):
        stripped = line.strip()
        if default_kind == "actual" and len(stripped) <= 30 and _FORWARD_HEADING.search(stripped):
            kind = "target"
        nxt = nonempty[i + 1][0] if i + 1 < len(nonempty) else None
        out.extend(_facts(line, off, label, nxt, kind, nonempty[i - 1][0] if i else None, source))
        label = _name_like(stripped)
    out.sort(key=lambda f: f.offset)
    return out
