"""Concurrent sessions: a stale edit gets a conflict, simultaneous progress reports all land."""
from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from parkgov.store.database import begin_write
from parkgov.store.errors import ConcurrentEditError, conflicts_as_domain_errors
from parkgov.store.models import DispatchRound, Indicator, Park, ProgressReport, Task, Unit


def _run_together(*workers):
    """Run the workers in threads released at the same moment; return their results or exceptions."""
    barrier = threading.Barrier(len(workers))
    results: list[object] = [None] * len(workers)

    def run(i, fn):
        try:
            results[i] = fn(barrier)
        except Exception as exc:  # collected and asserted on by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.fixture
def park_and_unit(session_factory) -> tuple[int, int]:
    with session_factory.begin() as s:
        park = Park(name="白石经开区")
        s.add(park)
        s.flush()
        unit = Unit(park_id=park.id, name="科工局")
        s.add(unit)
        s.flush()
        return park.id, unit.id


def test_two_stale_edits_of_one_row_second_gets_conflict(session_factory):
    with session_factory.begin() as s:
        park = Park(name="白石经开区")
        s.add(park)
        s.flush()
        s.add(Task(park_id=park.id, year=2025, seq="1", item="地区生产总值", requirement="增长5.5%以上"))

    def edit(requirement):
        def work(barrier):
            with session_factory() as s:
                task = s.scalars(select(Task)).one()
                barrier.wait()  # both copies are read before either writes
                task.requirement = requirement
                with conflicts_as_domain_errors():
                    s.commit()
                return requirement
        return work

    results = _run_together(edit("增长6%以上"), edit("增长7%以上"))
    conflicts = [r for r in results if isinstance(r, ConcurrentEditError)]
    winners = [r for r in results if isinstance(r, str)]
    assert len(conflicts) == 1 and len(winners) == 1, results
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
        assert task.requirement == winners[0] and task.version == 2


def test_two_units_reporting_at_the_same_time_both_land(session_factory):
    with session_factory.begin() as s:
        park = Park(name="白石经开区")
        s.add(park)
        s.flush()
        units = [Unit(park_id=park.id, name="科工局"), Unit(park_id=park.id, name="商务局")]
        ind = Indicator(park_id=park.id, year=2025, name="规模工业增加值", growth_target_pct=6.5)
        rnd = DispatchRound(park_id=park.id, period="2025-06", deadline=date(2025, 7, 5))
        s.add_all([*units, ind, rnd])
        s.flush()
        unit_ids, ind_id, rnd_id = [u.id for u in units], ind.id, rnd.id

    def report(unit_id):
        def work(barrier):
            with session_factory() as s:
                barrier.wait()
                s.add(ProgressReport(round_id=rnd_id, unit_id=unit_id, indicator_id=ind_id,
                                     state="in_progress", narrative=f"单位{unit_id}进展"))
                s.commit()
                return unit_id
        return work

    results = _run_together(*(report(u) for u in unit_ids))
    assert sorted(results) == sorted(unit_ids), results
    with session_factory() as s:
        rows = s.scalars(select(ProgressReport.unit_id)).all()
        assert sorted(rows) == sorted(unit_ids)


def test_a_read_sees_one_snapshot_until_commit(session_factory, park_and_unit):
    """Reads run inside a real transaction on both databases (pysqlite used to read outside one)."""
    park_id, _unit_id = park_and_unit
    reader, writer = session_factory(), session_factory()
    try:
        if reader.get_bind().dialect.name == "postgresql":  # SQLite transactions are snapshots already
            reader.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        assert reader.scalars(select(Unit.name).where(Unit.park_id == park_id)).all() == ["科工局"]
        with writer.begin():
            writer.add(Unit(park_id=park_id, name="商务局"))
        assert reader.scalars(select(Unit.name).where(Unit.park_id == park_id)).all() == ["科工局"]
        reader.commit()
        assert sorted(reader.scalars(select(Unit.name).where(Unit.park_id == park_id))) == ["商务局", "科工局"]
    finally:
        reader.close()
        writer.close()


def test_writers_queue_instead_of_clashing(session_factory, park_and_unit):
    """Writing units of work (``begin_write``) that read then write: every increment lands."""
    park_id, unit_id = park_and_unit

    def bump(barrier):
        with session_factory() as s:
            barrier.wait()
            begin_write(s)
            if s.get_bind().dialect.name == "postgresql":
                s.execute(select(Unit.id).where(Unit.id == unit_id).with_for_update())
            unit = s.get(Unit, unit_id)
            unit.name = f"{unit.name}+"
            s.commit()
            return True

    results = _run_together(*(bump for _ in range(4)))
    assert results == [True] * 4, results
    with session_factory() as s:
        assert s.get(Unit, unit_id).name == "科工局++++"
