"""Reuse computed views while the park's ledger version holds (see ``services.ledger_version``)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from parkgov.services.ledger_version import ledger_version
from parkgov.services.view_cache import ViewCache


def cached_view(page, name: str, compute: Callable[[], Any], *extra) -> Any:
    """``compute()`` for this page's park, as-of date and viewer, reused until the ledger changes."""
    cache = getattr(page.request.app.state, "view_cache", None)
    if cache is None:
        cache = page.request.app.state.view_cache = ViewCache()
    actor = page.actor
    key = (name, page.park_id, page.as_of, actor.role.value, actor.unit_id, actor.park_id, date.today(),
           ledger_version(page.session, page.park_id), *extra)
    return cache.get_or_compute(key, compute)
