"""The ``parkgov`` command line bound to a test database holding the fictional test ledger."""
from __future__ import annotations

from collections.abc import Callable

from typer.testing import CliRunner, Result

from monthly_ledger import build_ledger
from parkgov.cli import app

PARK = "白沙洲经开区"


def ledger_cli(db_url: str, session_factory, monkeypatch, park: str = PARK) -> Callable[..., Result]:
    """Build the ledger for ``park`` (no users) and return ``run(*args)`` invoking the CLI on that database."""
    build_ledger(session_factory, park, users=False)
    monkeypatch.setenv("PARKGOV_DATABASE_URL", db_url)
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args))

    return run
