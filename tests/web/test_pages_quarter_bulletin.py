"""The rankings page offers the quarter's bulletin for download, as it does the month's."""
from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from fastapi.testclient import TestClient

from pages_support import login, set_passwords
from parkgov.services import progress, rounds
from parkgov.services.access import Actor
from parkgov.services.progress import ProgressInput
from parkgov.web.app import create_app


@pytest.fixture
def web(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    system = Actor.system()
    with session_factory() as s:
        for month in ("2025-04", "2025-05"):
            rounds.open_round(s, system, ledger.park_id, month)
        progress.submit(s, system, ledger.park_id, ProgressInput(kind="indicator",
                                                                 item_id=ledger.indicators["规模工业总产值"],
                                                                 period="2025-05", value=Decimal("21.7"),
                                                                 value_unit="亿元", yoy_pct=Decimal("5.4")))
    with TestClient(create_app(db_url)) as client:
        yield client


def test_quarterly_bulletin_downloads_from_the_rankings_page(web):
    login(web, "coord")
    page = web.get("/rankings?quarter=2025Q2")
    assert page.status_code == 200
    assert "/rankings/quarter/2025Q2/bulletin.docx" in page.text and "下载季度调度通报（Word）" in page.text
    assert "/rankings/quarter/2025Q2/bulletin.docx" not in web.get("/rankings?period=2025-05").text
    doc = web.get("/rankings/quarter/2025Q2/bulletin.docx")
    assert doc.status_code == 200 and "wordprocessingml" in doc.headers["content-type"]
    assert "attachment" in doc.headers["content-disposition"]
    text = "\n".join(p.text for p in Document(BytesIO(doc.content)).paragraphs)
    assert "关于2025年第二季度\n重点工作调度情况的通报" in text
    assert "本季度共开展调度2轮（4月、5月）" in text


def test_a_bad_quarter_download_is_refused_in_chinese(web):
    login(web, "coord")
    bad = web.get("/rankings/quarter/2025Q9/bulletin.docx")
    assert bad.status_code == 422 and "季度" in bad.text
