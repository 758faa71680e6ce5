"""What the settings make the portal do: production answers only its own hosts and never with the debug
page, delivers mail to the SMTP server it is given, uses the database, cache and caching proxy the
environment names; SQLite queues writers instead of failing; times are Amsterdam time; five languages.

The security headers and cookies are in test_security.py. Production runs in a subprocess (its settings
module refuses to load without a SECRET_KEY), with a database and a cache directory of its own.
"""

import datetime as dt
import importlib
import os
import re
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from wagtail.models import Locale

from initiatieven.models import Idee
from portal.models import PortalSettings

from ..factories import WijkFactory

BASE = str(settings.BASE_DIR)


def _run(code, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE, env=full_env, capture_output=True, text=True, timeout=60
    )


SETUP = "import django, os; django.setup(); from django.conf import settings as s; "


@pytest.fixture
def production(tmp_path):
    """The environment of a production process; its database and cache live in ``tmp_path``."""
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "wijk.example.nl,www.wijk.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'productie.sqlite3'}",
        "PORTAL_CACHE_DIR": str(tmp_path / "cache"),
    }


def free_port():
    """A port on loopback that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run(SETUP, DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


# --- Production: hosts, mail, database -------------------------------------------------------------------


def production_module(monkeypatch, **env):
    """portal.settings.production as it comes out of this environment (the settings in force stay)."""
    monkeypatch.setenv("SECRET_KEY", "k" * 60)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(importlib.import_module("portal.settings.production"))


def test_production_answers_only_the_hosts_in_allowed_hosts(client, home, monkeypatch, settings):
    module = production_module(monkeypatch, ALLOWED_HOSTS="wijk.example.nl, www.wijk.example.nl")
    settings.ALLOWED_HOSTS = module.ALLOWED_HOSTS
    for host in ("wijk.example.nl", "www.wijk.example.nl"):
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200, host
    refused = client.get("/", HTTP_HOST="evil.example.com")  # e.g. to poison a password-reset link
    assert refused.status_code == 400
    assert "<title>Dit kunnen we niet verwerken | Huis van de Wijk</title>" in refused.content.decode()


class FakeSmtpServer(threading.Thread):
    """Just enough SMTP to take one message; keeps every line it was sent."""

    def __init__(self):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.lines = []

    def run(self):
        conn, _address = self.listener.accept()
        with conn, conn.makefile("rb") as incoming:

            def reply(text):
                conn.sendall(text.encode() + b"\r\n")

            reply("220 proef ESMTP")
            in_data = False
            for raw in incoming:
                line = raw.decode().rstrip("\r\n")
                self.lines.append(line)
                if in_data:
                    if line == ".":
                        in_data = False
                        reply("250 opgeslagen")
                    continue
                command = line[:4].upper()
                if command == "DATA":
                    in_data = True
                    reply("354 ga je gang")
                elif command == "QUIT":
                    reply("221 dag")
                    break
                else:
                    reply("250 ok")
        self.listener.close()


def test_production_delivers_mail_to_the_smtp_server_in_email_host_and_email_port(production):
    server = FakeSmtpServer()
    server.start()
    code = SETUP + (
        "from django.core.mail import EmailMessage, get_connection\n"
        "message = EmailMessage('Proef', 'Hallo', 'noreply@example.nl', ['bewoner@example.org'])\n"
        "print(get_connection(s.PORTAL_DELIVERY_EMAIL_BACKEND).send_messages([message]))"
    )
    result = _run(code, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(server.port), **production)
    server.join(timeout=10)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1"]
    assert "rcpt to:<bewoner@example.org>" in [line.lower() for line in server.lines]
    assert "Subject: Proef" in server.lines and "Hallo" in server.lines


def test_production_connects_to_the_database_in_database_url(production):
    port = free_port()
    code = SETUP + (
        "from django.db import connection\n"
        "try:\n"
        "    connection.ensure_connection()\n"
        "except Exception as error:\n"
        "    print(connection.vendor, type(error).__name__, str(error).splitlines()[0])"
    )
    result = _run(code, **{**production, "DATABASE_URL": f"postgres://wijk:geheim@127.0.0.1:{port}/wijk"})
    assert result.returncode == 0, result.stderr
    vendor, error, message = result.stdout.strip().split(" ", 2)
    assert (vendor, error) == ("postgresql", "OperationalError")  # it really tried PostgreSQL there
    assert f'"127.0.0.1", port {port} failed' in message


def test_production_serves_static_files_under_hashed_names_with_compressed_copies(production, tmp_path):
    env = {**production, "STATIC_ROOT": str(tmp_path / "static")}
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE,
        env={**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stderr
    code = SETUP + "from django.templatetags.static import static; print(static('css/portal.css'))"
    result = _run(code, **env)
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert re.fullmatch(r"/static/css/portal\.[0-9a-f]{12}\.css", url), url  # a new name for new content
    hashed = tmp_path / "static" / url.removeprefix("/static/")
    assert hashed.read_bytes() == (settings.BASE_DIR / "static" / "css" / "portal.css").read_bytes()
    assert hashed.with_name(hashed.name + ".gz").exists()  # whitenoise sends it compressed


# --- SQLite: WAL, writers that wait, transactions that take the write lock at once ----------------------

# Run with the dev settings on a new SQLite file; "other" is a plain sqlite3 connection to the same file
# that does not wait for locks (another process, say a second gunicorn worker).
SQLITE_START = """
import sqlite3, threading, time
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE t (x)")
path = connection.settings_dict["NAME"]
other = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
print("journal_mode", other.execute("PRAGMA journal_mode").fetchone()[0])
"""
WRITER_WAITS = """
other.execute("BEGIN IMMEDIATE")  # the other process is writing...
threading.Timer(1.0, other.rollback).start()  # ...for a second
start = time.monotonic()
with transaction.atomic():
    connection.cursor().execute("INSERT INTO t VALUES (1)")
print("waited", round(time.monotonic() - start, 1) >= 0.9)
print("rows", other.execute("SELECT count(*) FROM t").fetchone()[0])
"""
LOCK_AT_BEGIN = """
with transaction.atomic():
    connection.cursor().execute("SELECT count(*) FROM t")  # only read so far
    try:
        other.execute("BEGIN IMMEDIATE")
        print("other writer", "got in")
    except sqlite3.OperationalError as error:
        print("other writer", error)
"""


def run_on_dev_sqlite(tmp_path, code):
    return _run(
        SETUP + SQLITE_START + code,
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'dev.sqlite3'}",
    )


def test_the_default_database_is_sqlite_in_wal_mode_and_a_writer_waits_for_the_lock(tmp_path):
    result = run_on_dev_sqlite(tmp_path, WRITER_WAITS)
    assert result.returncode == 0, result.stderr
    # WAL is a property of the file, so the plain sqlite3 connection sees it too. The write waited for
    # the other writer (the timeout) instead of failing with "database is locked".
    assert result.stdout.splitlines() == ["journal_mode wal", "waited True", "rows 1"]


def test_a_sqlite_transaction_takes_the_write_lock_when_it_begins(tmp_path):
    """IMMEDIATE: a transaction that reads first and writes later cannot be overtaken by another writer
    (and then fail half-way); the other writer has to wait instead."""
    result = run_on_dev_sqlite(tmp_path, LOCK_AT_BEGIN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["journal_mode wal", "other writer database is locked"]


@pytest.mark.django_db
def test_sqlite_test_database_really_runs_in_wal_mode():
    if connection.vendor != "sqlite":
        pytest.skip("WAL is a SQLite setting; this run uses PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


# --- Time zone and languages -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_times_are_shown_in_amsterdam_time_in_winter_and_in_summer(client, admin_user):
    wijk = WijkFactory(naam="Schalkwijk")
    for moment in (
        dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.UTC),
    ):
        idee = Idee.objects.create(wijk=wijk, idee="Een bankje", naam="Ans", email="ans@example.org")
        Idee.objects.filter(pk=idee.pk).update(aangemaakt_op=moment)
    client.force_login(admin_user)
    html = client.get(reverse("ideeen:index")).content.decode()
    assert "15 januari 2026 10:30" in html  # CET: UTC+1
    assert "1 juli 2026 10:30" in html  # CEST: UTC+2


def test_the_admin_offers_exactly_the_five_content_languages(client, admin_user, home):
    client.force_login(admin_user)
    html = client.get("/admin/locales/new/").content.decode()
    offered = [
        code for code in ("nl", "en", "tr", "ar", "pl", "de", "fr") if f'<option value="{code}"' in html
    ]
    assert offered == ["en", "tr", "ar", "pl"]  # Dutch is there already
    response = client.post("/admin/locales/new/", {"language_code": "de"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze. de is geen beschikbare keuze." in response.content.decode()
    assert list(Locale.objects.values_list("language_code", flat=True)) == ["nl"]


def test_a_visitor_gets_dutch_whatever_the_browser_asks_and_other_languages_have_no_pages(client, home):
    for accept in ("de", "en", "ar"):  # the unprefixed URLs are Dutch, whatever the browser prefers
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
        assert response.status_code == 200
        assert '<html lang="nl" dir="ltr">' in response.content.decode(), accept
    for code in ("de", "fr"):  # not one of the five: no /de/ site
        assert client.get(f"/{code}/").status_code == 404


def test_dutch_has_no_prefix_and_english_lives_under_en(client, home):
    nl = client.get("/")
    en = client.get("/en/")
    assert nl.status_code == en.status_code == 200
    assert '<html lang="nl"' in nl.content.decode()
    assert '<html lang="en"' in en.content.decode()
    assert client.get("/nl/").status_code == 404


# --- Production: the shared cache and a caching proxy ----------------------------------------------------


def test_production_workers_share_one_file_cache(production, tmp_path):
    first = _run(
        SETUP + "from django.core.cache import caches; caches['default'].set('generatie', 7, 60); "
        "caches['pages'].set('pagina', 'html', 60); print(os.getpid())",
        **production,
    )
    assert first.returncode == 0, first.stderr
    second = _run(
        SETUP + "from django.core.cache import caches; "
        "print(os.getpid(), caches['default'].get('generatie'), caches['pages'].get('pagina'))",
        **production,
    )
    assert second.returncode == 0, second.stderr
    pid, generatie, pagina = second.stdout.split()
    assert pid != first.stdout.strip()  # another process...
    assert (generatie, pagina) == ("7", "html")  # ...sees what the first one stored
    assert list((tmp_path / "cache" / "default").glob("*.djcache"))
    assert list((tmp_path / "cache" / "pages").glob("*.djcache"))


def test_with_redis_url_both_caches_are_that_redis_server(production):
    port = free_port()
    code = SETUP + (
        "from django.core.cache import caches\n"
        "for alias in ('default', 'pages'):\n"
        "    try:\n"
        "        caches[alias].set('k', 1)\n"
        "        print(alias, 'stored')\n"
        "    except Exception as error:\n"
        "        print(alias, type(error).__module__, type(error).__name__, f':{port}' in str(error))"
    ).replace("{port}", str(port))
    result = _run(code, REDIS_URL=f"redis://127.0.0.1:{port}/1", **production)
    assert result.returncode == 0, result.stderr
    # Nothing listens there: each cache fails to reach that Redis server, never falls back to memory.
    assert result.stdout.splitlines() == [
        "default redis.exceptions ConnectionError True",
        "pages redis.exceptions ConnectionError True",
    ]


class PurgeRecorder(BaseHTTPRequestHandler):
    purges = []

    def do_PURGE(self):
        self.purges.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_caching_proxy_in_front_gets_wagtails_purges(production):
    PurgeRecorder.purges = []
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    code = SETUP + (
        "from wagtail.contrib.frontend_cache.utils import purge_url_from_cache\n"
        "purge_url_from_cache('https://wijk.example.nl/agenda/koffie-ochtend/')"
    )
    try:
        with_proxy = _run(
            code, PORTAL_FRONTEND_CACHE_URL=f"http://127.0.0.1:{proxy.server_port}", **production
        )
        without = _run(code, **production)
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert with_proxy.returncode == 0 and without.returncode == 0, with_proxy.stderr + without.stderr
    assert PurgeRecorder.purges == [("/agenda/koffie-ochtend/", "wijk.example.nl")]  # once: not without


def test_with_a_proxy_in_front_public_pages_say_how_long_it_may_keep_them(
    client, home, admin_user, monkeypatch, settings
):
    module = production_module(monkeypatch, PORTAL_PROXY_CACHE_SECONDS="60")
    settings.PORTAL_PROXY_CACHE_SECONDS = module.PORTAL_PROXY_CACHE_SECONDS
    settings.PORTAL_PAGE_CACHE = True
    PortalSettings.for_site(home.get_site())  # made on the first request otherwise, which is a change
    caches["pages"].clear()

    def directives(response):
        return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}

    miss, hit = client.get("/"), client.get("/")
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert directives(miss) == directives(hit) == {"public", "max-age=0", "s-maxage=60"}
    client.force_login(admin_user)  # someone logged in: never kept by the proxy
    assert "s-maxage=60" not in directives(client.get("/"))
