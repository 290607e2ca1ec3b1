"""Which unit answers for which ledger row: the lead units of a task, the lead unit of an indicator or project;
the co-units of a task, which add notes beside the lead unit's reports."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkgov.store.models import ACTIVE, Indicator, Project, Task, Unit, task_lead_units

Item = Task | Indicator | Project

ITEM_KINDS = {"task": Task, "indicator": Indicator, "project": Project}
ITEM_LABELS = {"task": "任务", "indicator": "指标", "project": "项目"}


def kind_of(item: Item) -> str:
    """``task``, ``indicator`` or ``project``."""
    return next(k for k, cls in ITEM_KINDS.items() if isinstance(item, cls))


def item_key(item: Item) -> str:
    """A stable key such as ``task:12``."""
    return f"{kind_of(item)}:{item.id}"


def owner_unit_ids(item: Item) -> list[int]:
    """The units that report for ``item``."""
    if isinstance(item, Task):
        return [u.id for u in item.lead_units]
    return [item.lead_unit_id] if item.lead_unit_id is not None else []


def co_unit_ids(item: Item) -> list[int]:
    """The co-units (配合单位) of a task, which add notes but do not report its progress; none for other items."""
    return [u.id for u in item.co_units] if isinstance(item, Task) else []


def responsible_units(session: Session, park_id: int, year: int) -> list[Unit]:
    """Active units of the park that lead at least one active row of ``year``, by name."""
    ids: set[int] = set()
    ids.update(session.scalars(select(task_lead_units.c.unit_id).join(Task, Task.id == task_lead_units.c.task_id)
                               .where(Task.park_id == park_id, Task.year == year, Task.status == ACTIVE)))
    for cls in (Indicator, Project):
        ids.update(session.scalars(select(cls.lead_unit_id).where(cls.park_id == park_id, cls.year == year,
                                                                  cls.status == ACTIVE,
                                                                  cls.lead_unit_id.is_not(None))))
    if not ids:
        return []
    return list(session.scalars(select(Unit).where(Unit.id.in_(ids), Unit.is_active.is_(True))
                                .order_by(Unit.name)))
