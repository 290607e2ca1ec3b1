"""Benchmark: the park dashboard page and the first page's weight, on a generated park.

Generates one park (300 tasks, 20 indicators, 40 projects, 30 units, 12 monthly rounds with a
report for every row each month) into a fresh SQLite database migrated to head, serves the real
app with uvicorn on a free loopback port, signs in through the login page, then measures:

* ``GET /dashboard`` p50/p95 over N sequential requests (goal p95 < 150 ms), beside a baseline
  measured in the same run: ``GET /static/css/app.css`` (a static file through the same app);
  the page reuses its computed view while the ledger version holds, so the first view after a
  change is also measured: a new as-of date on every request (nothing reused);
* the first page's weight: the dashboard HTML plus every CSS and JS file it loads (goal < 1.5 MB).

Run:
    .venv/bin/python benchmarks/web_bench.py            # 200 requests
    .venv/bin/python benchmarks/web_bench.py --quick    # 30 requests, under a minute
"""
from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from parkgov.store.database import make_engine, make_session_factory  # noqa: E402
from parkgov.store.migrate import upgrade_to_head  # noqa: E402
from parkgov.store.models import (DispatchRound, Indicator, IndicatorActual, Park, ParkSettings, Person,  # noqa: E402
                                  ProgressReport, Project, ProjectInvestment, Submission, Task, TaskTarget, Unit,
                                  User)

GOAL_P95_MS = 150.0
GOAL_WEIGHT_BYTES = 1.5 * 1024 * 1024
YEAR = 2025
AS_OF = "2025-12-31"
PASSWORD = "bench-password"
TASKS, INDICATORS, PROJECTS, UNITS = 300, 20, 40, 30


def generate(url: str, seed: int = 7) -> None:
    """One park with a year of monthly progress, written in one transaction."""
    rng = random.Random(seed)
    factory = make_session_factory(make_engine(url))
    moment = datetime(2026, 1, 3, tzinfo=timezone.utc)
    with factory() as s:
        park = Park(name="测试经开区")
        s.add(park)
        s.flush()
        s.add(ParkSettings(park_id=park.id, ranking_weights={}, dispatch_deadline_day=5))
        units = [Unit(park_id=park.id, name=f"第{i + 1}局") for i in range(UNITS)]
        leaders = [Person(park_id=park.id, name=f"领导{i + 1}") for i in range(8)]
        s.add_all(units + leaders)
        s.flush()
        tasks = []
        for i in range(TASKS):
            t = Task(park_id=park.id, year=YEAR, seq=str(i + 1), category=f"第{i // 30 + 1}类重点工作",
                     item=f"重点任务{i + 1}", requirement=f"推进第{i + 1}项重点工作，年底前全面完成。" * 3,
                     deadline=date(YEAR, rng.choice([6, 9, 12]), 28))
            t.lead_units = [units[i % UNITS]]
            t.leaders = [leaders[i % len(leaders)]]
            if i % 3 == 0:
                t.targets = [TaskTarget(name="完成数量", value=Decimal(12), unit="个", comparator=">=")]
            tasks.append(t)
        indicators = [Indicator(park_id=park.id, year=YEAR, name=f"指标{i + 1}", unit="亿元",
                                target_value=Decimal(100 + i), comparator=">=", lead_unit_id=units[i % UNITS].id)
                      for i in range(INDICATORS)]
        projects = [Project(park_id=park.id, year=YEAR, name=f"重点项目{i + 1}", category="industrial", stage="new",
                            total_investment=Decimal(50000), total_investment_unit="万元",
                            annual_plan=Decimal(12000), annual_plan_unit="万元", lead_unit_id=units[i % UNITS].id,
                            started_planned=date(YEAR, 4, 30)) for i in range(PROJECTS)]
        s.add_all(tasks + indicators + projects)
        s.flush()
        for month in range(1, 13):
            rnd = DispatchRound(park_id=park.id, period=f"{YEAR}-{month:02d}",
                                deadline=date(YEAR + (month == 12), month % 12 + 1, 5), status="closed")
            s.add(rnd)
            s.flush()
            reports = []
            for t in tasks:
                state = rng.choice(["in_progress", "in_progress", "completed", "lagging"])
                values = {"targets": [{"target_id": t.targets[0].id, "name": "完成数量", "value": str(month),
                                       "unit": "个"}]} if t.targets else {}
                reports.append(ProgressReport(round_id=rnd.id, unit_id=t.lead_units[0].id, task_id=t.id,
                                              revision=1, state=state, narrative=f"{month}月推进情况良好", values=values,
                                              reported_at=moment))
            for ind in indicators:
                value = Decimal(ind.target_value) * month / 12 * Decimal(rng.uniform(0.8, 1.1))
                reports.append(ProgressReport(round_id=rnd.id, unit_id=ind.lead_unit_id, indicator_id=ind.id,
                                              revision=1, state="in_progress", value=value.quantize(Decimal("0.01")),
                                              value_unit="亿元", values={"yoy_pct": "6.5"}, reported_at=moment))
                s.add(IndicatorActual(indicator_id=ind.id, period=rnd.period, cumulative=True,
                                      value=value.quantize(Decimal("0.01")), unit="亿元", yoy_pct=Decimal("6.5")))
            for p in projects:
                amount = Decimal(rng.randint(600, 1200))
                reports.append(ProgressReport(round_id=rnd.id, unit_id=p.lead_unit_id, project_id=p.id, revision=1,
                                              state="in_progress", values={"investment": {"value": str(amount),
                                                                                          "unit": "万元"}},
                                              reported_at=moment))
                s.add(ProjectInvestment(project_id=p.id, period=rnd.period, amount=amount, unit="万元"))
            s.add_all(reports)
            s.add_all(Submission(round_id=rnd.id, unit_id=u.id, submitted_at=moment, late=rng.random() < 0.2)
                      for u in units)
        s.add(User(username="bench-coord", display_name="调度员", password_hash=PasswordHasher().hash(PASSWORD),
                   park_id=park.id, roles=["coordinator"]))
        s.commit()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _timed(client: httpx.Client, path: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return times


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 requests (under a minute)")
    parser.add_argument("-n", type=int, default=None, help="requests per measurement (bounded to 1…2000)")
    args = parser.parse_args()
    n = max(1, min(2000, args.n or (30 if args.quick else 200)))
    with tempfile.TemporaryDirectory(prefix="parkgov-web-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        upgrade_to_head(url)
        generate(url)
        print(f"generated {TASKS} tasks, {INDICATORS} indicators, {PROJECTS} projects, 12 months "
              f"in {time.perf_counter() - t0:.1f} s")
        os.environ["PARKGOV_DATA_DIR"] = str(Path(tmp) / "data")
        from parkgov.web.app import create_app

        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
                client.post("/login", data={"username": "bench-coord", "password": PASSWORD, "csrf_token": token})
                page = client.get(f"/dashboard?as_of={AS_OF}")
                page.raise_for_status()
                assert "园区概览" in page.text, "not signed in"
                _timed(client, f"/dashboard?as_of={AS_OF}", 3)
                base = _timed(client, "/static/css/app.css", n)
                dash = _timed(client, f"/dashboard?as_of={AS_OF}", n)
                cold = []
                for i in range(min(n, 60)):
                    cold += _timed(client, f"/dashboard?as_of={date(YEAR, 7, 1) + timedelta(days=i)}", 1)
                assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page.text)
                sizes = {a: len(client.get(a).content) for a in assets}
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    weight = len(page.content) + sum(sizes.values())
    print(f"requests per measurement: {n} (sequential, loopback)")
    print(f"{'':28}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    print(f"{'baseline GET app.css':28}{statistics.median(base):10.1f}{_p(base, .95):10.1f}{max(base):10.1f}")
    print(f"{'GET /dashboard':28}{statistics.median(dash):10.1f}{_p(dash, .95):10.1f}{max(dash):10.1f}"
          f"   goal p95 < {GOAL_P95_MS:.0f} ms")
    print(f"{'GET /dashboard, new as-of':28}{statistics.median(cold):10.1f}{_p(cold, .95):10.1f}{max(cold):10.1f}"
          f"   (first view after a change, {len(cold)} requests)")
    print(f"first page weight: HTML {len(page.content):,} B + " +
          " + ".join(f"{Path(a).name} {s:,} B" for a, s in sizes.items()) +
          f" = {weight / 1024 / 1024:.2f} MB   goal < {GOAL_WEIGHT_BYTES / 1024 / 1024:.1f} MB")
    ok = _p(dash, .95) < GOAL_P95_MS and weight < GOAL_WEIGHT_BYTES
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
