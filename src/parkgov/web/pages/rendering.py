"""Jinja2 templates and the display filters every page uses (numbers, percentages, dates, lights)."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates

from parkgov.domain.supervision import OrderAction, OrderState

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates"
LIGHT_LABELS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "grey": "未评价"}
KIND_LABELS = {"task": "任务", "indicator": "指标", "project": "项目"}


def num(value, places: int = 2) -> str:
    """A figure with thousands separators and no trailing zeros (``12,345.6``); ``—`` for none."""
    if value is None or value == "":
        return "—"
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = f"{d:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def pct(fraction, places: int = 1) -> str:
    """A fraction as a percentage (``0.453`` → ``45.3%``)."""
    if fraction is None:
        return "—"
    return f"{Decimal(str(fraction)) * 100:.{places}f}%"


def pct_value(fraction, places: int = 1) -> float | None:
    """A fraction as a plain percentage number for charts."""
    if fraction is None:
        return None
    return round(float(Decimal(str(fraction)) * 100), places)


def day(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _default(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_json(value) -> str:
    """JSON for a ``<script type="application/json">`` block (``<`` escaped)."""
    return json.dumps(value, default=_default, ensure_ascii=False).replace("<", "\\u003c")


def query(base: dict, **changes) -> str:
    """A query string from ``base`` with ``changes`` applied (``None`` drops a key)."""
    merged = {k: v for k, v in {**base, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else ""


def _label(enum_cls, value) -> str:
    if value == "raise":
        return "发起"
    try:
        return enum_cls(value).label
    except ValueError:
        return value or ""


templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.filters.update(num=num, pct=pct, pct_value=pct_value, day=day, to_json=to_json,
                             light_label=lambda v: LIGHT_LABELS.get(v, v or "—"),
                             kind_label=lambda v: KIND_LABELS.get(v, v),
                             order_state=lambda v: _label(OrderState, v), order_action=lambda v: _label(OrderAction, v))
templates.env.globals.update(query=query)
