"""API: dispatch rounds and progress reports (drafts, submissions, co-units' notes, history)."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, status

from parkgov.services import progress, rounds
from parkgov.services.progress import ProgressInput
from parkgov.web.api.deps import ActorDep, SessionDep
from parkgov.web.api.schemas import NoteBody, PathId, ProgressBody, RoundOpen

router = APIRouter(tags=["调度"])


@router.get("/parks/{park}/rounds", summary="园区的调度轮次")
def list_rounds(park: str, session: SessionDep, actor: ActorDep) -> list[dict]:
    return rounds.list_rounds(session, actor, park)


@router.post("/parks/{park}/rounds", status_code=status.HTTP_201_CREATED, summary="开启月度调度")
def open_round(park: str, body: RoundOpen, session: SessionDep, actor: ActorDep) -> dict:
    return rounds.open_round(session, actor, park, body.period, body.deadline)


@router.get("/parks/{park}/rounds/{period}", summary="调度轮次及各单位报送情况（按时/逾期/未报）")
def round_compliance(park: str, period: str, session: SessionDep, actor: ActorDep) -> dict:
    return rounds.round_compliance(session, actor, park, period)


@router.post("/parks/{park}/rounds/{period}/close", summary="结束调度轮次")
def close_round(park: str, period: str, session: SessionDep, actor: ActorDep) -> dict:
    return rounds.close_round(session, actor, park, period)


def _input(period: str, body: ProgressBody) -> ProgressInput:
    return ProgressInput(kind=body.kind, item_id=body.item_id, period=period, state=body.state,
                         narrative=body.narrative, value=body.value, value_unit=body.value_unit, yoy_pct=body.yoy_pct,
                         target_values=dict(body.target_values), investment=body.investment,
                         investment_unit=body.investment_unit, milestones=dict(body.milestones),
                         unit_id=body.unit_id, base_revision=body.base_revision)


@router.post("/parks/{park}/rounds/{period}/reports", status_code=status.HTTP_201_CREATED,
             summary="提交进度（新版本；base_revision 过期返回 409）")
def submit_report(park: str, period: str, body: ProgressBody, session: SessionDep, actor: ActorDep) -> dict:
    return progress.submit(session, actor, park, _input(period, body))


@router.post("/parks/{park}/rounds/{period}/notes", status_code=status.HTTP_201_CREATED,
             summary="配合单位提交配合情况说明（不计入任务进度）")
def add_note(park: str, period: str, body: NoteBody, session: SessionDep, actor: ActorDep) -> dict:
    return progress.add_note(session, actor, park, body.task_id, period, body.narrative, body.unit_id)


@router.put("/parks/{park}/rounds/{period}/drafts", summary="保存草稿（不计入报送）")
def save_draft(park: str, period: str, body: ProgressBody, session: SessionDep, actor: ActorDep) -> dict:
    return progress.save_draft(session, actor, park, _input(period, body))


@router.get("/parks/{park}/items/{kind}/{item_id}/history", summary="事项的全部进度版本")
def item_history(park: str, kind: Literal["task", "indicator", "project"], item_id: PathId, session: SessionDep,
                 actor: ActorDep) -> dict:
    return progress.history(session, actor, park, kind, item_id)
