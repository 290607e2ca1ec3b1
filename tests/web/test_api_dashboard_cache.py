"""The dashboard summary is reused only while the park's ledger version holds: never stale after a write."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from parkgov.services import dashboard, progress, rounds
from parkgov.services.access import Actor, Role
from parkgov.services.progress import ProgressInput
from parkgov.web.api import encoded

SYSTEM = Actor.system()
AS_OF = {"as_of": "2025-07-10"}


def _dashboard(client, ledger, auth, who="coord"):
    r = client.get(f"/api/v1/parks/{ledger.park_id}/dashboard", params=AS_OF, headers=auth(who))
    assert r.status_code == 200, r.text
    return r.json()


def test_a_units_report_through_the_api_shows_on_the_next_dashboard(client, ledger, auth, session_factory):
    with session_factory() as s:
        rounds.open_round(s, SYSTEM, ledger.park_id, "2025-06")
    first = _dashboard(client, ledger, auth)
    assert _dashboard(client, ledger, auth) == first
    r = client.post(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports", headers=auth("rep_商务局"),
                    json={"kind": "task", "item_id": ledger.tasks["8"], "state": "推进中", "narrative": "签约6个",
                          "value": "6"})
    assert r.status_code == 201, r.text
    second = _dashboard(client, ledger, auth)
    assert second["lights"] != first["lights"]
    assert second["lights"]["tasks"]["green"] == first["lights"]["tasks"]["green"] + 1


def test_a_write_by_another_process_shows_on_the_next_dashboard(client, ledger, auth, session_factory, monkeypatch):
    computed = []
    compute = dashboard._compute
    monkeypatch.setattr(dashboard, "_compute", lambda *a: computed.append(a[2].id) or compute(*a))
    with session_factory() as s:
        rounds.open_round(s, SYSTEM, ledger.park_id, "2025-06")
    first = _dashboard(client, ledger, auth)
    assert _dashboard(client, ledger, auth) == first
    assert computed == [ledger.park_id]
    reporter = Actor(user_id=None, name="科工局填报员", role=Role.reporter, park_id=ledger.park_id,
                     unit_id=ledger.units["科工局"])
    with session_factory() as s:  # not through the app: as another worker would
        progress.submit(s, reporter, ledger.park_id,
                        ProgressInput(kind="indicator", item_id=ledger.indicators["规模工业总产值"], period="2025-06",
                                      narrative="上半年产值", value=Decimal("40"), value_unit="亿元"))
    second = _dashboard(client, ledger, auth)
    assert computed == [ledger.park_id, ledger.park_id]
    row = next(r for r in second["indicators"] if r["name"] == "规模工业总产值")
    assert float(row["actual_value"]) == 40
    assert row != next(r for r in first["indicators"] if r["name"] == "规模工业总产值")


def test_a_reporter_sees_its_own_orders_not_a_cached_coordinators_view(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    due = (date.today() + timedelta(days=10)).isoformat()
    body = {"reason": "进度滞后", "kind": "task", "item_id": ledger.tasks["20"], "due_date": due}
    assert client.post(f"{base}/orders", headers=auth("coord"), json=body).status_code == 201
    assert _dashboard(client, ledger, auth)["open_orders"]["count"] == 1
    assert _dashboard(client, ledger, auth, "rep_商务局")["open_orders"]["count"] == 0
    assert _dashboard(client, ledger, auth, "rep_财政局")["open_orders"]["count"] == 1


def test_a_shared_view_is_encoded_once(monkeypatch):
    calls = []
    encode = encoded.jsonable_encoder
    monkeypatch.setattr(encoded, "jsonable_encoder", lambda data: calls.append(1) or encode(data))
    view = {"as_of": date(2025, 7, 10), "rate": Decimal("0.5")}
    other = dict(view)
    first = encoded.json_response(view).body
    assert encoded.json_response(view).body == first == b'{"as_of":"2025-07-10","rate":0.5}'
    assert len(calls) == 1
    assert encoded.json_response(other).body == first and len(calls) == 2
