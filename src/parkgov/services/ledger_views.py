"""Ledger views: a park's indicators, tasks or projects at a date, filtered as the user asks."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from parkgov.domain.task_status import TaskState
from parkgov.services import lookup
from parkgov.services.access import Actor, require_read
from parkgov.services.status import compute_status

LIGHTS = ("green", "yellow", "red", "grey")
UNREPORTED = "unreported"


@dataclass(frozen=True)
class LedgerFilter:
    """What the user filters on; empty fields do not filter."""

    unit: str = ""
    leader: str = ""
    category: str = ""
    light: str = ""
    state: str = ""
    text: str = ""


def _keep(row: dict, f: LedgerFilter) -> bool:
    if f.unit and f.unit not in (row.get("units") or [row.get("unit")]):
        return False
    if f.leader and f.leader not in (row.get("leaders") or []):
        return False
    if f.category and (row.get("category") or "") != f.category:
        return False
    if f.light and row["light"] != f.light:
        return False
    if f.state and (row.get("state") or UNREPORTED) != f.state:
        return False
    if f.text:
        haystack = " ".join(str(row.get(k) or "") for k in ("seq", "title", "category", "requirement", "narrative",
                                                             "unit", "note"))
        if f.text.strip().lower() not in haystack.lower():
            return False
    return True


def _options(rows: list[dict]) -> dict:
    units = sorted({u for r in rows for u in (r.get("units") or [r.get("unit")]) if u})
    leaders = sorted({p for r in rows for p in (r.get("leaders") or [])})
    categories = list(dict.fromkeys(r["category"] for r in rows if r.get("category")))
    states = [(s.value, s.label) for s in TaskState] + [(UNREPORTED, "未报送")]
    return {"units": units, "leaders": leaders, "categories": categories, "states": states, "lights": LIGHTS}


def ledger(session: Session, actor: Actor, park: int | str, kind: str, as_of: date,
           flt: LedgerFilter = LedgerFilter()) -> dict:
    """The park's rows of ``kind`` (``tasks``, ``indicators``, ``projects``) at ``as_of`` that pass the filter."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    view = compute_status(session, park_row.id, as_of)
    rows = getattr(view, kind)
    kept = [r for r in rows if _keep(r, flt)]
    return {"park": park_row.name, "year": view.year, "as_of": as_of, "time_progress": view.time_progress,
            "rows": kept, "total": len(rows), "options": _options(rows)}
