"""Completion rate."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.completion import completion_rate
from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import Quantity, format_percent


def test_real_values() -> None:
    assert format_percent(completion_rate(D(35), D(41))) == "85.37%"
    assert format_percent(completion_rate(Quantity.of("6.03", "亿元"), Quantity.of("10.55", "亿元"))) == "57.16%"
    assert completion_rate(Quantity.of(60300, "万元"), Quantity.of("10.55", "亿元")) == D("6.03") / D("10.55")
    assert completion_rate(Quantity.of(5, "万元"), D(10)) == D("0.5")


@pytest.mark.parametrize(("actual", "target"), [(D(1), D(0)), (None, D(5)), (D(5), None), (None, None),
                                                (Quantity.of(3, "万元"), Quantity.of(0, "亿元"))])
def test_missing_or_zero_target_is_none(actual, target) -> None:
    assert completion_rate(actual, target) is None


def test_different_currencies_are_an_error() -> None:
    with pytest.raises(DomainError, match="币种不同"):
        completion_rate(Quantity.of(1, "万美元"), Quantity.of(1, "万元"))


@given(st.decimals(min_value=D(0), max_value=D("1e9"), places=2),
       st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2))
def test_rate_times_target_is_actual(actual: D, target: D) -> None:
    rate = completion_rate(actual, target)
    assert rate is not None and rate >= 0
    assert abs(rate * target - actual) <= D("1e-15") * max(actual, D(1))
