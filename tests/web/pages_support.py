"""Helpers for page tests: passwords for the test ledger's users, a logged-in TestClient, the CSRF token."""
from __future__ import annotations

import re

from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select

from parkgov.store.models import User

PASSWORD = "secret-123"
PARK = "白沙洲经开区"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def set_passwords(factory, password: str = PASSWORD) -> None:
    """Give every user of the test database the same password (argon2)."""
    hashed = PasswordHasher().hash(password)
    with factory() as s:
        for user in s.scalars(select(User)):
            user.password_hash = hashed
        s.commit()


def csrf_of(client: TestClient, path: str = "/login") -> str:
    return _CSRF.search(client.get(path).text).group(1)


def login(client: TestClient, who: str, password: str = PASSWORD):
    """Sign in as the ledger user ``who`` (``coord``, ``rep_商务局`` …); returns the POST response."""
    token = csrf_of(client)
    return client.post("/login", data={"username": f"{PARK}-{who}", "password": password, "csrf_token": token,
                                       "next": "/dashboard"}, follow_redirects=False)


def page_csrf(client: TestClient) -> str:
    """The CSRF token of the signed-in session (from any page)."""
    return csrf_of(client, "/dashboard")


def alert(html: str) -> str:
    found = re.search(r'role="alert">([^<]+)<', html)
    return found.group(1) if found else ""
