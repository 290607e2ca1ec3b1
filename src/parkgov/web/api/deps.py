"""Request dependencies: a database session per request and the authenticated actor."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from parkgov.services.access import Actor
from parkgov.services.users import authenticate

bearer = HTTPBearer(auto_error=False, description="每个用户签发的 API 令牌：Authorization: Bearer <令牌>")


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; whatever a refused use case left uncommitted is rolled back."""
    with request.app.state.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_actor(session: SessionDep,
              credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Actor:
    """The caller, from its bearer token; every API request goes through this."""
    return authenticate(session, credentials.credentials if credentials else None)


ActorDep = Annotated[Actor, Depends(get_actor)]
