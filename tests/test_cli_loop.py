"""CLI verbs of the monthly loop on both databases: one Chinese line and exit 1 on every bad input."""
from __future__ import annotations

import json

import pytest

from ledger_cli import PARK, ledger_cli


@pytest.fixture
def cli(db_url, session_factory, monkeypatch):
    return ledger_cli(db_url, session_factory, monkeypatch)


def _refused(result, word: str) -> None:
    assert result.exit_code == 1, result.output
    assert word in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_round_progress_status_rank(cli):
    ok = cli("round", "open", "--park", PARK, "--period", "2025-06", "--deadline", "2099-07-05")
    assert ok.exit_code == 0 and "已开启2025年6月调度" in ok.output
    sub = cli("progress", "submit", "--park", PARK, "--unit", "商务局", "--task", "8", "--state", "推进中",
              "--note", "签约6个", "--value", "6")
    assert sub.exit_code == 0 and "第1版" in sub.output
    again = cli("progress", "submit", "--park", PARK, "--unit", "商务局", "--task", "8", "--state", "已完成",
                "--note", "更正", "--value", "12")
    assert again.exit_code == 0 and "第2版" in again.output
    view = cli("status", "--park", PARK, "--as-of", "2025-06-30", "--format", "json")
    assert view.exit_code == 0
    task = next(t for t in json.loads(view.output)["tasks"] if t["seq"] == "8")
    assert task["state"] == "completed" and task["light"] == "green" and task["revision"] == 2
    table = cli("status", "--park", PARK, "--as-of", "2025-06-30")
    assert table.exit_code == 0 and "开展产业链精准招商" in table.output
    ranking = cli("rank", "--park", PARK, "--round", "2025-06", "--bottom", "2", "--format", "json")
    lines = json.loads(ranking.output)["ranking"]
    assert lines[0]["unit"] == "商务局" and lines[0]["rank"] == 1
    assert cli("rank", "--park", PARK, "--quarter", "2025Q2").exit_code == 0


def test_bad_inputs_are_one_chinese_line(cli):
    _refused(cli("round", "open", "--park", PARK, "--period", "2025-13"), "调度期间")
    _refused(cli("round", "open", "--park", PARK, "--period", "2025-06", "--deadline", "7月5日"), "截止日期格式")
    _refused(cli("round", "open", "--park", "没有的园区", "--period", "2025-06"), "找不到园区")
    _refused(cli("progress", "submit", "--park", PARK, "--task", "8", "--state", "推进中"), "没有正在填报")
    assert cli("round", "open", "--park", PARK, "--period", "2025-06").exit_code == 0
    _refused(cli("round", "open", "--park", PARK, "--period", "2025-06"), "不能重复开启")
    _refused(cli("progress", "submit", "--park", PARK, "--unit", "科工局", "--task", "8", "--state", "推进中"),
             "不由该单位牵头")
    _refused(cli("progress", "submit", "--park", PARK, "--task", "8", "--state", "差不多"), "进展状态")
    _refused(cli("progress", "submit", "--park", PARK, "--task", "8", "--value", "abc"), "不是数字")
    _refused(cli("progress", "submit", "--park", PARK, "--task", "999"), "序号为 999")
    _refused(cli("progress", "submit", "--park", PARK, "--indicator", "税收", "--value", "3", "--value-unit", "吨"),
             "单位")
    _refused(cli("rank", "--park", PARK), "--round 或 --quarter")
    _refused(cli("rank", "--park", PARK, "--quarter", "2025Q7"), "季度格式")
    _refused(cli("status", "--park", PARK, "--as-of", "2025-02-30"), "截至日期格式")
    _refused(cli("user", "add", "--username", "x", "--role", "reporter", "--park", PARK), "单位")
    _refused(cli("user", "add", "--username", "x", "--role", "boss"), "未知的角色")
    _refused(cli("supervise", "act", "999", "close"), "找不到编号为 999")


def test_user_add_prints_token_once_and_supervise(cli):
    added = cli("user", "add", "--username", "商务局填报员", "--role", "部门填报员", "--park", PARK, "--unit", "商务局")
    assert added.exit_code == 0
    token = added.output.strip().splitlines()[-1]
    assert token.startswith("pgv_") and len(token) > 40
    raised = cli("supervise", "raise", "--park", PARK, "--task", "20", "--reason", "改革滞后", "--due", "2099-01-01")
    assert raised.exit_code == 0 and "财政局" in raised.output
    listed = json.loads(cli("supervise", "list", "--park", PARK, "--format", "json").output)
    assert [o["status"] for o in listed] == ["assigned"]
    reply = cli("supervise", "act", str(listed[0]["id"]), "reply", "--note", "已整改")
    assert reply.exit_code == 0 and "已回复" in reply.output
    _refused(cli("supervise", "act", str(listed[0]["id"]), "return"), "退回理由")
    assert "已办结" in cli("supervise", "act", str(listed[0]["id"]), "close").output
