"""Browser tests: Playwright drives Debian's chromium (never `playwright install`).

One live server runs for the whole test run. Each module gets the demo content put back at its start
(``demo_server``), and a test that changed anything in the database, through the browser or directly,
gets it put back after itself, so the next test finds the demo as it was loaded.
"""

import os
import shutil

import pytest

from django.db import connections
from django.db.backends.signals import connection_created

# Playwright's sync API runs an event loop in the test thread; our DB access there is still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (make system-deps).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context.new_page()
    context.close()


class Writes:
    """Notes whether SQL that changes data ran on any connection, in any thread (the live server
    answers each request in a thread of its own)."""

    VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE")

    def __init__(self):
        self.seen = False

    def __call__(self, execute, sql, params, many, context):
        if not self.seen and sql.lstrip()[:8].upper().startswith(self.VERBS):
            self.seen = True
        return execute(sql, params, many, context)

    def watch(self, sender, connection, **kwargs):
        if self not in connection.execute_wrappers:
            connection.execute_wrappers.append(self)


@pytest.fixture(scope="session")
def _live_server(django_db_setup):
    """Django's live server thread, started once; ``demo_server`` is what tests ask for."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def _demo_writes(demo_database, _live_server, django_db_blocker):
    writes = Writes()
    connection_created.connect(writes.watch)
    with django_db_blocker.unblock():  # the test and the server's threads use the database freely
        yield writes
    connection_created.disconnect(writes.watch)
    for connection in connections.all(initialized_only=True):
        if writes in connection.execute_wrappers:
            connection.execute_wrappers.remove(writes)


@pytest.fixture
def demo_server(_demo_writes, _live_server, database_snapshots):
    """The live server with the demo content, as loaded; put back after a test that changed it."""
    _demo_writes.seen = False
    yield _live_server
    if _demo_writes.seen:
        database_snapshots.restore("demo")


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(axe, page):
    """axe's violations on the page as it is now, and the results (for their report). Only violations
    come back in full: axe runs every rule either way, but passes and inapplicable rules are not
    serialised node by node."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = axe.run(page, options=options)
    return results.response["violations"], results


def assert_no_axe_violations(axe, page):
    violations, results = axe_violations(axe, page)
    assert not violations, results.generate_report()
