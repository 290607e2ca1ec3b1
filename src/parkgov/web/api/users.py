"""API: who am I, users and tokens (administrators only for writes)."""
from __future__ import annotations

from fastapi import APIRouter, status

from parkgov.services import users
from parkgov.services.access import ROLE_LABELS
from parkgov.web.api.deps import ActorDep, SessionDep
from parkgov.web.api.schemas import UserCreate

router = APIRouter(tags=["用户"])


@router.get("/me", summary="当前用户")
def me(actor: ActorDep) -> dict:
    return {"user_id": actor.user_id, "name": actor.name, "role": actor.role.value,
            "role_label": ROLE_LABELS[actor.role], "park_id": actor.park_id, "unit_id": actor.unit_id}


@router.post("/users", status_code=status.HTTP_201_CREATED, summary="新增用户并签发令牌（令牌只显示这一次）")
def add_user(body: UserCreate, session: SessionDep, actor: ActorDep) -> dict:
    issued = users.add_user(session, actor, username=body.username, role=body.role, park=body.park, unit=body.unit,
                            display_name=body.display_name, password=body.password)
    return {"user_id": issued.user_id, "username": issued.username, "role": issued.role.value,
            "park_id": issued.park_id, "unit_id": issued.unit_id, "token": issued.token}


@router.post("/users/{username}/token", summary="重新签发令牌（旧令牌失效）")
def rotate_token(username: str, session: SessionDep, actor: ActorDep) -> dict:
    return {"username": username, "token": users.rotate_token(session, actor, username)}
