"""Requests in flight are held to the worker's request threads: many clients never jam the connection pool."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from live_server import run_apart, serving
from parkgov.store.database import POOL_SIZE
from parkgov.web.app import create_app
from parkgov.web.in_flight import InFlightLimit


def test_no_more_requests_than_slots_are_let_in_and_the_rest_wait_their_turn():
    inside, peak, order = [0], [0], []

    async def app(scope, receive, send):
        inside[0] += 1
        peak[0] = max(peak[0], inside[0])
        order.append(scope["path"])
        await asyncio.sleep(0.01)
        inside[0] -= 1

    limited = InFlightLimit(app, slots=3)

    async def main():
        await asyncio.gather(*(limited({"type": "http", "path": f"/r{i}"}, None, None) for i in range(20)))
        assert peak[0] == 3
        peak[0] = 0
        await asyncio.gather(*(limited({"type": "http", "path": "/static/app.css"}, None, None) for _ in range(10)))
        assert peak[0] == 10

    run_apart(main())
    assert order[:20] == [f"/r{i}" for i in range(20)]


@pytest.fixture
def served(db_url):
    with serving(create_app(db_url)) as base:
        yield base


def test_four_times_more_clients_than_threads_all_get_answers(served, ledger):
    token = {"Authorization": f"Bearer {ledger.tokens['coord']}"}
    paths = ["/api/v1/me", f"/api/v1/parks/{ledger.park_id}/dashboard?as_of=2025-07-10",
             f"/api/v1/parks/{ledger.park_id}/orders"]

    def client(i: int) -> list[int]:
        with httpx.Client(base_url=served, headers=token, timeout=60) as http:
            return [http.get(paths[(i + k) % len(paths)]).status_code for k in range(6)]

    with ThreadPoolExecutor(max_workers=4 * POOL_SIZE) as pool:
        codes = [code for codes in pool.map(client, range(4 * POOL_SIZE)) for code in codes]
    assert codes == [200] * (4 * POOL_SIZE * 6)
