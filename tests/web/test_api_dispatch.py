"""API: rounds and progress, with authentication, ownership (403), stale copies (409) and bad input (422)."""
from __future__ import annotations

from sqlalchemy import func, select

from parkgov.store.models import DispatchRound, ProgressReport


def _open_june(client, ledger, auth):
    r = client.post(f"/api/v1/parks/{ledger.park_id}/rounds", json={"period": "2025-06", "deadline": "2099-07-05"},
                    headers=auth("coord"))
    assert r.status_code == 201, r.text
    return r.json()


def _status(client, ledger, auth, who="leader"):
    r = client.get(f"/api/v1/parks/{ledger.park_id}/status", params={"as_of": "2025-06-30"}, headers=auth(who))
    assert r.status_code == 200, r.text
    return {row["seq"]: row for row in r.json()["tasks"]}


def test_every_request_needs_a_valid_token(client, ledger):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        r = client.get(f"/api/v1/parks/{ledger.park_id}/status", headers=headers)
        assert r.status_code == 401 and "令牌" in r.json()["detail"]
    r = client.post(f"/api/v1/parks/{ledger.park_id}/rounds", json={"period": "2025-06"})
    assert r.status_code == 401


def test_reporter_submits_status_and_ranking_change(client, ledger, auth):
    _open_june(client, ledger, auth)
    assert _status(client, ledger, auth)["8"]["light"] == "grey"
    rank_before = client.get(f"/api/v1/parks/{ledger.park_id}/rankings/rounds/2025-06", headers=auth("viewer")).json()
    r = client.post(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports", headers=auth("rep_商务局"),
                    json={"kind": "task", "item_id": ledger.tasks["8"], "state": "推进中", "narrative": "签约6个",
                          "value": "6"})
    assert r.status_code == 201, r.text
    assert r.json()["revision"] == 1
    row = _status(client, ledger, auth)["8"]
    assert row["light"] == "green" and float(row["completion_rate"]) == 0.5 and row["narrative"] == "签约6个"
    rank_after = client.get(f"/api/v1/parks/{ledger.park_id}/rankings/rounds/2025-06", headers=auth("viewer")).json()
    before = {x["unit"]: float(x["score"]) for x in rank_before["ranking"]}
    after = {x["unit"]: x for x in rank_after["ranking"]}
    assert float(after["商务局"]["score"]) > before["商务局"] and after["商务局"]["rank"] == 1


def test_forged_request_for_another_units_row_is_403_and_history_unchanged(client, ledger, auth, session_factory):
    _open_june(client, ledger, auth)
    url = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports"
    ok = client.post(url, headers=auth("rep_商务局"), json={"kind": "task", "item_id": ledger.tasks["8"],
                                                           "state": "in_progress", "narrative": "真实进展"})
    assert ok.status_code == 201
    history_url = f"/api/v1/parks/{ledger.park_id}/items/task/{ledger.tasks['8']}/history"
    before = client.get(history_url, headers=auth("coord")).json()
    forged = [{"kind": "task", "item_id": ledger.tasks["8"], "state": "completed", "narrative": "伪造",
               "base_revision": 1},
              {"kind": "task", "item_id": ledger.tasks["8"], "state": "completed", "narrative": "伪造",
               "base_revision": 1, "unit_id": ledger.units["商务局"]}]
    for body in forged:
        r = client.post(url, headers=auth("rep_科工局"), json=body)
        assert r.status_code == 403 and "本单位" in r.json()["detail"]
        r = client.put(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/drafts", headers=auth("rep_科工局"), json=body)
        assert r.status_code == 403
    for who in ("viewer", "leader"):
        assert client.post(url, headers=auth(who), json=forged[0]).status_code == 403
    assert client.get(history_url, headers=auth("coord")).json() == before
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ProgressReport)) == 1


def test_stale_edit_gets_409_in_chinese(client, ledger, auth):
    _open_june(client, ledger, auth)
    url = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports"
    body = {"kind": "task", "item_id": ledger.tasks["12"], "state": "in_progress", "narrative": "甲", "base_revision": 0}
    assert client.post(url, headers=auth("rep_科工局"), json=body).status_code == 201
    second = client.post(url, headers=auth("coord"), json={**body, "narrative": "乙"})
    assert second.status_code == 409 and "请刷新" in second.json()["detail"]
    history = client.get(f"/api/v1/parks/{ledger.park_id}/items/task/{ledger.tasks['12']}/history",
                         headers=auth("rep_科工局")).json()
    assert [r["narrative"] for r in history["reports"]] == ["甲"]


def test_bad_input_is_422_in_chinese_and_writes_nothing(client, ledger, auth, session_factory):
    base = f"/api/v1/parks/{ledger.park_id}/rounds"
    cases = [({"period": "2025-13"}, "调度期间"), ({"period": "2025-06", "deadline": "明天"}, "deadline"),
             ({"period": "2025-06", "extra": 1}, "不认识的字段"), ({}, "缺少必填项")]
    for body, word in cases:
        r = client.post(base, headers=auth("coord"), json=body)
        assert r.status_code == 422 and word in r.json()["detail"], r.text
    r = client.post(base, headers=auth("coord"), content=b"{not json", )
    assert r.status_code == 422
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(DispatchRound)) == 0
    _open_june(client, ledger, auth)
    reports = f"{base}/2025-06/reports"
    bad = [{"kind": "task", "item_id": ledger.tasks["12"], "state": "差不多"},
           {"kind": "indicator", "item_id": ledger.indicators["规模工业总产值"], "value": "abc"},
           {"kind": "indicator", "item_id": ledger.indicators["规模工业总产值"], "value": "3", "value_unit": "吨"},
           {"kind": "indicator", "item_id": ledger.indicators["规模工业总产值"], "value": "NaN"},
           {"kind": "widget", "item_id": 1}]
    for body in bad:
        r = client.post(reports, headers=auth("rep_科工局"), json=body)
        assert r.status_code == 422, r.text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["detail"])
    missing = client.post(reports, headers=auth("rep_科工局"), json={"kind": "task", "item_id": 999999})
    assert missing.status_code == 404 and "任务" in missing.json()["detail"]
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ProgressReport)) == 0


def test_unreadable_body_and_unknown_route_get_chinese_details_and_write_nothing(client, ledger, auth,
                                                                                  session_factory):
    base = f"/api/v1/parks/{ledger.park_id}/rounds"
    headers = {**auth("coord"), "Content-Type": "application/json"}
    for body in (b"\x80abc", b'{"period": "2025-06", "deadline": "\xe9"}'):
        r = client.post(base, headers=headers, content=body)
        assert r.status_code == 400 and r.json() == {"detail": "请求内容无法解析：应为 UTF-8 编码的 JSON"}, r.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(DispatchRound)) == 0
    r = client.get("/api/v1/no-such-route", headers=auth("coord"))
    assert r.status_code == 404 and r.json() == {"detail": "接口不存在，请核对请求路径"}
    r = client.delete(base, headers=auth("coord"))
    assert r.status_code == 405 and r.json() == {"detail": "该接口不支持此请求方法"}
    assert "GET" in r.headers["allow"]
    assert client.get("/no-such-page").status_code == 404


def test_report_and_note_text_with_a_nul_character_is_refused_and_writes_nothing(client, ledger, auth,
                                                                                  session_factory):
    _open_june(client, ledger, auth)
    base = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06"
    report = {"kind": "task", "item_id": ledger.tasks["8"], "state": "推进中", "narrative": "已签约\x00两个项目"}
    for path in ("reports", "drafts"):
        r = client.request("POST" if path == "reports" else "PUT", f"{base}/{path}", json=report,
                           headers=auth("rep_商务局"))
        assert r.status_code == 422 and r.json()["detail"] == "请求有误：narrative：不能包含空字符（\\0）", r.text
    r = client.post(f"{base}/notes", json={"task_id": ledger.tasks["8"], "narrative": "\x00"},
                    headers=auth("rep_科工局"))
    assert r.status_code == 422 and "narrative：不能包含空字符" in r.json()["detail"]
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ProgressReport)) == 0
    history = client.get(f"/api/v1/parks/{ledger.park_id}/items/task/{ledger.tasks['8']}/history",
                         headers=auth("coord")).json()
    assert history["reports"] == history["drafts"] == history["notes"] == []


def test_round_compliance_and_duplicate_round(client, ledger, auth):
    _open_june(client, ledger, auth)
    again = client.post(f"/api/v1/parks/{ledger.park_id}/rounds", json={"period": "2025-06"}, headers=auth("coord"))
    assert again.status_code == 409 and "重复" in again.json()["detail"]
    client.post(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports", headers=auth("rep_财政局"),
                json={"kind": "indicator", "item_id": ledger.indicators["税收"], "value": "20000"})
    r = client.get(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06", headers=auth("leader"))
    units = {u["unit"]: u["status"] for u in r.json()["units"]}
    assert units["财政局"] == "on_time" and units["商务局"] == "pending"
    assert client.get(f"/api/v1/parks/{ledger.park_id}/rounds", headers=auth("rep_商务局")).status_code == 200


def test_draft_then_submit_through_the_api(client, ledger, auth):
    _open_june(client, ledger, auth)
    base = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06"
    body = {"kind": "project", "item_id": ledger.projects["新材料产业园"], "investment": "2000",
            "investment_unit": "万元", "narrative": "草稿"}
    draft = client.put(f"{base}/drafts", headers=auth("rep_住建局"), json=body)
    assert draft.status_code == 200 and draft.json()["draft"] is True
    history_url = f"/api/v1/parks/{ledger.park_id}/items/project/{ledger.projects['新材料产业园']}/history"
    seen_by_owner = client.get(history_url, headers=auth("rep_住建局")).json()
    assert seen_by_owner["reports"] == [] and len(seen_by_owner["drafts"]) == 1
    assert client.get(history_url, headers=auth("rep_商务局")).json()["drafts"] == []
    dash = client.get(f"/api/v1/parks/{ledger.park_id}/dashboard", params={"as_of": "2025-06-30"},
                      headers=auth("coord")).json()
    assert float(dash["investment"]["completed"]) == 0
    submitted = client.post(f"{base}/reports", headers=auth("rep_住建局"), json={**body, "narrative": "正式"})
    assert submitted.status_code == 201
    after = client.get(history_url, headers=auth("rep_住建局")).json()
    assert [r["narrative"] for r in after["reports"]] == ["正式"] and after["drafts"] == []
    dash = client.get(f"/api/v1/parks/{ledger.park_id}/dashboard", params={"as_of": "2025-06-30"},
                      headers=auth("coord")).json()
    assert float(dash["investment"]["completed"]) == 2000


def test_two_units_submit_concurrently_over_http(client, ledger, auth):
    import threading

    _open_june(client, ledger, auth)
    url = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/reports"
    bodies = [("rep_商务局", {"kind": "task", "item_id": ledger.tasks["8"], "narrative": "商务局"}),
              ("rep_发改局", {"kind": "task", "item_id": ledger.tasks["21"], "narrative": "发改局"}),
              ("rep_财政局", {"kind": "indicator", "item_id": ledger.indicators["税收"], "value": "1000"})]
    barrier = threading.Barrier(len(bodies))
    codes: list[int] = []

    def send(who, body):
        barrier.wait(timeout=10)
        codes.append(client.post(url, headers=auth(who), json=body).status_code)

    threads = [threading.Thread(target=send, args=pair) for pair in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert codes == [201, 201, 201]
    units = client.get(f"/api/v1/parks/{ledger.park_id}/rounds/2025-06", headers=auth("coord")).json()["units"]
    assert {u["unit"] for u in units if u["status"] == "on_time"} == {"商务局", "发改局", "财政局"}


def test_co_unit_posts_a_note_that_leaves_the_task_status_alone(client, ledger, auth, session_factory):
    from parkgov.store.models import Task, Unit

    with session_factory.begin() as s:
        s.get(Task, ledger.tasks["8"]).co_units = [s.get(Unit, ledger.units["科工局"])]
    _open_june(client, ledger, auth)
    url = f"/api/v1/parks/{ledger.park_id}/rounds/2025-06/notes"
    r = client.post(url, headers=auth("rep_科工局"), json={"task_id": ledger.tasks["8"], "narrative": "协助对接企业2家"})
    assert r.status_code == 201, r.text
    assert _status(client, ledger, auth)["8"]["light"] == "grey"
    r = client.post(url, headers=auth("rep_财政局"), json={"task_id": ledger.tasks["8"], "narrative": "冒充"})
    assert r.status_code == 403 and "配合单位" in r.json()["detail"]
    history = client.get(f"/api/v1/parks/{ledger.park_id}/items/task/{ledger.tasks['8']}/history",
                         headers=auth("coord")).json()
    assert [n["narrative"] for n in history["notes"]] == ["协助对接企业2家"] and history["reports"] == []
