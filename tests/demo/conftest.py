"""Fixtures of the demo tests: the five demo parks and their documents written to disk."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from parkgov.demo.generator import DemoPark, generate_park
from parkgov.demo.names import DEMO_PARKS, random_profile
from parkgov.demo.render import write_documents


@pytest.fixture(scope="session")
def demo_parks() -> list[DemoPark]:
    return [generate_park(p) for p in DEMO_PARKS]


@pytest.fixture(scope="session")
def variety_parks() -> list[DemoPark]:
    """Five further parks whose table layouts and target tables are drawn at random."""
    rng = random.Random(7)
    return [generate_park(random_profile(rng, i)) for i in range(5)]


@pytest.fixture(scope="session")
def demo_folder(demo_parks, variety_parks, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-docs")
    for park in demo_parks + variety_parks:
        write_documents(park.documents, folder)
    return folder
