"""The half-year or annual work summary DRAFT (工作总结) from ``SummaryData``.

Title with the issuer and date under it; 一、重点工作开展情况 (annual: 一、2025年主要工作):
（一）经济指标完成情况, one paragraph per kind of indicator, （二）重点项目建设情况, then one
section per task category from the units' progress; 二、存在的问题 from red items;
三、下一步工作打算 (annual: 三、2026年工作打算) from the tasks still open.
"""
from __future__ import annotations

from pathlib import Path

from parkgov.reports import charts
from parkgov.reports.bulletin_data import Light, SummaryData, TaskRow
from parkgov.reports.formatting import DASH, fmt_pct, name_list
from parkgov.reports.gbt9704 import OfficialDocument, chinese_ordinal, date_text
from parkgov.reports.indicator_prose import indicator_paragraphs, prose_amount, prose_unit
from parkgov.reports.tallies import NO_CATEGORY, group_key, investment_totals

_STAGES = ("新建", "续建", "前期")


def _enumerate_points(points: list[str]) -> str:
    """``一是…。二是…。`` as the seeds write a list inside a paragraph."""
    return "".join(f"{chinese_ordinal(i)}是{p.rstrip('。；;')}。" for i, p in enumerate(points, 1))


def _by_category(tasks: list[TaskRow]) -> dict[str, list[TaskRow]]:
    """Tasks per category (as first written), categories differing only by spaces merged."""
    names: dict[str, str] = {}
    groups: dict[str, list[TaskRow]] = {}
    for task in tasks:
        category = task.category or NO_CATEGORY
        name = names.setdefault(group_key(category), category)
        groups.setdefault(name, []).append(task)
    return groups


def _units(task: TaskRow) -> str:
    return f"（牵头部门：{'、'.join(task.departments)}）" if task.departments else ""


class SummaryWriter:
    """Writes the summary draft; every figure comes from the data, every narrative from the units."""

    def __init__(self, data: SummaryData, with_charts: bool = True) -> None:
        self.data = data
        self.with_charts = with_charts
        self.out = OfficialDocument()
        self.half = "全年" if data.annual else data.span
        self.period = f"{data.year}年" if data.annual else data.period_label
        self.months = "全年" if data.annual else data.period_label.removeprefix(f"{data.year}年").removesuffix("累计")

    def write(self) -> OfficialDocument:
        d = self.data
        subtitle = [d.head.issuer] + ([f"（{date_text(d.head.signed_on)}）"] if d.head.signed_on else [])
        self.out.title(d.head.title, *subtitle)
        if d.annual:
            opening = f"现将{d.year}年工作总结及{d.year + 1}年工作打算报告如下："
        else:
            opening = f"现将{self.half}工作总结如下："
        self.out.paragraph(f"{self.period}，{d.park}围绕年度目标任务，扎实推进各项重点工作。{opening}")
        if not (d.indicators or d.tasks or d.projects):
            self.out.note("本期尚无任何调度数据（未录入指标、任务和项目），本稿各部分均为空，请录入数据后重新生成。")
        self.out.h1(f"{d.year}年主要工作" if d.annual else "重点工作开展情况")
        self._economy()
        self._projects()
        self._categories()
        self.out.h1("存在的问题")
        self._problems()
        self.out.h1(f"{d.year + 1}年工作打算" if d.annual else "下一步工作打算")
        self._next_steps()
        self.out.sign_off(d.head.issuer, d.head.signed_on)
        return self.out

    def _economy(self) -> None:
        d = self.data
        if not d.indicators:
            self.out.h2("经济指标完成情况", "本期未录入经济指标数据。")
            return
        prose = indicator_paragraphs(d.indicators, self.period, d.park)
        self.out.h2("经济指标完成情况", prose.paragraphs[0])
        for text in prose.paragraphs[1:]:
            self.out.paragraph(text)
        for note in prose.notes:
            self.out.note(note)
        if self.with_charts:
            tp = next((r.time_progress_pct for r in d.indicators if r.time_progress_pct is not None), None)
            png = charts.indicator_completion_chart(d.indicators, tp)
            if png:
                self.out.picture(png, "主要经济指标完成率与序时进度")

    def _projects(self) -> None:
        d = self.data
        totals = investment_totals(d.projects)
        if totals is None:
            return
        stages = [f"{s}{sum(p.stage == s for p in d.projects)}个" for s in _STAGES
                  if any(p.stage == s for p in d.projects)]
        parts = [f"{d.year}年度重点项目{len(d.projects)}个" + (f"，其中{'、'.join(stages)}" if stages else "")]
        shown = prose_unit([totals.total, totals.annual_plan, totals.completed], totals.unit)
        if totals.total is not None:
            parts.append(f"项目计划总投资{prose_amount(totals.total, totals.unit, shown)}")
        if totals.annual_plan is not None:
            parts.append(f"年度计划投资{prose_amount(totals.annual_plan, totals.unit, shown)}")
        if totals.completed is not None:
            parts.append(f"{self.months}累计完成投资{prose_amount(totals.completed, totals.unit, shown)}")
        if totals.completion_pct is not None:
            parts.append(f"完成年度投资计划的{fmt_pct(totals.completion_pct)}")
        self.out.h2("重点项目建设情况", "，".join(parts) + "。")
        if totals.completion_pct is None and totals.completed is not None:
            self.out.note(f"项目年度计划投资合计为0或未填报，完成年度投资计划的比例无法计算（以「{DASH}」表示）。")
        if totals.excluded:
            self.out.note(f"{name_list(totals.excluded, counter='个')}的投资以其他币种计，未计入上述合计。")
        if self.with_charts:
            png = charts.project_investment_chart(d.projects)
            if png:
                self.out.picture(png, "重点项目年度计划投资与累计完成投资")

    def _categories(self) -> None:
        for category, tasks in _by_category(self.data.tasks).items():
            points = [f"{t.item}。{t.latest_progress}" for t in tasks if t.latest_progress]
            silent = [t.item for t in tasks if not t.latest_progress]
            body = _enumerate_points(points) if points else "本期各牵头部门未报送进展。"
            self.out.h2(category, body)
            if points and silent:
                self.out.note(f"{name_list(silent)}本期未报送进展。")

    def _problems(self) -> None:
        d = self.data
        found = False
        for r in d.indicators:
            if r.light is not Light.RED:
                continue
            found = True
            parts = []
            if r.actual is not None:
                parts.append(f"{self.period}完成{prose_amount(r.actual, r.unit)}")
            if r.completion_pct is not None:
                parts.append(f"完成年度目标的{fmt_pct(r.completion_pct)}")
            if r.time_progress_pct is not None and r.completion_pct is not None:
                gap = r.time_progress_pct - r.completion_pct
                if gap > 0:
                    parts.append(f"低于序时进度{fmt_pct(gap).rstrip('%')}个百分点")
            if r.actual is None:
                parts.append("本期未报送数据")
            elif r.completion_pct is None and r.target_growth_pct is None:
                parts.append("未设定年度目标，无法计算完成率" if r.target is None else "年度目标为0，无法计算完成率")
            self.out.h2(f"{r.name}完成进度滞后", "，".join(parts) + "。" + (r.note or ""))
        for t in d.tasks:
            if t.light is not Light.RED:
                continue
            found = True
            detail = t.issues or t.latest_progress or f"当前状态为“{t.status}”"
            self.out.h2(f"{t.item}进展滞后", f"{detail.rstrip('。')}。{_units(t)}")
        for p in d.projects:
            if p.light is not Light.RED:
                continue
            found = True
            shown = prose_unit([p.annual_plan, p.completed], p.money_unit)
            parts = [f"年度计划投资{prose_amount(p.annual_plan, p.money_unit, shown)}",
                     f"累计完成{prose_amount(p.completed, p.money_unit, shown)}"]
            if p.completion_pct is not None:
                parts.append(f"完成年度计划的{fmt_pct(p.completion_pct)}")
            text = "，".join(x for x in parts if DASH not in x) or "投资数据未报送"
            self.out.h2(f"{p.name}建设进度滞后", f"{text}。{p.latest_progress or ''}")
        if not found:
            self.out.paragraph("经调度，本期无亮红灯事项。")

    def _next_steps(self) -> None:
        open_tasks = [t for t in self.data.tasks if not t.done]
        if not open_tasks:
            self.out.paragraph("本期各项重点任务均已完成。" if self.data.tasks else "本期未录入重点任务。")
            return
        for category, tasks in _by_category(open_tasks).items():
            points = [f"{t.item}，{(t.next_steps or t.requirement).rstrip('。')}" for t in tasks]
            self.out.h2(category, _enumerate_points(points))


def write_summary(data: SummaryData, path: str | Path, with_charts: bool = True) -> Path:
    """Write the summary draft to ``path`` (.docx)."""
    return SummaryWriter(data, with_charts).write().save(path)
