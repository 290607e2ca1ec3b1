"""Fixtures shared by every test: where the seed documents are."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["database_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "corpus" / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the seed documents are expected in {SEEDS}"
    return SEEDS


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with ``prefix`` (e.g. ``"004"``)."""
    return next(SEEDS.glob(f"{prefix}_*"))
