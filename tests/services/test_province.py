"""The province view: every park's light counts equal its own status view; only admins and viewers read it."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monthly_ledger import build_ledger
from parkgov.services import progress, province, rounds, status
from parkgov.services.errors import Forbidden
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate

AS_OF = date(2025, 6, 30)


def _report(session, ledger, who, kind, item, value=None, state=None):
    progress.submit(session, authenticate(session, ledger.tokens[who]), ledger.park_id,
                    ProgressInput(kind, item, "2025-06", state, value=value,
                                  value_unit="亿元" if kind == "indicator" else None))


@pytest.fixture
def two_parks(session_factory, session):
    first = build_ledger(session_factory)
    second = build_ledger(session_factory, park_name="青山湖高新区", users=False)
    for ledger in (first, second):
        rounds.open_round(session, authenticate(session, first.tokens["admin"]), ledger.park_id, "2025-06",
                          deadline=date(2099, 1, 1))
    _report(session, first, "rep_科工局", "indicator", first.indicators["规模工业总产值"], Decimal("45"))
    _report(session, first, "rep_商务局", "task", first.tasks["8"], Decimal("6"), "推进中")
    _report(session, first, "rep_财政局", "task", first.tasks["20"], state="已完成")
    return first, second


def test_province_counts_equal_each_park_view(session, two_parks):
    first, second = two_parks
    admin = authenticate(session, first.tokens["admin"])
    view = province.province_status(session, admin, AS_OF)
    assert [p["park_id"] for p in view["parks"]] == [first.park_id, second.park_id]
    for row in view["parks"]:
        park = status.park_status(session, admin, row["park_id"], AS_OF)
        assert row["lights"]["all"] == park["light_counts"]
        for kind in province.KINDS:
            assert row["totals"][kind] == len(park[kind])
            assert row["lights"][kind] == status.light_counts(park[kind])
        assert row["overdue_tasks"] == sum(1 for t in park["tasks"] if t["overdue"])
    assert view["totals"] == {kind: sum(p["totals"][kind] for p in view["parks"]) for kind in province.KINDS}
    assert sum(view["lights"].values()) == sum(view["totals"].values())
    assert view["parks"][0]["lights"]["all"] != view["parks"][1]["lights"]["all"]


def test_province_batches_give_the_same_figures(session, two_parks, monkeypatch):
    admin = authenticate(session, two_parks[0].tokens["admin"])
    together = province.province_status(session, admin, AS_OF)
    monkeypatch.setattr(province, "BATCH", 1)
    assert province.province_status(session, admin, AS_OF) == together


def test_province_view_is_for_admins_and_viewers(session, two_parks):
    first, _ = two_parks
    assert province.province_status(session, authenticate(session, first.tokens["viewer"]), AS_OF)["parks"]
    for who in ("coord", "leader", "rep_商务局"):
        with pytest.raises(Forbidden) as refused:
            province.province_status(session, authenticate(session, first.tokens[who]), AS_OF)
        assert "全省" in refused.value.message


def test_parks_gathered_together_equal_each_park_alone(session, two_parks, monkeypatch):
    first, second = two_parks
    parks = [(first.park_id, "白沙洲经开区"), (second.park_id, "青山湖高新区")]
    for as_of in (AS_OF, date(2025, 5, 31), date(2025, 12, 31)):
        alone = {park_id: status.compute_status(session, park_id, as_of) for park_id, _ in parks}
        assert status.compute_statuses(session, parks, as_of) == alone
        with monkeypatch.context() as patched:
            patched.setattr(status, "ID_LIST_LIMIT", 0)
            assert status.compute_statuses(session, parks, as_of) == alone
    assert alone[first.park_id].tasks and alone[first.park_id].indicators and alone[first.park_id].projects
