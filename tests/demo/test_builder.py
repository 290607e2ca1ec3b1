"""``parkgov demo --no-serve`` builds five demo parks through the services, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased
from typer.testing import CliRunner

from parkgov.cli import app
from parkgov.demo.names import DEMO_PARKS
from parkgov.demo.progress import AS_OF
from parkgov.services import status
from parkgov.services.access import Actor
from parkgov.services.accounts import login
from parkgov.store.database import make_engine, make_session_factory
from parkgov.store.models import (AuditEntry, DispatchRound, Indicator, IndicatorActual, Park, ProgressReport,
                                  ProjectInvestment, Submission, SupervisionOrder, Task, User)


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
                "submissions": c.scalar(select(func.count()).select_from(Submission)
                                        .where(Submission.round_id.in_(round_ids))),
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


SEED_PARKS = ("安化经开区", "洪江高新区", "洞口经开区", "兴国经开区", "西洞庭管理区")


@pytest.mark.slow
def test_demo_from_the_seed_folder_names_each_park_from_its_document(seeds_dir, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'seeds.db'}"
    monkeypatch.setenv("PARKGOV_DATABASE_URL", url)
    monkeypatch.delenv("PARKGOV_ADMIN_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--from", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert "管理员 admin 的初始密码" in result.output
    assert "洞口经开区：《洞口县创建“五好”园区行动方案》是2021年的文件，演示时计入2025年台账" in result.output
    assert "兴国经开区：《兴国经开区2024年工作总结暨2025年工作打算》是2024年的文件" in result.output
    assert "2024年实际数不计入" in result.output and "台账中没有任务、项目，不在调度之列" in result.output
    engine = make_engine(url)
    try:
        counts = _counts(engine)
        with make_session_factory(engine)() as s:
            years = set(s.scalars(select(Indicator.year))) | set(s.scalars(select(Task.year)))
            lights = {name: status.park_status(s, Actor.system(), name, AS_OF)["light_counts"] for name in SEED_PARKS}
            lead_audits = {name: len(s.scalars(select(AuditEntry.id).join(Park, Park.id == AuditEntry.park_id)
                                               .where(Park.name == name, AuditEntry.field == "lead_unit")).all())
                           for name in SEED_PARKS}
    finally:
        engine.dispose()
    assert set(SEED_PARKS) <= set(counts)
    assert counts["_demo_parks"] == 5 and years == {2025}
    assert counts["西洞庭管理区"]["tasks"] == 56
    assert lead_audits["兴国经开区"] >= 7 and lead_audits["洞口经开区"] > 0, lead_audits
    assert counts["西洞庭管理区"]["reporting_units"] >= 5
    for name in SEED_PARKS:
        park = counts[name]
        assert park["rounds"] == {"closed": 9, "open": 1}, (name, park)
        assert park["reports"] > 0 and park["submissions"] > 0, (name, park)
        lit = lights[name]["red"] + lights[name]["yellow"] + lights[name]["green"]
        assert lit >= 4 and lights[name]["red"] + lights[name]["yellow"] > 0, (name, lights[name])
