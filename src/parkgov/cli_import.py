"""``parkgov import``: extract a document, show what it adds to the ledger, write it in one transaction."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from parkgov.cli_session import fail

_CHANGE = {"new": "新增", "changed": "修改", "removed": "撤销", "unchanged": "不变"}
_KIND = {"indicator": "指标", "actual": "实际值", "task": "任务", "project": "项目"}
_FIELD = {"category": "类别", "requirement": "任务要求", "deadline_text": "完成时限", "deadline": "截止日期",
          "leaders": "牵头领导", "lead_units": "牵头单位", "co_units": "配合单位", "targets": "量化目标",
          "unit": "单位", "target_value": "目标值", "comparator": "比较", "growth_target_pct": "增长目标（%）",
          "lead_unit": "牵头单位", "leader": "牵头领导", "value": "数值", "yoy_pct": "同比（%）", "stage": "阶段",
          "total_investment": "总投资", "total_investment_unit": "总投资单位", "annual_plan": "年度计划投资",
          "annual_plan_unit": "年度计划投资单位"}


def _shorten(value, width: int = 18) -> str:
    from parkgov.services.audit import shown

    text = shown(value) or "—"
    return text if len(text) <= width else text[: width - 1] + "…"


def _fact_detail(kind: str, fact) -> str:
    """What a new row holds, in a few words: figure and unit, or who leads it, or its investment."""
    if fact is None:
        return ""
    if kind in ("indicator", "actual"):
        parts = [fact.comparator or "", "" if fact.value is None else f"{fact.value:g}", fact.unit or ""]
        if fact.yoy_pct is not None:
            parts.append(f" 增长{fact.yoy_pct:g}%")
        return "".join(parts).strip()
    if kind == "task":
        return "、".join([*fact.departments, *fact.leaders])
    ti = fact.total_investment
    return f"总投资{ti.value:g}{ti.unit or ''}" if ti and ti.value is not None else ""


def _render_indicator_links(plan, console: Console) -> None:
    """Targets of task rows (park indicator or the task's own) and indicators matched to earlier documents."""
    if plan.stated_period:
        from parkgov.domain.period import Period

        console.print(f"未注明期间的实际值计入：{Period.parse(plan.stated_period).label}（取自标题）", highlight=False)
    links = Table(title="任务中的目标")
    for col in ("目标", "所在任务", "处理"):
        links.add_column(col)
    for link in plan.task_links:
        lead = "、".join(n for n in (link.lead_unit, link.leader) if n) or "未注明"
        links.add_row(link.name, _shorten(link.task, 30),
                      f"园区指标，牵头：{lead}" if link.as_indicator else "任务目标（随任务考核）")
    if links.row_count:
        console.print(links)
    matches = Table(title="与已有指标合并")
    for col in ("文件中的指标", "台账中的指标", "匹配方式"):
        matches.add_column(col)
    for m in plan.indicator_matches:
        matches.add_row(m.written, m.existing_name, "同名" if m.how == "exact" else "名称相近")
    if matches.row_count:
        console.print(matches)


def render_plan(plan, console: Console) -> None:
    """The plan as Rich tables: names to create or matched, then the rows per kind with their changes."""
    head = {"new": "首次导入", "revision": f"修订导入（上一版：文档#{plan.previous_document_id}）"}.get(plan.status, "")
    console.print(f"[bold]{plan.file_name}[/bold] → {plan.park_name} {plan.year}年  类型：{plan.genre}  {head}",
                  highlight=False)
    if plan.park_id is None:
        console.print(f"将新建园区：{plan.park_name}", highlight=False)
    for w in plan.warnings:
        console.print(f"[yellow]提示：[/yellow]{w}", highlight=False)
    names = Table(title="单位和领导")
    for col in ("类别", "文件中的名称", "处理"):
        names.add_column(col)
    for label, matches in (("单位", plan.units), ("领导", plan.leaders)):
        for m in matches:
            if m.existing_id is None:
                how = "新建" + (f"（多个同名候选：{'、'.join(m.ambiguous)}，未自动匹配）" if m.ambiguous else "")
            elif m.how == "normalised":
                how = f"按规范化名称匹配为“{m.existing_name}”"
            elif m.how == "alias":
                how = f"按别名匹配为“{m.existing_name}”"
            else:
                how = "已有"
            names.add_row(label, m.written, how)
    if names.row_count:
        console.print(names)
    _render_indicator_links(plan, console)
    for kind in ("indicator", "actual", "task", "project"):
        rows = plan.rows_of(kind)
        if not rows:
            continue
        t = Table(title=f"{_KIND[kind]}（{len(rows)}）")
        for col in ("变化", "项", "内容 / 修改"):
            t.add_column(col)
        for r in rows:
            detail = "；".join(f"{_FIELD.get(f, f)}：{_shorten(o)} → {_shorten(n)}" for f, (o, n) in r.fields.items())
            if r.change == "new":
                detail = _shorten(_fact_detail(kind, r.fact), 30)
            t.add_row(_CHANGE[r.change], _shorten(r.label, 40), detail)
        console.print(t)


def import_command(
    file: Path = typer.Argument(..., help="要导入的文件（.txt .docx .xlsx .pdf）"),
    park: str = typer.Option(..., "--park", help="园区名称（须已存在，或加 --create-park 新建）"),
    year: Optional[int] = typer.Option(None, "--year", help="年度，例如 2025（默认取文件中的年度）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示将要导入的内容，不写入数据库"),
    yes: bool = typer.Option(False, "--yes", "-y", help="修订版直接确认，不再询问"),
    create_park: bool = typer.Option(False, "--create-park", help="园区不存在时新建"),
) -> None:
    """把计划、分解表、项目表或总结导入园区台账（指标、任务、项目、单位、领导），整体一次写入。"""
    from sqlalchemy.exc import SQLAlchemyError

    from parkgov.domain.errors import DomainError
    from parkgov.services.importing import import_file
    from parkgov.store.database import make_engine, make_session_factory

    console = Console()

    def confirm(plan) -> bool:
        if yes:
            return True
        if not sys.stdin.isatty():
            return False
        try:
            return typer.confirm("确认按上述修订内容更新台账吗？", default=False)
        except typer.Abort:
            return False

    engine = make_engine()
    try:
        outcome = import_file(make_session_factory(engine), file, park, year, dry_run=dry_run, confirm=confirm,
                              create_park=create_park, show=lambda p: render_plan(p, console),
                              actor=f"cli:{getpass.getuser()}")
    except DomainError as exc:
        fail(exc.message)
    except SQLAlchemyError as exc:
        fail(f"数据库出错（{type(exc).__name__}），未作任何更改：请先运行 parkgov init，并检查 PARKGOV_DATABASE_URL")
    finally:
        engine.dispose()
    console.print(outcome.message, markup=False, highlight=False, soft_wrap=True)
