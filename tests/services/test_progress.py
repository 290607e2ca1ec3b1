"""Progress submission: own rows only, append-only revisions, drafts, optimistic versioning, concurrency."""
from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from parkgov.services import progress, rounds, status
from parkgov.services.errors import Forbidden, InvalidInput, StaleVersion
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate
from parkgov.store.models import (IndicatorActual, ProgressDraft, ProgressNote, ProgressReport, Project,
                                  ProjectInvestment, Submission, Task, Unit)


@pytest.fixture
def june(session, ledger):
    rounds.open_round(session, authenticate(session, ledger.tokens["coord"]), ledger.park_id, "2025-06",
                      deadline=date(2099, 1, 5))
    return "2025-06"


def _actor(session, ledger, who):
    return authenticate(session, ledger.tokens[who])


def _count(session, model=ProgressReport) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_reporter_submits_own_task_with_target_value(session, ledger, june):
    rep = _actor(session, ledger, "rep_商务局")
    out = progress.submit(session, rep, ledger.park_id,
                          ProgressInput("task", ledger.tasks["8"], june, "推进中", "新签约项目5个", value=Decimal("5")))
    assert out["revision"] == 1 and out["state"] == "in_progress" and out["unit_id"] == ledger.units["商务局"]
    assert out["values"]["targets"][0]["name"] == "新引进产业项目" and out["values"]["targets"][0]["value"] == "5"
    assert _count(session, Submission) == 1


def test_forged_report_for_another_units_row_is_refused_and_changes_nothing(session, ledger, june):
    progress.submit(session, _actor(session, ledger, "rep_商务局"), ledger.park_id,
                    ProgressInput("task", ledger.tasks["8"], june, "in_progress", "原始"))
    forger = _actor(session, ledger, "rep_科工局")
    before = progress.history(session, forger, ledger.park_id, "task", ledger.tasks["8"])
    for unit_id in (None, ledger.units["商务局"], ledger.units["科工局"]):
        with pytest.raises(Forbidden):
            progress.submit(session, forger, ledger.park_id,
                            ProgressInput("task", ledger.tasks["8"], june, "completed", "伪造", unit_id=unit_id,
                                          base_revision=1))
        with pytest.raises(Forbidden):
            progress.save_draft(session, forger, ledger.park_id,
                                ProgressInput("task", ledger.tasks["8"], june, "completed", unit_id=unit_id))
    for who in ("leader", "viewer"):
        with pytest.raises(Forbidden):
            progress.submit(session, _actor(session, ledger, who), ledger.park_id,
                            ProgressInput("task", ledger.tasks["8"], june, "completed", base_revision=1))
    after = progress.history(session, forger, ledger.park_id, "task", ledger.tasks["8"])
    assert after == before and [r["narrative"] for r in after["reports"]] == ["原始"]
    assert _count(session, ProgressDraft) == 0 and _count(session, Submission) == 1


def test_correction_is_a_new_revision_and_stale_copy_is_refused(session, ledger, june):
    rep = _actor(session, ledger, "rep_科工局")
    first = progress.submit(session, rep, ledger.park_id,
                            ProgressInput("task", ledger.tasks["12"], june, "in_progress", "第一版"))
    second = progress.submit(session, rep, ledger.park_id,
                             ProgressInput("task", ledger.tasks["12"], june, "in_progress", "更正版", base_revision=1))
    assert second["revision"] == 2 and second["supersedes_id"] == first["id"]
    with pytest.raises(StaleVersion, match="刷新"):
        progress.submit(session, rep, ledger.park_id,
                        ProgressInput("task", ledger.tasks["12"], june, "completed", "旧副本", base_revision=1))
    narratives = [r["narrative"] for r in progress.history(session, rep, ledger.park_id, "task",
                                                           ledger.tasks["12"])["reports"]]
    assert narratives == ["第一版", "更正版"]


def test_draft_is_saved_over_and_removed_on_submit(session, ledger, june):
    rep = _actor(session, ledger, "rep_发改局")
    item = ProgressInput("task", ledger.tasks["21"], june, "not_started", "草稿一")
    progress.save_draft(session, rep, ledger.park_id, item)
    item.narrative = "草稿二"
    draft = progress.save_draft(session, rep, ledger.park_id, item)
    assert draft["narrative"] == "草稿二" and _count(session, ProgressDraft) == 1 and _count(session) == 0
    progress.submit(session, rep, ledger.park_id, item)
    assert _count(session, ProgressDraft) == 0 and _count(session) == 1


def test_indicator_actual_and_project_investment_reach_the_ledger(session, ledger, june):
    progress.submit(session, _actor(session, ledger, "rep_科工局"), ledger.park_id,
                    ProgressInput("indicator", ledger.indicators["规模工业总产值"], june, value=Decimal("35.5"),
                                  value_unit="亿元", yoy_pct=Decimal("8.2")))
    actual = session.scalars(select(IndicatorActual)).one()
    assert (actual.period, actual.value, actual.unit, actual.yoy_pct) == ("2025-06", Decimal("35.5"), "亿元",
                                                                          Decimal("8.2"))
    progress.submit(session, _actor(session, ledger, "rep_住建局"), ledger.park_id,
                    ProgressInput("project", ledger.projects["新材料产业园"], june, investment=Decimal("3000"),
                                  investment_unit="万元", milestones={"started": date(2025, 5, 10)}))
    inv = session.scalars(select(ProjectInvestment)).one()
    assert (inv.amount, inv.unit) == (Decimal("3000"), "万元")
    session.expire_all()
    assert session.get(Project, ledger.projects["新材料产业园"]).started_actual == date(2025, 5, 10)


def test_bad_figures_are_refused_and_nothing_is_written(session, ledger, june):
    rep = _actor(session, ledger, "rep_科工局")
    with pytest.raises(InvalidInput, match="单位"):
        progress.submit(session, rep, ledger.park_id,
                        ProgressInput("indicator", ledger.indicators["规模工业总产值"], june, value=Decimal("3"),
                                      value_unit="万美元"))
    with pytest.raises(InvalidInput, match="累计完成值"):
        progress.submit(session, rep, ledger.park_id,
                        ProgressInput("indicator", ledger.indicators["规模工业总产值"], june))
    with pytest.raises(InvalidInput, match="进展状态"):
        progress.submit(session, rep, ledger.park_id, ProgressInput("task", ledger.tasks["12"], june, "差不多"))
    with pytest.raises(InvalidInput, match="晚于今天"):
        progress.submit(session, _actor(session, ledger, "rep_住建局"), ledger.park_id,
                        ProgressInput("project", ledger.projects["新材料产业园"], june,
                                      milestones={"completed": date(2999, 1, 1)}))
    assert _count(session) == 0 and _count(session, IndicatorActual) == 0 and _count(session, Submission) == 0


def test_two_units_submitting_concurrently_both_land(db_url, session_factory, ledger, june):
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def report(who: str, kind: str, item_id: int, **figures) -> None:
        try:
            with session_factory() as s:
                actor = authenticate(s, ledger.tokens[who])
                barrier.wait(timeout=10)
                progress.submit(s, actor, ledger.park_id, ProgressInput(kind, item_id, june, **figures))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=report, args=("rep_商务局", "task", ledger.tasks["8"]),
                                kwargs={"narrative": "商务局"}),
               threading.Thread(target=report, args=("rep_科工局", "indicator", ledger.indicators["规模工业总产值"]),
                                kwargs={"value": Decimal("30"), "value_unit": "亿元"})]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    with session_factory() as s:
        assert _count(s) == 2 and _count(s, Submission) == 2


def test_same_item_concurrently_one_lands_other_gets_conflict(db_url, session_factory, ledger, june):
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def report(text: str) -> None:
        with session_factory() as s:
            actor = authenticate(s, ledger.tokens["rep_商务局"])
            barrier.wait(timeout=10)
            try:
                progress.submit(s, actor, ledger.park_id, ProgressInput("task", ledger.tasks["8"], june,
                                                                        narrative=text))
                outcomes.append("ok")
            except StaleVersion:
                outcomes.append("stale")

    threads = [threading.Thread(target=report, args=(t,)) for t in ("甲", "乙")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["ok", "stale"]
    with session_factory() as s:
        assert _count(s) == 1


def test_co_unit_adds_notes_but_only_the_lead_units_report_drives_status(session_factory, session, ledger, june):
    with session_factory.begin() as s:
        s.get(Task, ledger.tasks["8"]).co_units = [s.get(Unit, ledger.units["科工局"])]
    co, lead = _actor(session, ledger, "rep_科工局"), _actor(session, ledger, "rep_商务局")
    with pytest.raises(Forbidden, match="配合单位"):
        progress.submit(session, co, ledger.park_id, ProgressInput("task", ledger.tasks["8"], june, "已完成"))
    note = progress.add_note(session, co, ledger.park_id, ledger.tasks["8"], june, "已对接3家企业的用地需求")
    assert note["unit_id"] == ledger.units["科工局"] and note["period"] == june
    assert _count(session) == 0 and _count(session, Submission) == 0  # a note is not the task's report
    progress.submit(session, lead, ledger.park_id, ProgressInput("task", ledger.tasks["8"], june, "已完成"))
    progress.add_note(session, co, ledger.park_id, ledger.tasks["8"], june, "用地手续仍在办理")
    view = {t["id"]: t for t in status.compute_status(session, ledger.park_id, date(2025, 6, 30)).tasks}
    assert view[ledger.tasks["8"]]["light"] == "green"  # the lead unit's 已完成, whatever the notes say
    seen = progress.history(session, lead, ledger.park_id, "task", ledger.tasks["8"])
    assert [n["narrative"] for n in seen["notes"]] == ["已对接3家企业的用地需求", "用地手续仍在办理"]
    assert [r["unit_id"] for r in seen["reports"]] == [ledger.units["商务局"]]
    assert seen["co_units"] == [ledger.units["科工局"]]
    for who, match in (("rep_商务局", "牵头单位请直接填报"), ("rep_财政局", "配合单位"), ("leader", "只读")):
        with pytest.raises(Forbidden, match=match):
            progress.add_note(session, _actor(session, ledger, who), ledger.park_id, ledger.tasks["8"], june, "说明")
    with pytest.raises(InvalidInput, match="配合情况"):
        progress.add_note(session, co, ledger.park_id, ledger.tasks["8"], june, "  ")
    assert session.scalar(select(func.count()).select_from(ProgressNote)) == 2
