"""Storage errors as domain errors with a Chinese message for the user."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from parkgov.domain.errors import DomainError


class StoreError(DomainError):
    """A storage failure the user can act on; ``str(err)`` is a Chinese message."""


class ConcurrentEditError(StoreError):
    """Someone else changed the row since it was read: reload and edit again."""

    def __init__(self, message: str = "该记录已被他人修改，请刷新后重新编辑") -> None:
        super().__init__(message)


def is_write_clash(exc: BaseException) -> bool:
    """SQLite refused a reading transaction's write: another writer holds the lock or committed since it read."""
    orig = getattr(exc, "orig", None)
    return isinstance(exc, OperationalError) and getattr(orig, "sqlite_errorname", None) in ("SQLITE_BUSY",
                                                                                            "SQLITE_BUSY_SNAPSHOT")


@contextmanager
def conflicts_as_domain_errors() -> Iterator[None]:
    """Turn a stale edit into ``ConcurrentEditError``: SQLAlchemy's ``StaleDataError`` (version
    check), or SQLite refusing a write of a transaction that read before another writer wrote."""
    try:
        yield
    except StaleDataError as exc:
        raise ConcurrentEditError() from exc
    except OperationalError as exc:
        if is_write_clash(exc):
            raise ConcurrentEditError() from exc
        raise
