"""Indicator tables: a header row names the columns (指标, 单位, 目标, 完成, 增长), rows hold bare numbers.

``指标名称 | 单位 | 2025年目标 | 1-5月完成 | 同比增长(%)`` over
``规模工业总产值 | 亿元 | 136.5 | 58.2 | 9.1`` gives two indicators, a target and an
actual with its growth. Tables of any other shape are left to the prose grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parkgov.extract.document import Table
from parkgov.extract.facts import IndicatorFact
from parkgov.extract.figures import UNIT_KIND, find_quantities, parse_number

_NAME_HEAD = re.compile(r"指标|^名称$|^项目$")
_NOT_INDICATOR_HEAD = re.compile(r"项目名称|企业名称|单位名称|建设内容|开工|竣工|投产")
_UNIT_HEAD = re.compile(r"^单位|计量单位")
_GROWTH_HEAD = re.compile(r"增长|增速|同比|增幅|增减")
_TARGET_HEAD = re.compile(r"目标|计划|预计|任务|预期")
_ACTUAL_HEAD = re.compile(r"完成|实际|累计|实绩|实现|上年|基数")
_VALUE_HEAD = re.compile(r"目标|计划|预计|任务|预期|完成|实际|累计|实绩|实现|20\d{2}|数值|数量")
_TEXT_HEAD = re.compile(r"要求|内容|措施|举措|事项|工作|进度|情况|说明|备注|时间|时限|日期|节点")
_RATE_HEAD = re.compile(r"率|占比|比重|[%％]")
_NUMBERING = re.compile(r"^(?:(?:\d+|[一二三四五六七八九十]+)[、.．]\s*|其中[:：]?)")
_COMPLETION_HEAD = re.compile(r"完成率|完成进度|完成比例|进度")
_BASE_HEAD = re.compile(r"上年|基数|同期")
_YEAR = re.compile(r"(20\d{2})年?")
_PAREN_UNIT = re.compile(r"[（(]\s*([^()（）]{1,6}?)\s*[)）]")
_PERIOD = re.compile(r"20\d{2}年\d{1,2}[-—~至]\d{1,2}月|\d{1,2}[-—~至]\d{1,2}月|上半年|全年|20\d{2}年")


def _unit_in(text: str) -> str | None:
    for m in _PAREN_UNIT.finditer(text):
        u = m.group(1).replace("％", "%")
        base = u[1:] if u[:1] in "万亿" and u[1:] in UNIT_KIND else u
        if base in UNIT_KIND or "/" in u:
            return u
    return None


def _earlier_year(head: str, year: int | None) -> bool:
    m = _YEAR.search(head)
    return bool(m and year and int(m.group(1)) < year)


def _header(table: Table) -> tuple[int, dict[str, int | list[int]]] | None:
    for i, row in enumerate(table.rows[:3]):
        cells = ["".join(c.split()) for c in row.cells]
        name = next((j for j, c in enumerate(cells) if _NAME_HEAD.search(c) and len(c) <= 8), None)
        values = [j for j, c in enumerate(cells) if j != name and _VALUE_HEAD.search(c)
                  and not _GROWTH_HEAD.search(c) and not _TEXT_HEAD.search(c) and len(c) <= 16]
        if name is None or not values or any(_NOT_INDICATOR_HEAD.search(c) for c in cells):
            continue
        unit = next((j for j, c in enumerate(cells) if _UNIT_HEAD.search(c)), -1)
        growths = [j for j, c in enumerate(cells) if _GROWTH_HEAD.search(c) and len(c) <= 16]
        return i, {"name": name, "unit": unit, "values": values, "growths": growths}
    return None


def table_indicators(table: Table, text: str, default_kind: str,
                     year: int | None = None) -> list[IndicatorFact] | None:
    """The indicators of an indicator table, or None when the table is not one.

    A column headed by a year before the document's ``year`` holds results (actual).
    """
    found = _header(table)
    if found is None:
        return None
    head_row, cols = found
    header = ["".join(c.split()) for c in table.rows[head_row].cells]
    name_col, unit_col = cols["name"], cols["unit"]
    out: list[IndicatorFact] = []
    numeric_rows = 0
    for row in table.rows[head_row + 1:]:
        cells = list(row.cells) + [""] * (len(header) - len(row.cells))
        raw_name = "".join(cells[name_col].split()) if name_col < len(cells) else ""
        name = _NUMBERING.sub("", _PAREN_UNIT.sub("", raw_name))
        if not name:
            continue
        row_unit = (cells[unit_col].strip().replace("％", "%") or None) if unit_col >= 0 else None
        row_unit = row_unit or _unit_in(raw_name)
        growth_by_col = {}
        for gj in cols["growths"]:
            g = parse_number(cells[gj].replace("%", "").replace("％", "")) if gj < len(cells) else None
            if g is not None:
                growth_by_col[gj] = g
        for vj in cols["values"]:
            cell = cells[vj].strip() if vj < len(cells) else ""
            unit = "%" if _RATE_HEAD.search(header[vj]) else row_unit or _unit_in(header[vj])
            value, comparator = parse_number(cell.rstrip("%％")), None
            if value is not None:
                numeric_rows += 1
            else:
                qs = find_quantities(cell)
                if len(qs) != 1:
                    continue
                value, unit, comparator = qs[0].value, qs[0].unit, qs[0].comparator
            later = [gj for gj in growth_by_col if gj > vj]
            earlier_values = [v for v in cols["values"] if v > vj]
            yoy = None
            if later and (not earlier_values or min(later) < min(earlier_values)):
                yoy = growth_by_col[min(later)]
            kind = ("target" if _TARGET_HEAD.search(header[vj])
                    else "actual" if _ACTUAL_HEAD.search(header[vj]) or _earlier_year(header[vj], year)
                    else default_kind)
            period = _PERIOD.search(header[vj])
            out.append(IndicatorFact(
                name=name, value=value, unit=unit, yoy_pct=yoy, comparator=comparator, kind=kind,
                period=period.group(0) if period else None,
                quote="\t".join(c for c in (raw_name, cell) if c), offset=row.offset))
    return out if numeric_rows else None


@dataclass(frozen=True)
class RateRow:
    """One row of a progress table: its target, what was done and the stated completion rate."""

    name: str
    target: float
    actual: float
    rate: float
    offset: int
    quote: str


def rate_rows(table: Table) -> list[RateRow]:
    """Rows of an indicator table with one target, one done and one completion-rate column."""
    found = _header(table)
    if found is None:
        return []
    head_row, cols = found
    header = ["".join(c.split()) for c in table.rows[head_row].cells]
    plain = [j for j in cols["values"] if not _RATE_HEAD.search(header[j])]
    targets = [j for j in plain if _TARGET_HEAD.search(header[j]) and not _ACTUAL_HEAD.search(header[j])]
    actuals = [j for j in plain if _ACTUAL_HEAD.search(header[j]) and not _BASE_HEAD.search(header[j])]
    rates = [j for j, c in enumerate(header) if _COMPLETION_HEAD.search(c)]
    if len(targets) != 1 or len(actuals) != 1 or len(rates) != 1:
        return []
    t, a, r = targets[0], actuals[0], rates[0]
    out = []
    for row in table.rows[head_row + 1:]:
        if max(t, a, r, cols["name"]) >= len(row.cells):
            continue
        target, actual = parse_number(row.cells[t]), parse_number(row.cells[a])
        rate = parse_number(row.cells[r].strip().rstrip("%％"))
        name = _NUMBERING.sub("", _PAREN_UNIT.sub("", "".join(row.cells[cols["name"]].split())))
        if name and target and actual is not None and rate is not None:
            out.append(RateRow(name, target, actual, rate, row.offset,
                               "\t".join(c for c in row.cells if c.strip())))
    return out
