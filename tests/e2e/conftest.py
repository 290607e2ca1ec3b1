"""Browser tests: Debian's Chromium driven by Playwright, against the app served by uvicorn on a free port."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from live_server import serving  # noqa: E402
from monthly_ledger import Ledger, build_ledger  # noqa: E402
from pages_support import set_passwords  # noqa: E402
from parkgov.services import progress, rounds  # noqa: E402
from parkgov.services.access import Actor  # noqa: E402
from parkgov.services.progress import ProgressInput  # noqa: E402
from parkgov.store.database import make_engine, make_session_factory  # noqa: E402
from parkgov.store.migrate import upgrade_to_head  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


def _months_of_progress(factory, ledger: Ledger) -> None:
    """Rounds 2025-01…2025-06 with figures through the progress service; June is still open."""
    system = Actor.system()
    with factory() as s:
        for month in range(1, 7):
            period = f"2025-{month:02d}"
            rounds.open_round(s, system, ledger.park_id, period, deadline=date(2030, 1, 5) if month == 6 else None)
            if month == 6:
                break
            for name, per_month, unit in (("规模工业总产值", "5.8", "亿元"), ("税收", "3300", "万元")):
                progress.submit(s, system, ledger.park_id, ProgressInput(
                    kind="indicator", item_id=ledger.indicators[name], period=period,
                    value=Decimal(per_month) * month, value_unit=unit, yoy_pct=Decimal("6.5") + Decimal(month) / 10))
            progress.submit(s, system, ledger.park_id, ProgressInput(
                kind="project", item_id=ledger.projects["新材料产业园"], period=period, state="in_progress",
                investment=Decimal(900 + 100 * month), investment_unit="万元", narrative=f"{month}月完成主体施工"))
            progress.submit(s, system, ledger.park_id, ProgressInput(
                kind="task", item_id=ledger.tasks["20"], period=period, state="lagging" if month > 3 else "in_progress",
                narrative="预算绩效改革方案修改中", base_revision=0))
            rounds.close_round(s, system, ledger.park_id, period)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory) -> Iterator[dict]:
    """The app on a free loopback port, on a temp SQLite database with a small park and half a year of progress."""
    import os

    from parkgov.web.app import create_app

    tmp = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{tmp / 'parkgov.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    ledger = build_ledger(factory)
    set_passwords(factory)
    _months_of_progress(factory, ledger)
    previous = os.environ.get("PARKGOV_DATA_DIR")
    os.environ["PARKGOV_DATA_DIR"] = str(tmp / "data")
    try:
        with serving(create_app(url)) as base:
            yield {"base": base, "ledger": ledger, "factory": factory, "tmp": tmp}
    finally:
        engine.dispose()
        if previous is None:
            os.environ.pop("PARKGOV_DATA_DIR", None)
        else:
            os.environ["PARKGOV_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
