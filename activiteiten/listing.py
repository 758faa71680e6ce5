"""The agenda listing: indexed queries on the occurrence table, whatever the number of activities.

Rows only exist for live pages (publishing rebuilds them; unpublishing, expiry and deletion remove them),
so the listing does not join the page table except for a text search. An occurrence never lasts longer
than MAX_DAGEN days, which gives every query a lower bound on ``start`` and keeps it on the index.
"""

import datetime as dt

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone, translation

from portal import listing
from portal.kalender import DAGDELEN
from portal.translations import with_translations

from .forms import AgendaFilterForm
from .models import MAX_DAGEN, AgendaItemPage, Occurrence
from .recurrence import MIDNIGHT, local

LONGEST = dt.timedelta(days=MAX_DAGEN + 1)


class AgendaTags(listing.TagFilter):
    """A tag of the activity, on its occurrences. Counted by joining the matching occurrences straight to
    the many-to-many table (the ORM would also join the page table in between, which doubles the cost at
    10,000 activities)."""

    def __init__(self, field, **kwargs):
        super().__init__(AgendaItemPage, field, key="page_id", **kwargs)

    def counts(self, occurrences):
        """Dates per tag slug."""
        m2m, qn = self.m2m, connection.ops.quote_name
        through, tags = qn(self.through._meta.db_table), qn(m2m.related_model._meta.db_table)
        sql, params = occurrences.values("page_id").query.sql_with_params()
        query = (
            f"SELECT tag.{qn('slug')}, COUNT(*) FROM ({sql}) o "  # noqa: S608 (names come from the models)
            f"JOIN {through} t ON t.{qn(m2m.m2m_column_name())} = o.{qn('page_id')} "
            f"JOIN {tags} tag ON tag.{qn('id')} = t.{qn(m2m.m2m_reverse_name())} "
            f"GROUP BY tag.{qn('slug')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return dict(cursor.fetchall())


class Words(listing.FacetFilter):
    """Up to eight words, each in the title, the intro or the organiser's name; in another language also
    in the title or intro of the activity's translation."""

    def conditions(self, text):
        conditions = {}
        language = translation.get_language() or settings.LANGUAGE_CODE
        for i, word in enumerate(text.split()[:8]):
            conditions[f"q{i}"] = (
                Q(page__title__icontains=word)
                | Q(page__intro__icontains=word)
                | Q(page__organisator_naam__icontains=word)
            )
            if language != settings.LANGUAGE_CODE:  # the visitor's words may be those of the translation
                conditions[f"q{i}"] |= Q(page__translation_key__in=_translations_with(word, language))
        return conditions


class AgendaFilters(listing.FacetFilterSet):
    """The agenda's filters on the occurrence table; ``van`` and ``tot`` give the window instead."""

    wijk = AgendaTags("wijken", city_wide="is_heel_de_stad")
    thema = AgendaTags("themas")
    doelgroep = AgendaTags("doelgroepen")
    dagdeel = listing.FacetFilter(lambda chosen: Q(dagdeel__in=chosen))
    gratis = listing.FlagFilter("is_gratis")
    inloop = listing.FlagFilter("is_inloop")
    toegankelijk = listing.FlagFilter("is_toegankelijk")
    q = Words()

    class Meta:
        model = Occurrence
        fields = []
        form = AgendaFilterForm


def window_filter(filters, now):
    """The period asked for (default: today and the next 7 days), without what has already ended."""
    van = filters.get("van") or timezone.localdate(now)
    tot = filters.get("tot") or (van + dt.timedelta(days=7))
    vanaf = max(now, local(van, MIDNIGHT))
    until = local(tot + dt.timedelta(days=1), MIDNIGHT)
    return Q(end__gt=vanaf, start__gt=vanaf - LONGEST, start__lt=until), van, tot


def facet_filters(filters):
    """One condition per active filter, keyed by facet, so a count can leave its own facet out."""
    return AgendaFilters.conditions(filters)


def _translations_with(word, language):
    """The translation keys of live, public translations into ``language`` with ``word`` in the title or
    intro. (The listing only holds live Dutch pages, so a translation of an offline page finds nothing.)"""
    return (
        AgendaItemPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .filter(Q(title__icontains=word) | Q(intro__icontains=word))
        .values("translation_key")
    )


def filter_occurrences(filters, now=None):
    now = now or timezone.now()
    window, van, tot = window_filter(filters, now)
    qs = Occurrence.objects.filter(window).filter(listing.all_of(facet_filters(filters)))
    return qs.order_by("start", "page_id", "id"), van, tot


def facet_counts(filters, now=None):
    """How many dates each filter option would show, given the other chosen filters.
    Four or five queries on the occurrence index, whatever the number of activities."""
    now = now or timezone.now()
    window, _van, _tot = window_filter(filters, now)
    conditions = facet_filters(filters)
    in_window = Occurrence.objects.filter(window).order_by()

    counts = {}
    for facet, tags in AgendaFilters.facets(AgendaTags).items():
        counts[facet] = tags.counts(in_window.filter(listing.all_of(conditions, leave_out=(facet,))))

    # Day parts, the yes/no filters and the city-wide items in one pass over the index: the other
    # filters (wijk, thema, doelgroep, text) narrow the rows, each count leaves out only its own facet.
    flags = AgendaFilters.flag_options()
    own = {k: v for k, v in conditions.items() if k in flags or k == "dagdeel"}
    others = {k: v for k, v in conditions.items() if k not in own}
    options = {f"dagdeel_{d}": ("dagdeel", Q(dagdeel=d)) for d in DAGDELEN} | flags
    if "wijk" not in conditions:
        options["city_wide"] = ("wijk", Q(is_heel_de_stad=True))
    totals = listing.option_counts(in_window.filter(listing.all_of(others)), own, options)
    if "wijk" in conditions:
        elsewhere = in_window.filter(listing.all_of(conditions, leave_out=("wijk",)))
        city_wide = elsewhere.filter(is_heel_de_stad=True).count()
    else:
        city_wide = totals["city_wide"]

    # Wijken without items of their own still show the city-wide ones.
    counts["wijk"] = listing.with_city_wide(counts["wijk"], city_wide)
    counts["dagdeel"] = {d: totals[f"dagdeel_{d}"] for d in DAGDELEN if totals[f"dagdeel_{d}"]}
    for facet in flags:
        counts[facet] = {"on": totals[facet]}
    return counts


def cached_facet_counts(filters):
    """The filter counts, shared by every visitor with the same filters until something changes."""
    from portal.cache import fragment

    def part(value):
        if isinstance(value, (list, tuple, set)):
            return sorted(str(getattr(v, "pk", v)) for v in value)
        return str(getattr(value, "pk", value))

    parts = sorted((key, part(value)) for key, value in filters.items())
    if filters.get("q"):  # the words also match the translations in the visitor's language
        parts.append(("taal", translation.get_language() or settings.LANGUAGE_CODE))
    return fragment("agenda-tellingen", parts, lambda: facet_counts(filters))


def agenda_listing(agenda_page, request):
    filterset = AgendaFilters(request.GET or None)
    filters = filterset.valid_filters()
    occurrences, van, tot = filter_occurrences(filters)
    occurrences = occurrences.select_related("page").defer("page__body")
    page_obj = listing.paginate(occurrences, agenda_page.PER_PAGE, request)
    page_obj.object_list = with_place_names(page_obj.object_list)
    with_translations([o.page for o in page_obj.object_list], request)
    return filterset.context(cached_facet_counts(filters), occurrences=page_obj, van=van, tot=tot)


def upcoming(filters=None, limit=20, **lookups):
    """A short list of coming dates for other pages (a wijk's week, what is on at a place, today).
    ``filters`` as for the agenda; extra ``lookups`` filter the occurrences directly."""
    occurrences, _van, _tot = filter_occurrences(filters or {})
    occurrences = occurrences.filter(**lookups).select_related("page").defer("page__body")
    occurrences = with_place_names(occurrences[:limit])
    with_translations([o.page for o in occurrences])
    return occurrences


def with_place_names(occurrences):
    """Cards only show the place's name: one small query instead of a full page object per card."""
    from portal.models import LocatiePage

    occurrences = list(occurrences)
    ids = {o.locatie_id for o in occurrences if o.locatie_id}
    names = dict(LocatiePage.objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    for occurrence in occurrences:
        occurrence.plek = names.get(occurrence.locatie_id, "")
    return occurrences


def agenda_page():
    """The agenda in the visitor's language when it is translated, else the Dutch one."""
    from django.conf import settings
    from django.utils import translation

    from .models import AgendaPage

    pages = {p.locale.language_code: p for p in AgendaPage.objects.live().select_related("locale")}
    return pages.get(translation.get_language()) or pages.get(settings.LANGUAGE_CODE)
