"""Monthly investment curves of a park's projects: cumulative completed investment against the annual plan."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period
from parkgov.domain.quantity import Quantity
from parkgov.domain.time_progress import time_progress
from parkgov.services import lookup
from parkgov.services.access import Actor, require_read
from parkgov.store.models import ACTIVE, Project, ProjectInvestment

CURVE_UNIT = "万元"


def _in_unit(value: Decimal | None, unit: str | None) -> Decimal | None:
    if value is None or not unit:
        return None
    try:
        return Quantity.of(value, unit).to(CURVE_UNIT).value
    except DomainError:
        return None


def investment_curves(session: Session, actor: Actor, park: int | str, as_of: date, year: int | None = None) -> dict:
    """Per project and for the park: months up to ``as_of`` with cumulative completed and planned-to-date (万元)."""
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    year = year or as_of.year
    months = [m for m in (Period.month(year, n) for n in range(1, 13)) if m.end <= as_of]
    codes = [m.code for m in months]
    projects = session.execute(select(Project.id, Project.name, Project.annual_plan, Project.annual_plan_unit)
                               .where(Project.park_id == park_row.id, Project.year == year, Project.status == ACTIVE)
                               .order_by(Project.id)).all()
    monthly: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    factors: dict[str | None, Decimal | None] = {}
    if projects and codes:
        rows = session.execute(select(ProjectInvestment.project_id, ProjectInvestment.period, ProjectInvestment.amount,
                                      ProjectInvestment.unit)
                               .join(Project, Project.id == ProjectInvestment.project_id)
                               .where(Project.park_id == park_row.id, Project.year == year, Project.status == ACTIVE,
                                      ProjectInvestment.period.in_(codes)))
        for project_id, period, amount, unit in rows:
            if unit not in factors:
                factors[unit] = _in_unit(Decimal(1), unit)
            if factors[unit] is not None and amount is not None:
                monthly[project_id][period] += amount * factors[unit]
    year_period = Period.of_year(year)
    shares = [time_progress(year_period, m.end) for m in months]
    out, park_done, park_plan = [], [Decimal(0)] * len(months), [Decimal(0)] * len(months)
    for project in projects:
        plan = _in_unit(project.annual_plan, project.annual_plan_unit)
        running, done = Decimal(0), []
        for i, code in enumerate(codes):
            running += monthly[project.id].get(code, Decimal(0))
            done.append(running)
            park_done[i] += running
            if plan is not None:
                park_plan[i] += plan * shares[i]
        out.append({"id": project.id, "name": project.name, "annual_plan": plan,
                     "completed": done, "planned": [plan * s if plan is not None else None for s in shares]})
    return {"unit": CURVE_UNIT, "months": codes, "projects": out,
            "park": {"completed": park_done, "planned": park_plan}}
