"""Where the shared seed documents and gold annotations are, for tests to import."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "corpus" / "gold"


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with ``prefix`` (e.g. ``"004"``)."""
    return next(SEEDS.glob(f"{prefix}_*"))
