"""The import use case on SQLite and PostgreSQL: plan, apply, duplicates, revisions, names, atomicity."""
from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from seed_paths import gold

from parkgov.extract.errors import ExtractError
from parkgov.extract.facts import (Amount, DocumentInfo, Extraction, IndicatorFact, ProjectFact, TargetFact,
                                   TaskFact)
from parkgov.services import importing, status
from parkgov.services.ownership import owner_unit_ids, responsible_units
from parkgov.services.importing import ImportRefused, import_extraction, import_file
from parkgov.store.models import (AuditEntry, Base, ImportedDocument, Indicator, IndicatorActual, Park, Person,
                                  Project, Task, Unit, UnitAlias)

PARK = "青禾管理区"


def make_extraction(sha: str = "a" * 64, tasks: list[TaskFact] | None = None) -> Extraction:
    """A task table like seed 004 with a few targets, actuals and projects, built by hand."""
    if tasks is None:
        tasks = [
            TaskFact(seq="1", category="年度目标任务", item="地区生产总值", requirement="增长5.5%以上",
                     leaders=["韩知远"], departments=["发改局"],
                     targets=[TargetFact(name="地区生产总值", value=None, unit=None, yoy_pct=5.5, comparator=">=")],
                     offset=120),
            TaskFact(seq="3", category="年度目标任务", item="规模工业增加值", requirement="增长6.5%以上",
                     leaders=["林  川"], departments=["科工局"], offset=200),
            TaskFact(seq="8", category="着力兴产业、优环境", item="开展产业链精准招商攻坚",
                     requirement="力争全年新引进产业项目12个以上", leaders=["林川"], departments=["商务局"],
                     co_units=["县自然资源局"], deadline="12月底前",
                     targets=[TargetFact(name="新引进产业项目", value=12, unit="个", comparator=">=")], offset=300),
        ]
    return Extraction(
        source={"path": "/tmp/分解表.txt", "format": "txt", "sha256": sha, "chars": 1000},
        document=DocumentInfo(title="青禾管理区2025年重点工作任务分解表", year=2025,
                              genre="task_table", date="2025-02-25"),
        indicators=[
            IndicatorFact(name="营业总收入", value=128.45, unit="亿元", yoy_pct=10.0, comparator=None, kind="target",
                          quote="预计2025年实现营业总收入128.45亿元", offset=10),
            IndicatorFact(name="规模工业总产值", value=30.12, unit="亿元", yoy_pct=9.1, kind="actual",
                          period="2025年1-5月", quote="完成规模工业总产值30.12亿元", offset=50),
        ],
        tasks=tasks,
        projects=[ProjectFact(name="110千伏青禾变电站项目", category="infrastructure", stage="new",
                              total_investment=Amount(415779, "万元"), annual_plan=Amount(1.5, "亿元"),
                              unit="发改局", offset=900)],
    )


def counts(factory) -> dict[str, int]:
    """Row count of every table."""
    with factory() as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def park(session_factory) -> int:
    with session_factory.begin() as s:
        p = Park(name=PARK)
        s.add(p)
        s.flush()
        s.add(Unit(park_id=p.id, name="自然资源局"))
        return p.id


def test_first_import_creates_rows_names_document_and_audit(session_factory, park):
    outcome = import_extraction(session_factory, make_extraction(), PARK, 2025)
    assert outcome.applied and outcome.plan.status == "new"
    assert sorted(outcome.plan.new_units) == ["发改局", "商务局", "科工局"]
    assert sorted(outcome.plan.new_leaders) == ["林川", "韩知远"]
    with session_factory() as s:
        tasks = {t.seq: t for t in s.scalars(select(Task))}
        assert set(tasks) == {"1", "3", "8"}
        t8 = tasks["8"]
        assert [p.name for p in t8.leaders] == ["林川"] and [u.name for u in t8.lead_units] == ["商务局"]
        assert [u.name for u in t8.co_units] == ["自然资源局"]  # normalised match of 县自然资源局
        assert t8.targets[0].value == Decimal("12") and t8.deadline_text == "12月底前"
        assert t8.source_offset == 300 and t8.document_id == outcome.document_id
        ind = s.scalars(select(Indicator).where(Indicator.name == "营业总收入")).one()
        assert ind.target_value == Decimal("128.45") and ind.unit == "亿元"
        assert ind.growth_target_pct == Decimal("10")
        actual = s.scalars(select(IndicatorActual)).one()
        assert (actual.period, actual.cumulative, actual.value) == ("2025-YTD05", True, Decimal("30.12"))
        assert actual.indicator.name == "规模工业总产值"
        project = s.scalars(select(Project)).one()
        assert project.total_investment == Decimal("415779") and project.total_investment_unit == "万元"
        assert project.annual_plan == Decimal("1.5") and project.annual_plan_unit == "亿元"
        assert project.lead_unit.name == "发改局"
        doc = s.get(ImportedDocument, outcome.document_id)
        assert doc.sha256 == "a" * 64 and doc.genre == "task_table" and doc.extraction["tasks"][0]["seq"] == "1"
        assert s.scalars(select(UnitAlias.alias)).all() == ["县自然资源局"]
        assert s.scalar(select(func.count()).select_from(Person)) == 2  # 林  川 and 林川 are one person
        created = {(a.entity, a.new_value) for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "create"))}
        assert ("task", "8 开展产业链精准招商攻坚") in created and ("unit", "商务局") in created


def test_normalised_match_is_reported(session_factory, park):
    plan = import_extraction(session_factory, make_extraction(), PARK, 2025, dry_run=True).plan
    [m] = plan.normalised_matches
    assert (m.written, m.existing_name, m.how) == ("县自然资源局", "自然资源局", "normalised")


def test_ambiguous_normalised_name_creates_a_new_unit(session_factory, park):
    with session_factory.begin() as s:
        s.add_all([Unit(park_id=park, name="发改局"), Unit(park_id=park, name="区发改局")])
    tasks = [TaskFact(seq="1", category=None, item="项目谋划", requirement="谋划项目", departments=["县发改局"])]
    outcome = import_extraction(session_factory, make_extraction(tasks=tasks), PARK, 2025)
    [m] = [u for u in outcome.plan.units if u.written == "县发改局"]
    assert m.existing_id is None and m.ambiguous == ("区发改局", "发改局")
    with session_factory() as s:
        assert s.scalars(select(Task)).one().lead_units[0].name == "县发改局"


def test_same_file_again_changes_nothing(session_factory, park):
    import_extraction(session_factory, make_extraction(), PARK, 2025)
    before = counts(session_factory)
    outcome = import_extraction(session_factory, make_extraction(), PARK, 2025, confirm=lambda p: True)
    assert not outcome.applied and outcome.plan.status == "duplicate"
    assert "已导入过" in outcome.message
    assert counts(session_factory) == before


def test_project_totals_stated_in_prose_are_not_ledger_projects(session_factory, park):
    extraction = make_extraction()
    extraction.projects.append(ProjectFact(name="建设项目（合计）", count=34, aggregate=True,
                                           total_investment=Amount(415779, "万元"), offset=950))
    import_extraction(session_factory, extraction, PARK, 2025)
    with session_factory() as s:
        assert s.scalars(select(Project.name)).all() == ["110千伏青禾变电站项目"]


def test_dry_run_writes_nothing(session_factory, park):
    before = counts(session_factory)
    shown = []
    outcome = import_extraction(session_factory, make_extraction(), PARK, 2025, dry_run=True, show=shown.append)
    assert not outcome.applied and shown == [outcome.plan]
    assert len(outcome.plan.rows_of("task", "new")) == 3 and "试运行" in outcome.message
    assert counts(session_factory) == before


def _revised() -> Extraction:
    ext = make_extraction(sha="b" * 64)
    ext.tasks[1].requirement = "增长7%以上"  # changed
    del ext.tasks[0]  # removed: seq 1
    ext.tasks.append(TaskFact(seq="9", category="着力兴产业、优环境", item="全面开展项目建设",
                              requirement="新开工项目10个", leaders=["林川"], departments=["住建局"]))
    return ext


def test_revision_needs_confirmation(session_factory, park):
    import_extraction(session_factory, make_extraction(), PARK, 2025)
    before = counts(session_factory)
    outcome = import_extraction(session_factory, _revised(), PARK, 2025, confirm=lambda p: False)
    assert not outcome.applied and outcome.plan.status == "revision"
    changes = {(r.key, r.change) for r in outcome.plan.rows_of("task")}
    assert changes == {(("1", "地区生产总值"), "removed"), (("3", "规模工业增加值"), "changed"),
                       (("8", "开展产业链精准招商攻坚"), "unchanged"), (("9", "全面开展项目建设"), "new")}
    [changed] = outcome.plan.rows_of("task", "changed")
    assert changed.fields == {"requirement": ("增长6.5%以上", "增长7%以上")}
    assert counts(session_factory) == before


def test_confirmed_revision_updates_withdraws_and_keeps_history(session_factory, park):
    first = import_extraction(session_factory, make_extraction(), PARK, 2025)
    outcome = import_extraction(session_factory, _revised(), PARK, 2025, confirm=lambda p: True)
    assert outcome.applied
    with session_factory() as s:
        tasks = {t.seq: t for t in s.scalars(select(Task))}
        assert set(tasks) == {"1", "3", "8", "9"}  # nothing deleted
        assert tasks["1"].status == "withdrawn" and tasks["1"].withdrawn_at is not None
        assert tasks["3"].requirement == "增长7%以上" and tasks["3"].version == 2
        assert tasks["8"].status == "active" and tasks["8"].version == 1
        assert tasks["9"].lead_units[0].name == "住建局"
        doc = s.get(ImportedDocument, outcome.document_id)
        assert doc.supersedes_id == first.document_id
        update = s.scalars(select(AuditEntry).where(AuditEntry.entity == "task", AuditEntry.action == "update")).one()
        assert (update.entity_id, update.field, update.old_value, update.new_value) == \
            (tasks["3"].id, "requirement", "增长6.5%以上", "增长7%以上")
        withdrawn = {(a.entity, a.entity_id) for a in s.scalars(select(AuditEntry)
                                                                .where(AuditEntry.action == "withdraw"))}
        gdp = s.scalars(select(Indicator).where(Indicator.name == "地区生产总值")).one()
        assert withdrawn == {("task", tasks["1"].id), ("indicator", gdp.id)}  # row 1 stated the indicator
        assert gdp.status == "withdrawn"


def test_failure_half_way_leaves_database_as_before(session_factory, park, monkeypatch):
    import_extraction(session_factory, make_extraction(), PARK, 2025)
    before = counts(session_factory)
    written = []

    def explode(self, rc, doc):
        written.append(self.s.scalar(select(func.count()).select_from(Task)))
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing._Writer, "apply_project", explode)
    revised = _revised()
    revised.projects[0].total_investment = Amount(500000, "万元")
    with pytest.raises(RuntimeError, match="disk full"):
        import_extraction(session_factory, revised, PARK, 2025, confirm=lambda p: True)
    assert written == [before["tasks"] + 1]  # the new task had been flushed when it failed
    assert counts(session_factory) == before
    with session_factory() as s:
        assert s.scalars(select(Task.requirement).where(Task.seq == "3")).one() == "增长6.5%以上"


def test_unknown_park_is_refused_with_the_existing_parks(session_factory, park):
    before = counts(session_factory)
    with pytest.raises(ImportRefused) as err:
        import_extraction(session_factory, make_extraction(), "安化经开区", 2025)
    assert "园区“安化经开区”不存在" in err.value.message and PARK in err.value.message
    assert "--create-park" in err.value.message
    assert counts(session_factory) == before


def test_create_park_creates_it(session_factory):
    outcome = import_extraction(session_factory, make_extraction(), "安化经开区", 2025, create_park=True)
    assert outcome.applied
    with session_factory() as s:
        park = s.scalars(select(Park)).one()
        assert park.name == "安化经开区" and park.settings is not None
        assert {t.park_id for t in s.scalars(select(Task))} == {park.id}


def test_broken_file_gives_the_extractors_message(session_factory, park, monkeypatch, tmp_path):
    from parkgov.extract import pipeline

    def broken(path):
        raise ExtractError(f"{path.name}：文件为空，没有可读取的内容")

    monkeypatch.setattr(pipeline, "extract_path", broken)
    before = counts(session_factory)
    path = tmp_path / "空文件.txt"
    path.write_text("")
    with pytest.raises(ImportRefused, match="空文件.txt：文件为空"):
        import_file(session_factory, path, PARK, 2025)
    assert counts(session_factory) == before


def test_empty_extraction_is_refused(session_factory, park):
    ext = make_extraction()
    ext.indicators, ext.tasks, ext.projects = [], [], []
    with pytest.raises(ImportRefused, match="没有识别出任何指标、任务或项目"):
        import_extraction(session_factory, ext, PARK, 2025)


def test_cli_import_dry_run_then_import_then_duplicate(db_url, session_factory, park, monkeypatch, tmp_path):
    from parkgov.cli import app
    from parkgov.extract import pipeline

    monkeypatch.setenv("PARKGOV_DATABASE_URL", db_url)
    monkeypatch.setattr(pipeline, "extract_path", lambda path: copy.deepcopy(make_extraction()))
    path = tmp_path / "分解表.txt"
    path.write_text("…", encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(app, ["import", str(path), "--park", PARK, "--year", "2025", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "试运行" in dry.output and "开展产业链精准招商攻坚" in dry.output and "按规范化名称匹配" in dry.output
    assert counts(session_factory)["tasks"] == 0
    done = runner.invoke(app, ["import", str(path), "--park", PARK, "--year", "2025"])
    assert done.exit_code == 0 and "已导入" in done.output
    assert counts(session_factory)["tasks"] == 3
    again = runner.invoke(app, ["import", str(path), "--park", PARK, "--year", "2025"])
    assert again.exit_code == 0 and "已导入过" in again.output
    assert counts(session_factory)["tasks"] == 3
    unknown = runner.invoke(app, ["import", str(path), "--park", "没有的园区"])
    assert unknown.exit_code == 1 and "不存在" in unknown.output and "Traceback" not in unknown.output


def test_other_document_of_same_genre_is_not_a_revision(session_factory, park):
    import_extraction(session_factory, make_extraction(), PARK, 2025)
    other = make_extraction(sha="c" * 64)
    other.document.title = "青禾管理区2025年重点项目工作任务分解表"
    plan = import_extraction(session_factory, other, PARK, 2025, dry_run=True).plan
    assert plan.status == "new" and plan.previous_document_id is None
    revised = make_extraction(sha="d" * 64)
    revised.document.title += "（修订稿）"
    plan = import_extraction(session_factory, revised, PARK, 2025, dry_run=True).plan
    assert plan.status == "revision" and plan.count("unchanged") == len(plan.rows)


def test_same_file_imported_twice_at_once_lands_once(session_factory, park):
    import threading

    barrier = threading.Barrier(2)
    results: list[object] = []

    def confirm_together(plan):
        return True

    def run():
        ext = make_extraction()
        try:
            barrier.wait()
            results.append(import_extraction(session_factory, ext, PARK, 2025, confirm=confirm_together))
        except Exception as exc:  # collected and asserted on below
            results.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    applied = [r for r in results if getattr(r, "applied", False)]
    others = [r for r in results if r not in applied]
    assert len(applied) == 1, results
    assert isinstance(others[0], ImportRefused) or others[0].plan.status == "duplicate", results
    c = counts(session_factory)
    assert (c["documents"], c["tasks"], c["projects"]) == (1, 3, 1)


def test_seed_task_table_imports_whole_and_once(session_factory, seeds_dir):
    from parkgov.services.importing import extract_file

    path = next(seeds_dir.glob("004_*"))
    extraction = extract_file(path)
    outcome = import_file(session_factory, path, PARK, 2025, create_park=True)
    assert outcome.applied
    keys = {(t.seq or "", "".join((t.item or "").split())) for t in extraction.tasks}
    with session_factory() as s:
        tasks = s.scalars(select(Task)).all()
        assert len(tasks) == len(keys) > 40
        assert {u.name for t in tasks for u in t.lead_units} >= {"发改局", "科工局", "商务局"}
        assert {"".join(n.split()) for t in gold("004")["tasks"] for n in t["leaders"]} <= {
            p.name for t in tasks for p in t.leaders}
        assert all(t.document_id == outcome.document_id and t.source_offset is not None for t in tasks)
    before = counts(session_factory)
    again = import_file(session_factory, path, PARK, 2025)
    assert not again.applied and counts(session_factory) == before


def _indicator(name: str, offset: int, *, kind: str = "target", **kw) -> IndicatorFact:
    return IndicatorFact(name=name, kind=kind, offset=offset, quote=kw.pop("quote", ""),
                         **{"value": None, "unit": None, **kw})


def _plan_extraction(sha: str = "p" * 64) -> Extraction:
    """A yearly plan (工作要点) stating park indicators in prose, without a table."""
    return Extraction(
        source={"path": "/tmp/工作要点.txt", "format": "txt", "sha256": sha, "chars": 500},
        document=DocumentInfo(title="青禾管理区2025年工作要点", year=2025, genre="plan"),
        indicators=[_indicator("规模工业增加值", 40, value=25.31, unit="亿元", yoy_pct=9.8,
                               quote="规模工业增加值25.31亿元，同比增长9.8%"),
                    _indicator("营业总收入", 10, value=128.45, unit="亿元", yoy_pct=10.0)])


def test_task_table_indicator_rows_are_led_by_the_rows_unit_and_leader(session_factory, park):
    ext = make_extraction()
    ext.indicators += [_indicator("地区生产总值", 125, yoy_pct=5.5, comparator=">=", quote="增长5.5%以上"),
                       _indicator("规模工业增加值", 205, yoy_pct=6.5, comparator=">=", quote="增长6.5%以上"),
                       _indicator("新引进产业项目", 310, value=12, unit="个", comparator=">=",
                                  quote="力争全年新引进产业项目12个以上")]
    outcome = import_extraction(session_factory, ext, PARK, 2025)
    links = {(link.name, link.as_indicator, link.lead_unit, link.leader) for link in outcome.plan.task_links}
    assert links == {("地区生产总值", True, "发改局", "韩知远"), ("规模工业增加值", True, "科工局", "林川"),
                     ("新引进产业项目", False, "商务局", "林川")}
    with session_factory() as s:
        indicators = {i.name: i for i in s.scalars(select(Indicator))}
        assert "新引进产业项目" not in indicators  # task 8's own target
        assert {"营业总收入", "地区生产总值", "规模工业增加值"} <= set(indicators)
        gdp = indicators["地区生产总值"]
        assert (gdp.lead_unit.name, gdp.leader.name, gdp.growth_target_pct) == ("发改局", "韩知远", Decimal("5.5"))
        assert indicators["规模工业增加值"].lead_unit.name == "科工局"
        assert indicators["营业总收入"].lead_unit is None  # stated in prose, outside any row
        t8 = s.scalars(select(Task).where(Task.seq == "8")).one()
        assert [t.name for t in t8.targets] == ["新引进产业项目"]
        assert owner_unit_ids(gdp) == [gdp.lead_unit_id]
        assert "发改局" in {u.name for u in responsible_units(s, park, 2025)}


def test_plan_then_task_table_keep_one_indicator_led_by_the_table(session_factory, park):
    import_extraction(session_factory, _plan_extraction(), PARK, 2025)
    ext = make_extraction()
    ext.indicators.append(_indicator("规模工业增加值", 205, yoy_pct=6.5, comparator=">=", quote="增长6.5%以上"))
    outcome = import_extraction(session_factory, ext, PARK, 2025)
    [row] = [r for r in outcome.plan.rows_of("indicator") if r.key == ("规模工业增加值",)]
    assert row.change == "changed" and row.fields == {"comparator": (None, ">="), "lead_unit": (None, "科工局"),
                                                       "leader": (None, "林川")}
    assert {(m.written, m.how) for m in outcome.plan.indicator_matches} == {("规模工业增加值", "exact"),
                                                                           ("营业总收入", "exact")}
    assert any("增长目标" in w and "9.8" in w and "6.5" in w for w in outcome.plan.warnings)
    with session_factory() as s:
        [ind] = s.scalars(select(Indicator).where(Indicator.name == "规模工业增加值")).all()
        assert (ind.target_value, ind.growth_target_pct) == (Decimal("25.31"), Decimal("9.8"))  # the plan's
        assert (ind.lead_unit.name, ind.leader.name) == ("科工局", "林川")
        assert s.scalar(select(func.count()).select_from(Indicator).where(Indicator.name == "营业总收入")) == 1


def _summary_extraction(title: str = "青禾管理区2025年上半年工作总结") -> Extraction:
    return Extraction(
        source={"path": "/tmp/总结.txt", "format": "txt", "sha256": "s" * 64, "chars": 500},
        document=DocumentInfo(title=title, year=2025, genre="summary"),
        indicators=[_indicator("营业收入", 20, kind="actual", value=43.6, unit="亿元", yoy_pct=3.5),
                    _indicator("规模以上工业增加值", 60, kind="actual", value=8.43, unit="亿元", period="1-5月"),
                    _indicator("税收", 90, kind="actual", value=1.07, unit="亿元")])


def test_summary_actuals_land_on_the_plans_indicators_for_the_stated_period(session_factory, park):
    import_extraction(session_factory, _plan_extraction(), PARK, 2025)
    outcome = import_extraction(session_factory, _summary_extraction(), PARK, 2025)
    assert outcome.plan.stated_period == "2025-H1"
    assert {(m.written, m.existing_name, m.how) for m in outcome.plan.indicator_matches} == {
        ("营业收入", "营业总收入", "compatible"), ("规模以上工业增加值", "规模工业增加值", "compatible")}
    with session_factory() as s:
        names = sorted(s.scalars(select(Indicator.name)))
        assert names == sorted(["营业总收入", "税收", "规模工业增加值"])  # only 税收 is new
        got = {(a.indicator.name, a.period, a.value) for a in s.scalars(select(IndicatorActual))}
        assert got == {("营业总收入", "2025-H1", Decimal("43.6")), ("规模工业增加值", "2025-YTD05", Decimal("8.43")),
                       ("税收", "2025-H1", Decimal("1.07"))}


def test_a_summary_revision_matches_actuals_on_the_compatible_name(session_factory, park):
    import_extraction(session_factory, _plan_extraction(), PARK, 2025)
    import_extraction(session_factory, _summary_extraction(), PARK, 2025)
    revised = _summary_extraction()
    revised.source["sha256"] = "t" * 64
    revised.indicators[0].value = 44.1
    outcome = import_extraction(session_factory, revised, PARK, 2025, confirm=lambda p: True)
    changes = {r.label: r.change for r in outcome.plan.rows_of("actual")}
    assert changes == {"营业收入（2025-H1）": "changed", "规模以上工业增加值（2025-YTD05）": "unchanged",
                       "税收（2025-H1）": "unchanged"}
    with session_factory() as s:
        active = s.scalars(select(IndicatorActual).where(IndicatorActual.status == "active",
                                                         IndicatorActual.period == "2025-H1")).all()
        assert sorted((a.indicator.name, a.value) for a in active) == sorted([("营业总收入", Decimal("44.1")),
                                                                              ("税收", Decimal("1.07"))])


def test_deadlines_become_dates_and_overdue_tasks_turn_red(session_factory, park):
    tasks = [TaskFact(seq="1", category=None, item="完成园区扩区报批", requirement="完成扩区报批", leaders=["林川"],
                      departments=["发改局"], deadline="6月底前", offset=10),
             TaskFact(seq="2", category=None, item="招商通报", requirement="每月通报招商情况", leaders=["林川"],
                      departments=["商务局"], deadline="每月", offset=50),
             TaskFact(seq="3", category=None, item="园区规划", requirement="修编园区规划", leaders=["林川"],
                      departments=["发改局"], deadline="视上级批复情况", offset=90)]
    outcome = import_extraction(session_factory, make_extraction(tasks=tasks), PARK, 2025)
    assert any("视上级批复情况" in w for w in outcome.plan.warnings)
    with session_factory() as s:
        deadlines = {t.seq: t.deadline for t in s.scalars(select(Task))}
        assert deadlines == {"1": date(2025, 6, 30), "2": None, "3": None}
        view = {t["title"]: t for t in status.compute_status(s, park, date(2025, 7, 10)).tasks}
    assert view["完成园区扩区报批"]["overdue"] and view["完成园区扩区报批"]["light"] == "red"
    assert not view["招商通报"]["overdue"]


def test_an_indicator_row_with_two_lead_units_says_which_one_reports(session_factory, park):
    tasks = [TaskFact(seq="1", category="年度目标任务", item="固定资产投资", requirement="增长5%以上",
                      leaders=["韩知远"], departments=["发改局", "住建局"],
                      targets=[TargetFact(name="固定资产投资", value=None, unit=None, yoy_pct=5, comparator=">=")],
                      offset=100)]
    outcome = import_extraction(session_factory, make_extraction(tasks=tasks), PARK, 2025)
    assert any("固定资产投资" in w and "发改局、住建局" in w for w in outcome.plan.warnings)
    with session_factory() as s:
        ind = s.scalars(select(Indicator).where(Indicator.name == "固定资产投资")).one()
        assert (ind.lead_unit.name, ind.leader.name) == ("发改局", "韩知远")


def test_seed_task_table_indicator_rows_have_their_unit_and_leader(session_factory, seeds_dir):
    path = next(seeds_dir.glob("004_*"))
    outcome = import_file(session_factory, path, PARK, 2025, create_park=True)
    requirement_targets = {link.name for link in outcome.plan.task_links if not link.as_indicator}
    assert "新引进产业项目" in requirement_targets
    with session_factory() as s:
        indicators = {i.name: i for i in s.scalars(select(Indicator))}
        assert not requirement_targets & set(indicators)
        row = next(t for t in gold("004")["tasks"] if t["targets"] and t["targets"][0]["value"] is None)
        target = row["targets"][0]
        ind = indicators[target["name"]]
        assert (ind.lead_unit.name, ind.leader.name, ind.growth_target_pct) == (
            row["departments"][0], row["leaders"][0], Decimal(str(target["yoy_pct"])))
        assert all(i.lead_unit is not None and i.leader is not None for i in indicators.values())
        assert len(indicators) == 7
