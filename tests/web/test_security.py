"""Security settings that hold on every page (issue 4 "Roles and security": login throttling,
password validation, session expiry, CSP headers; production refuses an unsafe start)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.web.conftest import PASSWORD
from tests.web.test_permissions_matrix import OPEN_VIEWS, all_urls, fill, objects  # noqa: F401 (fixture)

LOGIN = "/accounts/login/"


def test_csp_header_on_pages_allows_only_our_own_scripts(assessor, anonymous):
    for client, path in ((assessor, "/"), (assessor, "/workloads/"), (anonymous, LOGIN)):
        response = client.get(path)
        csp = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if " " in d.strip())
        assert directives["script-src"] == "'self'", path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert directives["frame-ancestors"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(rb"<style\b|\sstyle=\"", re.I)
INLINE_HANDLER = re.compile(rb"\son(click|load|submit|change|input)=", re.I)


def test_no_page_needs_what_the_csp_forbids(admin, objects):  # noqa: F811
    """Inline scripts, inline styles and on* handlers would be blocked by the CSP: no page has them."""
    problems = []
    for url in all_urls():
        if url.is_api or url.name in OPEN_VIEWS:
            continue
        path = fill(url.route, objects)
        response = admin.get(path)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        body = response.content
        for label, rx in (("inline <script>", INLINE_SCRIPT), ("inline style", INLINE_STYLE),
                          ("on* handler", INLINE_HANDLER)):
            if rx.search(body):
                problems.append(f"{path} [{url.name}]: {label}")
    assert not problems, "\n".join(problems)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(demo):
    client = Client()
    for _ in range(5):
        response = client.post(LOGIN, {"username": "assessor@demo.example", "password": "wrong-password-123"})
        assert "_auth_user_id" not in client.session
    response = client.post(LOGIN, {"username": "assessor@demo.example", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked out by someone else's failures.
    other = Client()
    response = other.post(LOGIN, {"username": "auditor@demo.example", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in other.session


def test_right_password_signs_in_with_a_secure_session_cookie(demo):
    client = Client()
    response = client.post(LOGIN, {"username": "assessor@demo.example", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"]  # expires when the browser closes


def test_session_expires_after_idle_hours(assessor, settings):
    import datetime as dt

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 3600 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert assessor.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))  # idle past the limit
    response = assessor.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@pytest.mark.parametrize(("password", "code"), [
    ("Sh0rt!pw", "password_too_short"),
    ("password", "password_too_common"),
    ("123456789012345", "password_entirely_numeric"),
])
def test_weak_passwords_are_rejected(db, password, code):
    with pytest.raises(ValidationError) as exc:
        validate_password(password)
    assert code in [e.code for e in exc.value.error_list]


def test_password_similar_to_the_username_is_rejected(db):
    user = User(username="kim.assessor@bank.example", email="kim.assessor@bank.example")
    with pytest.raises(ValidationError):
        validate_password("kim.assessor@bank", user)
    validate_password("purple-cabinet-lantern-93", user)


def test_csrf_is_enforced_on_posts(demo):
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {"username": "assessor@demo.example", "password": PASSWORD}).status_code == 403
    client.force_login(User.objects.get(username="assessor@demo.example"))
    assert client.post("/workloads/new/", {"key": "x"}).status_code == 403
    assert client.post("/portfolio/import/", {}).status_code == 403
    # With the token from the form, the same request goes through the CSRF check.
    client.get("/workloads/new/")
    token = client.cookies["csrftoken"].value
    assert client.post("/workloads/new/", {"csrfmiddlewaretoken": token}).status_code != 403


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FINCLOUD_", "DJANGO_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-c", "import fincloud.web.settings"], capture_output=True, text=True,
                          env={**clean, **env}, check=False)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    out = _import_settings({"FINCLOUD_ENV": "production", "FINCLOUD_STATE_DIR": str(tmp_path),
                            "FINCLOUD_ALLOWED_HOSTS": "fincloud.example"})
    assert out.returncode != 0
    assert "ImproperlyConfigured" in out.stderr and "FINCLOUD_SECRET_KEY" in out.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    out = _import_settings({"FINCLOUD_ENV": "production", "FINCLOUD_STATE_DIR": str(tmp_path),
                            "FINCLOUD_SECRET_KEY": "x" * 50})
    assert out.returncode != 0
    assert "ImproperlyConfigured" in out.stderr and "FINCLOUD_ALLOWED_HOSTS" in out.stderr


def test_production_starts_with_both_and_is_locked_down(tmp_path):
    code = ("import fincloud.web.settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FINCLOUD_", "DJANGO_", "DATABASE_URL"))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env={
        **clean, "FINCLOUD_ENV": "production", "FINCLOUD_STATE_DIR": str(tmp_path), "FINCLOUD_DEBUG": "1",
        "FINCLOUD_SECRET_KEY": "x" * 50, "FINCLOUD_ALLOWED_HOSTS": "fincloud.example"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True", "True"]
