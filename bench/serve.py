"""Production serving: gunicorn with N activities, wrk against a bare view, the main pages and a static file.

    .venv/bin/python bench/serve.py [--n 10000] [--duration 20] [--connections 16]
    .venv/bin/python bench/serve.py --n 500 --duration 5    # a quick run
    .venv/bin/python bench/serve.py --redis                  # the page cache in Redis (redis-server)
    .venv/bin/python bench/serve.py --no-page-cache          # PORTAL_PAGE_CACHE=0: every request renders

What it does, all on 127.0.0.1:

1. A scratch SQLite file in a temporary directory (never ``db.sqlite3``), migrated under the production
   settings. Then the site is built as ``bench/agenda.py`` builds it (site tree, taxonomy, places, the agenda
   and N activities with mixed schedules, inserted in bulk), the demo content is loaded on top
   (``load_demo``: home page, wijk pages, organisations, demo activities, initiatives with photos) and the
   occurrence table is rebuilt (``rebuild_all``). The build time is printed; it is not a measured figure.
2. ``collectstatic`` into a temporary ``STATIC_ROOT``: whitenoise's compressed, hashed files.
3. The production server: gunicorn with ``portal.wsgi``, (2 x cores) + 1 sync workers, production settings
   (``DEBUG`` off) with a random ``SECRET_KEY``, ``SECURE_SSL_REDIRECT=0`` (plain http on loopback), no
   ``REDIS_URL`` unless ``--redis``. The settings are a two-line shim in the temporary directory that only
   swaps ``ROOT_URLCONF`` for one that adds ``/bench/bare/`` (a constant ``HttpResponse`` through the same
   middleware stack: the baseline) and ``/media/`` (the uploads, which the reverse proxy serves in
   production) in front of the portal's own URLs. The bare view is never a URL of the portal itself.
4. For each target: a warm-up, then 10 sequential requests that check the status (a 3xx counts as a failure,
   which wrk's "Non-2xx or 3xx" line does not count) and sample the page cache's ``X-Cache`` header, then
   ``wrk`` for ``--duration`` seconds at ``--connections`` connections with ``Accept-Encoding: gzip``, as a
   browser sends it. A small Lua ``done`` script prints requests, p50/p90/p99 latency and the error counts.
   Targets: the bare view, the home page, the agenda, a detail page (a demo activity with a place and an
   organiser), a static file (the hashed ``css/portal.css``, served by whitenoise) and the bare view again;
   the ratios divide by the mean of the two bare runs, so a machine that gets busier halfway shows in the
   two bare rows instead of skewing one page.
5. Uncached pages: 30 sequential requests each to the agenda, the home page and the detail page with a
   query parameter that changes on every request (``?_=<i>``), so the page cache cannot answer; median and
   p90 latency as the client sees it, and how many of them the page cache reported as a miss.
6. Peak RSS (``VmHWM`` in ``/proc/<pid>/status``) of every gunicorn worker, after all runs.

It prints one table (req/s, p50/p99 latency, non-2xx, each page's req/s as a ratio of the bare view) and the
issue's targets with "met" or "MISSED". Timings are figures, never a verdict; the exit status is 1 only when
a request failed (a non-2xx answer, a socket error or timeout). wrk is Debian's ``wrk``; when it is missing
the script installs it with ``apt-get`` (as root) or says how to. ``--keep`` leaves the temporary directory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/serve.py` puts bench/ first, not the project

PYTHON = sys.executable
HOST = "127.0.0.1"
BARE = "/bench/bare/"
SAMPLES = 10  # sequential requests per target that check the status and the X-Cache header
UNCACHED = 30  # sequential requests per page for the uncached latency
TIMEOUT = 30

TARGET_N = 10_000
TARGET_RATIO = 0.5
TARGET_UNCACHED_MS = 50
TARGET_RSS_MB = 200

SETTINGS_SHIM = '''"""bench/serve.py: production settings with the bench's URLconf (the bare view)."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_serve_urls"
'''
URLS_SHIM = '''"""bench/serve.py: the bare baseline view in front of the portal's own URLs, and the uploads
(/media/), which the reverse proxy serves in production."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse(b"ok\\n", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
'''
DONE_LUA = """done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f "
    .. "status=%d connect=%d read=%d write=%d timeout=%d\\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""


# --- Tools -----------------------------------------------------------------------------------------------


def ensure_tool(command, package):
    """The path of a Debian tool, installed with apt-get when it is missing and we are root."""
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit(f"{command} is missing: install it with `apt-get install -y {package}` (as root).")
    print(f"  {command} is missing: apt-get install -y {package}", flush=True)
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    result = subprocess.run(["apt-get", "install", "-y", "-qq", package], check=False, env=env)
    found = shutil.which(command)
    if result.returncode != 0 or not found:
        raise SystemExit(f"Could not install {package}; install it with `apt-get install -y {package}`.")
    return found


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(args, env, what):
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"{what} failed (exit {result.returncode})")
    print(f"  {what}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def stop(proc, log=None):
    if proc is not None and proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    if log is not None:
        log.close()


# --- The build (a child process with Django set up on the scratch database) ------------------------------


def build(n, result_path):
    """Site tree, N bulk activities (bench/agenda.py), the demo content on top, then rebuild_all."""
    from bench import agenda as agenda_bench

    agenda_bench.setup_django(os.environ["DATABASE_URL"])
    import random

    from django.core.management import call_command
    from django.test import override_settings
    from django.utils import timezone

    from wagtail.models import Page

    from activiteiten.demo import data as demo_data
    from activiteiten.models import ActiviteitPage
    from activiteiten.occurrences import rebuild_all
    from home.models import WijkPage
    from initiatieven.models import InitiatiefPage, InitiatievenIndexPage

    result = {}
    today = timezone.localdate()
    started = time.perf_counter()
    agenda = agenda_bench.build_site(random.Random(agenda_bench.SEED), today)
    agenda_bench.create_activities(agenda, n, random.Random(agenda_bench.SEED), today)
    result["activities_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    result["demo_s"] = time.perf_counter() - started
    started = time.perf_counter()
    result["rows"] = rebuild_all()
    result["rebuild_s"] = time.perf_counter() - started
    problems = Page.find_problems()
    if any(problems):
        raise RuntimeError(f"Page.find_problems() reports {problems}")
    slugs = [item["slug"] for item in demo_data.ACTIVITEITEN]
    detail = (
        ActiviteitPage.objects.live()
        .filter(slug__in=slugs, locatie__isnull=False, organisator__isnull=False)
        .order_by("path")
        .first()
    ) or ActiviteitPage.objects.live().order_by("path").first()
    result["detail"] = detail.get_url()
    urls = {  # for bench/weight.py
        "wijk": WijkPage.objects.live().order_by("path").first(),
        "initiatieven": InitiatievenIndexPage.objects.live().first(),
        "initiatief": InitiatiefPage.objects.live().filter(afbeelding__isnull=False).order_by("path").first(),
    }
    result |= {name: page.get_url() for name, page in urls.items() if page is not None}
    result["activities"] = ActiviteitPage.objects.live().count()
    Path(result_path).write_text(json.dumps(result))


# --- The server ------------------------------------------------------------------------------------------


class Portal:
    """A scratch database with N activities and the demo content, static files collected, and gunicorn
    with the production settings on a free loopback port. A context manager: everything it started is
    stopped, and the temporary directory removed unless ``keep``."""

    def __init__(self, n, *, redis=False, page_cache=True, keep=False, workers=None):
        self.n, self.redis, self.page_cache, self.keep = n, redis, page_cache, keep
        self.cores = os.cpu_count() or 1
        self.workers = workers or 2 * self.cores + 1
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        self.proc = self.log = self.redis_proc = None
        self.build = {}

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        stop(self.proc, self.log)
        stop(self.redis_proc)
        self.proc = self.redis_proc = None
        if self.keep:
            print(f"Kept: {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def env(self):
        env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
        env |= {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{self.tmp / 'bench.sqlite3'}",
            "SECURE_SSL_REDIRECT": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "PYTHONPATH": os.pathsep.join([str(self.tmp), str(ROOT)]),
            "PYTHONUNBUFFERED": "1",
            "DJANGO_SETTINGS_MODULE": "bench_serve_settings",
        }
        if not self.page_cache:
            env["PORTAL_PAGE_CACHE"] = "0"
        return env

    def start(self):
        (self.tmp / "bench_serve_settings.py").write_text(SETTINGS_SHIM)
        (self.tmp / "bench_serve_urls.py").write_text(URLS_SHIM)
        env = self.env()
        if self.redis:
            port = free_port()
            server = ensure_tool("redis-server", "redis-server")
            self.redis_proc = subprocess.Popen(
                [server, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
                cwd=self.tmp,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            env["REDIS_URL"] = f"redis://{HOST}:{port}/0"
        self.server_env = env
        print(f"Database: SQLite, scratch file {self.tmp / 'bench.sqlite3'}")
        print("Preparing:")
        manage = [PYTHON, "manage.py"]
        run([*manage, "migrate", "--noinput", "-v", "0"], env, "migrate (production settings)")
        result_path = self.tmp / "build.json"
        started = time.perf_counter()
        run(
            [PYTHON, str(Path(__file__).resolve()), "--build", str(self.n), "--result", str(result_path)],
            env,
            f"build ({self.n:,} bulk activities, load_demo, rebuild_all)",
        )
        self.build = json.loads(result_path.read_text()) | {"build_s": time.perf_counter() - started}
        b = self.build
        print(
            f"    activities {b['activities_s']:.1f} s, load_demo {b['demo_s']:.1f} s, rebuild_all "
            f"{b['rebuild_s']:.1f} s ({b['rows']:,} occurrences); {b['activities']:,} live activities"
        )
        run([*manage, "collectstatic", "--noinput", "-v", "0"], env, "collectstatic (temporary STATIC_ROOT)")
        manifest = json.loads((self.tmp / "static" / "staticfiles.json").read_text())
        self.static = "/static/" + manifest["paths"]["css/portal.css"]

        port = free_port()
        self.base = f"http://{HOST}:{port}"
        args = [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--bind",
            f"{HOST}:{port}",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
            "--no-control-socket",  # gunicorn 27 would otherwise open ~/.gunicorn/gunicorn.ctl, shared by all
        ]
        self.log_path = self.tmp / "server.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 (the server writes here until it is stopped)
        self.proc = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        cache = "Redis (--redis)" if self.redis else "production default (no REDIS_URL)"
        if not self.page_cache:
            cache += ", PORTAL_PAGE_CACHE=0"
        print(
            f"Server: gunicorn portal.wsgi, {self.workers} sync workers ((2 x {self.cores} cores) + 1) on "
            f"{self.base}; production settings + the bench URLconf; cache: {cache}"
        )
        self.wait_until_ready()

    def wait_until_ready(self, budget_s=120):
        deadline = time.monotonic() + budget_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.stdout.write(self.log_path.read_text()[-4000:])
                raise SystemExit(f"gunicorn exited with {self.proc.returncode} before it answered")
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.base + BARE, timeout=5).status_code == 200:
                    return
            time.sleep(0.25)
        raise SystemExit(f"gunicorn did not answer within {budget_s} s")

    def workers_rss(self):
        """(pid, VmHWM MB, VmRSS MB) of every worker: the master's children."""
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        rows = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            hwm = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
            rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
            rows.append((int(pid), hwm, rss))
        return rows

    def errors_in_log(self):
        text = self.log_path.read_text(errors="replace")
        pattern = re.compile(r"Traceback \(most recent call last\)|\[ERROR\]|\[CRITICAL\]|WORKER TIMEOUT")
        return [line for line in text.splitlines() if pattern.search(line)]


# --- Measuring -------------------------------------------------------------------------------------------


def sample(base, path, count=SAMPLES):
    """Statuses, X-Cache values and the body size of ``count`` sequential GETs, without following
    redirects (a 3xx is a failure here)."""
    statuses, caches, size = {}, {}, 0
    with requests.Session() as session:
        session.headers["Accept-Encoding"] = "gzip"
        for _ in range(count):
            response = session.get(base + path, timeout=TIMEOUT, allow_redirects=False)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            value = response.headers.get("X-Cache", "-")
            caches[value] = caches.get(value, 0) + 1
            size = int(response.headers.get("Content-Length") or len(response.content))
    return statuses, caches, size


def uncached(base, path, count=UNCACHED):
    """Median and p90 ms of ``count`` sequential GETs with a new ``?_=`` each, and the X-Cache counts."""
    seconds, caches, statuses = [], {}, {}
    with requests.Session() as session:
        session.get(f"{base}{path}?_=warm", timeout=TIMEOUT)
        for i in range(count):
            start = time.perf_counter()
            response = session.get(f"{base}{path}?_={i}-{secrets.token_hex(4)}", timeout=TIMEOUT)
            seconds.append(time.perf_counter() - start)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            value = response.headers.get("X-Cache", "-")
            caches[value] = caches.get(value, 0) + 1
    ms = sorted(s * 1000 for s in seconds)
    return statistics.median(ms), ms[max(int(0.9 * len(ms)) - 1, 0)], caches, statuses


def run_wrk(wrk, lua, url, duration, connections, threads):
    args = [
        wrk,
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(lua),
        "-H",
        "Accept-Encoding: gzip",
        url,
    ]
    out = subprocess.run(args, capture_output=True, text=True, timeout=duration + 120, check=False)
    match = re.search(r"^BENCH (.*)$", out.stdout, re.MULTILINE)
    if out.returncode != 0 or not match:
        raise SystemExit(f"wrk failed (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")
    figures = {k: int(v) for k, v in (pair.split("=") for pair in match.group(1).split())}
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["socket_errors"] = sum(figures[k] for k in ("connect", "read", "write", "timeout"))
    return figures


def cache_text(caches):
    return ", ".join(f"{k} {v}" for k, v in sorted(caches.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=TARGET_N, help="activities (default 10000)")
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per target (default 20)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--redis", action="store_true", help="start redis-server on loopback for the cache")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="run the server with PORTAL_PAGE_CACHE=0"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build is not None:
        return build(args.build, args.result)
    if args.n < 0 or args.duration < 1 or args.connections < 1:
        parser.error("--n must be 0 or more, --duration and --connections at least 1")

    wrk = ensure_tool("wrk", "wrk")
    failed = False
    with Portal(args.n, redis=args.redis, page_cache=not args.no_page_cache, keep=args.keep) as portal:
        lua = portal.tmp / "done.lua"
        lua.write_text(DONE_LUA)
        targets = [
            ("bare view", BARE),
            ("home", "/"),
            ("agenda", "/agenda/"),
            ("detail", portal.build["detail"]),
            ("static file", portal.static),
            ("bare again", BARE),  # a shared machine drifts: the baseline is the mean of both bare runs
        ]
        threads = max(1, min(args.connections, portal.cores))
        print(
            f"Load: wrk -t {threads} -c {args.connections} -d {args.duration}s, Accept-Encoding: gzip; "
            f"detail page {portal.build['detail']}, static file {portal.static}"
        )
        rows = []
        for name, path in targets:
            sample(portal.base, path, 3)  # warm-up: fills the page cache
            statuses, caches, size = sample(portal.base, path)
            figures = run_wrk(wrk, lua, portal.base + path, args.duration, args.connections, threads)
            after, after_caches, _ = sample(portal.base, path)
            bad = sum(v for k, v in (statuses | after).items() if not 200 <= k < 300)
            rows.append((name, path, figures, statuses, after, caches, after_caches, size, bad))
            print(f"  {name:<12} {figures['rps']:8.0f} req/s  X-Cache {cache_text(after_caches)}", flush=True)

        print("Uncached (sequential, a new ?_= on every request):", flush=True)
        slow = {}
        for name, path in (("agenda", "/agenda/"), ("home", "/"), ("detail", portal.build["detail"])):
            slow[name] = uncached(portal.base, path)
        rss = portal.workers_rss()
        log_errors = portal.errors_in_log()

    bare_rps = statistics.mean(row[2]["rps"] for row in rows if row[1] == BARE)
    print()
    print(
        f"Results: N={args.n:,} bulk activities + the demo content; {portal.workers} workers; "
        f"{args.duration} s x {args.connections} connections per target"
    )
    header = (
        f"  {'target':<12} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>8} "
        f"{'sock err':>8} {'bytes':>7}  X-Cache (10 samples after)"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for name, _path, f, _statuses, _after, _caches, after_caches, size, bad in rows:
        non_2xx = f["status"] + bad
        failed |= non_2xx > 0 or f["socket_errors"] > 0
        print(
            f"  {name:<12} {f['rps']:8.0f} {f['rps'] / bare_rps:6.2f} {f['p50_us'] / 1000:7.1f} "
            f"{f['p99_us'] / 1000:7.1f} {non_2xx:8d} {f['socket_errors']:8d} {size:7d}  "
            f"{cache_text(after_caches)}"
        )
    print("  (non-2xx: wrk's status errors (4xx/5xx) plus any 3xx or other status in the 20 checked samples)")
    print()
    print(f"  {'uncached':<12} {'median ms':>9} {'p90 ms':>7}  X-Cache            statuses")
    for name, (median, p90, caches, statuses) in slow.items():
        failed |= any(not 200 <= k < 300 for k in statuses)
        print(f"  {name:<12} {median:9.1f} {p90:7.1f}  {cache_text(caches):<18} {statuses}")
    print()
    hwm = [row[1] for row in rss]
    print(
        f"  worker peak RSS (VmHWM): max {max(hwm):.0f} MB, median {statistics.median(hwm):.0f} MB "
        f"over {len(rss)} workers ({', '.join(f'{h:.0f}' for h in hwm)} MB)"
    )
    if log_errors:
        failed = True
        print(f"  server log: {len(log_errors)} error lines, e.g. {log_errors[0][:140]}")
    with contextlib.suppress(OSError):
        print(
            f"  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (wrk runs on the same machine)"
        )

    by_name = {row[0]: row for row in rows}
    cache_seen = any("hit" in row[6] for row in rows)
    note = "" if args.n == TARGET_N else f" (this run: N={args.n:,}; the targets are for N={TARGET_N:,})"
    print(f"\nTargets from the issue{note}. Not asserted.")

    def line(label, actual, met):
        print(f"  target  {label:<50} actual {actual:<30} {'met' if met else 'MISSED'}")

    for name in ("home", "agenda"):
        f, hits = by_name[name][2], by_name[name][6]
        ratio = f["rps"] / bare_rps
        text = f"{ratio:.2f} ({f['rps']:.0f}/{bare_rps:.0f}), X-Cache {cache_text(hits)}"
        line(f"cached {name} >= {TARGET_RATIO:.0%} of the bare view's req/s", text, ratio >= TARGET_RATIO)
        non_2xx = f["status"] + by_name[name][8]
        line(f"{name}: 0 non-2xx", str(non_2xx), non_2xx == 0)
    median = slow["agenda"][0]
    line(
        f"uncached agenda median <= {TARGET_UNCACHED_MS} ms", f"{median:.1f} ms", median <= TARGET_UNCACHED_MS
    )
    line(f"worker RSS <= {TARGET_RSS_MB} MB", f"{max(hwm):.0f} MB (peak)", max(hwm) <= TARGET_RSS_MB)
    if not cache_seen:
        print(
            "  note: no response carried X-Cache: hit, so the page cache is not active in this tree (or "
            "PORTAL_PAGE_CACHE=0); the 'cached' rows above rendered every request."
        )
    print(
        f"Verdict: {'FAIL (a request failed)' if failed else 'OK'} "
        "(timings are figures only, never a verdict)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
