"""Page sign-in: check a password (argon2), reload the signed-in user, list the parks a user may see."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.services.access import ROLE_LABELS, Actor, Role
from parkgov.services.errors import NotAuthenticated
from parkgov.services.lookup import comparable
from parkgov.services.users import actor_of
from parkgov.store.database import begin_write
from parkgov.store.models import Park, Unit, User

#: demo parks carry monthly progress 2025-01…2025-10 and are seen as of this day by default
DEMO_AS_OF = date(2025, 10, 31)
_BAD_LOGIN = "用户名或密码错误"
_HASHER = PasswordHasher()


@dataclass(frozen=True)
class SignedIn:
    """The acting user of a page request, with the names the pages show.

    ``stamp`` changes when the user's password does: a session carrying an older stamp has ended.
    """

    actor: Actor
    username: str
    role_label: str
    park_name: str | None
    unit_name: str | None
    stamp: str


def _stamp(user: User) -> str:
    return hashlib.sha256(f"{user.id}:{user.password_hash}".encode()).hexdigest()[:24]


def _signed_in(session: Session, user: User) -> SignedIn:
    actor = actor_of(user)
    park = session.get(Park, user.park_id) if user.park_id else None
    unit = session.get(Unit, user.unit_id) if user.unit_id else None
    return SignedIn(actor, user.username, ROLE_LABELS[actor.role], park.name if park else None,
                    unit.name if unit else None, _stamp(user))


def login(session: Session, username: str, password: str, now: datetime | None = None) -> SignedIn:
    """The user with this name and password; NotAuthenticated (one message for every failure) otherwise."""
    begin_write(session)
    name = (username or "").strip()
    user = session.scalars(select(User).where(User.username == name)).first() if comparable(name) else None
    if user is None or not user.is_active or not password:
        raise NotAuthenticated(_BAD_LOGIN)
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise NotAuthenticated(_BAD_LOGIN) from None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    user.last_login_at = now or datetime.now(timezone.utc)
    session.commit()
    return _signed_in(session, user)


def signed_in(session: Session, user_id: int, stamp: str | None) -> SignedIn:
    """The user of a page session; NotAuthenticated when it was removed, disabled or its password changed since."""
    user = session.get(User, user_id)
    if user is None or not user.is_active or stamp != _stamp(user):
        raise NotAuthenticated("登录已失效，请重新登录")
    return _signed_in(session, user)


def visible_parks(session: Session, actor: Actor) -> list[dict]:
    """The parks the actor may look at: every park for admins and viewers, else their own."""
    query = select(Park).order_by(Park.id)
    if actor.role not in (Role.admin, Role.viewer):
        query = query.where(Park.id == actor.park_id)
    return [{"id": p.id, "name": p.name, "short_name": p.short_name, "is_demo": p.is_demo}
            for p in session.scalars(query)]


def default_as_of(park: dict | None, today: date | None = None) -> date:
    """The as-of date a status view starts at: today, or the demo day for demo parks."""
    if park is not None and park.get("is_demo"):
        return DEMO_AS_OF
    return today or date.today()
