"""Quantities, units and the one conversion."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import (
    HECTARE, MU, PERCENT, SQUARE_METRE, USD, WAN_USD, WAN_YUAN, YI_USD, YI_YUAN, YUAN,
    Quantity, convert, exact_decimal, format_percent, format_quantity, parse_unit, round_half_up,
)

CNY = ["元", "千元", "万元", "亿元"]
USDS = ["美元", "千美元", "万美元", "亿美元"]
AREAS = ["平方米", "亩", "公顷", "平方公里"]
money = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=4, allow_nan=False)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("万元", WAN_YUAN), ("（万元）", WAN_YUAN), ("单位：万元", WAN_YUAN), ("亿", YI_YUAN),
     ("亿元", YI_YUAN), ("元", YUAN), (" 万美元 ", WAN_USD), ("USD", USD), ("亿元人民币", YI_YUAN), ("m²", SQUARE_METRE),
     ("㎡", SQUARE_METRE), ("平方米", SQUARE_METRE), ("亩", MU), ("公顷", HECTARE), ("％", PERCENT)],
)
def test_parse_known_units(text: str, unit) -> None:
    assert parse_unit(text) == unit


def test_unknown_unit_kept_as_written_and_only_equal_to_itself() -> None:
    unit = parse_unit("家")
    assert unit.symbol == "家" and not unit.is_money
    assert convert(D(5), "家", "家") == 5
    with pytest.raises(DomainError, match="家.*个"):
        convert(D(5), "家", "个")


@pytest.mark.parametrize("text", ["", "  ", "（）", None])
def test_empty_unit_is_an_error(text) -> None:
    with pytest.raises(DomainError, match="单位不能为空"):
        parse_unit(text)


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [("32.97", "亿元", "万元", "329700"), ("6200", "万元", "亿元", "0.62"), ("1", "亿元", "元", "100000000"),
     ("3.71", "亿美元", "万美元", "37100"), ("1500", "千元", "万元", "150"), ("1", "公顷", "亩", "15"),
     ("666.67", "平方米", "亩", "1.000005"), ("1", "平方公里", "公顷", "100"), ("10000", "平方米", "公顷", "1")],
)
def test_convert_real_values(value: str, source: str, target: str, expected: str) -> None:
    assert convert(D(value), source, target) == D(expected)


def test_one_mu_is_about_666_67_square_metres() -> None:
    assert round_half_up(convert(D(1), MU, SQUARE_METRE), 2) == D("666.67")


@pytest.mark.parametrize(("source", "target"), [("万元", "万美元"), ("亿美元", "元"), ("亩", "万元"), ("%", "元")])
def test_convert_across_dimensions_is_a_chinese_error(source: str, target: str) -> None:
    with pytest.raises(DomainError) as err:
        convert(D(1), source, target)
    assert f"无法将{parse_unit(source).symbol}换算为{parse_unit(target).symbol}" in str(err.value)


def test_currency_mismatch_message_names_exchange_rate() -> None:
    with pytest.raises(DomainError, match="币种不同"):
        convert(D(1), WAN_YUAN, WAN_USD)


@given(money, st.sampled_from(CNY), st.sampled_from(CNY))
def test_cny_round_trip_is_exact(value: D, a: str, b: str) -> None:
    assert convert(convert(value, a, b), b, a) == value


@given(money, st.sampled_from(USDS), st.sampled_from(USDS))
def test_usd_round_trip_is_exact(value: D, a: str, b: str) -> None:
    assert convert(convert(value, a, b), b, a) == value


@given(money, st.sampled_from(AREAS), st.sampled_from(AREAS))
def test_area_round_trip_within_rounding(value: D, a: str, b: str) -> None:
    back = convert(convert(value, a, b), b, a)
    assert abs(back - value) <= abs(value) * D("1e-25") + D("1e-25")


@given(money, st.sampled_from(CNY), st.sampled_from(CNY), st.sampled_from(CNY))
def test_conversion_is_transitive(value: D, a: str, b: str, c: str) -> None:
    assert convert(convert(value, a, b), b, c) == convert(value, a, c)


def test_quantity_arithmetic_keeps_the_left_unit() -> None:
    total = Quantity.of("1.5", "亿元") + Quantity.of(6200, "万元")
    assert total.unit == YI_YUAN and total.value == D("2.12")
    assert (Quantity.of(10, "万元") - Quantity.of(30000, "元")).value == D(7)
    assert (Quantity.of("10.55", "亿元") * 2).value == D("21.10")
    assert (Quantity.of("6.03", "亿元") / Quantity.of("10.55", "亿元")).quantize(D("0.0001")) == D("0.5716")


def test_quantity_division_by_zero_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match="除数为零"):
        Quantity.of(1, "亿元") / Quantity.of(0, "万元")
    with pytest.raises(DomainError, match="除数为零"):
        Quantity.of(1, "亿元") / 0


def test_quantity_equality_and_order_across_units() -> None:
    assert Quantity.of("1.5", "亿元") == Quantity.of(15000, "万元")
    assert hash(Quantity.of("1.5", "亿元")) == hash(Quantity.of(15000, "万元"))
    assert Quantity.of(1, "亿元") > Quantity.of(9999, "万元")
    assert Quantity.of(1, "万元") != Quantity.of(1, "万美元")
    with pytest.raises(DomainError):
        _ = Quantity.of(1, "万元") < Quantity.of(1, "万美元")


def test_quantity_to_and_text() -> None:
    q = Quantity.of("32.97", "亿元").to("万元")
    assert q.value == D(329700) and q.unit == WAN_YUAN
    assert str(Quantity.of("32.97", "亿元")) == "32.97亿元"


@pytest.mark.parametrize("value", ["abc", "", "1.2.3"])
def test_bad_number_is_a_domain_error(value: str) -> None:
    with pytest.raises(DomainError, match="无法识别的数值"):
        Quantity.of(value, "万元")


def test_float_is_refused_and_text_with_separators_accepted() -> None:
    with pytest.raises(DomainError, match="浮点数"):
        Quantity.of(1.5, "万元")  # type: ignore[arg-type]
    assert Quantity.of("1,234.5", "万元").value == D("1234.5")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("32.965", 2, "32.97"), ("32.964", 2, "32.96"), ("-0.005", 2, "-0.01"), ("2.5", 0, "3"), ("41.666", 1, "41.7")],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    assert round_half_up(D(value), places) == D(expected)


def test_format_quantity_and_percent() -> None:
    assert format_quantity(Quantity.of("32.9749", "亿元")) == "32.97亿元"
    assert format_quantity(Quantity.of("6200", "万元"), 0) == "6200万元"
    assert format_percent(D(35) / D(41)) == "85.37%"
    assert format_percent(D(5) / D(12), 1) == "41.7%"
    assert format_percent(None) == "—"


@given(st.decimals(min_value=D("-1e9"), max_value=D("1e9"), allow_nan=False), st.integers(0, 6))
def test_round_half_up_is_within_half_a_unit(value: D, places: int) -> None:
    rounded = round_half_up(value, places)
    assert abs(rounded - value) <= D(1).scaleb(-places) / 2
    assert rounded.as_tuple().exponent == -places


@pytest.mark.parametrize(("value", "expected"), [("1,234.5", D("1234.5")), (7, D(7)), (D("0.10"), D("0.10"))])
def test_exact_decimal(value, expected) -> None:
    assert exact_decimal(value) == expected


@pytest.mark.parametrize("value", [1.5, "NaN", "Infinity", "十", True])
def test_exact_decimal_refuses_inexact_or_bad_values(value) -> None:
    with pytest.raises(DomainError):
        exact_decimal(value)
