"""The dispatch bulletin (调度通报) of one round or one quarter, in GB/T 9704 layout, from ``BulletinData``."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period
from parkgov.reports import charts
from parkgov.reports.bulletin_data import BulletinData, IndicatorRow, Light, light_label
from parkgov.reports.formatting import (DASH, fmt_amount, fmt_number, fmt_pct, fmt_pct_bare, growth_phrase,
                                        name_list)
from parkgov.reports.gbt9704 import OfficialDocument
from parkgov.reports.tallies import Tally, by_category, by_department, investment_totals, red_items

DEFAULT_ADDRESSEES = "各部门、各单位"


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else DASH


def _quarter_label(code: str) -> str:
    """``2025年第二季度`` from ``2025-Q2``; the code itself if it names no quarter."""
    try:
        return Period.parse(code).label
    except DomainError:
        return code


def _months(codes: list[str]) -> str:
    """``4月、5月、6月`` from round codes ``2025-04`` …"""
    return "、".join(f"{int(code[5:7])}月" for code in codes)


def _names(values: list[str]) -> str:
    return "、".join(values) if values else DASH


def _light_counts(lights: list[Light]) -> str:
    return "、".join(f"{light.label}{lights.count(light)}项" for light in
                    (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY) if lights.count(light))


def _target_cell(row: IndicatorRow) -> str:
    """The annual target: a figure in the row's unit, or a growth target (``增长5.5%``)."""
    if row.target is None and row.target_growth_pct is not None:
        growth = growth_phrase(row.target_growth_pct, "")
        return growth if growth else DASH
    return fmt_number(row.target, row.unit)


class BulletinWriter:
    """Writes one bulletin, section by section; every figure comes from the data."""

    def __init__(self, data: BulletinData, with_charts: bool = True) -> None:
        self.data = data
        self.with_charts = with_charts
        self.out = OfficialDocument()
        self.what = _quarter_label(data.round_label) if data.quarterly else data.period_label

    def _tp(self, row: IndicatorRow):
        return row.time_progress_pct if row.time_progress_pct is not None else self.data.time_progress_pct

    def write(self) -> OfficialDocument:
        d = self.data
        self.out.red_head(d.head.issuer, d.head.doc_number)
        self.out.title(d.head.title)
        self.out.addressees(d.head.addressees or DEFAULT_ADDRESSEES)
        self._opening()
        self._indicators()
        self._tasks()
        self._projects()
        self._red()
        self._supervision()
        self._ranking()
        self._reporting()
        self.out.sign_off(d.head.issuer, d.head.signed_on)
        return self.out

    def _opening(self) -> None:
        d = self.data
        text = f"现将{self.what}重点工作调度情况通报如下。"
        if d.indicators or d.tasks or d.projects:
            text += (f"{d.scope}调度共涉及经济指标{len(d.indicators)}项、重点任务{len(d.tasks)}项、"
                     f"重点项目{len(d.projects)}个。")
        if d.quarterly:
            text += (f"本季度共开展调度{len(d.rounds)}轮（{_months(d.rounds)}），单位排名按各轮情况合计计算。"
                     if d.rounds else "本季度未开展调度。")
        self.out.paragraph(text)
        if not (d.indicators or d.tasks or d.projects or d.ranking or d.report_gaps):
            self.out.note(f"{d.scope}调度尚无任何数据（未录入指标、任务、项目及报送记录），以下各部分均为空。")

    def _indicators(self) -> None:
        d = self.data
        self.out.h1("主要经济指标完成情况")
        if not d.indicators:
            self.out.paragraph(f"{d.scope}未录入经济指标数据。")
            return
        lights = [r.light for r in d.indicators]
        tp = f"，序时进度为{fmt_pct(d.time_progress_pct)}" if d.time_progress_pct is not None else ""
        self.out.paragraph(f"纳入调度的{len(d.indicators)}项经济指标中，{_light_counts(lights)}{tp}。")
        rows = []
        for i, r in enumerate(d.indicators, 1):
            rows.append([str(i), r.name, r.unit or DASH, _target_cell(r), fmt_number(r.actual, r.unit),
                         fmt_pct_bare(r.yoy_pct, 2), fmt_pct_bare(r.completion_pct), fmt_pct_bare(self._tp(r)),
                         light_label(r.light)])
        self.out.table(["序号", "指标", "单位", "年度目标", "累计完成", "同比增长（%）", "完成率（%）",
                        "序时进度（%）", "状态"], rows,
                       center_columns=(0, 2, 3, 4, 5, 6, 7, 8))
        missing = [r.name for r in d.indicators if r.actual is None]
        untargeted = [r.name for r in d.indicators if r.target is None and r.target_growth_pct is None]
        zero = [r.name for r in d.indicators if r.target is not None and r.target == 0]
        if missing:
            self.out.note(f"{name_list(missing)}本期未报送累计完成数据。")
        if untargeted:
            self.out.note(f"{name_list(untargeted)}未设定年度目标，完成率以「{DASH}」表示。")
        if zero:
            self.out.note(f"{name_list(zero)}年度目标为0，无法计算完成率。")
        if self.with_charts:
            png = charts.indicator_completion_chart(d.indicators, d.time_progress_pct)
            if png:
                self.out.picture(png, "主要经济指标完成率与序时进度")

    @staticmethod
    def _tally_rows(tallies: list[Tally]) -> list[list[str]]:
        return [[str(i), t.name, str(t.total), str(t.done), str(t.count(Light.GREEN)), str(t.count(Light.YELLOW)),
                 str(t.count(Light.RED)), str(t.count(Light.GREY))] for i, t in enumerate(tallies, 1)]

    def _tasks(self) -> None:
        d = self.data
        self.out.h1("重点任务推进情况")
        if not d.tasks:
            self.out.paragraph(f"{d.scope}未录入重点任务。")
            return
        done = sum(t.done for t in d.tasks)
        self.out.paragraph(f"{len(d.tasks)}项重点任务中，已完成{done}项；"
                           f"{_light_counts([t.light for t in d.tasks])}。")
        headers = ["序号", "{}", "任务数", "已完成", "绿灯", "黄灯", "红灯", "灰灯"]
        self.out.h2("按牵头部门")
        departments = by_department(d.tasks)
        self.out.table([h.format("牵头部门") for h in headers], self._tally_rows(departments),
                       center_columns=range(2, 8))
        if any(len(t.departments) > 1 for t in d.tasks):
            self.out.note("多个部门共同牵头的任务，分别计入各牵头部门。")
        self.out.h2("按任务类别")
        self.out.table([h.format("任务类别") for h in headers], self._tally_rows(by_category(d.tasks)),
                       center_columns=range(2, 8))
        if self.with_charts:
            png = charts.light_counts_chart({t.name: t.lights for t in departments})
            if png:
                caption = "各牵头部门任务红黄绿灯情况" + ("（前20个部门）" if len(departments) > 20 else "")
                self.out.picture(png, caption)

    def _projects(self) -> None:
        d = self.data
        self.out.h1("重点项目建设情况")
        totals = investment_totals(d.projects)
        if totals is None:
            self.out.paragraph(f"{d.scope}未录入重点项目。")
            return
        text = f"纳入调度的重点项目{len(d.projects)}个"
        if totals.total is not None:
            text += f"，计划总投资{fmt_amount(totals.total, totals.unit)}"
        if totals.annual_plan is not None:
            text += f"，年度计划投资{fmt_amount(totals.annual_plan, totals.unit)}"
        if totals.completed is not None:
            text += f"，累计完成投资{fmt_amount(totals.completed, totals.unit)}"
        if totals.completion_pct is not None:
            text += f"，完成年度计划的{fmt_pct(totals.completion_pct)}"
        self.out.paragraph(text + "。")
        if totals.excluded:
            self.out.note(f"{name_list(totals.excluded, counter='个')}的投资以其他币种计，未计入上述合计。")
        one_unit = len({p.money_unit for p in d.projects}) == 1
        rows = []
        for i, p in enumerate(d.projects, 1):
            shown = fmt_number if one_unit else fmt_amount
            rows.append([str(i), p.name, p.stage or DASH, _names(p.departments),
                         shown(p.annual_plan, p.money_unit), shown(p.completed, p.money_unit),
                         fmt_pct_bare(p.completion_pct), light_label(p.light)])
        unit = f"（{d.projects[0].money_unit}）" if one_unit else ""
        self.out.table(["序号", "项目名称", "建设性质", "责任单位", f"年度计划{unit}", f"累计完成{unit}",
                        "完成率（%）", "状态"], rows,
                       center_columns=(0, 2, 4, 5, 6, 7))
        unplanned = [p.name for p in d.projects if p.annual_plan is None or p.annual_plan == 0]
        if unplanned:
            self.out.note(f"{name_list(unplanned, counter='个')}未填报年度计划投资（或为0），完成率以「{DASH}」表示。")
        if self.with_charts:
            png = charts.project_investment_chart(d.projects)
            if png:
                self.out.picture(png, "重点项目年度计划投资与累计完成投资")

    def _red(self) -> None:
        d = self.data
        self.out.h1("红灯事项")
        items = red_items(d.indicators, d.tasks, d.projects)
        if not items:
            self.out.paragraph(f"{d.scope}无亮红灯事项。")
            return
        self.out.paragraph(f"{d.scope}共有红灯事项{len(items)}项，请相关单位和牵头领导重点关注、限期整改。")
        rows = [[str(i), it.kind, it.name, _names(it.departments), _names(it.leaders), it.detail or DASH]
                for i, it in enumerate(items, 1)]
        self.out.table(["序号", "类型", "事项", "责任单位", "牵头领导", "情况"], rows,
                       center_columns=(0, 1))

    def _supervision(self) -> None:
        d = self.data
        self.out.h1("督查督办情况")
        text = f"{d.scope}新下发督办单{len(d.orders_opened)}件，办结{len(d.orders_closed)}件"
        if d.orders_still_open is not None:
            text += f"，截至{'本季度末' if d.quarterly else '本轮'}尚未办结{d.orders_still_open}件"
        self.out.paragraph(text + "。")
        if d.orders_opened:
            self.out.h2("新下发督办单")
            rows = [[o.number, o.subject, o.unit, _day(o.opened_on), _day(o.due_on)] for o in d.orders_opened]
            self.out.table(["编号", "督办事项", "责任单位", "下发日期", "办结时限"], rows,
                           center_columns=(0, 3, 4))
        if d.orders_closed:
            self.out.h2("已办结督办单")
            rows = [[o.number, o.subject, o.unit, _day(o.closed_on), o.result or DASH] for o in d.orders_closed]
            self.out.table(["编号", "督办事项", "责任单位", "办结日期", "办理结果"], rows,
                           center_columns=(0, 3))

    def _ranking(self) -> None:
        d = self.data
        self.out.h1("单位排名情况")
        if not d.ranking:
            self.out.paragraph(f"{d.scope}未进行单位排名。")
            return
        ordered = sorted(d.ranking, key=lambda r: r.rank)
        rows = [[str(r.rank), r.unit, fmt_pct_bare(r.score, 2), str(r.tasks), str(r.red), r.note or ""] for r in ordered]
        self.out.table(["名次", "单位", "得分", "任务数", "红灯数", "备注"], rows,
                       center_columns=(0, 2, 3, 4))
        bottom = d.bottom()
        if bottom and len(bottom) == len(ordered) and len(ordered) > d.bottom_n:
            self.out.paragraph(f"各单位得分并列，{d.scope}不列排名靠后单位。")
        elif bottom:
            lead = f"排名后{len(bottom)}位的单位为" if len(bottom) <= d.bottom_n else \
                f"排名后{d.bottom_n}位的单位（含并列，共{len(bottom)}个）为"
            self.out.paragraph(f"{lead}：{_names([r.unit for r in bottom])}。"
                               "请上述单位认真分析原因，制定整改措施，加快工作进度。")

    def _reporting(self) -> None:
        d = self.data
        self.out.h1("调度材料报送情况")
        if not d.report_gaps:
            if d.tasks or d.indicators or d.projects:
                expected = f"应报送单位{d.units_expected}个，" if d.units_expected else ""
                self.out.paragraph(f"{expected}各单位均按时报送调度材料。")
            else:
                self.out.paragraph(f"{d.scope}无报送记录。")
            return
        late = [g for g in d.report_gaps if not g.missing]
        missing = [g for g in d.report_gaps if g.missing]
        expected = f"应报送单位{d.units_expected}个，" if d.units_expected else ""
        times = "个次" if d.quarterly else "个"
        self.out.paragraph(f"{expected}迟报{len(late)}{times}，未报{len(missing)}{times}。")
        if any(g.round_label for g in d.report_gaps):
            rows = [[str(i), g.round_label or DASH, g.unit, "未报" if g.missing else "迟报", _day(g.due_on),
                     _day(g.submitted_on)] for i, g in enumerate(d.report_gaps, 1)]
            self.out.table(["序号", "调度月份", "单位", "情况", "报送时限", "实际报送日期"], rows,
                           center_columns=(0, 1, 3, 4, 5))
            return
        rows = [[str(i), g.unit, "未报" if g.missing else "迟报", _day(g.due_on), _day(g.submitted_on)]
                for i, g in enumerate(d.report_gaps, 1)]
        self.out.table(["序号", "单位", "情况", "报送时限", "实际报送日期"], rows,
                       center_columns=(0, 2, 3, 4))


def write_bulletin(data: BulletinData, path: str | Path, with_charts: bool = True) -> Path:
    """Write the round's bulletin to ``path`` (.docx)."""
    return BulletinWriter(data, with_charts).write().save(path)
