"""Targets and the assessment of actual figures against them."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.light import Light, Thresholds
from parkgov.domain.period import Period
from parkgov.domain.quantity import PERCENT, Quantity
from parkgov.domain.target import Target, TargetKind, assess

YEAR = Period.of_year(2025)
MAY_END = date(2025, 5, 31)


def test_amount_against_time_progress() -> None:
    result = assess(Target.amount("10.55", "亿元"), Quantity.of("6.03", "亿元"), period=YEAR, as_of=date(2025, 6, 30))
    assert result.light is Light.GREEN
    assert result.time_progress == D("0.5")
    assert result.completion_rate == D("6.03") / D("10.55")
    assert result.note == "完成目标的57.16%，序时进度50.00%，达到或超过序时进度"


@pytest.mark.parametrize(("actual", "light"), [("5", Light.GREEN), ("4", Light.YELLOW), ("3.8", Light.YELLOW),
                                               ("3.7", Light.RED), ("12", Light.GREEN), ("0", Light.RED)])
def test_amount_lights_at_may_end(actual: str, light: Light) -> None:
    # 12 projects a year: time progress at May 31 is 5/12, i.e. 5 projects
    assert assess(Target.amount(12, "个"), D(actual), period=YEAR, as_of=MAY_END).light is light


def test_amount_after_the_year_is_red_when_not_met() -> None:
    after = date(2026, 1, 15)
    assert assess(Target.amount(12, "个"), D(11), period=YEAR, as_of=after).light is Light.RED
    assert assess(Target.amount(12, "个"), D(12), period=YEAR, as_of=after).light is Light.GREEN


def test_amount_converts_units_and_rejects_other_currencies() -> None:
    result = assess(Target.amount("10.55", "亿元"), Quantity.of(60300, "万元"), period=YEAR, as_of=MAY_END)
    assert result.completion_rate == D("6.03") / D("10.55")
    with pytest.raises(DomainError, match="币种不同"):
        assess(Target.amount("10.55", "亿元"), Quantity.of(1, "万美元"), period=YEAR, as_of=MAY_END)


def test_zero_target_and_missing_actual_are_grey() -> None:
    assert assess(Target.amount(0, "个"), D(3), period=YEAR, as_of=MAY_END).light is Light.GREY
    result = assess(Target.growth("6.5"), None, period=YEAR, as_of=MAY_END)
    assert (result.light, result.note) == (Light.GREY, "暂无数据")


@pytest.mark.parametrize(("growth", "light", "gap"), [("9.1", Light.GREEN, "2.6"), ("6.5", Light.GREEN, "0"),
                                                       ("5.0", Light.YELLOW, "-1.5"), ("4.5", Light.YELLOW, "-2.0"),
                                                       ("4.4", Light.RED, "-2.1"), ("-3", Light.RED, "-9.5")])
def test_growth_target_judged_by_growth_itself(growth: str, light: Light, gap: str) -> None:
    for as_of in (date(2025, 1, 31), MAY_END, date(2025, 12, 31)):
        result = assess(Target.growth("6.5"), D(growth), period=YEAR, as_of=as_of)
        assert result.light is light and result.gap == D(gap)


def test_growth_note_and_tolerance() -> None:
    result = assess(Target.growth("6.5"), D("5"), period=YEAR, as_of=MAY_END)
    assert result.note == "增长5%，目标增长6.5%，低于目标1.5个百分点"
    strict = Thresholds(growth_yellow_gap_pct=D(1))
    assert assess(Target.growth("6.5"), D("5"), period=YEAR, as_of=MAY_END, thresholds=strict).light is Light.RED


@pytest.mark.parametrize(("rate", "light"), [("3.9", Light.GREEN), ("4.5", Light.GREEN), ("4.51", Light.RED)])
def test_ceiling_lower_is_better(rate: str, light: Light) -> None:
    assert assess(Target.ceiling("4.5"), D(rate), period=YEAR, as_of=MAY_END).light is light


def test_ceiling_note() -> None:
    assert assess(Target.ceiling("4.5"), D("4.6"), period=YEAR, as_of=MAY_END).note == "实际4.6%，超出控制目标0.1个百分点"


def test_constructors_labels_and_validation() -> None:
    assert Target.growth("7.5").label == "增长7.5%以上"
    assert Target.ceiling("3.8").label == "控制在3.8%以内"
    assert Target.amount(12, "个").label == "12个以上"
    assert Target.from_comparator("4.5", "%", "<=").kind is TargetKind.CEILING
    assert Target.from_comparator("6.5", "%", ">=", is_growth=True) == Target.growth("6.5")
    assert Target.from_comparator("4.75", "亿元", ">=").kind is TargetKind.AMOUNT
    assert Target.growth(5).unit == PERCENT
    with pytest.raises(DomainError):
        Target(TargetKind.GROWTH, D(5), "万元")  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        Target.amount(-1, "个")


@given(st.decimals(min_value=D(0), max_value=D(100), places=1), st.dates(min_value=date(2025, 1, 1),
                                                                       max_value=date(2026, 3, 1)))
def test_amount_light_never_green_after_period_when_unmet(actual: D, as_of: date) -> None:
    light = assess(Target.amount(50, "个"), actual, period=YEAR, as_of=as_of).light
    if as_of >= YEAR.end and actual < 50:
        assert light is Light.RED
    if actual >= 50:
        assert light is Light.GREEN


def test_inexact_or_missing_inputs_are_domain_errors() -> None:
    with pytest.raises(DomainError, match="浮点数"):
        Target.growth(6.5)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="单位不能为空"):
        Target.from_comparator("12", None, ">=")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="无法识别的数值"):
        Target.amount("十二", "个")
    with pytest.raises(DomainError, match="浮点数"):
        assess(Target.growth("6.5"), 5.5, period=YEAR, as_of=MAY_END)  # type: ignore[arg-type]


@pytest.mark.parametrize(("growth", "light", "gap"), [("-3.5", Light.GREEN, "0.5"), ("-3", Light.GREEN, "0"),
                                                       ("-1", Light.YELLOW, "-2"), ("0.5", Light.RED, "-3.5")])
def test_decline_target(growth: str, light: Light, gap: str) -> None:
    result = assess(Target.decline(3), D(growth), period=YEAR, as_of=MAY_END)
    assert (result.light, result.gap) == (light, D(gap))


def test_decline_from_extracted_growth_and_notes() -> None:
    target = Target.from_comparator("-3", "%", ">=", is_growth=True)
    assert target == Target.decline(3) and target.label == "下降3%以上"
    assert assess(target, D("-1"), period=YEAR, as_of=MAY_END).note == "下降1%，目标下降3%，距降幅目标差2个百分点"
    assert assess(target, D("2"), period=YEAR, as_of=MAY_END).note == "增长2%，目标下降3%，距降幅目标差5个百分点"
    with pytest.raises(DomainError, match="降幅目标必须大于零"):
        Target.decline(0)
