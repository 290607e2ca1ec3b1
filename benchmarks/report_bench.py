"""Benchmark: the dispatch bulletin of a generated park with 300 tasks, beside writing an empty .docx.

Run: .venv/bin/python benchmarks/report_bench.py   (goal: bulletin < 3 s)
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from docx import Document  # noqa: E402

from parkgov.reports.bulletin import write_bulletin  # noqa: E402
from parkgov.reports.bulletin_data import (BulletinData, DocumentHead, IndicatorRow, Light, ProjectRow,  # noqa: E402
                                           RankingRow, ReportGap, SupervisionRow, TaskRow)

GOAL_SECONDS = 3.0
UNITS = [f"第{i}责任单位" for i in range(1, 31)]
CATEGORIES = [f"重点工作类别{i}" for i in range(1, 9)]
LEADERS = [f"区领导{i}" for i in range(1, 9)]
LIGHTS = [Light.GREEN, Light.GREEN, Light.YELLOW, Light.RED, Light.GREY]


def generated_park(n_tasks: int = 300, seed: int = 1) -> BulletinData:
    """A park with ``n_tasks`` tasks, 30 units, 12 indicators, 40 projects and a full round."""
    rnd = random.Random(seed)
    tasks = [TaskRow(str(i), rnd.choice(CATEGORIES), f"重点任务{i}", f"完成第{i}项工作的年度目标。",
                     [rnd.choice(LEADERS)], rnd.sample(UNITS, rnd.choice([1, 1, 2])), light=rnd.choice(LIGHTS),
                     done=rnd.random() < 0.2, latest_progress=f"第{i}项工作已完成阶段目标。",
                     issues=f"第{i}项工作进度滞后。") for i in range(1, n_tasks + 1)]
    indicators = [IndicatorRow(f"经济指标{i}", "亿元", Decimal(rnd.randint(10, 100)),
                               Decimal(rnd.randint(1, 60)), Decimal(rnd.randint(-50, 300)) / 10, Decimal("50"),
                               rnd.choice(LIGHTS), [rnd.choice(UNITS)], [rnd.choice(LEADERS)]) for i in range(12)]
    projects = [ProjectRow(f"重点项目{i}", "万元", "产业项目", rnd.choice(["新建", "续建", "前期"]),
                           [rnd.choice(UNITS)], [rnd.choice(LEADERS)], Decimal(rnd.randint(5000, 90000)),
                           Decimal(rnd.randint(1000, 30000)), Decimal(rnd.randint(0, 20000)), rnd.choice(LIGHTS))
                for i in range(40)]
    day = date(2025, 6, 1)
    return BulletinData(
        park="基准园区", round_label="2025-06", period_label="2025年1-6月",
        head=DocumentHead("关于2025年6月重点工作调度情况的通报", "基准园区管委会", "基管〔2025〕6号",
                          signed_on=date(2025, 7, 5)),
        time_progress_pct=Decimal("50"), indicators=indicators, tasks=tasks, projects=projects,
        orders_opened=[SupervisionRow(f"督〔2025〕{i}号", f"督办事项{i}", rnd.choice(UNITS), day,
                                      day + timedelta(days=30)) for i in range(10)],
        orders_closed=[SupervisionRow(f"督〔2025〕{i}号", f"督办事项{i}", rnd.choice(UNITS), day, day, day,
                                      "已整改") for i in range(10, 16)],
        orders_still_open=12,
        ranking=[RankingRow(i, u, Decimal(100 - i), 10, i % 4) for i, u in enumerate(UNITS, 1)],
        report_gaps=[ReportGap(u, i % 2 == 0, day) for i, u in enumerate(UNITS[:5])], units_expected=len(UNITS))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    data = generated_park()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timed(lambda: write_bulletin(generated_park(5), out / "warm.docx"))
        baseline = timed(lambda: Document().save(str(out / "empty.docx")))
        bulletin = timed(lambda: write_bulletin(data, out / "bulletin.docx"))
        no_charts = timed(lambda: write_bulletin(data, out / "bulletin_nocharts.docx", with_charts=False))
        size = (out / "bulletin.docx").stat().st_size
    print(f"baseline (empty .docx):        {baseline:6.3f} s")
    print(f"bulletin, 300 tasks, charts:   {bulletin:6.3f} s  ({size // 1024} KiB)")
    print(f"bulletin, 300 tasks, no chart: {no_charts:6.3f} s")
    print(f"goal < {GOAL_SECONDS:.0f} s: {'met' if bulletin < GOAL_SECONDS else 'NOT met'}")
    return 0 if bulletin < GOAL_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
