"""The Chinese web pages (Jinja2 + HTMX + ECharts), served by the same app as the JSON API."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def install_pages(app: FastAPI) -> None:
    """Mount the static files, the session and the page routers on ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
