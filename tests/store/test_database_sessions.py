"""Engines and sessions: pooled connections on PostgreSQL, read sessions that hold no transaction open."""
from __future__ import annotations

from sqlalchemy import create_engine, select, text

from parkgov.store.database import POOL_SIZE, make_read_session_factory, make_session_factory
from parkgov.store.models import Park


def _backend_state(db_url: str, pid: int) -> str:
    """What PostgreSQL says the backend ``pid`` is doing, asked from another connection."""
    observer = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        with observer.connect() as conn:
            return conn.execute(text("SELECT state FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}).scalar_one()
    finally:
        observer.dispose()


def test_a_read_session_leaves_no_transaction_open_on_a_server(engine, db_url):
    park = Park(name="读会话园区")
    with make_session_factory(engine)() as s:
        s.add(park)
        s.commit()
    with make_read_session_factory(engine)() as quick:
        assert quick.execute(select(Park.name).where(Park.id == park.id)).scalar_one() == "读会话园区"
        if engine.dialect.name == "sqlite":
            assert quick.in_transaction()
            return
        pid = quick.execute(text("SELECT pg_backend_pid()")).scalar_one()
        assert _backend_state(db_url, pid) == "idle"
    with make_session_factory(engine)() as usual:
        pid = usual.execute(text("SELECT pg_backend_pid()")).scalar_one()
        assert _backend_state(db_url, pid) == "idle in transaction"


def test_the_pool_keeps_as_many_connections_as_request_threads(engine):
    assert engine.pool.size() == POOL_SIZE
