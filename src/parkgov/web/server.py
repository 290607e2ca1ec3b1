"""Serve the app under uvicorn: one process, or several worker processes on PostgreSQL.

Workers share nothing but the database: each keeps its own caches, which check the park's ledger
version in the database on every request (a write in one worker invalidates the others' views).
SQLite allows one writer at a time and lives in one office PC: it is served by one process.
"""
from __future__ import annotations

import os
import socket

import uvicorn
from sqlalchemy.engine import make_url
from uvicorn.supervisors import Multiprocess

from parkgov.services.errors import InvalidInput
from parkgov.store.database import database_url

#: the most workers chosen by default on PostgreSQL (more may be asked for)
MAX_DEFAULT_WORKERS = 4


def worker_count(url: str, requested: int | None = None) -> int:
    """How many worker processes serve ``url``: 1 on SQLite, else ``requested`` or one per core (at most 4)."""
    sqlite = make_url(url).get_backend_name() == "sqlite"
    if requested is None:
        return 1 if sqlite else max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))
    if requested < 1:
        raise InvalidInput("工作进程数至少为1")
    if sqlite and requested > 1:
        raise InvalidInput("SQLite 数据库只能由1个工作进程服务；多个工作进程请使用 PostgreSQL（设置 PARKGOV_DATABASE_URL）")
    return requested


def serve(host: str, port: int, workers: int | None = None, url: str | None = None, quiet: bool = False) -> None:
    """Run the app until interrupted; several workers each build the app from ``PARKGOV_DATABASE_URL``.

    ``quiet``: warnings only, no access log (benchmarks).
    """
    from parkgov.web.app import create_app

    url = url or database_url()
    count = worker_count(url, workers)
    logging = {"log_level": "warning", "access_log": False} if quiet else {}
    if count == 1:
        uvicorn.run(create_app(url), host=host, port=port, **logging)
        return
    os.environ["PARKGOV_DATABASE_URL"] = url
    config = _TcpConfig("parkgov.web.app:create_app", factory=True, host=host, port=port, workers=count, **logging)
    Multiprocess(config, sockets=[config.bind_socket()]).run()


class _TcpConfig(uvicorn.Config):
    """uvicorn's config whose listening socket says it is TCP.

    uvicorn binds the workers' shared socket with protocol 0; asyncio then leaves Nagle's
    algorithm on for every accepted connection, and each response written in two parts waits for
    the client's delayed ACK (about 40 ms). Declaring the protocol turns Nagle off again.
    """

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return sock
        return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
