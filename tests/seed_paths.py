"""Where the shared seed documents and gold annotations are, for tests to import."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "corpus" / "gold"


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with ``prefix`` (e.g. ``"004"``)."""
    return next(SEEDS.glob(f"{prefix}_*"))


def gold(prefix: str) -> dict:
    """The gold annotation of the seed whose file name starts with ``prefix``."""
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))
