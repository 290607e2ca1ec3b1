"""A park's ledger version: one cheap query whose answer changes whenever anything a status view reads changes.

Every versioned row (tasks, indicators, projects, units, rounds, submissions, orders, settings)
bumps its ``version`` on update; append-only rows (reports, actuals, investments, events,
documents, audit entries) only ever get new ids. Counts, version sums and newest ids together
therefore identify the state of the data; views computed from it can be reused while it holds.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkgov.store.models import (AuditEntry, DispatchRound, ImportedDocument, Indicator, IndicatorActual,
                                  ParkSettings, Person, ProgressReport, Project, ProjectInvestment, Submission,
                                  SupervisionEvent, SupervisionOrder, Task, TaskTarget, Unit)

_PER_PARK = (Task, Indicator, Project, Unit, Person, DispatchRound, SupervisionOrder)
_APPEND_ONLY = (ProgressReport, IndicatorActual, ProjectInvestment, SupervisionEvent, ImportedDocument, AuditEntry,
                TaskTarget)


def ledger_version(session: Session, park_id: int) -> tuple:
    """The version of everything the park's status views read (no access check: it reveals only numbers)."""
    values = []
    scoped = [(m, m.park_id == park_id) for m in (*_PER_PARK, ParkSettings)]
    rounds = select(DispatchRound.id).where(DispatchRound.park_id == park_id)
    for model, where in [*scoped, (Submission, Submission.round_id.in_(rounds))]:
        for aggregate in (func.count(), func.coalesce(func.sum(model.version), 0)):
            values.append(select(aggregate).select_from(model).where(where).scalar_subquery())
    values += [select(func.coalesce(func.max(m.id), 0)).scalar_subquery() for m in _APPEND_ONLY]
    return tuple(session.execute(select(*values)).one())
