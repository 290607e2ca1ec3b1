"""Excel ledgers: seed 004's layout with status columns, print set-up, and re-import through the extractor."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

import report_factories as f
from parkgov.reports.ledger_xlsx import (TASK_HEADERS, display_width, write_indicator_ledger, write_ledgers,
                                         write_project_ledger, write_task_ledger)

_CATEGORY = {"产业项目": "industrial", "基础设施项目": "infrastructure"}
_STAGE = {"新建": "new", "续建": "continued", "前期": "preliminary"}


@pytest.fixture(scope="module")
def data():
    return f.ledger(n_tasks=15)


@pytest.fixture(scope="module")
def files(data, tmp_path_factory):
    out = tmp_path_factory.mktemp("ledgers")
    return {"tasks": write_task_ledger(out / "tasks.xlsx", data),
            "indicators": write_indicator_ledger(out / "indicators.xlsx", data),
            "projects": write_project_ledger(out / "projects.xlsx", data),
            "all": write_ledgers(out / "all.xlsx", data)}


def test_task_ledger_layout(files, data):
    ws = load_workbook(files["tasks"]).active
    assert [c.value for c in ws[2]] == TASK_HEADERS
    assert ws["A1"].value == f"{data.park}{data.period_label}重点工作任务台账"
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == "$2:$2"
    assert ws["D3"].alignment.wrap_text
    assert ws.column_dimensions["D"].width >= 40
    for col, header in zip("ABCDEFGHI", TASK_HEADERS):
        assert ws.column_dimensions[col].width >= display_width(header)
    merged = sorted((r.min_row, r.max_row) for r in ws.merged_cells.ranges if r.min_col == r.max_col == 2)
    categories = [t.category for t in data.tasks]
    runs = [(3 + categories.index(c), 2 + len(categories) - categories[::-1].index(c))
            for c in dict.fromkeys(categories) if categories.count(c) > 1]
    assert merged == runs


def test_task_ledger_rows_match_the_data(files, data):
    ws = load_workbook(files["tasks"]).active
    for row, task in zip(ws.iter_rows(min_row=3, values_only=True), data.tasks):
        assert row[0] == task.seq and row[2] == task.item and row[3] == task.requirement
        assert row[4] == "\n".join(task.leaders) and row[5] == "\n".join(task.departments)
        assert row[6] == task.status and row[7] == (task.latest_progress or "—") and row[8] == task.light.label


def test_indicator_and_project_ledgers_hold_numbers(files, data):
    ws = load_workbook(files["indicators"]).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[1] for r in rows] == [i.name for i in data.indicators]
    for row, ind in zip(rows, data.indicators):
        assert row[3] == (float(ind.target) if ind.target is not None else "—")
        assert row[4] == (float(ind.actual) if ind.actual is not None else "—")
    ws = load_workbook(files["projects"]).active
    assert ws.cell(2, 6).value == "总投资（万元）"
    for row, p in zip(ws.iter_rows(min_row=3, values_only=True), data.projects):
        assert row[1] == p.name and row[5] == float(p.total_investment)
    assert load_workbook(files["all"]).sheetnames == ["任务台账", "指标台账", "项目台账"]


def test_empty_ledgers_still_write(tmp_path):
    from parkgov.reports.bulletin_data import LedgerData
    path = write_ledgers(tmp_path / "empty.xlsx", LedgerData(park="空白园区", period_label="2025年1-6月"))
    book = load_workbook(path)
    assert book["任务台账"]["A3"].value == "本期无任务数据"


# Re-import: every exported ledger must come back through the extractor as the same rows.

def test_task_ledger_reimports_to_the_same_rows(files, data):
    from parkgov.extract.pipeline import extract_path
    got = [(t.seq, t.category, t.item, t.requirement, t.leaders, t.departments)
           for t in extract_path(files["tasks"]).tasks]
    assert got == [(t.seq, t.category, t.item, t.requirement, t.leaders, t.departments) for t in data.tasks]


def test_indicator_ledger_reimports_to_the_same_rows(files, data):
    from parkgov.extract.pipeline import extract_path
    got = {(i.name, i.kind, i.value, i.unit) for i in extract_path(files["indicators"]).indicators}
    expected = {(r.name, "target", float(r.target), r.unit) for r in data.indicators if r.target is not None}
    expected |= {(r.name, "actual", float(r.actual), r.unit) for r in data.indicators if r.actual is not None}
    assert got == expected
    growth = {i.name: i.yoy_pct for i in extract_path(files["indicators"]).indicators if i.kind == "actual"}
    assert growth == {r.name: (float(r.yoy_pct) if r.yoy_pct is not None else None)
                      for r in data.indicators if r.actual is not None}


def test_project_ledger_reimports_to_the_same_rows(files, data):
    from parkgov.extract.pipeline import extract_path

    def amount(a):
        return None if a is None else (a.value, a.unit)

    got = [(p.name, p.category, p.stage, amount(p.total_investment), amount(p.annual_plan), amount(p.completed))
           for p in extract_path(files["projects"]).projects]

    def money(v, unit):
        return None if v is None else (float(v), unit)

    assert got == [(p.name, _CATEGORY[p.category], _STAGE[p.stage], money(p.total_investment, p.money_unit),
                    money(p.annual_plan, p.money_unit), money(p.completed, p.money_unit)) for p in data.projects], (
        "the project ledger must re-import row for row (a data row holding 产业项目 and a progress text with 完成 "
        "must not be read as a new header row)")


def test_combined_workbook_reimports_to_the_same_rows(files, data):
    from parkgov.extract.pipeline import extract_path
    got = extract_path(files["all"])
    assert [(t.seq, t.item, t.leaders, t.departments) for t in got.tasks] == [
        (t.seq, t.item, t.leaders, t.departments) for t in data.tasks]
    indicators = {(i.name, i.kind, i.value, i.unit) for i in got.indicators}
    assert {(r.name, "actual", float(r.actual), r.unit) for r in data.indicators if r.actual is not None} <= indicators
    assert [p.name for p in got.projects] == [p.name for p in data.projects], (
        "only the project sheet holds projects (the indicator sheet, named by 指标名称, is not a project table)")
