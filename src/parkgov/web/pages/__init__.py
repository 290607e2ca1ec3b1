"""The Chinese web pages (Jinja2 + HTMX + ECharts), served by the same app as the JSON API."""
from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from parkgov.web.pages import (admin, auth, dashboard, documents, imports, ledgers, rankings, rounds,
                               supervision)
from parkgov.web.pages.errors import install_page_errors
from parkgov.web.pages.security import (SESSION_COOKIE, SESSION_MAX_AGE, SecureCookieOverHttps, SecurityHeaders,
                                        check_csrf, session_secret)
from parkgov.web.pages.upload_limit import UploadSizeLimit

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PAGE_MODULES = (auth, dashboard, ledgers, documents, rounds, supervision, rankings, imports, admin)


def install_pages(app: FastAPI) -> None:
    """Mount the static files, the session, CSRF checks and the page routers on ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SessionMiddleware, secret_key=session_secret(), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_MAX_AGE, same_site="lax", https_only=False)
    app.add_middleware(SecureCookieOverHttps)
    app.add_middleware(UploadSizeLimit)
    app.add_middleware(SecurityHeaders)
    install_page_errors(app)
    for module in PAGE_MODULES:
        app.include_router(module.router, dependencies=[Depends(check_csrf)], include_in_schema=False)
