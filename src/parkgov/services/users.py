"""Users and their API tokens: add a user (the token is shown once), rotate a token, authenticate."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parkgov.services import lookup
from parkgov.services.access import ROLE_LABELS, Actor, Role, require_admin
from parkgov.services.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from parkgov.store.database import begin_write
from parkgov.store.models import User

TOKEN_PREFIX = "pgv_"
#: the store's older name for the coordinator role
_ROLE_ALIASES = {"supervisor": Role.coordinator}
#: most powerful first: a user holding several roles acts with the first one found
_PRECEDENCE = (Role.admin, Role.coordinator, Role.leader, Role.reporter, Role.viewer)
_UNUSABLE_PASSWORD = "!"


@dataclass(frozen=True)
class IssuedUser:
    """A created user and the token to hand over (never stored in clear)."""

    user_id: int
    username: str
    role: Role
    park_id: int | None
    unit_id: int | None
    token: str


def hash_token(token: str) -> str:
    """Tokens are long random secrets: a SHA-256 digest is enough to store and look them up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def parse_role(text: str) -> Role:
    """A role from its code (``coordinator``) or its Chinese name (``调度员``)."""
    cleaned = (text or "").strip()
    for role, label in ROLE_LABELS.items():
        if cleaned in (role.value, label):
            return role
    if cleaned in _ROLE_ALIASES:
        return _ROLE_ALIASES[cleaned]
    choices = "、".join(f"{r.value}（{label}）" for r, label in ROLE_LABELS.items())
    raise InvalidInput(f"未知的角色：{cleaned}，可选：{choices}")


def actor_of(user: User) -> Actor:
    """The acting identity of a stored user (or of a row with the same columns)."""
    roles = set()
    for code in user.roles or []:
        try:
            roles.add(parse_role(code))
        except InvalidInput:
            continue
    role = next((r for r in _PRECEDENCE if r in roles), None)
    if role is None:
        raise NotAuthenticated("该账号没有任何角色，请联系管理员")
    return Actor(user_id=user.id, name=user.display_name or user.username, role=role,
                 park_id=user.park_id, unit_id=user.unit_id)


def add_user(session: Session, actor: Actor, *, username: str, role: str, park: str | int | None = None,
             unit: str | int | None = None, display_name: str | None = None,
             password: str | None = None) -> IssuedUser:
    """Create a user with one role and issue its API token."""
    begin_write(session)
    require_admin(actor)
    username = (username or "").strip()
    if not username or len(username) > 100:
        raise InvalidInput("用户名不能为空，且不超过100个字符")
    if not (lookup.comparable(username) and lookup.comparable(display_name or "")):
        raise InvalidInput("用户名和显示名不能包含空字符（\\0）")
    the_role = parse_role(role)
    park_row = lookup.park(session, park) if park not in (None, "") else None
    unit_row = lookup.unit(session, park_row.id, unit) if (unit not in (None, "") and park_row) else None
    if unit not in (None, "") and park_row is None:
        raise InvalidInput("指定单位时必须同时指定园区")
    if the_role in (Role.coordinator, Role.leader, Role.reporter) and park_row is None:
        raise InvalidInput(f"{ROLE_LABELS[the_role]}必须属于一个园区，请指定园区")
    if the_role is Role.reporter and unit_row is None:
        raise InvalidInput("部门填报员必须属于一个单位，请指定单位")
    if session.scalars(select(User.id).where(User.username == username)).first() is not None:
        raise Conflict(f"用户名已存在：{username}")
    token = _new_token()
    user = User(username=username, display_name=display_name or username,
                password_hash=PasswordHasher().hash(password) if password else _UNUSABLE_PASSWORD,
                park_id=park_row.id if park_row else None, unit_id=unit_row.id if unit_row else None,
                roles=[the_role.value], api_token_hash=hash_token(token))
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise Conflict(f"用户名已存在：{username}") from None
    return IssuedUser(user.id, user.username, the_role, user.park_id, user.unit_id, token)


def rotate_token(session: Session, actor: Actor, username: str) -> str:
    """Issue a new token for ``username``; the old one stops working."""
    begin_write(session)
    require_admin(actor)
    user = None
    if lookup.comparable(username):
        user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"找不到用户：{username}")
    token = _new_token()
    user.api_token_hash = hash_token(token)
    session.commit()
    return token


def require_token(token: str | None) -> str:
    """The presented token, stripped; NotAuthenticated when there is none."""
    if not token or not token.strip():
        raise NotAuthenticated("未登录：请在请求头中提供 Authorization: Bearer <令牌>")
    return token.strip()


def unusable_token() -> NotAuthenticated:
    """The refusal of an unknown or disabled token."""
    return NotAuthenticated("令牌无效或已停用，请联系管理员重新签发")


def authenticate(session: Session, token: str | None) -> Actor:
    """The actor holding ``token``; NotAuthenticated for a missing, unknown or disabled token."""
    user = session.scalars(select(User).where(User.api_token_hash == hash_token(require_token(token)))).first()
    if user is None or not user.is_active:
        raise unusable_token()
    return actor_of(user)
