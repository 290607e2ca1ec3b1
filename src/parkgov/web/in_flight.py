"""At most as many requests in flight in a worker as it has request threads; the others wait their turn.

A request keeps its database connection between the worker-thread hops of its dependencies and its
endpoint. Were more requests in flight than threads, every thread could end up waiting for a
connection held by a request that is itself waiting for a thread: nothing would move until the
pool's timeout. With no more requests in flight than threads, a request holding a connection always
finds a thread to finish on. Waiting requests are let in first come, first served (anyio's limiter
lets no newcomer pass a waiting request).
"""
from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Receive, Scope, Send

#: paths served without the database
UNLIMITED_PREFIXES = ("/static/",)


class InFlightLimit:
    """ASGI middleware letting at most ``slots`` HTTP requests into the app at once."""

    def __init__(self, app: ASGIApp, slots: int) -> None:
        self.app = app
        self.slots = slots
        self._limiter: anyio.CapacityLimiter | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(UNLIMITED_PREFIXES):
            await self.app(scope, receive, send)
            return
        if self._limiter is None:  # created in the serving event loop
            self._limiter = anyio.CapacityLimiter(self.slots)
        async with self._limiter:
            await self.app(scope, receive, send)
