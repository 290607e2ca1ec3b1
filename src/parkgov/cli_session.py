"""The CLI's operator session, its one-line refusals and its date options, shared by every verb."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one Chinese line on stderr and exit non-zero."""
    Console(stderr=True).print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def date_option(text: str | None, what: str) -> date | None:
    """An ISO date given on the command line (None when absent); a wrong one is refused in one line."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what}格式不正确：{text}（应如 2025-07-05）")


@contextmanager
def operator_session() -> Iterator:
    """A session on PARKGOV_DATABASE_URL; refusals and database failures become one Chinese line."""
    from sqlalchemy.exc import SQLAlchemyError

    from parkgov.domain.errors import DomainError
    from parkgov.services.errors import ServiceError
    from parkgov.store.database import make_engine, make_session_factory

    engine = make_engine()
    try:
        with make_session_factory(engine)() as session:
            yield session
    except (ServiceError, DomainError) as exc:
        fail(exc.message)
    except SQLAlchemyError as exc:
        fail(f"数据库操作失败（{type(exc).__name__}）：请先运行 parkgov init，并检查 PARKGOV_DATABASE_URL")
    finally:
        engine.dispose()
