"""``parkgov demo``: build the demo database (five fictional parks, or a folder of real documents) and serve it."""
from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from parkgov.cli_session import fail


def _port_free(port: int) -> bool:
    """True when 127.0.0.1:``port`` can be listened on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def demo_command(
    no_serve: bool = typer.Option(False, "--no-serve", help="只生成数据库，不启动网页"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="网页端口"),
    from_dir: Optional[Path] = typer.Option(None, "--from",
                                            help="改为导入此文件夹中的真实文件，按文件中的园区名称建园区，"
                                                 "不论文件年度都计入2025年台账"),
    docs: Path = typer.Option(Path(".parkgov/demo-documents"), "--docs", help="演示文件写入的文件夹"),
) -> None:
    """生成演示数据（五个虚构园区 2025 年 1-10 月的调度、填报和督办），然后在 127.0.0.1 启动网页。"""
    from sqlalchemy.exc import SQLAlchemyError

    from parkgov.demo.builder import build_demo, build_from_folder
    from parkgov.demo.progress import AS_OF
    from parkgov.domain.errors import DomainError
    from parkgov.services.errors import ServiceError
    from parkgov.store.database import database_url

    console = Console()
    url = database_url()
    password = os.environ.get("PARKGOV_ADMIN_PASSWORD") or None

    def echo(line: str) -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    if from_dir is not None and not from_dir.is_dir():
        fail(f"找不到文件夹：{from_dir}")
    if not no_serve and not _port_free(port):
        fail(f"端口 {port} 已被占用：请先停止占用它的程序，或用 --port 指定其他端口（例如 --port 8080）")
    echo("正在生成演示数据：导入文件，再生成 2025 年 1-10 月的调度、填报和督办（约需一到三分钟）…")
    try:
        if from_dir is not None:
            result = build_from_folder(url, from_dir, password, echo)
        else:
            result = build_demo(url, docs, password, echo)
    except (ServiceError, DomainError) as exc:
        fail(f"生成演示数据时被拒绝：{exc.message}")
    except SQLAlchemyError as exc:
        fail(f"生成演示数据失败（{type(exc).__name__}）：请检查 PARKGOV_DATABASE_URL 是否正确、数据库是否可以连接")
    for line in result.lines[:1]:
        echo(line)
    if result.admin_password:
        echo(f"管理员 admin 的初始密码（只显示这一次，请妥善保存）：{result.admin_password}")
    if result.admin_token:
        echo(f"管理员 admin 的接口令牌（只显示这一次）：{result.admin_token}")
    if result.accounts and result.account_password:
        echo(f"各园区的调度员和单位填报员账号密码与管理员相同，例如：{result.accounts[0]}（调度员）、"
             f"{result.accounts[1]}（部门填报员）")
    shown = url.split("@")[-1] if "@" in url else url
    echo(f"演示数据库：{shown}；园区：{'、'.join(result.parks)}；演示数据截至 {AS_OF.isoformat()}")
    if from_dir is None:
        echo(f"演示文件（计划、行动方案、项目表、半年总结）：{docs}")
    if no_serve:
        return
    import uvicorn

    from parkgov.web.app import create_app

    echo(f"网页地址：http://127.0.0.1:{port}/ （按 Ctrl+C 停止）")
    uvicorn.run(create_app(url), host="127.0.0.1", port=port)
