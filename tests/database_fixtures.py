"""Database fixtures: every storage test runs on SQLite and on PostgreSQL, migrated with Alembic.

``db_url`` is parametrized ``sqlite`` (a temp file copied from a migrated template) and
``postgresql`` (one fresh database per test session on ``PARKGOV_TEST_PG_URL``, emptied after
each test and dropped at the end). An unreachable PostgreSQL fails the tests; it never skips them.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from parkgov.store.database import make_engine, make_session_factory
from parkgov.store.migrate import upgrade_to_head
from parkgov.store.models import Base

DEFAULT_TEST_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = ("sqlite", "postgresql")


def _pg_admin_engine(server_url: str) -> Engine:
    return create_engine(server_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade_to_head(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def _pg_database_url() -> Iterator[str]:
    server_url = os.environ.get("PARKGOV_TEST_PG_URL") or DEFAULT_TEST_PG_URL
    name = f"parkgov_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine(server_url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # any connection failure must fail loudly, not skip
        admin.dispose()
        pytest.fail(f"PostgreSQL is not reachable at {server_url} ({type(exc).__name__}: {exc}). "
                    "Start one (scripts/test.sh does) or set PARKGOV_TEST_PG_URL.", pytrace=False)
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade_to_head(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _empty_pg(url: str) -> None:
    engine = create_engine(url)
    try:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database migrated to head, once per backend."""
    if request.param == "sqlite":
        path = tmp_path / "parkgov.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("_pg_database_url")
        try:
            yield url
        finally:
            _empty_pg(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on the test database."""
    eng = make_engine(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Session factory on the test database (``expire_on_commit=False``)."""
    return make_session_factory(engine)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session on the test database; closed (uncommitted work rolled back) at the end."""
    with session_factory() as s:
        yield s
