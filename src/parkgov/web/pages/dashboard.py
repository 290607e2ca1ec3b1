"""Page: the park dashboard at an as-of date (charts, light counts, ranking, red items, open orders)."""
from __future__ import annotations

from fastapi import APIRouter

from parkgov.services import dashboard, investment_curves
from parkgov.web.pages.context import PageDep
from parkgov.web.pages.rendering import pct_value
from parkgov.web.pages.view_cache import cached_view

router = APIRouter()

_GROUPS = (("indicators", "指标", "/indicators"), ("tasks", "任务", "/tasks"), ("projects", "项目", "/projects"))


def _charts(page, data: dict, curves: dict) -> dict:
    rated = [r for r in data["indicators"] if r["completion_rate"] is not None]
    completion = {"time_progress": pct_value(data["time_progress"]),
                  "without_rate": len(data["indicators"]) - len(rated),
                  "rows": [{"name": r["name"], "value": pct_value(r["completion_rate"]), "light": r["light"],
                            "url": page.url(f"/indicators/{r['id']}")} for r in rated]}
    lights = {"groups": [{"label": label, "counts": data["lights"][key],
                          "urls": {k: page.url(path, light=k) for k in data["lights"][key]}}
                         for key, label, path in _GROUPS]}
    park_curve = curves["park"]
    investment = {"unit": curves["unit"], "months": curves["months"],
                  "series": [{"name": "累计完成投资", "data": [float(v) for v in park_curve["completed"]],
                              "color": "#1d5fa8", "type": "bar"},
                             {"name": "按序时应完成", "data": [round(float(v), 1) for v in park_curve["planned"]],
                              "color": "#c62828", "dashed": True}]}
    ranking = None
    if data["ranking"]:
        bottom = {r["unit"] for r in data["ranking"]["bottom"]}
        ranking = {"rows": [{"rank": r["rank"], "unit": r["unit"], "score": round(float(r["score"]), 1),
                             "bottom": r["unit"] in bottom,
                             "url": page.url("/tasks", unit=r["unit"])} for r in data["ranking"]["ranking"]]}
    return {"completion": completion, "lights": lights, "investment": investment, "ranking": ranking}


@router.get("/dashboard")
def dashboard_page(page: PageDep):
    def compute():
        data = dashboard.park_dashboard(page.session, page.actor, page.park_id, page.as_of)
        curves = investment_curves.investment_curves(page.session, page.actor, page.park_id, page.as_of)
        return data, _charts(page, data, curves)

    data, charts = cached_view(page, "dashboard", compute, page.params.get("as_of"))
    return page.render("dashboard.html", data=data, charts=charts, groups=_GROUPS)
