"""Fixtures shared by every test: where the seed documents are."""
from __future__ import annotations

from pathlib import Path

import pytest
from seed_paths import SEEDS

pytest_plugins = ["database_fixtures"]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the seed documents are expected in {SEEDS}"
    return SEEDS

