"""Every figure of a generated text traced back to the view model: the test's own formatting of each field.

``expected_figures(data)`` maps each way a field may print (``41.80``, ``4.18``, ``46.4``) to the names of
the fields it comes from; ``unexplained(text, data)`` lists the numbers of a text that no field explains.
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from parkgov.reports.bulletin_data import BulletinData, IndicatorRow, Light, ProjectRow, SummaryData
from parkgov.reports.tallies import by_category, by_department, investment_totals, red_items

NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_TWO_PLACES = {"亿元", "亿美元"}
_LARGER = {"万元": "亿元", "万美元": "亿美元"}


def numbers_in(text: str) -> list[str]:
    """The figures of ``text`` as printed (a minus sign or 下降 is not part of the figure)."""
    return NUMBER.findall(text)


def _q(value: Decimal, places: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def _amount_forms(value: Decimal, unit: str | None) -> set[str]:
    """How an amount may print: as stored (unit's places), and in 亿 for prose when it reaches 1 亿."""
    value = abs(value)
    forms = {_q(value, 2) if unit in _TWO_PLACES else _trim(_q(value, 2)), _trim(_q(value, 2)), _q(value, 2)}
    if value == value.to_integral_value():
        forms.add(f"{value.to_integral_value():f}")
    if unit in _LARGER:
        forms.add(_q(value / 10000, 2))
    return forms


def _pct_forms(value: Decimal) -> set[str]:
    value = abs(value)
    return {_q(value, 1), _q(value, 2), _trim(_q(value, 2))}


class Figures:
    """Figure text → the fields it may come from."""

    def __init__(self) -> None:
        self.sources: dict[str, set[str]] = defaultdict(set)

    def add(self, forms, source: str) -> None:
        for form in forms:
            self.sources[form].add(source)

    def add_text(self, text: str | None, source: str) -> None:
        self.add(numbers_in(text or ""), source)

    def add_int(self, value: int | None, source: str) -> None:
        if value is not None:
            self.add({str(value)}, source)

    def add_date(self, day: date | None, source: str) -> None:
        if day:
            self.add({str(day.year), str(day.month), str(day.day)}, source)


def _walk(fig: Figures, obj, path: str) -> None:
    """Every stored field: texts give their own numbers, amounts their printed forms, dates their parts."""
    if dataclasses.is_dataclass(obj):
        unit = getattr(obj, "unit", None) or getattr(obj, "money_unit", None)
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            name = f"{path}.{f.name}"
            if isinstance(value, Decimal):
                pct = f.name.endswith("pct") or f.name == "completion"
                fig.add(_pct_forms(value) if pct else _amount_forms(value, unit) | _pct_forms(value), name)
            else:
                _walk(fig, value, name)
    elif isinstance(obj, str):
        fig.add_text(obj, path)
    elif isinstance(obj, bool) or isinstance(obj, Light):
        return
    elif isinstance(obj, int):
        fig.add_int(obj, path)
    elif isinstance(obj, date):
        fig.add_date(obj, path)
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            _walk(fig, item, f"{path}[{i}]")


def _indicator_derived(fig: Figures, rows: list[IndicatorRow], time_progress: Decimal | None) -> None:
    for i, r in enumerate(rows):
        if r.completion_pct is not None:
            fig.add(_pct_forms(r.completion_pct), f"indicators[{i}].actual/target")
            tp = r.time_progress_pct if r.time_progress_pct is not None else time_progress
            if tp is not None and tp > r.completion_pct:
                fig.add(_pct_forms(tp - r.completion_pct), f"indicators[{i}].time_progress-completion")
    for light in Light:
        fig.add_int(sum(r.light is light for r in rows), f"indicators.count({light.label})")
    fig.add_int(len(rows), "len(indicators)")


def _project_derived(fig: Figures, projects: list[ProjectRow]) -> None:
    for i, p in enumerate(projects):
        if p.completion_pct is not None:
            fig.add(_pct_forms(p.completion_pct), f"projects[{i}].completed/annual_plan")
    totals = investment_totals(projects)
    if totals:
        for name in ("total", "annual_plan", "completed"):
            value = getattr(totals, name)
            if value is not None:
                fig.add(_amount_forms(value, totals.unit), f"sum(projects.{name})")
        if totals.completion_pct is not None:
            fig.add(_pct_forms(totals.completion_pct), "sum(completed)/sum(annual_plan)")
    for stage in {p.stage for p in projects}:
        fig.add_int(sum(p.stage == stage for p in projects), f"projects.count(stage={stage})")
    fig.add_int(len(projects), "len(projects)")


def _task_derived(fig: Figures, data) -> None:
    tasks = data.tasks
    for tally in by_department(tasks) + by_category(tasks):
        fig.add({str(tally.total), str(tally.done)} | {str(tally.count(light)) for light in Light},
                f"tally({tally.name})")
    for light in Light:
        fig.add_int(sum(t.light is light for t in tasks), f"tasks.count({light.label})")
    fig.add_int(sum(t.done for t in tasks), "tasks.done")
    fig.add_int(len(tasks), "len(tasks)")
    fig.add_int(len(red_items(data.indicators, tasks, data.projects)), "len(red_items)")


def expected_figures(data: BulletinData | SummaryData) -> Figures:
    """Every figure the document of ``data`` may print, with the fields behind it."""
    fig = Figures()
    _walk(fig, data, "data")
    _indicator_derived(fig, data.indicators, getattr(data, "time_progress_pct", None))
    _project_derived(fig, data.projects)
    _task_derived(fig, data)
    rows = max(len(data.indicators), len(data.tasks), len(data.projects),
               len(getattr(data, "ranking", [])), len(getattr(data, "report_gaps", [])), 1)
    fig.add({str(n) for n in range(1, rows + 1)}, "sequence number (序号, 图N)")
    if isinstance(data, BulletinData):
        gaps = data.report_gaps
        fig.add_int(sum(not g.missing for g in gaps), "report_gaps.late")
        fig.add_int(sum(g.missing for g in gaps), "report_gaps.missing")
        fig.add_int(len(data.orders_opened), "len(orders_opened)")
        fig.add_int(len(data.orders_closed), "len(orders_closed)")
        fig.add_int(len(data.bottom()), "len(bottom)")
        fig.add_int(len(data.rounds), "len(rounds)")
        fig.add({str(int(code[5:7])) for code in data.rounds}, "rounds' months")
    else:
        fig.add_int(data.year + 1, "year + 1")
    return fig


def unexplained(text: str, data: BulletinData | SummaryData) -> list[str]:
    """The figures of ``text`` that no field of ``data`` explains."""
    known = expected_figures(data).sources
    return [n for n in numbers_in(text) if n not in known]
