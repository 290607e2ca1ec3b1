"""No text with a NUL character reaches the database, whatever path wrote it.

PostgreSQL's text and JSON types cannot hold U+0000 and refuse the whole statement; SQLite would
store it. A flush refuses such text on both, with one Chinese message, before any SQL is sent, so
a form field, an imported file or a CLI argument carrying one changes nothing.
"""
from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from parkgov.store.errors import StoreError


class TextWithNul(StoreError):
    """A value to store holds a NUL character."""

    def __init__(self) -> None:
        super().__init__("内容中含有空字符（\\0），无法保存，请删除后重试")


def holds_nul(value: object) -> bool:
    """Whether ``value`` (text, or a list or mapping of them) holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple)):
        return any(holds_nul(v) for v in value)
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    return False


@event.listens_for(Session, "before_flush")
def _refuse_nul(session: Session, _context, _instances) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        if any(holds_nul(state.dict.get(attr.key)) for attr in state.mapper.column_attrs):
            raise TextWithNul()
