"""Read pages: dashboard, ledgers with filters (HTMX), item pages, supervision inbox, instructions, rankings, admin."""
from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pages_support import alert, csrf_of, login, page_csrf, set_passwords
from parkgov.services import progress, rounds, supervision
from parkgov.services.access import Actor
from parkgov.services.progress import ProgressInput
from parkgov.store.models import AuditEntry, ParkSettings
from parkgov.web.app import create_app


@pytest.fixture
def web(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    system = Actor.system()
    with session_factory() as s:
        rounds.open_round(s, system, ledger.park_id, "2025-06")
        progress.submit(s, system, ledger.park_id, ProgressInput(kind="task", item_id=ledger.tasks["20"],
                                                                 period="2025-06", state="lagging",
                                                                 narrative="改革方案尚未印发"))
        progress.submit(s, system, ledger.park_id, ProgressInput(kind="indicator",
                                                                 item_id=ledger.indicators["规模工业总产值"],
                                                                 period="2025-06", value=Decimal("30"),
                                                                 value_unit="亿元", yoy_pct=Decimal("8.1")))
        supervision.raise_order(s, system, ledger.park_id, reason="预算绩效改革滞后", kind="task",
                                item_id=ledger.tasks["20"], due_date=date.today() + timedelta(days=10))
    with TestClient(create_app(db_url)) as client:
        yield client


def test_dashboard_numbers_link_to_their_rows(web, ledger):
    login(web, "coord")
    page = web.get("/dashboard?as_of=2025-07-31")
    assert page.status_code == 200
    assert "/tasks?as_of=2025-07-31&amp;light=red" in page.text
    assert 'data-chart="completion"' in page.text and "/static/vendor/echarts.min.js" in page.text
    assert "预算绩效改革滞后" in page.text
    red = web.get("/tasks?as_of=2025-07-31&light=red")
    assert "完成预算绩效改革" in red.text and "开展产业链精准招商攻坚" not in red.text


def test_task_ledger_filters_by_unit_and_returns_rows_only_to_htmx(web, ledger):
    login(web, "viewer")
    full = web.get("/tasks?unit=科工局&as_of=2025-07-31")
    assert "实施企业梯度培育计划" in full.text and "开展产业链精准招商攻坚" not in full.text
    assert "<html" in full.text
    part = web.get("/tasks?unit=财政局&as_of=2025-07-31", headers={"HX-Request": "true", "HX-Target": "ledger-rows"})
    assert "<html" not in part.text
    assert "完成预算绩效改革" in part.text and "改革方案尚未印发" in part.text
    for header in ("序号", "类别", "项目", "任务要求", "牵头领导", "牵头部门", "状态", "最新进展"):
        assert f"<th>{header}</th>" in part.text


def test_task_page_shows_history_and_orders(web, ledger):
    login(web, "leader")
    page = web.get(f"/tasks/{ledger.tasks['20']}?as_of=2025-07-31")
    assert "改革方案尚未印发" in page.text and "预算绩效改革滞后" in page.text
    assert "手工录入" in page.text


def test_an_id_beyond_what_the_database_holds_gets_a_message_not_an_error(web, ledger):
    login(web, "admin")
    for path in ("/tasks/99999999999", "/documents/99999999999", "/supervision/99999999999"):
        page = web.get(path)
        assert page.status_code == 422 and "数值过大" in page.text, path
    assert web.get(f"/tasks/{ledger.tasks['20']}").status_code == 200


def test_indicator_page_and_ledger_use_the_reported_figures(web, ledger):
    login(web, "coord")
    page = web.get("/indicators?as_of=2025-07-31")
    assert "规模工业总产值" in page.text and "37.5%" in page.text  # 30 of 80 亿元


def test_a_leader_adds_an_instruction_a_reporter_cannot(web, ledger, session_factory):
    login(web, "leader")
    token = page_csrf(web)
    task = ledger.tasks["20"]
    r = web.post(f"/items/task/{task}/instructions", data={"csrf_token": token, "text": "请财政局本月内印发方案"},
                 follow_redirects=True)
    assert "请财政局本月内印发方案" in r.text
    web.post("/logout", data={"csrf_token": token})
    login(web, "rep_财政局")
    token = page_csrf(web)
    refused = web.post(f"/items/task/{task}/instructions", data={"csrf_token": token, "text": "自己批示"})
    assert refused.status_code == 403
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "instruct")) == 1


def test_form_text_with_a_nul_character_is_refused_in_chinese_and_stores_nothing(web, ledger, session_factory):
    login(web, "leader")
    token = page_csrf(web)
    r = web.post(f"/items/task/{ledger.tasks['20']}/instructions", data={"csrf_token": token, "text": "印发\x00方案"})
    assert r.status_code == 422 and "空字符" in r.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "instruct")) == 0


def test_supervision_inbox_is_scoped_and_the_unit_replies(web, ledger):
    login(web, "rep_商务局")
    assert "预算绩效改革滞后" not in web.get("/supervision").text
    web.post("/logout", data={"csrf_token": page_csrf(web)})
    login(web, "rep_财政局")
    inbox = web.get("/supervision")
    assert "预算绩效改革滞后" in inbox.text
    order_id = int(inbox.text.split('href="/supervision/')[1].split('"')[0].split("?")[0])
    token = page_csrf(web)
    r = web.post(f"/supervision/{order_id}/act", data={"csrf_token": token, "action": "reply", "note": "方案已报批"},
                 follow_redirects=True)
    assert "方案已报批" in r.text and "已回复" in r.text
    closing = web.post(f"/supervision/{order_id}/act", data={"csrf_token": token, "action": "close", "note": ""})
    assert closing.status_code == 403


def test_rankings_page_lists_units_and_compliance(web, ledger):
    login(web, "coord")
    page = web.get("/rankings?period=2025-06")
    assert page.status_code == 200
    assert 'id="ranking-table"' in page.text and "财政局" in page.text and "报送情况" in page.text
    assert "built-in method" not in page.text
    row = re.search(r"<tr[^>]*><td class=\"num\">\d+</td><td class=\"nowrap\"><a[^>]*>财政局</a>.*?</tr>", page.text, re.S)
    assert row and re.findall(r'<td class="num">(\d+/\d+)</td>', row.group(0))[1] == "0/2"  # 财政局 leads task 20 and 税收, neither green


def test_admin_settings_are_checked_by_domain_rules(web, ledger, session_factory):
    login(web, "coord")
    token = page_csrf(web)
    good = {"csrf_token": token, "green_gap_pct": "2", "yellow_gap_pct": "8", "growth_yellow_gap_pct": "1",
            "timeliness": "50", "green": "30", "supervision": "20", "dispatch_deadline_day": "6"}
    assert "设置已保存" in web.post("/admin/settings", data=good, follow_redirects=True).text
    bad = {**good, "supervision": "30"}
    r = web.post("/admin/settings", data=bad)
    assert r.status_code == 422 and "100" in alert(r.text)
    with session_factory() as s:
        settings = s.get(ParkSettings, ledger.park_id)
        assert settings.ranking_weights["timeliness"] == "50" and settings.dispatch_deadline_day == 6


def test_admin_creates_a_user_who_can_sign_in(web, ledger):
    login(web, "admin")
    token = page_csrf(web)
    r = web.post("/admin/users", data={"csrf_token": token, "username": "zhang", "display_name": "张三",
                                       "role": "reporter", "unit": str(ledger.units["住建局"]),
                                       "password": "zhang-pass-1"}, follow_redirects=True)
    assert "已新增用户：zhang" in r.text
    web.post("/logout", data={"csrf_token": token})
    token = csrf_of(web)
    signed = web.post("/login", data={"username": "zhang", "password": "zhang-pass-1", "csrf_token": token},
                      follow_redirects=True)
    assert "张三（部门填报员·住建局）" in signed.text


def test_a_coordinator_cannot_manage_users(web, ledger):
    login(web, "coord")
    token = page_csrf(web)
    r = web.post("/admin/users", data={"csrf_token": token, "username": "x", "role": "admin", "password": "12345678x"})
    assert r.status_code == 403


def test_bulletin_and_ledgers_download_from_the_rankings_page(web, ledger):
    login(web, "coord")
    page = web.get("/rankings?period=2025-06")
    assert "/rankings/2025-06/bulletin.docx" in page.text
    doc = web.get("/rankings/2025-06/bulletin.docx")
    assert doc.status_code == 200 and doc.content[:2] == b"PK"
    assert "wordprocessingml" in doc.headers["content-type"]
    book = web.get("/rankings/2025-06/ledgers.xlsx")
    assert book.status_code == 200 and book.content[:2] == b"PK"
    assert "attachment" in book.headers["content-disposition"]


def test_a_quarter_ranking_and_a_bad_quarter(web, ledger):
    login(web, "viewer")
    assert "2025年第2季度" in web.get("/rankings?quarter=2025Q2").text
    bad = web.get("/rankings?quarter=2025Q9")
    assert bad.status_code == 422 and "季度" in alert(bad.text)
