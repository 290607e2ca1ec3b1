"""The province view: every park's traffic-light counts and totals at an as-of date, and the sums over parks.

Each park's rows go through the same status rules as the park view (``services.status``), gathered
for a batch of parks at a time (a few queries per batch, not per park).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.domain.light import Light
from parkgov.services.access import Actor, Role
from parkgov.services.errors import Forbidden
from parkgov.services.status import compute_statuses, light_counts
from parkgov.store.models import Park

KINDS = ("indicators", "tasks", "projects")
#: parks gathered together: bounds the memory and the size of the IN lists
BATCH = 25


def require_province_read(actor: Actor) -> None:
    """Only administrators and the province's viewers read every park at once."""
    if actor.role not in (Role.admin, Role.viewer):
        raise Forbidden("只有系统管理员或上级部门可以查看全省汇总")


def province_status(session: Session, actor: Actor, as_of: date | None = None, year: int | None = None) -> dict:
    """Light counts per park (all rows and per kind), red rows per park, and the province's totals."""
    require_province_read(actor)
    as_of = as_of or date.today()
    year = year or as_of.year
    parks = []
    totals = {kind: 0 for kind in KINDS}
    lights = {light.value: 0 for light in Light}
    all_parks = [tuple(row) for row in session.execute(select(Park.id, Park.name).order_by(Park.id))]
    for first in range(0, len(all_parks), BATCH):
        batch = all_parks[first:first + BATCH]
        views = compute_statuses(session, batch, as_of, year)
        for park_id, name in batch:
            view = views[park_id]
            counts = {kind: light_counts(getattr(view, kind)) for kind in KINDS}
            all_counts = light_counts(view.items())
            for kind in KINDS:
                totals[kind] += len(getattr(view, kind))
            for light, n in all_counts.items():
                lights[light] += n
            parks.append({"park_id": park_id, "park": name, "lights": {"all": all_counts, **counts},
                          "totals": {kind: len(getattr(view, kind)) for kind in KINDS},
                          "overdue_tasks": sum(1 for t in view.tasks if t["overdue"])})
    return {"as_of": as_of, "year": year, "parks": parks, "totals": totals, "lights": lights}
