"""One ledger row in full: its status at a date, source quote, targets, progress history, orders, instructions."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from parkgov.services import instructions, lookup, progress
from parkgov.services.access import Actor, require_read
from parkgov.services.errors import NotFound
from parkgov.services.ownership import ITEM_LABELS
from parkgov.services.status import MILESTONE_COLUMNS, compute_status
from parkgov.services.supervision import list_orders
from parkgov.store.models import ImportedDocument

_ROWS = {"task": "tasks", "indicator": "indicators", "project": "projects"}


def item_detail(session: Session, actor: Actor, park: int | str, kind: str, item_id: int, as_of: date) -> dict:
    """Everything the item page shows; NotFound for a row of another park or a withdrawn one."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    item = lookup.item(session, park_row.id, kind, item_id)
    view = compute_status(session, park_row.id, as_of, item.year)
    row = next((r for r in getattr(view, _ROWS[kind]) if r["id"] == item.id), None)
    if row is None:
        raise NotFound(f"本园区没有编号为 {item_id} 的{ITEM_LABELS[kind]}")
    document = session.get(ImportedDocument, item.document_id) if item.document_id else None
    key = f"{kind}:{item.id}"
    orders = [o for o in list_orders(session, actor, park_row.id, as_of=as_of) if o["item"] == key]
    milestones = [{"name": m.value, "label": m.label, "planned": getattr(item, planned), "actual": getattr(item, actual),
                   "missed": m.value in row.get("missed_milestones", [])}
                  for m, (planned, actual) in MILESTONE_COLUMNS.items()] if kind == "project" else []
    return {"kind": kind, "milestones": milestones, "label": ITEM_LABELS[kind], "row": row, "year": item.year,
            "time_progress": view.time_progress,
            "source": {"document_id": document.id if document else None,
                       "file_name": document.file_name if document else None,
                       "title": document.title if document else None,
                       "offset": item.source_offset, "quote": item.quote},
            "history": progress.history(session, actor, park_row.id, kind, item.id),
            "orders": orders,
            "instructions": instructions.list_instructions(session, actor, park_row.id, kind, item.id)}
