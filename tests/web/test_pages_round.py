"""My unit's round: a reporter drafts and submits on its own rows; forged requests for other units change nothing."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pages_support import login, page_csrf, set_passwords
from parkgov.services import rounds
from parkgov.services.access import Actor
from parkgov.store.models import ProgressDraft, ProgressReport, Submission
from parkgov.web.app import create_app


@pytest.fixture
def web(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with session_factory() as s:
        rounds.open_round(s, Actor.system(), ledger.park_id, "2025-06")
    with TestClient(create_app(db_url)) as client:
        yield client


def _reports(factory) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(ProgressReport))


def _form(token: str, task_id: int, **extra) -> dict:
    return {"csrf_token": token, "kind": "task", "item_id": str(task_id), "base_revision": "0",
            "state": "in_progress", "narrative": "已签约项目5个", **extra}


def test_reporter_sees_only_its_own_rows(web, ledger):
    login(web, "rep_商务局")
    page = web.get("/round")
    assert page.status_code == 200
    assert "开展产业链精准招商攻坚" in page.text
    assert "实施企业梯度培育计划" not in page.text
    assert "商务局 · 月度调度填报" in page.text


def test_reporter_submits_and_the_ledger_shows_it(web, ledger, session_factory):
    login(web, "rep_商务局")
    token = page_csrf(web)
    task = ledger.tasks["8"]
    target = next(iter(_target_ids(session_factory, task)))
    assert "已签约项目5个" not in web.get("/tasks?as_of=2025-07-31&unit=商务局").text
    r = web.post("/round/2025-06/report", data=_form(token, task, action="submit", **{f"target_{target}": "5"}),
                 headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert "已提交第1版进展" in r.text
    assert _reports(session_factory) == 1
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 1
    detail = web.get(f"/tasks/{task}?as_of=2025-07-31")
    assert "已签约项目5个" in detail.text and "第1版" in detail.text
    ledger_page = web.get("/tasks?as_of=2025-07-31&text=已签约项目")
    assert "开展产业链精准招商攻坚" in ledger_page.text
    assert "已签约项目5个" in web.get("/tasks?as_of=2025-07-31&unit=商务局").text, "the ledger view is not stale"


def _target_ids(factory, task_id):
    from parkgov.store.models import TaskTarget
    with factory() as s:
        return list(s.scalars(select(TaskTarget.id).where(TaskTarget.task_id == task_id)))


def test_a_draft_is_kept_but_not_reported(web, ledger, session_factory):
    login(web, "rep_商务局")
    token = page_csrf(web)
    r = web.post("/round/2025-06/report", data=_form(token, ledger.tasks["8"], action="draft"), follow_redirects=False)
    assert r.status_code == 303
    assert _reports(session_factory) == 0
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ProgressDraft)) == 1
    assert "有草稿" in web.get("/round").text


def test_forged_submit_for_another_units_row_is_403_and_changes_nothing(web, ledger, session_factory):
    login(web, "rep_商务局")
    token = page_csrf(web)
    other = ledger.tasks["12"]  # led by 科工局
    r = web.post("/round/2025-06/report", data=_form(token, other, action="submit"))
    assert r.status_code == 403
    assert "本单位" in r.text
    forged_unit = web.post("/round/2025-06/report",
                           data=_form(token, other, action="submit", unit_id=str(ledger.units["科工局"])))
    assert forged_unit.status_code == 403
    draft = web.post("/round/2025-06/report", data=_form(token, other, action="draft"))
    assert draft.status_code == 403
    assert _reports(session_factory) == 0
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ProgressDraft)) == 0


def test_reporter_cannot_open_another_units_sheet(web, ledger):
    login(web, "rep_商务局")
    assert web.get(f"/round?unit={ledger.units['科工局']}").status_code == 403


def test_submit_without_csrf_token_is_refused(web, ledger, session_factory):
    login(web, "rep_商务局")
    form = _form("", ledger.tasks["8"], action="submit")
    del form["csrf_token"]
    assert web.post("/round/2025-06/report", data=form).status_code == 403
    assert _reports(session_factory) == 0


def test_a_leader_cannot_report(web, ledger, session_factory):
    login(web, "leader")
    token = page_csrf(web)
    r = web.post("/round/2025-06/report", data=_form(token, ledger.tasks["8"], action="submit"))
    assert r.status_code == 403
    assert _reports(session_factory) == 0


def test_bad_figures_get_a_chinese_message(web, ledger, session_factory):
    login(web, "rep_科工局")
    token = page_csrf(web)
    form = {"csrf_token": token, "kind": "indicator", "item_id": str(ledger.indicators["规模工业总产值"]),
            "base_revision": "0", "value": "三十", "action": "submit"}
    r = web.post("/round/2025-06/report", data=form)
    assert r.status_code == 422
    assert "累计完成值应为数字" in r.text
    assert _reports(session_factory) == 0


def test_coordinator_reports_for_a_unit(web, ledger, session_factory):
    login(web, "coord")
    token = page_csrf(web)
    assert "代填单位" in web.get("/round").text
    r = web.post("/round/2025-06/report", data=_form(token, ledger.tasks["12"], action="submit",
                                                     unit_id=str(ledger.units["科工局"])), follow_redirects=False)
    assert r.status_code == 303
    assert _reports(session_factory) == 1


def test_coordinator_opens_and_closes_a_round_a_reporter_cannot(web, ledger, session_factory):
    login(web, "rep_商务局")
    token = page_csrf(web)
    assert web.post("/round/open", data={"csrf_token": token, "period": "2025-07"}).status_code == 403
    assert web.post("/round/2025-06/close", data={"csrf_token": token}).status_code == 403
    web.post("/logout", data={"csrf_token": token})
    login(web, "coord")
    token = page_csrf(web)
    opened = web.post("/round/open", data={"csrf_token": token, "period": "2025-07", "deadline": "2025-08-06"},
                      follow_redirects=True)
    assert "已开启2025年7月调度，截止2025-08-06" in opened.text
    again = web.post("/round/open", data={"csrf_token": token, "period": "2025-07"})
    assert again.status_code == 409 and "不能重复开启" in again.text
    closed = web.post("/round/2025-06/close", data={"csrf_token": token}, follow_redirects=True)
    assert "调度已结束" in closed.text
    late = web.post("/round/2025-06/report", data=_form(token, ledger.tasks["12"], action="submit",
                                                         unit_id=str(ledger.units["科工局"])))
    assert late.status_code == 422 and "已结束" in late.text
    assert _reports(session_factory) == 0
