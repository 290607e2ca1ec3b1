"""The ``parkgov`` command line: one Typer app for every verb."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table as RichTable

from parkgov.cli_session import fail

app = typer.Typer(help="parkgov：开发区计划、调度、督办与报告", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
err_console = Console(stderr=True)

SUPPORTED_SUFFIXES = {".txt", ".docx", ".xlsx", ".pdf"}


class OutputFormat(str, Enum):
    json = "json"
    table = "table"


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(p)
    return files


def _extract_one(path: Path) -> dict:
    from parkgov.extract.errors import ExtractError
    from parkgov.extract.pipeline import extract_path

    try:
        return extract_path(path).to_json()
    except ExtractError:
        raise
    except Exception as exc:  # an extractor bug must still give the user one clear line
        raise ExtractError(f"{path.name}：读取或解析时出错（{type(exc).__name__}），请检查文件是否完整，或将文件另存为 .docx/.txt 后重试") from exc


def _print_table(result: dict) -> None:
    console = Console()
    doc = result["document"]
    console.print(f"[bold]{doc.get('title') or result['source']['path']}[/bold]  {doc.get('doc_number') or ''}  "
                  f"{doc.get('date') or ''}  体裁：{doc.get('genre')}")
    t = RichTable(title=f"指标（{len(result['indicators'])}）")
    for col in ("名称", "数值", "单位", "同比%", "比较", "类型", "期间"):
        t.add_column(col)
    for i in result["indicators"]:
        t.add_row(i["name"], "" if i["value"] is None else f"{i['value']:g}", i["unit"] or "",
                  "" if i["yoy_pct"] is None else f"{i['yoy_pct']:g}", i["comparator"] or "", i["kind"], i["period"] or "")
    console.print(t)
    if result["tasks"]:
        t = RichTable(title=f"任务（{len(result['tasks'])}）")
        for col in ("序号", "类别", "项目", "牵头领导", "牵头部门", "时限"):
            t.add_column(col)
        for k in result["tasks"]:
            t.add_row(k["seq"] or "", (k["category"] or "")[:20], (k["item"] or "")[:24], "、".join(k["leaders"]),
                      "、".join(k["departments"]), k["deadline"] or "")
        console.print(t)
    if result["projects"]:
        t = RichTable(title=f"项目（{len(result['projects'])}）")
        for col in ("名称", "类别", "阶段", "总投资"):
            t.add_column(col)
        for p in result["projects"]:
            ti = p["total_investment"]
            t.add_row(p["name"], p["category"] or "", p["stage"] or "", f"{ti['value']:g}{ti['unit']}" if ti else "")
        console.print(t)
    for c in result["checks"]:
        console.print(f"[red]核对：[/red]{c['message']}")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="文件或文件夹（.txt .docx .xlsx .pdf）"),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json（默认）或 table"),
) -> None:
    """读取计划、方案、分解表、项目表或总结，输出提取出的指标、任务和项目（JSON）。"""
    from parkgov.extract.errors import ExtractError

    files = _expand(paths)
    if not files:
        fail("没有找到可读取的文件（支持 .txt .docx .xlsx .pdf），请检查路径")
    if len(files) == 1 and not paths[0].is_dir():
        try:
            result = _extract_one(files[0])
        except ExtractError as exc:
            fail(str(exc))
        if format is OutputFormat.table:
            _print_table(result)
        else:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    failed = 0
    with Progress(console=err_console, transient=True) as progress:
        job = progress.add_task("提取中", total=len(files))
        for f in files:
            try:
                result = _extract_one(f)
            except ExtractError as exc:
                failed += 1
                err_console.print(str(exc), markup=False, highlight=False, soft_wrap=True)
            else:
                if format is OutputFormat.table:
                    _print_table(result)
                else:
                    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
                    sys.stdout.flush()
            progress.advance(job)
    if failed:
        raise typer.Exit(1)


@app.command()
def init() -> None:
    """创建数据库或升级到最新结构（PARKGOV_DATABASE_URL，默认 ./parkgov.db）；已有数据不会丢失，可重复执行。"""
    from sqlalchemy.exc import SQLAlchemyError

    from parkgov.store.database import database_url
    from parkgov.store.migrate import upgrade_to_head

    url = database_url()
    try:
        before, after = upgrade_to_head(url)
    except SQLAlchemyError as exc:
        fail(f"无法初始化数据库（{type(exc).__name__}）：请检查 PARKGOV_DATABASE_URL 是否正确、数据库是否可以连接")
    shown = url.split("@")[-1] if "@" in url else url
    if before == after:
        Console().print(f"数据库已是最新结构（版本 {after}）：{shown}", markup=False, highlight=False)
    elif before is None:
        Console().print(f"已创建数据库（版本 {after}）：{shown}", markup=False, highlight=False)
    else:
        Console().print(f"已将数据库从版本 {before} 升级到 {after}：{shown}", markup=False, highlight=False)


from parkgov.cli_import import import_command  # noqa: E402

app.command("import")(import_command)

from parkgov.cli_loop import register as register_loop_commands  # noqa: E402

register_loop_commands(app)

from parkgov.cli_demo import demo_command  # noqa: E402

app.command("demo")(demo_command)

from parkgov.cli_report import register as register_report_commands  # noqa: E402

register_report_commands(app)


def main(argv: Optional[list[str]] = None) -> None:
    app(argv)
