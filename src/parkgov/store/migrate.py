"""Schema migrations: bring a database to the newest schema (Alembic head) without losing data."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from parkgov.store.database import database_url, make_engine

STORE_DIR = Path(__file__).resolve().parent


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration for parkgov's migrations and ``url``."""
    cfg = Config(str(STORE_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(STORE_DIR / "migrations"))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration's revision id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(url: str | None = None) -> tuple[str | None, str]:
    """Create or upgrade the database at ``url`` to head; returns (revision before, revision after).

    Migrations only ever add or transform; running this again on an up-to-date database does nothing.
    """
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        cfg = alembic_config(url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return before, current_revision(engine)
    finally:
        engine.dispose()
