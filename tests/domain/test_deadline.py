"""Deadlines as task tables write them."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parkgov.domain.deadline import Deadline, DeadlineKind, parse_deadline
from parkgov.domain.errors import DomainError


@pytest.mark.parametrize(
    ("text", "due"),
    [("2025年12月底前", date(2025, 12, 31)), ("6月底前", date(2025, 6, 30)), ("6月30日前", date(2025, 6, 30)),
     ("2025-06-30", date(2025, 6, 30)), ("十二月底", date(2025, 12, 31)), ("三月底前", date(2025, 3, 31)),
     ("6月中旬", date(2025, 6, 20)), ("6月上旬", date(2025, 6, 10)), ("十一月中旬", date(2025, 11, 20)),
     ("年底前", date(2025, 12, 31)), ("年内", date(2025, 12, 31)), ("全年", date(2025, 12, 31)),
     ("上半年", date(2025, 6, 30)), ("下半年", date(2025, 12, 31)), ("一季度", date(2025, 3, 31)),
     ("第三季度末", date(2025, 9, 30)), ("2026年", date(2026, 12, 31)), ("2025—2027年", date(2027, 12, 31)),
     ("6月底前开工，年底前竣工", date(2025, 12, 31)), ("2025年底前完成", date(2025, 12, 31)),
     ("2月底", date(2025, 2, 28)), ("2024年2月底", date(2024, 2, 29)), ("10月", date(2025, 10, 31))],
)
def test_date_forms(text: str, due: date) -> None:
    deadline = parse_deadline(text, 2025)
    assert deadline == Deadline(DeadlineKind.DATE, due, text)


@pytest.mark.parametrize("text", ["每月", "按季度", "每年6月底前", "每周调度", "逐月推进"])
def test_recurring_forms(text: str) -> None:
    deadline = parse_deadline(text, 2025)
    assert deadline.kind is DeadlineKind.RECURRING and deadline.due is None
    assert not deadline.is_overdue(date(2099, 1, 1))


@pytest.mark.parametrize("text", ["长期", "持续推进", "常态化开展"])
def test_ongoing_forms(text: str) -> None:
    deadline = parse_deadline(text, 2025)
    assert deadline.kind is DeadlineKind.ONGOING and not deadline.is_overdue(date(2099, 1, 1))
    assert deadline.label == text


@pytest.mark.parametrize(("text", "message"), [("尽快", "无法识别的完成时限：尽快"), ("", "完成时限为空"),
                                               ("2025年2月30日", "日期无效"), ("13月底", "日期无效")])
def test_unreadable_is_a_chinese_error(text: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        parse_deadline(text, 2025)


def test_overdue_the_day_after() -> None:
    deadline = parse_deadline("6月底前", 2025)
    assert not deadline.is_overdue(date(2025, 6, 30))
    assert deadline.is_overdue(date(2025, 7, 1))
    assert deadline.label == "2025年6月30日前"


def test_kind_and_due_must_agree() -> None:
    with pytest.raises(DomainError):
        Deadline(DeadlineKind.ONGOING, date(2025, 1, 1))
    with pytest.raises(DomainError):
        Deadline(DeadlineKind.DATE, None)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(day: date) -> None:
    text = f"{day.year}年{day.month}月{day.day}日前"
    deadline = parse_deadline(text, 1999)
    assert deadline.due == day and deadline.label == text
    assert deadline.is_overdue(day + timedelta(days=1)) and not deadline.is_overdue(day)


@given(st.integers(1, 12), st.integers(2000, 2099))
def test_month_end_forms(month: int, year: int) -> None:
    due = parse_deadline(f"{month}月底前", year).due
    assert due is not None and due.month == month and due.year == year
    assert (due + timedelta(days=1)).day == 1


def test_an_as_needed_phrase_is_not_mistaken_for_recurring() -> None:
    with pytest.raises(DomainError, match="无法识别"):
        parse_deadline("按期完成", 2025)
    assert parse_deadline("按月调度", 2025).kind is DeadlineKind.RECURRING
