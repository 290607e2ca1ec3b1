"""Refusals on pages: a Chinese error page (or an HTMX fragment); the API keeps its JSON bodies."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from parkgov.domain.errors import DomainError
from parkgov.services.errors import ServiceError
from parkgov.web.api import API_PREFIX
from parkgov.web.api.errors import describe_validation_error
from parkgov.web.pages.rendering import templates
from parkgov.web.pages.security import CsrfRejected, LoginRequired

CSRF_MESSAGE = "页面已过期或请求来源不明（校验码不符），请刷新页面后重试"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def error_response(request: Request, message: str, status: int) -> Response:
    """The message as an HTMX fragment or as a full error page."""
    if request.headers.get("HX-Request"):
        return HTMLResponse(f'<div class="flash error" role="alert">{_escape(message)}</div>', status_code=status)
    return templates.TemplateResponse(request, "error.html", {"message": message, "status": status},
                                      status_code=status)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install_page_errors(app: FastAPI) -> None:
    """Register the page handlers; API paths still get the JSON handlers registered before."""
    json_service_error = app.exception_handlers.get(ServiceError)
    json_domain_error = app.exception_handlers.get(DomainError)
    json_validation_error = app.exception_handlers.get(RequestValidationError)

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError):
        if _is_api(request) and json_service_error is not None:
            return await json_service_error(request, exc)
        if exc.status == 401:
            return await _login_required(request, LoginRequired())
        return error_response(request, exc.message, exc.status)

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError):
        if _is_api(request) and json_domain_error is not None:
            return await json_domain_error(request, exc)
        return error_response(request, exc.message, 422)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        if _is_api(request) and json_validation_error is not None:
            return await json_validation_error(request, exc)
        return error_response(request, describe_validation_error(exc), 422)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired):
        target = "/login?next=" + quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        if request.headers.get("HX-Request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, _exc: CsrfRejected):
        return error_response(request, CSRF_MESSAGE, 403)
