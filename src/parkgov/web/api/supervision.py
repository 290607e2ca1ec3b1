"""API: supervision orders (督办单)."""
from __future__ import annotations

from fastapi import APIRouter, Query, status

from parkgov.services import supervision
from parkgov.web.api.deps import ActorDep, SessionDep
from parkgov.web.api.schemas import IsoDate, OrderAction, OrderCreate, PathId, ProposalsRaise

router = APIRouter(tags=["督办"])


@router.get("/parks/{park}/orders", summary="督办单列表（填报员只看到本单位的）")
def list_orders(park: str, session: SessionDep, actor: ActorDep, status: str | None = None,
                unit: str | None = None, open_only: bool = Query(default=False, alias="open")) -> list[dict]:
    return supervision.list_orders(session, actor, park, status=status, unit=unit, open_only=open_only)


@router.post("/parks/{park}/orders", status_code=status.HTTP_201_CREATED, summary="发起督办单并交办")
def raise_order(park: str, body: OrderCreate, session: SessionDep, actor: ActorDep) -> dict:
    return supervision.raise_order(session, actor, park, reason=body.reason, due_date=body.due_date, kind=body.kind,
                                   item_id=body.item_id, unit=body.unit, requirement=body.requirement)


@router.get("/parks/{park}/order-proposals", summary="红灯事项的督办建议（不写入）")
def proposals(park: str, session: SessionDep, actor: ActorDep, as_of: IsoDate | None = None,
              response_days: int = Query(default=10, ge=1, le=365)) -> list[dict]:
    return supervision.proposals(session, actor, park, as_of, response_days)


@router.post("/parks/{park}/order-proposals/raise", status_code=status.HTTP_201_CREATED, summary="按建议发起督办单")
def raise_proposed(park: str, body: ProposalsRaise, session: SessionDep, actor: ActorDep) -> list[dict]:
    return supervision.raise_proposed(session, actor, park, body.as_of, body.items, body.response_days)


@router.post("/parks/{park}/orders/escalate", summary="逾期督办单升级督办")
def escalate(park: str, session: SessionDep, actor: ActorDep) -> list[dict]:
    return supervision.escalate_overdue(session, actor, park)


@router.get("/orders/{order_id}", summary="督办单详情")
def get_order(order_id: PathId, session: SessionDep, actor: ActorDep) -> dict:
    return supervision.get_order(session, actor, order_id)


@router.post("/orders/{order_id}/actions", summary="办理督办单：回复、核验、办结、退回、升级、交办")
def act(order_id: PathId, body: OrderAction, session: SessionDep, actor: ActorDep) -> dict:
    return supervision.act(session, actor, order_id, body.action, note=body.note, version=body.version,
                           due_date=body.due_date)
