"""Fill the report view models from the services: status engine, rounds, rankings, supervision.

Every figure is copied from what the services return (the status engine's completion
rates and lights, the stored amounts converted only through the domain's ``convert``).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period, PeriodKind
from parkgov.domain.quantity import convert
from parkgov.services import lookup
from parkgov.services.access import Actor, require_read
from parkgov.services.errors import InvalidInput, NotFound
from parkgov.services.rankings import rank_quarter, rank_round
from parkgov.services.rounds import list_rounds, round_compliance
from parkgov.services.status import ParkStatus, compute_status
from parkgov.services.supervision import list_orders
from parkgov.reports.bulletin_data import (BulletinData, DocumentHead, IndicatorRow, LedgerData, Light, ProjectRow,
                                           RankingRow, ReportGap, SummaryData, SupervisionRow, TaskRow)

CATEGORY_LABELS = {"industrial": "产业项目", "infrastructure": "基础设施项目"}
STAGE_LABELS = {"new": "新建", "continued": "续建", "preliminary": "前期"}
DEFAULT_MONEY_UNIT = "万元"


def _pct(fraction) -> Decimal | None:
    return None if fraction is None else Decimal(fraction) * 100


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _in_unit(value, source: str | None, target: str) -> Decimal | None:
    """``value`` in ``target`` through the domain's one conversion; None when it cannot be converted."""
    if value is None:
        return None
    try:
        return convert(Decimal(value), source or target, target)
    except DomainError:
        return None


def indicator_rows(status: ParkStatus) -> list[IndicatorRow]:
    rows = []
    for r in status.indicators:
        unit = r["target_unit"] or r["actual_unit"]
        actual = _in_unit(r["actual_value"], r["actual_unit"], unit) if unit else r["actual_value"]
        rows.append(IndicatorRow(
            name=r["title"], unit=unit, target=r["target_value"], actual=actual, yoy_pct=r["yoy_pct"],
            time_progress_pct=_pct(r["time_progress"]), light=Light(r["light"]),
            departments=[r["unit"]] if r["unit"] else [], note=None,
            target_growth_pct=r["growth_target_pct"], completion=_pct(r["completion_rate"])))
    return rows


def task_rows(status: ParkStatus) -> list[TaskRow]:
    return [TaskRow(seq=str(r["seq"] or ""), category=r["category"] or "", item=r["title"],
                    requirement=r["requirement"] or "", leaders=list(r["leaders"]), departments=list(r["units"]),
                    status=r["state_label"], done=r["state"] == "completed", light=Light(r["light"]),
                    latest_progress=r["narrative"], deadline=r["deadline_label"]) for r in status.tasks]


def project_rows(status: ParkStatus) -> list[ProjectRow]:
    rows = []
    for r in status.projects:
        unit = r["annual_plan_unit"] or r["total_investment_unit"] or r["completed_investment_unit"] \
            or DEFAULT_MONEY_UNIT
        rows.append(ProjectRow(
            name=r["title"], money_unit=unit, category=CATEGORY_LABELS.get(r["category"], r["category"]),
            stage=STAGE_LABELS.get(r["stage"], r["stage"]), departments=[r["unit"]] if r["unit"] else [],
            total_investment=_in_unit(r["total_investment"], r["total_investment_unit"], unit),
            annual_plan=_in_unit(r["annual_plan"], r["annual_plan_unit"], unit),
            completed=_in_unit(r["completed_investment"], r["completed_investment_unit"], unit),
            light=Light(r["light"]), latest_progress=r["note"] or None))
    return rows


def _orders(session: Session, actor: Actor, park_id: int, period: Period):
    orders = list_orders(session, actor, park_id, as_of=period.end)
    opened = [o for o in orders if period.contains(_day(o["issued_at"]))]
    closed = [o for o in orders if o["closed_at"] is not None and period.contains(_day(o["closed_at"]))]
    still_open = sum(1 for o in orders if _day(o["issued_at"]) <= period.end
                     and (o["closed_at"] is None or _day(o["closed_at"]) > period.end))

    def row(o: dict) -> SupervisionRow:
        return SupervisionRow(o["number"], o["reason"], o["unit"], _day(o["issued_at"]), o["due_date"],
                              _day(o["closed_at"]), o["status_label"] if o["closed_at"] else None)

    return [row(o) for o in reversed(opened)], [row(o) for o in reversed(closed)], still_open


def _ranking(session: Session, actor: Actor, park_id: int, period: Period, status: ParkStatus,
             bottom_n: int, rounds: list[str]) -> list[RankingRow]:
    """The round's ranking, or for a quarter the ranking over its rounds; none without a round."""
    if not rounds:
        return []
    try:
        if period.kind is PeriodKind.QUARTER:
            result = rank_quarter(session, actor, park_id, period.code, bottom_n)
        else:
            result = rank_round(session, actor, park_id, period.code, bottom_n)
    except NotFound:
        return []
    red = {}
    for item in status.items():
        if item["light"] == Light.RED.value and item.get("unit"):
            red[item["unit"]] = red.get(item["unit"], 0) + 1
    return [RankingRow(line["rank"], line["unit"], line["score"], line["items"], red.get(line["unit"], 0),
                       f"按时报送{line['reports_on_time']}/{line['reports_due']}") for line in result["ranking"]]


def _gaps(session: Session, actor: Actor, park_id: int, rounds: list[str],
          quarterly: bool) -> tuple[list[ReportGap], int | None]:
    """Late and missing reports of each round; a quarter's gaps name their month."""
    gaps: list[ReportGap] = []
    expected: set[str] = set()
    for code in rounds:
        try:
            result = round_compliance(session, actor, park_id, code)
        except NotFound:
            continue
        expected |= {u["unit"] for u in result["units"]}
        gaps += [ReportGap(u["unit"], u["status"] == "missing", result["deadline"], _day(u["submitted_at"]),
                           round_label=Period.parse(code).label if quarterly else None)
                 for u in result["units"] if u["status"] in ("late", "missing")]
    return gaps, (len(expected) if rounds else None)


def _round_codes(session: Session, actor: Actor, park_id: int, period: Period) -> list[str]:
    """The codes of the park's dispatch rounds within ``period``, oldest first."""
    return sorted(r["period"] for r in list_rounds(session, actor, park_id) if period.covers(Period.parse(r["period"])))


def _context(session: Session, actor: Actor, park: int | str, period_code: str, quarterly: bool = False):
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    period = lookup.quarter_period(period_code) if quarterly else lookup.month_period(period_code)
    status = compute_status(session, park_row.id, period.end)
    return park_row, period, status, Period.year_to_date(period.year, period.last_month)


def issuer_of(park_name: str) -> str:
    """The issuing body of a park's documents: its 管理委员会."""
    return park_name if park_name.endswith(("管委会", "管理委员会")) else f"{park_name}管理委员会"


def bulletin_data(session: Session, actor: Actor, park: int | str, period_code: str, bottom_n: int = 5,
                  doc_number: str | None = None, signed_on: date | None = None,
                  quarterly: bool = False) -> BulletinData:
    """The bulletin of the round of ``period_code`` (``2025-06``), or with ``quarterly`` of the quarter
    (``2025Q2``): the ledger at the quarter's end, orders and reports of its months, the quarter's ranking."""
    if quarterly:
        _check_bottom(bottom_n)
    park_row, period, status, ytd = _context(session, actor, park, period_code, quarterly)
    rounds = _round_codes(session, actor, park_row.id, period)
    opened, closed, still_open = _orders(session, actor, park_row.id, period)
    gaps, expected = _gaps(session, actor, park_row.id, rounds, quarterly)
    return BulletinData(
        park=park_row.name, round_label=period.code, period_label=ytd.label,
        head=DocumentHead(f"关于{period.label}重点工作调度情况的通报", issuer_of(park_row.name), doc_number,
                          signed_on=signed_on or date.today()),
        time_progress_pct=_pct(status.time_progress), indicators=indicator_rows(status), tasks=task_rows(status),
        projects=project_rows(status), orders_opened=opened, orders_closed=closed, orders_still_open=still_open,
        ranking=_ranking(session, actor, park_row.id, period, status, bottom_n, rounds), bottom_n=bottom_n,
        report_gaps=gaps, units_expected=expected, quarterly=quarterly, rounds=rounds)


def _check_bottom(bottom_n: int) -> None:
    if not 0 <= bottom_n <= 100:
        raise InvalidInput("末位单位数应在0到100之间")


def summary_data(session: Session, actor: Actor, park: int | str, period_code: str,
                 signed_on: date | None = None) -> SummaryData:
    """The summary draft up to the month of ``period_code``: annual for December (a year, ``2025``, means
    its December), else half-year."""
    code = period_code.strip()
    if code.isdigit() and len(code) == 4:
        code = f"{code}-12"
    park_row, month, status, ytd = _context(session, actor, park, code)
    annual = month.last_month == 12
    span = "" if annual else ("上半年" if month.last_month == 6 else f"1-{month.last_month}月")
    title = (f"{park_row.name}{month.year}年工作总结暨{month.year + 1}年工作打算" if annual
             else f"{park_row.name}{month.year}年{span}工作总结")
    return SummaryData(
        park=park_row.name, year=month.year, period_label=ytd.label,
        head=DocumentHead(title, issuer_of(park_row.name), signed_on=signed_on or date.today()),
        annual=annual, span=span or "全年", indicators=indicator_rows(status), tasks=task_rows(status),
        projects=project_rows(status))


def ledger_data(session: Session, actor: Actor, park: int | str, period_code: str) -> LedgerData:
    """The task, indicator and project ledgers at the end of the month of ``period_code``."""
    park_row, _month, status, ytd = _context(session, actor, park, period_code)
    return LedgerData(park=park_row.name, period_label=ytd.label, tasks=task_rows(status),
                      indicators=indicator_rows(status), projects=project_rows(status))
