"""Fuzzing at scale: 10,000 or more hypothesis-generated inputs per public form, with the counts.

    .venv/bin/python bench/fuzz.py [--examples 10000] [--only idee,talent] [--seed 42]
    .ci/with-postgres .venv/bin/python bench/fuzz.py --examples 2000     # the same on PostgreSQL

It runs the tests of ``tests/portal/test_fuzz.py`` in this process through ``pytest.main``, with:

- ``FUZZ_EXAMPLES`` set to ``--examples`` (per form);
- ``FUZZ_DERANDOMIZE=0``: new inputs on every run, as in ``make test`` (200 per form there), with the
  inputs that failed before replayed first from hypothesis' example database (``.hypothesis/``);
  ``--seed`` makes a run repeatable (hypothesis's ``--hypothesis-seed``);
- ``FUZZ_KEEP_GOING=1``: a broken rule is counted and the test carries on, so every input is tried and
  counted (the tests themselves stop at the first one and shrink it);
- the test settings (``portal.settings.test``) on a throwaway database: a SQLite file in a temporary
  directory (never ``db.sqlite3`` or the tests' default file), or, when ``DATABASE_URL`` points at
  PostgreSQL, the ``test_...`` database pytest-django creates and drops next to it.

The strategies and the rule are those of ``tests/fuzzing.py``; its counters (``COUNTS``) are read after
pytest returns. Per form the table shows the inputs tried, how many were accepted (stored, sent, or a
page without a message), rejected with a Dutch message at the field, refused with the Dutch 400 page,
dropped silently as a bot (honeypot or start time), answered 404 (an unknown page or id), and the
problems: 5xx, unescaped payloads, English or missing messages, input lost from the form, and anything
else (a 429 means the test gave no address of its own). Then the first few problems of each form and
the time per form. Timings are printed, never asserted; the load average is printed with them.

The exit status is 1 when any form had a problem, a 5xx above all.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_FILE = "tests/portal/test_fuzz.py"

# Form (as in tests.fuzzing.TARGETS) -> its test.
TESTS = {
    "idee": "test_idee_form_survives_hostile_input",
    "talent": "test_talent_form_survives_hostile_input",
    "activiteit": "test_activity_proposal_survives_hostile_input",
    "initiatief": "test_initiative_proposal_survives_hostile_input",
    "nieuwe_link": "test_new_link_form_survives_hostile_input",
    "wijzigen": "test_edit_link_form_survives_hostile_input",
    "bewerken": "test_cancel_and_stop_forms_behind_the_edit_link_survive_hostile_input",
    "bericht": "test_contact_form_of_an_initiative_survives_hostile_input",
    "agenda": "test_agenda_filters_survive_hostile_input",
    "zoeken": "test_search_survives_hostile_input",
    "verwijzen": "test_finder_survives_hostile_input",
    "briefje": "test_slips_posters_and_the_counter_survive_hostile_input",
    "hsds": "test_hsds_api_survives_hostile_input",
}
URLS = {
    "idee": "POST /meedoen/idee/",
    "talent": "POST /meedoen/talent/",
    "activiteit": "POST /meedoen/activiteit/",
    "initiatief": "POST /meedoen/initiatief/",
    "nieuwe_link": "POST /meedoen/nieuwe-link/",
    "wijzigen": "POST /meedoen/bewerken/<id>/<token>/wijzigen/",
    "bewerken": "POST /meedoen/bewerken/<id>/<token>/",
    "bericht": "POST <initiatief>/bericht/",
    "agenda": "GET /agenda/?...",
    "zoeken": "GET /zoeken/?q=",
    "verwijzen": "GET /verwijzen/?...",
    "briefje": "GET/POST /verwijzen/briefje/<id>/...",
    "hsds": "GET /api/hsds/...",
}
OUTCOMES = [  # column, counter key
    ("tried", "tried"),
    ("accepted", "accepted"),
    ("rejected", "rejected"),
    ("400", "bad_request"),
    ("bot", "bot"),
    ("404", "not_found"),
]
PROBLEMS = [
    ("5xx", "5xx"),
    ("unescaped", "unescaped"),
    ("english", "english"),
    ("no_msg", "not_at_field"),
    ("lost", "lost"),
    ("other", ("rate_limited", "other")),
]


class Timer:
    """A pytest plugin: the duration of each test's call, by test name."""

    def __init__(self):
        self.seconds = {}
        self.outcomes = {}

    def pytest_runtest_logreport(self, report):
        name = report.nodeid.rsplit("::", 1)[-1]
        if report.when == "call":
            self.seconds[name] = report.duration
            self.print_row(name)
        if report.failed:
            self.outcomes[name] = f"{report.when} failed"

    def print_row(self, test):
        """Each form's counts as soon as its test ends, so a long run that is stopped keeps what it did."""
        from tests import fuzzing

        form = next((f for f, t in TESTS.items() if t == test), None)
        if form is None:
            return
        tally = fuzzing.COUNTS.get(form, {})
        figures = ", ".join(f"{column} {count(tally, key)}" for column, key in OUTCOMES[1:] + PROBLEMS)
        print(
            f"\n  done: {form}: tried {tally.get('tried', 0)}; {figures}; {self.seconds[test]:.0f} s",
            flush=True,
        )


def count(counts, key):
    if isinstance(key, tuple):
        return sum(counts.get(k, 0) for k in key)
    return counts.get(key, 0)


def line(cells, widths):
    """The first cell left-aligned, the figures right-aligned."""
    return "  " + " ".join(
        f"{c:>{w}}" if i else f"{c:<{w}}" for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    )


def print_table(names, counts, timer):
    columns = ["form", *(c for c, _k in OUTCOMES), *(c for c, _k in PROBLEMS), "s", "ms/input"]
    widths = [12] + [9] * (len(OUTCOMES) + len(PROBLEMS)) + [7, 9]
    print(line(columns, widths))
    totals = {}
    for name in names:
        tally = counts.get(name, {})
        seconds = timer.seconds.get(TESTS[name])
        cells = [name]
        for column, key in OUTCOMES + PROBLEMS:
            n = count(tally, key)
            totals[column] = totals.get(column, 0) + n
            cells.append(str(n))
        tried = tally.get("tried", 0)
        cells.append(f"{seconds:.0f}" if seconds is not None else "-")
        cells.append(f"{1000 * seconds / tried:.1f}" if seconds and tried else "-")
        print(line(cells, widths))
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per form (default 10000)")
    parser.add_argument(
        "--only", default="", help=f"comma-separated forms, of: {', '.join(TESTS)} (default: all)"
    )
    parser.add_argument("--seed", type=int, help="hypothesis seed, to repeat a run")
    parser.add_argument("--keep", action="store_true", help="keep the scratch SQLite file (to investigate)")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(TESTS)
    unknown = [n for n in names if n not in TESTS]
    if unknown:
        parser.error(f"unknown form(s): {', '.join(unknown)}; choose from {', '.join(TESTS)}")

    folder = tempfile.mkdtemp(prefix="bench-fuzz-")
    os.environ.update(
        FUZZ_EXAMPLES=str(args.examples),
        FUZZ_GET_EXAMPLES=str(args.examples),
        FUZZ_DERANDOMIZE="0",
        FUZZ_KEEP_GOING="1",
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        TEST_SQLITE_NAME=str(Path(folder) / "fuzz.sqlite3"),
    )
    os.environ.setdefault("HSDS_SCHEMA_DIR", str(ROOT.parent / "shared" / "hsds-3.0" / "schema"))
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    database = os.environ.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        where = "PostgreSQL (a test database next to DATABASE_URL)"
    else:
        where = f"SQLite, scratch file {os.environ['TEST_SQLITE_NAME']}"
    print(f"Fuzzing {len(names)} form(s), {args.examples} inputs each, on {where}", flush=True)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)

    import pytest

    timer = Timer()
    pytest_args = ["-p", "no:cacheprovider", "-q", "--no-header", "-W", "ignore::DeprecationWarning"]
    if args.seed is not None:
        pytest_args.append(f"--hypothesis-seed={args.seed}")
    pytest_args += [f"{TEST_FILE}::{TESTS[name]}" for name in names]
    started = time.monotonic()
    try:
        status = pytest.main(pytest_args, plugins=[timer])
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    elapsed = time.monotonic() - started

    from tests import fuzzing

    print(f"\nInputs per form and what came of them ({elapsed:.0f} s in all)")
    totals = print_table(names, fuzzing.COUNTS, timer)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name in names:
        if fuzzing.FAILURES.get(name):
            print(f"\nFirst problems of {name} ({URLS[name]}):")
            for failure in fuzzing.FAILURES[name]:
                print("  - " + failure.replace("\n", "\n    "))
    for test, outcome in timer.outcomes.items():
        print(f"\n{test}: {outcome} (see pytest's output above)")

    problems = sum(totals.get(column, 0) for column, _key in PROBLEMS)
    short = [n for n in names if fuzzing.COUNTS.get(n, {}).get("tried", 0) < args.examples]
    if short:
        print(f"\nFewer inputs than asked ({args.examples}): {', '.join(short)}")
    errors, unescaped = totals.get("5xx", 0), totals.get("unescaped", 0)
    print(
        f"\n5xx: {errors}, unescaped payloads: {unescaped}, other problems: {problems - errors - unescaped}"
    )
    return 1 if problems or status not in (0, 5) or timer.outcomes else 0


if __name__ == "__main__":
    sys.exit(main())
