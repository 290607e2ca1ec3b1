"""The JSON API under ``/api/v1``: every route authenticates its caller and the services check permissions."""
from __future__ import annotations

from fastapi import APIRouter

from parkgov.web.api import dispatch, supervision, users, views
from parkgov.web.api.schemas import ApiError

API_PREFIX = "/api/v1"


def build_router() -> APIRouter:
    """All API routes under ``/api/v1``; every refusal (4xx) is documented as ``{"detail": "中文说明"}``."""
    router = APIRouter(prefix=API_PREFIX, responses={"4XX": {"model": ApiError, "description": "请求被拒绝"}})
    for module in (users, views, dispatch, supervision):
        router.include_router(module.router)
    return router
