"""Property: after importing version A then a confirmed version B, the ledger holds B, and A's extra rows are withdrawn."""
from __future__ import annotations

import hashlib
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from parkgov.extract.facts import DocumentInfo, Extraction, TaskFact
from parkgov.services.importing import import_extraction
from parkgov.store.models import AuditEntry, Park, Task

_parks = itertools.count(1)
# a version: task number -> which of two requirement texts it carries
versions = st.dictionaries(st.integers(1, 8), st.integers(0, 1), min_size=1, max_size=8)


def _extraction(version: dict[int, int]) -> Extraction:
    tasks = [TaskFact(seq=str(i), category="重点任务", item=f"事项{i}", requirement=f"要求{i}-{v}",
                      departments=[f"单位{i % 3}"]) for i, v in sorted(version.items())]
    sha = hashlib.sha256(repr(sorted(version.items())).encode()).hexdigest()
    return Extraction(source={"path": "方案.txt", "format": "txt", "sha256": sha},
                      document=DocumentInfo(title="2025年工作方案", year=2025, genre="action_plan"), tasks=tasks)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=versions, b=versions)
def test_revision_leaves_exactly_the_new_version_active(session_factory, a, b):
    park = f"园区{next(_parks)}"
    with session_factory.begin() as s:
        s.add(Park(name=park))
    import_extraction(session_factory, _extraction(a), park, 2025)
    outcome = import_extraction(session_factory, _extraction(b), park, 2025, confirm=lambda p: True)
    assert outcome.applied == (a != b)
    with session_factory() as s:
        park_id = s.scalars(select(Park.id).where(Park.name == park)).one()
        rows = s.scalars(select(Task).where(Task.park_id == park_id)).all()
        active = {int(t.seq): t.requirement for t in rows if t.status == "active"}
        withdrawn = {int(t.seq) for t in rows if t.status == "withdrawn"}
        assert active == {i: f"要求{i}-{v}" for i, v in b.items()}
        assert withdrawn == set(a) - set(b)
        assert len(rows) == len(set(a) | set(b))
        updates = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.park_id == park_id, AuditEntry.entity == "task", AuditEntry.action == "update"))
        assert updates == sum(1 for i in set(a) & set(b) if a[i] != b[i])
