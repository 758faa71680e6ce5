import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.db import connection

BASE = str(settings.BASE_DIR)


def _run(code, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE, env=full_env, capture_output=True, text=True, timeout=60
    )


SETUP = "import django, os; django.setup(); from django.conf import settings as s; "


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run(SETUP, DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_settings_read_the_environment():
    result = _run(
        SETUP + "print(s.DEBUG, s.ALLOWED_HOSTS, s.DEMO_USERS_ALLOWED, s.STORAGES['staticfiles']['BACKEND'],"
        " s.EMAIL_HOST, s.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="wijk.example.nl,www.wijk.example.nl",
        EMAIL_HOST="smtp.example.nl",
        DATABASE_URL="postgres://u:p@db.example.nl:5432/wijk",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['wijk.example.nl',",
        "'www.wijk.example.nl']",
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "smtp.example.nl",
        "django.db.backends.postgresql",
    ]


def test_default_database_is_sqlite_with_wal_immediate_and_a_timeout():
    result = _run(
        SETUP + "d = s.DATABASES['default']; print(d['ENGINE'], d['OPTIONS']['transaction_mode'],"
        " d['OPTIONS']['timeout'], 'WAL' in d['OPTIONS']['init_command'])",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", "IMMEDIATE", "20", "True"]


@pytest.mark.django_db
def test_sqlite_test_database_really_runs_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting; this run uses PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_time_zone_and_language():
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["nl", "en", "tr", "ar", "pl"]


def test_dutch_has_no_prefix_and_english_lives_under_en(client, home):
    nl = client.get("/")
    en = client.get("/en/")
    assert nl.status_code == en.status_code == 200
    assert '<html lang="nl"' in nl.content.decode()
    assert '<html lang="en"' in en.content.decode()
    assert client.get("/nl/").status_code == 404


def test_production_workers_share_their_cache_never_a_per_process_one(tmp_path):
    code = SETUP + "print(*sorted((a, c['BACKEND'].rsplit('.', 1)[-1]) for a, c in s.CACHES.items()))"
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 50}
    without_redis = _run(code, PORTAL_CACHE_DIR=str(tmp_path), **env)
    assert without_redis.returncode == 0, without_redis.stderr
    assert without_redis.stdout.split() == [
        "('default',",
        "'FileBasedCache')",
        "('pages',",
        "'FileBasedCache')",
    ]
    with_redis = _run(code, REDIS_URL="redis://127.0.0.1:6379/1", **env)
    assert with_redis.stdout.split() == ["('default',", "'RedisCache')", "('pages',", "'RedisCache')"]


def test_a_caching_proxy_in_front_gets_wagtails_purges_and_a_short_shared_max_age():
    code = SETUP + (
        "from django.test import Client; from wagtail.contrib.frontend_cache.utils import get_backends; "
        "print(type(get_backends()['proxy']).__name__, s.PORTAL_PROXY_CACHE_SECONDS)"
    )
    result = _run(
        code,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 50,
        PORTAL_FRONTEND_CACHE_URL="http://127.0.0.1:8080",
        PORTAL_PROXY_CACHE_SECONDS="60",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["HTTPBackend", "60"]
