"""The sign-in rate limit in the database: 5 failures of one user name from one address lock it for 15 minutes."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from parkgov.services import clock, login_attempts
from parkgov.services.login_attempts import MAX_FAILURES, WINDOW
from parkgov.store.models import LoginFailure, Park

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)


def _rows(session) -> int:
    return session.scalar(select(func.count()).select_from(LoginFailure))


def test_five_failures_lock_that_user_name_from_that_address_only(session):
    for n in range(1, MAX_FAILURES):
        assert login_attempts.record_failure(session, "coord", "1.2.3.4", T0) == n
        assert not login_attempts.locked(session, "coord", "1.2.3.4", T0)
    assert login_attempts.record_failure(session, "coord", "1.2.3.4", T0) == MAX_FAILURES
    assert login_attempts.locked(session, "coord", "1.2.3.4", T0)
    assert not login_attempts.locked(session, "coord", "5.6.7.8", T0)
    assert not login_attempts.locked(session, "leader", "1.2.3.4", T0)


def test_the_user_name_is_counted_trimmed_and_lower_cased(session):
    for name in ("Coord", " coord", "COORD ", "coord", "cOord"):
        login_attempts.record_failure(session, name, "1.2.3.4", T0)
    assert login_attempts.locked(session, "  coord ", "1.2.3.4", T0)
    assert session.scalars(select(LoginFailure.username).distinct()).all() == ["coord"]


def test_the_lock_ends_after_the_window(session):
    for _ in range(MAX_FAILURES):
        login_attempts.record_failure(session, "coord", "1.2.3.4", T0)
    assert login_attempts.locked(session, "coord", "1.2.3.4", T0 + WINDOW - timedelta(seconds=1))
    assert not login_attempts.locked(session, "coord", "1.2.3.4", T0 + WINDOW)


def test_the_window_slides_over_the_failures(session):
    for minute in range(MAX_FAILURES):
        login_attempts.record_failure(session, "coord", "1.2.3.4", T0 + timedelta(minutes=minute))
    assert not login_attempts.locked(session, "coord", "1.2.3.4", T0 + WINDOW)
    login_attempts.record_failure(session, "coord", "1.2.3.4", T0 + WINDOW)
    assert login_attempts.locked(session, "coord", "1.2.3.4", T0 + WINDOW)


def test_the_clock_is_the_services_clock(session, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: T0)
    for _ in range(MAX_FAILURES):
        login_attempts.record_failure(session, "coord", "1.2.3.4")
    assert login_attempts.locked(session, "coord", "1.2.3.4")
    at = session.scalar(select(LoginFailure.at).limit(1))
    assert (at if at.tzinfo else at.replace(tzinfo=timezone.utc)) == T0
    monkeypatch.setattr(clock, "now", lambda: T0 + WINDOW)
    assert not login_attempts.locked(session, "coord", "1.2.3.4")


def test_recording_prunes_failures_older_than_the_window(session):
    login_attempts.record_failure(session, "coord", "1.2.3.4", T0)
    login_attempts.record_failure(session, "leader", "5.6.7.8", T0 + timedelta(minutes=1))
    login_attempts.record_failure(session, "viewer", "9.9.9.9", T0 + WINDOW)
    assert _rows(session) == 2
    login_attempts.record_failure(session, "viewer", "9.9.9.9", T0 + WINDOW + timedelta(minutes=1))
    assert session.scalars(select(LoginFailure.username)).all() == ["viewer", "viewer"]


def test_clear_forgets_that_user_name_from_that_address_only(session):
    for _ in range(MAX_FAILURES):
        login_attempts.record_failure(session, "coord", "1.2.3.4", T0)
        login_attempts.record_failure(session, "coord", "5.6.7.8", T0)
    login_attempts.clear(session, " COORD", "1.2.3.4")
    assert not login_attempts.locked(session, "coord", "1.2.3.4", T0)
    assert login_attempts.locked(session, "coord", "5.6.7.8", T0)


def test_an_attempt_counts_as_a_failure_until_cleared_and_a_locked_one_counts_nothing(session):
    for n in range(1, MAX_FAILURES + 1):
        assert login_attempts.begin(session, "coord", "1.2.3.4", T0)
        assert login_attempts.failures(session, "coord", "1.2.3.4", T0) == n
    assert not login_attempts.begin(session, "coord", "1.2.3.4", T0)
    assert _rows(session) == MAX_FAILURES
    login_attempts.clear(session, "coord", "1.2.3.4")
    assert login_attempts.begin(session, "coord", "1.2.3.4", T0)


def test_an_attempt_racing_past_the_check_is_refused_when_over_the_limit(session, session_factory, monkeypatch):
    for _ in range(MAX_FAILURES):
        login_attempts.record_failure(session, "coord", "1.2.3.4", T0)
    monkeypatch.setattr(login_attempts, "locked", lambda *args: False)
    assert not login_attempts.begin(session, "coord", "1.2.3.4", T0)
    assert _rows(session) == MAX_FAILURES


def test_parallel_attempts_cannot_outrun_the_lock(session_factory):
    tries = 12
    start = threading.Barrier(tries)
    allowed: list[bool] = []

    def attempt():
        with session_factory() as s:
            start.wait()
            allowed.append(login_attempts.begin(s, "coord", "1.2.3.4", T0))

    threads = [threading.Thread(target=attempt) for _ in range(tries)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(allowed) == tries
    # a burst may refuse all of them (each counts the others' attempts); it never lets more through
    assert allowed.count(True) <= MAX_FAILURES
    with session_factory() as s:
        assert _rows(s) == allowed.count(True)


def test_any_typed_text_can_be_counted(session):
    odd = "协调员\x00" + "x" * 300
    for _ in range(MAX_FAILURES):
        login_attempts.record_failure(session, odd, "::ffff:10.0.0.1\x00" + "9" * 200, T0)
    assert login_attempts.locked(session, odd, "::ffff:10.0.0.1\x00" + "9" * 200, T0)
    assert login_attempts.key(odd, "") == (("协调员" + "x" * 300)[:100], "")


def test_counting_and_pruning_failures_leaves_every_parks_ledger_version_alone(session):
    session.add(Park(name="台账版本园区"))
    session.commit()
    before = session.scalars(select(Park.ledger_version)).all()
    login_attempts.record_failure(session, "coord", "1.2.3.4", T0)
    login_attempts.record_failure(session, "coord", "1.2.3.4", T0 + WINDOW + timedelta(minutes=1))
    login_attempts.clear(session, "coord", "1.2.3.4")
    session.commit()
    session.expire_all()
    assert session.scalars(select(Park.ledger_version)).all() == before
