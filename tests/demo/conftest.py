"""Fixtures of the demo tests: the five demo parks and their documents written to disk."""
from __future__ import annotations

from pathlib import Path

import pytest

from parkgov.demo.generator import DemoPark, generate_park
from parkgov.demo.names import DEMO_PARKS
from parkgov.demo.render import write_documents


@pytest.fixture(scope="session")
def demo_parks() -> list[DemoPark]:
    return [generate_park(p) for p in DEMO_PARKS]


@pytest.fixture(scope="session")
def demo_folder(demo_parks, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-docs")
    for park in demo_parks:
        write_documents(park.documents, folder)
    return folder
