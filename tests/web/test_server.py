"""Worker processes: one on SQLite, several allowed on PostgreSQL."""
from __future__ import annotations

import socket

import pytest

from parkgov.services.errors import InvalidInput
from parkgov.web.server import MAX_DEFAULT_WORKERS, _TcpConfig, worker_count

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/parkgov"


def test_sqlite_is_served_by_one_process():
    assert worker_count("sqlite:///parkgov.db") == 1
    assert worker_count("sqlite:///parkgov.db", 1) == 1
    with pytest.raises(InvalidInput, match="PostgreSQL"):
        worker_count("sqlite:///parkgov.db", 2)


def test_postgresql_takes_the_workers_asked_for_or_one_per_core(monkeypatch):
    assert worker_count(PG, 6) == 6
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert worker_count(PG) == MAX_DEFAULT_WORKERS
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert worker_count(PG) == 2
    with pytest.raises(InvalidInput, match="至少"):
        worker_count(PG, 0)


def test_the_workers_socket_is_declared_tcp_so_nagle_is_turned_off():
    sock = _TcpConfig("parkgov.web.app:create_app", factory=True, host="127.0.0.1", port=0, workers=2).bind_socket()
    try:
        assert sock.proto == socket.IPPROTO_TCP and sock.type == socket.SOCK_STREAM
    finally:
        sock.close()


def test_a_started_worker_keeps_its_loaded_code_out_of_the_cycle_collector(db_url):
    import gc

    from fastapi.testclient import TestClient

    from parkgov.web.app import create_app

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    with TestClient(create_app(db_url)):
        assert gc.get_freeze_count() > 10_000
    gc.unfreeze()
