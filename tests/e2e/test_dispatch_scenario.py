"""In a real browser: a unit reports, the coordinator sees the dashboard and ranking move, another unit is
refused, and seed 004 is imported as a Word table, corrected and found in the ledger. Screenshots of every page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from extract.seed_forms import build_docx
from pages_support import PARK, PASSWORD
from parkgov.extract.readers import read_document
from parkgov.store.models import ProgressReport, TaskTarget

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
REFUSED: list[str] = []
EXPECTED = re.compile(r"status of 4(03|22)\b|Response Status Error Code 4(03|22)\b")


def _watch(page: Page) -> Page:
    """Collect what the browser refused to run or load (CSP, missing files, script errors).

    Refusals the scenario provokes on purpose (403, 422 answers) are logged by the browser too: not counted.
    """
    page.on("console", lambda m: m.type == "error" and not EXPECTED.search(m.text) and REFUSED.append(m.text))
    page.on("pageerror", lambda exc: REFUSED.append(str(exc)))
    return page


def _open(browser: Browser, live_app: dict, who: str, viewport=DESKTOP) -> Page:
    context = browser.new_context(viewport=viewport, locale="zh-CN", base_url=live_app["base"])
    page = _watch(context.new_page())
    page.goto("/login")
    page.fill("input[name=username]", f"{PARK}-{who}")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard"))
    return page


def _shot(page: Page, screenshots, name: str) -> None:
    for chart in page.locator("[data-chart]").all():
        expect(chart.locator("svg")).to_have_count(1)
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def _score(page: Page, unit: str) -> float:
    page.goto("/rankings?period=2025-06")
    row = page.locator("#ranking-table tbody tr", has_text=unit)
    return float(row.locator("td").nth(2).inner_text())


def _task8_reports(live_app) -> list[ProgressReport]:
    with live_app["factory"]() as s:
        return list(s.scalars(select(ProgressReport).where(ProgressReport.task_id == live_app["ledger"].tasks["8"])))


def test_report_rank_refuse_import(browser: Browser, live_app, screenshots, seeds_dir, tmp_path):
    ledger = live_app["ledger"]
    task8 = ledger.tasks["8"]

    login_page = browser.new_context(viewport=DESKTOP, base_url=live_app["base"]).new_page()
    login_page.goto("/login")
    _shot(login_page, screenshots, "01_login")

    coord = _open(browser, live_app, "coord")
    before = _score(coord, "商务局")

    reporter = _open(browser, live_app, "rep_商务局")
    reporter.goto("/round")
    expect(reporter.locator("h1")).to_contain_text("商务局")
    expect(reporter.locator(f"#row-task-{ledger.tasks['12']}")).to_have_count(0)
    row = reporter.locator(f"#row-task-{task8}")
    with live_app["factory"]() as s:
        target = s.scalars(select(TaskTarget.id).where(TaskTarget.task_id == task8)).one()
    row.locator(f"input[name=target_{target}]").fill("十二个")
    row.get_by_role("button", name="提交").click()
    expect(reporter.locator("#flash")).to_contain_text("目标完成值应为数字")
    assert _task8_reports(live_app) == []
    row.locator(f"input[name=target_{target}]").fill("12")
    row.locator("select[name=state]").select_option("completed")
    row.locator("textarea[name=narrative]").fill("全年12个产业项目已全部签约落地")
    row.get_by_role("button", name="提交").click()
    expect(reporter.locator(f"#row-task-{task8}")).to_contain_text("已提交第1版进展")
    expect(reporter.locator("#unit-status")).to_have_text("按时报送")
    _shot(reporter, screenshots, "05_round_reporter")
    assert [r.narrative for r in _task8_reports(live_app)] == ["全年12个产业项目已全部签约落地"]

    other = _open(browser, live_app, "rep_科工局")
    other.goto("/round")
    expect(other.locator(f"#row-task-{task8}")).to_have_count(0)
    status = other.evaluate("""async ([taskId]) => {
        const token = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];
        const body = new FormData();
        for (const [k, v] of Object.entries({kind: 'task', item_id: String(taskId), base_revision: '1',
             state: 'lagging', narrative: '篡改', action: 'submit'})) body.append(k, v);
        const r = await fetch('/round/2025-06/report', {method: 'POST', body, headers: {'X-CSRF-Token': token}});
        return [r.status, await r.text()];
    }""", [task8])
    assert status[0] == 403 and "本单位" in status[1]
    assert [r.narrative for r in _task8_reports(live_app)] == ["全年12个产业项目已全部签约落地"]

    after = _score(coord, "商务局")
    assert after > before
    _shot(coord, screenshots, "08_rankings")
    coord.goto("/dashboard?as_of=2025-06-30")
    expect(coord.locator("h1")).to_contain_text("园区概览")
    _shot(coord, screenshots, "02_dashboard")
    coord.goto("/tasks?as_of=2025-06-30&unit=商务局")
    expect(coord.locator(f"#task-{task8}")).to_contain_text("全年12个产业项目已全部签约落地")
    coord.goto(f"/tasks/{task8}?as_of=2025-06-30")
    expect(coord.locator(".timeline").first).to_contain_text("全年12个产业项目已全部签约落地")
    _shot(coord, screenshots, "04_task_page")
    coord.goto("/indicators?as_of=2025-06-30")
    _shot(coord, screenshots, "03_indicators")
    coord.goto(f"/projects/{ledger.projects['新材料产业园']}?as_of=2025-06-30")
    _shot(coord, screenshots, "06_project_page")
    coord.goto("/supervision?as_of=2025-06-30")
    _shot(coord, screenshots, "07_supervision")
    coord.goto("/admin")
    _shot(coord, screenshots, "10_admin")

    docx = build_docx(read_document(next(seeds_dir.glob("004_*"))), tmp_path / "责任分解表.docx")
    coord.goto("/import")
    coord.set_input_files("input[type=file]", str(docx))
    coord.get_by_role("button", name="上传并识别").click()
    coord.wait_for_url(re.compile(r".*/import/[A-Za-z0-9_-]+$"))
    expect(coord.locator("#doc-text mark").first).to_be_visible()
    first = coord.locator("#tasks-row-0")
    first.locator("summary").click()
    first.locator("input[name=item]").fill("地区生产总值（核对后）")
    first.get_by_role("button", name="保存修改").click()
    expect(coord.locator(".flash.ok")).to_contain_text("已保存修改")
    _shot(coord, screenshots, "09_import_review")
    coord.get_by_role("button", name="确认导入").click()
    expect(coord.locator(".flash.ok")).to_contain_text("已导入")
    coord.goto("/tasks?as_of=2025-06-30&text=核对后")
    expect(coord.locator("#ledger-rows tbody")).to_contain_text("地区生产总值（核对后）")
    coord.locator("#ledger-rows tbody a", has_text="地区生产总值（核对后）").first.click()
    expect(coord.locator(".quote")).to_contain_text("增长5.5%以上")
    coord.get_by_role("link", name="在原文中查看").click()
    expect(coord.locator("#doc-text mark.current")).to_contain_text("增长5.5%以上")
    _shot(coord, screenshots, "12_document_source")
    coord.goto("/tasks?as_of=2025-06-30")
    coord.select_option("select[name=leader]", "韩知远")
    expect(coord.locator("#ledger-rows tbody")).to_contain_text("开展产业链精准招商攻坚")
    expect(coord).to_have_url(re.compile(r"leader="))
    _shot(coord, screenshots, "03_tasks")

    phone = _open(browser, live_app, "coord", PHONE)
    phone.goto("/dashboard?as_of=2025-06-30")
    _shot(phone, screenshots, "11_dashboard_390px")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the phone layout scrolls sideways ({width}px)"
    assert REFUSED == [], REFUSED
