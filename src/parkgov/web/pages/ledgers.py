"""Pages: the indicator, task and project ledgers (filterable with HTMX) and one row in full."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from parkgov.services import instructions, investment_curves, item_detail, ledger_views
from parkgov.services.access import Role
from parkgov.web.pages.context import PageDep
from parkgov.web.pages.rendering import pct_value
from parkgov.web.pages.view_cache import cached_view
from parkgov.web.api.schemas import PathId

router = APIRouter()
_FILTER_KEYS = ("unit", "leader", "category", "light", "state", "text")


def _filter(page) -> ledger_views.LedgerFilter:
    q = page.request.query_params
    return ledger_views.LedgerFilter(**{k: (q.get(k) or "").strip() for k in _FILTER_KEYS})


def _ledger_page(page, kind: str, template: str, **extra):
    flt = _filter(page)
    data = cached_view(page, f"ledger:{kind}",
                       lambda: ledger_views.ledger(page.session, page.actor, page.park_id, kind, page.as_of, flt), flt)
    if page.request.headers.get("HX-Request") and page.request.headers.get("HX-Target") == "ledger-rows":
        return page.render(f"_{kind}_rows.html", data=data)
    return page.render(template, data=data, flt=flt, **extra)


@router.get("/indicators")
def indicators_page(page: PageDep):
    return _ledger_page(page, "indicators", "indicators.html")


@router.get("/tasks")
def tasks_page(page: PageDep):
    return _ledger_page(page, "tasks", "tasks.html")


@router.get("/projects")
def projects_page(page: PageDep):
    curves = investment_curves.investment_curves(page.session, page.actor, page.park_id, page.as_of)
    chart = {"unit": curves["unit"], "months": curves["months"],
             "series": [{"name": "全部项目累计完成", "data": [float(v) for v in curves["park"]["completed"]],
                         "type": "bar", "color": "#1d5fa8"},
                        {"name": "按序时应完成", "data": [round(float(v), 1) for v in curves["park"]["planned"]],
                         "color": "#c62828", "dashed": True}]}
    return _ledger_page(page, "projects", "projects.html", chart=chart)


def _item_page(page, kind: str, item_id: int):
    detail = item_detail.item_detail(page.session, page.actor, page.park_id, kind, item_id, page.as_of)
    chart = None
    if kind == "project":
        curves = investment_curves.investment_curves(page.session, page.actor, page.park_id, page.as_of,
                                                     detail["year"])
        mine = next((p for p in curves["projects"] if p["id"] == item_id), None)
        if mine and curves["months"]:
            chart = {"unit": curves["unit"], "months": curves["months"],
                     "series": [{"name": "累计完成投资", "data": [float(v) for v in mine["completed"]], "type": "bar",
                                 "color": "#1d5fa8"},
                                {"name": "按序时应完成", "color": "#c62828", "dashed": True,
                                 "data": [round(float(v), 1) if v is not None else None for v in mine["planned"]]}]}
    if kind == "indicator":
        points = [r for r in detail["history"]["reports"] if r["value"] is not None or r["values"].get("yoy_pct")]
        if points:
            chart = {"unit": detail["row"]["target_unit"] or "", "months": [r["period"] for r in points],
                     "series": [{"name": "累计完成", "type": "bar", "color": "#1d5fa8",
                                 "data": [float(r["value"]) if r["value"] is not None else None for r in points]},
                                {"name": "同比增长(%)", "axis": 1, "color": "#2e7d32",
                                 "data": [float(r["values"]["yoy_pct"]) if r["values"].get("yoy_pct") else None
                                          for r in points]}]}
    can_instruct = page.actor.role in (Role.leader, Role.coordinator, Role.admin)
    can_order = page.actor.role in (Role.leader, Role.coordinator, Role.admin)
    return page.render("item.html", d=detail, chart=chart, can_instruct=can_instruct, can_order=can_order,
                       time_pct=pct_value(detail["time_progress"]))


@router.get("/tasks/{item_id}")
def task_page(item_id: PathId, page: PageDep):
    return _item_page(page, "task", item_id)


@router.get("/indicators/{item_id}")
def indicator_page(item_id: PathId, page: PageDep):
    return _item_page(page, "indicator", item_id)


@router.get("/projects/{item_id}")
def project_page(item_id: PathId, page: PageDep):
    return _item_page(page, "project", item_id)


@router.post("/items/{kind}/{item_id}/instructions")
def add_instruction(kind: Literal["task", "indicator", "project"], item_id: PathId, page: PageDep, text: Annotated[str, Form()] = ""):
    instructions.add_instruction(page.session, page.actor, page.park_id, kind, item_id, text)
    return RedirectResponse(page.url(f"/{kind}s/{item_id}") + "#instructions", status_code=303)
