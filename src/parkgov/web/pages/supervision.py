"""Pages: the supervision inbox (units see their own orders), one order with its actions, leaders' instructions."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from parkgov.domain.supervision import OrderAction
from parkgov.services import instructions, supervision
from parkgov.services.access import Role
from parkgov.services.errors import InvalidInput
from parkgov.web.pages.context import PageDep
from parkgov.web.api.schemas import PathId

router = APIRouter()
STATUS_CHOICES = (("assigned", "已交办"), ("replied", "已回复"), ("returned", "已退回"), ("verified", "已核验"),
                  ("escalated", "已升级"), ("closed", "已办结"))
_COORDINATOR_ACTIONS = (OrderAction.VERIFY, OrderAction.CLOSE, OrderAction.RETURN, OrderAction.ESCALATE)


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise InvalidInput(f"{what}格式不正确：{text or '未填写'}（应如 2025-11-30）") from None


@router.get("/supervision")
def inbox(page: PageDep):
    q = page.request.query_params
    open_only = q.get("open") == "1"
    orders = supervision.list_orders(page.session, page.actor, page.park_id, status=q.get("status") or None,
                                     unit=q.get("unit") or None, open_only=open_only, as_of=page.as_of)
    if q.get("overdue") == "1":
        orders = [o for o in orders if o["overdue"]]
    proposals = []
    if page.actor.role in (Role.coordinator, Role.admin):
        proposals = supervision.proposals(page.session, page.actor, page.park_id, page.as_of)
    units = sorted({o["unit"] for o in orders})
    return page.render("supervision.html", orders=orders, proposals=proposals, statuses=STATUS_CHOICES,
                       units=units, open_only=open_only)


@router.get("/supervision/{order_id}")
def order_page(order_id: PathId, page: PageDep):
    order = supervision.get_order(page.session, page.actor, order_id)
    if page.actor.role is Role.reporter and order["unit_id"] != page.actor.unit_id:
        return RedirectResponse(page.url("/supervision"), status_code=303)
    notes = instructions.list_instructions(page.session, page.actor, order["park_id"], "order", order_id)
    role = page.actor.role
    can_reply = (role is Role.reporter and order["unit_id"] == page.actor.unit_id) or role in (Role.coordinator,
                                                                                              Role.admin)
    actions = [(a.value, a.label) for a in _COORDINATOR_ACTIONS] if role in (Role.coordinator, Role.admin) else []
    return page.render("order.html", order=order, notes=notes, can_reply=can_reply, actions=actions,
                       can_instruct=role in (Role.leader, Role.coordinator, Role.admin))


@router.post("/supervision/new")
def raise_order(page: PageDep, kind: Annotated[str, Form()] = "", item_id: Annotated[str, Form()] = "",
                reason: Annotated[str, Form()] = "", requirement: Annotated[str, Form()] = "",
                due_date: Annotated[str, Form()] = ""):
    order = supervision.raise_order(page.session, page.actor, page.park_id, reason=reason,
                                    due_date=_date(due_date, "办理期限"), kind=kind or None,
                                    item_id=int(item_id) if item_id.isdigit() else None,
                                    requirement=requirement or None)
    return RedirectResponse(page.url(f"/supervision/{order['id']}"), status_code=303)


@router.post("/supervision/proposals/raise")
def raise_proposals(page: PageDep):
    supervision.raise_proposed(page.session, page.actor, page.park_id, page.as_of)
    return RedirectResponse(page.url("/supervision", open="1"), status_code=303)


@router.post("/supervision/{order_id}/act")
def act(order_id: PathId, page: PageDep, action: Annotated[str, Form()] = "", note: Annotated[str, Form()] = "",
        version: Annotated[str, Form()] = ""):
    supervision.act(page.session, page.actor, order_id, action, note=note,
                    version=int(version) if version.isdigit() else None)
    return RedirectResponse(page.url(f"/supervision/{order_id}"), status_code=303)


@router.post("/supervision/{order_id}/instructions")
def instruct(order_id: PathId, page: PageDep, text: Annotated[str, Form()] = ""):
    order = supervision.get_order(page.session, page.actor, order_id)
    instructions.add_instruction(page.session, page.actor, order["park_id"], "order", order_id, text)
    return RedirectResponse(page.url(f"/supervision/{order_id}") + "#instructions", status_code=303)
