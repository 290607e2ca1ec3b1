"""Import from the web: upload seed 004 as a Word table, see the highlighted source, correct, drop, confirm."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pages_support import login, page_csrf, set_passwords
from parkgov.extract.readers import read_document
from parkgov.store.models import ImportedDocument, Task
from parkgov.web.app import create_app
from seed_paths import gold

from extract.seed_forms import build_docx


@pytest.fixture
def web(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with TestClient(create_app(db_url)) as client:
        login(client, "coord")
        yield client


@pytest.fixture
def seed_docx(seeds_dir, tmp_path):
    return build_docx(read_document(next(seeds_dir.glob("004_*"))), tmp_path / "004.docx")


def _upload(web, path, name=None):
    token = page_csrf(web)
    with open(path, "rb") as fh:
        return web.post("/import", data={"csrf_token": token}, files={"file": (name or path.name, fh)},
                        follow_redirects=False)


def test_upload_review_correct_drop_confirm(web, seed_docx, session_factory, tmp_path):
    r = _upload(web, seed_docx)
    assert r.status_code == 303, r.text
    review_url = r.headers["location"]
    page = web.get(review_url)
    assert page.status_code == 200
    gold_tasks = {t["seq"]: t for t in gold("004")["tasks"]}
    assert gold_tasks["8"]["item"] in page.text
    assert re.search(r'<mark[^>]*id="tasks-0"', page.text), "each task's source is highlighted in the text"
    token = page_csrf(web)
    fixed = web.post(f"{review_url}/rows/tasks/0", data={"csrf_token": token, "seq": "1", "item": "地区生产总值（已核对）",
                                                          "requirement": "增长5.5%以上", "leaders": "韩知远",
                                                          "departments": "发改局", "category": "年度目标任务"},
                     follow_redirects=False)
    assert fixed.status_code == 303
    dropped = web.post(f"{review_url}/rows/tasks/1", data={"csrf_token": token, "drop": "1"}, follow_redirects=False)
    assert dropped.status_code == 303
    page = web.get(review_url)
    assert "地区生产总值（已核对）" in page.text and "已删除" in page.text
    n_tasks = len(re.findall(r'id="tasks-row-\d+"', page.text))
    done = web.post(f"{review_url}/confirm", data={"csrf_token": token})
    assert done.status_code == 200 and "导入完成" in done.text
    with session_factory() as s:
        items = list(s.scalars(select(Task.item).where(Task.document_id.is_not(None))))
    assert "地区生产总值（已核对）" in items
    assert gold_tasks["2"]["item"] not in items
    assert len(items) == n_tasks - 1
    ledger = web.get("/tasks?text=已核对&as_of=2025-10-31")
    assert "地区生产总值（已核对）" in ledger.text
    again = _upload(web, seed_docx)
    assert "已导入过" in web.get(again.headers["location"]).text


def test_a_reporter_cannot_import(db_url, ledger, session_factory, tmp_path, monkeypatch, seed_docx):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with TestClient(create_app(db_url)) as client:
        login(client, "rep_商务局")
        assert client.get("/import").status_code == 403
        assert _upload(client, seed_docx).status_code == 403
    assert not (tmp_path / "data" / "uploads").exists() or not any((tmp_path / "data" / "uploads").iterdir())


def test_wrong_type_and_empty_files_are_refused(web, tmp_path, session_factory):
    exe = tmp_path / "plan.exe"
    exe.write_bytes(b"MZ\x90\x00")
    r = _upload(web, exe)
    assert r.status_code == 422 and "不支持" in r.text
    empty = tmp_path / "plan.txt"
    empty.write_bytes(b"")
    assert "空文件" in _upload(web, empty).text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ImportedDocument)) == 0


def test_oversized_upload_is_refused_before_reading(web):
    token = page_csrf(web)
    big = b"0" * (21 * 1024 * 1024)
    r = web.post("/import", data={"csrf_token": token}, files={"file": ("big.txt", big)})
    assert r.status_code == 413
    assert "20MB" in r.text


def test_staged_imports_belong_to_their_uploader(web, seed_docx, db_url, tmp_path, session_factory):
    review_url = _upload(web, seed_docx).headers["location"]
    with TestClient(create_app(db_url)) as other:
        login(other, "admin")
        assert other.get(review_url).status_code == 403


def test_a_revised_plan_shows_its_differences_before_confirming(web, seeds_dir, tmp_path, session_factory):
    original = next(seeds_dir.glob("004_*")).read_text("utf-8")
    first = tmp_path / "分解表.txt"
    first.write_text(original, "utf-8")
    url = _upload(web, first).headers["location"]
    token = page_csrf(web)
    assert "导入完成" in web.post(f"{url}/confirm", data={"csrf_token": token}).text
    revised = tmp_path / "分解表（修订稿）.txt"
    revised.write_text(original.replace("增长5.5%以上", "增长6%以上", 1), "utf-8")
    url = _upload(web, revised).headers["location"]
    review = web.get(url).text
    assert "修订版" in review
    assert re.search(r"增长5\.5%以上 → 增长6%以上", review), "the changed requirement is shown old → new"
    with session_factory() as s:
        before = s.scalar(select(func.count()).select_from(ImportedDocument))
    web.post(f"{url}/confirm", data={"csrf_token": token})
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(ImportedDocument)) == before + 1
        assert "增长6%以上" in s.scalars(select(Task.requirement).where(Task.item == "地区生产总值",
                                                                    Task.status == "active")).all()


def test_project_totals_start_out_dropped(web, tmp_path, session_factory):
    from parkgov.store.models import Project
    plan = tmp_path / "项目计划.txt"
    plan.write_text("青山经开区2025年重点建设项目计划表\n\n"
                    "2025年共安排重点建设项目3个，总投资12亿元，年度计划投资5亿元。\n\n"
                    "序号\t项目名称\t建设性质\t总投资（万元）\t年度计划投资（万元）\t责任单位\n"
                    "1\t智能装备产业园\t新建\t60000\t25000\t商务局\n"
                    "2\t园区污水处理厂\t续建\t40000\t15000\t住建局\n"
                    "3\t物流仓储中心\t新建\t20000\t10000\t商务局\n", "utf-8")
    url = _upload(web, plan).headers["location"]
    review = web.get(url).text
    assert "汇总数" in review and "已删除" in review
    token = page_csrf(web)
    web.post(f"{url}/confirm", data={"csrf_token": token})
    with session_factory() as s:
        names = set(s.scalars(select(Project.name).where(Project.document_id.is_not(None))))
    assert names == {"智能装备产业园", "园区污水处理厂", "物流仓储中心"}
