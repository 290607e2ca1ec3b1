"""What every page knows: the signed-in user, the park being looked at, the as-of date, the CSRF token."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from parkgov.services import accounts
from parkgov.services.access import Role
from parkgov.services.errors import InvalidInput, NotAuthenticated
from parkgov.web.api.deps import SessionDep
from parkgov.web.pages.rendering import query, templates
from parkgov.web.pages.security import LoginRequired, csrf_token

NAV = (  # (path, label, roles that see it; None = everyone)
    ("/dashboard", "园区概览", None),
    ("/indicators", "指标台账", None),
    ("/tasks", "任务台账", None),
    ("/projects", "项目台账", None),
    ("/round", "本单位填报", (Role.reporter, Role.coordinator, Role.admin)),
    ("/supervision", "督查督办", None),
    ("/rankings", "排名通报", None),
    ("/import", "导入文件", (Role.coordinator, Role.admin)),
    ("/admin", "系统管理", (Role.admin, Role.coordinator)),
)


@dataclass
class Page:
    """The request's page context."""

    request: Request
    session: Session
    user: accounts.SignedIn
    parks: list[dict]
    park: dict | None
    as_of: date
    csrf: str
    params: dict = field(default_factory=dict)

    @property
    def actor(self):
        return self.user.actor

    @property
    def park_id(self) -> int:
        if self.park is None:
            raise InvalidInput("当前账号没有可查看的园区，请联系管理员")
        return self.park["id"]

    @property
    def role(self) -> str:
        return self.user.actor.role.value

    def url(self, path: str, **params) -> str:
        """A page link that keeps the as-of date the user chose."""
        merged = {"as_of": self.params.get("as_of"), **params}
        return path + query({}, **merged)

    def nav(self) -> list[tuple[str, str, bool]]:
        path = self.request.url.path
        return [(self.url(href), label, path.startswith(href)) for href, label, roles in NAV
                if roles is None or self.user.actor.role in roles]

    def render(self, template: str, status_code: int = 200, **data):
        return templates.TemplateResponse(self.request, template, {"page": self, **data}, status_code=status_code)


def _as_of(text: str | None, fallback: date) -> date:
    if not text:
        return fallback
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"截至日期格式不正确：{text}（应如 2025-10-31）") from None


def get_user(request: Request, session: SessionDep) -> accounts.SignedIn:
    user_id = request.session.get("uid")
    if not user_id:
        raise LoginRequired()
    try:
        return accounts.signed_in(session, int(user_id), request.session.get("stamp"))
    except NotAuthenticated:
        request.session.clear()
        raise LoginRequired() from None


def get_page(request: Request, session: SessionDep,
             user: Annotated[accounts.SignedIn, Depends(get_user)]) -> Page:
    parks = accounts.visible_parks(session, user.actor)
    wanted = request.query_params.get("park") or request.session.get("park")
    park = next((p for p in parks if str(p["id"]) == str(wanted)), None) or (parks[0] if parks else None)
    if park is not None and request.query_params.get("park"):
        request.session["park"] = park["id"]
    as_of = _as_of(request.query_params.get("as_of"), accounts.default_as_of(park))
    params = {"as_of": request.query_params.get("as_of") or None}
    return Page(request, session, user, parks, park, as_of, csrf_token(request), params)


PageDep = Annotated[Page, Depends(get_page)]
