"""The stored occurrence table: rebuilt per page from the one expansion function."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from .models import AgendaItemPage, Occurrence
from .recurrence import AMSTERDAM, Schedule, expand

WINDOW_DAYS = 548  # a rolling window of 18 months
LOOKBACK_DAYS = 1  # keep yesterday, so an item that is still going on stays visible


def window(today=None):
    today = today or timezone.localdate()
    start = dt.datetime.combine(today - dt.timedelta(days=LOOKBACK_DAYS), dt.time(), tzinfo=AMSTERDAM)
    return start, start + dt.timedelta(days=WINDOW_DAYS + LOOKBACK_DAYS)


def source_page(page):
    """The page whose occurrences a translation shares: the one in the default locale."""
    page = page.specific if not isinstance(page, AgendaItemPage) else page
    if page.locale.language_code != page.locale.get_default().language_code:
        original = AgendaItemPage.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=page.locale.get_default().language_code,
        ).first()
        if original:
            return original
    return page


def occurrence_rows(page, planned, locaties_toegankelijk):
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
            is_toegankelijk=locaties_toegankelijk.get(p.locatie_id, False),
        )
        for p in planned
    ]


@transaction.atomic
def rebuild_occurrences(page, today=None):
    """Replace the stored occurrences of one page. Only the live, published content counts: a draft
    never reaches the table, and an unpublished page has none."""
    page = AgendaItemPage.objects.filter(pk=source_page(page).pk).first()
    if page is None:
        return 0
    Occurrence.objects.filter(page_id=page.pk).delete()
    if not page.live:
        return 0
    planned = expand(Schedule.from_page(page), *window(today))
    ids = {p.locatie_id for p in planned if p.locatie_id}
    from portal.models import LocatiePage

    toegankelijk = dict(LocatiePage.objects.filter(pk__in=ids).values_list("pk", "rolstoeltoegankelijk"))
    Occurrence.objects.bulk_create(occurrence_rows(page, planned, toegankelijk), batch_size=1000)
    return len(planned)


def rebuild_occurrences_for(page_id, today=None):
    page = AgendaItemPage.objects.filter(pk=page_id).first()
    if page is None:  # deleted meanwhile: its rows went with it
        return 0
    return rebuild_occurrences(page, today)


def rebuild_all(today=None, batch=500):
    """Rebuild the whole table (nightly, to move the window along). Returns the number of rows."""
    from portal.models import LocatiePage

    start, end = window(today)
    toegankelijk = dict(LocatiePage.objects.values_list("pk", "rolstoeltoegankelijk"))
    total = 0
    pages = (
        AgendaItemPage.objects.live()
        .filter(locale=Locale.get_default())
        .defer_streamfields()
        .prefetch_related("tijdsloten", "uitzonderingen")
        .order_by("pk")
    )
    with transaction.atomic():
        Occurrence.objects.all().delete()
        rows = []
        for page in pages.iterator(chunk_size=batch):
            planned = expand(Schedule.from_page(page), start, end)
            rows.extend(occurrence_rows(page, planned, toegankelijk))
            if len(rows) >= 5000:
                Occurrence.objects.bulk_create(rows, batch_size=1000)
                total += len(rows)
                rows = []
        Occurrence.objects.bulk_create(rows, batch_size=1000)
        total += len(rows)
    return total
