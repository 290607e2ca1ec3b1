"""A keep-alive connection serves at most a number of requests, then is closed (nginx's keepalive_requests).

Several workers share the listening socket, and a connection stays with the worker that accepted
it. Clients that hold their connections open (a proxy, a load generator, a busy browser) could
leave one worker with most of them while another idles; recycling each connection after
:data:`MAX_REQUESTS` requests lets the next one be accepted by whichever worker is free first.
"""
from __future__ import annotations

from collections import OrderedDict

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: requests served on one connection before it is closed (nginx closes after 1000, Apache after 100)
MAX_REQUESTS = 100
#: connections whose request counts are remembered (the oldest are forgotten first)
REMEMBERED = 4096


class KeepAliveLimit:
    """ASGI middleware answering the ``max_requests``-th request of a connection with ``Connection: close``."""

    def __init__(self, app: ASGIApp, max_requests: int = MAX_REQUESTS) -> None:
        self.app = app
        self.max_requests = max_requests
        self._served: OrderedDict[tuple, int] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] != "http" or not client:
            await self.app(scope, receive, send)
            return
        key = (tuple(client), tuple(scope.get("server") or ()))
        served = self._served.pop(key, 0) + 1
        if served < self.max_requests:
            self._served[key] = served
            while len(self._served) > REMEMBERED:
                self._served.popitem(last=False)
            await self.app(scope, receive, send)
            return

        async def send_closing(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["connection"] = "close"
            await send(message)

        await self.app(scope, receive, send_closing)
