"""Arithmetic checks: a document's stated rates and totals against their own parts.

- A rate (``整改完成率84.4%``) against the counts stated before it in the same
  sentence (``交办问题32项，其中27项已整改完成`` → 27/32 = 84.38%).
- A share of a plan (``完成投资4.2亿元，完成年度投资计划的52.5%``) against the
  planned amount stated before it (``年计划投资8亿元``).
- A progress table's completion-rate column against its done and target columns.
- A total against its parts (``建设项目28个，其中产业项目18个（新建9个、续建6个、
  前期3个），基础设施项目10个``): parts of one kind (stage, type, status) must add up.

A stated figure is accepted when it equals the computed one rounded to the stated
precision; 98.76 written as 98.7 is reported (it rounds to 98.8). Only what does not
add up is reported.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from parkgov.extract.document import Document, Table
from parkgov.extract.facts import CheckFact, IndicatorFact
from parkgov.extract.figures import Quantity, find_quantities, normalize
from parkgov.extract.indicator_tables import rate_rows
from parkgov.extract.indicators import unwrap

_SENTENCE_END = frozenset("。！？!?\n")
_RATE_NAME = re.compile(r"(?:完成|整改|办结|解决|落实|处置|化解|回复|销号|签约|开工|履约|兑现)\w{0,3}率$")
_DONE = re.compile(r"已|完成|整改|办结|解决|落实|处置|化解|回复|销号|签约|开工|履约|兑现")
_NOT_DONE = re.compile(r"其余|正在|未|尚未|剩余|待")
_PLAN_SHARE = re.compile(r"(?:完成|为|占|达到?)[^，,。；;]{0,12}(?:计划|目标|任务)[^，,。；;]{0,4}的?$")
_PLAN = re.compile(r"计划|目标|任务")
_CLASSES = {
    "stage": re.compile(r"^(?:新建|续建|前期|在建|新开工|竣工|完工|投产|储备)"),
    "type": re.compile(r"^(?:产业|工业|基础设施|基建|社会事业|民生|服务业|农业)"),
    "status": re.compile(r"^(?:已|正在|其余|其他|剩余|尚未|未)"),
}
_RATE_WINDOW = 160
_CONTINUED = re.compile(r"[。！？!?]\s*(?:其中|其余)")


@dataclass
class _Item:
    q: Quantity
    name: str
    start: int  # absolute offset of the quantity in doc.text
    children: list["_Item"] = field(default_factory=list)


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _agrees(stated: float, computed: float) -> bool:
    """Equal once the computed value is rounded half up to the stated precision."""
    step = 10 ** -_decimals(stated)
    return abs(math.floor(computed / step + 0.5 + 1e-9) * step - stated) < step / 10


def _lines_with_facts(text: str, offsets: list[int]):
    """Each line holding a fact's offset (its end counts, its newline included), once, in order."""
    last = -1
    for off in offsets:
        if off < 0 or off > len(text):
            continue
        base = text.rfind("\n", 0, off) + 1
        if base == last:
            continue
        last = base
        end = text.find("\n", off)
        yield text[base:end if end >= 0 else len(text)], base


def _named_items(line: str, base: int, facts: list[IndicatorFact]) -> list[_Item]:
    """The line's quantities that are indicators, with the indicator's name."""
    by_figure: dict[tuple[float, str | None], list[IndicatorFact]] = {}
    for f in facts:
        by_figure.setdefault((f.value, f.unit), []).append(f)
    offsets = {key: [f.offset for f in same] for key, same in by_figure.items()}
    items = []
    for q in find_quantities(line):
        absolute = base + q.num_start
        same = by_figure.get((q.value, q.unit), [])
        i = bisect_right(offsets.get((q.value, q.unit), []), absolute) - 1
        if i >= 0 and absolute - same[i].offset <= 80:
            items.append(_Item(q, same[i].name, absolute))
    return items


def _rate_checks(line: str, base: int, items: list[_Item]) -> list[CheckFact]:
    out = []
    for i, rate in enumerate(items):
        if rate.q.unit != "%":
            continue
        sent_start = i
        while sent_start > 0 and rate.start - items[sent_start - 1].start <= _RATE_WINDOW:
            gap = line[items[sent_start - 1].q.end:items[sent_start].q.num_start]
            if any(c in _SENTENCE_END for c in gap) and not _CONTINUED.search(gap):
                break
            sent_start -= 1
        before = items[sent_start:i]
        prefix = line[items[i - 1].q.end if i else 0:rate.q.num_start]
        if _PLAN_SHARE.search("".join(prefix.split())) or _PLAN.search(rate.name) and (
                rate.name.endswith("完成率") or prefix.strip() == "的"):
            found = _plan_rate([it for it in before if it.q.kind == "money"])
        elif _RATE_NAME.search(rate.name):
            found = _count_rate([it for it in before if it.q.kind == "count"])
        else:
            continue
        if found is None:
            continue
        computed = found
        if not _agrees(rate.q.value, computed):
            quote = line[before[0].start - base:rate.q.end] if before else line[:rate.q.end]
            out.append(CheckFact(
                kind="rate_mismatch", stated=rate.q.value, computed=round(computed, 2),
                message=(f"{rate.name}写为{_fmt(rate.q.value)}%，按文中数字计算应为"
                         f"{_fmt(_round(computed, _decimals(rate.q.value)))}%（{computed:.2f}%）"),
                quote=quote.strip(), offset=before[0].start if before else base))
    return out


def _count_rate(counts: list[_Item]) -> float | None:
    """Done over total: the total is the largest count, the done part names a completion."""
    if len(counts) < 2:
        return None
    unit = counts[-1].q.unit
    same = [c for c in counts if c.q.unit == unit]
    total = max(same, key=lambda c: c.q.value)
    done = [c for c in same if c is not total and c.start > total.start
            and _DONE.search(c.name) and not _NOT_DONE.search(c.name)]
    if not done or total.q.value <= 0 or done[0].q.value > total.q.value:
        return None
    return done[0].q.value / total.q.value * 100


def _plan_rate(money: list[_Item]) -> float | None:
    """The amount done over the nearest planned amount (named 计划/目标) in the same unit."""
    plans = [m for m in money if _PLAN.search(m.name)]
    if not plans or plans[-1].q.value <= 0:
        return None
    plan = plans[-1]
    done = [m for m in money if not _PLAN.search(m.name) and m.q.unit == plan.q.unit]
    if not done:
        return None
    return done[-1].q.value / plan.q.value * 100


def _sum_checks(line: str, base: int, items: list[_Item]) -> list[CheckFact]:
    """Totals followed by 其中 or a parenthesis, against parts of one kind."""
    out: list[CheckFact] = []
    roots = _tree(line, base, items)
    stack = list(roots)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        for label, pattern in _CLASSES.items():
            parts = [c for c in node.children if c.q.unit == node.q.unit and pattern.search(c.name)]
            if len(parts) < 2:
                continue
            total = sum(c.q.value for c in parts)
            if abs(total - node.q.value) < 1e-6 * max(1.0, node.q.value):
                continue
            end = max(c.q.end for c in parts)
            names = "、".join(f"{c.name}{_fmt(c.q.value)}" for c in parts)
            out.append(CheckFact(
                kind="sum_mismatch", stated=node.q.value, computed=round(total, 4),
                message=(f"{node.name}写为{_fmt(node.q.value)}{node.q.unit}，"
                         f"但分项{names}合计为{_fmt(total)}{node.q.unit}"),
                quote=line[node.start - base:end].strip(), offset=node.start))
    return out


def _tree(line: str, base: int, items: list[_Item]) -> list[_Item]:
    """Nest each figure under the total it details (after 其中 or inside a parenthesis)."""
    roots: list[_Item] = []
    stack: list[tuple[_Item | None, str]] = []  # (parent, closer)
    prev_end = 0
    last: _Item | None = None
    for it in items:
        gap = line[prev_end:it.q.num_start]
        for m in re.finditer(r"其中|[（(]|[）)]|[。；;！？]", gap):
            tok = m.group(0)
            if tok == "其中" and last is not None:
                stack.append((last, "qz"))
            elif tok in "（(":
                opened = last if last is not None and not gap[:m.start()].strip(" ，,") else None
                stack.append((opened, "paren"))
            elif tok in "）)":
                while stack and stack[-1][1] != "paren":
                    stack.pop()
                if stack:
                    stack.pop()
            else:
                while stack and stack[-1][1] == "qz":
                    stack.pop()
        parent = next((p for p, _ in reversed(stack) if p is not None), None)
        (parent.children if parent is not None else roots).append(it)
        last = it
        prev_end = it.q.end
    return roots


def _round(value: float, digits: int) -> float:
    step = 10 ** -digits
    return math.floor(value / step + 0.5 + 1e-9) * step


def _fmt(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def find_checks(doc: Document, indicators: list[IndicatorFact]) -> list[CheckFact]:
    """Every stated rate or total of the document that its own figures contradict."""
    text = unwrap(normalize(doc.text or ""))
    facts = sorted((f for f in indicators if f.value is not None), key=lambda f: f.offset)
    offsets = [f.offset for f in facts]
    out: list[CheckFact] = []
    for line, base in _lines_with_facts(text, offsets):
        lo = bisect_left(offsets, base)
        hi = bisect_right(offsets, base + len(line))
        if hi - lo < 2:
            continue
        items = _named_items(line, base, facts[max(0, lo - 1):hi])
        if len(items) < 2:
            continue
        out.extend(_rate_checks(line, base, items))
        out.extend(_sum_checks(line, base, items))
    for table in doc.tables:
        out.extend(_table_rate_checks(table))
    return sorted(out, key=lambda c: c.offset)


def _table_rate_checks(table: Table) -> list[CheckFact]:
    """A progress table's completion-rate column against its done and target columns."""
    out = []
    for row in rate_rows(table):
        computed = row.actual / row.target * 100
        if not _agrees(row.rate, computed):
            out.append(CheckFact(
                kind="rate_mismatch", stated=row.rate, computed=round(computed, 2),
                message=(f"{row.name}完成率写为{_fmt(row.rate)}%，按完成{_fmt(row.actual)}、目标{_fmt(row.target)}"
                         f"计算应为{_fmt(_round(computed, _decimals(row.rate)))}%（{computed:.2f}%）"),
                quote=row.quote, offset=row.offset))
    return out
