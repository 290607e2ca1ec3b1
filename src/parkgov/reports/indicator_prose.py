"""Indicators written as prose: ``完成规模工业总产值32.97亿元，同比增长9.1%`` from the rows, one paragraph per kind."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import convert
from parkgov.reports.bulletin_data import IndicatorRow
from parkgov.reports.formatting import fmt_amount, fmt_pct, growth_phrase, name_list

_VERBS = (("进出口", "达到"), ("出口", "达到"), ("收入", "实现"), ("税收", "实现"), ("利润", "实现"),
          ("营业", "实现"), ("产值", "完成"), ("增加值", "完成"), ("投资", "完成"))

#: The kinds of indicators a summary writes one paragraph each for, in this order; the first key found wins.
KINDS = (("税收", ("税收", "税金", "财政收入", "一般公共预算")),
         ("收入", ("收入", "营收", "营业", "销售", "利润")),
         ("产值", ("产值", "增加值")),
         ("投资", ("投资",)),
         ("外贸", ("进出口", "出口", "外资", "外贸")))
OTHER_KIND = "其他"
_ORDER = ("收入", "产值", "投资", "税收", "外贸", OTHER_KIND)

#: Amounts of at least 1 亿 are written in 亿 (``4.88亿元``), as a person writes them.
_LARGER = {"万元": "亿元", "万美元": "亿美元"}


def verb_for(name: str, unit: str | None = None) -> str:
    """The verb before an indicator: 实现 收入/税收, 达到 进出口额 (after the name), 完成 产值/投资 and
    other money; counts and amounts of other units get none (``发现隐患323项``)."""
    for key, verb in _VERBS:
        if key in name:
            return verb
    return "完成" if unit and unit.endswith("元") else ""


def kind_of(name: str) -> str:
    """``收入``, ``产值``, ``投资``, ``税收``, ``外贸`` or ``其他`` from the indicator's name."""
    for kind, keys in KINDS:
        if any(k in name for k in keys):
            return kind
    return OTHER_KIND


def prose_unit(values: Sequence[Decimal | None], unit: str | None) -> str | None:
    """The unit a sentence writes ``values`` in: 亿元 (亿美元) when any of them reaches 1 亿 万元, else ``unit``."""
    larger = _LARGER.get(unit or "")
    if larger and any(v is not None and abs(v) >= 10000 for v in values):
        return larger
    return unit


def prose_amount(value: Decimal | None, unit: str | None, shown: str | None = None) -> str:
    """An amount for prose in ``shown`` (default: 亿 for 1 亿 万元 or more), converted through the domain's one
    conversion; kept in ``unit`` where it cannot be converted."""
    shown = shown or prose_unit([value], unit)
    if value is not None and shown and unit and shown != unit:
        try:
            return fmt_amount(convert(value, unit, shown), shown)
        except DomainError:
            pass
    return fmt_amount(value, unit)


def indicator_clause(row: IndicatorRow) -> str | None:
    """One clause for an indicator with an actual figure; None when it has none."""
    if row.actual is None:
        return None
    amount = prose_amount(row.actual, row.unit)
    if row.unit == "%":
        clause = f"{row.name}为{amount}"
    elif verb_for(row.name, row.unit) == "达到":
        clause = f"{row.name}达到{amount}"
    else:
        clause = f"{verb_for(row.name, row.unit)}{row.name}{amount}"
    growth = growth_phrase(row.yoy_pct)
    if growth:
        clause += f"，{growth}"
    if row.completion_pct is not None:
        clause += f"，完成年度目标的{fmt_pct(row.completion_pct)}"
    elif row.target_growth_pct is not None:
        clause += f"（年度目标：{growth_phrase(row.target_growth_pct, '')}）"
    return clause


@dataclass
class IndicatorProse:
    """The paragraphs on the indicators (one per kind) and the notes on what could not be written."""

    paragraphs: list[str]
    notes: list[str]


def indicator_notes(rows: Sequence[IndicatorRow]) -> list[str]:
    """Notes on indicators without actual figures, without a target, or with a target of 0."""
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
    return notes


def indicator_paragraphs(rows: Sequence[IndicatorRow], period_label: str, subject: str) -> IndicatorProse:
    """One paragraph per kind (收入、产值、投资、税收、外贸、其他); the first opens with the period and subject."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        clause = indicator_clause(row)
        if clause:
            groups.setdefault(kind_of(row.name), []).append(clause)
    paragraphs = []
    for kind in (k for k in _ORDER if k in groups):
        lead = f"{period_label}，{subject}" if not paragraphs else \
            ("其他指标方面，" if kind == OTHER_KIND else f"{kind}方面，")
        paragraphs.append(f"{lead}{'；'.join(groups[kind])}。")
    if not paragraphs:
        paragraphs.append(f"{period_label}，经济指标暂无实际完成数据。")
    return IndicatorProse(paragraphs, indicator_notes(rows))

