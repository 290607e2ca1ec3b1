"""Users and tokens: roles, scopes, hashed tokens, disabled accounts."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from parkgov.services.access import Actor, Role
from parkgov.services.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound
from parkgov.services.users import add_user, authenticate, hash_token, parse_role, rotate_token
from parkgov.store.models import User


def test_roles_by_code_chinese_name_and_store_alias():
    assert parse_role("调度员") is Role.coordinator and parse_role("supervisor") is Role.coordinator
    assert parse_role(" viewer ") is Role.viewer
    with pytest.raises(InvalidInput, match="未知的角色"):
        parse_role("boss")


def test_add_user_rules_and_token_lifecycle(session, ledger):
    system = Actor.system()
    with pytest.raises(InvalidInput, match="必须属于一个园区"):
        add_user(session, system, username="c1", role="coordinator")
    with pytest.raises(InvalidInput, match="单位"):
        add_user(session, system, username="r1", role="reporter", park=ledger.park_id)
    with pytest.raises(NotFound):
        add_user(session, system, username="r1", role="reporter", park=ledger.park_id, unit="不存在的局")
    with pytest.raises(Forbidden):
        add_user(session, authenticate(session, ledger.tokens["coord"]), username="r1", role="viewer")
    issued = add_user(session, system, username="r1", role="reporter", park=ledger.park_id, unit="商务局",
                      password="secret-123")
    with pytest.raises(Conflict):
        add_user(session, system, username="r1", role="viewer")
    stored = session.scalars(select(User).where(User.username == "r1")).one()
    assert stored.api_token_hash == hash_token(issued.token) and issued.token not in stored.password_hash
    actor = authenticate(session, issued.token)
    assert (actor.role, actor.unit_id) == (Role.reporter, ledger.units["商务局"])
    new = rotate_token(session, system, "r1")
    with pytest.raises(NotAuthenticated):
        authenticate(session, issued.token)
    stored.is_active = False
    session.commit()
    with pytest.raises(NotAuthenticated, match="停用"):
        authenticate(session, new)
    with pytest.raises(NotAuthenticated):
        authenticate(session, None)
