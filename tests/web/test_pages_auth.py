"""Page sign-in: passwords, rate limiting, session cookie flags, CSRF, login-required redirects."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pages_support import PARK, PASSWORD, alert, csrf_of, login, page_csrf, set_passwords
from parkgov.services import login_attempts
from parkgov.web.app import create_app


@pytest.fixture
def web(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with TestClient(create_app(db_url)) as client:
        yield client


def test_pages_require_login_and_redirect_back(web):
    r = web.get("/tasks?unit=商务局", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=/tasks")


def test_login_sets_an_httponly_samesite_cookie_and_opens_the_dashboard(web):
    r = login(web, "coord")
    assert r.status_code == 303 and r.headers["location"] == "/dashboard"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    page = web.get("/dashboard?as_of=2025-07-31")
    assert page.status_code == 200
    assert PARK in page.text and "园区概览" in page.text


def test_cookie_is_secure_over_https(db_url, ledger, session_factory, tmp_path, monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)
    with TestClient(create_app(db_url), base_url="https://testserver") as client:
        r = login(client, "coord")
    assert "; secure" in r.headers["set-cookie"].lower()


def test_wrong_password_gets_one_chinese_message(web):
    r = login(web, "coord", "wrong-password")
    assert r.status_code == 401
    assert alert(r.text) == "用户名或密码错误"
    assert web.get("/dashboard", follow_redirects=False).status_code == 303


def test_a_username_with_a_nul_character_gets_the_same_message(web):
    token = csrf_of(web)
    r = web.post("/login", data={"username": "coord\x00", "password": "x", "csrf_token": token},
                 follow_redirects=False)
    assert r.status_code == 401 and alert(r.text) == "用户名或密码错误"


def test_five_failures_lock_the_user_from_that_address_even_with_the_right_password(web):
    for _ in range(5):
        login(web, "coord", "wrong-password")
    r = login(web, "coord", PASSWORD)
    assert r.status_code == 429
    assert "15分钟" in alert(r.text)
    assert login(web, "leader").status_code == 303


def test_failures_in_one_app_lock_the_login_in_another_on_the_same_database(web, db_url):
    for _ in range(4):
        assert login(web, "coord", "wrong-password").status_code == 401
    with TestClient(create_app(db_url)) as other:
        r = login(other, "coord", "wrong-password")
        assert r.status_code == 401 and "15分钟" in alert(r.text)
        assert login(other, "coord").status_code == 429
    with TestClient(create_app(db_url)) as restarted:
        assert login(restarted, "coord").status_code == 429
    assert login(web, "coord").status_code == 429


def test_a_successful_login_clears_the_failures_for_every_app(web, db_url):
    for _ in range(4):
        login(web, "coord", "wrong-password")
    with TestClient(create_app(db_url)) as other:
        assert login(other, "coord").status_code == 303
    for _ in range(4):
        assert login(web, "coord", "wrong-password").status_code == 401
    assert login(web, "coord").status_code == 303


def test_a_failure_that_cannot_be_recorded_lets_no_login_through(db_url, ledger, session_factory, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv("PARKGOV_DATA_DIR", str(tmp_path / "data"))
    set_passwords(session_factory)

    def broken(*_args, **_kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(login_attempts, "_record", broken)
    with TestClient(create_app(db_url), raise_server_exceptions=False) as client:
        r = login(client, "coord")
        assert r.status_code == 500
        assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_a_login_form_without_csrf_token_is_refused(web):
    web.get("/login")
    r = web.post("/login", data={"username": f"{PARK}-coord", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert "校验码" in r.text


def test_next_never_leaves_the_site(web):
    token = csrf_of(web)
    r = web.post("/login", data={"username": f"{PARK}-coord", "password": PASSWORD, "csrf_token": token,
                                 "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/dashboard"


def test_logout_needs_the_token_and_ends_the_session(web):
    login(web, "coord")
    assert web.post("/logout", follow_redirects=False).status_code == 403
    assert web.get("/dashboard", follow_redirects=False).status_code == 200
    token = page_csrf(web)
    assert web.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert web.get("/dashboard", follow_redirects=False).status_code == 303


def test_a_disabled_user_is_signed_out(web, session_factory):
    from parkgov.store.models import User
    login(web, "coord")
    with session_factory() as s:
        s.query(User).filter(User.username == f"{PARK}-coord").update({"is_active": False})
        s.commit()
    assert web.get("/dashboard", follow_redirects=False).status_code == 303


def test_pages_carry_a_strict_content_security_policy(web):
    r = web.get("/login")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and "onclick" not in r.text


def test_a_password_reset_ends_open_sessions(web, session_factory):
    from parkgov.services import park_admin
    from parkgov.services.access import Actor
    from parkgov.store.models import User
    login(web, "coord")
    assert web.get("/dashboard", follow_redirects=False).status_code == 200
    with session_factory() as s:
        user_id = s.query(User.id).filter(User.username == f"{PARK}-coord").scalar()
        park_admin.set_password(s, Actor.system(), user_id, "another-secret-1")
    assert web.get("/dashboard", follow_redirects=False).status_code == 303
    assert login(web, "coord", "another-secret-1").status_code == 303


def test_parks_are_kept_apart(web, session_factory):
    from monthly_ledger import build_ledger
    other = build_ledger(session_factory, park_name="黑石经开区", users=False)
    login(web, "coord")
    assert "黑石经开区" not in web.get(f"/dashboard?park={other.park_id}").text
    assert web.get(f"/tasks/{other.tasks['8']}").status_code == 404
    token = page_csrf(web)
    refused = web.post(f"/items/task/{other.tasks['8']}/instructions", data={"csrf_token": token, "text": "越权"})
    assert refused.status_code == 404
    web.post("/logout", data={"csrf_token": token})
    login(web, "viewer")
    assert "黑石经开区 · 园区概览" in web.get(f"/dashboard?park={other.park_id}").text
    assert "黑石经开区 · 园区概览" in web.get("/dashboard").text, "the chosen park is remembered"
    token = page_csrf(web)
    assert web.post(f"/items/task/{other.tasks['8']}/instructions",
                    data={"csrf_token": token, "text": "上级部门不能批示"}).status_code == 403
