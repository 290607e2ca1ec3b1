"""Page: an imported document's text with each extracted fact highlighted (``?at=`` jumps to one)."""
from __future__ import annotations

from fastapi import APIRouter

from parkgov.services import document_view
from parkgov.web.pages.context import PageDep
from parkgov.web.pages.highlight import segments
from parkgov.web.pages.security import data_dir
from parkgov.web.api.schemas import PathId

router = APIRouter()


@router.get("/documents/{document_id}")
def document_page(document_id: PathId, page: PageDep, at: int | None = None):
    doc = document_view.document_view(page.session, page.actor, document_id, data_dir())
    parts = segments(doc["text"], doc["marks"], at) if doc["text"] is not None else []
    return page.render("document.html", doc=doc, parts=parts, at=at)
