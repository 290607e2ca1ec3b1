"""The domain reproduces the figures that seed 001 (a half-year summary) states."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from parkgov.domain.completion import completion_rate
from parkgov.domain.light import Light
from parkgov.domain.period import Period
from parkgov.domain.project_status import project_status
from parkgov.domain.quantity import Quantity, format_percent, format_quantity
from parkgov.domain.time_progress import time_progress


def _summary(seeds_dir: Path) -> str:
    return next(seeds_dir.glob("001_*")).read_text(encoding="utf-8")


def test_rectification_rates_match_the_summary(seeds_dir: Path) -> None:
    text = _summary(seeds_dir)
    found = re.findall(r"交办问题(\d+)项。其中(\d+)项已整改完成.*?整改完成率([\d.]+)%", text)
    found += re.findall(r"发现隐患(\d+)项,已整改完成(\d+)项,整改完成率([\d.]+)%", text)
    assert [(total, done) for total, done, _ in found] == [("41", "35"), ("323", "319")]
    computed = [format_percent(completion_rate(D(done), D(total)), 1) for total, done, _ in found]
    # 35/41 = 85.37% → 85.4% as stated; 319/323 = 98.762% is 98.8% rounded half up,
    # where the summary truncated to 98.7%: the domain rounds one way everywhere.
    assert computed == ["85.4%", "98.8%"]
    assert [f"{stated}%" for _, _, stated in found] == ["85.4%", "98.7%"]


def test_investment_completion_matches_the_summary(seeds_dir: Path) -> None:
    match = re.search(r"计划投资([\d.]+)亿元,1-6月已累计完成投资([\d.]+)亿元,完成年度投资计划的([\d.]+)%",
                      _summary(seeds_dir))
    assert match is not None
    plan, done = Quantity.of(match[1], "亿元"), Quantity.of(match[2], "亿元")
    assert format_percent(completion_rate(done, plan)) == f"{match[3]}%"
    status = project_status(plan, done.to("万元"), as_of=date(2025, 6, 30))
    assert status.light is Light.GREEN
    assert time_progress(Period.half(2025, 1), date(2025, 6, 30)) == 1


def test_amounts_display_as_written(seeds_dir: Path) -> None:
    text = _summary(seeds_dir)
    assert "规模工业总产值32.97亿元" in text
    assert format_quantity(Quantity.of("329700", "万元").to("亿元")) == "32.97亿元"
