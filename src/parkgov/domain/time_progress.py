"""Time progress (序时进度): the share of a period already elapsed at a date.

Rates are fractions in [0, 1] as ``Decimal`` (5/12 → ``Decimal(5) / 12``);
show them with ``quantity.format_percent``. Before the period: 0; on or after
its last day: 1.

Public API:
    ProgressBasis     -- StrEnum: MONTH (whole months elapsed / months in the
                         period; the default, as bulletins count it) or DAY
                         (days elapsed, the as-of day included / days in the period)
    time_progress(period: Period, as_of: date,
                  basis: ProgressBasis = ProgressBasis.MONTH) -> Decimal
        e.g. year 2025 at 2025-05-31: MONTH → 5/12 (41.67%), DAY → 151/365
    months_elapsed(period: Period, as_of: date) -> int
    days_elapsed(period: Period, as_of: date) -> int
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from parkgov.domain.period import Period, month_end


class ProgressBasis(StrEnum):
    MONTH = "month"
    DAY = "day"


def months_elapsed(period: Period, as_of: date) -> int:
    """Months of ``period`` whose last day is on or before ``as_of``."""
    return sum(1 for m in period.month_numbers if month_end(period.year, m) <= as_of)


def days_elapsed(period: Period, as_of: date) -> int:
    """Days of ``period`` up to and including ``as_of``."""
    if as_of < period.start:
        return 0
    return (min(as_of, period.end) - period.start).days + 1


def time_progress(
    period: Period, as_of: date, basis: ProgressBasis | str = ProgressBasis.MONTH
) -> Decimal:
    """The share of ``period`` elapsed at ``as_of``, in [0, 1]."""
    if as_of >= period.end:
        return Decimal(1)
    if as_of < period.start:
        return Decimal(0)
    if ProgressBasis(basis) is ProgressBasis.DAY:
        return Decimal(days_elapsed(period, as_of)) / Decimal(period.days)
    return Decimal(months_elapsed(period, as_of)) / Decimal(period.months)
