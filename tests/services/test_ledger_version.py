"""The park's ledger version changes with every committed write to the park's rows, and only then.

A bulk statement cannot be traced to one park: it changes every park's version.
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update

from monthly_ledger import build_ledger
from parkgov.services.ledger_version import ledger_version
from parkgov.store.models import (WITHDRAWN, Indicator, IndicatorActual, ProgressReport, Task,
                                  TaskTarget, Unit, User)


def _versions(factory, *park_ids):
    with factory() as s:
        return [ledger_version(s, p) for p in park_ids]


def test_direct_edits_of_every_kind_change_only_their_park(session_factory, ledger):
    other = build_ledger(session_factory, park_name="另一开发区", users=False)
    with session_factory() as s:
        task = s.get(Task, ledger.tasks["8"])
        indicator_id = ledger.indicators["税收"]
        target = TaskTarget(task_id=task.id, name="新增企业", value=Decimal(5), unit="家")
        s.add(target)
        s.commit()
        target_id = target.id

    def edit(change, other_changes=False):
        before = _versions(session_factory, ledger.park_id, other.park_id)
        with session_factory() as s:
            change(s)
            s.commit()
        after = _versions(session_factory, ledger.park_id, other.park_id)
        assert after[0] != before[0], change.__name__
        assert (after[1] != before[1]) is other_changes, change.__name__

    def lead_units(s):
        task = s.get(Task, ledger.tasks["8"])
        task.lead_units = [s.get(Unit, ledger.units["财政局"])]

    def leaders(s):
        s.get(Task, ledger.tasks["8"]).leaders = []

    def target_value(s):
        s.get(TaskTarget, target_id).value = Decimal(9)

    def withdraw_actual(s):
        actual = IndicatorActual(indicator_id=indicator_id, period="2025-02", cumulative=True, value=Decimal(10),
                                 unit="万元")
        s.add(actual)
        s.flush()
        actual.status = WITHDRAWN

    def delete_target(s):
        s.delete(s.get(TaskTarget, target_id))

    def unit_name(s):
        s.get(Unit, ledger.units["商务局"]).name = "商务和投资促进局"

    def bulk_update(s):
        s.execute(update(Indicator).where(Indicator.id == indicator_id).values(target_value=Decimal(1)))

    for change in (lead_units, leaders, target_value, withdraw_actual, delete_target, unit_name):
        edit(change)
    edit(bulk_update, other_changes=True)


def test_rollbacks_reads_and_sign_ins_leave_it(session_factory, ledger):
    before = _versions(session_factory, ledger.park_id)
    with session_factory() as s:
        s.get(Indicator, ledger.indicators["税收"]).target_value = Decimal(7)
        s.flush()
        s.rollback()
        list(s.scalars(select(ProgressReport)))
        user = s.scalars(select(User).where(User.park_id == ledger.park_id)).first()
        user.display_name = "新名字"
        s.commit()
    assert _versions(session_factory, ledger.park_id) == before


def test_an_unknown_park_has_no_version(session):
    assert ledger_version(session, 999_999) == -1
