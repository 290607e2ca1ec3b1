"""JSON bodies of shared service results, encoded once.

A cached view (``services.view_cache``) is the same object for every request it serves; its JSON
body is kept beside it, so a cache hit costs no re-encoding of a few hundred rows.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

MAX_ENTRIES = 512

_bodies: OrderedDict[int, tuple[object, bytes]] = OrderedDict()
_lock = threading.Lock()


def json_response(data: object) -> Response:
    """``data`` as a JSON response, its body reused while ``data`` is the same object (read-only)."""
    with _lock:
        entry = _bodies.get(id(data))
        if entry is not None and entry[0] is data:
            _bodies.move_to_end(id(data))
            return Response(entry[1], media_type="application/json")
    body = JSONResponse(jsonable_encoder(data)).body
    with _lock:
        _bodies[id(data)] = (data, body)  # the entry holds ``data``: its id is not reused meanwhile
        while len(_bodies) > MAX_ENTRIES:
            _bodies.popitem(last=False)
    return Response(body, media_type="application/json")
