"""Rankings (排名) per dispatch round and per quarter: score per unit, ranked list, bottom N.

The counts come from stored data; scoring, ties and the bottom N are the domain's rules.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from parkgov.domain.errors import DomainError
from parkgov.domain.period import Period
from parkgov.domain.ranking import DEFAULT_WEIGHTS, RankingWeights, UnitRecord, bottom, combine_rounds, rank_units
from parkgov.services import lookup
from parkgov.services.clock import local_day
from parkgov.services.access import Actor, require_read
from parkgov.services.errors import InvalidInput
from parkgov.services.status import compute_status, year_rows
from parkgov.services.supervision import as_domain_order
from parkgov.store.models import DispatchRound, ParkSettings, ProgressReport, SupervisionOrder


def weights_of(session: Session, park_id: int) -> RankingWeights:
    """The park's ranking weights; the defaults when none or invalid ones are set."""
    settings = session.get(ParkSettings, park_id)
    if settings is None or not settings.ranking_weights:
        return DEFAULT_WEIGHTS
    try:
        return RankingWeights.from_mapping(settings.ranking_weights)
    except DomainError:
        return DEFAULT_WEIGHTS


def _round_records(session: Session, rnd: DispatchRound,
                   shared: dict | None = None) -> tuple[list[UnitRecord], dict[str, int]]:
    """One record per responsible unit for one round (``shared``: see ``status.compute_status``)."""
    period = Period.parse(rnd.period)
    shared = {} if shared is None else shared
    view = compute_status(session, rnd.park_id, period.end, period.year, shared)
    units = year_rows(session, rnd.park_id, period.year, shared).responsible_units()
    ids = {name: unit_id for unit_id, name in units}
    names = dict(units)
    items: dict[int, list[dict]] = defaultdict(list)
    for row in view.items():
        owners = row.get("units") if row["kind"] == "task" else [row["unit"]]
        for name in owners or []:
            if name in ids:
                items[ids[name]].append(row)
    first_report: dict[tuple[str, int], object] = {}
    for report in session.execute(select(ProgressReport.task_id, ProgressReport.indicator_id,
                                         ProgressReport.project_id, ProgressReport.unit_id,
                                         ProgressReport.reported_at)
                                  .where(ProgressReport.round_id == rnd.id).order_by(ProgressReport.revision)):
        kind = "task" if report.task_id else "indicator" if report.indicator_id else "project"
        key = (f"{kind}:{report.task_id or report.indicator_id or report.project_id}", report.unit_id)
        first_report.setdefault(key, report)
    orders_due: dict[int, list] = defaultdict(list)
    for order in session.scalars(select(SupervisionOrder).where(SupervisionOrder.park_id == rnd.park_id,
                                                                SupervisionOrder.due_date >= period.start,
                                                                SupervisionOrder.due_date <= period.end)
                                 .options(selectinload(SupervisionOrder.events),
                                          selectinload(SupervisionOrder.unit))):
        orders_due[order.unit_id].append(as_domain_order(order))
    records = []
    for unit_id, name in names.items():
        rows = items[unit_id]
        on_time = 0
        for row in rows:
            report = first_report.get((row["key"], unit_id))
            if report is not None and local_day(report.reported_at) <= rnd.deadline:
                on_time += 1
        orders = orders_due[unit_id]
        records.append(UnitRecord(name, reports_due=len(rows), reports_on_time=on_time, items=len(rows),
                                  green_items=sum(1 for r in rows if r["light"] == "green"),
                                  orders_due=len(orders), orders_on_time=sum(1 for o in orders if o.closed_on_time)))
    return records, ids


def _result(scope: str, period: Period, records: list[UnitRecord], ids: dict[str, int], weights: RankingWeights,
            bottom_n: int, rounds: list[str]) -> dict:
    try:
        ranking = rank_units(records, weights)
        last = bottom(ranking, bottom_n)
    except DomainError as exc:
        raise InvalidInput(exc.message) from None

    def line(r) -> dict:
        rec = r.record
        return {"rank": r.rank, "unit": r.unit, "unit_id": ids.get(r.unit), "score": r.score,
                "reports_due": rec.reports_due, "reports_on_time": rec.reports_on_time, "items": rec.items,
                "green_items": rec.green_items, "orders_due": rec.orders_due, "orders_on_time": rec.orders_on_time,
                "timeliness_share": rec.timeliness_share, "green_share": rec.green_share,
                "supervision_share": rec.supervision_share}

    return {"scope": scope, "period": period.code, "period_label": period.label, "rounds": rounds,
            "weights": {"timeliness": weights.timeliness, "green": weights.green, "supervision": weights.supervision},
            "ranking": [line(r) for r in ranking], "bottom_n": bottom_n, "bottom": [line(r) for r in last]}


def _check_bottom(bottom_n: int) -> None:
    if bottom_n < 0 or bottom_n > 100:
        raise InvalidInput("末位单位数应在0到100之间")


def rank_round(session: Session, actor: Actor, park: int | str, period: str, bottom_n: int = 5) -> dict:
    """The ranking of the park's units in the round of ``period`` (``2025-06``)."""
    _check_bottom(bottom_n)
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    rnd = lookup.dispatch_round(session, park_row.id, period)
    records, ids = _round_records(session, rnd)
    return _result("round", Period.parse(rnd.period), records, ids, weights_of(session, park_row.id), bottom_n,
                   [rnd.period])


def rank_quarter(session: Session, actor: Actor, park: int | str, quarter: str, bottom_n: int = 5) -> dict:
    """The ranking over the rounds of a quarter (``2025Q2``): counts summed over its months."""
    _check_bottom(bottom_n)
    park_row = lookup.park(session, park)
    require_read(actor, park_row.id)
    q = lookup.quarter_period(quarter)
    codes = [Period.month(q.year, m).code for m in q.month_numbers]
    rounds = list(session.scalars(select(DispatchRound).where(DispatchRound.park_id == park_row.id,
                                                              DispatchRound.period.in_(codes))
                                  .order_by(DispatchRound.period)))
    if not rounds:
        raise InvalidInput(f"{q.label}没有任何调度轮次，无法排名")
    per_round, ids, shared = [], {}, {}
    for rnd in rounds:
        records, round_ids = _round_records(session, rnd, shared)
        per_round.append(records)
        ids.update(round_ids)
    return _result("quarter", q, combine_rounds(per_round), ids, weights_of(session, park_row.id), bottom_n,
                   [r.period for r in rounds])


def park_rounds(session: Session, park_id: int) -> list[DispatchRound]:
    """The park's rounds, newest first."""
    return list(session.scalars(select(DispatchRound).where(DispatchRound.park_id == park_id)
                                .order_by(DispatchRound.period.desc())))


def latest_round_ranking(session: Session, park_id: int, as_of: date, bottom_n: int = 5,
                         shared: dict | None = None, rounds: list[DispatchRound] | None = None) -> dict | None:
    """The ranking of the newest round whose month has ended by ``as_of`` (no access check).

    ``rounds``: the park's rounds newest first, when the caller has read them already.
    """
    rounds = [r for r in (park_rounds(session, park_id) if rounds is None else rounds)
              if Period.parse(r.period).end <= as_of]
    if not rounds:
        return None
    records, ids = _round_records(session, rounds[0], shared)
    return _result("round", Period.parse(rounds[0].period), records, ids, weights_of(session, park_id), bottom_n,
                   [rounds[0].period])
