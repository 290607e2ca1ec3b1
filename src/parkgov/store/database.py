"""Engine and sessions from ``PARKGOV_DATABASE_URL`` (default ``sqlite:///./parkgov.db``).

SQLite: pysqlite's own transaction handling is switched off (it opens a transaction only at
the first write, so reads saw no snapshot) and every transaction starts with an explicit
``BEGIN`` — ``BEGIN IMMEDIATE`` for a writing unit of work (:func:`begin_write`), which takes
the database write lock up front so that check-then-write runs one writer at a time.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from parkgov.store import ledger_counter  # noqa: F401  (every session bumps the parks it writes to)
from parkgov.store import text_guard  # noqa: F401  (no session writes text with a NUL character)

DEFAULT_DATABASE_URL = "sqlite:///./parkgov.db"
#: connections an engine's pool keeps open: a web worker's request threads and requests in flight (``web.app``)
POOL_SIZE = 16
#: connections opened beyond the pool at a peak, closed when returned
POOL_OVERFLOW = 4
#: execution option marking a connection whose transaction will write
WRITING = "parkgov_writing"


def database_url() -> str:
    """The configured database URL."""
    return os.environ.get("PARKGOV_DATABASE_URL") or DEFAULT_DATABASE_URL


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITING) else "BEGIN")


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on, WAL, a busy timeout and real transactions.

    A database file or server keeps :data:`POOL_SIZE` connections open, as many as a web worker runs
    request threads: under load each request reuses one instead of opening and closing its own.
    """
    url = url or database_url()
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if not is_sqlite or (parsed.database or ":memory:") != ":memory:":
        kwargs.setdefault("pool_size", POOL_SIZE)
        kwargs.setdefault("max_overflow", POOL_OVERFLOW)
    engine = create_engine(url, future=True, **kwargs)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for a single read statement: on a server database the statement commits by itself,
    sparing the BEGIN and ROLLBACK round trips; SQLite sessions are the usual ones."""
    if engine.dialect.name != "sqlite":
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    return make_session_factory(engine)


def begin_write(session: Session) -> None:
    """Start the session's unit of work as a writing transaction.

    A transaction already open (reads such as authentication) is committed first. On SQLite the
    new transaction begins with ``BEGIN IMMEDIATE``: concurrent writers queue on the busy timeout
    instead of reading a snapshot that another writer then invalidates. Elsewhere it is a plain
    transaction (PostgreSQL rows are locked where needed with ``SELECT … FOR UPDATE``).
    """
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={WRITING: True})


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One writing unit of work: commits on success, rolls back everything on any exception."""
    with factory() as session:
        with session.begin():
            session.connection(execution_options={WRITING: True})
            yield session
