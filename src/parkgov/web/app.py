"""The application factory: one FastAPI app, the JSON API mounted; pages are added by ``create_app`` extensions."""
from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from parkgov.store.database import POOL_SIZE, make_engine, make_read_session_factory, make_session_factory
from parkgov.web.api import build_router
from parkgov.web.api.errors import install_error_handlers
from parkgov.web.in_flight import InFlightLimit
from parkgov.web.keep_alive import KeepAliveLimit
from parkgov.web.pages import install_pages


def create_app(database_url: str | None = None) -> FastAPI:
    """The parkgov web app on ``database_url`` (default ``PARKGOV_DATABASE_URL`` or ``./parkgov.db``).

    ``app.state.engine`` and ``app.state.session_factory`` are there for every router; add page
    routers with ``app.include_router(...)``.
    """
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # as many request threads as pooled connections: a thread never waits for one, none is opened per request
        to_thread.current_default_thread_limiter().total_tokens = POOL_SIZE
        # the loaded code and the app live as long as the worker: kept out of the cycle collector's scans,
        # whose full passes otherwise stall every request of the worker as its caches fill
        gc.collect()
        gc.freeze()
        yield
        app.state.engine.dispose()

    app = FastAPI(title="parkgov 开发区调度督办平台", version="0.1.0",
                  description="开发区计划、月度调度、督查督办、排名与报告的 JSON 接口。所有接口需携带 "
                              "Authorization: Bearer <令牌>。",
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.engine = make_engine(database_url)
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.read_session_factory = make_read_session_factory(app.state.engine)
    install_error_handlers(app)
    app.include_router(build_router())
    install_pages(app)
    app.add_middleware(InFlightLimit, slots=POOL_SIZE)
    app.add_middleware(KeepAliveLimit)

    return app
