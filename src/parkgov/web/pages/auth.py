"""Pages: sign in (rate-limited), sign out, and the home redirect."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from parkgov.services import accounts, login_attempts
from parkgov.services.errors import NotAuthenticated
from parkgov.services.login_attempts import LOCKED_MESSAGE
from parkgov.web.api.deps import SessionDep
from parkgov.web.pages.rendering import templates
from parkgov.web.pages.security import csrf_token

router = APIRouter()


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/dashboard"


def _login_page(request: Request, message: str | None = None, username: str = "", status_code: int = 200,
                next_url: str | None = None):
    return templates.TemplateResponse(request, "login.html",
                                      {"message": message, "username": username, "csrf": csrf_token(request),
                                       "next": _safe_next(next_url or request.query_params.get("next"))},
                                      status_code=status_code)


@router.get("/", include_in_schema=False)
def home(request: Request):
    return RedirectResponse("/dashboard" if request.session.get("uid") else "/login", status_code=303)


@router.get("/login", include_in_schema=False)
def login_form(request: Request):
    return _login_page(request)


@router.post("/login", include_in_schema=False)
def login(request: Request, session: SessionDep, username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/dashboard"):
    address = request.client.host if request.client else ""
    if not login_attempts.begin(session, username, address):
        return _login_page(request, LOCKED_MESSAGE, username, 429, next)
    try:
        user = accounts.login(session, username, password)
    except NotAuthenticated as exc:
        session.rollback()
        message = LOCKED_MESSAGE if login_attempts.locked(session, username, address) else exc.message
        return _login_page(request, message, username, 401, next)
    login_attempts.clear(session, username, address)
    request.session.clear()
    request.session["uid"] = user.actor.user_id
    request.session["stamp"] = user.stamp
    csrf_token(request)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
