"""The one error the domain raises, with a message in Chinese.

Public API:
    DomainError(message: str) -- ``str(err)`` and ``err.message`` are a
    one-line Chinese message fit to show a user as is.
"""
from __future__ import annotations


class DomainError(ValueError):
    """A domain rule was broken; ``message`` is a Chinese sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
