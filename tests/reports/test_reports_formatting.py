"""How figures print: units as stored, rounding half up, 「—」 where no figure can exist."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from parkgov.reports.formatting import DASH, fmt_amount, fmt_number, fmt_pct, growth_phrase, ratio_pct


def test_amounts_keep_the_stored_unit_and_round_half_up():
    assert fmt_amount(Decimal("32.97"), "亿元") == "32.97亿元"
    assert fmt_amount(Decimal("43.6"), "亿元") == "43.60亿元"
    assert fmt_amount(Decimal("0.125"), "亿元") == "0.13亿元"
    assert fmt_amount(Decimal("6200"), "万元") == "6200万元"
    assert fmt_amount(Decimal("1234.565"), "万元") == "1234.57万元"
    assert fmt_amount(3, "家") == "3家"
    assert fmt_amount(Decimal("4.5"), "%") == "4.5%"


def test_missing_figures_print_a_dash():
    assert fmt_amount(None, "亿元") == DASH
    assert fmt_number("n/a", "万元") == DASH
    assert fmt_pct(None) == DASH


def test_ratio_is_none_for_missing_or_zero_divisor():
    assert ratio_pct(Decimal("5"), Decimal("0")) is None
    assert ratio_pct(None, Decimal("10")) is None
    assert ratio_pct(Decimal("1"), None) is None
    assert ratio_pct(Decimal("6.03"), Decimal("10.55")).quantize(Decimal("0.01")) == Decimal("57.16")


def test_growth_phrases():
    assert growth_phrase(Decimal("9.1")) == "同比增长9.1%"
    assert growth_phrase(Decimal("43.96")) == "同比增长43.96%"
    assert growth_phrase(Decimal("-4.35")) == "同比下降4.35%"
    assert growth_phrase(Decimal("0.001")) == "与上年同期持平"
    assert growth_phrase(None) is None
    assert growth_phrase(Decimal("3.5"), "比上年同期") == "比上年同期增长3.5%"


@given(st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True), st.floats(), st.integers(),
                 st.text(max_size=5)),
       st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True), st.integers()),
       st.sampled_from(["亿元", "万元", "%", "家", None, "吨"]))
def test_formatting_never_raises(a, b, unit):
    text = fmt_amount(a, unit)
    assert text == DASH or text.endswith(unit or "")
    ratio = ratio_pct(a, b)
    assert ratio is None or ratio.is_finite()
    fmt_pct(ratio)


def test_long_name_lists_are_cut_with_their_count():
    from parkgov.reports.formatting import name_list
    names = [f"指标{i}" for i in range(1, 21)]
    assert name_list(names[:3]) == "指标1、指标2、指标3"
    assert name_list(names) == "指标1、指标2、指标3、指标4、指标5、指标6、指标7、指标8等20项"
    assert name_list(names, 2, "个") == "指标1、指标2等20个"
    assert name_list([]) == DASH
