"""The agenda listing: one indexed query on the occurrence table, whatever the number of activities."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Count, Q
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


TAG_FACETS = {"wijk": "wijken", "thema": "themas", "doelgroep": "doelgroepen"}
FLAG_FACETS = {"gratis": "is_gratis", "inloop": "is_inloop", "toegankelijk": "is_toegankelijk"}


def facet_counts(filters, now=None):
    """How many dates each filter option would show, given the other chosen filters.
    A fixed number of grouped queries, whatever the number of activities."""
    now = now or timezone.now()

    def without(facet):
        return filter_occurrences({k: v for k, v in filters.items() if k != facet}, now)[0].order_by()

    counts = {}
    for facet, field in TAG_FACETS.items():
        counts[facet] = dict(
            without(facet)
            .filter(**{f"page__{field}__isnull": False})
            .values_list(f"page__{field}__slug")
            .annotate(n=Count("id"))
        )
    city_wide = without("wijk").filter(page__heel_de_stad=True).count()
    counts["wijk"] = {slug: n + city_wide for slug, n in counts["wijk"].items()}
    counts["wijk"]["*"] = city_wide  # wijken without their own items still show the city-wide ones
    counts["dagdeel"] = dict(without("dagdeel").values_list("dagdeel").annotate(n=Count("id")))
    for facet, column in FLAG_FACETS.items():
        counts[facet] = {"on": without(facet).filter(**{column: True}).count()}
    return counts


def agenda_listing(agenda_page, request):
    form = AgendaFilterForm(request.GET or None)
    filters = form.valid_filters()
    occurrences, van, tot = filter_occurrences(filters)
    occurrences = occurrences.select_related("page", "locatie", "page__locatie")
    paginator = Paginator(occurrences, agenda_page.PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("pagina"))
    return {
        "filter_form": form,
        "facet_counts": facet_counts(filters),
        "occurrences": page_obj,
        "van": van,
        "tot": tot,
        "active_filters": len(filters),
    }


def upcoming(filters=None, limit=20, **lookups):
    """A short list of coming dates for other pages (a wijk's week, what is on at a place, today).
    ``filters`` as for the agenda; extra ``lookups`` filter the occurrences directly."""
    occurrences, _van, _tot = filter_occurrences(filters or {})
    return list(occurrences.filter(**lookups).select_related("page", "locatie")[:limit])


def agenda_page():
    from .models import AgendaPage

    return AgendaPage.objects.live().first()
