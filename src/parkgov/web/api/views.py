"""API: status views, the dashboard summary and rankings (read-only, every role within its parks)."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from parkgov.services import accounts, dashboard, lookup, park_read, rankings, status
from parkgov.web.api.deps import ActorDep, CredentialsDep, SessionDep, token_of
from parkgov.web.api.encoded import json_response
from parkgov.web.api.schemas import IsoDate

router = APIRouter(tags=["状态与排名"])

AsOf = Query(default=None, description="截至日期，默认今天（演示园区为演示数据截至日），如 2025-10-31")
Bottom = Query(default=5, ge=0, le=100, description="末位单位数")


def _as_of(session: Session, park: str, as_of: date | None) -> date:
    """The asked date, else the pages' default: today, or the demo day for a demo park."""
    if as_of is not None:
        return as_of
    return accounts.default_as_of({"is_demo": lookup.park(session, park).is_demo})


@router.get("/parks", summary="可查看的园区")
def list_parks(session: SessionDep, actor: ActorDep) -> list[dict]:
    return [{"id": p["id"], "name": p["name"], "short_name": p["short_name"]}
            for p in accounts.visible_parks(session, actor)]


@router.get("/parks/{park}/status", summary="指标、任务、项目的完成率、序时进度与红黄绿灯")
def park_status(park: str, session: SessionDep, actor: ActorDep, as_of: IsoDate | None = AsOf,
                year: int | None = Query(default=None, ge=1900, le=2200)) -> dict:
    return status.park_status(session, actor, park, _as_of(session, park, as_of), year)


@router.get("/parks/{park}/dashboard", summary="园区概览", response_model=None)
async def park_dashboard(request: Request, park: str, credentials: CredentialsDep,
                         as_of: IsoDate | None = AsOf, bottom: int = Bottom) -> Response:
    """The busiest call: one worker-thread hop and, while the summary is cached, one query (``park_read``)."""
    return await run_in_threadpool(_dashboard, request.app.state, token_of(credentials), park, as_of, bottom)


def _dashboard(state, token: str | None, park: str, as_of: date | None, bottom: int) -> Response:
    with state.read_session_factory() as quick:
        read = park_read.open_park_read(quick, token, park)
    day = as_of or accounts.default_as_of({"is_demo": read.is_demo})
    with state.session_factory() as session:
        return json_response(dashboard.dashboard_for(session, read, day, bottom))


@router.get("/parks/{park}/rankings/rounds/{period}", summary="月度调度排名")
def round_ranking(park: str, period: str, session: SessionDep, actor: ActorDep, bottom: int = Bottom) -> dict:
    return rankings.rank_round(session, actor, park, period, bottom)


@router.get("/parks/{park}/rankings/quarters/{quarter}", summary="季度排名（如 2025Q2）")
def quarter_ranking(park: str, quarter: str, session: SessionDep, actor: ActorDep, bottom: int = Bottom) -> dict:
    return rankings.rank_quarter(session, actor, park, quarter, bottom)
