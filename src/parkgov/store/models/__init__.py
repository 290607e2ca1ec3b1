"""Every parkgov table, importable from one place: ``from parkgov.store.models import Task``."""
from parkgov.store.models.audit import AuditEntry
from parkgov.store.models.base import Base, utcnow
from parkgov.store.models.drafts import ProgressDraft
from parkgov.store.models.dispatch import (PROGRESS_STATES, ROUND_STATUSES, DispatchRound, ProgressNote,
                                           ProgressReport, Submission)
from parkgov.store.models.ledger import (ACTIVE, PERIOD_KINDS, PROJECT_CATEGORIES, PROJECT_STAGES, WITHDRAWN,
                                         ImportedDocument, Indicator, IndicatorActual, Project, ProjectInvestment,
                                         Task, TaskTarget, task_co_units, task_lead_units, task_leaders)
from parkgov.store.models.login import LoginFailure
from parkgov.store.models.parks import ROLES, UNIT_KINDS, Park, ParkSettings, Person, PersonAlias, Unit, UnitAlias, User
from parkgov.store.models.supervision import ORDER_STATUSES, SupervisionEvent, SupervisionOrder

__all__ = [
    "ACTIVE", "ORDER_STATUSES", "PERIOD_KINDS", "PROGRESS_STATES", "PROJECT_CATEGORIES", "PROJECT_STAGES", "ROLES",
    "ROUND_STATUSES", "UNIT_KINDS", "WITHDRAWN",
    "AuditEntry", "Base", "DispatchRound", "ImportedDocument", "Indicator", "IndicatorActual", "LoginFailure", "Park",
    "ParkSettings", "Person", "PersonAlias", "ProgressDraft", "ProgressNote", "ProgressReport", "Project", "ProjectInvestment", "Submission",
    "SupervisionEvent", "SupervisionOrder", "Task", "TaskTarget", "Unit", "UnitAlias", "User",
    "task_co_units", "task_lead_units", "task_leaders", "utcnow",
]
