"""The dashboard reuses its computed view only while the park's ledger version holds."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from pages_support import login, set_passwords
from parkgov.services import ledger_version, park_admin, progress, rounds, supervision
from parkgov.services.access import Actor
from parkgov.services.progress import ProgressInput
from parkgov.services.view_cache import ViewCache
from parkgov.web.app import create_app

SYSTEM = Actor.system()


def test_every_kind_of_write_changes_the_version(session_factory, ledger):
    with session_factory() as s:
        seen = [ledger_version.ledger_version(s, ledger.park_id)]

        def changed():
            now = ledger_version.ledger_version(s, ledger.park_id)
            assert now != seen[-1]
            seen.append(now)

        rounds.open_round(s, SYSTEM, ledger.park_id, "2025-06")
        changed()
        progress.submit(s, SYSTEM, ledger.park_id, ProgressInput(kind="task", item_id=ledger.tasks["8"],
                                                                 period="2025-06", narrative="进展"))
        changed()
        order = supervision.raise_order(s, SYSTEM, ledger.park_id, reason="滞后", kind="task",
                                        item_id=ledger.tasks["20"], due_date=date.today() + timedelta(days=5))
        changed()
        supervision.act(s, SYSTEM, order["id"], "reply", note="已整改")
        changed()
        park_admin.update_settings(s, SYSTEM, ledger.park_id, {
            "green_gap_pct": "1", "yellow_gap_pct": "5", "growth_yellow_gap_pct": "2", "timeliness": "40",
            "green": "40", "supervision": "20", "dispatch_deadline_day": "5"})
        changed()
        rounds.close_round(s, SYSTEM, ledger.park_id, "2025-06")
        changed()


def test_the_cache_keeps_at_most_its_size():
    cache = ViewCache(max_entries=2)
    calls = []
    for key in ("a", "b", "a", "c", "b"):
        cache.get_or_compute((key,), lambda k=key: calls.append(k) or k)
    assert calls == ["a", "b", "c", "b"]


def test_dashboard_shows_a_new_report_at_once(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with session_factory() as s:
        rounds.open_round(s, SYSTEM, ledger.park_id, "2025-06")
    with TestClient(create_app(db_url)) as client:
        login(client, "coord")
        before = client.get("/dashboard?as_of=2025-07-31").text
        assert "已完成 <a" in before and "30 亿元" not in before
        with session_factory() as s:
            progress.submit(s, SYSTEM, ledger.park_id, ProgressInput(
                kind="indicator", item_id=ledger.indicators["规模工业总产值"], period="2025-06", value=Decimal("30"),
                value_unit="亿元"))
        after = client.get("/dashboard?as_of=2025-07-31").text
        assert after != before
        assert "完成目标的37.50%" in after
