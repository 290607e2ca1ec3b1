"""Deadlines (完成时限) as task tables write them, and whether one is overdue.

Parsed forms (the year defaults to the plan's year):
    a date     ``2025年12月底前``, ``6月底前``, ``6月30日前``, ``2025-06-30``,
               ``十二月底``, ``6月中旬`` (the 20th), ``6月上旬`` (the 10th),
               ``年底前``/``年内``/``全年``, ``上半年``/``下半年``,
               ``一季度``/``第三季度末``, ``2026年``, ``2025—2027年``;
               several dates (``6月底前开工，年底前竣工``) → the latest.
    recurring  ``每月``, ``按季度``, ``每年6月底前``, ``每周`` …: never overdue as a whole.
    ongoing    ``长期``, ``持续``, ``常态化``: never overdue.
A date deadline is overdue the day after its due date.

Public API:
    DeadlineKind      -- StrEnum DATE/RECURRING/ONGOING
    Deadline(kind, due: date | None, text: str)   -- frozen
        Deadline.on(due: date, text="")           -- a date deadline
        d.is_overdue(as_of: date) -> bool
        d.label -> "2025年12月31日前" | "每月" | "长期"
    parse_deadline(text: str, year: int) -> Deadline   -- DomainError when unreadable
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from parkgov.domain.errors import DomainError


class DeadlineKind(StrEnum):
    DATE = "date"
    RECURRING = "recurring"
    ONGOING = "ongoing"


@dataclass(frozen=True)
class Deadline:
    """When a task is due: a date, a recurring duty or an ongoing one."""

    kind: DeadlineKind
    due: date | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if (self.kind is DeadlineKind.DATE) != (self.due is not None):
            raise DomainError("只有具体日期的时限才有截止日期")

    @classmethod
    def on(cls, due: date, text: str = "") -> Deadline:
        return cls(DeadlineKind.DATE, due, text)

    def is_overdue(self, as_of: date) -> bool:
        """True once ``as_of`` is past the due date; recurring and ongoing never are."""
        return self.due is not None and as_of > self.due

    @property
    def label(self) -> str:
        if self.due is not None:
            return f"{self.due.year}年{self.due.month}月{self.due.day}日前"
        return self.text or ("长期" if self.kind is DeadlineKind.ONGOING else "定期")


_RECURRING = re.compile(r"(每|按)(月|季度?|年|周|半年|旬)|逐月|月度|季度调度|定期")
_ONGOING = re.compile(r"长期|持续|常态化|长效|经常性|全程")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM = r"\d{1,4}|[一二两三四五六七八九十]{1,3}"


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _CN[token[1]]
    if len(token) == 3 and token[1] == "十":
        return _CN[token[0]] * 10 + _CN[token[2]]
    if token.endswith("十"):
        return _CN[token[0]] * 10
    return _CN[token]


def _end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_YEAR = rf"(?:(?P<year>\d{{4}})年?)?"
_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
     lambda m, y: date(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(_YEAR + rf"(?P<m>{_NUM})月(?P<d>{_NUM})日"),
     lambda m, y: date(int(m["year"] or y), _number(m["m"]), _number(m["d"]))),
    (re.compile(_YEAR + rf"(?P<m>{_NUM})月(?:份)?(?P<part>上旬|中旬|下旬|初|中|底|末|前|份|$)?"),
     lambda m, y: _month_part(int(m["year"] or y), _number(m["m"]), m["part"])),
    (re.compile(_YEAR + r"(?P<h>上|下)半年"),
     lambda m, y: _end(int(m["year"] or y), 6 if m["h"] == "上" else 12)),
    (re.compile(_YEAR + r"第?(?P<q>[1-4一二三四])季度"),
     lambda m, y: _end(int(m["year"] or y), 3 * _number(m["q"]))),
    (re.compile(r"(?P<year>\d{4})年?(?:底|末|年底|年末|内|度|前|$)"),
     lambda m, y: date(int(m["year"]), 12, 31)),
    (re.compile(r"(?:年底|年末|年内|全年|当年|本年度?|今年)"), lambda m, y: date(y, 12, 31)),
]


def _month_part(year: int, month: int, part: str | None) -> date:
    if part == "上旬":
        return date(year, month, 10)
    if part in ("中旬", "中"):
        return date(year, month, 20)
    if part == "初":
        return date(year, month, 5)
    return _end(year, month)


def _dates(text: str, year: int) -> list[date]:
    found: list[date] = []
    for clause in re.split(r"[，,；;、。\s]+", text):
        rest = re.sub(r"(\d{4})\s*[-—–~～至到]\s*(\d{4})年", r"\2年", clause)
        for pattern, build in _PATTERNS:
            for match in pattern.finditer(rest):
                try:
                    found.append(build(match, year))  # type: ignore[operator]
                except (ValueError, KeyError):
                    raise DomainError(f"完成时限中的日期无效：{text}") from None
            rest = pattern.sub(" ", rest)
    return found


def parse_deadline(text: str, year: int) -> Deadline:
    """The deadline written as ``text`` in a plan for ``year``."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise DomainError("完成时限为空")
    if _RECURRING.match(cleaned):
        return Deadline(DeadlineKind.RECURRING, None, cleaned)
    dates = _dates(cleaned, year)
    if dates:
        return Deadline.on(max(dates), cleaned)
    if _RECURRING.search(cleaned):
        return Deadline(DeadlineKind.RECURRING, None, cleaned)
    if _ONGOING.search(cleaned):
        return Deadline(DeadlineKind.ONGOING, None, cleaned)
    raise DomainError(f"无法识别的完成时限：{cleaned}")
