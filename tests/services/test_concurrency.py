"""Writers released at the same moment, each on its own connection: nothing lost, stale copies refused.

Complements the two-writer cases of test_progress.py: a whole park reporting at once, one unit on
two items at once (one submission row), two replies to one order from the same version, and two
coordinators opening the same round.
"""
from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from parkgov.services import progress, rounds, status, supervision
from parkgov.services.errors import Conflict, StaleVersion
from parkgov.services.progress import ProgressInput
from parkgov.services.users import authenticate
from parkgov.store.models import DispatchRound, ProgressReport, SupervisionEvent, SupervisionOrder, Submission

JUNE = "2025-06"


def together(session_factory, ledger, jobs: list[tuple[str, object]]) -> list[object]:
    """Run ``job(session, actor)`` for every (token name, job) in its own thread and session, all
    released by one barrier; returns each job's result or the exception it raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int, who: str, job) -> None:
        with session_factory() as s:
            actor = authenticate(s, ledger.tokens[who])
            barrier.wait(timeout=20)
            try:
                results[i] = job(s, actor)
            except Exception as exc:  # asserted on by the tests
                results[i] = exc

    threads = [threading.Thread(target=run, args=(i, who, job)) for i, (who, job) in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a writer is still blocked"
    return results


def _submit(ledger, inp: ProgressInput):
    return lambda s, actor: progress.submit(s, actor, ledger.park_id, inp)


@pytest.fixture
def june(session, ledger):
    rounds.open_round(session, authenticate(session, ledger.tokens["coord"]), ledger.park_id, JUNE,
                      deadline=date(2099, 1, 5))
    return JUNE


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_every_unit_reports_at_once_and_every_report_lands(session_factory, session, ledger, june):
    jobs = [
        ("rep_商务局", _submit(ledger, ProgressInput("task", ledger.tasks["8"], june, "推进中", value=Decimal("7")))),
        ("rep_科工局", _submit(ledger, ProgressInput("indicator", ledger.indicators["规模工业总产值"], june,
                                                   value=Decimal("41"), value_unit="亿元"))),
        ("rep_财政局", _submit(ledger, ProgressInput("task", ledger.tasks["20"], june, "已完成"))),
        ("rep_发改局", _submit(ledger, ProgressInput("task", ledger.tasks["21"], june, "推进中", "完成可研"))),
        ("rep_人社局", _submit(ledger, ProgressInput("indicator", ledger.indicators["城镇登记失业率"], june,
                                                   value=Decimal("3.9"), value_unit="%"))),
        ("rep_住建局", _submit(ledger, ProgressInput("project", ledger.projects["新材料产业园"], june,
                                                   investment=Decimal("2500"), investment_unit="万元"))),
    ]
    results = together(session_factory, ledger, jobs)
    assert all(isinstance(r, dict) and r["revision"] == 1 for r in results), results
    assert _count(session, ProgressReport) == 6 and _count(session, Submission) == 6
    view = status.compute_status(session, ledger.park_id, date(2025, 6, 30))
    tasks = {t["id"]: t for t in view.tasks}
    assert tasks[ledger.tasks["8"]]["targets"][0]["actual"] == Decimal("7")
    assert tasks[ledger.tasks["20"]]["state"] == "completed"
    indicators = {i["id"]: i for i in view.indicators}
    assert indicators[ledger.indicators["规模工业总产值"]]["actual_value"] == Decimal("41")
    assert (view.projects[0]["completed_investment"], view.projects[0]["completed_investment_unit"]) == (
        Decimal("0.25"), "亿元")


def test_one_unit_on_two_items_at_once_both_land_with_one_submission(session_factory, session, ledger, june):
    jobs = [("rep_科工局", _submit(ledger, ProgressInput("task", ledger.tasks["12"], june, "推进中",
                                                       value=Decimal("2")))),
            ("rep_科工局", _submit(ledger, ProgressInput("indicator", ledger.indicators["规模工业总产值"], june,
                                                       value=Decimal("40"), value_unit="亿元")))]
    results = together(session_factory, ledger, jobs)
    assert all(isinstance(r, dict) for r in results), results
    assert _count(session, ProgressReport, ProgressReport.unit_id == ledger.units["科工局"]) == 2
    assert _count(session, Submission, Submission.unit_id == ledger.units["科工局"]) == 1


def test_same_item_from_the_same_revision_many_times_exactly_one_lands(session_factory, session, ledger, june):
    first = progress.submit(session, authenticate(session, ledger.tokens["rep_商务局"]), ledger.park_id,
                            ProgressInput("task", ledger.tasks["8"], june, "推进中", "第一版"))
    texts = ["甲", "乙", "丙", "丁"]
    jobs = [("rep_商务局", _submit(ledger, ProgressInput("task", ledger.tasks["8"], june, "推进中", text,
                                                       base_revision=first["revision"]))) for text in texts]
    results = together(session_factory, ledger, jobs)
    landed = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, StaleVersion)]
    assert len(landed) == 1 and len(refused) == len(texts) - 1, results
    assert landed[0]["revision"] == 2 and landed[0]["supersedes_id"] == first["id"]
    session.expire_all()
    narratives = session.scalars(select(ProgressReport.narrative).order_by(ProgressReport.revision)).all()
    assert narratives == ["第一版", landed[0]["narrative"]]
    assert all("请刷新" in r.message for r in refused)


def test_two_replies_to_one_order_from_the_same_version_one_is_refused(session_factory, session, ledger):
    coord = authenticate(session, ledger.tokens["coord"])
    order = supervision.raise_order(session, coord, ledger.park_id, kind="task", item_id=ledger.tasks["20"],
                                    reason="预算绩效改革进度滞后", due_date=date(2099, 7, 15))
    seen = order["version"]
    jobs = [("rep_财政局", lambda s, actor, note=note: supervision.act(s, actor, order["id"], "reply", note=note,
                                                                     version=seen))
            for note in ("已完成方案", "已报送材料")]
    results = together(session_factory, ledger, jobs)
    landed = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, StaleVersion)]
    assert len(landed) == 1 and len(refused) == 1, results
    session.expire_all()
    stored = session.get(SupervisionOrder, order["id"])
    assert stored.status == "replied" and stored.version == landed[0]["version"] > seen
    replies = session.scalars(select(SupervisionEvent.note).where(SupervisionEvent.order_id == order["id"],
                                                                  SupervisionEvent.action == "reply")).all()
    assert replies == [landed[0]["events"][-1]["note"]]


def test_two_coordinators_open_the_same_round_one_gets_conflict(session_factory, session, ledger):
    jobs = [(who, lambda s, actor: rounds.open_round(s, actor, ledger.park_id, "2025-07",
                                                     deadline=date(2099, 8, 5)))
            for who in ("coord", "admin")]
    results = together(session_factory, ledger, jobs)
    assert sum(isinstance(r, dict) for r in results) == 1, results
    assert sum(isinstance(r, Conflict) for r in results) == 1, results
    assert _count(session, DispatchRound, DispatchRound.period == "2025-07") == 1

