"""Periods, their labels, codes and parsing."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period, PeriodKind, month_end

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("period", "label", "code", "start", "end"),
    [
        (Period.of_year(2025), "2025年", "2025", date(2025, 1, 1), date(2025, 12, 31)),
        (Period.half(2025, 1), "2025年上半年", "2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        (Period.half(2025, 2), "2025年下半年", "2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        (Period.quarter(2025, 2), "2025年第二季度", "2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
        (Period.quarter(2024, 1), "2024年第一季度", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        (Period.month(2024, 2), "2024年2月", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (Period.year_to_date(2025, 5), "2025年1-5月", "2025-YTD05", date(2025, 1, 1), date(2025, 5, 31)),
        (Period.year_to_date(2025, 1), "2025年1月累计", "2025-YTD01", date(2025, 1, 1), date(2025, 1, 31)),
    ],
)
def test_label_code_and_bounds(period: Period, label: str, code: str, start: date, end: date) -> None:
    assert (period.label, period.code, period.start, period.end) == (label, code, start, end)
    assert str(period) == label
    assert Period.parse(label) == period
    assert Period.parse(code) == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025年1—5月", Period.year_to_date(2025, 5)), ("2025年1至6月累计", Period.year_to_date(2025, 6)),
     ("2025年二季度", Period.quarter(2025, 2)), ("2025年第3季度", Period.quarter(2025, 3)),
     ("2025年度", Period.of_year(2025)), ("2025 年 上半年", Period.half(2025, 1)),
     ("2025年5月份", Period.month(2025, 5)), ("2025年5月累计", Period.year_to_date(2025, 5))],
)
def test_parse_variants(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize("text", ["", "上半年", "2025年13月", "2025年第五季度", "2025年3-5月", "二〇二五年"])
def test_parse_rejects_with_chinese_message(text: str) -> None:
    with pytest.raises(DomainError):
        Period.parse(text)


@pytest.mark.parametrize(
    "build",
    [lambda: Period.half(2025, 3), lambda: Period.quarter(2025, 0), lambda: Period.month(2025, 13),
     lambda: Period(2025, 2, 4, PeriodKind.QUARTER), lambda: Period(2025, 5, 4, PeriodKind.MONTH),
     lambda: Period(2025, 2, 5, PeriodKind.YEAR_TO_DATE), lambda: Period.of_year(10)],
)
def test_invalid_periods_are_rejected(build) -> None:
    with pytest.raises(DomainError):
        build()


def test_from_date() -> None:
    day = date(2025, 5, 31)
    assert Period.from_date(day, PeriodKind.YEAR) == Period.of_year(2025)
    assert Period.from_date(day, "half") == Period.half(2025, 1)
    assert Period.from_date(date(2025, 7, 1), "half") == Period.half(2025, 2)
    assert Period.from_date(day, PeriodKind.QUARTER) == Period.quarter(2025, 2)
    assert Period.from_date(day, PeriodKind.MONTH) == Period.month(2025, 5)
    assert Period.from_date(day, PeriodKind.YEAR_TO_DATE) == Period.year_to_date(2025, 5)


@given(days, st.sampled_from(list(PeriodKind)))
def test_from_date_contains_the_date(day: date, kind: PeriodKind) -> None:
    period = Period.from_date(day, kind)
    assert period.contains(day)
    assert period.kind is kind
    assert period.days == sum(month_end(period.year, m).day for m in period.month_numbers)
    assert Period.parse(period.code) == period == Period.parse(period.label)


@given(days)
def test_quarters_tile_the_year(day: date) -> None:
    quarter = Period.from_date(day, PeriodKind.QUARTER)
    nxt = quarter.end + timedelta(days=1)
    if nxt.year == day.year:
        assert Period.from_date(nxt, PeriodKind.QUARTER).start == nxt
    assert sum(Period.quarter(day.year, q).days for q in range(1, 5)) == Period.of_year(day.year).days


def test_same_period_last_year_and_months() -> None:
    assert Period.year_to_date(2025, 5).same_period_last_year() == Period.year_to_date(2024, 5)
    assert Period.half(2025, 2).months == 6
    assert Period.of_year(2024).days == 366
    assert not Period.month(2025, 5).contains(date(2025, 6, 1))


def test_covers() -> None:
    q2 = Period.quarter(2025, 2)
    assert q2.covers(Period.month(2025, 5)) and q2.covers(q2)
    assert not q2.covers(Period.month(2025, 7))
    assert not q2.covers(Period.month(2024, 5))
    assert Period.of_year(2025).covers(Period.year_to_date(2025, 5))
    assert not Period.month(2025, 5).covers(q2)
    assert [m for m in range(1, 13) if Period.half(2025, 2).covers(Period.month(2025, m))] == list(range(7, 13))
