"""Concurrency: 200 residents send an idea or a talent at the same moment; is every one of them stored?

    .venv/bin/python bench/concurrency.py                 # SQLite: a scratch file in a temporary directory
    .venv/bin/python bench/concurrency.py --postgres      # PostgreSQL: throwaway cluster (.ci/with-postgres)
    .ci/with-postgres .venv/bin/python bench/concurrency.py   # the same; any loopback DATABASE_URL works

Options: ``--people 200`` (half ideas, half talents), ``--keep`` leaves the temporary directory (database,
server log) in place to investigate.

What it does, all on 127.0.0.1 and with a fixed number of requests:

1. A scratch database: a fresh SQLite file in a temporary directory (never ``db.sqlite3``), or a fresh
   database ``bench_concurrency_<random>`` on the loopback PostgreSQL server that ``DATABASE_URL`` points at
   (dropped again at the end). ``manage.py migrate`` runs under the production settings, then
   ``manage.py load_demo`` under ``portal.settings.dev`` against the same ``DATABASE_URL`` so the wijken
   (and their makelaars, who get an e-mail per submission) exist. ``collectstatic`` fills a temporary
   ``STATIC_ROOT``, because production's ``CompressedManifestStaticFilesStorage`` needs the manifest before
   any template with ``{% static %}`` renders.
2. The production server: gunicorn with ``portal.wsgi`` (production settings), (2 x cores) + 1 sync
   workers, on a free port, with ``SECRET_KEY`` (random), ``ALLOWED_HOSTS=127.0.0.1,localhost``,
   ``SECURE_SSL_REDIRECT=0`` (plain http on loopback; production would redirect to https),
   ``MEDIA_ROOT`` in the temporary directory and ``EMAIL_BACKEND`` set to Django's dummy backend (every
   e-mail is still stored in the outbox first; nothing leaves the machine).
   ``PORTAL_CLIENT_IP_HEADER=HTTP_X_REAL_IP``: every simulated person sends its own fake address in an
   ``X-Real-IP`` header, as a reverse proxy would. Without it all 200 people would share 127.0.0.1 and
   the per-IP rate limit (5 POSTs per address per form per 10 minutes, ``portal/spam.py``) would
   answer 429 from the sixth submission on; with it, the limit is exercised per person as in production.
3. 200 people at once, one thread each (a pool of 200 threads; no waves): each GETs the form with its own
   cookie jar, reads the CSRF token, the signed start time (``gestart``) and the choices from the HTML,
   waits until at least ``PORTAL_FORM_MIN_SECONDS`` (3 s) have passed since its form was rendered (all in
   parallel, so it costs 3 s once), then POSTs valid data whose name carries a unique marker
   ("Bench 00042") and follows the redirect to the thank-you page. A submission counts as a success when
   the POST answers 302 to /meedoen/ontvangen/ and that page says "Bedankt!". Every request has a timeout.
   The CSRF cookie is ``Secure`` in production; browsers send it back to http://127.0.0.1 anyway (loopback
   is a secure context), so the script does the same.
4. It counts the rows with the markers straight from the scratch database (sqlite3 or psycopg), not from
   the HTTP answers: a bot-like submission (too fast, no CSRF) would get the same thank-you page while
   nothing is stored.

It prints the inputs tried, the HTTP status counts, the rows expected and stored, the e-mails in the
outbox, the lines in the server log that say "database is locked", other errors, and the elapsed time and
submissions per second. Timings are printed, never asserted. The exit status is 1 when the rows differ,
any answer was a 5xx, the log mentions "database is locked", or any other error happened. The server is
always stopped at the end (its whole process group).

If the production settings do not read ``STATIC_ROOT`` from the environment, the script runs the server
with a one-line settings module in the temporary directory: ``from portal.settings.production import *``
plus that ``STATIC_ROOT``. It says so in its output.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import html.parser
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
MIN_SECONDS = 3  # PORTAL_FORM_MIN_SECONDS in portal/settings/base.py
MARGIN_S = 0.5
TIMEOUT = (10, 90)  # connect, read: no request waits forever
IDEE_URL = "/meedoen/idee/"
TALENT_URL = "/meedoen/talent/"
THANKS_PATH = "/meedoen/ontvangen/"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ERROR_PATTERNS = re.compile(
    r"Traceback \(most recent call last\)|Internal Server Error|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT"
)
LOCKED = "database is locked"
PG_MARKER = "BENCH_CONCURRENCY_PG_CLUSTER"


# --- The scratch database -------------------------------------------------------------------------------


class ScratchSQLite:
    def __init__(self, tmp):
        self.path = Path(tmp) / "bench.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def describe(self):
        return f"SQLite, scratch file {self.path} (WAL, IMMEDIATE transactions, 20 s busy timeout)"

    def create(self):
        pass

    def names(self, table):
        with sqlite3.connect(self.path, timeout=30) as conn:
            return [row[0] for row in conn.execute(f"SELECT naam FROM {table} WHERE naam LIKE 'Bench %'")]  # noqa: S608

    def outbox(self):
        with sqlite3.connect(self.path, timeout=30) as conn:
            return dict(conn.execute("SELECT status, COUNT(*) FROM initiatieven_bericht GROUP BY status"))

    def journal_mode(self):
        with sqlite3.connect(self.path, timeout=30) as conn:
            return conn.execute("PRAGMA journal_mode").fetchone()[0]

    def drop(self):
        pass


class ScratchPostgres:
    def __init__(self, server_url, how):
        parts = urlsplit(server_url)
        self.name = f"bench_concurrency_{secrets.token_hex(4)}"
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self.server = f"{parts.hostname}:{parts.port or 5432}"
        self.how = how

    def describe(self):
        return f"PostgreSQL on {self.server} ({self.how}), scratch database {self.name}"

    def _connect(self, url):
        import psycopg

        return psycopg.connect(url, autocommit=True, connect_timeout=10)

    def create(self):
        with self._connect(self.admin_url) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
            self.version = conn.execute("SHOW server_version").fetchone()[0]

    def names(self, table):
        with self._connect(self.url) as conn:
            return [row[0] for row in conn.execute(f"SELECT naam FROM {table} WHERE naam LIKE 'Bench %%'")]  # noqa: S608

    def outbox(self):
        with self._connect(self.url) as conn:
            return dict(conn.execute("SELECT status, COUNT(*) FROM initiatieven_bericht GROUP BY status"))

    def drop(self):
        with self._connect(self.admin_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# --- Preparing and running the server --------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(args, env, what):
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"{what} failed (exit {result.returncode})")
    print(f"  {what}: {time.perf_counter() - started:.1f} s")


def settings_module(tmp, env):
    """portal.settings.production, or a shim that adds STATIC_ROOT when production does not read it."""
    probe = env | {"DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    code = "from django.conf import settings; print(settings.STATIC_ROOT)"
    out = subprocess.run(
        [PYTHON, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=probe,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode == 0 and out.stdout.strip() == env["STATIC_ROOT"]:
        return "portal.settings.production", "production reads STATIC_ROOT from the environment"
    Path(tmp, "bench_production.py").write_text(
        "import os\n\nfrom portal.settings.production import *  # noqa: F403\n\n"
        'STATIC_ROOT = os.environ["STATIC_ROOT"]\n'
    )
    return "bench_production", (
        "portal.settings.production does not read STATIC_ROOT from the environment (it is "
        "BASE_DIR / 'staticfiles'); using a shim in the temporary directory: production + STATIC_ROOT"
    )


def start_server(env, workers, port, log_path, access_path):
    args = [
        PYTHON,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--no-control-socket",  # gunicorn 27 would otherwise open ~/.gunicorn/gunicorn.ctl, shared by all
        "--access-logfile",
        str(access_path),
    ]
    log = open(log_path, "w")  # noqa: SIM115 (the server writes here until it is stopped)
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    return proc, log


def wait_until_ready(proc, base, log_path, budget_s=120):
    deadline = time.monotonic() + budget_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.stdout.write(Path(log_path).read_text()[-4000:])
            raise SystemExit(f"gunicorn exited with {proc.returncode} before it answered")
        try:
            response = requests.get(base + IDEE_URL, timeout=5, headers={"X-Real-IP": "10.255.255.254"})
            if response.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise SystemExit(f"gunicorn did not answer within {budget_s} s")


def stop_server(proc, log):
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    log.close()


# --- One simulated person --------------------------------------------------------------------------------


class FormParser(html.parser.HTMLParser):
    """The inputs of the page: hidden values by name, and the choices of radio buttons and checkboxes."""

    def __init__(self):
        super().__init__()
        self.hidden, self.choices = {}, collections.defaultdict(list)

    def handle_starttag(self, tag, attrs):
        if tag != "input":
            return
        a = dict(attrs)
        kind, name, value = a.get("type"), a.get("name"), a.get("value") or ""
        if kind == "hidden" and name:
            self.hidden[name] = value
        elif kind in ("radio", "checkbox") and name:
            self.choices[name].append(value)


def idee_data(n, form):
    wijken = form.choices["wijk"]
    return {
        "idee": f"Bench {n:05d}: samen koffie drinken in de hal van de flat.",
        "voor_wie": "Buren",
        "nodig": "Een tafel.",
        "goed_in": "Koffie zetten.",
        "wie_nog": "",
        "wijk": wijken[n % len(wijken)],
        "thema": "",
        "naam": f"Bench {n:05d}",
        "email": f"bench{n:05d}@example.org",
        "telefoon": "",
        "toestemming": "on",
    }


def talent_data(n, form):
    wijken, skills, tijd = form.choices["wijken"], form.choices["vaardigheden"], form.choices["tijd"]
    return {
        "vaardigheden": [skills[n % len(skills)]],
        "iets_anders": "",
        "tijd": tijd[0],
        "dagdelen": ["avond"],
        "wijken": [wijken[n % len(wijken)]],
        "toelichting": f"Bench {n:05d}: ik help graag.",
        "naam": f"Bench {n:05d}",
        "email": "",
        "telefoon": "06 12345678",
        "toestemming": "on",
    }


class Crowd:
    """200 people, each in its own thread: GET the form, wait together until the fill time has passed,
    POST, follow the redirect."""

    def __init__(self, base, people):
        self.base, self.people = base, people
        self.ready = threading.Barrier(people, timeout=300)
        self.lock = threading.Lock()
        self.form_times = []
        self.post_at = None
        self.statuses = collections.Counter()  # ("GET"/"POST", status or "no answer")
        self.results = {}

    def record(self, method, status):
        with self.lock:
            self.statuses[(method, status)] += 1

    def person(self, n):
        try:
            return self._person(n)
        except Exception as error:  # a bug here must show in the figures, not end the other threads
            return n, {
                "kind": "idee" if n % 2 == 0 else "talent",
                "ok": False,
                "post_s": None,
                "error": f"bench error: {type(error).__name__}: {error}",
            }

    def _person(self, n):
        kind = "idee" if n % 2 == 0 else "talent"
        url = self.base + (IDEE_URL if kind == "idee" else TALENT_URL)
        session = requests.Session()
        session.headers.update({"X-Real-IP": f"10.77.{n // 250}.{n % 250 + 1}", "Accept-Language": "nl"})
        result = {"kind": kind, "ok": False, "error": None, "post_s": None}
        form = None
        try:
            response = session.get(url, timeout=TIMEOUT)
            self.record("GET", response.status_code)
            if response.status_code == 200:
                form = FormParser()
                form.feed(response.text)
                for cookie in session.cookies:  # loopback: the browser sends the Secure cookie back
                    cookie.secure = False
                with self.lock:
                    self.form_times.append(time.monotonic())
            else:
                result["error"] = f"form GET answered {response.status_code}"
        except requests.RequestException as error:
            self.record("GET", "no answer")
            result["error"] = f"form GET: {type(error).__name__}"
        try:
            self.ready.wait()
        except threading.BrokenBarrierError:
            result["error"] = result["error"] or "barrier broken"
        if form is None or result["error"]:
            return n, result
        with self.lock:
            if self.post_at is None:
                self.post_at = max(self.form_times) + MIN_SECONDS + MARGIN_S
        time.sleep(max(0.0, self.post_at - time.monotonic()))

        data = (idee_data if kind == "idee" else talent_data)(n, form)
        data |= {
            "csrfmiddlewaretoken": form.hidden.get("csrfmiddlewaretoken", ""),
            "gestart": form.hidden.get("gestart", ""),
            "website": "",
        }
        started = time.monotonic()
        try:
            response = session.post(
                url, data=data, timeout=TIMEOUT, allow_redirects=False, headers={"Referer": url}
            )
            result["post_s"] = time.monotonic() - started
            result["post_done"] = time.monotonic()
            self.record("POST", response.status_code)
            location = response.headers.get("Location", "")
            if response.status_code != 302 or urlsplit(location).path != THANKS_PATH:
                result["error"] = f"POST answered {response.status_code} {location[:60]}".strip()
                result["status"] = response.status_code
                return n, result
            thanks = session.get(urljoin(url, location), timeout=TIMEOUT)
            self.record("GET", thanks.status_code)
            if thanks.status_code == 200 and "Bedankt!" in thanks.text:
                result["ok"] = True
            else:
                result["error"] = f"thank-you page answered {thanks.status_code}"
        except requests.RequestException as error:
            self.record("POST" if result["post_s"] is None else "GET", "no answer")
            result["error"] = f"POST or thank-you page: {type(error).__name__}"
        return n, result

    def run(self):
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.people) as pool:
            for n, result in pool.map(self.person, range(self.people)):
                self.results[n] = result
        self.started, self.finished = started, time.monotonic()


# --- Report ----------------------------------------------------------------------------------------------


def by_class(statuses, method=None):
    counts = collections.Counter()
    for (m, status), count in statuses.items():
        if method and m != method:
            continue
        counts["no answer" if status == "no answer" else f"{str(status)[0]}xx"] += count
    order = ["2xx", "3xx", "4xx", "5xx", "no answer"]
    return ", ".join(f"{key} {counts[key]}" for key in order), counts


def access_log_posts(path):
    counts = collections.Counter()
    for line in Path(path).read_text(errors="replace").splitlines():
        match = re.search(r'"POST (\S+) HTTP/[\d.]+" (\d{3})', line)
        if match:
            counts[match.group(2)] += 1
    return dict(sorted(counts.items()))


def scan_log(path):
    text = Path(path).read_text(errors="replace")
    lines = text.splitlines()
    locked = [line for line in lines if LOCKED in line.lower()]
    errors = [line for line in lines if ERROR_PATTERNS.search(line) and LOCKED not in line.lower()]
    return locked, errors, lines


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--people", type=int, default=200, help="simultaneous submissions (default 200)")
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL cluster")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if not 2 <= args.people <= 1000:
        parser.error("--people must be between 2 and 1000")

    if args.postgres and not os.environ.get(PG_MARKER):
        # Start the cluster exactly as the test suite does, and come back in here with DATABASE_URL set.
        wrapper = ROOT / ".ci" / "with-postgres"
        env = os.environ | {PG_MARKER: "1"}
        return subprocess.run(
            [str(wrapper), PYTHON, __file__, *sys.argv[1:]], env=env, check=False
        ).returncode

    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://"))
    if postgres and urlsplit(url).hostname not in LOOPBACK:
        raise SystemExit(f"DATABASE_URL must point at a loopback server, not {urlsplit(url).hostname!r}")
    tmp = tempfile.mkdtemp(prefix="bench-concurrency-")
    if postgres:
        marker = os.environ.get(PG_MARKER)
        how = "cluster started by --postgres via .ci/with-postgres" if marker else "server from DATABASE_URL"
        db = ScratchPostgres(url, how)
    else:
        if url:
            print(f"Ignoring DATABASE_URL={url!r}: the SQLite run always uses a scratch file.")
        db = ScratchSQLite(tmp)

    cores = os.cpu_count() or 1
    workers = 2 * cores + 1
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", PG_MARKER}}
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": db.url,
        "SECURE_SSL_REDIRECT": "0",
        "PORTAL_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "MEDIA_ROOT": str(Path(tmp) / "media"),
        "STATIC_ROOT": str(Path(tmp) / "static"),
        "PYTHONPATH": os.pathsep.join([tmp, str(ROOT)]),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)  # the cache stays per worker: local and nothing shared with anyone else
    log_path, access_path = Path(tmp) / "server.log", Path(tmp) / "access.log"
    proc = log = None
    created = False
    failed = True
    try:
        print(f"Database: {db.describe()}")
        db.create()
        created = True
        module, why = settings_module(tmp, env)
        env["DJANGO_SETTINGS_MODULE"] = module
        print(f"Settings: {module} ({why})")
        print("Preparing:")
        manage = [PYTHON, "manage.py"]
        run([*manage, "migrate", "--noinput", "-v", "0"], env, f"migrate ({module})")
        run(
            [*manage, "load_demo"],
            env | {"DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
            "load_demo (portal.settings.dev)",
        )
        run([*manage, "collectstatic", "--noinput", "-v", "0"], env, "collectstatic (temporary STATIC_ROOT)")
        if isinstance(db, ScratchPostgres):
            print(f"  PostgreSQL server version: {db.version}")
        else:
            print(f"  journal_mode after migrate: {db.journal_mode()}")

        port = free_port()
        base = f"http://{HOST}:{port}"
        proc, log = start_server(env, workers, port, log_path, access_path)
        print(f"Server: gunicorn portal.wsgi, {workers} sync workers ((2 x {cores} cores) + 1) on {base}")
        wait_until_ready(proc, base, log_path)

        crowd = Crowd(base, args.people)
        print(
            f"Crowd: {args.people} people in a pool of {args.people} threads, all at once (no waves), "
            f"each with its own cookies and X-Real-IP; wait {MIN_SECONDS} s + {MARGIN_S} s after the forms"
        )
        crowd.run()
        stop_server(proc, log)
        proc = None

        results = crowd.results
        expected = {
            kind: {f"Bench {n:05d}" for n, r in results.items() if r["kind"] == kind}
            for kind in ("idee", "talent")
        }
        stored = {"idee": db.names("initiatieven_idee"), "talent": db.names("initiatieven_talent")}
        outbox = db.outbox()
        locked, log_errors, _lines = scan_log(log_path)
        ok = sum(r["ok"] for r in results.values())
        client_errors = collections.Counter(r["error"] for r in results.values() if r["error"])
        post_s = [r["post_s"] for r in results.values() if r["post_s"] is not None]
        post_done = [r["post_done"] for r in results.values() if r.get("post_done")]
        all_text, all_counts = by_class(crowd.statuses)
        post_text, post_counts = by_class(crowd.statuses, "POST")

        print()
        print("Results")
        print(
            f"  inputs tried:        {args.people} submissions ({len(expected['idee'])} ideas to {IDEE_URL}, "
            f"{len(expected['talent'])} talents to {TALENT_URL}), {args.people} distinct X-Real-IP addresses"
        )
        print(f"  HTTP status (POSTs): {post_text}")
        print(f"  HTTP status (all):   {all_text}  (form GET, POST, thank-you GET)")
        print(f"  server access log:   POST statuses {access_log_posts(access_path)}")
        print(f"  thank-you page seen: {ok} of {args.people}")
        rows_ok = True
        for kind, table in (("idee", "initiatieven_idee"), ("talent", "initiatieven_talent")):
            names = stored[kind]
            missing = expected[kind] - set(names)
            duplicates = len(names) - len(set(names))
            rows_ok &= not missing and duplicates == 0 and set(names) == expected[kind]
            print(
                f"  rows {kind:<7}         expected {len(expected[kind])}, stored {len(names)} ({table}; "
                f"missing {len(missing)}, duplicates {duplicates})"
            )
        total_stored = len(stored["idee"]) + len(stored["talent"])
        print(f"  rows total:          expected {args.people}, stored {total_stored}")
        print(f"  e-mails in outbox:   {dict(sorted(outbox.items()))} (makelaar notices; dummy mail backend)")
        print(f"  'database is locked' in server log: {len(locked)} lines")
        other = len(log_errors) + sum(client_errors.values())
        print(
            f"  other errors:        {other} ({len(log_errors)} error lines in the server log, "
            f"{sum(client_errors.values())} people without a thank-you page)"
        )
        for message, count in client_errors.most_common(5):
            print(f"    {count} x {message}")
        for line in (locked + log_errors)[:10]:
            print(f"    log: {line[:160]}")
        if crowd.post_at and post_done:
            window = max(post_done) - crowd.post_at
            print(
                f"  elapsed:             {crowd.finished - crowd.started:.1f} s in all "
                f"(forms, the {MIN_SECONDS} s wait, POSTs, thank-you pages)"
            )
            get_s = max(crowd.form_times) - crowd.started
            print(f"  GET phase:           {get_s:.1f} s for {len(crowd.form_times)} forms requested at once")
            print(
                f"  POST phase:          {window:.2f} s from the common start to the last answer: "
                f"{len(post_done) / window:.1f} submissions/s"
            )
            print(
                f"  POST latency:        median {statistics.median(post_s) * 1000:.0f} ms, "
                f"p90 {percentile(post_s, 0.9) * 1000:.0f} ms, max {max(post_s) * 1000:.0f} ms"
            )
        with contextlib.suppress(OSError):
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"  load average:        {load} (the machine is shared)")
        failed = (
            not rows_ok
            or post_counts["5xx"] > 0
            or all_counts["5xx"] > 0
            or bool(locked)
            or other > 0
            or ok != args.people
        )
        print(f"Verdict: {'FAIL' if failed else 'OK'} (timings are figures only, never a verdict)")
    finally:
        if proc is not None:
            stop_server(proc, log)
        if created:
            db.drop()
        if args.keep:
            print(f"Kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
