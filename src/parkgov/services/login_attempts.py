"""The sign-in rate limit: 5 failed sign-ins of one user name from one address lock it for 15 minutes.

Failures are rows of ``login_failures``, so every web worker and every restart counts the same ones.
A page counts an attempt as a failure before it checks the password (:func:`begin`) and clears the
failures when the password was right: parallel attempts cannot outrun the lock, and an attempt whose
outcome was never known stays a failure.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parkgov.services import clock
from parkgov.store.database import begin_write
from parkgov.store.models import LoginFailure
from parkgov.store.models.login import ADDRESS_LENGTH, USERNAME_LENGTH

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKED_MESSAGE = "登录失败次数过多，请15分钟后再试"


def key(username: str | None, address: str | None) -> tuple[str, str]:
    """What the limit counts by: the user name trimmed and lower-cased, and the client address.

    NUL characters are dropped and both are cut to their column's length, so that any text can be stored.
    """
    name = (username or "").strip().lower().replace("\x00", "")
    return name[:USERNAME_LENGTH], (address or "").replace("\x00", "")[:ADDRESS_LENGTH]


def _utc(now: datetime | None) -> datetime:
    return (now or clock.now()).astimezone(timezone.utc)


def failures(session: Session, username: str | None, address: str | None, now: datetime | None = None) -> int:
    """The failed sign-ins of this user name from this address within the window before ``now``."""
    name, addr = key(username, address)
    cutoff = _utc(now) - WINDOW
    return session.scalar(select(func.count()).select_from(LoginFailure).where(
        LoginFailure.username == name, LoginFailure.address == addr, LoginFailure.at > cutoff))


def locked(session: Session, username: str | None, address: str | None, now: datetime | None = None) -> bool:
    """Whether this user name is locked from this address: :data:`MAX_FAILURES` failures within the window."""
    return failures(session, username, address, now) >= MAX_FAILURES


def _record(session: Session, username: str | None, address: str | None, now: datetime | None) -> int:
    at = _utc(now)
    name, addr = key(username, address)
    begin_write(session)
    session.execute(delete(LoginFailure).where(LoginFailure.at <= at - WINDOW))
    failure = LoginFailure(username=name, address=addr, at=at)
    session.add(failure)
    session.commit()
    return failure.id


def record_failure(session: Session, username: str | None, address: str | None,
                   now: datetime | None = None) -> int:
    """Count one failed sign-in (and prune every failure older than the window); commits.

    Returns the failures within the window, counted after the commit: with concurrent attempts the
    k-th to commit sees at least k.
    """
    _record(session, username, address, now)
    return failures(session, username, address, now)


def begin(session: Session, username: str | None, address: str | None, now: datetime | None = None) -> bool:
    """Count a sign-in attempt as failed before its password is checked; False, counting nothing, when locked.

    A right password then calls :func:`clear`. Attempts racing past the first check are refused when
    the count after their own exceeds :data:`MAX_FAILURES`.
    """
    if locked(session, username, address, now):
        return False
    failure_id = _record(session, username, address, now)
    if failures(session, username, address, now) <= MAX_FAILURES:
        return True
    begin_write(session)
    session.execute(delete(LoginFailure).where(LoginFailure.id == failure_id))
    session.commit()
    return False


def clear(session: Session, username: str | None, address: str | None) -> None:
    """Forget the failures of this user name from this address (after a successful sign-in); commits."""
    name, addr = key(username, address)
    begin_write(session)
    session.execute(delete(LoginFailure).where(LoginFailure.username == name, LoginFailure.address == addr))
    session.commit()
