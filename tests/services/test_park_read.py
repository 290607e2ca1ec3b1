"""A token's read of a park in one query: the same answers and refusals as authenticate + lookup.park."""
from __future__ import annotations

import pytest
from sqlalchemy import event, select

from monthly_ledger import build_ledger
from parkgov.services import lookup
from parkgov.services.access import Actor, Role
from parkgov.services.errors import NotAuthenticated, NotFound
from parkgov.services.park_read import open_park_read
from parkgov.services.rounds import open_round
from parkgov.services.users import authenticate
from parkgov.store.models import Park, User


def _queries(session) -> list[str]:
    seen: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_one_query_gives_the_actor_the_park_and_its_version(session, ledger):
    seen = _queries(session)
    read = open_park_read(session, ledger.tokens["rep_商务局"], str(ledger.park_id))
    assert len([q for q in seen if q.lstrip().upper().startswith("SELECT")]) == 1
    assert read.actor == authenticate(session, ledger.tokens["rep_商务局"])
    assert (read.actor.role, read.actor.unit_id) == (Role.reporter, ledger.units["商务局"])
    park = lookup.park(session, ledger.park_id)
    assert (read.park_id, read.park_name, read.created_at, read.is_demo, read.ledger_version) == (
        park.id, park.name, park.created_at, park.is_demo, park.ledger_version)


def test_a_write_to_the_park_shows_as_a_new_version(session, ledger):
    before = open_park_read(session, ledger.tokens["coord"], ledger.park_id).ledger_version
    session.rollback()
    open_round(session, Actor.system(), ledger.park_id, "2025-06")
    after = open_park_read(session, ledger.tokens["coord"], ledger.park_id).ledger_version
    assert after > before


def test_parks_are_found_as_lookup_finds_them(session, session_factory, ledger):
    other = build_ledger(session_factory, park_name="七里湾高新区", users=False)
    park = session.get(Park, other.park_id)
    park.short_name = str(ledger.park_id)  # a short name that is also another park's id: the id wins
    session.commit()
    token = ledger.tokens["admin"]
    assert open_park_read(session, token, "七里湾高新区").park_id == other.park_id
    assert open_park_read(session, token, f" {ledger.park_id} ").park_id == ledger.park_id
    assert lookup.park(session, str(ledger.park_id)).id == ledger.park_id
    park.short_name = "七里湾"
    session.commit()
    assert open_park_read(session, token, "七里湾").park_id == other.park_id


@pytest.mark.parametrize("ref", ["不存在的园区", "999999", "99999999999999999999", "", "青\x00禾"])
def test_an_unknown_park_is_not_found_and_a_huge_id_is_no_database_error(session, ledger, ref):
    with pytest.raises(NotFound, match="找不到园区"):
        open_park_read(session, ledger.tokens["admin"], ref)
    with pytest.raises(NotFound, match="找不到园区"):
        lookup.park(session, ref)


def test_a_bad_token_is_refused_before_the_park_is_looked_at(session, ledger):
    with pytest.raises(NotAuthenticated, match="未登录"):
        open_park_read(session, None, ledger.park_id)
    with pytest.raises(NotAuthenticated, match="未登录"):
        open_park_read(session, "   ", "不存在的园区")
    with pytest.raises(NotAuthenticated, match="令牌无效"):
        open_park_read(session, "pgv_forged", "不存在的园区")
    user = session.scalars(select(User).where(User.username.endswith("-coord"))).one()
    user.is_active = False
    session.commit()
    with pytest.raises(NotAuthenticated, match="停用"):
        open_park_read(session, ledger.tokens["coord"], ledger.park_id)
    user.is_active, user.roles = True, []
    session.commit()
    with pytest.raises(NotAuthenticated, match="没有任何角色"):
        open_park_read(session, ledger.tokens["coord"], ledger.park_id)
