"""Page: unit rankings per round or quarter, the round's reporting compliance, and report downloads."""
from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.background import BackgroundTask

from parkgov.domain.period import Period
from parkgov.services import rankings, rounds
from parkgov.web.pages.context import PageDep

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def reports_available() -> bool:
    try:
        from parkgov.reports import bulletin, from_services, ledger_xlsx  # noqa: F401
    except ImportError:
        return False
    return True


@router.get("/rankings")
def rankings_page(page: PageDep):
    q = page.request.query_params
    all_rounds = rounds.list_rounds(page.session, page.actor, page.park_id)
    quarter = (q.get("quarter") or "").strip()
    period = (q.get("period") or "").strip() or next((r["period"] for r in all_rounds
                                                     if Period.parse(r["period"]).end <= page.as_of),
                                                    all_rounds[0]["period"] if all_rounds else None)
    quarters = list(dict.fromkeys(f"{r['period'][:4]}Q{(int(r['period'][5:7]) - 1) // 3 + 1}" for r in all_rounds))
    result, compliance = None, None
    if quarter:
        result = rankings.rank_quarter(page.session, page.actor, page.park_id, quarter)
    elif period:
        result = rankings.rank_round(page.session, page.actor, page.park_id, period)
        compliance = rounds.round_compliance(page.session, page.actor, page.park_id, period)
    chart = None
    if result and result["ranking"]:
        bottom = {r["unit"] for r in result["bottom"]}
        chart = {"rows": [{"rank": r["rank"], "unit": r["unit"], "score": round(float(r["score"]), 1),
                           "bottom": r["unit"] in bottom, "url": page.url("/tasks", unit=r["unit"])}
                          for r in result["ranking"]]}
    return page.render("rankings.html", result=result, compliance=compliance, rounds=all_rounds, quarters=quarters,
                       period=None if quarter else period, quarter=quarter, chart=chart,
                       downloads=reports_available() and bool(period) and not quarter,
                       quarter_download=reports_available() and bool(quarter))


def _file(data_path: Path, media: str, name: str) -> Response:
    body = data_path.read_bytes()
    return Response(body, media_type=media, background=BackgroundTask(data_path.unlink, missing_ok=True),
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}"})


def _quote(name: str) -> str:
    from urllib.parse import quote
    return quote(name)


@router.get("/rankings/{period}/bulletin.docx")
def bulletin_download(period: str, page: PageDep):
    from parkgov.reports.bulletin import write_bulletin
    from parkgov.reports.from_services import bulletin_data

    data = bulletin_data(page.session, page.actor, page.park_id, period)
    out = Path(tempfile.mkstemp(suffix=".docx")[1])
    write_bulletin(data, out)
    return _file(out, DOCX, f"{page.park['name']}{period}调度通报.docx")


@router.get("/rankings/quarter/{quarter}/bulletin.docx")
def quarter_bulletin_download(quarter: str, page: PageDep):
    from parkgov.reports.bulletin import write_bulletin
    from parkgov.reports.from_services import bulletin_data

    data = bulletin_data(page.session, page.actor, page.park_id, quarter, quarterly=True)
    out = Path(tempfile.mkstemp(suffix=".docx")[1])
    write_bulletin(data, out)
    return _file(out, DOCX, f"{page.park['name']}{quarter}季度调度通报.docx")


@router.get("/rankings/{period}/ledgers.xlsx")
def ledgers_download(period: str, page: PageDep):
    from parkgov.reports.from_services import ledger_data
    from parkgov.reports.ledger_xlsx import write_ledgers

    data = ledger_data(page.session, page.actor, page.park_id, period)
    out = Path(tempfile.mkstemp(suffix=".xlsx")[1])
    write_ledgers(out, data)
    return _file(out, XLSX, f"{page.park['name']}{period}台账.xlsx")
