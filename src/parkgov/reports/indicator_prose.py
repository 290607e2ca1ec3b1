"""Indicators written as prose: ``完成规模工业总产值32.97亿元，同比增长9.1%`` from the rows."""
from __future__ import annotations

from typing import Sequence

from parkgov.reports.bulletin_data import IndicatorRow
from parkgov.reports.formatting import fmt_amount, fmt_pct, growth_phrase, name_list

_VERBS = (("进出口", "达到"), ("出口", "达到"), ("收入", "实现"), ("税收", "实现"), ("利润", "实现"),
          ("营业", "实现"), ("产值", "完成"), ("增加值", "完成"), ("投资", "完成"))


def verb_for(name: str, unit: str | None = None) -> str:
    """The verb before an indicator: 实现 收入/税收, 达到 进出口额 (after the name), 完成 产值/投资 and
    other money; counts and amounts of other units get none (``发现隐患323项``)."""
    for key, verb in _VERBS:
        if key in name:
            return verb
    return "完成" if unit and unit.endswith("元") else ""


def indicator_clause(row: IndicatorRow) -> str | None:
    """One clause for an indicator with an actual figure; None when it has none."""
    if row.actual is None:
        return None
    if row.unit == "%":
        clause = f"{row.name}为{fmt_amount(row.actual, row.unit)}"
    elif verb_for(row.name, row.unit) == "达到":
        clause = f"{row.name}达到{fmt_amount(row.actual, row.unit)}"
    else:
        clause = f"{verb_for(row.name, row.unit)}{row.name}{fmt_amount(row.actual, row.unit)}"
    growth = growth_phrase(row.yoy_pct)
    if growth:
        clause += f"，{growth}"
    if row.completion_pct is not None:
        clause += f"，完成年度目标的{fmt_pct(row.completion_pct)}"
    elif row.target_growth_pct is not None:
        clause += f"（年度目标：{growth_phrase(row.target_growth_pct, '')}）"
    return clause


def indicators_paragraph(rows: Sequence[IndicatorRow], period_label: str, subject: str) -> tuple[str, list[str]]:
    """The paragraph on indicators and the notes on what could not be written (no data, no target)."""
    clauses = [c for c in (indicator_clause(r) for r in rows) if c]
    notes: list[str] = []
    missing = [r.name for r in rows if r.actual is None]
    if missing:
        notes.append(f"{name_list(missing)}本期暂无实际完成数据，未列入上文。")
    untargeted = [r.name for r in rows if r.actual is not None and r.target is None and r.target_growth_pct is None]
    if untargeted:
        notes.append(f"{name_list(untargeted)}未设定年度目标，未计算完成率。")
    zero = [r.name for r in rows if r.actual is not None and r.target is not None and r.target == 0]
    if zero:
        notes.append(f"{name_list(zero)}年度目标为0，无法计算完成率。")
    if not clauses:
        return f"{period_label}，经济指标暂无实际完成数据。", notes
    return f"{period_label}，{subject}{'；'.join(clauses)}。", notes
