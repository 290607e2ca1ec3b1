"""Storage errors as domain errors with a Chinese message for the user."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm.exc import StaleDataError

from parkgov.domain.errors import DomainError


class StoreError(DomainError):
    """A storage failure the user can act on; ``str(err)`` is a Chinese message."""


class ConcurrentEditError(StoreError):
    """Someone else changed the row since it was read: reload and edit again."""

    def __init__(self, message: str = "该记录已被他人修改，请刷新后重新编辑") -> None:
        super().__init__(message)


@contextmanager
def conflicts_as_domain_errors() -> Iterator[None]:
    """Turn SQLAlchemy's ``StaleDataError`` (a stale edit) into ``ConcurrentEditError``."""
    try:
        yield
    except StaleDataError as exc:
        raise ConcurrentEditError() from exc
