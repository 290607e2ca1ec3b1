"""API: supervision orders end to end, with roles and stale copies."""
from __future__ import annotations

from datetime import date, timedelta


def test_order_loop_with_roles_and_stale_copy(client, ledger, auth):
    due = (date.today() + timedelta(days=10)).isoformat()
    url = f"/api/v1/parks/{ledger.park_id}/orders"
    body = {"kind": "task", "item_id": ledger.tasks["20"], "reason": "预算绩效改革滞后", "due_date": due}
    assert client.post(url, headers=auth("rep_财政局"), json=body).status_code == 403
    assert client.post(url, headers=auth("viewer"), json=body).status_code == 403
    created = client.post(url, headers=auth("leader"), json=body)
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["unit"] == "财政局" and order["status"] == "assigned"
    act = f"/api/v1/orders/{order['id']}/actions"
    forged = client.post(act, headers=auth("rep_商务局"), json={"action": "reply", "note": "代答"})
    assert forged.status_code == 403
    assert client.get(f"/api/v1/orders/{order['id']}", headers=auth("coord")).json()["status"] == "assigned"
    reply = client.post(act, headers=auth("rep_财政局"), json={"action": "reply", "note": "已整改",
                                                               "version": order["version"]})
    assert reply.status_code == 200 and reply.json()["status"] == "replied"
    stale = client.post(act, headers=auth("coord"), json={"action": "close", "version": order["version"]})
    assert stale.status_code == 409 and "刷新" in stale.json()["detail"]
    illegal = client.post(act, headers=auth("coord"), json={"action": "escalate"})
    assert illegal.status_code == 422 and "不能执行" in illegal.json()["detail"]
    closed = client.post(act, headers=auth("coord"), json={"action": "close", "version": reply.json()["version"]})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert client.get(url, headers=auth("rep_商务局")).json() == []
    assert [o["id"] for o in client.get(url, headers=auth("rep_财政局")).json()] == [order["id"]]
    assert client.get(url, params={"open": "true"}, headers=auth("coord")).json() == []


def test_proposals_for_red_items_and_raise(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    proposals = client.get(f"{base}/order-proposals", params={"as_of": "2025-07-01"}, headers=auth("coord"))
    assert proposals.status_code == 200
    keys = {p["item"] for p in proposals.json()}
    assert f"task:{ledger.tasks['20']}" in keys
    raised = client.post(f"{base}/order-proposals/raise", headers=auth("coord"),
                         json={"as_of": "2025-07-01", "items": [f"task:{ledger.tasks['20']}"]})
    assert raised.status_code == 201 and [o["unit"] for o in raised.json()] == ["财政局"]
    dash = client.get(f"{base}/dashboard", params={"as_of": "2025-07-01"}, headers=auth("leader")).json()
    assert dash["open_orders"]["count"] == 1 and dash["totals"]["tasks"] == 4
    assert client.post(f"{base}/orders/escalate", headers=auth("leader")).status_code == 403


def test_raising_proposals_at_an_unsupported_date_is_refused_and_raises_nothing(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    r = client.post(f"{base}/order-proposals/raise", headers=auth("coord"), json={"as_of": "0900-04-26"})
    assert r.status_code == 422
    assert r.json()["detail"] == "截至日期超出范围：0900-04-26（年份应在1900至2200年之间）"
    assert client.get(f"{base}/orders", headers=auth("coord")).json() == []
