"""Benchmark of the agenda: the stored occurrence table against expanding every rule on every request.

    .venv/bin/python bench/agenda.py [--sizes 100,1000,10000] [--repeat 30] [--database-url postgres://...]

For every N the script builds a scratch database (a fresh SQLite file in a temporary directory, or, with
``--database-url postgres://...``, a database created and dropped on that server), migrates it, creates the
site tree with the demo's sections (ensure_site, load_taxonomy, load_locaties, an AgendaPage under home) and N
published activities with mixed schedules across the five wijken, and then prints:

- ``build_s``: creating the site tree and the N activities (not a measured figure; migrate is left out);
- ``rebuild_s`` and ``rows``: the full ``rebuild_all()`` of the occurrence table;
- ``agenda_med_ms`` / ``agenda_p90_ms`` / ``queries``: an uncached GET of /agenda/ (this week, 20 per page)
  through ``django.test.Client``, median and p90 of ``--repeat`` requests after 3 warm-ups;
- ``filtered_med_ms``: the same with ``?wijk=oost&thema=ontmoeting&dagdeel=avond``;
- ``list_med_ms``: our listing without the request (query, count, first 20);
- ``peers_med_ms``: the peers' way (ls.joyous, django-scheduler): load every live activity and call
  ``recurrence.between()`` per activity for the same week, add the slot times, sort, take 20;
- ``ratio``: ``peers_med_ms / agenda_med_ms`` (a whole request of ours against only the peers' listing, so
  the ratio is on the peers' side); ``list_ratio`` compares listing with listing;
- ``republish_med_ms``: editing one activity (title and a Tijdslot), ``save_revision().publish()``, which
  rebuilds its occurrences through the ``page_published`` signal (``on_commit`` runs at once in autocommit).

Every N runs in its own Python process, so caches and connections start cold and settings stay simple.
Timings are printed, never asserted; the load average is printed with them, because a busy machine shows.
``--explain`` adds the time and query plan of every occurrence query of one agenda request; ``--keep``
leaves the scratch databases in place to investigate.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "localhost"
SEED = 42
WARMUPS = 3
PEERS_BUDGET_S = 90  # the peers' way takes seconds per call at N=10,000
THEMA = "ontmoeting"
FILTERED_QUERY = f"?wijk=oost&thema={THEMA}&dagdeel=avond"

TARGET_N = 10_000
TARGET_AGENDA_MS = 50
TARGET_RATIO = 10
TARGET_REPUBLISH_MS = 100
TARGET_REBUILD_S = 60

# Schedules: (name, weight). Weights give a plausible mix for a city's collective offer.
PATTERNS = [
    ("wekelijks", 30),
    ("om de week", 15),
    ("2e dinsdag van de maand", 10),
    ("laatste vrijdag van de maand", 10),
    ("twee keer per week", 15),
    ("eenmalig", 12),
    ("meerdaags", 8),
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SLOTS = [
    ("09:30", "11:30"),
    ("10:00", "12:00"),
    ("13:30", "15:30"),
    ("14:00", "16:00"),
    ("17:30", "19:30"),
    ("19:00", "21:00"),
    ("19:30", "22:00"),
]
TITLES = [
    "Koffie-ochtend",
    "Taalcafé",
    "Wandelgroep",
    "Buurtrestaurant",
    "Repair café",
    "Breiclub",
    "Spelletjesmiddag",
    "Stoelyoga",
    "Huiswerkklas",
    "Computerhulp",
    "Moestuinclub",
    "Kookclub",
    "Buurtkoor",
    "Schilderclub",
    "Fietsles",
    "Bingo",
]

COLUMNS = [  # title, result key, decimals (None: an integer)
    ("N", "n", None),
    ("build_s", "build_s", 1),
    ("rebuild_s", "rebuild_s", 1),
    ("rows", "rows", None),
    ("agenda_med_ms", "agenda_med_ms", 1),
    ("agenda_p90_ms", "agenda_p90_ms", 1),
    ("queries", "queries", None),
    ("filtered_med_ms", "filtered_med_ms", 1),
    ("list_med_ms", "list_med_ms", 1),
    ("peers_med_ms", "peers_med_ms", 1),
    ("ratio", "ratio", 1),
    ("list_ratio", "list_ratio", 1),
    ("republish_med_ms", "republish_med_ms", 1),
]


def log(n, message):
    print(f"  [N={n}] {message}", flush=True)


def median_p90(seconds):
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[max(math.ceil(0.9 * len(ms)) - 1, 0)]
    return statistics.median(ms), p90


# --- The child process: one N in one scratch database ---------------------------------------------------


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_site(rng, today):
    from django.db import transaction

    from activiteiten.models import AgendaPage
    from home.demo import ensure_site
    from portal.demo import DemoContext, get_or_create_page, load_locaties, load_taxonomy

    ctx = DemoContext(rng=rng, today=today)
    with transaction.atomic():
        ensure_site(ctx)
        load_taxonomy(ctx)
        load_locaties(ctx)
        agenda, _ = get_or_create_page(
            ctx.home,
            AgendaPage,
            "agenda",
            title="Agenda",
            intro="Wat is er te doen in de wijk?",
            show_in_menus=True,
        )
    return agenda


def insert_table(model, objs):
    """Insert the rows of one table of a multi-table model, which ``bulk_create`` refuses: the same
    ``_insert`` that ``Model.save()`` uses, a batch at a time, with only the model's own columns."""
    from django.db import connections

    manager = model._base_manager
    fields = model._meta.local_concrete_fields
    size = max(connections[manager.db].ops.bulk_batch_size(fields, objs), 1)
    for i in range(0, len(objs), size):
        manager._insert(objs[i : i + size], fields=fields, using=manager.db)


def _time(value):
    return dt.time.fromisoformat(value)


def _schedule_for(rng, pattern, today):
    """(rule, start_datum, eind_datum, dagen, slots) for one activity."""
    slot = rng.randrange(len(SLOTS))
    slots = [SLOTS[slot]]
    if rng.random() < 0.25 and slot < len(SLOTS) - 2:
        slots.append(SLOTS[rng.randrange(slot + 2, len(SLOTS))])  # a second, later slot
    if pattern == "eenmalig":
        return None, today + dt.timedelta(days=rng.randint(-3, 90)), None, 1, slots
    if pattern == "meerdaags":
        start = today + dt.timedelta(days=rng.randint(-3, 90))
        return None, start, None, rng.randint(2, 4), [("10:00", "16:00")]
    day = DAYS[rng.randrange(6)]
    rule = {
        "wekelijks": f"RRULE:FREQ=WEEKLY;BYDAY={day}",
        "om de week": f"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
        "2e dinsdag van de maand": "RRULE:FREQ=MONTHLY;BYDAY=+2TU",
        "laatste vrijdag van de maand": "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
    }.get(pattern)
    if rule is None:  # twee keer per week
        first, second = sorted(rng.sample(range(5), 2))
        rule = f"RRULE:FREQ=WEEKLY;BYDAY={DAYS[first]},{DAYS[second]}"
    start = today - dt.timedelta(days=rng.randint(7, 500))
    eind = today + dt.timedelta(days=rng.randint(-60, 365)) if rng.random() < 0.15 else None
    return rule, start, eind, 1, slots


def _exception_for(rng, page_id, rule, start, eind, today):
    """An Uitzondering on a real date of the series within the next eight weeks, or None."""
    from activiteiten.models import Uitzondering
    from activiteiten.recurrence import Schedule

    schedule = Schedule(start_datum=start, eind_datum=eind, slots=[], recurrence=rule)
    dates = schedule.dates(today, today + dt.timedelta(days=56))
    if not dates:
        return None
    datum = rng.choice(dates)
    soort = rng.choices(["vervalt", "verplaatst", "gewijzigd"], [6, 2, 2])[0]
    if soort == "verplaatst":
        return Uitzondering(
            page_id=page_id,
            datum=datum,
            soort=soort,
            nieuwe_datum=datum + dt.timedelta(days=1),
            toelichting="Andere dag deze week",
        )
    if soort == "gewijzigd":
        return Uitzondering(
            page_id=page_id,
            datum=datum,
            soort=soort,
            nieuwe_start_tijd=dt.time(20, 0),
            nieuwe_eind_tijd=dt.time(21, 30),
            toelichting="Later dan anders",
        )
    return Uitzondering(page_id=page_id, datum=datum, soort=soort, toelichting="Vervalt i.v.m. vakantie")


def create_activities(agenda, n, rng, today):
    """N published ActiviteitPages as children of the agenda, inserted in bulk with correct
    materialised-path values (path, depth, numchild, url_path) and their multi-table rows."""
    import recurrence as django_recurrence

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    from activiteiten.models import ActiviteitPage, AgendaItemPage, Tijdslot, Uitzondering
    from portal.models import Doelgroep, LocatiePage, Thema, Wijk

    now = timezone.now()
    parent = Page.objects.get(pk=agenda.pk)
    if parent.numchild:
        raise RuntimeError("The scratch agenda already has children.")
    content_type = ContentType.objects.get_for_model(ActiviteitPage)
    wijken = list(Wijk.objects.order_by("pk"))
    themas = list(Thema.objects.order_by("pk"))
    doelgroepen = list(Doelgroep.objects.order_by("pk"))
    locaties = list(LocatiePage.objects.order_by("pk").values_list("pk", flat=True))
    names, weights = zip(*PATTERNS, strict=True)

    specs = []
    for i in range(n):
        pattern = rng.choices(names, weights)[0]
        wijk_keuze = rng.sample(wijken, 2 if rng.random() < 0.2 else 1)
        title = f"{rng.choice(TITLES)} {wijk_keuze[0].naam} {i + 1}"
        slug = f"activiteit-{i + 1}"
        page = Page(
            path=Page._get_path(parent.path, parent.depth + 1, i + 1),
            depth=parent.depth + 1,
            numchild=0,
            translation_key=uuid.uuid4(),
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            url_path=f"{parent.url_path}{slug}/",
            show_in_menus=False,
        )
        specs.append((page, pattern, wijk_keuze))

    with transaction.atomic():
        Page.objects.bulk_create([page for page, _, _ in specs], batch_size=500)
        items, slots, exceptions, wijk_rows, thema_rows, doelgroep_rows = [], [], [], [], [], []
        for page, pattern, wijk_keuze in specs:
            rule, start, eind, dagen, slot_times = _schedule_for(rng, pattern, today)
            rec = django_recurrence.deserialize(rule or "", include_dtstart=False)  # "": one-off
            kosten = rng.choices(["gratis", "bedrag", "vrijwillig"], [6, 3, 1])[0]
            locatie = rng.choice(locaties) if locaties and rng.random() < 0.5 else None
            items.append(
                ActiviteitPage(
                    id=page.pk,
                    page_ptr_id=page.pk,
                    agendaitempage_ptr_id=page.pk,
                    intro="Iedereen is welkom. Je hoeft je niet voor te bereiden.",
                    heel_de_stad=rng.random() < 0.05,
                    locatie_id=locatie,
                    adres_vrij="" if locatie else "Tulpenstraat 14",
                    organisator_naam="Bewonersgroep",
                    kosten=kosten,
                    bedrag=round(rng.uniform(1, 10), 2) if kosten == "bedrag" else None,
                    aanmelden="inloop" if rng.random() < 0.7 else "aanmelden",
                    start_datum=start,
                    eind_datum=eind,
                    recurrence=rec,
                    dagen=dagen,
                    vervalt_op_feestdagen=rng.random() < 0.3,
                )
            )
            for order, (van, tot) in enumerate(slot_times):
                slots.append(
                    Tijdslot(page_id=page.pk, start_tijd=_time(van), eind_tijd=_time(tot), sort_order=order)
                )
            if rule and rng.random() < 0.15:
                exception = _exception_for(rng, page.pk, rec, start, eind, today)
                if exception is not None:
                    exceptions.append(exception)
            through = AgendaItemPage.wijken.through
            wijk_rows += [through(agendaitempage_id=page.pk, wijk_id=w.pk) for w in wijk_keuze]
            through = AgendaItemPage.themas.through
            thema_rows += [
                through(agendaitempage_id=page.pk, thema_id=t.pk)
                for t in rng.sample(themas, 2 if rng.random() < 0.4 else 1)
            ]
            if rng.random() < 0.5:
                through = AgendaItemPage.doelgroepen.through
                doelgroep_rows.append(
                    through(agendaitempage_id=page.pk, doelgroep_id=rng.choice(doelgroepen).pk)
                )

        insert_table(AgendaItemPage, items)
        insert_table(ActiviteitPage, items)
        Tijdslot.objects.bulk_create(slots, batch_size=1000)
        Uitzondering.objects.bulk_create(exceptions, batch_size=1000)
        for rows in (wijk_rows, thema_rows, doelgroep_rows):
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=1000)
        Page.objects.filter(pk=parent.pk).update(numchild=n)
    return {"tijdsloten": len(slots), "uitzonderingen": len(exceptions)}


def verify_tree(client, agenda_id, n):
    """Raise if the bulk-created tree is not what Wagtail and treebeard expect."""
    from wagtail.models import Page

    from activiteiten.models import ActiviteitPage, AgendaPage

    problems = Page.find_problems()
    if any(problems):
        raise RuntimeError(f"Page.find_problems() reports {problems}")
    agenda = AgendaPage.objects.get(pk=agenda_id)
    children = agenda.get_children()
    if children.count() != n or children.live().count() != n or children.type(ActiviteitPage).count() != n:
        raise RuntimeError("The agenda does not have N live ActiviteitPage children.")
    last = ActiviteitPage.objects.order_by("-path").first()
    if n and client.get(last.url, HTTP_HOST=HOST).status_code != 200:
        raise RuntimeError(f"{last.url} does not answer 200.")
    return agenda


def time_requests(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUPS):
        client.get(url, HTTP_HOST=HOST)
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=HOST)
        seconds.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST=HOST)
    return (*median_p90(seconds), len(queries.captured_queries), queries.captured_queries)


def our_listing():
    """What agenda_listing does, without the request and the template: query, count, first 20."""
    from django.core.paginator import Paginator

    from activiteiten.listing import filter_occurrences
    from activiteiten.models import AgendaPage

    occurrences, _van, _tot = filter_occurrences({})
    occurrences = occurrences.select_related("page", "locatie", "page__locatie")
    page = Paginator(occurrences, AgendaPage.PER_PAGE).get_page(1)
    return page.paginator.count, list(page.object_list)


def peers_listing(now, window_end):
    """The ls.joyous / django-scheduler way: expand every live rule for the window on every request."""
    from activiteiten.models import AgendaItemPage, AgendaPage
    from activiteiten.recurrence import AMSTERDAM, MIDNIGHT

    last_day = (window_end - dt.timedelta(microseconds=1)).astimezone(AMSTERDAM).date()
    today = now.astimezone(AMSTERDAM).date()
    found = []
    pages = (
        AgendaItemPage.objects.live()
        .defer_streamfields()
        .select_related("locatie")
        .prefetch_related("tijdsloten")
    )
    for page in pages:
        dagen = max(page.dagen or 1, 1)
        first_day = today - dt.timedelta(days=dagen - 1)
        rec = page.recurrence
        if rec and (rec.rrules or rec.rdates):
            days = [
                d.date()
                for d in rec.between(
                    dt.datetime.combine(first_day, MIDNIGHT),
                    dt.datetime.combine(last_day, MIDNIGHT),
                    dtstart=dt.datetime.combine(page.start_datum, MIDNIGHT),
                    dtend=dt.datetime.combine(page.eind_datum, MIDNIGHT) if page.eind_datum else None,
                    inc=True,
                )
            ]
        else:
            days = [page.start_datum] if first_day <= page.start_datum <= last_day else []
        for day in days:
            for slot in page.tijdsloten.all():
                start = dt.datetime.combine(day, slot.start_tijd, tzinfo=AMSTERDAM)
                end_day = day + dt.timedelta(days=dagen - 1)
                if slot.eind_tijd <= slot.start_tijd and dagen == 1:
                    end_day += dt.timedelta(days=1)
                end = dt.datetime.combine(end_day, slot.eind_tijd, tzinfo=AMSTERDAM)
                if end > now and start < window_end:
                    found.append((start, page.pk, end, page))
    found.sort(key=lambda item: item[:2])
    return len(found), found[: AgendaPage.PER_PAGE]


def time_calls(function, repeat, *args, budget_s=PEERS_BUDGET_S):
    """Median and p90 of ``repeat`` calls after the warm-ups; fewer calls (at least 5) when they would
    take more than ``budget_s`` in all. Returns (median, p90, calls, last result)."""
    for _ in range(WARMUPS):
        start = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - start
    repeat = max(min(repeat, int(budget_s / max(elapsed, 1e-6))), 5)
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        seconds.append(time.perf_counter() - start)
    return (*median_p90(seconds), repeat, result)


def time_republish(rng, count):
    """Edit a title and a Tijdslot, publish; the page_published signal rebuilds the page's occurrences."""
    from activiteiten.models import ActiviteitPage, Occurrence
    from activiteiten.occurrences import rebuild_occurrences
    from activiteiten.recurrence import AMSTERDAM

    ids = list(
        ActiviteitPage.objects.filter(recurrence__startswith="RRULE:FREQ=WEEKLY", eind_datum__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    ids = rng.sample(ids, min(count, len(ids)))
    publish_s, rebuild_s, signal_rebuilt = [], [], 0
    for pk in ids:
        page = ActiviteitPage.objects.get(pk=pk)
        slots = list(page.tijdsloten.all())
        shift = dt.timedelta(minutes=15)
        day = dt.date(2000, 1, 3)
        slots[0].start_tijd = (dt.datetime.combine(day, slots[0].start_tijd) + shift).time()
        slots[0].eind_tijd = (dt.datetime.combine(day, slots[0].eind_tijd) + shift).time()
        page.tijdsloten = slots
        page.title = f"{page.title} (gewijzigd)"
        start = time.perf_counter()
        page.save_revision().publish()
        elapsed = time.perf_counter() - start
        starts = {
            o.start.astimezone(AMSTERDAM).time()
            for o in Occurrence.objects.filter(page_id=pk, status="gepland").only("start")[:50]
        }
        if slots[0].start_tijd in starts:
            signal_rebuilt += 1
        else:  # the signal did not rebuild (it would inside an outer transaction): do it here
            start = time.perf_counter()
            rebuild_occurrences(page)
            elapsed += time.perf_counter() - start
        publish_s.append(elapsed)
        start = time.perf_counter()
        rebuild_occurrences(page)
        rebuild_s.append(time.perf_counter() - start)
    return median_p90(publish_s), median_p90(rebuild_s), signal_rebuilt, len(ids)


def explain_request(captured):
    """Time and plan of every query of one agenda request that reads the occurrence table."""
    from django.db import connection

    plans = []
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if "activiteiten_occurrence" not in sql:
                continue
            start = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            elapsed = (time.perf_counter() - start) * 1000
            if connection.vendor == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                plan = [row[-1] for row in cursor.fetchall() if "occurrence" in row[-1]]
            else:
                cursor.execute("EXPLAIN " + sql)
                plan = [row[0].strip() for row in cursor.fetchall() if "occurrence" in row[0]]
            what = sql.split(" FROM ")[0][:60]
            plans.append({"ms": elapsed, "what": what, "plan": plan})
    return plans


def run_child(args):
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from activiteiten.occurrences import rebuild_all
    from activiteiten.recurrence import MIDNIGHT, local

    n, result = args.child, {"n": args.child}
    rng = random.Random(SEED)
    today = timezone.localdate()

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    result["migrate_s"] = time.perf_counter() - start
    log(n, f"migrated in {result['migrate_s']:.1f} s")

    start = time.perf_counter()
    agenda = build_site(rng, today)
    counts = create_activities(agenda, n, rng, today)
    result["build_s"] = time.perf_counter() - start
    client = Client()
    agenda = verify_tree(client, agenda.pk, n)
    log(
        n,
        f"built {n} activities ({counts['tijdsloten']} tijdsloten, {counts['uitzonderingen']} "
        f"uitzonderingen) in {result['build_s']:.1f} s; tree checked (find_problems, children, live, 200)",
    )

    start = time.perf_counter()
    result["rows"] = rebuild_all()
    result["rebuild_s"] = time.perf_counter() - start
    log(n, f"rebuild_all: {result['rows']} rows in {result['rebuild_s']:.1f} s")

    url = agenda.url
    result["load_before"] = os.getloadavg()[0]
    med, p90, queries, captured = time_requests(client, url, args.repeat)
    result.update(agenda_med_ms=med, agenda_p90_ms=p90, queries=queries)
    med, p90, fqueries, _ = time_requests(client, url + FILTERED_QUERY, args.repeat)
    result.update(filtered_med_ms=med, filtered_p90_ms=p90, filtered_queries=fqueries)
    log(n, f"GET {url}: median {result['agenda_med_ms']:.1f} ms, {queries} queries; filtered {med:.1f} ms")

    med, p90, _calls, (ours_count, _) = time_calls(our_listing, args.repeat)
    result.update(list_med_ms=med, ours_count=ours_count)
    now = timezone.now()
    window_end = local(today + dt.timedelta(days=8), MIDNIGHT)
    med, p90, calls, (peers_count, _) = time_calls(peers_listing, args.repeat, now, window_end)
    result.update(peers_med_ms=med, peers_p90_ms=p90, peers_count=peers_count, peers_calls=calls)
    result["ratio"] = result["peers_med_ms"] / result["agenda_med_ms"]
    result["list_ratio"] = result["peers_med_ms"] / result["list_med_ms"]
    log(
        n,
        f"this week: {ours_count} stored occurrences, {peers_count} from between(); peers median "
        f"{med:.1f} ms ({calls} calls), ours (listing only) {result['list_med_ms']:.1f} ms",
    )

    (pub_med, pub_p90), (reb_med, _), by_signal, done = time_republish(rng, args.republishes)
    result["load_after"] = os.getloadavg()[0]
    result.update(republish_med_ms=pub_med, republish_p90_ms=pub_p90, rebuild_one_med_ms=reb_med)
    log(
        n,
        f"republish: median {pub_med:.1f} ms, p90 {pub_p90:.1f} ms over {done} pages "
        f"(signal rebuilt {by_signal}/{done}); rebuild_occurrences(page) alone {reb_med:.1f} ms",
    )

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            result["db"] = f"SQLite {sqlite3.sqlite_version}, journal_mode={cursor.fetchone()[0]}"
    else:
        version = connection.pg_version
        result["db"] = f"PostgreSQL {version // 10000}.{version % 10000}"
    result["agenda_sql_ms"] = sum(float(q["time"]) for q in captured) * 1000
    if args.explain:
        result["plans"] = explain_request(captured)
    Path(args.result).write_text(json.dumps(result))


# --- The parent process: scratch databases, the table ---------------------------------------------------


@contextlib.contextmanager
def scratch_database(database_url, n, keep):
    """A DATABASE_URL for a fresh, empty database that is removed afterwards."""
    if not database_url or database_url.startswith("sqlite"):
        folder = tempfile.mkdtemp(prefix=f"bench-agenda-{n}-")
        try:
            yield f"sqlite:///{folder}/bench.sqlite3"
        finally:
            if keep:
                print(f"  [N={n}] kept {folder}/bench.sqlite3")
            else:
                shutil.rmtree(folder, ignore_errors=True)
        return

    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = f"bench_agenda_{os.getpid()}_{n}"
    admin_url = urlunsplit(("postgresql", parts.netloc, parts.path or "/postgres", parts.query, ""))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        if keep:
            print(f"  [N={n}] kept database {name}")
        else:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def run_size(n, args):
    with scratch_database(args.database_url, n, args.keep) as url, tempfile.TemporaryDirectory() as tmp:
        result_path = Path(tmp) / "result.json"
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(n),
            "--repeat",
            str(args.repeat),
            "--republishes",
            str(args.republishes),
            "--database-url",
            url,
            "--result",
            str(result_path),
        ]
        if args.explain:
            command.append("--explain")
        completed = subprocess.run(command, cwd=ROOT, check=False)
        if completed.returncode != 0 or not result_path.exists():
            print(f"  [N={n}] failed (exit code {completed.returncode})", flush=True)
            return None
        return json.loads(result_path.read_text())


def _width(title):
    return max(len(title), 7)


def format_row(result):
    cells = []
    for title, key, decimals in COLUMNS:
        value = result.get(key)
        text = "-" if value is None else f"{value}" if decimals is None else f"{value:.{decimals}f}"
        cells.append(text.ljust(_width(title)) if key == "n" else text.rjust(_width(title)))
    return "  ".join(cells)


def header():
    return "  ".join(t.ljust(_width(t)) if k == "n" else t.rjust(_width(t)) for t, k, _d in COLUMNS)


def print_targets(results, engine):
    by_n = {r["n"]: r for r in results}
    biggest = by_n.get(TARGET_N) or max(results, key=lambda r: r["n"])
    smallest = min(results, key=lambda r: r["n"])
    n = biggest["n"]
    note = "" if n == TARGET_N else f" (no N={TARGET_N:,} in this run; shown for N={n:,})"
    print(f"\nTargets from the issue, at N={TARGET_N:,} on SQLite{note}; this run: {engine}. Not asserted.")

    def line(label, actual, met):
        print(f"  target  {label:<44} actual {actual:<28} {'met' if met else 'MISSED'}")

    line(
        f"agenda median <= {TARGET_AGENDA_MS} ms",
        f"{biggest['agenda_med_ms']:.1f} ms",
        biggest["agenda_med_ms"] <= TARGET_AGENDA_MS,
    )
    line(
        f"query count equal to N={smallest['n']}",
        f"{biggest['queries']} (N={smallest['n']}: {smallest['queries']})",
        biggest["queries"] == smallest["queries"],
    )
    line(
        f">= {TARGET_RATIO}x faster than between()",
        f"{biggest['ratio']:.1f}x",
        biggest["ratio"] >= TARGET_RATIO,
    )
    line(
        f"republish <= {TARGET_REPUBLISH_MS} ms",
        f"{biggest['republish_med_ms']:.1f} ms",
        biggest["republish_med_ms"] <= TARGET_REPUBLISH_MS,
    )
    line(
        f"full rebuild <= {TARGET_REBUILD_S} s",
        f"{biggest['rebuild_s']:.1f} s",
        biggest["rebuild_s"] <= TARGET_REBUILD_S,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of activities")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per figure (after 3 warm-ups)")
    parser.add_argument("--republishes", type=int, default=10, help="activities to republish")
    parser.add_argument(
        "--database-url",
        default="",
        help="postgres://user@host:port/db to run on PostgreSQL (a scratch database per N is created "
        "and dropped there); default: a scratch SQLite file per N",
    )
    parser.add_argument("--explain", action="store_true", help="also print the listing's query plans")
    parser.add_argument("--keep", action="store_true", help="keep the scratch databases (to investigate)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        run_child(args)
        return 0

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    engine = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    print(
        f"Agenda benchmark on {engine}: sizes {sizes}, {args.repeat} timed requests after {WARMUPS} warm-ups"
    )
    results = []
    for n in sizes:
        result = run_size(n, args)
        if result:
            results.append(result)
    if not results:
        return 1

    print()
    print(header())
    for result in results:
        print(format_row(result))
    print(
        f"\nmachine: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} cores (1-minute load average now {os.getloadavg()[0]:.2f}), "
        f"{platform.machine()} {platform.system()} {platform.release()}; "
        f"database {results[0]['db']}"
    )
    for r in results:
        print(
            f"  N={r['n']}: migrate {r['migrate_s']:.1f} s (not in build_s); SQL in one agenda request "
            f"{r['agenda_sql_ms']:.0f} ms; filtered p90 {r['filtered_p90_ms']:.1f} ms, "
            f"{r['filtered_queries']} queries; this week {r['ours_count']} stored occurrences vs "
            f"{r['peers_count']} from between(); peers p90 {r['peers_p90_ms']:.1f} ms over "
            f"{r['peers_calls']} calls; republish p90 {r['republish_p90_ms']:.1f} ms, "
            f"rebuild_occurrences(page) alone {r['rebuild_one_med_ms']:.1f} ms; load average "
            f"{r['load_before']:.2f} -> {r['load_after']:.2f}"
        )
    print_targets(results, engine)
    if args.explain:
        for r in results:
            print(
                f"\nN={r['n']}, {r['rows']} occurrence rows: the queries of one agenda request on that table"
            )
            for q in r["plans"]:
                print(f"  {q['ms']:8.1f} ms  {q['what']:<60}  {' | '.join(q['plan'])[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
