"""Service tests: a fictional park ledger on every backend."""
from __future__ import annotations

import pytest

from monthly_ledger import Ledger, build_ledger


@pytest.fixture
def ledger(session_factory) -> Ledger:
    return build_ledger(session_factory)
