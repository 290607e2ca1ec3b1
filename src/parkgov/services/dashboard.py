"""The park dashboard summary: one call returning plain data for the web pages and the reports.

The computed summary is kept in a bounded in-process LRU keyed on the park, the as-of date, the
reader's scope (a reporter sees its unit's orders) and the park's ledger version, read from the
database on every call: any write to the park, in any process, changes the version, so a summary
is never served after its data changed.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from parkgov.domain.errors import DomainError
from parkgov.domain.quantity import Quantity
from parkgov.services import lookup
from parkgov.services.clock import today
from parkgov.services.access import Actor, Role, require_read
from parkgov.services.ledger_version import ledger_version
from parkgov.services.park_read import ParkRead
from parkgov.services.rankings import latest_round_ranking, park_rounds
from parkgov.services.status import compute_status, light_counts
from parkgov.services.supervision import list_orders
from parkgov.services.rounds import round_summary
from parkgov.services.view_cache import ViewCache

INVESTMENT_UNIT = "万元"
#: computed summaries of this process (150 parks at two as-of dates fit)
CACHE = ViewCache(max_entries=512)


def _investment_totals(projects: list[dict]) -> dict:
    """Annual planned and completed investment of all projects, in 万元 through the one conversion."""
    planned = completed = Quantity.of(0, INVESTMENT_UNIT)
    skipped = 0
    for row in projects:
        try:
            if row["annual_plan"] is not None and row["annual_plan_unit"]:
                planned = planned + Quantity.of(row["annual_plan"], row["annual_plan_unit"])
            if row["completed_investment"] is not None:
                completed = completed + Quantity.of(row["completed_investment"], row["completed_investment_unit"])
        except DomainError:
            skipped += 1
    rate = completed.value / planned.value if planned.value else None
    return {"unit": INVESTMENT_UNIT, "annual_plan": planned.value, "completed": completed.value,
            "completion_rate": rate, "projects_not_summed": skipped}


def park_dashboard(session: Session, actor: Actor, park: int | str, as_of: date | None = None,
                   bottom_n: int = 5) -> dict:
    """Counts by light, indicator completion vs time progress, investment progress, ranking, red items, open orders.

    The result may be shared with other callers: read it, do not modify it.
    """
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    return _cached(session, actor, park_row.id, park_row.created_at, ledger_version(session, park_row.id),
                   as_of or today(), bottom_n)


def dashboard_for(session: Session, read: ParkRead, as_of: date, bottom_n: int = 5) -> dict:
    """The same summary for a token's read of a park (``services.park_read``): no query while it is cached."""
    require_read(read.actor, read.park_id)
    return _cached(session, read.actor, read.park_id, read.created_at, read.ledger_version, as_of, bottom_n)


def _cached(session: Session, actor: Actor, park_id: int, created_at, version: int, as_of: date,
            bottom_n: int) -> dict:
    scope = actor.unit_id if actor.role is Role.reporter else None
    # the database and the park's creation tell apart parks of the same id in databases rebuilt under this process
    key = (str(session.get_bind().url), park_id, created_at, as_of, bottom_n, scope, version)
    return CACHE.get_or_compute(key, lambda: _compute(session, actor, lookup.park(session, park_id), as_of, bottom_n))


def _compute(session: Session, actor: Actor, park_row, as_of: date, bottom_n: int) -> dict:
    shared: dict = {}
    view = compute_status(session, park_row.id, as_of, shared=shared)
    items = view.items()
    open_orders = list_orders(session, actor, park_row.id, open_only=True, as_of=as_of)
    rounds = park_rounds(session, park_row.id)
    return {
        "park": {"id": park_row.id, "name": park_row.name},
        "as_of": as_of,
        "year": view.year,
        "time_progress": view.time_progress,
        "lights": {"all": light_counts(items), "indicators": light_counts(view.indicators),
                   "tasks": light_counts(view.tasks), "projects": light_counts(view.projects)},
        "totals": {"indicators": len(view.indicators), "tasks": len(view.tasks), "projects": len(view.projects)},
        "indicators": [{"id": r["id"], "name": r["title"], "unit": r["unit"], "completion_rate": r["completion_rate"],
                        "time_progress": r["time_progress"], "actual_value": r["actual_value"],
                        "actual_unit": r["actual_unit"], "target_value": r["target_value"],
                        "target_unit": r["target_unit"], "yoy_pct": r["yoy_pct"],
                        "behind_time_progress": (r["completion_rate"] is not None
                                                 and r["completion_rate"] < r["time_progress"]),
                        "light": r["light"]} for r in view.indicators],
        "investment": _investment_totals(view.projects),
        "ranking": latest_round_ranking(session, park_row.id, as_of, bottom_n, shared, rounds),
        "red_items": [{"kind": r["kind"], "id": r["id"], "key": r["key"], "title": r["title"], "unit": r["unit"],
                       "note": r.get("note") or r.get("state_label")} for r in items if r["light"] == "red"],
        "open_orders": {"count": len(open_orders),
                        "overdue": sum(1 for o in open_orders if o["overdue"]),
                        "orders": open_orders},
        "latest_round": round_summary(rounds[0]) if rounds else None,
    }
