"""A bounded, thread-safe LRU of computed views, keyed by what they were computed for.

Callers put the park's ledger version (``services.ledger_version``), read from the database
on each request, in the key: a write in any process changes it, so an entry is never served
after its data changed, and old entries fall out of the LRU.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

MAX_ENTRIES = 256


class ViewCache:
    """A small LRU of view data keyed by what it was computed for and the ledger version it saw.

    Callers asking for the same missing key at once wait for one computation instead of repeating it.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _get(self, key: tuple) -> tuple[bool, Any]:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return True, self._entries[key]
            return False, None

    def get_or_compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        found, value = self._get(key)
        if found:
            return value
        with self._lock:
            flight = self._computing.setdefault(key, threading.Lock())
        with flight:
            found, value = self._get(key)
            if found:
                return value
            try:
                value = compute()
                with self._lock:
                    self._entries[key] = value
                    self._entries.move_to_end(key)
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
        return value
