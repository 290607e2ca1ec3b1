"""The .xlsx reader on fictional workbooks built with openpyxl at test time."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from parkgov.extract.document import Paragraph, Table
from parkgov.extract.errors import ExtractError
from parkgov.extract.readers import read_document
from parkgov.extract.readers.xlsx import plain_number, render


def workbook(path: Path) -> Path:
    """砚山经济开发区: an indicator sheet with a title, merges and numbers, a project sheet, a hidden one."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "主要指标"
    ws["A1"] = "砚山经济开发区2025年主要指标完成情况表"
    ws.merge_cells("A1:F1")
    ws["A2"] = "单位：亿元"
    ws.append(["序号", "类别", "指标", "目标", "1-6月完成", "增幅"])
    ws.append([1, "经济总量", "技工贸总收入", 136.69, 61.0, 0.082])
    ws.append([2, None, "规模工业增加值", 27, 0.1 + 0.2, -0.015])
    ws.append([3, None, "工业投资", 23.72, 11.25, 0.0])
    ws.append([4, "项目建设", "新开工项目（个）", 12, 5, None])
    ws.append([5, None, "截止日期", dt.datetime(2025, 2, 25), dt.date(2025, 6, 30), None])
    ws.append(["注：增幅为同比。"])
    ws.merge_cells("B4:B6")          # categories merged vertically
    ws.merge_cells("B7:B8")
    ws.merge_cells("A9:F9")          # a note across the table, below it
    for row in range(4, 8):
        ws.cell(row=row, column=6).number_format = "0.0%"
    ws["E5"].number_format = "0.00"
    ws["D8"].number_format = 'yyyy"年"m"月"d"日"'
    ws["E8"].number_format = "yyyy-mm-dd"
    # formatting far away makes the sheet's dimension bigger: empty trailing rows/columns
    ws["K30"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["H12"] = ""

    ws2 = wb.create_sheet("项目表")
    ws2.append(["项目名称", "建设性质", "总投资（万元）", "年度计划", "开工时间"])
    ws2.append(["砚山智能制造产业园", "新建", 286413, 93462.5, dt.datetime(2025, 3, 1, 9, 30)])
    ws2.append(["污水处理厂提标改造", "续建", 8600, 1e-7, None])
    ws2.append(["合计", None, 295013, 93462.5000001, None])
    ws2["E2"].number_format = "yyyy-mm-dd hh:mm"
    ws2.merge_cells("A4:B4")          # a horizontally merged total label
    hidden = wb.create_sheet("底稿")
    hidden.append(["不应读出"])
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    wb.save(path)
    return path


@pytest.fixture()
def book(tmp_path) -> Path:
    return workbook(tmp_path / "砚山指标.xlsx")


def test_every_visible_sheet_is_a_table(book):
    doc = read_document(book)
    assert doc.format == "xlsx"
    assert [t.sheet for t in doc.tables] == ["主要指标", "项目表"]
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph", "Table"]
    assert "不应读出" not in doc.text


def test_title_rows_become_paragraphs(book):
    doc = read_document(book)
    assert [p.text for p in doc.paragraphs] == ["砚山经济开发区2025年主要指标完成情况表", "单位：亿元", "注：增幅为同比。"]


def test_numbers_dates_and_merges_as_a_person_reads_them(book):
    doc = read_document(book)
    rows = [r.cells for r in doc.tables[0].rows]
    assert rows == [
        ("序号", "类别", "指标", "目标", "1-6月完成", "增幅"),
        ("1", "经济总量", "技工贸总收入", "136.69", "61", "8.2%"),
        ("2", "", "规模工业增加值", "27", "0.3", "-1.5%"),
        ("3", "", "工业投资", "23.72", "11.25", "0%"),
        ("4", "项目建设", "新开工项目（个）", "12", "5", ""),
        ("5", "", "截止日期", "2025-02-25", "2025-06-30", ""),
    ]
    projects = [r.cells for r in doc.tables[1].rows]
    assert projects == [
        ("项目名称", "建设性质", "总投资（万元）", "年度计划", "开工时间"),
        ("砚山智能制造产业园", "新建", "286413", "93462.5", "2025-03-01 09:30"),
        ("污水处理厂提标改造", "续建", "8600", "0.0000001", ""),
        ("合计", "", "295013", "93462.5000001", ""),
    ]


def test_linear_text_and_offsets(book):
    doc = read_document(book)
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            assert doc.text[b.offset:b.offset + len(b.text)] == b.text
        else:
            assert isinstance(b, Table) and b.offset == b.rows[0].offset
            for r in b.rows:
                line = "\t".join(r.cells)
                assert doc.text[r.offset:r.offset + len(line) + 1] == line + "\n"
    assert "\n1\t经济总量\t技工贸总收入\t136.69\t61\t8.2%\n" in doc.text


@pytest.mark.parametrize("value,fmt,expected", [
    (12.0, "General", "12"), (0.1 + 0.2, "General", "0.3"), (1 / 3, "General", "0.333333333333333"),
    (12.345, "0.00", "12.35"), (12.0, "0.00", "12"), (1234567.0, "#,##0", "1234567"),
    (0.0912, "0.0%", "9.1%"), (0.5, "0%", "50%"), (-3.5, "General", "-3.5"), (1e20, "General", "100000000000000000000"),
    (2.5e-06, "General", "0.0000025"), (True, "General", "TRUE"), (None, "General", ""),
    (dt.datetime(2025, 1, 5, 0, 0), "yyyy/m/d h:mm", "2025-01-05"), (dt.time(9, 5), "h:mm", "09:05"),
])
def test_render(value, fmt, expected):
    assert render(value, fmt) == expected


def test_plain_number_has_no_exponent_or_noise():
    assert plain_number(0.30000000000000004) == "0.3"
    assert plain_number(136.69000000000003) == "136.69"
    assert plain_number(-0.0) == "0"
    assert plain_number(7) == "7"


def test_empty_workbook_is_an_error(tmp_path):
    path = tmp_path / "空表.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ExtractError) as err:
        read_document(path)
    assert str(err.value).startswith("空表.xlsx：") and "没有任何数据" in str(err.value)


def test_a_sheet_starting_away_from_a1(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"] = "指标"
    ws["D3"] = "数值"
    ws["C4"] = "营业收入"
    ws["D4"] = 58
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    doc = read_document(path)
    assert [r.cells for r in doc.tables[0].rows] == [("", "", "指标", "数值"), ("", "", "营业收入", "58")]


def test_a_big_workbook_reads_about_as_fast_as_openpyxl_itself(tmp_path):
    """Read-only openpyxl is the floor; our rendering, merges and titles may add at most twice as much."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["序号", "项目名称", "总投资", "年度计划", "责任单位"])
    for i in range(20000):
        ws.append([i + 1, f"砚山第{i}号标准厂房建设项目", 1000 + i * 0.5, 300 + i, "经发局"])
    ws.merge_cells("E2:E20001")
    path = tmp_path / "big.xlsx"
    wb.save(path)
    start = time.process_time()
    bare = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _row in bare.worksheets[0].iter_rows(values_only=True):
        pass
    bare.close()
    floor = time.process_time() - start
    start = time.process_time()
    doc = read_document(path)
    ours = time.process_time() - start
    assert len(doc.tables[0].rows) == 20001
    assert doc.tables[0].rows[2].cells == ("2", "砚山第1号标准厂房建设项目", "1000.5", "301", "")
    assert doc.tables[0].rows[1].cells[4] == "经发局"
    assert ours <= 3.0 * floor + 0.3, f"{ours:.2f} s against {floor:.2f} s for openpyxl alone"
