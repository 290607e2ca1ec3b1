"""Indicator targets and how an actual figure is judged against them.

Three kinds of target, as plans write them:
    AMOUNT   ``新引进产业项目15个以上``, ``年度计划投资8.2亿元``: met when
             actual ≥ target; lit by completion rate against time progress.
    GROWTH   ``增长7.5%以上``: met when the actual growth (in %) ≥ the target
             growth, whatever the time of year; yellow when at most
             ``Thresholds.growth_yellow_gap_pct`` points below; red further below.
    DECLINE  ``单位GDP能耗下降3%以上``: met when the actual growth ≤ −3 (a decline
             of at least 3 %); yellow within the same tolerance; red beyond.
    CEILING  ``城镇登记失业率控制在3.8%以内``: lower is better; green at or below
             the ceiling, red above it.
Text is parsed by ``parkgov.extract``; build targets from its value, unit and
comparator with :meth:`Target.from_comparator`.

Public API:
    TargetKind        -- StrEnum AMOUNT/GROWTH/DECLINE/CEILING
    Target(kind, value: Decimal, unit: Unit)   -- frozen
        Target.amount(value, unit), Target.growth(percent), Target.decline(percent),
        Target.ceiling(value, unit="%")
        Target.from_comparator(value, unit, comparator: ">=" | "<=" | "≈" | None,
                               is_growth: bool = False) -> Target
            -- "<=" → CEILING; a growth (extract's sign: 下降3% is −3) → GROWTH, or
               DECLINE when negative; otherwise AMOUNT
        t.label -> "15个以上" | "增长7.5%以上" | "下降3%以上" | "控制在3.8%以内"
    Assessment(light, completion_rate, time_progress, gap, note)   -- frozen
        gap: points or units beyond the target (≥ 0 when met) for GROWTH, DECLINE
             and CEILING; None for AMOUNT
        note: a Chinese sentence for dashboards and bulletins
    assess(target, actual: Decimal | Quantity | None, *, period: Period, as_of: date,
           thresholds=DEFAULT_THRESHOLDS, basis=ProgressBasis.MONTH) -> Assessment
        ``actual`` is the cumulative value for AMOUNT, the growth in % for GROWTH and DECLINE
        and the value for CEILING.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from parkgov.domain.completion import completion_rate
from parkgov.domain.errors import DomainError
from parkgov.domain.light import DEFAULT_THRESHOLDS, Light, Thresholds, light_against_time_progress
from parkgov.domain.period import Period
from parkgov.domain.quantity import (
    PERCENT, Quantity, Unit, convert, exact_decimal, format_percent, parse_unit,
)
from parkgov.domain.time_progress import ProgressBasis, time_progress


class TargetKind(StrEnum):
    AMOUNT = "amount"
    GROWTH = "growth"
    DECLINE = "decline"
    CEILING = "ceiling"


@dataclass(frozen=True)
class Target:
    """A planned value: an amount to reach, a growth to beat or a ceiling to stay under."""

    kind: TargetKind
    value: Decimal
    unit: Unit

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", _unit(self.unit))
        object.__setattr__(self, "value", exact_decimal(self.value))
        if self.kind in (TargetKind.GROWTH, TargetKind.DECLINE) and self.unit != PERCENT:
            raise DomainError("增速目标的单位必须是%")
        if self.kind is TargetKind.DECLINE and self.value <= 0:
            raise DomainError("降幅目标必须大于零")
        if self.kind is TargetKind.AMOUNT and self.value < 0:
            raise DomainError("总量目标不能为负数")

    @classmethod
    def amount(cls, value: Decimal | int | str, unit: Unit | str) -> Target:
        return cls(TargetKind.AMOUNT, exact_decimal(value), _unit(unit))

    @classmethod
    def growth(cls, percent: Decimal | int | str) -> Target:
        return cls(TargetKind.GROWTH, exact_decimal(percent), PERCENT)

    @classmethod
    def decline(cls, percent: Decimal | int | str) -> Target:
        return cls(TargetKind.DECLINE, exact_decimal(percent), PERCENT)

    @classmethod
    def ceiling(cls, value: Decimal | int | str, unit: Unit | str = PERCENT) -> Target:
        return cls(TargetKind.CEILING, exact_decimal(value), _unit(unit))

    @classmethod
    def from_comparator(
        cls, value: Decimal | int | str, unit: Unit | str, comparator: str | None, is_growth: bool = False
    ) -> Target:
        """A target from an extracted figure: ``<=`` is a ceiling, a growth is a growth, else an amount."""
        if comparator == "<=":
            return cls.ceiling(value, unit)
        if is_growth:
            number = exact_decimal(value)
            return cls.decline(-number) if number < 0 else cls.growth(number)
        return cls.amount(value, unit)

    @property
    def label(self) -> str:
        figure = f"{self.value:f}{self.unit.symbol}"
        if self.kind is TargetKind.GROWTH:
            return f"增长{figure}以上"
        if self.kind is TargetKind.DECLINE:
            return f"下降{figure}以上"
        if self.kind is TargetKind.CEILING:
            return f"控制在{figure}以内"
        return f"{figure}以上"


@dataclass(frozen=True)
class Assessment:
    """How an actual figure stands against its target."""

    light: Light
    completion_rate: Decimal | None
    time_progress: Decimal | None
    gap: Decimal | None
    note: str


def _unit(unit: Unit | str | None) -> Unit:
    if isinstance(unit, Unit):
        return unit
    return parse_unit(unit or "")


def _value(actual: Decimal | Quantity, unit: Unit) -> Decimal:
    if isinstance(actual, Quantity):
        return convert(actual.value, actual.unit, unit)
    return exact_decimal(actual)


def assess(
    target: Target,
    actual: Decimal | Quantity | None,
    *,
    period: Period,
    as_of: date,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    basis: ProgressBasis | str = ProgressBasis.MONTH,
) -> Assessment:
    """Judge ``actual`` against ``target`` for ``period`` at ``as_of``."""
    progress = time_progress(period, as_of, basis)
    if actual is None:
        return Assessment(Light.GREY, None, progress, None, "暂无数据")
    value = _value(actual, target.unit)
    if target.kind in (TargetKind.GROWTH, TargetKind.DECLINE):
        return _assess_growth(target, value, progress, thresholds)
    if target.kind is TargetKind.CEILING:
        gap = target.value - value
        light = Light.GREEN if gap >= 0 else Light.RED
        unit = target.unit.symbol
        excess = "个百分点" if target.unit == PERCENT else unit
        verdict = "控制在目标以内" if gap >= 0 else f"超出控制目标{-gap:f}{excess}"
        return Assessment(light, None, progress, gap, f"实际{value:f}{unit}，{verdict}")
    rate = completion_rate(value, target.value)
    if rate is None:
        return Assessment(Light.GREY, None, progress, None, "目标值为零，无法计算完成率")
    light = light_against_time_progress(rate, progress, thresholds)
    position = "达到或超过序时进度" if rate >= progress else "低于序时进度"
    note = f"完成目标的{format_percent(rate)}，序时进度{format_percent(progress)}，{position}"
    return Assessment(light, rate, progress, None, note)


def _change(percent: Decimal) -> str:
    return f"下降{-percent:f}%" if percent < 0 else f"增长{percent:f}%"


def _assess_growth(target: Target, growth: Decimal, progress: Decimal, thresholds: Thresholds) -> Assessment:
    declining = target.kind is TargetKind.DECLINE
    gap = (-growth - target.value) if declining else (growth - target.value)
    if gap >= 0:
        light = Light.GREEN
    elif -gap <= thresholds.growth_yellow_gap_pct:
        light = Light.YELLOW
    else:
        light = Light.RED
    shortfall = f"距降幅目标差{-gap:f}个百分点" if declining else f"低于目标{-gap:f}个百分点"
    verdict = "达到目标" if gap >= 0 else shortfall
    goal = f"下降{target.value:f}%" if declining else f"增长{target.value:f}%"
    return Assessment(light, None, progress, gap, f"{_change(growth)}，目标{goal}，{verdict}")
