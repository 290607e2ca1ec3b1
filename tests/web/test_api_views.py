"""API: users and tokens, read scopes across parks, status/dashboard/ranking queries, OpenAPI."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update

from monthly_ledger import build_ledger
from parkgov.services.accounts import DEMO_AS_OF
from parkgov.store.models import Park, User


def test_openapi_lists_the_api(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/parks/{park}/rounds/{period}/reports" in spec["paths"]
    assert "/api/v1/orders/{order_id}/actions" in spec["paths"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_openapi_documents_every_refusal_as_one_chinese_detail(client, ledger, auth):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["components"]["schemas"]["ApiError"]["properties"]["detail"]["type"] == "string"
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for operations in spec["paths"].values():
        for operation in operations.values():
            assert set(operation["responses"]) - {"200", "201"} == {"4XX"}
            assert operation["responses"]["4XX"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ApiError"}
    r = client.get(f"/api/v1/parks/{ledger.park_id}/status", params={"as_of": "明天"}, headers=auth("coord"))
    assert r.status_code == 422 and set(r.json()) == {"detail"} and "as_of" in r.json()["detail"]


def test_admin_adds_user_token_is_shown_once_and_stored_hashed(client, ledger, auth, session_factory):
    body = {"username": "新填报员", "role": "部门填报员", "park": str(ledger.park_id), "unit": "商务局"}
    assert client.post("/api/v1/users", headers=auth("coord"), json=body).status_code == 403
    r = client.post("/api/v1/users", headers=auth("admin"), json=body)
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["role"] == "reporter" and me["unit_id"] == ledger.units["商务局"]
    with session_factory() as s:
        stored = s.scalars(select(User).where(User.username == "新填报员")).one()
        assert token not in (stored.api_token_hash or "") and len(stored.api_token_hash) == 64
    assert client.post("/api/v1/users", headers=auth("admin"), json=body).status_code == 409
    no_unit = client.post("/api/v1/users", headers=auth("admin"),
                          json={"username": "x", "role": "reporter", "park": str(ledger.park_id)})
    assert no_unit.status_code == 422 and "单位" in no_unit.json()["detail"]
    rotated = client.post("/api/v1/users/新填报员/token", headers=auth("admin")).json()["token"]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {rotated}"}).status_code == 200


def test_read_scopes_across_parks(client, ledger, auth, session_factory):
    other = build_ledger(session_factory, "桃花岭高新区", users=False)
    for who in ("coord", "leader", "rep_商务局"):
        r = client.get(f"/api/v1/parks/{other.park_id}/status", headers=auth(who))
        assert r.status_code == 403 and "其他园区" in r.json()["detail"]
    assert client.get(f"/api/v1/parks/{other.park_id}/dashboard", headers=auth("viewer")).status_code == 200
    assert {p["name"] for p in client.get("/api/v1/parks", headers=auth("viewer")).json()} == {"白沙洲经开区",
                                                                                             "桃花岭高新区"}
    assert [p["name"] for p in client.get("/api/v1/parks", headers=auth("coord")).json()] == ["白沙洲经开区"]
    r = client.post(f"/api/v1/parks/{other.park_id}/rounds", json={"period": "2025-06"}, headers=auth("coord"))
    assert r.status_code == 403


def test_queries_validate_dates_and_quarters(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    assert client.get(f"{base}/status", params={"as_of": "2025-02-30"}, headers=auth("coord")).status_code == 422
    view = client.get(f"{base}/status", params={"as_of": "2025-10-31"}, headers=auth("coord")).json()
    assert view["as_of"] == "2025-10-31" and float(view["time_progress"]) == 10 / 12
    r = client.get(f"{base}/rankings/quarters/2025Q9", headers=auth("coord"))
    assert r.status_code == 422 and "季度" in r.json()["detail"]
    assert client.get(f"{base}/rankings/rounds/2025-06", params={"bottom": -1},
                      headers=auth("coord")).status_code == 422
    assert client.get("/api/v1/parks/没有的园区/status", headers=auth("viewer")).status_code == 404


def test_every_api_route_refuses_a_request_without_token(client, ledger):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert len(paths) >= 18
    values = {"park": str(ledger.park_id), "period": "2025-06", "quarter": "2025Q2", "kind": "task", "item_id": "1",
              "order_id": "1", "username": "x"}
    checked = 0
    for path, operations in paths.items():
        for method in operations:
            r = client.request(method.upper(), path.format(**values), json={})
            assert r.status_code == 401, (method, path, r.status_code)
            checked += 1
    assert checked >= 20


def test_status_and_dashboard_default_to_the_demo_day_for_a_demo_park(client, ledger, auth, session_factory):
    base = f"/api/v1/parks/{ledger.park_id}"
    today = date.today().isoformat()
    assert client.get(f"{base}/status", headers=auth("coord")).json()["as_of"] == today
    with session_factory() as s:
        s.execute(update(Park).where(Park.id == ledger.park_id).values(is_demo=True))
        s.commit()
    assert client.get(f"{base}/status", headers=auth("coord")).json()["as_of"] == DEMO_AS_OF.isoformat()
    assert client.get(f"{base}/dashboard", headers=auth("coord")).json()["as_of"] == DEMO_AS_OF.isoformat()
    asked = client.get(f"{base}/status", params={"as_of": "2025-06-30"}, headers=auth("coord")).json()
    assert asked["as_of"] == "2025-06-30"


def test_ids_beyond_what_the_database_holds_are_refused_cleanly(client, ledger, auth):
    huge = str(2**31)
    for path in (f"/api/v1/parks/{huge}/dashboard", f"/api/v1/parks/{huge}0000000000/status"):
        r = client.get(path, headers=auth("admin"))
        assert r.status_code == 404 and "找不到园区" in r.json()["detail"], (path, r.text)
    r = client.get(f"/api/v1/orders/{huge}", headers=auth("admin"))
    assert r.status_code == 422 and "order_id" in r.json()["detail"]
    base = f"/api/v1/parks/{ledger.park_id}"
    r = client.get(f"{base}/items/task/{huge}/history", headers=auth("coord"))
    assert r.status_code == 422 and "数值过大" in r.json()["detail"]
    r = client.post(f"{base}/rounds", json={"period": "2025-06"}, headers=auth("coord"))
    assert r.status_code in (200, 201), r.text
    r = client.post(f"{base}/rounds/2025-06/reports", headers=auth("coord"),
                    json={"kind": "task", "item_id": 2**40, "state": "推进中"})
    assert r.status_code == 422 and "item_id" in r.json()["detail"] and "数值过大" in r.json()["detail"]
    assert client.get(f"{base}/items/task/{ledger.tasks['8']}/history", headers=auth("coord")).status_code == 200


def test_a_park_named_by_non_ascii_digits_is_not_found_in_chinese(client, ledger, auth):
    assert ledger.park_id == 1
    for ref in ("²", "１", "١"):
        for path in ("status", "dashboard", "rounds"):
            r = client.get(f"/api/v1/parks/{ref}/{path}", headers=auth("admin"))
            assert r.status_code == 404 and r.json()["detail"] == f"找不到园区：{ref}", (ref, path, r.text)


def test_as_of_dates_outside_the_supported_years_are_refused_in_chinese(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    for path in ("status", "dashboard", "order-proposals"):
        for day in ("0400-02-25", "1899-12-31", "2201-01-01"):
            r = client.get(f"{base}/{path}", params={"as_of": day}, headers=auth("rep_商务局"))
            assert r.status_code == 422, (path, day, r.text)
            assert r.json()["detail"] == f"截至日期超出范围：{day}（年份应在1900至2200年之间）"
    assert client.get(f"{base}/status", params={"as_of": "2200-12-31"}, headers=auth("coord")).status_code == 200
    assert client.get(f"{base}/dashboard", params={"as_of": "1900-01-01"}, headers=auth("coord")).status_code == 200


def test_text_with_a_nul_character_is_refused_in_chinese_and_stores_nothing(client, ledger, auth, session_factory):
    with session_factory() as s:
        users_before = s.scalar(select(func.count()).select_from(User))
    for body, field in (({"username": "新\x00用户", "role": "viewer"}, "username"),
                        ({"username": "新用户", "role": "viewer", "display_name": "张\x00三"}, "display_name")):
        r = client.post("/api/v1/users", json=body, headers=auth("admin"))
        assert r.status_code == 422 and r.json()["detail"] == f"请求有误：{field}：不能包含空字符（\\0）", r.text
    r = client.post("/api/v1/users/%00admin/token", headers=auth("admin"))
    assert r.status_code == 404 and r.json()["detail"] == "找不到用户：\x00admin"
    r = client.get("/api/v1/parks/白沙洲%00/status", headers=auth("admin"))
    assert r.status_code == 404 and r.json()["detail"] == "找不到园区：白沙洲\x00"
    r = client.get(f"/api/v1/parks/{ledger.park_id}/orders", params={"unit": "商务局\x00"}, headers=auth("coord"))
    assert r.status_code == 404 and r.json()["detail"] == "本园区没有该单位：商务局\x00"
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == users_before


def test_a_number_is_no_date(client, ledger, auth):
    base = f"/api/v1/parks/{ledger.park_id}"
    for path in ("status", "dashboard", "order-proposals"):
        for bad in ("0", "1751328000", "2025-7-5"):
            r = client.get(f"{base}/{path}", params={"as_of": bad}, headers=auth("coord"))
            assert r.status_code == 422 and "应为日期" in r.json()["detail"], (path, bad, r.text)
    r = client.post(f"{base}/orders", headers=auth("coord"),
                    json={"reason": "进度滞后", "kind": "task", "item_id": ledger.tasks["20"], "due_date": 1767225600})
    assert r.status_code == 422 and "due_date" in r.json()["detail"] and "应为日期" in r.json()["detail"]
    assert client.get(f"{base}/orders", headers=auth("coord")).json() == []
    assert client.get(f"{base}/status", params={"as_of": "2025-07-05"}, headers=auth("coord")).status_code == 200
