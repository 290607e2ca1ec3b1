"""Benchmark: a province's ledger (150 parks × 50 units × 200 tasks, 12 months of progress, 5 000 projects).

Generates the ledger with bulk inserts (PostgreSQL COPY, SQLite executemany) into a fresh database
migrated to head, then measures, each figure beside a baseline measured in the same run:

* status of one park through the real service (goal < 200 ms) vs a plain SELECT of the same rows;
* status of the whole province through the real service (goal < 10 s) vs a plain SELECT of its rows;
* the park dashboard API call p95 under 50 concurrent clients on loopback (goal < 100 ms), the real
  app served by uvicorn in a subprocess with as many workers as ``parkgov serve`` takes by default,
  vs ``GET /api/v1/me`` (authentication only) under the same load. The load comes from wrk (50
  keep-alive connections on at most 2 threads, each run ``--seconds`` long), so the client costs
  little of the machine. The dashboard is cached per process while the park's ledger version
  holds, so four loads are measured: uncached (every request a new park/as-of pair, each path
  once); warmed reads of random parks — the figure held against the goal; the same while a writer
  posts a progress report to a random park every ``--write-interval`` seconds through the API, each
  write invalidating that park's dashboard in every worker (reported beside it); and one client
  alone (``wrk -t1 -c1``).

Run (needs wrk: ``apt-get install wrk`` or ``scripts/setup.sh --bench``):
    .venv/bin/python benchmarks/ledger_bench.py            # full, PostgreSQL on --pg-url
    .venv/bin/python benchmarks/ledger_bench.py --quick    # 5 parks on SQLite, about two minutes
The PostgreSQL database ``parkgov_bench_<random>`` is created on the server and dropped at the end.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402
from sqlalchemy import Engine, create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from parkgov.services import province, status  # noqa: E402
from parkgov.services.access import Actor  # noqa: E402
from parkgov.services.users import hash_token  # noqa: E402
from parkgov.store.database import make_engine, make_session_factory  # noqa: E402
from parkgov.store.migrate import upgrade_to_head  # noqa: E402
from parkgov.store.models import Base  # noqa: E402
from parkgov.web.server import worker_count  # noqa: E402

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
GOAL_PARK_MS = 200.0
GOAL_PROVINCE_S = 10.0
GOAL_P95_MS = 100.0
YEAR = 2025
AS_OF = date(2025, 12, 31)
#: a day in the middle of a month: the dashboard shows that day and ranks the last ended round (November)
DASHBOARD_AS_OF = date(2025, 12, 20)
TOKEN = "pgv_ledger_bench_admin_token"
T = Base.metadata.tables


@dataclass(frozen=True)
class Scale:
    parks: int
    units: int
    tasks: int
    indicators: int
    projects: int
    months: int = 12


FULL = Scale(parks=150, units=50, tasks=200, indicators=12, projects=5000)
QUICK = Scale(parks=5, units=50, tasks=200, indicators=12, projects=170)


# ---------------------------------------------------------------- generation

def _defaults(table) -> dict:
    """Python-side scalar/callable defaults of ``table`` (Core COPY does not apply them)."""
    out = {}
    for col in table.columns:
        if col.default is None or col.primary_key:
            continue
        out[col.name] = col.default.arg(None) if col.default.is_callable else col.default.arg
    out["version"] = 1
    return {k: v for k, v in out.items() if k in table.c}


def generate(scale: Scale, seed: int = 7):
    """Yield ``(table name, list of row dicts)`` batches of a whole province, ids assigned here."""
    rnd = random.Random(seed)
    ids = {name: 0 for name in T}

    def next_id(name: str) -> int:
        ids[name] += 1
        return ids[name]

    now = datetime(2025, 1, 2, tzinfo=timezone.utc)
    parks, settings = [], []
    for p in range(1, scale.parks + 1):
        parks.append({"id": p, "name": f"基准第{p}经济开发区", "short_name": f"基准{p}区", "created_at": now})
        settings.append({"park_id": p, "ranking_weights": {}})
    yield "parks", parks
    yield "park_settings", settings
    yield "users", [{"id": 1, "username": "bench_admin", "display_name": "基准管理员", "password_hash": "!",
                     "roles": ["admin"], "api_token_hash": hash_token(TOKEN), "is_active": True,
                     "created_at": now}]
    projects_per_park = [scale.projects // scale.parks + (1 if p < scale.projects % scale.parks else 0)
                         for p in range(scale.parks)]
    deadlines = [("3月底前", date(2025, 3, 31)), ("6月底前", date(2025, 6, 30)), ("9月底前", date(2025, 9, 30)),
                 ("年底前", date(2025, 12, 31)), ("长期坚持", None), ("11月底前", date(2025, 11, 30))]
    for p in range(1, scale.parks + 1):
        units = [{"id": next_id("units"), "park_id": p, "name": f"第{u}责任单位", "kind": "department",
                  "is_active": True, "created_at": now} for u in range(1, scale.units + 1)]
        unit_ids = [u["id"] for u in units]
        people = [{"id": next_id("people"), "park_id": p, "name": f"领导{k}", "title": "副主任", "is_active": True,
                   "created_at": now} for k in range(1, 11)]
        rounds = [{"id": next_id("dispatch_rounds"), "park_id": p, "period": f"{YEAR}-{m:02d}",
                   "deadline": (date(YEAR, m, 28) + timedelta(days=8)).replace(day=5),
                   "status": "closed" if m < scale.months else "open", "opened_at": now,
                   "closed_at": now if m < scale.months else None} for m in range(1, scale.months + 1)]
        indicators, actuals, tasks, leads, leaders, targets = [], [], [], [], [], []
        projects, investments, reports, orders, events = [], [], [], [], []
        submitted: dict[tuple[int, int], datetime] = {}

        def report(rd: dict, m: int, unit_id: int, column: str, item_id: int, **fields) -> dict:
            late = rnd.random() < 0.1
            at = datetime.combine(rd["deadline"], datetime.min.time(), timezone.utc) - timedelta(
                days=rnd.randint(0, 4)) + timedelta(days=3 if late else 0, hours=rnd.randint(8, 17))
            row = {"id": next_id("progress_reports"), "round_id": rd["id"], "unit_id": unit_id, "indicator_id": None,
                   "task_id": None, "project_id": None, column: item_id, "revision": 1, "supersedes_id": None,
                   "state": "in_progress", "narrative": f"第{m}月工作按计划推进。", "value": None,
                   "value_unit": None, "values": {}, "reported_by_id": None, "reported_at": at, **fields}
            reports.append(row)
            key = (rd["id"], unit_id)
            submitted[key] = min(submitted.get(key, at), at)
            if rnd.random() < 0.05:
                again = dict(row, id=next_id("progress_reports"), revision=2, supersedes_id=row["id"],
                             reported_at=at + timedelta(days=1), narrative=row["narrative"] + "（更正）")
                reports.append(again)
            return row

        for k in range(1, scale.indicators + 1):
            target = Decimal(rnd.randint(20, 400))
            growth = Decimal(rnd.choice(["6.5", "8", "10", "12"])) if k % 2 else None
            ind = {"id": next_id("indicators"), "park_id": p, "year": YEAR, "name": f"经济指标{k}", "unit": "亿元",
                   "target_value": target, "comparator": ">=", "growth_target_pct": growth,
                   "lead_unit_id": unit_ids[k % len(unit_ids)], "leader_id": people[k % 10]["id"],
                   "status": "active", "created_at": now}
            indicators.append(ind)
            pace = Decimal(rnd.uniform(0.75, 1.15))
            for m, rd in enumerate(rounds, 1):
                value = (target * pace * m / 12).quantize(Decimal("0.01"))
                yoy = Decimal(rnd.uniform(-3, 15)).quantize(Decimal("0.1"))
                row = report(rd, m, ind["lead_unit_id"], "indicator_id", ind["id"], value=value, value_unit="亿元",
                             values={"yoy_pct": str(yoy)})
                actuals.append({"id": next_id("indicator_actuals"), "indicator_id": ind["id"], "period": rd["period"],
                                "cumulative": True, "value": value, "unit": "亿元", "yoy_pct": yoy,
                                "progress_report_id": row["id"], "status": "active", "created_at": now})
        for k in range(1, scale.tasks + 1):
            text_, due = deadlines[k % len(deadlines)]
            task = {"id": next_id("tasks"), "park_id": p, "year": YEAR, "seq": str(k),
                    "category": f"重点工作类别{k % 8 + 1}", "item": f"第{k}项重点任务",
                    "requirement": f"完成第{k}项重点任务的年度目标。", "deadline_text": text_, "deadline": due,
                    "status": "active", "created_at": now}
            tasks.append(task)
            owners = rnd.sample(unit_ids, 2 if k % 5 == 0 else 1)
            leads += [{"task_id": task["id"], "unit_id": u} for u in owners]
            leaders.append({"task_id": task["id"], "person_id": people[k % 10]["id"]})
            target = None
            if k % 4 == 0:
                target = {"id": next_id("task_targets"), "task_id": task["id"], "name": "新增规上企业",
                          "value": Decimal(rnd.randint(2, 20)), "unit": "家", "comparator": ">="}
                targets.append(target)
            finish = rnd.randint(3, 14)
            for m, rd in enumerate(rounds, 1):
                state = "completed" if m >= finish else ("blocked" if rnd.random() < 0.05 else "in_progress")
                values = {}
                if target is not None:
                    done = (target["value"] * m / 12).quantize(Decimal("1"))
                    values = {"targets": [{"target_id": target["id"], "name": target["name"], "value": str(done),
                                           "unit": "家"}]}
                report(rd, m, owners[0], "task_id", task["id"], state=state, values=values)
        for k in range(1, projects_per_park[p - 1] + 1):
            plan = Decimal(rnd.randint(2000, 50000))
            start = date(YEAR, rnd.randint(1, 9), 15)
            proj = {"id": next_id("projects"), "park_id": p, "year": YEAR, "name": f"第{p}区重点项目{k}",
                    "category": rnd.choice(["industrial", "infrastructure"]),
                    "stage": rnd.choice(["new", "continued", "preliminary"]), "owner": f"建设单位{k}",
                    "total_investment": plan * 3, "total_investment_unit": "万元", "annual_plan": plan,
                    "annual_plan_unit": "万元", "lead_unit_id": rnd.choice(unit_ids),
                    "leader_id": rnd.choice(people)["id"], "started_planned": start,
                    "started_actual": start + timedelta(days=rnd.randint(-10, 40)) if rnd.random() < 0.8 else None,
                    "completed_planned": date(YEAR, 12, 20), "status": "active", "created_at": now}
            projects.append(proj)
            pace = rnd.uniform(0.5, 1.2)
            for m, rd in enumerate(rounds, 1):
                amount = (plan * Decimal(pace) / 12).quantize(Decimal("0.01"))
                row = report(rd, m, proj["lead_unit_id"], "project_id", proj["id"],
                             values={"investment": {"value": str(amount), "unit": "万元"}})
                investments.append({"id": next_id("project_investments"), "project_id": proj["id"],
                                    "period": rd["period"], "amount": amount, "unit": "万元",
                                    "progress_report_id": row["id"], "created_at": now})
        for k in range(1, 7):
            closed = k % 3 == 0
            order = {"id": next_id("supervision_orders"), "park_id": p, "number": f"督办〔2025〕{k}号",
                     "unit_id": rnd.choice(unit_ids), "round_id": rounds[k]["id"], "task_id": tasks[k]["id"],
                     "reason": "任务进度滞后于序时进度", "due_date": date(YEAR, 12 if k % 2 else 11, 10 + k),
                     "status": "closed" if closed else "assigned", "issued_at": now,
                     "closed_at": now + timedelta(days=20) if closed else None}
            orders.append(order)
            steps = [("raise", None, "raised"), ("assign", "raised", "assigned")]
            if closed:
                steps += [("reply", "assigned", "replied"), ("verify", "replied", "verified"),
                          ("close", "verified", "closed")]
            events += [{"id": next_id("supervision_events"), "order_id": order["id"], "at": now + timedelta(days=i),
                        "action": action, "from_status": before, "to_status": after, "note": "督办办理"}
                       for i, (action, before, after) in enumerate(steps)]
        subs = [{"id": next_id("submissions"), "round_id": r, "unit_id": u, "submitted_at": at,
                 "late": at.date() > next(rd["deadline"] for rd in rounds if rd["id"] == r)}
                for (r, u), at in submitted.items()]
        yield "units", units
        yield "people", people
        yield "dispatch_rounds", rounds
        yield "indicators", indicators
        yield "tasks", tasks
        yield "task_lead_units", leads
        yield "task_leaders", leaders
        yield "task_targets", targets
        yield "projects", projects
        yield "progress_reports", reports
        yield "indicator_actuals", actuals
        yield "project_investments", investments
        yield "submissions", subs
        yield "supervision_orders", orders
        yield "supervision_events", events


def _copy_value(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def _copy_rows(conn, table, rows: list[dict], defaults: dict) -> None:
    """PostgreSQL COPY of ``rows`` (dicts) into ``table`` through psycopg."""
    columns = [c.name for c in table.columns if c.name in rows[0] or c.name in defaults]
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_copy_value(row[c] if c in row else defaults[c]) for c in columns])


def _insert_rows(conn, table, rows: list[dict], defaults: dict) -> None:
    """SQLite: one Core ``insert()`` executemany."""
    conn.execute(table.insert(), [{**defaults, **row} for row in rows])


def load(engine: Engine, scale: Scale) -> dict[str, int]:
    """Generate and bulk-load the province; returns row counts per table."""
    pg = engine.dialect.name == "postgresql"
    counts: dict[str, int] = {}
    defaults = {name: _defaults(table) for name, table in T.items()}
    pending: dict[str, list[dict]] = {}

    def flush(conn) -> None:
        for name in [t.name for t in Base.metadata.sorted_tables]:
            rows = pending.pop(name, None)
            if rows:
                (_copy_rows if pg else _insert_rows)(conn, T[name], rows, defaults[name])

    with engine.begin() as conn:
        if pg:
            conn.execute(text("SET LOCAL synchronous_commit = off"))
        for name, rows in generate(scale):
            if not rows:
                continue
            pending.setdefault(name, []).extend(rows)
            counts[name] = counts.get(name, 0) + len(rows)
            # a park ends with its supervision events: write what has piled up
            if name == "supervision_events" and sum(map(len, pending.values())) > 50_000:
                flush(conn)
        flush(conn)
        if pg:
            for table in Base.metadata.sorted_tables:
                if "id" in table.c and table.c.id.autoincrement is not False and table.c.id.primary_key:
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                      f"(SELECT coalesce(max(id), 0) + 1 FROM \"{table.name}\"), false)"))
    with engine.connect() as conn:
        if pg:
            conn.execute(text("ANALYZE"))
            conn.commit()
    return counts


# ---------------------------------------------------------------- measurements

def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds of ``repeat`` runs of ``fn`` and its last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def park_status_once(factory, park_id: int):
    with factory() as session:
        return status.park_status(session, Actor.system(), park_id, AS_OF)


def park_rows_once(engine: Engine, park_id: int) -> int:
    """Baseline: a plain SELECT of the rows the park's status reads."""
    rounds = select(T["dispatch_rounds"].c.id).where(T["dispatch_rounds"].c.park_id == park_id)
    with engine.connect() as conn:
        n = 0
        for name in ("indicators", "tasks", "projects"):
            n += len(conn.execute(select(T[name]).where(T[name].c.park_id == park_id)).all())
        n += len(conn.execute(select(T["progress_reports"]).where(T["progress_reports"].c.round_id.in_(rounds))).all())
        return n


def province_once(factory):
    with factory() as session:
        return province.province_status(session, Actor.system(), AS_OF)


def province_rows_once(engine: Engine) -> int:
    """Baseline: a plain SELECT of every ledger row and progress report of the province."""
    with engine.connect() as conn:
        n = 0
        for name in ("indicators", "tasks", "projects", "progress_reports"):
            n += len(conn.execute(select(T[name])).all())
        return n


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: the app served as ``parkgov serve --workers N`` serves it, quietly
SERVE = ("import sys\nfrom parkgov.web.server import serve\nif __name__ == '__main__':\n"
         "    serve('127.0.0.1', int(sys.argv[1]), int(sys.argv[2]), quiet=True)")


def serve(url: str, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """The real app under uvicorn in a subprocess on a free loopback port (``web.server``, as ``parkgov serve``);
    waits until it answers."""
    port = _free_port()
    env = {**os.environ, "PARKGOV_DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", SERVE, str(port), str(workers)], env=env, cwd=tempfile.gettempdir())
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"uvicorn exited with code {proc.returncode}")
        try:
            if httpx.get(f"{base}/api/v1/me", headers=_auth(), timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("uvicorn did not answer within 60 s")


def _auth() -> dict:
    return {"Authorization": f"Bearer {TOKEN}"}


#: the wrk script; ``load_test`` prepends PATHS, IN_ORDER and THREADS
WRK_SCRIPT = r"""
local started = 0

function setup(thread)
  started = started + 1
  thread:set("id", started)
  thread:set("threads", THREADS)
end

local prepared, next_request, answered, checking = {}, 1, 0, false

function init(args)
  if IN_ORDER then
    for i = id, #PATHS, threads do
      prepared[#prepared + 1] = wrk.format(nil, PATHS[i])
    end
    -- wrk calls request() of the first thread once before the run to check its format
    checking = id == 1
  else
    for i, path in ipairs(PATHS) do
      prepared[i] = wrk.format(nil, path)
    end
    math.randomseed(7919 * id)
  end
end

function request()
  if not IN_ORDER then
    return prepared[math.random(#prepared)]
  end
  if checking then
    checking = false
    return prepared[1]
  end
  local req = prepared[next_request]
  if req == nil then
    -- this thread's share is sent: the connection stays idle
    return ""
  end
  next_request = next_request + 1
  return req
end

function response(status, headers, body)
  answered = answered + 1
  if answered == #prepared then
    io.write("WRK_THREAD_DONE\n")
    io.flush()
    wrk.thread:stop()
  end
end

if not IN_ORDER then
  -- without a response() wrk skips reading headers and bodies into Lua
  response = nil
end

function done(summary, latency, rates)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %.0f, "duration_us": %.0f, "status": %.0f, "connect": %.0f, "read": %.0f, '
    .. '"write": %.0f, "timeout": %.0f, "p50_us": %.0f, "p95_us": %.0f}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95)))
  io.flush()
end
"""
#: characters a path may hold to be written into the Lua table as a plain quoted string
SAFE_PATH = re.compile(r"[A-Za-z0-9/?=&_.\-]+")
WRK_ERRORS = {"status": "HTTP 状态 ≥ 400", "connect": "连接", "read": "读", "write": "写", "timeout": "超时"}


def load_test(base: str, paths: list[str], clients: int, seconds: float, in_order: bool = False) -> dict:
    """wrk for ``seconds`` with ``clients`` keep-alive connections on min(clients, 2) threads, requesting random
    ``paths`` (``in_order``: each path once, the list split between the threads, each thread stopping when its
    share is answered; wrk is then interrupted, so the duration is that of the work). Returns the request count,
    p50 and p95 (wrk's latency, with its correction for coordinated omission), requests per second and errors."""
    if not paths or not all(SAFE_PATH.fullmatch(p) for p in paths):
        raise ValueError("paths must be a non-empty list of plain ASCII URL paths")
    if in_order:
        clients = min(clients, len(paths))
    threads = max(1, min(clients, 2))
    table = ",\n".join(f'"{p}"' for p in paths)
    lua = f"PATHS = {{\n{table}\n}}\nIN_ORDER = {'true' if in_order else 'false'}\nTHREADS = {threads}\n{WRK_SCRIPT}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="ledger_bench_", delete=False) as f:
        f.write(lua)
    headers = [arg for name, value in _auth().items() for arg in ("-H", f"{name}: {value}")]
    cmd = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{max(1, math.ceil(seconds))}s",
           "--timeout", "30s", "-s", f.name, *headers, base]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        watchdog = threading.Timer(seconds + 120, proc.kill)
        watchdog.start()
        output, finished = [], 0
        try:
            for line in proc.stdout:
                if line.startswith("WRK_THREAD_DONE"):
                    finished += 1
                    if finished == threads:
                        proc.send_signal(signal.SIGINT)
                else:
                    output.append(line)
            proc.wait()
        finally:
            watchdog.cancel()
    finally:
        os.unlink(f.name)
    found = [line for line in output if line.startswith("WRK_RESULT ")]
    if proc.returncode != 0 or not found:
        raise SystemExit(f"wrk 未给出结果（退出码 {proc.returncode}）：{''.join(output)[-1000:]}")
    r = json.loads(found[-1].removeprefix("WRK_RESULT "))
    errors = sum(r[k] for k in WRK_ERRORS)
    if errors:
        detail = "，".join(f"{label} {r[k]}" for k, label in WRK_ERRORS.items() if r[k])
        print(f"    ！{errors} 个请求失败（{detail}）")
    n, duration = r["requests"], r["duration_us"] / 1e6
    if not n:
        # wrk drops the requests still unanswered when the run ends without counting them
        print(f"    ！{duration:.0f} s 内没有收到任何响应")
    return {"n": n, "p50": r["p50_us"] / 1e6 if n else float("nan"), "p95": r["p95_us"] / 1e6 if n else float("nan"),
            "rps": n / duration if duration > 0 else 0.0, "errors": errors, "seconds": duration}


class Writer(threading.Thread):
    """Posts a task progress report to a random park every ``interval`` seconds through the API (as the
    administrator), in the open December round: each write changes that park's ledger version."""

    def __init__(self, base: str, tasks: dict[int, list[int]], interval: float):
        super().__init__(daemon=True)
        self.base, self.tasks, self.interval = base, tasks, interval
        self.stop, self.written, self.errors = threading.Event(), 0, []

    def run(self) -> None:
        rnd = random.Random(99)
        with httpx.Client(base_url=self.base, headers=_auth(), timeout=120) as http:
            while not self.stop.wait(self.interval):
                park = rnd.choice(list(self.tasks))
                task = self.tasks[park]
                body = {"kind": "task", "item_id": task[0], "state": "in_progress", "base_revision": task[1],
                        "narrative": f"基准写入{self.written + 1}"}
                try:
                    resp = http.post(f"/api/v1/parks/{park}/rounds/{AS_OF:%Y-%m}/reports", json=body)
                    if resp.status_code == 201:
                        self.written += 1
                        task[1] = resp.json()["revision"]
                    else:
                        self.errors.append(f"{resp.status_code} {resp.text[:200]}")
                except httpx.HTTPError as exc:
                    self.errors.append(repr(exc))


def first_task_per_park(engine: Engine) -> dict[int, list[int]]:
    """Park → [its first task, that task's newest revision in the December round] (the writer's base)."""
    tasks, reports, rounds = T["tasks"], T["progress_reports"], T["dispatch_rounds"]
    with engine.connect() as conn:
        first = dict(conn.execute(select(tasks.c.park_id, text("min(tasks.id)")).group_by(tasks.c.park_id)).all())
        seen = dict(conn.execute(select(reports.c.task_id, text("max(progress_reports.revision)"))
                                 .join(rounds, rounds.c.id == reports.c.round_id)
                                 .where(reports.c.task_id.in_(list(first.values())),
                                        rounds.c.period == f"{AS_OF:%Y-%m}")
                                 .group_by(reports.c.task_id)).all())
    return {park: [task, seen.get(task, 0)] for park, task in first.items()}


def dashboard_path(park: int, as_of: date) -> str:
    return f"/api/v1/parks/{park}/dashboard?as_of={as_of.isoformat()}"


def cold_paths(parks: list[int], count: int) -> list[str]:
    """Up to ``count`` dashboard paths, no two alike (park × an as-of day before ``DASHBOARD_AS_OF``, the nearest
    days first, back to January 1): none is cached."""
    rnd, paths = random.Random(5), []
    for k in range(1, (DASHBOARD_AS_OF - date(YEAR, 1, 1)).days + 1):
        day = DASHBOARD_AS_OF - timedelta(days=k)
        paths += [dashboard_path(p, day) for p in rnd.sample(parks, len(parks))]
        if len(paths) >= count:
            break
    return paths[:count]


def _ms(result: dict) -> str:
    return (f"{result['n']} 次，p50 {result['p50'] * 1000:.1f} ms，p95 {result['p95'] * 1000:.1f} ms，"
            f"{result['rps']:.1f} 次/秒")


# ---------------------------------------------------------------- driver

def _pad(label: str, width: int) -> str:
    """``label`` padded to ``width`` terminal columns (a hanzi takes two)."""
    return label + " " * max(0, width - sum(2 if ord(c) > 0x2E80 else 1 for c in label))


def _line(label: str, value: float, unit: str, baseline: float, goal: float | None) -> None:
    ratio = value / baseline if baseline else float("inf")
    verdict = "" if goal is None else ("  达标" if value < goal else "  未达标")
    goal_text = "" if goal is None else f"  目标 < {goal:g} {unit}"
    print(f"  {_pad(label, 20)}{value:10.1f} {unit}   基线 {baseline:9.1f} {unit}   倍数 {ratio:6.1f}{goal_text}{verdict}")


def run(url: str, scale: Scale, args) -> None:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        start = time.perf_counter()
        upgrade_to_head(url)
        migrated = time.perf_counter() - start
        start = time.perf_counter()
        counts = load(engine, scale)
        generated = time.perf_counter() - start
        total_rows = sum(counts.values())
        print(f"数据库：{make_url(url).get_backend_name()}  园区 {scale.parks} × 单位 {scale.units} × 任务 {scale.tasks}，"
              f"{scale.months} 个月，项目 {counts.get('projects', 0)}")
        print(f"  进度报告 {counts['progress_reports']:,} 条，共 {total_rows:,} 行；"
              f"建表 {migrated:.1f} s，生成并批量写入 {generated:.1f} s（{total_rows / generated:,.0f} 行/秒）")

        park_id = (scale.parks + 1) // 2
        park_status_once(factory, park_id)
        park_rows_once(engine, park_id)
        svc, view = timed(lambda: park_status_once(factory, park_id), args.repeat)
        base, _ = timed(lambda: park_rows_once(engine, park_id), args.repeat)
        print(f"单个园区状态（{len(view['tasks'])} 项任务、{len(view['indicators'])} 项指标、"
              f"{len(view['projects'])} 个项目，截至 {AS_OF}，{args.repeat} 次取中位数）")
        _line("状态服务", svc * 1000, "ms", base * 1000, GOAL_PARK_MS)

        svc, result = timed(lambda: province_once(factory), 1)
        base, _ = timed(lambda: province_rows_once(engine), 1)
        print(f"全省状态（{len(result['parks'])} 个园区，{sum(result['totals'].values()):,} 个事项）")
        _line("全省状态服务", svc, "s", base, GOAL_PROVINCE_S)

        workers = args.workers or worker_count(url)
        proc, http_base = serve(url, workers)
        try:
            parks = list(range(1, scale.parks + 1))
            dash = [dashboard_path(p, DASHBOARD_AS_OF) for p in parks]
            me = ["/api/v1/me"]
            # two disjoint sets of uncached paths: the concurrent run and the single client
            cold_pool = cold_paths(parks, 2 * args.cold)
            print(f"接口并发（截至 {DASHBOARD_AS_OF}，uvicorn 子进程 {workers} 个工作进程，"
                  f"wrk {min(args.clients, 2)} 个线程、{args.clients} 个并发连接，每项 {args.seconds:g} s）")
            baseline = load_test(http_base, me, args.clients, args.seconds)
            print(f"  基线 GET /api/v1/me：{_ms(baseline)}")
            cold = load_test(http_base, cold_pool[0::2], args.clients, args.seconds, in_order=True)
            print(f"  未缓存（每次请求不同的园区与截至日期）：{_ms(cold)}")
            _line("未缓存概览 p95", cold["p95"] * 1000, "ms", baseline["p95"] * 1000, None)
            # a connection stays with one worker: with 4 requests per park and worker, a worker misses a
            # park's view with odds (1 - 1/workers) ** (4 * workers), 1 in 256 with two workers
            warm = load_test(http_base, dash * (4 * workers), args.clients, args.seconds * 3, in_order=True)
            print(f"  预热（每个园区 {4 * workers} 次，各工作进程各自缓存）：{_ms(warm)}")
            reads = load_test(http_base, dash, args.clients, args.seconds)
            print(f"  园区概览 GET …/dashboard（只读，随机园区）：{_ms(reads)}")
            _line("园区概览接口 p95", reads["p95"] * 1000, "ms", baseline["p95"] * 1000, GOAL_P95_MS)
            writer = Writer(http_base, first_task_per_park(engine), args.write_interval)
            writer.start()
            try:
                mixed = load_test(http_base, dash, args.clients, args.seconds)
            finally:
                writer.stop.set()
                writer.join(timeout=130)
            if writer.errors:
                print(f"    ！{len(writer.errors)} 次写入失败，例如：{writer.errors[0]}")
            print(f"  园区概览（同时每 {args.write_interval:g} s 写入一条进度，共 {writer.written} 次，"
                  f"每次使该园区在各工作进程的缓存失效、重新计算）：{_ms(mixed)}")
            _line("边读边写 p95", mixed["p95"] * 1000, "ms", baseline["p95"] * 1000, None)
            single_base = load_test(http_base, me, 1, args.seconds)
            single_cold = load_test(http_base, cold_pool[1::2], 1, args.seconds, in_order=True)
            single = load_test(http_base, dash, 1, args.seconds)
            print(f"单个客户端（wrk -t1 -c1，无排队，即每次请求的服务时间；基线 {single_base['n']} 次，"
                  f"未缓存 {single_cold['n']} 次，已缓存 {single['n']} 次）")
            _line("未缓存概览 p50", single_cold["p50"] * 1000, "ms", single_base["p50"] * 1000, None)
            _line("已缓存概览 p50", single["p50"] * 1000, "ms", single_base["p50"] * 1000, None)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description="parkgov 台账规模与并发基准测试")
    parser.add_argument("--quick", action="store_true", help="小规模（5 个园区，SQLite），约两分钟")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="PostgreSQL 服务器地址（在其上新建并最终删除基准库）")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default=None,
                        help="默认：完整版用 postgresql，--quick 用 sqlite")
    parser.add_argument("--parks", type=int, default=None, help="园区数（覆盖默认规模）")
    parser.add_argument("--clients", type=int, default=50, help="接口并发测试的并发连接数（wrk -c）")
    parser.add_argument("--seconds", type=float, default=None,
                        help="每项接口测试的时长（秒，wrk -d；默认 --quick 15 s，完整版 30 s）")
    parser.add_argument("--workers", type=int, default=None,
                        help="uvicorn 工作进程数（默认与 parkgov serve 相同：SQLite 1 个，PostgreSQL 每核一个，最多 4 个）")
    parser.add_argument("--cold", type=int, default=5000,
                        help="每项未缓存测试最多请求的路径数（每条路径只请求一次：不同的园区与截至日期，就近往前取）")
    parser.add_argument("--write-interval", type=float, default=1.0, help="混合负载中两次写入的间隔（秒）")
    parser.add_argument("--repeat", type=int, default=5, help="单个园区状态的重复次数（取中位数）")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("未找到 wrk：接口并发测试用 wrk 生成负载，请先安装（sudo apt-get install wrk，"
                         "或 scripts/setup.sh --bench）")
    scale = QUICK if args.quick else FULL
    if args.parks:
        scale = Scale(parks=args.parks, units=scale.units, tasks=scale.tasks, indicators=scale.indicators,
                      projects=max(args.parks, scale.projects * args.parks // scale.parks))
    args.seconds = args.seconds or (15.0 if args.quick else 30.0)
    backend = args.backend or ("sqlite" if args.quick else "postgresql")
    if backend == "sqlite":
        tmp = Path(tempfile.mkdtemp(prefix="parkgov_bench_"))
        try:
            run(f"sqlite:///{tmp / 'ledger.db'}", scale, args)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    name = f"parkgov_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        run(make_url(args.pg_url).set(database=name).render_as_string(hide_password=False), scale, args)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
