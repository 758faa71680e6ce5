"""Fixtures every test module shares: the test database's snapshots and the demo content built once.

How the database is shared (the README's "Tests" section says the same in words):

- pytest-django creates the test database once per worker and migrates it. Right after, its state is
  kept as the snapshot ``migrated``: a copy of the SQLite file, or a PostgreSQL database made from it
  with ``CREATE DATABASE ... TEMPLATE``.
- The demo content is loaded once per worker, the first time a test asks for it, and kept as the
  snapshot ``demo``. A module that works on the demo (``demo`` or ``demo_database``) gets it put back
  at its start, in well under a second, and the ``migrated`` state back at its end.
- Ordinary tests (``db``) run in a transaction that is rolled back, as pytest-django does. A test that
  commits (``transactional_db``, the browser tests' live server) leaves the database as it found it:
  after the test, the snapshot its module started from is put back, so Wagtail's root page, locale and
  collection are never missing for the next test, in whatever order or worker it runs.
"""

import sqlite3
from pathlib import Path

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.utils import translation

from wagtail.models import Page, Site

from .factories import HomePageFactory


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


def pytest_collection_modifyitems(items):
    """Two rules that keep tests independent of their order:

    - a commit needs the snapshot put back afterwards, which only the fixtures do: the marker
      ``django_db(transaction=True)`` alone would leave a flushed database behind;
    - the demo stays in the database from a module's first demo test to its end, so a module works on
      the demo in every test or in none.
    """
    on_demo = {}
    for item in items:
        marker = item.get_closest_marker("django_db")
        wants_commits = marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
        if wants_commits and "transactional_db" not in item.fixturenames:
            raise pytest.UsageError(f"{item.nodeid}: ask for the transactional_db fixture instead")
        on_demo.setdefault(item.module.__name__, set()).add("demo_database" in item.fixturenames)
    mixed = sorted(name for name, kinds in on_demo.items() if len(kinds) > 1)
    if mixed:
        raise pytest.UsageError(f"these modules mix tests on the demo with others: {', '.join(mixed)}")


SNAPSHOTS = pytest.StashKey()  # the session's Snapshots, for the teardown hook below


class Snapshots:
    """Named copies of the test database, taken and put back whole."""

    def __init__(self):
        self.settings = connection.settings_dict
        self.vendor = connection.vendor
        self.taken = set()
        # What the database is put back to after a test that committed: "migrated", or "demo" inside
        # a module that works on the demo.
        self.baseline = "migrated"

    def _sqlite_path(self, name):
        return f"{self.settings['NAME']}.{name}"

    def _pg_name(self, name):
        return f"{self.settings['NAME']}_{name}"

    def _pg_admin(self, *statements):
        """Run statements on the server's maintenance database (CREATE DATABASE cannot run inside one)."""
        with connection._nodb_cursor() as cursor:
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, None)
                cursor.execute(sql, params)

    @staticmethod
    def _sqlite_copy(source, target):
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        src.close()
        dst.close()

    def end_other_sessions(self):
        """PostgreSQL: end every session on the test database (the live server's threads keep theirs
        for CONN_MAX_AGE), as a template or a database to drop must have none."""
        connections.close_all()
        self._pg_admin(
            (
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.settings["NAME"]],
            )
        )

    def take(self, name):
        connections.close_all()
        if self.vendor == "sqlite":
            self._sqlite_copy(self.settings["NAME"], self._sqlite_path(name))
        else:
            self.end_other_sessions()
            self._pg_admin(
                f'DROP DATABASE IF EXISTS "{self._pg_name(name)}"',
                f'CREATE DATABASE "{self._pg_name(name)}" TEMPLATE "{self.settings["NAME"]}" '
                "STRATEGY FILE_COPY",
            )
        self.taken.add(name)

    def restore(self, name=None):
        """Put snapshot ``name`` (default: the baseline) back as the test database."""
        name = name or self.baseline
        connections.close_all()
        if self.vendor == "sqlite":
            self._sqlite_copy(self._sqlite_path(name), self.settings["NAME"])
        else:
            database = self.settings["NAME"]
            self._pg_admin(
                f'DROP DATABASE "{database}" WITH (FORCE)',
                f'CREATE DATABASE "{database}" TEMPLATE "{self._pg_name(name)}" STRATEGY FILE_COPY',
            )
        for cache in caches.all():
            cache.clear()

    def drop_all(self):
        connections.close_all()
        for name in self.taken:
            if self.vendor == "sqlite":
                Path(self._sqlite_path(name)).unlink(missing_ok=True)
            else:
                self._pg_admin(f'DROP DATABASE IF EXISTS "{self._pg_name(name)}" WITH (FORCE)')


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's, except that the default database is always created: the browser tests reach it
    through the live server, without asking for ``db`` (which pytest-django looks for)."""
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":  # threads of the live server may still hold a session
            Snapshots().end_other_sessions()
        teardown_databases(config, verbosity=verbosity)


@pytest.fixture(scope="session", autouse=True)
def database_snapshots(request, django_db_setup, django_db_blocker):
    """The snapshot manager, with ``migrated`` taken before the worker's first test. Before any test, not
    only before the first that commits: on PostgreSQL a rolled-back insert still uses up its sequence
    value, and the demo built from ``migrated`` must get the same ids in every worker and every order
    (tests/urls_recorded.txt names pages by id)."""
    with django_db_blocker.unblock():
        snapshots = Snapshots()
        snapshots.take("migrated")
    request.config.stash[SNAPSHOTS] = snapshots
    yield snapshots
    del request.config.stash[SNAPSHOTS]
    with django_db_blocker.unblock():
        snapshots.drop_all()


class Demo:
    """What loading the demo left behind besides the database: the e-mails it sent."""

    def __init__(self, mails):
        self.mails = mails


@pytest.fixture(scope="session")
def demo_snapshot(database_snapshots, django_db_blocker):
    """The demo content, loaded once per worker into the ``demo`` snapshot."""
    from django.core import mail

    with django_db_blocker.unblock():
        database_snapshots.restore("migrated")
        mail.outbox = []
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        demo = Demo(mails=list(mail.outbox))
        database_snapshots.take("demo")
        database_snapshots.restore(database_snapshots.baseline)
    return demo


@pytest.fixture(scope="module")
def demo_database(demo_snapshot, database_snapshots, django_db_blocker):
    """The demo content for the whole module: put back at its start, gone again at its end. Each test
    still runs in its own rolled-back transaction when it asks for ``db`` (or ``demo``)."""
    with django_db_blocker.unblock():
        database_snapshots.restore("demo")
        database_snapshots.baseline = "demo"
    yield demo_snapshot
    with django_db_blocker.unblock():
        database_snapshots.baseline = "migrated"
        database_snapshots.restore("migrated")


@pytest.fixture
def demo(demo_database, db):
    """The demo content, in a transaction rolled back after the test."""
    return demo_database


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that committed, and after all its fixtures (pytest-django's flush among them), put
    back the snapshot its module started from."""
    result = yield
    snapshots = item.config.stash.get(SNAPSHOTS, None)
    if nextitem is not None and snapshots is not None and "transactional_db" in item.fixturenames:
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            snapshots.restore()
    return result


@pytest.fixture(autouse=True)
def _dutch():
    """Every test starts in Dutch. A request under /ar/ or /en/ leaves its language active in the thread
    afterwards (LocaleMiddleware does not switch back), which would otherwise carry into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: the forms' rate limit and the agenda's cached counts live
    there, and would otherwise carry over from whichever test ran before."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def transactional_db(database_snapshots, transactional_db):
    """pytest-django's ``transactional_db``; the snapshot is put back after the test (see above)."""
    return transactional_db


@pytest.fixture
def home(db):
    """A site whose root is a fresh HomePage (Wagtail's 'Welcome' page removed)."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def db_vendor():
    return connection.vendor
