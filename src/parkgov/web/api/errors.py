"""Turn refused use cases and malformed requests into JSON with one Chinese message."""
from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from parkgov.domain.errors import DomainError
from parkgov.services.errors import ServiceError
from parkgov.web.api import API_PREFIX

_KIND_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段",
    "string_too_short": "不能为空",
    "string_too_long": "内容过长",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "date_from_datetime_parsing": "应为日期（如 2025-07-05）",
    "date_parsing": "应为日期（如 2025-07-05）",
    "date_type": "应为日期（如 2025-07-05）",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "greater_than_equal": "数值过小",
    "greater_than": "数值过小",
    "less_than_equal": "数值过大",
    "less_than": "数值过大",
    "string_pattern_mismatch": "格式不正确",
    "json_invalid": "请求内容不是有效的 JSON",
    "model_attributes_type": "请求内容应为 JSON 对象",
    "dict_type": "请求内容应为 JSON 对象",
    "list_type": "应为列表",
    "bool_parsing": "应为 true 或 false",
    "value_error": "取值不正确",
}


#: what the framework's own refusals (unreadable body, unknown path, wrong method) mean, by status
_HTTP_MESSAGES = {
    400: "请求内容无法解析：应为 UTF-8 编码的 JSON",
    404: "接口不存在，请核对请求路径",
    405: "该接口不支持此请求方法",
    413: "请求内容过大",
    415: "请求内容类型不受支持，应为 application/json",
}

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def describe_http_error(exc: HTTPException) -> str:
    """The refusal's own message when it is Chinese, else a Chinese sentence for its status."""
    if isinstance(exc.detail, str) and _CHINESE.search(exc.detail):
        return exc.detail
    return _HTTP_MESSAGES.get(exc.status_code, f"请求被拒绝（HTTP {exc.status_code}）")


def describe_validation_error(exc: RequestValidationError) -> str:
    """One Chinese sentence naming every bad field."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header")]
        where = ".".join(loc) or "请求"
        kind = err.get("type", "")
        if kind == "value_error":
            reason = str(err.get("ctx", {}).get("error", "")) or _KIND_MESSAGES[kind]
        else:
            reason = _KIND_MESSAGES.get(kind, "取值不正确")
        parts.append(f"{where}：{reason}")
    return "请求有误：" + "；".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``; the framework's own refusals on other paths keep its default."""

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)

    @app.exception_handler(DomainError)
    async def _domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        """A rule of the domain or the store a use case let through (e.g. text with a NUL character)."""
        return JSONResponse({"detail": exc.message}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": describe_validation_error(exc)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        if not request.url.path.startswith(API_PREFIX):
            return await http_exception_handler(request, exc)
        return JSONResponse({"detail": describe_http_error(exc)}, status_code=exc.status_code, headers=exc.headers)
