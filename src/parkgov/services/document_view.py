"""An imported document as read: its text (when the original was kept) and where each extracted fact sits."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from parkgov.services.access import Actor, require_read
from parkgov.services.errors import NotFound
from parkgov.services.staged_import import stored_upload
from parkgov.store.models import ImportedDocument


def fact_marks(extraction: dict) -> list[dict]:
    """Every fact of an extraction as (offset, quote, label), in document order."""
    marks = []
    for i, fact in enumerate(extraction.get("indicators", [])):
        marks.append({"kind": "indicators", "index": i, "offset": fact.get("offset") or 0,
                      "quote": fact.get("quote") or fact.get("name") or "", "label": fact.get("name") or ""})
    for i, fact in enumerate(extraction.get("tasks", [])):
        marks.append({"kind": "tasks", "index": i, "offset": fact.get("offset") or 0,
                      "quote": fact.get("requirement") or fact.get("item") or "",
                      "label": f"{fact.get('seq') or ''} {fact.get('item') or ''}".strip()})
    for i, fact in enumerate(extraction.get("projects", [])):
        marks.append({"kind": "projects", "index": i, "offset": fact.get("offset") or 0,
                      "quote": fact.get("quote") or fact.get("name") or "", "label": fact.get("name") or ""})
    return sorted(marks, key=lambda m: m["offset"])


def document_view(session: Session, actor: Actor, document_id: int, data_dir: Path) -> dict:
    """The document record, its text (or None when imported from a file not kept) and the fact marks."""
    from parkgov.extract.readers import read_document

    doc = session.get(ImportedDocument, document_id)
    if doc is None:
        raise NotFound(f"找不到编号为 {document_id} 的文件")
    require_read(actor, doc.park_id)
    original = stored_upload(data_dir, doc.sha256)
    text = read_document(original).text if original is not None else None
    return {"id": doc.id, "park_id": doc.park_id, "title": doc.title, "file_name": doc.file_name, "year": doc.year,
            "doc_number": doc.doc_number, "imported_at": doc.imported_at, "imported_by": doc.imported_by,
            "text": text, "marks": fact_marks(doc.extraction or {})}
