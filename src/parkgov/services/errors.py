"""Errors a use case raises; each carries one Chinese sentence for the user."""
from __future__ import annotations


class ServiceError(Exception):
    """A refused use case. ``message`` is shown to the user as is."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    """The request is malformed or breaks a rule of the field."""

    status = 422


class NotFound(ServiceError):
    """The park, unit, row, round or order does not exist."""

    status = 404


class NotAuthenticated(ServiceError):
    """No token, or a token nobody was issued."""

    status = 401


class Forbidden(ServiceError):
    """The caller's role or unit does not allow this."""

    status = 403


class StaleVersion(ServiceError):
    """The row changed since the caller read it (optimistic versioning)."""

    status = 409


class Conflict(ServiceError):
    """The request clashes with the current state (duplicate, wrong state)."""

    status = 409
