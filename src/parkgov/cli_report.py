"""``parkgov report bulletin|summary|ledger``: Word bulletins and summary drafts, Excel ledgers, from the ledger.

Runs as the local operator (administrator); every refusal is one Chinese line and exit 1.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from parkgov.cli_session import date_option, fail, operator_session

report_app = typer.Typer(help="生成文档：调度通报（Word）、工作总结初稿（Word）、台账（Excel）", no_args_is_help=True)

PARK_HELP = "园区名称或编号"
ROUND_HELP = "调度月份，如 2025-06"


def _output(path: Path, suffix: str) -> Path:
    if path.suffix.lower() != suffix:
        fail(f"输出文件应以 {suffix} 结尾：{path}")
    if path.exists() and path.is_dir():
        fail(f"输出路径是一个文件夹：{path}")
    return path


def _write(writer, data, path: Path, what: str) -> None:
    try:
        writer(data, path)
    except OSError as exc:
        fail(f"无法写入{path}（{exc.strerror or type(exc).__name__}）：请检查文件是否被占用、文件夹是否可写")
    Console().print(f"已生成{what}：{path}", markup=False, highlight=False)


def _one_of(first: Optional[str], second: Optional[str], names: str) -> None:
    if bool(first and first.strip()) == bool(second and second.strip()):
        fail(f"请指定{names}其中之一")


@report_app.command("bulletin")
def bulletin(
    park: str = typer.Option(..., "--park", help=PARK_HELP),
    round_: Optional[str] = typer.Option(None, "--round", help=ROUND_HELP),
    quarter: Optional[str] = typer.Option(None, "--quarter", help="季度，如 2025Q2（生成季度调度通报）"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的 .docx 文件"),
    bottom: int = typer.Option(5, "--bottom", help="通报排名后几位的单位"),
    doc_number: Optional[str] = typer.Option(None, "--doc-number", help="文号，如 青经管〔2025〕3号"),
    signed: Optional[str] = typer.Option(None, "--date", help="成文日期，如 2025-07-05（默认今天）"),
    charts: bool = typer.Option(True, "--charts/--no-charts", help="是否插入图表"),
) -> None:
    """生成某月（--round）或某季度（--quarter）调度通报（GB/T 9704 公文格式的 Word 文档）。"""
    from parkgov.reports.bulletin import write_bulletin
    from parkgov.reports.from_services import bulletin_data
    from parkgov.services.access import Actor

    _one_of(round_, quarter, "调度月份（--round）或季度（--quarter）")
    path = _output(output, ".docx")
    if not 0 <= bottom <= 100:
        fail("末位单位数应在0到100之间")
    with operator_session() as session:
        data = bulletin_data(session, Actor.system(), park, round_ or quarter, bottom, doc_number, date_option(signed, "成文日期"),
                             quarterly=bool(quarter))
    _write(lambda d, p: write_bulletin(d, p, with_charts=charts), data, path, "调度通报")


@report_app.command("summary")
def summary(
    park: str = typer.Option(..., "--park", help=PARK_HELP),
    round_: Optional[str] = typer.Option(None, "--round", help="截至的月份：2025-06 为半年总结，2025-12 为年度总结"),
    year: Optional[str] = typer.Option(None, "--year", help="年度总结的年份，如 2025（同 --round 2025-12）"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的 .docx 文件"),
    signed: Optional[str] = typer.Option(None, "--date", help="成文日期，如 2025-07-05（默认今天）"),
    charts: bool = typer.Option(True, "--charts/--no-charts", help="是否插入图表"),
) -> None:
    """生成半年或年度工作总结初稿（Word），经济指标、问题与下一步打算均来自台账数据。"""
    from parkgov.reports.from_services import summary_data
    from parkgov.reports.summary import write_summary
    from parkgov.services.access import Actor

    _one_of(round_, year, "截至月份（--round）或年份（--year）")
    if year and not (year.strip().isdigit() and len(year.strip()) == 4):
        fail(f"年份格式不正确：{year}（应如 2025）")
    path = _output(output, ".docx")
    with operator_session() as session:
        data = summary_data(session, Actor.system(), park, round_ or year.strip(), date_option(signed, "成文日期"))
    _write(lambda d, p: write_summary(d, p, with_charts=charts), data, path, "工作总结初稿")


@report_app.command("ledger")
def ledger(
    park: str = typer.Option(..., "--park", help=PARK_HELP),
    round_: str = typer.Option(..., "--round", help=ROUND_HELP),
    output: Path = typer.Option(..., "-o", "--output", help="输出的 .xlsx 文件"),
) -> None:
    """导出任务、指标、项目台账（Excel，三个工作表，A4 横向打印）。"""
    from parkgov.reports.from_services import ledger_data
    from parkgov.reports.ledger_xlsx import write_ledgers
    from parkgov.services.access import Actor

    path = _output(output, ".xlsx")
    with operator_session() as session:
        data = ledger_data(session, Actor.system(), park, round_)
    _write(lambda d, p: write_ledgers(p, d), data, path, "台账")


def register(app: typer.Typer) -> None:
    """Add ``parkgov report …`` to the main app."""
    app.add_typer(report_app, name="report")
