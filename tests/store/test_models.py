"""The models on both databases: exact money, integrity, optimistic versioning."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from parkgov.domain.supervision import OrderState
from parkgov.domain.task_status import TaskState
from parkgov.store.errors import ConcurrentEditError, conflicts_as_domain_errors
from parkgov.store.models import (ORDER_STATUSES, PROGRESS_STATES, DispatchRound, Park, Person, ProgressReport,
                                  Project, SupervisionOrder, Task, TaskTarget, Unit, UnitAlias)


@pytest.fixture
def park(session_factory) -> Park:
    with session_factory.begin() as s:
        p = Park(name="青禾管理区")
        s.add(p)
    return p


def test_money_round_trips_exactly(session_factory, park):
    with session_factory.begin() as s:
        s.add(Project(park_id=park.id, year=2025, name="110千伏青禾变电站项目", total_investment=Decimal("286413.5678"),
                      total_investment_unit="万元", annual_plan=Decimal("0.1"), annual_plan_unit="亿元"))
    with session_factory() as s:
        p = s.scalars(select(Project)).one()
        assert p.total_investment == Decimal("286413.5678")
        assert isinstance(p.annual_plan, Decimal) and p.annual_plan == Decimal("0.1")
        assert p.total_investment_unit == "万元"


def test_task_with_leaders_units_and_targets(session_factory, park):
    with session_factory.begin() as s:
        han = Person(park_id=park.id, name="韩知远")
        kg, sw = Unit(park_id=park.id, name="科工局"), Unit(park_id=park.id, name="商务局")
        s.add(Task(park_id=park.id, year=2025, seq="8", item="开展产业链精准招商攻坚", leaders=[han],
                   lead_units=[sw], co_units=[kg],
                   targets=[TaskTarget(name="新引进产业项目", value=Decimal("12"), unit="个", comparator=">=")]))
    with session_factory() as s:
        t = s.scalars(select(Task)).one()
        assert [p.name for p in t.leaders] == ["韩知远"]
        assert [u.name for u in t.lead_units] == ["商务局"] and [u.name for u in t.co_units] == ["科工局"]
        assert t.targets[0].value == 12 and t.status == "active" and t.version == 1


def test_unit_names_and_aliases_are_unique_per_park(session_factory, park):
    with session_factory.begin() as s:
        u = Unit(park_id=park.id, name="自然资源局")
        s.add(u)
        s.flush()
        s.add(UnitAlias(park_id=park.id, unit_id=u.id, alias="县自然资源局"))
    with pytest.raises(IntegrityError):
        with session_factory.begin() as s:
            s.add(Unit(park_id=park.id, name="自然资源局"))
    other = Park(name="云溪经开区")
    with session_factory.begin() as s:
        s.add(other)
        s.flush()
        s.add(Unit(park_id=other.id, name="自然资源局"))
    with session_factory() as s:
        assert s.query(Unit).count() == 2


def test_foreign_keys_are_enforced(session_factory):
    with pytest.raises(IntegrityError):
        with session_factory.begin() as s:
            s.add(Unit(park_id=987654, name="不存在的园区的单位"))


def test_progress_report_names_exactly_one_item(session_factory, park):
    with session_factory.begin() as s:
        unit = Unit(park_id=park.id, name="商务局")
        rnd = DispatchRound(park_id=park.id, period="2025-06", deadline=date(2025, 7, 5))
        s.add_all([unit, rnd])
        s.flush()
        ids = unit.id, rnd.id
    with pytest.raises(IntegrityError):
        with session_factory.begin() as s:
            s.add(ProgressReport(round_id=ids[1], unit_id=ids[0], state="in_progress"))


def test_stale_edit_raises_conflict_instead_of_overwriting(session_factory, park):
    with session_factory.begin() as s:
        s.add(Unit(park_id=park.id, name="科工局"))
    first, second = session_factory(), session_factory()
    try:
        a = first.scalars(select(Unit)).one()
        b = second.scalars(select(Unit)).one()
        a.name = "科技和工业信息化局"
        first.commit()
        b.name = "科工信局"
        with pytest.raises(ConcurrentEditError, match="已被他人修改"):
            with conflicts_as_domain_errors():
                second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    with session_factory() as s:
        u = s.scalars(select(Unit)).one()
        assert (u.name, u.version) == ("科技和工业信息化局", 2)


def test_store_order_states_are_the_domains():
    assert set(ORDER_STATUSES) == {s.value for s in OrderState}
    with pytest.raises(ValueError):
        SupervisionOrder(park_id=1, unit_id=1, reason="滞后", status="issued")


def test_store_progress_states_are_the_domains():
    assert set(PROGRESS_STATES) == {s.value for s in TaskState}
