"""Reporting periods: year, half-year, quarter, month and year-to-date.

A period is a run of whole months inside one calendar year. Labels are the
Chinese forms used in bulletins; codes are stable machine keys for storage.

Public API:
    PeriodKind        -- StrEnum: YEAR, HALF, QUARTER, MONTH, YEAR_TO_DATE
    Period(year, first_month, last_month, kind)   -- frozen, ordered; prefer the constructors
        Period.of_year(year)                 -- 2025年
        Period.half(year, 1 | 2)             -- 2025年上半年 / 下半年
        Period.quarter(year, 1..4)           -- 2025年第二季度
        Period.month(year, 1..12)            -- 2025年5月
        Period.year_to_date(year, 1..12)     -- 2025年1-5月 (January to that month)
        Period.from_date(day, kind)          -- the period of ``kind`` holding ``day``
                                                (YEAR_TO_DATE: January to day's month)
        Period.parse(text)                   -- a label or a code (below)
        p.start, p.end -> date; p.months, p.days -> int
        p.contains(day) -> bool; p.month_numbers -> range
        p.covers(other: Period) -> bool      -- other lies within p (Q2 covers 2025年5月)
        p.label -> "2025年1-5月" (January alone: "2025年1月累计") | "2025年上半年" | "2025年第二季度" | "2025年5月" | "2025年"
        p.code  -> "2025-YTD05" | "2025-H1" | "2025-Q2" | "2025-05" | "2025"
        p.same_period_last_year() -> Period  -- for 同比
    month_end(year, month) -> date
    MIN_YEAR, MAX_YEAR                       -- the years a period may lie in
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from parkgov.domain.errors import DomainError


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    YEAR_TO_DATE = "ytd"


#: the years a period may lie in
MIN_YEAR, MAX_YEAR = 1900, 2200

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_CN_QUARTER = "一二三四"


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` in ``year``."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(f"年份超出范围：{year}")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise DomainError(f"月份须在1至12之间：{month}")


@dataclass(frozen=True, order=True)
class Period:
    """A run of whole months within one year, of a given kind."""

    year: int
    first_month: int
    last_month: int
    kind: PeriodKind

    def __post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.first_month)
        _check_month(self.last_month)
        if self.first_month > self.last_month:
            raise DomainError("期间的起始月份不能晚于结束月份")
        expected = _shape(self.kind, self.first_month, self.last_month)
        if not expected:
            raise DomainError(f"期间类型与月份不符：{self.first_month}-{self.last_month}月")

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(year, 1, 12, PeriodKind.YEAR)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise DomainError(f"半年只能是上半年或下半年：{half}")
        return cls(year, 1 if half == 1 else 7, 6 if half == 1 else 12, PeriodKind.HALF)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise DomainError(f"季度须在1至4之间：{quarter}")
        return cls(year, 3 * quarter - 2, 3 * quarter, PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        _check_month(month)
        return cls(year, month, month, PeriodKind.MONTH)

    @classmethod
    def year_to_date(cls, year: int, month: int) -> Period:
        _check_month(month)
        return cls(year, 1, month, PeriodKind.YEAR_TO_DATE)

    @classmethod
    def from_date(cls, day: date, kind: PeriodKind | str) -> Period:
        kind = PeriodKind(kind)
        if kind is PeriodKind.YEAR:
            return cls.of_year(day.year)
        if kind is PeriodKind.HALF:
            return cls.half(day.year, 1 if day.month <= 6 else 2)
        if kind is PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        return cls.year_to_date(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Period:
        """A period from its Chinese label (``2025年1-5月``) or its code (``2025-Q2``)."""
        cleaned = re.sub(r"\s+", "", text or "")
        for pattern, build in _PARSERS:
            match = pattern.fullmatch(cleaned)
            if match:
                return build(match)
        raise DomainError(f"无法识别的期间：{text}")

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return month_end(self.year, self.last_month)

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def month_numbers(self) -> range:
        return range(self.first_month, self.last_month + 1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: Period) -> bool:
        """True when ``other`` lies entirely within this period."""
        return self.year == other.year and self.first_month <= other.first_month and other.last_month <= self.last_month

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.first_month, self.last_month, self.kind)

    @property
    def label(self) -> str:
        y = f"{self.year}年"
        if self.kind is PeriodKind.YEAR:
            return y
        if self.kind is PeriodKind.HALF:
            return y + ("上半年" if self.first_month == 1 else "下半年")
        if self.kind is PeriodKind.QUARTER:
            return f"{y}第{_CN_QUARTER[self.last_month // 3 - 1]}季度"
        if self.kind is PeriodKind.MONTH:
            return f"{y}{self.last_month}月"
        if self.last_month == 1:
            return f"{y}1月累计"
        return f"{y}1-{self.last_month}月"

    @property
    def code(self) -> str:
        if self.kind is PeriodKind.YEAR:
            return f"{self.year}"
        if self.kind is PeriodKind.HALF:
            return f"{self.year}-H{1 if self.first_month == 1 else 2}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.last_month // 3}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.last_month:02d}"
        return f"{self.year}-YTD{self.last_month:02d}"

    def __str__(self) -> str:
        return self.label


def _shape(kind: PeriodKind, first: int, last: int) -> bool:
    if kind is PeriodKind.YEAR:
        return (first, last) == (1, 12)
    if kind is PeriodKind.HALF:
        return (first, last) in ((1, 6), (7, 12))
    if kind is PeriodKind.QUARTER:
        return first % 3 == 1 and last == first + 2
    if kind is PeriodKind.MONTH:
        return first == last
    return first == 1


def _quarter_number(token: str) -> int:
    return int(token) if token.isdigit() else _CN_DIGITS[token]


_PARSERS = [
    (re.compile(r"(\d{4})(?:年|年度|年全年|年全年累计)?"), lambda m: Period.of_year(int(m[1]))),
    (re.compile(r"(\d{4})-H([12])"), lambda m: Period.half(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: Period.quarter(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda m: Period.month(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-YTD(\d{1,2})"), lambda m: Period.year_to_date(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})年?(上|下)半年"), lambda m: Period.half(int(m[1]), 1 if m[2] == "上" else 2)),
    (re.compile(r"(\d{4})年?第?([1-4一二三四])季度"),
     lambda m: Period.quarter(int(m[1]), _quarter_number(m[2]))),
    (re.compile(r"(\d{4})年1[-—–~～至到](\d{1,2})月(?:份)?(?:累计)?"),
     lambda m: Period.year_to_date(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})年(\d{1,2})月(?:份)?累计"),
     lambda m: Period.year_to_date(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})年(\d{1,2})月(?:份)?"), lambda m: Period.month(int(m[1]), int(m[2]))),
]
