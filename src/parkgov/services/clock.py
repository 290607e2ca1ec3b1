"""The calendar day parks live by: China Standard Time (UTC+8, no daylight saving).

Deadlines, due dates and "today" are Chinese calendar days; stored instants are UTC.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CHINA_TIME = timezone(timedelta(hours=8), "CST")


def local_day(moment: datetime) -> date:
    """The Chinese calendar day of ``moment`` (a naive value is taken as UTC, as SQLite returns it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(CHINA_TIME).date()


def now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def today() -> date:
    """Today in China."""
    return local_day(now())
