"""Quality of the makelaar's matching on the hand-labelled set, against naive baselines in the same run.

    .venv/bin/python bench/matching_quality.py [--verbose] [--keep] [--data tests/data/matching_blind.json]

Builds a throwaway SQLite database in a temporary directory (never ``db.sqlite3``), migrates it, loads
``tests/data/matching.json`` with the same loader as the tests (``tests.initiatieven.test_matching``)
and prints, over every labelled talent (talent -> initiatives) and every labelled need (need -> talents):

- ``p@1``: the first suggestion is a good one;
- ``p@3``: good ones among the first three, divided by min(3, number of good ones), so 1.0 is perfect;
- ``MRR``: mean reciprocal rank of the first good suggestion (0 when none is suggested).

Rankings: ``ours`` is ``initiatieven.makelaar.matching``; ``wijk + titel`` is every live, not stopped
initiative
in the talent's wijken or for heel de stad, by title; ``wijk + exacte vaardigheden`` orders the same
initiatives by the number of exactly equal skill tags (then title); for needs, the baseline is open
talents in the initiative's wijken by exactly equal skills. Figures are printed, never asserted here
(``tests/initiatieven/test_matching.py`` holds a floor). ``--verbose`` lists the top three of every
labelled talent and need.
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


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_home():
    """A site whose root is a fresh HomePage, as the tests' ``home`` fixture."""
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def row(name, figures):
    return f"  {name:<28} {figures['p1']:>6.2f} {figures['p3']:>6.2f} {figures['mrr']:>6.2f}"


def table(title, n, rows):
    print(f"\n{title} ({n} labelled)")
    print(f"  {'ranking':<28} {'p@1':>6} {'p@3':>6} {'MRR':>6}")
    for name, figures in rows:
        print(row(name, figures))


def run(verbose, data=None):
    from django.core.management import call_command

    from initiatieven.makelaar.matching import suggestions_for_behoefte, suggestions_for_talent
    from tests.initiatieven import test_matching as m

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    labelled = m.load_labelled_set(make_home(), path=data or m.DATA)
    print(f"migrated and loaded the labelled set in {time.perf_counter() - start:.1f} s")

    labels = labelled.talent_labels()
    talent_rows = [
        ("ours", m.quality(m.ranked_for_talents(labelled, m.ours_for_talent), labels)),
        ("wijk + titel", m.quality(m.ranked_for_talents(labelled, m.baseline_by_title), labels)),
        (
            "wijk + exacte vaardigheden",
            m.quality(m.ranked_for_talents(labelled, m.baseline_by_exact_skills), labels),
        ),
    ]
    table("Talent -> initiatives", len(labels), talent_rows)

    need_labels = labelled.need_labels()
    need_rows = [
        ("ours", m.quality(m.ranked_for_needs(labelled, m.ours_for_need), need_labels)),
        (
            "wijk + exacte vaardigheden",
            m.quality(m.ranked_for_needs(labelled, m.baseline_need_by_exact_skills), need_labels),
        ),
    ]
    table("Need -> talents", len(need_labels), need_rows)

    if verbose:
        print("\nTop three per talent (* = labelled good):")
        titles = {page.pk: page.title for page in labelled.initiatives.values()}
        for key, good in labels.items():
            suggestions = suggestions_for_talent(labelled.talents[key])
            rank = m.reciprocal_rank([s.page.pk for s in suggestions], good)
            print(f"  {key} (RR {rank:.2f})")
            for s in suggestions[:3]:
                mark = "*" if s.page.pk in good else " "
                print(f"    {mark} {s.score:6.2f}  {titles[s.page.pk]}: {s.reasons_text}")
        print("\nTop three per labelled need (* = labelled good):")
        for i, good in need_labels.items():
            behoefte = labelled.needs[i][0]
            suggestions = suggestions_for_behoefte(behoefte)
            rank = m.reciprocal_rank([s.talent.pk for s in suggestions], good)
            print(f"  {behoefte.page.title}: {behoefte.tekst} (RR {rank:.2f})")
            for s in suggestions[:3]:
                mark = "*" if s.talent.pk in good else " "
                print(f"    {mark} {s.score:6.2f}  {s.talent.naam}: {s.reasons_text}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--verbose", action="store_true", help="print the top three of every labelled talent and need"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database (to investigate)")
    parser.add_argument(
        "--data",
        type=Path,
        help="another labelled set in the same format, e.g. tests/data/matching_blind.json (held out)",
    )
    args = parser.parse_args(argv)

    folder = tempfile.mkdtemp(prefix="bench-matching-")
    try:
        setup_django(f"sqlite:///{folder}/bench.sqlite3")
        run(args.verbose, args.data)
    finally:
        if args.keep:
            print(f"kept {folder}/bench.sqlite3")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
