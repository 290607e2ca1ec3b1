"""Page: administration — users (admins), units, leaders, aliases, light thresholds, ranking weights, deadlines."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from parkgov.services import park_admin, users
from parkgov.services.access import ROLE_LABELS
from parkgov.web.pages.context import PageDep
from parkgov.web.api.schemas import PathId

router = APIRouter()
_SETTINGS = ("green_gap_pct", "yellow_gap_pct", "growth_yellow_gap_pct", "timeliness", "green", "supervision",
             "dispatch_deadline_day")


def _back(page, message: str, anchor: str = ""):
    return RedirectResponse(page.url("/admin", saved=message) + anchor, status_code=303)


@router.get("/admin")
def admin_page(page: PageDep):
    data = park_admin.overview(page.session, page.actor, page.park_id)
    return page.render("admin.html", data=data, roles=list(ROLE_LABELS.items()),
                       saved=page.request.query_params.get("saved"))


@router.post("/admin/users")
def add_user(page: PageDep, username: Annotated[str, Form()] = "", display_name: Annotated[str, Form()] = "",
             role: Annotated[str, Form()] = "", unit: Annotated[str, Form()] = "",
             password: Annotated[str, Form()] = ""):
    park_admin._password_hash(password)
    park = page.park_id if role not in ("admin", "viewer") else None
    users.add_user(page.session, page.actor, username=username, role=role, park=park, unit=unit or None,
                   display_name=display_name or None, password=password)
    return _back(page, f"已新增用户：{username}", "#users")


@router.post("/admin/users/{user_id}/password")
def set_password(user_id: PathId, page: PageDep, password: Annotated[str, Form()] = ""):
    park_admin.set_password(page.session, page.actor, user_id, password)
    return _back(page, "密码已重置", "#users")


@router.post("/admin/users/{user_id}/active")
def set_active(user_id: PathId, page: PageDep, active: Annotated[str, Form()] = "0"):
    park_admin.set_active(page.session, page.actor, user_id, active == "1")
    return _back(page, "已启用账号" if active == "1" else "已停用账号", "#users")


@router.post("/admin/units")
def add_unit(page: PageDep, name: Annotated[str, Form()] = ""):
    park_admin.add_unit(page.session, page.actor, page.park_id, name)
    return _back(page, f"已新增单位：{name.strip()}", "#units")


@router.post("/admin/units/{unit_id}/aliases")
def add_unit_alias(unit_id: PathId, page: PageDep, alias: Annotated[str, Form()] = ""):
    park_admin.add_unit_alias(page.session, page.actor, page.park_id, unit_id, alias)
    return _back(page, f"已添加别名：{alias.strip()}", "#units")


@router.post("/admin/people")
def add_person(page: PageDep, name: Annotated[str, Form()] = "", title: Annotated[str, Form()] = ""):
    park_admin.add_person(page.session, page.actor, page.park_id, name, title)
    return _back(page, f"已新增领导：{name.strip()}", "#people")


@router.post("/admin/people/{person_id}/aliases")
def add_person_alias(person_id: PathId, page: PageDep, alias: Annotated[str, Form()] = ""):
    park_admin.add_person_alias(page.session, page.actor, page.park_id, person_id, alias)
    return _back(page, f"已添加别名：{alias.strip()}", "#people")


@router.post("/admin/settings")
async def settings(page: PageDep):
    form = await page.request.form()
    park_admin.update_settings(page.session, page.actor, page.park_id,
                               {k: str(form.get(k) or "") for k in _SETTINGS})
    return _back(page, "设置已保存", "#settings")
