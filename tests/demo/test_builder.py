"""``parkgov demo --no-serve`` builds five demo parks through the services, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased
from typer.testing import CliRunner

from parkgov.cli import app
from parkgov.demo.names import DEMO_PARKS
from parkgov.services.accounts import login
from parkgov.store.database import make_engine, make_session_factory
from parkgov.store.models import (DispatchRound, IndicatorActual, Park, ProgressReport, ProjectInvestment, Submission,
                                  SupervisionOrder, Task, User)


def _counts(engine) -> dict:
    with engine.connect() as c:
        out = {}
        for park_id, name in c.execute(select(Park.id, Park.name)):
            rounds = c.execute(select(DispatchRound.status, func.count()).where(DispatchRound.park_id == park_id)
                               .group_by(DispatchRound.status)).all()
            round_ids = select(DispatchRound.id).where(DispatchRound.park_id == park_id)
            out[name] = {
                "tasks": c.scalar(select(func.count()).select_from(Task).where(Task.park_id == park_id)),
                "rounds": dict(rounds),
                "reports": c.scalar(select(func.count()).select_from(ProgressReport)
                                    .where(ProgressReport.round_id.in_(round_ids))),
                "reporting_units": c.scalar(select(func.count(func.distinct(ProgressReport.unit_id)))
                                            .where(ProgressReport.round_id.in_(round_ids))),
                "late": c.scalar(select(func.count()).select_from(Submission)
                                 .where(Submission.round_id.in_(round_ids), Submission.late.is_(True))),
                "orders": c.scalar(select(func.count()).select_from(SupervisionOrder)
                                   .where(SupervisionOrder.park_id == park_id)),
                "not_demo_tasks": c.scalar(select(func.count()).select_from(Task)
                                           .where(Task.park_id == park_id, Task.is_demo.is_(False))),
            }
        out["_missing"] = c.scalar(select(func.count()).select_from(Submission)
                                   .where(Submission.submitted_at.is_(None)))
        imported, reported = aliased(IndicatorActual), aliased(IndicatorActual)
        out["_june_pairs"] = c.execute(
            select(func.count(), func.sum(case((imported.value == reported.value, 1), else_=0)))
            .join(reported, reported.indicator_id == imported.indicator_id)
            .where(imported.period.in_(("2025-H1", "2025-YTD06")), imported.progress_report_id.is_(None),
                   imported.value.is_not(None), reported.period == "2025-06",
                   reported.progress_report_id.is_not(None))).one()
        out["_investments"] = c.scalar(select(func.count()).select_from(ProjectInvestment))
        out["_actuals_reported"] = c.scalar(select(func.count()).select_from(IndicatorActual)
                                            .where(IndicatorActual.progress_report_id.is_not(None)))
        out["_demo_parks"] = c.scalar(select(func.count()).select_from(Park).where(Park.is_demo.is_(True)))
    return out


@pytest.mark.slow
def test_demo_builds_five_parks_once(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATABASE_URL", db_url)
    monkeypatch.setenv("PARKGOV_ADMIN_PASSWORD", "演示密码-2025")
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--no-serve", "--docs", str(tmp_path / "docs")])
    assert first.exit_code == 0, first.output
    assert "已创建管理员账号 admin" in first.output and "演示密码-2025" not in first.output
    engine = make_engine(db_url)
    try:
        counts = _counts(engine)
        assert counts["_demo_parks"] == 5
        for profile in DEMO_PARKS:
            park = counts[profile.short]
            assert park["tasks"] >= 30, (profile.short, park)
            assert park["rounds"] == {"closed": 9, "open": 1}, (profile.short, park)
            assert park["reports"] > 500 and park["reporting_units"] >= 5, (profile.short, park)
            assert park["late"] > 0 and park["orders"] > 0, (profile.short, park)
            assert park["not_demo_tasks"] == 0
        assert counts["_investments"] > 100 and counts["_actuals_reported"] > 100
        assert counts["_missing"] > 0
        pairs, equal = counts["_june_pairs"]
        assert pairs > 20 and equal == pairs, "June reports must repeat the half-year summary's figures"
        with engine.connect() as c:
            stored = c.scalar(select(User.password_hash).where(User.username == "admin"))
        assert PasswordHasher().verify(stored, "演示密码-2025")
        assert "青禾经开区调度员（调度员）" in first.output
        with make_session_factory(engine)() as s:
            coordinator = login(s, "青禾经开区调度员", "演示密码-2025")
            assert coordinator.actor.role.value == "coordinator" and coordinator.park_name == "青禾经开区"

        second = runner.invoke(app, ["demo", "--no-serve", "--docs", str(tmp_path / "docs")])
        assert second.exit_code == 0, second.output
        assert second.output.count("演示数据已存在，沿用") == 5
        assert _counts(engine) == counts
    finally:
        engine.dispose()


@pytest.mark.slow
def test_demo_from_the_seed_folder_names_each_park_from_its_document(seeds_dir, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'seeds.db'}"
    monkeypatch.setenv("PARKGOV_DATABASE_URL", url)
    monkeypatch.delenv("PARKGOV_ADMIN_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--from", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert "管理员 admin 的初始密码" in result.output
    engine = make_engine(url)
    try:
        counts = _counts(engine)
    finally:
        engine.dispose()
    assert {"安化经开区", "洪江高新区", "洞口经开区", "兴国经开区", "西洞庭管理区"} <= set(counts)
    assert counts["_demo_parks"] == 5
    assert counts["西洞庭管理区"]["tasks"] == 56
    assert counts["西洞庭管理区"]["rounds"] == {"closed": 9, "open": 1}
    assert counts["西洞庭管理区"]["reporting_units"] >= 5
    assert counts["安化经开区"]["reports"] > 0
