"""Traffic lights (红黄绿灯) and the per-park thresholds that set them.

Default rule, against time progress (序时进度), in percentage points:
green when completion ≥ time progress − ``green_gap_pct`` (0), yellow when
completion ≥ time progress − ``yellow_gap_pct`` (10), red below that or when
overdue (the period or deadline is past and the item is not complete). A
completed item (rate ≥ 100 %) is green; an item without data is grey.

Public API:
    Light             -- StrEnum GREEN/YELLOW/RED/GREY; ``.label`` 绿灯/黄灯/红灯/灰灯
    worst(lights: Iterable[Light]) -> Light   -- red > yellow > green; grey only if all grey
    Thresholds(green_gap_pct=Decimal(0), yellow_gap_pct=Decimal(10),
               growth_yellow_gap_pct=Decimal(2))   -- frozen, validated; one per park
    DEFAULT_THRESHOLDS
    light_against_time_progress(rate: Decimal | None, progress: Decimal,
                                thresholds: Thresholds = DEFAULT_THRESHOLDS,
                                overdue: bool = False) -> Light
        ``rate`` and ``progress`` are fractions (0.4167); progress ≥ 1 with
        rate < 1 counts as overdue.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import exact_decimal


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {Light.GREEN: "绿灯", Light.YELLOW: "黄灯", Light.RED: "红灯", Light.GREY: "灰灯"}
_SEVERITY = {Light.GREY: 0, Light.GREEN: 1, Light.YELLOW: 2, Light.RED: 3}


def worst(lights: Iterable[Light]) -> Light:
    """The most severe light; grey when there is no other."""
    return max(lights, key=_SEVERITY.__getitem__, default=Light.GREY)


@dataclass(frozen=True)
class Thresholds:
    """How far below time progress (in percentage points) an item stays green or yellow."""

    green_gap_pct: Decimal = Decimal(0)
    yellow_gap_pct: Decimal = Decimal(10)
    growth_yellow_gap_pct: Decimal = Decimal(2)

    def __post_init__(self) -> None:
        for name in ("green_gap_pct", "yellow_gap_pct", "growth_yellow_gap_pct"):
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, exact_decimal(value))
            except DomainError as err:
                raise DomainError(f"阈值设置无效：{err.message}") from None
        if not Decimal(0) <= self.green_gap_pct <= self.yellow_gap_pct <= Decimal(100):
            raise DomainError("阈值设置无效：须满足 0 ≤ 绿灯容差 ≤ 黄灯容差 ≤ 100 个百分点")
        if self.growth_yellow_gap_pct < 0:
            raise DomainError("阈值设置无效：增速黄灯容差不能为负数")


DEFAULT_THRESHOLDS = Thresholds()


def light_against_time_progress(
    rate: Decimal | None,
    progress: Decimal,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    overdue: bool = False,
) -> Light:
    """The light of a completion ``rate`` at time ``progress`` (both fractions)."""
    if rate is None:
        return Light.GREY
    if rate >= 1:
        return Light.GREEN
    if overdue or progress >= 1:
        return Light.RED
    gap_pct = (progress - rate) * 100
    if gap_pct <= thresholds.green_gap_pct:
        return Light.GREEN
    if gap_pct <= thresholds.yellow_gap_pct:
        return Light.YELLOW
    return Light.RED
