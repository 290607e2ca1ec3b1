"""Login rate limiting: after 5 failed logins for one user name from one address, 15 minutes of refusal."""
from __future__ import annotations

import threading
import time
from collections import defaultdict

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
LOCKED_MESSAGE = "登录失败次数过多，请15分钟后再试"


class LoginLimiter:
    """Failed attempts per (user name, client address), kept in memory for the window."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS, clock=time.monotonic) -> None:
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], list[float]] = defaultdict(list)
        self._lock = threading.Lock()

    @staticmethod
    def _key(username: str, address: str) -> tuple[str, str]:
        return ((username or "").strip().lower(), address or "")

    def _recent(self, key: tuple[str, str]) -> list[float]:
        now = self.clock()
        recent = [t for t in self._failures.get(key, []) if now - t < self.window]
        if recent:
            self._failures[key] = recent
        else:
            self._failures.pop(key, None)
        return recent

    def locked(self, username: str, address: str) -> bool:
        with self._lock:
            return len(self._recent(self._key(username, address))) >= self.max_failures

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            key = self._key(username, address)
            self._recent(key)
            self._failures[key].append(self.clock())

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop(self._key(username, address), None)
