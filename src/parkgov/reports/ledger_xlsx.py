"""Excel ledgers (台账): tasks in the layout of seed 004 with status columns, indicators, projects.

Merged category cells, a frozen header row, widths that fit Chinese text, wrapped long
text, A4 landscape with the header row repeated on every printed page. Figures are
written as numbers in the unit as stored; a missing figure is 「—」.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from parkgov.reports.bulletin_data import IndicatorRow, LedgerData, Light, ProjectRow, TaskRow, light_label
from parkgov.reports.formatting import DASH, dec

TASK_HEADERS = ["序号", "类别", "项目", "任务要求", "牵头区领导", "牵头部门", "状态", "最新进展", "红黄绿灯"]
_LIGHT_FILLS = {Light.GREEN: "#C6EFCE", Light.YELLOW: "#FFEB9C", Light.RED: "#FFC7CE", Light.GREY: "#E7E6E6"}
_MAX_WIDTH = {"类别": 16, "项目": 24, "任务要求": 60, "最新进展": 40, "指标名称": 22, "项目名称": 30}
_DECIMALS = {"亿元": 2, "亿美元": 2, "%": 1}
_HEADER_ROW = 1


def display_width(text: str) -> int:
    """Columns a text takes in Excel's width unit: a CJK character counts two."""
    return max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in str(text).split("\n")), default=0)


def _people(names: list[str]) -> str:
    return "\n".join(names)


class _Sheet:
    """One ledger sheet: title row, header row, data rows, and the print set-up."""

    def __init__(self, book: Workbook, name: str, title: str, headers: list[str]) -> None:
        self.book, self.headers = book, headers
        self.ws: Worksheet = book.add_worksheet(name)
        self.fmt = {
            "title": book.add_format({"bold": True, "font_name": "方正小标宋简体", "font_size": 16,
                                      "align": "center", "valign": "vcenter"}),
            "head": book.add_format({"bold": True, "font_name": "黑体", "font_size": 11, "align": "center",
                                     "valign": "vcenter", "text_wrap": True, "border": 1, "bg_color": "#D9D9D9"}),
            "text": book.add_format({"font_name": "仿宋_GB2312", "font_size": 11, "valign": "vcenter",
                                     "text_wrap": True, "border": 1}),
            "center": book.add_format({"font_name": "仿宋_GB2312", "font_size": 11, "valign": "vcenter",
                                       "align": "center", "text_wrap": True, "border": 1}),
        }
        self._numbers: dict[int, object] = {}
        self._lights = {light: book.add_format({"font_name": "仿宋_GB2312", "font_size": 11, "align": "center",
                                                "valign": "vcenter", "border": 1, "bg_color": fill})
                        for light, fill in _LIGHT_FILLS.items()}
        self.widths = [display_width(h) + 2 for h in headers]
        self.lines: dict[int, int] = {}
        self.ws.merge_range(0, 0, 0, len(headers) - 1, title, self.fmt["title"])
        self.ws.set_row(0, 30)
        self.ws.write_row(_HEADER_ROW, 0, headers, self.fmt["head"])
        self.row = _HEADER_ROW + 1

    def number_format(self, decimals: int):
        if decimals not in self._numbers:
            pattern = "0" if decimals == 0 else "0." + "0" * decimals
            self._numbers[decimals] = self.book.add_format({
                "font_name": "仿宋_GB2312", "font_size": 11, "align": "center", "valign": "vcenter",
                "border": 1, "num_format": pattern})
        return self._numbers[decimals]

    def _fit(self, col: int, text: str) -> None:
        cap = _MAX_WIDTH.get(self.headers[col], 30)
        width = display_width(text) + 2
        self.widths[col] = min(max(self.widths[col], width), cap)

    def text(self, col: int, value: str | None, center: bool = False) -> None:
        text = value if value not in (None, "") else DASH
        self.ws.write_string(self.row, col, text, self.fmt["center" if center else "text"])
        self._fit(col, text)

    def number(self, col: int, value, decimals: int, whole_if_integral: bool = False) -> None:
        """A figure as an Excel number; whole figures of 万元/家/… show no decimals."""
        number = dec(value)
        if number is None:
            self.text(col, DASH, center=True)
            return
        if whole_if_integral and number == number.to_integral_value():
            decimals = 0
        self.ws.write_number(self.row, col, float(number), self.number_format(decimals))
        self._fit(col, f"{number:.{decimals}f}")

    def light(self, col: int, light: Light) -> None:
        self.ws.write_string(self.row, col, light_label(light), self._lights[light])

    def next_row(self) -> None:
        self.row += 1

    def empty(self, message: str) -> None:
        self.ws.merge_range(self.row, 0, self.row, len(self.headers) - 1, message, self.fmt["center"])
        self.row += 1

    def finish(self, landscape: bool = True) -> None:
        for col, width in enumerate(self.widths):
            self.ws.set_column(col, col, width)
        self._row_heights()
        self.ws.freeze_panes(_HEADER_ROW + 1, 0)
        if landscape:
            self.ws.set_landscape()
        self.ws.set_paper(9)
        self.ws.repeat_rows(_HEADER_ROW)
        self.ws.fit_to_pages(1, 0)
        self.ws.center_horizontally()
        self.ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        self.ws.set_footer("&C第 &P 页，共 &N 页")

    def _row_heights(self) -> None:
        for r, needed in self.lines.items():
            self.ws.set_row(r, max(20, 15 * needed))

    def wrap_lines(self, texts: dict[int, str]) -> None:
        """Remember how many lines the current row needs once widths are known."""
        self.lines[self.row] = max(
            [1] + [sum(-(-display_width(part) // max(self.widths_cap(col) - 1, 1)) for part in text.split("\n"))
                   for col, text in texts.items() if text])

    def widths_cap(self, col: int) -> int:
        return _MAX_WIDTH.get(self.headers[col], 30)


def _merge_runs(sheet: _Sheet, col: int, values: list[str], first_row: int) -> None:
    """Merge consecutive equal, non-empty values of column ``col`` into one cell."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1 and values[start]:
                sheet.ws.merge_range(first_row + start, col, first_row + i - 1, col, values[start],
                                     sheet.fmt["center"])
            start = i


def task_sheet(book: Workbook, title: str, tasks: Sequence[TaskRow]) -> None:
    """The responsibility table (seed 004 columns) with 状态, 最新进展, 红黄绿灯 added."""
    sheet = _Sheet(book, "任务台账", title, TASK_HEADERS)
    first = sheet.row
    if not tasks:
        sheet.empty("本期无任务数据")
    for t in tasks:
        sheet.text(0, t.seq, center=True)
        sheet.text(1, t.category, center=True)
        sheet.text(2, t.item)
        sheet.text(3, t.requirement)
        sheet.text(4, _people(t.leaders), center=True)
        sheet.text(5, _people(t.departments), center=True)
        sheet.text(6, t.status, center=True)
        sheet.text(7, t.latest_progress)
        sheet.light(8, t.light)
        sheet.wrap_lines({3: t.requirement, 7: t.latest_progress or "", 2: t.item, 4: _people(t.leaders),
                          5: _people(t.departments)})
        sheet.next_row()
    if tasks:
        _merge_runs(sheet, 1, [t.category for t in tasks], first)
    sheet.finish()


def indicator_sheet(book: Workbook, title: str, period_label: str, rows: Sequence[IndicatorRow]) -> None:
    """The indicator ledger: target, year-to-date actual, growth, completion, time progress, light."""
    headers = ["序号", "指标名称", "单位", "年度目标", f"{period_label}累计", "同比增长（%）", "完成进度（%）",
               "序时进度（%）", "红黄绿灯", "牵头部门", "牵头领导"]
    sheet = _Sheet(book, "指标台账", title, headers)
    if not rows:
        sheet.empty("本期无指标数据")
    for i, r in enumerate(rows, 1):
        places = _DECIMALS.get(r.unit or "", 2)
        whole = r.unit not in _DECIMALS
        sheet.text(0, str(i), center=True)
        sheet.text(1, r.name)
        sheet.text(2, r.unit, center=True)
        sheet.number(3, r.target, places, whole)
        sheet.number(4, r.actual, places, whole)
        sheet.wrap_lines({9: _people(r.departments), 10: _people(r.leaders)})
        sheet.number(5, r.yoy_pct, 2)
        sheet.number(6, r.completion_pct, 1)
        sheet.number(7, r.time_progress_pct, 1)
        sheet.light(8, r.light)
        sheet.text(9, _people(r.departments), center=True)
        sheet.text(10, _people(r.leaders), center=True)
        sheet.next_row()
    sheet.finish()


def project_sheet(book: Workbook, title: str, rows: Sequence[ProjectRow]) -> None:
    """The project ledger: amounts in one money unit per column header, as stored."""
    unit = rows[0].money_unit if rows and len({r.money_unit for r in rows}) == 1 else None
    suffix = f"（{unit}）" if unit else ""
    headers = ["序号", "项目名称", "项目类别", "建设性质", "责任单位", f"总投资{suffix}", f"年度计划投资{suffix}",
               f"累计完成投资{suffix}", "完成率（%）", "红黄绿灯", "最新进展"]
    sheet = _Sheet(book, "项目台账", title, headers)
    if not rows:
        sheet.empty("本期无项目数据")
    for i, p in enumerate(rows, 1):
        places = _DECIMALS.get(p.money_unit, 2)
        sheet.text(0, str(i), center=True)
        sheet.text(1, p.name)
        sheet.text(2, p.category, center=True)
        sheet.text(3, p.stage, center=True)
        sheet.text(4, _people(p.departments), center=True)
        for col, value in ((5, p.total_investment), (6, p.annual_plan), (7, p.completed)):
            if unit:
                sheet.number(col, value, places, p.money_unit not in _DECIMALS)
            else:
                sheet.text(col, None if value is None else f"{value}{p.money_unit}", center=True)
        sheet.number(8, p.completion_pct, 1)
        sheet.light(9, p.light)
        sheet.text(10, p.latest_progress)
        sheet.wrap_lines({1: p.name, 10: p.latest_progress or "", 4: _people(p.departments)})
        sheet.next_row()
    sheet.finish()


def _write(path: str | Path, fill: Callable[[Workbook], None]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    try:
        fill(book)
    finally:
        book.close()
    return path


def write_task_ledger(path: str | Path, data: LedgerData) -> Path:
    return _write(path, lambda b: task_sheet(b, f"{data.park}{data.period_label}重点工作任务台账", data.tasks))


def write_indicator_ledger(path: str | Path, data: LedgerData) -> Path:
    return _write(path, lambda b: indicator_sheet(b, f"{data.park}{data.period_label}经济指标台账",
                                                  data.period_label, data.indicators))


def write_project_ledger(path: str | Path, data: LedgerData) -> Path:
    return _write(path, lambda b: project_sheet(b, f"{data.park}{data.period_label}重点项目台账", data.projects))


def write_ledgers(path: str | Path, data: LedgerData) -> Path:
    """One workbook with the task, indicator and project ledgers as three sheets."""
    def fill(book: Workbook) -> None:
        task_sheet(book, f"{data.park}{data.period_label}重点工作任务台账", data.tasks)
        indicator_sheet(book, f"{data.park}{data.period_label}经济指标台账", data.period_label, data.indicators)
        project_sheet(book, f"{data.park}{data.period_label}重点项目台账", data.projects)
    return _write(path, fill)
