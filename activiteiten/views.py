"""iCal downloads and subscriptions: one agenda item's series, one date, and a filtered agenda."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from .ical import agenda_calendar, item_calendar, occurrence_calendar
from .listing import AgendaFilters, filter_occurrences
from .models import AgendaItemPage, Occurrence
from .occurrences import source_page_id

AGENDA_FEED_DAYS = 90  # without "tot": today (or "van") and the next 89 days
AGENDA_FEED_MAX = 500


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.ics")
    return response


def public_item(page_id):
    """A published agenda item that everyone may see, or a 404."""
    pages = AgendaItemPage.objects.live().public().select_related("locatie")
    return get_object_or_404(pages, pk=page_id)


@require_safe
def ical_item(request, page_id):
    page = public_item(page_id)
    return ics_response(item_calendar(page, request), page.slug)


@require_safe
def ical_occurrence(request, page_id, occurrence_id):
    page = public_item(page_id)
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("locatie"),
        pk=occurrence_id,
        page_id__in={page.pk, source_page_id(page)},
    )
    occurrence.page = page  # a translation shows its own title and address
    return ics_response(occurrence_calendar(occurrence, request), f"{page.slug}-{occurrence.datum:%Y-%m-%d}")


@require_safe
def ical_agenda(request):
    """The agenda's own filters; a filter with a wrong value is left out, as on the agenda page."""
    filters = AgendaFilters(request.GET).valid_filters()
    if not filters.get("tot"):
        van = filters.get("van") or timezone.localdate()
        filters["tot"] = van + dt.timedelta(days=AGENDA_FEED_DAYS - 1)
    occurrences, _van, _tot = filter_occurrences(filters)
    occurrences = occurrences.select_related("page", "locatie", "page__locatie")[:AGENDA_FEED_MAX]
    return ics_response(agenda_calendar(occurrences, request), "agenda")
