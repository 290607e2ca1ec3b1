"""Page sessions and CSRF: a signed HttpOnly cookie (Secure over https), a token checked on every unsafe request."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "parkgov_session"
SESSION_MAX_AGE = 12 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """The page needs a signed-in user; the handler redirects to the login page."""


class CsrfRejected(Exception):
    """An unsafe request without the session's CSRF token."""


def data_dir() -> Path:
    """Where uploads and the session secret live: ``PARKGOV_DATA_DIR`` or ``./.parkgov`` (never under static/)."""
    path = Path(os.environ.get("PARKGOV_DATA_DIR") or ".parkgov").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def session_secret() -> str:
    """``PARKGOV_SECRET_KEY``, or a random key kept in the data directory (created once, mode 600)."""
    configured = os.environ.get("PARKGOV_SECRET_KEY")
    if configured:
        return configured
    path = data_dir() / "session_secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


class SecureCookieOverHttps:
    """Adds ``Secure`` to the session cookie when the request came over https (directly or via a proxy)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("scheme") != "https":
            await self.app(scope, receive, send)
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                cookies = headers.getlist("set-cookie")
                if cookies:
                    del headers["set-cookie"]
                    for cookie in cookies:
                        if cookie.startswith(SESSION_COOKIE + "=") and "secure" not in cookie.lower():
                            cookie += "; secure"
                        headers.append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_secure)


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Router dependency: every unsafe request carries the token in a header (HTMX) or a form field."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(("multipart/form-data",
                                                                         "application/x-www-form-urlencoded")):
        sent = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise CsrfRejected()


CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                           "base-uri 'none'; object-src 'none'")


class SecurityHeaders:
    """HTML pages load only the app's own files (no CDN, no inline scripts) and are never framed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    headers.setdefault("X-Frame-Options", "DENY")
                    headers.setdefault("Referrer-Policy", "same-origin")
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)
