"""Engine and sessions from ``PARKGOV_DATABASE_URL`` (default ``sqlite:///./parkgov.db``)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATABASE_URL = "sqlite:///./parkgov.db"


def database_url() -> str:
    """The configured database URL."""
    return os.environ.get("PARKGOV_DATABASE_URL") or DEFAULT_DATABASE_URL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on, WAL and a busy timeout."""
    url = url or database_url()
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    engine = create_engine(url, future=True, **kwargs)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back everything on any exception."""
    with factory() as session:
        with session.begin():
            yield session
