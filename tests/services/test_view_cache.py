"""The view cache: bounded LRU, one computation for callers missing the same key at once."""
from __future__ import annotations

import threading
import time

from parkgov.services.view_cache import ViewCache


def test_the_cache_keeps_at_most_its_size_least_recently_used_out():
    cache = ViewCache(max_entries=2)
    calls = []
    for key in ("a", "b", "a", "c", "b"):
        cache.get_or_compute((key,), lambda k=key: calls.append(k) or k)
    assert calls == ["a", "b", "c", "b"]
    assert len(cache) == 2


def test_concurrent_misses_of_one_key_compute_once():
    cache = ViewCache()
    calls, results = [], []

    def compute():
        calls.append(1)
        time.sleep(0.05)
        return "view"

    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute(("k",), compute)))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["view"] * 8 and len(calls) == 1


def test_a_failed_computation_is_not_kept():
    cache = ViewCache()

    def fail():
        raise ValueError("boom")

    for _ in range(2):
        try:
            cache.get_or_compute(("k",), fail)
        except ValueError:
            pass
    assert cache.get_or_compute(("k",), lambda: 1) == 1
