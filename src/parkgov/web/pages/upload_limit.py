"""Refuse oversized uploads before the body is read (by Content-Length), with a Chinese message."""
from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: room for the form's other fields around the file
_ENVELOPE = 64 * 1024
TOO_LARGE = "上传的文件超过20MB，请拆分或压缩后再上传"


class UploadSizeLimit:
    """Any request with a body larger than the upload limit gets 413 and is never parsed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_UPLOAD_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            length = dict(scope["headers"]).get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.limit + _ENVELOPE:
                body = f'<!doctype html><meta charset="utf-8"><p role="alert">{TOO_LARGE}</p>'.encode()
                await send({"type": "http.response.start", "status": 413,
                            "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode()),
                                        (b"connection", b"close")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
