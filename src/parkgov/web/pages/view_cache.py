"""Reuse computed views while the park's ledger version holds (see ``services.ledger_version``)."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from parkgov.services.ledger_version import ledger_version

MAX_ENTRIES = 256


class ViewCache:
    """A small LRU of view data keyed by what it was computed for and the ledger version it saw."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value


def cached_view(page, name: str, compute: Callable[[], Any], *extra) -> Any:
    """``compute()`` for this page's park, as-of date and viewer, reused until the ledger changes."""
    cache = getattr(page.request.app.state, "view_cache", None)
    if cache is None:
        cache = page.request.app.state.view_cache = ViewCache()
    actor = page.actor
    key = (name, page.park_id, page.as_of, actor.role.value, actor.unit_id, actor.park_id, date.today(),
           ledger_version(page.session, page.park_id), *extra)
    return cache.get_or_compute(key, compute)
