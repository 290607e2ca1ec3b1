"""Page: my unit's round — the reporter fills progress on its own rows, saves drafts and submits."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from parkgov.services import progress, round_sheet, rounds
from parkgov.services.errors import InvalidInput
from parkgov.services.progress import ProgressInput
from parkgov.web.pages.context import PageDep

router = APIRouter()
MILESTONES = (("signed", "签约"), ("started", "开工"), ("completed", "竣工"), ("in_production", "投产"))
STATES = (("in_progress", "推进中"), ("completed", "已完成"), ("lagging", "滞后"), ("not_started", "未启动"))


def _decimal(text: str | None, what: str) -> Decimal | None:
    cleaned = (text or "").strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(f"{what}应为数字：{cleaned}") from None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        raise InvalidInput(f"{what}应为有限的数字")
    return value


def _day(text: str | None, what: str) -> date | None:
    if not (text or "").strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what}日期格式不正确：{text}") from None


def _int(text: str | None, what: str) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        raise InvalidInput(f"{what}不正确") from None


def _input(form, period: str) -> ProgressInput:
    kind = form.get("kind")
    if kind not in ("task", "indicator", "project"):
        raise InvalidInput("事项类型不正确")
    targets = {}
    for key, raw in form.multi_items():
        if key.startswith("target_") and key[7:].isdigit():
            value = _decimal(raw, "目标完成值")
            if value is not None:
                targets[int(key[7:])] = value
    milestones = {}
    for name, label in MILESTONES:
        day = _day(form.get(f"milestone_{name}"), label)
        if day is not None:
            milestones[name] = day
    unit_id = form.get("unit_id")
    return ProgressInput(kind=kind, item_id=_int(form.get("item_id"), "事项编号"), period=period,
                         state=form.get("state") or None, narrative=form.get("narrative") or None,
                         value=_decimal(form.get("value"), "累计完成值"), value_unit=form.get("value_unit") or None,
                         yoy_pct=_decimal(form.get("yoy_pct"), "同比增长"), target_values=targets,
                         investment=_decimal(form.get("investment"), "本月完成投资"),
                         investment_unit=form.get("investment_unit") or None, milestones=milestones,
                         unit_id=int(unit_id) if (unit_id or "").isdigit() else None,
                         base_revision=_int(form.get("base_revision") or "0", "版本号"))


def _sheet(page, period=None, unit=None):
    q = page.request.query_params
    return round_sheet.unit_sheet(page.session, page.actor, page.park_id, period or q.get("period") or None,
                                  unit if unit is not None else q.get("unit") or None)


@router.get("/round")
def round_page(page: PageDep):
    return page.render("round.html", sheet=_sheet(page), states=STATES, milestones=MILESTONES)


@router.post("/round/open")
async def open_round(page: PageDep):
    form = await page.request.form()
    period = (form.get("period") or "").strip()
    deadline = _day(form.get("deadline"), "报送截止")
    opened = rounds.open_round(page.session, page.actor, page.park_id, period, deadline)
    return RedirectResponse(page.url("/round", period=opened["period"],
                                     saved=f"已开启{opened['period_label']}调度，截止{opened['deadline']}"),
                            status_code=303)


@router.post("/round/{period}/close")
def close_round(period: str, page: PageDep):
    closed = rounds.close_round(page.session, page.actor, page.park_id, period)
    return RedirectResponse(page.url("/round", period=period, saved=f"{closed['period_label']}调度已结束"),
                            status_code=303)


@router.post("/round/{period}/report")
async def report(period: str, page: PageDep):
    form = await page.request.form()
    inp = _input(form, period)
    action = form.get("action")
    if action == "submit":
        saved = progress.submit(page.session, page.actor, page.park_id, inp)
        message = f"已提交第{saved['revision']}版进展"
    else:
        progress.save_draft(page.session, page.actor, page.park_id, inp)
        message = "草稿已保存（尚未报送）"
    unit = form.get("unit_id") or None
    if not page.request.headers.get("HX-Request"):
        target = page.url("/round", period=period, unit=unit, saved=message)
        return RedirectResponse(target, status_code=303)
    sheet = _sheet(page, period, unit)
    row = next(r for r in sheet["rows"] if r["key"] == f"{inp.kind}:{inp.item_id}")
    return page.render("_round_row.html", sheet=sheet, row=row, states=STATES, milestones=MILESTONES,
                       message=message)
