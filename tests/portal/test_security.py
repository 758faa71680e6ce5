"""What production sends: HSTS, secure cookies, a strict CSP and the other security headers; security.txt."""

import datetime as dt
import importlib
import os
import re
import subprocess
import sys

import pytest

from django.conf import settings as django_settings
from django.urls import reverse

PRODUCTION_SECURITY_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
]


@pytest.fixture
def production(monkeypatch, settings):
    """The security settings exactly as portal.settings.production sets them."""
    monkeypatch.setenv("SECRET_KEY", "k" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    module = importlib.reload(importlib.import_module("portal.settings.production"))
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, getattr(module, name))
    return module


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-random-production-key-" + "x7Q!" * 10,
        "ALLOWED_HOSTS": "wijk.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest in this process
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_plain_http_is_redirected_to_https(client, production, home):
    response = client.get("/")
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_public_pages_send_the_security_headers(client, production, home):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts
    csp = {d.split()[0]: d.split()[1:] for d in response["Content-Security-Policy"].split("; ")}
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_cookies_are_secure_httponly_and_samesite(client, production, home, django_user_model):
    form = client.get("/meedoen/idee/", secure=True)
    csrf = form.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    django_user_model.objects.create_superuser("beheer", "beheer@example.org", "een-sterk-wachtwoord-42")
    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": "beheer", "password": "een-sterk-wachtwoord-42"},
        secure=True,
    )
    assert login.status_code == 302
    session = login.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_security_txt_says_where_to_report_and_expires_within_a_year(client, db):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert re.search(r"^Contact: (mailto:|https://)\S+$", body, re.M)
    expires = re.search(r"^Expires: (\S+)$", body, re.M).group(1)
    when = dt.datetime.fromisoformat(expires.replace("Z", "+00:00"))
    now = dt.datetime.now(dt.UTC)
    assert now < when < now + dt.timedelta(days=365)


# --- Admin login: lockout after 5 failures per username and IP ------------------------------------------

PASSWORD = "een-sterk-wachtwoord-42"


@pytest.fixture
def beheerder(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)


def attempt(client, password, ip="203.0.113.7", username="beheer"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_sixth_login_after_five_failures_is_refused_even_with_the_right_password(client, beheerder):
    for _ in range(4):
        assert attempt(client, "fout").status_code == 200  # the form again, with Wagtail's message
    assert attempt(client, "fout").status_code == 429  # the fifth failure locks
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Even wachten met inloggen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_lockout_is_per_username_and_address(client, beheerder, django_user_model):
    django_user_model.objects.create_user("collega", "collega@example.org", PASSWORD, is_superuser=True)
    for _ in range(5):
        attempt(client, "fout")
    assert attempt(client, PASSWORD, ip="198.51.100.20").status_code == 302  # same user, other address
    client.logout()
    assert attempt(client, PASSWORD, username="collega").status_code == 302  # same address, other user


def test_after_the_cool_off_the_right_password_works_again(client, beheerder):
    from axes.models import AccessAttempt

    for _ in range(5):
        attempt(client, "fout")
    assert attempt(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert attempt(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


# --- Uploads in the admin: Wagtail's caps on size and pixel count --------------------------------------


def _png(width, height):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        # A real PNG header followed by 10.5 MB: Wagtail reads the header, then checks the size.
        ("groot.png", _png(100, 100) + bytes(10_500_000), "Dit bestand is te groot"),
        ("pixels.png", _png(7000, 7000), "(49000000)"),  # 49 million pixels in a few KB
    ],
)
def test_admin_refuses_an_oversized_image_and_stores_nothing(client, beheerder, name, data, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.images import get_image_model

    client.force_login(beheerder)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Te groot", "file": SimpleUploadedFile(name, data, content_type="image/png")},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
