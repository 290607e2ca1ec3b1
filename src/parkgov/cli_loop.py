"""CLI verbs of the monthly loop: serve, round, progress, status, rank, supervise, user.

Every verb runs as the local operator (administrator); every refusal is one Chinese line and exit 1.
"""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from parkgov.cli_session import date_option, fail, operator_session

round_app = typer.Typer(help="月度调度轮次：开启、结束、查看报送情况", no_args_is_help=True)
progress_app = typer.Typer(help="填报进度", no_args_is_help=True)
supervise_app = typer.Typer(help="督查督办：督办单的发起、建议、办理与升级", no_args_is_help=True)
user_app = typer.Typer(help="用户与令牌", no_args_is_help=True)

LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "red", "grey": "dim"}


class Format(str, Enum):
    table = "table"
    json = "json"


def _decimal(text: Optional[str], what: str) -> Optional[Decimal]:
    if text in (None, ""):
        return None
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        fail(f"{what}不是数字：{text}")
    if not value.is_finite():
        fail(f"{what}不是有限的数字：{text}")
    return value


def _actor():
    from parkgov.services.access import Actor

    return Actor.system()


def _json_default(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def _pct(rate) -> str:
    from parkgov.domain.quantity import format_percent

    return format_percent(rate) if rate is not None else "—"


def _out(text: str) -> None:
    Console().print(text, markup=False, highlight=False, soft_wrap=True)


def serve(host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="端口"),
          workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                                help="工作进程数：SQLite 只能为 1；PostgreSQL 默认每个 CPU 核一个（最多 4 个）")
          ) -> None:
    """启动网页与 JSON 接口（/api/v1，接口说明 /api/v1/openapi.json）。"""
    from parkgov.services.errors import InvalidInput
    from parkgov.store.database import database_url, make_engine
    from parkgov.web.server import serve as run_server, worker_count

    url = database_url()
    try:
        make_engine(url).dispose()
    except Exception as exc:  # a broken database URL must still be one line
        fail(f"无法启动：数据库地址有误（{type(exc).__name__}），请检查 PARKGOV_DATABASE_URL")
    try:
        worker_count(url, workers)
    except InvalidInput as exc:
        fail(exc.message)
    run_server(host, port, workers, url)


@round_app.command("open")
def round_open(park: str = typer.Option(..., "--park", help="园区名称或编号"),
               period: str = typer.Option(..., "--period", help="调度月份，如 2025-06"),
               deadline: Optional[str] = typer.Option(None, "--deadline", help="报送截止日期，如 2025-07-05")) -> None:
    """开启某月的调度轮次。"""
    from parkgov.services import rounds

    due = date_option(deadline, "截止日期")
    with operator_session() as s:
        rnd = rounds.open_round(s, _actor(), park, period, due)
    _out(f"已开启{rnd['period_label']}调度，报送截止 {rnd['deadline'].isoformat()}")


@round_app.command("close")
def round_close(park: str = typer.Option(..., "--park"), period: str = typer.Option(..., "--period")) -> None:
    """结束某月的调度轮次（之后不能再填报）。"""
    from parkgov.services import rounds

    with operator_session() as s:
        rnd = rounds.close_round(s, _actor(), park, period)
    _out(f"{rnd['period_label']}调度已结束")


@round_app.command("show")
def round_show(park: str = typer.Option(..., "--park"), period: str = typer.Option(..., "--period"),
               format: Format = typer.Option(Format.table, "--format")) -> None:
    """各单位的报送情况：按时、逾期、未报送、待报送。"""
    from parkgov.services import rounds

    with operator_session() as s:
        data = rounds.round_compliance(s, _actor(), park, period)
    if format is Format.json:
        _print_json(data)
        return
    table = Table(title=f"{data['period_label']}调度（截止 {data['deadline'].isoformat()}，{data['status_label']}）")
    for col in ("单位", "报送情况", "报送时间"):
        table.add_column(col)
    for u in data["units"]:
        table.add_row(u["unit"], u["status_label"], u["submitted_at"].strftime("%Y-%m-%d %H:%M") if u["submitted_at"] else "")
    Console().print(table)


@progress_app.command("submit")
def progress_submit(park: str = typer.Option(..., "--park"),
                    unit: Optional[str] = typer.Option(None, "--unit", help="填报单位（默认为事项的牵头单位）"),
                    task: Optional[str] = typer.Option(None, "--task", help="任务序号（或 #编号）"),
                    indicator: Optional[str] = typer.Option(None, "--indicator", help="指标名称（或 #编号）"),
                    project: Optional[str] = typer.Option(None, "--project", help="项目名称（或 #编号）"),
                    period: Optional[str] = typer.Option(None, "--period", help="调度月份，默认为正在填报的轮次"),
                    state: Optional[str] = typer.Option(None, "--state", help="未开始/推进中/已完成/滞后"),
                    note: Optional[str] = typer.Option(None, "--note", help="进展情况"),
                    value: Optional[str] = typer.Option(None, "--value", help="累计完成值（指标）或量化目标完成值（任务）"),
                    value_unit: Optional[str] = typer.Option(None, "--value-unit", help="数值单位，默认为目标单位"),
                    yoy: Optional[str] = typer.Option(None, "--yoy", help="同比增长（%，指标）"),
                    investment: Optional[str] = typer.Option(None, "--investment", help="本月完成投资（项目）"),
                    investment_unit: Optional[str] = typer.Option(None, "--investment-unit", help="万元或亿元"),
                    draft: bool = typer.Option(False, "--draft", help="只保存草稿，不计入报送")) -> None:
    """填报一项任务、指标或项目的进度（每次提交是一个新版本，历史不覆盖）。"""
    from parkgov.services import lookup, progress

    chosen = [(k, v) for k, v in (("task", task), ("indicator", indicator), ("project", project)) if v]
    if len(chosen) != 1:
        fail("请用 --task、--indicator 或 --project 指定且只指定一个事项")
    kind, ref = chosen[0]
    figures = {"value": _decimal(value, "--value"), "yoy_pct": _decimal(yoy, "--yoy"),
               "investment": _decimal(investment, "--investment")}
    with operator_session() as s:
        park_row = lookup.park(s, park)
        the_period = period or lookup.open_round_period(s, park_row.id)
        item = lookup.item_by_ref(s, park_row.id, kind, ref, lookup.month_period(the_period).year)
        unit_id = lookup.unit(s, park_row.id, unit).id if unit else None
        rnd = lookup.dispatch_round(s, park_row.id, the_period)
        current = progress.current_revision(s, rnd.id, kind, item.id)
        inp = progress.ProgressInput(kind=kind, item_id=item.id, period=the_period, state=state, narrative=note,
                                     value_unit=value_unit, investment_unit=investment_unit, unit_id=unit_id,
                                     base_revision=current.revision if current else 0, **figures)
        if draft:
            progress.save_draft(s, _actor(), park_row.id, inp)
            _out("已保存草稿（尚未报送）")
            return
        report = progress.submit(s, _actor(), park_row.id, inp)
    _out(f"已提交第{report['revision']}版：{report['state_label']}")


@supervise_app.command("list")
def supervise_list(park: str = typer.Option(..., "--park"),
                   open_only: bool = typer.Option(False, "--open", help="只看未办结的"),
                   format: Format = typer.Option(Format.table, "--format")) -> None:
    """督办单列表。"""
    from parkgov.services import supervision

    with operator_session() as s:
        orders = supervision.list_orders(s, _actor(), park, open_only=open_only)
    if format is Format.json:
        _print_json(orders)
        return
    table = Table(title=f"督办单（{len(orders)}）")
    for col in ("编号", "文号", "责任单位", "事由", "期限", "状态"):
        table.add_column(col)
    for o in orders:
        table.add_row(str(o["id"]), o["number"] or "", o["unit"], o["reason"][:30], o["due_date"].isoformat(),
                      o["status_label"] + ("（逾期）" if o["overdue"] else ""))
    Console().print(table)


@supervise_app.command("raise")
def supervise_raise(park: str = typer.Option(..., "--park"),
                    reason: str = typer.Option(..., "--reason", help="督办事由"),
                    due: str = typer.Option(..., "--due", help="办理期限，如 2025-07-20"),
                    task: Optional[str] = typer.Option(None, "--task", help="任务序号"),
                    indicator: Optional[str] = typer.Option(None, "--indicator", help="指标名称"),
                    project: Optional[str] = typer.Option(None, "--project", help="项目名称"),
                    unit: Optional[str] = typer.Option(None, "--unit", help="责任单位，默认为事项的牵头单位"),
                    requirement: Optional[str] = typer.Option(None, "--requirement", help="办理要求")) -> None:
    """发起督办单并交办给责任单位。"""
    from parkgov.services import lookup, supervision

    due_date = date_option(due, "办理期限")
    chosen = [(k, v) for k, v in (("task", task), ("indicator", indicator), ("project", project)) if v]
    if len(chosen) > 1:
        fail("--task、--indicator、--project 只能指定一个")
    with operator_session() as s:
        park_row = lookup.park(s, park)
        kind = item_id = None
        if chosen:
            kind = chosen[0][0]
            item_id = lookup.item_by_ref(s, park_row.id, kind, chosen[0][1]).id
        order = supervision.raise_order(s, _actor(), park_row.id, reason=reason, due_date=due_date, kind=kind,
                                        item_id=item_id, unit=unit, requirement=requirement)
    _out(f"已发起{order['number']}（编号 {order['id']}），交办{order['unit']}，{order['due_date'].isoformat()}前办结")


@supervise_app.command("propose")
def supervise_propose(park: str = typer.Option(..., "--park"),
                      as_of: Optional[str] = typer.Option(None, "--as-of", help="截至日期，默认今天"),
                      do_raise: bool = typer.Option(False, "--raise", help="按建议全部发起")) -> None:
    """列出红灯事项的督办建议；加 --raise 则全部发起。"""
    from parkgov.services import supervision

    day = date_option(as_of, "截至日期")
    with operator_session() as s:
        if do_raise:
            created = supervision.raise_proposed(s, _actor(), park, day)
            _out(f"已发起{len(created)}张督办单")
            return
        proposals = supervision.proposals(s, _actor(), park, day)
    if not proposals:
        _out("没有需要督办的红灯事项")
    for p in proposals:
        _out(f"{p['item']}  {p['unit']}：{p['reason']}")


@supervise_app.command("act")
def supervise_act(order_id: int = typer.Argument(..., help="督办单编号"),
                  action: str = typer.Argument(..., help="reply 回复 / verify 核验 / close 办结 / return 退回 / "
                                                         "escalate 升级 / assign 交办"),
                  note: str = typer.Option("", "--note", help="办理情况或意见"),
                  due: Optional[str] = typer.Option(None, "--due", help="重新交办时的新期限")) -> None:
    """办理一张督办单。"""
    from parkgov.services import supervision

    due_date = date_option(due, "办理期限")
    with operator_session() as s:
        order = supervision.act(s, _actor(), order_id, action, note=note, due_date=due_date)
    _out(f"{order['number']}：{order['status_label']}")


@supervise_app.command("escalate")
def supervise_escalate(park: str = typer.Option(..., "--park")) -> None:
    """将逾期未办结的督办单升级督办。"""
    from parkgov.services import supervision

    with operator_session() as s:
        escalated = supervision.escalate_overdue(s, _actor(), park)
    _out(f"已升级督办{len(escalated)}张督办单")


def status(park: str = typer.Option(..., "--park"),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="截至日期，默认今天，如 2025-10-31"),
           format: Format = typer.Option(Format.table, "--format")) -> None:
    """园区指标、任务、项目的完成率、序时进度和红黄绿灯。"""
    from parkgov.services import status as status_service

    day = date_option(as_of, "截至日期")
    with operator_session() as s:
        view = status_service.park_status(s, _actor(), park, day)
    if format is Format.json:
        _print_json(view)
        return
    console = Console()
    console.print(f"{view['park']}  截至{view['as_of'].isoformat()}  序时进度{_pct(view['time_progress'])}",
                  markup=False, highlight=False)
    sections = (("指标", view["indicators"], lambda r: (r["title"], r["unit"] or "", _pct(r["completion_rate"]), r["note"])),
                ("任务", view["tasks"], lambda r: (f"{r['seq'] or ''} {r['title'][:20]}", r["unit"] or "",
                                                 _pct(r["completion_rate"]), r["state_label"])),
                ("项目", view["projects"], lambda r: (r["title"][:24], r["unit"] or "", _pct(r["completion_rate"]),
                                                    r["note"])))
    for title, rows, cells in sections:
        table = Table(title=f"{title}（{len(rows)}）")
        for col in ("名称", "牵头单位", "完成率", "情况", "灯"):
            table.add_column(col)
        for r in rows:
            table.add_row(*[str(c) for c in cells(r)], f"[{LIGHT_STYLE[r['light']]}]{r['light_label']}[/]")
        console.print(table)


def rank(park: str = typer.Option(..., "--park"),
         round_period: Optional[str] = typer.Option(None, "--round", help="按月度调度排名，如 2025-06"),
         quarter: Optional[str] = typer.Option(None, "--quarter", help="按季度排名，如 2025Q2"),
         bottom: int = typer.Option(5, "--bottom", min=0, max=100, help="末位单位数"),
         format: Format = typer.Option(Format.table, "--format")) -> None:
    """单位排名（得分、名次）及末位单位。"""
    from parkgov.services import rankings

    if bool(round_period) == bool(quarter):
        fail("请用 --round 或 --quarter 指定且只指定一个排名期间")
    with operator_session() as s:
        if round_period:
            data = rankings.rank_round(s, _actor(), park, round_period, bottom)
        else:
            data = rankings.rank_quarter(s, _actor(), park, quarter, bottom)
    if format is Format.json:
        _print_json(data)
        return
    last = {line["unit"] for line in data["bottom"]}
    table = Table(title=f"{data['period_label']}单位排名")
    for col in ("名次", "单位", "得分", "按时报送", "绿灯事项", "督办按期", "末位"):
        table.add_column(col)
    for line in data["ranking"]:
        table.add_row(str(line["rank"]), line["unit"], f"{line['score']:f}",
                      f"{line['reports_on_time']}/{line['reports_due']}", f"{line['green_items']}/{line['items']}",
                      f"{line['orders_on_time']}/{line['orders_due']}", "末位" if line["unit"] in last else "")
    Console().print(table)


@user_app.command("add")
def user_add(username: str = typer.Option(..., "--username", help="用户名"),
             role: str = typer.Option(..., "--role", help="admin / coordinator / reporter / leader / viewer 或中文"),
             park: Optional[str] = typer.Option(None, "--park"),
             unit: Optional[str] = typer.Option(None, "--unit", help="部门填报员所属单位"),
             name: Optional[str] = typer.Option(None, "--name", help="显示名称"),
             password: Optional[str] = typer.Option(None, "--password", help="网页登录密码（可选）")) -> None:
    """新增用户并签发 API 令牌（令牌只显示这一次，请妥善保存）。"""
    from parkgov.services import users

    with operator_session() as s:
        issued = users.add_user(s, _actor(), username=username, role=role, park=park, unit=unit,
                                display_name=name, password=password)
    _out(f"已新增用户 {issued.username}（{issued.role.value}），令牌（只显示这一次）：")
    sys.stdout.write(issued.token + "\n")


@user_app.command("token")
def user_token(username: str = typer.Argument(..., help="用户名")) -> None:
    """重新签发令牌，旧令牌立即失效。"""
    from parkgov.services import users

    with operator_session() as s:
        token = users.rotate_token(s, _actor(), username)
    _out("新令牌（只显示这一次）：")
    sys.stdout.write(token + "\n")


def register(app: typer.Typer) -> None:
    """Add the monthly-loop verbs to the ``parkgov`` app."""
    app.command("serve")(serve)
    app.command("status")(status)
    app.command("rank")(rank)
    app.add_typer(round_app, name="round")
    app.add_typer(progress_app, name="progress")
    app.add_typer(supervise_app, name="supervise")
    app.add_typer(user_app, name="user")
