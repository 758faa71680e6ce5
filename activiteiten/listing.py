"""The agenda listing: one indexed query on the occurrence table, whatever the number of activities."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from .forms import AgendaFilterForm
from .models import AgendaItemPage, Occurrence
from .recurrence import MIDNIGHT, local

TAG_COLUMNS = {"wijken": "wijk", "themas": "thema", "doelgroepen": "doelgroep"}


def _tagged(field, objects):
    """Items tagged with any of ``objects`` through the many-to-many ``field``."""
    through = getattr(AgendaItemPage, field).through
    column = TAG_COLUMNS[field]
    return Q(page_id__in=through.objects.filter(**{f"{column}__in": objects}).values("agendaitempage_id"))


def filter_occurrences(filters, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    van = filters.get("van") or today
    tot = filters.get("tot") or (van + dt.timedelta(days=7))
    qs = Occurrence.objects.filter(
        page__live=True,
        end__gt=max(now, local(van, MIDNIGHT)),
        start__lt=local(tot + dt.timedelta(days=1), MIDNIGHT),
    )
    if filters.get("wijk"):
        qs = qs.filter(Q(page__heel_de_stad=True) | _tagged("wijken", filters["wijk"]))
    if filters.get("thema"):
        qs = qs.filter(_tagged("themas", filters["thema"]))
    if filters.get("doelgroep"):
        qs = qs.filter(_tagged("doelgroepen", filters["doelgroep"]))
    if filters.get("dagdeel"):
        qs = qs.filter(dagdeel__in=filters["dagdeel"])
    if filters.get("gratis"):
        qs = qs.filter(is_gratis=True)
    if filters.get("inloop"):
        qs = qs.filter(is_inloop=True)
    if filters.get("toegankelijk"):
        qs = qs.filter(is_toegankelijk=True)
    if filters.get("q"):
        words = filters["q"].split()[:8]
        for word in words:
            qs = qs.filter(
                Q(page__title__icontains=word)
                | Q(page__intro__icontains=word)
                | Q(page__organisator_naam__icontains=word)
            )
    return qs.order_by("start", "page_id", "id"), van, tot


def agenda_listing(agenda_page, request):
    form = AgendaFilterForm(request.GET or None)
    filters = form.valid_filters() if request.GET else {}
    occurrences, van, tot = filter_occurrences(filters)
    occurrences = occurrences.select_related("page", "locatie", "page__locatie")
    paginator = Paginator(occurrences, agenda_page.PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("pagina"))
    return {
        "filter_form": form,
        "occurrences": page_obj,
        "van": van,
        "tot": tot,
        "has_filters": bool(filters),
    }
