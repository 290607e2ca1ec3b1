"""API tests: a fictional park ledger on every backend, and a TestClient on the app."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from monthly_ledger import Ledger, build_ledger
from parkgov.web.app import create_app


@pytest.fixture
def ledger(session_factory) -> Ledger:
    return build_ledger(session_factory)


@pytest.fixture
def client(db_url) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as c:
        yield c


@pytest.fixture
def auth(ledger):
    """``auth("coord")`` → the Authorization header of that test user."""
    return lambda who: {"Authorization": f"Bearer {ledger.tokens[who]}"}
