"""Time progress (序时进度)."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.period import Period, PeriodKind, month_end
from parkgov.domain.quantity import format_percent
from parkgov.domain.time_progress import ProgressBasis, days_elapsed, months_elapsed, time_progress

YEAR = Period.of_year(2025)


@pytest.mark.parametrize(
    ("period", "as_of", "basis", "expected"),
    [
        (YEAR, date(2025, 5, 31), ProgressBasis.MONTH, D(5) / D(12)),
        (YEAR, date(2025, 5, 31), ProgressBasis.DAY, D(151) / D(365)),
        (YEAR, date(2025, 5, 30), ProgressBasis.MONTH, D(4) / D(12)),
        (YEAR, date(2025, 6, 30), ProgressBasis.MONTH, D(1) / D(2)),
        (Period.half(2025, 1), date(2025, 5, 31), ProgressBasis.MONTH, D(5) / D(6)),
        (Period.half(2025, 2), date(2025, 5, 31), ProgressBasis.MONTH, D(0)),
        (Period.quarter(2025, 2), date(2025, 5, 31), ProgressBasis.MONTH, D(2) / D(3)),
        (Period.quarter(2025, 2), date(2025, 5, 31), ProgressBasis.DAY, D(61) / D(91)),
        (Period.month(2025, 5), date(2025, 5, 15), ProgressBasis.DAY, D(15) / D(31)),
        (Period.month(2025, 5), date(2025, 5, 15), ProgressBasis.MONTH, D(0)),
        (YEAR, date(2024, 12, 31), ProgressBasis.DAY, D(0)),
        (YEAR, date(2026, 1, 1), ProgressBasis.MONTH, D(1)),
        (YEAR, date(2025, 12, 31), ProgressBasis.DAY, D(1)),
        (Period.of_year(2024), date(2024, 2, 29), ProgressBasis.DAY, D(60) / D(366)),
    ],
)
def test_real_values(period: Period, as_of: date, basis: ProgressBasis, expected: D) -> None:
    assert time_progress(period, as_of, basis) == expected


def test_default_basis_is_month_and_displays_41_7_percent() -> None:
    assert format_percent(time_progress(YEAR, date(2025, 5, 31)), 1) == "41.7%"
    assert time_progress(YEAR, date(2025, 5, 31), "day") == D(151) / D(365)


def test_elapsed_counts() -> None:
    assert months_elapsed(YEAR, date(2025, 5, 31)) == 5
    assert days_elapsed(YEAR, date(2025, 5, 31)) == 151
    assert days_elapsed(YEAR, date(2024, 5, 31)) == 0
    assert days_elapsed(YEAR, date(2027, 5, 31)) == 365


periods = st.builds(
    Period.from_date, st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
    st.sampled_from(list(PeriodKind)),
)
as_of = st.dates(min_value=date(1999, 1, 1), max_value=date(2052, 1, 1))


@given(periods, as_of, as_of, st.sampled_from(list(ProgressBasis)))
def test_monotone_and_bounded(period: Period, a: date, b: date, basis: ProgressBasis) -> None:
    early, late = sorted((a, b))
    p_early, p_late = time_progress(period, early, basis), time_progress(period, late, basis)
    assert D(0) <= p_early <= p_late <= D(1)


@given(periods, st.sampled_from(list(ProgressBasis)))
def test_zero_before_and_one_at_end(period: Period, basis: ProgressBasis) -> None:
    assert time_progress(period, period.start - timedelta(days=1), basis) == 0
    assert time_progress(period, period.end, basis) == 1
    assert time_progress(period, period.end + timedelta(days=400), basis) == 1


@given(periods, as_of)
def test_month_basis_is_a_step_at_month_ends(period: Period, day: date) -> None:
    previous_month_end = day.replace(day=1) - timedelta(days=1)
    if month_end(day.year, day.month) != day:
        assert time_progress(period, day, "month") == time_progress(period, previous_month_end, "month")
    else:
        # at a month end both bases agree to within the unevenness of month lengths
        assert abs(time_progress(period, day, "month") - time_progress(period, day, "day")) < D("0.02")
