"""Request dependencies: a database session per request and the authenticated actor."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from parkgov.services.access import Actor
from parkgov.services.users import authenticate

bearer = HTTPBearer(auto_error=False, description="每个用户签发的 API 令牌：Authorization: Bearer <令牌>")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; whatever a refused use case left uncommitted is rolled back.

    Opening a session does no I/O (it connects at its first query), so only closing it takes a
    worker-thread hop.
    """
    session = request.app.state.session_factory()
    try:
        yield session
    finally:
        await run_in_threadpool(session.close)


SessionDep = Annotated[Session, Depends(get_session)]


CredentialsDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def token_of(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    """The bearer token presented, if any."""
    return credentials.credentials if credentials else None


def get_actor(session: SessionDep, credentials: CredentialsDep) -> Actor:
    """The caller, from its bearer token; every API request goes through this (or ``services.park_read``)."""
    return authenticate(session, token_of(credentials))


ActorDep = Annotated[Actor, Depends(get_actor)]
