"""A keep-alive connection is closed after MAX_REQUESTS requests, so workers share long-lived clients."""
from __future__ import annotations

import httpx

from live_server import run_apart, serving
from parkgov.web.app import create_app
from parkgov.web.keep_alive import MAX_REQUESTS, KeepAliveLimit


def _headers_of(limited, client) -> dict:
    sent = {}

    async def send(message):
        if message["type"] == "http.response.start":
            sent.update({k.decode(): v.decode() for k, v in message["headers"]})

    run_apart(limited({"type": "http", "client": client, "server": ("127.0.0.1", 8000)}, None, send))
    return sent


def test_the_last_allowed_request_of_a_connection_is_answered_with_connection_close():
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})

    limited = KeepAliveLimit(app, max_requests=3)
    first = [_headers_of(limited, ("10.0.0.1", 5000)) for _ in range(2)]
    assert all("connection" not in h for h in first)
    assert "connection" not in _headers_of(limited, ("10.0.0.2", 5000))
    assert _headers_of(limited, ("10.0.0.1", 5000))["connection"] == "close"
    assert "connection" not in _headers_of(limited, ("10.0.0.1", 5000))


def test_a_client_keeping_its_connection_is_moved_to_a_new_one_and_served_on(db_url, ledger):
    token = {"Authorization": f"Bearer {ledger.tokens['coord']}"}
    with serving(create_app(db_url)) as base, httpx.Client(base_url=base, headers=token) as http:
        answers = [http.get("/api/v1/me") for _ in range(MAX_REQUESTS + 5)]
    assert [r.status_code for r in answers] == [200] * (MAX_REQUESTS + 5)
    closing = [i for i, r in enumerate(answers, start=1) if r.headers.get("connection") == "close"]
    assert closing == [MAX_REQUESTS]
