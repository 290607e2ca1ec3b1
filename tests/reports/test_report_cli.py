"""``parkgov report bulletin|summary|ledger`` on both databases; bad input gives one Chinese line."""
from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from ledger_cli import PARK, ledger_cli


@pytest.fixture
def cli(db_url, session_factory, monkeypatch):
    run = ledger_cli(db_url, session_factory, monkeypatch)
    assert run("round", "open", "--park", PARK, "--period", "2025-06", "--deadline", "2025-07-05").exit_code == 0
    return run


def test_report_commands_write_the_documents(cli, tmp_path):
    out = cli("report", "bulletin", "--park", PARK, "--round", "2025-06", "-o", str(tmp_path / "b.docx"),
              "--doc-number", "白经管〔2025〕6号", "--date", "2025-07-06", "--no-charts")
    assert out.exit_code == 0, out.output
    assert "已生成调度通报" in out.output
    texts = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs]
    assert "关于2025年6月重点工作调度情况的通报" in texts and "白经管〔2025〕6号" in texts
    assert "2025年7月6日" in texts
    out = cli("report", "summary", "--park", PARK, "--round", "2025-06", "-o", str(tmp_path / "s.docx"))
    assert out.exit_code == 0, out.output
    assert f"{PARK}2025年上半年工作总结" in [p.text for p in Document(str(tmp_path / "s.docx")).paragraphs]
    out = cli("report", "ledger", "--park", PARK, "--round", "2025-06", "-o", str(tmp_path / "l.xlsx"))
    assert out.exit_code == 0, out.output
    book = load_workbook(tmp_path / "l.xlsx")
    assert book.sheetnames == ["任务台账", "指标台账", "项目台账"]
    assert book["任务台账"].max_row == 2 + 4


@pytest.mark.parametrize("args, word", [
    (["--park", "不存在的园区", "--round", "2025-06", "-o", "x.docx"], "园区"),
    (["--park", PARK, "--round", "2025-13", "-o", "x.docx"], "2025-06"),
    (["--park", PARK, "--round", "2025-06", "-o", "x.pdf"], ".docx"),
    (["--park", PARK, "--round", "2025-06", "-o", "x.docx", "--date", "七月"], "成文日期"),
])
def test_bad_input_gives_one_chinese_line(cli, args, word, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("report", "bulletin", *args)
    assert result.exit_code == 1, result.output
    assert word in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
