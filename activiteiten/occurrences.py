"""The stored occurrence table: rebuilt per page from the one expansion function."""

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale

from portal.cache import changed as page_cache_changed
from portal.models import LocatiePage

from .models import AgendaItemPage, Occurrence
from .recurrence import AMSTERDAM, Schedule, expand

WINDOW_DAYS = 548  # a rolling window of 18 months
LOOKBACK_DAYS = 1  # keep yesterday, so an item that is still going on stays visible


def window(today=None):
    today = today or timezone.localdate()
    start = dt.datetime.combine(today - dt.timedelta(days=LOOKBACK_DAYS), dt.time(), tzinfo=AMSTERDAM)
    return start, start + dt.timedelta(days=WINDOW_DAYS + LOOKBACK_DAYS)


def source_page_id(page):
    """Translations share the occurrences of the page in the default locale."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page.pk
    original = (
        AgendaItemPage.objects.filter(translation_key=page.translation_key, locale=default)
        .values_list("pk", flat=True)
        .first()
    )
    return original or page.pk


def occurrence_rows(page, planned, toegankelijk):
    """``toegankelijk`` maps locatie ids to their wheelchair access."""
    return [
        Occurrence(
            page_id=page.pk,
            start=p.start,
            end=p.end,
            datum=p.datum,
            dagdeel=p.dagdeel,
            status=p.status,
            original_start=p.original_start,
            toelichting=p.toelichting,
            locatie_id=p.locatie_id,
            is_gratis=page.is_gratis,
            is_inloop=page.is_inloop,
            is_toegankelijk=toegankelijk.get(p.locatie_id, False),
            is_heel_de_stad=page.heel_de_stad,
        )
        for p in planned
    ]


def _toegankelijk(ids=None):
    locaties = LocatiePage.objects.all() if ids is None else LocatiePage.objects.filter(pk__in=ids)
    return dict(locaties.values_list("pk", "rolstoeltoegankelijk"))


def rebuild_occurrences(page, today=None):
    """Replace the stored occurrences of one page (or of its original, for a translation)."""
    return rebuild_occurrences_for(source_page_id(page), today)


@transaction.atomic
def rebuild_occurrences_for(page_id, today=None):
    """Only the published row counts: a draft never reaches the table, and an unpublished or deleted
    page has no rows."""
    Occurrence.objects.filter(page_id=page_id).delete()
    page = AgendaItemPage.objects.filter(pk=page_id, live=True).first()
    if page is None:
        page_cache_changed()
        return 0
    planned = expand(Schedule.from_page(page), *window(today))
    toegankelijk = _toegankelijk({p.locatie_id for p in planned if p.locatie_id})
    Occurrence.objects.bulk_create(occurrence_rows(page, planned, toegankelijk), batch_size=1000)
    page_cache_changed()
    return len(planned)


COLUMNS = [
    "page_id",
    "start",
    "end",
    "datum",
    "dagdeel",
    "status",
    "original_start",
    "toelichting",
    "locatie_id",
    "is_gratis",
    "is_inloop",
    "is_toegankelijk",
    "is_heel_de_stad",
]


def _insert_rows(cursor, rows):
    table = connection.ops.quote_name(Occurrence._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def rebuild_all(today=None, batch=500):
    """Rebuild the whole table (nightly, to move the window along). Returns the number of rows.

    Same rows as ``rebuild_occurrences`` for every page, but written as plain tuples: building
    10,000s of model instances for ``bulk_create`` costs more than expanding the rules."""
    start, end = window(today)
    toegankelijk = _toegankelijk()
    adapt_dt = connection.ops.adapt_datetimefield_value
    adapt_date = connection.ops.adapt_datefield_value
    pages = (
        AgendaItemPage.objects.live()
        .filter(locale=Locale.get_default())
        .defer_streamfields()
        .prefetch_related("tijdsloten", "uitzonderingen")
        .order_by("pk")
    )
    total = 0
    with transaction.atomic(), connection.cursor() as cursor:
        Occurrence.objects.all().delete()
        rows = []
        for page in pages.iterator(chunk_size=batch):
            for p in expand(Schedule.from_page(page), start, end):
                rows.append(
                    (
                        page.pk,
                        adapt_dt(p.start),
                        adapt_dt(p.end),
                        adapt_date(p.datum),
                        p.dagdeel,
                        p.status,
                        adapt_dt(p.original_start),
                        p.toelichting,
                        p.locatie_id,
                        page.is_gratis,
                        page.is_inloop,
                        toegankelijk.get(p.locatie_id, False),
                        page.heel_de_stad,
                    )
                )
            if len(rows) >= 5000:
                _insert_rows(cursor, rows)
                total += len(rows)
                rows = []
        if rows:
            _insert_rows(cursor, rows)
            total += len(rows)
        page_cache_changed()
    return total
