"""Text with a NUL character is refused at flush on every backend, before any SQL is sent."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from parkgov.store.models import Park, User
from parkgov.store.text_guard import TextWithNul, holds_nul


def test_nul_is_found_in_text_lists_and_mappings():
    assert holds_nul("a\x00b") and holds_nul(["ok", "a\x00"]) and holds_nul({"k\x00": 1}) and holds_nul({"k": ["\x00"]})
    assert not holds_nul("青禾经开区") and not holds_nul(["a", 1, None]) and not holds_nul({"a": {"b": 2}})


def test_a_new_row_with_nul_in_text_is_refused_and_nothing_is_stored(session):
    session.add(Park(name="青禾\x00经开区"))
    with pytest.raises(TextWithNul, match="空字符"):
        session.commit()
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Park)) == 0


def test_a_changed_row_with_nul_in_a_json_column_is_refused(session):
    park = Park(name="青禾经开区")
    user = User(username="coord", roles=["coordinator"], password_hash="!")
    session.add_all([park, user])
    session.commit()
    user.roles = ["coordinator\x00"]
    with pytest.raises(TextWithNul):
        session.commit()
    session.rollback()
    assert session.scalars(select(User.roles)).one() == ["coordinator"]
